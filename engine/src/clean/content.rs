//! Where the article sits on a copied page: the densest run of prose lines.
//!
//! Every line gets a score: prose (a line of some length that ends like a sentence, with the small
//! words running text is full of) scores its length minus a constant; short lines, headline-shaped
//! lines and furniture score below zero. The main content is the run of lines with the highest
//! total (a maximum-sum segment, one linear pass), widened over any prose lines touching it. A
//! long menu (six menu-shaped lines in a row) parts the page: the run does not cross it, unless
//! the piece beyond is near and mostly paragraphs (the article going on past a gallery's
//! controls), so teasers and comments after a tag list stay out whatever their length. Lines
//! far from it are menus, teasers, comments and footers; lines inside it are article text unless
//! their own shape says otherwise (a cluster of short lines, a related-headlines box).
//!
//! A technical post's code blocks ([`code_flags`]) are its text: their lines count as prose, so
//! a long listing neither parts the run nor is cut as a menu.

use super::lines::{bullet_glyph_len, title_case_ratio, Line};
use super::rules::is_headline_list_cue;

/// Below this many words a line earns nothing for being a sentence ("Read the report.").
const PROSE_BASE: f32 = 5.0;
/// What the header of a related-headlines box costs: the article does not go on past it.
const BARRIER_COST: f32 = 60.0;
/// What a line of furniture costs the run it sits in.
const NOISE_COST: f32 = 4.0;
/// How many lines of furniture the run may step over to reach a sentence beyond them.
const MAX_SKIPPED_NOISE: usize = 2;
/// The share of [`STOP_WORDS`] below which a long line is a list of names or tags.
const MIN_STOP_SHARE: f32 = 0.06;
/// A menu item has at most this many words.
const MENU_ITEM_WORDS: usize = 4;
/// This many menu items in a row part the page: the main run does not cross them.
const MENU_BARRIER_ITEMS: usize = 6;
/// A piece past a menu joins the run only with this many sentences at least.
const MIN_JOINED_PARAGRAPHS: usize = 2;
/// A piece past a menu joins the run only when the menu and what surrounds it span at most this
/// many lines (a widget inside the article, not the page's footer).
const MAX_JOINED_GAP: usize = 24;
/// This many lines in a row without a sentence part the main run (see [`dense_run`]).
const GAP_LINES: usize = 12;
/// A line shorter than this does not end a stretch without a sentence, nor count as a teaser's
/// sentence (see [`dense_run`]): ending like a sentence, it is a question headline or a lead-in.
const MIN_SENTENCE_WORDS: usize = 8;
/// Signs standing alone between the items of a row of links.
const ITEM_SEPARATORS: &[&str] = &["•", "·", "|", "//"];
/// A row of links has at least this many [`ITEM_SEPARATORS`].
const MIN_ROW_SEPARATORS: usize = 3;
/// A teaser's headline, above its sentence, has at least this many words.
const TEASER_HEAD_WORDS: usize = 5;
/// A code block has at least this many lines (see [`code_blocks`]).
const CODE_BLOCK_LINES: usize = 3;
/// A nested line of code is indented at least this many spaces deeper than its block (a tab is
/// four); a page's layout leaves a space or so before some lines.
const CODE_INDENT: usize = 2;
/// A line this long is prose even without a final full stop.
const LONG_LINE_WORDS: usize = 30;
/// A line of at least this many words with every word capitalised is a headline, full stop or
/// not ("26 Libraries That Have Appeared In Every Book Lover's Fantasy.").
const TITLE_CASE_MIN_WORDS: usize = 5;

/// Small words of running text in the languages news pages are most often in (lower case). A
/// long line with none of them is a list of names or tags, not a sentence.
const STOP_WORDS: &[&str] = &[
    // English
    "the", "a", "an", "of", "to", "in", "and", "is", "was", "for", "on", "that", "with", "as", "by", "at",
    "from", "it", "he", "she", "they", "his", "her", "their", "has", "have", "had", "be", "been", "are",
    "were", "this", "which", "who", "but", "not", "or", "said", "would", "will", "after", "its",
    // French, Spanish, Portuguese, Italian
    "le", "la", "les", "de", "des", "du", "et", "un", "une", "est", "que", "qui", "en", "dans", "pour", "el",
    "los", "las", "y", "del", "por", "con", "una", "se", "o", "do", "da", "os", "il", "di", "che", "per",
    "non", // German, Dutch
    "der", "die", "das", "und", "ist", "nicht", "mit", "den", "ein", "eine", "zu", "auf", "het", "een",
    "van", "op", "dat", // Czech, Polish
    "v", "na", "je", "z", "i", "w", "że", "jest", "do",
];

