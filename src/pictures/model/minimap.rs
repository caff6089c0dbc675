//! The comparison overview: for each compared source, one tick per aligned row saying whether
//! that source's sentence there is shared, reworded, conflicting or its own, and the shares of
//! each over its sentences. Computed from the comparison page's rows (`compare_view`).

use crate::compare_view::Row;

/// What a source's sentence in one row is, next to the other sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tick {
    /// Another source reports the same thing in the same words (or nearly).
    Shared,
    /// Another source reports it, worded differently.
    Reworded,
    /// Another source reports it with a different figure that time explains (a count that grew,
    /// a different window).
    Changed,
    /// Another source reports it with a figure or date that conflicts, or that differs where a
    /// date is missing, so a change over time cannot be ruled out.
    Conflicting,
    /// No other source has it.
    Unique,
}

impl Tick {
    /// Every kind, in legend order.
    pub const ALL: [Tick; 5] = [Tick::Shared, Tick::Reworded, Tick::Changed, Tick::Conflicting, Tick::Unique];

    /// Position in [`Tick::ALL`].
    pub fn index(self) -> usize {
        match self {
            Tick::Shared => 0,
            Tick::Reworded => 1,
            Tick::Changed => 2,
            Tick::Conflicting => 3,
            Tick::Unique => 4,
        }
    }
}

/// One source's strip.
#[derive(Clone, Debug, PartialEq)]
pub struct Strip {
    /// (row index, what its sentences there are, how many sentences), rows in page order.
    pub ticks: Vec<(usize, Tick, usize)>,
    /// Sentences of each kind, indexed by [`Tick::index`].
    pub counts: [usize; 5],
}

impl Strip {
    /// Sentences placed in rows.
    pub fn sentences(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// The overview of one comparison, or of the rows that have arrived of it so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Minimap {
    /// Rows the comparison has (ticks are placed along this many).
    pub rows: usize,
    /// Rows classified so far (all of them once the comparison has arrived).
    pub arrived: usize,
    /// One strip per column, in column order.
    pub strips: Vec<Strip>,
    /// Rows that carry a conflict (or an undated difference), in page order.
    pub conflict_rows: Vec<usize>,
    /// Rows whose figures differ in a way time explains, in page order.
    pub changed_rows: Vec<usize>,
}

/// Classifies every row of a comparison page (in page order) for each of its `n_cols` sources;
/// `total` is how many rows the comparison has, so that ticks keep their place while rows are
/// still arriving (0 when all `rows` are there).
pub fn minimap<'a>(n_cols: usize, total: usize, rows: impl IntoIterator<Item = &'a Row>) -> Minimap {
    let mut n_rows = 0;
    let mut strips = vec![Strip { ticks: Vec::new(), counts: [0; 5] }; n_cols];
    let mut conflict_rows = Vec::new();
    let mut changed_rows = Vec::new();
    for (r, row) in rows.into_iter().enumerate() {
        n_rows += 1;
        // A figure marked as differing is a conflict unless the row says time explains it.
        let marked = row.cells.iter().flatten().any(|p| !p.conflicting.is_empty());
        let conflicting =
            !row.conflicts.is_empty() || !row.undated.is_empty() || (marked && row.changes.is_empty());
        let changed = !conflicting && !row.changes.is_empty();
        if conflicting {
            conflict_rows.push(r);
        }
        if changed {
            changed_rows.push(r);
        }
        for (col, cell) in row.cells.iter().enumerate().take(n_cols) {
            if cell.is_empty() {
                continue;
            }
            let tick = if row.is_unique() {
                Tick::Unique
            } else if conflicting {
                Tick::Conflicting
            } else if changed {
                Tick::Changed
            } else if cell.iter().any(|p| !p.changed.is_empty()) {
                Tick::Reworded
            } else {
                Tick::Shared
            };
            strips[col].ticks.push((r, tick, cell.len()));
            strips[col].counts[tick.index()] += cell.len();
        }
    }
    let rows = total.max(n_rows);
    for strip in &mut strips {
        strip.ticks = bucketed(&strip.ticks, rows, MAX_TICKS);
    }
    Minimap { rows, arrived: n_rows, strips, conflict_rows, changed_rows }
}

/// At most this many ticks per strip: a pair of 500 KB articles has thousands of rows, and a tick
/// per row would be thousands of focusable elements drawn in one task.
pub const MAX_TICKS: usize = 240;

/// How much a tick kind matters when several rows share one tick: conflicts first.
fn weight(tick: Tick) -> u8 {
    match tick {
        Tick::Conflicting => 4,
        Tick::Changed => 3,
        Tick::Reworded => 2,
        Tick::Unique => 1,
        Tick::Shared => 0,
    }
}

/// Merges ticks whose rows fall in the same of `max` equal slices of the page: one tick per
/// slice, at its first row, showing the weightiest kind and all its sentences.
fn bucketed(ticks: &[(usize, Tick, usize)], n_rows: usize, max: usize) -> Vec<(usize, Tick, usize)> {
    if n_rows <= max {
        return ticks.to_vec();
    }
    let mut out: Vec<(usize, usize, Tick, usize)> = Vec::new();
    for &(row, tick, sentences) in ticks {
        let bucket = row * max / n_rows;
        match out.last_mut() {
            Some(last) if last.0 == bucket => {
                if weight(tick) > weight(last.2) {
                    last.2 = tick;
                }
                last.3 += sentences;
            }
            _ => out.push((bucket, row, tick, sentences)),
        }
    }
    out.into_iter().map(|(_, row, tick, sentences)| (row, tick, sentences)).collect()
}
