//! What an article is about, as a sparse TF-IDF vector: its content terms (folded, stemmed,
//! transliteration keys, synonym classes), the entities the entity layer found in it (from
//! [`EntityData`] mentions, not capitalised words), entities named together in one sentence (a
//! relation: "Kadhimi" meets "Trump", far more specific to one event than either name alone),
//! and the figures it reports ("5,000 troops").
//!
//! # Bounds
//!
//! Each article is read up to [`MAX_WORDS_PER_ARTICLE`] words, and each sentence pairs at most
//! its first [`MAX_ENTITIES_PER_SENTENCE`] distinct entities, so the work per article is linear
//! in its length and capped (a 1 MB "sentence" of names is no longer a billion pairs); reaching
//! either bound is reported in [`Features::cut`].

use crate::compare::split_sentences;
use crate::compare::terms::term_key;
use crate::dates::calendar::Day;
use crate::entities::{EntityData, MentionKind, Value};
use crate::hash::FxHashMap;
use crate::model::{Article, BlockKind};
use crate::text::tokens;

use super::graph::SparseVector;

/// Words read per article for its terms; the rest of a longer article does not count.
pub const MAX_WORDS_PER_ARTICLE: usize = 20_000;
/// Distinct entities per sentence that are paired into relations (at most 66 pairs).
pub const MAX_ENTITIES_PER_SENTENCE: usize = 12;

/// Weight of an entity or relation relative to a content term.
const NAME_WEIGHT: f32 = 2.0;
/// Title weight: a headline states the story.
const TITLE_WEIGHT: f32 = 3.0;
/// Weight of the lede (first [`LEDE_BLOCKS`] body blocks): news puts the story first.
const LEDE_WEIGHT: f32 = 2.0;
const LEDE_BLOCKS: usize = 2;

/// The blocks of an article that say what it is about, with how much each counts: title and
/// body (captions left out, as they repeat the title and carry photo credits).
pub fn weighted_blocks(article: &Article) -> Vec<(&crate::model::Block, f32)> {
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
        out.push((b, w));
    }
    out
}

/// Memoised [`term_key`]: a corpus repeats the same words, and each key costs a stem, a
/// synonym lookup and a transliteration.
#[derive(Default)]
pub struct KeyCache(FxHashMap<String, Option<String>>);

impl KeyCache {
    /// The term key of a folded word.
    pub fn key(&mut self, norm: &str) -> Option<String> {
        if let Some(key) = self.0.get(norm) {
            return key.clone();
        }
        let key = term_key(norm);
        self.0.insert(norm.to_string(), key.clone());
        key
    }
}

/// The vectors of a corpus and what was cut to keep the work bounded.
pub struct Features {
    /// One unit vector per article.
    pub vectors: Vec<SparseVector>,
    /// Number of distinct terms.
    pub n_terms: usize,
    /// Articles (indices) read only in part: longer than [`MAX_WORDS_PER_ARTICLE`] words, or a
    /// sentence with more than [`MAX_ENTITIES_PER_SENTENCE`] entities.
    pub cut: Vec<usize>,
}

/// Counts of one article's features, keyed by feature text.
struct Counts {
    map: FxHashMap<String, f32>,
    cut: bool,
}

impl Counts {
    fn add(&mut self, key: String, weight: f32) {
        *self.map.entry(key).or_insert(0.0) += weight;
    }
}

/// The features of one article (`index` in the corpus).
fn count(article: &Article, index: u32, entities: &EntityData, cache: &mut KeyCache) -> Counts {
    let mut counts = Counts { map: FxHashMap::default(), cut: false };
    let mentions = entities.mentions_in(index);
    let mut next_mention = 0;
    let mut words = 0;
    'blocks: for (block, weight) in weighted_blocks(article) {
        for (s, e) in split_sentences(&block.text) {
            let (Some(sentence), raw_start, raw_end) =
                (block.text.get(s..e), block.start + s, block.start + e)
            else {
                continue;
            };
            for token in tokens(sentence) {
                words += 1;
                if words > MAX_WORDS_PER_ARTICLE {
                    counts.cut = true;
                    break 'blocks;
                }
                if let Some(key) = cache.key(&token.norm) {
                    counts.add(key, weight);
                }
            }
            // Mentions are sorted by start: walk them alongside the sentences.
            while next_mention < mentions.len() && (mentions[next_mention].start as usize) < raw_start {
                next_mention += 1;
            }
            let mut named: Vec<u32> = Vec::new();
            while next_mention < mentions.len() && (mentions[next_mention].start as usize) < raw_end {
                let mention = &mentions[next_mention];
                next_mention += 1;
                match (mention.kind(), mention.entity(), mention.value.as_deref()) {
                    (kind, Some(entity), _) if kind.is_name() => {
                        counts.add(format!("e:{entity}"), weight);
                        if !named.contains(&entity) {
                            if named.len() == MAX_ENTITIES_PER_SENTENCE {
                                counts.cut = true;
                            } else {
                                named.push(entity);
                            }
                        }
                    }
                    (MentionKind::Figure, _, Some(Value::Figure(f))) if !f.unit.is_empty() => {
                        counts.add(format!("f:{} {}", f.value, f.unit), weight);
                    }
                    _ => {}
                }
            }
            named.sort_unstable();
            for (i, a) in named.iter().enumerate() {
                for b in &named[i + 1..] {
                    counts.add(format!("r:{a}&{b}"), weight);
                }
            }
        }
    }
    counts
}

