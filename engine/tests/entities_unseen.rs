//! The rule-based recogniser alone (empty knowledge base, shipped gazetteer only) on four short
//! articles written for this test, about people and organisations the knowledge base has never
//! heard of. Another corpus must still get most of its names highlighted.
//!
//! Gold rows are (article index, surface, type); a surface annotated twice in an article is
//! listed twice. Scoring is by surface, type and occurrence.

use std::collections::HashMap;

use parallax_engine::entities::MentionKind;
use parallax_engine::{build_bundle, SourceInput};

const ARTICLES: &[&str] = &[
    "Nairobi Governor Faces Impeachment Vote

Nairobi: Members of the County Assembly will vote on Tuesday on a motion to impeach Governor Wanjiru Kamau, who is accused of misusing 2 million dollars in public funds.

The motion was tabled by Majority Leader Peter Otieno of the Orange Democratic Movement, who said the governor had ignored three audit reports.

Kamau, a former banker, denied the accusations in a statement from her office. \"These are politically motivated claims,\" she said.

Analyst Grace Mwangi of the Institute for Public Policy Research told reporters in Mombasa that the vote was likely to fail.

President William Ruto has not commented. The Ethics and Anti-Corruption Commission said it had opened an inquiry in March.
",
    "Peru's Congress Rejects Cabinet Reshuffle

Lima: Peru's Congress on Thursday rejected a request by Prime Minister Alberto Ruiz to reshuffle the cabinet, deepening a standoff with President Dina Boluarte.

Lawmakers from Popular Force and the Broad Front voted against the plan, which Ruiz had presented as a response to protests in Cusco and Arequipa.

\"The government has lost its majority,\" said Carmen Salazar, a political scientist at the Catholic University in Lima.

Ruiz told the state broadcaster TV Peru that he would not resign. The Ombudsman's Office reported that 14 people had been injured in clashes near Juliaca since January.

Boluarte is due to travel to Brasilia next week to meet Brazilian officials.
",
    "German Coalition Talks Stall Over Budget

Berlin: Talks between the Christian Democratic Union and the Social Democratic Party stalled on Monday after Finance Minister Lars Klingbeil rejected spending cuts proposed by Friedrich Merz.

Merz, who leads the conservatives, said the two parties remained \"close to a deal\". The Greens accused both sides of ignoring the Federal Constitutional Court, which struck down a 60 billion euro fund in 2023.

Economist Monika Schnitzer of the German Council of Economic Experts warned in an interview with Deutsche Welle that growth would stay below 1 percent.

Klingbeil is expected to meet Bavarian leader Markus Söder in Munich on Friday.
",
    "Flooding Displaces Thousands in Bangladesh

Dhaka: Heavy rain has displaced more than 20,000 families in the Sylhet region, the Disaster Management Ministry said on Sunday.

Relief coordinator Farhana Akter of the Bangladesh Red Crescent Society said boats were reaching villages along the Surma River.

The World Food Programme pledged emergency rations, and Japan and India offered helicopters.

\"We have never seen water this high,\" said Abdul Karim, a farmer from Sunamganj. Officials expect the river to fall by Wednesday.
",
];

