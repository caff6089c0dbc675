//! Sentence alignment by shared facts, not shared topics.
//!
//! Two sentences align when they report the same fact, claim, quote or event. The evidence, per
//! sentence pair:
//! - a weighted cosine of content terms where what is *done* (verbs and common nouns, here
//!   "predicates") weighs more than who is named: two sentences about Kadhimi and Trump share
//!   names whatever they say, so names alone never align two sentences;
//! - a gate: the pair must share predicate terms of enough rarity ([`MIN_PREDICATE`]), or a figure
//!   about the same thing, or be the same words;
//! - plan against outcome: a sentence announcing an event ("will meet", "is scheduled to meet",
//!   "to Meet Trump Thursday") never aligns with an article that only reports that event as done
//!   ("described his meeting"): the announcement and the outcome are different facts.
//!
//! Cost: candidate pairs come from an inverted index over the terms of the second article,
//! skipping terms too common to discriminate ([`MAX_POSTINGS`]), so comparing two long articles
//! is about linear in their sentences; [`MAX_SENTENCES`] bounds the work per article.

mod features;
mod featurise;
mod pair_checks;
mod plans;
mod score;
#[cfg(test)]
mod tests;
mod when;

// What the parent and its modules share: each module reads these through `use super::*`.
use std::collections::HashSet;

use crate::entities::{ClockTime, Mention, MentionKind};
use crate::model::Article;
use crate::search::{FnvMap, FnvSet};
use crate::text::{tokens, Token};

use super::figures::{facts_in, DatePoint, Fact, FactValue};
use super::stance::{stance_of, Stance};
use super::terms::{
    counts_people, event_sides, is_change_of_amount, is_event_class, is_participant_word, opposite_events,
    terms_of_tokens, Term,
};
use super::{diff, figures, sentences, AlignedPair, Sentence};

use features::*;
use featurise::*;
use pair_checks::*;
use plans::*;
use score::*;
pub use score::{sentence_scores, Evidence, ScoreTable};
use when::*;

