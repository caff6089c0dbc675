//! The `entity:` and `story:` filters: they pick articles by what the entity linker and the story
//! grouping found, so they need the corpus beside the index ([`Corpus`]).

use std::collections::HashMap;

use crate::entities::EntityData;
use crate::model::Article;
use crate::stories::Story;
use crate::text;

use super::index::field_weight2;
use super::query::ParsedQuery;

/// What a search can filter by besides the text: the articles the index was built from, their
/// entities and their stories (a bundle's fields; see [`crate::Bundle::corpus`]).
#[derive(Debug, Clone, Copy)]
pub struct Corpus<'a> {
    /// The articles the index was built from, in bundle order.
    pub articles: &'a [Article],
    /// Entities and mentions of those articles.
    pub entities: &'a EntityData,
    /// Stories over those articles.
    pub stories: &'a [Story],
}

/// The `entity:` and `story:` filters of one query, resolved against a corpus.
#[derive(Debug, Default)]
pub(super) struct Resolved {
    /// Which articles pass every filter; `None` when the query has no such filter.
    pub allowed: Option<Vec<bool>>,
    /// The entities the `entity:` filters stand for (one per filter, in query order, deduplicated).
    pub entities: Vec<u32>,
}

/// Resolves and applies the query's `entity:` and `story:` filters over the first `n_docs`
/// articles: marks each filter applied, and notes values that name nothing. Filters AND together.
pub(super) fn resolve(corpus: &Corpus<'_>, parsed: &mut ParsedQuery, n_docs: usize) -> Resolved {
    let mut resolved = Resolved::default();
    if parsed.entities.is_empty() && parsed.stories.is_empty() {
        return resolved;
    }
    let mut allowed = vec![true; n_docs];
    for filter in &mut parsed.entities {
        filter.applied = true;
        // The best match only: "Kadhimi" means the prime minister, not every al-Kadhimi.
        let Some(entity) = corpus.entities.find_by_alias(&filter.value).first().copied() else {
            parsed.notes.push(format!("There is no entity called “{}”, so nothing matches.", filter.value));
            allowed.fill(false);
            continue;
        };
        let mut mentioned = vec![false; n_docs];
        for mention in corpus.entities.mentions_of(entity) {
            if let Some(slot) = mentioned.get_mut(mention.article as usize) {
                *slot = true;
            }
        }
        if !mentioned.contains(&true) {
            let name =
                corpus.entities.entities.get(entity as usize).map_or(filter.value.as_str(), |e| &e.name);
            parsed.notes.push(format!("No article mentions {name}."));
        }
        and_in(&mut allowed, &mentioned);
        if !resolved.entities.contains(&entity) {
            resolved.entities.push(entity);
        }
    }
    if !parsed.stories.is_empty() {
        let index_of: HashMap<&str, usize> =
            corpus.articles.iter().take(n_docs).enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        for filter in &mut parsed.stories {
            filter.applied = true;
            let wanted = text::fold(filter.value.trim());
            let stories: Vec<&Story> = corpus
                .stories
                .iter()
                .filter(|s| {
                    s.id.eq_ignore_ascii_case(filter.value.trim()) || text::fold(&s.label).contains(&wanted)
                })
                .collect();
            if stories.is_empty() {
                parsed
                    .notes
                    .push(format!("There is no story called “{}”, so nothing matches.", filter.value));
            }
            let mut in_story = vec![false; n_docs];
            for id in stories.iter().flat_map(|s| &s.articles) {
                if let Some(&i) = index_of.get(id.as_str()) {
                    in_story[i] = true;
                }
            }
            and_in(&mut allowed, &in_story);
        }
    }
    resolved.allowed = Some(allowed);
    resolved
}

fn and_in(allowed: &mut [bool], other: &[bool]) {
    for (a, o) in allowed.iter_mut().zip(other) {
        *a &= *o;
    }
}

/// Raw ranges of the mentions of `entities` in `article` (number `doc`), sorted, with the position
/// in `entities` of the entity each one names. A range that is not a slice of one of the article's
/// blocks (entity data from another build) is left out.
pub(super) fn mention_marks(
    data: &EntityData,
    entities: &[u32],
    article: &Article,
    doc: u32,
) -> Vec<(usize, usize, usize)> {
    if entities.is_empty() {
        return Vec::new();
    }
    data.mentions_in(doc)
        .iter()
        .filter_map(|m| {
            let k = entities.iter().position(|&e| Some(e) == m.entity())?;
            let (start, end) = (m.start as usize, m.end as usize);
            let block = article.block_at(start)?;
            let text = block.text.get(start - block.start..end.checked_sub(block.start)?)?;
            (!text.is_empty()).then_some((start, end, k))
        })
        .collect()
}

/// How strongly an article is about the filtered entities when the query has no words: its
/// mentions of them, a title mention counting three times a paragraph's.
pub(super) fn mention_score(article: &Article, marks: &[(usize, usize, usize)]) -> f32 {
    let weight2: u32 =
        marks.iter().map(|&(start, ..)| article.block_at(start).map_or(2, |b| field_weight2(b.kind))).sum();
    weight2 as f32 / 2.0
}
