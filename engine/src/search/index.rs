//! The compiled index: a sorted term dictionary, varint-encoded positional postings in one byte
//! arena, and a secondary dictionary of transliteration keys. Built once at bundle time.
//!
//! Postings of a term, per article in increasing article order: article delta, occurrence count
//! (with a flag bit), the field-weighted term frequency (half-units, see [`field_weight2`]) only
//! when some occurrence is outside a paragraph, then the occurrences' word ordinals as deltas,
//! then their raw-file start offsets as deltas.
//!
//! Ordinals count words through the article, so a phrase is words at consecutive ordinals and is
//! verified by merging integer lists, without reading the text. Two ordinals are left free
//! between blocks (a phrase never spans two), and an "al"/"el" shares the ordinal of the word it
//! precedes (a phrase may skip one: "Hashed Shaabi" finds "Hashed al-Shaabi"). Offsets are
//! raw-file bytes, so a match can be highlighted without re-reading the article, and the word's
//! end found by re-tokenising from its start.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::query::{is_name_article, term_into};
use crate::model::{Article, BlockKind};
use crate::text;

/// Field weight of a block kind, in half-units (so 2 is weight 1.0): title and headings weigh
/// most, captions and bullets (summaries of the article) above body paragraphs.
pub fn field_weight2(kind: BlockKind) -> u32 {
    match kind {
        BlockKind::Title => 6,
        BlockKind::Heading => 4,
        BlockKind::Bullet | BlockKind::Caption => 3,
        BlockKind::Paragraph => 2,
    }
}

/// [`SearchIndex::doc_outlets`] of an article whose outlet is not known.
pub(crate) const NO_OUTLET: u32 = u32::MAX;

/// The compiled search index stored in the bundle.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Each article's length in words, for BM25 length normalisation.
    pub(crate) doc_lens: Vec<u32>,
    /// The distinct outlet names, sorted (facets and `outlet:` filters).
    pub(crate) outlets: Vec<String>,
    /// Each article's outlet, an index into `outlets`, or [`NO_OUTLET`] where the outlet is not
    /// known: counting facets over thousands of hits reads this array, not every hit's article.
    pub(crate) doc_outlets: Vec<u32>,
    /// The term dictionary, sorted by bytes (binary search and prefix ranges).
    pub(crate) terms: Vec<String>,
    /// How many articles hold each term.
    pub(crate) doc_freq: Vec<u32>,
    /// Where each term's postings start in `postings`, plus one final end offset.
    pub(crate) posting_starts: Vec<u32>,
    /// Every term's postings, back to back.
    #[serde(with = "crate::bundle::bytes")]
    pub(crate) postings: Vec<u8>,
    /// Transliteration keys ([`text::translit_key`] of names: alphabetic terms mostly written
    /// with a capital), sorted.
    pub(crate) translit_keys: Vec<String>,
    /// For each key, the terms that share it.
    pub(crate) translit_terms: Vec<Vec<u32>>,
    /// Stems ([`super::stem::stem`]) of ordinary words (not names) that have other forms in the
    /// dictionary, sorted.
    pub(crate) stem_keys: Vec<String>,
    /// For each stem, the terms that share it.
    pub(crate) stem_terms: Vec<Vec<u32>>,
    /// Entity names and mentions, so a query naming an entity finds all its names.
    pub(crate) entities: super::aliases::EntityPostings,
}

/// One article in a term's postings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Posting {
    /// The term whose postings these are (what a trace of the positions read names).
    pub term: u32,
    /// Index of the article.
    pub doc: u32,
    /// Field-weighted term frequency in half-units.
    pub wtf2: u32,
    /// Number of occurrences.
    pub tf: u32,
    /// Where the occurrence ordinals start in the arena; the offsets follow them.
    pub ords_at: usize,
    /// Where the posting ends in the arena (after the offsets). Where the offsets start is found
    /// only when they are read ([`SearchIndex::offsets_at`]): most postings a query decodes are
    /// scored from their header alone, and skipping ordinals and offsets in one go is cheaper.
    pub end: usize,
}

