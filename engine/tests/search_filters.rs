//! The `entity:` and `story:` filters on the seed corpus: what a reader filtering by an entity or a
//! story should see, and that no filter value, however odd, can make the search panic.

use std::collections::BTreeSet;

use parallax_engine::search::{SearchOptions, SearchResults};
use parallax_engine::{build_bundle, Article, Bundle, SourceInput};
use proptest::prelude::*;

/// The seed corpus with the curated knowledge base, as `parallax build` makes it.
fn seed() -> Bundle {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(format!("{root}/raw"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    let kb = std::fs::read_to_string(format!("{root}/entities.toml")).unwrap();
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(name, bytes)| SourceInput { name, bytes }).collect();
    build_bundle(&sources, &kb).bundle
}

fn search(bundle: &Bundle, query: &str) -> SearchResults {
    bundle.search.search_in(&bundle.corpus(), query, &SearchOptions { limit: 50, prefix_last_word: true })
}

/// The article whose title holds `part`.
fn titled(bundle: &Bundle, part: &str) -> usize {
    bundle
        .articles
        .iter()
        .position(|a| a.title.text.contains(part))
        .unwrap_or_else(|| panic!("no title with {part}"))
}

fn hit_set(results: &SearchResults) -> BTreeSet<usize> {
    results.hits.iter().map(|h| h.article).collect()
}

/// The raw text of a range of an article (ranges never cross blocks).
fn text_at(article: &Article, (start, end): (usize, usize)) -> &str {
    let block = article.block_at(start).unwrap_or_else(|| panic!("{start}..{end} is in no block"));
    &block.text[start - block.start..end - block.start]
}

/// What an article's hit highlights, as written.
fn matched<'a>(bundle: &'a Bundle, results: &SearchResults, article: usize) -> Vec<&'a str> {
    let hit = results.hits.iter().find(|h| h.article == article).expect("the article is a hit");
    hit.matches.iter().map(|&m| text_at(&bundle.articles[article], m)).collect()
}

/// Articles that mention the entity with this id.
fn mentioning(bundle: &Bundle, id: &str) -> BTreeSet<usize> {
    let index = bundle.entities.entity_index(id).unwrap();
    bundle.entities.mentions_of(index).map(|m| m.article as usize).collect()
}

#[test]
fn entity_pmf_finds_every_spelling_of_the_popular_mobilization_forces() {
    let bundle = seed();
    let results = search(&bundle, "entity:pmf");
    assert!(results.query.entities[0].applied);
    assert_eq!(hit_set(&results), mentioning(&bundle, "popular-mobilization-forces"));
    assert_eq!(results.total, results.hits.len());

    let kadhimi_biden = titled(&bundle, "Kadhimi, Biden");
    let words = matched(&bundle, &results, kadhimi_biden);
    assert!(words.contains(&"Popular Mobilization Forces"), "{words:?}");
    assert!(words.contains(&"PMF"), "{words:?}");

    let gvs = titled(&bundle, "Iraq PM visits White House");
    let words = matched(&bundle, &results, gvs);
    assert!(words.iter().any(|w| w.contains("Hashed al-Shaabi")), "{words:?}");

    // Ranked by mentions; each snippet opens on a mention and highlights it.
    assert!(results.hits.windows(2).all(|w| w[0].score >= w[1].score));
    for hit in &results.hits {
        assert!(!hit.snippet.highlights.is_empty(), "{}", hit.title);
        for &(s, e) in &hit.snippet.highlights {
            assert!(hit.snippet.start <= s && e <= hit.snippet.end);
            assert!(hit.matches.iter().any(|&(ms, me)| ms <= s && e <= me));
        }
    }
}

#[test]
fn any_spelling_or_the_id_names_the_same_entity() {
    let bundle = seed();
    let by_acronym = hit_set(&search(&bundle, "entity:PMF"));
    for query in [
        "entity:\"Hashed al-Shaabi\"",
        "entity:“Popular Mobilization Forces”",
        "entity:popular-mobilization-forces",
        "ENTITY:pmf",
    ] {
        assert_eq!(hit_set(&search(&bundle, query)), by_acronym, "{query}");
    }
    // A transliteration finds the prime minister.
    let kadhemi = search(&bundle, "entity:kadhemi");
    assert!(kadhemi.total >= 4, "{kadhemi:?}");
    assert_eq!(hit_set(&kadhemi), hit_set(&search(&bundle, "entity:Kadhimi")));
}

#[test]
fn words_with_an_entity_filter_are_ranked_among_the_articles_naming_it() {
    let bundle = seed();
    let troops = hit_set(&search(&bundle, "troops"));
    let pmf = mentioning(&bundle, "popular-mobilization-forces");
    let results = search(&bundle, "entity:\"Hashed al-Shaabi\" troops");
    let expected: BTreeSet<usize> = troops.intersection(&pmf).copied().collect();
    assert!(!expected.is_empty() && expected.len() < troops.len());
    assert_eq!(hit_set(&results), expected);
    // Both the word and the entity are highlighted.
    let gvs = titled(&bundle, "Iraq PM visits White House");
    let words = matched(&bundle, &results, gvs);
    assert!(words.iter().any(|w| w.eq_ignore_ascii_case("troops")), "{words:?}");
    assert!(words.iter().any(|w| w.contains("Hashed al-Shaabi")), "{words:?}");
    // Facets count the filtered hits, before any outlet filter.
    let counted: usize = results.facets.iter().map(|f| f.count).sum();
    assert_eq!(counted, results.total);
}

