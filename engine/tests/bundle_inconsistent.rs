//! Bundles that decode but do not hang together (a mutated file whose checksum was fixed up, a
//! bundle from another tool): reading them must never crash the explorer.
//!
//! Each case starts from the seed bundle and changes one part through its serialized form (as a
//! tampered file would), so the tests need no access to the engine's private fields. Decoding
//! must reject each such bundle with a message naming the damaged part; and where a bundle is
//! read without decoding (search over a bundle assembled in memory), the reads must not trust it.

use parallax_engine::bundle::validate::Part;
use parallax_engine::bundle::{self, BundleError};
use parallax_engine::Bundle;
use serde_json::Value;

mod compare_support;

fn seed() -> Bundle {
    compare_support::seed_bundle_with_kb()
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

/// What decoding the tampered bundle says, as (part, message), after its checksum is made right.
fn rejected(bundle: &Bundle) -> (Part, String) {
    let bytes = bundle::encode(bundle);
    match bundle::decode(&bytes) {
        Err(BundleError::Inconsistent(found)) => {
            let message = BundleError::Inconsistent(found.clone()).to_string();
            (found.part, message)
        }
        Err(other) => panic!("expected an inconsistency, got {other}"),
        Ok(_) => panic!("a tampered bundle was accepted"),
    }
}

/// One way of damaging a serialized bundle.
type Change = Box<dyn Fn(&mut Value)>;

fn field<'a>(v: &'a mut Value, path: &[&str]) -> &'a mut Value {
    path.iter().fold(v, |v, key| match key.parse::<usize>() {
        Ok(i) => &mut v[i],
        Err(_) => &mut v[*key],
    })
}

#[test]
fn fresh_bundles_of_the_seed_and_a_synthetic_corpus_pass_validation() {
    let seed = seed();
    assert_eq!(bundle::validate::bundle(&seed), Ok(()));
    assert!(bundle::decode(&bundle::encode(&seed)).is_ok());
    let files = parallax_engine::synth::corpus(60, 7);
    let synthetic = compare_support::build_files(&files, "");
    assert_eq!(bundle::validate::bundle(&synthetic), Ok(()));
}

#[test]
fn an_inconsistent_bundle_gets_a_message_saying_it_is_damaged_and_how_to_fix_it() {
    let mut bundle = seed();
    bundle.articles.pop();
    let (part, message) = rejected(&bundle);
    assert_eq!(part, Part::SearchIndex);
    assert!(message.contains("damaged") && message.contains("search index"), "{message}");
    assert!(message.contains("rebuild it with `parallax build`"), "{message}");
}

#[test]
fn articles_whose_ranges_do_not_fit_their_text_are_rejected() {
    let cases: Vec<Change> = vec![
        Box::new(|v| *field(v, &["articles", "0", "blocks", "1", "end"]) = Value::from(10_000_000u64)),
        Box::new(|v| *field(v, &["articles", "1", "title", "start"]) = Value::from(u32::MAX)),
        Box::new(|v| {
            let id = field(v, &["articles", "0", "id"]).clone();
            *field(v, &["articles", "1", "id"]) = id;
        }),
        Box::new(|v| {
            let removed = field(v, &["articles", "0", "removed"]).as_array_mut().unwrap();
            assert!(!removed.is_empty(), "the first seed article has removed noise");
            removed[0]["text"] = Value::from("shorter");
        }),
    ];
    for (i, change) in cases.into_iter().enumerate() {
        let (part, message) = rejected(&tampered(change));
        assert_eq!(part, Part::Articles, "case {i}: {message}");
    }
}

