//! The date clues of one article: every date mention the entity layer found
//! ([`crate::entities::MentionKind::Date`]), with what the words around it say about the time of
//! writing: a line stating it ("Posted … July 27, 2021"), a dated photo caption, an event the text
//! reports as past, or one it announces ("will travel to Washington in July", "expected to meet
//! with President Trump Thursday").

use crate::entities::{DateValue, EntityData, FigureValue, MentionKind, Value};

use super::calendar::Day;
use super::terms::{titled_now, OfficeTerms};
use crate::model::{Article, BlockKind};
use crate::text::{tokens, FUTURE_MODALS};

/// At most this many date mentions of one article are read: a bound on the work per article
/// (a long article's clues after the first few hundred add nothing to its date).
pub const MAX_CLUES_PER_ARTICLE: usize = 400;

/// Words just before a date that say the event is still to come, beside the shared future words
/// ([`crate::text::is_future_word`]): "set for July", what may or should come, "next".
const FUTURE_CUES: &[&str] = &["set", "should", "could", "might", "possibly", "next"];

/// True when the folded word says the event after it is still to come.
fn is_future_cue(norm: &str) -> bool {
    crate::text::is_future_word(norm) || FUTURE_CUES.contains(&norm)
}

/// Words opening a line that states the article's own date.
const STATED_CUES: &[&str] = &["posted", "published", "updated"];

/// How many words before a date mention are read for a future cue.
const CUE_WINDOW: usize = 14;

/// What the text says about one date mention relative to the time of writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A line stating the article's date ("Posted by News Desk | July 27, 2021").
    Stated,
    /// A photo caption's date ("…, Wednesday, April 23, 2025. (AP)").
    Caption,
    /// An event the text reports: it happened before the article was written.
    Past,
    /// An event the text announces: the article was written before it.
    Future,
}

/// One date mention of an article and its role.
///
/// It borrows its text and value from the article and its mention: a corpus's clues are held
/// while its stories are grouped (about twenty an article), and copies of both were most of a
/// 100,000-article build's dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Clue<'a> {
    /// Raw-file byte range of the mention.
    pub start: usize,
    /// End of the mention.
    pub end: usize,
    /// The mention as written.
    pub text: &'a str,
    /// Its normalised value.
    pub value: &'a DateValue,
    /// Stated, caption, past or future.
    pub role: Role,
    /// For a past event the text puts a stated time before the event it reports ("talks came
    /// *less than two weeks after* an attack on April 28").
    pub within: Option<Within>,
}

/// A stated time between a dated event and the one an article reports ("less than two weeks
/// after an attack on April 28").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Within {
    /// The length, in days.
    pub days: i64,
    /// Raw offset where the words start (with their hedge: "less than two weeks after").
    pub at: usize,
    /// Raw offset where the words end (their "after"): past the date when they point back to it
    /// ("June 11, 2024, more than two months after the storm").
    pub to: usize,
    /// What the hedge makes of the length.
    pub bound: LengthBound,
}

/// What the words before a length make of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LengthBound {
    /// "less than two weeks after", "within a month of": the reported event lies between the
    /// dated one and that long after it.
    AtMost,
    /// "two weeks after", "about two weeks after": about that long after.
    About,
    /// "more than two weeks after": at least that long after, maybe much more.
    AtLeast,
}

/// A person named with the title of an office the knowledge base dates ("US President Joe
/// Biden"): the article was written during the term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    /// Raw-file byte range of the name.
    pub start: usize,
    /// End of the name.
    pub end: usize,
    /// The title and name as written ("US President Joe Biden").
    pub text: String,
    /// First day of the term.
    pub from: Day,
    /// Last day, unless still in office.
    pub to: Option<Day>,
    /// The day the text puts the holder's time in office at ("who has now been in office for
    /// one year": the term's first day plus a year), when it says how long.
    pub tenure: Option<Day>,
}

