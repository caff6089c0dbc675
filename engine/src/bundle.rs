//! The corpus bundle: one versioned binary file holding the cleaned corpus, the search index,
//! entity data and stories. Built by the CLI, fetched and decoded by the browser app.
//!
//! Layout: `b"PARALLAX"` magic (8 bytes), format version (u32 LE), payload length (u64 LE),
//! CRC-32 of the payload (u32 LE), then the payload (postcard-encoded [`Bundle`]).
//! Decoding checks each in turn, so a wrong file, an unknown version, a truncated download and
//! flipped bits each get their own message; then [`validate`] checks that every offset, length
//! and id in the payload is in range, so a bundle that decodes is safe to read.

pub(crate) mod bytes;
pub mod steps;
pub mod validate;

use serde::{Deserialize, Serialize};

use crate::dates::PublicationDate;
use crate::entities::EntityData;
use crate::model::Article;
use crate::search::SearchIndex;
use crate::stories::Story;

/// The bytes every bundle starts with.
pub const MAGIC: &[u8; 8] = b"PARALLAX";
/// The format version this engine writes and reads. Bump it whenever [`Bundle`] changes shape.
pub const VERSION: u32 = 4;
const HEADER_LEN: usize = 8 + 4 + 8 + 4;

/// Everything the explorer needs, in one value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Cleaned articles with provenance.
    pub articles: Vec<Article>,
    /// The compiled search index.
    pub search: SearchIndex,
    /// Entities and mentions.
    pub entities: EntityData,
    /// Stories (groups of articles about the same events).
    pub stories: Vec<Story>,
    /// Each article's publication date (by article index), stated or estimated, with evidence.
    pub dates: Vec<Option<PublicationDate>>,
    /// Provenance of the articles that came from HTML, JSON or WARC files (plain-text articles
    /// have none: their offsets are their file's bytes).
    pub sources: Vec<crate::model::ArticleSource>,
}

impl Bundle {
    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The publication date of the article at `index`, where known.
    pub fn date_of(&self, index: usize) -> Option<&PublicationDate> {
        self.dates.get(index).and_then(Option::as_ref)
    }

    /// The times article `index` gives relative to its date ("yesterday", "last Tuesday", "three
    /// days ago") and its dates without a year ("on March 3"), placed in the calendar from its
    /// publication date, with that date's evidence; empty when the article has no date.
    pub fn times_of(&self, index: usize) -> Vec<crate::dates::relative::ResolvedTime> {
        let Some(article) = self.articles.get(index) else { return Vec::new() };
        let ordinal = u32::try_from(index).unwrap_or(u32::MAX);
        crate::dates::relative::times_of(article, ordinal, &self.entities, self.date_of(index))
    }

    /// Compares the articles at these indices (unknown ones are skipped), each with its stated or
    /// estimated publication date, so differing figures can be explained as changes over time,
    /// and its entity mentions, so names linked to one entity are one name to the alignment.
    pub fn compare(&self, indices: &[usize]) -> crate::compare::Comparison {
        let known: Vec<usize> = indices.iter().copied().filter(|&i| i < self.articles.len()).collect();
        let articles: Vec<&Article> = known.iter().map(|&i| &self.articles[i]).collect();
        let dates: Vec<Option<String>> = known.iter().map(|&i| self.date_of(i).map(|d| d.iso())).collect();
        let dates: Vec<Option<&str>> = dates.iter().map(Option::as_deref).collect();
        let mentions: Vec<&[crate::entities::Mention]> = known
            .iter()
            .map(|&i| u32::try_from(i).map_or(&[][..], |i| self.entities.mentions_in(i)))
            .collect();
        crate::compare::compare_dated(&articles, &mentions, &dates)
    }

    /// Where the article with this id came from, when it was not a plain-text file.
    pub fn source(&self, id: &str) -> Option<&crate::model::ArticleSource> {
        self.sources.iter().find(|s| s.article == id)
    }

    /// The articles, entities and stories, for [`SearchIndex::search_in`] (which applies the
    /// `entity:` and `story:` filters).
    pub fn corpus(&self) -> crate::search::Corpus<'_> {
        crate::search::Corpus { articles: &self.articles, entities: &self.entities, stories: &self.stories }
    }
}

