//! Tests of `site_out.rs`: each attack on `parallax site -o` reproduced in temporary folders.

use std::os::unix::fs::symlink;

use super::*;

/// A fresh empty folder under the system temp folder, unique to this test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-site-out-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn report_text(version: u32, site_files: &serde_json::Value) -> Vec<u8> {
    let report = serde_json::json!({
        "version": version, "generator": GENERATOR, "build": "0123", "articles": 0,
        "site_files": site_files, "files": [], "seal": "",
    });
    serde_json::to_vec_pretty(&report).unwrap()
}

/// Writes a site of `files` into `out` the way `parallax site` does.
fn write_site(out: &Path, articles: &Path, files: &[(&str, &[u8])]) -> Result<()> {
    let dir = OutDir::open(out, articles)?;
    let owned = dir.write_site(files)?;
    dir.write_report(&report_text(2, &serde_json::to_value(owned).unwrap()))
}

fn hashed(path: &str, bytes: &[u8]) -> serde_json::Value {
    serde_json::json!({"path": path, "sha256": sha256_hex(bytes)})
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

const APP: &[(&str, &[u8])] =
    &[("index.html", b"<html>"), ("app-1.js", b"js one"), ("assets/icon.png", b"png"), ("sw.js", b"worker")];

#[test]
fn a_forged_report_in_an_unrelated_folder_deletes_nothing() {
    let root = scratch("forged");
    let notes = root.join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(notes.join("diary.txt"), "mine").unwrap();
    let articles = root.join("articles");

    // The old format: a list of names and nothing else.
    let old =
        serde_json::json!({"version": 1, "generator": GENERATOR, "site_files": ["diary.txt"], "files": []});
    std::fs::write(notes.join(REPORT_FILE), old.to_string()).unwrap();
    let err = OutDir::open(&notes, &articles).unwrap_err().to_string();
    assert!(err.contains("older `parallax site`"), "{err}");

    // The new format with the right hash, but written by hand: its seal does not match.
    let forged = report_text(2, &serde_json::json!([hashed("diary.txt", b"mine")]));
    std::fs::write(notes.join(REPORT_FILE), &forged).unwrap();
    let err = OutDir::open(&notes, &articles).unwrap_err().to_string();
    assert!(err.contains("edited or made by hand"), "{err}");

    // Not a report at all.
    std::fs::write(notes.join(REPORT_FILE), "{\"generator\": \"parallax site\"}").unwrap();
    assert!(OutDir::open(&notes, &articles).unwrap_err().to_string().contains("not empty"));
    assert_eq!(read(&notes.join("diary.txt")), "mine");
}

#[test]
fn a_report_in_the_articles_folder_with_the_output_there_deletes_no_article() {
    let root = scratch("in-articles");
    let articles = root.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("a.txt"), "article a").unwrap();
    std::fs::write(articles.join("b.txt"), "article b").unwrap();
    // Even a report sealed exactly as parallax seals it, listing the articles with their hashes.
    let listed = serde_json::json!([hashed("a.txt", b"article a"), hashed("b.txt", b"article b")]);
    std::fs::write(articles.join(REPORT_FILE), seal(&report_text(2, &listed)).unwrap()).unwrap();

    let err = OutDir::open(&articles, &articles).unwrap_err().to_string();
    assert!(err.contains("holds the articles folder"), "{err}");
    // Nor the folder above the articles.
    std::fs::write(root.join(REPORT_FILE), seal(&report_text(2, &serde_json::json!([]))).unwrap()).unwrap();
    assert!(OutDir::open(&root, &articles).is_err());
    assert_eq!(read(&articles.join("a.txt")), "article a");
    assert_eq!(read(&articles.join("b.txt")), "article b");

    // A site inside the articles folder is fine.
    write_site(&articles.join("site"), &articles, APP).unwrap();
    assert_eq!(read(&articles.join("site/index.html")), "<html>");
}

#[test]
fn a_listed_path_through_a_symlinked_folder_deletes_nothing_outside() {
    let root = scratch("symlinked-folder");
    let articles = root.join("articles");
    let out = root.join("site");
    write_site(&out, &articles, APP).unwrap();
    // The earlier site's assets/ becomes a link to a folder outside holding a file with the same bytes.
    let outside = root.join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("icon.png"), "png").unwrap();
    std::fs::remove_dir_all(out.join("assets")).unwrap();
    symlink(&outside, out.join("assets")).unwrap();

    let err = OutDir::open(&out, &articles).unwrap_err().to_string();
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(read(&outside.join("icon.png")), "png");
    assert_eq!(read(&out.join("index.html")), "<html>", "and nothing of the site was removed either");
}

