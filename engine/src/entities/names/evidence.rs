//! Evidence for names no list gives: acronyms and the names they abbreviate, organisation nouns
//! around a name ("supermarket chain Albert Heijn", "Equinor, the state energy company"), a lone
//! word speaking ("Oxfam warned"), and place context ("Mount Merapi", "the Escondida copper mine",
//! "flights to Legazpi").

use super::{joinable, run_gap, BlockCx, Recogniser, Word, SPEECH_VERBS};
use crate::entities::lexicon;
use crate::entities::{EntityKind, MentionKind};

/// Connector words inside an organisation's expanded name ("Centre for Volcanology and ...").
const CONNECTORS: &[&str] =
    &["of", "for", "and", "the", "on", "in", "de", "del", "des", "du", "la", "di", "da", "y", "et", "und"];

/// An upper-case word that may be an acronym: 2 to 8 letters, nothing else.
fn acronym_shaped(w: &Word, max: usize) -> bool {
    let n = w.norm.chars().count();
    w.caps && (2..=max).contains(&n) && w.norm.chars().all(|c| c.is_ascii_alphabetic())
}

/// Whether `acronym` (folded) spells the initials of `words` in order: every capitalised word
/// gives its first letter, a connector may give its own or none ("Bank of America", "BoA").
fn initials_match(words: &[&Word], acronym: &[char]) -> bool {
    let Some((first, rest)) = words.split_first() else { return acronym.is_empty() };
    let initial = first.norm.chars().next();
    let takes = acronym.first().is_some_and(|c| Some(*c) == initial) && initials_match(rest, &acronym[1..]);
    if first.cap {
        takes
    } else {
        takes || initials_match(rest, acronym)
    }
}

/// Whether word `k` is claimed by a place ("Peru" in "Radio Programas del Peru (RPP)").
pub(super) fn place_at(cx: &BlockCx<'_>, k: usize) -> bool {
    cx.spans.iter().any(|sp| sp.from <= k && k < sp.to && sp.kind == MentionKind::Place && sp.role.is_none())
}

/// Frees words `start..end` for an organisation's name that holds places: drops the place spans
/// inside. False, changing nothing, when a span that is not a place, or one reaching outside,
/// overlaps them.
pub(super) fn swallow_places(cx: &mut BlockCx<'_>, start: usize, end: usize) -> bool {
    let overlapping = |sp: &super::Span| sp.from < end && sp.to > start;
    let inside_place = |sp: &super::Span| {
        sp.from >= start && sp.to <= end && sp.kind == MentionKind::Place && sp.role.is_none()
    };
    if cx.spans.iter().any(|sp| overlapping(sp) && !inside_place(sp)) {
        return false;
    }
    cx.spans.retain(|sp| !overlapping(sp));
    cx.covered[start..end].iter_mut().for_each(|c| *c = false);
    true
}

/// A lower-case connector word inside an organisation's name ("of", "and", "del").
pub(super) fn is_connector(w: &Word) -> bool {
    !w.cap && CONNECTORS.contains(&w.norm.as_str())
}

/// Whether `acronym` (folded) spells the initials of `words`.
pub(super) fn spells(words: &[Word], acronym: &str) -> bool {
    let words: Vec<&Word> = words.iter().collect();
    initials_match(&words, &acronym.chars().collect::<Vec<_>>())
}

