//! A fast hasher for the engine's internal hash maps, the ones keyed by integers and short strings
//! (term keys, entity ids, article indices) that a build probes millions of times.
//!
//! std's default (SipHash with a random key) resists collision attacks, which these maps do not
//! need: their keys come from the corpus being built, their contents are never iterated into an
//! output in hash order (outputs sort first), and the worst an unlucky input can do is slow one
//! build down. FxHash (Firefox's, and rustc's own for years) is a rotate, an xor and a multiply
//! per word, several times faster on short keys.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash: each word of input is mixed in with a rotate, an xor and a multiply by an odd
/// constant; `finish` rotates so the well-mixed high bits reach the low bits the table indexes by.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

/// The multiplier of FxHash (an odd constant with well-spread bits).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            // The length keeps "a" and "a\0" apart.
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

/// Builds [`FxHasher`]s (every one the same: no random key).
pub type FxBuildHasher = BuildHasherDefault<FxHasher>;
/// A `HashMap` hashed with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, FxBuildHasher>;
/// A `HashSet` hashed with [`FxHasher`].
pub type FxHashSet<T> = HashSet<T, FxBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    fn hash(value: impl std::hash::Hash) -> u64 {
        FxBuildHasher::default().hash_one(value)
    }

    #[test]
    fn equal_keys_hash_alike_and_near_keys_apart() {
        assert_eq!(hash("kadhimi"), hash(String::from("kadhimi")));
        assert_ne!(hash("kadhimi"), hash("kadhemi"));
        assert_ne!(hash("a"), hash("a\0"));
        assert_ne!(hash(1u32), hash(2u32));
        assert_ne!(hash((1u32, 2u32)), hash((2u32, 1u32)));
    }

    #[test]
    fn a_map_of_many_short_keys_finds_every_one() {
        let mut map: FxHashMap<String, usize> = FxHashMap::default();
        for i in 0..20_000 {
            map.insert(format!("t{i}"), i);
        }
        assert_eq!(map.len(), 20_000);
        assert!((0..20_000).all(|i| map.get(&format!("t{i}")) == Some(&i)));
    }
}
