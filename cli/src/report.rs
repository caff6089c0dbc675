//! Reading an earlier `parallax site` output's `report.json`: which files it says this command
//! wrote, trusted only when the report is sealed as `parallax site` writes it. Pure (bytes in, a
//! verdict out), so it can be fuzzed; `site_out.rs` then checks each listed file on disk.
//!
//! A report records every file a run wrote with the SHA-256 of its bytes, and is sealed with the
//! SHA-256 of its own text with the seal field empty (`"seal": ""`).

use std::path::{Component, Path};

use parallax_engine::site::EMPTY_SEAL;
/// Sealing a report and hashing its files: the same code the import worker's site export runs.
pub use parallax_engine::site::{seal, sha256_hex};
use serde::{Deserialize, Serialize};

/// What `report.json` says wrote it.
pub const GENERATOR: &str = "parallax site";
/// The first `report.json` version that records hashes and a seal.
pub const FIRST_HASHED_VERSION: u32 = 2;

/// One file a run wrote: its path relative to the output folder and the SHA-256 of its bytes.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct OwnedFile {
    /// Relative path with `/` separators.
    pub path: String,
    /// SHA-256 of the bytes written, lower-case hex.
    pub sha256: String,
}

/// The part of an earlier `report.json` this module reads (the rest is `site.rs`'s).
#[derive(Deserialize)]
struct Earlier {
    version: u32,
    generator: String,
    #[serde(default)]
    site_files: Vec<serde_json::Value>,
    #[serde(default)]
    seal: String,
}

/// Why an earlier report is not trusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportError {
    /// Not JSON of a report, or not written by `parallax site`.
    NotASite,
    /// A report of this older version, which recorded no hashes.
    OlderVersion(u32),
    /// The seal does not match the text: edited or made by hand.
    Edited,
    /// A listed file has no hash.
    FileWithoutHash,
    /// A listed path is not a plain relative path (absolute, `..`, `.`, empty parts, `\`).
    NotAPlainPath(String),
}

/// The files an earlier sealed report lists (`report.json` itself left out), each by a plain
/// relative path; an error when the report is not one this command wrote as it is.
pub fn verify(report: &[u8]) -> Result<Vec<OwnedFile>, ReportError> {
    let earlier: Earlier = serde_json::from_slice(report).map_err(|_| ReportError::NotASite)?;
    if earlier.generator != GENERATOR {
        return Err(ReportError::NotASite);
    }
    if earlier.version < FIRST_HASHED_VERSION {
        return Err(ReportError::OlderVersion(earlier.version));
    }
    if !seal_matches(report, &earlier.seal) {
        return Err(ReportError::Edited);
    }
    let mut files = Vec::with_capacity(earlier.site_files.len());
    for value in earlier.site_files {
        let file: OwnedFile = serde_json::from_value(value).map_err(|_| ReportError::FileWithoutHash)?;
        if file.path == crate::REPORT_FILE {
            continue;
        }
        if !is_plain(&file.path) {
            return Err(ReportError::NotAPlainPath(file.path));
        }
        files.push(file);
    }
    Ok(files)
}

/// True for a plain relative path: `/`-separated parts, none empty, `.` or `..`, no `\`, not
/// absolute.
pub fn is_plain(name: &str) -> bool {
    !name.is_empty()
        && !name.contains('\\')
        && name.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
        && Path::new(name).components().all(|c| matches!(c, Component::Normal(_)))
}

/// Whether `sealed`, with its seal emptied again, hashes to `claimed`.
fn seal_matches(sealed: &[u8], claimed: &str) -> bool {
    if claimed.len() != 64 || !claimed.bytes().all(|b| b.is_ascii_hexdigit()) {
        return false;
    }
    let field = format!("\"seal\": \"{claimed}\"");
    let Some(at) = find(sealed, field.as_bytes()) else { return false };
    let mut unsealed = Vec::with_capacity(sealed.len());
    unsealed.extend_from_slice(&sealed[..at]);
    unsealed.extend_from_slice(EMPTY_SEAL);
    unsealed.extend_from_slice(&sealed[at + field.len()..]);
    sha256_hex(&unsealed) == claimed
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unsealed(files: serde_json::Value) -> Vec<u8> {
        let report = serde_json::json!({
            "version": FIRST_HASHED_VERSION, "generator": GENERATOR, "site_files": files, "seal": ""
        });
        serde_json::to_vec_pretty(&report).unwrap_or_default()
    }

    #[test]
    fn a_sealed_report_lists_its_files_and_an_edited_one_is_refused() {
        let files = serde_json::json!([{"path": "index.html", "sha256": sha256_hex(b"x")}]);
        let sealed = seal(&unsealed(files)).unwrap_or_default();
        let listed = verify(&sealed);
        assert_eq!(listed.map(|f| f.len()), Ok(1));
        let edited = String::from_utf8_lossy(&sealed).replace("index.html", "diary.txt");
        assert_eq!(verify(edited.as_bytes()), Err(ReportError::Edited));
    }

    #[test]
    fn a_sealed_report_listing_a_path_outside_the_folder_is_refused() {
        for path in ["../diary.txt", "/etc/passwd", "a//b", "a\\b", "./x", ""] {
            let files = serde_json::json!([{"path": path, "sha256": sha256_hex(b"x")}]);
            let sealed = seal(&unsealed(files)).unwrap_or_default();
            assert_eq!(verify(&sealed), Err(ReportError::NotAPlainPath(path.to_string())), "{path}");
        }
    }

    #[test]
    fn bytes_that_are_not_a_report_are_not_a_site() {
        for bytes in [&b""[..], b"{}", b"[1,2]", b"\xff\xfe", b"{\"version\": 2, \"generator\": \"x\"}"] {
            assert_eq!(verify(bytes), Err(ReportError::NotASite));
        }
    }
}
