//! Cleaning: raw scraped files in, articles with provenance out.
//!
//! A file is decoded ([`decode`]), split into non-blank lines with exact offsets, split into
//! articles (a file may hold several), and each article's lines are given roles: kept blocks
//! (title, captions with photo credits, headings, bullets, paragraphs) or removed noise with a
//! reason (duplicated headline block, house marker, "Read more:" links, adverts, site banner, page
//! date, author bio, comment form, lists of other headlines, credit line, navigation, share and
//! subscription prompts, legal footers, cookie notices, lines repeated across the corpus, text
//! outside the article). Metadata (outlet, byline, dateline, date) is read off those roles.
//!
//! A whole copied page (select-all and copy of a news page) is found by its main run of prose
//! (`content`): the maximum-sum run of line scores, where sentences score their length and short,
//! headline-shaped or furniture lines cost. The headline is the nearest headline-shaped line above
//! the run; what lies outside is removed with the reason its shape gives (`page`, `furniture`).
//! Stated metadata ("Posted by News Desk | July 27, 2021", "© 2021 Example News") is read by
//! `stated`. [`repeated_lines`] is the corpus pre-pass: a line in many files is furniture.
//!
//! Guarantees, whatever the bytes:
//! - never panics; bad input gives zero articles and a [`Diagnostic`] saying why;
//! - every kept block, caption credit and removed span satisfies `text == decoded[start..end]`,
//!   where `decoded` is [`decode::decode`]'s text, which is the raw bytes themselves for any valid
//!   UTF-8 file (CRLF and BOM included). Only repaired files (Latin-1, UTF-16, invalid UTF-8, UTF-8
//!   once read as Windows-1252) have offsets into the decoded text, and they carry a warning
//!   saying so;
//! - nothing is dropped silently: kept blocks, credits and removed spans (plus
//!   [`FileReport::noise`] when no article was found) cover every non-whitespace char of the file.
//!
//! The rules are general patterns (repetition, line shape, position, prefixes); the cue words and
//! the table of known outlets ([`outlets::KNOWN_OUTLETS`]) are data.
//!
//! ```
//! use parallax_engine::clean::clean_file;
//!
//! let raw = "| Welcome to Example News\n\nKadhimi Meets Biden\n\nBaghdad: The prime minister met the president.\n\nRead more: Other story\n";
//! let report = clean_file("a.txt", raw.as_bytes());
//! let article = &report.articles[0];
//! assert_eq!(article.title.text, "Kadhimi Meets Biden");
//! assert_eq!(article.outlet.as_ref().unwrap().name, "Example News");
//! assert_eq!(article.dateline.as_ref().unwrap().text, "Baghdad:");
//! assert_eq!(article.removed.len(), 2);
//! ```

mod article;
mod comments;
mod content;
pub(crate) mod dates;
pub mod decode;
mod furniture;
mod lines;
pub mod outlets;
mod page;
mod repeated;
mod rules;
mod segment;
mod stated;
mod teasers;

use crate::model::{Article, Diagnostic, NoiseKind, Removed, Severity};
use decode::Encoding;
pub use outlets::{KnownOutlet, KNOWN_OUTLETS};
pub use repeated::{repeated_lines, LineCounter, RepeatedLines};

/// What cleaning one file produced.
#[derive(Debug, Default)]
pub struct FileReport {
    /// Articles found in the file, in file order (ids not yet assigned).
    pub articles: Vec<Article>,
    /// What the cleaner has to say about the file.
    pub diagnostics: Vec<Diagnostic>,
    /// Removed spans that belong to no article: only non-empty when the file had no article text.
    pub noise: Vec<Removed>,
}

/// What the cleaner knows beyond the file: the outlets it can recognise, and the lines that recur
/// across the corpus.
#[derive(Debug, Clone, Copy)]
pub struct CleanConfig<'a> {
    /// Known outlets, their house markers and spellings.
    pub outlets: &'a [KnownOutlet],
    /// Lines that recur in many files of the corpus ([`repeated_lines`]): page furniture. `None`
    /// when the file is cleaned on its own.
    pub repeated: Option<&'a RepeatedLines>,
}

impl Default for CleanConfig<'_> {
    fn default() -> Self {
        CleanConfig { outlets: KNOWN_OUTLETS, repeated: None }
    }
}

/// Cleans one raw file into zero or more articles with the built-in outlet table. Never panics,
/// whatever the bytes.
///
/// Offsets are raw-file byte offsets for valid UTF-8 files. For files that had to be decoded
/// (Latin-1/Windows-1252, UTF-16, UTF-8 with invalid bytes replaced, or UTF-8 once read as
/// Windows-1252, "CafÃ©") they index the decoded UTF-8 text from [`decode::decode`], and the report
/// carries a warning saying so.
pub fn clean_file(name: &str, bytes: &[u8]) -> FileReport {
    clean_file_with(name, bytes, &CleanConfig::default())
}

