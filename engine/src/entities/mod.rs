//! Entities: the curated knowledge base, recognition, linking, dates and figures.
//!
//! [`EntityData::build`] reads every kept block of every article (title, captions, headings,
//! bullets, paragraphs) and produces non-overlapping [`Mention`]s with raw-file byte offsets:
//!
//! - names linked to the curated [`KnowledgeBase`] through their aliases, with spelling variants
//!   (a dropped `al-`, transliteration classes via [`crate::text::translit_key`], surnames after a
//!   full name in the same article, acronyms defined in parentheses);
//! - role phrases ("the Iraqi PM", "the premier") linked to the one entity of that role named in
//!   the same article;
//! - names the knowledge base does not know, found by rules (titles, organisation words, a shipped
//!   gazetteer, first names) and given a provisional id such as `x-person-ihsan-al-shammari`;
//! - dates and figures with a structured, normalised [`Value`].
//!
//! ```
//! use parallax_engine::entities::{EntityData, KnowledgeBase, MentionKind};
//! use parallax_engine::{build_bundle, SourceInput};
//!
//! let kb = r#"
//! [[entity]]
//! id = "mustafa-al-kadhimi"
//! type = "PERSON"
//! name = "Mustafa al-Kadhimi"
//! aliases = ["Kadhimi"]
//! "#;
//! let raw = "Kadhemi visits Washington\n\nIraqi Prime Minister Mustafa al-Kadhemi met 5,000 US troops.\n";
//! let built = build_bundle(&[SourceInput { name: "a.txt", bytes: raw.as_bytes() }], kb);
//! let data = &built.bundle.entities;
//! let kadhimi = data.entity_index("mustafa-al-kadhimi").unwrap();
//! assert_eq!(data.mentions_of(kadhimi).count(), 2);
//! assert!(data.mentions_in(0).iter().any(|m| m.kind() == MentionKind::Figure));
//! ```

mod clock;
mod figures;
mod gazetteer;
mod kb;
mod lexicon;
mod names;
mod temporal;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::model::Article;

pub use clock::{clock_times, ClockTime, END_OF_DAY};
pub use figures::{approximate_range, FigureValue};
pub use kb::{KbEntry, KnowledgeBase, KB_FILE};
pub use temporal::{DateValue, PartialDate};

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation: party, armed group, ministry, company, news agency.
    Org,
    /// A place: country, city, region.
    Place,
}

impl EntityKind {
    /// Parses the knowledge-base spelling: `PERSON`, `ORG` or `PLACE` (any case; `ORGANIZATION`,
    /// `LOCATION` and `LOC` are accepted too).
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s.trim().to_ascii_uppercase().as_str() {
            "PERSON" | "PER" => Some(EntityKind::Person),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(EntityKind::Org),
            "PLACE" | "LOC" | "LOCATION" | "GPE" => Some(EntityKind::Place),
            _ => None,
        }
    }

    /// Upper-case label used in the knowledge base and gold files: `PERSON`, `ORG`, `PLACE`.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Place => "PLACE",
        }
    }

    /// Lower-case name for CSS classes and provisional ids: `person`, `org`, `place`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Place => "place",
        }
    }

    /// The mention kind for a name of this entity kind.
    pub fn mention_kind(self) -> MentionKind {
        match self {
            EntityKind::Person => MentionKind::Person,
            EntityKind::Org => MentionKind::Org,
            EntityKind::Place => MentionKind::Place,
        }
    }
}

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A person's name (or a role phrase linked to a person).
    Person = 0,
    /// An organisation's name or acronym.
    Org = 1,
    /// A place name.
    Place = 2,
    /// A date or date range; [`Mention::value`] holds a [`Value::Date`].
    Date = 3,
    /// A number with what it counts; [`Mention::value`] holds a [`Value::Figure`].
    Figure = 4,
}

