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
mod evidence;

use crate::hash::{FxHashMap, FxHashSet};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use super::gazetteer::{self, Listed};
use super::lexicon;
use super::{Entity, EntityKind, KnowledgeBase, MentionKind};
use crate::model::{Block, BlockKind};
use crate::text;
pub(super) use crate::text::SPEECH_VERBS;

pub(super) use article::{finish, prepare};

/// A word of a block prepared for matching: an `al-`/`el-` particle is folded into the next word.
#[derive(Debug, Clone)]
pub(super) struct Word {
    /// Block-relative start, including a folded `al-` particle.
    start: usize,
    /// Block-relative end (possessive ending excluded).
    end: usize,
    /// Folded form of the word proper.
    norm: String,
    /// Transliteration key of the word proper.
    key: String,
    /// Starts with an upper-case letter.
    cap: bool,
    /// Every letter is upper case ("US", "PMF", "U").
    caps: bool,
    /// An `al-`/`el-` particle was folded in.
    particle: bool,
}

pub(super) fn words(text: &str) -> Vec<Word> {
    words_of(text, &text::tokens(text), &mut FxHashMap::default())
}

/// Words from a text's tokens; `keys` caches transliteration keys by folded form, since the same
/// words come back in every article.
fn words_of(text: &str, toks: &[text::Token<'_>], keys: &mut FxHashMap<String, String>) -> Vec<Word> {
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let mut start = t.start;
        let mut particle = false;
        let mut tok = t;
        if matches!(t.norm.as_str(), "al" | "el") && t.text.len() == 2 {
            if let Some(next) = toks.get(i + 1) {
                let gap = &text[t.end..next.start];
                let next_cap = next.text.chars().next().is_some_and(char::is_uppercase);
                let next_alpha = next.text.chars().next().is_some_and(char::is_alphabetic);
                if next_alpha && (gap == "-" || gap == "‐" || (gap == " " && next_cap)) {
                    start = t.start;
                    particle = true;
                    tok = next;
                    i += 1;
                }
            }
        }
        let word = &text[tok.start..tok.end];
        // Uncased scripts (Arabic) count as capitalised: names there carry no case cue.
        let cap =
            word.chars().next().is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()));
        let caps = word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase);
        let mut key_of = |norm: &String| match keys.get(norm) {
            Some(key) => key.clone(),
            None => {
                let key = text::translit_key(norm);
                keys.insert(norm.clone(), key.clone());
                key
            }
        };
        let mut key = key_of(&tok.norm);
        let mut norm = tok.norm.clone();
        let mut end = tok.end;
        if let Some(second) = korean_second_syllable(text, toks, i, particle) {
            // One word whose key is the two syllables' keys with a space, as "Kim Jong Un" is keyed.
            key = format!("{key} {}", key_of(&second.norm));
            norm = format!("{norm} {}", second.norm);
            end = second.end;
            i += 1;
        }
        out.push(Word { start, end, key, norm, cap, caps, particle });
        i += 1;
    }
    out
}

/// The matching key of a name: its words' transliteration keys, `al-` dropped, space-joined.
pub(super) fn name_key(name: &str) -> String {
    name_key_of(&words(name))
}

/// "Moon Jae-in", "Kim Ki-nam": the lower-case syllable joined by a hyphen to token `i` (a
/// capitalised syllable of two to four letters after a capitalised word and a space), which makes
/// one given name with it. Not a suffix ("Iran-backed", "US-led").
fn korean_second_syllable<'t>(
    text: &str,
    toks: &'t [text::Token<'_>],
    i: usize,
    particle: bool,
) -> Option<&'t text::Token<'t>> {
    let (before, first, second) = (toks.get(i.checked_sub(1)?)?, &toks[i], toks.get(i + 1)?);
    let capitalised = |t: &text::Token<'_>| t.text.chars().next().is_some_and(char::is_uppercase);
    let letters = |t: &text::Token<'_>| t.text.chars().count();
    let given = !particle
        && capitalised(before)
        && text.get(before.end..first.start) == Some(" ")
        && capitalised(first)
        && (2..=4).contains(&letters(first))
        && text.get(first.end..second.start) == Some("-")
        && (2..=6).contains(&second.norm.chars().count())
        && second.text.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && second.norm.chars().all(|c| c.is_ascii_lowercase())
        && !lexicon::HYPHEN_SUFFIXES.contains(&second.norm.as_str());
    given.then_some(second)
}

