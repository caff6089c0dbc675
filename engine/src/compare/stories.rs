//! Stories: articles grouped by shared meaning-bearing terms and names, each with a label.
//!
//! Each article becomes a TF-IDF vector of its content terms (folded, stemmed, transliteration
//! keys, synonym classes), proper names counting double. Articles are merged by average-linkage
//! agglomerative clustering while the best pair of groups has a cosine of at least
//! [`STORY_THRESHOLD`]. Every article ends up in exactly one story: a story of one article is
//! kept (the UI offers "Compare coverage" only for stories with two or more).
//!
//! # Scale
//!
//! No step compares every pair of the n articles. Candidate pairs come from an inverted
//! index over distinctive terms (in at most max(50, 5% of n) articles): each article keeps its
//! 20 best candidates, and only those pairs get an exact cosine (`neighbours`: O(P · max_df)
//! for P distinctive postings, plus O(n · 20 · m) for m terms per article). Clustering then
//! runs exact average linkage on that sparse graph, pairs outside it counting as similarity 0,
//! with a merge queue (`cluster`: O(E log E) for E ≤ 20n edges while groups stay small).
//! Up to 200 articles every pair that shares a term is kept, so the grouping is exactly the
//! dense one (test `sparse_grouping_equals_the_dense_one_on_synthetic_reports`).
//! [`similarity_matrix`] (n × n) stays as a helper for small inputs and tests.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::entities::EntityData;
use crate::model::{slugify, Article, BlockKind};
use crate::text::tokens;

use super::sentences::split_sentences;
use super::terms::{is_stop_word, term_key};

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

/// Memoised [`term_key`]: a corpus repeats the same words, and each key costs a stem, a
/// synonym lookup and a transliteration.
#[derive(Default)]
struct KeyCache(HashMap<String, Option<String>>);

impl KeyCache {
    fn key(&mut self, norm: &str) -> Option<String> {
        if let Some(key) = self.0.get(norm) {
            return key.clone();
        }
        let key = term_key(norm);
        self.0.insert(norm.to_string(), key.clone());
        key
    }

    /// The terms of a sentence as [`super::terms::terms_of_tokens`] gives them: key, and whether written as a name.
    fn terms(&mut self, sentence: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        for (i, token) in tokens(sentence).iter().enumerate() {
            let Some(key) = self.key(&token.norm) else { continue };
            let name = i > 0 && token.text.chars().next().is_some_and(char::is_uppercase);
            out.push((key, name));
        }
        out
    }
}

/// A sparse unit vector: `(term id, weight)` pairs sorted by term id.
type SparseVector = Vec<(u32, f32)>;

/// TF-IDF vectors (unit length) of the articles, over interned terms, and how many terms
/// there are. Terms are numbered in order of first appearance, so the vectors (and every sum
/// over them) are the same from run to run.
fn vectors(articles: &[Article], cache: &mut KeyCache) -> (Vec<SparseVector>, usize) {
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let counts: Vec<Vec<(u32, f32, bool)>> = articles
        .iter()
        .map(|a| {
            let mut m: HashMap<String, (f32, bool)> = HashMap::new();
            let mut sentence_terms = Vec::new();
            for (text, weight) in weighted_text(a) {
                for (s, e) in split_sentences(text) {
                    sentence_terms.push((cache.terms(&text[s..e]), weight));
                }
            }
            for (ts, weight) in &sentence_terms {
                for (key, name) in ts {
                    let slot = m.entry(key.clone()).or_insert((0.0, false));
                    slot.0 += weight;
                    slot.1 |= name;
                }
            }
            // Two names in one sentence are a relation ("Kadhimi" meets "Trump"): far more
            // specific to one story than either name alone.
            let is_name: HashSet<String> = m.iter().filter(|(_, v)| v.1).map(|(k, _)| k.clone()).collect();
            for (ts, weight) in &sentence_terms {
                let mut names: Vec<&str> =
                    ts.iter().filter(|(key, _)| is_name.contains(key)).map(|(key, _)| key.as_str()).collect();
                names.sort_unstable();
                names.dedup();
                for i in 0..names.len() {
                    for j in i + 1..names.len() {
                        let slot = m.entry(format!("{}&{}", names[i], names[j])).or_insert((0.0, true));
                        slot.0 += weight;
                    }
                }
            }
            // Sorted by key so that term ids are given out in a fixed order.
            let mut entries: Vec<(String, (f32, bool))> = m.into_iter().collect();
            entries.sort_unstable_by(|x, y| x.0.cmp(&y.0));
            let mut row: Vec<(u32, f32, bool)> = entries
                .into_iter()
                .map(|(key, (count, name))| {
                    let next_id = vocabulary.len() as u32;
                    (*vocabulary.entry(key).or_insert(next_id), count, name)
                })
                .collect();
            row.sort_unstable_by_key(|e| e.0);
            row
        })
        .collect();
    let n_terms = vocabulary.len();
    let mut df = vec![0u32; n_terms];
    for row in &counts {
        for &(term, _, _) in row {
            df[term as usize] += 1;
        }
    }
    let n = articles.len() as f32;
    let vectors = counts
        .iter()
        .map(|row| {
            let mut v: SparseVector = row
                .iter()
                .map(|&(term, count, name)| {
                    let idf = ((n + 1.0) / df[term as usize].max(1) as f32).ln();
                    let w = (1.0 + count.ln()) * idf * if name { NAME_WEIGHT } else { 1.0 };
                    (term, w)
                })
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        })
        .collect();
    (vectors, n_terms)
}

