//! Text normalisation shared by search, entities and comparison: folding, tokens with byte
//! offsets, and a transliteration key that makes Kadhimi/Kadhemi and Fuad/Fouad meet.

mod fold_table;
pub mod word_classes;

/// Month names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The usual English abbreviations of month names (folded, without their dot), with their number.
/// "May" has none.
pub const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The number of a folded English month name ("august" is 8), January being 1.
pub fn month_of_name(norm: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == norm).map(|i| i as u32 + 1)
}

/// The number of a folded English month abbreviation ("aug", "sept"; see [`MONTH_ABBREVIATIONS`]).
pub fn month_of_abbreviation(norm: &str) -> Option<u32> {
    MONTH_ABBREVIATIONS.iter().find(|(a, _)| *a == norm).map(|(_, n)| *n)
}

/// The number of a folded English month, named in full or abbreviated ("august", "aug", "sept").
pub fn english_month(norm: &str) -> Option<u32> {
    month_of_name(norm).or_else(|| month_of_abbreviation(norm))
}

/// The number of a month as page text and metadata write it, in any of the languages of
/// [`MONTHS_OTHER_LANGUAGES`]: lower case, a trailing dot allowed, and any start of an English name
/// of three letters or more ("Aug.", "Sept", "Janu"). English is tried first: "mar" is March before
/// it is "mars".
pub fn month_number(lower: &str) -> Option<u32> {
    let lower = lower.trim_end_matches('.');
    let named = |m: &str| m == lower || (lower.chars().count() >= 3 && m.starts_with(lower));
    MONTHS
        .iter()
        .position(|m| named(m))
        .map(|i| i as u32 + 1)
        .or_else(|| MONTHS_OTHER_LANGUAGES.iter().find(|(m, _)| named(m)).map(|(_, n)| *n))
}

/// A month's English name as written in a sentence ("August"), January being 1.
pub fn month_title(month: u32) -> String {
    let name = MONTHS.get((month as usize).wrapping_sub(1)).copied().unwrap_or_default();
    title_case(name)
}

/// The number of a folded English weekday name, Monday being 1.
pub fn weekday_of_name(norm: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|d| *d == norm).map(|i| i as u32 + 1)
}

/// A weekday's English name as written in a sentence ("Thursday"), Monday being 1.
pub fn weekday_title(day: u32) -> String {
    let name = WEEKDAYS.get((day as usize).wrapping_sub(1)).copied().unwrap_or_default();
    title_case(name)
}

/// A lower-case word with its first letter capitalised.
fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// Verbs that attribute words to a speaker ("said", "told", "warned"), folded: quotes find their
/// speakers by them, the comparison its claims, and names their subjects ("Oxfam said").
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "stressed",
    "noted",
    "affirmed",
    "insisted",
    "stated",
    "declared",
    "explained",
    "warned",
    "urged",
    "asked",
    "tweeted",
    "wrote",
    "announced",
    "argued",
    "claimed",
    "replied",
    "confirmed",
    "denied",
];

/// The [`SPEECH_VERBS`] that take what was said as a clause after them ("Vogt said the deal was
/// dead", "warned that prices would rise"), unlike those whose object is a person or a thing
/// ("told reporters", "denied responsibility", "announced a ban").
pub const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "stressed",
    "noted",
    "insisted",
    "stated",
    "explained",
    "warned",
    "argued",
    "claimed",
    "confirmed",
    "affirmed",
];

/// A number as a reader writes it: "5,000", "-12", "2.5".
pub fn format_number(value: f64) -> String {
    if value.fract() != 0.0 || value.abs() >= 1e15 {
        return format!("{value}");
    }
    let count = format_count(value.abs() as u64);
    if value < 0.0 {
        format!("-{count}")
    } else {
        count
    }
}

