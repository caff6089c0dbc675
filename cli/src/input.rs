//! Reading a folder of articles and the entity knowledge base from disk.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use parallax_engine::{BuildOptions, Built, Severity, SourceInput};

/// The curated knowledge base shipped with Parallax, used unless `--entities` names another.
const DEFAULT_KB: &str = include_str!("../../corpus/entities.toml");

/// Options choosing the entity knowledge base, and what to build.
#[derive(clap::Args, Clone)]
pub struct KbArgs {
    /// Entity knowledge base (TOML); defaults to the curated one built into parallax.
    #[arg(long, value_name = "FILE")]
    pub entities: Option<PathBuf>,
    /// Skip grouping articles into stories (about half the build time at 10,000 articles; for benchmarks).
    #[arg(long)]
    pub no_stories: bool,
}

/// Reads every file under `dir` and builds the bundle, printing per-file diagnostics to stderr.
pub fn build(dir: &Path, kb: &KbArgs) -> Result<Built> {
    let files = read_dir(dir)?;
    let kb_text = kb_text(kb)?;
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, bytes)| SourceInput { name, bytes }).collect();
    let options = BuildOptions { stories: !kb.no_stories };
    let built = parallax_engine::build_bundle_with(&sources, &kb_text, &options);
    for d in &built.diagnostics {
        let level = match d.severity {
            Severity::Info => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        eprintln!("{level}: {}: {}", d.file, d.message);
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

/// All regular, non-hidden files under `dir`, recursively, sorted by relative path.
pub fn read_dir(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    if !dir.is_dir() {
        bail!("{} is not a folder of articles", dir.display());
    }
    let mut paths = Vec::new();
    collect(dir, &mut paths)?;
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let name = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        files.push((name, bytes));
    }
    Ok(files)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            collect(&path, out)?;
        } else if kind.is_file() {
            out.push(path);
        }
    }
    Ok(())
}
