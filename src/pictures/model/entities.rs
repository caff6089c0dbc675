//! Entities × outlets: for every entity, the mentions each outlet column makes of it, the articles
//! they are in and the spellings it uses. Read in one pass over the mentions per corpus
//! ([`EntityTable`], kept in `Basis`); a sort or a kind filter then only orders the table's
//! totals and copies out the rows shown. The drawing is in `pictures::entity_matrix`.
//!
//! The pass is most of the picture's cost at 10,000 articles (1.5 million mentions): nothing is
//! hashed per mention, a mention's cell is found through a table indexed by entity and column, its
//! spelling is read from its block by a cursor that follows the mentions through the article (they
//! are sorted by article and offset), and compared as bytes with the cell's spellings from the
//! last one used.

use parallax_engine::entities::{EntityData, EntityKind, Mention};
use parallax_engine::model::Block;
use parallax_engine::Bundle;

use super::basis::Basis;
use super::outlets::{Outlet, OutletColumns};

/// How one outlet names one entity.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntityCell {
    /// Mentions in that outlet's articles.
    pub mentions: usize,
    /// Articles of that outlet that mention it (bundle indices, corpus order).
    pub articles: Vec<usize>,
    /// The spellings it uses, most used first: (as written, mentions).
    pub spellings: Vec<(String, usize)>,
}

/// One entity's row.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityRow {
    /// Index into `bundle.entities.entities`.
    pub entity: usize,
    /// One cell per outlet column.
    pub cells: Vec<EntityCell>,
    /// Mentions in the corpus.
    pub mentions: usize,
    /// Outlet columns that mention it.
    pub outlets: usize,
}

/// How the entity rows are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EntityOrder {
    /// Most mentioned first.
    #[default]
    Mentions,
    /// Named by the most outlets first.
    Outlets,
    /// By name, A to Z.
    Name,
    /// Most mentioned by the outlet in this column first.
    Column(usize),
}

/// The entities × outlets picture.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityMatrix {
    /// Outlet columns.
    pub columns: Vec<Outlet>,
    /// The rows shown, in the asked order.
    pub rows: Vec<EntityRow>,
    /// Entities of the asked kind mentioned at all.
    pub total_rows: usize,
    /// Largest cell mention count (for scaling marks).
    pub max_mentions: usize,
}

/// Every entity's cells, read once per corpus. Only cells with a mention are stored: a corpus
/// names tens of thousands of entities, most of them in one or two outlets.
#[derive(Debug, Default)]
pub struct EntityTable {
    n_cols: usize,
    /// `slot[entity × n_cols + column]`: the index of that cell in `cells`, or `NONE`.
    slot: Vec<u32>,
    cells: Vec<EntityCell>,
    /// Mentions of each entity in the corpus.
    mentions: Vec<usize>,
    /// Columns that mention each entity.
    outlets: Vec<usize>,
}

const NONE: u32 = u32::MAX;

impl EntityTable {
    /// Reads every entity mention of the corpus once.
    pub fn new(bundle: &Bundle, columns: &OutletColumns) -> EntityTable {
        let mut builder = TableBuilder::new(bundle, columns);
        while !builder.step(bundle, columns, usize::MAX) {}
        builder.finish()
    }

    /// Mentions of this entity in the corpus.
    pub fn mentions(&self, entity: usize) -> usize {
        self.mentions.get(entity).copied().unwrap_or(0)
    }

    /// Mentions of this entity in the articles of this column.
    pub fn cell_mentions(&self, entity: usize, column: usize) -> usize {
        self.cell(entity, column).map_or(0, |c| c.mentions)
    }

    fn cell(&self, entity: usize, column: usize) -> Option<&EntityCell> {
        if column >= self.n_cols {
            return None;
        }
        let s = *self.slot.get(entity.checked_mul(self.n_cols)?.checked_add(column)?)?;
        self.cells.get(s as usize)
    }

    /// This entity's row: one cell per column.
    pub fn row(&self, entity: usize) -> EntityRow {
        EntityRow {
            entity,
            cells: (0..self.n_cols).map(|c| self.cell(entity, c).cloned().unwrap_or_default()).collect(),
            mentions: self.mentions(entity),
            outlets: self.outlets.get(entity).copied().unwrap_or(0),
        }
    }
}

