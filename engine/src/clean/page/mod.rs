//! Copied whole pages: telling the site's header, the article and the page's footer apart once
//! the main run of prose is known ([`super::content::main_run`]).
//!
//! - whether the segment is a whole page (a menu sits between its first line and the text);
//! - the headline: the nearest headline-shaped line above the text;
//! - the masthead: the site's name at the top;
//! - why a line outside the text was removed (a menu, a list of headlines, stray prose);
//! - furniture inside the text ([`body_furniture`], its passes in order in [`body`], what they
//!   share in [`pass`]): a line that recurs, a picture's credit and caption ([`credits`]), an
//!   author's box ([`authors`]), the site's words to its reader ([`reader`]), a related-headlines
//!   box, a run of short links ([`boxes`]).
//!
//! Lists of other stories' teasers at the end of the text are [`super::teasers`].

use super::content::{ends_like_sentence, is_prose, weight};
use super::dates::parse_date_line;
use super::lines::{bullet_glyph_len, title_case_ratio, Line};
use super::outlets::{split_credit, KnownOutlet};
use super::{furniture, rules, stated};
use crate::model::NoiseKind;
use std::collections::HashMap;

mod authors;
mod body;
mod boxes;
mod credits;
mod pass;
mod reader;

pub(crate) use body::body_furniture;
pub(crate) use pass::BodyContext;
pub(crate) use reader::{is_notice_to_the_reader, speaks_in_the_third_person, speaks_to_its_reader};

/// A line of at most this many words is a menu item when it sits among others like it.
const SHORT_WORDS: usize = 4;
/// Consecutive short lines that make a menu.
const MENU_RUN: usize = 3;
/// A line of the site's own name has at most this many words.
const SITE_LINE_WORDS: usize = 4;
/// A date and time with its controls has at most this many words.
const DATE_LINE_WORDS: usize = 6;
/// How far above the text the headline may sit (non-blank lines).
const TITLE_REACH: usize = 30;
/// Each line of such a box has at most this many words (a headline, a name, a date).
const BOX_LINE_WORDS: usize = 8;
/// A standfirst has at least this many words (a share bar or a reading time has fewer).
const STANDFIRST_WORDS: usize = 8;

/// True when the lines between the segment's first line and its text hold a menu: a run of short
/// lines, or more lines than a headline block ever has.
pub(crate) fn is_whole_page(
    lines: &[Line<'_>],
    first: usize,
    text_start: usize,
    outlets: &[KnownOutlet],
) -> bool {
    if text_start <= first {
        return false;
    }
    let mut run = 0;
    for line in &lines[first..text_start] {
        if weight(line.text) <= SHORT_WORDS && !is_prose(line.text) {
            run += 1;
            if run >= MENU_RUN {
                return true;
            }
        } else {
            run = 0;
        }
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for l in &lines[first..text_start] {
        *seen.entry(l.text).or_insert(0) += 1;
    }
    if seen.len() > 12 {
        return true;
    }
    // More lines between the first line and the text than a headline block explains (its
    // duplicates, captions, byline, date and house marker): a page header with a headline in it.
    let head = lines[first].text;
    let unexplained = lines[first + 1..text_start]
        .iter()
        .filter(|l| {
            let t = l.text;
            t != head
                && rules::line_noise(t, outlets).is_none()
                && !rules::is_marker_shaped(t)
                && parse_date_line(t).is_none()
                && stated::stated_line(t).is_none()
                && !rules::is_credit_line(t)
                && split_credit(outlets, t).is_none()
                && seen.get(t) == Some(&1)
        })
        .count();
    unexplained >= 3
}

/// A headline has at least this many words: a line of a word or two ("Next story") is a link's.
pub(crate) const MIN_TITLE_WORDS: usize = 3;

/// The site's own name as the page's web address or its own calls spell it
/// ([`stated::site_from_domain`], [`stated::brand_in_calls`]), read from the page's lines the
/// first time a line is asked about.
struct SiteNames<'l, 'a> {
    lines: &'l [Line<'a>],
    names: std::cell::OnceCell<Vec<&'a str>>,
}

impl<'l, 'a> SiteNames<'l, 'a> {
    fn of(lines: &'l [Line<'a>]) -> Self {
        SiteNames { lines, names: std::cell::OnceCell::new() }
    }

    /// Whether `text` holds one of the site's names (two characters or more).
    fn named_in(&self, text: &str) -> bool {
        let names = self.names.get_or_init(|| {
            let lines = self.lines;
            let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
            let domain = stated::site_from_domain(&texts);
            let brand = stated::brand_in_calls(&texts).map(|(at, _)| at);
            domain.into_iter().chain(brand).map(|(i, s, e)| &lines[i].text[s..e]).collect()
        });
        names.iter().any(|name| name.chars().count() >= 2 && text.contains(name))
    }
}

