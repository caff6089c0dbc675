//! From one article's date clues (and, in the second pass, its story's date) to a bounded
//! estimate of when it was written.

use crate::entities::PartialDate;
use crate::model::{Article, BlockKind, NoiseKind};

use super::calendar::{day_number, month_end, month_start, weekday, Day};
use super::clues::{Clue, LengthBound, Office, Role, Within};
use super::{date_at, DateEvidence, DateSource, EvidenceKind, Precision, PublicationDate};

/// A window that says nothing: any day.
pub const OPEN: (Day, Day) = (Day::MIN / 4, Day::MAX / 4);

/// Strength from which an estimate anchors the other articles of its story: a day-precise
/// recent event, a dated caption or a stated date.
pub const STRONG: u8 = 2;

/// How many days after the latest day-precise event an article is taken to be written, at most,
/// when grouping stories (news reports an event within days).
const RECENT_DAYS: Day = 30;

/// How many days before an event announced to the day ("will meet Biden on July 26") an article
/// is taken to be written, at most, when grouping stories: previews come in the last weeks.
const ANNOUNCED_DAYS: Day = 14;

/// An article's estimated date of writing.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    /// The best single day.
    pub point: Day,
    /// How much of it to claim.
    pub precision: Precision,
    /// 4 stated, 3 dated caption, 2 day-precise bounds, 1 month-precise, 0 year only.
    pub strength: u8,
    /// Written on or after this day.
    pub lo: Option<Day>,
    /// Written on or before this day.
    pub hi: Option<Day>,
    /// Stated or estimated.
    pub source: DateSource,
    /// What it rests on, strongest first.
    pub evidence: Vec<DateEvidence>,
    /// False when only terms of office bound it: a window for grouping stories, not a date.
    pub dated: bool,
    /// The upper bound is an event announced to the day ("will meet Biden on July 26"): news
    /// previews such an event in the days before it, so the article was written at most
    /// [`ANNOUNCED_DAYS`] before it.
    pub imminent: bool,
    /// The upper bound is an event the article announces and its headline or lede announces
    /// one (a preview): it may have been written well before the reports of that event. A
    /// report that looks ahead only in a later paragraph is held to its own window.
    pub announces: bool,
}

impl Estimate {
    /// A date the text gives itself (stated, a dated caption or web address): `point`, claimed to
    /// `precision`, is both bounds.
    fn given(
        point: Day,
        precision: Precision,
        strength: u8,
        source: DateSource,
        evidence: DateEvidence,
    ) -> Estimate {
        Estimate {
            point,
            precision,
            strength,
            lo: Some(point),
            hi: Some(point),
            source,
            evidence: vec![evidence],
            dated: true,
            imminent: false,
            announces: false,
        }
    }

    /// The days the article can have been written on, for grouping stories in time.
    pub fn window(&self) -> (Day, Day) {
        match self.strength {
            4 => (self.point, self.point),
            3 => (self.point, self.point + 3),
            2 => {
                let lo = self.lo.unwrap_or(self.point);
                (lo, self.hi.unwrap_or(lo + RECENT_DAYS).min(lo + RECENT_DAYS))
            }
            _ => {
                let hi = self.hi.unwrap_or(OPEN.1);
                let lo = self.lo.unwrap_or(OPEN.0);
                (if self.imminent { lo.max(hi - ANNOUNCED_DAYS) } else { lo }, hi)
            }
        }
    }

    /// The days the text itself bounds the writing to: a stated or caption date's day, else
    /// after the latest reported event and before the earliest announced one, without
    /// [`Estimate::window`]'s guess that news follows its events within a month.
    pub fn bounds(&self) -> (Day, Day) {
        if self.strength >= 3 {
            return self.window();
        }
        (self.lo.unwrap_or(OPEN.0), self.hi.unwrap_or(OPEN.1))
    }

    /// The publication date this estimate gives.
    pub fn publication(self) -> PublicationDate {
        date_at(self.point, self.precision, self.source, self.evidence)
    }
}

