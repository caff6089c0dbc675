//! A bundle's payload decoded and checked a slice at a time, so a page can open a large bundle
//! in many short tasks instead of one long one and stay responsive while it does.
//!
//! The payload is postcard: a [`Bundle`]'s fields back to back, each sequence its length then its
//! items. [`Opening::step`] decodes items one at a time (`postcard::take_from_bytes`) until it has
//! read about `budget` bytes, then returns; after the last field it runs the consistency checks
//! of [`super::validate`], one part per step (the mentions a run per step). The engine knows nothing of time: the caller picks
//! the budget and decides when to yield. [`super::decode_payload`] is the same walk with no
//! budget, so both paths give the same bundle and the same errors.

use serde::de::DeserializeOwned;

use super::{validate, Bundle, BundleError};
use crate::entities::EntityData;

/// A payload being decoded: where the walk is, and the parts decoded so far.
#[derive(Debug)]
pub struct Opening<'a> {
    rest: &'a [u8],
    stage: Stage,
    bundle: Bundle,
}

/// The walk's stages, in payload order, then the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Articles {
        left: usize,
    },
    /// The search index one field per step (its terms and postings are each a large part).
    Search {
        field: u8,
    },
    Entities,
    Mentions {
        left: usize,
    },
    Stories,
    Dates,
    /// The articles' provenance a few at a time (a web page's is one entry per text run: 200
    /// pages' took 50 ms of the page's thread as one step).
    Sources {
        left: usize,
    },
    CheckArticles,
    CheckSearch,
    CheckEntities,
    /// The mentions a run at a time, from this one.
    CheckMentions {
        from: usize,
    },
    CheckStories,
    CheckDates,
    Done,
}

/// Mentions checked per step are the budget over this (checking one costs about as much as
/// decoding this many bytes).
const MENTION_BYTES: usize = 16;

fn malformed(e: postcard::Error) -> BundleError {
    BundleError::Malformed(e.to_string())
}

/// One value from the front of `rest`, which moves past it.
fn take<T: DeserializeOwned>(rest: &mut &[u8]) -> Result<T, BundleError> {
    let (value, after) = postcard::take_from_bytes::<T>(rest).map_err(malformed)?;
    *rest = after;
    Ok(value)
}

/// A byte string from the front of `rest` (a `Vec<u8>` field, [`super::bytes`]): one copy, where
/// [`take`] would decode it a byte at a time (the postings of a 100-article collection: 35 ms).
fn take_bytes(rest: &mut &[u8]) -> Result<Vec<u8>, BundleError> {
    let n = take_len(rest)?;
    let (bytes, after) = rest.split_at(n);
    *rest = after;
    Ok(bytes.to_vec())
}

/// A sequence's length (postcard's varint, the same bytes for `usize` and `u64`). A length no
/// payload could hold is malformed: it would otherwise reserve memory the bytes cannot fill.
fn take_len(rest: &mut &[u8]) -> Result<usize, BundleError> {
    let n: u64 = take(rest)?;
    match usize::try_from(n) {
        Ok(n) if n <= rest.len() => Ok(n),
        _ => Err(BundleError::Malformed(format!("a list claims {n} items in {} bytes", rest.len()))),
    }
}

/// Decodes items of a sequence into `into` until `left` is 0 or `budget` bytes are read; returns
/// how many are left.
fn take_items<T: DeserializeOwned>(
    rest: &mut &[u8],
    into: &mut Vec<T>,
    mut left: usize,
    budget: usize,
) -> Result<usize, BundleError> {
    let start = rest.len();
    while left > 0 && start - rest.len() < budget {
        into.push(take(rest)?);
        left -= 1;
    }
    Ok(left)
}

