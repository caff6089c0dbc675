//! JSON Lines and JSON exports of news scrapers and databases (news-please, newspaper, Media
//! Cloud, and anything shaped like them): one article per record, fields read leniently.
//!
//! A file is a JSON array of records, an object holding one (`articles`, `data`, `results`,
//! `items`, `stories`, `records`), a single record, or one record per line. For each record the
//! first present field of each kind is used: text (`text`, `maintext`, `body`, `content`,
//! `articleBody`, `article_text`, `full_text`), title (`title`, `headline`), date (`date_publish`,
//! `published`, `date`, `publish_date`, `publication_date`, `datePublished`, `published_at`,
//! `pub_date`), outlet (`source`, `outlet`, `source_name`, `media_name`, `publisher`, `site_name`,
//! `source_domain`, `domain`), URL (`url`, `link`, `canonical_url`), authors (`authors`,
//! `author`, `byline`). A record without text, or whose text is not a string, is skipped with a
//! diagnostic naming it; the other records still build.
//!
//! An article's source text is its metadata lines then its paragraphs (the text split at line
//! breaks, whitespace collapsed); every segment maps to the raw bytes of the record's line (or of
//! the record's value in a JSON document).

use serde_json::{Map, Value};

use super::html::{host_of, meta::iso_date, SourceText};
use crate::model::{
    Article, ArticleSource, Attribution, Block, BlockKind, Diagnostic, Evidence, NoiseKind, Removed,
    Severity, SourceFormat,
};

const TEXT: &[&str] = &[
    "text",
    "maintext",
    "body",
    "content",
    "articleBody",
    "article_text",
    "full_text",
    "fulltext",
    "story_text",
];
const TITLE: &[&str] = &["title", "headline", "title_page"];
const DATE: &[&str] = &[
    "date_publish",
    "published",
    "date",
    "publish_date",
    "publication_date",
    "datePublished",
    "published_at",
    "pub_date",
    "publishedAt",
    "date_published",
];
const OUTLET: &[&str] =
    &["source", "outlet", "source_name", "media_name", "publisher", "site_name", "source_domain", "domain"];
const URL: &[&str] = &["url", "link", "canonical_url", "source_url", "url_canonical"];
const AUTHORS: &[&str] = &["authors", "author", "byline", "creator"];
const WRAPPERS: &[&str] = &["articles", "data", "results", "items", "stories", "records", "documents"];

/// What reading one JSON or JSON Lines file produced.
#[derive(Debug, Default)]
pub struct JsonOutcome {
    /// Articles with provenance (ids not yet assigned).
    pub articles: Vec<(Article, ArticleSource)>,
    /// One diagnostic per skipped record or line, and any about the file.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads every record of a JSON or JSON Lines file. Never panics, whatever the bytes.
pub fn read(name: &str, bytes: &[u8]) -> JsonOutcome {
    let mut out = JsonOutcome::default();
    let mut say = |severity, message: String| {
        out.diagnostics.push(Diagnostic { file: name.to_string(), severity, message });
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            say(
                Severity::Error,
                format!(
                    "the file is not UTF-8 text (invalid byte at {}); JSON must be UTF-8",
                    e.valid_up_to()
                ),
            );
            return out;
        }
    };
    let body = text.trim_start_matches('\u{feff}');
    let offset = text.len() - body.len();
    if body.trim().is_empty() {
        say(Severity::Error, "the file is empty; there are no records".into());
        return out;
    }
    // Records: (value, raw byte range, label).
    let mut records: Vec<(Value, (usize, usize), String)> = Vec::new();
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Array(items)) => {
            let range = (offset, text.len());
            records
                .extend(items.into_iter().enumerate().map(|(i, v)| (v, range, format!("record {}", i + 1))));
        }
        Ok(Value::Object(map)) => {
            let range = (offset, text.len());
            match WRAPPERS.iter().find_map(|w| map.get(*w).and_then(Value::as_array)) {
                Some(items) => records.extend(
                    items.iter().cloned().enumerate().map(|(i, v)| (v, range, format!("record {}", i + 1))),
                ),
                None => records.push((Value::Object(map), range, "record 1".into())),
            }
        }
        Ok(other) => {
            say(
                Severity::Error,
                format!("the file holds a single JSON {}, not article records", kind(&other)),
            );
            return out;
        }
        Err(_) => {
            let mut at = offset;
            for (n, line) in body.split_inclusive('\n').enumerate() {
                let start = at;
                at += line.len();
                let trimmed = line.trim();
                if trimmed.is_empty() {
                    continue;
                }
                let lead = line.len() - line.trim_start().len();
                let range = (start + lead, start + lead + trimmed.len());
                match serde_json::from_str::<Value>(trimmed) {
                    Ok(v) => records.push((v, range, format!("record on line {}", n + 1))),
                    Err(e) => {
                        say(Severity::Warning, format!("line {} is not valid JSON ({e}); skipped it", n + 1))
                    }
                }
            }
        }
    }
    if records.is_empty() {
        say(
            Severity::Error,
            "no JSON records found (expected JSON Lines, or a JSON array of records)".into(),
        );
        return out;
    }
    for (value, raw, label) in records {
        match record(name, &value, raw, &label) {
            Ok(article) => out.articles.push(article),
            Err(why) => out.diagnostics.push(Diagnostic {
                file: name.to_string(),
                severity: Severity::Warning,
                message: format!("{label}: {why}; skipped it"),
            }),
        }
    }
    out
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

