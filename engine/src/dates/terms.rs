//! Terms of office from the knowledge base: "US President Joe Biden" was written while Biden was
//! president. An optional `in_office = "2021-01-20/2025-01-20"` (end left open while in office)
//! on a curated entity bounds the date of every article that names the entity with a title
//! ("President", "Prime Minister", …) and without "former".

use std::collections::HashMap;

use super::calendar::{day_number, Day};

/// Words of a title before a name that say the person holds the office now.
const TITLES: &[&str] =
    &["president", "minister", "pm", "premier", "secretary", "chancellor", "king", "queen", "leader", "emir"];
/// Words that say the office is held no longer.
const NOT_NOW: &[&str] = &["former", "ex", "late", "then", "previous", "predecessor"];
/// Words before a name read for its title.
const TITLE_WINDOW: usize = 4;

/// Terms of office by knowledge-base entity id: first and last day (open end: `None`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfficeTerms(HashMap<String, (Day, Option<Day>)>);

fn parse_day(s: &str) -> Option<Day> {
    let mut parts = s.trim().split('-').map(|p| p.parse::<u32>().ok());
    let year = i32::try_from(parts.next()??).ok()?;
    let month = u8::try_from(parts.next().flatten().unwrap_or(1)).ok().filter(|m| (1..=12).contains(m))?;
    let day = u8::try_from(parts.next().flatten().unwrap_or(1)).ok().filter(|d| (1..=31).contains(d))?;
    Some(day_number(year, month, day))
}

impl OfficeTerms {
    /// Reads `in_office` from the knowledge base's TOML. Entries without it, or with a value
    /// that is not one `start/end` range, are skipped (several terms say nothing firm).
    pub fn parse(toml_text: &str) -> OfficeTerms {
        static LAST: crate::memo::LastByText<OfficeTerms> = crate::memo::LastByText::new();
        LAST.get(toml_text, OfficeTerms::parse_text)
    }

    fn parse_text(toml_text: &str) -> OfficeTerms {
        let mut out = HashMap::new();
        let Ok(table) = toml_text.parse::<toml::Table>() else { return OfficeTerms(out) };
        let Some(list) = table.get("entity").and_then(|v| v.as_array()) else { return OfficeTerms(out) };
        for entry in list {
            let (Some(id), Some(term)) =
                (entry.get("id").and_then(|v| v.as_str()), entry.get("in_office").and_then(|v| v.as_str()))
            else {
                continue;
            };
            let Some((from, to)) = term.split_once('/') else { continue };
            let Some(from) = parse_day(from) else { continue };
            let to = if to.trim().is_empty() { None } else { parse_day(to) };
            out.insert(id.to_string(), (from, to));
        }
        OfficeTerms(out)
    }

    /// The term of an entity, if the knowledge base gives one.
    pub fn of(&self, id: &str) -> Option<(Day, Option<Day>)> {
        self.0.get(id).copied()
    }

    /// True when there are no terms at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The words before a name give it a current title ("US President", not "former US President").
pub fn titled_now(before: &str) -> bool {
    let toks = crate::text::tokens(before);
    let window: Vec<&str> = toks.iter().rev().take(TITLE_WINDOW).map(|t| t.norm.as_str()).collect();
    window.iter().any(|w| TITLES.contains(w)) && !window.iter().any(|w| NOT_NOW.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_current_title_bounds_the_date_and_former_does_not() {
        let terms = OfficeTerms::parse(
            "[[entity]]\nid = \"joe-biden\"\nin_office = \"2021-01-20/2025-01-20\"\n[[entity]]\nid = \"x\"\n",
        );
        assert_eq!(terms.of("joe-biden"), Some((day_number(2021, 1, 20), Some(day_number(2025, 1, 20)))));
        assert_eq!(terms.of("x"), None);
        assert!(titled_now("met with US President "));
        assert!(!titled_now("talks with former US President "));
        assert!(!titled_now("Kadhimi said "));
    }
}
