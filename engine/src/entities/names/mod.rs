//! Name recognition and linking: knowledge-base aliases with spelling variants, article-local
//! surnames and acronyms, role phrases, and rule-based recognition of names nobody listed.
//!
//! Per article, each block goes through these passes (headline-style blocks last, so a surname
//! in a headline can link to the full name in the body):
//! 1. alias matching, longest first, over words keyed by [`crate::text::translit_key`] with
//!    `al-`/`el-` folded into the next word, so "Al-Kadhemi" and "Kadhimi" share a key;
//!    role phrases ("the premier") are set aside here and resolved once the article is read;
//! 2. capitalised runs the aliases left: organisation words, titles, first names, appositions,
//!    place words and prepositions classify them (headlines skip this: everything is capitalised);
//! 3. alias matching again for surnames and acronyms the rules just introduced;
//! 4. dates, then figures, in what names left free.

mod article;
mod classify;
mod evidence;
mod runs;
mod words;

use crate::hash::{FxHashMap, FxHashSet};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use super::gazetteer::{self, Listed};
use super::lexicon;
use super::{Entity, EntityKind, KnowledgeBase, MentionKind};
use crate::model::{Block, BlockKind};
use crate::text;
pub(super) use crate::text::SPEECH_VERBS;

pub(super) use article::{finish, prepare};
use words::{after_the, joinable, name_key_of, one_edit_apart, run_gap, words_of};
pub(super) use words::{name_key, words, Word};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// An entity of the registry (curated, or provisional learned from an earlier article).
    Entity(u32),
    /// A listed place or organisation, made an entity when first matched.
    Listed(u32),
}

#[derive(Debug, Clone, Copy)]
struct Target {
    source: Source,
    /// The alias is an acronym: the text must be upper case too ("US", not "us").
    acronym: bool,
    /// The alias starts in lower case ("popular mobilization"): match in any case.
    lower_ok: bool,
    /// The alias has a comma ("Washington, D.C."), so the text may too.
    comma: bool,
}

impl Target {
    fn of(alias: &str, source: Source) -> Target {
        let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
        Target {
            source,
            acronym: letters.len() <= 6 && !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()),
            lower_ok: alias.chars().next().is_some_and(char::is_lowercase),
            comma: alias.contains(','),
        }
    }

    fn fits(&self, words: &[Word], comma: bool) -> bool {
        if comma && !self.comma {
            return false;
        }
        if self.acronym {
            return words.iter().all(|w| w.caps);
        }
        words.first().is_some_and(|w| w.cap) || (self.lower_ok && words.len() > 1)
    }
}

/// The sources of `list` whose alias fits `words` (in list order), for [`Recogniser::match_aliases`].
fn fitting<'t>(
    list: Option<&'t Vec<Target>>,
    words: &'t [Word],
    comma: bool,
) -> impl Iterator<Item = Source> + 't {
    list.into_iter().flatten().filter(move |t| t.fits(words, comma)).map(|t| t.source)
}

/// Whether `surface` may name the listed `entry`. A listed organisation of one word matches only
/// as it is spelt (case and accents aside): its transliteration key may be a common word's ("Sony"
/// and "Sunni", "Citi" and "City"), and no context guards a name nobody introduced.
fn spelt_as_listed(entry: &Listed, surface: &str) -> bool {
    if entry.kind != EntityKind::Org || surface.contains([' ', '-']) {
        return true;
    }
    let surface = text::fold(surface);
    std::iter::once(&entry.name).chain(&entry.aliases).any(|name| text::fold(name) == surface)
}

/// Entities of the corpus as they are found: curated first, then provisional ones.
pub(super) struct Registry {
    entities: Vec<Entity>,
    /// Provisional entities by kind and name key.
    provisional: FxHashMap<(EntityKind, String), u32>,
    /// Entities made from listed places and organisations, by list index.
    listed: FxHashMap<u32, u32>,
    /// Entities of listed organisations with national societies ([`Listed::national`]).
    national: FxHashSet<u32>,
    /// Entities made from listed places and organisations: the list's own names find them, so
    /// their spellings are never learned as new aliases ("Sony" would teach "Sunni").
    from_list: FxHashSet<u32>,
    ids: FxHashSet<String>,
    /// Full names of provisional persons and organisations, so later articles link them by name.
    learned: FxHashMap<String, Vec<Target>>,
    /// Longest learned name by first word key.
    learned_first: FxHashMap<String, usize>,
}

