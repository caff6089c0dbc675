//! Writing a chunked corpus: a built bundle cut into a manifest and content-named chunks.

use std::collections::HashMap;

use super::{
    content_hash, encode, ArticleChunk, ArticleChunkRef, ArticleDetails, ArticleEntry, ChunkKind, ChunkRef,
    DirectoryPage, EntityChunk, EntityCount, IdPage, Manifest, OrdinalPage, PageSummary, Shard, StoryEntry,
    StoryHead, Summary,
};
use crate::bundle::Bundle;
use crate::entities::Mention;
use crate::search::SearchIndex;

/// How big chunks grow before the next one starts (payload bytes before compression). A chunk
/// holding one item larger than its target (a very common term's postings, a very long
/// article) holds that item alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// Index shards: a query fetches one shard per term it reads.
    pub shard_bytes: usize,
    /// Article chunks: a page of results fetches one chunk per hit shown, so small.
    pub article_bytes: usize,
    /// Entity mention lists.
    pub entity_bytes: usize,
    /// Rows per page of the article list (`dir` chunks): a home page's first screen fetches one.
    pub list_rows: usize,
    /// Article chunks per page of the article directory (`ord` chunks): a page of hits fetches
    /// one per hit whose page is not at hand, before its article chunk. 0: chosen from the
    /// corpus ([`ord_page_chunks`]).
    pub ord_chunks: usize,
    /// Ids per page of the id index (`ids` chunks): a link typed or reloaded by hand fetches one.
    pub id_rows: usize,
    /// Story chunks: an article page fetches its story's, the home page those of the newest
    /// list page's stories.
    pub story_bytes: usize,
}

impl Default for Sizes {
    /// Chosen on `parallax synth 10000` (see ARCHITECTURE.md, "Scale"): a query's shards and a
    /// page of hits' articles come to a few tens of KB compressed.
    fn default() -> Sizes {
        Sizes {
            shard_bytes: 32 * 1024,
            article_bytes: 8 * 1024,
            entity_bytes: 32 * 1024,
            list_rows: 512,
            ord_chunks: 0,
            id_rows: 1024,
            story_bytes: 16 * 1024,
        }
    }
}

/// One written chunk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenChunk {
    /// Its file name, `<kind>-<hash>.plx`.
    pub name: String,
    /// What it holds.
    pub kind: ChunkKind,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// A corpus cut into chunks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The manifest's bytes (written as [`super::MANIFEST_NAME`]).
    pub manifest: Vec<u8>,
    /// Every chunk: those the manifest lists, in its order, then the article chunks the `ord`
    /// pages list, in theirs.
    pub chunks: Vec<WrittenChunk>,
}

/// Cuts a bundle into a manifest and chunks (a copy of it: see [`split_owned`] to save memory).
pub fn split(bundle: &Bundle, sizes: &Sizes) -> Split {
    split_owned(bundle.clone(), sizes)
}

/// Cuts a bundle into a manifest and chunks, consuming it: the postings are dropped once their
/// shards are encoded and each article once its chunk is, so a large build holds the bundle or
/// its chunks but not both, nor a second copy of the articles.
pub fn split_owned(bundle: Bundle, sizes: &Sizes) -> Split {
    split_with(bundle, sizes, None, None, Index::Built).0
}

/// [`split_owned`], each chunk's bytes (not the manifest's) handed to `pack` (say, gzip) as soon
/// as a few MB of chunks are made, on every core with the `parallel` feature: a large build then
/// never holds all its chunks unpacked. Names and the manifest (its `chunk_bytes` too) are those
/// of the unpacked chunks.
pub fn split_packed(bundle: Bundle, sizes: &Sizes, pack: &Pack) -> Split {
    split_with(bundle, sizes, Some(pack), None, Index::Built).0
}

/// A corpus cut by [`split_streamed`]: its chunks went to the sink.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Streamed {
    /// The manifest's bytes, as [`Split::manifest`].
    pub manifest: Vec<u8>,
    /// The sink's numbers of the chunks in [`Split::chunks`]'s order.
    pub order: Vec<usize>,
}

