//! An index shard's postings on the wire (format 9): the bundle's postings taken apart into
//! columns, one per field, so each holds numbers of one kind and size, which gzip compresses far
//! better than the interleaved varints (article gaps, counts, word ordinals and byte offsets one
//! after another). The occurrences' positions (word ordinals and byte offsets) are a chunk of
//! their own ([`WirePositions`]), fetched only by a query that reads the positions of articles it
//! does not show (phrases, proximity); a one-word query's snippets find their hits' positions
//! again in their text (`SearchIndex::positions_in`). A byte offset is written as its distance
//! from where the word's ordinal says it should be (about six bytes a word), which is mostly one
//! byte where the offset's own gap is two. The reader puts the bundle's bytes back exactly, so a
//! search reads the same postings as over the single bundle; a shard that does not add up is an
//! error, never a panic.

use serde::{Deserialize, Serialize};

use super::Shard;
use crate::search::{read_varint, write_varint};

/// The most bytes a word may be expected to take, in sixteenths (a larger prediction is malformed).
const MAX_BYTES_PER_WORD16: u32 = 1 << 16;

/// A shard as written: per term its number of articles, then per article its gap from the one
/// before, its head (`tf << 1 | weighted`) and, when weighted, its weighted term frequency. Its
/// terms' positions are in the positions chunk of the same terms ([`WirePositions`]).
#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct WireShard {
    pub(super) docs: Vec<u32>,
    pub(super) doc_gaps: Vec<u32>,
    pub(super) heads: Vec<u64>,
    pub(super) weights: Vec<u32>,
}

/// A shard's positions as written ([`super::ChunkKind::Positions`]): per occurrence, in the
/// shard's order, its ordinal gap and its offset gap less what the ordinal gap predicts (zigzag):
/// the shard's own mean bytes per word, in sixteenths, times the ordinal gap.
#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct WirePositions {
    pub(super) bytes_per_word16: u32,
    pub(super) ordinal_gaps: Vec<u32>,
    pub(super) offset_residues: Vec<u64>,
}

/// Where a posting's positions come from when a shard is put back together: the positions
/// chunk, or (per term of the shard, counted from its first, and article) positions found some
/// other way, as (ordinal, offset) pairs; a posting with neither gets zeros.
pub(crate) type KnownPositions<'a> = &'a dyn Fn(u32, u32) -> Option<&'a [(u32, usize)]>;

impl WireShard {
    /// The wire form of a shard of the bundle's postings (as the index builder writes them: a
    /// term's bytes that stop mid-posting keep the postings before): its heads and its positions.
    pub(crate) fn of(shard: &Shard) -> (WireShard, WirePositions) {
        let mut wire = WireShard::default();
        let mut positions = WirePositions::default();
        for term in shard.starts.windows(2) {
            let bytes = shard.postings.get(term[0] as usize..term[1] as usize).unwrap_or_default();
            let mut at = 0;
            let mut docs = 0u32;
            while at < bytes.len() {
                let (mut column, mut places) = (WireShard::default(), WirePositions::default());
                if take_posting(&mut column, &mut places, bytes, &mut at).is_none() {
                    break;
                }
                wire.append(column);
                positions.ordinal_gaps.append(&mut places.ordinal_gaps);
                positions.offset_residues.append(&mut places.offset_residues);
                docs += 1;
            }
            wire.docs.push(docs);
        }
        // The offset column holds plain gaps so far: predict each from its ordinal gap.
        let words: u64 = positions.ordinal_gaps.iter().map(|&g| u64::from(g)).sum();
        let bytes: u64 = positions.offset_residues.iter().sum();
        let per_word16 = bytes.saturating_mul(16).saturating_add(words / 2).checked_div(words).unwrap_or(96);
        positions.bytes_per_word16 = u32::try_from(per_word16).unwrap_or(u32::MAX).min(MAX_BYTES_PER_WORD16);
        let k = i64::from(positions.bytes_per_word16);
        for (residue, &gap) in positions.offset_residues.iter_mut().zip(&positions.ordinal_gaps) {
            *residue = zigzag(i64::try_from(*residue).unwrap_or(i64::MAX) - predicted(k, gap));
        }
        (wire, positions)
    }

    fn append(&mut self, mut other: WireShard) {
        self.doc_gaps.append(&mut other.doc_gaps);
        self.heads.append(&mut other.heads);
        self.weights.append(&mut other.weights);
    }

