//! Page furniture recognisable from one line's shape: what a reader's select-all and copy of a
//! news page brings along besides the article. Share bars, subscription and newsletter prompts,
//! legal footers, cookie notices, navigation (skip links, bare links, breadcrumbs, pipe menus, tag
//! lists, interface words) and engagement counts ("12 comments", "5 min read").
//!
//! Each rule is a shape: the words a kind of prompt is made of, how short it is, whether it speaks
//! to the reader ("you", "our"), whether it ends like a sentence. Article sentences that merely
//! mention a newsletter or a cookie are long, in the third person and end with a full stop, and
//! are left alone.

use super::lines::words_up_to;
use super::rules;
use crate::model::NoiseKind;

/// Words a share or follow bar is made of (lower case). A line of only these is a share prompt.
const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "shared",
    "this",
    "article",
    "story",
    "post",
    "page",
    "on",
    "via",
    "to",
    "the",
    "by",
    "it",
    "tweet",
    "email",
    "e-mail",
    "mail",
    "print",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "telegram",
    "messenger",
    "tumblr",
    "pocket",
    "flipboard",
    "instagram",
    "youtube",
    "tiktok",
    "threads",
    "bluesky",
    "mastodon",
    "copy",
    "link",
    "url",
    "sms",
    "save",
    "gift",
    "comment",
    "like",
    "follow",
    "us",
    "and",
    "or",
    "more",
    "options",
    "close",
    "cancel",
    "bookmark",
    "bookmarks",
    // The same bar in the other languages the cleaner reads ("Diesen Artikel teilen", "Partager
    // cet article", "Compartir en WhatsApp", "Deel dit artikel").
    "teilen",
    "diesen",
    "artikel",
    "beitrag",
    "den",
    "per",
    "auf",
    "drucken",
    "merken",
    "kopieren",
    "copier",
    "copiar",
    "partager",
    "cet",
    "sur",
    "par",
    "imprimer",
    "compartir",
    "este",
    "artículo",
    "en",
    "imprimir",
    "condividi",
    "questo",
    "articolo",
    "su",
    "delen",
    "deel",
    "dit",
    "op",
    "dela",
    "artikeln",
    "compartilhar",
    "partilhar",
];
/// The words that make a line of [`SHARE_WORDS`] a share bar rather than a stray "on the".
const SHARE_CUES: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "email",
    "e-mail",
    "print",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "telegram",
    "messenger",
    "tumblr",
    "pocket",
    "flipboard",
    "instagram",
    "youtube",
    "tiktok",
    "threads",
    "bluesky",
    "mastodon",
    "copy",
    "kopieren",
    "copier",
    "copiar",
    "teilen",
    "partager",
    "compartir",
    "condividi",
    "delen",
    "deel",
    "dela",
    "compartilhar",
    "partilhar",
];
/// Social networks, for "Follow us on ..." prompts.
const NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "instagram",
    "linkedin",
    "youtube",
    "tiktok",
    "telegram",
    "whatsapp",
    "threads",
    "bluesky",
    "mastodon",
    "google news",
    "x",
];
/// Cues of a subscription, newsletter or donation prompt besides [`CALL_CUES`]: what such a
/// prompt is about, which a headline may be about too (lower case, matched inside the line).
const TOPIC_CUES: &[&str] =
    &["newsletter", "subscription", "donation", "membership", "journalism", "premium"];
/// Words a prompt opens with, speaking to the reader.
const IMPERATIVES: &[&str] = &[
    "sign",
    "subscribe",
    "get",
    "join",
    "enter",
    "receive",
    "want",
    "don't",
    "don’t",
    "never",
    "stay",
    "support",
    "become",
    "already",
    "start",
    "try",
    "register",
    "learn",
    "click",
    "tap",
    "download",
    "read",
    "listen",
    "watch",
    "follow",
    "like",
    "share",
    "help",
    "give",
    "keep",
    "unlock",
    "create",
    "log",
    "by",
    "thank",
    "thanks",
];
/// Cues of legal footers (lower case).
const LEGAL_CUES: &[&str] = &[
    "all rights reserved",
    "privacy policy",
    "privacy notice",
    "privacy settings",
    "terms of service",
    "terms of use",
    "terms and conditions",
    "terms & conditions",
    "cookie policy",
    "do not sell",
    "accessibility statement",
    "may not be published, broadcast",
    "may not be reproduced",
    "without permission",
    "registered in england",
    "registered office",
];
/// Lines that are one interface word or control (lower case, trailing punctuation aside).
const CONTROLS: &[&str] = &[
    "menu",
    "search",
    "close",
    "open",
    "home",
    "homepage",
    "log in",
    "login",
    "log out",
    "logout",
    "sign in",
    "sign out",
    "register",
    "my account",
    "account",
    "subscribe",
    "subscribe now",
    "sign up",
    "skip",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "skip navigation",
    "back to top",
    "top",
    "next",
    "previous",
    "prev",
    "more",
    "less",
    "load more",
    "show more",
    "see more",
    "view more",
    "view all",
    "see all",
    "read more",
    "continue reading",
    "reply",
    "like",
    "loading",
    "like loading",
    "print",
    "email",
    "share",
    "tweet",
    "save",
    "copy link",
    "listen",
    "watch",
    "play",
    "pause",
    "mute",
    "accept",
    "accept all",
    "reject",
    "reject all",
    "decline",
    "manage preferences",
    "manage cookies",
    "cookie settings",
    "i agree",
    "agree",
    "ok",
    "got it",
    "allow",
    "allow all",
    "settings",
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "edition",
    "toggle navigation",
    "navigation",
    "main menu",
    "site menu",
    "open menu",
    "close menu",
    "go",
    "submit",
    "send",
    "cancel",
    "comment",
    "name",
    "website",
    "today's paper",
    "e-paper",
    "epaper",
    "newsletters",
    "podcasts",
    "video",
    "videos",
    "photos",
    "live",
    "contact",
    "contact us",
    "about",
    "about us",
    "careers",
    "jobs",
    "advertise",
    "advertise with us",
    "feedback",
    "help",
    "faq",
    "sitemap",
    "site map",
    "rss",
    "archive",
    "archives",
    "subscriptions",
    "donate",
    "shop",
    "store",
];
/// Labels of tag and category lines ("Tags: phones, audio").
const TAG_LABELS: &[&str] = &[
    "tags",
    "tagged",
    "keywords",
    "topics",
    "filed under",
    "categories",
    "category",
    "related topics",
    "more on",
    "posted in",
    "sections",
    "section",
    "schlagworte",
    "schlagwörter",
    "mots-clés",
    "etiquetas",
];
/// Engagement counts: "12 comments", "1.2K shares", "5 min read".
const COUNT_NOUNS: &[(&str, NoiseKind)] = &[
    ("comment", NoiseKind::CommentPrompt),
    ("comments", NoiseKind::CommentPrompt),
    ("kommentare", NoiseKind::CommentPrompt),
    ("kommentar", NoiseKind::CommentPrompt),
    ("commentaires", NoiseKind::CommentPrompt),
    ("commentaire", NoiseKind::CommentPrompt),
    ("comentarios", NoiseKind::CommentPrompt),
    ("comentario", NoiseKind::CommentPrompt),
    ("commenti", NoiseKind::CommentPrompt),
    ("reacties", NoiseKind::CommentPrompt),
    ("thoughts on", NoiseKind::CommentPrompt),
    ("responses", NoiseKind::CommentPrompt),
    ("response", NoiseKind::CommentPrompt),
    ("replies", NoiseKind::CommentPrompt),
    ("reply", NoiseKind::CommentPrompt),
    ("share", NoiseKind::SharePrompt),
    ("shares", NoiseKind::SharePrompt),
    ("likes", NoiseKind::SharePrompt),
    ("views", NoiseKind::Navigation),
    ("reads", NoiseKind::Navigation),
    ("min read", NoiseKind::Navigation),
    ("minute read", NoiseKind::Navigation),
    ("mins read", NoiseKind::Navigation),
    ("minutes read", NoiseKind::Navigation),
    ("min listen", NoiseKind::Navigation),
    ("photos", NoiseKind::Navigation),
    ("images", NoiseKind::Navigation),
];

