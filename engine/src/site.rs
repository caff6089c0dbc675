//! The pure parts of a ready-to-host site, shared by `parallax site` (cli/) and the import worker's
//! "Download site (.zip)" so the two write the same bytes: the service worker's precache list (every
//! file with its SHA-256, and the build id made from them), and the seal of `report.json` (the
//! SHA-256 of its own text with the seal field empty). Bytes in, bytes out: no IO. Built with the
//! `ingest` feature only, like every build-time part: the explorer never writes a site.

use std::fmt::Write as _;

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The service worker's file name, beside `index.html`.
pub const SW_FILE: &str = "sw.js";
/// The report's file name, beside `index.html`.
pub const REPORT_FILE: &str = "report.json";
/// Files of a site that are not part of the app and never precached.
pub const NOT_PRECACHED: &[&str] = &[SW_FILE, REPORT_FILE];
/// Files of the build that the worker does not download at install but caches, checked against
/// their SHA-256 like the rest, the first time the page asks for them: the import worker's module
/// (`import_worker.js`, `import_worker_bg.wasm`, `import_worker_loader.js`) and the collections
/// panel's (`collections_panel.js`, `collections_panel_bg.wasm`), which only readers who open their
/// own articles need, so the first visit does not grow by them; and the chunked sites' explorer
/// ([`CHUNKED_EXPLORER`]), which a site of one bundle never runs.
pub const LATER_PREFIXES: &[&str] = &["import_worker", "collections_panel", CHUNKED_EXPLORER];
/// The explorer of chunked sites (`chunked_explorer.js`, `chunked_explorer_bg.wasm`): the app with
/// the chunked corpus reader, which `parallax site --chunks` loads in place of the explorer of
/// single-bundle sites (whose wasm leaves that reader out). A chunked site precaches it at install
/// ([`Precache::of_hashed_chunked`]).
pub const CHUNKED_EXPLORER: &str = "chunked_explorer";
/// The markers around the home page's pre-rendered first view, which the seed explorer's build
/// writes into its `index.html` (the app's `src/prerender.rs`). A site of any other corpus leaves
/// the view out, since its list is the seed corpus's: `parallax site` (when it embeds the app,
/// `cli/build.rs`) and a collection's downloaded site (the import worker) alike.
pub const FIRST_VIEW: (&str, &str) = ("<!-- parallax:first-view -->", "<!-- /parallax:first-view -->");

/// `index` (an explorer's `index.html`) without its pre-rendered first view; `None` if it has none.
pub fn without_first_view(index: &str) -> Option<String> {
    let (start, end) = (index.find(FIRST_VIEW.0)?, index.find(FIRST_VIEW.1)?);
    if end < start {
        return None;
    }
    let rest = index[end + FIRST_VIEW.1.len()..].trim_start_matches('\n').trim_start_matches(' ');
    Some(format!("{}{rest}", &index[..start]))
}

/// The seal's field as written in the unsealed report (pretty-printed JSON).
pub const EMPTY_SEAL: &[u8] = b"\"seal\": \"\"";

/// What the worker caches: one build.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Precache {
    /// The first 16 hex digits of the SHA-256 of the file list (paths and hashes): any changed,
    /// added or removed file changes it.
    pub build: String,
    /// Every file downloaded at install, sorted by path.
    pub files: Vec<PrecacheFile>,
    /// Files cached at their first use instead (see [`LATER_PREFIXES`]), sorted by path.
    pub later: Vec<PrecacheFile>,
}

/// One file of a build.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct PrecacheFile {
    /// Path relative to `index.html`, with `/` separators.
    pub path: String,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: usize,
}

impl Precache {
    /// The precache list for these files (path relative to the app's folder, bytes); files in
    /// [`NOT_PRECACHED`] are left out.
    pub fn of<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Precache {
        Precache::of_hashed(files.into_iter().map(|(path, bytes)| PrecacheFile {
            path: path.to_string(),
            sha256: sha256_hex(bytes),
            bytes: bytes.len(),
        }))
    }

    /// [`Precache::of`] for files already hashed (say, written to disk as they were made).
    pub fn of_hashed(files: impl IntoIterator<Item = PrecacheFile>) -> Precache {
        Precache::with_later(files, LATER_PREFIXES)
    }

    /// [`Precache::of_hashed`] for a chunked site, whose explorer ([`CHUNKED_EXPLORER`]) is
    /// downloaded at install like any site's explorer.
    pub fn of_hashed_chunked(files: impl IntoIterator<Item = PrecacheFile>) -> Precache {
        let later: Vec<&str> = LATER_PREFIXES.iter().copied().filter(|p| *p != CHUNKED_EXPLORER).collect();
        Precache::with_later(files, &later)
    }

    fn with_later(files: impl IntoIterator<Item = PrecacheFile>, later_prefixes: &[&str]) -> Precache {
        let mut files: Vec<PrecacheFile> =
            files.into_iter().filter(|f| !NOT_PRECACHED.contains(&f.path.as_str())).collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut list = String::new();
        for f in &files {
            let _ = writeln!(list, "{} {}", f.sha256, f.path);
        }
        let build = sha256_hex(list.as_bytes())[..16].to_string();
        let (later, files) =
            files.into_iter().partition(|f| later_prefixes.iter().any(|p| f.path.starts_with(p)));
        Precache { build, files, later }
    }

    /// Total size of the precached files, in bytes.
    pub fn total_bytes(&self) -> usize {
        self.files.iter().map(|f| f.bytes).sum()
    }

    /// The whole `sw.js`: this list as `const PRECACHE = {...};`, then the worker's `code`.
    pub fn service_worker(&self, code: &str) -> String {
        let json = serde_json::to_string(self).unwrap_or_else(|_| "null".into());
        format!("const PRECACHE = {json};\n{code}")
    }
}

/// The report with its seal: the SHA-256 of the unsealed text, written into the empty seal field.
/// `None` when the text has no empty seal field.
pub fn seal(unsealed: &[u8]) -> Option<Vec<u8>> {
    let at = unsealed.windows(EMPTY_SEAL.len()).position(|w| w == EMPTY_SEAL)?;
    let hash = sha256_hex(unsealed);
    let mut sealed = Vec::with_capacity(unsealed.len() + hash.len());
    sealed.extend_from_slice(&unsealed[..at + EMPTY_SEAL.len() - 1]);
    sealed.extend_from_slice(hash.as_bytes());
    sealed.extend_from_slice(&unsealed[at + EMPTY_SEAL.len() - 1..]);
    Some(sealed)
}

/// SHA-256 of `bytes`, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        let _ = write!(out, "{b:02x}");
    }
    out
}
