//! A collapsible box's two labels, opening and closing, which a copy brings along both.

use super::super::lines::words_up_to;

/// A collapsible box's two labels, opening and closing, lower case, in the languages the cleaner
/// reads ("Show more" / "Show less", "Box aufklappen" / "Box zuklappen").
const TOGGLE_WORDS: &[(&str, &str)] = &[
    ("show", "hide"),
    ("more", "less"),
    ("expand", "collapse"),
    ("open", "close"),
    ("aufklappen", "zuklappen"),
    ("einblenden", "ausblenden"),
    ("anzeigen", "ausblenden"),
    ("öffnen", "schließen"),
    ("mehr", "weniger"),
    ("afficher", "masquer"),
    ("plus", "moins"),
    ("mostrar", "ocultar"),
    ("ver", "ocultar"),
    ("más", "menos"),
    ("uitklappen", "inklappen"),
    ("meer", "minder"),
];
/// Each label of a collapsible box's toggle has at most this many words.
const TOGGLE_WORDS_MAX: usize = 4;
/// Labels that name what they show and hide by different words ("Show discussion" / "Hide
/// comments") have at most this many words each.
const TOGGLE_RENAMED_WORDS_MAX: usize = 3;

/// True when `first` and `second`, one under the other, are the two labels of one collapsible
/// box's toggle, which a copy brings along both ("Personen-Box aufklappen" / "Personen-Box
/// zuklappen", "Show more" / "Show less"): short lines alike but for one word, the one opening
/// and the other closing, or, on labels of [`TOGGLE_RENAMED_WORDS_MAX`] words or fewer, alike but
/// for two words, an opening and a closing one in the same place ("Diskussion anzeigen" /
/// "Kommentare schließen").
pub(crate) fn is_toggle_pair(first: &str, second: &str) -> bool {
    // Asked of every two lines of a page: most are longer than a label, and are not split.
    let short = |line: &str| words_up_to(line, TOGGLE_WORDS_MAX + 1) <= TOGGLE_WORDS_MAX;
    if !short(first) || !short(second) {
        return false;
    }
    let words = |line: &str| -> Vec<String> {
        line.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .collect()
    };
    let (a, b) = (words(first), words(second));
    // Both have at most TOGGLE_WORDS_MAX words (`short`).
    if a.is_empty() || a.len() != b.len() {
        return false;
    }
    let toggled = |x: &str, y: &str| {
        TOGGLE_WORDS.iter().any(|&(open, close)| (x == open && y == close) || (x == close && y == open))
    };
    let differing: Vec<(&String, &String)> = a.iter().zip(&b).filter(|(x, y)| x != y).collect();
    match differing[..] {
        [(x, y)] => toggled(x, y),
        // The two labels may name what they show and hide differently ("Diskussion anzeigen" /
        // "Kommentare schließen", "Show discussion" / "Hide comments"): an opening word and a
        // closing word (of any of the pairs) in the same place, and one other word.
        [(x1, y1), (x2, y2)] if a.len() <= TOGGLE_RENAMED_WORDS_MAX => {
            let opens = |w: &str| TOGGLE_WORDS.iter().any(|&(open, _)| open == w);
            let closes = |w: &str| TOGGLE_WORDS.iter().any(|&(_, close)| close == w);
            let pair = |x: &str, y: &str| (opens(x) && closes(y)) || (closes(x) && opens(y));
            pair(x1, y1) || pair(x2, y2)
        }
        _ => false,
    }
}
