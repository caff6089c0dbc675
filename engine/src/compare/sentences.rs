//! Sentence segmentation that survives abbreviations, initials and quotes.
//!
//! Sentences never cross block boundaries and carry raw-file byte offsets, so the UI can slice
//! `block.text[(sentence.start - block.start)..(sentence.end - block.start)]`.

use serde::{Deserialize, Serialize};

use crate::model::{Article, BlockKind};
use crate::text::is_quote;

/// One sentence of an article, an exact slice of its raw file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Index of the sentence in the article's sentence list ([`sentences`]).
    pub index: usize,
    /// Index of the block it sits in, in [`Article::blocks`].
    pub block: usize,
    /// What kind of block it sits in (title, caption, paragraph, ...).
    pub kind: BlockKind,
    /// The sentence, exactly `raw[start..end]` (no surrounding whitespace).
    pub text: String,
    /// Byte offset of the first byte in the raw file.
    pub start: usize,
    /// Byte offset one past the last byte in the raw file.
    pub end: usize,
}

/// Every sentence of an article, block by block (title and captions included), in reading order.
/// Sentences without a single letter or digit (stray dashes) are left out.
pub fn sentences(article: &Article) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (block_idx, block) in article.blocks.iter().enumerate() {
        for (start, end) in split_sentences(&block.text) {
            let text = &block.text[start..end];
            if !text.chars().any(char::is_alphanumeric) {
                continue;
            }
            out.push(Sentence {
                index: out.len(),
                block: block_idx,
                kind: block.kind,
                text: text.to_string(),
                start: block.start + start,
                end: block.start + end,
            });
        }
    }
    out
}

/// Titles and forms of address that never end a sentence ("Gen. Soleimani", "Mr. Smith").
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "cpt", "maj", "adm", "cmdr", "gov",
    "sen", "rep", "prof", "rev", "hon", "pres", "amb", "mt", "ft", "jr", "sr", "messrs", "mme", "mlle", "cf",
    "vs", "v", "approx", "dept", "est", "fig", "inc", "corp", "ltd", "co", "bros",
];

/// Abbreviations that do not end a sentence when a number follows ("No. 5", "Aug. 18"), besides
/// the months' ([`crate::text::month_of_abbreviation`]).
const BEFORE_NUMBER: &[&str] = &["no", "nos", "p", "pp", "vol", "art", "ch", "sec"];

/// Words that, capitalised after a dotted abbreviation ("U.S.", "a.m."), start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "his",
    "her",
    "their",
    "its",
    "our",
    "meanwhile",
    "however",
    "for",
    "according",
    "asked",
    "despite",
    "since",
    "last",
];

/// Splits a text into sentences, returning byte ranges relative to `text`, trimmed of whitespace.
///
/// A sentence ends at `.`, `!`, `?` or `…` (closing quotes and brackets after it stay with the
/// sentence) when whitespace and then a capital letter, digit or opening quote follow. A period
/// after a title ("Gen."), a single initial ("J. Smith") or inside a dotted abbreviation ("U.S.",
/// "D.C.", "a.m.") does not end a sentence, unless a dotted abbreviation is followed by a typical
/// sentence opener ("... in the U.S. The talks ...").
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut sentence_start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        // Swallow runs of terminal punctuation ("?!", "...") and closing quotes/brackets.
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…') {
            j += 1;
        }
        while j < chars.len() && (is_closing(chars[j].1)) {
            j += 1;
        }
        // Whitespace must follow (or the end of the text).
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k == chars.len() {
            break;
        }
        if k == j || !starts_sentence(chars[k].1) {
            i = j.max(i + 1);
            continue;
        }
        if c == '.' && j == i + 1 && !period_ends_sentence(text, &chars, i, k) {
            i = j;
            continue;
        }
        let end = chars.get(j).map_or(text.len(), |p| p.0);
        push_trimmed(text, sentence_start, end, &mut out);
        sentence_start = chars[k].0;
        i = k;
    }
    push_trimmed(text, sentence_start, text.len(), &mut out);
    out
}

fn is_closing(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '”' | '’' | '»' | '›' | '"' | '\'')
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || (is_quote(c) && c != '’' && c != '”')
        || matches!(c, '(' | '[' | '¿' | '¡')
}

/// Decides whether the period at `chars[period]` ends a sentence, given that the next sentence
/// would start at `chars[next]`.
fn period_ends_sentence(text: &str, chars: &[(usize, char)], period: usize, next: usize) -> bool {
    // The word before the period: letters and inner dots ("U.S", "a.m", "Gen").
    let mut w = period;
    while w > 0 && (chars[w - 1].1.is_alphabetic() || chars[w - 1].1 == '.') {
        w -= 1;
    }
    let word = &text[chars[w].0..chars[period].0];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    let next_word: String = chars[next..]
        .iter()
        .map(|p| p.1)
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let next_is_digit = chars[next].1.is_ascii_digit();
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    if next_is_digit
        && (BEFORE_NUMBER.contains(&lower.as_str()) || crate::text::month_of_abbreviation(&lower).is_some())
    {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let dotted = word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2);
    if dotted {
        // "U.S." / "D.C." / "a.m.": only a typical sentence opener after it starts a new sentence.
        return SENTENCE_STARTERS.contains(&next_word.as_str());
    }
    if letters == 1 && word.chars().all(char::is_uppercase) {
        // A single capital initial ("J. Smith"); "Plan B. The" is rare enough to accept.
        return SENTENCE_STARTERS.contains(&next_word.as_str()) && next_word != "a" && next_word != "i";
    }
    true
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push((start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = split_sentences(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got, expected, "segmenting {text:?}");
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        check(
            "A new Iraqi prime minister is visiting Washington, D.C., and expected to meet the U.S. president. He said so.",
            &["A new Iraqi prime minister is visiting Washington, D.C., and expected to meet the U.S. president.", "He said so."],
        );
        check(
            "Gen. Qasem Soleimani met Mr. Smith and Dr. Jones at St. Paul. Then they left.",
            &["Gen. Qasem Soleimani met Mr. Smith and Dr. Jones at St. Paul.", "Then they left."],
        );
        check(
            "The talks began at 10 a.m. Officials said. J. Smith agreed.",
            &["The talks began at 10 a.m. Officials said.", "J. Smith agreed."],
        );
        check("They met at 10 a.m. The talks were long.", &["They met at 10 a.m.", "The talks were long."]);
        check(
            "He lives in the U.S. The visit ends Aug. 18 as planned.",
            &["He lives in the U.S.", "The visit ends Aug. 18 as planned."],
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        check("He said: “It is over.” Then he left.", &["He said: “It is over.”", "Then he left."]);
        check(
            "\"We won,\" he said. \"Now we rest.\" The end",
            &["\"We won,\" he said.", "\"Now we rest.\"", "The end"],
        );
        check("It rose (by 5%.) Next.", &["It rose (by 5%.)", "Next."]);
    }

    #[test]
    fn figures_and_lower_case_continuations_do_not_split() {
        check(
            "It cost 3.5 billion. It was 2017. next to it.",
            &["It cost 3.5 billion.", "It was 2017. next to it."],
        );
        check(
            "Thursday.\u{a0}Asked if he agreed, he nodded!  Yes?",
            &["Thursday.", "Asked if he agreed, he nodded!", "Yes?"],
        );
    }

    #[test]
    fn empty_and_blank_texts_have_no_sentences() {
        check("", &[]);
        check("   ", &[]);
        check("No terminal punctuation", &["No terminal punctuation"]);
    }
}
