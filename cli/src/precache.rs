//! The service worker of a built explorer: the list of every file of the build with its SHA-256, the
//! build id made from them, and `sw.js` (that list, then the worker's code from `assets/sw.js`).
//!
//! `parallax precache <dir>` (run by trunk's post_build hook) and `parallax site` both write it, so a
//! changed file (a new `corpus.plx`, a new wasm) always means a new build id, a new cache, and the
//! "new version" banner for readers of the old one.

use std::path::Path;

use anyhow::{Context, Result};

/// The worker's code; `sw.js` is the precache list followed by this.
const WORKER: &str = include_str!("../../assets/sw.js");

/// The worker for debug builds (`trunk serve`): no cache at all. It takes over at once, deletes this
/// scope's Parallax caches left by an earlier release build on the same origin, and unregisters
/// itself, so a dev reload always shows the files just built.
const DEV_WORKER: &str = r#"// Parallax development build: no offline cache (see scripts/precache.sh).
// Removes any earlier Parallax worker and cache at this scope, so dev reloads show fresh files.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  const prefix = `parallax:${new URL(self.registration.scope).pathname}:`;
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
    await self.registration.unregister();
  })());
});
"#;

pub use parallax_engine::site::{Precache, PrecacheFile, SW_FILE};

/// The whole `sw.js` for this list: the list, then the worker's code from `assets/sw.js`.
pub fn service_worker(precache: &Precache) -> String {
    precache.service_worker(WORKER)
}

/// Lists `dir` (recursively, hidden files skipped), and writes its `sw.js`: the offline worker for
/// every file in it, or with `dev` the self-removing one. Returns the list (empty for `dev`).
pub fn write_for_dir(dir: &Path, dev: bool) -> Result<Precache> {
    let path = dir.join(SW_FILE);
    if dev {
        std::fs::write(&path, DEV_WORKER).with_context(|| format!("writing {}", path.display()))?;
        return Ok(Precache { build: "dev".into(), files: Vec::new(), later: Vec::new() });
    }
    let folder = crate::input::read_dir(dir, u64::MAX)?;
    if let Some((name, why)) = folder.unreadable.first() {
        anyhow::bail!("{}: {name} {why}; the worker must list every file of the build", dir.display());
    }
    let files = folder.files;
    let precache = Precache::of(files.iter().map(|(name, bytes)| (name.as_str(), bytes.as_slice())));
    std::fs::write(&path, service_worker(&precache))
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(precache)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build_of(files: &[(&str, &str)]) -> Precache {
        Precache::of(files.iter().map(|(p, b)| (*p, b.as_bytes())))
    }

    #[test]
    fn a_new_bundle_is_a_new_build() {
        let old = build_of(&[("index.html", "<html>"), ("corpus.plx", "one corpus")]);
        let new = build_of(&[("index.html", "<html>"), ("corpus.plx", "another corpus")]);
        assert_ne!(old.build, new.build);
        assert_eq!(old.build.len(), 16);
        let same = build_of(&[("corpus.plx", "one corpus"), ("index.html", "<html>")]);
        assert_eq!(old, same, "the order files are listed in does not matter");
    }

    #[test]
    fn the_import_worker_is_cached_at_first_use_and_still_changes_the_build() {
        let one = build_of(&[("index.html", "<html>"), ("import_worker_bg.wasm", "one")]);
        assert_eq!(one.files.iter().map(|f| f.path.as_str()).collect::<Vec<_>>(), ["index.html"]);
        assert_eq!(one.later.iter().map(|f| f.path.as_str()).collect::<Vec<_>>(), ["import_worker_bg.wasm"]);
        let two = build_of(&[("index.html", "<html>"), ("import_worker_bg.wasm", "two")]);
        assert_ne!(one.build, two.build);
    }

    #[test]
    fn the_chunked_explorer_is_precached_only_by_a_chunked_site() {
        let files = || {
            ["index.html", "chunked_explorer.js", "chunked_explorer_bg.wasm", "import_worker_bg.wasm"]
                .map(|p| PrecacheFile { path: p.to_string(), sha256: "00".repeat(32), bytes: 1 })
        };
        let paths = |list: &[PrecacheFile]| list.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
        let seed = Precache::of_hashed(files());
        assert_eq!(paths(&seed.files), ["index.html"]);
        assert_eq!(
            paths(&seed.later),
            ["chunked_explorer.js", "chunked_explorer_bg.wasm", "import_worker_bg.wasm"]
        );
        let chunked = Precache::of_hashed_chunked(files());
        assert_eq!(paths(&chunked.files), ["chunked_explorer.js", "chunked_explorer_bg.wasm", "index.html"]);
        assert_eq!(paths(&chunked.later), ["import_worker_bg.wasm"]);
        assert_eq!(seed.build, chunked.build, "the same files are the same build");
    }

    #[test]
    fn the_collections_panel_is_cached_at_first_use_and_the_extras_at_install() {
        let p = build_of(&[
            ("index.html", "<html>"),
            ("extras_bg.wasm", "pictures"),
            ("collections_panel.js", "panel"),
            ("collections_panel_bg.wasm", "panel"),
        ]);
        assert_eq!(
            p.files.iter().map(|f| f.path.as_str()).collect::<Vec<_>>(),
            ["extras_bg.wasm", "index.html"]
        );
        let later: Vec<&str> = p.later.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(later, ["collections_panel.js", "collections_panel_bg.wasm"]);
    }

    #[test]
    fn the_worker_and_the_report_are_not_precached() {
        let p = build_of(&[("index.html", "x"), ("sw.js", "old worker"), ("report.json", "{}")]);
        let paths: Vec<&str> = p.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["index.html"]);
        assert_eq!(p.files[0].sha256, "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
    }

    #[test]
    fn the_worker_starts_with_its_list() {
        let sw = service_worker(&build_of(&[("index.html", "x")]));
        assert!(sw.starts_with("const PRECACHE = {\"build\":\""), "{}", &sw[..60]);
        assert!(sw.contains("self.addEventListener('fetch'"));
    }
}
