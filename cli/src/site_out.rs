//! The output folder of `parallax site`: which of its files this command wrote, and writing and
//! removing only those.
//!
//! A run records every file it writes, with the SHA-256 of the bytes written, in `report.json`, and
//! seals `report.json` itself with the SHA-256 of its own text (the seal field left empty). A later
//! run into the same folder replaces a file only when all of these hold:
//!
//! - the articles folder is not the output folder and not inside it (so articles are never
//!   candidates);
//! - `report.json` is a regular file, names `parallax site` as its writer, is of a version that
//!   records hashes, and its seal matches its text (a hand-made or edited report is refused);
//! - the file is listed there by a plain relative path, every folder on that path is a real folder
//!   inside the output folder (never a symbolic link), the file itself is a regular file (not a link),
//!   and its bytes still have the recorded SHA-256.
//!
//! Anything else is refused with a message before any file is touched. New files are created with
//! `create_new` (which never follows a link at the final name) after checking every folder on the
//! way, so nothing is ever written outside the output folder. The hashes catch accidents (a report
//! copied into another folder, a file edited by hand, a stale or hand-written report); they are not
//! a signature: someone who can write `report.json` can also delete the files it lists.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use parallax_cli::report::{is_plain, seal, verify, ReportError};
pub use parallax_cli::report::{sha256_hex, OwnedFile, GENERATOR};
pub use parallax_cli::REPORT_FILE;

/// A report larger than this is not one this command wrote.
const MAX_REPORT_BYTES: u64 = 256 << 20;

/// An output folder checked for writing: new, empty, or an earlier site whose own files (verified)
/// may be replaced.
#[derive(Debug)]
pub struct OutDir {
    /// The folder, canonical.
    root: PathBuf,
    /// Relative paths of files verified as an earlier run's (including `report.json`).
    replaceable: BTreeSet<String>,
}

impl OutDir {
    /// Checks (or creates) `out` for a site of the articles in `articles`; refuses with a message a
    /// user can act on when anything in it might not be this command's.
    pub fn open(out: &Path, articles: &Path) -> Result<OutDir> {
        if std::fs::symlink_metadata(out).is_err() {
            std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
        }
        if !out.is_dir() {
            bail!("{} exists and is not a folder", out.display());
        }
        let root = out.canonicalize().with_context(|| format!("resolving {}", out.display()))?;
        if let Ok(articles) = articles.canonicalize() {
            if articles.starts_with(&root) {
                bail!(
                    "the output folder {} holds the articles folder {}; choose an output folder outside it \
                     (a folder inside the articles folder is fine)",
                    out.display(),
                    articles.display()
                );
            }
        }
        let mut entries = std::fs::read_dir(&root).with_context(|| format!("listing {}", out.display()))?;
        if entries.next().is_none() {
            return Ok(OutDir { root, replaceable: BTreeSet::new() });
        }
        let not_a_site = || {
            format!(
                "{} is not empty and is not an earlier `parallax site` output; choose a new or empty folder",
                out.display()
            )
        };
        let report_path = root.join(REPORT_FILE);
        let Some(report) = read_regular(&report_path, MAX_REPORT_BYTES)? else {
            bail!(not_a_site());
        };
        let listed = match verify(&report) {
            Ok(listed) => listed,
            Err(ReportError::NotASite) => bail!(not_a_site()),
            Err(ReportError::OlderVersion(version)) => bail!(
                "{} was written by an older `parallax site` (report.json version {version}), which did not \
                 record what it wrote, so its files cannot be told from yours; delete that folder yourself or \
                 choose a new one",
                out.display()
            ),
            Err(ReportError::Edited) => bail!(
                "{}'s report.json was not written by `parallax site` as it is (it was edited or made by \
                 hand), so nothing there is replaced; delete that folder yourself or choose a new one",
                out.display()
            ),
            Err(ReportError::FileWithoutHash) => {
                bail!("{}'s report.json lists a file without its hash; {}", out.display(), not_a_site())
            }
            Err(ReportError::NotAPlainPath(path)) => bail!(
                "{}'s report.json lists {path:?}, which is not a plain path inside that folder (or passes \
                 through a symbolic link); nothing was changed",
                out.display()
            ),
        };
        let mut replaceable = BTreeSet::from([REPORT_FILE.to_string()]);
        for file in listed {
            let Some(path) = inside(&root, &file.path)? else {
                bail!(
                    "{}'s report.json lists {:?}, which is not a plain path inside that folder (or passes \
                     through a symbolic link); nothing was changed",
                    out.display(),
                    file.path
                );
            };
            let meta = match std::fs::symlink_metadata(&path) {
                Ok(meta) => meta,
                Err(_) => continue, // already gone
            };
            if !meta.file_type().is_file() {
                bail!(
                    "{} is not the file `parallax site` wrote there (it is a link or a folder now); move it \
                     away or choose a new output folder",
                    shown(&path)
                );
            }
            if read_regular(&path, meta.len())?.map(|bytes| sha256_hex(&bytes)) != Some(file.sha256) {
                bail!(
                    "{} changed since `parallax site` wrote it, so it is not replaced; move it away or choose \
                     a new output folder",
                    shown(&path)
                );
            }
            replaceable.insert(file.path);
        }
        Ok(OutDir { root, replaceable })
    }