/// The table read a slice at a time, so a large corpus's table can be made in short tasks while
/// the page is idle: [`TableBuilder::step`] reads the next mentions (and then turns the next
/// cells' spellings into text) up to a budget, and [`TableBuilder::finish`] hands the table over
/// once every step is done. Any sequence of budgets gives the same table as
/// [`EntityTable::new`].
#[derive(Debug, Default)]
pub struct TableBuilder {
    n_cols: usize,
    n_entities: usize,
    /// The next mention to read (`bundle.entities.mentions`), then past the end.
    next_mention: usize,
    slot: Vec<u32>,
    counting: Vec<Counting>,
    cursor: BlockCursor,
    /// Cells finished so far (`counting[..cells.len()]` have been taken).
    cells: Vec<EntityCell>,
}

impl TableBuilder {
    /// A builder that has read nothing yet.
    pub fn new(bundle: &Bundle, columns: &OutletColumns) -> TableBuilder {
        let n_cols = columns.columns.len();
        let n_entities = bundle.entities.entities.len();
        TableBuilder { n_cols, n_entities, slot: vec![NONE; n_entities * n_cols], ..TableBuilder::default() }
    }

    /// Does up to `budget` units of work (a mention read, or a cell's spellings finished); true
    /// once nothing is left, when [`TableBuilder::finish`] returns the whole table.
    pub fn step(&mut self, bundle: &Bundle, columns: &OutletColumns, budget: usize) -> bool {
        let data = &bundle.entities;
        let n = self.n_entities;
        let n_cols = self.n_cols;
        let mut left = budget;
        while left > 0 && self.next_mention < data.mentions.len() {
            let until = data.mentions.len().min(self.next_mention.saturating_add(left));
            for m in &data.mentions[self.next_mention..until] {
                let Some(e) = m.entity().map(|e| e as usize).filter(|&e| e < n) else { continue };
                let article = m.article as usize;
                let col = columns.column_of(article);
                let Some(s) = self.slot.get_mut(e * n_cols + col) else { continue };
                if *s == NONE {
                    *s = u32::try_from(self.counting.len()).unwrap_or(NONE);
                    self.counting.push(Counting::default());
                }
                let Some(cell) = self.counting.get_mut(*s as usize) else { continue };
                cell.mentions += 1;
                if cell.articles.last() != Some(&article) {
                    cell.articles.push(article);
                }
                if let Some(text) = self.cursor.surface(bundle, data, m) {
                    cell.count(text);
                }
            }
            left -= until - self.next_mention;
            self.next_mention = until;
        }
        while left > 0 && self.cells.len() < self.counting.len() {
            let counting = std::mem::take(&mut self.counting[self.cells.len()]);
            self.cells.push(counting.finish());
            left -= 1;
        }
        self.next_mention >= data.mentions.len() && self.cells.len() >= self.counting.len()
    }

    /// The table, from the mentions read so far (all of them once [`TableBuilder::step`] has said
    /// so); cells not yet finished are finished here.
    pub fn finish(mut self) -> EntityTable {
        let n = self.n_entities;
        let n_cols = self.n_cols;
        let mut cells = std::mem::take(&mut self.cells);
        let rest = self.counting.split_off(cells.len().min(self.counting.len()));
        cells.extend(rest.into_iter().map(Counting::finish));
        let mut mentions = vec![0; n];
        let mut outlets = vec![0; n];
        for (e, row) in self.slot.chunks(n_cols.max(1)).enumerate().take(n) {
            for &s in row.iter().filter(|&&s| s != NONE) {
                mentions[e] += cells.get(s as usize).map_or(0, |c| c.mentions);
                outlets[e] += 1;
            }
        }
        EntityTable { n_cols, slot: self.slot, cells, mentions, outlets }
    }
}

/// A cell while the mentions are read: its spellings copied out of the article text (compared
/// with every later mention, so kept in a few hot bytes rather than in the text of whichever
/// article first used them), and the index of the last one counted (an outlet tends to keep one
/// spelling through an article).
#[derive(Debug, Default)]
struct Counting {
    mentions: usize,
    articles: Vec<usize>,
    spellings: Vec<(Box<[u8]>, usize)>,
    last: usize,
}

impl Counting {
    fn count(&mut self, text: &[u8]) {
        if let Some(s) = self.spellings.get_mut(self.last).filter(|s| *s.0 == *text) {
            s.1 += 1;
        } else if let Some(i) = self.spellings.iter().position(|s| *s.0 == *text) {
            self.spellings[i].1 += 1;
            self.last = i;
        } else {
            self.last = self.spellings.len();
            self.spellings.push((text.into(), 1));
        }
    }

