//! Dates and figures: "3 January 2020", "Between August 4 and 18", "since 2021", "on Friday";
//! "5,000 US troops", "14 bomb and rocket attacks", "13 were released", "ten years".
//!
//! Values are structured so the comparison can line up figures across outlets: a figure is a
//! number plus the head noun it counts ([`FigureValue::unit`]), a date is one or two
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

/// A normalised figure mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureValue {
    /// The number: "5,000" is 5000, "ten" is 10, "2.5 million" is 2500000.
    pub value: f64,
    /// What it counts: the head noun as written, lower case ("troops", "attacks"); coordinated
    /// heads stay together ("bombs and missiles"); "percent" for percentages. Empty when the text
    /// does not say and no earlier figure in the article does.
    pub unit: String,
    /// The whole counted phrase as written ("US troops", "bomb and rocket attacks").
    pub counted: String,
    /// True when the unit was carried over from the previous figure ("14 fighters ... 13 were
    /// released" gives 13 fighters).
    pub inferred: bool,
    /// A hedge before the number, folded: "about", "more than", "at least", "nearly"...
    pub qualifier: Option<String>,
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
    "end", "last", "next", "this", "on", "before", "after", "during", "through",
];

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

const SCALES: &[(&str, f64)] = &[("hundred", 100.0), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9)];

/// Words that end a counted noun phrase.
const PHRASE_STOP: &[&str] = &[
    "of", "the", "a", "an", "in", "on", "at", "to", "from", "by", "with", "for", "were", "was", "are", "is",
    "be", "been", "have", "has", "had", "that", "which", "who", "later", "ago", "earlier", "after", "before",
    "since", "than", "more", "less", "per", "each", "said", "says", "or", "but", "as", "into", "during",
    "while", "when", "where", "this", "these", "those", "their", "its", "his", "her", "will", "would",
    "could", "can", "may", "did", "do", "not", "out", "up", "over", "under", "against",
];

const QUALIFIERS: &[&str] = &[
    "more than",
    "less than",
    "fewer than",
    "at least",
    "up to",
    "as many as",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "over",
    "roughly",
    "approximately",
    "only",
    "just",
    "estimated",
];

/// Units of time are never carried over to a bare count ("Three days later, 13 were released").
const TIME_UNITS: &[&str] = &["days", "weeks", "months", "years", "hours", "minutes", "decades", "times"];

const IRREGULAR_PLURALS: &[&str] =
    &["people", "men", "women", "children", "police", "personnel", "staff", "troops"];

fn is_plural(word: &str) -> bool {
    IRREGULAR_PLURALS.contains(&word) || (word.len() > 3 && word.ends_with('s') && !word.ends_with("ss"))
}

/// Bytes before a number searched for its qualifier: longer than any qualifier in [`QUALIFIERS`]
/// with the character before it.
const QUALIFIER_BYTES: usize = 24;

/// The last `max` bytes of `text` at most, cut on a character boundary.
fn tail(text: &str, max: usize) -> &str {
    let mut from = text.len().saturating_sub(max);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..]
}

fn number_of(token: &Token<'_>) -> Option<f64> {
    let n = token.norm.as_str();
    if n.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        if !n.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
            return None;
        }
        return n.replace(',', "").parse().ok();
    }
    crate::text::number_word(n)
}