/// [`split_packed`], each packed chunk handed to `sink` (with its number: chunks are numbered
/// as they are made, which is not [`Split::chunks`]'s order, [`Streamed::order`]) as soon as it
/// is packed, so a large build never holds all its packed chunks either. Same chunks, same
/// manifest.
pub fn split_streamed(bundle: Bundle, sizes: &Sizes, pack: &Pack, sink: &mut Sink<'_>) -> Streamed {
    let (split, order) = split_with(bundle, sizes, Some(pack), Some(sink), Index::Built);
    Streamed { manifest: split.manifest, order }
}

/// [`split_streamed`] of a bundle whose search index is not built ([`crate::analyse_unindexed`];
/// an index it holds is replaced): the index is built as the articles are cut, each article
/// added to it just before its chunk is made and dropped with it, so a large build never holds
/// every article beside the index (at 100,000 articles, about 1.1 GB of articles beside a few
/// hundred MB of postings). Same chunks, same manifest as [`split_streamed`] of the bundle with
/// its index.
pub fn split_indexing(bundle: Bundle, sizes: &Sizes, pack: &Pack, sink: &mut Sink<'_>) -> Streamed {
    let (split, order) = split_with(bundle, sizes, Some(pack), Some(sink), Index::AsCut);
    Streamed { manifest: split.manifest, order }
}

/// Whether the bundle's search index is built, or is to be built as the articles are cut.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Index {
    Built,
    AsCut,
}

/// Where [`split_streamed`] hands each chunk, with its number.
pub type Sink<'a> = dyn FnMut(usize, WrittenChunk) + 'a;

