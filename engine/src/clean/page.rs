//! Copied whole pages: telling the site's header, the article and the page's footer apart once
//! the main run of prose is known ([`super::content::main_run`]).
//!
//! - whether the segment is a whole page (a menu sits between its first line and the text);
//! - the headline: the nearest headline-shaped line above the text;
//! - the masthead: the site's name at the top;
//! - why a line outside the text was removed (a menu, a list of headlines, stray prose);
//! - clusters inside the text: a related-headlines box, a run of short links, a line that recurs.
//!
//! Lists of other stories' teasers at the end of the text are [`super::teasers`].

use super::content::{ends_like_sentence, is_prose, weight};
use super::dates::parse_date_line;
use super::lines::{bullet_glyph_len, is_name_line, title_case_ratio, words_up_to, Line};
use super::outlets::{split_credit, CreditSplit, KnownOutlet};
use super::repeated::RepeatedLines;
use super::{furniture, rules, stated};
use crate::model::NoiseKind;
use std::collections::HashMap;

/// A line of at most this many words is a menu item when it sits among others like it.
const SHORT_WORDS: usize = 4;
/// Inside the text, a menu item has at most this many words.
const MENU_ITEM_WORDS: usize = 3;
/// A caption boxed with its picture's credit has at least this many words (fewer: a label, a
/// heading) ...
const BOXED_CAPTION_MIN_WORDS: usize = 5;
/// ... and at most this many.
const BOXED_CAPTION_MAX_WORDS: usize = 60;
/// Lines of names under a byline's prefix alone on its line, at most.
const BYLINE_NAME_LINES: usize = 3;
/// Consecutive short lines that make a menu.
const MENU_RUN: usize = 3;
/// Consecutive headline-shaped lines that make a list of other stories.
const HEADLINE_RUN: usize = 4;
/// The name line above an author's biography has at most this many words.
const BIO_NAME_WORDS: usize = 6;
/// A paragraph of an author box has at most this many words.
const BIO_BOX_WORDS: usize = 80;
/// A paragraph of an author box names its author again within its first this many words.
const BIO_NAME_REACH: usize = 12;
/// Lines after a biography naming the author again ("You can email Paul Serran here") that
/// belong to the author box, at most.
const BIO_CONTACT_LINES: usize = 2;
/// Such a contact line has at most this many words.
const BIO_CONTACT_WORDS: usize = 30;
/// An author's biography this near the end of the text (at most this many sentences after it)
/// may name its author on a byline with a date ([`BIO_BYLINE_WORDS`]).
const BIO_TAIL_PARAGRAPHS: usize = 2;
/// A byline with its date and time, or a contact line, has at most this many words.
const BIO_BYLINE_WORDS: usize = 14;
/// The site's words to its reader ("follow us", "write to us") are looked for among the text's
/// last this many lines.
const READER_TAIL_LINES: usize = 5;
/// A notice to the reader ([`is_notice_to_the_reader`]) is looked for among the text's first this
/// many lines.
const READER_HEAD_LINES: usize = 2;
/// Such a notice has at most this many words (a standfirst may be longer).
const NOTICE_WORDS: usize = 30;
/// Such a line has at most this many words.
const READER_PROMPT_WORDS: usize = 40;
/// Past the report's last paragraph, where nothing of the report follows, such a line may be
/// longer (a comment box's invitation, the site's word about itself), up to this many words.
const READER_AFTERWORD_WORDS: usize = 80;
/// The page's own voice is read from its paragraphs of at least this many words ...
const VOICE_MIN_WORDS: usize = 8;
/// ... of which it needs this many ...
const MIN_VOICE_PARAGRAPHS: usize = 3;
/// ... and speaks to its reader or of "we" in at most one part in this many of them (a news
/// report; a blog post or a how-to says "you" and "we" throughout).
const VOICE_SHARE_DENOMINATOR: usize = 4;
/// Two subscription prompts at most this many lines apart enclose one box.
const PROMPT_BOX_LINES: usize = 16;
/// A line inside such a box has at most this many words (an article's paragraph is longer).
const PROMPT_BOX_WORDS: usize = 25;
/// A newsletter's box above its sign-up line has at most this many lines of its own: its name,
/// when it comes, its pitch.
const NEWSLETTER_HEAD_LINES: usize = 3;
/// A line of the site's own name has at most this many words.
const SITE_LINE_WORDS: usize = 4;
/// A date and time with its controls has at most this many words.
const DATE_LINE_WORDS: usize = 6;
/// How far above the text the headline may sit (non-blank lines).
const TITLE_REACH: usize = 30;
/// Lines without a sentence under a removed line that make a box inside the text.
const BOX_LINES: usize = 4;
/// Each line of such a box has at most this many words (a headline, a name, a date).
const BOX_LINE_WORDS: usize = 8;
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
/// A standfirst has at least this many words (a share bar or a reading time has fewer).
const STANDFIRST_WORDS: usize = 8;
/// A line seen this many times in one file is page furniture.
const IN_FILE_REPEATS: usize = 3;
/// A line of at least this many words seen twice in one file is page furniture.
const TWICE_MIN_WORDS: usize = 6;
/// When more than one part in this many of the text's prose words repeat, the page shows the
/// article twice and repetition says nothing.
const TWICE_SHARE_DENOMINATOR: usize = 4;

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

