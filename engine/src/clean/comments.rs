//! Reader comments under a copied article: a thread is told by its shape, not its words. Each
//! comment opens with a short header line holding a timestamp ("MA Sullivan • 2 weeks ago",
//! "On December 23, 2014, at 10:07 PM, argusdc wrote:", "29.04.2023, 11:14 Uhr") and often
//! closes with a reply link ("Reply", "Magnus_15 antworten"). Several such headers, each
//! followed by prose, after the article's own text has begun, start the comments; the article's
//! main run of prose ends before them.
//!
//! A live blog's entries are also headed by times ("10:14 GMT", "Updated 2 hours ago"), so a
//! header counts as a commenter's only when it names someone besides the time, or when the
//! thread also has reply links. A header may be printed over two lines, the date above the time.

use super::content::weight;
use super::dates::is_date_word;
use super::lines::Line;

/// A comment header has at most this many words.
const HEADER_MAX_WORDS: usize = 16;
/// A header's time of day on a line of its own has at most this many words ("2:20 AM") ...
const SPLIT_TIME_WORDS: usize = 3;
/// ... and its date, on the line above, at most this many ("April 6, 2018").
const SPLIT_DATE_WORDS: usize = 5;
/// How many lines after a split header its comment's reply link sits, at most.
const SPLIT_REPLY_REACH: usize = 8;
/// A reply link has at most this many words ("Reply", "Like · Reply", "Magnus_15 antworten").
const REPLY_MAX_WORDS: usize = 4;
/// A reply link led by the commenter's name has at most this many words.
const NAMED_REPLY_MAX_WORDS: usize = 8;
/// A thread has at least this many headers that open a comment (are followed by prose).
const MIN_HEADERS: usize = 2;
/// Headers naming a commenter, or reply links, a thread has at least this many of.
const MIN_NAMED: usize = 2;
/// How many lines after a header its comment's text may start (avatar, "Link kopieren").
const HEADER_TO_TEXT: usize = 3;
/// How many short lines above the first header still belong to the comment (avatar initials,
/// the commenter's name, "Link kopieren").
const HEADER_LEAD_LINES: usize = 3;
/// A line of at most this many words may lead a comment's header.
const LEAD_MAX_WORDS: usize = 4;
/// The article's own prose before the first comment, in prose lines.
const MIN_ARTICLE_LINES: usize = 2;

/// Comment headings at most this many lines apart are one group ("7 comments" / "Post a comment").
const HEADING_GROUP_GAP: usize = 3;
/// A thread's headings make at most this many groups: its heading and its form at the bottom.
const MAX_HEADING_GROUPS: usize = 2;

/// A byline with its date above a comment count has at most this many words.
const DATE_ABOVE_WORDS: usize = 8;

/// Words of a reply link (lower case), in the languages news pages are most often in.
const REPLY_WORDS: &[&str] = &[
    "reply",
    "replies",
    "antworten",
    "antwort",
    "répondre",
    "repondre",
    "responder",
    "rispondi",
    "reageren",
    "antwoord",
    "odpovědět",
    "odpowiedz",
    "svara",
    "svar",
];
/// Time units of a relative timestamp ("3 weeks ago", "vor 2 Stunden", "il y a 5 jours").
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "sekunden", "minuten", "stunde",
    "stunden", "tag", "tagen", "woche", "wochen", "monat", "monaten", "jahr", "jahren", "secondes", "heure",
    "heures", "jour", "jours", "semaine", "semaines", "mois", "an", "ans",
];
/// Words a timestamp is written with besides dates ("ago", "vor", "il y a", "updated").
const STAMP_WORDS: &[&str] = &["ago", "vor", "il", "y", "a", "an", "one", "updated", "edited", "uhr"];

