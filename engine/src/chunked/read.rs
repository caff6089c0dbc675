//! Reading a chunked corpus: the chunks that have arrived, and for each view either its answer or
//! the chunks it still needs. No IO: the caller fetches what [`Needed`] names and hands the bytes
//! to [`Reader::add`].

use std::collections::{BTreeMap, BTreeSet};

use std::collections::HashMap;

use super::{
    decode, decode_manifest, kind_rank, validate, ArticleChunk, ArticleDetails, ArticleEntry, ChunkError,
    ChunkId, ChunkKind, ChunkRef, DirectoryPage, EntityChunk, IdPage, ListFilter, ListPage, Manifest,
    OrdinalPage, Shard, ORD_PAGE_CHUNKS,
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
    shards: BTreeMap<u32, (ChunkRef, Shard)>,
    /// Chunks of the entity index at hand, by their first slot.
    entity_shards: BTreeMap<u32, (ChunkRef, Shard)>,
    /// Whether `index`'s postings are behind `shards`.
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
        Ok(Reader {
            manifest,
            index: None,
            shards: BTreeMap::new(),
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
        })
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

    /// The manifest: summary, list page summaries, stories, entities, chunk directory.
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
                let wire: super::postings::WireShard = decode(chunk.kind, bytes)?;
                let shard = wire.into_shard().map_err(|why| ChunkError::Malformed { kind, why })?;
                validate::shard(&shard, &chunk, directory, n_articles).map_err(inconsistent)?;
                self.shards.insert(chunk.first, (chunk, shard));
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
        Ok(())
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
        // A `story:` filter names its stories' articles by id; stand-ins' ids are unique too.
        let stories: Vec<crate::stories::Story> = if crate::search::parse(query).stories.is_empty() {
            Vec::new()
        } else {
            let all = &self.manifest.stories;
            all.iter()
                .map(|s| s.to_story(all, |o| self.articles.get(o as usize).map(|a| a.id.as_str())))
                .collect()
        };
        let corpus = Corpus { articles: &self.articles, entities: &self.entities, stories: &stories };
        let trace = Trace::default();
        let results = index.search_traced(&corpus, query, options, &trace);
        for term in trace.terms() {
            needed.extend(self.chunk_of(ChunkKind::Shard, term).filter(|id| !self.has(*id)));
        }
        for slot in trace.entity_slots() {
            needed.extend(self.chunk_of(ChunkKind::EntityIndex, slot).filter(|id| !self.has(*id)));
        }
        for article in trace.articles() {
            if let Err(more) = self.article(article as usize) {
                needed.extend(more.chunks);
            }
        }
        if needed.is_empty() {
            Ok(results)
        } else {
            Err(Needed { chunks: needed.into_iter().collect() })
        }
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
    /// every other term with empty postings.
    fn refresh_postings(&mut self) {
        let Some(index) = self.index.as_mut() else { return };
        if !self.stale {
            return;
        }
        let (starts, postings) = arena(&self.shards, index.terms.len());
        index.posting_starts = starts;
        index.postings = postings;
        let (starts, postings) = arena(&self.entity_shards, index.entities.n_slots());
        index.entities.set_postings(starts, postings);
        self.stale = false;
    }
}

/// The postings of `n` items from the chunks at hand, back to back: one start per item plus the
/// end, items of absent chunks empty.
fn arena(chunks: &BTreeMap<u32, (ChunkRef, Shard)>, n: usize) -> (Vec<u32>, Vec<u8>) {
    let mut starts: Vec<u32> = Vec::with_capacity(n + 1);
    let mut postings: Vec<u8> = Vec::with_capacity(chunks.values().map(|(_, s)| s.postings.len()).sum());
    for (chunk, shard) in chunks.values() {
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
