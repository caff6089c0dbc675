//! Shared helpers for the engine's tests (comparison, search, bundle and chunk tests) and the
//! comparison benchmark: the seed corpus, as built by the real pipeline (with or without the
//! knowledge base) and as a hand-built fixture of its seven articles (independent of the cleaner in use);
//! articles made of given paragraphs; long invented articles for the work bounds. The comparison
//! benchmark includes this file too (`#[path]`), so it must not use the test harness.

#![allow(dead_code)]

use std::path::PathBuf;

use parallax_engine::model::{Article, Block, BlockKind, Spanned};
use parallax_engine::{build_bundle, Bundle, SourceInput};

/// The seed corpus folder.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../corpus/raw")
}

/// Raw seed files as (name, text), in name order.
pub fn raw_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(corpus_dir())
        .expect("seed corpus folder")
        .filter_map(|e| e.ok())
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(e.path()).expect("seed file is UTF-8");
            (name, text)
        })
        .collect();
    files.sort();
    files
}

/// The seed corpus through the real pipeline (whatever cleaner is on the branch).
pub fn seed_bundle() -> Bundle {
    build_files(&raw_files(), "")
}

/// The curated entity knowledge base the explorer ships with (`corpus/entities.toml`).
pub fn seed_kb() -> String {
    std::fs::read_to_string(corpus_dir().join("../entities.toml")).expect("corpus/entities.toml")
}

/// The seed corpus through the real pipeline, with the curated knowledge base linking its entities.
pub fn seed_bundle_with_kb() -> Bundle {
    build_files(&raw_files(), &seed_kb())
}

/// A bundle built from (name, text) files by the real pipeline.
pub fn build_files(files: &[(String, String)], kb: &str) -> Bundle {
    let inputs: Vec<SourceInput<'_>> =
        files.iter().map(|(n, t)| SourceInput { name: n, bytes: t.as_bytes() }).collect();
    build_bundle(&inputs, kb).bundle
}

/// Headlines that open a second article inside a seed file.
const SECOND_TITLES: &[&str] = &[
    "Qaani in Baghdad to Resolve Internal Rifts",
    "French FM Says Iraq Should Not Be Dragged into Regional Conflicts",
];

/// Lines that are page furniture, not article text.
fn is_noise(line: &str) -> bool {
    matches!(line, "TT" | "-" | "Only $1/click" | "Submit Your Ad Here" | "Joyce Davis" | "Leave a Reply")
        || line.starts_with("| Welcome")
        || line.starts_with("Read more:")
        || line.starts_with("My history goes back")
        || line.starts_with("AFP with additional")
        || line.ends_with(" -")
        || line == "Monday, April 15, 2024"
}

/// The seven seed articles, cut by hand: each file split at its second headline, repeated
/// lines and page furniture dropped, every line a block with its raw offsets. Ids are
/// `000a`, `000b`, `001`, `002a`, `002b`, `003`, `004`.
pub fn seed_articles() -> Vec<Article> {
    let mut out = Vec::new();
    for (name, raw) in raw_files() {
        let prefix = &name[..3];
        let mut parts: Vec<Vec<Block>> = vec![Vec::new()];
        let mut seen = std::collections::HashSet::new();
        let mut offset = 0;
        for line in raw.split_inclusive('\n') {
            let trimmed = line.trim();
            let start = offset + (line.len() - line.trim_start().len());
            offset += line.len();
            if trimmed.is_empty() || is_noise(trimmed) {
                continue;
            }
            if SECOND_TITLES.contains(&trimmed) && !parts[0].is_empty() && parts.len() == 1 {
                parts.push(Vec::new());
                seen.clear();
            }
            if !seen.insert(trimmed.to_string()) {
                continue;
            }
            let part = parts.last_mut().expect("one part at least");
            let kind = if part.is_empty() { BlockKind::Title } else { BlockKind::Paragraph };
            part.push(Block {
                kind,
                text: trimmed.to_string(),
                start,
                end: start + trimmed.len(),
                credit: None,
            });
        }
        let many = parts.len() > 1;
        for (i, blocks) in parts.into_iter().enumerate() {
            let id = if many { format!("{prefix}{}", ['a', 'b'][i]) } else { prefix.to_string() };
            out.push(of_blocks(&id, &name, blocks));
        }
    }
    out
}

/// The raw text of a seed file.
pub fn raw_of(file: &str) -> String {
    std::fs::read_to_string(corpus_dir().join(file)).expect("seed file")
}

/// An article whose blocks are `paragraphs` (the first is the title), with raw offsets as if
/// joined by blank lines; its file is `<id>.txt`.
pub fn article<S: AsRef<str>>(id: &str, paragraphs: &[S]) -> Article {
    let mut blocks = Vec::new();
    let mut offset = 0;
    for (i, text) in paragraphs.iter().enumerate() {
        let text = text.as_ref();
        let kind = if i == 0 { BlockKind::Title } else { BlockKind::Paragraph };
        blocks.push(Block {
            kind,
            text: text.to_string(),
            start: offset,
            end: offset + text.len(),
            credit: None,
        });
        offset += text.len() + 2;
    }
    of_blocks(id, &format!("{id}.txt"), blocks)
}

/// An article of these blocks, titled by the first, with no outlet, byline or date.
fn of_blocks(id: &str, file: &str, blocks: Vec<Block>) -> Article {
    let title = blocks
        .first()
        .map(|b| Spanned { text: b.text.clone(), start: b.start, end: b.end })
        .unwrap_or_default();
    Article {
        id: id.to_string(),
        file: file.to_string(),
        title,
        outlet: None,
        byline: None,
        dateline: None,
        date: None,
        blocks,
        removed: Vec::new(),
    }
}

/// An article of about `n_bytes` of distinct news-like sentences (varied figures, places and
/// verbs), five to a paragraph; `seed` shifts the sentences (two seeds three apart share most).
pub fn long_article(id: &str, seed: usize, n_bytes: usize) -> Article {
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
