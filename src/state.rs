//! The app's one state value, its actions, the hash routes that make every view a link, and the
//! view models pages render (computed here so that components only format).

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Deref;
use std::rc::Rc;

use parallax_engine::dates::relative::ResolvedTime;
use parallax_engine::entities::{approximate_range, EntityKind, Mention, MentionKind, Value};
use parallax_engine::search::SearchOptions;
use parallax_engine::{Article, Block, BlockKind, Bundle, Removed};
use yew::Reducible;

use crate::collections::CollectionId;

/// A view of the explorer, as written after `#` in the URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/`: the corpus, grouped by outlet.
    Home,
    /// `#/by-date`: the corpus, newest publication date first (undated articles last).
    HomeByDate,
    /// `#/article/<id>?q=<query>&at=<offset>`: one cleaned article, optionally with a search's
    /// matches highlighted and a raw offset scrolled into view.
    Article {
        /// The article's slug.
        id: String,
        /// The search whose matches to highlight.
        query: Option<String>,
        /// Raw-file offset to scroll to.
        at: Option<usize>,
    },
    /// `#/search?q=<query>`: ranked results with snippets and outlet facets.
    Search {
        /// The query as typed.
        query: String,
    },
    /// `#/entities`: every entity with its counts.
    Entities,
    /// `#/entity/<id>`: one entity, every mention in context.
    Entity {
        /// The entity's id.
        id: String,
    },
    /// `#/compare/<a>/<b>[/<c>…]`: sources side by side.
    Compare {
        /// The compared articles' ids, in column order.
        ids: Vec<String>,
    },
    /// Anything else: shown as "no such page".
    NotFound(String),
}

impl Route {
    /// Reads a `location.hash` value (with or without the leading `#`). Never fails.
    pub fn parse(hash: &str) -> Route {
        let hash = hash.trim_start_matches('#');
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let params: HashMap<String, String> = query
            .split('&')
            .filter_map(|kv| kv.split_once('=').or(Some((kv, ""))))
            .filter(|(k, _)| !k.is_empty())
            .map(|(k, v)| (percent_decode(k), percent_decode(v)))
            .collect();
        let parts: Vec<String> = path.split('/').filter(|p| !p.is_empty()).map(percent_decode).collect();
        match parts.as_slice() {
            [] => Route::Home,
            [page] if page == "by-date" => Route::HomeByDate,
            [page, id] if page == "article" => Route::Article {
                id: id.clone(),
                query: params.get("q").filter(|q| !q.trim().is_empty()).cloned(),
                at: params.get("at").and_then(|a| a.parse().ok()),
            },
            [page] if page == "entities" => Route::Entities,
            [page] if page == "search" => {
                Route::Search { query: params.get("q").cloned().unwrap_or_default() }
            }
            [page, id] if page == "entity" => Route::Entity { id: id.clone() },
            [page, ids @ ..] if page == "compare" && !ids.is_empty() => Route::Compare { ids: ids.to_vec() },
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The `#…` link for this route.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::HomeByDate => "#/by-date".to_string(),
            Route::Article { id, query, at } => {
                let mut href = format!("#/article/{}", percent_encode(id));
                let mut sep = '?';
                if let Some(q) = query {
                    href.push_str(&format!("{sep}q={}", percent_encode(q)));
                    sep = '&';
                }
                if let Some(at) = at {
                    href.push_str(&format!("{sep}at={at}"));
                }
                href
            }
            Route::Entities => "#/entities".to_string(),
            Route::Search { query } => format!("#/search?q={}", percent_encode(query)),
            Route::Entity { id } => format!("#/entity/{}", percent_encode(id)),
            Route::Compare { ids } => {
                let ids: Vec<String> = ids.iter().map(|id| percent_encode(id)).collect();
                format!("#/compare/{}", ids.join("/"))
            }
            Route::NotFound(path) => format!("#{path}"),
        }
    }

    /// Link to an article, no highlights.
    pub fn article(id: &str) -> Route {
        Route::Article { id: id.to_string(), query: None, at: None }
    }
}

/// How many times an entity is mentioned, in how many articles and outlets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EntityCounts {
    /// Mentions in the corpus.
    pub mentions: usize,
    /// Articles that mention it.
    pub articles: usize,
    /// Distinct outlets of those articles (unattributed counts as one).
    pub outlets: usize,
}

/// The loaded corpus plus what the pages need derived from it once, at load time.
#[derive(Debug)]
pub struct Explorer {
    /// The decoded bundle.
    pub bundle: Bundle,
    /// Per entity (same index as `bundle.entities.entities`).
    pub entity_counts: Vec<EntityCounts>,
    /// Per article, its words once counted (`u32::MAX` until then): see [`Explorer::words`].
    pub(crate) words: RefCell<Vec<u32>>,
    /// The last article's times placed in the calendar: see [`Explorer::times`].
    pub(crate) times: RefCell<Option<(usize, Rc<Vec<ResolvedTime>>)>>,
}

