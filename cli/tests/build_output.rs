//! A build's output bytes are a function of its input alone: the seed corpus and a synthetic one
//! give the bundle and the chunks recorded in `tests/golden/build_output.txt` (SHA-256 digests),
//! however the build spreads its work over cores or frees memory between stages. A change that
//! means to change the output refreshes the file with `UPDATE_EXPECT=1` and says why.

use std::path::Path;
use std::process::Command;

use parallax_engine::chunked::{self, Sizes};
use parallax_engine::site::sha256_hex;

/// `parallax <args>`, which must succeed.
fn parallax(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax")).args(args).output().expect("run parallax");
    assert!(out.status.success(), "parallax {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// Digests of a bundle file as `parallax build` wrote it, and of its chunked layout (the manifest
/// and every chunk's name and bytes, in order).
fn digests(label: &str, bundle_path: &Path) -> String {
    let bytes = std::fs::read(bundle_path).expect("the bundle parallax build wrote");
    let bundle = parallax_engine::bundle::decode(&bytes).expect("a bundle parallax build wrote decodes");
    let split = chunked::split_owned(bundle, &Sizes::default());
    let mut chunks = split.manifest.clone();
    for chunk in &split.chunks {
        chunks.extend_from_slice(chunk.name.as_bytes());
        chunks.extend_from_slice(&chunk.bytes);
    }
    format!(
        "{label} bundle {}\n{label} chunks {} ({} files)\n",
        sha256_hex(&bytes),
        sha256_hex(&chunks),
        split.chunks.len()
    )
}

#[test]
fn the_seed_and_a_synthetic_corpus_build_to_the_recorded_bytes() {
    let dir = std::env::temp_dir().join(format!("parallax-build-output-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/raw");
    parallax(&["build", seed, "-o", &path("seed.plx")]);
    parallax(&["synth", "300", "--seed", "7", "-o", &path("synth")]);
    parallax(&["build", &path("synth"), "-o", &path("synth.plx")]);
    let got = digests("seed", &dir.join("seed.plx")) + &digests("synth-300", &dir.join("synth.plx"));
    let _ = std::fs::remove_dir_all(&dir);
    let golden = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/build_output.txt");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(golden, &got).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(golden).unwrap_or_default();
    assert!(
        expected == got,
        "the build's output changed; if that is meant, rerun with UPDATE_EXPECT=1 and say why\nexpected:\n{expected}\ngot:\n{got}"
    );
}
