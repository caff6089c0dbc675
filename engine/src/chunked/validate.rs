//! Validation of a chunked corpus, one file at a time: the manifest on its own, and each chunk
//! against the manifest (the bundle's checks in [`crate::bundle::validate`], run on the part the
//! chunk holds). Cross-chunk references go only through manifest ordinals (article rows, term
//! ids, entity indices), so a chunk is checked without any other chunk.

use std::collections::HashSet;

use super::{
    ArticleChunk, ArticleDetails, ChunkKind, ChunkRef, DirectoryPage, EntityChunk, IdPage, Manifest,
    OrdinalPage, PageSummary, Shard, StoryEntry, ORD_PAGE_CHUNKS,
};
use crate::bundle::validate::{self as bundle, shown, Inconsistency, Part};
use crate::model::Article;
use crate::search::SearchIndex;

type Checked = Result<(), Inconsistency>;

fn fail(part: Part, problem: String) -> Checked {
    Err(Inconsistency { part, problem })
}

/// The manifest: page summaries' outlets in range, list pages holding every article once, the
/// largest stories distinct stories of two or more articles, largest first, entity counts, the
/// id index's first ids ascending, one per `ids` page, and a chunk directory whose chunks of each
/// kind cover their items exactly once, in order.
pub fn manifest(manifest: &Manifest) -> Checked {
    let n_articles = manifest.summary.articles as usize;
    let dir_rows: Vec<usize> = manifest
        .chunks
        .iter()
        .filter(|c| c.kind == ChunkKind::Directory)
        .map(|c| c.end.saturating_sub(c.first) as usize)
        .collect();
    if dir_rows.len() != manifest.pages.len() {
        return fail(Part::Articles, "its list pages do not match their summaries".into());
    }
    for (summary, &rows) in manifest.pages.iter().zip(&dir_rows) {
        summary_fits(summary, rows, manifest)?;
    }
    let n_stories = manifest.summary.stories;
    for (heads, max) in [
        (&manifest.largest_stories, super::LARGEST_STORIES),
        (&manifest.newest_stories, super::NEWEST_STORIES),
    ] {
        let mut named: HashSet<u32> = HashSet::with_capacity(heads.len());
        if heads.len() > max
            || heads.iter().any(|h| h.story >= n_stories || h.articles < 2 || !named.insert(h.story))
            || heads.windows(2).any(|w| w[0].articles < w[1].articles)
        {
            return fail(
                Part::Stories,
                "its largest stories are not stories of the corpus, largest first".into(),
            );
        }
    }
    if manifest.entity_counts.len() != manifest.entities.len() {
        return fail(Part::Entities, "its entity counts do not match its entities".into());
    }
    let id_pages = manifest.chunks.iter().filter(|c| c.kind == ChunkKind::Ids).count();
    if id_pages != manifest.id_firsts.len() || manifest.id_firsts.windows(2).any(|w| w[0] >= w[1]) {
        return fail(Part::Articles, "its id index is not in order".into());
    }
    let chunks = &manifest.chunks;
    if chunks.first().map(|c| c.kind) != Some(ChunkKind::Terms)
        || chunks.iter().filter(|c| c.kind == ChunkKind::Terms).count() != 1
    {
        return fail(
            Part::SearchIndex,
            "its chunk list does not start with the one search dictionary".into(),
        );
    }
    if chunks.windows(2).any(|w| super::kind_rank(w[0].kind) > super::kind_rank(w[1].kind))
        || chunks
            .iter()
            .any(|c| matches!(c.kind, ChunkKind::Manifest | ChunkKind::Articles | ChunkKind::ArticleDetails))
    {
        return fail(Part::SearchIndex, "its chunk list is not in the order it is written".into());
    }
    if let Some(bad) = chunks.iter().find(|c| {
        c.hash.len() != 16 || !c.hash.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    }) {
        return fail(Part::SearchIndex, format!("a chunk has a malformed name (“{}”)", shown(&bad.hash)));
    }
    covers(chunks, ChunkKind::Shard, manifest.summary.terms as usize, Part::SearchIndex)?;
    let ranges = |kind| chunks.iter().filter(move |c| c.kind == kind).map(|c| (c.first, c.end));
    if !ranges(ChunkKind::Shard).eq(ranges(ChunkKind::Positions)) {
        return fail(Part::SearchIndex, "its shards' positions are not cut as its shards are".into());
    }
    covers(chunks, ChunkKind::Entities, manifest.entities.len(), Part::Entities)?;
    covers(chunks, ChunkKind::Directory, n_articles, Part::Articles)?;
    covers(chunks, ChunkKind::EntityIndex, manifest.summary.entity_slots as usize, Part::SearchIndex)?;
    covers(chunks, ChunkKind::Ordinals, n_articles, Part::Articles)?;
    covers(chunks, ChunkKind::Ids, n_articles, Part::Articles)?;
    covers(chunks, ChunkKind::Stories, n_stories as usize, Part::Stories)
}

