//! A sentence's features: its weighted terms by kind, its clauses and stance, and how one
//! sentence's terms are read before weighting.

use super::*;

/// What kind of evidence a term is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
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
pub(super) struct Features {
    /// (interned term id, weight), sorted by id.
    pub(super) weights: Vec<(u32, f32)>,
    pub(super) norm: f32,
    /// The folded words, so identical sentences match whatever their length.
    pub(super) words: Vec<String>,
    /// Ids of its predicate terms, sorted.
    pub(super) predicates: Vec<u32>,
    /// Ids of its figure terms (value and what is counted), sorted.
    pub(super) figures: Vec<u32>,
    /// Ids of its figure terms that state an amount ([`is_amount`]): a subset of `figures`.
    pub(super) amounts: Vec<u32>,
    /// Ids of its clock times, sorted.
    pub(super) clocks: Vec<u32>,
    /// Ids of the years it names alone ("since 2016"), sorted.
    pub(super) years: Vec<u32>,
    /// It is its article's title.
    pub(super) title: bool,
    /// It is its article's lead: the first sentence of its body.
    pub(super) lead: bool,
    /// Ids of its name terms (names and roles: who), sorted.
    pub(super) names: Vec<u32>,
    /// Ids of its role terms ("governor", "union leaders"), sorted: a subset of `names`.
    pub(super) roles: Vec<u32>,
    /// Ids of the people and organisations its names link to (entity layer), sorted; not in
    /// `weights`.
    pub(super) entities: Vec<u32>,
    /// Ids of the places its names link to (entity layer), sorted; not in `weights`.
    pub(super) places: Vec<u32>,
    /// Summed weight of its predicate terms.
    pub(super) predicate_weight: f32,
    /// Summed weight of its name terms.
    pub(super) name_weight: f32,
    /// Ids of what its figures count ("troop" in "5,000 US troops"), sorted.
    pub(super) counted: Vec<u32>,
    /// Ids of its news event classes ("meet", "kill", "agree"), sorted: what happened.
    pub(super) events: Vec<u32>,
    /// Ids of the predicates it announces as to come ("will *meet*", "is scheduled to *meet*"),
    /// sorted.
    pub(super) planned: Vec<u32>,
    /// Ids of the decided changes a headline tells in the present ("Students fume as Brevik
    /// *scraps* night buses"), sorted: a headline's present announces a decision as often as it
    /// reports one done, so it agrees with "will scrap" and with "scrapped".
    pub(super) headline_present: Vec<u32>,
    /// The weekdays, months and years it names: when its fact happened.
    pub(super) when: When,
    /// Which sides of opposite event pairs it tells ([`event_sides`]: fell / recovered).
    pub(super) sides: u8,
    /// Its clauses with enough terms to state a fact, when it has two or more (see `clauses.rs`).
    pub(super) clauses: Vec<Clause>,
    /// What it tells as to come, as done, as another occurrence, and who speaks.
    pub(super) stance: StanceIds,
}

/// A sentence's [`Stance`] as interned term ids, each list sorted.
#[derive(Default)]
pub(super) struct StanceIds {
    pub(super) modal: Vec<u32>,
    pub(super) past: Vec<u32>,
    pub(super) another: Vec<u32>,
    pub(super) plural: Vec<u32>,
    pub(super) speakers: Vec<u32>,
    pub(super) sources: Vec<u32>,
    pub(super) attributive: Vec<u32>,
    pub(super) identifying: Vec<u32>,
    pub(super) said: bool,
}

/// One clause's weighted terms.
pub(super) struct Clause {
    /// (interned term id, weight), sorted by id.
    pub(super) weights: Vec<(u32, f32)>,
    pub(super) norm: f32,
    /// Ids of its predicate terms, sorted.
    pub(super) predicates: Vec<u32>,
    /// Ids of its figure terms, sorted.
    pub(super) figures: Vec<u32>,
    /// Ids of the years it names alone, sorted.
    pub(super) years: Vec<u32>,
    /// The weekdays, months and years it names.
    pub(super) when: When,
    /// Which sides of opposite event pairs it tells.
    pub(super) sides: u8,
}

