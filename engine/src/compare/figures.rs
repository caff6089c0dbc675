//! Figures and dates in a sentence, normalised just enough to compare two reports of one fact.
//!
//! This is a small self-contained extractor for comparison only. It produces [`Fact`]s; when the
//! entities module's DATE/FIGURE mentions land, an adapter from those mentions to [`Fact`] can
//! replace [`facts`] without touching the comparison logic in [`check`].

use serde::{Deserialize, Serialize};

use crate::text::{english_month, format_number, month_title, tokens, Token};

use super::terms::{is_stop_word, stem, synonym_class, term_key};
use super::timing::{self, Relation, Timing};

/// What a fact is, with its normalised value.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    /// A counted quantity: the number and the class of what is counted ("attack", "troop";
    /// empty when the counted noun is unknown).
    Count {
        /// The number (5,000 → 5000).
        value: f64,
        /// Class of the counted noun (synonyms share one: missiles and rockets are "attack").
        unit: String,
        /// The counted noun as written ("attacks"), for explanations.
        noun: String,
    },
    /// A calendar date or month, possibly partial.
    Date(DatePoint),
    /// A date range ("between August 4 and 18").
    Range(DatePoint, DatePoint),
}

/// A possibly partial calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatePoint {
    /// Month 1–12.
    pub month: Option<u8>,
    /// Day of the month.
    pub day: Option<u8>,
    /// Year.
    pub year: Option<i32>,
}

impl DatePoint {
    /// Month and year only: "August 2020", "2021", "August".
    pub(super) fn describe_month(&self) -> String {
        let month = self.month.map(|m| month_title(u32::from(m)));
        match (month, self.year) {
            (Some(m), Some(y)) => format!("{m} {y}"),
            (Some(m), None) => m,
            (None, Some(y)) => y.to_string(),
            (None, None) => String::new(),
        }
    }

    pub(super) fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(m) = self.month {
            parts.push(month_title(u32::from(m)));
        }
        if let Some(d) = self.day {
            parts.push(d.to_string());
        }
        let mut s = parts.join(" ");
        if let Some(y) = self.year {
            if s.is_empty() {
                s = y.to_string();
            } else {
                s = format!("{s}, {y}");
            }
        }
        s
    }

    /// Whether two points can not be the same date (a field both state differs).
    pub(super) fn differs(&self, other: &DatePoint) -> bool {
        let differ = |a: Option<i64>, b: Option<i64>| matches!((a, b), (Some(x), Some(y)) if x != y);
        differ(self.month.map(i64::from), other.month.map(i64::from))
            || differ(self.day.map(i64::from), other.day.map(i64::from))
            || differ(self.year.map(i64::from), other.year.map(i64::from))
    }
}

/// A figure or date found in a sentence, with its byte range relative to the sentence text.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// The normalised value.
    pub value: FactValue,
    /// Start of the mention in the sentence.
    pub start: usize,
    /// End of the mention in the sentence.
    pub end: usize,
}

/// What kind of fact two sentences compare on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// A counted quantity ("14 attacks").
    Count,
    /// A date or date range.
    Date,
}

/// One fact as two aligned sentences state it: agreeing or conflicting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactPair {
    /// Count, date or quote.
    pub kind: FactKind,
    /// The mention in sentence A as written ("14 bomb and rocket attacks").
    pub a: String,
    /// The mention in sentence B as written ("13 bombs and missiles").
    pub b: String,
    /// Raw-file byte range of the mention in A's file.
    pub a_start: usize,
    /// End of the mention in A's file.
    pub a_end: usize,
    /// Raw-file byte range of the mention in B's file.
    pub b_start: usize,
    /// End of the mention in B's file.
    pub b_end: usize,
    /// A short explanation, e.g. "001 says 14 attacks, 003 says 13".
    pub explanation: String,
    /// How the two relate: agree, conflict, changed over time, different counting windows or
    /// undated.
    #[serde(default)]
    pub relation: Relation,
}

