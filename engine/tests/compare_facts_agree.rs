//! The article page and the comparison read dates and figures once: every figure or date the
//! comparison reports for two sentences is a DATE or FIGURE mention the article page highlights,
//! with the same span and the same value (issue 13, "one extractor per fact").

mod compare_support;

use parallax_engine::compare::figures::{fact_value, facts, FactValue};
use parallax_engine::compare::{compare_dated, FactKind, FactPair};
use parallax_engine::entities::{Mention, MentionKind, Value};
use parallax_engine::text::format_number;
use parallax_engine::Bundle;

/// The mention of `article` at exactly `start..end`, if the page shows one there.
fn mention_at(bundle: &Bundle, article: usize, start: usize, end: usize) -> Option<&Mention> {
    let article = u32::try_from(article).ok()?;
    bundle.entities.mentions_in(article).iter().find(|m| m.start as usize == start && m.end as usize == end)
}

/// Checks one side of a reported fact against the page's mention there; returns the mention's
/// value as the comparison compares it.
fn page_value(
    bundle: &Bundle,
    article: usize,
    start: usize,
    end: usize,
    written: &str,
    kind: FactKind,
) -> FactValue {
    let id = &bundle.articles[article].id;
    let mention = mention_at(bundle, article, start, end).unwrap_or_else(|| {
        panic!("{id}: the comparison reports {written:?} ({start}..{end}), the page shows no mention there")
    });
    let expected = match kind {
        FactKind::Count => MentionKind::Figure,
        FactKind::Date => MentionKind::Date,
    };
    assert_eq!(mention.kind(), expected, "{id}: {written:?}");
    let surface = bundle.entities.surface(&bundle.articles, mention).unwrap_or_default();
    assert_eq!(surface, written, "{id}: the comparison quotes the page's words");
    mention.value.as_deref().and_then(fact_value).unwrap_or_else(|| panic!("{id}: {written:?} has a value"))
}

/// Every fact pair of every compared pair of articles in `bundle`, checked side by side against
/// the page; returns how many pairs were checked.
fn check_all_pairs(bundle: &Bundle) -> usize {
    let mut checked = 0;
    let n = bundle.articles.len();
    for a in 0..n {
        for b in a + 1..n {
            let comparison = bundle.compare(&[a, b]);
            for pair in &comparison.pairs {
                let facts: Vec<&FactPair> =
                    pair.agreements.iter().chain(&pair.conflicts).chain(&pair.changes).collect();
                for fact in facts {
                    let va = page_value(bundle, a, fact.a_start, fact.a_end, &fact.a, fact.kind);
                    let vb = page_value(bundle, b, fact.b_start, fact.b_end, &fact.b, fact.kind);
                    // The numbers the explanation states are the page's values (an approximate
                    // count, "dozens of ships", states its words, no number).
                    for value in [&va, &vb] {
                        if let FactValue::Count { value, up_to: None, .. } = value {
                            let number = format_number(*value);
                            assert!(
                                fact.explanation.contains(&number),
                                "{:?} states {number} ({} / {})",
                                fact.explanation,
                                fact.a,
                                fact.b
                            );
                        }
                    }
                    checked += 1;
                }
            }
        }
    }
    checked
}

#[test]
fn every_figure_and_date_the_seed_comparisons_report_is_highlighted_on_the_article_page() {
    let seed = compare_support::seed_bundle_with_kb();
    let checked = check_all_pairs(&seed);
    assert!(checked >= 4, "the seed comparisons report figures and dates ({checked})");
}

#[test]
fn every_figure_and_date_the_invented_comparisons_report_is_highlighted_on_the_article_page() {
    let judged: toml::Value =
        toml::from_str(include_str!("gold/compare_judged.toml")).expect("judged file parses");
    let pairs = judged.get("article_pair").and_then(toml::Value::as_array).expect("judged pairs");
    let mut checked = 0;
    for pair in pairs {
        let file = |side: &str| pair.get(side).and_then(|s| s.get("file")).and_then(toml::Value::as_str);
        let (Some(fa), Some(fb)) = (file("a"), file("b")) else { continue };
        let read = |name: &str| {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold").join(name);
            (name.to_string(), std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}")))
        };
        let bundle = compare_support::build_files(&[read(fa), read(fb)], &compare_support::seed_kb());
        checked += check_all_pairs(&bundle);
    }
    assert!(checked >= 40, "the invented comparisons report figures and dates ({checked})");
}

#[test]
fn a_comparison_given_only_names_reports_the_figures_the_page_shows() {
    // The explorer's comparison page sends each article's linked names only: the figures and
    // dates are then read by the same reader, and come out as the page shows them.
    let seed = compare_support::seed_bundle_with_kb();
    let facts_of = |c: &parallax_engine::compare::Comparison| -> Vec<FactPair> {
        c.pairs
            .iter()
            .flat_map(|p| p.agreements.iter().chain(&p.conflicts).chain(&p.changes))
            .cloned()
            .collect()
    };
    let n = seed.articles.len();
    let mut compared = 0;
    for a in 0..n {
        for b in a + 1..n {
            let names = |i: usize| -> Vec<Mention> {
                let index = u32::try_from(i).expect("small corpus");
                seed.entities.mentions_in(index).iter().filter(|m| m.kind().is_name()).cloned().collect()
            };
            let (na, nb) = (names(a), names(b));
            let only_names = compare_dated(&[&seed.articles[a], &seed.articles[b]], &[&na, &nb], &[]);
            let full = [seed.entities.mentions_in(a as u32), seed.entities.mentions_in(b as u32)];
            let with_all = compare_dated(&[&seed.articles[a], &seed.articles[b]], &full, &[]);
            assert_eq!(
                facts_of(&only_names),
                facts_of(&with_all),
                "{} / {}",
                seed.articles[a].id,
                seed.articles[b].id
            );
            compared += facts_of(&with_all).len();
        }
    }
    assert!(compared >= 4, "{compared}");
}

