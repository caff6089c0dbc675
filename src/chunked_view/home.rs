//! The chunked home page's and article page's story and outlet views: the articles grouped by
//! outlet (each outlet's newest few), the largest stories as cards, and an article's "Also
//! reported by". Each reads only list rows (`dir` pages) and the story chunks of the stories it
//! shows, never article text.

use parallax_engine::chunked::{ListFilter, Needed, Reader, StoryEntry};
use parallax_engine::stories::Story;

use super::{nothing_needed, rows, ListRow};
use crate::state::{AlsoReported, OtherReport, Route};

/// Outlets shown per page of the "by outlet" view, and per "Show more outlets".
pub const OUTLETS_PER_PAGE: usize = 12;
/// Articles shown per outlet in the "by outlet" view (the outlet's newest).
pub const PER_OUTLET: usize = 3;
/// Story cards on the home page (the largest stories).
pub const STORY_CARDS: usize = 6;
/// Other reports "Also reported by" lists on an article page.
pub const ALSO_REPORTED: usize = 20;
/// Other reports "Also reported by" lists at least (where its story has them), from the list pages
/// nearest the article's when its own holds fewer.
pub const ALSO_REPORTED_AT_LEAST: usize = 3;
/// Articles a story card lists (and picks its comparison from): a story's rows sit on the list
/// pages of its dates, so a few pages at most.
pub const STORY_ROWS: usize = 12;
/// The articles a story card's "Compare coverage" compares (its longest listed ones first), as on
/// the bundle's home page's cards.
pub const CARD_COMPARED: usize = 3;

/// One outlet of the "by outlet" view.
#[derive(Clone, Debug, PartialEq)]
pub struct OutletGroup {
    /// The outlet's index (the filter that lists all of its articles).
    pub outlet: u32,
    /// Its name.
    pub name: String,
    /// How many articles it has.
    pub total: usize,
    /// Its newest articles.
    pub rows: Vec<ListRow>,
}

/// The "by outlet" view: named outlets alphabetically (as the manifest lists them), each with its
/// newest articles.
#[derive(Clone, Debug, PartialEq)]
pub struct OutletGroups {
    /// The outlets shown.
    pub groups: Vec<OutletGroup>,
    /// Named outlets with articles, in all.
    pub outlets: usize,
    /// Articles whose outlet the text never states (listed only by date).
    pub unattributed: usize,
}

/// The first `shown` outlets with articles, each with its `per_outlet` newest articles.
pub fn outlet_groups(reader: &Reader, shown: usize, per_outlet: usize) -> Result<OutletGroups, Needed> {
    let names = &reader.manifest().outlets;
    let mut needed = Vec::new();
    let mut groups = Vec::new();
    let mut outlets = 0;
    let mut attributed = 0;
    for (i, name) in names.iter().enumerate() {
        let outlet = u32::try_from(i).unwrap_or(u32::MAX);
        let filter = ListFilter { outlet: Some(outlet), story: None };
        // A page of no rows is answered from the manifest's page counts alone.
        let total = reader.list_page(&filter, 0, 0).map_or(0, |page| page.total);
        if total == 0 {
            continue;
        }
        outlets += 1;
        attributed += total;
        if groups.len() >= shown {
            continue;
        }
        let listed = reader.list_page(&filter, 0, per_outlet).and_then(|page| rows(reader, &page.ordinals));
        match listed {
            Ok(rows) => groups.push(OutletGroup { outlet, name: name.clone(), total, rows }),
            Err(more) => {
                needed.extend(more.chunks);
                groups.push(OutletGroup { outlet, name: name.clone(), total, rows: Vec::new() });
            }
        }
    }
    nothing_needed(needed)?;
    Ok(OutletGroups { groups, outlets, unattributed: reader.article_count().saturating_sub(attributed) })
}

/// "Show 12 more outlets", or nothing when all are shown.
pub fn more_outlets_label(shown: usize, outlets: usize) -> Option<String> {
    (shown < outlets).then(|| {
        let more = OUTLETS_PER_PAGE.min(outlets - shown);
        format!("Show {more} more {}", if more == 1 { "outlet" } else { "outlets" })
    })
}

