//! Collections the browser keeps: the reader's own articles, built in the browser (or opened from
//! a `.plx` file), stored in IndexedDB beside the built-in corpus. This module is the record format
//! and is pure (tested natively); `collections_db.rs` is the IndexedDB glue.
//!
//! One collection is up to three IndexedDB records under the same key (its id), written in one
//! transaction so that a quota error leaves none: in the `meta` store a versioned JSON [`Meta`],
//! e.g. `{"version":2,"id":"c-lq2x8","name":"Saved pages","created":"2026-12-02T13:00:00.000Z",
//! "files":12,"articles":11,"bytes":48213}`; in the `bundles` store the bundle bytes in the versioned
//! bundle format (`engine/src/bundle.rs`), exactly what `parallax build` writes; and, for a
//! collection built from files, in the `reports` store its import report (`collection_report.rs`).
//!
//! Version 1 records held the report inside the record (`"report":{…}`), so listing collections
//! read every report. They are still read ([`decode_record`] hands their report back), and
//! `collections_db::list` moves each one's report to its own store and rewrites it as version 2.
//!
//! ```
//! use parallax_app::collections::{decode_meta, encode_meta, Meta};
//!
//! let meta = Meta::new("c-1".into(), "Saved pages".into(), "2026-12-02T13:00:00.000Z".into());
//! assert_eq!(decode_meta(&encode_meta(&meta)).unwrap(), meta);
//! assert!(decode_meta("{\"version\":9}").is_err());
//! ```

use parallax_engine::report::FilesReport;
use serde::{Deserialize, Serialize};

use crate::json;
use crate::state::format_fixed;

/// The format version of a [`Meta`] record this build writes and reads.
pub const META_VERSION: u32 = 2;
/// The older record version this build still reads (the report inside the record).
const META_VERSION_WITH_REPORT: u32 = 1;
/// The localStorage key of the collection being explored (absent: the built-in corpus).
pub const CURRENT_KEY: &str = "parallax.collection";

/// What the file pickers offer (other files can still be dropped; they get a message each).
pub const ACCEPT: &str =
    ".html,.htm,.xhtml,.txt,.text,.md,.jsonl,.ndjson,.json,.warc,.gz,.plx,text/html,text/plain";

/// What the panel says can be opened.
pub const FORMATS_NOTE: &str =
    "Web pages (.html), text (.txt), JSON Lines (.jsonl), web archives (.warc), gzip of \
     those, or a Parallax bundle (.plx). You can also drop files and folders anywhere on this page.";

/// What the panel says of privacy.
pub const PRIVATE_NOTE: &str = "Private by construction: your files are read, cleaned and indexed inside this \
     browser tab and kept only in this browser. Nothing is uploaded; Parallax requests nothing but its own files.";

/// Which corpus the explorer shows.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum CollectionId {
    /// The corpus shipped with the site (`corpus.plx`).
    #[default]
    BuiltIn,
    /// A collection stored in this browser, by id.
    Stored(String),
}

impl CollectionId {
    /// The suffix that keeps this collection's remembered searches and pins apart from another's
    /// (empty for the built-in corpus, so what was remembered before collections existed stays).
    pub fn storage_suffix(&self) -> String {
        match self {
            CollectionId::BuiltIn => String::new(),
            CollectionId::Stored(id) => format!("@{id}"),
        }
    }
}

/// What is known about a stored collection without opening its bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Its key in both stores.
    pub id: String,
    /// The name the reader sees (and can change).
    pub name: String,
    /// When it was created, ISO 8601 (UTC).
    pub created: String,
    /// Files given to its builds (refused ones included).
    pub files: usize,
    /// Articles in its bundle.
    pub articles: usize,
    /// Size of its bundle in bytes.
    pub bytes: usize,
}

impl Meta {
    /// An empty collection's record.
    pub fn new(id: String, name: String, created: String) -> Meta {
        Meta { id, name, created, files: 0, articles: 0, bytes: 0 }
    }
}

/// A stored record as read: current, or of the older version that still holds its report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    /// A version 2 record.
    Current(Meta),
    /// A version 1 record, to be rewritten with its report (absent for a collection opened from a
    /// `.plx` file) moved to the `reports` store.
    WithReport(Meta, Option<FilesReport>),
}

impl Record {
    /// The collection's description, whatever the record's version.
    pub fn meta(&self) -> &Meta {
        match self {
            Record::Current(meta) | Record::WithReport(meta, _) => meta,
        }
    }
}

/// Why a stored record could not be read, as a sentence for the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// Not JSON, or not the shape of a record.
    Corrupt(String),
    /// A version this build does not know.
    UnknownVersion(u64),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Corrupt(why) => write!(f, "its stored description could not be read ({why})"),
            RecordError::UnknownVersion(v) => {
                write!(f, "it was saved by a version of Parallax this one does not know (record version {v})")
            }
        }
    }
}

