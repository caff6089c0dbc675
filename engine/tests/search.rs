//! Relevance on the seed corpus: what a reader searching the five raw files should find.
//!
//! Articles are looked up by what their text says (title substrings, words they hold), not by
//! ids or counts, so the judgements hold whatever the cleaner decides about article boundaries.

use std::collections::BTreeSet;

use parallax_engine::search::{Mode, SearchResults};
use parallax_engine::{Article, Bundle};

mod compare_support;

fn seed() -> Bundle {
    compare_support::seed_bundle()
}

fn search(bundle: &Bundle, query: &str) -> SearchResults {
    bundle.search.search(&bundle.articles, query, 50)
}

fn hit_set(results: &SearchResults) -> BTreeSet<usize> {
    results.hits.iter().map(|h| h.article).collect()
}

fn article_text(article: &Article) -> String {
    article.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n")
}

/// Articles whose kept text holds any of the spellings (case-insensitive).
fn holding(bundle: &Bundle, spellings: &[&str]) -> BTreeSet<usize> {
    bundle
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            let text = article_text(a).to_lowercase();
            spellings.iter().any(|s| text.contains(&s.to_lowercase()))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The article whose title holds `part`.
fn titled(bundle: &Bundle, part: &str) -> usize {
    bundle
        .articles
        .iter()
        .position(|a| a.title.text.contains(part))
        .unwrap_or_else(|| panic!("no title with {part}"))
}

fn matched_words(bundle: &Bundle, results: &SearchResults) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for hit in &results.hits {
        let article = &bundle.articles[hit.article];
        for &(s, e) in &hit.matches {
            let block = article.block_at(s).unwrap();
            words.insert(block.text[s - block.start..e - block.start].to_string());
        }
    }
    words
}

#[test]
fn kadhemi_finds_every_kadhimi_article_and_exact_spellings_rank_first() {
    let bundle = seed();
    let results = search(&bundle, "Kadhemi ");
    let expected = holding(&bundle, &["kadhimi", "kadhemi"]);
    assert!(expected.len() >= 4);
    assert_eq!(hit_set(&results), expected);
    let words = matched_words(&bundle, &results);
    for w in ["Kadhimi", "Kadhemi", "Kadhimi’s", "Al-Kadhimi"] {
        let w = w.rsplit('-').next().unwrap().trim_end_matches("’s");
        assert!(words.contains(w), "{w} not highlighted in {words:?}");
    }
    // The top hit spells it the way the reader did.
    let top = &bundle.articles[results.hits[0].article];
    assert!(article_text(top).contains("Kadhemi"), "{}", top.title.text);
}

#[test]
fn fouad_hussein_finds_both_spellings() {
    let bundle = seed();
    let results = search(&bundle, "Fouad Hussein");
    assert_eq!(results.mode, Mode::And);
    assert_eq!(hit_set(&results), holding(&bundle, &["fuad hussein", "fouad hussein"]));
    assert_eq!(results.hits.len(), 2);
}

#[test]
fn mohandes_finds_muhandis() {
    let bundle = seed();
    let results = search(&bundle, "Mohandes");
    assert_eq!(hit_set(&results), holding(&bundle, &["muhandis", "mohandes"]));
    assert!(matched_words(&bundle, &results).contains("Muhandis"));
}

#[test]
fn misspelt_names_still_find_their_articles() {
    let bundle = seed();
    for (typo, right) in
        [("Soleimanni", "soleimani"), ("Pompoe", "pompeo"), ("Pompeoo", "pompeo"), ("Kadhimmi", "kadhimi")]
    {
        let results = search(&bundle, typo);
        assert!(!results.hits.is_empty(), "{typo}");
        let expected = holding(&bundle, &[right]);
        assert!(expected.is_subset(&hit_set(&results)), "{typo}: {:?} vs {expected:?}", hit_set(&results));
    }
    // A swap and a dropped letter, in a query with a correct word.
    let results = search(&bundle, "Mike Popmeo ");
    assert_eq!(hit_set(&results), holding(&bundle, &["mike pompeo"]));
}

#[test]
fn a_name_being_typed_completes() {
    let bundle = seed();
    for partial in ["Hashed al-Sha", "Hashed al-Shaa", "Hashed al-Shaab"] {
        let results = search(&bundle, partial);
        assert_eq!(hit_set(&results), holding(&bundle, &["hashed al-shaabi"]), "{partial}");
        assert!(matched_words(&bundle, &results).contains("Shaabi"));
    }
    // As-you-type with a typo in the part typed so far.
    let results = search(&bundle, "Pomep");
    assert_eq!(hit_set(&results), holding(&bundle, &["pompeo"]));
}

