//! Sentence alignment by shared meaning, not position: weighted cosine of content terms.

use std::collections::{HashMap, HashSet};

use crate::model::Article;
use crate::text::{tokens, Token};

use super::figures::{facts_of_tokens, DatePoint, Fact, FactValue};
use super::terms::{terms_of_tokens, Term};
use super::{diff, figures, sentences, AlignedPair, Sentence};

/// Minimum weighted cosine for two sentences to be aligned when one of them has no better
/// partner in the other article. On the gold set (tests/gold/compare_pairs.toml) the weakest
/// gold pair scores 0.085; look-alikes score up to 0.09 but are kept out by the
/// best-match rules.
pub const ALIGN_THRESHOLD: f32 = 0.08;
/// A pair at least this strong is kept even when both sentences have better partners: one
/// sentence may report what two sentences of the other article say.
pub const STRONG: f32 = 0.30;
/// A pair within this factor of a sentence's best score counts as its best.
const NEAR_BEST: f32 = 0.95;
/// A weak pair that is one sentence's best must reach this share of the other's best.
const OTHER_SIDE: f32 = 0.5;
/// Minimum number of shared terms (a lone shared name is not a match).
const MIN_SHARED: usize = 2;
/// Weight multiplier for proper names and figures: they carry the facts.
const NAME_BOOST: f32 = 1.5;
const FIGURE_BOOST: f32 = 1.5;
/// Weight multiplier for weekday and month names: sharing "Tuesday" says little (full dates
/// are compared as figures instead).
const CALENDAR_WEIGHT: f32 = 0.4;

/// The output of [`align`]: per-article distinct sentences and whether each is matched, and the
/// aligned pairs.
pub struct Aligned {
    /// Distinct sentences per article (exact repeats inside an article dropped).
    pub sentences: Vec<Vec<Sentence>>,
    /// Per article, per distinct sentence: aligned with some sentence of another article.
    pub matched: Vec<Vec<bool>>,
    /// All aligned pairs.
    pub pairs: Vec<AlignedPair>,
}

/// A sentence's weighted term set: (interned term id, weight), sorted by id.
struct Features {
    weights: Vec<(u32, f32)>,
    norm: f32,
    /// The folded words, so identical sentences match whatever their length.
    words: Vec<String>,
}

/// Every sentence-pair score between two articles, as [`compare`](super::compare) computes them
/// when comparing just these two: rows are A's distinct sentences, columns B's.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreTable {
    /// A's distinct sentences.
    pub a: Vec<Sentence>,
    /// B's distinct sentences.
    pub b: Vec<Sentence>,
    /// `scores[i][j]`: similarity of `a[i]` and `b[j]`, 0–1.
    pub scores: Vec<Vec<f32>>,
}

/// Scores every sentence of `a` against every sentence of `b`.
pub fn sentence_scores(a: &Article, b: &Article) -> ScoreTable {
    let (mut sentences, features) = featurise(&[a, b]);
    let scores = table(&features[0], &features[1]);
    let sb = sentences.pop().unwrap_or_default();
    let sa = sentences.pop().unwrap_or_default();
    ScoreTable { a: sa, b: sb, scores }
}

fn table(fa: &[Features], fb: &[Features]) -> Vec<Vec<f32>> {
    fa.iter().map(|x| fb.iter().map(|y| similarity(x, y)).collect()).collect()
}

/// Distinct sentences and their weighted features, for a set of compared articles (the
/// weights' inverse sentence frequency is computed over all of them).
fn featurise(articles: &[&Article]) -> (Vec<Vec<Sentence>>, Vec<Vec<Features>>) {
    let (sentences, features, _) = featurise_with_facts(articles);
    (sentences, features)
}

/// Per article, per distinct sentence: its figures and dates.
type FactLists = Vec<Vec<Vec<Fact>>>;

