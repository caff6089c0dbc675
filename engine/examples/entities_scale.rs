//! Whether entity recognition costs more per article as the corpus grows: builds `parallax synth`
//! corpora of the sizes given, with the curated knowledge base as `parallax site` uses it, and
//! prints the entities stage's CPU time per article for each (about constant is linear; a rise
//! with the corpus means some step scans what earlier articles left behind, e.g. every known name).
//!
//! Usage: `cargo run --release -p parallax-engine --example entities_scale -- 10000 20000 30000`
//! (add `--features parallel` to time the stage as the CLI runs it, on every core).
//!
//! Times are CPU seconds of this process (Linux `/proc/self/stat`, 10 ms steps), so other jobs on a
//! shared machine do not inflate them; wall seconds are printed beside them.

use std::time::Instant;

use parallax_engine::{clean, entities, model, synth};

#[path = "support/process.rs"]
mod process;
use process::{cpu_seconds, peak_rss_kb};

const KB: &str = include_str!("../../corpus/entities.toml");

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![10_000, 20_000, 30_000] } else { sizes };
    let largest = sizes.iter().copied().max().unwrap_or(0);
    let files = synth::corpus(largest, 1);
    let repeated = clean::repeated_lines(files.iter().map(|(_, text)| text.as_bytes()));
    let config = clean::CleanConfig { repeated: Some(&repeated), ..clean::CleanConfig::default() };
    let mut articles: Vec<model::Article> = files
        .iter()
        .flat_map(|(name, text)| clean::clean_file_with(name, text.as_bytes(), &config).articles)
        .collect();
    drop(files);
    model::assign_ids(&mut articles);
    let (kb, _) = entities::KnowledgeBase::parse(KB);
    println!(
        "{:>7}  {:>8} {:>8} {:>10} {:>9} {:>10} {:>8}",
        "n", "CPU s", "wall s", "µs/article", "entities", "mentions", "peak MB"
    );
    for n in sizes {
        let slice = &articles[..n.min(articles.len())];
        let (cpu, wall) = (cpu_seconds(), Instant::now());
        let found = entities::EntityData::build(slice, &kb);
        let cpu = cpu_seconds() - cpu;
        let wall = wall.elapsed().as_secs_f64();
        println!(
            "{:>7}  {cpu:>8.2} {wall:>8.2} {:>10.0} {:>9} {:>10} {:>8}",
            slice.len(),
            cpu * 1e6 / slice.len().max(1) as f64,
            found.entities.len(),
            found.mentions.len(),
            peak_rss_kb() / 1024
        );
    }
}
