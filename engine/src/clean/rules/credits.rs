//! A picture's credit, alone on its line or ending its caption ("Foto: dpa", "… Photo: Jane Doe/AFP"),
//! and the credit lines under an article ("Additional reporting by …").

use super::is_byline;
use crate::clean::lines::{ends_like_sentence, words_up_to};
use crate::clean::outlets::{CreditSplit, AGENCIES};

/// Credit-line cues, matched case-insensitively.
const CREDIT_CUES: &[&str] = &[
    "with additional input by",
    "with additional input from",
    "additional reporting by",
    "additional input by",
    "contributed to this report",
    "with input from",
    "reporting by",
    "edited by",
    "editing by",
    "compiled by",
    "written by",
    "news desk",
];
/// Labels that introduce a picture's credit ("Foto: dpa", "Bild: Name/Agency", "(Photo: Name)",
/// "Image credit: Lumen", "Bildquelle: dpa").
const PHOTO_LABELS: &[&str] = &[
    "Image credit",
    "Image Credit",
    "Image source",
    "Image Source",
    "Photo credit",
    "Photo Credit",
    "Bildquelle",
    "Foto",
    "Fotos",
    "Photo",
    "Photos",
    "Photographer",
    "Fotograf",
    "Bild",
    "Bilder",
    "Bildrechte",
    "Image",
    "Images",
    "Picture",
    "Pictures",
    "Credit",
    "Quelle",
    "Source",
];

/// Korean for "reporter": a picture credited to a staff photographer names them with it
/// ("고영권 기자").
const REPORTER_WORD: &str = "기자";
/// Words a picture's credit may have, at most.
const PHOTO_CREDIT_WORDS: usize = 10;
/// How [`photo_credit`] told a picture's credit from its caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CreditCue {
    /// After a copyright sign ("… © imago/Marius Schwarz").
    Copyright,
    /// After a photo label ("Foto: dpa", "(Photographer: Mark Elias/Bloomberg)").
    Label,
    /// Run onto the caption's full stop ("… unterstützen.Getty Images").
    RunOn,
    /// An agency or a reporter after the caption's full stop ("… in Kyiv on Monday. Reuters"), or
    /// names joined by a slash ("… en Madrid. EFE/ J.J. Guillén").
    Agency,
    /// A short line of names joined by a slash ("Noel Celis/AFP via Getty Images").
    Slash,
    /// In brackets closing the caption, with no label ("… in Beijing. (Lintao Zhang/Getty
    /// Images)", "(AP Photo/Carolyn Kaster)", "(Courtesy of the city)").
    Bracket,
}

/// A picture's credit read off a line: where it sits, and what said it is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PhotoCredit {
    /// The caption before the credit and the credit's own words.
    pub split: CreditSplit,
    /// What marked it.
    pub cue: CreditCue,
}

impl PhotoCredit {
    /// Whether the line may still be a headline: only a bare slash of names, alone on its line,
    /// reads as one as well ("Ukraine/Russland: Verhandlungen in Genf"); a copyright sign, a photo
    /// label ("Foto: Seznam Zprávy") or a caption before the credit says picture.
    pub(crate) fn may_be_headline(&self) -> bool {
        self.split.caption_end == 0 && self.cue == CreditCue::Slash
    }
}

/// A caption with its credit run onto its full stop has at least this many words.
const GLUED_CAPTION_WORDS: usize = 4;

