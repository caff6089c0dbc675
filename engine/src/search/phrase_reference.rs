//! The phrase evaluation as it was before it worked one article at a time on word ordinals,
//! reading the text at every candidate start; kept for tests: the faster one must give exactly
//! the same matches, spans and scores.

use super::clauses::ClauseHits;
use super::expand::Expansion;
use super::index::field_weight2;
use super::query::QueryWord;
use super::run::Ctx;
use crate::model::{Article, BlockKind};
use crate::text;

/// A phrase is checked at this many places at most.
const MAX_PHRASE_CHECKS: usize = 100_000;

/// Articles holding the phrase's words in a row (within one block; an "al"/"el" in the text may
/// sit between them), scored by BM25 over the phrase's occurrences; and the occurrences as
/// (article, start, end).
pub(super) fn eval_phrase(
    ctx: &Ctx<'_>,
    words: &[QueryWord],
    exps: &[Vec<Expansion>],
) -> (ClauseHits, Vec<(u32, usize, usize)>) {
    let mut hits = ClauseHits::default();
    let mut spans = Vec::new();
    if words.is_empty() || exps.iter().any(Vec::is_empty) {
        return (hits, spans);
    }
    // Candidates: articles holding every word.
    let mut candidates: Option<Vec<u32>> = None;
    for word_exps in exps {
        let mut docs: Vec<u32> =
            word_exps.iter().flat_map(|e| ctx.index.postings(e.term).map(|p| p.doc)).collect();
        docs.sort_unstable();
        docs.dedup();
        candidates = Some(match candidates {
            None => docs,
            Some(prev) => prev.into_iter().filter(|d| docs.binary_search(d).is_ok()).collect(),
        });
    }
    let candidates = candidates.unwrap_or_default();
    if candidates.is_empty() {
        return (hits, spans);
    }
    let idf: f32 =
        exps.iter().map(|e| ctx.idf(e.iter().map(|x| ctx.index.df(x.term)).max().unwrap_or(0))).sum();
    // Where each word occurs in the candidates: (article, offset), sorted.
    let occurrences: Vec<Vec<(u32, usize)>> = exps
        .iter()
        .map(|word_exps| {
            let mut out: Vec<(u32, usize)> = Vec::new();
            for exp in word_exps {
                for p in ctx.index.postings(exp.term) {
                    if candidates.binary_search(&p.doc).is_ok() {
                        out.extend(ctx.index.offsets(&p).into_iter().map(|o| (p.doc, o)));
                    }
                }
            }
            // One term's postings come sorted already; several need merging.
            if word_exps.len() > 1 {
                out.sort_unstable();
                out.dedup();
            }
            out
        })
        .collect();
    // Verify from the rarest word: each of its occurrences can only belong to a phrase that
    // starts a few words earlier, so "the Islamic State" checks "Islamic", not every "the".
    let anchor = (0..occurrences.len()).min_by_key(|&i| occurrences[i].len()).unwrap_or(0);
    let starts = &occurrences[0];
    let mut found: Vec<(u32, usize, usize, BlockKind)> = Vec::new();
    let mut checks = 0usize;
    let mut verify = |doc: u32, start: usize| {
        // Cheap test first: the next word must occur just after this one.
        if let Some(next) = occurrences.get(1) {
            let i = next.partition_point(|&o| o <= (doc, start));
            if next.get(i).is_none_or(|&(d, o)| d != doc || o > start + 64) {
                return;
            }
        }
        if let Some(article) = ctx.articles.get(doc as usize) {
            if let Some((end, kind)) = old_phrase_at(article, doc, start, &occurrences) {
                found.push((doc, start, end, kind));
            }
        }
    };
    if anchor == 0 {
        for &(doc, start) in starts.iter().take(MAX_PHRASE_CHECKS) {
            verify(doc, start);
        }
    } else {
        // Words, an "al-" and the spaces between them rarely take more than this many bytes.
        let max_span = anchor * 64;
        'anchors: for &(doc, at) in &occurrences[anchor] {
            let lo = starts.partition_point(|&s| s < (doc, at.saturating_sub(max_span)));
            let hi = starts.partition_point(|&s| s < (doc, at));
            for &(_, start) in &starts[lo..hi] {
                if checks >= MAX_PHRASE_CHECKS {
                    break 'anchors;
                }
                checks += 1;
                verify(doc, start);
            }
        }
        found.sort_unstable_by_key(|f| (f.0, f.1));
        found.dedup_by_key(|f| (f.0, f.1));
    }
    let mut i = 0;
    while i < found.len() {
        let doc = found[i].0;
        let mut wtf2 = 0;
        while i < found.len() && found[i].0 == doc {
            let (_, start, end, kind) = found[i];
            spans.push((doc, start, end));
            wtf2 += field_weight2(kind);
            i += 1;
        }
        hits.docs.push((doc, ctx.bm25(idf, wtf2, doc)));
    }
    (hits, spans)
}