/// True when `lower` (one word, lower case) is a share button's word ("share", "teilen", "print").
pub(crate) fn is_share_cue(lower: &str) -> bool {
    SHARE_CUES.contains(&lower)
}

/// The kind of page furniture `line` is, from its shape alone.
///
/// Every rule bounds the length it accepts (a cookie consent notice, the longest, is
/// [`COOKIE_CONSENT_WORDS`] words), so a paragraph of any length is only ever read up to that.
pub(crate) fn furniture(line: &str) -> Option<NoiseKind> {
    let lower = line.to_lowercase();
    let core = core(&lower);
    if cookie_notice(line, &lower, core) {
        return Some(NoiseKind::CookieNotice);
    }
    if let Some(kind) = count_line(core) {
        return Some(kind);
    }
    if share_prompt(core) || channel_call(line, &lower) {
        return Some(NoiseKind::SharePrompt);
    }
    if legal_footer(line, &lower) {
        return Some(NoiseKind::LegalFooter);
    }
    if subscribe_prompt(line, &lower).is_some() {
        return Some(NoiseKind::SubscribePrompt);
    }
    if navigation(line, &lower, core) {
        return Some(NoiseKind::Navigation);
    }
    if browser_notice(line, &lower) || player_notice(line, &lower) || error_report_call(line, &lower) {
        return Some(NoiseKind::Other);
    }
    if player_controls(core) {
        return Some(NoiseKind::Navigation);
    }
    None
}

/// The line without leading glyphs and trailing punctuation ("· 4 min read" → "4 min read").
fn core(lower: &str) -> &str {
    lower.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©' && c != '@').trim_end_matches(
        |c: char| c.is_ascii_punctuation() || c.is_whitespace() || matches!(c, '…' | '›' | '»' | '→'),
    )
}

/// Tokens of a bar of short items: split at whitespace and at the separators bars use.
fn bar_tokens(core: &str) -> impl Iterator<Item = &str> {
    core.split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '•' | '/' | ',' | ':' | '(' | ')'))
        .filter(|t| !t.is_empty())
}

/// True when `line` speaks to its reader or of the site's "we", outside quotation marks
/// ([`rules::reader_address`]).
fn speaks_to_reader(line: &str) -> bool {
    let (you, we) = rules::reader_address(line);
    you || we
}

/// True when `line` calls its reader ("you", "your"; not the site's "we").
fn addresses_the_reader(line: &str) -> bool {
    rules::reader_address(line).0
}

fn ends_with_full_stop(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '!', '?', '…'])
}

/// A cookie notice has at most this many words ...
const COOKIE_NOTICE_WORDS: usize = 80;
/// ... or this many when it asks the reader's consent.
const COOKIE_CONSENT_WORDS: usize = 160;

/// "This website uses cookies to ensure you get the best experience.", "Cookie Settings".
fn cookie_notice(line: &str, lower: &str, core: &str) -> bool {
    if !lower.contains("cookie") {
        return false;
    }
    // A row of a consent manager's cookie table ("test_cookie\t15 minutes\tThis cookie is set by
    // …"): copied tables keep their cells apart with tabs.
    if lower.contains('\t') {
        return true;
    }
    let words = words_up_to(lower, COOKIE_CONSENT_WORDS);
    // A consent banner's long notice asks the reader to agree ("By clicking “Accept and
    // Continue” below, you consent to …"): up to twice the length of a short notice.
    let asks_consent = || ["consent", "accept", "privacy policy"].iter().any(|w| lower.contains(w));
    (words > COOKIE_NOTICE_WORDS && words <= COOKIE_CONSENT_WORDS && speaks_to_reader(line) && asks_consent())
        || words <= COOKIE_NOTICE_WORDS
            && (speaks_to_reader(line)
                || matches!(core, "cookies" | "cookie settings" | "cookie preferences" | "manage cookies")
                || (words <= 6 && !ends_with_full_stop(lower)))
}

