//! The sparse similarity graph of a corpus and the clustering that cuts it into stories.
//!
//! No step compares every pair of the n articles. Candidate pairs come from an inverted
//! index over distinctive terms (in at most max(50, 5% of n) articles): each article keeps its
//! 20 best candidates, and only those pairs get an exact cosine (`neighbours`: O(P · max_df)
//! for P distinctive postings, plus O(n · 20 · m) for m terms per article). Clustering then
//! runs exact average linkage on that sparse graph, pairs outside it counting as similarity 0,
//! with a merge queue (`cluster`: O(E log E) for E ≤ 20n edges while groups stay small).
//! Up to 200 articles every pair that shares a term is kept, so the grouping is exactly the
//! dense one (test `sparse_grouping_equals_the_dense_one_on_synthetic_reports`).

use crate::hash::FxHashMap;

use crate::dates::calendar::Day;

/// A sparse unit vector: `(term id, weight)` pairs sorted by term id.
pub type SparseVector = Vec<(u32, f32)>;

/// Cosine of two unit vectors: a merge of the two sorted term lists.
pub fn cosine(x: &[(u32, f32)], y: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += x[i].1 * y[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// How far [`neighbours`] looks for the articles similar to each article.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Terms in more articles than this do not propose candidates (they still count in the
    /// similarity of a candidate pair).
    max_df: usize,
    /// Candidates kept per article, the best by their similarity over distinctive terms.
    top_k: usize,
}

/// Up to this many articles, every candidate is kept: the graph then holds every pair that
/// shares a term, and the grouping is exactly the dense one.
const KEEP_ALL_CANDIDATES_UP_TO: usize = 200;

/// No term in more articles than this proposes candidates, however large the corpus: scoring
/// candidates reads every proposing term's postings for each article, so a limit that grew with
/// the corpus (5 % of it) made that step quadratic. 5 % of 10,000 articles, so corpora up to that
/// size group exactly as before.
const MAX_PROPOSING_DF: usize = 500;

impl Limits {
    /// Terms in more than max(50, 5% of the articles), and in more than [`MAX_PROPOSING_DF`], are
    /// too common to propose candidates; each article keeps its 20 best candidates (all of them
    /// in small corpora).
    pub fn for_corpus(n_articles: usize) -> Limits {
        if n_articles <= KEEP_ALL_CANDIDATES_UP_TO {
            return Limits { max_df: n_articles, top_k: n_articles };
        }
        Limits { max_df: 50.max(n_articles / 20).min(MAX_PROPOSING_DF), top_k: 20 }
    }
}

/// An edge of the similarity graph: article indices `i < j` and their cosine.
pub type Edge = (usize, usize, f32);

/// The sparse similarity graph: for each article, its `top_k` best candidates among the
/// articles that share at least one distinctive term with it (found through an inverted
/// index), each pair with its exact cosine. Pairs left out count as similarity 0.
///
/// Cost: O(P · max_df) to score candidates, where P is the number of distinctive (article,
/// term) postings, then O(n · top_k · m) for the exact cosines (m terms per article).
pub fn neighbours(vectors: &[SparseVector], n_terms: usize, limits: Limits) -> Vec<Edge> {
    let n = vectors.len();
    let mut df = vec![0u32; n_terms];
    for v in vectors {
        for &(term, _) in v {
            df[term as usize] += 1;
        }
    }
    // The distinctive terms' postings in one array of exactly their size, each term's run in
    // article order (`start[t]..start[t + 1]`), rather than a list per term grown by doubling
    // (its spare room and its copies). A term in one article proposes no other article, so it
    // has no run.
    let proposes = |df: u32| df >= 2 && df as usize <= limits.max_df;
    let mut start = Vec::with_capacity(n_terms + 1);
    let mut total = 0usize;
    for &d in &df {
        start.push(total);
        total += if proposes(d) { d as usize } else { 0 };
    }
    start.push(total);
    let mut filled = start.clone();
    let mut postings = vec![(0u32, 0.0f32); total];
    for (doc_idx, v) in vectors.iter().enumerate() {
        for &(term, w) in v {
            if proposes(df[term as usize]) {
                let at = &mut filled[term as usize];
                postings[*at] = (doc_idx as u32, w);
                *at += 1;
            }
        }
    }
    drop(filled);
    drop(df);
    let postings_of = |term: u32| &postings[start[term as usize]..start[term as usize + 1]];
    // Each article's candidates are scored on its own (on every core with the `parallel`
    // feature), each worker with its own score table.
    let scratch = || (vec![0.0f32; n], Vec::<u32>::new());
    let best = |(score, touched): &mut (Vec<f32>, Vec<u32>), doc_idx: usize, v: &SparseVector| {
        for &(term, w) in v {
            for &(other, w_other) in postings_of(term) {
                let other_idx = other as usize;
                if other_idx == doc_idx {
                    continue;
                }
                // Weights are positive, so a zero score means "not seen yet".
                if score[other_idx] == 0.0 {
                    touched.push(other);
                }
                score[other_idx] += w * w_other;
            }
        }
        // Best first; ties to the earlier article so the graph does not depend on visit order.
        let by_score =
            |a: &u32, b: &u32| score[*b as usize].total_cmp(&score[*a as usize]).then_with(|| a.cmp(b));
        let kept = if touched.len() > limits.top_k {
            touched.select_nth_unstable_by(limits.top_k, by_score);
            limits.top_k
        } else {
            touched.len()
        };
        let best: Vec<u32> = touched[..kept].to_vec();
        for &other in touched.iter() {
            score[other as usize] = 0.0;
        }
        touched.clear();
        best
    };
    // Article indices as u32, as the postings hold them (two million pairs at 100,000 articles).
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    crate::par::map_in_order(vectors, scratch, best, |doc_idx, best| {
        let doc = doc_idx as u32;
        for other in best {
            pairs.push((doc.min(other), doc.max(other)));
        }
    });
    // The exact cosines read the vectors only: the candidate postings go first.
    drop(postings);
    drop(start);
    pairs.sort_unstable();
    pairs.dedup();
    let mut edges = Vec::with_capacity(pairs.len());
    crate::par::map_in_order(
        &pairs,
        || (),
        |_, _, &(i, j)| cosine(&vectors[i as usize], &vectors[j as usize]),
        |p, sim| {
            if sim > 0.0 {
                edges.push((pairs[p].0 as usize, pairs[p].1 as usize, sim));
            }
        },
    );
    drop(pairs);
    // The graph is held until the stories are described: copied to its exact size (pairs of
    // no similarity left room for a third of a million edges at 100,000 articles; a shrink in
    // place may keep the allocation as it is).
    edges.to_vec()
}

/// When an article can have been written, for grouping in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The first and last day it can have been written on.
    pub any: (Day, Day),
    /// The same for an article that reports an event; wide open for one that announces one.
    pub report: (Day, Day),
}