#[test]
fn quoted_phrases_match_words_in_a_row() {
    let bundle = seed();
    let results = search(&bundle, "\"rocket attacks\"");
    assert_eq!(hit_set(&results), holding(&bundle, &["rocket attacks"]));
    for hit in &results.hits {
        let article = &bundle.articles[hit.article];
        for &(s, e) in &hit.matches {
            let block = article.block_at(s).unwrap();
            assert_eq!(block.text[s - block.start..e - block.start].to_lowercase(), "rocket attacks");
        }
    }
    // Curly quotes work too, and a phrase may skip an "al-" the reader left out.
    assert_eq!(
        hit_set(&search(&bundle, "“Mustafa Kadhimi”")),
        holding(&bundle, &["mustafa kadhimi", "mustafa al-kadhimi", "mustafa kadhemi", "mustafa al-kadhemi"])
    );
}

#[test]
fn excluded_words_and_phrases_drop_articles() {
    let bundle = seed();
    let all = hit_set(&search(&bundle, "Kadhimi"));
    let without_biden = hit_set(&search(&bundle, "Kadhimi -Biden"));
    let biden = holding(&bundle, &["biden"]);
    assert!(!biden.is_empty());
    assert_eq!(without_biden, all.difference(&biden).copied().collect());
    let without_phrase = hit_set(&search(&bundle, "Kadhimi -\"rocket attacks\""));
    assert_eq!(without_phrase, all.difference(&holding(&bundle, &["rocket attacks"])).copied().collect());
}

#[test]
fn outlet_filter_keeps_only_that_outlet_and_facets_count_all() {
    let bundle = seed();
    let all = search(&bundle, "Iraq");
    assert_eq!(all.facets.iter().map(|f| f.count).sum::<usize>(), all.total);
    let asharq = search(&bundle, "Iraq outlet:asharq");
    assert!(asharq.query.outlets[0].applied);
    for hit in &asharq.hits {
        let outlet = bundle.articles[hit.article].outlet.as_ref().map(|o| o.name.to_lowercase());
        assert!(outlet.is_some_and(|o| o.contains("asharq")), "{}", hit.title);
    }
    let expected: usize = all
        .facets
        .iter()
        .filter(|f| f.outlet.as_ref().is_some_and(|o| o.to_lowercase().contains("asharq")))
        .map(|f| f.count)
        .sum();
    assert_eq!(asharq.total, expected);
    // The articles whose outlet is not stated: one facet with no name, and `outlet:unknown`.
    let unknown = search(&bundle, "Iraq outlet:unknown");
    assert!(unknown.total > 0 && unknown.hits.iter().all(|h| bundle.articles[h.article].outlet.is_none()));
    let nameless: Vec<usize> = all.facets.iter().filter(|f| f.outlet.is_none()).map(|f| f.count).collect();
    assert_eq!(nameless, [unknown.total]);
}

#[test]
fn title_matches_rank_above_passing_mentions() {
    let bundle = seed();
    // Each name is in one title and mentioned in passing elsewhere.
    for name in ["Qaani", "Biden"] {
        let Some(titled_so) = bundle.articles.iter().position(|a| a.title.text.contains(name)) else {
            continue;
        };
        let results = search(&bundle, name);
        assert!(results.total > 1, "{name}");
        assert_eq!(results.hits[0].article, titled_so, "{name}");
    }
    let results = search(&bundle, "Biden");
    assert_eq!(results.hits[0].article, titled(&bundle, "Biden"));
}

#[test]
fn words_that_never_meet_fall_back_to_or_and_unknown_words_get_a_suggestion() {
    let bundle = seed();
    let results = search(&bundle, "Barrot Soleimani");
    assert_eq!(results.mode, Mode::Or);
    assert_eq!(hit_set(&results), holding(&bundle, &["barrot", "soleimani"]));
    let results = search(&bundle, "Kadimy parmiltry ");
    assert_eq!(results.total, 0);
    assert_eq!(results.did_you_mean.as_deref(), Some("kadhimi paramilitary"));
}

#[test]
fn snippets_show_the_passage_with_the_most_query_words() {
    let bundle = seed();
    let results = search(&bundle, "Pompeo Fuad Hussein");
    let hit = &results.hits[0];
    let snippet = &hit.snippet;
    assert!(snippet.text.contains("Fuad Hussein") && snippet.text.contains("Pompeo"), "{}", snippet.text);
    let words: Vec<&str> = snippet
        .highlights
        .iter()
        .map(|&(s, e)| &snippet.text[s - snippet.start..e - snippet.start])
        .collect();
    assert_eq!(words, ["Pompeo", "Fuad", "Hussein"]);
    assert!(snippet.text.split_whitespace().count() <= 32);
}
