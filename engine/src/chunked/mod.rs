//! The chunked corpus format: a small manifest plus chunks fetched on demand, so a reader of a
//! large corpus downloads only what the view in front of them shows.
//!
//! ```
//! use parallax_engine::chunked::{self, Reader, Sizes};
//! use parallax_engine::search::SearchOptions;
//! use parallax_engine::{build_bundle, SourceInput};
//!
//! let raw = "Kadhimi meets Pompeo\n\nIraqi Prime Minister Mustafa al-Kadhemi met Mike Pompeo.\n";
//! let built = build_bundle(&[SourceInput { name: "a.txt", bytes: raw.as_bytes() }], "");
//! let split = chunked::split(&built.bundle, &Sizes::default());
//! let mut reader = Reader::open(&split.manifest).unwrap();
//! // The engine never does IO: it says which chunks it needs, the caller fetches them.
//! let results = loop {
//!     match reader.search("Kadhimi", &SearchOptions::default()) {
//!         Ok(results) => break results,
//!         Err(needed) => {
//!             for id in needed.chunks {
//!                 let name = reader.chunk_name(id);
//!                 let bytes = &split.chunks.iter().find(|c| c.name == name).unwrap().bytes;
//!                 reader.add(id, bytes).unwrap();
//!             }
//!         }
//!     }
//! };
//! assert_eq!(results.total, 1);
//! ```
//!
//! **Files.** `manifest.plx` (the only fixed name) and `<kind>-<hash>.plx` chunks, where `<hash>`
//! is the first 16 hex digits of the chunk's SHA-256: names change when bytes change, so chunks
//! can be cached forever and one build never mixes with another. Every file is framed like the
//! bundle: magic `PLXCHUNK` (8 bytes), format [`VERSION`] (u32 LE), kind (1 byte), payload
//! length (u64 LE), CRC-32 of the payload (u32 LE), then the postcard payload. A chunk is checked
//! against the hash in its name, then its framing, then validated against the manifest
//! ([`validate`]), so a stale copy, a truncated download or a hostile file is a [`ChunkError`]
//! for the view that asked, never a panic.
//!
//! **Kinds.** The [`Manifest`] (corpus summary, per list page the rows of each outlet, the labels
//! of the largest stories, the entity summary, the first id of each `ids` page, the chunk
//! directory: nothing per article or per story); `ord` pages, a range of article ordinals with each article's list page and the
//! `art` and `artd` chunks holding them (article chunks are listed only there); `ids` pages, the ids in
//! sorted order with their ordinals (a link typed by hand); `dir` chunks, pages of the article
//! list (newest first) with each article's title, outlet, date, story and length; one `terms`
//! chunk (the search index without its postings: the sorted dictionary, front-coded, with document
//! frequencies, transliteration keys, word-form groups, article lengths and outlets, and the
//! entity names and mentions the query words may name), so prefixes, typos and variants are
//! expanded without any shard; `idx` shards, the postings of a contiguous range of the sorted
//! dictionary, in columns (`postings.rs`; a term's shard is found by binary search over the
//! ranges in the chunk directory), without their occurrences' positions; `pos` chunks, one per
//! shard (the same terms), those positions (word ordinals, byte offsets), fetched only by a
//! query that reads the positions of articles it does not show (phrases, proximity: the
//! positions of the hits it shows are found again in their text); `art` chunks, consecutive articles' text (without removed
//! spans) and dates, what a search's snippets and its results page read; `artd` chunks, the same
//! articles' details (removed spans, provenance, entity mentions in columns) for the pages that
//! show an article (each `ord` page lists both, so they arrive together); `ent` chunks, per-entity mention lists for a range of entities; `eidx` chunks, the
//! search index's postings of a range of entity slots (the term directory keeps the entities'
//! name keys and counts), fetched only by a query that names an entity; `story` chunks, a range
//! of stories with their labels, articles, dates, the stories they follow and their rows per
//! list page (`story_columns.rs`), fetched by the views that show a story (home's story cards
//! and filter, an article's "also reported by") and by a `story:` search, never by another
//! search. The seed corpus is one small chunk of each kind.
//!
//! **Reading.** [`Reader`] holds what has arrived; each view asks it for what it shows and gets
//! either the answer or the [`Needed`] chunks. A search runs over the chunks at hand with a
//! [`crate::search::Trace`] and names the shards and article chunks holding the terms and
//! articles it read but lacked, and the `pos` chunks of the postings whose positions it read for
//! articles it does not read (the positions of those it reads, once their text is at hand, are
//! recomputed by the walk that built the index); once nothing is lacking, it read exactly what a
//! search over the single bundle reads, so results, snippets and highlights are the same.