#[test]
fn a_symlinked_worker_in_an_earlier_output_is_never_written_through() {
    let root = scratch("symlinked-worker");
    let articles = root.join("articles");
    let out = root.join("site");
    write_site(&out, &articles, APP).unwrap();
    let outside = root.join("precious.js");
    std::fs::write(&outside, "precious").unwrap();
    std::fs::remove_file(out.join("sw.js")).unwrap();
    symlink(&outside, out.join("sw.js")).unwrap();

    let err = OutDir::open(&out, &articles).unwrap_err().to_string();
    assert!(err.contains("link"), "{err}");
    assert_eq!(read(&outside), "precious");

    // The same link where the earlier run wrote nothing: writing there is refused too.
    let out = root.join("site-2");
    write_site(&out, &articles, &APP[..3]).unwrap();
    symlink(&outside, out.join("sw.js")).unwrap();
    let dir = OutDir::open(&out, &articles).unwrap();
    let err = dir.write_site(APP).unwrap_err().to_string();
    assert!(err.contains("not written by `parallax site`"), "{err}");
    assert_eq!(read(&outside), "precious");
    assert_eq!(read(&out.join("index.html")), "<html>", "refused before anything was removed");
}

#[test]
fn a_symlinked_asset_folder_is_never_written_through() {
    let root = scratch("symlinked-assets");
    let articles = root.join("articles");
    let out = root.join("site");
    write_site(&out, &articles, &APP[..2]).unwrap();
    let outside = root.join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    symlink(&outside, out.join("assets")).unwrap();

    let dir = OutDir::open(&out, &articles).unwrap();
    let err = dir.write_site(APP).unwrap_err().to_string();
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0, "nothing written outside");
}

#[test]
fn running_again_replaces_exactly_the_earlier_files() {
    let root = scratch("again");
    let articles = root.join("articles");
    let out = root.join("site");
    write_site(&out, &articles, APP).unwrap();
    std::fs::write(out.join("CNAME"), "news.example").unwrap();

    let next: &[(&str, &[u8])] = &[("index.html", b"<html> v2"), ("app-2.js", b"js two"), ("sw.js", b"w2")];
    write_site(&out, &articles, next).unwrap();
    assert_eq!(read(&out.join("index.html")), "<html> v2");
    assert!(!out.join("app-1.js").exists(), "the earlier run's stale file is removed");
    assert!(!out.join("assets").exists(), "and its folder, once empty");
    assert_eq!(read(&out.join("CNAME")), "news.example", "a file the reader added stays");
    // The new report is sealed: a third run accepts it.
    write_site(&out, &articles, APP).unwrap();
    assert_eq!(read(&out.join("assets/icon.png")), "png");
}

#[test]
fn a_file_edited_after_the_run_is_not_overwritten() {
    let root = scratch("edited");
    let articles = root.join("articles");
    let out = root.join("site");
    write_site(&out, &articles, APP).unwrap();
    std::fs::write(out.join("index.html"), "<html> my edits").unwrap();
    let err = OutDir::open(&out, &articles).unwrap_err().to_string();
    assert!(err.contains("changed since"), "{err}");
    assert_eq!(read(&out.join("index.html")), "<html> my edits");

    // An edited report is refused as well.
    std::fs::write(out.join("index.html"), "<html>").unwrap();
    let report = read(&out.join(REPORT_FILE)).replace("app-1.js", "app-9.js");
    std::fs::write(out.join(REPORT_FILE), report).unwrap();
    assert!(OutDir::open(&out, &articles).unwrap_err().to_string().contains("edited"));
}

