//! Bundles that decode but do not hang together (a mutated file whose checksum was fixed up, a
//! bundle from another tool): reading them must never crash the explorer.
//!
//! Each case starts from the seed bundle and changes one part through its serialized form (as a
//! tampered file would), so the tests need no access to the engine's private fields.

use parallax_engine::{build_bundle, Bundle, SourceInput};
use serde_json::Value;

fn seed() -> Bundle {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/raw");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, bytes)| SourceInput { name, bytes }).collect();
    build_bundle(&sources, include_str!("../../corpus/entities.toml")).bundle
}

/// The seed bundle with one change made to its serialized form.
fn tampered(change: impl FnOnce(&mut Value)) -> Bundle {
    let mut value = serde_json::to_value(seed()).unwrap();
    change(&mut value);
    serde_json::from_value(value).unwrap()
}

/// Every query shape the search box accepts, on a bundle: none may panic.
fn search_everything(bundle: &Bundle) {
    for query in [
        "Kadhimi",
        "Kadh",
        "kadhemi",
        "\"prime minister\"",
        "\"Popular Mobilization Forces\"",
        "Iraq -Baghdad",
        "-\"prime minister\" Iraq",
        "election OR vote",
        "entity:pmf",
        "story:iraq",
        "Iraq outlet:reuters",
        "zzzzq",
    ] {
        bundle.search.search_in(&bundle.corpus(), query, &Default::default());
        bundle.search.search(&bundle.articles, query, 10);
    }
}

#[test]
fn a_phrase_search_on_a_bundle_missing_its_last_article_finds_the_rest() {
    // Was "index out of bounds" in search/mod.rs's combine: the phrase's postings named an article
    // the bundle no longer held.
    let mut bundle = seed();
    let last = bundle.articles.pop().unwrap();
    let title = last.title.text.clone();
    let words: Vec<&str> = title.split_whitespace().take(2).collect();
    let phrase = format!("\"{}\"", words.join(" "));
    let results = bundle.search.search(&bundle.articles, &phrase, 10);
    assert!(results.hits.iter().all(|h| h.article < bundle.articles.len()));
    search_everything(&bundle);
}

#[test]
fn a_word_being_typed_on_a_bundle_with_missing_name_groups_still_searches() {
    // Was "range start index out of range" in search/index.rs: more transliteration keys than
    // groups.
    let bundle = tampered(|v| {
        v["search"]["translit_terms"].as_array_mut().unwrap().truncate(1);
    });
    let results = bundle.search.search(&bundle.articles, "Kadh", 10);
    assert!(results.total > 0, "the exact completions are still found");
    search_everything(&bundle);
}
