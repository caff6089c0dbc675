//! The fuzz harnesses: one function per target, each taking arbitrary bytes and running a part of
//! Parallax the way a reader or the CLI would. A harness fails only by panicking (a crash), taking
//! more than a second (a hang) or allocating more than 1 GiB ([`LimitedAlloc`]).
//!
//! The libFuzzer targets in `fuzz_targets/` are one line each around these; `replay` runs the
//! same functions over the seed corpora and deterministic mutations of them on stable Rust, where
//! nightly (and so libFuzzer) is missing. Where a harness can check more than "does not crash"
//! cheaply, it does: a freshly built bundle must encode, decode and validate; stored state must
//! read back as it was written.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use parallax_app::state::{self, Explorer, Route, TypeFilter};
use parallax_app::{collection_report, collections, compare_view, storage};
use parallax_engine::entities::EntityKind;
use parallax_engine::search::SearchOptions;
use parallax_engine::{build_bundle, build_bundle_with, bundle, chunked, BuildOptions, Bundle, SourceInput};

/// The seed knowledge base, so inputs meet the curated aliases and roles too.
pub const KB: &str = include_str!("../../corpus/entities.toml");

/// Every target, by name, for `replay` and `seeds`.
pub const TARGETS: &[(&str, fn(&[u8]))] = &[
    ("clean", clean),
    ("pipeline", pipeline),
    ("bundle", bundle),
    ("search", search),
    ("compare", compare),
    ("storage", storage),
    ("report", report),
    ("chunk", chunk),
];

/// The byte that separates files (or articles) in one input: never part of UTF-8 text.
pub const FILE_SEPARATOR: u8 = 0xFF;

/// Most files one input is split into.
const MAX_FILES: usize = 4;

/// The most of one input the build and comparison targets read. The engine's own bounds (sentences
/// compared, words per article for stories and dates, names per sentence) are reached well below
/// this, so longer inputs only repeat work: libFuzzer's inputs grow with its corpus (seed articles
/// are up to 30 KB, mutations join them), and a build of several hundred kilobytes ran each
/// execution at a few per second. Long inputs are the scaling benchmarks' job
/// (`engine/examples/scaling.rs`, `engine/benches/compare.rs`).
pub const MAX_BUILD_INPUT: usize = 64 << 10;

/// `data` cut to [`MAX_BUILD_INPUT`] bytes.
fn capped(data: &[u8]) -> &[u8] {
    &data[..data.len().min(MAX_BUILD_INPUT)]
}

/// Cleaning one raw file of any bytes.
pub fn clean(data: &[u8]) {
    let _ = parallax_engine::clean::clean_file("fuzz.txt", data);
}

/// The whole build of up to four files (the input split at [`FILE_SEPARATOR`]): cleaning,
/// entities, the search index and stories; the bundle must then encode, decode and validate.
pub fn pipeline(data: &[u8]) {
    let names = ["a.txt", "b/b.txt", "c.md", "d.html"];
    let sources: Vec<SourceInput<'_>> = capped(data)
        .split(|&b| b == FILE_SEPARATOR)
        .take(MAX_FILES)
        .zip(names)
        .map(|(bytes, name)| SourceInput { name, bytes })
        .collect();
    let built = build_bundle(&sources, KB);
    let bytes = bundle::encode(&built.bundle);
    if let Err(e) = bundle::decode(&bytes) {
        panic!("a freshly built bundle does not read back: {e}");
    }
}

/// A bundle whose payload is the input, with a header (length, CRC-32) that matches it, so every
/// mutation reaches the decoder and, when it decodes, every read the explorer makes.
pub fn bundle(data: &[u8]) {
    let bytes = with_header(data);
    if let Ok(decoded) = bundle::decode(&bytes) {
        read_everything(decoded);
    }
}

