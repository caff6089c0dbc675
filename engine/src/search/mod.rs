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
//! How a query runs ([`run`]): [`query::parse`] reads it leniently; each word is expanded against
//! the dictionary ([`expand`]: exact, transliteration, plural and other word forms, prefixes for
//! the word being typed, and typos only when nothing closer exists), each expansion weighted below
//! an exact match; each word and phrase is evaluated into a clause ([`clauses`]), and words that
//! name a known entity also match its other names ([`aliases`]); articles holding enough of the
//! clauses are scored by field-weighted BM25, those holding more of the query first, and the best
//! re-ranked by how close the words sit ([`rank`]); outlet filters and facets ([`facets`]) and the
//! `entity:`/`story:` filters ([`filters`]) narrow them; each hit gets its match ranges and a
//! snippet ([`snippets`]).

mod aliases;
mod clauses;
mod expand;
mod facets;
mod filters;
mod fuzzy;
mod index;
/// A fast hash map for the engine's own words and ids (FNV-1a), shared with comparison.
pub(crate) use index::{read_varint, write_varint, FnvMap, FnvSet, IndexBuilder, NO_OUTLET};
#[cfg(test)]
mod phrase_reference;
pub mod query;
mod rank;
mod run;
mod snippets;
mod stem;

use serde::{Deserialize, Serialize};

pub use filters::Corpus;
pub use index::SearchIndex;
pub use query::{parse, Filter, ParsedQuery, Phrase, QueryWord};
pub use run::Trace;

/// What does not hang together in a run of entity slots' postings with these article counts,
/// taken on their own (a chunk of a chunked corpus's entity index); `None` when consistent.
pub(crate) fn aliases_part(
    doc_freq: &[u32],
    starts: Vec<u32>,
    postings: Vec<u8>,
    n_articles: usize,
) -> Option<String> {
    aliases::EntityPostings::part(doc_freq, starts, postings).postings_problem(n_articles)
}

use crate::model::Article;

/// The `outlet:` filter value that finds the articles whose outlet the cleaner could not tell
/// (`outlet:unknown`). How such an article's outlet is shown is the app's business, not the
/// index's: a facet for them has no name ([`Facet::outlet`] is none).
pub const UNKNOWN_OUTLET_FILTER: &str = "unknown";

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
    /// A word of the same news event class ("expulsion" or "pullout" for "withdrawal").
    Synonym,
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
    /// The outlet's name; none for the articles whose outlet is not known (filtered with
    /// `outlet:`[`UNKNOWN_OUTLET_FILTER`]).
    pub outlet: Option<String>,
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

impl SearchIndex {
    /// Searches the articles this index was built from (pass the bundle's `articles`) and returns
    /// at most `limit` hits. Never fails and never panics, whatever the query.
    pub fn search(&self, articles: &[Article], query: &str, limit: usize) -> SearchResults {
        self.search_with(articles, query, &SearchOptions { limit, ..SearchOptions::default() })
    }

    /// [`SearchIndex::search`] with every knob. Without the entities and stories at hand, `entity:`
    /// and `story:` filters are reported (not applied) and filter nothing; see [`SearchIndex::search_in`].
    pub fn search_with(&self, articles: &[Article], query: &str, options: &SearchOptions) -> SearchResults {
        self.run(articles, None, query, options, None)
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
        self.run(corpus.articles, Some(corpus), query, options, None)
    }

    /// [`SearchIndex::search_in`], recording in `trace` the terms and articles the query read
    /// (see [`Trace`]): what a chunked corpus must have at hand for the same results.
    pub fn search_traced(
        &self,
        corpus: &Corpus<'_>,
        query: &str,
        options: &SearchOptions,
        trace: &Trace,
    ) -> SearchResults {
        self.run(corpus.articles, Some(corpus), query, options, Some(trace))
    }
}
