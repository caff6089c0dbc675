//! The import report a collection keeps in its own IndexedDB store (`reports`, beside `meta` and
//! `bundles`, under the collection's id; see `collections_db.rs`). Kept apart from the collection's
//! record so that listing and opening collections never reads a report: a 200-file report held the
//! page's thread 20 ms as JSON inside the record. It is read only when the home page shows it, when
//! files are added to the collection, or when the collection is exported as a site.
//!
//! The format: the four bytes `PXRP`, the format version (`u16`, little-endian), then the
//! [`FilesReport`] in postcard, exactly the bytes the import worker sends, so a new collection's
//! report is stored without being encoded again on the page.
//!
//! ```
//! use parallax_app::collection_report::{decode_report, encode_report};
//! use parallax_engine::report::FilesReport;
//!
//! let report = FilesReport::default();
//! assert_eq!(decode_report(&encode_report(&report)).unwrap(), report);
//! assert!(decode_report(b"PXRP\x09\x00").is_err());
//! ```

use parallax_engine::report::FilesReport;

/// What every stored report begins with.
pub const MAGIC: &[u8; 4] = b"PXRP";
/// The format version of a stored report this build writes and reads.
pub const REPORT_VERSION: u16 = 1;

/// Why a stored report could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportError {
    /// The bytes do not start as a stored report does.
    NotAReport,
    /// A version this build does not know.
    UnknownVersion(u16),
    /// The right header, but the report after it is damaged.
    Corrupt(String),
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportError::NotAReport => f.write_str("its stored import report is not one Parallax wrote"),
            ReportError::UnknownVersion(v) => write!(
                f,
                "its import report was saved by a version of Parallax this one does not know (report version {v})"
            ),
            ReportError::Corrupt(why) => write!(f, "its stored import report is damaged ({why})"),
        }
    }
}

fn header() -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&REPORT_VERSION.to_le_bytes());
    out
}

/// The stored bytes of `report`.
pub fn encode_report(report: &FilesReport) -> Vec<u8> {
    // Writing into a `Vec` fails only when serde says a value cannot be written, which the
    // report's plain fields never do; an empty body would then read back as `Corrupt`.
    postcard::to_extend(report, header()).unwrap_or_else(|_| header())
}

/// The stored bytes of a report the import worker already wrote in postcard: the header and those
/// bytes, not decoded and encoded again.
pub fn record_of_postcard(postcard: &[u8]) -> Vec<u8> {
    let mut out = header();
    out.extend_from_slice(postcard);
    out
}

/// The postcard bytes of a stored report, its header checked but the report not read (what the
/// import worker takes to export a collection as a site).
pub fn postcard_of(bytes: &[u8]) -> Result<&[u8], ReportError> {
    let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or(ReportError::NotAReport)?;
    let (version, body) = match rest {
        [a, b, body @ ..] => (u16::from_le_bytes([*a, *b]), body),
        _ => return Err(ReportError::NotAReport),
    };
    if version != REPORT_VERSION {
        return Err(ReportError::UnknownVersion(version));
    }
    Ok(body)
}

/// Reads a stored report: a wrong header, version or body is an error, never a panic.
pub fn decode_report(bytes: &[u8]) -> Result<FilesReport, ReportError> {
    match postcard::take_from_bytes::<FilesReport>(postcard_of(bytes)?) {
        Ok((report, [])) => Ok(report),
        Ok((_, extra)) => Err(ReportError::Corrupt(format!("{} bytes after the report", extra.len()))),
        Err(e) => Err(ReportError::Corrupt(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use parallax_engine::report::{FileReport, Note};

    use super::*;

    fn report() -> FilesReport {
        let file = |name: &str, status: &str| FileReport {
            file: name.into(),
            format: "html".into(),
            status: status.into(),
            articles: Vec::new(),
            removed: [("menu".to_string(), 3), ("footer".to_string(), 1)].into_iter().collect(),
            diagnostics: Vec::new(),
        };
        FilesReport {
            files: vec![
                file("october/story.html", "ok"),
                file("november/story.html", "ok"),
                file("photo.png", "rejected"),
            ],
            other: vec![Note { severity: "warning".into(), message: "two files had one name".into() }],
        }
    }

    #[test]
    fn a_stored_report_reads_back_the_same() {
        let bytes = encode_report(&report());
        assert!(bytes.starts_with(b"PXRP\x01\x00"));
        assert_eq!(decode_report(&bytes), Ok(report()));
    }

    #[test]
    fn the_workers_postcard_bytes_are_stored_as_they_are() {
        let from_worker = postcard::to_allocvec(&report()).expect("postcard");
        assert_eq!(record_of_postcard(&from_worker), encode_report(&report()));
    }

    #[test]
    fn an_export_hands_over_the_workers_bytes_unread() {
        let from_worker = postcard::to_allocvec(&report()).expect("postcard");
        assert_eq!(postcard_of(&record_of_postcard(&from_worker)), Ok(from_worker.as_slice()));
        assert_eq!(postcard_of(b"PXRP"), Err(ReportError::NotAReport));
    }

    #[test]
    fn a_report_from_a_newer_parallax_says_so() {
        let mut bytes = encode_report(&report());
        bytes[4] = 2;
        let err = decode_report(&bytes).expect_err("newer");
        assert_eq!(err, ReportError::UnknownVersion(2));
        assert!(err.to_string().contains("report version 2"));
    }

    #[test]
    fn damaged_reports_are_messages_not_crashes() {
        let good = encode_report(&report());
        assert_eq!(decode_report(b""), Err(ReportError::NotAReport));
        assert_eq!(decode_report(b"{\"files\":[]}"), Err(ReportError::NotAReport));
        assert_eq!(decode_report(b"PXRP\x01"), Err(ReportError::NotAReport));
        // Every cut of a good report is refused with a reason (a cut at the end of the last file's
        // entry is the only one that could read as a shorter report, and `other` follows it).
        for cut in 6..good.len() {
            assert!(matches!(decode_report(&good[..cut]), Err(ReportError::Corrupt(_))), "cut at {cut}");
        }
        let mut longer = good.clone();
        longer.push(0);
        assert!(matches!(decode_report(&longer), Err(ReportError::Corrupt(_))));
    }
}
