//! Parallax's engine: the pure core shared by the browser explorer and the `parallax` CLI.
//!
//! It never does IO and never depends on anything web: callers hand it bytes and names, and get
//! values back. The same code runs natively (CLI, tests, benchmarks) and in WebAssembly.
//!
//! ```
//! use parallax_engine::{build_bundle, SourceInput};
//!
//! let raw = "A Title Line\n\nA first paragraph that says something.\n";
//! let built = build_bundle(&[SourceInput { name: "one.txt", bytes: raw.as_bytes() }], "");
//! assert_eq!(built.bundle.articles.len(), 1);
//! let bytes = parallax_engine::bundle::encode(&built.bundle);
//! let back = parallax_engine::bundle::decode(&bytes).unwrap();
//! assert_eq!(back.articles[0].title.text, "A Title Line");
//! ```

// These docs are for the engine's developers: a public item's doc names the private constant or
// module that decides what it does. Read them with `cargo doc --document-private-items`.
#![allow(rustdoc::private_intra_doc_links)]

pub mod bundle;
pub mod chunked;
pub mod clean;
pub mod compare;
pub mod dates;
pub mod entities;
pub mod hash;
#[cfg(feature = "ingest")]
pub mod ingest;
mod memo;
pub mod model;
mod par;
pub mod report;
pub mod search;
#[cfg(feature = "ingest")]
pub mod site;
pub mod sort;
pub mod stories;
pub mod synth;
pub mod text;

pub use bundle::Bundle;
pub use model::{Article, Block, BlockKind, Diagnostic, NoiseKind, Removed, Severity, Spanned};

/// One raw file handed to the engine: its name (relative path) and its bytes, as read by the caller.
#[derive(Debug, Clone, Copy)]
pub struct SourceInput<'a> {
    /// File name, used for provenance and stable ids.
    pub name: &'a str,
    /// The raw bytes; they may be anything (empty, binary, not UTF-8, CRLF).
    pub bytes: &'a [u8],
}

/// A built bundle plus everything the build had to say about its inputs.
#[derive(Debug)]
pub struct Built {
    /// The bundle, ready to encode.
    pub bundle: Bundle,
    /// Per-file diagnostics: rejected files, noise-only files, decoding repairs.
    pub diagnostics: Vec<Diagnostic>,
}

/// Cleans every source, then builds the search index, entity data and stories into one bundle.
///
/// `entity_kb` is the curated knowledge base in TOML (may be empty). Bad inputs never fail the
/// build: each becomes a diagnostic and the rest of the corpus still builds.
pub fn build_bundle(sources: &[SourceInput<'_>], entity_kb: &str) -> Built {
    build_bundle_with(sources, entity_kb, &BuildOptions::default())
}

/// What [`build_bundle_with`] builds besides the articles, index and entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildOptions {
    /// Group articles into stories. Stories are the costliest part of a large build (about half
    /// of it at 10,000 articles); benchmarks of search turn them off (the bundle then has no
    /// stories).
    pub stories: bool,
}

impl Default for BuildOptions {
    fn default() -> BuildOptions {
        BuildOptions { stories: true }
    }
}

/// How far [`build_bundle_with_progress`] has got, for a caller's progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress<'a> {
    /// The `done`-th source of `total` (this one) has been cleaned.
    Cleaned {
        /// Sources cleaned so far, this one included.
        done: usize,
        /// Number of sources.
        total: usize,
        /// The source just cleaned.
        name: &'a str,
        /// Articles found so far, this source's included.
        articles: usize,
        /// Noise spans removed so far (menus, share prompts, footers…), this source's included.
        removed: usize,
    },
    /// Every source is clean; entities, the search index and stories are being built.
    Indexing,
    /// One stage after cleaning is starting: `"entities"`, `"stories and dates"`, `"search index"`.
    Stage(&'static str),
}

