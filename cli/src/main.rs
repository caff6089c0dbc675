//! The `parallax` command: builds the explorer's corpus bundle for any folder of articles, and
//! exposes the engine (export, search, entities, stories, compare) as JSON for scripts.
//!
//! This binary is glue: it reads files, calls `parallax_engine`, and prints. Everything it computes
//! comes from the engine, so the CLI and the browser always agree.

mod input;
mod names;
mod output;
mod precache;
mod site;
mod site_out;
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

/// Parallax: explore how several outlets cover the same news.
#[derive(Parser)]
#[command(name = "parallax", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Clean a folder of articles and write the versioned corpus bundle the explorer loads.
    Build {
        /// Folder of raw article files (read recursively; hidden files skipped).
        dir: PathBuf,
        /// Output bundle file.
        #[arg(short, long, default_value = "corpus.plx")]
        output: PathBuf,
        #[command(flatten)]
        kb: input::KbArgs,
    },
    /// Print the cleaned corpus (with provenance and removed noise) as JSON.
    Export {
        /// Folder of raw article files.
        dir: PathBuf,
        /// Print JSON (the only format for now; accepted for forward compatibility).
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        kb: input::KbArgs,
    },
    /// Search the cleaned corpus with the explorer's ranking, as JSON.
    Search {
        /// Folder of raw article files.
        dir: PathBuf,
        /// The query: words, "phrases", -excluded, outlet:name (a leading -word needs no `--`).
        #[arg(allow_hyphen_values = true)]
        query: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// At most this many hits.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[command(flatten)]
        kb: input::KbArgs,
    },
    /// Print entities and every mention (people, organisations, places, dates, figures) as JSON.
    Entities {
        /// Folder of raw article files.
        dir: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        kb: input::KbArgs,
    },
    /// Print the stories (groups of articles reporting the same events) as JSON.
    Stories {
        /// Folder of raw article files.
        dir: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        kb: input::KbArgs,
    },
    /// Compare two or three articles: aligned sentences, diffs, conflicting figures, as JSON.
    Compare {
        /// Folder of raw article files.
        dir: PathBuf,
        /// Article ids (see `export`), two or more.
        #[arg(required = true, num_args = 2..)]
        ids: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        kb: input::KbArgs,
    },
    /// Write a deterministic synthetic corpus of raw article files, for benchmarks.
    Synth {
        /// How many articles.
        n: usize,
        /// Output folder (created if missing).
        #[arg(short, long)]
        output: PathBuf,
        /// Random seed: the same seed always gives the same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Write a complete static explorer for a folder of articles: the app built into parallax, a
    /// bundle for those articles, a service worker for offline use, and report.json (what was cleaned
    /// or rejected in each file, and why).
    Site(site::SiteArgs),
    /// Write the service worker (sw.js) of a built explorer folder, listing every file in it with its
    /// SHA-256; run after changing any file there (trunk's post_build hook runs it).
    Precache {
        /// The built explorer (e.g. dist/).
        dir: PathBuf,
        /// Write the development worker instead: no cache, removes earlier ones (for `trunk serve`).
        #[arg(long)]
        dev: bool,
    },
}

/// mimalloc: a build allocates and frees hundreds of millions of small strings and vectors (a
/// token's folded form, a mention, a feature key), on every core, and glibc's malloc spent a third
/// of the entity stage's time in them (at 10,000 synthetic articles, entities 18.8 -> 11.4 s CPU,
/// the whole build 46.0 -> 36.8 s CPU).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_e`, mimalloc.h of mimalloc 3.x,
/// which libmimalloc-sys 0.1.49 builds but names no constant for).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Tells mimalloc to give freed pages back to the system at once rather than a second later: a
/// build frees large buffers stage after stage, on every core, and the delayed ones raised the peak (10,000 synthetic articles: 461 MB with the delay, 400 MB
/// without; glibc's malloc, one arena: 392 MB).
fn return_freed_memory_at_once() {
    // SAFETY: mi_option_set only stores an option's value; mimalloc reads it when it next purges.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
}

