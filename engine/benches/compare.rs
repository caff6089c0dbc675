//! Comparison benchmarks: aligning two seed articles (sentences, scores, diffs, figures,
//! quotes, shared runs), a three-way comparison, and grouping the seed corpus and 10,000
//! synthetic articles into stories.

use criterion::{criterion_group, criterion_main, Criterion};
use parallax_engine::compare::compare;
use parallax_engine::entities::EntityData;
use parallax_engine::stories::stories;
use parallax_engine::{build_bundle_with, BuildOptions, SourceInput};

#[path = "../tests/compare_support/mod.rs"]
mod compare_support;
#[path = "support/mod.rs"]
mod support;

use compare_support::{article, long_article};

fn bench(c: &mut Criterion) {
    // The seed as the explorer builds it (with the knowledge base), so the comparison reads the
    // articles' entity mentions as the page does.
    let kb =
        std::fs::read_to_string(compare_support::corpus_dir().join("../entities.toml")).unwrap_or_default();
    let bundle = support::seed_bundle(&kb);
    let articles = support::seed_bundle("").articles;
    let entities = EntityData::default();
    let find =
        |needle: &str| bundle.articles.iter().position(|a| a.blocks.iter().any(|b| b.text.contains(needle)));
    let (Some(a001), Some(a003), Some(a004)) =
        (find("Between August 4 and 18"), find("between August 4 and August 16"), find("2,500 US troops"))
    else {
        eprintln!("seed corpus not found; nothing to benchmark");
        return;
    };
    c.bench_function("compare 001 vs 003", |b| b.iter(|| bundle.compare(&[a001, a003])));
    c.bench_function("compare 001 vs 003 vs 004", |b| b.iter(|| bundle.compare(&[a001, a003, a004])));
    c.bench_function("stories over the seed corpus", |b| b.iter(|| stories(&articles, &entities)));

    // Story grouping at scale: sparse neighbours and a merge queue, seconds per run, so few samples.
    let built = support::synthetic_bundle(10_000, 1, &BuildOptions { stories: false });
    let mut group = c.benchmark_group("stories_10k");
    group.sample_size(10);
    group.bench_function("stories_10k", |b| b.iter(|| stories(&built.articles, &built.entities)));
    group.finish();
}

/// Issue 14's costs: two 500 KB articles, a line repeated 2,000 times in both, 1 MB of figures.
fn bounds(c: &mut Criterion) {
    let entities = EntityData::default();
    let mut group = c.benchmark_group("bounds");
    group.sample_size(10);
    let (x, y) = (long_article("x", 0, 500_000), long_article("y", 3, 500_000));
    group.bench_function("compare two 500 KB articles", |b| b.iter(|| compare(&[&x, &y], &entities)));
    let line =
        "“We will not allow any attack on the convoys of the coalition in Anbar,” Kadhimi said on Tuesday.";
    let mut lines = vec!["Repeated".to_string()];
    lines.extend(std::iter::repeat_n(line.to_string(), 2_000));
    let (r1, r2) = (article("r1", &lines), article("r2", &lines));
    group.bench_function("compare a line repeated 2,000 times", |b| {
        b.iter(|| compare(&[&r1, &r2], &entities))
    });
    let numbers: Vec<String> = (0..170_000).map(|i| format!("{}, ", i % 997)).collect();
    let text = format!("Figures\n\n14 fighters were held, then {}and 3.\n", numbers.concat());
    group.bench_function("entities on 1 MB of figures", |b| {
        b.iter(|| {
            build_bundle_with(
                &[SourceInput { name: "n.txt", bytes: text.as_bytes() }],
                "",
                &BuildOptions { stories: false },
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench, bounds);
criterion_main!(benches);
