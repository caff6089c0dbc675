//! Checks on a sentence pair that the score reads: times, actors, amounts, headline events,
//! and merging sorted id lists.

use super::*;

/// True when a figure term's key ("#240:*", "#6:percent") states an amount: a share, or a
/// figure at least [`SPECIFIC_COUNT`] large. A small count ("#2:leader") is not one.
pub(super) fn is_amount(key: &str) -> bool {
    let Some((value, unit)) = key.strip_prefix('#').and_then(|k| k.split_once(':')) else { return false };
    unit == figures::percent_unit() || value.parse::<f64>().is_ok_and(|v| v >= SPECIFIC_COUNT)
}

/// True when a sentence tells its fact at a time counted from its day of writing: a weekday,
/// a relative time ("recently", "this week") or an event announced as to come ("will meet").
pub(super) fn dated_from_writing(f: &Features) -> bool {
    f.when.weekdays != 0 || f.when.relative || !f.planned.is_empty()
}

/// Two sentences of articles written months apart, one of which tells its fact at a time
/// counted from its day of writing ("expected to meet President Trump Thursday" / "will travel
/// to Washington in July and meet President Biden"): two different times, so two facts. A
/// figure about the same thing (a change over time), a time both name ("on Wednesday") or
/// nearly the same wording with no time named (a vow repeated months later: "the strike would
/// continue until ...") keeps them one fact.
pub(super) fn told_at_two_times(x: &Features, y: &Features, e: &Evidence) -> bool {
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
pub(super) fn no_actor_in_common(x: &Features, y: &Features, e: &Evidence) -> bool {
    !shares(&x.entities, &y.entities)
        && !e.shared_figure
        && !shares(&x.counted, &y.counted)
        && !x.when.overlaps(&y.when)
        && e.cosine < SAME_WORDING
}

/// Number of distinct figure terms (a value and what it counts) the two articles both state.
pub(super) fn shared_figures(a: &[Features], b: &[Features]) -> usize {
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
pub(super) struct Part<'f> {
    pub(super) weights: &'f [(u32, f32)],
    pub(super) norm: f32,
    pub(super) predicates: &'f [u32],
    pub(super) figures: &'f [u32],
    pub(super) years: &'f [u32],
    pub(super) when: &'f When,
    pub(super) sides: u8,
}

/// A clause and a sentence or clause that name a year in common and something else in common
/// (who, or what is done): "Grell, *who has been mayor since 2016*, denies wrongdoing" tells
/// "Grell, 58, has been mayor since 2016" in a clause of its own. A year alone is a shared time,
/// not a shared fact.
pub(super) fn dated_alike(x: &Part<'_>, y: &Part<'_>) -> bool {
    if !shares(x.years, y.years) {
        return false;
    }
    // The terms both have, the year among them.
    let in_common = merge(x.weights, y.weights, |_, _| 1.0);
    in_common >= 2.0
}

/// The whole sentence (index 0), then its clauses.
pub(super) fn parts(f: &Features) -> impl Iterator<Item = (usize, Part<'_>)> {
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
pub(super) fn decided_change_keys() -> HashSet<String> {
    crate::text::DECIDED_CHANGE_PROGRESSIVES
        .iter()
        .filter_map(|w| crate::compare::terms::term_key(w))
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
pub(super) fn tell_the_main_event(x: &Features, y: &Features, e: &Evidence) -> bool {
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
pub(super) fn identifying_clash(x: &Features, y: &Features) -> bool {
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
pub(super) fn actor_clash(e: &Evidence) -> bool {
    e.actor_x > 0.0
        && e.actor_y > 0.0
        && e.name_shared == 0.0
        && !e.shared_entity
        && e.shared_predicates < 2
        && !e.shared_figure
}

pub(super) fn merge(x: &[(u32, f32)], y: &[(u32, f32)], f: impl Fn(f32, f32) -> f32) -> f32 {
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
pub(super) fn shares(x: &[u32], y: &[u32]) -> bool {
    let mut any = false;
    for_each_shared(x, y, |_| any = true);
    any
}

/// Calls `f` with each id in both sorted lists (no allocation: this runs for every candidate pair).
pub(super) fn for_each_shared(x: &[u32], y: &[u32], mut f: impl FnMut(u32)) {
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
