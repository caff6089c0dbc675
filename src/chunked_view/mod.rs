//! The explorer over a chunked corpus (`parallax site --chunks`): the shared [`Reader`], and the
//! view models its pages show, each either ready or naming the chunks it still [`Needed`]
//! (`io::resolve` fetches them). Pure and tested natively; no IO here.
//!
//! Article rows (id, title, outlet, date, story) come only from the reader's row accessors
//! (`article_row`, `list_page`), never from the manifest's directory, so rows can live in paged
//! chunks. The article, comparison and entity pages are the bundle's own pages over a *partial*
//! bundle: just the articles that page shows, with their dates, sources and mentions.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Deref;
use std::rc::Rc;

pub use parallax_engine::chunked::ListFilter;
use parallax_engine::chunked::{ChunkId, Needed, Reader};
use parallax_engine::entities::{EntityData, Mention};
use parallax_engine::Bundle;

use crate::state::{EntityCounts, Explorer, Loaded};

pub mod home;

/// Articles per page of the home list, and per "Show more".
pub const PAGE: usize = 50;
/// Articles an entity page reads at first and per "Show more" (in corpus order): each is a chunk
/// to fetch.
pub const ENTITY_ARTICLES: usize = 40;
/// Search hits shown at first and per "Show more results": each shown hit's article is fetched
/// (its snippet), so a cold search fetches this many articles at most (the site's `ord` pages
/// are sized for it).
pub const HITS: usize = parallax_engine::chunked::RESULTS_PAGE;

/// A search hit's matches: raw byte ranges in its article.
pub type Matches = Rc<Vec<(usize, usize)>>;

/// A chunked corpus as far as it has arrived, and where its chunks are.
#[derive(Debug)]
pub struct ChunkedExplorer {
    /// The chunks at hand; borrowed only between awaits, never across one.
    pub reader: RefCell<Reader>,
    /// The chunk folder, relative to the page, ending in `/`.
    pub folder: String,
    /// Article ordinals by id, for every row a view has shown (links carry ids).
    ordinals: RefCell<HashMap<String, usize>>,
    /// Each shown search hit's matches, by (query, article ordinal): the article page's highlights.
    matches: RefCell<HashMap<(String, usize), Matches>>,
    /// The entities and their counts (no articles, no stories): the entity index's data.
    pub shell: Loaded,
}

impl ChunkedExplorer {
    /// Wraps an opened reader whose chunks sit in `folder`.
    pub fn new(reader: Reader, folder: &str) -> ChunkedExplorer {
        let shell = Loaded(Rc::new(shell(&reader)));
        ChunkedExplorer {
            reader: RefCell::new(reader),
            folder: folder.to_string(),
            ordinals: RefCell::new(HashMap::new()),
            matches: RefCell::new(HashMap::new()),
            shell,
        }
    }

    /// Remembers where an article is, so a link to it needs no search through the rows.
    pub fn remember(&self, id: &str, ordinal: usize) {
        self.ordinals.borrow_mut().insert(id.to_string(), ordinal);
    }

    /// Remembers where a search's matches are in one of its hits, for the article page.
    pub fn remember_matches(&self, query: &str, ordinal: usize, matches: &[(usize, usize)]) {
        self.matches.borrow_mut().insert((query.to_string(), ordinal), Rc::new(matches.to_vec()));
    }

    /// A shown search hit's matches (raw ranges), if that search showed this article.
    pub fn matches(&self, query: &str, ordinal: usize) -> Option<Matches> {
        self.matches.borrow().get(&(query.to_string(), ordinal)).cloned()
    }

    /// The ordinal of an article a view has shown.
    pub fn known(&self, id: &str) -> Option<usize> {
        self.ordinals.borrow().get(id).copied()
    }
}

/// A shared handle on a chunked corpus. Equality is identity (as for [`Loaded`]).
#[derive(Clone, Debug)]
pub struct Chunks(pub Rc<ChunkedExplorer>);

