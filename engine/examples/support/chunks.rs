//! What the chunked-corpus examples share (`chunk_fetch`, `chunk_warm`): the benchmarks' queries
//! and a chunk read as the browser reads it.

use std::path::Path;

/// The benchmarks' query set, shared with the scale and search benchmarks (`bench/queries.txt`).
pub fn queries() -> Vec<&'static str> {
    include_str!("../../../bench/queries.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// A chunk's bytes from the folder `parallax site --chunks` wrote, gunzipped as the browser does
/// (the CLI compresses them).
pub fn read_chunk(dir: &Path, name: &str) -> Vec<u8> {
    let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("reading {name}: {e}"));
    if bytes.starts_with(&[0x1f, 0x8b]) {
        parallax_engine::ingest::gunzip(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
    } else {
        bytes
    }
}
