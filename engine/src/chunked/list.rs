//! Article lists: the order the explorer lists a corpus in (newest first, as the home page's
//! "by date" order), filters by outlet or story, and pages of such a list as article ordinals.

use super::ArticleEntry;

/// Which articles a list shows. Default: all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Only the articles of this outlet (an index into [`super::Manifest::outlets`]).
    pub outlet: Option<u32>,
    /// Only the articles of this story (an index into [`super::Manifest::stories`]).
    pub story: Option<u32>,
}

impl ListFilter {
    /// Whether a row passes the filter.
    pub fn admits(&self, row: &ArticleEntry) -> bool {
        self.outlet.is_none_or(|o| row.outlet == Some(o)) && self.story.is_none_or(|s| row.story == Some(s))
    }
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPage {
    /// How many articles the whole list holds (every page, not only this one).
    pub total: usize,
    /// The ordinals of the page's articles, in list order.
    pub ordinals: Vec<usize>,
}

/// A date's sort key from its ISO form (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`): the first day it can
/// be, as [`crate::dates::PublicationDate::sort_key`].
pub(crate) fn date_key(iso: &str) -> Option<(i32, u8, u8)> {
    let (sign, rest) = match iso.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, iso),
    };
    let mut parts = rest.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next().map_or(Some(0), |m| m.parse().ok())?;
    let day: u8 = parts.next().map_or(Some(0), |d| d.parse().ok())?;
    Some((sign * year, month, day))
}

/// The corpus's list order: ordinals newest first, undated articles last, equal dates in corpus
/// order (the home page's "by date" order, `articles_by_date` in the app).
pub(crate) fn list_order(rows: &[ArticleEntry]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..rows.len()).map(|i| u32::try_from(i).unwrap_or(u32::MAX)).collect();
    // A stable sort: equal dates keep corpus order.
    order.sort_by_key(|&i| std::cmp::Reverse(rows[i as usize].date.as_deref().and_then(date_key)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, date: Option<&str>) -> ArticleEntry {
        ArticleEntry {
            id: id.into(),
            title: id.into(),
            outlet: None,
            date: date.map(Into::into),
            story: None,
            words: 1,
        }
    }

    #[test]
    fn lists_are_newest_first_with_undated_articles_last_in_corpus_order() {
        let rows = [
            row("undated-a", None),
            row("2020", Some("2020")),
            row("2020-08-03", Some("2020-08-03")),
            row("undated-b", None),
            row("2020-08", Some("2020-08")),
            row("2021-01-01", Some("2021-01-01")),
            row("also-2020-08-03", Some("2020-08-03")),
        ];
        let ids: Vec<&str> = list_order(&rows).iter().map(|&i| rows[i as usize].id.as_str()).collect();
        assert_eq!(
            ids,
            ["2021-01-01", "2020-08-03", "also-2020-08-03", "2020-08", "2020", "undated-a", "undated-b"]
        );
    }

    #[test]
    fn a_date_sorts_like_the_engine_dates_it_came_from() {
        let date = crate::dates::PublicationDate {
            year: 2020,
            month: Some(8),
            day: None,
            source: crate::dates::DateSource::Stated,
            evidence: Vec::new(),
        };
        assert_eq!(date_key(&date.iso()), Some(date.sort_key()));
        assert_eq!(date_key("not a date"), None);
    }
}