    /// Removes the earlier run's files and writes `files` (relative path, bytes); returns what was
    /// written with its hash. Refuses, before removing anything, when a target exists and is not an
    /// earlier run's file, or when a folder on its path is a link or not a folder.
    #[cfg(test)]
    pub fn write_site(&self, files: &[(&str, &[u8])]) -> Result<Vec<OwnedFile>> {
        self.write_site_with(files, None)
    }

    /// A folder for files made before the site is written (a large corpus's chunks, written one
    /// at a time as they are made instead of all held), `write_site_with` moves them into place.
    /// It is inside the output folder (so moving is a rename) and removed when dropped: a failed
    /// build leaves the earlier site as it was.
    pub fn staging(&self) -> Result<Staging> {
        let dir = self.root.join(STAGING_DIR);
        std::fs::create_dir(&dir).with_context(|| {
            format!(
                "creating {} (if it is left from an interrupted `parallax site`, delete it)",
                dir.display()
            )
        })?;
        Ok(Staging { dir, names: std::collections::HashSet::new() })
    }

    /// Removes the earlier run's files and writes `files` (relative path, bytes), then moves the
    /// staged files (their path in the site, their name in `staging`) into place; returns what
    /// was written with its hash. Refuses, before removing anything, when a target exists and is
    /// not an earlier run's file, or when a folder on its path is a link or not a folder.
    pub fn write_site_with(
        &self,
        files: &[(&str, &[u8])],
        staged: Option<(&Staging, &[StagedFile])>,
    ) -> Result<Vec<OwnedFile>> {
        let (staging, staged) = match staged {
            Some((staging, staged)) => (Some(staging), staged),
            None => (None, &[][..]),
        };
        let names = files.iter().map(|(name, _)| *name).chain(staged.iter().map(|f| f.path.as_str()));
        let mut targets = Vec::with_capacity(files.len() + staged.len());
        for name in names {
            let Some(path) = inside(&self.root, name)? else {
                bail!(
                    "cannot write {name}: a folder on its way in {} is a symbolic link or not a folder",
                    self.root.display()
                );
            };
            if std::fs::symlink_metadata(&path).is_ok() && !self.replaceable.contains(name) {
                bail!(
                    "{} exists and was not written by `parallax site`; it is not overwritten (move it away or \
                     choose a new output folder)",
                    path.display()
                );
            }
            targets.push(path);
        }
        self.remove_earlier()?;
        let mut owned = Vec::with_capacity(targets.len());
        for ((name, bytes), path) in files.iter().zip(&targets) {
            self.create_parents(name)?;
            create_new(path, bytes)?;
            owned.push(OwnedFile { path: name.to_string(), sha256: sha256_hex(bytes) });
        }
        for (file, path) in staged.iter().zip(&targets[files.len()..]) {
            let Some(staging) = staging else { break };
            self.create_parents(&file.path)?;
            if std::fs::symlink_metadata(path).is_ok() {
                bail!("{} already exists; it is not overwritten", path.display());
            }
            let from = staging.dir.join(&file.name);
            std::fs::rename(&from, path)
                .with_context(|| format!("moving {} to {}", from.display(), path.display()))?;
            owned.push(OwnedFile { path: file.path.clone(), sha256: file.sha256.clone() });
        }
        Ok(owned)
    }