/// TF-IDF vectors without a time of writing for any article ([`vectors_in_time`] with no days).
pub fn vectors(articles: &[Article], entities: &EntityData) -> Features {
    vectors_in_time(articles, entities, &[])
}

/// Weight of a recurring feature ([`RECURRING_DAYS`]) relative to one of a single event.
const RECURRING_WEIGHT: f32 = 0.4;

/// A feature found in articles written more than this many days apart recurs: it belongs to a
/// subject (the same ministers, the same union, the same central bank) that comes back in the
/// news, not to one event. The same as the stories' report window: the reports of one event
/// come within that many days.
const RECURRING_DAYS: Day = super::REPORT_WINDOW_DAYS;

/// TF-IDF vectors (unit length) of the articles over interned features. `days` holds each
/// article's day of writing where its own text fixes it (may be shorter than `articles`, or
/// empty): a feature found in dated articles more than [`RECURRING_DAYS`] apart counts
/// [`RECURRING_WEIGHT`] as much, so that two reports of one event are joined by what is
/// particular to it (its figures, its place, its words) more than by the people who are in the
/// news again weeks later. Features are numbered
/// in order of first appearance (sorted within an article), so the vectors (and every sum over
/// them) are the same from run to run. Articles are counted on every core with the `parallel`
/// feature (each worker memoises its own term keys), and numbered in corpus order.
pub fn vectors_in_time(articles: &[Article], entities: &EntityData, days: &[Option<Day>]) -> Features {
    let mut vocabulary: FxHashMap<String, u32> = FxHashMap::default();
    // Whether each feature (by id) is an entity or a relation, which weigh more.
    let mut is_name: Vec<bool> = Vec::new();
    let mut cut = Vec::new();
    // Each row holds its counts until they are weighted in place: one copy of the vectors.
    let mut rows: Vec<SparseVector> = Vec::with_capacity(articles.len());
    let counted = |cache: &mut KeyCache, i: usize, article: &Article| {
        let counts = count(article, u32::try_from(i).unwrap_or(u32::MAX), entities, cache);
        let mut entries: Vec<(String, f32)> = counts.map.into_iter().collect();
        entries.sort_unstable_by(|x, y| x.0.cmp(&y.0));
        (entries, counts.cut)
    };
    crate::par::map_in_order(articles, KeyCache::default, counted, |i, (entries, was_cut)| {
        if was_cut {
            cut.push(i);
        }
        let mut row: SparseVector = entries
            .into_iter()
            .map(|(key, count)| {
                let next_id = vocabulary.len() as u32;
                let id = *vocabulary.entry(key).or_insert_with_key(|key| {
                    is_name.push(key.starts_with("e:") || key.starts_with("r:"));
                    next_id
                });
                (id, count)
            })
            .collect();
        row.sort_unstable_by_key(|e| e.0);
        row.shrink_to_fit();
        rows.push(row);
    });
    let n_terms = vocabulary.len();
    drop(vocabulary);
    let mut df = vec![0u32; n_terms];
    for row in &rows {
        for &(term, _) in row {
            df[term as usize] += 1;
        }
    }
    // The first and last day of writing of the dated articles holding each feature.
    let mut seen: Vec<Option<(Day, Day)>> = vec![None; n_terms];
    for (row, day) in rows.iter().zip(days) {
        let Some(day) = *day else { continue };
        for &(term, _) in row {
            let span = &mut seen[term as usize];
            *span = Some(span.map_or((day, day), |(lo, hi)| (lo.min(day), hi.max(day))));
        }
    }
    let recurs = |term: u32| seen[term as usize].is_some_and(|(lo, hi)| hi - lo > RECURRING_DAYS);
    let n = articles.len() as f32;
    for row in &mut rows {
        for (term, weight) in row.iter_mut() {
            let count = *weight;
            let idf = ((n + 1.0) / df[*term as usize].max(1) as f32).ln();
            let in_time = if recurs(*term) { RECURRING_WEIGHT } else { 1.0 };
            let name = is_name[*term as usize];
            *weight = (1.0 + count.ln()) * idf * in_time * if name { NAME_WEIGHT } else { 1.0 };
        }
        let norm = row.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            row.iter_mut().for_each(|(_, w)| *w /= norm);
        }
    }
    Features { vectors: rows, n_terms, cut }
}