mod list;
mod postings;
mod read;
mod story_columns;
pub mod validate;
mod wire;
mod write;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::dates::PublicationDate;
use crate::entities::{Entity, Mention};
use crate::model::{Article, ArticleSource};
use crate::stories::Story;

pub use list::{ListFilter, ListPage};
pub use read::{Needed, Reader};
pub use write::{
    ord_page_chunks, replace_first, split, split_indexing, split_owned, split_packed, split_streamed, Pack,
    Sink, Sizes, Split, Streamed, WrittenChunk,
};

/// The bytes every chunk and manifest starts with.
pub const MAGIC: &[u8; 8] = b"PLXCHUNK";
/// The format version this engine writes and reads. Bump it whenever a payload changes shape.
pub const VERSION: u32 = 9;
/// The manifest's file name (the one name that is not a content hash).
pub const MANIFEST_NAME: &str = "manifest.plx";
const HEADER_LEN: usize = 8 + 4 + 1 + 8 + 4;

/// What a chunk holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChunkKind {
    /// The manifest.
    Manifest,
    /// The term directory: the search index without postings.
    Terms,
    /// The postings of a range of terms.
    Shard,
    /// A range of articles.
    Articles,
    /// The mentions of a range of entities.
    Entities,
    /// A page of the article list: the directory rows of a range of list positions.
    Directory,
    /// The indexed mentions of a range of entity slots (what a query naming an entity reads).
    EntityIndex,
    /// A page of the article directory: a range of article ordinals with each article's list
    /// page, and the article chunks holding them.
    Ordinals,
    /// A page of the id index: a range of article ids in sorted order with their ordinals.
    Ids,
    /// What an article chunk's articles hold beyond what a search reads: their removed spans,
    /// provenance and entity mentions (the article, comparison and entity pages read them).
    ArticleDetails,
    /// The positions (word ordinals, byte offsets) of the occurrences in one index shard's
    /// postings: what phrases and proximity read.
    Positions,
    /// A range of stories: their labels, articles, dates, the stories they follow and their rows
    /// per list page (the views that show a story read them; a search only for `story:`).
    Stories,
}

/// The order of kinds in the chunk directory (the writer's order; validated): a shard's
/// positions right after the shards.
pub(crate) fn kind_rank(kind: ChunkKind) -> u8 {
    std::iter::once(ChunkKind::Manifest).chain(ChunkKind::CHUNKS).position(|k| k == kind).unwrap_or(0) as u8
}

impl ChunkKind {
    fn code(self) -> u8 {
        match self {
            ChunkKind::Manifest => 0,
            ChunkKind::Terms => 1,
            ChunkKind::Shard => 2,
            ChunkKind::Articles => 3,
            ChunkKind::Entities => 4,
            ChunkKind::Directory => 5,
            ChunkKind::EntityIndex => 6,
            ChunkKind::Ordinals => 7,
            ChunkKind::Ids => 8,
            ChunkKind::ArticleDetails => 9,
            ChunkKind::Positions => 10,
            ChunkKind::Stories => 11,
        }
    }

