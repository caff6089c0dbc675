//! Other stories' headlines: headline-shaped lines, headlines with a kicker, the cues and labels that
//! head a list of them ("Read more", "Lesen Sie auch"), and a heading between paragraphs.

use super::{has_dangling_separator, RELATED_PREFIXES};
use crate::clean::lines::{ends_like_sentence, is_separator_line, title_case_ratio, words_up_to};

/// Headers of "more headlines" boxes.
const HEADLINE_LIST_CUES: &[&str] = &[
    "trending",
    "trending now",
    "most read",
    "most popular",
    "popular",
    "more news",
    "more stories",
    "latest",
    "latest news",
    "top stories",
    "you may also like",
    "you might also like",
    "more from",
    "editor's picks",
    "editor’s picks",
    "related",
    "related news",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "related coverage",
    "read next",
    "up next",
    "keep reading",
    "continue reading",
    "recommended",
    "recommended for you",
    "recommended stories",
    "most viewed",
    "most shared",
    "see also",
    "also read",
    "read also",
    "what to read next",
    "around the web",
    "from around the web",
    "more trending",
    // German, French, Spanish, Italian, Dutch ("Lesen Sie auch", "Lire aussi" and the like box
    // one link in the middle of an article, so they are not here)
    "mehr zum thema",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "meistgelesen",
    "meistgelesene artikel",
    "weitere artikel",
    "weitere nachrichten",
    "sur le même sujet",
    "les plus lus",
    "noticias relacionadas",
    "lo más leído",
    "articoli correlati",
    "i più letti",
    "meest gelezen",
    "meer nieuws",
    // "Latest news" and "Editor's picks" in the other languages above ("Die neuesten Zahlen" heads
    // a section of an article: only the box's own words are cues).
    "neueste artikel",
    "neueste nachrichten",
    "die neuesten artikel",
    "die neuesten nachrichten",
    "auswahl der redaktion",
    "die auswahl der redaktion",
    "dernières actualités",
    "le choix de la rédaction",
    "últimas noticias",
    "ultime notizie",
    "laatste nieuws",
];
/// Openings of "more headlines" box headers ("More from Example News", "More Related News").
const HEADLINE_LIST_OPENINGS: &[&str] = &[
    "more from ",
    "more in ",
    "more on ",
    "more related ",
    "more about ",
    "other news",
    "latest from ",
    "mehr zum thema ",
    "mehr aus ",
    "plus d'articles ",
    // "Latest from ..." in German.
    "das neueste aus ",
];
/// Shape of a headline in a list of other stories: short, title case, no sentence ending.
pub(crate) fn is_headline_shaped(line: &str) -> bool {
    if line.len() > 240 {
        return false;
    }
    let words = words_up_to(line, 24);
    (3..=24).contains(&words) && !line.ends_with('.') && !line.ends_with(',') && title_case_ratio(line) >= 0.6
}

/// A headline with a kicker before a colon, as a box of other stories prints it ("Analysis: Why
/// the port's dredging bill keeps growing", "„Guantánamo Syriens“: Hier sitzen …"): a kicker of a
/// few words without figures, then a headline of three words or more opening in a capital or a
/// quote, and no full stop or colon at the end. "Berth fees: up 9 per cent." is a list's item.
pub(crate) fn is_kicker_headline(line: &str) -> bool {
    if line.len() > 240 || line.ends_with(['.', ',', ':', ';']) || words_up_to(line, 25) > 24 {
        return false;
    }
    let Some((kicker, headline)) = line.split_once(": ") else { return false };
    let kicker = kicker.trim_end();
    let headline = headline.trim();
    (1..=4).contains(&words_up_to(kicker, 5))
        && !kicker.is_empty()
        && !kicker.chars().any(|c| c.is_ascii_digit())
        && !ends_like_sentence(kicker)
        && words_up_to(headline, 3) >= 3
        && headline
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '„' | '"' | '“' | '«' | '‘' | '\''))
}

