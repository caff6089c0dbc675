//! Long runs of identical wording shared by two articles: the trace of wire copy.

use serde::{Deserialize, Serialize};

use crate::model::Article;
use crate::search::FnvMap;
use crate::text::tokens;

/// A run of at least [`super::SHARED_RUN_WORDS`] identical folded words in two articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedRun {
    /// Id of article A.
    pub a: String,
    /// Id of article B.
    pub b: String,
    /// Number of words in the run.
    pub words: usize,
    /// The run as A writes it (`raw[a_start..a_end]` of A's file).
    pub text: String,
    /// Raw-file offset of the run in A's file.
    pub a_start: usize,
    /// End of the run in A's file.
    pub a_end: usize,
    /// Raw-file offset of the run in B's file.
    pub b_start: usize,
    /// End of the run in B's file.
    pub b_end: usize,
}

/// Starts in A tried for each place in B (a wording repeated more often in A than this is still
/// matched place by place, through the per-key cursor).
const CANDIDATE_STARTS: usize = 8;
/// At most this many runs are reported for a comparison (wire copy is a handful of runs; more
/// means repeated boilerplate).
pub const MAX_RUNS: usize = 2_000;

/// One word of an article: folded form (as an id shared by every compared article), block index
/// and raw range.
struct Word {
    id: u32,
    block: usize,
    start: usize,
    end: usize,
}

fn words(article: &Article, ids: &mut FnvMap<String, u32>) -> Vec<Word> {
    let mut out = Vec::new();
    for (b, block) in article.blocks.iter().enumerate() {
        for t in tokens(&block.text) {
            let next = ids.len() as u32;
            let id = *ids.entry(t.norm).or_insert(next);
            out.push(Word { id, block: b, start: block.start + t.start, end: block.start + t.end });
        }
    }
    out
}

/// Maximal runs of at least `min_words` identical folded words (inside one block on each side)
/// for every pair of articles. A run repeated inside one article is reported once per place.
///
/// Words are compared as ids and n-grams looked up as slices of ids: no allocation per n-gram.
pub fn shared_runs(articles: &[&Article], min_words: usize) -> Vec<SharedRun> {
    let min_words = min_words.max(1);
    let mut word_ids: FnvMap<String, u32> = FnvMap::default();
    let all: Vec<Vec<Word>> = articles.iter().map(|a| words(a, &mut word_ids)).collect();
    let all_ids: Vec<Vec<u32>> = all.iter().map(|ws| ws.iter().map(|w| w.id).collect()).collect();
    let mut out = Vec::new();
    for a in 0..articles.len() {
        for b in a + 1..articles.len() {
            let (wa, wb) = (&all[a], &all[b]);
            let (ida, idb) = (&all_ids[a], &all_ids[b]);
            if wa.len() < min_words || wb.len() < min_words {
                continue;
            }
            // Index A's n-grams (that stay in one block) by their first word sequence.
            let mut index: FnvMap<&[u32], Vec<usize>> = FnvMap::default();
            for i in 0..=wa.len() - min_words {
                if wa[i].block != wa[i + min_words - 1].block {
                    continue;
                }
                index.entry(&ida[i..i + min_words]).or_default().push(i);
            }
            let same = |i: usize, j: usize| ida[i] == idb[j];
            // Per key, how many of its starts in A earlier places of B already took: a line
            // repeated r times in both articles gives r runs (place k with place k), not r×r.
            let mut taken: FnvMap<&[u32], usize> = FnvMap::default();
            for j in 0..=wb.len() - min_words {
                if wb[j].block != wb[j + min_words - 1].block {
                    continue;
                }
                let key = &idb[j..j + min_words];
                let Some(starts) = index.get(key) else { continue };
                let cursor = taken.entry(key).or_insert(0);
                // Only start a run where it cannot be extended backwards.
                let maximal_start = |i: usize| {
                    !(i > 0
                        && j > 0
                        && wa[i - 1].block == wa[i].block
                        && wb[j - 1].block == wb[j].block
                        && same(i - 1, j - 1))
                };
                let run_len = |i: usize| {
                    let mut len = min_words;
                    while i + len < wa.len()
                        && j + len < wb.len()
                        && wa[i + len].block == wa[i].block
                        && wb[j + len].block == wb[j].block
                        && same(i + len, j + len)
                    {
                        len += 1;
                    }
                    len
                };
                let from = (*cursor).min(starts.len().saturating_sub(1));
                let best = starts
                    .iter()
                    .enumerate()
                    .skip(from)
                    .take(CANDIDATE_STARTS)
                    .filter(|(_, &i)| maximal_start(i))
                    .map(|(k, &i)| (k, i, run_len(i)))
                    .fold(None::<(usize, usize, usize)>, |best, c| match best {
                        Some(b) if b.2 >= c.2 => Some(b),
                        _ => Some(c),
                    });
                let Some((k, i, len)) = best else { continue };
                if k == *cursor {
                    *cursor += 1;
                }
                if out.len() >= MAX_RUNS {
                    return out;
                }
                let (first, last) = (&wa[i], &wa[i + len - 1]);
                let text = articles[a]
                    .blocks
                    .get(first.block)
                    .and_then(|blk| blk.text.get(first.start - blk.start..last.end - blk.start))
                    .unwrap_or("")
                    .to_string();
                out.push(SharedRun {
                    a: articles[a].id.clone(),
                    b: articles[b].id.clone(),
                    words: len,
                    text,
                    a_start: first.start,
                    a_end: last.end,
                    b_start: wb[j].start,
                    b_end: wb[j + len - 1].end,
                });
            }
        }
    }
    out
}