/// The date of the other articles of a story, for the second pass.
#[derive(Debug, Clone)]
pub struct StoryAnchor {
    /// The story's (median) date.
    pub day: Day,
    /// The evidence it rests on, in the article that gave it.
    pub evidence: Option<DateEvidence>,
    /// Whether the article belongs to that story and may take its date. When not (the nearest
    /// dated article of another story, a group a clustering step tries), the day only places the
    /// article's dates without a year.
    pub joins: bool,
}

/// How many days before the article's latest dated event a date without a year may fall and
/// still take that event's year: "Between March 3 and June 10, 940 ships were left waiting" in a
/// report of what a union said on June 14, 2022 is June 2022, not a year later.
const YEARLESS_BEFORE_DAYS: Day = 31;

/// How a date without a year is placed in time.
#[derive(Debug, Clone, Copy)]
enum Reference {
    /// After this day (the latest dated event of the article itself).
    After(Day),
    /// Near this day (the story's date): past events before it, announced ones after it.
    Near(Day),
}

/// The first and last day a partial date can mean, given a year.
fn span(date: &PartialDate, year: i32) -> Option<(Day, Day)> {
    match (date.month, date.day) {
        (Some(m), Some(d)) => {
            let day = day_number(year, m, d);
            Some((day, day))
        }
        (Some(m), None) => Some((month_start(year, m), month_end(year, m))),
        (None, _) if date.year.is_some() => Some((month_start(year, 1), month_end(year, 12))),
        _ => None,
    }
}

/// Places a partial date in time: its own year, or one chosen from the reference.
fn place(date: &PartialDate, role: Role, reference: Option<Reference>) -> Option<(Day, Day)> {
    if let Some(year) = date.year {
        return span(date, year);
    }
    date.month?;
    let (ref_year, _, _) = super::calendar::civil(match reference? {
        Reference::After(d) | Reference::Near(d) => d,
    });
    let candidates = [ref_year - 1, ref_year, ref_year + 1];
    let mut spans = candidates.iter().filter_map(|&y| span(date, y));
    match (reference?, role) {
        (Reference::After(r), _) => spans.into_iter().find(|&(_, end)| end >= r - YEARLESS_BEFORE_DAYS),
        (Reference::Near(a), Role::Future) => spans.into_iter().find(|&(_, end)| end >= a - 15),
        (Reference::Near(a), _) => spans.rfind(|&(start, _)| start <= a + 15),
    }
}

fn evidence(kind: EvidenceKind, index: u32, clue: &Clue) -> DateEvidence {
    DateEvidence { kind, article: index, start: clue.start, end: clue.end, text: clue.text.to_string() }
}

/// The strength of a past event as evidence: day-precise 2, month 1, year 0.
fn strength_of(date: &PartialDate) -> u8 {
    match (date.month, date.day) {
        (Some(_), Some(_)) => 2,
        (Some(_), None) => 1,
        _ => 0,
    }
}

/// The article's stated date: the cleaner's, with the removed date line as evidence when there is one.
fn stated(article: &Article, index: u32) -> Option<Estimate> {
    let iso = article.date.as_deref()?;
    let mut parts = iso.split('-').map(|p| p.parse::<u32>().ok());
    let year = i32::try_from(parts.next()??).ok()?;
    let month = parts.next().flatten().and_then(|m| u8::try_from(m).ok()).filter(|m| (1..=12).contains(m));
    let day = parts.next().flatten().and_then(|d| u8::try_from(d).ok()).filter(|d| (1..=31).contains(d));
    let precision = match (month, day) {
        (Some(_), Some(_)) => Precision::Day,
        (Some(_), None) => Precision::Month,
        _ => Precision::Year,
    };
    let point = day_number(year, month.unwrap_or(1), day.unwrap_or(1));
    let line = article.removed.iter().find(|r| r.reason == NoiseKind::ArticleDate);
    let evidence = DateEvidence {
        kind: EvidenceKind::Stated,
        article: index,
        start: line.map_or(0, |r| r.start),
        end: line.map_or(0, |r| r.end),
        text: line.map_or_else(|| iso.to_string(), |r| r.text.clone()),
    };
    Some(Estimate::given(point, precision, 4, DateSource::Stated, evidence))
}