/// The query parser and search (with and without filters, prefix completion on and off) on the
/// seed corpus; the input is the query.
pub fn search(data: &[u8]) {
    let query = String::from_utf8_lossy(data);
    let explorer = seed_explorer();
    let bundle = &explorer.bundle;
    for options in [
        SearchOptions::default(),
        SearchOptions { limit: 3, prefix_last_word: true },
        SearchOptions { limit: bundle.articles.len(), prefix_last_word: false },
    ] {
        let results = bundle.search.search_in(&bundle.corpus(), &query, &options);
        for hit in &results.hits {
            let _ = bundle.articles.get(hit.article);
        }
    }
    let _ = bundle.search.search(&bundle.articles, &query, 10);
    let _ = state::search_hits(explorer, 0, Some(&query));
}

/// The seed corpus cut into many small chunks of every kind, built once per thread.
pub fn seed_split() -> &'static chunked::Split {
    thread_local! {
        static SPLIT: &'static chunked::Split = Box::leak(Box::new(chunked::split(&seed_bundle(), &SMALL_CHUNKS)));
    }
    SPLIT.with(|split| *split)
}

/// Chunk sizes that cut the seed corpus into several chunks of each kind.
pub const SMALL_CHUNKS: chunked::Sizes = chunked::Sizes {
    shard_bytes: 2048,
    article_bytes: 1,
    entity_bytes: 1024,
    list_rows: 3,
    ord_chunks: 2,
    id_rows: 3,
    story_bytes: 40,
};

/// Every kind of file a chunked site has, the manifest first: the first input byte picks one.
pub fn chunk_kinds() -> Vec<chunked::ChunkKind> {
    std::iter::once(chunked::ChunkKind::Manifest).chain(chunked::ChunkKind::CHUNKS).collect()
}

/// A chunked site (the seed corpus in small chunks) whose first file of one kind (the first input
/// byte picks it) has the rest of the input as its payload, framed with a matching header and
/// listed by its hash (`chunked::replace_first`), so every mutation reaches the decoder and
/// validation; then every view a reader opens over it, fetching the site's other chunks as the
/// explorer does (`Reader::add` in the order a view names them). A bad chunk must be an error for
/// the view that needs it, never a panic.
pub fn chunk(data: &[u8]) {
    let Some((&which, payload)) = data.split_first() else { return };
    let kinds = chunk_kinds();
    let kind = kinds[usize::from(which) % kinds.len()];
    let site = chunked::replace_first(seed_split(), kind, chunked::frame(kind, payload));
    let files: std::collections::HashMap<&str, &[u8]> =
        site.chunks.iter().map(|c| (c.name.as_str(), c.bytes.as_slice())).collect();
    let Ok(mut reader) = chunked::Reader::open(&site.manifest) else { return };
    let n_articles = reader.article_count();
    let n_entities = reader.manifest().entities.len();
    let n_outlets = reader.manifest().outlets.len();
    let n_stories = reader.story_count();
    let options = SearchOptions { limit: 5, prefix_last_word: true };
    for query in
        ["Kadhimi", "troops Baghdad", "\"prime minister\"", "Kadhemi -Pompeo", "negot", "entity:Kadhimi"]
    {
        let _ = resolve(&mut reader, &files, |r| r.search(query, &options).map(|_| ()));
    }
    let mut filters = vec![chunked::ListFilter::default()];
    filters
        .extend((0..n_outlets.min(3)).map(|o| chunked::ListFilter { outlet: Some(o as u32), story: None }));
    filters
        .extend((0..n_stories.min(3)).map(|s| chunked::ListFilter { outlet: None, story: Some(s as u32) }));
    for filter in &filters {
        let _ = resolve(&mut reader, &files, |r| r.list_page(filter, 0, 4).map(|_| ()));
    }
    for ordinal in 0..n_articles {
        let _ = resolve(&mut reader, &files, |r| r.article_row(ordinal).map(|_| ()));
        let _ = resolve(&mut reader, &files, |r| r.article_in_full(ordinal).map(|_| ()));
        let _ = resolve(&mut reader, &files, |r| r.mentions_in(ordinal).map(|_| ()));
        let _ = reader.date_of(ordinal);
        if let Ok(id) = reader.id_of(ordinal).map(str::to_string) {
            let _ = resolve(&mut reader, &files, |r| r.ordinal_of(&id).map(|_| ()));
            let _ = reader.source(&id);
        }
    }
    let _ = resolve(&mut reader, &files, |r| r.ordinal_of("no-such-article").map(|_| ()));
    let _ = resolve(&mut reader, &files, |r| r.stories().map(|_| ()));
    let _ = resolve(&mut reader, &files, |r| r.search("story:kadhimi", &options).map(|_| ()));
    for entity in 0..n_entities.min(8) {
        let _ = resolve(&mut reader, &files, |r| r.mentions_of(entity as u32).map(|_| ()));
    }
    let _ = resolve(&mut reader, &files, |r| r.all_chunks().map(|_| ()));
}

