//! Validation, not trust: after a bundle decodes, every offset, length, ordinal and id it holds is
//! checked against what it refers to, so no page ever indexes with a number from the file.
//!
//! A bundle comes from elsewhere (another host, a shared collection, a mutated download whose
//! checksum was recomputed): its CRC-32 proves only that the bytes arrived as written, not that the
//! writer was right. Each part has its own check, so a chunked format can run the one for the
//! chunk that arrived: [`articles`], [`search_index`], [`entities`], [`stories`]; [`bundle`] runs
//! them all. The first problem found is returned as an [`Inconsistency`], which
//! [`super::BundleError::Inconsistent`] turns into a sentence for the page.
//!
//! What is checked, per part:
//! - articles: ids unique; every block, removed span, title, byline, dateline and credit holds
//!   exactly `end - start` bytes of text (they are slices of the raw file), outlet evidence ranges
//!   are ordered;
//! - search index: one length and one outlet per article, outlet numbers in range, outlets and
//!   terms sorted without repeats, one document frequency per term, posting starts ascending from
//!   0 to the end of the postings, every term's postings decoding exactly to its end, with articles
//!   ascending and in range, as many as its document frequency, each with at least one occurrence;
//!   transliteration keys and word-form stems sorted, one group per key, term numbers in range;
//!   entity postings (names found by search) with one start and count per entity, decoding to
//!   their counts with articles ascending and in range, name keys sorted, slots in range;
//! - entities: entity ids unique; every mention in an existing article, sorted by (article,
//!   start), non-empty, inside one kept block of its article on character boundaries, naming an
//!   existing entity;
//! - stories: every article id an article of the bundle, every "follows from" a story of it;
//! - dates: at most one per article, real months and days, evidence citing an article.
//!
//! The cost is one pass over each part (the postings are walked once, without decoding positions):
//! see the `bundle` benchmark numbers in ARCHITECTURE.md.

use std::collections::HashSet;

use crate::compare::Story;
use crate::entities::{EntityData, Mention};
use crate::model::Article;
use crate::search::SearchIndex;

use super::Bundle;

/// The part of a bundle that does not hang together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The cleaned articles.
    Articles,
    /// The search index.
    SearchIndex,
    /// Entities and their mentions.
    Entities,
    /// Story groups.
    Stories,
    /// Publication dates.
    Dates,
}

impl Part {
    /// How a reader would name the part.
    pub fn label(self) -> &'static str {
        match self {
            Part::Articles => "its articles",
            Part::SearchIndex => "its search index",
            Part::Entities => "its entity data",
            Part::Stories => "its stories",
            Part::Dates => "its publication dates",
        }
    }
}

/// One inconsistency: which part, and what is wrong, as a clause ("names article 12 of 10").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inconsistency {
    /// The part where it was found.
    pub part: Part,
    /// What is wrong, in words.
    pub problem: String,
}

impl std::fmt::Display for Inconsistency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.part.label(), self.problem)
    }
}

type Checked = Result<(), Inconsistency>;

fn fail(part: Part, problem: String) -> Checked {
    Err(Inconsistency { part, problem })
}

/// Checks every part of a bundle, and the parts against one another.
pub fn bundle(bundle: &Bundle) -> Checked {
    articles(&bundle.articles)?;
    search_index(&bundle.search, bundle.articles.len())?;
    entities(&bundle.entities, &bundle.articles)?;
    stories(&bundle.stories, &bundle.articles)?;
    dates(&bundle.dates, bundle.articles.len())
}