/// If the phrase starts at raw offset `start` of article `doc`, its raw end and the kind of block
/// it is in. Each next word of the text must be an occurrence of the next phrase word (which the
/// postings say), so no word is folded here.
fn old_phrase_at(
    article: &Article,
    doc: u32,
    start: usize,
    occurrences: &[Vec<(u32, usize)>],
) -> Option<(usize, BlockKind)> {
    let block = article.block_at(start)?;
    let rel = start - block.start;
    let rest = block.text.get(rel..)?;
    let mut spans = text::word_spans(rest);
    let first = spans.next()?;
    if first.start != 0 {
        return None;
    }
    let mut end = first.end;
    for occ in &occurrences[1..] {
        let mut span = spans.next()?;
        if occ.binary_search(&(doc, start + span.start)).is_err() {
            // The text may carry an "al-" the query left out.
            let word = &rest[span.start..span.end];
            if !(word.eq_ignore_ascii_case("al") || word.eq_ignore_ascii_case("el")) {
                return None;
            }
            span = spans.next()?;
            occ.binary_search(&(doc, start + span.start)).ok()?;
        }
        end = span.end;
    }
    Some((start + end, block.kind))
}

#[cfg(test)]
mod tests {
    use super::super::clauses::eval_phrase;
    use super::super::{query, SearchIndex};
    use super::*;
    use crate::{build_bundle_with, synth, BuildOptions, SourceInput};

    #[test]
    fn phrases_match_exactly_what_they_matched_before_the_rewrite() {
        let files = synth::corpus(300, 7);
        let sources: Vec<SourceInput<'_>> =
            files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
        let bundle = build_bundle_with(&sources, "", &BuildOptions { stories: false }).bundle;
        let index: &SearchIndex = &bundle.search;
        let n_docs = index.n_docs().min(bundle.articles.len());
        let total_len: u64 = index.doc_lens.iter().map(|&l| u64::from(l)).sum();
        let ctx = Ctx {
            index,
            articles: &bundle.articles[..n_docs],
            n_docs: n_docs as f32,
            avg_len: total_len as f32 / n_docs.max(1) as f32,
            trace: None,
        };
        let phrases = [
            "\"Popular Mobilization Forces\"",
            "\"of the\"",
            "\"the Islamic State\"",
            "\"Hashed Shaabi\"",
            "\"Hashed al-Shaabi\"",
            "\"Mustafa Kadhimi\"",
            "\"rocket attacks\"",
            "\"in the\"",
            "\"the the\"",
            "\"Iraq\"",
            "\"prime minister of Iraq\"",
            "\"Mustafa al-Kadhimi\"",
            "\"Hadi Amiri\"",
            "\"Qassem Soleimani\"",
            "\"Fouad Hussein\"",
            "\"Hisham al-Hashimi\"",
            "\"al-Sadr\"",
            "\"al\"",
        ];
        let mut matched = 0;
        for q in phrases {
            let parsed = query::parse(q);
            for phrase in &parsed.phrases {
                let exps: Vec<Vec<Expansion>> =
                    phrase.words.iter().map(|w| index.expand_strict(&w.norm)).collect();
                let new = eval_phrase(&ctx, &phrase.words, &exps);
                let (old, old_spans) = super::eval_phrase(&ctx, &phrase.words, &exps);
                // The new spans are starts; resolve where each ends.
                let new_spans: Vec<(u32, usize, usize)> = new
                    .spans
                    .iter()
                    .filter_map(|&(doc, s)| {
                        let (s, e) = ctx.phrase_range(&bundle.articles[doc as usize], s, new.phrase_last)?;
                        Some((doc, s, e))
                    })
                    .collect();
                assert_eq!(new_spans.len(), new.spans.len(), "{q}: a span that does not resolve");
                matched += usize::from(!old_spans.is_empty());
                assert_eq!(new_spans, old_spans, "{q}");
                let bits = |h: &ClauseHits| h.docs.iter().map(|d| (d.0, d.1.to_bits())).collect::<Vec<_>>();
                assert_eq!(bits(&new), bits(&old), "{q}");
            }
        }
        assert!(matched >= 8, "only {matched} phrases match: the test proves little");
    }
}
