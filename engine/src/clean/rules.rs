//! Noise rules: what page furniture looks like, by prefix, line shape and cue words. The cue lists
//! are data at the top of the file; the functions below only say where and how they apply.

use super::lines::{ends_like_sentence, is_name_line, is_separator_line, title_case_ratio, words_up_to};
use super::outlets::{CreditSplit, KnownOutlet, AGENCIES};
use super::{furniture, stated};
use crate::model::NoiseKind;

/// Prefixes of links to other articles ("Read more: ...", "RELATED: ...", "See also - ...").
const RELATED_PREFIXES: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "related",
    "related article",
    "related articles",
    "related story",
    "related stories",
    "related post",
    "see also",
    "more on this",
    "recommended",
    "further reading",
    "must read",
    "don't miss",
    "don’t miss",
];
/// Cues of advertising, matched case-insensitively inside short lines.
const AD_CUES: &[&str] = &[
    "ad here",
    "your ad",
    "advertis",
    "sponsored",
    "/click",
    "per click",
    "promoted content",
    "paid content",
];
/// Comment-form lines, matched case-insensitively against the whole line (trailing punctuation aside).
const COMMENT_PROMPTS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "write a comment",
    "comments",
    "0 comments",
    "no comments",
    "join the discussion",
    "cancel reply",
    "post comment",
    "submit comment",
];
/// Comment-form lines matched by prefix.
const COMMENT_FORM_PREFIXES: &[&str] = &[
    "you must be logged in",
    "your email address will not be published",
    "required fields are marked",
    "save my name",
];
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
/// Words by which a page speaks to its reader ("you", the formal German "Sie" only capitalised,
/// see [`reader_address`]), lower case: the one list the cleaner reads "you" from, for the
/// site's words below the report as for the prompts, cookie notices and footers of
/// [`super::furniture`].
const READER_WORDS: &[&str] = &[
    "you", "your", "yours", "you're", "you’re", "du", "dich", "dir", "dein", "deine", "deinen", "vous",
    "votre", "vos", "usted", "ustedes", "jij", "jouw",
];
/// The formal German "you", capitalised mid-sentence.
const FORMAL_READER_WORDS: &[&str] = &["Sie", "Ihr", "Ihre", "Ihnen", "Ihren", "Ihrem", "Ihrer"];
/// Words by which a site speaks of itself ("we", "our"), lower case.
const HOUSE_WORDS: &[&str] = &[
    "we", "our", "us", "we're", "we’re", "wir", "uns", "unser", "unsere", "unseren", "unserem", "nous",
    "notre", "nos", "nosotros", "nuestro", "nuestra", "nuestros", "nuestras", "wij", "ons", "onze",
];
/// Stems by which a site asks its reader to pay, subscribe, sign up or donate, lower case, in the
/// languages of [`READER_WORDS`] ("abonn" is German, French and Dutch; "unterstütz" German).
const SUPPORT_CUES: &[&str] = &[
    "subscri",
    "sign up",
    "newsletter",
    "donat",
    "support",
    "membership",
    "become a member",
    "premium",
    "abonn",
    "unterstütz",
    "spende",
    "soutenez",
    "soutenir",
    "soutien",
    "suscri",
    "donaci",
    "apoy",
    "steun",
    "lid worden",
    "word lid",
];
/// A biography paragraph has at most this many words.
const BIO_MAX_WORDS: usize = 80;
/// The role word of a biography comes within this many words of the name.
const BIO_ROLE_REACH: usize = 12;
/// First words of a paragraph that cannot be a dateline place name.
const NOT_PLACES: &[&str] = &[
    "Note",
    "Update",
    "Updated",
    "Editor",
    "Correction",
    "Breaking",
    "Exclusive",
    "Analysis",
    "Opinion",
    "Watch",
    "Q",
    "A",
];

/// Noise recognisable from the line alone, wherever it sits.
pub(crate) fn line_noise(line: &str, outlets: &[KnownOutlet]) -> Option<NoiseKind> {
    if is_markup_shown_as_text(line) {
        return Some(NoiseKind::Markup);
    }
    if is_related_link(line) {
        return Some(NoiseKind::RelatedLink);
    }
    // Every other rule is for short lines; lower-case them once.
    if line.len() > 200 {
        return furniture::furniture(line);
    }
    let lower = line.to_lowercase();
    if advert(line, &lower) {
        Some(NoiseKind::Advert)
    } else if comment_prompt(line, &lower) {
        Some(NoiseKind::CommentPrompt)
    } else if footer(line, &lower) {
        Some(NoiseKind::LegalFooter)
    } else if outlets.iter().any(|o| o.markers.contains(&line)) {
        Some(NoiseKind::HouseMarker)
    } else {
        furniture::furniture(line)
    }
}

