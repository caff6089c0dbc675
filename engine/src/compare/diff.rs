//! Word-level diff of two sentences, cleaned up so it reads like an editor's mark-up.
//!
//! Texts are cut into tokens (words, whitespace runs, single punctuation marks), diffed with a
//! longest-common-subsequence, then cleaned like diff-match-patch's `cleanupSemantic`: a short
//! equality squeezed between two larger edits is folded into them, so "14 bomb and rocket
//! attacks" → "13 bombs and missiles" is one substitution rather than word-by-word noise.
//!
//! Invariant (property-tested): concatenating the [`DiffKind::Equal`] and [`DiffKind::Delete`]
//! parts gives sentence A exactly, and the Equal and [`DiffKind::Insert`] parts give sentence B.

use serde::{Deserialize, Serialize};

/// What a diff operation does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    /// Text both sentences share.
    Equal,
    /// Text only in sentence A.
    Delete,
    /// Text only in sentence B.
    Insert,
}

/// One operation of a diff. A substitution is a Delete immediately followed by an Insert.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffOp {
    /// Equal, delete or insert.
    pub kind: DiffKind,
    /// The text (whole tokens: words, spaces, punctuation).
    pub text: String,
    /// Raw-file offset in A's file where this op starts (for an insert: where it goes in A).
    pub a_start: usize,
    /// Raw-file offset in B's file where this op starts (for a delete: where it would be in B).
    pub b_start: usize,
}

/// Cuts text into diff tokens: words (letters/digits with inner apostrophes and digit
/// separators), whitespace runs, and single other characters. Their concatenation is `text`.
pub fn diff_tokens(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let mut j = i + 1;
        if c.is_alphanumeric() {
            while j < chars.len() {
                let c = chars[j].1;
                let inner = matches!(c, '\'' | '’' | ',' | '.')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric())
                    && (c == '\''
                        || c == '’'
                        || (chars[j - 1].1.is_ascii_digit() && chars[j + 1].1.is_ascii_digit()));
                if c.is_alphanumeric() || inner {
                    j += 1;
                } else {
                    break;
                }
            }
        } else if c.is_whitespace() {
            while j < chars.len() && chars[j].1.is_whitespace() {
                j += 1;
            }
        }
        let end = chars.get(j).map_or(text.len(), |p| p.0);
        out.push(&text[start..end]);
        i = j;
    }
    out
}

/// Beyond this many LCS cells the diff falls back to one substitution of the differing middle.
const MAX_CELLS: usize = 4_000_000;

#[derive(Debug, Clone)]
struct Op<'a> {
    kind: DiffKind,
    tokens: Vec<&'a str>,
}

impl Op<'_> {
    fn len(&self) -> usize {
        self.tokens.iter().map(|t| t.chars().count()).sum()
    }
}

/// Diffs sentence `a` (at raw offset `a_base`) against sentence `b` (at `b_base`).
pub fn diff(a: &str, a_base: usize, b: &str, b_base: usize) -> Vec<DiffOp> {
    let ta = diff_tokens(a);
    let tb = diff_tokens(b);
    let mut ops = lcs_ops(&ta, &tb);
    cleanup_semantic(&mut ops);
    let mut out = Vec::with_capacity(ops.len());
    let (mut pa, mut pb) = (a_base, b_base);
    for op in ops {
        let text: String = op.tokens.concat();
        if text.is_empty() {
            continue;
        }
        let len = text.len();
        out.push(DiffOp { kind: op.kind, text, a_start: pa, b_start: pb });
        match op.kind {
            DiffKind::Equal => {
                pa += len;
                pb += len;
            }
            DiffKind::Delete => pa += len,
            DiffKind::Insert => pb += len,
        }
    }
    out
}

