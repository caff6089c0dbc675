//! Times story grouping (and publication dates) over a synthetic corpus, for profiling and the
//! issue's before/after numbers: `cargo run --release -p parallax-engine --example
//! stories_profile -- 10000`. Cleaning, entities and the index are built first and not timed.

use parallax_engine::{build_bundle_with, synth, BuildOptions, SourceInput};

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let files = synth::corpus(n, 1);
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
    let t = std::time::Instant::now();
    let built = build_bundle_with(&sources, "", &BuildOptions { stories: false });
    eprintln!("build without stories: {:?}", t.elapsed());
    let b = &built.bundle;
    let t = std::time::Instant::now();
    let stories = parallax_engine::stories::stories(&b.articles, &b.entities);
    eprintln!(
        "stories: {:?} ({} stories, {} with two or more articles)",
        t.elapsed(),
        stories.len(),
        stories.iter().filter(|s| s.articles.len() > 1).count()
    );
}