#[derive(Serialize)]
struct Versioned<'a> {
    version: u32,
    #[serde(flatten)]
    meta: &'a Meta,
}

/// The stored text of a record.
pub fn encode_meta(meta: &Meta) -> String {
    json::to_string(&Versioned { version: META_VERSION, meta })
}

/// Reads a stored record of either version: a wrong version or a wrong shape is an error, never a
/// panic.
pub fn decode_record(text: &str) -> Result<Record, RecordError> {
    let value = json::parse(text).map_err(|e| RecordError::Corrupt(format!("not JSON: {e}")))?;
    let record = match value.version() {
        json::Version::Number(v) if v == u64::from(META_VERSION) => {
            Record::Current(value.decode().map_err(RecordError::Corrupt)?)
        }
        json::Version::Number(v) if v == u64::from(META_VERSION_WITH_REPORT) => {
            // Its fields are those of a version 2 record, and the report.
            let report = match value.field("report") {
                Some(report) => Some(report.decode().map_err(RecordError::Corrupt)?),
                None => None,
            };
            Record::WithReport(value.decode().map_err(RecordError::Corrupt)?, report)
        }
        json::Version::Number(v) => return Err(RecordError::UnknownVersion(v)),
        json::Version::Missing | json::Version::NotNumber => {
            return Err(RecordError::Corrupt("no version".into()))
        }
    };
    if record.meta().id.is_empty() {
        return Err(RecordError::Corrupt("no id".into()));
    }
    Ok(record)
}

/// Reads a stored record's description (of either version; a version 1 record's report is
/// dropped: use [`decode_record`] to keep it).
pub fn decode_meta(text: &str) -> Result<Meta, RecordError> {
    decode_record(text).map(|record| match record {
        Record::Current(meta) | Record::WithReport(meta, _) => meta,
    })
}

/// The report of a collection after files were added to it: its earlier entries, then each new
/// file's (a file refused as already in the collection keeps its earlier entry), sorted by name.
/// Returns the report and how many files it gained.
pub fn merge_reports(earlier: Option<FilesReport>, added: FilesReport) -> (FilesReport, usize) {
    let mut merged = earlier.unwrap_or_default();
    let known: std::collections::HashSet<String> = merged.files.iter().map(|f| f.file.clone()).collect();
    let before = merged.files.len();
    merged.files.extend(added.files.into_iter().filter(|f| !known.contains(&f.file)));
    parallax_engine::sort::sort_by(&mut merged.files, |a, b| a.file.cmp(&b.file));
    for note in added.other {
        if !merged.other.contains(&note) {
            merged.other.push(note);
        }
    }
    let gained = merged.files.len() - before;
    (merged, gained)
}

/// A name for a new collection: the folder's name when every file came from one folder, else
/// "N files" (with the date, so two imports on different days are told apart).
pub fn default_name(paths: &[String], date: &str) -> String {
    let folder = |p: &String| p.split_once('/').map(|(top, _)| top.to_string());
    let first = paths.first().and_then(folder);
    match first {
        Some(top) if paths.iter().all(|p| folder(p).as_deref() == Some(top.as_str())) => top,
        _ => {
            let n = paths.len();
            let day = date.get(..10).unwrap_or(date);
            format!("{n} {} · {day}", if n == 1 { "file" } else { "files" })
        }
    }
}

/// A new name as typed, or why it cannot be used.
pub fn clean_name(typed: &str) -> Result<String, String> {
    let name: String = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err("A collection needs a name.".into());
    }
    // Cut at 120 characters, never leaving a space at the end (the cut may fall just after one).
    let cut: String = name.chars().take(120).collect();
    Ok(cut.trim_end().to_string())
}

