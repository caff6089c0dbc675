//! The manifest's form on the wire (since format 4): the same facts as [`Manifest`] in fewer bytes,
//! since every cold visit downloads it. Stories name their articles by ordinal gaps, and their
//! own id only where it is not their label's slug; the chunk directory is one run per kind, each
//! chunk its hash as 8 bytes, its length and how many items it holds (the first item is where the
//! previous chunk ended). At 10,000 synthetic articles this took the format 3 manifest from 487
//! to about 330 KB gzip; the in-memory [`Manifest`] the reader hands out is unchanged. Format 5
//! also front-codes the term directory's dictionary ([`WireTerms`]), writes a list page
//! summary's stories as gaps ([`WirePage`]) and an article chunk's mentions in columns
//! ([`mention_columns`]). Format 6 writes the stories in columns, their labels as word indices
//! (`story_columns.rs`); format 9 moves them (and each list page's story rows) out of the
//! manifest into story chunks, leaving only the largest stories' labels.

use serde::{Deserialize, Serialize};

use super::{ChunkKind, ChunkRef, EntityCount, Manifest, PageSummary, StoryHead, Summary};
use crate::bundle::validate::{Inconsistency, Part};
use crate::entities::Entity;
use crate::search::SearchIndex;

/// The manifest as written.
#[derive(Serialize, Deserialize)]
pub(crate) struct WireManifest {
    summary: Summary,
    outlets: Vec<String>,
    id_firsts: Vec<String>,
    pages: Vec<PageSummary>,
    largest_stories: Vec<StoryHead>,
    newest_stories: Vec<StoryHead>,
    entities: Vec<Entity>,
    entity_counts: Vec<EntityCount>,
    chunks: Vec<WireRun>,
}

/// Each value as the gap from the one before (the first from 0), wrapping: ascending lists
/// (ordinals, story indices) become small numbers.
pub(super) fn gaps(values: impl IntoIterator<Item = u32>) -> Vec<u32> {
    values
        .into_iter()
        .scan(0u32, |previous, value| {
            let gap = value.wrapping_sub(*previous);
            *previous = value;
            Some(gap)
        })
        .collect()
}

/// The chunks of one kind, in directory order.
#[derive(Serialize, Deserialize)]
struct WireRun {
    kind: ChunkKind,
    /// The first item of the first chunk.
    first: u32,
    chunks: Vec<WireChunk>,
}

#[derive(Serialize, Deserialize)]
struct WireChunk {
    hash: [u8; 8],
    len: u64,
    /// How many items it holds (`end - first`).
    items: u32,
}

impl WireManifest {
    /// The wire form of a manifest. A malformed hash is written as zeros (its chunk is then
    /// refused as stale).
    pub(crate) fn of(manifest: &Manifest) -> WireManifest {
        let mut chunks: Vec<WireRun> = Vec::new();
        for chunk in &manifest.chunks {
            let wire = WireChunk {
                hash: hash_bytes(&chunk.hash).unwrap_or_default(),
                len: chunk.len,
                items: chunk.end.saturating_sub(chunk.first),
            };
            let next = chunks
                .last()
                .filter(|run| run.kind == chunk.kind)
                .map(|run| run.first + run.chunks.iter().map(|c| c.items).sum::<u32>());
            match chunks.last_mut() {
                Some(run) if next == Some(chunk.first) => run.chunks.push(wire),
                _ => chunks.push(WireRun { kind: chunk.kind, first: chunk.first, chunks: vec![wire] }),
            }
        }
        WireManifest {
            summary: manifest.summary.clone(),
            outlets: manifest.outlets.clone(),
            id_firsts: manifest.id_firsts.clone(),
            pages: manifest.pages.clone(),
            largest_stories: manifest.largest_stories.clone(),
            newest_stories: manifest.newest_stories.clone(),
            entities: manifest.entities.clone(),
            entity_counts: manifest.entity_counts.clone(),
            chunks,
        }
    }

