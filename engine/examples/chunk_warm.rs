//! Warm search over a chunked corpus, natively: the engine's part of the scale benchmark's warm
//! column (`bench/scale/bench-scale.mjs`). One `chunked::Reader` answers every query in turn as
//! the explorer's results page asks (20 hits, the last word a prefix), fetching the chunks each
//! names from the folder (so shards and articles pile up as they do in the page), then runs it
//! ROUNDS times more with nothing left to fetch and prints per query the p50, p95 and slowest
//! search. Reads the `chunks/` folder `parallax site --chunks` wrote:
//! `cargo run --release -p parallax-engine --example chunk_warm -- SITE/chunks [ROUNDS (20)] [QUERY...]`.

use std::path::PathBuf;
use std::time::Instant;

use parallax_engine::chunked::{Reader, MANIFEST_NAME};
use parallax_engine::search::SearchOptions;

#[path = "support/chunks.rs"]
mod chunks;

fn percentile(sorted: &[f64], pct: usize) -> f64 {
    sorted[(pct * sorted.len()).div_ceil(100).max(1) - 1]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: chunk_warm SITE/chunks [ROUNDS] [QUERY...]"));
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20).max(1);
    let given: Vec<String> = args.collect();
    let queries: Vec<&str> =
        if given.is_empty() { chunks::queries() } else { given.iter().map(String::as_str).collect() };
    let mut reader = Reader::open(&chunks::read_chunk(&dir, MANIFEST_NAME)).expect("a valid manifest");
    let options = SearchOptions { limit: 20, prefix_last_word: true };
    println!("| query | hits | first (ms, fetching excluded) | p50 ms | p95 ms | max ms |");
    println!("| --- | --- | --- | --- | --- | --- |");
    let (mut p50s, mut worst) = (Vec::new(), 0f64);
    for query in queries {
        let mut first = std::time::Duration::ZERO;
        let total = loop {
            let started = Instant::now();
            let answer = reader.search(query, &options);
            first += started.elapsed();
            match answer {
                Ok(results) => break results.total,
                Err(needed) => {
                    for id in needed.chunks {
                        let bytes = chunks::read_chunk(&dir, &reader.chunk_name(id));
                        let started = Instant::now();
                        reader.add(id, &bytes).expect("a valid chunk");
                        first += started.elapsed();
                    }
                }
            }
        };
        let mut samples: Vec<f64> = (0..rounds)
            .map(|_| {
                let started = Instant::now();
                let results = reader.search(query, &options).expect("nothing left to fetch");
                std::hint::black_box(results);
                started.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        samples.sort_by(f64::total_cmp);
        let (p50, p95) = (percentile(&samples, 50), percentile(&samples, 95));
        p50s.push(p50);
        worst = worst.max(p95);
        println!(
            "| `{query}` | {total} | {:.2} | {p50:.2} | {p95:.2} | {:.2} |",
            first.as_secs_f64() * 1e3,
            samples[samples.len() - 1]
        );
    }
    p50s.sort_by(f64::total_cmp);
    println!(
        "\np50 (median of per-query medians) {:.2} ms, p95 (worst per-query) {worst:.2} ms",
        percentile(&p50s, 50)
    );
}