/// Where the comments under the article start: the first line of the first comment in the main
/// run `run` (first and last line, inclusive), or `None` when the run holds no thread. Lines in
/// a code block (`code`) are never a comment's header or reply link, whatever dates they hold.
pub(crate) fn thread_start(
    lines: &[Line<'_>],
    prose: &[bool],
    code: &[bool],
    run: (usize, usize),
) -> Option<usize> {
    let (first, last) = run;
    let is_prose = |i: usize| prose.get(i).copied().unwrap_or(false);
    let opens_comment = |i: usize| (i + 1..=(i + HEADER_TO_TEXT).min(last)).any(is_prose);
    let mut headers = Vec::new();
    let mut named = 0usize;
    let mut replies = 0usize;
    let last = last.min(lines.len().saturating_sub(1));
    for (i, line) in lines.iter().enumerate().take(last + 1).skip(first + 1) {
        let t = line.text;
        if code.get(i).copied().unwrap_or(false) {
            continue;
        }
        if is_reply_link(t) && !is_prose(i) {
            replies += 1;
        } else if let Some(names_someone) = comment_header(t).or_else(|| {
            // Its comment ends in a reply link: a date and a time alone name nobody. (Looked for
            // only under a split header, not under every line.)
            split_header(lines, i)
                .filter(|_| (i + 1..=(i + SPLIT_REPLY_REACH).min(last)).any(|j| is_reply_link(lines[j].text)))
        }) {
            if opens_comment(i) {
                headers.push(i);
                named += usize::from(names_someone);
            }
        }
    }
    if headers.len() < MIN_HEADERS || named.max(replies) < MIN_NAMED {
        return None;
    }
    let mut start = headers[0];
    // The article comes first: a thread at the top of the run is the run.
    if (first..start).filter(|&i| is_prose(i)).count() < MIN_ARTICLE_LINES {
        return None;
    }
    for _ in 0..HEADER_LEAD_LINES {
        let j = start - 1;
        if j <= first || is_prose(j) || weight(lines[j].text) > LEAD_MAX_WORDS {
            break;
        }
        start = j;
    }
    Some(start)
}

/// Where the comments under the article start when the page heads them with their count or their
/// form ("7 comments", "Post a comment"): the first such line in the main run `run` (first and
/// last line, inclusive) with at least [`MIN_ARTICLE_LINES`] of the article's paragraphs above it
/// and fewer words of prose below it than above. Comments copied without timestamps or reply links
/// ("bookworm_rachel" above her comment) are known by their heading alone. Not a thread's heading:
/// a "Comments" button in a share bar under the standfirst (the article is below it), a count on
/// the line under a byline's date (the story's own header), a count under every teaser of a
/// stream (more than [`MAX_HEADING_GROUPS`] groups of such lines).
/// `is_heading(i)`: line `i` was removed as a comment count or prompt.
pub(crate) fn headed_thread_start(
    lines: &[Line<'_>],
    prose: &[bool],
    run: (usize, usize),
    is_heading: impl Fn(usize) -> bool,
) -> Option<usize> {
    let (first, last) = run;
    let last = last.min(lines.len().saturating_sub(1));
    let prose_words = |from: usize, to: usize| -> (usize, usize) {
        (from..to)
            .filter(|&i| prose.get(i).copied().unwrap_or(false))
            .fold((0, 0), |(n, w), i| (n + 1, w + weight(lines[i].text)))
    };
    let headings: Vec<usize> = (first + 1..=last).filter(|&i| is_heading(i)).collect();
    let heading = *headings.first()?;
    // A thread has its heading, and perhaps its form at the bottom; a count under every teaser of
    // a stream of other stories ("200Comments. Click to view comments") is no thread's.
    let groups = 1 + headings.windows(2).filter(|w| w[1] - w[0] > HEADING_GROUP_GAP).count();
    if groups > MAX_HEADING_GROUPS {
        return None;
    }
    let (above_lines, above) = prose_words(first, heading);
    let (_, below) = prose_words(heading + 1, last + 1);
    // A count under the story's byline and date ("Associated Press December 2, 2016" / "11
    // Comments") heads the story, not a thread (a stream of teasers above it outweighs it).
    let under_a_date = heading > first && {
        let above = lines[heading - 1].text;
        weight(above) <= DATE_ABOVE_WORDS && above.split_whitespace().any(has_year)
    };
    (above_lines >= MIN_ARTICLE_LINES && below < above && !under_a_date).then_some(heading)
}

/// A reply link: a few words, one of them [`REPLY_WORDS`] ("Like · Reply"), or the commenter's
/// name and a reply word last ("Elon Musk kommt nicht ins Berghain antworten").
fn is_reply_link(text: &str) -> bool {
    let is_reply = |w: &str| REPLY_WORDS.iter().any(|r| r.eq_ignore_ascii_case(w));
    let mut words = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let n_words = weight(text);
    (n_words <= REPLY_MAX_WORDS && words.clone().any(is_reply))
        || (n_words <= NAMED_REPLY_MAX_WORDS && words.next_back().is_some_and(is_reply))
}

/// A comment header: a short line with a timestamp, either relative ("2 weeks ago") or a date
/// with a time of day, that does not end like a sentence. `Some(true)` when it also names someone (a word that is no part of the
/// timestamp), `None` when it is no header.
fn comment_header(text: &str) -> Option<bool> {
    let t = text.trim_end_matches(['"', '”', '\'', ')']);
    if weight(text) > HEADER_MAX_WORDS || text.len() > 200 || t.ends_with(['.', '!', '?']) {
        return None;
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '•' | '·' | '|' | '(' | ')'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != ':').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let relative = words.windows(2).any(|w| is_count(&w[0]) && TIME_UNITS.contains(&w[1].as_str()))
        && words.iter().any(|w| matches!(w.as_str(), "ago" | "vor" | "il" | "hace" | "fa" | "geleden"));
    let clock = words.iter().any(|w| is_clock(w));
    let year = words.iter().any(|w| has_year(w));
    if !(relative || (clock && year)) {
        return None;
    }
    let names_someone = words.iter().any(|w| {
        w.chars().any(char::is_alphabetic)
            && !w.chars().any(|c| c.is_ascii_digit())
            && !is_date_word(w)
            && !STAMP_WORDS.contains(&w.as_str())
            && !TIME_UNITS.contains(&w.as_str())
    });
    Some(names_someone)
}

/// A header printed over two lines, the date on one and the time of day on the next ("April 6,
/// 2018" above "2:20 AM"): the header of line `i`, its time, read together with the line above.
fn split_header(lines: &[Line<'_>], i: usize) -> Option<bool> {
    let above = lines.get(i.checked_sub(1)?)?.text;
    let t = lines[i].text;
    if weight(t) > SPLIT_TIME_WORDS || weight(above) > SPLIT_DATE_WORDS {
        return None;
    }
    comment_header(&format!("{above} {t}"))
}

/// "2", "a", "one": how many units a relative timestamp counts.
fn is_count(word: &str) -> bool {
    (!word.is_empty() && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()))
        || matches!(word, "a" | "an" | "one" | "einer" | "einem" | "einen")
}

/// "10:07", "9:57pm": a time of day.
fn is_clock(word: &str) -> bool {
    let core = word.trim_end_matches(|c: char| c.is_alphabetic());
    let mut parts = core.split(':');
    let (Some(h), Some(m)) = (parts.next(), parts.next()) else { return false };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
        && parts.all(|s| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
}

/// A word holding a year ("2014", "29.04.2023", "2023-04-29").
fn has_year(word: &str) -> bool {
    word.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
}

#[cfg(test)]
mod tests {
    use super::super::content::prose_flags;
    use super::super::lines::split_lines;
    use super::*;

    const ARTICLE: &str = "The council voted on Tuesday to close the harbour road for repairs next spring.\n\
        Residents said the closure would cut them off from the ferry for at least three weeks.\n\
        The works are expected to cost about two million pounds, the council said.\n";

    fn start(text: &str) -> Option<usize> {
        let (lines, _) = split_lines(text, 0);
        let prose = prose_flags(&lines);
        thread_start(&lines, &prose, &vec![false; lines.len()], (0, lines.len() - 1)).map(|i| {
            let at = lines[i].text;
            lines.iter().position(|l| l.text == at).unwrap_or(i)
        })
    }

    #[test]
    fn headers_naming_commenters_start_the_thread() {
        let text = format!(
            "{ARTICLE}Comments\nMA Sullivan • 2 weeks ago\nThis is the most useful piece I have read on the closure so far.\n\
             Dee Rothman • 3 weeks ago\nNice article, but what about the people who work on the other side of the bay?\n"
        );
        assert_eq!(start(&text), Some(3), "the thread starts at its heading");
    }

    #[test]
    fn date_only_headers_need_reply_links() {
        let thread = "Magnus_15\nLink kopieren\n29.04.2023, 11:14 Uhr\nIch finde die Entscheidung des Rates richtig und längst überfällig.\nMagnus_15 antworten\n\
            Elke\nLink kopieren\n29.04.2023, 12:02 Uhr\nDas sehe ich anders, die Fähre ist für viele die einzige Verbindung.\nElke antworten\n";
        assert_eq!(start(&format!("{ARTICLE}{thread}")), Some(3));
        // A live blog: entries headed by a date and time, nobody named, no reply links.
        let live =
            "29.04.2023, 11:14 Uhr\nDer Rat hat die Sitzung eröffnet, die Abstimmung folgt am Nachmittag.\n\
            29.04.2023, 12:02 Uhr\nDie Abstimmung ist verschoben worden, sagte ein Sprecher des Rates.\n\
            29.04.2023, 13:40 Uhr\nDer Rat hat der Schließung mit großer Mehrheit zugestimmt.\n";
        assert_eq!(start(&format!("{ARTICLE}{live}")), None);
    }

    #[test]
    fn a_header_split_over_a_date_line_and_a_time_line_starts_the_thread() {
        let thread = "April 5, 2018\n6:32 PM\nLars\nCouldn’t I just block the whole site in my own filter at home?\nreply\n\
            April 6, 2018\n2:20 AM\nAnonymous\nPrivacy Badger is also a good plugin to mention here, I think.\nreply\n";
        assert_eq!(start(&format!("{ARTICLE}{thread}")), Some(3));
        // A live blog's entries headed that way, nobody named and no reply links, are its text.
        let live =
            "April 5, 2018\n6:32 PM\nThe council has opened its meeting, and the vote follows later.\n\
            April 5, 2018\n7:10 PM\nThe vote has been put off, a spokesman for the council said.\n";
        assert_eq!(start(&format!("{ARTICLE}{live}")), None);
    }

    fn headed_start(text: &str) -> Option<usize> {
        let (lines, _) = split_lines(text, 0);
        let prose = prose_flags(&lines);
        let is_heading = |i: usize| {
            super::super::rules::line_noise(lines[i].text, &[])
                == Some(crate::model::NoiseKind::CommentPrompt)
        };
        headed_thread_start(&lines, &prose, (0, lines.len() - 1), is_heading)
    }

    #[test]
    fn a_comment_count_under_the_article_starts_the_thread_without_timestamps() {
        let thread = "3 comments\nPost a comment\nbookworm_rachel\nThis is exactly the kind of closure nobody talks about until it is far too late.\n\
            Dennis Hale\nWe lost our ferry in the same round of cuts and the pier has been empty ever since.\n";
        assert_eq!(headed_start(&format!("{ARTICLE}{thread}")), Some(3));
        // A "Comments" button under the standfirst: the article is below it.
        let share = format!("The harbour road will close next spring.\nShare\nComments\n{ARTICLE}");
        assert_eq!(headed_start(&share), None);
        // A count under the story's byline and date heads the story.
        let header = format!("{ARTICLE}Associated Press December 2, 2016\n11 Comments\n{ARTICLE}");
        assert_eq!(headed_start(&header), None);
    }

    #[test]
    fn a_count_under_every_teaser_of_a_stream_is_no_thread() {
        let teaser =
            "Bridge Opens After Three Years\nA new bridge opens to traffic after three years of building work on the river.\nHarbour News\n12 comments\n";
        let stream = format!("{ARTICLE}{}", teaser.repeat(3));
        assert_eq!(headed_start(&stream), None);
    }

    #[test]
    fn an_article_that_mentions_times_has_no_thread() {
        let text = format!(
            "{ARTICLE}Two weeks ago, on 3 March 2024 at 10:15, the first lorry crossed the new bridge.\n\
             Since then, the council said, more than 2,000 vehicles had used it every day.\n\
             Reply\nShare\n"
        );
        assert_eq!(start(&text), None);
    }
}
