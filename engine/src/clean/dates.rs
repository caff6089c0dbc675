//! Recognising a line that is only a date ("Monday, April 15, 2024", "Published: 2 July 2021",
//! "2020-08-19 10:15") and turning it into ISO `YYYY-MM-DD`.

use super::furniture;
use crate::text::{month_number, WEEKDAYS, WEEKDAYS_OTHER_LANGUAGES};

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
    // The French hour mark: "à 08h10" reads as "08", "h", "10", the figures after the date.
    "h",
    "jour",
    "le",
    "publicado",
    "actualizado",
    "el",
    // "7 de agosto de 2025", "3 de março de 2024".
    "de",
    "del",
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

/// Time zones a date line may end with ("5 AM PT", "17:38 CEST").
const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "z", "est", "edt", "et", "pt", "pst", "pdt", "ct", "cst", "cdt", "mt", "mst", "mdt", "bst",
    "cet", "cest", "eet", "eest", "ast", "ist", "jst", "kst", "hkt", "sast", "wat", "eat", "aest", "aedt",
    "msk",
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
    let joined;
    let s = match join_spaced_dots(s) {
        Some(j) => {
            joined = j;
            joined.as_str()
        }
        None => s,
    };
    let (mut day, mut month, mut year) = (None, None, None);
    let mut own = false;
    let mut words = date_words(s);
    // A share button copied onto the date's line ("28.4.2023 18:41 Uhr teilen") is not part of it.
    while words.len() > 1 && words.last().is_some_and(|w| furniture::is_share_cue(&w.to_lowercase())) {
        words.pop();
    }
    // Nor is a reading time ("14.03.2025, Lesezeit 3 Min.", "06. 01. 2026, 14:59 Uhr Lesedauer: 4
    // Minuten", "March 3, 2025 6 min read").
    if let Some(at) = reading_time_start(&words) {
        words.truncate(at);
    }
    for word in words {
        let lower = word.to_lowercase();
        if let Some((y, m, d)) =
            numeric_date(word).or_else(|| dotted_date(word)).or_else(|| day_first_date(word))
        {
            (year, month, day) = (Some(y), Some(m), Some(d));
        } else if let Some(m) = month_number(&lower) {
            month = Some(m);
        } else if is_weekday(&lower) {
        } else if DATE_WORDS.contains(&lower.as_str())
            || DATE_WORDS_OTHER.contains(&lower.as_str())
            || TIME_ZONES.contains(&lower.as_str())
        {
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
                // After a whole date, a small number is the hour ("June 26, 2023 5 AM PT").
                1 | 2 if day.is_some() && year.is_some() && month.is_some() => {}
                1 | 2 if (1..=31).contains(&n) => day = Some(n),
                _ => return None,
            }
        }
    }
    let (y, m, d) = (year?, month?, day?);
    (d <= days_in_month(y, m)).then(|| DateLine { iso: format!("{y:04}-{m:02}-{d:02}"), own })
}

/// Words for minutes in a reading time, lower case.
const MINUTE_WORDS: &[&str] =
    &["min", "mins", "minute", "minutes", "minuten", "minuto", "minutos", "minuti", "minuut"];
/// Words around a reading time's figure ("Lesezeit", "Lesedauer", "min read", "Temps de lecture",
/// "Tiempo de lectura", "Leestijd"), lower case.
const READING_WORDS: &[&str] = &[
    "read",
    "reading",
    "time",
    "lesezeit",
    "lesedauer",
    "lecture",
    "temps",
    "de",
    "lectura",
    "tiempo",
    "leestijd",
    "lettura",
];

/// Where a reading time starts among a date line's words, when the line ends with one: a figure
/// and a word for minutes, with words of reading around them, after at least one other word.
fn reading_time_start(words: &[&str]) -> Option<usize> {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let figure = (1..lower.len().saturating_sub(1)).find(|&k| {
        lower[k].bytes().all(|b| b.is_ascii_digit()) && MINUTE_WORDS.contains(&lower[k + 1].as_str())
    })?;
    if !lower[figure + 2..].iter().all(|w| READING_WORDS.contains(&w.as_str())) {
        return None;
    }
    let label = lower[..figure].iter().rev().take_while(|w| READING_WORDS.contains(&w.as_str())).count();
    let start = figure - label;
    (start > 0).then_some(start)
}

