//! The CLI's JSON shapes. They are a public interface (documented in the README), so they are
//! spelled out here rather than derived from the engine's internal types.

use anyhow::Result;
use parallax_engine::{BlockKind, Bundle};
use serde::Serialize;

/// `parallax export --json`.
#[derive(Serialize)]
pub struct Export<'a> {
    articles: Vec<ExportArticle<'a>>,
}

#[derive(Serialize)]
struct ExportArticle<'a> {
    id: &'a str,
    file: &'a str,
    title: &'a str,
    outlet: Option<&'a str>,
    byline: Option<&'a str>,
    dateline: Option<&'a str>,
    date: Option<&'a str>,
    captions: Vec<Caption<'a>>,
    blocks: Vec<ExportBlock<'a>>,
    removed: Vec<ExportRemoved<'a>>,
}

#[derive(Serialize)]
struct Caption<'a> {
    text: &'a str,
    credit: Option<&'a str>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct ExportBlock<'a> {
    kind: &'static str,
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct ExportRemoved<'a> {
    text: &'a str,
    reason: &'static str,
    start: usize,
    end: usize,
}

/// The cleaned corpus in the documented export schema.
pub fn export(bundle: &Bundle) -> Export<'_> {
    let articles = bundle
        .articles
        .iter()
        .map(|a| ExportArticle {
            id: &a.id,
            file: &a.file,
            title: &a.title.text,
            outlet: a.outlet.as_ref().map(|o| o.name.as_str()),
            byline: a.byline.as_ref().map(|b| b.text.as_str()),
            dateline: a.dateline.as_ref().map(|d| d.text.as_str()),
            date: a.date.as_deref(),
            captions: a
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Caption)
                .map(|b| Caption {
                    text: &b.text,
                    credit: b.credit.as_ref().map(|c| c.text.as_str()),
                    start: b.start,
                    end: b.end,
                })
                .collect(),
            blocks: a
                .body()
                .map(|b| ExportBlock { kind: b.kind.as_str(), text: &b.text, start: b.start, end: b.end })
                .collect(),
            removed: a
                .removed
                .iter()
                .map(|r| ExportRemoved {
                    text: &r.text,
                    reason: r.reason.label(),
                    start: r.start,
                    end: r.end,
                })
                .collect(),
        })
        .collect();
    Export { articles }
}

/// Prints a value as pretty JSON on stdout.
pub fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    serde_json::to_writer_pretty(&mut lock, value)?;
    use std::io::Write;
    writeln!(lock)?;
    Ok(())
}
