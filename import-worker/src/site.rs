//! A collection as a ready-to-host site: the files `parallax site` writes for the same articles. The
//! explorer's own files (as this origin serves them, listed by its service worker), the
//! collection's bundle as `corpus.plx`, the service worker for exactly those files (`sw.js`: its
//! precache list, then the worker's code as served), and `report.json`, sealed.
//!
//! The precache list, the hashes and the seal are the engine's (`parallax_engine::site`), which
//! `parallax site` uses too; the report's fields follow `cli/src/site.rs` (which cannot be linked
//! here: the CLI cleans on every core with rayon). The end-to-end test
//! `tests/e2e/import-export.test.mjs` checks that the two write the same files.

use std::collections::BTreeMap;

use parallax_engine::report::{self, FileReport, FilesReport, FormatCount, Note};
use parallax_engine::site::{seal, sha256_hex, without_first_view, Precache};
pub use parallax_engine::site::{REPORT_FILE, SW_FILE};
use serde::{Deserialize, Serialize};

/// `report.json`'s format version, as `parallax site` writes it.
pub const REPORT_VERSION: u32 = 3;
/// What `report.json` says wrote it (the site is the one that command would write).
pub const GENERATOR: &str = "parallax site";
/// The bundle's file name in a site.
pub const CORPUS: &str = "corpus.plx";

/// Why the site could not be made, as a sentence for the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteError {
    /// The served `sw.js` is not a release build's (a development build has no file list).
    NotARelease,
}

impl std::fmt::Display for SiteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "this copy of Parallax is a development build, which does not list its own files; export a site \
             from a release build (trunk build --release, or a site written by parallax site)",
        )
    }
}

#[derive(Deserialize)]
struct Served {
    files: Vec<Listed>,
    #[serde(default)]
    later: Vec<Listed>,
}

#[derive(Deserialize)]
struct Listed {
    path: String,
}

/// The explorer's files (every path its service worker lists, `corpus.plx` left out, sorted) and
/// the worker's code, read from the `sw.js` this origin serves.
pub fn app_of(served_sw: &str) -> Result<(Vec<String>, String), SiteError> {
    let (first, code) = served_sw.split_once('\n').ok_or(SiteError::NotARelease)?;
    let json = first
        .strip_prefix("const PRECACHE = ")
        .and_then(|j| j.strip_suffix(';'))
        .ok_or(SiteError::NotARelease)?;
    let served: Served = serde_json::from_str(json).map_err(|_| SiteError::NotARelease)?;
    let mut paths: Vec<String> =
        served.files.into_iter().chain(served.later).map(|f| f.path).filter(|p| p != CORPUS).collect();
    paths.sort();
    Ok((paths, code.to_string()))
}

/// One file the site holds, with its SHA-256.
#[derive(Serialize)]
struct OwnedFile<'a> {
    path: &'a str,
    sha256: String,
}

/// `report.json`, field for field as `parallax site` writes it.
#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    generator: &'a str,
    build: String,
    articles: usize,
    bundle_bytes: usize,
    site_files: Vec<OwnedFile<'a>>,
    formats: BTreeMap<String, FormatCount>,
    files: &'a [FileReport],
    other: &'a [Note],
    seal: String,
}

