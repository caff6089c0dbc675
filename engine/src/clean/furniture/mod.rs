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

mod calls;
mod players;
mod share;
mod toggles;

use calls::{browser_notice, channel_call, error_report_call};
pub(crate) use players::is_player_controls;
use players::{player_controls, player_notice};
pub(crate) use share::is_share_cue;
use share::share_prompt;
pub(crate) use toggles::is_toggle_pair;

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
    "check",
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

/// Whether `lower` holds `word` at the start of a word ("ad block" in "an ad blocker", not in
/// "a road block").
fn has_word_start(lower: &str, word: &str) -> bool {
    lower.match_indices(word).any(|(at, _)| !lower[..at].ends_with(char::is_alphanumeric))
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
    if words <= PITCH_WORDS && SIGN_UP_CALLS.iter().any(|c| lower.contains(c)) {
        return Some(PromptSign::Shape);
    }
    if words > 40 || !CALL_CUES.iter().chain(TOPIC_CUES).any(|c| lower.contains(c)) {
        return None;
    }
    let first = lower.split_whitespace().next().unwrap_or("");
    let first = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    let short_or_open = words <= 10 || !ends_with_full_stop(line);
    // A longer sentence is a prompt too when it opens with an imperative and names what the reader
    // would do ("Sign up for breaking news, reviews, opinion, top tech deals, and more."): a
    // report's sentence about a sign-up names who signs up ("Residents can sign up …").
    // ("Sign up was slow at first" is a report's sentence: an auxiliary after the opening words
    // makes them its subject, not an imperative).
    let calls = words <= PITCH_WORDS
        && CALL_CUES.iter().any(|c| lower.contains(c))
        && !lower
            .split_whitespace()
            .skip(1)
            .find(|w| !matches!(*w, "up" | "out"))
            .is_some_and(|w| AUXILIARIES.contains(&w.trim_matches(|c: char| !c.is_alphabetic())));
    if IMPERATIVES.contains(&first) && (short_or_open || calls) {
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

/// Calls to sign up in the pages' other languages, each an imperative or the inbox itself
/// (lower case, matched inside the line): a line of up to [`PITCH_WORDS`] words holding one is a
/// prompt wherever it says it ("Freizeittipps … jeden Donnerstag fürs Wochenende. Kostenlos
/// anmelden."). A report's sentence about signing up says who does ("… kann sich im Rathaus
/// anmelden").
const SIGN_UP_CALLS: &[&str] = &[
    "jetzt anmelden",
    "kostenlos anmelden",
    "hier anmelden",
    "jetzt abonnieren",
    "newsletter abonnieren",
    "posteingang",
    "in ihr postfach",
    "in dein postfach",
    "abonnez-vous",
    "inscrivez-vous",
    "suscríbete",
    "iscriviti",
];

/// A sentence that opens with an imperative and names a sign-up is a prompt up to this many words.
const PITCH_WORDS: usize = 20;

/// Auxiliaries that make a prompt's opening words the subject of a report's sentence ("Sign up
/// was slow", "Sign-ups have doubled").
const AUXILIARIES: &[&str] =
    &["is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might"];

/// A prompt-shaped headline has at least this many words ("Der BR24 Newsletter" has three).
const TITLE_LIKE_WORDS: usize = 5;

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
        // A whole sentence that opens with an imperative and names a sign-up is one too; a report's
        // sentence names who signs up.
        assert_eq!(
            kind("Sign up for local news, high school sports, weather alerts and more, delivered each morning."),
            Some(NoiseKind::SubscribePrompt)
        );
        assert_eq!(
            kind("Check out more food and drink coverage by signing up for the Weekend Table newsletter"),
            Some(NoiseKind::SubscribePrompt)
        );
        assert_eq!(kind("Residents can sign up to volunteer at the information booth until May 30."), None);
        // The same calls in the pages' other languages, but not a report's sentence about signing up.
        assert_eq!(
            kind("Freizeittipps und Ausflüge in der Region: Jeden Donnerstag fürs Wochenende. Kostenlos anmelden."),
            Some(NoiseKind::SubscribePrompt)
        );
        assert_eq!(kind("Abonnez-vous à partir de 1 €"), Some(NoiseKind::SubscribePrompt));
        assert_eq!(kind("Wer mitlaufen möchte, kann sich bis zum 15. Mai im Rathaus anmelden."), None);
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
