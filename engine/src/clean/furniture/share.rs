//! A share or follow bar: the buttons a page sets beside its article to pass it on ("Share",
//! "Diesen Artikel teilen", "Facebook | X | WhatsApp"), copied with their icons' names and their
//! dialog's buttons, and the calls to follow the site on a network.

use super::{bar_tokens, NETWORKS};

/// Words a share or follow bar is made of besides its buttons ([`is_share_cue`]), lower case. A
/// line of only these and buttons is a share prompt.
const SHARE_WORDS: &[&str] = &[
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
    "mail",
    // "X" alone is a letter as often as the network: a bar's word, not its cue.
    "x",
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
    "diesen",
    "artikel",
    "beitrag",
    "den",
    "per",
    "auf",
    "drucken",
    "merken",
    "cet",
    "sur",
    "par",
    "imprimer",
    "este",
    "artículo",
    "en",
    "imprimir",
    "questo",
    "articolo",
    "su",
    "dit",
    "op",
    "artikeln",
];
/// A share bar's buttons other than the networks, in the languages the cleaner reads: the words
/// that make a line of [`SHARE_WORDS`] a share bar rather than a stray "on the".
const SHARE_BUTTONS: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "email",
    "e-mail",
    "print",
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
/// Networks a share bar offers that nobody is asked to follow there, besides [`NETWORKS`].
const SHARE_ONLY_NETWORKS: &[&str] = &["pinterest", "reddit", "messenger", "tumblr", "pocket", "flipboard"];
/// True when `lower` (one word, lower case) is a share button's word ("share", "teilen", "print")
/// or a network's, "x" aside (as often a letter: [`SHARE_WORDS`]).
pub(crate) fn is_share_cue(lower: &str) -> bool {
    SHARE_BUTTONS.contains(&lower)
        || SHARE_ONLY_NETWORKS.contains(&lower)
        || (NETWORKS.contains(&lower) && lower != "x")
}

/// A share or follow bar: only share words, at least one of them a network or "share".
/// "Follow us on Twitter and Instagram for live scores" is a follow prompt too.
pub(super) fn share_prompt(core: &str) -> bool {
    if core.is_empty() || core.len() > 200 {
        return false;
    }
    let mut n = 0;
    let mut cued = false;
    let mut all_share = true;
    for token in bar_tokens(core) {
        n += 1;
        let cue = is_share_cue(token);
        cued |= cue;
        all_share &= cue || SHARE_WORDS.contains(&token);
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