/// The headline of a whole page: the nearest line above the text (`text_start`) shaped like one
/// (a few words, not a date, byline, caption or furniture). `noise[i]` marks known furniture.
///
/// A line removed as a subscription prompt only for its label's shape that reads like a headline
/// ([`furniture::is_prompt_shaped_like_a_headline`]: "What We Learned From a Year of Our Weekly
/// Newsletter") may be it; a line of a word or two printed twice ("Next story") is not.
pub(crate) fn find_title(
    lines: &[Line<'_>],
    noise: &[bool],
    from: usize,
    text_start: usize,
    outlets: &[KnownOutlet],
) -> Option<usize> {
    let lo = from.max(text_start.saturating_sub(TITLE_REACH));
    let candidate = |i: usize, min_words: usize| {
        let t = lines[i].text;
        let w = weight(t);
        (!noise[i] || furniture::is_prompt_shaped_like_a_headline(t))
            && (min_words..=40).contains(&w)
            && t.len() <= 400
            && !(is_prose(t) && t.ends_with('.') && w > 12)
            && parse_date_line(t).is_none()
            && stated::stated_line(t).is_none()
            && !rules::is_credit_line(t)
            && !split_credit(outlets, t).is_some_and(|c| ends_like_sentence(&t[..c.caption_end]))
            && rules::photo_credit(t).is_none_or(|c| c.may_be_headline())
            && bullet_glyph_len(t).is_none()
            && !is_date_and_time_line(t)
    };
    // The site's own name on a line of its own above the date ("The West Australian" under the
    // headline), as its web address or its own calls spell it: never the headline.
    let site = SiteNames::of(lines);
    let names_the_site = |i: usize| {
        let t = lines[i].text.trim();
        weight(t) <= SITE_LINE_WORDS && site.named_in(t)
    };
    // The title of a video right above its player's controls ("Archäologie: Bemerkenswerte Funde
    // 2024" over "autoplay") is the video's, not the article's.
    let titles_a_player = |i: usize| lines.get(i + 1).is_some_and(|l| furniture::is_player_controls(l.text));
    let candidate =
        |i: usize, min_words: usize| candidate(i, min_words) && !names_the_site(i) && !titles_a_player(i);
    // A headline printed twice in a row (the page's header above the article's own) is the
    // headline, whatever sits between it and the text (a standfirst, a date, a share bar).
    let printed_twice = (lo..text_start.saturating_sub(1))
        .rev()
        .find(|&i| lines[i].text == lines[i + 1].text && !noise[i + 1] && candidate(i + 1, 2))
        .map(|i| i + 1);
    // A line of a word or two printed twice ("Next story") is a link's, not the headline.
    let printed_twice = printed_twice.filter(|&i| weight(lines[i].text) >= MIN_TITLE_WORDS);
    printed_twice
        .or_else(|| (lo..text_start).rev().find(|&i| candidate(i, 3)))
        .or_else(|| (lo..text_start).rev().find(|&i| candidate(i, 2)))
}

/// A short line mostly of figures, a date and a time with a word or two ("28.4.2023 18:41 Uhr
/// teilen", "12:04 PM EST · Updated"): the page's date line with its controls, never a headline.
fn is_date_and_time_line(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let figures = words.iter().filter(|w| w.chars().any(|c| c.is_ascii_digit())).count();
    words.len() <= DATE_LINE_WORDS && figures >= 2 && figures * 2 >= words.len()
}

/// A standfirst: the summary a page prints between its headline and its text, one or two
/// sentences of at least [`STANDFIRST_WORDS`] words ("Berlin. Die Ex-Grünen-Vorsitzende attackiert
/// Julia Klöckner. Mit Symboldebatten, so Lang, schade sie ihrem Amt.").
pub(crate) fn is_standfirst(text: &str) -> bool {
    weight(text) >= STANDFIRST_WORDS && is_prose(text) && ends_like_sentence(text)
}

/// The site's name at the top of a page ("Harbor City Times" above the menu): the first line
/// before the headline shaped like a name of two to six capitalised words, or one word that the
/// page names again elsewhere.
pub(crate) fn masthead(lines: &[Line<'_>], noise: &[bool], title_at: usize) -> Option<usize> {
    let i = (0..title_at.min(12)).find(|&i| !noise[i] && parse_date_line(lines[i].text).is_none())?;
    let t = lines[i].text;
    let words: Vec<&str> = t.split_whitespace().collect();
    let name_shaped = t.len() <= 48
        && (1..=6).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '&' | '.'))
                && (w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(*w, "of" | "the" | "and" | "&" | "de" | "al" | "el"))
        })
        && title_case_ratio(t) >= 0.99;
    if !name_shaped {
        return None;
    }
    // Section names look the same ("World News"): the site's name is the page's first line, or
    // the page names it again in a longer line (its copyright line, "More from ...").
    // A button a notice quotes ("By clicking “Accept and Continue” below …") is no such name.
    let quoted = ['“', '"', '‘', '\'', '«', '„']
        .iter()
        .any(|q| lines.iter().any(|l| l.text.match_indices(t).any(|(at, _)| l.text[..at].ends_with(*q))));
    let named_again =
        || lines.iter().enumerate().any(|(j, l)| j != i && weight(l.text) >= 3 && l.text.contains(t));
    if quoted {
        return None;
    }
    ((i == 0 && words.len() >= 2) || named_again()).then_some(i)
}

