//! The chunked home page's and article page's story and outlet views: the articles grouped by
//! outlet (each outlet's newest few), the largest stories as cards, and an article's "Also
//! reported by". Each reads only list rows (`dir` pages), never article text.

use parallax_engine::chunked::{ListFilter, Needed, Reader};
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
        needed.sort();
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

/// The indices of the `max` largest stories told by two or more articles (largest first, then in
/// manifest order): the home page's story filter and cards.
pub fn largest_stories(stories: &[Story], max: usize) -> Vec<usize> {
    let mut shared: Vec<usize> = (0..stories.len()).filter(|&i| stories[i].articles.len() >= 2).collect();
    parallax_engine::sort::sort_by(&mut shared, |&a, &b| {
        stories[b].articles.len().cmp(&stories[a].articles.len()).then(a.cmp(&b))
    });
    shared.truncate(max);
    shared
}

/// The cards of the `max` largest stories, with their first articles' rows.
pub fn story_cards(reader: &Reader, max: usize) -> Result<Vec<StoryCard>, Needed> {
    let stories = &reader.manifest().stories;
    let chosen = largest_stories(stories, max);
    let mut needed = Vec::new();
    let mut cards = Vec::new();
    for i in chosen {
        let story = &stories[i];
        let ordinals: Vec<usize> =
            story.articles.iter().take(STORY_ROWS).filter_map(|id| reader.ordinal_of(id)).collect();
        match rows(reader, &ordinals) {
            Ok(rows) => cards.push(StoryCard {
                story: u32::try_from(i).unwrap_or(u32::MAX),
                label: story.label.clone(),
                span: crate::state::story_span(story),
                follows: follows(stories, story),
                articles: story.articles.len(),
                compare: compare_route(&rows),
                rows,
            }),
            Err(more) => needed.extend(more.chunks),
        }
    }
    if needed.is_empty() {
        Ok(cards)
    } else {
        needed.sort();
        needed.dedup();
        Err(Needed { chunks: needed })
    }
}

/// The earlier stories a story follows from, as (label, first article's route).
fn follows(stories: &[Story], story: &Story) -> Vec<(String, Route)> {
    story
        .follows
        .iter()
        .filter_map(|id| stories.iter().find(|s| &s.id == id))
        .filter_map(|s| Some((s.label.clone(), Route::article(s.articles.first()?))))
        .collect()
}

/// The comparison of the three longest of these rows, kept in their order (as the bundle's
/// `story_compare_route`).
pub fn compare_route(rows: &[ListRow]) -> Route {
    let mut by_length: Vec<(u32, usize)> = rows.iter().enumerate().map(|(i, r)| (r.words, i)).collect();
    parallax_engine::sort::sort_by(&mut by_length, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<usize> = by_length.into_iter().take(3).map(|(_, i)| i).collect();
    chosen.sort_unstable();
    Route::Compare { ids: chosen.into_iter().map(|i| rows[i].id.clone()).collect() }
}

/// "Also reported by" for an article: its story's other reports (the rows of the first `max`)
/// and how many there are; `None` when no story of two or more articles holds it.
pub fn also_reported(reader: &Reader, id: &str, max: usize) -> Result<Option<AlsoReported>, Needed> {
    let stories = &reader.manifest().stories;
    let Some(story) = stories.iter().find(|s| s.articles.len() >= 2 && s.articles.iter().any(|a| a == id))
    else {
        return Ok(None);
    };
    let others: Vec<&String> = story.articles.iter().filter(|a| a.as_str() != id).collect();
    let ordinals: Vec<usize> = others.iter().take(max).filter_map(|a| reader.ordinal_of(a)).collect();
    let listed = rows(reader, &ordinals)?
        .into_iter()
        .map(|row| OtherReport { id: row.id, title: row.title, outlet: row.outlet })
        .collect();
    Ok(Some(AlsoReported { others: listed, total: others.len() }))
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
    fn story_cards_show_the_largest_stories_with_their_articles_and_compare_the_longest() {
        let (bundle, mut reader, split) = corpus();
        let (cards, _) = answer(&mut reader, &split, |r| story_cards(r, STORY_CARDS));
        let shared = bundle.stories.iter().filter(|s| s.articles.len() >= 2).count();
        assert!(shared > 0, "the synthetic corpus has stories told twice");
        assert_eq!(cards.len(), shared.min(STORY_CARDS));
        assert!(cards.windows(2).all(|w| w[0].articles >= w[1].articles), "largest first");
        for card in &cards {
            let story = &bundle.stories[card.story as usize];
            assert_eq!(card.label, story.label);
            assert_eq!(card.articles, story.articles.len());
            let ids: Vec<&str> = card.rows.iter().map(|r| r.id.as_str()).collect();
            let want: Vec<&str> = story.articles.iter().take(STORY_ROWS).map(String::as_str).collect();
            assert_eq!(ids, want);
            for row in &card.rows {
                let article = bundle.article(&row.id).expect("a story's articles exist");
                assert_eq!(row.title, article.title.text);
            }
            if story.articles.len() <= STORY_ROWS {
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
        let (also, _) = answer(&mut reader, &split, |r| also_reported(r, &id, ALSO_REPORTED));
        let also = also.expect("the article is in a story");
        assert_eq!(
            Some(also.clone()),
            crate::state::also_reported(&bundle, &id),
            "as the bundle's page says"
        );
        let (few, _) = answer(&mut reader, &split, |r| also_reported(r, &id, 1));
        let few = few.expect("the article is in a story");
        assert_eq!((few.others.len(), few.total), (1, also.total), "fewer listed, all counted");
        let alone = bundle.stories.iter().find(|s| s.articles.len() == 1).map(|s| s.articles[0].clone());
        if let Some(alone) = alone {
            let (none, fetched) = answer(&mut reader, &split, |r| also_reported(r, &alone, 20));
            assert_eq!(none, None);
            assert_eq!(fetched, 0, "an article told once needs no list page for it");
        }
    }
}