const GOLD: &[(usize, &str, &str)] = &[
    (0, "Nairobi", "PLACE"),
    (0, "Nairobi", "PLACE"),
    (0, "County Assembly", "ORG"),
    (0, "Wanjiru Kamau", "PERSON"),
    (0, "Peter Otieno", "PERSON"),
    (0, "Orange Democratic Movement", "ORG"),
    (0, "Kamau", "PERSON"),
    (0, "Grace Mwangi", "PERSON"),
    (0, "Institute for Public Policy Research", "ORG"),
    (0, "Mombasa", "PLACE"),
    (0, "William Ruto", "PERSON"),
    (0, "Ethics and Anti-Corruption Commission", "ORG"),
    (1, "Peru", "PLACE"),
    (1, "Congress", "ORG"),
    (1, "Lima", "PLACE"),
    (1, "Peru", "PLACE"),
    (1, "Congress", "ORG"),
    (1, "Alberto Ruiz", "PERSON"),
    (1, "Dina Boluarte", "PERSON"),
    (1, "Popular Force", "ORG"),
    (1, "Broad Front", "ORG"),
    (1, "Ruiz", "PERSON"),
    (1, "Cusco", "PLACE"),
    (1, "Arequipa", "PLACE"),
    (1, "Carmen Salazar", "PERSON"),
    (1, "Catholic University", "ORG"),
    (1, "Lima", "PLACE"),
    (1, "Ruiz", "PERSON"),
    (1, "TV Peru", "ORG"),
    (1, "Ombudsman's Office", "ORG"),
    (1, "Juliaca", "PLACE"),
    (1, "Boluarte", "PERSON"),
    (1, "Brasilia", "PLACE"),
    (2, "Berlin", "PLACE"),
    (2, "Christian Democratic Union", "ORG"),
    (2, "Social Democratic Party", "ORG"),
    (2, "Lars Klingbeil", "PERSON"),
    (2, "Friedrich Merz", "PERSON"),
    (2, "Merz", "PERSON"),
    (2, "Greens", "ORG"),
    (2, "Federal Constitutional Court", "ORG"),
    (2, "Monika Schnitzer", "PERSON"),
    (2, "German Council of Economic Experts", "ORG"),
    (2, "Deutsche Welle", "ORG"),
    (2, "Klingbeil", "PERSON"),
    (2, "Markus Söder", "PERSON"),
    (2, "Munich", "PLACE"),
    (3, "Bangladesh", "PLACE"),
    (3, "Dhaka", "PLACE"),
    (3, "Sylhet", "PLACE"),
    (3, "Disaster Management Ministry", "ORG"),
    (3, "Farhana Akter", "PERSON"),
    (3, "Bangladesh Red Crescent Society", "ORG"),
    (3, "Surma River", "PLACE"),
    (3, "World Food Programme", "ORG"),
    (3, "Japan", "PLACE"),
    (3, "India", "PLACE"),
    (3, "Abdul Karim", "PERSON"),
    (3, "Sunamganj", "PLACE"),
];

type Keyed = HashMap<(usize, String, usize), String>;

fn keyed(rows: impl IntoIterator<Item = (usize, String, String)>) -> Keyed {
    let mut counts: HashMap<(usize, String), usize> = HashMap::new();
    let mut out = Keyed::new();
    for (article, surface, kind) in rows {
        let n = counts.entry((article, surface.clone())).or_default();
        out.insert((article, surface, *n), kind);
        *n += 1;
    }
    out
}

#[test]
fn unseen_articles_still_get_their_names() {
    let names: Vec<String> = (0..ARTICLES.len()).map(|i| format!("unseen-{i}.txt")).collect();
    let sources: Vec<SourceInput<'_>> = ARTICLES
        .iter()
        .zip(&names)
        .map(|(text, name)| SourceInput { name, bytes: text.as_bytes() })
        .collect();
    let built = build_bundle(&sources, "");
    let bundle = &built.bundle;
    let data = &bundle.entities;
    assert_eq!(bundle.articles.len(), ARTICLES.len());
    let predicted_rows: Vec<(usize, String, String)> = data
        .mentions
        .iter()
        .filter(|m| m.kind().is_name())
        .map(|m| {
            let surface = data.surface(&bundle.articles, m).unwrap_or_default().to_string();
            let kind = match m.kind() {
                MentionKind::Person => "PERSON",
                MentionKind::Org => "ORG",
                _ => "PLACE",
            };
            (m.article as usize, surface, kind.to_string())
        })
        .collect();
    let predicted = keyed(predicted_rows);
    let gold = keyed(GOLD.iter().map(|(a, s, k)| (*a, s.to_string(), k.to_string())));
    for (k, v) in &gold {
        match predicted.get(k) {
            None => println!("missed:   {k:?} {v}"),
            Some(p) if p != v => println!("mistyped: {k:?} gold {v} got {p}"),
            Some(_) => {}
        }
    }
    for (k, v) in predicted.iter().filter(|(k, _)| !gold.contains_key(*k)) {
        println!("spurious: {k:?} {v}");
    }
    let tp = predicted.iter().filter(|(k, v)| gold.get(*k) == Some(*v)).count() as f64;
    let precision = tp / predicted.len().max(1) as f64;
    let recall = tp / gold.len() as f64;
    let f1 = if tp == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    println!(
        "unseen articles, rules only: {} gold, {} predicted, P {precision:.3} R {recall:.3} F1 {f1:.3}",
        gold.len(),
        predicted.len()
    );
    assert!(f1 >= 0.75, "rule-based F1 {f1:.3} below 0.75");

    // A surname after the full name links to the same provisional entity.
    let kamau = data.find_by_alias("Wanjiru Kamau");
    assert_eq!(kamau.len(), 1);
    let entity = &data.entities[kamau[0] as usize];
    assert!(entity.provisional && entity.id.starts_with("x-person-"), "{}", entity.id);
    assert!(entity.spellings.contains(&"Kamau".to_string()), "{:?}", entity.spellings);
}