/// Counted nouns worth comparing, by class key; anything else counted is compared by its stem.
const UNITS: &[&str] = &[
    "attack",
    "troop",
    "militia",
    "year",
    "month",
    "week",
    "day",
    "hour",
    "people",
    "person",
    "civilian",
    "dead",
    "casualty",
    "death",
    "percent",
    "dollar",
    "billion",
    "million",
    "kilometer",
    "km",
    "mile",
    "protester",
    "prisoner",
    "hostage",
    "member",
    "location",
    "base",
];

/// Units written several ways, each read as its first form: "185 kilometres per hour" and
/// "185 km/h" count one thing (keys and stems as [`counted_noun`] sees them).
const UNIT_SPELLINGS: &[&[&str]] = &[
    &["kilometer", "kilometr", "km"],
    &["meter", "metr"],
    &["centimeter", "centimetr", "cm"],
    &["millimeter", "millimetr", "mm"],
    &["kilogram", "kg"],
    &["percent", "pct"],
    // A temperature: "44.2 degrees Celsius", "44.2C", "44 °C" (degrees alone are Celsius, as in
    // most of the world's news; Fahrenheit is said, [`temperature_scale`]).
    &["celsius", "degre", "c"],
    &["fahrenheit", "f"],
];

/// Units written glued to their digits ("44.2C", "30cm", "120km"): never "m", which is metres
/// as often as millions.
const GLUED_UNITS: &[&str] = &["c", "f", "km", "cm", "mm", "kg", "mph"];

/// A count with its unit glued to the digits ("44.2C", "30cm"): (value, unit).
fn glued_unit(norm: &str) -> Option<(f64, String)> {
    let split = norm.find(|c: char| c.is_ascii_alphabetic())?;
    let (digits, unit) = norm.split_at(split);
    if digits.is_empty() || !GLUED_UNITS.contains(&unit) {
        return None;
    }
    let value = digits.replace(',', "").parse::<f64>().ok()?;
    Some((value, unit_of(unit)))
}

