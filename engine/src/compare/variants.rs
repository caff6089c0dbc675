//! Spellings of one name across the compared articles: a misspelt or differently transliterated
//! name ("Kadhimi" / "Kadhami"), and a place named as a country in one sentence and by its
//! adjective in another ("Talvia" / "Talvian", "Ethiopia" / "Ethiopian"), read as one name, so
//! "the same actors" is seen whichever way an outlet spells them.
//!
//! Only name terms take part (capitalised words, already folded to their transliteration key),
//! and only pairs that are both in the compared texts: nothing is looked up, so the cost is the
//! number of distinct names squared, a few hundred at most per comparison.

use crate::search::FnvMap;
use crate::text::Token;

/// Shortest key that may differ from another by one letter: shorter names ("Ali" / "Ala") are
/// too often different people.
const MIN_FUZZY: usize = 6;
/// Shortest stem a name adjective may be made from ("Iran" + "ian").
const MIN_STEM: usize = 4;
/// Endings that make a place's adjective or people's name from it ("Talvia" → "Talvian",
/// "Kenya" → "Kenyan", "Iraq" → "Iraqi", "Nepal" → "Nepalese"), on transliteration keys ("e"
/// reads as "i").
const ADJECTIVE_ENDINGS: &[&str] = &["n", "an", "ian", "i", "isi", "s"];

/// A canonical key for each name key that has a variant among `keys` (the variant seen more
/// often wins, then the shorter, then the first in order); keys without one are left out.
pub fn canonical_names(keys: &[(&str, usize)]) -> FnvMap<String, String> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| {
        keys[b].1.cmp(&keys[a].1).then(keys[a].0.len().cmp(&keys[b].0.len())).then(a.cmp(&b))
    });
    let mut out: FnvMap<String, String> = FnvMap::default();
    for (rank, &i) in order.iter().enumerate() {
        let key = keys[i].0;
        if out.contains_key(key) {
            continue;
        }
        for &j in &order[rank + 1..] {
            let other = keys[j].0;
            if !out.contains_key(other) && variants(key, other) {
                out.insert(other.to_string(), key.to_string());
            }
        }
    }
    out
}

/// True when two name keys are spellings of one name: one letter apart (replaced, added or
/// dropped) in names of [`MIN_FUZZY`] letters or more, with the same first letter; or one is the
/// other with an adjective ending.
fn variants(x: &str, y: &str) -> bool {
    if x == y || !x.is_ascii() || !y.is_ascii() {
        return false;
    }
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    if short.len() >= MIN_STEM {
        if let Some(rest) = long.strip_prefix(short) {
            if ADJECTIVE_ENDINGS.contains(&rest) {
                return true;
            }
        }
        // "Kenya" / "Kenyan" on keys "kinia" / "kinian"; "Ethiopia" / "Ethiopian" likewise; a
        // final vowel dropped before the ending ("Somalia" / "Somali").
        if let Some(stem) = short.strip_suffix(['a', 'i', 'u']) {
            if stem.len() >= MIN_STEM
                && long.strip_prefix(stem).is_some_and(|r| ADJECTIVE_ENDINGS.contains(&r))
            {
                return true;
            }
        }
    }
    short.len() >= MIN_FUZZY && short.as_bytes()[0] == long.as_bytes()[0] && one_edit(short, long)
}

/// True when `long` is `short` with one letter replaced (same length) or added.
fn one_edit(short: &str, long: &str) -> bool {
    let (a, b) = (short.as_bytes(), long.as_bytes());
    match b.len() - a.len() {
        0 => a.iter().zip(b).filter(|(p, q)| p != q).count() == 1,
        1 => {
            let first = a.iter().zip(b).position(|(p, q)| p != q).unwrap_or(a.len());
            a[first..] == b[first + 1..]
        }
        _ => false,
    }
}

/// Letters an acronym may have ("UN" to "NATO", "FHA", "PMF").
const ACRONYM_LETTERS: std::ops::RangeInclusive<usize> = 2..=6;
/// Small words a name's initials skip ("Islamic Republic *of* Iran" is "IRI").
const SKIPPED_IN_INITIALS: &[&str] = &["of", "for", "and", "the", "de"];

/// The folded acronyms written in `tokens` (words of [`ACRONYM_LETTERS`] capital letters: "FHA"),
/// except those already read through a synonym class ("US", "PM"), which name the most common
/// actors of all.
pub fn acronyms<'t>(tokens: impl Iterator<Item = &'t Token<'t>>) -> Vec<String> {
    let mut out: Vec<String> = tokens
        .filter(|t| is_acronym(t.text) && super::terms::synonym_class(&t.norm).is_none())
        .map(|t| t.norm.clone())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn is_acronym(text: &str) -> bool {
    ACRONYM_LETTERS.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// The acronyms of `known` (folded, sorted) that a run of capitalised words in `toks` spells out
/// ("the Free Highlands Army" spells "fha"), each with the index of the run's first word: a
/// sentence that names the rebels in full and one that writes "FHA" name the same actor.
pub fn spelled_out(toks: &[Token<'_>], known: &[String]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    if known.is_empty() {
        return out;
    }
    let capital = |t: &Token<'_>| t.text.starts_with(|c: char| c.is_ascii_uppercase()) && !is_acronym(t.text);
    for start in 0..toks.len() {
        if !capital(&toks[start]) {
            continue;
        }
        let mut initials = String::new();
        for tok in &toks[start..] {
            if !capital(tok) {
                if SKIPPED_IN_INITIALS.contains(&tok.norm.as_str()) {
                    continue;
                }
                break;
            }
            initials.push(tok.norm.chars().next().unwrap_or(' '));
            if initials.len() > *ACRONYM_LETTERS.end() {
                break;
            }
            if initials.len() >= 2 && known.binary_search(&initials).is_ok() {
                out.push((initials.clone(), start));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::translit_key;

    fn same(x: &str, y: &str) -> bool {
        let (kx, ky) = (translit_key(x), translit_key(y));
        let keys = [(kx.as_str(), 2), (ky.as_str(), 1)];
        let map = canonical_names(&keys);
        map.get(&ky).is_some_and(|c| *c == kx) || kx == ky
    }

    #[test]
    fn misspellings_and_place_adjectives_are_one_name() {
        assert!(same("kadhimi", "kadhami"));
        assert!(same("talvia", "talvian"));
        assert!(same("ethiopia", "ethiopian"));
        assert!(same("kenya", "kenyan"));
        assert!(same("iraq", "iraqi"));
        assert!(same("somalia", "somali"));
    }

    #[test]
    fn a_name_spelt_out_meets_its_acronym() {
        let toks = crate::text::tokens("FHA rebels signed");
        let known = acronyms(toks.iter());
        assert_eq!(known, ["fha"]);
        let full = crate::text::tokens("Talks with the Free Highlands Army and the Islamic Republic of Iran");
        let found: Vec<String> = spelled_out(&full, &known).into_iter().map(|(a, _)| a).collect();
        assert_eq!(found, ["fha"]);
        let other = crate::text::tokens("The Free Market Hall opened");
        assert!(spelled_out(&other, &known).is_empty());
    }

    #[test]
    fn short_or_different_names_stay_apart() {
        assert!(!same("ali", "ala"));
        assert!(!same("biden", "baden"));
        assert!(!same("egypt", "ethiopia"));
        assert!(!same("marta", "martin"));
        assert!(!same("halden", "walden"));
    }
}
