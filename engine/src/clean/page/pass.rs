//! What the passes over the body of a copied whole page look at and share ([`super::body_furniture`]).

use super::super::lines::Line;
use super::super::outlets::CreditSplit;
use super::super::repeated::RepeatedLines;
use crate::model::NoiseKind;

/// What [`super::body_furniture`] looks at.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyContext<'a, 'l> {
    /// The segment's lines.
    pub lines: &'a [Line<'l>],
    /// Which of them are prose ([`crate::clean::content::prose_flags`]).
    pub prose: &'a [bool],
    /// Which of them belong to a code block ([`crate::clean::content::code_flags`]): repetition
    /// there is the code's own.
    pub code: &'a [bool],
    /// The corpus pre-pass, when there is one.
    pub repeated: Option<&'a RepeatedLines>,
    /// Why each line already removed was removed (`None`: not removed).
    pub removed: &'a [Option<NoiseKind>],
}

/// What [`super::body_furniture`] found inside the text.
#[derive(Debug, Default)]
pub(crate) struct BodyFurniture {
    /// Lines to remove, with the reason.
    pub removed: Vec<(usize, NoiseKind)>,
    /// Captions ending in their picture's credit ("Fishermen at dawn. Photo: Jane Doe/AFP"), with
    /// where the credit sits: kept as captions.
    pub credited: Vec<(usize, CreditSplit)>,
    /// Captions without a credit, known by the places they give the people in the picture.
    pub captions: Vec<usize>,
}

/// The state the passes over the body share: each pass marks the lines it takes, so that no
/// later pass reads them again.
pub(super) struct Pass<'c, 'a, 'l> {
    /// What the passes look at.
    pub ctx: BodyContext<'a, 'l>,
    /// The lines of the text (indices into `ctx.lines`, in order).
    pub body: &'c [usize],
    /// Whether each of `body` is prose.
    pub prose: Vec<bool>,
    /// Whether each of `body` was taken by a pass.
    pub taken: Vec<bool>,
    /// What the passes removed so far: [`BodyFurniture::removed`].
    pub out: Vec<(usize, NoiseKind)>,
    /// [`BodyFurniture::credited`] so far.
    pub credited: Vec<(usize, CreditSplit)>,
    /// [`BodyFurniture::captions`] so far.
    pub captions: Vec<usize>,
}

impl Pass<'_, '_, '_> {
    /// Removes the body lines at positions `ks` for `kind`, those no pass took before, and marks
    /// them taken.
    pub fn take(&mut self, ks: impl IntoIterator<Item = usize>, kind: NoiseKind) {
        for k in ks {
            if !self.taken[k] {
                self.taken[k] = true;
                self.out.push((self.body[k], kind));
            }
        }
    }
}

/// Where a run of body lines that starts at position `k` ends (the first position after it): the
/// run goes on while `holds` says so of each line, and stops at the body's end, `len`.
pub(super) fn run_end(k: usize, len: usize, mut holds: impl FnMut(usize) -> bool) -> usize {
    (k..len).find(|&j| !holds(j)).unwrap_or(len)
}