/// Minimum fact score for two sentences to be aligned when one of them has no better partner in
/// the other article. Calibrated on the dev part of `tests/gold/compare_judged.toml`.
pub const ALIGN_THRESHOLD: f32 = 0.15;
/// A pair at least this strong is kept even when both sentences have better partners: one
/// sentence may report what two sentences of the other article say.
pub const STRONG: f32 = 0.27;
/// Minimum summed inverse sentence frequency of the predicate terms two sentences share (one
/// shared content word that is not in nearly every sentence), unless they share a figure or all
/// their words: names alone never align two sentences.
pub const MIN_PREDICATE: f32 = 0.8;
/// A sentence with fewer distinct terms than this (a section heading such as "Strategic
/// Dialogues", a caption that only names someone) states no fact to align, unless the other
/// sentence has the same words.
const MIN_TERMS: usize = 3;
/// A pair within this factor of a sentence's best score counts as its best.
const NEAR_BEST: f32 = 0.4;
/// A weak pair that is one sentence's best must reach this share of the other's best.
const OTHER_SIDE: f32 = 0.4;
/// Weight multipliers by term kind: predicates carry the fact, names say who, figures pin it.
const PREDICATE_WEIGHT: f32 = 1.3;
const NAME_WEIGHT: f32 = 0.6;
const FIGURE_WEIGHT: f32 = 1.5;
/// Weekday and month names: sharing "Tuesday" says little (full dates are compared as figures).
const CALENDAR_WEIGHT: f32 = 0.4;
/// The least score of two sentences that announce the same event to come with someone named in
/// common for the same day, month or year: one announcement however long the sentences (they still have to be each other's best
/// partners, see [`keep`]).
const SAME_PLAN: f32 = 0.2;
/// The least score of two sentences that tell one news event with the same figure about the same
/// thing, whatever else each says ("Three workers died and 14 were taken to hospital" / "Three
/// employees of the freight company Norvel died when fire tore through its warehouse"): a toll
/// or an amount told in other words is one fact.
const SAME_EVENT_AND_FIGURE: f32 = STRONG;
/// The least score of the titles of two compared articles that share a rare enough word and
/// clash in nothing (no other time, event, actor, plan or cancellation): each headline tells its
/// article's main event in a few words, too few for the cosine ("Blackout leaves 400,000 without
/// power in Korvik" / "Korvik plunged into darkness"), and two headlines about one event tell it.
/// A headline against the other article's lead (its first body sentence) scores at least
/// [`HEADLINE_AND_LEAD`], and the two leads at least this, when they clash in nothing and tell
/// the event alike (both as to come or both as done; a headline and a lead must share a news
/// event, or name someone or somewhere in common without each giving figures that differ, see
/// [`tell_the_main_event`]): the lead tells its article's main event in full, as a headline does
/// in a few words ("Rail boss quits as commuters count the cost" / "The chief executive of Halden
/// Rail, Marta Quill, stepped down on Monday, ...").
const SAME_HEADLINE: f32 = 0.2;
/// The least score of a headline and the other article's lead that tell one main event (see
/// [`SAME_HEADLINE`]): as strong as [`STRONG`], so the pair is kept though each has a better
/// partner (the two headlines, the two leads): a headline sums up its article's lead, one fact
/// told twice ("Saravan wakes up under curfew" / "Authorities in Saravan imposed a curfew from
/// midnight on Sunday ...", while the leads tell the curfew's hours alike).
const HEADLINE_AND_LEAD: f32 = STRONG;
/// A clause pair's cosine counts at this share: a fact told in one clause of a long sentence
/// ("attacks ... have been on the rise" in a sentence that goes on about the meeting) against a
/// sentence or clause of the other article that tells it too.
const CLAUSE_WEIGHT: f32 = 0.8;
/// Cosine at or above which two sentences of articles written months apart that name no time
/// are one wording told twice (a vow repeated).
const SAME_WORDING: f32 = 0.8;
/// Figures two articles must both state (the same values of the same things) to be read as one
/// time's reports whatever their publication dates say: an estimated date can be off by months,
/// the same figures told twice are not.
const SAME_TIME_FIGURES: usize = 3;
/// Predicates a clause pair must share (unless a figure): a clause is short, so one shared word
/// is a shared topic more often than a shared fact.
const CLAUSE_PREDICATES: usize = 2;
/// Clock times two sentences must share to count as evidence of one fact without a shared
/// predicate: a span ("from 10 pm to 6 am" / "between 22:00 and 06:00") pins a fact, one hour in
/// common ("at 10 am") does not.
const MIN_CLOCKS: usize = 2;
/// A count at least this large is compared by its value alone, whatever it counts.
const SPECIFIC_COUNT: f64 = 100.0;
/// Sentences compared per article; beyond this the comparison covers the first ones and says so.
pub const MAX_SENTENCES: usize = 4000;
/// A term found in more sentences than this (of the other article) does not generate candidate
/// pairs on its own: it is too common to tell facts apart, and following it would make the cost
/// quadratic. It still counts in the score of pairs found through rarer terms.
pub const MAX_POSTINGS: usize = 48;

/// The output of [`align`]: per-article distinct sentences and whether each is matched, and the
/// aligned pairs.
pub struct Aligned {
    /// Distinct sentences per article (exact repeats inside an article dropped).
    pub sentences: Vec<Vec<Sentence>>,
    /// Per article, per distinct sentence: aligned with some sentence of another article.
    pub matched: Vec<Vec<bool>>,
    /// All aligned pairs.
    pub pairs: Vec<AlignedPair>,
    /// Per article, its number of distinct sentences before [`MAX_SENTENCES`] cut the list.
    pub total_sentences: Vec<usize>,
}

