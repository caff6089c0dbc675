//! Boxes and runs of lines inside the text that are not the article's: a reader poll, a cookie
//! table, a related-headlines box, a list of links, a box of headlines with a kicker, a box under
//! its header, a menu or a run of headlines.

use super::super::content::weight;
use super::super::lines::{bullet_glyph_len, title_case_ratio, Line};
use super::super::{furniture, rules};
use super::pass::{run_end, Pass};
use super::{BOX_LINE_WORDS, MENU_RUN};
use crate::model::NoiseKind;

/// Inside the text, a menu item has at most this many words.
const MENU_ITEM_WORDS: usize = 3;
/// Consecutive headline-shaped lines that make a list of other stories.
const HEADLINE_RUN: usize = 4;
/// Lines without a sentence under a removed line that make a box inside the text.
const BOX_LINES: usize = 4;
/// Lines in a row ending with the same note in brackets that make a list of links.
const LINK_LIST_LINES: usize = 3;
/// Such a note has at least this many words.
const LINK_NOTE_WORDS: usize = 3;
/// Headlines with a kicker ("Analysis: Why …") in one box inside the text that make it a box of
/// other stories, at least.
const KICKER_BOX_HEADLINES: usize = 3;
/// A reader poll's question has this many words.
const POLL_QUESTION_WORDS: std::ops::RangeInclusive<usize> = 4..=30;
/// A poll offers at least this many answers ...
const POLL_MIN_ANSWERS: usize = 3;
/// ... of at most this many words each.
const POLL_ANSWER_WORDS: usize = 8;
/// Yes and no, opening a poll's answers ("Ja, unbedingt.", "No, neither will run."), lower case.
const POLL_YES_NO: &[&str] =
    &["yes", "no", "ja", "nein", "oui", "non", "sí", "si", "nee", "nej", "sim", "não"];

/// A reader poll inside the text: a question and three or more short answers to pick from, each
/// on a line of its own, one of them a yes or a no, or the question asking the reader ("Welches
/// dieser Mittel ist dein Favorit …?" / "Eine wärmende Suppe." / … / "Ich habe kein spezielles
/// Mittel."). An article's question is followed by its answer in sentences.
pub(super) fn reader_polls(p: &mut Pass<'_, '_, '_>) {
    let mut k = 0;
    while k < p.body.len() {
        let answers = poll_answers(p.ctx.lines, p.body, &p.taken, k);
        if answers == 0 {
            k += 1;
            continue;
        }
        p.take(k..=k + answers, NoiseKind::OutsideArticle);
        k += answers + 1;
    }
}

/// A table most of whose rows are cookie notices (a consent manager's list of cookies, cells
/// apart by tabs) is one, every row of it.
pub(super) fn cookie_tables(p: &mut Pass<'_, '_, '_>) {
    let body = p.body;
    let lines = p.ctx.lines;
    let tabbed = |i: usize| lines[i].text.contains('\t');
    let mut table: Option<(usize, usize, bool)> = None;
    for (k, &i) in body.iter().enumerate() {
        if p.taken[k] || !tabbed(i) {
            continue;
        }
        let cookies = match table.filter(|&(a, b, _)| (a..=b).contains(&i)) {
            Some((_, _, cookies)) => cookies,
            None => {
                let (mut a, mut b) = (i, i);
                while a > 0 && tabbed(a - 1) {
                    a -= 1;
                }
                while b + 1 < lines.len() && tabbed(b + 1) {
                    b += 1;
                }
                let n_cookie = (a..=b)
                    .filter(|&j| furniture::furniture(lines[j].text) == Some(NoiseKind::CookieNotice))
                    .count();
                let cookies = n_cookie * 2 > b - a;
                table = Some((a, b, cookies));
                cookies
            }
        };
        if cookies {
            p.take([k], NoiseKind::CookieNotice);
        }
    }
}