    /// Every kind of chunk file (the manifest aside), in the manifest's kind order.
    pub const CHUNKS: [ChunkKind; 11] = [
        ChunkKind::Terms,
        ChunkKind::Shard,
        ChunkKind::Positions,
        ChunkKind::Articles,
        ChunkKind::Entities,
        ChunkKind::Directory,
        ChunkKind::EntityIndex,
        ChunkKind::Ordinals,
        ChunkKind::Ids,
        ChunkKind::ArticleDetails,
        ChunkKind::Stories,
    ];

    fn from_code(code: u8) -> Option<ChunkKind> {
        std::iter::once(ChunkKind::Manifest).chain(ChunkKind::CHUNKS).find(|k| k.code() == code)
    }

    /// The file-name prefix of chunks of this kind.
    pub fn prefix(self) -> &'static str {
        match self {
            ChunkKind::Manifest => "manifest",
            ChunkKind::Terms => "terms",
            ChunkKind::Shard => "idx",
            ChunkKind::Articles => "art",
            ChunkKind::Entities => "ent",
            ChunkKind::Directory => "dir",
            ChunkKind::EntityIndex => "eidx",
            ChunkKind::Ordinals => "ord",
            ChunkKind::Ids => "ids",
            ChunkKind::ArticleDetails => "artd",
            ChunkKind::Positions => "pos",
            ChunkKind::Stories => "story",
        }
    }

    /// How a reader would name what the chunk holds.
    pub fn label(self) -> &'static str {
        match self {
            ChunkKind::Manifest => "the corpus manifest",
            ChunkKind::Terms => "the search dictionary",
            ChunkKind::Shard => "part of the search index",
            ChunkKind::Articles => "some of the articles",
            ChunkKind::Entities => "some of the entity mentions",
            ChunkKind::Directory => "part of the article list",
            ChunkKind::EntityIndex => "part of the entity search index",
            ChunkKind::Ordinals => "part of the article directory",
            ChunkKind::Ids => "part of the article id index",
            ChunkKind::ArticleDetails => "some articles' entity mentions and provenance",
            ChunkKind::Positions => "the word positions of part of the search index",
            ChunkKind::Stories => "some of the stories",
        }
    }
}

/// One entry of the chunk directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkRef {
    /// What it holds.
    pub kind: ChunkKind,
    /// The first 16 hex digits of the SHA-256 of its bytes.
    pub hash: String,
    /// Its size in bytes.
    pub len: u64,
    /// The first item it holds: a term id (shards), an article ordinal (articles and `ord`
    /// pages), an entity index (entities), a position in the article list (directory pages), a
    /// position in the sorted ids (`ids` pages), a story index (story chunks); 0 for the term
    /// directory.
    pub first: u32,
    /// One past the last item it holds.
    pub end: u32,
}

impl ChunkRef {
    /// Its file name: `<kind>-<hash>.plx`.
    pub fn name(&self) -> String {
        format!("{}-{}.plx", self.kind.prefix(), self.hash)
    }
}

/// Which chunk: an index into [`Manifest::chunks`], or past them an article chunk, numbered by its
/// `ord` page and its place there (opaque: only the reader that named it knows its file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChunkId(pub usize);

/// The corpus at a glance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Number of articles.
    pub articles: u32,
    /// The earliest publication date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), where any is known.
    pub first_date: Option<String>,
    /// The latest publication date, where any is known.
    pub last_date: Option<String>,
    /// Number of distinct search terms.
    pub terms: u32,
    /// Total bytes of every chunk (what "available offline" would download).
    pub chunk_bytes: u64,
    /// Entities with a slot in the search index (their mentions are in `eidx` chunks).
    pub entity_slots: u32,
    /// How many chunk files there are, article chunks included (what "available offline" counts).
    pub chunk_files: u32,
    /// Number of stories (they are in story chunks).
    pub stories: u32,
}

/// One row of the article directory: enough to list, page and facet articles without their text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleEntry {
    /// The article's id.
    pub id: String,
    /// Its headline.
    pub title: String,
    /// Its outlet, an index into [`Manifest::outlets`], where the text says it.
    pub outlet: Option<u32>,
    /// Its publication date (stated or estimated), `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: Option<String>,
    /// The story it belongs to, an index into the stories (see [`Reader::story`]).
    pub story: Option<u32>,
    /// Words in its kept text (title excluded).
    pub words: u32,
}

