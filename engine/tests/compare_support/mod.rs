//! Shared helpers for the comparison tests: the seed corpus, as built by the real pipeline and
//! as a hand-built fixture of its seven articles (independent of the cleaner in use).

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
    let files = raw_files();
    let inputs: Vec<SourceInput<'_>> =
        files.iter().map(|(n, t)| SourceInput { name: n, bytes: t.as_bytes() }).collect();
    build_bundle(&inputs, "").bundle
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
            let title = &blocks[0];
            let id = if many { format!("{prefix}{}", ['a', 'b'][i]) } else { prefix.to_string() };
            out.push(Article {
                id,
                file: name.clone(),
                title: Spanned { text: title.text.clone(), start: title.start, end: title.end },
                outlet: None,
                byline: None,
                dateline: None,
                date: None,
                blocks,
                removed: Vec::new(),
            });
        }
    }
    out
}

/// The raw text of a seed file.
pub fn raw_of(file: &str) -> String {
    std::fs::read_to_string(corpus_dir().join(file)).expect("seed file")
}