/// When the articles of a corpus can have been written, as the clustering asks it.
pub trait Times {
    /// The days article `i` can have been written on, from its own text (wide open where it
    /// says nothing).
    fn window(&self, i: usize) -> Window;
    /// Whether article `i` has dates without a year ("on April 28", "Oct 8" in a dateline) that
    /// only a time of reference places: [`Times::near`] may then say more than its window.
    fn floats(&self, i: usize) -> bool;
    /// Article `i`'s window once its dates without a year are placed near `day` (the time of the
    /// group it may join).
    fn near(&self, i: usize, day: Day) -> Window;
}

/// Fixed windows (tests, and callers without dates): nothing floats.
impl Times for Vec<Window> {
    fn window(&self, i: usize) -> Window {
        let open = Window { any: crate::dates::OPEN_WINDOW, report: crate::dates::OPEN_WINDOW };
        self.get(i).copied().unwrap_or(open)
    }
    fn floats(&self, _: usize) -> bool {
        false
    }
    fn near(&self, i: usize, _: Day) -> Window {
        Times::window(self, i)
    }
}

/// At most this many members of a group with dates without a year are placed near the group's
/// time when it merges: a bound on the work per merge.
const MAX_FLOATING_CHECKED: usize = 16;

/// A group's time pins its members' dates without a year only when it is known within this many
/// days.
const ANCHOR_SPAN: Day = 92;

/// The day near which a group's dates without a year are placed: the middle of its window, when
/// its dated members bound it on both sides within [`ANCHOR_SPAN`] days.
fn anchor_of(window: (Day, Day)) -> Option<Day> {
    let (open_lo, open_hi) = crate::dates::OPEN_WINDOW;
    let (lo, hi) = window;
    let finite = lo > open_lo && hi < open_hi && (hi - lo).abs() <= ANCHOR_SPAN;
    finite.then_some(lo + (hi - lo) / 2)
}

/// The longest stretches of time one story spans, in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spans {
    /// All its articles, previews included.
    pub any: Day,
    /// Its reports of the event.
    pub reports: Day,
}