/// "12 comments", "3 thoughts on “Title”", "1.2K shares", "· 4 min read", "Comments (12)".
fn count_line(core: &str) -> Option<NoiseKind> {
    if core.len() > 300 {
        return None;
    }
    let number_len = core
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, ',' | '.' | 'k' | 'm')))
        .map_or(core.len(), |(i, _)| i);
    if number_len > 0 && core.as_bytes()[0].is_ascii_digit() {
        let rest = core[number_len..].trim_start();
        for (noun, kind) in COUNT_NOUNS {
            if let Some(after) = rest.strip_prefix(noun) {
                // "3 thoughts on “Title”" runs on; a bare count stops at the noun.
                let runs_on = *noun == "thoughts on"
                    || (after.starts_with(" on ") && *kind == NoiseKind::CommentPrompt);
                if after.is_empty() || runs_on {
                    return Some(*kind);
                }
            }
        }
    }
    // "Comments (12)", "Comments 12".
    let tail = core.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '(' | ')' | ' '));
    if tail.len() < core.len()
        && matches!(
            tail,
            "comments" | "comment" | "replies" | "responses" | "kommentare" | "commentaires" | "comentarios"
        )
    {
        return Some(NoiseKind::CommentPrompt);
    }
    None
}

/// A share or follow bar: only share words, at least one of them a network or "share".
/// "Follow us on Twitter and Instagram for live scores" is a follow prompt too.
fn share_prompt(core: &str) -> bool {
    if core.is_empty() || core.len() > 200 {
        return false;
    }
    let mut n = 0;
    let mut cued = false;
    let mut all_share = true;
    for token in bar_tokens(core) {
        n += 1;
        cued |= SHARE_CUES.contains(&token);
        all_share &= SHARE_WORDS.contains(&token);
    }
    if all_share && cued && n <= 14 {
        return true;
    }
    if matches!(core, "like this" | "share this" | "share this article" | "share this story") {
        return true;
    }
    let follow = core.starts_with("follow us")
        || core.starts_with("like us on")
        || core.starts_with("find us on")
        || core.starts_with("connect with us")
        || (core.starts_with("follow ") && core.contains(" on "));
    follow && n <= 16 && NETWORKS.iter().any(|net| bar_tokens(core).any(|t| t == *net) || core.contains(net))
        || core == "follow us"
}

/// Words that name an app or where to get one (lower case, a whole token; "WAZ-News-App" ends
/// in one).
const APP_WORDS: &[&str] =
    &["app", "apps", "application", "applications", "aplicación", "android", "ios", "iphone"];
/// Words that open a call to follow or fetch something in the languages besides English's
/// [`IMPERATIVES`] ("Folge uns", "Suivez", "Sigue", "Volg", "Lade"), lower case.
const FOLLOW_IMPERATIVES: &[&str] =
    &["folge", "folgen", "folgt", "lade", "hol", "suivez", "téléchargez", "sigue", "siga", "segui", "volg"];
/// A call to follow the site on a network or use its app has at most this many words ...
const CHANNEL_CALL_WORDS: usize = 30;
/// ... and one that only calls out, with no "you", at most this many (a slogan; "And now our
/// application is able to serve more than 200,000 requests in 20 seconds; …!" is the author's).
const CHANNEL_SLOGAN_WORDS: usize = 12;

/// The site's call to follow it on a network or read it in its app, wherever the page printed it
/// ("Get the latest news on your phone: download the Herald app for iPhone and Android.", "Are
/// you on WhatsApp? …", "Folgst du schon 20 Minuten auf Whatsapp?", "Mehr Lesekomfort mit der
/// Freie Presse App!"): a short line naming a network or an app that calls out (a slogan ending
/// with "!"), or speaks to the reader as a question or an imperative. An article's sentence about an app
/// reports in the third person ("The council's parking app, launched for iPhone and Android in
/// 2023, …"), and a how-to's "you can" is neither a question nor a call.
fn channel_call(line: &str, lower: &str) -> bool {
    if words_up_to(line, CHANNEL_CALL_WORDS + 1) > CHANNEL_CALL_WORDS {
        return false;
    }
    let names_channel = bar_tokens(lower).any(|t| {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric());
        // "X" and "Threads" are words as well as networks.
        (NETWORKS.contains(&t) && !matches!(t, "x" | "threads"))
            || APP_WORDS.contains(&t)
            || t.ends_with("-app")
    }) || lower.contains("google news");
    if !names_channel {
        return false;
    }
    let trimmed = line.trim_end();
    let calls_out =
        trimmed.ends_with('!') && words_up_to(line, CHANNEL_SLOGAN_WORDS + 1) <= CHANNEL_SLOGAN_WORDS;
    let first = lower.split_whitespace().next().unwrap_or("");
    let first = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    let imperative = IMPERATIVES.contains(&first) || FOLLOW_IMPERATIVES.contains(&first);
    calls_out || (addresses_the_reader(line) && (line.contains('?') || imperative))
}

/// "© 2021 Example News. All rights reserved.", "Privacy Policy", "Terms | Privacy".
fn legal_footer(line: &str, lower: &str) -> bool {
    let words = words_up_to(line, 60);
    if words > 60 {
        return false;
    }
    let copyright = line.trim_start().starts_with('©')
        || lower.starts_with("copyright")
        || lower.contains("copyright ©")
        || lower.contains("© copyright");
    let cued = LEGAL_CUES.iter().find(|c| lower.contains(**c));
    copyright
        || cued.is_some_and(|c| {
            // A sentence that mentions a privacy policy is article text; a link or a clause
            // addressed to the reader is a footer.
            words <= 6 || speaks_to_reader(line) || !ends_with_full_stop(line) || *c == "all rights reserved"
        })
}