impl Explorer {
    /// Derives the page data from a freshly decoded bundle: one pass over the mentions.
    pub fn new(bundle: Bundle) -> Explorer {
        let n = bundle.entities.entities.len();
        let mut mentions = vec![0usize; n];
        let mut articles: Vec<Vec<u32>> = vec![Vec::new(); n];
        let mut outlets: Vec<Vec<&str>> = vec![Vec::new(); n];
        for m in &bundle.entities.mentions {
            let Some(e) = m.entity().map(|e| e as usize).filter(|&e| e < n) else { continue };
            mentions[e] += 1;
            if articles[e].last() != Some(&m.article) {
                articles[e].push(m.article);
                let outlet = outlet_of(bundle.articles.get(m.article as usize));
                if !outlets[e].contains(&outlet) {
                    outlets[e].push(outlet);
                }
            }
        }
        let entity_counts = (0..n)
            .map(|e| EntityCounts {
                mentions: mentions[e],
                articles: articles[e].len(),
                outlets: outlets[e].len(),
            })
            .collect();
        Explorer { bundle, entity_counts, words: RefCell::default(), times: RefCell::default() }
    }

    /// The words of article `article`'s body ([`Article::word_count`]), counted once and kept:
    /// the home page shows them on every card and draws its cards again as its later parts
    /// arrive, and counting a long article's words each time held the page 10–20 ms a card.
    pub fn words(&self, article: usize) -> usize {
        let mut words = self.words.borrow_mut();
        if words.len() != self.bundle.articles.len() {
            words.resize(self.bundle.articles.len(), u32::MAX);
        }
        match (words.get(article).copied(), self.bundle.articles.get(article)) {
            (Some(u32::MAX), Some(a)) => {
                let n = a.word_count();
                words[article] = u32::try_from(n).unwrap_or(u32::MAX - 1);
                n
            }
            (Some(n), _) => n as usize,
            _ => 0,
        }
    }

    /// Counts the words of the articles from `from` on, while `more()` says to go on (at least
    /// one), for those [`Explorer::words`] has not counted yet; returns the first article left.
    /// [`crate::io::explore_in_steps`] counts them all before the first page is drawn, a slice
    /// at a time: the home page asks for every card's count in one render.
    pub fn count_words_from(&self, from: usize, more: impl Fn() -> bool) -> usize {
        let mut next = from;
        while next < self.bundle.articles.len() {
            self.words(next);
            next += 1;
            if !more() {
                break;
            }
        }
        next
    }

    /// The times article `article` gives relative to its own date ("yesterday", "last Tuesday",
    /// "on March 3"), placed in the calendar. The last article's are kept: its page asks on
    /// every redraw.
    pub fn times(&self, article: usize) -> Rc<Vec<ResolvedTime>> {
        let mut kept = self.times.borrow_mut();
        if let Some((_, times)) = kept.as_ref().filter(|(i, _)| *i == article) {
            return times.clone();
        }
        let times = Rc::new(self.bundle.times_of(article));
        *kept = Some((article, times.clone()));
        times
    }
}

fn outlet_of(article: Option<&Article>) -> &str {
    article.and_then(|a| a.outlet.as_ref()).map_or(UNKNOWN_OUTLET, |o| o.name.as_str())
}

/// A shared handle on the loaded corpus. Equality is identity, so yew's prop comparisons stay O(1)
/// however large the corpus.
#[derive(Clone, Debug)]
pub struct Loaded(pub Rc<Explorer>);

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Loaded {
    type Target = Explorer;
    fn deref(&self) -> &Explorer {
        &self.0
    }
}

/// Whether the corpus bundle is there yet.
#[derive(Clone, Debug, PartialEq)]
pub enum Corpus {
    /// Still downloading or decoding.
    Loading,
    /// Ready to explore.
    Ready(Loaded),
    /// A chunked corpus whose manifest has arrived: each view fetches what it shows.
    Chunked(crate::chunked_view::Chunks),
    /// A bundle this explorer holds no decoder for (the chunked sites' explorer, showing a
    /// reader's collection: `app::BundleSupport`), its bytes checked: the extras module draws
    /// every page of it from those bytes.
    Delegated,
    /// Could not be loaded; the message says why and what to do.
    Failed(String),
}

/// Which mention types article pages highlight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeFilter(u8);

impl Default for TypeFilter {
    fn default() -> Self {
        TypeFilter(0b11111)
    }
}

impl TypeFilter {
    /// Every mention type, in legend order.
    pub const ALL: [MentionKind; 5] =
        [MentionKind::Person, MentionKind::Org, MentionKind::Place, MentionKind::Date, MentionKind::Figure];

    fn bit(kind: MentionKind) -> u8 {
        1 << Self::ALL.iter().position(|k| *k == kind).unwrap_or(0)
    }

    /// Whether mentions of this type are highlighted.
    pub fn shows(self, kind: MentionKind) -> bool {
        self.0 & Self::bit(kind) != 0
    }

    /// The filter with this type flipped.
    pub fn toggled(self, kind: MentionKind) -> TypeFilter {
        TypeFilter(self.0 ^ Self::bit(kind))
    }
}

/// Everything the explorer shows, in one value.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The corpus.
    pub corpus: Corpus,
    /// The current view.
    pub route: Route,
    /// Whether article pages show the removed noise in place.
    pub show_noise: bool,
    /// Which entity types article pages highlight.
    pub types: TypeFilter,
    /// Which collection is explored: the built-in corpus or one stored in this browser.
    pub collection: CollectionId,
    /// Something the home page should say once (e.g. a stored collection that could not be opened).
    pub notice: Option<String>,
    /// How many times the open collection was loaded again after it changed (see [`Action::Reload`]).
    pub reloads: u32,
}

impl AppState {
    /// The state at start-up, on the route the page was opened with.
    pub fn new(route: Route) -> AppState {
        AppState {
            corpus: Corpus::Loading,
            route,
            show_noise: false,
            types: TypeFilter::default(),
            collection: CollectionId::BuiltIn,
            notice: None,
            reloads: 0,
        }
    }

