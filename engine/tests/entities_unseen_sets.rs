//! Names the knowledge base has never heard of, on invented news articles (`tests/data/unseen/`)
//! scored against a hand-made gold (`tests/gold/unseen_names.tsv`), with the shipped knowledge
//! base loaded as a reader's build would. Three sets: the July 2021 Kadhimi–Biden meeting (people
//! named without a title, an air base and a province, a misspelt prime minister), development
//! articles on other countries (Chile, the Netherlands, the Philippines, Kenya twice, Norway,
//! Peru, Canada, Pakistan, Mexico, New Zealand, Uruguay, Colombia, Belgium, Saudi Arabia, Vanuatu)
//! and on Iraq (a drone strike in Baghdad, Kurdish oil exports, dams, the top court and Kirkuk),
//! shipping around the Red Sea, the Mekong Delta, a chip plant in Texas, a lithium mine in Serbia
//! and a cyclone in Bangladesh: acronyms, companies,
//! volcanoes, mines, islands, provinces, names with particles, Arabic organisation names,
//! hyphenated surnames; the second Kenya article names by acronym and bare company name what the
//! first one introduced), and held-out articles scored but never tuned on.
//!
//! A mention counts when its surface, occurrence (the n-th time that surface is annotated in the
//! article) and type match the gold. A name is found when at least one of its mentions in an
//! article is. Spelling groups: every mention of one gold entity must link to one entity, and two
//! gold entities must never share one.
//!
//! `cargo test -p parallax-engine --test entities_unseen_sets -- --nocapture` prints each set's
//! misses and scores.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use parallax_engine::entities::MentionKind;
use parallax_engine::{build_bundle, Bundle, SourceInput};

const GOLD: &str = include_str!("gold/unseen_names.tsv");
const KB: &str = include_str!("../../corpus/entities.toml");

const FILES: &[(&str, &str)] = &[
    ("july2021_a", include_str!("data/unseen/july2021_a.txt")),
    ("july2021_b", include_str!("data/unseen/july2021_b.txt")),
    ("july2021_c", include_str!("data/unseen/july2021_c.txt")),
    ("dev_chile", include_str!("data/unseen/dev_chile.txt")),
    ("dev_netherlands", include_str!("data/unseen/dev_netherlands.txt")),
    ("dev_philippines", include_str!("data/unseen/dev_philippines.txt")),
    ("dev_kenya", include_str!("data/unseen/dev_kenya.txt")),
    ("dev_norway", include_str!("data/unseen/dev_norway.txt")),
    ("dev_peru", include_str!("data/unseen/dev_peru.txt")),
    ("dev_canada", include_str!("data/unseen/dev_canada.txt")),
    ("dev_kenya_court", include_str!("data/unseen/dev_kenya_court.txt")),
    ("dev_pakistan", include_str!("data/unseen/dev_pakistan.txt")),
    ("dev_mexico", include_str!("data/unseen/dev_mexico.txt")),
    ("dev_new_zealand", include_str!("data/unseen/dev_new_zealand.txt")),
    ("dev_uruguay", include_str!("data/unseen/dev_uruguay.txt")),
    ("dev_colombia", include_str!("data/unseen/dev_colombia.txt")),
    ("dev_belgium", include_str!("data/unseen/dev_belgium.txt")),
    ("dev_saudi", include_str!("data/unseen/dev_saudi.txt")),
    ("dev_vanuatu", include_str!("data/unseen/dev_vanuatu.txt")),
    ("dev_iraq_drone", include_str!("data/unseen/dev_iraq_drone.txt")),
    ("dev_kurdistan_oil", include_str!("data/unseen/dev_kurdistan_oil.txt")),
    ("dev_iraq_dams", include_str!("data/unseen/dev_iraq_dams.txt")),
    ("dev_shipping", include_str!("data/unseen/dev_shipping.txt")),
    ("dev_mekong", include_str!("data/unseen/dev_mekong.txt")),
    ("dev_iraq_court", include_str!("data/unseen/dev_iraq_court.txt")),
    ("dev_chips", include_str!("data/unseen/dev_chips.txt")),
    ("dev_korea_shipyards", include_str!("data/unseen/dev_korea_shipyards.txt")),
    ("dev_serbia_lithium", include_str!("data/unseen/dev_serbia_lithium.txt")),
    ("dev_bangladesh_cyclone", include_str!("data/unseen/dev_bangladesh_cyclone.txt")),
    ("dev_indonesia_nickel", include_str!("data/unseen/dev_indonesia_nickel.txt")),
    ("heldout_nigeria", include_str!("data/unseen/heldout_nigeria.txt")),
    ("heldout_indonesia", include_str!("data/unseen/heldout_indonesia.txt")),
    ("heldout_brazil", include_str!("data/unseen/heldout_brazil.txt")),
    ("heldout_poland", include_str!("data/unseen/heldout_poland.txt")),
    ("heldout_ghana", include_str!("data/unseen/heldout_ghana.txt")),
    ("heldout_vietnam", include_str!("data/unseen/heldout_vietnam.txt")),
    ("heldout_iraq_water", include_str!("data/unseen/heldout_iraq_water.txt")),
    ("heldout_morocco", include_str!("data/unseen/heldout_morocco.txt")),
    ("heldout_kazakhstan", include_str!("data/unseen/heldout_kazakhstan.txt")),
    ("heldout_basra_port", include_str!("data/unseen/heldout_basra_port.txt")),
    ("heldout_zambia", include_str!("data/unseen/heldout_zambia.txt")),
    ("heldout_greece", include_str!("data/unseen/heldout_greece.txt")),
];

