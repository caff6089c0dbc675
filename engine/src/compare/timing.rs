//! When two aligned sentences give different figures for the same thing, say why when the texts
//! allow it: different counting windows ("August 4–18" vs "August 4–16"), a change over time
//! (5,000 troops in August 2020 → 2,500 in April 2021), or a genuine conflict at the same time.
//! Without a date on both sides the difference is reported as undated, never as a conflict.
//!
//! Each side's time is, in order: a date range in the sentence (the counting window), a dated
//! mention with a year in the sentence, then the article's publication date ([`published`]).
//! The publication date is read from [`Article::date`] today; an estimated date (another part of
//! the pipeline) plugs in by filling that field or by changing [`published`] alone.

use serde::{Deserialize, Serialize};

use crate::model::Article;

use super::figures::{DatePoint, Fact, FactValue};

/// How two figures for the same thing relate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Both say the same.
    Agree,
    /// They differ at the same time: a genuine conflict.
    #[default]
    Conflict,
    /// They differ, and so do their dates: the figure changed over time.
    ChangedOverTime,
    /// They differ, and count over different windows ("August 4–18" vs "August 4–16").
    DifferentWindows,
    /// They differ and at least one side has no date: it may be a change over time.
    Undated,
}

/// The time a side's figures refer to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timing {
    /// The counting window the sentence states, if one.
    pub window: Option<(DatePoint, DatePoint)>,
    /// A date with a year the sentence states, else the article's publication date.
    pub when: Option<DatePoint>,
    /// The sentence tells its figure as the latest of a series ([`tells_an_update`]).
    pub updated: bool,
}

/// Words that tell a figure as the latest reading of a count that moves ("the death toll climbs
/// to 11", "eleven people are now known to have died", "has risen to 19").
const UPDATE_WORDS: &[&str] =
    &["now", "rises", "rose", "risen", "climbs", "climbed", "jumped", "updated", "revised"];

/// True when the sentence tells its figure as an update ([`UPDATE_WORDS`]): told on another day
/// than a different figure for the same thing, the two are two readings, not a conflict.
pub fn tells_an_update(text: &str) -> bool {
    crate::text::tokens(text).iter().any(|t| UPDATE_WORDS.contains(&t.norm.as_str()))
}

/// An article's publication date as a [`DatePoint`], from [`Article::date`] (`YYYY`, `YYYY-MM`
/// or `YYYY-MM-DD`). The one place a better (estimated) publication date plugs in.
pub fn published(article: &Article) -> Option<DatePoint> {
    parse_iso(article.date.as_deref()?)
}

/// Days between two publication dates beyond which the articles are written apart: a time each
/// tells from its day of writing ("on Thursday", "recently", "will meet") is then a different
/// time, though both name it alike.
pub const WRITTEN_APART_DAYS: i64 = 92;