impl Registry {
    pub(super) fn new(kb: &KnowledgeBase) -> Registry {
        let entities: Vec<Entity> = kb
            .entries
            .iter()
            .map(|e| Entity {
                id: e.id.clone(),
                kind: e.kind,
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                description: e.description.clone(),
                wikidata: e.wikidata.clone(),
                provisional: false,
                spellings: Vec::new(),
            })
            .collect();
        let ids = entities.iter().map(|e| e.id.clone()).collect();
        Registry {
            entities,
            provisional: FxHashMap::default(),
            listed: FxHashMap::default(),
            national: FxHashSet::default(),
            from_list: FxHashSet::default(),
            ids,
            learned: FxHashMap::default(),
            learned_first: FxHashMap::default(),
        }
    }

    pub(super) fn into_entities(self) -> Vec<Entity> {
        self.entities
    }

    fn kind(&self, entity: u32) -> Option<EntityKind> {
        self.entities.get(entity as usize).map(|e| e.kind)
    }

    fn fresh_id(&mut self, kind: EntityKind, name: &str) -> String {
        let base = format!("x-{}-{}", kind.as_str(), crate::model::slugify(name, 8));
        let mut id = base.clone();
        let mut n = 2;
        while !self.ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    fn push(&mut self, entity: Entity) -> u32 {
        self.entities.push(entity);
        u32::try_from(self.entities.len() - 1).unwrap_or(u32::MAX)
    }

    /// The entity of listed place or organisation `index`, made when first matched.
    fn listed_entity(&mut self, index: u32, listed: &Listed) -> u32 {
        if let Some(&entity) = self.listed.get(&index) {
            return entity;
        }
        let id = self.fresh_id(listed.kind, listed.name);
        let entity = self.push(Entity {
            id,
            kind: listed.kind,
            name: listed.name.to_string(),
            aliases: listed.aliases.iter().map(|a| a.to_string()).collect(),
            description: None,
            wikidata: None,
            provisional: true,
            spellings: Vec::new(),
        });
        self.listed.insert(index, entity);
        self.from_list.insert(entity);
        if listed.national {
            self.national.insert(entity);
        }
        entity
    }

    fn provisional(&mut self, kind: EntityKind, surface: &str) -> u32 {
        let key = name_key(surface);
        if let Some(&entity) = self.provisional.get(&(kind, key.clone())) {
            if let Some(e) = self.entities.get_mut(entity as usize) {
                if surface.len() > e.name.len() {
                    e.name = surface.to_string();
                }
            }
            return entity;
        }
        let id = self.fresh_id(kind, surface);
        let entity = self.push(Entity {
            id,
            kind,
            name: surface.to_string(),
            aliases: Vec::new(),
            description: None,
            wikidata: None,
            provisional: true,
            spellings: Vec::new(),
        });
        self.provisional.insert((kind, key.clone()), entity);
        // One word is learned only for an organisation ("Safaricom", "KHRC"): a lone word found as
        // a person is a surname, which may name someone else in another article.
        if key.split(' ').count() >= 2 || kind == EntityKind::Org {
            self.learn(key, Target::of(surface, Source::Entity(entity)));
        }
        entity
    }

    /// A name later articles link by its words: a provisional name, or an acronym defined in
    /// brackets after one.
    fn learn(&mut self, key: String, target: Target) {
        learn_into(&mut self.learned, &mut self.learned_first, key, target);
    }
}

/// A claimed range of words in a block.
#[derive(Debug, Clone)]
struct Span {
    from: usize,
    to: usize,
    kind: MentionKind,
    entity: Option<u32>,
    /// For role phrases: candidate entities, resolved at the end of the article.
    role: Option<Vec<u32>>,
}

/// One block going through the passes: its text and words, which words names have claimed, the
/// spans found so far, and the article's and the build's state the passes update.
struct BlockCx<'a> {
    text: &'a str,
    ws: &'a [Word],
    /// Per word: already part of a span.
    covered: Vec<bool>,
    spans: Vec<Span>,
    state: &'a mut ArticleState,
    reg: &'a mut Registry,
}

