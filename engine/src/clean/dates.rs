//! Recognising a line that is only a date ("Monday, April 15, 2024", "Published: 2 July 2021",
//! "2020-08-19 10:15") and turning it into ISO `YYYY-MM-DD`.

use crate::text::{MONTHS, WEEKDAYS};

/// Words that may surround a date on a date line.
const DATE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "on",
    "at",
    "date",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "est",
    "edt",
    "bst",
    "cet",
    "ast",
];
/// The same words on pages in the other languages news pages most often come in (German, French,
/// Spanish, Portuguese, Italian, Dutch, Scandinavian): "Publiziert", "Stand: … Uhr", "Actualizado".
const DATE_WORDS_OTHER: &[&str] = &[
    "publiziert",
    "veröffentlicht",
    "aktualisiert",
    "stand",
    "datum",
    "uhr",
    "am",
    "um",
    "publié",
    "publie",
    "mis",
    "à",
    "jour",
    "le",
    "publicado",
    "actualizado",
    "el",
    "pubblicato",
    "aggiornato",
    "il",
    "gepubliceerd",
    "bijgewerkt",
    "publisert",
    "oppdatert",
    "publicerad",
    "uppdaterad",
    "kl",
];
/// Words saying the date is the article's own.
const OWN_DATE_WORDS: &[&str] = &[
    "published",
    "posted",
    "updated",
    "publiziert",
    "veröffentlicht",
    "aktualisiert",
    "publié",
    "publicado",
    "actualizado",
    "pubblicato",
    "aggiornato",
    "gepubliceerd",
    "publisert",
    "publicerad",
];
/// Month names in those languages (lower case; January is 1). English ones are
/// [`crate::text::MONTHS`]; abbreviations are any prefix of three letters or more.
const MONTHS_OTHER: &[(&str, u32)] = &[
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("enero", 1),
    ("janeiro", 1),
    ("gennaio", 1),
    ("januari", 1),
    ("februar", 2),
    ("février", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("märz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("maart", 3),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("mai", 5),
    ("mayo", 5),
    ("maio", 5),
    ("maggio", 5),
    ("mei", 5),
    ("maj", 5),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("junho", 6),
    ("giugno", 6),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("julho", 7),
    ("luglio", 7),
    ("août", 8),
    ("agosto", 8),
    ("augusti", 8),
    ("septembre", 9),
    ("septiembre", 9),
    ("setembro", 9),
    ("settembre", 9),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("ottobre", 10),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("dezember", 12),
    ("décembre", 12),
    ("diciembre", 12),
    ("dezembro", 12),
    ("dicembre", 12),
    ("december", 12),
    ("desember", 12),
];

/// A date line: the date in ISO form, and whether it says it is the article's ("Published ...").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateLine {
    /// `YYYY-MM-DD`.
    pub iso: String,
    /// The line says "Published", "Posted" or "Updated".
    pub own: bool,
}

/// Parses a line holding only a date (with optional weekday, time and "Published:" words).
pub(crate) fn parse_date_line(s: &str) -> Option<DateLine> {
    if s.len() > 80 || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let (mut day, mut month, mut year) = (None, None, None);
    let mut own = false;
    for raw in s.split(|c: char| c.is_whitespace() || c == ',') {
        let word =
            raw.trim_matches(|c: char| matches!(c, '.' | '|' | '(' | ')' | ':' | '-' | '–' | '—' | '·'));
        if word.is_empty() {
            continue;
        }
        let lower = word.to_lowercase();
        if let Some((y, m, d)) = numeric_date(word).or_else(|| dotted_date(word)) {
            (year, month, day) = (Some(y), Some(m), Some(d));
        } else if let Some(m) = month_of(&lower) {
            month = Some(m);
        } else if WEEKDAYS.iter().any(|d| *d == lower || (lower.len() >= 3 && d.starts_with(lower.as_str())))
        {
        } else if DATE_WORDS.contains(&lower.as_str()) || DATE_WORDS_OTHER.contains(&lower.as_str()) {
            own |= OWN_DATE_WORDS.contains(&lower.as_str());
        } else if word.contains(':') && word.chars().all(|c| c.is_ascii_digit() || c == ':') {
            // A time of day.
        } else {
            let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix_ok = matches!(&lower[digits.len()..], "" | "st" | "nd" | "rd" | "th");
            if digits.is_empty() || !suffix_ok || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let n: u32 = digits.parse().ok()?;
            match digits.len() {
                4 if (1800..=2200).contains(&n) => year = Some(n),
                1 | 2 if (1..=31).contains(&n) => day = Some(n),
                _ => return None,
            }
        }
    }
    let (y, m, d) = (year?, month?, day?);
    (d <= days_in_month(y, m)).then(|| DateLine { iso: format!("{y:04}-{m:02}-{d:02}"), own })
}

fn month_of(lower: &str) -> Option<u32> {
    let lower = lower.trim_end_matches('.');
    let named = |m: &str| m == lower || (lower.chars().count() >= 3 && m.starts_with(lower));
    MONTHS.iter().position(|m| named(m)).map(|i| i as u32 + 1).or_else(|| {
        // "mar" is March in English before it is "mars"; the English list is searched first.
        MONTHS_OTHER.iter().find(|(m, _)| named(m)).map(|(_, n)| *n)
    })
}

/// `27.08.2024`: the day-first dotted form of German, Scandinavian and Slavic pages.
fn dotted_date(word: &str) -> Option<(u32, u32, u32)> {
    let mut parts = word.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1800..=2200).contains(&y)).then_some((y, m, d))
}

/// `2024-04-15` or `2024/04/15`.
fn numeric_date(word: &str) -> Option<(u32, u32, u32)> {
    let mut parts = word.split(['-', '/']);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse_date_line(s).map(|d| d.iso)
    }

    #[test]
    fn date_lines_in_common_styles() {
        assert_eq!(iso("Monday, April 15, 2024").as_deref(), Some("2024-04-15"));
        assert_eq!(iso("15 Apr. 2024 | 10:15 GMT").as_deref(), Some("2024-04-15"));
        assert_eq!(iso("2020-08-19").as_deref(), Some("2020-08-19"));
        assert_eq!(
            parse_date_line("Published: July 2nd, 2021").map(|d| (d.iso, d.own)),
            Some(("2021-07-02".into(), true))
        );
    }

    #[test]
    fn sentences_and_impossible_dates_are_not_date_lines() {
        assert_eq!(iso("Between August 4 and 18, 14 bomb and rocket attacks"), None);
        assert_eq!(iso("February 30, 2024"), None);
        assert_eq!(iso("May 2020"), None);
        assert_eq!(iso("Only $1/click"), None);
        assert_eq!(iso("Die Wahl am 3. März"), None);
    }

    #[test]
    fn date_lines_in_other_languages() {
        assert_eq!(iso("30. Juni 2025,").as_deref(), Some("2025-06-30"));
        assert_eq!(iso("27.08.2024, 12:32 Uhr").as_deref(), Some("2024-08-27"));
        assert_eq!(iso("Datum 28.04.2023").as_deref(), Some("2023-04-28"));
        assert_eq!(iso("4 Febbraio 2025 - 14:41").as_deref(), Some("2025-02-04"));
        assert_eq!(iso("2. februar 2025").as_deref(), Some("2025-02-02"));
        assert_eq!(iso("15 OCT 2024").as_deref(), Some("2024-10-15"));
        assert_eq!(
            parse_date_line("Publiziert am 6. November 2025, 12:26").map(|d| (d.iso, d.own)),
            Some(("2025-11-06".into(), true))
        );
    }
}
