//! The pictures' numbers on the seed corpus (the answers a reader should read off them) and on
//! invented corpora (folding outlets, vague dates, zoom).

use parallax_engine::entities::EntityKind;
use parallax_engine::{build_bundle, Bundle, SourceInput};

use super::basis::Basis;
use super::coverage::{story_matrix, StoryOrder, MAX_ROWS};
use super::entities::{entity_matrix, EntityCell, EntityOrder};
use super::minimap::{minimap, Tick};
use super::outlets::{Outlet, OutletColumns};
use super::timeline::{entity_timeline, timeline, Place, When, Zoom};

const SEED: &[(&str, &[u8])] = &[
    ("000_2d3b9b3467db4aba.txt", include_bytes!("../../../corpus/raw/000_2d3b9b3467db4aba.txt")),
    ("001_d2e19b6ea0786cc9.txt", include_bytes!("../../../corpus/raw/001_d2e19b6ea0786cc9.txt")),
    ("002_c04a330116f36208.txt", include_bytes!("../../../corpus/raw/002_c04a330116f36208.txt")),
    ("003_36608b7a05c5052e.txt", include_bytes!("../../../corpus/raw/003_36608b7a05c5052e.txt")),
    ("004_36f5514f5c1125ed.txt", include_bytes!("../../../corpus/raw/004_36f5514f5c1125ed.txt")),
];

fn seed() -> Bundle {
    let sources: Vec<SourceInput<'_>> =
        SEED.iter().map(|(name, bytes)| SourceInput { name, bytes }).collect();
    build_bundle(&sources, include_str!("../../../corpus/entities.toml")).bundle
}

fn named(col: &Outlet) -> &str {
    match col {
        Outlet::Named(n) => n,
        Outlet::Others(_) => "(others)",
        Outlet::NotStated => "(not stated)",
    }
}

/// `n` invented articles, the i-th from `outlet(i)` (None: not stated).
fn invented(n: usize, outlet: impl Fn(usize) -> Option<String>) -> Bundle {
    let files: Vec<(String, String)> = (0..n)
        .map(|i| {
            (
                format!("{i:03}.txt"),
                format!("Report {i} on the harbour\n\nThe harbour reopened on day {i}.\n"),
            )
        })
        .collect();
    let sources: Vec<SourceInput<'_>> =
        files.iter().map(|(n, t)| SourceInput { name: n, bytes: t.as_bytes() }).collect();
    let mut bundle = build_bundle(&sources, "").bundle;
    for (i, article) in bundle.articles.iter_mut().enumerate() {
        article.outlet = outlet(i).map(|name| parallax_engine::model::Attribution {
            name,
            evidence: String::new(),
            start: 0,
            end: 0,
        });
    }
    bundle
}

#[test]
fn the_white_house_visit_row_shows_every_outlet_that_covered_it() {
    let bundle = seed();
    let basis = Basis::new(&bundle);
    let outlets = &basis.outlets;
    let matrix = story_matrix(&bundle, &basis, StoryOrder::MostOutlets, MAX_ROWS, &|i| {
        bundle.articles[i].word_count()
    });
    let first = &matrix.rows[0];
    assert!(bundle.stories[first.story].label.contains("Trump"), "{}", bundle.stories[first.story].label);
    let covering: Vec<&str> = first
        .cells
        .iter()
        .zip(&matrix.columns)
        .filter(|(c, _)| !c.articles.is_empty())
        .map(|(_, col)| named(col))
        .collect();
    assert_eq!(covering, ["Asharq Al-Awsat", "Global Village Space", "(not stated)"]);
    assert_eq!(first.outlets, 3);
    assert!(first.cells.iter().all(|c| c.articles.is_empty() || c.words > 100), "words are counted");
    // "Compare coverage" opens one report from each outlet.
    let compared: Vec<usize> = first.compare.iter().map(|&i| outlets.column_of(i)).collect();
    assert_eq!(compared.len(), 3);
    assert!(compared.iter().all(|c| compared.iter().filter(|d| *d == c).count() == 1), "{compared:?}");
}

