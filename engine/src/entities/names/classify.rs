//! A person or a place among a run's unclaimed words: titles, first names, appositions, place
//! words and prepositions, speech, and the broad place list decide which, or neither.

use super::{
    evidence, lexicon, name_key_of, one_edit_apart, BlockCx, EntityKind, MentionKind, Recogniser, Word,
    SPEECH_VERBS,
};

impl Recogniser {
    /// A person or place among the unclaimed words `seg_start..seg_end` of the run starting at
    /// `run_start`.
    pub(super) fn person_or_place(
        &self,
        cx: &mut BlockCx<'_>,
        run_start: usize,
        seg_start: usize,
        seg_end: usize,
    ) {
        let (text, ws) = (cx.text, cx.ws);
        let mut start = seg_start;
        let mut end = seg_end;
        let mut cue = false;
        if let Some(t) =
            (seg_start..seg_end).rev().find(|&t| ws[t].cap && self.title_heads.contains(ws[t].norm.as_str()))
        {
            // "Secretary of State": the title goes on, no name follows.
            if ws.get(t + 1).is_some_and(|w| !w.cap) {
                return;
            }
            start = t + 1;
            cue = true;
        } else if seg_start == run_start && seg_start > 0 {
            let prev = &ws[seg_start - 1];
            let gap = &text[prev.end..ws[seg_start].start];
            cue = gap == " " && !prev.cap && self.title_heads.contains(prev.norm.as_str());
            // "Secretary of State Antony Blinken", "Minister of Foreign Affairs Fuad Hussein": the
            // title's object comes first, the name is the run's last two words.
            let title_of = gap == " "
                && prev.norm == "of"
                && seg_start >= 2
                && ws[seg_start - 2].cap
                && self.title_heads.contains(ws[seg_start - 2].norm.as_str());
            if title_of && seg_end - seg_start >= 3 {
                start = seg_end - 2;
                cue = true;
            }
        }
        let (named_start, named_end) = (start, end);
        while start < end && self.skip_word(&ws[start]) {
            start += 1;
        }
        while end > start && (!ws[end - 1].cap || self.stop.contains(ws[end - 1].norm.as_str())) {
            end -= 1;
        }
        // "Long An", "Can Tho": a place the broad list knows keeps a stop word at either end.
        if let Some((s, e)) = self.broad_place_within(ws, named_start, named_end, start, end) {
            (start, end) = (s, e);
        }
        let len = end - start;
        // At most four capitalised words; name particles between them do not count ("Luiz
        // Inácio Lula da Silva", "San José de la Montaña").
        if len == 0 || ws[start..end].iter().filter(|w| w.cap).count() > 4 {
            return;
        }
        // An acronym or a surname ("Rahman-Qureshi") the article defined in this block links to
        // its name in pass 3.
        let key = name_key_of(&ws[start..end]);
        if cx.state.local.contains_key(&key) {
            return;
        }
        match self.acronym_org(text, ws, start, end) {
            Some(true) => {
                let entity = cx.reg.provisional(EntityKind::Org, &text[ws[start].start..ws[end - 1].end]);
                self.claim(cx, start, end, entity);
                return;
            }
            Some(false) => return,
            None => {}
        }
        let last = &ws[end - 1];
        let following = ws.get(end).map(|next| (&text[last.end..next.start], next));
        let place_word = len >= 2 && self.place_words.contains(last.norm.as_str());
        let first_name = len >= 2 && self.first_names.contains(ws[start].norm.as_str());
        let apposition =
            len >= 2 && (self.apposition(text, ws, end) || self.named_after_noun(text, ws, start));
        let arabic = len >= 2 && ws[start + 1..end].iter().any(|w| w.particle) && !ws[start].particle;
        let prev = (start == seg_start
            && start > 0
            && !ws[start - 1].cap
            && text[ws[start - 1].end..ws[start].start] == *" ")
            .then(|| ws[start - 1].norm.as_str());
        // "Residents in Puerto Santander said": a name after a place preposition is not the speaker.
        let after_preposition = prev.is_some_and(|p| lexicon::PLACE_PREPOSITIONS.contains(&p));
        let speaks = len >= 2
            && !after_preposition
            && following.is_some_and(|(gap, next)| gap == " " && SPEECH_VERBS.contains(&next.norm.as_str()));
        // "in Cusco and Arequipa": the second name of a pair shares the first one's kind.
        let after_place = prev == Some("and")
            && cx
                .spans
                .iter()
                .any(|sp| sp.to + 1 == start && sp.kind == MentionKind::Place && sp.role.is_none());
        // "In Tromso,": a capitalised preposition opening the run.
        let lead = (start == seg_start + 1 && ws[seg_start].cap).then(|| ws[seg_start].norm.as_str());
        let preposition = len <= 3 && prev.or(lead).is_some_and(|p| lexicon::PLACE_PREPOSITIONS.contains(&p));
        let place_noun = following
            .is_some_and(|(gap, next)| gap == " " && lexicon::PLACE_NOUNS.contains(&next.norm.as_str()));
        let quoted = len >= 2 && prev.is_some_and(|p| SPEECH_VERBS.contains(&p));
        // "According to Renad Mansour".
        let according = len >= 2
            && prev == Some("to")
            && start >= 2
            && ws[start - 2].norm == "according"
            && !ws[start - 2].cap;
        // "Ain al-Asad air base".
        let air_base = following.is_some_and(|(gap, next)| gap == " " && next.norm == "air")
            && ws.get(end + 1).is_some_and(|w| matches!(w.norm.as_str(), "base" | "field" | "strip"));
        // "a senior research fellow at Chatham House": where a person works.
        let affiliation =
            prev == Some("at") && ws[..start - 1].iter().rev().take(3).any(|w| self.person_noun(&w.norm));
        let gazetteer = self.broad_places.contains(&key);
        // "wrote on Twitter", "posted on Facebook": one word where something was posted is a
        // platform (weekdays and months never start a name, so "said on Monday" stays a date).
        let posted_on = len == 1
            && !gazetteer
            && prev == Some("on")
            && start >= 2
            && lexicon::POSTING_VERBS.contains(&ws[start - 2].norm.as_str());
        // Read only when no stronger evidence decided (it looks at every letter of the word).
        let camel =
            || len == 1 && !ws[start].particle && evidence::camel_case_name(&text[ws[start].start..last.end]);
        let place_context = self.place_context(text, ws, start, end, prev);
        let org_context = !cue && self.org_context(cx, start, end, prev);
        let after_org = self.after_org(cx, start, prev);
        let kind = if place_word || place_noun || air_base || place_context || (after_place && gazetteer) {
            EntityKind::Place
        } else if cue {
            EntityKind::Person
        } else if org_context || (!gazetteer && camel()) {
            EntityKind::Org
        } else if first_name || speaks || apposition || quoted || according {
            EntityKind::Person
        } else if affiliation || after_org || posted_on {
            EntityKind::Org
        } else if arabic {
            EntityKind::Person
        } else if after_place || preposition || gazetteer {
            EntityKind::Place
        } else {
            return;
        };
        let surface = &text[ws[start].start..last.end];
        let entity = match kind {
            EntityKind::Person => self.misspelt_person(&ws[start..end]),
            _ => None,
        };
        let entity = entity.unwrap_or_else(|| cx.reg.provisional(kind, surface));
        self.claim(cx, start, end, entity);
    }