    /// The state at start-up, exploring `collection`.
    pub fn with_collection(route: Route, collection: CollectionId) -> AppState {
        AppState { collection, ..AppState::new(route) }
    }
}

/// What can happen to the state.
#[derive(Clone, Debug)]
pub enum Action {
    /// The bundle arrived and decoded.
    Loaded(Loaded),
    /// The bundle could not be loaded.
    Failed(String),
    /// The URL hash changed.
    Navigate(Route),
    /// The reader flipped the "show removed noise" switch.
    ToggleNoise,
    /// The reader flipped one entity type in the legend.
    ToggleType(MentionKind),
    /// Explore another collection (it is loaded next; pages wait until it is).
    Switch(CollectionId),
    /// This collection's bundle arrived and was opened, [`Corpus::Ready`] or
    /// [`Corpus::Delegated`] (ignored if the reader has switched since).
    LoadedFor(CollectionId, Corpus),
    /// The built-in corpus is chunked and its manifest arrived (ignored if the reader has
    /// switched to a stored collection since).
    LoadedChunks(crate::chunked_view::Chunks),
    /// A stored collection could not be opened: back to the built-in corpus, saying why.
    Unavailable(CollectionId, String),
    /// The home page has shown the notice.
    NoticeShown,
    /// This stored collection changed (files were added): load it again if it is the one open.
    Reload(CollectionId),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Loaded(explorer) => next.corpus = Corpus::Ready(explorer),
            Action::Failed(message) => next.corpus = Corpus::Failed(message),
            Action::Navigate(route) => next.route = route,
            Action::ToggleNoise => next.show_noise = !next.show_noise,
            Action::ToggleType(kind) => next.types = next.types.toggled(kind),
            Action::Switch(collection) => {
                if collection != next.collection {
                    next.collection = collection;
                    next.corpus = Corpus::Loading;
                }
            }
            Action::LoadedFor(collection, corpus) => {
                if collection == next.collection {
                    next.corpus = corpus;
                }
            }
            Action::LoadedChunks(chunks) => {
                if next.collection == CollectionId::BuiltIn {
                    next.corpus = Corpus::Chunked(chunks);
                }
            }
            Action::Unavailable(collection, message) => {
                if collection == next.collection {
                    next.collection = CollectionId::BuiltIn;
                    next.corpus = Corpus::Loading;
                    next.notice = Some(message);
                }
            }
            Action::NoticeShown => next.notice = None,
            Action::Reload(collection) => {
                if collection == next.collection {
                    next.reloads = next.reloads.wrapping_add(1);
                }
            }
        }
        Rc::new(next)
    }
}

/// The label for articles whose outlet the text never states.
pub const UNKNOWN_OUTLET: &str = "Outlet not stated";

