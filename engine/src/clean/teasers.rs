//! Lists of other stories' teasers at the end of a page's main run of prose: a headline (perhaps
//! with a kicker, a date or a byline) above one short paragraph (or a standfirst of eight words or
//! more in sentence case without its full stop), again and again, or a box of headlines under its
//! header ("Editor's Picks"). The run ends before them. Also one teaser set inside the text under
//! its stamp (an older story's date, a video's running time).

use super::content::{ends_like_sentence, weight};
use super::dates::parse_date_line;
use super::lines::{title_case_ratio, Line};
use super::rules;

/// A trailing list of this many teasers (headline, short paragraph) is other stories.
const TEASER_RUN: usize = 3;
/// A teaser's paragraph has at most this many words.
const TEASER_MAX_WORDS: usize = 45;
/// A teaser's headline (or kicker, date, byline) has at most this many words.
const HEADLINE_MAX_WORDS: usize = 20;
/// A teaser's head has at most this many lines.
const TEASER_HEAD_LINES: usize = 4;
/// A teaser's headline, right above its paragraph, has at least this many words (an article's
/// subheadings and step numbers are shorter).
const TEASER_HEADLINE_WORDS: usize = 5;
/// A teaser's standfirst that does not end like a sentence ("'Success hinges on willingness to
/// act'") has at least this many words.
const DEK_MIN_WORDS: usize = 8;

/// What the teaser passes look at: a segment's lines, what is known of them, and the main run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TeaserContext<'a, 'l> {
    /// The segment's lines.
    pub lines: &'a [Line<'l>],
    /// Which of them are known furniture (which may sit between teasers).
    pub noise: &'a [bool],
    /// Which of them are prose ([`super::content::prose_flags`]).
    pub prose: &'a [bool],
    /// The main run of prose, first and last line.
    pub run: (usize, usize),
}

impl TeaserContext<'_, '_> {
    /// True when line `i` is known furniture (false past the end).
    fn is_noise(&self, i: usize) -> bool {
        self.noise.get(i).copied().unwrap_or(false)
    }

    /// True when line `i` is prose and not furniture (false past the end).
    fn is_prose(&self, i: usize) -> bool {
        self.prose.get(i).copied().unwrap_or(false) && !self.is_noise(i)
    }

    /// The words of line `i`.
    fn words(&self, i: usize) -> usize {
        weight(self.lines[i].text)
    }

    /// True when line `i` reads like a teaser's standfirst without its full stop: a sentence-case
    /// line of [`DEK_MIN_WORDS`] or more that does not end like a sentence. Taken as a teaser
    /// only under a headline of its own.
    fn is_dek(&self, i: usize) -> bool {
        let text = self.lines[i].text;
        !self.is_noise(i)
            && !self.is_prose(i)
            && (DEK_MIN_WORDS..=TEASER_MAX_WORDS).contains(&self.words(i))
            && !ends_like_sentence(text)
            // Sentence case needs a script with case: a caseless script's lines all look alike.
            && text.chars().any(char::is_lowercase)
            && title_case_ratio(text) < 0.5
    }

    /// True when line `i` is a standfirst without its full stop ([`Self::is_dek`]) right under
    /// its headline: the previous teaser, which ends the head of the one below it.
    fn is_headed_dek(&self, i: usize) -> bool {
        i > 0
            && self.is_dek(i)
            && !self.is_noise(i - 1)
            && !self.is_prose(i - 1)
            && self.words(i - 1) >= TEASER_HEADLINE_WORDS
    }

    /// Where a list of other stories' teasers at the end of the run starts: at least
    /// [`TEASER_RUN`] teasers to the run's end, each a headline (and perhaps a kicker, a date or a
    /// byline) above a single short paragraph. The article's own paragraphs come in runs, or
    /// long, or under short subheadings; a teaser's is alone and short, under a headline-length
    /// line.
    pub(crate) fn list_start(&self) -> Option<usize> {
        let (start, teasers, article) = self.teasers_under_article()?;
        // The article stays: a run that is all teasers is something else (a list page).
        (teasers >= TEASER_RUN && article >= TEASER_RUN).then_some(start)
    }

    /// Where a box of other stories under its header ("Editor's Picks", "Mehr zum Thema") starts
    /// when it runs to the end of the run: after the header's last occurrence in the run come
    /// [`TEASER_RUN`] or more headlines or teasers, no paragraph longer than two teasers and none
    /// right after another (headlines of any length: the header says what they are), and above
    /// it the article has that many paragraphs. An article going on past a boxed link has
    /// paragraphs in runs.
    pub(crate) fn cued_list_start(&self) -> Option<usize> {
        let (first, last) = self.run;
        let cue = (first + 1..=last).rev().find(|&i| rules::is_headline_list_cue(self.lines[i].text))?;
        // Its items: headlines and teasers (cut short, a teaser may end mid-sentence).
        let mut items = 0;
        // Prose lines in a row just above: a teaser's paragraph may sit under a short lead-in (a
        // question headline), never under another paragraph.
        let mut prose_above = 0;
        let mut lead_in = false;
        for i in (cue + 1..=last).filter(|&i| !self.is_noise(i)) {
            let w = self.words(i);
            if self.is_prose(i)
                && (prose_above >= 2 || (prose_above == 1 && !lead_in) || w > 2 * TEASER_MAX_WORDS)
            {
                return None;
            }
            items += usize::from(w >= TEASER_HEADLINE_WORDS);
            if self.is_prose(i) {
                lead_in = prose_above == 0 && w <= HEADLINE_MAX_WORDS;
                prose_above += 1;
            } else {
                prose_above = 0;
            }
        }
        let article = (first..cue).filter(|&i| self.is_prose(i)).count();
        (items >= TEASER_RUN && article >= TEASER_RUN).then_some(cue)
    }