/// How often an entity is mentioned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityCount {
    /// Mentions in the corpus.
    pub mentions: u32,
    /// Articles that mention it.
    pub articles: u32,
}

/// The manifest: everything a first view needs, and where everything else is. Nothing in it
/// grows per article or per story: article ids are in `ids` pages (and list pages and article
/// chunks), list pages and article chunks in the `ord` pages it lists, stories in story chunks
/// (format 9; at 10,000 synthetic articles they were 56 of the manifest's 92 KB gzip, and most
/// of its 819 KB raw at 100,000). (Written in a more compact form, `wire.rs`: hashes are bytes.)
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Manifest {
    /// The corpus at a glance.
    pub summary: Summary,
    /// Distinct outlet names, sorted.
    pub outlets: Vec<String>,
    /// The first id of each page of the id index (`ids` chunks, in order): an id's page is the
    /// last whose first id is not after it.
    pub id_firsts: Vec<String>,
    /// Per page of the article list (one `dir` chunk each, in list order), how many of its rows
    /// each outlet has: a list filtered by outlet knows its total, and which pages to fetch,
    /// without any page (a story's rows per page are in its story chunk).
    pub pages: Vec<PageSummary>,
    /// The largest stories told by two or more articles (at most [`LARGEST_STORIES`], largest
    /// first, then in story order): the home page's story filter, without any story chunk.
    pub largest_stories: Vec<StoryHead>,
    /// The largest stories told by two or more articles among those with rows on the newest list
    /// page (at most [`NEWEST_STORIES`], largest first, then in story order): the home page's
    /// story cards fetch only their story chunks.
    pub newest_stories: Vec<StoryHead>,
    /// Every entity (names, aliases, spellings: what `entity:` filters and pages resolve).
    pub entities: Vec<Entity>,
    /// Per entity, how often it is mentioned.
    pub entity_counts: Vec<EntityCount>,
    /// Every chunk but the article chunks (listed by the `ord` pages), the term directory first.
    pub chunks: Vec<ChunkRef>,
}

/// Search hits a page of results shows at first, and per "Show more results". Each shown hit's
/// article chunk is fetched for its snippet (and its `ord` page, to find that chunk), so this
/// sets most of a cold search's bytes: 10 as a web search engine shows (Pagefind's own page shows
/// 5). The `ord` pages are sized for it ([`ord_page_chunks`]).
pub const RESULTS_PAGE: usize = 10;

/// How many stories [`Manifest::largest_stories`] names at most.
pub const LARGEST_STORIES: usize = 200;

/// How many stories [`Manifest::newest_stories`] names at most.
pub const NEWEST_STORIES: usize = 12;

/// A story as the home page's story filter names it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryHead {
    /// Its index among the stories.
    pub story: u32,
    /// Its label.
    pub label: String,
    /// How many articles tell it.
    pub articles: u32,
}

/// A story as a story chunk holds it: [`Story`] with its articles and the stories it follows by
/// number rather than by id, and its rows on each page of the article list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryEntry {
    /// Stable slug made from the label (unique within a corpus).
    pub id: String,
    /// Its label ("Kadhimi · Trump — visit, Aug 2020"; a one-article story is its headline).
    pub label: String,
    /// Its articles' ordinals, ascending (corpus order).
    pub articles: Vec<u32>,
    /// Date of its earliest article, where dated.
    pub from: Option<String>,
    /// Date of its latest article, where dated.
    pub to: Option<String>,
    /// Earlier stories it follows from (story indices), closest first.
    pub follows: Vec<u32>,
    /// `(list page, rows)`: how many of its articles each page of the article list holds, by
    /// page, only pages with rows (a story filter knows its total and which pages to fetch).
    pub pages: Vec<(u32, u32)>,
}

