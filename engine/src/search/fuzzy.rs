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

/// The edit distance between `a` and `b` if it is at most `max`, else `None`. Works on bytes
/// for ASCII pairs and on chars otherwise.
pub fn distance(a: &str, b: &str, max: usize) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() {
        osa(a.as_bytes(), b.as_bytes(), max)
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        osa(&a, &b, max)
    }
}

/// The smallest edit distance between `query` and any prefix of `term` (typo tolerance for a word
/// still being typed: "Pomep" is one edit from the prefix "Pompe" of "Pompeo").
pub fn prefix_distance(query: &str, term: &str, max: usize) -> Option<usize> {
    let q: Vec<char> = query.chars().collect();
    let t: Vec<char> = term.chars().collect();
    let mut best: Option<usize> = None;
    let lo = q.len().saturating_sub(max);
    let hi = (q.len() + max).min(t.len());
    for cut in lo..=hi {
        if cut > t.len() {
            break;
        }
        if let Some(d) = osa(&q, &t[..cut], max) {
            best = Some(best.map_or(d, |b: usize| b.min(d)));
        }
    }
    best
}

fn osa<T: PartialEq>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let n = b.len();
    // Three rows: two back (for transpositions), previous and current.
    let mut back2: Vec<usize> = vec![0; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur: Vec<usize> = vec![0; n + 1];
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
        std::mem::swap(&mut back2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
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
