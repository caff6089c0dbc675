//! The shipped gazetteer of countries, capitals, major cities and regions (`gazetteer.txt`),
//! so a corpus about anywhere gets its places highlighted without a curated knowledge base.

/// One gazetteer place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Canonical name, e.g. "United States".
    pub name: &'static str,
    /// Other names: "US", "U.S.", "America".
    pub aliases: Vec<&'static str>,
    /// Adjectives of the place's people: "American". They are cues, never mentions.
    pub demonyms: Vec<&'static str>,
}

const DATA: &str = include_str!("gazetteer.txt");

/// Parses the shipped data. Lines with an empty name only contribute demonyms.
pub fn places() -> Vec<Place> {
    DATA.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let mut parts = line.split('|');
            let name = parts.next().unwrap_or_default().trim();
            let list = |part: Option<&'static str>| -> Vec<&'static str> {
                part.unwrap_or_default().split(';').map(str::trim).filter(|s| !s.is_empty()).collect()
            };
            let aliases = list(parts.next());
            let demonyms = list(parts.next());
            Place { name, aliases, demonyms }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gazetteer_knows_countries_capitals_and_regions() {
        let places = places();
        assert!(places.len() > 300, "{} places", places.len());
        let us = places.iter().find(|p| p.name == "United States");
        assert!(us.is_some_and(|p| p.aliases.contains(&"U.S.") && p.demonyms.contains(&"American")));
        assert!(places.iter().any(|p| p.name == "Baghdad"));
        assert!(places.iter().any(|p| p.name == "Middle East"));
    }
}