pub(crate) fn write_varint(mut v: u64, out: &mut Vec<u8>) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn varint_len(v: u64) -> usize {
    (64 - v.leading_zeros() as usize).max(1).div_ceil(7)
}

/// Reads a varint at `*at`, advancing it; `None` at the end of the bytes or on a malformed value.
///
/// The postings' hot loops decode millions of these: inlined, with a fast path for one byte
/// (most deltas), even in the size-optimised release build.
#[inline(always)]
pub(crate) fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let b = *bytes.get(*at)?;
    if b < 0x80 {
        *at += 1;
        return Some(u64::from(b));
    }
    read_varint_long(bytes, at)
}

fn read_varint_long(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
        shift += 7;
        if shift > 63 {
            return None;
        }
    }
}

/// Whether a word (its term) moves the ordinal count on past itself, given whether the word
/// before it in the block was an "al"/"el" sharing its ordinal (`shared`, updated here): an
/// "al"/"el" shares the next word's ordinal, unless it follows one that did.
pub(crate) fn advances(term: &str, shared: &mut bool) -> bool {
    let shares = is_name_article(term) && !*shared;
    *shared = shares;
    !shares
}

/// One indexed word of an article, as [`each_word`] finds it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    /// Its word ordinal (see the module docs).
    pub(crate) ordinal: u32,
    /// Its start in the raw file.
    pub(crate) offset: usize,
    /// Its block's field weight ([`field_weight2`]).
    pub(crate) weight2: u32,
    /// Whether it starts with a capital letter.
    pub(crate) capitalised: bool,
}

/// Calls `f` with each indexed word of an article, in order, as its term (in `term`, a buffer)
/// and where it is: the one walk the index builder makes, so positions recomputed from an
/// article's text (a chunked corpus whose positions are not at hand) are the postings' own.
pub(crate) fn each_word(article: &Article, term: &mut String, mut f: impl FnMut(&str, Word)) {
    let mut ordinal = 0u32;
    for block in &article.blocks {
        let weight2 = field_weight2(block.kind);
        // Whether the previous word was an "al"/"el" sharing this word's ordinal.
        let mut shared = false;
        for w in text::word_spans(&block.text) {
            term_into(&block.text[w.start..w.end], term);
            let this = ordinal;
            if advances(term, &mut shared) {
                ordinal = ordinal.saturating_add(1);
            }
            if term.is_empty() {
                continue;
            }
            let capitalised = block.text[w.start..].chars().next().is_some_and(char::is_uppercase);
            f(term, Word { ordinal: this, offset: block.start + w.start, weight2, capitalised });
        }
        // A gap, so that no phrase spans two blocks.
        ordinal = ordinal.saturating_add(2);
    }
}

/// Where `n` varints starting at `at` end (each ends with a byte below 0x80). Eight bytes at a
/// time: a common word's postings are mostly positions skipped (one byte each, and zeros where a
/// chunked shard came without them), and skipping them byte by byte was 8% of a two-word query's
/// instructions (`Fouad Hussein` over 10,000 synthetic articles).
#[inline(always)]
pub(crate) fn skip_varints(bytes: &[u8], mut at: usize, mut n: u32) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while n > 0 {
        let Some(eight) = bytes.get(at..at.saturating_add(8)) else { break };
        let word = u64::from_le_bytes(eight.try_into().ok()?);
        // A set high bit per byte that ends a varint, the first byte's lowest.
        let mut ends = !word & HIGH;
        let count = ends.count_ones();
        if count < n {
            n -= count;
            at += 8;
            continue;
        }
        // The n-th end is in these eight bytes: drop the n - 1 before it.
        for _ in 1..n {
            ends &= ends - 1;
        }
        return Some(at + ends.trailing_zeros() as usize / 8 + 1);
    }
    while n > 0 {
        let b = *bytes.get(at)?;
        at += 1;
        if b < 0x80 {
            n -= 1;
        }
    }
    Some(at)
}