#[test]
fn fewest_outlets_first_lists_the_stories_only_one_outlet_covered() {
    let bundle = seed();
    let basis = Basis::new(&bundle);
    let matrix = story_matrix(&bundle, &basis, StoryOrder::FewestOutlets, MAX_ROWS, &|i| {
        bundle.articles[i].word_count()
    });
    let single: Vec<&str> = matrix
        .rows
        .iter()
        .filter(|r| r.outlets == 1)
        .map(|r| bundle.stories[r.story].label.as_str())
        .collect();
    assert_eq!(single.len(), 2, "{single:?}");
    assert!(single.iter().any(|l| l.contains("Qaani")) && single.iter().any(|l| l.contains("French")));
    assert_eq!(matrix.rows[0].outlets, 1, "single-outlet stories come first");
    assert_eq!(matrix.total_rows, bundle.stories.len());
}

#[test]
fn the_pmf_row_shows_which_spelling_each_outlet_uses() {
    let bundle = seed();
    let basis = Basis::new(&bundle);
    let matrix = entity_matrix(&bundle, &basis, Some(EntityKind::Org), EntityOrder::Mentions, 500);
    let Some(pmf) =
        matrix.rows.iter().find(|r| bundle.entities.entities[r.entity].id == "popular-mobilization-forces")
    else {
        panic!("the PMF has a row")
    };
    let by_outlet: Vec<(&str, Vec<&str>)> = pmf
        .cells
        .iter()
        .zip(&matrix.columns)
        .filter(|(c, _)| c.mentions > 0)
        .map(|(c, col)| (named(col), c.spellings.iter().map(|s| s.0.as_str()).collect()))
        .collect();
    // Every spelling shown is one the outlet wrote, and the counts add up to the row.
    assert!(by_outlet.len() >= 2, "{by_outlet:?}");
    let total: usize = pmf.cells.iter().flat_map(|c| c.spellings.iter().map(|s| s.1)).sum();
    assert_eq!(total, pmf.mentions);
    let all: Vec<&str> = by_outlet.iter().flat_map(|(_, s)| s.iter().copied()).collect();
    assert!(all.iter().any(|s| s.contains("Hashd") || s.contains("Hashed")), "{by_outlet:?}");
    assert!(all.iter().any(|s| *s == "PMF" || s.contains("Popular Mobili")), "{by_outlet:?}");
}

#[test]
fn entity_rows_sort_by_mentions_by_name_and_by_one_outlet() {
    let bundle = seed();
    let basis = Basis::new(&bundle);
    let by_mentions = entity_matrix(&bundle, &basis, None, EntityOrder::Mentions, 10);
    assert!(by_mentions.rows.windows(2).all(|w| w[0].mentions >= w[1].mentions));
    assert_eq!(by_mentions.rows.len(), 10);
    assert!(by_mentions.total_rows > 10);
    let by_name = entity_matrix(&bundle, &basis, None, EntityOrder::Name, 500);
    let names: Vec<String> = by_name
        .rows
        .iter()
        .map(|r| parallax_engine::text::fold(&bundle.entities.entities[r.entity].name))
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]));
    let gvs = by_mentions.columns.iter().position(|c| named(c) == "Global Village Space").unwrap_or(0);
    let by_gvs = entity_matrix(&bundle, &basis, None, EntityOrder::Column(gvs), 500);
    assert!(by_gvs.rows.windows(2).all(|w| w[0].cells[gvs].mentions >= w[1].cells[gvs].mentions));
    let people = entity_matrix(&bundle, &basis, Some(EntityKind::Person), EntityOrder::Mentions, 500);
    assert!(people.rows.iter().all(|r| bundle.entities.entities[r.entity].kind == EntityKind::Person));
}

