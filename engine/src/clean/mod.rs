//! Cleaning: raw scraped files in, articles with provenance out.
//!
//! PLACEHOLDER (walking skeleton): one article per file, first line the title, every other
//! non-empty line a paragraph. The real cleaner replaces this module.

use crate::model::{Article, Block, BlockKind, Diagnostic, Severity, Spanned};

/// What cleaning one file produced.
#[derive(Debug, Default)]
pub struct FileReport {
    /// Articles found in the file, in file order (ids not yet assigned).
    pub articles: Vec<Article>,
    /// What the cleaner has to say about the file.
    pub diagnostics: Vec<Diagnostic>,
}

/// Cleans one raw file into zero or more articles. Never panics, whatever the bytes.
pub fn clean_file(name: &str, bytes: &[u8]) -> FileReport {
    let mut report = FileReport::default();
    let Ok(raw) = std::str::from_utf8(bytes) else {
        report.diagnostics.push(Diagnostic {
            file: name.to_string(),
            severity: Severity::Error,
            message: "not UTF-8 text".into(),
        });
        return report;
    };
    let mut blocks = Vec::new();
    let mut offset = 0;
    for line in raw.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = offset + (line.len() - line.trim_start().len());
            let kind = if blocks.is_empty() { BlockKind::Title } else { BlockKind::Paragraph };
            blocks.push(Block { kind, text: trimmed.to_string(), start, end: start + trimmed.len(), credit: None });
        }
        offset += line.len();
    }
    let Some(first) = blocks.first() else {
        report.diagnostics.push(Diagnostic { file: name.to_string(), severity: Severity::Error, message: "empty file".into() });
        return report;
    };
    let title = Spanned { text: first.text.clone(), start: first.start, end: first.end };
    report.articles.push(Article {
        id: String::new(),
        file: name.to_string(),
        title,
        outlet: None,
        byline: None,
        dateline: None,
        date: None,
        blocks,
        removed: Vec::new(),
    });
    report
}
