//! The chunked corpus answers exactly like the single bundle: the same hits, scores, snippets and
//! highlights, on the seed corpus and a synthetic one, whether cut into one chunk of each kind or
//! into many tiny ones; and a query fetches only part of a large corpus.

use std::collections::HashMap;
use std::rc::Rc;

use parallax_engine::chunked::{self, ArticleEntry, ChunkId, ListFilter, ListPage, Reader, Sizes};
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
const TINY: Sizes = Sizes {
    shard_bytes: 200,
    article_bytes: 1,
    entity_bytes: 40,
    list_rows: 5,
    ord_chunks: 2,
    id_rows: 3,
    story_bytes: 60,
};

/// A site as a reader's browser sees it: file names to bytes, and the bytes fetched so far.
struct Site {
    files: Rc<HashMap<String, Vec<u8>>>,
    manifest: Rc<Vec<u8>>,
    reader: Reader,
    fetched: u64,
    /// The files fetched so far, in order.
    names: Vec<String>,
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
        Site { files, fetched: manifest.len() as u64, manifest, reader, names: Vec::new() }
    }

    fn cold(&self) -> Site {
        Site::visit(self.files.clone(), self.manifest.clone())
    }

    fn fetch(&mut self, ids: &[ChunkId]) {
        for &id in ids {
            let name = self.reader.chunk_name(id);
            let bytes = &self.files[&name];
            self.fetched += bytes.len() as u64;
            self.reader.add(id, bytes).unwrap();
            self.names.push(name);
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

    /// An article's directory row, fetching what the reader asks for.
    fn row(&mut self, ordinal: usize) -> ArticleEntry {
        for _ in 0..3 {
            match self.reader.article_row(ordinal) {
                Ok(row) => return row.clone(),
                Err(needed) => {
                    assert!(!needed.chunks.is_empty(), "row {ordinal}: asked for nothing");
                    self.fetch(&needed.chunks);
                }
            }
        }
        panic!("row {ordinal}: still asking for chunks after three rounds");
    }

    /// An article's ordinal by id, fetching what the reader asks for.
    fn ordinal(&mut self, id: &str) -> Option<usize> {
        match self.reader.ordinal_of(id) {
            Ok(found) => found,
            Err(needed) => {
                self.fetch(&needed.chunks);
                self.reader.ordinal_of(id).unwrap()
            }
        }
    }

    /// A page of a list, fetching what the reader asks for.
    fn page(&mut self, filter: &ListFilter, start: usize, len: usize) -> ListPage {
        for _ in 0..3 {
            match self.reader.list_page(filter, start, len) {
                Ok(page) => return page,
                Err(needed) => {
                    assert!(!needed.chunks.is_empty(), "{filter:?}: asked for nothing");
                    self.fetch(&needed.chunks);
                }
            }
        }
        panic!("{filter:?}: still asking for chunks after three rounds");
    }
}

fn options(limit: usize) -> SearchOptions {
    SearchOptions { limit, ..SearchOptions::default() }
}

/// Every query gives the same results from a fresh chunked site (so each query fetches its own
/// chunks) and from one that keeps what earlier queries fetched, as from the single bundle; no
/// search fetches the articles' details (snippets and highlights need only their text).
fn check_same(bundle: &Bundle, queries: &[String]) {
    for sizes in [Sizes::default(), TINY] {
        let mut warm = Site::new(bundle, &sizes);
        for query in queries {
            for limit in [10, 50] {
                let expected = bundle.search.search_in(&bundle.corpus(), query, &options(limit));
                let mut cold = warm.cold();
                assert_eq!(cold.search(query, &options(limit)), expected, "{query} (cold, {sizes:?})");
                let details = cold.names.iter().find(|name| name.starts_with("artd-"));
                assert_eq!(details, None, "{query}: a search fetched an article's details");
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
        "Kadh",
        "Kazimi",
        "Kadhimi -oil",
        "Baghdad -\"prime minister\"",
        "\"Fouad Hussein\" oil",
    ]
    .map(String::from)
    .to_vec();
    let outlet = bundle.articles.iter().find_map(|a| a.outlet.as_ref()).unwrap().name.clone();
    queries.push(format!("outlet:\"{outlet}\" Kadhimi"));
    queries.push(format!("outlet:\"{outlet}\" \"prime minister\""));
    // Pairs of words that follow one another in the texts, as phrases.
    let phrases: Vec<String> = bundle
        .articles
        .iter()
        .flat_map(|a| {
            a.blocks.iter().map(|b| b.text.split_whitespace().map(String::from).collect::<Vec<_>>())
        })
        .filter(|words| words.len() > 1)
        .step_by(37)
        .take(8)
        .map(|words| format!("\"{} {}\"", words[0], words[1]))
        .collect();
    queries.extend(phrases);
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

/// The kinds of the chunks a site has fetched, by their names' prefixes.
fn fetched_kinds(site: &Site) -> Vec<&str> {
    let mut kinds: Vec<&str> = site.names.iter().map(|n| n.split('-').next().unwrap_or("")).collect();
    kinds.sort_unstable();
    kinds.dedup();
    kinds
}

#[test]
fn a_one_word_query_fetches_no_positions_and_a_phrase_or_several_words_do() {
    let bundle = synthetic(400);
    let site = Site::new(&bundle, &Sizes::default());
    // A word's snippets and highlights read the positions of the hits shown, found again in
    // their text (fetched for the snippets anyway).
    for query in ["Kadhimi", "Kadh", "minsiter"] {
        let mut cold = site.cold();
        assert!(cold.search(query, &options(20)).total > 20, "{query}");
        let kinds = fetched_kinds(&cold);
        assert!(kinds.contains(&"idx") && !kinds.contains(&"pos"), "{query}: {kinds:?}");
    }
    // A phrase is matched on positions, and several words ranked by how close they sit: both
    // read the positions of articles not shown.
    for query in ["\"prime minister\"", "Fouad Hussein"] {
        let mut cold = site.cold();
        assert!(cold.search(query, &options(20)).total > 0, "{query}");
        assert!(fetched_kinds(&cold).contains(&"pos"), "{query}");
        // In the round of their shards, before the hits' `ord` pages.
        let first = |kind: &str| cold.names.iter().position(|n| n.starts_with(kind)).unwrap();
        assert!(first("pos-") < first("ord-"), "{query}: {:?}", cold.names);
    }
}

#[test]
fn one_list_page_lists_the_seed_corpus_and_an_article_page_needs_two_rounds() {
    let bundle = seed();
    let mut site = Site::new(&bundle, &Sizes::default());
    let needed = site.reader.list_page(&ListFilter::default(), 0, 50).unwrap_err();
    assert_eq!(needed.chunks.len(), 1);
    site.fetch(&needed.chunks);
    for (i, article) in bundle.articles.iter().enumerate() {
        let row = site.reader.article_row(i).unwrap();
        assert_eq!((row.id.as_str(), row.title.as_str()), (article.id.as_str(), article.title.text.as_str()));
        assert_eq!(site.ordinal(&article.id), Some(i));
    }
    assert_eq!(site.ordinal("no-such-article"), None);
    // Its page of the article directory (which lists its chunks), then its text and its details
    // (removed spans, provenance, mentions) together.
    for count in [1, 2] {
        let needed = site.reader.article_in_full(2).unwrap_err();
        assert_eq!(needed.chunks.len(), count);
        site.fetch(&needed.chunks);
    }
    assert_eq!(site.reader.article_in_full(2).unwrap(), &bundle.articles[2]);
    assert_eq!(site.reader.id_of(2), Ok(bundle.articles[2].id.as_str()));
    assert_eq!(site.reader.date_of(2), bundle.date_of(2));
    assert_eq!(site.reader.mentions_in(2).unwrap(), bundle.entities.mentions_in(2));
}

#[test]
fn every_article_resolves_by_id_and_every_chunk_is_listed_for_offline_use() {
    let bundle = synthetic(120);
    for sizes in [Sizes::default(), TINY] {
        let split = chunked::split(&bundle, &sizes);
        let mut site = Site::new(&bundle, &sizes);
        for (i, article) in bundle.articles.iter().enumerate() {
            assert_eq!(site.ordinal(&article.id), Some(i), "{sizes:?}");
        }
        let needed = site.reader.all_chunks().unwrap_err();
        site.fetch(&needed.chunks);
        let mut listed: Vec<(String, u64)> = site.reader.all_chunks().unwrap();
        let mut written: Vec<(String, u64)> =
            split.chunks.iter().map(|c| (c.name.clone(), c.bytes.len() as u64)).collect();
        listed.sort();
        written.sort();
        assert_eq!(listed, written, "{sizes:?}");
        let summary = &site.reader.manifest().summary;
        assert_eq!(summary.chunk_files as usize, written.len());
        assert_eq!(summary.chunk_bytes, written.iter().map(|(_, n)| n).sum::<u64>());
    }
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

/// The home page's "by date" order over the single bundle: newest first, undated last, equal
/// dates in corpus order.
fn newest_first(bundle: &Bundle) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bundle.articles.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(bundle.date_of(i).map(|d| d.sort_key())));
    order
}

/// Every page of a list, `len` rows at a time, checking each page's total.
fn whole_list(site: &mut Site, filter: &ListFilter, len: usize) -> Vec<usize> {
    let mut all = Vec::new();
    let total = site.page(filter, 0, len).total;
    while all.len() < total {
        let page = site.page(filter, all.len(), len);
        assert_eq!(page.total, total, "{filter:?}");
        assert!(!page.ordinals.is_empty() && page.ordinals.len() <= len, "{filter:?}");
        all.extend(page.ordinals);
    }
    assert!(site.page(filter, total, len).ordinals.is_empty(), "{filter:?}: rows past the end");
    all
}

#[test]
fn article_rows_give_each_articles_title_outlet_date_story_and_length() {
    let bundle = synthetic(300);
    for sizes in [Sizes::default(), TINY] {
        let mut site = Site::new(&bundle, &sizes);
        assert_eq!(site.reader.article_count(), bundle.articles.len());
        let outlets = site.reader.manifest().outlets.clone();
        for (i, article) in bundle.articles.iter().enumerate().step_by(7) {
            let row = site.row(i);
            assert_eq!(
                (row.id.as_str(), row.title.as_str()),
                (article.id.as_str(), article.title.text.as_str())
            );
            let outlet = row.outlet.map(|o| outlets[o as usize].as_str());
            assert_eq!(outlet, article.outlet.as_ref().map(|o| o.name.as_str()));
            assert_eq!(row.date, bundle.date_of(i).map(|d| d.iso()));
            let story = bundle.stories.iter().position(|s| s.articles.contains(&article.id));
            assert_eq!(row.story.map(|s| s as usize), story);
            assert_eq!(row.words as usize, article.word_count());
        }
        assert!(site.reader.article_row(bundle.articles.len()).unwrap_err().chunks.is_empty());
    }
}

#[test]
fn article_lists_page_through_the_corpus_newest_first_whole_or_by_outlet_or_story() {
    let bundle = synthetic(300);
    let order = newest_first(&bundle);
    for sizes in [Sizes::default(), TINY] {
        let mut site = Site::new(&bundle, &sizes);
        assert_eq!(whole_list(&mut site, &ListFilter::default(), 37), order);
        let outlets = site.reader.manifest().outlets.clone();
        assert!(outlets.len() > 1);
        for (o, name) in outlets.iter().enumerate() {
            let expected: Vec<usize> = order
                .iter()
                .copied()
                .filter(|&i| bundle.articles[i].outlet.as_ref().is_some_and(|x| &x.name == name))
                .collect();
            let filter = ListFilter { outlet: Some(o as u32), story: None };
            assert_eq!(whole_list(&mut site, &filter, 11), expected, "{name}");
        }
        let big = (0..bundle.stories.len()).max_by_key(|&s| bundle.stories[s].articles.len()).unwrap();
        assert!(bundle.stories[big].articles.len() > 1);
        for s in [0, big] {
            let members = &bundle.stories[s].articles;
            let expected: Vec<usize> =
                order.iter().copied().filter(|&i| members.contains(&bundle.articles[i].id)).collect();
            let filter = ListFilter { outlet: None, story: Some(s as u32) };
            assert_eq!(whole_list(&mut site, &filter, 2), expected, "story {s}");
            let outlet =
                expected.iter().find_map(|&i| bundle.articles[i].outlet.as_ref()).map(|o| o.name.clone());
            let o = outlets.iter().position(|n| Some(n) == outlet.as_ref()).unwrap_or(0);
            let outlet = Some(outlets[o].clone());
            let both = ListFilter { outlet: Some(o as u32), story: Some(s as u32) };
            let expected_both: Vec<usize> = expected
                .iter()
                .copied()
                .filter(|&i| bundle.articles[i].outlet.as_ref().map(|x| &x.name) == outlet.as_ref())
                .collect();
            assert_eq!(whole_list(&mut site, &both, 3), expected_both, "story {s} in {o}");
        }
    }
}

#[test]
fn only_a_query_that_names_an_entity_fetches_the_entity_index() {
    let bundle = seed();
    let site = Site::new(&bundle, &Sizes::default());
    let kinds = |site: &Site| -> Vec<chunked::ChunkKind> {
        site.reader
            .manifest()
            .chunks
            .iter()
            .enumerate()
            .filter(|(i, _)| site.reader.has(ChunkId(*i)))
            .map(|(_, c)| c.kind)
            .collect()
    };
    let mut plain = site.cold();
    assert!(plain.search("xqzvv", &options(10)).total == 0);
    assert!(!kinds(&plain).contains(&chunked::ChunkKind::EntityIndex));
    let mut named = site.cold();
    let results = named.search("Popular Mobilization Forces", &options(10));
    assert!(results.total > 0);
    assert!(kinds(&named).contains(&chunked::ChunkKind::EntityIndex));
}
