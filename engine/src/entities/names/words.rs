//! Words of a block as the name passes read them (an `al-` particle folded into the next word, a
//! Korean given name's two syllables one word), their matching keys, and which words may join
//! into one name.

use crate::hash::FxHashMap;
use crate::text;

use super::lexicon;

/// A word of a block prepared for matching: an `al-`/`el-` particle is folded into the next word.
#[derive(Debug, Clone)]
pub(in crate::entities) struct Word {
    /// Block-relative start, including a folded `al-` particle.
    pub(super) start: usize,
    /// Block-relative end (possessive ending excluded).
    pub(super) end: usize,
    /// Folded form of the word proper.
    pub(super) norm: String,
    /// Transliteration key of the word proper.
    pub(super) key: String,
    /// Starts with an upper-case letter.
    pub(super) cap: bool,
    /// Every letter is upper case ("US", "PMF", "U").
    pub(super) caps: bool,
    /// An `al-`/`el-` particle was folded in.
    pub(super) particle: bool,
}

pub(in crate::entities) fn words(text: &str) -> Vec<Word> {
    words_of(text, &text::tokens(text), &mut FxHashMap::default())
}

/// Words from a text's tokens; `keys` caches transliteration keys by folded form, since the same
/// words come back in every article.
pub(super) fn words_of(
    text: &str,
    toks: &[text::Token<'_>],
    keys: &mut FxHashMap<String, String>,
) -> Vec<Word> {
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let mut start = t.start;
        let mut particle = false;
        let mut tok = t;
        if matches!(t.norm.as_str(), "al" | "el") && t.text.len() == 2 {
            if let Some(next) = toks.get(i + 1) {
                let gap = &text[t.end..next.start];
                let next_cap = next.text.chars().next().is_some_and(char::is_uppercase);
                let next_alpha = next.text.chars().next().is_some_and(char::is_alphabetic);
                if next_alpha && (gap == "-" || gap == "‐" || (gap == " " && next_cap)) {
                    start = t.start;
                    particle = true;
                    tok = next;
                    i += 1;
                }
            }
        }
        let word = &text[tok.start..tok.end];
        // Uncased scripts (Arabic) count as capitalised: names there carry no case cue.
        let cap =
            word.chars().next().is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()));
        let caps = word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase);
        let mut key_of = |norm: &String| match keys.get(norm) {
            Some(key) => key.clone(),
            None => {
                let key = text::translit_key(norm);
                keys.insert(norm.clone(), key.clone());
                key
            }
        };
        let mut key = key_of(&tok.norm);
        let mut norm = tok.norm.clone();
        let mut end = tok.end;
        if let Some(second) = korean_second_syllable(text, toks, i, particle) {
            // One word whose key is the two syllables' keys with a space, as "Kim Jong Un" is keyed.
            key = format!("{key} {}", key_of(&second.norm));
            norm = format!("{norm} {}", second.norm);
            end = second.end;
            i += 1;
        }
        out.push(Word { start, end, key, norm, cap, caps, particle });
        i += 1;
    }
    out
}

/// The matching key of a name: its words' transliteration keys, `al-` dropped, space-joined.
pub(in crate::entities) fn name_key(name: &str) -> String {
    name_key_of(&words(name))
}

/// "Moon Jae-in", "Kim Ki-nam": the lower-case syllable joined by a hyphen to token `i` (a
/// capitalised syllable of two to four letters after a capitalised word and a space), which makes
/// one given name with it. Not a suffix ("Iran-backed", "US-led").
fn korean_second_syllable<'t>(
    text: &str,
    toks: &'t [text::Token<'_>],
    i: usize,
    particle: bool,
) -> Option<&'t text::Token<'t>> {
    let (before, first, second) = (toks.get(i.checked_sub(1)?)?, &toks[i], toks.get(i + 1)?);
    let capitalised = |t: &text::Token<'_>| t.text.chars().next().is_some_and(char::is_uppercase);
    let given = !particle
        && capitalised(before)
        && text.get(before.end..first.start) == Some(" ")
        && capitalised(first)
        && (2..=4).contains(&first.text.chars().count())
        && text.get(first.end..second.start) == Some("-")
        && (2..=6).contains(&second.norm.chars().count())
        && second.text.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && second.norm.chars().all(|c| c.is_ascii_lowercase())
        && !lexicon::HYPHEN_SUFFIXES.contains(&second.norm.as_str());
    given.then_some(second)
}

/// The name key of words already split: their keys joined by single spaces.
pub(super) fn name_key_of(ws: &[Word]) -> String {
    ws.iter().map(|w| w.key.as_str()).collect::<Vec<_>>().join(" ")
}

/// Whether two words differ by exactly one substitution, insertion or deletion.
pub(super) fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 || a == b {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// True when the text before a word ends with "the " or "the <one word> " (no sentence break).
pub(super) fn after_the(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(' ') else { return false };
    let mut parts = rest.rsplitn(3, ' ');
    let last = parts.next().unwrap_or_default();
    if last.eq_ignore_ascii_case("the") {
        return true;
    }
    let previous = parts.next().unwrap_or_default();
    let one_word = last.len() <= 16
        && !last.ends_with([',', '.', ';', ':', '!', '?', '"', '”'])
        && (last.chars().next().is_some_and(char::is_lowercase) || last.contains('-'));
    one_word && previous.eq_ignore_ascii_case("the")
}

/// Whether words can form one name: gaps of spaces, hyphens, an initial's dot, or a comma.
/// Returns whether a comma was crossed, or None when they cannot.
pub(super) fn joinable(text: &str, ws: &[Word]) -> Option<bool> {
    let mut comma = false;
    for pair in ws.windows(2) {
        let gap = &text[pair[0].end..pair[1].start];
        if gap.is_empty() || gap.len() > 3 {
            return None;
        }
        for c in gap.chars() {
            match c {
                ' ' | '-' | '‐' => {}
                // "Procter & Gamble".
                '&' if gap == AMPERSAND => {}
                '.' if pair[0].norm.chars().count() == 1 => {}
                ',' => comma = true,
                _ => return None,
            }
        }
    }
    Some(comma)
}

/// The gap between the words of a company's name such as "Ernst & Young".
pub(super) const AMPERSAND: &str = " & ";

/// Whether word `b` continues a name run after word `a`: one space, a hyphen, or an initial's dot.
/// `a` must come before `b`; any other pair of words is never a run (and never a slice panic).
pub(super) fn run_gap(text: &str, a: &Word, b: &Word) -> bool {
    let Some(gap) = text.get(a.end..b.start) else { return false };
    gap == " "
        || gap == "-"
        || gap == "‐"
        || (a.norm.chars().count() == 1 && a.cap && (gap == ". " || gap == "."))
}