/// What [`body_furniture`] looks at.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyContext<'a, 'l> {
    /// The segment's lines.
    pub lines: &'a [Line<'l>],
    /// Which of them are prose ([`super::content::prose_flags`]).
    pub prose: &'a [bool],
    /// Which of them belong to a code block ([`super::content::code_flags`]): repetition there is
    /// the code's own.
    pub code: &'a [bool],
    /// The corpus pre-pass, when there is one.
    pub repeated: Option<&'a RepeatedLines>,
    /// Why each line already removed was removed (`None`: not removed).
    pub removed: &'a [Option<NoiseKind>],
}

/// What [`body_furniture`] found inside the text.
#[derive(Debug, Default)]
pub(crate) struct BodyFurniture {
    /// Lines to remove, with the reason.
    pub removed: Vec<(usize, NoiseKind)>,
    /// Captions ending in their picture's credit ("Fishermen at dawn. Photo: Jane Doe/AFP"), with
    /// where the credit sits: kept as captions.
    pub credited: Vec<(usize, CreditSplit)>,
    /// Captions without a credit, known by the places they give the people in the picture.
    pub captions: Vec<usize>,
}

/// Furniture inside the text, for lines `body` (indices into `lines`, in order, all still
/// unassigned): lines that recur across the corpus or within the file, a related-headlines box
/// (a cue line and the non-prose lines after it), and runs of short or headline-shaped lines.
pub(crate) fn body_furniture(ctx: BodyContext<'_, '_>, body: &[usize]) -> BodyFurniture {
    let lines = ctx.lines;
    let mut out = Vec::new();
    let mut credited = Vec::new();
    let mut taken = vec![false; body.len()];
    // Repetition: across files (when the same article was not simply syndicated to them all), or
    // within this file.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in lines {
        *counts.entry(l.text).or_insert(0) += 1;
    }
    let prose: Vec<bool> = body.iter().map(|&i| ctx.prose[i]).collect();
    let n_prose = prose.iter().filter(|p| **p).count();
    // A date line recurs across a corpus's files once its digits are folded ("June 5, 2023",
    // "June 27, 2023"), but the digits are what it says: it is each article's own date.
    let across = |i: usize| {
        let t = lines[i].text;
        ctx.repeated.is_some_and(|r| r.is_repeated(t)) && !is_date_line(t)
    };
    let repeated_prose = body.iter().zip(&prose).filter(|(&i, &p)| p && across(i)).count();
    let syndicated = repeated_prose * 2 > n_prose;
    // A sentence the page prints twice is a teaser shown in two lists (or a pull quote's echo);
    // the article's own paragraphs are printed once, unless the page holds the whole article
    // twice (a short story shown again as its own teaser), when much of its text repeats.
    let twice = |i: usize| {
        let t = lines[i].text;
        counts.get(t).copied().unwrap_or(0) >= 2 && weight(t) >= TWICE_MIN_WORDS
    };
    // A sentence printed three times or more is a placeholder (a blocked video's consent notice
    // under every embed), not the article shown again: it does not count towards that share.
    let thrice = |i: usize| counts.get(lines[i].text).copied().unwrap_or(0) >= IN_FILE_REPEATS;
    let prose_words: usize =
        body.iter().zip(&prose).filter(|(&i, &p)| p && !thrice(i)).map(|(&i, _)| weight(lines[i].text)).sum();
    let twice_words: usize = body
        .iter()
        .zip(&prose)
        .filter(|(&i, &p)| p && twice(i) && !thrice(i))
        .map(|(&i, _)| weight(lines[i].text))
        .sum();
    let printed_twice = twice_words * TWICE_SHARE_DENOMINATOR > prose_words;
    // When the page prints the article twice, a reader's copy needs it once: the first time each
    // of its paragraphs appears is kept, the later times are removed.
    let mut kept_once: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (k, &i) in body.iter().enumerate() {
        let t = lines[i].text;
        let is_p = prose[k];
        let seen = counts.get(t).copied().unwrap_or(0);
        let again = printed_twice && is_p && twice(i) && !kept_once.insert(t);
        let in_file = (!is_p && seen >= IN_FILE_REPEATS) || (!printed_twice && twice(i)) || again;
        let code = ctx.code.get(i).copied().unwrap_or(false);
        if !code && (in_file || (across(i) && !(is_p && syndicated))) {
            taken[k] = true;
            out.push((i, NoiseKind::RepeatedBoilerplate));
        }
    }
    // A picture's credit, alone or ending its caption: the picture's words, not the article's. A
    // credit alone is removed; a caption ending in one is the picture's caption with its credit.
    for (k, &i) in body.iter().enumerate() {
        if let Some(split) = rules::photo_credit(lines[i].text).filter(|_| !taken[k]).map(|c| c.split) {
            taken[k] = true;
            if split.caption_end > 0 {
                credited.push((i, split));
            } else {
                out.push((i, NoiseKind::CreditLine));
            }
        }
    }
    // A caption without its credit that places the people in its picture ("Rep. Cherrish Pryor,
    // left, talks with …", "Max Darj (l.) sichert den Ball"): the picture's words too.
    let mut captions = Vec::new();
    for (k, &i) in body.iter().enumerate() {
        if !taken[k] && rules::places_people_in_a_picture(lines[i].text) {
            taken[k] = true;
            captions.push(i);
        }
    }
    // A caption opened by its label ("Legende: Siham Zein ad-Din …", "Bildunterschrift: …"), or
    // under the label alone on the line above it ("Legende:" / "Mitglieder der Kommission …").
    for k in 0..body.len() {
        let i = body[k];
        let Some(label) = rules::caption_label(lines[i].text).filter(|_| !taken[k]) else { continue };
        taken[k] = true;
        if label == rules::LabelledCaption::Inline {
            captions.push(i);
            continue;
        }
        out.push((i, NoiseKind::Other));
        if k + 1 < body.len() && body[k + 1] == i + 1 && !taken[k + 1] {
            taken[k + 1] = true;
            captions.push(body[k + 1]);
        }
    }
    // A byline split over lines: its prefix alone ("Von", "By") and the names on the lines under
    // it, each alone ("Von" / "Jasper Riemann" / "Barbara Schneider").
    for k in 0..body.len() {
        let i = body[k];
        if i == 0 || !stated::is_byline_prefix_alone(lines[i - 1].text) {
            continue;
        }
        if ctx.removed[i - 1].is_none() && body.binary_search(&(i - 1)).is_err() {
            continue;
        }
        let names = (k..body.len().min(k + BYLINE_NAME_LINES))
            .take_while(|&n| {
                body[n] == i + (n - k) && !taken[n] && stated::is_names_alone(lines[body[n]].text)
            })
            .count();
        if names == 0 {
            continue;
        }
        if let Ok(kp) = body.binary_search(&(i - 1)) {
            if !taken[kp] {
                taken[kp] = true;
                out.push((i - 1, NoiseKind::CreditLine));
            }
        }
        for n in k..k + names {
            taken[n] = true;
            out.push((body[n], NoiseKind::CreditLine));
        }
    }
    // A picture's credit alone on its line with one line beside it in the same box, the box set
    // apart by blank lines ("Volunteers lower bags of shell …" / "Marta Ellison (AP)", or the credit
    // first): the other line is the picture's caption, and the credit leaves.
    for (i, j) in credit_and_caption_boxes(lines) {
        let (Ok(kc), Ok(k)) = (body.binary_search(&i), body.binary_search(&j)) else { continue };
        let words = words_up_to(lines[j].text, BOXED_CAPTION_MAX_WORDS + 1);
        if taken[k] || !(BOXED_CAPTION_MIN_WORDS..=BOXED_CAPTION_MAX_WORDS).contains(&words) {
            continue;
        }
        taken[k] = true;
        captions.push(j);
        if !taken[kc] {
            taken[kc] = true;
            out.push((i, NoiseKind::CreditLine));
        }
    }
    // An author box in the second half of the text: a short biography of someone the page names
    // on a line of their own, the name line above it and the contact lines after it.
    let half = body.len() / 2;
    for k in half..body.len() {
        let i = body[k];
        if taken[k] {
            continue;
        }
        let Some(name) = rules::bio_subject(lines[i].text).map(without_repeated_first_name) else { continue };
        // The page names the author on a short line of its own (the byline, the box's heading); a
        // person the article is about is named in its sentences. Among the text's last
        // paragraphs, a byline with its date or a contact line will do ("By Marta Quinn - June 3,
        // 2025 9:14 am"): a line that names the person without being a sentence.
        let named_alone =
            |(j, l): (usize, &Line<'_>)| j != i && l.text.contains(name) && weight(l.text) <= BIO_NAME_WORDS;
        let at_the_end = prose[k + 1..].iter().filter(|p| **p).count() <= BIO_TAIL_PARAGRAPHS;
        let named_in_byline = |(j, l): (usize, &Line<'_>)| {
            j != i
                && l.text.contains(name)
                && weight(l.text) <= BIO_BYLINE_WORDS
                && !ends_like_sentence(l.text)
        };
        let named = lines.iter().enumerate().any(named_alone)
            || (at_the_end && lines.iter().enumerate().any(named_in_byline));
        if !named {
            continue;
        }
        let surname = name.rsplit(' ').next().unwrap_or(name);
        let mut box_lines = vec![k];
        if k > 0
            && body[k - 1] + 1 == i
            && lines[body[k - 1]].text.contains(name)
            && weight(lines[body[k - 1]].text) <= BIO_NAME_WORDS
        {
            box_lines.push(k - 1);
        }
        for m in k + 1..body.len().min(k + 1 + BIO_CONTACT_LINES) {
            let t = lines[body[m]].text;
            if body[m] != body[m - 1] + 1 || !t.contains(surname) || weight(t) > BIO_CONTACT_WORDS {
                break;
            }
            box_lines.push(m);
        }
        for m in box_lines {
            if !taken[m] {
                taken[m] = true;
                out.push((body[m], NoiseKind::AuthorBio));
            }
        }
    }
    // An author box's text in the second half of the text: the paragraph right under a line with
    // a name and a line with a trade ("Nicole Opitz" / "Redakteurin" / "Seit 2019 bei der taz.
    // …"), however the box's heading lines were removed, and the paragraphs after it that name
    // the person again ("Lance Ulanoff makes frequent appearances …").
    for k in half..body.len() {
        let i = body[k];
        if taken[k] || i < 2 {
            continue;
        }
        // Under the name line and its trade line, or, among the text's last paragraphs, right
        // under the name line when it opens with the name and gives a trade ("Lukas White" /
        // "Lukas is a freelance web and mobile developer …").
        let at_the_end = prose[k + 1..].iter().filter(|p| **p).count() <= BIO_TAIL_PARAGRAPHS;
        let (name_at, name) = if is_name_line(lines[i - 2].text.trim())
            && rules::is_trade_line(lines[i - 1].text.trim())
            && weight(lines[i].text) <= BIO_BOX_WORDS
        {
            (i - 2, lines[i - 2].text.trim())
        } else if at_the_end && rules::is_author_bio(lines[i - 1].text.trim(), lines[i].text) {
            (i - 1, lines[i - 1].text.trim())
        } else {
            continue;
        };
        let named = |t: &str| {
            let head: Vec<&str> = t.split_whitespace().take(BIO_NAME_REACH).collect();
            name.split_whitespace()
                .any(|w| head.iter().any(|h| h.trim_matches(|c: char| !c.is_alphabetic()) == w))
        };
        let mut m = k;
        while m < body.len()
            && !taken[m]
            && (m == k
                || (body[m] == body[m - 1] + 1
                    && weight(lines[body[m]].text) <= BIO_BOX_WORDS
                    && named(lines[body[m]].text)))
        {
            taken[m] = true;
            out.push((body[m], NoiseKind::AuthorBio));
            m += 1;
        }
        for j in name_at..i {
            if let Some(n) = body.iter().position(|&b| b == j).filter(|&n| !taken[n]) {
                taken[n] = true;
                out.push((j, NoiseKind::AuthorBio));
            }
        }
    }
    // A reader poll inside the text: a question and three or more short answers to pick from, each
    // on a line of its own, one of them a yes or a no, or the question asking the reader ("Welches
    // dieser Mittel ist dein Favorit …?" / "Eine wärmende Suppe." / … / "Ich habe kein spezielles
    // Mittel."). An article's question is followed by its answer in sentences.
    let mut k = 0;
    while k < body.len() {
        let answers = poll_answers(lines, body, &taken, k);
        if answers == 0 {
            k += 1;
            continue;
        }
        for m in k..=k + answers {
            taken[m] = true;
            out.push((body[m], NoiseKind::OutsideArticle));
        }
        k += answers + 1;
    }
    // Among the text's last paragraphs, the author's biography naming them in its first words with
    // their trade ("Kim Fusaro Weddings and lifestyle writer. Owner of …", "Korrespondent Ulrich
    // Exner ist bei WELT für …", "Mark di Stefano is a breaking news reporter …"), where a byline
    // or a line of its own names them ("By Kim Fusaro", "Von Ulrich Exner", "Mark Di Stefano").
    let last_paragraphs: Vec<usize> =
        (0..body.len()).rev().filter(|&k| prose[k] && !taken[k]).take(BIO_TAIL_PARAGRAPHS + 1).collect();
    if !last_paragraphs.is_empty() {
        let names = named_people(lines);
        for k in last_paragraphs {
            if rules::is_bio_of_one_of(&names, lines[body[k]].text) {
                taken[k] = true;
                out.push((body[k], NoiseKind::AuthorBio));
            }
        }
    }
    // The site speaking to its reader among the text's last lines ("Add Global News as a Preferred
    // Source on Google to see more of our stories in your search results", "Sollten Ihnen Fehler
    // aufgefallen sein, schicken Sie uns eine E-Mail"): a line that says both "you" and "we",
    // outside quotation marks, on a page whose own paragraphs do not talk that way. A blog's or a
    // how-to's do, and there such a line is the author's. A line that says "you" and names the
    // site is one too ("Choose Daily Star as a 'Preferred Source' on Google News for quick access
    // to the news you value"): the site's name as the page's own web address or its own calls
    // give it.
    let open: Vec<usize> = (0..body.len()).filter(|&k| !taken[k]).collect();
    let tail_from = open.len().saturating_sub(READER_TAIL_LINES);
    let site = SiteNames::of(lines);
    // The report's last paragraph: one of some length that speaks neither to the reader nor of
    // "we". Below it a line in "you" and "we" may run longer ("What do you think? Share your view
    // with us and our readers in the comments below: we read every comment, …").
    let last_report = open.iter().rposition(|&k| {
        let t = lines[body[k]].text;
        prose[k] && weight(t) >= VOICE_MIN_WORDS && rules::reader_address(t) == (false, false)
    });
    // Anywhere in the text, and whatever its length, the site asking its reader for money or a
    // sign-up in "you" and "we" ("Eine offene Gesellschaft braucht guten Journalismus … Dann
    // machen Sie mit und unterstützen Sie unsere Aktion", "Vos responsabilités exigent … nos
    // offres PREMIUM"): a report does not ask its reader to subscribe or donate.
    let prompts: Vec<usize> = open
        .iter()
        .enumerate()
        .filter(|&(n, &k)| {
            let t = lines[body[k]].text;
            let (you, we) = rules::reader_address(t);
            let near_the_end = n >= tail_from && weight(t) <= READER_PROMPT_WORDS;
            let afterword = last_report.is_some_and(|r| n > r) && weight(t) <= READER_AFTERWORD_WORDS;
            you && ((near_the_end && (we || site.named_in(t)))
                || (we && (afterword || rules::asks_for_support(t))))
        })
        .map(|(_, &k)| k)
        .collect();
    let own = open.iter().filter(|&&k| prose[k] && !prompts.contains(&k)).map(|&k| lines[body[k]].text);
    if speaks_in_the_third_person(own) {
        for k in prompts {
            taken[k] = true;
            out.push((body[k], NoiseKind::SubscribePrompt));
            // An appeal's own heading above it ("Links lesen, Rechts bekämpfen") goes with it, and
            // so does the heading of any prompt below the report's last paragraph, which heads
            // nothing of the report ("Support The Portugal News").
            let t = lines[body[k]].text;
            let appeal = weight(t) > READER_PROMPT_WORDS && rules::asks_for_support(t);
            let below_report = last_report.is_some_and(|r| k > open[r]);
            if (appeal || below_report)
                && k > 0
                && !taken[k - 1]
                && !prose[k - 1]
                && rules::is_heading_shaped(lines[body[k - 1]].text)
            {
                taken[k - 1] = true;
                out.push((body[k - 1], NoiseKind::SubscribePrompt));
            }
        }
        // The same at the head of the text: a notice to the reader above the report's first
        // paragraph ("Hinweis: … aktivieren Sie JavaScript.").
        for &k in open.iter().take(READER_HEAD_LINES) {
            if is_notice_to_the_reader(lines[body[k]].text) && !taken[k] {
                taken[k] = true;
                out.push((body[k], NoiseKind::Other));
            }
        }
    }
    // A table most of whose rows are cookie notices (a consent manager's list of cookies, cells
    // apart by tabs) is one, every row of it.
    let tabbed = |i: usize| lines[i].text.contains('\t');
    let mut table: Option<(usize, usize, bool)> = None;
    for (k, &i) in body.iter().enumerate() {
        if taken[k] || !tabbed(i) {
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
            taken[k] = true;
            out.push((i, NoiseKind::CookieNotice));
        }
    }
    // A subscription box: what a subscription offers ("Unlimited digital access", "Daily
    // puzzles"), short lines between two subscription prompts close together with no paragraph
    // of the article between them.
    for (k, kind) in prompt_boxes(ctx, body, &taken) {
        taken[k] = true;
        out.push((body[k], kind));
    }
    for k in newsletter_box_heads(ctx, body, &taken) {
        taken[k] = true;
        out.push((body[k], NoiseKind::SubscribePrompt));
    }
    // A related-headlines box: its cue, then every non-prose line up to the next prose line. A
    // link's label inside the text ("Read More", "Lesen Sie auch") heads such a box too, whether
    // or not it was already removed (as a line the page repeats, or as a related link), and
    // leaves with it even when its headline left before (printed again in a most-read list).
    // Whether the line right above line `i` was removed before the body was read (a removed line
    // is never one of the body's).
    let removed_right_above = |i: usize| i > 0 && ctx.removed.get(i - 1).is_some_and(Option::is_some);
    let label_removed_above =
        |k: usize| removed_right_above(body[k]) && rules::is_link_label(lines[body[k] - 1].text);
    let mut k = 0;
    while k < body.len() {
        let text = lines[body[k]].text;
        if (!taken[k] && (rules::is_headline_list_cue(text) || rules::names_related_box(text)))
            || rules::is_link_label(text)
            || (!prose[k] && label_removed_above(k))
        {
            let mut j = k;
            while j < body.len() && (j == k || !prose[j]) {
                if !taken[j] {
                    taken[j] = true;
                    out.push((body[j], NoiseKind::UnrelatedHeadlines));
                }
                j += 1;
            }
            k = j;
        } else {
            k += 1;
        }
    }
    // A list of links: lines in a row that end with the same note in brackets of some words, the
    // page's "(opens in a new tab)" after each link (a box of job ads, of partner offers), in
    // whatever language the page is in.
    let mut k = 0;
    while k < body.len() {
        let note = link_note(lines[body[k]].text);
        let linked =
            |j: usize| !taken[j] && !prose[j] && note.is_some() && link_note(lines[body[j]].text) == note;
        let mut j = k;
        while j < body.len() && linked(j) && (j == k || body[j] == body[j - 1] + 1) {
            j += 1;
        }
        if j - k >= LINK_LIST_LINES {
            for m in k..j {
                taken[m] = true;
                out.push((body[m], NoiseKind::UnrelatedHeadlines));
            }
            k = j;
        } else {
            k += 1;
        }
    }
    // A box of other stories' headlines inside the text with no cue above it: lines in a row with
    // no blank line and no sentence among them, at least half of them headlines with a kicker
    // ("Analysis: Why the port's dredging bill keeps growing", "Baufinanzierung: Experte warnt vor
    // teurem Fehler"). An article's own list under a colon gives its items in sentences or as
    // figures ("Berth fees: up 9 per cent from 1 July.").
    let mut k = 0;
    while k < body.len() {
        let joined = |j: usize| j == k || (body[j] == body[j - 1] + 1 && lines[body[j]].blanks_before == 0);
        let mut j = k;
        while j < body.len() && !prose[j] && !taken[j] && joined(j) {
            j += 1;
        }
        let kickers = (k..j).filter(|&m| rules::is_kicker_headline(lines[body[m]].text)).count();
        if kickers >= KICKER_BOX_HEADLINES && kickers * 2 >= j - k {
            for m in k..j {
                taken[m] = true;
                out.push((body[m], NoiseKind::UnrelatedHeadlines));
            }
        }
        k = j.max(k + 1);
    }
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
        if taken[k] || prose[k] || !removed_above(k, &taken) {
            k += 1;
            continue;
        }
        let mut j = k;
        while j < body.len() && !prose[j] && bullet_glyph_len(lines[body[j]].text).is_none() {
            j += 1;
        }
        let open: Vec<usize> = (k..j).filter(|&m| !taken[m]).collect();
        let short = open.iter().all(|&m| weight(lines[body[m]].text) <= BOX_LINE_WORDS);
        if j < body.len() && prose[j] && open.len() >= BOX_LINES && short {
            for m in open {
                taken[m] = true;
                out.push((body[m], NoiseKind::UnrelatedHeadlines));
            }
        }
        k = j.max(k + 1);
    }
    // Runs of adjacent short lines (a menu), or of headline-shaped lines (other stories).
    let mut k = 0;
    while k < body.len() {
        // Inside the text, a list of short items is an article's list unless it looks like a
        // menu: every item one to three capitalised words, no figures.
        let short = |j: usize| {
            let t = lines[body[j]].text;
            !taken[j]
                && !prose[j]
                && weight(t) <= MENU_ITEM_WORDS
                && bullet_glyph_len(t).is_none()
                && !t.chars().any(|c| c.is_ascii_digit())
                && title_case_ratio(t) >= 0.99
        };
        let headline = |j: usize| {
            let t = lines[body[j]].text;
            !taken[j] && !prose[j] && bullet_glyph_len(t).is_none() && rules::is_headline_shaped(t)
        };
        let adjacent = |j: usize| j == 0 || body[j] == body[j - 1] + 1;
        let mut j = k + 1;
        while j < body.len() && adjacent(j) && short(j) && short(k) {
            j += 1;
        }
        if short(k) && j - k >= MENU_RUN {
            for m in k..j {
                taken[m] = true;
                out.push((body[m], NoiseKind::Navigation));
            }
            k = j;
            continue;
        }
        let mut j = k + 1;
        while j < body.len() && adjacent(j) && headline(j) && headline(k) {
            j += 1;
        }
        if headline(k) && j - k >= HEADLINE_RUN {
            for m in k..j {
                taken[m] = true;
                out.push((body[m], NoiseKind::UnrelatedHeadlines));
            }
            k = j;
            continue;
        }
        k += 1;
    }
    BodyFurniture { removed: out, credited, captions }
}