/// The date in the article's own web address, when the copied page kept it on a line of its own
/// (the cleaner removes it): "https://www.seneweb.com/news/2023/04/19/fishermen-…" was written on
/// April 19, 2023, as news sites file their articles by day. Only one dated address, above the
/// text: several are links to other articles, and so is one below it.
fn addressed(article: &Article, index: u32) -> Option<Estimate> {
    let text_start =
        article.blocks.iter().find(|b| b.kind == BlockKind::Paragraph).map_or(usize::MAX, |b| b.start);
    let mut found = article.removed.iter().take_while(|r| r.end <= text_start).filter_map(|r| {
        let line = r.text.trim();
        (!line.contains(char::is_whitespace)).then_some(())?;
        let (scheme, rest) = line.split_once("://")?;
        matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https").then_some(())?;
        let path = rest.split_once('/')?.1;
        Some((r, date_in_path(path)?))
    });
    let (removed, (year, month, day)) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let point = day_number(year, month, day);
    let evidence = DateEvidence {
        kind: EvidenceKind::Stated,
        article: index,
        start: removed.start,
        end: removed.end,
        text: removed.text.trim().to_string(),
    };
    // As a dated caption: the day, or a day or two later.
    Some(Estimate::given(point, Precision::Day, 3, DateSource::Estimated, evidence))
}

/// A date a web address's path files its page under: segments "2023/04/19", or "2023-04-19"
/// inside one segment ("news-2023-04-19-fishermen").
fn date_in_path(path: &str) -> Option<(i32, u8, u8)> {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let valid = |y: &str, m: &str, d: &str| -> Option<(i32, u8, u8)> {
        let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
            n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !(digits(y, 4..=4) && digits(m, 1..=2) && digits(d, 1..=2)) {
            return None;
        }
        let (y, m, d) = (y.parse::<i32>().ok()?, m.parse::<u8>().ok()?, d.parse::<u8>().ok()?);
        ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
    };
    let segments: Vec<&str> = path.split('/').collect();
    if let Some(found) = segments.windows(3).find_map(|w| valid(w[0], w[1], w[2])) {
        return Some(found);
    }
    segments.iter().find_map(|segment| {
        let parts: Vec<&str> = segment.split(['-', '_']).collect();
        parts.windows(3).find_map(|w| valid(w[0], w[1], w[2]).filter(|_| w[1].len() == 2 && w[2].len() == 2))
    })
}

