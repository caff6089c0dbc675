//! What a reader of "Compare coverage" sees: sentences that survive abbreviations and quotes,
//! alignment by meaning rather than position, quotes of one speaker compared, wire copy found.

mod compare_support;

use parallax_engine::compare::{compare, sentences, DiffKind, FactKind, Relation};
use parallax_engine::entities::EntityData;
use parallax_engine::model::Article;

/// An article whose raw file is its blocks joined by blank lines (its file `<id>_x.txt`, so its
/// label is the id).
fn article(id: &str, blocks: &[&str]) -> (Article, String) {
    let mut a = compare_support::article(id, blocks);
    a.file = format!("{id}_x.txt");
    (a, blocks.join("\n\n"))
}

#[test]
fn seed_sentences_survive_abbreviations_and_quotes() {
    let bundle = compare_support::seed_bundle();
    let all: Vec<String> =
        bundle.articles.iter().flat_map(|a| sentences(a).into_iter().map(|s| s.text)).collect();
    let has = |s: &str| all.iter().any(|x| x == s);
    assert!(has("A new Iraqi prime minister is visiting Washington, D.C., and expected to meet with President Trump Thursday to discuss the future of U.S. troops in Iraq, an important visit for both countries."));
    assert!(has("Asked if he was carrying a special message from Iranian leaders to the United States, Kadhimi said, “we do not play the role of postman in Iraq,” the U.S.-backed prime minister said."));
    assert!(has("Soleimani was killed in a targeted U.S. airstrike on 3 January 2020 in Baghdad, Iraq."));
    assert!(has("A source told Asharq Al-Awsat that the situation within the Coordination Framework “is like a volcano on the verge of erupting, necessitating the intervention of the Iranian ally.”"));
    // Sentences never cross blocks and are slices of the raw file.
    for a in &bundle.articles {
        let raw = compare_support::raw_of(&a.file);
        for s in sentences(a) {
            let block = &a.blocks[s.block];
            assert!(block.start <= s.start && s.end <= block.end);
            assert_eq!(&raw[s.start..s.end], s.text);
        }
    }
}

#[test]
fn reordered_paragraphs_still_align_and_unmatched_sentences_are_listed() {
    let (a, _) = article("wire", &[
        "Attacks rise before Kadhimi visit",
        "Iraqi Prime Minister Mustafa al-Kadhimi will meet President Donald Trump at the White House on Thursday.",
        "Between August 4 and 18, 14 bomb and rocket attacks targeted convoys for the US military.",
        "The Hashed al-Shaabi denies any role in the attacks.",
    ]);
    let (b, _) = article(
        "paper",
        &[
            "Kadhemi to meet Trump",
            "Between August 4 and August 16, convoys of the US military were hit by 13 bombs and missiles.",
            "Kadhemi, the Iraqi prime minister, meets Donald Trump on Thursday at the White House.",
            "Oil prices rose sharply in Basra markets this week.",
        ],
    );
    let cmp = compare(&[&a, &b], &EntityData::default());
    let find = |needle: &str| cmp.pairs.iter().find(|p| p.a_sentence.text.contains(needle));
    let visit = find("will meet President").expect("the visit sentences align despite their order");
    assert!(visit.b_sentence.text.starts_with("Kadhemi, the Iraqi"));
    let attacks = find("Between August").expect("the attack counts align");
    // 14 against 13 attacks over August 4–18 and August 4–16: two counting windows, not a conflict.
    assert!(attacks.conflicts.is_empty(), "{:?}", attacks.conflicts);
    let explanations: Vec<&str> = attacks.changes.iter().map(|c| c.explanation.as_str()).collect();
    assert_eq!(
        explanations,
        ["wire counts 14 attacks for August 4–18, paper counts 13 for August 4–16: different counting windows"]
    );
    assert!(attacks
        .changes
        .iter()
        .all(|c| c.kind == FactKind::Count && c.relation == Relation::DifferentWindows));
    // Each source's own sentences are listed, and the summary counts them.
    let only_b: Vec<&str> = cmp.only[1].sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(only_b, ["Oil prices rose sharply in Basra markets this week."]);
    assert!(cmp.only[0].sentences.iter().any(|s| s.text.contains("Hashed")));
    assert_eq!(cmp.summary.sources[1].only_sentences, 1);
    assert!(cmp.summary.sources[0].aligned_share > 0.5 && cmp.summary.sources[0].aligned_share < 1.0);
    assert_eq!((cmp.summary.conflicts, cmp.summary.changes), (0, 1));
    // The diff marks the changed figures on word boundaries.
    let deleted: Vec<&str> =
        attacks.diff.iter().filter(|op| op.kind == DiffKind::Delete).map(|op| op.text.as_str()).collect();
    assert!(deleted.iter().any(|d| d.contains("18")), "{deleted:?}");
}

