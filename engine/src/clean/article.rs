//! Cleaning one article's lines: give every line a role (title, caption, heading, bullet,
//! paragraph, or a kind of noise), then read the metadata off the roles and build the [`Article`].
//!
//! Passes, in order: noise recognisable from a line alone; the page header before the headline
//! (banner, page date); the headline block after it (duplicates, house marker, captions, byline,
//! the article's own date); the tail (comment form, author bio, credit line, lists of other
//! headlines); then the body (bullets, headings, paragraphs).

use super::dates::{parse_date_line, DateLine};
use super::lines::{bullet_glyph_len, is_name_line, is_separator_line, words_up_to, Line};
use super::outlets::{self, CreditSplit, KnownOutlet};
use super::page::MIN_TITLE_WORDS;
use super::repeated::RepeatedLines;
use super::rules;
use super::teasers::TeaserContext;
use super::{comments, content, furniture, page, stated, teasers};
use crate::model::{Article, Attribution, Block, BlockKind, NoiseKind, Removed, Spanned};

/// How many lines after the headline its duplicate or a house marker may sit.
const HEADLINE_BLOCK_LINES: usize = 10;
/// An article above a list of teasers has at least this many sentences (a paywalled story's
/// standfirst and first paragraph); with fewer, the page is a list page.
const MIN_ARTICLE_SENTENCES: usize = 2;
/// How many lines ahead a caption's duplicate may sit in the headline block.
const CAPTION_ECHO_LINES: usize = 8;
/// Lines of a comment form are prompts or field labels ("Name *", "Post Comment"): longer lines
/// after a prompt are article text.
const COMMENT_FORM_MAX_WORDS: usize = 6;
/// A comment form is a few lines; more lines after a "Comments" prompt are article text.
const COMMENT_FORM_MAX_LINES: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Unset,
    Title,
    /// A picture's caption, with where its credit sits when it ends in one.
    Caption(Option<CreditSplit>),
    Heading,
    Bullet,
    Paragraph,
    Noise(NoiseKind),
}

/// How far into the text a bare date line is still the article's own (under a byline, a summary
/// box or a picture), not a date the story mentions.
const BODY_DATE_LINES: usize = 15;
/// An author's name alone on its line above the text has at most this many words ("Owen
/// Pritchard", "Luna González").
const AUTHOR_NAME_WORDS: usize = 3;
/// A date line with another date line of a different day this many lines away or nearer belongs
/// to a list (events, teasers), not to the page.
const LIST_DATE_REACH: usize = 12;

/// What cleaning one segment of a file gave.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// The article, when the segment holds article text.
    pub article: Option<Article>,
    /// Removed spans when there is no article (the segment was noise only).
    pub orphans: Vec<Removed>,
    /// The site named by a banner at the top of the segment (it names the page's outlet).
    pub banner: Option<Attribution>,
    /// The segment had a headline but no body text.
    pub headline_only: bool,
}

/// What cleaning one segment needs besides its lines.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SegmentContext<'a> {
    /// The file's name, for the article.
    pub file: &'a str,
    /// The whole decoded file (offsets index it).
    pub text: &'a str,
    /// Known outlets.
    pub outlets: &'a [KnownOutlet],
    /// The outlet a banner earlier in the file named.
    pub page_outlet: Option<&'a Attribution>,
    /// Lines that recur across the corpus.
    pub repeated: Option<&'a RepeatedLines>,
}

