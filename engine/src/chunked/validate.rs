//! Validation of a chunked corpus, one file at a time: the manifest on its own, and each chunk
//! against the manifest (the bundle's checks in [`crate::bundle::validate`], run on the part the
//! chunk holds). Cross-chunk references go only through manifest ordinals (article rows, term
//! ids, entity indices), so a chunk is checked without any other chunk.

use std::collections::HashSet;

use super::{ArticleChunk, ChunkKind, ChunkRef, EntityChunk, Manifest, Shard};
use crate::bundle::validate::{self as bundle, shown, Inconsistency, Part};
use crate::search::SearchIndex;

type Checked = Result<(), Inconsistency>;

fn fail(part: Part, problem: String) -> Checked {
    Err(Inconsistency { part, problem })
}

/// The manifest: unique article ids, outlets, stories and entity counts in range, and a chunk
/// directory whose chunks of each kind cover their items exactly once, in order.
pub fn manifest(manifest: &Manifest) -> Checked {
    let n_articles = manifest.articles.len();
    if manifest.summary.articles as usize != n_articles {
        return fail(
            Part::Articles,
            format!("it lists {n_articles} of {} articles", manifest.summary.articles),
        );
    }
    let mut ids: HashSet<&str> = HashSet::with_capacity(n_articles);
    for (i, entry) in manifest.articles.iter().enumerate() {
        if !ids.insert(entry.id.as_str()) {
            return fail(Part::Articles, format!("two articles have the id “{}”", shown(&entry.id)));
        }
        if entry.outlet.is_some_and(|o| o as usize >= manifest.outlets.len()) {
            return fail(Part::Articles, format!("article {} names an outlet it does not list", i + 1));
        }
        if entry.story.is_some_and(|s| s as usize >= manifest.stories.len()) {
            return fail(Part::Stories, format!("article {} names a story it does not list", i + 1));
        }
    }
    bundle::story_members(&manifest.stories, &ids)?;
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
    covers(chunks, ChunkKind::Entities, manifest.entities.len(), Part::Entities)
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
    bundle::search_directory(index, manifest.articles.len())?;
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
    let rows = manifest.articles.get(at.first as usize..at.end as usize).unwrap_or_default();
    if rows.len() != chunk.articles.len() || rows.iter().zip(&chunk.articles).any(|(r, a)| r.id != a.id) {
        return fail(Part::Articles, "a chunk's articles are not the ones the manifest lists there".into());
    }
    bundle::articles(&chunk.articles)?;
    if chunk.dates.len() != chunk.articles.len() {
        return fail(Part::Dates, "a chunk has another number of dates than of articles".into());
    }
    bundle::dates(&chunk.dates, manifest.articles.len())?;
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
