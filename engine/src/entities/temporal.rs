//! Dates: "3 January 2020", "Between August 4 and 18", "August 4-18", "since 2021", "on Friday";
//! read once for the article page and the comparison (figures are in `figures.rs`).
//!
//! Values are structured so the comparison can line up dates across outlets: a date is one or two
//! [`PartialDate`]s plus an ISO-style [`DateValue::norm`] string.

use serde::{Deserialize, Serialize};

use crate::text::{english_month, month_of_name, weekday_of_name, Token};

/// A date with only the parts the text states.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartialDate {
    /// Year, where stated (or carried over from the other end of a range).
    pub year: Option<i32>,
    /// Month 1-12, where stated.
    pub month: Option<u8>,
    /// Day of the month, where stated.
    pub day: Option<u8>,
    /// Weekday 1 (Monday) - 7 (Sunday), where stated.
    pub weekday: Option<u8>,
}

impl PartialDate {
    /// ISO 8601 style: `2020-01-03`, `2020-01`, `2017`; without a year `--08-04` or `--07`
    /// (ISO 8601:2000 truncated forms); a weekday alone is `Mon`..`Sun`.
    pub fn iso(&self) -> String {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            (None, None, _) => {
                const NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
                self.weekday
                    .and_then(|w| NAMES.get(usize::from(w).wrapping_sub(1)))
                    .unwrap_or(&"")
                    .to_string()
            }
        }
    }
}

/// A normalised date mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    /// ISO-style text: one [`PartialDate::iso`], a range `from/to` (`--08-04/--08-18`,
    /// `--10/--07`), or an open range `2021/..` for "since 2021".
    pub norm: String,
    /// The date, or the start of the range.
    pub from: PartialDate,
    /// The end of a range ("Between August 4 and 18" ends on `--08-18`).
    pub to: Option<PartialDate>,
    /// True for "since ...": the range runs to the time of writing.
    pub open_ended: bool,
    /// True when the text gives no year (a weekday, "in July"): the date is relative to the
    /// article's own date.
    pub relative: bool,
}

/// A date or figure found in one block, with block-relative byte offsets.
pub(super) struct Found {
    pub start: usize,
    pub end: usize,
    pub value: super::Value,
}

fn month_of(norm: &str) -> Option<u8> {
    // Names in full, and "Sept", the one abbreviation long enough not to need its dot.
    let month = month_of_name(norm).or_else(|| (norm == "sept").then_some(9))?;
    u8::try_from(month).ok()
}

fn weekday_of(norm: &str) -> Option<u8> {
    weekday_of_name(norm).and_then(|d| u8::try_from(d).ok())
}

fn is_capitalised(token: &Token<'_>) -> bool {
    token.text.chars().next().is_some_and(char::is_uppercase)
}

