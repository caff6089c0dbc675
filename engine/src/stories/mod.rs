//! Stories: articles that report the same event, grouped by shared entities, relations and facts
//! within a window of time, each with a label, a time span and links to the earlier stories it
//! follows from.
//!
//! 1. Each article becomes a TF-IDF vector ([`features`]): content terms, the entities the entity
//!    layer found, pairs of entities named in one sentence, figures.
//! 2. Its own text bounds when it was written ([`crate::dates::Dating`]).
//! 3. Two articles that put their events in different places ("met in Santiago", "ended in La
//!    Paz") keep half their similarity ([`place`]).
//! 4. Articles are merged by average-linkage clustering over a sparse similarity graph
//!    ([`graph`]) while the best pair of groups has a cosine of at least [`STORY_THRESHOLD`] and
//!    all their members fit in [`WINDOW_DAYS`] days, their reports (previews aside) in
//!    [`REPORT_WINDOW_DAYS`]: articles months apart are different stories even with the same
//!    people, and so is a second meeting weeks after the first.
//! 5. Each article's date is then settled with its story's help (an article that never says when
//!    it was written takes its story's date), and each story gets its label ("Kadhimi · Trump —
//!    visit, Aug 2020"), its span, and "follows from" links to earlier stories its articles
//!    resemble ([`describe`]).
//!
//! Every article ends up in exactly one story: a story of one article is kept, labelled with
//! its headline (the UI offers "Compare coverage" only for stories with two or more).
//!
//! # Cost
//!
//! Linear in the corpus at each stage, with explicit bounds: at most
//! [`features::MAX_WORDS_PER_ARTICLE`] words and [`features::MAX_ENTITIES_PER_SENTENCE`]
//! entities per sentence read per article (a diagnostic names each article cut short), at most
//! 20 candidate neighbours per article, a merge queue of at most 20n edges.
//!
//! ```
//! use parallax_engine::{build_bundle, SourceInput};
//!
//! let a = "Talks on the dam\n\nEgypt and Ethiopia held talks on the Nile dam in Cairo on 3 March 2022.\n";
//! let b = "Dam talks in Cairo\n\nEthiopia and Egypt met in Cairo on 3 March 2022 for talks on the Nile dam.\n";
//! let built = build_bundle(&[SourceInput { name: "a.txt", bytes: a.as_bytes() }, SourceInput { name: "b.txt", bytes: b.as_bytes() }], "");
//! assert_eq!(built.bundle.stories.len(), 1);
//! assert_eq!(built.bundle.stories[0].from.as_deref(), Some("2022-03"));
//! ```

pub mod describe;
pub mod features;
pub mod graph;
pub mod place;

use serde::{Deserialize, Serialize};

use crate::dates::calendar::Day;
use crate::dates::{Dating, OfficeTerms, PublicationDate};
use crate::entities::{EntityData, Mention, ParkedValues, Value};
use crate::model::{Article, Diagnostic, Severity};

/// A group of articles reporting the same event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    /// Stable slug made from the label (unique within a corpus).
    pub id: String,
    /// Generated label: the entities its articles share, the event and the month
    /// ("Kadhimi · Trump — visit, Aug 2020"); a one-article story is its headline.
    pub label: String,
    /// Article ids, in corpus order.
    pub articles: Vec<String>,
    /// Date of its earliest article (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), where dated.
    pub from: Option<String>,
    /// Date of its latest article, where dated.
    pub to: Option<String>,
    /// Ids of earlier stories about the same people that this one follows from, closest first.
    pub follows: Vec<String>,
}

/// Minimum average cosine between two groups of articles for them to be one story.
///
/// Chosen on the seed corpus (test `story_threshold_separates_the_seed_stories`) and the
/// invented story set (`engine/tests/stories_judged.rs`).
pub const STORY_THRESHOLD: f32 = 0.08;

/// The longest stretch of time one story spans, in days.
pub const WINDOW_DAYS: Day = 31;

/// The longest stretch of time between the reports of one story (previews aside), in days: a
/// story told over several days (a storm's rising toll) stays one, the same people meeting again
/// weeks later are a new story.
pub const REPORT_WINDOW_DAYS: Day = 14;

/// Both limits, as the clustering takes them.
pub const SPANS: graph::Spans = graph::Spans { any: WINDOW_DAYS, reports: REPORT_WINDOW_DAYS };

