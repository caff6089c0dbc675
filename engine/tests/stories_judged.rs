//! Story grouping against a judged set (`tests/judged/stories.tsv`): the seed corpus plus
//! invented articles (the July 2021 Kadhimi–Biden meeting in three wordings; the Nile dam talks
//! of March 2022 and October 2022, same people months apart). Reports pairwise precision and
//! recall (pairs of articles put in one story). The invented development set
//! (`tests/judged/dev/`) and the held-out set (`tests/judged/heldout/`, never tuned on) are each
//! built on their own and scored the same way, with floors at what the grouping reaches.

mod judged_support;

use std::collections::HashSet;

use judged_support::{dir, pairs, seed_and_judged_bundle as judged_bundle};

#[test]
fn judged_stories_are_found_with_high_pairwise_precision_and_recall() {
    let bundle = judged_bundle();
    let id_of = |key: &str| {
        bundle
            .articles
            .iter()
            .find(|a| a.file == key || a.title.text.starts_with(key))
            .map(|a| a.id.clone())
            .unwrap_or_else(|| panic!("judged article {key:?} is in the corpus"))
    };
    let text = std::fs::read_to_string(dir("tests/judged/stories.tsv")).expect("judged stories");
    let expected: Vec<Vec<String>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split(" | ").map(|k| id_of(k.trim())).collect())
        .collect();
    let judged: HashSet<&String> = expected.iter().flatten().collect();
    assert_eq!(judged.len(), bundle.articles.len(), "every article is judged");
    let found: Vec<Vec<String>> = bundle.stories.iter().map(|s| s.articles.clone()).collect();
    for s in &bundle.stories {
        println!("{:60} {:?}..{:?} {:?} follows {:?}", s.label, s.from, s.to, s.articles, s.follows);
    }
    let (want, got) = (pairs(&expected), pairs(&found));
    let right = want.intersection(&got).count();
    let precision = right as f32 / got.len().max(1) as f32;
    let recall = right as f32 / want.len().max(1) as f32;
    println!(
        "pairwise precision {precision:.2} ({right}/{}), recall {recall:.2} ({right}/{})",
        got.len(),
        want.len()
    );
    assert!(precision >= 0.6 && recall >= 0.9, "precision {precision}, recall {recall}");
    // Same people months apart: two stories, the later following from the earlier.
    let story = |key: &str| {
        let id = id_of(key);
        bundle.stories.iter().find(|s| s.articles.contains(&id)).expect("in a story")
    };
    let (march, october) = (story("inv_dam_cairo_a.txt"), story("inv_dam_addis_a.txt"));
    assert_ne!(march.id, october.id);
    assert_eq!(october.follows, std::slice::from_ref(&march.id));
    assert!(
        march.label.ends_with("Mar 2022") && october.label.ends_with("Oct 2022"),
        "{} / {}",
        march.label,
        october.label
    );
}

/// Pairwise story precision and recall on an invented set, with every wrong and missed pair
/// printed; fails below the floors (what the grouping reached when the floor was set).
fn check_set(set: &str, min_precision: f32, min_recall: f32) {
    let bundle = judged_support::set_bundle(set);
    for s in &bundle.stories {
        let files: Vec<&str> = s
            .articles
            .iter()
            .filter_map(|id| bundle.articles.iter().find(|a| &a.id == id))
            .map(|a| a.file.as_str())
            .collect();
        println!("{set}: {:50} {:?}..{:?} {files:?}", s.label, s.from, s.to);
    }
    let score = judged_support::score_stories(set, &bundle);
    for (a, b) in &score.wrong {
        println!("{set}: wrongly together: {a} + {b}");
    }
    for (a, b) in &score.missed {
        println!("{set}: wrongly apart: {a} + {b}");
    }
    let (precision, recall) = (score.precision(), score.recall());
    println!(
        "{set}: pairwise precision {precision:.2} ({}/{}), recall {recall:.2} ({}/{})",
        score.right, score.found, score.right, score.wanted
    );
    assert!(precision >= min_precision && recall >= min_recall, "{set}: {score:?}");
}

#[test]
fn invented_development_stories_are_grouped_by_event_in_time() {
    // A presidential first round and its runoff (three articles, added after the floor was set at
    // 0.53/0.58) moved the set to 0.50/0.62 with the same code; eleven more (a port strike and its
    // end, the same union striking again in December, two results seasons of one company, a
    // wildfire, a verdict and a sentencing) 0.52/0.61. Recurring names weighed down, dates
    // without a year placed near a group's time and wire datelines: 0.62/0.72. Reports that put
    // their events in different places keep half their similarity (the La Paz round of talks no
    // longer joins the Santiago one): 0.71/0.83. Floods in Lagos, their rising toll and an
    // inquiry two months later (added after, same code): 0.67/0.84, the inquiry joining the
    // floods (it dates them to the day and tells its own day by a weekday). Eleven articles in
    // styles the set lacked (wire copy, a live blog, translations with day-first dates, an
    // analysis, a caption's or a web address's date, a feature; added after, same code):
    // 0.65/0.85. Two years alone no longer make a day ("after 2023", "before 2023" read
    // 2023-01-01): the translated strike report joins the wire copy, and the analysis a month
    // later joins both, 0.64/0.88.
    check_set("dev", 0.63, 0.85);
}

/// Held out: never tuned on, reported with each change to the grouping.
#[test]
fn held_out_stories_are_grouped_by_event_in_time() {
    check_set("heldout", 0.99, 0.99);
}
