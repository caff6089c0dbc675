//! Text normalisation shared by search, entities and comparison: folding, tokens with byte
//! offsets, and a transliteration key that makes Kadhimi/Kadhemi and Fuad/Fouad meet.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A word of a text: its original slice, byte range (relative to the text given) and folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written, possessive ending included ("Kadhimi’s").
    pub text: &'a str,
    /// Byte offset of the word in the text given to [`tokens`].
    pub start: usize,
    /// Byte offset one past the word (possessive ending excluded).
    pub end: usize,
    /// Folded form: lower case, no diacritics, possessive `’s` dropped ("kadhimi").
    pub norm: String,
}

/// True for the apostrophe family: straight, curly, modifier letter, prime, backtick.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '′' | '`' | 'ʹ')
}

/// True for the quote family, straight and curly, single and double, guillemets.
pub fn is_quote(c: char) -> bool {
    is_apostrophe(c) || matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›')
}

/// Folds text for matching: Unicode lower case, diacritics stripped, quotes and dashes unified.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = if is_apostrophe(c) {
            '\''
        } else if is_quote(c) {
            '"'
        } else if matches!(c, '‐' | '‑' | '‒' | '–' | '—' | '―') {
            '-'
        } else {
            c
        };
        out.extend(c.to_lowercase());
    }
    out
}

/// Splits text into word tokens (letters and digits; `5,000` and `3.5` stay one token), each with
/// its byte range. A trailing possessive (`’s`, `'s`, `’`) stays out of the range and the norm;
/// hyphens split words ("al-Kadhimi" gives "al" and "kadhimi").
pub fn tokens(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_alphanumeric() {
                j += 1;
                continue;
            }
            // Keep digit groups together: 5,000 and 3.5.
            let joins_digits = matches!(c, ',' | '.')
                && chars[j - 1].1.is_ascii_digit()
                && chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit());
            // Keep inner apostrophes that are not a possessive ending: Asa'ib, O'Brien.
            let inner_apostrophe = is_apostrophe(c)
                && chars.get(j + 1).is_some_and(|n| n.1.is_alphabetic())
                && !is_possessive_s(&chars, j + 1);
            if joins_digits || inner_apostrophe {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(s.len(), |p| p.0);
        let word = &s[start..end];
        let norm: String = fold(word).chars().filter(|c| *c != '\'').collect();
        // Possessive: include the ending in `text` for display, not in the range or norm.
        let mut text_end = end;
        if j < chars.len() && is_apostrophe(chars[j].1) {
            if is_possessive_s(&chars, j + 1) {
                text_end = chars.get(j + 2).map_or(s.len(), |p| p.0);
                j += 2;
            } else if word.ends_with(['s', 'S']) {
                text_end = chars.get(j + 1).map_or(s.len(), |p| p.0);
                j += 1;
            }
        }
        out.push(Token { text: &s[start..text_end], start, end, norm });
        i = j;
    }
    out
}

fn is_possessive_s(chars: &[(usize, char)], at: usize) -> bool {
    chars.get(at).is_some_and(|c| matches!(c.1, 's' | 'S'))
        && chars.get(at + 1).is_none_or(|c| !c.1.is_alphanumeric())
}

/// A loose key for transliterated Arabic and Persian names: spellings that differ only by
/// dh/z, ou/u, ee/i, e/i, o/u, gh/q, ph/f or doubled letters get the same key.
///
/// Apply it to a folded token ([`Token::norm`]); a leading "al"/"el" is a separate token already.
pub fn translit_key(norm: &str) -> String {
    let mut s = norm.to_string();
    for (from, to) in
        [("dh", "z"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("gh", "q"), ("ph", "f"), ("ck", "k")]
    {
        s = s.replace(from, to);
    }
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.chars() {
        let c = match c {
            'e' => 'i',
            'o' => 'u',
            'y' => 'i',
            other => other,
        };
        if prev != Some(c) {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokens(s).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn possessives_and_hyphens_yield_the_name() {
        assert_eq!(norms("Kadhimi’s visit"), ["kadhimi", "visit"]);
        assert_eq!(norms("al-Kadhimi's"), ["al", "kadhimi"]);
        assert_eq!(norms("US-led"), ["us", "led"]);
        let t = &tokens("Kadhimi’s visit")[0];
        assert_eq!((t.start, t.end, t.text), (0, 7, "Kadhimi’s"));
    }

    #[test]
    fn figures_and_inner_apostrophes_stay_whole() {
        assert_eq!(
            norms("the 5,000 US troops, 3.5 km. Asa'ib Ahl"),
            ["the", "5,000", "us", "troops", "3.5", "km", "asaib", "ahl"]
        );
        assert_eq!(norms("end 2017."), ["end", "2017"]);
    }

    #[test]
    fn folding_strips_diacritics_and_unifies_quotes() {
        assert_eq!(fold("Fiancé “Qaani” — ÉTAT"), "fiance \"qaani\" - etat");
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        for (a, b) in [
            ("kadhimi", "kadhemi"),
            ("fuad", "fouad"),
            ("qassem", "qasem"),
            ("muhandis", "mohandes"),
            ("ameri", "amiri"),
        ] {
            assert_eq!(translit_key(a), translit_key(b), "{a} / {b}");
        }
        assert_ne!(translit_key("trump"), translit_key("troops"));
    }
}