impl PartialEq for Chunks {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Chunks {
    type Target = ChunkedExplorer;
    fn deref(&self) -> &ChunkedExplorer {
        &self.0
    }
}

/// Whether a `<meta name="parallax-chunks">` value is a folder the app may fetch from: relative,
/// ending in `/`, with no scheme, no `..` and nothing but plain path characters.
pub fn is_chunk_folder(folder: &str) -> bool {
    folder.ends_with('/')
        && !folder.starts_with('/')
        && !folder.split('/').any(|part| part == "..")
        && folder.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.'))
}

/// One article in a list: what its card shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ListRow {
    /// Its ordinal (row of the article directory).
    pub ordinal: usize,
    /// Its id (the link).
    pub id: String,
    /// Its headline.
    pub title: String,
    /// Its outlet's name, where the text says it.
    pub outlet: Option<String>,
    /// Its publication date as written in the directory (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    pub date: Option<String>,
    /// Words in its text.
    pub words: u32,
}

/// A page of the home list.
#[derive(Clone, Debug, PartialEq)]
pub struct ListView {
    /// The rows shown.
    pub rows: Vec<ListRow>,
    /// Articles the filter matches.
    pub total: usize,
}

/// The first `shown` articles matching `filter`, in home-page order, with their rows.
pub fn list_view(reader: &Reader, filter: &ListFilter, shown: usize) -> Result<ListView, Needed> {
    let page = reader.list_page(filter, 0, shown)?;
    Ok(ListView { rows: rows(reader, &page.ordinals)?, total: page.total })
}

/// `Ok(())` when no chunk is `needed`, else all of them, each once, in directory order: what a view
/// that asked for several things at once waits for.
pub(crate) fn nothing_needed(mut needed: Vec<ChunkId>) -> Result<(), Needed> {
    if needed.is_empty() {
        return Ok(());
    }
    parallax_engine::sort::sort_by(&mut needed, Ord::cmp);
    needed.dedup();
    Err(Needed { chunks: needed })
}

/// The rows of these articles (the chunks of every missing one named at once).
pub fn rows(reader: &Reader, ordinals: &[usize]) -> Result<Vec<ListRow>, Needed> {
    let mut needed = Vec::new();
    let mut out = Vec::with_capacity(ordinals.len());
    for &ordinal in ordinals {
        match reader.article_row(ordinal) {
            Ok(row) => out.push(ListRow {
                ordinal,
                id: row.id.clone(),
                title: row.title.clone(),
                outlet: row.outlet.and_then(|o| reader.manifest().outlets.get(o as usize)).cloned(),
                date: row.date.clone(),
                words: row.words,
            }),
            Err(more) => needed.extend(more.chunks),
        }
    }
    nothing_needed(needed)?;
    Ok(out)
}

/// The outlet of each of these articles, from the articles themselves (a search has fetched its
/// shown hits' articles for their snippets, so this needs no list page).
pub fn hit_outlets(reader: &Reader, ordinals: &[usize]) -> Result<Vec<Option<String>>, Needed> {
    ordinals
        .iter()
        .map(|&ordinal| Ok(reader.article(ordinal)?.outlet.as_ref().map(|o| o.name.clone())))
        .collect()
}

/// A search's matches (raw ranges) in one article, for an article link that carries a query but
/// was not opened from a results page this visit (typed, shared or reloaded): the search as its
/// results page runs it, first page of [`HITS`]; `None` when the article is not among them.
pub fn query_matches(
    reader: &mut Reader,
    query: &str,
    ordinal: usize,
) -> Result<Option<Vec<(usize, usize)>>, Needed> {
    let options = parallax_engine::search::SearchOptions { limit: HITS, prefix_last_word: true };
    let results = reader.search(query, &options)?;
    Ok(results.hits.into_iter().find(|hit| hit.article == ordinal).map(|hit| hit.matches))
}

