//! What a sentence announces as to come: the plan markers and the verbs they introduce, and a
//! change that names the day it takes effect.

use super::*;

/// Words that mark a sentence as announcing something to come, beside the shared future and
/// intent words ([`is_plan_marker`]): "set to", what ought to come ("Storms should bring cooler
/// air": what is expected, as "will"), "is leaving for Washington to meet", "soon".
pub(super) const PLAN_MARKERS: &[&str] = &["set", "should", "leaving", "soon"];
/// True when the folded word announces something to come: a future or schedule word
/// ([`crate::text::is_future_word`]), a threat, vow or aim ([`crate::text::INTENT_WORDS`]: a
/// claim about what may come, "threatened to escalate" is not "attacks have risen"), or one of
/// [`PLAN_MARKERS`].
pub(super) fn is_plan_marker(norm: &str) -> bool {
    crate::text::is_future_word(norm)
        || crate::text::INTENT_WORDS.contains(&norm)
        || PLAN_MARKERS.contains(&norm)
}
/// True when a plan marker is a modal verb ([`crate::text::FUTURE_MODALS`], "should"): the verb
/// right after it is what is to come.
pub(super) fn is_modal_marker(norm: &str) -> bool {
    crate::text::FUTURE_MODALS.contains(&norm) || norm == "should"
}
/// Verbs of commitment that announce what follows their "to" ("agreed on Monday *to* formally
/// end the mission", "decided to withdraw"): the agreement is done, what it commits to is to
/// come. Without a "to" they report a fact ("principles were agreed upon").
pub(super) const COMMIT_MARKERS: &[&str] = &[
    "agree",
    "agreed",
    "agrees",
    "decide",
    "decided",
    "decides",
    "commit",
    "committed",
    "commits",
    "vow",
    "pledge",
];
/// Verbs that set out a deal's terms ("the agreement *provides for* a prisoner swap and a
/// withdrawal", "the plan *envisages* ..."): every event they list is to come, as with "will".
pub(super) const TERMS_MARKERS: &[&str] =
    &["provides", "provide", "envisages", "envisage", "stipulates", "stipulate"];
