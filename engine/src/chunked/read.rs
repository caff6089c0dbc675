//! Reading a chunked corpus: the chunks that have arrived, and for each view either its answer or
//! the chunks it still needs. No IO: the caller fetches what [`Needed`] names and hands the bytes
//! to [`Reader::add`].

use std::collections::{BTreeMap, BTreeSet};

use super::{
    decode, decode_manifest, kind_rank, validate, ArticleChunk, ArticleEntry, ChunkError, ChunkId, ChunkKind,
    ChunkRef, DirectoryPage, EntityChunk, ListFilter, ListPage, Manifest, Shard,
};
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
    shards: BTreeMap<u32, (ChunkRef, Shard)>,
    /// Whether `index`'s postings are behind `shards`.
    stale: bool,
    /// One per article: the real one once its chunk arrived, else a stand-in with its id and title.
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
}

impl Reader {
    /// Opens a corpus from its manifest's bytes.
    pub fn open(manifest: &[u8]) -> Result<Reader, ChunkError> {
        let manifest = decode_manifest(manifest)?;
        let articles = manifest.ids.iter().map(|id| stand_in(id)).collect();
        let n = manifest.ids.len();
        let entities = EntityData { entities: manifest.entities.clone(), mentions: Vec::new() };
        Ok(Reader {
            manifest,
            index: None,
            shards: BTreeMap::new(),
            stale: false,
            articles,
            dates: vec![None; n],
            sources: Vec::new(),
            article_mentions: Vec::new(),
            entities,
            loaded: BTreeSet::new(),
            rows: vec![None; n],
            pages: BTreeMap::new(),
        })
    }

    /// How many articles the corpus holds.
    pub fn article_count(&self) -> usize {
        self.manifest.summary.articles as usize
    }

    /// The directory row of one article (title, outlet, date, story, words), or the chunk holding
    /// it. An ordinal past the corpus needs nothing that could arrive (`Needed` with no chunks).
    pub fn article_row(&self, ordinal: usize) -> Result<&ArticleEntry, Needed> {
        match self.rows.get(ordinal) {
            Some(Some(row)) => Ok(row),
            Some(None) => {
                let page = self.manifest.page_of.get(ordinal).map_or(usize::MAX, |&p| p as usize);
                Err(Needed { chunks: self.page_chunk(page).into_iter().collect() })
            }
            None => Err(Needed { chunks: Vec::new() }),
        }
    }

    /// The ordinal of the article with this id (the manifest lists every id).
    pub fn ordinal_of(&self, id: &str) -> Option<usize> {
        self.manifest.ids.iter().position(|x| x == id)
    }

    /// The directory chunk of list page `page`.
    fn page_chunk(&self, page: usize) -> Option<ChunkId> {
        let chunks = &self.manifest.chunks;
        let lo = chunks.partition_point(|c| kind_rank(c.kind) < kind_rank(ChunkKind::Directory));
        let id = lo.checked_add(page)?;
        chunks.get(id).filter(|c| c.kind == ChunkKind::Directory).map(|_| ChunkId(id))
    }

