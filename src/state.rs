//! The app's one state value, its actions, and the hash routes that make every view a link.

use std::rc::Rc;

use parallax_engine::{Article, Block, BlockKind, Bundle, Removed};
use yew::Reducible;

/// A view of the explorer, as written after `#` in the URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/`: the corpus, grouped by outlet.
    Home,
    /// `#/article/<id>`: one cleaned article.
    Article {
        /// The article's slug.
        id: String,
    },
    /// Anything else: shown as "no such page".
    NotFound(String),
}

impl Route {
    /// Reads a `location.hash` value (with or without the leading `#`). Never fails.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#');
        let path = path.split('?').next().unwrap_or("");
        let parts: Vec<String> = path.split('/').filter(|p| !p.is_empty()).map(percent_decode).collect();
        match parts.as_slice() {
            [] => Route::Home,
            [page, id] if page == "article" => Route::Article { id: id.clone() },
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The `#…` link for this route.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Article { id } => format!("#/article/{}", percent_encode(id)),
            Route::NotFound(path) => format!("#{path}"),
        }
    }
}

/// Whether the corpus bundle is there yet.
#[derive(Clone, Debug, PartialEq)]
pub enum Corpus {
    /// Still downloading or decoding.
    Loading,
    /// Ready to explore.
    Ready(Rc<Bundle>),
    /// Could not be loaded; the message says why and what to do.
    Failed(String),
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
}

impl AppState {
    /// The state at start-up, on the route the page was opened with.
    pub fn new(route: Route) -> AppState {
        AppState { corpus: Corpus::Loading, route, show_noise: false }
    }
}

/// What can happen to the state.
#[derive(Clone, Debug)]
pub enum Action {
    /// The bundle arrived and decoded.
    Loaded(Rc<Bundle>),
    /// The bundle could not be loaded.
    Failed(String),
    /// The URL hash changed.
    Navigate(Route),
    /// The reader flipped the "show removed noise" switch.
    ToggleNoise,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Loaded(bundle) => next.corpus = Corpus::Ready(bundle),
            Action::Failed(message) => next.corpus = Corpus::Failed(message),
            Action::Navigate(route) => next.route = route,
            Action::ToggleNoise => next.show_noise = !next.show_noise,
        }
        Rc::new(next)
    }
}

/// The label for articles whose outlet the text never states.
pub const UNKNOWN_OUTLET: &str = "Outlet not stated";

/// Articles grouped by outlet: named outlets alphabetically, then the unattributed ones; articles
/// keep corpus order inside a group.
pub fn articles_by_outlet(bundle: &Bundle) -> Vec<(String, Vec<&Article>)> {
    let mut groups: Vec<(String, Vec<&Article>)> = Vec::new();
    for article in &bundle.articles {
        let outlet = article.outlet.as_ref().map_or(UNKNOWN_OUTLET, |o| o.name.as_str());
        match groups.iter_mut().find(|(name, _)| name == outlet) {
            Some((_, list)) => list.push(article),
            None => groups.push((outlet.to_string(), vec![article])),
        }
    }
    groups.sort_by_key(|(name, _)| (name == UNKNOWN_OUTLET, name.to_lowercase()));
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
    items.sort_by_key(|(start, _)| *start);
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

/// Decodes `%XX` escapes (invalid ones are kept as written).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
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
        for route in [Route::Home, Route::Article { id: "kadhimi-biden-to-meet-soon".into() }] {
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/nope/x/y"), Route::NotFound("/nope/x/y".into()));
    }

    #[test]
    fn percent_escapes_survive_odd_input() {
        assert_eq!(percent_decode("a%20b%"), "a b%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode(&percent_encode("Fouad “Hussein”")), "Fouad “Hussein”");
    }
}
