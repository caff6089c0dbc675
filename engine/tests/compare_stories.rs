//! Stories over the seed corpus: the Kadhimi–Trump reports are one story, the French foreign
//! minister's visit and Qaani's trip to Baghdad stand apart, and the threshold has a margin.

mod compare_support;

use parallax_engine::compare::{similarity_matrix, stories, STORY_THRESHOLD};
use parallax_engine::entities::EntityData;

fn story_of<'a>(
    stories: &'a [parallax_engine::compare::Story],
    id: &str,
) -> &'a parallax_engine::compare::Story {
    stories.iter().find(|s| s.articles.iter().any(|a| a == id)).expect("every article is in a story")
}

#[test]
fn kadhimi_trump_reports_form_one_story_and_the_others_stand_apart() {
    let articles = compare_support::seed_articles();
    let found = stories(&articles, &EntityData::default());
    for s in &found {
        println!("{:40} {:?}", s.label, s.articles);
    }
    let kadhimi = story_of(&found, "001");
    assert_eq!(kadhimi.articles, ["000a", "001", "002a", "003", "004"]);
    assert_eq!(kadhimi.label, "Kadhimi · Trump · Qasem Soleimani");
    assert_eq!(story_of(&found, "002b").articles, ["002b"]);
    assert_eq!(story_of(&found, "000b").articles, ["000b"]);
    // Single-article stories are kept, labelled with their headline.
    assert_eq!(story_of(&found, "000b").label, "Qaani in Baghdad to Resolve Internal Rifts");
    let total: usize = found.iter().map(|s| s.articles.len()).sum();
    assert_eq!(total, articles.len());
}

/// Average-linkage similarity between two groups of article indices.
fn linkage(sim: &[Vec<f32>], g: &[usize], h: &[usize]) -> f32 {
    let total: f32 = g.iter().flat_map(|&i| h.iter().map(move |&j| sim[i][j])).sum();
    total / (g.len() * h.len()) as f32
}

#[test]
fn story_threshold_separates_the_seed_stories() {
    let articles = compare_support::seed_articles();
    let idx = |id: &str| articles.iter().position(|a| a.id == id).expect("seed id");
    let sim = similarity_matrix(&articles);
    // The merges that build the Kadhimi story, in the order clustering makes them, must each
    // clear the threshold...
    let core = [idx("001"), idx("003")];
    let with_000a = [idx("000a"), idx("001"), idx("003")];
    let later = [idx("002a"), idx("004")];
    let joins = [
        linkage(&sim, &[core[0]], &[core[1]]),
        linkage(&sim, &[idx("000a")], &core),
        linkage(&sim, &[later[0]], &[later[1]]),
        linkage(&sim, &with_000a, &later),
    ];
    // ...while the French FM visit and Qaani's trip link to nothing above it.
    let kadhimi_story: Vec<usize> = with_000a.iter().chain(&later).copied().collect();
    let (fm, qaani) = (idx("002b"), idx("000b"));
    let apart = [
        linkage(&sim, &[fm], &kadhimi_story),
        linkage(&sim, &[qaani], &kadhimi_story),
        linkage(&sim, &[fm], &[qaani]),
    ];
    let weakest_join = joins.iter().copied().fold(f32::MAX, f32::min);
    let strongest_apart = apart.iter().copied().fold(0.0, f32::max);
    println!(
        "story threshold {STORY_THRESHOLD}: weakest join {weakest_join:.3}, strongest link of a separate story {strongest_apart:.3}"
    );
    assert!(weakest_join >= STORY_THRESHOLD, "joins {joins:?}");
    assert!(strongest_apart < STORY_THRESHOLD, "apart {apart:?}");
    // The threshold sits between the two with room on both sides.
    assert!(weakest_join - STORY_THRESHOLD > 0.005 && STORY_THRESHOLD - strongest_apart > 0.01);
}

#[test]
fn stories_from_the_real_pipeline_keep_the_kadhimi_trump_reports_together() {
    let bundle = compare_support::seed_bundle();
    let by_title = |prefix: &str| {
        bundle.articles.iter().find(|a| a.title.text.starts_with(prefix)).map(|a| a.id.clone())
    };
    let with_text = |needle: &str| {
        bundle
            .articles
            .iter()
            .find(|a| a.blocks.iter().any(|b| b.text.contains(needle)))
            .map(|a| a.id.clone())
    };
    let a001 = with_text("Between August 4 and 18").expect("001 is in the corpus");
    let a003 = by_title("Iraqi PM Al-Kadhimi to Meet Trump").expect("003 is in the corpus");
    let story = story_of(&bundle.stories, &a001);
    assert!(story.articles.contains(&a003), "{:?}", bundle.stories);
    assert!(story.label.contains("Kadhimi"), "{}", story.label);
    // The French FM's visit and Qaani's trip each stand alone; the Kadhimi–Biden report joins.
    for (title, alone) in
        [("French FM Says Iraq", true), ("Qaani in Baghdad", true), ("Kadhimi, Biden to Meet", false)]
    {
        let id = by_title(title).expect("the cleaner splits the two-article files");
        assert_eq!(story.articles.contains(&id), !alone, "{title}: {:?}", bundle.stories);
        if alone {
            assert_eq!(story_of(&bundle.stories, &id).articles, std::slice::from_ref(&id));
        }
    }
    assert_eq!(story.articles.len(), 5, "{:?}", bundle.stories);
    let total: usize = bundle.stories.iter().map(|s| s.articles.len()).sum();
    assert_eq!(total, bundle.articles.len());
}

#[test]
fn no_articles_no_stories() {
    assert!(stories(&[], &EntityData::default()).is_empty());
}