#[test]
fn outlets_past_the_tenth_fold_into_one_column_and_unstated_ones_keep_theirs() {
    // Outlet k publishes k + 1 articles; article 0 and every 7th states no outlet.
    let bundle = invented(60, |i| (i % 7 != 0).then(|| format!("Outlet {:02}", (i * 7) % 13)));
    let outlets = OutletColumns::new(&bundle, 4);
    let named_cols = outlets.columns.iter().filter(|c| matches!(c, Outlet::Named(_))).count();
    assert_eq!(named_cols, 4);
    assert!(matches!(outlets.columns[4], Outlet::Others(9)), "{:?}", outlets.columns);
    assert_eq!(outlets.columns.last(), Some(&Outlet::NotStated));
    assert_eq!(outlets.articles.iter().sum::<usize>(), bundle.articles.len(), "every article in one column");
    assert!(outlets.articles[..4].windows(2).all(|w| w[0] >= w[1]), "biggest outlets first");
    assert_eq!(outlets.column_of(0), 5, "article 0 states no outlet");
    let everyone = OutletColumns::new(&bundle, 100);
    assert!(!everyone.columns.iter().any(|c| matches!(c, Outlet::Others(_))));
}

#[test]
fn a_date_lands_in_its_bin_and_a_vaguer_one_spans_the_window() {
    let bundle = seed();
    let basis = Basis::new(&bundle);
    let outlets = &basis.outlets;
    let years = timeline(&bundle, &basis, Zoom::Years);
    let labels: Vec<i32> = years.bins.iter().map(|b| b.when.year).collect();
    assert_eq!(labels.first(), Some(&2020));
    assert_eq!(labels.last(), Some(&2025));
    let in_2020: usize =
        years.lanes.iter().map(|l| l.cells[0].stated.len() + l.cells[0].estimated.len()).sum();
    assert_eq!(in_2020, 3, "three reports of the August 2020 visit");
    assert_eq!(years.undated, 1, "the Qaani article has no date");
    let days = timeline(&bundle, &basis, Zoom::Month(2020, 8));
    let gvs = outlets.columns.iter().position(|c| named(c) == "Global Village Space").unwrap_or(0);
    // Every seed date is estimated (no page states one), so every mark is drawn hollow.
    assert_eq!(days.lanes[gvs].cells[18].estimated.len(), 1, "Global Village Space on 19 August");
    assert!(days.lanes.iter().all(|l| l.cells.iter().all(|c| c.stated.is_empty())));
    let vague: usize = days.lanes.iter().map(|l| l.vague.estimated.len()).sum();
    assert_eq!(vague, 2, "the other two are known to the month only");
    assert_eq!(days.place(When { year: 2020, month: Some(9), day: None }), Place::Outside);
    assert!(days.spans.iter().any(|s| bundle.stories[s.story].label.contains("Trump")));
    // "Between August 4 and 18" (no year in the text: the article's year) is an event in August.
    let months = timeline(&bundle, &basis, Zoom::Year(2020));
    let august = months.events.iter().find(|e| e.bin == 7).map(|e| e.mentions.len()).unwrap_or(0);
    assert!(august >= 1, "{:?}", months.events);
    assert!(months.events.iter().flat_map(|e| &e.mentions).all(|m| m.article < bundle.articles.len()));
}

#[test]
fn an_entity_timeline_weighs_marks_by_mentions() {
    let bundle = seed();
    let basis = Basis::new(&bundle);
    let Some(kadhimi) = bundle.entities.find_by_alias("Kadhimi").first().copied() else { panic!("Kadhimi") };
    let t = entity_timeline(&bundle, &basis, Zoom::Years, kadhimi);
    let weight: usize = t.lanes.iter().flat_map(|l| l.cells.iter().chain([&l.vague])).map(|c| c.weight).sum();
    let dated_mentions =
        bundle.entities.mentions_of(kadhimi).filter(|m| bundle.date_of(m.article as usize).is_some()).count();
    assert_eq!(weight, dated_mentions);
}