/// How a term's word is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
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
pub(super) fn is_title_case(toks: &[Token<'_>]) -> bool {
    let long: Vec<&Token<'_>> = toks.iter().filter(|t| t.text.chars().count() > 3).collect();
    let caps = long.iter().filter(|t| t.text.starts_with(char::is_uppercase)).count();
    long.len() >= 2 && caps * 3 >= long.len() * 2
}

/// One sentence's terms before weighting: (term key, kind) and the planned predicate keys.
pub(super) struct RawSentence {
    /// (term key, kind, clause index).
    pub(super) terms: Vec<(String, Kind, u8)>,
    /// When it says its fact happened.
    pub(super) when: When,
    /// Per clause, when it says its fact happened.
    pub(super) clause_when: Vec<When>,
    /// Planned predicate keys, each with whether it is a further occurrence ([`planned_keys`]).
    pub(super) planned: Vec<(String, bool)>,
    /// Whether it names the day or month from which what it tells takes effect ("from March",
    /// [`names_when_it_takes_effect`]).
    pub(super) takes_effect: bool,
    pub(super) words: Vec<String>,
    /// What it tells as to come, as done, as another occurrence, and who speaks.
    pub(super) stance: Stance,
}

/// The prefix of a clock time's term key ("@c1320" for 22:00 and 10 pm).
pub(super) const CLOCK_KEY: &str = "@c";
/// The prefix of a year's term key ("@y2025").
pub(super) const YEAR_KEY: &str = "@y";
/// The prefix of a term key that stands for an entity of the entity layer ("&e12"): every name
/// linked to it, however written ("Hashed al-Shaabi", "Popular Mobilization Forces", "PMF").
pub(super) const ENTITY_KEY: &str = "&e";
/// The prefix of a place entity's key ("&ep7"); it begins with [`ENTITY_KEY`], so a place is an
/// entity everywhere else.
pub(super) const PLACE_KEY: &str = "&ep";
/// Linked places two sentences must share to count as a name in common. A place is where
/// something happened, not who did it: news about one country names it in nearly every sentence
/// ("Iraq", "Baghdad", "Washington" for the US), so one shared place is a shared setting, while a
/// person or an organisation linked in both is a shared actor. Two places in common ("attacks
/// on US forces in Iraq") pin a fact's setting closely enough to count.
pub(super) const SHARED_PLACES: usize = 2;

/// The entity linked to the raw range `start..end` and its kind, from an article's mentions
/// (sorted by start, never overlapping): only person, organisation and place mentions linked to an
/// entity count.
pub(super) fn entity_at(mentions: &[Mention], start: usize, end: usize) -> Option<(u32, MentionKind)> {
    let at = mentions.partition_point(|m| m.start as usize <= start).checked_sub(1)?;
    let m = &mentions[at];
    (m.kind().is_name() && end <= m.end as usize).then_some(m.entity()).flatten().map(|e| (e, m.kind()))
}

/// The features of a sentence: content terms, figures keyed by what they count ("39 rocket
/// attacks" and "39 missiles" share `#39:attack`, "13 were released" does not) and date parts,
/// each with the token it came from (figures and dates have none).
pub(super) fn sentence_terms<'t, 'a>(
    toks: &'t [Token<'a>],
    facts: &[Fact],
    clause_ids: &[u8],
    clocks: &[ClockTime],
    elsewhere: &[&(f64, String, Option<f64>)],
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
            FactValue::Count { value, unit, up_to, .. } => {
                // The figure, and the round figures of the other articles that write it rounded,
                // counting the same thing ("62,000 residents" is "more than 60,000 people"), and
                // their approximate counts that cover it ("about 40 ships" is "dozens of ships",
                // keyed by the least they read as).
                let mut values = vec![*value];
                let mut covered_by = Vec::new();
                if !unit.is_empty() && *unit != percent {
                    for (round, other, most) in elsewhere.iter().map(|c| (c.0, c.1.as_str(), c.2)) {
                        let same_thing = other == unit || (counts_people(other) && counts_people(unit));
                        let covers = most.is_some_and(|most| (round..=most).contains(value));
                        if same_thing && up_to.is_none() && covers && !covered_by.contains(&round) {
                            covered_by.push(round);
                        } else if same_thing
                            && most.is_none()
                            && figures::rounds_to(round, *value)
                            && !values.contains(&round)
                        {
                            values.push(round);
                        }
                    }
                }
                let approximate = up_to.is_some();
                for (value, approximate) in values
                    .into_iter()
                    .map(|v| (v, approximate))
                    .chain(covered_by.into_iter().map(|v| (v, true)))
                {
                    // A large count is specific enough to be one fact whatever noun each outlet
                    // counts it by ("41,000 watched" / "41,000 fans", "1,200 jobs" / "twelve
                    // hundred workers"); a small one ("two", "11") is not, nor an approximate one
                    // ("hundreds of workers"). What it counts is still compared, below.
                    if value >= SPECIFIC_COUNT && *unit != percent && !approximate {
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
