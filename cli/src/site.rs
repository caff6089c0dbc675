//! `parallax site`: a complete static explorer for any folder of articles.
//!
//! The explorer (index.html, JS, wasm, CSS, icons, manifest) is embedded in this binary at compile
//! time (`cli/build.rs`); this writes it out with a fresh `corpus.plx` for the folder, the service
//! worker for exactly those files (so readers of an earlier version of the site are offered the new
//! one), and `report.json`: per file, what was kept, cleaned away or rejected, and why. Only files
//! an earlier run wrote (verified by hash) are ever replaced: see `site_out.rs`.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use parallax_engine::chunked::{self, ChunkKind};
use parallax_engine::report::{self, FileReport, FormatCount, Note};
use parallax_engine::Progress;
use serde::{Deserialize, Serialize};

use crate::input::{self, KbArgs};
use crate::names::{label, terminal_safe};
use crate::precache::{self, Precache, PrecacheFile, SW_FILE};
use crate::site_out::{sha256_hex, OutDir, OwnedFile, StagedFile, Staging, GENERATOR};

include!(concat!(env!("OUT_DIR"), "/app_files.rs"));

/// Version of `report.json`'s format (2: `site_files` carry SHA-256 hashes, and `seal`; 3: files
/// per `format`, and `formats`).
const REPORT_VERSION: u32 = 3;

/// Options of `parallax site`.
#[derive(clap::Args)]
pub struct SiteArgs {
    /// Folder of raw article files (read recursively; hidden files skipped).
    pub dir: PathBuf,
    /// Folder to write the site into: new, empty, or an earlier `parallax site` output (only the files
    /// it wrote, unchanged since, are replaced; anything else there is kept, and a clash is refused).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Write the corpus chunked (`chunks/`, see ARCHITECTURE.md "Scale") instead of one
    /// `corpus.plx`: the explorer opens the manifest and fetches only what each view shows. For
    /// large corpora (a bundle of many MB takes seconds to download before anything shows).
    #[arg(long)]
    pub chunks: bool,
    /// With `--chunks`: chunks totalling up to this many bytes are cached whole by the service
    /// worker on the first visit (as a bundle is); beyond it, as views use them, or all at once by
    /// the explorer's "Make this corpus available offline".
    #[arg(long, value_name = "BYTES", default_value_t = PRECACHE_CHUNKS_UP_TO)]
    pub precache_chunks_up_to: usize,
    #[command(flatten)]
    pub kb: KbArgs,
}

/// `report.json`.
#[derive(Serialize, Deserialize)]
struct Report {
    version: u32,
    generator: String,
    /// The service worker's build id for this site.
    build: String,
    articles: usize,
    /// Bytes of the corpus as written: `corpus.plx`, or the chunked manifest and chunks.
    bundle_bytes: usize,
    /// Every file this run wrote with its SHA-256 (so the next run replaces exactly those, if unchanged).
    site_files: Vec<OwnedFile>,
    /// Files per format (`text`, `html`, `json`, `warc`): how many, how many articles, how many
    /// rejected and why.
    #[serde(default)]
    formats: BTreeMap<String, FormatCount>,
    /// One entry per input file, in path order.
    files: Vec<FileReport>,
    /// Diagnostics about no input file (e.g. the entity knowledge base).
    #[serde(default)]
    other: Vec<Note>,
    /// SHA-256 of this report's text with this field empty (see `site_out.rs`); written last.
    seal: String,
}

