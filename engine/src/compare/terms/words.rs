//! One word's key: stop words, past forms, irregular verbs, the light stem and the derivational
//! endings that let a nominalisation meet its verb ("resignation" / "resigned").

use super::*;

/// English function words and reporting verbs that carry no meaning for matching.
pub(super) const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "either",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yet",
    "according",
    "told",
    "noted",
    "added",
    "however",
    "meanwhile",
    "since",
    "still",
    "even",
    "well",
    "many",
    "several",
    "within",
    "without",
    "among",
    "amid",
    "toward",
    "towards",
    "via",
    "per",
    "s",
    "t",
    "al",
    "el",
    "mr",
    "mrs",
    "ms",
    "dr",
    "new",
    "one",
    "its",
    "it's",
    "also",
    "another",
    // Prefixes written as separate words ("pro-Iranian", "anti-US"): the stance is in the name
    // that follows, the prefix itself names no fact.
    "pro",
    "anti",
    "non",
    // "for the first time", "at a time when": a time word that dates nothing.
    "time",
    "times",
];

/// True for a function word or reporting verb.
pub fn is_stop_word(norm: &str) -> bool {
    STOP_WORDS.contains(&norm)
}

/// Irregular English verb forms and their base form, so "took" meets "take" and "began" meets
/// "begin" (regular endings are the stem's job). General English, not a corpus list.
pub(super) const IRREGULAR: &[(&str, &str)] = &[
    ("began", "begin"),
    ("begun", "begin"),
    ("became", "become"),
    ("brought", "bring"),
    ("broke", "break"),
    ("broken", "break"),
    ("built", "build"),
    ("bought", "buy"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("came", "come"),
    ("dealt", "deal"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("fought", "fight"),
    ("found", "find"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("gave", "give"),
    ("given", "give"),
    ("went", "go"),
    ("gone", "go"),
    ("held", "hold"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("laid", "lay"),
    ("led", "lead"),
    ("lent", "lend"),
    ("made", "make"),
    ("meant", "mean"),
    ("paid", "pay"),
    ("ran", "run"),
    ("rode", "ride"),
    ("saw", "see"),
    ("seen", "see"),
    ("sought", "seek"),
    ("sold", "sell"),
    ("sent", "send"),
    ("shot", "shoot"),
    ("sank", "sink"),
    ("sat", "sit"),
    ("sunk", "sink"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("spent", "spend"),
    ("stood", "stand"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("struck", "strike"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("taught", "teach"),
    ("took", "take"),
    ("taken", "take"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("understood", "understand"),
    ("woke", "wake"),
    ("wrote", "write"),
    ("written", "write"),
];

/// Past forms that are not in [`IRREGULAR`] (same as a base form elsewhere, or kept out of it).
pub(super) const OTHER_PAST: &[&str] =
    &["met", "left", "won", "lost", "fell", "rose", "told", "got", "hit", "sat", "sank"];
/// Words ending in "-ed" that are no past form.
pub(super) const NOT_PAST: &[&str] =
    &["need", "speed", "feed", "seed", "breed", "hundred", "bed", "red", "shed", "indeed"];

/// Whether a folded word is an English past form ("met", "brought", "resigned"): an event told
/// as done, not to come.
pub fn is_past_form(norm: &str) -> bool {
    let regular = norm.len() > 4 && norm.ends_with("ed") && !NOT_PAST.iter().any(|w| norm.ends_with(w));
    regular
        || OTHER_PAST.contains(&norm)
        || IRREGULAR.iter().any(|(form, base)| form == &norm && form != base)
}

/// A light English stem: plural and common verb endings off ("attacks" → "attack",
/// "militias" → "militia", "confirmed" → "confirm", "denied" → "deny", "planned" → "plan"), and
/// a final silent "e" so the base form meets its inflections ("increase", "increased" and
/// "increasing" → "increas"). Short words are left alone.
pub fn stem(norm: &str) -> String {
    let n = norm.chars().count();
    if n <= 3 || norm.chars().any(|c| c.is_ascii_digit()) {
        return norm.to_string();
    }
    // "faced", "taking", "voted": a three-letter rest ending consonant, vowel, consonant is a
    // base form that lost its final "e" ("face", "take", "vote"), so the inflection meets the
    // base form and its other inflections ("faces").
    for suffix in ["ing", "ed"] {
        if let Some(rest) = norm.strip_suffix(suffix) {
            if is_cvc(rest) {
                return format!("{rest}e");
            }
        }
    }
    for (suffix, replacement, min_rest) in [
        ("ies", "y", 3),
        ("ied", "y", 3),
        ("sses", "ss", 2),
        ("ches", "ch", 2),
        ("shes", "sh", 2),
        ("ing", "", 4),
        ("ed", "", 4),
    ] {
        if let Some(rest) = norm.strip_suffix(suffix) {
            if rest.chars().count() >= min_rest {
                return final_e(&undouble(&format!("{rest}{replacement}")));
            }
        }
    }
    if norm.ends_with('s') && !norm.ends_with("ss") && !norm.ends_with("us") && !norm.ends_with("is") {
        return final_e(&norm[..norm.len() - 1]);
    }
    final_e(norm)
}

/// Three ASCII letters: consonant, vowel, consonant (not "w", "x" or "y", which English does not
/// follow with a silent "e" in such words).
pub(super) fn is_cvc(rest: &str) -> bool {
    let b = rest.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    b.len() == 3
        && b.iter().all(u8::is_ascii_lowercase)
        && !vowel(b[0])
        && vowel(b[1])
        && !vowel(b[2])
        && !b"wxy".contains(&b[2])
}

/// "planned" → "plann" → "plan": a doubled final consonant left by a stripped ending (not "ll",
/// "ss", "zz", which English keeps in the base form: "killed", "passed").
pub(super) fn undouble(s: &str) -> String {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 4 && b[n - 1] == b[n - 2] && b[n - 1].is_ascii_alphabetic() && !b"aeioulsz".contains(&b[n - 1]) {
        return s[..n - 1].to_string();
    }
    s.to_string()
}

/// Drops a final "e" from words of five letters or more ("increase" → "increas"), so a base
/// form and its stripped inflections share a stem.
pub(super) fn final_e(s: &str) -> String {
    if s.len() >= 5 && s.ends_with('e') && s.is_ascii() {
        return s[..s.len() - 1].to_string();
    }
    s.to_string()
}

/// The base form of an irregular verb form ("took" → "take"), else the word itself.
pub(super) fn lemma(norm: &str) -> &str {
    IRREGULAR.iter().find(|(form, _)| *form == norm).map_or(norm, |(_, base)| base)
}

/// The meaning-bearing key of one folded word, or `None` for a stop word: synonym class if it
/// or its stem is a member (or a member's stem: "increased" and "increase"), else the
/// transliteration key of its stem.
pub fn term_key(norm: &str) -> Option<String> {
    if is_stop_word(norm) || norm.is_empty() {
        return None;
    }
    let norm = lemma(norm);
    let stemmed = stem(norm);
    let classes = synonym_classes();
    if let Some(class) = classes.get(norm).or_else(|| classes.get(stemmed.as_str())) {
        return Some((*class).to_string());
    }
    let base = derived_base(norm, &stemmed);
    if let Some(class) = classes.get(base.as_str()) {
        return Some((*class).to_string());
    }
    Some(translit_key(&base))
}

/// Derivational endings that turn a verb into a noun or back, stripped from a word's stem so a
/// nominalisation meets its verb: "investigation", "investigators" and "investigated" →
/// "investig"; "resignation" → "resign"; "election" → "elect"; "agreement" → "agre" (as
/// "agreed"); "withdrawal", "approval", "refusal" → "withdraw", "approv", "refus". Each ending
/// leaves at least four letters, and "-al" only after w, v, s or y ("several", "general" and
/// "national" keep theirs); the "-ate" verbs lose "at" only when the word itself is written with
/// the ending ("threat" is no "-ate" verb).
pub(super) fn derived_base(norm: &str, stemmed: &str) -> String {
    const MIN_BASE: usize = 4;
    let strip = |s: &str, suffix: &str| -> Option<String> {
        let rest = s.strip_suffix(suffix)?;
        (rest.chars().count() >= MIN_BASE).then(|| rest.to_string())
    };
    if ["ation", "ations"].iter().any(|e| norm.ends_with(e)) {
        if let Some(base) = strip(stemmed, "ation") {
            return base;
        }
    }
    if ["ator", "ators"].iter().any(|e| norm.ends_with(e)) {
        if let Some(base) = strip(stemmed, "ator") {
            return base;
        }
    }
    if ["ate", "ates", "ated", "ating"].iter().any(|e| norm.ends_with(e)) {
        if let Some(base) = strip(stemmed, "at") {
            return base;
        }
    }
    if ["ction", "ctions", "ption", "ptions"].iter().any(|e| norm.ends_with(e)) {
        if let Some(base) = strip(stemmed, "ion") {
            return base;
        }
    }
    if ["ment", "ments"].iter().any(|e| norm.ends_with(e)) {
        if let Some(base) = strip(stemmed, "ment") {
            return final_e(&base);
        }
    }
    if ["wal", "val", "sal", "yal", "wals", "vals", "sals", "yals"].iter().any(|e| norm.ends_with(e)) {
        if let Some(base) = strip(stemmed, "al") {
            return base;
        }
    }
    stemmed.to_string()
}
