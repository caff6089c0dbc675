//! Furniture inside the text of a copied whole page, once the main run of prose is known: the
//! passes over the body's lines in their order, and the first of them, the lines the page or the
//! corpus repeats.

use super::super::content::weight;
use super::pass::{BodyContext, BodyFurniture, Pass};
use super::{authors, boxes, credits, is_date_line, reader};
use crate::model::NoiseKind;
use std::collections::HashMap;

/// A line seen this many times in one file is page furniture.
const IN_FILE_REPEATS: usize = 3;
/// A line of at least this many words seen twice in one file is page furniture.
const TWICE_MIN_WORDS: usize = 6;
/// When more than one part in this many of the text's prose words repeat, the page shows the
/// article twice and repetition says nothing.
const TWICE_SHARE_DENOMINATOR: usize = 4;

/// Furniture inside the text, for lines `body` (indices into `lines`, in order, all still
/// unassigned): lines that recur across the corpus or within the file, a picture's credit and
/// caption, an author's box, the site's words to its reader, a related-headlines box (a cue line
/// and the non-prose lines after it), and runs of short or headline-shaped lines. The passes run
/// in this order, each on the lines the ones before it left.
pub(crate) fn body_furniture(ctx: BodyContext<'_, '_>, body: &[usize]) -> BodyFurniture {
    let mut p = Pass {
        ctx,
        body,
        prose: body.iter().map(|&i| ctx.prose[i]).collect(),
        taken: vec![false; body.len()],
        out: Vec::new(),
        credited: Vec::new(),
        captions: Vec::new(),
    };
    repeated_lines(&mut p);
    credits::photo_credits(&mut p);
    credits::placed_captions(&mut p);
    credits::labelled_captions(&mut p);
    credits::split_bylines(&mut p);
    credits::credit_and_caption_pairs(&mut p);
    authors::author_boxes(&mut p);
    authors::author_box_texts(&mut p);
    boxes::reader_polls(&mut p);
    authors::closing_biographies(&mut p);
    reader::words_to_the_reader(&mut p);
    boxes::cookie_tables(&mut p);
    reader::subscription_boxes(&mut p);
    boxes::related_boxes(&mut p);
    boxes::link_lists(&mut p);
    boxes::kicker_boxes(&mut p);
    boxes::boxes_under_a_header(&mut p);
    boxes::menus_and_headline_runs(&mut p);
    BodyFurniture { removed: p.out, credited: p.credited, captions: p.captions }
}

/// Repetition: across files (when the same article was not simply syndicated to them all), or
/// within this file.
fn repeated_lines(p: &mut Pass<'_, '_, '_>) {
    let ctx = p.ctx;
    let body = p.body;
    let lines = p.ctx.lines;
    let prose: &[bool] = &p.prose;
    let taken = &mut p.taken;
    let out = &mut p.out;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for l in lines {
        *counts.entry(l.text).or_insert(0) += 1;
    }
    let n_prose = prose.iter().filter(|p| **p).count();
    // A date line recurs across a corpus's files once its digits are folded ("June 5, 2023",
    // "June 27, 2023"), but the digits are what it says: it is each article's own date.
    let across = |i: usize| {
        let t = lines[i].text;
        ctx.repeated.is_some_and(|r| r.is_repeated(t)) && !is_date_line(t)
    };
    let repeated_prose = body.iter().zip(prose).filter(|(&i, &p)| p && across(i)).count();
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
        body.iter().zip(prose).filter(|(&i, &p)| p && !thrice(i)).map(|(&i, _)| weight(lines[i].text)).sum();
    let twice_words: usize = body
        .iter()
        .zip(prose)
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
}
