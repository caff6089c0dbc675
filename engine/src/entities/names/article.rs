//! One article through the recogniser in three steps, so a build can run the two that need nothing
//! from other articles on every core: [`prepare`] (every block's words), [`Recogniser::link`]
//! (names, in corpus order: a name learned in one article links it in later ones) and [`finish`]
//! (dates and figures in what the names left free). Run one after the other on each article, in
//! article order for `link`, they give what one pass over the article gave.

use crate::hash::{FxHashMap, FxHashSet};

use super::{is_headline, words_of, ArticleState, BlockCx, Recogniser, Registry, Word};
use crate::entities::{figures, raw_offsets, temporal, Mention};
use crate::model::Article;
use crate::text;

/// Folded words whose transliteration keys a worker keeps (a cache: the same words come back in
/// every article); past this many it starts afresh, so a large corpus's vocabulary stays bounded.
const MAX_CACHED_KEYS: usize = 200_000;

/// An article's blocks as words, in the order the name passes read them: headline-style blocks
/// last, so a surname in a headline can link to the full name in the body.
pub(in crate::entities) struct Prepared<'a> {
    blocks: Vec<PreparedBlock<'a>>,
}

struct PreparedBlock<'a> {
    /// Index of the block in the article.
    index: usize,
    /// A title-case line: only known names are looked up there.
    headline: bool,
    toks: Vec<text::Token<'a>>,
    ws: Vec<Word>,
}

/// An article's name mentions, one list per block of its [`Prepared`], in the same order.
pub(in crate::entities) struct Linked {
    names: Vec<Vec<Mention>>,
}

/// Splits every block of `article` into tokens and words; `keys` caches transliteration keys by
/// folded word (any cache, or an empty one, gives the same words).
pub(in crate::entities) fn prepare<'a>(
    article: &'a Article,
    keys: &mut FxHashMap<String, String>,
) -> Prepared<'a> {
    if keys.len() > MAX_CACHED_KEYS {
        keys.clear();
    }
    let headline: Vec<bool> = article.blocks.iter().map(is_headline).collect();
    let mut order: Vec<usize> = (0..article.blocks.len()).collect();
    order.sort_by_key(|&i| headline[i]);
    let blocks = order
        .into_iter()
        .map(|index| {
            let block = &article.blocks[index];
            let toks = text::tokens(&block.text);
            let ws = words_of(&block.text, &toks, keys);
            PreparedBlock { index, headline: headline[index], toks, ws }
        })
        .collect();
    Prepared { blocks }
}

impl Recogniser {
    /// Finds and links the names of one prepared article (the article at `article_index`),
    /// learning new names into `reg` for the articles after it.
    pub(in crate::entities) fn link(
        &self,
        article: &Article,
        prepared: &Prepared<'_>,
        article_index: u32,
        reg: &mut Registry,
    ) -> Linked {
        let mut state = ArticleState::default();
        let mut per_block = Vec::with_capacity(prepared.blocks.len());
        for block in &prepared.blocks {
            let mut cx = BlockCx {
                text: &article.blocks[block.index].text,
                ws: &block.ws,
                covered: vec![false; block.ws.len()],
                spans: Vec::new(),
                state: &mut state,
                reg: &mut *reg,
            };
            self.match_aliases(&mut cx, false);
            if block.headline {
                self.headline_rules(&mut cx);
            } else {
                let before = cx.state.local.len();
                self.rules(&mut cx);
                if cx.state.local.len() != before {
                    self.match_aliases(&mut cx, true);
                }
            }
            let spans = cx.spans;
            let learned: FxHashSet<String> = state.local.keys().cloned().collect();
            per_block.push((spans, learned));
        }
        // A surname or acronym learned in a later block ("Mustafa Kadhami" in the lead) links its
        // earlier uses too ("Biden-Kadhami deal" in a standfirst above it), as it does in a
        // headline: one more local pass, with only the aliases learned after it, over each block
        // read before them (inside one block a surname still links only after the full name).
        for ((spans, learned), block) in per_block.iter_mut().zip(&prepared.blocks) {
            if learned.len() == state.local.len() {
                continue;
            }
            let mut later = ArticleState { named: state.named.clone(), ..ArticleState::default() };
            for (key, targets) in &state.local {
                if !learned.contains(key) {
                    for target in targets {
                        later.learn(key.clone(), *target);
                    }
                }
            }
            let mut covered = vec![false; block.ws.len()];
            for span in spans.iter() {
                covered[span.from..span.to].iter_mut().for_each(|c| *c = true);
            }
            let mut cx = BlockCx {
                text: &article.blocks[block.index].text,
                ws: &block.ws,
                covered,
                spans: std::mem::take(spans),
                state: &mut later,
                reg: &mut *reg,
            };
            self.match_aliases(&mut cx, true);
            *spans = cx.spans;
        }
        let names = per_block
            .into_iter()
            .zip(&prepared.blocks)
            .map(|((spans, _), prepared)| {
                let block = &article.blocks[prepared.index];
                let ws = &prepared.ws;
                let mut mentions = Vec::with_capacity(spans.len());
                for span in spans {
                    let (Some(first), Some(last)) = (ws.get(span.from), ws.get(span.to.wrapping_sub(1)))
                    else {
                        continue;
                    };
                    let entity = match &span.role {
                        Some(candidates) => {
                            let named: Vec<u32> =
                                candidates.iter().copied().filter(|c| state.named.contains(c)).collect();
                            match named.as_slice() {
                                [only] => Some(*only),
                                _ => continue,
                            }
                        }
                        None => span.entity,
                    };
                    let kind = match (span.role.is_some(), entity.and_then(|e| reg.kind(e))) {
                        (true, Some(kind)) => kind.mention_kind(),
                        _ => span.kind,
                    };
                    // "U.S." and "D.C.": the initials' last dot belongs to the name.
                    let mut end = last.end;
                    let initials = span.to - span.from >= 2
                        && ws[span.to - 2..span.to].iter().all(|w| w.caps && w.norm.chars().count() == 1);
                    if initials && block.text[end..].starts_with('.') {
                        end += 1;
                    }
                    let Some((start, end)) = raw_offsets(block.start + first.start, block.start + end) else {
                        continue;
                    };
                    // (A name of an entity past `MAX_ENTITIES` is not kept: no corpus held in
                    // memory has that many.)
                    mentions.extend(Mention::new(article_index, (start, end), kind, entity, None));
                }
                mentions
            })
            .collect();
        Linked { names }
    }
}

