//! Reading a folder of articles and the entity knowledge base from disk.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use parallax_engine::{BuildOptions, Built, Severity, SourceInput};

use crate::names::{label, terminal_safe};

/// The curated knowledge base shipped with Parallax, used unless `--entities` names another.
const DEFAULT_KB: &str = include_str!("../../corpus/entities.toml");

/// The default `--max-file-size`: a larger article file is reported and never read.
pub const DEFAULT_MAX_FILE_SIZE: &str = "64MiB";

/// Options choosing the entity knowledge base, and what to build.
#[derive(clap::Args, Clone)]
pub struct KbArgs {
    /// Entity knowledge base (TOML); defaults to the curated one built into parallax.
    #[arg(long, value_name = "FILE")]
    pub entities: Option<PathBuf>,
    /// Skip grouping articles into stories (about half the build time at 10,000 articles; for benchmarks).
    #[arg(long)]
    pub no_stories: bool,
    /// Largest article file to read (e.g. 64MiB, 500K, 2G, or bytes); a larger one is reported and skipped.
    #[arg(long, value_name = "SIZE", default_value = DEFAULT_MAX_FILE_SIZE, value_parser = parse_size)]
    pub max_file_size: u64,
}

/// A folder's article files: the bytes of each one read, and why each other one was not.
pub struct Folder {
    /// (label, bytes) of every file read, sorted by path; labels come from [`label`].
    pub files: Vec<(String, Vec<u8>)>,
    /// (label, why) of every file or folder that could not be read, in path order.
    pub unreadable: Vec<(String, String)>,
}

/// Bytes of files read and cleaned at once (on every core): enough to keep the cores busy, small
/// beside the articles they become.
pub const CLEAN_BATCH_BYTES: usize = 16 << 20;

/// The cleaning pass over `files` (name and path, `count` of them) after the corpus pre-pass
/// gave `repeated`: each file read again and cleaned a batch of [`CLEAN_BATCH_BYTES`] at a time,
/// so they are never all held at once. Also the files that could not be read this time (by
/// place in `files`, with why): read a moment ago, then removed or grown past `max_bytes`.
pub fn clean_in_batches<'a>(
    files: impl Iterator<Item = (&'a str, &'a Path)>,
    count: usize,
    max_bytes: u64,
    repeated: &parallax_engine::clean::RepeatedLines,
    progress: &mut dyn FnMut(parallax_engine::Progress<'_>),
) -> (parallax_engine::Cleaned, Vec<(usize, String)>) {
    let mut cleaning = parallax_engine::Cleaning::new(parallax_engine::Bundle::default(), repeated, count);
    let mut batch: Vec<(&str, Vec<u8>)> = Vec::new();
    let mut batch_bytes = 0;
    let mut gone = Vec::new();
    for (i, (name, path)) in files.enumerate() {
        match read_file(path, max_bytes) {
            Ok(bytes) => {
                batch_bytes += bytes.len();
                batch.push((name, bytes));
            }
            Err(why) => gone.push((i, why)),
        }
        if batch_bytes >= CLEAN_BATCH_BYTES || i + 1 == count {
            let sources: Vec<SourceInput<'_>> =
                batch.iter().map(|(name, bytes)| SourceInput { name, bytes }).collect();
            cleaning.add(&sources, progress);
            batch.clear();
            batch_bytes = 0;
        }
    }
    (cleaning.finish(progress), gone)
}

/// Builds the bundle of every file under `dir`, printing per-file diagnostics to stderr. The
/// files are read twice, a batch at a time, never all held at once (as `parallax site` reads
/// them): first for the lines they repeat (the cleaner's corpus pre-pass), then to be cleaned.
pub fn build(dir: &Path, kb: &KbArgs) -> Result<Built> {
    let Listing { files: paths, mut unreadable } = list_dir(dir)?;
    let kb_text = kb_text(kb)?;
    let mut counter = parallax_engine::clean::LineCounter::default();
    let mut readable = Vec::with_capacity(paths.len());
    for (name, path) in paths {
        match read_file(&path, kb.max_file_size) {
            Ok(bytes) => {
                counter.add(&bytes);
                readable.push((name, path));
            }
            Err(why) => unreadable.push((name, why)),
        }
    }
    let repeated = counter.finish();
    let (cleaned, gone) = clean_in_batches(
        readable.iter().map(|(name, path)| (name.as_str(), path.as_path())),
        readable.len(),
        kb.max_file_size,
        &repeated,
        &mut |_| {},
    );
    unreadable.extend(gone.into_iter().map(|(i, why)| (readable[i].0.clone(), why)));
    drop(repeated);
    drop(readable);
    unreadable.sort();
    for (name, why) in &unreadable {
        eprintln!("error: {name}: {}", terminal_safe(why));
    }
    let options = BuildOptions { stories: !kb.no_stories };
    let built = parallax_engine::analyse(cleaned, &kb_text, &options, &mut |_| {});
    for d in &built.diagnostics {
        let level = match d.severity {
            Severity::Info => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        eprintln!("{level}: {}: {}", terminal_safe(&d.file), terminal_safe(&d.message));
    }
    Ok(built)
}

/// The knowledge base's TOML: the file `--entities` names, or the curated one.
pub fn kb_text(kb: &KbArgs) -> Result<String> {
    match &kb.entities {
        Some(path) => std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display())),
        None => Ok(DEFAULT_KB.to_string()),
    }
}