/// A story told by several articles, as its home-page card shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryCard {
    /// Its index in the manifest's stories (the list filter).
    pub story: u32,
    /// Its label.
    pub label: String,
    /// Its time span ("Aug 2020").
    pub span: Option<String>,
    /// The earlier stories it follows from: (label, link to its first article).
    pub follows: Vec<(String, Route)>,
    /// How many articles tell it.
    pub articles: usize,
    /// Its first articles' rows (at most [`STORY_ROWS`]).
    pub rows: Vec<ListRow>,
    /// "Compare coverage": its three longest listed articles (or its first others where fewer are
    /// listed), in story order.
    pub compare: Route,
}

/// The `max` largest stories (of two or more articles) with rows on the newest list page, as the
/// manifest names them, from their story chunks: (index, story).
fn newest_stories(reader: &Reader, max: usize) -> Result<Vec<(u32, &StoryEntry)>, Needed> {
    let mut needed = Vec::new();
    let mut stories = Vec::new();
    for head in reader.manifest().newest_stories.iter().take(max) {
        match reader.story(head.story) {
            Ok(story) => stories.push((head.story, story)),
            Err(more) => needed.extend(more.chunks),
        }
    }
    nothing_needed(needed)?;
    Ok(stories)
}

/// The cards of the `max` largest stories (of two or more articles) among those of the newest
/// list page (the manifest names them), each with its rows on that page: one page for every card
/// (a story's rows can spread over many pages of a large corpus), and the story chunks of those
/// stories and of the ones they follow.
pub fn story_cards(reader: &Reader, max: usize) -> Result<Vec<StoryCard>, Needed> {
    let chosen = newest_stories(reader, max)?;
    let mut needed = Vec::new();
    let mut cards = Vec::new();
    for (i, story) in chosen {
        let i = i as usize;
        let listed = story_rows_on_page(reader, u32::try_from(i).unwrap_or(u32::MAX), 0, STORY_ROWS);
        let listed = listed.and_then(|rows| Ok((card_compare(reader, story, &rows)?, rows)));
        match (listed, follows(reader, story)) {
            (Ok((compare, rows)), Ok(follows)) => cards.push(StoryCard {
                story: u32::try_from(i).unwrap_or(u32::MAX),
                label: story.label.clone(),
                span: span(story),
                follows,
                articles: story.articles.len(),
                compare,
                rows,
            }),
            (listed, follows) => {
                needed.extend(listed.err().into_iter().chain(follows.err()).flat_map(|n| n.chunks));
            }
        }
    }
    nothing_needed(needed)?;
    Ok(cards)
}

/// A story's time span as the app shows it ("Aug 2020").
fn span(story: &StoryEntry) -> Option<String> {
    crate::state::story_span(&Story {
        id: String::new(),
        label: String::new(),
        articles: Vec::new(),
        from: story.from.clone(),
        to: story.to.clone(),
        follows: Vec::new(),
    })
}

/// The earlier stories a story follows from, as (label, first article's route): each in its
/// story chunk, each first article's id on its page of the article directory.
fn follows(reader: &Reader, story: &StoryEntry) -> Result<Vec<(String, Route)>, Needed> {
    let mut needed = Vec::new();
    let mut out = Vec::new();
    for &s in &story.follows {
        let s = match reader.story(s) {
            Ok(s) => s,
            Err(more) => {
                needed.extend(more.chunks);
                continue;
            }
        };
        let Some(&first) = s.articles.first() else { continue };
        match reader.id_of(first as usize) {
            Ok(id) => out.push((s.label.clone(), Route::article(id))),
            Err(more) => needed.extend(more.chunks),
        }
    }
    nothing_needed(needed)?;
    Ok(out)
}

/// The comparison of the three longest of these rows (ties: earlier in the corpus first), in
/// corpus order, as the bundle's `story_compare_route` picks them.
pub fn compare_route(rows: &[ListRow]) -> Route {
    let mut by_length: Vec<&ListRow> = rows.iter().collect();
    parallax_engine::sort::sort_by(&mut by_length, |a, b| {
        b.words.cmp(&a.words).then(a.ordinal.cmp(&b.ordinal))
    });
    by_length.truncate(3);
    parallax_engine::sort::sort_by_key(&mut by_length, |row| row.ordinal);
    Route::Compare { ids: by_length.into_iter().map(|row| row.id.clone()).collect() }
}