/// What makes a line a subscription prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PromptSign {
    /// Its shape: an imperative opening a short or open line ("Sign up for our morning
    /// newsletter").
    Shape,
    /// Only its shape of a label: a short line that ends no sentence and opens with no
    /// imperative ("Newsletter abonnieren", but also a headline: "What We Learned From a Year of
    /// Our Weekly Newsletter").
    Label,
    /// Only its voice: a sentence in "we" or "you" that names a newsletter, a subscription or
    /// journalism ("Our journalism depends on readers like you.").
    Voice,
}

/// "Sign up for our morning newsletter", "Support local journalism. Subscribe today.",
/// "Enter your email".
fn subscribe_prompt(line: &str, lower: &str) -> Option<PromptSign> {
    let words = words_up_to(line, 40);
    if words > 40 || !CALL_CUES.iter().chain(TOPIC_CUES).any(|c| lower.contains(c)) {
        return None;
    }
    let first = lower.split_whitespace().next().unwrap_or("");
    let first = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    let short_or_open = words <= 10 || !ends_with_full_stop(line);
    if IMPERATIVES.contains(&first) && short_or_open {
        Some(PromptSign::Shape)
    } else if !ends_with_full_stop(line) && words <= 12 {
        Some(PromptSign::Label)
    } else if speaks_to_reader(line) {
        Some(PromptSign::Voice)
    } else {
        None
    }
}

/// True when `line` is a subscription prompt by its voice alone: a sentence in "we" or "you" that
/// names a newsletter or journalism, with no imperative or open shape of a prompt. On a report's
/// page that is the site speaking; on a page whose own paragraphs speak that way (a blog post, a
/// team's news) it is the author's sentence.
pub(crate) fn is_prompt_by_voice_alone(line: &str) -> bool {
    subscribe_prompt(line, &line.to_lowercase()) == Some(PromptSign::Voice)
}

/// True when `line` is a subscription prompt only by its shape of a label, and reads like a
/// headline instead: at least [`TITLE_LIKE_WORDS`] words that call the reader nothing ("you",
/// "your"), ask nothing of the reader ([`CALL_CUES`]) and end with no colon ("What We Learned
/// From a Year of Our Weekly Newsletter", not "Best of AD in Your Inbox" or "Smart is sexy - get
/// our newsletter:"). Where a headline or a heading stands (the headline finder's pick, a line
/// between two of the text's paragraphs) it is one.
pub(crate) fn is_prompt_shaped_like_a_headline(line: &str) -> bool {
    let lower = line.to_lowercase();
    subscribe_prompt(line, &lower) == Some(PromptSign::Label)
        && words_up_to(line, TITLE_LIKE_WORDS) >= TITLE_LIKE_WORDS
        && !addresses_the_reader(line)
        && !line.trim_end().ends_with(':')
        && !CALL_CUES.iter().any(|c| lower.contains(c))
}

/// Cues of a subscription, newsletter or donation prompt that name what the reader would do or be
/// ("subscribe", "subscribers", "sign up", "inbox"; lower case, matched inside the line), not only
/// what a headline may be about ([`TOPIC_CUES`]).
const CALL_CUES: &[&str] = &[
    "subscribe",
    "sign up",
    "sign-up",
    "signup",
    "signing up",
    "inbox",
    "email address",
    "your email",
    "donate",
    "become a member",
    "free trial",
    "paywall",
    "support us",
];

/// A prompt-shaped headline has at least this many words ("Der BR24 Newsletter" has three).
const TITLE_LIKE_WORDS: usize = 5;

/// What a browser notice is about: a script the page needs or a blocker of its adverts (lower
/// case, matched at a word's start, in the languages of [`rules::reader_address`]).
const BROWSER_CUES: &[&str] = &[
    "javascript",
    "ad block",
    "ad-block",
    "adblock",
    "werbeblocker",
    "bloqueur de pub",
    "bloqueador de anuncios",
];
/// Words that open a request to the reader without a "you" ("Please enable JavaScript …",
/// "Bitte aktivieren …", "Veuillez activer …"), lower case.
const PLEASE: &[&str] = &["please", "bitte", "veuillez", "por favor", "per favore", "gelieve"];
/// A browser notice has at most this many words.
const BROWSER_NOTICE_WORDS: usize = 30;

/// The page's word to the reader about their browser, which the copy brings along wherever the
/// page printed it ("You need to enable JavaScript to run this app.", "We noticed you're using an
/// ad blocker. Some parts of this page may not display correctly.", "Please enable JavaScript to
/// view the comments powered by Disqus."): a short line about scripts or an ad blocker that asks
/// or tells the reader. An article's sentence about JavaScript or ad blocking is in the third
/// person ("JavaScript has risen by 19Kb."), and so is a placeholder the page leaves in the text
/// where a script would have shown something ("JavaScript is currently disabled in this browser.
/// Reactivate it to view this content."), which stays.
fn browser_notice(line: &str, lower: &str) -> bool {
    if words_up_to(line, BROWSER_NOTICE_WORDS + 1) > BROWSER_NOTICE_WORDS
        || !BROWSER_CUES.iter().any(|c| {
            // "Roadblocks" is no ad blocker.
            lower.match_indices(c).any(|(at, _)| !lower[..at].ends_with(char::is_alphanumeric))
        })
    {
        return false;
    }
    // A request opens with "please"; a notice in "you" is a sentence, where a how-to's heading
    // in "you" is not ("Write your own JavaScript loader").
    let asks = PLEASE.iter().any(|p| lower.starts_with(p) || lower.contains(&format!(". {p}")));
    asks || (ends_with_full_stop(line) && super::rules::reader_address(line).0)
}