/// The header of a "more headlines" box ("Trending", "Most Read", "You May Also Like").
pub(crate) fn is_headline_list_cue(line: &str) -> bool {
    let lower = line.to_lowercase();
    let core = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    HEADLINE_LIST_CUES.contains(&core)
        || (words_up_to(core, 6) <= 6 && HEADLINE_LIST_OPENINGS.iter().any(|o| core.starts_with(o)))
}

/// A line of a few words naming what is related, the header of a box inside the text ("Related
/// Video", "Recommended related news", "Ähnliche Nachrichten", "Artículos Relacionados"): a
/// sentence that opens on the word is longer ("Related to the findings, the team is …"). Such a
/// box may sit anywhere in the text, so unlike [`is_headline_list_cue`] it does not end the text.
pub(crate) fn names_related_box(line: &str) -> bool {
    let lower = line.to_lowercase();
    let core = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace() || c == '»');
    words_up_to(core, RELATED_CUE_WORDS + 1) <= RELATED_CUE_WORDS
        && !core.chars().any(|c| c.is_ascii_digit())
        && core.split_whitespace().any(|w| RELATED_STEMS.iter().any(|stem| w.starts_with(stem)))
}

/// A box's header naming what is related has at most this many words.
const RELATED_CUE_WORDS: usize = 4;
/// The word "related" in the languages the cleaner reads, lower case, as a word opens
/// ("relacionados", "correlati", "ähnliche").
const RELATED_STEMS: &[&str] = &[
    "related",
    "relacionad",
    "relacionat",
    "correlat",
    "ähnliche",
    "verwandte",
    "similaires",
    "gerelateerd",
];

/// Labels set on a line of their own above one link to another story inside the text, in the
/// languages the cleaner reads ("Lesen Sie auch", "Lire aussi"; "Read more" and the other
/// [`RELATED_PREFIXES`] too).
const LINK_LABELS: &[&str] = &[
    "lesen sie auch",
    "lesen sie mehr",
    "auch interessant",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lee también",
    "leer más",
    "leggi anche",
    "lees ook",
    "lees meer",
];

/// True when `line` is only a label announcing a link to another story, "Read More", "Read next:",
/// "Lesen Sie auch": the headline under it is the link, not the article's heading.
pub(crate) fn is_link_label(line: &str) -> bool {
    let lower = line.to_lowercase();
    let core = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    is_headline_list_cue(line) || RELATED_PREFIXES.contains(&core) || LINK_LABELS.contains(&core)
}

/// One line of a headline list (separators and box headers included), for the tail rule.
pub(crate) fn is_headline_list_line(line: &str) -> bool {
    has_dangling_separator(line)
        || is_separator_line(line)
        || is_headline_list_cue(line)
        || is_headline_shaped(line)
}

/// A heading between paragraphs: short, starts like a sentence, no final punctuation.
pub(crate) fn is_heading_shaped(line: &str) -> bool {
    if line.len() > 110 {
        return false;
    }
    let words = words_up_to(line, 14);
    (1..=14).contains(&words)
        && !ends_like_sentence(line)
        && !line.ends_with('?')
        && !has_dangling_separator(line)
        && line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || "‘'“\"".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_with_a_kicker_but_not_a_list_s_items() {
        for headline in [
            "Analysis: Why the port's dredging bill keeps growing",
            "Baufinanzierung: Experte warnt vor teurem Fehler",
            "„Guantánamo Syriens“: Hier sitzen Deutschlands vergessene Islamisten ein",
        ] {
            assert!(is_kicker_headline(headline), "{headline}");
        }
        for not_headline in [
            "Berth fees: up 9 per cent from 1 July.",
            "The changes take effect in two steps:",
            "2019: Parliament passes the first version of the law",
            "Rede: Ja",
        ] {
            assert!(!is_kicker_headline(not_headline), "{not_headline}");
        }
    }
}