/// Why a bundle could not be read. Each message says what the user can do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// The bytes do not start with the bundle magic (not a bundle, e.g. an HTML error page).
    NotABundle,
    /// A bundle written by another version of Parallax.
    UnknownVersion {
        /// The version found in the file.
        found: u32,
    },
    /// Fewer bytes than the header promises (an interrupted download).
    Truncated {
        /// Bytes the header promised.
        expected: u64,
        /// Bytes present.
        found: u64,
    },
    /// The checksum does not match: the bytes were altered.
    Corrupt,
    /// The checksum matched but the payload does not decode (a bug in the writer).
    Malformed(String),
    /// The payload decodes but does not hang together: an offset, length or id points outside
    /// what it refers to (see [`validate`]).
    Inconsistent(validate::Inconsistency),
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundleError::NotABundle => write!(f, "this file is not a Parallax corpus bundle (it does not start with the bundle signature); rebuild it with `parallax build`"),
            BundleError::UnknownVersion { found } => write!(f, "this corpus bundle has format version {found}, but this explorer reads version {VERSION}; rebuild the bundle with the same version of Parallax as the app"),
            BundleError::Truncated { expected, found } => write!(f, "the corpus bundle is incomplete ({found} of {expected} payload bytes); the download was probably interrupted, reload the page"),
            BundleError::Corrupt => write!(f, "the corpus bundle is corrupt (its checksum does not match); reload the page or rebuild the bundle"),
            BundleError::Malformed(why) => write!(f, "the corpus bundle could not be decoded ({why}); rebuild it with `parallax build`"),
            BundleError::Inconsistent(what) => write!(f, "the corpus bundle is damaged ({what}); it was altered or written by a faulty tool, so rebuild it with `parallax build`"),
        }
    }
}

impl std::error::Error for BundleError {}

/// Encodes a bundle into its versioned binary form.
///
/// The payload is written once, straight after the header, into a buffer sized beforehand: a
/// large corpus's bundle is never held twice, nor grown by doubling.
pub fn encode(bundle: &Bundle) -> Vec<u8> {
    // postcard only fails on writer errors or unsupported serde features; a Vec never fails and
    // our types use none of those, so an empty payload here would be a programming error.
    let header = |capacity: usize| {
        let mut out = Vec::with_capacity(HEADER_LEN + capacity);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&[0; 12]); // payload length and CRC-32, filled in below
        out
    };
    let size = postcard::experimental::serialized_size(bundle).unwrap_or(0);
    let mut out = postcard::to_extend(bundle, header(size)).unwrap_or_else(|_| header(0));
    let payload_len = (out.len() - HEADER_LEN) as u64;
    let crc = crc32(&out[HEADER_LEN..]);
    out[12..20].copy_from_slice(&payload_len.to_le_bytes());
    out[20..HEADER_LEN].copy_from_slice(&crc.to_le_bytes());
    out
}

/// Decodes a bundle, checking magic, version, length and checksum first.
pub fn decode(bytes: &[u8]) -> Result<Bundle, BundleError> {
    decode_payload(payload(bytes)?)
}

/// The checked payload of a bundle: magic, version, length and checksum. With [`decode_payload`]
/// this is [`decode`] in two steps, so a page can let the browser draw between them.
pub fn payload(bytes: &[u8]) -> Result<&[u8], BundleError> {
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        return Err(BundleError::NotABundle);
    }
    if bytes.len() < HEADER_LEN {
        return Err(BundleError::Truncated { expected: HEADER_LEN as u64, found: bytes.len() as u64 });
    }
    let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    if version != VERSION {
        return Err(BundleError::UnknownVersion { found: version });
    }
    let mut len = [0u8; 8];
    len.copy_from_slice(&bytes[12..20]);
    let expected = u64::from_le_bytes(len);
    let payload = &bytes[HEADER_LEN..];
    if (payload.len() as u64) < expected {
        return Err(BundleError::Truncated { expected, found: payload.len() as u64 });
    }
    let payload = &payload[..expected as usize];
    let crc = u32::from_le_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    if crc32(payload) != crc {
        return Err(BundleError::Corrupt);
    }
    Ok(payload)
}

/// Decodes and validates a payload [`payload`] has checked: [`steps::Opening`] with no budget,
/// so a page that opens a bundle a slice at a time gets the same bundle and the same errors.
pub fn decode_payload(payload: &[u8]) -> Result<Bundle, BundleError> {
    let mut opening = steps::Opening::new(payload)?;
    loop {
        if let Some(bundle) = opening.step(usize::MAX)? {
            return Ok(bundle);
        }
    }
}