/// The name key of words already split: their keys joined by single spaces.
fn name_key_of(ws: &[Word]) -> String {
    ws.iter().map(|w| w.key.as_str()).collect::<Vec<_>>().join(" ")
}

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

/// Entities of the corpus as they are found: curated first, then provisional ones.
pub(super) struct Registry {
    entities: Vec<Entity>,
    /// Provisional entities by kind and name key.
    provisional: FxHashMap<(EntityKind, String), u32>,
    /// Entities made from listed places and organisations, by list index.
    listed: FxHashMap<u32, u32>,
    /// Entities of listed organisations with national societies ([`Listed::national`]).
    national: FxHashSet<u32>,
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
                    Some(listed) => cx.reg.listed_entity(p, listed),
                    None => {
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
        if cx.reg.entities.get(entity as usize).is_some_and(|e| e.provisional) {
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

    /// Pass 2: capitalised runs the aliases left.
    fn rules(&self, cx: &mut BlockCx<'_>) {
        let (text, ws) = (cx.text, cx.ws);
        self.acronym_expansions(cx);
        self.national_societies(cx);
        for (s, e) in self.runs(text, ws) {
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
            while e < ws.len() && run_gap(text, &ws[e - 1], &ws[e]) {
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
        let mut start = (s..k).rev().find(|&t| is_title(&ws[t])).map_or(s, |t| t + 1);
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
    fn headline_rules(&self, cx: &mut BlockCx<'_>) {
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

    /// A person or place among the unclaimed words `seg_start..seg_end` of the run starting at
    /// `run_start`.
    fn person_or_place(&self, cx: &mut BlockCx<'_>, run_start: usize, seg_start: usize, seg_end: usize) {
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
    fn skip_word(&self, w: &Word) -> bool {
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

/// Whether two words differ by exactly one substitution, insertion or deletion.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 || a == b {
        return false;
    }
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// True when the text before a word ends with "the " or "the <one word> " (no sentence break).
fn after_the(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(' ') else { return false };
    let mut parts = rest.rsplitn(3, ' ');
    let last = parts.next().unwrap_or_default();
    if last.eq_ignore_ascii_case("the") {
        return true;
    }
    let previous = parts.next().unwrap_or_default();
    let one_word = last.len() <= 16
        && !last.ends_with([',', '.', ';', ':', '!', '?', '"', '”'])
        && (last.chars().next().is_some_and(char::is_lowercase) || last.contains('-'));
    one_word && previous.eq_ignore_ascii_case("the")
}

/// Whether words can form one name: gaps of spaces, hyphens, an initial's dot, or a comma.
/// Returns whether a comma was crossed, or None when they cannot.
fn joinable(text: &str, ws: &[Word]) -> Option<bool> {
    let mut comma = false;
    for pair in ws.windows(2) {
        let gap = &text[pair[0].end..pair[1].start];
        if gap.is_empty() || gap.len() > 3 {
            return None;
        }
        for c in gap.chars() {
            match c {
                ' ' | '-' | '‐' => {}
                '.' if pair[0].norm.chars().count() == 1 => {}
                ',' => comma = true,
                _ => return None,
            }
        }
    }
    Some(comma)
}

/// Whether word `b` continues a name run after word `a`: one space, a hyphen, or an initial's dot.
/// `a` must come before `b`; any other pair of words is never a run (and never a slice panic).
fn run_gap(text: &str, a: &Word, b: &Word) -> bool {
    let Some(gap) = text.get(a.end..b.start) else { return false };
    gap == " "
        || gap == "-"
        || gap == "‐"
        || (a.norm.chars().count() == 1 && a.cap && (gap == ". " || gap == "."))
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
