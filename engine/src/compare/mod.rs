//! Comparison: sentence alignment, word diffs, conflicting figures, quotes, shared wording.
//!
//! Entry point (stories, which pick the articles to compare, live in [`crate::stories`]):
//! - [`compare`] aligns two or more articles sentence by sentence (run on demand, e.g. when the
//!   user opens "Compare coverage"): every aligned pair has a score, a word diff and the figures
//!   and dates on which the two sentences agree or conflict; sentences found in one source only,
//!   quotes of the same speaker and long runs of shared (wire-copy) wording are listed too.
//!
//! ```
//! use parallax_engine::{build_bundle, compare::compare, SourceInput};
//!
//! let a = "Report A\n\nBetween August 4 and 18, 14 bomb and rocket attacks targeted US convoys in Iraq.\n";
//! let b = "Report B\n\nBetween August 4 and August 16, 13 bombs and missiles targeted US convoys in Iraq.\n";
//! let built = build_bundle(&[SourceInput { name: "a.txt", bytes: a.as_bytes() }, SourceInput { name: "b.txt", bytes: b.as_bytes() }], "");
//! let articles: Vec<_> = built.bundle.articles.iter().collect();
//! let comparison = compare(&articles, &built.bundle.entities);
//! let pair = comparison.pairs.iter().find(|p| p.a_sentence.text.starts_with("Between")).unwrap();
//! // 14 vs 13 attacks, counted over August 4–18 and August 4–16: different windows, no conflict.
//! assert!(pair.conflicts.is_empty());
//! assert!(pair.changes.iter().any(|c| c.relation == parallax_engine::compare::Relation::DifferentWindows));
//! ```
//!
//! All offsets are raw-file byte offsets of the article they belong to.
//!
//! Mapping to the CLI's JSON (`{"articles", "pairs": [{"a", "b", "a_sentence", "b_sentence",
//! "score", "diff", "conflicts": [{"a", "b", "explanation"}]}], "only": {"<id>": [...]}}`):
//! [`Comparison::articles`], [`Comparison::pairs`] (each [`AlignedPair`] has those fields, its
//! sentences carry `text`, `start`, `end`; [`FactPair`] has `a`, `b`, `explanation`), and
//! [`Comparison::only`] as a map from [`OnlyIn::article`] to [`OnlyIn::sentences`].
//!
//! Stories: see [`crate::stories`].

mod align;
mod clauses;
pub mod diff;
pub mod figures;
mod quotes;
pub mod sentences;
mod shared;
mod stance;
pub(crate) mod terms;
pub mod timing;
mod variants;

use serde::{Deserialize, Serialize};

use crate::entities::{EntityData, Mention};
use crate::model::Article;

/// Stories moved to [`crate::stories`]; the type stays reachable here for older callers.
pub use crate::stories::Story;
pub use align::{
    sentence_scores, Evidence, ScoreTable, ALIGN_THRESHOLD, MAX_POSTINGS, MAX_SENTENCES, MIN_PREDICATE,
    STRONG,
};
pub use diff::{diff, DiffKind, DiffOp};
pub use figures::{FactKind, FactPair};
pub use quotes::{Quote, QuotePair};
pub use sentences::{sentences, split_sentences, Sentence};
pub use shared::SharedRun;
pub use timing::Relation;

/// One article taking part in a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComparedArticle {
    /// The article id.
    pub id: String,
    /// A short name for explanations: the outlet if known, else the file name's stem up to the
    /// first `_` ("001"); the id when two compared articles would share a label.
    pub label: String,
    /// The headline.
    pub title: String,
}

