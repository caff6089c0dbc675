//! Stories over the seed corpus, as a reader expects them: the three reports of Kadhimi's August
//! 2020 White House visit together and alone; the 2021 Kadhimi–Biden pieces, Qaani's 2024 trip
//! and the French foreign minister's 2025 visit apart from them. And the bounds that keep story
//! grouping linear (issue 14).

use std::path::PathBuf;

use parallax_engine::stories::{features, stories, Story};
use parallax_engine::{build_bundle, Bundle, SourceInput};

fn dir(sub: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(sub)
}

fn seed_bundle() -> Bundle {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir("../corpus/raw"))
        .expect("seed corpus")
        .filter_map(Result::ok)
        .map(|e| {
            (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).expect("UTF-8"))
        })
        .collect();
    files.sort();
    let kb = std::fs::read_to_string(dir("../corpus/entities.toml")).expect("knowledge base");
    let inputs: Vec<SourceInput<'_>> =
        files.iter().map(|(n, t)| SourceInput { name: n, bytes: t.as_bytes() }).collect();
    build_bundle(&inputs, &kb).bundle
}

fn story_of<'a>(stories: &'a [Story], id: &str) -> &'a Story {
    stories.iter().find(|s| s.articles.iter().any(|a| a == id)).expect("every article is in a story")
}

#[test]
fn the_three_2020_visit_reports_are_one_story_and_the_later_pieces_stand_apart() {
    let bundle = seed_bundle();
    let id = |prefix: &str| {
        bundle.articles.iter().find(|a| a.title.text.starts_with(prefix)).map(|a| a.id.clone()).expect(prefix)
    };
    for s in &bundle.stories {
        println!("{:60} {:?}..{:?} {:?} follows {:?}", s.label, s.from, s.to, s.articles, s.follows);
    }
    let visit =
        [id("Iraq’s Kadhimi Praises"), id("Iraq PM visits White House"), id("Iraqi PM Al-Kadhimi to Meet")];
    let story = story_of(&bundle.stories, &visit[0]);
    assert_eq!(story.articles, visit, "the 2020 visit, together and alone");
    assert!(story.label.contains("Kadhimi") && story.label.ends_with("Aug 2020"), "{}", story.label);
    assert_eq!((story.from.as_deref(), story.to.as_deref()), (Some("2020-08"), Some("2020-08-19")));
    for later in ["Kadhimi, Biden to Meet", "Iraqi engagement with US", "Qaani in Baghdad", "French FM Says"]
    {
        assert!(!story.articles.contains(&id(later)), "{later} is not part of the 2020 visit");
    }
    // The 2021 pieces follow from the 2020 visit: same people, later events.
    let biden = story_of(&bundle.stories, &id("Kadhimi, Biden to Meet"));
    assert!(biden.follows.contains(&story.id), "{biden:?}");
    // One-article stories are labelled with their headline.
    let qaani = story_of(&bundle.stories, &id("Qaani in Baghdad"));
    assert_eq!(qaani.label, "Qaani in Baghdad to Resolve Internal Rifts");
    let total: usize = bundle.stories.iter().map(|s| s.articles.len()).sum();
    assert_eq!(total, bundle.articles.len());
}

#[test]
fn no_articles_no_stories() {
    assert!(stories(&[], &Default::default()).is_empty());
}

/// Issue 14: a sentence of thousands of capitalised words made every pair of names a feature
/// (16 KB: 18.7 s and 424 MB). Now at most `MAX_ENTITIES_PER_SENTENCE` names are paired and the
/// article is reported as read in part.
#[test]
fn a_sentence_of_thousands_of_names_is_grouped_with_bounded_work_and_a_note() {
    let mut sentence = String::from("Names\n\nThe meeting brought together ");
    for i in 0..2_000 {
        sentence.push_str(&format!("Minister Alpha{i} Beta{i}, "));
    }
    sentence.push_str("and many more.\n");
    assert!(sentence.len() > 16_000);
    let built = build_bundle(&[SourceInput { name: "names.txt", bytes: sentence.as_bytes() }], "");
    assert_eq!(built.bundle.stories.len(), 1);
    let found = features::vectors(&built.bundle.articles, &built.bundle.entities);
    let max_pairs = features::MAX_ENTITIES_PER_SENTENCE * (features::MAX_ENTITIES_PER_SENTENCE - 1) / 2;
    // Terms: the words themselves, the names, and at most the bounded number of pairs.
    assert!(found.n_terms <= 2 * 2_000 + 2_000 + max_pairs + 50, "{} terms", found.n_terms);
    assert!(
        built.diagnostics.iter().any(|d| d.file == "names.txt" && d.message.contains("names per sentence")),
        "{:?}",
        built.diagnostics
    );
}

#[test]
fn a_very_long_article_is_read_up_to_the_word_bound_and_says_so() {
    let mut text = String::from("Long report\n\n");
    for i in 0..(features::MAX_WORDS_PER_ARTICLE / 8 + 10) {
        text.push_str(&format!("The council discussed water item number {i} today.\n\n"));
    }
    let built = build_bundle(&[SourceInput { name: "long.txt", bytes: text.as_bytes() }], "");
    let found = features::vectors(&built.bundle.articles, &built.bundle.entities);
    assert_eq!(found.cut, [0]);
    assert!(built.diagnostics.iter().any(|d| d.file == "long.txt" && d.message.contains("very long")));
}
