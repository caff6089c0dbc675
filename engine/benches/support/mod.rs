//! What the benchmarks and examples share: a folder of raw files read in name order and built into
//! a bundle (the seed corpus, or any folder), and a synthetic corpus built the same way. Included
//! with `#[path = "support/mod.rs"] mod support;` (examples: `"../benches/support/mod.rs"`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use parallax_engine::{build_bundle_with, synth, BuildOptions, Bundle, SourceInput};

/// The seed corpus folder (`corpus/raw`).
pub fn seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/raw")
}

/// The seed knowledge base.
pub const SEED_KB: &str = include_str!("../../../corpus/entities.toml");

/// Every file of `dir` as (name, bytes), in name order; unreadable entries are skipped and a
/// missing folder is empty.
pub fn read_folder(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    Some((e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).ok()?))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The files of `dir` built into a bundle with the knowledge base `kb` (TOML, may be empty).
pub fn build_folder(dir: &Path, kb: &str, options: &BuildOptions) -> Bundle {
    let files = read_folder(dir);
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, bytes)| SourceInput { name, bytes }).collect();
    build_bundle_with(&sources, kb, options).bundle
}

/// The seed corpus built with the knowledge base `kb`.
pub fn seed_bundle(kb: &str) -> Bundle {
    build_folder(&seed_dir(), kb, &BuildOptions::default())
}

/// `n` synthetic articles (`synth::corpus` with `seed`) built without a knowledge base.
pub fn synthetic_bundle(n: usize, seed: u64, options: &BuildOptions) -> Bundle {
    let files = synth::corpus(n, seed);
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
    build_bundle_with(&sources, "", options).bundle
}
