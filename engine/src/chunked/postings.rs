//! An index shard's postings on the wire (format 6): the bundle's postings taken apart into
//! columns, one per field, so each holds numbers of one kind and size, which gzip compresses far
//! better than the interleaved varints (article gaps, counts, word ordinals and byte offsets one
//! after another). A byte offset is written as its distance from where the word's ordinal says it
//! should be (about six bytes a word), which is mostly one byte where the offset's own gap is two.
//! The reader puts the bundle's bytes back exactly, so a search reads the same postings as over
//! the single bundle; a shard that does not add up is an error, never a panic.

use serde::{Deserialize, Serialize};

use super::Shard;
use crate::search::{read_varint, write_varint};

/// The most bytes a word may be expected to take, in sixteenths (a larger prediction is malformed).
const MAX_BYTES_PER_WORD16: u32 = 1 << 16;

/// A shard as written: per term its number of articles, then per article its gap from the one
/// before, its head (`tf << 1 | weighted`) and, when weighted, its weighted term frequency; per
/// occurrence its ordinal gap and its offset gap less what the ordinal gap predicts (zigzag): the
/// shard's own mean bytes per word, in sixteenths, times the ordinal gap.
#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct WireShard {
    pub(super) bytes_per_word16: u32,
    pub(super) docs: Vec<u32>,
    pub(super) doc_gaps: Vec<u32>,
    pub(super) heads: Vec<u64>,
    pub(super) weights: Vec<u32>,
    pub(super) ordinal_gaps: Vec<u32>,
    pub(super) offset_residues: Vec<u64>,
}

impl WireShard {
    /// The wire form of a shard of the bundle's postings (as the index builder writes them: a
    /// term's bytes that stop mid-posting keep the postings before).
    pub(crate) fn of(shard: &Shard) -> WireShard {
        let mut wire = WireShard::default();
        for term in shard.starts.windows(2) {
            let bytes = shard.postings.get(term[0] as usize..term[1] as usize).unwrap_or_default();
            let mut at = 0;
            let mut docs = 0u32;
            while at < bytes.len() {
                let mut column = WireShard::default();
                if column.take_posting(bytes, &mut at).is_none() {
                    break;
                }
                wire.append(column);
                docs += 1;
            }
            wire.docs.push(docs);
        }
        // The offset column holds plain gaps so far: predict each from its ordinal gap.
        let words: u64 = wire.ordinal_gaps.iter().map(|&g| u64::from(g)).sum();
        let bytes: u64 = wire.offset_residues.iter().sum();
        let per_word16 = bytes.saturating_mul(16).saturating_add(words / 2).checked_div(words).unwrap_or(96);
        wire.bytes_per_word16 = u32::try_from(per_word16).unwrap_or(u32::MAX).min(MAX_BYTES_PER_WORD16);
        let k = i64::from(wire.bytes_per_word16);
        for (residue, &gap) in wire.offset_residues.iter_mut().zip(&wire.ordinal_gaps) {
            *residue = zigzag(i64::try_from(*residue).unwrap_or(i64::MAX) - predicted(k, gap));
        }
        wire
    }

    /// Reads one posting at `*at` into these (empty) columns.
    fn take_posting(&mut self, bytes: &[u8], at: &mut usize) -> Option<()> {
        self.doc_gaps.push(u32::try_from(read_varint(bytes, at)?).ok()?);
        let head = read_varint(bytes, at)?;
        self.heads.push(head);
        if head & 1 == 1 {
            self.weights.push(u32::try_from(read_varint(bytes, at)?).ok()?);
        }
        let tf = usize::try_from(head >> 1).ok()?;
        for _ in 0..tf {
            self.ordinal_gaps.push(u32::try_from(read_varint(bytes, at)?).ok()?);
        }
        for _ in 0..tf {
            // A plain gap for now ([`WireShard::of`] predicts it once the shard's mean is known).
            self.offset_residues.push(read_varint(bytes, at).filter(|&g| i64::try_from(g).is_ok())?);
        }
        Some(())
    }

