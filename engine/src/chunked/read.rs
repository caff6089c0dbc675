//! Reading a chunked corpus: the chunks that have arrived, and for each view either its answer or
//! the chunks it still needs. No IO: the caller fetches what [`Needed`] names and hands the bytes
//! to [`Reader::add`].

use std::collections::{BTreeMap, BTreeSet};

use std::collections::HashMap;

use super::postings::{WirePositions, WireShard};
use super::{
    decode, decode_manifest, kind_rank, validate, ArticleChunk, ArticleDetails, ArticleEntry, ChunkError,
    ChunkId, ChunkKind, ChunkRef, DirectoryPage, EntityChunk, IdPage, ListFilter, ListPage, Manifest,
    OrdinalPage, Shard, StoryEntry, ORD_PAGE_CHUNKS,
};
use crate::bundle::validate::{Inconsistency, Part};
use crate::dates::PublicationDate;
use crate::entities::{EntityData, Mention};
use crate::model::{Article, ArticleSource, Spanned};
use crate::search::{Corpus, SearchIndex, SearchOptions, SearchResults, Trace};

/// The chunks a view needs before it can answer, in directory order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needed {
    /// Which chunks (see [`Reader::chunk_name`]).
    pub chunks: Vec<ChunkId>,
}

/// A chunked corpus as far as it has arrived.
#[derive(Debug)]
pub struct Reader {
    manifest: Manifest,
    /// The term directory, with the postings of the shards at hand (other terms have none).
    index: Option<SearchIndex>,
    /// Shards at hand, by their first term.
    shards: BTreeMap<u32, ShardAtHand>,
    /// Positions recomputed from the text of articles at hand, by (term, article), for the
    /// postings whose shard's positions chunk is not at hand.
    recomputed: HashMap<(u32, u32), Vec<(u32, usize)>>,
    /// Postings, as (term, article), whose positions the last search read from an article not
    /// yet at hand (a shown hit's, which it asked for): recomputed as the next search starts, so
    /// that search, once the article arrived, runs once rather than again after recomputing.
    awaiting: Vec<(u32, u32)>,
    /// How many chunks other than `ord` pages have been added: what a search reads (an `ord`
    /// page only says which chunk holds an article).
    added: u64,
    /// The last search, when all it lacked was `ord` pages: once they are at hand, the same
    /// search over the same chunks would read the same articles, so it only names their chunks.
    lacking_ordinals: Option<LackingOrdinals>,
    /// Chunks of the entity index at hand, by their first slot.
    entity_shards: BTreeMap<u32, (ChunkRef, Shard)>,
    /// Whether `index`'s postings are behind `shards` (or `recomputed`).
    stale: bool,
    /// One per article: the real one once its chunk arrived, else a stand-in with a placeholder id
    /// no real one equals.
    articles: Vec<Article>,
    dates: Vec<Option<PublicationDate>>,
    sources: Vec<ArticleSource>,
    /// Mentions of the articles at hand, sorted by (article, start).
    article_mentions: Vec<Mention>,
    /// Entities, and the mentions of those whose lists are at hand.
    entities: EntityData,
    loaded: BTreeSet<ChunkId>,
    /// The directory rows at hand, by ordinal.
    rows: Vec<Option<ArticleEntry>>,
    /// The list pages at hand: per page, the ordinals of its rows in list order.
    pages: BTreeMap<usize, Vec<u32>>,
    /// Per article, its list page once its `ord` page arrived (else `u32::MAX`).
    page_of: Vec<u32>,
    /// The article chunks the `ord` pages at hand list, by their first ordinal.
    article_chunks: BTreeMap<u32, (ChunkId, ChunkRef)>,
    /// Their details chunks, by the same first ordinal.
    article_details: BTreeMap<u32, (ChunkId, ChunkRef)>,
    /// Where each of those chunks (and details chunks) is listed, by id.
    article_chunk_ids: HashMap<ChunkId, u32>,
    /// The first id of a details chunk (article chunks' ids are below it).
    details_base: usize,
    /// The pages of the id index at hand, by page.
    id_pages: BTreeMap<usize, IdPage>,
    /// The stories at hand, by index (`None` until their chunk arrives).
    stories: Vec<Option<StoryEntry>>,
}

impl Reader {
    /// Opens a corpus from its manifest's bytes.
    pub fn open(manifest: &[u8]) -> Result<Reader, ChunkError> {
        let manifest = decode_manifest(manifest)?;
        let n = manifest.summary.articles as usize;
        let articles = (0..n).map(stand_in).collect();
        let entities = EntityData { entities: manifest.entities.clone(), mentions: Vec::new() };
        let ord_pages = manifest.chunks.iter().filter(|c| c.kind == ChunkKind::Ordinals).count();
        let details_base = manifest.chunks.len() + ord_pages * ORD_PAGE_CHUNKS;
        let n_stories = manifest.summary.stories as usize;
        Ok(Reader {
            manifest,
            index: None,
            shards: BTreeMap::new(),
            recomputed: HashMap::new(),
            awaiting: Vec::new(),
            added: 0,
            lacking_ordinals: None,
            entity_shards: BTreeMap::new(),
            stale: false,
            articles,
            dates: vec![None; n],
            sources: Vec::new(),
            article_mentions: Vec::new(),
            entities,
            loaded: BTreeSet::new(),
            rows: vec![None; n],
            pages: BTreeMap::new(),
            page_of: vec![u32::MAX; n],
            article_chunks: BTreeMap::new(),
            article_details: BTreeMap::new(),
            article_chunk_ids: HashMap::new(),
            details_base,
            id_pages: BTreeMap::new(),
            stories: vec![None; n_stories],
        })
    }

