//! Times every stage of a bundle build over synthetic corpora of doubling sizes, so a stage that
//! grows faster than the corpus shows as a per-doubling ratio well above 2:
//! `cargo run --release -p parallax-engine --example build_stages -- 2500 5000 10000 20000`.
//!
//! Stages are the ones `build_bundle` runs, in its order: the repeated-lines pre-pass, cleaning,
//! ids, entities, the search index, stories with dates, encoding. Cleaning is sequential here (the
//! CLI cleans on every core); the other stages are the same code the CLI runs.
//!
//! Times are CPU seconds of this process (Linux `/proc/self/stat`, 10 ms steps), so other jobs on a
//! shared machine do not inflate them; the last column is the peak resident memory so far.

use parallax_engine::{bundle, clean, dates, entities, model, search, stories, synth};

#[path = "support/process.rs"]
mod process;
use process::{cpu_seconds, peak_rss_kb};

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![2500, 5000, 10_000, 20_000] } else { sizes };
    let mut previous: Option<Vec<f64>> = None;
    println!(
        "{:>7}  {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}  {:>8}",
        "n", "repeated", "clean", "ids", "entities", "index", "stories", "encode", "CPU s"
    );
    for n in sizes {
        let files = synth::corpus(n, 1);
        let mut times = Vec::new();
        let mut lap = cpu_seconds();
        let mut mark = |times: &mut Vec<f64>| {
            let now = cpu_seconds();
            times.push(now - lap);
            lap = now;
        };
        let repeated = clean::repeated_lines(files.iter().map(|(_, text)| text.as_bytes()));
        mark(&mut times);
        let config = clean::CleanConfig { repeated: Some(&repeated), ..clean::CleanConfig::default() };
        let mut articles: Vec<model::Article> = files
            .iter()
            .flat_map(|(name, text)| clean::clean_file_with(name, text.as_bytes(), &config).articles)
            .collect();
        mark(&mut times);
        model::assign_ids(&mut articles);
        mark(&mut times);
        let kb = entities::KnowledgeBase::default();
        let found = entities::EntityData::build(&articles, &kb);
        mark(&mut times);
        let index = search::SearchIndex::build(&articles, &found);
        mark(&mut times);
        let grouped = stories::group(&articles, &found, &dates::OfficeTerms::default());
        mark(&mut times);
        let built = bundle::Bundle {
            articles,
            search: index,
            entities: found,
            stories: grouped.stories,
            dates: grouped.dates,
            sources: Vec::new(),
        };
        let bytes = bundle::encode(&built).len();
        mark(&mut times);
        let total: f64 = times.iter().sum();
        let cells: Vec<String> = times.iter().map(|t| format!("{t:>8.2}")).collect();
        println!(
            "{n:>7}  {}  {total:>8.2}   ({} MB bundle, peak RSS {} MB)",
            cells.join(" "),
            bytes / 1_000_000,
            peak_rss_kb() / 1024
        );
        if let Some(before) = &previous {
            let ratios: Vec<String> =
                times.iter().zip(before).map(|(t, b)| format!("{:>7.2}×", t / b.max(1e-6))).collect();
            println!("{:>7}  {}", "ratio", ratios.join(" "));
        }
        previous = Some(times);
    }
}