impl StoryEntry {
    /// The story with its articles named by these ids (`id_of` gives an ordinal's id; members
    /// it cannot name are left out) and the stories it follows by id (`story_id` gives a story
    /// index's id).
    pub fn to_story<'a, 'b>(
        &self,
        story_id: impl Fn(u32) -> Option<&'b str>,
        id_of: impl Fn(u32) -> Option<&'a str>,
    ) -> Story {
        Story {
            id: self.id.clone(),
            label: self.label.clone(),
            articles: self.articles.iter().filter_map(|&o| id_of(o).map(str::to_string)).collect(),
            from: self.from.clone(),
            to: self.to.clone(),
            follows: self.follows.iter().filter_map(|&s| story_id(s).map(str::to_string)).collect(),
        }
    }
}

/// How many rows of one page of the article list each outlet has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageSummary {
    /// `(outlet, rows)`, by outlet index, only outlets with rows on the page.
    pub outlets: Vec<(u32, u32)>,
}

impl PageSummary {
    /// The rows of outlet `outlet` on the page.
    pub fn outlet_rows(&self, outlet: u32) -> u32 {
        count_of(&self.outlets, outlet)
    }
}

impl StoryEntry {
    /// The story's rows on list page `page`.
    pub fn rows_on(&self, page: u32) -> u32 {
        count_of(&self.pages, page)
    }
}

fn count_of(counts: &[(u32, u32)], key: u32) -> u32 {
    counts.binary_search_by_key(&key, |&(k, _)| k).map_or(0, |i| counts[i].1)
}

/// A page of the article list: consecutive list positions, each row with its article ordinal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct DirectoryPage {
    /// The ordinal of each row's article.
    pub(crate) ordinals: Vec<u32>,
    /// The rows, in list order.
    pub(crate) rows: Vec<ArticleEntry>,
}

/// A page of the article directory: consecutive ordinals ([`ChunkRef::first`]..[`ChunkRef::end`])
/// with each article's list page, and the article chunks that hold exactly them. (Not their ids:
/// a search reads this page only to find its hits' article chunks, which hold the ids; ids were
/// 28 of a cold search's 52 KB gzip of these pages at 10,000 articles.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct OrdinalPage {
    /// Each article's page of the article list (an index into [`Manifest::pages`]).
    pub(crate) list_pages: Vec<u32>,
    /// The article chunks, in order, the first starting at the page's first ordinal.
    pub(crate) chunks: Vec<ArticleChunkRef>,
}

/// Where an article chunk and its details chunk are: their names' hashes, their sizes, how many
/// articles they hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct ArticleChunkRef {
    pub(crate) hash: [u8; 8],
    pub(crate) len: u64,
    pub(crate) items: u32,
    /// The details chunk ([`ChunkKind::ArticleDetails`]) of the same articles.
    pub(crate) details_hash: [u8; 8],
    pub(crate) details_len: u64,
}

/// The most article chunks one `ord` page may list (the reader numbers article chunks by page).
pub(crate) const ORD_PAGE_CHUNKS: usize = 1 << 12;

/// A page of the id index: ids in sorted order with their ordinals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct IdPage {
    /// The ids, strictly ascending.
    pub(crate) ids: Vec<String>,
    /// Each id's article ordinal.
    pub(crate) ordinals: Vec<u32>,
}

/// The postings of a contiguous range of terms ([`ChunkRef::first`]..[`ChunkRef::end`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Shard {
    /// Where each term's postings start in `postings`, plus one final end.
    pub(crate) starts: Vec<u32>,
    /// The terms' postings, back to back (the bundle's encoding).
    #[serde(with = "crate::bundle::bytes")]
    pub(crate) postings: Vec<u8>,
}

/// Consecutive articles with what a search and its results page read: their text (without the
/// removed spans, which are in the details chunk) and dates.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct ArticleChunk {
    /// The articles, `removed` left empty.
    pub(crate) articles: Vec<Article>,
    /// Their publication dates, one per article.
    pub(crate) dates: Vec<Option<PublicationDate>>,
}