impl Recogniser {
    /// "the Independent Electoral and Boundaries Commission (IEBC)": an upper-case word in
    /// brackets right after a capitalised run names the run an organisation, from the word whose
    /// initials the acronym spells; when no initials fit, a run holding an organisation word is
    /// taken whole ("Philippine Institute of Volcanology and Seismology (PHIVOLCS)"). `claim`
    /// then makes the acronym a mention and an alias.
    pub(super) fn acronym_expansions(&self, cx: &mut BlockCx<'_>) {
        let (text, ws) = (cx.text, cx.ws);
        for i in 1..ws.len() {
            let w = &ws[i];
            let bracketed = text[..w.start].trim_end().ends_with('(') && text[w.end..].starts_with(')');
            if !bracketed || !acronym_shaped(w, 8) || cx.covered[i] {
                continue;
            }
            let last = i - 1;
            let free = |k: usize| !cx.covered[k] || place_at(cx, k);
            if !ws[last].cap || !free(last) || text[ws[last].end..w.start].trim() != "(" {
                continue;
            }
            // The run back from the bracket: capitalised words and connectors, at most 12 words.
            let mut first = last;
            while first > 0 && last - first < 12 {
                let prev = &ws[first - 1];
                let connector = is_connector(prev);
                if !free(first - 1) || !(prev.cap || connector) || !run_gap(text, prev, &ws[first]) {
                    break;
                }
                first -= 1;
            }
            while first < last
                && (!ws[first].cap || lexicon::ORG_LEADING_STOP.contains(&ws[first].norm.as_str()))
            {
                first += 1;
            }
            let acronym: Vec<char> = w.norm.chars().collect();
            let by_initials = (first..=last).filter(|&s| ws[s].cap).find(|&s| {
                let words: Vec<&Word> = ws[s..=last].iter().collect();
                initials_match(&words, &acronym)
            });
            let start = match by_initials {
                Some(s) => s,
                None if (first..=last).any(|k| ws[k].cap && self.org_words.contains(ws[k].norm.as_str())) => {
                    first
                }
                None => continue,
            };
            if last - start < 1
                || joinable(text, &ws[start..=last]).is_none()
                || !swallow_places(cx, start, last + 1)
            {
                continue;
            }
            let surface = &text[ws[start].start..ws[last].end];
            let entity = cx.reg.provisional(EntityKind::Org, surface);
            self.claim(cx, start, last + 1, entity);
        }
    }

