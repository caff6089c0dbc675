//! An author's biography: a short paragraph that names its author and their trade in its first words
//! ("Kim Fusaro is a weddings and lifestyle writer …"), and the trade line under a name ("Redakteurin").

use crate::clean::lines::{ends_like_sentence, is_name_line, words_up_to};

/// Words of a biography paragraph (with a first-person pronoun or the author's name).
const BIO_ROLES: &[&str] = &[
    "reporter",
    "journalist",
    "editor",
    "writer",
    "correspondent",
    "columnist",
    "broadcaster",
    "contributor",
    "author",
    "freelance",
    "analyst",
    "producer",
    "blogger",
    "critic",
    "photographer",
    "developer",
    "founder",
];
/// A biography paragraph has at most this many words.
const BIO_MAX_WORDS: usize = 80;
/// The role word of a biography comes within this many words of the name.
const BIO_ROLE_REACH: usize = 12;
/// A biography paragraph for the author named on the line before it: first person ("My history
/// goes back ... I worked as a reporter") or the name itself, plus a journalism role word.
pub(crate) fn is_author_bio(name_line: &str, paragraph: &str) -> bool {
    if !is_name_line(name_line) || words_up_to(paragraph, 120) > 120 {
        return false;
    }
    let lower = paragraph.to_lowercase();
    let has_role = BIO_ROLES.iter().any(|r| lower.contains(r));
    let first_person = paragraph.starts_with("My ")
        || paragraph.starts_with("I ")
        || paragraph.split(|c: char| !c.is_alphanumeric()).any(|w| w == "I");
    let names_author = name_line.split_whitespace().any(|w| w.len() > 2 && paragraph.starts_with(w))
        || paragraph.starts_with("He ")
        || paragraph.starts_with("She ");
    has_role && (first_person || names_author)
}

/// The person a biography paragraph is about: it opens with a name (two to four capitalised
/// words) and says what the person does ("Laura Jedeed is a freelance journalist based in New York
/// City.", "Jeremy Stahl is a Slate senior editor."). The name, or `None`.
pub(crate) fn bio_subject(paragraph: &str) -> Option<&str> {
    if words_up_to(paragraph, BIO_MAX_WORDS + 1) > BIO_MAX_WORDS {
        return None;
    }
    let verb_at = [" is ", " was ", " has been ", " covers ", " writes "]
        .iter()
        .filter_map(|v| paragraph.find(v))
        .min()?;
    let name = &paragraph[..verb_at];
    if !is_name_line(name) {
        return None;
    }
    let lower = paragraph[verb_at..].to_lowercase();
    let head: String = lower.split_whitespace().take(BIO_ROLE_REACH).collect::<Vec<_>>().join(" ");
    BIO_ROLES.iter().any(|r| head.contains(r)).then_some(name)
}

/// Trades of a biography in the other languages the cleaner reads (lower case; "journalist" and
/// "reporter" in [`BIO_ROLES`] cover "Journalistin", "journaliste", "Reporterin").
const BIO_ROLES_ELSEWHERE: &[&str] =
    &["korrespondent", "redakteur", "autor", "rédact", "chroniqueu", "correspons", "periodista", "redactor"];

/// A trade line has at most this many words ("Redakteurin", "Editor At Large", "Senior Reporter,
/// Politics").
const TRADE_LINE_WORDS: usize = 5;

/// A line giving someone's trade under their name in an author box ("Redakteurin", "Editor At
/// Large", "Korrespondentin in Paris"): a few words, no sentence, a trade among them.
pub(crate) fn is_trade_line(line: &str) -> bool {
    let lower = line.to_lowercase();
    words_up_to(line, TRADE_LINE_WORDS + 1) <= TRADE_LINE_WORDS
        && !ends_like_sentence(line)
        && lower
            .split_whitespace()
            .any(|w| BIO_ROLES.iter().chain(BIO_ROLES_ELSEWHERE).any(|r| w.starts_with(r)))
}

/// A biography of one of `names` (lower case): the paragraph names them within its first
/// [`BIO_ROLE_REACH`] words, and a trade there too ("Kim Fusaro Weddings and lifestyle writer.",
/// "Korrespondent Ulrich Exner ist bei WELT für landespolitische Themen zuständig.").
pub(crate) fn is_bio_of_one_of(names: &[String], paragraph: &str) -> bool {
    if names.is_empty() || words_up_to(paragraph, BIO_MAX_WORDS + 1) > BIO_MAX_WORDS {
        return false;
    }
    let head: String =
        paragraph.split_whitespace().take(BIO_ROLE_REACH).collect::<Vec<_>>().join(" ").to_lowercase();
    names.iter().any(|name| head.contains(name.as_str()))
        && BIO_ROLES.iter().chain(BIO_ROLES_ELSEWHERE).any(|role| head.contains(role))
}

/// A one-sentence biography of the author named in the byline, after the text: "Rania Khoury is a
/// correspondent based in Beirut." (the byline's name, or "By Rania Khoury").
pub(crate) fn is_bio_of(byline: &str, paragraph: &str) -> bool {
    let name = byline.strip_prefix("By ").or_else(|| byline.strip_prefix("BY ")).unwrap_or(byline).trim();
    if name.is_empty() || !is_name_line(name) || words_up_to(paragraph, 60) > 60 {
        return false;
    }
    let Some(rest) = paragraph.strip_prefix(name) else { return false };
    let lower = rest.to_lowercase();
    let has_role = BIO_ROLES.iter().any(|r| lower.contains(r));
    has_role
        && [" is ", " was ", " has ", " covers ", " reports ", " writes "]
            .iter()
            .any(|v| lower.starts_with(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_biography_names_its_author_and_their_trade_in_its_first_words() {
        let names = ["kim fusaro".to_string(), "mark di stefano".to_string(), "ulrich exner".to_string()];
        for bio in [
            "Kim Fusaro Weddings and lifestyle writer. Owner of two bad knees and one 1920s fixer-upper.",
            "Mark di Stefano is a breaking news reporter for BuzzFeed News and is based in Sydney, Australia.",
            "Korrespondent Ulrich Exner ist bei WELT für landespolitische Themen zuständig.",
        ] {
            assert!(is_bio_of_one_of(&names, bio), "{bio}");
        }
        for sentence in [
            // Someone else, or the author without a trade.
            "Jane Roe is a reporter who broke the story in 2019, the court heard.",
            "Kim Fusaro said the shop would reopen in the spring.",
            // The name too far into the paragraph.
            "The prize committee said on Monday that it had chosen, after long talks, the reporter Kim Fusaro.",
        ] {
            assert!(!is_bio_of_one_of(&names, sentence), "{sentence}");
        }
    }

    #[test]
    fn a_trade_line_names_a_trade_in_a_few_words() {
        for trade in
            ["Redakteurin", "Editor At Large", "Korrespondentin in Paris", "Senior Reporter, Politics"]
        {
            assert!(is_trade_line(trade), "{trade}");
        }
        for other in
            ["Software", "The editor resigned.", "Writers and editors of the paper went on strike today"]
        {
            assert!(!is_trade_line(other), "{other}");
        }
    }
}
