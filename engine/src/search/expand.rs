//! Expanding a query word into the dictionary terms searched for it: the word itself,
//! transliteration, plural and other word forms, completions of a word being typed, typos when
//! nothing closer exists; and "did you mean" respellings.

use super::query::MAX_WORD_LEN;
use super::{fuzzy, stem, MatchKind, ParsedQuery, QueryWord, SearchIndex, TermMatch, WordExpansion};
use crate::text;

/// Weight of a match by kind: exact words outrank variants, prefixes and typos.
const WEIGHT_EXACT: f32 = 1.0;
const WEIGHT_VARIANT: f32 = 0.8;
const WEIGHT_PLURAL: f32 = 0.7;
const WEIGHT_STEM: f32 = 0.7;
const WEIGHT_PREFIX: f32 = 0.75;
const WEIGHT_FUZZY_1: f32 = 0.55;
const WEIGHT_FUZZY_2: f32 = 0.4;
const WEIGHT_SYNONYM: f32 = 0.4;
/// Caps that keep a query's cost bounded whatever it says.
const MAX_PREFIX_TERMS: usize = 30;
const MAX_FUZZY_TERMS: usize = 16;
/// "Did you mean" respells at most this many words.
const MAX_SUGGESTED_WORDS: usize = 6;

/// A dictionary term searched for a query word, with its weight and why.
#[derive(Debug, Clone, Copy)]
pub(super) struct Expansion {
    pub(super) term: u32,
    pub(super) weight: f32,
    pub(super) kind: MatchKind,
}

impl SearchIndex {
    pub(super) fn describe(&self, word: &str, exps: &[Expansion]) -> WordExpansion {
        WordExpansion {
            word: word.to_string(),
            terms: exps
                .iter()
                .map(|e| TermMatch {
                    term: self.term(e.term).to_string(),
                    kind: e.kind,
                    articles: self.df(e.term),
                })
                .collect(),
        }
    }

    /// Exact and transliteration matches only: for phrases and exclusions.
    pub(super) fn expand_strict(&self, norm: &str) -> Vec<Expansion> {
        let mut out = Vec::new();
        if let Some(id) = self.term_id(norm) {
            push_exp(&mut out, id, WEIGHT_EXACT, MatchKind::Exact);
        }
        if norm.len() <= MAX_WORD_LEN && norm.chars().all(char::is_alphabetic) {
            for &id in self.translit_group(&text::translit_key(norm)) {
                push_exp(&mut out, id, WEIGHT_VARIANT, MatchKind::Variant);
            }
        }
        out
    }

    /// Every term a query word stands for, best first: exact, variants, completions of a word
    /// being typed, and typos only when none of those exist.
    pub(super) fn expand(&self, norm: &str, prefix: bool) -> Vec<Expansion> {
        let mut out = self.expand_strict(norm);
        if norm.len() > MAX_WORD_LEN {
            return out;
        }
        let alphabetic = norm.chars().all(char::is_alphabetic);
        if alphabetic && norm.chars().count() >= 3 {
            let plural = match norm.strip_suffix('s') {
                Some(singular) => singular.to_string(),
                None => format!("{norm}s"),
            };
            if let Some(id) = self.term_id(&plural) {
                push_exp(&mut out, id, WEIGHT_PLURAL, MatchKind::Variant);
            }
            // Other forms of an ordinary word ("killed" for "killing"); never for names.
            let is_name = self.term_id(norm).is_some_and(|id| self.is_name(id));
            if let Some(stem) = stem::stem(norm).filter(|_| !is_name) {
                for &id in self.stem_group(&stem) {
                    push_exp(&mut out, id, WEIGHT_STEM, MatchKind::Variant);
                }
            }
            // Other words for the same thing ("expulsion" for "withdrawal", "soldiers" for "troops"), in any of
            // their forms; never for names, and not in phrases (`expand_strict`).
            if !is_name {
                for member in crate::compare::terms::search_synonyms(norm) {
                    let forms = self.term_id(member).into_iter();
                    let stems = stem::stem(member).map(|s| self.stem_group(&s).to_vec()).unwrap_or_default();
                    for id in forms.chain(stems) {
                        push_exp(&mut out, id, WEIGHT_SYNONYM, MatchKind::Synonym);
                    }
                }
            }
            // "Alkadhimi" written as one word (but "already" is not "ready").
            let articles: &[&str] = if self.term_id(norm).is_none() { &["al", "el"] } else { &[] };
            for article in articles {
                if let Some(rest) = norm.strip_prefix(article).filter(|r| r.chars().count() >= 4) {
                    for id in self.expand_strict(rest).into_iter().map(|e| e.term) {
                        push_exp(&mut out, id, WEIGHT_VARIANT, MatchKind::Variant);
                    }
                }
            }
        }
        if prefix {
            let mut completions: Vec<u32> = self.prefix_range(norm).map(|i| i as u32).collect();
            // Spelling variants of a word being typed ("Kadhem" finds Kadhimi), unless the word
            // is complete already ("Hussein" must not complete to "housing").
            if alphabetic && norm.chars().count() >= 3 && self.term_id(norm).is_none() {
                completions.extend(self.translit_prefix_groups(&text::translit_key(norm)).copied());
            }
            completions.sort_unstable();
            completions.dedup();
            crate::sort::sort_by_key(&mut completions, |&id| std::cmp::Reverse(self.df(id)));
            // Very short prefixes stand for too much to search it all.
            let cap = match norm.chars().count() {
                1 => MAX_PREFIX_TERMS / 4,
                2 => MAX_PREFIX_TERMS / 2,
                _ => MAX_PREFIX_TERMS,
            };
            for id in completions.into_iter().take(cap) {
                push_exp(&mut out, id, WEIGHT_PREFIX, MatchKind::Prefix);
            }
        }
        if out.is_empty() {
            out = self.fuzzy(norm, prefix);
        }
        out
    }

