//! Entities in the index: a query that names a known entity by any of its names finds every
//! mention of it ("Popular Mobilization Forces" finds "Hashed al-Shaabi" and "PMF").
//!
//! Built from the entity data at bundle time: every entity with mentions gets a slot, its names
//! (curated name and aliases; for entities the rules found, the spellings the corpus uses) are
//! keyed like query words (each word's transliteration key, `al`/`el` dropped, space-joined), and
//! its mentions are stored as postings: per article, in increasing article order, the article
//! delta, the mention count, the field-weighted count (half-units, see
//! [`super::index::field_weight2`]), then each mention's raw start (as a delta) and byte length.
//! Role phrases ("the premier") are mentions, but never names a query is matched against.

use serde::{Deserialize, Serialize};

use super::index::{field_weight2, read_varint, skip_varints, write_varint};
use super::query::{is_name_article, term_of, QueryWord};
use crate::entities::{EntityData, EntityKind};
use crate::model::Article;
use crate::text;

/// Longest entity name, in words, looked for in a query.
const MAX_NAME_WORDS: usize = 6;

/// Entity names and mentions, stored in the search index.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct EntityPostings {
    /// Name keys, sorted.
    keys: Vec<String>,
    /// For each key, the slots of the entities holding it, and whether that name is an acronym
    /// (it then matches only a query word typed in capitals: "US", not "us").
    key_slots: Vec<Vec<(u32, bool)>>,
    /// Each slot's entity name, for describing an expansion.
    names: Vec<String>,
    /// How many articles mention each slot's entity.
    doc_freq: Vec<u32>,
    /// Where each slot's postings start in `postings`, plus one final end.
    starts: Vec<u32>,
    /// The slots' postings, back to back.
    #[serde(with = "crate::bundle::bytes")]
    postings: Vec<u8>,
}

/// One article's mentions of an entity; their ranges are decoded only for the hits that need
/// them ([`EntityPostings::mention_ranges`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct EntityPosting {
    pub doc: u32,
    /// Field-weighted mention count, in half-units.
    pub wtf2: u32,
    /// Number of mentions.
    pub count: u32,
    /// Where the mentions' ranges start in the postings.
    pub at: usize,
    /// One past where they end.
    pub end: usize,
}

/// The key of a name (or of query words): folded words' transliteration keys, `al`/`el` dropped.
fn key_of<'a>(norms: impl Iterator<Item = &'a str>) -> String {
    let keys: Vec<String> =
        norms.filter(|n| !n.is_empty() && !is_name_article(n)).map(text::translit_key).collect();
    keys.join(" ")
}

fn name_key(name: &str) -> String {
    let norms: Vec<String> = text::tokens(name).into_iter().map(|t| term_of(&t.norm)).collect();
    key_of(norms.iter().map(String::as_str))
}

fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase())
}

/// The field weight of a mention's block when the mention is a posting of its entity: linked to
/// one of the `n_entities`, inside a block of its article.
pub(crate) fn posting_weight(
    article: &Article,
    m: &crate::entities::Mention,
    n_entities: usize,
) -> Option<u8> {
    let entity = m.entity()?;
    let block = article.block_at(m.start as usize)?;
    let fits = m.end > m.start && m.end as usize <= block.end && (entity as usize) < n_entities;
    // Field weights are 2 to 6: never 0, which marks a mention that is no posting.
    fits.then(|| field_weight2(block.kind) as u8)
}