/// [`featurise`], also returning each sentence's facts for the conflict check.
fn featurise_with_facts(articles: &[&Article]) -> (Vec<Vec<Sentence>>, Vec<Vec<Features>>, FactLists) {
    let sentences: Vec<Vec<Sentence>> = articles.iter().map(|a| distinct(sentences::sentences(a))).collect();
    // Tokenise each sentence once; terms, figures and words all come from the same tokens.
    let mut interner: HashMap<String, u32> = HashMap::new();
    // Per article, per sentence: (term id, boost) pairs and the folded words.
    type Raw = (Vec<(u32, f32)>, Vec<String>);
    let mut raw: Vec<Vec<Raw>> = Vec::with_capacity(sentences.len());
    let mut fact_lists: FactLists = Vec::with_capacity(sentences.len());
    for list in &sentences {
        let mut per_article = Vec::with_capacity(list.len());
        let mut article_facts = Vec::with_capacity(list.len());
        for s in list {
            let toks = tokens(&s.text);
            let mut weights: Vec<(u32, f32)> = Vec::new();
            let facts = facts_of_tokens(&s.text, &toks);
            for t in sentence_terms(&toks, &facts) {
                let next = interner.len() as u32;
                let id = *interner.entry(t.key).or_insert(next);
                let name = if t.name { NAME_BOOST } else { 1.0 };
                let figure = if t.figure { FIGURE_BOOST } else { 1.0 };
                let boost = if t.calendar { CALENDAR_WEIGHT } else { name * figure };
                weights.push((id, boost));
            }
            // One entry per term, keeping its strongest boost.
            weights.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
            weights.dedup_by_key(|w| w.0);
            per_article.push((weights, toks.into_iter().map(|t| t.norm).collect()));
            article_facts.push(facts);
        }
        raw.push(per_article);
        fact_lists.push(article_facts);
    }

    // Inverse sentence frequency over every compared sentence.
    let mut df = vec![0usize; interner.len()];
    let mut n_sentences = 0usize;
    for (weights, _) in raw.iter().flatten() {
        n_sentences += 1;
        for (id, _) in weights {
            df[*id as usize] += 1;
        }
    }
    let idf: Vec<f32> = df.iter().map(|d| (1.0 + n_sentences as f32 / (*d).max(1) as f32).ln()).collect();
    let features: Vec<Vec<Features>> = raw
        .into_iter()
        .map(|list| {
            list.into_iter()
                .map(|(mut weights, words)| {
                    for (id, w) in weights.iter_mut() {
                        *w *= idf[*id as usize];
                    }
                    let norm = weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                    Features { weights, norm, words }
                })
                .collect()
        })
        .collect();
    (sentences, features, fact_lists)
}

/// Aligns all article pairs. `labels` name the articles in explanations.
pub fn align(articles: &[&Article], labels: &[&str]) -> Aligned {
    let (sentences, features, facts) = featurise_with_facts(articles);
    let mut matched: Vec<Vec<bool>> = sentences.iter().map(|ss| vec![false; ss.len()]).collect();
    let mut pairs = Vec::new();
    for a in 0..articles.len() {
        for b in a + 1..articles.len() {
            let fa = &features[a];
            let fb = &features[b];
            let scores = table(fa, fb);
            let best_a: Vec<f32> = scores.iter().map(|row| row.iter().copied().fold(0.0, f32::max)).collect();
            let best_b: Vec<f32> =
                (0..fb.len()).map(|j| scores.iter().map(|row| row[j]).fold(0.0, f32::max)).collect();
            for i in 0..fa.len() {
                let mut row: Vec<(usize, f32)> = Vec::new();
                for j in 0..fb.len() {
                    let s = scores[i][j];
                    if keep(s, best_a[i], best_b[j]) {
                        row.push((j, s));
                    }
                }
                row.sort_by(|x, y| y.1.total_cmp(&x.1));
                for (j, score) in row {
                    matched[a][i] = true;
                    matched[b][j] = true;
                    let sa = &sentences[a][i];
                    let sb = &sentences[b][j];
                    let (agreements, conflicts) = figures::check_facts(
                        (&sa.text, &facts[a][i], sa.start, labels[a]),
                        (&sb.text, &facts[b][j], sb.start, labels[b]),
                    );
                    pairs.push(AlignedPair {
                        a: articles[a].id.clone(),
                        b: articles[b].id.clone(),
                        a_sentence: sa.clone(),
                        b_sentence: sb.clone(),
                        score,
                        diff: diff::diff(&sa.text, sa.start, &sb.text, sb.start),
                        conflicts,
                        agreements,
                    });
                }
            }
        }
    }
    Aligned { sentences, matched, pairs }
}