/// Finds figures in a block's text. `last_unit` carries the previous figure's unit across blocks
/// of one article, for "13 were released".
pub(super) fn figures(
    text: &str,
    toks: &[Token<'_>],
    free: &dyn Fn(usize, usize) -> bool,
    last_unit: &mut String,
) -> Vec<Found> {
    let mut out = Vec::new();
    // A clock's numbers are a time, not counts ("10 pm", "22:00").
    let clocks = super::clock::clock_times(text, toks);
    let mut i = 0;
    while i < toks.len() {
        if let Some(clock) = clocks.iter().find(|c| (c.first..=c.last).contains(&i)) {
            i = clock.last + 1;
            continue;
        }
        let tok = &toks[i];
        // A number in digits or words ("twenty-seven", "two thousand five hundred").
        let phrase = match crate::text::number_phrase(toks, i) {
            Some((value, last)) if last > i && toks[i].norm.starts_with(|c: char| !c.is_ascii_digit()) => {
                Some((value, last))
            }
            _ => number_of(tok).map(|v| (v, i)),
        };
        let Some((mut value, last)) = phrase else {
            i += 1;
            continue;
        };
        // Skip compounds ("two-state"), money ("$1"), and anything already claimed (dates).
        let after = &text[toks[last].end..];
        let before = &text[..tok.start];
        if after.starts_with('-')
            || after.starts_with('/')
            || before.ends_with('$')
            || !free(tok.start, toks[last].end)
        {
            i += 1;
            continue;
        }
        let mut j = last + 1;
        let gap_ok = |a: &Token<'_>, b: &Token<'_>| {
            let gap = &text[a.end..b.start];
            !gap.is_empty() && gap.len() <= 2 && gap.chars().all(|c| c == ' ' || c == '-')
        };
        if let Some((_, scale)) = toks
            .get(j)
            .filter(|t| gap_ok(&toks[j - 1], t))
            .and_then(|t| SCALES.iter().find(|s| s.0 == t.norm))
        {
            value *= scale;
            j += 1;
        }
        let mut end = toks[j - 1].end;
        // Percentages.
        let mut unit = String::new();
        let mut counted = String::new();
        if text[end..].starts_with('%') {
            end += 1;
            unit = "percent".into();
        } else if toks
            .get(j)
            .is_some_and(|t| gap_ok(&toks[j - 1], t) && matches!(t.norm.as_str(), "percent" | "pc"))
        {
            end = toks[j].end;
            unit = "percent".into();
        } else {
            // The counted phrase: up to four words, ending at the first plural noun.
            let first = j;
            let mut last = None;
            let mut head_from = None;
            while j < toks.len() && j - first < 5 {
                let t = &toks[j];
                if !gap_ok(&toks[j - 1], t)
                    || !t.norm.chars().all(char::is_alphabetic)
                    || PHRASE_STOP.contains(&t.norm.as_str())
                {
                    break;
                }
                if t.norm == "and" {
                    let continues = toks.get(j + 1).is_some_and(|n| {
                        gap_ok(t, n)
                            && n.norm.chars().all(char::is_alphabetic)
                            && !PHRASE_STOP.contains(&n.norm.as_str())
                    });
                    if !continues || last.is_none() {
                        break;
                    }
                    j += 1;
                    continue;
                }
                let is_caps = t.text.chars().all(|c| !c.is_lowercase());
                last = Some(j);
                if is_plural(&t.norm) && !is_caps {
                    let coordinated = toks.get(j + 1).is_some_and(|n| n.norm == "and" && gap_ok(t, n));
                    if coordinated && head_from.is_none() {
                        head_from = Some(j);
                        j += 1;
                        continue;
                    }
                    break;
                }
                j += 1;
            }
            if let Some(last) = last {
                let head_start = head_from.unwrap_or(last);
                end = toks[last].end;
                counted = text[toks[first].start..end].to_string();
                unit = crate::text::fold(&text[toks[head_start].start..end]);
                if head_from.is_none() {
                    unit = toks[last].norm.clone();
                }
            }
        }
        let mut inferred = false;
        if unit.is_empty() && !last_unit.is_empty() {
            unit = last_unit.clone();
            inferred = true;
        }
        if unit.is_empty() || !free(tok.start, end) {
            i += 1;
            continue;
        }
        if !inferred && !TIME_UNITS.contains(&unit.as_str()) {
            last_unit.clone_from(&unit);
        }
        // Only the few words before the number can hold its qualifier: folding the whole
        // paragraph before every number made long paragraphs of figures quadratic.
        let folded_before = crate::text::fold(tail(before.trim_end(), QUALIFIER_BYTES));
        let qualifier = QUALIFIERS
            .iter()
            .find(|q| {
                folded_before.ends_with(*q)
                    && folded_before[..folded_before.len() - q.len()]
                        .chars()
                        .last()
                        .is_none_or(|c| !c.is_alphanumeric())
            })
            .map(|q| q.to_string());
        out.push(Found {
            start: tok.start,
            end,
            value: super::Value::Figure(Box::new(FigureValue { value, unit, counted, inferred, qualifier })),
        });
        i = j.max(i + 1);
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

    fn figures_in(text: &str) -> Vec<(String, f64, String, bool)> {
        let toks = tokens(text);
        let mut last = String::new();
        let taken: Vec<(usize, usize)> =
            dates(text, &toks, &|_, _| true).iter().map(|f| (f.start, f.end)).collect();
        let free = move |s: usize, e: usize| taken.iter().all(|&(a, b)| e <= a || b <= s);
        figures(text, &toks, &free, &mut last)
            .into_iter()
            .map(|f| match f.value {
                Value::Figure(v) => (text[f.start..f.end].to_string(), v.value, v.unit, v.inferred),
                Value::Date(_) => unreachable!("figures() gives figures"),
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

    #[test]
    fn figures_carry_what_they_count() {
        let f = figures_in("the expulsion of the 5,000 US troops deployed");
        assert_eq!(f, [("5,000 US troops".to_string(), 5000.0, "troops".to_string(), false)]);
        let f = figures_in("Between August 4 and 18, 14 bomb and rocket attacks targeted");
        assert_eq!(f, [("14 bomb and rocket attacks".to_string(), 14.0, "attacks".to_string(), false)]);
        let f = figures_in("were attacked with 13 bombs and missiles.");
        assert_eq!(f, [("13 bombs and missiles".to_string(), 13.0, "bombs and missiles".to_string(), false)]);
        let f = figures_in("carried out 39 rocket attacks against");
        assert_eq!(f[0].2, "attacks");
        let f = figures_in("fired 39 missiles at US positions");
        assert_eq!(f[0].2, "missiles");
        let f = figures_in("\"We cannot allow ten years of success");
        assert_eq!(f, [("ten years".to_string(), 10.0, "years".to_string(), false)]);
    }

    #[test]
    fn numbers_written_in_words_are_one_figure() {
        let f = figures_in("Twenty-seven miners were trapped");
        assert_eq!(f, [("Twenty-seven miners".to_string(), 27.0, "miners".to_string(), false)]);
        let f = figures_in("to expel two thousand five hundred US troops");
        assert_eq!((f[0].1, f[0].2.as_str()), (2500.0, "troops"));
        // A number word inside a compound adjective is no count.
        assert!(figures_in("a twenty-seven-year-old miner").is_empty());
    }

    #[test]
    fn a_bare_count_borrows_the_previous_unit() {
        let f = figures_in(
            "14 fighters from the Hezbollah Brigades were arrested. Three days later, 13 were released",
        );
        assert_eq!(f[0].2, "fighters");
        assert_eq!((f[1].1, f[1].2.as_str()), (3.0, "days"));
        // "13" borrows the last counted unit; units of time are skipped.
        assert_eq!(f[2], ("13".to_string(), 13.0, "fighters".to_string(), true));
    }

    #[test]
    fn compounds_money_and_years_are_not_figures() {
        assert!(figures_in("a two-state solution").is_empty());
        assert!(figures_in("Only $1/click").is_empty());
        assert!(figures_in("since 1998 commander").is_empty());
    }

    #[test]
    fn clock_times_are_no_counts_and_counts_beside_them_stay() {
        assert!(figures_in("The curfew runs from 10 pm to 6 am.").is_empty());
        assert!(figures_in("Power went out at 19:45 on Tuesday.").is_empty());
        let arrested = figures_in("Police arrested 112 people after 22:00.");
        assert_eq!(arrested.len(), 1, "{arrested:?}");
        assert_eq!((arrested[0].1, arrested[0].2.as_str()), (112.0, "people"));
    }
}
