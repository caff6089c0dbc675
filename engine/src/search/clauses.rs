//! Evaluating clauses: the articles (with scores and match positions) a query word matches
//! through its expansions, those a phrase matches word after word, and the mentions of an entity
//! the words name.

use super::aliases::EntityPosting;
use super::expand::Expansion;
use super::index::{field_weight2, Posting};
use super::run::Ctx;
use super::{MatchKind, QueryWord, SearchIndex, TermMatch, WordExpansion};
use crate::model::BlockKind;

/// Another name of an entity the query names ("Hashed al-Shaabi" for "Popular Mobilization Forces").
const WEIGHT_ENTITY: f32 = 0.8;
/// A phrase decodes at most this many word occurrences (bounded time for "of the the of").
const MAX_PHRASE_WORK: usize = 2_000_000;

/// A term clause's occurrence in one article.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entry {
    pub(super) exp: usize,
    pub(super) posting: Posting,
}

/// What one clause (a word or a phrase) matched.
#[derive(Debug, Default)]
pub(super) struct ClauseHits {
    /// Matching articles with the clause's score there, sorted by article.
    pub(super) docs: Vec<(u32, f32)>,
    /// For words: the postings behind each match, sorted by article.
    pub(super) entries: Vec<(u32, Entry)>,
    /// For phrases: verified occurrences (article, raw start), sorted; [`Ctx::phrase_range`]
    /// finds where one ends.
    pub(super) spans: Vec<(u32, usize)>,
    /// For phrases: how many word ordinals the last word comes after the first.
    pub(super) phrase_last: usize,
    /// For words: whether each expansion is the word itself (snippets prefer exact matches).
    pub(super) exact: Vec<bool>,
    /// For words naming an entity: its mentions as (article, raw start, raw end), sorted.
    pub(super) mentions: Vec<EntityPosting>,
    /// For the word still being typed: articles it matches only by completions ("shared" for
    /// "Sha"), sorted. Those alone do not make an article a hit when the query has other words.
    pub(super) completions_only: Vec<u32>,
    /// For words: articles it matches only by words of the same event class ("expulsion" for
    /// "withdrawal"), sorted. They rank below articles holding the word in one of its forms.
    pub(super) synonyms_only: Vec<u32>,
}

/// The run of `items` (sorted by article) that belong to article `doc`.
fn in_article<T>(items: &[T], doc: u32, article: impl Fn(&T) -> u32) -> &[T] {
    let lo = items.partition_point(|e| article(e) < doc);
    let hi = lo + items[lo..].partition_point(|e| article(e) <= doc);
    &items[lo..hi]
}

impl ClauseHits {
    pub(super) fn score(&self, doc: u32) -> Option<f32> {
        self.docs.binary_search_by_key(&doc, |d| d.0).ok().map(|i| self.docs[i].1)
    }

    pub(super) fn entries_of(&self, doc: u32) -> &[(u32, Entry)] {
        in_article(&self.entries, doc, |e| e.0)
    }

    pub(super) fn spans_of(&self, doc: u32) -> &[(u32, usize)] {
        in_article(&self.spans, doc, |e| e.0)
    }

    pub(super) fn mentions_of(&self, index: &SearchIndex, doc: u32) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = in_article(&self.mentions, doc, |e| e.doc)
            .iter()
            .flat_map(|p| index.entities.mention_ranges(p))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Calls `f` with where each of the clause's entity mentions in an article starts, in no
    /// particular order and possibly more than once (for ranking by closeness, which needs
    /// neither order nor uniqueness).
    pub(super) fn each_mention_start(&self, index: &SearchIndex, doc: u32, mut f: impl FnMut(usize)) {
        for p in in_article(&self.mentions, doc, |e| e.doc) {
            index.entities.each_mention(p, |start, _| f(start));
        }
    }

    /// Adds an entity's mentions: each article mentioning it matches, scored as the better of
    /// its own words and the entity.
    pub(super) fn add_entity(&mut self, scored: &[(u32, f32)], mentions: &[EntityPosting]) {
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
        crate::sort::sort_by_key(&mut self.mentions, |p| (p.doc, p.at));
    }
}