/// The split, and the packer's slots of its chunks in order (with a sink, the chunks' bytes
/// are empty: they went to the sink).
fn split_with(
    bundle: Bundle,
    sizes: &Sizes,
    pack: Option<&Pack>,
    sink: Option<&mut Sink<'_>>,
    index: Index,
) -> (Split, Vec<usize>) {
    let Bundle { articles, mut search, entities, stories, dates, sources } = bundle;
    let packer = std::cell::RefCell::new(Packer {
        pack,
        sink,
        done: Vec::new(),
        waiting: Vec::new(),
        waiting_bytes: 0,
    });
    let mut chunks: Vec<(ChunkRef, usize)> = Vec::new();
    let mut push = |kind: ChunkKind, first: usize, end: usize, bytes: Vec<u8>| {
        let chunk = ChunkRef {
            kind,
            hash: content_hash(&bytes),
            len: bytes.len() as u64,
            first: u32::try_from(first).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        };
        let slot = packer.borrow_mut().add(chunk.name(), kind, bytes);
        chunks.push((chunk, slot));
    };
    let parts = Parts { articles: &articles, dates: &dates, stories: &stories, mentions: &entities.mentions };
    let (mut manifest, rows, mut story_entries) = manifest_of(&parts, &entities.entities);
    drop(stories);
    let order = super::list::list_order(&rows);
    let per_page = sizes.list_rows.max(1);
    let mut page_of = vec![0u32; rows.len()];
    for (p, page) in order.chunks(per_page).enumerate() {
        for &i in page {
            page_of[i as usize] = u32::try_from(p).unwrap_or(u32::MAX);
        }
    }
    for story in &mut story_entries {
        story.pages = counted(story.articles.iter().map(|&o| (page_of[o as usize], 0)).collect());
    }
    let newest = (0..story_entries.len()).filter(|&i| story_entries[i].rows_on(0) > 0);
    manifest.newest_stories = largest_of(&story_entries, newest, super::NEWEST_STORIES);
    // Article chunks are listed by the `ord` pages, not the manifest. They are cut first, before
    // the term directory (the manifest's first chunk) and the index's shards: each article is
    // dropped once its chunk is made (and added to the index just before, when it is built
    // here), so neither the index nor the shards' packed bytes (a few hundred MB at 100,000
    // articles) are held beside every article. Only when chunks are made changes, not their
    // bytes or their order in the manifest and `Split`.
    let mut builder = (index == Index::AsCut)
        .then(|| crate::search::IndexBuilder::new(&entities.mentions, entities.entities.len()));
    let mut article_refs: Vec<(usize, ArticleChunkRef)> = Vec::new();
    // Each article chunk and its details chunk (written first: the `ord` page names both).
    let mut article_files: Vec<(String, u64, usize, ChunkKind)> = Vec::new();
    article_chunks(
        articles,
        &dates,
        sources,
        &entities.mentions,
        sizes.article_bytes,
        &mut |article| {
            if let Some(builder) = &mut builder {
                builder.add(article);
            }
        },
        &mut |first, end, chunk, details| {
            let mut file = |kind: ChunkKind, bytes: Vec<u8>| {
                let hash = content_hash(&bytes);
                let len = bytes.len() as u64;
                let name = format!("{}-{hash}.plx", kind.prefix());
                let slot = packer.borrow_mut().add(name.clone(), kind, bytes);
                article_files.push((name, len, slot, kind));
                (hash_bytes(&hash), len)
            };
            let (details_hash, details_len) =
                file(ChunkKind::ArticleDetails, encode(ChunkKind::ArticleDetails, details));
            let (hash, len) = file(ChunkKind::Articles, encode(ChunkKind::Articles, chunk));
            let items = u32::try_from(end - first).unwrap_or(u32::MAX);
            article_refs.push((first, ArticleChunkRef { hash, len, items, details_hash, details_len }));
        },
    );
    if let Some(builder) = builder {
        search = builder.finish(&entities);
    }
    manifest.summary.terms = u32::try_from(search.terms.len()).unwrap_or(u32::MAX);
    push(
        ChunkKind::Terms,
        0,
        0,
        encode(ChunkKind::Terms, &super::wire::WireTerms::of(directory_of(&search))),
    );
    // The shards, then their positions (each kind runs on in the directory), cut the same way.
    shards(&search, sizes.shard_bytes, &mut |first, end, shard| {
        push(
            ChunkKind::Shard,
            first,
            end,
            encode(ChunkKind::Shard, &super::postings::WireShard::of(shard).0),
        );
    });
    shards(&search, sizes.shard_bytes, &mut |first, end, shard| {
        let positions = super::postings::WireShard::of(shard).1;
        push(ChunkKind::Positions, first, end, encode(ChunkKind::Positions, &positions));
    });
    search.postings = Vec::new();
    search.posting_starts = Vec::new();
    let index_entities = search.entities;
    // Made once the articles are gone (the manifest counts mentions without it).
    let lists = MentionLists::new(&entities.mentions, entities.entities.len());
    let mut first = 0;
    while first < lists.len() {
        let mut end = first;
        let mut size = 0;
        while end < lists.len() && (end == first || size + lists.size(end) <= sizes.entity_bytes) {
            size += lists.size(end);
            end += 1;
        }
        let chunk = EntityChunk { lists: (first..end).map(|e| lists.of(e).cloned().collect()).collect() };
        push(ChunkKind::Entities, first, end, encode(ChunkKind::Entities, &chunk));
        first = end;
    }
    drop(lists);
    drop(entities);
    let n_slots = index_entities.n_slots();
    manifest.summary.entity_slots = u32::try_from(n_slots).unwrap_or(u32::MAX);
    for (p, page) in order.chunks(per_page).enumerate() {
        let mut summary = PageSummary::default();
        for &i in page {
            let row = &rows[i as usize];
            if let Some(o) = row.outlet {
                summary.outlets.push((o, 0));
            }
        }
        summary.outlets = counted(summary.outlets);
        manifest.pages.push(summary);
        let chunk = DirectoryPage {
            ordinals: page.to_vec(),
            rows: page.iter().map(|&i| rows[i as usize].clone()).collect(),
        };
        let first = p * per_page;
        push(ChunkKind::Directory, first, first + page.len(), encode(ChunkKind::Directory, &chunk));
    }
    let mut first = 0;
    while first < n_slots {
        let mut end = first + 1;
        let mut size = index_entities.slot_bytes(first);
        while end < n_slots && size + index_entities.slot_bytes(end) <= sizes.shard_bytes {
            size += index_entities.slot_bytes(end);
            end += 1;
        }
        let (starts, postings) = index_entities.postings_of_slots(first, end);
        push(ChunkKind::EntityIndex, first, end, encode(ChunkKind::EntityIndex, &Shard { starts, postings }));
        first = end;
    }
    let per_ord = match sizes.ord_chunks {
        0 => ord_page_chunks(article_refs.len()),
        n => n.clamp(1, super::ORD_PAGE_CHUNKS),
    };
    for group in article_refs.chunks(per_ord) {
        let first = group.first().map_or(0, |(f, _)| *f);
        let end = group.last().map_or(0, |(f, c)| f + c.items as usize);
        let page = OrdinalPage {
            list_pages: page_of[first..end].to_vec(),
            chunks: group.iter().map(|(_, c)| c.clone()).collect(),
        };
        push(ChunkKind::Ordinals, first, end, encode(ChunkKind::Ordinals, &page));
    }
    let mut sorted: Vec<(&str, u32)> =
        rows.iter().enumerate().map(|(i, r)| (r.id.as_str(), u32::try_from(i).unwrap_or(u32::MAX))).collect();
    sorted.sort_unstable();
    for (p, page) in sorted.chunks(sizes.id_rows.max(1)).enumerate() {
        let first = p * sizes.id_rows.max(1);
        manifest.id_firsts.push(page[0].0.to_string());
        let chunk = IdPage {
            ids: page.iter().map(|(id, _)| id.to_string()).collect(),
            ordinals: page.iter().map(|&(_, o)| o).collect(),
        };
        push(ChunkKind::Ids, first, first + page.len(), encode(ChunkKind::Ids, &chunk));
    }
    let mut first = 0;
    while first < story_entries.len() {
        let mut end = first + 1;
        let mut size = story_size(&story_entries[first]);
        while end < story_entries.len() && size + story_size(&story_entries[end]) <= sizes.story_bytes {
            size += story_size(&story_entries[end]);
            end += 1;
        }
        let chunk = super::story_columns::WireStories::of(&story_entries[first..end]);
        push(ChunkKind::Stories, first, end, encode(ChunkKind::Stories, &chunk));
        first = end;
    }
    let article_bytes: u64 = article_files.iter().map(|(_, len, _, _)| len).sum();
    manifest.summary.chunk_bytes = chunks.iter().map(|(c, _)| c.len).sum::<u64>() + article_bytes;
    manifest.summary.chunk_files = u32::try_from(chunks.len() + article_files.len()).unwrap_or(u32::MAX);
    let mut packed = packer.into_inner().finish();
    let mut take = |slot: usize| std::mem::take(&mut packed[slot]);
    let (refs, mut order): (Vec<ChunkRef>, Vec<usize>) = chunks.into_iter().unzip();
    let mut written: Vec<WrittenChunk> = refs
        .iter()
        .zip(&order)
        .map(|(chunk, &slot)| WrittenChunk { name: chunk.name(), kind: chunk.kind, bytes: take(slot) })
        .collect();
    order.extend(article_files.iter().map(|&(_, _, slot, _)| slot));
    written.extend(article_files.into_iter().map(|(name, _, slot, kind)| WrittenChunk {
        name,
        kind,
        bytes: take(slot),
    }));
    manifest.chunks = refs;
    (Split { manifest: super::encode_manifest(&manifest), chunks: written }, order)
}

