//! Bundle decoding benchmark: how long decoding takes on the seed corpus and on 10,000 synthetic
//! articles, and how much of it is validation ([`bundle::validate`]), which must stay small beside
//! the decoding itself. Prints medians; asserts nothing.
//!
//! `cargo bench -p parallax-engine --bench bundle` (set `PARALLAX_BENCH_N` for another size)

use std::time::{Duration, Instant};

use parallax_engine::{build_bundle, build_bundle_with, bundle, synth, BuildOptions, Bundle, SourceInput};

fn seed_bundle() -> Bundle {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/raw");
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
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, bytes)| SourceInput { name, bytes }).collect();
    build_bundle(&sources, include_str!("../../corpus/entities.toml")).bundle
}

fn synthetic_bundle(n: usize) -> Bundle {
    let files = synth::corpus(n, 42);
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
    build_bundle_with(&sources, "", &BuildOptions { stories: true }).bundle
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(rounds: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..rounds)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

fn report(name: &str, built: &Bundle, rounds: usize) {
    let bytes = bundle::encode(built);
    let decode = time(rounds, || bundle::decode(&bytes).map(|b| b.articles.len()));
    let decoded = bundle::decode(&bytes).expect("a fresh bundle decodes");
    let validate = time(rounds, || bundle::validate::bundle(&decoded));
    let share = validate.as_secs_f64() / decode.as_secs_f64() * 100.0;
    println!(
        "{name}: {} articles, {} KB: decode (with validation) {decode:.2?}, of which validation {validate:.2?} ({share:.0}%)",
        built.articles.len(),
        bytes.len() / 1024,
    );
}

fn main() {
    report("seed corpus", &seed_bundle(), 51);
    let n: usize = std::env::var("PARALLAX_BENCH_N").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    report(&format!("synthetic {n}"), &synthetic_bundle(n), 7);
}