/// Why a line outside the article text was removed, from its shape.
pub(crate) fn outside_reason(text: &str) -> NoiseKind {
    if weight(text) <= SHORT_WORDS && !is_prose(text) {
        NoiseKind::Navigation
    } else if rules::is_headline_shaped(text) || rules::has_dangling_separator(text) {
        NoiseKind::UnrelatedHeadlines
    } else {
        NoiseKind::OutsideArticle
    }
}

/// A line that gives a date ("June 5, 2023", "Posted by News Desk | July 27, 2021").
fn is_date_line(line: &str) -> bool {
    parse_date_line(line).is_some() || stated::stated_line(line).is_some_and(|s| s.date.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_of(text: &str) -> &str {
        let (lines, _) = super::super::lines::split_lines(text, 0);
        let at = find_title(&lines, &vec![false; lines.len()], 0, lines.len() - 1, &[]).expect("a title");
        lines[at].text
    }

    #[test]
    fn the_headline_is_above_the_byline_and_the_picture_s_credit_not_them() {
        let page = "Neue Brücke über den Rhein: Bauarbeiten beginnen im Frühjahr\nVon Marta Keller und Jonas Brandt\nFoto: Stadt Hafenstadt\nDer Stadtrat hat am Dienstagabend den letzten Auftrag vergeben.";
        assert_eq!(title_of(page), "Neue Brücke über den Rhein: Bauarbeiten beginnen im Frühjahr");
        let english = "Job Woes Linger in 29 States as U.S. Recovers Unevenly\nBy Jane Roe, Omar Hassan, Kim Fusaro and Dan Goodin\nPhotographer: Mark Elias/Bloomberg\nThe text.";
        assert_eq!(title_of(english), "Job Woes Linger in 29 States as U.S. Recovers Unevenly");
        // A headline printed twice is the headline, above a standfirst and a date with controls.
        let twice = "Ein bisschen Fortschritt\nEin bisschen Fortschritt\nDas alte Gesetz ist bald Geschichte. Das neue sollte nicht verwässert werden.\n28.4.2023 18:41 Uhr teilen\nDer Text.";
        assert_eq!(title_of(twice), "Ein bisschen Fortschritt");
        // "Von" opening a headline is no byline.
        let from_to = "Von München bis Aachen: Im Netz der China-Agenten\nDer Text.";
        assert_eq!(title_of(from_to), "Von München bis Aachen: Im Netz der China-Agenten");
    }
}