    /// A name with an upper-case word: a lone acronym ("told NRK", "The KHRC, a local rights
    /// group") or a name ending in one ("Aker BP") is an organisation unless it is noise: a
    /// dateline, a shouted line, a unit after a number, a title before a name ("PM Kadhimi"), or
    /// a word such as "CEO" or "GDP". `Some(true)`: claim it as one; `Some(false)`: not a name;
    /// `None`: no upper-case word, other rules decide.
    pub(super) fn acronym_org(&self, text: &str, ws: &[Word], start: usize, end: usize) -> Option<bool> {
        let caps: Vec<usize> =
            (start..end).filter(|&k| ws[k].caps && ws[k].norm.chars().count() > 1).collect();
        let &[k] = caps.as_slice() else { return (!caps.is_empty()).then_some(false) };
        let w = &ws[k];
        let shaped = acronym_shaped(w, 6) && !lexicon::STOP_ACRONYMS.contains(&w.norm.as_str());
        // Alone, or the last word after capitalised words that are not upper case ("Aker BP").
        if !shaped || (k + 1 != end) || (end - start > 1 && !ws[start..k].iter().all(|x| x.cap && !x.caps)) {
            return Some(false);
        }
        let gap_before = (start > 0).then(|| &text[ws[start - 1].end..ws[start].start]);
        let next = ws.get(end).map(|n| (&text[ws[end - 1].end..n.start], n));
        // A title before a name, or part of a shouted line.
        if next.is_some_and(|(gap, n)| gap == " " && (n.cap || n.caps)) {
            return Some(false);
        }
        if start > 0
            && gap_before == Some(" ")
            && ws[start - 1].caps
            && ws[start - 1].norm.chars().count() > 1
        {
            return Some(false);
        }
        // A unit after a number ("40 MW").
        if start > 0 && ws[start - 1].norm.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
            return Some(false);
        }
        // A dateline ("LAGOS:") or a label at the start of a block.
        if start == 0 && next.is_some_and(|(gap, _)| gap.trim_start().starts_with([':', '—', '–', '-', '|']))
        {
            return Some(false);
        }
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let upper = text.chars().filter(|c| c.is_uppercase()).count();
        if upper * 2 > letters {
            return Some(false);
        }
        Some(true)
    }

    /// Context that makes a capitalised name without a first name or title an organisation: an
    /// organisation noun before it ("supermarket chain Albert Heijn") or after it ("the Codelco
    /// state company"), an apposition ("Equinor, the state energy company, said"), or a lone word
    /// speaking at the start of a clause ("Oxfam warned"). `prev` is the lower-case word right
    /// before the name.
    pub(super) fn org_context(&self, cx: &BlockCx<'_>, start: usize, end: usize, prev: Option<&str>) -> bool {
        let (text, ws) = (cx.text, cx.ws);
        if prev.is_some_and(|p| lexicon::ORG_NOUNS.contains(&p)) {
            return true;
        }
        let lower_after = |k: usize| {
            ws.get(k)
                .filter(|w| !w.cap && k > 0 && text[ws[k - 1].end..w.start] == *" ")
                .map(|w| w.norm.as_str())
        };
        let after = |k: usize| lower_after(k).is_some_and(|n| lexicon::ORG_NOUNS_AFTER.contains(&n));
        let modifier = lower_after(end).is_some_and(|n| !self.stop.contains(n) && !SPEECH_VERBS.contains(&n));
        let the_before = start > 0 && ws[start - 1].norm == "the";
        if the_before && (after(end) || (modifier && after(end + 1))) {
            return true;
        }
        if self.org_apposition(text, ws, end) {
            return true;
        }
        end - start == 1 && (self.speaking_org(cx, start) || self.told_outlet(cx, start, prev))
    }

    /// "Equinor, the state-controlled energy company, said": a comma, an article, and within six
    /// words an organisation noun that ends the apposition (a comma or a full stop after it), with
    /// no person noun before it.
    fn org_apposition(&self, text: &str, ws: &[Word], end: usize) -> bool {
        let (Some(last), Some(next)) = (ws.get(end.wrapping_sub(1)), ws.get(end)) else { return false };
        if text[last.end..next.start].trim() != "," || !matches!(next.norm.as_str(), "a" | "an" | "the") {
            return false;
        }
        for k in end + 1..(end + 7).min(ws.len()) {
            let w = &ws[k];
            if self.person_nouns.contains(w.norm.as_str()) {
                return false;
            }
            if lexicon::ORG_NOUNS.contains(&w.norm.as_str()) {
                // "Equinor, the state energy company, said", "... sold by Equinor, the company.";
                // not "Norte de Santander, the disaster agency said", where the noun speaks.
                return match ws.get(k + 1) {
                    Some(n) => text[w.end..n.start].trim_start().starts_with([',', '.', ';']),
                    None => {
                        let rest = text[w.end..].trim_start();
                        rest.is_empty() || rest.starts_with(['.', ';'])
                    }
                };
            }
        }
        false
    }

    /// One unknown capitalised word as the subject of a speech verb ("Meralco said", "Oxfam
    /// warned"): people are named in full before their surname speaks alone, so a word that is
    /// no surname, first name, title or common word is an organisation. A plural-looking word at
    /// the start of a sentence ("Prosecutors said") is left alone.
    fn speaking_org(&self, cx: &BlockCx<'_>, start: usize) -> bool {
        let (text, ws) = (cx.text, cx.ws);
        let w = &ws[start];
        let speaks = ws
            .get(start + 1)
            .is_some_and(|n| text[w.end..n.start] == *" " && SPEECH_VERBS.contains(&n.norm.as_str()));
        if !speaks || !self.unknown_word(cx, w) {
            return false;
        }
        let the_before = start > 0 && ws[start - 1].norm == "the";
        let from = if the_before { start - 1 } else { start };
        let clause_start = from == 0
            || text[..ws[from].start].trim_end().ends_with(['.', '!', '?', ':', ';', ',', '"', '“', '”']);
        let plural = w.norm.ends_with('s') && clause_start && !the_before;
        !plural && (clause_start || the_before)
    }

    /// "told Rudaw that", "told Bloomberg on Monday": one unknown word a source told something to
    /// is the outlet that carried it (a person it could be was named in full before).
    fn told_outlet(&self, cx: &BlockCx<'_>, start: usize, prev: Option<&str>) -> bool {
        prev.is_some_and(|p| matches!(p, "told" | "tells" | "telling"))
            && self.unknown_word(cx, &cx.ws[start])
    }

    /// A word of three letters or more that is no name the article learned, first name, title,
    /// person noun, organisation word, common word or place of the broad list ("Kyiv said": a
    /// city speaking for its government stays a place).
    fn unknown_word(&self, cx: &BlockCx<'_>, w: &Word) -> bool {
        w.norm.chars().count() >= 3
            && !cx.state.local.contains_key(&w.key)
            && !self.first_names.contains(w.norm.as_str())
            && !self.title_heads.contains(w.norm.as_str())
            && !self.person_nouns.contains(w.norm.as_str())
            && !self.org_words.contains(w.norm.as_str())
            && !self.stop.contains(w.norm.as_str())
            && !self.broad_places.contains(&w.key)
    }

    /// Context that makes a capitalised name a place: a place word before it ("Mount Merapi",
    /// "Lake Taal"), a facility after one modifier ("the Escondida copper mine"), a settlement
    /// noun or its people before "of" ("the town of Krupanj", "residents of Bahodopi"), or a
    /// journey's end ("flights to Legazpi"). `prev` is the lower-case word right before the name.
    pub(super) fn place_context(
        &self,
        text: &str,
        ws: &[Word],
        start: usize,
        end: usize,
        prev: Option<&str>,
    ) -> bool {
        if end - start >= 2 && lexicon::PLACE_HEADS.contains(&ws[start].norm.as_str()) {
            return true;
        }
        let lower = |k: usize| ws.get(k).filter(|w| !w.cap && text[ws[k - 1].end..w.start] == *" ");
        let modifier = lower(end).is_some_and(|w| {
            !self.stop.contains(w.norm.as_str()) && !SPEECH_VERBS.contains(&w.norm.as_str())
        });
        if modifier
            && lower(end + 1).is_some_and(|w| lexicon::MODIFIED_PLACE_NOUNS.contains(&w.norm.as_str()))
        {
            return true;
        }
        // "the village of Gornje Nedeljice", "the mayor of Tikrit"; "Residents of Bahodopi"
        // opening a sentence, but not after a capitalised title ("Mayor of London Sadiq Khan").
        let noun_of = start >= 2 && text[ws[start - 2].end..ws[start - 1].start] == *" ";
        if prev == Some("of")
            && noun_of
            && end - start <= 3
            && lexicon::PLACES_OF.contains(&ws[start - 2].norm.as_str())
            && !(ws[start - 2].cap && self.title_heads.contains(ws[start - 2].norm.as_str()))
        {
            return true;
        }
        prev == Some("to")
            && end - start <= 3
            && ws[..start - 1].iter().rev().take(3).any(|w| lexicon::MOTION_WORDS.contains(&w.norm.as_str()))
    }

    /// An organisation named after its country or ending in a stop word ("Environment Canada
    /// said", "Parks Canada closed the park", "Human Rights Watch urged"): the run's capitalised
    /// words before the country would otherwise be dropped, or the stop word trimmed. Only with
    /// evidence: the run speaks, or opens a clause (or follows ", and") with a past-tense verb or
    /// "and" after it; words
    /// that make "Northern Canada" or "Rural Canada" a place never start one.
    pub(super) fn org_ending_in_country_or_stop(&self, cx: &mut BlockCx<'_>, s: usize, e: usize) {
        let (text, ws) = (cx.text, cx.ws);
        if e - s < 2 || e > ws.len() {
            return;
        }
        let place_at_end = cx
            .spans
            .iter()
            .find(|sp| sp.to == e && sp.from > s && sp.kind == MentionKind::Place && sp.role.is_none())
            .map(|sp| sp.from);
        let last = &ws[e - 1];
        let stop_end = place_at_end.is_none()
            && e - s >= 2
            && !cx.covered[e - 1]
            && last.cap
            && !last.caps
            && self.stop.contains(last.norm.as_str());
        // "Residents in Puerto Santander said", "Tourists in Hoi An said": a name after a place
        // preposition, or one the broad place list knows, stop word and all, is a place.
        let after_preposition = s > 0
            && !ws[s - 1].cap
            && text[ws[s - 1].end..ws[s].start] == *" "
            && lexicon::PLACE_PREPOSITIONS.contains(&ws[s - 1].norm.as_str());
        if after_preposition || self.broad_places.contains(&super::name_key_of(&ws[s..e])) {
            return;
        }
        let Some(name_end) = place_at_end.or(stop_end.then_some(e - 1)) else { return };
        let plain = |w: &Word| {
            w.cap
                && !w.caps
                && !self.stop.contains(w.norm.as_str())
                && !self.months.contains(w.norm.as_str())
                && !self.demonyms.contains(&w.norm)
                && !self.title_heads.contains(w.norm.as_str())
                && !self.first_names.contains(w.norm.as_str())
                && (place_at_end.is_none() || !lexicon::PLACE_QUALIFIERS.contains(&w.norm.as_str()))
        };
        if name_end - s > 3 || (s..name_end).any(|k| cx.covered[k] || !plain(&ws[k])) {
            return;
        }
        let next = ws.get(e).filter(|n| text[ws[e - 1].end..n.start] == *" " && !n.cap);
        let speaks = next.is_some_and(|n| SPEECH_VERBS.contains(&n.norm.as_str()));
        // At a clause's start, or joined to one by "and" ("Gales hit Auckland, and Air New
        // Zealand cancelled").
        let before = text[..ws[s].start].trim_end();
        let clause_start = s == 0
            || before.ends_with(['.', '!', '?', ':', ';', '"', '“'])
            || before.ends_with(", and")
            || before.ends_with(". And");
        let acts = next.is_some_and(|n| n.norm == "and" || (n.norm.ends_with("ed") && n.norm.len() > 4));
        if !(speaks || (clause_start && acts)) || !swallow_places(cx, s, e) {
            return;
        }
        let entity = cx.reg.provisional(EntityKind::Org, &text[ws[s].start..ws[e - 1].end]);
        self.claim(cx, s, e, entity);
    }

    /// "Aker BP and Petoro": a name joined by "and" to an organisation just found is one too.
    pub(super) fn after_org(&self, cx: &BlockCx<'_>, start: usize, prev: Option<&str>) -> bool {
        prev == Some("and")
            && cx
                .spans
                .iter()
                .any(|sp| sp.to + 1 == start && sp.kind == MentionKind::Org && sp.role.is_none())
    }
}

