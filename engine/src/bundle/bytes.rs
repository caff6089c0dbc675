//! `#[serde(with = "crate::bundle::bytes")]` for a `Vec<u8>` field: written as a byte string and
//! read back in one copy. Postcard writes a byte string exactly as it writes a sequence of `u8`
//! (the length, then the bytes), so the stored bytes are the same either way; read as a sequence,
//! serde decodes and pushes the bytes one at a time, which for the search postings of a
//! 100-article collection held the page's thread 35 ms in one step of [`super::steps::Opening`].

use serde::de::{self, Deserializer, SeqAccess};
use serde::Serializer;

/// Writes `bytes` as a byte string.
pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_bytes(bytes)
}

/// Reads a byte string (or, from formats that write bytes as a list, a list of bytes).
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
    deserializer.deserialize_byte_buf(Bytes)
}

struct Bytes;

impl<'de> de::Visitor<'de> for Bytes {
    type Value = Vec<u8>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("bytes")
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Vec<u8>, E> {
        Ok(bytes.to_vec())
    }

    fn visit_byte_buf<E: de::Error>(self, bytes: Vec<u8>) -> Result<Vec<u8>, E> {
        Ok(bytes)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
        // A length hint is not trusted for more room than a few pages.
        let mut bytes = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
        while let Some(byte) = seq.next_element()? {
            bytes.push(byte);
        }
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct AsList {
        before: u32,
        bytes: Vec<u8>,
        after: String,
    }

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct AsBytes {
        before: u32,
        #[serde(with = "super")]
        bytes: Vec<u8>,
        after: String,
    }

    #[test]
    fn postcard_writes_the_same_bytes_as_for_a_list_and_each_reads_the_other() {
        for bytes in [vec![], vec![0, 127, 128, 255], (0..=255).cycle().take(70_000).collect()] {
            let list = AsList { before: 300, bytes: bytes.clone(), after: "end".into() };
            let as_bytes = AsBytes { before: 300, bytes, after: "end".into() };
            let written = postcard::to_allocvec(&list).unwrap();
            assert_eq!(postcard::to_allocvec(&as_bytes).unwrap(), written);
            assert_eq!(postcard::from_bytes::<AsBytes>(&written).unwrap(), as_bytes);
            assert_eq!(
                postcard::from_bytes::<AsList>(&postcard::to_allocvec(&as_bytes).unwrap()).unwrap(),
                list
            );
        }
    }

    #[test]
    fn a_byte_string_longer_than_its_payload_is_an_error() {
        let mut written =
            postcard::to_allocvec(&AsList { before: 1, bytes: vec![1, 2, 3], after: String::new() }).unwrap();
        written.truncate(3);
        assert!(postcard::from_bytes::<AsBytes>(&written).is_err());
    }

    #[test]
    fn json_reads_the_list_it_writes() {
        let value = AsBytes { before: 1, bytes: vec![0, 9, 255], after: "x".into() };
        let json = serde_json::to_string(&value).unwrap();
        assert_eq!(serde_json::from_str::<AsBytes>(&json).unwrap(), value);
    }
}
