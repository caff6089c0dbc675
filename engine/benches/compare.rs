//! Comparison benchmarks: aligning two seed articles (sentences, scores, diffs, figures,
//! quotes, shared runs), a three-way comparison, and grouping the seed corpus and 10,000
//! synthetic articles into stories.

use criterion::{criterion_group, criterion_main, Criterion};
use parallax_engine::compare::compare;
use parallax_engine::entities::EntityData;
use parallax_engine::stories::stories;
use parallax_engine::{build_bundle, build_bundle_with, synth, Article, BuildOptions, SourceInput};

fn seed_articles() -> Vec<Article> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/raw");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
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
    let inputs: Vec<SourceInput<'_>> = files.iter().map(|(n, b)| SourceInput { name: n, bytes: b }).collect();
    build_bundle(&inputs, "").bundle.articles
}

fn bench(c: &mut Criterion) {
    let articles = seed_articles();
    let entities = EntityData::default();
    let find = |needle: &str| articles.iter().find(|a| a.blocks.iter().any(|b| b.text.contains(needle)));
    let (Some(a001), Some(a003), Some(a004)) =
        (find("Between August 4 and 18"), find("between August 4 and August 16"), find("2,500 US troops"))
    else {
        eprintln!("seed corpus not found; nothing to benchmark");
        return;
    };
    c.bench_function("compare 001 vs 003", |b| b.iter(|| compare(&[a001, a003], &entities)));
    c.bench_function("compare 001 vs 003 vs 004", |b| b.iter(|| compare(&[a001, a003, a004], &entities)));
    c.bench_function("stories over the seed corpus", |b| b.iter(|| stories(&articles, &entities)));

    // Story grouping at scale: sparse neighbours and a merge queue, seconds per run, so few samples.
    let files = synth::corpus(10_000, 1);
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
    let built = build_bundle_with(&sources, "", &BuildOptions { stories: false }).bundle;
    let mut group = c.benchmark_group("stories_10k");
    group.sample_size(10);
    group.bench_function("stories_10k", |b| b.iter(|| stories(&built.articles, &built.entities)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
