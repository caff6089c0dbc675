//! The query language, read leniently: words, "quoted phrases", `-word` and `-"phrase"`
//! exclusions, and `outlet:`, `entity:`, `story:` filters. Nothing here can fail: whatever the
//! input, the parser returns a query plus notes on what it had to ignore or repair.

use serde::{Deserialize, Serialize};

use crate::text::{self, is_quote};

/// At most this many positive clauses (words and phrases) are searched; the rest are noted and ignored.
pub const MAX_CLAUSES: usize = 12;
/// At most this many exclusions are applied.
pub const MAX_EXCLUSIONS: usize = 8;
/// At most this many words of one phrase are matched.
pub const MAX_PHRASE_WORDS: usize = 8;
/// Words longer than this (in bytes) cannot match anything worth finding; they are kept but not expanded.
pub const MAX_WORD_LEN: usize = 64;

/// A query word: what was typed, its searchable form and where it sits in the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryWord {
    /// The word as typed ("Kadhimi’s").
    pub text: String,
    /// The searchable form: folded, possessive and digit-group commas dropped ("kadhimi").
    pub norm: String,
    /// Byte range of the word in the query string (for "did you mean" rewrites).
    pub start: usize,
    /// End of the word in the query string.
    pub end: usize,
}

/// A `"quoted phrase"`: words that must appear consecutively (a leading al-/el- may be skipped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phrase {
    /// The phrase as typed, without its quotes.
    pub text: String,
    /// The words to match in order.
    pub words: Vec<QueryWord>,
}

/// A filter that picks articles by a property rather than by text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// The value as typed, quotes removed ("asharq", "Asharq Al-Awsat").
    pub value: String,
    /// Whether the search applied it: `outlet:` always; `entity:` and `story:` when the search was
    /// given the corpus's entities and stories ([`super::SearchIndex::search_in`]).
    pub applied: bool,
}

/// A parsed query: what the search looked for, shown back to the user.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParsedQuery {
    /// Plain words, each required in AND mode.
    pub words: Vec<QueryWord>,
    /// Quoted phrases, each required in AND mode.
    pub phrases: Vec<Phrase>,
    /// Whether the last plain word is still being typed (no space after it), so it also matches
    /// as a prefix ("Hashed al-Sha" finds "Shaabi").
    pub last_word_is_prefix: bool,
    /// Words after `-`: articles holding them (or a spelling variant) are left out.
    pub excluded_words: Vec<QueryWord>,
    /// Phrases after `-`: articles holding them are left out.
    pub excluded_phrases: Vec<Phrase>,
    /// `outlet:` values; an article matches when its outlet matches any of them.
    pub outlets: Vec<Filter>,
    /// `entity:` values; an article matches when it mentions every entity they name.
    pub entities: Vec<Filter>,
    /// `story:` values; an article matches when it belongs to a story each of them names.
    pub stories: Vec<Filter>,
    /// What the parser repaired or ignored, in sentences ("The quote after “rocket” was never closed").
    pub notes: Vec<String>,
}

impl ParsedQuery {
    /// True when the query asks for nothing: no words, phrases, filters or exclusions.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
            && self.phrases.is_empty()
            && self.excluded_words.is_empty()
            && self.excluded_phrases.is_empty()
            && self.outlets.is_empty()
            && self.entities.is_empty()
            && self.stories.is_empty()
    }
}

/// The searchable form of a folded token: apostrophes and digit-group commas dropped.
pub(crate) fn term_of(norm: &str) -> String {
    let bytes = norm.as_bytes();
    let mut out = String::with_capacity(norm.len());
    for (i, c) in norm.char_indices() {
        let in_number = c == ','
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit());
        if c != '\'' && !in_number {
            out.push(c);
        }
    }
    out
}

/// The searchable form of a word as written, into a reused buffer (the index build's hot path):
/// the same as `term_of(&fold(word))`.
pub(crate) fn term_into(word: &str, out: &mut String) {
    out.clear();
    if !word.is_ascii() {
        out.push_str(&term_of(&text::fold(word)));
        return;
    }
    let bytes = word.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let in_number = b == b','
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if b != b'\'' && b != b'`' && !in_number {
            out.push(char::from(b.to_ascii_lowercase()));
        }
    }
}

/// True for "al"/"el"/" al-"-style articles that transliterated names carry or drop at will.
pub(crate) fn is_name_article(term: &str) -> bool {
    matches!(term, "al" | "el")
}

fn is_double_quote(c: char) -> bool {
    is_quote(c) && !text::is_apostrophe(c)
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '−' | '–' | '—')
}

/// Words of a piece of the query, as [`QueryWord`]s with query-relative offsets. A leading
/// "al"/"el" is dropped when other words follow ("al-Kadhimi" searches "kadhimi").
fn words_of(query: &str, from: usize, to: usize) -> Vec<QueryWord> {
    let piece = &query[from..to];
    let mut words: Vec<QueryWord> = text::tokens(piece)
        .into_iter()
        .map(|t| QueryWord {
            text: t.text.to_string(),
            norm: term_of(&t.norm),
            start: from + t.start,
            end: from + t.end,
        })
        .filter(|w| !w.norm.is_empty())
        .collect();
    if words.len() > 1 {
        words.retain(|w| !is_name_article(&w.norm));
    }
    words
}

