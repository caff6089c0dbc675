//! Figures: "5,000 US troops", "14 bomb and rocket attacks", "13 were released", "ten years",
//! "a quarter of", "44.2C", "$5 million"; read once for the article page and the comparison.

use serde::{Deserialize, Serialize};

use crate::text::Token;

use super::temporal::Found;

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

/// Words that end a counted noun phrase.
const PHRASE_STOP: &[&str] = &[
    "of", "the", "a", "an", "in", "on", "at", "to", "from", "by", "with", "for", "were", "was", "are", "is",
    "be", "been", "have", "has", "had", "that", "which", "who", "later", "ago", "earlier", "after", "before",
    "since", "than", "more", "less", "per", "each", "said", "says", "or", "but", "as", "into", "during",
    "while", "when", "where", "this", "these", "those", "their", "its", "his", "her", "will", "would",
    "could", "can", "may", "did", "do", "not", "out", "up", "over", "under", "against", "near", "outside",
    "inside", "across", "along", "around", "behind", "beside", "between", "beyond", "through", "toward",
    "towards", "via", "within", "without", "among", "amid", "despite", "until", "like", "above", "below",
    "off", "onto", "upon",
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

/// Words that count approximately, with the least and the most each is read as: "dozens of
/// workers" is 24 to 99, "scores of" 40 to 199, "hundreds of" 200 to 999. The figure's value is
/// the least, its qualifier the words ("dozens of"), so the comparison meets "about 40 workers"
/// with it ([`approximate_range`]).
const APPROXIMATE_COUNTS: &[(&str, f64, f64)] =
    &[("dozens", 24.0, 99.0), ("scores", 40.0, 199.0), ("hundreds", 200.0, 999.0)];

/// The least and the most an approximate figure's qualifier ("dozens of") reads as; `None` for
/// every other qualifier and for none.
pub fn approximate_range(qualifier: Option<&str>) -> Option<(f64, f64)> {
    let word = qualifier?.strip_suffix(" of")?;
    APPROXIMATE_COUNTS.iter().find(|(w, ..)| *w == word).map(|&(_, least, most)| (least, most))
}

/// Determiners after "of" that open the group a count is part of ("six *of the* staff").
const PARTITIVE_DETERMINERS: &[&str] = &["the", "its", "their", "our", "his", "her", "those", "these"];

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

/// Units written glued to their digits ("44.2C", "30cm", "120km"): never "m", which is metres
/// as often as millions.
const GLUED_UNITS: &[&str] = &["c", "f", "km", "cm", "mm", "kg", "mph"];

/// A count with its unit glued to the digits ("44.2C", "30cm"): (value, unit as written, folded).
fn glued_unit(norm: &str) -> Option<(f64, &str)> {
    let split = norm.find(|c: char| c.is_ascii_alphabetic())?;
    let (digits, unit) = norm.split_at(split);
    if !GLUED_UNITS.contains(&unit) {
        return None;
    }
    Some((crate::text::digits_value(digits)?, unit))
}

/// Fractions as percentages, rounded to whole points: (numerator words, fraction word, percent).
const FRACTIONS: &[(&[&str], &str, f64)] = &[
    (&["a", "one"], "half", 50.0),
    (&["a", "one"], "third", 33.0),
    (&["two"], "thirds", 67.0),
    (&["a", "one"], "quarter", 25.0),
    (&["three"], "quarters", 75.0),
];

/// The fractions of a block that state a share: (percent, first token, last token). A fraction
/// counts when what follows says a share ("a quarter *of* the staff", "cut *by* a third", a
/// clause's end), so an ordinal or a period of a year is none ("a third round", "the first
/// quarter", "a quarter *century*").
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

/// Words before "one" that make it a pronoun, not a count ("no one", "every one of them").
const ONE_PRONOUN: &[&str] = &["no", "any", "every", "each", "some", "the", "this", "that", "which"];

/// Units of time a number is hyphenated to in a duration ("a seven-year sentence").
const HYPHEN_UNITS: &[&str] = &["year", "month", "week", "day", "hour", "minute"];

/// Temperature scales read after "degrees" ("44.2 degrees Celsius").
const SCALES_OF_DEGREES: &[&str] = &["celsius", "centigrade", "fahrenheit"];

/// The unit a currency sign before a number names, when no noun says what is counted ("$5").
fn currency_of(before: &str) -> Option<&'static str> {
    match before.chars().last()? {
        '$' => Some("dollars"),
        '€' => Some("euros"),
        '£' => Some("pounds"),
        _ => None,
    }
}