/// Articles grouped by outlet: named outlets alphabetically, then the unattributed ones; each
/// group the articles' indices in corpus order.
pub fn articles_by_outlet(bundle: &Bundle) -> Vec<(String, Vec<usize>)> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let mut group_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, article) in bundle.articles.iter().enumerate() {
        let outlet = outlet_of(Some(article));
        let g = *group_of.entry(outlet).or_insert_with(|| {
            groups.push((outlet.to_string(), Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(i);
    }
    parallax_engine::sort::sort_by_key(&mut groups, |(name, _)| {
        (name == UNKNOWN_OUTLET, name.to_lowercase())
    });
    groups
}

/// One piece of an article page, in raw-file order.
#[derive(Debug, PartialEq)]
pub enum Piece<'a> {
    /// A kept block other than a bullet.
    Block(&'a Block),
    /// Consecutive bullets, shown as one list.
    Bullets(Vec<&'a Block>),
    /// Removed noise, shown struck through with its reason.
    Noise(&'a Removed),
}

/// The pieces of an article's page below its title, in file order; noise only when asked for.
pub fn article_pieces(article: &Article, show_noise: bool) -> Vec<Piece<'_>> {
    enum Item<'a> {
        Kept(&'a Block),
        Gone(&'a Removed),
    }
    let mut items: Vec<(usize, Item<'_>)> = article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Title)
        .map(|b| (b.start, Item::Kept(b)))
        .collect();
    if show_noise {
        items.extend(article.removed.iter().map(|r| (r.start, Item::Gone(r))));
    }
    parallax_engine::sort::sort_by_key(&mut items, |(start, _)| *start);
    let mut pieces = Vec::new();
    for (_, item) in items {
        match item {
            Item::Gone(r) => pieces.push(Piece::Noise(r)),
            Item::Kept(b) if b.kind == BlockKind::Bullet => match pieces.last_mut() {
                Some(Piece::Bullets(list)) => list.push(b),
                _ => pieces.push(Piece::Bullets(vec![b])),
            },
            Item::Kept(b) => pieces.push(Piece::Block(b)),
        }
    }
    pieces
}

/// The hover/focus card of a mark.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Bold first line (canonical name, or the normalised value).
    pub heading: String,
    /// Type label, e.g. "Person".
    pub kind: String,
    /// Further lines: description, counts.
    pub lines: Vec<String>,
}

/// A range of a block to wrap: an entity mention, a date or a figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Raw-file start offset.
    pub start: usize,
    /// Raw-file end offset.
    pub end: usize,
    /// CSS classes (e.g. `ent ent-person`).
    pub class: String,
    /// Where the mark links to (the entity page), if anywhere.
    pub href: Option<String>,
    /// The card shown on hover and focus.
    pub card: Option<Rc<Card>>,
}

/// Human name of a mention type.
pub fn kind_label(kind: MentionKind) -> &'static str {
    match kind {
        MentionKind::Person => "Person",
        MentionKind::Org => "Organisation",
        MentionKind::Place => "Place",
        MentionKind::Date => "Date",
        MentionKind::Figure => "Figure",
    }
}

/// Human name of an entity type.
pub fn entity_kind_label(kind: EntityKind) -> &'static str {
    kind_label(kind.mention_kind())
}

/// "3 mentions in 2 articles from 2 outlets".
pub fn counts_line(c: EntityCounts) -> String {
    format!(
        "{} {} in {} {} from {} {}",
        c.mentions,
        if c.mentions == 1 { "mention" } else { "mentions" },
        c.articles,
        if c.articles == 1 { "article" } else { "articles" },
        c.outlets,
        if c.outlets == 1 { "outlet" } else { "outlets" }
    )
}

/// The mark for one mention: linked, coloured and carded for names; carded for dates and figures.
pub fn mention_mark(explorer: &Explorer, mention: &Mention) -> Mark {
    let class = format!("ent ent-{}", mention.kind().as_str());
    let entity =
        mention.entity().and_then(|e| explorer.bundle.entities.entities.get(e as usize).map(|x| (e, x)));
    match (entity, mention.value.as_deref()) {
        (Some((index, entity)), _) => {
            let mut lines = Vec::new();
            if let Some(d) = &entity.description {
                lines.push(d.clone());
            }
            if entity.provisional {
                lines.push("Recognised by rule; not in the knowledge base".into());
            }
            lines.push(counts_line(explorer.entity_counts.get(index as usize).copied().unwrap_or_default()));
            Mark {
                start: mention.start as usize,
                end: mention.end as usize,
                class,
                href: Some(Route::Entity { id: entity.id.clone() }.href()),
                card: Some(Rc::new(Card {
                    heading: entity.name.clone(),
                    kind: entity_kind_label(entity.kind).into(),
                    lines,
                })),
            }
        }
        (None, Some(value)) => {
            let (heading, lines) = match value {
                Value::Date(d) => (
                    d.norm.clone(),
                    if d.relative {
                        vec!["Relative to the article's own date".to_string()]
                    } else {
                        Vec::new()
                    },
                ),
                // An approximate count ("dozens of workers") has no one number to show.
                Value::Figure(f) => match approximate_range(f.qualifier.as_deref()) {
                    Some((least, most)) => (
                        format!("{} {}", f.qualifier.as_deref().unwrap_or_default(), f.unit),
                        vec![format!("Approximate: {} to {}", format_number(least), format_number(most))],
                    ),
                    None => (
                        format!("{} {}", format_number(f.value), f.unit),
                        f.qualifier.iter().map(|q| format!("Qualified: {q}")).collect(),
                    ),
                },
            };
            Mark {
                start: mention.start as usize,
                end: mention.end as usize,
                class,
                href: None,
                card: Some(Rc::new(Card { heading, kind: kind_label(mention.kind()).into(), lines })),
            }
        }
        (None, None) => {
            Mark { start: mention.start as usize, end: mention.end as usize, class, href: None, card: None }
        }
    }
}

/// A figure as a reader writes it: 5,000 and 2.5 (one formatter for the engine and the app).
pub use parallax_engine::text::{format_count, format_fixed, format_number};

/// The marks of an article's blocks, keyed by block start, for the types the filter shows.
pub fn article_marks(
    explorer: &Explorer,
    article: usize,
    types: TypeFilter,
) -> HashMap<usize, Rc<Vec<Mark>>> {
    let Some(a) = explorer.bundle.articles.get(article) else { return HashMap::new() };
    let mentions = explorer.bundle.entities.mentions_in(article as u32);
    let times = explorer.times(article);
    let mut by_block: HashMap<usize, Vec<Mark>> = HashMap::new();
    let block_of = |start: usize, end: usize| a.blocks.iter().find(|b| b.start <= start && end <= b.end);
    for m in mentions.iter().filter(|m| types.shows(m.kind())) {
        let (m_start, m_end) = (m.start as usize, m.end as usize);
        if let Some(block) = block_of(m_start, m_end) {
            let mut mark = mention_mark(explorer, m);
            let placed = times.iter().find(|t| t.start < m_end && m_start < t.end);
            if let Some(time) = placed.filter(|_| m.kind() == MentionKind::Date) {
                mark.card = Some(Rc::new(time_card(explorer, article, time)));
                // "Tuesday" marked as "next Tuesday" when that overlaps no other mention.
                let (start, end) = (time.start.min(m_start), time.end.max(m_end));
                let others = mentions.iter().filter(|o| !std::ptr::eq(*o, m));
                if block.start <= start
                    && end <= block.end
                    && !others.clone().any(|o| (o.start as usize) < end && start < o.end as usize)
                {
                    (mark.start, mark.end) = (start, end);
                }
            }
            by_block.entry(block.start).or_default().push(mark);
        }
    }
    if types.shows(MentionKind::Date) {
        for time in unmarked_times(mentions, &times) {
            if let Some(block) = block_of(time.start, time.end) {
                by_block.entry(block.start).or_default().push(Mark {
                    start: time.start,
                    end: time.end,
                    class: format!("ent ent-{}", MentionKind::Date.as_str()),
                    href: None,
                    card: Some(Rc::new(time_card(explorer, article, time))),
                });
            }
        }
    }
    for marks in by_block.values_mut() {
        marks.sort_by_key(|m| m.start);
    }
    by_block.into_iter().map(|(k, v)| (k, Rc::new(v))).collect()
}

/// The placed times no mention covers ("three days ago" is a time but no date mention).
fn unmarked_times<'t>(
    mentions: &[Mention],
    times: &'t [ResolvedTime],
) -> impl Iterator<Item = &'t ResolvedTime> {
    let mentions: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start as usize, m.end as usize)).collect();
    times.iter().filter(move |t| !mentions.iter().any(|&(s, e)| t.start < e && s < t.end))
}

