//! The timeline: articles by publication date per outlet (stated and estimated apart), story
//! spans, and the dated events the articles mention, binned at one zoom level: years, the months
//! of one year, or the days of one month. A date less precise than the bins (an article dated only
//! "Aug 2020" when the bins are days) is "vague": drawn across the window, not at a guessed day.
//!
//! Dates are compared as day keys, `((year × 12) + month − 1) × 31 + day − 1`: not real day
//! numbers, but ordered like the calendar and cheap, which is all binning needs.

use parallax_engine::dates::DateSource;
use parallax_engine::entities::{MentionKind, Value};
use parallax_engine::Bundle;

use super::basis::Basis;
use super::outlets::OutletColumns;

/// The zoom level: which bins the axis has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Zoom {
    /// One bin per year, over every year with a dated article.
    #[default]
    Years,
    /// The twelve months of one year.
    Year(i32),
    /// The days of one month (year, month 1–12).
    Month(i32, u8),
}

/// A calendar date to the precision known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct When {
    /// Year.
    pub year: i32,
    /// Month 1–12, when known.
    pub month: Option<u8>,
    /// Day, when known.
    pub day: Option<u8>,
}

fn key(year: i32, month: u8, day: u8) -> i64 {
    (i64::from(year) * 12 + i64::from(month.clamp(1, 12)) - 1) * 31 + i64::from(day.clamp(1, 31)) - 1
}

impl When {
    /// First and last day key the date may stand for.
    fn range(self) -> (i64, i64) {
        match (self.month, self.day) {
            (Some(m), Some(d)) => (key(self.year, m, d), key(self.year, m, d)),
            (Some(m), None) => (key(self.year, m, 1), key(self.year, m, 31)),
            _ => (key(self.year, 1, 1), key(self.year, 12, 31)),
        }
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a story's `from`/`to`).
    pub fn parse(iso: &str) -> Option<When> {
        let mut parts = iso.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next().and_then(|m| m.parse().ok()).filter(|m| (1..=12).contains(m));
        let day = parts.next().and_then(|d| d.parse().ok()).filter(|d| (1..=31).contains(d));
        Some(When { year, month, day: month.and(day) })
    }
}

/// Days in a month (Gregorian).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Where a date falls at a zoom level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Inside one bin.
    Bin(usize),
    /// Inside the window, but less precise than one bin.
    Vague,
    /// Outside the window.
    Outside,
}

/// One bin of the axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bin {
    /// The period the bin stands for (year; year and month; or a day).
    pub when: When,
    first: i64,
    last: i64,
}

/// What one outlet published in one bin.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimeCell {
    /// Articles with a stated date.
    pub stated: Vec<usize>,
    /// Articles with an estimated date.
    pub estimated: Vec<usize>,
    /// What the mark's size shows: articles, or (on an entity page) mentions.
    pub weight: usize,
}

/// One outlet's lane.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lane {
    /// One cell per bin.
    pub cells: Vec<TimeCell>,
    /// Articles inside the window dated less precisely than a bin.
    pub vague: TimeCell,
}

/// A story's span on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// Index into `bundle.stories`.
    pub story: usize,
    /// First and last bin it covers.
    pub bins: (usize, usize),
}

/// A dated event an article mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct EventMention {
    /// Article (bundle index).
    pub article: usize,
    /// Raw offset of the date mention, for the link to its sentence.
    pub start: usize,
    /// True when the text gives no year and the article's own year was assumed.
    pub year_assumed: bool,
}

/// The events that fall in one bin.
#[derive(Clone, Debug, PartialEq)]
pub struct EventBin {
    /// The bin.
    pub bin: usize,
    /// Every mention of a date in that bin.
    pub mentions: Vec<EventMention>,
}

