//! Who published an article: the table of known outlets and house markers, the patterns by which a
//! text names its own outlet, and photo credits in captions.

/// A news outlet the cleaner can recognise by name or by its house marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownOutlet {
    /// Canonical name, e.g. "Asharq Al-Awsat".
    pub name: &'static str,
    /// Lines the outlet's pages carry as a house marker after the headline block, e.g. "TT".
    pub markers: &'static [&'static str],
    /// Spellings found in running text and credit lines (the canonical name included).
    pub aliases: &'static [&'static str],
}

/// The built-in outlet table. Add an outlet here (data, not code) to recognise it.
pub const KNOWN_OUTLETS: &[KnownOutlet] = &[
    KnownOutlet {
        name: "Asharq Al-Awsat",
        markers: &["TT"],
        aliases: &["Asharq Al-Awsat", "Asharq al-Awsat", "Asharq Alawsat", "Aawsat"],
    },
    KnownOutlet { name: "Global Village Space", markers: &[], aliases: &["Global Village Space", "GVS"] },
    KnownOutlet { name: "Arab News", markers: &[], aliases: &["Arab News"] },
    KnownOutlet { name: "Al-Monitor", markers: &[], aliases: &["Al-Monitor", "Al Monitor"] },
    KnownOutlet { name: "Rudaw", markers: &[], aliases: &["Rudaw"] },
    KnownOutlet { name: "Kurdistan 24", markers: &[], aliases: &["Kurdistan 24", "Kurdistan24"] },
    KnownOutlet { name: "Al Arabiya", markers: &[], aliases: &["Al Arabiya", "Al-Arabiya"] },
    KnownOutlet { name: "Middle East Eye", markers: &[], aliases: &["Middle East Eye"] },
    KnownOutlet { name: "The New Arab", markers: &[], aliases: &["The New Arab"] },
];

/// News agencies and photo services: photo credits and credit lines, never an article's outlet.
pub const AGENCIES: &[&str] = &[
    "Reuters",
    "REUTERS",
    "AFP",
    "AP",
    "Associated Press",
    "Agence France-Presse",
    "Getty Images",
    "EPA",
    "Anadolu",
    "Anadolu Agency",
    "Xinhua",
    "dpa",
    "DPA",
    "IRNA",
    "WANA",
    "INA",
    "UPI",
    "Bloomberg",
    "Yonhap",
    "연합뉴스",
    "뉴시스",
    "뉴스1",
];

/// Words before an outlet's name that mean the text is the outlet's own reporting.
const SELF_CUES_BEFORE: &[&str] =
    &["told", "Speaking to", "speaking to", "interview with", "statements to", "remarks to", "said to"];
/// Words after an outlet's name that mean the same ("Asharq Al-Awsat has learned").
const SELF_CUES_AFTER: &[&str] = &[" has learned", " learned", " has obtained", " obtained", " has seen"];

/// The outlet whose house marker is exactly `line`.
pub(crate) fn by_marker<'t>(outlets: &'t [KnownOutlet], line: &str) -> Option<&'t KnownOutlet> {
    outlets.iter().find(|o| o.markers.contains(&line))
}

/// The first known outlet named in `text` (word-bounded), with its byte range in `text`.
pub(crate) fn named_in<'t>(
    outlets: &'t [KnownOutlet],
    text: &str,
) -> Option<(&'t KnownOutlet, usize, usize)> {
    outlets
        .iter()
        .flat_map(|o| o.aliases.iter().map(move |a| (o, *a)))
        .filter_map(|(o, alias)| word_bounded(text, alias).next().map(|at| (o, at, at + alias.len())))
        .min_by_key(|(_, at, _)| *at)
}

/// Where the text names its own outlet ("Speaking to Asharq Al-Awsat", "A source told Asharq
/// Al-Awsat", "Rudaw has learned"): the outlet and the byte range of the phrase in `text`.
pub(crate) fn names_itself<'t>(
    outlets: &'t [KnownOutlet],
    text: &str,
) -> Option<(&'t KnownOutlet, usize, usize)> {
    for outlet in outlets {
        for alias in outlet.aliases {
            for at in word_bounded(text, alias) {
                let end = at + alias.len();
                let before = text[..at].trim_end();
                let cue = SELF_CUES_BEFORE.iter().find(|cue| {
                    before.ends_with(**cue)
                        && before[..before.len() - cue.len()]
                            .chars()
                            .last()
                            .is_none_or(|c| !c.is_alphanumeric())
                });
                if let Some(cue) = cue {
                    return Some((outlet, before.len() - cue.len(), end));
                }
                if let Some(cue) = SELF_CUES_AFTER.iter().find(|cue| text[end..].starts_with(**cue)) {
                    return Some((outlet, at, end + cue.len()));
                }
            }
        }
    }
    None
}