#[test]
fn a_report_listing_a_path_outside_the_folder_is_refused() {
    let root = scratch("escape");
    let articles = root.join("articles");
    let out = root.join("site");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(root.join("victim.txt"), "v").unwrap();
    for path in ["../victim.txt", "/etc/hostname", "./x", "a//b", ""] {
        let listed = serde_json::json!([hashed(path, b"v")]);
        std::fs::write(out.join(REPORT_FILE), seal(&report_text(2, &listed)).unwrap()).unwrap();
        let err = OutDir::open(&out, &articles).unwrap_err().to_string();
        assert!(err.contains("not a plain path"), "{path}: {err}");
    }
    assert_eq!(read(&root.join("victim.txt")), "v");
}

#[test]
fn the_seal_detects_any_change_to_the_report() {
    let unsealed = report_text(2, &serde_json::json!([hashed("index.html", b"x")]));
    let sealed = seal(&unsealed).unwrap();
    assert!(verify(&sealed).is_ok());
    let mut flipped = sealed.clone();
    let at = flipped.windows(5).position(|w| w == b"index").unwrap();
    flipped[at] = b'I';
    assert_eq!(verify(&flipped), Err(ReportError::Edited));
    assert_eq!(verify(&unsealed), Err(ReportError::Edited));
}

/// Stages `chunks` (name, bytes) and writes them as `chunks/<name>` after `files`.
fn write_staged(dir: &OutDir, files: &[(&str, &[u8])], chunks: &[(&str, &[u8])]) -> Result<Vec<OwnedFile>> {
    let mut staging = dir.staging()?;
    let mut staged = Vec::new();
    for (name, bytes) in chunks {
        staging.add(name, bytes)?;
        if staged.iter().any(|f: &StagedFile| f.name == *name) {
            continue; // one file for both, as `parallax site` lists it
        }
        staged.push(StagedFile {
            path: format!("chunks/{name}"),
            name: name.to_string(),
            sha256: sha256_hex(bytes),
        });
    }
    dir.write_site_with(files, Some((&staging, &staged)))
}

#[test]
fn staged_files_are_moved_into_place_and_recorded_after_the_others() {
    let root = scratch("staged");
    let articles = root.join("articles");
    let out = root.join("site");
    let dir = OutDir::open(&out, &articles).unwrap();
    let chunks: &[(&str, &[u8])] = &[("art-1.plx", b"one"), ("dir-2.plx", b"two"), ("art-1.plx", b"one")];
    let owned = write_staged(&dir, APP, chunks).unwrap();
    let paths: Vec<&str> = owned.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        ["index.html", "app-1.js", "assets/icon.png", "sw.js", "chunks/art-1.plx", "chunks/dir-2.plx"]
    );
    assert_eq!(owned[5].sha256, sha256_hex(b"two"));
    assert_eq!(read(&out.join("chunks/dir-2.plx")), "two");
    assert!(!out.join(STAGING_DIR).exists(), "the staging folder is gone");
    dir.write_report(&report_text(2, &serde_json::to_value(owned).unwrap())).unwrap();

    // Written again over that site, with other chunks: the earlier ones are replaced.
    let dir = OutDir::open(&out, &articles).unwrap();
    write_staged(&dir, APP, &[("art-3.plx", b"three")]).unwrap();
    assert!(!out.join("chunks/art-1.plx").exists());
    assert_eq!(read(&out.join("chunks/art-3.plx")), "three");
}

#[test]
fn a_refused_staged_file_removes_nothing_and_leaves_no_staging_folder() {
    let root = scratch("staged-refused");
    let articles = root.join("articles");
    let out = root.join("site");
    write_site(&out, &articles, APP).unwrap();
    std::fs::create_dir_all(out.join("chunks")).unwrap();
    std::fs::write(out.join("chunks/art-1.plx"), "mine").unwrap();

    let dir = OutDir::open(&out, &articles).unwrap();
    let err = write_staged(&dir, APP, &[("art-1.plx", b"one")]).unwrap_err().to_string();
    assert!(err.contains("not written by `parallax site`"), "{err}");
    assert_eq!(read(&out.join("chunks/art-1.plx")), "mine");
    assert_eq!(read(&out.join("index.html")), "<html>", "refused before anything was removed");
    assert!(!out.join(STAGING_DIR).exists(), "the staging folder is gone");

    // One left by an interrupted run is named, not reused.
    std::fs::create_dir(out.join(STAGING_DIR)).unwrap();
    let err = dir.staging().unwrap_err().to_string();
    assert!(err.contains("interrupted"), "{err}");
    assert!(dir.staging().is_err());
}