    /// Where the teasers start when the run is other stories' teasers and little else:
    /// [`TEASER_RUN`] or more of them, with fewer than that many paragraphs above them. On an
    /// article page that is the list after a short article (a paywalled story shows a paragraph
    /// or two), on a list page it is the page's text.
    pub(crate) fn run_start(&self) -> Option<usize> {
        let (start, teasers, article) = self.teasers_under_article()?;
        (teasers >= TEASER_RUN && article < TEASER_RUN).then_some(start)
    }

    /// The teasers at the end of the run (where they start, how many) and the paragraphs above
    /// them.
    fn teasers_under_article(&self) -> Option<(usize, usize, usize)> {
        let (start, teasers) = self.trailing_teasers()?;
        Some((start, teasers, (self.run.0..start).filter(|&j| self.is_prose(j)).count()))
    }

    /// The teasers at the end of the run: where the first of them starts and how many there are.
    fn trailing_teasers(&self) -> Option<(usize, usize)> {
        let (first, last) = self.run;
        // Walk back from the run's end; lines after the last teaser's paragraph (its byline, a
        // date) are part of the list.
        let mut i = last;
        let mut trailing = 0;
        while i > first && !self.is_prose(i) && trailing < TEASER_HEAD_LINES {
            i -= 1;
            trailing += 1;
        }
        let mut teasers = 0;
        let mut start = None;
        while i > first && (self.is_prose(i) || self.is_headed_dek(i)) && self.words(i) <= TEASER_MAX_WORDS {
            // The teaser's paragraph: one short line of prose, perhaps under a short lead-in (a
            // question headline); a run of paragraphs is the article's. A standfirst without its
            // full stop has no lead-in, and needs its headline right above it.
            let dek = !self.is_prose(i);
            let mut top = i;
            if !dek && self.is_prose(top - 1) && self.words(top - 1) <= HEADLINE_MAX_WORDS {
                top -= 1;
            }
            if top == first || self.is_prose(top - 1) {
                break;
            }
            // Its head: the lines above it up to the previous paragraph, the nearest few of them
            // of headline length, and a headline right above the paragraph (or the lead-in is
            // one); a step's number or a short subheading there is the article's own list.
            // A standfirst under its headline above this teaser's own headline is the teaser
            // before it.
            let mut head = top;
            while head > first
                && !self.is_prose(head - 1)
                && !(self.is_headed_dek(head - 1) && (head..top).any(|j| !self.is_noise(j)))
            {
                head -= 1;
            }
            let near: Vec<usize> = (head.max(top.saturating_sub(TEASER_HEAD_LINES))..top)
                .filter(|&j| !self.is_noise(j))
                .collect();
            let headline_above = near.last().is_some_and(|&j| self.words(j) >= TEASER_HEADLINE_WORDS);
            let headed =
                near.iter().all(|&j| self.words(j) <= HEADLINE_MAX_WORDS) && (headline_above || top < i);
            // A head reaching back to the run's start leaves no article above it.
            if !headed || head == first {
                break;
            }
            teasers += 1;
            start = Some(head);
            if top - head > TEASER_HEAD_LINES {
                // A longer stretch of short lines (a box's header, share links) ends the list.
                break;
            }
            i = head - 1;
        }
        start.map(|start| (start, teasers))
    }
}

/// Another story's teaser set inside the text: a line that is only its stamp, the date of a story
/// older than this one ("24.03.2023", "Analyse 11.04.2022", with one label word) or a video's
/// running time ("01:43 min"), right above its headline or right under it. Returns the stamp and
/// headline lines of each, among `body` (the text's open lines, in order). A live blog's entries
/// are stamped with the day's times and the article's own date, which are neither; without the
/// article's date (`article_date`, `YYYY-MM-DD`) no date stamp is taken.
pub(crate) fn stamped_teasers(lines: &[Line<'_>], body: &[usize], article_date: Option<&str>) -> Vec<usize> {
    let older = |t: &str| {
        let Some(own) = article_date else { return false };
        let stamp = parse_date_line(t).or_else(|| {
            let (label, rest) = t.split_once(' ')?;
            label.chars().all(char::is_alphabetic).then(|| parse_date_line(rest)).flatten()
        });
        stamp.is_some_and(|d| d.iso.as_str() < own)
    };
    let is_stamp = |i: usize| {
        let t = lines[i].text.trim();
        is_running_time(t) || older(t)
    };
    let is_headline = |i: usize| {
        let t = lines[i].text.trim();
        (TEASER_HEADLINE_WORDS..=HEADLINE_MAX_WORDS).contains(&weight(t)) && !ends_like_sentence(t)
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k + 1 < body.len() {
        let (a, b) = (body[k], body[k + 1]);
        if b == a + 1 && ((is_stamp(a) && is_headline(b)) || (is_headline(a) && is_stamp(b))) {
            out.extend([a, b]);
            k += 2;
        } else {
            k += 1;
        }
    }
    out
}

/// A video's running time alone on its line: "01:43 min", "4:05 Min.".
fn is_running_time(t: &str) -> bool {
    let Some((time, unit)) = t.split_once(' ') else { return false };
    let Some((m, s)) = time.split_once(':') else { return false };
    let digits = |x: &str| (1..=2).contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit());
    digits(m) && digits(s) && s.len() == 2 && unit.trim_end_matches('.').eq_ignore_ascii_case("min")
}
