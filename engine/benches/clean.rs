//! Cleaning speed: the whole seed corpus (5 files, 7 articles), and a 5 MB file of seed text to
//! show the cleaner stays linear on large input.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use parallax_engine::clean::clean_file;

fn seed_files() -> Vec<(String, Vec<u8>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/raw");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let bytes = std::fs::read(e.path()).ok()?;
                    Some((e.file_name().to_string_lossy().into_owned(), bytes))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn bench_clean(c: &mut Criterion) {
    let files = seed_files();
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    let mut group = c.benchmark_group("clean");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("seed_corpus", |b| {
        b.iter(|| {
            files.iter().map(|(name, bytes)| clean_file(name, black_box(bytes)).articles.len()).sum::<usize>()
        })
    });
    let mut big = Vec::new();
    while big.len() < 5 << 20 {
        for (_, bytes) in &files {
            big.extend_from_slice(bytes);
            big.extend_from_slice(b"\n\n\n");
        }
    }
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("five_megabytes", |b| {
        b.iter(|| clean_file("big.txt", black_box(&big)).articles.len())
    });
    group.finish();
}

criterion_group!(benches, bench_clean);
criterion_main!(benches);