/// How many words after a planned verb another verb joined by "and" may stand.
pub(super) const COORDINATED_WINDOW: usize = 12;
/// Words that open a noun phrase ([`planned_keys`]).
pub(super) const DETERMINERS: &[&str] =
    &["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "some"];
/// How many words after a plan marker name what is planned.
pub(super) const PLAN_WINDOW: usize = 7;

/// Words that make an announced event a further occurrence ("is expected to host *another*
/// round", "will meet *again*"): it says nothing of the occurrence being reported.
pub(super) const FURTHER: &[&str] = &["another", "again", "next", "further", "more", "new"];
/// Prepositions that open where or when an announced event happens ([`planned_keys`]): a
/// [`FURTHER`] word after one describes the place ("moved to a new hub"), not the event.
pub(super) const WHERE_OR_WHEN_PREPOSITIONS: &[&str] = &["to", "into", "in", "at", "from", "on"];

/// Keys of the verbs a plan marker introduces ("will *meet*", "is scheduled to *meet*",
/// "planning a *visit*", a headline's "Kadhimi to *Meet* Trump", "agreed on Monday to formally
/// *end*"): the first lower-case content word after the marker (names are skipped: "is leaving
/// for the United States to *meet*"), each with whether a [`FURTHER`] word follows it closely.
pub(super) fn planned_keys(toks: &[Token<'_>], keys: &[Option<String>]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    // The words after the verb, up to a preposition: "will be moved *to a new* hub" names where
    // it goes, not a further move.
    let further = |at: usize| {
        toks.iter()
            .skip(at + 1)
            .take(3)
            .take_while(|n| !WHERE_OR_WHEN_PREPOSITIONS.contains(&n.norm.as_str()))
            .any(|n| FURTHER.contains(&n.norm.as_str()))
    };
    // Keys in context (`keys_of_tokens`): "will pull its troops out" plans a withdrawal, as
    // "will withdraw" does.
    let key_at = |at: usize| keys[at].clone().map(|k| (k, further(at)));
    for (i, tok) in toks.iter().enumerate() {
        // "Kadhimi to meet Trump", "leaves for the United States to meet": a name, then "to"
        // and a verb.
        let headline_to = tok.norm == "to" && i > 0 && toks[i - 1].text.starts_with(char::is_uppercase);
        // "sentenced Brel *to seven* years", "Corvia's inflation fell *to 3.1%*": a number after
        // "to" is where something went, never a verb to come.
        let number_follows = toks.get(i + 1).is_some_and(|n| crate::text::is_number_token(&n.norm));
        if headline_to && number_follows {
            continue;
        }
        if headline_to {
            // "on Monday to formally end": an adverb before the verb is skipped.
            let verb = (i + 1..toks.len().min(i + 3)).find(|&k| !toks[k].norm.ends_with("ly"));
            out.extend(verb.and_then(key_at));
            continue;
        }
        // "agreed on Monday to formally end": what follows the commitment's "to".
        let commit_to = if COMMIT_MARKERS.contains(&tok.norm.as_str()) {
            toks.iter().skip(i + 1).take(4).position(|n| n.norm == "to").map(|d| i + 1 + d)
        } else {
            None
        };
        // A deal's terms: each event the list names ("provides for a prisoner swap within seven
        // days and a withdrawal"); "provide" only with "for" ("provides electricity" sets no term).
        if TERMS_MARKERS.contains(&tok.norm.as_str()) {
            let from = if tok.norm.starts_with("provide") {
                match toks.get(i + 1) {
                    Some(next) if next.norm == "for" => i + 2,
                    _ => continue,
                }
            } else {
                i + 1
            };
            let end = toks.len().min(from + PLAN_WINDOW + 3);
            for (k, key) in keys.iter().enumerate().take(end).skip(from) {
                if let Some(key) = key.as_deref().filter(|key| crate::compare::terms::is_event_class(key)) {
                    out.push((key.to_string(), further(k)));
                }
            }
            continue;
        }
        // "Talks are due to resume", "the vote is expected to take place": the event named
        // before "is"/"are" is what is to come, as much as the verb after the marker.
        if commit_to.is_none() && is_plan_marker(&tok.norm) && i >= 2 {
            let be = ["is", "are", "was", "were"].contains(&toks[i - 1].norm.as_str());
            if let Some(subject) =
                keys[i - 2].as_deref().filter(|k| be && crate::compare::terms::is_event_class(k))
            {
                out.push((subject.to_string(), further(i)));
            }
        }
        // "Work is being transferred to Tarsk": under way, not yet done, as "will move" is.
        let under_way = tok.norm == "being" && i > 0 && matches!(toks[i - 1].norm.as_str(), "is" | "are");
        // "Meltra is closing its bakery", "Fenpost is also scrapping Saturday post": a decided
        // change told in the present progressive is to come, as "will close" is.
        if matches!(tok.norm.as_str(), "is" | "are") {
            let verb = (i + 1..toks.len().min(i + 3)).find(|&k| {
                !(toks[k].norm.ends_with("ly") || matches!(toks[k].norm.as_str(), "also" | "now"))
            });
            if let Some(k) =
                verb.filter(|&k| crate::text::DECIDED_CHANGE_PROGRESSIVES.contains(&toks[k].norm.as_str()))
            {
                out.extend(key_at(k));
                continue;
            }
        }
        let (from, window, skip_adverbs) = match commit_to {
            Some(to) => (to + 1, 3, true),
            None if is_plan_marker(&tok.norm) || under_way => (i + 1, PLAN_WINDOW, false),
            None => continue,
        };
        let first_verb = (from..toks.len().min(from + window))
            .filter(|&k| {
                let n = &toks[k];
                let adverb = skip_adverbs && n.norm.ends_with("ly");
                !(n.text.starts_with(char::is_uppercase) || is_plan_marker(&n.norm) || adverb)
            })
            // After a commitment, "to" takes a verb's base form ("agreed to end"), not a noun
            // ("remained committed to talks").
            .take_while(|&k| {
                let n = &toks[k].norm;
                let inflected = (n.ends_with('s') && !n.ends_with("ss")) || n.ends_with("ing");
                !skip_adverbs || !inflected
            })
            // A determiner before any verb starts a noun phrase: what follows is a thing, not
            // what is to come ("expected *the* ban to be popular", "hopes to have *the* water
            // back on"), except after "be" ("will be *the* first meeting").
            .take_while(|&k| {
                !DETERMINERS.contains(&toks[k].norm.as_str())
                    || matches!(toks[k - 1].norm.as_str(), "be" | "been")
            })
            .find(|&k| keys[k].is_some());
        let Some(first_verb) = first_verb else { continue };
        // A modal takes its verb straight away ("will meet"); any other marker plans what comes
        // after its "to" ("expected to restore", "is leaving for Washington to meet") or an event
        // it names ("the planned elections", "set for talks"). Its bare object is a thing
        // expected, not an event to come ("economists had expected inflation of 3.4 percent",
        // "relief is not expected before Sunday, when storms ...").
        let modal = is_modal_marker(&tok.norm);
        let after_to = (from..first_verb).any(|k| toks[k].norm == "to");
        let event = keys[first_verb].as_deref().is_some_and(crate::compare::terms::is_event_class);
        if commit_to.is_none() && !modal && !after_to && !event {
            continue;
        }
        out.extend(key_at(first_verb));
        // Verbs joined to it by "and" are to come too ("will pull back their forces ... *and
        // exchange* prisoners"); only events, so "will meet Biden and ministers" plans no more.
        let scope = first_verb + 1..toks.len().min(first_verb + 1 + COORDINATED_WINDOW);
        for k in scope.filter(|&k| toks[k].norm == "and" && k + 1 < toks.len()) {
            if let Some(key) = keys[k + 1].as_deref().filter(|key| crate::compare::terms::is_event_class(key))
            {
                out.push((key.to_string(), further(k + 1)));
            }
        }
    }
    out
}

/// Words that open the time from which a change takes effect ("*from* March", "*starting* in
/// March", "*effective* Monday").
pub(super) const TAKES_EFFECT_FROM: &[&str] = &["from", "starting", "effective"];

/// Whether the sentence names the day or month from which what it tells takes effect: one of
/// [`TAKES_EFFECT_FROM`] with a weekday or month name within the next two words ("from January
/// 4", "starting in March"); "from 40 to 28" names none.
pub(super) fn names_when_it_takes_effect(toks: &[Token<'_>]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        TAKES_EFFECT_FROM.contains(&t.norm.as_str())
            && toks.iter().skip(i + 1).take(2).any(|n| crate::text::is_calendar_word(&n.norm))
    })
}