/// The site `split` with its first file of `kind` replaced by `bytes` and listed by their hash: by
/// the manifest, or for an article or details chunk by its `ord` page (itself then renamed in
/// the manifest); for [`ChunkKind::Manifest`], `bytes` are the manifest. A consistent site holding
/// one bad file, as a stale copy or a faulty writer would leave it (the fuzz target `chunk`).
/// A site with no file of `kind` is returned as it is.
pub fn replace_first(split: &Split, kind: ChunkKind, bytes: Vec<u8>) -> Split {
    let mut site = split.clone();
    if kind == ChunkKind::Manifest {
        site.manifest = bytes;
        return site;
    }
    let Ok(mut manifest) = super::decode_manifest(&split.manifest) else { return site };
    let (listed, bytes) = if matches!(kind, ChunkKind::Articles | ChunkKind::ArticleDetails) {
        let Some(o) = manifest.chunks.iter().position(|c| c.kind == ChunkKind::Ordinals) else { return site };
        let Some(file) = split.chunks.iter().find(|c| c.name == manifest.chunks[o].name()) else {
            return site;
        };
        let Ok(mut page) = super::decode::<OrdinalPage>(ChunkKind::Ordinals, &file.bytes) else {
            return site;
        };
        let Some(first) = page.chunks.first_mut() else { return site };
        let (hash, len) = match kind {
            ChunkKind::Articles => (&mut first.hash, &mut first.len),
            _ => (&mut first.details_hash, &mut first.details_len),
        };
        let old = format!("{}-{}.plx", kind.prefix(), super::hash_hex(hash.iter()));
        *len = bytes.len() as u64;
        let Some(new) = rename(&mut site.chunks, &old, kind, bytes) else { return site };
        *hash = hash_bytes(&new);
        (o, encode(ChunkKind::Ordinals, &page))
    } else {
        let Some(i) = manifest.chunks.iter().position(|c| c.kind == kind) else { return site };
        (i, bytes)
    };
    let chunk = &mut manifest.chunks[listed];
    let old = chunk.name();
    chunk.len = bytes.len() as u64;
    if let Some(hash) = rename(&mut site.chunks, &old, chunk.kind, bytes) {
        chunk.hash = hash;
    }
    site.manifest = super::encode_manifest(&manifest);
    site
}

