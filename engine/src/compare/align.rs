//! Sentence alignment by shared meaning, not position: weighted cosine of content terms.

use std::collections::{HashMap, HashSet};

use crate::model::Article;
use crate::text::tokens;

use super::figures::{facts, DatePoint, FactValue};
use super::terms::{terms, Term};
use super::{diff, figures, sentences, AlignedPair, Sentence};

/// Minimum weighted cosine for two sentences to be aligned when one of them has no better
/// partner in the other article (gold look-alikes score at most 0.07, gold pairs at least 0.085).
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

/// A sentence's weighted term set.
struct Features {
    weights: HashMap<String, f32>,
    norm: f32,
    /// The folded words, so identical sentences match whatever their length.
    words: Vec<String>,
}

/// Every sentence-pair score between two articles (as [`align`] computes them when comparing
/// just these two): rows are A's distinct sentences, columns B's.
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
    let sentences: Vec<Vec<Sentence>> = articles.iter().map(|a| distinct(sentences::sentences(a))).collect();
    let term_lists: Vec<Vec<Vec<Term>>> =
        sentences.iter().map(|ss| ss.iter().map(|s| sentence_terms(&s.text)).collect()).collect();
    let word_lists: Vec<Vec<Vec<String>>> = sentences
        .iter()
        .map(|ss| ss.iter().map(|s| tokens(&s.text).into_iter().map(|t| t.norm).collect()).collect())
        .collect();

    // Inverse sentence frequency over every compared sentence.
    let mut df: HashMap<&str, usize> = HashMap::new();
    let mut n_sentences = 0usize;
    for list in &term_lists {
        for ts in list {
            n_sentences += 1;
            let unique: HashSet<&str> = ts.iter().map(|t| t.key.as_str()).collect();
            for key in unique {
                *df.entry(key).or_default() += 1;
            }
        }
    }
    let idf = |key: &str| -> f32 {
        let d = df.get(key).copied().unwrap_or(1).max(1) as f32;
        (1.0 + n_sentences as f32 / d).ln()
    };
    let features: Vec<Vec<Features>> = term_lists
        .iter()
        .zip(word_lists)
        .map(|(list, words)| {
            list.iter()
                .zip(words)
                .map(|(ts, words)| {
                    let mut weights: HashMap<String, f32> = HashMap::new();
                    for t in ts {
                        let mut w = idf(&t.key);
                        if t.name {
                            w *= NAME_BOOST;
                        }
                        if t.figure {
                            w *= FIGURE_BOOST;
                        }
                        let slot = weights.entry(t.key.clone()).or_insert(0.0);
                        *slot = slot.max(w);
                    }
                    let norm = weights.values().map(|w| w * w).sum::<f32>().sqrt();
                    Features { weights, norm, words }
                })
                .collect()
        })
        .collect();
    (sentences, features)
}

/// Aligns all article pairs. `labels` name the articles in explanations.
pub fn align(articles: &[&Article], labels: &[&str]) -> Aligned {
    let (sentences, features) = featurise(articles);
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
                    let (agreements, conflicts) =
                        figures::check(&sa.text, sa.start, labels[a], &sb.text, sb.start, labels[b]);
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
fn sentence_terms(text: &str) -> Vec<Term> {
    let mut out: Vec<Term> = terms(text).into_iter().filter(|t| !t.figure).collect();
    for fact in facts(text) {
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
        out.extend(keys.into_iter().map(|key| Term { key, name: false, figure: true }));
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
    let (small, large) = if x.weights.len() <= y.weights.len() { (x, y) } else { (y, x) };
    let mut dot = 0.0;
    let mut shared = 0;
    for (key, w) in &small.weights {
        if let Some(v) = large.weights.get(key) {
            dot += w * v;
            shared += 1;
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
