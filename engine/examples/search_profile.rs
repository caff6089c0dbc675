//! Runs the benchmark queries many times over a synthetic corpus, for profiling:
//! `cargo run --release -p parallax-engine --example search_profile -- 10000 200`.

use parallax_engine::{build_bundle, synth, SourceInput};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let files = synth::corpus(n, 42);
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
    let t = std::time::Instant::now();
    let built = build_bundle(&sources, "");
    eprintln!("build_bundle: {:?}", t.elapsed());
    let b = &built.bundle;
    let t = std::time::Instant::now();
    let index = parallax_engine::search::SearchIndex::build(&b.articles, &b.entities);
    eprintln!("SearchIndex::build: {:?} ({} terms)", t.elapsed(), index.n_terms());
    let only = std::env::var("QUERY").ok();
    let default_queries =
        ["Kadhemi", "Kadhimi -Biden outlet:asharq", "Iraq troops withdrawal", "Soleimanni", "Hashed al-Sha"];
    let queries: Vec<&str> = match &only {
        Some(q) => vec![q.as_str()],
        None => default_queries.to_vec(),
    };
    for q in queries {
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
