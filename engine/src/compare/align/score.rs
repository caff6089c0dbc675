//! The fact score of a sentence pair and the evidence it is made of.

use super::*;

/// Every sentence-pair score between two articles, as [`compare`](crate::compare::compare) computes them
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
/// with each article's entity mentions as in [`compare_dated`](crate::compare::compare_dated).
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
pub(super) type FactLists = Vec<Vec<Vec<Fact>>>;

/// Everything [`align`] needs about the compared articles.
pub(super) struct Featurised {
    pub(super) sentences: Vec<Vec<Sentence>>,
    pub(super) total_sentences: Vec<usize>,
    pub(super) features: Vec<Vec<Features>>,
    pub(super) facts: FactLists,
    /// Inverse sentence frequency per term id.
    pub(super) idf: Vec<f32>,
    /// Per article: predicate ids it announces as planned somewhere.
    pub(super) planned: Vec<HashSet<u32>>,
    /// The id of the event class of calling something off ("cancelled", "called off",
    /// "scrapped"), when any compared sentence has it.
    pub(super) cancel: Option<u32>,
}

impl Featurised {
    /// The fact score of sentence `x` of article `ax` and `y` of article `ay`.
    /// `apart`: the two articles were written months apart ([`crate::compare::timing::written_apart`]).
    pub(super) fn score(&self, ax: usize, x: &Features, ay: usize, y: &Features, apart: bool) -> f32 {
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
            if e.shared_figure && e.shared_events > 0 {
                return cosine.max(SAME_EVENT_AND_FIGURE);
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
    pub(super) fn evidence(&self, ax: usize, x: &Features, ay: usize, y: &Features) -> Evidence {
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
    pub(super) fn tell_the_headlines_event(
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
    pub(super) fn clause_cosine(&self, x: &Features, y: &Features) -> f32 {
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
    pub(super) fn plan_meets_outcome(&self, ax: usize, ay: usize, t: u32) -> bool {
        self.planned[ax].contains(&t) != self.planned[ay].contains(&t)
    }
}