/// Cleans the lines of one article.
pub(crate) fn clean_segment(ctx: SegmentContext<'_>, lines: &[Line<'_>]) -> Outcome {
    let SegmentContext { file, text, outlets, page_outlet, repeated } = ctx;
    let n = lines.len();
    let mut roles: Vec<Role> = lines
        .iter()
        .map(|l| match rules::line_noise(l.text, outlets) {
            // A metadata line ("Posted by News Desk | July 27, 2021") is read, not dropped as a menu.
            Some(NoiseKind::Navigation) if stated::stated_line(l.text).is_some() => Role::Unset,
            Some(kind) => Role::Noise(kind),
            None => Role::Unset,
        })
        .collect();
    collapsible_boxes(lines, &mut roles);
    let mut outcome = Outcome::default();
    let noise_now =
        |roles: &[Role]| -> Vec<bool> { roles.iter().map(|r| matches!(r, Role::Noise(_))).collect() };
    let mut noise = noise_now(&roles);
    // A code block's lines recur ("}", "SELECT") in a file and across a blog's files; they are
    // the article's all the same.
    let code = content::code_flags(text, lines);
    if let Some(r) = repeated {
        for ((flag, l), &code) in noise.iter_mut().zip(lines).zip(&code) {
            *flag |= r.is_repeated(l.text) && !content::is_prose(l.text) && !code;
        }
    }
    // A dated line inside the page ("Jane · March 10, 2017 at 12:20 AM") heads a comment or a
    // teaser: it separates runs of text like furniture does.
    // A date in a code block is the code's.
    for ((flag, l), &code) in noise.iter_mut().zip(lines).zip(&code) {
        *flag |=
            !code && l.text.len() <= 200 && stated::stated_line(l.text).is_some_and(|s| s.date.is_some());
    }
    let mut prose = content::prose_flags(lines);
    for (flag, &code) in prose.iter_mut().zip(&code) {
        *flag |= code;
    }
    let mut run = content::main_run(lines, &noise, &prose);
    // A run of other stories' teasers outscores a short article (a paywalled story's first
    // paragraphs): the article is the sentences above the teasers in the run, or the best run
    // before it, when either has a few sentences.
    let teasers = |run: (usize, usize)| TeaserContext { lines, noise: &noise, prose: &prose, run };
    if let Some(((a, _), start)) = run.and_then(|r| Some((r, teasers(r).run_start()?))) {
        let sentences = |(x, y): (usize, usize)| (x..=y).filter(|&i| prose[i] && !noise[i]).count();
        let enough = |r: &(usize, usize)| sentences(*r) >= MIN_ARTICLE_SENTENCES;
        let inside = (start > a).then(|| (a, start - 1)).filter(enough);
        let before = || content::main_run(&lines[..a], &noise[..a], &prose[..a]).filter(enough);
        if let Some(alt) = inside.or_else(before) {
            run = Some(alt);
        }
    }
    // Reader comments under the article: the run ends before them.
    // Comments under their count or form ("7 comments", "Post a comment") end it too, with or
    // without timestamps.
    let headed = |r: (usize, usize)| {
        let is_heading = |i: usize| roles[i] == Role::Noise(NoiseKind::CommentPrompt);
        comments::headed_thread_start(lines, &prose, r, is_heading)
    };
    let thread = run.and_then(|r| {
        let timed = comments::thread_start(lines, &prose, &code, r);
        timed.into_iter().chain(headed(r)).min().map(|c| (c, r.1))
    });
    if let Some((c, last)) = thread {
        for role in roles[c..=last].iter_mut().filter(|r| **r == Role::Unset) {
            *role = Role::Noise(NoiseKind::Comments);
        }
    }
    let run = run.map(|(a, b)| (a, thread.map_or(b, |(c, _)| c.saturating_sub(1).max(a))));
    // A sentence in "we" or "you" that names a newsletter or journalism, with no prompt's shape
    // ("We pushed out the first version of the Open Journalism site in January."), is the site's
    // prompt on a report's page, and the author's on a page whose own paragraphs speak that way:
    // inside the text, and in a row at either end of it (the text's first paragraph).
    let run = run.map(|(a, b)| {
        let own = (a..=b).filter(|&i| prose[i] && !noise[i]).map(|i| lines[i].text);
        if page::speaks_to_its_reader(own) {
            let voiced_prompt = |i: usize, roles: &[Role]| {
                roles[i] == Role::Noise(NoiseKind::SubscribePrompt)
                    && furniture::is_prompt_by_voice_alone(lines[i].text)
            };
            let above = (0..a).rev().take_while(|&i| voiced_prompt(i, &roles)).last().unwrap_or(a);
            let below = (b + 1..n).take_while(|&i| voiced_prompt(i, &roles)).last().unwrap_or(b);
            for i in above..=below {
                if voiced_prompt(i, &roles) {
                    roles[i] = Role::Unset;
                }
            }
            (above, below)
        } else {
            (a, b)
        }
    });
    // Other stories' teasers at the end of the run (headline, one short paragraph, again and
    // again): the run ends before them, and they are removed as text outside the article.
    // So does a box of other stories under its header ("Editor's Picks"), whatever the length of
    // their headlines.
    let run = run.map(|(a, b)| {
        let list = teasers((a, b)).list_start();
        let boxed = teasers((a, b)).cued_list_start();
        (a, list.into_iter().chain(boxed).min().map_or(b, |t| t - 1))
    });

    // Page header: banners and the page's date come before the headline.
    let mut title_at = None;
    for i in 0..n {
        let t = lines[i].text;
        if roles[i] == Role::Noise(NoiseKind::Navigation) && rules::site_banner(t).is_some() {
            roles[i] = Role::Noise(NoiseKind::SiteBanner);
        }
        if roles[i] != Role::Unset {
            continue;
        }
        if let Some(name) = rules::site_banner(t) {
            roles[i] = Role::Noise(NoiseKind::SiteBanner);
            if let (None, Some((s, e))) = (&outcome.banner, name) {
                outcome.banner = Some(Attribution {
                    name: t[s..e].to_string(),
                    evidence: "site banner".into(),
                    start: lines[i].start + s,
                    end: lines[i].start + e,
                });
            }
        } else if parse_date_line(t).is_some() {
            roles[i] = Role::Noise(NoiseKind::PageDate);
        } else if rules::is_marker_shaped(t) || is_separator_line(t) {
            roles[i] = Role::Noise(NoiseKind::Markup);
        } else {
            title_at = Some(i);
            break;
        }
    }
    let Some(first_line) = title_at else {
        outcome.orphans = removed_spans(lines, &roles);
        return outcome;
    };
    // A whole copied page: the headline is the nearest headline-shaped line above the text, and
    // everything before it is the site's header.
    let text_start = run.map(|(a, _)| a);
    let whole_page = text_start.is_some_and(|a| page::is_whole_page(lines, first_line, a, outlets));
    let mut masthead = None;
    let mut date_above = None;
    let title_at = match text_start.filter(|_| whole_page) {
        Some(a) => {
            let known = noise_now(&roles);
            let title_at = page::find_title(lines, &known, first_line, a, outlets).unwrap_or(first_line);
            masthead = page::masthead(lines, &known, title_at);
            for i in first_line..title_at {
                if roles[i] != Role::Unset {
                    continue;
                }
                let t = lines[i].text;
                roles[i] = if Some(i) == masthead || rules::site_banner(t).is_some() {
                    Role::Noise(NoiseKind::SiteBanner)
                } else if let Some(d) = parse_date_line(t) {
                    date_above = Some((i, d.iso));
                    Role::Noise(NoiseKind::PageDate)
                } else {
                    Role::Noise(page::outside_reason(t))
                };
            }
            title_at
        }
        // Not a whole page: the headline is its first line, unless that is a word or two ("Next
        // story") above a headline removed as a prompt for its shape.
        None if words_up_to(lines[first_line].text, MIN_TITLE_WORDS) < MIN_TITLE_WORDS => text_start
            .and_then(|a| {
                (first_line + 1..a).find(|&i| {
                    roles[i] == Role::Noise(NoiseKind::SubscribePrompt)
                        && furniture::is_prompt_shaped_like_a_headline(lines[i].text)
                })
            })
            .inspect(|&title_at| {
                for i in first_line..title_at {
                    if roles[i] == Role::Unset {
                        roles[i] = Role::Noise(page::outside_reason(lines[i].text));
                    }
                }
            })
            .unwrap_or(first_line),
        None => first_line,
    };
    // A date just above the headline is the article's when none follows it.
    let date_above = date_above.filter(|(i, _)| title_at - i <= 3);
    roles[title_at] = Role::Title;
    let title = lines[title_at].text;

    // Headline block: duplicates, house marker, captions, byline and the article's own date. On a
    // whole page it runs to the text, and whatever else sits there (share bars, reading times) is
    // furniture.
    let block_end = if whole_page { text_start.unwrap_or(0) } else { 0 };
    let scraped = lines[title_at + 1..n.min(title_at + 1 + HEADLINE_BLOCK_LINES)].iter().any(|l| {
        l.text == title || rules::is_marker_shaped(l.text) || outlets::by_marker(outlets, l.text).is_some()
    });
    let mut captions: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut date = None;
    let mut header_byline: Option<Spanned> = None;
    let mut body_start = n;
    // Whether a line of the headline block other than its byline, date and captions was seen: only
    // the first such line may be the standfirst.
    let mut standfirst_seen = false;
    let span_of = |i: usize, s: usize, e: usize| Spanned {
        text: lines[i].text[s..e].to_string(),
        start: lines[i].start + s,
        end: lines[i].start + e,
    };
    // Whether the text's own paragraphs speak in the third person, as a report's do: then a line
    // of the headline block that speaks to the reader is the site's notice.
    let third_person = whole_page
        && run.is_some_and(|(a, b)| {
            let own = (a..=b.min(n.saturating_sub(1))).filter(|&i| prose[i] && roles[i] == Role::Unset);
            page::speaks_in_the_third_person(own.map(|i| lines[i].text))
        });
    for i in title_at + 1..n {
        if roles[i] != Role::Unset {
            continue;
        }
        let t = lines[i].text;
        roles[i] = if t == title {
            Role::Noise(NoiseKind::DuplicateTitle)
        } else if captions.contains(&t) {
            Role::Noise(NoiseKind::DuplicateCaption)
        } else if let Some(st) = stated::stated_line(t).filter(|st| st.date.is_some()) {
            // "Posted by News Desk | July 27, 2021": the date and the author.
            if let (None, Some((s, e))) = (&header_byline, st.byline) {
                header_byline = Some(span_of(i, s, e));
            }
            if let Some(d) = st.date {
                date.get_or_insert(d.iso);
            }
            Role::Noise(NoiseKind::ArticleDate)
        } else if rules::is_credit_line(t) {
            // "By Jane Doe", "AFP": checked before the marker shape so an agency is not a marker.
            header_byline.get_or_insert_with(|| span_of(i, 0, t.len()));
            Role::Noise(NoiseKind::CreditLine)
        } else if rules::is_marker_shaped(t) {
            Role::Noise(NoiseKind::HouseMarker)
        } else if let Some(d) = parse_date_line(t) {
            date.get_or_insert(d.iso);
            Role::Noise(NoiseKind::ArticleDate)
        } else if let Some((s, e)) = stated::stated_line(t).and_then(|st| st.byline) {
            // "By Priya Natarajan priya@example.com".
            header_byline.get_or_insert_with(|| span_of(i, s, e));
            Role::Noise(NoiseKind::CreditLine)
        } else if let Some(credit) = caption_credit(lines, i, scraped, outlets) {
            captions.insert(t);
            Role::Caption(credit)
        } else if i < block_end && third_person && page::is_notice_to_the_reader(t) {
            // "Hinweis: … aktivieren Sie JavaScript.": the site to its reader, not the summary.
            Role::Noise(NoiseKind::Other)
        } else if i < block_end && !standfirst_seen && page::is_standfirst(t) {
            // The summary under the headline, above a byline or a picture: the article's first
            // paragraph, whatever else the block holds.
            standfirst_seen = true;
            Role::Paragraph
        } else if i < block_end {
            standfirst_seen = true;
            Role::Noise(page::outside_reason(t))
        } else {
            body_start = i;
            break;
        };
    }
    if date.is_none() {
        if let Some((i, iso)) = date_above {
            roles[i] = Role::Noise(NoiseKind::ArticleDate);
            date = Some(iso);
        }
    }
    if date.is_none() && whole_page {
        // On a whole page the date may sit anywhere in the header: take the one nearest the
        // headline ("Oct 15, 2015 · 18 min read", "Jun 7, 2023, 8:54 PM UTC|").
        let limit = text_start.unwrap_or(body_start).min(n);
        let nearest = (0..title_at).rev().chain(title_at + 1..limit).find_map(|i| {
            let t = lines[i].text;
            let d = parse_date_line(t).or_else(|| stated::stated_line(t).and_then(|s| s.date))?;
            Some((i, d.iso))
        });
        if let Some((i, iso)) = nearest {
            roles[i] = Role::Noise(NoiseKind::ArticleDate);
            date = Some(iso);
        }
    }
    if date.is_none() && whole_page {
        // Some pages print the date below the article ("Datum 28.04.2023" under the text, beside
        // the share bar): a line that is only a date, anywhere on the page, one saying
        // "Published" or "Updated" first, else the nearest to the headline. Teaser lists'
        // dates sit inside headline lines, which are not date lines.
        let found = (0..n).filter(|&i| matches!(roles[i], Role::Unset | Role::Noise(_))).filter_map(|i| {
            let t = lines[i].text;
            let d = parse_date_line(t).or_else(|| stated::stated_line(t).and_then(|s| s.date))?;
            Some((i, d))
        });
        let found: Vec<(usize, DateLine)> = found.collect();
        // A date among other dates (an events list, a column of teasers) is theirs, not the page's.
        let alone = |i: usize, d: &DateLine| {
            found.iter().all(|(j, o)| o.iso == d.iso || j.abs_diff(i) > LIST_DATE_REACH)
        };
        let best = found
            .iter()
            .filter(|(i, d)| d.own || alone(*i, d))
            .min_by_key(|(i, d)| (!d.own, i.abs_diff(title_at)))
            .cloned();
        if let Some((i, d)) = best {
            if roles[i] == Role::Unset {
                roles[i] = Role::Noise(NoiseKind::ArticleDate);
            }
            date = Some(d.iso);
        }
    }

    // The comment form runs from its prompt to the end, if only a few short lines follow it.
    let form = (body_start..n).find(|&p| {
        roles[p] == Role::Noise(NoiseKind::CommentPrompt)
            && n - p - 1 <= COMMENT_FORM_MAX_LINES
            && lines[p + 1..].iter().all(|l| {
                rules::is_comment_prompt(l.text)
                    || words_up_to(l.text, COMMENT_FORM_MAX_WORDS) <= COMMENT_FORM_MAX_WORDS
            })
    });
    if let Some(p) = form {
        for role in &mut roles[p + 1..] {
            if *role == Role::Unset {
                *role = Role::Noise(NoiseKind::CommentPrompt);
            }
        }
    }
    // The headline again, further down (scrapers repeat it at the end of the page).
    for i in body_start..n {
        if roles[i] == Role::Unset && lines[i].text == title {
            roles[i] = Role::Noise(NoiseKind::DuplicateTitle);
        }
    }

    // Tail: peel author bio, credit line and lists of other headlines off the end.
    let mut bio_name = None;
    let mut credit = None;
    let mut end = n;
    while let Some(last) = last_unset(&roles, body_start, end) {
        let t = lines[last].text;
        let prev = last_unset(&roles, body_start, last);
        let byline_name = header_byline.as_ref().map(|b| b.text.as_str());
        if byline_name.is_some_and(|name| rules::is_bio_of(name, t)) {
            // "Rania Khoury is a correspondent based in Beirut." after the text.
            roles[last] = Role::Noise(NoiseKind::AuthorBio);
            end = last;
        } else if let Some(prev) = prev.filter(|&p| rules::is_author_bio(lines[p].text, t)) {
            roles[prev] = Role::Noise(NoiseKind::AuthorBio);
            roles[last] = Role::Noise(NoiseKind::AuthorBio);
            bio_name.get_or_insert(prev);
            end = prev;
        } else if let Some(d) = parse_date_line(t) {
            // A bare date after the text: the article's if it says so, else the page's.
            roles[last] = if d.own && date.is_none() {
                date = Some(d.iso);
                Role::Noise(NoiseKind::ArticleDate)
            } else {
                Role::Noise(NoiseKind::PageDate)
            };
            end = last;
        } else if rules::is_credit_line(t) {
            roles[last] = Role::Noise(NoiseKind::CreditLine);
            credit.get_or_insert(last);
            end = last;
        } else if let Some(first) = headline_list(lines, &roles, body_start, last) {
            for role in &mut roles[first..=last] {
                if *role == Role::Unset {
                    *role = Role::Noise(NoiseKind::UnrelatedHeadlines);
                }
            }
            end = first;
        } else {
            break;
        }
    }
    // Past the end of the main run of text: the page's footer, teasers and comments.
    if let Some((_, last)) = run {
        for i in (last + 1).max(body_start)..n {
            if roles[i] == Role::Unset {
                let t = lines[i].text;
                roles[i] = if rules::is_credit_line(t) {
                    credit.get_or_insert(i);
                    Role::Noise(NoiseKind::CreditLine)
                } else {
                    Role::Noise(page::outside_reason(t))
                };
            }
        }
    }

    // A byline just under the text's first lines ("Von Marta Keller" under a standfirst the text
    // opened with) is the header's, not a heading of the text.
    for i in body_start..n.min(body_start + HEADLINE_BLOCK_LINES) {
        if roles[i] == Role::Unset && rules::is_byline(lines[i].text) {
            roles[i] = Role::Noise(NoiseKind::CreditLine);
            header_byline.get_or_insert_with(|| span_of(i, 0, lines[i].text.len()));
        }
    }
    // A heading between two of the text's paragraphs that names a newsletter ("What We Learned
    // From a Year of Our Weekly Newsletter") was removed as a prompt for its shape; there it is the
    // text's heading.
    if let Some((_, last)) = run {
        let paragraph = |j: usize, roles: &[Role]| prose[j] && roles[j] == Role::Unset;
        for i in body_start.max(1)..last.min(n.saturating_sub(1)) {
            let t = lines[i].text;
            if roles[i] == Role::Noise(NoiseKind::SubscribePrompt)
                && furniture::is_prompt_shaped_like_a_headline(t)
                && rules::is_heading_shaped(t)
                && paragraph(i - 1, &roles)
                && paragraph(i + 1, &roles)
            {
                roles[i] = Role::Unset;
            }
        }
    }
    // Body: furniture inside the text, then bullets, headings between paragraphs, paragraphs.
    let body: Vec<usize> = (body_start..n).filter(|&i| roles[i] == Role::Unset).collect();
    let removed: Vec<Option<NoiseKind>> =
        roles.iter().map(|r| if let Role::Noise(kind) = r { Some(*kind) } else { None }).collect();
    let body_ctx = page::BodyContext { lines, prose: &prose, code: &code, repeated, removed: &removed };
    let furniture = page::body_furniture(body_ctx, &body);
    for (i, kind) in furniture.removed {
        roles[i] = Role::Noise(kind);
    }
    for (i, credit) in furniture.credited {
        roles[i] = Role::Caption(Some(credit));
    }
    for i in furniture.captions {
        roles[i] = Role::Caption(None);
    }
    let mut body: Vec<usize> = body.into_iter().filter(|&i| roles[i] == Role::Unset).collect();
    // A bare date line near the top of the text ("30. Juni 2025," under the author's name) is the
    // article's date when none was found around the headline.
    if date.is_none() {
        if let Some(k) =
            body.iter().take(BODY_DATE_LINES).position(|&i| parse_date_line(lines[i].text).is_some())
        {
            let i = body.remove(k);
            date = parse_date_line(lines[i].text).map(|d| d.iso);
            roles[i] = Role::Noise(NoiseKind::ArticleDate);
        }
    }
    // The author's name alone among the text's first lines, above its second paragraph (the first
    // may be the standfirst), right beside a line removed (a photo credit above it, the date or
    // the share bar below it: "Photo: Sam Reid" / "Owen Pritchard" / "Wednesday 8 October 2025"):
    // the byline without its "By". A person's name as the text's subheading stands further down.
    let removed_at = |j: usize, roles: &[Role]| matches!(roles.get(j), Some(Role::Noise(_)));
    let second_paragraph = body.iter().filter(|&&i| prose[i]).nth(1).copied().unwrap_or(n);
    for &i in body.iter().take_while(|&&i| i < second_paragraph) {
        let t = lines[i].text.trim();
        let beside_removed = (i > 0 && removed_at(i - 1, &roles)) || removed_at(i + 1, &roles);
        if beside_removed
            && is_name_line(t)
            && t.split_whitespace().count() <= AUTHOR_NAME_WORDS
            && t.chars().any(char::is_lowercase)
            && !t.ends_with('.')
            && !t.contains("'s ")
            && !t.contains("’s ")
        {
            roles[i] = Role::Noise(NoiseKind::CreditLine);
            header_byline.get_or_insert_with(|| span_of(i, 0, lines[i].text.len()));
        }
    }
    // Other stories' teasers set inside the text, under their date or a video's running time.
    for i in teasers::stamped_teasers(lines, &body, date.as_deref()) {
        roles[i] = Role::Noise(NoiseKind::UnrelatedHeadlines);
    }
    body.retain(|&i| roles[i] == Role::Unset);
    for (k, &i) in body.iter().enumerate() {
        let t = lines[i].text;
        roles[i] = if bullet_glyph_len(t).is_some() {
            Role::Bullet
        } else if is_separator_line(t) {
            Role::Noise(NoiseKind::Markup)
        } else if k + 1 < body.len() && rules::is_heading_shaped(t) {
            Role::Heading
        } else {
            Role::Paragraph
        };
    }

    if !roles.iter().any(|r| matches!(r, Role::Paragraph | Role::Bullet)) {
        outcome.headline_only = true;
        for role in &mut roles {
            if !matches!(role, Role::Noise(_)) {
                *role = Role::Noise(NoiseKind::Other);
            }
        }
        outcome.orphans = removed_spans(lines, &roles);
        return outcome;
    }

    let (blocks, removed) = build_blocks(text, lines, &roles);
    let span =
        |i: usize| Spanned { text: lines[i].text.to_string(), start: lines[i].start, end: lines[i].end };
    let byline = header_byline.or(credit.or(bio_name).map(span));
    let dateline = blocks.iter().find(|b| b.kind == BlockKind::Paragraph).and_then(|b| {
        rules::dateline_len(&b.text).map(|len| Spanned {
            text: b.text[..len].to_string(),
            start: b.start,
            end: b.start + len,
        })
    });
    let found = OutletEvidence { lines, roles: &roles, blocks: &blocks, outlets, credit, masthead };
    let outlet = find_outlet(&found, outcome.banner.as_ref().or(page_outlet));
    outcome.article = Some(Article {
        id: String::new(),
        file: file.to_string(),
        title: span(title_at),
        outlet,
        byline,
        dateline,
        date,
        blocks,
        removed,
    });
    outcome
}