fn main() -> ExitCode {
    return_freed_memory_at_once();
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("parallax: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build { dir, output, kb } => {
            let built = input::build(&dir, &kb)?;
            let bytes = parallax_engine::bundle::encode(&built.bundle);
            if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
            }
            std::fs::write(&output, &bytes).with_context(|| format!("writing {}", output.display()))?;
            eprintln!(
                "parallax: {} articles, {} bytes -> {}",
                built.bundle.articles.len(),
                bytes.len(),
                output.display()
            );
            Ok(())
        }
        Command::Export { dir, json: _, kb } => {
            let built = input::build(&dir, &kb)?;
            output::print_json(&output::export(&built.bundle))
        }
        Command::Search { dir, query, json: _, limit, kb } => {
            let built = input::build(&dir, &kb)?;
            output::print_json(&output::search(&built.bundle, &query, limit))
        }
        Command::Entities { dir, json: _, kb } => {
            let built = input::build(&dir, &kb)?;
            output::print_json(&output::entities(&built.bundle))
        }
        Command::Stories { dir, json: _, kb } => {
            let built = input::build(&dir, &kb)?;
            output::print_json(&output::stories(&built.bundle))
        }
        Command::Compare { dir, ids, json: _, kb } => {
            let built = input::build(&dir, &kb)?;
            output::print_json(&output::compare(&built.bundle, &ids)?)
        }
        Command::Synth { n, output, seed } => {
            let bytes = synth::write(n, seed, &output)?;
            eprintln!("parallax: {n} synthetic articles, {bytes} bytes -> {}", output.display());
            Ok(())
        }
        Command::Site(args) => site::run(&args),
        Command::Precache { dir, dev } => {
            let precache = precache::write_for_dir(&dir, dev)?;
            if dev {
                eprintln!(
                    "parallax: {} is a development worker (no offline cache)",
                    dir.join(precache::SW_FILE).display()
                );
            } else {
                eprintln!(
                    "parallax: build {}: {} files, {} bytes to cache offline -> {}",
                    precache.build,
                    precache.files.len(),
                    precache.total_bytes(),
                    dir.join(precache::SW_FILE).display()
                );
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search_args(args: &[&str]) -> (String, usize, u64) {
        let cli = Cli::try_parse_from(["parallax", "search"].iter().chain(args)).unwrap();
        match cli.command {
            Command::Search { query, limit, kb, .. } => (query, limit, kb.max_file_size),
            _ => unreachable!("parsed as search"),
        }
    }

    #[test]
    fn a_query_that_starts_with_an_exclusion_needs_no_double_dash() {
        assert_eq!(search_args(&["corpus", "-troops"]).0, "-troops");
        assert_eq!(
            search_args(&["corpus", "-troops Kadhimi", "--json", "--limit", "3"]),
            ("-troops Kadhimi".into(), 3, 64 << 20)
        );
        assert_eq!(search_args(&["--limit", "2", "corpus", "-\"withdrawal\""]).0, "-\"withdrawal\"");
        assert_eq!(search_args(&["corpus", "--", "-x"]).0, "-x", "the old spelling still works");
    }

    #[test]
    fn the_purge_delay_option_is_mimallocs_and_is_set_to_zero() {
        // SAFETY: reading and storing an option's value.
        let default = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(default, 1000, "mimalloc 3's purge delay is 1000 ms unless told otherwise");
        return_freed_memory_at_once();
        // SAFETY: as above.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) }, 0);
    }

    #[test]
    fn the_file_size_limit_can_be_changed() {
        assert_eq!(search_args(&["corpus", "q", "--max-file-size", "1G"]).2, 1 << 30);
        assert!(Cli::try_parse_from(["parallax", "export", "corpus", "--max-file-size", "huge"]).is_err());
    }
}