/// Occurrences of `needle` in `text` not inside a longer word.
fn word_bounded<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(needle).map(|(at, _)| at).filter(move |&at| {
        let before_ok = text[..at].chars().last().is_none_or(|c| !c.is_alphanumeric());
        let after_ok = text[at + needle.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before_ok && after_ok
    })
}

/// A caption split into its text and its photo credit (ranges relative to the caption line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CreditSplit {
    /// End of the caption text proper.
    pub caption_end: usize,
    /// Start of the credit.
    pub credit_start: usize,
    /// End of the credit.
    pub credit_end: usize,
}

/// Finds a photo credit at the end of a caption: "... Iraq. (Reuters)", "... at the White House,
/// Asharq Al-Awsat", "... Baghdad. Photo: John Doe/AFP".
pub(crate) fn split_credit(outlets: &[KnownOutlet], line: &str) -> Option<CreditSplit> {
    if let Some(inner) = line.strip_suffix(')') {
        let open = inner.rfind('(')?;
        let credit = inner[open + 1..].trim();
        let caption = line[..open].trim_end();
        if credit.is_empty()
            || caption.is_empty()
            || credit.len() > 60
            || credit.split_whitespace().count() > 8
        {
            return None;
        }
        let credit_start = open + 1 + (inner[open + 1..].len() - inner[open + 1..].trim_start().len());
        return Some(CreditSplit {
            caption_end: caption.len(),
            credit_start,
            credit_end: credit_start + credit.len(),
        });
    }
    // ASCII lower-casing keeps byte offsets valid.
    let lower = line.to_ascii_lowercase();
    let label = ["photo: ", "photo by ", "credit: "]
        .iter()
        .filter_map(|l| lower.rfind(l).map(|at| (at, l.len())))
        .max();
    let (caption, credit_start) = match (label, line.rfind(", ")) {
        (Some((at, len)), _) => (&line[..at], at + len),
        (None, Some(comma)) => (&line[..comma], comma + 2),
        (None, None) => return None,
    };
    let credit_start = credit_start + (line[credit_start..].len() - line[credit_start..].trim_start().len());
    let credit = line[credit_start..].trim_end();
    let caption = caption.trim_end();
    let known = AGENCIES.contains(&credit) || outlets.iter().any(|o| o.aliases.contains(&credit));
    let photo_cue =
        ["/", " via ", "Photo", "photo", "Getty", "Images", "Courtesy"].iter().any(|c| credit.contains(c));
    let short = credit.split_whitespace().count() <= 6 && credit.len() <= 60;
    (!caption.is_empty() && !credit.is_empty() && short && (known || photo_cue) && !credit.ends_with('.'))
        .then_some(CreditSplit {
            caption_end: caption.len(),
            credit_start,
            credit_end: credit_start + credit.len(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit(line: &str) -> Option<(&str, &str)> {
        split_credit(KNOWN_OUTLETS, line)
            .map(|s| (&line[..s.caption_end], &line[s.credit_start..s.credit_end]))
    }

    #[test]
    fn photo_credits_in_brackets_after_a_comma_or_a_photo_label() {
        assert_eq!(
            credit("Iraqi Prime Minister Mustafa al-Kadhimi. (Khalid Mohammed/Pool via REUTERS)"),
            Some(("Iraqi Prime Minister Mustafa al-Kadhimi.", "Khalid Mohammed/Pool via REUTERS"))
        );
        assert_eq!(
            credit("The meeting at the White House, Asharq Al-Awsat"),
            Some(("The meeting at the White House", "Asharq Al-Awsat"))
        );
        assert_eq!(
            credit("Smoke over Erbil. Photo: Safin Hamid/AFP"),
            Some(("Smoke over Erbil.", "Safin Hamid/AFP"))
        );
    }

    #[test]
    fn sentences_with_commas_have_no_credit() {
        assert_eq!(
            credit("A new prime minister is visiting Washington, D.C., and expected to meet Trump."),
            None
        );
        assert_eq!(credit("He met the minister, and the talks went well"), None);
    }

    #[test]
    fn self_naming_needs_a_reporting_cue() {
        let t = "Speaking to Asharq Al-Awsat, James noted that";
        assert_eq!(
            names_itself(KNOWN_OUTLETS, t).map(|(o, s, e)| (o.name, &t[s..e])),
            Some(("Asharq Al-Awsat", "Speaking to Asharq Al-Awsat"))
        );
        assert!(names_itself(KNOWN_OUTLETS, "Al-Jazeera quoted Araji, and Arab News reported it.").is_none());
        assert!(names_itself(KNOWN_OUTLETS, "Sources told Rudaw on Monday").is_some());
    }
}