/// A count as a reader writes it: "5,000", "39". Whole numbers only, so views that show counts
/// never reach float formatting (about 8 KB of the explorer's wasm, gzip).
pub fn format_count(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A measure with `decimals` digits after the point, as a reader writes it: "0.43", "106.0", "12".
/// Made from whole numbers (rounded half away from zero), so the views that show sizes, timings and
/// scores never reach float formatting either.
pub fn format_fixed(value: f64, decimals: u32) -> String {
    let scale = 10u64.pow(decimals);
    let scaled = (value.abs() * scale as f64).round() as u64;
    let sign = if value < 0.0 && scaled > 0 { "-" } else { "" };
    let whole = scaled / scale;
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    format!("{sign}{whole}.{:0width$}", scaled % scale, width = decimals as usize)
}

/// Month names in the other languages news pages most often come in (German, French, Spanish,
/// Portuguese, Italian, Dutch, Scandinavian), lower case, with their number (January is 1).
pub const MONTHS_OTHER_LANGUAGES: &[(&str, u32)] = &[
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("enero", 1),
    ("janeiro", 1),
    ("gennaio", 1),
    ("januari", 1),
    ("februar", 2),
    ("février", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("märz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("maart", 3),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("mai", 5),
    ("mayo", 5),
    ("maio", 5),
    ("maggio", 5),
    ("mei", 5),
    ("maj", 5),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("junho", 6),
    ("giugno", 6),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("julho", 7),
    ("luglio", 7),
    ("août", 8),
    ("agosto", 8),
    ("augusti", 8),
    ("septembre", 9),
    ("septiembre", 9),
    ("setembro", 9),
    ("settembre", 9),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("ottobre", 10),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("dezember", 12),
    ("décembre", 12),
    ("diciembre", 12),
    ("dezembro", 12),
    ("dicembre", 12),
    ("december", 12),
    ("desember", 12),
];

/// Forms of "be", folded: "needs are best met", "were met with tear gas" use "met" as
/// "satisfied" or "received", not as a meeting; "will be back" opens a phrasal verb as "is back".
pub const BE_FORMS: &[&str] = &["be", "been", "being", "is", "are", "was", "were"];

/// Modal verbs that put the verb after them still to come ("will meet", "would leave", "shall",
/// "we'll"), folded.
pub const FUTURE_MODALS: &[&str] = &["will", "would", "shall", "ll"];

/// Words that announce an event as scheduled or planned, not yet done ("expected to meet",
/// "scheduled for Thursday", "due to resume", "the planned talks", "the upcoming vote"), folded.
/// "Set" is left to each reader: as a past participle ("the record set in 2017") it plans
/// nothing, and only some readers look at the words around it.
pub const SCHEDULE_WORDS: &[&str] =
    &["expected", "scheduled", "due", "plans", "planning", "planned", "upcoming", "forthcoming"];

/// Words of intent, threat or promise: what they govern is claimed as to come, not reported
/// ("intends to", "threatened to escalate", "vowed to rebuild"), folded.
pub const INTENT_WORDS: &[&str] = &[
    "intends",
    "aims",
    "hopes",
    "threaten",
    "threatened",
    "threatens",
    "threatening",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
];

/// Present participles of verbs of a decided change to a business or a service ("closing",
/// "moving", "cutting", "scrapping"), folded. After "is"/"are" they announce the change as "will"
/// does ("Meltra is closing its bakery" / "will close its bakery"): a closure under way is
/// decided, not done. Activities ("is visiting", "is fighting") are left out: they tell what
/// happens now.
pub const DECIDED_CHANGE_PROGRESSIVES: &[&str] = &[
    "closing",
    "shutting",
    "moving",
    "relocating",
    "transferring",
    "shifting",
    "cutting",
    "axing",
    "scrapping",
    "reducing",
    "raising",
    "lowering",
    "merging",
    "selling",
];

/// True when the folded word tells what follows it as still to come: one of [`FUTURE_MODALS`]
/// or [`SCHEDULE_WORDS`]. The comparison's plans and stances and the dates' future cues all
/// start from it.
pub fn is_future_word(norm: &str) -> bool {
    FUTURE_MODALS.contains(&norm) || SCHEDULE_WORDS.contains(&norm)
}

/// Weekday names, lower case, Monday first.
pub const WEEKDAYS: [&str; 7] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Words that date what a sentence tells from its day of writing, as a weekday does ("today",
/// "recently", "over the weekend"): in two articles written months apart, two such times are
/// different days.
pub const RELATIVE_DAY_WORDS: &[&str] = &["today", "yesterday", "tomorrow", "tonight", "recently", "weekend"];

/// Words that date a period from the day of writing when a unit of [`RELATIVE_PERIODS`] follows
/// ("this week", "in recent weeks", "next month").
pub const RELATIVE_PERIOD_MARKERS: &[&str] = &["this", "last", "next", "past", "coming", "recent"];

/// The units [`RELATIVE_PERIOD_MARKERS`] date ("this *week*"); years are left out, as a year
/// spans articles written months apart.
pub const RELATIVE_PERIODS: &[&str] = &["week", "weeks", "month", "months", "days"];

/// True when the folded word at `i` of `toks` dates something from the day of writing: one of
/// [`RELATIVE_DAY_WORDS`], a [`RELATIVE_PERIOD_MARKERS`] word before a [`RELATIVE_PERIODS`] one,
/// or "earlier"/"later" before "in" and a month with no year ("Earlier in April": this year's).
pub fn is_relative_time(toks: &[Token<'_>], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    let norm = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    let year_after = |k: usize| norm(k).len() == 4 && norm(k).bytes().all(|b| b.is_ascii_digit());
    RELATIVE_DAY_WORDS.contains(&t.norm.as_str())
        || (RELATIVE_PERIOD_MARKERS.contains(&t.norm.as_str()) && RELATIVE_PERIODS.contains(&norm(i + 1)))
        || (matches!(t.norm.as_str(), "earlier" | "later")
            && norm(i + 1) == "in"
            && MONTHS.contains(&norm(i + 2))
            && !year_after(i + 3))
}

/// Weekday names in the languages of [`MONTHS_OTHER_LANGUAGES`], lower case.
pub const WEEKDAYS_OTHER_LANGUAGES: &[&str] = &[
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "søndag",
    "måndag",
    "tisdag",
    "lördag",
    "söndag",
];

/// Number words and their values. "one" is not among them: it is as often a pronoun ("one of
/// them") as a count, so each user decides.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
];

/// The value of a folded number word ("fourteen" is 14), "one" excepted (see `NUMBER_WORDS`).
pub fn number_word(norm: &str) -> Option<f64> {
    NUMBER_WORDS.iter().find(|(w, _)| *w == norm).map(|(_, v)| *v)
}

/// True when a folded token is a number: it starts with a digit ("3.1%", "412") or is a number
/// word ("seven", see [`number_word`]).
pub fn is_number_token(norm: &str) -> bool {
    norm.starts_with(|c: char| c.is_ascii_digit()) || number_word(norm).is_some()
}

/// Scale words of a written number ("two thousand", "2.5 million", "2.5 bn").
const SCALE_WORDS: &[(&str, f64)] =
    &[("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("mn", 1e6), ("bn", 1e9)];

/// Scales written glued to their digits, as headlines and wires abbreviate them ("5k", "1.2bn",
/// "820mn"). A bare "m" is left out: "5m" is as often five metres as five million.
const GLUED_SCALES: &[(&str, f64)] = &[("k", 1e3), ("mn", 1e6), ("bn", 1e9)];

/// The value of a number written in digits, with commas and a decimal point ("5,000", "2.5");
/// `None` for anything else, an empty string included.
pub(crate) fn digits_value(digits: &str) -> Option<f64> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
        return None;
    }
    digits.replace(',', "").parse::<f64>().ok()
}

/// A number written over several tokens, starting at `toks[i]`: digits with a scale ("2.5
/// million", "820 million") or number words ("twenty-seven", "two thousand five hundred",
/// "three hundred and forty", "one million"). Returns the value and the index of its last token;
/// `None` when `toks[i]` starts no number. A single digit token or number word is a phrase of one
/// token; "one" only counts before a scale ("one thousand"), as in [`number_word`].
pub fn number_phrase(toks: &[Token<'_>], i: usize) -> Option<(f64, usize)> {
    let first = toks.get(i)?;
    let scale_of =
        |k: usize| toks.get(k).and_then(|t| SCALE_WORDS.iter().find(|(w, _)| *w == t.norm)).map(|(_, v)| *v);
    if first.norm.starts_with(|c: char| c.is_ascii_digit()) {
        // A scale glued to the digits: "5k", "1.2bn", "820mn" (never "5m": metres as often).
        let (digits, glued) = match GLUED_SCALES.iter().find(|(suffix, _)| first.norm.ends_with(suffix)) {
            Some((suffix, scale)) => (&first.norm[..first.norm.len() - suffix.len()], *scale),
            None => (first.norm.as_str(), 1.0),
        };
        let value = digits_value(digits)? * glued;
        if glued != 1.0 {
            return Some((value, i));
        }
        return Some(match scale_of(i + 1) {
            Some(scale) => (value * scale, i + 1),
            None => (value, i),
        });
    }
    let word = |k: usize| toks.get(k).and_then(|t| number_word(&t.norm));
    let one_before_scale = first.norm == "one"
        && (scale_of(i + 1).is_some() || toks.get(i + 1).is_some_and(|t| t.norm == "hundred"));
    if word(i).is_none() && !one_before_scale {
        return None;
    }
    // total: completed thousands/millions; group: the part below the next scale (0–999).
    let (mut total, mut group, mut last) = (0.0f64, 0.0f64, i);
    // What the group may take next: a tens word takes a unit ("twenty seven"), a unit takes
    // "hundred", "hundred" takes tens or units (after an optional "and").
    let mut prev_small: Option<f64> = None;
    let mut k = i;
    while k < toks.len() {
        let norm = toks[k].norm.as_str();
        if let Some(scale) = SCALE_WORDS.iter().find(|(w, _)| *w == norm).map(|(_, v)| *v) {
            if k == i {
                break;
            }
            total += group.max(1.0) * scale;
            group = 0.0;
            prev_small = None;
            last = k;
            k += 1;
            continue;
        }
        if norm == "hundred" {
            if k == i {
                break;
            }
            group = group.max(1.0) * 100.0;
            prev_small = None;
            last = k;
            k += 1;
            continue;
        }
        if norm == "and" && k > i && toks.get(k + 1).is_some_and(|t| number_word(&t.norm).is_some()) {
            // "three hundred and forty": "and" joins only after a hundred or a scale.
            if prev_small.is_some() {
                break;
            }
            k += 1;
            continue;
        }
        // "dozen" counts alone, never inside a longer number; "one" counts first or after a
        // tens word ("forty-one", "twenty one").
        let after_tens = prev_small.is_some_and(|p| p >= 20.0 && p % 10.0 == 0.0);
        let value = match norm {
            "one" if k == i || after_tens => Some(1.0),
            "dozen" => None,
            _ => number_word(norm),
        };
        let Some(value) = value else { break };
        match prev_small {
            // "twenty seven": a tens word, then a unit.
            Some(p) if p >= 20.0 && p % 10.0 == 0.0 && value < 10.0 => {
                group += value;
                prev_small = Some(value);
            }
            Some(_) => break,
            None => {
                group += value;
                prev_small = Some(value);
            }
        }
        last = k;
        k += 1;
    }
    Some((total + group, last))
}

/// True for a folded month or weekday name.
pub fn is_calendar_word(norm: &str) -> bool {
    MONTHS.contains(&norm) || WEEKDAYS.contains(&norm)
}

/// A word of a text: its original slice, byte range (relative to the text given) and folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written, possessive ending included ("Kadhimi’s").
    pub text: &'a str,
    /// Byte offset of the word in the text given to [`tokens`].
    pub start: usize,
    /// Byte offset one past the word (possessive ending excluded).
    pub end: usize,
    /// Folded form: lower case, no diacritics, possessive `’s` dropped ("kadhimi").
    pub norm: String,
}

/// True for the apostrophe family: straight, curly, modifier letter, prime, backtick.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '′' | '`' | 'ʹ')
}

/// True for the quote family, straight and curly, single and double, guillemets.
pub fn is_quote(c: char) -> bool {
    is_apostrophe(c) || matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›')
}

/// Folds text for matching: Unicode lower case, diacritics stripped, quotes and dashes unified.
///
/// Diacritics go as in NFD with the combining marks dropped; the decompositions come from a
/// compact generated table (`text/fold_table.rs`, checked char by char against the
/// `unicode-normalization` crate in `tests/fold_table.rs`) so the explorer's wasm carries no
/// normalisation tables.
pub fn fold(s: &str) -> String {
    // Fast path: plain ASCII needs no decomposition (the common case for English news text).
    if s.is_ascii() {
        return s
            .bytes()
            .map(|b| if b == b'`' { '\'' } else { char::from(b.to_ascii_lowercase()) })
            .collect();
    }
    let mut out = String::with_capacity(s.len());
    // Marks are all dropped and no other char has a non-zero combining class, so NFD's canonical
    // reordering never changes what is kept: folding char by char is the same.
    for c in s.chars() {
        for_each_base_char(c, |c| {
            let c = if is_apostrophe(c) {
                '\''
            } else if is_quote(c) {
                '"'
            } else if matches!(c, '‐' | '‑' | '‒' | '–' | '—' | '―') {
                '-'
            } else {
                c
            };
            out.extend(c.to_lowercase());
        });
    }
    out
}

/// Calls `emit` with each char of `c`'s canonical decomposition (NFD) that is not a combining
/// mark: "é" gives "e", "한" its three jamo, a lone combining accent nothing.
fn for_each_base_char(c: char, mut emit: impl FnMut(char)) {
    const HANGUL_FIRST: u32 = 0xAC00;
    const HANGUL_COUNT: u32 = 11_172;
    const JAMO_L: u32 = 0x1100;
    const JAMO_V: u32 = 0x1161;
    const JAMO_T: u32 = 0x11A7;
    const V_COUNT: u32 = 21;
    const T_COUNT: u32 = 28;
    let cp = u32::from(c);
    // Nothing below U+00C0 decomposes or is a mark (the generator checks it).
    if cp < 0xC0 {
        return emit(c);
    }
    let syllable = cp.wrapping_sub(HANGUL_FIRST);
    if syllable < HANGUL_COUNT {
        let jamo = [
            JAMO_L + syllable / (V_COUNT * T_COUNT),
            JAMO_V + syllable % (V_COUNT * T_COUNT) / T_COUNT,
            JAMO_T + syllable % T_COUNT,
        ];
        let n = if syllable % T_COUNT == 0 { 2 } else { 3 };
        jamo[..n].iter().filter_map(|&j| char::from_u32(j)).for_each(emit);
        return;
    }
    let decomposed = match u16::try_from(cp) {
        Ok(key) => fold_table::BMP
            .binary_search_by_key(&key, |e| e.0)
            .ok()
            .map(|i| (u32::from(fold_table::BMP[i].1), fold_table::BMP_MULTI)),
        Err(_) => fold_table::ASTRAL
            .binary_search_by_key(&cp, |e| e.0)
            .ok()
            .map(|i| (fold_table::ASTRAL[i].1, fold_table::ASTRAL_MULTI)),
    };
    match decomposed {
        None if is_combining_mark(cp) => {}
        None => emit(c),
        // 0 stands for a decomposition into marks only.
        Some((0, _)) => {}
        Some((value, multi)) if value >= multi => {
            let chars = fold_table::MULTI.get((value - multi) as usize);
            chars.into_iter().flat_map(|chars| chars.iter().copied()).for_each(emit);
        }
        Some((value, _)) => char::from_u32(value).into_iter().for_each(emit),
    }
}

/// True for a combining mark (General_Category=Mark), from the table's packed runs.
fn is_combining_mark(cp: u32) -> bool {
    let key = (cp << 11) | 0x7FF;
    let after = fold_table::MARKS.partition_point(|&run| run <= key);
    after
        .checked_sub(1)
        .and_then(|i| fold_table::MARKS.get(i))
        .is_some_and(|&run| cp <= (run >> 11) + (run & 0x7FF))
}

/// Where a word sits in a text: what [`tokens`] finds, without the folded form (cheap to compute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordSpan {
    /// Byte offset of the word.
    pub start: usize,
    /// Byte offset one past the word, possessive ending excluded.
    pub end: usize,
    /// Byte offset one past the word as written, possessive ending included.
    pub text_end: usize,
}

/// Iterates over the words of a text with the same rules as [`tokens`], without allocating.
///
/// Starting it at a word's first byte yields that word first, so a caller holding a word's start
/// offset can find its end: `word_spans(&text[start..]).next()`.
pub fn word_spans(s: &str) -> WordSpans<'_> {
    WordSpans { s, pos: 0 }
}

/// The iterator returned by [`word_spans`].
#[derive(Debug, Clone)]
pub struct WordSpans<'a> {
    s: &'a str,
    pos: usize,
}

