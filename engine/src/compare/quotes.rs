//! Quotes and who said them, so two outlets quoting one speaker can be compared word for word.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::model::Article;
use crate::text::{fold, tokens, translit_key, SPEECH_VERBS};

use super::diff::{diff, DiffKind, DiffOp};
use super::terms::term_key;

/// A quoted span and its speaker, where the text says who.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The article id.
    pub article: String,
    /// The speaker as written nearest the quote ("Kadhimi", "the official"), if found; "he"
    /// and "she" are resolved to the last named speaker of the article.
    pub speaker: Option<String>,
    /// The quoted words, without the quotation marks: exactly `raw[start..end]`.
    pub text: String,
    /// Raw-file offset of the first quoted byte.
    pub start: usize,
    /// Raw-file offset one past the last quoted byte.
    pub end: usize,
}

/// The same speaker quoted by two articles with overlapping words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuotePair {
    /// The speaker as A names them.
    pub speaker: String,
    /// The quote in article A.
    pub a: Quote,
    /// The quote in article B.
    pub b: Quote,
    /// Share of content words the two quotes have in common, 0–1.
    pub overlap: f32,
    /// Word diff from A's quote to B's.
    pub diff: Vec<DiffOp>,
    /// True when the wording differs beyond case, quotes and spacing.
    pub wording_differs: bool,
}

const PRONOUNS: &[&str] = &["he", "she"];

/// Every quote in an article with its speaker.
pub fn quotes(article: &Article) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut last_named: Option<String> = None;
    for block in &article.blocks {
        for span in quote_spans(&block.text) {
            let (open, close) = (span.inner_start, span.inner_end);
            let inner = &block.text[open..close];
            if inner.trim().is_empty() {
                continue;
            }
            let before = &block.text[..span.mark_start];
            let after = &block.text[span.mark_end..];
            let mut speaker = speaker_after(after).or_else(|| speaker_before(before));
            if let Some(s) = &speaker {
                if PRONOUNS.contains(&s.to_lowercase().as_str()) {
                    speaker = last_named.clone();
                } else if is_name_word(s) {
                    last_named = Some(s.clone());
                }
            }
            out.push(Quote {
                article: article.id.clone(),
                speaker,
                text: inner.to_string(),
                start: block.start + open,
                end: block.start + close,
            });
        }
    }
    out
}

/// A quoted span: where its marks are and where the quoted words are, relative to the block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Span {
    mark_start: usize,
    inner_start: usize,
    inner_end: usize,
    mark_end: usize,
}

/// Quoted spans: “…” and «…» pairs, and straight "…" pairs.
fn quote_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open_curly: Option<(usize, usize)> = None;
    let mut open_straight: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        let next = i + c.len_utf8();
        match c {
            '“' | '«' => open_curly = Some((i, next)),
            '”' | '»' => {
                if let Some((mark_start, inner_start)) = open_curly.take() {
                    out.push(Span { mark_start, inner_start, inner_end: i, mark_end: next });
                }
            }
            '"' => match open_straight.take() {
                Some((mark_start, inner_start)) => {
                    out.push(Span { mark_start, inner_start, inner_end: i, mark_end: next })
                }
                None => open_straight = Some((i, next)),
            },
            _ => {}
        }
    }
    out.sort_unstable();
    out
}

/// Words of office that precede a name ("US Secretary of State Mike Pompeo").
const TITLE_WORDS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "state",
    "prime",
    "foreign",
    "general",
    "gen",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chief",
    "commander",
    "adviser",
    "advisor",
    "dr",
    "mr",
    "mrs",
    "ms",
    "sheikh",
    "king",
    "prince",
    "us",
    "u.s",
    "iraqi",
    "iranian",
    "french",
    "american",
    "senator",
    "ambassador",
];

/// A capitalised word, or a name with a lower-case particle ("al-Kadhemi", "el-Sisi").
fn is_name_word(word: &str) -> bool {
    if word.starts_with(char::is_uppercase) {
        return true;
    }
    ["al-", "el-", "bin-", "abu-"]
        .iter()
        .any(|p| word.strip_prefix(p).is_some_and(|rest| rest.starts_with(char::is_uppercase)))
}

fn clean(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_string()
}

fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&clean(word).to_lowercase().as_str())
}

/// `,” Kadhimi said` / `,” the official said` / `,” said Pompeo` / `,” he stressed`.
fn speaker_after(after: &str) -> Option<String> {
    let words: Vec<&str> = after.split_whitespace().take(7).collect();
    let verb_at = words.iter().take(5).position(|w| is_speech_verb(w))?;
    if verb_at == 0 {
        // "said Pompeo", "said the official"
        let name: Vec<String> = words[1..].iter().map(|w| clean(w)).take(3).collect();
        let run: Vec<String> = name.iter().take_while(|w| is_name_word(w)).cloned().collect();
        if !run.is_empty() {
            return subject(&run);
        }
        return subject(&name[..name.len().min(2)]);
    }
    let first = clean(words[0]);
    let opens_subject = is_name_word(&first) || is_subject_start(&first);
    if !opens_subject || words[..verb_at].iter().any(|w| w.ends_with([',', '.', ';', ':'])) {
        return None;
    }
    let name: Vec<String> = words[..verb_at].iter().map(|w| clean(w)).collect();
    subject(&name)
}

fn is_subject_start(word: &str) -> bool {
    let w = word.to_lowercase();
    PRONOUNS.contains(&w.as_str()) || matches!(w.as_str(), "the" | "a" | "an")
}