/// Millions of money written with a glued "m" after a currency sign ("£365m", "€12m"): the sign
/// says what the "m" is, which alone is metres as often as millions.
fn currency_millions(before: &str, norm: &str) -> Option<f64> {
    currency_of(before)?;
    Some(crate::text::digits_value(norm.strip_suffix('m')?)? * 1e6)
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
    // Shares written as fractions are percentages ("a quarter of the staff", "by a third").
    let shares = fractions(text, toks);
    for &(value, first, last) in &shares {
        let (start, end) = (toks[first].start, toks[last].end);
        if free(start, end) {
            let figure = FigureValue {
                value,
                unit: "percent".into(),
                counted: String::new(),
                inferred: false,
                qualifier: None,
            };
            out.push(Found { start, end, value: super::Value::Figure(Box::new(figure)) });
        }
    }
    let mut i = 0;
    while i < toks.len() {
        if let Some(clock) = clocks.iter().find(|c| (c.first..=c.last).contains(&i)) {
            i = clock.last + 1;
            continue;
        }
        if let Some(&(_, _, last)) = shares.iter().find(|s| (s.1..=s.2).contains(&i)) {
            i = last + 1;
            continue;
        }
        let tok = &toks[i];
        let before = &text[..tok.start];
        // "one" counts only with its own noun ("one person", never "no one" or "one of them").
        let one = tok.norm == "one"
            && !i.checked_sub(1).is_some_and(|p| ONE_PRONOUN.contains(&toks[p].norm.as_str()));
        // A number in digits or words ("twenty-seven", "two thousand five hundred", "2.5
        // million", "5k"), read as every consumer of numbers reads them.
        // "dozens of workers", never "dozens of them", "hundreds of the staff" nor "hundreds of
        // thousands" (a scale, no count of its own).
        let approximate = APPROXIMATE_COUNTS.iter().find(|(w, ..)| *w == tok.norm).filter(|_| {
            toks.get(i + 1).is_some_and(|t| t.norm == "of")
                && toks.get(i + 2).is_some_and(|t| {
                    !PHRASE_STOP.contains(&t.norm.as_str())
                        && !matches!(
                            t.norm.as_str(),
                            "them" | "us" | "you" | "thousands" | "millions" | "billions"
                        )
                })
        });
        let phrase = crate::text::number_phrase(toks, i)
            .or(one.then_some((1.0, i)))
            .or_else(|| currency_millions(before, &tok.norm).map(|value| (value, i)))
            .or(approximate.map(|&(_, least, _)| (least, i + 1)));
        let Some((value, last)) = phrase else {
            // A unit glued to the digits: "44.2C", "30cm".
            if let Some((value, unit)) = glued_unit(&tok.norm).filter(|_| free(tok.start, tok.end)) {
                let figure = FigureValue {
                    value,
                    unit: unit.to_string(),
                    counted: String::new(),
                    inferred: false,
                    qualifier: None,
                };
                out.push(Found {
                    start: tok.start,
                    end: tok.end,
                    value: super::Value::Figure(Box::new(figure)),
                });
            }
            i += 1;
            continue;
        };
        let one = one && last == i;
        // Skip compounds ("two-state"), rates ("$1/click"), and anything already claimed (dates).
        let after = &text[toks[last].end..];
        let currency = currency_of(before);
        let start =
            if currency.is_some() { before.trim_end_matches(['$', '€', '£']).len() } else { tok.start };
        // After a hyphen, a unit of time is a duration ("a seven-year sentence", never an age,
        // "27-year-old") and a number a score ("3-1"); anything else is a compound.
        let next = toks.get(last + 1).filter(|n| &text[toks[last].end..n.start] == "-");
        let duration = next
            .filter(|n| HYPHEN_UNITS.contains(&n.norm.as_str()) && !text[n.end..].starts_with(['-', '‑']));
        let score = next.is_some_and(|n| n.norm.starts_with(|c: char| c.is_ascii_digit()));
        let compound = after.starts_with('-') && duration.is_none() && !score;
        if compound || after.starts_with('/') || !free(start, toks[last].end) {
            i += 1;
            continue;
        }
        if let Some(unit_tok) = duration.filter(|n| free(start, n.end)) {
            let figure = FigureValue {
                value,
                unit: unit_tok.norm.clone(),
                counted: unit_tok.text.to_string(),
                inferred: false,
                qualifier: None,
            };
            out.push(Found { start, end: unit_tok.end, value: super::Value::Figure(Box::new(figure)) });
            i = last + 2;
            continue;
        }
        let mut j = last + 1;
        // A degree sign joins a count to its scale ("44 °C", "44°C").
        let gap_ok = |a: &Token<'_>, b: &Token<'_>| {
            let gap = &text[a.end..b.start];
            !gap.is_empty() && gap.len() <= 4 && gap.chars().all(|c| matches!(c, ' ' | '-' | '°'))
        };
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
        } else if let Some(currency) = currency {
            // A currency sign says what is counted, whatever noun follows ("a £12m inspection
            // programme" counts pounds, as "12 million pounds" does).
            unit = currency.to_string();
            counted = currency.to_string();
        } else {
            // A part of a group counts the group's members: "Six of the plant's staff", "two of
            // its pilots" count staff and pilots ("two of them" counts nothing named).
            // A possessive between them names whose ("the plant's staff"): skipped.
            let partitive = !one
                && toks.get(j).is_some_and(|t| t.norm == "of" && gap_ok(&toks[j - 1], t))
                && toks.get(j + 1).is_some_and(|t| PARTITIVE_DETERMINERS.contains(&t.norm.as_str()));
            if partitive {
                j += 2;
                // The token keeps its possessive ending in `text`, outside `start..end`.
                let possessive = |t: &Token<'_>| matches!(t.text.get(t.end - t.start..), Some("'s" | "’s"));
                if toks.get(j).is_some_and(possessive) {
                    j += 1;
                }
            }
            // The counted phrase: up to four words, ending at the first plural noun.
            let first = j;
            let mut last = None;
            let mut head_from = None;
            while j < toks.len() && j - first < 5 {
                let t = &toks[j];
                // The possessive's "'s" stands between it and the noun ("the plant's staff").
                let joined = (partitive && j == first) || gap_ok(&toks[j - 1], t);
                if !joined
                    || !t.norm.chars().all(char::is_alphabetic)
                    || PHRASE_STOP.contains(&t.norm.as_str())
                {
                    break;
                }
                if t.norm == "and" {
                    // Another number after "and" starts a count of its own ("Fourteen hurt and
                    // three dead").
                    let continues = toks.get(j + 1).is_some_and(|n| {
                        gap_ok(t, n)
                            && n.norm.chars().all(char::is_alphabetic)
                            && !PHRASE_STOP.contains(&n.norm.as_str())
                            && crate::text::number_word(&n.norm).is_none()
                            && n.norm != "one"
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
                    // "degrees Celsius": the scale is what is counted.
                    let scale = toks
                        .get(j + 1)
                        .filter(|n| t.norm == "degrees" && gap_ok(t, n))
                        .filter(|n| SCALES_OF_DEGREES.contains(&n.norm.as_str()));
                    if scale.is_some() {
                        last = Some(j + 1);
                        break;
                    }
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
        let digits = tok.norm.starts_with(|c: char| c.is_ascii_digit());
        if unit.is_empty() && !last_unit.is_empty() && !one && approximate.is_none() {
            unit = last_unit.clone();
            inferred = true;
        }
        // A number in digits with nothing counted and nothing to borrow is still a figure ("a
        // crowd of 41,000"); a number word alone is not ("two of them"), nor "one" without its
        // noun.
        let bare = unit.is_empty() && digits;
        if (unit.is_empty() && !bare) || (one && (inferred || unit.is_empty())) || !free(start, end) {
            i += 1;
            continue;
        }
        if !inferred && !unit.is_empty() && !TIME_UNITS.contains(&unit.as_str()) {
            last_unit.clone_from(&unit);
        }
        // Only the few words before the number can hold its qualifier: folding the whole
        // paragraph before every number made long paragraphs of figures quadratic.
        let folded_before = crate::text::fold(tail(text[..start].trim_end(), QUALIFIER_BYTES));
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
        let qualifier = approximate.map(|(word, ..)| format!("{word} of")).or(qualifier);
        out.push(Found {
            start,
            end,
            value: super::Value::Figure(Box::new(FigureValue { value, unit, counted, inferred, qualifier })),
        });
        i = j.max(i + 1);
    }
    crate::sort::sort_by_key(&mut out, |f| (f.start, f.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Value;
    use crate::text::tokens;

    fn figures_in(text: &str) -> Vec<(String, f64, String, bool)> {
        let toks = tokens(text);
        let mut last = String::new();
        let taken: Vec<(usize, usize)> = super::super::temporal::dates(text, &toks, &|_, _| true)
            .iter()
            .map(|f| (f.start, f.end))
            .collect();
        let free = move |s: usize, e: usize| taken.iter().all(|&(a, b)| e <= a || b <= s);
        figures(text, &toks, &free, &mut last)
            .into_iter()
            .map(|f| match f.value {
                Value::Figure(v) => (text[f.start..f.end].to_string(), v.value, v.unit, v.inferred),
                Value::Date(_) => unreachable!("figures() gives figures"),
            })
            .collect()
    }

    #[test]
    fn a_counted_phrase_ends_at_a_preposition_before_a_place() {
        // Without a plural to end it, the phrase once ran on through "near" and took the town
        // as what was counted, hiding the place name from the name finder.
        let f = figures_in("a 40 MW plant near Naivasha would restart");
        assert_eq!(f, [("40 MW plant".to_string(), 40.0, "plant".to_string(), false)]);
        let f = figures_in("a 3 km tunnel under the river and a 12 km road through Kibera");
        assert_eq!(f[1], ("12 km road".to_string(), 12.0, "road".to_string(), false));
    }

    #[test]
    fn dozens_scores_and_hundreds_of_a_noun_are_approximate_counts_of_it() {
        let f = figures_in("Dozens of workers were hurt and hundreds of homes flooded.");
        assert_eq!(
            f,
            [
                ("Dozens of workers".to_string(), 24.0, "workers".to_string(), false),
                ("hundreds of homes".to_string(), 200.0, "homes".to_string(), false),
            ]
        );
        assert_eq!(approximate_range(Some("dozens of")), Some((24.0, 99.0)));
        assert_eq!(approximate_range(Some("about")), None);
        // Not of a pronoun, a group or a scale.
        assert_eq!(figures_in("dozens of them were hurt"), []);
        assert_eq!(figures_in("hundreds of the staff walked out"), []);
        assert_eq!(figures_in("hundreds of thousands of homes"), []);
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
        // Digits with a scale, written out or glued on, as every reader of numbers reads them.
        let f = figures_in("The deal is worth 1.2bn euros, up from 2.5 million euros.");
        assert_eq!((f[0].1, f[0].2.as_str()), (1.2e9, "euros"));
        assert_eq!((f[1].1, f[1].2.as_str()), (2.5e6, "euros"));
        // A number word inside a compound adjective is no count.
        assert!(figures_in("a twenty-seven-year-old miner").is_empty());
        // A tens word and "one" are one number, as "twenty-seven" is.
        let f = figures_in("Forty-one families have been moved");
        assert_eq!(f, [("Forty-one families".to_string(), 41.0, "families".to_string(), false)]);
    }

    #[test]
    fn counts_joined_by_and_are_two_figures() {
        let f = figures_in("Fourteen hurt and three dead in Dorna port blaze");
        assert_eq!(f[0], ("Fourteen hurt".to_string(), 14.0, "hurt".to_string(), false));
        assert_eq!(f[1], ("three dead".to_string(), 3.0, "dead".to_string(), false));
        // "And" inside what is counted still joins it.
        let f = figures_in("14 bomb and rocket attacks");
        assert_eq!(f[0].2, "attacks");
    }

    #[test]
    fn a_currency_sign_says_what_is_counted() {
        // "m" after a currency sign is millions ("£365m" is 365 million pounds).
        let f = figures_in("the bill soars to £365m");
        assert_eq!(f, [("£365m".to_string(), 365e6, "pounds".to_string(), false)]);
        // The sign, not the noun after it, is what is counted.
        let f = figures_in("Varen promised a £12m inspection programme");
        assert_eq!((f[0].1, f[0].2.as_str()), (12e6, "pounds"));
        // Without a sign, "5m" may be metres: no figure is read.
        assert!(figures_in("a wall 5m high").is_empty());
    }

    #[test]
    fn a_part_of_a_group_counts_its_members() {
        let f = figures_in("Six of the plant's staff were injured as the gas spread");
        assert_eq!((f[0].0.as_str(), f[0].1, f[0].2.as_str()), ("Six of the plant's staff", 6.0, "staff"));
        let f = figures_in("Doctors said two of those hurt were fighting for their lives");
        assert_eq!((f[0].1, f[0].2.as_str()), (2.0, "hurt"));
        // "Two of them" names nothing counted, and "one of the" is no count.
        assert!(figures_in("Two of them were hurt").is_empty());
        assert!(figures_in("It is one of the largest banks").is_empty());
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
