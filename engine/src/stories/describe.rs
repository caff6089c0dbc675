//! What a story is called, when it happened and which earlier stories it follows from.
//!
//! - Label: up to three entities most of its articles name, each in at least one headline or
//!   lede (a spokesperson only the bodies quote is not what the story is about), ranked by how
//!   prominently they appear (title, lede, body) times how rare they are in the corpus, each
//!   written as the story's articles most often write it; then the event word its articles share
//!   ("visit", "talks", "strike", "wildfire", "runoff", a company's "results") and its month:
//!   "Kadhimi · Trump — visit, Aug 2020". A one-article story is its headline.
//! - Span: the dates of its earliest and latest articles.
//! - Follows from: an earlier story (it ends before this one starts) whose articles resemble
//!   this one's (average similarity at least [`FOLLOW_THRESHOLD`] over the sparse graph's edges).

use std::collections::{HashMap, HashSet};

use crate::dates::PublicationDate;
use crate::entities::{EntityData, EntityKind};
use crate::model::{slugify, Article, BlockKind};
use crate::text::tokens;

use super::features::weighted_blocks;
use super::graph::Edge;
use super::Story;

/// Average similarity from which a later story follows from an earlier one.
pub const FOLLOW_THRESHOLD: f32 = 0.08;
/// The prominence of a name in a headline or a lede ([`weighted_blocks`]), which a label's
/// names need in at least one of the story's articles.
const HEADLINE_OR_LEDE: f32 = 2.0;
/// "Follows from" links kept per story, the closest first.
const MAX_FOLLOWS: usize = 3;

/// Words that name what happened, as a label says them.
const EVENT_WORDS: &[&str] = &[
    "visit",
    "meeting",
    "talks",
    "summit",
    "strikes",
    "airstrikes",
    "attacks",
    "election",
    "elections",
    "protests",
    "withdrawal",
    "agreement",
    "deal",
    "war",
    "ceasefire",
    "dialogue",
    "conference",
    "trip",
    "tour",
    "interview",
    "vote",
    "killing",
    "assassination",
    "arrests",
    "sanctions",
    "negotiations",
    "strike",
    "walkout",
    "protest",
    "rally",
    "wildfire",
    "blaze",
    "cyclone",
    "storm",
    "hurricane",
    "typhoon",
    "earthquake",
    "quake",
    "flood",
    "floods",
    "landslide",
    "crash",
    "explosion",
    "shooting",
    "trial",
    "verdict",
    "runoff",
    "referendum",
    "recall",
    "resignation",
    "merger",
    "takeover",
    "results",
    "earnings",
    "profit",
];

/// Event words a label writes otherwise: a company's profit or earnings are reported as its
/// results.
const EVENT_LABELS: &[(&str, &str)] = &[("profit", "results"), ("earnings", "results")];

/// How a label writes an event word.
fn event_label(word: &str) -> &str {
    EVENT_LABELS.iter().find(|(w, _)| *w == word).map_or(word, |(_, label)| label)
}

const MONTH_ABBR: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A date as [`PublicationDate::sort_key`] gives it.
type SortKey = (i32, u8, u8);

/// What [`describe`] reads.
pub struct Corpus<'a> {
    /// The articles.
    pub articles: &'a [Article],
    /// Their entities.
    pub entities: &'a EntityData,
    /// Their final publication dates, by article index.
    pub dates: &'a [Option<PublicationDate>],
}