/// (file, surface, occurrence) -> (type, group or entity id).
type Keyed = BTreeMap<(String, String, usize), (String, String)>;

struct Set {
    /// File stems of the set.
    files: Vec<&'static str>,
    bundle: Bundle,
}

/// Builds one bundle from the set's files (articles of a set may link names across articles).
fn set(prefix: &str) -> Set {
    let files: Vec<&'static str> =
        FILES.iter().filter(|(name, _)| name.starts_with(prefix)).map(|(name, _)| *name).collect();
    let names: Vec<String> = files.iter().map(|f| format!("{f}.txt")).collect();
    let sources: Vec<SourceInput<'_>> = FILES
        .iter()
        .filter(|(name, _)| name.starts_with(prefix))
        .zip(&names)
        .map(|((_, text), name)| SourceInput { name, bytes: text.as_bytes() })
        .collect();
    let bundle = build_bundle(&sources, KB).bundle;
    assert_eq!(bundle.articles.len(), files.len(), "one article per file");
    Set { files, bundle }
}

fn keyed(rows: impl IntoIterator<Item = (String, String, String, String)>) -> Keyed {
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    let mut out = Keyed::new();
    for (file, surface, kind, group) in rows {
        let n = counts.entry((file.clone(), surface.clone())).or_default();
        out.insert((file, surface, *n), (kind, group));
        *n += 1;
    }
    out
}

fn gold(files: &[&str]) -> Keyed {
    keyed(GOLD.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).filter_map(|line| {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "gold line: file, surface, type, group: {line}");
        files.contains(&cols[0]).then(|| (cols[0].into(), cols[1].into(), cols[2].into(), cols[3].into()))
    }))
}

fn predicted(set: &Set) -> Keyed {
    let data = &set.bundle.entities;
    keyed(data.mentions.iter().filter(|m| m.kind().is_name()).map(|m| {
        let surface = data.surface(&set.bundle.articles, m).unwrap_or_default().to_string();
        let kind = match m.kind() {
            MentionKind::Person => "PERSON",
            MentionKind::Org => "ORG",
            _ => "PLACE",
        };
        let id = data.entity_of(m).map(|e| e.id.clone()).unwrap_or_default();
        (set.files[m.article as usize].to_string(), surface, kind.to_string(), id)
    }))
}

/// What a set scored.
struct Report {
    precision: f64,
    recall: f64,
    f1: f64,
    /// Distinct (article, gold entity) names with at least one mention found.
    names_found: usize,
    names: usize,
    /// Gold entities whose found mentions all link to one entity, and share it with no other.
    groups_linked: usize,
    groups: usize,
}

fn evaluate(prefix: &str) -> Report {
    let set = set(prefix);
    let gold = gold(&set.files);
    let predicted = predicted(&set);
    let right = |k: &(String, String, usize)| matches!((gold.get(k), predicted.get(k)), (Some(g), Some(p)) if g.0 == p.0);
    for (k, g) in &gold {
        match predicted.get(k) {
            None => println!("{prefix}: missed   {k:?} {}", g.0),
            Some(p) if p.0 != g.0 => println!("{prefix}: mistyped {k:?} gold {} got {}", g.0, p.0),
            Some(_) => {}
        }
    }
    for (k, p) in predicted.iter().filter(|(k, _)| !gold.contains_key(*k)) {
        println!("{prefix}: spurious {k:?} {} {}", p.0, p.1);
    }
    let tp = gold.keys().filter(|k| right(k)).count() as f64;
    let precision = tp / predicted.len().max(1) as f64;
    let recall = tp / gold.len().max(1) as f64;
    let f1 = if tp == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    let names: BTreeSet<(&str, &str)> = gold.iter().map(|(k, g)| (k.0.as_str(), g.1.as_str())).collect();
    let found: BTreeSet<(&str, &str)> =
        gold.iter().filter(|(k, _)| right(k)).map(|(k, g)| (k.0.as_str(), g.1.as_str())).collect();
    for name in names.difference(&found) {
        println!("{prefix}: name not found {name:?}");
    }
    // Entity ids each gold group was linked to, over the set's articles.
    let mut ids_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (k, g) in gold.iter().filter(|(k, _)| right(k)) {
        if let Some(p) = predicted.get(k) {
            ids_of.entry(g.1.as_str()).or_default().insert(p.1.as_str());
        }
    }
    let mut groups_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (group, ids) in &ids_of {
        for id in ids {
            groups_of.entry(id).or_default().insert(group);
        }
    }
    let groups: BTreeSet<&str> = gold.values().map(|g| g.1.as_str()).collect();
    let mut groups_linked = 0;
    for group in &groups {
        let ids = ids_of.get(group).cloned().unwrap_or_default();
        let alone = ids.iter().all(|id| groups_of.get(id).is_some_and(|g| g.len() == 1));
        if ids.len() == 1 && alone {
            groups_linked += 1;
        } else {
            println!("{prefix}: group {group} linked to {ids:?}");
        }
    }
    let report = Report {
        precision,
        recall,
        f1,
        names_found: found.len(),
        names: names.len(),
        groups_linked,
        groups: groups.len(),
    };
    println!(
        "{prefix}: {} gold mentions, {} predicted: P {:.3} R {:.3} F1 {:.3}; names found {}/{}; spelling groups linked {}/{}",
        gold.len(),
        predicted.len(),
        report.precision,
        report.recall,
        report.f1,
        report.names_found,
        report.names,
        report.groups_linked,
        report.groups
    );
    report
}