/// The titled office holders named in article `index` (at most [`MAX_CLUES_PER_ARTICLE`]).
pub fn offices(article: &Article, index: u32, entities: &EntityData, terms: &OfficeTerms) -> Vec<Office> {
    let mut out = Vec::new();
    if terms.is_empty() {
        return out;
    }
    for mention in entities.mentions_in(index).iter().filter(|m| m.kind() == MentionKind::Person) {
        if out.len() == MAX_CLUES_PER_ARTICLE {
            break;
        }
        let Some(entity) = entities.entity_of(mention) else { continue };
        let Some((from, to)) = terms.of(&entity.id) else { continue };
        let Some(block) = article.block_at(mention.start as usize) else { continue };
        let local_end = (mention.end as usize).saturating_sub(block.start);
        let Some(before) = block.text.get(..(mention.start as usize).saturating_sub(block.start)) else {
            continue;
        };
        if !titled_now(before) {
            continue;
        }
        // The title words before the name, for the evidence.
        let title_start = before.rfind(['.', ',', ';', ':', '"', '“']).map_or(0, |i| i + 1);
        let title_start = title_start.max(before.len().saturating_sub(40));
        let mut title_start =
            (title_start..=before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(before.len());
        if title_start > 0 && !before[..title_start].ends_with(char::is_whitespace) {
            // Cut inside a word: start at the next word.
            title_start =
                before[title_start..].find(char::is_whitespace).map_or(before.len(), |i| title_start + i + 1);
        }
        let Some(text) = block.text.get(title_start..local_end) else { continue };
        out.push(Office {
            start: block.start + title_start,
            end: (mention.end as usize),
            text: text.trim().to_string(),
            from,
            to,
            tenure: None,
        });
    }
    out.extend(tenures(article, index, entities, terms));
    out
}

/// Words between "office"/"power" and the length of time that leave its meaning unchanged.
const TENURE_HEDGES: &[&str] =
    &["for", "nearly", "almost", "about", "around", "over", "just", "some", "roughly"];
/// How many words after a name are read for "in office for …".
const TENURE_WINDOW: usize = 30;

/// Office holders with a known term whose time in office the sentence states ("Kadhemi, …, who
/// has now been in office for one year"): written that long after the term began.
pub fn tenures(article: &Article, index: u32, entities: &EntityData, terms: &OfficeTerms) -> Vec<Office> {
    let mut out = Vec::new();
    for mention in entities.mentions_in(index).iter().filter(|m| m.kind() == MentionKind::Person) {
        if out.len() == MAX_CLUES_PER_ARTICLE {
            break;
        }
        let Some(entity) = entities.entity_of(mention) else { continue };
        let Some((from, to)) = terms.of(&entity.id) else { continue };
        let Some(block) = article.block_at(mention.start as usize) else { continue };
        let Some(after) = block.text.get((mention.end as usize).saturating_sub(block.start)..) else {
            continue;
        };
        // The rest of the sentence.
        let sentence_end = after.find(['.', '!', '?', ';']).unwrap_or(after.len());
        let Some(rest) = after.get(..sentence_end) else { continue };
        let toks = tokens(rest);
        let words: Vec<&str> = toks.iter().take(TENURE_WINDOW).map(|t| t.norm.as_str()).collect();
        let Some(at) = tenure_length_at(&words) else { continue };
        // The length is the figure the entities layer read there ("one year", "nearly 18
        // months"), as the article page shows it.
        let rest_start = mention.end as usize;
        let length_start = rest_start + toks[at].start;
        let figure = entities.mentions_in(index).iter().find_map(|m| match m.value.as_deref() {
            Some(Value::Figure(f)) if (m.start as usize..m.end as usize).contains(&length_start) => {
                Some((m, f))
            }
            _ => None,
        });
        let Some((length_mention, figure)) = figure else { continue };
        let Some(days) = tenure_length(figure) else { continue };
        let end = length_mention.end as usize;
        let (y, m, d) = super::calendar::civil(from);
        let day = match days {
            Length::Years(n) => super::calendar::day_number(y + n, m, d.min(28)),
            Length::Months(n) => {
                let months = i32::from(m) - 1 + n;
                super::calendar::day_number(
                    y + months.div_euclid(12),
                    (months.rem_euclid(12) + 1) as u8,
                    d.min(28),
                )
            }
        };
        if to.is_some_and(|t| day > t + 31) {
            continue;
        }
        let Some(text) = block
            .text
            .get((mention.start as usize).saturating_sub(block.start)..end.saturating_sub(block.start))
        else {
            continue;
        };
        out.push(Office {
            start: (mention.start as usize),
            end,
            text: text.to_string(),
            from,
            to,
            tenure: Some(day),
        });
    }
    out
}

/// A length of time in office.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Length {
    Years(i32),
    Months(i32),
}