/// Decodes the delta-encoded varints in `bytes[at..at + len]`, passing each running total to `f`
/// until it returns false.
#[inline(always)]
fn decode_deltas(bytes: &[u8], at: usize, len: usize, mut f: impl FnMut(u64) -> bool) {
    let end = at.saturating_add(len).min(bytes.len());
    let bytes = &bytes[..end];
    let mut at = at;
    let mut total = 0u64;
    while at < end {
        let Some(delta) = read_varint(bytes, &mut at) else { break };
        total = total.saturating_add(delta);
        if !f(total) {
            break;
        }
    }
}

/// Iterates over one term's postings.
pub(crate) struct Postings<'a> {
    term: u32,
    bytes: &'a [u8],
    at: usize,
    end: usize,
    doc: u32,
    first: bool,
}

impl Postings<'_> {
    /// Where the next posting would be read: the term's end once every posting has decoded.
    pub(crate) fn position(&self) -> usize {
        self.at
    }
}

impl Iterator for Postings<'_> {
    type Item = Posting;

    #[inline(always)]
    fn next(&mut self) -> Option<Posting> {
        if self.at >= self.end {
            return None;
        }
        let bytes = &self.bytes[..self.end];
        let delta = read_varint(bytes, &mut self.at)?;
        let doc = if self.first { delta } else { u64::from(self.doc) + delta };
        self.first = false;
        self.doc = u32::try_from(doc).ok()?;
        let head = read_varint(bytes, &mut self.at)?;
        let tf = u32::try_from(head >> 1).ok()?;
        let wtf2 = if head & 1 == 1 {
            u32::try_from(read_varint(bytes, &mut self.at)?).ok()?
        } else {
            tf.saturating_mul(2)
        };
        let ords_at = self.at;
        self.at = skip_varints(bytes, self.at, tf.saturating_mul(2))?;
        Some(Posting { term: self.term, doc: self.doc, wtf2, tf, ords_at, end: self.at })
    }
}

#[derive(Default)]
struct TermBuild {
    df: u32,
    last_doc: Option<u32>,
    bytes: Vec<u8>,
    /// Occurrences, and how many of them start with a capital letter.
    occurrences: u32,
    capitalised: u32,
}

/// FNV-1a: the index build hashes millions of short words, where SipHash's DoS resistance buys
/// nothing (the input is the corpus being built).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;
/// A set with the same hasher as [`FnvMap`].
pub(crate) type FnvSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<Fnv>>;

/// Encodes one article's occurrences of a term, each an (ordinal, offset) pair in increasing
/// order: the occurrence count and whether any sits outside a paragraph share one varint
/// (`tf << 1 | weighted`); the weighted term frequency follows only when it is not the plain
/// `2 * tf`; then the ordinals as deltas, then the offsets as deltas.
fn write_posting(out: &mut Vec<u8>, doc_delta: u32, wtf2: u32, occurrences: &[(u32, usize)]) {
    write_varint(u64::from(doc_delta), out);
    let tf = occurrences.len() as u64;
    let plain = u64::from(wtf2) == 2 * tf;
    write_varint(tf << 1 | u64::from(!plain), out);
    if !plain {
        write_varint(u64::from(wtf2), out);
    }
    let mut prev = 0u32;
    for &(ord, _) in occurrences {
        write_varint(u64::from(ord - prev), out);
        prev = ord;
    }
    let mut prev = 0usize;
    for &(_, off) in occurrences {
        write_varint((off - prev) as u64, out);
        prev = off;
    }
}

/// The index built one article at a time, in corpus order ([`SearchIndex::build`] adds them
/// all): a caller that is done with each article as it is added (the chunked writer, which cuts
/// it into an article chunk) never holds every article beside the index.
pub(crate) struct IndexBuilder<'a> {
    ids: FnvMap<String, u32>,
    builds: Vec<TermBuild>,
    doc_lens: Vec<u32>,
    /// Each article's outlet, numbered in the order first seen (`outlet_ids`), or [`NO_OUTLET`].
    doc_outlets: Vec<u32>,
    outlet_ids: FnvMap<String, u32>,
    /// The corpus's mentions, sorted by (article, start), and its number of entities.
    mentions: &'a [crate::entities::Mention],
    n_entities: usize,
    /// Each mention's field weight as an entity posting (0: none), for the mentions of the
    /// articles added so far.
    weights: Vec<u8>,
    /// This article's occurrences: (term id, ordinal, raw offset, field weight), grouped by
    /// sorting; and one term's positions (scratch, kept for their room).
    occurrences: Vec<(u32, u32, usize, u32)>,
    positions: Vec<(u32, usize)>,
    term: String,
}