/// Markup printed as text is removed when its line is at least this long.
const MARKUP_LINE_BYTES: usize = 150;

/// A page's markup printed as text (a `<noscript>` fallback for an advert or a tracking pixel:
/// `<div><a href="…"><img src="…"></a></div>`): a long line of tags with attributes, opening and
/// closing with a tag, with hardly a word outside them, which would otherwise pass for a paragraph
/// by its length. A tutorial's short lines of HTML (`<div class="badge">`) are its text.
fn is_markup_shown_as_text(line: &str) -> bool {
    let t = line.trim();
    if t.len() < MARKUP_LINE_BYTES {
        return false;
    }
    let opens_tag = t.starts_with('<') && t[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
    if !opens_tag || !t.ends_with('>') || !(t.contains("=\"") || t.contains("='")) {
        return false;
    }
    let mut outside = String::new();
    let mut in_tag = false;
    for c in t.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                outside.push(' ');
            }
            _ if !in_tag => outside.push(c),
            _ => {}
        }
    }
    outside.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() < 3
}

/// "Read more: ...", "READ MORE ...", "Related: ...": a cue followed by a separator, the line's end,
/// or (when the cue is in capitals) a space.
pub(crate) fn is_related_link(line: &str) -> bool {
    if line.len() > 400 {
        return false;
    }
    let cued = RELATED_PREFIXES.iter().any(|prefix| {
        let Some(head) = line.get(..prefix.len()) else { return false };
        if !head.eq_ignore_ascii_case(prefix) {
            return false;
        }
        let rest = &line[prefix.len()..];
        let shouted = head.chars().all(|c| !c.is_lowercase()) && rest.starts_with(' ');
        rest.is_empty() || shouted || rest.trim_start().starts_with([':', '-', '–', '—', '|', '»', '›', '>'])
    });
    cued && words_up_to(line, 30) <= 30
}

/// Short lines selling ad space or marking sponsored content.
#[cfg(test)]
fn is_advert(line: &str) -> bool {
    advert(line, &line.to_lowercase())
}

fn advert(line: &str, lower: &str) -> bool {
    line.len() <= 120
        && !line.ends_with('.')
        && (AD_CUES.iter().any(|cue| lower.contains(cue)) || matches!(lower, "ad" | "ads" | "advertisement"))
        && words_up_to(line, 8) <= 8
}

/// "Leave a Reply", "Comments", "You must be logged in to post a comment."
pub(crate) fn is_comment_prompt(line: &str) -> bool {
    comment_prompt(line, &line.to_lowercase())
}