impl EntityPostings {
    /// Collects the names and mentions of every mentioned entity, given each mention's field
    /// weight as a posting ([`posting_weight`], 0 for a mention that is no posting: of no
    /// article indexed, say), so the articles need not be at hand.
    pub(crate) fn build_weighed(weights: &[u8], data: &EntityData) -> EntityPostings {
        let n_entities = data.entities.len();
        // Each entity's mentions, as places in `data.mentions` (so in (article, start) order,
        // since `data.mentions` is sorted so) in one array of exactly their number: counted,
        // then filled. A list per entity grown by doubling held a 24-byte copy of each mention
        // and the spare room and copies of doubling (a few hundred MB at 100,000 synthetic
        // articles, 12 million mentions of a few hundred entities, at the build's peak).
        let weight_of = |place: usize| weights.get(place).copied().unwrap_or(0);
        let mut starts = vec![0usize; n_entities + 1];
        for (place, m) in data.mentions.iter().enumerate() {
            if let (true, Some(entity)) = (weight_of(place) > 0, m.entity()) {
                starts[entity as usize + 1] += 1;
            }
        }
        for e in 0..n_entities {
            starts[e + 1] += starts[e];
        }
        let mut places = vec![0u32; starts[n_entities]];
        let mut filled = starts.clone();
        for (place, m) in data.mentions.iter().enumerate() {
            if let (true, Some(entity)) = (weight_of(place) > 0, m.entity()) {
                places[filled[entity as usize]] = place as u32;
                filled[entity as usize] += 1;
            }
        }
        drop(filled);
        // A posting's article, raw start and end, and field weight.
        let posting = |place: &u32| {
            let m = &data.mentions[*place as usize];
            (m.article, m.start as usize, m.end as usize, u32::from(weight_of(*place as usize)))
        };
        let mut out = EntityPostings::default();
        let mut keyed: Vec<(String, u32, bool)> = Vec::new();
        for (e, entity) in data.entities.iter().enumerate() {
            let mentions = &places[starts[e]..starts[e + 1]];
            if mentions.is_empty() {
                continue;
            }
            let slot = out.names.len() as u32;
            out.names.push(entity.name.clone());
            out.starts.push(out.postings.len() as u32);
            let mut df = 0;
            let mut last_doc: Option<u32> = None;
            let mut i = 0;
            while i < mentions.len() {
                let doc = posting(&mentions[i]).0;
                let j = i + mentions[i..].iter().take_while(|p| posting(p).0 == doc).count();
                let group = &mentions[i..j];
                write_varint(u64::from(last_doc.map_or(doc, |last| doc - last)), &mut out.postings);
                write_varint(group.len() as u64, &mut out.postings);
                write_varint(group.iter().map(|p| u64::from(posting(p).3)).sum(), &mut out.postings);
                let mut prev = 0usize;
                for (_, start, end, _) in group.iter().map(posting) {
                    write_varint(start.saturating_sub(prev) as u64, &mut out.postings);
                    write_varint((end - start) as u64, &mut out.postings);
                    prev = start;
                }
                last_doc = Some(doc);
                df += 1;
                i = j;
            }
            out.doc_freq.push(df);
            // Curated names; for entities the rules found, the spellings used (there are no role
            // phrases among those).
            let mut names: Vec<&String> = std::iter::once(&entity.name).chain(&entity.aliases).collect();
            if entity.provisional {
                names.extend(&entity.spellings);
            }
            for name in names {
                let key = name_key(name);
                // One-letter keys ("X") would match stray initials.
                if key.len() >= 2 || (entity.kind != EntityKind::Person && !key.is_empty()) {
                    keyed.push((key, slot, is_acronym(name)));
                }
            }
        }
        out.starts.push(out.postings.len() as u32);
        crate::sort::sort_by(&mut keyed, Ord::cmp);
        keyed.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        for (key, slot, acronym) in keyed {
            if out.keys.last() != Some(&key) {
                out.keys.push(key);
                out.key_slots.push(Vec::new());
            }
            if let Some(slots) = out.key_slots.last_mut() {
                slots.push((slot, acronym));
            }
        }
        out
    }

    /// The entity slots named by `words`, when they spell one of its names (acronyms only when
    /// typed in capitals).
    fn named_by(&self, words: &[QueryWord]) -> Vec<u32> {
        let key = key_of(words.iter().map(|w| w.norm.as_str()));
        let Ok(i) = self.keys.binary_search_by(|k| k.as_str().cmp(&key)) else { return Vec::new() };
        let typed_caps = words.iter().all(|w| is_acronym(&w.text));
        // A bundle may hold fewer slot lists than keys: reads never trust it.
        let slots = self.key_slots.get(i).map_or(&[][..], Vec::as_slice);
        slots.iter().filter(|(_, acronym)| !acronym || typed_caps).map(|&(slot, _)| slot).collect()
    }