/// Answers `view`, handing the reader the chunks it names (from `files`) until it answers, a
/// chunk is refused or missing, or it keeps asking: what the explorer's `io::resolve` does.
fn resolve(
    reader: &mut chunked::Reader,
    files: &std::collections::HashMap<&str, &[u8]>,
    mut view: impl FnMut(&mut chunked::Reader) -> Result<(), chunked::Needed>,
) -> Result<(), ()> {
    for _ in 0..8 {
        let needed = match view(reader) {
            Ok(()) => return Ok(()),
            Err(needed) => needed,
        };
        if needed.chunks.is_empty() {
            return Err(());
        }
        for id in needed.chunks {
            let bytes = files.get(reader.chunk_name(id).as_str()).ok_or(())?;
            reader.add(id, bytes).map_err(|_| ())?;
        }
    }
    Err(())
}

/// The comparison of two or three articles of any text: the input split at [`FILE_SEPARATOR`]
/// into files, each built as its own source, then the first article of each compared, as the
/// comparison page does.
pub fn compare(data: &[u8]) {
    let names = ["a.txt", "b.txt", "c.txt"];
    let sources: Vec<SourceInput<'_>> = capped(data)
        .split(|&b| b == FILE_SEPARATOR)
        .take(3)
        .zip(names)
        .map(|(bytes, name)| SourceInput { name, bytes })
        .collect();
    let built = build_bundle_with(&sources, KB, &BuildOptions { stories: false });
    let b = &built.bundle;
    let mut ids: Vec<String> = Vec::new();
    for name in names {
        if let Some(article) = b.articles.iter().find(|a| a.file == name) {
            ids.push(article.id.clone());
        }
    }
    if ids.len() < 2 {
        ids = b.articles.iter().take(2).map(|a| a.id.clone()).collect();
    }
    if ids.len() >= 2 {
        let _ = compare_view::compare_view(b, &ids[..2]);
        if ids.len() >= 3 {
            let _ = compare_view::compare_view(b, &ids);
        }
    }
}

/// The explorer's stored state (localStorage) and its hash routes, read from any text: what reads
/// back must be what was stored.
pub fn storage(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(remembered) = storage::decode(&text) {
        let again = storage::decode(&storage::encode(&remembered));
        assert_eq!(again.as_ref(), Ok(&remembered), "stored state does not read back as written");
    }
    let route = Route::parse(&text);
    let _ = Route::parse(&route.href());
    // A collection's stored record (IndexedDB) and a typed collection name: what is accepted
    // reads back as written.
    if let Ok(meta) = collections::decode_meta(&text) {
        let again = collections::decode_meta(&collections::encode_meta(&meta));
        assert_eq!(again.as_ref().ok(), Some(&meta), "a collection record does not read back as written");
    }
    // A collection's stored import report (raw bytes): what is accepted reads back as written.
    if let Ok(report) = collection_report::decode_report(data) {
        let again = collection_report::decode_report(&collection_report::encode_report(&report));
        assert_eq!(
            again.as_ref().ok(),
            Some(&report),
            "a stored import report does not read back as written"
        );
    }
    if let Ok(name) = collections::clean_name(&text) {
        assert!(!name.is_empty(), "an empty collection name was accepted");
        assert_eq!(
            collections::clean_name(&name).as_ref(),
            Ok(&name),
            "a cleaned name changes when cleaned again"
        );
    }
}

