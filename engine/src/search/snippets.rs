//! Building a hit: where each match lies in the raw text, the highlight ranges, and the snippet
//! (the passage holding the most query words).

use super::clauses::ClauseHits;
use super::run::Ctx;
use super::{index, query, Hit, Snippet};
use crate::model::{Article, Block, BlockKind};
use crate::text;

/// Roughly how many words a snippet shows.
const SNIPPET_WORDS: usize = 30;
/// Match ranges reported per article at most.
const MAX_MATCHES: usize = 2000;

impl Ctx<'_> {
    /// The raw range of the word starting at raw offset `start` in an article, and its block.
    fn word_at(&self, article: &Article, start: usize) -> Option<(usize, usize, BlockKind)> {
        let block = article.block_at(start)?;
        let rel = start - block.start;
        let w = text::word_spans(block.text.get(rel..)?).next()?;
        (w.start == 0).then_some((start, start + w.end, block.kind))
    }

    /// The raw range of a phrase occurrence that starts at `start` and ends with the word
    /// `last` ordinals further on (see [`index`]); `None` when the words are not there (an
    /// index built from other articles).
    pub(super) fn phrase_range(
        &self,
        article: &Article,
        start: usize,
        last: usize,
    ) -> Option<(usize, usize)> {
        let block = article.block_at(start)?;
        let rest = block.text.get(start - block.start..)?;
        let mut words = text::word_spans(rest);
        let first = words.next()?;
        if first.start != 0 {
            return None;
        }
        if last == 0 {
            return Some((start, start + first.end));
        }
        let mut term = String::new();
        let mut shared = false;
        query::term_into(&rest[..first.end], &mut term);
        let mut ordinal = usize::from(index::advances(&term, &mut shared));
        for w in words {
            query::term_into(&rest[w.start..w.end], &mut term);
            if index::advances(&term, &mut shared) {
                if ordinal == last {
                    return Some((start, start + w.end));
                }
                ordinal += 1;
            }
            if ordinal > last {
                return None;
            }
        }
        None
    }
}

/// A match while building a hit: raw start and end, the clause it matched, and whether exactly.
type Mark = (usize, usize, usize, bool);

/// Builds a hit: every match range in the article (the clauses' and the filtered entities'
/// `mentions`) and the best snippet.
pub(super) fn make_hit(
    ctx: &Ctx<'_>,
    clauses: &[ClauseHits],
    mentions: &[(usize, usize, usize)],
    doc: u32,
    score: f32,
) -> Hit {
    let article = ctx.article_at(doc);
    // (start, end, clause) for every match.
    let mut marks: Vec<Mark> = Vec::new();
    for (c, clause) in clauses.iter().enumerate() {
        for (_, entry) in clause.entries_of(doc) {
            for off in ctx.offsets(&entry.posting) {
                if let Some((s, e, _)) = ctx.word_at(article, off) {
                    marks.push((s, e, c, clause.exact.get(entry.exp).copied().unwrap_or(false)));
                }
            }
        }
        // Another name of the entity the words name: a match, though not the words typed. Where
        // the mention holds the typed words themselves, those are highlighted instead.
        let own = marks.len();
        for (s, e) in clause.mentions_of(ctx.index, doc) {
            // Ranges that are not a slice of one block (an index built for other articles) are
            // left out.
            let slices = article
                .block_at(s)
                .is_some_and(|b| e > s && e <= b.end && b.text.get(s - b.start..e - b.start).is_some());
            if slices && !marks[..own].iter().any(|m| m.2 == c && s <= m.0 && m.1 <= e) {
                marks.push((s, e, c, false));
            }
        }
        if clause.score(doc).is_some() {
            marks.extend(clause.spans_of(doc).iter().filter_map(|&(_, start)| {
                let (s, e) = ctx.phrase_range(article, start, clause.phrase_last)?;
                Some((s, e, c, true))
            }));
        }
    }
    // An entity counts as one more clause, so snippets prefer passages naming it too; but as an
    // inexact match, so that among passages naming as many, the typed words win.
    marks.extend(mentions.iter().map(|&(s, e, k)| (s, e, clauses.len() + k, false)));
    marks.sort_unstable();
    marks.truncate(MAX_MATCHES);
    let mut matches: Vec<(usize, usize)> = Vec::new();
    for &(s, e, _, _) in &marks {
        match matches.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => matches.push((s, e)),
        }
    }
    Hit {
        article: doc as usize,
        id: article.id.clone(),
        title: article.title.text.clone(),
        score,
        snippet: if clauses.is_empty() && !mentions.is_empty() {
            mention_snippet(article, mentions, &matches)
        } else {
            snippet(article, &marks, &matches)
        },
        matches,
    }
}

/// For filter-only queries: the passage around the first mention in body text (else in a heading
/// or caption, else the title), highlighting the mentions in it.
fn mention_snippet(
    article: &Article,
    mentions: &[(usize, usize, usize)],
    matches: &[(usize, usize)],
) -> Snippet {
    let placed = mentions.iter().filter_map(|&(start, ..)| {
        let (b, block) =
            article.blocks.iter().enumerate().find(|(_, bl)| bl.start <= start && start < bl.end)?;
        Some((snippet_preference(block.kind), b, block, start))
    });
    // The first mention among those in the most preferred kind of block.
    match placed.min_by_key(|&(preference, _, _, start)| (std::cmp::Reverse(preference), start)) {
        Some((_, b, block, start)) => passage(block, b, start - block.start, matches),
        None => lead_snippet(article),
    }
}