impl<'a> Opening<'a> {
    /// Starts decoding a payload [`super::payload`] has checked.
    pub fn new(payload: &'a [u8]) -> Result<Opening<'a>, BundleError> {
        let mut rest = payload;
        let left = take_len(&mut rest)?;
        let bundle = Bundle { articles: Vec::with_capacity(left), ..Bundle::default() };
        Ok(Opening { rest, stage: Stage::Articles { left }, bundle })
    }

    /// Decodes about `budget` bytes more (at least one item or one whole part), or runs one
    /// part's consistency check. `Some` once the bundle is decoded and every check has passed.
    pub fn step(&mut self, budget: usize) -> Result<Option<Bundle>, BundleError> {
        let rest = &mut self.rest;
        let b = &mut self.bundle;
        let checked = |result: Result<(), validate::Inconsistency>| result.map_err(BundleError::Inconsistent);
        self.stage = match self.stage {
            Stage::Articles { left } => match take_items(rest, &mut b.articles, left, budget)? {
                0 => Stage::Search { field: 0 },
                left => Stage::Articles { left },
            },
            Stage::Search { field } => {
                // The fields in declaration order, which is postcard's order.
                let index = &mut b.search;
                match field {
                    0 => index.doc_lens = take(rest)?,
                    1 => index.outlets = take(rest)?,
                    2 => index.doc_outlets = take(rest)?,
                    3 => index.terms = take(rest)?,
                    4 => index.doc_freq = take(rest)?,
                    5 => index.posting_starts = take(rest)?,
                    6 => index.postings = take_bytes(rest)?,
                    7 => index.translit_keys = take(rest)?,
                    8 => index.translit_terms = take(rest)?,
                    9 => index.stem_keys = take(rest)?,
                    10 => index.stem_terms = take(rest)?,
                    _ => index.entities = take(rest)?,
                }
                if field < 11 {
                    Stage::Search { field: field + 1 }
                } else {
                    Stage::Entities
                }
            }
            Stage::Entities => {
                let entities = take(rest)?;
                let left = take_len(rest)?;
                b.entities = EntityData { entities, mentions: Vec::with_capacity(left) };
                Stage::Mentions { left }
            }
            Stage::Mentions { left } => match take_items(rest, &mut b.entities.mentions, left, budget)? {
                0 => Stage::Stories,
                left => Stage::Mentions { left },
            },
            Stage::Stories => {
                b.stories = take(rest)?;
                Stage::Dates
            }
            Stage::Dates => {
                b.dates = take(rest)?;
                let left = take_len(rest)?;
                b.sources = Vec::with_capacity(left);
                Stage::Sources { left }
            }
            Stage::Sources { left } => match take_items(rest, &mut b.sources, left, budget)? {
                0 => Stage::CheckArticles,
                left => Stage::Sources { left },
            },
            Stage::CheckArticles => {
                checked(validate::articles(&b.articles))?;
                Stage::CheckSearch
            }
            Stage::CheckSearch => {
                checked(validate::search_index(&b.search, b.articles.len()))?;
                Stage::CheckEntities
            }
            Stage::CheckEntities => {
                checked(validate::entity_ids(&b.entities))?;
                Stage::CheckMentions { from: 0 }
            }
            Stage::CheckMentions { from } => {
                let mentions = &b.entities.mentions;
                let to = from.saturating_add((budget / MENTION_BYTES).max(1)).min(mentions.len());
                let n_entities = b.entities.entities.len();
                checked(validate::mention_run(mentions, from..to, &b.articles, 0, n_entities))?;
                if to == mentions.len() {
                    Stage::CheckStories
                } else {
                    Stage::CheckMentions { from: to }
                }
            }
            Stage::CheckStories => {
                checked(validate::stories(&b.stories, &b.articles))?;
                Stage::CheckDates
            }
            Stage::CheckDates => {
                checked(validate::dates(&b.dates, b.articles.len()))?;
                Stage::Done
            }
            Stage::Done => Stage::Done,
        };
        Ok((self.stage == Stage::Done).then(|| std::mem::take(&mut self.bundle)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synthetic() -> Bundle {
        let files = crate::synth::corpus(30, 3);
        let sources: Vec<crate::SourceInput<'_>> =
            files.iter().map(|(name, text)| crate::SourceInput { name, bytes: text.as_bytes() }).collect();
        crate::build_bundle(&sources, "").bundle
    }

    fn open_in_steps(payload: &[u8], budget: usize) -> (Result<Bundle, BundleError>, usize) {
        let mut steps = 0;
        let mut opening = match Opening::new(payload) {
            Ok(opening) => opening,
            Err(e) => return (Err(e), 0),
        };
        loop {
            steps += 1;
            match opening.step(budget) {
                Ok(Some(bundle)) => return (Ok(bundle), steps),
                Ok(None) => {}
                Err(e) => return (Err(e), steps),
            }
        }
    }

    #[test]
    fn a_bundle_opened_a_few_hundred_bytes_at_a_time_equals_the_one_decoded_at_once() {
        let built = synthetic();
        let payload = postcard::to_allocvec(&built).unwrap();
        let (small, many) = open_in_steps(&payload, 300);
        let (large, few) = open_in_steps(&payload, usize::MAX);
        assert_eq!(small.unwrap(), built);
        assert_eq!(large.unwrap(), built);
        // Every article and mention slice is its own step when the budget is small.
        assert!(many > few + built.articles.len() / 2, "{many} steps vs {few}");
    }

    #[test]
    fn a_truncated_payload_is_malformed_at_whatever_step_it_ends() {
        let payload = postcard::to_allocvec(&synthetic()).unwrap();
        for cut in [1, payload.len() / 3, payload.len() / 2, payload.len() - 1] {
            let (opened, _) = open_in_steps(&payload[..cut], 300);
            assert!(matches!(opened, Err(BundleError::Malformed(_))), "cut at {cut}: {opened:?}");
        }
    }

    #[test]
    fn a_list_longer_than_its_bytes_is_refused_before_anything_is_reserved() {
        let payload = postcard::to_allocvec(&(u64::MAX >> 1)).unwrap();
        assert!(matches!(Opening::new(&payload), Err(BundleError::Malformed(_))));
    }

    #[test]
    fn a_mention_out_of_place_late_in_the_list_is_found_when_checked_a_run_at_a_time() {
        let mut bundle = synthetic();
        let n = bundle.entities.mentions.len();
        assert!(n > 40, "{n} mentions");
        // Out of order across what is a run boundary at the small budgets below, and at once:
        // the 1-based mention n - 19 comes before the one it follows.
        bundle.entities.mentions.swap(n - 20, n - 21);
        let payload = postcard::to_allocvec(&bundle).unwrap();
        let at_once = open_in_steps(&payload, usize::MAX).0.expect_err("inconsistent");
        for budget in [MENTION_BYTES, 7 * MENTION_BYTES, 300] {
            let (opened, _) = open_in_steps(&payload, budget);
            assert_eq!(opened.expect_err("inconsistent").to_string(), at_once.to_string(), "budget {budget}");
        }
        assert!(at_once.to_string().contains(&format!("mention {} is out of order", n - 19)), "{at_once}");
    }

    #[test]
    fn an_inconsistent_bundle_fails_its_own_check_step() {
        let mut bundle = synthetic();
        bundle.dates.push(None);
        bundle.dates.resize(bundle.articles.len() + 1, None);
        let payload = postcard::to_allocvec(&bundle).unwrap();
        let (opened, _) = open_in_steps(&payload, 300);
        assert!(
            matches!(opened, Err(BundleError::Inconsistent(ref i)) if i.part == validate::Part::Dates),
            "{opened:?}"
        );
    }
}