enum Item {
    Words { negated: bool, words: Vec<QueryWord>, open_end: bool },
    Phrase { negated: bool, phrase: Phrase },
    Filter { key: &'static str, value: String },
}

/// Parses a query string. Never fails: unbalanced quotes close at the end, stray operators are
/// ignored, a filter without a value is dropped, and each repair is noted.
pub fn parse(query: &str) -> ParsedQuery {
    let mut parsed = ParsedQuery::default();
    let mut items = Vec::new();
    let mut i = 0;
    let len = query.len();
    let next_char = |at: usize| query.get(at..).and_then(|r| r.chars().next());
    while i < len {
        let Some(c) = next_char(i) else { break };
        if c.is_whitespace() || c.is_control() {
            i += c.len_utf8();
            continue;
        }
        let mut negated = false;
        let mut at = i;
        if is_minus(c) {
            match next_char(at + c.len_utf8()) {
                Some(n) if !n.is_whitespace() => {
                    negated = true;
                    at += c.len_utf8();
                }
                _ => {
                    parsed.notes.push(format!("A lone “{c}” was ignored."));
                    i += c.len_utf8();
                    continue;
                }
            }
        }
        let Some(first) = next_char(at) else { break };
        if is_double_quote(first) {
            let (text_start, text_end, after) = read_quoted(query, at, &mut parsed.notes);
            let words = words_of(query, text_start, text_end);
            if !words.is_empty() {
                let phrase = Phrase { text: query[text_start..text_end].trim().to_string(), words };
                items.push(Item::Phrase { negated, phrase });
            }
            i = after;
            continue;
        }
        // A bare item runs to the next whitespace; a filter value may be quoted.
        let mut end = at;
        while let Some(ch) = next_char(end) {
            if ch.is_whitespace() || ch.is_control() {
                break;
            }
            if ch == ':' {
                break;
            }
            end += ch.len_utf8();
        }
        let key = query[at..end].to_lowercase();
        let filter_key = match key.as_str() {
            "outlet" | "source" | "site" => Some("outlet"),
            "entity" => Some("entity"),
            "story" => Some("story"),
            _ => None,
        };
        if let (Some(fk), Some(':')) = (filter_key, next_char(end)) {
            let value_at = end + 1;
            let (value, after) = match next_char(value_at) {
                Some(q) if is_double_quote(q) => {
                    let (s, e, after) = read_quoted(query, value_at, &mut parsed.notes);
                    (query[s..e].trim().to_string(), after)
                }
                _ => {
                    let mut e = value_at;
                    while let Some(ch) = next_char(e) {
                        if ch.is_whitespace() || ch.is_control() {
                            break;
                        }
                        e += ch.len_utf8();
                    }
                    (query[value_at..e].to_string(), e)
                }
            };
            if value.is_empty() {
                parsed.notes.push(format!("“{fk}:” had no value and was ignored."));
            } else if negated {
                parsed
                    .notes
                    .push(format!("Excluding by {fk} is not supported; “-{fk}:{value}” was ignored."));
            } else {
                items.push(Item::Filter { key: fk, value });
            }
            i = after;
            continue;
        }
        // Not a filter: the item runs on to the next whitespace, colons included.
        while let Some(ch) = next_char(end) {
            if ch.is_whitespace() || ch.is_control() {
                break;
            }
            end += ch.len_utf8();
        }
        let words = words_of(query, at, end);
        if words.is_empty() {
            if query[at..end].chars().any(|c| !c.is_alphanumeric()) && end > at {
                parsed.notes.push(format!("“{}” has no letters or digits and was ignored.", &query[i..end]));
            }
        } else {
            items.push(Item::Words { negated, words, open_end: end == len });
        }
        i = end;
    }

    let mut dropped = 0;
    let n_items = items.len();
    for (n, item) in items.into_iter().enumerate() {
        match item {
            Item::Words { negated: false, words, open_end } => {
                for w in words {
                    if parsed.words.len() + parsed.phrases.len() < MAX_CLAUSES {
                        parsed.words.push(w);
                    } else {
                        dropped += 1;
                    }
                }
                parsed.last_word_is_prefix = open_end && n + 1 == n_items && !parsed.words.is_empty();
            }
            Item::Words { negated: true, words, .. } => {
                if parsed.excluded_words.len() + parsed.excluded_phrases.len() >= MAX_EXCLUSIONS {
                    dropped += 1;
                } else if words.len() == 1 {
                    parsed.excluded_words.extend(words);
                } else {
                    let text = words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
                    parsed
                        .excluded_phrases
                        .push(Phrase { text, words: cap_phrase(words, &mut parsed.notes) });
                }
            }
            Item::Phrase { negated: false, phrase } => {
                if parsed.words.len() + parsed.phrases.len() < MAX_CLAUSES {
                    let words = cap_phrase(phrase.words, &mut parsed.notes);
                    parsed.phrases.push(Phrase { text: phrase.text, words });
                } else {
                    dropped += 1;
                }
            }
            Item::Phrase { negated: true, phrase } => {
                if parsed.excluded_words.len() + parsed.excluded_phrases.len() >= MAX_EXCLUSIONS {
                    dropped += 1;
                } else {
                    let words = cap_phrase(phrase.words, &mut parsed.notes);
                    parsed.excluded_phrases.push(Phrase { text: phrase.text, words });
                }
            }
            Item::Filter { key, value } => {
                let list = match key {
                    "outlet" => &mut parsed.outlets,
                    "entity" => &mut parsed.entities,
                    _ => &mut parsed.stories,
                };
                // The search marks `entity:` and `story:` applied when it has the data to apply them.
                list.push(Filter { value, applied: key == "outlet" });
            }
        }
    }
    if dropped > 0 {
        parsed.notes.push(format!(
            "The query is long: only its first {MAX_CLAUSES} words and phrases and {MAX_EXCLUSIONS} exclusions were used ({dropped} ignored)."
        ));
    }
    parsed
}

fn cap_phrase(mut words: Vec<QueryWord>, notes: &mut Vec<String>) -> Vec<QueryWord> {
    if words.len() > MAX_PHRASE_WORDS {
        notes.push(format!("Only the first {MAX_PHRASE_WORDS} words of a long phrase were matched."));
        words.truncate(MAX_PHRASE_WORDS);
    }
    words
}

/// Reads a quoted stretch starting at the opening quote at `at`: returns the text range inside
/// the quotes and the offset after the closing quote (the end of the query if it never closes).
fn read_quoted(query: &str, at: usize, notes: &mut Vec<String>) -> (usize, usize, usize) {
    let open_len = query[at..].chars().next().map_or(1, char::len_utf8);
    let inner = at + open_len;
    match query[inner..].char_indices().find(|(_, c)| is_double_quote(*c)) {
        Some((k, c)) => (inner, inner + k, inner + k + c.len_utf8()),
        None => {
            let shown: String = query[inner..].chars().take(24).collect();
            notes.push(format!(
                "The quote before “{shown}” was never closed; it runs to the end of the query."
            ));
            (inner, query.len(), query.len())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(words: &[QueryWord]) -> Vec<&str> {
        words.iter().map(|w| w.norm.as_str()).collect()
    }

    #[test]
    fn words_phrases_exclusions_and_filters_are_told_apart() {
        let q = parse(
            r#"Kadhimi’s “rocket attacks” -Biden -"White House" outlet:"Asharq Al-Awsat" entity:Sudani story:x"#,
        );
        assert_eq!(norms(&q.words), ["kadhimi"]);
        assert_eq!(q.phrases[0].text, "rocket attacks");
        assert_eq!(norms(&q.phrases[0].words), ["rocket", "attacks"]);
        assert_eq!(norms(&q.excluded_words), ["biden"]);
        assert_eq!(norms(&q.excluded_phrases[0].words), ["white", "house"]);
        assert_eq!(q.outlets, [Filter { value: "Asharq Al-Awsat".into(), applied: true }]);
        assert_eq!(q.entities, [Filter { value: "Sudani".into(), applied: false }]);
        assert_eq!(q.stories.len(), 1);
        assert!(!q.last_word_is_prefix);
    }

    #[test]
    fn a_hyphenated_name_article_is_dropped_and_the_last_word_is_a_prefix() {
        let q = parse("Hashed al-Sha");
        assert_eq!(norms(&q.words), ["hashed", "sha"]);
        assert!(q.last_word_is_prefix);
        assert!(!parse("Hashed al-Sha ").last_word_is_prefix);
        assert_eq!(norms(&parse("US-led 5,000").words), ["us", "led", "5000"]);
    }

    #[test]
    fn malformed_queries_read_leniently_with_notes() {
        let q = parse(r#""rocket attacks"#);
        assert_eq!(norms(&q.phrases[0].words), ["rocket", "attacks"]);
        assert_eq!(q.notes.len(), 1);
        let q = parse("outlet: - -- !!! Iraq");
        assert_eq!(norms(&q.words), ["iraq"]);
        assert!(q.outlets.is_empty());
        assert!(q.notes.len() >= 2, "{:?}", q.notes);
        let q = parse("time: 10:30");
        assert_eq!(norms(&q.words), ["time", "10", "30"]);
        assert!(parse("").is_empty());
        assert!(parse("  \u{7} 🙂 …").words.is_empty());
    }

    #[test]
    fn long_queries_are_capped() {
        let q = parse(&"word ".repeat(2000));
        assert_eq!(q.words.len(), MAX_CLAUSES);
        assert!(q.notes.iter().any(|n| n.contains("long")));
    }
}
