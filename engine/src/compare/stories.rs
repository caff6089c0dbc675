//! Stories: articles grouped by shared meaning-bearing terms and names, each with a label.
//!
//! Each article becomes a TF-IDF vector of its content terms (folded, stemmed, transliteration
//! keys, synonym classes), proper names counting double. Articles are merged by average-linkage
//! agglomerative clustering while the best pair of groups has a cosine of at least
//! [`STORY_THRESHOLD`]. Every article ends up in exactly one story: a story of one article is
//! kept (the UI offers "Compare coverage" only for stories with two or more).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::entities::EntityData;
use crate::model::{slugify, Article, BlockKind};
use crate::text::tokens;

use super::sentences::split_sentences;
use super::terms::{is_stop_word, term_key, terms};

/// A group of articles reporting the same story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// Stable slug made from the label (unique within a corpus).
    pub id: String,
    /// Generated label: the most distinctive names the articles share ("Kadhimi · Trump · White House").
    pub label: String,
    /// Article ids, in corpus order.
    pub articles: Vec<String>,
}

/// Minimum average cosine between two groups of articles for them to be one story.
///
/// Chosen on the seed corpus (test `story_threshold_separates_the_seed_stories`): reports of the
/// Kadhimi–Trump visit score well above it with one another, while the French foreign
/// minister's visit and Qaani's trip to Baghdad stay below it with every other group.
pub const STORY_THRESHOLD: f32 = 0.04;

/// Name weight relative to other terms.
const NAME_WEIGHT: f32 = 2.0;

/// Title weight: a headline states the story.
const TITLE_WEIGHT: f32 = 3.0;
/// Weight of the lede (first [`LEDE_BLOCKS`] body blocks): news puts the story first.
const LEDE_WEIGHT: f32 = 2.0;
const LEDE_BLOCKS: usize = 2;

/// The text of an article that says what it is about, block by block with how much each
/// counts: title and body (captions left out, as they repeat the title and carry photo credits).
fn weighted_text(article: &Article) -> Vec<(&str, f32)> {
    let mut body_seen = 0;
    let mut out = Vec::new();
    for b in &article.blocks {
        let w = match b.kind {
            BlockKind::Caption => continue,
            BlockKind::Title => TITLE_WEIGHT,
            _ => {
                body_seen += 1;
                if body_seen <= LEDE_BLOCKS {
                    LEDE_WEIGHT
                } else {
                    1.0
                }
            }
        };
        out.push((b.text.as_str(), w));
    }
    out
}

/// TF-IDF vectors (unit length) of the articles.
fn vectors(articles: &[Article]) -> Vec<HashMap<String, f32>> {
    let counts: Vec<HashMap<String, (f32, bool)>> = articles
        .iter()
        .map(|a| {
            let mut m: HashMap<String, (f32, bool)> = HashMap::new();
            let mut sentence_terms = Vec::new();
            for (text, weight) in weighted_text(a) {
                for (s, e) in split_sentences(text) {
                    sentence_terms.push((terms(&text[s..e]), weight));
                }
            }
            for (ts, weight) in &sentence_terms {
                for t in ts {
                    let slot = m.entry(t.key.clone()).or_insert((0.0, false));
                    slot.0 += weight;
                    slot.1 |= t.name;
                }
            }
            // Two names in one sentence are a relation ("Kadhimi" meets "Trump"): far more
            // specific to one story than either name alone.
            let is_name: HashSet<String> = m.iter().filter(|(_, v)| v.1).map(|(k, _)| k.clone()).collect();
            for (ts, weight) in &sentence_terms {
                let mut names: Vec<&str> =
                    ts.iter().filter(|t| is_name.contains(&t.key)).map(|t| t.key.as_str()).collect();
                names.sort_unstable();
                names.dedup();
                for i in 0..names.len() {
                    for j in i + 1..names.len() {
                        let slot = m.entry(format!("{}&{}", names[i], names[j])).or_insert((0.0, true));
                        slot.0 += weight;
                    }
                }
            }
            m
        })
        .collect();
    let n = articles.len() as f32;
    let mut df: HashMap<&str, f32> = HashMap::new();
    for m in &counts {
        for key in m.keys() {
            *df.entry(key.as_str()).or_default() += 1.0;
        }
    }
    counts
        .iter()
        .map(|m| {
            let mut v: HashMap<String, f32> = m
                .iter()
                .map(|(k, (count, name))| {
                    let idf = ((n + 1.0) / df.get(k.as_str()).copied().unwrap_or(1.0)).ln();
                    let w = (1.0 + count.ln()) * idf * if *name { NAME_WEIGHT } else { 1.0 };
                    (k.clone(), w)
                })
                .collect();
            let norm = v.values().map(|w| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.values_mut().for_each(|w| *w /= norm);
            }
            v
        })
        .collect()
}

