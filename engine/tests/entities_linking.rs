//! Linking behaviour a reader notices, on small hand-written articles: unlisted spellings,
//! surnames after a full name, role phrases, possessives and hyphens, names nobody listed,
//! dates and figures.

use parallax_engine::entities::{EntityData, MentionKind, Value};
use parallax_engine::{build_bundle, Bundle, SourceInput};

const KB: &str = r#"
[[entity]]
id = "mustafa-al-kadhimi"
type = "PERSON"
name = "Mustafa al-Kadhimi"
roles = ["Iraqi prime minister", "premier"]

[[entity]]
id = "mohammed-shia-al-sudani"
type = "PERSON"
name = "Mohammed Shia al-Sudani"
roles = ["Iraqi prime minister", "premier"]

[[entity]]
id = "jean-noel-barrot"
type = "PERSON"
name = "Jean-Noël Barrot"

[[entity]]
id = "united-states"
type = "PLACE"
name = "United States"
aliases = ["US"]
"#;

fn build(texts: &[&str], kb: &str) -> Bundle {
    let names: Vec<String> = (0..texts.len()).map(|i| format!("t{i}.txt")).collect();
    let sources: Vec<SourceInput<'_>> =
        texts.iter().zip(&names).map(|(t, n)| SourceInput { name: n, bytes: t.as_bytes() }).collect();
    build_bundle(&sources, kb).bundle
}