/// A list row's date as the app shows dates: "19 Aug 2020", "Aug 2020", "2020" (the row's ISO
/// form as is when it is not one).
pub fn row_date(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-');
    let year = parts.next().unwrap_or_default();
    let month = parts.next().and_then(|m| m.parse::<usize>().ok());
    let day = parts.next().and_then(|d| d.parse::<u8>().ok());
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    if year.is_empty() || !year.bytes().all(|b| b.is_ascii_digit()) {
        return iso.to_string();
    }
    match (month.and_then(|m| MONTHS.get(m.wrapping_sub(1))), day) {
        (Some(m), Some(d)) => format!("{d} {m} {year}"),
        (Some(m), None) => format!("{m} {year}"),
        (None, _) => year.to_string(),
    }
}

/// "Showing 50 of 10,000 articles" (or "All 7 articles").
pub fn showing_line(shown: usize, total: usize) -> String {
    let noun = if total == 1 { "article" } else { "articles" };
    if shown >= total {
        format!("All {} {noun}", crate::state::format_count(total as u64))
    } else {
        format!(
            "Showing {} of {} {noun}",
            crate::state::format_count(shown as u64),
            crate::state::format_count(total as u64)
        )
    }
}

/// The "Show 50 more" button's words, or nothing when all are shown.
pub fn more_label(shown: usize, total: usize) -> Option<String> {
    (shown < total).then(|| format!("Show {} more", PAGE.min(total - shown)))
}

/// Finds an article's ordinal by id (for a link typed or reloaded by hand; links the app made
/// carry ordinals it remembers): one page of the id index.
pub fn find_ordinal(reader: &Reader, id: &str) -> Result<Option<usize>, Needed> {
    reader.ordinal_of(id)
}

/// A bundle holding only these articles (in this order, duplicates once) with their dates,
/// sources and entity mentions (renumbered to the bundle's order) and every entity: what the
/// article, comparison and entity pages read. The search index and the stories are empty.
pub fn partial_bundle(reader: &Reader, ordinals: &[usize]) -> Result<Bundle, Needed> {
    let mut needed = Vec::new();
    for &ordinal in ordinals {
        if let Err(more) = reader.article_in_full(ordinal) {
            needed.extend(more.chunks);
        }
    }
    nothing_needed(needed)?;
    let mut unique: Vec<usize> = Vec::with_capacity(ordinals.len());
    for &ordinal in ordinals {
        if !unique.contains(&ordinal) {
            unique.push(ordinal);
        }
    }
    let mut bundle = Bundle::default();
    let mut mentions: Vec<Mention> = Vec::new();
    for (new, &ordinal) in unique.iter().enumerate() {
        let article = reader.article_in_full(ordinal)?.clone();
        if let Some(source) = reader.source(&article.id) {
            bundle.sources.push(source.clone());
        }
        bundle.dates.push(reader.date_of(ordinal).cloned());
        let new = u32::try_from(new).unwrap_or(u32::MAX);
        mentions.extend(reader.mentions_in(ordinal)?.iter().map(|m| m.in_article(new)));
        bundle.articles.push(article);
    }
    let manifest = reader.manifest();
    bundle.entities = EntityData { entities: manifest.entities.clone(), mentions };
    // No stories: the chunked article page's "Also reported by" comes from `home::also_reported`
    // (the comparison and entity pages show none), so these pages fetch no story chunk.
    Ok(bundle)
}

/// The explorer over a partial bundle: its own counts, but each entity's corpus-wide mention and
/// article counts from the manifest (cards and entity pages say how often it is named in all).
pub fn partial_explorer(reader: &Reader, ordinals: &[usize]) -> Result<Explorer, Needed> {
    let mut explorer = Explorer::new(partial_bundle(reader, ordinals)?);
    for (counts, corpus) in explorer.entity_counts.iter_mut().zip(&reader.manifest().entity_counts) {
        counts.mentions = corpus.mentions as usize;
        counts.articles = corpus.articles as usize;
    }
    Ok(explorer)
}