/// An earlier `parallax site` output's `report.json`, read as `parallax site -o` reads it before
/// replacing anything: what it accepts must list only plain paths inside the folder; and the input
/// turned into a report the way `parallax site` writes one (sealed) must be accepted, listing
/// exactly its files.
pub fn report(data: &[u8]) {
    use parallax_cli::report::{
        is_plain, seal, sha256_hex, verify, OwnedFile, FIRST_HASHED_VERSION, GENERATOR,
    };
    if let Ok(files) = verify(data) {
        for file in &files {
            assert!(is_plain(&file.path), "a trusted report lists {:?}, outside the folder", file.path);
        }
    }
    let text = String::from_utf8_lossy(data);
    let files: Vec<OwnedFile> = text
        .split('\n')
        .take(16)
        .filter(|name| is_plain(name) && *name != parallax_cli::REPORT_FILE)
        .map(|name| OwnedFile { path: name.to_string(), sha256: sha256_hex(name.as_bytes()) })
        .collect();
    let unsealed = format!(
        "{{\n  \"version\": {FIRST_HASHED_VERSION},\n  \"generator\": \"{GENERATOR}\",\n  \"site_files\": {},\n  \"note\": {},\n  \"seal\": \"\"\n}}",
        serialise(&files),
        serialise(&text),
    );
    let Some(sealed) = seal(unsealed.as_bytes()) else {
        panic!("a report with an empty seal field cannot be sealed")
    };
    assert_eq!(verify(&sealed).as_ref(), Ok(&files), "a sealed report does not read back as written");
}

fn serialise<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| panic!("cannot serialise: {e}"))
}

/// Every read the explorer's pages make of a decoded bundle: home (articles by outlet, stories),
/// article pages (pieces, marks, legend counts, search highlights, the story link), entity pages
/// (index, mentions in context, stats), search with several queries, and comparisons.
pub fn read_everything(decoded: Bundle) {
    let explorer = Explorer::new(decoded);
    let bundle = &explorer.bundle;
    let _ = state::articles_by_outlet(bundle);
    let n_articles = bundle.articles.len();
    for (i, article) in bundle.articles.iter().enumerate().take(8) {
        let _ = state::article_pieces(article, true);
        let _ = state::article_marks(&explorer, i, TypeFilter::default());
        let _ = state::type_counts(&explorer, i);
        let _ = state::search_hits(&explorer, i, Some(&article.title.text));
        if let Some(story) = state::story_of(bundle, &article.id) {
            let _ = state::story_compare_route(bundle, story);
        }
    }
    for kind in [EntityKind::Person, EntityKind::Org, EntityKind::Place] {
        let _ = state::entity_index(&explorer, kind);
    }
    let n_entities = bundle.entities.entities.len() as u32;
    for entity in (0..n_entities.min(8)).chain(n_entities.saturating_sub(2)..n_entities) {
        let _ = state::mentions_in_context(&explorer, entity);
        let _ = bundle.entities.stats(entity, &bundle.articles);
    }
    let first_entity = bundle.entities.entities.first().map(|e| format!("entity:{}", e.id));
    let first_story = bundle.stories.first().map(|s| format!("story:{}", s.id));
    let first_title = bundle.articles.first().map(|a| format!("\"{}\"", a.title.text));
    let queries = ["Kadhimi", "kadh", "\"prime minister\"", "iraq -baghdad", "vote OR election", "outlet:a"];
    for query in
        queries.iter().map(|q| q.to_string()).chain(first_entity).chain(first_story).chain(first_title)
    {
        let options = SearchOptions { limit: 20, prefix_last_word: true };
        let _ = bundle.search.search_in(&bundle.corpus(), &query, &options);
    }
    for story in bundle.stories.iter().take(4) {
        let route = state::story_compare_route(bundle, story);
        if let Route::Compare { ids } = route {
            let _ = compare_view::compare_view(bundle, &ids);
        }
    }
    if n_articles >= 2 {
        let ids = [bundle.articles[0].id.clone(), bundle.articles[n_articles - 1].id.clone()];
        let _ = compare_view::compare_view(bundle, &ids);
    }
}