/// The card of a time placed from the article's date: when it was, and what it was counted from.
fn time_card(explorer: &Explorer, article: usize, time: &ResolvedTime) -> Card {
    Card {
        heading: date_text(&time.when),
        kind: kind_label(MentionKind::Date).into(),
        lines: vec![
            format!("“{}”, counted from the article's date", time.text),
            format!("Article's date: {}", date_line(&explorer.bundle, article)),
        ],
    }
}

/// Mention counts per type in one article, for the legend.
pub fn type_counts(explorer: &Explorer, article: usize) -> [usize; 5] {
    let mut counts = [0; 5];
    let mentions = explorer.bundle.entities.mentions_in(article as u32);
    for m in mentions {
        if let Some(i) = TypeFilter::ALL.iter().position(|k| *k == m.kind()) {
            counts[i] += 1;
        }
    }
    if let Some(i) = TypeFilter::ALL.iter().position(|k| *k == MentionKind::Date) {
        counts[i] += unmarked_times(mentions, &explorer.times(article)).count();
    }
    counts
}

/// Decodes `%XX` escapes (invalid ones are kept as written) and `+` as a space.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(Ok(v)) = s.get(i + 1..i + 3).map(|hex| u8::from_str_radix(hex, 16)) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes everything but unreserved characters, for use in a hash path or query.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip_through_their_links() {
        for route in [
            Route::Home,
            Route::article("kadhimi-biden-to-meet-soon"),
            Route::Article {
                id: "a".into(), query: Some("“rocket attacks” -Iran".into()), at: Some(120)
            },
            Route::Entities,
            Route::Search { query: "outlet:\"Global Village Space\" Kadhemi".into() },
            Route::Search { query: String::new() },
            Route::Entity { id: "popular-mobilization-forces".into() },
            Route::Compare { ids: vec!["a".into(), "b".into(), "c".into()] },
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/nope/x/y"), Route::NotFound("/nope/x/y".into()));
        assert_eq!(Route::parse("#/article/x?at=zz&&q="), Route::article("x"));
    }

    #[test]
    fn percent_escapes_survive_odd_input() {
        assert_eq!(percent_decode("a%20b%"), "a b%");
        assert_eq!(percent_decode("%zz"), "%zz");
        // A '%' before a multi-byte character (a hand-typed or mangled link) is kept as written.
        assert_eq!(percent_decode("%>€x%€"), "%>€x%€");
        assert_eq!(
            Route::parse("#/search?q=Bagh%>\u{99}dad"),
            Route::Search { query: "Bagh%>\u{99}dad".into() }
        );
        assert_eq!(percent_decode(&percent_encode("Fouad “Hussein”")), "Fouad “Hussein”");
    }

    #[test]
    fn files_added_to_the_open_collection_load_it_again_and_to_another_do_nothing() {
        let open = CollectionId::Stored("mine".into());
        let state = Rc::new(AppState::with_collection(Route::Home, open.clone()));
        let reloaded = state.clone().reduce(Action::Reload(open));
        assert_eq!(reloaded.reloads, 1, "the app's loading effect runs again when this changes");
        let other = reloaded.clone().reduce(Action::Reload(CollectionId::Stored("other".into())));
        assert_eq!(other.reloads, 1);
        let built_in = other.reduce(Action::Reload(CollectionId::BuiltIn));
        assert_eq!(built_in.reloads, 1);
    }

    #[test]
    fn type_filter_flips_one_type_at_a_time() {
        let f = TypeFilter::default().toggled(MentionKind::Date);
        assert!(!f.shows(MentionKind::Date));
        assert!(f.shows(MentionKind::Person));
        assert!(f.toggled(MentionKind::Date).shows(MentionKind::Date));
    }

    #[test]
    fn figures_read_like_a_reporter_wrote_them() {
        assert_eq!(format_number(5000.0), "5,000");
        assert_eq!(format_number(39.0), "39");
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(-12345.0), "-12,345");
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(1_234_567), "1,234,567");
    }

    #[test]
    fn facet_links_add_one_outlet_filter() {
        assert_eq!(
            with_outlet_filter("Kadhemi", "Global Village Space"),
            "Kadhemi outlet:\"Global Village Space\""
        );
        assert_eq!(with_outlet_filter("", "AFP"), "outlet:AFP");
        let once = with_outlet_filter("troops", "AFP");
        assert_eq!(with_outlet_filter(&once, "AFP"), once);
    }
}

/// Raw ranges of a search's matches in one article (empty without a query), for highlighting.
pub fn search_hits(
    explorer: &Explorer,
    article: usize,
    query: Option<&str>,
) -> Vec<(usize, usize, &'static str)> {
    let Some(query) = query.filter(|q| !q.trim().is_empty()) else { return Vec::new() };
    let bundle = &explorer.bundle;
    let options = SearchOptions { limit: bundle.articles.len(), prefix_last_word: false };
    let results = bundle.search.search_in(&bundle.corpus(), query, &options);
    results
        .hits
        .into_iter()
        .find(|h| h.article == article)
        .map(|h| h.matches.into_iter().map(|(s, e)| (s, e, "hit")).collect())
        .unwrap_or_default()
}