/// Words in a line, counting CJK characters (which have no spaces between words) two to a word.
pub(crate) fn weight(text: &str) -> usize {
    let mut words = 0;
    let mut cjk = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_cjk(c) {
            cjk += 1;
            in_word = false;
        } else if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
        }
    }
    words + cjk / 2
}

/// True when a line is a row of items set apart by [`ITEM_SEPARATORS`], three or more of them ("Billig
/// kontra Apple • Zaubern mit Skripten • HomeKit • …"): a box of links, not a sentence.
fn is_item_row(text: &str) -> bool {
    let separators = text.split_whitespace().filter(|w| ITEM_SEPARATORS.contains(w)).count();
    separators >= MIN_ROW_SEPARATORS
}

/// [`weight`] counting only words with a letter or figure in them ("Pro & Contra" is two).
fn n_words(text: &str) -> usize {
    let signs = text.split_whitespace().filter(|w| !w.chars().any(char::is_alphanumeric)).count();
    weight(text).saturating_sub(signs)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// True when the line ends like a sentence (in any script).
pub(crate) fn ends_like_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', '»', ']', '*']);
    t.ends_with(['.', '!', '?', '…', '。', '！', '？', ':', ';', '؟', '۔'])
}

/// Share of the words that are [`STOP_WORDS`]; `None` when the line has too few Latin words to say.
pub(crate) fn stop_word_share(text: &str) -> Option<f32> {
    let mut words = 0usize;
    let mut stops = 0usize;
    for w in text.split_whitespace().take(200) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || !w.chars().all(|c| c.is_alphabetic() && (c.is_ascii() || c < '\u{0250}')) {
            continue;
        }
        words += 1;
        stops += usize::from(STOP_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)));
    }
    (words >= 8).then(|| stops as f32 / words as f32)
}

/// Running text: at least a few words, ending like a sentence (or long), with the small words
/// sentences have.
pub(crate) fn is_prose(text: &str) -> bool {
    is_prose_in(text, true)
}

/// [`is_prose`], asking for the small words only when `stop_words_known` (the page is in a
/// language [`STOP_WORDS`] covers).
fn is_prose_in(text: &str, stop_words_known: bool) -> bool {
    let w = weight(text);
    if w < 4 {
        return false;
    }
    let shaped = ends_like_sentence(text) || w >= LONG_LINE_WORDS;
    shaped
        && !is_title_cased(text)
        && (!stop_words_known || stop_word_share(text).is_none_or(|share| share >= MIN_STOP_SHARE))
}

/// True when every word of a line of [`TITLE_CASE_MIN_WORDS`] or more is capitalised, as in a
/// headline: a sentence's words are mostly lower case (German nouns are capitalised, its verbs and
/// small words are not; a script without case has no capitals at all).
fn is_title_cased(text: &str) -> bool {
    text.split_whitespace().count() >= TITLE_CASE_MIN_WORDS && title_case_ratio(text) >= 0.99
}