/// A related-headlines box: its cue, then every non-prose line up to the next prose line. A
/// link's label inside the text ("Read More", "Lesen Sie auch") heads such a box too, whether
/// or not it was already removed (as a line the page repeats, or as a related link), and
/// leaves with it even when its headline left before (printed again in a most-read list).
/// Whether the line right above line `i` was removed before the body was read (a removed line
/// is never one of the body's).
pub(super) fn related_boxes(p: &mut Pass<'_, '_, '_>) {
    let ctx = p.ctx;
    let body = p.body;
    let lines = p.ctx.lines;
    let removed_right_above = |i: usize| i > 0 && ctx.removed.get(i - 1).is_some_and(Option::is_some);
    let label_removed_above =
        |k: usize| removed_right_above(body[k]) && rules::is_link_label(lines[body[k] - 1].text);
    let mut k = 0;
    while k < body.len() {
        let text = lines[body[k]].text;
        if (!p.taken[k] && (rules::is_headline_list_cue(text) || rules::names_related_box(text)))
            || rules::is_link_label(text)
            || (!p.prose[k] && label_removed_above(k))
        {
            let j = run_end(k, body.len(), |j| j == k || !p.prose[j]);
            p.take(k..j, NoiseKind::UnrelatedHeadlines);
            k = j;
        } else {
            k += 1;
        }
    }
}

/// A list of links: lines in a row that end with the same note in brackets of some words, the
/// page's "(opens in a new tab)" after each link (a box of job ads, of partner offers), in
/// whatever language the page is in.
pub(super) fn link_lists(p: &mut Pass<'_, '_, '_>) {
    let body = p.body;
    let lines = p.ctx.lines;
    let mut k = 0;
    while k < body.len() {
        let note = link_note(lines[body[k]].text);
        let linked =
            |j: usize| !p.taken[j] && !p.prose[j] && note.is_some() && link_note(lines[body[j]].text) == note;
        let j = run_end(k, body.len(), |j| linked(j) && (j == k || body[j] == body[j - 1] + 1));
        if j - k >= LINK_LIST_LINES {
            p.take(k..j, NoiseKind::UnrelatedHeadlines);
            k = j;
        } else {
            k += 1;
        }
    }
}

/// A box of other stories' headlines inside the text with no cue above it: lines in a row with
/// no blank line and no sentence among them, at least half of them headlines with a kicker
/// ("Analysis: Why the port's dredging bill keeps growing", "Baufinanzierung: Experte warnt vor
/// teurem Fehler"). An article's own list under a colon gives its items in sentences or as
/// figures ("Berth fees: up 9 per cent from 1 July.").
pub(super) fn kicker_boxes(p: &mut Pass<'_, '_, '_>) {
    let body = p.body;
    let lines = p.ctx.lines;
    let mut k = 0;
    while k < body.len() {
        let joined = |j: usize| j == k || (body[j] == body[j - 1] + 1 && lines[body[j]].blanks_before == 0);
        let j = run_end(k, body.len(), |j| !p.prose[j] && !p.taken[j] && joined(j));
        let kickers = (k..j).filter(|&m| rules::is_kicker_headline(lines[body[m]].text)).count();
        if kickers >= KICKER_BOX_HEADLINES && kickers * 2 >= j - k {
            p.take(k..j, NoiseKind::UnrelatedHeadlines);
        }
        k = j.max(k + 1);
    }
}

/// Whether the line right above line `i` was removed before the body was read (a removed line
/// is never one of the body's).
pub(super) fn boxes_under_a_header(p: &mut Pass<'_, '_, '_>) {
    let ctx = p.ctx;
    let body = p.body;
    let lines = p.ctx.lines;
    let removed_right_above = |i: usize| i > 0 && ctx.removed.get(i - 1).is_some_and(Option::is_some);
    // A box inside the text under its header: right under a line already removed (the box's
    // header, "Stellenmarkt", "Anzeige"), lines with no sentence among them, up to where the text
    // goes on in sentences. An article's list sits under its own sentence, an article's heading
    // has its paragraph right under it.
    let removed_above = |k: usize, taken: &[bool]| {
        let taken_in_body = k > 0 && body[k - 1] + 1 == body[k] && taken[k - 1];
        removed_right_above(body[k]) || taken_in_body
    };
    let mut k = 0;
    while k < body.len() {
        if p.taken[k] || p.prose[k] || !removed_above(k, &p.taken) {
            k += 1;
            continue;
        }
        let j = run_end(k, body.len(), |j| !p.prose[j] && bullet_glyph_len(lines[body[j]].text).is_none());
        let open: Vec<usize> = (k..j).filter(|&m| !p.taken[m]).collect();
        let short = open.iter().all(|&m| weight(lines[body[m]].text) <= BOX_LINE_WORDS);
        if j < body.len() && p.prose[j] && open.len() >= BOX_LINES && short {
            p.take(open, NoiseKind::UnrelatedHeadlines);
        }
        k = j.max(k + 1);
    }
}