impl MentionKind {
    /// Lower-case name for CSS classes and JSON: `person`, `org`, `place`, `date`, `figure`.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Person => "person",
            MentionKind::Org => "org",
            MentionKind::Place => "place",
            MentionKind::Date => "date",
            MentionKind::Figure => "figure",
        }
    }

    /// True for person, organisation and place mentions.
    pub fn is_name(self) -> bool {
        matches!(self, MentionKind::Person | MentionKind::Org | MentionKind::Place)
    }
}

/// An entity known to the corpus: from the knowledge base, or found by the rules (provisional).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Slug: the knowledge-base id, or `x-<kind>-<slug of the first spelling>` when provisional.
    pub id: String,
    /// Person, organisation or place.
    pub kind: EntityKind,
    /// Canonical name (for provisional entities: the longest spelling seen).
    pub name: String,
    /// Curated aliases (empty for provisional entities).
    pub aliases: Vec<String>,
    /// One-line description, where curated.
    pub description: Option<String>,
    /// Wikidata id, where curated.
    pub wikidata: Option<String>,
    /// True when the knowledge base does not know the entity (found by rules or the gazetteer).
    pub provisional: bool,
    /// Every distinct spelling the corpus uses for it, as written (possessives excluded), sorted.
    pub spellings: Vec<String>,
}

/// A normalised date or figure. Boxed, so a [`Mention`] (most are names, with no value) stays
/// small: a large corpus holds millions of them. Serialised as the value itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Value {
    /// A date, date range or weekday.
    Date(Box<DateValue>),
    /// A number and what it counts.
    Figure(Box<FigureValue>),
}

/// One recognised span of an article.
///
/// Its kind and entity share one word, as a corpus holds millions of mentions: 24 bytes each, not
/// 32 (100,000 synthetic articles, 15.5 million mentions: 118 MiB less at the build's peak). They
/// are read with [`Mention::kind`] and [`Mention::entity`], and serialised as the fields they are.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "MentionFields", try_from = "MentionFields")]
pub struct Mention {
    /// Index into the articles given to [`EntityData::build`] (the bundle's article order).
    pub article: u32,
    /// Raw-file byte offset of the first byte (a char boundary inside one kept block).
    pub start: u32,
    /// Raw-file byte offset one past the last byte (possessive endings excluded).
    pub end: u32,
    /// The kind in the low [`KIND_BITS`] bits; above them, the entity's index plus one (zero for
    /// none).
    kind_and_entity: u32,
    /// Normalised value, for dates and figures. Boxed once more (a [`Value`] is a tag and a
    /// box): most mentions are names without one.
    pub value: Option<Box<Value>>,
}

/// Bits of [`Mention`]'s packed word that hold the kind (five kinds).
const KIND_BITS: u32 = 3;

/// One more than the largest entity index a [`Mention`] holds (536 million: a corpus's entities
/// are far fewer than its mentions, which a build holds in memory).
pub const MAX_ENTITIES: u32 = u32::MAX >> KIND_BITS;

impl Mention {
    /// A mention, or none where `entity` is not below [`MAX_ENTITIES`].
    pub fn new(
        article: u32,
        (start, end): (u32, u32),
        kind: MentionKind,
        entity: Option<u32>,
        value: Option<Box<Value>>,
    ) -> Option<Mention> {
        let entity_plus_one = match entity {
            None => 0,
            Some(entity) if entity < MAX_ENTITIES => entity + 1,
            Some(_) => return None,
        };
        let kind_and_entity = entity_plus_one << KIND_BITS | kind as u32;
        Some(Mention { article, start, end, kind_and_entity, value })
    }

    /// A date or figure: its kind follows from the value.
    pub fn of_value(article: u32, (start, end): (u32, u32), value: Value) -> Mention {
        let kind = match value {
            Value::Date(_) => MentionKind::Date,
            Value::Figure(_) => MentionKind::Figure,
        };
        Mention { article, start, end, kind_and_entity: kind as u32, value: Some(Box::new(value)) }
    }

