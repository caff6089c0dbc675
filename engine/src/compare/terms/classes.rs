//! Word classes as the comparison reads them: synonym classes, role and participant nouns,
//! news event classes, opposite events, counts of people, and synonyms for search.

use super::*;

/// Every synonym member and its stem, mapped to its class (built once).
pub(super) fn synonym_classes() -> &'static std::collections::HashMap<String, &'static str> {
    static CLASSES: std::sync::OnceLock<std::collections::HashMap<String, &'static str>> =
        std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for (class, members) in WORD_CLASSES {
            for member in *members {
                map.entry((*member).to_string()).or_insert(*class);
                map.entry(stem(member)).or_insert(*class);
            }
        }
        map
    })
}

/// Role nouns that say who someone is, not what happened ("the Iraqi prime minister"): they count
/// as names when aligning facts, however they are written.
pub(super) const ROLE_WORDS: &[&str] = &[
    "premier",
    "president",
    "minister",
    "secretary",
    "official",
    "spokesperson",
    "spokesman",
    "leader",
    "chief",
    "head",
    "boss",
    "executive",
    "governor",
    "mayor",
    "commander",
    "general",
    "ambassador",
    "envoy",
    "spokeswoman",
    "director",
    "chairman",
    "chairwoman",
    "senator",
    "lawmaker",
    "analyst",
];

/// True for the key of a role noun ("premier", "president"): compared by key, since keys are
/// stemmed and transliterated ("minister" is "ministir").
pub fn is_role_word(key: &str) -> bool {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| ROLE_WORDS.iter().filter_map(|w| term_key(w)).collect()).iter().any(|k| k == key)
}

/// The synonym class a folded word or its stem belongs to ([`WORD_CLASSES`]), if any.
pub fn synonym_class(norm: &str) -> Option<&'static str> {
    let norm = lemma(norm);
    let classes = synonym_classes();
    classes.get(norm).or_else(|| classes.get(stem(norm).as_str())).copied()
}

/// Nouns that name who takes part, not what happens ("troops", "factions", "officials",
/// "government"): like names, they say who a fact is about, so sharing one is no evidence of the
/// same fact.
pub(super) const PARTICIPANT_WORDS: &[&str] =
    &["troop", "militia", "government", "country", "people", "state", "authority", "source", "group", "army"];

/// True for the key of a participant noun ([`PARTICIPANT_WORDS`]).
pub fn is_participant_word(key: &str) -> bool {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| PARTICIPANT_WORDS.iter().filter_map(|w| term_key(w)).collect())
        .iter()
        .any(|k| k == key)
}

/// Synonym classes that name who or where, not what happened: every other class is a news event
/// class (met, killed, withdrew, won...).
pub(super) const NOT_EVENTS: &[&str] = &[
    "conduct",
    "troop",
    "militia",
    "home",
    "electricity",
    "revenue",
    "profit",
    "forecast",
    "stock",
    "us",
    "iraq",
    "iran",
    "premier",
];

/// True for the key of a news event class ([`WORD_CLASSES`]): two sentences that each report events of
/// known classes and share none ("agreed on principles" / "will meet Trump") tell different facts.
pub fn is_event_class(key: &str) -> bool {
    !NOT_EVENTS.contains(&key) && WORD_CLASSES.iter().any(|(class, _)| *class == key)
}

/// The other words of the synonym class `norm` (a folded word) belongs to ("withdrawal":
/// "withdraw", "pullout", "drawdown", "expulsion"...; "troops": "soldiers", "forces"), for
/// search; none for a word of no class, or of a class of names ("US": "American", "Washington").
pub(crate) fn search_synonyms(norm: &str) -> &'static [&'static str] {
    const NAMES: &[&str] = &["us", "iraq", "iran", "premier"];
    let stemmed = stem(norm);
    if let Some((_, members)) =
        SEARCH_SYNONYMS.iter().find(|(_, members)| members.iter().any(|m| *m == norm || stem(m) == stemmed))
    {
        return members;
    }
    let classes = synonym_classes();
    let class = classes.get(norm).or_else(|| classes.get(stemmed.as_str()));
    class
        .filter(|c| !NAMES.contains(c))
        .and_then(|c| WORD_CLASSES.iter().find(|(k, _)| k == c))
        .map_or(&[], |(_, members)| *members)
}

/// Words a reader searches for interchangeably that say nothing about which fact a sentence
/// tells, so they are synonyms for search only, never for the comparison's alignment.
pub(super) const SEARCH_SYNONYMS: &[(&str, &[&str])] =
    &[("timetable", &["timetable", "timeline", "schedule", "deadline"])];

/// Event classes that say the opposite of each other: a share price that fell and one that
/// recovered, work suspended and work to resume, a vote won and one lost. Two sentences each told
/// with one side of a pair, and neither with the other, report different facts however much
/// else they share.
pub(super) const OPPOSITES: &[(&str, &str)] =
    &[("increase", "decrease"), ("suspend", "resume"), ("win", "lose")];

/// True for the key of a change of an amount, up or down (the increase and decrease classes).
pub fn is_change_of_amount(key: &str) -> bool {
    matches!(key, "increase" | "decrease")
}

/// The sides of [`OPPOSITES`] pairs a key stands for, as bits (bit `2k` the first side of pair
/// `k`, bit `2k + 1` the second); 0 for most keys.
pub fn event_sides(key: &str) -> u8 {
    let mut bits = 0;
    for (k, &(p, q)) in OPPOSITES.iter().enumerate() {
        if key == p {
            bits |= 1 << (2 * k);
        }
        if key == q {
            bits |= 1 << (2 * k + 1);
        }
    }
    bits
}

/// True when one sentence's [`event_sides`] hold one side of a pair and the other's the other
/// side, and neither holds both.
pub fn opposite_events(x: u8, y: u8) -> bool {
    (0..OPPOSITES.len()).any(|k| {
        let side = |bits: u8| ((bits >> (2 * k)) & 1 == 1, (bits >> (2 * k + 1)) & 1 == 1);
        let ((xp, xq), (yp, yq)) = (side(x), side(y));
        (xp && !xq && yq && !yp) || (xq && !xp && yp && !yq)
    })
}

/// True when a figure's counted noun (its key or stem, see `figures.rs`) counts people.
pub fn counts_people(unit: &str) -> bool {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        COUNTED_PERSON_NOUNS.iter().flat_map(|w| [stem(w)].into_iter().chain(term_key(w))).collect()
    })
    .iter()
    .any(|k| k == unit)
}