/// Per article: each named entity's prominence (title 3, lede 2, body 1) and event words, each
/// once (a few dozen at most: lists, not maps, a fraction of the memory for every article).
#[derive(Default)]
struct Profile {
    entities: Vec<(u32, f32)>,
    events: Vec<(&'static str, f32)>,
}

/// `key`'s weight in `list`, the highest given.
fn keep_max<K: PartialEq>(list: &mut Vec<(K, f32)>, key: K, w: f32) {
    match list.iter_mut().find(|(k, _)| *k == key) {
        Some((_, slot)) => *slot = slot.max(w),
        None => list.push((key, w.max(0.0))),
    }
}

fn profile(corpus: &Corpus<'_>, index: usize) -> Profile {
    let mut out = Profile::default();
    let Some(article) = corpus.articles.get(index) else { return out };
    let blocks = weighted_blocks(article);
    let weight_at = |offset: usize| {
        blocks.iter().find(|(b, _)| b.start <= offset && offset < b.end).map_or(0.0, |(_, w)| *w)
    };
    for mention in corpus.entities.mentions_in(u32::try_from(index).unwrap_or(u32::MAX)) {
        if let (true, Some(entity)) = (mention.kind().is_name(), mention.entity()) {
            let w = weight_at(mention.start as usize);
            if w > 0.0 {
                keep_max(&mut out.entities, entity, w);
            }
        }
    }
    for (block, weight) in blocks.iter().filter(|(b, _)| b.kind != BlockKind::Caption) {
        for token in tokens(&block.text) {
            let singular = token.norm.strip_suffix('s').unwrap_or(&token.norm);
            if let Some(word) = EVENT_WORDS.iter().find(|w| **w == token.norm || **w == singular) {
                // How prominently the article says it (title 3, lede 2, body 1), not how often.
                keep_max(&mut out.events, *word, *weight);
            }
        }
    }
    out
}

/// The spelling of an entity the story's articles use most (shorter on ties).
fn written_as(corpus: &Corpus<'_>, members: &[usize], entity: u32) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &m in members {
        for mention in corpus.entities.mentions_in(u32::try_from(m).unwrap_or(u32::MAX)) {
            if mention.entity() == Some(entity) {
                if let Some(text) = corpus.entities.surface(corpus.articles, mention) {
                    *counts.entry(text).or_default() += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.len().cmp(&a.0.len())).then_with(|| b.0.cmp(a.0)))
        .map(|(t, _)| t.to_string())
}

/// "Aug 2020", "2020", or nothing.
fn month_label(date: Option<&PublicationDate>) -> Option<String> {
    let date = date?;
    Some(match date.month.and_then(|m| MONTH_ABBR.get(usize::from(m).wrapping_sub(1))) {
        Some(m) => format!("{m} {}", date.year),
        None => date.year.to_string(),
    })
}

fn label(
    corpus: &Corpus<'_>,
    members: &[usize],
    profiles: &[Profile],
    entity_df: &HashMap<u32, usize>,
    middle: Option<&PublicationDate>,
) -> String {
    let title = || {
        members
            .first()
            .and_then(|&i| corpus.articles.get(i))
            .map(|a| a.title.text.clone())
            .unwrap_or_default()
    };
    if members.len() == 1 {
        return title();
    }
    let needed = 2.max(members.len().div_ceil(2));
    // Per entity: how many articles name it, its summed prominence and its highest.
    let mut coverage: HashMap<u32, (usize, f32, f32)> = HashMap::new();
    let mut events: HashMap<&'static str, (usize, f32)> = HashMap::new();
    for &m in members {
        for &(entity, w) in &profiles[m].entities {
            let slot = coverage.entry(entity).or_insert((0, 0.0, 0.0));
            slot.0 += 1;
            slot.1 += w;
            slot.2 = slot.2.max(w);
        }
        for &(word, w) in &profiles[m].events {
            let slot = events.entry(word).or_insert((0, 0.0));
            slot.0 += 1;
            slot.1 += w;
        }
    }
    let n = corpus.articles.len() as f32;
    let mut ranked: Vec<(f32, u32)> = coverage
        .iter()
        // Places most of the corpus names ("Iraq" in a corpus about Iraq) say nothing of the story.
        .filter(|(e, c)| {
            let common = entity_df.get(e).copied().unwrap_or(0) * 2 > corpus.articles.len();
            let place =
                corpus.entities.entities.get(**e as usize).is_some_and(|x| x.kind == EntityKind::Place);
            // A name only the bodies give (a spokesperson, a street) is not what the story is about:
            // a headline or a lede names it.
            c.0 >= needed && c.2 >= HEADLINE_OR_LEDE && !(common && place)
        })
        .map(|(&e, c)| {
            let df = entity_df.get(&e).copied().unwrap_or(1).max(1) as f32;
            // Named by more of the story's articles, more prominently, and rarer in the corpus.
            (c.0 as f32 * c.1 * (((n + 1.0) / df).ln() + 0.5), e)
        })
        .collect();
    ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(&y.1)));
    let mut names: Vec<String> = Vec::new();
    for (_, entity) in ranked {
        let Some(name) = written_as(corpus, members, entity) else { continue };
        let folded = crate::text::fold(&name);
        if names
            .iter()
            .any(|n| crate::text::fold(n).contains(&folded) || folded.contains(&crate::text::fold(n)))
        {
            continue;
        }
        names.push(name);
        if names.len() == 3 {
            break;
        }
    }
    if names.is_empty() {
        return title();
    }
    let mut out = names.join(" · ");
    let event = events
        .iter()
        .filter(|(_, c)| c.0 >= needed)
        .max_by(|a, b| a.1 .1.total_cmp(&b.1 .1).then_with(|| b.0.cmp(a.0)))
        .map(|(w, _)| *w);
    if let Some(event) = event {
        out.push_str(" — ");
        out.push_str(event_label(event));
    }
    if let Some(month) = month_label(middle) {
        out.push_str(", ");
        out.push_str(&month);
    }
    out
}

