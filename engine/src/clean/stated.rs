//! Metadata a page states in its text: "Posted by News Desk | July 27, 2021", "By Jane Roe ·
//! Updated 10:42 AM EDT, Tue August 3, 2021", "Posted on May 4, 2020 by Ellen", and the owner named
//! by a copyright line ("© 2021 Example News. All rights reserved.").

use super::dates::{parse_date_line, DateLine};
use super::lines::words_up_to;

/// Prefixes that introduce an author's name (lower case, with their trailing space).
const BYLINE_PREFIXES: &[&str] =
    &["posted by ", "written by ", "words by ", "story by ", "text by ", "by ", "author: ", "reporter: "];
/// Parts of a metadata line that say nothing by themselves.
const FILLER: &[&str] = &["updated", "published", "posted", "last updated", "ago", "updated ago", "share"];
/// Company suffixes dropped from a copyright owner ("Northern Ledger Media Ltd" → "Northern Ledger").
const LEGAL_SUFFIXES: &[&str] = &[
    "ltd",
    "ltd.",
    "limited",
    "inc",
    "inc.",
    "llc",
    "plc",
    "gmbh",
    "s.a.",
    "company",
    "co.",
    "corp.",
    "corporation",
];
/// Words that follow a brand in a company name, dropped only after a legal suffix.
const COMPANY_WORDS: &[&str] = &["media", "group", "holdings", "publishing", "publications", "newspapers"];

/// What a metadata line states; ranges are byte ranges in the line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Stated {
    /// The date it states.
    pub date: Option<DateLine>,
    /// The author's name ("News Desk" in "Posted by News Desk | July 27, 2021").
    pub byline: Option<(usize, usize)>,
}

/// Reads a metadata line: parts separated by "|", "·", "•" or spaced dashes, each a date, a byline,
/// a reading time or a filler word. `None` when any part is something else (a sentence, a menu).
pub(crate) fn stated_line(line: &str) -> Option<Stated> {
    if line.len() > 200 || words_up_to(line, 24) > 24 {
        return None;
    }
    let mut stated = Stated::default();
    let mut unknown = 0;
    for (s, e) in parts(line) {
        let part = &line[s..e];
        let lower = part.to_ascii_lowercase();
        let core = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
        if core.is_empty() || FILLER.contains(&core) || reading_time(core) {
            continue;
        }
        if let Some(d) = parse_date_line(part) {
            stated.date.get_or_insert(d);
            continue;
        }
        if let Some((ns, ne)) = byline_in(part, &lower) {
            stated.byline.get_or_insert((s + ns, s + ne));
            continue;
        }
        // "Posted on May 4, 2020 by Ellen": a date, then the author.
        if let Some(at) = lower.find(" by ") {
            if let (Some(d), Some((ns, ne))) =
                (parse_date_line(&part[..at]), byline_in(&part[at + 1..], &lower[at + 1..]))
            {
                stated.date.get_or_insert(d);
                stated.byline.get_or_insert((s + at + 1 + ns, s + at + 1 + ne));
                continue;
            }
        }
        unknown += 1;
    }
    // One unexplained part (a site or section name beside the date) is allowed.
    (unknown <= usize::from(stated.date.is_some()) && (stated.date.is_some() || stated.byline.is_some()))
        .then_some(stated)
}

/// Byte ranges of the parts of a metadata line.
fn parts(line: &str) -> Vec<(usize, usize)> {
    let mut cuts = Vec::new();
    for (i, c) in line.char_indices() {
        if matches!(c, '|' | '·' | '•') {
            cuts.push((i, i + c.len_utf8()));
        }
    }
    for dash in [" - ", " — ", " – "] {
        for (i, _) in line.match_indices(dash) {
            cuts.push((i, i + dash.len()));
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut from = 0;
    for (s, e) in cuts {
        if s >= from {
            out.push(trimmed(line, from, s));
            from = e;
        }
    }
    out.push(trimmed(line, from, line.len()));
    out
}

fn trimmed(line: &str, s: usize, e: usize) -> (usize, usize) {
    let part = &line[s..e];
    let lead = part.len() - part.trim_start().len();
    (s + lead, s + lead + part.trim().len())
}

/// "5 min read", "3 minute read".
fn reading_time(core: &str) -> bool {
    let rest = core.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start();
    rest.len() < core.len() && ["min read", "mins read", "minute read", "minutes read"].contains(&rest)
}

/// The name after a byline prefix ("By Jane Roe", "Posted by News Desk"): its range in `part`.
fn byline_in(part: &str, lower: &str) -> Option<(usize, usize)> {
    let prefix = BYLINE_PREFIXES.iter().find(|p| lower.starts_with(**p))?;
    let rest = &part[prefix.len()..];
    let lead = rest.len() - rest.trim_start().len();
    let start = prefix.len() + lead;
    // The name runs to an e-mail address or the end.
    let mut end = part.len();
    for (i, word) in
        part[start..].split_whitespace().map(|w| (w.as_ptr() as usize - part.as_ptr() as usize, w))
    {
        if word.contains('@') {
            end = i;
            break;
        }
    }
    let name = part[start..end].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';'));
    let words = words_up_to(name, 9);
    let capitalised = name.chars().next().is_some_and(|c| c.is_uppercase());
    let sentence = name.ends_with('.') && !name.ends_with(" Jr.") && words > 3;
    ((1..=8).contains(&words) && capitalised && !sentence).then_some((start, start + name.len()))
}