/// The passage of about [`SNIPPET_WORDS`] words, within one block, holding the most distinct
/// query clauses (then the most matches); body text is preferred over captions and the title
/// when they say no more.
///
/// Windows are first compared by bytes (about six a word), so only the chosen passage's
/// neighbourhood is tokenised.
fn snippet(article: &Article, marks: &[Mark], matches: &[(usize, usize)]) -> Snippet {
    const LEAD_BYTES: usize = 30;
    const WINDOW_BYTES: usize = SNIPPET_WORDS * 6;
    // How good a window is: distinct clauses, block kind preference, exact matches, matches.
    type Quality = (u32, u8, usize, usize);
    // The best window's quality, block index and anchor offset.
    let mut best: Option<(Quality, usize, usize)> = None;
    let mut block_of: Option<(usize, &Block)> = None;
    for (i, mark) in marks.iter().enumerate() {
        let (b, block) = match block_of {
            Some((b, block)) if block.start <= mark.0 && mark.0 < block.end => (b, block),
            _ => {
                match article.blocks.iter().enumerate().find(|(_, bl)| bl.start <= mark.0 && mark.0 < bl.end)
                {
                    Some(found) => found,
                    None => continue,
                }
            }
        };
        block_of = Some((b, block));
        let from = mark.0.saturating_sub(LEAD_BYTES).max(block.start);
        let to = (from + WINDOW_BYTES).min(block.end);
        let mut clauses = 0u64;
        let (mut count, mut exact) = (0, 0);
        for m in marks[..i]
            .iter()
            .rev()
            .take_while(|m| m.0 >= from)
            .chain(marks[i..].iter().take_while(|m| m.0 < to))
        {
            clauses |= 1 << (m.2 % 64);
            count += 1;
            exact += usize::from(m.3);
        }
        let key = (clauses.count_ones(), snippet_preference(block.kind), exact, count);
        if best.as_ref().is_none_or(|b| key > b.0) {
            best = Some((key, b, mark.0));
        }
    }
    match best.and_then(|(_, b, anchor)| Some((b, article.blocks.get(b)?, anchor))) {
        Some((b, block, anchor)) => passage(block, b, anchor - block.start, matches),
        None => lead_snippet(article),
    }
}

/// Which blocks make the best snippets when they hold as many query words: body text, then
/// headings and captions, then the title (which the result list shows anyway).
fn snippet_preference(kind: BlockKind) -> u8 {
    match kind {
        BlockKind::Paragraph | BlockKind::Bullet => 2,
        BlockKind::Heading | BlockKind::Caption => 1,
        BlockKind::Title => 0,
    }
}

/// The opening words of the first paragraph (for filter-only queries).
fn lead_snippet(article: &Article) -> Snippet {
    let found = article.blocks.iter().enumerate().find(|(_, b)| b.kind == BlockKind::Paragraph);
    match found.or_else(|| article.blocks.first().map(|b| (0, b))) {
        Some((b, block)) => passage(block, b, 0, &[]),
        None => {
            let t = &article.title;
            Snippet {
                text: t.text.clone(),
                start: t.start,
                end: t.end,
                block: 0,
                highlights: Vec::new(),
                cut_before: false,
                cut_after: false,
            }
        }
    }
}

/// About [`SNIPPET_WORDS`] words of a block around the word at block-relative `anchor`, starting a
/// few words before it, with the matches inside as highlights.
fn passage(block: &Block, b: usize, anchor: usize, matches: &[(usize, usize)]) -> Snippet {
    const LEAD_WORDS: usize = 4;
    const NEAR_START_WORDS: usize = 10;
    let text = block.text.as_str();
    // Tokenise from the block's start when the anchor is near it, else from a little before the
    // anchor (enough to fill a passage that ends with the block), dropping a word the starting
    // point cuts in two.
    let mut from = if anchor <= SNIPPET_WORDS * 12 { 0 } else { anchor - SNIPPET_WORDS * 8 };
    from = from.min(text.len());
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let cut_word = text[..from].chars().next_back().is_some_and(char::is_alphanumeric);
    let mut spans: Vec<text::WordSpan> = Vec::new();
    let mut after_anchor = 0;
    for w in text::word_spans(&text[from..])
        .map(|w| text::WordSpan { start: from + w.start, end: from + w.end, text_end: from + w.text_end })
        .skip_while(|w| cut_word && w.start == from && w.start < anchor)
    {
        if w.start >= anchor {
            after_anchor += 1;
            if after_anchor > SNIPPET_WORDS + 1 {
                break;
            }
        }
        spans.push(w);
    }
    let at = spans.partition_point(|w| w.start < anchor);
    let first = if from == 0 && at <= NEAR_START_WORDS { 0 } else { at.saturating_sub(LEAD_WORDS) };
    // Near the block's end, start earlier so the passage stays full.
    let first = first.min(spans.len().saturating_sub(SNIPPET_WORDS));
    spans.drain(..first);
    let cut_after = spans.len() > SNIPPET_WORDS;
    spans.truncate(SNIPPET_WORDS);
    let (rel_lo, rel_hi) = match (spans.first(), spans.last()) {
        (Some(f), Some(l)) => (f.start, l.text_end),
        _ => (0, text.len()),
    };
    let (lo, hi) = (block.start + rel_lo, block.start + rel_hi);
    let highlights =
        matches.iter().filter(|m| m.1 > lo && m.0 < hi).map(|&(s, e)| (s.max(lo), e.min(hi))).collect();
    Snippet {
        text: text.get(rel_lo..rel_hi).unwrap_or_default().to_string(),
        start: lo,
        end: hi,
        block: b,
        highlights,
        cut_before: text[..rel_lo].chars().any(char::is_alphanumeric),
        cut_after,
    }
}
