//! Publication dates: when each article was written, stated or estimated, with the evidence and
//! how precise it is.
//!
//! Most articles never state their date, but their text pins it down. [`Dating::new`] reads the
//! date mentions the entity layer found in each article ([`clues`]) and bounds its time of
//! writing:
//!
//! - **stated**: the cleaner's [`Article::date`] (metadata, "Published: …"), or a line opening
//!   with "Posted", "Published" or "Updated" and a full date ("Posted by News Desk | July 27, 2021");
//! - **a dated caption** ("… in Baghdad, Iraq, Wednesday, April 23, 2025. (AP)"): the day itself;
//! - **past events** give a lower bound (the article was written after "Between August 4 and 18"
//!   and after "since May 2020"); the latest one is the best guess of when it was written;
//! - **announced events** give an upper bound ("will travel to Washington in July": written
//!   before July), and a weekday announced beside a dated event is the next such day ("expected
//!   to meet with President Trump Thursday" after "August 18, 2020" is Thursday, August 20).
//!
//! A date without a year ("in July", "August 4 and 18") takes it from the article's own dated
//! events or, in a second pass ([`Dating::with_stories`]), from the dates of the other articles
//! of its story; an article whose own text says nothing takes its story's date, and so does one
//! whose text only bounds it (written after an event it reports, before one it announces) when
//! the story's date lies within those bounds. An article still undated whose text has dates
//! without a year ("six weeks after convicting him on March 12") places them near the date of its
//! most similar dated article (another story about the same people): the year comes from there.
//!
//! Cost: one pass over each article's date mentions, at most [`clues::MAX_CLUES_PER_ARTICLE`]
//! per article, then one pass over each story's members.
//!
//! ```
//! use parallax_engine::{build_bundle, SourceInput};
//!
//! let raw = "Minister to visit Paris\n\nThe minister will travel to Paris on 3 March 2022, aides said after talks on 14 February 2022.\n";
//! let built = build_bundle(&[SourceInput { name: "a.txt", bytes: raw.as_bytes() }], "");
//! let date = built.bundle.dates[0].as_ref().unwrap();
//! assert_eq!(date.iso(), "2022-02");
//! assert_eq!(date.source, parallax_engine::dates::DateSource::Estimated);
//! ```

pub mod calendar;
pub mod clues;
mod estimate;
pub mod relative;
pub mod terms;

use serde::{Deserialize, Serialize};

use crate::entities::EntityData;
use crate::model::Article;

use calendar::{civil, Day};
use clues::{Clue, Office};
pub use estimate::Estimate;
pub use terms::OfficeTerms;

/// How wide a window may be and still count as the day of writing ([`Dating::day_of_writing`]).
const DAY_OF_WRITING_SLACK: Day = 3;

/// The window of days of an article whose text says nothing about its date: any day.
pub const OPEN_WINDOW: (Day, Day) = estimate::OPEN;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Day, month and year.
    Day,
    /// Month and year.
    Month,
    /// The year only.
    Year,
}

/// Where a publication date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// The page or the text states it.
    Stated,
    /// Worked out from the dates the text (or its story) mentions.
    Estimated,
}

/// What a piece of evidence says about the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceKind {
    /// A statement of the article's own date.
    Stated,
    /// A dated photo caption.
    Caption,
    /// An event reported as past: the article was written after it.
    After,
    /// An event announced: the article was written before it.
    Before,
    /// The date of another article of the same story.
    Story,
    /// A person named with a title held for a known term ("US President Joe Biden").
    InOffice,
}

/// One piece of evidence for a publication date: a span of some article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateEvidence {
    /// What it says.
    pub kind: EvidenceKind,
    /// Index of the article holding the text (the article itself, or another of its story).
    pub article: u32,
    /// Raw-file byte offset of the text in that article.
    pub start: usize,
    /// End of the text.
    pub end: usize,
    /// The text as written ("Between August 4 and 18").
    pub text: String,
}

/// When an article was published, as precisely as the evidence allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicationDate {
    /// The year.
    pub year: i32,
    /// The month (1-12), unless only the year is known.
    pub month: Option<u8>,
    /// The day, when known to the day.
    pub day: Option<u8>,
    /// Stated or estimated.
    pub source: DateSource,
    /// What the date rests on, strongest first.
    pub evidence: Vec<DateEvidence>,
}

impl PublicationDate {
    /// How precise the date is.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, by precision.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// A sortable key: the first day the date can be (for ordering articles by date).
    pub fn sort_key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

/// The dates of a corpus, worked out in two passes: each article on its own, then with its story.
#[derive(Debug, Clone)]
pub struct Dating<'a> {
    clues: Vec<Vec<Clue<'a>>>,
    offices: Vec<Vec<Office>>,
    own: Vec<Option<Estimate>>,
    /// Articles (indices) whose date mentions were more than [`clues::MAX_CLUES_PER_ARTICLE`].
    pub truncated: Vec<usize>,
}