#[test]
fn quotes_of_one_speaker_are_compared_and_wording_differences_flagged() {
    let (a, raw_a) = article("one", &[
        "Kadhimi speaks",
        "“A series of principles were agreed upon, all of which are in the interests of the Iraqi people,” Kadhimi said in an interview.",
        "“We do not play the role of postman,” he added.",
    ]);
    let (b, raw_b) = article("two", &[
        "Kadhemi interview",
        "Prime Minister Mustafa al-Kadhemi said that “a series of principles was agreed, all in the interest of the Iraqi people.”",
        "“Nothing was signed,” said Pompeo.",
        "“We do not play the role of postman,” Kadhemi told reporters.",
    ]);
    let cmp = compare(&[&a, &b], &EntityData::default());
    assert_eq!(cmp.quotes.len(), 2, "{:#?}", cmp.quotes);
    let principles = &cmp.quotes[0];
    assert_eq!(principles.speaker, "Kadhimi");
    assert!(principles.wording_differs);
    assert_eq!(&raw_a[principles.a.start..principles.a.end], principles.a.text);
    assert_eq!(&raw_b[principles.b.start..principles.b.end], principles.b.text);
    // "he added" resolves to Kadhimi; the same words are not flagged.
    let postman = &cmp.quotes[1];
    assert_eq!(postman.a.speaker.as_deref(), Some("Kadhimi"));
    assert!(!postman.wording_differs);
    assert_eq!(cmp.summary.quote_differences, 1);
}

#[test]
fn long_runs_of_shared_wording_are_reported_with_offsets_in_each_article() {
    let wire = "Pro-Iranian factions were hit hard by Washington's assassination in January of one of their top chiefs.";
    let (a, raw_a) =
        article("afp", &["Title A", &format!("Baghdad: {wire}"), "Something else entirely here."]);
    let (b, raw_b) =
        article("gvs", &["Title B", "An unrelated opening sentence.", &format!("{wire} More text follows.")]);
    let cmp = compare(&[&a, &b], &EntityData::default());
    assert_eq!(cmp.shared.len(), 1, "{:#?}", cmp.shared);
    let run = &cmp.shared[0];
    assert_eq!(run.words, 17);
    assert_eq!(&raw_a[run.a_start..run.a_end], run.text);
    assert_eq!(&raw_b[run.b_start..run.b_end], run.text);
    assert!(run.text.starts_with("Pro-Iranian") && run.text.ends_with("chiefs"));
    // Seven shared words are not enough.
    let (c, _) = article("c", &["T", "one two three four five six seven eight nine"]);
    let (d, _) = article("d", &["U", "zero two three four five six seven eight ten"]);
    assert!(compare(&[&c, &d], &EntityData::default()).shared.is_empty());
}

#[test]
fn seed_comparisons_show_the_documented_conflicts() {
    let articles = compare_support::seed_articles();
    let get = |id: &str| articles.iter().find(|a| a.id == id).expect("seed id");
    let cmp = compare(&[get("001"), get("003"), get("004")], &EntityData::default());
    let explanations: Vec<&str> = cmp
        .pairs
        .iter()
        .flat_map(|p| p.conflicts.iter().chain(&p.changes).map(|c| c.explanation.as_str()))
        .collect();
    println!("{explanations:#?}");
    for want in [
        "001 counts 14 attacks for August 4–18, 003 counts 13 for August 4–16: different counting windows",
        "001 says 5,000 troops, 004 says 2,500 (dates not known: this may be a change over time)",
    ] {
        assert!(explanations.contains(&want), "{want}");
    }
    // Nothing is called a conflict: without dates, a different figure may be a change over time.
    assert_eq!(cmp.summary.conflicts, 0);
    let agreed = cmp
        .pairs
        .iter()
        .find(|p| {
            p.a_sentence.text.contains("39 rocket attacks") && p.b_sentence.text.contains("39 missiles")
        })
        .expect("39 attacks pair");
    assert!(agreed.conflicts.is_empty());
    assert_eq!(agreed.agreements[0].explanation, "both say 39 attacks");
    assert_eq!(cmp.summary.sources.len(), 3);
}