/// Estimates one article's date from its clues, with its story's date when `story` is given.
pub fn own(
    article: &Article,
    index: u32,
    clues: &[Clue],
    offices: &[Office],
    story: Option<StoryAnchor>,
) -> Option<Estimate> {
    if let Some(stated) = stated(article, index).or_else(|| addressed(article, index)) {
        return Some(stated);
    }
    // The day that places dates without a year, and the story whose date the article may take.
    let reference_day = story.as_ref().map(|a| a.day);
    let story = story.filter(|a| a.joins);
    for (role, strength, source, kind) in [
        (Role::Stated, 4, DateSource::Stated, EvidenceKind::Stated),
        (Role::Caption, 3, DateSource::Estimated, EvidenceKind::Caption),
    ] {
        let found =
            clues.iter().find(|c| c.role == role && c.value.to.is_none() && c.value.from.day.is_some());
        // A dateline's day without a year ("Oct 8") is placed near the story's date.
        let near_story = reference_day.map(Reference::Near);
        if let Some((clue, (day, _))) = found.and_then(|c| Some((c, place(&c.value.from, role, near_story)?)))
        {
            return Some(Estimate::given(day, Precision::Day, strength, source, evidence(kind, index, clue)));
        }
    }
    let past: Vec<&Clue> = clues.iter().filter(|c| c.role != Role::Future).collect();
    // The reference for dates without a year: the latest event dated to the day with its year,
    // or an ongoing state "since May 2020" (month-only background dates such as "in January
    // 2020" are too often years old to place the others).
    let after = past
        .iter()
        .filter(|c| c.value.open_ended || latest_part(c).day.is_some())
        .filter_map(|c| {
            let part = latest_part(c);
            part.year.and_then(|y| span(part, y)).map(|(start, _)| start)
        })
        .max();
    let reference = match reference_day {
        Some(day) => Some(Reference::Near(day)),
        None => after.map(Reference::After),
    };
    // Lower bound: the start of the latest past event (its end for ranges such as "between
    // August 4 and 18").
    let mut lo: Option<(Day, u8, DateEvidence)> = None;
    for clue in &past {
        let part = latest_part(clue);
        // A month without a year after the article's own dates ("an election in October") may
        // as well be still to come: only the story's date places it.
        let own_reference = matches!(reference, Some(Reference::After(_)));
        if own_reference && part.year.is_none() && part.day.is_none() {
            continue;
        }
        let Some((start, _)) = place(part, clue.role, reference) else { continue };
        let strength = strength_of(part);
        if lo.as_ref().is_none_or(|(d, s, _)| start > *d || (start == *d && strength > *s)) {
            lo = Some((start, strength, evidence(EvidenceKind::After, index, clue)));
        }
    }
    // "Two weeks after the vote on April 28": the reported event, and so the writing, is about
    // that long after the dated one; "less than two weeks after" puts it between the two days,
    // "more than two weeks after" only after the later one (the latest such reading counts).
    let mut within: Option<(Reported, DateEvidence)> = None;
    // Whether that event's year came from the story's date (then the story is evidence too).
    let mut within_year_from_story = false;
    for clue in &past {
        let Some(length) = clue.within else { continue };
        let part = latest_part(clue);
        if part.day.is_none() {
            continue;
        }
        let Some((_, end)) = place(part, clue.role, reference) else { continue };
        let reported = Reported::after(end, length);
        if within.as_ref().is_none_or(|(r, _)| reported.last() > r.last()) {
            // The length and the date, in the order written ("two weeks after the vote on April
            // 28", "June 11, 2024, more than two months after").
            let (at, end) =
                if length.at < clue.start { (length.at, clue.end) } else { (clue.start, length.to) };
            let text = article
                .block_at(at)
                .and_then(|b| b.text.get(at.saturating_sub(b.start)..end.saturating_sub(b.start)));
            let ev = DateEvidence {
                kind: EvidenceKind::After,
                article: index,
                start: at,
                end,
                text: text.unwrap_or(clue.text).to_string(),
            };
            within = Some((reported, ev));
            within_year_from_story = part.year.is_none() && story.is_some();
        }
    }
    let has_dates = lo.is_some() || clues.iter().any(|c| c.role == Role::Future);
    // Terms of office: written while "US President Joe Biden" was president.
    let office = |o: &Office| DateEvidence {
        kind: EvidenceKind::InOffice,
        article: index,
        start: o.start,
        end: o.end,
        text: o.text.clone(),
    };
    let mut office_hi: Option<(Day, DateEvidence)> = None;
    let mut office_lo = false;
    for o in offices {
        if lo.as_ref().is_none_or(|(d, _, _)| o.from > *d) {
            lo = Some((o.from, 1, office(o)));
            office_lo = true;
        }
        if let Some(to) = o.to {
            if office_hi.as_ref().is_none_or(|(d, _)| to < *d) {
                office_hi = Some((to, office(o)));
            }
        }
    }
    // Upper bound: the start of the earliest announced event. Undated ones need a firm reference.
    let firm = reference_day.is_some() || office_lo || lo.as_ref().is_some_and(|(_, s, _)| *s >= STRONG);
    let future_reference = match (reference_day, &lo) {
        (Some(day), _) => Some(Reference::Near(day)),
        (None, Some((d, _, _))) if firm => Some(Reference::After(*d)),
        _ => None,
    };
    let mut hi: Option<(Day, DateEvidence)> = None;
    // The upper bound is only a year ("talks due before 2023"): it says the year, not a month.
    let mut hi_year_only = false;
    let mut imminent = false;
    let mut announces = false;
    // A preview announces its event in its headline or lede; a report that looks ahead in a
    // later paragraph ("the committee's next meeting is scheduled for March") reports an event.
    let previews = clues.iter().any(|c| c.role == Role::Future && in_lede(article, c.start));
    for clue in clues.iter().filter(|c| c.role == Role::Future) {
        let from = &clue.value.from;
        let start = if from.month.is_none() && from.year.is_none() {
            // A weekday announced beside a dated event: the first such day after it.
            match (from.weekday, &lo) {
                (Some(w), Some((d, s, _))) if *s >= STRONG => next_weekday(*d, w),
                _ => continue,
            }
        } else {
            let reference = if from.year.is_some() { None } else { future_reference };
            match place(from, Role::Future, reference) {
                // An event announced for a year may fall on its last day: written before that
                // year ends, not before it begins ("talks before 2023" read in a text of 2023).
                Some((_, end)) if from.month.is_none() => end,
                Some((start, _)) => start,
                None => continue,
            }
        };
        if lo.as_ref().is_some_and(|(d, _, _)| start < *d) {
            continue; // announced before the latest reported event: inconsistent, ignored
        }
        if hi.as_ref().is_none_or(|(d, _)| start < *d) {
            hi = Some((start, evidence(EvidenceKind::Before, index, clue)));
            hi_year_only = from.month.is_none();
            imminent = from.day.is_some() && from.month.is_some();
            announces = previews;
        }
    }
    if let Some((to, ev)) = office_hi {
        if hi.as_ref().is_none_or(|(d, _)| to < *d) && lo.as_ref().is_none_or(|(d, _, _)| to >= *d) {
            hi = Some((to, ev));
            hi_year_only = false;
            imminent = false;
            announces = false;
        }
    }
    // A stated time in office ("has now been in office for one year") dates a text that has no
    // day-precise event: about that long after the term began, within a month either way.
    let tenure = offices.iter().find_map(|o| Some((o.tenure?, o)));
    if let Some((day, o)) = tenure.filter(|_| lo.as_ref().is_none_or(|(_, s, _)| *s < STRONG)) {
        let fits =
            lo.as_ref().is_none_or(|(d, _, _)| day >= *d) && hi.as_ref().is_none_or(|(d, _)| day <= *d);
        if fits {
            let estimate = Estimate {
                point: day,
                precision: Precision::Month,
                strength: 1,
                lo: Some(day - TENURE_SLACK),
                hi: Some(day + TENURE_SLACK),
                source: DateSource::Estimated,
                evidence: vec![office(o)],
                dated: true,
                imminent: false,
                announces: false,
            };
            return Some(lean_on_story(estimate, story));
        }
    }
    // A stated length after a dated event moves the bounds to where the text puts the reported
    // event, when the other bounds allow it.
    let mut between = None;
    if let Some((reported, ev)) = within {
        let fits = lo.as_ref().is_none_or(|(d, _, _)| reported.from >= *d)
            && hi.as_ref().is_none_or(|(d, _)| reported.from <= *d);
        if fits {
            let strength = lo.as_ref().map_or(STRONG, |(_, s, _)| (*s).max(STRONG));
            // The article reports that event: written within days of it, not with a story's
            // later articles (unless the words only say "more than").
            if let Some(last) = reported.to {
                if hi.as_ref().is_none_or(|(d, _)| *d > last + WITHIN_WRITTEN) {
                    hi = Some((last + WITHIN_WRITTEN, ev.clone()));
                    hi_year_only = false;
                    imminent = false;
                    announces = false;
                }
            }
            if reported.to != Some(reported.from) {
                between = hi.as_ref().map(|(h, _)| reported.from + (h - reported.from) / 2);
            }
            lo = Some((reported.from, strength, ev));
        }
    }
    let mut evidence_list = Vec::new();
    if let Some((_, _, ev)) = &lo {
        evidence_list.push(ev.clone());
    }
    if let Some((_, ev)) = hi.as_ref().filter(|(_, ev)| !evidence_list.contains(ev)) {
        evidence_list.push(ev.clone());
    }
    if within_year_from_story {
        evidence_list.extend(story.as_ref().and_then(|a| a.evidence.clone()));
    }
    let lo_day = lo.as_ref().map(|(d, s, _)| (*d, *s));
    let hi_day = hi.as_ref().map(|(d, _)| *d);
    let (point, precision, strength) = match (lo_day, hi_day, between) {
        // Only years on both sides: the year, however near the bounds.
        (Some((l, 0)), Some(_), _) if hi_year_only => (l, Precision::Year, 0),
        (None, Some(h), _) if hi_year_only => {
            (month_start(super::calendar::civil(h).0, 1), Precision::Year, 0)
        }
        (Some((l, s)), Some(h), _) if h - l <= 3 => ((l + h) / 2, Precision::Day, s.max(STRONG)),
        // Between a dated event and a stated length after it: the middle.
        (Some((_, s)), Some(_), Some(middle)) => (middle, Precision::Month, s),
        (Some((l, s)), Some(_), _) if s >= STRONG => (l, Precision::Month, s),
        (Some((l, s)), Some(h), _) => (l.max(h - 15), Precision::Month, s.max(1)),
        (Some((l, s)), None, _) if s > 0 => (l, Precision::Month, s),
        (None, Some(h), _) => (h - 15, Precision::Month, 1),
        // A past year alone, with nothing announced after it ("the plant, which opened in 1972"),
        // says only that the text was written in that year or any later one: no date of its own.
        (Some(_), None, _) | (None, None, _) => {
            evidence_list.clear();
            let anchor = story?;
            evidence_list.extend(anchor.evidence);
            return Some(Estimate {
                point: anchor.day,
                precision: Precision::Month,
                strength: 1,
                lo: None,
                hi: None,
                source: DateSource::Estimated,
                evidence: evidence_list,
                dated: true,
                imminent: false,
                announces: false,
            });
        }
    };
    // A weak estimate inside a dated story leans on the story's date, kept within the bounds.
    let (point, precision) = match &story {
        Some(anchor) if strength < STRONG => {
            evidence_list.extend(anchor.evidence.clone());
            let floor = lo_day.map_or(Day::MIN, |(l, _)| l);
            let mut day = anchor.day.max(floor);
            if let Some(h) = hi_day {
                day = day.min(h - 1).max(floor);
            }
            (day, Precision::Month)
        }
        // A firm lower bound only says "after": an article of a dated story that reports an
        // earlier event ("after an attack on April 28") was written with its story, when the
        // story's date lies within its bounds.
        Some(anchor)
            if precision == Precision::Month
                && anchor.day > point
                && hi_day.is_none_or(|h| anchor.day < h) =>
        {
            evidence_list.extend(anchor.evidence.clone());
            (anchor.day, Precision::Month)
        }
        _ => (point, precision),
    };
    // The story's date may have been added as evidence twice (for a year and for the date).
    evidence_list.dedup();
    Some(Estimate {
        point,
        precision,
        strength,
        lo: lo_day.map(|(d, _)| d),
        hi: hi_day,
        source: DateSource::Estimated,
        evidence: evidence_list,
        // Terms of office alone bound a story's window but do not date an article.
        dated: has_dates || story.is_some(),
        imminent,
        announces,
    })
}