impl SearchIndex {
    /// Words that name a known entity also match every mention of it, by any name: each word
    /// clause of the name gets the entity's articles (scored by its mentions) and mentions.
    pub(super) fn add_entities(
        &self,
        ctx: &Ctx<'_>,
        words: &[QueryWord],
        clauses: &mut [ClauseHits],
        expansions: &mut [WordExpansion],
    ) {
        let n_docs = ctx.articles.len() as u32;
        for (from, to, slots) in self.entities.spans(words) {
            let mut scored: Vec<(u32, f32)> = Vec::new();
            let mut mentions: Vec<EntityPosting> = Vec::new();
            for &slot in &slots {
                let idf = ctx.idf(self.entities.df(slot));
                for posting in ctx.entity_postings(slot).into_iter().filter(|p| p.doc < n_docs) {
                    let score = WEIGHT_ENTITY * ctx.bm25(idf, posting.wtf2, posting.doc);
                    scored.push((posting.doc, score));
                    mentions.push(posting);
                }
                if let Some(expansion) = expansions.get_mut(from) {
                    expansion.terms.push(TermMatch {
                        term: self.entities.name(slot).to_string(),
                        kind: MatchKind::Entity,
                        articles: self.entities.df(slot),
                    });
                }
            }
            crate::sort::sort_by(&mut scored, |a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            scored.dedup_by_key(|d| d.0);
            for clause in clauses.iter_mut().take(to).skip(from) {
                clause.add_entity(&scored, &mentions);
            }
        }
    }
}

/// The articles a word clause matches only through completions of a word being typed.
pub(super) fn completions_only(clause: &ClauseHits, exps: &[Expansion]) -> Vec<u32> {
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
pub(super) fn eval_word(ctx: &Ctx<'_>, exps: &[Expansion]) -> ClauseHits {
    let mut hits = ClauseHits::default();
    let n_docs = ctx.articles.len() as u32;
    let idfs: Vec<f32> = exps.iter().map(|e| ctx.idf(ctx.index.df(e.term))).collect();
    hits.exact = exps.iter().map(|e| e.kind == MatchKind::Exact).collect();
    // Room for every posting at once (at most one per article and expansion): a common word's
    // entries, tens of thousands over a large corpus and 64 bytes each, would otherwise be
    // copied over and over as the list grows.
    let postings: usize = exps.iter().map(|e| ctx.index.df(e.term) as usize).sum();
    hits.entries.reserve_exact(postings.min(n_docs as usize * exps.len()));
    for (i, exp) in exps.iter().enumerate() {
        hits.entries.extend(
            ctx.postings(exp.term).filter(|p| p.doc < n_docs).map(|p| (p.doc, Entry { exp: i, posting: p })),
        );
    }
    hits.entries = by_article(std::mem::take(&mut hits.entries), n_docs);
    hits.docs.reserve_exact(hits.entries.len());
    for &(doc, entry) in &hits.entries {
        let exp = exps[entry.exp];
        let score = exp.weight * ctx.bm25(idfs[entry.exp], entry.posting.wtf2, doc);
        match hits.docs.last_mut() {
            Some(last) if last.0 == doc => last.1 = last.1.max(score),
            _ => hits.docs.push((doc, score)),
        }
    }
    for group in hits.entries.chunk_by(|a, b| a.0 == b.0) {
        if group.iter().all(|(_, e)| exps[e.exp].kind == MatchKind::Synonym) {
            hits.synonyms_only.push(group[0].0);
        }
    }
    hits
}

/// A word's entries, each expansion's postings after the last's, in article order and by
/// expansion within an article (as a stable sort by article would put them). A common word's
/// expansions together cover much of the corpus (a query for `troops` over 100,000 articles
/// reads about 97,000 postings): those are laid out by counting each article's entries, one pass
/// and no comparisons; a rarer word's few are sorted, which leaves one expansion's, already by
/// article, as they are. Every entry's article is below `n_docs` ([`eval_word`] keeps only those).
fn by_article(mut entries: Vec<(u32, Entry)>, n_docs: u32) -> Vec<(u32, Entry)> {
    let Some(&first) = entries.first() else { return entries };
    let docs = n_docs as usize;
    if entries.len() * 4 < docs {
        crate::sort::sort_by_key(&mut entries, |e| (e.0, e.1.exp));
        return entries;
    }
    // Where each article's entries start: its count's running sum.
    let mut starts = vec![0usize; docs + 1];
    for e in &entries {
        starts[e.0 as usize + 1] += 1;
    }
    for i in 0..docs {
        starts[i + 1] += starts[i];
    }
    let mut out = vec![first; entries.len()];
    for e in entries {
        let at = &mut starts[e.0 as usize];
        out[*at] = e;
        *at += 1;
    }
    out
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
pub(super) fn eval_phrase(ctx: &Ctx<'_>, words: &[QueryWord], exps: &[Vec<Expansion>]) -> ClauseHits {
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
                out.extend(ctx.postings(e.term).filter(|p| (p.doc as usize) < ctx.articles.len()));
            }
            if word_exps.len() > 1 {
                crate::sort::sort_by_key(&mut out, |p| p.doc);
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
    crate::sort::sort_by_key(&mut order, |&w| totals[w]);
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
                ctx.each_position(p, |ord, off| {
                    starts.push(ord);
                    offsets.push(off);
                    true
                });
                work += p.tf as usize;
            }
            several => {
                work += merged_ordinals(ctx, several, &mut starts);
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
                [p] => ctx.each_ordinal(p, |o| {
                    work += 1;
                    continues(o)
                }),
                several => {
                    other.clear();
                    work += merged_ordinals(ctx, several, &mut other);
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
                ctx.positions_into(p, &mut firsts);
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
            wtf2 += match (in_paragraphs, if in_paragraphs { None } else { ctx.article(doc) }) {
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
fn merged_ordinals(ctx: &Ctx<'_>, postings: &[Posting], out: &mut Vec<u32>) -> usize {
    for p in postings {
        ctx.ordinals_into(p, out);
    }
    if postings.len() > 1 {
        out.sort_unstable();
        out.dedup();
    }
    postings.iter().map(|p| p.tf as usize).sum()
}
