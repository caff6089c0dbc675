//! Clauses of a sentence: a long news sentence often carries two facts ("is visiting Washington,
//! and expected to meet Trump Thursday, with troops at the top of the agenda"), and the fact it
//! shares with a shorter sentence of another article is drowned by the rest in a whole-sentence
//! cosine. Alignment also compares clause with clause (see `align/`).

use crate::text::{Token, SPEECH_VERBS};

use super::terms::is_past_form;

/// Words that open a subordinate or coordinate clause ("attacks have increased *after* the news
/// of the meeting was confirmed", "*while* militias claim no role"). "And", "with" and "as" are
/// left out: they join names and objects far more often than clauses ("Egypt and Ethiopia",
/// "meet with Trump", "as well as").
const CLAUSE_OPENERS: &[&str] = &[
    "after", "although", "though", "because", "while", "whereas", "when", "which", "who", "but", "before",
    "until", "unless", "whether",
];

/// A clause needs this many words before a new one may open: "After the vote, ..." stays one.
/// A comma before a relative pronoun or a past participle opens one after any word: "The bridge,
/// built in 1968, carried ..." and "Grell, who has been mayor since 2016, denies ..." tell a fact
/// of their own between the commas.
const MIN_CLAUSE_WORDS: usize = 3;
/// Relative pronouns that open a clause about the noun before them.
pub(super) const RELATIVE_PRONOUNS: &[&str] = &["which", "who"];

/// Per token of a sentence, the index of the clause it sits in (0, 1, ...). A clause ends at a
/// comma, semicolon, colon, dash or bracket between two words, or before a clause-opening word,
/// once it holds [`MIN_CLAUSE_WORDS`] words. Quotation marks do not cut: a quote is its own
/// unit only when punctuation says so.
pub fn clause_of_tokens(text: &str, toks: &[Token<'_>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(toks.len());
    let (mut clause, mut words_in_clause) = (0u8, 0usize);
    for (i, tok) in toks.iter().enumerate() {
        if i > 0 && words_in_clause > 0 {
            let gap = text.get(toks[i - 1].end..tok.start).unwrap_or("");
            let punct = gap.chars().any(is_clause_mark) || gap.contains(" - ");
            let long_enough = words_in_clause >= MIN_CLAUSE_WORDS;
            let opens = (long_enough && (punct || opens_clause(&tok.norm)))
                || (gap.contains(',') && opens_relative(tok));
            if opens && clause < u8::MAX {
                clause += 1;
                words_in_clause = 0;
            }
        }
        out.push(clause);
        words_in_clause += 1;
    }
    out
}

/// True for a word that opens a subordinate or coordinate clause ([`CLAUSE_OPENERS`]).
pub(super) fn opens_clause(norm: &str) -> bool {
    CLAUSE_OPENERS.contains(&norm)
}

/// A comma, semicolon, colon, dash or bracket: between two words, it ends a clause.
pub(super) fn is_clause_mark(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')')
}

/// A word that opens a clause about the noun before its comma: a relative pronoun, or a past
/// participle that is not a speech verb ("built", "opened"; not "said").
fn opens_relative(tok: &Token<'_>) -> bool {
    let norm = tok.norm.as_str();
    RELATIVE_PRONOUNS.contains(&norm) || (is_past_form(norm) && !SPEECH_VERBS.contains(&norm))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn clauses(text: &str) -> Vec<String> {
        let toks = tokens(text);
        let ids = clause_of_tokens(text, &toks);
        let mut out: Vec<String> = Vec::new();
        for (tok, id) in toks.iter().zip(ids) {
            match out.get_mut(id as usize) {
                Some(s) => {
                    s.push(' ');
                    s.push_str(&tok.norm);
                }
                None => out.push(tok.norm.clone()),
            }
        }
        out
    }

    #[test]
    fn long_sentences_split_at_punctuation_and_clause_openers() {
        assert_eq!(
            clauses("The number of attacks has increased after the news of the meeting was confirmed."),
            ["the number of attacks has increased", "after the news of the meeting was confirmed"]
        );
        assert_eq!(
            clauses("Attacks have risen in recent weeks, with the army reporting another rocket attack."),
            ["attacks have risen in recent weeks", "with the army reporting another rocket attack"]
        );
    }

    #[test]
    fn a_relative_clause_after_a_short_subject_is_its_own_clause() {
        assert_eq!(
            clauses("The bridge, built in 1968, carried about 40,000 vehicles a day."),
            ["the bridge", "built in 1968", "carried about 40,000 vehicles a day"]
        );
        assert_eq!(
            clauses("Grell, who has been mayor since 2016, denies wrongdoing."),
            ["grell", "who has been mayor since 2016", "denies wrongdoing"]
        );
        assert_eq!(clauses("Grell, 58, said he was innocent."), ["grell 58 said he was innocent"]);
    }

    #[test]
    fn short_openings_and_joined_names_stay_whole() {
        assert_eq!(clauses("In May, Ilic spoke."), ["in may ilic spoke"]);
        assert_eq!(clauses("Egypt and Ethiopia met with Sudan."), ["egypt and ethiopia met with sudan"]);
    }
}