/// Cleans one raw file with an explicit configuration (e.g. a larger outlet table).
pub fn clean_file_with(name: &str, bytes: &[u8], config: &CleanConfig<'_>) -> FileReport {
    let mut report = FileReport::default();
    let mut say = |severity, message: String| {
        report.diagnostics.push(Diagnostic { file: name.to_string(), severity, message });
    };
    let decoded = match decode::decode(bytes) {
        Ok(decoded) => decoded,
        Err(why) => {
            say(Severity::Error, why.to_string());
            return report;
        }
    };
    const OFFSETS: &str = "offsets refer to the decoded UTF-8 text, not the bytes on disk";
    match decoded.encoding {
        Encoding::Utf8 => {}
        Encoding::Utf8Lossy { replaced } => say(
            Severity::Warning,
            format!("the file is not valid UTF-8: replaced {replaced} invalid byte sequence(s) with “\u{fffd}”; {OFFSETS}"),
        ),
        Encoding::Windows1252 => say(
            Severity::Warning,
            format!("the file is not UTF-8; read it as Windows-1252 (Latin-1), check accented letters; {OFFSETS}"),
        ),
        Encoding::Utf16 => say(Severity::Warning, format!("the file is UTF-16; converted it to UTF-8; {OFFSETS}")),
        Encoding::Utf8ReadAsWindows1252 => say(
            Severity::Warning,
            format!("the file's text is UTF-8 once read as Windows-1252 (“Ã©” for “é”); repaired it; {OFFSETS}"),
        ),
    }
    let text: &str = &decoded.text;
    if let Some(page_title) = html_page(text) {
        let named = page_title.map(|t| format!(" (“{t}”)")).unwrap_or_default();
        say(
            Severity::Error,
            format!("the file is an HTML page{named}, not plain text; skipped it (save the article's text, e.g. from the browser's reader view, as a .txt file)"),
        );
        return report;
    }
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let (lines, endings) = lines::split_lines(text, bom);
    if lines.is_empty() {
        say(Severity::Error, "the file holds only whitespace; there is nothing to clean".into());
        return report;
    }
    if endings.crlf + endings.cr > 0 {
        say(
            Severity::Info,
            "the file has Windows (CRLF) or old Mac (CR) line endings; offsets still index the raw bytes"
                .into(),
        );
    }

    let mut orphans = Vec::new();
    if bom > 0 {
        orphans.push(Removed {
            text: text[..bom].to_string(),
            reason: NoiseKind::Markup,
            start: 0,
            end: bom,
        });
    }
    let starts = segment::article_starts(&lines, config.outlets);
    let mut page_outlet = None;
    let mut articles = Vec::new();
    let mut headline_only = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let ctx = article::SegmentContext {
            file: name,
            text,
            outlets: config.outlets,
            page_outlet: page_outlet.as_ref(),
            repeated: config.repeated,
        };
        let outcome = article::clean_segment(ctx, &lines[start..end]);
        if page_outlet.is_none() {
            page_outlet = outcome.banner.clone();
        }
        if outcome.headline_only {
            headline_only.push(lines[start].text);
        }
        match outcome.article {
            Some(article) => {
                if !looks_like_headline(&article.title.text) {
                    let short: String = article.title.text.chars().take(80).collect();
                    say(
                        Severity::Warning,
                        format!(
                            "no headline-shaped line found; used the first line as the title: “{short}…”"
                        ),
                    );
                }
                articles.push(article);
            }
            None => orphans.extend(outcome.orphans),
        }
    }
    for headline in headline_only.iter().filter(|_| !articles.is_empty()) {
        let short: String = headline.chars().take(80).collect();
        say(
            Severity::Warning,
            format!("skipped “{short}”: a headline-like line with no article text after it"),
        );
    }
    if articles.is_empty() {
        say(Severity::Warning, no_article_message(&orphans));
        report.noise = orphans;
    } else {
        for orphan in orphans {
            // Give each stray span to the article it follows (or the first, if it precedes all).
            let at = articles.iter().rposition(|a| a.title.start <= orphan.start).unwrap_or(0);
            articles[at].removed.push(orphan);
        }
        for article in &mut articles {
            article.removed.sort_by_key(|r| r.start);
        }
    }
    report.articles = articles;
    report
}

/// Headlines are short; a long sentence as the first line means the file has no headline.
fn looks_like_headline(title: &str) -> bool {
    let words = title.split_whitespace().take(41).count();
    words <= 40 && !(words > 20 && title.ends_with('.'))
}

fn no_article_message(orphans: &[Removed]) -> String {
    let mut kinds: Vec<&str> = orphans.iter().map(|r| r.reason.label()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    format!(
        "no article text found: every line looked like page furniture ({}); zero articles",
        if kinds.is_empty() { "nothing".to_string() } else { kinds.join(", ") }
    )
}

/// When the text is an HTML page: `Some(its <title>, if any)`.
fn html_page(text: &str) -> Option<Option<String>> {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if !head.starts_with('<') {
        return None;
    }
    let mut cut = head.len().min(4096);
    while !head.is_char_boundary(cut) {
        cut -= 1;
    }
    let lower = head[..cut].to_ascii_lowercase();
    // A page's text may open with a stray tag (a <noscript> fallback shown as text); a page
    // itself has a head, a body or a title.
    let is_html = lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || (lower.starts_with('<') && ["<head", "<body", "<title"].iter().any(|t| lower.contains(t)));
    if !is_html {
        return None;
    }
    let title = lower.find("<title").and_then(|at| {
        let open = at + lower[at..].find('>')? + 1;
        let close = open + lower[open..].find("</title")?;
        let t = head[open..close].trim();
        (!t.is_empty()).then(|| t.chars().take(100).collect())
    });
    Some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_pages_are_named_in_the_diagnostic() {
        let report = clean_file(
            "p.html",
            b"<!DOCTYPE html><html><head><title>Iraq news</title></head><body><p>x</p></body></html>",
        );
        assert!(report.articles.is_empty());
        assert!(
            report.diagnostics[0].message.contains("HTML page (“Iraq news”)"),
            "{:?}",
            report.diagnostics
        );
    }
}