/// True when the page's sentences have the small words of a language [`STOP_WORDS`] covers: at
/// least half of its long sentence-shaped lines pass. A page in another language (Turkish, Zulu,
/// Icelandic) has none in any line, so the test would call all of its text a list of names.
fn stop_words_known(lines: &[Line<'_>]) -> bool {
    let (mut sentences, mut passing) = (0usize, 0usize);
    for l in lines {
        if weight(l.text) < 8 || !ends_like_sentence(l.text) {
            continue;
        }
        if let Some(share) = stop_word_share(l.text) {
            sentences += 1;
            passing += usize::from(share >= MIN_STOP_SHARE);
        }
    }
    sentences < 3 || passing * 2 >= sentences
}

/// Which lines are prose: sentence-shaped lines ([`is_prose`]), and the lines of a hard-wrapped
/// paragraph (plain-text documents, e-mails), which run on from one line into the next: no sentence
/// end, and the next line going on in lower case. The lines of a code block ([`code_flags`]) are
/// the article's text too, however they are shaped: callers add them.
pub(crate) fn prose_flags(lines: &[Line<'_>]) -> Vec<bool> {
    let known = stop_words_known(lines);
    let mut prose: Vec<bool> = lines.iter().map(|l| is_prose_in(l.text, known)).collect();
    let runs_on = |i: usize| {
        let (this, next) = (&lines[i], &lines[i + 1]);
        next.blanks_before == 0
            && !ends_like_sentence(this.text)
            && weight(this.text) >= 4
            && weight(next.text) >= 2
            && next.text.chars().next().is_some_and(char::is_lowercase)
    };
    for i in 0..lines.len().saturating_sub(1) {
        if runs_on(i) {
            prose[i] = true;
            prose[i + 1] = true;
        }
    }
    prose
}

/// Which lines belong to a code block or text table ([`code_blocks`]); `text` is the file the
/// lines index.
pub(crate) fn code_flags(text: &str, lines: &[Line<'_>]) -> Vec<bool> {
    let mut code = vec![false; lines.len()];
    for (a, b) in code_blocks(text, lines) {
        code[a..=b].fill(true);
    }
    code
}

/// The code blocks and text tables of a page (first and last line, inclusive): [`CODE_BLOCK_LINES`]
/// lines or more in a row with no blank line between them (a `<pre>` block keeps its lines
/// together), at least half of them shaped like code ([`is_code_line`]) or indented
/// [`CODE_INDENT`] deeper than the block's shallowest line (nested code), or two code lines. A
/// menu's items sit together too, but are words, all indented alike.
fn code_blocks(text: &str, lines: &[Line<'_>]) -> Vec<(usize, usize)> {
    let indent = |l: &Line<'_>| {
        let before = text.get(..l.start).unwrap_or("");
        let spaces = before.chars().rev().take_while(|&c| c != '\n' && c != '\r');
        spaces.map(|c| if c == '\t' { 4 } else { 1 }).sum::<usize>()
    };
    let mut blocks = Vec::new();
    let mut a = 0;
    while a < lines.len() {
        let mut b = a;
        while b + 1 < lines.len() && lines[b + 1].blanks_before == 0 {
            b += 1;
        }
        let least = (a..=b).map(|i| indent(&lines[i])).min().unwrap_or(0);
        let nested = |i: usize| indent(&lines[i]) >= least + CODE_INDENT && !lines[i].text.starts_with('<');
        let n_syntax = (a..=b).filter(|&i| is_code_line(lines[i].text)).count();
        let n_nested = (a..=b).filter(|&i| !is_code_line(lines[i].text) && nested(i)).count();
        // Indentation alone is layout (a menu's items set in): nesting counts beside syntax.
        let n_code = if n_syntax > 0 { n_syntax + n_nested } else { 0 };
        let n_lines = b + 1 - a;
        if (n_lines >= CODE_BLOCK_LINES && n_code * 2 >= n_lines) || (n_lines == 2 && n_code == 2) {
            blocks.push((a, b));
        }
        a = b + 1;
    }
    blocks
}

/// A line of program code or of a text table: box-drawing characters, a statement's end (`;`,
/// braces), an open bracket at the end, an assignment or arrow, or a call (`avg(n)`). A line
/// opening with markup (`<div ...>`) is not code: on a copied page it is a `<noscript>` fallback
/// shown as text.
fn is_code_line(text: &str) -> bool {
    if text.starts_with('<') {
        return false;
    }
    // A call: a function's name right before the bracket, in lower case or all capitals
    // (`avg(n)`, `NULLIF(x, 0)`); not a date's `3/9(Thu)` or a form's `Name(required)`.
    let last_close = text.rfind(')');
    let call = text.char_indices().any(|(at, c)| {
        let ident = text[..at].rsplit(|p: char| !(p.is_ascii_alphanumeric() || p == '_')).next();
        let named = ident.is_some_and(|w| {
            w.starts_with(|p: char| p.is_ascii_lowercase() || p == '_')
                || (w.len() >= 2
                    && w.starts_with(|p: char| p.is_ascii_alphabetic())
                    && !w.contains(|p: char| p.is_ascii_lowercase()))
        });
        c == '(' && named && last_close.is_some_and(|close| close > at)
    });
    // A statement running on to the next line, or a line that only closes brackets.
    let runs_on = text.ends_with(['(', '[', '{', ';']);
    let closes = text.chars().all(|c| ")]};,".contains(c));
    text.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c))
        || runs_on
        || closes
        || text.ends_with('}')
        || text.starts_with('}')
        || [" = ", "==", "=>", "->", ":=", "+=", "!="].iter().any(|op| text.contains(op))
        || call
}

/// The score a line adds to a run it belongs to.
fn score(line: &Line<'_>, noise: bool, prose: bool) -> f32 {
    if is_headline_list_cue(line.text) {
        // "Read Next", "More Related News": what follows is other stories.
        return -BARRIER_COST;
    }
    if noise {
        return -NOISE_COST;
    }
    let w = weight(line.text) as f32;
    if prose {
        (w - PROSE_BASE).max(1.0)
    } else if w >= 3.0 && bullet_glyph_len(line.text).is_some() {
        // A bulleted item: lists are part of an article more often than not.
        0.5
    } else if w >= 4.0 && title_case_ratio(line.text) < 0.5 {
        // A sentence-case line without a full stop: a list item or a headline, costs less.
        -0.5
    } else {
        -(2.0 + w.min(12.0) / 3.0)
    }
}

/// The main run of article text: the first and last line (inclusive) of the maximum-score run,
/// widened over adjacent prose. `noise[i]` says line `i` is already known furniture. `None` when
/// no line is prose.
pub(crate) fn main_run(lines: &[Line<'_>], noise: &[bool], prose: &[bool]) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut sum = 0.0f32;
    let mut start = 0;
    let barrier = menu_barriers(lines, noise, prose);
    for (i, line) in lines.iter().enumerate() {
        if barrier[i] {
            // The run does not cross a menu; pieces beyond it may be joined below.
            sum = 0.0;
            continue;
        }
        let s = score(line, noise.get(i).copied().unwrap_or(false), prose.get(i).copied().unwrap_or(false));
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += s;
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    let (_, first, last) = best?;
    let is_prose = |i: usize| prose.get(i).copied().unwrap_or(false);
    let is_noise = |i: usize| noise.get(i).copied().unwrap_or(false);
    let (mut first, mut last) = dense_run(lines, noise, prose, (first, last));
    // A piece of mostly paragraphs beyond a menu is the article going on past a widget in its
    // middle (a gallery with its controls, a list of links); a piece of teasers or comments is
    // mostly short lines between its sentences.
    let mostly_prose = |from: usize, to: usize| {
        let (mut text, mut n_lines) = (0usize, 0usize);
        for i in (from..to).filter(|&i| !is_noise(i)) {
            n_lines += 1;
            text += usize::from(is_prose(i));
        }
        text >= MIN_JOINED_PARAGRAPHS && text * 2 > n_lines
    };
    while let Some(bar) = (last + 1..lines.len()).find(|&i| barrier[i]) {
        let from = (bar..lines.len()).find(|&i| !barrier[i]).unwrap_or(lines.len());
        let mut to = (from..lines.len()).find(|&i| barrier[i]).unwrap_or(lines.len());
        // The next menu's first items belong to the menu, not to the piece.
        while to > from && (is_noise(to - 1) || (!is_prose(to - 1) && menu_item(lines[to - 1].text))) {
            to -= 1;
        }
        let near = from - last <= MAX_JOINED_GAP;
        match (from..to).rev().find(|&i| is_prose(i)).filter(|_| near && mostly_prose(from, to)) {
            Some(end) => last = end,
            None => break,
        }
    }
    while let Some(bar) = (0..first).rev().find(|&i| barrier[i]) {
        // The menu starts a few items before its first barrier line.
        let mut to = bar;
        while to > 0
            && (barrier[to - 1] || is_noise(to - 1) || (!is_prose(to - 1) && menu_item(lines[to - 1].text)))
        {
            to -= 1;
        }
        let from = (0..to).rev().find(|&i| barrier[i]).map_or(0, |i| i + 1);
        let near = first - to <= MAX_JOINED_GAP;
        match (from..to).find(|&i| is_prose(i)).filter(|_| near && mostly_prose(from, to)) {
            Some(start) => first = start,
            None => break,
        }
    }
    // Sentences touching the run belong to it, short ones too ("Talks resume on Monday."), and so
    // do sentences just past a line or two of furniture (an advert between paragraphs).
    let sentence_at = |i: usize| !is_noise(i) && ends_like_sentence(lines[i].text);
    let mut j = last + 1;
    let mut skipped = 0;
    while j < lines.len() && skipped <= MAX_SKIPPED_NOISE {
        if sentence_at(j) {
            last = j;
            skipped = 0;
        } else if is_noise(j) {
            skipped += 1;
        } else {
            break;
        }
        j += 1;
    }
    let mut j = first;
    let mut skipped = 0;
    while j > 0 && skipped <= MAX_SKIPPED_NOISE {
        j -= 1;
        if sentence_at(j) {
            first = j;
            skipped = 0;
        } else if is_noise(j) {
            skipped += 1;
        } else {
            break;
        }
    }
    // The run starts and ends on text, never on a line of furniture.
    while first < last && noise[first] {
        first += 1;
    }
    while last > first && noise[last] {
        last -= 1;
    }
    Some((first, last))
}

/// The run `run` without the sparse pieces at its ends: a stretch of [`GAP_LINES`] lines or more
/// without a sentence (a column of headlines, a box of links) parts it, and a piece beyond such a
/// stretch whose sentences each stand alone between other lines, most under a headline of five
/// words or more (teasers), two or more, is other stories, however many there are. The
/// article's paragraphs come in runs, or under short headings (a how-to's steps), and a lone
/// paragraph above a long list is its introduction.
fn dense_run(lines: &[Line<'_>], noise: &[bool], prose: &[bool], run: (usize, usize)) -> (usize, usize) {
    // A paragraph's sentence has some length: a short line that only ends like one, a question
    // headline ("Quiz: Wie gut kennen Sie Apple?") or a box's lead-in ("Auch auf heise online:"),
    // is a headline of the list it sits in.
    let is_prose = |i: usize| {
        prose.get(i).copied().unwrap_or(false)
            && !noise.get(i).copied().unwrap_or(false)
            && n_words(lines[i].text) >= MIN_SENTENCE_WORDS
            && !is_item_row(lines[i].text)
    };
    // A bulleted list is the article's own more often than not: it does not part the run.
    let gap_line = |i: usize| !is_prose(i) && bullet_glyph_len(lines[i].text).is_none();
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut piece_start = run.0;
    let mut i = run.0;
    while i <= run.1 {
        let gap_end = (i..=run.1).find(|&j| !gap_line(j)).unwrap_or(run.1 + 1);
        if gap_end - i >= GAP_LINES && i > piece_start && gap_end <= run.1 {
            pieces.push((piece_start, i - 1));
            piece_start = gap_end;
        }
        i = gap_end.max(i + 1);
    }
    pieces.push((piece_start, run.1));
    let is_noise = |i: usize| noise.get(i).copied().unwrap_or(false);
    // A teaser's sentence: right under a headline of some length (a step's short
    // "Step 2" heading is the article's own).
    let teaser = |j: usize, a: usize| {
        let above = (a..j).rev().find(|&k| !is_noise(k));
        above.is_some_and(|k| !is_prose(k) && weight(lines[k].text) >= TEASER_HEAD_WORDS)
    };
    // Sentences that each stand alone, most of them under such a headline.
    let sparse = |(a, b): (usize, usize)| {
        let sentences: Vec<usize> = (a..=b).filter(|&j| is_prose(j)).collect();
        let teasers = sentences.iter().filter(|&&j| teaser(j, a)).count();
        sentences.len() >= MIN_JOINED_PARAGRAPHS
            && teasers * 2 >= sentences.len()
            && !(a..b).any(|j| is_prose(j) && is_prose(j + 1))
    };
    let (mut lo, mut hi) = (0, pieces.len() - 1);
    while lo < hi && sparse(pieces[lo]) {
        lo += 1;
    }
    while hi > lo && sparse(pieces[hi]) {
        hi -= 1;
    }
    (pieces[lo].0, pieces[hi].1)
}

/// A line shaped like a menu item: a few words with letters, no figures or code.
fn menu_item(text: &str) -> bool {
    weight(text) <= MENU_ITEM_WORDS
        && text.chars().any(char::is_alphabetic)
        && !text.chars().any(|c| c.is_ascii_digit() || "{}()[];=<>$%/\\".contains(c))
}

/// Lines where a menu has run long enough to part the page: the [`MENU_BARRIER_ITEMS`]th
/// menu-shaped line in a row and every one after it (furniture between them does not break the
/// run, and is not counted).
fn menu_barriers(lines: &[Line<'_>], noise: &[bool], prose: &[bool]) -> Vec<bool> {
    let mut run = 0usize;
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            if !noise.get(i).copied().unwrap_or(false) {
                let item = !prose.get(i).copied().unwrap_or(false) && menu_item(line.text);
                run = if item { run + 1 } else { 0 };
            }
            run >= MENU_BARRIER_ITEMS
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::lines::split_lines;
    use super::*;

    #[test]
    fn the_main_run_skips_menus_and_footers() {
        let text = "Home\nWorld\nSport\nBusiness\nA Headline About Talks\n\
            The minister met his counterpart on Monday, and the two agreed to meet again in May.\n\
            A subheading\n\
            Officials said the talks had been constructive and that a statement would follow soon.\n\
            Most Read\nAnother Headline Here\nYet Another Headline Here\nAbout Us\nContact\n";
        let (lines, _) = split_lines(text, 0);
        let noise = vec![false; lines.len()];
        let (a, b) = main_run(&lines, &noise, &prose_flags(&lines)).unwrap();
        assert!(lines[a].text.starts_with("The minister"));
        assert!(lines[b].text.starts_with("Officials said"));
    }

    #[test]
    fn teasers_past_a_long_column_of_links_leave_the_run_but_a_how_tos_steps_stay() {
        let para = "The council said the fares would rise by a third in May, blaming the cost of fuel.";
        let links =
            (0..12).map(|k| format!("Link number {k} to another page")).collect::<Vec<_>>().join("\n");
        let teasers = "Harbour Cafe Wins the Regional Prize for Its Chowder\n\
            The owners of the cafe on the harbour said they were delighted with the prize.\n\
            Island School Gets a New Roof After the Winter Storms\n\
            The work will be finished before the pupils come back from their summer holiday.\n\
            Ferry Timetable Changes for the Autumn Season Announced\n\
            Two early sailings will go from October, the operator said in a short statement.";
        let page = |after: &str| format!("{para}\n{para}\n{para}\n{links}\n{after}\n");
        let text = page(teasers);
        let (lines, _) = split_lines(&text, 0);
        let (a, b) = main_run(&lines, &vec![false; lines.len()], &prose_flags(&lines)).unwrap();
        assert_eq!((a, b), (0, 2), "the run is the three paragraphs, not the teasers past the links");
        // Steps under short headings are the article's own, however far below a list they sit.
        let steps = "Step 1\nCut the foam to fit the base of the glass and soak it in water.\n\
            Step 2\nPress the plant into the foam and cover the rest with moss from the garden.\n\
            Step 3\nLower the glass over the plant slowly so that the moss stays where it is.";
        let text = page(steps);
        let (lines, _) = split_lines(&text, 0);
        let (_, b) = main_run(&lines, &vec![false; lines.len()], &prose_flags(&lines)).unwrap();
        assert!(lines[b].text.starts_with("Lower the glass"), "the steps stay: {}", lines[b].text);
    }

    #[test]
    fn a_long_menu_parts_the_page_but_a_widget_inside_the_article_does_not() {
        let para = "The council said the fares would rise by a third in May, blaming the cost of fuel.";
        let teaser = "The owners of the cafe on the harbour said they were delighted with the prize.";
        let widget = "Photo Gallery\nView Slideshow\nImage Credits\nEnlarge Image\nFull Screen\nAutoplay";
        let menu = "More On\nFerries\nIslands\nMoney\nTransport\nDeals\nFamily";
        let text = format!(
            "Fares Rise\n{para}\n{para}\n{widget}\n{para}\n{para}\n{menu}\nHarbour Cafe Named Best in the Region\nFood\n{teaser}\nCoastal Path Reopens After Repairs\nWalking\n{teaser}\n"
        );
        let (lines, _) = split_lines(&text, 0);
        let noise = vec![false; lines.len()];
        let (a, b) = main_run(&lines, &noise, &prose_flags(&lines)).unwrap();
        assert_eq!((a, b), (1, 10), "{:?}", &lines[a..=b]);
    }

    #[test]
    fn code_blocks_are_lines_of_code_kept_together_but_menus_and_dated_teasers_are_not() {
        let blocks = |text: &str| {
            let (lines, _) = split_lines(text, 0);
            code_blocks(text, &lines)
        };
        let text = "Let us count the trips:\n\nSELECT\n   route,\n   count(*) AS trips\nFROM\n   sailings\nGROUP BY\n   route;\n\nThat is all.";
        assert_eq!(blocks(text), [(1, 7)]);
        let table = "route │ trips\n──────┼──────\nisland │ 41";
        assert_eq!(blocks(table), [(0, 2)]);
        // Words alone, names with a bracket after a space, dates with a weekday in brackets and
        // markup shown as text are not code, however close together.
        assert!(blocks("Home\nWorld\nSport\nBusiness\nCulture").is_empty());
        assert!(blocks("Zelensky (left) meets Syrsky\nOlaf Scholz (SPD)\nMinutes of the council").is_empty());
        assert!(blocks(
            "Ferry strike called off 3/9(Thu) 18:45\nNew timetable 3/8(Wed) 09:10\nFares 3/7(Tue) 11:02"
        )
        .is_empty());
        assert!(blocks("<div style=\"a\"><img src=\"b.gif\">\n<div><a href=\"c\">\n<img src=\"d.gif\">")
            .is_empty());
        // Two lines make a block only when both are code.
        assert_eq!(blocks("SELECT avg(n)\nFROM unnest(series) AS n;"), [(0, 1)]);
        assert!(blocks("Read the full report\nsum(values)").is_empty());
        // Items indented alike (a menu's layout) are not nested code.
        assert!(blocks("  Copy Link\n  Share\n  Print\n  Email").is_empty());
        assert!(blocks("Most Read\n Harbour Cafe Wins a Prize\n Ferry Fares Rise\n Island School Reopens")
            .is_empty());
        assert!(blocks("Recommend\n    Print\n    Email\n    Share").is_empty());
        assert!(blocks("Name(required)\nEmail(required)\nComment(required)").is_empty());
    }

    #[test]
    fn hard_wrapped_paragraphs_are_prose() {
        let text = "Abstract\n\n    This draft describes a protocol by which client-side applications,\n    running inside a web browser, can communicate with a data storage\n    server that is hosted on a different domain name.\n";
        let (lines, _) = split_lines(text, 0);
        assert_eq!(prose_flags(&lines), [false, true, true, true]);
    }

    #[test]
    fn sentences_in_a_language_without_known_small_words_are_prose() {
        let text = "Gündem\nEkonomi\n\
            Belediye başkanı yeni köprünün gelecek yıl açılacağını açıkladı ve çalışmaların hızlandığını söyledi.\n\
            Yetkililer yangının kontrol altına alındığını ve bölgedeki evlerin boşaltıldığını belirtti.\n\
            Ekipler sabaha kadar çalıştı ve yollar akşam saatlerinde yeniden trafiğe açıldı.\n";
        let (lines, _) = split_lines(text, 0);
        assert_eq!(prose_flags(&lines), [false, false, true, true, true]);
        // On a page in a covered language, a long line without small words is still a list.
        let text = "The minister met his counterpart on Monday, and the two agreed to meet again in May.\n\
            Officials said the talks had been constructive and that a statement would follow soon.\n\
            The opposition said it would wait for the text of the agreement before it took a view.\n\
            Tags: phones, audio, hardware, batteries, chargers, cables, reviews, deals.\n";
        let (lines, _) = split_lines(text, 0);
        assert_eq!(prose_flags(&lines), [true, true, true, false]);
    }

    #[test]
    fn prose_needs_a_sentence_shape_and_small_words() {
        assert!(is_prose("The court said the officer had confessed to the killing."));
        assert!(!is_prose("Storm Knocks Out Power to 40,000 Homes Along the Coast"));
        assert!(!is_prose("Tags: phones, audio, hardware, batteries, chargers, cables, reviews, deals."));
        assert!(is_prose("日本の首相は月曜日、新しい経済対策を発表した。"));
        // A headline with a full stop is still a headline; a sentence full of names is a sentence.
        assert!(!is_prose("26 Libraries That Have Appeared In Every Book Lover's Fantasy."));
        assert!(is_prose("Rovers Manager Alan Marsh blamed The Wet Pitch."));
    }
}