/// A picture's credit, alone or ending its caption, as a copied page prints it under the picture:
/// after a copyright sign ("… Teile der Halle stürzten ein. © imago/Marius Schwarz"), after a
/// photo label ("(Foto: Pool via REUTERS)", "… Saison 2024, Foto: LAT Images"), or a short line of
/// names joined by a slash ("Noel Celis/AFP via Getty Images"). The credit is a few words that do
/// not end a sentence: "© 2021 Example News. All rights reserved." is the page's footer, and
/// "Source: the ministry said 40 people were hurt." a sentence.
///
/// Where the credit sits in `line`: the caption before it (empty for a credit alone) and the
/// credit's own words, without the sign or label and brackets around them.
pub(crate) fn photo_credit(line: &str) -> Option<PhotoCredit> {
    let lead = line.len() - line.trim_start().len();
    let line = line.trim();
    if line.len() > 600 {
        return None;
    }
    let credit_like = |credit: &str| {
        let credit = credit.trim().trim_end_matches(')').trim();
        !credit.is_empty()
            && words_up_to(credit, PHOTO_CREDIT_WORDS + 1) <= PHOTO_CREDIT_WORDS
            && !credit.ends_with(['.', '!', '?', ':'])
    };
    // The caption before the sign or label at `at`, the credit in `from..`.
    let split = |at: usize, from: usize, cue: CreditCue| {
        let caption = line[..at].trim_end().trim_end_matches(['(', ',', '|', '[']).trim_end();
        let credit = &line[from..];
        let credit_start = from + (credit.len() - credit.trim_start().len());
        let credit_end = from + credit.trim_end().trim_end_matches([')', ']']).trim_end().len();
        let split = CreditSplit {
            caption_end: lead + caption.len(),
            credit_start: lead + credit_start,
            credit_end: lead + credit_end.max(credit_start),
        };
        PhotoCredit { split, cue }
    };
    if let Some(at) = line.rfind('©') {
        let from = at + '©'.len_utf8();
        // "Bild ©", "Foto: ©": a photo label before the sign is the credit's own, not a caption.
        let before =
            line[..at].trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '(' | '|' | '['));
        let labelled = PHOTO_LABELS.iter().any(|label| before.eq_ignore_ascii_case(label));
        let at = if labelled { 0 } else { at };
        return credit_like(&line[from..]).then(|| split(at, from, CreditCue::Copyright));
    }
    for label in PHOTO_LABELS {
        let mut from = 0;
        while let Some(pos) = line[from..].find(label) {
            let at = from + pos;
            let after = &line[at + label.len()..];
            // Pages often set a no-break space before the label ("… Karte.\u{a0}Foto: dpa").
            let starts_word = line[..at]
                .chars()
                .last()
                .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | ',' | '[' | '|'));
            // "Photo: Jane Doe" or "Photo by Jane Doe", as pages with English captions print it.
            let cue_len = if after.starts_with(':') {
                Some(1)
            } else {
                after.starts_with(" by ").then_some(" by ".len())
            };
            if let Some(cue_len) = cue_len.filter(|_| starts_word) {
                let credit = &after[cue_len..];
                // The label opens the line, ends a caption sentence ("… Saison 2024, Foto: X") or
                // stands apart from the caption, two spaces away ("… des Gesetzes   Foto: X"): the
                // page printed caption and credit as two boxes.
                if (at == 0
                    || line[..at].trim_end().ends_with(['.', ',', '(', '|', '!', '?', '"', '”'])
                    || line[..at].chars().rev().take(2).filter(|c| c.is_whitespace()).count() == 2)
                    && credit_like(credit)
                {
                    return Some(split(at, at + label.len() + cue_len, CreditCue::Label));
                }
            }
            from = at + label.len();
        }
    }
    // A credit in brackets closing a caption, with no label: a photographer and the agency joined
    // by a slash, or a picture's own words ("… in Washington Jan. 27, 2023.  (AP Photo/Carolyn
    // Kaster)", "… new store. (Kevin Marsh/Getty Images)", "(Courtesy of the City of Mesa
    // Valley)"). A report's sentence closes its brackets on other words ("(in Arabic)", "(m/w/d)").
    if let Some((caption, credit)) = line.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        if caption.split_whitespace().count() >= GLUED_CAPTION_WORDS
            && credit_like(credit)
            && !credit.chars().any(|c| c.is_ascii_digit())
            && is_bracketed_picture_credit(credit)
        {
            return Some(split(caption.len(), caption.len() + 1, CreditCue::Bracket));
        }
    }
    // A credit run onto its caption's last full stop, with no space between them ("… bei der
    // Genesung unterstützen.Getty Images", "… zu Kräften zu kommen.Unsplash/Kelly Sikkema"): the
    // page printed the caption and the credit as two boxes side by side.
    if let Some(at) = line.rfind(['.', '!', '?']) {
        let credit = &line[at + 1..];
        // The caption ends a sentence in lower case ("OS.File" is a name); every word of the
        // credit is a name or a slash ("Anthony Wallace / AFP - Getty Images"), and it reads as
        // one: an agency, names joined by a slash, a picture agency's words.
        let name_words = || {
            credit
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || matches!(c, '/' | '-' | '–')))
        };
        let glued = credit.chars().next().is_some_and(char::is_uppercase)
            && line[..at].chars().last().is_some_and(char::is_lowercase)
            && line[..at].split_whitespace().count() >= GLUED_CAPTION_WORDS
            && !credit.chars().any(|c| c.is_ascii_digit() || c == '.')
            && credit_like(credit)
            && name_words()
            && (AGENCIES.contains(&credit.trim())
                || ["/", " via ", "Photo", "Getty", "Images", "Courtesy"]
                    .iter()
                    .any(|cue| credit.contains(cue)));
        if glued {
            return Some(split(at + 1, at + 1, CreditCue::RunOn));
        }
        // The picture's agency or photographer after the caption's full stop and a space ("… 연설하고
        // 있다. 연합뉴스", "… 큰절을 올리고 있다. 고영권 기자", "… in Kyiv on Monday. Reuters"): an
        // agency's name, or a name with the word for a reporter, as Korean pages credit a picture.
        let credit = credit.trim();
        let agency = AGENCIES.contains(&credit)
            || credit
                .strip_suffix(REPORTER_WORD)
                .is_some_and(|name| words_up_to(name, 3) == 1 && name.ends_with(' '));
        if (agency || is_commissioned_credit(credit))
            && line[..at].split_whitespace().count() >= GLUED_CAPTION_WORDS
            && line[at + 1..].starts_with(char::is_whitespace)
        {
            return Some(split(at + 1, line.len() - credit.len(), CreditCue::Agency));
        }
    }
    // The picture's photographer and agency joined by a slash after the caption's last sentence
    // and a space ("… en Jabalia. EFE/EPA/HAITHAM IMAD", "… desta quarta-feira. LUSA/ PAULO
    // NOVAIS", "… em janeiro. Nuno Ferreira Santos/Jornal do Tejo"): a report's paragraph does not
    // end on such a fragment.
    if let Some(at) = slash_credit_after_sentence(line) {
        return Some(split(at, at, CreditCue::Agency));
    }
    // "STR/AFP via Getty Images": a few capitalised words joined by a slash, no figures.
    let words = words_up_to(line, 8);
    let slash_credit = words <= 7
        && line.chars().next().is_some_and(char::is_uppercase)
        && !ends_like_sentence(line)
        && !line.chars().any(|c| c.is_ascii_digit())
        && line.split_whitespace().any(|w| {
            let mut parts = w.split('/');
            matches!((parts.next(), parts.next()), (Some(a), Some(b)) if !a.is_empty() && b.chars().next().is_some_and(char::is_alphabetic))
        });
    slash_credit.then(|| split(0, 0, CreditCue::Slash))
}