/// Bytes for people: `812 bytes`, `48.2 KB`, `10.4 MB`.
pub fn show_bytes(bytes: f64) -> String {
    if bytes >= 1e9 {
        format!("{} GB", format_fixed(bytes / 1e9, 1))
    } else if bytes >= 1e6 {
        format!("{} MB", format_fixed(bytes / 1e6, 1))
    } else if bytes >= 1e3 {
        format!("{} KB", format_fixed(bytes / 1e3, 1))
    } else {
        format!("{} bytes", format_fixed(bytes, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> Meta {
        Meta {
            files: 3,
            articles: 2,
            bytes: 4096,
            ..Meta::new("c-1".into(), "Saved pages".into(), "2026-12-02T13:00:00.000Z".into())
        }
    }

    #[test]
    fn a_saved_collection_reads_back_the_same() {
        let text = encode_meta(&meta());
        assert!(text.starts_with("{\"version\":2,"), "{text}");
        assert!(!text.contains("report"), "{text}");
        assert_eq!(decode_meta(&text), Ok(meta()));
        assert_eq!(decode_record(&text), Ok(Record::Current(meta())));
    }

    #[test]
    fn a_version_1_record_hands_back_the_report_it_held() {
        let report = FilesReport {
            files: vec![entry("saved/a.html", "ok"), entry("saved/b.png", "rejected")],
            other: Vec::new(),
        };
        // What the previous build wrote: the record's fields, then the report inside it.
        let head = encode_meta(&meta()).replacen("\"version\":2", "\"version\":1", 1);
        let old = format!(
            "{},\"report\":{}}}",
            head.strip_suffix('}').expect("an object"),
            json::to_string(&report)
        );
        assert_eq!(decode_record(&old), Ok(Record::WithReport(meta(), Some(report))));
        assert_eq!(decode_meta(&old), Ok(meta()));
        // A collection opened from a .plx file had no report.
        assert_eq!(decode_record(&head), Ok(Record::WithReport(meta(), None)));
        // A damaged report inside an old record is a damaged record, not a crash.
        let damaged = format!("{},\"report\":{{\"files\":7}}}}", head.strip_suffix('}').expect("an object"));
        assert!(matches!(decode_record(&damaged), Err(RecordError::Corrupt(_))));
    }

    #[test]
    fn a_damaged_record_is_a_message_not_a_crash() {
        for text in ["", "not json", "[1,2]", "{\"version\":2}", "{\"version\":1}", "{\"version\":2,\"id\":\"\",\"name\":\"x\",\"created\":\"\",\"files\":0,\"articles\":0,\"bytes\":0}", "{\"version\":\"1\"}"] {
            let err = decode_meta(text).expect_err(text);
            assert!(matches!(err, RecordError::Corrupt(_)), "{text}: {err:?}");
            assert!(err.to_string().contains("could not be read"));
        }
    }

    #[test]
    fn a_record_from_a_newer_parallax_says_so() {
        let text = encode_meta(&meta()).replacen("\"version\":2", "\"version\":7", 1);
        let err = decode_meta(&text).expect_err("newer version");
        assert_eq!(err, RecordError::UnknownVersion(7));
        assert!(err.to_string().contains("version 7"));
    }

    #[test]
    fn a_folder_import_is_named_after_the_folder() {
        let paths = ["saved/a.html".to_string(), "saved/b/c.html".to_string()];
        assert_eq!(default_name(&paths, "2026-12-02T13:00:00Z"), "saved");
        let loose = ["a.html".to_string(), "b.txt".to_string()];
        assert_eq!(default_name(&loose, "2026-12-02T13:00:00Z"), "2 files · 2026-12-02");
    }

    #[test]
    fn names_are_trimmed_and_never_blank() {
        assert_eq!(clean_name("  Saved \n pages "), Ok("Saved pages".into()));
        assert!(clean_name("   ").is_err());
    }

    #[test]
    fn a_long_name_cut_at_a_space_does_not_end_in_one() {
        // Found by the `storage` fuzz target: 120 characters ending just after a space.
        let typed = format!("{} tail", "x".repeat(119));
        let name = clean_name(&typed).expect("a name");
        assert_eq!(name, "x".repeat(119));
        assert_eq!(clean_name(&name), Ok(name.clone()), "cleaning twice changes nothing");
    }

    #[test]
    fn remembered_state_is_kept_per_collection() {
        assert_eq!(CollectionId::BuiltIn.storage_suffix(), "");
        assert_ne!(
            CollectionId::Stored("a".into()).storage_suffix(),
            CollectionId::Stored("b".into()).storage_suffix()
        );
    }

    fn entry(file: &str, status: &str) -> parallax_engine::report::FileReport {
        parallax_engine::report::FileReport {
            file: file.into(),
            format: "html".into(),
            status: status.into(),
            articles: Vec::new(),
            removed: Default::default(),
            diagnostics: Vec::new(),
        }
    }

    #[test]
    fn adding_files_lists_the_new_ones_beside_the_earlier_ones_and_never_twice() {
        let earlier =
            FilesReport { files: vec![entry("b.html", "ok"), entry("d.html", "ok")], other: Vec::new() };
        let added = FilesReport {
            files: vec![entry("a.html", "ok"), entry("b.html", "rejected"), entry("c.png", "rejected")],
            other: Vec::new(),
        };
        let (merged, gained) = merge_reports(Some(earlier), added);
        let files: Vec<(&str, &str)> =
            merged.files.iter().map(|f| (f.file.as_str(), f.status.as_str())).collect();
        assert_eq!(files, [("a.html", "ok"), ("b.html", "ok"), ("c.png", "rejected"), ("d.html", "ok")]);
        assert_eq!(gained, 2);
        // A collection opened from a .plx file has no report yet: the added files make one.
        let (first, gained) =
            merge_reports(None, FilesReport { files: vec![entry("x.html", "ok")], other: Vec::new() });
        assert_eq!((first.files.len(), gained), (1, 1));
    }
}
