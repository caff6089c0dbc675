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
/// Words that mark a sentence as announcing something to come, beside the shared future and
/// intent words ([`is_plan_marker`]): "set to", what ought to come ("Storms should bring cooler
/// air": what is expected, as "will"), "is leaving for Washington to meet", "soon".
const PLAN_MARKERS: &[&str] = &["set", "should", "leaving", "soon"];
/// True when the folded word announces something to come: a future or schedule word
/// ([`crate::text::is_future_word`]), a threat, vow or aim ([`crate::text::INTENT_WORDS`]: a
/// claim about what may come, "threatened to escalate" is not "attacks have risen"), or one of
/// [`PLAN_MARKERS`].
fn is_plan_marker(norm: &str) -> bool {
    crate::text::is_future_word(norm)
        || crate::text::INTENT_WORDS.contains(&norm)
        || PLAN_MARKERS.contains(&norm)
}
/// True when a plan marker is a modal verb ([`crate::text::FUTURE_MODALS`], "should"): the verb
/// right after it is what is to come.
fn is_modal_marker(norm: &str) -> bool {
    crate::text::FUTURE_MODALS.contains(&norm) || norm == "should"
}
/// Verbs of commitment that announce what follows their "to" ("agreed on Monday *to* formally
/// end the mission", "decided to withdraw"): the agreement is done, what it commits to is to
/// come. Without a "to" they report a fact ("principles were agreed upon").
const COMMIT_MARKERS: &[&str] = &[
    "agree",
    "agreed",
    "agrees",
    "decide",
    "decided",
    "decides",
    "commit",
    "committed",
    "commits",
    "vow",
    "pledge",
];
/// Verbs that set out a deal's terms ("the agreement *provides for* a prisoner swap and a
/// withdrawal", "the plan *envisages* ..."): every event they list is to come, as with "will".
const TERMS_MARKERS: &[&str] = &["provides", "provide", "envisages", "envisage", "stipulates", "stipulate"];
/// How many words after a planned verb another verb joined by "and" may stand.
const COORDINATED_WINDOW: usize = 12;
/// Words that open a noun phrase ([`planned_keys`]).
const DETERMINERS: &[&str] =
    &["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "some"];
/// How many words after a plan marker name what is planned.
const PLAN_WINDOW: usize = 7;

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

/// What kind of evidence a term is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Predicate,
    /// What a figure counts, whatever its value.
    Counted,
    Name,
    /// A common noun naming who takes part ("troops", "factions"): weighs like a predicate in
    /// the cosine, but sharing one does not open the gate.
    Participant,
    Figure,
    /// A clock time ("10 pm" / "22:00", read by [`crate::entities::clock_times`]): weighs like a
    /// figure; two in common (a span of hours) open the gate, one does not.
    Clock,
    /// A year alone ("in 2025"): weighs like a figure, but a year in common is a shared time,
    /// not a figure about the same thing.
    Year,
    Calendar,
}

/// A sentence's weighted term set and fact evidence.
struct Features {
    /// (interned term id, weight), sorted by id.
    weights: Vec<(u32, f32)>,
    norm: f32,
    /// The folded words, so identical sentences match whatever their length.
    words: Vec<String>,
    /// Ids of its predicate terms, sorted.
    predicates: Vec<u32>,
    /// Ids of its figure terms (value and what is counted), sorted.
    figures: Vec<u32>,
    /// Ids of its figure terms that state an amount ([`is_amount`]): a subset of `figures`.
    amounts: Vec<u32>,
    /// Ids of its clock times, sorted.
    clocks: Vec<u32>,
    /// Ids of the years it names alone ("since 2016"), sorted.
    years: Vec<u32>,
    /// It is its article's title.
    title: bool,
    /// It is its article's lead: the first sentence of its body.
    lead: bool,
    /// Ids of its name terms (names and roles: who), sorted.
    names: Vec<u32>,
    /// Ids of its role terms ("governor", "union leaders"), sorted: a subset of `names`.
    roles: Vec<u32>,
    /// Ids of the people and organisations its names link to (entity layer), sorted; not in
    /// `weights`.
    entities: Vec<u32>,
    /// Ids of the places its names link to (entity layer), sorted; not in `weights`.
    places: Vec<u32>,
    /// Summed weight of its predicate terms.
    predicate_weight: f32,
    /// Summed weight of its name terms.
    name_weight: f32,
    /// Ids of what its figures count ("troop" in "5,000 US troops"), sorted.
    counted: Vec<u32>,
    /// Ids of its news event classes ("meet", "kill", "agree"), sorted: what happened.
    events: Vec<u32>,
    /// Ids of the predicates it announces as to come ("will *meet*", "is scheduled to *meet*"),
    /// sorted.
    planned: Vec<u32>,
    /// Ids of the decided changes a headline tells in the present ("Students fume as Brevik
    /// *scraps* night buses"), sorted: a headline's present announces a decision as often as it
    /// reports one done, so it agrees with "will scrap" and with "scrapped".
    headline_present: Vec<u32>,
    /// The weekdays, months and years it names: when its fact happened.
    when: When,
    /// Which sides of opposite event pairs it tells ([`event_sides`]: fell / recovered).
    sides: u8,
    /// Its clauses with enough terms to state a fact, when it has two or more (see `clauses.rs`).
    clauses: Vec<Clause>,
    /// What it tells as to come, as done, as another occurrence, and who speaks.
    stance: StanceIds,
}

/// A sentence's [`Stance`] as interned term ids, each list sorted.
#[derive(Default)]
struct StanceIds {
    modal: Vec<u32>,
    past: Vec<u32>,
    another: Vec<u32>,
    plural: Vec<u32>,
    speakers: Vec<u32>,
    sources: Vec<u32>,
    attributive: Vec<u32>,
    identifying: Vec<u32>,
    said: bool,
}

/// One clause's weighted terms.
struct Clause {
    /// (interned term id, weight), sorted by id.
    weights: Vec<(u32, f32)>,
    norm: f32,
    /// Ids of its predicate terms, sorted.
    predicates: Vec<u32>,
    /// Ids of its figure terms, sorted.
    figures: Vec<u32>,
    /// Ids of the years it names alone, sorted.
    years: Vec<u32>,
    /// The weekdays, months and years it names.
    when: When,
    /// Which sides of opposite event pairs it tells.
    sides: u8,
}

/// The calendar words of a sentence, as sets: two sentences that both say when and name no day,
/// month or year in common report different events ("on Friday" / "on Thursday").
#[derive(Clone, Default, PartialEq, Eq, Debug)]
struct When {
    /// Bit `d` for weekday `d` (Monday = 0).
    weekdays: u8,
    /// Bit `m` for month `m` (January = 0).
    months: u16,
    /// Years written as four digits (1900–2099), sorted.
    years: Vec<u16>,
    /// It dates something from the day of writing ("today", "recently", "this week"; see
    /// [`crate::text::is_relative_time`]).
    relative: bool,
}

