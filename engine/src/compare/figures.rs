//! Figures and dates in a sentence, normalised just enough to compare two reports of one fact.
//!
//! Nothing here reads text: the entities layer reads every date and figure once
//! ([`crate::entities::EntityData`]'s DATE and FIGURE mentions, shown on the article page), and
//! [`facts_in`] turns a sentence's mentions into [`Fact`]s, so the page and the comparison always
//! agree. What is compared here is the values: a count by the class of what it counts, dates by
//! their parts and windows ([`check`]).

use serde::{Deserialize, Serialize};

use crate::entities::{FigureValue, Mention, PartialDate, Value};
use crate::text::{format_number, month_title, tokens};

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
        /// The most an approximate count reads as ("dozens of workers": 24, up to 99); `None`
        /// for a figure.
        up_to: Option<f64>,
    },
    /// A calendar date or month, possibly partial.
    Date(DatePoint),
    /// A date range ("between August 4 and 18").
    Range(DatePoint, DatePoint),
}

/// A possibly partial calendar date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
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
    // most of the world's news; Fahrenheit is said, [`counted_class`]).
    &["celsius", "degre", "c"],
    &["fahrenheit", "f"],
];

/// The one spelling of a unit key ([`UNIT_SPELLINGS`]), else the key.
fn unit_of(key: &str) -> String {
    UNIT_SPELLINGS.iter().find(|forms| forms.contains(&key)).map_or(key, |forms| forms[0]).to_string()
}

/// How far a round figure may lie from the figure it rounds, as a share of that figure: "nearly
/// 2,500" for 2,450 (2%), "more than 60,000" for 62,000 (3%), "44C" for 44.2C; 2,000 is no
/// rounding of 2,450.
const ROUNDING_TOLERANCE: f64 = 0.05;
/// Counts below this are exact when written: "20 killed" is not 21 rounded, though 44C may be
/// 44.2C (rounded to whole units, not to tens).
const ROUNDED_COUNT: f64 = 100.0;

/// The finest power of ten `value` is written to: 1,000 for 62,000, 100 for 2,500, 0.1 for 44.2
/// (up to three decimals).
fn precision_of(value: f64) -> f64 {
    let mut p = 1.0;
    if value.fract().abs() > 1e-9 {
        while p > 0.001 && ((value / p) - (value / p).round()).abs() > 1e-6 {
            p /= 10.0;
        }
        return p;
    }
    while p < 1e15 && ((value / (p * 10.0)) - (value / (p * 10.0)).round()).abs() < 1e-9 {
        p *= 10.0;
    }
    p
}

/// True when `round` is `exact` rounded to `round`'s own precision, within
/// [`ROUNDING_TOLERANCE`]: two outlets writing one figure, one of them rounded ("nearly 2,500" /
/// "2,450", "60,000" / "62,000", "44C" / "44.2C"). Equal figures are not a rounding, nor is a
/// count under [`ROUNDED_COUNT`] rounded to tens ("20" / "21"), nor a figure written as finely
/// as the other.
pub fn rounds_to(round: f64, exact: f64) -> bool {
    if round == exact || round <= 0.0 || exact <= 0.0 {
        return false;
    }
    let p = precision_of(round);
    if p <= precision_of(exact) || (exact < ROUNDED_COUNT && p > 1.0) {
        return false;
    }
    let rounded = (exact / p + 0.5).floor() * p;
    (rounded - round).abs() < p * 1e-6 && (round - exact).abs() / exact <= ROUNDING_TOLERANCE
}

/// The least and the most an approximate count reads as ("dozens of": 24 to 99), `None` for a
/// figure.
pub fn approximate(fact: &Fact) -> Option<(f64, f64)> {
    match fact.value {
        FactValue::Count { value, up_to: Some(most), .. } => Some((value, most)),
        _ => None,
    }
}

/// The class a percentage's figure counts, as [`fact_value`] gives it ("18%", "18 percent").
pub fn percent_unit() -> &'static str {
    static UNIT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    UNIT.get_or_init(|| unit_of(&term_key("percent").unwrap_or_default()))
}