    fn finish(self) -> EntityCell {
        let mut spellings: Vec<(String, usize)> =
            self.spellings.into_iter().map(|(s, n)| (String::from_utf8_lossy(&s).into_owned(), n)).collect();
        parallax_engine::sort::sort_by(&mut spellings, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        EntityCell { mentions: self.mentions, articles: self.articles, spellings }
    }
}

/// Finds mentions' text in their blocks by walking forward through one article's blocks as its
/// mentions (sorted by offset) are read, instead of a search per mention.
#[derive(Debug, Default)]
struct BlockCursor {
    article: usize,
    block: usize,
}

impl BlockCursor {
    /// The bytes of the mention (a whole UTF-8 string: the engine's offsets are char boundaries,
    /// which `EntityData::surface` checks where the walk does not find the block).
    fn surface<'a>(&mut self, bundle: &'a Bundle, data: &EntityData, m: &Mention) -> Option<&'a [u8]> {
        let article = m.article as usize;
        if article != self.article {
            *self = BlockCursor { article, block: 0 };
        }
        let blocks: &[Block] = &bundle.articles.get(article)?.blocks;
        let (start, end) = (m.start as usize, m.end as usize);
        while blocks.get(self.block).is_some_and(|b| b.end <= start) {
            self.block += 1;
        }
        match blocks.get(self.block).filter(|b| b.start <= start && end <= b.end) {
            Some(b) => b.text.as_bytes().get(start - b.start..end - b.start),
            // Blocks out of reading order: the engine's own search.
            None => {
                self.block = 0;
                data.surface(&bundle.articles, m).map(str::as_bytes)
            }
        }
    }
}

/// Builds the entities × outlets matrix for entities of `kind` (all kinds when `None`), keeping
/// `max_rows` rows in `order`, from the corpus's table (`basis`).
pub fn entity_matrix(
    bundle: &Bundle,
    basis: &Basis,
    kind: Option<EntityKind>,
    order: EntityOrder,
    max_rows: usize,
) -> EntityMatrix {
    let data = &bundle.entities;
    let outlets = &basis.outlets;
    let table = basis.entity_table(bundle);
    let n_cols = outlets.columns.len();
    let n = data.entities.len();
    if n_cols == 0 {
        return EntityMatrix {
            columns: outlets.columns.clone(),
            rows: Vec::new(),
            total_rows: 0,
            max_mentions: 0,
        };
    }
    let mut candidates: Vec<usize> = (0..n)
        .filter(|&e| kind.is_none_or(|k| data.entities[e].kind == k) && table.mentions(e) > 0)
        .collect();
    let total_rows = candidates.len();
    let names = match order {
        EntityOrder::Name => basis.folded_names(bundle),
        _ => &[],
    };
    let outlets_of = |e: usize| table.outlets.get(e).copied().unwrap_or(0);
    let by = |&a: &usize, &b: &usize| match order {
        EntityOrder::Mentions => table.mentions(b).cmp(&table.mentions(a)).then(a.cmp(&b)),
        EntityOrder::Outlets => {
            outlets_of(b).cmp(&outlets_of(a)).then(table.mentions(b).cmp(&table.mentions(a))).then(a.cmp(&b))
        }
        EntityOrder::Name => names.get(a).cmp(&names.get(b)).then(a.cmp(&b)),
        EntityOrder::Column(col) => {
            let col = col.min(n_cols - 1);
            table
                .cell_mentions(b, col)
                .cmp(&table.cell_mentions(a, col))
                .then(table.mentions(b).cmp(&table.mentions(a)))
                .then(a.cmp(&b))
        }
    };
    // Every comparison ends on the entity index, so selecting the first rows then sorting them
    // gives exactly what a full sort would.
    if max_rows < candidates.len() {
        parallax_engine::sort::select_first(&mut candidates, max_rows, by);
        candidates.truncate(max_rows);
    }
    parallax_engine::sort::sort_by(&mut candidates, by);
    let rows: Vec<EntityRow> = candidates.iter().map(|&e| table.row(e)).collect();
    let max_mentions = rows.iter().flat_map(|r| r.cells.iter().map(|c| c.mentions)).max().unwrap_or(0);
    EntityMatrix { columns: outlets.columns.clone(), rows, total_rows, max_mentions }
}
