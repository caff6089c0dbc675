//! What every picture of one corpus starts from, computed once per corpus and kept while the
//! corpus is open: the outlet columns, every story's cells, every entity's cells (mentions,
//! articles and spellings per outlet column), each entity's mentions (an index, so one entity's
//! mentions over time are not found by reading them all) and the dates the articles mention.
//! A sort or a zoom then only orders and bins these aggregates; it never rereads the mentions.

use std::cell::{OnceCell, RefCell};

use parallax_engine::Bundle;

use super::coverage::StoryRow;
use super::entities::{EntityTable, TableBuilder};
use super::outlets::{OutletColumns, MAX_OUTLETS};
use super::timeline::{EventMention, When};

/// The per-corpus aggregates. Parts are built on first use: the entity index page never pays
/// for the story rows, nor the home page for the entity rows.
#[derive(Debug)]
pub struct Basis {
    /// The outlet columns every picture shares.
    pub outlets: OutletColumns,
    stories: OnceCell<Vec<StoryRow>>,
    entity_table: OnceCell<EntityTable>,
    /// The entity table while it is read in slices ([`Basis::build_entity_table`]).
    entity_builder: RefCell<Option<TableBuilder>>,
    by_entity: OnceCell<EntityMentions>,
    dated: OnceCell<Vec<(When, EventMention)>>,
    folded_names: OnceCell<Vec<String>>,
}

/// Every entity's mentions: `mentions[offsets[e]..offsets[e + 1]]` are the indices (into
/// `bundle.entities.mentions`, corpus order) of entity `e`'s mentions.
#[derive(Debug, Default)]
struct EntityMentions {
    offsets: Vec<u32>,
    mentions: Vec<u32>,
}

impl Basis {
    /// The basis of a corpus, with up to [`MAX_OUTLETS`] named outlet columns.
    pub fn new(bundle: &Bundle) -> Basis {
        Basis::with_outlets(bundle, MAX_OUTLETS)
    }

    /// The basis of a corpus, with up to `max_outlets` named outlet columns.
    pub fn with_outlets(bundle: &Bundle, max_outlets: usize) -> Basis {
        Basis {
            outlets: OutletColumns::new(bundle, max_outlets),
            stories: OnceCell::new(),
            entity_table: OnceCell::new(),
            entity_builder: RefCell::new(None),
            by_entity: OnceCell::new(),
            dated: OnceCell::new(),
            folded_names: OnceCell::new(),
        }
    }

    /// Every story's row, in `bundle.stories` order, without words or the articles to compare
    /// (those are filled for the rows shown).
    pub fn story_rows(&self, bundle: &Bundle) -> &[StoryRow] {
        self.stories.get_or_init(|| super::coverage::story_rows(bundle, &self.outlets))
    }

    /// Every entity's mentions, articles and spellings per outlet column (what slices of
    /// [`Basis::build_entity_table`] have not read yet is read now).
    pub fn entity_table(&self, bundle: &Bundle) -> &EntityTable {
        self.entity_table.get_or_init(|| match self.entity_builder.borrow_mut().take() {
            Some(mut builder) => {
                while !builder.step(bundle, &self.outlets, usize::MAX) {}
                builder.finish()
            }
            None => EntityTable::new(bundle, &self.outlets),
        })
    }

    /// The entity table, if it has been read.
    pub fn entity_table_ready(&self) -> Option<&EntityTable> {
        self.entity_table.get()
    }

    /// Reads up to `budget` more of the entity table (mentions, then cells); true once the
    /// table is ready. A page calls this in short tasks while it is idle, so that the entity
    /// index's picture only sorts and draws.
    pub fn build_entity_table(&self, bundle: &Bundle, budget: usize) -> bool {
        if self.entity_table.get().is_some() {
            return true;
        }
        let mut slot = self.entity_builder.borrow_mut();
        let builder = slot.get_or_insert_with(|| TableBuilder::new(bundle, &self.outlets));
        if !builder.step(bundle, &self.outlets, budget) {
            return false;
        }
        if let Some(builder) = slot.take() {
            let _ = self.entity_table.set(builder.finish());
        }
        true
    }

    /// The indices (into `bundle.entities.mentions`, corpus order) of one entity's mentions.
    pub fn mentions_of(&self, bundle: &Bundle, entity: usize) -> &[u32] {
        let index = self.by_entity.get_or_init(|| entity_mentions(bundle));
        let (Some(&from), Some(&to)) =
            (index.offsets.get(entity), entity.checked_add(1).and_then(|e| index.offsets.get(e)))
        else {
            return &[];
        };
        index.mentions.get(from as usize..to as usize).unwrap_or(&[])
    }

    /// Every date the articles mention that a reader can put on a calendar.
    pub fn dated_mentions(&self, bundle: &Bundle) -> &[(When, EventMention)] {
        self.dated.get_or_init(|| super::timeline::dated_mentions(bundle))
    }

    /// Entity names folded for sorting by name.
    pub fn folded_names(&self, bundle: &Bundle) -> &[String] {
        self.folded_names.get_or_init(|| {
            bundle.entities.entities.iter().map(|e| parallax_engine::text::fold(&e.name)).collect()
        })
    }
}

fn entity_mentions(bundle: &Bundle) -> EntityMentions {
    let n = bundle.entities.entities.len();
    let mut offsets = vec![0u32; n + 1];
    for m in &bundle.entities.mentions {
        if let Some(e) = m.entity().map(|e| e as usize).filter(|&e| e < n) {
            offsets[e + 1] += 1;
        }
    }
    for e in 0..n {
        offsets[e + 1] += offsets[e];
    }
    let mut next = offsets.clone();
    let mut mentions = vec![0u32; offsets[n] as usize];
    for (i, m) in bundle.entities.mentions.iter().enumerate() {
        if let Some(e) = m.entity().map(|e| e as usize).filter(|&e| e < n) {
            mentions[next[e] as usize] = i as u32;
            next[e] += 1;
        }
    }
    EntityMentions { offsets, mentions }
}