// Floors sit near what the recogniser reached (July: 59 of 60 names, F1 0.988; development,
// eighteen articles: 265 of 280 names, F1 0.965, once name particles such as "do" and "los"
// joined a run, countries and territories came from ISO 3166-1, "X of Y and Z" stayed one
// organisation, international organisations were listed, a place after "in" stopped being a
// speaker, Arabic heads ("Kataib", "Harakat") named organisations and an organisation answered
// to its initials ("KRG"); held out: F1 0.957). Five development articles added later (Iraq's
// dams, shipping, the Mekong, Iraq's top court, chips) brought 75 names, 46 found at first; with
// facility words ("Mosul Dam"), seas and oceans listed, places the broad list knows keeping a stop
// word ("Long An"), national Red Cross societies and "told Rudaw": development
// 334 of 355 names (F1 0.959). Then companies news names bare were listed ("Nvidia and
// Qualcomm"), Korean given names kept their second syllable ("Moon Jae-in"), industry words made
// organisations ("Kiwoom Securities") and more occupations made appositions ("a welder"): 355 of
// 369 names on 24 articles (F1 0.975); 354 once "Air Vanuatu" was given up (a town the broad list
// knows ending a run made "Anton Reyes said" an organisation). A regression fails the floors.

#[test]
fn july_2021_meeting_names_are_found_and_kadhami_links_to_kadhimi() {
    let r = evaluate("july2021");
    assert!(r.names_found + 1 >= r.names, "names found {}/{}", r.names_found, r.names);
    // Every group found links to one entity of its own; the group not linked is the name not
    // found ("Oval Office" typed as an organisation). "wrote on Twitter" names a platform.
    assert!(r.groups_linked + 1 >= r.groups, "spelling groups linked {}/{}", r.groups_linked, r.groups);
    assert!(r.f1 >= 0.95, "F1 {:.3}", r.f1);
}

#[test]
fn development_articles_on_other_countries_get_their_names() {
    let r = evaluate("dev_");
    // Acronyms ("told NRK", "(IEBC)"), companies speaking ("Meralco said"), organisation nouns
    // ("supermarket chain Albert Heijn") and place context ("the Escondida copper mine").
    // Four articles added later (Colombia, Belgium, Saudi Arabia, Vanuatu) brought names the
    // rules still miss: islands named bare ("on Efate"), "Saudi Aramco said", "the Port of
    // Antwerp" (a place head), "Greenpeace Nordic", "Gulf Keystone", a company named like a sea
    // ("Hanwha Ocean").
    // A lithium mine in Serbia, a cyclone in Bangladesh and a smelter fire in Indonesia added
    // "the village of Dacope", "Residents of Bahodopi", "Ernst & Young", "General Directorate
    // for ...", "Tsingshan Holding", "Mongla Port", "Gelora Bung Karno Stadium" and "the
    // Sundarbans forest" (found); "the Shibsa channel" (a channel may be a broadcaster's), the
    // dateline "Morowali:" and "Merdeka Copper Gold said" (typed a person) are still missed.
    assert!(r.names_found + 18 >= r.names, "names found {}/{}", r.names_found, r.names);
    assert!(r.groups_linked + 19 >= r.groups, "spelling groups linked {}/{}", r.groups_linked, r.groups);
    assert!(r.f1 >= 0.95, "F1 {:.3}", r.f1);
}

#[test]
fn held_out_articles_get_most_of_their_names() {
    let r = evaluate("heldout_");
    assert!(r.f1 >= 0.9, "F1 {:.3}", r.f1);
}
