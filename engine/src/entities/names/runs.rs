//! Pass 2 over capitalised runs: organisations by their words and heads or joined by " & ",
//! national societies, facilities, and the run split where names were already claimed.

use super::words::AMPERSAND;
use super::{evidence, lexicon, run_gap, BlockCx, EntityKind, MentionKind, Recogniser, Word};

impl Recogniser {
    /// Pass 2: capitalised runs the aliases left.
    pub(super) fn rules(&self, cx: &mut BlockCx<'_>) {
        let (text, ws) = (cx.text, cx.ws);
        self.acronym_expansions(cx);
        self.national_societies(cx);
        for (s, e) in self.runs(text, ws) {
            self.ampersand_org(cx, s, e);
            self.facility(cx, s, e, false);
            self.org_run(cx, s, e);
            self.org_ending_in_country_or_stop(cx, s, e);
            // The rest of the run, split where names were already claimed.
            let mut k = s;
            while k < e {
                if cx.covered[k] {
                    k += 1;
                    continue;
                }
                let seg_start = k;
                while k < e && !cx.covered[k] {
                    k += 1;
                }
                self.person_or_place(cx, s, seg_start, k);
            }
        }
    }

    /// Maximal runs of capitalised words (with name particles and organisation connectors
    /// inside), joined by single spaces, hyphens or an initial's dot.
    fn runs(&self, text: &str, ws: &[Word]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            if !self.starts_name(&ws[i]) {
                i += 1;
                continue;
            }
            let s = i;
            let mut e = i + 1;
            while e < ws.len() && (run_gap(text, &ws[e - 1], &ws[e]) || self.ampersand(text, ws, e)) {
                if self.starts_name(&ws[e]) {
                    e += 1;
                    continue;
                }
                // Up to two lower-case name particles ("bin", "de", "van"), each joined to the
                // word after it, then a capitalised word. A particle that ends the block ("by
                // Leonardo da") has no word after it and ends the run before it.
                let joiner = |w: &Word| !w.cap && lexicon::NAME_PARTICLES.contains(&w.norm.as_str());
                let mut j = e;
                while j < e + 2 && j + 1 < ws.len() && joiner(&ws[j]) && run_gap(text, &ws[j], &ws[j + 1]) {
                    j += 1;
                }
                if j > e && j < ws.len() && self.starts_name(&ws[j]) && run_gap(text, &ws[j - 1], &ws[j]) {
                    e = j + 1;
                } else {
                    break;
                }
            }
            out.push((s, e));
            i = e;
        }
        out
    }

    /// Whether word `e` follows a capitalised word after " & " ("Ernst & Young").
    fn ampersand(&self, text: &str, ws: &[Word], e: usize) -> bool {
        e > 0
            && ws[e - 1].cap
            && self.starts_name(&ws[e])
            && text.get(ws[e - 1].end..ws[e].start) == Some(AMPERSAND)
    }

    /// "Ernst & Young", "Hyundai Engineering & Construction": a run joined by " & " names a
    /// company or a firm as a whole (after any leading function words and titles), unless the
    /// lists know it with "and" as a place ("Trinidad & Tobago", "Bosnia & Herzegovina").
    fn ampersand_org(&self, cx: &mut BlockCx<'_>, s: usize, e: usize) {
        let (text, ws) = (cx.text, cx.ws);
        let Some(amp) = (s + 1..e).find(|&k| self.ampersand(text, ws, k)) else { return };
        let mut start = s;
        while start < amp - 1
            && (self.skip_word(&ws[start]) || self.title_heads.contains(ws[start].norm.as_str()))
        {
            start += 1;
        }
        let surface = &text[ws[start].start..ws[e - 1].end];
        if let Some(entity) = self.place_written_with_and(cx, surface) {
            if evidence::swallow_places(cx, start, e) {
                self.claim(cx, start, e, entity);
            }
            return;
        }
        self.claim_org(cx, start, e);
    }

    /// The place a name written with " & " is listed as, with "and" instead.
    fn place_written_with_and(&self, cx: &mut BlockCx<'_>, surface: &str) -> Option<u32> {
        let key = super::name_key(&surface.replace(AMPERSAND, " and "));
        let listed = self.index.get(key.as_str()).into_iter().flatten().find_map(|t| match t.source {
            super::Source::Listed(p) => {
                self.listed.get(p as usize).filter(|l| l.kind == EntityKind::Place).map(|l| (p, l))
            }
            super::Source::Entity(_) => None,
        });
        match listed {
            Some((p, l)) => Some(cx.reg.listed_entity(p, l)),
            None if self.broad_places.contains(&key) => Some(cx.reg.provisional(EntityKind::Place, surface)),
            None => None,
        }
    }

    fn starts_name(&self, w: &Word) -> bool {
        w.cap && w.norm.chars().next().is_some_and(char::is_alphabetic)
    }

    /// An organisation: a run holding an organisation word ("Iraqi Centre for Political Thought",
    /// "Ethics and Anti-Corruption Commission"), or a lone institution ("Peru's Congress").
    fn org_run(&self, cx: &mut BlockCx<'_>, s: usize, e: usize) {
        let (text, ws) = (cx.text, cx.ws);
        let is_title = |w: &Word| w.cap && self.title_heads.contains(w.norm.as_str());
        let lower_is = |i: usize, word: &str| {
            ws.get(i).is_some_and(|w| !w.cap && w.norm == word)
                && i > 0
                && text[ws[i - 1].end..ws[i].start] == *" "
        };
        let lone = e - s == 1
            && lexicon::INSTITUTIONS.contains(&ws[s].norm.as_str())
            && !cx.covered[s]
            && s > 0
            && !text[..ws[s].start].trim_end().ends_with(['.', '!', '?', ':', '"', '“']);
        if lone {
            let entity = cx.reg.provisional(EntityKind::Org, &text[ws[s].start..ws[s].end]);
            self.claim(cx, s, s + 1, entity);
            return;
        }
        // "Kataib Sayyid al-Shuhada", "Harakat al-Nujaba", "Operation Inherent Resolve": a word
        // that heads an organisation's name takes the whole run.
        if e - s >= 2 && lexicon::ORG_HEADS.contains(&ws[s].norm.as_str()) && !ws[s].particle {
            self.claim_org(cx, s, e);
            return;
        }
        let Some(k) = (s..e).rev().find(|&k| ws[k].cap && self.org_words.contains(ws[k].norm.as_str()))
        else {
            return;
        };
        // "General Directorate for Water Management", "General Company for Ports": a title
        // right before the organisation word is an adjective of the name, not a person's title.
        let mut start = (s..k.saturating_sub(1)).rev().find(|&t| is_title(&ws[t])).map_or(s, |t| t + 1);
        let leading_stop = |w: &Word| {
            lexicon::ORG_LEADING_STOP.contains(&w.norm.as_str()) || self.months.contains(w.norm.as_str())
        };
        while start < k && (leading_stop(&ws[start]) || !ws[start].cap) {
            start += 1;
        }
        // "Council of Economic Experts", "Institute for Public Policy Research".
        let mut end = k + 1;
        if end == e && (lower_is(end, "of") || lower_is(end, "for")) {
            let mut j = end + 1;
            if lower_is(j, "the") {
                j += 1;
            }
            let after = j;
            while j < ws.len() && ws[j].cap && !is_title(&ws[j]) && run_gap(text, &ws[j - 1], &ws[j]) {
                j += 1;
            }
            if j > after {
                end = j;
            }
            // "Association of the Petroleum Industry of Kurdistan": one more "of" and up to
            // three capitalised words ending the run.
            if j > after && lower_is(j, "of") {
                let mut m = j + 1;
                while m < ws.len() && ws[m].cap && !is_title(&ws[m]) && run_gap(text, &ws[m - 1], &ws[m]) {
                    m += 1;
                }
                if m > j + 1 && m - (j + 1) <= 3 && !ws.get(m).is_some_and(|w| w.cap) {
                    end = m;
                    j = m;
                }
            }
            // "Institute of Hydrology and Meteorology": the field after "of" goes on with "and"
            // and capitalised words that are neither a title, an acronym, a first name nor
            // already a name ("Ministry of Health and UNICEF", "... and Foreign Minister X").
            let field =
                |w: &Word| w.cap && !w.caps && !is_title(w) && !self.first_names.contains(w.norm.as_str());
            if j > after && lower_is(j, "and") {
                let mut m = j + 1;
                while m < ws.len() && field(&ws[m]) && !cx.covered[m] && run_gap(text, &ws[m - 1], &ws[m]) {
                    m += 1;
                }
                let ends_run = !ws.get(m).is_some_and(|w| w.cap);
                if m > j + 1 && m - (j + 1) <= 3 && ends_run {
                    end = m;
                }
            }
        }
        // "Ethics and Anti-Corruption Commission": a short unclaimed run joined by a bare "and".
        if start == s && s >= 2 && lower_is(s - 1, "and") && ws[s - 2].cap && !cx.covered[s - 2] {
            let mut b = s - 2;
            while b > 0 && ws[b - 1].cap && !cx.covered[b - 1] && run_gap(text, &ws[b - 1], &ws[b]) {
                b -= 1;
            }
            while b < s - 2 && leading_stop(&ws[b]) {
                b += 1;
            }
            let short = s - 1 - b <= 2;
            let plain =
                (b..s - 1).all(|i| !self.org_words.contains(ws[i].norm.as_str()) && !leading_stop(&ws[i]));
            if short && plain {
                start = b;
            }
        }
        if end - start < 2 {
            return;
        }
        self.claim_org(cx, start, end);
    }

    /// "Kenya Red Cross", "the Cambodian Red Cross": a country or its adjective right before an
    /// organisation with national societies names the national one, an organisation of its own.
    fn national_societies(&self, cx: &mut BlockCx<'_>) {
        let (text, ws) = (cx.text, cx.ws);
        let found: Vec<(usize, usize)> = cx
            .spans
            .iter()
            .filter(|sp| sp.from > 0 && sp.entity.is_some_and(|e| cx.reg.national.contains(&e)))
            .map(|sp| (sp.from, sp.to))
            .collect();
        for (from, to) in found {
            let before = &ws[from - 1];
            // "Thai Red Cross Society": a longer run is an organisation the run rules take whole.
            let run_goes_on = ws.get(to).is_some_and(|next| next.cap && run_gap(text, &ws[to - 1], next));
            if text[before.end..ws[from].start] != *" " || !before.cap || run_goes_on {
                continue;
            }
            let start = match cx.spans.iter().find(|sp| sp.to == from) {
                Some(place) if place.kind == MentionKind::Place && place.role.is_none() => place.from,
                Some(_) => continue,
                None if self.demonyms.contains(&before.norm) => from - 1,
                None => continue,
            };
            cx.spans.retain(|sp| sp.to <= start || sp.from >= to);
            cx.covered[start..to].iter_mut().for_each(|c| *c = false);
            let entity = cx.reg.provisional(EntityKind::Org, &text[ws[start].start..ws[to - 1].end]);
            self.claim(cx, start, to, entity);
        }
    }

    /// Headlines: only "Mosul Dam" after a known place ("Drought reaches Mekong Delta farms").
    pub(super) fn headline_rules(&self, cx: &mut BlockCx<'_>) {
        for (s, e) in self.runs(cx.text, cx.ws) {
            self.facility(cx, s, e, true);
        }
    }

    /// "Mosul Dam", "Haditha Dam": a run ending in a facility word is a place of its own, even
    /// when the words before it already name a place. Up to three capitalised words before the
    /// facility word, none of them a stop word, a demonym or part of another kind of name; with
    /// `known_only` (headlines), all of them a place already found.
    fn facility(&self, cx: &mut BlockCx<'_>, s: usize, e: usize, known_only: bool) {
        let (text, ws) = (cx.text, cx.ws);
        let last = e - 1;
        if e - s < 2 || !ws[last].cap || !lexicon::FACILITY_WORDS.contains(&ws[last].norm.as_str()) {
            return;
        }
        let mut start = last;
        while start > s && last - start < 3 && ws[start - 1].cap && !self.skip_word(&ws[start - 1]) {
            start -= 1;
        }
        if start == last
            || (known_only && !(start..last).all(|k| evidence::place_at(cx, k)))
            || !evidence::swallow_places(cx, start, e)
        {
            return;
        }
        let entity = cx.reg.provisional(EntityKind::Place, &text[ws[start].start..ws[last].end]);
        self.claim(cx, start, e, entity);
    }

    /// Claims words `start..end` as one organisation. It may swallow places ("Kurdistan
    /// Democratic Party") and organisations nobody curated ("Bangladesh Red Crescent Society"),
    /// never a curated person or group: then nothing is claimed.
    fn claim_org(&self, cx: &mut BlockCx<'_>, start: usize, end: usize) {
        let (text, ws) = (cx.text, cx.ws);
        let mut swallowed = Vec::new();
        for (n, span) in cx.spans.iter().enumerate() {
            if span.to <= start || span.from >= end {
                continue;
            }
            // "the West Bank", "the English Channel": a place that is the whole run stays one.
            if span.from == start && span.to == end && span.kind == MentionKind::Place {
                return;
            }
            let inside = span.from >= start && span.to <= end;
            // Listed, or learned from an earlier article ("Supreme Court" inside "Federal
            // Supreme Court"); never curated.
            let uncurated_org = span.kind == MentionKind::Org
                && span.entity.is_some_and(|entity| {
                    cx.reg.entities.get(entity as usize).is_some_and(|e| e.provisional)
                });
            if !inside || !(span.kind == MentionKind::Place || uncurated_org) || span.role.is_some() {
                return;
            }
            swallowed.push(n);
        }
        for n in swallowed.into_iter().rev() {
            cx.spans.remove(n);
        }
        cx.covered[start..end].iter_mut().for_each(|c| *c = false);
        let surface = &text[ws[start].start..ws[end - 1].end];
        let entity = cx.reg.provisional(EntityKind::Org, surface);
        self.claim(cx, start, end, entity);
    }
}
