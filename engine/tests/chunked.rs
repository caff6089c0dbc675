//! The chunked corpus answers exactly like the single bundle: the same hits, scores, snippets and
//! highlights, on the seed corpus and a synthetic one, whether cut into one chunk of each kind or
//! into many tiny ones; and a query fetches only part of a large corpus.

use std::collections::HashMap;
use std::rc::Rc;

use parallax_engine::chunked::{self, ChunkId, Reader, Sizes};
use parallax_engine::search::{SearchOptions, SearchResults};
use parallax_engine::Bundle;

mod compare_support;

fn kb() -> String {
    compare_support::seed_kb()
}

fn seed() -> Bundle {
    compare_support::seed_bundle_with_kb()
}

fn synthetic(n: usize) -> Bundle {
    let files = parallax_engine::synth::corpus(n, 11);
    compare_support::build_files(&files, &kb())
}

/// Chunks many times smaller than the defaults: every kind is cut into many chunks.
const TINY: Sizes = Sizes { shard_bytes: 200, article_bytes: 1, entity_bytes: 40 };

/// A site as a reader's browser sees it: file names to bytes, and the bytes fetched so far.
struct Site {
    files: Rc<HashMap<String, Vec<u8>>>,
    manifest: Rc<Vec<u8>>,
    reader: Reader,
    fetched: u64,
}

impl Site {
    fn new(bundle: &Bundle, sizes: &Sizes) -> Site {
        let split = chunked::split(bundle, sizes);
        let files = split.chunks.into_iter().map(|c| (c.name, c.bytes)).collect();
        Site::visit(Rc::new(files), Rc::new(split.manifest))
    }

    /// A cold visit to the same site: nothing fetched but the manifest.
    fn visit(files: Rc<HashMap<String, Vec<u8>>>, manifest: Rc<Vec<u8>>) -> Site {
        let reader = Reader::open(&manifest).unwrap();
        Site { files, fetched: manifest.len() as u64, manifest, reader }
    }

    fn cold(&self) -> Site {
        Site::visit(self.files.clone(), self.manifest.clone())
    }

    fn fetch(&mut self, ids: &[ChunkId]) {
        for &id in ids {
            let bytes = &self.files[&self.reader.chunk_name(id)];
            self.fetched += bytes.len() as u64;
            self.reader.add(id, bytes).unwrap();
        }
    }

    /// Searches, fetching what the reader asks for until it answers.
    fn search(&mut self, query: &str, options: &SearchOptions) -> SearchResults {
        for _ in 0..10 {
            match self.reader.search(query, options) {
                Ok(results) => return results,
                Err(needed) => {
                    assert!(!needed.chunks.is_empty(), "{query}: asked for nothing");
                    self.fetch(&needed.chunks);
                }
            }
        }
        panic!("{query}: still asking for chunks after ten rounds");
    }
}

fn options(limit: usize) -> SearchOptions {
    SearchOptions { limit, ..SearchOptions::default() }
}

/// Every query gives the same results from a fresh chunked site (so each query fetches its own
/// chunks) and from one that keeps what earlier queries fetched, as from the single bundle.
fn check_same(bundle: &Bundle, queries: &[String]) {
    for sizes in [Sizes::default(), TINY] {
        let mut warm = Site::new(bundle, &sizes);
        for query in queries {
            for limit in [10, 50] {
                let expected = bundle.search.search_in(&bundle.corpus(), query, &options(limit));
                let mut cold = warm.cold();
                assert_eq!(cold.search(query, &options(limit)), expected, "{query} (cold, {sizes:?})");
                assert_eq!(warm.search(query, &options(limit)), expected, "{query} (warm, {sizes:?})");
            }
        }
    }
}

#[test]
fn seed_searches_give_the_single_bundles_hits_snippets_and_highlights() {
    let bundle = seed();
    let outlet = bundle.articles.iter().find_map(|a| a.outlet.as_ref()).unwrap().name.clone();
    let story = bundle.stories[0].id.clone();
    let mut queries: Vec<String> = [
        "Kadhimi",
        "Kadhemi Pompoe",
        "sha",
        "prime minister",
        "\"prime minister\"",
        "Kadhimi -Biden",
        "Popular Mobilization Forces",
        "entity:pmf",
        "entity:Kadhimi militia",
        "xqzvv",
        "parliment",
        "\"Hashed Shaabi\"",
    ]
    .map(String::from)
    .to_vec();
    queries.push(format!("outlet:\"{outlet}\" Iraq"));
    queries.push(format!("story:{story}"));
    queries.push(format!("story:{story} Baghdad"));
    check_same(&bundle, &queries);
}

#[test]
fn synthetic_searches_give_the_single_bundles_results() {
    let bundle = synthetic(120);
    let mut queries: Vec<String> = [
        "Kadhimi",
        "Kadhemi",
        "Fouad Hussein",
        "\"prime minister\"",
        "oil -Kurdistan",
        "baghd",
        "minsiter",
        "entity:Kadhimi",
    ]
    .map(String::from)
    .to_vec();
    // Words from the texts themselves, every 211th, alone and in pairs.
    let words: Vec<String> = bundle
        .articles
        .iter()
        .flat_map(|a| a.blocks.iter().flat_map(|b| b.text.split_whitespace().map(String::from)))
        .step_by(211)
        .take(16)
        .collect();
    queries.extend(words.iter().cloned());
    queries.extend(words.chunks(2).map(|w| w.join(" ")));
    check_same(&bundle, &queries);
}

#[test]
fn a_query_fetches_a_small_part_of_a_larger_corpus() {
    let bundle = synthetic(400);
    let mut site = Site::new(&bundle, &Sizes::default());
    let total: u64 = site.files.values().map(|b| b.len() as u64).sum();
    let results = site.search("Kadhimi", &options(10));
    assert!(results.total > 10);
    assert!(site.fetched * 4 < total, "fetched {} of {total} bytes", site.fetched);
}

#[test]
fn articles_listed_in_the_manifest_need_no_chunk_and_an_article_page_needs_one() {
    let bundle = seed();
    let mut site = Site::new(&bundle, &Sizes::default());
    let rows = &site.reader.manifest().articles;
    assert_eq!(rows.len(), bundle.articles.len());
    for (row, article) in rows.iter().zip(&bundle.articles) {
        assert_eq!((row.id.as_str(), row.title.as_str()), (article.id.as_str(), article.title.text.as_str()));
    }
    let needed = site.reader.article(2).unwrap_err();
    assert_eq!(needed.chunks.len(), 1);
    site.fetch(&needed.chunks);
    assert_eq!(site.reader.article(2).unwrap(), &bundle.articles[2]);
    assert_eq!(site.reader.date_of(2), bundle.date_of(2));
    assert_eq!(site.reader.mentions_in(2).unwrap(), bundle.entities.mentions_in(2));
}

#[test]
fn an_entity_page_fetches_the_entitys_mention_list() {
    let bundle = seed();
    let mut site = Site::new(&bundle, &TINY);
    let entity = bundle.entities.entity_index("popular-mobilization-forces").unwrap();
    let needed = site.reader.mentions_of(entity).unwrap_err();
    site.fetch(&needed.chunks);
    let expected: Vec<_> = bundle.entities.mentions_of(entity).collect();
    assert!(!expected.is_empty());
    assert_eq!(site.reader.mentions_of(entity).unwrap(), expected);
}