    /// Whether every posting's count fits its article: an article holds no more occurrences of a
    /// term than it has words (`doc_lens`, the term directory's), so a forged count cannot make
    /// [`WireShard::assemble`] write billions of zero positions. Columns shorter than their counts
    /// are left to `assemble` to report.
    pub(crate) fn counts_fit(&self, doc_lens: &[u32]) -> Result<(), &'static str> {
        let (mut gaps, mut heads) = (self.doc_gaps.iter(), self.heads.iter());
        for &docs in &self.docs {
            let mut doc = 0u32;
            for i in 0..docs {
                let (Some(&gap), Some(&head)) = (gaps.next(), heads.next()) else { return Ok(()) };
                doc = if i == 0 { gap } else { doc.saturating_add(gap) };
                let words = doc_lens.get(doc as usize).ok_or("a posting names an article past the corpus")?;
                if head >> 1 > u64::from(*words) {
                    return Err("a posting counts more occurrences than its article has words");
                }
            }
        }
        Ok(())
    }

    /// How many occurrences its postings count (what its positions chunk must hold).
    pub(crate) fn occurrences(&self) -> u64 {
        self.heads.iter().map(|&h| h >> 1).fold(0u64, u64::saturating_add)
    }

    /// The shard it stands for in the bundle's encoding, byte for byte when `positions` (its
    /// positions chunk) is given; else each posting's positions are the ones `known` gives, or
    /// zeros. `Err` says why its columns do not add up.
    pub(crate) fn assemble(
        &self,
        first_term: u32,
        positions: Option<&WirePositions>,
        known: KnownPositions<'_>,
    ) -> Result<Shard, String> {
        let short = || "its postings' columns are shorter than their counts say".to_string();
        let k = i64::from(positions.map_or(0, |p| p.bytes_per_word16));
        if k > i64::from(MAX_BYTES_PER_WORD16) {
            return Err("its offsets' prediction is out of range".into());
        }
        let mut starts = Vec::with_capacity(self.docs.len() + 1);
        let mut postings = Vec::new();
        let (mut doc_gaps, mut heads, mut weights) =
            (self.doc_gaps.iter(), self.heads.iter(), self.weights.iter());
        let empty = WirePositions::default();
        let (mut ordinals, mut residues) = match positions {
            Some(p) => (p.ordinal_gaps.iter(), p.offset_residues.iter()),
            None => (empty.ordinal_gaps.iter(), empty.offset_residues.iter()),
        };
        let mut gaps: Vec<u32> = Vec::new();
        starts.push(0u32);
        for (t, &docs) in self.docs.iter().enumerate() {
            let term = first_term.saturating_add(u32::try_from(t).unwrap_or(u32::MAX));
            let mut doc = 0u32;
            for i in 0..docs {
                let gap = *doc_gaps.next().ok_or_else(short)?;
                doc = if i == 0 { gap } else { doc.saturating_add(gap) };
                write_varint(u64::from(gap), &mut postings);
                let &head = heads.next().ok_or_else(short)?;
                write_varint(head, &mut postings);
                if head & 1 == 1 {
                    write_varint(u64::from(*weights.next().ok_or_else(short)?), &mut postings);
                }
                let tf = usize::try_from(head >> 1).map_err(|_| short())?;
                if positions.is_none() {
                    let found = known(term, doc).filter(|found| found.len() == tf);
                    let (mut ord, mut off) = (0u32, 0usize);
                    for i in 0..tf {
                        let o = found.map_or(0, |f| f[i].0);
                        write_varint(u64::from(o.saturating_sub(ord)), &mut postings);
                        ord = o.max(ord);
                    }
                    for i in 0..tf {
                        let o = found.map_or(0, |f| f[i].1);
                        write_varint(o.saturating_sub(off) as u64, &mut postings);
                        off = o.max(off);
                    }
                    continue;
                }
                // Each occurrence takes an entry of both columns: a count past them is malformed.
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

    /// Each column encoded on its own (postcard), for benchmarks ([`super::anatomy`]).
    pub(crate) fn columns(&self) -> Vec<(&'static str, Vec<u8>)> {
        let enc = |value: &dyn super::erased::Encode| value.encode();
        vec![
            ("terms' article counts", enc(&self.docs)),
            ("article gaps", enc(&self.doc_gaps)),
            ("heads", enc(&self.heads)),
            ("weights", enc(&self.weights)),
        ]
    }
}

/// Reads one posting at `*at` into these (empty) columns.
fn take_posting(
    wire: &mut WireShard,
    places: &mut WirePositions,
    bytes: &[u8],
    at: &mut usize,
) -> Option<()> {
    wire.doc_gaps.push(u32::try_from(read_varint(bytes, at)?).ok()?);
    let head = read_varint(bytes, at)?;
    wire.heads.push(head);
    if head & 1 == 1 {
        wire.weights.push(u32::try_from(read_varint(bytes, at)?).ok()?);
    }
    let tf = usize::try_from(head >> 1).ok()?;
    for _ in 0..tf {
        places.ordinal_gaps.push(u32::try_from(read_varint(bytes, at)?).ok()?);
    }
    for _ in 0..tf {
        // A plain gap for now ([`WireShard::of`] predicts it once the shard's mean is known).
        places.offset_residues.push(read_varint(bytes, at).filter(|&g| i64::try_from(g).is_ok())?);
    }
    Some(())
}

impl WirePositions {
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