#[test]
fn several_entity_filters_must_all_be_mentioned() {
    let bundle = seed();
    let both = hit_set(&search(&bundle, "entity:pmf entity:kadhimi"));
    let expected: BTreeSet<usize> = mentioning(&bundle, "popular-mobilization-forces")
        .intersection(&hit_set(&search(&bundle, "entity:kadhimi")))
        .copied()
        .collect();
    assert_eq!(both, expected);
}

#[test]
fn an_entity_nobody_names_finds_nothing_and_says_why() {
    let bundle = seed();
    let results = search(&bundle, "entity:nobody");
    assert_eq!(results.total, 0);
    assert!(results.hits.is_empty());
    assert!(
        results.query.notes.iter().any(|n| n.contains("no entity called “nobody”")),
        "{:?}",
        results.query.notes
    );
    assert_eq!(search(&bundle, "Kadhimi entity:\"Nobody At All\"").total, 0);
    // A curated entity the corpus never mentions is known, but finds nothing either.
    let unmentioned = (0..bundle.entities.entities.len() as u32)
        .find(|&e| bundle.entities.mentions_of(e).next().is_none())
        .expect("the knowledge base has an entity the seed corpus never mentions");
    let entity = &bundle.entities.entities[unmentioned as usize];
    let results = search(&bundle, &format!("entity:{}", entity.id));
    assert_eq!(results.total, 0);
    assert!(results.query.notes.iter().any(|n| n.contains(&entity.name)), "{:?}", results.query.notes);
}

#[test]
fn story_filter_keeps_the_storys_articles() {
    let bundle = seed();
    let story = bundle.stories.iter().max_by_key(|s| s.articles.len()).expect("the seed corpus has stories");
    let expected: BTreeSet<usize> =
        story.articles.iter().map(|id| bundle.articles.iter().position(|a| &a.id == id).unwrap()).collect();
    let results = search(&bundle, &format!("story:{}", story.id));
    assert!(results.query.stories[0].applied);
    assert_eq!(hit_set(&results), expected);
    // A word of the label works too, and words rank within the story.
    let label_word = story.label.split(" · ").next().unwrap().to_uppercase();
    let by_label = hit_set(&search(&bundle, &format!("story:\"{label_word}\"")));
    assert!(by_label.is_superset(&expected), "{label_word}");
    let kadhimi_in_story = hit_set(&search(&bundle, &format!("Kadhimi story:{}", story.id)));
    assert!(kadhimi_in_story.is_subset(&expected));
    let none = search(&bundle, "story:no-such-story");
    assert_eq!(none.total, 0);
    assert!(none.query.notes.iter().any(|n| n.contains("no story called")));
}

#[test]
fn without_entity_data_the_filters_are_reported_but_not_applied() {
    let bundle = seed();
    let results = bundle.search.search(&bundle.articles, "troops entity:pmf", 50);
    assert!(!results.query.entities[0].applied);
    assert_eq!(hit_set(&results), hit_set(&search(&bundle, "troops")));
    assert!(results.query.notes.iter().any(|n| n.contains("entity:")));
}

fn check(bundle: &Bundle, articles: &[Article], query: &str) {
    let corpus = parallax_engine::search::Corpus { articles, ..bundle.corpus() };
    let results = bundle.search.search_in(&corpus, query, &SearchOptions::default());
    assert!(results.hits.len() <= results.total);
    for hit in &results.hits {
        let article = &articles[hit.article];
        let block = &article.blocks[hit.snippet.block];
        assert_eq!(
            &block.text[hit.snippet.start - block.start..hit.snippet.end - block.start],
            hit.snippet.text
        );
        for &(s, e) in hit.matches.iter().chain(&hit.snippet.highlights) {
            assert!(s < e, "{query}: empty range");
            let _ = text_at(article, (s, e));
        }
        assert!(hit.matches.windows(2).all(|w| w[0].1 < w[1].0), "{query}: matches overlap");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn junk_filter_values_never_panic(
        key in prop::sample::select(vec!["entity:", "story:", "entity:\"", "story:“", "ENTITY:"]),
        value in "\\PC{0,12}",
        words in "[a-zA-Z \"'-]{0,12}",
    ) {
        let bundle = seed_cached();
        check(bundle, &bundle.articles, &format!("{key}{value} {words}"));
        check(bundle, &bundle.articles, &format!("{words} {key}{value}"));
        // Entity data from another article order (a stale bundle) gives wrong hits, never bad offsets.
        check(bundle, reversed_cached(), &format!("{key}{value} {words}"));
    }
}

#[test]
fn known_entities_over_other_articles_never_give_bad_offsets() {
    let bundle = seed_cached();
    for entity in &bundle.entities.entities {
        let query = format!("entity:{}", entity.id);
        check(bundle, &bundle.articles, &query);
        check(bundle, reversed_cached(), &query);
        check(bundle, &bundle.articles[..1], &query);
    }
}

fn seed_cached() -> &'static Bundle {
    static SEED: std::sync::OnceLock<Bundle> = std::sync::OnceLock::new();
    SEED.get_or_init(seed)
}

fn reversed_cached() -> &'static [Article] {
    static REVERSED: std::sync::OnceLock<Vec<Article>> = std::sync::OnceLock::new();
    REVERSED.get_or_init(|| seed_cached().articles.iter().rev().cloned().collect())
}