/// Aligns all article pairs. `labels` name the articles in explanations; `dates` are their
/// publication dates (`YYYY[-MM[-DD]]`, stated or estimated) where the caller knows better than
/// [`Article::date`] (missing entries fall back to it).
pub fn align(
    articles: &[&Article],
    mentions: &[&[Mention]],
    labels: &[&str],
    dates: &[Option<&str>],
) -> Aligned {
    let f = featurise(articles, mentions);
    let published: Vec<_> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| match dates.get(i).copied().flatten() {
            Some(iso) => super::timing::parse_iso(iso),
            None => super::timing::published(a),
        })
        .collect();
    let mut matched: Vec<Vec<bool>> = f.sentences.iter().map(|ss| vec![false; ss.len()]).collect();
    let mut pairs = Vec::new();
    for a in 0..articles.len() {
        for b in a + 1..articles.len() {
            let apart = super::timing::written_apart(published[a], published[b])
                && shared_figures(&f.features[a], &f.features[b]) < SAME_TIME_FIGURES;
            let scored = candidate_scores(&f, a, b, apart);
            let mut best_a = vec![0.0f32; f.features[a].len()];
            let mut best_b = vec![0.0f32; f.features[b].len()];
            for &(i, j, s) in &scored {
                best_a[i] = best_a[i].max(s);
                best_b[j] = best_b[j].max(s);
            }
            let mut kept: Vec<(usize, usize, f32)> =
                scored.into_iter().filter(|&(i, j, s)| keep(s, best_a[i], best_b[j])).collect();
            kept.sort_by(|x, y| x.0.cmp(&y.0).then(y.2.total_cmp(&x.2)));
            for (i, j, score) in kept {
                matched[a][i] = true;
                matched[b][j] = true;
                let sa = &f.sentences[a][i];
                let sb = &f.sentences[b][j];
                let side = |article: usize, sentence: usize| figures::Side {
                    text: &f.sentences[article][sentence].text,
                    facts: &f.facts[article][sentence],
                    base: f.sentences[article][sentence].start,
                    label: labels[article],
                    published: published[article],
                };
                let checked = figures::check_facts(&side(a, i), &side(b, j));
                pairs.push(AlignedPair {
                    a: articles[a].id.clone(),
                    b: articles[b].id.clone(),
                    a_sentence: sa.clone(),
                    b_sentence: sb.clone(),
                    score,
                    diff: diff::diff(&sa.text, sa.start, &sb.text, sb.start),
                    conflicts: checked.conflicts,
                    changes: checked.changes,
                    agreements: checked.agreements,
                });
            }
        }
    }
    Aligned { sentences: f.sentences, matched, pairs, total_sentences: f.total_sentences }
}

/// Scores of the candidate pairs of articles `a` and `b` with a score above zero: (sentence of
/// A, sentence of B, score). Candidates share a term that at most [`MAX_POSTINGS`] sentences of
/// B have, or all their words.
fn candidate_scores(f: &Featurised, a: usize, b: usize, apart: bool) -> Vec<(usize, usize, f32)> {
    let (fa, fb) = (&f.features[a], &f.features[b]);
    // Term ids are dense (0..number of terms), so postings are a vector indexed by id.
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); f.idf.len()];
    let mut by_words: FnvMap<&[String], usize> = FnvMap::default();
    for (j, y) in fb.iter().enumerate() {
        for &(id, _) in &y.weights {
            if let Some(list) = postings.get_mut(id as usize) {
                list.push(j);
            }
        }
        if !y.words.is_empty() {
            by_words.entry(y.words.as_slice()).or_insert(j);
        }
    }
    let mut out = Vec::new();
    let mut seen: Vec<usize> = vec![usize::MAX; fb.len()];
    for (i, x) in fa.iter().enumerate() {
        let mut candidates: Vec<usize> = Vec::new();
        if let Some(&j) = by_words.get(x.words.as_slice()) {
            seen[j] = i;
            candidates.push(j);
        }
        for &(id, _) in &x.weights {
            let Some(list) = postings.get(id as usize).filter(|l| l.len() <= MAX_POSTINGS) else { continue };
            for &j in list {
                if seen[j] != i {
                    seen[j] = i;
                    candidates.push(j);
                }
            }
        }
        for j in candidates {
            let s = f.score(a, x, b, &fb[j], apart);
            if s > 0.0 {
                out.push((i, j, s));
            }
        }
    }
    out
}

/// Whether a pair with score `s` is aligned, given the best scores of its two sentences.
///
/// Strong pairs always are (one sentence may report what several of the other say). Weaker
/// pairs need to be one sentence's best match, and not far below the other sentence's best:
/// otherwise every sentence would drag in its least-bad partner.
fn keep(s: f32, best_a: f32, best_b: f32) -> bool {
    if s >= STRONG {
        return true;
    }
    if s < ALIGN_THRESHOLD {
        return false;
    }
    let best_of_a = s >= best_a * NEAR_BEST;
    let best_of_b = s >= best_b * NEAR_BEST;
    (best_of_a && s >= best_b * OTHER_SIDE) || (best_of_b && s >= best_a * OTHER_SIDE)
}

/// Indices of the sentences (given as their tokens) that are not exact repeats of an earlier one
/// in the same article (a scraped caption twice, a summary bullet repeating a paragraph): repeats
/// would align twice with the same partner.
fn distinct(tokens: &[Vec<Token<'_>>]) -> Vec<usize> {
    let mut seen: FnvSet<Vec<&str>> = FnvSet::default();
    (0..tokens.len()).filter(|&i| seen.insert(tokens[i].iter().map(|t| t.norm.as_str()).collect())).collect()
}
