//! Search: a positional inverted index built at bundle time, queried in the browser and the CLI.
//!
//! ```
//! use parallax_engine::{build_bundle, SourceInput};
//!
//! let raw = "Kadhimi meets Pompeo\n\nIraqi Prime Minister Mustafa al-Kadhemi met Mike Pompeo.\n";
//! let built = build_bundle(&[SourceInput { name: "a.txt", bytes: raw.as_bytes() }], "");
//! let bundle = &built.bundle;
//! let results = bundle.search.search(&bundle.articles, "Kadhimi Pompoe", 10);
//! assert_eq!(results.total, 1);
//! let hit = &results.hits[0];
//! // Highlights are raw-file byte ranges: "Kadhimi" (exact), "Kadhemi" (variant), "Pompeo" (typo).
//! let words: Vec<&str> = hit.matches.iter().map(|&(s, e)| &raw[s..e]).collect();
//! assert_eq!(words, ["Kadhimi", "Pompeo", "Kadhemi", "Pompeo"]);
//! ```
//!
//! How a query runs: [`query::parse`] reads it leniently; each word is expanded against the
//! dictionary (exact, transliteration and plural variants, prefixes for the word being typed, and
//! typos only when nothing closer exists), each expansion weighted below an exact match; articles
//! holding every word (AND, falling back to OR) are scored by field-weighted BM25, the best are
//! re-ranked by how close the words sit, and each hit gets its match ranges and a snippet.

mod aliases;
mod filters;
mod fuzzy;
mod index;
#[cfg(test)]
mod phrase_reference;
pub mod query;
mod stem;

use serde::{Deserialize, Serialize};

pub use filters::Corpus;
pub use index::SearchIndex;
use index::{field_weight2, Posting};
use query::MAX_WORD_LEN;
pub use query::{parse, Filter, ParsedQuery, Phrase, QueryWord};

use crate::model::{Article, Block, BlockKind};
use crate::text;

/// The label facets use for articles whose outlet the cleaner could not tell.
pub const UNKNOWN_OUTLET: &str = "Unknown outlet";

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Weight of a match by kind: exact words outrank variants, prefixes and typos.
const WEIGHT_EXACT: f32 = 1.0;
const WEIGHT_VARIANT: f32 = 0.8;
const WEIGHT_PLURAL: f32 = 0.7;
const WEIGHT_STEM: f32 = 0.7;
/// Another name of an entity the query names ("Hashed al-Shaabi" for "Popular Mobilization Forces").
const WEIGHT_ENTITY: f32 = 0.8;
const WEIGHT_PREFIX: f32 = 0.75;
const WEIGHT_FUZZY_1: f32 = 0.55;
const WEIGHT_FUZZY_2: f32 = 0.4;
/// Caps that keep a query's cost bounded whatever it says.
const MAX_PREFIX_TERMS: usize = 30;
const MAX_FUZZY_TERMS: usize = 16;
/// A phrase decodes at most this many word occurrences (bounded time for "of the the of").
const MAX_PHRASE_WORK: usize = 2_000_000;
/// "Did you mean" respells at most this many words.
const MAX_SUGGESTED_WORDS: usize = 6;
/// Only this many of the best BM25 candidates are re-ranked by proximity.
const RERANK: usize = 200;
/// Up to this much extra score (as a fraction) when all query words sit side by side.
const PROXIMITY_BONUS: f32 = 0.5;
/// Roughly how many words a snippet shows.
const SNIPPET_WORDS: usize = 30;
/// Match ranges reported per article at most.
const MAX_MATCHES: usize = 2000;

/// How a query's words were combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Some hits hold every word and phrase; they rank first, above hits holding only part of
    /// the query (by how many of its words they hold, then how well).
    And,
    /// No article holds every word, so hits hold part of the query (ranked by how many of its
    /// words they hold, then how well).
    Or,
}

/// How a dictionary term matched a query word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The word itself (after folding case, diacritics and quotes).
    Exact,
    /// A transliteration, plural or al-/el- variant ("kadhemi" for "kadhimi").
    Variant,
    /// A completion of the word being typed ("shaabi" for "sha").
    Prefix,
    /// A spelling within the typo budget ("pompeo" for "pompoe").
    Fuzzy,
    /// Another name of the entity the query names: every mention of it matches.
    Entity,
}

/// A dictionary term searched on behalf of a query word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermMatch {
    /// The term as indexed (folded).
    pub term: String,
    /// Why it was searched.
    pub kind: MatchKind,
    /// In how many articles it occurs.
    pub articles: u32,
}

/// What one query word (or phrase word) was expanded to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordExpansion {
    /// The word as typed.
    pub word: String,
    /// The terms searched for it, best first; empty when nothing in the corpus is close.
    pub terms: Vec<TermMatch>,
}

/// A passage of one block showing why an article matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The passage, exactly `raw[start..end]` (a slice of one block's text).
    pub text: String,
    /// Raw-file offset of the passage.
    pub start: usize,
    /// Raw-file offset one past the passage.
    pub end: usize,
    /// Index of the block (in [`Article::blocks`]) the passage comes from.
    pub block: usize,
    /// Raw-file ranges of the matches inside the passage.
    pub highlights: Vec<(usize, usize)>,
    /// Whether the block goes on before the passage (show an ellipsis).
    pub cut_before: bool,
    /// Whether the block goes on after the passage.
    pub cut_after: bool,
}

/// One matching article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Index of the article in the slice given to [`SearchIndex::search`].
    pub article: usize,
    /// The article's id.
    pub id: String,
    /// The article's title.
    pub title: String,
    /// Relevance (higher is better; only comparable within one result list).
    pub score: f32,
    /// The best passage.
    pub snippet: Snippet,
    /// Every match in the article as sorted, disjoint raw-file byte ranges, for highlighting.
    pub matches: Vec<(usize, usize)>,
}