/// A photographer's name and the site or agency they worked for, after a caption's last sentence
/// ("… from Duqm. Tara Atkinson for Rest of World", "… on the quay. Ciaran Doyle for The
/// Northern Ledger"): two or three capitalised words, "for", then a name of at most
/// [`COMMISSIONED_FOR_WORDS`] words, capitalised but for a name's small words, with no figures.
fn is_commissioned_credit(credit: &str) -> bool {
    let Some((person, outlet)) = credit.split_once(" for ") else { return false };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let person: Vec<&str> = person.split_whitespace().collect();
    let outlet: Vec<&str> = outlet.split_whitespace().collect();
    (2..=3).contains(&person.len())
        && person.iter().all(|w| capitalised(w))
        && (1..=COMMISSIONED_FOR_WORDS).contains(&outlet.len())
        && outlet.first().is_some_and(|w| capitalised(w))
        && outlet
            .iter()
            .all(|w| capitalised(w) || matches!(*w, "of" | "the" | "and" | "&") || NAME_PARTICLES.contains(w))
        && !credit.chars().any(|c| c.is_ascii_digit())
        && !credit.ends_with(['.', '!', '?', ':'])
}

/// The site or agency a photographer worked for has at most this many words ("The Northern
/// Ledger", "Rest of World").
const COMMISSIONED_FOR_WORDS: usize = 5;