/// "… in office for one year", "… in power for nearly two years": the index of the word where
/// the length of time starts (after "for" and any hedge), which must be a figure.
fn tenure_length_at(words: &[&str]) -> Option<usize> {
    let start = words.windows(2).position(|w| w[0] == "in" && (w[1] == "office" || w[1] == "power"))? + 2;
    let mut i = start;
    while words.get(i).is_some_and(|w| TENURE_HEDGES.contains(w) || *w == "more" || *w == "than") {
        i += 1;
    }
    // "in office" without "for …"
    (i > start && i < words.len()).then_some(i)
}

/// The length of time a figure states, in whole years or months (1 to 40 of them).
fn tenure_length(figure: &FigureValue) -> Option<Length> {
    let amount = figure.value;
    if amount.fract() != 0.0 || !(1.0..=40.0).contains(&amount) {
        return None;
    }
    let amount = amount as i32;
    match figure.unit.as_str() {
        "year" | "years" => Some(Length::Years(amount)),
        "month" | "months" => Some(Length::Months(amount)),
        _ => None,
    }
}

/// The date clues of article `index`, in text order, and whether [`MAX_CLUES_PER_ARTICLE`]
/// cut them short.
pub fn clues<'a>(article: &'a Article, index: u32, entities: &'a EntityData) -> (Vec<Clue<'a>>, bool) {
    let mut out = Vec::new();
    let mut truncated = false;
    for mention in entities.mentions_in(index).iter().filter(|m| m.kind() == MentionKind::Date) {
        if out.len() == MAX_CLUES_PER_ARTICLE {
            truncated = true;
            break;
        }
        let (Some(Value::Date(value)), Some(block)) =
            (mention.value.as_deref(), article.block_at(mention.start as usize))
        else {
            continue;
        };
        let (Some(local_start), Some(local_end)) = (
            (mention.start as usize).checked_sub(block.start),
            (mention.end as usize).checked_sub(block.start),
        ) else {
            continue;
        };
        let (Some(before), Some(text)) =
            (block.text.get(..local_start), block.text.get(local_start..local_end))
        else {
            continue;
        };
        let role = if block.kind == BlockKind::Caption && value.from.year.is_some() {
            Role::Caption
        } else if states_own_date(before) && value.from.year.is_some() && value.to.is_none() {
            Role::Stated
        } else if value.to.is_none()
            && value.from.day.is_some()
            && in_dateline(article, mention.start as usize)
        {
            // "ATHENS, July 30 -": the day of writing, usually without its year.
            Role::Stated
        } else if announces(before)
            || starts_a_coming_period(before, text, block.text.get(local_end..).unwrap_or(""))
        {
            Role::Future
        } else {
            Role::Past
        };
        let within = if role == Role::Past {
            let rest = block.text.get(local_end..).unwrap_or("");
            time_after(before)
                .map(|w| Within { at: block.start + w.at, to: block.start + w.to, ..w })
                .or_else(|| {
                    let shift = mention.end as usize;
                    time_after_back(rest).map(|w| Within { at: shift + w.at, to: shift + w.to, ..w })
                })
        } else {
            None
        };
        out.push(Clue {
            start: (mention.start as usize),
            end: (mention.end as usize),
            text,
            value,
            role,
            within,
        });
    }
    (out, truncated)
}