/// A list page's summary: sorted distinct outlets the manifest lists, each with rows, no more
/// than the page holds.
fn summary_fits(summary: &PageSummary, rows: usize, manifest: &Manifest) -> Checked {
    let fits = |counts: &[(u32, u32)], n: usize| {
        counts.windows(2).all(|w| w[0].0 < w[1].0)
            && counts.iter().all(|&(k, c)| (k as usize) < n && c > 0)
            && counts.iter().map(|&(_, c)| c as usize).sum::<usize>() <= rows
    };
    if !fits(&summary.outlets, manifest.outlets.len()) {
        return fail(Part::Articles, "a list page's outlets do not fit the corpus".into());
    }
    Ok(())
}

/// A list page: one row per position it covers, each a distinct article of the corpus, outlets
/// counted as the page's summary says, stories the corpus has. (That a story's rows are where
/// its story chunk says is checked by the reader when both are at hand.) (That each row is on the page its article's
/// `ord` page names is checked by the reader when both are at hand.)
pub(crate) fn directory(chunk: &DirectoryPage, page: usize, at: &ChunkRef, manifest: &Manifest) -> Checked {
    let n = at.end.saturating_sub(at.first) as usize;
    if chunk.ordinals.len() != n || chunk.rows.len() != n {
        return fail(Part::Articles, "a list page holds another number of rows than listed".into());
    }
    let mut seen: HashSet<u32> = HashSet::with_capacity(n);
    let mut counted = PageSummary::default();
    for (&i, row) in chunk.ordinals.iter().zip(&chunk.rows) {
        if i >= manifest.summary.articles
            || !seen.insert(i)
            || row.story.is_some_and(|s| s >= manifest.summary.stories)
        {
            return fail(
                Part::Articles,
                "a list page's rows are not the articles the manifest puts there".into(),
            );
        }
        counted.outlets.extend(row.outlet.map(|o| (o, 1)));
    }
    let summary = manifest.pages.get(page).cloned().unwrap_or_default();
    let tally = |mut keys: Vec<(u32, u32)>| {
        keys.sort_unstable();
        keys.dedup_by(|b, a| {
            let same = a.0 == b.0;
            if same {
                a.1 += b.1;
            }
            same
        });
        keys
    };
    if tally(counted.outlets) != summary.outlets {
        return fail(Part::Articles, "a list page's outlets are not the ones the manifest counts".into());
    }
    Ok(())
}

/// A story chunk (its columns already read back, `story_columns.rs`): as many stories as its
/// range, each of the largest the manifest names with the label and size it says.
pub(crate) fn stories(stories: &[StoryEntry], at: &ChunkRef, manifest: &Manifest) -> Checked {
    if stories.len() != at.end.saturating_sub(at.first) as usize {
        return fail(Part::Stories, "a story chunk holds another number of stories than listed".into());
    }
    for head in manifest.largest_stories.iter().chain(&manifest.newest_stories) {
        let Some(story) = head.story.checked_sub(at.first).and_then(|i| stories.get(i as usize)) else {
            continue;
        };
        if story.label != head.label || story.articles.len() != head.articles as usize {
            return fail(Part::Stories, "a story is not the one the manifest names".into());
        }
    }
    Ok(())
}

/// A page of the article directory: a list page per ordinal it covers, and article chunks, each
/// holding some, that together hold exactly those.
pub(crate) fn ordinal_page(chunk: &OrdinalPage, at: &ChunkRef, manifest: &Manifest) -> Checked {
    let n = at.end.saturating_sub(at.first) as usize;
    if chunk.list_pages.len() != n {
        return fail(
            Part::Articles,
            "a page of the article directory holds another number of articles than listed".into(),
        );
    }
    if chunk.list_pages.iter().any(|&p| p as usize >= manifest.pages.len()) {
        return fail(Part::Articles, "an article is on a list page the manifest does not list".into());
    }
    let held: u64 = chunk.chunks.iter().map(|c| u64::from(c.items)).sum();
    if chunk.chunks.len() > ORD_PAGE_CHUNKS || held != n as u64 || chunk.chunks.iter().any(|c| c.items == 0) {
        return fail(
            Part::Articles,
            "a page of the article directory lists chunks that do not hold its articles".into(),
        );
    }
    Ok(())
}