impl<'a> IndexBuilder<'a> {
    /// An empty index over a corpus with these mentions (sorted by (article, start)) of
    /// `n_entities` entities.
    pub(crate) fn new(mentions: &'a [crate::entities::Mention], n_entities: usize) -> IndexBuilder<'a> {
        IndexBuilder {
            ids: FnvMap::default(),
            builds: Vec::new(),
            doc_lens: Vec::new(),
            doc_outlets: Vec::new(),
            outlet_ids: FnvMap::default(),
            mentions,
            n_entities,
            weights: Vec::with_capacity(mentions.len()),
            occurrences: Vec::new(),
            positions: Vec::new(),
            term: String::new(),
        }
    }

    /// Adds the next article of the corpus.
    pub(crate) fn add(&mut self, article: &Article) {
        let Ok(doc) = u32::try_from(self.doc_lens.len()) else { return };
        let IndexBuilder { ids, builds, occurrences, positions, term, .. } = self;
        occurrences.clear();
        each_word(article, term, |term, word| {
            let id = match ids.get(term) {
                Some(&id) => id,
                None => {
                    let id = builds.len() as u32;
                    ids.insert(term.to_string(), id);
                    builds.push(TermBuild::default());
                    id
                }
            };
            occurrences.push((id, word.ordinal, word.offset, word.weight2));
            let tb = &mut builds[id as usize];
            tb.occurrences = tb.occurrences.saturating_add(1);
            if word.capitalised {
                tb.capitalised = tb.capitalised.saturating_add(1);
            }
        });
        self.doc_lens.push(u32::try_from(occurrences.len()).unwrap_or(u32::MAX));
        occurrences.sort_unstable();
        let mut i = 0;
        while i < occurrences.len() {
            let id = occurrences[i].0;
            positions.clear();
            let mut wtf2 = 0u32;
            while i < occurrences.len() && occurrences[i].0 == id {
                positions.push((occurrences[i].1, occurrences[i].2));
                wtf2 = wtf2.saturating_add(occurrences[i].3);
                i += 1;
            }
            let tb = &mut builds[id as usize];
            let delta = tb.last_doc.map_or(doc, |last| doc - last);
            write_posting(&mut tb.bytes, delta, wtf2, positions);
            tb.last_doc = Some(doc);
            tb.df += 1;
        }
        let outlet = match article.outlet.as_ref().map(|o| o.name.as_str()) {
            None => NO_OUTLET,
            Some(name) => match self.outlet_ids.get(name) {
                Some(&o) => o,
                None => {
                    let o = self.outlet_ids.len() as u32;
                    self.outlet_ids.insert(name.to_string(), o);
                    o
                }
            },
        };
        self.doc_outlets.push(outlet);
        // The entity postings' weights of this article's mentions (and of any mention before
        // it not weighed yet: one of no article added, which is no posting).
        let to = self.mentions.partition_point(|m| m.article <= doc);
        for m in self.mentions.get(self.weights.len()..to).unwrap_or_default() {
            let weight = if m.article == doc {
                super::aliases::posting_weight(article, m, self.n_entities)
            } else {
                None
            };
            self.weights.push(weight.unwrap_or(0));
        }
    }

    /// The index of the articles added.
    pub(crate) fn finish(self, entities: &crate::entities::EntityData) -> SearchIndex {
        let IndexBuilder { ids, mut builds, doc_lens, doc_outlets, outlet_ids, mut weights, .. } = self;
        let mut sorted: Vec<(String, u32)> = ids.into_iter().collect();
        sorted.sort_unstable();
        let mut index = SearchIndex { doc_lens, ..SearchIndex::default() };
        // Outlets sorted, and each article's outlet renumbered into them.
        let mut outlets: Vec<(String, u32)> = outlet_ids.into_iter().collect();
        outlets.sort_unstable();
        let mut renumbered = vec![0u32; outlets.len()];
        for (new, (_, old)) in outlets.iter().enumerate() {
            renumbered[*old as usize] = new as u32;
        }
        index.outlets = outlets.into_iter().map(|(name, _)| name).collect();
        index.doc_outlets = doc_outlets
            .into_iter()
            .map(|o| if o == NO_OUTLET { NO_OUTLET } else { renumbered[o as usize] })
            .collect();
        let mut keys: FnvMap<String, Vec<u32>> = FnvMap::default();
        let mut stems: FnvMap<String, Vec<u32>> = FnvMap::default();
        // Sized once: growing by doubling would briefly hold up to twice the postings.
        index.postings.reserve_exact(builds.iter().map(|b| b.bytes.len()).sum());
        for (new_id, (term, old_id)) in sorted.into_iter().enumerate() {
            let tb = std::mem::take(&mut builds[old_id as usize]);
            index.posting_starts.push(index.postings.len() as u32);
            index.postings.extend_from_slice(&tb.bytes);
            index.doc_freq.push(tb.df);
            // Only names get transliteration variants: "met" must not find "meet", nor "then"
            // "thin". A name is a word mostly written with a capital.
            let is_name = u64::from(tb.capitalised) * 3 > u64::from(tb.occurrences) * 2;
            if is_name && term.chars().all(char::is_alphabetic) {
                keys.entry(text::translit_key(&term)).or_default().push(new_id as u32);
            }
            // Word forms only for ordinary words: "Hashed" (a name) is not "hash" in past tense.
            if let Some(stem) = super::stem::stem(&term).filter(|_| !is_name) {
                stems.entry(stem).or_default().push(new_id as u32);
            }
            index.terms.push(term);
        }
        drop(builds);
        index.posting_starts.push(index.postings.len() as u32);
        let mut keys: Vec<(String, Vec<u32>)> = keys.into_iter().collect();
        keys.sort_unstable();
        for (key, ids) in keys {
            index.translit_keys.push(key);
            index.translit_terms.push(ids);
        }
        let mut stems: Vec<(String, Vec<u32>)> = stems.into_iter().filter(|(_, ids)| ids.len() > 1).collect();
        stems.sort_unstable();
        for (stem, ids) in stems {
            index.stem_keys.push(stem);
            index.stem_terms.push(ids);
        }
        // Mentions of no article added are no postings.
        weights.resize(entities.mentions.len(), 0);
        index.entities = super::aliases::EntityPostings::build_weighed(&weights, entities);
        index
    }
}

impl SearchIndex {
    /// Builds the index over the articles' kept blocks (title, headings, captions, bullets,
    /// paragraphs; photo credits are not searched).
    pub fn build(articles: &[Article], entities: &crate::entities::EntityData) -> SearchIndex {
        let mut builder = IndexBuilder::new(&entities.mentions, entities.entities.len());
        articles.iter().for_each(|article| builder.add(article));
        builder.finish(entities)
    }