/// The days a reported event can fall on, from a stated length after a dated one.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Reported {
    /// The earliest.
    from: Day,
    /// The latest, unless the words only give a lower bound.
    to: Option<Day>,
}

impl Reported {
    /// Where `length` puts the reported event after the dated one that ends on `day`.
    fn after(day: Day, length: Within) -> Reported {
        match length.bound {
            LengthBound::About => Reported { from: day + length.days, to: Some(day + length.days) },
            LengthBound::AtMost => Reported { from: day, to: Some(day + length.days) },
            LengthBound::AtLeast => Reported { from: day + length.days, to: None },
        }
    }

    /// The latest day it can be, for choosing the latest such reading.
    fn last(&self) -> Day {
        self.to.unwrap_or(self.from)
    }
}

/// How many days after the event a text dates by a length ("two weeks after the attack on
/// April 28") it is taken to be written, at most.
const WITHIN_WRITTEN: Day = 7;

/// How far from a stated time in office ("in office for one year") the article may have been
/// written: such lengths are rounded.
const TENURE_SLACK: Day = 30;

/// A month-precise estimate inside a dated story takes the story's date when it lies within
/// its bounds.
fn lean_on_story(mut estimate: Estimate, story: Option<StoryAnchor>) -> Estimate {
    let Some(anchor) = story else { return estimate };
    let (lo, hi) = (estimate.lo.unwrap_or(Day::MIN), estimate.hi.unwrap_or(Day::MAX));
    if (lo..=hi).contains(&anchor.day) {
        estimate.point = anchor.day;
        estimate.evidence.extend(anchor.evidence);
    }
    estimate
}

