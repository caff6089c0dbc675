//! Runs the benchmark queries many times over a synthetic corpus, for profiling:
//! `cargo run --release -p parallax-engine --example search_profile -- 10000 200`, or with
//! queries of your own after the counts: `... -- 10000 200 '"of the"' Kadhemi`. Stories are
//! not built (search does not use them, and clustering 10,000 articles takes minutes).

use parallax_engine::{build_bundle_with, synth, BuildOptions, SourceInput};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let files = synth::corpus(n, 42);
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
    let t = std::time::Instant::now();
    let built = build_bundle_with(&sources, "", &BuildOptions { stories: false });
    eprintln!("build_bundle: {:?}", t.elapsed());
    let b = &built.bundle;
    let t = std::time::Instant::now();
    let index = parallax_engine::search::SearchIndex::build(&b.articles, &b.entities);
    eprintln!("SearchIndex::build: {:?} ({} terms)", t.elapsed(), index.n_terms());
    let mut queries: Vec<String> = args.collect();
    if let Ok(q) = std::env::var("QUERY") {
        queries.push(q);
    }
    if queries.is_empty() {
        queries = [
            "Kadhemi",
            "Kadhimi -Biden outlet:asharq",
            "Iraq troops withdrawal",
            "Soleimanni",
            "Hashed al-Sha",
            "\"Popular Mobilization Forces\"",
            "\"of the\"",
        ]
        .map(String::from)
        .to_vec();
    }
    for q in &queries {
        let q = q.as_str();
        let t = std::time::Instant::now();
        let mut total = 0;
        for _ in 0..rounds {
            total += b.search.search(&b.articles, q, 20).total;
        }
        eprintln!(
            "{q:32} {:>10.3} ms/query  ({} hits)",
            t.elapsed().as_secs_f64() * 1e3 / rounds as f64,
            total / rounds
        );
    }
}
