//! A story chunk's stories on the wire (the manifest's until format 9): one column per field
//! rather than one record per story, and each label as indices into a vocabulary of the labels'
//! words (split at spaces, the most used first, so a name, month or "·" every tenth label repeats
//! costs a byte). Ids are left out where they are the label's slug within the chunk ([`Slugs`]);
//! articles are ordinal gaps, each story's list pages page gaps with their rows.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::StoryEntry;
use crate::bundle::validate::{Inconsistency, Part};

/// The stories as written.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct WireStories {
    /// `(story, id)` for each story whose id is not the one its label gives, ascending.
    ids: Vec<(u32, String)>,
    /// The labels' distinct words, most used first (ties in byte order).
    words: Vec<String>,
    /// Per story, how many words its label has (an empty label is one empty word).
    label_lens: Vec<u32>,
    /// Every label's words, story after story, as indices into `words`.
    label_words: Vec<u32>,
    /// Per story, how many articles it has.
    sizes: Vec<u32>,
    /// Every story's articles, story after story: its first ordinal, then each next one's gap.
    article_gaps: Vec<u32>,
    from: Vec<Option<String>>,
    to: Vec<Option<String>>,
    /// Per story, how many stories it follows.
    follow_counts: Vec<u32>,
    /// Every story's earlier stories, story after story.
    follows: Vec<u32>,
    /// Per story, on how many list pages it has rows.
    page_counts: Vec<u32>,
    /// Every story's list pages, story after story: its first page, then each next one's gap.
    page_gaps: Vec<u32>,
    /// The story's rows on each of those pages.
    page_rows: Vec<u32>,
}

impl WireStories {
    /// The wire form of a chunk's stories.
    pub(crate) fn of(stories: &[StoryEntry]) -> WireStories {
        let mut uses: HashMap<&str, u32> = HashMap::new();
        for story in stories {
            for word in story.label.split(' ') {
                *uses.entry(word).or_default() += 1;
            }
        }
        let mut words: Vec<&str> = uses.keys().copied().collect();
        crate::sort::sort_by(&mut words, |a, b| uses[b].cmp(&uses[a]).then_with(|| a.cmp(b)));
        let index: HashMap<&str, u32> =
            words.iter().enumerate().map(|(i, &w)| (w, u32::try_from(i).unwrap_or(u32::MAX))).collect();
        let mut wire =
            WireStories { words: words.iter().map(|w| w.to_string()).collect(), ..Default::default() };
        let mut slugs = Slugs::default();
        for (i, story) in stories.iter().enumerate() {
            if let Some(id) = slugs.next(&story.label, &story.id) {
                wire.ids.push((u32::try_from(i).unwrap_or(u32::MAX), id));
            }
            let before = wire.label_words.len();
            wire.label_words.extend(story.label.split(' ').map(|w| index[w]));
            wire.label_lens.push(u32::try_from(wire.label_words.len() - before).unwrap_or(u32::MAX));
            wire.sizes.push(u32::try_from(story.articles.len()).unwrap_or(u32::MAX));
            wire.article_gaps.extend(super::wire::gaps(story.articles.iter().copied()));
            wire.from.push(story.from.clone());
            wire.to.push(story.to.clone());
            wire.follow_counts.push(u32::try_from(story.follows.len()).unwrap_or(u32::MAX));
            wire.follows.extend_from_slice(&story.follows);
            wire.page_counts.push(u32::try_from(story.pages.len()).unwrap_or(u32::MAX));
            wire.page_gaps.extend(super::wire::gaps(story.pages.iter().map(|&(page, _)| page)));
            wire.page_rows.extend(story.pages.iter().map(|&(_, rows)| rows));
        }
        wire
    }

    /// Points the first story's first article past the corpus (for tests of a faulty writer).
    #[cfg(test)]
    pub(crate) fn break_first_story(&mut self) {
        if let Some(first) = self.article_gaps.first_mut() {
            *first = u32::MAX;
        }
    }