    /// How many stories the corpus holds.
    pub fn story_count(&self) -> usize {
        self.stories.len()
    }

    /// The story at index `story`, or the story chunk holding it (nothing past the corpus).
    pub fn story(&self, story: u32) -> Result<&StoryEntry, Needed> {
        match self.stories.get(story as usize) {
            Some(Some(entry)) => Ok(entry),
            Some(None) => {
                Err(Needed { chunks: self.chunk_of(ChunkKind::Stories, story).into_iter().collect() })
            }
            None => Err(Needed { chunks: Vec::new() }),
        }
    }

    /// Every story, or the story chunks not at hand (what a `story:` search reads).
    pub fn stories(&self) -> Result<Vec<&StoryEntry>, Needed> {
        let missing: Vec<ChunkId> = (0..self.manifest.chunks.len())
            .map(ChunkId)
            .filter(|&id| self.manifest.chunks[id.0].kind == ChunkKind::Stories && !self.has(id))
            .collect();
        if !missing.is_empty() {
            return Err(Needed { chunks: missing });
        }
        Ok(self.stories.iter().flatten().collect())
    }

    /// How many articles the corpus holds.
    pub fn article_count(&self) -> usize {
        self.manifest.summary.articles as usize
    }

    /// The directory row of one article (title, outlet, date, story, words), or the chunk holding
    /// it (its `ord` page first, which says its list page). An ordinal past the corpus needs
    /// nothing that could arrive (`Needed` with no chunks).
    pub fn article_row(&self, ordinal: usize) -> Result<&ArticleEntry, Needed> {
        match self.rows.get(ordinal) {
            Some(Some(row)) => Ok(row),
            Some(None) => {
                let page = self.list_page_of(ordinal)?;
                Err(Needed { chunks: self.page_chunk(page).into_iter().collect() })
            }
            None => Err(Needed { chunks: Vec::new() }),
        }
    }

    /// Which page of the article list holds this article's row, or its `ord` page.
    pub fn list_page_of(&self, ordinal: usize) -> Result<usize, Needed> {
        self.ordinals_at_hand(ordinal)?;
        Ok(self.page_of[ordinal] as usize)
    }

    /// The id of the article at `ordinal`, from its list row or the article itself, or the chunks
    /// that hold it (its `ord` page, then its article chunk).
    pub fn id_of(&self, ordinal: usize) -> Result<&str, Needed> {
        if let Some(id) = self.known_id(ordinal) {
            return Ok(id);
        }
        Ok(&self.article(ordinal)?.id)
    }

    /// The id of the article at `ordinal` if its list row or its article is at hand.
    fn known_id(&self, ordinal: usize) -> Option<&str> {
        if let Some(Some(row)) = self.rows.get(ordinal) {
            return Some(&row.id);
        }
        self.articles.get(ordinal).map(|a| a.id.as_str()).filter(|id| !is_stand_in(id))
    }

    /// Whether the `ord` page of `ordinal` is at hand; else that page (nothing past the corpus).
    fn ordinals_at_hand(&self, ordinal: usize) -> Result<(), Needed> {
        let item = u32::try_from(ordinal).unwrap_or(u32::MAX);
        match self.chunk_of(ChunkKind::Ordinals, item) {
            Some(id) if self.has(id) => Ok(()),
            Some(id) => Err(Needed { chunks: vec![id] }),
            None => Err(Needed { chunks: Vec::new() }),
        }
    }

    /// The ordinal of the article with this id (`None` when the corpus has none), or the page of
    /// the id index that says.
    pub fn ordinal_of(&self, id: &str) -> Result<Option<usize>, Needed> {
        let after = self.manifest.id_firsts.partition_point(|first| first.as_str() <= id);
        let Some(page) = after.checked_sub(1) else { return Ok(None) };
        match self.id_pages.get(&page) {
            Some(ids) => {
                Ok(ids.ids.binary_search_by(|x| x.as_str().cmp(id)).ok().map(|i| ids.ordinals[i] as usize))
            }
            None => Err(Needed { chunks: self.nth_of_kind(ChunkKind::Ids, page).into_iter().collect() }),
        }
    }

    /// The `n`th chunk of `kind` in the directory.
    fn nth_of_kind(&self, kind: ChunkKind, n: usize) -> Option<ChunkId> {
        let chunks = &self.manifest.chunks;
        let lo = chunks.partition_point(|c| kind_rank(c.kind) < kind_rank(kind));
        let id = lo.checked_add(n)?;
        chunks.get(id).filter(|c| c.kind == kind).map(|_| ChunkId(id))
    }

