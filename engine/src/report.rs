//! The per-file build report: for each input file, what was kept, cleaned away or rejected, and
//! why. `parallax site` writes it into `report.json`; the browser's import shows the same entries,
//! so a reader sees the same verdict on a file whichever way they built their collection.
//!
//! ```
//! use parallax_engine::{build_bundle, report, SourceInput};
//!
//! let sources = [SourceInput { name: "a.txt", bytes: b"A Title Line\n\nA first paragraph that says something.\n" }];
//! let built = build_bundle(&sources, "");
//! let files = report::file_reports(&sources, &[], &built);
//! assert_eq!(files[0].status, "ok");
//! assert_eq!(files[0].articles[0].title, "A Title Line");
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::{Built, Severity, SourceInput};

/// Files of one format: how many, how many articles, how many rejected and why.
#[derive(Serialize, Deserialize, Default, Debug, Clone, PartialEq, Eq)]
pub struct FormatCount {
    /// Files of this format.
    pub files: usize,
    /// Articles found in them.
    pub articles: usize,
    /// Files that gave no article.
    pub rejected: usize,
    /// Why files were rejected: the first error (or warning) of each, counted.
    #[serde(default)]
    pub why_rejected: BTreeMap<String, usize>,
}

/// What became of one input file.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    /// The file's name (relative path) as given to the build.
    pub file: String,
    /// `text`, `html`, `json` or `warc`, as detected from the name and content.
    #[serde(default)]
    pub format: String,
    /// `ok`, `repaired` (kept, with warnings) or `rejected` (no article).
    pub status: String,
    /// The articles found in it.
    pub articles: Vec<ArticleRef>,
    /// Removed spans by reason.
    pub removed: BTreeMap<String, usize>,
    /// What the build said about the file.
    pub diagnostics: Vec<Note>,
}

/// The per-file part of a report (what the browser's import keeps with a collection): `report.json`'s
/// `files` and `other`, same types, same verdicts.
#[derive(Serialize, Deserialize, Debug, Clone, Default, PartialEq, Eq)]
pub struct FilesReport {
    /// One entry per file, by name.
    pub files: Vec<FileReport>,
    /// Diagnostics about no input file.
    #[serde(default)]
    pub other: Vec<Note>,
}

/// One article found in a file.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct ArticleRef {
    /// The article's id (its slug in the explorer's links).
    pub id: String,
    /// Its title.
    pub title: String,
}

/// One diagnostic: `note`, `warning` or `error`, and its sentence.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// `note`, `warning` or `error`.
    pub severity: String,
    /// What was found, as a sentence.
    pub message: String,
}

/// The word a report uses for a severity.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Info => "note",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

/// The detected format's name (`text` when the engine is built without `ingest`), from a file's
/// name and first bytes (the first [`crate::ingest::DETECT_BYTES`] are enough).
pub fn format_of(name: &str, bytes: &[u8]) -> &'static str {
    #[cfg(feature = "ingest")]
    return crate::ingest::detect(name, bytes).as_str();
    #[cfg(not(feature = "ingest"))]
    {
        let _ = (name, bytes);
        crate::model::SourceFormat::Text.as_str()
    }
}

