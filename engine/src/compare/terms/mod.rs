//! Meaning-bearing terms of a text: folded content words with stop words dropped, a light stem,
//! a transliteration key (so Kadhimi/Kadhemi meet) and a small synonym table (missiles ~ attacks).
//!
//! Split by concern: `words.rs` one word's key, `phrasal.rs` phrasal verbs and idioms,
//! `classes.rs` the word classes, `amounts.rs` changes of an amount; this file reads a sentence's
//! tokens in context.

mod amounts;
mod classes;
mod phrasal;
#[cfg(test)]
mod tests;
mod words;

// What the parent and its modules share: each module reads these through `use super::*`.
use crate::text::word_classes::{
    BACKING_VERBS, COUNTED_PERSON_NOUNS, LABOUR_STRIKE_AFTER, LABOUR_STRIKE_BEFORE, LABOUR_WORDS,
    MEASURE_NOUNS, ORGANISATION_NOUNS, PHRASAL_VERBS, PLAN_NOUNS, VOTE_WON_VERBS, WORD_CLASSES,
};
use crate::text::{translit_key, Token, BE_FORMS};

use amounts::*;
use classes::*;
use phrasal::*;
use words::*;

pub(crate) use classes::search_synonyms;
pub use classes::{
    counts_people, event_sides, is_change_of_amount, is_event_class, is_participant_word, is_role_word,
    opposite_events, synonym_class,
};
pub use words::{is_past_form, is_stop_word, stem, term_key};

/// A term of a sentence with whether it was written as a proper name (capitalised, not the
/// first word of the sentence) and whether it is a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The key from [`term_key`].
    pub key: String,
    /// Written capitalised somewhere other than the sentence's first word.
    pub name: bool,
    /// A number ("39", "5,000").
    pub figure: bool,
    /// A weekday or month name: weak evidence on its own ("on Tuesday", "in June").
    pub calendar: bool,
    /// A role noun or the word right before one ("trade minister", "fire chief"): says who
    /// someone is, not what happened.
    pub role: bool,
}