    /// The stories, or what is wrong: columns that do not add up, an article past the corpus's
    /// `n_articles`, a story following one of the corpus's `n_stories` it does not have, list
    /// pages past `n_pages`, out of order, or with other rows than the story has articles.
    pub(crate) fn into_stories(
        self,
        n_articles: u32,
        n_stories: u32,
        n_pages: u32,
    ) -> Result<Vec<StoryEntry>, Inconsistency> {
        let wrong = |problem: &str| Inconsistency { part: Part::Stories, problem: problem.into() };
        let n = self.label_lens.len();
        let columns = [
            self.sizes.len(),
            self.from.len(),
            self.to.len(),
            self.follow_counts.len(),
            self.page_counts.len(),
        ];
        if columns.iter().any(|&len| len != n) {
            return Err(wrong("the stories' columns differ in length"));
        }
        let sum = |column: &[u32]| column.iter().map(|&c| c as usize).sum::<usize>();
        if sum(&self.label_lens) != self.label_words.len()
            || sum(&self.sizes) != self.article_gaps.len()
            || sum(&self.follow_counts) != self.follows.len()
            || sum(&self.page_counts) != self.page_gaps.len()
            || self.page_gaps.len() != self.page_rows.len()
        {
            return Err(wrong("the stories' counts do not match their columns"));
        }
        let (mut words, mut gaps, mut follows) =
            (self.label_words.iter(), self.article_gaps.iter(), self.follows.iter());
        let mut pages = self.page_gaps.iter().zip(&self.page_rows);
        let mut ids = self.ids.into_iter().peekable();
        let mut slugs = Slugs::default();
        let mut stories = Vec::with_capacity(n);
        let columns = self
            .label_lens
            .iter()
            .zip(&self.sizes)
            .zip(self.from.into_iter().zip(self.to))
            .zip(self.follow_counts.iter().zip(&self.page_counts));
        for (i, (((&label_len, &size), (from, to)), (&follow_count, &page_count))) in columns.enumerate() {
            let mut label = String::new();
            for (k, &word) in words.by_ref().take(label_len as usize).enumerate() {
                let word = self
                    .words
                    .get(word as usize)
                    .ok_or_else(|| wrong("a label names a word it does not have"))?;
                if k > 0 {
                    label.push(' ');
                }
                label.push_str(word);
            }
            let mut articles: Vec<u32> = Vec::with_capacity(size as usize);
            for &gap in gaps.by_ref().take(size as usize) {
                let next = match articles.last() {
                    None => Some(gap),
                    Some(&previous) => u32::checked_add(previous, gap).filter(|_| gap > 0),
                };
                let Some(o) = next.filter(|&o| o < n_articles) else {
                    return Err(wrong("a story names an article the corpus does not have"));
                };
                articles.push(o);
            }
            let follows: Vec<u32> = follows.by_ref().take(follow_count as usize).copied().collect();
            if follows.iter().any(|&s| s >= n_stories) {
                return Err(wrong("a story follows a story the corpus does not have"));
            }
            let mut story_pages: Vec<(u32, u32)> = Vec::with_capacity(page_count as usize);
            for (&gap, &rows) in pages.by_ref().take(page_count as usize) {
                let next = match story_pages.last() {
                    None => Some(gap),
                    Some(&(previous, _)) => u32::checked_add(previous, gap).filter(|_| gap > 0),
                };
                let Some(page) = next.filter(|&p| p < n_pages && rows > 0) else {
                    return Err(wrong("a story has rows on a list page the corpus does not have"));
                };
                story_pages.push((page, rows));
            }
            if story_pages.iter().map(|&(_, rows)| rows as usize).sum::<usize>() != articles.len() {
                return Err(wrong("a story's rows in the article list are not its articles"));
            }
            let written = ids.next_if(|(at, _)| *at as usize == i).map(|(_, id)| id);
            let id = slugs.id_of(&label, written.as_deref());
            stories.push(StoryEntry { id, label, articles, from, to, follows, pages: story_pages });
        }
        if ids.next().is_some() {
            return Err(wrong("a story id names a story the corpus does not have"));
        }
        Ok(stories)
    }
}

/// Story ids as the stories module makes them: the label's slug, with `-2`, `-3`… after an id
/// already taken. The writer leaves out every id this gives back; the reader recomputes them.
#[derive(Default)]
struct Slugs {
    used: std::collections::HashSet<String>,
}

impl Slugs {
    /// The id a story with this label would get next.
    fn expected(&self, label: &str) -> String {
        let base = crate::model::slugify(label, 6);
        let mut id = base.clone();
        let mut n = 2;
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// The writer's side: takes the story's id, and returns it only where it is not the expected one.
    fn next(&mut self, label: &str, id: &str) -> Option<String> {
        let written = (id != self.expected(label)).then(|| id.to_string());
        self.used.insert(id.to_string());
        written
    }

    /// The reader's side: the story's id, written or recomputed.
    fn id_of(&mut self, label: &str, written: Option<&str>) -> String {
        let id = written.map_or_else(|| self.expected(label), str::to_string);
        self.used.insert(id.clone());
        id
    }
}