/// `23. 12. 2024` (the dotted form with spaces, as Czech and Austrian pages write it) as
/// `23.12.2024`: the spaces after a figure's dot, before another figure, go. `None` when there
/// are none.
fn join_spaced_dots(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut cuts = Vec::new();
    for (at, c) in s.char_indices() {
        if c != '.' || at == 0 || !bytes[at - 1].is_ascii_digit() {
            continue;
        }
        let rest = &s[at + 1..];
        let gap = rest.len() - rest.trim_start().len();
        if gap > 0 && rest[gap..].starts_with(|d: char| d.is_ascii_digit()) {
            cuts.push((at + 1, at + 1 + gap));
        }
    }
    if cuts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    for (a, b) in cuts {
        out.push_str(&s[from..a]);
        from = b;
    }
    out.push_str(&s[from..]);
    Some(out)
}

/// The words of a date line. Besides spaces and commas, words split where letters and digits meet
/// without a space, as copied page text glues a label to its date ("Publiziert6. November 2025",
/// "20 Apr 2026Updated 12:44", "11:21am"); "2nd" and ISO timestamps ("2024-02-14T16:15:30Z") stay
/// whole up to their time.
fn date_words(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for raw in s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')')) {
        // An ISO timestamp: its date is the word, the time after "T" is dropped.
        if raw.len() > 11
            && raw.as_bytes()[10] == b'T'
            && raw.is_char_boundary(10)
            && numeric_date(&raw[..10]).is_some()
        {
            out.push(&raw[..10]);
            continue;
        }
        // Split without allocating: this runs on every word of every candidate line.
        let mut from = 0;
        let mut prev: Option<char> = None;
        for (at, c) in raw.char_indices() {
            if let Some(prev) = prev {
                let letter_digit = prev.is_alphabetic() && c.is_ascii_digit();
                let digit_letter = prev.is_ascii_digit() && c.is_alphabetic() && {
                    let rest = &raw[at..];
                    let len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
                    !["st", "nd", "rd", "th"].iter().any(|s| rest[..len].eq_ignore_ascii_case(s))
                };
                if letter_digit || digit_letter {
                    out.push(&raw[from..at]);
                    from = at;
                }
            }
            prev = Some(c);
        }
        out.push(&raw[from..]);
    }
    out.into_iter()
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '|' | ':' | '-' | '–' | '—' | '·' | '/')))
        .filter(|w| !w.is_empty())
        .collect()
}

/// True for a word a date or time is written with (a month, a weekday, "Uhr", "GMT", "am"), in
/// lower case.
pub(crate) fn is_date_word(lower: &str) -> bool {
    month_number(lower).is_some()
        || is_weekday(lower)
        || DATE_WORDS.contains(&lower)
        || DATE_WORDS_OTHER.contains(&lower)
        || TIME_ZONES.contains(&lower)
}

fn is_weekday(lower: &str) -> bool {
    let lower = lower.trim_end_matches('.');
    let named = |d: &str| d == lower || (lower.chars().count() >= 3 && d.starts_with(lower));
    // Other languages' weekdays only in full: their short forms ("man", "son") are words too.
    WEEKDAYS.iter().any(|d| named(d)) || WEEKDAYS_OTHER_LANGUAGES.contains(&lower)
}

