//! Meaning-bearing terms of a text: folded content words with stop words dropped, a light stem,
//! a transliteration key (so Kadhimi/Kadhemi meet) and a small synonym table (missiles ~ attacks).

use crate::text::{translit_key, Token};

/// English function words and reporting verbs that carry no meaning for matching.
const STOP_WORDS: &[&str] = &[
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
];

/// True for a function word or reporting verb.
pub fn is_stop_word(norm: &str) -> bool {
    STOP_WORDS.contains(&norm)
}

/// Word classes that reports use interchangeably for the same thing.
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "attack",
        &["attack", "missile", "rocket", "bomb", "bombing", "strike", "airstrike", "projectile", "shelling"],
    ),
    ("troop", &["troop", "soldier", "force", "personnel"]),
    ("militia", &["militia", "faction", "paramilitary", "militant", "fighter", "group"]),
    ("meet", &["meet", "meeting", "met", "talk", "visit", "host", "hosted", "hosting"]),
    (
        "increase",
        &[
            "increase",
            "rise",
            "risen",
            "rose",
            "rising",
            "grow",
            "grew",
            "grown",
            "intensify",
            "intensified",
            "escalate",
            "surge",
            "climb",
            "mount",
        ],
    ),
    ("decrease", &["decrease", "fall", "fell", "fallen", "drop", "decline", "shrink", "shrank", "diminish"]),
    ("evacuate", &["evacuate", "evacuation", "evacuee", "flee", "fled"]),
    (
        "kill",
        &[
            "kill",
            "killed",
            "killing",
            "die",
            "died",
            "dead",
            "death",
            "assassination",
            "assassinate",
            "assassinated",
        ],
    ),
    ("withdraw", &["withdraw", "withdrawal", "pullout", "expel", "expulsion"]),
    ("us", &["us", "u", "american", "america", "washington", "usa"]),
    ("iraq", &["iraq", "iraqi", "baghdad"]),
    ("iran", &["iran", "iranian", "tehran"]),
    ("premier", &["premier", "pm", "prime"]),
];

/// A light English stem: plural and common verb endings off ("attacks" → "attack",
/// "militias" → "militia", "confirmed" → "confirm"). Short words and names are left alone.
pub fn stem(norm: &str) -> String {
    let n = norm.chars().count();
    if n <= 3 || norm.chars().any(|c| c.is_ascii_digit()) {
        return norm.to_string();
    }
    for (suffix, replacement, min_rest) in [
        ("ies", "y", 3),
        ("sses", "ss", 2),
        ("ches", "ch", 2),
        ("shes", "sh", 2),
        ("ing", "", 4),
        ("ed", "", 4),
    ] {
        if let Some(rest) = norm.strip_suffix(suffix) {
            if rest.chars().count() >= min_rest {
                return format!("{rest}{replacement}");
            }
        }
    }
    if norm.ends_with('s') && !norm.ends_with("ss") && !norm.ends_with("us") && !norm.ends_with("is") {
        return norm[..norm.len() - 1].to_string();
    }
    norm.to_string()
}

/// The meaning-bearing key of one folded word, or `None` for a stop word: synonym class if it
/// or its stem is a member (or a member's stem: "increased" and "increase"), else the
/// transliteration key of its stem.
pub fn term_key(norm: &str) -> Option<String> {
    if is_stop_word(norm) || norm.is_empty() {
        return None;
    }
    let stemmed = stem(norm);
    let classes = synonym_classes();
    if let Some(class) = classes.get(norm).or_else(|| classes.get(stemmed.as_str())) {
        return Some((*class).to_string());
    }
    Some(translit_key(&stemmed))
}

/// Every synonym member and its stem, mapped to its class (built once).
fn synonym_classes() -> &'static std::collections::HashMap<String, &'static str> {
    static CLASSES: std::sync::OnceLock<std::collections::HashMap<String, &'static str>> =
        std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for (class, members) in SYNONYMS {
            for member in *members {
                map.entry((*member).to_string()).or_insert(*class);
                map.entry(stem(member)).or_insert(*class);
            }
        }
        map
    })
}

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
}

/// Role nouns that say who someone is, not what happened ("the Iraqi prime minister"): they count
/// as names when aligning facts, however they are written.
const ROLE_WORDS: &[&str] = &[
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
    "governor",
    "mayor",
    "commander",
    "general",
];

/// True for the key of a role noun ("premier", "president").
pub fn is_role_word(key: &str) -> bool {
    ROLE_WORDS.contains(&key)
}

/// Nouns that name who takes part, not what happens ("troops", "factions", "officials",
/// "government"): like names, they say who a fact is about, so sharing one is no evidence of the
/// same fact.
const PARTICIPANT_WORDS: &[&str] =
    &["troop", "militia", "government", "country", "people", "state", "authority", "source", "group", "army"];

/// True for the key of a participant noun ([`PARTICIPANT_WORDS`]).
pub fn is_participant_word(key: &str) -> bool {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| PARTICIPANT_WORDS.iter().filter_map(|w| term_key(w)).collect())
        .iter()
        .any(|k| k == key)
}

/// The terms of a sentence already cut into tokens, in order (duplicates kept), each with the
/// index of its token.
pub fn terms_of_tokens(toks: &[Token<'_>]) -> Vec<(Term, usize)> {
    let mut out = Vec::new();
    for (i, token) in toks.iter().enumerate() {
        let Some(key) = term_key(&token.norm) else { continue };
        let first = token.text.chars().next().unwrap_or(' ');
        let figure = first.is_ascii_digit();
        let name = i > 0 && first.is_uppercase();
        let calendar = crate::text::is_calendar_word(&token.norm);
        out.push((Term { key, name, figure, calendar }, i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_share_a_key() {
        assert_eq!(term_key("kadhimi"), term_key("kadhemi"));
        assert_eq!(term_key("missiles"), term_key("attacks"));
        assert_eq!(term_key("soldiers"), term_key("troops"));
        assert_eq!(term_key("militias"), term_key("factions"));
        assert_eq!(term_key("the"), None);
        assert_eq!(stem("confirmed"), "confirm");
        assert_eq!(stem("us"), "us");
        assert_eq!(stem("5,000"), "5,000");
    }
}