/// The first of `keys` present in `map` (also matched case-insensitively).
fn field<'v>(map: &'v Map<String, Value>, keys: &[&str]) -> Option<(&'v str, &'v Value)> {
    keys.iter().find_map(|k| {
        map.get_key_value(*k)
            .or_else(|| map.iter().find(|(name, _)| name.eq_ignore_ascii_case(k)))
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k.as_str(), v))
    })
}

/// A name from a string, `{"name": ...}`, or a list of them.
fn names(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(m) => field(m, &["name", "title", "domain", "url"]).and_then(|(_, v)| names(v)),
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(names).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        _ => None,
    }
}

/// A date from an ISO string or a Unix timestamp (seconds or milliseconds).
fn date_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => iso_date(s),
        Value::Number(n) => {
            let mut secs = n.as_f64()?;
            if secs > 1e11 {
                secs /= 1000.0;
            }
            let days = (secs / 86400.0).floor() as i64;
            let (y, m, d) = civil_from_days(days);
            (1900..=2100).contains(&y).then(|| format!("{y:04}-{m:02}-{d:02}"))
        }
        Value::Object(m) => field(m, &["$date", "date", "value"]).and_then(|(_, v)| date_of(v)),
        _ => None,
    }
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn record(
    name: &str,
    value: &Value,
    raw: (usize, usize),
    label: &str,
) -> Result<(Article, ArticleSource), String> {
    let Value::Object(map) = value else {
        return Err(format!("is a JSON {}, not an object with article fields", kind(value)));
    };
    let (text_key, text_value) = field(map, TEXT).ok_or_else(|| {
        "has no article text (none of the fields text, maintext, body, content, articleBody)".to_string()
    })?;
    let text = match text_value {
        Value::String(s) => s.clone(),
        Value::Array(parts) if parts.iter().all(Value::is_string) => {
            parts.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n")
        }
        other => return Err(format!("field “{text_key}” is a {}, not text", kind(other))),
    };
    let paragraphs: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    if paragraphs.is_empty() {
        return Err(format!("field “{text_key}” is empty"));
    }
    let mut src = SourceText::default();
    let mut removed = Vec::new();
    let mut evidence = Vec::new();
    let title_text = field(map, TITLE).and_then(|(k, v)| Some((k, names(v)?)));
    let (title, title_key) = match &title_text {
        Some((k, t)) => (t.split_whitespace().collect::<Vec<_>>().join(" "), *k),
        None => {
            let first = &paragraphs[0];
            let cut = first.find(". ").map_or(first.len(), |i| i + 1);
            (first[..cut].chars().take(200).collect(), "first sentence")
        }
    };
    let title_span = src.line(&title, raw);
    let title_block = Block {
        kind: BlockKind::Title,
        text: title.clone(),
        start: title_span.0,
        end: title_span.1,
        credit: None,
    };
    evidence.push(Evidence {
        field: "title".into(),
        how: if title_text.is_some() {
            format!("the record's “{title_key}” field")
        } else {
            "the text's first sentence".into()
        },
    });
    let mut meta_line =
        |src: &mut SourceText, line: &str, field: &str, key: &str, removed: &mut Vec<Removed>| {
            let span = src.line(line, raw);
            removed.push(Removed {
                text: line.to_string(),
                reason: NoiseKind::PageMetadata,
                start: span.0,
                end: span.1,
            });
            evidence.push(Evidence { field: field.into(), how: format!("the record's “{key}” field") });
            span
        };
    let url = field(map, URL)
        .and_then(|(k, v)| Some((k, v.as_str()?.trim().to_string())))
        .filter(|(_, u)| !u.is_empty());
    let outlet = match field(map, OUTLET).and_then(|(k, v)| Some((k, names(v)?))) {
        Some((k, o)) => {
            let span = meta_line(&mut src, &o, "outlet", k, &mut removed);
            Some(Attribution {
                name: o,
                evidence: format!("the record's “{k}” field"),
                start: span.0,
                end: span.1,
            })
        }
        None => url.as_ref().and_then(|(k, u)| {
            let host = host_of(u)?;
            let span = meta_line(&mut src, &host, "outlet", k, &mut removed);
            Some(Attribution {
                name: host,
                evidence: format!("the record's “{k}” field's site"),
                start: span.0,
                end: span.1,
            })
        }),
    };
    let byline = field(map, AUTHORS).and_then(|(k, v)| Some((k, names(v)?))).map(|(k, b)| {
        let span = meta_line(&mut src, &b, "byline", k, &mut removed);
        src.spanned(span)
    });
    let date = field(map, DATE).and_then(|(k, v)| Some((k, date_of(v)?))).map(|(k, d)| {
        meta_line(&mut src, &d, "date", k, &mut removed);
        d
    });
    if let Some((k, u)) = &url {
        meta_line(&mut src, u, "url", k, &mut removed);
    }
    let mut blocks = vec![title_block];
    for p in &paragraphs {
        let span = src.line(p, raw);
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            text: p.clone(),
            start: span.0,
            end: span.1,
            credit: None,
        });
    }
    let article = Article {
        id: String::new(),
        file: name.to_string(),
        title: src.spanned(title_span),
        outlet,
        byline,
        dateline: None,
        date,
        blocks,
        removed,
    };
    let source = ArticleSource {
        article: String::new(),
        format: SourceFormat::Json,
        url: url.map(|(_, u)| u),
        record: Some(label.to_string()),
        payload_start: 0,
        segments: src.segments,
        unshown: Vec::new(),
        evidence,
    };
    Ok((article, source))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_timestamps_become_dates() {
        assert_eq!(date_of(&serde_json::json!(1627344000)).as_deref(), Some("2021-07-27"));
        assert_eq!(date_of(&serde_json::json!(1627344000000u64)).as_deref(), Some("2021-07-27"));
    }
}