/// A pair of groups waiting in the merge queue, valid while both groups are unchanged.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    sim: f32,
    /// The two groups (by their first article, `g < h`) and their versions when queued.
    g: u32,
    h: u32,
    version_g: u32,
    version_h: u32,
}

impl Candidate {
    /// Highest similarity first; ties to the lowest pair, as a scan over pairs in order would.
    fn key(&self) -> (f32, std::cmp::Reverse<u32>, std::cmp::Reverse<u32>) {
        (self.sim, std::cmp::Reverse(self.g), std::cmp::Reverse(self.h))
    }
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Candidate) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Candidate) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    fn cmp(&self, other: &Candidate) -> std::cmp::Ordering {
        let (a, b) = (self.key(), other.key());
        a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)).then_with(|| a.2.cmp(&b.2))
    }
}

/// Average-linkage agglomerative clustering over a sparse similarity graph: repeatedly merges
/// the two groups with the highest average pairwise similarity while it is at least
/// `threshold`. Pairs with no edge have similarity 0. Group similarities are kept up to date
/// with the Lance–Williams update (size-weighted average of the two merged groups' similarities),
/// which is exact average linkage; only groups joined by an edge are ever touched.
///
/// The best pair comes from a priority queue with lazy deletion (an entry is stale once either
/// group has changed), so a merge costs O(d log E) for the d neighbours of the merged groups,
/// and the whole clustering O(E log E) for E edges when groups stay small. On a complete graph
/// it makes exactly the merges, in the same order, of the dense O(n³) scan it replaces.
/// Time: `times.window(i)` is the span of days article i can have been written in. Two groups merge
/// only if every member fits one stretch of `spans.any` days: the latest earliest day minus
/// the earliest latest day of their members is at most that. Articles months apart are
/// different stories even when they name the same people. The members that report an event
/// (not previews, [`Window::report`]) must also fit `spans.reports` days: the reports of one
/// event come within days of it, so the same people meeting again three weeks later is a new
/// story, while a preview may come weeks before. A refused pair stays in the graph, so later
/// averages still count it.
///
/// Members whose dates lack a year ([`Times::floats`]: "less than two weeks after an attack on
/// April 28", a dateline "Oct 8") are placed near the time of the merged group's dated members,
/// and must fit too: an undated report of May talks does not join July talks of the same
/// ministers.
///
/// Returns groups of indices, each sorted, ordered by their first index.
pub fn cluster(n: usize, edges: &[Edge], threshold: f32, times: &dyn Times, spans: Spans) -> Vec<Vec<usize>> {
    // Per group: the latest earliest day and the earliest latest day of its members, of all of
    // them and of those that report an event; and its members with dates without a year.
    let mut bounds: Vec<Window> = (0..n).map(|i| times.window(i)).collect();
    let mut floating: Vec<Vec<usize>> =
        (0..n).map(|i| if times.floats(i) { vec![i] } else { Vec::new() }).collect();
    let mut placed: FxHashMap<(usize, Day), Window> = FxHashMap::default();
    // Neighbours by u32 (an article index), 8 bytes an entry in lists sorted by neighbour and
    // made to their exact size, not hash maps (which hold every edge twice with a third or more
    // of their room empty): at 100,000 articles the clustering holds millions of entries.
    let mut degree = vec![0u32; n];
    for &(i, j, _) in edges {
        degree[i] += 1;
        degree[j] += 1;
    }
    let mut adjacent: Vec<Neighbours> =
        degree.into_iter().map(|d| Neighbours(Vec::with_capacity(d as usize))).collect();
    let mut queue = std::collections::BinaryHeap::new();
    for &(i, j, sim) in edges {
        let (small_i, small_j) = (small(i), small(j));
        adjacent[i].insert(small_j, sim);
        adjacent[j].insert(small_i, sim);
        if sim >= threshold {
            queue.push(Candidate { sim, g: small_i, h: small_j, version_g: 0, version_h: 0 });
        }
    }
    let mut groups: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
    let mut versions = vec![0u32; n];
    while let Some(best) = queue.pop() {
        let (g, h) = (best.g as usize, best.h as usize);
        let live = groups[g].is_some() && groups[h].is_some();
        if !live || versions[g] != best.version_g || versions[h] != best.version_h {
            continue;
        }
        let meet = |x: (Day, Day), y: (Day, Day)| (x.0.max(y.0), x.1.min(y.1));
        let merged_bounds = Window {
            any: meet(bounds[g].any, bounds[h].any),
            report: meet(bounds[g].report, bounds[h].report),
        };
        let too_long = |w: &Window| w.any.0 - w.any.1 > spans.any || w.report.0 - w.report.1 > spans.reports;
        if too_long(&merged_bounds) {
            continue;
        }
        if let Some(anchor) = anchor_of(merged_bounds.any) {
            let mut all = merged_bounds;
            for &f in floating[g].iter().chain(&floating[h]).take(MAX_FLOATING_CHECKED) {
                let w = *placed.entry((f, anchor)).or_insert_with(|| times.near(f, anchor));
                all = Window { any: meet(all.any, w.any), report: meet(all.report, w.report) };
            }
            if too_long(&all) {
                continue;
            }
        }
        bounds[g] = merged_bounds;
        let moved = std::mem::take(&mut floating[h]);
        floating[g].extend(moved);
        let merged = groups[h].take().unwrap_or_default();
        let (size_g, size_h) = (groups[g].as_ref().map_or(0, Vec::len) as f32, merged.len() as f32);
        let from_g = std::mem::take(&mut adjacent[g]);
        let from_h = std::mem::take(&mut adjacent[h]);
        let (g32, h32) = (best.g, best.h);
        let mut others: Vec<u32> =
            from_g.keys().chain(from_h.keys()).filter(|&k| k != g32 && k != h32).collect();
        others.sort_unstable();
        others.dedup();
        versions[g] += 1;
        versions[h] += 1;
        // `others` is sorted: the merged group's list is filled in order.
        let mut joined = Neighbours(Vec::with_capacity(others.len()));
        for k in others {
            let sim_g = from_g.get(k).unwrap_or(0.0);
            let sim_h = from_h.get(k).unwrap_or(0.0);
            let value = (size_g * sim_g + size_h * sim_h) / (size_g + size_h);
            adjacent[k as usize].remove(h32);
            adjacent[k as usize].insert(g32, value);
            joined.0.push((k, value));
            if value >= threshold {
                let (lo, hi) = (g32.min(k), g32.max(k));
                queue.push(Candidate {
                    sim: value,
                    g: lo,
                    h: hi,
                    version_g: versions[lo as usize],
                    version_h: versions[hi as usize],
                });
            }
        }
        adjacent[g] = joined;
        if let Some(group) = groups[g].as_mut() {
            group.extend(merged);
            group.sort_unstable();
        }
    }
    let mut out: Vec<Vec<usize>> = groups.into_iter().flatten().collect();
    out.sort_by_key(|g| g[0]);
    out
}