/// Whether a raw offset lies in the dateline the cleaner found ("SANTOS, Brazil, Oct 8 (Reuters) -").
fn in_dateline(article: &Article, offset: usize) -> bool {
    article.dateline.as_ref().is_some_and(|d| d.start <= offset && offset < d.end)
}

/// Words before a length of time that make it an upper bound ("*less than* two weeks after").
const AT_MOST_HEDGES: &[&str] = &["less", "fewer", "under", "within"];
/// Words before a length of time that make it a lower bound ("*more than* two weeks after").
const AT_LEAST_HEDGES: &[&str] = &["more", "over", "least"];
/// Words before a length of time that leave it about that long ("*nearly* two weeks after").
const ABOUT_HEDGES: &[&str] = &["than", "at", "barely", "just", "only", "about", "nearly", "almost", "some"];
/// How many words between "after" and the date may tell the event ("after an al-Shabaab attack
/// on a police convoy near Mandera on").
const AFTER_WINDOW: usize = 14;

/// "… two weeks after [an attack on]": the days the sentence puts between the event it reports
/// and the dated one, the byte offset in `before` where the length (and its hedge) starts, and
/// whether the hedge makes it an upper or a lower bound. Only within the sentence, and only
/// "after" (a length *before* an event says nothing of writing).
fn time_after(before: &str) -> Option<Within> {
    let from = before.rfind(['.', '!', '?', ';']).map_or(0, |i| i + 1);
    let sentence = before.get(from..)?;
    let toks = tokens(sentence);
    let after = toks.iter().rposition(|t| t.norm == "after")?;
    if toks.len() - after > AFTER_WINDOW {
        return None;
    }
    length_before(&toks, after).map(|w| Within { at: from + w.at, to: from + w.to, ..w })
}

/// Words after "after" that point back to an event already named ("after *the* storm", "after
/// *it*").
const BACK_REFERENCES: &[&str] = &["the", "that", "this", "it"];

/// "… the floods of June 11, 2024, more than two months after the storm": a length after the
/// date that points back to it, with an "after" whose event is one already named, later in the
/// same clause run (`rest` is the text after the date mention). The offset is in `rest`.
fn time_after_back(rest: &str) -> Option<Within> {
    let end = rest.find(['.', '!', '?', ';']).unwrap_or(rest.len());
    let toks = tokens(rest.get(..end)?);
    let after = toks.iter().take(AFTER_WINDOW).position(|t| t.norm == "after")?;
    let points_back = toks.get(after + 1).is_some_and(|t| BACK_REFERENCES.contains(&t.norm.as_str()));
    // Another date between them would be the one the length counts from.
    let digits_between = toks[..after].iter().any(|t| t.norm.starts_with(|c: char| c.is_ascii_digit()));
    if !points_back || digits_between {
        return None;
    }
    length_before(&toks, after)
}

