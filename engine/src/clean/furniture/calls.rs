//! The site's calls that a copy brings along wherever the page printed them: to follow it on a
//! network or read it in its app, to enable scripts or turn off an ad blocker, to report an error.
//! Each is short and speaks to the reader or as the site; an article's sentence about an app, a
//! script or an error reports in the third person.

use super::super::lines::words_up_to;
use super::super::rules;
use super::{addresses_the_reader, bar_tokens, ends_with_full_stop, has_word_start, IMPERATIVES, NETWORKS};

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
pub(super) fn channel_call(line: &str, lower: &str) -> bool {
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
pub(super) fn browser_notice(line: &str, lower: &str) -> bool {
    if words_up_to(line, BROWSER_NOTICE_WORDS + 1) > BROWSER_NOTICE_WORDS
        // "Roadblocks" is no ad blocker.
        || !BROWSER_CUES.iter().any(|c| has_word_start(lower, c))
    {
        return false;
    }
    // A request opens with "please"; a notice in "you" is a sentence, where a how-to's heading
    // in "you" is not ("Write your own JavaScript loader").
    let asks = PLEASE.iter().any(|p| lower.starts_with(p) || lower.contains(&format!(". {p}")));
    asks || (ends_with_full_stop(line) && super::rules::reader_address(line).0)
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

/// The site's invitation to report an error or send feedback, under the text or beside its
/// share bar ("Spotted a mistake in this article?", "Let us know at corrections@… and we will put
/// it right.", "Wir freuen uns über eine Mail an fehlerhinweis@taz.de!", "To submit a correction
/// for our consideration, click here.", "Inhaltlichen Fehler melden"): a short line about an
/// error or feedback that is a bare question, a label asking to report one, or speaks to the
/// reader or as the site and names the article, an e-mail address or a link. A report's sentence about an error is in the third person ("The council admitted the
/// error on Thursday …"), and a question of its own opens with a question word.
pub(super) fn error_report_call(line: &str, lower: &str) -> bool {
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