/// The picture at one zoom level.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// The zoom level shown.
    pub zoom: Zoom,
    /// The axis.
    pub bins: Vec<Bin>,
    /// One lane per outlet column.
    pub lanes: Vec<Lane>,
    /// Story spans inside the window (corpus timeline only).
    pub spans: Vec<Span>,
    /// Dated events inside the window (corpus timeline only).
    pub events: Vec<EventBin>,
    /// Articles with no date at all.
    pub undated: usize,
    /// Largest cell weight (for scaling marks).
    pub max_weight: usize,
}

impl Timeline {
    /// Where a date falls on this axis.
    pub fn place(&self, when: When) -> Place {
        place(&self.bins, when)
    }
}

fn place(bins: &[Bin], when: When) -> Place {
    let (first, last) = when.range();
    let (Some(lo), Some(hi)) = (bins.first(), bins.last()) else { return Place::Outside };
    if last < lo.first || first > hi.last {
        return Place::Outside;
    }
    // Bins are in calendar order and do not overlap: the only candidate is the first bin that
    // ends on or after the date's first day.
    let i = bins.partition_point(|b| b.last < first);
    match bins.get(i) {
        Some(b) if b.first <= first && last <= b.last => Place::Bin(i),
        _ => Place::Vague,
    }
}

fn bins_for(zoom: Zoom, years: Option<(i32, i32)>) -> Vec<Bin> {
    let bin = |when: When| {
        let (first, last) = when.range();
        Bin { when, first, last }
    };
    match zoom {
        Zoom::Years => match years {
            // At most 60 years on one axis: the newest ones.
            Some((lo, hi)) => {
                (lo.max(hi - 59)..=hi).map(|y| bin(When { year: y, month: None, day: None })).collect()
            }
            None => Vec::new(),
        },
        Zoom::Year(y) => (1..=12).map(|m| bin(When { year: y, month: Some(m), day: None })).collect(),
        Zoom::Month(y, m) => {
            (1..=days_in_month(y, m)).map(|d| bin(When { year: y, month: Some(m), day: Some(d) })).collect()
        }
    }
}

fn when_of(bundle: &Bundle, article: usize) -> Option<(When, DateSource)> {
    let d = bundle.date_of(article)?;
    Some((When { year: d.year, month: d.month, day: d.month.and(d.day) }, d.source))
}

fn lanes_for(
    bundle: &Bundle,
    outlets: &OutletColumns,
    bins: &[Bin],
    weights: &[(usize, usize)],
) -> (Vec<Lane>, usize) {
    let mut lanes = vec![
        Lane { cells: vec![TimeCell::default(); bins.len()], vague: TimeCell::default() };
        outlets.columns.len()
    ];
    let mut undated = 0;
    for &(article, weight) in weights {
        let Some((when, source)) = when_of(bundle, article) else {
            undated += 1;
            continue;
        };
        let Some(lane) = lanes.get_mut(outlets.column_of(article)) else { continue };
        let cell = match place(bins, when) {
            Place::Bin(i) => &mut lane.cells[i],
            Place::Vague => &mut lane.vague,
            Place::Outside => continue,
        };
        match source {
            DateSource::Stated => cell.stated.push(article),
            DateSource::Estimated => cell.estimated.push(article),
        }
        cell.weight += weight;
    }
    (lanes, undated)
}

fn year_range(bundle: &Bundle, articles: impl Iterator<Item = usize>) -> Option<(i32, i32)> {
    articles.filter_map(|a| bundle.date_of(a).map(|d| d.year)).fold(None, |r, y| match r {
        None => Some((y, y)),
        Some((lo, hi)) => Some((lo.min(y), hi.max(y))),
    })
}

fn max_weight(lanes: &[Lane]) -> usize {
    lanes
        .iter()
        .flat_map(|l| l.cells.iter().chain(std::iter::once(&l.vague)).map(|c| c.weight))
        .max()
        .unwrap_or(0)
}