fn char_at(s: &str, at: usize) -> Option<char> {
    let b = *s.as_bytes().get(at)?;
    if b < 0x80 {
        return Some(char::from(b));
    }
    s.get(at..).and_then(|rest| rest.chars().next())
}

fn is_possessive_s_at(s: &str, at: usize) -> bool {
    matches!(char_at(s, at), Some('s' | 'S')) && char_at(s, at + 1).is_none_or(|c| !c.is_alphanumeric())
}

impl Iterator for WordSpans<'_> {
    type Item = WordSpan;

    fn next(&mut self) -> Option<WordSpan> {
        let s = self.s;
        let rest = s.get(self.pos..)?;
        let (first_at, first) = rest.char_indices().find(|(_, c)| c.is_alphanumeric())?;
        let start = self.pos + first_at;
        let mut end = start + first.len_utf8();
        let mut prev = first;
        while let Some(c) = char_at(s, end) {
            if c.is_alphanumeric() {
                end += c.len_utf8();
                prev = c;
                continue;
            }
            let after = end + c.len_utf8();
            let next = char_at(s, after);
            // Keep digit groups together: 5,000 and 3.5.
            let joins_digits =
                matches!(c, ',' | '.') && prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit());
            // Keep inner apostrophes that are not a possessive ending: Asa'ib, O'Brien.
            let inner_apostrophe =
                is_apostrophe(c) && next.is_some_and(|n| n.is_alphabetic()) && !is_possessive_s_at(s, after);
            if joins_digits || inner_apostrophe {
                end = after;
                prev = c;
            } else {
                break;
            }
        }
        // Possessive: the ending belongs to the word as written, not to its range or norm.
        let mut text_end = end;
        if let Some(c) = char_at(s, end).filter(|c| is_apostrophe(*c)) {
            let after = end + c.len_utf8();
            if is_possessive_s_at(s, after) {
                text_end = after + 1;
            } else if s[start..end].ends_with(['s', 'S']) {
                text_end = after;
            }
        }
        self.pos = text_end;
        Some(WordSpan { start, end, text_end })
    }
}

