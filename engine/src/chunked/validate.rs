//! Validation of a chunked corpus, one file at a time: the manifest on its own, and each chunk
//! against the manifest (the bundle's checks in [`crate::bundle::validate`], run on the part the
//! chunk holds). Cross-chunk references go only through manifest ordinals (article rows, term
//! ids, entity indices), so a chunk is checked without any other chunk.

use std::collections::HashSet;

use super::{ArticleChunk, ChunkKind, ChunkRef, DirectoryPage, EntityChunk, Manifest, PageSummary, Shard};
use crate::bundle::validate::{self as bundle, shown, Inconsistency, Part};
use crate::search::SearchIndex;

type Checked = Result<(), Inconsistency>;

fn fail(part: Part, problem: String) -> Checked {
    Err(Inconsistency { part, problem })
}

/// The manifest: unique article ids, each on one list page holding as many rows as it lists,
/// page summaries' outlets and stories in range, entity counts, and a chunk directory whose
/// chunks of each kind cover their items exactly once, in order.
pub fn manifest(manifest: &Manifest) -> Checked {
    let n_articles = manifest.ids.len();
    if manifest.summary.articles as usize != n_articles || manifest.page_of.len() != n_articles {
        return fail(
            Part::Articles,
            format!("it lists {n_articles} of {} articles", manifest.summary.articles),
        );
    }
    let mut ids: HashSet<&str> = HashSet::with_capacity(n_articles);
    for id in &manifest.ids {
        if !ids.insert(id.as_str()) {
            return fail(Part::Articles, format!("two articles have the id “{}”", shown(id)));
        }
    }
    bundle::story_members(&manifest.stories, &ids)?;
    let mut page_rows = vec![0usize; manifest.pages.len()];
    for &p in &manifest.page_of {
        match page_rows.get_mut(p as usize) {
            Some(n) => *n += 1,
            None => {
                return fail(
                    Part::Articles,
                    format!("an article is on list page {}, which it does not list", u64::from(p) + 1),
                )
            }
        }
    }
    for (summary, &rows) in manifest.pages.iter().zip(&page_rows) {
        summary_fits(summary, rows, manifest)?;
    }
    let dir_rows: Vec<usize> = manifest
        .chunks
        .iter()
        .filter(|c| c.kind == ChunkKind::Directory)
        .map(|c| c.end.saturating_sub(c.first) as usize)
        .collect();
    if dir_rows != page_rows {
        return fail(Part::Articles, "its list pages do not hold the articles it puts on them".into());
    }
    if manifest.entity_counts.len() != manifest.entities.len() {
        return fail(Part::Entities, "its entity counts do not match its entities".into());
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
        || chunks.iter().any(|c| c.kind == ChunkKind::Manifest)
    {
        return fail(Part::SearchIndex, "its chunk list is not in the order it is written".into());
    }
    if let Some(bad) = chunks.iter().find(|c| {
        c.hash.len() != 16 || !c.hash.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    }) {
        return fail(Part::SearchIndex, format!("a chunk has a malformed name (“{}”)", shown(&bad.hash)));
    }
    covers(chunks, ChunkKind::Shard, manifest.summary.terms as usize, Part::SearchIndex)?;
    covers(chunks, ChunkKind::Articles, n_articles, Part::Articles)?;
    covers(chunks, ChunkKind::Entities, manifest.entities.len(), Part::Entities)?;
    covers(chunks, ChunkKind::Directory, n_articles, Part::Articles)
}

/// A list page's summary: sorted distinct outlets and stories the manifest lists, each with
/// rows, no more than the page holds.
fn summary_fits(summary: &PageSummary, rows: usize, manifest: &Manifest) -> Checked {
    let fits = |counts: &[(u32, u32)], n: usize| {
        counts.windows(2).all(|w| w[0].0 < w[1].0)
            && counts.iter().all(|&(k, c)| (k as usize) < n && c > 0)
            && counts.iter().map(|&(_, c)| c as usize).sum::<usize>() <= rows
    };
    if !fits(&summary.outlets, manifest.outlets.len()) || !fits(&summary.stories, manifest.stories.len()) {
        return fail(Part::Articles, "a list page's outlets or stories do not fit the corpus".into());
    }
    Ok(())
}

/// A list page: one row per article the manifest puts on page `page`, each with that article's
/// id, outlets and stories in range, counted as the page's summary says.
pub(crate) fn directory(chunk: &DirectoryPage, page: usize, at: &ChunkRef, manifest: &Manifest) -> Checked {
    let n = at.end.saturating_sub(at.first) as usize;
    if chunk.ordinals.len() != n || chunk.rows.len() != n {
        return fail(Part::Articles, "a list page holds another number of rows than listed".into());
    }
    let mut seen: HashSet<u32> = HashSet::with_capacity(n);
    let mut counted = PageSummary::default();
    for (&i, row) in chunk.ordinals.iter().zip(&chunk.rows) {
        let on_page = manifest.page_of.get(i as usize).is_some_and(|&p| p as usize == page);
        if !on_page || !seen.insert(i) || manifest.ids.get(i as usize) != Some(&row.id) {
            return fail(
                Part::Articles,
                "a list page's rows are not the articles the manifest puts there".into(),
            );
        }
        counted.outlets.extend(row.outlet.map(|o| (o, 1)));
        counted.stories.extend(row.story.map(|s| (s, 1)));
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
    if tally(counted.outlets) != summary.outlets || tally(counted.stories) != summary.stories {
        return fail(
            Part::Articles,
            "a list page's outlets or stories are not the ones the manifest counts".into(),
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
    bundle::search_directory(index, manifest.ids.len())?;
    if index.terms.len() != manifest.summary.terms as usize
        || !index.posting_starts.is_empty()
        || !index.postings.is_empty()
    {
        return fail(Part::SearchIndex, "its dictionary does not match the manifest".into());
    }
    Ok(())
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

/// An article chunk: its articles are the directory's rows `first..end`, each consistent, with
/// one date each, provenance for its own articles only, and mentions inside their text.
pub(crate) fn articles(chunk: &ArticleChunk, at: &ChunkRef, manifest: &Manifest) -> Checked {
    let ids = manifest.ids.get(at.first as usize..at.end as usize).unwrap_or_default();
    if ids.len() != chunk.articles.len() || ids.iter().zip(&chunk.articles).any(|(id, a)| *id != a.id) {
        return fail(Part::Articles, "a chunk's articles are not the ones the manifest lists there".into());
    }
    bundle::articles(&chunk.articles)?;
    if chunk.dates.len() != chunk.articles.len() {
        return fail(Part::Dates, "a chunk has another number of dates than of articles".into());
    }
    bundle::dates(&chunk.dates, manifest.ids.len())?;
    let ids: HashSet<&str> = chunk.articles.iter().map(|a| a.id.as_str()).collect();
    if chunk.sources.iter().any(|s| !ids.contains(s.article.as_str())) {
        return fail(Part::Articles, "a chunk gives the provenance of an article it does not hold".into());
    }
    bundle::mentions(&chunk.mentions, &chunk.articles, at.first, manifest.entities.len())
}

/// An entity chunk: one list per entity `first..end`, each naming its entity, sorted, non-empty
/// ranges in articles of the corpus. (Whether a range is text of its article is checked where
/// the article is at hand: search and pages skip one that is not.)
pub(crate) fn entities(chunk: &EntityChunk, at: &ChunkRef, n_articles: usize) -> Checked {
    if chunk.lists.len() != at.end.saturating_sub(at.first) as usize {
        return fail(Part::Entities, "a chunk holds another number of entities than listed".into());
    }
    for (entity, list) in (at.first..).zip(&chunk.lists) {
        let mut previous: Option<(u32, usize)> = None;
        for m in list {
            let ordered = previous.is_none_or(|p| p < (m.article, m.start));
            if m.entity != Some(entity) || m.article as usize >= n_articles || m.start >= m.end || !ordered {
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