    /// Person, organisation, place, date or figure.
    pub fn kind(&self) -> MentionKind {
        match self.kind_and_entity & ((1 << KIND_BITS) - 1) {
            0 => MentionKind::Person,
            1 => MentionKind::Org,
            2 => MentionKind::Place,
            3 => MentionKind::Date,
            _ => MentionKind::Figure,
        }
    }

    /// Index into [`EntityData::entities`], for person, organisation and place mentions.
    pub fn entity(&self) -> Option<u32> {
        (self.kind_and_entity >> KIND_BITS).checked_sub(1)
    }

    /// The same mention, in article `article`.
    pub fn in_article(&self, article: u32) -> Mention {
        Mention { article, ..self.clone() }
    }
}

/// Why a stored mention is refused: it names an entity at or past [`MAX_ENTITIES`].
pub(crate) const ENTITY_PAST_LIMIT: &str =
    "a mention names an entity past the largest index a corpus may hold";

impl std::fmt::Debug for Mention {
    /// As the separate fields it is serialised as (the packed word would print as one number).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mention")
            .field("article", &self.article)
            .field("start", &self.start)
            .field("end", &self.end)
            .field("kind", &self.kind())
            .field("entity", &self.entity())
            .field("value", &self.value)
            .finish()
    }
}

/// A [`Mention`] as it is serialised: its fields apart, as they were before they were packed.
#[derive(Serialize, Deserialize)]
struct MentionFields {
    article: u32,
    start: u32,
    end: u32,
    kind: MentionKind,
    entity: Option<u32>,
    value: Option<Box<Value>>,
}

impl From<Mention> for MentionFields {
    fn from(m: Mention) -> MentionFields {
        let (kind, entity) = (m.kind(), m.entity());
        MentionFields { article: m.article, start: m.start, end: m.end, kind, entity, value: m.value }
    }
}

impl TryFrom<MentionFields> for Mention {
    type Error = &'static str;

    fn try_from(m: MentionFields) -> Result<Mention, &'static str> {
        Mention::new(m.article, (m.start, m.end), m.kind, m.entity, m.value).ok_or(ENTITY_PAST_LIMIT)
    }
}

/// The dates and figures of one article read as [`EntityData::build`] reads them where no name
/// stands in the way: what the comparison reads when it is given no mentions, so the page and the
/// comparison share one reader ([`MentionKind::Date`] and [`MentionKind::Figure`] only, sorted by
/// start).
pub fn dates_and_figures(article: &Article, article_index: u32) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut last_unit = String::new();
    for block in &article.blocks {
        for (start, end, value) in block_dates_and_figures(&block.text, &mut last_unit) {
            let Some((start, end)) = raw_offsets(block.start + start, block.start + end) else { continue };
            out.push(Mention::of_value(article_index, (start, end), value));
        }
    }
    crate::sort::sort_by_key(&mut out, |m| (m.start, m.end));
    out
}

/// The dates and figures of one block of text with no names in it: (start, end, value), block
/// offsets. `last_unit` carries a figure's unit to the next bare count, across blocks.
pub fn block_dates_and_figures(text: &str, last_unit: &mut String) -> Vec<(usize, usize, Value)> {
    let toks = crate::text::tokens(text);
    let dates = temporal::dates(text, &toks, &|_, _| true);
    let dated: Vec<(usize, usize)> = dates.iter().map(|d| (d.start, d.end)).collect();
    // Dates are sorted and disjoint: a figure must not overlap one.
    let free = |s: usize, e: usize| {
        let at = dated.partition_point(|d| d.1 <= s);
        dated.get(at).is_none_or(|d| e <= d.0)
    };
    let figures = figures::figures(text, &toks, &free, last_unit);
    let mut out: Vec<(usize, usize, Value)> =
        dates.into_iter().chain(figures).map(|f| (f.start, f.end, f.value)).collect();
    crate::sort::sort_by_key(&mut out, |f| (f.0, f.1));
    out
}