/// `Pompeo said Wednesday that “` / `an official said: “`.
fn speaker_before(before: &str) -> Option<String> {
    let words: Vec<&str> = before.split_whitespace().rev().take(10).collect();
    // The speech verb must be within four words of the quote.
    let verb_at = words.iter().take(4).position(|w| is_speech_verb(w))?;
    let mut name: Vec<String> = Vec::new();
    for w in &words[verb_at + 1..] {
        let c = clean(w);
        let is_pronoun = PRONOUNS.contains(&c.to_lowercase().as_str());
        if (is_name_word(&c) && !w.ends_with(',')) || is_pronoun {
            name.push(c);
            if is_pronoun {
                break;
            }
        } else {
            if name.is_empty() && (c == "official" || c == "source") {
                name.push(c);
                continue;
            }
            if !name.is_empty() && c.eq_ignore_ascii_case("the") && !name[0].starts_with(char::is_uppercase) {
                name.push(c);
            }
            break;
        }
    }
    name.reverse();
    subject(&name)
}

/// A speaker from the words before the speech verb: a capitalised name (titles of office
/// dropped), "he"/"she", or "the X".
fn subject(words: &[String]) -> Option<String> {
    let words: Vec<&String> = words.iter().filter(|w| !w.is_empty()).collect();
    let last = words.last()?;
    if PRONOUNS.contains(&last.to_lowercase().as_str()) {
        return Some(last.to_lowercase());
    }
    if is_name_word(last) {
        // The trailing run of capitalised words after any title: "Mike Pompeo", "Kadhimi".
        let mut run: Vec<&str> = words
            .iter()
            .rev()
            .take_while(|w| is_name_word(w) && !TITLE_WORDS.contains(&w.to_lowercase().as_str()))
            .map(|w| w.as_str())
            .collect();
        run.reverse();
        if run.is_empty() {
            return Some(last.to_string());
        }
        return Some(run.join(" "));
    }
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        let joined: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
        return Some(joined.join(" "));
    }
    None
}

/// The key two outlets' spellings of one speaker share: transliteration key of the surname.
fn speaker_key(speaker: &str) -> String {
    let folded = fold(speaker);
    let last = folded.rsplit([' ', '-']).find(|w| !w.is_empty()).unwrap_or("");
    translit_key(last)
}

fn content_terms(text: &str) -> HashSet<String> {
    tokens(text).into_iter().filter_map(|t| term_key(&t.norm)).collect()
}

/// Pairs quotes of the same speaker across articles that share at least two content words and
/// half of the shorter quote's content words.
pub fn pair_quotes(articles: &[&Article]) -> Vec<QuotePair> {
    // Per article: distinct quotes (a quote repeated word for word by the same speaker counts
    // once), grouped by speaker key, each with its content terms.
    type Keyed = (Quote, HashSet<String>);
    let all: Vec<HashMap<String, Vec<Keyed>>> = articles
        .iter()
        .map(|a| {
            let mut seen: HashSet<(String, Vec<String>)> = HashSet::new();
            let mut by_speaker: HashMap<String, Vec<Keyed>> = HashMap::new();
            for q in quotes(a) {
                let Some(key) = q.speaker.as_deref().map(speaker_key).filter(|k| !k.is_empty()) else {
                    continue;
                };
                if !seen.insert((key.clone(), fold_words(&q.text))) {
                    continue;
                }
                let terms = content_terms(&q.text);
                by_speaker.entry(key).or_default().push((q, terms));
            }
            by_speaker
        })
        .collect();
    let mut out = Vec::new();
    for a in 0..articles.len() {
        for b in a + 1..articles.len() {
            let mut keys: Vec<&String> = all[a].keys().collect();
            keys.sort();
            let mut found = Vec::new();
            for key in keys {
                let Some(theirs) = all[b].get(key) else { continue };
                for (qa, ta) in &all[a][key] {
                    for (qb, tb) in theirs {
                        if out.len() + found.len() >= MAX_QUOTE_PAIRS {
                            break;
                        }
                        let shared = ta.intersection(tb).count();
                        let smaller = ta.len().min(tb.len()).max(1);
                        let overlap = shared as f32 / smaller as f32;
                        if shared < 2 || overlap < 0.5 {
                            continue;
                        }
                        let ops = diff(&qa.text, qa.start, &qb.text, qb.start);
                        let wording_differs = fold_words(&qa.text) != fold_words(&qb.text)
                            && ops.iter().any(|op| op.kind != DiffKind::Equal);
                        found.push(QuotePair {
                            speaker: qa.speaker.clone().unwrap_or_default(),
                            a: qa.clone(),
                            b: qb.clone(),
                            overlap,
                            diff: ops,
                            wording_differs,
                        });
                    }
                }
            }
            // Reading order of A, as before grouping by speaker.
            found.sort_by_key(|p| (p.a.start, p.b.start));
            out.extend(found);
        }
    }
    out
}

/// At most this many quote pairs per comparison (one speaker quoted a thousand times in both
/// articles would otherwise give a million pairs).
pub const MAX_QUOTE_PAIRS: usize = 2_000;

fn fold_words(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.norm).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_are_found_on_either_side() {
        assert_eq!(speaker_after(" Kadhimi said in an interview."), Some("Kadhimi".into()));
        assert_eq!(speaker_after(" the official said."), Some("the official".into()));
        assert_eq!(speaker_after(" said Mike Pompeo."), Some("Mike Pompeo".into()));
        assert_eq!(speaker_after(" he stressed."), Some("he".into()));
        assert_eq!(speaker_after(" calling for them to"), None);
        assert_eq!(
            speaker_before("US Secretary of State Mike Pompeo said Wednesday that"),
            Some("Mike Pompeo".into())
        );
        assert_eq!(speaker_before("Asked about it, Kadhimi said,"), Some("Kadhimi".into()));
    }
}