fn cosine(x: &HashMap<String, f32>, y: &HashMap<String, f32>) -> f32 {
    let (small, large) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    small.iter().filter_map(|(k, w)| large.get(k).map(|v| w * v)).sum()
}

/// Pairwise article similarity (cosine of TF-IDF vectors), as used by [`stories`].
pub fn similarity_matrix(articles: &[Article]) -> Vec<Vec<f32>> {
    let v = vectors(articles);
    (0..v.len())
        .map(|i| (0..v.len()).map(|j| if i == j { 1.0 } else { cosine(&v[i], &v[j]) }).collect())
        .collect()
}

/// Groups articles that report the same story; every article is in exactly one story, stories
/// ordered by their first article. Entity data is not used yet (it will add shared linked
/// entities when it lands); the grouping runs on the text alone.
pub fn stories(articles: &[Article], entities: &EntityData) -> Vec<Story> {
    let _ = entities;
    if articles.is_empty() {
        return Vec::new();
    }
    let groups = cluster(similarity_matrix(articles), STORY_THRESHOLD);
    // Names per article, computed once: labels weigh a name by how rare it is in the corpus.
    let all_names: Vec<HashMap<String, NameInfo>> = articles.iter().map(names).collect();
    let mut name_df: HashMap<&str, usize> = HashMap::new();
    for m in &all_names {
        for key in m.keys() {
            *name_df.entry(key.as_str()).or_default() += 1;
        }
    }
    let mut used_ids = HashSet::new();
    groups
        .into_iter()
        .map(|g| {
            let members: Vec<&Article> = g.iter().map(|&i| &articles[i]).collect();
            let member_names: Vec<&HashMap<String, NameInfo>> = g.iter().map(|&i| &all_names[i]).collect();
            let label = label(&members, &member_names, &name_df, articles.len());
            let base = slugify(&label, 6);
            let mut id = base.clone();
            let mut n = 2;
            while !used_ids.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            Story { id, label, articles: members.iter().map(|a| a.id.clone()).collect() }
        })
        .collect()
}

/// Capitalised words that are not names worth a label: days, months, titles of office and
/// the countries every report in this corpus names.
const NOT_LABEL: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "president",
    "minister",
    "premier",
    "secretary",
    "foreign",
    "general",
    "state",
    "us",
    "iraq",
    "iran",
    "read",
    "more",
];

/// A name found in an article, for labels.
struct NameInfo {
    /// As written (first occurrence).
    written: String,
    /// Highest block weight it appears in (title 3, lede 2, body 1).
    weight: f32,
    /// Occurrences, and how many of them run straight into another name (first names).
    seen: usize,
    followed: usize,
}

/// Average-linkage agglomerative clustering: repeatedly merges the two groups with the highest
/// average pairwise similarity while it is at least `threshold`. Group similarities are kept
/// up to date with the Lance–Williams update, so each merge costs O(n) after an O(n²) search.
/// Returns groups of indices, each sorted, ordered by their first index.
fn cluster(mut sim: Vec<Vec<f32>>, threshold: f32) -> Vec<Vec<usize>> {
    let n = sim.len();
    let mut groups: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
    loop {
        let mut best: Option<(usize, usize, f32)> = None;
        for g in 0..n {
            if groups[g].is_none() {
                continue;
            }
            for h in g + 1..n {
                if groups[h].is_some() && sim[g][h] >= threshold && best.is_none_or(|b| sim[g][h] > b.2) {
                    best = Some((g, h, sim[g][h]));
                }
            }
        }
        let Some((g, h, _)) = best else { break };
        let merged = groups[h].take().unwrap_or_default();
        let (size_g, size_h) = (groups[g].as_ref().map_or(0, Vec::len) as f32, merged.len() as f32);
        for k in 0..n {
            if k != g && groups[k].is_some() {
                let value = (size_g * sim[g][k] + size_h * sim[h][k]) / (size_g + size_h);
                sim[g][k] = value;
                sim[k][g] = value;
            }
        }
        if let Some(group) = groups[g].as_mut() {
            group.extend(merged);
            group.sort_unstable();
        }
    }
    let mut out: Vec<Vec<usize>> = groups.into_iter().flatten().collect();
    out.sort_by_key(|g| g[0]);
    out
}

