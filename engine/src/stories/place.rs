//! Where an article says its event happened: the places its headline and its first sentence put
//! the event "in" or "at" ("ministers meet in La Paz", "met in Santiago on Monday"). Two reports
//! that put their events in different places are weaker evidence of one story than their shared
//! names suggest: the same two ministers meeting in Santiago and three weeks later in La Paz.
//!
//! Only the headline and the lede's first sentence count, and a clause that dates its own event
//! by a month or a year ("the plan agreed in Nairobi in May") tells the background, not the
//! event. An article that puts its event nowhere says nothing either way.

use crate::compare::split_sentences;
use crate::entities::{EntityData, Mention, MentionKind, Value};
use crate::model::{Article, BlockKind};

use super::graph::Edge;

/// How much of their similarity two articles keep when each puts its event somewhere and no
/// place is common to both: enough to join a story whose other reports agree (a cyclone reported
/// from two countries), not enough to pull a report away from the articles of its own place.
pub const PLACES_APART: f32 = 0.5;

/// Bytes of a headline or first sentence read for places.
const MAX_LEDE_BYTES: usize = 1_000;

/// Words before a place that make it where the event happened.
const AT_WORDS: &[&str] = &["in", "at"];

/// Where one article puts its event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    /// The places (entity indices, sorted) it puts its event in.
    pub event: Vec<u32>,
    /// Every place its headline and first sentence name (sorted): a report "in Quelimane,
    /// Mozambique" does not put its event apart from one "in Mozambique".
    pub named: Vec<u32>,
}

/// The places article `index` puts its event in, and those its headline and lede name.
pub fn event_places(article: &Article, index: u32, entities: &EntityData) -> Places {
    let mentions = entities.mentions_in(index);
    let mut out = Vec::new();
    let mut named = Vec::new();
    let title = article.blocks.iter().find(|b| b.kind == BlockKind::Title);
    // The first paragraph: a heading before it is often the outlet's name or a kicker.
    let lede = article.blocks.iter().find(|b| b.kind == BlockKind::Paragraph);
    for block in title.into_iter().chain(lede) {
        let end = if block.kind == BlockKind::Title {
            block.text.len()
        } else {
            split_sentences(&block.text).first().map_or(block.text.len(), |&(_, e)| e)
        };
        // A bound on the work: a "sentence" of a megabyte is read for its first places only.
        let mut end = end.min(MAX_LEDE_BYTES);
        while !block.text.is_char_boundary(end) {
            end -= 1;
        }
        let Some(text) = block.text.get(..end) else { continue };
        let (from, to) = (block.start, block.start + end);
        let inside: Vec<&Mention> =
            mentions.iter().filter(|m| from <= m.start as usize && (m.start as usize) < to).collect();
        for mention in &inside {
            let (MentionKind::Place, Some(entity)) = (mention.kind(), mention.entity()) else { continue };
            named.push(entity);
            let at = (mention.start as usize).saturating_sub(from);
            let Some(before) = text.get(..at) else { continue };
            let word_before = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            let placed = AT_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word_before));
            if !placed || dated_clause(text, from, at, &inside) {
                continue;
            }
            out.push(entity);
        }
    }
    for list in [&mut out, &mut named] {
        list.sort_unstable();
        list.dedup();
    }
    Places { event: out, named }
}

/// Whether the clause of `text` around byte `at` holds a date with a month or a year (not a
/// weekday): the clause tells another time than the article's event.
fn dated_clause(text: &str, from: usize, at: usize, mentions: &[&Mention]) -> bool {
    let is_cut = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–');
    let start = text.get(..at).and_then(|t| t.rfind(is_cut)).map_or(0, |i| i + 1);
    let end = text.get(at..).and_then(|t| t.find(is_cut)).map_or(text.len(), |i| at + i);
    mentions.iter().any(|m| {
        let local = (m.start as usize).saturating_sub(from);
        let dated = matches!(m.value.as_deref(), Some(Value::Date(d)) if d.from.month.is_some() || d.from.year.is_some());
        dated && (start..end).contains(&local)
    })
}

/// Whether two articles put their events in different places: each puts it somewhere, and
/// neither's headline or lede names a place the other puts it in.
fn apart(a: &Places, b: &Places) -> bool {
    let names_any = |named: &[u32], event: &[u32]| event.iter().any(|p| named.binary_search(p).is_ok());
    !a.event.is_empty()
        && !b.event.is_empty()
        && !names_any(&a.named, &b.event)
        && !names_any(&b.named, &a.event)
}