/// "Degrees" are Celsius unless the words after the count say Fahrenheit ("90 degrees
/// Fahrenheit").
fn temperature_scale(unit: String, toks: &[Token<'_>], from: usize) -> String {
    let fahrenheit = toks.iter().skip(from).take(3).any(|t| t.norm == "fahrenheit");
    if unit == "celsius" && fahrenheit {
        "fahrenheit".to_string()
    } else {
        unit
    }
}

/// The one spelling of a unit key ([`UNIT_SPELLINGS`]), else the key.
fn unit_of(key: &str) -> String {
    UNIT_SPELLINGS.iter().find(|forms| forms.contains(&key)).map_or(key, |forms| forms[0]).to_string()
}

/// Words after a counted noun that are still part of its phrase ("bomb and rocket attacks").
const NP_JOINERS: &[&str] = &["and", "or"];

/// The number starting at `toks[idx]` and its last token: [`crate::text::number_phrase`], plus
/// "one" alone (figures are compared only where aligned sentences both state one).
fn phrase_at(toks: &[Token<'_>], idx: usize) -> Option<(f64, usize)> {
    if toks[idx].norm == "one" {
        return crate::text::number_phrase(toks, idx).or(Some((1.0, idx)));
    }
    crate::text::number_phrase(toks, idx)
}

fn number_of(token: &Token<'_>) -> Option<f64> {
    let norm = token.norm.as_str();
    if norm.starts_with(|c: char| c.is_ascii_digit()) {
        let cleaned: String = norm.chars().filter(|c| *c != ',').collect();
        return cleaned.parse::<f64>().ok();
    }
    // Here "one" counts: figures are compared only where aligned sentences both state one.
    if norm == "one" {
        return Some(1.0);
    }
    crate::text::number_word(norm)
}

fn is_year(token: &Token<'_>) -> Option<i32> {
    if token.norm.len() == 4 && token.norm.chars().all(|c| c.is_ascii_digit()) {
        let y: i32 = token.norm.parse().ok()?;
        if (1900..=2100).contains(&y) {
            return Some(y);
        }
    }
    None
}

fn day_of(token: &Token<'_>) -> Option<u8> {
    if token.norm.len() <= 2 && token.norm.chars().all(|c| c.is_ascii_digit()) {
        let d: u8 = token.norm.parse().ok()?;
        if (1..=31).contains(&d) {
            return Some(d);
        }
    }
    // "4th", "18th"
    let digits: String = token.norm.chars().take_while(char::is_ascii_digit).collect();
    let rest = &token.norm[digits.len()..];
    if !digits.is_empty() && matches!(rest, "st" | "nd" | "rd" | "th") {
        let d: u8 = digits.parse().ok()?;
        if (1..=31).contains(&d) {
            return Some(d);
        }
    }
    None
}

/// Every figure and date in a sentence, in order.
pub fn facts(text: &str) -> Vec<Fact> {
    facts_of_tokens(text, &tokens(text))
}

/// [`facts`] over a sentence already cut into tokens (`toks` must be `tokens(text)`).
pub fn facts_of_tokens(text: &str, toks: &[Token<'_>]) -> Vec<Fact> {
    facts_with_clocks(text, toks, &crate::entities::clock_times(text, toks))
}

/// [`facts_of_tokens`] given the sentence's clock times, already read by
/// [`crate::entities::clock_times`] (the comparison reads them once per sentence).
pub fn facts_with_clocks(text: &str, toks: &[Token<'_>], clocks: &[crate::entities::ClockTime]) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut used = vec![false; toks.len()];
    // A clock's numbers are a time, read by the entities layer, not counts ("10 pm", "22:00").
    for clock in clocks {
        for u in used.iter_mut().take(clock.last + 1).skip(clock.first) {
            *u = true;
        }
    }
    // Dates first, so their days and years are not read as counts.
    let mut points: Vec<(DatePoint, usize, usize)> = Vec::new(); // point, first token, last token
    let mut i = 0;
    while i < toks.len() {
        let Some(month) = english_month(&toks[i].norm).and_then(|m| u8::try_from(m).ok()) else {
            i += 1;
            continue;
        };
        // "may" is also a verb: only a month next to a day or a year, or after "in"/"since"/"of".
        let mut first = i;
        let mut last = i;
        let mut point = DatePoint { month: Some(month), day: None, year: None };
        let adjacent = |a: usize, b: usize| text[toks[a].end..toks[b].start].trim().is_empty();
        if i > 0 && !used[i - 1] && adjacent(i - 1, i) {
            if let Some(d) = day_of(&toks[i - 1]) {
                point.day = Some(d);
                first = i - 1;
            }
        }
        if point.day.is_none() {
            if let Some(d) = toks.get(i + 1).filter(|_| adjacent(i, i + 1)).and_then(day_of) {
                point.day = Some(d);
                last = i + 1;
            }
        }
        if let Some(y) = toks.get(last + 1).filter(|_| adjacent(last, last + 1)).and_then(is_year) {
            point.year = Some(y);
            last += 1;
        }
        let capitalised = toks[i].text.starts_with(|c: char| c.is_uppercase());
        let month_word_only = point.day.is_none() && point.year.is_none();
        if toks[i].norm == "may" && (month_word_only || !capitalised) {
            i += 1;
            continue;
        }
        if !capitalised && toks[i].norm.len() <= 3 {
            i += 1;
            continue;
        }
        for u in used.iter_mut().take(last + 1).skip(first) {
            *u = true;
        }
        points.push((point, first, last));
        i = last + 1;
    }
    // Ranges: "between August 4 and 18", "from 4 to 16 August", "August 4-18".
    let mut p = 0;
    while p < points.len() {
        let (start_point, first, last) = points[p];
        let connector = toks.get(last + 1).map(|t| t.norm.as_str());
        let gap_dash = toks
            .get(last + 1)
            .is_some_and(|t| text[toks[last].end..t.start].trim().starts_with(['-', '–', '—']));
        let preceded = first > 0 && matches!(toks[first - 1].norm.as_str(), "between" | "from");
        let joins = matches!(connector, Some("to" | "through" | "until" | "till"))
            || (connector == Some("and") && preceded);
        let end_idx = if gap_dash {
            last + 1
        } else if joins {
            last + 2
        } else {
            usize::MAX
        };
        if end_idx < toks.len() {
            // The end is either the next date point or a bare day inheriting the month.
            if let Some(next) = points.get(p + 1).filter(|n| n.1 == end_idx) {
                let mut end_point = next.0;
                if end_point.year.is_none() {
                    end_point.year = start_point.year;
                }
                out.push(Fact {
                    value: FactValue::Range(start_point, end_point),
                    start: toks[first].start,
                    end: toks[next.2].end,
                });
                p += 2;
                continue;
            }
            if let (Some(d), false) = (day_of(&toks[end_idx]), used[end_idx]) {
                if start_point.day.is_some()
                    && toks.get(end_idx + 1).and_then(|t| english_month(&t.norm)).is_none()
                {
                    used[end_idx] = true;
                    let end_point = DatePoint { day: Some(d), ..start_point };
                    out.push(Fact {
                        value: FactValue::Range(start_point, end_point),
                        start: toks[first].start,
                        end: toks[end_idx].end,
                    });
                    p += 1;
                    continue;
                }
            }
        }
        out.push(Fact { value: FactValue::Date(start_point), start: toks[first].start, end: toks[last].end });
        p += 1;
    }
    // Shares written as fractions are percentages ("a quarter of the staff" / "25 percent of
    // the staff", "by a third" / "by one-third").
    for (value, first, last) in fractions(text, toks) {
        if used[first..=last].iter().any(|u| *u) {
            continue;
        }
        used[first..=last].iter_mut().for_each(|u| *u = true);
        let noun = text[toks[first].start..toks[last].end].to_string();
        let count = FactValue::Count { value, unit: "percent".to_string(), noun };
        out.push(Fact { value: count, start: toks[first].start, end: toks[last].end });
    }
    // Bare years ("in 2017") are dates too.
    for (idx, tok) in toks.iter().enumerate() {
        if used[idx] {
            continue;
        }
        if let Some(y) = is_year(tok) {
            let counted = toks
                .get(idx + 1)
                .and_then(|t| term_key(&t.norm))
                .is_some_and(|k| UNITS.contains(&k.as_str()));
            if !counted {
                used[idx] = true;
                let point = DatePoint { month: None, day: None, year: Some(y) };
                out.push(Fact { value: FactValue::Date(point), start: tok.start, end: tok.end });
            }
        }
    }
    // Counts, written in digits or words ("27", "twenty-seven", "2.5 million").
    let mut idx = 0;
    while idx < toks.len() {
        let tok = &toks[idx];
        let phrase = if used[idx] { None } else { phrase_at(toks, idx) };
        let Some((value, last)) = phrase else {
            if let Some((value, unit)) = glued_unit(&tok.norm).filter(|_| !used[idx]) {
                used[idx] = true;
                let count = FactValue::Count { value, unit, noun: tok.text.to_string() };
                out.push(Fact { value: count, start: tok.start, end: tok.end });
            }
            idx += 1;
            continue;
        };
        let is_word = !tok.norm.starts_with(|c: char| c.is_ascii_digit());
        let next_norm = toks.get(last + 1).map(|t| t.norm.as_str()).unwrap_or("");
        // "one of them", "two in the afternoon": a word number before a function word is no count.
        if is_word && (next_norm.is_empty() || is_stop_word(next_norm)) {
            idx = last + 1;
            continue;
        }
        for u in used.iter_mut().take(last + 1).skip(idx) {
            *u = true;
        }
        let (unit, noun, end) = counted_noun(text, toks, last);
        let unit = temperature_scale(unit, toks, last + 1);
        let percent = text[toks[last].end..].starts_with('%');
        let (unit, noun, end) =
            if percent { ("percent".to_string(), "%".to_string(), tok.end + 1) } else { (unit, noun, end) };
        out.push(Fact { value: FactValue::Count { value, unit, noun }, start: tok.start, end });
        idx = last + 1;
    }
    out.sort_by_key(|f| f.start);
    out
}

/// Fractions as percentages, rounded to whole points: (numerator words, fraction word, percent).
const FRACTIONS: &[(&[&str], &str, f64)] = &[
    (&["a", "one"], "half", 50.0),
    (&["a", "one"], "third", 33.0),
    (&["two"], "thirds", 67.0),
    (&["a", "one"], "quarter", 25.0),
    (&["three"], "quarters", 75.0),
];

/// The fractions of a sentence that state a share: (percent, first token, last token). A
/// fraction counts when what follows says a share ("a quarter *of* the staff", "cut *by* a
/// third", a clause's end), so an ordinal or a period of a year is none ("a third round", "the
/// first quarter", "a quarter *century*").
fn fractions(text: &str, toks: &[Token<'_>]) -> Vec<(f64, usize, usize)> {
    let mut out = Vec::new();
    for i in 1..toks.len() {
        let Some(&(_, _, percent)) = FRACTIONS
            .iter()
            .find(|(before, word, _)| toks[i].norm == *word && before.contains(&toks[i - 1].norm.as_str()))
        else {
            continue;
        };
        let after_by = i >= 2 && toks[i - 2].norm == "by";
        let ends_clause = toks.get(i + 1).is_none_or(|next| {
            text[toks[i].end..next.start].chars().any(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?'))
        });
        let of_follows = toks.get(i + 1).is_some_and(|next| next.norm == "of");
        if of_follows || (after_by && ends_clause) {
            out.push((percent, i - 1, i));
        }
    }
    out
}

/// The class, written form and end offset of the noun counted by the number at `toks[idx]`.
fn counted_noun(text: &str, toks: &[Token<'_>], idx: usize) -> (String, String, usize) {
    let mut best: Option<(String, String, usize)> = None;
    let mut first_noun: Option<(String, String, usize)> = None;
    // The first word was a participle ("112 *suspected* rioters", "27 *trapped* miners"): the
    // noun right after it is what is counted.
    let mut after_participle = false;
    let mut prev_end = toks[idx].end;
    for tok in toks.iter().skip(idx + 1).take(4) {
        let gap = &text[prev_end..tok.start];
        // A hyphen ("27-year-old") or a degree sign ("44 °C") joins a count to its noun.
        if gap.chars().any(|c| !c.is_whitespace() && c != '-' && c != '°') {
            break;
        }
        prev_end = tok.end;
        if NP_JOINERS.contains(&tok.norm.as_str()) {
            continue;
        }
        if is_stop_word(&tok.norm) || number_of(tok).is_some() {
            break;
        }
        let key = unit_of(&term_key(&tok.norm).unwrap_or_default());
        let as_written = tok.text.trim_end_matches(['\'', '’']).to_string();
        if UNITS.contains(&key.as_str()) {
            best = Some((key, as_written, tok.end));
        } else if (first_noun.is_none() || after_participle) && best.is_none() {
            // A noun of a synonym class is compared by its class ("400,000 homes" /
            // "400,000 households"), any other by its stem.
            let counted = synonym_class(&tok.norm).map_or_else(|| unit_of(&stem(&tok.norm)), str::to_string);
            after_participle = first_noun.is_none() && tok.norm.len() > 4 && tok.norm.ends_with("ed");
            first_noun = Some((counted, as_written, tok.end));
        } else {
            after_participle = false;
        }
    }
    best.or(first_noun).unwrap_or((String::new(), String::new(), toks[idx].end))
}

/// What two aligned sentences' figures and dates say to each other.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checked {
    /// Figures and dates both state the same way.
    pub agreements: Vec<FactPair>,
    /// Differences at the same time (genuine conflicts), or where a date is missing (undated).
    pub conflicts: Vec<FactPair>,
    /// Differences explained by time: changed over time, or different counting windows.
    pub changes: Vec<FactPair>,
}

/// Compares the facts of two undated sentences (for tests and examples).
///
/// `a_base`/`b_base` are the sentences' raw-file offsets, `a_label`/`b_label` how explanations
/// name the two sources ("001 says 14 attacks, 003 says 13").
pub fn check(
    a_text: &str,
    a_base: usize,
    a_label: &str,
    b_text: &str,
    b_base: usize,
    b_label: &str,
) -> Checked {
    let (fa, fb) = (facts(a_text), facts(b_text));
    check_facts(
        &Side { text: a_text, facts: &fa, base: a_base, label: a_label, published: None },
        &Side { text: b_text, facts: &fb, base: b_base, label: b_label, published: None },
    )
}

/// One side of [`check_facts`].
pub struct Side<'a> {
    /// The sentence.
    pub text: &'a str,
    /// Its figures and dates.
    pub facts: &'a [Fact],
    /// Its raw-file offset.
    pub base: usize,
    /// How explanations name its source.
    pub label: &'a str,
    /// Its article's publication date, when known.
    pub published: Option<DatePoint>,
}

/// [`check`] with each sentence's facts already extracted and its article's date.
pub fn check_facts(a: &Side<'_>, b: &Side<'_>) -> Checked {
    let (a_text, a_facts, a_base, a_label) = (a.text, a.facts, a.base, a.label);
    let (b_text, b_facts, b_base, b_label) = (b.text, b.facts, b.base, b.label);
    let (a_time, b_time): (Timing, Timing) =
        (timing::timing(a_facts, a.published), timing::timing(b_facts, b.published));
    let mut changes = Vec::new();
    let mut windows_explained = false;
    let mut agree = Vec::new();
    let mut conflict = Vec::new();
    let pair = |kind: FactKind, fa: &Fact, fb: &Fact, explanation: String| FactPair {
        kind,
        a: a_text[fa.start..fa.end].to_string(),
        b: b_text[fb.start..fb.end].to_string(),
        a_start: a_base + fa.start,
        a_end: a_base + fa.end,
        b_start: b_base + fb.start,
        b_end: b_base + fb.end,
        explanation,
        relation: Relation::Conflict,
    };
    let with = |mut p: FactPair, relation: Relation| {
        p.relation = relation;
        p
    };

    // Counts, class by class.
    let mut units: Vec<&str> = a_facts
        .iter()
        .filter_map(|f| match &f.value {
            FactValue::Count { unit, .. } if !unit.is_empty() => Some(unit.as_str()),
            _ => None,
        })
        .collect();
    units.dedup();
    let mut seen_units = Vec::new();
    for unit in units {
        if seen_units.contains(&unit) {
            continue;
        }
        seen_units.push(unit);
        let of_unit = |facts: &[Fact]| -> Vec<(usize, f64, String)> {
            facts
                .iter()
                .enumerate()
                .filter_map(|(i, f)| match &f.value {
                    FactValue::Count { value, unit: u, noun } if u == unit => Some((i, *value, noun.clone())),
                    _ => None,
                })
                .collect()
        };
        let mut left = of_unit(a_facts);
        let mut right = of_unit(b_facts);
        if right.is_empty() {
            continue;
        }
        // Equal values agree; pair them off first.
        left.retain(|(ia, va, _)| {
            if let Some(pos) = right.iter().position(|(_, vb, _)| vb == va) {
                let (ib, _, _) = right.remove(pos);
                let explanation = format!(
                    "both say {} {}",
                    format_number(*va),
                    counted_noun_of(&a_facts[*ia]).unwrap_or_default()
                );
                agree.push(with(
                    pair(FactKind::Count, &a_facts[*ia], &b_facts[ib], explanation.trim_end().to_string()),
                    Relation::Agree,
                ));
                false
            } else {
                true
            }
        });
        if let ([(ia, va, noun)], [(ib, vb, _)]) = (left.as_slice(), right.as_slice()) {
            let relation = timing::relate(&a_time, &b_time);
            let explanation = timing::explain(
                relation,
                (a_label, &a_time, &format_number(*va)),
                (b_label, &b_time, &format_number(*vb)),
                noun,
            );
            let found = with(pair(FactKind::Count, &a_facts[*ia], &b_facts[*ib], explanation), relation);
            match relation {
                Relation::ChangedOverTime | Relation::DifferentWindows => {
                    windows_explained |= relation == Relation::DifferentWindows;
                    changes.push(found);
                }
                _ => conflict.push(found),
            }
        }
    }

    // Date ranges: compare start and end separately.
    let ranges = |facts: &[Fact]| -> Vec<usize> {
        facts
            .iter()
            .enumerate()
            .filter(|(_, f)| matches!(f.value, FactValue::Range(..)))
            .map(|(i, _)| i)
            .collect()
    };
    let (ra, rb) = (ranges(a_facts), ranges(b_facts));
    if let ([ia], [ib], false) = (ra.as_slice(), rb.as_slice(), windows_explained) {
        if let (FactValue::Range(sa, ea), FactValue::Range(sb, eb)) =
            (&a_facts[*ia].value, &b_facts[*ib].value)
        {
            let mut same = true;
            for (which, pa, pb) in [("starts", sa, sb), ("ends", ea, eb)] {
                if pa.differs(pb) {
                    same = false;
                    let explanation = format!(
                        "{a_label} says the period {which} {}, {b_label} says {}",
                        pa.describe(),
                        pb.describe()
                    );
                    conflict.push(pair(FactKind::Date, &a_facts[*ia], &b_facts[*ib], explanation));
                }
            }
            if same {
                let explanation = format!("both say {} to {}", sa.describe(), ea.describe());
                agree.push(with(
                    pair(FactKind::Date, &a_facts[*ia], &b_facts[*ib], explanation),
                    Relation::Agree,
                ));
            }
        }
    }

    // Single full dates (day and month): one each side.
    let full_dates = |facts: &[Fact]| -> Vec<usize> {
        facts
            .iter()
            .enumerate()
            .filter(|(_, f)| matches!(f.value, FactValue::Date(p) if p.day.is_some() && p.month.is_some()))
            .map(|(i, _)| i)
            .collect()
    };
    let (da, db) = (full_dates(a_facts), full_dates(b_facts));
    if let ([ia], [ib]) = (da.as_slice(), db.as_slice()) {
        if let (FactValue::Date(pa), FactValue::Date(pb)) = (&a_facts[*ia].value, &b_facts[*ib].value) {
            if pa.differs(pb) {
                let explanation =
                    format!("{a_label} says {}, {b_label} says {}", pa.describe(), pb.describe());
                conflict.push(pair(FactKind::Date, &a_facts[*ia], &b_facts[*ib], explanation));
            } else {
                agree.push(with(
                    pair(FactKind::Date, &a_facts[*ia], &b_facts[*ib], format!("both say {}", pa.describe())),
                    Relation::Agree,
                ));
            }
        }
    }
    Checked { agreements: agree, conflicts: conflict, changes }
}

fn counted_noun_of(fact: &Fact) -> Option<String> {
    match &fact.value {
        FactValue::Count { noun, .. } => Some(noun.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explain(a: &str, b: &str) -> (Vec<String>, Vec<String>) {
        let checked = check(a, 0, "001", b, 0, "003");
        (
            checked.agreements.into_iter().map(|p| p.explanation).collect(),
            checked.conflicts.into_iter().chain(checked.changes).map(|p| p.explanation).collect(),
        )
    }

    #[test]
    fn a_count_written_in_words_meets_the_same_count_in_digits() {
        let (agree, conflict) = explain(
            "The parliament voted to expel the 2,500 US troops.",
            "Lawmakers want the two thousand five hundred US troops expelled.",
        );
        assert_eq!(conflict, Vec::<String>::new());
        assert_eq!(agree.len(), 1, "{agree:?}");
    }

    #[test]
    fn a_share_written_as_a_fraction_meets_its_percentage() {
        let (agree, conflict) = explain(
            "The cuts amount to a quarter of the plant's workforce.",
            "About 25 percent of the site's staff will go.",
        );
        assert_eq!((agree.len(), conflict.len()), (1, 0), "{agree:?} {conflict:?}");
        let (agree, _) = explain("The ban would cut waste by a third.", "It will reduce waste by one-third.");
        assert_eq!(agree.len(), 1, "{agree:?}");
        // An ordinal, a period of the year and a span of years are no shares.
        for text in
            ["It is a third round of talks.", "Profit rose in the first quarter.", "A quarter century ago."]
        {
            assert!(
                facts(text)
                    .iter()
                    .all(|f| !matches!(&f.value, FactValue::Count { unit, .. } if unit == "percent")),
                "{text}"
            );
        }
    }

    #[test]
    fn a_temperature_is_one_figure_however_its_unit_is_written() {
        let (agree, conflict) = explain(
            "Temperatures reached 44.2 degrees Celsius on Wednesday.",
            "The mercury climbed to 44.2C on Wednesday.",
        );
        assert_eq!((agree.len(), conflict.len()), (1, 0), "{agree:?} {conflict:?}");
        let unit_of_first = |text: &str| match facts(text).first().map(|f| &f.value) {
            Some(FactValue::Count { value, unit, .. }) => format!("{value} {unit}"),
            other => format!("{other:?}"),
        };
        assert_eq!(unit_of_first("It hit 44C."), unit_of_first("It hit 44 degrees."));
        assert_eq!(unit_of_first("It hit 44C."), unit_of_first("It hit 44 °C."));
        assert_eq!(unit_of_first("It hit 44C."), unit_of_first("It hit 44°C."));
        assert_eq!(unit_of_first("A 30cm layer."), unit_of_first("A 30 centimetre layer."));
        // Fahrenheit stays apart, and a glued "m" (metres or millions) is not read.
        assert_ne!(unit_of_first("It hit 90 degrees Fahrenheit."), unit_of_first("It hit 90C."));
        assert!(facts("The club paid 5m for him.").is_empty());
    }

    #[test]
    fn a_scale_glued_to_its_digits_is_the_same_count() {
        let (agree, conflict) =
            explain("Shops face fines of up to 5,000 lev.", "Retailers can be fined 5k lev.");
        assert_eq!((agree.len(), conflict.len()), (1, 0), "{agree:?} {conflict:?}");
        let (agree, _) = explain("The deal is worth 1.2bn euros.", "The deal is worth 1.2 billion euros.");
        assert_eq!(agree.len(), 1, "{agree:?}");
        // "5m" stays unread: five metres as often as five million.
        assert!(facts("The wall is 5m high.").is_empty());
    }

    #[test]
    fn the_same_count_under_other_words_agrees() {
        let (agree, conflict) = explain(
            "From October to the end of July, Iraqi armed factions carried out 39 rocket attacks against American interests.",
            "From October to the end of July, militias in Iraq fired 39 missiles at US positions.",
        );
        assert_eq!(conflict, Vec::<String>::new());
        assert_eq!(agree, ["both say 39 attacks"]);
    }

    #[test]
    fn different_counts_and_period_ends_conflict() {
        let (_, conflict) = explain(
            "Between August 4 and 18, 14 bomb and rocket attacks targeted Iraqi logistics convoys.",
            "For example, between August 4 and August 16, Iraqi military positions were attacked with 13 bombs and missiles.",
        );
        assert_eq!(
            conflict,
            ["001 counts 14 attacks for August 4–18, 003 counts 13 for August 4–16: different counting windows"]
        );
    }

    #[test]
    fn troop_numbers_conflict_and_unrelated_numbers_do_not() {
        let (_, conflict) = explain(
            "the expulsion of the 5,000 US troops deployed",
            "to expel the 2,500 US troops who are still there",
        );
        assert_eq!(
            conflict,
            ["001 says 5,000 troops, 003 says 2,500 (dates not known: this may be a change over time)"]
        );
        let (_, conflict) = explain("14 fighters were arrested", "13 bombs and missiles");
        assert!(conflict.is_empty());
        let (_, conflict) = explain("who took office in May", "who has been in office for one year");
        assert!(conflict.is_empty());
    }

    #[test]
    fn a_participle_before_the_noun_is_not_what_is_counted() {
        let unit_of_first = |text: &str| match facts(text).first().map(|f| &f.value) {
            Some(FactValue::Count { unit, .. }) => unit.clone(),
            _ => String::new(),
        };
        assert_eq!(unit_of_first("Officers detained 112 suspected rioters."), unit_of_first("112 rioters"));
        assert_eq!(unit_of_first("27 trapped miners"), unit_of_first("27 miners"));
        // Alone, or before a word that is not its noun, the participle stays what is counted.
        assert_eq!(unit_of_first("At least 48 injured were treated."), unit_of_first("48 injured"));
        // Rioters are people: "arrested 112 people" and "detained 112 suspected rioters" share a
        // figure for the alignment.
        assert!(crate::compare::terms::counts_people(&unit_of_first("112 suspected rioters")));
    }

    #[test]
    fn dates_are_read_with_their_parts() {
        let f = facts("killed in a targeted U.S. airstrike on 3 January 2020 in Baghdad, since 1998");
        let dates: Vec<&FactValue> = f.iter().map(|f| &f.value).collect();
        assert_eq!(dates.len(), 2);
        assert_eq!(dates[0], &FactValue::Date(DatePoint { month: Some(1), day: Some(3), year: Some(2020) }));
        assert!(facts("He may come. The one of them").is_empty());
    }
}