/// A page of the id index: the ids it covers, ascending, the first the one the manifest lists
/// for it and the last before the next page's, each with an ordinal of the corpus.
pub(crate) fn id_page(chunk: &IdPage, page: usize, at: &ChunkRef, manifest: &Manifest) -> Checked {
    let n = at.end.saturating_sub(at.first) as usize;
    let in_order = chunk.ids.windows(2).all(|w| w[0] < w[1])
        && chunk.ids.first() == manifest.id_firsts.get(page)
        && manifest
            .id_firsts
            .get(page + 1)
            .is_none_or(|next| chunk.ids.last().is_some_and(|last| last < next));
    if chunk.ids.len() != n || chunk.ordinals.len() != n || !in_order {
        return fail(Part::Articles, "a page of the id index is not the one the manifest lists".into());
    }
    if chunk.ordinals.iter().any(|&o| o >= manifest.summary.articles) {
        return fail(
            Part::Articles,
            "a page of the id index names an article the corpus does not have".into(),
        );
    }
    Ok(())
}

/// Whether the chunks of `kind` cover `0..n` in order, each non-empty.
fn covers(chunks: &[ChunkRef], kind: ChunkKind, n: usize, part: Part) -> Checked {
    let mut next = 0usize;
    for chunk in chunks.iter().filter(|c| c.kind == kind) {
        if chunk.first as usize != next || chunk.end <= chunk.first {
            return fail(part, format!("its {} chunks do not follow one another", kind.prefix()));
        }
        next = chunk.end as usize;
    }
    if next != n {
        return fail(part, format!("its {} chunks cover {next} of {n} items", kind.prefix()));
    }
    Ok(())
}

/// The term directory: the search index's checks but the postings, against the manifest.
pub(crate) fn terms(index: &SearchIndex, manifest: &Manifest) -> Checked {
    bundle::search_directory(index, manifest.summary.articles as usize)?;
    if index.terms.len() != manifest.summary.terms as usize
        || index.entities.n_slots() != manifest.summary.entity_slots as usize
        || index.entities.has_postings()
        || !index.posting_starts.is_empty()
        || !index.postings.is_empty()
    {
        return fail(Part::SearchIndex, "its dictionary does not match the manifest".into());
    }
    Ok(())
}

/// A shard's counts as written, before its postings are put back: each fits its article's
/// words in the term directory ([`super::postings::WireShard::counts_fit`]).
pub(crate) fn shard_counts(heads: &super::postings::WireShard, directory: &SearchIndex) -> Checked {
    heads.counts_fit(&directory.doc_lens).or_else(|problem| fail(Part::SearchIndex, problem.into()))
}

/// An index shard: its terms' postings decode exactly, with articles in range, as many as the
/// directory's document frequencies.
pub(crate) fn shard(shard: &Shard, chunk: &ChunkRef, directory: &SearchIndex, n_articles: usize) -> Checked {
    let range = chunk.first as usize..chunk.end as usize;
    let (Some(terms), Some(doc_freq)) = (directory.terms.get(range.clone()), directory.doc_freq.get(range))
    else {
        return fail(Part::SearchIndex, "a shard covers words beyond the dictionary".into());
    };
    let part = SearchIndex {
        terms: terms.to_vec(),
        doc_freq: doc_freq.to_vec(),
        posting_starts: shard.starts.clone(),
        postings: shard.postings.clone(),
        ..SearchIndex::default()
    };
    bundle::postings(&part, n_articles)
}

/// A shard's positions chunk: one ordinal gap and one offset per occurrence its shard's
/// postings count (`shard`), every offset in range (the shard put back together with them).
pub(crate) fn positions(
    positions: &super::postings::WirePositions,
    shard: &super::postings::WireShard,
    chunk: &ChunkRef,
) -> Result<Shard, Inconsistency> {
    let n = shard.occurrences();
    if positions.ordinal_gaps.len() as u64 != n || positions.offset_residues.len() as u64 != n {
        return Err(Inconsistency {
            part: Part::SearchIndex,
            problem: "a shard's positions are not one per occurrence its postings count".into(),
        });
    }
    shard
        .assemble(chunk.first, Some(positions), &|_, _| None)
        .map_err(|problem| Inconsistency { part: Part::SearchIndex, problem })
}