    /// The manifest it stands for, or what names something it does not hold.
    pub(crate) fn into_manifest(self) -> Result<Manifest, Inconsistency> {
        let mut chunks = Vec::new();
        for run in self.chunks {
            let mut first = run.first;
            for chunk in run.chunks {
                let end = first.checked_add(chunk.items).ok_or_else(|| Inconsistency {
                    part: Part::SearchIndex,
                    problem: "its chunk list covers more items than there can be".into(),
                })?;
                chunks.push(ChunkRef {
                    kind: run.kind,
                    hash: super::hash_hex(&chunk.hash),
                    len: chunk.len,
                    first,
                    end,
                });
                first = end;
            }
        }
        Ok(Manifest {
            summary: self.summary,
            outlets: self.outlets,
            id_firsts: self.id_firsts,
            pages: self.pages,
            largest_stories: self.largest_stories,
            newest_stories: self.newest_stories,
            entities: self.entities,
            entity_counts: self.entity_counts,
            chunks,
        })
    }
}

/// A chunk hash's 16 lowercase hex digits as bytes.
fn hash_bytes(hash: &str) -> Option<[u8; 8]> {
    let digits = hash.as_bytes();
    if digits.len() != 16 {
        return None;
    }
    let mut out = [0u8; 8];
    for (i, pair) in digits.chunks(2).enumerate() {
        let text = std::str::from_utf8(pair).ok()?;
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        out[i] = u8::from_str_radix(text, 16).ok()?;
    }
    Some(out)
}

/// The term directory as written (format 5): the search index without postings, its sorted
/// dictionary front-coded in three streams (each term's bytes shared with the one before, the
/// count of its other bytes, then all those bytes back to back), which gzip compresses better
/// than whole words one after another. At 10,000 synthetic articles the dictionary went from
/// 82.5 to about 60 KB gzip of the directory's 124.
#[derive(Serialize, Deserialize)]
pub(crate) struct WireTerms {
    pub(super) shared: Vec<u32>,
    pub(super) suffix_lens: Vec<u32>,
    #[serde(with = "crate::bundle::bytes")]
    pub(super) suffixes: Vec<u8>,
    /// Everything else, its `terms` empty.
    rest: SearchIndex,
}

impl WireTerms {
    /// The wire form of a term directory (taken apart: its terms are front-coded).
    pub(crate) fn of(mut directory: SearchIndex) -> WireTerms {
        let terms = std::mem::take(&mut directory.terms);
        let mut shared = Vec::with_capacity(terms.len());
        let mut suffix_lens = Vec::with_capacity(terms.len());
        let mut suffixes = Vec::new();
        let mut previous = "";
        for term in &terms {
            let common = previous.bytes().zip(term.bytes()).take_while(|(a, b)| a == b).count();
            shared.push(u32::try_from(common).unwrap_or(u32::MAX));
            suffix_lens.push(u32::try_from(term.len() - common).unwrap_or(u32::MAX));
            suffixes.extend_from_slice(&term.as_bytes()[common..]);
            previous = term;
        }
        WireTerms { shared, suffix_lens, suffixes, rest: directory }
    }

    /// The term directory it stands for, or why its dictionary does not decode.
    pub(crate) fn into_directory(self) -> Result<SearchIndex, String> {
        let WireTerms { shared, suffix_lens, suffixes, mut rest } = self;
        if shared.len() != suffix_lens.len() {
            return Err("its dictionary's streams differ in length".into());
        }
        let mut terms: Vec<String> = Vec::with_capacity(shared.len());
        let mut at = 0usize;
        let mut bytes: Vec<u8> = Vec::new();
        for (&common, &len) in shared.iter().zip(&suffix_lens) {
            let (common, len) = (common as usize, len as usize);
            let end = at.checked_add(len).filter(|&end| end <= suffixes.len());
            let (Some(end), true) = (end, common <= bytes.len()) else {
                return Err("its dictionary's words run past their bytes".into());
            };
            bytes.truncate(common);
            bytes.extend_from_slice(&suffixes[at..end]);
            at = end;
            let term =
                std::str::from_utf8(&bytes).map_err(|_| "a dictionary word is not UTF-8".to_string())?;
            terms.push(term.to_string());
        }
        if at != suffixes.len() {
            return Err("its dictionary has bytes no word uses".into());
        }
        rest.terms = terms;
        Ok(rest)
    }
}