/// Words of a media player's controls and labels (lower case): "Play Video", "Back to video",
/// "More videos", "Autoplay", "Listen to this article", "Artikel anhören", "0:00 Anhören".
const PLAYER_WORDS: &[&str] = &[
    "play",
    "pause",
    "replay",
    "mute",
    "unmute",
    "autoplay",
    "video",
    "videos",
    "audio",
    "listen",
    "anhören",
    "abspielen",
    "écouter",
    "back",
    "to",
    "this",
    "more",
    "article",
    "story",
    "artikel",
    "weitere",
    "jetzt",
    "min",
];
/// Of which one says it is a player's: the others ("back", "more", "this") are any link's.
const PLAYER_CUES: &[&str] = &[
    "play",
    "pause",
    "replay",
    "autoplay",
    "video",
    "videos",
    "audio",
    "listen",
    "anhören",
    "abspielen",
    "écouter",
];
/// A player's row of controls has at most this many words.
const PLAYER_CONTROL_WORDS: usize = 5;
/// What a player or an advert slot says when its media is missing, with no page to fetch it
/// from: it could not load, or it is not there (lower case, matched inside the line).
const PLAYER_FAILURES: &[&str] =
    &["load", "not available", "unavailable", "will play in", "nicht verfügbar", "pas disponible"];
/// What such a notice is about, matched at a word's start (lower case).
const PLAYER_MEDIA: &[&str] = &["video", "audio", "advertisement", "player", "podcast"];
/// A player's notice has at most this many words.
const PLAYER_NOTICE_WORDS: usize = 14;
/// A label-length notice ("Video Not Available") has at most this many words; a longer one speaks
/// as the site or to the reader in its first words ("We apologize, but this video has failed to
/// load.", "This advertisement has not loaded yet.").
const PLAYER_LABEL_WORDS: usize = 4;

/// A media player's row of controls, copied with the page ("Play Video", "Autoplay", "More
/// videos", "Listen to this article", "0:00 Anhören"): a few words, every one a player's word or
/// a time, at least one of them naming playing, a video or audio. "Video: Fall Centerpiece Ideas"
/// names what it shows and stays.
/// True when `line` is a media player's row of controls ([`player_controls`]).
pub(crate) fn is_player_controls(line: &str) -> bool {
    player_controls(core(&line.to_lowercase()))
}

fn player_controls(core: &str) -> bool {
    if core.is_empty() || words_up_to(core, PLAYER_CONTROL_WORDS + 1) > PLAYER_CONTROL_WORDS {
        return false;
    }
    let mut cued = false;
    for word in core.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let time = !word.is_empty() && word.chars().all(|c| c.is_ascii_digit() || c == ':');
        if !(time || PLAYER_WORDS.contains(&word)) {
            return false;
        }
        cued |= PLAYER_CUES.contains(&word);
    }
    cued
}

/// What a player or an advert slot says in place of its media ("We apologize, but this video has
/// failed to load.", "This advertisement has not loaded yet.", "Video Not Available", "Your video
/// will play in 00:25"): a short line about a video, audio or advert that failed to load or is
/// not there, as a label or in the site's or the reader's voice from its first words. A report's
/// sentence opens on its subject ("The video has not loaded for many users since Monday, …").
fn player_notice(line: &str, lower: &str) -> bool {
    let words = words_up_to(line, PLAYER_NOTICE_WORDS + 1);
    if words > PLAYER_NOTICE_WORDS
        || !PLAYER_FAILURES.iter().any(|f| lower.contains(f))
        || !PLAYER_MEDIA
            .iter()
            .any(|m| lower.match_indices(m).any(|(at, _)| !lower[..at].ends_with(char::is_alphanumeric)))
    {
        return false;
    }
    let opening: Vec<&str> =
        lower.split_whitespace().take(2).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    let voiced = opening.iter().any(|w| matches!(*w, "we" | "sorry" | "this" | "your" | "you"));
    words <= PLAYER_LABEL_WORDS || voiced
}

/// What a site's invitation to report an error or send feedback is about, matched at a word's
/// start (lower case; "fehlerhinweis@taz.de", "corrections@…" included).
const ERROR_REPORT_CUES: &[&str] = &[
    "error",
    "mistake",
    "typo",
    "correction",
    "feedback",
    "fehler",
    "rückmeldung",
    "erreur",
    "coquille",
    "errata",
    "fout",
];
/// Words that name the page or its newsroom in such an invitation, matched at a word's start.
const PAGE_WORDS: &[&str] =
    &["article", "artikel", "text", "story", "beitrag", "redaktion", "newsroom", "editor", "rédaction"];
/// Words that open a question of the article's own ("Where was the error?"), lower case.
const QUESTION_WORDS: &[&str] = &[
    "who", "what", "where", "why", "how", "when", "which", "was", "wo", "wie", "warum", "wer", "welche",
    "où", "quand", "comment", "pourquoi", "qui", "quel", "quelle",
];
/// Words that ask to report something, in a label ("Fehler melden", "Report an error",
/// "Fehlerhinweis"), lower case, matched anywhere in the line.
const REPORT_WORDS: &[&str] = &["melden", "report", "signaler", "hinweis", "submit"];
/// Such a label has at most this many words.
const ERROR_LABEL_WORDS: usize = 4;
/// Such an invitation has at most this many words ...
const ERROR_REPORT_WORDS: usize = 25;
/// ... and, as a bare question, at most this many ("Fehler auf taz.de entdeckt?", "Spotted a
/// mistake in this article?").
const ERROR_QUESTION_WORDS: usize = 6;

/// Whether `lower` holds `word` at the start of a word.
fn has_word_start(lower: &str, word: &str) -> bool {
    lower.match_indices(word).any(|(at, _)| !lower[..at].ends_with(char::is_alphanumeric))
}