/// The features of a sentence: content terms, figures keyed by what they count ("39 rocket
/// attacks" and "39 missiles" share `#39:attack`, "13 were released" does not) and date parts.
/// (Word pairs as extra features were tried: they lowered recall on the gold set.)
fn sentence_terms(toks: &[Token<'_>], facts: &[Fact]) -> Vec<Term> {
    let mut out: Vec<Term> = terms_of_tokens(toks).into_iter().filter(|t| !t.figure).collect();
    for fact in facts {
        let mut keys = Vec::new();
        // A month alone is already a plain term ("october"); only full dates become figures.
        let date = |p: &DatePoint, keys: &mut Vec<String>| {
            if let (Some(m), Some(d)) = (p.month, p.day) {
                keys.push(format!("@m{m}d{d}"));
            }
            if let Some(y) = p.year {
                keys.push(format!("@y{y}"));
            }
        };
        match &fact.value {
            FactValue::Count { value, unit, .. } => keys.push(format!("#{value}:{unit}")),
            FactValue::Date(p) => date(p, &mut keys),
            FactValue::Range(a, b) => {
                date(a, &mut keys);
                date(b, &mut keys);
            }
        }
        out.extend(keys.into_iter().map(|key| Term { key, name: false, figure: true, calendar: false }));
    }
    out
}

/// Whether a pair with score `s` is aligned, given the best scores of its two sentences.
///
/// Strong pairs always are (one sentence may report what several of the other say). Weaker
/// pairs need to be one sentence's best match, and not far below the other sentence's best:
/// otherwise every sentence would drag in its least-bad partner.
fn keep(s: f32, best_a: f32, best_b: f32) -> bool {
    if s >= STRONG {
        return true;
    }
    if s < ALIGN_THRESHOLD {
        return false;
    }
    let best_of_a = s >= best_a * NEAR_BEST;
    let best_of_b = s >= best_b * NEAR_BEST;
    (best_of_a && s >= best_b * OTHER_SIDE) || (best_of_b && s >= best_a * OTHER_SIDE)
}

/// Weighted cosine of two sentences' term sets; 0 unless they share [`MIN_SHARED`] terms; 1
/// for the same words.
fn similarity(x: &Features, y: &Features) -> f32 {
    if !x.words.is_empty() && x.words == y.words {
        return 1.0;
    }
    if x.norm == 0.0 || y.norm == 0.0 {
        return 0.0;
    }
    // Merge-join of the two sorted term lists.
    let (mut i, mut j) = (0, 0);
    let mut dot = 0.0;
    let mut shared = 0;
    while i < x.weights.len() && j < y.weights.len() {
        let (a, b) = (x.weights[i], y.weights[j]);
        match a.0.cmp(&b.0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a.1 * b.1;
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    if shared < MIN_SHARED {
        return 0.0;
    }
    dot / (x.norm * y.norm)
}

/// Drops exact repeats of a sentence inside one article (a scraped caption twice, a summary
/// bullet repeating a paragraph): they would align twice with the same partner.
fn distinct(all: Vec<Sentence>) -> Vec<Sentence> {
    let mut seen = HashSet::new();
    all.into_iter()
        .filter(|s| {
            let words: Vec<String> = tokens(&s.text).into_iter().map(|t| t.norm).collect();
            seen.insert(words)
        })
        .collect()
}