/// A mention's raw-file offsets as a [`Mention`] holds them, if they fit: a corpus holds millions
/// of mentions, and 32-bit offsets (with its value boxed) keep each in 24 bytes rather than 48.
/// Text past 4 GiB into its file (larger than any article file is read by default) has no
/// mentions.
pub(crate) fn raw_offsets(start: usize, end: usize) -> Option<(u32, u32)> {
    Some((u32::try_from(start).ok()?, u32::try_from(end).ok()?))
}

// A build holds every mention of its corpus (15.5 million at 100,000 synthetic articles).
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Mention>() == 24);

/// Mentions per block while [`EntityData::build`] gathers them (a few MB).
const MENTION_BLOCK: usize = 1 << 16;

/// Entities and their mentions across a corpus, stored in the bundle.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityData {
    /// Curated entities first (knowledge-base order, all of them, mentioned or not), then
    /// provisional ones in order of first mention.
    pub entities: Vec<Entity>,
    /// All mentions, sorted by (article, start); they never overlap.
    pub mentions: Vec<Mention>,
}

/// Values of some mentions taken out of an [`EntityData`] and held packed
/// ([`EntityData::park_values`]) while a stage that does not read them needs the room: a boxed
/// date or figure with its strings takes about a hundred bytes, packed about twenty (at 100,000
/// synthetic articles, 3.6 million values: some 360 MB boxed).
#[derive(Debug, Default)]
pub struct ParkedValues {
    /// One bit per mention (by index): set where its value was taken.
    taken: Vec<u64>,
    /// The taken values in mention order, postcard-encoded one after another.
    packed: Vec<u8>,
}

impl EntityData {
    /// Takes the values for which `park` says yes out of their mentions (which then hold none) and
    /// packs them; [`EntityData::restore_values`] puts the same values back.
    pub fn park_values(&mut self, park: impl Fn(&Value) -> bool) -> ParkedValues {
        let mut parked =
            ParkedValues { taken: vec![0; self.mentions.len().div_ceil(64)], packed: Vec::new() };
        for (i, mention) in self.mentions.iter_mut().enumerate() {
            let Some(value) = mention.value.take_if(|value| park(value)) else { continue };
            // Encoding into a Vec fails only for serde features a value does not use: a value
            // that could not be packed stays in its mention.
            match postcard::to_extend(&*value, std::mem::take(&mut parked.packed)) {
                Ok(packed) => {
                    parked.packed = packed;
                    parked.taken[i / 64] |= 1 << (i % 64);
                }
                Err(_) => mention.value = Some(value),
            }
        }
        parked.packed.shrink_to_fit();
        parked
    }

    /// Puts back the values [`EntityData::park_values`] took, each into its mention.
    pub fn restore_values(&mut self, parked: ParkedValues) {
        let mut rest = parked.packed.as_slice();
        for (i, mention) in self.mentions.iter_mut().enumerate() {
            if parked.taken.get(i / 64).is_some_and(|bits| bits & (1 << (i % 64)) != 0) {
                // The bytes were written by `park_values` from these values: they decode.
                if let Ok((value, after)) = postcard::take_from_bytes::<Value>(rest) {
                    mention.value = Some(Box::new(value));
                    rest = after;
                }
            }
        }
    }
}

/// An entity's spellings in one outlet, each with its count of mentions, most used first.
pub type Spellings = Vec<(String, usize)>;

/// What the entity page and the hover card show about one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityStats {
    /// Number of mentions in the corpus.
    pub mentions: usize,
    /// Number of articles that mention it.
    pub articles: usize,
    /// Number of distinct outlets among those articles (unattributed articles count as one).
    pub outlets: usize,
    /// For each outlet (its name; none for the articles whose outlet is not known): the
    /// spellings it uses, each with its count, most used first. Outlets sorted by name, the
    /// unknown one last.
    pub spellings_by_outlet: Vec<(Option<String>, Spellings)>,
    /// Other entities named in the same articles: (entity index, shared articles), most shared
    /// first, then by index.
    pub co_occurring: Vec<(u32, usize)>,
}

