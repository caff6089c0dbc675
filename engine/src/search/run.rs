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

    /// Calls `f` with a posting's occurrence offsets (see [`SearchIndex::each_offset`]), recorded
    /// in the trace.
    pub(super) fn each_offset(&self, p: &super::index::Posting, f: impl FnMut(usize)) {
        self.positions_read(p);
        self.index.each_offset(p, f);
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

    /// The terms whose positions were read, sorted, without repeats. (A phrase reads the
    /// positions of thousands of postings of a few terms: the terms come first, so that the
    /// articles are listed only for a term whose positions a caller lacks.)
    pub fn position_terms(&self) -> Vec<u32> {
        let mut terms: Vec<u32> = Vec::new();
        for &(term, _) in self.positions.borrow().iter() {
            if terms.last() != Some(&term) && !terms.contains(&term) {
                terms.push(term);
            }
        }
        sorted(&terms)
    }

    /// The articles where the positions of `term` were read, sorted, without repeats.
    pub fn positions_of(&self, term: u32) -> Vec<u32> {
        let docs: Vec<u32> =
            self.positions.borrow().iter().filter(|read| read.0 == term).map(|read| read.1).collect();
        sorted(&docs)
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
        let rank_key =
            |doc: u32, score: f32| RankKey::new(counts[doc as usize], strong[doc as usize], score, doc);
        let mut ranked: Vec<RankKey> = found.iter().map(|&(doc, score)| rank_key(doc, score)).collect();
        let shown = RERANK.max(options.limit).min(ranked.len());
        crate::sort::smallest_first(&mut ranked, shown);
        let rerank = shown.min(RERANK);
        let mut marks = Vec::new();
        for key in &mut ranked[..rerank] {
            let (doc, score) = key.hit();
            let bonus = PROXIMITY_BONUS * closeness(&ctx, &clauses, doc, &mut marks);
            *key = rank_key(doc, score * (1.0 + bonus));
        }
        crate::sort::smallest_first(&mut ranked[..rerank], rerank);
        for (doc, score) in ranked.iter().take(options.limit).map(|key| key.hit()) {
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

/// A hit's place in the ranking, smallest first: more of the query's clauses held, then more
/// held by the words themselves (not only by words for the same event), then the higher score,
/// then the earlier article. The ranking orders thousands of hits of a common word; packed into
/// two integers, a comparison is an integer compare, not a closure reading three arrays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct RankKey(u64, u32);

impl RankKey {
    fn new(count: u16, strong: u16, score: f32, doc: u32) -> RankKey {
        // The score's bits, made to sort as `f32::total_cmp` orders scores.
        let bits = score.to_bits();
        let ordered = if bits >> 31 == 1 { !bits } else { bits | 1 << 31 };
        RankKey(!(u64::from(count) << 48 | u64::from(strong) << 32 | u64::from(ordered)), doc)
    }

    /// The article and the score the key was made from.
    fn hit(self) -> (u32, f32) {
        let ordered = !self.0 as u32;
        let bits = if ordered >> 31 == 1 { ordered & !(1 << 31) } else { !ordered };
        (self.1, f32::from_bits(bits))
    }
}

#[cfg(test)]
mod tests {
    use super::RankKey;

    #[test]
    fn rank_keys_order_hits_by_clauses_then_score_then_article_and_keep_the_score() {
        let scores = [f32::NEG_INFINITY, -2.5, -0.0, 0.0, 1e-30, 0.75, 3.0, f32::INFINITY];
        let mut hits = Vec::new();
        for count in [0u16, 1, 3] {
            for strong in [0u16, 2] {
                for (i, &score) in scores.iter().enumerate() {
                    hits.push((count, strong, score, (i % 3) as u32));
                }
            }
        }
        let mut by_key: Vec<_> = hits.iter().map(|h| (RankKey::new(h.0, h.1, h.2, h.3), *h)).collect();
        by_key.sort_by_key(|k| k.0);
        let mut expected = hits.clone();
        expected
            .sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.total_cmp(&a.2)).then(a.3.cmp(&b.3)));
        assert_eq!(by_key.iter().map(|k| k.1).collect::<Vec<_>>(), expected);
        for (key, hit) in by_key {
            let (doc, score) = key.hit();
            assert_eq!((doc, score.to_bits()), (hit.3, hit.2.to_bits()));
        }
    }
}