/// The owner a copyright line names: "© 2021 Tigris Times. All rights reserved." → "Tigris Times"
/// (its byte range in the line).
pub(crate) fn copyright_owner(line: &str) -> Option<(usize, usize)> {
    if line.len() > 300 {
        return None;
    }
    // ASCII lower-casing keeps byte offsets.
    let lower = line.to_ascii_lowercase();
    let at =
        lower.find('©').map(|i| i + '©'.len_utf8()).or_else(|| lower.find("copyright").map(|i| i + 9))?;
    let mut rest = at;
    // Skip "©", "Copyright", years ("2010-2021"), and "by".
    loop {
        let tail = &line[rest..];
        let trimmed =
            tail.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '-' | '–'));
        rest += tail.len() - trimmed.len();
        let word_len = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        let word = &trimmed[..word_len];
        let w = word.trim_end_matches(['.', ',']);
        let is_year = w.len() >= 4 && w.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '–');
        if word.is_empty()
            || !(is_year || w == "©" || w.eq_ignore_ascii_case("copyright") || w == "by" || w == "(c)")
        {
            break;
        }
        rest += word_len;
    }
    let tail = &line[rest..];
    let lower_tail = &lower[rest..];
    let mut end = tail.len();
    for stop in [". ", "|", ",", ";", " all rights", " - ", " – ", " — ", "("] {
        if let Some(i) = lower_tail.find(stop) {
            end = end.min(i);
        }
    }
    let mut name = tail[..end].trim().trim_end_matches('.').trim_end();
    // A trailing year ("© The Long Table 2021").
    if let Some((head, last)) = name.rsplit_once(' ') {
        if last.len() == 4 && last.chars().all(|c| c.is_ascii_digit()) {
            name = head.trim_end();
        }
    }
    let mut stripped = false;
    while let Some((head, last)) = name.rsplit_once(' ') {
        let l = last.to_ascii_lowercase();
        if LEGAL_SUFFIXES.contains(&l.as_str()) || (stripped && COMPANY_WORDS.contains(&l.as_str())) {
            stripped = true;
            name = head.trim_end_matches([',', ' ']);
        } else {
            break;
        }
    }
    let words = words_up_to(name, 7);
    let ok = (1..=6).contains(&words)
        && !name.to_ascii_lowercase().starts_with("all rights")
        && name.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && name.chars().any(char::is_alphabetic);
    let start = rest + (tail.len() - tail.trim_start().len());
    ok.then_some((start, start + name.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<(Option<String>, Option<&str>)> {
        stated_line(line).map(|s| (s.date.map(|d| d.iso), s.byline.map(|(a, b)| &line[a..b])))
    }

    #[test]
    fn posted_by_lines_give_author_and_date() {
        assert_eq!(
            read("Posted by News Desk | July 27, 2021"),
            Some((Some("2021-07-27".into()), Some("News Desk")))
        );
        assert_eq!(read("Posted on May 4, 2020 by Ellen"), Some((Some("2020-05-04".into()), Some("Ellen"))));
        assert_eq!(
            read("By Jane Roe · Updated 10:42 AM EDT, Tue August 3, 2021 · 5 min read"),
            Some((Some("2021-08-03".into()), Some("Jane Roe")))
        );
        assert_eq!(
            read("By Priya Natarajan pnatarajan@valleycourier.com"),
            Some((None, Some("Priya Natarajan")))
        );
        assert_eq!(read("Home | World | Politics"), None);
        assert_eq!(read("By the end of the year, the plan - officials said - had failed."), None);
    }

    #[test]
    fn copyright_lines_name_their_owner() {
        let owner = |l: &'static str| copyright_owner(l).map(|(s, e)| &l[s..e]);
        assert_eq!(owner("© 2021 Tigris Times. All rights reserved."), Some("Tigris Times"));
        assert_eq!(owner("Copyright © 2022 The Levant Ledger"), Some("The Levant Ledger"));
        assert_eq!(owner("© 2023 Northern Ledger Media Ltd"), Some("Northern Ledger"));
        assert_eq!(owner("© The Long Table 2021"), Some("The Long Table"));
        assert_eq!(
            owner("Copyright 2018 Lakeside Gazette. All rights reserved. Do not copy"),
            Some("Lakeside Gazette")
        );
        assert_eq!(owner("© 2021"), None);
        assert_eq!(owner("© All rights reserved."), None);
    }
}