/// One entry per file, sorted by name: every source the build was given, then every file that
/// could not be read (`unreadable`: name and why), which is reported as rejected with that reason.
pub fn file_reports(
    sources: &[SourceInput<'_>],
    unreadable: &[(String, String)],
    built: &Built,
) -> Vec<FileReport> {
    let formats: Vec<(&str, &'static str)> =
        sources.iter().map(|s| (s.name, format_of(s.name, s.bytes))).collect();
    file_reports_of(&formats, unreadable, built)
}

/// [`file_reports`] for files whose formats were read as they were ([`format_of`]): each file's
/// name and format, so a caller that streams its files keeps a name, not their first bytes, per
/// file until the build ends.
pub fn file_reports_of(
    files: &[(&str, &'static str)],
    unreadable: &[(String, String)],
    built: &Built,
) -> Vec<FileReport> {
    // Articles and diagnostics by file, so the report stays linear in the corpus.
    let mut articles_of: HashMap<&str, Vec<&crate::Article>> = HashMap::new();
    for a in &built.bundle.articles {
        articles_of.entry(a.file.as_str()).or_default().push(a);
    }
    let mut diagnostics_of: HashMap<&str, Vec<&crate::Diagnostic>> = HashMap::new();
    for d in &built.diagnostics {
        diagnostics_of.entry(d.file.as_str()).or_default().push(d);
    }
    let mut per_file: Vec<FileReport> = files
        .iter()
        .map(|&(name, format)| {
            let articles = articles_of.get(name).map_or(&[][..], Vec::as_slice);
            let mut removed = BTreeMap::new();
            for r in articles.iter().flat_map(|a| &a.removed) {
                *removed.entry(r.reason.label().to_string()).or_insert(0) += 1;
            }
            let diagnostics: Vec<Note> = diagnostics_of
                .get(name)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|d| Note { severity: severity(d.severity).into(), message: d.message.clone() })
                .collect();
            let status = if articles.is_empty() {
                "rejected"
            } else if diagnostics.iter().any(|d| d.severity != "note") {
                "repaired"
            } else {
                "ok"
            };
            FileReport {
                file: name.to_string(),
                format: format.into(),
                status: status.into(),
                articles: articles
                    .iter()
                    .map(|a| ArticleRef { id: a.id.clone(), title: a.title.text.clone() })
                    .collect(),
                removed,
                diagnostics,
            }
        })
        .collect();
    per_file.extend(unreadable.iter().map(|(name, why)| FileReport {
        file: name.clone(),
        format: format_of(name, &[]).into(),
        status: "rejected".into(),
        articles: Vec::new(),
        removed: BTreeMap::new(),
        diagnostics: vec![Note { severity: "error".into(), message: why.clone() }],
    }));
    crate::sort::sort_by(&mut per_file, |a, b| a.file.cmp(&b.file));
    per_file
}

/// Diagnostics about no input file (e.g. the entity knowledge base), prefixed with what they are about.
pub fn other_notes(sources: &[SourceInput<'_>], built: &Built) -> Vec<Note> {
    other_notes_of(sources.iter().map(|s| s.name), built)
}

/// [`other_notes`] given the files' names only.
pub fn other_notes_of<'n>(names: impl IntoIterator<Item = &'n str>, built: &Built) -> Vec<Note> {
    let names: HashSet<&str> = names.into_iter().collect();
    built
        .diagnostics
        .iter()
        .filter(|d| !names.contains(d.file.as_str()))
        .map(|d| Note {
            severity: severity(d.severity).into(),
            message: format!("{}: {}", d.file, d.message),
        })
        .collect()
}

/// Files per format, from the per-file entries.
pub fn format_counts(per_file: &[FileReport]) -> BTreeMap<String, FormatCount> {
    let mut formats: BTreeMap<String, FormatCount> = BTreeMap::new();
    for f in per_file {
        let count = formats.entry(f.format.clone()).or_default();
        count.files += 1;
        count.articles += f.articles.len();
        if f.status == "rejected" {
            count.rejected += 1;
            let why = f
                .diagnostics
                .iter()
                .find(|d| d.severity == "error")
                .or_else(|| f.diagnostics.iter().find(|d| d.severity == "warning"))
                .map_or_else(|| "no article found".to_string(), |d| rejection_reason(&d.message));
            *count.why_rejected.entry(why).or_insert(0) += 1;
        }
    }
    formats
}

/// A rejection message without what is particular to one file (quoted titles, byte counts), so
/// that rejections of one kind are counted together.
pub fn rejection_reason(message: &str) -> String {
    let general = message.split(['(', '“', ':', ';']).next().unwrap_or(message).trim();
    general.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_file_and_an_empty_file_are_rejected_with_their_reasons() {
        let sources = [
            SourceInput { name: "b.txt", bytes: b"A Title Line\n\nA first paragraph that says something.\n" },
            SourceInput { name: "a.txt", bytes: b"  \n" },
        ];
        let built = crate::build_bundle(&sources, "");
        let files = file_reports(&sources, &[("c.bin".into(), "is not a supported format".into())], &built);
        let names: Vec<&str> = files.iter().map(|f| f.file.as_str()).collect();
        assert_eq!(names, ["a.txt", "b.txt", "c.bin"]);
        assert_eq!(files[0].status, "rejected");
        assert_eq!(files[1].status, "ok");
        assert_eq!(files[2].diagnostics[0].message, "is not a supported format");
        let counts = format_counts(&files);
        assert_eq!(counts["text"].files, 3);
        assert_eq!(counts["text"].rejected, 2);
    }
}