    /// Which of its kind the manifest chunk `id` is (its page number).
    fn place_of(&self, id: ChunkId, kind: ChunkKind) -> usize {
        id.0 - self.manifest.chunks.partition_point(|c| kind_rank(c.kind) < kind_rank(kind))
    }

    /// The directory chunk of list page `page`.
    fn page_chunk(&self, page: usize) -> Option<ChunkId> {
        self.nth_of_kind(ChunkKind::Directory, page)
    }

    /// One page of an article list in list order (newest first, undated articles last, equal
    /// dates in corpus order: the home page's "by date" order), optionally only one outlet or one
    /// story: the total matching and the ordinals of rows `start..start + len` (fewer at the end,
    /// none past it), or the chunks holding the rows it needs (a story's chunk first, which says
    /// on which pages its rows are).
    pub fn list_page(&self, filter: &ListFilter, start: usize, len: usize) -> Result<ListPage, Needed> {
        let story = match filter.story {
            Some(s) => Some(self.story(s)?),
            None => None,
        };
        let end = start.saturating_add(len);
        let mut total = 0;
        let mut ordinals = Vec::with_capacity(len.min(self.rows.len()));
        let mut needed = Vec::new();
        for (p, summary) in self.manifest.pages.iter().enumerate() {
            let Some(id) = self.page_chunk(p) else { continue };
            // What the summary says; with both filters, only the page itself knows.
            let page = u32::try_from(p).unwrap_or(u32::MAX);
            let known = match (filter.outlet, story) {
                (None, None) => {
                    let chunk = &self.manifest.chunks[id.0];
                    Some(chunk.end.saturating_sub(chunk.first) as usize)
                }
                (Some(o), None) => Some(summary.outlet_rows(o) as usize),
                (None, Some(s)) => Some(s.rows_on(page) as usize),
                (Some(o), Some(s)) => (summary.outlet_rows(o) == 0 || s.rows_on(page) == 0).then_some(0),
            };
            let shown = known.is_none_or(|n| n > 0 && total < end && start < total + n);
            match (shown, self.pages.get(&p)) {
                (false, _) => total += known.unwrap_or(0),
                (true, None) => {
                    needed.push(id);
                    total += known.unwrap_or(0);
                }
                (true, Some(page)) => {
                    for &i in page {
                        let Some(Some(row)) = self.rows.get(i as usize) else { continue };
                        if filter.admits(row) {
                            if (start..end).contains(&total) {
                                ordinals.push(i as usize);
                            }
                            total += 1;
                        }
                    }
                }
            }
        }
        if needed.is_empty() {
            Ok(ListPage { total, ordinals })
        } else {
            Err(Needed { chunks: needed })
        }
    }

    /// The manifest: summary, list page summaries, largest stories, entities, chunk directory.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The file name of a chunk (empty for an id the directory lacks).
    pub fn chunk_name(&self, id: ChunkId) -> String {
        self.chunk_ref(id).map(|c| c.name()).unwrap_or_default()
    }

    /// Where a chunk is: the manifest's entry, or an article chunk's from its `ord` page.
    fn chunk_ref(&self, id: ChunkId) -> Option<ChunkRef> {
        match self.manifest.chunks.get(id.0) {
            Some(chunk) => Some(chunk.clone()),
            None => {
                let first = self.article_chunk_ids.get(&id)?;
                let listed =
                    if id.0 >= self.details_base { &self.article_details } else { &self.article_chunks };
                listed.get(first).map(|(_, c)| c.clone())
            }
        }
    }

    /// Every chunk as (file name, bytes): what "available offline" downloads. Names the `ord`
    /// pages not at hand (they list the article chunks).
    pub fn all_chunks(&self) -> Result<Vec<(String, u64)>, Needed> {
        let missing: Vec<ChunkId> = (0..self.manifest.chunks.len())
            .map(ChunkId)
            .filter(|&id| self.manifest.chunks[id.0].kind == ChunkKind::Ordinals && !self.has(id))
            .collect();
        if !missing.is_empty() {
            return Err(Needed { chunks: missing });
        }
        Ok(self.known_chunks())
    }

    /// The chunks known so far as (file name, bytes): those the manifest lists, and the article
    /// chunks and their details of the `ord` pages at hand.
    pub fn known_chunks(&self) -> Vec<(String, u64)> {
        let listed = self.manifest.chunks.iter().map(|c| (c.name(), c.len));
        let articles = self.article_chunks.values().chain(self.article_details.values());
        listed.chain(articles.map(|(_, c)| (c.name(), c.len))).collect()
    }

    /// Whether a chunk has arrived.
    pub fn has(&self, id: ChunkId) -> bool {
        self.loaded.contains(&id)
    }

