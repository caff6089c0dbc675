//! Bounded work: inputs that used to make the comparison (or the date and figure recogniser it
//! reads) grow quadratically. Each test is sized to run in well under a second when the cost is
//! about linear, and to take minutes (or run out of memory) when it is not. Timings are in the
//! `compare` benchmark, never asserted here.

mod compare_support;

use compare_support::article;
use parallax_engine::compare::{compare, MAX_SENTENCES};
use parallax_engine::entities::{EntityData, MentionKind};

#[test]
fn a_line_repeated_in_both_articles_is_reported_once_per_place_not_once_per_pair_of_places() {
    let line =
        "“We will not allow any attack on the convoys of the coalition in Anbar,” Kadhimi said on Tuesday.";
    let r = 1_500;
    let mut a = vec!["Repeated A".to_string()];
    let mut b = vec!["Repeated B".to_string()];
    a.extend(std::iter::repeat_n(line.to_string(), r));
    b.extend(std::iter::repeat_n(line.to_string(), r));
    let cmp = compare(&[&article("a", &a), &article("b", &b)], &EntityData::default());
    // One aligned pair (the line, once per article), at most one shared run and one quote pair
    // per place in B: r×r (2.25 million) would be the old behaviour.
    assert_eq!(cmp.pairs.len(), 1);
    assert!(cmp.shared.len() <= r, "{} shared runs", cmp.shared.len());
    assert!(cmp.quotes.len() <= r, "{} quote pairs", cmp.quotes.len());
}

#[test]
fn an_article_too_long_to_compare_in_full_is_compared_in_part_and_says_so() {
    let n = MAX_SENTENCES + 25;
    let mut long = vec!["A very long article".to_string()];
    // Distinct sentences sharing most of their words: every one a candidate for every other.
    long.extend((0..n).map(|i| {
        format!("Convoy {i} of the coalition was attacked near the airport in Baghdad on day {i}.")
    }));
    let short = vec![
        "Short".to_string(),
        "Convoy 7 of the coalition was attacked near the airport in Baghdad on day 7.".to_string(),
    ];
    let cmp = compare(&[&article("long", &long), &article("short", &short)], &EntityData::default());
    assert_eq!(cmp.limits.len(), 1);
    let limit = &cmp.limits[0];
    assert_eq!((limit.article.as_str(), limit.compared, limit.total), ("long", MAX_SENTENCES, n + 1));
    assert!(cmp.pairs.iter().any(|p| p.a_sentence.text.contains("Convoy 7 ")));
}

#[test]
fn two_long_articles_of_similar_distinct_sentences_are_compared_without_quadratic_blowup() {
    // 3,000 sentences each, all about convoys and attacks: comparing every pair would be nine
    // million similarity computations; the inverted index over rare terms keeps it near linear.
    let make = |seed: usize| -> Vec<String> {
        let mut v = vec![format!("Attacks report {seed}")];
        v.extend((0..3_000).map(|i| {
            format!(
                "Convoy number {} was hit by {} rockets near checkpoint {} on the road.",
                i * 7 + seed,
                i % 50,
                i
            )
        }));
        v
    };
    let cmp = compare(&[&article("x", &make(0)), &article("y", &make(1))], &EntityData::default());
    assert!(cmp.limits.is_empty());
    assert!(cmp.pairs.len() <= 6_000, "{} pairs", cmp.pairs.len());
}

#[test]
fn a_long_paragraph_of_numbers_is_read_in_one_pass() {
    // 100 KB in one paragraph, each number a figure (borrowing "fighters"): every figure used to
    // re-read the whole paragraph before it for a qualifier ("about", "more than").
    let numbers: Vec<String> = (0..20_000).map(|i| format!("{}, ", i % 997)).collect();
    let text = format!("Figures\n\n14 fighters were held, then {}and 3.\n", numbers.concat());
    let built = parallax_engine::build_bundle(
        &[parallax_engine::SourceInput { name: "numbers.txt", bytes: text.as_bytes() }],
        "",
    );
    let figures = built.bundle.entities.mentions.iter().filter(|m| m.kind() == MentionKind::Figure).count();
    assert!(figures > 10_000, "{figures} figures");
}

#[test]
fn a_long_article_of_names_and_figures_is_recognised_in_one_pass() {
    // 12,000 paragraphs, each a name and a figure whose counted phrase holds a name: every figure
    // used to scan every mention found so far in the article (names inside it give way to it),
    // 24,000 × 12,000 checks; now only its own paragraph's mentions.
    let mut text = String::from("Troops\n\n");
    for i in 0..12_000 {
        // Counts below 1,000 (1900–2099 would read as years); no two paragraphs alike (a
        // repeated paragraph is removed as the page's repeated boilerplate).
        text.push_str(&format!(
            "Kadhimi said {} US troops left Basra on day {}.\n\n",
            3 + i % 900,
            i / 900 + 1
        ));
    }
    let built = parallax_engine::build_bundle(
        &[parallax_engine::SourceInput { name: "troops.txt", bytes: text.as_bytes() }],
        "",
    );
    let mentions = &built.bundle.entities.mentions;
    let figures = mentions.iter().filter(|m| m.kind() == MentionKind::Figure).count();
    let places = mentions.iter().filter(|m| m.kind() == MentionKind::Place).count();
    assert!(figures >= 12_000, "{figures} figures");
    // "Basra" stays a place in every paragraph; "US" inside "1,000 US troops" gives way.
    assert!(places >= 12_000, "{places} places");
    let us_alone = mentions.iter().filter(|m| m.kind() == MentionKind::Place && m.end - m.start == 2).count();
    assert_eq!(us_alone, 0, "US is part of the figure, not a place of its own");
}

#[test]
fn one_long_paragraph_of_names_dates_and_figures_is_recognised_in_one_pass() {
    // 4,000 sentences in a single paragraph: every candidate date and figure used to be checked
    // against every name found in the paragraph so far.
    let mut text = String::from("One paragraph\n\n");
    for i in 0..4_000 {
        text.push_str(&format!(
            "Kadhimi said {} soldiers reached Basra on March {}, 2020. ",
            3 + i % 900,
            i % 28 + 1
        ));
    }
    text.push('\n');
    let built = parallax_engine::build_bundle(
        &[parallax_engine::SourceInput { name: "paragraph.txt", bytes: text.as_bytes() }],
        "",
    );
    let mentions = &built.bundle.entities.mentions;
    let count = |kind: MentionKind| mentions.iter().filter(|m| m.kind() == kind).count();
    assert!(count(MentionKind::Figure) >= 4_000, "{} figures", count(MentionKind::Figure));
    assert!(count(MentionKind::Date) >= 4_000, "{} dates", count(MentionKind::Date));
    assert!(count(MentionKind::Place) >= 4_000, "{} places", count(MentionKind::Place));
}