/// The edges with the similarity of two articles that put their events in different places
/// scaled by [`PLACES_APART`]. Linear in the edges.
pub fn weigh_places(edges: &mut [Edge], places: &[Places]) {
    for edge in edges.iter_mut() {
        let (Some(a), Some(b)) = (places.get(edge.0), places.get(edge.1)) else { continue };
        if apart(a, b) {
            edge.2 *= PLACES_APART;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{build_bundle_with, BuildOptions, Bundle, SourceInput};

    fn built(files: &[(&str, &str)]) -> Bundle {
        let sources: Vec<SourceInput<'_>> =
            files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
        build_bundle_with(&sources, "", &BuildOptions { stories: false }).bundle
    }

    fn places_of(bundle: &Bundle, i: usize) -> Vec<String> {
        event_places(&bundle.articles[i], i as u32, &bundle.entities)
            .event
            .into_iter()
            .map(|e| bundle.entities.entities[e as usize].name.clone())
            .collect()
    }

    #[test]
    fn the_event_is_where_the_headline_and_first_sentence_put_it() {
        let bundle = built(&[
            (
                "a.txt",
                "Ministers meet in Mogadishu\n\nThe ministers held talks in Mogadishu on Tuesday, \
                 reviewing the plan agreed in Nairobi in May.\n\nLater they flew to Kismayo and met traders in Garissa.\n",
            ),
            ("b.txt", "Border talks end without a deal\n\nKenya and Somalia ended their talks on Tuesday.\n"),
        ]);
        // Nairobi is where an earlier, dated event happened; Kismayo and Garissa come after the lede.
        assert_eq!(places_of(&bundle, 0), ["Mogadishu"]);
        // Named, but not as where the event happened.
        assert!(places_of(&bundle, 1).is_empty());
    }

    #[test]
    fn only_reports_placed_in_different_places_lose_similarity() {
        let at = |event: &[u32], named: &[u32]| Places { event: event.to_vec(), named: named.to_vec() };
        let mut edges: Vec<Edge> = vec![(0, 1, 0.4), (0, 2, 0.4), (1, 2, 0.4), (2, 3, 0.4), (2, 4, 0.4)];
        // 4 puts its event in a city and names the country 2 puts its event in.
        let places = [at(&[1], &[1]), at(&[1, 2], &[1, 2]), at(&[3], &[3]), at(&[], &[]), at(&[5], &[3, 5])];
        weigh_places(&mut edges, &places);
        assert_eq!(edges, [(0, 1, 0.4), (0, 2, 0.2), (1, 2, 0.2), (2, 3, 0.4), (2, 4, 0.4)]);
    }

    #[test]
    fn an_undated_report_joins_the_meeting_in_the_place_it_names_not_the_earlier_one() {
        let bundle = built(&[
            (
                "santiago.txt",
                "Chile and Bolivia open talks on the Silala in Santiago\n\nJune 5, 2023\n\nChile and Bolivia \
                 opened talks on the Silala river in Santiago on Monday, Foreign Ministers Alberto van Klaveren \
                 and Rogelio Mayta said. Bolivia and Chile agreed to set up a commission.\n",
            ),
            (
                "lapaz.txt",
                "Silala commission meets as ministers gather in La Paz\n\nJune 27, 2023\n\nRogelio Mayta \
                 hosted Alberto van Klaveren in La Paz on Monday for talks on the Silala river.\n",
            ),
            (
                "undated.txt",
                "Second round of Silala talks ends without a deal\n\nA second round of talks between Bolivia \
                 and Chile on the Silala river ended in La Paz on Monday, Rogelio Mayta said.\n\nAlberto van \
                 Klaveren said the commission set up in Santiago had begun its work.\n",
            ),
        ]);
        let grouped = super::super::group(&bundle.articles, &bundle.entities, &Default::default());
        let files = |s: &super::super::Story| -> Vec<String> {
            s.articles
                .iter()
                .filter_map(|id| bundle.articles.iter().find(|a| &a.id == id))
                .map(|a| a.file.clone())
                .collect()
        };
        let stories: Vec<Vec<String>> = grouped.stories.iter().map(files).collect();
        assert_eq!(
            stories,
            [vec!["santiago.txt".to_string()], vec!["lapaz.txt".into(), "undated.txt".into()]]
        );
    }
}