    /// Number of articles indexed.
    pub fn n_docs(&self) -> usize {
        self.doc_lens.len()
    }

    /// Approximate encoded bytes of each part of the index, for size reports.
    pub fn size_breakdown(&self) -> Vec<(&'static str, usize)> {
        let strings = |v: &[String]| v.iter().map(|s| s.len() + 1).sum::<usize>();
        let varints = |v: &[u32]| v.iter().map(|&n| varint_len(u64::from(n))).sum::<usize>();
        let mut offsets = 0;
        let mut ordinals = 0;
        let mut headers = 0;
        for id in 0..self.terms.len() as u32 {
            for p in self.postings(id) {
                let offs_at = self.offsets_at(&p);
                offsets += p.end - offs_at;
                ordinals += offs_at - p.ords_at;
                headers += varint_len(u64::from(p.tf) << 1) + 1;
            }
        }
        vec![
            ("postings: occurrence offsets", offsets),
            ("postings: occurrence ordinals", ordinals),
            ("postings: article deltas and counts (approx.)", headers),
            ("term dictionary", strings(&self.terms)),
            ("document frequencies", varints(&self.doc_freq)),
            ("posting starts", varints(&self.posting_starts)),
            ("article lengths", varints(&self.doc_lens)),
            ("transliteration keys", strings(&self.translit_keys)),
            ("transliteration groups", self.translit_terms.iter().map(|g| 1 + varints(g)).sum()),
            ("word-form stems", strings(&self.stem_keys)),
            ("word-form groups", self.stem_terms.iter().map(|g| 1 + varints(g)).sum()),
        ]
    }

