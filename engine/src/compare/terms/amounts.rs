//! A change of an amount someone makes ("cut its offer", "will raise fares", "fares will go
//! up"), and the cuts, raises and declines that change none.

use super::*;

/// The key of "declined to" before a verb: a refusal, no fall of anything ([`changes_amount`]).
pub(super) const DECLINED_TO_ACT: &str = "declined to";

/// Verbs by which someone makes an amount smaller, with their nouns ("cut its offer", "slashes
/// milk price", "a reduction in fares"): each tells a decrease, as "fell" or "dropped" does of
/// the amount itself. "Lower" bare is also an adjective ("the lower house": [`changes_amount`]).
pub(super) const DECREASE_VERBS: &[&str] = &[
    "cut",
    "cuts",
    "cutting",
    "reduce",
    "reduces",
    "reduced",
    "reducing",
    "reduction",
    "reductions",
    "slash",
    "slashes",
    "slashed",
    "slashing",
    "trim",
    "trims",
    "trimmed",
    "trimming",
    "lower",
    "lowers",
    "lowered",
    "lowering",
];
/// Verbs by which someone makes an amount larger ("raise fares", "boosted output"): each tells an
/// increase, as "rose" or a "hike" does ("go up": [`changes_amount`]).
pub(super) const INCREASE_VERBS: &[&str] =
    &["raise", "raises", "raised", "raising", "boost", "boosts", "boosted", "boosting"];
/// Words right after "cut" that make it no decrease: a supply cut off, ties cut, a visit cut
/// short, a road cut through a hill.
pub(super) const CUT_ELSEWHERE: &[&str] =
    &["off", "ties", "short", "through", "across", "open", "free", "loose"];
/// Objects of "raise" that are no amount: concerns or questions raised, the alarm raised, money
/// raised (collected, not put up).
pub(super) const RAISED_NOT_AN_AMOUNT: &[&str] = &[
    "concern",
    "concerns",
    "question",
    "questions",
    "alarm",
    "fear",
    "fears",
    "doubt",
    "doubts",
    "issue",
    "issues",
    "hope",
    "hopes",
    "objection",
    "objections",
    "suspicion",
    "suspicions",
    "flag",
    "flags",
    "awareness",
    "eyebrows",
    "money",
    "funds",
    "cash",
    "child",
    "children",
    "family",
    "point",
    "matter",
    "prospect",
    "possibility",
    "spectre",
    "voice",
    "voices",
];
/// How many words after "raise" its object may stand ("raised *serious* concerns").
pub(super) const RAISED_OBJECT_WINDOW: usize = 3;

/// The change of amount token `i` tells when someone makes it ("Norrail will raise fares" /
/// "fares will go up", "Grannvik trims milk price" / "will lower the price it pays" / "has
/// reduced what it pays"): the increase or decrease class, as the amount's own rise or fall has.
/// A power cut, a supply cut off, concerns raised, money raised and "the lower house" tell none,
/// and "declined to" before a verb is a refusal ([`DECLINED_TO_ACT`]).
pub(super) fn changes_amount(toks: &[Token<'_>], i: usize) -> Option<&'static str> {
    let norm = toks[i].norm.as_str();
    let next = toks.get(i + 1).map(|t| t.norm.as_str());
    if matches!(norm, "go" | "goes" | "going" | "went" | "gone") && next == Some("up") {
        return Some("increase");
    }
    // Declining *to* do something is a refusal ("Halvik declined to comment"); declining *to*
    // a figure is a fall ("sales declined to 412 million").
    if matches!(norm, "decline" | "declines" | "declined" | "declining") && next == Some("to") {
        let figure = toks.get(i + 2).is_some_and(|t| crate::text::is_number_token(&t.norm));
        return (!figure).then_some(DECLINED_TO_ACT);
    }
    if DECREASE_VERBS.contains(&norm) {
        let before = i.checked_sub(1).map(|k| toks[k].norm.as_str());
        let cut_elsewhere = norm.starts_with("cut")
            && (next.is_some_and(|w| CUT_ELSEWHERE.contains(&w))
                || before.is_some_and(|w| synonym_class(w) == Some("electricity") || w == "water"));
        // "Lower" as a verb follows a modal or "to" ("will lower the price").
        let adjective = norm == "lower" && !before.is_some_and(|w| VERB_BEFORE.contains(&w));
        return (!cut_elsewhere && !adjective).then_some("decrease");
    }
    if INCREASE_VERBS.contains(&norm) {
        let not_an_amount = toks
            .iter()
            .skip(i + 1)
            .take(RAISED_OBJECT_WINDOW)
            .any(|t| RAISED_NOT_AN_AMOUNT.contains(&t.norm.as_str()));
        return (!not_an_amount).then_some("increase");
    }
    None
}
