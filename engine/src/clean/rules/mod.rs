//! Noise rules: what page furniture looks like, by prefix, line shape and cue words. In each file
//! the cue lists are data at the top; the functions below only say where and how they apply.
//!
//! This file holds the rules read from a line alone (adverts, comment prompts, footers, banners,
//! related links, bylines, datelines); the others are by what the line belongs to:
//! - [`credits`]: a picture's credit and the credit lines under an article;
//! - [`captions`]: a picture's caption without its credit;
//! - [`authors`]: an author's biography and trade line;
//! - [`reader`]: the site speaking to its reader, an appeal for money or a sign-up;
//! - [`headlines`]: other stories' headlines and the cues that head a list of them.

mod authors;
mod captions;
mod credits;
mod headlines;
mod reader;

pub(crate) use authors::{bio_subject, is_author_bio, is_bio_of, is_bio_of_one_of, is_trade_line};
pub(crate) use captions::{caption_label, places_people_in_a_picture, LabelledCaption};
pub(crate) use credits::{is_credit_line, is_picture_credit_alone, photo_credit};
pub(crate) use headlines::{
    is_heading_shaped, is_headline_list_cue, is_headline_list_line, is_headline_shaped, is_kicker_headline,
    is_link_label, names_related_box,
};
pub(crate) use reader::{asks_for_support, reader_address};

use super::lines::{ends_like_sentence, words_up_to};
use super::outlets::KnownOutlet;
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

/// A line ending in a dangling separator ("King Charles Makes It Clear -"), the shape of a scraped
/// list of other headlines.
pub(crate) fn has_dangling_separator(line: &str) -> bool {
    [" -", " –", " —", " |", " »", " ›"].iter().any(|s| line.ends_with(s))
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
    use super::*;

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