    /// Dictionary terms within the typo budget of `norm` (or of a prefix of them, for a word being
    /// typed), closest and most frequent first.
    fn fuzzy(&self, norm: &str, prefix: bool) -> Vec<Expansion> {
        let n_chars = norm.chars().count();
        let budget = fuzzy::max_typos(n_chars);
        if budget == 0 {
            return Vec::new();
        }
        let mut found: Vec<(usize, u32, u32)> = Vec::new();
        let mut matcher = fuzzy::Matcher::new(norm, budget);
        for id in self.typo_candidates(norm) {
            if let Some(d) = matcher.distance(&self.terms[id]) {
                found.push((d, self.df(id as u32), id as u32));
            }
        }
        if prefix {
            // Typos in a word being typed: compare with the terms' prefixes, keeping the first letter.
            if let Some(first) = norm.chars().next() {
                let mut buf = [0u8; 4];
                for id in self.prefix_range(first.encode_utf8(&mut buf)) {
                    let term = &self.terms[id];
                    if term.chars().count() > n_chars {
                        if let Some(d) = matcher.prefix_distance(term) {
                            found.push((d, self.df(id as u32), id as u32));
                        }
                    }
                }
            }
        }
        crate::sort::sort_by(&mut found, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut out = Vec::new();
        for (d, _, id) in found {
            if out.len() >= MAX_FUZZY_TERMS {
                break;
            }
            let weight = if d <= 1 { WEIGHT_FUZZY_1 } else { WEIGHT_FUZZY_2 };
            push_exp(&mut out, id, weight, MatchKind::Fuzzy);
        }
        out
    }

    /// The terms a typo of `norm` may be: those starting with its first letter, or with its first
    /// two letters swapped. Typos on the first letter are rare, and this keeps the scan to a few
    /// percent of the dictionary.
    fn typo_candidates(&self, norm: &str) -> Vec<usize> {
        let mut chars = norm.chars();
        let (Some(a), b) = (chars.next(), chars.next()) else { return Vec::new() };
        let mut buf = [0u8; 8];
        let first: &str = a.encode_utf8(&mut buf);
        let mut ids: Vec<usize> = self.prefix_range(first).collect();
        if let Some(b) = b.filter(|b| *b != a) {
            let swapped = format!("{b}{a}");
            ids.extend(self.prefix_range(&swapped));
        }
        ids
    }

    /// Rewrites the query with the closest frequent dictionary word for each word it lacks.
    pub(super) fn did_you_mean(&self, query: &str, parsed: &ParsedQuery) -> Option<String> {
        let mut words: Vec<&QueryWord> = parsed.words.iter().collect();
        words.extend(parsed.phrases.iter().flat_map(|p| p.words.iter()));
        crate::sort::sort_by_key(&mut words, |w| w.start);
        let mut out = String::new();
        let mut at = 0;
        let mut changed = false;
        let mut tried = 0;
        for w in words {
            if w.norm.len() > MAX_WORD_LEN || self.term_id(&w.norm).is_some() || w.start < at {
                continue;
            }
            let n_chars = w.norm.chars().count();
            let budget = match n_chars {
                0..=2 => continue,
                3 => 1,
                4..=5 => 2,
                _ => 3,
            };
            tried += 1;
            if tried > MAX_SUGGESTED_WORDS {
                break;
            }
            let mut matcher = fuzzy::Matcher::new(&w.norm, budget);
            let best = self
                .typo_candidates(&w.norm)
                .into_iter()
                .map(|id| &self.terms[id])
                .filter_map(|t| {
                    matcher.distance(t).map(|d| (d, self.term_id(t).map_or(0, |id| self.df(id)), t))
                })
                .min_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
            if let Some((_, _, term)) = best {
                out.push_str(query.get(at..w.start)?);
                out.push_str(term);
                at = w.end;
                changed = true;
            }
        }
        if !changed {
            return None;
        }
        out.push_str(query.get(at..)?);
        Some(out.trim().to_string())
    }
}

fn push_exp(out: &mut Vec<Expansion>, term: u32, weight: f32, kind: MatchKind) {
    if !out.iter().any(|e| e.term == term) {
        out.push(Expansion { term, weight, kind });
    }
}