/// All regular, non-hidden files under `dir`, recursively, sorted by relative path. A file or
/// folder that cannot be read, or a file larger than `max_bytes` (never read), is one entry in
/// [`Folder::unreadable`]; only `dir` itself not being a readable folder is an error.
pub fn read_dir(dir: &Path, max_bytes: u64) -> Result<Folder> {
    let Listing { files: paths, mut unreadable } = list_dir(dir)?;
    let mut files = Vec::with_capacity(paths.len());
    for (name, path) in paths {
        match read_file(&path, max_bytes) {
            Ok(bytes) => files.push((name, bytes)),
            Err(why) => unreadable.push((name, why)),
        }
    }
    unreadable.sort();
    Ok(Folder { files, unreadable })
}

/// A folder's files, listed but not read (for a caller that reads them as it goes).
pub struct Listing {
    /// (label, path) of every regular, non-hidden file, sorted by path; labels come from [`label`].
    pub files: Vec<(String, PathBuf)>,
    /// (label, why) of every file or folder that could not be listed, in path order.
    pub unreadable: Vec<(String, String)>,
}

/// Lists what [`read_dir`] would read, without reading it.
pub fn list_dir(dir: &Path) -> Result<Listing> {
    if !dir.is_dir() {
        bail!("{} is not a folder of articles", dir.display());
    }
    std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))?;
    let mut paths = Vec::new();
    let mut unreadable = Vec::new();
    collect(dir, dir, &mut paths, &mut unreadable);
    paths.sort();
    unreadable.sort();
    let files =
        paths.into_iter().map(|path| (label(path.strip_prefix(dir).unwrap_or(&path)), path)).collect();
    Ok(Listing { files, unreadable })
}

/// The bytes of one file, read only when its size is within `max_bytes` (and never more than that).
pub fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot be read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot be read: {e}"))?;
    if !meta.is_file() {
        return Err("is not a regular file; skipped".into());
    }
    let too_big = |size: u64| {
        format!(
            "is {}, more than the {} limit; skipped without reading it (raise the limit with --max-file-size)",
            show_size(size),
            show_size(max_bytes)
        )
    };
    if meta.len() > max_bytes {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot be read: {e}"))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_big(bytes.len() as u64)); // it grew while being read
    }
    Ok(bytes)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<PathBuf>, unreadable: &mut Vec<(String, String)>) {
    let name = || label(dir.strip_prefix(root).unwrap_or(dir));
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return unreadable.push((format!("{}/", name()), format!("cannot be listed: {e}"))),
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => return unreadable.push((format!("{}/", name()), format!("cannot be listed: {e}"))),
        };
        if entry.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => collect(root, &path, out, unreadable),
            Ok(kind) if kind.is_file() => out.push(path),
            Ok(_) => {} // links, pipes, sockets, devices: not articles
            Err(e) => unreadable
                .push((label(path.strip_prefix(root).unwrap_or(&path)), format!("cannot be read: {e}"))),
        }
    }
}

/// Parses a size: a number of bytes, or with `K`, `M`, `G` (optionally `KiB`, `MB`, …: all binary).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let number: u64 = number.parse().map_err(|_| format!("{text:?} is not a size such as 64MiB or 500K"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("{text:?} is not a size such as 64MiB or 500K")),
    };
    number.checked_mul(1 << shift).ok_or_else(|| format!("{text:?} is too large"))
}

/// A size for people: `64 MiB`, `1.5 GiB`, `812 bytes`.
fn show_size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (size, unit) in UNITS {
        if bytes >= size {
            let n = bytes as f64 / size as f64;
            return if n.fract() == 0.0 { format!("{n:.0} {unit}") } else { format!("{n:.1} {unit}") };
        }
    }
    format!("{bytes} bytes")
}

#[cfg(test)]
#[path = "input_tests.rs"]
mod tests;
