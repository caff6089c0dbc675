//! An author's box inside the text: a short biography, the name and trade lines above it, the
//! contact lines under it.

use super::super::content::{ends_like_sentence, weight};
use super::super::lines::{is_name_line, Line};
use super::super::{rules, stated};
use super::pass::{run_end, Pass};
use crate::model::NoiseKind;

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

/// An author box in the second half of the text: a short biography of someone the page names
/// on a line of their own, the name line above it and the contact lines after it.
pub(super) fn author_boxes(p: &mut Pass<'_, '_, '_>) {
    let body = p.body;
    let lines = p.ctx.lines;
    let half = body.len() / 2;
    for k in half..body.len() {
        let i = body[k];
        if p.taken[k] {
            continue;
        }
        let Some(name) = rules::bio_subject(lines[i].text).map(without_repeated_first_name) else { continue };
        // The page names the author on a short line of its own (the byline, the box's heading); a
        // person the article is about is named in its sentences. Among the text's last
        // paragraphs, a byline with its date or a contact line will do ("By Marta Quinn - June 3,
        // 2025 9:14 am"): a line that names the person without being a sentence.
        let named_alone =
            |(j, l): (usize, &Line<'_>)| j != i && l.text.contains(name) && weight(l.text) <= BIO_NAME_WORDS;
        let at_the_end = p.prose[k + 1..].iter().filter(|p| **p).count() <= BIO_TAIL_PARAGRAPHS;
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
        let name_above = k > 0
            && body[k - 1] + 1 == i
            && lines[body[k - 1]].text.contains(name)
            && weight(lines[body[k - 1]].text) <= BIO_NAME_WORDS;
        let contact_end = run_end(k + 1, body.len().min(k + 1 + BIO_CONTACT_LINES), |m| {
            let t = lines[body[m]].text;
            body[m] == body[m - 1] + 1 && t.contains(surname) && weight(t) <= BIO_CONTACT_WORDS
        });
        let above = name_above.then(|| k - 1);
        p.take(std::iter::once(k).chain(above).chain(k + 1..contact_end), NoiseKind::AuthorBio);
    }
}

pub(super) fn author_box_texts(p: &mut Pass<'_, '_, '_>) {
    let body = p.body;
    let lines = p.ctx.lines;
    let half = body.len() / 2;
    // An author box's text in the second half of the text: the paragraph right under a line with
    // a name and a line with a trade ("Nicole Opitz" / "Redakteurin" / "Seit 2019 bei der taz.
    // …"), however the box's heading lines were removed, and the paragraphs after it that name
    // the person again ("Lance Ulanoff makes frequent appearances …").
    for k in half..body.len() {
        let i = body[k];
        if p.taken[k] || i < 2 {
            continue;
        }
        // Under the name line and its trade line, or, among the text's last paragraphs, right
        // under the name line when it opens with the name and gives a trade ("Lukas White" /
        // "Lukas is a freelance web and mobile developer …").
        let at_the_end = p.prose[k + 1..].iter().filter(|p| **p).count() <= BIO_TAIL_PARAGRAPHS;
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
        let text_end = run_end(k, body.len(), |m| {
            !p.taken[m]
                && (m == k
                    || (body[m] == body[m - 1] + 1
                        && weight(lines[body[m]].text) <= BIO_BOX_WORDS
                        && named(lines[body[m]].text)))
        });
        p.take(k..text_end, NoiseKind::AuthorBio);
        let heading = (name_at..i).filter_map(|j| body.iter().position(|&b| b == j));
        p.take(heading.collect::<Vec<_>>(), NoiseKind::AuthorBio);
    }
}

/// Among the text's last paragraphs, the author's biography naming them in its first words with
/// their trade ("Kim Fusaro Weddings and lifestyle writer. Owner of …", "Korrespondent Ulrich
/// Exner ist bei WELT für …", "Mark di Stefano is a breaking news reporter …"), where a byline
/// or a line of its own names them ("By Kim Fusaro", "Von Ulrich Exner", "Mark Di Stefano").
pub(super) fn closing_biographies(p: &mut Pass<'_, '_, '_>) {
    let body = p.body;
    let lines = p.ctx.lines;
    let last_paragraphs: Vec<usize> =
        (0..body.len()).rev().filter(|&k| p.prose[k] && !p.taken[k]).take(BIO_TAIL_PARAGRAPHS + 1).collect();
    if !last_paragraphs.is_empty() {
        let names = named_people(lines);
        let bios =
            last_paragraphs.into_iter().filter(|&k| rules::is_bio_of_one_of(&names, lines[body[k]].text));
        p.take(bios.collect::<Vec<_>>(), NoiseKind::AuthorBio);
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
}