/// Publication dates: at most one per article, real months and days, evidence in an article.
pub fn dates(dates: &[Option<crate::dates::PublicationDate>], n_articles: usize) -> Checked {
    if dates.len() > n_articles {
        return fail(Part::Dates, format!("holds {} dates for {n_articles} articles", dates.len()));
    }
    for (i, date) in dates.iter().enumerate() {
        let Some(date) = date else { continue };
        let month_ok = date.month.is_none_or(|m| (1..=12).contains(&m));
        let day_ok =
            date.day.is_none_or(|d| (1..=31).contains(&d)) && (date.day.is_none() || date.month.is_some());
        if !month_ok || !day_ok {
            return fail(Part::Dates, format!("gives article {i} an impossible date"));
        }
        if let Some(e) = date.evidence.iter().find(|e| e.article as usize >= n_articles) {
            return fail(Part::Dates, format!("cites article {} of {n_articles}", e.article));
        }
    }
    Ok(())
}

/// Articles: unique ids, and every text range as long as its text.
pub fn articles(articles: &[Article]) -> Checked {
    let mut ids: HashSet<&str> = HashSet::with_capacity(articles.len());
    for (i, article) in articles.iter().enumerate() {
        if !ids.insert(article.id.as_str()) {
            return fail(Part::Articles, format!("two articles have the id “{}”", shown(&article.id)));
        }
        let which = || format!("article {} (“{}”)", i + 1, shown(&article.id));
        let spans = std::iter::once(("title", &article.title))
            .chain(article.byline.iter().map(|s| ("byline", s)))
            .chain(article.dateline.iter().map(|s| ("dateline", s)))
            .chain(article.blocks.iter().filter_map(|b| b.credit.as_deref()).map(|s| ("photo credit", s)));
        for (what, span) in spans {
            if !fits(span.start, span.end, span.text.len()) {
                return fail(Part::Articles, range_problem(&which(), what, span.start, span.end));
            }
        }
        for (b, block) in article.blocks.iter().enumerate() {
            if !fits(block.start, block.end, block.text.len()) {
                let what = format!("block {}", b + 1);
                return fail(Part::Articles, range_problem(&which(), &what, block.start, block.end));
            }
        }
        for (r, removed) in article.removed.iter().enumerate() {
            if !fits(removed.start, removed.end, removed.text.len()) {
                let what = format!("removed span {}", r + 1);
                return fail(Part::Articles, range_problem(&which(), &what, removed.start, removed.end));
            }
        }
        if let Some(outlet) = &article.outlet {
            if outlet.start > outlet.end {
                return fail(Part::Articles, format!("{}'s outlet evidence ends before it starts", which()));
            }
        }
    }
    Ok(())
}

/// Whether `start..end` can hold exactly `len` bytes.
fn fits(start: usize, end: usize, len: usize) -> bool {
    start <= end && end - start == len
}

fn range_problem(which: &str, what: &str, start: usize, end: usize) -> String {
    if start > end {
        format!("{which}'s {what} ends (byte {end}) before it starts (byte {start})")
    } else {
        format!("{which}'s {what} covers bytes {start}..{end} but its text has another length")
    }
}

/// The search index against an article count.
pub fn search_index(index: &SearchIndex, n_articles: usize) -> Checked {
    search_directory(index, n_articles)?;
    if let Some(problem) = index.entities.postings_problem(n_articles) {
        return fail(Part::SearchIndex, problem);
    }
    // A default (never built) index has no final posting start; a built one always has it.
    let empty = index.terms.is_empty() && index.posting_starts.is_empty() && index.postings.is_empty();
    if !empty {
        postings(index, n_articles)?;
    }
    Ok(())
}

