//! Entity recognition throughput: the seed corpus once, and the seed corpus repeated into 10,000
//! articles (a stand-in for the synthetic generator until it lands on main).
//!
//! Run with `cargo bench -p parallax-engine --bench entities -- --quick`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use parallax_engine::clean::clean_file;
use parallax_engine::entities::{EntityData, KnowledgeBase};
use parallax_engine::model::{assign_ids, Article};

const KB: &str = include_str!("../../corpus/entities.toml");

fn seed_articles() -> Vec<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/raw");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut articles = Vec::new();
    for path in files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes = std::fs::read(&path).unwrap_or_default();
        articles.extend(clean_file(&name, &bytes).articles);
    }
    assign_ids(&mut articles);
    articles
}

fn bench(c: &mut Criterion) {
    let (kb, _) = KnowledgeBase::parse(KB);
    let seed = seed_articles();
    let bytes: usize = seed.iter().flat_map(|a| &a.blocks).map(|b| b.text.len()).sum();

    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("seed corpus", |b| b.iter(|| EntityData::build(&seed, &kb)));
    group.bench_function("parse knowledge base", |b| b.iter(|| KnowledgeBase::parse(KB)));
    group.bench_function("set-up (no articles)", |b| b.iter(|| EntityData::build(&[], &kb)));

    let many: Vec<Article> = seed.iter().cycle().take(10_000).cloned().collect();
    let many_bytes: usize = many.iter().flat_map(|a| &a.blocks).map(|b| b.text.len()).sum();
    group.throughput(Throughput::Bytes(many_bytes as u64));
    group.sample_size(10);
    group.bench_function("10,000 articles", |b| {
        b.iter_batched(|| (), |()| EntityData::build(&many, &kb), BatchSize::PerIteration)
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