    /// One page of an article list in list order (newest first, undated articles last, equal
    /// dates in corpus order: the home page's "by date" order), optionally only one outlet or one
    /// story: the total matching and the ordinals of rows `start..start + len` (fewer at the end,
    /// none past it), or the chunks holding the rows it needs.
    pub fn list_page(&self, filter: &ListFilter, start: usize, len: usize) -> Result<ListPage, Needed> {
        let end = start.saturating_add(len);
        let mut total = 0;
        let mut ordinals = Vec::with_capacity(len.min(self.rows.len()));
        let mut needed = Vec::new();
        for (p, summary) in self.manifest.pages.iter().enumerate() {
            let Some(id) = self.page_chunk(p) else { continue };
            // What the summary says; with both filters, only the page itself knows.
            let known = match (filter.outlet, filter.story) {
                (None, None) => {
                    let chunk = &self.manifest.chunks[id.0];
                    Some(chunk.end.saturating_sub(chunk.first) as usize)
                }
                (Some(o), None) => Some(summary.outlet_rows(o) as usize),
                (None, Some(s)) => Some(summary.story_rows(s) as usize),
                (Some(o), Some(s)) => {
                    (summary.outlet_rows(o) == 0 || summary.story_rows(s) == 0).then_some(0)
                }
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

    /// The manifest: summary, article directory, stories, entities, chunk directory.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The file name of a chunk (empty for an id the directory lacks).
    pub fn chunk_name(&self, id: ChunkId) -> String {
        self.manifest.chunks.get(id.0).map(ChunkRef::name).unwrap_or_default()
    }

    /// Whether a chunk has arrived.
    pub fn has(&self, id: ChunkId) -> bool {
        self.loaded.contains(&id)
    }

    /// Takes a chunk's bytes: checks them against the hash in its name, its framing and the
    /// manifest, then keeps what it holds. A chunk that fails changes nothing.
    pub fn add(&mut self, id: ChunkId, bytes: &[u8]) -> Result<(), ChunkError> {
        let chunk = self.manifest.chunks.get(id.0).cloned().ok_or(ChunkError::UnknownChunk)?;
        if self.loaded.contains(&id) {
            return Ok(());
        }
        if super::content_hash(bytes) != chunk.hash {
            return Err(ChunkError::HashMismatch { kind: chunk.kind });
        }
        let kind = chunk.kind;
        let inconsistent = move |what| ChunkError::Inconsistent { kind, what };
        let n_articles = self.manifest.ids.len();
        match chunk.kind {
            ChunkKind::Manifest => return Err(ChunkError::WrongKind { expected: ChunkKind::Manifest }),
            ChunkKind::Terms => {
                let index: SearchIndex = decode(chunk.kind, bytes)?;
                validate::terms(&index, &self.manifest).map_err(inconsistent)?;
                self.index = Some(index);
                self.stale = true;
            }
            ChunkKind::Shard => {
                // A shard is checked against the dictionary, so the dictionary comes first.
                let directory = self.index.as_ref().ok_or(ChunkError::DictionaryFirst)?;
                let shard: Shard = decode(chunk.kind, bytes)?;
                validate::shard(&shard, &chunk, directory, n_articles).map_err(inconsistent)?;
                self.shards.insert(chunk.first, (chunk, shard));
                self.stale = true;
            }
            ChunkKind::Articles => {
                let part: ArticleChunk = decode(chunk.kind, bytes)?;
                validate::articles(&part, &chunk, &self.manifest).map_err(inconsistent)?;
                let first = chunk.first as usize;
                for (i, (article, date)) in part.articles.into_iter().zip(part.dates).enumerate() {
                    self.articles[first + i] = article;
                    self.dates[first + i] = date;
                }
                self.sources.extend(part.sources);
                let at = self.article_mentions.partition_point(|m| m.article < chunk.first);
                let after = self.article_mentions.split_off(at);
                self.article_mentions.extend(part.mentions);
                self.article_mentions.extend(after);
            }
            ChunkKind::Directory => {
                let part: DirectoryPage = decode(chunk.kind, bytes)?;
                let page = id.0
                    - self
                        .manifest
                        .chunks
                        .partition_point(|c| kind_rank(c.kind) < kind_rank(ChunkKind::Directory));
                validate::directory(&part, page, &chunk, &self.manifest).map_err(inconsistent)?;
                for (&i, row) in part.ordinals.iter().zip(part.rows) {
                    self.rows[i as usize] = Some(row);
                }
                self.pages.insert(page, part.ordinals);
            }
            ChunkKind::Entities => {
                let part: EntityChunk = decode(chunk.kind, bytes)?;
                validate::entities(&part, &chunk, n_articles).map_err(inconsistent)?;
                self.entities.mentions.extend(part.lists.into_iter().flatten());
                self.entities.mentions.sort_by_key(|m| (m.article, m.start));
            }
        }
        self.loaded.insert(id);
        Ok(())
    }

    /// Searches the corpus (as [`SearchIndex::search_in`] over the single bundle), or names the
    /// chunks it still needs: the dictionary first, the entity lists an `entity:` filter names,
    /// then the shards of the terms and the chunks of the articles the query reads.
    pub fn search(&mut self, query: &str, options: &SearchOptions) -> Result<SearchResults, Needed> {
        if self.index.is_none() {
            return Err(Needed { chunks: vec![ChunkId(0)] });
        }
        let mut needed: BTreeSet<ChunkId> = BTreeSet::new();
        for filter in &crate::search::parse(query).entities {
            if let Some(&entity) = self.entities.find_by_alias(&filter.value).first() {
                needed.extend(self.chunk_of(ChunkKind::Entities, entity).filter(|id| !self.has(*id)));
            }
        }
        if !needed.is_empty() {
            return Err(Needed { chunks: needed.into_iter().collect() });
        }
        self.refresh_postings();
        let Some(index) = &self.index else {
            return Err(Needed { chunks: vec![ChunkId(0)] });
        };
        let corpus =
            Corpus { articles: &self.articles, entities: &self.entities, stories: &self.manifest.stories };
        let trace = Trace::default();
        let results = index.search_traced(&corpus, query, options, &trace);
        for term in trace.terms() {
            needed.extend(self.chunk_of(ChunkKind::Shard, term).filter(|id| !self.has(*id)));
        }
        for article in trace.articles() {
            needed.extend(self.chunk_of(ChunkKind::Articles, article).filter(|id| !self.has(*id)));
        }
        if needed.is_empty() {
            Ok(results)
        } else {
            Err(Needed { chunks: needed.into_iter().collect() })
        }
    }

    /// The article at `ordinal` (a row of the article directory), or the chunk holding it.
    pub fn article(&self, ordinal: usize) -> Result<&Article, Needed> {
        let id = self.chunk_of(ChunkKind::Articles, u32::try_from(ordinal).unwrap_or(u32::MAX));
        match id {
            Some(id) if self.has(id) => self.articles.get(ordinal).ok_or(Needed { chunks: Vec::new() }),
            Some(id) => Err(Needed { chunks: vec![id] }),
            None => Err(Needed { chunks: Vec::new() }),
        }
    }

    /// The publication date of the article at `ordinal`, once its chunk has arrived.
    pub fn date_of(&self, ordinal: usize) -> Option<&PublicationDate> {
        self.dates.get(ordinal).and_then(Option::as_ref)
    }

    /// Where the article with this id came from, once its chunk has arrived and when it was not
    /// a plain-text file.
    pub fn source(&self, id: &str) -> Option<&ArticleSource> {
        self.sources.iter().find(|s| s.article == id)
    }

    /// The entity mentions of the article at `ordinal`, or the chunk holding them.
    pub fn mentions_in(&self, ordinal: usize) -> Result<&[Mention], Needed> {
        self.article(ordinal)?;
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

    /// The chunk of `kind` holding item `item` (binary search over the directory's ranges).
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
    /// every other term with empty postings.
    fn refresh_postings(&mut self) {
        let Some(index) = self.index.as_mut() else { return };
        if !self.stale {
            return;
        }
        let n_terms = index.terms.len();
        let mut starts: Vec<u32> = Vec::with_capacity(n_terms + 1);
        let mut postings: Vec<u8> =
            Vec::with_capacity(self.shards.values().map(|(_, s)| s.postings.len()).sum());
        for (chunk, shard) in self.shards.values() {
            let arena = postings.len() as u32;
            starts.resize(chunk.first as usize, arena);
            // Validated: one start per term of the range plus the end, the first 0.
            starts.extend(shard.starts[..shard.starts.len() - 1].iter().map(|s| arena + s));
            postings.extend_from_slice(&shard.postings);
        }
        starts.resize(n_terms + 1, postings.len() as u32);
        index.posting_starts = starts;
        index.postings = postings;
        self.stale = false;
    }
}

/// An article not yet at hand: its id, no title or text. Search never uses its text (it reads
/// only articles whose chunks it then asks for).
fn stand_in(id: &str) -> Article {
    Article {
        id: id.to_string(),
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