/// A chunk of the entity index: its slots' postings decode exactly, with articles in range, as
/// many as the directory's article counts.
pub(crate) fn entity_index(
    part: &Shard,
    chunk: &ChunkRef,
    directory: &SearchIndex,
    n_articles: usize,
) -> Checked {
    let Some(doc_freq) = directory.entities.doc_freqs(chunk.first as usize, chunk.end as usize) else {
        return fail(
            Part::SearchIndex,
            "a chunk of the entity index covers entities beyond the dictionary".into(),
        );
    };
    let slots = crate::search::aliases_part(doc_freq, part.starts.clone(), part.postings.clone(), n_articles);
    match slots {
        Some(problem) => fail(Part::SearchIndex, problem),
        None => Ok(()),
    }
}

/// An article chunk: as many articles as its `ord` page says (from ordinal `at.first`), each
/// consistent, with one date each, provenance for its own articles only, and mentions inside
/// their text. (That their ids are the ones list pages and id pages at hand give those ordinals
/// is checked by the reader.)
pub(crate) fn articles(chunk: &ArticleChunk, at: &ChunkRef, manifest: &Manifest) -> Checked {
    if at.end.saturating_sub(at.first) as usize != chunk.articles.len() {
        return fail(Part::Articles, "a chunk's articles are not the ones the manifest lists there".into());
    }
    if chunk.articles.iter().any(|a| !a.removed.is_empty()) {
        return fail(
            Part::Articles,
            "a chunk's articles carry removed spans, which belong in their details".into(),
        );
    }
    bundle::articles(&chunk.articles)?;
    if chunk.dates.len() != chunk.articles.len() {
        return fail(Part::Dates, "a chunk has another number of dates than of articles".into());
    }
    bundle::dates(&chunk.dates, manifest.summary.articles as usize)?;
    Ok(())
}

/// The details of the articles `articles` (those of the article chunk at `at`, at hand): one list
/// of removed spans per article, spans of its raw file; provenance only of these articles;
/// mentions within their text (the bundle's checks, over the articles with their spans).
pub(crate) fn article_details(
    details: &ArticleDetails,
    articles: &[Article],
    at: &ChunkRef,
    manifest: &Manifest,
) -> Checked {
    if details.removed.len() != articles.len() || at.end.saturating_sub(at.first) as usize != articles.len() {
        return fail(
            Part::Articles,
            "a chunk gives the removed spans of other articles than it covers".into(),
        );
    }
    let whole: Vec<Article> = articles
        .iter()
        .zip(&details.removed)
        .map(|(a, removed)| Article { removed: removed.clone(), ..a.clone() })
        .collect();
    bundle::articles(&whole)?;
    let ids: HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    if details.sources.iter().any(|s| !ids.contains(s.article.as_str())) {
        return fail(Part::Articles, "a chunk gives the provenance of an article it does not hold".into());
    }
    bundle::mentions(&details.mentions, &whole, at.first, manifest.entities.len())
}

/// An entity chunk: one list per entity `first..end`, each naming its entity, sorted, non-empty
/// ranges in articles of the corpus. (Whether a range is text of its article is checked where
/// the article is at hand: search and pages skip one that is not.)
pub(crate) fn entities(chunk: &EntityChunk, at: &ChunkRef, n_articles: usize) -> Checked {
    if chunk.lists.len() != at.end.saturating_sub(at.first) as usize {
        return fail(Part::Entities, "a chunk holds another number of entities than listed".into());
    }
    for (entity, list) in (at.first..).zip(&chunk.lists) {
        let mut previous: Option<(u32, u32)> = None;
        for m in list {
            let ordered = previous.is_none_or(|p| p < (m.article, m.start));
            if m.entity() != Some(entity) || m.article as usize >= n_articles || m.start >= m.end || !ordered
            {
                return fail(
                    Part::Entities,
                    format!(
                        "the mentions of entity {} are out of order or out of range",
                        u64::from(entity) + 1
                    ),
                );
            }
            previous = Some((m.article, m.start));
        }
    }
    Ok(())
}