/// Stories, the final publication dates and what was cut to bound the work.
#[derive(Debug, Clone, Default)]
pub struct Grouped {
    /// Every article in exactly one story, stories ordered by their first article.
    pub stories: Vec<Story>,
    /// Each article's publication date (by article index), settled with its story's help.
    pub dates: Vec<Option<PublicationDate>>,
    /// One note per article read only in part.
    pub diagnostics: Vec<Diagnostic>,
}

/// Groups articles that report the same event, and dates every article. `terms` are the
/// knowledge base's terms of office (may be empty).
pub fn group(articles: &[Article], entities: &EntityData, terms: &OfficeTerms) -> Grouped {
    group_in(articles, &mut Held::Shared(entities), terms, articles.len())
}

/// [`group`] in less memory, for a large build (the same stories, dates and mentions): the
/// articles' days of writing, which the vectors need, are read [`DATING_CHUNK`] articles at a
/// time, so the date clues of only that many are held at once; and the mentions' dates and
/// figures are packed ([`EntityData::park_values`]) while the stages that do not read them run,
/// dates once those days are read, figures once the vectors are made, both put back once the
/// vectors and their candidate index are gone: the vectors' peak no longer meets the values.
pub fn group_lean(articles: &[Article], entities: &mut EntityData, terms: &OfficeTerms) -> Grouped {
    group_in(articles, &mut Held::Owned(entities), terms, DATING_CHUNK)
}

/// The entity data [`group`] reads, and whether it may pack the values for a while.
enum Held<'a> {
    Shared(&'a EntityData),
    Owned(&'a mut EntityData),
}

impl Held<'_> {
    fn get(&self) -> &EntityData {
        match self {
            Held::Shared(entities) => entities,
            Held::Owned(entities) => entities,
        }
    }

    /// Packs the values `park` picks, where the data may be changed.
    fn park(&mut self, park: impl Fn(&Value) -> bool) -> Option<ParkedValues> {
        match self {
            Held::Shared(_) => None,
            Held::Owned(entities) => Some(entities.park_values(park)),
        }
    }

    fn restore(&mut self, parked: Option<ParkedValues>) {
        if let (Held::Owned(entities), Some(parked)) = (self, parked) {
            entities.restore_values(parked);
        }
    }
}

/// Articles whose date clues [`group_lean`] holds at once while it reads their days of writing.
pub const DATING_CHUNK: usize = 4096;

/// What the vectors and the clustering ask of an article's time of writing, from its own text.
#[derive(Debug, Clone, Copy)]
struct OwnTime {
    window: graph::Window,
    floats: bool,
    day: Option<Day>,
}

fn own_times<'a>(dating: &'a Dating<'_>, n: usize) -> impl Iterator<Item = OwnTime> + 'a {
    (0..n).map(|i| OwnTime {
        window: graph::Window { any: dating.window(i), report: dating.report_window(i) },
        floats: dating.floats(i),
        day: dating.day_of_writing(i),
    })
}

/// The mentions of article `index` numbered as the first article of a one-slice corpus's data
/// (`first` is the slice's first article): a `Dating` of an article reads its own text and
/// mentions only, so a slice's tells the same as the whole corpus's.
fn mentions_from(mentions: &[Mention], first: u32, end: u32) -> impl Iterator<Item = Mention> + '_ {
    let from = mentions.partition_point(|m| m.article < first);
    let to = mentions.partition_point(|m| m.article < end);
    mentions[from..to].iter().map(move |m| m.in_article(m.article - first))
}

