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

/// An article of `n_bytes` of distinct news-like sentences (varied figures, names and verbs).
fn long_article(id: &str, seed: usize, n_bytes: usize) -> Article {
    const VERBS: &[&str] =
        &["attacked", "visited", "closed", "reopened", "inspected", "guarded", "left", "reached"];
    const PLACES: &[&str] = &["Baghdad", "Basra", "Mosul", "Erbil", "Kirkuk", "Najaf", "Anbar", "Karbala"];
    let mut paragraphs = vec![format!("Long report {id}")];
    let mut size = 0;
    let mut i = seed;
    while size < n_bytes {
        let mut p = String::new();
        for _ in 0..5 {
            i += 1;
            p.push_str(&format!(
                "Convoy {} {} the base near {} on day {} with {} soldiers and {} trucks. ",
                i % 9_973,
                VERBS[i % VERBS.len()],
                PLACES[(i / 7) % PLACES.len()],
                i % 31 + 1,
                i % 500,
                i % 97
            ));
        }
        size += p.len();
        paragraphs.push(p.trim_end().to_string());
    }
    article(id, &paragraphs)
}

fn article(id: &str, paragraphs: &[String]) -> Article {
    use parallax_engine::model::{Block, BlockKind, Spanned};
    let mut blocks = Vec::new();
    let mut offset = 0;
    for (i, text) in paragraphs.iter().enumerate() {
        let kind = if i == 0 { BlockKind::Title } else { BlockKind::Paragraph };
        blocks.push(Block {
            kind,
            text: text.clone(),
            start: offset,
            end: offset + text.len(),
            credit: None,
        });
        offset += text.len() + 2;
    }
    let title = blocks
        .first()
        .map(|b| Spanned { text: b.text.clone(), start: b.start, end: b.end })
        .unwrap_or_default();
    Article {
        id: id.to_string(),
        file: format!("{id}.txt"),
        title,
        outlet: None,
        byline: None,
        dateline: None,
        date: None,
        blocks,
        removed: Vec::new(),
    }
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
