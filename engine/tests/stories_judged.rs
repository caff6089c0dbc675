//! Story grouping against a judged set (`tests/judged/stories.tsv`): the seed corpus plus
//! invented articles (the July 2021 Kadhimi–Biden meeting in three wordings; the Nile dam talks
//! of March 2022 and October 2022, same people months apart). Reports pairwise precision and
//! recall (pairs of articles put in one story). The invented development set
//! (`tests/judged/dev/`) and the held-out set (`tests/judged/heldout/`, never tuned on) are each
//! built on their own and scored the same way, with floors at what the grouping reaches.

use std::collections::HashSet;
use std::path::PathBuf;

use parallax_engine::{build_bundle, Bundle, SourceInput};

fn dir(sub: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(sub)
}

fn read_dir(path: PathBuf) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(&path)
        .expect("folder exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).expect("UTF-8"))
        })
        .collect();
    files.sort();
    files
}

fn judged_bundle() -> Bundle {
    let mut files = read_dir(dir("../corpus/raw"));
    files.extend(read_dir(dir("tests/judged")));
    let kb = std::fs::read_to_string(dir("../corpus/entities.toml")).expect("knowledge base");
    let inputs: Vec<SourceInput<'_>> =
        files.iter().map(|(n, t)| SourceInput { name: n, bytes: t.as_bytes() }).collect();
    build_bundle(&inputs, &kb).bundle
}

/// Unordered pairs of article ids that share a group.
fn pairs(groups: &[Vec<String>]) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for g in groups {
        for (i, a) in g.iter().enumerate() {
            for b in &g[i + 1..] {
                out.insert(if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) });
            }
        }
    }
    out
}

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

mod judged_support;

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
    check_set("dev", 0.53, 0.58);
}

/// Held out: never tuned on, reported with each change to the grouping.
#[test]
fn held_out_stories_are_grouped_by_event_in_time() {
    check_set("heldout", 0.99, 0.99);
}