    fn append(&mut self, mut other: WireShard) {
        self.doc_gaps.append(&mut other.doc_gaps);
        self.heads.append(&mut other.heads);
        self.weights.append(&mut other.weights);
        self.ordinal_gaps.append(&mut other.ordinal_gaps);
        self.offset_residues.append(&mut other.offset_residues);
    }

    /// The shard it stands for, byte for byte, or why its columns do not add up.
    pub(crate) fn into_shard(self) -> Result<Shard, String> {
        let short = || "its postings' columns are shorter than their counts say".to_string();
        if self.bytes_per_word16 > MAX_BYTES_PER_WORD16 {
            return Err("its offsets' prediction is out of range".into());
        }
        let k = i64::from(self.bytes_per_word16);
        let mut starts = Vec::with_capacity(self.docs.len() + 1);
        let mut postings = Vec::new();
        let (mut doc_gaps, mut heads, mut weights) =
            (self.doc_gaps.iter(), self.heads.iter(), self.weights.iter());
        let (mut ordinals, mut residues) = (self.ordinal_gaps.iter(), self.offset_residues.iter());
        let mut gaps: Vec<u32> = Vec::new();
        starts.push(0u32);
        for &docs in &self.docs {
            for _ in 0..docs {
                write_varint(u64::from(*doc_gaps.next().ok_or_else(short)?), &mut postings);
                let &head = heads.next().ok_or_else(short)?;
                write_varint(head, &mut postings);
                if head & 1 == 1 {
                    write_varint(u64::from(*weights.next().ok_or_else(short)?), &mut postings);
                }
                // Each occurrence takes an entry of both columns: a count past them is malformed.
                let tf = usize::try_from(head >> 1).map_err(|_| short())?;
                if tf > ordinals.len() {
                    return Err(short());
                }
                gaps.clear();
                gaps.extend(ordinals.by_ref().take(tf));
                for &gap in &gaps {
                    write_varint(u64::from(gap), &mut postings);
                }
                for &gap in &gaps {
                    let residue = unzigzag(*residues.next().ok_or_else(short)?);
                    let offset = predicted(k, gap).checked_add(residue);
                    let offset = offset.and_then(|o| u64::try_from(o).ok());
                    let offset = offset.ok_or_else(|| "an offset gap is out of range".to_string())?;
                    write_varint(offset, &mut postings);
                }
            }
            starts.push(u32::try_from(postings.len()).map_err(|_| "a shard past 4 GB".to_string())?);
        }
        let left = doc_gaps.len() + heads.len() + weights.len() + ordinals.len() + residues.len();
        if left > 0 {
            return Err("its postings' columns hold more than their counts say".into());
        }
        Ok(Shard { starts, postings })
    }
}

impl WireShard {
    /// Each column encoded on its own (postcard), for benchmarks ([`super::anatomy`]).
    pub(crate) fn columns(&self) -> Vec<(&'static str, Vec<u8>)> {
        let enc = |value: &dyn super::erased::Encode| value.encode();
        let plain: Vec<u64> = self
            .ordinal_gaps
            .iter()
            .zip(&self.offset_residues)
            .map(|(&gap, &residue)| {
                (predicted(i64::from(self.bytes_per_word16), gap) + unzigzag(residue)).max(0) as u64
            })
            .collect();
        vec![
            ("terms' article counts", enc(&self.docs)),
            ("article gaps", enc(&self.doc_gaps)),
            ("heads", enc(&self.heads)),
            ("weights", enc(&self.weights)),
            ("ordinal gaps", enc(&self.ordinal_gaps)),
            ("offset residues", enc(&self.offset_residues)),
            ("offset gaps, unpredicted", enc(&plain)),
        ]
    }
}

/// The offset gap `ordinal_gap` words predict at `per_word16` sixteenths of a byte a word.
fn predicted(per_word16: i64, ordinal_gap: u32) -> i64 {
    (per_word16 * i64::from(ordinal_gap)) >> 4
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}