/// `31/01/2025` (day first) or `01/31/2025` (month first), when the numbers say which: one of them
/// above 12, or both the same. `03/04/2025` could be either and is no date.
fn day_first_date(word: &str) -> Option<(u32, u32, u32)> {
    let mut parts = word.split('/');
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || !(1..=2).contains(&a.len()) || !(1..=2).contains(&b.len()) {
        return None;
    }
    let (a, b, y): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    let (d, m) = match (a, b) {
        _ if a == b => (a, b),
        (13..=31, 1..=12) => (a, b),
        (1..=12, 13..=31) => (b, a),
        _ => return None,
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d) && (1800..=2200).contains(&y)).then_some((y, m, d))
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
    fn dates_glued_to_their_labels_or_times_as_copied_text_gives_them() {
        assert_eq!(iso("Publiziert6. November 2025, 12:26").as_deref(), Some("2025-11-06"));
        assert_eq!(iso("12:43, 20 Apr 2026Updated 12:44, 20 Apr 2026").as_deref(), Some("2026-04-20"));
        assert_eq!(iso("Published Jul 17, 2024, 11:21am").as_deref(), Some("2024-07-17"));
        assert_eq!(iso("August 30, 2023 1:55 am(Updated 4:30 am)").as_deref(), Some("2023-08-30"));
        assert_eq!(iso("JUNE 26, 2023 5 AM PT").as_deref(), Some("2023-06-26"));
        assert_eq!(iso("2024-02-14T16:15:30Z").as_deref(), Some("2024-02-14"));
        assert_eq!(iso("søndag 2. februar 2025").as_deref(), Some("2025-02-02"));
        assert_eq!(iso("31/01/2025 KL. 09:00").as_deref(), Some("2025-01-31"));
        assert_eq!(iso("01/31/2025").as_deref(), Some("2025-01-31"));
        assert_eq!(iso("03/04/2025"), None);
        assert_eq!(iso("Wed, Oct 16, 2024 page1"), None);
        assert_eq!(iso("Man, 30, held on 12 May 2024"), None);
    }

    #[test]
    fn date_lines_in_other_languages() {
        assert_eq!(iso("30. Juni 2025,").as_deref(), Some("2025-06-30"));
        assert_eq!(iso("27.08.2024, 12:32 Uhr").as_deref(), Some("2024-08-27"));
        assert_eq!(iso("Datum 28.04.2023").as_deref(), Some("2023-04-28"));
        assert_eq!(iso("Publié le 6 novembre 2025 à 08h10").as_deref(), Some("2025-11-06"));
        assert_eq!(iso("4 Febbraio 2025 - 14:41").as_deref(), Some("2025-02-04"));
        assert_eq!(iso("7 de agosto de 2025").as_deref(), Some("2025-08-07"));
        assert_eq!(iso("Actualizado el 3 de marzo del 2024, 10:15").as_deref(), Some("2024-03-03"));
        assert_eq!(iso("Centro de Salud 2025"), None);
        assert_eq!(iso("2. februar 2025").as_deref(), Some("2025-02-02"));
        assert_eq!(iso("15 OCT 2024").as_deref(), Some("2024-10-15"));
        assert_eq!(iso("23. 12. 2024 13:31").as_deref(), Some("2024-12-23"));
        assert_eq!(iso("6.\u{a0}1.\u{a0}2026, 05:00").as_deref(), Some("2026-01-06"));
        // A share button copied onto the date's line; a share word before the date is no date line.
        assert_eq!(iso("28.4.2023 18:41 Uhr teilen").as_deref(), Some("2023-04-28"));
        assert_eq!(iso("12 May 2024 Share Print").as_deref(), Some("2024-05-12"));
        assert_eq!(iso("teilen"), None);
        // A reading time copied onto the date's line; a reading time alone is no date line.
        assert_eq!(iso("14. März 2025, 08:12 Uhr Lesedauer 3 Minuten").as_deref(), Some("2025-03-14"));
        assert_eq!(iso("06.01.2026, Lesezeit 5 Min.").as_deref(), Some("2026-01-06"));
        assert_eq!(iso("March 3, 2025 6 min read").as_deref(), Some("2025-03-03"));
        assert_eq!(iso("Lesezeit 5 Min."), None);
        assert_eq!(iso("June 26, 2023 5 AM PT").as_deref(), Some("2023-06-26"));
        // Figures with dots that make no whole date stay no date line.
        assert_eq!(iso("Platz 3. 12 Punkte"), None);
        assert_eq!(iso("3. 12."), None);
        assert_eq!(
            parse_date_line("Publiziert am 6. November 2025, 12:26").map(|d| (d.iso, d.own)),
            Some(("2025-11-06".into(), true))
        );
    }
}