/// What the articles of one article chunk hold beyond it: fetched by the pages that show an
/// article (not by a search, whose snippets need only the text).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct ArticleDetails {
    /// Per article, the spans of its raw file that cleaning removed.
    pub(crate) removed: Vec<Vec<crate::model::Removed>>,
    /// Provenance of those that came from HTML, JSON or WARC files.
    pub(crate) sources: Vec<ArticleSource>,
    /// Their entity mentions (article numbers are corpus ordinals), sorted by (article, start);
    /// written in columns ([`wire::mention_columns`]).
    #[serde(with = "wire::mention_columns")]
    pub(crate) mentions: Vec<Mention>,
}

/// The mentions of a range of entities.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct EntityChunk {
    /// Per entity of the range, its mentions sorted by (article, start); written in columns
    /// ([`wire::mention_columns::lists`]).
    #[serde(with = "wire::mention_columns::lists")]
    pub(crate) lists: Vec<Vec<Mention>>,
}

/// Why a manifest or chunk could not be read. Each message says what the reader can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChunkError {
    /// The bytes do not start with the chunk magic (e.g. an HTML error page).
    NotAChunk,
    /// Written by another version of Parallax.
    UnknownVersion {
        /// The version found.
        found: u32,
    },
    /// A chunk of another kind than the directory says.
    WrongKind {
        /// What was asked for.
        expected: ChunkKind,
    },
    /// Fewer bytes than the header promises (an interrupted download).
    Truncated {
        /// What the chunk holds.
        kind: ChunkKind,
    },
    /// The bytes are not the ones the chunk's name promises (a stale or altered copy).
    HashMismatch {
        /// What the chunk holds.
        kind: ChunkKind,
    },
    /// The checksum does not match: the bytes were altered.
    Corrupt {
        /// What the chunk holds.
        kind: ChunkKind,
    },
    /// The payload does not decode (a faulty writer).
    Malformed {
        /// What the chunk holds.
        kind: ChunkKind,
        /// The decoder's words.
        why: String,
    },
    /// The payload decodes but does not fit the manifest (see [`validate`]).
    Inconsistent {
        /// What the chunk holds.
        kind: ChunkKind,
        /// What is wrong.
        what: crate::bundle::validate::Inconsistency,
    },
    /// The chunk directory has no such chunk.
    UnknownChunk,
    /// An index shard arrived before the search dictionary it is checked against.
    DictionaryFirst,
    /// Articles' details arrived before the articles they are checked against.
    ArticlesFirst,
    /// A shard's positions arrived before the shard they are checked against.
    ShardFirst,
}

impl std::fmt::Display for ChunkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChunkError::NotAChunk => write!(f, "a corpus file is not a Parallax chunk (it does not start with the chunk signature); the site may be incomplete, rebuild it with `parallax site`"),
            ChunkError::UnknownVersion { found } => write!(f, "a corpus file has format version {found}, but this explorer reads version {VERSION}; rebuild the site with the same version of Parallax as the app"),
            ChunkError::WrongKind { expected } => write!(f, "the file for {} holds something else; rebuild the site with `parallax site`", expected.label()),
            ChunkError::Truncated { kind } => write!(f, "the file for {} is incomplete; the download was probably interrupted, try again", kind.label()),
            ChunkError::HashMismatch { kind } => write!(f, "the file for {} is not the one this corpus lists (a stale or altered copy); reload the page, or rebuild the site", kind.label()),
            ChunkError::Corrupt { kind } => write!(f, "the file for {} is corrupt (its checksum does not match); reload the page or rebuild the site", kind.label()),
            ChunkError::Malformed { kind, why } => write!(f, "the file for {} could not be decoded ({why}); rebuild the site with `parallax site`", kind.label()),
            ChunkError::Inconsistent { kind, what } => write!(f, "the file for {} is damaged ({what}); rebuild the site with `parallax site`", kind.label()),
            ChunkError::UnknownChunk => write!(f, "a view asked for a corpus file the manifest does not list; reload the page"),
            ChunkError::DictionaryFirst => write!(f, "part of the search index arrived before the search dictionary; search again"),
            ChunkError::ArticlesFirst => write!(f, "some articles' details arrived before the articles; reload the page"),
            ChunkError::ShardFirst => write!(f, "the word positions of part of the search index arrived before that part; search again"),
        }
    }
}