/// The key of token `i` in its sentence: [`term_key`], except a passive "met" ("are best met
/// by", "was met with"), which is no meeting and keeps its own key, and a verb by which someone
/// changes an amount ([`changes_amount`]), which tells the increase or decrease class.
fn key_in_context(toks: &[Token<'_>], i: usize) -> Option<String> {
    let norm = toks[i].norm.as_str();
    if let Some(class) = changes_amount(toks, i) {
        return Some(class.to_string());
    }
    if norm == "met" {
        // The be-form right before, or before one adverb ("are best met", "were quickly met").
        let before = |d: usize| i.checked_sub(d).map(|k| toks[k].norm.as_str());
        let passive = before(1).is_some_and(|w| BE_FORMS.contains(&w))
            || (before(1).is_some_and(|w| w.ends_with("ly") || matches!(w, "best" | "well" | "not"))
                && before(2).is_some_and(|w| BE_FORMS.contains(&w)));
        if passive {
            return Some("met:passive".to_string());
        }
    }
    term_key(norm)
}

/// The key of every token of a sentence in context: [`term_key`], a passive "met" kept apart,
/// and a phrasal verb's class on its verb ("pull its troops out" → withdraw) with its particle
/// carrying none.
pub fn keys_of_tokens(toks: &[Token<'_>]) -> Vec<Option<String>> {
    let (phrasal, particle) = phrasal_classes(toks);
    (0..toks.len())
        .map(|i| match (phrasal[i], particle[i]) {
            (Some(class), _) => Some(class.to_string()),
            (None, true) => None,
            (None, false) => key_in_context(toks, i),
        })
        .enumerate()
        .map(|(i, key)| match key {
            // A deal that collapses, falls through or is declared dead ended unrealised: one
            // event with a deal called off, scrapped or abandoned ("call off merger" / "merger
            // collapses").
            Some(k) if k == "collapse" && collapse_of_a_plan(toks, i) => Some("cancel".to_string()),
            // Workers' "strike" is a walkout, not a blow ("as strike begins" / "Dockers walk out").
            Some(k) if k == "attack" && labour_strike(toks, i) => Some("walkout".to_string()),
            // So did one a party withdraws or walks out of ("walks out of the dam talks" /
            // "talks collapse", "has withdrawn its bid" / "abandons bid").
            Some(k)
                if (k == "withdraw" || LEAVING_VERBS.contains(&toks[i].norm.as_str()))
                    && withdraws_from_a_plan(toks, i) =>
            {
                Some("cancel".to_string())
            }
            key => key,
        })
        .collect()
}

/// Whether token `i` is "strike" or "strikes" told of workers ([`LABOUR_WORDS`] in the
/// sentence, [`LABOUR_STRIKE_BEFORE`] or [`LABOUR_STRIKE_AFTER`] beside it), not a blow.
fn labour_strike(toks: &[Token<'_>], i: usize) -> bool {
    let word = |k: Option<usize>| k.and_then(|k| toks.get(k)).map(|t| t.norm.as_str());
    matches!(toks[i].norm.as_str(), "strike" | "strikes" | "striking")
        && (word(i.checked_sub(1)).is_some_and(|w| LABOUR_STRIKE_BEFORE.contains(&w))
            || word(Some(i + 1)).is_some_and(|w| LABOUR_STRIKE_AFTER.contains(&w))
            || toks.iter().any(|t| LABOUR_WORDS.contains(&t.norm.as_str())))
}

/// Words that make the next word a verb ("will meet president ...", "to visit minister ...").
const VERB_BEFORE: &[&str] =
    &["to", "will", "would", "can", "could", "should", "must", "might", "did", "does", "do", "shall"];

/// Whether token `i` can be the modifier of a role noun after it ("trade" in "trade minister"):
/// not a verb, as far as a word list tells (an event word such as "meet", an "-ed"/"-ing"
/// form, or a word after "will"/"to").
fn could_modify(toks: &[Token<'_>], i: usize) -> bool {
    let norm = toks[i].norm.as_str();
    let after_verb_marker = i > 0 && VERB_BEFORE.contains(&toks[i - 1].norm.as_str());
    let event = synonym_classes().get(lemma(norm)).is_some_and(|c| !NOT_EVENTS.contains(c));
    !after_verb_marker && !event && !norm.ends_with("ed") && !norm.ends_with("ing")
}

/// The terms of a sentence already cut into tokens, in order (duplicates kept), each with the
/// index of its token.
pub fn terms_of_tokens(toks: &[Token<'_>]) -> Vec<(Term, usize)> {
    let keys = keys_of_tokens(toks);
    let is_role = |i: usize| keys.get(i).and_then(|k| k.as_deref()).is_some_and(is_role_word);
    let mut out = Vec::new();
    for (i, token) in toks.iter().enumerate() {
        let Some(key) = keys[i].clone() else { continue };
        let first = token.text.chars().next().unwrap_or(' ');
        // Number words are figures as digits are: the entities layer reads them ("Twenty-one
        // people" opening a sentence is no name).
        let figure = first.is_ascii_digit() || crate::text::number_word(&token.norm).is_some();
        let name = i > 0 && first.is_uppercase();
        let calendar = crate::text::is_calendar_word(&token.norm);
        // A role and up to two lower-case words before it: "trade minister", "central bank
        // governor".
        // Only words written next to each other: "Kessel zone, minister says" has no "zone
        // minister".
        let adjacent = |d: usize| toks.get(i + d).is_some_and(|t| t.start <= toks[i + d - 1].end + 1);
        let modifies = |k: usize| {
            (1..=k).all(|d| {
                adjacent(d) && toks.get(i + d).is_some_and(|t| !t.text.starts_with(char::is_uppercase))
            }) && is_role(i + k)
        };
        let role = is_role(i)
            || (!figure && could_modify(toks, i) && ((adjacent(1) && is_role(i + 1)) || modifies(2)));
        out.push((Term { key, name, figure, calendar, role }, i));
    }
    out
}