impl<'a> Dating<'a> {
    /// Reads every article's date clues and estimates each date from its own text; `terms` are
    /// the knowledge base's terms of office ([`OfficeTerms::parse`], may be empty). Articles are
    /// read on every core with feature `parallel`, each on its own, so the result is the same.
    pub fn new(articles: &'a [Article], entities: &'a EntityData, terms: &OfficeTerms) -> Dating<'a> {
        let mut clues_of = Vec::with_capacity(articles.len());
        let mut offices_of = Vec::with_capacity(articles.len());
        let mut own = Vec::with_capacity(articles.len());
        let mut truncated = Vec::new();
        // The article from `articles` itself, not the item handed in: its clues borrow from it.
        let read = |_: &mut (), i: usize, _: &Article| {
            let article = &articles[i];
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            let (clues, cut) = clues::clues(article, index, entities);
            let offices = clues::offices(article, index, entities, terms);
            let estimate = estimate::own(article, index, &clues, &offices, None);
            (clues, cut, offices, estimate)
        };
        crate::par::map_in_order(
            articles,
            || (),
            read,
            |i, (clues, cut, offices, estimate)| {
                if cut {
                    truncated.push(i);
                }
                own.push(estimate);
                // Copied to their exact size, on the thread that keeps them: lists grown a push
                // at a time are a quarter empty on average, and a corpus's clues are held while
                // its stories are clustered (at 100,000 articles, two million clues of 72 bytes).
                clues_of.push(clues.to_vec());
                offices_of.push(offices.to_vec());
            },
        );
        Dating { clues: clues_of, offices: offices_of, own, truncated }
    }

    /// The days an article can have been written on, from its own text, for grouping stories
    /// in time: `(earliest, latest)`, wide open when the text says nothing.
    pub fn window(&self, article: usize) -> (Day, Day) {
        self.own.get(article).and_then(Option::as_ref).map_or(estimate::OPEN, Estimate::window)
    }

    /// The days an article reporting an event can have been written on: its [`Dating::window`],
    /// or wide open for an article whose headline or lede announces an event (a preview is
    /// written days or weeks before the reports of its event).
    pub fn report_window(&self, article: usize) -> (Day, Day) {
        match self.own.get(article).and_then(Option::as_ref) {
            Some(e) if !e.announces => e.window(),
            _ => estimate::OPEN,
        }
    }

    /// The day the article's own text says it was written, to within a few days (a stated
    /// date, a dated caption, a day-precise bound on both sides), if it does.
    pub fn day_of_writing(&self, article: usize) -> Option<Day> {
        let (lo, hi) = self.window(article);
        (lo > estimate::OPEN.0 && hi < estimate::OPEN.1 && hi - lo <= DAY_OF_WRITING_SLACK)
            .then_some(lo + (hi - lo) / 2)
    }

    /// Whether the article's own text leaves its window open on a side while it has date
    /// mentions, some of which only a time of reference can place (dates without a year).
    pub fn floats(&self, article: usize) -> bool {
        let (lo, hi) = self.window(article);
        let open = lo <= estimate::OPEN.0 || hi >= estimate::OPEN.1;
        open && self.clues.get(article).is_some_and(|c| c.iter().any(|c| c.value.from.year.is_none()))
    }

    /// The article's windows ([`Dating::window`], [`Dating::report_window`]) once its dates
    /// without a year are placed near `day`, as they would be in a story dated then. Only what
    /// the text bounds counts (written after the events it reports, before those it announces):
    /// an undated second round of talks may recall the first one's day weeks later.
    pub fn windows_near(&self, articles: &[Article], article: usize, day: Day) -> ((Day, Day), (Day, Day)) {
        let (Some(a), Some(clues), Some(offices)) =
            (articles.get(article), self.clues.get(article), self.offices.get(article))
        else {
            return (self.window(article), self.report_window(article));
        };
        let index = u32::try_from(article).unwrap_or(u32::MAX);
        let anchor = estimate::StoryAnchor { day, evidence: None, joins: false };
        match estimate::own(a, index, clues, offices, Some(anchor)) {
            Some(e) if e.announces => (e.bounds(), estimate::OPEN),
            Some(e) => (e.bounds(), e.bounds()),
            None => (estimate::OPEN, estimate::OPEN),
        }
    }

    /// Final dates, given the stories (groups of article indices): an article whose own text
    /// gives no day-precise evidence takes the year of its undated mentions, or its date, from
    /// the other articles of its story. One that is still undated while its text has dates
    /// without a year ("six weeks after convicting him on March 12") places them near the date
    /// of its most similar dated article among `similar` (pairs of article indices and their
    /// similarity, an article of another story about the same people): the year, never the day,
    /// comes from there.
    pub fn with_stories(
        &self,
        articles: &[Article],
        groups: &[Vec<usize>],
        similar: &[(usize, usize, f32)],
    ) -> Vec<Option<PublicationDate>> {
        let mut out: Vec<Option<Estimate>> = self.own.clone();
        for group in groups.iter().filter(|g| g.len() >= 2) {
            for &member in group {
                let own_strength = self.own.get(member).and_then(Option::as_ref).map_or(0, |e| e.strength);
                if own_strength >= estimate::STRONG {
                    continue;
                }
                let mut mates: Vec<(Day, usize)> = group
                    .iter()
                    .filter(|&&m| m != member)
                    .filter_map(|&m| {
                        let e = self.own.get(m)?.as_ref()?;
                        (e.strength >= estimate::STRONG && e.dated).then_some((e.point, m))
                    })
                    .collect();
                if mates.is_empty() {
                    continue;
                }
                mates.sort_unstable();
                let (anchor, mate) = mates[(mates.len() - 1) / 2];
                let (Some(article), Some(clues), Some(offices)) =
                    (articles.get(member), self.clues.get(member), self.offices.get(member))
                else {
                    continue;
                };
                let index = u32::try_from(member).unwrap_or(u32::MAX);
                let mate_evidence = self.own[mate]
                    .as_ref()
                    .and_then(|e| e.evidence.first())
                    .map(|ev| DateEvidence { kind: EvidenceKind::Story, ..ev.clone() });
                out[member] = estimate::own(
                    article,
                    index,
                    clues,
                    offices,
                    Some(estimate::StoryAnchor { day: anchor, evidence: mate_evidence, joins: true }),
                );
            }
        }
        self.place_by_neighbours(articles, similar, &mut out);
        out.into_iter().map(|e| e.filter(|e| e.dated).map(Estimate::publication)).collect()
    }

    /// Dates the still undated articles with dates without a year near their most similar
    /// firmly dated article ([`Dating::with_stories`]).
    fn place_by_neighbours(
        &self,
        articles: &[Article],
        similar: &[(usize, usize, f32)],
        out: &mut [Option<Estimate>],
    ) {
        let firm_day = |i: usize| {
            let e = self.own.get(i)?.as_ref()?;
            (e.strength >= estimate::STRONG && e.dated).then_some(e.point)
        };
        // Per article: the similarity and day of its most similar firmly dated article (the
        // first one of equal similarity, so the result does not depend on hash order).
        let mut nearest: Vec<Option<(f32, Day)>> = vec![None; out.len()];
        for &(i, j, sim) in similar {
            for (a, b) in [(i, j), (j, i)] {
                let Some(day) = firm_day(b) else { continue };
                if let Some(slot) = nearest.get_mut(a) {
                    if slot.is_none_or(|(s, _)| sim > s) {
                        *slot = Some((sim, day));
                    }
                }
            }
        }
        for (member, slot) in out.iter_mut().enumerate() {
            let undated = slot.as_ref().is_none_or(|e| !e.dated);
            let yearless =
                self.clues.get(member).is_some_and(|c| c.iter().any(|c| c.value.from.year.is_none()));
            let (Some(Some((_, day))), true, true) = (nearest.get(member).copied(), undated, yearless) else {
                continue;
            };
            let (Some(article), Some(clues), Some(offices)) =
                (articles.get(member), self.clues.get(member), self.offices.get(member))
            else {
                continue;
            };
            let index = u32::try_from(member).unwrap_or(u32::MAX);
            let anchor = estimate::StoryAnchor { day, evidence: None, joins: false };
            if let Some(e) = estimate::own(article, index, clues, offices, Some(anchor)).filter(|e| e.dated) {
                *slot = Some(e);
            }
        }
    }
}

/// Every article's publication date, with stories' help where `groups` holds them (empty:
/// each article on its own).
pub fn publication_dates(
    articles: &[Article],
    entities: &EntityData,
    terms: &OfficeTerms,
    groups: &[Vec<usize>],
) -> Vec<Option<PublicationDate>> {
    Dating::new(articles, entities, terms).with_stories(articles, groups, &[])
}

/// The civil date of a day number at a precision, as a [`PublicationDate`] without evidence.
fn date_at(
    day: Day,
    precision: Precision,
    source: DateSource,
    evidence: Vec<DateEvidence>,
) -> PublicationDate {
    let (year, month, d) = civil(day);
    PublicationDate {
        year,
        month: (precision <= Precision::Month).then_some(month),
        day: (precision == Precision::Day).then_some(d),
        source,
        evidence,
    }
}