/// An article chunk's mentions, and each list of an entity chunk, as written (format 5): one column per field, each article as the
/// gap from the mention before's (mostly 0), each start as the gap from the start before in the
/// same article, each end as the mention's length. Gaps wrap, so any list reads back exactly (the
/// order is validated after). At 10,000 synthetic articles a cold search's 20 article chunks held
/// 24.4 KB gzip of mentions as whole structs.
pub(crate) mod mention_columns {
    use serde::{de::Error as _, Deserialize, Deserializer, Serialize, Serializer};

    use crate::entities::{Mention, MentionKind, Value};

    #[derive(Serialize, Deserialize)]
    struct Columns {
        article_gaps: Vec<u32>,
        start_gaps: Vec<u32>,
        lens: Vec<u32>,
        kinds: Vec<MentionKind>,
        entities: Vec<Option<u32>>,
        values: Vec<Option<Box<Value>>>,
    }

    pub(crate) fn serialize<S: Serializer>(mentions: &[Mention], serializer: S) -> Result<S::Ok, S::Error> {
        columns_of(mentions).serialize(serializer)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Mention>, D::Error> {
        mentions_of(Columns::deserialize(deserializer)?).map_err(D::Error::custom)
    }

    /// An entity chunk's lists, one set of columns each (within a list the entity column is one
    /// value repeated, which compresses to almost nothing).
    pub(crate) mod lists {
        use super::*;

        pub(crate) fn serialize<S: Serializer>(
            lists: &[Vec<Mention>],
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let columns: Vec<Columns> = lists.iter().map(|list| columns_of(list)).collect();
            columns.serialize(serializer)
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Vec<Vec<Mention>>, D::Error> {
            let columns = Vec::<Columns>::deserialize(deserializer)?;
            columns.into_iter().map(|c| mentions_of(c).map_err(D::Error::custom)).collect()
        }
    }

    fn columns_of(mentions: &[Mention]) -> Columns {
        let mut columns = Columns {
            article_gaps: Vec::with_capacity(mentions.len()),
            start_gaps: Vec::with_capacity(mentions.len()),
            lens: Vec::with_capacity(mentions.len()),
            kinds: Vec::with_capacity(mentions.len()),
            entities: Vec::with_capacity(mentions.len()),
            values: Vec::with_capacity(mentions.len()),
        };
        let (mut article, mut start) = (0u32, 0u32);
        for m in mentions {
            if m.article != article {
                start = 0;
            }
            columns.article_gaps.push(m.article.wrapping_sub(article));
            columns.start_gaps.push(m.start.wrapping_sub(start));
            columns.lens.push(m.end.wrapping_sub(m.start));
            columns.kinds.push(m.kind());
            columns.entities.push(m.entity());
            columns.values.push(m.value.clone());
            (article, start) = (m.article, m.start);
        }
        columns
    }

    fn mentions_of(columns: Columns) -> Result<Vec<Mention>, &'static str> {
        let n = columns.article_gaps.len();
        let lengths = [
            columns.start_gaps.len(),
            columns.lens.len(),
            columns.kinds.len(),
            columns.entities.len(),
            columns.values.len(),
        ];
        if lengths.iter().any(|&l| l != n) {
            return Err("its mention columns differ in length");
        }
        let mut mentions = Vec::with_capacity(n);
        let (mut article, mut start) = (0u32, 0u32);
        let fields = columns.article_gaps.into_iter().zip(columns.start_gaps).zip(columns.lens);
        let rest = columns.kinds.into_iter().zip(columns.entities).zip(columns.values);
        for (((article_gap, start_gap), len), ((kind, entity), value)) in fields.zip(rest) {
            if article_gap != 0 {
                start = 0;
            }
            article = article.wrapping_add(article_gap);
            start = start.wrapping_add(start_gap);
            let end = start.wrapping_add(len);
            let mention = Mention::new(article, (start, end), kind, entity, value);
            mentions.push(mention.ok_or(crate::entities::ENTITY_PAST_LIMIT)?);
        }
        Ok(mentions)
    }
}