impl EntityData {
    /// Recognises and links every mention in the articles' kept blocks.
    pub fn build(articles: &[Article], kb: &KnowledgeBase) -> EntityData {
        let recogniser = names::Recogniser::shared(kb);
        let mut registry = names::Registry::new(kb);
        // Mentions are gathered in blocks of fixed size and joined once at the end: a vector grown
        // by doubling holds its old and new buffers at once while it copies, where the join frees
        // each block once it is copied, into a buffer that becomes resident only as it is written
        // (at 10,000 synthetic articles, 1.5 million mentions, the stage's peak 288 -> 249 MB).
        let mut blocks: Vec<Vec<Mention>> = Vec::new();
        let mut block: Vec<Mention> = Vec::new();
        let article_index = |index: usize| u32::try_from(index).unwrap_or(u32::MAX);
        // Only linking names is sequential (a name learned in one article links it in later
        // ones); splitting blocks into words, and dates and figures, run on every core.
        crate::par::pipeline(
            articles,
            crate::hash::FxHashMap::default,
            |keys, article| names::prepare(article, keys),
            |index, article, prepared| {
                recogniser.link(article, prepared, article_index(index), &mut registry)
            },
            |index, article, prepared, linked| names::finish(article, prepared, linked, article_index(index)),
            |_, found| {
                for mut mention in found {
                    // A date's or figure's value was boxed on a worker among its scratch
                    // allocations: a copy made here is packed with the others that are kept
                    // (the worker's pages are returned once its scratch is freed).
                    if mention.value.is_some() {
                        mention.value = mention.value.clone();
                    }
                    if block.len() == block.capacity() {
                        blocks.push(std::mem::replace(&mut block, Vec::with_capacity(MENTION_BLOCK)));
                    }
                    block.push(mention);
                }
            },
        );
        blocks.push(block);
        let mut mentions = Vec::with_capacity(blocks.iter().map(Vec::len).sum());
        for block in blocks {
            mentions.extend(block);
        }
        let mut data = EntityData { entities: registry.into_entities(), mentions };
        data.collect_spellings(articles);
        data
    }

    fn collect_spellings(&mut self, articles: &[Article]) {
        let mut spellings: Vec<HashSet<String>> = vec![HashSet::new(); self.entities.len()];
        for mention in &self.mentions {
            let (Some(entity), Some(text)) = (mention.entity(), self.surface(articles, mention)) else {
                continue;
            };
            // Most mentions repeat a spelling already seen: no string made for those.
            if let Some(set) = spellings.get_mut(entity as usize).filter(|set| !set.contains(text)) {
                set.insert(text.to_string());
            }
        }
        for (entity, set) in self.entities.iter_mut().zip(spellings) {
            let mut list: Vec<String> = set.into_iter().collect();
            crate::sort::sort_by(&mut list, Ord::cmp);
            entity.spellings = list;
        }
    }

    /// The mentions of one article, sorted by start offset.
    pub fn mentions_in(&self, article: u32) -> &[Mention] {
        let from = self.mentions.partition_point(|m| m.article < article);
        let to = self.mentions.partition_point(|m| m.article <= article);
        &self.mentions[from..to]
    }

