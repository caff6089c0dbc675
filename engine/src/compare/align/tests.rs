//! Alignment tests: times, plans, clauses, headlines and whole article pairs as a reader sees them.

use super::*;
use crate::{build_bundle, SourceInput};

fn when(text: &str) -> When {
    let toks = tokens(text);
    When::of(&toks, &crate::entities::clock_times(text, &toks))
}

#[test]
fn sentences_dated_differently_clash_and_shared_times_do_not() {
    assert!(when("He met the envoy on Friday.").clashes(&when("They will meet on Thursday.")));
    assert!(when("At the end of June, 14 were arrested.").clashes(&when("From October to July, 39 attacks.")));
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
    let both = planned("Both sides will pull back their forces from the front line and exchange prisoners.");
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
    assert_eq!(planned("The utility hopes to restore the supply by Wednesday."), [(key("restore"), false)]);
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
    crate::compare::compare_dated(&[&articles[0], &articles[1]], &mentions, &[Some(dates[0]), Some(dates[1])])
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
    let plan = "Meltra to close Vasby bakery, cutting 240 jobs\n\nFood group Meltra will close its bakery.\n";
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
    assert!(score_of(&t, "A curfew took", "Authorities in") > score_of(&t, "Tarvik wakes", "Authorities in"));
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