/// Every file of the site, in the order `parallax site` writes them: the explorer's files (`app`,
/// sorted by path; `index.html` without the seed corpus's pre-rendered first view, as `parallax
/// site` writes it), `corpus.plx` (`bundle`), `sw.js` (`worker_code` after the new precache list),
/// then `report.json` about `articles` and `report`.
pub fn site(
    mut app: Vec<(String, Vec<u8>)>,
    worker_code: &str,
    bundle: Vec<u8>,
    articles: usize,
    report: &FilesReport,
) -> Vec<(String, Vec<u8>)> {
    app.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, bytes) in app.iter_mut() {
        if path == "index.html" {
            if let Some(page) = std::str::from_utf8(bytes).ok().and_then(without_first_view) {
                *bytes = page.into_bytes();
            }
        }
    }
    let bundle_bytes = bundle.len();
    app.push((CORPUS.to_string(), bundle));
    let precache = Precache::of(app.iter().map(|(path, bytes)| (path.as_str(), bytes.as_slice())));
    app.push((SW_FILE.to_string(), precache.service_worker(worker_code).into_bytes()));
    let site_files = app.iter().map(|(path, bytes)| OwnedFile { path, sha256: sha256_hex(bytes) }).collect();
    let unsealed = Report {
        version: REPORT_VERSION,
        generator: GENERATOR,
        build: precache.build,
        articles,
        bundle_bytes,
        site_files,
        formats: report::format_counts(&report.files),
        files: &report.files,
        other: &report.other,
        seal: String::new(),
    };
    let text = serde_json::to_vec_pretty(&unsealed).unwrap_or_default();
    let sealed = seal(&text).unwrap_or(text);
    app.push((REPORT_FILE.to_string(), sealed));
    app
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_development_build_cannot_be_exported_and_says_why() {
        let dev = "// Parallax development build: no offline cache (see scripts/precache.sh).\nself.addEventListener('install', () => {});";
        assert_eq!(app_of(dev), Err(SiteError::NotARelease));
        assert!(SiteError::NotARelease.to_string().contains("release build"));
    }

    #[test]
    fn the_site_replaces_the_corpus_and_lists_every_file_with_its_hash() {
        let served = "const PRECACHE = {\"build\":\"x\",\"files\":[{\"path\":\"corpus.plx\",\"sha256\":\"0\",\"bytes\":1},{\"path\":\"index.html\",\"sha256\":\"0\",\"bytes\":1}],\"later\":[{\"path\":\"import_worker.js\",\"sha256\":\"0\",\"bytes\":1}]};\n// worker code\n";
        let (paths, code) = app_of(served).expect("a release worker");
        assert_eq!(paths, ["import_worker.js", "index.html"]);
        assert_eq!(code, "// worker code\n");
        let app = paths.iter().map(|p| (p.clone(), p.as_bytes().to_vec())).collect();
        let files = site(app, &code, b"PARALLAX bundle".to_vec(), 1, &FilesReport::default());
        let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(names, ["import_worker.js", "index.html", "corpus.plx", "sw.js", "report.json"]);
        let sw = String::from_utf8(files[3].1.clone()).expect("text");
        assert!(sw.starts_with("const PRECACHE = {\"build\":\""), "{sw}");
        assert!(sw.contains("\"later\":[{\"path\":\"import_worker.js\""), "{sw}");
        assert!(sw.ends_with("\n// worker code\n"));
        let report: serde_json::Value = serde_json::from_slice(&files[4].1).expect("JSON");
        assert_eq!(report["generator"], "parallax site");
        assert_eq!(report["site_files"].as_array().map(Vec::len), Some(4));
        let seal = report["seal"].as_str().unwrap_or_default().to_string();
        let text = String::from_utf8(files[4].1.clone()).expect("text");
        let unsealed = text.replace(&format!("\"seal\": \"{seal}\""), "\"seal\": \"\"");
        assert_eq!(sha256_hex(unsealed.as_bytes()), seal, "sealed as parallax site seals");
    }

    #[test]
    fn the_seed_corpus_first_view_is_left_out_of_the_index_page() {
        let index = "<body>\n    <!-- parallax:first-view --><div id=\"first-view\"><li class=\"article-card\">Seed</li></div><!-- /parallax:first-view -->\n    <div id=\"app\"></div></body>";
        let app = vec![("index.html".to_string(), index.as_bytes().to_vec())];
        let files = site(app, "", b"PARALLAX bundle".to_vec(), 1, &FilesReport::default());
        let page = String::from_utf8(files[0].1.clone()).expect("text");
        assert_eq!(page, "<body>\n    <div id=\"app\"></div></body>");
        // A page without one is written as served.
        let plain = vec![("index.html".to_string(), page.as_bytes().to_vec())];
        let files = site(plain, "", b"PARALLAX bundle".to_vec(), 1, &FilesReport::default());
        assert_eq!(files[0].1, page.as_bytes());
    }
}