fn day_of(token: &Token<'_>) -> Option<u8> {
    let digits = token.norm.trim_end_matches(['s', 't', 'n', 'd', 'h', 'r']);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(token: &Token<'_>) -> Option<i32> {
    if token.norm.len() == 4 && token.norm.bytes().all(|b| b.is_ascii_digit()) {
        token.norm.parse().ok().filter(|y| (1900..=2099).contains(y))
    } else {
        None
    }
}

/// The month of a capitalised abbreviation written with its dot ("Jan.", "Sept."), or without it
/// right before a day as wire datelines write it ("SANTOS, Brazil, Oct 8 (Reuters)"), at token `i`.
fn abbreviated_month(toks: &[Token<'_>], text: &str, i: usize) -> Option<u8> {
    let tok = toks.get(i)?;
    let dotted = text[tok.end..].starts_with('.');
    let before_day = toks.get(i + 1).is_some_and(|t| t.start == tok.end + 1 && day_of(t).is_some())
        && text[tok.end..].starts_with(' ');
    if !is_capitalised(tok) || tok.norm.len() > 4 || !(dotted || before_day) {
        return None;
    }
    english_month(&tok.norm).filter(|_| tok.norm != "may").and_then(|m| u8::try_from(m).ok())
}

/// The gap after an abbreviated month: its dot and one or two spaces (". ").
fn dotted_gap_ok(toks: &[Token<'_>], text: &str, a: usize, b: usize) -> bool {
    let (Some(x), Some(y)) = (toks.get(a), toks.get(b)) else { return false };
    let gap = &text[x.end..y.start];
    gap.starts_with('.') && gap.len() <= 3 && gap[1..].chars().all(|c| c == ' ')
}

/// Words after which a capitalised "May" or "March" is a month, not a verb.
const MONTH_CONTEXT: &[&str] = &[
    "in", "since", "of", "until", "till", "by", "early", "late", "mid", "from", "to", "and", "between",
    "end", "last", "next", "this", "on", "before", "after", "during", "through", "for",
];

/// A numeric date "d/m/yyyy" (or "m/d/yyyy" when only that reading is a date) at token `i`.
fn numeric_date(toks: &[Token<'_>], text: &str, i: usize) -> Option<(PartialDate, usize)> {
    let (a, b, y) = (toks.get(i)?, toks.get(i + 1)?, toks.get(i + 2)?);
    // Both numbers are days of a month (1-31); one of them must also be a month.
    let (first, second, year) = (day_of(a)?, day_of(b)?, year_of(y)?);
    if &text[a.end..b.start] != "/" || &text[b.end..y.start] != "/" {
        return None;
    }
    let (day, month) = if first > 12 || second <= 12 { (first, second) } else { (second, first) };
    if month > 12 {
        return None;
    }
    Some((PartialDate { year: Some(year), month: Some(month), day: Some(day), weekday: None }, i + 3))
}

/// A single date starting at token `i`: returns the date and the index one past its last token.
fn single_date(toks: &[Token<'_>], text: &str, i: usize) -> Option<(PartialDate, usize)> {
    let tok = toks.get(i)?;
    // Every date starts with a capitalised month or weekday, or a digit.
    if !tok.text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    let gap_ok = |a: usize, b: usize, allow_comma: bool| -> bool {
        let (Some(x), Some(y)) = (toks.get(a), toks.get(b)) else { return false };
        let gap = &text[x.end..y.start];
        gap.len() <= 3 && gap.chars().all(|c| c == ' ' || (allow_comma && c == ','))
    };
    // Weekday, optionally followed by ", April 23, 2025".
    if let Some(weekday) = weekday_of(&tok.norm).filter(|_| is_capitalised(tok)) {
        if gap_ok(i, i + 1, true) {
            if let Some((mut date, end)) = single_date(toks, text, i + 1).filter(|(d, _)| d.weekday.is_none())
            {
                date.weekday = Some(weekday);
                return Some((date, end));
            }
        }
        let date = PartialDate { weekday: Some(weekday), ..PartialDate::default() };
        return Some((date, i + 1));
    }
    // "5/10/2023": day first, as most of the world writes it, unless the first number cannot be
    // a month and the second can ("10/19/2023" is October 19).
    if let Some((date, end)) = numeric_date(toks, text, i) {
        return Some((date, end));
    }
    // "3 January 2020", "3 January".
    if let Some(day) = day_of(tok) {
        let month = toks.get(i + 1).filter(|t| is_capitalised(t)).and_then(|t| month_of(&t.norm));
        if let (Some(month), true) = (month, gap_ok(i, i + 1, false)) {
            let year = toks.get(i + 2).and_then(year_of).filter(|_| gap_ok(i + 1, i + 2, true));
            let end = if year.is_some() { i + 3 } else { i + 2 };
            return Some((PartialDate { year, month: Some(month), day: Some(day), weekday: None }, end));
        }
        return None;
    }
    // "Jan. 5, 2021", "Sept. 30": an abbreviated month with its dot, then a day or a year.
    let abbreviated = abbreviated_month(toks, text, i);
    if let Some(month) = month_of(&tok.norm).filter(|_| is_capitalised(tok)).or(abbreviated) {
        let after_month = |j: usize| {
            if abbreviated.is_some() {
                dotted_gap_ok(toks, text, i, j) || gap_ok(i, j, false)
            } else {
                gap_ok(i, j, false)
            }
        };
        let next_day = toks.get(i + 1).and_then(day_of).filter(|_| after_month(i + 1));
        let next_year = toks.get(i + 1).and_then(year_of).filter(|_| after_month(i + 1));
        if abbreviated.is_some() && next_day.is_none() && next_year.is_none() {
            return None;
        }
        let ambiguous = matches!(tok.norm.as_str(), "may" | "march");
        if ambiguous && next_day.is_none() && next_year.is_none() {
            let prev = i.checked_sub(1).and_then(|p| toks.get(p)).map(|t| t.norm.as_str());
            if !prev.is_some_and(|p| MONTH_CONTEXT.contains(&p)) {
                return None;
            }
        }
        if let Some(day) = next_day {
            let year = toks.get(i + 2).and_then(year_of).filter(|_| gap_ok(i + 1, i + 2, true));
            let end = if year.is_some() { i + 3 } else { i + 2 };
            return Some((PartialDate { year, month: Some(month), day: Some(day), weekday: None }, end));
        }
        if let Some(year) = next_year {
            return Some((
                PartialDate { year: Some(year), month: Some(month), ..PartialDate::default() },
                i + 2,
            ));
        }
        return Some((PartialDate { month: Some(month), ..PartialDate::default() }, i + 1));
    }
    let year = year_of(tok)?;
    // A year must stand alone: not "2020-2021" handled as two years, not inside a figure.
    Some((PartialDate { year: Some(year), ..PartialDate::default() }, i + 1))
}

fn date_value(from: PartialDate, to: Option<PartialDate>, open_ended: bool) -> super::Value {
    let mut from = from;
    let mut to = to;
    if let Some(end) = to.as_mut() {
        // "Between August 4 and 18": the end borrows the start's month; years flow both ways.
        if end.month.is_none() && end.year.is_none() && end.day.is_some() {
            end.month = from.month;
        }
        if from.year.is_none() && end.year.is_some() && from.month <= end.month {
            from.year = end.year;
        }
        if end.year.is_none() && from.year.is_some() && from.month <= end.month {
            end.year = from.year;
        }
    }
    let norm = match (&to, open_ended) {
        (Some(end), _) => format!("{}/{}", from.iso(), end.iso()),
        (None, true) => format!("{}/..", from.iso()),
        (None, false) => from.iso(),
    };
    let relative = from.year.is_none() && to.is_none_or(|t| t.year.is_none());
    super::Value::Date(Box::new(DateValue { norm, from, to, open_ended, relative }))
}

/// The end of a range joined to a date ending before token `at` by "to", "through", "until" or
/// "till", or by a dash: the next date, or a bare day when the start has one ("August 4-18");
/// returns the end and the index one past its last token.
fn range_end(toks: &[Token<'_>], text: &str, at: usize, start: &PartialDate) -> Option<(PartialDate, usize)> {
    let (prev, next) = (toks.get(at.checked_sub(1)?)?, toks.get(at)?);
    let gap = text[prev.end..next.start].trim();
    let dash = matches!(gap, "-" | "–" | "—");
    let word = gap.is_empty() && matches!(next.norm.as_str(), "to" | "through" | "until" | "till");
    let from = match (dash, word) {
        (true, _) => at,
        (false, true) => at + 1,
        (false, false) => return None,
    };
    if let Some((end_date, after)) = single_date(toks, text, from) {
        // Both ends are the same kind of date: a day to a day, a month to a month, a year to a
        // year (not "in 2020 to 5 people").
        let same_kind = end_date.weekday.is_none()
            && end_date.day.is_some() == start.day.is_some()
            && (end_date.month.is_some() || start.month.is_none());
        return same_kind.then_some((end_date, after));
    }
    let day = toks.get(from).and_then(day_of).filter(|_| start.day.is_some() && start.month.is_some())?;
    // Not a number that goes on to a month of its own or counts something ("4 to 18 August" is
    // read from its second date; "August 4 to 18 people" is no range).
    let tail = toks.get(from + 1);
    let counts = tail.is_some_and(|t| {
        text[toks[from].end..t.start].trim().is_empty()
            && !is_capitalised(t)
            && !MONTH_CONTEXT.contains(&t.norm.as_str())
            && !matches!(t.norm.as_str(), "at" | "the" | "when" | "while" | "as" | "for" | "with")
    });
    if tail.is_some_and(|t| month_of(&t.norm).is_some()) || counts || toks[from].norm.len() > 2 {
        return None;
    }
    Some((PartialDate { day: Some(day), ..PartialDate::default() }, from + 1))
}

/// Finds dates in a block's text. `free(start, end)` says whether a byte range is still unclaimed.
pub(super) fn dates(text: &str, toks: &[Token<'_>], free: &dyn Fn(usize, usize) -> bool) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((date, mut end)) = single_date(toks, text, i) else {
            i += 1;
            continue;
        };
        let mut start_tok = i;
        let mut to = None;
        let mut open_ended = false;
        let prev = i.checked_sub(1).and_then(|p| toks.get(p)).map(|t| t.norm.as_str());
        match prev {
            Some("between") | Some("from") => {
                // "between X and Y", "from X to (the end of) Y".
                let joiner = if prev == Some("between") { "and" } else { "to" };
                if toks.get(end).is_some_and(|t| t.norm == joiner) {
                    let mut j = end + 1;
                    if toks.get(j).is_some_and(|t| t.norm == "the")
                        && toks.get(j + 1).is_some_and(|t| {
                            matches!(t.norm.as_str(), "end" | "beginning" | "start" | "middle")
                        })
                        && toks.get(j + 2).is_some_and(|t| t.norm == "of")
                    {
                        j += 3;
                    }
                    let bare_day = toks.get(j).and_then(day_of).filter(|_| date.day.is_some());
                    if let Some((end_date, after)) = single_date(toks, text, j) {
                        to = Some(end_date);
                        end = after;
                        start_tok = i - 1;
                    } else if let Some(day) = bare_day {
                        to = Some(PartialDate { day: Some(day), ..PartialDate::default() });
                        end = j + 1;
                        start_tok = i - 1;
                    }
                }
            }
            Some("since") => {
                open_ended = true;
                start_tok = i - 1;
            }
            _ => {}
        }
        // "August 4 to 18", "August 4-18", "August 4 until August 18": a range with no
        // "between" or "from" before it.
        if to.is_none() && !open_ended && date.weekday.is_none() {
            if let Some((end_date, after)) = range_end(toks, text, end, &date) {
                to = Some(end_date);
                end = after;
            }
        }
        let (Some(first), Some(last)) = (toks.get(start_tok), end.checked_sub(1).and_then(|e| toks.get(e)))
        else {
            break;
        };
        let (start, stop) = (first.start, last.end);
        // A bare year glued to a hyphen ("2020-21") or a figure-like context stays a year anyway.
        if free(start, stop) {
            out.push(Found { start, end: stop, value: date_value(date, to, open_ended) });
        }
        i = end.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Value;
    use crate::text::tokens;

    fn dates_in(text: &str) -> Vec<(String, String)> {
        let toks = tokens(text);
        dates(text, &toks, &|_, _| true)
            .into_iter()
            .map(|f| match f.value {
                Value::Date(d) => (text[f.start..f.end].to_string(), d.norm),
                Value::Figure(_) => unreachable!("dates() gives dates"),
            })
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn absolute_dates_normalise_to_iso() {
        assert_eq!(dates_in("killed on 3 January 2020 in Baghdad"), [pair("3 January 2020", "2020-01-03")]);
        assert_eq!(dates_in("in January 2020 when"), [pair("January 2020", "2020-01")]);
        assert_eq!(
            dates_in("Baghdad, Iraq, Wednesday, April 23, 2025. (AP)"),
            [pair("Wednesday, April 23, 2025", "2025-04-23")]
        );
        assert_eq!(dates_in("defeated in Iraq in 2017, although"), [pair("2017", "2017")]);
        assert_eq!(dates_in("started on October 7, and"), [pair("October 7", "--10-07")]);
        // One date, as the comparison used to read it (a month, a count of 5 and a year).
        assert_eq!(dates_in("on Jan. 5, 2021, the"), [pair("Jan. 5, 2021", "2021-01-05")]);
        assert_eq!(dates_in("by Sept. 2020 most"), [pair("Sept. 2020", "2020-09")]);
        assert!(dates_in("Dec. The end").is_empty());
        // Wire datelines drop the dot before the day.
        assert_eq!(dates_in("SANTOS, Brazil, Oct 8 (Reuters) - Dockworkers"), [pair("Oct 8", "--10-08")]);
        assert_eq!(dates_in("the Oct 2020 report"), [pair("2020", "2020")]);
    }

    #[test]
    fn numeric_dates_read_day_first_unless_only_month_first_is_a_date() {
        assert_eq!(dates_in("signed on 5/10/2023 in Accra"), [pair("5/10/2023", "2023-10-05")]);
        assert_eq!(dates_in("filed 19/9/2023."), [pair("19/9/2023", "2023-09-19")]);
        assert_eq!(dates_in("filed 10/19/2023."), [pair("10/19/2023", "2023-10-19")]);
        // Neither reading is a date: only its year is.
        assert_eq!(dates_in("filed 13/13/2023."), [pair("2023", "2023")]);
        // A fraction is no date.
        assert!(dates_in("a 2/3 majority").is_empty());
    }

    #[test]
    fn a_month_after_for_is_a_month() {
        assert_eq!(dates_in("The vote is scheduled for March."), [pair("March", "--03")]);
    }

    #[test]
    fn relative_dates_and_ranges() {
        assert_eq!(dates_in("Kadhimi on Friday described"), [pair("Friday", "Fri")]);
        assert_eq!(dates_in("meet Trump Thursday to discuss"), [pair("Thursday", "Thu")]);
        assert_eq!(dates_in("travel to Washington in July and"), [pair("July", "--07")]);
        assert_eq!(dates_in("co-organizing with Baghdad since 2021."), [pair("since 2021", "2021/..")]);
        assert_eq!(
            dates_in("From October to the end of July, Iraqi armed factions"),
            [pair("From October to the end of July", "--10/--07")]
        );
        assert_eq!(
            dates_in("Between August 4 and 18, 14 bomb"),
            [pair("Between August 4 and 18", "--08-04/--08-18")]
        );
        assert_eq!(
            dates_in("between August 4 and August 16, Iraqi"),
            [pair("between August 4 and August 16", "--08-04/--08-16")]
        );
        assert_eq!(dates_in("who took office in May, faces"), [pair("May", "--05")]);
        assert!(dates_in("It May Rain and armies march").is_empty());
    }
}