#[test]
fn a_troop_level_that_fell_between_two_dated_articles_is_a_change_over_time_not_a_conflict() {
    let articles = compare_support::seed_articles();
    let dated = |id: &str, date: &str| {
        let mut a = articles.iter().find(|a| a.id == id).expect("seed id").clone();
        a.date = Some(date.to_string());
        a
    };
    let (a001, a004) = (dated("001", "2020-08-19"), dated("004", "2021-04-07"));
    let cmp = compare(&[&a001, &a004], &EntityData::default());
    let troops = cmp
        .pairs
        .iter()
        .find(|p| p.a_sentence.text.contains("5,000 US troops deployed"))
        .expect("the troop sentences align");
    assert!(troops.conflicts.is_empty(), "{:?}", troops.conflicts);
    assert_eq!(troops.changes.len(), 1);
    assert_eq!(troops.changes[0].relation, Relation::ChangedOverTime);
    assert_eq!(
        troops.changes[0].explanation,
        "5,000 troops in August 2020 (001) → 2,500 in April 2021 (004): changed over time"
    );
    // The same figures in two articles of the same month are a genuine conflict.
    let (b001, b004) = (dated("001", "2020-08-19"), dated("004", "2020-08-25"));
    let cmp = compare(&[&b001, &b004], &EntityData::default());
    let troops =
        cmp.pairs.iter().find(|p| p.a_sentence.text.contains("5,000 US troops deployed")).expect("aligned");
    assert_eq!(troops.conflicts[0].relation, Relation::Conflict);
    assert_eq!(cmp.summary.conflicts, 1);
}

#[test]
fn a_comparison_round_trips_through_json_and_postcard() {
    let articles = compare_support::seed_articles();
    let get = |id: &str| articles.iter().find(|a| a.id == id).expect("seed id");
    let cmp = compare(&[get("001"), get("003")], &EntityData::default());
    let json = serde_json::to_string(&cmp).expect("serialises");
    assert!(json.contains("\"kind\":\"delete\"") && json.contains("\"relation\":\"different_windows\""));
    let back: parallax_engine::compare::Comparison = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, cmp);
    let bytes = postcard::to_allocvec(&cmp).expect("postcard");
    let back: parallax_engine::compare::Comparison = postcard::from_bytes(&bytes).expect("postcard back");
    assert_eq!(back, cmp);
}

#[test]
fn names_the_entity_layer_links_are_one_actor_to_the_comparison() {
    // Two outlets name the militia umbrella differently; the knowledge base links both names.
    let files = [
        (
            "wire.txt".to_string(),
            "Militia denies\n\nThe Popular Mobilization Forces denied responsibility.\n".to_string(),
        ),
        ("paper.txt".to_string(), "Statement\n\nHashed al-Shaabi leaders denied it.\n".to_string()),
    ];
    let bundle = compare_support::build_files(&files, &compare_support::seed_kb());
    let articles: Vec<&Article> = bundle.articles.iter().collect();
    let aligned = |cmp: &parallax_engine::compare::Comparison| {
        cmp.pairs
            .iter()
            .any(|p| p.a_sentence.text.starts_with("The Popular") && p.b_sentence.text.starts_with("Hashed"))
    };
    assert!(aligned(&compare(&articles, &bundle.entities)), "one actor denied: the same fact");
    // On words alone the two names are two different actors doing a similar thing.
    assert!(!aligned(&compare(&articles, &EntityData::default())));
}

#[test]
fn one_place_in_common_is_a_setting_and_two_pin_the_fact() {
    let aligned = |a: &str, b: &str| {
        let files = [("wire.txt".to_string(), a.to_string()), ("paper.txt".to_string(), b.to_string())];
        let bundle = compare_support::build_files(&files, &compare_support::seed_kb());
        let articles: Vec<&Article> = bundle.articles.iter().collect();
        let cmp = compare(&articles, &bundle.entities);
        cmp.pairs
            .iter()
            .any(|p| p.a_sentence.text.starts_with("Berg") && p.b_sentence.text.starts_with("Strand"))
    };
    // Two people visit one country, named differently ("the Islamic Republic", "Iran": the
    // knowledge base links both): a country is where something happens, not who does it, so
    // these are two visits.
    assert!(
        !aligned("Visits\n\nBerg visited the Islamic Republic.\n", "Trips\n\nStrand visited Iran.\n"),
        "one country in common does not make two people's visits one fact"
    );
    // Two places in common, however spelt, pin one attack that two people react to.
    assert!(
        aligned(
            "Attack condemned\n\nBerg condemned the attack by the Islamic Republic on Bukamal.\n",
            "Blame\n\nStrand blamed Iran for the attack on Albu Kamal.\n"
        ),
        "two places in common: one attack"
    );
}