/// Turns groups of article indices into stories: ids, labels, spans and "follows from" links.
pub fn describe(corpus: &Corpus<'_>, groups: &[Vec<usize>], edges: &[Edge]) -> Vec<Story> {
    // Every article counts in the entities' document frequencies, but only stories of more
    // than one article are labelled from their profiles: the others' are not kept.
    let mut labelled = vec![false; corpus.articles.len()];
    for members in groups.iter().filter(|m| m.len() > 1) {
        for &m in members {
            if let Some(slot) = labelled.get_mut(m) {
                *slot = true;
            }
        }
    }
    let mut entity_df: HashMap<u32, usize> = HashMap::new();
    let profiles: Vec<Profile> = (0..corpus.articles.len())
        .map(|i| {
            let p = profile(corpus, i);
            for &(e, _) in &p.entities {
                *entity_df.entry(e).or_default() += 1;
            }
            if labelled[i] {
                let mut p = p;
                p.entities.shrink_to_fit();
                p.events.shrink_to_fit();
                p
            } else {
                Profile::default()
            }
        })
        .collect();
    drop(labelled);
    let date = |i: usize| corpus.dates.get(i).and_then(Option::as_ref);
    let mut used_ids = HashSet::new();
    let mut stories: Vec<Story> = Vec::with_capacity(groups.len());
    let mut spans: Vec<Option<(SortKey, SortKey)>> = Vec::with_capacity(groups.len());
    for members in groups {
        let mut dated: Vec<&PublicationDate> = members.iter().filter_map(|&i| date(i)).collect();
        dated.sort_by_key(|d| d.sort_key());
        let middle = dated.get(dated.len().saturating_sub(1) / 2).copied();
        let label = label(corpus, members, &profiles, &entity_df, middle);
        let base = slugify(&label, 6);
        let mut id = base.clone();
        let mut n = 2;
        while !used_ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        spans.push(dated.first().zip(dated.last()).map(|(a, b)| (a.sort_key(), b.sort_key())));
        stories.push(Story {
            id,
            label,
            articles: members.iter().filter_map(|&i| corpus.articles.get(i)).map(|a| a.id.clone()).collect(),
            from: dated.first().map(|d| d.iso()),
            to: dated.last().map(|d| d.iso()),
            follows: Vec::new(),
        });
    }
    // Average similarity between stories over the graph's edges.
    let mut story_of = vec![usize::MAX; corpus.articles.len()];
    for (s, members) in groups.iter().enumerate() {
        for &m in members {
            if let Some(slot) = story_of.get_mut(m) {
                *slot = s;
            }
        }
    }
    let mut between: HashMap<(usize, usize), f32> = HashMap::new();
    for &(i, j, sim) in edges {
        let (Some(&a), Some(&b)) = (story_of.get(i), story_of.get(j)) else { continue };
        if a != b && a != usize::MAX && b != usize::MAX {
            *between.entry((a.min(b), a.max(b))).or_default() += sim;
        }
    }
    let mut links: Vec<(usize, usize, f32)> = Vec::new();
    for ((a, b), sum) in between {
        let avg = sum / (groups[a].len() * groups[b].len()) as f32;
        let (Some(span_a), Some(span_b)) = (spans[a], spans[b]) else { continue };
        if avg < FOLLOW_THRESHOLD {
            continue;
        }
        // Months apart: compare at month precision so one month's stories never "follow" each other.
        let month = |k: SortKey| (k.0, k.1);
        if month(span_a.1) < month(span_b.0) {
            links.push((b, a, avg));
        } else if month(span_b.1) < month(span_a.0) {
            links.push((a, b, avg));
        }
    }
    links.sort_by(|x, y| y.2.total_cmp(&x.2).then_with(|| (x.0, x.1).cmp(&(y.0, y.1))));
    for (later, earlier, _) in links {
        if stories[later].follows.len() < MAX_FOLLOWS {
            let id = stories[earlier].id.clone();
            stories[later].follows.push(id);
        }
    }
    stories
}