    /// Every mention linked to the entity at `entity` (an index into [`EntityData::entities`]).
    pub fn mentions_of(&self, entity: u32) -> impl Iterator<Item = &Mention> + '_ {
        self.mentions.iter().filter(move |m| m.entity() == Some(entity))
    }

    /// The index of the entity with this id.
    pub fn entity_index(&self, id: &str) -> Option<u32> {
        self.entities.iter().position(|e| e.id == id).and_then(|i| u32::try_from(i).ok())
    }

    /// The entity with this id.
    pub fn entity_by_id(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The entity a mention links to.
    pub fn entity_of(&self, mention: &Mention) -> Option<&Entity> {
        mention.entity().and_then(|i| self.entities.get(i as usize))
    }

    /// Entities one of whose names, aliases or corpus spellings matches `spelling`, best first:
    /// exact (case- and accent-insensitive) matches, then matches up to a dropped `al-` and
    /// transliteration ("Kadhemi", "al-kadhimi" and "KADHIMI" all find Mustafa al-Kadhimi). The
    /// id itself matches too. For the search `entity:` filter.
    pub fn find_by_alias(&self, spelling: &str) -> Vec<u32> {
        let folded = crate::text::fold(spelling.trim());
        let key = names::name_key(spelling);
        if folded.is_empty() {
            return Vec::new();
        }
        let mut exact = Vec::new();
        let mut loose = Vec::new();
        for (i, entity) in self.entities.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            let all = std::iter::once(&entity.name).chain(&entity.aliases).chain(&entity.spellings);
            let mut best = None;
            if entity.id == spelling.trim() {
                best = Some(0);
            }
            for name in all {
                if crate::text::fold(name) == folded {
                    best = Some(0);
                    break;
                }
                if !key.is_empty() && names::name_key(name) == key {
                    best = best.or(Some(1));
                }
            }
            match best {
                Some(0) => exact.push(i),
                Some(_) => loose.push(i),
                None => {}
            }
        }
        exact.extend(loose);
        exact
    }

    /// The text of a mention, sliced from its article's block (None if the offsets do not fall in
    /// a block of that article, which `build` never produces).
    pub fn surface<'a>(&self, articles: &'a [Article], mention: &Mention) -> Option<&'a str> {
        let article = articles.get(mention.article as usize)?;
        let (start, end) = (mention.start as usize, mention.end as usize);
        let holds = |b: &&crate::model::Block| b.start <= start && end <= b.end;
        // Blocks are in reading order, so the last one starting at or before the mention is the
        // one to try first (a 10,000-article corpus has 1.5 million mentions to read this way);
        // the walk is there for blocks out of order.
        let last_before = article.blocks.partition_point(|b| b.start <= start).checked_sub(1);
        let block = last_before
            .and_then(|i| article.blocks.get(i))
            .filter(holds)
            .or_else(|| article.blocks.iter().find(holds))?;
        block.text.get(start - block.start..end - block.start)
    }

    /// Counts, outlets, spellings per outlet and co-occurring entities for one entity.
    pub fn stats(&self, entity: u32, articles: &[Article]) -> EntityStats {
        let mut n_mentions = 0;
        let mut in_articles = HashSet::new();
        let mut by_outlet: BTreeMap<Option<String>, HashMap<String, usize>> = BTreeMap::new();
        for mention in self.mentions_of(entity) {
            n_mentions += 1;
            in_articles.insert(mention.article);
            let outlet = articles
                .get(mention.article as usize)
                .and_then(|a| a.outlet.as_ref())
                .map(|o| o.name.clone());
            let spelling = self.surface(articles, mention).unwrap_or_default().to_string();
            *by_outlet.entry(outlet).or_default().entry(spelling).or_default() += 1;
        }
        let mut shared: HashMap<u32, HashSet<u32>> = HashMap::new();
        for &article in &in_articles {
            for mention in self.mentions_in(article) {
                if let Some(other) = mention.entity().filter(|&o| o != entity) {
                    shared.entry(other).or_default().insert(article);
                }
            }
        }
        let mut co_occurring: Vec<(u32, usize)> = shared.into_iter().map(|(e, a)| (e, a.len())).collect();
        crate::sort::sort_by(&mut co_occurring, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut spellings_by_outlet = by_outlet
            .into_iter()
            .map(|(outlet, counts)| {
                let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
                crate::sort::sort_by(&mut counts, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                (outlet, counts)
            })
            .collect::<Vec<_>>();
        // `None` sorts first: the unknown outlet goes last.
        if spellings_by_outlet.first().is_some_and(|(outlet, _)| outlet.is_none()) {
            spellings_by_outlet.rotate_left(1);
        }
        EntityStats {
            mentions: n_mentions,
            articles: in_articles.len(),
            outlets: spellings_by_outlet.len(),
            spellings_by_outlet,
            co_occurring,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{build_bundle, SourceInput};

    fn sample() -> EntityData {
        let raw = "Talks in Cairo\n\nOn 3 March 2022 about 5,000 troops reached Cairo, and 12 were hurt. \
                   Egypt said on Tuesday that talks since 2021 would go on.\n";
        build_bundle(&[SourceInput { name: "a.txt", bytes: raw.as_bytes() }], "").bundle.entities
    }

    #[test]
    fn parked_values_leave_their_mentions_and_come_back_the_same() {
        let before = sample();
        let dates = before.mentions.iter().filter(|m| matches!(m.value.as_deref(), Some(Value::Date(_))));
        let figures = before.mentions.iter().filter(|m| matches!(m.value.as_deref(), Some(Value::Figure(_))));
        assert!(dates.count() >= 2 && figures.count() >= 2, "{:?}", before.mentions);
        let mut data = before.clone();
        let parked_dates = data.park_values(|v| matches!(v, Value::Date(_)));
        // Only the dates are gone: the figures stay in their mentions.
        assert!(data.mentions.iter().all(|m| !matches!(m.value.as_deref(), Some(Value::Date(_)))));
        assert_eq!(
            data.mentions.iter().filter(|m| m.value.is_some()).count(),
            before.mentions.iter().filter(|m| m.kind() == MentionKind::Figure).count()
        );
        let parked_figures = data.park_values(|_| true);
        assert!(data.mentions.iter().all(|m| m.value.is_none()));
        data.restore_values(parked_figures);
        data.restore_values(parked_dates);
        assert_eq!(data, before);
    }

    #[test]
    fn a_mention_keeps_its_kind_and_entity_and_is_serialised_as_its_fields() {
        let kinds = [
            MentionKind::Person,
            MentionKind::Org,
            MentionKind::Place,
            MentionKind::Date,
            MentionKind::Figure,
        ];
        for kind in kinds {
            for entity in [None, Some(0), Some(1), Some(77_000), Some(MAX_ENTITIES - 1)] {
                let m = Mention::new(9, (4, 11), kind, entity, None).unwrap();
                assert_eq!((m.kind(), m.entity(), m.article, m.start, m.end), (kind, entity, 9, 4, 11));
                let fields = MentionFields { article: 9, start: 4, end: 11, kind, entity, value: None };
                let bytes = postcard::to_allocvec(&m).unwrap();
                assert_eq!(bytes, postcard::to_allocvec(&fields).unwrap());
                assert_eq!(postcard::from_bytes::<Mention>(&bytes).unwrap(), m);
            }
        }
        assert!(Mention::new(0, (0, 1), MentionKind::Person, Some(MAX_ENTITIES), None).is_none());
        let beyond = MentionFields {
            article: 0,
            start: 0,
            end: 1,
            kind: MentionKind::Org,
            entity: Some(u32::MAX),
            value: None,
        };
        let bytes = postcard::to_allocvec(&beyond).unwrap();
        assert!(postcard::from_bytes::<Mention>(&bytes).is_err());
        let figure = Value::Figure(Box::new(FigureValue {
            value: 12.0,
            unit: "people".into(),
            counted: "people".into(),
            inferred: false,
            qualifier: None,
        }));
        let m = Mention::of_value(2, (5, 7), figure.clone());
        assert_eq!((m.kind(), m.entity(), m.value.as_deref()), (MentionKind::Figure, None, Some(&figure)));
        assert_eq!(m.in_article(5).article, 5);
    }
}
