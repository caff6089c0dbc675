//! Running one query: parse, expand and evaluate every clause, apply exclusions and filters,
//! rank, and build the hits.

use super::clauses::{completions_only, eval_phrase, eval_word, ClauseHits};
use super::expand::Expansion;
use super::filters::{self, Corpus};
use super::rank::{closeness, combine, PROXIMITY_BONUS, RERANK};
use super::snippets::make_hit;
use super::{query, Mode, ParsedQuery, SearchIndex, SearchOptions, SearchResults};
use crate::model::Article;

/// Per-query context: the index, the articles, and the corpus statistics BM25 needs.
pub(super) struct Ctx<'a> {
    pub(super) index: &'a SearchIndex,
    pub(super) articles: &'a [Article],
    pub(super) n_docs: f32,
    pub(super) avg_len: f32,
    /// Where to record the terms and articles the query read, when a caller asked.
    pub(super) trace: Option<&'a Trace>,
}

impl<'a> Ctx<'a> {
    /// The postings of a term, recorded in the trace.
    pub(super) fn postings(&self, term: u32) -> super::index::Postings<'a> {
        if let Some(trace) = self.trace {
            trace.terms.borrow_mut().push(term);
        }
        self.index.postings(term)
    }

    /// Records that a posting's positions (word ordinals, byte offsets) were read.
    fn positions_read(&self, p: &super::index::Posting) {
        if let Some(trace) = self.trace {
            trace.positions.borrow_mut().push((p.term, p.doc));
        }
    }

    /// A posting's occurrence offsets (see [`SearchIndex::offsets`]), recorded in the trace.
    pub(super) fn offsets(&self, p: &super::index::Posting) -> Vec<usize> {
        self.positions_read(p);
        self.index.offsets(p)
    }

    /// A posting's occurrences (see [`SearchIndex::each_position`]), recorded in the trace.
    pub(super) fn each_position(&self, p: &super::index::Posting, f: impl FnMut(u32, usize) -> bool) {
        self.positions_read(p);
        self.index.each_position(p, f);
    }

    /// A posting's occurrence ordinals (see [`SearchIndex::each_ordinal`]), recorded in the trace.
    pub(super) fn each_ordinal(&self, p: &super::index::Posting, f: impl FnMut(u32) -> bool) {
        self.positions_read(p);
        self.index.each_ordinal(p, f);
    }

    /// A posting's occurrences appended to `out`, recorded in the trace.
    pub(super) fn positions_into(&self, p: &super::index::Posting, out: &mut Vec<(u32, usize)>) {
        self.positions_read(p);
        self.index.positions_into(p, out);
    }

    /// A posting's occurrence ordinals appended to `out`, recorded in the trace.
    pub(super) fn ordinals_into(&self, p: &super::index::Posting, out: &mut Vec<u32>) {
        self.positions_read(p);
        self.index.ordinals_into(p, out);
    }

    /// The mentions of the entity in a slot, recorded in the trace.
    pub(super) fn entity_postings(&self, slot: u32) -> Vec<super::aliases::EntityPosting> {
        if let Some(trace) = self.trace {
            trace.entity_slots.borrow_mut().push(slot);
        }
        self.index.entities.postings(slot)
    }

    /// The article at `doc` (one of the query's articles: `doc < n_docs`), recorded in the trace.
    pub(super) fn article_at(&self, doc: u32) -> &'a Article {
        if let Some(trace) = self.trace {
            trace.articles.borrow_mut().push(doc);
        }
        &self.articles[doc as usize]
    }

    /// The article at `doc`, recorded in the trace.
    pub(super) fn article(&self, doc: u32) -> Option<&'a Article> {
        if let Some(trace) = self.trace {
            trace.articles.borrow_mut().push(doc);
        }
        self.articles.get(doc as usize)
    }
}

/// What one query read: the terms whose postings it decoded, the postings whose positions it
/// decoded, and the articles whose text it looked at (for ranking phrases and entity filters,
/// and for the hits' snippets).
///
/// A chunked corpus ([`crate::chunked`]) runs a query over the chunks it has, then fetches the
/// chunks holding whatever the trace names that it lacks and runs it again: once every term and
/// article read is present, the run reads exactly what a run over the whole corpus reads, so its
/// results are the same.
#[derive(Debug, Default)]
pub struct Trace {
    terms: std::cell::RefCell<Vec<u32>>,
    articles: std::cell::RefCell<Vec<u32>>,
    positions: std::cell::RefCell<Vec<(u32, u32)>>,
    entity_slots: std::cell::RefCell<Vec<u32>>,
}

impl Trace {
    /// The term ids whose postings were read, sorted, without repeats.
    pub fn terms(&self) -> Vec<u32> {
        sorted(&self.terms.borrow())
    }

    /// The entity slots whose mention postings were read, sorted, without repeats.
    pub fn entity_slots(&self) -> Vec<u32> {
        sorted(&self.entity_slots.borrow())
    }

    /// The postings whose positions were read, as (term, article), sorted, without repeats.
    pub fn positions(&self) -> Vec<(u32, u32)> {
        sorted(&self.positions.borrow())
    }

    /// The article ordinals that were read, sorted, without repeats.
    pub fn articles(&self) -> Vec<u32> {
        sorted(&self.articles.borrow())
    }
}

fn sorted<T: Ord + Copy>(list: &[T]) -> Vec<T> {
    let mut out = list.to_vec();
    out.sort_unstable();
    out.dedup();
    out
}

impl SearchIndex {
    pub(super) fn run(
        &self,
        articles: &[Article],
        corpus: Option<&Corpus<'_>>,
        query: &str,
        options: &SearchOptions,
        trace: Option<&Trace>,
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
            trace,
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
                let Some(article) = ctx.article(*doc) else { continue };
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
        // Of hits holding as much, those holding the words themselves (in any form) before those
        // holding only other words for the same event.
        let mut strong = counts.clone();
        for doc in clauses.iter().flat_map(|c| &c.synonyms_only) {
            if let Some(n) = strong.get_mut(*doc as usize) {
                *n = n.saturating_sub(1);
            }
        }
        let best_first = |a: &(u32, f32), b: &(u32, f32)| {
            let (da, db) = (a.0 as usize, b.0 as usize);
            counts[db]
                .cmp(&counts[da])
                .then(strong[db].cmp(&strong[da]))
                .then(b.1.total_cmp(&a.1))
                .then(a.0.cmp(&b.0))
        };
        let shown = RERANK.max(options.limit).min(found.len());
        if shown < found.len() {
            crate::sort::select_first(&mut found, shown, best_first);
        }
        crate::sort::sort_by(&mut found[..shown], best_first);
        for (doc, score) in found.iter_mut().take(RERANK) {
            *score *= 1.0 + PROXIMITY_BONUS * closeness(&ctx, &clauses, *doc);
        }
        let rerank = found.len().min(RERANK);
        crate::sort::sort_by(&mut found[..rerank], best_first);
        for &(doc, score) in found.iter().take(options.limit) {
            let mentions = match (entity_data, ctx.article(doc)) {
                (Some(data), Some(article)) => filters::mention_marks(data, &resolved.entities, article, doc),
                _ => Vec::new(),
            };
            results.hits.push(make_hit(&ctx, &clauses, &mentions, doc, score));
        }
        if results.total == 0 {
            results.did_you_mean = self.did_you_mean(query, &parsed);
        }
        results.query = parsed;
        results
    }
}
