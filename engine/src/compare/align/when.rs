//! When a sentence says its fact happened: weekdays, months (a range of months is every month
//! in it) and years, and the weekday a midnight belongs to.

use super::*;

/// The calendar words of a sentence, as sets: two sentences that both say when and name no day,
/// month or year in common report different events ("on Friday" / "on Thursday").
#[derive(Clone, Default, PartialEq, Eq, Debug)]
pub(super) struct When {
    /// Bit `d` for weekday `d` (Monday = 0).
    pub(super) weekdays: u8,
    /// Bit `m` for month `m` (January = 0).
    pub(super) months: u16,
    /// Years written as four digits (1900–2099), sorted.
    pub(super) years: Vec<u16>,
    /// It dates something from the day of writing ("today", "recently", "this week"; see
    /// [`crate::text::is_relative_time`]).
    pub(super) relative: bool,
}

/// The month (January = 0) a range ending at the month name `toks[end]` starts from: "between
/// July and September", "from March 2022 to June" (a year may follow the first month), when the
/// first month comes earlier in the year than the last.
pub(super) fn month_range_start(toks: &[Token<'_>], end: usize) -> Option<usize> {
    const JOINS: &[&str] = &["and", "to", "through", "until", "till"];
    let month = |i: usize| crate::text::MONTHS.iter().position(|w| *w == toks[i].norm);
    let join = end.checked_sub(1)?;
    if !JOINS.contains(&toks[join].norm.as_str()) {
        return None;
    }
    let mut first = join.checked_sub(1)?;
    if toks[first].norm.len() == 4 && toks[first].norm.bytes().all(|b| b.is_ascii_digit()) {
        first = first.checked_sub(1)?;
    }
    let opener = first.checked_sub(1)?;
    let (m1, m2) = (month(first)?, month(end)?);
    (matches!(toks[opener].norm.as_str(), "between" | "from") && m1 < m2).then_some(m1)
}

impl When {
    /// Reads the weekdays, months and years of a sentence's tokens, given the clock times read
    /// from those tokens (indices into `toks`). A month name counts when capitalised ("May", not
    /// the verb "may") and "May" not as a sentence's first word.
    pub(super) fn of(toks: &[Token<'_>], clocks: &[ClockTime]) -> When {
        let mut when = When::default();
        for (i, t) in toks.iter().enumerate() {
            when.relative |= crate::text::is_relative_time(toks, i);
            if let Some(d) = crate::text::WEEKDAYS.iter().position(|w| *w == t.norm) {
                when.weekdays |= 1 << d;
            } else if let Some(m) = crate::text::MONTHS.iter().position(|w| *w == t.norm) {
                if t.text.starts_with(char::is_uppercase) && !(t.norm == "may" && i == 0) {
                    when.months |= 1 << m;
                    if let Some(first) = month_range_start(toks, i) {
                        // "Between July and September": every month in between too.
                        for k in first..m {
                            when.months |= 1 << k;
                        }
                    }
                }
            } else if t.norm.len() == 4 && t.norm.bytes().all(|b| b.is_ascii_digit()) {
                if let Ok(y) = t.norm.parse::<u16>() {
                    if (1900..2100).contains(&y) {
                        when.years.push(y);
                    }
                }
            }
        }
        when.weekdays |= midnight_days(toks, clocks);
        when.years.sort_unstable();
        when.years.dedup();
        when
    }

    /// It names no time at all.
    pub(super) fn is_empty(&self) -> bool {
        *self == When::default()
    }

    /// Both name a weekday, month or year in common ("on Thursday" / "Thursday").
    pub(super) fn overlaps(&self, other: &When) -> bool {
        self.weekdays & other.weekdays != 0
            || self.months & other.months != 0
            || self.years.iter().any(|y| other.years.binary_search(y).is_ok())
    }

    /// Both say when, and nothing they say is the same.
    pub(super) fn clashes(&self, other: &When) -> bool {
        let weekdays = self.weekdays != 0 && other.weekdays != 0 && self.weekdays & other.weekdays == 0;
        let months = self.months != 0 && other.months != 0 && self.months & other.months == 0;
        let years = !self.years.is_empty()
            && !other.years.is_empty()
            && !self.years.iter().any(|y| other.years.binary_search(y).is_ok());
        weekdays || months || years
    }
}

/// Tokens on either side of a midnight within which a weekday is its day ("at midnight on
/// Friday", "Friday at midnight", "at 00:00 on Saturday").
pub(super) const MIDNIGHT_WINDOW: usize = 3;

/// The weekdays a midnight in `toks` also falls on, as [`When::weekdays`] bits: midnight is the
/// moment between two days, so "midnight on Friday" (the end of Friday, as "24:00 on Friday") is
/// also Saturday, and "00:00 on Saturday" (its start) is also Friday: two outlets writing one
/// moment with two clocks name the same time.
pub(super) fn midnight_days(toks: &[Token<'_>], clocks: &[ClockTime]) -> u8 {
    let mut days = 0u8;
    for clock in clocks {
        // Days to add to the named weekday: midnight and 24:00 end it, 00:00 begins it.
        let shift = match clock.minutes {
            crate::entities::END_OF_DAY => 1,
            0 => 6,
            _ => continue,
        };
        let window =
            clock.first.saturating_sub(MIDNIGHT_WINDOW)..toks.len().min(clock.first + MIDNIGHT_WINDOW + 2);
        for t in &toks[window] {
            if let Some(d) = crate::text::WEEKDAYS.iter().position(|w| *w == t.norm) {
                days |= 1 << ((d + shift) % 7);
            }
        }
    }
    days
}

/// The clock times of `clocks` (read over a whole sentence) that lie within its tokens
/// `from..to`, with indices relative to that run (a clause's times).
pub(super) fn clocks_within(clocks: &[ClockTime], from: usize, to: usize) -> Vec<ClockTime> {
    clocks
        .iter()
        .filter(|c| c.first >= from && c.last < to)
        .map(|c| ClockTime { first: c.first - from, last: c.last - from, ..*c })
        .collect()
}
