//! Bundle decoding benchmark: how long decoding takes on the seed corpus and on 10,000 synthetic
//! articles, and how much of it is validation ([`bundle::validate`]), which must stay small beside
//! the decoding itself. Prints medians; asserts nothing.
//!
//! `cargo bench -p parallax-engine --bench bundle` (set `PARALLAX_BENCH_N` for another size)

use std::time::{Duration, Instant};

use parallax_engine::{bundle, BuildOptions, Bundle};

#[path = "support/mod.rs"]
mod support;

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
    report("seed corpus", &support::seed_bundle(support::SEED_KB), 51);
    let n: usize = std::env::var("PARALLAX_BENCH_N").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    report(&format!("synthetic {n}"), &support::synthetic_bundle(n, 42, &BuildOptions::default()), 7);
}