/// (surface, entity id or "") for every name mention of article `a`.
fn names(bundle: &Bundle, a: u32) -> Vec<(String, String)> {
    let data: &EntityData = &bundle.entities;
    data.mentions_in(a)
        .iter()
        .filter(|m| m.kind().is_name())
        .map(|m| {
            let surface = data.surface(&bundle.articles, m).unwrap_or_default().to_string();
            (surface, data.entity_of(m).map(|e| e.id.clone()).unwrap_or_default())
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn unlisted_spellings_and_surnames_link_to_the_curated_entity() {
    let bundle = build(
        &["Kadhemi in Washington\n\nIraqi Prime Minister Mustafa al-Kadhemi met officials. Al-Kadhimi’s aides said Kadhemi was pleased.\n"],
        KB,
    );
    let kadhimi = "mustafa-al-kadhimi";
    assert_eq!(
        names(&bundle, 0),
        pairs(&[
            ("Kadhemi", kadhimi),
            ("Washington", "x-place-washington"),
            ("Mustafa al-Kadhemi", kadhimi),
            ("Al-Kadhimi", kadhimi),
            ("Kadhemi", kadhimi)
        ])
    );
}

#[test]
fn a_surname_alone_links_only_after_the_full_name() {
    let bundle = build(&["Talks in Paris\n\nBarrot spoke first. Later Jean-Noel Barrot met the press, and Barrot's aides left.\n"], KB);
    let found = names(&bundle, 0);
    // The leading "Barrot" has no full name before it: not linked (and not guessed either).
    assert_eq!(found.iter().filter(|(s, _)| s == "Barrot").count(), 1, "{found:?}");
    let after: Vec<&(String, String)> = found.iter().skip_while(|(s, _)| s != "Jean-Noel Barrot").collect();
    assert_eq!(after.len(), 2, "{found:?}");
    assert!(after.iter().all(|(_, id)| id == "jean-noel-barrot"), "{found:?}");
    assert_eq!(after[1].0, "Barrot", "possessive left out");
}

#[test]
fn a_surname_in_a_paragraph_above_the_full_name_links_to_it() {
    let bundle = build(
        &["Talks in Paris\n\nUnions dismissed the Barrot plan as a trick on Sunday.\n\nForeign minister Jean-Noel Barrot defended the plan on Monday.\n"],
        KB,
    );
    let found = names(&bundle, 0);
    assert!(found.iter().any(|(s, id)| s == "Barrot" && id == "jean-noel-barrot"), "{found:?}");
}

#[test]
fn a_role_links_only_when_one_entity_holds_it_in_the_article() {
    let one = "Premier visits\n\nMustafa al-Kadhimi flew to Cairo. The premier said talks went well.\n";
    let two =
        "Two premiers\n\nMustafa al-Kadhimi met Mohammed Shia al-Sudani. The premier said talks went well.\n";
    let bundle = build(&[one, two], KB);
    assert!(names(&bundle, 0).contains(&("premier".to_string(), "mustafa-al-kadhimi".to_string())));
    assert!(!names(&bundle, 1).iter().any(|(s, _)| s == "premier"), "ambiguous role stays unlinked");
}

#[test]
fn hyphens_possessives_and_sentence_starts() {
    let text = "Coalition news\n\nDespite the US-led coalition, Meanwhile the US’s allies waited. The analyst Ihsan al-Shammari said so.\n";
    let bundle = build(&[text], KB);
    let found = names(&bundle, 0);
    assert_eq!(
        found,
        pairs(&[
            ("US", "united-states"),
            ("US", "united-states"),
            ("Ihsan al-Shammari", "x-person-ihsan-al-shammari")
        ])
    );
    let entity = bundle.entities.entity_by_id("x-person-ihsan-al-shammari");
    assert!(entity.is_some_and(|e| e.provisional && e.kind == parallax_engine::entities::EntityKind::Person));
}

#[test]
fn dates_and_figures_carry_normalised_values() {
    let text = "Attacks rise\n\nBetween August 4 and 18, 14 bomb and rocket attacks hit convoys. At the end of June, 14 fighters were arrested. Three days later, 13 were released. The 5,000 US troops stay since 2021.\n";
    let bundle = build(&[text], KB);
    let data = &bundle.entities;
    let mut dates = Vec::new();
    let mut figures = Vec::new();
    for m in data.mentions_in(0) {
        let surface = data.surface(&bundle.articles, m).unwrap_or_default().to_string();
        match (&m.kind(), m.value.as_deref()) {
            (MentionKind::Date, Some(Value::Date(d))) => dates.push((surface, d.norm.clone())),
            (MentionKind::Figure, Some(Value::Figure(f))) => figures.push((surface, f.value, f.unit.clone())),
            _ => {}
        }
    }
    assert_eq!(
        dates,
        pairs(&[("Between August 4 and 18", "--08-04/--08-18"), ("June", "--06"), ("since 2021", "2021/..")])
    );
    let figures: Vec<(&str, f64, &str)> =
        figures.iter().map(|(s, v, u)| (s.as_str(), *v, u.as_str())).collect();
    assert_eq!(
        figures,
        [
            ("14 bomb and rocket attacks", 14.0, "attacks"),
            ("14 fighters", 14.0, "fighters"),
            ("Three days", 3.0, "days"),
            ("13", 13.0, "fighters"),
            ("5,000 US troops", 5000.0, "troops"),
        ]
    );
}

#[test]
fn a_broken_knowledge_base_is_a_diagnostic_and_rules_still_run() {
    let built = build_bundle(
        &[SourceInput {
            name: "a.txt",
            bytes: "Title\n\nThe analyst Ihsan al-Shammari spoke in Baghdad.\n".as_bytes(),
        }],
        "[[entity]\nname = ",
    );
    assert!(built.diagnostics.iter().any(|d| d.file == "entities.toml"));
    assert_eq!(names(&built.bundle, 0).len(), 2);
}

#[test]
fn messy_text_never_panics_and_mentions_stay_on_char_boundaries() {
    const PIECES: &[&str] = &[
        "al-",
        "Al-",
        "Kadhemi",
        "’s",
        "'",
        "(",
        ")",
        "PMF",
        "US",
        "U.S.",
        "-led",
        " ",
        " ",
        " ",
        "\n",
        ",",
        ".",
        "Between",
        "August",
        "4",
        "and",
        "18",
        "5,000",
        "troops",
        "the",
        "premier",
        "Président",
        "Ünïcödé",
        "é",
        "中文",
        "🙂",
        "\u{301}",
        "Minister",
        "of",
        "the",
        "Ministry",
        "Forces",
        "said",
        "in",
        "Mosul",
        "since",
        "2021",
        "from",
        "May",
        "to",
        "the end of",
        "March",
        "%",
        "$",
        "3.5",
        "million",
        "\t",
        "—",
        "“",
        "”",
        "al",
        "el",
        "-",
        "Abu",
        "bin",
        "13",
        "were",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let texts: Vec<String> = (0..200)
        .map(|_| {
            let n = 5 + (next() % 80) as usize;
            (0..n).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect()
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let bundle = build(&refs, KB);
    let data = &bundle.entities;
    for m in &data.mentions {
        let article = &bundle.articles[m.article as usize];
        let (start, end) = (m.start as usize, m.end as usize);
        let block = article.blocks.iter().find(|b| b.start <= start && end <= b.end);
        let block = block.unwrap_or_else(|| panic!("{m:?} lies inside one block"));
        assert!(start < end);
        assert!(block.text.get(start - block.start..end - block.start).is_some(), "{m:?} on char boundaries");
    }
    for pair in data.mentions.windows(2) {
        assert!(
            (pair[0].article, pair[0].end) <= (pair[1].article, pair[1].start)
                || pair[0].article < pair[1].article
        );
    }
}