    /// Writes `report.json` from its unsealed text (which holds `"seal": ""` exactly once).
    pub fn write_report(&self, unsealed: &[u8]) -> Result<()> {
        let Some(sealed) = seal(unsealed) else {
            bail!("internal error: the report has no seal field");
        };
        let path = self.root.join(REPORT_FILE);
        if std::fs::symlink_metadata(&path).is_ok() {
            // Still there only if a file of this run was named report.json; never overwrite it.
            bail!("{} already exists; it is not overwritten", path.display());
        }
        create_new(&path, &sealed)
    }

    fn remove_earlier(&self) -> Result<()> {
        let mut folders = BTreeSet::new();
        for name in &self.replaceable {
            let path = self.root.join(name);
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e).with_context(|| format!("removing {}", shown(&path))),
            }
            let mut parent = Path::new(name).parent();
            while let Some(p) = parent.filter(|p| !p.as_os_str().is_empty()) {
                folders.insert(p.to_path_buf());
                parent = p.parent();
            }
        }
        // Deepest first; a folder that still holds anything stays.
        for folder in folders.iter().rev() {
            let _ = std::fs::remove_dir(self.root.join(folder));
        }
        Ok(())
    }

    /// Creates the folders on `name`'s way, one by one, refusing links.
    fn create_parents(&self, name: &str) -> Result<()> {
        let mut at = self.root.clone();
        let parts: Vec<&str> = name.split('/').collect();
        for part in &parts[..parts.len().saturating_sub(1)] {
            at.push(part);
            match std::fs::symlink_metadata(&at) {
                Ok(meta) if meta.file_type().is_dir() => {}
                Ok(_) => bail!("{} is a link or a file, not a folder; nothing written there", at.display()),
                Err(_) => std::fs::create_dir(&at).with_context(|| format!("creating {}", at.display()))?,
            }
        }
        Ok(())
    }
}

/// The staging folder's name in the output folder (see [`OutDir::staging`]).
const STAGING_DIR: &str = ".parallax-site-partial";

/// Files written ahead of the site (see [`OutDir::staging`]); the folder is removed when this is
/// dropped, with whatever was not moved out of it.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    /// Names written so far.
    names: std::collections::HashSet<String>,
}

impl Staging {
    /// The staging folder.
    #[cfg(test)]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` as `name` (one plain file name) unless a file of that name was staged
    /// already (content-named files: the same name is the same bytes).
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        if !is_plain(name) || name.contains('/') {
            bail!("internal error: {name:?} is not a plain file name");
        }
        if self.names.contains(name) {
            return Ok(());
        }
        create_new(&self.dir.join(name), bytes)?;
        self.names.insert(name.to_string());
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A file of the site written ahead into [`Staging`].
#[derive(Debug, Clone)]
pub struct StagedFile {
    /// Its path in the site.
    pub path: String,
    /// Its name in the staging folder.
    pub name: String,
    /// The SHA-256 of its bytes, lower-case hex.
    pub sha256: String,
}

/// A path for a message: a name listed in a report may hold anything, so it is printed escaped.
fn shown(path: &Path) -> String {
    crate::names::terminal_safe(&path.display().to_string()).into_owned()
}

/// `root/name` when `name` is a plain relative path (no `..`, `.`, empty or absolute parts) whose
/// existing folders are real folders (no links); `None` otherwise.
fn inside(root: &Path, name: &str) -> Result<Option<PathBuf>> {
    if !is_plain(name) {
        return Ok(None);
    }
    let mut at = root.to_path_buf();
    let parts: Vec<&str> = name.split('/').collect();
    for part in &parts[..parts.len() - 1] {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_dir() => {}
            Ok(_) => return Ok(None),
            Err(_) => break, // missing: created later, one folder at a time
        }
    }
    Ok(Some(root.join(name)))
}

/// The bytes of `path` if it is a regular file (not a link) of at most `limit` bytes.
fn read_regular(path: &Path, limit: u64) -> Result<Option<Vec<u8>>> {
    let Ok(meta) = std::fs::symlink_metadata(path) else { return Ok(None) };
    if !meta.file_type().is_file() || meta.len() > limit {
        return Ok(None);
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(limit).read_to_end(&mut bytes))
        .with_context(|| format!("reading {}", shown(path)))?;
    Ok(Some(bytes))
}

/// Creates `path` (which must not exist, not even as a link) with `bytes`.
fn create_new(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(bytes).with_context(|| format!("writing {}", path.display()))
}

#[cfg(test)]
#[path = "site_out_tests.rs"]
mod tests;
