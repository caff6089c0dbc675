//! Times an article gives relative to its own date ("yesterday", "last Tuesday", "three days
//! ago", "last month") and dates it gives without a year ("on March 3"), placed in the calendar
//! from the article's publication date (stated, or estimated from its text or its story).
//!
//! Each resolved time keeps the words it was read from and the evidence of the date it was
//! resolved against, and is never more precise than that date: "yesterday" in an article dated
//! to the day is a day; in one dated only to the month it is that month.
//!
//! ```
//! use parallax_engine::{build_bundle, SourceInput};
//!
//! let raw = "Minister quits\n\nPosted by News Desk | March 9, 2023\n\nThe minister resigned yesterday, three days after the vote.\n";
//! let built = build_bundle(&[SourceInput { name: "a.txt", bytes: raw.as_bytes() }], "");
//! let times = built.bundle.times_of(0);
//! let yesterday = times.iter().find(|t| t.text == "yesterday").unwrap();
//! assert_eq!(yesterday.when.iso(), "2023-03-08");
//! ```

use crate::entities::EntityData;
use crate::model::Article;
use crate::text::{number_word, tokens, Token, WEEKDAYS};

use super::calendar::{civil, day_number, month_end, month_start, weekday, Day};
use super::{date_at, Precision, PublicationDate};

/// At most this many relative times are read per article (a bound on the work).
pub const MAX_TIMES_PER_ARTICLE: usize = 200;

/// True when a word shortly before a weekday puts it in the future ("will meet on Tuesday",
/// "set for Tuesday"): a word of [`crate::text::is_future_word`], or "set".
fn is_future_cue(norm: &str) -> bool {
    crate::text::is_future_word(norm) || norm == "set"
}
/// How many words before a weekday are read for a future cue.
const CUE_WINDOW: usize = 8;

/// One time the text gives relative to its date, placed in the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedTime {
    /// Raw-file byte range of the words.
    pub start: usize,
    /// End of the words.
    pub end: usize,
    /// The words as written ("three days ago", "last Tuesday", "March 3").
    pub text: String,
    /// When it was, as precisely as the words and the article's date allow; its `source` and
    /// `evidence` are those of the article's date it was resolved against.
    pub when: PublicationDate,
}

/// How far from the day of writing a phrase puts its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Offset {
    /// A number of days (negative: before), to the day.
    Days(i64),
    /// A number of weeks, about (to the month at best).
    Weeks(i64),
    /// A number of calendar months (negative: before).
    Months(i32),
    /// A number of calendar years.
    Years(i32),
    /// The nearest such weekday (1 Monday - 7 Sunday) before the day of writing (up to a week).
    LastWeekday(u8),
    /// The nearest such weekday on or before the day of writing (a past "on Tuesday").
    RecentWeekday(u8),
    /// The nearest such weekday after the day of writing ("next Tuesday", "will meet Tuesday").
    NextWeekday(u8),
}