/// How many hits come from one outlet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facet {
    /// The outlet's name, or [`UNKNOWN_OUTLET`].
    pub outlet: String,
    /// Matching articles from it.
    pub count: usize,
}

/// Everything a search found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The query as understood, with notes on what was repaired or ignored.
    pub query: ParsedQuery,
    /// Whether the words were ANDed, or ORed because no article held them all.
    pub mode: Mode,
    /// How many articles matched (hits holds at most `limit` of them).
    pub total: usize,
    /// The best matches, best first.
    pub hits: Vec<Hit>,
    /// Matches per outlet, most first. Counted before any `outlet:` filter, so the UI can offer
    /// the other outlets too.
    pub facets: Vec<Facet>,
    /// A respelled query when nothing matched and the dictionary has close words.
    pub did_you_mean: Option<String>,
    /// What each query word was expanded to (words first, then phrase words).
    pub expansions: Vec<WordExpansion>,
}

/// Knobs for [`SearchIndex::search_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchOptions {
    /// At most this many hits are returned (total still counts them all).
    pub limit: usize,
    /// Treat the last word as a prefix when the query does not end with a space (search as you type).
    pub prefix_last_word: bool,
}

impl Default for SearchOptions {
    fn default() -> SearchOptions {
        SearchOptions { limit: 20, prefix_last_word: true }
    }
}

#[derive(Debug, Clone, Copy)]
struct Expansion {
    term: u32,
    weight: f32,
    kind: MatchKind,
}

/// A term clause's occurrence in one article.
#[derive(Debug, Clone, Copy)]
struct Entry {
    exp: usize,
    posting: Posting,
}

/// What one clause (a word or a phrase) matched.
#[derive(Debug, Default)]
struct ClauseHits {
    /// Matching articles with the clause's score there, sorted by article.
    docs: Vec<(u32, f32)>,
    /// For words: the postings behind each match, sorted by article.
    entries: Vec<(u32, Entry)>,
    /// For phrases: verified occurrences (article, raw start), sorted; [`Ctx::phrase_range`]
    /// finds where one ends.
    spans: Vec<(u32, usize)>,
    /// For phrases: how many word ordinals the last word comes after the first.
    phrase_last: usize,
    /// For words: whether each expansion is the word itself (snippets prefer exact matches).
    exact: Vec<bool>,
    /// For words naming an entity: its mentions as (article, raw start, raw end), sorted.
    mentions: Vec<(u32, usize, usize)>,
    /// For the word still being typed: articles it matches only by completions ("shared" for
    /// "Sha"), sorted. Those alone do not make an article a hit when the query has other words.
    completions_only: Vec<u32>,
}

impl ClauseHits {
    fn score(&self, doc: u32) -> Option<f32> {
        self.docs.binary_search_by_key(&doc, |d| d.0).ok().map(|i| self.docs[i].1)
    }

    fn entries_of(&self, doc: u32) -> &[(u32, Entry)] {
        let lo = self.entries.partition_point(|e| e.0 < doc);
        let hi = self.entries.partition_point(|e| e.0 <= doc);
        &self.entries[lo..hi]
    }

    fn spans_of(&self, doc: u32) -> &[(u32, usize)] {
        let lo = self.spans.partition_point(|e| e.0 < doc);
        let hi = self.spans.partition_point(|e| e.0 <= doc);
        &self.spans[lo..hi]
    }

    fn mentions_of(&self, doc: u32) -> &[(u32, usize, usize)] {
        let lo = self.mentions.partition_point(|e| e.0 < doc);
        let hi = self.mentions.partition_point(|e| e.0 <= doc);
        &self.mentions[lo..hi]
    }

    /// Adds an entity's mentions: each article mentioning it matches, scored as the better of
    /// its own words and the entity.
    fn add_entity(&mut self, scored: &[(u32, f32)], mentions: &[(u32, usize, usize)]) {
        let mut docs = Vec::with_capacity(self.docs.len() + scored.len());
        let (mut i, mut j) = (0, 0);
        while i < self.docs.len() || j < scored.len() {
            match (self.docs.get(i), scored.get(j)) {
                (Some(a), Some(b)) if a.0 == b.0 => {
                    docs.push((a.0, a.1.max(b.1)));
                    i += 1;
                    j += 1;
                }
                (Some(a), Some(b)) if a.0 < b.0 => {
                    docs.push(*a);
                    i += 1;
                }
                (Some(a), None) => {
                    docs.push(*a);
                    i += 1;
                }
                (_, Some(b)) => {
                    docs.push(*b);
                    j += 1;
                }
                (None, None) => break,
            }
        }
        self.docs = docs;
        self.mentions.extend_from_slice(mentions);
        self.mentions.sort_unstable();
        self.mentions.dedup();
    }
}

/// Per-query scoring context.
struct Ctx<'a> {
    index: &'a SearchIndex,
    articles: &'a [Article],
    n_docs: f32,
    avg_len: f32,
}