/// Two sentences from two articles that report the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignedPair {
    /// Id of article A.
    pub a: String,
    /// Id of article B.
    pub b: String,
    /// The sentence in A.
    pub a_sentence: Sentence,
    /// The sentence in B.
    pub b_sentence: Sentence,
    /// How much meaning the two share, 0–1 (weighted cosine of their content terms).
    pub score: f32,
    /// Word diff from A's sentence to B's.
    pub diff: Vec<DiffOp>,
    /// Figures and dates both state, differently, at the same time (or where a date is missing:
    /// [`FactPair::relation`] is then [`Relation::Undated`]).
    pub conflicts: Vec<FactPair>,
    /// Figures that differ for a reason the texts give: a change over time, or different
    /// counting windows.
    #[serde(default)]
    pub changes: Vec<FactPair>,
    /// Figures and dates both state the same way (e.g. "39 rocket attacks" / "39 missiles").
    pub agreements: Vec<FactPair>,
}

/// Sentences of one article that no other compared article reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnlyIn {
    /// The article id.
    pub article: String,
    /// Its unmatched sentences, in reading order.
    pub sentences: Vec<Sentence>,
}

/// How much of one source the others cover.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceSummary {
    /// The article id.
    pub article: String,
    /// Words in its (distinct) sentences.
    pub words: usize,
    /// Words in its sentences aligned with at least one other source.
    pub aligned_words: usize,
    /// `aligned_words / words` (0 when it has no words).
    pub aligned_share: f32,
    /// Number of its distinct sentences.
    pub sentences: usize,
    /// Number of its sentences no other source has.
    pub only_sentences: usize,
}

/// Overall numbers for a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// One entry per compared article, in input order.
    pub sources: Vec<SourceSummary>,
    /// Aligned sentence pairs.
    pub pairs: usize,
    /// Genuine conflicts (same time) over all aligned pairs.
    pub conflicts: usize,
    /// Differences explained by time (changed over time, different counting windows).
    #[serde(default)]
    pub changes: usize,
    /// Differences whose dates are not known on both sides.
    #[serde(default)]
    pub undated: usize,
    /// Quotes of one speaker whose wording differs between outlets.
    pub quote_differences: usize,
    /// Runs of shared wording (≥ [`SHARED_RUN_WORDS`] identical words).
    pub shared_runs: usize,
}

/// The comparison of two or more articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The compared articles, in input order.
    pub articles: Vec<ComparedArticle>,
    /// Aligned sentence pairs for every pair of articles (A before B in input order), ordered
    /// by article pair, then by A's sentence, then by descending score.
    pub pairs: Vec<AlignedPair>,
    /// Per article, the sentences that no other compared article reports.
    pub only: Vec<OnlyIn>,
    /// Quotes of the same speaker in two articles.
    pub quotes: Vec<QuotePair>,
    /// Long runs of identical wording shared by two articles (wire copy).
    pub shared: Vec<SharedRun>,
    /// Shares of aligned text and counts.
    pub summary: Summary,
    /// Articles too long to compare sentence by sentence in full: only their first
    /// [`Limit::compared`] sentences were compared. Empty for ordinary articles.
    #[serde(default)]
    pub limits: Vec<Limit>,
}

/// A work bound reached while comparing one article (so the page can say "this article is too
/// long to compare sentence by sentence; showing the first N sentences").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limit {
    /// The article id.
    pub article: String,
    /// Sentences compared (the first ones, in reading order).
    pub compared: usize,
    /// Distinct sentences the article has.
    pub total: usize,
}

/// Minimum length, in words, of a run of identical wording reported as shared.
pub const SHARED_RUN_WORDS: usize = 8;

/// Aligns every pair of the given articles. Empty input, one article, identical articles and
/// articles without sentences all give a (possibly empty) comparison, never a panic.
///
/// `entities` holds the mentions of exactly these articles, in this order ([`Mention::article`]
/// indexes `articles`), as a bundle's entities do for its own articles; names the entity layer
/// links to one entity ("Hashed al-Shaabi" / "PMF", "Kadhimi" / "Kadhemi") are then one name to
/// the alignment. [`EntityData::default`] compares on the words alone.
pub fn compare(articles: &[&Article], entities: &EntityData) -> Comparison {
    let mentions: Vec<&[Mention]> =
        (0..articles.len()).map(|i| u32::try_from(i).map_or(&[][..], |i| entities.mentions_in(i))).collect();
    compare_dated(articles, &mentions, &[])
}

