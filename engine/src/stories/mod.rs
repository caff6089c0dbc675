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
use crate::entities::EntityData;
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
    if articles.is_empty() {
        return Grouped::default();
    }
    // The vectors and their candidate index need only each article's day of writing, not the
    // date clues behind it (a few hundred bytes per article, a GB-scale build's largest part
    // after the texts and mentions): the days are read from a first `Dating`, dropped before the
    // vectors are made, and the clustering's `Dating` is made again once they are gone (the
    // same values; about 3% more CPU time for a peak lower by the clues).
    let days: Vec<Option<Day>> = {
        let dating = Dating::new(articles, entities, terms);
        (0..articles.len()).map(|i| dating.day_of_writing(i)).collect()
    };
    let features::Features { vectors, n_terms, cut } = features::vectors_in_time(articles, entities, &days);
    let mut edges = graph::neighbours(&vectors, n_terms, graph::Limits::for_corpus(articles.len()));
    // Reports that put their events in different places are weaker evidence of one story.
    let places: Vec<place::Places> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| place::event_places(a, u32::try_from(i).unwrap_or(u32::MAX), entities))
        .collect();
    place::weigh_places(&mut edges, &places);
    drop(places);
    // The clustering reads the graph only: the vectors go before it runs.
    drop(vectors);
    let dating = Dating::new(articles, entities, terms);
    let times = ArticleTimes { dating: &dating, articles };
    let groups = graph::cluster(articles.len(), &edges, STORY_THRESHOLD, &times, SPANS);
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