/// The raw LCS diff, as merged runs of ops.
fn lcs_ops<'a>(ta: &[&'a str], tb: &[&'a str]) -> Vec<Op<'a>> {
    let prefix = ta.iter().zip(tb).take_while(|(x, y)| x == y).count();
    let suffix = ta[prefix..].iter().rev().zip(tb[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let ma = &ta[prefix..ta.len() - suffix];
    let mb = &tb[prefix..tb.len() - suffix];
    let mut ops: Vec<Op<'a>> = Vec::new();
    let mut push = |kind: DiffKind, tok: &'a str| match ops.last_mut() {
        Some(last) if last.kind == kind => last.tokens.push(tok),
        _ => ops.push(Op { kind, tokens: vec![tok] }),
    };
    for t in &ta[..prefix] {
        push(DiffKind::Equal, t);
    }
    let (n, m) = (ma.len(), mb.len());
    if n.saturating_mul(m) > MAX_CELLS || n == 0 || m == 0 {
        for t in ma {
            push(DiffKind::Delete, t);
        }
        for t in mb {
            push(DiffKind::Insert, t);
        }
    } else {
        // lcs[i][j] = LCS length of ma[i..] and mb[j..].
        let width = m + 1;
        let mut lcs = vec![0u32; (n + 1) * width];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * width + j] = if ma[i] == mb[j] {
                    lcs[(i + 1) * width + j + 1] + 1
                } else {
                    lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && ma[i] == mb[j] {
                push(DiffKind::Equal, ma[i]);
                i += 1;
                j += 1;
            } else if j < m && (i == n || lcs[i * width + j + 1] >= lcs[(i + 1) * width + j]) {
                push(DiffKind::Insert, mb[j]);
                j += 1;
            } else {
                push(DiffKind::Delete, ma[i]);
                i += 1;
            }
        }
    }
    for t in &ta[ta.len() - suffix..] {
        push(DiffKind::Equal, t);
    }
    normalise(&mut ops, Edges::MoveOut);
    ops
}

/// What [`normalise`] does with tokens common to the start or end of a run's delete and insert.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edges {
    /// Move them out into equalities (after the token diff).
    MoveOut,
    /// Leave them in the edit: moving them out would undo the semantic cleanup when the absorbed
    /// equality sits at a run's edge.
    Keep,
}

/// Merges each run of edits into one delete then one insert and merges adjacent equalities;
/// with [`Edges::MoveOut`], tokens common to a run's delete and insert edges become equalities.
fn normalise(ops: &mut Vec<Op<'_>>, edges: Edges) {
    let mut out: Vec<Op<'_>> = Vec::with_capacity(ops.len());
    let mut i = 0;
    while i < ops.len() {
        if ops[i].kind == DiffKind::Equal {
            push_merged(&mut out, ops[i].clone());
            i += 1;
            continue;
        }
        let mut del = Vec::new();
        let mut ins = Vec::new();
        while i < ops.len() && ops[i].kind != DiffKind::Equal {
            match ops[i].kind {
                DiffKind::Delete => del.extend_from_slice(&ops[i].tokens),
                _ => ins.extend_from_slice(&ops[i].tokens),
            }
            i += 1;
        }
        let (prefix, suffix) = match edges {
            Edges::Keep => (0, 0),
            Edges::MoveOut => {
                let prefix = del.iter().zip(&ins).take_while(|(x, y)| x == y).count();
                let suffix = del[prefix..]
                    .iter()
                    .rev()
                    .zip(ins[prefix..].iter().rev())
                    .take_while(|(x, y)| x == y)
                    .count();
                (prefix, suffix)
            }
        };
        if prefix > 0 {
            push_merged(&mut out, Op { kind: DiffKind::Equal, tokens: del[..prefix].to_vec() });
        }
        if del.len() > prefix + suffix {
            out.push(Op { kind: DiffKind::Delete, tokens: del[prefix..del.len() - suffix].to_vec() });
        }
        if ins.len() > prefix + suffix {
            out.push(Op { kind: DiffKind::Insert, tokens: ins[prefix..ins.len() - suffix].to_vec() });
        }
        if suffix > 0 {
            push_merged(&mut out, Op { kind: DiffKind::Equal, tokens: del[del.len() - suffix..].to_vec() });
        }
    }
    *ops = out;
}