/// Runs of adjacent short lines (a menu), or of headline-shaped lines (other stories).
pub(super) fn menus_and_headline_runs(p: &mut Pass<'_, '_, '_>) {
    let body = p.body;
    let lines = p.ctx.lines;
    let mut k = 0;
    while k < body.len() {
        // Inside the text, a list of short items is an article's list unless it looks like a
        // menu: every item one to three capitalised words, no figures.
        let short = |j: usize| {
            let t = lines[body[j]].text;
            !p.taken[j]
                && !p.prose[j]
                && weight(t) <= MENU_ITEM_WORDS
                && bullet_glyph_len(t).is_none()
                && !t.chars().any(|c| c.is_ascii_digit())
                && title_case_ratio(t) >= 0.99
        };
        let headline = |j: usize| {
            let t = lines[body[j]].text;
            !p.taken[j] && !p.prose[j] && bullet_glyph_len(t).is_none() && rules::is_headline_shaped(t)
        };
        let adjacent = |j: usize| j == 0 || body[j] == body[j - 1] + 1;
        let (is_menu, menu_end) = (short(k), run_end(k + 1, body.len(), |j| adjacent(j) && short(j)));
        let (is_headlines, headlines_end) =
            (headline(k), run_end(k + 1, body.len(), |j| adjacent(j) && headline(j)));
        if is_menu && menu_end - k >= MENU_RUN {
            p.take(k..menu_end, NoiseKind::Navigation);
            k = menu_end;
            continue;
        }
        if is_headlines && headlines_end - k >= HEADLINE_RUN {
            p.take(k..headlines_end, NoiseKind::UnrelatedHeadlines);
            k = headlines_end;
            continue;
        }
        k += 1;
    }
}

/// How many answers of a reader poll follow the question at `body[k]` (0: it asks no poll).
fn poll_answers(lines: &[Line<'_>], body: &[usize], taken: &[bool], k: usize) -> usize {
    let question = lines[body[k]].text.trim_end();
    if taken[k] || !question.ends_with('?') || !POLL_QUESTION_WORDS.contains(&weight(question)) {
        return 0;
    }
    let answer = |m: usize| {
        let t = lines[body[m]].text.trim();
        !taken[m]
            && body[m] == body[m - 1] + 1
            && weight(t) <= POLL_ANSWER_WORDS
            && !t.ends_with(['?', ':'])
            && t.chars().next().is_some_and(char::is_uppercase)
    };
    let answers = (k + 1..body.len()).take_while(|&m| answer(m)).count();
    let yes_or_no = (k + 1..=k + answers).any(|m| {
        let first = lines[body[m]].text.split_whitespace().next().unwrap_or("");
        let first = first.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        POLL_YES_NO.contains(&first.as_str())
    });
    let asks_the_reader = rules::reader_address(question).0;
    if answers >= POLL_MIN_ANSWERS && (yes_or_no || asks_the_reader) {
        answers
    } else {
        0
    }
}

/// The note in brackets a line ends with when it has [`LINK_NOTE_WORDS`] words or more ("(opens in
/// a new tab)"), in lower case; a party or a year in brackets is shorter.
fn link_note(text: &str) -> Option<String> {
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let note = &inner[open + 1..];
    (open > 0 && note.split_whitespace().count() >= LINK_NOTE_WORDS).then(|| note.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poll_in(text: &str) -> usize {
        let (lines, _) = crate::clean::lines::split_lines(text, 0);
        let body: Vec<usize> = (0..lines.len()).collect();
        poll_answers(&lines, &body, &vec![false; body.len()], 0)
    }

    #[test]
    fn a_reader_poll_is_a_question_with_short_answers_to_pick() {
        let poll = "Sollten Plattformen strenger reguliert werden?\nJa, unbedingt.\nNein, das wäre Zensur.\nNur wenn es Beweise gibt.\nIch bin mir nicht sicher.\nDer Wahlkampf geht weiter, und die Behörden prüfen die Vorwürfe seit Wochen.";
        assert_eq!(poll_in(poll), 4);
        let asks_you =
            "Which of these do you eat when you have a cold?\nA warm soup.\nGarlic and ginger.\nJust sleep.";
        assert_eq!(poll_in(asks_you), 3);
        // An article's question answered in sentences, or a list that neither says yes or no nor
        // answers a question put to the reader.
        let answered = "Why now?\nAnalysts point to two reasons.\nPrices fell.\nBuyers asked for it.";
        assert_eq!(poll_in(answered), 0);
        let sentences = "Do you need a permit?\nYes. The city asks for one for any building taller than three metres, and the office answers within a month.";
        assert_eq!(poll_in(sentences), 0);
    }
}
