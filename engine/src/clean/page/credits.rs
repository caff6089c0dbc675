//! A picture's credit and caption inside the text, and a byline split over lines.

use super::super::lines::{words_up_to, Line};
use super::super::{rules, stated};
use super::pass::Pass;
use crate::model::NoiseKind;

/// A caption boxed with its picture's credit has at least this many words (fewer: a label, a
/// heading) ...
const BOXED_CAPTION_MIN_WORDS: usize = 5;
/// ... and at most this many.
const BOXED_CAPTION_MAX_WORDS: usize = 60;
/// Lines of names under a byline's prefix alone on its line, at most.
const BYLINE_NAME_LINES: usize = 3;

/// A picture's credit, alone or ending its caption: the picture's words, not the article's. A
/// credit alone is removed; a caption ending in one is the picture's caption with its credit.
pub(super) fn photo_credits(p: &mut Pass<'_, '_, '_>) {
    let body = p.body;
    let lines = p.ctx.lines;
    let taken = &mut p.taken;
    let out = &mut p.out;
    let credited = &mut p.credited;
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
}

/// A caption without its credit that places the people in its picture ("Rep. Cherrish Pryor,
/// left, talks with …", "Max Darj (l.) sichert den Ball"): the picture's words too.
pub(super) fn placed_captions(p: &mut Pass<'_, '_, '_>) {
    let body = p.body;
    let lines = p.ctx.lines;
    let taken = &mut p.taken;
    let captions = &mut p.captions;
    for (k, &i) in body.iter().enumerate() {
        if !taken[k] && rules::places_people_in_a_picture(lines[i].text) {
            taken[k] = true;
            captions.push(i);
        }
    }
}

/// A caption opened by its label ("Legende: Siham Zein ad-Din …", "Bildunterschrift: …"), or
/// under the label alone on the line above it ("Legende:" / "Mitglieder der Kommission …").
pub(super) fn labelled_captions(p: &mut Pass<'_, '_, '_>) {
    let body = p.body;
    let lines = p.ctx.lines;
    let taken = &mut p.taken;
    let out = &mut p.out;
    let captions = &mut p.captions;
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
}

/// A byline split over lines: its prefix alone ("Von", "By") and the names on the lines under
/// it, each alone ("Von" / "Jasper Riemann" / "Barbara Schneider").
pub(super) fn split_bylines(p: &mut Pass<'_, '_, '_>) {
    let ctx = p.ctx;
    let body = p.body;
    let lines = p.ctx.lines;
    let taken = &mut p.taken;
    let out = &mut p.out;
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
}

/// A picture's credit alone on its line with one line beside it in the same box, the box set
/// apart by blank lines ("Volunteers lower bags of shell …" / "Marta Ellison (AP)", or the credit
/// first): the other line is the picture's caption, and the credit leaves.
pub(super) fn credit_and_caption_pairs(p: &mut Pass<'_, '_, '_>) {
    let body = p.body;
    let lines = p.ctx.lines;
    let taken = &mut p.taken;
    let out = &mut p.out;
    let captions = &mut p.captions;
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
