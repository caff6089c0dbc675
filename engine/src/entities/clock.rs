//! Clock times, read once for every consumer: "7:45 pm", "7.45pm", "10 pm", "6 a.m.", "22:00",
//! "06:00", "midnight", "noon". Two outlets writing one moment with two clocks ("10 pm" /
//! "22:00") get the same minutes; the comparison matches times by them and the figure readers
//! (the entities layer's and the comparison's) leave a clock's numbers alone, so "10 pm" is not a
//! count of ten.

use crate::text::Token;

/// Minutes of a midnight that ends the day it is written with ("midnight on Sunday", "24:00"):
/// the same moment as 00:00 of the next day, which [`ClockTime::minute_of_day`] reads as 0.
pub const END_OF_DAY: u16 = 24 * 60;

/// A clock time found in a run of tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockTime {
    /// Index of its first token.
    pub first: usize,
    /// Index of its last token ("pm" in "10 pm", "m" in "6 a.m.").
    pub last: usize,
    /// Minutes after the start of the day, 0–1440: "00:00" is 0, "midnight" and "24:00" are
    /// [`END_OF_DAY`] (the end of the day named with it).
    pub minutes: u16,
}

impl ClockTime {
    /// The moment as minutes after a midnight, 0–1439: "midnight", "24:00" and "00:00" are all 0.
    pub fn minute_of_day(&self) -> u16 {
        self.minutes % END_OF_DAY
    }
}

/// Reads "am"/"pm" at token `i` ("pm", "p.m." as the tokens "p" "m", or glued to the number as in
/// "10pm"): `Some((is_pm, last token))`.
fn meridiem(text: &str, toks: &[Token<'_>], i: usize) -> Option<(bool, usize)> {
    let t = toks.get(i)?;
    match t.norm.as_str() {
        "am" => Some((false, i)),
        "pm" => Some((true, i)),
        "a" | "p" => toks
            .get(i + 1)
            .filter(|m| m.norm == "m" && text.get(t.end..m.start) == Some("."))
            .map(|_| (t.norm == "p", i + 1)),
        _ => None,
    }
}

/// An hour written with am/pm (1–12) as minutes of the day.
fn twelve_hour(hour: u16, minute: u16, pm: bool) -> Option<u16> {
    if !(1..=12).contains(&hour) || minute > 59 {
        return None;
    }
    let h = match (hour, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    Some(h * 60 + minute)
}

/// Hour and minute of a number written "7.45" (one token) or "7" alone.
fn hour_minute(norm: &str) -> Option<(u16, u16)> {
    let (h, m) = norm.split_once('.').unwrap_or((norm, "00"));
    let digits = |s: &str, max_len: usize| {
        !s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(h, 2) || !digits(m, 2) || m.len() != 2 {
        return None;
    }
    Some((h.parse().ok()?, m.parse().ok()?))
}

/// Every clock time in `toks` (tokens of `text`), in order, never overlapping.
pub fn clock_times(text: &str, toks: &[Token<'_>]) -> Vec<ClockTime> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let found = match t.norm.as_str() {
            "midnight" => Some((END_OF_DAY, i)),
            "noon" | "midday" => Some((12 * 60, i)),
            n if n.starts_with(|c: char| c.is_ascii_digit()) => read_numeric(text, toks, i),
            _ => None,
        };
        match found {
            Some((minutes, last)) => {
                out.push(ClockTime { first: i, last, minutes });
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// A clock time starting at the number token `i`: "22:00", "7:45 pm", "7.45pm", "10 pm",
/// "6 a.m.".
fn read_numeric(text: &str, toks: &[Token<'_>], i: usize) -> Option<(u16, usize)> {
    let t = &toks[i];
    // "10pm", "7.45am": the meridiem glued to the number.
    for (suffix, pm) in [("pm", true), ("am", false)] {
        if let Some(number) = t.norm.strip_suffix(suffix) {
            let (h, m) = hour_minute(number)?;
            return twelve_hour(h, m, pm).map(|minutes| (minutes, i));
        }
    }
    // "22:00", "7:45": hour, a colon, two digits of minutes.
    let colon_minutes = toks.get(i + 1).filter(|m| {
        text.get(t.end..m.start) == Some(":")
            && m.norm.len() == 2
            && m.norm.bytes().all(|b| b.is_ascii_digit())
    });
    let (hour, minute, last) = match colon_minutes {
        Some(m) => {
            let hour: u16 = t.norm.parse().ok().filter(|_| t.norm.len() <= 2)?;
            (hour, m.norm.parse::<u16>().ok()?, i + 1)
        }
        None => {
            let (h, m) = hour_minute(&t.norm)?;
            (h, m, i)
        }
    };
    // A following "am"/"pm" makes it a twelve-hour time ("7:45 pm", "10 pm", "6 a.m.").
    let gap_ok = toks.get(last + 1).is_some_and(|n| matches!(text.get(toks[last].end..n.start), Some(" ")));
    if let Some((pm, end)) = meridiem(text, toks, last + 1).filter(|_| gap_ok) {
        return twelve_hour(hour, minute, pm).map(|minutes| (minutes, end));
    }
    // Without am/pm only the colon form is a clock ("at 10" is not).
    if colon_minutes.is_none() || hour > 24 || minute > 59 || (hour == 24 && minute > 0) {
        return None;
    }
    Some((hour * 60 + minute, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn minutes(text: &str) -> Vec<u16> {
        clock_times(text, &tokens(text)).iter().map(|c| c.minute_of_day()).collect()
    }

    #[test]
    fn one_moment_written_with_two_clocks_reads_the_same() {
        assert_eq!(minutes("The curfew will run from 10 pm to 6 am."), minutes("between 22:00 and 06:00"));
        assert_eq!(minutes("Power went out at 7:45 pm"), vec![19 * 60 + 45]);
        assert_eq!(minutes("at 7.45pm on Tuesday"), vec![19 * 60 + 45]);
        assert_eq!(minutes("reopens at 2 p.m. local time"), minutes("at 14:00"));
        assert_eq!(minutes("by 11pm"), vec![23 * 60]);
        // Midnight is 00:00 and 24:00; noon is 12 pm, and 12 am is midnight.
        assert_eq!(minutes("from midnight"), minutes("at 00:00"));
        assert_eq!(minutes("from 24:00"), vec![0]);
        assert_eq!(minutes("at noon"), minutes("at 12 pm"));
        assert_eq!(minutes("at 12 am"), vec![0]);
    }

    #[test]
    fn numbers_that_are_not_clocks_stay_numbers() {
        // Counts, scores, years, a decimal without am/pm, a bare hour.
        assert!(minutes("10 people were arrested at 10 Downing Street").is_empty());
        assert!(minutes("The score was 2:1 in 2020.").is_empty());
        assert!(minutes("Shares fell 7.45 percent.").is_empty());
        assert!(minutes("They met at 10.").is_empty());
        assert!(minutes("at 25:00 or 13 pm").is_empty());
        // "a.m." needs its dot: "a m" is two words.
        assert!(minutes("He is 6 a man").is_empty());
    }
}