    /// Number of distinct terms in the dictionary.
    pub fn n_terms(&self) -> usize {
        self.terms.len()
    }

    /// The id of a term, if the dictionary has it.
    pub(crate) fn term_id(&self, term: &str) -> Option<u32> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok().map(|i| i as u32)
    }

    /// The ids of all terms starting with `prefix` (a contiguous range of the sorted dictionary).
    pub(crate) fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        prefix_range(&self.terms, prefix)
    }

    /// The terms sharing a transliteration key.
    pub(crate) fn translit_group(&self, key: &str) -> &[u32] {
        match self.translit_keys.binary_search_by(|k| k.as_str().cmp(key)) {
            Ok(i) => self.translit_terms.get(i).map_or(&[][..], Vec::as_slice),
            Err(_) => &[],
        }
    }

    /// The terms that are forms of the same ordinary word as `stem` gives.
    pub(crate) fn stem_group(&self, stem: &str) -> &[u32] {
        match self.stem_keys.binary_search_by(|k| k.as_str().cmp(stem)) {
            Ok(i) => self.stem_terms.get(i).map_or(&[][..], Vec::as_slice),
            Err(_) => &[],
        }
    }

    /// Whether a term is a name (it has transliteration variants; see [`SearchIndex::build`]).
    pub(crate) fn is_name(&self, id: u32) -> bool {
        let term = self.term(id);
        term.chars().all(char::is_alphabetic) && self.translit_group(&text::translit_key(term)).contains(&id)
    }

    /// The terms whose transliteration key starts with `prefix`.
    pub(crate) fn translit_prefix_groups(&self, prefix: &str) -> impl Iterator<Item = &u32> {
        let range = prefix_range(&self.translit_keys, prefix);
        // A bundle may hold fewer groups than keys (it is validated, but reads never trust it).
        self.translit_terms.get(range).unwrap_or_default().iter().flatten()
    }

    pub(crate) fn term(&self, id: u32) -> &str {
        self.terms.get(id as usize).map_or("", String::as_str)
    }

    pub(crate) fn df(&self, id: u32) -> u32 {
        self.doc_freq.get(id as usize).copied().unwrap_or(0)
    }

    /// The postings of a term.
    pub(crate) fn postings(&self, id: u32) -> Postings<'_> {
        let start = self.posting_starts.get(id as usize).copied().unwrap_or(0) as usize;
        let end = self.posting_starts.get(id as usize + 1).copied().unwrap_or(0) as usize;
        let end = end.min(self.postings.len());
        Postings { term: id, bytes: &self.postings, at: start, end, doc: 0, first: true }
    }

    /// The occurrences, as (ordinal, offset) pairs in increasing order, of each of `terms` in
    /// `article` found by the walk that built the postings ([`each_word`]): for the article the
    /// postings number `doc`, exactly what [`SearchIndex::positions_into`] reads from them.
    pub(crate) fn positions_in(&self, article: &Article, terms: &[u32]) -> Vec<Vec<(u32, usize)>> {
        let wanted: FnvMap<&str, usize> = terms.iter().enumerate().map(|(i, &t)| (self.term(t), i)).collect();
        let mut out = vec![Vec::new(); terms.len()];
        each_word(article, &mut String::new(), |term, word| {
            if let Some(&i) = wanted.get(term) {
                out[i].push((word.ordinal, word.offset));
            }
        });
        out
    }

    /// The raw-file start offsets of a posting's occurrences, in increasing order.
    pub(crate) fn offsets(&self, p: &Posting) -> Vec<usize> {
        let mut out = Vec::with_capacity(p.tf as usize);
        self.offsets_into(p, &mut out);
        out
    }

    /// Appends a posting's occurrence offsets to `out` (so a caller can reuse one buffer).
    pub(crate) fn offsets_into(&self, p: &Posting, out: &mut Vec<usize>) {
        self.each_offset(p, |offset| out.push(offset));
    }

    /// Where a posting's occurrence offsets start in the arena (after its ordinals).
    fn offsets_at(&self, p: &Posting) -> usize {
        let bytes = self.postings.get(..p.end).unwrap_or_default();
        skip_varints(bytes, p.ords_at, p.tf).unwrap_or(p.end)
    }

    /// Calls `f` with each of a posting's occurrence offsets, in increasing order.
    pub(crate) fn each_offset(&self, p: &Posting, mut f: impl FnMut(usize)) {
        let offs_at = self.offsets_at(p);
        decode_deltas(&self.postings, offs_at, p.end.saturating_sub(offs_at), |v| {
            f(usize::try_from(v).unwrap_or(usize::MAX));
            true
        });
    }

    /// Calls `f` with each of a posting's occurrence ordinals, in increasing order, until it
    /// returns false.
    pub(crate) fn each_ordinal(&self, p: &Posting, mut f: impl FnMut(u32) -> bool) {
        let mut left = p.tf;
        decode_deltas(&self.postings, p.ords_at, p.end.saturating_sub(p.ords_at), |v| {
            left = left.saturating_sub(1);
            f(u32::try_from(v).unwrap_or(u32::MAX)) && left > 0
        });
    }

    /// Appends a posting's occurrence word ordinals to `out`, in increasing order.
    pub(crate) fn ordinals_into(&self, p: &Posting, out: &mut Vec<u32>) {
        self.each_ordinal(p, |o| {
            out.push(o);
            true
        });
    }

    /// Calls `f` with each of a posting's occurrences, as (ordinal, offset), in increasing order,
    /// until it returns false.
    pub(crate) fn each_position(&self, p: &Posting, mut f: impl FnMut(u32, usize) -> bool) {
        let end = p.end.min(self.postings.len());
        let bytes = &self.postings[..end];
        let (mut at_ord, mut at_off) = (p.ords_at, self.offsets_at(p));
        let (mut ord, mut off) = (0u64, 0u64);
        while at_off < end {
            let (Some(d_ord), Some(d_off)) =
                (read_varint(bytes, &mut at_ord), read_varint(bytes, &mut at_off))
            else {
                break;
            };
            ord = ord.saturating_add(d_ord);
            off = off.saturating_add(d_off);
            if !f(u32::try_from(ord).unwrap_or(u32::MAX), usize::try_from(off).unwrap_or(usize::MAX)) {
                break;
            }
        }
    }

    /// Appends a posting's occurrences as (ordinal, offset) pairs to `out`, in increasing order.
    pub(crate) fn positions_into(&self, p: &Posting, out: &mut Vec<(u32, usize)>) {
        self.each_position(p, |ord, off| {
            out.push((ord, off));
            true
        });
    }
}

