//! Helpers shared by the cleaner's integration tests: the provenance checks and a readable dump.

#![allow(dead_code)]

use parallax_engine::clean::{decode, FileReport};
use parallax_engine::model::Article;

/// The seed corpus, sorted by file name.
pub fn seed_files() -> Vec<(String, Vec<u8>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/raw");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("corpus/raw exists")
        .map(|e| {
            let path = e.expect("readable dir entry").path();
            let name = path.file_name().expect("file name").to_string_lossy().into_owned();
            (name, std::fs::read(&path).expect("readable seed file"))
        })
        .collect();
    files.sort();
    files
}

/// Asserts the provenance invariants: every block, credit and removed span is an exact slice of
/// the decoded file, on char boundaries; kept and removed spans never overlap; and together they
/// cover every non-whitespace char of the file.
pub fn check_provenance(name: &str, bytes: &[u8], report: &FileReport) {
    let Ok(decoded) = decode::decode(bytes) else {
        assert!(report.articles.is_empty(), "{name}: rejected bytes gave articles");
        assert!(!report.diagnostics.is_empty(), "{name}: rejected without a diagnostic");
        return;
    };
    let text: &str = &decoded.text;
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    let mut add = |start: usize, end: usize, got: &str, what: String| {
        assert!(start <= end && end <= text.len(), "{name}: {what} {start}..{end} out of range");
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{name}: {what} not on char boundaries"
        );
        assert_eq!(&text[start..end], got, "{name}: {what} text differs from the raw slice");
        spans.push((start, end, what));
    };
    for article in &report.articles {
        let t = &article.title;
        assert_eq!(&text[t.start..t.end], t.text, "{name}: title");
        for b in &article.blocks {
            add(b.start, b.end, &b.text, format!("{:?} block", b.kind));
            if let Some(c) = &b.credit {
                add(c.start, c.end, &c.text, "credit".into());
            }
        }
        for r in &article.removed {
            add(r.start, r.end, &r.text, format!("removed {:?}", r.reason));
        }
        for s in [&article.byline, &article.dateline].into_iter().flatten() {
            assert_eq!(&text[s.start..s.end], s.text, "{name}: byline/dateline");
        }
    }
    for r in &report.noise {
        add(r.start, r.end, &r.text, format!("file noise {:?}", r.reason));
    }
    spans.sort();
    for pair in spans.windows(2) {
        assert!(pair[0].1 <= pair[1].0, "{name}: {} and {} overlap", pair[0].2, pair[1].2);
    }
    let mut covered = vec![false; text.len()];
    for (s, e, _) in &spans {
        covered[*s..*e].iter_mut().for_each(|c| *c = true);
    }
    if report.articles.is_empty() && report.noise.is_empty() {
        assert!(!report.diagnostics.is_empty(), "{name}: no articles and no diagnostic");
        return;
    }
    for (i, c) in text.char_indices() {
        assert!(
            covered[i] || c.is_whitespace(),
            "{name}: {c:?} at {i} dropped silently: …{}…",
            context(text, i)
        );
    }
}

fn context(text: &str, at: usize) -> &str {
    let mut s = at.saturating_sub(30);
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = (at + 30).min(text.len());
    while !text.is_char_boundary(e) {
        e += 1;
    }
    &text[s..e]
}

/// A readable dump of an article: metadata, then each kept block and removed span in file order.
pub fn dump(article: &Article) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "== {} [{}]", article.title.text, article.file);
    let outlet = article.outlet.as_ref().map(|o| format!("{} ({})", o.name, o.evidence));
    let _ = writeln!(out, "outlet: {}", outlet.as_deref().unwrap_or("-"));
    let _ = writeln!(out, "byline: {}", article.byline.as_ref().map_or("-", |s| s.text.as_str()));
    let _ = writeln!(out, "dateline: {}", article.dateline.as_ref().map_or("-", |s| s.text.as_str()));
    let _ = writeln!(out, "date: {}", article.date.as_deref().unwrap_or("-"));
    let mut rows: Vec<(usize, String)> = Vec::new();
    for b in &article.blocks {
        let credit = b.credit.as_ref().map(|c| format!("  [credit: {}]", c.text)).unwrap_or_default();
        rows.push((b.start, format!("  {:<9} {}{credit}", b.kind.as_str(), short(&b.text))));
    }
    for r in &article.removed {
        rows.push((r.start, format!("  - {:<22} {}", r.reason.label(), short(&r.text))));
    }
    rows.sort_by_key(|r| r.0);
    for (_, row) in rows {
        let _ = writeln!(out, "{row}");
    }
    out
}

fn short(s: &str) -> String {
    let mut chars = s.chars();
    let head: String = chars.by_ref().take(90).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
