//! Publication dates against a judged set: the seven seed articles and invented articles whose
//! true dates are known (`tests/judged/dates.tsv`). Reports month accuracy per set; the seed and
//! the three Kadhimi–Biden articles are the development set, the Nile dam articles are held out
//! (written before the estimator was run on them, never tuned on). The larger invented sets
//! (`tests/judged/dev/`, `tests/judged/heldout/`, held out likewise) are scored per set.

mod judged_support;

use judged_support::{dir, seed_and_judged_bundle as judged_bundle};
use parallax_engine::dates::DateSource;

/// (set, title prefix, true date) rows of `tests/judged/dates.tsv`.
fn judgements() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(dir("tests/judged/dates.tsv")).expect("judged dates");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols[0].to_string(), cols[1].to_string(), cols[2].to_string())
        })
        .collect()
}

#[test]
fn publication_months_are_right_for_the_judged_articles() {
    let bundle = judged_bundle();
    let mut right = std::collections::BTreeMap::<String, (usize, usize)>::new();
    let mut misses = Vec::new();
    for (set, title, truth) in judgements() {
        let index = bundle
            .articles
            .iter()
            .position(|a| a.file == title || a.title.text.starts_with(&title))
            .unwrap_or_else(|| panic!("judged article {title:?} is in the corpus"));
        let date = bundle.date_of(index);
        let got = date.map(|d| d.iso()).unwrap_or_default();
        let month_right = got.len() >= 7 && truth.len() >= 7 && got[..7] == truth[..7];
        let slot = right.entry(set.clone()).or_default();
        slot.1 += 1;
        slot.0 += usize::from(month_right);
        let evidence: Vec<String> = date.map_or(Vec::new(), |d| {
            d.evidence.iter().map(|e| format!("{:?} “{}”", e.kind, e.text)).collect()
        });
        println!(
            "{set:9} {:>10} truth {truth:10} {} {title} [{}]",
            got,
            if month_right { "✓" } else { "✗" },
            evidence.join("; ")
        );
        if !month_right {
            misses.push((set, title, truth, got));
        }
    }
    for story in &bundle.stories {
        println!(
            "story {:60} {:?}..{:?} {:?} follows {:?}",
            story.label, story.from, story.to, story.articles, story.follows
        );
    }
    for (set, (ok, n)) in &right {
        println!("{set}: month right {ok}/{n}");
    }
    // The anchor: at least 9 of the 10 (seven seed, three Kadhimi–Biden).
    let (seed_ok, seed_n) = right.get("seed").copied().unwrap_or_default();
    let (dev_ok, dev_n) = right.get("invented").copied().unwrap_or_default();
    let (held_ok, held_n) = right.get("held-out").copied().unwrap_or_default();
    assert_eq!(seed_n + dev_n, 10);
    assert!(seed_ok + dev_ok >= 8, "seed and invented: {misses:?}");
    assert!(held_ok * 4 >= held_n * 3, "held-out: {misses:?}");
}

#[test]
fn a_posted_line_is_a_stated_date_and_a_page_date_is_not() {
    let bundle = judged_bundle();
    let find = |key: &str| {
        bundle.articles.iter().position(|a| a.file == key || a.title.text.starts_with(key)).expect("article")
    };
    let posted = bundle.date_of(find("inv_kadhimi_biden_posted.txt")).expect("dated");
    assert_eq!((posted.iso().as_str(), posted.source), ("2021-07-27", DateSource::Stated));
    // Global Village Space's banner date (April 2024) is the page's, not the article's.
    let gvs = bundle.date_of(find("Iraq PM visits White House")).expect("dated");
    assert!(gvs.iso().starts_with("2020-08"), "{gvs:?}");
    assert_eq!(gvs.source, DateSource::Estimated);
}

