//! Phrasal verbs and news idioms read as their event class ("pull out" → withdraw, "voted
//! through" → approve), and a deal or talks that ended unrealised read as one called off.

use super::*;

/// Per token, the event class of a phrasal verb it opens ([`PHRASAL_VERBS`]), and the tokens that are
/// its particles (which then carry no meaning of their own).
pub(super) fn phrasal_classes(toks: &[Token<'_>]) -> (Vec<Option<&'static str>>, Vec<bool>) {
    let mut classes = vec![None; toks.len()];
    let mut particle = vec![false; toks.len()];
    for (i, tok) in toks.iter().enumerate() {
        // Most words open no phrasal verb: checked before any stemming (this runs on every token).
        // Forms of "be" and "have" open phrasal verbs too ("will be back", "had power back").
        let base = match tok.norm.as_str() {
            norm if BE_FORMS.contains(&norm) => "be",
            "has" | "had" => "have",
            norm => lemma(norm),
        };
        // (The first three letters: "carried" is "carry" out.)
        if !PHRASAL_VERBS.iter().any(|p| p.0.starts_with(base.get(..3).unwrap_or(base))) {
            continue;
        }
        let verb = stem(base);
        for &(head, part, class, gap) in PHRASAL_VERBS {
            if verb != head {
                continue;
            }
            let found = (i + 1..=(i + 1 + gap).min(toks.len().saturating_sub(1)))
                .find(|&k| toks.get(k).is_some_and(|t| t.norm == part))
                .filter(|&k| !(part == "way" && toks.get(k + 1).is_some_and(|t| t.norm == "to")));
            if let Some(k) = found {
                classes[i] = Some(strike_or_not(toks, head, class, k));
                particle[k] = true;
                break;
            }
        }
    }
    for (i, class) in classes.iter_mut().enumerate() {
        if class.is_none() && runs_an_organisation(toks, i) {
            *class = Some("lead");
        } else if class.is_none() && (passes_a_measure(toks, i) || votes_a_measure_through(toks, i)) {
            *class = Some("approve");
        } else if class.is_none()
            && (fails_outright(toks, i) || declared_ended(toks, i) || ended_without_a_deal(toks, i))
        {
            *class = Some("collapse");
        } else if class.is_none() && opens_an_event(toks, i) {
            *class = Some("conduct");
        }
    }
    // A vote in a sentence that tells a measure's approval is that approval's vote ("passed by 41
    // votes to 22", "backed the tax and 22 voted against"), not an election.
    let is_vote = |norm: &str| matches!(norm, "vote" | "votes" | "voted" | "voting");
    if toks.iter().any(|t| is_vote(&t.norm))
        && (classes.contains(&Some("approve"))
            || toks.iter().any(|t| synonym_class(&t.norm) == Some("approve")))
    {
        for (i, tok) in toks.iter().enumerate() {
            if classes[i].is_none() && is_vote(&tok.norm) {
                classes[i] = Some("approve");
            }
        }
    }
    (classes, particle)
}

/// A walkout's class ([`PHRASAL_VERBS`]: "walk out", "stop work" are a strike) unless its
/// particle at `k` says what is left or halted: walking out *of* or *from* something leaves it
/// ("walked out of the talks": withdraw), work stopped *on* a named thing halts it ("stopped
/// work on the ring road project": suspend); "stopped work on Tuesday" is still a strike.
fn strike_or_not(toks: &[Token<'_>], head: &str, class: &'static str, k: usize) -> &'static str {
    let word = |d: usize| toks.get(k + d).map(|t| t.norm.as_str());
    match (head, word(1)) {
        ("walk", Some("of" | "from")) => "withdraw",
        ("stop", Some("on")) if word(2).is_some_and(|w| OBJECT_DETERMINERS.contains(&w)) => "suspend",
        _ => class,
    }
}

/// Whether token `i` is the verb "fail" telling that something gave way ("port talks fail",
/// "the dam failed"), not that someone did not do something ("police failed to stop him").
pub(super) fn fails_outright(toks: &[Token<'_>], i: usize) -> bool {
    matches!(toks[i].norm.as_str(), "fail" | "fails" | "failed")
        && !toks.get(i + 1).is_some_and(|t| matches!(t.norm.as_str(), "to" | "in" | "at"))
}

/// Whether token `i` is "end" followed by "without" an agreement or a breakthrough ("talks ended
/// without agreement on Sunday", "ends without a deal"): they collapsed. Ending without anything
/// else ("the match ended without goals") says nothing of a deal.
pub(super) fn ended_without_a_deal(toks: &[Token<'_>], i: usize) -> bool {
    matches!(toks[i].norm.as_str(), "end" | "ends" | "ended")
        && toks.get(i + 1).is_some_and(|t| t.norm == "without")
        && toks
            .iter()
            .skip(i + 2)
            .take(2)
            .any(|t| t.norm == "breakthrough" || synonym_class(&t.norm) == Some("agree"))
}

/// True when the folded word names a deal, talks or a plan ([`PLAN_NOUNS`], the agreement and
/// meeting classes: "deal", "negotiations", "talks").
pub(super) fn names_a_plan(norm: &str) -> bool {
    let plan =
        |w: &str| PLAN_NOUNS.contains(&w) || w.strip_suffix('s').is_some_and(|w| PLAN_NOUNS.contains(&w));
    plan(norm) || matches!(synonym_class(norm), Some("agree" | "meet"))
}

/// Whether token `i` declares a deal, talks or a plan ended after a form of "be" ("the deal was
/// dead", "the talks are over", "the merger is off"): they collapsed. "Dead" said of anything
/// else is a death; "over" or "off" with a word right after it is a place or an amount ("the
/// project is over budget").
pub(super) fn declared_ended(toks: &[Token<'_>], i: usize) -> bool {
    let word = toks[i].norm.as_str();
    if !matches!(word, "dead" | "over" | "off") || i < 2 || !BE_FORMS.contains(&toks[i - 1].norm.as_str()) {
        return false;
    }
    // Punctuation (more than one space), a conjunction or nothing after "over" / "off" ends the
    // phrase ("the talks were over and that the strike would go on").
    let ends_there = toks.get(i + 1).is_none_or(|next| {
        next.start > toks[i].end + 1 || matches!(next.norm.as_str(), "and" | "but" | "for" | "after" | "as")
    });
    (word == "dead" || ends_there) && names_a_plan(&toks[i - 2].norm)
}

/// How many words before a collapse its deal, talks or plan may stand ("*Negotiations* between
/// dock workers and the Harlow Port Authority broke down", "A new round of *talks* between Egypt
/// and Ethiopia over the Grand Ethiopian Renaissance Dam ended without agreement").
pub(super) const PLAN_SUBJECT_WINDOW: usize = 15;

/// Whether the collapse at token `i` is a deal's, talks' or a plan's: one names it before, in the
/// same clause ("Brewery *merger* collapses", "port *talks* fail"), or right after "of" ("the
/// collapse of the *talks*"). Such a collapse is a plan that ended unrealised, as one called off,
/// scrapped or abandoned did; a bridge or a mine that collapsed fell down.
pub(super) fn collapse_of_a_plan(toks: &[Token<'_>], i: usize) -> bool {
    let clause_ends = |t: &Token<'_>| {
        crate::compare::clauses::opens_clause(&t.norm) || crate::text::SPEECH_VERBS.contains(&t.norm.as_str())
    };
    let before = toks[..i]
        .iter()
        .rev()
        .take(PLAN_SUBJECT_WINDOW)
        .take_while(|t| !clause_ends(t))
        .any(|t| names_a_plan(&t.norm));
    let after = toks.get(i + 1).is_some_and(|t| t.norm == "of")
        && toks.iter().skip(i + 2).take(3).any(|t| names_a_plan(&t.norm));
    before || after
}

/// Words that join a withdrawal to what is withdrawn from ("pulled out *of* the talks",
/// "withdraw *from* the deal", "withdrew *its* offer"); a particle of the verb may stand before.
pub(super) const WITHDRAWN_FROM: &[&str] = &["of", "from", "its", "their", "his", "her", "the"];
/// How many words after that join the deal, talks or plan may stand ("walks out of *Renaissance
/// Dam* talks").
pub(super) const WITHDRAWN_PLAN_WINDOW: usize = 3;

/// Verbs of leaving that, with a deal, talks or a plan as what is left ("left the talks", "quit
/// the deal"), end it as a withdrawal does ([`withdraws_from_a_plan`]).
pub(super) const LEAVING_VERBS: &[&str] =
    &["leave", "leaves", "left", "leaving", "quit", "quits", "exit", "exits", "exited"];

/// Whether the withdrawal at token `i` is from a deal, talks or a plan ("walks out of the talks",
/// "has withdrawn its bid"), which then ends unrealised; troops withdrawn from a country, or a
/// "withdrawal agreement" (an agreement on one), are not.
pub(super) fn withdraws_from_a_plan(toks: &[Token<'_>], i: usize) -> bool {
    let particle = toks.get(i + 1).is_some_and(|t| matches!(t.norm.as_str(), "out" | "back"));
    let join = i + 1 + usize::from(particle);
    toks.get(join).is_some_and(|t| WITHDRAWN_FROM.contains(&t.norm.as_str()))
        && toks.iter().skip(join + 1).take(WITHDRAWN_PLAN_WINDOW).any(|t| names_a_plan(&t.norm))
}

/// Words between "run" and its object ("run *the* business", "ran *its* ministry").
pub(super) const OBJECT_DETERMINERS: &[&str] =
    &["the", "a", "an", "its", "his", "her", "their", "our", "this"];

/// Whether token `i` is the verb "run" with an organisation as its object: a name written
/// capitalised ("who runs Aquaria", "ran Tarvos city hall") or an organisation noun ("would run
/// the business"), after at most one determiner.
pub(super) fn runs_an_organisation(toks: &[Token<'_>], i: usize) -> bool {
    if !matches!(toks[i].norm.as_str(), "run" | "runs" | "ran" | "running") {
        return false;
    }
    let mut k = i + 1;
    if toks.get(k).is_some_and(|t| OBJECT_DETERMINERS.contains(&t.norm.as_str())) {
        k += 1;
    }
    // A capitalised day or month is when, not what ("the story ran Tuesday").
    let calendar = |norm: &str| crate::text::WEEKDAYS.contains(&norm) || crate::text::MONTHS.contains(&norm);
    toks.get(k).is_some_and(|t| {
        (t.text.starts_with(|c: char| c.is_uppercase()) && !calendar(&t.norm))
            || ORGANISATION_NOUNS.contains(&t.norm.as_str())
    })
}

/// How many words a measure noun may stand before "passed" ("the bill finally passed") or after
/// it ("passed a new law").
pub(super) const MEASURE_WINDOW: usize = 3;

/// Whether token `i` is the verb "pass" with a bill, a law or a motion
/// ([`crate::text::word_classes::MEASURE_NOUNS`]) as what passes or what is passed ("the measure
/// passed by 41 votes to 22", "parliament passed a law"): an approval. "As the storm passes",
/// "passed its safety inspection" and "the night passed quietly" approve nothing.
pub(super) fn passes_a_measure(toks: &[Token<'_>], i: usize) -> bool {
    if !matches!(toks[i].norm.as_str(), "pass" | "passes" | "passed") {
        return false;
    }
    (i.saturating_sub(MEASURE_WINDOW)..i).any(|k| is_measure(toks, k))
        || (i + 1..toks.len().min(i + 1 + MEASURE_WINDOW)).any(|k| is_measure(toks, k))
}

/// Whether the token at `k` is a measure noun ([`MEASURE_NOUNS`]): a bill, a law, a motion, a ban...
pub(super) fn is_measure(toks: &[Token<'_>], k: usize) -> bool {
    toks.get(k).is_some_and(|t| MEASURE_NOUNS.contains(&t.norm.as_str()))
}

/// Whether token `i` tells a measure voted through in other words than "passed": a motion "was
/// carried" ("The motion was carried by 27 votes to 9"), a measure backed or voted for ("27
/// backing the measure", "councillors voted for a ban"), a measure that wins or clears its vote
/// ("Beach smoking ban wins council vote"). "Carried out", "backed the striker" and a candidate
/// who wins the vote approve nothing.
pub(super) fn votes_a_measure_through(toks: &[Token<'_>], i: usize) -> bool {
    let word = toks[i].norm.as_str();
    let before = i.saturating_sub(MEASURE_WINDOW)..i;
    let after = |from: usize| from..toks.len().min(from + MEASURE_WINDOW);
    if matches!(word, "carry" | "carries" | "carried") {
        return before.clone().any(|k| is_measure(toks, k))
            && toks.get(i + 1).is_none_or(|t| t.norm != "out");
    }
    if BACKING_VERBS.contains(&word) {
        return after(i + 1).any(|k| is_measure(toks, k));
    }
    if matches!(word, "vote" | "votes" | "voted") {
        return toks.get(i + 1).is_some_and(|t| t.norm == "for") && after(i + 2).any(|k| is_measure(toks, k));
    }
    VOTE_WON_VERBS.contains(&word)
        && before.clone().any(|k| is_measure(toks, k))
        && after(i + 1).any(|k| matches!(toks[k].norm.as_str(), "vote" | "votes" | "ballot"))
}

/// Verbs that only start what their object names ("opened an investigation", "launched a
/// criminal inquiry", "launched an attack"): the object is the event, the verb a generic doing
/// verb, so "opened an investigation" shares nothing with "the bridge opened in 1968".
pub(super) const OPENING_VERBS: &[&str] =
    &["open", "opens", "opened", "opening", "launch", "launches", "launched", "launching"];
/// How many words after an opening verb its event noun may stand ("launched *a full public*
/// inquiry").
pub(super) const OPENED_EVENT_WINDOW: usize = 4;

/// True when token `i` is one of [`OPENING_VERBS`] whose object, within a few words, is a news
/// event (an investigation, an attack, talks).
pub(super) fn opens_an_event(toks: &[Token<'_>], i: usize) -> bool {
    if !OPENING_VERBS.contains(&toks[i].norm.as_str()) {
        return false;
    }
    toks.iter()
        .skip(i + 1)
        .take(OPENED_EVENT_WINDOW)
        .take_while(|t| !matches!(t.norm.as_str(), "in" | "on" | "at" | "to" | "after" | "when" | "and"))
        .any(|t| term_key(&t.norm).is_some_and(|key| is_event_class(&key)))
}