/// Cosine of two unit vectors: a merge of the two sorted term lists.
fn cosine(x: &[(u32, f32)], y: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += x[i].1 * y[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Pairwise article similarity (cosine of TF-IDF vectors), as used by [`stories`].
///
/// This is the full n × n matrix (O(n²) time and memory): a helper for small inputs and tests.
/// [`stories`] itself only ever computes the similarities of candidate neighbours.
pub fn similarity_matrix(articles: &[Article]) -> Vec<Vec<f32>> {
    let (v, _) = vectors(articles, &mut KeyCache::default());
    (0..v.len())
        .map(|i| (0..v.len()).map(|j| if i == j { 1.0 } else { cosine(&v[i], &v[j]) }).collect())
        .collect()
}

/// How far [`neighbours`] looks for the articles similar to each article.
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// Terms in more articles than this do not propose candidates (they still count in the
    /// similarity of a candidate pair).
    max_df: usize,
    /// Candidates kept per article, the best by their similarity over distinctive terms.
    top_k: usize,
}

/// Up to this many articles, every candidate is kept: the graph then holds every pair that
/// shares a term, and the grouping is exactly the dense one.
const KEEP_ALL_CANDIDATES_UP_TO: usize = 200;

impl Limits {
    /// Terms in more than max(50, 5% of the articles) are too common to propose candidates;
    /// each article keeps its 20 best candidates (all of them in small corpora).
    fn for_corpus(n_articles: usize) -> Limits {
        if n_articles <= KEEP_ALL_CANDIDATES_UP_TO {
            return Limits { max_df: n_articles, top_k: n_articles };
        }
        Limits { max_df: 50.max(n_articles / 20), top_k: 20 }
    }
}

/// An edge of the similarity graph: article indices `i < j` and their cosine.
type Edge = (usize, usize, f32);

/// The sparse similarity graph: for each article, its `top_k` best candidates among the
/// articles that share at least one distinctive term with it (found through an inverted
/// index), each pair with its exact cosine. Pairs left out count as similarity 0.
///
/// Cost: O(P · max_df) to score candidates, where P is the number of distinctive (article,
/// term) postings, then O(n · top_k · m) for the exact cosines (m terms per article).
fn neighbours(vectors: &[SparseVector], n_terms: usize, limits: Limits) -> Vec<Edge> {
    let n = vectors.len();
    let mut df = vec![0usize; n_terms];
    for v in vectors {
        for &(term, _) in v {
            df[term as usize] += 1;
        }
    }
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n_terms];
    for (doc_idx, v) in vectors.iter().enumerate() {
        for &(term, w) in v {
            if df[term as usize] <= limits.max_df {
                postings[term as usize].push((doc_idx as u32, w));
            }
        }
    }
    let mut score = vec![0.0f32; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (doc_idx, v) in vectors.iter().enumerate() {
        for &(term, w) in v {
            for &(other, w_other) in &postings[term as usize] {
                let other_idx = other as usize;
                if other_idx == doc_idx {
                    continue;
                }
                // Weights are positive, so a zero score means "not seen yet".
                if score[other_idx] == 0.0 {
                    touched.push(other);
                }
                score[other_idx] += w * w_other;
            }
        }
        // Best first; ties to the earlier article so the graph does not depend on visit order.
        let by_score =
            |a: &u32, b: &u32| score[*b as usize].total_cmp(&score[*a as usize]).then_with(|| a.cmp(b));
        let kept = if touched.len() > limits.top_k {
            touched.select_nth_unstable_by(limits.top_k, by_score);
            limits.top_k
        } else {
            touched.len()
        };
        for &other in &touched[..kept] {
            let other_idx = other as usize;
            pairs.push((doc_idx.min(other_idx), doc_idx.max(other_idx)));
        }
        for &other in &touched {
            score[other as usize] = 0.0;
        }
        touched.clear();
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .map(|(i, j)| (i, j, cosine(&vectors[i], &vectors[j])))
        .filter(|&(_, _, sim)| sim > 0.0)
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
    let mut cache = KeyCache::default();
    let (vectors, n_terms) = vectors(articles, &mut cache);
    let edges = neighbours(&vectors, n_terms, Limits::for_corpus(articles.len()));
    let groups = cluster(articles.len(), &edges, STORY_THRESHOLD);
    // Names per article, computed once: labels weigh a name by how rare it is in the corpus.
    let all_names: Vec<HashMap<String, NameInfo>> = articles.iter().map(|a| names(a, &mut cache)).collect();
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

/// A pair of groups waiting in the merge queue, valid while both groups are unchanged.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    sim: f32,
    /// The two groups (by their first article, `g < h`) and their versions when queued.
    g: usize,
    h: usize,
    version_g: u32,
    version_h: u32,
}

impl Candidate {
    /// Highest similarity first; ties to the lowest pair, as a scan over pairs in order would.
    fn key(&self) -> (f32, std::cmp::Reverse<usize>, std::cmp::Reverse<usize>) {
        (self.sim, std::cmp::Reverse(self.g), std::cmp::Reverse(self.h))
    }
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Candidate) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Candidate) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    fn cmp(&self, other: &Candidate) -> std::cmp::Ordering {
        let (a, b) = (self.key(), other.key());
        a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)).then_with(|| a.2.cmp(&b.2))
    }
}