/// The site's invitation to report an error or send feedback, under the text or beside its
/// share bar ("Spotted a mistake in this article?", "Let us know at corrections@… and we will put
/// it right.", "Wir freuen uns über eine Mail an fehlerhinweis@taz.de!", "To submit a correction
/// for our consideration, click here.", "Inhaltlichen Fehler melden"): a short line about an
/// error or feedback that is a bare question, a label asking to report one, or speaks to the
/// reader or as the site and names the article, an e-mail address or a link. A report's sentence about an error is in the third person ("The council admitted the
/// error on Thursday …"), and a question of its own opens with a question word.
fn error_report_call(line: &str, lower: &str) -> bool {
    let words = words_up_to(line, ERROR_REPORT_WORDS + 1);
    if words > ERROR_REPORT_WORDS || !ERROR_REPORT_CUES.iter().any(|c| has_word_start(lower, c)) {
        return false;
    }
    let first = lower.split_whitespace().next().unwrap_or("");
    let first = first.trim_matches(|c: char| !c.is_alphanumeric());
    let bare_question =
        line.trim_end().ends_with('?') && words <= ERROR_QUESTION_WORDS && !QUESTION_WORDS.contains(&first);
    let (you, we) = rules::reader_address(line);
    let points_somewhere = PAGE_WORDS.iter().any(|w| has_word_start(lower, w))
        || lower.contains('@')
        || lower.contains("click here")
        || lower.contains("hier klicken");
    // A label is words alone: `alert("Error submitting form!");` is code.
    let label = words <= ERROR_LABEL_WORDS
        && line.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '-' | ':'))
        && REPORT_WORDS.iter().any(|w| lower.contains(w));
    bare_question || label || ((you || we) && points_somewhere)
}

/// A collapsible box's two labels, opening and closing, lower case, in the languages the cleaner
/// reads ("Show more" / "Show less", "Box aufklappen" / "Box zuklappen").
const TOGGLE_WORDS: &[(&str, &str)] = &[
    ("show", "hide"),
    ("more", "less"),
    ("expand", "collapse"),
    ("open", "close"),
    ("aufklappen", "zuklappen"),
    ("einblenden", "ausblenden"),
    ("anzeigen", "ausblenden"),
    ("öffnen", "schließen"),
    ("mehr", "weniger"),
    ("afficher", "masquer"),
    ("plus", "moins"),
    ("mostrar", "ocultar"),
    ("ver", "ocultar"),
    ("más", "menos"),
    ("uitklappen", "inklappen"),
    ("meer", "minder"),
];
/// Each label of a collapsible box's toggle has at most this many words.
const TOGGLE_WORDS_MAX: usize = 4;
/// Labels that name what they show and hide by different words ("Show discussion" / "Hide
/// comments") have at most this many words each.
const TOGGLE_RENAMED_WORDS_MAX: usize = 3;

/// True when `first` and `second`, one under the other, are the two labels of one collapsible
/// box's toggle, which a copy brings along both ("Personen-Box aufklappen" / "Personen-Box
/// zuklappen", "Show more" / "Show less"): short lines alike but for one word, the one opening
/// and the other closing, or, on labels of [`TOGGLE_RENAMED_WORDS_MAX`] words or fewer, alike but
/// for two words, an opening and a closing one in the same place ("Diskussion anzeigen" /
/// "Kommentare schließen").
pub(crate) fn is_toggle_pair(first: &str, second: &str) -> bool {
    // Asked of every two lines of a page: most are longer than a label, and are not split.
    let short = |line: &str| words_up_to(line, TOGGLE_WORDS_MAX + 1) <= TOGGLE_WORDS_MAX;
    if !short(first) || !short(second) {
        return false;
    }
    let words = |line: &str| -> Vec<String> {
        line.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .collect()
    };
    let (a, b) = (words(first), words(second));
    // Both have at most TOGGLE_WORDS_MAX words (`short`).
    if a.is_empty() || a.len() != b.len() {
        return false;
    }
    let toggled = |x: &str, y: &str| {
        TOGGLE_WORDS.iter().any(|&(open, close)| (x == open && y == close) || (x == close && y == open))
    };
    let differing: Vec<(&String, &String)> = a.iter().zip(&b).filter(|(x, y)| x != y).collect();
    match differing[..] {
        [(x, y)] => toggled(x, y),
        // The two labels may name what they show and hide differently ("Diskussion anzeigen" /
        // "Kommentare schließen", "Show discussion" / "Hide comments"): an opening word and a
        // closing word (of any of the pairs) in the same place, and one other word.
        [(x1, y1), (x2, y2)] if a.len() <= TOGGLE_RENAMED_WORDS_MAX => {
            let opens = |w: &str| TOGGLE_WORDS.iter().any(|&(open, _)| open == w);
            let closes = |w: &str| TOGGLE_WORDS.iter().any(|&(_, close)| close == w);
            let pair = |x: &str, y: &str| (opens(x) && closes(y)) || (closes(x) && opens(y));
            pair(x1, y1) || pair(x2, y2)
        }
        _ => false,
    }
}

/// Navigation: skip links, bare links and e-mail addresses, breadcrumbs, pipe menus, tag lists,
/// and single interface words.
fn navigation(line: &str, lower: &str, core: &str) -> bool {
    if CONTROLS.contains(&core) || lower.starts_with("skip to ") {
        return true;
    }
    // "Click to share on WhatsApp (Opens in new window)", "Click here to view comments".
    let link_prompt =
        ["click to ", "click here", "tap to ", "tap here", "opens in new window", "opens in a new window"]
            .iter()
            .any(|p| lower.starts_with(p) || (p.starts_with("opens") && lower.contains(p)));
    if link_prompt && words_up_to(line, 16) <= 16 {
        return true;
    }
    let one_word = !line.contains(char::is_whitespace);
    if one_word
        && (lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
            || (lower.contains('@') && lower.contains('.')))
    {
        return true;
    }
    if let Some(colon) = core.find(':') {
        if TAG_LABELS.contains(&core[..colon].trim()) && words_up_to(line, 40) <= 40 {
            return true;
        }
    }
    separated_items(line)
}

