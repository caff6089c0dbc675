//! Splitting a file that holds several articles.
//!
//! A new article starts at a headline-shaped line after two or more blank lines that opens a
//! scraped headline block: the same line again a few lines on (the duplicated title), or a house
//! marker ("TT") right after it. Two blank lines alone never split (writers leave those inside
//! articles too).

use super::lines::{bullet_glyph_len, is_separator_line, words_up_to, Line};
use super::outlets::{self, KnownOutlet};
use super::rules;

/// How far (in non-blank lines) the duplicated headline or the house marker may follow the headline.
const HEADLINE_BLOCK_LINES: usize = 8;
/// A menu item has at most this many words.
const MENU_WORDS: usize = 3;
/// This many menu items in a row make a menu.
const MENU_RUN: usize = 4;

/// Index (into `lines`) of the first line of each article; always starts with 0 when there are lines.
pub(crate) fn article_starts(lines: &[Line<'_>], outlets: &[KnownOutlet]) -> Vec<usize> {
    let mut starts = Vec::new();
    if lines.is_empty() {
        return starts;
    }
    starts.push(0);
    if has_menu(lines) {
        return starts;
    }
    for (i, line) in lines.iter().enumerate().skip(1) {
        if line.blanks_before >= 2 && is_headline(line.text) && opens_headline_block(lines, i, outlets) {
            starts.push(i);
        }
    }
    starts
}

/// True when the file holds a site's menu: a run of [`MENU_RUN`] short lines in a row (marker
/// and separator lines aside). Such a file is one copied page, whatever repeats in it: its menus,
/// section names and teasers repeat lines as a scraped headline block does, and its avatars'
/// initials look like house markers.
fn has_menu(lines: &[Line<'_>]) -> bool {
    let mut run = 0;
    for line in lines {
        let t = line.text;
        let short = words_up_to(t, MENU_WORDS) <= MENU_WORDS
            && !rules::is_marker_shaped(t)
            && !is_separator_line(t)
            && !t.ends_with(['.', '!', '?']);
        run = if short { run + 1 } else { 0 };
        if run >= MENU_RUN {
            return true;
        }
    }
    false
}

fn is_headline(text: &str) -> bool {
    text.len() <= 400
        && words_up_to(text, 30) <= 30
        && !is_separator_line(text)
        && bullet_glyph_len(text).is_none()
}

fn opens_headline_block(lines: &[Line<'_>], i: usize, outlets: &[KnownOutlet]) -> bool {
    let title = lines[i].text;
    let window = &lines[i + 1..lines.len().min(i + 1 + HEADLINE_BLOCK_LINES)];
    window.iter().any(|l| {
        l.text == title || rules::is_marker_shaped(l.text) || outlets::by_marker(outlets, l.text).is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::super::lines::split_lines;
    use super::super::outlets::KNOWN_OUTLETS;
    use super::*;

    #[test]
    fn a_repeated_headline_after_two_blank_lines_starts_an_article() {
        let text = "First\n\nCap\nCap\nTT\n\nFirst\n\nBody one.\n\n\nSecond\n\nPic (AP)\nTT\n\nSecond\n\nBody two.\n";
        let (lines, _) = split_lines(text, 0);
        let starts: Vec<&str> =
            article_starts(&lines, KNOWN_OUTLETS).iter().map(|&i| lines[i].text).collect();
        assert_eq!(starts, ["First", "Second"]);
    }

    #[test]
    fn a_copied_page_with_a_menu_is_one_article_whatever_repeats_in_it() {
        let text = "Home\nWorld\nSport\nAudio\n\n\nAudio\nAudio\nQuiet Earbuds Reviewed\n\nWe tested four pairs.\n\n\nPhones\nPhones\nJD\n";
        let (lines, _) = split_lines(text, 0);
        assert_eq!(article_starts(&lines, KNOWN_OUTLETS), [0]);
    }

    #[test]
    fn two_blank_lines_inside_an_article_do_not_split_it() {
        let text = "Title\n\nOne paragraph.\n\n\nOn the troop issue, an official said.\n";
        let (lines, _) = split_lines(text, 0);
        assert_eq!(article_starts(&lines, KNOWN_OUTLETS), [0]);
    }
}