/// The percentage changes a sentence tells as a move between two figures of one thing: "dropped
/// to 412 million francs from 502 million" and "from 502 million to 412 million" are a fall of
/// 17.9%, the fact another outlet writes "profit falls 18%". Each change is given to the tenth
/// and to the whole point, as outlets round it, with where its second figure starts. `toks` and
/// `facts` are the sentence's, with sentence-relative offsets.
pub fn percent_changes(toks: &[crate::text::Token<'_>], facts: &[Fact]) -> Vec<(f64, usize)> {
    fn count(fact: &Fact) -> Option<(f64, &str)> {
        match &fact.value {
            FactValue::Count { value, unit, noun, up_to: None } if noun != "percent" && *value > 0.0 => {
                Some((*value, unit))
            }
            _ => None,
        }
    }
    let word_before =
        |at: usize| toks[..toks.partition_point(|t| t.start < at)].last().map(|t| t.norm.as_str());
    let mut out = Vec::new();
    for (i, first) in facts.iter().enumerate() {
        let Some((x, unit_x)) = count(first) else { continue };
        for second in &facts[i + 1..] {
            let Some((y, unit_y)) = count(second) else { continue };
            // Both count one thing, or one leaves its noun to the other ("412 million francs
            // from 502 million").
            if !(unit_x == unit_y || unit_x.is_empty() || unit_y.is_empty()) {
                continue;
            }
            let (old, new) = match (word_before(first.start), word_before(second.start)) {
                (Some("to"), Some("from")) => (y, x),
                (Some("from"), Some("to")) => (x, y),
                _ => continue,
            };
            let change = (new - old).abs() / old * 100.0;
            for rounded in [(change * 10.0).round() / 10.0, change.round()] {
                if rounded > 0.0 && !out.iter().any(|(r, _)| *r == rounded) {
                    out.push((rounded, second.start));
                }
            }
        }
    }
    out
}

/// Words after a counted noun that are still part of its phrase ("bomb and rocket attacks").
const NP_JOINERS: &[&str] = &["and", "or"];

/// The facts of the sentence at raw `start..end`: its article's date and figure mentions inside
/// it (`mentions` sorted by start, as [`crate::entities::EntityData::mentions_in`] gives them), with
/// sentence-relative offsets. Every fact is a mention the article page shows, with its value.
///
/// A count whose noun the sentence leaves to the figure before it ("Three workers died and 14
/// were taken to hospital") counts what that figure counts: the ellipsis is read within the
/// sentence only, never from an earlier one ("14 fighters were arrested. ... 13 were released"
/// says nothing in its own sentence of what is counted).
pub fn facts_in(start: usize, end: usize, mentions: &[Mention]) -> Vec<Fact> {
    // The sentence's figures so far that say what they count: the one a left-out noun is taken
    // from is the last that counts it (the entity layer skips units of time: "seven people died
    // within two hours and 23 were rescued").
    let mut counted_before: Vec<&FigureValue> = Vec::new();
    mentions_in(start, end, mentions)
        .filter_map(|m| {
            let value = m.value.as_deref()?;
            let fact = match value {
                Value::Figure(figure) if figure.inferred => {
                    let source = counted_before.iter().rev().find(|before| before.unit == figure.unit);
                    let (unit, noun) = source.map(|before| counted_class(before)).unwrap_or_default();
                    FactValue::Count { value: figure.value, unit, noun, up_to: None }
                }
                Value::Figure(figure) => {
                    counted_before.push(figure);
                    fact_value(value)?
                }
                Value::Date(_) => fact_value(value)?,
            };
            Some(Fact { value: fact, start: m.start as usize - start, end: m.end as usize - start })
        })
        .collect()
}

/// The facts of a whole article, each read alone (a count whose noun is left to an earlier
/// figure counts nothing known): for matching one article's figures with another's roundings.
pub fn article_facts(mentions: &[Mention]) -> Vec<Fact> {
    mentions_in(0, usize::MAX, mentions)
        .filter_map(|m| {
            let value = fact_value(m.value.as_deref()?)?;
            Some(Fact { value, start: m.start as usize, end: m.end as usize })
        })
        .collect()
}

/// The mentions lying wholly inside raw `start..end` (`mentions` sorted by start).
fn mentions_in(start: usize, end: usize, mentions: &[Mention]) -> impl Iterator<Item = &Mention> {
    let from = mentions.partition_point(|m| (m.start as usize) < start);
    mentions[from..]
        .iter()
        .take_while(move |m| (m.start as usize) < end)
        .filter(move |m| m.end as usize <= end)
}

/// Every figure and date in a text read as one block, in order (for tests and examples; the
/// comparison reads its articles' mentions, [`facts_in`]).
pub fn facts(text: &str) -> Vec<Fact> {
    crate::entities::block_dates_and_figures(text, &mut String::new())
        .into_iter()
        .filter_map(|(start, end, value)| Some(Fact { value: fact_value(&value)?, start, end }))
        .collect()
}

/// A date or figure mention's value as the comparison compares it: a date with its parts (a
/// weekday alone is a time the sentence's terms compare, no fact), a count by what it counts.
pub fn fact_value(value: &Value) -> Option<FactValue> {
    match value {
        Value::Date(date) => {
            let point = |d: &PartialDate| DatePoint { month: d.month, day: d.day, year: d.year };
            let from = point(&date.from);
            match date.to.as_ref().map(point) {
                Some(to) => Some(FactValue::Range(from, to)),
                None if from == DatePoint::default() => None,
                None => Some(FactValue::Date(from)),
            }
        }
        Value::Figure(figure) => {
            let (unit, noun) = counted_class(figure);
            let up_to = crate::entities::approximate_range(figure.qualifier.as_deref()).map(|(_, most)| most);
            Some(FactValue::Count { value: figure.value, unit, noun, up_to })
        }
    }
}

/// The class of what a figure counts and its counted noun as written: a unit's one spelling
/// ([`UNIT_SPELLINGS`]), a noun of [`UNITS`] named in the counted phrase ("14 bomb and rocket
/// *attacks*"), else its first noun by synonym class or stem, the noun after a participle
/// ("112 suspected *rioters*"). A unit borrowed from an earlier figure ("13 were released") is no
/// class: nothing in the sentence says what is counted.
fn counted_class(figure: &FigureValue) -> (String, String) {
    if figure.inferred {
        return (String::new(), String::new());
    }
    if figure.counted.is_empty() {
        // A percentage, a share, a unit glued to the digits ("30cm"), a currency ("$5").
        let key = term_key(&figure.unit).unwrap_or_else(|| figure.unit.clone());
        let noun = if figure.unit == "percent" { "percent".to_string() } else { figure.unit.clone() };
        return (unit_of(&key), noun);
    }
    let toks = tokens(&figure.counted);
    let mut best: Option<(String, String)> = None;
    let mut first_noun: Option<(String, String)> = None;
    // The first word was a participle ("112 *suspected* rioters", "27 *trapped* miners"): the
    // noun right after it is what is counted.
    let mut after_participle = false;
    for tok in toks.iter().take(4) {
        if NP_JOINERS.contains(&tok.norm.as_str()) {
            continue;
        }
        if is_stop_word(&tok.norm) || tok.norm.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        let key = unit_of(&term_key(&tok.norm).unwrap_or_default());
        let as_written = tok.text.trim_end_matches(['\'', '’']).to_string();
        if UNITS.contains(&key.as_str()) {
            best = Some((key, as_written));
        } else if (first_noun.is_none() || after_participle) && best.is_none() {
            // A noun of a synonym class is compared by its class ("400,000 homes" /
            // "400,000 households"), any other by its stem.
            let counted = synonym_class(&tok.norm).map_or_else(|| unit_of(&stem(&tok.norm)), str::to_string);
            after_participle = first_noun.is_none() && tok.norm.len() > 4 && tok.norm.ends_with("ed");
            first_noun = Some((counted, as_written));
        } else {
            after_participle = false;
        }
    }
    let (unit, noun) = best.or(first_noun).unwrap_or_default();
    // "Degrees" are Celsius unless the phrase says Fahrenheit ("90 degrees Fahrenheit").
    if unit == "celsius" && toks.iter().any(|t| t.norm == "fahrenheit") {
        return ("fahrenheit".to_string(), noun);
    }
    (unit, noun)
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
        (timing::timing(a_text, a_facts, a.published), timing::timing(b_text, b_facts, b.published));
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
                    FactValue::Count { value, unit: u, noun, .. } if u == unit => {
                        Some((i, *value, noun.clone()))
                    }
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
        // A figure and its rounding agree ("nearly 2,500" / "2,450"): one figure, not a conflict.
        left.retain(|(ia, va, _)| {
            let Some(pos) = right.iter().position(|(_, vb, _)| rounds_to(*va, *vb) || rounds_to(*vb, *va))
            else {
                return true;
            };
            let (ib, vb, _) = right.remove(pos);
            let (round, exact) = if rounds_to(*va, vb) { (*va, vb) } else { (vb, *va) };
            let explanation = format!(
                "both say about {} {} ({} rounded)",
                format_number(round),
                counted_noun_of(&a_facts[*ia]).unwrap_or_default(),
                format_number(exact)
            );
            agree.push(with(
                pair(FactKind::Count, &a_facts[*ia], &b_facts[ib], explanation.replace("  ", " ")),
                Relation::Agree,
            ));
            false
        });
        // An approximate count and a figure it covers agree ("dozens of ships" / "about 40
        // ships"); an approximate count never conflicts: its bounds are a reading, not a figure.
        left.retain(|(ia, va, _)| {
            let covers = |fact: &Fact, v: f64| {
                approximate(fact).is_some_and(|(least, most)| (least..=most).contains(&v))
            };
            let Some(pos) =
                right.iter().position(|(ib, vb, _)| covers(&a_facts[*ia], *vb) || covers(&b_facts[*ib], *va))
            else {
                return approximate(&a_facts[*ia]).is_none();
            };
            let (ib, _, _) = right.remove(pos);
            let (fa, fb) = (&a_facts[*ia], &b_facts[ib]);
            let explanation =
                format!("\"{}\" and \"{}\" agree", &a_text[fa.start..fa.end], &b_text[fb.start..fb.end]);
            agree.push(with(pair(FactKind::Count, fa, fb, explanation), Relation::Agree));
            false
        });
        right.retain(|(ib, _, _)| approximate(&b_facts[*ib]).is_none());
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
            // Dates beside a figure that changed between them are the two times the figure
            // was told ("3,000 walked out on March 3" / "5,000 are on strike, the union said on
            // June 14"), not two claims about one day.
            let counts_changed = changes
                .iter()
                .any(|c: &FactPair| c.kind == FactKind::Count && c.relation == Relation::ChangedOverTime);
            if pa.differs(pb) && counts_changed {
                let explanation = format!(
                    "{a_label} tells {}, {b_label} tells {}: two times, the figures changed between them",
                    pa.describe(),
                    pb.describe()
                );
                changes.push(with(
                    pair(FactKind::Date, &a_facts[*ia], &b_facts[*ib], explanation),
                    Relation::ChangedOverTime,
                ));
            } else if pa.differs(pb) {
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

    /// The counted class of each count in the sentences of `text` (split at ". "), read as the
    /// comparison reads a sentence's mentions.
    fn counted_per_sentence(text: &str) -> Vec<Vec<(f64, String)>> {
        let mentions: Vec<Mention> = crate::entities::block_dates_and_figures(text, &mut String::new())
            .into_iter()
            .map(|(start, end, value)| Mention::of_value(0, (start as u32, end as u32), value))
            .collect();
        let mut out = Vec::new();
        let mut start = 0;
        for sentence in text.split_inclusive(". ") {
            let facts = facts_in(start, start + sentence.len(), &mentions);
            out.push(
                facts
                    .into_iter()
                    .filter_map(|f| match f.value {
                        FactValue::Count { value, unit, .. } => Some((value, unit)),
                        _ => None,
                    })
                    .collect(),
            );
            start += sentence.len();
        }
        out
    }

    #[test]
    fn a_count_whose_noun_is_left_to_the_figure_before_it_counts_the_same_thing() {
        for sentence in [
            "At least seven people died and 23 were rescued.",
            "Seven people died within two hours and 23 were rescued.",
        ] {
            let found = counted_per_sentence(sentence);
            let counts: Vec<&(f64, String)> =
                found[0].iter().filter(|(n, _)| [7.0, 23.0].contains(n)).collect();
            let [seven, rescued] = counts.as_slice() else { panic!("two counts: {found:?}") };
            assert!(!seven.1.is_empty() && rescued.1 == seven.1, "{found:?}");
        }
        // Only within its sentence: "13 were released" alone does not say what is counted.
        let found = counted_per_sentence("Police arrested 14 fighters. Three days later, 13 were released.");
        assert_eq!(found[1].iter().find(|(n, _)| *n == 13.0), Some(&(13.0, String::new())));
    }

    #[test]
    fn dates_beside_a_figure_that_changed_between_them_are_two_times_not_a_conflict() {
        let checked = check(
            "About 3,000 dock workers walked off the job at the port on March 3, 2022.",
            0,
            "001",
            "Some 5,000 dock workers are now on strike at the port, the union said on June 14, 2022.",
            0,
            "003",
        );
        assert!(checked.conflicts.is_empty(), "{:?}", checked.conflicts);
        assert!(checked
            .changes
            .iter()
            .any(|c| c.kind == FactKind::Date && c.relation == Relation::ChangedOverTime));
        // Two days for one event, with no figure between them, still conflict.
        let one_event = check(
            "The port strike began on March 3, 2022.",
            0,
            "001",
            "The port strike began on March 5, 2022.",
            0,
            "003",
        );
        assert_eq!(one_event.conflicts.len(), 1);
    }

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
    fn a_move_between_two_figures_is_the_percentage_change_another_outlet_writes() {
        let unit = |sentence: &str| match facts(sentence).first().map(|f| f.value.clone()) {
            Some(FactValue::Count { unit, .. }) => unit,
            _ => String::new(),
        };
        assert_eq!(unit("Profit fell 18%."), percent_unit());
        assert_eq!(unit("Profit fell 18 percent."), percent_unit());
        let changes = |sentence: &str| -> Vec<f64> {
            percent_changes(&crate::text::tokens(sentence), &facts(sentence))
                .into_iter()
                .map(|(c, _)| c)
                .collect()
        };
        assert_eq!(changes("Operating profit dropped to 412 million francs from 502 million."), [17.9, 18.0]);
        assert_eq!(changes("Sales rose from 200 million euros to 250 million euros."), [25.0]);
        // Two figures that are no move from one to the other.
        assert!(changes("Rescuers reached 19 of the 27 trapped miners.").is_empty());
        assert!(changes("The rate went to 28 percent from 27 percent.").is_empty());
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
    fn a_round_figure_is_the_figure_it_rounds() {
        assert!(rounds_to(2500.0, 2450.0));
        assert!(rounds_to(60_000.0, 62_000.0));
        assert!(rounds_to(44.0, 44.2));
        // Too far off, the other way round, written as finely, or a small count rounded to tens.
        assert!(!rounds_to(2000.0, 2450.0));
        assert!(!rounds_to(2450.0, 2500.0));
        assert!(!rounds_to(1200.0, 1250.0));
        assert!(!rounds_to(27.0, 29.0));
        assert!(!rounds_to(20.0, 21.0));
        assert!(!rounds_to(400_000.0, 400_000.0));
        let (agree, conflict) = explain(
            "Nearly 2,500 US troops remain in the country.",
            "The 2,450 US troops remain in the country.",
        );
        assert_eq!(conflict, Vec::<String>::new());
        assert_eq!(agree, ["both say about 2,500 troops (2,450 rounded)"]);
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
        assert_eq!(agree, ["both say 39 attacks", "both say October to July"]);
    }

    #[test]
    fn an_approximate_count_agrees_with_a_figure_it_covers_and_conflicts_with_none() {
        let (agree, conflict) = explain(
            "About 40 ships were left at anchor.",
            "By nightfall dozens of ships were waiting offshore.",
        );
        assert_eq!(conflict, Vec::<String>::new());
        assert_eq!(agree, ["\"40 ships\" and \"dozens of ships\" agree"]);
        // Outside its range: no agreement, and no conflict read from a word's bounds.
        let (agree, conflict) =
            explain("Seven ships were left at anchor.", "Dozens of ships were waiting offshore.");
        assert_eq!((agree, conflict), (Vec::<String>::new(), Vec::<String>::new()));
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
        // A toll told with casualty words alone counts people: "three dead" and "Three people
        // died" share a figure, and so do "five hurt" and "five passengers".
        for toll in
            ["The crush left three dead.", "Two were killed and five hurt.", "27 injured", "4 wounded"]
        {
            assert!(crate::compare::terms::counts_people(&unit_of_first(toll)), "{toll}");
        }
        assert!(!crate::compare::terms::counts_people(&unit_of_first("three ships")));
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