/// True when an article's paragraphs (`paragraphs`) are a report's: at least
/// [`MIN_VOICE_PARAGRAPHS`] of [`VOICE_MIN_WORDS`] words or more, at most one part in
/// [`VOICE_SHARE_DENOMINATOR`] of them speaking to the reader or of "we" outside quotation marks.
/// A blog post or a how-to says "you" and "we" throughout: there a line that does is the author's.
pub(crate) fn speaks_in_the_third_person<'t>(paragraphs: impl Iterator<Item = &'t str>) -> bool {
    let (voiced, own) = voice(paragraphs);
    own >= MIN_VOICE_PARAGRAPHS && voiced * VOICE_SHARE_DENOMINATOR <= own
}

/// True when an article's paragraphs (`paragraphs`) speak to the reader or of "we" in more than
/// one part in [`VOICE_SHARE_DENOMINATOR`] of them, with at least [`MIN_VOICE_PARAGRAPHS`] of
/// [`VOICE_MIN_WORDS`] words or more: a blog post's, a how-to's, a team's news about itself. Too
/// few paragraphs to tell is neither this nor [`speaks_in_the_third_person`].
pub(crate) fn speaks_to_its_reader<'t>(paragraphs: impl Iterator<Item = &'t str>) -> bool {
    let (voiced, own) = voice(paragraphs);
    own >= MIN_VOICE_PARAGRAPHS && voiced * VOICE_SHARE_DENOMINATOR > own
}