    /// Takes a chunk's bytes: checks them against the hash in its name, its framing and the
    /// manifest, then keeps what it holds. A chunk that fails changes nothing.
    pub fn add(&mut self, id: ChunkId, bytes: &[u8]) -> Result<(), ChunkError> {
        let chunk = self.chunk_ref(id).ok_or(ChunkError::UnknownChunk)?;
        if self.loaded.contains(&id) {
            return Ok(());
        }
        if super::content_hash(bytes) != chunk.hash {
            return Err(ChunkError::HashMismatch { kind: chunk.kind });
        }
        let kind = chunk.kind;
        let inconsistent = move |what| ChunkError::Inconsistent { kind, what };
        let n_articles = self.articles.len();
        match chunk.kind {
            ChunkKind::Manifest => return Err(ChunkError::WrongKind { expected: ChunkKind::Manifest }),
            ChunkKind::Terms => {
                let wire: super::wire::WireTerms = decode(chunk.kind, bytes)?;
                let index = wire.into_directory().map_err(|why| ChunkError::Malformed { kind, why })?;
                validate::terms(&index, &self.manifest).map_err(inconsistent)?;
                self.index = Some(index);
                self.stale = true;
            }
            ChunkKind::Shard => {
                // A shard is checked against the dictionary, so the dictionary comes first.
                let directory = self.index.as_ref().ok_or(ChunkError::DictionaryFirst)?;
                let heads: WireShard = decode(chunk.kind, bytes)?;
                validate::shard_counts(&heads, directory).map_err(inconsistent)?;
                let recomputed = &self.recomputed;
                let known = |term, doc| recomputed.get(&(term, doc)).map(Vec::as_slice);
                let assembled = heads.assemble(chunk.first, None, &known);
                let shard = assembled.map_err(|why| ChunkError::Malformed { kind, why })?;
                validate::shard(&shard, &chunk, directory, n_articles).map_err(inconsistent)?;
                let at_hand = ShardAtHand { chunk, heads, positions: None, shard, dirty: false };
                self.shards.insert(at_hand.chunk.first, at_hand);
                self.stale = true;
            }
            ChunkKind::Positions => {
                // Positions are checked against their shard's postings, so the shard comes first.
                let Some(at_hand) = self.shards.get_mut(&chunk.first).filter(|s| s.chunk.end == chunk.end)
                else {
                    return Err(ChunkError::ShardFirst);
                };
                let positions: WirePositions = decode(chunk.kind, bytes)?;
                let shard = validate::positions(&positions, &at_hand.heads, &chunk).map_err(inconsistent)?;
                at_hand.positions = Some(positions);
                at_hand.shard = shard;
                at_hand.dirty = false;
                self.stale = true;
            }
            ChunkKind::Articles => {
                let part: ArticleChunk = decode(chunk.kind, bytes)?;
                validate::articles(&part, &chunk, &self.manifest).map_err(inconsistent)?;
                let first = chunk.first as usize;
                let renamed = part.articles.iter().enumerate().any(|(i, a)| {
                    let row = self.rows[first + i].as_ref();
                    is_stand_in(&a.id)
                        || row.is_some_and(|row| row.id != a.id)
                        || self.ordinal_in_pages_at_hand(&a.id).is_some_and(|at| at != first + i)
                });
                if renamed {
                    return Err(inconsistent(elsewhere(
                        "a chunk's articles are not the ones the article list puts there",
                    )));
                }
                for (i, (article, date)) in part.articles.into_iter().zip(part.dates).enumerate() {
                    self.articles[first + i] = article;
                    self.dates[first + i] = date;
                }
            }
            ChunkKind::ArticleDetails => {
                // Checked against its articles, so they come first.
                let text = self.article_chunks.get(&chunk.first).map(|(text, _)| *text);
                if !text.is_some_and(|text| self.has(text)) {
                    return Err(ChunkError::ArticlesFirst);
                }
                let part: ArticleDetails = decode(chunk.kind, bytes)?;
                let (first, end) = (chunk.first as usize, chunk.end as usize);
                let articles = self.articles.get(first..end).unwrap_or_default();
                validate::article_details(&part, articles, &chunk, &self.manifest).map_err(inconsistent)?;
                for (article, removed) in self.articles[first..end].iter_mut().zip(part.removed) {
                    article.removed = removed;
                }
                self.sources.extend(part.sources);
                let at = self.article_mentions.partition_point(|m| m.article < chunk.first);
                let after = self.article_mentions.split_off(at);
                self.article_mentions.extend(part.mentions);
                self.article_mentions.extend(after);
            }
            ChunkKind::EntityIndex => {
                let directory = self.index.as_ref().ok_or(ChunkError::DictionaryFirst)?;
                let part: Shard = decode(chunk.kind, bytes)?;
                validate::entity_index(&part, &chunk, directory, n_articles).map_err(inconsistent)?;
                self.entity_shards.insert(chunk.first, (chunk, part));
                self.stale = true;
            }
            ChunkKind::Directory => {
                let part: DirectoryPage = decode(chunk.kind, bytes)?;
                let page = self.place_of(id, ChunkKind::Directory);
                validate::directory(&part, page, &chunk, &self.manifest).map_err(inconsistent)?;
                let misplaced = part.ordinals.iter().zip(&part.rows).any(|(&i, row)| {
                    let i = i as usize;
                    (self.page_of[i] != u32::MAX && self.page_of[i] as usize != page)
                        || self.known_id(i).is_some_and(|id| id != row.id)
                        || self.ordinal_in_pages_at_hand(&row.id).is_some_and(|at| at != i)
                        || row
                            .story
                            .and_then(|s| self.stories.get(s as usize))
                            .and_then(Option::as_ref)
                            .is_some_and(|story| story.articles.binary_search(&(i as u32)).is_err())
                });
                if misplaced {
                    return Err(inconsistent(elsewhere(
                        "a list page's rows are not the articles the directory puts there",
                    )));
                }
                for (&i, row) in part.ordinals.iter().zip(part.rows) {
                    self.rows[i as usize] = Some(row);
                }
                self.pages.insert(page, part.ordinals);
            }
            ChunkKind::Entities => {
                let part: EntityChunk = decode(chunk.kind, bytes)?;
                validate::entities(&part, &chunk, n_articles).map_err(inconsistent)?;
                self.entities.mentions.extend(part.lists.into_iter().flatten());
                crate::sort::sort_by_key(&mut self.entities.mentions, |m| (m.article, m.start));
            }
            ChunkKind::Ordinals => {
                let part: OrdinalPage = decode(chunk.kind, bytes)?;
                validate::ordinal_page(&part, &chunk, &self.manifest).map_err(inconsistent)?;
                self.add_ordinals(id, &chunk, part).map_err(inconsistent)?;
            }
            ChunkKind::Stories => {
                let wire: super::story_columns::WireStories = decode(chunk.kind, bytes)?;
                let summary = &self.manifest.summary;
                let n_pages = u32::try_from(self.manifest.pages.len()).unwrap_or(u32::MAX);
                let part =
                    wire.into_stories(summary.articles, summary.stories, n_pages).map_err(inconsistent)?;
                validate::stories(&part, &chunk, &self.manifest).map_err(inconsistent)?;
                let first = chunk.first;
                if !self.stories_fit_pages(&part, first) {
                    return Err(inconsistent(Inconsistency {
                        part: Part::Stories,
                        problem: "a story's articles are not the ones the article list puts in it".into(),
                    }));
                }
                for (story, entry) in part.into_iter().enumerate() {
                    self.stories[first as usize + story] = Some(entry);
                }
            }
            ChunkKind::Ids => {
                let part: IdPage = decode(chunk.kind, bytes)?;
                let page = self.place_of(id, ChunkKind::Ids);
                validate::id_page(&part, page, &chunk, &self.manifest).map_err(inconsistent)?;
                let clashes = part
                    .ids
                    .iter()
                    .zip(&part.ordinals)
                    .any(|(x, &o)| self.known_id(o as usize).is_some_and(|id| id != x));
                if clashes {
                    return Err(inconsistent(elsewhere(
                        "a page of the id index names articles by other ids than the directory",
                    )));
                }
                self.id_pages.insert(page, part);
            }
        }
        self.loaded.insert(id);
        if kind != ChunkKind::Ordinals {
            self.added += 1;
        }
        Ok(())
    }