/// Everything of the search index but its postings (the term directory of a chunked corpus,
/// whose postings come in shards, each checked by [`postings`]).
pub fn search_directory(index: &SearchIndex, n_articles: usize) -> Checked {
    let part = Part::SearchIndex;
    if index.doc_lens.len() != n_articles {
        return fail(
            part,
            format!("it indexes {} articles but the bundle holds {n_articles}", index.doc_lens.len()),
        );
    }
    if index.doc_outlets.len() != n_articles {
        return fail(
            part,
            format!("it has outlets for {} articles of {n_articles}", index.doc_outlets.len()),
        );
    }
    let known = |o: u32| o == crate::search::NO_OUTLET || (o as usize) < index.outlets.len();
    if let Some(&o) = index.doc_outlets.iter().find(|&&o| !known(o)) {
        return fail(
            part,
            format!("an article's outlet is number {} of {}", u64::from(o) + 1, index.outlets.len()),
        );
    }
    if !strictly_sorted(&index.outlets) {
        return fail(part, "its outlet names are not sorted".into());
    }
    if !strictly_sorted(&index.terms) {
        return fail(part, "its dictionary is not sorted".into());
    }
    let n_terms = index.terms.len();
    if index.doc_freq.len() != n_terms {
        return fail(part, format!("it has {} article counts for {n_terms} words", index.doc_freq.len()));
    }
    if !strictly_sorted(&index.translit_keys) || index.translit_terms.len() != index.translit_keys.len() {
        return fail(part, "its spelling-variant groups do not match their keys".into());
    }
    if index.translit_terms.iter().flatten().any(|&t| t as usize >= n_terms) {
        return fail(part, format!("a spelling-variant group names a word beyond its {n_terms} words"));
    }
    if !strictly_sorted(&index.stem_keys) || index.stem_terms.len() != index.stem_keys.len() {
        return fail(part, "its word-form groups do not match their keys".into());
    }
    if index.stem_terms.iter().flatten().any(|&t| t as usize >= n_terms) {
        return fail(part, format!("a word-form group names a word beyond its {n_terms} words"));
    }
    if let Some(problem) = index.entities.directory_problem() {
        return fail(part, problem);
    }
    Ok(())
}

/// The term postings: starts ascending over the arena, every term's postings decoding exactly,
/// with articles ascending and in range, as many as its document frequency.
pub(crate) fn postings(index: &SearchIndex, n_articles: usize) -> Checked {
    let part = Part::SearchIndex;
    let n_terms = index.terms.len();
    if index.posting_starts.len() != n_terms + 1 {
        return fail(
            part,
            format!("it has {} posting starts for {n_terms} words", index.posting_starts.len()),
        );
    }
    if index.posting_starts.first() != Some(&0)
        || index.posting_starts.last().map(|&e| e as usize) != Some(index.postings.len())
        || index.posting_starts.windows(2).any(|w| w[0] > w[1])
    {
        return fail(part, "its posting starts do not run in order over the postings".into());
    }
    for id in 0..n_terms {
        let term_id = id as u32;
        let end = index.posting_starts[id + 1] as usize;
        let mut postings = index.postings(term_id);
        let mut count = 0usize;
        let mut last: Option<u32> = None;
        for posting in postings.by_ref() {
            if posting.doc as usize >= n_articles || last.is_some_and(|l| posting.doc <= l) || posting.tf == 0
            {
                let word = shown(&index.terms[id]);
                return fail(
                    part,
                    format!("the postings of “{word}” name articles out of order or out of range"),
                );
            }
            last = Some(posting.doc);
            count += 1;
        }
        if postings.position() != end || count != index.doc_freq[id] as usize {
            let word = shown(&index.terms[id]);
            return fail(
                part,
                format!("the postings of “{word}” do not decode to the article count it states"),
            );
        }
    }
    Ok(())
}

fn strictly_sorted(list: &[String]) -> bool {
    list.windows(2).all(|w| w[0] < w[1])
}

/// Entities and mentions against the articles.
pub fn entities(data: &EntityData, articles: &[Article]) -> Checked {
    entity_ids(data)?;
    mentions(&data.mentions, articles, 0, data.entities.len())
}

/// The entity ids of [`entities`] only: its mentions are checked apart, a run at a time, with
/// [`mention_run`].
pub(crate) fn entity_ids(data: &EntityData) -> Checked {
    let mut ids: HashSet<&str> = HashSet::with_capacity(data.entities.len());
    for entity in &data.entities {
        if !ids.insert(entity.id.as_str()) {
            return fail(Part::Entities, format!("two entities have the id “{}”", shown(&entity.id)));
        }
    }
    Ok(())
}