/// Replaces the file named `old` by `bytes` of `kind`, named by their hash; that hash.
fn rename(chunks: &mut [WrittenChunk], old: &str, kind: ChunkKind, bytes: Vec<u8>) -> Option<String> {
    let file = chunks.iter_mut().find(|c| c.name == old)?;
    let hash = content_hash(&bytes);
    *file = WrittenChunk { name: format!("{}-{hash}.plx", kind.prefix()), kind, bytes };
    Some(hash)
}

/// How many article chunks one `ord` page lists, for a corpus of `n_chunks` article chunks. A
/// page of `h` hits ([`super::RESULTS_PAGE`]) fetches up to `h` pages, each listing `c` chunks
/// (about 21 bytes each, mostly the incompressible hashes of the chunk and its details), and
/// every visit's manifest lists all `n_chunks / c` pages (about 11 bytes each):
/// `c = sqrt(n_chunks / h)` makes the sum smallest. At 10,000 synthetic articles (9,681 chunks)
/// and 20 hits that was 22 rather than 128: a cold search's pages went from about 23 to 6 KB
/// gzip, for 2.5 KB more manifest; with 10 hits it is 32 (at 100,000, 99). Never fewer than 16,
/// so a small corpus has one page.
pub fn ord_page_chunks(n_chunks: usize) -> usize {
    let best = ((n_chunks / super::RESULTS_PAGE) as f64).sqrt().ceil() as usize;
    best.clamp(16, super::ORD_PAGE_CHUNKS)
}

/// What [`split_packed`] does to each chunk's bytes before it is held (say, gzip).
pub type Pack = dyn Fn(&[u8]) -> Vec<u8> + Sync;

/// Chunks as they are made, packed a few MB at a time (see [`split_packed`]) and kept, or handed
/// to a sink (see [`split_streamed`]).
struct Packer<'a, 's, 't> {
    /// None: chunks are kept as they are.
    pack: Option<&'a Pack>,
    /// Where packed chunks go instead of `done`.
    sink: Option<&'s mut Sink<'t>>,
    /// Every chunk so far by slot; the waiting ones (and all, with a sink) are empty here.
    done: Vec<Vec<u8>>,
    /// Chunks not packed yet, with their slots, names and kinds.
    waiting: Vec<(usize, String, ChunkKind, Vec<u8>)>,
    waiting_bytes: usize,
}

/// Unpacked chunk bytes held before they are packed together.
const PACK_BATCH_BYTES: usize = 8 << 20;

