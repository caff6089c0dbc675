//! Search benchmarks: query latency on the seed corpus and on 10,000 synthetic articles, index
//! build time at 10,000 articles, and (printed once) the encoded bundle size at 10,000 articles.
//!
//! `cargo bench -p parallax-engine --bench search -- --quick`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use parallax_engine::entities::EntityData;
use parallax_engine::search::SearchIndex;
use parallax_engine::{bundle, BuildOptions};

#[path = "support/mod.rs"]
mod support;

const QUERIES: &[&str] = &[
    "Kadhemi",
    "Fouad Hussein",
    "\"rocket attacks\"",
    "Hashed al-Sha",
    "Soleimanni",
    "Kadhimi -Biden outlet:asharq",
    "Iraq troops withdrawal",
];

fn bench(c: &mut Criterion) {
    let seed = support::seed_bundle("");
    let mut group = c.benchmark_group("query/seed");
    for q in QUERIES {
        group.bench_function(*q, |b| b.iter(|| seed.search.search(&seed.articles, black_box(q), 20)));
    }
    group.finish();

    let big = support::synthetic_bundle(10_000, 42, &BuildOptions::default());
    let encoded = bundle::encode(&big);
    let index_bytes = postcard::to_allocvec(&big.search).map_or(0, |v| v.len());
    eprintln!(
        "10,000 synthetic articles: bundle {:.1} MB, of which search index {:.1} MB ({} terms)",
        encoded.len() as f64 / 1e6,
        index_bytes as f64 / 1e6,
        big.search.n_terms()
    );
    let mut group = c.benchmark_group("query/synthetic-10k");
    for q in QUERIES.iter().chain(&[
        "Mustafa al-Kadhemi Pompeo talks",
        "Popular Mobilization",
        "Barzanni",
        "\"Popular Mobilization Forces\"",
        "\"of the\"",
    ]) {
        group.bench_function(*q, |b| b.iter(|| big.search.search(&big.articles, black_box(q), 20)));
    }
    group.finish();

    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("index/synthetic-10k", |b| {
        b.iter(|| SearchIndex::build(black_box(&big.articles), &EntityData::default()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