impl Held<'_> {
    /// Each article's windows, whether it floats and its day of writing, from its own text
    /// ([`Dating::window`], [`Dating::floats`], [`Dating::day_of_writing`]), the articles read
    /// `chunk` at a time where the data may be changed (see [`mentions_from`]), so the date
    /// clues of only that many are held at once.
    fn own_times(&mut self, articles: &[Article], terms: &OfficeTerms, chunk: usize) -> Vec<OwnTime> {
        let entities = match self {
            Held::Owned(entities) if chunk < articles.len() => entities,
            _ => {
                let dating = Dating::new(articles, self.get(), terms);
                return own_times(&dating, articles.len()).collect();
            }
        };
        // The entity list is lent to each slice's data, and given back.
        let mut part = EntityData { entities: std::mem::take(&mut entities.entities), mentions: Vec::new() };
        let mut times = Vec::with_capacity(articles.len());
        for (c, slice) in articles.chunks(chunk.max(1)).enumerate() {
            let first = u32::try_from(c * chunk.max(1)).unwrap_or(u32::MAX);
            let end = first.saturating_add(u32::try_from(slice.len()).unwrap_or(u32::MAX));
            part.mentions.clear();
            part.mentions.extend(mentions_from(&entities.mentions, first, end));
            let dating = Dating::new(slice, &part, terms);
            times.extend(own_times(&dating, slice.len()));
        }
        entities.entities = part.entities;
        times
    }

    /// The clustering without a `Dating` of the whole corpus held beside its maps, where the
    /// data may be changed: windows from `own`, and an article's windows near a group's day read
    /// from a `Dating` of that article alone (as often as the clustering asks, a few per merge
    /// at most). None where the data is shared.
    fn cluster_lean(
        &mut self,
        articles: &[Article],
        own: &[OwnTime],
        edges: &[graph::Edge],
        terms: &OfficeTerms,
    ) -> Option<Vec<Vec<usize>>> {
        let Held::Owned(entities) = self else { return None };
        let EntityData { entities: list, mentions } = &mut **entities;
        let part =
            std::cell::RefCell::new(EntityData { entities: std::mem::take(list), mentions: Vec::new() });
        let times = OwnTimes { own, articles, mentions, part: &part, terms };
        let groups = graph::cluster(articles.len(), edges, STORY_THRESHOLD, &times, SPANS);
        *list = part.into_inner().entities;
        Some(groups)
    }
}

/// The articles' times of writing for [`Held::cluster_lean`].
struct OwnTimes<'a> {
    own: &'a [OwnTime],
    articles: &'a [Article],
    mentions: &'a [Mention],
    /// The entity list, and the mentions of the one article being read.
    part: &'a std::cell::RefCell<EntityData>,
    terms: &'a OfficeTerms,
}

impl graph::Times for OwnTimes<'_> {
    fn window(&self, i: usize) -> graph::Window {
        let open = graph::Window { any: crate::dates::OPEN_WINDOW, report: crate::dates::OPEN_WINDOW };
        self.own.get(i).map_or(open, |t| t.window)
    }
    fn floats(&self, i: usize) -> bool {
        self.own.get(i).is_some_and(|t| t.floats)
    }
    fn near(&self, i: usize, day: Day) -> graph::Window {
        let Some(slice) = self.articles.get(i..i + 1) else { return graph::Times::window(self, i) };
        let mut part = self.part.borrow_mut();
        let first = u32::try_from(i).unwrap_or(u32::MAX);
        part.mentions.clear();
        part.mentions.extend(mentions_from(self.mentions, first, first.saturating_add(1)));
        let dating = Dating::new(slice, &part, self.terms);
        let (any, report) = dating.windows_near(slice, 0, day);
        graph::Window { any, report }
    }
}