    /// Whether stories `first..` agree with the list pages at hand: each member's row (where at
    /// hand) names its story, and each page holds as many of its rows as the story says.
    fn stories_fit_pages(&self, stories: &[StoryEntry], first: u32) -> bool {
        let range = first..first.saturating_add(u32::try_from(stories.len()).unwrap_or(u32::MAX));
        let mut on_pages: HashMap<(u32, u32), u32> = HashMap::new();
        for (&p, rows) in &self.pages {
            for &o in rows {
                let story = self.rows.get(o as usize).and_then(Option::as_ref).and_then(|r| r.story);
                if let Some(s) = story.filter(|s| range.contains(s)) {
                    *on_pages.entry((s, u32::try_from(p).unwrap_or(u32::MAX))).or_default() += 1;
                }
            }
        }
        stories.iter().zip(range.clone()).all(|(story, s)| {
            let members_fit = story.articles.iter().all(|&o| {
                self.rows.get(o as usize).and_then(Option::as_ref).is_none_or(|row| row.story == Some(s))
            });
            members_fit
                && self.pages.keys().all(|&p| {
                    let p = u32::try_from(p).unwrap_or(u32::MAX);
                    on_pages.get(&(s, p)).copied().unwrap_or(0) == story.rows_on(p)
                })
        })
    }

    /// Keeps an `ord` page: its articles' list pages, and its article chunks (numbered past the
    /// manifest's by page). Refused if it disagrees with a list page at hand.
    fn add_ordinals(
        &mut self,
        id: ChunkId,
        chunk: &ChunkRef,
        part: OrdinalPage,
    ) -> Result<(), Inconsistency> {
        let first = chunk.first as usize;
        for (i, &page) in part.list_pages.iter().enumerate() {
            let o = first + i;
            // Its list page, if at hand, holds it; a row at hand came from that page.
            let clash = match self.pages.get(&(page as usize)) {
                Some(rows) => !rows.contains(&(o as u32)),
                None => self.rows[o].is_some(),
            };
            if clash {
                return Err(elsewhere("a page of the article directory disagrees with the article list"));
            }
        }
        let place = self.place_of(id, ChunkKind::Ordinals);
        let base = self.manifest.chunks.len() + place * ORD_PAGE_CHUNKS;
        let details_base = self.details_base + place * ORD_PAGE_CHUNKS;
        let mut at = chunk.first;
        for (i, listed) in part.chunks.iter().enumerate() {
            let (chunk_id, details_id) = (ChunkId(base + i), ChunkId(details_base + i));
            let end = at + listed.items;
            let (hash, len) = (super::hash_hex(&listed.hash), listed.len);
            let article_chunk = ChunkRef { kind: ChunkKind::Articles, hash, len, first: at, end };
            let (hash, len) = (super::hash_hex(&listed.details_hash), listed.details_len);
            let details = ChunkRef { kind: ChunkKind::ArticleDetails, hash, len, first: at, end };
            self.article_chunks.insert(at, (chunk_id, article_chunk));
            self.article_details.insert(at, (details_id, details));
            self.article_chunk_ids.insert(chunk_id, at);
            self.article_chunk_ids.insert(details_id, at);
            at = end;
        }
        for (i, page) in part.list_pages.into_iter().enumerate() {
            self.page_of[first + i] = page;
        }
        Ok(())
    }