#[test]
fn the_overview_marks_the_conflicting_rows_of_the_white_house_comparison() {
    let bundle = seed();
    let story = bundle.stories.iter().find(|s| s.label.contains("Trump")).cloned();
    let Some(story) = story else { panic!("the visit story") };
    // Global Village Space and the unattributed report: their troop figures differ, which the
    // dates explain (a count that changed), so the overview points at that row, not a conflict.
    let ids = ["iraq-pm-visits-white-house-us".to_string(), "iraqi-pm-al-kadhimi-to-meet".to_string()];
    assert!(ids.iter().all(|id| story.articles.contains(id)));
    let view = crate::compare_view::compare_view(&bundle, &ids).unwrap_or_else(|e| panic!("{e:?}"));
    let map = minimap(view.head.columns.len(), 0, &view.rows);
    assert_eq!(map.strips.len(), 2);
    assert_eq!(map.rows, view.rows.len());
    for (col, strip) in map.strips.iter().enumerate() {
        let placed: usize = view.rows.iter().map(|r| r.cells[col].len()).sum();
        assert_eq!(strip.sentences(), placed, "every sentence is in the overview once");
    }
    assert_eq!(map.conflict_rows, Vec::<usize>::new(), "no genuine conflict between these two");
    assert_eq!(map.changed_rows.len(), 1, "one difference explained by time");
    let row = &view.rows[map.changed_rows[0]];
    assert!(!row.changes.is_empty());
    assert!(map.strips.iter().all(|s| s.counts[Tick::Changed.index()] == 1), "both sentences are marked");
    assert!(
        map.strips.iter().all(|s| s.counts[Tick::Unique.index()] > 0),
        "each report has its own sentences"
    );
}

#[test]
fn an_event_links_to_the_sentence_that_mentions_it() {
    let bundle = seed();
    let basis = Basis::new(&bundle);
    let months = timeline(&bundle, &basis, Zoom::Year(2020));
    let sentences: Vec<String> = months
        .events
        .iter()
        .flat_map(|e| &e.mentions)
        .filter_map(|m| super::timeline::sentence_at(&bundle.articles[m.article], m.start))
        .collect();
    assert!(sentences.iter().any(|s| s.contains("Between August 4 and 18")), "{sentences:?}");
    assert!(sentences.iter().all(|s| !s.is_empty() && s.len() < 2000));
}

#[test]
fn a_long_comparison_keeps_its_conflicts_visible_in_a_few_hundred_ticks() {
    use crate::compare_view::Row;
    let row = |unique: bool, conflict: bool| Row {
        cells: vec![vec![], vec![]],
        conflicts: if conflict { vec!["x".into()] } else { vec![] },
        changes: vec![],
        undated: vec![],
        agreements: vec![],
        score: None,
        unique,
    };
    let mut rows: Vec<Row> = (0..5000).map(|i| row(i % 2 == 0, i == 2501)).collect();
    let seed = seed();
    let ids = ["iraq-pm-visits-white-house-us".to_string(), "iraqi-pm-al-kadhimi-to-meet".to_string()];
    let view = crate::compare_view::compare_view(&seed, &ids).unwrap_or_else(|e| panic!("{e:?}"));
    let Some(sentence) = view.rows.iter().find_map(|r| r.cells[0].first().cloned()) else {
        panic!("a sentence")
    };
    let placed = |_: &str| sentence.clone();
    for r in &mut rows {
        r.cells[0].push(placed("a"));
    }
    let map = minimap(2, 0, &rows);
    assert_eq!(map.rows, 5000);
    assert!(map.strips[0].ticks.len() <= super::minimap::MAX_TICKS);
    assert_eq!(map.strips[0].sentences(), 5000, "counts are not bucketed");
    assert!(map.strips[0].ticks.iter().any(|t| t.1 == Tick::Conflicting), "the one conflict still shows");
    assert_eq!(map.conflict_rows, [2501]);
}

#[test]
fn an_overview_of_the_rows_arrived_so_far_keeps_each_tick_where_the_whole_comparison_puts_it() {
    let seed = seed();
    let ids = ["iraq-pm-visits-white-house-us".to_string(), "iraqi-pm-al-kadhimi-to-meet".to_string()];
    let view = crate::compare_view::compare_view(&seed, &ids).unwrap_or_else(|e| panic!("{e:?}"));
    let whole = minimap(2, 0, &view.rows);
    let half = view.rows.len() / 2;
    let part = minimap(2, view.rows.len(), &view.rows[..half]);
    assert_eq!(part.rows, whole.rows, "ticks are placed along the whole comparison");
    assert_eq!(part.arrived, half);
    for (p, w) in part.strips.iter().zip(&whole.strips) {
        assert!(p.ticks.iter().all(|t| t.0 < half), "only rows that arrived are drawn");
        assert_eq!(p.ticks[..], w.ticks[..p.ticks.len()], "the same ticks, in the same places");
    }
}