    /// Runs of query words that name entities, longest first from left to right: (first word,
    /// one past the last word, entity slots).
    pub(crate) fn spans(&self, words: &[QueryWord]) -> Vec<(usize, usize, Vec<u32>)> {
        let mut out = Vec::new();
        if self.keys.is_empty() {
            return out;
        }
        let mut i = 0;
        while i < words.len() {
            let longest = MAX_NAME_WORDS.min(words.len() - i);
            let found = (1..=longest).rev().find_map(|len| {
                let slots = self.named_by(&words[i..i + len]);
                (!slots.is_empty()).then_some((len, slots))
            });
            match found {
                Some((len, slots)) => {
                    out.push((i, i + len, slots));
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The name of the entity in a slot.
    pub(crate) fn name(&self, slot: u32) -> &str {
        self.names.get(slot as usize).map_or("", String::as_str)
    }

    /// How many articles mention the entity in a slot.
    pub(crate) fn df(&self, slot: u32) -> u32 {
        self.doc_freq.get(slot as usize).copied().unwrap_or(0)
    }

    /// The mentions of the entity in a slot, per article in increasing order. Stops at the first
    /// malformed byte (a damaged bundle yields fewer mentions, never a panic).
    pub(crate) fn postings(&self, slot: u32) -> Vec<EntityPosting> {
        let start = self.starts.get(slot as usize).copied().unwrap_or(0) as usize;
        let end =
            (self.starts.get(slot as usize + 1).copied().unwrap_or(0) as usize).min(self.postings.len());
        // Room for them all at once (a posting takes at least three bytes): a common entity's
        // postings, read by every query naming it, would otherwise be copied as the list grows.
        let stated = self.doc_freq.get(slot as usize).map_or(0, |&n| n as usize);
        let mut out = Vec::with_capacity(stated.min(end.saturating_sub(start) / 3));
        let bytes = &self.postings[..end];
        let mut at = start;
        let mut doc = 0u64;
        let mut first = true;
        while at < end {
            let (Some(delta), Some(count), Some(wtf2)) =
                (read_varint(bytes, &mut at), read_varint(bytes, &mut at), read_varint(bytes, &mut at))
            else {
                break;
            };
            doc = if first { delta } else { doc.saturating_add(delta) };
            first = false;
            let from = at;
            // Skip the ranges: two varints a mention.
            let ranges = u32::try_from(count.saturating_mul(2)).unwrap_or(u32::MAX);
            let Some(after) = skip_varints(bytes, at, ranges) else { return out };
            at = after;
            let (Ok(doc), Ok(wtf2), Ok(count)) =
                (u32::try_from(doc), u32::try_from(wtf2), u32::try_from(count))
            else {
                break;
            };
            out.push(EntityPosting { doc, wtf2, count, at: from, end: at });
        }
        out
    }

    /// The raw (start, end) of each mention in a posting.
    pub(crate) fn mention_ranges(&self, posting: &EntityPosting) -> Vec<(usize, usize)> {
        let mut out = Vec::with_capacity(posting.count.min(64) as usize);
        self.each_mention(posting, |start, end| out.push((start, end)));
        out
    }

    /// Calls `f` with the raw (start, end) of each mention in a posting, in order.
    pub(crate) fn each_mention(&self, posting: &EntityPosting, mut f: impl FnMut(usize, usize)) {
        let bytes = &self.postings[..posting.end.min(self.postings.len())];
        let mut at = posting.at;
        let mut prev = 0u64;
        for _ in 0..posting.count {
            let (Some(d), Some(len)) = (read_varint(bytes, &mut at), read_varint(bytes, &mut at)) else {
                break;
            };
            prev = prev.saturating_add(d);
            let s = usize::try_from(prev).unwrap_or(usize::MAX);
            f(s, s.saturating_add(usize::try_from(len).unwrap_or(0)));
        }
    }
}

impl EntityPostings {
    /// The names, counts and keys' problems, postings aside (a chunked corpus's term directory
    /// holds these; the postings come in chunks checked by [`EntityPostings::postings_problem`]).
    pub(crate) fn directory_problem(&self) -> Option<String> {
        let n_slots = self.names.len();
        if self.doc_freq.len() != n_slots {
            return Some(format!(
                "its entity index has {} counts for {n_slots} entities",
                self.doc_freq.len()
            ));
        }
        let sorted = self.keys.windows(2).all(|w| w[0] < w[1]);
        if !sorted || self.key_slots.len() != self.keys.len() {
            return Some("its entity name keys do not match their slots".into());
        }
        if self.key_slots.iter().flatten().any(|&(slot, _)| slot as usize >= n_slots) {
            return Some(format!("an entity name key names a slot beyond its {n_slots} entities"));
        }
        None
    }

    /// The postings' problems: starts in order over the postings, each slot's decoding to its
    /// article count with articles ascending and below `n_articles`.
    pub(crate) fn postings_problem(&self, n_articles: usize) -> Option<String> {
        let n_slots = self.doc_freq.len();
        let empty = n_slots == 0 && self.starts.is_empty() && self.postings.is_empty();
        if self.doc_freq.len() != n_slots || (!empty && self.starts.len() != n_slots + 1) {
            return Some(format!(
                "its entity postings have {} starts for {n_slots} entities",
                self.starts.len()
            ));
        }
        if !empty
            && (self.starts.first() != Some(&0)
                || self.starts.last().map(|&e| e as usize) != Some(self.postings.len())
                || self.starts.windows(2).any(|w| w[0] > w[1]))
        {
            return Some("its entity posting starts do not run in order over the postings".into());
        }
        for slot in 0..n_slots {
            let postings = self.postings(slot as u32);
            let ascending = postings.windows(2).all(|w| w[0].doc < w[1].doc);
            let in_range = postings.last().is_none_or(|p| (p.doc as usize) < n_articles);
            if !ascending || !in_range || postings.len() != self.doc_freq[slot] as usize {
                return Some(format!("the mentions indexed for entity {} do not decode as stated", slot + 1));
            }
        }
        None
    }

    /// Whether it holds postings (a chunked corpus's term directory does not).
    pub(crate) fn has_postings(&self) -> bool {
        !self.starts.is_empty() || !self.postings.is_empty()
    }

    /// How many entities have a slot.
    pub(crate) fn n_slots(&self) -> usize {
        self.names.len()
    }

    /// The bytes of one slot's postings.
    pub(crate) fn slot_bytes(&self, slot: usize) -> usize {
        let at = |s: usize| self.starts.get(s).copied().unwrap_or(0) as usize;
        at(slot + 1).saturating_sub(at(slot))
    }

    /// The postings of slots `first..end`: their starts (from 0, plus the end) and bytes.
    pub(crate) fn postings_of_slots(&self, first: usize, end: usize) -> (Vec<u32>, Vec<u8>) {
        let at = |s: usize| self.starts.get(s).copied().unwrap_or(0);
        let base = at(first);
        let starts = (first..=end).map(|s| at(s) - base).collect();
        let bytes = self.postings.get(base as usize..at(end) as usize).unwrap_or_default().to_vec();
        (starts, bytes)
    }

    /// The same names, counts and keys without postings.
    pub(crate) fn without_postings(&self) -> EntityPostings {
        EntityPostings { starts: Vec::new(), postings: Vec::new(), ..self.clone() }
    }

    /// Replaces the postings (a chunked corpus's, rebuilt from the chunks at hand).
    pub(crate) fn set_postings(&mut self, starts: Vec<u32>, postings: Vec<u8>) {
        self.starts = starts;
        self.postings = postings;
    }

    /// The postings of a run of slots with their article counts, on their own (to check a chunk
    /// of them with [`EntityPostings::postings_problem`]).
    pub(crate) fn part(doc_freq: &[u32], starts: Vec<u32>, postings: Vec<u8>) -> EntityPostings {
        EntityPostings {
            names: vec![String::new(); doc_freq.len()],
            doc_freq: doc_freq.to_vec(),
            starts,
            postings,
            ..EntityPostings::default()
        }
    }

    /// The article counts of slots `first..end`, if the slots exist.
    pub(crate) fn doc_freqs(&self, first: usize, end: usize) -> Option<&[u32]> {
        self.doc_freq.get(first..end)
    }
}