/// The month (January = 0) a range ending at the month name `toks[end]` starts from: "between
/// July and September", "from March 2022 to June" (a year may follow the first month), when the
/// first month comes earlier in the year than the last.
fn month_range_start(toks: &[Token<'_>], end: usize) -> Option<usize> {
    const JOINS: &[&str] = &["and", "to", "through", "until", "till"];
    let month = |i: usize| crate::text::MONTHS.iter().position(|w| *w == toks[i].norm);
    let join = end.checked_sub(1)?;
    if !JOINS.contains(&toks[join].norm.as_str()) {
        return None;
    }
    let mut first = join.checked_sub(1)?;
    if toks[first].norm.len() == 4 && toks[first].norm.bytes().all(|b| b.is_ascii_digit()) {
        first = first.checked_sub(1)?;
    }
    let opener = first.checked_sub(1)?;
    let (m1, m2) = (month(first)?, month(end)?);
    (matches!(toks[opener].norm.as_str(), "between" | "from") && m1 < m2).then_some(m1)
}

impl When {
    /// Reads the weekdays, months and years of a sentence's tokens, given the clock times read
    /// from those tokens (indices into `toks`). A month name counts when capitalised ("May", not
    /// the verb "may") and "May" not as a sentence's first word.
    fn of(toks: &[Token<'_>], clocks: &[ClockTime]) -> When {
        let mut when = When::default();
        for (i, t) in toks.iter().enumerate() {
            when.relative |= crate::text::is_relative_time(toks, i);
            if let Some(d) = crate::text::WEEKDAYS.iter().position(|w| *w == t.norm) {
                when.weekdays |= 1 << d;
            } else if let Some(m) = crate::text::MONTHS.iter().position(|w| *w == t.norm) {
                if t.text.starts_with(char::is_uppercase) && !(t.norm == "may" && i == 0) {
                    when.months |= 1 << m;
                    if let Some(first) = month_range_start(toks, i) {
                        // "Between July and September": every month in between too.
                        for k in first..m {
                            when.months |= 1 << k;
                        }
                    }
                }
            } else if t.norm.len() == 4 && t.norm.bytes().all(|b| b.is_ascii_digit()) {
                if let Ok(y) = t.norm.parse::<u16>() {
                    if (1900..2100).contains(&y) {
                        when.years.push(y);
                    }
                }
            }
        }
        when.weekdays |= midnight_days(toks, clocks);
        when.years.sort_unstable();
        when.years.dedup();
        when
    }

    /// It names no time at all.
    fn is_empty(&self) -> bool {
        *self == When::default()
    }

    /// Both name a weekday, month or year in common ("on Thursday" / "Thursday").
    fn overlaps(&self, other: &When) -> bool {
        self.weekdays & other.weekdays != 0
            || self.months & other.months != 0
            || self.years.iter().any(|y| other.years.binary_search(y).is_ok())
    }

    /// Both say when, and nothing they say is the same.
    fn clashes(&self, other: &When) -> bool {
        let weekdays = self.weekdays != 0 && other.weekdays != 0 && self.weekdays & other.weekdays == 0;
        let months = self.months != 0 && other.months != 0 && self.months & other.months == 0;
        let years = !self.years.is_empty()
            && !other.years.is_empty()
            && !self.years.iter().any(|y| other.years.binary_search(y).is_ok());
        weekdays || months || years
    }
}

/// Tokens on either side of a midnight within which a weekday is its day ("at midnight on
/// Friday", "Friday at midnight", "at 00:00 on Saturday").
const MIDNIGHT_WINDOW: usize = 3;

/// The weekdays a midnight in `toks` also falls on, as [`When::weekdays`] bits: midnight is the
/// moment between two days, so "midnight on Friday" (the end of Friday, as "24:00 on Friday") is
/// also Saturday, and "00:00 on Saturday" (its start) is also Friday: two outlets writing one
/// moment with two clocks name the same time.
fn midnight_days(toks: &[Token<'_>], clocks: &[ClockTime]) -> u8 {
    let mut days = 0u8;
    for clock in clocks {
        // Days to add to the named weekday: midnight and 24:00 end it, 00:00 begins it.
        let shift = match clock.minutes {
            crate::entities::END_OF_DAY => 1,
            0 => 6,
            _ => continue,
        };
        let window =
            clock.first.saturating_sub(MIDNIGHT_WINDOW)..toks.len().min(clock.first + MIDNIGHT_WINDOW + 2);
        for t in &toks[window] {
            if let Some(d) = crate::text::WEEKDAYS.iter().position(|w| *w == t.norm) {
                days |= 1 << ((d + shift) % 7);
            }
        }
    }
    days
}

/// The clock times of `clocks` (read over a whole sentence) that lie within its tokens
/// `from..to`, with indices relative to that run (a clause's times).
fn clocks_within(clocks: &[ClockTime], from: usize, to: usize) -> Vec<ClockTime> {
    clocks
        .iter()
        .filter(|c| c.first >= from && c.last < to)
        .map(|c| ClockTime { first: c.first - from, last: c.last - from, ..*c })
        .collect()
}

/// Every sentence-pair score between two articles, as [`compare`](super::compare) computes them
/// when comparing just these two: rows are A's distinct sentences, columns B's.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreTable {
    /// A's distinct sentences.
    pub a: Vec<Sentence>,
    /// B's distinct sentences.
    pub b: Vec<Sentence>,
    /// `scores[i][j]`: fact score of `a[i]` and `b[j]`, 0–1 (0 when the gate fails).
    pub scores: Vec<Vec<f32>>,
    /// `evidence[i][j]`: what the score of `a[i]` and `b[j]` is made of.
    pub evidence: Vec<Vec<Evidence>>,
}

/// What a pair's fact score is made of (for tuning and for explaining a pair).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Evidence {
    /// Weighted cosine of all their terms.
    pub cosine: f32,
    /// The best weighted cosine of a clause of one against a clause of the other (or the whole
    /// other sentence) that share a rare enough predicate or a figure; 0 when neither has clauses.
    pub clause_cosine: f32,
    /// Summed inverse sentence frequency of the predicate terms they share.
    pub predicate_idf: f32,
    /// They state a figure about the same thing with the same value.
    pub shared_figure: bool,
    /// Number of clock times both name ("from 10 pm to 6 am" / "between 22:00 and 06:00": 2).
    pub shared_clocks: usize,
    /// Weight of the first sentence's name terms that are not its speakers' ("Nordgrid
    /// spokesperson Ana Lind said" names a source, not an actor).
    pub actor_x: f32,
    /// Weight of the second sentence's name terms that are not its speakers'.
    pub actor_y: f32,
    /// One announces as planned what the other's article reports as done.
    pub plan_clash: bool,
    /// Same words.
    pub identical: bool,
    /// Weight of the predicate terms both share, and of each one's predicate terms.
    pub pred_shared: f32,
    /// Weight of the first sentence's predicate terms.
    pub pred_x: f32,
    /// Weight of the second sentence's predicate terms.
    pub pred_y: f32,
    /// Weight of the name terms both share.
    pub name_shared: f32,
    /// Both name a person or organisation the entity layer linked, however each spells it ("PMF"
    /// / "Hashed al-Shaabi"), or [`SHARED_PLACES`] places it linked: a name in common.
    pub shared_entity: bool,
    /// Weight of the first sentence's name terms.
    pub name_x: f32,
    /// Weight of the second sentence's name terms.
    pub name_y: f32,
    /// Number of predicate terms both share.
    pub shared_predicates: usize,
    /// Both say when their fact happened (weekday, month or year) and name no time in common.
    pub time_clash: bool,
    /// One tells one side of an opposite pair and the other the other side ("profit *falls*" /
    /// "the price has *soared*"): the whole sentences report different facts, though a clause
    /// of each may still tell one ("as cocoa costs bite" / "the company blamed the cost of
    /// cocoa").
    pub opposite_events: bool,
    /// Both report events of known classes and share none ("principles were agreed" / "will
    /// meet Trump"): different things happened.
    pub event_clash: bool,
    /// Number of news event classes both report.
    pub shared_events: usize,
    /// Both announce the same event as to come, with someone named in common, for the same
    /// stated time ("will meet Trump on Thursday" / "is scheduled to meet with the US President
    /// on Thursday"): one announced event.
    pub same_plan: bool,
    /// A shared event word one tells as to come ("will not stop until they are *brought* to
    /// the surface") and the other as done ("rescuers *brought* the last miners"): a forecast
    /// and a report.
    pub tense_clash: bool,
    /// A shared event word one calls another occurrence ("host *another* round") and the other
    /// does not.
    pub another_clash: bool,
    /// Both name who speaks, and neither speaker is named in the other sentence ("Strand said"
    /// / "Berg said"): two people's claims.
    pub speaker_clash: bool,
    /// One calls off an event both tell of and the other does not ("call off strike" /
    /// "threaten strike"): the cancellation and the event are different facts.
    pub cancel_clash: bool,
    /// A news event one sentence tells as what happened, its article's headline or lead ("Bridge
    /// collapse in Olsk kills at least seven"), and the other only to say what it is about
    /// ("Collapsed Olsk bridge was declared safe in January", "The bridge, which collapsed on
    /// Tuesday, passed its last inspection"), with no event told by both and no figure in
    /// common: the other reports something else about the same thing.
    pub identifying_clash: bool,
}

/// Scores every sentence of `a` against every sentence of `b` (for tests and tuning: quadratic),
/// with each article's entity mentions as in [`compare_dated`](super::compare_dated).
pub fn sentence_scores(a: &Article, b: &Article, mentions: [&[Mention]; 2]) -> ScoreTable {
    let f = featurise(&[a, b], &mentions);
    let scores = f.features[0]
        .iter()
        .map(|x| f.features[1].iter().map(|y| f.score(0, x, 1, y, false)).collect())
        .collect();
    let evidence = f.features[0]
        .iter()
        .map(|x| f.features[1].iter().map(|y| f.evidence(0, x, 1, y)).collect())
        .collect();
    let mut sentences = f.sentences;
    let sb = sentences.pop().unwrap_or_default();
    let sa = sentences.pop().unwrap_or_default();
    ScoreTable { a: sa, b: sb, scores, evidence }
}

/// Per article, per distinct sentence: its figures and dates.
type FactLists = Vec<Vec<Vec<Fact>>>;

/// Everything [`align`] needs about the compared articles.
struct Featurised {
    sentences: Vec<Vec<Sentence>>,
    total_sentences: Vec<usize>,
    features: Vec<Vec<Features>>,
    facts: FactLists,
    /// Inverse sentence frequency per term id.
    idf: Vec<f32>,
    /// Per article: predicate ids it announces as planned somewhere.
    planned: Vec<HashSet<u32>>,
    /// The id of the event class of calling something off ("cancelled", "called off",
    /// "scrapped"), when any compared sentence has it.
    cancel: Option<u32>,
}

impl Featurised {
    /// The fact score of sentence `x` of article `ax` and `y` of article `ay`.
    /// `apart`: the two articles were written months apart ([`super::timing::written_apart`]).
    fn score(&self, ax: usize, x: &Features, ay: usize, y: &Features, apart: bool) -> f32 {
        let e = self.evidence(ax, x, ay, y);
        if e.identical {
            1.0
        } else if (e.predicate_idf < MIN_PREDICATE
            && !e.shared_figure
            && e.shared_clocks < MIN_CLOCKS
            && e.clause_cosine == 0.0)
            || (apart && (told_at_two_times(x, y, &e) || no_actor_in_common(x, y, &e)))
            || e.plan_clash
            || (e.time_clash && e.clause_cosine == 0.0)
            || (e.opposite_events && e.clause_cosine == 0.0)
            || (actor_clash(&e) && !(x.title && y.title && e.shared_events > 0))
            || e.event_clash
            || e.tense_clash
            || e.another_clash
            || e.speaker_clash
            || e.cancel_clash
            || e.identifying_clash
            || x.weights.len() < MIN_TERMS
            || y.weights.len() < MIN_TERMS
        {
            0.0
        } else {
            // Sentences whose times clash, or that tell opposite events, may still share a fact
            // in clauses that do not.
            let whole = if e.time_clash || e.opposite_events { 0.0 } else { e.cosine };
            let cosine = whole.max(CLAUSE_WEIGHT * e.clause_cosine);
            if e.same_plan {
                return cosine.max(SAME_PLAN);
            }
            let main_event = tell_the_main_event(x, y, &e);
            if (main_event && ((x.title && y.lead) || (x.lead && y.title)))
                || self.tell_the_headlines_event(ax, x, ay, y, &e)
            {
                cosine.max(HEADLINE_AND_LEAD)
            } else if (x.title && y.title) || main_event {
                cosine.max(SAME_HEADLINE)
            } else {
                cosine
            }
        }
    }

    /// The evidence [`Featurised::score`] weighs.
    fn evidence(&self, ax: usize, x: &Features, ay: usize, y: &Features) -> Evidence {
        let identical = !x.words.is_empty() && x.words == y.words;
        if x.norm == 0.0 || y.norm == 0.0 {
            return Evidence { identical, ..Evidence::default() };
        }
        let dot = merge(&x.weights, &y.weights, |a, b| a * b);
        let (mut predicate_idf, mut plan_clash, mut shared_predicates) = (0.0, false, 0);
        let (mut tense_clash, mut another_clash) = (false, false);
        let (sx, sy) = (&x.stance, &y.stance);
        let has = |list: &[u32], t: u32| list.binary_search(&t).is_ok();
        for_each_shared(&x.predicates, &y.predicates, |t| {
            shared_predicates += 1;
            predicate_idf += self.idf[t as usize];
            // Both telling it as done ("has lost money" / "had been losing money") report a past
            // fact, whatever either article announces of it elsewhere.
            let done = |a: &StanceIds| has(&a.past, t) && !has(&a.modal, t);
            // A headline's present ("as Brevik scraps night buses") is neither plan nor outcome.
            let headline_present = has(&x.headline_present, t) || has(&y.headline_present, t);
            plan_clash |= self.plan_meets_outcome(ax, ay, t) && !(done(sx) && done(sy)) && !headline_present;
            let to_come_vs_done = |a: &StanceIds, b: &StanceIds| {
                has(&a.modal, t) && !has(&a.past, t) && has(&b.past, t) && !has(&b.modal, t)
            };
            tense_clash |= to_come_vs_done(sx, sy) || to_come_vs_done(sy, sx);
            // "Another round" is not the round the other reports; "another attack" beside
            // "attacks have risen" is one more of a series both tell.
            let another_of = |a: &StanceIds, b: &StanceIds| {
                has(&a.another, t) && !has(&b.another, t) && !has(&b.plural, t)
            };
            another_clash |= another_of(sx, sy) || another_of(sy, sx);
        });
        let mut shared_figure = false;
        for_each_shared(&x.figures, &y.figures, |_| shared_figure = true);

        let mut shared_clocks = 0;
        for_each_shared(&x.clocks, &y.clocks, |_| shared_clocks += 1);
        let named_in = |speakers: &[u32], f: &Features| {
            speakers.iter().any(|id| f.weights.binary_search_by_key(id, |w| w.0).is_ok())
        };
        let speaker_clash = !sx.speakers.is_empty()
            && !sy.speakers.is_empty()
            && !named_in(&sx.speakers, y)
            && !named_in(&sy.speakers, x)
            && !shared_figure;
        let tense_clash = tense_clash && !shared_figure;
        // Nor is a decision with the amount it sets in both ("to close Vasby bakery, cutting 240
        // jobs" / "240 jobs go as Meltra shuts Vasby bakery") a plan and its outcome; a small
        // count ("the two leaders") names who takes part, before the event and after it.
        let mut shared_amount = false;
        for_each_shared(&x.amounts, &y.amounts, |_| shared_amount = true);
        let plan_clash = plan_clash && !shared_amount;
        let weight_of = |f: &Features, id: u32| {
            f.weights.binary_search_by_key(&id, |w| w.0).map_or(0.0, |i| f.weights[i].1)
        };
        let shared = |a: &[u32], b: &[u32]| {
            let mut acc = 0.0;
            for_each_shared(a, b, |id| acc += weight_of(x, id));
            acc
        };
        let (pred_x, pred_y) = (x.predicate_weight, y.predicate_weight);
        let (name_x, name_y) = (x.name_weight, y.name_weight);
        // Names in a trailing attribution are a source, not an actor of the fact; roles one of
        // whose words the other sentence also writes ("union leaders" / "the IG Ostrel union")
        // say who that sentence names.
        let actor_weight = |f: &Features, other: &Features| {
            let roles_named = f.roles.iter().any(|&id| weight_of(other, id) > 0.0);
            let not_actor: f32 = f
                .names
                .iter()
                .filter(|id| has(&f.stance.sources, **id) || (roles_named && has(&f.roles, **id)))
                .map(|&id| weight_of(f, id))
                .sum();
            (f.name_weight - not_actor).max(0.0)
        };
        let pred_shared = shared(&x.predicates, &y.predicates);
        let name_shared = shared(&x.names, &y.names);
        let shared_entity = shares(&x.entities, &y.entities) || {
            let mut places = 0;
            for_each_shared(&x.places, &y.places, |_| places += 1);
            places >= SHARED_PLACES
        };
        Evidence {
            cosine: dot / (x.norm * y.norm),
            clause_cosine: self.clause_cosine(x, y),
            predicate_idf,
            shared_figure,
            shared_clocks,
            actor_x: actor_weight(x, y),
            actor_y: actor_weight(y, x),
            plan_clash,
            identical,
            pred_shared,
            pred_x,
            pred_y,
            name_shared,
            shared_entity,
            name_x,
            name_y,
            shared_predicates,
            // A figure about the same thing at two times ("3,000 workers walked off the job on
            // March 3" / "5,000 are now on strike" in June) is one fact that changed: the
            // figure check explains it, the times do not part it.
            time_clash: x.when.clashes(&y.when) && !shares(&x.counted, &y.counted),
            opposite_events: opposite_events(x.sides, y.sides),
            // One shared content word beside two different events is a shared topic ("the US
            // presence"), not a shared fact; a figure about the same thing outweighs it.
            event_clash: !x.events.is_empty()
                && !y.events.is_empty()
                && !shares(&x.events, &y.events)
                && !shared_figure
                && shared_predicates < 2,
            same_plan: shares(&x.planned, &y.planned)
                && (name_shared > 0.0 || shared_entity)
                && x.when.overlaps(&y.when),
            tense_clash,
            another_clash,
            speaker_clash,
            cancel_clash: self.cancel.is_some_and(|c| {
                let (in_x, in_y) = (has(&x.events, c), has(&y.events, c));
                let mut other = false;
                for_each_shared(&x.events, &y.events, |t| other |= t != c);
                in_x != in_y && other && !shared_figure
            }),
            identifying_clash: identifying_clash(x, y) && !shared_figure,
            shared_events: {
                let mut n = 0;
                for_each_shared(&x.events, &y.events, |_| n += 1);
                n
            },
        }
    }

    /// True when `x` and `y` both tell the news event that the two articles' headlines share
    /// ("Vestland assembly approves tourist tax" / "Tourist tax wins assembly vote"), one of them
    /// its article's headline or lead, the other a body sentence that tells that event again in
    /// other words, as done, with no other news event and no speaker ("The measure passed by 41
    /// votes to 22", "Forty-one members backed the tax"): it reports what the other's headline
    /// and lead report. Told by someone ("the collapse should never have happened", Brink said),
    /// as a previous one beside another event ("A previous truce collapsed in November") or with
    /// figures that differ, it is a fact about the event.
    fn tell_the_headlines_event(
        &self,
        ax: usize,
        x: &Features,
        ay: usize,
        y: &Features,
        e: &Evidence,
    ) -> bool {
        let top = |f: &Features| f.title || f.lead;
        if !(top(x) || top(y)) || e.shared_events == 0 {
            return false;
        }
        if !x.figures.is_empty() && !y.figures.is_empty() && !e.shared_figure {
            return false;
        }
        let title_events = |a: usize| self.features[a].iter().find(|f| f.title).map(|f| f.events.as_slice());
        let (Some(ta), Some(tb)) = (title_events(ax), title_events(ay)) else { return false };
        let headline_event = |t: u32| shares(ta, &[t]) && shares(tb, &[t]);
        let has = |list: &[u32], t: u32| list.binary_search(&t).is_ok();
        // A body sentence tells the headlines' event and nothing else, as done, in its own voice.
        let retold = |f: &Features| {
            top(f)
                || (!f.stance.said
                    && f.events.iter().all(|&t| {
                        headline_event(t)
                            && has(&f.stance.past, t)
                            && !has(&f.stance.modal, t)
                            && !has(&f.stance.identifying, t)
                    }))
        };
        if !(retold(x) && retold(y)) {
            return false;
        }
        // Told alike in both (planned in both or in neither), and by neither only to say what
        // it is about ("The Veda bridge, which collapsed on Tuesday, passed its inspection").
        let mut told = false;
        for_each_shared(&x.events, &y.events, |t| {
            told |= headline_event(t)
                && has(&x.planned, t) == has(&y.planned, t)
                && !has(&x.stance.identifying, t)
                && !has(&y.stance.identifying, t);
        });
        told
    }

    /// The best cosine of a clause of `x` (or all of `x`) against a clause of `y` (or all of `y`),
    /// whole against whole excluded, over clause pairs that share predicates of enough rarity or
    /// a figure: names alone never make two clauses one fact.
    fn clause_cosine(&self, x: &Features, y: &Features) -> f32 {
        if x.clauses.is_empty() && y.clauses.is_empty() {
            return 0.0;
        }
        let mut best = 0.0f32;
        for (i, cx) in parts(x) {
            for (j, cy) in parts(y) {
                // Times are compared clause by clause: "rescued on Thursday, two days after a
                // tunnel collapsed" tells the collapse without Thursday.
                let time_clash = cx.when.clashes(cy.when) && !shares(&x.counted, &y.counted);
                // Opposite events likewise: "profit falls" in one clause does not part "as cocoa
                // costs bite" from "blamed the cost of cocoa".
                let opposite = opposite_events(cx.sides, cy.sides);
                if (i == 0 && j == 0) || cx.norm == 0.0 || cy.norm == 0.0 || time_clash || opposite {
                    continue;
                }
                let (mut idf, mut n) = (0.0, 0);
                for_each_shared(cx.predicates, cy.predicates, |t| {
                    idf += self.idf[t as usize];
                    n += 1;
                });
                if (idf < MIN_PREDICATE || n < CLAUSE_PREDICATES)
                    && !shares(cx.figures, cy.figures)
                    && !dated_alike(&cx, &cy)
                {
                    continue;
                }
                best = best.max(merge(cx.weights, cy.weights, |a, b| a * b) / (cx.norm * cy.norm));
            }
        }
        best
    }

    /// True when the shared predicate `t` is one article announces as planned ("will meet") and
    /// the other never does: that one reports the thing as done ("described his meeting"), a
    /// different fact from the announcement. An announced further occurrence ("is expected to
    /// host another round") is not counted: it says nothing of the round being reported.
    fn plan_meets_outcome(&self, ax: usize, ay: usize, t: u32) -> bool {
        self.planned[ax].contains(&t) != self.planned[ay].contains(&t)
    }
}

/// True when a figure term's key ("#240:*", "#6:percent") states an amount: a share, or a
/// figure at least [`SPECIFIC_COUNT`] large. A small count ("#2:leader") is not one.
fn is_amount(key: &str) -> bool {
    let Some((value, unit)) = key.strip_prefix('#').and_then(|k| k.split_once(':')) else { return false };
    unit == figures::percent_unit() || value.parse::<f64>().is_ok_and(|v| v >= SPECIFIC_COUNT)
}

/// True when a sentence tells its fact at a time counted from its day of writing: a weekday,
/// a relative time ("recently", "this week") or an event announced as to come ("will meet").
fn dated_from_writing(f: &Features) -> bool {
    f.when.weekdays != 0 || f.when.relative || !f.planned.is_empty()
}

/// Two sentences of articles written months apart, one of which tells its fact at a time
/// counted from its day of writing ("expected to meet President Trump Thursday" / "will travel
/// to Washington in July and meet President Biden"): two different times, so two facts. A
/// figure about the same thing (a change over time), a time both name ("on Wednesday") or
/// nearly the same wording with no time named (a vow repeated months later: "the strike would
/// continue until ...") keeps them one fact.
fn told_at_two_times(x: &Features, y: &Features, e: &Evidence) -> bool {
    (dated_from_writing(x) || dated_from_writing(y))
        && !e.shared_figure
        && !shares(&x.counted, &y.counted)
        && !x.when.overlaps(&y.when)
        && !(e.cosine >= SAME_WORDING && x.when.is_empty() && y.when.is_empty())
}

/// Two sentences of articles written months apart that name no person or organisation in
/// common (the entity layer's links), give no figure about the same thing and name no time in
/// common: shared countries and a shared topic ("attacks on US facilities" / "the strikes
/// targeted ... facilities", a year apart) are two events, not one fact told twice. The same
/// actor ("Kadhemi faces challenges from factions" / "Kadhemi faces daily pressure from
/// pro-Iranian groups") or the same wording keeps a standing fact one fact.
fn no_actor_in_common(x: &Features, y: &Features, e: &Evidence) -> bool {
    !shares(&x.entities, &y.entities)
        && !e.shared_figure
        && !shares(&x.counted, &y.counted)
        && !x.when.overlaps(&y.when)
        && e.cosine < SAME_WORDING
}

/// Number of distinct figure terms (a value and what it counts) the two articles both state.
fn shared_figures(a: &[Features], b: &[Features]) -> usize {
    let collect = |list: &[Features]| {
        let mut ids: Vec<u32> = list.iter().flat_map(|f| f.figures.iter().copied()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let mut n = 0;
    for_each_shared(&collect(a), &collect(b), |_| n += 1);
    n
}

/// A sentence or clause's terms, borrowed.
struct Part<'f> {
    weights: &'f [(u32, f32)],
    norm: f32,
    predicates: &'f [u32],
    figures: &'f [u32],
    years: &'f [u32],
    when: &'f When,
    sides: u8,
}

/// A clause and a sentence or clause that name a year in common and something else in common
/// (who, or what is done): "Grell, *who has been mayor since 2016*, denies wrongdoing" tells
/// "Grell, 58, has been mayor since 2016" in a clause of its own. A year alone is a shared time,
/// not a shared fact.
fn dated_alike(x: &Part<'_>, y: &Part<'_>) -> bool {
    if !shares(x.years, y.years) {
        return false;
    }
    // The terms both have, the year among them.
    let in_common = merge(x.weights, y.weights, |_, _| 1.0);
    in_common >= 2.0
}

/// The whole sentence (index 0), then its clauses.
fn parts(f: &Features) -> impl Iterator<Item = (usize, Part<'_>)> {
    let whole = Part {
        weights: &f.weights,
        norm: f.norm,
        predicates: &f.predicates,
        figures: &f.figures,
        years: &f.years,
        when: &f.when,
        sides: f.sides,
    };
    let clauses = f.clauses.iter().map(|c| Part {
        weights: &c.weights,
        norm: c.norm,
        predicates: &c.predicates,
        figures: &c.figures,
        years: &c.years,
        when: &c.when,
        sides: c.sides,
    });
    std::iter::once(whole).chain(clauses).enumerate()
}

/// The term keys of the decided changes of [`crate::text::DECIDED_CHANGE_PROGRESSIVES`] ("closing"
/// is the suspend class, "moving" relocate, "scrapping" cancel) and the changes of an amount
/// someone makes (raise, cut).
fn decided_change_keys() -> HashSet<String> {
    crate::text::DECIDED_CHANGE_PROGRESSIVES
        .iter()
        .filter_map(|w| super::terms::term_key(w))
        .chain(["increase", "decrease"].map(String::from))
        .collect()
}

/// True when `x` and `y` each tell their article's main event and tell it alike: one is its
/// article's headline and the other the other article's lead, sharing a news event or who or
/// where it is about ("Saravan wakes up under curfew" / "Authorities in Saravan imposed a
/// curfew"; a headline's few words share a rare word with a long lead too easily, so a shared
/// topic word alone is not enough, nor are names beside figures that differ), or both are leads
/// (full sentences that already share a rare enough predicate: "The chief executive of Halden
/// Rail, Marta Quill, stepped down on Monday" / "Marta Quill has resigned as head of Halden
/// Rail"); and every news event both tell is planned in both or in neither ("Iraq PM visits
/// White House" is not "The Iraqi Prime Minister is scheduled to meet ...").
fn tell_the_main_event(x: &Features, y: &Features, e: &Evidence) -> bool {
    let planned_in = |f: &Features, t: u32| f.planned.binary_search(&t).is_ok();
    let mut alike = true;
    let headline_present = |f: &Features, t: u32| f.headline_present.binary_search(&t).is_ok();
    for_each_shared(&x.events, &y.events, |t| {
        alike &= planned_in(x, t) == planned_in(y, t) || headline_present(x, t) || headline_present(y, t);
    });
    // Without a news event in common, who is named in common ties them, unless each gives
    // figures and none is the same ("killing at least 11" / "buried at least eight houses").
    let figures_differ = !x.figures.is_empty() && !y.figures.is_empty() && !e.shared_figure;
    let same_actors = (e.name_shared > 0.0 || e.shared_entity) && !figures_differ;
    let headline_and_lead =
        ((x.title && y.lead) || (x.lead && y.title)) && (e.shared_events > 0 || same_actors);
    (headline_and_lead || (x.lead && y.lead)) && alike
}

/// See [`Evidence::identifying_clash`] (figures aside).
fn identifying_clash(x: &Features, y: &Features) -> bool {
    let identifies = |f: &Features, t: u32| f.stance.identifying.binary_search(&t).is_ok();
    let main_event = |f: &Features| f.title || f.lead;
    let (mut clash, mut both_tell) = (false, false);
    for_each_shared(&x.events, &y.events, |t| match (identifies(x, t), identifies(y, t)) {
        (false, false) => both_tell = true,
        (true, false) => clash |= main_event(y),
        (false, true) => clash |= main_event(x),
        (true, true) => {}
    });
    clash && !both_tell
}

/// Two sentences that each name who acts and name no one in common, sharing a single predicate,
/// tell of different actors doing a similar thing ("Strand said inflation slowed" / "Berg said
/// the cuts would bring inflation down"): not one fact. Two or more shared predicates (attacks
/// that rose) outweigh names that sit in different clauses, and so does a figure about the same
/// thing ("killing at least 11" / "put the national death toll at 11": the storm in one, the
/// agency that counted in the other).
fn actor_clash(e: &Evidence) -> bool {
    e.actor_x > 0.0
        && e.actor_y > 0.0
        && e.name_shared == 0.0
        && !e.shared_entity
        && e.shared_predicates < 2
        && !e.shared_figure
}

fn merge(x: &[(u32, f32)], y: &[(u32, f32)], f: impl Fn(f32, f32) -> f32) -> f32 {
    let (mut i, mut j, mut acc) = (0, 0, 0.0);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                acc += f(x[i].1, y[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    acc
}

/// True when the two sorted lists have an id in common.
fn shares(x: &[u32], y: &[u32]) -> bool {
    let mut any = false;
    for_each_shared(x, y, |_| any = true);
    any
}

/// Calls `f` with each id in both sorted lists (no allocation: this runs for every candidate pair).
fn for_each_shared(x: &[u32], y: &[u32], mut f: impl FnMut(u32)) {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(x[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// How a term's word is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Lower case (or a figure or date).
    Lower,
    /// Capitalised inside a sentence that is not in title case: a name.
    Capitalised,
    /// What a figure counts ("#:troop").
    Counted,
    /// Capitalised where any word may be (a sentence's first word, a title-case headline).
    Unsure,
}

/// True for a headline written in title case: most of its longer words capitalised.
fn is_title_case(toks: &[Token<'_>]) -> bool {
    let long: Vec<&Token<'_>> = toks.iter().filter(|t| t.text.chars().count() > 3).collect();
    let caps = long.iter().filter(|t| t.text.starts_with(char::is_uppercase)).count();
    long.len() >= 2 && caps * 3 >= long.len() * 2
}

/// One sentence's terms before weighting: (term key, kind) and the planned predicate keys.
struct RawSentence {
    /// (term key, kind, clause index).
    terms: Vec<(String, Kind, u8)>,
    /// When it says its fact happened.
    when: When,
    /// Per clause, when it says its fact happened.
    clause_when: Vec<When>,
    /// Planned predicate keys, each with whether it is a further occurrence ([`planned_keys`]).
    planned: Vec<(String, bool)>,
    /// Whether it names the day or month from which what it tells takes effect ("from March",
    /// [`names_when_it_takes_effect`]).
    takes_effect: bool,
    words: Vec<String>,
    /// What it tells as to come, as done, as another occurrence, and who speaks.
    stance: Stance,
}

/// The prefix of a clock time's term key ("@c1320" for 22:00 and 10 pm).
const CLOCK_KEY: &str = "@c";
/// The prefix of a year's term key ("@y2025").
const YEAR_KEY: &str = "@y";
/// The prefix of a term key that stands for an entity of the entity layer ("&e12"): every name
/// linked to it, however written ("Hashed al-Shaabi", "Popular Mobilization Forces", "PMF").
const ENTITY_KEY: &str = "&e";
/// The prefix of a place entity's key ("&ep7"); it begins with [`ENTITY_KEY`], so a place is an
/// entity everywhere else.
const PLACE_KEY: &str = "&ep";
/// Linked places two sentences must share to count as a name in common. A place is where
/// something happened, not who did it: news about one country names it in nearly every sentence
/// ("Iraq", "Baghdad", "Washington" for the US), so one shared place is a shared setting, while a
/// person or an organisation linked in both is a shared actor. Two places in common ("attacks
/// on US forces in Iraq") pin a fact's setting closely enough to count.
const SHARED_PLACES: usize = 2;

/// The entity linked to the raw range `start..end` and its kind, from an article's mentions
/// (sorted by start, never overlapping): only person, organisation and place mentions linked to an
/// entity count.
fn entity_at(mentions: &[Mention], start: usize, end: usize) -> Option<(u32, MentionKind)> {
    let at = mentions.partition_point(|m| m.start as usize <= start).checked_sub(1)?;
    let m = &mentions[at];
    (m.kind().is_name() && end <= m.end as usize).then_some(m.entity()).flatten().map(|e| (e, m.kind()))
}

/// Distinct sentences, their features and facts, for a set of compared articles (the weights'
/// inverse sentence frequency is computed over all of them). `mentions` are each article's
/// entity mentions (missing entries: none): a word inside a linked name reads as its entity.
fn featurise(articles: &[&Article], mentions: &[&[Mention]]) -> Featurised {
    // Tokenise each sentence once; repeats, terms, figures and words all come from the same
    // tokens.
    let all: Vec<Vec<Sentence>> = articles.iter().map(|a| sentences::sentences(a)).collect();
    let all_tokens: Vec<Vec<Vec<Token<'_>>>> =
        all.iter().map(|list| list.iter().map(|s| tokens(&s.text)).collect()).collect();
    let mut kept: Vec<Vec<usize>> = Vec::with_capacity(articles.len());
    let mut total_sentences = Vec::with_capacity(articles.len());
    for toks in &all_tokens {
        let mut list = distinct(toks);
        total_sentences.push(list.len());
        list.truncate(MAX_SENTENCES);
        kept.push(list);
    }
    let sentences: Vec<Vec<Sentence>> =
        kept.iter().zip(&all).map(|(kept, all)| kept.iter().map(|&i| all[i].clone()).collect()).collect();
    type RawTerms =
        (Vec<(Term, Shape, u8)>, (Vec<(String, bool)>, bool), Vec<String>, (When, Vec<When>), Stance);
    let mut raw: Vec<Vec<RawTerms>> = Vec::with_capacity(sentences.len());
    let mut facts: FactLists = Vec::with_capacity(sentences.len());
    let mut lower_seen: FnvSet<String> = FnvSet::default();
    // Keys written as a role somewhere ("governor", "union" in "union leaders").
    let mut role_keys: FnvSet<String> = FnvSet::default();
    // Acronyms written anywhere in the compared articles, so a name spelt out in full ("Free
    // Highlands Army") also names its acronym ("FHA").
    let acronyms = super::variants::acronyms(all_tokens.iter().flatten().flatten());
    // An article given without date and figure mentions (none at all, or its linked names only,
    // as the explorer's comparison page sends them) has them read here, by the same reader.
    let fact_mentions: Vec<std::borrow::Cow<'_, [Mention]>> = articles
        .iter()
        .enumerate()
        .map(|(a, article)| match mentions.get(a).copied().filter(|m| m.iter().any(|m| m.value.is_some())) {
            Some(given) => std::borrow::Cow::Borrowed(given),
            None => std::borrow::Cow::Owned(crate::entities::dates_and_figures(article, 0)),
        })
        .collect();
    // Each article's counts by what they count, so a figure can be read as the rounding another
    // article writes of it ("nearly 2,500" / "2,450").
    // Percentages are not read as roundings of each other: a tenth of a point is news.
    let percent = figures::percent_unit();
    let counts: Vec<Vec<(f64, String)>> = fact_mentions
        .iter()
        .map(|m| {
            figures::article_facts(m)
                .into_iter()
                .filter_map(|f| match f.value {
                    FactValue::Count { value, unit, .. } if !unit.is_empty() && unit != percent => {
                        Some((value, unit))
                    }
                    _ => None,
                })
                .collect()
        })
        .collect();
    for (a, list) in kept.iter().enumerate() {
        let article_mentions = mentions.get(a).copied().unwrap_or(&[]);
        let elsewhere: Vec<&(f64, String)> =
            counts.iter().enumerate().filter(|(b, _)| *b != a).flat_map(|(_, list)| list).collect();
        let mut per_article = Vec::with_capacity(list.len());
        let mut article_facts = Vec::with_capacity(list.len());
        for &i in list {
            let (s, toks) = (&all[a][i], &all_tokens[a][i]);
            // Clock times read once per sentence: terms and times both use them.
            let clocks = crate::entities::clock_times(&s.text, toks);
            // Dates and figures are the entity layer's, as the article page shows them.
            let sentence_facts = facts_in(s.start, s.end, &fact_mentions[a]);
            let clause_ids = super::clauses::clause_of_tokens(&s.text, toks);
            // Clause ids rise along the sentence, so each clause is one run of tokens.
            let n_clauses = clause_ids.last().map_or(0, |&c| c as usize + 1);
            let clause_when: Vec<When> = (0..n_clauses)
                .map(|c| {
                    let from = clause_ids.partition_point(|&id| (id as usize) < c);
                    let to = clause_ids.partition_point(|&id| (id as usize) <= c);
                    When::of(&toks[from..to], &clocks_within(&clocks, from, to))
                })
                .collect();
            let when = When::of(toks, &clocks);
            let mut terms = sentence_terms(toks, &sentence_facts, &clause_ids, &clocks, &elsewhere);
            for (acronym, idx) in super::variants::spelled_out(toks, &acronyms) {
                if let Some(key) = super::terms::term_key(&acronym) {
                    let term = Term { key, name: true, figure: false, calendar: false, role: false };
                    terms.push((term, toks.get(idx), clause_ids.get(idx).copied().unwrap_or(0)));
                }
            }
            // A name the entity layer linked also names its entity, so "PMF" and "Hashed
            // al-Shaabi", "Kadhemi" and "the Iraqi prime minister" are one actor, as on the
            // article page; the words stay (an acronym spelt out, "Washington" for the US).
            // (word key, entity key): a source's entity is a source too (below).
            let mut entity_of_word: Vec<(String, String)> = Vec::new();
            if !article_mentions.is_empty() {
                let mut linked: Vec<(Term, Option<&Token<'_>>, u8)> = Vec::new();
                for (term, tok, clause) in &terms {
                    let Some(tok) = tok.filter(|_| !term.figure) else { continue };
                    let Some((e, kind)) = entity_at(article_mentions, s.start + tok.start, s.start + tok.end)
                    else {
                        continue;
                    };
                    let prefix = if kind == MentionKind::Place { PLACE_KEY } else { ENTITY_KEY };
                    let key = format!("{prefix}{e}");
                    entity_of_word.push((term.key.clone(), key.clone()));
                    if !linked.iter().any(|(t, _, _)| t.key == key) {
                        let term = Term { key, name: true, figure: false, calendar: false, role: false };
                        linked.push((term, Some(tok), *clause));
                    }
                }
                terms.extend(linked);
            }
            for (term, tok, _) in &terms {
                if term.key.starts_with(ENTITY_KEY) {
                    continue;
                }
                if term.role {
                    role_keys.insert(term.key.clone());
                }
                if !term.figure && tok.is_some_and(|t| !t.text.starts_with(char::is_uppercase)) {
                    lower_seen.insert(term.key.clone());
                }
            }
            // Keys in context, read once for the plans and the stance.
            let keys = super::terms::keys_of_tokens(toks);
            let planned = planned_keys(toks, &keys);
            let title_case = is_title_case(toks);
            let terms = terms
                .into_iter()
                .map(|(t, tok, clause)| {
                    let shape = match tok {
                        None if t.key.starts_with("#:") => Shape::Counted,
                        None => Shape::Lower,
                        Some(tok) if !tok.text.starts_with(char::is_uppercase) => Shape::Lower,
                        Some(tok) if tok.start > 0 && !title_case => Shape::Capitalised,
                        Some(_) => Shape::Unsure,
                    };
                    (t, shape, clause)
                })
                .collect();
            let words = toks.iter().map(|t| t.norm.clone()).collect();
            let mut stance = stance_of(&s.text, toks, &keys);
            // The entity a source's words name is no actor either ("Brauhaus chief executive Ines
            // Vogt said the deal was dead": the person Ines Vogt as well as her two words).
            let source_entities: Vec<String> = entity_of_word
                .iter()
                .filter(|(word, _)| stance.sources.contains(word))
                .map(|(_, entity)| entity.clone())
                .collect();
            if !source_entities.is_empty() {
                stance.sources.extend(source_entities);
                stance.sources.sort_unstable();
                stance.sources.dedup();
            }
            let takes_effect = names_when_it_takes_effect(toks);
            per_article.push((terms, (planned, takes_effect), words, (when, clause_when), stance));
            article_facts.push(sentence_facts);
        }
        raw.push(per_article);
        facts.push(article_facts);
    }
    // Names: capitalised inside a sentence, or at its start (or in a title-case headline) when
    // never written lower case; role nouns ("minister") always.
    let raw: Vec<Vec<RawSentence>> = raw
        .into_iter()
        .map(|list| {
            list.into_iter()
                .map(|(terms, (planned, takes_effect), words, (when, clause_when), stance)| RawSentence {
                    takes_effect,
                    when,
                    clause_when,
                    stance,
                    terms: terms
                        .into_iter()
                        .map(|(t, shape, clause)| {
                            let kind = if t.figure && t.key.starts_with(CLOCK_KEY) {
                                Kind::Clock
                            } else if t.figure && t.key.starts_with(YEAR_KEY) {
                                Kind::Year
                            } else if t.figure {
                                Kind::Figure
                            } else if shape == Shape::Counted {
                                Kind::Counted
                            } else if t.key.starts_with(ENTITY_KEY) {
                                Kind::Name
                            } else if t.calendar {
                                Kind::Calendar
                            } else if t.role
                                || shape == Shape::Capitalised
                                || (shape == Shape::Unsure && !lower_seen.contains(&t.key))
                            {
                                Kind::Name
                            } else if is_participant_word(&t.key) {
                                Kind::Participant
                            } else {
                                Kind::Predicate
                            };
                            (t.key, kind, clause)
                        })
                        .collect(),
                    planned,
                    words,
                })
                .collect()
        })
        .collect();

    // One name however it is spelt across the compared articles ("Kadhimi" / "Kadhami",
    // "Talvia" / "Talvian").
    let raw = merge_name_variants(raw);

    let mut interner: FnvMap<String, u32> = FnvMap::default();
    let mut intern = |key: &str| -> u32 {
        if let Some(&id) = interner.get(key) {
            return id;
        }
        let id = interner.len() as u32;
        interner.insert(key.to_string(), id);
        id
    };
    // Per article, per sentence: (id, kind) deduplicated, planned ids, words, and the same ids
    // per clause (empty for a one-clause sentence).
    // Planned ids with whether the sentence names when they take effect.
    type Planned = (Vec<(u32, bool)>, bool);
    type Interned = (Vec<(u32, Kind)>, Planned, Vec<String>, Vec<(Vec<(u32, Kind)>, When)>, StanceIds, When);
    let interned: Vec<Vec<Interned>> = raw
        .into_iter()
        .map(|list| {
            list.into_iter()
                .map(|s| {
                    let with_clause: Vec<(u32, Kind, u8)> =
                        s.terms.iter().map(|(k, kind, clause)| (intern(k), *kind, *clause)).collect();
                    // A word used both ways in one sentence ("Fire chief Vogt said the fire...")
                    // keeps its strongest reading: what is done over who does it.
                    let distinct = |mut ids: Vec<(u32, Kind)>| {
                        ids.sort_by_key(|&(id, kind)| (id, kind != Kind::Predicate));
                        ids.dedup_by_key(|x| x.0);
                        ids
                    };
                    let ids = distinct(with_clause.iter().map(|&(id, kind, _)| (id, kind)).collect());
                    let n_clauses = with_clause.iter().map(|t| t.2).max().map_or(0, |m| m as usize + 1);
                    let clauses: Vec<(Vec<(u32, Kind)>, When)> = if n_clauses < 2 {
                        Vec::new()
                    } else {
                        (0..n_clauses)
                            .map(|c| {
                                let ids = distinct(
                                    with_clause
                                        .iter()
                                        .filter(|t| t.2 as usize == c)
                                        .map(|&(id, kind, _)| (id, kind))
                                        .collect(),
                                );
                                (ids, s.clause_when.get(c).cloned().unwrap_or_default())
                            })
                            // A year and one more term state a dated fact ("who has been
                            // mayor since 2016", "built in 1968").
                            .filter(|(ids, _)| {
                                ids.len() >= MIN_TERMS
                                    || (ids.len() + 1 >= MIN_TERMS && ids.iter().any(|t| t.1 == Kind::Year))
                            })
                            .collect()
                    };
                    let takes_effect = s.takes_effect;
                    let mut planned: Vec<(u32, bool)> =
                        s.planned.iter().map(|(k, further)| (intern(k), *further)).collect();
                    planned.sort_unstable();
                    planned.dedup_by_key(|p| p.0);
                    let mut ids_of = |keys: &[String]| {
                        let mut ids: Vec<u32> = keys.iter().map(|k| intern(k)).collect();
                        ids.sort_unstable();
                        ids.dedup();
                        ids
                    };
                    let stance = StanceIds {
                        modal: ids_of(&s.stance.modal),
                        past: ids_of(&s.stance.past),
                        another: ids_of(&s.stance.another),
                        plural: ids_of(&s.stance.plural),
                        speakers: ids_of(&s.stance.speakers),
                        sources: ids_of(&s.stance.sources),
                        attributive: ids_of(&s.stance.attributive),
                        identifying: ids_of(&s.stance.identifying),
                        said: s.stance.said,
                    };
                    (ids, (planned, takes_effect), s.words, clauses, stance, s.when)
                })
                .collect()
        })
        .collect();

    // Inverse sentence frequency over every compared sentence.
    let mut df = vec![0usize; interner.len()];
    let mut n_sentences = 0usize;
    for (ids, _, _, _, _, _) in interned.iter().flatten() {
        n_sentences += 1;
        for (id, _) in ids {
            df[*id as usize] += 1;
        }
    }
    let idf: Vec<f32> = df.iter().map(|d| (1.0 + n_sentences as f32 / (*d).max(1) as f32).ln()).collect();
    let mut is_event = vec![false; interner.len()];
    let mut is_entity = vec![false; interner.len()];
    let mut is_place = vec![false; interner.len()];
    let mut is_role = vec![false; interner.len()];
    let mut sides = vec![0u8; interner.len()];
    let mut is_change = vec![false; interner.len()];
    let mut amount = vec![false; interner.len()];
    let mut decided_change = vec![false; interner.len()];
    let decided_keys = decided_change_keys();
    for (key, &id) in &interner {
        decided_change[id as usize] = decided_keys.contains(key);
        amount[id as usize] = is_amount(key);
        is_change[id as usize] = is_change_of_amount(key);
        is_role[id as usize] = role_keys.contains(key);
        is_event[id as usize] = is_event_class(key);
        is_entity[id as usize] = key.starts_with(ENTITY_KEY);
        is_place[id as usize] = key.starts_with(PLACE_KEY);
        sides[id as usize] = event_sides(key);
    }
    let mut planned_by_article = Vec::with_capacity(interned.len());
    let features: Vec<Vec<Features>> = interned
        .into_iter()
        .zip(&kept)
        .enumerate()
        .map(|(a, (list, kept))| {
            let mut article_planned = HashSet::new();
            let lead = kept.iter().copied().find(|&k| all[a][k].kind == crate::model::BlockKind::Paragraph);
            let features = list
                .into_iter()
                .zip(kept)
                .map(|((mut ids, (planned, takes_effect), words, clauses, stance, when), &k)| {
                    // Entities say who, as the words that name them do: they are not weighed
                    // again (the same actor counted twice), only compared (`Evidence::shared_entity`).
                    let (places, entities): (Vec<u32>, Vec<u32>) = ids
                        .iter()
                        .filter(|(id, _)| is_entity[*id as usize])
                        .map(|(id, _)| *id)
                        .partition(|&id| is_place[id as usize]);
                    ids.retain(|(id, _)| !is_entity[*id as usize]);
                    let weigh = |ids: &[(u32, Kind)]| -> Vec<(u32, f32)> {
                        ids.iter()
                            .map(|&(id, kind)| {
                                let boost = match kind {
                                    Kind::Predicate | Kind::Participant => PREDICATE_WEIGHT,
                                    Kind::Name => NAME_WEIGHT,
                                    Kind::Figure | Kind::Counted | Kind::Clock | Kind::Year => FIGURE_WEIGHT,
                                    Kind::Calendar => CALENDAR_WEIGHT,
                                };
                                (id, boost * idf[id as usize])
                            })
                            .collect()
                    };
                    let norm_of = |w: &[(u32, f32)]| w.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                    let ids_of = |ids: &[(u32, Kind)], k: Kind| -> Vec<u32> {
                        ids.iter().filter(|(_, kind)| *kind == k).map(|(id, _)| *id).collect()
                    };
                    let weights = weigh(&ids);
                    let norm = norm_of(&weights);
                    let of_kind = |k: Kind| ids_of(&ids, k);
                    // The sides of the events these words tell; a participle describing a thing
                    // ("falling demand") tells none.
                    let sides_told = |ids: &[u32]| {
                        ids.iter()
                            .filter(|id| stance.attributive.binary_search(id).is_err())
                            .fold(0, |bits, &id| bits | sides[id as usize])
                    };
                    let clauses: Vec<Clause> = clauses
                        .iter()
                        .map(|(c, when)| {
                            let c: Vec<(u32, Kind)> =
                                c.iter().copied().filter(|(id, _)| !is_entity[*id as usize]).collect();
                            let weights = weigh(&c);
                            let predicates = ids_of(&c, Kind::Predicate);
                            Clause {
                                norm: norm_of(&weights),
                                weights,
                                sides: sides_told(&predicates),
                                predicates,
                                figures: ids_of(&c, Kind::Figure),
                                years: ids_of(&c, Kind::Year),
                                when: when.clone(),
                            }
                        })
                        .collect();
                    let predicates = of_kind(Kind::Predicate);
                    let events: Vec<u32> =
                        predicates.iter().copied().filter(|&id| is_event[id as usize]).collect();
                    // Only predicates count as planned events.
                    let planned: Vec<(u32, bool)> =
                        planned.into_iter().filter(|p| predicates.binary_search(&p.0).is_ok()).collect();
                    // A change of an amount to come from a named day or month is decided: told as
                    // to come or as done ("will lower the price it pays farmers from March" /
                    // "has reduced what it pays, starting in March", "slashes milk price") it is
                    // one decision, not a plan and its outcome.
                    let decided = |id: u32| is_change[id as usize] && takes_effect;
                    article_planned.extend(planned.iter().filter(|p| !p.1 && !decided(p.0)).map(|p| p.0));
                    let planned: Vec<u32> = planned.into_iter().map(|p| p.0).collect();
                    let title = all[a][k].kind == crate::model::BlockKind::Title;
                    let headline_present: Vec<u32> = events
                        .iter()
                        .copied()
                        .filter(|&t| {
                            title
                                && decided_change[t as usize]
                                && planned.binary_search(&t).is_err()
                                && stance.past.binary_search(&t).is_err()
                        })
                        .collect();
                    let names = of_kind(Kind::Name);
                    let roles: Vec<u32> = names.iter().copied().filter(|&id| is_role[id as usize]).collect();
                    let total = |ids: &[u32]| {
                        ids.iter()
                            .filter_map(|id| weights.binary_search_by_key(id, |w| w.0).ok())
                            .map(|i| weights[i].1)
                            .sum::<f32>()
                    };
                    let (predicate_weight, name_weight) = (total(&predicates), total(&names));
                    Features {
                        predicate_weight,
                        name_weight,
                        weights,
                        norm,
                        words,
                        predicates,
                        amounts: of_kind(Kind::Figure)
                            .into_iter()
                            .filter(|&id| amount[id as usize])
                            .collect(),
                        figures: of_kind(Kind::Figure),
                        clocks: of_kind(Kind::Clock),
                        years: of_kind(Kind::Year),
                        title,
                        lead: lead == Some(k),
                        names,
                        roles,
                        entities,
                        places,
                        counted: of_kind(Kind::Counted),
                        planned,
                        headline_present,
                        when,
                        sides: sides_told(&events),
                        events,
                        clauses,
                        stance,
                    }
                })
                .collect();
            planned_by_article.push(article_planned);
            features
        })
        .collect();
    let cancel = interner.get("cancel").copied();
    Featurised { sentences, total_sentences, features, facts, idf, planned: planned_by_article, cancel }
}

/// Rewrites each name term to the canonical spelling of its variants ([`variants`]).
fn merge_name_variants(mut raw: Vec<Vec<RawSentence>>) -> Vec<Vec<RawSentence>> {
    let mut counts: FnvMap<&str, usize> = FnvMap::default();
    for s in raw.iter().flatten() {
        for (key, kind, _) in &s.terms {
            // Entities are already one name however spelt.
            if *kind == Kind::Name && !key.starts_with(ENTITY_KEY) {
                *counts.entry(key.as_str()).or_default() += 1;
            }
        }
    }
    let mut keys: Vec<(&str, usize)> = counts.into_iter().collect();
    keys.sort_unstable();
    let canonical = super::variants::canonical_names(&keys);
    if canonical.is_empty() {
        return raw;
    }
    for s in raw.iter_mut().flatten() {
        for (key, kind, _) in &mut s.terms {
            if *kind == Kind::Name {
                if let Some(c) = canonical.get(key.as_str()) {
                    key.clone_from(c);
                }
            }
        }
        for key in s.stance.speakers.iter_mut().chain(s.stance.sources.iter_mut()) {
            if let Some(c) = canonical.get(key.as_str()) {
                key.clone_from(c);
            }
        }
    }
    raw
}

/// Words that make an announced event a further occurrence ("is expected to host *another*
/// round", "will meet *again*"): it says nothing of the occurrence being reported.
const FURTHER: &[&str] = &["another", "again", "next", "further", "more", "new"];
/// Prepositions that open where or when an announced event happens ([`planned_keys`]): a
/// [`FURTHER`] word after one describes the place ("moved to a new hub"), not the event.
const PLACE_PREPOSITIONS: &[&str] = &["to", "into", "in", "at", "from", "on"];

/// Keys of the verbs a plan marker introduces ("will *meet*", "is scheduled to *meet*",
/// "planning a *visit*", a headline's "Kadhimi to *Meet* Trump", "agreed on Monday to formally
/// *end*"): the first lower-case content word after the marker (names are skipped: "is leaving
/// for the United States to *meet*"), each with whether a [`FURTHER`] word follows it closely.
fn planned_keys(toks: &[Token<'_>], keys: &[Option<String>]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    // The words after the verb, up to a preposition: "will be moved *to a new* hub" names where
    // it goes, not a further move.
    let further = |at: usize| {
        toks.iter()
            .skip(at + 1)
            .take(3)
            .take_while(|n| !PLACE_PREPOSITIONS.contains(&n.norm.as_str()))
            .any(|n| FURTHER.contains(&n.norm.as_str()))
    };
    // Keys in context (`keys_of_tokens`): "will pull its troops out" plans a withdrawal, as
    // "will withdraw" does.
    let key_at = |at: usize| keys[at].clone().map(|k| (k, further(at)));
    for (i, tok) in toks.iter().enumerate() {
        // "Kadhimi to meet Trump", "leaves for the United States to meet": a name, then "to"
        // and a verb.
        let headline_to = tok.norm == "to" && i > 0 && toks[i - 1].text.starts_with(char::is_uppercase);
        // "sentenced Brel *to seven* years", "Corvia's inflation fell *to 3.1%*": a number after
        // "to" is where something went, never a verb to come.
        let number_follows = toks.get(i + 1).is_some_and(|n| crate::text::is_number_token(&n.norm));
        if headline_to && number_follows {
            continue;
        }
        if headline_to {
            // "on Monday to formally end": an adverb before the verb is skipped.
            let verb = (i + 1..toks.len().min(i + 3)).find(|&k| !toks[k].norm.ends_with("ly"));
            out.extend(verb.and_then(key_at));
            continue;
        }
        // "agreed on Monday to formally end": what follows the commitment's "to".
        let commit_to = if COMMIT_MARKERS.contains(&tok.norm.as_str()) {
            toks.iter().skip(i + 1).take(4).position(|n| n.norm == "to").map(|d| i + 1 + d)
        } else {
            None
        };
        // A deal's terms: each event the list names ("provides for a prisoner swap within seven
        // days and a withdrawal"); "provide" only with "for" ("provides electricity" sets no term).
        if TERMS_MARKERS.contains(&tok.norm.as_str()) {
            let from = if tok.norm.starts_with("provide") {
                match toks.get(i + 1) {
                    Some(next) if next.norm == "for" => i + 2,
                    _ => continue,
                }
            } else {
                i + 1
            };
            let end = toks.len().min(from + PLAN_WINDOW + 3);
            for (k, key) in keys.iter().enumerate().take(end).skip(from) {
                if let Some(key) = key.as_deref().filter(|key| super::terms::is_event_class(key)) {
                    out.push((key.to_string(), further(k)));
                }
            }
            continue;
        }
        // "Talks are due to resume", "the vote is expected to take place": the event named
        // before "is"/"are" is what is to come, as much as the verb after the marker.
        if commit_to.is_none() && is_plan_marker(&tok.norm) && i >= 2 {
            let be = ["is", "are", "was", "were"].contains(&toks[i - 1].norm.as_str());
            if let Some(subject) = keys[i - 2].as_deref().filter(|k| be && super::terms::is_event_class(k)) {
                out.push((subject.to_string(), further(i)));
            }
        }
        // "Work is being transferred to Tarsk": under way, not yet done, as "will move" is.
        let under_way = tok.norm == "being" && i > 0 && matches!(toks[i - 1].norm.as_str(), "is" | "are");
        // "Meltra is closing its bakery", "Fenpost is also scrapping Saturday post": a decided
        // change told in the present progressive is to come, as "will close" is.
        if matches!(tok.norm.as_str(), "is" | "are") {
            let verb = (i + 1..toks.len().min(i + 3)).find(|&k| {
                !(toks[k].norm.ends_with("ly") || matches!(toks[k].norm.as_str(), "also" | "now"))
            });
            if let Some(k) =
                verb.filter(|&k| crate::text::DECIDED_CHANGE_PROGRESSIVES.contains(&toks[k].norm.as_str()))
            {
                out.extend(key_at(k));
                continue;
            }
        }
        let (from, window, skip_adverbs) = match commit_to {
            Some(to) => (to + 1, 3, true),
            None if is_plan_marker(&tok.norm) || under_way => (i + 1, PLAN_WINDOW, false),
            None => continue,
        };
        let first_verb = (from..toks.len().min(from + window))
            .filter(|&k| {
                let n = &toks[k];
                let adverb = skip_adverbs && n.norm.ends_with("ly");
                !(n.text.starts_with(char::is_uppercase) || is_plan_marker(&n.norm) || adverb)
            })
            // After a commitment, "to" takes a verb's base form ("agreed to end"), not a noun
            // ("remained committed to talks").
            .take_while(|&k| {
                let n = &toks[k].norm;
                let inflected = (n.ends_with('s') && !n.ends_with("ss")) || n.ends_with("ing");
                !skip_adverbs || !inflected
            })
            // A determiner before any verb starts a noun phrase: what follows is a thing, not
            // what is to come ("expected *the* ban to be popular", "hopes to have *the* water
            // back on"), except after "be" ("will be *the* first meeting").
            .take_while(|&k| {
                !DETERMINERS.contains(&toks[k].norm.as_str())
                    || matches!(toks[k - 1].norm.as_str(), "be" | "been")
            })
            .find(|&k| keys[k].is_some());
        let Some(first_verb) = first_verb else { continue };
        // A modal takes its verb straight away ("will meet"); any other marker plans what comes
        // after its "to" ("expected to restore", "is leaving for Washington to meet") or an event
        // it names ("the planned elections", "set for talks"). Its bare object is a thing
        // expected, not an event to come ("economists had expected inflation of 3.4 percent",
        // "relief is not expected before Sunday, when storms ...").
        let modal = is_modal_marker(&tok.norm);
        let after_to = (from..first_verb).any(|k| toks[k].norm == "to");
        let event = keys[first_verb].as_deref().is_some_and(super::terms::is_event_class);
        if commit_to.is_none() && !modal && !after_to && !event {
            continue;
        }
        out.extend(key_at(first_verb));
        // Verbs joined to it by "and" are to come too ("will pull back their forces ... *and
        // exchange* prisoners"); only events, so "will meet Biden and ministers" plans no more.
        let scope = first_verb + 1..toks.len().min(first_verb + 1 + COORDINATED_WINDOW);
        for k in scope.filter(|&k| toks[k].norm == "and" && k + 1 < toks.len()) {
            if let Some(key) = keys[k + 1].as_deref().filter(|key| super::terms::is_event_class(key)) {
                out.push((key.to_string(), further(k + 1)));
            }
        }
    }
    out
}

/// Words that open the time from which a change takes effect ("*from* March", "*starting* in
/// March", "*effective* Monday").
const TAKES_EFFECT_FROM: &[&str] = &["from", "starting", "effective"];

/// Whether the sentence names the day or month from which what it tells takes effect: one of
/// [`TAKES_EFFECT_FROM`] with a weekday or month name within the next two words ("from January
/// 4", "starting in March"); "from 40 to 28" names none.
fn names_when_it_takes_effect(toks: &[Token<'_>]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        TAKES_EFFECT_FROM.contains(&t.norm.as_str())
            && toks.iter().skip(i + 1).take(2).any(|n| crate::text::is_calendar_word(&n.norm))
    })
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

/// The features of a sentence: content terms, figures keyed by what they count ("39 rocket
/// attacks" and "39 missiles" share `#39:attack`, "13 were released" does not) and date parts,
/// each with the token it came from (figures and dates have none).
fn sentence_terms<'t, 'a>(
    toks: &'t [Token<'a>],
    facts: &[Fact],
    clause_ids: &[u8],
    clocks: &[ClockTime],
    elsewhere: &[&(f64, String)],
) -> Vec<(Term, Option<&'t Token<'a>>, u8)> {
    let mut out: Vec<(Term, Option<&Token<'_>>, u8)> = Vec::new();
    let clause_at = |idx: usize| clause_ids.get(idx).copied().unwrap_or(0);
    // The class a percentage counts: the figure is a share, never a count of things.
    let percent = figures::percent_unit();
    let terms = terms_of_tokens(toks);
    // A clock's tokens are a time, not words ("pm" is no prime minister).
    let in_clock = |idx: usize| clocks.iter().any(|c| (c.first..=c.last).contains(&idx));
    for (term, idx) in terms {
        if !term.figure && !in_clock(idx) {
            out.push((term, toks.get(idx), clause_at(idx)));
        }
    }
    for fact in facts {
        let clause = clause_at(toks.partition_point(|t| t.start < fact.start));
        let mut keys = Vec::new();
        // A month alone is already a plain term ("october"); only full dates become figures.
        let date = |p: &DatePoint, keys: &mut Vec<String>| {
            if let (Some(m), Some(d)) = (p.month, p.day) {
                keys.push(format!("@m{m}d{d}"));
            }
            // A month of a year is a time as particular as a day ("from March 2022 to June
            // 2023" / "between March 2022 and June 2023"); the year alone is not.
            if let (Some(m), None, Some(y)) = (p.month, p.day, p.year) {
                keys.push(format!("@m{m}y{y}"));
            }
            if let Some(y) = p.year {
                keys.push(format!("{YEAR_KEY}{y}"));
            }
        };
        match &fact.value {
            FactValue::Count { value, unit, .. } => {
                // The figure, and the round figures of the other articles that write it rounded,
                // counting the same thing ("62,000 residents" is "more than 60,000 people").
                let mut values = vec![*value];
                if !unit.is_empty() && *unit != percent {
                    for (round, other) in elsewhere.iter().map(|c| (c.0, c.1.as_str())) {
                        let same_thing = other == unit || (counts_people(other) && counts_people(unit));
                        if same_thing && figures::rounds_to(round, *value) && !values.contains(&round) {
                            values.push(round);
                        }
                    }
                }
                for value in values {
                    // A large count is specific enough to be one fact whatever noun each outlet
                    // counts it by ("41,000 watched" / "41,000 fans", "1,200 jobs" / "twelve
                    // hundred workers"); a small one ("two", "11") is not. What it counts is
                    // still compared, below.
                    if value >= SPECIFIC_COUNT && *unit != percent {
                        keys.push(format!("#{value}:*"));
                    } else {
                        keys.push(format!("#{value}:{unit}"));
                    }
                    if counts_people(unit) {
                        keys.push(format!("#{value}:people"));
                    }
                }
                // What is counted, whatever the number: "5,000 US troops" and "2,500 US troops"
                // are figures about the same thing.
                if !unit.is_empty() {
                    out.push((
                        Term {
                            key: format!("#:{unit}"),
                            name: false,
                            figure: false,
                            calendar: false,
                            role: false,
                        },
                        None,
                        clause,
                    ));
                }
            }
            FactValue::Date(p) => date(p, &mut keys),
            FactValue::Range(a, b) => {
                date(a, &mut keys);
                date(b, &mut keys);
            }
        }
        out.extend(keys.into_iter().map(|key| {
            (Term { key, name: false, figure: true, calendar: false, role: false }, None, clause)
        }));
    }
    // A move between two figures is also the percentage change it makes ("dropped to 412
    // million from 502 million" / "profit falls 18%").
    for (change, at) in figures::percent_changes(toks, facts) {
        let key = format!("#{change}:{percent}");
        let clause = clause_at(toks.partition_point(|t| t.start < at));
        out.push((Term { key, name: false, figure: true, calendar: false, role: false }, None, clause));
    }
    // Clock times by their minute of the day, however written ("10 pm", "22:00").
    for clock in clocks {
        let key = format!("{CLOCK_KEY}{}", clock.minute_of_day());
        out.push((
            Term { key, name: false, figure: true, calendar: false, role: false },
            None,
            clause_at(clock.first),
        ));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{build_bundle, SourceInput};

    fn when(text: &str) -> When {
        let toks = tokens(text);
        When::of(&toks, &crate::entities::clock_times(text, &toks))
    }

    #[test]
    fn sentences_dated_differently_clash_and_shared_times_do_not() {
        assert!(when("He met the envoy on Friday.").clashes(&when("They will meet on Thursday.")));
        assert!(
            when("At the end of June, 14 were arrested.").clashes(&when("From October to July, 39 attacks."))
        );
        assert!(!when("Between March 3 and March 10.").clashes(&when("Between March 3 and June 10.")));
        assert!(!when("He took office in May.").clashes(&when("Prime minister since May 2020.")));
        // Undated on one side: no clash. "may" the verb is no month.
        assert!(!when("It may rain on Monday.").clashes(&when("It rained.")));
        assert!(when("In 2003 the war began.").clashes(&when("In 2020 the strike came.")));
    }

    #[test]
    fn midnight_is_the_moment_between_two_days() {
        let truce = when("The truce came into force at midnight on Friday.");
        assert!(!truce.clashes(&when("Fighting stopped at 00:00 on Saturday.")));
        assert!(!truce.clashes(&when("Fighting stopped on Friday night.")));
        assert!(!when("A curfew from 24:00 on Sunday.").clashes(&when("A curfew from 00:00 on Monday.")));
        // The other days stay apart, and a clock that is not midnight moves no day.
        assert!(truce.clashes(&when("Fighting stopped at 00:00 on Monday.")));
        assert!(when("Talks began at 10:00 on Friday.").clashes(&when("Talks began on Saturday.")));
    }

    fn planned(text: &str) -> Vec<(String, bool)> {
        let toks = tokens(text);
        let mut keys = planned_keys(&toks, &crate::compare::terms::keys_of_tokens(&toks));
        keys.dedup();
        keys
    }

    #[test]
    fn commitments_announce_their_verb_and_further_rounds_are_marked() {
        let key = |w: &str| crate::compare::terms::term_key(w).unwrap_or_default();
        assert_eq!(planned("They agreed on Monday to formally end the mission."), [(key("end"), false)]);
        assert!(planned("Ethiopia remained committed to talks under the African Union.").is_empty());
        assert!(planned("Principles were agreed upon.").is_empty());
        assert_eq!(planned("The union is expected to host another round."), [(key("host"), true)]);
        assert_eq!(planned("Kadhimi will meet Biden on Monday."), [(key("meet"), false)]);
        // The event before "is"/"are" is to come too; someone who is due is not an event.
        assert!(planned("Talks are due to resume on Thursday.").contains(&(key("talks"), false)));
        assert!(planned("Talks were held on Thursday.").is_empty());
        assert_eq!(planned("Officials are due to arrive on Thursday."), [(key("arrive"), false)]);
        // A deal's terms are to come, each of them; what something provides is no term.
        let terms = planned("The agreement provides for a prisoner swap within seven days and a withdrawal.");
        assert!(
            terms.contains(&(key("swap"), false)) && terms.contains(&(key("withdrawal"), false)),
            "{terms:?}"
        );
        assert!(planned("The plant provides electricity to 20,000 homes.").is_empty());
        // Verbs joined by "and" to a planned one are planned; nouns joined so are not.
        let both =
            planned("Both sides will pull back their forces from the front line and exchange prisoners.");
        assert!(both.contains(&(key("withdraw"), false)) && both.contains(&(key("swap"), false)), "{both:?}");
        assert_eq!(planned("Kadhimi will meet Biden and advisers."), [(key("meet"), false)]);
    }

    #[test]
    fn a_noun_after_a_plan_marker_is_a_thing_not_what_is_to_come() {
        let key = |w: &str| crate::compare::terms::term_key(w).unwrap_or_default();
        // A determiner opens a noun phrase: the ban is a thing, not a plan.
        assert!(planned("She said she expected the ban to be popular.").is_empty());
        // "Have the water back on" is a restoring to come, as "restore the supply" is.
        assert_eq!(
            planned("The utility hopes to have the water back on by Wednesday."),
            [(key("restore"), false)]
        );
        // A verb before the determiner is still planned, and "be" reads on past it.
        assert_eq!(
            planned("The utility hopes to restore the supply by Wednesday."),
            [(key("restore"), false)]
        );
        assert!(!planned("Officials said it will be the first meeting of the two.").is_empty());
    }

    #[test]
    fn only_a_modal_plans_its_bare_object() {
        let key = |w: &str| crate::compare::terms::term_key(w).unwrap_or_default();
        // What an expectation names without "to" is a thing expected, not an event to come.
        assert!(planned("Economists had expected inflation of 3.4 percent.").is_empty());
        assert!(planned("Relief is not expected before Sunday, when storms arrive.").is_empty());
        // After "to", or an event named, it is planned; a modal plans its verb; "should" is one.
        assert_eq!(planned("Engineers expected to restore supplies."), [(key("restore"), false)]);
        assert_eq!(planned("The planned elections were postponed."), [(key("elections"), false)]);
        assert_eq!(planned("Storms should bring cooler air."), [(key("bring"), false)]);
    }

    #[test]
    fn a_number_after_a_name_and_to_is_where_something_went_not_a_plan() {
        let key = |w: &str| crate::compare::terms::term_key(w).unwrap_or_default();
        assert!(planned("A court sentenced Brel to seven years in prison.").is_empty());
        assert!(planned("Inflation in Corvia fell to 3.1 percent.").is_empty());
        assert_eq!(planned("Kadhimi to meet Trump on Thursday"), [(key("meet"), false)]);
    }

    #[test]
    fn a_rounded_figure_meets_the_figure_it_rounds_when_it_counts_the_same_thing() {
        let pair = |round: &str| {
            scores(
                &format!("Storm report\n\nMore than {round} people were moved before the storm arrived.\n"),
                "Storm review\n\nSome 62,000 residents spent the night in schools and gyms.\n",
            )
        };
        assert!(score_of(&pair("60,000"), "More than", "Some 62,000") > 0.0);
        // 50,000 is not 62,000 rounded; nor is 60,000 tons 62,000 residents.
        assert_eq!(score_of(&pair("50,000"), "More than", "Some 62,000"), 0.0);
        let t = scores(
            "Storm report\n\nMore than 60,000 tons of grain were moved before the storm arrived.\n",
            "Storm review\n\nSome 62,000 residents spent the night in schools and gyms.\n",
        );
        assert_eq!(score_of(&t, "More than", "Some 62,000"), 0.0);
    }

    #[test]
    fn a_large_count_is_one_fact_whatever_each_outlet_counts_it_by() {
        let t = scores(
            "Final report\n\nA crowd of 41,000 watched the match in the capital.\n\n\
             A crowd of 12 watched the reserves.\n",
            "Final review\n\nMore than 41,000 fans were in the stadium.\n\n\
             Some 12 fans were in the other ground.\n",
        );
        assert!(score_of(&t, "A crowd of 41", "More than") > 0.0);
        // A small number is too common to tell facts apart by itself.
        assert_eq!(score_of(&t, "A crowd of 12", "Some 12"), 0.0);
    }

    #[test]
    fn a_percentage_is_neither_a_count_of_things_nor_a_rounding_of_another_percentage() {
        // 150 percent and 150 families share a number, not a fact: a large count meets another
        // outlet's count whatever noun it counts, a percentage does not.
        let t = scores(
            "Housing report\n\nRents in the capital rose 150 percent over the decade.\n",
            "Housing review\n\nMore than 150 families were in the shelter.\n",
        );
        assert_eq!(score_of(&t, "Rents in", "More than"), 0.0);
        // A tenth of a point is news: 4 percent is no rounding of 4.2 percent (as 62,000 people
        // may be written "more than 60,000"), so it is no nearer a fact than 7 percent is.
        let against = |rate: &str| {
            let t = scores(
                "Jobs report\n\nThe jobless rate was 4.2 percent in the north.\n",
                &format!("Jobs review\n\nThe jobless rate was {rate} percent in the south.\n"),
            );
            score_of(&t, "The jobless", "The jobless")
        };
        assert_eq!(against("4"), against("7"));
    }

    fn scores(a: &str, b: &str) -> ScoreTable {
        let files = [
            SourceInput { name: "a.txt", bytes: a.as_bytes() },
            SourceInput { name: "b.txt", bytes: b.as_bytes() },
        ];
        let built = build_bundle(&files, "");
        let mentions = [built.bundle.entities.mentions_in(0), built.bundle.entities.mentions_in(1)];
        sentence_scores(&built.bundle.articles[0], &built.bundle.articles[1], mentions)
    }

    fn score_of(t: &ScoreTable, a: &str, b: &str) -> f32 {
        let i = t.a.iter().position(|s| s.text.starts_with(a)).unwrap_or(usize::MAX);
        let j = t.b.iter().position(|s| s.text.starts_with(b)).unwrap_or(usize::MAX);
        t.scores.get(i).and_then(|row| row.get(j)).copied().unwrap_or(-1.0)
    }

    #[test]
    fn a_body_sentence_retelling_the_headlines_event_meets_the_other_headline() {
        let wire = "Vestland assembly approves tourist tax\n\nThe regional assembly of Vestland on Wednesday approved a nightly tax of 3 euros on hotel stays.\n\nThe measure passed by 41 votes to 22 after a five-hour debate.\n";
        let local = "Tourist tax wins assembly vote\n\nHotel guests in Vestland will pay 3 euros a night from May.\n\nThe speaker thanked members for a calm debate.\n";
        let t = scores(wire, local);
        assert!(score_of(&t, "The measure passed", "Tourist tax wins") >= STRONG);
        // Told by someone, the event is their account of it.
        let said = "Vestland assembly approves tourist tax\n\nThe regional assembly of Vestland on Wednesday approved a nightly tax of 3 euros on hotel stays.\n\nThe measure passed by 41 votes to 22, officials said.\n";
        assert!(score_of(&scores(said, local), "The measure passed", "Tourist tax wins") < STRONG);
    }

    #[test]
    fn different_people_doing_a_similar_thing_are_not_one_fact() {
        let t = scores(
            "Bank report\n\nGovernor Strand said inflation had slowed sharply last quarter.\n",
            "Budget report\n\nMinister Berg said budget cuts would bring inflation down.\n",
        );
        assert_eq!(score_of(&t, "Governor Strand", "Minister Berg"), 0.0);
    }

    #[test]
    fn one_event_told_on_two_weekdays_is_two_events() {
        let t = scores(
            "Talks report\n\nThe premier met the envoy in Rome on Friday to discuss the ceasefire.\n",
            "Talks preview\n\nThe premier met the envoy in Rome on Monday to discuss the ceasefire.\n",
        );
        assert_eq!(score_of(&t, "The premier", "The premier"), 0.0);
    }

    #[test]
    fn two_announcements_of_one_meeting_align_however_long() {
        let t = scores(
            "Visit preview\n\nThe Iraqi prime minister is visiting Washington and is expected to meet \
             President Trump on Thursday, with troops, rocket attacks and oil contracts on an agenda shaped by a \
             difficult first year in office.\n",
            "Trip preview\n\nThe prime minister is scheduled to meet with the US President on \
             Thursday, his office said.\n",
        );
        assert!(score_of(&t, "The Iraqi", "The prime") >= SAME_PLAN);
    }

    #[test]
    fn a_change_that_takes_effect_from_a_named_day_or_month_is_decided() {
        let decided = |s: &str| names_when_it_takes_effect(&crate::text::tokens(s));
        assert!(decided("Grannvik will lower the price it pays farmers from March."));
        assert!(decided("Grannvik has reduced what it pays, starting in March."));
        assert!(decided("Norrail will increase ticket prices from January 4."));
        assert!(!decided("Norrail will reduce its weekend trains from 40 to 28."));
    }

    #[test]
    fn opposite_events_part_sentences_but_not_a_clause_that_tells_neither() {
        let t = scores(
            "Airline results\n\nNordair's profit dropped sharply, as the cost of jet fuel weighed on the carrier.\n\n\
             Shares in Nordair fell on Monday.\n",
            "Airline update\n\nThe carrier blamed the cost of jet fuel, whose price has risen all year.\n\n\
             Shares in Nordair recovered on Monday.\n",
        );
        // "dropped" and "risen" are about different things: the clauses on the fuel's cost
        // still tell one fact.
        assert!(score_of(&t, "Nordair's profit", "The carrier") > 0.0);
        assert_eq!(score_of(&t, "Shares in", "Shares in"), 0.0);
    }

    /// The sentence pairs (first three words of each) `compare_dated` aligns for two one-file
    /// articles with the given publication dates.
    fn aligned_when(a: &str, b: &str, dates: [&str; 2]) -> Vec<(String, String)> {
        let files = [
            SourceInput { name: "a.txt", bytes: a.as_bytes() },
            SourceInput { name: "b.txt", bytes: b.as_bytes() },
        ];
        let built = build_bundle(&files, "");
        let (articles, entities) = (&built.bundle.articles, &built.bundle.entities);
        let mentions = [entities.mentions_in(0), entities.mentions_in(1)];
        let head = |s: &Sentence| s.text.split(' ').take(3).collect::<Vec<_>>().join(" ");
        crate::compare::compare_dated(
            &[&articles[0], &articles[1]],
            &mentions,
            &[Some(dates[0]), Some(dates[1])],
        )
        .pairs
        .iter()
        .map(|p| (head(&p.a_sentence), head(&p.b_sentence)))
        .collect()
    }

    #[test]
    fn an_event_told_from_two_days_of_writing_months_apart_is_two_events() {
        let a = "Visit preview\n\nPrime Minister Kadhimi will meet the US president in Washington on \
                 Thursday to discuss the future of the troops.\n\nThe factions have called for the \
                 expulsion of the 5,000 US troops deployed in the country.\n";
        let b = "Visit plans\n\nPrime Minister Kadhimi will meet the US president in Washington in \
                 July to discuss the future of the troops.\n\nThe factions have called for the \
                 expulsion of the 2,500 US troops still in the country.\n";
        let meeting = ("Prime Minister Kadhimi".to_string(), "Prime Minister Kadhimi".to_string());
        let demand = ("The factions have".to_string(), "The factions have".to_string());
        // Written a day apart, the two announcements may be one meeting.
        let near = aligned_when(a, b, ["2020-08-19", "2020-08-20"]);
        assert!(near.contains(&meeting), "{near:?}");
        // Ten months apart, "on Thursday" and "in July" are two meetings; the standing demand,
        // its figure changed over time, is still one claim.
        let far = aligned_when(a, b, ["2020-08-19", "2021-06"]);
        assert!(!far.contains(&meeting), "{far:?}");
        assert!(far.contains(&demand), "{far:?}");
    }

    #[test]
    fn a_month_inside_a_range_of_months_is_a_time_in_common() {
        let when = |s: &str| When::of(&crate::text::tokens(s), &[]);
        let range = when("The dam was filled between July and September 2022.");
        assert!(range.overlaps(&when("The dam was filled in August.")));
        assert!(!range.clashes(&when("The dam was filled in August.")));
        assert!(range.clashes(&when("The dam was filled in November.")));
        assert!(when("from March 2022 to June 2023").overlaps(&when("in April")));
        // Two months joined by "and" are two months, not a range.
        assert!(!when("in July and September").overlaps(&when("in August")));
        let t = scores(
            "Dam talks\n\nShoukry accused Ethiopia of completing the third filling of the \
             reservoir in August without consulting Cairo.\n",
            "Dam talks fail\n\nThe talks were the first since Ethiopia finished the third filling \
             of the reservoir between July and September 2022.\n",
        );
        assert!(score_of(&t, "Shoukry accused", "The talks") > 0.0);
    }

    #[test]
    fn two_events_of_one_topic_months_apart_need_an_actor_in_common() {
        let a = "Base attacks\n\nArmed factions fired rockets at US facilities near the airport, \
                 the army said.\n\nPrime Minister Kadhimi faces pressure from armed factions close to \
                 Iran.\n";
        let b = "Strikes ordered\n\nUS warplanes struck facilities of armed factions near the \
                 border, officials said.\n\nPrime Minister Kadhimi faces daily pressure from the \
                 armed factions.\n";
        let attacks = ("Armed factions fired".to_string(), "US warplanes struck".to_string());
        let pressure = ("Prime Minister Kadhimi".to_string(), "Prime Minister Kadhimi".to_string());
        // Written a day apart, the two may tell one exchange of fire.
        let near = aligned_when(a, b, ["2020-08-19", "2020-08-20"]);
        assert!(near.contains(&attacks), "{near:?}");
        // A year apart, with no one named in common, they are two events; the pressure on the
        // one man named in both is still one standing fact.
        let far = aligned_when(a, b, ["2020-08-19", "2021-06"]);
        assert!(!far.contains(&attacks), "{far:?}");
        assert!(far.contains(&pressure), "{far:?}");
    }

    #[test]
    fn a_figure_that_changed_between_two_dates_still_aligns() {
        let t = scores(
            "Strike report\n\nAbout 3,000 dock workers walked off the job at the port in March.\n",
            "Strike update\n\nSome 5,000 dock workers are on strike at the port in June.\n",
        );
        assert!(score_of(&t, "About 3,000", "Some 5,000") > 0.0);
    }

    #[test]
    fn one_span_of_hours_written_with_two_clocks_is_one_fact_and_one_hour_is_not() {
        let t = scores(
            "Curfew report\n\nThe curfew will run from 10 pm to 6 am in the old town.\n\n\
             The mayor spoke to reporters at 10 am.\n",
            "Curfew update\n\nResidents must stay indoors between 22:00 and 06:00.\n\n\
             A parcel exploded outside the station at 10:00.\n",
        );
        assert!(score_of(&t, "The curfew", "Residents must") > 0.0);
        // One hour in common, nothing done in common: two different things at ten.
        assert_eq!(score_of(&t, "The mayor", "A parcel"), 0.0);
        // A span of other hours does not open the gate either.
        let other = scores(
            "Curfew report\n\nThe curfew will run from 10 pm to 6 am in the old town.\n",
            "Curfew update\n\nResidents must stay indoors between 20:00 and 05:00.\n",
        );
        assert_eq!(score_of(&other, "The curfew", "Residents must"), 0.0);
    }

    #[test]
    fn a_span_of_months_written_two_ways_is_one_time_and_a_year_alone_is_not() {
        let t = scores(
            "Brisa recall\n\nThe repair covers Brisa vans built between March 2022 and June 2023.\n\n\
             The council built a new depot in 2022.\n",
            "Van fault\n\nAffected vehicles were made from March 2022 to June 2023.\n\n\
             A new harbour master took over in 2022.\n",
        );
        assert!(score_of(&t, "The repair", "Affected vehicles") > 0.0);
        // A year in common is a shared time, nothing more.
        assert_eq!(score_of(&t, "The council", "A new harbour"), 0.0);
    }

    #[test]
    fn who_speaks_is_a_source_not_an_actor() {
        let t = scores(
            "City news\n\nPower went out at 7:45 pm, Nordgrid spokesperson Ana Lind said.\n",
            "Evening news\n\nKorvik lost power at 19:45 on Tuesday.\n",
        );
        assert!(score_of(&t, "Power went", "Korvik lost") > 0.0);
        // Two actors doing the same thing stay apart, whoever tells it.
        let apart = scores(
            "City news\n\nBerg resigned on Monday, spokesperson Ana Lind said.\n",
            "Evening news\n\nStrand resigned as chief executive on Monday.\n",
        );
        assert_eq!(score_of(&apart, "Berg resigned", "Strand resigned"), 0.0);
    }

    #[test]
    fn calling_an_event_off_is_not_the_event() {
        let t = scores(
            "Dispute report\n\nNurses rejected the pay offer and threatened to strike next month.\n\n\
             More than 120 flights were cancelled at Velden airport.\n",
            "Dispute update\n\nThe nurses called off their strike after a pay deal.\n\n\
             Around 120 flights were scrapped at Velden airport.\n",
        );
        assert_eq!(score_of(&t, "Nurses rejected", "The nurses"), 0.0);
        // Both call something off: one fact.
        assert!(score_of(&t, "More than", "Around 120") > 0.0);
    }

    #[test]
    fn a_headline_and_the_other_articles_lead_that_tell_one_event_align() {
        let a = "Lenna harbour chief quits after ferry chaos\n\n\
                 A computer fault stranded thousands of ferry passengers in Lenna last week.\n\n\
                 Critics said the harbour chief had quit too late to repair the damage.\n";
        let b = "Lenna port in turmoil\n\n\
                 The head of the Port of Lenna, Ivo Sarr, stepped down on Friday, a week after a \
                 computer fault left thousands of passengers stranded at the terminal for two days.\n\n\
                 Sarr had led the port authority since 2015.\n";
        let t = scores(a, b);
        // The lead tells in full what the headline tells in a few words.
        assert!(score_of(&t, "Lenna harbour", "The head of") >= SAME_HEADLINE);
        // A later sentence is no lead: a headline's few words say too little to pin it.
        assert!(score_of(&t, "Critics said", "The head of") < SAME_HEADLINE);
        // A lead that announces the event is not the headline that reports it done.
        let planned = b.replace("stepped down on Friday", "will step down on Friday");
        let t = scores(a, &planned);
        assert!(score_of(&t, "Lenna harbour", "The head of") < SAME_HEADLINE);
    }

    #[test]
    fn a_headline_and_the_other_articles_lead_naming_who_in_common_align_unless_figures_differ() {
        let a = "Tarvik wakes up under curfew\n\nShops stayed shut on Monday.\n";
        let b = "Unrest in the north\n\n\
                 Authorities in Tarvik imposed a curfew from midnight on Sunday after two nights of \
                 rioting over bread prices.\n";
        // No news event in common ("wakes up" / "imposed"), but the curfew and Tarvik are.
        assert!(score_of(&scores(a, b), "Tarvik wakes", "Authorities in") >= SAME_HEADLINE);
        // Each gives a figure and none is the same: they tell different facts of one story.
        let a = "Storm Orla lashes Tarvik coast, killing at least 11\n\nShops stayed shut on Monday.\n";
        let b = "Unrest in the north\n\n\
                 Waves whipped up by Storm Orla buried eight houses on the Tarvik coast, and \
                 fishermen spent the night in a school hall with their families.\n";
        assert!(score_of(&scores(a, b), "Storm Orla", "Waves whipped") < SAME_HEADLINE);
        // Without the other figure, nothing parts them.
        let b = b.replace("eight houses", "houses");
        assert!(score_of(&scores(a, &b), "Storm Orla", "Waves whipped") >= SAME_HEADLINE);
    }

    #[test]
    fn a_decision_with_the_amount_it_sets_in_both_is_one_fact_however_each_tells_it() {
        let plan =
            "Meltra to close Vasby bakery, cutting 240 jobs\n\nFood group Meltra will close its bakery.\n";
        let told = "240 jobs go as Meltra shuts Vasby bakery\n\nStaff heard the news yesterday.\n";
        assert!(score_of(&scores(plan, told), "Meltra to", "240 jobs") >= ALIGN_THRESHOLD);
        // Without the amount, a headline's present "shuts" is still the decision (it announces
        // as often as it reports); a closure told in the past is its outcome.
        let told = "Meltra shuts Vasby bakery\n\nMeltra closed its Vasby bakery on Friday.\n";
        let t = scores(plan, told);
        assert!(score_of(&t, "Meltra to", "Meltra shuts") >= ALIGN_THRESHOLD);
        assert_eq!(score_of(&t, "Meltra to", "Meltra closed"), 0.0);
    }

    #[test]
    fn a_headline_and_the_other_articles_lead_stay_aligned_beside_better_partners() {
        let t = scores(
            "Tarvik wakes up under curfew\n\n\
             A curfew took effect in Tarvik at midnight on Sunday after two nights of rioting.\n\n\
             Shops stayed shut on Monday.\n\nBuses ran empty through the old town.\n",
            "Unrest in the north\n\n\
             Authorities in Tarvik imposed a curfew from midnight on Sunday after two nights of \
             rioting over bread prices.\n\nPolice arrested 40 people.\n\nMarkets were quiet.\n",
        );
        // The headline's lead is a better partner of the other lead, yet the headline sums up
        // that lead too: strong enough to be kept beside it.
        assert!(
            score_of(&t, "A curfew took", "Authorities in") > score_of(&t, "Tarvik wakes", "Authorities in")
        );
        assert!(score_of(&t, "Tarvik wakes", "Authorities in") >= STRONG);
    }

    #[test]
    fn the_two_leads_that_tell_one_event_align() {
        let a = "Port chief quits\n\n\
                 The head of the Port of Lenna, Ivo Sarr, stepped down on Friday, a week after a \
                 computer fault stranded thousands of ferry passengers at the terminal for two days.\n\n\
                 Sarr called the fault his responsibility.\n";
        let b = "Turmoil at Lenna harbour\n\n\
                 Ivo Sarr has resigned as head of the Port of Lenna, the harbour authority said on \
                 Friday.\n\n\
                 Critics of the Port of Lenna said Ivo Sarr had resigned far too late.\n";
        let t = scores(a, b);
        // Each lead tells its article's main event: one fact, however differently worded.
        assert!(score_of(&t, "The head of", "Ivo Sarr has") >= SAME_HEADLINE);
        // A later sentence on the same event is no lead.
        assert!(score_of(&t, "The head of", "Critics of") < SAME_HEADLINE);
    }

    #[test]
    fn two_headlines_that_share_the_event_and_clash_in_nothing_align() {
        let t = scores(
            "Blackout leaves 400,000 without power in Korvik\n\nTrams stopped running on Tuesday evening.\n",
            "Korvik plunged into darkness\n\nCommuters walked home on Tuesday evening.\n",
        );
        assert!(score_of(&t, "Blackout", "Korvik plunged") >= SAME_HEADLINE);
        // Headlines that clash (a strike threatened, a strike called off) stay apart.
        let t = scores(
            "Nurses reject pay offer, threaten strike\n\nTalks failed on Monday.\n",
            "Lanmark nurses call off strike after pay deal\n\nThe deal was signed on Friday.\n",
        );
        assert_eq!(score_of(&t, "Nurses reject", "Lanmark nurses"), 0.0);
    }

    #[test]
    fn a_past_fact_told_in_both_is_no_plan_whatever_the_article_announces() {
        // The second article announces a loss to come elsewhere ("would lose"); its quote of the
        // past losses is still the fact the first article quotes.
        let t = scores(
            "Plant to close\n\n\"The plant has lost money for five straight years,\" chief executive Mara Lind said.\n",
            "Town fears closure\n\nMara Lind said the site had been losing money for five years in a row.\n\nThe mayor said the town would lose its biggest employer.\n",
        );
        assert!(score_of(&t, "\"The plant", "Mara Lind said") >= ALIGN_THRESHOLD);
    }

    #[test]
    fn a_role_the_other_sentence_names_is_no_other_actor() {
        let t = scores(
            "Plant news\n\nThe IG Ostrel union called the closure a betrayal.\n",
            "Town news\n\nUnion leaders described the decision as a betrayal.\n",
        );
        assert!(score_of(&t, "The IG Ostrel", "Union leaders") >= ALIGN_THRESHOLD);
        // A role the other sentence does not name stays an actor of its own.
        let apart = scores(
            "City news\n\nThe finance minister resigned on Monday.\n",
            "Evening news\n\nStrand resigned on Monday.\n",
        );
        assert_eq!(score_of(&apart, "The finance", "Strand resigned"), 0.0);
    }

    #[test]
    fn a_number_word_opening_a_sentence_is_a_figure_not_a_name() {
        let t = scores(
            "Landslide news\n\nGovernor Ilse Varga said about 40 people were still missing.\n",
            "Search news\n\nTwenty-one people remain unaccounted for.\n",
        );
        assert!(score_of(&t, "Governor", "Twenty-one") > 0.0);
    }

    #[test]
    fn two_headlines_of_one_event_naming_different_places_align() {
        let t = scores(
            "Landslide buries homes in Kestra hill town, killing 12\n\nRain fell for days.\n",
            "Morava death toll rises to 19 as search goes on\n\nRescuers dug all night.\n",
        );
        assert!(score_of(&t, "Landslide buries", "Morava death") >= SAME_HEADLINE);
    }

    #[test]
    fn work_under_way_is_not_yet_done() {
        let t = scores(
            "Plant news\n\nProduction of the Corvan Vista will move to the group's factory in Tarsk.\n",
            "Town news\n\nWork on the Vista model is being transferred to Tarsk.\n",
        );
        assert!(score_of(&t, "Production", "Work on") >= ALIGN_THRESHOLD);
    }

    #[test]
    fn a_participle_describing_a_thing_tells_no_opposite_event() {
        let t = scores(
            "Plant news\n\nThe company blamed falling demand for petrol cars and the high cost of energy.\n",
            "Town news\n\nCorvan blamed weak demand for petrol models and soaring energy bills.\n",
        );
        assert!(score_of(&t, "The company", "Corvan blamed") >= ALIGN_THRESHOLD);
        // Told as what happened, the opposite events still part two sentences.
        let apart = scores(
            "Plant news\n\nDemand for petrol cars fell sharply in March, the company said.\n",
            "Town news\n\nDemand for petrol cars soared in March, the company said.\n",
        );
        assert_eq!(score_of(&apart, "Demand", "Demand"), 0.0);
    }
}