    /// The name of two to four words that trimming a stop word off either end turned into
    /// `start..end`, when the broad place list knows it: `named_start..named_end` is the segment
    /// before trimming.
    fn broad_place_within(
        &self,
        ws: &[Word],
        named_start: usize,
        named_end: usize,
        start: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        [(named_start, named_end), (start, named_end), (named_start, end)].into_iter().find(|&(s, e)| {
            (s, e) != (start, end)
                && start < end
                && (2..=4).contains(&(e - s))
                && ws[s].cap
                && ws[e - 1].cap
                && self.broad_places.contains(&name_key_of(&ws[s..e]))
        })
    }

    /// The curated person a full name misspells: the same number of words, all but one with the
    /// same transliteration key, and that one (five letters or more) one edit away ("Mustafa
    /// Kadhami" for "Mustafa Kadhimi"). The shared first name is the context that keeps two
    /// people apart; when two people fit, neither is chosen.
    fn misspelt_person(&self, name: &[Word]) -> Option<u32> {
        let mut found: Option<u32> = None;
        for (keys, entity) in &self.person_names {
            if keys.len() != name.len() || name.len() < 2 {
                continue;
            }
            let mut differing = keys.iter().zip(name).filter(|(k, w)| **k != w.key);
            let fits = match (differing.next(), differing.next()) {
                (Some((k, w)), None) => {
                    k.chars().count() >= 5 && w.key.chars().count() >= 5 && one_edit_apart(k, &w.key)
                }
                _ => false,
            };
            if fits {
                match found {
                    Some(other) if other != *entity => return None,
                    _ => found = Some(*entity),
                }
            }
        }
        found
    }

    /// A person noun, singular or plural ("analyst", "analysts").
    fn person_noun(&self, norm: &str) -> bool {
        self.person_nouns.contains(norm)
            || norm.strip_suffix('s').is_some_and(|one| self.person_nouns.contains(one))
    }

    /// Words that never begin a name: function words, months, weekdays, demonyms, particles.
    pub(super) fn skip_word(&self, w: &Word) -> bool {
        !w.cap
            || self.stop.contains(w.norm.as_str())
            || self.months.contains(w.norm.as_str())
            || self.demonyms.contains(&w.norm)
    }

    /// "Hela Moyes, a German cultural activist": a comma, an article, and a person noun within
    /// five words.
    fn apposition(&self, text: &str, ws: &[Word], end: usize) -> bool {
        let (Some(last), Some(next)) = (ws.get(end - 1), ws.get(end)) else { return false };
        if text[last.end..next.start].trim() != "," {
            return false;
        }
        // "Caroline van der Plas, leader of the ...": the person noun right after the comma.
        if !next.cap && self.person_nouns.contains(next.norm.as_str()) {
            return ws.get(end + 1).is_some_and(|w| matches!(w.norm.as_str(), "of" | "at" | "for"));
        }
        if !matches!(next.norm.as_str(), "a" | "an" | "the" | "who") {
            return false;
        }
        next.norm == "who"
            || ws[end + 1..].iter().take(5).any(|w| self.person_nouns.contains(w.norm.as_str()))
    }

    /// "a spokesperson, Sanne Visser, said": a person noun, a comma, then the name.
    fn named_after_noun(&self, text: &str, ws: &[Word], start: usize) -> bool {
        let (Some(prev), Some(first)) = (start.checked_sub(1).and_then(|i| ws.get(i)), ws.get(start)) else {
            return false;
        };
        !prev.cap && self.person_nouns.contains(prev.norm.as_str()) && text[prev.end..first.start] == *", "
    }
}