/// Names in an article: capitalised words that do not open a sentence, and adjacent pairs of
/// them ("White House"), keyed by their term keys.
fn names(article: &Article) -> HashMap<String, NameInfo> {
    let mut out: HashMap<String, NameInfo> = HashMap::new();
    let blocks = weighted_text(article);
    // Headlines are in title case: every word is capitalised, so they only raise the
    // prominence of names the body confirms.
    for (text, weight) in blocks.iter().filter(|(_, w)| *w < TITLE_WEIGHT) {
        let weight = *weight;
        for (s, e) in split_sentences(text) {
            let toks = tokens(&text[s..e]);
            let mut run: Vec<(String, &str)> = Vec::new();
            let mut flush = |run: &mut Vec<(String, &str)>| {
                for i in 0..run.len() {
                    let mut note = |key: String, written: String, followed: bool| {
                        let info =
                            out.entry(key).or_insert(NameInfo { written, weight, seen: 0, followed: 0 });
                        info.weight = info.weight.max(weight);
                        info.seen += 1;
                        info.followed += usize::from(followed);
                    };
                    note(run[i].0.clone(), run[i].1.to_string(), i + 1 < run.len());
                    if i + 1 < run.len() {
                        note(
                            format!("{} {}", run[i].0, run[i + 1].0),
                            format!("{} {}", run[i].1, run[i + 1].1),
                            false,
                        );
                    }
                }
                run.clear();
            };
            for (i, t) in toks.iter().enumerate() {
                let capital = t.text.starts_with(char::is_uppercase);
                // "Mustafa al-Kadhimi": the particle joins the run rather than breaking it.
                if matches!(t.norm.as_str(), "al" | "el") && !run.is_empty() {
                    continue;
                }
                let usable = capital && i > 0 && !is_stop_word(&t.norm) && t.norm.len() > 1;
                let listed = NOT_LABEL.contains(&t.norm.as_str());
                match (usable && !listed, term_key(&t.norm)) {
                    (true, Some(key)) if !NOT_LABEL.contains(&key.as_str()) => {
                        run.push((key, &text[s + t.start..s + t.end]));
                    }
                    _ => flush(&mut run),
                }
            }
            flush(&mut run);
        }
    }
    for (text, _) in blocks.iter().filter(|(_, w)| *w >= TITLE_WEIGHT) {
        let keys: Vec<String> = tokens(text).iter().filter_map(|t| term_key(&t.norm)).collect();
        for key in &keys {
            if let Some(info) = out.get_mut(key) {
                info.weight = TITLE_WEIGHT;
            }
        }
        for pair in keys.windows(2) {
            if let Some(info) = out.get_mut(&format!("{} {}", pair[0], pair[1])) {
                info.weight = TITLE_WEIGHT;
            }
        }
    }
    out
}

/// The label of a story: up to three names most of its articles share, ranked by how
/// prominently they appear (title, lede, body) times how rare they are in the corpus; first
/// names that always run into a surname are skipped. A single article's story is its title.
fn label(
    members: &[&Article],
    member_names: &[&HashMap<String, NameInfo>],
    name_df: &HashMap<&str, usize>,
    n_corpus: usize,
) -> String {
    if members.len() == 1 {
        return members[0].title.text.clone();
    }
    // key -> (members naming it, summed prominence, occurrences, followed, written)
    let mut coverage: HashMap<&str, (usize, f32, usize, usize, &str)> = HashMap::new();
    for m in member_names {
        for (key, info) in m.iter() {
            let slot = coverage.entry(key.as_str()).or_insert((0, 0.0, 0, 0, info.written.as_str()));
            slot.0 += 1;
            slot.1 += info.weight;
            slot.2 += info.seen;
            slot.3 += info.followed;
        }
    }
    let n_corpus = n_corpus as f32;
    let needed = 2.max(members.len().div_ceil(2));
    let mut ranked: Vec<(f32, &str, &str)> = coverage
        .iter()
        .filter(|(_, c)| c.0 >= needed && (c.3 as f32) < 0.8 * c.2 as f32)
        .map(|(key, c)| {
            let df = name_df.get(key).copied().unwrap_or(1).max(1) as f32;
            let idf = ((n_corpus + 1.0) / df).ln() + 0.5;
            (c.1 * idf, *key, c.4)
        })
        .collect();
    // Ties go to the longer name ("White House" over "House").
    ranked.sort_by(|x, y| {
        y.0.total_cmp(&x.0).then_with(|| y.1.len().cmp(&x.1.len())).then_with(|| x.1.cmp(y.1))
    });
    let mut picked: Vec<(&str, &str)> = Vec::new();
    for (_, key, written) in ranked {
        let overlaps = picked.iter().any(|(k, _)| {
            let a: HashSet<&str> = k.split(' ').collect();
            key.split(' ').any(|w| a.contains(w))
        });
        if !overlaps {
            picked.push((key, written));
        }
        if picked.len() == 3 {
            break;
        }
    }
    if picked.is_empty() {
        return members[0].title.text.clone();
    }
    picked.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" · ")
}