impl Ctx<'_> {
    fn idf(&self, df: u32) -> f32 {
        let df = df as f32;
        ((self.n_docs - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    fn bm25(&self, idf: f32, wtf2: u32, doc: u32) -> f32 {
        let tf = wtf2 as f32 / 2.0;
        let len = self.index.doc_lens.get(doc as usize).copied().unwrap_or(0) as f32;
        let norm = K1 * (1.0 - B + B * len / self.avg_len.max(1.0));
        idf * tf * (K1 + 1.0) / (tf + norm)
    }

    /// The raw range of the word starting at raw offset `start` in an article, and its block.
    fn word_at(&self, article: &Article, start: usize) -> Option<(usize, usize, BlockKind)> {
        let block = article.block_at(start)?;
        let rel = start - block.start;
        let w = text::word_spans(block.text.get(rel..)?).next()?;
        (w.start == 0).then_some((start, start + w.end, block.kind))
    }

    /// The raw range of a phrase occurrence that starts at `start` and ends with the word
    /// `last` ordinals further on (see [`index`]); `None` when the words are not there (an
    /// index built from other articles).
    fn phrase_range(&self, article: &Article, start: usize, last: usize) -> Option<(usize, usize)> {
        let block = article.block_at(start)?;
        let rest = block.text.get(start - block.start..)?;
        let mut words = text::word_spans(rest);
        let first = words.next()?;
        if first.start != 0 {
            return None;
        }
        if last == 0 {
            return Some((start, start + first.end));
        }
        let mut term = String::new();
        let mut shared = false;
        query::term_into(&rest[..first.end], &mut term);
        let mut ordinal = usize::from(index::advances(&term, &mut shared));
        for w in words {
            query::term_into(&rest[w.start..w.end], &mut term);
            if index::advances(&term, &mut shared) {
                if ordinal == last {
                    return Some((start, start + w.end));
                }
                ordinal += 1;
            }
            if ordinal > last {
                return None;
            }
        }
        None
    }
}

impl SearchIndex {
    /// Searches the articles this index was built from (pass the bundle's `articles`) and returns
    /// at most `limit` hits. Never fails and never panics, whatever the query.
    pub fn search(&self, articles: &[Article], query: &str, limit: usize) -> SearchResults {
        self.search_with(articles, query, &SearchOptions { limit, ..SearchOptions::default() })
    }

    /// [`SearchIndex::search`] with every knob. Without the entities and stories at hand, `entity:`
    /// and `story:` filters are reported (not applied) and filter nothing; see [`SearchIndex::search_in`].
    pub fn search_with(&self, articles: &[Article], query: &str, options: &SearchOptions) -> SearchResults {
        self.run(articles, None, query, options)
    }

    /// Searches a corpus with every filter applied (pass [`crate::Bundle::corpus`]). Never fails and
    /// never panics, whatever the query.
    ///
    /// `entity:X` keeps the articles that mention the entity X names (an id, a name or any
    /// spelling: `entity:pmf`, `entity:"Hashed al-Shaabi"`); several must all be mentioned, and
    /// every mention of them joins the hit's matches. `story:X` keeps the articles of the story
    /// whose id is X or whose label holds X. With filters but no words, hits are ranked by how
    /// often (and how prominently) they mention the filtered entities.
    pub fn search_in(&self, corpus: &Corpus<'_>, query: &str, options: &SearchOptions) -> SearchResults {
        self.run(corpus.articles, Some(corpus), query, options)
    }

    fn run(
        &self,
        articles: &[Article],
        corpus: Option<&Corpus<'_>>,
        query: &str,
        options: &SearchOptions,
    ) -> SearchResults {
        let mut parsed = query::parse(query);
        if !options.prefix_last_word {
            parsed.last_word_is_prefix = false;
        }
        let n_docs = self.n_docs().min(articles.len());
        let resolved = match corpus {
            Some(corpus) => filters::resolve(corpus, &mut parsed, n_docs),
            None => {
                for (key, filter) in parsed
                    .entities
                    .iter()
                    .map(|f| ("entity", f))
                    .chain(parsed.stories.iter().map(|f| ("story", f)))
                {
                    let note = format!(
                        "The {key}: filter is not available here; “{}” filters nothing.",
                        filter.value
                    );
                    parsed.notes.push(note);
                }
                filters::Resolved::default()
            }
        };
        let entity_data = corpus.map(|c| c.entities);
        let total_len: u64 = self.doc_lens.iter().take(n_docs).map(|&l| u64::from(l)).sum();
        let ctx = Ctx {
            index: self,
            articles: &articles[..n_docs],
            n_docs: n_docs as f32,
            avg_len: if n_docs == 0 { 1.0 } else { total_len as f32 / n_docs as f32 },
        };
        let mut results = SearchResults {
            query: ParsedQuery::default(),
            mode: Mode::And,
            total: 0,
            hits: Vec::new(),
            facets: Vec::new(),
            did_you_mean: None,
            expansions: Vec::new(),
        };
        if parsed.is_empty() || n_docs == 0 {
            results.query = parsed;
            return results;
        }

        // Expand and evaluate every clause.
        let n_words = parsed.words.len();
        let mut clauses: Vec<ClauseHits> = Vec::new();
        for (i, word) in parsed.words.iter().enumerate() {
            let prefix = parsed.last_word_is_prefix && i + 1 == n_words;
            let exps = self.expand(&word.norm, prefix);
            results.expansions.push(self.describe(&word.text, &exps));
            let mut clause = eval_word(&ctx, &exps);
            if prefix && n_words > 1 {
                clause.completions_only = completions_only(&clause, &exps);
            }
            clauses.push(clause);
        }
        self.add_entities(&ctx, &parsed.words, &mut clauses, &mut results.expansions);
        for phrase in &parsed.phrases {
            let words: Vec<Vec<Expansion>> =
                phrase.words.iter().map(|w| self.expand_strict(&w.norm)).collect();
            for (w, exps) in phrase.words.iter().zip(&words) {
                results.expansions.push(self.describe(&w.text, exps));
            }
            clauses.push(eval_phrase(&ctx, &phrase.words, &words));
        }

        // Exclusions and the outlet filter.
        let mut excluded = vec![false; n_docs];
        for word in &parsed.excluded_words {
            for (doc, _) in eval_word(&ctx, &self.expand_strict(&word.norm)).docs {
                excluded[doc as usize] = true;
            }
        }
        for phrase in &parsed.excluded_phrases {
            let words: Vec<Vec<Expansion>> =
                phrase.words.iter().map(|w| self.expand_strict(&w.norm)).collect();
            for (doc, _) in eval_phrase(&ctx, &phrase.words, &words).docs {
                excluded[doc as usize] = true;
            }
        }
        if let Some(allowed) = &resolved.allowed {
            for (ex, ok) in excluded.iter_mut().zip(allowed) {
                *ex |= !ok;
            }
        }
        let outlet_ok = self.outlet_filter(&parsed.outlets, n_docs);

        // Hits holding enough of the clauses, those holding more first.
        let (mut found, mut counts) = combine(&clauses, &excluded, n_docs);
        if let (true, Some(data)) = (clauses.is_empty() && !resolved.entities.is_empty(), entity_data) {
            for (doc, score) in &mut found {
                let article = &ctx.articles[*doc as usize];
                let marks = filters::mention_marks(data, &resolved.entities, article, *doc);
                *score = filters::mention_score(article, &marks);
            }
        }
        results.facets = self.facets(found.iter().map(|d| d.0));
        found.retain(|(doc, _)| outlet_ok[*doc as usize]);
        counts.resize(n_docs, 0);
        let all = clauses.len() as u16;
        let some_hold_all = found.iter().any(|(doc, _)| counts[*doc as usize] >= all);
        results.mode = if some_hold_all || found.is_empty() { Mode::And } else { Mode::Or };
        results.total = found.len();

        // Re-rank the best by proximity, then build the hits.
        // Only the best few are ever shown: order those, not every hit of a common word. A hit
        // holding more of the query always ranks above one holding less.
        let best_first = |a: &(u32, f32), b: &(u32, f32)| {
            counts[b.0 as usize].cmp(&counts[a.0 as usize]).then(b.1.total_cmp(&a.1)).then(a.0.cmp(&b.0))
        };
        let shown = RERANK.max(options.limit).min(found.len());
        if shown < found.len() {
            found.select_nth_unstable_by(shown, best_first);
        }
        found[..shown].sort_by(best_first);
        for (doc, score) in found.iter_mut().take(RERANK) {
            *score *= 1.0 + PROXIMITY_BONUS * closeness(&ctx, &clauses, *doc);
        }
        let rerank = found.len().min(RERANK);
        found[..rerank].sort_by(best_first);
        for &(doc, score) in found.iter().take(options.limit) {
            let mentions = match entity_data {
                Some(data) => {
                    filters::mention_marks(data, &resolved.entities, &ctx.articles[doc as usize], doc)
                }
                None => Vec::new(),
            };
            results.hits.push(make_hit(&ctx, &clauses, &mentions, doc, score));
        }
        if results.total == 0 {
            results.did_you_mean = self.did_you_mean(query, &parsed);
        }
        results.query = parsed;
        results
    }

    /// Words that name a known entity also match every mention of it, by any name: each word
    /// clause of the name gets the entity's articles (scored by its mentions) and mentions.
    fn add_entities(
        &self,
        ctx: &Ctx<'_>,
        words: &[QueryWord],
        clauses: &mut [ClauseHits],
        expansions: &mut [WordExpansion],
    ) {
        let n_docs = ctx.articles.len() as u32;
        for (from, to, slots) in self.entities.spans(words) {
            let mut scored: Vec<(u32, f32)> = Vec::new();
            let mut mentions: Vec<(u32, usize, usize)> = Vec::new();
            for &slot in &slots {
                let idf = ctx.idf(self.entities.df(slot));
                for posting in self.entities.postings(slot).into_iter().filter(|p| p.doc < n_docs) {
                    let score = WEIGHT_ENTITY * ctx.bm25(idf, posting.wtf2, posting.doc);
                    scored.push((posting.doc, score));
                    mentions.extend(posting.spans.iter().map(|&(s, e)| (posting.doc, s, e)));
                }
                if let Some(expansion) = expansions.get_mut(from) {
                    expansion.terms.push(TermMatch {
                        term: self.entities.name(slot).to_string(),
                        kind: MatchKind::Entity,
                        articles: self.entities.df(slot),
                    });
                }
            }
            scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            scored.dedup_by_key(|d| d.0);
            for clause in clauses.iter_mut().take(to).skip(from) {
                clause.add_entity(&scored, &mentions);
            }
        }
    }

    fn describe(&self, word: &str, exps: &[Expansion]) -> WordExpansion {
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
    fn expand_strict(&self, norm: &str) -> Vec<Expansion> {
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
    fn expand(&self, norm: &str, prefix: bool) -> Vec<Expansion> {
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
            completions.sort_by_key(|&id| std::cmp::Reverse(self.df(id)));
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
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
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
    fn did_you_mean(&self, query: &str, parsed: &ParsedQuery) -> Option<String> {
        let mut words: Vec<&QueryWord> = parsed.words.iter().collect();
        words.extend(parsed.phrases.iter().flat_map(|p| p.words.iter()));
        words.sort_by_key(|w| w.start);
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

/// The articles a word clause matches only through completions of a word being typed.
fn completions_only(clause: &ClauseHits, exps: &[Expansion]) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < clause.entries.len() {
        let doc = clause.entries[i].0;
        let j = i + clause.entries[i..].iter().take_while(|e| e.0 == doc).count();
        let prefix_only = clause.entries[i..j]
            .iter()
            .all(|e| exps.get(e.1.exp).is_some_and(|x| x.kind == MatchKind::Prefix));
        if prefix_only {
            out.push(doc);
        }
        i = j;
    }
    out
}

/// Articles holding any expansion of a word, scored by the best expansion's weighted BM25.
fn eval_word(ctx: &Ctx<'_>, exps: &[Expansion]) -> ClauseHits {
    let mut hits = ClauseHits::default();
    let n_docs = ctx.articles.len() as u32;
    let idfs: Vec<f32> = exps.iter().map(|e| ctx.idf(ctx.index.df(e.term))).collect();
    hits.exact = exps.iter().map(|e| e.kind == MatchKind::Exact).collect();
    for (i, exp) in exps.iter().enumerate() {
        hits.entries.extend(
            ctx.index
                .postings(exp.term)
                .filter(|p| p.doc < n_docs)
                .map(|p| (p.doc, Entry { exp: i, posting: p })),
        );
    }
    hits.entries.sort_by_key(|e| (e.0, e.1.exp));
    for &(doc, entry) in &hits.entries {
        let exp = exps[entry.exp];
        let score = exp.weight * ctx.bm25(idfs[entry.exp], entry.posting.wtf2, doc);
        match hits.docs.last_mut() {
            Some(last) if last.0 == doc => last.1 = last.1.max(score),
            _ => hits.docs.push((doc, score)),
        }
    }
    hits
}

/// Articles holding the phrase's words in a row (within one block; an "al"/"el" in the text may
/// sit between them), scored by BM25 over the phrase's occurrences.
///
/// Works one candidate article at a time: the words' postings are intersected by article first
/// (headers only); for articles holding every word, the word ordinals (see [`index`]) of the
/// rarest word give the possible starts, and each other word keeps the starts it continues, by
/// merging sorted integer lists. No text is read: byte offsets are decoded only for the first
/// word where the phrase is found, and where it ends only for the hits shown
/// ([`Ctx::phrase_range`]). Work is bounded by
/// [`MAX_PHRASE_WORK`] decoded occurrences ("of the" would otherwise be every "the").
fn eval_phrase(ctx: &Ctx<'_>, words: &[QueryWord], exps: &[Vec<Expansion>]) -> ClauseHits {
    let mut hits = ClauseHits::default();
    if words.is_empty() || exps.iter().any(Vec::is_empty) {
        return hits;
    }
    let n_words = exps.len();
    // Each word's postings over all its expansions, sorted by article.
    let postings: Vec<Vec<Posting>> = exps
        .iter()
        .map(|word_exps| {
            let df: usize = word_exps.iter().map(|e| ctx.index.df(e.term) as usize).sum();
            let mut out: Vec<Posting> = Vec::with_capacity(df.min(ctx.articles.len() * word_exps.len()));
            for e in word_exps {
                // Postings naming an article the bundle lacks are skipped, as in `eval_word`.
                out.extend(ctx.index.postings(e.term).filter(|p| (p.doc as usize) < ctx.articles.len()));
            }
            if word_exps.len() > 1 {
                out.sort_by_key(|p| p.doc);
            }
            out
        })
        .collect();
    // Candidates: articles holding every word, each with the range of every word's postings
    // there (`n_words` ranges per candidate), and how often each word occurs in all of them.
    let mut candidates: Vec<u32> = Vec::new();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut totals = vec![0usize; n_words];
    let mut cursors = vec![0usize; n_words];
    // The next article of the first word; the other words' cursors catch up to it.
    'docs: while let Some(doc) = postings[0].get(cursors[0]).map(|p| p.doc) {
        let mut in_all = true;
        for w in 1..n_words {
            let list = &postings[w];
            let mut c = cursors[w];
            while list.get(c).is_some_and(|p| p.doc < doc) {
                c += 1;
            }
            cursors[w] = c;
            match list.get(c) {
                None => break 'docs,
                Some(p) => in_all &= p.doc == doc,
            }
        }
        for (w, list) in postings.iter().enumerate() {
            let lo = cursors[w];
            let hi = lo + list[lo..].iter().take_while(|p| p.doc == doc).count();
            if w == 0 {
                cursors[0] = hi;
                if !in_all {
                    continue 'docs;
                }
            }
            totals[w] += list[lo..hi].iter().map(|p| p.tf as usize).sum::<usize>();
            ranges.push((lo, hi));
        }
        candidates.push(doc);
    }
    if candidates.is_empty() {
        return hits;
    }
    let idf: f32 =
        exps.iter().map(|e| ctx.idf(e.iter().map(|x| ctx.index.df(x.term)).max().unwrap_or(0))).sum();
    // Rarest word first: its occurrences are the fewest possible starts, and the commonest word
    // ("the") is decoded only in articles where the others already fit, and only as far as the
    // last start still standing.
    let mut order: Vec<usize> = (0..n_words).collect();
    order.sort_by_key(|&w| totals[w]);
    hits.phrase_last = n_words - 1;
    hits.docs.reserve(candidates.len());
    let mut work = 0usize;
    // Possible starts (ordinals) in this article, with their byte offsets once known.
    let mut starts: Vec<u32> = Vec::new();
    let mut offsets: Vec<usize> = Vec::new();
    let mut other: Vec<u32> = Vec::new();
    let mut firsts: Vec<(u32, usize)> = Vec::new();
    for (c, &doc) in candidates.iter().enumerate() {
        if work >= MAX_PHRASE_WORK {
            break;
        }
        let word_postings = |w: usize| {
            let (lo, hi) = ranges[c * n_words + w];
            &postings[w][lo..hi]
        };
        // The rarest word's occurrences, shifted back to where the phrase would start; when it
        // is the first word, with their offsets.
        let r = order[0];
        starts.clear();
        offsets.clear();
        match word_postings(r) {
            [p] if r == 0 => {
                ctx.index.each_position(p, |ord, off| {
                    starts.push(ord);
                    offsets.push(off);
                    true
                });
                work += p.tf as usize;
            }
            several => {
                work += merged_ordinals(ctx.index, several, &mut starts);
                let shift = r as u32;
                starts.retain_mut(|o| match o.checked_sub(shift) {
                    Some(start) => {
                        *o = start;
                        true
                    }
                    None => false,
                });
            }
        }
        // Each other word keeps the starts it continues.
        for &w in &order[1..] {
            if starts.is_empty() {
                break;
            }
            let shift = w as u32;
            let mut keep = 0;
            let mut i = 0;
            let mut continues = |o: u32| {
                let Some(t) = o.checked_sub(shift) else { return true };
                while starts.get(i).is_some_and(|&s| s < t) {
                    i += 1;
                }
                if starts.get(i) == Some(&t) {
                    starts[keep] = t;
                    if let Some(&off) = offsets.get(i) {
                        offsets[keep] = off;
                    }
                    keep += 1;
                    i += 1;
                }
                i < starts.len()
            };
            match word_postings(w) {
                [p] => ctx.index.each_ordinal(p, |o| {
                    work += 1;
                    continues(o)
                }),
                several => {
                    other.clear();
                    work += merged_ordinals(ctx.index, several, &mut other);
                    for &o in &other {
                        if !continues(o) {
                            break;
                        }
                    }
                }
            }
            starts.truncate(keep);
            offsets.truncate(keep);
        }
        if starts.is_empty() {
            continue;
        }
        // The first word's byte offsets where the phrase starts, unless known already.
        if offsets.len() != starts.len() {
            firsts.clear();
            for p in word_postings(0) {
                ctx.index.positions_into(p, &mut firsts);
            }
            if word_postings(0).len() > 1 {
                firsts.sort_unstable();
                firsts.dedup_by_key(|p| p.0);
            }
            offsets.clear();
            let mut j = 0;
            starts.retain(|&s| {
                while firsts.get(j).is_some_and(|f| f.0 < s) {
                    j += 1;
                }
                match firsts.get(j) {
                    Some(&(o, off)) if o == s => {
                        offsets.push(off);
                        true
                    }
                    _ => false,
                }
            });
        }
        // A phrase lies in one block, so when some word occurs only in paragraphs here (its
        // weighted frequency is the plain one), every occurrence is in a paragraph: no lookup.
        let in_paragraphs = (0..n_words).any(|w| word_postings(w).iter().all(|p| p.wtf2 == 2 * p.tf));
        let mut wtf2 = 0;
        for &start in &offsets {
            wtf2 += match (in_paragraphs, ctx.articles.get(doc as usize)) {
                (false, Some(article)) => {
                    field_weight2(article.block_at(start).map_or(BlockKind::Paragraph, |b| b.kind))
                }
                _ => field_weight2(BlockKind::Paragraph),
            };
            hits.spans.push((doc, start));
        }
        if wtf2 > 0 {
            hits.docs.push((doc, ctx.bm25(idf, wtf2, doc)));
        }
    }
    hits
}

/// Appends the ordinals of one word's postings in one article (its expansions') to `out`,
/// sorted and without repeats; returns how many were decoded.
fn merged_ordinals(index: &SearchIndex, postings: &[Posting], out: &mut Vec<u32>) -> usize {
    for p in postings {
        index.ordinals_into(p, out);
    }
    if postings.len() > 1 {
        out.sort_unstable();
        out.dedup();
    }
    postings.iter().map(|p| p.tf as usize).sum()
}

/// How many of `n` clauses a hit must hold: of one or two, one; of three, two; then all but a
/// third. Longer queries tolerate more words an article does not use.
fn should_match(n: usize) -> u16 {
    let needed = match n {
        0..=2 => 1,
        _ => n - (n / 3).max(1),
    };
    needed as u16
}

/// Articles that pass (not excluded, holding [`should_match`] of the clauses, or at least one
/// when none holds that many) with summed scores, and how many clauses each article holds.
fn combine(clauses: &[ClauseHits], excluded: &[bool], n_docs: usize) -> (Vec<(u32, f32)>, Vec<u16>) {
    if clauses.is_empty() {
        // Filters and exclusions only: every article that passes, in corpus order.
        let found = (0..n_docs as u32).filter(|d| !excluded[*d as usize]).map(|d| (d, 0.0)).collect();
        return (found, Vec::new());
    }
    let mut score = vec![0f32; n_docs];
    let mut count = vec![0u16; n_docs];
    // Clauses matched other than a word still being typed: a completion alone ("Sha" as
    // "shared") does not make a hit.
    let mut typed = vec![false; n_docs];
    for clause in clauses {
        for &(doc, s) in &clause.docs {
            if let (Some(total), Some(n)) = (score.get_mut(doc as usize), count.get_mut(doc as usize)) {
                *total += s;
                *n = n.saturating_add(1);
                typed[doc as usize] |= clause.completions_only.binary_search(&doc).is_err();
            }
        }
    }
    let all = clauses.len() as u16;
    let counted = &count;
    let typed = &typed;
    let passes = move |needed: u16| {
        (0..n_docs).filter(move |&d| counted[d] >= needed && !excluded[d] && (typed[d] || counted[d] == all))
    };
    let mut needed = should_match(clauses.len());
    if passes(needed).next().is_none() {
        needed = 1;
    }
    let found = passes(needed).map(|d| (d as u32, score[d])).collect();
    (found, count)
}

/// How close the clauses' matches sit in an article: 1.0 when side by side, towards 0 when far
/// apart, 0 with fewer than two clauses matched.
fn closeness(ctx: &Ctx<'_>, clauses: &[ClauseHits], doc: u32) -> f32 {
    if clauses.len() < 2 {
        return 0.0;
    }
    let mut marks: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    for (c, clause) in clauses.iter().enumerate() {
        let before = marks.len();
        for (_, entry) in clause.entries_of(doc) {
            marks.extend(ctx.index.offsets(&entry.posting).into_iter().map(|o| (o, c)));
        }
        marks.extend(clause.spans_of(doc).iter().map(|s| (s.1, c)));
        marks.extend(clause.mentions_of(doc).iter().map(|m| (m.1, c)));
        if marks.len() > before {
            k += 1;
        }
    }
    if k < 2 {
        return 0.0;
    }
    marks.sort_unstable();
    // Smallest window holding a mark of every matched clause.
    let mut seen = vec![0usize; clauses.len()];
    let mut covered = 0;
    let mut best = usize::MAX;
    let mut lo = 0;
    for hi in 0..marks.len() {
        if seen[marks[hi].1] == 0 {
            covered += 1;
        }
        seen[marks[hi].1] += 1;
        while covered == k {
            best = best.min(marks[hi].0 - marks[lo].0);
            seen[marks[lo].1] -= 1;
            if seen[marks[lo].1] == 0 {
                covered -= 1;
            }
            lo += 1;
        }
    }
    // About six bytes a word; words in a row span (k - 1) gaps.
    let extra_words = (best as f32 / 6.0 - (k - 1) as f32).max(0.0);
    1.0 / (1.0 + extra_words / 3.0)
}

fn outlet_name(article: &Article) -> &str {
    article.outlet.as_ref().map_or(UNKNOWN_OUTLET, |o| o.name.as_str())
}

fn squash(s: &str) -> String {
    text::fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

impl SearchIndex {
    /// Which articles pass the `outlet:` filters. Matching is lenient: "asharq", "Asharq
    /// al-Awsat" and "ASHARQ-AL-AWSAT" all find Asharq Al-Awsat; "unknown" finds articles whose
    /// outlet is not known. Each distinct outlet name is matched once.
    fn outlet_filter(&self, filters: &[Filter], n_docs: usize) -> Vec<bool> {
        let wanted: Vec<(String, String)> = filters
            .iter()
            .map(|f| squash(&f.value))
            .filter(|v| !v.is_empty())
            .map(|v| {
                let key = text::translit_key(&v);
                (v, key)
            })
            .collect();
        if wanted.is_empty() {
            return vec![true; n_docs];
        }
        let verdicts: Vec<bool> = self
            .outlets
            .iter()
            .map(|name| {
                let squashed = squash(name);
                let key = text::translit_key(&squashed);
                wanted.iter().any(|(w, wk)| squashed.contains(w.as_str()) || key.contains(wk.as_str()))
            })
            .collect();
        (0..n_docs)
            .map(|doc| {
                self.doc_outlets.get(doc).and_then(|&o| verdicts.get(o as usize)).copied().unwrap_or(false)
            })
            .collect()
    }

    /// Hits per outlet, most first.
    fn facets(&self, docs: impl Iterator<Item = u32>) -> Vec<Facet> {
        let mut counts = vec![0usize; self.outlets.len()];
        for doc in docs {
            if let Some(count) = self.doc_outlets.get(doc as usize).and_then(|&o| counts.get_mut(o as usize))
            {
                *count += 1;
            }
        }
        let mut facets: Vec<Facet> = counts
            .into_iter()
            .zip(&self.outlets)
            .filter(|&(count, _)| count > 0)
            .map(|(count, outlet)| Facet { outlet: outlet.clone(), count })
            .collect();
        facets.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.outlet.cmp(&b.outlet)));
        facets
    }
}

/// A match while building a hit: raw start and end, the clause it matched, and whether exactly.
type Mark = (usize, usize, usize, bool);

/// Builds a hit: every match range in the article (the clauses' and the filtered entities'
/// `mentions`) and the best snippet.
fn make_hit(
    ctx: &Ctx<'_>,
    clauses: &[ClauseHits],
    mentions: &[(usize, usize, usize)],
    doc: u32,
    score: f32,
) -> Hit {
    let article = &ctx.articles[doc as usize];
    // (start, end, clause) for every match.
    let mut marks: Vec<Mark> = Vec::new();
    for (c, clause) in clauses.iter().enumerate() {
        for (_, entry) in clause.entries_of(doc) {
            for off in ctx.index.offsets(&entry.posting) {
                if let Some((s, e, _)) = ctx.word_at(article, off) {
                    marks.push((s, e, c, clause.exact.get(entry.exp).copied().unwrap_or(false)));
                }
            }
        }
        // Another name of the entity the words name: a match, though not the words typed. Where
        // the mention holds the typed words themselves, those are highlighted instead.
        let own = marks.len();
        for &(_, s, e) in clause.mentions_of(doc) {
            // Ranges that are not a slice of one block (an index built for other articles) are
            // left out.
            let slices = article
                .block_at(s)
                .is_some_and(|b| e > s && e <= b.end && b.text.get(s - b.start..e - b.start).is_some());
            if slices && !marks[..own].iter().any(|m| m.2 == c && s <= m.0 && m.1 <= e) {
                marks.push((s, e, c, false));
            }
        }
        if clause.score(doc).is_some() {
            marks.extend(clause.spans_of(doc).iter().filter_map(|&(_, start)| {
                let (s, e) = ctx.phrase_range(article, start, clause.phrase_last)?;
                Some((s, e, c, true))
            }));
        }
    }
    // An entity counts as one more clause, so snippets prefer passages naming it too; but as an
    // inexact match, so that among passages naming as many, the typed words win.
    marks.extend(mentions.iter().map(|&(s, e, k)| (s, e, clauses.len() + k, false)));
    marks.sort_unstable();
    marks.truncate(MAX_MATCHES);
    let mut matches: Vec<(usize, usize)> = Vec::new();
    for &(s, e, _, _) in &marks {
        match matches.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => matches.push((s, e)),
        }
    }
    Hit {
        article: doc as usize,
        id: article.id.clone(),
        title: article.title.text.clone(),
        score,
        snippet: if clauses.is_empty() && !mentions.is_empty() {
            mention_snippet(article, mentions, &matches)
        } else {
            snippet(article, &marks, &matches)
        },
        matches,
    }
}

/// For filter-only queries: the passage around the first mention in body text (else in a heading
/// or caption, else the title), highlighting the mentions in it.
fn mention_snippet(
    article: &Article,
    mentions: &[(usize, usize, usize)],
    matches: &[(usize, usize)],
) -> Snippet {
    let placed = mentions.iter().filter_map(|&(start, ..)| {
        let (b, block) =
            article.blocks.iter().enumerate().find(|(_, bl)| bl.start <= start && start < bl.end)?;
        Some((snippet_preference(block.kind), b, block, start))
    });
    // The first mention among those in the most preferred kind of block.
    match placed.min_by_key(|&(preference, _, _, start)| (std::cmp::Reverse(preference), start)) {
        Some((_, b, block, start)) => passage(block, b, start - block.start, matches),
        None => lead_snippet(article),
    }
}

/// The passage of about [`SNIPPET_WORDS`] words, within one block, holding the most distinct
/// query clauses (then the most matches); body text is preferred over captions and the title
/// when they say no more.
///
/// Windows are first compared by bytes (about six a word), so only the chosen passage's
/// neighbourhood is tokenised.
fn snippet(article: &Article, marks: &[Mark], matches: &[(usize, usize)]) -> Snippet {
    const LEAD_BYTES: usize = 30;
    const WINDOW_BYTES: usize = SNIPPET_WORDS * 6;
    // How good a window is: distinct clauses, block kind preference, exact matches, matches.
    type Quality = (u32, u8, usize, usize);
    // The best window's quality, block index and anchor offset.
    let mut best: Option<(Quality, usize, usize)> = None;
    let mut block_of: Option<(usize, &Block)> = None;
    for (i, mark) in marks.iter().enumerate() {
        let (b, block) = match block_of {
            Some((b, block)) if block.start <= mark.0 && mark.0 < block.end => (b, block),
            _ => {
                match article.blocks.iter().enumerate().find(|(_, bl)| bl.start <= mark.0 && mark.0 < bl.end)
                {
                    Some(found) => found,
                    None => continue,
                }
            }
        };
        block_of = Some((b, block));
        let from = mark.0.saturating_sub(LEAD_BYTES).max(block.start);
        let to = (from + WINDOW_BYTES).min(block.end);
        let mut clauses = 0u64;
        let (mut count, mut exact) = (0, 0);
        for m in marks[..i]
            .iter()
            .rev()
            .take_while(|m| m.0 >= from)
            .chain(marks[i..].iter().take_while(|m| m.0 < to))
        {
            clauses |= 1 << (m.2 % 64);
            count += 1;
            exact += usize::from(m.3);
        }
        let key = (clauses.count_ones(), snippet_preference(block.kind), exact, count);
        if best.as_ref().is_none_or(|b| key > b.0) {
            best = Some((key, b, mark.0));
        }
    }
    match best.and_then(|(_, b, anchor)| Some((b, article.blocks.get(b)?, anchor))) {
        Some((b, block, anchor)) => passage(block, b, anchor - block.start, matches),
        None => lead_snippet(article),
    }
}

/// Which blocks make the best snippets when they hold as many query words: body text, then
/// headings and captions, then the title (which the result list shows anyway).
fn snippet_preference(kind: BlockKind) -> u8 {
    match kind {
        BlockKind::Paragraph | BlockKind::Bullet => 2,
        BlockKind::Heading | BlockKind::Caption => 1,
        BlockKind::Title => 0,
    }
}

/// The opening words of the first paragraph (for filter-only queries).
fn lead_snippet(article: &Article) -> Snippet {
    let found = article.blocks.iter().enumerate().find(|(_, b)| b.kind == BlockKind::Paragraph);
    match found.or_else(|| article.blocks.first().map(|b| (0, b))) {
        Some((b, block)) => passage(block, b, 0, &[]),
        None => {
            let t = &article.title;
            Snippet {
                text: t.text.clone(),
                start: t.start,
                end: t.end,
                block: 0,
                highlights: Vec::new(),
                cut_before: false,
                cut_after: false,
            }
        }
    }
}

/// About [`SNIPPET_WORDS`] words of a block around the word at block-relative `anchor`, starting a
/// few words before it, with the matches inside as highlights.
fn passage(block: &Block, b: usize, anchor: usize, matches: &[(usize, usize)]) -> Snippet {
    const LEAD_WORDS: usize = 4;
    const NEAR_START_WORDS: usize = 10;
    let text = block.text.as_str();
    // Tokenise from the block's start when the anchor is near it, else from a little before the
    // anchor (enough to fill a passage that ends with the block), dropping a word the starting
    // point cuts in two.
    let mut from = if anchor <= SNIPPET_WORDS * 12 { 0 } else { anchor - SNIPPET_WORDS * 8 };
    from = from.min(text.len());
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let cut_word = text[..from].chars().next_back().is_some_and(char::is_alphanumeric);
    let mut spans: Vec<text::WordSpan> = Vec::new();
    let mut after_anchor = 0;
    for w in text::word_spans(&text[from..])
        .map(|w| text::WordSpan { start: from + w.start, end: from + w.end, text_end: from + w.text_end })
        .skip_while(|w| cut_word && w.start == from && w.start < anchor)
    {
        if w.start >= anchor {
            after_anchor += 1;
            if after_anchor > SNIPPET_WORDS + 1 {
                break;
            }
        }
        spans.push(w);
    }
    let at = spans.partition_point(|w| w.start < anchor);
    let first = if from == 0 && at <= NEAR_START_WORDS { 0 } else { at.saturating_sub(LEAD_WORDS) };
    // Near the block's end, start earlier so the passage stays full.
    let first = first.min(spans.len().saturating_sub(SNIPPET_WORDS));
    spans.drain(..first);
    let cut_after = spans.len() > SNIPPET_WORDS;
    spans.truncate(SNIPPET_WORDS);
    let (rel_lo, rel_hi) = match (spans.first(), spans.last()) {
        (Some(f), Some(l)) => (f.start, l.text_end),
        _ => (0, text.len()),
    };
    let (lo, hi) = (block.start + rel_lo, block.start + rel_hi);
    let highlights =
        matches.iter().filter(|m| m.1 > lo && m.0 < hi).map(|&(s, e)| (s.max(lo), e.min(hi))).collect();
    Snippet {
        text: text.get(rel_lo..rel_hi).unwrap_or_default().to_string(),
        start: lo,
        end: hi,
        block: b,
        highlights,
        cut_before: text[..rel_lo].chars().any(char::is_alphanumeric),
        cut_after,
    }
}