/// Names of one block as (surface, type, entity id).
fn names_in(text: &str) -> Vec<(String, &'static str, String)> {
    let built = build_bundle(&[SourceInput { name: "a.txt", bytes: text.as_bytes() }], "");
    let (bundle, data) = (&built.bundle, &built.bundle.entities);
    data.mentions
        .iter()
        .filter(|m| m.kind().is_name())
        .map(|m| {
            let kind = match m.kind() {
                MentionKind::Person => "PERSON",
                MentionKind::Org => "ORG",
                _ => "PLACE",
            };
            let id = data.entity_of(m).map(|e| e.id.clone()).unwrap_or_default();
            (data.surface(&bundle.articles, m).unwrap_or_default().to_string(), kind, id)
        })
        .collect()
}

#[test]
fn a_name_joined_by_an_ampersand_is_a_company_or_the_place_the_lists_spell_with_and() {
    let names = names_in(
        "Auditors Sign Off\n\nErnst & Young and Hyundai Engineering & Construction signed the audit. \
         Fans from Bosnia & Herzegovina and Trinidad & Tobago cheered. Bosnia and Herzegovina won.\n",
    );
    let kind = |surface: &str| names.iter().find(|n| n.0 == surface).map(|n| n.1);
    assert_eq!(kind("Ernst & Young"), Some("ORG"), "{names:?}");
    assert_eq!(kind("Hyundai Engineering & Construction"), Some("ORG"), "{names:?}");
    assert_eq!(kind("Trinidad & Tobago"), Some("PLACE"), "{names:?}");
    let id = |surface: &str| names.iter().find(|n| n.0 == surface).map(|n| n.2.clone());
    assert!(id("Bosnia & Herzegovina").is_some());
    assert_eq!(id("Bosnia & Herzegovina"), id("Bosnia and Herzegovina"), "{names:?}");
}

#[test]
fn a_listed_company_of_one_word_is_matched_as_spelt_only() {
    let names = names_in("Markets Fall\n\nSony said sales fell. Sunni leaders met. Citi cut its forecast and City officials said.\n");
    let surfaces: Vec<&str> = names.iter().map(|n| n.0.as_str()).collect();
    assert!(surfaces.contains(&"Sony") && surfaces.contains(&"Citi"), "{names:?}");
    assert!(!surfaces.contains(&"Sunni") && !surfaces.contains(&"City"), "{names:?}");
}

#[test]
fn a_settlement_or_its_people_before_of_make_a_place_but_a_title_does_not() {
    let names = names_in(
        "Floods Spread\n\nResidents of Bahodopi fled to the village of Gornje Nedeljice, the mayor of \
         Krupanj said. Mayor of London Sadiq Khan said he would send help.\n",
    );
    let kind = |surface: &str| names.iter().find(|n| n.0 == surface).map(|n| n.1);
    for place in ["Bahodopi", "Gornje Nedeljice", "Krupanj", "London"] {
        assert_eq!(kind(place), Some("PLACE"), "{place}: {names:?}");
    }
    assert_eq!(kind("Sadiq Khan"), Some("PERSON"), "{names:?}");
}