/// A collapsible box's title has at most this many words.
const BOX_TITLE_WORDS: usize = 12;
/// A paragraph of the text has at least this many words.
const TEXT_PARAGRAPH_WORDS: usize = 20;

/// A collapsible box inside the text (a portrait of the person interviewed, a fact box, an
/// explainer), copied with both labels of its toggle ("Box aufklappen" / "Box zuklappen", "Show
/// more" / "Show less"): the two labels, and the box's title right above them when it is no
/// sentence ("Thomas Jäger, Politikwissenschaftler", "What is a heat pump?") and a paragraph of
/// the text comes before it, are the box's, not the article's. What the box holds, when the copy
/// brings it at all, is left to the other rules: nothing marks where it ends.
fn collapsible_boxes(lines: &[Line<'_>], roles: &mut [Role]) {
    for i in 1..lines.len() {
        if !furniture::is_toggle_pair(lines[i - 1].text, lines[i].text) {
            continue;
        }
        roles[i - 1] = Role::Noise(NoiseKind::Navigation);
        roles[i] = Role::Noise(NoiseKind::Navigation);
        let Some(title) = i.checked_sub(2) else { continue };
        let t = lines[title].text;
        let after_text = lines[..title].iter().any(|l| {
            words_up_to(l.text, TEXT_PARAGRAPH_WORDS) >= TEXT_PARAGRAPH_WORDS && content::is_prose(l.text)
        });
        if roles[title] == Role::Unset
            && after_text
            && words_up_to(t, BOX_TITLE_WORDS + 1) <= BOX_TITLE_WORDS
            && !t.trim_end().ends_with('.')
        {
            roles[title] = Role::Noise(NoiseKind::Other);
        }
    }
}

/// A caption in the headline block: ending in a photo credit, or, in a scraped headline block
/// (`scraped`: the headline repeats or a house marker follows it), repeated a few lines on. `None`
/// when line `i` is no caption, else where its credit sits, if it has one: the credit is read here
/// once, and the caption's block is cut by it.
fn caption_credit(
    lines: &[Line<'_>],
    i: usize,
    scraped: bool,
    outlets: &[KnownOutlet],
) -> Option<Option<CreditSplit>> {
    let t = lines[i].text;
    if words_up_to(t, 80) > 80 || bullet_glyph_len(t).is_some() {
        return None;
    }
    if let Some(split) = outlets::split_credit(outlets, t) {
        return Some(Some(split));
    }
    let echoed = || lines[i + 1..lines.len().min(i + 1 + CAPTION_ECHO_LINES)].iter().any(|l| l.text == t);
    (scraped && echoed()).then(|| rules::photo_credit(t).map(|c| c.split))
}

fn last_unset(roles: &[Role], from: usize, before: usize) -> Option<usize> {
    (from..before).rev().find(|&i| roles[i] == Role::Unset)
}

/// A list of other stories' headlines ending at `last`: at least three list lines, either marked by
/// dangling separators ("... -") or all headline-shaped. Returns the first line of the list.
fn headline_list(lines: &[Line<'_>], roles: &[Role], from: usize, last: usize) -> Option<usize> {
    let mut first = None;
    let (mut count, mut dangling, mut headline) = (0, 0, 0);
    for i in (from..=last).rev() {
        if roles[i] != Role::Unset {
            continue;
        }
        let t = lines[i].text;
        if !rules::is_headline_list_line(t) {
            break;
        }
        first = Some(i);
        count += 1;
        dangling += usize::from(rules::has_dangling_separator(t));
        headline += usize::from(rules::is_headline_shaped(t));
    }
    (count >= 3 && (dangling >= 2 || headline >= 3)).then_some(first).flatten()
}

/// The outlet as the bytes `s..e` of one line state it.
fn stated_in(l: &Line<'_>, s: usize, e: usize, evidence: &str) -> Attribution {
    Attribution {
        name: l.text[s..e].to_string(),
        evidence: evidence.into(),
        start: l.start + s,
        end: l.start + e,
    }
}

/// What the outlet may be read from.
struct OutletEvidence<'a, 'l> {
    lines: &'a [Line<'l>],
    roles: &'a [Role],
    blocks: &'a [Block],
    outlets: &'a [KnownOutlet],
    credit: Option<usize>,
    masthead: Option<usize>,
}

/// The outlet, from the strongest evidence: house marker, site banner, the text naming itself, the
/// site's name at the top of a page (when the page names it again) or its copyright line, then a
/// credit line naming a known outlet.
fn find_outlet(found: &OutletEvidence<'_, '_>, banner: Option<&Attribution>) -> Option<Attribution> {
    let OutletEvidence { lines, roles, blocks, outlets, credit, masthead } = *found;
    let marker = lines.iter().zip(roles).find_map(|(l, r)| {
        let outlet =
            outlets::by_marker(outlets, l.text).filter(|_| *r == Role::Noise(NoiseKind::HouseMarker))?;
        Some(Attribution {
            name: outlet.name.to_string(),
            evidence: format!("“{}” house marker", l.text),
            start: l.start,
            end: l.end,
        })
    });
    let self_named = || {
        blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).find_map(|b| {
            let (outlet, s, e) = outlets::names_itself(outlets, &b.text)?;
            Some(Attribution {
                name: outlet.name.to_string(),
                evidence: format!("names itself (“{}”)", &b.text[s..e]),
                start: b.start + s,
                end: b.start + e,
            })
        })
    };
    let copyright = || {
        lines.iter().zip(roles).rev().find_map(|(l, r)| {
            if !matches!(r, Role::Noise(_)) {
                return None;
            }
            let (s, e) = stated::copyright_owner(l.text)?;
            Some(stated_in(l, s, e, "copyright line"))
        })
    };
    let top = masthead.map(|i| {
        let l = &lines[i];
        let again = lines.iter().enumerate().any(|(j, o)| j != i && o.text.contains(l.text));
        (
            Attribution {
                name: l.text.to_string(),
                evidence: "site name at the top of the page".into(),
                start: l.start,
                end: l.end,
            },
            again,
        )
    });
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    // The page's own web address: the outlet, where a copyright line often names its publishing
    // company instead ("© Funke Mediengruppe" on waz.de).
    let domain = || {
        let (i, s, e) = stated::site_from_domain(&texts)?;
        let l = &lines[i];
        Some(stated_in(l, s, e, "the site's web address"))
    };
    // "Rolling Stone is a part of Penske Media Corporation": the outlet, not its owner.
    let part_of = || {
        lines.iter().rev().find_map(|l| {
            let (s, e) = stated::part_of_owner(l.text)?;
            Some(stated_in(l, s, e, "names its owner (“… is part of …”)"))
        })
    };
    // The copyright owner's word in the page's own web address ("derStandard.at").
    let owner_domain = |owner: &Attribution| {
        let (i, s, e) = stated::domain_holding(&texts, &owner.name)?;
        let l = &lines[i];
        Some(stated_in(l, s, e, "the site's web address"))
    };
    // The name the site's own calls repeat ("Follow Daily Star", "Jetzt WAZ testen"), where the
    // copyright line names the publishing company ("© Arena Holdings" on TimesLIVE).
    // Read once: both the owner's rival and the last resort below ask for it.
    let brand_found = std::cell::OnceCell::new();
    let brand_used = || *brand_found.get_or_init(|| stated::brand_in_calls(&texts));
    let brand_at =
        |(i, s, e): (usize, usize, usize)| stated_in(&lines[i], s, e, "the name the site's own calls use");
    let brand = || brand_used().map(|(at, _)| brand_at(at));
    // Over a publishing company, unless the page uses the company's name more ("© Express
    // Newspapers" on a page full of "Express Comment", "Express Rated").
    let brand_over = |owner: &Attribution| {
        let line = lines.iter().find(|l| (l.start..l.end).contains(&owner.start))?;
        let (at, n) =
            brand_used().filter(|_| stated::company_shaped(&line.text[owner.start - line.start..]))?;
        (n > stated::lines_naming_owner(&texts, &owner.name)).then(|| brand_at(at))
    };
    let stated = || match (top.clone(), copyright()) {
        (Some((top, true)), _) => Some(top),
        (_, owner) => part_of()
            .or_else(domain)
            .or_else(|| owner.as_ref().and_then(owner_domain))
            .or_else(|| owner.as_ref().and_then(brand_over))
            .or(owner)
            .or(top.map(|(top, _)| top)),
    };
    let credited = || {
        let l = &lines[credit?];
        let (outlet, s, e) = outlets::named_in(outlets, l.text)?;
        Some(Attribution {
            name: outlet.name.to_string(),
            evidence: "credit line".into(),
            start: l.start + s,
            end: l.start + e,
        })
    };
    marker.or_else(|| banner.cloned()).or_else(self_named).or_else(stated).or_else(credited).or_else(brand)
}

/// Kept blocks and removed spans from the roles, both in file order.
fn build_blocks(text: &str, lines: &[Line<'_>], roles: &[Role]) -> (Vec<Block>, Vec<Removed>) {
    let mut blocks = Vec::new();
    let mut removed = Vec::new();
    let block = |kind, start: usize, end: usize| Block {
        kind,
        text: text[start..end].to_string(),
        start,
        end,
        credit: None,
    };
    for (l, role) in lines.iter().zip(roles) {
        match *role {
            Role::Title => blocks.push(block(BlockKind::Title, l.start, l.end)),
            Role::Heading => blocks.push(block(BlockKind::Heading, l.start, l.end)),
            Role::Paragraph | Role::Unset => blocks.push(block(BlockKind::Paragraph, l.start, l.end)),
            Role::Noise(kind) => removed.push(removed_span(text, kind, l.start, l.end)),
            Role::Bullet => {
                let glyph = bullet_glyph_len(l.text).unwrap_or(0);
                let rest = l.text[glyph..].trim_start();
                let start = l.end - rest.len();
                if glyph > 0 {
                    removed.push(removed_span(text, NoiseKind::Markup, l.start, l.start + glyph));
                }
                blocks.push(block(BlockKind::Bullet, start, l.end));
            }
            Role::Caption(credit) => {
                match credit {
                    Some(split) => {
                        let mut b = block(BlockKind::Caption, l.start, l.start + split.caption_end);
                        let (cs, ce) = (l.start + split.credit_start, l.start + split.credit_end);
                        b.credit =
                            Some(Box::new(Spanned { text: text[cs..ce].to_string(), start: cs, end: ce }));
                        blocks.push(b);
                        // The brackets or comma around the credit.
                        for (s, e) in [(l.start + split.caption_end, cs), (ce, l.end)] {
                            let gap = &text[s..e];
                            let trimmed = gap.trim();
                            if !trimmed.is_empty() {
                                let gs = s + (gap.len() - gap.trim_start().len());
                                removed.push(removed_span(text, NoiseKind::Markup, gs, gs + trimmed.len()));
                            }
                        }
                    }
                    None => blocks.push(block(BlockKind::Caption, l.start, l.end)),
                }
            }
        }
    }
    removed.sort_by_key(|r| r.start);
    (blocks, removed)
}

fn removed_span(text: &str, reason: NoiseKind, start: usize, end: usize) -> Removed {
    Removed { text: text[start..end].to_string(), reason, start, end }
}

/// Every line of a segment that yielded no article, as removed spans.
fn removed_spans(lines: &[Line<'_>], roles: &[Role]) -> Vec<Removed> {
    lines
        .iter()
        .zip(roles)
        .map(|(l, r)| {
            let reason = match r {
                Role::Noise(kind) => *kind,
                _ => NoiseKind::Other,
            };
            Removed { text: l.text.to_string(), reason, start: l.start, end: l.end }
        })
        .collect()
}