#[test]
fn the_per_entity_index_finds_exactly_the_mentions_a_full_scan_finds() {
    let bundle = seed();
    let basis = Basis::new(&bundle);
    for e in 0..bundle.entities.entities.len() {
        let scanned: Vec<u32> = bundle
            .entities
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.entity() == Some(e as u32))
            .map(|(i, _)| i as u32)
            .collect();
        assert_eq!(basis.mentions_of(&bundle, e), &scanned[..], "{}", bundle.entities.entities[e].id);
    }
    assert!(basis.mentions_of(&bundle, usize::MAX).is_empty(), "an unknown entity has no mentions");
}

#[test]
fn the_first_rows_of_an_order_are_the_rows_a_full_sort_puts_first() {
    let bundle = seed();
    let basis = Basis::new(&bundle);
    for order in [StoryOrder::MostOutlets, StoryOrder::FewestOutlets, StoryOrder::Newest] {
        let all = story_matrix(&bundle, &basis, order, usize::MAX, &|i| bundle.articles[i].word_count());
        assert_eq!(all.rows.len(), bundle.stories.len());
        for n in [1, 2, 3] {
            let first = story_matrix(&bundle, &basis, order, n, &|i| bundle.articles[i].word_count());
            assert_eq!(first.rows[..], all.rows[..n], "{order:?}, first {n}");
        }
    }
    let n_cols = basis.outlets.columns.len();
    let mut orders = vec![EntityOrder::Mentions, EntityOrder::Outlets, EntityOrder::Name];
    orders.extend((0..n_cols).map(EntityOrder::Column));
    for order in orders {
        let all = entity_matrix(&bundle, &basis, None, order, usize::MAX);
        for n in [1, 5, 12] {
            let first = entity_matrix(&bundle, &basis, None, order, n);
            assert_eq!(first.rows[..], all.rows[..n], "{order:?}, first {n}");
        }
    }
}