/// The query with an `outlet:` filter added (quoted when the name has spaces), for facet links.
pub fn with_outlet_filter(query: &str, outlet: &str) -> String {
    let filter = if outlet.contains(char::is_whitespace) {
        format!("outlet:\"{outlet}\"")
    } else {
        format!("outlet:{outlet}")
    };
    if query.contains(&filter) {
        query.to_string()
    } else {
        format!("{} {filter}", query.trim()).trim().to_string()
    }
}

/// A mention shown in its context on an entity page.
#[derive(Clone, Debug, PartialEq)]
pub struct InContext {
    /// The article's id.
    pub article: String,
    /// The article's title.
    pub title: String,
    /// Text before the mention (trimmed to a word boundary where cut).
    pub before: String,
    /// The mention as written.
    pub surface: String,
    /// Text after the mention (trimmed to a word boundary where cut).
    pub after: String,
    /// Whether the paragraph goes on before `before` (the page shows "…"; kept out of the text so
    /// the article's words can be bidi-isolated from it).
    pub cut_before: bool,
    /// Whether the paragraph goes on after `after`.
    pub cut_after: bool,
    /// Raw offset of the mention, for the link that scrolls to it.
    pub start: usize,
}

/// Every mention of an entity in context, grouped by outlet (outlets alphabetically, unattributed
/// last; mentions in corpus order).
pub fn mentions_in_context(explorer: &Explorer, entity: u32) -> Vec<(String, Vec<InContext>)> {
    const WINDOW: usize = 110;
    let articles = &explorer.bundle.articles;
    let mut groups: Vec<(String, Vec<InContext>)> = Vec::new();
    for m in explorer.bundle.entities.mentions_of(entity) {
        let Some(article) = articles.get(m.article as usize) else { continue };
        let (m_start, m_end) = (m.start as usize, m.end as usize);
        let Some(block) = article.blocks.iter().find(|b| b.start <= m_start && m_end <= b.end) else {
            continue;
        };
        let (s, e) = (m_start - block.start, m_end - block.start);
        let text = &block.text;
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        let mut from = s.saturating_sub(WINDOW);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let mut to = (e + WINDOW).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let before = &text[from..s];
        let before = if from > 0 { before.split_once(' ').map_or(before, |x| x.1) } else { before };
        let after = &text[e..to];
        let after = if to < text.len() { after.rsplit_once(' ').map_or(after, |x| x.0) } else { after };
        let item = InContext {
            article: article.id.clone(),
            title: article.title.text.clone(),
            before: before.to_string(),
            surface: text[s..e].to_string(),
            after: after.to_string(),
            cut_before: from > 0,
            cut_after: to < text.len(),
            start: m_start,
        };
        let outlet = outlet_of(Some(article));
        match groups.iter_mut().find(|(o, _)| o == outlet) {
            Some((_, list)) => list.push(item),
            None => groups.push((outlet.to_string(), vec![item])),
        }
    }
    parallax_engine::sort::sort_by_key(&mut groups, |(name, _)| {
        (name == UNKNOWN_OUTLET, name.to_lowercase())
    });
    groups
}

/// Entities of each type, most mentioned first, for the index page: (index, counts).
pub fn entity_index(explorer: &Explorer, kind: EntityKind) -> Vec<(usize, EntityCounts)> {
    let mut list: Vec<(usize, EntityCounts)> = explorer
        .bundle
        .entities
        .entities
        .iter()
        .enumerate()
        .filter(|(i, e)| e.kind == kind && explorer.entity_counts.get(*i).is_some_and(|c| c.mentions > 0))
        .map(|(i, _)| (i, explorer.entity_counts[i]))
        .collect();
    parallax_engine::sort::sort_by(&mut list, |a, b| b.1.mentions.cmp(&a.1.mentions).then(a.0.cmp(&b.0)));
    list
}

/// The story an article belongs to, if it has other articles.
pub fn story_of<'a>(bundle: &'a Bundle, article_id: &str) -> Option<&'a parallax_engine::stories::Story> {
    bundle.stories.iter().find(|s| s.articles.len() >= 2 && s.articles.iter().any(|a| a == article_id))
}

/// Another report of an article's story, as "Also reported by" lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherReport {
    /// Its id.
    pub id: String,
    /// Its headline.
    pub title: String,
    /// Its outlet's name, where the text states it.
    pub outlet: Option<String>,
}

/// "Also reported by": the other reports of an article's story (those listed) and how many there
/// are in all.
#[derive(Clone, Debug, PartialEq)]
pub struct AlsoReported {
    /// The other reports listed, in story order.
    pub others: Vec<OtherReport>,
    /// How many other reports the story has.
    pub total: usize,
}

/// The other reports of an article's story in a bundle, or `None` when no story of two or more
/// articles holds it.
pub fn also_reported(bundle: &Bundle, id: &str) -> Option<AlsoReported> {
    let story = story_of(bundle, id)?;
    let others: Vec<OtherReport> = story
        .articles
        .iter()
        .filter(|a| a.as_str() != id)
        .filter_map(|a| bundle.article(a))
        .map(|a| OtherReport {
            id: a.id.clone(),
            title: a.title.text.clone(),
            outlet: a.outlet.as_ref().map(|o| o.name.clone()),
        })
        .collect();
    Some(AlsoReported { total: others.len(), others })
}