/// A story card's "Compare coverage": its longest articles on the newest list page, and when fewer
/// than [`CARD_COMPARED`] are there (at 100,000 articles most stories have one row on that page),
/// its first other articles up to that many, named through their `ord` pages and article chunks
/// (a few KB each, where the list pages holding their rows are about 18 KB each).
fn card_compare(reader: &Reader, story: &StoryEntry, rows: &[ListRow]) -> Result<Route, Needed> {
    let Route::Compare { ids } = compare_route(rows) else { unreachable!("compare_route is a comparison") };
    let wanted = CARD_COMPARED.min(story.articles.len());
    if ids.len() >= wanted {
        return Ok(Route::Compare { ids });
    }
    let mut chosen: Vec<(usize, String)> =
        rows.iter().filter(|row| ids.contains(&row.id)).map(|row| (row.ordinal, row.id.clone())).collect();
    let mut needed = Vec::new();
    let others =
        story.articles.iter().map(|&o| o as usize).filter(|o| !rows.iter().any(|row| row.ordinal == *o));
    for ordinal in others.take(wanted - ids.len()) {
        match reader.id_of(ordinal) {
            Ok(id) => chosen.push((ordinal, id.to_string())),
            Err(more) => needed.extend(more.chunks),
        }
    }
    nothing_needed(needed)?;
    parallax_engine::sort::sort_by_key(&mut chosen, |&(ordinal, _)| ordinal);
    Ok(Route::Compare { ids: chosen.into_iter().map(|(_, id)| id).collect() })
}

/// The rows of story `story` on list page `page` (at most `max`, in list order): one page to fetch
/// (its story chunk says where its rows are).
fn story_rows_on_page(reader: &Reader, story: u32, page: usize, max: usize) -> Result<Vec<ListRow>, Needed> {
    let entry = reader.story(story)?;
    let page = u32::try_from(page).unwrap_or(u32::MAX);
    let before: usize = entry.pages.iter().filter(|&&(p, _)| p < page).map(|&(_, rows)| rows as usize).sum();
    let on_page = (entry.rows_on(page) as usize).min(max);
    let filter = ListFilter { outlet: None, story: Some(story) };
    let listed = reader.list_page(&filter, before, on_page)?;
    rows(reader, &listed.ordinals)
}