/// The plain way to read one entity's cell: every mention of it in that column's articles, its
/// text from `EntityData::surface` (the oracle for the table's one pass with a block cursor).
fn cell_by_search(bundle: &Bundle, basis: &Basis, entity: usize, column: usize) -> EntityCell {
    let mut cell = EntityCell::default();
    let mut spellings: std::collections::BTreeMap<String, usize> = Default::default();
    for m in bundle.entities.mentions_of(entity as u32) {
        if basis.outlets.column_of(m.article as usize) != column {
            continue;
        }
        cell.mentions += 1;
        if !cell.articles.contains(&(m.article as usize)) {
            cell.articles.push(m.article as usize);
        }
        if let Some(text) = bundle.entities.surface(&bundle.articles, m) {
            *spellings.entry(text.to_string()).or_default() += 1;
        }
    }
    cell.spellings = spellings.into_iter().collect();
    parallax_engine::sort::sort_by(&mut cell.spellings, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    cell
}

#[test]
fn every_entity_row_holds_exactly_its_mentions_articles_and_spellings_per_outlet() {
    let bundle = seed();
    // Every outlet its own column, and all but one folded into "other outlets".
    for basis in [Basis::new(&bundle), Basis::with_outlets(&bundle, 1)] {
        let matrix = entity_matrix(&bundle, &basis, None, EntityOrder::Mentions, usize::MAX);
        assert_eq!(matrix.rows.len(), matrix.total_rows);
        assert!(matrix.total_rows > 3);
        for row in &matrix.rows {
            for (c, cell) in row.cells.iter().enumerate() {
                assert_eq!(
                    *cell,
                    cell_by_search(&bundle, &basis, row.entity, c),
                    "entity {}, column {c}",
                    row.entity
                );
            }
            assert_eq!(row.mentions, bundle.entities.mentions_of(row.entity as u32).count());
            assert_eq!(row.outlets, row.cells.iter().filter(|c| c.mentions > 0).count());
        }
        // Asked again (another sort), a row is the same.
        let again = entity_matrix(&bundle, &basis, None, EntityOrder::Name, usize::MAX);
        for row in &again.rows {
            assert_eq!(Some(row), matrix.rows.iter().find(|r| r.entity == row.entity));
        }
    }
}

#[test]
fn an_entity_table_read_in_slices_while_idle_is_the_table_read_at_once() {
    let bundle = seed();
    let n = bundle.entities.entities.len();
    // Every outlet its own column, and all but one folded into "other outlets".
    for max_outlets in [super::outlets::MAX_OUTLETS, 1] {
        let whole = Basis::with_outlets(&bundle, max_outlets);
        let whole = super::entities::EntityTable::new(&bundle, &whole.outlets);
        for budget in [1, 7, 500] {
            let basis = Basis::with_outlets(&bundle, max_outlets);
            assert!(basis.entity_table_ready().is_none(), "nothing is read before it is asked for");
            let mut slices = 1;
            while !basis.build_entity_table(&bundle, budget) {
                slices += 1;
            }
            assert!(budget > 100 || slices > 10, "a small budget takes many slices ({slices})");
            let table = basis.entity_table_ready().expect("ready once a slice says so");
            for e in 0..n {
                assert_eq!(table.row(e), whole.row(e), "entity {e}, budget {budget}");
            }
        }
        // Half read in slices, the rest read when the picture asks for it.
        let basis = Basis::with_outlets(&bundle, max_outlets);
        assert!(!basis.build_entity_table(&bundle, bundle.entities.mentions.len() / 2));
        let table = basis.entity_table(&bundle);
        for e in 0..n {
            assert_eq!(table.row(e), whole.row(e), "entity {e}, half read in slices");
        }
        assert!(basis.build_entity_table(&bundle, 1), "a table already read needs no more slices");
    }
}

/// Not a test: the first build of each picture's model on a bundle named by
/// `PARALLAX_PICTURES_BUNDLE` (e.g. `parallax build` of `parallax synth 10000`), native, for the
/// closing note beside the browser's numbers (`tests/e2e/bench/pictures-bench.mjs`).
/// `PARALLAX_PICTURES_BUNDLE=b.plx cargo test --release --lib pictures_first_builds -- --ignored --nocapture`
#[test]
#[ignore]
fn pictures_first_builds() {
    let Ok(path) = std::env::var("PARALLAX_PICTURES_BUNDLE") else { return };
    let bundle = parallax_engine::bundle::decode(&std::fs::read(path).unwrap()).unwrap();
    let ms = |t: std::time::Instant| t.elapsed().as_secs_f64() * 1e3;
    println!(
        "{} articles, {} entities, {} mentions",
        bundle.articles.len(),
        bundle.entities.entities.len(),
        bundle.entities.mentions.len()
    );
    let t = std::time::Instant::now();
    let basis = Basis::new(&bundle);
    println!("outlet columns {:.1} ms", ms(t));
    let t = std::time::Instant::now();
    basis.folded_names(&bundle);
    println!("folded names {:.1} ms", ms(t));
    let best = (0..5)
        .map(|_| {
            let t = std::time::Instant::now();
            super::entities::EntityTable::new(&bundle, &basis.outlets);
            ms(t)
        })
        .fold(f64::INFINITY, f64::min);
    println!("entity table (every entity's cells), best of 5 {best:.1} ms");
    let t = std::time::Instant::now();
    let m = entity_matrix(&bundle, &basis, None, EntityOrder::Mentions, MAX_ROWS);
    println!("entities x outlets, first {:.1} ms ({} rows)", ms(t), m.rows.len());
    let t = std::time::Instant::now();
    entity_matrix(&bundle, &basis, None, EntityOrder::Name, MAX_ROWS);
    println!("entities x outlets, by name {:.1} ms", ms(t));
    let t = std::time::Instant::now();
    story_matrix(&bundle, &basis, StoryOrder::default(), MAX_ROWS, &|i| bundle.articles[i].word_count());
    println!("stories x outlets, first {:.1} ms", ms(t));
    let t = std::time::Instant::now();
    timeline(&bundle, &basis, Zoom::Years);
    println!("timeline, first {:.1} ms", ms(t));
}