fn prefix_range(sorted: &[String], prefix: &str) -> std::ops::Range<usize> {
    let lo = sorted.partition_point(|t| t.as_str() < prefix);
    let hi = lo + sorted[lo..].partition_point(|t| t.starts_with(prefix));
    lo..hi
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_and_stop_at_bad_bytes() {
        let mut bytes = Vec::new();
        for v in [0u64, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            write_varint(v, &mut bytes);
        }
        let mut at = 0;
        let back: Vec<u64> = std::iter::from_fn(|| read_varint(&bytes, &mut at)).collect();
        assert_eq!(back, [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX]);
        assert_eq!(read_varint(&[0x80, 0x80], &mut 0), None);
    }

    #[test]
    fn skipping_varints_eight_bytes_at_a_time_ends_where_reading_them_does() {
        // Varints of one to ten bytes, so ends fall at every place in an eight-byte word.
        let values: Vec<u64> =
            (0..300u64).map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (i % 64)).collect();
        let mut bytes = Vec::new();
        for &v in &values {
            write_varint(v, &mut bytes);
        }
        for start in 0..20 {
            let mut at = 0;
            for _ in 0..start {
                read_varint(&bytes, &mut at).unwrap();
            }
            for n in 0..=(values.len() - start) as u32 {
                let mut read = at;
                for _ in 0..n {
                    read_varint(&bytes, &mut read).unwrap();
                }
                assert_eq!(skip_varints(&bytes, at, n), Some(read), "{n} varints from varint {start}");
            }
            assert_eq!(skip_varints(&bytes, at, (values.len() - start) as u32 + 1), None, "past the end");
        }
    }

    /// A posting's positions, with its term.
    type TermPositions = (u32, Vec<(u32, usize)>);

    /// Every article's positions found again from its text, per term, against its postings.
    fn check_positions_found_again(index: &SearchIndex, articles: &[Article]) -> usize {
        let mut per_doc: Vec<Vec<TermPositions>> = vec![Vec::new(); articles.len()];
        for term in 0..index.n_terms() as u32 {
            for p in index.postings(term) {
                let mut positions = Vec::new();
                index.positions_into(&p, &mut positions);
                assert_eq!(positions.len(), p.tf as usize);
                per_doc[p.doc as usize].push((term, positions));
            }
        }
        let mut checked = 0;
        for (doc, expected) in per_doc.into_iter().enumerate() {
            let terms: Vec<u32> = expected.iter().map(|(t, _)| *t).collect();
            let found = index.positions_in(&articles[doc], &terms);
            for ((term, want), got) in expected.into_iter().zip(found) {
                assert_eq!(got, want, "article {doc}, term {:?}", index.term(term));
                checked += got.len();
            }
        }
        checked
    }

    #[test]
    fn positions_found_again_from_an_articles_text_are_its_postings_own() {
        for seed in [1, 7, 23] {
            let files = crate::synth::corpus(60, seed);
            let inputs: Vec<crate::SourceInput> = files
                .iter()
                .map(|(name, text)| crate::SourceInput { name, bytes: text.as_bytes() })
                .collect();
            let bundle = crate::build_bundle(&inputs, "").bundle;
            assert!(check_positions_found_again(&bundle.search, &bundle.articles) > 10_000);
        }
        // Names after "al"/"el" (sharing their ordinal), repeated articles, headings, captions,
        // numbers, punctuation glued to words, non-Latin letters.
        let raw = "Al-Kadhimi meets al al-Sadr\n\nBAGHDAD — Iraq's PM Mustafa al-Kadhimi met el-Sisi, \
                   al-Kadhimi's aides said. Al al al Sadr.\n\nمصطفى الكاظمي في بغداد 2020-08-20, 3.5% up.\n\n\
                   ## Heading: al-Hashd al-Shaabi\n\nThe U.S.-led coalition's (CJTF-OIR) e-mail... “quoted” word-word.\n";
        let bundle =
            crate::build_bundle(&[crate::SourceInput { name: "a.txt", bytes: raw.as_bytes() }], "").bundle;
        assert!(check_positions_found_again(&bundle.search, &bundle.articles) > 30);
    }

    #[test]
    fn prefix_ranges_cover_exactly_the_words_that_start_so() {
        let terms: Vec<String> = ["sha", "shaabi", "shammari", "shb", "shia"].map(String::from).to_vec();
        assert_eq!(prefix_range(&terms, "sha"), 0..3);
        assert_eq!(prefix_range(&terms, "shi"), 4..5);
        assert_eq!(prefix_range(&terms, "x"), 5..5);
        assert_eq!(prefix_range(&terms, ""), 0..5);
    }
}
