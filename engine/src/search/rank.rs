//! Ranking: BM25 over field-weighted term frequencies, which articles hold enough of the query,
//! and the proximity bonus for words that sit close together.

use super::clauses::ClauseHits;
use super::run::Ctx;

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Only this many of the best BM25 candidates are re-ranked by proximity.
pub(super) const RERANK: usize = 200;
/// Up to this much extra score (as a fraction) when all query words sit side by side.
pub(super) const PROXIMITY_BONUS: f32 = 0.5;

impl Ctx<'_> {
    pub(super) fn idf(&self, df: u32) -> f32 {
        let df = df as f32;
        ((self.n_docs - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    pub(super) fn bm25(&self, idf: f32, wtf2: u32, doc: u32) -> f32 {
        let tf = wtf2 as f32 / 2.0;
        let len = self.index.doc_lens.get(doc as usize).copied().unwrap_or(0) as f32;
        let norm = K1 * (1.0 - B + B * len / self.avg_len.max(1.0));
        idf * tf * (K1 + 1.0) / (tf + norm)
    }
}

/// How many of `n` clauses a hit must hold: of one or two, one; of three, two; then all but a
/// third. Longer queries tolerate more words an article does not use.
fn should_match(n: usize) -> u16 {
    let needed = match n {
        0..=2 => 1,
        _ => n - (n / 3).max(1),
    };
    needed as u16
}

/// Articles that pass (not excluded, holding [`should_match`] of the clauses, or at least one
/// when none holds that many) with summed scores, and how many clauses each article holds.
pub(super) fn combine(
    clauses: &[ClauseHits],
    excluded: &[bool],
    n_docs: usize,
) -> (Vec<(u32, f32)>, Vec<u16>) {
    if clauses.is_empty() {
        // Filters and exclusions only: every article that passes, in corpus order.
        let found = (0..n_docs as u32).filter(|d| !excluded[*d as usize]).map(|d| (d, 0.0)).collect();
        return (found, Vec::new());
    }
    let mut score = vec![0f32; n_docs];
    let mut count = vec![0u16; n_docs];
    // Clauses matched other than a word still being typed: a completion alone ("Sha" as
    // "shared") does not make a hit.
    let mut typed = vec![false; n_docs];
    for clause in clauses {
        for &(doc, s) in &clause.docs {
            if let (Some(total), Some(n)) = (score.get_mut(doc as usize), count.get_mut(doc as usize)) {
                *total += s;
                *n = n.saturating_add(1);
                typed[doc as usize] |= clause.completions_only.binary_search(&doc).is_err();
            }
        }
    }
    let all = clauses.len() as u16;
    let counted = &count;
    let typed = &typed;
    let passes = move |needed: u16| {
        (0..n_docs).filter(move |&d| counted[d] >= needed && !excluded[d] && (typed[d] || counted[d] == all))
    };
    let mut needed = should_match(clauses.len());
    if passes(needed).next().is_none() {
        needed = 1;
    }
    let found = passes(needed).map(|d| (d as u32, score[d])).collect();
    (found, count)
}

/// How close the clauses' matches sit in an article: 1.0 when side by side, towards 0 when far
/// apart, 0 with fewer than two clauses matched. `marks` is a buffer the caller reuses across
/// the articles it re-ranks (its contents do not matter).
pub(super) fn closeness(
    ctx: &Ctx<'_>,
    clauses: &[ClauseHits],
    doc: u32,
    marks: &mut Vec<(usize, usize)>,
) -> f32 {
    if clauses.len() < 2 {
        return 0.0;
    }
    marks.clear();
    let mut k = 0;
    for (c, clause) in clauses.iter().enumerate() {
        let before = marks.len();
        for (_, entry) in clause.entries_of(doc) {
            ctx.each_offset(&entry.posting, |o| marks.push((o, c)));
        }
        marks.extend(clause.spans_of(doc).iter().map(|s| (s.1, c)));
        clause.each_mention_start(ctx.index, doc, |start| marks.push((start, c)));
        if marks.len() > before {
            k += 1;
        }
    }
    if k < 2 {
        return 0.0;
    }
    marks.sort_unstable();
    // Smallest window holding a mark of every matched clause.
    let mut seen = vec![0usize; clauses.len()];
    let mut covered = 0;
    let mut best = usize::MAX;
    let mut lo = 0;
    for hi in 0..marks.len() {
        if seen[marks[hi].1] == 0 {
            covered += 1;
        }
        seen[marks[hi].1] += 1;
        while covered == k {
            best = best.min(marks[hi].0 - marks[lo].0);
            seen[marks[lo].1] -= 1;
            if seen[marks[lo].1] == 0 {
                covered -= 1;
            }
            lo += 1;
        }
    }
    // About six bytes a word; words in a row span (k - 1) gaps.
    let extra_words = (best as f32 / 6.0 - (k - 1) as f32).max(0.0);
    1.0 / (1.0 + extra_words / 3.0)
}