impl std::error::Error for ChunkError {}

/// The first 16 hex digits of the SHA-256 of `bytes`: a chunk's name.
pub fn content_hash(bytes: &[u8]) -> String {
    hash_hex(Sha256::digest(bytes).iter().take(8))
}

/// A chunk hash's bytes as the 16 lowercase hex digits of its name.
pub(crate) fn hash_hex<'a>(hash: impl IntoIterator<Item = &'a u8>) -> String {
    hash.into_iter().map(|b| format!("{b:02x}")).collect()
}

/// Frames a payload: header, then the postcard bytes.
fn encode<T: Serialize>(kind: ChunkKind, value: &T) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.push(kind.code());
    out.extend_from_slice(&[0; 12]); // payload length and CRC-32, filled in below
                                     // postcard only fails on writer errors or unsupported serde features; a Vec never fails and
                                     // these types use none of those.
    let mut out = postcard::to_extend(value, out).unwrap_or_else(|_| {
        let mut empty = Vec::with_capacity(HEADER_LEN);
        empty.extend_from_slice(MAGIC);
        empty.extend_from_slice(&VERSION.to_le_bytes());
        empty.push(kind.code());
        empty.extend_from_slice(&[0; 12]);
        empty
    });
    let payload_len = (out.len() - HEADER_LEN) as u64;
    let crc = crate::bundle::crc32(&out[HEADER_LEN..]);
    out[13..21].copy_from_slice(&payload_len.to_le_bytes());
    out[21..HEADER_LEN].copy_from_slice(&crc.to_le_bytes());
    out
}

/// Checks the framing of a chunk of `kind` and decodes its payload.
fn decode<T: serde::de::DeserializeOwned>(kind: ChunkKind, bytes: &[u8]) -> Result<T, ChunkError> {
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        return Err(ChunkError::NotAChunk);
    }
    if bytes.len() < HEADER_LEN {
        return Err(ChunkError::Truncated { kind });
    }
    let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    if version != VERSION {
        return Err(ChunkError::UnknownVersion { found: version });
    }
    if ChunkKind::from_code(bytes[12]) != Some(kind) {
        return Err(ChunkError::WrongKind { expected: kind });
    }
    let mut len = [0u8; 8];
    len.copy_from_slice(&bytes[13..21]);
    let expected = u64::from_le_bytes(len);
    let payload = &bytes[HEADER_LEN..];
    if (payload.len() as u64) < expected {
        return Err(ChunkError::Truncated { kind });
    }
    let payload = &payload[..expected as usize];
    let crc = u32::from_le_bytes([bytes[21], bytes[22], bytes[23], bytes[24]]);
    if crate::bundle::crc32(payload) != crc {
        return Err(ChunkError::Corrupt { kind });
    }
    postcard::from_bytes(payload).map_err(|e| ChunkError::Malformed { kind, why: e.to_string() })
}