/// Splits text into word tokens (letters and digits; `5,000` and `3.5` stay one token), each with
/// its byte range. A trailing possessive (`’s`, `'s`, `’`) stays out of the range and the norm;
/// hyphens split words ("al-Kadhimi" gives "al" and "kadhimi").
pub fn tokens(s: &str) -> Vec<Token<'_>> {
    word_spans(s)
        .map(|w| Token {
            text: &s[w.start..w.text_end],
            start: w.start,
            end: w.end,
            norm: fold_word(&s[w.start..w.end]),
        })
        .collect()
}

/// [`fold`] without apostrophes ("O'Brien" gives "obrien"): a token's norm, built in one
/// allocation (tokenising a corpus makes one per word).
fn fold_word(word: &str) -> String {
    if word.is_ascii() {
        let mut out = String::with_capacity(word.len());
        out.extend(
            word.bytes().filter(|b| !matches!(b, b'\'' | b'`')).map(|b| char::from(b.to_ascii_lowercase())),
        );
        return out;
    }
    let mut out = fold(word);
    out.retain(|c| c != '\'');
    out
}

/// A loose key for transliterated Arabic and Persian names: spellings that differ only by
/// dh/z, ou/u, ee/i, e/i, o/u, gh/q, ph/f or doubled letters get the same key.
///
/// Apply it to a folded token ([`Token::norm`]); a leading "al"/"el" is a separate token already.
pub fn translit_key(norm: &str) -> String {
    let mut s = norm.to_string();
    for (from, to) in
        [("dh", "z"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("gh", "q"), ("ph", "f"), ("ck", "k")]
    {
        s = s.replace(from, to);
    }
    let mut out = String::with_capacity(s.len());
    let mut prev = None;
    for c in s.chars() {
        let c = match c {
            'e' => 'i',
            'o' => 'u',
            'y' => 'i',
            // Letters NFD leaves whole: "Tromsø" and "Tromso", "Łódź" and "Lodz" share a key.
            'ø' => 'u',
            'ł' => 'l',
            'đ' => 'd',
            'ı' => 'i',
            other => other,
        };
        if prev != Some(c) {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {

    fn phrase(text: &str) -> Option<(f64, usize)> {
        number_phrase(&tokens(text), 0)
    }

    #[test]
    fn a_fixed_measure_reads_as_float_formatting_writes_it() {
        for (value, decimals, want) in [
            (0.0, 1, "0.0"),
            (0.43, 2, "0.43"),
            (106.04, 1, "106.0"),
            (2.5, 0, "3"),
            (12.349, 2, "12.35"),
            (9.999, 2, "10.00"),
            (-1.25, 1, "-1.3"),
            (-0.01, 1, "0.0"),
            (4_200_000.0, 0, "4200000"),
        ] {
            assert_eq!(format_fixed(value, decimals), want, "{value} to {decimals}");
        }
        // Away from ties, it is exactly what `{:.N}` writes.
        for i in 0..2_000u32 {
            let value = f64::from(i) * 0.37 + 0.013;
            assert_eq!(format_fixed(value, 2), format!("{value:.2}"), "{value}");
            assert_eq!(format_fixed(value, 1), format!("{value:.1}"), "{value}");
        }
    }

    #[test]
    fn times_counted_from_the_day_of_writing_are_relative() {
        let relative = |text: &str| {
            let toks = tokens(text);
            (0..toks.len()).any(|i| is_relative_time(&toks, i))
        };
        assert!(relative("Attacks have risen in recent weeks."));
        assert!(relative("Kadhemi over the weekend hosted Qaani."));
        assert!(relative("The offer was raised last week."));
        assert!(relative("He recently met officials."));
        assert!(relative("Earlier in April, the two sides agreed on a withdrawal."));
        assert!(!relative("Earlier in April 2020, the two sides agreed on a withdrawal."));
        // A year, an adjective alone and a plain week are not counted from the day of writing.
        assert!(!relative("The troops left last year."));
        assert!(!relative("After the recent strikes, demands changed."));
        assert!(!relative("A week of talks ended."));
    }

    #[test]
    fn numbers_written_in_words_read_as_their_values() {
        assert_eq!(phrase("Twenty-seven miners"), Some((27.0, 1)));
        assert_eq!(phrase("Forty-one members"), Some((41.0, 1)));
        assert_eq!(phrase("twenty one guns"), Some((21.0, 1)));
        assert_eq!(phrase("two thousand five hundred troops"), Some((2500.0, 3)));
        assert_eq!(phrase("three hundred and forty people"), Some((340.0, 3)));
        assert_eq!(phrase("one million euros"), Some((1e6, 1)));
        assert_eq!(phrase("2.5 million people"), Some((2.5e6, 1)));
        assert_eq!(phrase("5,000 US troops"), Some((5000.0, 0)));
        assert_eq!(phrase("nine people"), Some((9.0, 0)));
        // Two numbers side by side stay two ("two three-year terms"); "one" alone is no number.
        assert_eq!(phrase("two three-year terms"), Some((2.0, 0)));
        assert_eq!(phrase("one of them"), None);
        assert_eq!(phrase("thousands of people"), None);
    }

    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokens(s).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn possessives_and_hyphens_yield_the_name() {
        assert_eq!(norms("Kadhimi’s visit"), ["kadhimi", "visit"]);
        assert_eq!(norms("al-Kadhimi's"), ["al", "kadhimi"]);
        assert_eq!(norms("US-led"), ["us", "led"]);
        let t = &tokens("Kadhimi’s visit")[0];
        assert_eq!((t.start, t.end, t.text), (0, 7, "Kadhimi’s"));
    }

    #[test]
    fn figures_and_inner_apostrophes_stay_whole() {
        assert_eq!(
            norms("the 5,000 US troops, 3.5 km. Asa'ib Ahl"),
            ["the", "5,000", "us", "troops", "3.5", "km", "asaib", "ahl"]
        );
        assert_eq!(norms("end 2017."), ["end", "2017"]);
    }

    #[test]
    fn a_word_can_be_re_found_from_its_start_offset() {
        let text = "Pompeo — who met Fuad Hussein’s aide — said 5,000.";
        for t in tokens(text) {
            let w = word_spans(&text[t.start..]).next().unwrap();
            assert_eq!((t.start + w.start, t.start + w.end), (t.start, t.end), "{}", t.text);
        }
        assert_eq!(word_spans("¡¿ 🙂 \u{7}").next(), None);
    }

    #[test]
    fn folding_strips_diacritics_and_unifies_quotes() {
        assert_eq!(fold("Fiancé “Qaani” — ÉTAT"), "fiance \"qaani\" - etat");
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        for (a, b) in [
            ("kadhimi", "kadhemi"),
            ("fuad", "fouad"),
            ("qassem", "qasem"),
            ("muhandis", "mohandes"),
            ("ameri", "amiri"),
            ("tromsø", "tromso"),
            ("łodz", "lodz"),
        ] {
            assert_eq!(translit_key(a), translit_key(b), "{a} / {b}");
        }
        assert_ne!(translit_key("trump"), translit_key("troops"));
    }
}