/// A company or brand written as one word with a capital inside ("QatarEnergy", "KenGen",
/// "ByteDance"): a capital after two or more lower-case letters, letters only, and no surname
/// prefix before it ("McDonald", "DeSantis", "MacArthur").
pub(super) fn camel_case_name(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    if !chars.first().is_some_and(|c| c.is_uppercase()) || !chars.iter().all(|c| c.is_alphabetic()) {
        return false;
    }
    let inner = (2..chars.len())
        .find(|&i| chars[i].is_uppercase() && chars[i - 1].is_lowercase() && chars[i - 2].is_lowercase());
    inner.is_some_and(|i| {
        let prefix: String = chars[..i].iter().collect::<String>().to_lowercase();
        !lexicon::SURNAME_PREFIXES.contains(&prefix.as_str())
            && chars[i + 1..].iter().any(|c| c.is_lowercase())
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn one_word_with_a_capital_inside_is_a_company_but_not_a_surname() {
        for name in ["QatarEnergy", "KenGen", "ByteDance", "PetroChina", "TotalEnergies"] {
            assert!(super::camel_case_name(name), "{name}");
        }
        for name in ["McDonald", "MacArthur", "DeSantis", "LeBron", "Kadhimi", "Baghdad", "USAid", "iPhone"] {
            assert!(!super::camel_case_name(name), "{name}");
        }
    }

    fn spells(name: &str, acronym: &str) -> bool {
        super::spells(&super::super::words(name), &acronym.to_lowercase())
    }

    #[test]
    fn acronyms_spell_the_initials_of_the_words_they_abbreviate() {
        assert!(spells("Independent Electoral and Boundaries Commission", "IEBC"));
        assert!(spells("National Disaster Risk Reduction and Management Council", "NDRRMC"));
        assert!(spells("Bank of America", "BOA"));
        assert!(spells("Bank of America", "BA"));
        assert!(!spells("Independent Electoral Commission", "IEBC"));
        assert!(!spells("Farmers Defence Force", "FF"));
    }
}