/// The comparison link for a story: its three longest articles, in corpus order (the longest
/// reports have the most to align; the page lets the reader swap any column).
pub fn story_compare_route(bundle: &Bundle, story: &parallax_engine::stories::Story) -> Route {
    let mut by_length: Vec<(usize, usize, &String)> = story
        .articles
        .iter()
        .enumerate()
        .map(|(i, id)| (bundle.article(id).map_or(0, Article::word_count), i, id))
        .collect();
    parallax_engine::sort::sort_by(&mut by_length, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<(usize, &String)> = by_length.into_iter().take(3).map(|(_, i, id)| (i, id)).collect();
    parallax_engine::sort::sort_by(&mut chosen, Ord::cmp);
    Route::Compare { ids: chosen.into_iter().map(|(_, id)| id.clone()).collect() }
}

/// Article indices, newest publication date first; undated articles last, in corpus order.
pub fn articles_by_date(bundle: &Bundle) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bundle.articles.len()).collect();
    // Stable sort: equal dates keep corpus order.
    parallax_engine::sort::sort_by_key(&mut order, |&i| {
        std::cmp::Reverse(bundle.date_of(i).map(|d| d.sort_key()))
    });
    order
}

/// The short date an article card shows ("≈ Aug 2020" when estimated), if any.
pub fn card_date(bundle: &Bundle, index: usize) -> Option<String> {
    let date = bundle.date_of(index)?;
    Some(match date.source {
        parallax_engine::dates::DateSource::Stated => date_text(date),
        parallax_engine::dates::DateSource::Estimated => format!("≈ {}", date_text(date)),
    })
}

/// Month abbreviations for dates shown in the app.
const MONTH_ABBR: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A publication date as the app shows it: "19 Aug 2020", "Aug 2020" or "2020".
pub fn date_text(date: &parallax_engine::dates::PublicationDate) -> String {
    let month = date.month.and_then(|m| MONTH_ABBR.get(usize::from(m).wrapping_sub(1)));
    match (date.day, month) {
        (Some(d), Some(m)) => format!("{d} {m} {}", date.year),
        (None, Some(m)) => format!("{m} {}", date.year),
        _ => date.year.to_string(),
    }
}

/// The article page's date line: stated dates as they are; estimated ones marked "≈" with the
/// evidence they rest on ("≈ Aug 2020 (estimated from “Between August 4 and 18”)").
pub fn date_line(bundle: &Bundle, index: usize) -> String {
    use parallax_engine::dates::DateSource;
    let Some(date) = bundle.date_of(index) else { return "not stated, and the text gives no clue".into() };
    match date.source {
        DateSource::Stated => date_text(date),
        DateSource::Estimated => {
            let evidence: Vec<String> =
                date.evidence.iter().take(2).map(|e| format!("“{}”", e.text)).collect();
            if evidence.is_empty() {
                format!("≈ {} (estimated)", date_text(date))
            } else {
                format!("≈ {} (estimated from {})", date_text(date), evidence.join(" and "))
            }
        }
    }
}

/// A story's time span as the home page shows it: "Aug 2020", "Jun 2021 – Jul 2021", or nothing.
pub fn story_span(story: &parallax_engine::stories::Story) -> Option<String> {
    let show = |iso: &str| {
        let mut parts = iso.split('-');
        let year = parts.next().unwrap_or_default();
        let month = parts
            .next()
            .and_then(|m| m.parse::<usize>().ok())
            .and_then(|m| MONTH_ABBR.get(m.wrapping_sub(1)));
        month.map_or_else(|| year.to_string(), |m| format!("{m} {year}"))
    };
    let (from, to) = (show(story.from.as_deref()?), show(story.to.as_deref()?));
    Some(if from == to { from } else { format!("{from} – {to}") })
}

/// The earlier stories a story follows from, as (label, first article's route) for links.
pub fn follows_links(bundle: &Bundle, story: &parallax_engine::stories::Story) -> Vec<(String, Route)> {
    story
        .follows
        .iter()
        .filter_map(|id| bundle.stories.iter().find(|s| &s.id == id))
        .filter_map(|s| Some((s.label.clone(), Route::article(s.articles.first()?))))
        .collect()
}

#[cfg(test)]
mod date_tests {
    use super::*;
    use parallax_engine::dates::{DateEvidence, DateSource, EvidenceKind, PublicationDate};

    fn bundle_with(date: Option<PublicationDate>) -> Bundle {
        Bundle { dates: vec![date], ..Bundle::default() }
    }

