//! Tests of `input.rs`: a folder with files that cannot be read still builds, one diagnostic each.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

use super::*;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-input-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_file_that_cannot_be_read_is_one_diagnostic_and_the_rest_is_read() {
    let dir = scratch("unreadable");
    std::fs::write(dir.join("good.txt"), "An article.").unwrap();
    // Running as root, permissions cannot make a file unreadable; reading a folder as a file fails
    // the same way (open succeeds, read fails), and a vanished file fails at open.
    let err = read_file(&dir, 1 << 20).unwrap_err();
    assert!(err.starts_with("cannot be read: ") || err.contains("not a regular file"), "{err}");
    let err = read_file(&dir.join("gone.txt"), 1 << 20).unwrap_err();
    assert!(err.starts_with("cannot be read: "), "{err}");
    // A regular file whose read fails (Linux: /proc/self/mem at offset 0 is an I/O error).
    if cfg!(target_os = "linux") {
        let err = read_file(Path::new("/proc/self/mem"), 1 << 20).unwrap_err();
        assert!(err.starts_with("cannot be read: "), "{err}");
    }

    // A dangling link, a pipe and a link to a folder are skipped without hanging or failing.
    std::os::unix::fs::symlink(dir.join("nowhere.txt"), dir.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink("/", dir.join("root-link")).unwrap();
    let fifo = dir.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    let folder = read_dir(&dir, 1 << 20).unwrap();
    assert_eq!(folder.files, [("good.txt".to_string(), b"An article.".to_vec())]);
    assert!(folder.unreadable.is_empty(), "{:?} (pipe made: {made})", folder.unreadable);

    // A sub-folder that cannot be listed is one diagnostic too (here: it vanished before listing).
    let mut paths = Vec::new();
    let mut unreadable = Vec::new();
    collect(&dir, &dir.join("missing-folder"), &mut paths, &mut unreadable);
    assert_eq!(unreadable.len(), 1);
    assert_eq!(unreadable[0].0, "missing-folder/");
    assert!(unreadable[0].1.starts_with("cannot be listed: "), "{:?}", unreadable[0]);
}

#[test]
fn a_file_over_the_size_limit_is_reported_and_not_read() {
    let dir = scratch("too-big");
    std::fs::write(dir.join("small.txt"), "x".repeat(1000)).unwrap();
    let big = std::fs::File::create(dir.join("huge.txt")).unwrap();
    big.set_len(5 << 30).unwrap(); // 5 GiB, sparse: reading it whole would take seconds and 5 GiB
    let folder = read_dir(&dir, 64 << 20).unwrap();
    assert_eq!(folder.files.len(), 1);
    assert_eq!(folder.unreadable.len(), 1);
    let (name, why) = &folder.unreadable[0];
    assert_eq!(name, "huge.txt");
    assert!(why.contains("is 5 GiB, more than the 64 MiB limit"), "{why}");
    assert!(why.contains("--max-file-size"), "{why}");
    let folder = read_dir(&dir, 999).unwrap();
    assert_eq!(folder.files.len(), 0, "one byte over the limit is too big");
    assert!(
        folder.unreadable[1].1.contains("1000 bytes, more than the 999 bytes limit"),
        "{:?}",
        folder.unreadable
    );
}

#[test]
fn sizes_are_read_in_binary_units() {
    assert_eq!(parse_size("64MiB"), Ok(64 << 20));
    assert_eq!(parse_size(DEFAULT_MAX_FILE_SIZE), Ok(64 << 20));
    assert_eq!(parse_size("500K"), Ok(500 << 10));
    assert_eq!(parse_size("2g"), Ok(2 << 30));
    assert_eq!(parse_size("1234"), Ok(1234));
    assert!(parse_size("lots").is_err());
    assert!(parse_size("12 parsecs").is_err());
    assert!(parse_size("99999999999999999999G").is_err());
    assert_eq!(show_size(64 << 20), "64 MiB");
    assert_eq!(show_size(1536 << 20), "1.5 GiB");
}

#[test]
fn names_that_differ_in_one_invalid_byte_are_two_files() {
    let dir = scratch("non-utf8");
    std::fs::write(dir.join(OsStr::from_bytes(b"caf\xe9.txt")), "one").unwrap();
    std::fs::write(dir.join(OsStr::from_bytes(b"caf\xe8.txt")), "two").unwrap();
    std::fs::write(dir.join(OsStr::from_bytes(b"clear\x1b[2J.txt")), "three").unwrap();
    let folder = read_dir(&dir, 1 << 20).unwrap();
    let names: Vec<&str> = folder.files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["caf\\xE8.txt", "caf\\xE9.txt", "clear\\u{1B}[2J.txt"]);
}