fn comment_prompt(line: &str, lower: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    let core = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    COMMENT_PROMPTS.contains(&core) || COMMENT_FORM_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// "© 2024 Some Site. All rights reserved."
fn footer(line: &str, lower: &str) -> bool {
    let cued =
        line.starts_with('©') || lower.starts_with("copyright ") || lower.contains("all rights reserved");
    cued && words_up_to(line, 15) <= 15
}

/// A page's site banner ("| Welcome to Global Village Space", "Home | World | Middle East"): the
/// byte range of the site's name in the line, when the banner says it.
pub(crate) fn site_banner(line: &str) -> Option<Option<(usize, usize)>> {
    if line.len() > 160 || words_up_to(line, 12) > 12 || line.ends_with('.') {
        return None;
    }
    let body = line.trim_start_matches(|c: char| c == '|' || c.is_whitespace());
    let offset = line.len() - body.len();
    if let Some(head) = body.get(..11) {
        if head.eq_ignore_ascii_case("welcome to ") {
            let name = body[11..].trim_end_matches(|c: char| matches!(c, '!' | '|') || c.is_whitespace());
            let name = name.trim_start();
            let start = line.len() - line[offset + 11..].trim_start().len();
            return Some((!name.is_empty()).then_some((start, start + name.len())));
        }
    }
    let separators = line.matches(" | ").count() + line.matches(" » ").count() + line.matches(" > ").count();
    (line.starts_with('|') || line.ends_with('|') || separators >= 2).then_some(None)
}

/// A house marker not in the table: one to three capital letters alone on a line, in the headline
/// block (where the "TT" of Asharq Al-Awsat sits).
pub(crate) fn is_marker_shaped(line: &str) -> bool {
    (1..=3).contains(&line.len()) && line.bytes().all(|b| b.is_ascii_uppercase())
}

/// "By Jane Doe", "Von Ulrich Exner" on its own line: the byline ([`stated::byline_name`]).
pub(crate) fn is_byline(line: &str) -> bool {
    stated::byline_name(line).is_some_and(|(s, e)| !ends_like_sentence(without_bracketed_field(&line[s..e])))
}

/// A byline's name without the field of its trade in brackets at its end ("Robin Amberg,
/// Volontär (Sport)" → "Robin Amberg, Volontär"): one to three words in brackets, no sentence in
/// them, so that the closing bracket is not read as a sentence's end.
fn without_bracketed_field(name: &str) -> &str {
    let Some(open) = name.rfind(" (") else { return name };
    let inside = &name[open + 2..];
    let Some(field) = inside.strip_suffix(')') else { return name };
    let words = words_up_to(field, 4);
    if (1..=3).contains(&words) && !field.contains(['.', '!', '?', '(', ')', ':', ';']) {
        name[..open].trim_end()
    } else {
        name
    }
}

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
    /// An agency or a reporter after the caption's full stop ("… in Kyiv on Monday. Reuters").
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
        if agency
            && line[..at].split_whitespace().count() >= GLUED_CAPTION_WORDS
            && line[at + 1..].starts_with(char::is_whitespace)
        {
            return Some(split(at + 1, line.len() - credit.len(), CreditCue::Agency));
        }
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

/// Words inside a caption's closing brackets that say they credit the picture: a picture's own
/// words ("Courtesy of …", "AP Photo/…", "… via Getty Images"), or names joined by a slash with a
/// capital on each side ("Ed Murray/The Star-Ledger").
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

/// What a line says to its reader, outside quotation marks (a quote's "you" and "we" are the
/// speaker's): whether it speaks to them ([`READER_WORDS`]) and whether it speaks of "we"
/// ([`HOUSE_WORDS`]). Words between a pair of quotation marks are left out ("„Guten Morgen“:
/// Unser Newsletter bringt Ihnen …" speaks to the reader); a line with a quotation mark left
/// open (a quote running on from the line before or into the next) says neither.
pub(crate) fn reader_address(line: &str) -> (bool, bool) {
    let is_quote_mark = |c: char| matches!(c, '"' | '“' | '”' | '„' | '«' | '»');
    if line.chars().filter(|&c| is_quote_mark(c)).count() % 2 == 1 {
        return (false, false);
    }
    // Most lines quote nothing: they are read as they are, with no copy.
    let unquoted: std::borrow::Cow<'_, str> = if line.contains(is_quote_mark) {
        let mut quoted = false;
        line.chars()
            .filter(|&c| {
                quoted ^= is_quote_mark(c);
                !quoted && !is_quote_mark(c)
            })
            .collect::<String>()
            .into()
    } else {
        line.into()
    };
    let (mut you, mut we) = (false, false);
    let mut sentence_start = true;
    // Whether the word before was capitalised and not the sentence's first: a name goes on.
    let mut in_name = false;
    for word in unquoted.split_whitespace() {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = w.to_lowercase();
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        // A capitalised "Sie" or "Ihnen" opening a sentence or a clause after a colon may be
        // "they", "them" ("… vom schiitischen Islam. Sie machen drei Prozent aus", "Es ist klar:
        // Ihnen geht das nicht weit genug"). A capitalised word right after a name is the name's
        // ("Yuhuan Du").
        let reader_word = READER_WORDS.contains(&lower.as_str()) && !(capitalised && in_name);
        you |= reader_word || (!sentence_start && FORMAL_READER_WORDS.contains(&w));
        let ends_sentence =
            word.trim_end_matches(['"', '”', '’', '\'', ')', '»']).ends_with(['.', '!', '?', ':']);
        in_name = capitalised && !sentence_start && !ends_sentence;
        sentence_start = ends_sentence;
        // "US" in capitals is the country.
        we |= HOUSE_WORDS.contains(&lower.as_str()) && !(w.len() > 1 && w.chars().all(|c| c.is_uppercase()));
    }
    (you, we)
}