/// Per-article state: local aliases (surnames, acronyms) and who was named.
#[derive(Default)]
struct ArticleState {
    local: FxHashMap<String, Vec<Target>>,
    /// Longest local alias by first word key.
    local_first: FxHashMap<String, usize>,
    /// Entities named (not just referred to by role) in the article.
    named: FxHashSet<u32>,
}

impl ArticleState {
    fn learn(&mut self, key: String, target: Target) {
        learn_into(&mut self.local, &mut self.local_first, key, target);
    }
}

/// Adds `target` under the name key `key` (once per source) and records in `first` the longest
/// learned name starting with its first word.
fn learn_into(
    learned: &mut FxHashMap<String, Vec<Target>>,
    first: &mut FxHashMap<String, usize>,
    key: String,
    target: Target,
) {
    let n_words = key.split(' ').count();
    let longest = first.entry(key.split(' ').next().unwrap_or_default().to_string()).or_default();
    *longest = (*longest).max(n_words);
    let list = learned.entry(key).or_default();
    if !list.iter().any(|t| t.source == target.source) {
        list.push(target);
    }
}

/// The compiled knowledge base, gazetteer and word lists.
pub(super) struct Recogniser {
    index: FxHashMap<String, Vec<Target>>,
    /// For each first word key, the longest alias starting with it: most words start none.
    first_max: FxHashMap<String, usize>,
    /// Role phrases as folded words, longest first, with the curated entities holding them.
    roles: Vec<(Vec<String>, Vec<u32>)>,
    /// The shipped places and organisations (`gazetteer::listed`).
    listed: Vec<Listed>,
    demonyms: FxHashSet<String>,
    title_heads: FxHashSet<&'static str>,
    person_nouns: FxHashSet<&'static str>,
    org_words: FxHashSet<&'static str>,
    place_words: FxHashSet<&'static str>,
    stop: FxHashSet<&'static str>,
    first_names: FxHashSet<&'static str>,
    months: FxHashSet<&'static str>,
    /// Name keys of the broad GeoNames place list: evidence for a place, never a match by itself.
    broad_places: &'static FxHashSet<String>,
    /// Curated people's names of two or more words, as word keys, for linking misspellings.
    person_names: Vec<(Vec<String>, u32)>,
}

/// The broad place list's name keys, built once per process: it has over 20,000 names, and
/// building it took most of the time of recognising a short article.
static BROAD_PLACES: LazyLock<FxHashSet<String>> =
    LazyLock::new(|| gazetteer::broad_places().map(name_key).collect());

impl Recogniser {
    /// The recogniser for `kb`, reused while the knowledge base stays the same: building one
    /// compiles the gazetteer and word lists, which costs more than recognising a short article
    /// (a caller building many small bundles, such as the fuzzer or the browser, pays it once).
    pub(super) fn shared(kb: &KnowledgeBase) -> Arc<Recogniser> {
        static LAST: Mutex<Option<(KnowledgeBase, Arc<Recogniser>)>> = Mutex::new(None);
        let mut last = LAST.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((known, recogniser)) = last.as_ref() {
            if known == kb {
                return Arc::clone(recogniser);
            }
        }
        let recogniser = Arc::new(Recogniser::new(kb));
        *last = Some((kb.clone(), Arc::clone(&recogniser)));
        recogniser
    }

