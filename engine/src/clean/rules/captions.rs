//! A picture's caption without its credit: opened by its label ("Bildunterschrift: …"), or known by
//! the places it gives the people in the picture ("Rep. Cherrish Pryor, left, talks with …").

use crate::clean::lines::words_up_to;

/// Where a caption places someone in its picture, in brackets after the name ("Max Darj (l.)",
/// "Lula da Silva (ao centro)"; of "(FDP, M)" the last part), in the languages the cleaner reads.
const PICTURE_PLACES_BRACKETED: &[&str] = &[
    "left",
    "right",
    "centre",
    "center",
    "second left",
    "second right",
    "far left",
    "far right",
    "from left",
    "l.",
    "r.",
    "m.",
    "li.",
    "re.",
    "links",
    "rechts",
    "mitte",
    "v.l.",
    "v. l.",
    "v.l.n.r.",
    "v. l. n. r.",
    "von links",
    "li nach re",
    "à gauche",
    "à droite",
    "au centre",
    "de gauche à droite",
    "izquierda",
    "derecha",
    "izq.",
    "dcha.",
    "centro",
    "à esquerda",
    "à direita",
    "ao centro",
];
/// The same set off by commas after a name ("Rep. Cherrish Pryor, left, talks with …").
const PICTURE_PLACES_BETWEEN_COMMAS: &[&str] =
    &["left", "right", "centre", "center", "second left", "second right", "far left", "far right"];
/// A caption has at most this many words (a paragraph that says "(left)" is longer).
const PICTURE_CAPTION_WORDS: usize = 60;

/// Labels a page sets before a picture's caption, lower case, in the languages the cleaner reads
/// ("Legende: Siham Zein ad-Din mit ihrem Ehemann …", "Bildunterschrift:", "Légende :").
const CAPTION_LABELS: &[&str] = &[
    "legende",
    "bildlegende",
    "bildunterschrift",
    "caption",
    "photo caption",
    "image caption",
    "légende",
    "leyenda",
    "pie de foto",
    "didascalia",
    "bijschrift",
];
/// Labels that open a caption with no colon after them, as the BBC prints them ("Media caption
/// Mr Obama told the BBC …"): two words no sentence opens with.
const CAPTION_LABELS_BARE: &[&str] = &["image caption", "media caption"];

/// Where a picture's caption opened by its label stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelledCaption {
    /// After the label on the same line ("Legende: Drusenführer Laith al-Balaous …").
    Inline,
    /// On the next line, the label alone on its own ("Legende:").
    Below,
}

/// A picture's caption opened by its label ("Legende: Drusenführer Laith al-Balaous …", "Media
/// caption Mr Obama …", or "Legende:" alone above it); `None` when no label opens the line.
pub(crate) fn caption_label(line: &str) -> Option<LabelledCaption> {
    if words_up_to(line, PICTURE_CAPTION_WORDS + 1) > PICTURE_CAPTION_WORDS {
        return None;
    }
    let lower = line.to_lowercase();
    let rest = CAPTION_LABELS
        .iter()
        .find_map(|label| lower.strip_prefix(label)?.trim_start().strip_prefix(':'))
        .or_else(|| {
            CAPTION_LABELS_BARE
                .iter()
                .find_map(|label| lower.strip_prefix(label).filter(|rest| rest.starts_with(' ')))
        })?;
    Some(if rest.trim().is_empty() { LabelledCaption::Below } else { LabelledCaption::Inline })
}

/// True when `line` is a picture's caption that says where people stand in it: "Name (left)",
/// "Name, second left,", "(v.l.)", "Pictured from left, are …", "Murder victims from left: …".
/// An article's sentences place no one in a picture.
pub(crate) fn places_people_in_a_picture(line: &str) -> bool {
    if words_up_to(line, PICTURE_CAPTION_WORDS + 1) > PICTURE_CAPTION_WORDS || !line.contains([',', '(', ':'])
    {
        return false;
    }
    let lower = line.to_lowercase();
    let bracketed = lower.split('(').skip(1).any(|rest| {
        rest.split_once(')').is_some_and(|(inside, _)| {
            let last = inside.rsplit(',').next().unwrap_or(inside).trim();
            // "M" (Mitte) only after a comma: "(FDP, M)", not an abbreviation "(M)".
            PICTURE_PLACES_BRACKETED.contains(&last) || (last == "m" && inside.contains(','))
        })
    });
    // ", left," after a capitalised name: "Tsvangirai, right, meets …" ("Left, right, centre" is
    // a list of places).
    let between_commas = PICTURE_PLACES_BETWEEN_COMMAS.iter().any(|place| {
        let cue = format!(", {place},");
        line.match_indices(&cue).any(|(at, _)| {
            line[..at].split_whitespace().last().is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !PICTURE_PLACES_BETWEEN_COMMAS.contains(&w.to_lowercase().as_str())
            })
        })
    });
    // "from left," / "from left:" / "von links:" opening the names.
    let from_left = ["from left", "von links"]
        .iter()
        .any(|cue| lower.match_indices(cue).any(|(at, _)| lower[at + cue.len()..].starts_with([',', ':'])));
    bracketed || between_commas || from_left
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_opened_by_their_label() {
        assert_eq!(
            caption_label("Legende: Siham Zein ad-Din auf dem Karama-Platz. SRF"),
            Some(LabelledCaption::Inline)
        );
        assert_eq!(
            caption_label("Media caption Mr Obama told the BBC about gun control"),
            Some(LabelledCaption::Inline)
        );
        assert_eq!(caption_label("Légende :"), Some(LabelledCaption::Below));
        assert_eq!(caption_label("Legende:"), Some(LabelledCaption::Below));
        assert_eq!(caption_label("Legendenbildung: Wie ein Mythos entsteht"), None);
        assert_eq!(caption_label("Caption contests are popular with readers."), None);
    }

    #[test]
    fn captions_that_place_people_in_the_picture() {
        for caption in [
            "Rep. Cherrish Pryor, left, talks with Rep. Jeff Thompson at the Statehouse, Thursday, April 27, 2023.",
            "Zimbabwean opposition leader Morgan Tsvangirai, right, meets church leaders Bishop Trevor Manhanga, centre, and Father Fidelis Mukonori in 2006.",
            "Philippine Marine Corps Commandant Major-General Arturo Roja, second left, and US Marines exercise representatives talk.",
            "Füchse-Kapitän Max Darj (l.) sichert den Ball gegen Felix Aellen.",
            "Starkes Trio seit 32 Jahren: Kerstin Wahala, Judy Lybke und Elke Hannemann (v.l.).",
            "Christian Lindner (FDP, M), scheidender Bundesminister der Finanzen, äußert sich.",
            "Luiz Inácio Lula da Silva (ao centro) recebe de Tite réplica da taça da Libertadores",
            "Pictured at the back, from left, are romance authors Jo Watson and Lindsay Norman.",
            "Murder victims from left: Kaylee Goncalves, Ethan Chapin, Xana Kernodle, Maddie Mogen",
        ] {
            assert!(places_people_in_a_picture(caption), "{caption}");
        }
        for sentence in [
            "Left, right, centre, the parties all agreed on the budget.",
            "She turned right, then left, and walked to the station.",
            "Funding from left-wing groups rose, the report said.",
            "The vote split the party (the left wing against the right) for months.",
            "Thomas Müller (FC Bayern) traf in der 80. Minute.",
        ] {
            assert!(!places_people_in_a_picture(sentence), "{sentence}");
        }
    }
}