/// A paragraph shorter than this is not the lede (an outlet's name, a byline left in the text).
const MIN_LEDE_BYTES: usize = 80;

/// Whether a raw offset lies in the article's headline or its lede (its first paragraph of
/// some length).
fn in_lede(article: &Article, offset: usize) -> bool {
    let title = article.blocks.iter().find(|b| b.kind == BlockKind::Title);
    let lede =
        article.blocks.iter().find(|b| b.kind == BlockKind::Paragraph && b.text.len() >= MIN_LEDE_BYTES);
    title.into_iter().chain(lede).any(|b| b.start <= offset && offset < b.end)
}

/// The part of a date mention that ends latest: the end of a range, else the date.
fn latest_part<'c>(clue: &Clue<'c>) -> &'c PartialDate {
    match &clue.value.to {
        Some(to) if to.month.is_some() || to.year.is_some() => to,
        _ => &clue.value.from,
    }
}

/// The first day after `day` that is weekday `w` (1 Monday - 7 Sunday).
fn next_weekday(day: Day, w: u8) -> Day {
    let today = Day::from(weekday(day));
    let ahead = (Day::from(w) - today).rem_euclid(7);
    day + if ahead == 0 { 7 } else { ahead }
}

#[cfg(test)]
mod tests {
    use crate::dates::calendar::{civil, Day};
    use crate::dates::{Dating, OfficeTerms};
    use crate::{build_bundle, SourceInput};