    pub(super) fn new(kb: &KnowledgeBase) -> Recogniser {
        let mut rec = Recogniser {
            index: FxHashMap::default(),
            first_max: FxHashMap::default(),
            roles: Vec::new(),
            listed: gazetteer::listed(),
            demonyms: FxHashSet::default(),
            title_heads: lexicon::TITLE_HEADS.iter().copied().collect(),
            person_nouns: lexicon::PERSON_NOUNS.iter().copied().collect(),
            org_words: lexicon::ORG_WORDS.iter().copied().collect(),
            place_words: lexicon::PLACE_WORDS.iter().copied().collect(),
            stop: lexicon::STOP_WORDS.iter().copied().collect(),
            first_names: lexicon::FIRST_NAMES.iter().copied().collect(),
            months: text::MONTHS
                .iter()
                .copied()
                .chain(text::MONTH_ABBREVIATIONS.iter().map(|m| m.0))
                .chain(text::WEEKDAYS)
                .collect(),
            broad_places: &BROAD_PLACES,
            person_names: Vec::new(),
        };
        let mut roles: FxHashMap<Vec<String>, Vec<u32>> = FxHashMap::default();
        for (i, entry) in kb.entries.iter().enumerate() {
            let entity = u32::try_from(i).unwrap_or(u32::MAX);
            for alias in std::iter::once(&entry.name).chain(&entry.aliases) {
                rec.add(alias, Source::Entity(entity));
                let keys: Vec<String> = words(alias).into_iter().map(|w| w.key).collect();
                if entry.kind == EntityKind::Person && keys.len() >= 2 {
                    rec.person_names.push((keys, entity));
                }
            }
            for role in &entry.roles {
                let folded: Vec<String> = text::tokens(role).into_iter().map(|t| t.norm).collect();
                if !folded.is_empty() {
                    roles.entry(folded).or_default().push(entity);
                }
            }
        }
        let listed = std::mem::take(&mut rec.listed);
        for (i, entry) in listed.iter().enumerate() {
            let source = Source::Listed(u32::try_from(i).unwrap_or(u32::MAX));
            for name in std::iter::once(&entry.name).chain(&entry.aliases).filter(|n| !n.is_empty()) {
                // Curated entries win: a listed name the knowledge base lists is not added.
                rec.add_unless_known(name, source);
            }
            for demonym in &entry.demonyms {
                rec.demonyms.insert(text::fold(demonym));
            }
        }
        rec.listed = listed;
        let mut roles: Vec<(Vec<String>, Vec<u32>)> = roles.into_iter().collect();
        roles.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        rec.roles = roles;
        rec
    }

    fn add(&mut self, alias: &str, source: Source) {
        self.add_words(alias, &words(alias), source);
    }

    fn add_unless_known(&mut self, alias: &str, source: Source) {
        let ws = words(alias);
        let key = name_key_of(&ws);
        if !self.index.contains_key(&key) {
            self.add_words(alias, &ws, source);
        }
    }

    fn add_words(&mut self, alias: &str, ws: &[Word], source: Source) {
        let Some(first) = ws.first() else { return };
        let longest = self.first_max.entry(first.key.clone()).or_default();
        *longest = (*longest).max(ws.len());
        let key = name_key_of(ws);
        let list = self.index.entry(key).or_default();
        let target = Target::of(alias, source);
        if !list.iter().any(|t| t.source == source && t.acronym == target.acronym) {
            list.push(target);
        }
    }

