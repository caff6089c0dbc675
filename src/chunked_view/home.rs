//! The chunked home page's and article page's story and outlet views: the articles grouped by
//! outlet (each outlet's newest few), the largest stories as cards, and an article's "Also
//! reported by". Each reads only list rows (`dir` pages) and the story chunks of the stories it
//! shows, never article text.

use parallax_engine::chunked::{ListFilter, Needed, Reader, StoryEntry};
use parallax_engine::stories::Story;

use super::{rows, ListRow};
use crate::state::{AlsoReported, OtherReport, Route};

/// Outlets shown per page of the "by outlet" view, and per "Show more outlets".
pub const OUTLETS_PER_PAGE: usize = 12;
/// Articles shown per outlet in the "by outlet" view (the outlet's newest).
pub const PER_OUTLET: usize = 3;
/// Story cards on the home page (the largest stories).
pub const STORY_CARDS: usize = 6;
/// Other reports "Also reported by" lists on an article page.
pub const ALSO_REPORTED: usize = 20;
/// Articles a story card lists (and picks its comparison from): a story's rows sit on the list
/// pages of its dates, so a few pages at most.
pub const STORY_ROWS: usize = 12;

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
    if !needed.is_empty() {
        parallax_engine::sort::sort_by(&mut needed, Ord::cmp);
        needed.dedup();
        return Err(Needed { chunks: needed });
    }
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
    /// "Compare coverage": its three longest listed articles, in story order.
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
    if needed.is_empty() {
        Ok(stories)
    } else {
        parallax_engine::sort::sort_by(&mut needed, Ord::cmp);
        needed.dedup();
        Err(Needed { chunks: needed })
    }
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
        match (listed, follows(reader, story)) {
            (Ok(rows), Ok(follows)) => cards.push(StoryCard {
                story: u32::try_from(i).unwrap_or(u32::MAX),
                label: story.label.clone(),
                span: span(story),
                follows,
                articles: story.articles.len(),
                compare: compare_route(&rows),
                rows,
            }),
            (rows, follows) => {
                needed.extend(rows.err().into_iter().chain(follows.err()).flat_map(|n| n.chunks));
            }
        }
    }
    if needed.is_empty() {
        Ok(cards)
    } else {
        parallax_engine::sort::sort_by(&mut needed, Ord::cmp);
        needed.dedup();
        Err(Needed { chunks: needed })
    }
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
    if needed.is_empty() {
        Ok(out)
    } else {
        Err(Needed { chunks: needed })
    }
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
/// ordinals; `None` when no story of two or more articles holds it.
pub fn also_reported(
    reader: &Reader,
    ordinal: usize,
    id: &str,
    max: usize,
) -> Result<Option<(AlsoReported, Vec<usize>)>, Needed> {
    let Some(story) = reader.article_row(ordinal)?.story else { return Ok(None) };
    let total = reader.story(story)?.articles.len();
    if total < 2 {
        return Ok(None);
    }
    let page = reader.list_page_of(ordinal)?;
    // One more than listed: the article itself is on the page.
    let listed: Vec<ListRow> = story_rows_on_page(reader, story, page, max.saturating_add(1))?
        .into_iter()
        .filter(|row| row.id != id)
        .take(max)
        .collect();
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
            if card.rows.len() == story.articles.len() {
                assert_eq!(
                    card.compare,
                    crate::state::story_compare_route(&bundle, story),
                    "{}",
                    story.label
                );
            }
        }
    }

    #[test]
    fn an_article_in_a_story_says_who_else_reported_it() {
        let (bundle, mut reader, split) = corpus();
        let story = bundle.stories.iter().find(|s| s.articles.len() >= 2).expect("a shared story");
        let id = story.articles[0].clone();
        let at = |id: &str| bundle.articles.iter().position(|a| a.id == id).expect("a corpus article");
        let (also, _) = answer(&mut reader, &split, |r| also_reported(r, at(&id), &id, ALSO_REPORTED));
        let (also, ordinals) = also.expect("the article is in a story");
        let listed_at: Vec<usize> = also.others.iter().map(|o| at(&o.id)).collect();
        assert_eq!(ordinals, listed_at, "each other report with its ordinal");
        // The bundle's page's reports, those on this article's list page, and the same count.
        for o in bundle.articles.iter().map(|a| at(&a.id)) {
            answer(&mut reader, &split, |r| r.list_page_of(o));
        }
        let page_of = |id: &str| reader.list_page_of(at(id)).ok();
        let bundles = crate::state::also_reported(&bundle, &id).expect("the bundle's page says so too");
        let mut expected: Vec<String> =
            bundles.others.iter().filter(|o| page_of(&o.id) == page_of(&id)).map(|o| o.id.clone()).collect();
        let mut listed: Vec<String> = also.others.iter().map(|o| o.id.clone()).collect();
        expected.sort();
        listed.sort();
        assert_eq!((listed, also.total), (expected, bundles.total));
        let (few, _) = answer(&mut reader, &split, |r| also_reported(r, at(&id), &id, 1));
        let (few, _) = few.expect("the article is in a story");
        assert_eq!(
            (few.others.len(), few.total),
            (also.others.len().min(1), also.total),
            "fewer listed, all counted"
        );
        let alone = bundle.stories.iter().find(|s| s.articles.len() == 1).map(|s| s.articles[0].clone());
        if let Some(alone) = alone {
            let (none, _) = answer(&mut reader, &split, |r| also_reported(r, at(&alone), &alone, 20));
            assert_eq!(none, None);
        }
    }
}
