//! Sentence alignment by shared meaning, not position: weighted cosine of content terms.

use std::collections::{HashMap, HashSet};

use crate::model::Article;
use crate::text::fold;

use super::terms::terms;
use super::{diff, figures, sentences, AlignedPair, Sentence};

/// Minimum weighted cosine for two sentences to be aligned.
pub const ALIGN_THRESHOLD: f32 = 0.22;
/// A pair at least this strong is kept even when both sentences have better partners.
const STRONG: f32 = 0.45;
/// A pair within this factor of a sentence's best score counts as one of its best.
const NEAR_BEST: f32 = 0.85;
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
}

/// Aligns all article pairs. `labels` name the articles in explanations.
pub fn align(articles: &[&Article], labels: &[&str]) -> Aligned {
    let sentences: Vec<Vec<Sentence>> = articles.iter().map(|a| distinct(sentences::sentences(a))).collect();
    let term_lists: Vec<Vec<Vec<super::terms::Term>>> =
        sentences.iter().map(|ss| ss.iter().map(|s| terms(&s.text)).collect()).collect();

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
        .map(|list| {
            list.iter()
                .map(|ts| {
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
                    Features { weights, norm }
                })
                .collect()
        })
        .collect();

    let mut matched: Vec<Vec<bool>> = sentences.iter().map(|ss| vec![false; ss.len()]).collect();
    let mut pairs = Vec::new();
    for a in 0..articles.len() {
        for b in a + 1..articles.len() {
            let fa = &features[a];
            let fb = &features[b];
            let mut scores = vec![vec![0.0f32; fb.len()]; fa.len()];
            for (i, x) in fa.iter().enumerate() {
                for (j, y) in fb.iter().enumerate() {
                    scores[i][j] = similarity(x, y);
                }
            }
            let best_a: Vec<f32> = scores.iter().map(|row| row.iter().copied().fold(0.0, f32::max)).collect();
            let best_b: Vec<f32> =
                (0..fb.len()).map(|j| scores.iter().map(|row| row[j]).fold(0.0, f32::max)).collect();
            for i in 0..fa.len() {
                let mut row: Vec<(usize, f32)> = Vec::new();
                for j in 0..fb.len() {
                    let s = scores[i][j];
                    if s < ALIGN_THRESHOLD {
                        continue;
                    }
                    let near_best = s >= best_a[i] * NEAR_BEST || s >= best_b[j] * NEAR_BEST;
                    if s >= STRONG || near_best {
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

/// Weighted cosine of two sentences' term sets; 0 unless they share [`MIN_SHARED`] terms.
fn similarity(x: &Features, y: &Features) -> f32 {
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
    all.into_iter().filter(|s| seen.insert(fold(&s.text))).collect()
}