impl Packer<'_, '_, '_> {
    /// Takes a chunk's name, kind and bytes; its slot in [`Packer::finish`]'s list.
    fn add(&mut self, name: String, kind: ChunkKind, bytes: Vec<u8>) -> usize {
        let slot = self.done.len();
        self.done.push(Vec::new());
        if self.pack.is_none() {
            match &mut self.sink {
                Some(sink) => sink(slot, WrittenChunk { name, kind, bytes }),
                None => self.done[slot] = bytes,
            }
            return slot;
        }
        self.waiting_bytes += bytes.len();
        self.waiting.push((slot, name, kind, bytes));
        if self.waiting_bytes >= PACK_BATCH_BYTES {
            self.pack_waiting();
        }
        slot
    }

    fn pack_waiting(&mut self) {
        let waiting = std::mem::take(&mut self.waiting);
        self.waiting_bytes = 0;
        let Some(pack) = self.pack else { return };
        let done = &mut self.done;
        let sink = &mut self.sink;
        crate::par::map_in_order(
            &waiting,
            || (),
            |_, _, (_, _, _, raw)| pack(raw),
            |i, packed| {
                let (slot, name, kind, _) = &waiting[i];
                match sink {
                    Some(sink) => {
                        sink(*slot, WrittenChunk { name: name.clone(), kind: *kind, bytes: packed })
                    }
                    None => done[*slot] = packed,
                }
            },
        );
    }

    /// Every chunk's packed bytes, by slot (empty with a sink).
    fn finish(mut self) -> Vec<Vec<u8>> {
        self.pack_waiting();
        self.done
    }
}

/// A chunk hash's 16 hex digits as 8 bytes.
fn hash_bytes(hash: &str) -> [u8; 8] {
    let mut out = [0u8; 8];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = hash.get(2 * i..2 * i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0);
    }
    out
}

/// The `max` largest of these stories told by two or more articles, largest first, then in story
/// order.
fn largest_of(stories: &[StoryEntry], among: impl Iterator<Item = usize>, max: usize) -> Vec<StoryHead> {
    let mut largest: Vec<usize> = among.filter(|&i| stories[i].articles.len() >= 2).collect();
    crate::sort::sort_by(&mut largest, |&a, &b| {
        stories[b].articles.len().cmp(&stories[a].articles.len()).then(a.cmp(&b))
    });
    largest.truncate(max);
    largest
        .into_iter()
        .map(|i| StoryHead {
            story: u32::try_from(i).unwrap_or(u32::MAX),
            label: stories[i].label.clone(),
            articles: u32::try_from(stories[i].articles.len()).unwrap_or(u32::MAX),
        })
        .collect()
}

/// About how many bytes a story takes in its chunk (to bound story chunks).
fn story_size(story: &StoryEntry) -> usize {
    let dates = story.from.as_ref().map_or(0, String::len) + story.to.as_ref().map_or(0, String::len);
    story.label.len() + 2 * story.articles.len() + 2 * story.follows.len() + 3 * story.pages.len() + dates + 8
}

/// What the manifest is made of besides the entities.
struct Parts<'a> {
    articles: &'a [crate::model::Article],
    dates: &'a [Option<crate::dates::PublicationDate>],
    stories: &'a [crate::stories::Story],
    /// Every mention, sorted by (article, start).
    mentions: &'a [Mention],
}

/// The search index without its postings.
fn directory_of(index: &SearchIndex) -> SearchIndex {
    SearchIndex {
        doc_lens: index.doc_lens.clone(),
        outlets: index.outlets.clone(),
        doc_outlets: index.doc_outlets.clone(),
        terms: index.terms.clone(),
        doc_freq: index.doc_freq.clone(),
        posting_starts: Vec::new(),
        postings: Vec::new(),
        translit_keys: index.translit_keys.clone(),
        translit_terms: index.translit_terms.clone(),
        stem_keys: index.stem_keys.clone(),
        stem_terms: index.stem_terms.clone(),
        entities: index.entities.without_postings(),
    }
}

/// The postings cut into shards of contiguous terms, each up to `target` bytes, handed to `each`
/// one at a time.
fn shards(index: &SearchIndex, target: usize, each: &mut dyn FnMut(usize, usize, &Shard)) {
    let n_terms = index.terms.len();
    let start_of = |t: usize| index.posting_starts.get(t).copied().unwrap_or(0) as usize;
    let mut first = 0;
    while first < n_terms {
        let mut end = first + 1;
        while end < n_terms && start_of(end + 1) - start_of(first) <= target {
            end += 1;
        }
        let base = start_of(first);
        let starts = (first..=end).map(|t| (start_of(t) - base) as u32).collect();
        let postings = index.postings.get(base..start_of(end)).unwrap_or_default().to_vec();
        each(first, end, &Shard { starts, postings });
        first = end;
    }
}

