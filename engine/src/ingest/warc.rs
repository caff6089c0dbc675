//! Web archives (`.warc`, ISO 28500, 1.0 and 1.1): every HTML response (or resource) record is a
//! page, extracted like a saved page with the HTTP header's charset and the record's target URI.
//!
//! Provenance: an article's `record` names the WARC-Record-ID, and `payload_start` is the byte
//! offset of the HTTP body in the (decompressed) archive, so a segment's raw range plus
//! `payload_start` is a byte range of the archive. A record cut off by the end of the file, or
//! one without a readable header, is a diagnostic; reading resumes at the next `WARC/` header
//! and the other records still build.

use super::html::{extract_page, PageInput};
use crate::model::{Article, ArticleSource, Diagnostic, Severity, SourceFormat};

/// What reading one archive produced.
#[derive(Debug, Default)]
pub struct WarcOutcome {
    /// Articles with provenance (ids not yet assigned).
    pub articles: Vec<(Article, ArticleSource)>,
    /// Diagnostics about records and pages.
    pub diagnostics: Vec<Diagnostic>,
    /// HTML pages seen.
    pub pages: usize,
}

/// Reads every record of an (already decompressed) archive. Never panics, whatever the bytes.
pub fn read(name: &str, bytes: &[u8]) -> WarcOutcome {
    let mut out = WarcOutcome::default();
    let say = |out: &mut WarcOutcome, severity, message: String| {
        out.diagnostics.push(Diagnostic { file: name.to_string(), severity, message });
    };
    let mut pos = 0;
    let mut records = 0;
    while pos < bytes.len() {
        while pos < bytes.len() && matches!(bytes[pos], b'\r' | b'\n') {
            pos += 1;
        }
        if pos >= bytes.len() {
            break;
        }
        if !bytes[pos..].starts_with(b"WARC/") {
            say(
                &mut out,
                Severity::Warning,
                format!("byte {pos}: expected a WARC record header; skipped to the next one"),
            );
            match next_header(bytes, pos + 1) {
                Some(next) => {
                    pos = next;
                    continue;
                }
                None => break,
            }
        }
        let Some(head_end) =
            find(bytes, pos, b"\r\n\r\n").map(|e| e + 4).or_else(|| find(bytes, pos, b"\n\n").map(|e| e + 2))
        else {
            say(
                &mut out,
                Severity::Warning,
                format!("byte {pos}: the archive ends inside a record header; the record is lost"),
            );
            break;
        };
        let head = String::from_utf8_lossy(&bytes[pos..head_end]);
        let header = |key: &str| {
            head.lines().find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.trim().eq_ignore_ascii_case(key).then(|| v.trim().to_string())
            })
        };
        let id = header("WARC-Record-ID").unwrap_or_else(|| format!("at byte {pos}"));
        let Some(length) = header("Content-Length").and_then(|l| l.parse::<usize>().ok()) else {
            say(
                &mut out,
                Severity::Warning,
                format!("record {id} has no valid Content-Length; skipped to the next record"),
            );
            match next_header(bytes, head_end) {
                Some(next) => {
                    pos = next;
                    continue;
                }
                None => break,
            }
        };
        records += 1;
        let block_end = head_end.saturating_add(length);
        if block_end > bytes.len() {
            say(
                &mut out,
                Severity::Warning,
                format!("record {id} is cut off: it promises {length} bytes but the archive ends after {}; skipped it", bytes.len() - head_end),
            );
            break;
        }
        let kind = header("WARC-Type").unwrap_or_default().to_ascii_lowercase();
        let uri = header("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string());
        let content_type = header("Content-Type").unwrap_or_default().to_ascii_lowercase();
        let block = &bytes[head_end..block_end];
        let page = match kind.as_str() {
            "response" if content_type.contains("application/http") => http_body(block),
            "resource" if content_type.contains("html") => Some(HttpBody {
                body_start: 0,
                content_type: content_type.clone(),
                body: std::borrow::Cow::Borrowed(block),
                note: None,
            }),
            _ => None,
        };
        if let Some(page) = page
            .filter(|p| p.content_type.contains("html") || (p.content_type.is_empty() && looks_html(&p.body)))
        {
            out.pages += 1;
            if let Some(note) = &page.note {
                say(
                    &mut out,
                    Severity::Info,
                    format!("record {id}: {note}; raw offsets index the decoded body"),
                );
            }
            let charset = page
                .content_type
                .split(';')
                .find_map(|p| p.trim().strip_prefix("charset=").map(|c| c.trim_matches('"').to_string()));
            let extracted = extract_page(&PageInput {
                name,
                bytes: &page.body,
                charset: charset.as_deref(),
                url: uri.as_deref(),
            });
            for mut d in extracted.diagnostics {
                d.message = format!(
                    "record {id}{}: {}",
                    uri.as_deref().map(|u| format!(" ({u})")).unwrap_or_default(),
                    d.message
                );
                out.diagnostics.push(d);
            }
            if let Some((article, mut source)) = extracted.article {
                source.format = SourceFormat::Warc;
                source.record = Some(format!("record {id}"));
                source.payload_start = head_end + page.body_start;
                out.articles.push((article, source));
            }
        }
        pos = block_end;
    }
    if records == 0 {
        say(
            &mut out,
            Severity::Error,
            "no WARC records found (the file does not start with a WARC/1.x header)".into(),
        );
    } else if out.pages == 0 {
        say(&mut out, Severity::Warning, format!("the archive's {records} record(s) hold no HTML page"));
    }
    out
}

struct HttpBody<'a> {
    body_start: usize,
    content_type: String,
    body: std::borrow::Cow<'a, [u8]>,
    note: Option<&'static str>,
}

/// The HTTP response in a record's block: its body (de-chunked and decompressed if need be).
fn http_body(block: &[u8]) -> Option<HttpBody<'_>> {
    let end =
        find(block, 0, b"\r\n\r\n").map(|e| e + 4).or_else(|| find(block, 0, b"\n\n").map(|e| e + 2))?;
    let head = String::from_utf8_lossy(&block[..end]).to_ascii_lowercase();
    let header = |key: &str| {
        head.lines().find_map(|l| l.strip_prefix(key).map(|v| v.trim_start_matches(':').trim().to_string()))
    };
    let content_type = header("content-type").unwrap_or_default();
    let mut body = std::borrow::Cow::Borrowed(&block[end..]);
    let mut note = None;
    if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        if let Some(plain) = dechunk(&body) {
            body = std::borrow::Cow::Owned(plain);
            note = Some("the HTTP body was chunked");
        }
    }
    if header("content-encoding").is_some_and(|e| e.contains("gzip")) {
        if let Ok(plain) = super::gunzip(&body) {
            body = std::borrow::Cow::Owned(plain);
            note = Some("the HTTP body was gzip-compressed");
        }
    }
    Some(HttpBody { body_start: end, content_type, body, note })
}

fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut pos = 0;
    loop {
        let line_end = find(body, pos, b"\r\n")?;
        let size_text = String::from_utf8_lossy(&body[pos..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        pos = line_end + 2;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(pos..pos.checked_add(size)?)?);
        pos += size + 2;
    }
}

fn looks_html(body: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&body[..body.len().min(512)]).to_ascii_lowercase();
    head.contains("<html") || head.contains("<!doctype html")
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|i| from + i)
}

/// The next `WARC/` at the start of a line, at or after `from`.
fn next_header(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let hit = find(bytes, at, b"WARC/")?;
        if hit == 0 || bytes[hit - 1] == b'\n' {
            return Some(hit);
        }
        at = hit + 1;
    }
}