/// [`build_bundle`] with every knob.
pub fn build_bundle_with(sources: &[SourceInput<'_>], entity_kb: &str, options: &BuildOptions) -> Built {
    build_bundle_with_progress(sources, entity_kb, options, &mut |_| {})
}

/// [`build_bundle_with`], reporting progress after each source is cleaned and before indexing.
pub fn build_bundle_with_progress(
    sources: &[SourceInput<'_>],
    entity_kb: &str,
    options: &BuildOptions,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Built {
    extend_bundle_with_progress(Bundle::default(), sources, entity_kb, options, progress)
}

/// Adds `sources` to a bundle already built: only the new sources are cleaned (a bundle keeps its
/// cleaned articles, so the files it came from are not needed again); the entities, search index,
/// stories and dates are rebuilt over every article. The bundle's articles come first and keep their
/// ids; its stories and dates are recomputed. Progress counts the new sources only.
pub fn extend_bundle_with_progress(
    existing: Bundle,
    sources: &[SourceInput<'_>],
    entity_kb: &str,
    options: &BuildOptions,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Built {
    let cleaned = clean_sources(existing, sources, progress);
    analyse(cleaned, entity_kb, options, progress)
}

/// Articles cleaned from their sources (with ids and provenance), before entities, the index and
/// stories: the first half of a build, which needs the sources' bytes; [`analyse`], the second,
/// does not, so a caller can free them in between.
#[derive(Debug)]
pub struct Cleaned {
    articles: Vec<Article>,
    sources: Vec<model::ArticleSource>,
    diagnostics: Vec<Diagnostic>,
}

/// The cleaning half of [`extend_bundle_with_progress`]: `existing`'s articles, then those of
/// `sources`; reports [`Progress::Cleaned`] per source, then [`Progress::Indexing`].
pub fn clean_sources(
    existing: Bundle,
    sources: &[SourceInput<'_>],
    progress: &mut dyn FnMut(Progress<'_>),
) -> Cleaned {
    // Lines recurring across the files (an outlet's menus, prompts, footers) are furniture.
    let repeated = clean::repeated_lines(sources.iter().map(|s| s.bytes));
    let mut cleaning = Cleaning::new(existing, &repeated, sources.len());
    cleaning.add(sources, progress);
    cleaning.finish(progress)
}

/// [`clean_sources`] a batch of sources at a time, for a caller that reads its files as it goes
/// and so never holds them all (`parallax site`): the same articles, ids and provenance, whatever
/// the batches. The corpus pre-pass ([`clean::repeated_lines`], or a [`clean::LineCounter`] fed
/// every file) must be done first, over every source.
pub struct Cleaning<'a> {
    config: clean::CleanConfig<'a>,
    articles: Vec<Article>,
    provenance: Vec<Option<model::ArticleSource>>,
    kept_sources: Vec<model::ArticleSource>,
    n_kept: usize,
    diagnostics: Vec<Diagnostic>,
    removed: usize,
    done: usize,
    total: usize,
}

impl<'a> Cleaning<'a> {
    /// Starts with `existing`'s articles; `total` is the number of sources that will be added (for
    /// [`Progress::Cleaned`]).
    pub fn new(existing: Bundle, repeated: &'a clean::RepeatedLines, total: usize) -> Cleaning<'a> {
        let Bundle { articles, sources: kept_sources, .. } = existing;
        Cleaning {
            config: clean::CleanConfig { repeated: Some(repeated), ..clean::CleanConfig::default() },
            n_kept: articles.len(),
            articles,
            provenance: Vec::new(),
            kept_sources,
            diagnostics: Vec::new(),
            removed: 0,
            done: 0,
            total,
        }
    }

    /// Cleans the next sources (on every core with feature `parallel`) and keeps their articles;
    /// reports [`Progress::Cleaned`] per source.
    pub fn add(&mut self, sources: &[SourceInput<'_>], progress: &mut dyn FnMut(Progress<'_>)) {
        let Cleaning { config, articles, provenance, diagnostics, removed, done, total, n_kept, .. } = self;
        clean_all(sources, config, &mut |i, (found, said)| {
            diagnostics.extend(said);
            for (article, from) in found {
                *removed += article.removed.len();
                provenance.push(from);
                articles.push(article);
            }
            *done += 1;
            let (done, total, name) = (*done, (*total).max(*done), sources[i].name);
            progress(Progress::Cleaned {
                done,
                total,
                name,
                articles: articles.len() - *n_kept,
                removed: *removed,
            });
        });
    }

    /// Every source is added: ids are assigned; reports [`Progress::Indexing`].
    pub fn finish(self, progress: &mut dyn FnMut(Progress<'_>)) -> Cleaned {
        let Cleaning { mut articles, provenance, kept_sources, n_kept, diagnostics, .. } = self;
        progress(Progress::Indexing);
        // Ids follow corpus order, so the bundle's own articles, first, get the ids they had.
        model::assign_ids(&mut articles);
        let sources: Vec<model::ArticleSource> =
            kept_sources
                .into_iter()
                .chain(articles[n_kept..].iter().zip(provenance).filter_map(|(a, from)| {
                    from.map(|s| model::ArticleSource { article: a.id.clone(), ..s })
                }))
                .collect();
        Cleaned { articles, sources, diagnostics }
    }
}

/// The analysing half of [`extend_bundle_with_progress`]: entities, the search index, stories and
/// dates over cleaned articles; reports each [`Progress::Stage`].
pub fn analyse(
    cleaned: Cleaned,
    entity_kb: &str,
    options: &BuildOptions,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Built {
    let mut built = analyse_unindexed(cleaned, entity_kb, options, progress);
    progress(Progress::Stage("search index"));
    let bundle = &mut built.bundle;
    bundle.search = search::SearchIndex::build(&bundle.articles, &bundle.entities);
    built
}

/// [`analyse`] without the search index (the bundle's is empty): for
/// [`chunked::split_indexing`], which builds the index as it cuts the articles into chunks, so
/// a large build never holds every article and the whole index at once.
pub fn analyse_unindexed(
    cleaned: Cleaned,
    entity_kb: &str,
    options: &BuildOptions,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Built {
    let Cleaned { articles, sources, mut diagnostics } = cleaned;
    let (kb, kb_diagnostics) = entities::KnowledgeBase::parse(entity_kb);
    diagnostics.extend(kb_diagnostics);
    progress(Progress::Stage("entities"));
    let mut entities = entities::EntityData::build(&articles, &kb);
    // Stories come before the search index, which they do not read: the stage that needs the most
    // memory for its work (stories' vectors and graph) then runs without the index held, and the
    // index is built once that memory is free.
    progress(Progress::Stage("stories and dates"));
    let terms = dates::OfficeTerms::parse(entity_kb);
    // Stories and dates settle each other: an article that never says when it was written takes
    // its story's date. Without stories, each article is dated from its own text.
    let (stories, dates) = if options.stories {
        let grouped = stories::group_lean(&articles, &mut entities, &terms);
        diagnostics.extend(grouped.diagnostics);
        (grouped.stories, grouped.dates)
    } else {
        (Vec::new(), dates::publication_dates(&articles, &entities, &terms, &[]))
    };
    let search = search::SearchIndex::default();
    Built { bundle: Bundle { articles, search, entities, stories, dates, sources }, diagnostics }
}

/// One source's articles and diagnostics, as [`read_source`] returns them.
type SourceArticles = (Vec<(Article, Option<model::ArticleSource>)>, Vec<Diagnostic>);

/// Cleans every source and hands each one's result to `each` with its index, in source order.
/// With the `parallel` feature (the CLI) sources are cleaned on every core, a batch at a time so
/// the order and the progress reports stay those of the sequential loop.
fn clean_all(
    sources: &[SourceInput<'_>],
    config: &clean::CleanConfig<'_>,
    each: &mut dyn FnMut(usize, SourceArticles),
) {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        // Big enough to keep every core busy, small enough for a smooth progress bar.
        let batch = 64 * rayon::current_num_threads().max(1);
        for (b, chunk) in sources.chunks(batch).enumerate() {
            let cleaned: Vec<SourceArticles> = chunk.par_iter().map(|s| read_source(s, config)).collect();
            for (i, one) in cleaned.into_iter().enumerate() {
                each(b * batch + i, compact(one));
            }
        }
    }
    #[cfg(not(feature = "parallel"))]
    for (i, source) in sources.iter().enumerate() {
        each(i, compact(read_source(source, config)));
    }
}

/// One source's articles copied afresh, with no spare room in their lists and texts (a clone
/// is exactly as long as what it copies): a corpus's articles are held until the build ends,
/// and lists grown a push at a time are a quarter empty on average. The copy is made on the
/// thread that keeps the articles, not the worker that cleaned them, so the articles fill pages
/// of their own instead of pinning the pages of the cleaner's scratch allocations they were made
/// among (a worker's pages are returned to the system once its scratch is freed).
fn compact(mut found: SourceArticles) -> SourceArticles {
    for (article, from) in &mut found.0 {
        *article = article.clone();
        if let Some(from) = from {
            *from = from.clone();
        }
    }
    found
}

/// One source's articles (with provenance for web pages, JSON records and web archives).
#[cfg(feature = "ingest")]
fn read_source(source: &SourceInput<'_>, config: &clean::CleanConfig<'_>) -> SourceArticles {
    let got = ingest::ingest(source.name, source.bytes, config);
    (got.articles, got.diagnostics)
}

/// One source's articles: without the `ingest` feature every file is plain text.
#[cfg(not(feature = "ingest"))]
fn read_source(source: &SourceInput<'_>, config: &clean::CleanConfig<'_>) -> SourceArticles {
    let report = clean::clean_file_with(source.name, source.bytes, config);
    (report.articles.into_iter().map(|a| (a, None)).collect(), report.diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_build_without_stories_has_the_same_articles_and_search() {
        let files = synth::corpus(6, 3);
        let sources: Vec<SourceInput<'_>> =
            files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
        let full = build_bundle(&sources, "").bundle;
        let lean = build_bundle_with(&sources, "", &BuildOptions { stories: false }).bundle;
        assert!(!full.stories.is_empty());
        assert!(lean.stories.is_empty());
        assert_eq!(lean.articles, full.articles);
        assert_eq!(lean.search, full.search);
    }

    #[test]
    fn articles_keep_the_order_of_their_files_however_cleaning_is_spread_over_cores() {
        // More files than one parallel batch, so batches and their order are exercised.
        let files = synth::corpus(700, 5);
        let sources: Vec<SourceInput<'_>> =
            files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
        let mut done = Vec::new();
        let built = build_bundle_with_progress(&sources, "", &BuildOptions { stories: false }, &mut |p| {
            if let Progress::Cleaned { done: d, total, name, .. } = p {
                assert_eq!((total, name), (700, sources[d - 1].name));
                done.push(d);
            }
        });
        assert_eq!(done, (1..=700).collect::<Vec<_>>());
        let order: Vec<&str> = built.bundle.articles.iter().map(|a| a.file.as_str()).collect();
        let expected: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(order, expected);
    }

    #[test]
    fn cleaning_a_few_files_at_a_time_gives_what_cleaning_them_all_at_once_gives() {
        let files = synth::corpus(40, 9);
        let sources: Vec<SourceInput<'_>> =
            files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
        let whole = clean_sources(Bundle::default(), &sources, &mut |_| {});
        let mut counter = clean::LineCounter::default();
        sources.iter().for_each(|s| counter.add(s.bytes));
        let repeated = counter.finish();
        let mut cleaning = Cleaning::new(Bundle::default(), &repeated, sources.len());
        let mut done = Vec::new();
        for batch in sources.chunks(7) {
            cleaning.add(batch, &mut |p| {
                if let Progress::Cleaned { done: d, total, .. } = p {
                    done.push((d, total));
                }
            });
        }
        let batched = cleaning.finish(&mut |_| {});
        assert_eq!(done, (1..=40).map(|d| (d, 40)).collect::<Vec<_>>());
        assert_eq!(batched.articles, whole.articles);
        assert_eq!(batched.sources, whole.sources);
        assert_eq!(batched.diagnostics, whole.diagnostics);
    }

    #[test]
    fn articles_with_the_same_title_get_numbered_ids_in_corpus_order() {
        let body = "\n\nA first paragraph that says something about the talks.\n";
        let texts: Vec<String> = ["Same Title", "Same Title", "Same Title 2", "Same Title"]
            .iter()
            .map(|t| format!("{t}{body}"))
            .collect();
        let names = ["a.txt", "b.txt", "c.txt", "d.txt"];
        let sources: Vec<SourceInput<'_>> = names
            .iter()
            .zip(&texts)
            .map(|(name, text)| SourceInput { name, bytes: text.as_bytes() })
            .collect();
        let built = build_bundle_with(&sources, "", &BuildOptions { stories: false }).bundle;
        let ids: Vec<&str> = built.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["same-title", "same-title-2", "same-title-2-2", "same-title-3"]);
    }

    #[test]
    fn progress_counts_every_file_then_says_indexing() {
        let sources = [
            SourceInput { name: "a.txt", bytes: b"A Title Line\n\nA first paragraph that says something.\n" },
            SourceInput { name: "empty.txt", bytes: b"  \n" },
        ];
        let mut seen = Vec::new();
        let built = build_bundle_with_progress(&sources, "", &BuildOptions::default(), &mut |p| {
            seen.push(match p {
                Progress::Cleaned { done, total, name, .. } => format!("{done}/{total} {name}"),
                Progress::Indexing => "indexing".into(),
                Progress::Stage(stage) => stage.into(),
            })
        });
        assert_eq!(
            seen,
            ["1/2 a.txt", "2/2 empty.txt", "indexing", "entities", "stories and dates", "search index"]
        );
        assert_eq!(built.bundle.articles.len(), build_bundle(&sources, "").bundle.articles.len());
    }

    #[test]
    fn adding_files_keeps_the_articles_there_and_equals_building_everything_at_once() {
        let files = synth::corpus(8, 3);
        let sources: Vec<SourceInput<'_>> =
            files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
        let (first, added) = sources.split_at(5);
        let options = BuildOptions::default();
        let before = build_bundle_with(first, "", &options).bundle;
        let mut cleaned = 0;
        let extended = extend_bundle_with_progress(before.clone(), added, "", &options, &mut |p| {
            if let Progress::Cleaned { total, .. } = p {
                assert_eq!(total, added.len(), "only the added files are cleaned");
                cleaned += 1;
            }
        })
        .bundle;
        assert_eq!(cleaned, added.len());
        assert_eq!(&extended.articles[..before.articles.len()], &before.articles[..], "kept as they were");
        let whole = build_bundle_with(&sources, "", &options).bundle;
        let ids = |b: &Bundle| b.articles.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&extended), ids(&whole));
        let title = &extended.articles[extended.articles.len() - 1].title.text;
        let hits = extended.search.search(&extended.articles, title, 10);
        assert_eq!(hits, whole.search.search(&whole.articles, title, 10), "an added article is found");
    }
}