/// True when `line` asks its reader for money or a sign-up ([`SUPPORT_CUES`]); whether it speaks
/// to the reader is [`reader_address`]'s to say.
pub(crate) fn asks_for_support(line: &str) -> bool {
    let lower = line.to_lowercase();
    SUPPORT_CUES.iter().any(|cue| lower.contains(cue))
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

/// A line ending in a dangling separator ("King Charles Makes It Clear -"), the shape of a scraped
/// list of other headlines.
pub(crate) fn has_dangling_separator(line: &str) -> bool {
    [" -", " –", " —", " |", " »", " ›"].iter().any(|s| line.ends_with(s))
}

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

/// The dateline at the start of a first paragraph ("Baghdad:", "BAGHDAD (Reuters) -"): its byte
/// length in the paragraph.
pub(crate) fn dateline_len(paragraph: &str) -> Option<usize> {
    let mut cut = paragraph.len().min(48);
    while !paragraph.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &paragraph[..cut];
    // "Place:" followed by a space.
    if let Some(colon) = head.find(": ") {
        let place = &head[..colon];
        if is_place(place) {
            return Some(colon + 1);
        }
    }
    // "PLACE (Agency) -", "PLACE, Jan 9 (Agency) -" or "PLACE —": a shouted place, then the dash.
    for dash in [" - ", " — ", " – ", " -- "] {
        if let Some(at) = head.find(dash) {
            let before = head[..at].trim_end();
            let place = before.split([',', '(']).next().unwrap_or(before).trim_end();
            // Four letters at least: "US - Iraq talks" is not a dateline.
            let shouted = place.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && !place.chars().any(char::is_lowercase);
            if shouted && is_place(place) {
                return Some(at + dash.trim_end().len());
            }
        }
    }
    None
}

fn is_place(place: &str) -> bool {
    let words: Vec<&str> = place.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && !NOT_PLACES.contains(&words[0])
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’' | ','))
        })
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn related_links_need_a_separator_or_capitals() {
        assert!(is_related_link("Read more:\u{a0}Iraq-US strategic talks set to begin"));
        assert!(is_related_link("READ MORE Iraq’s oil exports rise"));
        assert!(is_related_link("Related: Kadhimi heads to Washington"));
        assert!(names_related_box("Recommended related news"));
        assert!(names_related_box("Ähnliche Nachrichten"));
        assert!(names_related_box("Artículos Relacionados"));
        assert!(!names_related_box("Related to the findings, the team is now testing it."));
        assert!(!names_related_box("Unrelated costs"));
        assert!(is_related_link("Related Story"));
        assert!(is_related_link("Related Article"));
        assert!(!is_related_link("Related stories ran in three papers on Monday."));
        assert!(!is_related_link("Related talks will follow in the autumn, officials said."));
        assert!(!is_related_link("Read more about it in the report, the source said."));
    }

    #[test]
    fn markup_printed_as_text_is_noise_but_a_sentence_about_tags_is_not() {
        let fallback = r#"<div><a href="http://ad.example.net/jump/mac;sz=300x250" target="_blank"><img src="http://ad.example.net/ad/mac;sz=300x250" width="300" height="250" border="0" alt=""></a></div>"#;
        assert_eq!(line_noise(fallback, &[]), Some(NoiseKind::Markup));
        let pixel = r#"<img id="avw_pixel_intern" src="/avw-bin/ivw/CP/barfoo/ho/2585134/0.gif" width="1" height="1" alt="" border="0" style="position:absolute; left:0; top:0; visibility:hidden">"#;
        assert_eq!(line_noise(pixel, &[]), Some(NoiseKind::Markup));
        // A tutorial's lines of HTML are short.
        assert_eq!(line_noise(r#"<link rel="stylesheet" media="all" href="vendor/mocha.css">"#, &[]), None);
        assert_eq!(
            line_noise("<p>The council met on Monday and agreed the fares would rise in May.</p>", &[]),
            None
        );
        assert_eq!(line_noise("<b> is bold and <i> is italic, the tutorial says.", &[]), None);
    }

    #[test]
    fn adverts_and_prompts_are_short_lines() {
        assert!(is_advert("Only $1/click"));
        assert!(is_advert("Submit Your Ad Here"));
        assert!(is_advert("ADVERTISEMENT"));
        assert!(!is_advert("The company said the advertising market had collapsed in Iraq last year."));
        assert!(is_comment_prompt("Leave a Reply"));
        assert!(is_comment_prompt("Leave a comment."));
        assert!(!is_comment_prompt("Comments by the minister angered the factions."));
    }

    #[test]
    fn banners_name_their_site() {
        let line = "| Welcome to Global Village Space";
        let (s, e) = site_banner(line).flatten().unwrap();
        assert_eq!(&line[s..e], "Global Village Space");
        assert_eq!(site_banner("Home | World | Middle East"), Some(None));
        assert_eq!(site_banner("Welcome to the new era, he said."), None);
    }

    #[test]
    fn a_line_speaks_to_its_reader_outside_quotation_marks() {
        assert_eq!(reader_address("Follow us on Google News to see our stories in your feed."), (true, true));
        assert_eq!(reader_address("Sollten Ihnen Fehler aufgefallen sein, schreiben Sie uns."), (true, true));
        assert_eq!(reader_address("Abonniere den Kanal und du bekommst unsere News."), (true, true));
        assert_eq!(reader_address("We noticed you’re using an ad blocker."), (true, true));
        // A quote's "you" and "we" are the speaker's; "US" in capitals is the country; "Sie"
        // opening a sentence may be "they".
        assert_eq!(reader_address("“We will not leave you behind,” the minister said."), (false, false));
        assert_eq!(reader_address("The US said the talks would go on."), (false, false));
        assert_eq!(reader_address("Sie sagten, die Gespräche gingen weiter."), (false, false));
        assert_eq!(reader_address("Viele leben im Süden. Sie machen drei Prozent aus."), (false, false));
        assert_eq!(reader_address("Es ist klar: Ihnen geht das nicht weit genug."), (false, false));
        assert_eq!(reader_address("The council said it would meet again in May."), (false, false));
        assert_eq!(
            reader_address("„Guten Morgen“: Unser Newsletter bringt Ihnen die Nachrichten."),
            (true, true)
        );
        assert_eq!(reader_address("He said: “You will see.” She left."), (false, false));
        assert_eq!(reader_address("“You will see,” she said, “we always win."), (false, false));
        // A surname is not the German "you"; a sentence after a name may open with "You".
        assert_eq!(
            reader_address("We thank everyone who worked on it: Peng Kang and Yuhuan Du."),
            (false, true)
        );
        assert_eq!(reader_address("Oh, RiRi. You truly are an icon."), (true, false));
    }

    #[test]
    fn an_appeal_asks_for_money_or_a_sign_up_in_any_of_the_page_languages() {
        assert!(asks_for_support("If you value what we do, please become a member today."));
        assert!(asks_for_support("Dann machen Sie mit und unterstützen Sie unsere Aktion."));
        assert!(asks_for_support("C’est la promesse de nos offres PREMIUM : vous fournir des analyses."));
        assert!(!asks_for_support("The council said it would meet again in May."));
    }

    #[test]
    fn credit_lines_and_bios() {
        assert!(is_credit_line("AFP with additional input by GVS News Desk"));
        assert!(is_credit_line("Additional reporting by Jane Doe; editing by John Roe"));
        assert!(is_credit_line("(Reuters)"));
        // A trade's field in brackets ends a byline; a sentence in brackets does not.
        assert!(is_byline("Von Robin Amberg, Volontär (Sport)"));
        assert!(!is_byline("By the way, the council met (again)."));
        assert!(!is_credit_line("AFP also reported on the increase in rocket attacks on US positions."));
        assert!(is_author_bio("Joyce Davis", "My history goes back to 2002 and I worked as a reporter."));
        assert!(is_author_bio("Sarah Malik", "Sarah is a correspondent based in Beirut."));
        assert!(!is_author_bio(
            "Requires US Support",
            "It has been three years since the government declared victory."
        ));
    }

    #[test]
    fn datelines() {
        let p = "Baghdad: Iraqi Prime Minister Mustafa al-Kadhemi faces daily pressure";
        assert_eq!(dateline_len(p).map(|n| &p[..n]), Some("Baghdad:"));
        let p = "BAGHDAD (Reuters) - Iraq said on Monday";
        assert_eq!(dateline_len(p).map(|n| &p[..n]), Some("BAGHDAD (Reuters) -"));
        let p = "BAGHDAD, Jan 9 (Reuters) - Iraq's parliament elected a speaker";
        assert_eq!(dateline_len(p).map(|n| &p[..n]), Some("BAGHDAD, Jan 9 (Reuters) -"));
        assert_eq!(dateline_len("US - Iraq talks resumed on Monday."), None);
        assert_eq!(dateline_len("Update: the minister resigned."), None);
        assert_eq!(dateline_len("He said: this is not over."), None);
    }

    #[test]
    fn headings_and_headline_lists() {
        assert!(is_heading_shaped("Requires US Support"));
        assert!(is_heading_shaped("No ‘hard fast timelines’ for cutting down US troops in Iraq"));
        assert!(!is_heading_shaped("The source confirmed it."));
        assert!(has_dangling_separator(
            "King Charles Makes It ‘absolutely Clear’ He Wants To Solve Royal Crisis -"
        ));
        assert!(is_headline_shaped(
            "Will Andrew Finally Go To Jail Now That King Charles Has Spoken Out? Expert Answers"
        ));
        assert!(!is_headline_shaped(
            "Three days later, 13 were released on the decision of a Hashed military judge."
        ));
    }
}