/// The dates and figures the page shows for one paragraph: (surface, date norm or number).
fn page_mentions(text: &str) -> Vec<(String, String)> {
    let raw = format!("Headline\n\n{text}\n");
    let bundle = compare_support::build_files(&[("a.txt".to_string(), raw)], "");
    bundle
        .entities
        .mentions_in(0)
        .iter()
        .filter_map(|m| {
            let surface = bundle.entities.surface(&bundle.articles, m)?.to_string();
            match m.value.as_deref()? {
                Value::Date(d) => Some((surface, d.norm.clone())),
                Value::Figure(f) => Some((surface, format!("{} {}", format_number(f.value), f.unit))),
            }
        })
        .collect()
}

fn owned(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn jan_5_2021_is_one_date_on_the_page_and_in_the_comparison() {
    // The example: the page highlighted only "2021", the comparison read a month, a
    // count of 5 and a year.
    let text = "The talks resumed on Jan. 5, 2021, in Baghdad.";
    assert_eq!(page_mentions(text), owned(&[("Jan. 5, 2021", "2021-01-05")]));
    let read = facts(text);
    assert_eq!(read.len(), 1, "{read:?}");
    assert_eq!(&text[read[0].start..read[0].end], "Jan. 5, 2021");
    assert!(
        matches!(read[0].value, FactValue::Date(p) if (p.year, p.month, p.day) == (Some(2021), Some(1), Some(5)))
    );

    // Two outlets writing the date differently agree on it, quoting what each page highlights.
    let files = [
        (
            "a.txt".to_string(),
            "Talks resume\n\nThe talks resumed on Jan. 5, 2021, in Baghdad with 40 delegates.\n".to_string(),
        ),
        (
            "b.txt".to_string(),
            "Talks back on\n\nOn January 5, 2021, the talks resumed in Baghdad with 40 delegates.\n"
                .to_string(),
        ),
    ];
    let bundle = compare_support::build_files(&files, "");
    assert!(check_all_pairs(&bundle) >= 2);
    let comparison = bundle.compare(&[0, 1]);
    let dates: Vec<(&str, &str, &str)> = comparison
        .pairs
        .iter()
        .flat_map(|p| &p.agreements)
        .filter(|f| f.kind == FactKind::Date)
        .map(|f| (f.a.as_str(), f.b.as_str(), f.explanation.as_str()))
        .collect();
    assert_eq!(dates, [("Jan. 5, 2021", "January 5, 2021", "both say January 5, 2021")]);
}

#[test]
fn what_the_comparison_reads_in_a_sentence_the_page_highlights_the_same_way() {
    // Ranges, shares, glued units, temperatures, durations and scores: each one mention.
    assert_eq!(
        page_mentions("Between August 4 and 18, 14 bomb and rocket attacks hit convoys."),
        owned(&[
            ("Between August 4 and 18", "--08-04/--08-18"),
            ("14 bomb and rocket attacks", "14 attacks")
        ])
    );
    assert_eq!(
        page_mentions("Protests ran August 4-18 in the capital."),
        owned(&[("August 4-18", "--08-04/--08-18")])
    );
    assert_eq!(page_mentions("The cuts hit a quarter of the staff."), owned(&[("a quarter", "25 percent")]));
    assert_eq!(
        page_mentions("The mercury climbed to 44.2C on Wednesday."),
        owned(&[("44.2C", "44.2 c"), ("Wednesday", "Wed")])
    );
    assert_eq!(
        page_mentions("It reached 44.2 degrees Celsius."),
        owned(&[("44.2 degrees Celsius", "44.2 celsius")])
    );
    assert_eq!(page_mentions("He got a seven-year sentence."), owned(&[("seven-year", "7 year")]));
    assert_eq!(page_mentions("Rovers won 3-1 at home."), owned(&[("3", "3 "), ("1", "1 ")]));
    assert_eq!(page_mentions("Shops face fines of 5k lev."), owned(&[("5k lev", "5,000 lev")]));
    // No count in "no one", a compound or an age.
    assert!(page_mentions("No one knew of the two-state plan or the 27-year-old.").is_empty());

    // And the comparison reads exactly those: a share meets its percentage, a glued unit its
    // spelt-out form.
    let count = |text: &str| match facts(text).first().map(|f| f.value.clone()) {
        Some(FactValue::Count { value, unit, .. }) => format!("{value} {unit}"),
        other => format!("{other:?}"),
    };
    assert_eq!(count("The cuts hit a quarter of the staff."), count("The cuts hit 25 percent of the staff."));
    assert_eq!(count("A 30cm layer."), count("A 30 centimetre layer."));
    assert_eq!(count("It hit 44C."), count("It hit 44.0 degrees."));
    assert_ne!(count("It hit 90 degrees Fahrenheit."), count("It hit 90C."));
    assert_eq!(count("a seven-year sentence"), count("seven years in prison"));
}