    /// Pass 1 (and 3 with `local_only`): aliases, longest first, and role phrases.
    fn match_aliases(&self, cx: &mut BlockCx<'_>, local_only: bool) {
        let (text, ws) = (cx.text, cx.ws);
        let n = ws.len();
        let mut i = 0;
        let mut key = String::new();
        while i < n {
            if cx.covered[i] {
                i += 1;
                continue;
            }
            if !local_only {
                if let Some((len, candidates)) = self.role_at(text, ws, i) {
                    cx.spans.push(Span {
                        from: i,
                        to: i + len,
                        kind: MentionKind::Person,
                        entity: None,
                        role: Some(candidates),
                    });
                    cx.covered[i..i + len].iter_mut().for_each(|c| *c = true);
                    i += len;
                    continue;
                }
            }
            // "Abdul-Ghani", "Abdel-Mahdi": the word after a joined "Abdul" is part of one name,
            // never a surname of its own ("Ghani" for "Qaani").
            let joined_head = i > 0
                && ws[i - 1].cap
                && lexicon::COMPOUND_NAME_HEADS.contains(&ws[i - 1].norm.as_str())
                && matches!(&text[ws[i - 1].end..ws[i].start], "-" | "‐");
            if joined_head {
                i += 1;
                continue;
            }
            let first = ws[i].key.as_str();
            let curated_len = if local_only { 0 } else { self.first_max.get(first).copied().unwrap_or(0) };
            let local_len = cx.state.local_first.get(first).copied().unwrap_or(0);
            let learned_len =
                if local_only { 0 } else { cx.reg.learned_first.get(first).copied().unwrap_or(0) };
            let longest = curated_len.max(local_len).max(learned_len).min(n - i);
            let mut found: Option<(usize, Source)> = None;
            for len in (1..=longest).rev() {
                if cx.covered[i..i + len].iter().any(|&c| c) {
                    continue;
                }
                let Some(comma) = joinable(text, &ws[i..i + len]) else { continue };
                let words = &ws[i..i + len];
                // One key buffer for the whole block: this runs at most words that start a name.
                key.clear();
                for (k, w) in words.iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(&w.key);
                }
                let curated = if local_only { None } else { self.index.get(key.as_str()) };
                let learned = if local_only { None } else { cx.reg.learned.get(key.as_str()) };
                let entities = || fitting(curated, words, comma).filter(|s| matches!(s, Source::Entity(_)));
                let pick = entities()
                    .find(|s| matches!(s, Source::Entity(e) if cx.state.named.contains(e)))
                    .or_else(|| entities().next())
                    .or_else(|| fitting(cx.state.local.get(key.as_str()), words, comma).next())
                    .or_else(|| fitting(learned, words, comma).next())
                    .or_else(|| fitting(curated, words, comma).next());
                if let Some(source) = pick {
                    found = Some((len, source));
                    break;
                }
            }
            let Some((len, source)) = found else {
                i += 1;
                continue;
            };
            let entity = match source {
                Source::Entity(e) => e,
                Source::Listed(p) => match self.listed.get(p as usize) {
                    Some(listed) if spelt_as_listed(listed, &text[ws[i].start..ws[i + len - 1].end]) => {
                        cx.reg.listed_entity(p, listed)
                    }
                    _ => {
                        i += 1;
                        continue;
                    }
                },
            };
            self.claim(cx, i, i + len, entity);
            i += len;
        }
    }

    /// Records a name span, learns its surname and any acronym defined right after it.
    fn claim(&self, cx: &mut BlockCx<'_>, from: usize, to: usize, entity: u32) {
        let (text, ws) = (cx.text, cx.ws);
        let Some(kind) = cx.reg.kind(entity) else { return };
        cx.spans.push(Span { from, to, kind: kind.mention_kind(), entity: Some(entity), role: None });
        cx.covered[from..to].iter_mut().for_each(|c| *c = true);
        cx.state.named.insert(entity);
        // A provisional name found by the rules links again anywhere in the article, headline too.
        if cx.reg.entities.get(entity as usize).is_some_and(|e| e.provisional)
            && !cx.reg.from_list.contains(&entity)
        {
            let key = name_key_of(&ws[from..to]);
            let example = &text[ws[from].start..ws[to - 1].end];
            cx.state.learn(key, Target::of(example, Source::Entity(entity)));
        }
        // "Kurdistan Regional Government ... KRG Prime Minister": an organisation of three or more
        // capitalised words answers to its initials in upper case later in the article, brackets
        // or not.
        if kind == EntityKind::Org {
            let initials: String = ws[from..to]
                .iter()
                .filter(|w| w.cap && !w.caps)
                .filter_map(|w| w.norm.chars().next())
                .collect();
            if initials.chars().count() >= 3
                && ws[from..to].iter().filter(|w| w.cap).count() == initials.len()
            {
                cx.state.learn(text::translit_key(&initials), Target::of("ACRONYM", Source::Entity(entity)));
            }
        }
        if kind == EntityKind::Person && to - from >= 2 {
            if let Some(last) = ws.get(to - 1).filter(|w| !w.caps) {
                cx.state.learn(last.key.clone(), Target::of("Surname", Source::Entity(entity)));
            }
            // "Saima Rahman-Qureshi": a hyphenated surname comes back whole ("Rahman-Qureshi
            // said"), so it is learned whole; its last part alone still links.
            let mut first = to - 1;
            while first > from + 1 && matches!(&text[ws[first - 1].end..ws[first].start], "-" | "‐") {
                first -= 1;
            }
            if first < to - 1 && ws[first..to].iter().all(|w| w.cap && !w.caps) {
                let key = name_key_of(&ws[first..to]);
                cx.state.learn(key, Target::of("Surname", Source::Entity(entity)));
            }
        }
        // "Popular Mobilization Forces (PMF)": the acronym is a mention and an alias from now on.
        if let (Some(last), Some(next)) = (ws.get(to - 1), ws.get(to)) {
            let gap = &text[last.end..next.start];
            let closes = text[next.end..].starts_with(')');
            let letters = next.norm.chars().count();
            // "Radio Programas del Peru (RPP)": the acronym belongs to the longer name, not to the
            // place it ends with; the expansion rule claims both.
            let joined = |k: usize| k < from && run_gap(text, &ws[k], &ws[k + 1]);
            let name_word = |k: usize| ws[k].cap && !lexicon::ORG_LEADING_STOP.contains(&ws[k].norm.as_str());
            let tail = from > 0
                && joined(from - 1)
                && (name_word(from - 1)
                    || (evidence::is_connector(&ws[from - 1])
                        && from >= 2
                        && joined(from - 2)
                        && name_word(from - 2)))
                && !evidence::spells(&ws[from..to], &next.norm);
            if gap.trim() == "("
                && closes
                && next.caps
                && (2..=8).contains(&letters)
                && !cx.covered[to]
                && !tail
            {
                cx.spans.push(Span {
                    from: to,
                    to: to + 1,
                    kind: kind.mention_kind(),
                    entity: Some(entity),
                    role: None,
                });
                cx.covered[to] = true;
                cx.state.learn(next.key.clone(), Target::of("ACRONYM", Source::Entity(entity)));
                if cx.reg.entities.get(entity as usize).is_some_and(|e| e.provisional) {
                    cx.reg.learn(next.key.clone(), Target::of("ACRONYM", Source::Entity(entity)));
                }
            }
        }
    }

    /// A role phrase ("the Iraqi PM", "the new Iraqi Prime Minister", "the premier") at word `i`.
    fn role_at(&self, text: &str, ws: &[Word], i: usize) -> Option<(usize, Vec<u32>)> {
        if self.roles.is_empty() || !after_the(&text[..ws[i].start]) {
            return None;
        }
        for (role, entities) in &self.roles {
            let len = role.len();
            if i + len > ws.len() || ws[i..i + len].iter().zip(role).any(|(w, r)| w.norm != *r || w.particle)
            {
                continue;
            }
            joinable(text, &ws[i..i + len])?;
            if let Some(next) = ws.get(i + len) {
                let gap = &text[ws[i + len - 1].end..next.start];
                let names_follow = gap == " " && next.cap && !self.stop.contains(next.norm.as_str());
                if names_follow || (gap == " " && next.norm == "of") {
                    return None;
                }
            }
            return Some((len, entities.clone()));
        }
        None
    }
}

