//! Clauses of a sentence: a long news sentence often carries two facts ("is visiting Washington,
//! and expected to meet Trump Thursday, with troops at the top of the agenda"), and the fact it
//! shares with a shorter sentence of another article is drowned by the rest in a whole-sentence
//! cosine. Alignment also compares clause with clause (see `align.rs`).

use crate::text::Token;

/// Words that open a subordinate or coordinate clause ("attacks have increased *after* the news
/// of the meeting was confirmed", "*while* militias claim no role"). "And", "with" and "as" are
/// left out: they join names and objects far more often than clauses ("Egypt and Ethiopia",
/// "meet with Trump", "as well as").
const CLAUSE_OPENERS: &[&str] = &[
    "after", "although", "though", "because", "while", "whereas", "when", "which", "who", "but", "before",
    "until", "unless", "whether",
];

/// A clause needs this many words before a new one may open: "After the vote, ..." stays one.
const MIN_CLAUSE_WORDS: usize = 3;

/// Per token of a sentence, the index of the clause it sits in (0, 1, ...). A clause ends at a
/// comma, semicolon, colon, dash or bracket between two words, or before a clause-opening word,
/// once it holds [`MIN_CLAUSE_WORDS`] words. Quotation marks do not cut: a quote is its own
/// unit only when punctuation says so.
pub fn clause_of_tokens(text: &str, toks: &[Token<'_>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(toks.len());
    let (mut clause, mut words_in_clause) = (0u8, 0usize);
    for (i, tok) in toks.iter().enumerate() {
        if i > 0 && words_in_clause >= MIN_CLAUSE_WORDS {
            let gap = text.get(toks[i - 1].end..tok.start).unwrap_or("");
            let punct = gap.chars().any(|c| matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')'))
                || gap.contains(" - ");
            if (punct || CLAUSE_OPENERS.contains(&tok.norm.as_str())) && clause < u8::MAX {
                clause += 1;
                words_in_clause = 0;
            }
        }
        out.push(clause);
        words_in_clause += 1;
    }
    out
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
    fn short_openings_and_joined_names_stay_whole() {
        assert_eq!(clauses("In May, Ilic spoke."), ["in may ilic spoke"]);
        assert_eq!(clauses("Egypt and Ethiopia met with Sudan."), ["egypt and ethiopia met with sudan"]);
    }
}
