//! Bounded edit distance (optimal string alignment: Levenshtein plus adjacent transpositions,
//! so "Pompoe" is one edit from "Pompeo").

/// The typo budget for a word of `n_chars` characters: 1 from 4 letters, 2 from 8.
pub fn max_typos(n_chars: usize) -> usize {
    match n_chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// Measures one query word against many dictionary terms, reusing its buffers (no allocation
/// per term) and rejecting terms of the wrong length before any work.
#[derive(Debug, Clone)]
pub struct Matcher {
    query: String,
    query_chars: Vec<char>,
    max: usize,
    term_chars: Vec<char>,
    rows: [Vec<usize>; 3],
}

impl Matcher {
    /// A matcher for `query` allowing at most `max` edits.
    pub fn new(query: &str, max: usize) -> Matcher {
        Matcher {
            query: query.to_string(),
            query_chars: query.chars().collect(),
            max,
            term_chars: Vec::new(),
            rows: [Vec::new(), Vec::new(), Vec::new()],
        }
    }

    /// The edit distance between the query and `term`, if within the budget.
    pub fn distance(&mut self, term: &str) -> Option<usize> {
        let (q_bytes, max) = (self.query.len(), self.max);
        // A char is 1 to 4 bytes: byte lengths bound char lengths both ways.
        if term.len() + max < self.query_chars.len() || term.len() > (q_bytes + max) * 4 {
            return None;
        }
        if self.query.is_ascii() && term.len() > q_bytes + max && term.is_ascii() {
            return None;
        }
        if self.query.is_ascii() && term.is_ascii() {
            return osa(self.query.as_bytes(), term.as_bytes(), max, &mut self.rows);
        }
        self.term_chars.clear();
        self.term_chars.extend(term.chars());
        osa(&self.query_chars, &self.term_chars, max, &mut self.rows)
    }

    /// The smallest edit distance between the query and a prefix of `term` (typos in a word
    /// still being typed: "pomep" is one edit from "pompe", a prefix of "pompeo").
    pub fn prefix_distance(&mut self, term: &str) -> Option<usize> {
        self.term_chars.clear();
        self.term_chars.extend(term.chars());
        let n = self.query_chars.len();
        let lo = n.saturating_sub(self.max);
        let hi = (n + self.max).min(self.term_chars.len());
        let mut best: Option<usize> = None;
        for cut in lo..=hi {
            if let Some(d) = osa(&self.query_chars, &self.term_chars[..cut], self.max, &mut self.rows) {
                best = Some(best.map_or(d, |b| b.min(d)));
            }
        }
        best
    }
}

/// The edit distance between `a` and `b` if it is at most `max`, else `None`.
#[cfg(test)]
fn distance(a: &str, b: &str, max: usize) -> Option<usize> {
    Matcher::new(a, max).distance(b)
}

/// The smallest edit distance between `query` and any prefix of `term`, if at most `max`.
#[cfg(test)]
fn prefix_distance(query: &str, term: &str, max: usize) -> Option<usize> {
    Matcher::new(query, max).prefix_distance(term)
}

fn osa<T: PartialEq>(a: &[T], b: &[T], max: usize, rows: &mut [Vec<usize>; 3]) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let n = b.len();
    // Three rows: two back (for transpositions), previous and current.
    let [back2, prev, cur] = rows;
    back2.clear();
    back2.resize(n + 1, 0);
    prev.clear();
    prev.extend(0..=n);
    cur.clear();
    cur.resize(n + 1, 0);
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(back2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(back2, prev);
        std::mem::swap(prev, cur);
    }
    let d = prev[n];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_cost_one_edit_each_and_a_swap_counts_once() {
        assert_eq!(distance("pompoe", "pompeo", 2), Some(1));
        assert_eq!(distance("soleimanni", "soleimani", 2), Some(1));
        assert_eq!(distance("kadhimi", "kadhimi", 1), Some(0));
        assert_eq!(distance("iran", "iraq", 1), Some(1));
        assert_eq!(distance("trump", "troops", 1), None);
        assert_eq!(distance("fiancé", "fiance", 1), Some(1));
        assert_eq!(distance("", "abc", 3), Some(3));
    }

    #[test]
    fn a_word_being_typed_matches_a_prefix_with_typos() {
        assert_eq!(prefix_distance("pomep", "pompeo", 1), Some(1));
        assert_eq!(prefix_distance("kadh", "kadhimi", 1), Some(0));
        assert_eq!(prefix_distance("zzzz", "kadhimi", 1), None);
    }

    #[test]
    fn budgets_grow_with_word_length() {
        assert_eq!([3, 4, 7, 8].map(max_typos), [0, 1, 1, 2]);
    }
}