    /// The ordinal of `id` if its page of the id index is at hand.
    fn ordinal_in_pages_at_hand(&self, id: &str) -> Option<usize> {
        let page = self.manifest.id_firsts.partition_point(|first| first.as_str() <= id).checked_sub(1)?;
        let ids = self.id_pages.get(&page)?;
        ids.ids.binary_search_by(|x| x.as_str().cmp(id)).ok().map(|i| ids.ordinals[i] as usize)
    }

    /// Searches the corpus (as [`SearchIndex::search_in`] over the single bundle), or names the
    /// chunks it still needs: the dictionary first, the entity lists an `entity:` filter names,
    /// then the shards of the terms and the chunks of the articles the query reads.
    pub fn search(&mut self, query: &str, options: &SearchOptions) -> Result<SearchResults, Needed> {
        if self.index.is_none() {
            return Err(Needed { chunks: vec![ChunkId(0)] });
        }
        let parsed = crate::search::parse(query);
        let mut needed: BTreeSet<ChunkId> = BTreeSet::new();
        for filter in &parsed.entities {
            if let Some(&entity) = self.entities.find_by_alias(&filter.value).first() {
                needed.extend(self.chunk_of(ChunkKind::Entities, entity).filter(|id| !self.has(*id)));
            }
        }
        if !needed.is_empty() {
            return Err(Needed { chunks: needed.into_iter().collect() });
        }
        if let Some(last) = self.lacking_ordinals.take() {
            if last.query == query && last.options == *options && last.added == self.added {
                for &article in &last.articles {
                    if let Err(more) = self.article(article as usize) {
                        needed.extend(more.chunks);
                    }
                }
                if !needed.is_empty() && !needed.iter().any(|&id| self.is_ordinal_page(id)) {
                    return Err(Needed { chunks: needed.into_iter().collect() });
                }
                needed.clear();
            }
        }
        let mut awaited: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for (term, doc) in std::mem::take(&mut self.awaiting) {
            if self.article(doc as usize).is_ok() && !self.recomputed.contains_key(&(term, doc)) {
                awaited.entry(doc).or_default().push(term);
            }
        }
        self.recompute(awaited);
        self.refresh_postings();
        let Some(index) = &self.index else {
            return Err(Needed { chunks: vec![ChunkId(0)] });
        };
        // A `story:` filter names its stories' articles by id; stand-ins' ids are unique too.
        let stories: Vec<crate::stories::Story> = if parsed.stories.is_empty() {
            Vec::new()
        } else {
            let all = self.stories()?;
            let story_id = |s: u32| all.get(s as usize).map(|s| s.id.as_str());
            all.iter()
                .map(|s| s.to_story(story_id, |o| self.articles.get(o as usize).map(|a| a.id.as_str())))
                .collect()
        };
        let corpus = Corpus { articles: &self.articles, entities: &self.entities, stories: &stories };
        let trace = Trace::default();
        let results = index.search_traced(&corpus, query, options, &trace);
        // A phrase, or words ranked by how close they sit, reads the positions of articles it
        // does not show: their shards' positions come in the same round (listed after them).
        let positions_too = !parsed.phrases.is_empty()
            || !parsed.excluded_phrases.is_empty()
            || parsed.words.len() + parsed.phrases.len() > 1;
        for term in trace.terms() {
            if let Some(shard) = self.chunk_of(ChunkKind::Shard, term).filter(|id| !self.has(*id)) {
                needed.insert(shard);
                if positions_too {
                    needed.extend(self.chunk_of(ChunkKind::Positions, term));
                }
            }
        }
        for slot in trace.entity_slots() {
            needed.extend(self.chunk_of(ChunkKind::EntityIndex, slot).filter(|id| !self.has(*id)));
        }
        let articles = trace.articles();
        for &article in &articles {
            if let Err(more) = self.article(article as usize) {
                needed.extend(more.chunks);
            }
        }
        // Positions read: from their shard's positions chunk, or recomputed from the text of an
        // article the query reads anyway (a one-word query's shown hits), once it is at hand.
        // (Looked up once per term: a phrase reads the positions of thousands of postings.)
        let mut recompute: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for term in trace.position_terms() {
            let Some(shard) = self.chunk_of(ChunkKind::Shard, term) else { continue };
            let first = self.manifest.chunks[shard.0].first;
            if !self.has(shard) || self.shards.get(&first).is_some_and(|s| s.positions.is_some()) {
                continue;
            }
            let read = trace.positions_of(term);
            let lacking = read.into_iter().filter(|&doc| !self.recomputed.contains_key(&(term, doc)));
            let lacking: Vec<u32> = lacking.collect();
            if lacking.iter().any(|doc| articles.binary_search(doc).is_err()) {
                needed.extend(self.chunk_of(ChunkKind::Positions, term).filter(|id| !self.has(*id)));
                continue;
            }
            for doc in lacking {
                if self.article(doc as usize).is_ok() {
                    recompute.entry(doc).or_default().push(term);
                } else {
                    self.awaiting.push((term, doc));
                }
            }
        }
        if recompute.is_empty() {
            if needed.is_empty() {
                return Ok(results);
            }
            if needed.iter().all(|&id| self.is_ordinal_page(id)) {
                self.lacking_ordinals = Some(LackingOrdinals {
                    query: query.to_string(),
                    options: *options,
                    added: self.added,
                    articles,
                });
            }
            return Err(Needed { chunks: needed.into_iter().collect() });
        }
        self.recompute(recompute);
        // Again with those positions (each round recomputes only what it lacked, so this ends).
        self.search(query, options)
    }