/// [`compare`] with, per article, its entity mentions (e.g. [`EntityData::mentions_in`] of its
/// bundle index; all from one [`EntityData`], so entity indices agree; a missing entry means
/// none) and its publication date (`YYYY[-MM[-DD]]`, e.g. the bundle's estimated
/// [`crate::dates::PublicationDate::iso`]), so differing figures can be explained as changes over
/// time; a missing date falls back to [`Article::date`].
///
/// The figures and dates compared are the DATE and FIGURE mentions given, the ones the article
/// page shows; an article given none (no mentions, or its names only) has them read by the
/// entity layer's one reader ([`crate::entities::dates_and_figures`]).
pub fn compare_dated(articles: &[&Article], mentions: &[&[Mention]], dates: &[Option<&str>]) -> Comparison {
    let compared = compared_articles(articles);
    let labels: Vec<&str> = compared.iter().map(|c| c.label.as_str()).collect();
    let aligned = align::align(articles, mentions, &labels, dates);
    let quotes = quotes::pair_quotes(articles);
    let shared = shared::shared_runs(articles, SHARED_RUN_WORDS);

    let mut only = Vec::new();
    let mut sources = Vec::new();
    for (idx, article) in articles.iter().enumerate() {
        let distinct = &aligned.sentences[idx];
        let matched = &aligned.matched[idx];
        let words = |s: &Sentence| s.text.split_whitespace().count();
        let total: usize = distinct.iter().map(words).sum();
        let aligned_words: usize =
            distinct.iter().zip(matched).filter(|(_, m)| **m).map(|(s, _)| words(s)).sum();
        let unmatched: Vec<Sentence> =
            distinct.iter().zip(matched).filter(|(_, m)| !**m).map(|(s, _)| s.clone()).collect();
        sources.push(SourceSummary {
            article: article.id.clone(),
            words: total,
            aligned_words,
            aligned_share: if total == 0 { 0.0 } else { aligned_words as f32 / total as f32 },
            sentences: distinct.len(),
            only_sentences: unmatched.len(),
        });
        only.push(OnlyIn { article: article.id.clone(), sentences: unmatched });
    }
    let count =
        |r: Relation| aligned.pairs.iter().flat_map(|p| &p.conflicts).filter(|c| c.relation == r).count();
    let (conflicts, undated) = (count(Relation::Conflict), count(Relation::Undated));
    let changes = aligned.pairs.iter().map(|p| p.changes.len()).sum::<usize>();
    let quote_differences = quotes.iter().filter(|q| q.wording_differs).count();
    let summary = Summary {
        sources,
        pairs: aligned.pairs.len(),
        conflicts,
        changes,
        undated,
        quote_differences,
        shared_runs: shared.len(),
    };
    let limits = articles
        .iter()
        .zip(&aligned.total_sentences)
        .zip(&aligned.sentences)
        .filter(|((_, total), kept)| **total > kept.len())
        .map(|((article, total), kept)| Limit {
            article: article.id.clone(),
            compared: kept.len(),
            total: *total,
        })
        .collect();
    Comparison { articles: compared, pairs: aligned.pairs, only, quotes, shared, summary, limits }
}

fn compared_articles(articles: &[&Article]) -> Vec<ComparedArticle> {
    let base: Vec<String> = articles
        .iter()
        .map(|a| match &a.outlet {
            Some(outlet) if !outlet.name.trim().is_empty() => outlet.name.trim().to_string(),
            _ => {
                let file = a.file.rsplit(['/', '\\']).next().unwrap_or(&a.file);
                let stem = file.split('.').next().unwrap_or(file);
                let short = stem.split('_').next().unwrap_or(stem);
                if short.is_empty() {
                    a.id.clone()
                } else {
                    short.to_string()
                }
            }
        })
        .collect();
    articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let clash = base.iter().enumerate().any(|(j, b)| j != i && *b == base[i]);
            ComparedArticle {
                id: a.id.clone(),
                label: if clash { a.id.clone() } else { base[i].clone() },
                title: a.title.text.clone(),
            }
        })
        .collect()
}
