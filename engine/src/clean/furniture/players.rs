//! A media player's controls and the notice a player or an advert slot leaves when its media is
//! missing ("Play Video", "Listen to this article", "This advertisement has not loaded yet.").

use super::super::lines::words_up_to;
use super::{core, has_word_start};

/// Words that say a line is a media player's (lower case): "Play Video", "Autoplay", "Listen to
/// this article", "Artikel anhören", "0:00 Anhören".
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
/// The other words of a player's controls and labels, which any link may use too ("Back to
/// video", "More videos", "Mute").
const PLAYER_OTHER_WORDS: &[&str] = &[
    "mute", "unmute", "back", "to", "this", "more", "article", "story", "artikel", "weitere", "jetzt", "min",
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

pub(super) fn player_controls(core: &str) -> bool {
    if core.is_empty() || words_up_to(core, PLAYER_CONTROL_WORDS + 1) > PLAYER_CONTROL_WORDS {
        return false;
    }
    let mut cued = false;
    for word in core.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let time = !word.is_empty() && word.chars().all(|c| c.is_ascii_digit() || c == ':');
        let cue = PLAYER_CUES.contains(&word);
        if !(time || cue || PLAYER_OTHER_WORDS.contains(&word)) {
            return false;
        }
        cued |= cue;
    }
    cued
}

/// What a player or an advert slot says in place of its media ("We apologize, but this video has
/// failed to load.", "This advertisement has not loaded yet.", "Video Not Available", "Your video
/// will play in 00:25"): a short line about a video, audio or advert that failed to load or is
/// not there, as a label or in the site's or the reader's voice from its first words. A report's
/// sentence opens on its subject ("The video has not loaded for many users since Monday, …").
pub(super) fn player_notice(line: &str, lower: &str) -> bool {
    let words = words_up_to(line, PLAYER_NOTICE_WORDS + 1);
    if words > PLAYER_NOTICE_WORDS
        || !PLAYER_FAILURES.iter().any(|f| lower.contains(f))
        || !PLAYER_MEDIA.iter().any(|m| has_word_start(lower, m))
    {
        return false;
    }
    let opening: Vec<&str> =
        lower.split_whitespace().take(2).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    let voiced = opening.iter().any(|w| matches!(*w, "we" | "sorry" | "this" | "your" | "you"));
    words <= PLAYER_LABEL_WORDS || voiced
}