fn push_merged<'a>(out: &mut Vec<Op<'a>>, op: Op<'a>) {
    match out.last_mut() {
        Some(last) if last.kind == op.kind => last.tokens.extend(op.tokens),
        _ => out.push(op),
    }
}

/// diff-match-patch's semantic cleanup at token granularity: an equality no longer than the
/// larger side of the edits on each of its sides is turned into a delete plus an insert, unless
/// it holds clause punctuation.
fn cleanup_semantic(ops: &mut Vec<Op<'_>>) {
    loop {
        let mut changed = false;
        for idx in 0..ops.len() {
            if ops[idx].kind != DiffKind::Equal || idx == 0 || idx + 1 == ops.len() {
                continue;
            }
            let side = |range: &mut dyn Iterator<Item = &Op<'_>>| -> (usize, usize) {
                let (mut del, mut ins) = (0, 0);
                for op in range.take_while(|op| op.kind != DiffKind::Equal) {
                    match op.kind {
                        DiffKind::Delete => del += op.len(),
                        _ => ins += op.len(),
                    }
                }
                (del, ins)
            };
            let (del1, ins1) = side(&mut ops[..idx].iter().rev());
            let (del2, ins2) = side(&mut ops[idx + 1..].iter());
            let len = ops[idx].len();
            // Clause punctuation is a natural boundary an editor keeps ("18, 14" → "16, 13").
            let clause_break =
                ops[idx].tokens.iter().any(|t| matches!(*t, "," | ";" | ":" | "." | "!" | "?" | "(" | ")"));
            if !clause_break
                && del1 + ins1 > 0
                && del2 + ins2 > 0
                && len <= del1.max(ins1)
                && len <= del2.max(ins2)
            {
                let tokens = std::mem::take(&mut ops[idx].tokens);
                ops[idx] = Op { kind: DiffKind::Delete, tokens: tokens.clone() };
                ops.insert(idx + 1, Op { kind: DiffKind::Insert, tokens });
                changed = true;
                break;
            }
        }
        if !changed {
            break;
        }
        normalise(ops, Edges::Keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markup(a: &str, b: &str) -> String {
        diff(a, 0, b, 0)
            .into_iter()
            .map(|op| match op.kind {
                DiffKind::Equal => op.text,
                DiffKind::Delete => format!("[-{}-]", op.text),
                DiffKind::Insert => format!("{{+{}+}}", op.text),
            })
            .collect()
    }

    #[test]
    fn substitutions_read_like_an_editors_markup() {
        assert_eq!(
            markup("Between August 4 and 18, 14 bomb and rocket attacks", "between August 4 and August 16, 13 bombs and missiles"),
            "[-Between-]{+between+} August 4 and [-18-]{+August 16+}, [-14 bomb and rocket attacks-]{+13 bombs and missiles+}"
        );
        assert_eq!(markup("the 5,000 US troops", "the 2,500 US troops"), "the [-5,000-]{+2,500+} US troops");
        assert_eq!(markup("same text.", "same text."), "same text.");
    }

    #[test]
    fn offsets_point_into_each_raw_file() {
        let ops = diff("a b c", 100, "a x c", 7);
        let del = ops.iter().find(|op| op.kind == DiffKind::Delete).map(|op| (op.a_start, op.b_start));
        assert_eq!(del, Some((102, 9)));
    }

    #[test]
    fn tokens_cover_the_text() {
        let t = "Kadhimi’s 5,000 troops —  “here”.";
        assert_eq!(diff_tokens(t).concat(), t);
        assert_eq!(diff_tokens(t)[..3], ["Kadhimi’s", " ", "5,000"]);
    }
}