    /// Recomputes the positions of `terms` in each article (at hand) from its text, for
    /// postings whose shard's positions chunk is not at hand; their shards are put together
    /// again before the next search.
    fn recompute(&mut self, wanted: BTreeMap<u32, Vec<u32>>) {
        let Some(index) = &self.index else { return };
        if wanted.is_empty() {
            return;
        }
        for (doc, terms) in wanted {
            let found = index.positions_in(&self.articles[doc as usize], &terms);
            for (term, positions) in terms.into_iter().zip(found) {
                if let Some(shard) = self.chunk_of(ChunkKind::Shard, term) {
                    let first = self.manifest.chunks[shard.0].first;
                    if let Some(at_hand) = self.shards.get_mut(&first) {
                        at_hand.dirty = true;
                    }
                }
                self.recomputed.insert((term, doc), positions);
            }
        }
        self.stale = true;
    }

    /// The article at `ordinal` as a search reads it (its text, without its removed spans unless
    /// its details arrived), or the chunk holding it (its `ord` page first, which lists it).
    pub fn article(&self, ordinal: usize) -> Result<&Article, Needed> {
        self.ordinals_at_hand(ordinal)?;
        let item = u32::try_from(ordinal).unwrap_or(u32::MAX);
        let chunk = self.article_chunks.range(..=item).next_back().filter(|(_, (_, c))| item < c.end);
        match chunk {
            Some((_, (id, _))) if self.has(*id) => {
                self.articles.get(ordinal).ok_or(Needed { chunks: Vec::new() })
            }
            Some((_, (id, _))) => Err(Needed { chunks: vec![*id] }),
            None => Err(Needed { chunks: Vec::new() }),
        }
    }

    /// The article at `ordinal` with its details (removed spans, provenance, entity mentions:
    /// what a page showing it reads), or the chunks holding them (its `ord` page first, then its
    /// article chunk and details chunk together, the article first so it is checked first).
    pub fn article_in_full(&self, ordinal: usize) -> Result<&Article, Needed> {
        self.ordinals_at_hand(ordinal)?;
        let item = u32::try_from(ordinal).unwrap_or(u32::MAX);
        let Some((first, (text, _))) =
            self.article_chunks.range(..=item).next_back().filter(|(_, (_, c))| item < c.end)
        else {
            return Err(Needed { chunks: Vec::new() });
        };
        let details = self.article_details.get(first).map(|(id, _)| *id);
        let needed: Vec<ChunkId> =
            std::iter::once(*text).chain(details).filter(|id| !self.has(*id)).collect();
        match (needed.is_empty(), details) {
            (true, Some(_)) => self.articles.get(ordinal).ok_or(Needed { chunks: Vec::new() }),
            (true, None) => Err(Needed { chunks: Vec::new() }),
            (false, _) => Err(Needed { chunks: needed }),
        }
    }

    /// The publication date of the article at `ordinal`, once its chunk has arrived.
    pub fn date_of(&self, ordinal: usize) -> Option<&PublicationDate> {
        self.dates.get(ordinal).and_then(Option::as_ref)
    }

    /// Where the article with this id came from, once its details chunk has arrived and when it
    /// was not a plain-text file.
    pub fn source(&self, id: &str) -> Option<&ArticleSource> {
        self.sources.iter().find(|s| s.article == id)
    }

    /// The entity mentions of the article at `ordinal`, or the chunks holding them.
    pub fn mentions_in(&self, ordinal: usize) -> Result<&[Mention], Needed> {
        self.article_in_full(ordinal)?;
        let article = u32::try_from(ordinal).unwrap_or(u32::MAX);
        let from = self.article_mentions.partition_point(|m| m.article < article);
        let to = self.article_mentions.partition_point(|m| m.article <= article);
        Ok(&self.article_mentions[from..to])
    }