/// A chunk file of `kind` around `payload`: the header with the payload's length and CRC-32, so
/// any payload reaches the decoder (the fuzz target `chunk` frames its inputs with it).
pub fn frame(kind: ChunkKind, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.push(kind.code());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crate::bundle::crc32(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// A chunk file's payload: what follows its header (nothing for a file shorter than that).
pub fn payload_of(bytes: &[u8]) -> &[u8] {
    bytes.get(HEADER_LEN..).unwrap_or_default()
}

/// Encodes a manifest (the writer's form; for tools that edit or merge manifests).
pub fn encode_manifest(manifest: &Manifest) -> Vec<u8> {
    encode(ChunkKind::Manifest, &wire::WireManifest::of(manifest))
}

/// Decodes and validates a manifest.
pub fn decode_manifest(bytes: &[u8]) -> Result<Manifest, ChunkError> {
    let wire: wire::WireManifest = decode(ChunkKind::Manifest, bytes)?;
    let inconsistent = |what| ChunkError::Inconsistent { kind: ChunkKind::Manifest, what };
    let manifest = wire.into_manifest().map_err(inconsistent)?;
    validate::manifest(&manifest)
        .map_err(|what| ChunkError::Inconsistent { kind: ChunkKind::Manifest, what })?;
    Ok(manifest)
}

/// What a chunk's payload is made of, for benchmarks (`examples/chunk_fetch.rs`): each named
/// part encoded on its own (postcard), so its share of the chunk can be measured raw and
/// compressed. Only the kinds a cold search reads are broken down; others are one part.
pub fn anatomy(kind: ChunkKind, bytes: &[u8]) -> Result<Vec<(&'static str, Vec<u8>)>, ChunkError> {
    let enc = |value: &dyn erased::Encode| value.encode();
    Ok(match kind {
        ChunkKind::Articles => {
            let chunk: ArticleChunk = decode(kind, bytes)?;
            vec![("articles", enc(&chunk.articles)), ("dates", enc(&chunk.dates))]
        }
        ChunkKind::ArticleDetails => {
            let details: ArticleDetails = decode(kind, bytes)?;
            vec![
                ("removed spans", enc(&details.removed)),
                ("sources", enc(&details.sources)),
                ("mentions as structs", enc(&details.mentions)),
                (
                    "mentions in columns",
                    enc(&ArticleDetails { mentions: details.mentions.clone(), ..Default::default() }),
                ),
            ]
        }
        ChunkKind::Ordinals => {
            let page: OrdinalPage = decode(kind, bytes)?;
            vec![("list pages", enc(&page.list_pages)), ("chunks", enc(&page.chunks))]
        }
        ChunkKind::Terms => {
            let wire: wire::WireTerms = decode(kind, bytes)?;
            let index = wire.into_directory().map_err(|why| ChunkError::Malformed { kind, why })?;
            let front_coded = wire::WireTerms::of(crate::search::SearchIndex {
                terms: index.terms.clone(),
                ..Default::default()
            });
            vec![
                ("terms", enc(&index.terms)),
                ("terms front-coded", enc(&front_coded)),
                ("doc_freq", enc(&index.doc_freq)),
                ("doc_lens", enc(&index.doc_lens)),
                ("outlets", enc(&index.outlets)),
                ("doc_outlets", enc(&index.doc_outlets)),
                ("translit_keys", enc(&index.translit_keys)),
                ("translit_terms", enc(&index.translit_terms)),
                ("stem_keys", enc(&index.stem_keys)),
                ("stem_terms", enc(&index.stem_terms)),
                ("entities", enc(&index.entities)),
            ]
        }
        ChunkKind::Shard => {
            let wire: postings::WireShard = decode(kind, bytes)?;
            let parts = wire.columns();
            let shard =
                wire.assemble(0, None, &|_, _| None).map_err(|why| ChunkError::Malformed { kind, why })?;
            let mut out = vec![("bundle postings, positions zeroed", enc(&shard))];
            out.extend(parts);
            out
        }
        ChunkKind::Positions => {
            let wire: postings::WirePositions = decode(kind, bytes)?;
            wire.columns()
        }
        ChunkKind::Entities => {
            let chunk: EntityChunk = decode(kind, bytes)?;
            vec![("lists as structs", enc(&chunk.lists)), ("lists in columns", enc(&chunk))]
        }
        _ => vec![("whole", bytes.to_vec())],
    })
}

/// Encoding any part through one object-safe trait.
mod erased {
    pub(super) trait Encode {
        fn encode(&self) -> Vec<u8>;
    }
    impl<T: serde::Serialize> Encode for T {
        fn encode(&self) -> Vec<u8> {
            postcard::to_allocvec(self).unwrap_or_default()
        }
    }
}