/// CRC-32 (IEEE), eight bytes at a time ("slicing-by-8"). The tables (8 KB) are built on each call
/// rather than stored, so they cost the wasm nothing and each call about 2,000 steps; a bit at a
/// time took 0.4 s of a 22 MB bundle's 0.7 s decode, on the page's thread.
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    let mut table = [[0u32; 256]; 8];
    for n in 0..256u32 {
        let mut c = n;
        for _ in 0..8 {
            c = if c & 1 != 0 { (c >> 1) ^ 0xEDB8_8320 } else { c >> 1 };
        }
        table[0][n as usize] = c;
    }
    for n in 0..256 {
        for k in 1..8 {
            let prev = table[k - 1][n];
            table[k][n] = (prev >> 8) ^ table[0][(prev & 0xff) as usize];
        }
    }
    let mut crc = !0u32;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let lo = crc ^ u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
        let hi = u32::from_le_bytes([w[4], w[5], w[6], w[7]]);
        crc = table[7][(lo & 0xff) as usize]
            ^ table[6][((lo >> 8) & 0xff) as usize]
            ^ table[5][((lo >> 16) & 0xff) as usize]
            ^ table[4][(lo >> 24) as usize]
            ^ table[3][(hi & 0xff) as usize]
            ^ table[2][((hi >> 8) & 0xff) as usize]
            ^ table[1][((hi >> 16) & 0xff) as usize]
            ^ table[0][(hi >> 24) as usize];
    }
    for &b in words.remainder() {
        crc = (crc >> 8) ^ table[0][((crc ^ u32::from(b)) & 0xff) as usize];
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let built = crate::build_bundle(
            &[crate::SourceInput { name: "a.txt", bytes: b"Title\n\nBody text here.\n" }],
            "",
        );
        encode(&built.bundle)
    }

    #[test]
    fn the_bundle_is_the_header_then_the_postcard_payload() {
        let files = crate::synth::corpus(20, 3);
        let sources: Vec<crate::SourceInput<'_>> =
            files.iter().map(|(name, text)| crate::SourceInput { name, bytes: text.as_bytes() }).collect();
        let bundle = crate::build_bundle(&sources, "").bundle;
        let payload = postcard::to_allocvec(&bundle).unwrap();
        let mut expected = MAGIC.to_vec();
        expected.extend_from_slice(&VERSION.to_le_bytes());
        expected.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        expected.extend_from_slice(&crc32(&payload).to_le_bytes());
        expected.extend_from_slice(&payload);
        assert_eq!(encode(&bundle), expected);
    }

    #[test]
    fn a_bundle_round_trips() {
        let bytes = sample();
        let bundle = decode(&bytes).unwrap();
        assert_eq!(bundle.articles[0].title.text, "Title");
    }

    #[test]
    fn crc_matches_the_reference_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn crc_eight_bytes_at_a_time_equals_the_bitwise_definition() {
        let bitwise = |bytes: &[u8]| {
            let mut crc = !0u32;
            for &b in bytes {
                crc ^= u32::from(b);
                for _ in 0..8 {
                    crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
                }
            }
            !crc
        };
        let mut x = 0x2545_F491u32;
        let bytes: Vec<u8> = (0..300)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        // Every length, so every remainder after the eight-byte words and every alignment.
        for start in 0..9 {
            for end in start..bytes.len() {
                assert_eq!(crc32(&bytes[start..end]), bitwise(&bytes[start..end]), "{start}..{end}");
            }
        }
    }

    #[test]
    fn each_kind_of_bad_bytes_gets_its_own_error() {
        let good = sample();
        assert_eq!(decode(b"<!DOCTYPE html>"), Err(BundleError::NotABundle));
        let mut v2 = good.clone();
        v2[8] = 99;
        assert_eq!(decode(&v2), Err(BundleError::UnknownVersion { found: 99 }));
        assert!(matches!(decode(&good[..good.len() - 3]), Err(BundleError::Truncated { .. })));
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x55;
        assert_eq!(decode(&flipped), Err(BundleError::Corrupt));
        assert!(decode(&good[..5]).is_err());
    }
}