/// The length of time written right before "after" at token `after` ("more than two months
/// after"), with its hedge: the days, where the length starts in the tokens' text, and the bound.
fn length_before(toks: &[crate::text::Token<'_>], after: usize) -> Option<Within> {
    if after < 2 {
        return None;
    }
    let unit = match toks[after - 1].norm.as_str() {
        "day" | "days" => 1,
        "week" | "weeks" => 7,
        "month" | "months" => 31,
        _ => return None,
    };
    let amount_at = after - 2;
    let amount = match toks[amount_at].norm.as_str() {
        "a" | "an" | "one" => 1.0,
        w => w.parse::<f64>().ok().or_else(|| crate::text::number_word(w))?,
    };
    if amount.fract() != 0.0 || !(1.0..=60.0).contains(&amount) {
        return None;
    }
    let mut start = amount_at;
    let mut bound = LengthBound::About;
    while start > 0 {
        let word = toks[start - 1].norm.as_str();
        if AT_MOST_HEDGES.contains(&word) {
            bound = LengthBound::AtMost;
        } else if AT_LEAST_HEDGES.contains(&word) {
            bound = LengthBound::AtLeast;
        } else if !ABOUT_HEDGES.contains(&word) {
            break;
        }
        start -= 1;
    }
    Some(Within { days: amount as i64 * unit, at: toks[start].start, to: toks[after].end, bound })
}

/// A short line opening with "Posted", "Published" or "Updated" before the date.
fn states_own_date(before: &str) -> bool {
    before.len() <= 80 && tokens(before).first().is_some_and(|t| STATED_CUES.contains(&t.norm.as_str()))
}

/// The last few words of the sentence before a date announce it ("will travel … in July").
fn announces(before: &str) -> bool {
    // Only the current clause: cut at the last sentence end, comma or semicolon before the
    // mention ("… will travel on 3 March, aides said after talks on 14 February": the talks
    // are past).
    let from = before.rfind(['.', '!', '?', ',', ';']).map_or(0, |i| i + 1);
    let Some(sentence) = before.get(from..) else { return false };
    let toks = tokens(sentence);
    let from = toks.len().saturating_sub(CUE_WINDOW);
    (from..toks.len()).any(|i| is_future_cue(&toks[i].norm) && !past_participle(&toks, i))
}

/// Words before a date that make it the first day of a period ("a ban *from* May 1").
const PERIOD_STARTS: &[&str] = &["from", "starting", "beginning", "effective"];
/// How many words after the date (its period's end, "to June 30", included) the modal may come.
const MODAL_WINDOW: usize = 4;

/// A period that starts on the date and that the clause goes on to tell as still to come: "the
/// government's ban on catching sardinella from May 1 would leave thousands of families without
/// income" (where "from May 1, the ban was lifted" tells a past one). `date` is the mention, which
/// holds its "from" when it is a range ("from May 1 to June 30").
fn starts_a_coming_period(before: &str, date: &str, after: &str) -> bool {
    let starts = tokens(before).last().is_some_and(|t| PERIOD_STARTS.contains(&t.norm.as_str()))
        || tokens(date).first().is_some_and(|t| t.norm == "from");
    let clause_end = after.find([',', '.', ';', '!', '?']).unwrap_or(after.len());
    let Some(clause) = after.get(..clause_end) else { return false };
    starts && tokens(clause).iter().take(MODAL_WINDOW).any(|t| FUTURE_MODALS.contains(&t.norm.as_str()))
}

/// Whether cue word `i` is a past participle, not a plan: "the record set in August 2017", "was
/// set on Monday" (where "set for July", "is set to" announce).
fn past_participle(toks: &[crate::text::Token<'_>], i: usize) -> bool {
    let next = toks.get(i + 1).map(|t| t.norm.as_str());
    let prev = i.checked_sub(1).map(|p| toks[p].norm.as_str());
    toks[i].norm == "set"
        && (matches!(next, Some("in" | "on" | "during"))
            || (matches!(prev, Some("was" | "were" | "been" | "had")) && !matches!(next, Some("to" | "for"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stated_time_in_office_is_read_where_its_figure_starts() {
        let words = |s: &'static str| s.split(' ').collect::<Vec<_>>();
        assert_eq!(tenure_length_at(&words("who has now been in office for one year")), Some(7));
        assert_eq!(tenure_length_at(&words("in power for nearly 18 months")), Some(4));
        assert_eq!(tenure_length_at(&words("took office in may")), None);
        assert_eq!(tenure_length_at(&words("in office")), None);
        let figure = |value: f64, unit: &str| FigureValue {
            value,
            unit: unit.into(),
            counted: unit.into(),
            inferred: false,
            qualifier: None,
        };
        assert_eq!(tenure_length(&figure(1.0, "year")), Some(Length::Years(1)));
        assert_eq!(tenure_length(&figure(18.0, "months")), Some(Length::Months(18)));
        assert_eq!(tenure_length(&figure(2.5, "years")), None);
        assert_eq!(tenure_length(&figure(3.0, "times")), None);
    }

    #[test]
    fn announcements_look_back_only_within_the_sentence() {
        assert!(announces("Kadhimi will travel to Washington in "));
        assert!(announces("A new Iraqi prime minister is visiting Washington, D.C., and expected to meet with President Trump "));
        assert!(!announces("He said he will go. The attack came on "));
        assert!(!announces("Between "));
        assert!(announces("The two sides also discussed the elections planned for "));
        // "set" as a past participle tells when something was done.
        assert!(!announces("The previous record, 43.1C, was set in "));
        assert!(!announces("breaking the regional record of 43.1C set in "));
        assert!(announces("The vote is set for "));
        assert!(announces("The talks were set to resume on "));
        assert!(!announces("The minister will travel on 3 March 2022, aides said after talks on "));
        assert!(states_own_date("Posted by News Desk | "));
        fn within(s: &str) -> Option<(i64, &str, LengthBound)> {
            time_after(s).map(|w| (w.days, &s[w.at..], w.bound))
        }
        assert_eq!(
            within("The talks came less than two weeks after an attack on a convoy near Mandera on "),
            Some((
                14,
                "less than two weeks after an attack on a convoy near Mandera on ",
                LengthBound::AtMost
            ))
        );
        assert_eq!(
            within("He resigned three days after the vote on "),
            Some((3, "three days after the vote on ", LengthBound::About))
        );
        assert_eq!(
            within("The strike ended more than a month after the vote on "),
            Some((31, "more than a month after the vote on ", LengthBound::AtLeast))
        );
        assert_eq!(
            within("It came nearly two weeks after the vote on ").map(|w| w.2),
            Some(LengthBound::About)
        );
        assert_eq!(within("Two weeks before the vote on "), None);
        // A length after the date that points back to its event.
        fn back(s: &str) -> Option<(i64, &str, LengthBound)> {
            time_after_back(s).map(|w| (w.days, &s[w.at..], w.bound))
        }
        assert_eq!(
            back(", more than two months after the storm, summoning the commissioner."),
            Some((
                62,
                "more than two months after the storm, summoning the commissioner.",
                LengthBound::AtLeast
            ))
        );
        assert_eq!(
            back(", three days after it was signed."),
            Some((3, "three days after it was signed.", LengthBound::About))
        );
        // Its own event, or another date, is no pointer back.
        assert_eq!(back(", two weeks after an attack on a convoy."), None);
        assert_eq!(back(" and on May 9, two weeks after the vote."), None);
        assert_eq!(back(". Two weeks after the storm, the river rose."), None);
        assert_eq!(within("After the attack on "), None);
        assert!(!states_own_date("The minister posted a message on "));
        // A period that starts on the date and is told as still to come.
        assert!(starts_a_coming_period(
            "said the government's ban on catching sardinella from ",
            "May 1",
            " would leave thousands of families without income."
        ));
        assert!(starts_a_coming_period("The fares ", "from May 1 to June 30", " will rise by a tenth."));
        assert!(!starts_a_coming_period(
            "The ban ran ",
            "from May 1 to June 30",
            ", and fishermen will return."
        ));
        assert!(!starts_a_coming_period(
            "Fishing was banned from ",
            "May 1",
            ", and it would take years to recover."
        ));
        assert!(!starts_a_coming_period("The talks on ", "May 1", " would decide the matter."));
    }
}