    /// The first and last day the text of a one-article corpus lets it be written on.
    fn window(raw: &str) -> ((i32, u8, u8), (i32, u8, u8)) {
        let built = build_bundle(&[SourceInput { name: "a.txt", bytes: raw.as_bytes() }], "");
        let bundle = built.bundle;
        let dating = Dating::new(&bundle.articles, &bundle.entities, &OfficeTerms::default());
        let (lo, hi): (Day, Day) = dating.window(0);
        (civil(lo), civil(hi))
    }

    /// The days a one-article corpus's article can have been written on as a report, and
    /// whether that is wide open (a preview).
    fn report_is_open(raw: &str) -> bool {
        let built = build_bundle(&[SourceInput { name: "a.txt", bytes: raw.as_bytes() }], "");
        let bundle = built.bundle;
        let dating = Dating::new(&bundle.articles, &bundle.entities, &OfficeTerms::default());
        dating.report_window(0) == super::OPEN
    }

    #[test]
    fn only_an_announcement_in_the_headline_or_lede_makes_a_preview() {
        // A report that looks ahead in its last paragraph reports an event: the reports of a
        // rate decision two months later are not its story.
        assert!(!report_is_open(
            "Central bank raises rate again\n\nThe central bank's committee raised the policy rate to \
             28 percent on January 30, 2023, the governor announced in the capital.\n\n\
             Analysts had expected a bigger increase. The committee's next meeting is scheduled for \
             March 27, 2023.\n"
        ));
        // One that announces its event in the lede is a preview.
        assert!(report_is_open(
            "Minister due in the capital for talks\n\nThe foreign minister will meet his counterpart \
             on March 27, 2023 to discuss the border, a month after talks on February 20, 2023.\n"
        ));
    }