/// The seed corpus's explorer, built once per thread (an explorer keeps per-article counts in a
/// `RefCell`, so it is not shared between threads; the fuzz targets run on one).
pub fn seed_explorer() -> &'static Explorer {
    thread_local! {
        static SEED: &'static Explorer = Box::leak(Box::new(Explorer::new(seed_bundle())));
    }
    SEED.with(|seed| *seed)
}

/// The seed corpus (`corpus/raw`) built with the seed knowledge base.
pub fn seed_bundle() -> Bundle {
    let files = seed_files();
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, bytes)| SourceInput { name, bytes }).collect();
    build_bundle(&sources, KB).bundle
}

/// The seed articles' raw files, by name, sorted.
pub fn seed_files() -> Vec<(String, Vec<u8>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/raw");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter_map(|p| {
                    Some((p.file_name()?.to_string_lossy().into_owned(), std::fs::read(&p).ok()?))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// A bundle's bytes around `payload`: magic, this version, the payload's length and CRC-32.
pub fn with_header(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(24 + payload.len());
    out.extend_from_slice(bundle::MAGIC);
    out.extend_from_slice(&bundle::VERSION.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// A bundle's payload (what follows the 24-byte header).
pub fn payload_of(bundle_bytes: &[u8]) -> &[u8] {
    bundle_bytes.get(24..).unwrap_or_default()
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// The most a harness may have allocated at once: more is a failure, as the issue defines it.
pub const ALLOCATION_LIMIT: usize = 1 << 30;

static LIVE: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, aborting (a crash libFuzzer records with its input) when live
/// allocations would pass [`ALLOCATION_LIMIT`]. libFuzzer's own `-malloc_limit_mb` needs a
/// sanitizer's malloc hooks; this works with `--sanitizer none` and in `replay` too.
pub struct LimitedAlloc;

impl LimitedAlloc {
    fn over(size: usize) -> bool {
        let live = LIVE.fetch_add(size, Ordering::Relaxed).saturating_add(size);
        if live > ALLOCATION_LIMIT {
            LIVE.fetch_sub(size, Ordering::Relaxed);
            return true;
        }
        false
    }

    fn fail() -> ! {
        const MESSAGE: &[u8] =
            b"\n==parallax-fuzz== allocation over 1 GiB (live allocations would pass the limit)\n";
        // No formatting, no allocation: write the sentence and abort.
        use std::io::Write;
        let _ = std::io::stderr().write_all(MESSAGE);
        std::process::abort()
    }
}

// SAFETY: every call is forwarded to `System` with the caller's layout and pointer unchanged;
// only a counter is kept beside it.
unsafe impl GlobalAlloc for LimitedAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if Self::over(layout.size()) {
            Self::fail();
        }
        // SAFETY: forwarded unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if Self::over(layout.size()) {
            Self::fail();
        }
        // SAFETY: forwarded unchanged.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() && Self::over(new_size - layout.size()) {
            Self::fail();
        }
        // SAFETY: forwarded unchanged.
        let out = unsafe { System.realloc(ptr, layout, new_size) };
        if out.is_null() {
            if new_size > layout.size() {
                LIVE.fetch_sub(new_size - layout.size(), Ordering::Relaxed);
            }
        } else if new_size < layout.size() {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        out
    }
}