/// Publication months (and days) on an invented set, every estimate printed; fails below the
/// floor (what the estimator reached when the floor was set).
fn check_set(set: &str, min_month_right: usize) {
    let bundle = judged_support::set_bundle(set);
    let score = judged_support::score_dates(set, &bundle);
    println!(
        "{set}: month right {}/{}, day right {}/{}",
        score.month_right, score.n, score.day_right, score.n
    );
    assert!(score.month_right >= min_month_right, "{set}: {score:?}");
}

#[test]
fn invented_development_dates_have_the_right_month() {
    // 19 -> 20 when "less than two weeks after an attack on April 28" came to bound the date;
    // 29 of 32 once eleven articles were added (a port strike, results seasons, a wildfire, a
    // trial), 28 with the stories grouped by event (two undated articles no longer borrow the
    // date of the wrong story), 30 once an article alone in its story places its dates without a
    // year near its most similar dated article. 32 of 35 once floods in Lagos were added (their
    // inquiry two months later is dated to the floods' month). 38 of 46 once eleven articles in
    // styles the set lacked were added (6 of their 11 right: day-first dates "5/10/2023" are read
    // as a year only, a caption's and a web address's date not at all). 39 once a copied page's
    // own dated web address dates it; 40 once a period starting on a date that the clause tells
    // as still to come ("a ban from May 1 would leave …") no longer dates the writing after it.
    check_set("dev", 40);
}

/// Held out: never tuned on, reported with each change to the estimator.
#[test]
fn held_out_dates_have_the_right_month() {
    check_set("heldout", 18);
}

/// The time of `text` in article `file` of a set's bundle, as resolved.
fn time_in(bundle: &parallax_engine::Bundle, file: &str, text: &str) -> Option<String> {
    let index = bundle.articles.iter().position(|a| a.file == file)?;
    bundle.times_of(index).into_iter().find(|t| t.text == text).map(|t| t.when.iso())
}

#[test]
fn relative_times_fall_on_the_days_other_articles_state() {
    let bundle = judged_support::set_bundle("dev");
    // Stated March 12, 2023 (a Sunday): "on Saturday" is March 11, the day another article of
    // the story states ("Saturday, March 11").
    assert_eq!(time_in(&bundle, "freddy_landfall.txt", "Saturday").as_deref(), Some("2023-03-11"));
    // Stated Monday, April 3, 2023: the first round "on Sunday" is April 2, as the run-off
    // preview says.
    assert_eq!(time_in(&bundle, "talvia_vote_first_round.txt", "Sunday").as_deref(), Some("2023-04-02"));
    // Dated to the month only (from its story): its "Monday" is only that month.
    assert_eq!(time_in(&bundle, "chile_bolivia_lapaz_b.txt", "Monday").as_deref(), Some("2023-06"));
    // ... and it shows what that month rests on: the date of another article of its story.
    let lapaz_b =
        bundle.articles.iter().position(|a| a.file == "chile_bolivia_lapaz_b.txt").expect("article");
    let monday = bundle.times_of(lapaz_b).into_iter().find(|t| t.text == "Monday").expect("resolved");
    assert!(monday.when.evidence.iter().any(|e| e.kind == parallax_engine::dates::EvidenceKind::Story));
    // A month without a year after the article's date: the next one, not last year's.
    assert_eq!(time_in(&bundle, "kenya_somalia_mogadishu_b.txt", "August").as_deref(), Some("2023-08"));
    let seed = judged_bundle();
    // "elections planned for October 10" in an article posted July 27, 2021.
    assert_eq!(time_in(&seed, "inv_kadhimi_biden_posted.txt", "October 10").as_deref(), Some("2021-10-10"));
    // "since the October 7 attack" in an article dated by its caption, April 23, 2025.
    let french =
        seed.articles.iter().position(|a| a.title.text.starts_with("French FM")).expect("seed article");
    let october = seed.times_of(french).into_iter().find(|t| t.text == "October 7").map(|t| t.when.iso());
    assert_eq!(october.as_deref(), Some("2024-10-07"));
}