/// A group's neighbours in the clustering and their similarities, sorted by neighbour (each at
/// most once): a map in the room of its entries.
#[derive(Debug, Clone, Default)]
struct Neighbours(Vec<(u32, f32)>);

impl Neighbours {
    fn get(&self, k: u32) -> Option<f32> {
        self.0.binary_search_by_key(&k, |e| e.0).ok().map(|at| self.0[at].1)
    }

    /// Sets the similarity to `k`, replacing any it had.
    fn insert(&mut self, k: u32, sim: f32) {
        match self.0.binary_search_by_key(&k, |e| e.0) {
            Ok(at) => self.0[at].1 = sim,
            Err(at) => self.0.insert(at, (k, sim)),
        }
    }

    fn remove(&mut self, k: u32) {
        if let Ok(at) = self.0.binary_search_by_key(&k, |e| e.0) {
            self.0.remove(at);
        }
    }

    fn keys(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().map(|e| e.0)
    }
}

/// An article index as the clustering's maps hold it.
fn small(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stories::features::vectors;
    use crate::stories::{similarity_matrix, SPANS, STORY_THRESHOLD};
    use crate::{build_bundle_with, synth, BuildOptions, Bundle, SourceInput};

    /// The O(n³) clustering the sparse one replaced: scans every pair of groups for each merge.
    fn cluster_dense(mut sim: Vec<Vec<f32>>, threshold: f32) -> Vec<Vec<usize>> {
        let n = sim.len();
        let mut groups: Vec<Option<Vec<usize>>> = (0..n).map(|i| Some(vec![i])).collect();
        loop {
            let mut best: Option<(usize, usize, f32)> = None;
            for g in 0..n {
                if groups[g].is_none() {
                    continue;
                }
                for h in g + 1..n {
                    if groups[h].is_some() && sim[g][h] >= threshold && best.is_none_or(|b| sim[g][h] > b.2) {
                        best = Some((g, h, sim[g][h]));
                    }
                }
            }
            let Some((g, h, _)) = best else { break };
            let merged = groups[h].take().unwrap_or_default();
            let (size_g, size_h) = (groups[g].as_ref().map_or(0, Vec::len) as f32, merged.len() as f32);
            for k in 0..n {
                if k != g && groups[k].is_some() {
                    let value = (size_g * sim[g][k] + size_h * sim[h][k]) / (size_g + size_h);
                    sim[g][k] = value;
                    sim[k][g] = value;
                }
            }
            if let Some(group) = groups[g].as_mut() {
                group.extend(merged);
                group.sort_unstable();
            }
        }
        let mut out: Vec<Vec<usize>> = groups.into_iter().flatten().collect();
        out.sort_by_key(|g| g[0]);
        out
    }

    /// Twenty synthetic reports, each also retold twice (without its opening paragraphs, and
    /// cut short), so the corpus has real stories of three articles besides chance overlaps.
    fn retold_synthetic_articles() -> Bundle {
        let mut files = Vec::new();
        for (name, text) in synth::corpus(20, 7) {
            let paragraphs: Vec<&str> = text.split("\n\n").collect();
            let title = paragraphs.first().copied().unwrap_or_default();
            let later = format!("{title}\n\n{}", paragraphs[paragraphs.len().min(4)..].join("\n\n"));
            let short = paragraphs[..paragraphs.len() / 2].join("\n\n");
            files.push((format!("a_{name}"), text.clone()));
            files.push((format!("b_{name}"), later));
            files.push((format!("c_{name}"), short));
        }
        let sources: Vec<SourceInput<'_>> =
            files.iter().map(|(name, text)| SourceInput { name, bytes: text.as_bytes() }).collect();
        build_bundle_with(&sources, "", &BuildOptions { stories: false }).bundle
    }

    #[test]
    fn sparse_grouping_equals_the_dense_one_on_synthetic_reports() {
        let bundle = retold_synthetic_articles();
        let (articles, entities) = (&bundle.articles, &bundle.entities);
        assert_eq!(articles.len(), 60);
        let dense = cluster_dense(similarity_matrix(articles, entities), STORY_THRESHOLD);
        let found = vectors(articles, entities);
        let edges = neighbours(&found.vectors, found.n_terms, Limits::for_corpus(articles.len()));
        let sparse = cluster(articles.len(), &edges, STORY_THRESHOLD, &Vec::new(), SPANS);
        assert!(dense.iter().any(|g| g.len() >= 3), "the retold reports group: {dense:?}");
        assert_eq!(sparse, dense);
    }

    /// Two dated articles (talks on day 100 and day 170) and an undated one (2) whose date
    /// without a year, placed near either, puts it on days 103..110.
    struct OneFloating(Vec<Window>);

    impl Times for OneFloating {
        fn window(&self, i: usize) -> Window {
            self.0[i]
        }
        fn floats(&self, i: usize) -> bool {
            i == 2
        }
        fn near(&self, i: usize, day: Day) -> Window {
            if i == 2 && (day - 100).abs() < 200 {
                Window { any: (103, 110), report: (103, 110) }
            } else {
                self.0[i]
            }
        }
    }

    #[test]
    fn an_undated_report_joins_the_talks_its_dates_without_a_year_put_it_near() {
        let day = |d: Day| Window { any: (d, d), report: (d, d) };
        let open = Window { any: crate::dates::OPEN_WINDOW, report: crate::dates::OPEN_WINDOW };
        let windows = vec![day(170), day(100), open];
        // The undated report resembles the later talks more.
        let edges: Vec<Edge> = vec![(0, 2, 0.5), (1, 2, 0.3), (0, 1, 0.2)];
        assert_eq!(cluster(3, &edges, STORY_THRESHOLD, &windows, SPANS), [vec![0, 2], vec![1]]);
        assert_eq!(cluster(3, &edges, STORY_THRESHOLD, &OneFloating(windows), SPANS), [vec![0], vec![1, 2]]);
    }

    #[test]
    fn a_complete_graph_clusters_exactly_like_the_dense_scan() {
        // Similarities with ties and near-threshold averages, every pair an edge.
        let n = 9;
        let sim: Vec<Vec<f32>> = (0..n)
            .map(|i| (0..n).map(|j| if i == j { 1.0 } else { ((i * j + i + j) % 7) as f32 * 0.02 }).collect())
            .collect();
        let edges: Vec<Edge> =
            (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).map(|(i, j)| (i, j, sim[i][j])).collect();
        assert_eq!(
            cluster(n, &edges, STORY_THRESHOLD, &Vec::new(), SPANS),
            cluster_dense(sim, STORY_THRESHOLD)
        );
    }
}
