//! The site speaking to its reader inside the text: words in "you" and "we" below the report, an
//! appeal for money or a sign-up, a subscription box, a newsletter box's head; and the page's own
//! voice that tells a report from a blog post or a how-to.

use super::super::content::weight;
use super::super::rules;
use super::pass::{BodyContext, Pass};
use super::{SiteNames, BOX_LINE_WORDS};
use crate::model::NoiseKind;

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

/// The site speaking to its reader among the text's last lines ("Add Global News as a Preferred
/// Source on Google to see more of our stories in your search results", "Sollten Ihnen Fehler
/// aufgefallen sein, schicken Sie uns eine E-Mail"): a line that says both "you" and "we",
/// outside quotation marks, on a page whose own paragraphs do not talk that way. A blog's or a
/// how-to's do, and there such a line is the author's. A line that says "you" and names the
/// site is one too ("Choose Daily Star as a 'Preferred Source' on Google News for quick access
/// to the news you value"): the site's name as the page's own web address or its own calls
/// give it.
pub(super) fn words_to_the_reader(p: &mut Pass<'_, '_, '_>) {
    let body = p.body;
    let lines = p.ctx.lines;
    let prose: &[bool] = &p.prose;
    let taken = &mut p.taken;
    let out = &mut p.out;
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
}

/// A subscription box: what a subscription offers ("Unlimited digital access", "Daily
/// puzzles"), short lines between two subscription prompts close together with no paragraph
/// of the article between them.
pub(super) fn subscription_boxes(p: &mut Pass<'_, '_, '_>) {
    let ctx = p.ctx;
    let body = p.body;
    let taken = &mut p.taken;
    let out = &mut p.out;
    for (k, kind) in prompt_boxes(ctx, body, taken) {
        taken[k] = true;
        out.push((body[k], kind));
    }
    for k in newsletter_box_heads(ctx, body, taken) {
        taken[k] = true;
        out.push((body[k], NoiseKind::SubscribePrompt));
    }
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