/// The explorer with no articles and no stories: every entity with its corpus counts (the entity
/// index page reads only these).
pub fn shell(reader: &Reader) -> Explorer {
    let manifest = reader.manifest();
    let bundle = Bundle {
        entities: EntityData { entities: manifest.entities.clone(), mentions: Vec::new() },
        ..Bundle::default()
    };
    let entity_counts = manifest
        .entity_counts
        .iter()
        .map(|c| EntityCounts { mentions: c.mentions as usize, articles: c.articles as usize, outlets: 0 })
        .collect();
    Explorer { bundle, entity_counts, words: Default::default(), times: Default::default() }
}

/// The first `max` articles (corpus order) that mention an entity, and how many mention it in all
/// (an entity page shows the first [`ENTITY_ARTICLES`], then that many more per "Show more").
pub fn entity_articles(reader: &Reader, entity: u32, max: usize) -> Result<(Vec<usize>, usize), Needed> {
    let mentions = reader.mentions_of(entity)?;
    let mut articles: Vec<usize> = mentions.iter().map(|m| m.article as usize).collect();
    parallax_engine::sort::sort_by(&mut articles, Ord::cmp);
    articles.dedup();
    let total = articles.len();
    articles.truncate(max);
    Ok((articles, total))
}

/// What the offline panel says about the chunk cache: "12.3 MB of 106.0 MB cached (40 of 900
/// files)".
pub fn offline_line(cached_files: usize, files: usize, cached_bytes: u64, bytes: u64) -> String {
    if files > 0 && cached_files >= files {
        return format!("The whole corpus is available offline ({}).", megabytes(bytes));
    }
    format!(
        "{} of {} cached on this device ({cached_files} of {files} files).",
        megabytes(cached_bytes),
        megabytes(bytes)
    )
}

/// A size as the app shows it: "0.4 MB", "106.0 MB".
pub fn megabytes(bytes: u64) -> String {
    format!("{} MB", crate::state::format_fixed(bytes as f64 / 1e6, 1))
}

/// A small chunked corpus and a native `io::resolve` for the view tests.
#[cfg(test)]
pub(crate) mod test_support {
    use parallax_engine::chunked::{self, Needed, Reader, Sizes};
    use parallax_engine::{build_bundle, Bundle, SourceInput};

    /// Twelve synthetic articles as one bundle, and split into many tiny chunks (as a large corpus
    /// would be) opened by a reader.
    pub(crate) fn corpus() -> (Bundle, Reader, chunked::Split) {
        let files = parallax_engine::synth::corpus(12, 4);
        let sources: Vec<SourceInput<'_>> =
            files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
        let built = build_bundle(&sources, "");
        let tiny = Sizes {
            shard_bytes: 1,
            article_bytes: 1,
            entity_bytes: 1,
            list_rows: 5,
            ord_chunks: 2,
            id_rows: 4,
            story_bytes: 1,
        };
        let split = chunked::split(&built.bundle, &tiny);
        let reader = Reader::open(&split.manifest).expect("the manifest opens");
        (built.bundle, reader, split)
    }