/// "World › Middle East", "Contact | About | Terms of Use | Privacy", "News / Politics": short
/// items between separators, none a sentence.
fn separated_items(line: &str) -> bool {
    if line.len() > 300 || ends_with_full_stop(line) {
        return false;
    }
    let crumbs = ['›', '»', '>', '→'];
    let pipes = ['|', '•', '·', '/'];
    let n_crumbs = line.matches(crumbs).count();
    let n_pipes = line.matches(pipes).count();
    let (seps, min): (&[char], usize) = if n_crumbs >= 1 { (&crumbs, 1) } else { (&pipes, 2) };
    let items: Vec<&str> = line.split(seps).map(str::trim).filter(|s| !s.is_empty()).collect();
    let n_seps = if n_crumbs >= 1 { n_crumbs } else { n_pipes };
    n_seps >= min && items.len() >= 2 && items.iter().all(|item| words_up_to(item, 5) <= 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> Option<NoiseKind> {
        furniture(line)
    }

    #[test]
    fn calls_to_follow_the_site_or_use_its_app_but_not_reports_about_apps() {
        let call = Some(NoiseKind::SharePrompt);
        assert_eq!(
            kind("Get the latest news on your phone: download the Herald app for iPhone and Android."),
            call
        );
        assert_eq!(kind("Are you on WhatsApp? Our channel brings you the day's top stories."), call);
        assert_eq!(kind("Folgst du schon 20 Minuten auf Whatsapp?"), call);
        assert_eq!(kind("Mehr Lesekomfort mit der Freie Presse App!"), call);
        assert_eq!(
            kind("The council's parking app, launched for iPhone and Android in 2023, will show the new prices."),
            None
        );
        assert_eq!(kind("You can also share your location with a friend on WhatsApp."), None);
        assert_eq!(
            kind("And now our application is able to serve more than 200,000 requests in 20 seconds; we increased the performance by a factor of 100k!"),
            None
        );
    }

    #[test]
    fn a_players_controls_and_notices_but_not_a_report_about_a_video() {
        for controls in [
            "Play Video",
            "Back to video",
            "More videos",
            "autoplay",
            "Listen to this article",
            "0:00  Anhören",
        ] {
            assert_eq!(kind(controls), Some(NoiseKind::Navigation), "{controls}");
        }
        for notice in [
            "We apologize, but this video has failed to load.",
            "This advertisement has not loaded yet.",
            "Video Not Available",
            "Sorry, this video could not be loaded.",
        ] {
            assert_eq!(kind(notice), Some(NoiseKind::Other), "{notice}");
        }
        assert_eq!(kind("Video: Fall Centerpiece Ideas"), None);
        assert_eq!(kind("The video has not loaded for many users since Monday, the company said."), None);
        assert_eq!(kind("Listen"), Some(NoiseKind::Navigation));
        assert_eq!(kind("Back to the article"), None);
    }

    #[test]
    fn invitations_to_report_an_error_but_not_a_reports_error() {
        for call in [
            "Spotted a mistake in this article?",
            "Let us know at corrections@millbrookpost.co.uk and we will put it right.",
            "Fehler auf taz.de entdeckt?",
            "Wir freuen uns über eine Mail an fehlerhinweis@taz.de!",
            "To submit a correction for our consideration, click here.",
            "Inhaltlichen Fehler melden",
        ] {
            assert_eq!(kind(call), Some(NoiseKind::Other), "{call}");
        }
        assert_eq!(
            kind("The council admitted the error on Thursday and said the bills would be reissued."),
            None
        );
        assert_eq!(kind("If you find an error in your tax bill, contact the council."), None);
        assert_eq!(kind("Where was the error?"), None);
        assert_eq!(kind("A costly mistake"), None);
        assert_eq!(kind(r#"alert("Error submitting form!");"#), None);
    }

    #[test]
    fn browser_notices_to_the_reader_but_not_sentences_about_scripts() {
        assert_eq!(kind("You need to enable JavaScript to run this app."), Some(NoiseKind::Other));
        assert_eq!(
            kind("Please enable JavaScript to view the comments powered by Disqus."),
            Some(NoiseKind::Other)
        );
        assert_eq!(
            kind("It looks like you are using an ad blocker. Some parts of this page may not display correctly."),
            Some(NoiseKind::Other)
        );
        assert_eq!(kind("Bitte deaktivieren Sie Ihren Werbeblocker."), Some(NoiseKind::Other));
        assert_eq!(kind("We noticed you're using an ad blocker."), Some(NoiseKind::Other));
        assert_eq!(kind("JavaScript has risen by 19Kb since last year."), None);
        assert_eq!(kind("Write your own JavaScript loader #"), None);
        assert_eq!(
            kind("Navigation Roadblocks: Stores force you to walk around stuff you don't need."),
            None
        );
        assert_eq!(
            kind("JavaScript is currently disabled in this browser. Reactivate it to view this content."),
            None
        );
        assert_eq!(kind("The rise of ad blocking poses a threat to publishers, the trade body said."), None);
    }

    #[test]
    fn a_collapsible_box_shows_both_labels_of_its_toggle() {
        assert!(is_toggle_pair("Personen-Box aufklappen", "Personen-Box zuklappen"));
        assert!(is_toggle_pair("Show more", "Show less"));
        assert!(is_toggle_pair("Collapse explainer", "Expand explainer"));
        assert!(!is_toggle_pair("Show more", "Show more"));
        assert!(!is_toggle_pair("Round one", "Round two"));
        assert!(!is_toggle_pair("Doors open at seven", "Doors close at eleven tonight"));
        // The labels may name what they show and hide differently, on labels of a few words.
        assert!(is_toggle_pair("Diskussion anzeigen", "Kommentare schließen"));
        assert!(is_toggle_pair("Show discussion", "Hide comments"));
        assert!(is_toggle_pair("Ver comentarios", "Ocultar conversación"));
        assert!(!is_toggle_pair("Doors open at seven", "Doors close at nine"));
        assert!(!is_toggle_pair("Open letter", "Public meeting"));
    }

    #[test]
    fn share_bars_and_follow_prompts() {
        assert_eq!(kind("Share this: Facebook | Twitter | WhatsApp"), Some(NoiseKind::SharePrompt));
        assert_eq!(kind("Share on Facebook"), Some(NoiseKind::SharePrompt));
        assert_eq!(kind("Share via email"), Some(NoiseKind::SharePrompt));
        assert_eq!(kind("Follow us on Facebook and Instagram"), Some(NoiseKind::SharePrompt));
        assert_eq!(kind("Twitter"), Some(NoiseKind::SharePrompt));
        assert_eq!(kind("Diesen Artikel teilen"), Some(NoiseKind::SharePrompt));
        assert_eq!(kind("Partager cet article sur Facebook"), Some(NoiseKind::SharePrompt));
        assert_eq!(kind("Deel dit artikel"), Some(NoiseKind::SharePrompt));
        assert_eq!(kind("Link kopieren Link kopieren"), Some(NoiseKind::SharePrompt));
        // A bar copied with its icons' names and its dialog's buttons.
        assert_eq!(kind("cancel email    link share Share bookmark Save"), Some(NoiseKind::SharePrompt));
        assert_eq!(kind("Cancel the bookmark"), None);
        assert_eq!(kind("Teilen und herrschen auf dem Balkan"), None);
        assert_eq!(kind("Facebook said it would share the data with the regulator."), None);
        assert_eq!(kind("He urged followers to follow the party line on Twitter."), None);
    }

    #[test]
    fn subscription_prompts_speak_to_the_reader() {
        assert_eq!(kind("Sign up for our morning newsletter"), Some(NoiseKind::SubscribePrompt));
        assert_eq!(
            kind("Support our journalism. Subscribe today for full access."),
            Some(NoiseKind::SubscribePrompt)
        );
        assert_eq!(kind("Enter your email"), Some(NoiseKind::SubscribePrompt));
        assert_eq!(kind("The channel had two million subscribers by March, the company said."), None);
    }

    #[test]
    fn a_sentence_in_we_about_a_newsletter_is_a_prompt_by_its_voice_alone() {
        assert!(is_prompt_by_voice_alone("Our journalism depends on readers like you, and always has."));
        assert!(is_prompt_by_voice_alone(
            "We launched the newsletter last March with forty readers, most of them friends of the team."
        ));
        // The shape of a prompt says so whatever the page's voice.
        assert!(!is_prompt_by_voice_alone("Sign up for our newsletter"));
        assert!(!is_prompt_by_voice_alone("The council's newsletter was sent to every household."));
    }

    #[test]
    fn a_label_shaped_prompt_may_read_like_a_headline() {
        let headline = "What We Learned From a Year of Our Weekly Newsletter";
        assert_eq!(kind(headline), Some(NoiseKind::SubscribePrompt));
        assert!(is_prompt_shaped_like_a_headline(headline));
        assert!(is_prompt_shaped_like_a_headline("The Open Journalism Project: Better Student Journalism"));
        assert!(!is_prompt_shaped_like_a_headline("Der BR24 Newsletter"));
        assert!(!is_prompt_shaped_like_a_headline("Best of AD in Your Inbox"));
        assert!(!is_prompt_shaped_like_a_headline("Smart is sexy - get our newsletter:"));
        assert!(!is_prompt_shaped_like_a_headline("Sign up for our weekly newsletter today"));
        assert!(!is_prompt_shaped_like_a_headline("THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY"));
    }

    #[test]
    fn legal_footers_and_cookie_notices() {
        assert_eq!(kind("© 2021 Tigris Times. All rights reserved."), Some(NoiseKind::LegalFooter));
        assert_eq!(kind("Copyright © 2022 The Levant Ledger"), Some(NoiseKind::LegalFooter));
        assert_eq!(kind("Privacy Policy"), Some(NoiseKind::LegalFooter));
        assert_eq!(kind("The firm changed its privacy policy after the fine, regulators said."), None);
        assert_eq!(
            kind("This website uses cookies to ensure you get the best experience."),
            Some(NoiseKind::CookieNotice)
        );
        assert_eq!(kind("The regulator said sites that use cookies must ask for consent."), None);
        let banner = "We use cookies and similar technologies to improve your browsing experience, personalize content and offers, show targeted ads, analyze traffic, and better understand you. We may share your information with third-party partners for marketing purposes. To learn more and make choices about data use, visit our Advertising Policy and Privacy Policy. By clicking “Accept and Continue” below, (1) you consent to these activities unless and until you withdraw your consent using our rights request form, and (2) you consent to allow your data to be transferred, processed, and stored in the United States.";
        assert_eq!(kind(banner), Some(NoiseKind::CookieNotice));
        assert_eq!(
            kind("visitor_id\t1 year\tThis cookie is set by an analytics service to count visits."),
            Some(NoiseKind::CookieNotice)
        );
    }

    #[test]
    fn navigation_and_counts() {
        assert_eq!(kind("Skip to main content"), Some(NoiseKind::Navigation));
        assert_eq!(kind("World › Middle East"), Some(NoiseKind::Navigation));
        assert_eq!(kind("News | Sport | Business | Culture"), Some(NoiseKind::Navigation));
        assert_eq!(kind("Contact | About | Terms of Use | Privacy"), Some(NoiseKind::LegalFooter));
        assert_eq!(kind("Tags: phones, audio, hardware"), Some(NoiseKind::Navigation));
        assert_eq!(kind("https://nyti.ms/2iqtp74"), Some(NoiseKind::Navigation));
        assert_eq!(kind("12 comments"), Some(NoiseKind::CommentPrompt));
        assert_eq!(kind("30 Kommentare"), Some(NoiseKind::CommentPrompt));
        assert_eq!(kind("Kommentare (0)"), Some(NoiseKind::CommentPrompt));
        assert_eq!(kind("10 commentaires"), Some(NoiseKind::CommentPrompt));
        assert_eq!(kind("Schlagworte: Erlenau, Freibad, Stadtwerke"), Some(NoiseKind::Navigation));
        assert_eq!(kind("· 4 min read"), Some(NoiseKind::Navigation));
        assert_eq!(kind("3 thoughts on “Why My Tomatoes Split”"), Some(NoiseKind::CommentPrompt));
        assert_eq!(kind("12 people were injured in the blast."), None);
        assert_eq!(kind("Iraq / Syria: the border after the war."), None);
    }
}