/// Every mention of one article (the one at `article_index`): its linked names, then per block
/// the dates and figures in what they left free (names inside a figure's counted phrase give way
/// to it), sorted by start and end.
pub(in crate::entities) fn finish(
    article: &Article,
    prepared: Prepared<'_>,
    linked: Linked,
    article_index: u32,
) -> Vec<Mention> {
    let mut blocks: Vec<(PreparedBlock<'_>, Vec<Mention>)> =
        prepared.blocks.into_iter().zip(linked.names).collect();
    blocks.sort_by_key(|(prepared, _)| prepared.index);
    let mut mentions = Vec::new();
    let mut last_unit = String::new();
    for (prepared, names) in blocks {
        let block = &article.blocks[prepared.index];
        let toks = &prepared.toks;
        let block_first = mentions.len();
        // Sorted, so each candidate date or figure is checked in logarithmic time (a scan of
        // every name per candidate was quadratic on one long paragraph).
        let claimed =
            Spans::new(names.iter().map(|m| (m.start as usize - block.start, m.end as usize - block.start)));
        mentions.extend(names);
        let free = |s: usize, e: usize| claimed.disjoint(s, e);
        let dates = temporal::dates(&block.text, toks, &free);
        let dated = Spans::new(dates.iter().map(|d| (d.start, d.end)));
        // A figure's number must be free; its counted phrase may hold whole names ("5,000 US
        // troops"), which then give way to the figure, but never cut one or a date.
        let free = |s: usize, e: usize| dated.disjoint(s, e) && claimed.disjoint_or_inside(s, e);
        let figures = figures::figures(&block.text, toks, &free, &mut last_unit);
        // Names inside a figure's counted phrase give way to it. Only this block's mentions
        // can lie inside its figures: one pass over them, not one per figure (which was
        // quadratic on a long paragraph full of figures).
        if !figures.is_empty() {
            let within = Spans::new(figures.iter().map(|f| (block.start + f.start, block.start + f.end)));
            let mut this_block = mentions.split_off(block_first);
            this_block.retain(|m| !within.contains(m.start as usize, m.end as usize));
            mentions.append(&mut this_block);
        }
        for found in dates.into_iter().chain(figures) {
            let Some((start, end)) = raw_offsets(block.start + found.start, block.start + found.end) else {
                continue;
            };
            mentions.push(Mention::of_value(article_index, (start, end), found.value));
        }
    }
    crate::sort::sort_by_key(&mut mentions, |m| (m.start, m.end));
    mentions
}

/// Byte spans sorted by start, answering "does one of them contain, overlap or cut this range?"
/// in logarithmic time (the running maximum of their ends covers spans that overlap).
struct Spans {
    /// (start, end, the largest end of this and every earlier span).
    sorted: Vec<(usize, usize, usize)>,
}

impl Spans {
    fn new(spans: impl Iterator<Item = (usize, usize)>) -> Spans {
        let mut sorted: Vec<(usize, usize, usize)> = spans.map(|(s, e)| (s, e, e)).collect();
        sorted.sort_unstable();
        let mut max_end = 0;
        for span in &mut sorted {
            max_end = max_end.max(span.1);
            span.2 = max_end;
        }
        Spans { sorted }
    }

    /// The largest end of the spans starting before index `n` of the sorted list (0 if none).
    fn max_end_before(&self, n: usize) -> usize {
        n.checked_sub(1).and_then(|i| self.sorted.get(i)).map_or(0, |span| span.2)
    }

    /// True when some span starts at or before `start` and ends at or after `end`.
    fn contains(&self, start: usize, end: usize) -> bool {
        let before = self.sorted.partition_point(|&(s, _, _)| s <= start);
        before > 0 && self.max_end_before(before) >= end
    }

    /// True when no span overlaps `start..end`.
    fn disjoint(&self, start: usize, end: usize) -> bool {
        let before_end = self.sorted.partition_point(|&(s, _, _)| s < end);
        self.max_end_before(before_end) <= start
    }

    /// True when every span overlapping `start..end` lies strictly inside it (starts after
    /// `start`, ends by `end`).
    fn disjoint_or_inside(&self, start: usize, end: usize) -> bool {
        let up_to_start = self.sorted.partition_point(|&(s, _, _)| s <= start);
        let before_end = self.sorted.partition_point(|&(s, _, _)| s < end);
        self.max_end_before(up_to_start) <= start
            && self.sorted[up_to_start..before_end.max(up_to_start)].iter().all(|&(_, e, _)| e <= end)
    }
}