/// True when two articles' publication dates are more than [`WRITTEN_APART_DAYS`] apart (a
/// date without its day is read as the month's middle); with a year alone on either side, when
/// the years are two or more apart. Unknown dates are never apart.
pub fn written_apart(a: Option<DatePoint>, b: Option<DatePoint>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return false };
    let (Some(ya), Some(yb)) = (a.year, b.year) else { return false };
    match (a.month, b.month) {
        (Some(ma), Some(mb)) => {
            let day =
                |y: i32, m: u8, d: Option<u8>| crate::dates::calendar::day_number(y, m, d.unwrap_or(15));
            (day(ya, ma, a.day) - day(yb, mb, b.day)).abs() > WRITTEN_APART_DAYS
        }
        _ => (ya - yb).abs() >= 2,
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (anything after the day is ignored).
pub fn parse_iso(s: &str) -> Option<DatePoint> {
    let mut parts = s.trim().split('-');
    let year: i32 = parts.next()?.parse().ok().filter(|y| (1000..=9999).contains(y))?;
    let month: Option<u8> = parts.next().and_then(|m| m.parse().ok()).filter(|m| (1..=12).contains(m));
    let day: Option<u8> = match month {
        Some(_) => {
            parts.next().and_then(|d| d.get(..2).unwrap_or(d).parse().ok()).filter(|d| (1..=31).contains(d))
        }
        None => None,
    };
    Some(DatePoint { year: Some(year), month, day })
}

/// The timing of one sentence's figures, given its text, its facts and its article's publication
/// date.
pub fn timing(text: &str, facts: &[Fact], published: Option<DatePoint>) -> Timing {
    let ranges: Vec<(DatePoint, DatePoint)> = facts
        .iter()
        .filter_map(|f| match f.value {
            FactValue::Range(a, b) => Some((a, b)),
            _ => None,
        })
        .collect();
    let dated: Vec<DatePoint> = facts
        .iter()
        .filter_map(|f| match f.value {
            FactValue::Date(p) if p.year.is_some() => Some(p),
            _ => None,
        })
        .collect();
    Timing {
        window: if ranges.len() == 1 { ranges.first().copied() } else { None },
        when: if dated.len() == 1 { dated.first().copied() } else { published },
        updated: tells_an_update(text),
    }
}

/// How two different values relate given each side's timing.
pub fn relate(a: &Timing, b: &Timing) -> Relation {
    if let (Some((sa, ea)), Some((sb, eb))) = (a.window, b.window) {
        return if sa.differs(&sb) || ea.differs(&eb) {
            Relation::DifferentWindows
        } else {
            Relation::Conflict
        };
    }
    match (a.when, b.when) {
        (Some(x), Some(y)) if apart(&x, &y) => Relation::ChangedOverTime,
        // Two days of one month: the same time for a level ("5,000 troops"), two readings for a
        // count told as updated ("the death toll climbs to 11").
        (Some(x), Some(y)) if (a.updated || b.updated) && other_day(&x, &y) => Relation::ChangedOverTime,
        (Some(_), Some(_)) => Relation::Conflict,
        _ => Relation::Undated,
    }
}

/// True when two dates are in different months (or years), at the precision both state.
fn apart(x: &DatePoint, y: &DatePoint) -> bool {
    match (x.year, y.year) {
        (Some(a), Some(b)) if a != b => true,
        _ => matches!((x.month, y.month), (Some(a), Some(b)) if a != b),
    }
}

/// True when two dates of one month are different days: a death toll given on March 5 and
/// another on March 6 may both be right, each on its day.
fn other_day(x: &DatePoint, y: &DatePoint) -> bool {
    x.month.is_some() && x.month == y.month && matches!((x.day, y.day), (Some(a), Some(b)) if a != b)
}

/// How a change over time names the two dates: their months, or their days when both fall in
/// one month ("March 5, 2024" → "March 6, 2024").
fn describe_apart(x: &DatePoint, y: &DatePoint) -> (String, String) {
    if (x.year, x.month) == (y.year, y.month) {
        (x.describe(), y.describe())
    } else {
        (x.describe_month(), y.describe_month())
    }
}

/// The explanation for two different values, e.g. "5,000 troops in August 2020 (001) → 2,500 in
/// April 2021 (004): changed over time".
pub fn explain(relation: Relation, a: (&str, &Timing, &str), b: (&str, &Timing, &str), noun: &str) -> String {
    let (a_label, a_time, a_value) = a;
    let (b_label, b_time, b_value) = b;
    match relation {
        Relation::DifferentWindows => {
            let window = |t: &Timing| t.window.map(|(s, e)| span(&s, &e)).unwrap_or_default();
            format!(
                "{a_label} counts {a_value} {noun} for {}, {b_label} counts {b_value} for {}: different counting windows",
                window(a_time),
                window(b_time)
            )
        }
        Relation::ChangedOverTime => {
            let (Some(x), Some(y)) = (a_time.when, b_time.when) else {
                return format!("{a_label} says {a_value} {noun}, {b_label} says {b_value}");
            };
            let earlier_first = (x.year, x.month, x.day) <= (y.year, y.month, y.day);
            let ((l1, v1, d1), (l2, v2, d2)) = if earlier_first {
                ((a_label, a_value, x), (b_label, b_value, y))
            } else {
                ((b_label, b_value, y), (a_label, a_value, x))
            };
            let (when1, when2) = describe_apart(&d1, &d2);
            let on = if d1.day.is_some() && (d1.year, d1.month) == (d2.year, d2.month) { "on" } else { "in" };
            format!("{v1} {noun} {on} {when1} ({l1}) → {v2} {on} {when2} ({l2}): changed over time")
        }
        Relation::Conflict => {
            let at = a_time
                .window
                .map(|(s, e)| format!(" for {}", span(&s, &e)))
                .or_else(|| a_time.when.map(|w| format!(" in {}", w.describe_month())))
                .unwrap_or_default();
            format!("{a_label} says {a_value} {noun}, {b_label} says {b_value}, at the same time{at}")
        }
        Relation::Undated | Relation::Agree => format!(
            "{a_label} says {a_value} {noun}, {b_label} says {b_value} (dates not known: this may be a change over time)"
        ),
    }
}

/// "August 4–18", "August 4 – September 2", "October – July".
fn span(s: &DatePoint, e: &DatePoint) -> String {
    if s.month == e.month && s.year == e.year {
        if let (Some(_), Some(d)) = (s.day, e.day) {
            return format!("{}–{d}", s.describe());
        }
    }
    format!("{} – {}", s.describe(), e.describe())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> DatePoint {
        DatePoint { year, month, day }
    }

    #[test]
    fn articles_are_written_apart_when_months_lie_between_their_dates() {
        let iso = |s: &str| parse_iso(s);
        // The August 2020 visit against the June 2021 one; a day and a month apart are not.
        assert!(written_apart(iso("2020-08-19"), iso("2021-06")));
        assert!(!written_apart(iso("2020-08-19"), iso("2020-08")));
        assert!(!written_apart(iso("2021-05"), iso("2021-06")));
        assert!(written_apart(iso("2022-03-03"), iso("2022-06-14")));
        // A year alone tells months only when years lie between.
        assert!(!written_apart(iso("2025"), iso("2024-12")));
        assert!(written_apart(iso("2021"), iso("2025-04-23")));
        assert!(!written_apart(None, iso("2020-08")));
    }

    #[test]
    fn windows_dates_and_missing_dates_are_told_apart() {
        let aug = |end| Timing {
            updated: false,
            window: Some((point(None, Some(8), Some(4)), point(None, Some(8), Some(end)))),
            when: None,
        };
        assert_eq!(relate(&aug(18), &aug(16)), Relation::DifferentWindows);
        assert_eq!(relate(&aug(18), &aug(18)), Relation::Conflict);
        let at = |y, m| Timing { window: None, when: Some(point(Some(y), Some(m), None)), updated: false };
        assert_eq!(relate(&at(2020, 8), &at(2021, 4)), Relation::ChangedOverTime);
        assert_eq!(relate(&at(2020, 8), &at(2020, 8)), Relation::Conflict);
        assert_eq!(relate(&at(2020, 8), &Timing::default()), Relation::Undated);
        // A toll told as updated on another day of the month changed between the two days; a
        // level given on two days of one month, or a toll on one day, is a conflict.
        let on =
            |d, updated| Timing { window: None, when: Some(point(Some(2024), Some(3), Some(d))), updated };
        assert_eq!(relate(&on(5, false), &on(6, true)), Relation::ChangedOverTime);
        assert_eq!(relate(&on(5, false), &on(6, false)), Relation::Conflict);
        assert_eq!(relate(&on(5, false), &on(5, true)), Relation::Conflict);
        assert_eq!(relate(&on(5, false), &at(2024, 3)), Relation::Conflict);
        assert!(tells_an_update("The Olsk death toll climbs to 11."));
        assert!(!tells_an_update("Some 2,500 US troops are still in the country."));
        let text = explain(
            Relation::ChangedOverTime,
            ("b", &on(6, true), "11"),
            ("a", &on(5, false), "7"),
            "people",
        );
        assert_eq!(text, "7 people on March 5, 2024 (a) → 11 on March 6, 2024 (b): changed over time");
        let text = explain(
            Relation::ChangedOverTime,
            ("004", &at(2021, 4), "2,500"),
            ("001", &at(2020, 8), "5,000"),
            "troops",
        );
        assert_eq!(text, "5,000 troops in August 2020 (001) → 2,500 in April 2021 (004): changed over time");
        let text =
            explain(Relation::DifferentWindows, ("001", &aug(18), "14"), ("003", &aug(16), "13"), "attacks");
        assert_eq!(text, "001 counts 14 attacks for August 4–18, 003 counts 13 for August 4–16: different counting windows");
    }

    #[test]
    fn publication_dates_parse_at_their_precision() {
        assert_eq!(parse_iso("2021-07-27"), Some(point(Some(2021), Some(7), Some(27))));
        assert_eq!(parse_iso("2020-08"), Some(point(Some(2020), Some(8), None)));
        assert_eq!(parse_iso("2020"), Some(point(Some(2020), None, None)));
        assert_eq!(parse_iso("not a date"), None);
    }
}