/// "Also reported by" for an article (at `ordinal`, with this `id`): how many other reports its
/// story has, and those on the article's own list page (the story's reports nearest it in time;
/// at most `max`), so one list page (whose row names its story) and one story chunk, with their
/// ordinals; `None` when no story of two or more articles holds it. When its own page holds fewer
/// than [`ALSO_REPORTED_AT_LEAST`] of them (a large corpus's pages span days), those of the pages
/// nearest it are listed too, up to that many.
pub fn also_reported(
    reader: &Reader,
    ordinal: usize,
    id: &str,
    max: usize,
) -> Result<Option<(AlsoReported, Vec<usize>)>, Needed> {
    let Some(story) = reader.article_row(ordinal)?.story else { return Ok(None) };
    let entry = reader.story(story)?;
    let total = entry.articles.len();
    if total < 2 {
        return Ok(None);
    }
    let page = reader.list_page_of(ordinal)?;
    // One more than listed: the article itself is on the page.
    let mut listed: Vec<ListRow> = story_rows_on_page(reader, story, page, max.saturating_add(1))?
        .into_iter()
        .filter(|row| row.id != id)
        .take(max)
        .collect();
    let wanted = ALSO_REPORTED_AT_LEAST.min(total - 1).min(max);
    if listed.len() < wanted {
        let page = u32::try_from(page).unwrap_or(u32::MAX);
        let mut nearest: Vec<u32> = entry.pages.iter().map(|&(p, _)| p).filter(|&p| p != page).collect();
        parallax_engine::sort::sort_by_key(&mut nearest, |&p| (p.abs_diff(page), p));
        let (mut coming, mut needed) = (listed.len(), Vec::new());
        for p in nearest {
            if coming >= wanted {
                break;
            }
            let take = wanted - coming;
            coming += (entry.rows_on(p) as usize).min(take);
            match story_rows_on_page(reader, story, p as usize, take) {
                Ok(rows) => listed.extend(rows),
                Err(more) => needed.extend(more.chunks),
            }
        }
        nothing_needed(needed)?;
    }
    let ordinals = listed.iter().map(|row| row.ordinal).collect();
    let others = listed
        .into_iter()
        .map(|row| OtherReport { id: row.id, title: row.title, outlet: row.outlet })
        .collect();
    Ok(Some((AlsoReported { others, total: total - 1 }, ordinals)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chunked_view::test_support::{answer, corpus};
    use crate::chunked_view::{list_view, PAGE};

    #[test]
    fn by_outlet_lists_each_named_outlet_alphabetically_with_its_newest_articles() {
        let (bundle, mut reader, split) = corpus();
        let (view, _) = answer(&mut reader, &split, |r| outlet_groups(r, OUTLETS_PER_PAGE, 2));
        let expected = crate::state::articles_by_outlet(&bundle);
        let named: Vec<(&str, usize)> = expected
            .iter()
            .filter(|(name, _)| name != crate::state::UNKNOWN_OUTLET)
            .map(|(name, list)| (name.as_str(), list.len()))
            .collect();
        let shown: Vec<(&str, usize)> = view.groups.iter().map(|g| (g.name.as_str(), g.total)).collect();
        assert!(named.len() > 1, "the synthetic corpus names several outlets");
        assert_eq!(shown, named[..named.len().min(OUTLETS_PER_PAGE)]);
        assert_eq!(view.outlets, named.len());
        let unattributed = bundle.articles.iter().filter(|a| a.outlet.is_none()).count();
        assert_eq!(view.unattributed, unattributed);
        for group in &view.groups {
            let filter = ListFilter { outlet: Some(group.outlet), story: None };
            let (newest, _) = answer(&mut reader, &split, |r| list_view(r, &filter, PAGE));
            assert_eq!(group.rows, newest.rows[..group.total.min(2)], "{}", group.name);
        }
        let (one, _) = answer(&mut reader, &split, |r| outlet_groups(r, 1, 2));
        assert_eq!(one.groups.len(), 1);
        assert_eq!(more_outlets_label(1, 3).as_deref(), Some("Show 2 more outlets"));
        assert_eq!(more_outlets_label(12, 13).as_deref(), Some("Show 1 more outlet"));
        assert_eq!(more_outlets_label(3, 3), None);
    }

    #[test]
    fn story_cards_show_the_newest_pages_largest_stories_with_their_newest_articles() {
        let (bundle, mut reader, split) = corpus();
        let (cards, _) = answer(&mut reader, &split, |r| story_cards(r, STORY_CARDS));
        // The stories of the newest list page (5 rows in these tests).
        let newest: Vec<&str> = crate::state::articles_by_date(&bundle)
            .into_iter()
            .take(5)
            .map(|i| bundle.articles[i].id.as_str())
            .collect();
        let recent: Vec<usize> = (0..bundle.stories.len())
            .filter(|&i| bundle.stories[i].articles.len() >= 2)
            .filter(|&i| bundle.stories[i].articles.iter().any(|a| newest.contains(&a.as_str())))
            .collect();
        assert!(!recent.is_empty(), "the newest articles include a story told twice");
        assert_eq!(cards.len(), recent.len().min(STORY_CARDS));
        assert!(cards.iter().all(|c| recent.contains(&(c.story as usize))));
        assert!(cards.windows(2).all(|w| w[0].articles >= w[1].articles), "largest first");
        let mut few_on_first = false;
        for card in &cards {
            let story = &bundle.stories[card.story as usize];
            let expected_follows: Vec<(String, Route)> = story
                .follows
                .iter()
                .filter_map(|id| bundle.stories.iter().find(|s| &s.id == id))
                .map(|s| (s.label.clone(), Route::article(&s.articles[0])))
                .collect();
            assert_eq!(card.follows, expected_follows, "{}", story.label);
            assert_eq!(card.label, story.label);
            assert_eq!(card.articles, story.articles.len());
            let filter = ListFilter { outlet: None, story: Some(card.story) };
            let on_first = reader.story(card.story).expect("the card's story is at hand").rows_on(0) as usize;
            let (listed, _) =
                answer(&mut reader, &split, |r| list_view(r, &filter, on_first.min(STORY_ROWS)));
            assert!(!card.rows.is_empty());
            assert_eq!(card.rows, listed.rows, "its newest articles, those on the newest list page");
            // Its comparison: as many of its articles as it has, up to three, the longest listed first.
            let Route::Compare { ids } = &card.compare else { panic!("a comparison: {:?}", card.compare) };
            assert_eq!(ids.len(), CARD_COMPARED.min(story.articles.len()), "{}", story.label);
            assert!(ids.iter().all(|id| story.articles.contains(id)), "{}: {ids:?}", story.label);
            let Route::Compare { ids: longest } = compare_route(&card.rows) else { unreachable!() };
            assert!(longest.iter().all(|id| ids.contains(id)), "{}", story.label);
            let at = |id: &str| bundle.articles.iter().position(|a| a.id == id);
            assert!(ids.windows(2).all(|w| at(&w[0]) < at(&w[1])), "in corpus order: {ids:?}");
            few_on_first |= card.rows.len() < ids.len();
            if card.rows.len() == story.articles.len() {
                assert_eq!(
                    card.compare,
                    crate::state::story_compare_route(&bundle, story),
                    "{}",
                    story.label
                );
            }
        }
        assert!(few_on_first, "a card whose story has fewer than three rows on the newest page");
    }

    #[test]
    fn an_article_in_a_story_says_who_else_reported_it() {
        let (bundle, mut reader, split) = corpus();
        let at = |id: &str| bundle.articles.iter().position(|a| a.id == id).expect("a corpus article");
        for o in bundle.articles.iter().map(|a| at(&a.id)) {
            answer(&mut reader, &split, |r| r.list_page_of(o));
        }
        let mut filled = 0;
        for story in bundle.stories.iter().filter(|s| s.articles.len() >= 2) {
            for id in &story.articles {
                let (also, _) = answer(&mut reader, &split, |r| also_reported(r, at(id), id, ALSO_REPORTED));
                let (also, ordinals) = also.expect("the article is in a story");
                let listed_at: Vec<usize> = also.others.iter().map(|o| at(&o.id)).collect();
                assert_eq!(ordinals, listed_at, "each other report with its ordinal");
                // The bundle's page's reports, those on this article's list page, and the same count;
                // when fewer than three are there, those of the nearest pages up to three.
                let page_of =
                    |id: &str| reader.list_page_of(at(id)).expect("every ordinal's page is at hand");
                let bundles =
                    crate::state::also_reported(&bundle, id).expect("the bundle's page says so too");
                let same: Vec<&str> = bundles
                    .others
                    .iter()
                    .filter(|o| page_of(&o.id) == page_of(id))
                    .map(|o| o.id.as_str())
                    .collect();
                let listed: Vec<&str> = also.others.iter().map(|o| o.id.as_str()).collect();
                assert_eq!(also.total, bundles.total);
                assert!(same.iter().all(|o| listed.contains(o)), "{id}: {listed:?} lists {same:?}");
                assert!(
                    listed.iter().all(|o| story.articles.iter().any(|a| a == o) && o != id),
                    "{listed:?}"
                );
                let wanted = same.len().max(ALSO_REPORTED_AT_LEAST.min(bundles.total));
                assert_eq!(listed.len(), wanted, "{id}: {listed:?}");
                let distance = |o: &str| page_of(o).abs_diff(page_of(id));
                let farthest_listed = listed.iter().map(|o| distance(o)).max().unwrap_or(0);
                let unlisted = bundles.others.iter().filter(|o| !listed.contains(&o.id.as_str()));
                assert!(
                    unlisted.map(|o| distance(&o.id)).all(|d| d >= farthest_listed),
                    "{id}: the nearest pages'"
                );
                filled += usize::from(listed.len() > same.len());
                let (few, _) = answer(&mut reader, &split, |r| also_reported(r, at(id), id, 1));
                let (few, _) = few.expect("the article is in a story");
                assert_eq!((few.others.len(), few.total), (1, also.total), "fewer listed, all counted");
            }
        }
        assert!(filled > 0, "an article whose own list page holds fewer than three of its story's reports");
        let alone = bundle.stories.iter().find(|s| s.articles.len() == 1).map(|s| s.articles[0].clone());
        if let Some(alone) = alone {
            let (none, _) = answer(&mut reader, &split, |r| also_reported(r, at(&alone), &alone, 20));
            assert_eq!(none, None);
        }
    }
}