    /// Answers a view the way `io::resolve` does, from the split in memory; and how many chunks
    /// it fetched.
    pub(crate) fn answer<T>(
        reader: &mut Reader,
        split: &chunked::Split,
        mut view: impl FnMut(&mut Reader) -> Result<T, Needed>,
    ) -> (T, usize) {
        let mut fetched = 0;
        for _ in 0..8 {
            match view(reader) {
                Ok(answer) => return (answer, fetched),
                Err(needed) => {
                    assert!(!needed.chunks.is_empty(), "a view that cannot answer names what it needs");
                    for id in needed.chunks {
                        let name = reader.chunk_name(id);
                        let chunk = split.chunks.iter().find(|c| c.name == name).expect("named chunks exist");
                        reader.add(id, &chunk.bytes).expect("chunks are valid");
                        fetched += 1;
                    }
                }
            }
        }
        panic!("the view kept asking");
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{answer, corpus};
    use super::*;

    #[test]
    fn the_home_list_shows_a_page_at_a_time_and_says_how_many_there_are() {
        let (bundle, mut reader, split) = corpus();
        let (view, _) = answer(&mut reader, &split, |r| list_view(r, &ListFilter::default(), 5));
        assert_eq!(view.total, 12);
        assert_eq!(view.rows.len(), 5);
        for row in &view.rows {
            let article = &bundle.articles[row.ordinal];
            assert_eq!(
                (row.id.as_str(), row.title.as_str()),
                (article.id.as_str(), article.title.text.as_str())
            );
        }
        assert_eq!(showing_line(view.rows.len(), view.total), "Showing 5 of 12 articles");
        assert_eq!(more_label(5, 12).as_deref(), Some("Show 7 more"));
        assert_eq!(showing_line(12, 12), "All 12 articles");
        assert_eq!(more_label(12, 12), None);
        assert_eq!(showing_line(50, 10_000), "Showing 50 of 10,000 articles");
        assert_eq!(more_label(50, 10_000).as_deref(), Some("Show 50 more"));
    }

    #[test]
    fn filtering_the_list_by_outlet_keeps_exactly_that_outlets_articles() {
        let (bundle, mut reader, split) = corpus();
        let name = reader.manifest().outlets.first().cloned().expect("synthetic articles name outlets");
        let filter = ListFilter { outlet: Some(0), story: None };
        let (view, _) = answer(&mut reader, &split, |r| list_view(r, &filter, PAGE));
        let expected =
            bundle.articles.iter().filter(|a| a.outlet.as_ref().is_some_and(|o| o.name == name)).count();
        assert!(expected > 0);
        assert_eq!(view.total, expected);
        assert!(view.rows.iter().all(|row| row.outlet.as_deref() == Some(name.as_str())));
    }

    #[test]
    fn an_article_page_reads_only_its_own_chunk_and_keeps_its_mentions() {
        let (bundle, mut reader, split) = corpus();
        let want = &bundle.articles[3];
        let (ordinal, _) = answer(&mut reader, &split, |r| find_ordinal(r, &want.id));
        assert_eq!(ordinal, Some(3));
        let (explorer, fetched) = answer(&mut reader, &split, |r| partial_explorer(r, &[3]));
        assert_eq!(
            fetched, 3,
            "its page of the article directory, then its one tiny article chunk and its details"
        );
        assert_eq!(explorer.bundle.articles, std::slice::from_ref(want));
        assert_eq!(explorer.bundle.dates, [bundle.dates[3].clone()]);
        let mentions: Vec<(u32, u32, Option<u32>)> =
            explorer.bundle.entities.mentions_in(0).iter().map(|m| (m.start, m.end, m.entity())).collect();
        let expected: Vec<(u32, u32, Option<u32>)> =
            bundle.entities.mentions_in(3).iter().map(|m| (m.start, m.end, m.entity())).collect();
        assert!(!expected.is_empty());
        assert_eq!(mentions, expected);
        // A hover card counts the entity's mentions in the whole corpus, not just this page's.
        let full = crate::state::Explorer::new(bundle.clone());
        let entity = expected.iter().find_map(|m| m.2).expect("a named entity") as usize;
        assert_eq!(explorer.entity_counts[entity].mentions, full.entity_counts[entity].mentions);
        assert_eq!(explorer.entity_counts[entity].articles, full.entity_counts[entity].articles);
        let (missing, _) = answer(&mut reader, &split, |r| find_ordinal(r, "no-such-article"));
        assert_eq!(missing, None);
    }

    #[test]
    fn a_comparison_reads_its_articles_and_nothing_else() {
        let (bundle, mut reader, split) = corpus();
        let (explorer, fetched) = answer(&mut reader, &split, |r| partial_explorer(r, &[4, 1, 4]));
        assert_eq!(
            fetched, 6,
            "two pages of the article directory (two chunks each), two articles, their details"
        );
        let ids: Vec<String> = explorer.bundle.articles.iter().map(|a| a.id.clone()).collect();
        assert_eq!(ids, [bundle.articles[4].id.clone(), bundle.articles[1].id.clone()]);
        assert!(
            crate::compare_view::plan(&explorer.bundle, &ids).is_ok(),
            "the two articles can be compared"
        );
    }

    #[test]
    fn an_entity_page_lists_its_first_articles_and_counts_them_all() {
        let (bundle, mut reader, split) = corpus();
        let full = crate::state::Explorer::new(bundle.clone());
        let entity =
            (0..full.entity_counts.len()).max_by_key(|&e| full.entity_counts[e].articles).expect("entities");
        let in_all = full.entity_counts[entity].articles;
        assert!(in_all > 3, "the most named entity is in several articles");
        let ((articles, total), fetched) =
            answer(&mut reader, &split, |r| entity_articles(r, entity as u32, 3));
        assert_eq!(fetched, 1, "its mention list");
        assert_eq!(total, in_all);
        let mut expected: Vec<usize> =
            bundle.entities.mentions_of(entity as u32).map(|m| m.article as usize).collect();
        expected.dedup();
        assert_eq!(articles, expected[..3]);
        let (explorer, _) = answer(&mut reader, &split, |r| partial_explorer(r, &articles));
        let shown: usize = crate::state::mentions_in_context(&explorer, entity as u32)
            .iter()
            .map(|(_, list)| list.len())
            .sum();
        let in_those: usize = articles
            .iter()
            .map(|&a| {
                bundle
                    .entities
                    .mentions_in(a as u32)
                    .iter()
                    .filter(|m| m.entity() == Some(entity as u32))
                    .count()
            })
            .sum();
        assert_eq!(shown, in_those);
    }

    #[test]
    fn showing_more_of_an_entity_page_adds_the_next_articles_mentions() {
        let (bundle, mut reader, split) = corpus();
        let full = crate::state::Explorer::new(bundle.clone());
        let entity =
            (0..full.entity_counts.len()).max_by_key(|&e| full.entity_counts[e].articles).expect("entities");
        let shown = |explorer: &Explorer| -> usize {
            crate::state::mentions_in_context(explorer, entity as u32)
                .iter()
                .map(|(_, list)| list.len())
                .sum()
        };
        let ((first, total), _) = answer(&mut reader, &split, |r| entity_articles(r, entity as u32, 2));
        let ((more, _), fetched) = answer(&mut reader, &split, |r| entity_articles(r, entity as u32, 4));
        assert_eq!(fetched, 0, "the mention list is at hand already");
        assert_eq!(more[..2], first[..], "the next articles come after the ones shown");
        assert_eq!(more.len(), total.min(4));
        let (page1, _) = answer(&mut reader, &split, |r| partial_explorer(r, &first));
        let (page2, _) = answer(&mut reader, &split, |r| partial_explorer(r, &more));
        assert!(shown(&page2) > shown(&page1), "more articles show more mentions");
        let ((all, _), _) = answer(&mut reader, &split, |r| entity_articles(r, entity as u32, total));
        let (every, _) = answer(&mut reader, &split, |r| partial_explorer(r, &all));
        assert_eq!(shown(&every), full.entity_counts[entity].mentions, "every mention once all are shown");
    }

    #[test]
    fn search_results_name_each_hits_outlet_without_fetching_list_pages() {
        let (bundle, mut reader, split) = corpus();
        let options = parallax_engine::search::SearchOptions { limit: HITS, prefix_last_word: true };
        let (results, _) = answer(&mut reader, &split, |r| r.search("troops", &options));
        assert!(!results.hits.is_empty());
        let ordinals: Vec<usize> = results.hits.iter().map(|h| h.article).collect();
        let (outlets, fetched) = answer(&mut reader, &split, |r| hit_outlets(r, &ordinals));
        assert_eq!(fetched, 0, "the hits' articles are at hand already");
        let expected: Vec<Option<String>> =
            ordinals.iter().map(|&o| bundle.articles[o].outlet.as_ref().map(|x| x.name.clone())).collect();
        assert_eq!(outlets, expected);
    }

    #[test]
    fn a_typed_link_with_a_query_highlights_what_the_results_page_would() {
        let (bundle, mut reader, split) = corpus();
        let options = parallax_engine::search::SearchOptions { limit: HITS, prefix_last_word: true };
        let expected = bundle.search.search_in(&bundle.corpus(), "troops", &options);
        let top = expected.hits.first().expect("troops is in the synthetic corpus");
        assert!(!top.matches.is_empty());
        let (found, _) = answer(&mut reader, &split, |r| query_matches(r, "troops", top.article));
        assert_eq!(found.as_deref(), Some(top.matches.as_slice()));
        let missing = (0..bundle.articles.len()).find(|&a| expected.hits.iter().all(|h| h.article != a));
        if let Some(missing) = missing {
            let (none, _) = answer(&mut reader, &split, |r| query_matches(r, "troops", missing));
            assert_eq!(none, None, "an article the search does not show gets no highlights");
        }
    }

    #[test]
    fn list_dates_read_as_the_app_writes_dates() {
        assert_eq!(row_date("2020-08-03"), "3 Aug 2020");
        assert_eq!(row_date("2020-08"), "Aug 2020");
        assert_eq!(row_date("2020"), "2020");
        assert_eq!(row_date("soon"), "soon");
    }

    #[test]
    fn a_corrupt_chunk_is_refused_and_the_article_stays_missing_not_blank() {
        let (_, mut reader, split) = corpus();
        let Err(needed) = reader.article(0).map(|_| ()) else { panic!("nothing is at hand yet") };
        let id = needed.chunks[0];
        let name = reader.chunk_name(id);
        let mut bytes = split.chunks.iter().find(|c| c.name == name).expect("chunk").bytes.clone();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        let error = reader.add(id, &bytes).expect_err("altered bytes are refused");
        assert!(error.to_string().contains("not the one this corpus lists"), "{error}");
        assert!(partial_bundle(&reader, &[0]).is_err(), "the article is still missing, not blank");
    }

    #[test]
    fn the_entity_index_needs_no_chunk() {
        let (bundle, reader, _) = corpus();
        let explorer = shell(&reader);
        assert!(explorer.bundle.articles.is_empty());
        let full = crate::state::Explorer::new(bundle);
        let kind = parallax_engine::entities::EntityKind::Person;
        let listed = |e: &Explorer| -> Vec<(usize, usize)> {
            crate::state::entity_index(e, kind).into_iter().map(|(i, c)| (i, c.mentions)).collect()
        };
        assert!(!listed(&full).is_empty());
        assert_eq!(listed(&explorer), listed(&full));
    }

    #[test]
    fn only_a_plain_relative_folder_is_fetched_from() {
        assert!(is_chunk_folder("chunks/"));
        for bad in ["chunks", "/chunks/", "https://x.example/", "../chunks/", "a b/", "javascript:x/"] {
            assert!(!is_chunk_folder(bad), "{bad}");
        }
    }

    #[test]
    fn the_offline_panel_says_what_is_cached() {
        assert_eq!(
            offline_line(3, 10, 1_500_000, 8_000_000),
            "1.5 MB of 8.0 MB cached on this device (3 of 10 files)."
        );
        assert_eq!(
            offline_line(10, 10, 8_000_000, 8_000_000),
            "The whole corpus is available offline (8.0 MB)."
        );
    }
}