/// A relative phrase found in the text: token range and offset.
fn phrase_at(toks: &[Token<'_>], i: usize) -> Option<(usize, Offset)> {
    let word = |k: usize| toks.get(k).map(|t| t.norm.as_str());
    let weekday_of = |k: usize| {
        let t = toks.get(k)?;
        let w = WEEKDAYS.iter().position(|w| *w == t.norm)?;
        t.text.starts_with(char::is_uppercase).then_some(w as u8 + 1)
    };
    match word(i)? {
        "yesterday" => return Some((i, Offset::Days(-1))),
        "today" | "tonight" => return Some((i, Offset::Days(0))),
        "tomorrow" => return Some((i, Offset::Days(1))),
        "last" | "next" => {
            let sign = if word(i)? == "last" { -1 } else { 1 };
            if let Some(w) = weekday_of(i + 1) {
                let offset = if sign < 0 { Offset::LastWeekday(w) } else { Offset::NextWeekday(w) };
                return Some((i + 1, offset));
            }
            return match word(i + 1)? {
                "week" => Some((i + 1, Offset::Weeks(sign))),
                "month" => Some((i + 1, Offset::Months(sign as i32))),
                "year" => Some((i + 1, Offset::Years(sign as i32))),
                _ => None,
            };
        }
        _ => {}
    }
    // "three days ago", "a week ago", "2 months ago".
    let amount = match word(i)? {
        "a" | "an" | "one" => Some(1.0),
        w => w.parse::<f64>().ok().or_else(|| number_word(w)),
    };
    if let Some(n) = amount.filter(|n| n.fract() == 0.0 && (1.0..=400.0).contains(n)) {
        if word(i + 2) == Some("ago") {
            let n = n as i64;
            let offset = match word(i + 1)? {
                "day" | "days" => Offset::Days(-n),
                "week" | "weeks" => Offset::Weeks(-n),
                "month" | "months" => Offset::Months(-(n as i32)),
                "year" | "years" => Offset::Years(-(n as i32)),
                _ => return None,
            };
            return Some((i + 2, offset));
        }
    }
    // A weekday alone ("on Tuesday", "said Tuesday"), not the start of a full date ("Tuesday,
    // March 3"): the nearest such day, before or after by the verb's tense.
    let w = weekday_of(i)?;
    let previous = i.checked_sub(1).and_then(word);
    if matches!(previous, Some("last" | "next" | "this" | "every" | "each")) {
        return None;
    }
    let next_is_date = toks.get(i + 1).is_some_and(|t| {
        t.norm.bytes().all(|b| b.is_ascii_digit()) || crate::text::MONTHS.contains(&t.norm.as_str())
    });
    if next_is_date {
        return None;
    }
    let future = toks[i.saturating_sub(CUE_WINDOW)..i].iter().any(|t| is_future_cue(&t.norm));
    Some((i, if future { Offset::NextWeekday(w) } else { Offset::RecentWeekday(w) }))
}

/// The first and last day a phrase means, and its precision, from the day of writing.
fn place(offset: Offset, today: Day) -> (Day, Day, Precision) {
    let months_from = |n: i32| {
        let (y, m, _) = civil(today);
        let months = y * 12 + i32::from(m) - 1 + n;
        let (y, m) = (months.div_euclid(12), (months.rem_euclid(12) + 1) as u8);
        (month_start(y, m), month_end(y, m))
    };
    match offset {
        Offset::Days(n) => (today + n, today + n, Precision::Day),
        Offset::Weeks(n) => (today + 7 * n - 3, today + 7 * n + 3, Precision::Month),
        Offset::Months(n) => {
            let (from, to) = months_from(n);
            (from, to, Precision::Month)
        }
        Offset::Years(n) => {
            let (y, _, _) = civil(today);
            (day_number(y + n, 1, 1), day_number(y + n, 12, 31), Precision::Year)
        }
        Offset::LastWeekday(w) => {
            let back = (i64::from(weekday(today)) - i64::from(w)).rem_euclid(7);
            let day = today - if back == 0 { 7 } else { back };
            (day, day, Precision::Day)
        }
        Offset::RecentWeekday(w) => {
            let day = today - (i64::from(weekday(today)) - i64::from(w)).rem_euclid(7);
            (day, day, Precision::Day)
        }
        Offset::NextWeekday(w) => {
            let ahead = (i64::from(w) - i64::from(weekday(today))).rem_euclid(7);
            let day = today + if ahead == 0 { 7 } else { ahead };
            (day, day, Precision::Day)
        }
    }
}

/// The day of writing and how precisely it is known.
fn anchor(date: &PublicationDate) -> (Day, Precision) {
    let day = day_number(date.year, date.month.unwrap_or(7), date.day.unwrap_or(15));
    (day, date.precision())
}

/// The date a time means (the middle of its days), no more precise than the article's date:
/// "yesterday" in an article dated only to the month is that month (the article's date stands
/// for the middle of its month, so a few days either way stay in it).
fn resolved(from: Day, to: Day, precision: Precision, date: &PublicationDate) -> PublicationDate {
    let (_, known) = anchor(date);
    date_at(from + (to - from) / 2, precision.max(known), date.source, date.evidence.clone())
}

/// Every relative time and year-less date of article `index`, resolved against `date` (its
/// publication date); in text order.
pub fn times_of(
    article: &Article,
    index: u32,
    entities: &EntityData,
    date: Option<&PublicationDate>,
) -> Vec<ResolvedTime> {
    let Some(date) = date else { return Vec::new() };
    let (today, _) = anchor(date);
    let mut out = Vec::new();
    for block in article.body() {
        let toks = tokens(&block.text);
        let mut i = 0;
        while i < toks.len() && out.len() < MAX_TIMES_PER_ARTICLE {
            let Some((last, offset)) = phrase_at(&toks, i) else {
                i += 1;
                continue;
            };
            let (from, to, precision) = place(offset, today);
            let (start, end) = (toks[i].start, toks[last].end);
            if let Some(text) = block.text.get(start..end) {
                out.push(ResolvedTime {
                    start: block.start + start,
                    end: block.start + end,
                    text: text.to_string(),
                    when: resolved(from, to, precision, date),
                });
            }
            i = last + 1;
        }
    }
    // Dates written without a year ("on March 3", "in July"): announced ones are the next such
    // date; a day told as past is the last one; a month alone ("faces an election in October")
    // is the last one unless the next is less than half as far.
    let (clues, _) = super::clues::clues(article, index, entities);
    // The days the article may have been written on: a day, or its whole month or year.
    let (first, last) = match (date.month, date.day) {
        (Some(_), Some(_)) => (today, today),
        (Some(m), None) => (month_start(date.year, m), month_end(date.year, m)),
        _ => (day_number(date.year, 1, 1), day_number(date.year, 12, 31)),
    };
    let year_less = clues
        .iter()
        .filter(|c| c.value.from.year.is_none() && c.value.from.month.is_some() && c.value.to.is_none());
    for clue in year_less {
        if out.len() >= MAX_TIMES_PER_ARTICLE {
            break;
        }
        let from = &clue.value.from;
        let (y, _, _) = civil(today);
        let spans = [y - 1, y, y + 1].map(|year| match (from.month, from.day) {
            (Some(m), Some(d)) => (day_number(year, m, d), day_number(year, m, d), Precision::Day),
            (Some(m), None) => (month_start(year, m), month_end(year, m), Precision::Month),
            _ => (0, 0, Precision::Year),
        });
        // A few days' slack: a report written on March 2 may tell of "March 3" as tonight's.
        let before = spans.iter().rev().find(|s| s.0 <= last + 3);
        let after = spans.iter().find(|s| s.1 >= first - 3);
        let pick = if clue.role == super::clues::Role::Future {
            after
        } else if from.day.is_none() {
            match (before, after) {
                // Past unless the next one is much nearer: news tells more of what was.
                (Some(b), Some(a)) if 2 * (a.0 - last) < first - b.1 => Some(a),
                (Some(b), _) => Some(b),
                (None, a) => a,
            }
        } else {
            before
        };
        let Some(&(lo, hi, precision)) = pick else { continue };
        out.push(ResolvedTime {
            start: clue.start,
            end: clue.end,
            text: clue.text.to_string(),
            when: resolved(lo, hi, precision, date),
        });
    }
    out.sort_by_key(|t| t.start);
    out
}

#[cfg(test)]
mod tests {
    use crate::{build_bundle, SourceInput};

    /// (words, resolved date) of every relative time of a one-article corpus.
    fn times(raw: &str) -> Vec<(String, String)> {
        let built = build_bundle(&[SourceInput { name: "a.txt", bytes: raw.as_bytes() }], "");
        built.bundle.times_of(0).into_iter().map(|t| (t.text, t.when.iso())).collect()
    }

    fn has(list: &[(String, String)], text: &str, iso: &str) -> bool {
        list.iter().any(|(t, d)| t == text && d == iso)
    }

    #[test]
    fn relative_days_resolve_against_a_stated_date() {
        // Thursday 9 March 2023.
        let t = times(
            "Minister quits after vote\n\nPosted by News Desk | March 9, 2023\n\n\
             The minister resigned yesterday. Parliament voted three days ago to censure him. \
             He had met the union last Tuesday. Talks began on Monday. A successor will be named \
             on Friday. The crisis began last month. The scandal broke on February 27.\n",
        );
        assert!(has(&t, "yesterday", "2023-03-08"), "{t:?}");
        assert!(has(&t, "three days ago", "2023-03-06"), "{t:?}");
        assert!(has(&t, "last Tuesday", "2023-03-07"), "{t:?}");
        assert!(has(&t, "Monday", "2023-03-06"), "{t:?}");
        assert!(has(&t, "Friday", "2023-03-10"), "{t:?}");
        assert!(has(&t, "last month", "2023-02"), "{t:?}");
        assert!(has(&t, "February 27", "2023-02-27"), "{t:?}");
    }

    #[test]
    fn a_year_less_date_takes_the_nearest_year() {
        // Written on 5 January 2024: "December 28" is last year's, "March 3" announced is this year's.
        let t = times(
            "Storm report\n\nPosted by News Desk | January 5, 2024\n\n\
             The storm hit the coast on December 28. The inquiry is expected to report on March 3.\n",
        );
        assert!(has(&t, "December 28", "2023-12-28"), "{t:?}");
        assert!(has(&t, "March 3", "2024-03-03"), "{t:?}");
        // A month alone is the nearest: an election "in October" seen from July is this year's.
        let t = times(
            "Vote report\n\nPosted by News Desk | July 27, 2021\n\n\
             The prime minister faces an election in October. Talks collapsed in January.\n",
        );
        assert!(has(&t, "October", "2021-10"), "{t:?}");
        assert!(has(&t, "January", "2021-01"), "{t:?}");
    }

    #[test]
    fn a_time_is_never_more_precise_than_the_article_date() {
        // Dated only by a past event to the month: "yesterday" is that month, not a day.
        let t = times("Storm report\n\nThe river rose in March 2022. Crews cleared the road yesterday.\n");
        assert!(t.iter().all(|(_, d)| d.len() <= 7), "{t:?}");
        // No date at all: nothing is resolved.
        assert!(times("Storm report\n\nCrews cleared the road yesterday.\n").is_empty());
    }

    #[test]
    fn a_weekday_that_starts_a_full_date_is_not_a_relative_time() {
        let t = times(
            "Report\n\nPosted by News Desk | March 9, 2023\n\nThe vote took place on Tuesday, March 7, 2023.\n",
        );
        assert!(!t.iter().any(|(w, _)| w == "Tuesday"), "{t:?}");
    }
}
