//! Prints the encoded bundle size and index statistics for a synthetic corpus:
//! `cargo run --release -p parallax-engine --example search_size -- 10000`.

use parallax_engine::{build_bundle, bundle, synth, SourceInput};

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let files = synth::corpus(n, 42);
    if std::env::args().any(|a| a == "--show") {
        println!("{}", files[0].1);
        return;
    }
    let raw_bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
    let built = build_bundle(&sources, "");
    let search = &built.bundle.search;
    let index_bytes = postcard::to_allocvec(search).map_or(0, |v| v.len());
    let encoded = bundle::encode(&built.bundle);
    println!("articles: {}", built.bundle.articles.len());
    println!("raw text: {:.1} MB", raw_bytes as f64 / 1e6);
    println!("dictionary: {} terms", search.n_terms());
    println!("search index (postcard): {:.1} MB", index_bytes as f64 / 1e6);
    for (part, bytes) in search.size_breakdown() {
        println!("  {part}: {:.2} MB", bytes as f64 / 1e6);
    }
    println!("whole bundle: {:.1} MB", encoded.len() as f64 / 1e6);
}