/// Every date the articles mention that a reader can put on a calendar (a month at least, "August
/// 18", not a weekday), with its article; a date without a year takes its article's year. Read
/// once per corpus: the mentions are most of a bundle.
pub fn dated_mentions(bundle: &Bundle) -> Vec<(When, EventMention)> {
    let mut out = Vec::new();
    for m in &bundle.entities.mentions {
        if m.kind() != MentionKind::Date {
            continue;
        }
        let Some(Value::Date(date)) = m.value.as_deref() else { continue };
        let Some(month) = date.from.month else { continue };
        let article = m.article as usize;
        let (year, year_assumed) = match date.from.year {
            Some(y) => (y, false),
            None => match bundle.date_of(article) {
                Some(d) => (d.year, true),
                None => continue,
            },
        };
        let when = When { year, month: Some(month), day: date.from.day };
        out.push((when, EventMention { article, start: m.start as usize, year_assumed }));
    }
    out
}

/// The corpus timeline: every article, story spans and the mentioned dates (read once per corpus
/// into `basis`) at `zoom`.
pub fn timeline(bundle: &Bundle, basis: &Basis, zoom: Zoom) -> Timeline {
    let bins = bins_for(zoom, year_range(bundle, 0..bundle.articles.len()));
    let weights: Vec<(usize, usize)> = (0..bundle.articles.len()).map(|a| (a, 1)).collect();
    let (lanes, undated) = lanes_for(bundle, &basis.outlets, &bins, &weights);
    let spans = bundle
        .stories
        .iter()
        .enumerate()
        .filter_map(|(s, story)| {
            let from = When::parse(story.from.as_deref()?)?;
            let to = When::parse(story.to.as_deref()?)?;
            let (lo, hi) = (from.range().0, to.range().1);
            let first = bins.partition_point(|b| b.last < lo);
            let last = bins.partition_point(|b| b.first <= hi).checked_sub(1)?;
            (first <= last && last < bins.len()).then_some(Span { story: s, bins: (first, last) })
        })
        .collect();
    let mut per_bin: Vec<Vec<EventMention>> = vec![Vec::new(); bins.len()];
    for (when, mention) in basis.dated_mentions(bundle) {
        if let Place::Bin(bin) = place(&bins, *when) {
            per_bin[bin].push(mention.clone());
        }
    }
    let events = per_bin
        .into_iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(bin, mentions)| EventBin { bin, mentions })
        .collect();
    let max_weight = max_weight(&lanes);
    Timeline { zoom, bins, lanes, spans, events, undated, max_weight }
}

/// One entity's mentions over time per outlet (marks weighted by mentions), at `zoom`; the
/// mentions come from `basis`'s per-entity index.
pub fn entity_timeline(bundle: &Bundle, basis: &Basis, zoom: Zoom, entity: u32) -> Timeline {
    let mut weights: Vec<(usize, usize)> = Vec::new();
    for &i in basis.mentions_of(bundle, entity as usize) {
        let Some(m) = bundle.entities.mentions.get(i as usize) else { continue };
        match weights.last_mut() {
            Some((a, w)) if *a == m.article as usize => *w += 1,
            _ => weights.push((m.article as usize, 1)),
        }
    }
    let bins = bins_for(zoom, year_range(bundle, weights.iter().map(|w| w.0)));
    let (lanes, undated) = lanes_for(bundle, &basis.outlets, &bins, &weights);
    let max_weight = max_weight(&lanes);
    Timeline { zoom, bins, lanes, spans: Vec::new(), events: Vec::new(), undated, max_weight }
}

/// The sentence around a raw offset of an article (for an event's link text), or `None` when the
/// offset is in no kept block.
pub fn sentence_at(article: &parallax_engine::Article, at: usize) -> Option<String> {
    let block = article.blocks.iter().find(|b| b.start <= at && at < b.end)?;
    let text = block.text.as_str();
    let offset = at.checked_sub(block.start).filter(|&o| text.is_char_boundary(o))?;
    let from = text[..offset].rfind(". ").map_or(0, |i| i + 2);
    let to = text[offset..].find(". ").map_or(text.len(), |i| offset + i + 1);
    Some(text[from..to].trim().to_string())
}