#[test]
fn a_search_index_that_does_not_match_its_articles_or_itself_is_rejected() {
    let cases: Vec<Change> = vec![
        Box::new(|v| {
            field(v, &["search", "doc_lens"]).as_array_mut().unwrap().pop();
        }),
        Box::new(|v| *field(v, &["search", "doc_outlets", "0"]) = Value::from(999)),
        Box::new(|v| field(v, &["search", "terms"]).as_array_mut().unwrap().swap(3, 4)),
        Box::new(|v| {
            let starts = field(v, &["search", "posting_starts"]).as_array_mut().unwrap();
            let last = starts.len() - 1;
            starts[last] = Value::from(starts[last].as_u64().unwrap() - 1);
        }),
        Box::new(|v| *field(v, &["search", "postings", "0"]) = Value::from(0x7f)),
        Box::new(|v| {
            let n = field(v, &["search", "doc_freq", "5"]).as_u64().unwrap();
            *field(v, &["search", "doc_freq", "5"]) = Value::from(n + 1);
        }),
        Box::new(|v| {
            field(v, &["search", "translit_terms"]).as_array_mut().unwrap().pop();
        }),
        Box::new(|v| *field(v, &["search", "translit_terms", "0", "0"]) = Value::from(u32::MAX)),
        Box::new(|v| *field(v, &["search", "stem_terms", "0", "0"]) = Value::from(u32::MAX)),
        Box::new(|v| {
            field(v, &["search", "entities", "starts"]).as_array_mut().unwrap().pop();
        }),
        Box::new(|v| *field(v, &["search", "entities", "postings", "0"]) = Value::from(0x7f)),
        Box::new(|v| *field(v, &["search", "entities", "key_slots", "0", "0", "0"]) = Value::from(u32::MAX)),
    ];
    for (i, change) in cases.into_iter().enumerate() {
        let (part, message) = rejected(&tampered(change));
        assert_eq!(part, Part::SearchIndex, "case {i}: {message}");
    }
}

#[test]
fn entity_data_pointing_outside_the_articles_or_entities_is_rejected() {
    let cases: Vec<Change> = vec![
        Box::new(|v| *field(v, &["entities", "mentions", "0", "article"]) = Value::from(999)),
        Box::new(|v| {
            let start = field(v, &["entities", "mentions", "0", "start"]).as_u64().unwrap();
            *field(v, &["entities", "mentions", "0", "end"]) = Value::from(start + 100_000);
        }),
        Box::new(|v| {
            let end = field(v, &["entities", "mentions", "0", "end"]).clone();
            *field(v, &["entities", "mentions", "0", "start"]) = end;
        }),
        Box::new(|v| {
            let mentions = field(v, &["entities", "mentions"]).as_array_mut().unwrap();
            let named = mentions.iter_mut().find(|m| !m["entity"].is_null()).unwrap();
            named["entity"] = Value::from(1_000_000);
        }),
        Box::new(|v| field(v, &["entities", "mentions"]).as_array_mut().unwrap().swap(0, 1)),
        Box::new(|v| {
            let id = field(v, &["entities", "entities", "0", "id"]).clone();
            *field(v, &["entities", "entities", "1", "id"]) = id;
        }),
    ];
    for (i, change) in cases.into_iter().enumerate() {
        let (part, message) = rejected(&tampered(change));
        assert_eq!(part, Part::Entities, "case {i}: {message}");
    }
}

#[test]
fn a_story_listing_an_article_the_bundle_lacks_is_rejected() {
    let bundle = tampered(|v| {
        let stories = field(v, &["stories"]).as_array_mut().unwrap();
        assert!(!stories.is_empty(), "the seed corpus has stories");
        stories[0]["articles"].as_array_mut().unwrap().push(Value::from("no-such-article"));
    });
    let (part, message) = rejected(&bundle);
    assert_eq!(part, Part::Stories);
    assert!(message.contains("no-such-article"), "{message}");
}

#[test]
fn names_from_a_hostile_bundle_are_shown_without_control_or_bidi_characters() {
    let bundle = tampered(|v| {
        *field(v, &["articles", "0", "id"]) = Value::from("evil\u{202e}\u{1b}[2Jid");
        let id = field(v, &["articles", "0", "id"]).clone();
        *field(v, &["articles", "1", "id"]) = id;
    });
    let (_, message) = rejected(&bundle);
    assert!(message.contains("evil[2Jid"), "{message}");
    assert!(!message.contains('\u{202e}') && !message.contains('\u{1b}'), "{message}");
}