/// Writes the site; prints a progress bar (on a terminal) and the per-file table on stderr.
pub fn run(args: &SiteArgs) -> Result<()> {
    if APP_FILES.is_empty() {
        bail!(
            "this parallax was built without the explorer app, so it cannot write a site. In the Parallax \
             repository run `trunk build --release` (it writes dist/), then rebuild this command with \
             `cargo build --profile cli -p parallax-cli` (or set PARALLAX_APP_DIST=<a built app folder> when \
             building it)"
        );
    }
    let input::Listing { files: mut paths, mut unreadable } = input::list_dir(&args.dir)?;
    let kb = input::kb_text(&args.kb)?;
    let out_dir = OutDir::open(&args.output, &args.dir)?;
    // An out dir inside the articles folder (`parallax site . -o site`) is not an article.
    if let (Ok(dir), Ok(out)) = (args.dir.canonicalize(), args.output.canonicalize()) {
        if let Ok(inside) = out.strip_prefix(&dir) {
            let prefix = format!("{}/", label(inside));
            paths.retain(|(name, _)| !name.starts_with(&prefix));
            unreadable.retain(|(name, _)| !name.starts_with(&prefix));
        }
    }
    // The files are read twice, a batch at a time, and never all held at once: first for the lines
    // they repeat (the cleaner's corpus pre-pass), then to be cleaned. Only each file's first
    // `ingest::DETECT_BYTES`, from which the report names its format, are read for it: only that
    // name is kept past cleaning (a kilobyte a file would be 100 MB at 100,000 files).
    let max_bytes = args.kb.max_file_size;
    let mut counter = parallax_engine::clean::LineCounter::default();
    let mut files: Vec<(String, &'static str)> = Vec::with_capacity(paths.len());
    let mut sizes = Vec::with_capacity(paths.len());
    let mut readable = Vec::with_capacity(paths.len());
    for (name, path) in paths {
        match input::read_file(&path, max_bytes) {
            Ok(bytes) => {
                counter.add(&bytes);
                sizes.push(bytes.len() as u64);
                let format = report::format_of(&name, head(&bytes));
                files.push((name, format));
                readable.push(path);
            }
            Err(why) => unreadable.push((name, why)),
        }
    }
    unreadable.sort();
    if files.is_empty() {
        let readable = if unreadable.is_empty() { "" } else { " readable" };
        bail!("{} holds no{readable} files", args.dir.display());
    }
    let repeated = counter.finish();

    let terminal = std::io::stderr().is_terminal();
    let mut bar = Bar::new(terminal, Box::new(std::io::stderr()), sizes.into_iter());
    let (cleaned, gone) = input::clean_in_batches(
        files.iter().zip(&readable).map(|((name, _), path)| (name.as_str(), path.as_path())),
        files.len(),
        max_bytes,
        &repeated,
        &mut |p| bar.show(p),
    );
    drop(repeated);
    drop(readable);
    if !gone.is_empty() {
        for &(i, ref why) in gone.iter().rev() {
            let (name, _) = files.remove(i);
            unreadable.push((name, why.clone()));
        }
        unreadable.sort();
    }
    // A chunked corpus's search index is built as its articles are cut into chunks (and
    // dropped), not beside all of them.
    let analyse = if args.chunks { parallax_engine::analyse_unindexed } else { parallax_engine::analyse };
    let built = analyse(cleaned, &kb, &parallax_engine::BuildOptions::default(), &mut |p| bar.show(p));

    // The report reads the built articles, so it is made before the bundle is cut into chunks
    // (which consumes it: a large corpus is never held twice).
    bar.show(Progress::Stage("report"));
    let formats: Vec<(&str, &'static str)> =
        files.iter().map(|(name, format)| (name.as_str(), *format)).collect();
    let per_file = report::file_reports_of(&formats, &unreadable, &built);
    let other = report::other_notes_of(formats.iter().map(|(name, _)| *name), &built);
    let n_articles = built.bundle.articles.len();
    let n_files = files.len();
    drop(formats);
    drop(files);
    let (bundle, split) = if args.chunks {
        bar.show(Progress::Stage("search index and chunks"));
        (Vec::new(), Some(gzip_split(built.bundle, out_dir.staging()?)?))
    } else {
        bar.show(Progress::Stage("bundle"));
        (parallax_engine::bundle::encode(&built.bundle), None)
    };
    bar.show(Progress::Stage("writing files"));
    let chunked_index = split.as_ref().map(|split| {
        let terms = split.chunks.iter().find(|c| c.kind == ChunkKind::Terms);
        chunked_index_html(terms.map(|c| format!("{CHUNK_DIR}/{}", c.name)).as_deref())
    });
    let mut written: Vec<(&str, &[u8])> = APP_FILES.to_vec();
    if split.is_some() {
        // A chunked site runs the chunked sites' explorer (see `chunked_index`), never the seed's.
        written.retain(|(path, _)| !is_seed_explorer(path));
    }
    let manifest_path = format!("{CHUNK_DIR}/{}", chunked::MANIFEST_NAME);
    // Two chunks with the same bytes (say, two ranges of entities nobody mentions) have the same
    // name: one file serves both.
    let mut seen = std::collections::HashSet::new();
    let (chunk_files, chunk_lens): (Vec<StagedFile>, Vec<usize>) = match &split {
        Some(split) => split
            .chunks
            .iter()
            .filter(|c| seen.insert(c.name.as_str()))
            .map(|c| {
                let file = StagedFile {
                    path: format!("{CHUNK_DIR}/{}", c.name),
                    name: c.name.clone(),
                    sha256: c.sha256.clone(),
                };
                (file, c.len)
            })
            .unzip(),
        None => (Vec::new(), Vec::new()),
    };
    drop(seen);
    match (&split, &chunked_index) {
        (Some(split), Some(index)) => {
            // The page that preloads the manifest and tells the app to read chunks; no bundle.
            for file in written.iter_mut().filter(|(path, _)| *path == "index.html") {
                file.1 = index.as_bytes();
            }
            written.push((&manifest_path, &split.manifest));
        }
        _ => written.push(("corpus.plx", &bundle)),
    }
    // A small chunked corpus is cached whole at install, as the bundle is; a large one's chunks
    // are cached by the service worker as views fetch them (they are content-hashed, so forever),
    // or all at once by "Make this corpus available offline".
    let chunk_bytes: usize = chunk_lens.iter().sum();
    let precache_chunks = chunk_bytes <= args.precache_chunks_up_to;
    let of_hashed = if split.is_some() { Precache::of_hashed_chunked } else { Precache::of_hashed };
    let precache =
        of_hashed(
            written
                .iter()
                .map(|&(path, bytes)| PrecacheFile {
                    path: path.to_string(),
                    sha256: sha256_hex(bytes),
                    bytes: bytes.len(),
                })
                .chain(chunk_files.iter().zip(&chunk_lens).filter(|_| precache_chunks).map(|(f, &bytes)| {
                    PrecacheFile { path: f.path.clone(), sha256: f.sha256.clone(), bytes }
                })),
        );
    let worker = precache::service_worker(&precache);
    written.push((SW_FILE, worker.as_bytes()));
    let staged = split.as_ref().map(|split| (&split.staging, chunk_files.as_slice()));
    let site_files = out_dir.write_site_with(&written, staged)?;
    bar.finish();

    let corpus_bytes = match &split {
        Some(split) => split.manifest.len() + split.chunks.iter().map(|c| c.len).sum::<usize>(),
        None => bundle.len(),
    };
    let report = Report {
        version: REPORT_VERSION,
        formats: report::format_counts(&per_file),
        generator: GENERATOR.into(),
        build: precache.build.clone(),
        articles: n_articles,
        bundle_bytes: corpus_bytes,
        site_files,
        files: per_file,
        other,
        seal: String::new(),
    };
    out_dir.write_report(&serde_json::to_vec_pretty(&report)?)?;

    print_table(&report);
    if let Some(split) = &split {
        print_chunks(split);
    }
    eprintln!(
        "parallax: {} articles from {} files -> {} (build {}, {} files, {:.1} MB to cache offline)",
        report.articles,
        n_files,
        args.output.display(),
        precache.build,
        precache.files.len(),
        precache.total_bytes() as f64 / 1e6
    );
    if let Some(source) = APP_SOURCE {
        eprintln!("The explorer app was built into parallax from {source}.");
    }
    eprintln!(
        "Serve that folder with any static file server, at any path; e.g. `python3 -m http.server -d {}`.",
        args.output.display()
    );
    Ok(())
}

/// The first bytes of a file, from which the report names its format.
fn head(bytes: &[u8]) -> &[u8] {
    &bytes[..bytes.len().min(parallax_engine::ingest::DETECT_BYTES)]
}

/// The folder of the chunked layout, beside `index.html`.
pub const CHUNK_DIR: &str = "chunks";

/// By default, chunked corpora up to this many bytes of chunks are precached whole (offline after
/// the first visit, as a bundle is); larger ones are cached as they are used.
pub const PRECACHE_CHUNKS_UP_TO: usize = 4_000_000;

/// The explorer's `index.html` for a chunked site: it preloads `chunks/manifest.plx` instead of
/// `corpus.plx`, and names the chunk folder in `<meta name="parallax-chunks">` (what the app reads
/// to open the corpus chunked, `src/io.rs`); opened on a search (`#/search?q=…`), it also preloads
/// the search dictionary, `terms` (its path), which every search reads first.
fn chunked_index_html(terms: Option<&str>) -> String {
    let index = APP_FILES.iter().find(|(path, _)| *path == "index.html").map(|(_, bytes)| *bytes);
    chunked_index(&String::from_utf8_lossy(index.unwrap_or_default()), terms)
}

/// `index.html` rewritten for a chunked site (see [`chunked_index_html`]); it also starts the
/// chunked sites' explorer instead of the seed's ([`with_chunked_explorer`]).
fn chunked_index(index: &str, terms: Option<&str>) -> String {
    let manifest = format!("{CHUNK_DIR}/{}", chunked::MANIFEST_NAME);
    let index = with_chunked_explorer(&index.replace("href=\"corpus.plx\"", &format!("href=\"{manifest}\"")));
    let mut meta = format!("<meta name=\"parallax-chunks\" content=\"{CHUNK_DIR}/\" />");
    // A cold search fetches the dictionary as the wasm arrives, not once it has started: the same
    // URL and mode as the app's fetch (`io::fetch_bytes`), which takes this response. Other views
    // do not read it, so only a search's page asks for it.
    if let Some(terms) = terms {
        meta.push_str(&format!(
            "\n<script>if (/^#\\/search\\?q=[^&]/.test(location.hash)) {{ const l = document.createElement('link'); \
             l.rel = 'preload'; l.as = 'fetch'; l.crossOrigin = 'anonymous'; l.href = '{terms}'; \
             document.head.appendChild(l); }}</script>"
        ));
    }
    match index.find("</head>") {
        Some(at) => format!("{}{meta}\n{}", &index[..at], &index[at..]),
        None => format!("{meta}\n{index}"),
    }
}

/// The file names trunk gives the explorer of single-bundle sites (`data-bin="parallax-app"`,
/// `parallax-app-<hash>.js` and `parallax-app-<hash>_bg.wasm`), whose wasm has no chunked reader.
const SEED_EXPLORER: &str = "parallax-app-";

/// Whether `path` is one of the seed explorer's files, which a chunked site leaves out.
fn is_seed_explorer(path: &str) -> bool {
    path.starts_with(SEED_EXPLORER) && (path.ends_with(".js") || path.ends_with(".wasm"))
}

/// `index` with trunk's start of the seed explorer (its `<script type="module">` and preload
/// links) replaced by the chunked sites' explorer's ([`parallax_engine::site::CHUNKED_EXPLORER`]). That is a
/// no-modules bundle whose top level declares `wasm_bindgen`, like the app's deferred modules: it
/// is fetched as text and run inside a function, so it never clashes with the comparison fallback's
/// own `wasm_bindgen`. Its wasm runs `main` (`src/bin/chunked_explorer.rs`) once started.
fn with_chunked_explorer(index: &str) -> String {
    let name = parallax_engine::site::CHUNKED_EXPLORER;
    let start = format!(
        "<link rel=\"preload\" href=\"./{name}.js\" as=\"fetch\" crossorigin=\"anonymous\">\n\
         <link rel=\"preload\" href=\"./{name}_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">\n\
         <script type=\"module\">\n\
         const text = await (await fetch('./{name}.js')).text();\n\
         const bindings = new Function(`${{text}}\\n;return wasm_bindgen;`)();\n\
         await bindings({{ module_or_path: './{name}_bg.wasm' }});\n\
         window.wasmBindings = bindings;\n\
         </script>"
    );
    let seed = format!("./{SEED_EXPLORER}");
    const MODULE: &str = "<script type=\"module\">";
    let mut out = String::with_capacity(index.len() + start.len());
    let mut rest = index;
    let mut started = false;
    // Each `<link …>` tag and module script in turn: those naming the seed explorer go.
    while let Some(at) = [rest.find("<link"), rest.find(MODULE)].into_iter().flatten().min() {
        let end = if rest[at..].starts_with(MODULE) {
            rest[at..].find("</script>").map(|e| at + e + "</script>".len())
        } else {
            rest[at..].find('>').map(|e| at + e + 1)
        };
        let Some(end) = end else { break };
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        if tag.contains(&seed) {
            if tag.starts_with("<script") && !started {
                out.push_str(&start);
                started = true;
            }
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A chunked corpus as `parallax site` writes it: the manifest, and the chunks already in the
/// output folder's staging folder.
struct GzipSplit {
    /// The manifest, gzip-compressed.
    manifest: Vec<u8>,
    /// Every chunk in [`chunked::Split::chunks`]'s order (a name twice if two chunks have the
    /// same bytes).
    chunks: Vec<StagedChunk>,
    /// Where the chunks are, until the site is written.
    staging: Staging,
}

/// One chunk written to the staging folder.
struct StagedChunk {
    name: String,
    kind: ChunkKind,
    /// Its size as written (compressed).
    len: usize,
    sha256: String,
}

/// The bundle cut into chunks, the manifest and every chunk gzip-compressed, as Pagefind writes
/// its files: a static host serves `.plx` files as they are (few compress
/// `application/octet-stream`), and the explorer decompresses them in the browser
/// (`DecompressionStream`, `src/io.rs`). The search index is built as the articles are cut
/// (`chunked::split_indexing`: a bundle's index, if any, is replaced). Chunks are compressed as
/// they are cut, on every core, and each is written to `staging` as soon as it is compressed, so
/// the build never holds them all, compressed or not. Names keep the hash of the uncompressed chunk, which the engine checks after
/// decompression. The manifest's `chunk_bytes` becomes the compressed total: what "Make this
/// corpus available offline" downloads and what the service worker's cache then holds.
fn gzip_split(bundle: parallax_engine::Bundle, mut staging: Staging) -> Result<GzipSplit> {
    let mut made: Vec<Option<StagedChunk>> = Vec::new();
    let mut failed = None;
    let streamed = chunked::split_indexing(bundle, &chunked::Sizes::default(), &gzip, &mut |slot, chunk| {
        if failed.is_some() {
            return;
        }
        if let Err(why) = staging.add(&chunk.name, &chunk.bytes) {
            failed = Some(why);
            return;
        }
        if made.len() <= slot {
            made.resize_with(slot + 1, || None);
        }
        let sha256 = sha256_hex(&chunk.bytes);
        made[slot] = Some(StagedChunk { name: chunk.name, kind: chunk.kind, len: chunk.bytes.len(), sha256 });
    });
    if let Some(why) = failed {
        return Err(why);
    }
    let mut chunks = Vec::with_capacity(streamed.order.len());
    for slot in streamed.order {
        match made.get_mut(slot).and_then(Option::take) {
            Some(chunk) => chunks.push(chunk),
            None => bail!("internal error: chunk {slot} was never written"),
        }
    }
    let mut manifest =
        chunked::decode_manifest(&streamed.manifest).expect("the manifest chunked::split wrote");
    manifest.summary.chunk_bytes = chunks.iter().map(|c| c.len as u64).sum();
    let manifest = gzip(&chunked::encode_manifest(&manifest));
    Ok(GzipSplit { manifest, chunks, staging })
}

/// Level 6, by zlib-rs (flate2's `zlib-rs` feature, the CLI's only): miniz_oxide, the engine's
/// pure-Rust default, which the wasm keeps for reading `.gz` files, spent 40% of the chunk stage's
/// CPU here (10,000 synthetic articles: that stage 8.1 -> 5.2 s, chunks 58.6 -> 58.2 MB).
fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut out =
        flate2::write::GzEncoder::new(Vec::with_capacity(bytes.len() / 3), flate2::Compression::default());
    // Writing into a Vec cannot fail.
    out.write_all(bytes).expect("gzip into memory");
    out.finish().expect("gzip into memory")
}

/// The chunked layout's sizes on stderr: per kind, how many chunks, their total, median and
/// largest size.
fn print_chunks(split: &GzipSplit) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "parallax: chunked corpus in {CHUNK_DIR}/ (gzip): manifest {:.1} KB",
        split.manifest.len() as f64 / 1e3
    );
    for kind in ChunkKind::CHUNKS {
        let mut sizes: Vec<usize> = split.chunks.iter().filter(|c| c.kind == kind).map(|c| c.len).collect();
        sizes.sort_unstable();
        let total: usize = sizes.iter().sum();
        let median = sizes.get(sizes.len() / 2).copied().unwrap_or(0);
        let largest = sizes.last().copied().unwrap_or(0);
        let _ = writeln!(
            err,
            "  {:<6} {:>6} chunk(s), {:>9.1} KB in all, median {:>7.1} KB, largest {:>7.1} KB",
            kind.prefix(),
            sizes.len(),
            total as f64 / 1e3,
            median as f64 / 1e3,
            largest as f64 / 1e3
        );
    }
}

/// The table on stderr: one line per file, then its diagnostics indented below it, then files
/// per format.
fn print_table(report: &Report) {
    let width = report.files.iter().map(|f| f.file.chars().count()).max().unwrap_or(4).clamp(4, 48);
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "{:<width$}  {:<6}  {:<8}  {:>8}  {:>7}  removed noise",
        "file", "format", "status", "articles", "removed"
    );
    for f in &report.files {
        let n_removed: usize = f.removed.values().sum();
        let reasons: Vec<String> = f.removed.iter().map(|(reason, n)| format!("{reason} {n}")).collect();
        let _ = writeln!(
            err,
            "{:<width$}  {:<6}  {:<8}  {:>8}  {:>7}  {}",
            f.file,
            f.format,
            f.status,
            f.articles.len(),
            n_removed,
            reasons.join(", ")
        );
        for d in &f.diagnostics {
            let _ = writeln!(err, "    {}: {}", d.severity, terminal_safe(&d.message));
        }
    }
    for d in &report.other {
        let _ = writeln!(err, "{}: {}", d.severity, terminal_safe(&d.message));
    }
    for (format, c) in &report.formats {
        let why: Vec<String> = c.why_rejected.iter().map(|(why, n)| format!("{n}× {why}")).collect();
        let why = if why.is_empty() { String::new() } else { format!(" ({})", why.join("; ")) };
        let _ = writeln!(
            err,
            "{format}: {} file(s), {} article(s), {} rejected{why}",
            c.files, c.articles, c.rejected
        );
    }
}

/// Progress on stderr: on a terminal a one-line bar redrawn at most every 50 ms, with files and
/// megabytes per second; on a terminal or not (logs, benchmarks), one line per finished phase
/// (cleaning, then the engine's stages, then the report, the corpus encoding and the files
/// written) with its time and, where the system says it, the peak memory so far.
struct Bar {
    on: bool,
    out: Box<dyn Write>,
    last: Option<Instant>,
    start: Instant,
    /// The phase after cleaning under way, when it began and the process's CPU seconds then.
    stage: Option<(&'static str, Instant, Option<f64>)>,
    /// Bytes of the first `i` files, for `i` in `0..=n`.
    bytes_before: Vec<u64>,
}

impl Bar {
    fn new(on: bool, out: Box<dyn Write>, sizes: impl Iterator<Item = u64>) -> Bar {
        let mut bytes_before = vec![0];
        for size in sizes {
            bytes_before.push(bytes_before.last().copied().unwrap_or(0) + size);
        }
        Bar { on, out, last: None, start: Instant::now(), stage: None, bytes_before }
    }

    /// "1234 files in 2.0 s (617 files/s, 3.1 MB/s)" for the first `done` files.
    fn throughput(&self, done: usize) -> String {
        let seconds = self.start.elapsed().as_secs_f64().max(1e-3);
        let bytes = self.bytes_before.get(done).copied().unwrap_or(0) as f64;
        format!(
            "{done} files in {seconds:.1} s ({:.0} files/s, {:.1} MB/s)",
            done as f64 / seconds,
            bytes / 1e6 / seconds
        )
    }

    fn show(&mut self, progress: Progress<'_>) {
        match progress {
            Progress::Cleaned { done, total, name, .. } => {
                let due = self.last.is_none_or(|t| t.elapsed() >= Duration::from_millis(50));
                if !self.on || (!due && done < total) {
                    return;
                }
                const CELLS: usize = 30;
                let filled = done * CELLS / total.max(1);
                let name: String = name.chars().take(30).collect();
                let name = terminal_safe(&name);
                let line = format!(
                    "[{}{}] {done}/{total} cleaning, {} {name}",
                    "#".repeat(filled),
                    "-".repeat(CELLS - filled),
                    self.throughput(done)
                );
                self.last = Some(Instant::now());
                self.transient(&line);
            }
            Progress::Indexing => {
                let cleaned = self.throughput(self.bytes_before.len() - 1);
                let memory = peak_memory();
                let cpu = cpu_seconds().map(|s| format!(", {s:.1} s CPU")).unwrap_or_default();
                self.line(&format!("parallax: cleaned {cleaned}{cpu}{memory}"));
            }
            Progress::Stage(stage) => {
                self.end_stage();
                self.stage = Some((stage, Instant::now(), cpu_seconds()));
                self.transient(&format!("building {stage}…"));
            }
        }
    }

    /// Prints the phase under way with its time, if any.
    fn end_stage(&mut self) {
        if let Some((stage, began, cpu_then)) = self.stage.take() {
            let memory = peak_memory();
            // On every core, or waiting for one on a busy machine, the wall time alone misleads.
            let cpu = match (cpu_then, cpu_seconds()) {
                (Some(then), Some(now)) => format!(" ({:.1} s CPU)", now - then),
                _ => String::new(),
            };
            self.line(&format!("parallax: {stage}: {:.1} s{cpu}{memory}", began.elapsed().as_secs_f64()));
        }
    }

    /// A line redrawn in place (terminal only).
    fn transient(&mut self, line: &str) {
        if self.on {
            let _ = write!(self.out, "\r\x1b[2K{line}");
            let _ = self.out.flush();
        }
    }

    /// A line kept on screen (any stderr), replacing the transient one.
    fn line(&mut self, line: &str) {
        if self.on {
            let _ = write!(self.out, "\r\x1b[2K");
        }
        let _ = writeln!(self.out, "{line}");
    }

    fn finish(&mut self) {
        self.end_stage();
        let elapsed = self.start.elapsed().as_secs_f64();
        let files = self.bytes_before.len() - 1;
        let cpu = cpu_seconds().map(|s| format!(", {s:.1} s CPU")).unwrap_or_default();
        self.line(&format!(
            "parallax: built in {elapsed:.1} s ({:.0} files/s overall{cpu}){}",
            files as f64 / elapsed.max(1e-3),
            peak_memory()
        ));
    }
}

/// User plus system CPU seconds of this process so far, all threads (`/proc/self/stat`, in steps
/// of 10 ms), or None where the system does not say it.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which may hold spaces) start with the state, field 3;
    // utime and stime, fields 14 and 15, are in clock ticks (100 a second on Linux).
    let after = stat.rsplit_once(')')?.1;
    let mut fields = after.split_whitespace().skip(11);
    let utime: f64 = fields.next()?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// ", peak memory 512 MB" from the process's high-water mark (`VmHWM` in `/proc/self/status`, in
/// KiB), in millions of bytes, or nothing where the system does not say it.
fn peak_memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
    kb.map(|kb| format!(", peak memory {} MB", kb * 1024 / 1_000_000)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_engine::SourceInput;

    #[test]
    fn chunks_are_written_gzip_compressed_and_decompress_to_what_the_reader_checks() {
        let files = parallax_engine::synth::corpus(30, 2);
        let sources: Vec<SourceInput<'_>> =
            files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
        let bundle = parallax_engine::build_bundle(&sources, "").bundle;
        let plain = chunked::split(&bundle, &chunked::Sizes::default());
        let out = std::env::temp_dir().join(format!("parallax-site-gzip-split-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&out);
        let out_dir = OutDir::open(&out, &out.join("articles")).unwrap();
        let packed = gzip_split(bundle.clone(), out_dir.staging().unwrap()).unwrap();
        let bytes_of = |c: &StagedChunk| std::fs::read(packed.staging.dir().join(&c.name)).unwrap();
        let gunzip = |bytes: &[u8]| {
            assert!(bytes.starts_with(&[0x1f, 0x8b]), "gzip");
            parallax_engine::ingest::gunzip(bytes).unwrap()
        };
        assert!(packed.manifest.len() < plain.manifest.len());
        let mut reader = chunked::Reader::open(&gunzip(&packed.manifest)).unwrap();
        let (summary, plain_summary) =
            (reader.manifest().summary.clone(), chunked::decode_manifest(&plain.manifest).unwrap().summary);
        let packed_total: u64 = packed.chunks.iter().map(|c| c.len as u64).sum();
        assert_eq!(summary.chunk_bytes, packed_total, "the offline size is what travels");
        assert!(summary.chunk_bytes < plain_summary.chunk_bytes);
        assert_eq!(summary.chunk_files, plain_summary.chunk_files);
        assert_eq!(packed.chunks.len(), plain.chunks.len());
        for (chunk, plain) in packed.chunks.iter().zip(&plain.chunks) {
            assert_eq!(chunk.name, plain.name, "names keep the uncompressed chunk's hash");
            assert_eq!(chunk.kind, plain.kind);
            let bytes = bytes_of(chunk);
            assert_eq!((bytes.len(), sha256_hex(&bytes)), (chunk.len, chunk.sha256.clone()));
            assert_eq!(gunzip(&bytes), plain.bytes);
        }
        // Every chunk is one the reader accepts, by the id it gives it: the manifest's chunks first
        // (their `ord` pages name the article chunks, whose ids leave room for fuller pages), then
        // each article chunk an `ord` page named.
        let (listed, mut added) = (reader.manifest().chunks.len(), 0);
        for id in (0..listed + (packed.chunks.len() << 12)).map(chunked::ChunkId) {
            let name = reader.chunk_name(id);
            if name.is_empty() {
                continue;
            }
            let chunk = packed.chunks.iter().find(|c| c.name == name).unwrap();
            reader.add(id, &gunzip(&bytes_of(chunk))).unwrap();
            added += 1;
        }
        assert_eq!(added, packed.chunks.len(), "every chunk reached");
        let staged = packed.staging.dir().to_path_buf();
        drop(packed);
        assert!(!staged.exists(), "the staging folder goes with the split");
        std::fs::remove_dir_all(&out).unwrap();
    }

    /// A writer whose bytes the test reads afterwards.
    #[derive(Clone, Default)]
    struct Captured(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_build_logs_cleaning_throughput_then_each_phase_by_name() {
        let captured = Captured::default();
        let mut bar = Bar::new(false, Box::new(captured.clone()), [1_000_000u64, 2_000_000].into_iter());
        for (done, name) in [(1, "a.txt"), (2, "b.txt")] {
            bar.show(Progress::Cleaned { done, total: 2, name, articles: done, removed: 0 });
        }
        bar.show(Progress::Indexing);
        for stage in ["entities", "stories and dates", "search index", "report", "chunks", "writing files"] {
            bar.show(Progress::Stage(stage));
        }
        bar.finish();
        let text = String::from_utf8(captured.0.borrow().clone()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 8, "{text}");
        assert!(lines[0].starts_with("parallax: cleaned 2 files in "), "{text}");
        assert!(lines[0].contains(" files/s, ") && lines[0].contains(" MB/s)"), "{text}");
        let phases: Vec<&str> = lines[1..7]
            .iter()
            .map(|l| l.trim_start_matches("parallax: ").split(':').next().unwrap())
            .collect();
        assert_eq!(
            phases,
            ["entities", "stories and dates", "search index", "report", "chunks", "writing files"]
        );
        assert!(
            lines[1..7].iter().all(|l| l.rsplit(": ").next().is_some_and(|t| t.contains(" s"))),
            "{text}"
        );
        assert!(
            lines[7].starts_with("parallax: built in ") && lines[7].contains("files/s overall"),
            "{text}"
        );
        // Not a terminal: no bar redrawn in place, no escape codes in a log.
        assert!(!text.contains('\x1b') && !text.contains('\r'), "{text}");
    }

    #[test]
    fn on_a_terminal_the_bar_names_the_file_being_cleaned() {
        let captured = Captured::default();
        let mut bar = Bar::new(true, Box::new(captured.clone()), [10u64].into_iter());
        bar.show(Progress::Cleaned { done: 1, total: 1, name: "only.txt", articles: 1, removed: 0 });
        let text = String::from_utf8(captured.0.borrow().clone()).unwrap();
        assert!(text.contains("1/1 cleaning, 1 files in ") && text.ends_with("only.txt"), "{text}");
    }

    #[test]
    fn a_chunked_site_starts_the_chunked_explorer_instead_of_the_seed_one() {
        let index = "<html><head>\n<link rel=\"icon\" href=\"icon.svg\" />\n\
            <script type=\"module\">\nimport init, * as bindings from './parallax-app-f1a7.js';\n\
            const wasm = await init({ module_or_path: './parallax-app-6960_bg.wasm' });\n</script>\n\
            <script src=\"sw-register.js\" defer></script>\n\
            <link rel=\"modulepreload\" href=\"./parallax-app-f1a7.js\" crossorigin=\"anonymous\">\
            <link rel=\"preload\" href=\"./parallax-app-6960_bg.wasm\" as=\"fetch\" type=\"application/wasm\"></head>\n\
            <body><div id=\"app\"></div></body></html>";
        let chunked = chunked_index(index, None);
        assert!(!chunked.contains("parallax-app-"), "{chunked}");
        assert_eq!(chunked.matches("<script type=\"module\">").count(), 1, "{chunked}");
        assert!(chunked.contains("fetch('./chunked_explorer.js')"), "{chunked}");
        assert!(chunked.contains("module_or_path: './chunked_explorer_bg.wasm'"), "{chunked}");
        assert!(chunked.contains("\\n;return wasm_bindgen;"), "{chunked}");
        for kept in [
            "<link rel=\"icon\" href=\"icon.svg\" />",
            "<script src=\"sw-register.js\" defer></script>",
            "<div id=\"app\">",
        ] {
            assert!(chunked.contains(kept), "{kept} in {chunked}");
        }
        assert!(is_seed_explorer("parallax-app-6960_bg.wasm") && is_seed_explorer("parallax-app-f1a7.js"));
        assert!(!is_seed_explorer("chunked_explorer_bg.wasm") && !is_seed_explorer("parallax-app-x.css"));
    }

    #[test]
    fn a_chunked_site_opened_on_a_search_preloads_the_dictionary_and_only_then() {
        let index = "<html><head>\n<link rel=\"preload\" href=\"corpus.plx\" as=\"fetch\" crossorigin=\"anonymous\" />\n</head><body></body></html>";
        let chunked = chunked_index(index, Some("chunks/terms-0123456789abcdef.plx"));
        let script = chunked.split("<script>").nth(1).and_then(|s| s.split("</script>").next()).unwrap();
        assert!(script.starts_with("if (/^#\\/search\\?q=[^&]/.test(location.hash))"), "{script}");
        for set in [
            "l.rel = 'preload'",
            "l.as = 'fetch'",
            "l.crossOrigin = 'anonymous'",
            "l.href = 'chunks/terms-0123456789abcdef.plx'",
        ] {
            assert!(script.contains(set), "{set} in {script}");
        }
        assert!(chunked.find("<script>").unwrap() < chunked.find("</head>").unwrap(), "{chunked}");
        assert!(!chunked_index(index, None).contains("terms-"));
    }

    #[test]
    fn a_chunked_site_preloads_the_manifest_and_tells_the_app_where_the_chunks_are() {
        let index = "<html><head>\n<link rel=\"preload\" href=\"corpus.plx\" as=\"fetch\" crossorigin=\"anonymous\" />\n</head><body></body></html>";
        let chunked = chunked_index(index, None);
        assert!(
            chunked.contains("<link rel=\"preload\" href=\"chunks/manifest.plx\" as=\"fetch\""),
            "{chunked}"
        );
        assert!(!chunked.contains("corpus.plx"), "{chunked}");
        assert!(
            chunked.contains("<meta name=\"parallax-chunks\" content=\"chunks/\" />\n</head>"),
            "{chunked}"
        );
    }
}