/// Consecutive articles, each chunk up to `target` bytes, handed to `each` one at a time; each
/// article is handed to `taken` (in corpus order) as it joins its chunk, and dropped once its
/// chunk is.
fn article_chunks(
    articles: Vec<crate::model::Article>,
    dates: &[Option<crate::dates::PublicationDate>],
    sources: Vec<crate::model::ArticleSource>,
    mentions: &[Mention],
    target: usize,
    taken: &mut dyn FnMut(&crate::model::Article),
    each: &mut dyn FnMut(usize, usize, &ArticleChunk, &ArticleDetails),
) {
    let size = |a: &crate::model::Article| postcard::experimental::serialized_size(a).unwrap_or(0);
    let mut sources: HashMap<String, crate::model::ArticleSource> =
        sources.into_iter().map(|s| (s.article.clone(), s)).collect();
    let mut articles = articles.into_iter().peekable();
    let mut first = 0;
    while let Some(article) = articles.next() {
        taken(&article);
        let mut bytes = size(&article);
        let mut slice = vec![article];
        while let Some(next) = articles.next_if(|a| bytes + size(a) <= target) {
            taken(&next);
            bytes += size(&next);
            slice.push(next);
        }
        let end = first + slice.len();
        let (lo, hi) = (first as u32, end as u32);
        let from = mentions.partition_point(|m| m.article < lo);
        let to = mentions.partition_point(|m| m.article < hi);
        let details = ArticleDetails {
            removed: slice.iter_mut().map(|a| std::mem::take(&mut a.removed)).collect(),
            sources: slice.iter().filter_map(|a| sources.remove(a.id.as_str())).collect(),
            mentions: mentions[from..to].to_vec(),
        };
        let chunk = ArticleChunk {
            dates: (first..end).map(|i| dates.get(i).cloned().flatten()).collect(),
            articles: slice,
        };
        each(first, end, &chunk, &details);
        first = end;
    }
}

/// Each entity's mentions, sorted by (article, start).
/// Every entity's mentions, in mention order, as places in the bundle's mentions: the lists of
/// the entity chunks are copied out a chunk at a time, so the build never holds a second copy
/// of the mentions (at 100,000 articles, most of 15 million are names).
struct MentionLists<'a> {
    mentions: &'a [Mention],
    /// Mention places (u32: a corpus of four billion mentions would not fit in memory anyway),
    /// grouped by entity.
    order: Vec<u32>,
    /// Entity `e`'s places are `order[start[e]..start[e + 1]]`.
    start: Vec<usize>,
}