fn group_in(articles: &[Article], held: &mut Held<'_>, terms: &OfficeTerms, dating_chunk: usize) -> Grouped {
    if articles.is_empty() {
        return Grouped::default();
    }
    // The vectors and their candidate index need only each article's day of writing, not the
    // date clues behind it (a few hundred bytes per article, a GB-scale build's largest part
    // after the texts and mentions): the days are read from a first `Dating`, dropped before the
    // vectors are made, and the clustering's `Dating` is made again once they are gone (the
    // same values; about 3% more CPU time for a peak lower by the clues).
    let own = held.own_times(articles, terms, dating_chunk);
    let days: Vec<Option<Day>> = own.iter().map(|t| t.day).collect();
    // The vectors read figures, not dates; their candidate index reads neither.
    let dates_parked = held.park(|value| matches!(value, Value::Date(_)));
    let features::Features { vectors, n_terms, cut } = features::vectors_in_time(articles, held.get(), &days);
    let figures_parked = held.park(|value| matches!(value, Value::Figure(_)));
    let mut edges = graph::neighbours(&vectors, n_terms, graph::Limits::for_corpus(articles.len()));
    // The clustering reads the graph only: the vectors go before it runs.
    drop(vectors);
    held.restore(figures_parked);
    held.restore(dates_parked);
    drop(days);
    // Reports that put their events in different places are weaker evidence of one story (the
    // places read the dates beside them, so after the values are back).
    let places: Vec<place::Places> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| place::event_places(a, u32::try_from(i).unwrap_or(u32::MAX), held.get()))
        .collect();
    place::weigh_places(&mut edges, &places);
    drop(places);
    // Where it may, the clustering runs before the whole corpus's `Dating` is made (its clues
    // are the stage's largest part after the corpus): only the dates need that.
    let lean = held.cluster_lean(articles, &own, &edges, terms);
    drop(own);
    let entities = held.get();
    let dating = Dating::new(articles, entities, terms);
    let groups = lean.unwrap_or_else(|| {
        let times = ArticleTimes { dating: &dating, articles };
        graph::cluster(articles.len(), &edges, STORY_THRESHOLD, &times, SPANS)
    });
    let similar: Vec<graph::Edge> = edges.iter().copied().filter(|e| e.2 >= STORY_THRESHOLD).collect();
    let dates = dating.with_stories(articles, &groups, &similar);
    let mut cut: Vec<usize> = cut.into_iter().chain(dating.truncated.iter().copied()).collect();
    cut.sort_unstable();
    cut.dedup();
    // Describing the stories needs the dates, not the clues behind them: the clues go first.
    drop((dating, similar));
    let stories =
        describe::describe(&describe::Corpus { articles, entities, dates: &dates }, &groups, &edges);
    let diagnostics = cut
        .into_iter()
        .filter_map(|i| articles.get(i))
        .map(|a| Diagnostic {
            file: a.file.clone(),
            severity: Severity::Info,
            message: format!(
                "“{}” is very long: stories and dates use its first {} words, {} names per sentence and {} dates",
                a.title.text,
                features::MAX_WORDS_PER_ARTICLE,
                features::MAX_ENTITIES_PER_SENTENCE,
                crate::dates::clues::MAX_CLUES_PER_ARTICLE
            ),
        })
        .collect();
    Grouped { stories, dates, diagnostics }
}

/// The articles' times of writing as their own texts bound them, for the clustering.
struct ArticleTimes<'a> {
    dating: &'a Dating<'a>,
    articles: &'a [Article],
}

impl graph::Times for ArticleTimes<'_> {
    fn window(&self, i: usize) -> graph::Window {
        graph::Window { any: self.dating.window(i), report: self.dating.report_window(i) }
    }
    fn floats(&self, i: usize) -> bool {
        self.dating.floats(i)
    }
    fn near(&self, i: usize, day: Day) -> graph::Window {
        let (any, report) = self.dating.windows_near(self.articles, i, day);
        graph::Window { any, report }
    }
}

/// Groups articles that report the same event ([`group`] without the dates).
pub fn stories(articles: &[Article], entities: &EntityData) -> Vec<Story> {
    group(articles, entities, &OfficeTerms::default()).stories
}

/// Pairwise article similarity (cosine of the vectors [`stories`] uses).
///
/// This is the full n × n matrix (O(n²) time and memory): a helper for small inputs and tests.
/// [`stories`] itself only ever computes the similarities of candidate neighbours.
pub fn similarity_matrix(articles: &[Article], entities: &EntityData) -> Vec<Vec<f32>> {
    let v = features::vectors(articles, entities).vectors;
    (0..v.len())
        .map(|i| (0..v.len()).map(|j| if i == j { 1.0 } else { graph::cosine(&v[i], &v[j]) }).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lean_grouping_gives_the_same_stories_and_dates_and_keeps_every_value() {
        let files = crate::synth::corpus(60, 7);
        let sources: Vec<crate::SourceInput<'_>> =
            files.iter().map(|(name, text)| crate::SourceInput { name, bytes: text.as_bytes() }).collect();
        let bundle = crate::build_bundle(&sources, "").bundle;
        assert!(bundle.entities.mentions.iter().any(|m| m.value.is_some()));
        let terms = OfficeTerms::default();
        let shared = group(&bundle.articles, &bundle.entities, &terms);
        let mut entities = bundle.entities.clone();
        // Days of writing read 7 articles at a time: several slices, the last one short.
        let lean = group_in(&bundle.articles, &mut Held::Owned(&mut entities), &terms, 7);
        assert!(shared.stories.iter().any(|s| s.articles.len() > 1));
        assert_eq!((lean.stories, lean.dates), (shared.stories, shared.dates));
        assert_eq!(entities, bundle.entities);
    }
}