/// Words inside a caption's closing brackets that say they credit the picture: a picture's own
/// words ("Courtesy of …", "AP Photo/…", "… via Getty Images"), or names joined by a slash with a
/// capital on each side ("Ed Murray/The Star-Ledger").
/// Lower-case words inside a person's or an agency's name ("Nuno Ferreira dos Santos", "Agencia
/// de Noticias").
const NAME_PARTICLES: &[&str] =
    &["de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "y", "e"];

/// Where a credit of names joined by a slash starts after the caption's last sentence (see
/// [`photo_credit`]): the rest of the line after a full stop and a space is at most
/// [`PHOTO_CREDIT_WORDS`] words, each capitalised, an initial ("J.J."), a slash or a name's
/// particle ([`NAME_PARTICLES`]), no figures, one
/// of them holding a slash between two names; the caption before it has at least
/// [`GLUED_CAPTION_WORDS`] words and ends its sentence on a lower-case letter or a bracket.
fn slash_credit_after_sentence(line: &str) -> Option<usize> {
    let is_name_word = |w: &str| {
        (w.chars().next().is_some_and(|c| c.is_uppercase() || c == '/') || NAME_PARTICLES.contains(&w))
            && !w.chars().any(|c| c.is_ascii_digit())
    };
    let joins_names = |w: &str| {
        let mut parts = w.split('/');
        let first = parts.next().unwrap_or("");
        let second = parts.next();
        second.is_some() && (first.is_empty() || first.chars().next().is_some_and(char::is_uppercase))
    };
    // The rightmost full stop after a lower-case letter or a bracket: "J.J." is an initial.
    let at = line.rmatch_indices(". ").map(|(at, _)| at).find(|&at| {
        line[..at].chars().last().is_some_and(|c| c.is_lowercase() || matches!(c, ')' | '»' | '"' | '”'))
    })?;
    let credit = line[at + 1..].trim();
    let words: Vec<&str> = credit.split_whitespace().collect();
    let shaped = !words.is_empty()
        && words.len() <= PHOTO_CREDIT_WORDS
        && words.iter().all(|w| is_name_word(w))
        && words.iter().any(|w| joins_names(w))
        && !credit.ends_with(['.', '!', '?', ':', ',']);
    let caption = words_up_to(&line[..at], GLUED_CAPTION_WORDS) >= GLUED_CAPTION_WORDS;
    (shaped && caption).then_some(at + 1)
}

fn is_bracketed_picture_credit(credit: &str) -> bool {
    let credit = credit.trim();
    let picture_words = ["Courtesy", "Photo", "Photos", "Getty", "Images", "Pool", "via"];
    if credit.split(|c: char| c.is_whitespace() || c == '/').any(|w| picture_words.contains(&w)) {
        return true;
    }
    let capitalised = |s: &str| s.trim().chars().next().is_some_and(char::is_uppercase);
    credit.split_whitespace().count() >= 2
        && credit.contains('/')
        && credit.split('/').all(|part| capitalised(part) && part.trim().chars().count() >= 2)
}

/// Picture agencies that credit a photo but never a report, beside the news agencies of
/// [`AGENCIES`] that do both.
const PICTURE_AGENCIES: &[&str] = &["Getty", "Alamy", "Shutterstock", "imago", "IMAGO", "picture alliance"];

/// A picture's credit alone on its line, as a page prints it above or below the picture's caption:
/// a labelled credit or a slash of names ("Bild: Shamil Zhumatov/REUTERS", "Noel Celis/Getty
/// Images"), an agency's name ("REUTERS", "Getty", "(AP)"), or a photographer with the agency in
/// brackets ("FLORION GOGA (REUTERS)", "(Robert F. Bukaty / AP)"). A copyright line is left out:
/// alone on its line it is as often the page's footer ("© 2025 Valley Gazette").
pub(crate) fn is_picture_credit_alone(line: &str) -> bool {
    if photo_credit(line)
        .is_some_and(|c| c.split.caption_end == 0 && matches!(c.cue, CreditCue::Label | CreditCue::Slash))
    {
        return true;
    }
    let agency = |s: &str| {
        let s = s.trim();
        AGENCIES.contains(&s) || PICTURE_AGENCIES.contains(&s)
    };
    let bare = line.trim().trim_start_matches(['(', '[']).trim_end_matches([')', ']']).trim();
    if agency(bare) {
        return true;
    }
    // "FLORION GOGA (REUTERS)", "Robert F. Bukaty / AP": a few words, then the agency.
    let bracketed = line.trim().strip_suffix(')').and_then(|s| s.rsplit_once('('));
    let (name, last) = match bracketed.filter(|(name, _)| !name.trim().is_empty()) {
        Some((name, inside)) => (name, inside),
        None => bare.rsplit_once('/').unwrap_or(("", bare)),
    };
    let name = name.trim().trim_start_matches('(').trim_end_matches(['/', '-', '–']).trim();
    let name_words = words_up_to(name, 5);
    agency(last)
        && (1..=4).contains(&name_words)
        && name.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A credit line: "AFP with additional input by GVS News Desk", "Additional reporting by ...",
/// a bare agency name, or "By Jane Doe".
pub(crate) fn is_credit_line(line: &str) -> bool {
    if line.len() > 200 || words_up_to(line, 16) > 16 {
        return false;
    }
    let lower = line.to_lowercase();
    let bare =
        line.trim_matches(|c: char| matches!(c, '(' | ')' | '-' | '—' | '–' | '/') || c.is_whitespace());
    CREDIT_CUES.iter().any(|cue| lower.contains(cue)) || AGENCIES.contains(&bare) || is_byline(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credit_opened_by_its_label_or_sign_is_told_from_a_headline() {
        for credit in [
            "Foto: Seznam Zprávy",
            "Photographer: Mark Elias/Bloomberg",
            "Image credit: Circuit Notes",
            "The buttons sit on a slightly thicker edge. Image source: Lumen",
            "(Bildrechte: dpa)",
            "Image: Jiri Hosek",
            "© imago/Marius Schwarz",
            "Bild © Jane Doe/dpa",
        ] {
            assert!(photo_credit(credit).is_some_and(|c| !c.may_be_headline()), "{credit}");
        }
        for headline in [
            "Noel Celis/AFP via Getty Images wins award",
            "Photo finish: Bolt beats Gatlin by a hundredth",
            "Quelle: Die Regierung hat heute neue Zahlen vorgelegt.",
            "Ukraine/Russland: Verhandlungen in Genf",
        ] {
            assert!(photo_credit(headline).is_none_or(|c| c.may_be_headline()), "{headline}");
        }
    }

    #[test]
    fn photo_credits_alone_or_ending_a_caption() {
        for credit in [
            "Noel Celis/AFP via Getty Images",
            "Feuerwehrleute auf einer Drehleiter. © imago/Marius Schwarz",
            "(Foto: Pool via REUTERS)",
            "Alex Lowes fährt eine starke Saison 2024, Foto: LAT Images",
            "Bild: Shamil Zhumatov/REUTERS",
            "Die Argentinier stehen nach dem Sieg im Halbfinale.\u{a0}Foto: dpa",
            "Viel Ruhe und Schlaf helfen, wieder zu Kräften zu kommen.Unsplash/Kelly Sikkema",
            "Eine Suppe kann dich bei der Genesung unterstützen.Getty Images",
            "이재명 후보가 15일 전남 순천시 연향동 패션의 거리에서 열린 유세에서 연설하고 있다. 연합뉴스",
            "이재명 후보가 연설을 마치고 순천 시민들에게 큰절을 올리고 있다. 고영권 기자",
            "Firefighters work at the site of a drone strike in Kyiv on Monday. Reuters",
            // Caption and credit in two boxes, the label two spaces (an en space) away.
            "Marco Buschmann und Lisa Paus bei der Vorstellung der Eckpunkte \u{2002} Foto: Felix Zahn/imago",
            "Photographer: Mark Elias/Bloomberg",
            "Image credit: Circuit Notes",
            "The buttons sit on a slightly thicker edge. Image source: Lumen",
            // In brackets closing the caption, or after "Photo by".
            "FBI Director Christopher Wray listens in Washington.  (AP Photo/Carolyn Kaster)",
            "Produce stands near the entrance of the new store. (Kevin Marsh/Getty Images)",
            "The mayor cuts the ribbon at the opening. (Courtesy of the City of Mesa Valley)",
            "A city bus stops in front of the market. Photo by Irene Castillo/Mesa Valley Tribune",
            // Names joined by a slash after the caption's last sentence, initials and particles too.
            "El ministro de Exteriores de Portugal, Paulo Rangel. EFE/ J.J. Guillén",
            "Moradores retiram móveis de uma casa inundada em janeiro. Nuno Ferreira dos Santos/Lusa",
            // A photographer and the site they worked for, after the caption's last sentence.
            "The road to the spaceport from the port town. Tara Atkinson for Rest of World",
            "Drying racks behind the old fish market on the quay. Ciaran Doyle for The Northern Ledger",
        ] {
            assert!(photo_credit(credit).is_some(), "{credit}");
        }
        // A photo label before the sign is part of the credit: no caption is left.
        for alone in ["Bild © Jane Doe/dpa", "Foto: © picture alliance", "(Photo © Reuters)"] {
            assert_eq!(photo_credit(alone).map(|c| c.split.caption_end), Some(0), "{alone}");
        }
        for not_credit in [
            "© 2021 Example News. All rights reserved.",
            "Source: the ministry said 40 people were hurt.",
            "The photo: a family in front of their house, which the flood had reached by noon.",
            "Talks on 24/7 opening hours resumed on Monday.",
            "Prices rose and/or fell.",
            // A name with a full stop in it is no caption run onto its credit.
            "emalysz continues to make progress migrating us from OS.File to IOUtils",
            "The agency moved its files from the old system to the new one.Next Steps",
            // More than a name before the word for a reporter, or an agency the sentence names.
            "그는 이날 기자회견에서 이같이 밝혔다. 김철수 특파원 기자",
            "The figures were first reported by Reuters.",
            // A report's sentence closing its brackets on other words.
            "The company is hiring an engineer for its Berlin office (m/w/d)",
            "The senator voted against the bill twice (in 2019 and 2021)",
            "Turnout was lower than at the last election (Reuters/Ipsos)",
            // A slash inside the report's sentence.
            "Os dados de caudal usados no estudo são da APA/SNIRH.",
            // A headline naming a pick for an office, and a sentence that goes on after "for".
            "Trump Picks Rep. Ryan Zinke for Interior Secretary",
            "The council met on Monday. Anna Berg voted for the plan in 2024.",
        ] {
            assert!(photo_credit(not_credit).is_none(), "{not_credit}");
        }
    }

    #[test]
    fn a_credit_alone_names_the_photographer_or_agency_and_nothing_else() {
        for credit in [
            "REUTERS",
            "Getty",
            "(AP)",
            "FLORION GOGA (REUTERS)",
            "(Robert F. Bukaty / AP)",
            "Marta Ellison (AP)",
            "Noel Celis/Getty Images",
            "Bild: Shamil Zhumatov/REUTERS",
        ] {
            assert!(is_picture_credit_alone(credit), "{credit}");
        }
        for not_credit in [
            "© 2025 Valley Gazette",
            "Reporting by Jane Doe (Reuters)",
            "The figures were first reported by Reuters.",
            "Officials told the AP",
            "Ukraine/Russland: Verhandlungen in Genf gehen weiter (dpa)",
        ] {
            assert!(!is_picture_credit_alone(not_credit), "{not_credit}");
        }
    }
}