impl<'a> MentionLists<'a> {
    fn new(mentions: &'a [Mention], n_entities: usize) -> MentionLists<'a> {
        let mut start = vec![0usize; n_entities + 1];
        let entity_of = |m: &Mention| m.entity().map(|e| e as usize).filter(|&e| e < n_entities);
        for e in mentions.iter().filter_map(entity_of) {
            start[e + 1] += 1;
        }
        for e in 0..n_entities {
            start[e + 1] += start[e];
        }
        let mut filled = start.clone();
        let mut order = vec![0u32; start[n_entities]];
        for (i, e) in mentions.iter().enumerate().filter_map(|(i, m)| entity_of(m).map(|e| (i, e))) {
            order[filled[e]] = u32::try_from(i).unwrap_or(u32::MAX);
            filled[e] += 1;
        }
        MentionLists { mentions, order, start }
    }

    /// Number of entities.
    fn len(&self) -> usize {
        self.start.len() - 1
    }

    /// Entity `e`'s mentions, in mention order.
    fn of(&self, e: usize) -> impl ExactSizeIterator<Item = &'a Mention> + '_ {
        self.order[self.start[e]..self.start[e + 1]].iter().map(|&i| &self.mentions[i as usize])
    }

    /// The bytes of entity `e`'s list as postcard writes it: its length, then each mention.
    fn size(&self, e: usize) -> usize {
        let len = postcard::experimental::serialized_size(&self.of(e).len()).unwrap_or(0);
        len + self.of(e).map(|m| postcard::experimental::serialized_size(m).unwrap_or(0)).sum::<usize>()
    }
}

/// `(key, _)` pairs as `(key, how many times it came)`, sorted by key.
fn counted(mut keys: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    keys.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for (key, _) in keys {
        match out.last_mut() {
            Some((last, n)) if *last == key => *n += 1,
            _ => out.push((key, 1)),
        }
    }
    out
}

/// The manifest, without its list pages and chunk directory, the article directory's rows, and
/// the stories (without their list pages).
fn manifest_of(
    parts: &Parts<'_>,
    entities: &[crate::entities::Entity],
) -> (Manifest, Vec<ArticleEntry>, Vec<StoryEntry>) {
    let Parts { articles, dates, stories, mentions } = *parts;
    let date_of = |i: usize| dates.get(i).and_then(Option::as_ref);
    let mut outlets: Vec<String> =
        articles.iter().filter_map(|a| a.outlet.as_ref().map(|o| o.name.clone())).collect();
    outlets.sort_unstable();
    outlets.dedup();
    let story_of: HashMap<&str, u32> = stories
        .iter()
        .enumerate()
        .flat_map(|(s, story)| story.articles.iter().map(move |id| (id.as_str(), s as u32)))
        .collect();
    let rows: Vec<ArticleEntry> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| ArticleEntry {
            id: a.id.clone(),
            title: a.title.text.clone(),
            outlet: a.outlet.as_ref().and_then(|o| outlets.binary_search(&o.name).ok()).map(|o| o as u32),
            date: date_of(i).map(|d| d.iso()),
            story: story_of.get(a.id.as_str()).copied(),
            words: u32::try_from(a.word_count()).unwrap_or(u32::MAX),
        })
        .collect();
    let all_dates = dates.iter().flatten();
    let first_date = all_dates.clone().min_by_key(|d| d.sort_key()).map(|d| d.iso());
    let last_date = all_dates.max_by_key(|d| d.sort_key()).map(|d| d.iso());
    // Each entity's mentions and the articles they are in (mentions are sorted by article, so
    // an entity's articles are counted as they change), in one pass with no list per entity.
    let mut entity_counts = vec![EntityCount { mentions: 0, articles: 0 }; entities.len()];
    let mut last_article: Vec<Option<u32>> = vec![None; entities.len()];
    for m in mentions {
        let Some(e) = m.entity().map(|e| e as usize).filter(|&e| e < entities.len()) else { continue };
        let count = &mut entity_counts[e];
        count.mentions = count.mentions.saturating_add(1);
        if last_article[e] != Some(m.article) {
            count.articles = count.articles.saturating_add(1);
            last_article[e] = Some(m.article);
        }
    }
    let ordinal_of: HashMap<&str, u32> =
        rows.iter().enumerate().map(|(i, r)| (r.id.as_str(), u32::try_from(i).unwrap_or(u32::MAX))).collect();
    let story_index: HashMap<&str, u32> = stories
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let stories: Vec<StoryEntry> = stories
        .iter()
        .map(|story| {
            let mut articles: Vec<u32> =
                story.articles.iter().filter_map(|id| ordinal_of.get(id.as_str()).copied()).collect();
            articles.sort_unstable();
            articles.dedup();
            StoryEntry {
                id: story.id.clone(),
                label: story.label.clone(),
                articles,
                from: story.from.clone(),
                to: story.to.clone(),
                follows: story
                    .follows
                    .iter()
                    .filter_map(|id| story_index.get(id.as_str()).copied())
                    .collect(),
                pages: Vec::new(),
            }
        })
        .collect();
    let largest_stories = largest_of(&stories, 0..stories.len(), super::LARGEST_STORIES);
    let manifest = Manifest {
        summary: Summary {
            articles: u32::try_from(rows.len()).unwrap_or(u32::MAX),
            first_date,
            last_date,
            // Set once the index is at hand.
            terms: 0,
            chunk_bytes: 0,
            entity_slots: 0,
            chunk_files: 0,
            stories: u32::try_from(stories.len()).unwrap_or(u32::MAX),
        },
        outlets,
        id_firsts: Vec::new(),
        pages: Vec::new(),
        largest_stories,
        // Set once the list pages are cut.
        newest_stories: Vec::new(),
        entities: entities.to_vec(),
        entity_counts,
        chunks: Vec::new(),
    };
    (manifest, rows, stories)
}