    #[test]
    fn times_told_from_the_article_s_date_are_marked_with_the_day_they_mean() {
        let raw = "Minister quits\n\nPosted by News Desk | March 9, 2023\n\nThe minister resigned yesterday, three days after the vote. Talks resume next Tuesday.\n";
        let built = parallax_engine::build_bundle(
            &[parallax_engine::SourceInput { name: "a.txt", bytes: raw.as_bytes() }],
            "",
        );
        let explorer = Explorer::new(built.bundle);
        let marks = article_marks(&explorer, 0, TypeFilter::default());
        let card_at = |words: &str| {
            let at = raw.find(words).unwrap();
            let mark = marks.values().flat_map(|m| m.iter()).find(|m| m.start <= at && at < m.end);
            mark.and_then(|m| m.card.clone()).map(|c| (c.heading.clone(), c.lines.clone()))
        };
        let (heading, lines) = card_at("yesterday").expect("yesterday is marked");
        assert_eq!(heading, "8 Mar 2023");
        assert_eq!(lines[0], "“yesterday”, counted from the article's date");
        assert_eq!(lines[1], "Article's date: 9 Mar 2023");
        assert_eq!(card_at("next Tuesday").expect("next Tuesday is marked").0, "14 Mar 2023");
        // Each mark once, in order, none overlapping: the legend counts what the page marks.
        let dates = marks.values().flat_map(|m| m.iter()).filter(|m| m.class.ends_with("ent-date")).count();
        assert_eq!(type_counts(&explorer, 0)[3], dates);
        for block in marks.values() {
            assert!(block.windows(2).all(|w| w[0].end <= w[1].start), "{block:?}");
        }
        // Hidden with the other dates.
        let no_dates = TypeFilter::default().toggled(MentionKind::Date);
        assert!(article_marks(&explorer, 0, no_dates)
            .values()
            .flat_map(|m| m.iter())
            .all(|m| !m.class.ends_with("ent-date")));
    }

    #[test]
    fn an_estimated_date_is_marked_and_says_what_it_rests_on() {
        let evidence = DateEvidence {
            kind: EvidenceKind::After,
            article: 0,
            start: 0,
            end: 0,
            text: "Between August 4 and 18".into(),
        };
        let estimated = PublicationDate {
            year: 2020,
            month: Some(8),
            day: None,
            source: DateSource::Estimated,
            evidence: vec![evidence],
        };
        assert_eq!(
            date_line(&bundle_with(Some(estimated)), 0),
            "≈ Aug 2020 (estimated from “Between August 4 and 18”)"
        );
        let stated = PublicationDate {
            year: 2021,
            month: Some(7),
            day: Some(27),
            source: DateSource::Stated,
            evidence: Vec::new(),
        };
        assert_eq!(date_line(&bundle_with(Some(stated)), 0), "27 Jul 2021");
        assert_eq!(date_line(&bundle_with(None), 0), "not stated, and the text gives no clue");
    }

    #[test]
    fn ordering_by_date_is_a_link_of_its_own_and_puts_undated_articles_last() {
        assert_eq!(Route::parse(&Route::HomeByDate.href()), Route::HomeByDate);
        let date = |year, month| PublicationDate {
            year,
            month: Some(month),
            day: None,
            source: DateSource::Estimated,
            evidence: Vec::new(),
        };
        let bundle = Bundle {
            dates: vec![Some(date(2020, 8)), None, Some(date(2025, 4)), Some(date(2021, 6))],
            articles: vec![],
            ..Bundle::default()
        };
        let mut with_articles = bundle.clone();
        with_articles.articles = crate::state::date_tests::articles(4);
        assert_eq!(articles_by_date(&with_articles), [2, 3, 0, 1]);
        assert_eq!(card_date(&with_articles, 0).as_deref(), Some("≈ Aug 2020"));
        assert_eq!(card_date(&with_articles, 1), None);
    }

    #[test]
    fn the_home_page_groups_articles_by_outlet_alphabetically_with_unstated_ones_last() {
        let mut articles = crate::state::date_tests::articles(6);
        let outlets = [Some("zeit"), None, Some("Al Monitor"), Some("zeit"), Some("BBC"), Some("Al Monitor")];
        for (article, outlet) in articles.iter_mut().zip(outlets) {
            article.outlet = outlet.map(|name| parallax_engine::model::Attribution {
                name: name.to_string(),
                evidence: String::new(),
                start: 0,
                end: 0,
            });
        }
        let bundle = Bundle { articles, ..Bundle::default() };
        let groups = articles_by_outlet(&bundle);
        let shown: Vec<(&str, &[usize])> = groups.iter().map(|(n, l)| (n.as_str(), l.as_slice())).collect();
        assert_eq!(
            shown,
            [
                ("Al Monitor", &[2, 5][..]),
                ("BBC", &[4][..]),
                ("zeit", &[0, 3][..]),
                (UNKNOWN_OUTLET, &[1][..])
            ]
        );
    }

    /// `n` placeholder articles.
    pub(super) fn articles(n: usize) -> Vec<Article> {
        let files: Vec<(String, String)> = (0..n)
            .map(|i| {
                (format!("{i}.txt"), format!("Report number {i}\n\nThe body of report {i} says something.\n"))
            })
            .collect();
        let sources: Vec<parallax_engine::SourceInput<'_>> = files
            .iter()
            .map(|(name, text)| parallax_engine::SourceInput { name, bytes: text.as_bytes() })
            .collect();
        parallax_engine::build_bundle(&sources, "").bundle.articles
    }

    #[test]
    fn a_story_span_reads_as_months() {
        let story = parallax_engine::stories::Story {
            id: "s".into(),
            label: "l".into(),
            articles: vec![],
            from: Some("2021-06".into()),
            to: Some("2021-07-27".into()),
            follows: vec![],
        };
        assert_eq!(story_span(&story).as_deref(), Some("Jun 2021 – Jul 2021"));
        let undated = parallax_engine::stories::Story { from: None, ..story.clone() };
        assert_eq!(story_span(&undated), None);
        let one_month = parallax_engine::stories::Story {
            from: Some("2020-08".into()),
            to: Some("2020-08-19".into()),
            ..story
        };
        assert_eq!(story_span(&one_month).as_deref(), Some("Aug 2020"));
    }
}