/// Mentions against the articles they are in, `articles[0]` being article number `first`
/// (a chunk of a corpus), and an entity count: sorted by (article, start), non-empty, inside
/// one kept block of their article, naming an existing entity.
pub fn mentions(mentions: &[Mention], articles: &[Article], first: u32, n_entities: usize) -> Checked {
    mention_run(mentions, 0..mentions.len(), articles, first, n_entities)
}

/// [`mentions`] for `mentions[run]` only (the order check includes the mention just before the
/// run), with the same messages: checking every run in turn checks them all.
pub(crate) fn mention_run(
    mentions: &[Mention],
    run: std::ops::Range<usize>,
    articles: &[Article],
    first: u32,
    n_entities: usize,
) -> Checked {
    let part = Part::Entities;
    let mut previous: Option<(u32, u32)> =
        run.start.checked_sub(1).and_then(|p| mentions.get(p)).map(|m| (m.article, m.start));
    let skip = run.start;
    for (i, m) in mentions.get(run).unwrap_or_default().iter().enumerate() {
        let n = skip + i + 1;
        let local = m.article.checked_sub(first).map(|a| a as usize);
        let Some(article) = local.and_then(|a| articles.get(a)) else {
            let of = u64::from(first) + articles.len() as u64;
            return fail(part, format!("mention {n} is in article {} of {of}", u64::from(m.article) + 1));
        };
        if previous.is_some_and(|p| p > (m.article, m.start)) {
            return fail(part, format!("mention {n} is out of order"));
        }
        previous = Some((m.article, m.start));
        if m.start >= m.end {
            return fail(part, format!("mention {n} is empty or ends before it starts"));
        }
        let (start, end) = (m.start as usize, m.end as usize);
        let inside = article.block_at(start).and_then(|block| {
            let (s, e) = (start - block.start, end.checked_sub(block.start)?);
            block.text.get(s..e)
        });
        if inside.is_none() {
            let id = shown(&article.id);
            return fail(
                part,
                format!("mention {n} (bytes {}..{}) is not text of article “{id}”", m.start, m.end),
            );
        }
        if let Some(entity) = m.entity() {
            if entity as usize >= n_entities {
                let of = n_entities;
                return fail(part, format!("mention {n} names entity {} of {of}", u64::from(entity) + 1));
            }
        }
    }
    Ok(())
}

/// Stories against the articles: every member is an article of the bundle, and every story
/// one follows from is a story of the bundle.
pub fn stories(stories: &[Story], articles: &[Article]) -> Checked {
    story_members(stories, &articles.iter().map(|a| a.id.as_str()).collect())
}

/// Stories against a set of article ids (a chunked corpus's article directory).
pub fn story_members(stories: &[Story], ids: &HashSet<&str>) -> Checked {
    let story_ids: HashSet<&str> = stories.iter().map(|s| s.id.as_str()).collect();
    for story in stories {
        if story.follows.iter().any(|id| !story_ids.contains(id.as_str())) {
            let story = shown(&story.label);
            return fail(Part::Stories, format!("the story “{story}” follows from a story the bundle lacks"));
        }
        if let Some(missing) = story.articles.iter().find(|id| !ids.contains(id.as_str())) {
            let (story, missing) = (shown(&story.label), shown(missing));
            return fail(
                Part::Stories,
                format!("the story “{story}” lists an article “{missing}” the bundle lacks"),
            );
        }
    }
    Ok(())
}

/// A name from the file, cut short and stripped of control and bidi characters so a hostile
/// bundle cannot garble the message that reports it.
pub(crate) fn shown(text: &str) -> String {
    let mut out: String = text
        .chars()
        .filter(|c| {
            !c.is_control()
                && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .take(40)
        .collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}