/// Average-linkage agglomerative clustering over a sparse similarity graph: repeatedly merges
/// the two groups with the highest average pairwise similarity while it is at least
/// `threshold`. Pairs with no edge have similarity 0. Group similarities are kept up to date
/// with the Lance–Williams update (size-weighted average of the two merged groups' similarities),
/// which is exact average linkage; only groups joined by an edge are ever touched.
///
/// The best pair comes from a priority queue with lazy deletion (an entry is stale once either
/// group has changed), so a merge costs O(d log E) for the d neighbours of the merged groups,
/// and the whole clustering O(E log E) for E edges when groups stay small. On a complete graph
/// it makes exactly the merges, in the same order, of the dense O(n³) scan it replaces.
/// Returns groups of indices, each sorted, ordered by their first index.
fn cluster(n: usize, edges: &[Edge], threshold: f32) -> Vec<Vec<usize>> {
    let mut adjacent: Vec<HashMap<usize, f32>> = vec![HashMap::new(); n];
    let mut queue = std::collections::BinaryHeap::new();
    for &(i, j, sim) in edges {
        adjacent[i].insert(j, sim);
        adjacent[j].insert(i, sim);
        if sim >= threshold {
            queue.push(Candidate { sim, g: i, h: j, version_g: 0, version_h: 0 });
        }
    }
    let mut groups: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
    let mut versions = vec![0u32; n];
    while let Some(best) = queue.pop() {
        let (g, h) = (best.g, best.h);
        let live = groups[g].is_some() && groups[h].is_some();
        if !live || versions[g] != best.version_g || versions[h] != best.version_h {
            continue;
        }
        let merged = groups[h].take().unwrap_or_default();
        let (size_g, size_h) = (groups[g].as_ref().map_or(0, Vec::len) as f32, merged.len() as f32);
        let from_g = std::mem::take(&mut adjacent[g]);
        let from_h = std::mem::take(&mut adjacent[h]);
        let mut others: Vec<usize> =
            from_g.keys().chain(from_h.keys()).copied().filter(|&k| k != g && k != h).collect();
        others.sort_unstable();
        others.dedup();
        versions[g] += 1;
        versions[h] += 1;
        let mut joined = HashMap::with_capacity(others.len());
        for k in others {
            let sim_g = from_g.get(&k).copied().unwrap_or(0.0);
            let sim_h = from_h.get(&k).copied().unwrap_or(0.0);
            let value = (size_g * sim_g + size_h * sim_h) / (size_g + size_h);
            adjacent[k].remove(&h);
            adjacent[k].insert(g, value);
            joined.insert(k, value);
            if value >= threshold {
                let (lo, hi) = (g.min(k), g.max(k));
                queue.push(Candidate {
                    sim: value,
                    g: lo,
                    h: hi,
                    version_g: versions[lo],
                    version_h: versions[hi],
                });
            }
        }
        adjacent[g] = joined;
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
fn names(article: &Article, cache: &mut KeyCache) -> HashMap<String, NameInfo> {
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
                match (usable && !listed, cache.key(&t.norm)) {
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
        let keys: Vec<String> = tokens(text).iter().filter_map(|t| cache.key(&t.norm)).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{build_bundle_with, synth, BuildOptions, SourceInput};

    /// The O(n³) clustering the sparse one replaced: scans every pair of groups for each merge.
    fn cluster_dense(mut sim: Vec<Vec<f32>>, threshold: f32) -> Vec<Vec<usize>> {
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

    /// Twenty synthetic reports, each also retold twice (without its opening paragraphs, and
    /// cut short), so the corpus has real stories of three articles besides chance overlaps.
    fn retold_synthetic_articles() -> Vec<Article> {
        let mut files = Vec::new();
        for (name, text) in synth::corpus(20, 7) {
            let paragraphs: Vec<&str> = text.split("\n\n").collect();
            let title = paragraphs.first().copied().unwrap_or_default();
            let later = format!("{title}\n\n{}", paragraphs[paragraphs.len().min(4)..].join("\n\n"));
            let short = paragraphs[..paragraphs.len() / 2].join("\n\n");
            files.push((format!("a_{name}"), text.clone()));
            files.push((format!("b_{name}"), later));
            files.push((format!("c_{name}"), short));
        }
        let sources: Vec<SourceInput<'_>> =
            files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
        build_bundle_with(&sources, "", &BuildOptions { stories: false }).bundle.articles
    }

    #[test]
    fn sparse_grouping_equals_the_dense_one_on_synthetic_reports() {
        let articles = retold_synthetic_articles();
        assert_eq!(articles.len(), 60);
        let dense = cluster_dense(similarity_matrix(&articles), STORY_THRESHOLD);
        let (vectors, n_terms) = vectors(&articles, &mut KeyCache::default());
        let edges = neighbours(&vectors, n_terms, Limits::for_corpus(articles.len()));
        let sparse = cluster(articles.len(), &edges, STORY_THRESHOLD);
        assert!(dense.iter().any(|g| g.len() >= 3), "the retold reports group: {dense:?}");
        assert_eq!(sparse, dense);
    }

    #[test]
    fn a_complete_graph_clusters_exactly_like_the_dense_scan() {
        // Similarities with ties and near-threshold averages, every pair an edge.
        let n = 9;
        let sim: Vec<Vec<f32>> = (0..n)
            .map(|i| (0..n).map(|j| if i == j { 1.0 } else { ((i * j + i + j) % 7) as f32 * 0.02 }).collect())
            .collect();
        let edges: Vec<Edge> =
            (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).map(|(i, j)| (i, j, sim[i][j])).collect();
        assert_eq!(cluster(n, &edges, STORY_THRESHOLD), cluster_dense(sim, STORY_THRESHOLD));
    }
}