    #[test]
    fn a_date_without_a_year_just_before_the_articles_dated_event_takes_its_year() {
        let raw = "Port strike drags on\n\nSome 5,000 dock workers are now on strike, the union said on \
                   June 14, 2022.\n\nBetween March 3 and June 10, 940 ships were left waiting to unload.\n";
        assert_eq!(window(raw).0, (2022, 6, 14));
        assert!(window(raw).1 < (2022, 8, 1), "{:?}", window(raw));
    }

    /// The publication date of a one-article corpus, as the CLI prints it.
    fn date(raw: &str) -> String {
        let built = build_bundle(&[SourceInput { name: "a.txt", bytes: raw.as_bytes() }], "");
        built.bundle.date_of(0).map(|d| d.iso()).unwrap_or_default()
    }

    #[test]
    fn a_copied_pages_own_dated_address_dates_it() {
        let page = |lines: &str| {
            format!(
                "Fishermen reject ban\n\n{lines}\n\nLeaders of the fishermen on Wednesday rejected the \
                 two-month ban announced by the minister the day before.\n"
            )
        };
        assert_eq!(date(&page("https://www.example.com/news/2023/04/19/fishermen-reject-ban")), "2023-04-19");
        assert_eq!(date(&page("https://example.com/fishermen-reject-ban-2023-04-19")), "2023-04-19");
        // Two dated addresses are links to other articles; a number in the path is not a date.
        assert_eq!(
            date(&page("https://example.com/news/2023/04/19/one\n\nhttps://example.com/news/2023/03/02/two")),
            ""
        );
        assert_eq!(date(&page("https://example.com/news/2023/15/44/ban")), "");
        // Below the text, an address is a link to another article.
        let below = "Fishermen reject ban\n\nLeaders of the fishermen on Wednesday rejected the two-month \
                     ban announced by the minister the day before.\n\nhttps://example.com/news/2023/03/02/two\n";
        assert_eq!(date(below), "");
        assert_eq!(super::date_in_path("news/2023/4/9/ban"), Some((2023, 4, 9)));
        assert_eq!(super::date_in_path("story/12345/2023"), None);
    }

    #[test]
    fn years_alone_on_both_sides_date_to_the_year_not_its_first_day() {
        // A strike reported in 2023 that looks ahead to talks "before 2023" ends: 2023, not
        // January 1, 2023.
        let raw = "Train drivers strike again\n\nThe drivers held a strike in 2023 that halted every line, \
                   and the union said the drivers will strike again before the end of 2023.\n";
        assert_eq!(date(raw), "2023");
    }

    #[test]
    fn a_record_set_in_a_past_year_dates_the_report_after_it() {
        let raw = "Record heat grips Valdoro\n\nTemperatures in Valdoro reached 44.2 degrees Celsius on \
                   Wednesday, the highest ever recorded.\n\nThe previous record, 43.1C, was set in August 2017.\n";
        assert!(window(raw).0 >= (2017, 8, 1), "{:?}", window(raw));
    }

    #[test]
    fn a_length_after_a_dated_event_bounds_the_report_as_its_hedge_says() {
        let text = |length: &str| {
            format!(
                "Ministers meet on border\n\nThe ministers met in Nairobi {length} after an attack on a \
                 convoy near Mandera on April 28, 2023.\n"
            )
        };
        // "Less than two weeks after April 28": the talks fall between April 28 and May 12, and
        // the report within a week of them.
        assert_eq!(window(&text("less than two weeks")), ((2023, 4, 28), (2023, 5, 19)));
        // "Two weeks after": about May 12.
        assert_eq!(window(&text("two weeks")), ((2023, 5, 12), (2023, 5, 19)));
        // "More than two weeks after": after May 12, how long after is not said.
        assert_eq!(window(&text("more than two weeks")).0, (2023, 5, 12));
        assert!(window(&text("more than two weeks")).1 > (2023, 5, 19));
    }
}