#[cfg(test)]
mod tests {
    use crate::{build_bundle, SourceInput};

    #[test]
    fn a_label_names_the_event_and_not_a_spokesperson_only_the_bodies_name() {
        let a = "Wildfire forces evacuations near Kalamata\n\nJuly 30, 2024\n\nA wildfire forced the evacuation of \
                 three villages near Kalamata on Tuesday as strong winds fanned the flames.\n\nFirefighters \
                 battled the flames overnight.\n\nFire service spokesman Nikos Dellas said aircraft would \
                 resume at dawn.\n";
        let b = "Kalamata wildfire contained\n\nJuly 31, 2024\n\nFirefighters contained the wildfire near \
                 Kalamata on Wednesday after winds eased.\n\nThe villages were evacuated on Tuesday.\n\nFire \
                 service spokesman Nikos Dellas said residents could return home.\n";
        // Other stories, so that Kalamata is not a place most of the corpus names.
        let c = "Parliament passes budget\n\nMarch 3, 2024\n\nThe parliament in Athens passed the budget on \
                 Friday.\n";
        let d = "Ferry strike ends\n\nMay 9, 2024\n\nSeamen in Piraeus ended a two-day strike on Thursday.\n";
        let files = [("a.txt", a), ("b.txt", b), ("c.txt", c), ("d.txt", d)];
        let sources: Vec<SourceInput<'_>> =
            files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
        let built = build_bundle(&sources, "");
        let labels: Vec<&str> = built.bundle.stories.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Kalamata — wildfire, Jul 2024", "Parliament passes budget", "Ferry strike ends"]
        );
    }

    #[test]
    fn a_company_reporting_its_profit_is_labelled_with_its_results() {
        let a = "Nordlys Energi posts record profit\n\nFebruary 7, 2024\n\nHydropower producer Nordlys \
                 Energi reported a record operating profit of 9.2 billion crowns on Wednesday.\n";
        let b = "Nordlys Energi raises dividend\n\nFebruary 7, 2024\n\nNordlys Energi will raise its \
                 dividend after its operating profit reached a record, chief executive Ingrid Halvorsen \
                 said on Wednesday.\n";
        let c = "Ferry strike ends\n\nMay 9, 2024\n\nSeamen in Piraeus ended a two-day strike on Thursday.\n";
        let d = "Parliament passes budget\n\nMarch 3, 2024\n\nThe parliament in Athens passed the budget on \
                 Friday.\n";
        let files = [("a.txt", a), ("b.txt", b), ("c.txt", c), ("d.txt", d)];
        let sources: Vec<SourceInput<'_>> =
            files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
        let built = build_bundle(&sources, "");
        let label = &built.bundle.stories[0].label;
        assert!(label.ends_with("— results, Feb 2024"), "{label}");
    }
}