/// Headlines, headings and other title-case lines: every word is capitalised there, so only
/// known names are looked up.
fn is_headline(block: &Block) -> bool {
    if matches!(block.kind, BlockKind::Title | BlockKind::Heading) {
        return true;
    }
    let trimmed = block.text.trim_end();
    if trimmed.ends_with(['.', '!', '?', '"', '”', ':', ',']) {
        return false;
    }
    let long: Vec<&str> =
        trimmed.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let capitalised = long.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    long.len() >= 2 && capitalised * 4 >= long.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn al_particles_fold_into_the_name_and_spellings_share_a_key() {
        assert_eq!(name_key("Mustafa Al-Kadhimi"), name_key("Mustafa al-Kadhemi"));
        assert_eq!(name_key("Hadi al-Ameri"), name_key("Hadi Al-Amiri"));
        assert_eq!(name_key("Abu Mahdi al-Muhandis"), name_key("Abu Mahdi Mohandes"));
        assert_eq!(name_key("Esmail Qaani"), name_key("Ismail Qaani"));
        let ws = words("Mustafa Al-Kadhimi’s visit");
        assert_eq!((ws[1].start, ws[1].end, ws[1].particle), (8, 18, true));
    }

    #[test]
    fn one_edit_apart_counts_one_change() {
        assert!(one_edit_apart("kazami", "kazimi"));
        assert!(one_edit_apart("kazimi", "kazimii"));
        assert!(!one_edit_apart("kazimi", "kazimi"));
        assert!(!one_edit_apart("maliki", "malaka"));
    }

    #[test]
    fn the_role_must_follow_the() {
        assert!(after_the("said the "));
        assert!(after_the("The "));
        assert!(after_the("with the new "));
        assert!(after_the("the U.S.-backed "));
        assert!(!after_the("Baghdad’s US-friendly "));
        assert!(!after_the("a new "));
    }
}