    /// Every mention of the entity at `entity` (an index into [`Manifest::entities`]), or the
    /// chunk holding them.
    pub fn mentions_of(&self, entity: u32) -> Result<Vec<&Mention>, Needed> {
        match self.chunk_of(ChunkKind::Entities, entity) {
            Some(id) if self.has(id) => Ok(self.entities.mentions_of(entity).collect()),
            Some(id) => Err(Needed { chunks: vec![id] }),
            None => Ok(Vec::new()),
        }
    }

    /// Whether chunk `id` is an `ord` page.
    fn is_ordinal_page(&self, id: ChunkId) -> bool {
        self.chunk_ref(id).is_some_and(|c| c.kind == ChunkKind::Ordinals)
    }

    /// The chunk of `kind` holding item `item` (binary search over the manifest's ranges).
    fn chunk_of(&self, kind: ChunkKind, item: u32) -> Option<ChunkId> {
        let chunks = &self.manifest.chunks;
        // Chunks of one kind are contiguous in the directory and ordered by range (validated).
        let lo = chunks.partition_point(|c| kind_rank(c.kind) < kind_rank(kind));
        let hi = lo + chunks[lo..].partition_point(|c| c.kind == kind);
        let of_kind = &chunks[lo..hi];
        let i = of_kind.partition_point(|c| c.end <= item);
        of_kind.get(i).filter(|c| c.first <= item && item < c.end).map(|_| ChunkId(lo + i))
    }

    /// Rebuilds the index's postings from the shards at hand: each shard's bytes back to back,
    /// every other term with empty postings; a shard without its positions chunk takes the
    /// positions recomputed so far.
    fn refresh_postings(&mut self) {
        let Some(index) = self.index.as_mut() else { return };
        if !self.stale {
            return;
        }
        let recomputed = &self.recomputed;
        let known = |term, doc| recomputed.get(&(term, doc)).map(Vec::as_slice);
        for at_hand in self.shards.values_mut().filter(|s| s.dirty) {
            // Checked when it arrived: it assembles again.
            if let Ok(shard) = at_hand.heads.assemble(at_hand.chunk.first, at_hand.positions.as_ref(), &known)
            {
                at_hand.shard = shard;
            }
            at_hand.dirty = false;
        }
        let (starts, postings) = arena(self.shards.values().map(|s| (&s.chunk, &s.shard)), index.terms.len());
        index.posting_starts = starts;
        index.postings = postings;
        let (starts, postings) =
            arena(self.entity_shards.values().map(|(c, s)| (c, s)), index.entities.n_slots());
        index.entities.set_postings(starts, postings);
        self.stale = false;
    }
}

/// A search that lacked only `ord` pages ([`Reader::search`]): the articles it read, and what was
/// at hand when it ran.
#[derive(Debug)]
struct LackingOrdinals {
    query: String,
    options: SearchOptions,
    added: u64,
    articles: Vec<u32>,
}

/// An index shard at hand: its postings' heads, its positions once they arrived, and the two put
/// back together in the bundle's encoding (positions not at hand are recomputed ones, or zeros).
#[derive(Debug)]
struct ShardAtHand {
    chunk: ChunkRef,
    heads: WireShard,
    positions: Option<WirePositions>,
    shard: Shard,
    /// Whether `shard` lacks positions recomputed since it was put together.
    dirty: bool,
}

/// The postings of `n` items from the chunks at hand, back to back: one start per item plus the
/// end, items of absent chunks empty.
fn arena<'a>(
    chunks: impl Iterator<Item = (&'a ChunkRef, &'a Shard)> + Clone,
    n: usize,
) -> (Vec<u32>, Vec<u8>) {
    let mut starts: Vec<u32> = Vec::with_capacity(n + 1);
    let mut postings: Vec<u8> = Vec::with_capacity(chunks.clone().map(|(_, s)| s.postings.len()).sum());
    for (chunk, shard) in chunks {
        let at = postings.len() as u32;
        starts.resize(chunk.first as usize, at);
        // Validated: one start per item of the range plus the end, the first 0.
        starts.extend(shard.starts[..shard.starts.len() - 1].iter().map(|s| at + s));
        postings.extend_from_slice(&shard.postings);
    }
    starts.resize(n + 1, postings.len() as u32);
    (starts, postings)
}

/// What names something no single chunk can check.
fn elsewhere(problem: &str) -> Inconsistency {
    Inconsistency { part: Part::Articles, problem: problem.into() }
}

/// Whether an article id is a stand-in's placeholder.
fn is_stand_in(id: &str) -> bool {
    id.starts_with('\u{0}')
}

/// An article not yet at hand: no title or text, and a placeholder id no real one equals (a
/// search's `story:` filter names stand-ins by it). Search never uses its text (it reads only
/// articles whose chunks it then asks for).
fn stand_in(ordinal: usize) -> Article {
    Article {
        id: format!("\u{0}{ordinal}"),
        file: String::new(),
        title: Spanned { text: String::new(), start: 0, end: 0 },
        outlet: None,
        byline: None,
        dateline: None,
        date: None,
        blocks: Vec::new(),
        removed: Vec::new(),
    }
}