/// Of `paragraphs` of at least [`VOICE_MIN_WORDS`] words: how many speak to the reader or of "we"
/// outside quotation marks, and how many there are.
fn voice<'t>(paragraphs: impl Iterator<Item = &'t str>) -> (usize, usize) {
    paragraphs.filter(|t| weight(t) >= VOICE_MIN_WORDS).fold((0, 0), |(voiced, own), t| {
        let (you, we) = rules::reader_address(t);
        (voiced + usize::from(you || we), own + 1)
    })
}

/// A notice from the site to its reader between the headline and the text ("Hinweis: Um diesen
/// Inhalt zu sehen, aktivieren Sie bitte JavaScript.", "To play this video you need to enable
/// JavaScript in your browser."): a sentence that speaks to the reader. On a page whose own
/// paragraphs speak in the third person ([`speaks_in_the_third_person`]) it is never the
/// standfirst, whatever its length.
pub(crate) fn is_notice_to_the_reader(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')']);
    t.ends_with(['.', '!']) && (4..=NOTICE_WORDS).contains(&weight(t)) && rules::reader_address(t).0
}

/// Boxes of two lines, one of them a picture's credit alone ([`rules::is_picture_credit_alone`]),
/// on a page that sets its boxes apart by blank lines: (the credit's line, the other line). A page
/// copied without blank lines has no such boxes.
fn credit_and_caption_boxes(lines: &[Line<'_>]) -> Vec<(usize, usize)> {
    let opens_box = |i: usize| i == 0 || lines[i].blanks_before > 0;
    let ends_box = |i: usize| i + 1 >= lines.len() || lines[i + 1].blanks_before > 0;
    let mut boxes = Vec::new();
    for a in 0..lines.len().saturating_sub(1) {
        let b = a + 1;
        if !opens_box(a) || lines[b].blanks_before > 0 || !ends_box(b) {
            continue;
        }
        let first = rules::is_picture_credit_alone(lines[a].text);
        let second = rules::is_picture_credit_alone(lines[b].text);
        if first != second {
            boxes.push(if first { (a, b) } else { (b, a) });
        }
    }
    boxes
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

/// People the page names on a short line of their own or in a byline ("By Kim Fusaro", "Von
/// Ulrich Exner"), in lower case.
fn named_people(lines: &[Line<'_>]) -> Vec<String> {
    let mut names: Vec<String> = lines
        .iter()
        .filter(|l| weight(l.text) <= BIO_NAME_WORDS)
        .filter_map(|l| {
            let t = l.text.trim();
            let name = stated::byline_name(t).map_or(t, |(s, e)| &t[s..e]).trim();
            is_name_line(name).then(|| name.to_lowercase())
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The name of an author box's heading run into its text ("Dan Goodin Dan is the Security
/// Editor"): the heading's name ("Dan Goodin") without the first name the text goes on with.
fn without_repeated_first_name(name: &str) -> &str {
    match name.split_once(' ') {
        Some((first, rest)) if rest.strip_suffix(first).is_some_and(|head| head.ends_with(' ')) => {
            name[..name.len() - first.len()].trim_end()
        }
        _ => name,
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

/// The lines of `body` (positions in it) inside subscription boxes: between two subscription
/// prompts at most [`PROMPT_BOX_LINES`] apart, when every line still unassigned between them is
/// short ([`PROMPT_BOX_WORDS`]), and the text goes on above and below them. A prompt between two stretches of the article has paragraphs
/// on either side; a box lists its offers, each a short line.
fn prompt_boxes(ctx: BodyContext<'_, '_>, body: &[usize], taken: &[bool]) -> Vec<(usize, NoiseKind)> {
    let is_prompt = |i: usize| ctx.removed.get(i).copied().flatten() == Some(NoiseKind::SubscribePrompt);
    let prompts: Vec<usize> = (0..ctx.lines.len()).filter(|&i| is_prompt(i)).collect();
    let mut out = Vec::new();
    for pair in prompts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        // The box sits inside the text, with some of it above and below: prompts around a short
        // article (a menu's "Subscribe" above it, a paywall's below) enclose the article itself.
        let inside_text = body.first().is_some_and(|&f| f < a) && body.last().is_some_and(|&l| l > b);
        if b - a > PROMPT_BOX_LINES || !inside_text {
            continue;
        }
        let inside: Vec<usize> =
            (0..body.len()).filter(|&k| body[k] > a && body[k] < b && !taken[k]).collect();
        if inside.iter().all(|&k| weight(ctx.lines[body[k]].text) <= PROMPT_BOX_WORDS) {
            out.extend(inside.into_iter().map(|k| (k, NoiseKind::SubscribePrompt)));
        }
    }
    out
}

/// The head of a newsletter's box inside the text, above its sign-up lines (lines removed as
/// subscription prompts, "Sign up" / "By signing up …"): the newsletter's name, when it comes
/// ("Weekdays at 6 a.m.") and its pitch to the reader ("Starten Sie mit den wichtigsten Themen …
/// in den Tag"), the lines between the sign-up lines and the article's paragraph above it. Two such
/// lines at least, or one that speaks to the reader: a heading of the article above an advert's
/// "Subscribe" is one line.
fn newsletter_box_heads(ctx: BodyContext<'_, '_>, body: &[usize], taken: &[bool]) -> Vec<usize> {
    let is_prompt = |i: usize| ctx.removed.get(i).copied().flatten() == Some(NoiseKind::SubscribePrompt);
    let (Some(&first), Some(&last)) = (body.first(), body.last()) else { return Vec::new() };
    let mut out = Vec::new();
    // The box's own lines under its head are two prompts or more in a row ("Sign Up" / "By
    // signing up you consent …"): one line that names a sign-up is as often an item of a list.
    for b in (first + 1..last).filter(|&b| is_prompt(b) && is_prompt(b + 1) && !is_prompt(b - 1)) {
        let mut head = Vec::new();
        let mut speaks = false;
        let mut i = b;
        let mut closed = false;
        while i > first && b - i < PROMPT_BOX_LINES {
            i -= 1;
            if ctx.removed.get(i).copied().flatten().is_some() {
                continue;
            }
            let Ok(k) = body.binary_search(&i) else { break };
            let t = ctx.lines[i].text;
            let short = weight(t) <= BOX_LINE_WORDS;
            let pitch = rules::reader_address(t).0 && weight(t) <= PROMPT_BOX_WORDS;
            let paragraph = ctx.prose[i] && !short && !pitch;
            if taken[k] || head.len() == NEWSLETTER_HEAD_LINES || paragraph {
                closed = paragraph && !taken[k];
                break;
            }
            if !pitch && !short {
                break;
            }
            speaks |= pitch;
            head.push(k);
        }
        if closed && (head.len() >= 2 || speaks) {
            out.extend(head);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_author_box_heading_run_into_its_text_gives_the_heading_name() {
        assert_eq!(without_repeated_first_name("Dan Goodin Dan"), "Dan Goodin");
        assert_eq!(without_repeated_first_name("Marta Quinn"), "Marta Quinn");
        assert_eq!(without_repeated_first_name("Anna Maria Anna"), "Anna Maria");
        // A surname that merely ends like the first name is not a repetition.
        assert_eq!(without_repeated_first_name("Dan Jordan"), "Dan Jordan");
        assert_eq!(without_repeated_first_name("Dan McDan"), "Dan McDan");
    }

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

    fn poll_in(text: &str) -> usize {
        let (lines, _) = super::super::lines::split_lines(text, 0);
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
