//! Ingestion: any supported file in, articles with provenance out. Formats are told apart by
//! name and by content: saved web pages (`.html`, `.htm`, `.html.gz`), JSON Lines or JSON exports
//! of news scrapers (`.jsonl`, `.json`), web archives (`.warc`, `.warc.gz`) and plain text (every
//! other name; cleaned by [`crate::clean`]).

pub mod html;
pub mod jsonl;
pub mod warc;

use crate::clean::{self, CleanConfig};
use crate::model::{Article, ArticleSource, Diagnostic, Severity, SourceFormat};

/// What ingesting one file produced.
#[derive(Debug, Default)]
pub struct Ingested {
    /// The file's format, as detected.
    pub format: SourceFormat,
    /// Articles and, for non-text formats, their provenance (ids not yet assigned).
    pub articles: Vec<(Article, Option<ArticleSource>)>,
    /// What ingestion had to say about the file.
    pub diagnostics: Vec<Diagnostic>,
}

/// How many of a file's first bytes [`detect`] reads: a caller may keep just these for a report
/// once the file is cleaned.
pub const DETECT_BYTES: usize = 1024;

/// The format of a file, from its name and, for names that do not say, its first bytes.
pub fn detect(name: &str, bytes: &[u8]) -> SourceFormat {
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".gz").unwrap_or(&lower);
    if base.ends_with(".html") || base.ends_with(".htm") || base.ends_with(".xhtml") {
        return SourceFormat::Html;
    }
    if base.ends_with(".warc") {
        return SourceFormat::Warc;
    }
    if base.ends_with(".jsonl") || base.ends_with(".json") || base.ends_with(".ndjson") {
        return SourceFormat::Json;
    }
    let head = &bytes[..bytes.len().min(DETECT_BYTES)];
    let text = String::from_utf8_lossy(head);
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').to_ascii_lowercase();
    if start.starts_with("warc/1.") {
        SourceFormat::Warc
    } else if start.starts_with("<!doctype html") || start.starts_with("<html") {
        SourceFormat::Html
    } else {
        SourceFormat::Text
    }
}

/// Ingests one file: detects its format and extracts its articles. Never panics, whatever the bytes.
pub fn ingest(name: &str, bytes: &[u8], config: &CleanConfig<'_>) -> Ingested {
    if name.to_ascii_lowercase().ends_with(".gz") {
        let format = detect(name, &[]);
        return match gunzip(bytes) {
            Ok(plain) => {
                let mut got = ingest(name.get(..name.len() - 3).unwrap_or(name), &plain, config);
                for (article, _) in &mut got.articles {
                    article.file = name.to_string();
                }
                for d in &mut got.diagnostics {
                    d.file = name.to_string();
                }
                got.diagnostics.push(Diagnostic {
                    file: name.to_string(),
                    severity: Severity::Info,
                    message: "the file is gzip-compressed; raw offsets index the decompressed bytes".into(),
                });
                got
            }
            Err(why) => Ingested {
                format,
                articles: Vec::new(),
                diagnostics: vec![Diagnostic {
                    file: name.to_string(),
                    severity: Severity::Error,
                    message: format!("could not decompress the file: {why}; skipped it"),
                }],
            },
        };
    }
    let format = detect(name, bytes);
    let mut out = Ingested { format, ..Ingested::default() };
    match format {
        SourceFormat::Text => {
            let report = clean::clean_file_with(name, bytes, config);
            out.diagnostics = report.diagnostics;
            out.articles = report.articles.into_iter().map(|a| (a, None)).collect();
        }
        SourceFormat::Html => {
            let page = html::extract_page(&html::PageInput { name, bytes, charset: None, url: None });
            out.diagnostics = page.diagnostics;
            out.articles.extend(page.article.map(|(a, s)| (a, Some(s))));
        }
        SourceFormat::Json => {
            let got = jsonl::read(name, bytes);
            out.diagnostics = got.diagnostics;
            out.articles = got.articles.into_iter().map(|(a, s)| (a, Some(s))).collect();
        }
        SourceFormat::Warc => {
            let got = warc::read(name, bytes);
            out.diagnostics = got.diagnostics;
            out.articles = got.articles.into_iter().map(|(a, s)| (a, Some(s))).collect();
        }
    }
    out
}

/// Largest decompressed size accepted from a `.gz` file (a guard against compression bombs).
pub const MAX_GUNZIPPED: u64 = 1 << 30;

/// Decompresses gzip (one or more members), refusing more than [`MAX_GUNZIPPED`] bytes.
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut out = Vec::new();
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    match decoder.take(MAX_GUNZIPPED + 1).read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > MAX_GUNZIPPED => {
            Err(format!("it decompresses to more than {} MiB", MAX_GUNZIPPED >> 20))
        }
        Ok(_) => Ok(out),
        Err(e) if !out.is_empty() => {
            Err(format!("the gzip stream is damaged after {} bytes ({e})", out.len()))
        }
        Err(e) => Err(format!("it is not valid gzip ({e})")),
    }
}
