//! Meaning-bearing terms of a text: folded content words with stop words dropped, a light stem,
//! a transliteration key (so Kadhimi/Kadhemi meet) and a small synonym table (missiles ~ attacks).

use crate::text::word_classes::{
    BACKING_VERBS, COUNTED_PERSON_NOUNS, MEASURE_NOUNS, ORGANISATION_NOUNS, PHRASAL_VERBS, PLAN_NOUNS,
    VOTE_WON_VERBS, WORD_CLASSES,
};
use crate::text::{translit_key, Token, BE_FORMS};

/// English function words and reporting verbs that carry no meaning for matching.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "either",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yet",
    "according",
    "told",
    "noted",
    "added",
    "however",
    "meanwhile",
    "since",
    "still",
    "even",
    "well",
    "many",
    "several",
    "within",
    "without",
    "among",
    "amid",
    "toward",
    "towards",
    "via",
    "per",
    "s",
    "t",
    "al",
    "el",
    "mr",
    "mrs",
    "ms",
    "dr",
    "new",
    "one",
    "its",
    "it's",
    "also",
    "another",
    // Prefixes written as separate words ("pro-Iranian", "anti-US"): the stance is in the name
    // that follows, the prefix itself names no fact.
    "pro",
    "anti",
    "non",
    // "for the first time", "at a time when": a time word that dates nothing.
    "time",
    "times",
];

/// True for a function word or reporting verb.
pub fn is_stop_word(norm: &str) -> bool {
    STOP_WORDS.contains(&norm)
}

/// Irregular English verb forms and their base form, so "took" meets "take" and "began" meets
/// "begin" (regular endings are the stem's job). General English, not a corpus list.
const IRREGULAR: &[(&str, &str)] = &[
    ("began", "begin"),
    ("begun", "begin"),
    ("became", "become"),
    ("brought", "bring"),
    ("broke", "break"),
    ("broken", "break"),
    ("built", "build"),
    ("bought", "buy"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("came", "come"),
    ("dealt", "deal"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("fought", "fight"),
    ("found", "find"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("gave", "give"),
    ("given", "give"),
    ("went", "go"),
    ("gone", "go"),
    ("held", "hold"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("laid", "lay"),
    ("led", "lead"),
    ("lent", "lend"),
    ("made", "make"),
    ("meant", "mean"),
    ("paid", "pay"),
    ("ran", "run"),
    ("rode", "ride"),
    ("saw", "see"),
    ("seen", "see"),
    ("sought", "seek"),
    ("sold", "sell"),
    ("sent", "send"),
    ("shot", "shoot"),
    ("sank", "sink"),
    ("sat", "sit"),
    ("sunk", "sink"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("spent", "spend"),
    ("stood", "stand"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("struck", "strike"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("taught", "teach"),
    ("took", "take"),
    ("taken", "take"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("understood", "understand"),
    ("woke", "wake"),
    ("wrote", "write"),
    ("written", "write"),
];

/// Past forms that are not in [`IRREGULAR`] (same as a base form elsewhere, or kept out of it).
const OTHER_PAST: &[&str] =
    &["met", "left", "won", "lost", "fell", "rose", "told", "got", "hit", "sat", "sank"];
/// Words ending in "-ed" that are no past form.
const NOT_PAST: &[&str] =
    &["need", "speed", "feed", "seed", "breed", "hundred", "bed", "red", "shed", "indeed"];

/// Whether a folded word is an English past form ("met", "brought", "resigned"): an event told
/// as done, not to come.
pub fn is_past_form(norm: &str) -> bool {
    let regular = norm.len() > 4 && norm.ends_with("ed") && !NOT_PAST.iter().any(|w| norm.ends_with(w));
    regular
        || OTHER_PAST.contains(&norm)
        || IRREGULAR.iter().any(|(form, base)| form == &norm && form != base)
}

/// A light English stem: plural and common verb endings off ("attacks" → "attack",
/// "militias" → "militia", "confirmed" → "confirm", "denied" → "deny", "planned" → "plan"), and
/// a final silent "e" so the base form meets its inflections ("increase", "increased" and
/// "increasing" → "increas"). Short words are left alone.
pub fn stem(norm: &str) -> String {
    let n = norm.chars().count();
    if n <= 3 || norm.chars().any(|c| c.is_ascii_digit()) {
        return norm.to_string();
    }
    // "faced", "taking", "voted": a three-letter rest ending consonant, vowel, consonant is a
    // base form that lost its final "e" ("face", "take", "vote"), so the inflection meets the
    // base form and its other inflections ("faces").
    for suffix in ["ing", "ed"] {
        if let Some(rest) = norm.strip_suffix(suffix) {
            if is_cvc(rest) {
                return format!("{rest}e");
            }
        }
    }
    for (suffix, replacement, min_rest) in [
        ("ies", "y", 3),
        ("ied", "y", 3),
        ("sses", "ss", 2),
        ("ches", "ch", 2),
        ("shes", "sh", 2),
        ("ing", "", 4),
        ("ed", "", 4),
    ] {
        if let Some(rest) = norm.strip_suffix(suffix) {
            if rest.chars().count() >= min_rest {
                return final_e(&undouble(&format!("{rest}{replacement}")));
            }
        }
    }
    if norm.ends_with('s') && !norm.ends_with("ss") && !norm.ends_with("us") && !norm.ends_with("is") {
        return final_e(&norm[..norm.len() - 1]);
    }
    final_e(norm)
}

/// Three ASCII letters: consonant, vowel, consonant (not "w", "x" or "y", which English does not
/// follow with a silent "e" in such words).
fn is_cvc(rest: &str) -> bool {
    let b = rest.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    b.len() == 3
        && b.iter().all(u8::is_ascii_lowercase)
        && !vowel(b[0])
        && vowel(b[1])
        && !vowel(b[2])
        && !b"wxy".contains(&b[2])
}

/// "planned" → "plann" → "plan": a doubled final consonant left by a stripped ending (not "ll",
/// "ss", "zz", which English keeps in the base form: "killed", "passed").
fn undouble(s: &str) -> String {
    let b = s.as_bytes();
    let n = b.len();
    if n >= 4 && b[n - 1] == b[n - 2] && b[n - 1].is_ascii_alphabetic() && !b"aeioulsz".contains(&b[n - 1]) {
        return s[..n - 1].to_string();
    }
    s.to_string()
}

/// Drops a final "e" from words of five letters or more ("increase" → "increas"), so a base
/// form and its stripped inflections share a stem.
fn final_e(s: &str) -> String {
    if s.len() >= 5 && s.ends_with('e') && s.is_ascii() {
        return s[..s.len() - 1].to_string();
    }
    s.to_string()
}

/// The base form of an irregular verb form ("took" → "take"), else the word itself.
fn lemma(norm: &str) -> &str {
    IRREGULAR.iter().find(|(form, _)| *form == norm).map_or(norm, |(_, base)| base)
}

/// The meaning-bearing key of one folded word, or `None` for a stop word: synonym class if it
/// or its stem is a member (or a member's stem: "increased" and "increase"), else the
/// transliteration key of its stem.
pub fn term_key(norm: &str) -> Option<String> {
    if is_stop_word(norm) || norm.is_empty() {
        return None;
    }
    let norm = lemma(norm);
    let stemmed = stem(norm);
    let classes = synonym_classes();
    if let Some(class) = classes.get(norm).or_else(|| classes.get(stemmed.as_str())) {
        return Some((*class).to_string());
    }
    let base = derived_base(norm, &stemmed);
    if let Some(class) = classes.get(base.as_str()) {
        return Some((*class).to_string());
    }
    Some(translit_key(&base))
}

/// Derivational endings that turn a verb into a noun or back, stripped from a word's stem so a
/// nominalisation meets its verb: "investigation", "investigators" and "investigated" →
/// "investig"; "resignation" → "resign"; "election" → "elect"; "agreement" → "agre" (as
/// "agreed"); "withdrawal", "approval", "refusal" → "withdraw", "approv", "refus". Each ending
/// leaves at least four letters, and "-al" only after w, v, s or y ("several", "general" and
/// "national" keep theirs); the "-ate" verbs lose "at" only when the word itself is written with
/// the ending ("threat" is no "-ate" verb).
fn derived_base(norm: &str, stemmed: &str) -> String {
    const MIN_BASE: usize = 4;
    let strip = |s: &str, suffix: &str| -> Option<String> {
        let rest = s.strip_suffix(suffix)?;
        (rest.chars().count() >= MIN_BASE).then(|| rest.to_string())
    };
    if ["ation", "ations"].iter().any(|e| norm.ends_with(e)) {
        if let Some(base) = strip(stemmed, "ation") {
            return base;
        }
    }
    if ["ator", "ators"].iter().any(|e| norm.ends_with(e)) {
        if let Some(base) = strip(stemmed, "ator") {
            return base;
        }
    }
    if ["ate", "ates", "ated", "ating"].iter().any(|e| norm.ends_with(e)) {
        if let Some(base) = strip(stemmed, "at") {
            return base;
        }
    }
    if ["ction", "ctions", "ption", "ptions"].iter().any(|e| norm.ends_with(e)) {
        if let Some(base) = strip(stemmed, "ion") {
            return base;
        }
    }
    if ["ment", "ments"].iter().any(|e| norm.ends_with(e)) {
        if let Some(base) = strip(stemmed, "ment") {
            return final_e(&base);
        }
    }
    if ["wal", "val", "sal", "yal", "wals", "vals", "sals", "yals"].iter().any(|e| norm.ends_with(e)) {
        if let Some(base) = strip(stemmed, "al") {
            return base;
        }
    }
    stemmed.to_string()
}

/// Per token, the event class of a phrasal verb it opens ([`PHRASAL_VERBS`]), and the tokens that are
/// its particles (which then carry no meaning of their own).
fn phrasal_classes(toks: &[Token<'_>]) -> (Vec<Option<&'static str>>, Vec<bool>) {
    let mut classes = vec![None; toks.len()];
    let mut particle = vec![false; toks.len()];
    for (i, tok) in toks.iter().enumerate() {
        // Most words open no phrasal verb: checked before any stemming (this runs on every token).
        // Forms of "be" and "have" open phrasal verbs too ("will be back", "had power back").
        let base = match tok.norm.as_str() {
            norm if BE_FORMS.contains(&norm) => "be",
            "has" | "had" => "have",
            norm => lemma(norm),
        };
        // (The first three letters: "carried" is "carry" out.)
        if !PHRASAL_VERBS.iter().any(|p| p.0.starts_with(base.get(..3).unwrap_or(base))) {
            continue;
        }
        let verb = stem(base);
        for &(head, part, class, gap) in PHRASAL_VERBS {
            if verb != head {
                continue;
            }
            let found = (i + 1..=(i + 1 + gap).min(toks.len().saturating_sub(1)))
                .find(|&k| toks.get(k).is_some_and(|t| t.norm == part))
                .filter(|&k| !(part == "way" && toks.get(k + 1).is_some_and(|t| t.norm == "to")));
            if let Some(k) = found {
                classes[i] = Some(class);
                particle[k] = true;
                break;
            }
        }
    }
    for (i, class) in classes.iter_mut().enumerate() {
        if class.is_none() && runs_an_organisation(toks, i) {
            *class = Some("lead");
        } else if class.is_none() && (passes_a_measure(toks, i) || votes_a_measure_through(toks, i)) {
            *class = Some("approve");
        } else if class.is_none()
            && (fails_outright(toks, i) || declared_ended(toks, i) || ended_without_a_deal(toks, i))
        {
            *class = Some("collapse");
        } else if class.is_none() && opens_an_event(toks, i) {
            *class = Some("conduct");
        }
    }
    // A vote in a sentence that tells a measure's approval is that approval's vote ("passed by 41
    // votes to 22", "backed the tax and 22 voted against"), not an election.
    let is_vote = |norm: &str| matches!(norm, "vote" | "votes" | "voted" | "voting");
    if toks.iter().any(|t| is_vote(&t.norm))
        && (classes.contains(&Some("approve"))
            || toks.iter().any(|t| synonym_class(&t.norm) == Some("approve")))
    {
        for (i, tok) in toks.iter().enumerate() {
            if classes[i].is_none() && is_vote(&tok.norm) {
                classes[i] = Some("approve");
            }
        }
    }
    (classes, particle)
}

/// Whether token `i` is the verb "fail" telling that something gave way ("port talks fail",
/// "the dam failed"), not that someone did not do something ("police failed to stop him").
fn fails_outright(toks: &[Token<'_>], i: usize) -> bool {
    matches!(toks[i].norm.as_str(), "fail" | "fails" | "failed")
        && !toks.get(i + 1).is_some_and(|t| matches!(t.norm.as_str(), "to" | "in" | "at"))
}

/// Whether token `i` is "end" followed by "without" an agreement or a breakthrough ("talks ended
/// without agreement on Sunday", "ends without a deal"): they collapsed. Ending without anything
/// else ("the match ended without goals") says nothing of a deal.
fn ended_without_a_deal(toks: &[Token<'_>], i: usize) -> bool {
    matches!(toks[i].norm.as_str(), "end" | "ends" | "ended")
        && toks.get(i + 1).is_some_and(|t| t.norm == "without")
        && toks
            .iter()
            .skip(i + 2)
            .take(2)
            .any(|t| t.norm == "breakthrough" || synonym_class(&t.norm) == Some("agree"))
}

/// True when the folded word names a deal, talks or a plan ([`PLAN_NOUNS`], the agreement and
/// meeting classes: "deal", "negotiations", "talks").
fn names_a_plan(norm: &str) -> bool {
    let plan =
        |w: &str| PLAN_NOUNS.contains(&w) || w.strip_suffix('s').is_some_and(|w| PLAN_NOUNS.contains(&w));
    plan(norm) || matches!(synonym_class(norm), Some("agree" | "meet"))
}

/// Whether token `i` declares a deal, talks or a plan ended after a form of "be" ("the deal was
/// dead", "the talks are over", "the merger is off"): they collapsed. "Dead" said of anything
/// else is a death; "over" or "off" with a word right after it is a place or an amount ("the
/// project is over budget").
fn declared_ended(toks: &[Token<'_>], i: usize) -> bool {
    let word = toks[i].norm.as_str();
    if !matches!(word, "dead" | "over" | "off") || i < 2 || !BE_FORMS.contains(&toks[i - 1].norm.as_str()) {
        return false;
    }
    // Punctuation (more than one space), a conjunction or nothing after "over" / "off" ends the
    // phrase ("the talks were over and that the strike would go on").
    let ends_there = toks.get(i + 1).is_none_or(|next| {
        next.start > toks[i].end + 1 || matches!(next.norm.as_str(), "and" | "but" | "for" | "after" | "as")
    });
    (word == "dead" || ends_there) && names_a_plan(&toks[i - 2].norm)
}

/// How many words before a collapse its deal, talks or plan may stand ("*Negotiations* between
/// dock workers and the Harlow Port Authority broke down", "A new round of *talks* between Egypt
/// and Ethiopia over the Grand Ethiopian Renaissance Dam ended without agreement").
const PLAN_SUBJECT_WINDOW: usize = 15;

/// Whether the collapse at token `i` is a deal's, talks' or a plan's: one names it before, in the
/// same clause ("Brewery *merger* collapses", "port *talks* fail"), or right after "of" ("the
/// collapse of the *talks*"). Such a collapse is a plan that ended unrealised, as one called off,
/// scrapped or abandoned did; a bridge or a mine that collapsed fell down.
fn collapse_of_a_plan(toks: &[Token<'_>], i: usize) -> bool {
    let clause_ends = |t: &Token<'_>| {
        super::clauses::opens_clause(&t.norm) || crate::text::SPEECH_VERBS.contains(&t.norm.as_str())
    };
    let before = toks[..i]
        .iter()
        .rev()
        .take(PLAN_SUBJECT_WINDOW)
        .take_while(|t| !clause_ends(t))
        .any(|t| names_a_plan(&t.norm));
    let after = toks.get(i + 1).is_some_and(|t| t.norm == "of")
        && toks.iter().skip(i + 2).take(3).any(|t| names_a_plan(&t.norm));
    before || after
}

/// Words that join a withdrawal to what is withdrawn from ("pulled out *of* the talks",
/// "withdraw *from* the deal", "withdrew *its* offer"); a particle of the verb may stand before.
const WITHDRAWN_FROM: &[&str] = &["of", "from", "its", "their", "his", "her", "the"];
/// How many words after that join the deal, talks or plan may stand ("walks out of *Renaissance
/// Dam* talks").
const WITHDRAWN_PLAN_WINDOW: usize = 3;

/// Verbs of leaving that, with a deal, talks or a plan as what is left ("left the talks", "quit
/// the deal"), end it as a withdrawal does ([`withdraws_from_a_plan`]).
const LEAVING_VERBS: &[&str] =
    &["leave", "leaves", "left", "leaving", "quit", "quits", "exit", "exits", "exited"];

/// Whether the withdrawal at token `i` is from a deal, talks or a plan ("walks out of the talks",
/// "has withdrawn its bid"), which then ends unrealised; troops withdrawn from a country, or a
/// "withdrawal agreement" (an agreement on one), are not.
fn withdraws_from_a_plan(toks: &[Token<'_>], i: usize) -> bool {
    let particle = toks.get(i + 1).is_some_and(|t| matches!(t.norm.as_str(), "out" | "back"));
    let join = i + 1 + usize::from(particle);
    toks.get(join).is_some_and(|t| WITHDRAWN_FROM.contains(&t.norm.as_str()))
        && toks.iter().skip(join + 1).take(WITHDRAWN_PLAN_WINDOW).any(|t| names_a_plan(&t.norm))
}

/// Words between "run" and its object ("run *the* business", "ran *its* ministry").
const OBJECT_DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our", "this"];

/// Whether token `i` is the verb "run" with an organisation as its object: a name written
/// capitalised ("who runs Aquaria", "ran Tarvos city hall") or an organisation noun ("would run
/// the business"), after at most one determiner.
fn runs_an_organisation(toks: &[Token<'_>], i: usize) -> bool {
    if !matches!(toks[i].norm.as_str(), "run" | "runs" | "ran" | "running") {
        return false;
    }
    let mut k = i + 1;
    if toks.get(k).is_some_and(|t| OBJECT_DETERMINERS.contains(&t.norm.as_str())) {
        k += 1;
    }
    // A capitalised day or month is when, not what ("the story ran Tuesday").
    let calendar = |norm: &str| crate::text::WEEKDAYS.contains(&norm) || crate::text::MONTHS.contains(&norm);
    toks.get(k).is_some_and(|t| {
        (t.text.starts_with(|c: char| c.is_uppercase()) && !calendar(&t.norm))
            || ORGANISATION_NOUNS.contains(&t.norm.as_str())
    })
}

/// How many words a measure noun may stand before "passed" ("the bill finally passed") or after
/// it ("passed a new law").
const MEASURE_WINDOW: usize = 3;

/// Whether token `i` is the verb "pass" with a bill, a law or a motion
/// ([`crate::text::word_classes::MEASURE_NOUNS`]) as what passes or what is passed ("the measure
/// passed by 41 votes to 22", "parliament passed a law"): an approval. "As the storm passes",
/// "passed its safety inspection" and "the night passed quietly" approve nothing.
fn passes_a_measure(toks: &[Token<'_>], i: usize) -> bool {
    if !matches!(toks[i].norm.as_str(), "pass" | "passes" | "passed") {
        return false;
    }
    (i.saturating_sub(MEASURE_WINDOW)..i).any(|k| is_measure(toks, k))
        || (i + 1..toks.len().min(i + 1 + MEASURE_WINDOW)).any(|k| is_measure(toks, k))
}

/// Whether the token at `k` is a measure noun ([`MEASURE_NOUNS`]): a bill, a law, a motion, a ban...
fn is_measure(toks: &[Token<'_>], k: usize) -> bool {
    toks.get(k).is_some_and(|t| MEASURE_NOUNS.contains(&t.norm.as_str()))
}

/// Whether token `i` tells a measure voted through in other words than "passed": a motion "was
/// carried" ("The motion was carried by 27 votes to 9"), a measure backed or voted for ("27
/// backing the measure", "councillors voted for a ban"), a measure that wins or clears its vote
/// ("Beach smoking ban wins council vote"). "Carried out", "backed the striker" and a candidate
/// who wins the vote approve nothing.
fn votes_a_measure_through(toks: &[Token<'_>], i: usize) -> bool {
    let word = toks[i].norm.as_str();
    let before = i.saturating_sub(MEASURE_WINDOW)..i;
    let after = |from: usize| from..toks.len().min(from + MEASURE_WINDOW);
    if matches!(word, "carry" | "carries" | "carried") {
        return before.clone().any(|k| is_measure(toks, k))
            && toks.get(i + 1).is_none_or(|t| t.norm != "out");
    }
    if BACKING_VERBS.contains(&word) {
        return after(i + 1).any(|k| is_measure(toks, k));
    }
    if matches!(word, "vote" | "votes" | "voted") {
        return toks.get(i + 1).is_some_and(|t| t.norm == "for") && after(i + 2).any(|k| is_measure(toks, k));
    }
    VOTE_WON_VERBS.contains(&word)
        && before.clone().any(|k| is_measure(toks, k))
        && after(i + 1).any(|k| matches!(toks[k].norm.as_str(), "vote" | "votes" | "ballot"))
}

/// Verbs that only start what their object names ("opened an investigation", "launched a
/// criminal inquiry", "launched an attack"): the object is the event, the verb a generic doing
/// verb, so "opened an investigation" shares nothing with "the bridge opened in 1968".
const OPENING_VERBS: &[&str] =
    &["open", "opens", "opened", "opening", "launch", "launches", "launched", "launching"];
/// How many words after an opening verb its event noun may stand ("launched *a full public*
/// inquiry").
const OPENED_EVENT_WINDOW: usize = 4;

/// True when token `i` is one of [`OPENING_VERBS`] whose object, within a few words, is a news
/// event (an investigation, an attack, talks).
fn opens_an_event(toks: &[Token<'_>], i: usize) -> bool {
    if !OPENING_VERBS.contains(&toks[i].norm.as_str()) {
        return false;
    }
    toks.iter()
        .skip(i + 1)
        .take(OPENED_EVENT_WINDOW)
        .take_while(|t| !matches!(t.norm.as_str(), "in" | "on" | "at" | "to" | "after" | "when" | "and"))
        .any(|t| term_key(&t.norm).is_some_and(|key| is_event_class(&key)))
}

/// Every synonym member and its stem, mapped to its class (built once).
fn synonym_classes() -> &'static std::collections::HashMap<String, &'static str> {
    static CLASSES: std::sync::OnceLock<std::collections::HashMap<String, &'static str>> =
        std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for (class, members) in WORD_CLASSES {
            for member in *members {
                map.entry((*member).to_string()).or_insert(*class);
                map.entry(stem(member)).or_insert(*class);
            }
        }
        map
    })
}

/// A term of a sentence with whether it was written as a proper name (capitalised, not the
/// first word of the sentence) and whether it is a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The key from [`term_key`].
    pub key: String,
    /// Written capitalised somewhere other than the sentence's first word.
    pub name: bool,
    /// A number ("39", "5,000").
    pub figure: bool,
    /// A weekday or month name: weak evidence on its own ("on Tuesday", "in June").
    pub calendar: bool,
    /// A role noun or the word right before one ("trade minister", "fire chief"): says who
    /// someone is, not what happened.
    pub role: bool,
}

/// Role nouns that say who someone is, not what happened ("the Iraqi prime minister"): they count
/// as names when aligning facts, however they are written.
const ROLE_WORDS: &[&str] = &[
    "premier",
    "president",
    "minister",
    "secretary",
    "official",
    "spokesperson",
    "spokesman",
    "leader",
    "chief",
    "head",
    "boss",
    "executive",
    "governor",
    "mayor",
    "commander",
    "general",
    "ambassador",
    "envoy",
    "spokeswoman",
    "director",
    "chairman",
    "chairwoman",
    "senator",
    "lawmaker",
    "analyst",
];

/// True for the key of a role noun ("premier", "president"): compared by key, since keys are
/// stemmed and transliterated ("minister" is "ministir").
pub fn is_role_word(key: &str) -> bool {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| ROLE_WORDS.iter().filter_map(|w| term_key(w)).collect()).iter().any(|k| k == key)
}

/// The synonym class a folded word or its stem belongs to ([`WORD_CLASSES`]), if any.
pub fn synonym_class(norm: &str) -> Option<&'static str> {
    let norm = lemma(norm);
    let classes = synonym_classes();
    classes.get(norm).or_else(|| classes.get(stem(norm).as_str())).copied()
}

/// Nouns that name who takes part, not what happens ("troops", "factions", "officials",
/// "government"): like names, they say who a fact is about, so sharing one is no evidence of the
/// same fact.
const PARTICIPANT_WORDS: &[&str] =
    &["troop", "militia", "government", "country", "people", "state", "authority", "source", "group", "army"];

/// True for the key of a participant noun ([`PARTICIPANT_WORDS`]).
pub fn is_participant_word(key: &str) -> bool {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| PARTICIPANT_WORDS.iter().filter_map(|w| term_key(w)).collect())
        .iter()
        .any(|k| k == key)
}

/// Synonym classes that name who or where, not what happened: every other class is a news event
/// class (met, killed, withdrew, won...).
const NOT_EVENTS: &[&str] = &[
    "conduct",
    "troop",
    "militia",
    "home",
    "electricity",
    "revenue",
    "profit",
    "forecast",
    "stock",
    "us",
    "iraq",
    "iran",
    "premier",
];

/// True for the key of a news event class ([`WORD_CLASSES`]): two sentences that each report events of
/// known classes and share none ("agreed on principles" / "will meet Trump") tell different facts.
pub fn is_event_class(key: &str) -> bool {
    !NOT_EVENTS.contains(&key) && WORD_CLASSES.iter().any(|(class, _)| *class == key)
}

/// The other words of the synonym class `norm` (a folded word) belongs to ("withdrawal":
/// "withdraw", "pullout", "drawdown", "expulsion"...; "troops": "soldiers", "forces"), for
/// search; none for a word of no class, or of a class of names ("US": "American", "Washington").
pub(crate) fn search_synonyms(norm: &str) -> &'static [&'static str] {
    const NAMES: &[&str] = &["us", "iraq", "iran", "premier"];
    let stemmed = stem(norm);
    if let Some((_, members)) =
        SEARCH_SYNONYMS.iter().find(|(_, members)| members.iter().any(|m| *m == norm || stem(m) == stemmed))
    {
        return members;
    }
    let classes = synonym_classes();
    let class = classes.get(norm).or_else(|| classes.get(stemmed.as_str()));
    class
        .filter(|c| !NAMES.contains(c))
        .and_then(|c| WORD_CLASSES.iter().find(|(k, _)| k == c))
        .map_or(&[], |(_, members)| *members)
}

/// Words a reader searches for interchangeably that say nothing about which fact a sentence
/// tells, so they are synonyms for search only, never for the comparison's alignment.
const SEARCH_SYNONYMS: &[(&str, &[&str])] =
    &[("timetable", &["timetable", "timeline", "schedule", "deadline"])];

/// Event classes that say the opposite of each other: a share price that fell and one that
/// recovered, work suspended and work to resume, a vote won and one lost. Two sentences each told
/// with one side of a pair, and neither with the other, report different facts however much
/// else they share.
const OPPOSITES: &[(&str, &str)] = &[("increase", "decrease"), ("suspend", "resume"), ("win", "lose")];

/// True for the key of a change of an amount, up or down (the increase and decrease classes).
pub fn is_change_of_amount(key: &str) -> bool {
    matches!(key, "increase" | "decrease")
}

/// The sides of [`OPPOSITES`] pairs a key stands for, as bits (bit `2k` the first side of pair
/// `k`, bit `2k + 1` the second); 0 for most keys.
pub fn event_sides(key: &str) -> u8 {
    let mut bits = 0;
    for (k, &(p, q)) in OPPOSITES.iter().enumerate() {
        if key == p {
            bits |= 1 << (2 * k);
        }
        if key == q {
            bits |= 1 << (2 * k + 1);
        }
    }
    bits
}

/// True when one sentence's [`event_sides`] hold one side of a pair and the other's the other
/// side, and neither holds both.
pub fn opposite_events(x: u8, y: u8) -> bool {
    (0..OPPOSITES.len()).any(|k| {
        let side = |bits: u8| ((bits >> (2 * k)) & 1 == 1, (bits >> (2 * k + 1)) & 1 == 1);
        let ((xp, xq), (yp, yq)) = (side(x), side(y));
        (xp && !xq && yq && !yp) || (xq && !xp && yp && !yq)
    })
}

/// True when a figure's counted noun (its key or stem, see `figures.rs`) counts people.
pub fn counts_people(unit: &str) -> bool {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        COUNTED_PERSON_NOUNS.iter().flat_map(|w| [stem(w)].into_iter().chain(term_key(w))).collect()
    })
    .iter()
    .any(|k| k == unit)
}

/// The key of "declined to" before a verb: a refusal, no fall of anything ([`changes_amount`]).
const DECLINED_TO_ACT: &str = "declined to";

/// Verbs by which someone makes an amount smaller, with their nouns ("cut its offer", "slashes
/// milk price", "a reduction in fares"): each tells a decrease, as "fell" or "dropped" does of
/// the amount itself. "Lower" bare is also an adjective ("the lower house": [`changes_amount`]).
const DECREASE_VERBS: &[&str] = &[
    "cut",
    "cuts",
    "cutting",
    "reduce",
    "reduces",
    "reduced",
    "reducing",
    "reduction",
    "reductions",
    "slash",
    "slashes",
    "slashed",
    "slashing",
    "trim",
    "trims",
    "trimmed",
    "trimming",
    "lower",
    "lowers",
    "lowered",
    "lowering",
];
/// Verbs by which someone makes an amount larger ("raise fares", "boosted output"): each tells an
/// increase, as "rose" or a "hike" does ("go up": [`changes_amount`]).
const INCREASE_VERBS: &[&str] =
    &["raise", "raises", "raised", "raising", "boost", "boosts", "boosted", "boosting"];
/// Words right after "cut" that make it no decrease: a supply cut off, ties cut, a visit cut
/// short, a road cut through a hill.
const CUT_ELSEWHERE: &[&str] = &["off", "ties", "short", "through", "across", "open", "free", "loose"];
/// Objects of "raise" that are no amount: concerns or questions raised, the alarm raised, money
/// raised (collected, not put up).
const RAISED_NOT_AN_AMOUNT: &[&str] = &[
    "concern",
    "concerns",
    "question",
    "questions",
    "alarm",
    "fear",
    "fears",
    "doubt",
    "doubts",
    "issue",
    "issues",
    "hope",
    "hopes",
    "objection",
    "objections",
    "suspicion",
    "suspicions",
    "flag",
    "flags",
    "awareness",
    "eyebrows",
    "money",
    "funds",
    "cash",
    "child",
    "children",
    "family",
    "point",
    "matter",
    "prospect",
    "possibility",
    "spectre",
    "voice",
    "voices",
];
/// How many words after "raise" its object may stand ("raised *serious* concerns").
const RAISED_OBJECT_WINDOW: usize = 3;

/// The change of amount token `i` tells when someone makes it ("Norrail will raise fares" /
/// "fares will go up", "Grannvik trims milk price" / "will lower the price it pays" / "has
/// reduced what it pays"): the increase or decrease class, as the amount's own rise or fall has.
/// A power cut, a supply cut off, concerns raised, money raised and "the lower house" tell none,
/// and "declined to" before a verb is a refusal ([`DECLINED_TO_ACT`]).
fn changes_amount(toks: &[Token<'_>], i: usize) -> Option<&'static str> {
    let norm = toks[i].norm.as_str();
    let next = toks.get(i + 1).map(|t| t.norm.as_str());
    if matches!(norm, "go" | "goes" | "going" | "went" | "gone") && next == Some("up") {
        return Some("increase");
    }
    // Declining *to* do something is a refusal ("Halvik declined to comment"); declining *to*
    // a figure is a fall ("sales declined to 412 million").
    if matches!(norm, "decline" | "declines" | "declined" | "declining") && next == Some("to") {
        let figure = toks.get(i + 2).is_some_and(|t| crate::text::is_number_token(&t.norm));
        return (!figure).then_some(DECLINED_TO_ACT);
    }
    if DECREASE_VERBS.contains(&norm) {
        let before = i.checked_sub(1).map(|k| toks[k].norm.as_str());
        let cut_elsewhere = norm.starts_with("cut")
            && (next.is_some_and(|w| CUT_ELSEWHERE.contains(&w))
                || before.is_some_and(|w| synonym_class(w) == Some("electricity") || w == "water"));
        // "Lower" as a verb follows a modal or "to" ("will lower the price").
        let adjective = norm == "lower" && !before.is_some_and(|w| VERB_BEFORE.contains(&w));
        return (!cut_elsewhere && !adjective).then_some("decrease");
    }
    if INCREASE_VERBS.contains(&norm) {
        let not_an_amount = toks
            .iter()
            .skip(i + 1)
            .take(RAISED_OBJECT_WINDOW)
            .any(|t| RAISED_NOT_AN_AMOUNT.contains(&t.norm.as_str()));
        return (!not_an_amount).then_some("increase");
    }
    None
}

/// The key of token `i` in its sentence: [`term_key`], except a passive "met" ("are best met
/// by", "was met with"), which is no meeting and keeps its own key, and a verb by which someone
/// changes an amount ([`changes_amount`]), which tells the increase or decrease class.
fn key_in_context(toks: &[Token<'_>], i: usize) -> Option<String> {
    let norm = toks[i].norm.as_str();
    if let Some(class) = changes_amount(toks, i) {
        return Some(class.to_string());
    }
    if norm == "met" {
        // The be-form right before, or before one adverb ("are best met", "were quickly met").
        let before = |d: usize| i.checked_sub(d).map(|k| toks[k].norm.as_str());
        let passive = before(1).is_some_and(|w| BE_FORMS.contains(&w))
            || (before(1).is_some_and(|w| w.ends_with("ly") || matches!(w, "best" | "well" | "not"))
                && before(2).is_some_and(|w| BE_FORMS.contains(&w)));
        if passive {
            return Some("met:passive".to_string());
        }
    }
    term_key(norm)
}

/// The key of every token of a sentence in context: [`term_key`], a passive "met" kept apart,
/// and a phrasal verb's class on its verb ("pull its troops out" → withdraw) with its particle
/// carrying none.
pub fn keys_of_tokens(toks: &[Token<'_>]) -> Vec<Option<String>> {
    let (phrasal, particle) = phrasal_classes(toks);
    (0..toks.len())
        .map(|i| match (phrasal[i], particle[i]) {
            (Some(class), _) => Some(class.to_string()),
            (None, true) => None,
            (None, false) => key_in_context(toks, i),
        })
        .enumerate()
        .map(|(i, key)| match key {
            // A deal that collapses, falls through or is declared dead ended unrealised: one
            // event with a deal called off, scrapped or abandoned ("call off merger" / "merger
            // collapses").
            Some(k) if k == "collapse" && collapse_of_a_plan(toks, i) => Some("cancel".to_string()),
            // So did one a party withdraws or walks out of ("walks out of the dam talks" /
            // "talks collapse", "has withdrawn its bid" / "abandons bid").
            Some(k)
                if (k == "withdraw" || LEAVING_VERBS.contains(&toks[i].norm.as_str()))
                    && withdraws_from_a_plan(toks, i) =>
            {
                Some("cancel".to_string())
            }
            key => key,
        })
        .collect()
}

/// Words that make the next word a verb ("will meet president ...", "to visit minister ...").
const VERB_BEFORE: &[&str] =
    &["to", "will", "would", "can", "could", "should", "must", "might", "did", "does", "do", "shall"];

/// Whether token `i` can be the modifier of a role noun after it ("trade" in "trade minister"):
/// not a verb, as far as a word list tells (an event word such as "meet", an "-ed"/"-ing"
/// form, or a word after "will"/"to").
fn could_modify(toks: &[Token<'_>], i: usize) -> bool {
    let norm = toks[i].norm.as_str();
    let after_verb_marker = i > 0 && VERB_BEFORE.contains(&toks[i - 1].norm.as_str());
    let event = synonym_classes().get(lemma(norm)).is_some_and(|c| !NOT_EVENTS.contains(c));
    !after_verb_marker && !event && !norm.ends_with("ed") && !norm.ends_with("ing")
}

/// The terms of a sentence already cut into tokens, in order (duplicates kept), each with the
/// index of its token.
pub fn terms_of_tokens(toks: &[Token<'_>]) -> Vec<(Term, usize)> {
    let keys = keys_of_tokens(toks);
    let is_role = |i: usize| keys.get(i).and_then(|k| k.as_deref()).is_some_and(is_role_word);
    let mut out = Vec::new();
    for (i, token) in toks.iter().enumerate() {
        let Some(key) = keys[i].clone() else { continue };
        let first = token.text.chars().next().unwrap_or(' ');
        // Number words are figures as digits are: the entities layer reads them ("Twenty-one
        // people" opening a sentence is no name).
        let figure = first.is_ascii_digit() || crate::text::number_word(&token.norm).is_some();
        let name = i > 0 && first.is_uppercase();
        let calendar = crate::text::is_calendar_word(&token.norm);
        // A role and up to two lower-case words before it: "trade minister", "central bank
        // governor".
        // Only words written next to each other: "Kessel zone, minister says" has no "zone
        // minister".
        let adjacent = |d: usize| toks.get(i + d).is_some_and(|t| t.start <= toks[i + d - 1].end + 1);
        let modifies = |k: usize| {
            (1..=k).all(|d| {
                adjacent(d) && toks.get(i + d).is_some_and(|t| !t.text.starts_with(char::is_uppercase))
            }) && is_role(i + k)
        };
        let role = is_role(i)
            || (!figure && could_modify(toks, i) && ((adjacent(1) && is_role(i + 1)) || modifies(2)));
        out.push((Term { key, name, figure, calendar, role }, i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_share_a_key() {
        assert_eq!(term_key("kadhimi"), term_key("kadhemi"));
        assert_eq!(term_key("missiles"), term_key("attacks"));
        assert_eq!(term_key("soldiers"), term_key("troops"));
        assert_eq!(term_key("militias"), term_key("factions"));
        assert_eq!(term_key("the"), None);
        assert_eq!(stem("confirmed"), "confirm");
        assert_eq!(stem("us"), "us");
        assert_eq!(stem("5,000"), "5,000");
    }

    #[test]
    fn inflections_of_ordinary_words_share_a_key() {
        assert_eq!(term_key("increased"), term_key("increase"));
        assert_eq!(term_key("denied"), term_key("denies"));
        assert_eq!(term_key("planned"), term_key("plans"));
        assert_eq!(term_key("evacuated"), term_key("evacuate"));
        assert_eq!(term_key("took"), term_key("take"));
        assert_eq!(term_key("began"), term_key("begins"));
        assert_eq!(term_key("faced"), term_key("faces"));
        assert_eq!(term_key("taking"), term_key("take"));
        assert_eq!(term_key("voted"), term_key("vote"));
        assert_ne!(term_key("need"), term_key("ne"));
    }

    fn roles_of(sentence: &str) -> Vec<String> {
        let toks = crate::text::tokens(sentence);
        terms_of_tokens(&toks).into_iter().filter(|(t, _)| t.role).map(|(t, _)| t.key).collect()
    }

    #[test]
    fn a_role_modifier_is_written_next_to_its_role() {
        assert_eq!(roles_of("The trade minister spoke."), ["trad", "ministir"]);
        assert_eq!(roles_of("Soldiers leave the zone, minister says."), ["ministir"]);
    }

    #[test]
    fn news_event_classes_meet_their_paraphrases() {
        assert_eq!(term_key("won"), term_key("victory"));
        assert_eq!(term_key("slain"), term_key("assassination"));
        assert_eq!(term_key("drawdown"), term_key("withdrawal"));
        assert_eq!(term_key("summit"), term_key("met"));
        assert_eq!(term_key("deal"), term_key("agreement"));
        assert_eq!(term_key("caves"), term_key("collapsed"));
        assert_eq!(term_key("tremor"), term_key("earthquake"));
        assert_ne!(term_key("won"), term_key("lost"));
        // Rules and their passing, spills, apologies.
        assert_eq!(term_key("outlawing"), term_key("banned"));
        assert_eq!(term_key("ratified"), term_key("approval"));
        assert_eq!(term_key("leaked"), term_key("spill"));
        assert_eq!(term_key("sorry"), term_key("apologised"));
        assert_ne!(term_key("banned"), term_key("approved"));
        // A plant, a runway or a line that closes is shut: "would close its plant" / "plant
        // closure", "closed its only runway" / "forced the closure of the runway".
        assert_eq!(term_key("close"), term_key("closure"));
        assert_eq!(term_key("closed"), term_key("shut"));
        assert_ne!(term_key("closely"), term_key("shut"));
    }

    fn keys_of(sentence: &str) -> Vec<String> {
        let toks = crate::text::tokens(sentence);
        terms_of_tokens(&toks).into_iter().map(|(t, _)| t.key).collect()
    }

    #[test]
    fn nominalisations_meet_their_verbs() {
        assert_eq!(term_key("investigation"), term_key("investigated"));
        assert_eq!(term_key("negotiations"), term_key("negotiate"));
        assert_eq!(term_key("negotiators"), term_key("negotiating"));
        assert_eq!(term_key("resignation"), term_key("resigned"));
        assert_eq!(term_key("confirmation"), term_key("confirms"));
        assert_eq!(term_key("election"), term_key("elected"));
        assert_eq!(term_key("announcement"), term_key("announced"));
        assert_eq!(term_key("approval"), term_key("approved"));
        assert_eq!(term_key("inquiry"), term_key("investigation"));
        // Words that merely end alike keep their own keys.
        assert_ne!(term_key("threat"), term_key("three"));
        assert_ne!(term_key("several"), term_key("sever"));
        assert_ne!(term_key("general"), term_key("generate"));
    }

    #[test]
    fn phrasal_verbs_mean_their_one_word_paraphrase() {
        let has =
            |sentence: &str, word: &str| keys_of(sentence).contains(&term_key(word).unwrap_or_default());
        assert!(has("Talvia will pull its troops out of the zone.", "withdraw"));
        assert!(has("The chief executive stepped down on Monday.", "resigned"));
        assert!(has("Dorn spoke after sitting down with Varga.", "met"));
        assert!(has("The union called the strike off.", "cancelled"));
        assert!(has("The two clans stopped fighting on Wednesday.", "truce"));
        assert!(!has("The fighting stopped the harvest.", "truce"));
        // Idioms of news reports: guns that fall silent, a river over its banks.
        assert!(has("Guns fall silent in Bardo.", "truce"));
        assert!(has("The guns have fallen silent along the border.", "ceasefire"));
        assert!(!has("The guns were sold at auction; the room fell silent.", "truce"));
        assert!(has("The Madeira River burst its banks on Monday.", "floods"));
        assert!(has("The hillside gave way shortly after 3 am.", "collapsed"));
        // Opening an inquiry is no opening of a bridge: the inquiry is the event.
        assert!(has("Prosecutors have opened an investigation into the collapse.", "investigated"));
        assert!(!has("Prosecutors have opened an investigation into the collapse.", "opened"));
        assert!(has("The bridge, which opened in 1968, was one of three crossings.", "opened"));
        assert!(!has("Talks gave way to protests.", "collapsed"));
        // An amount someone cuts, lowers or raises falls or rises.
        assert!(has("Grannvik trims milk price paid to farmers", "fell"));
        assert!(has("Dairy group Grannvik will lower the price it pays farmers.", "decrease"));
        assert!(has("Grannvik has reduced what it pays for a litre of milk.", "dropped"));
        assert!(has("Halvik had cut its offer at the last minute.", "decrease"));
        assert!(has("Norrail to raise fares by 6 percent.", "rose"));
        assert!(has("Rail fares will go up 6% in January.", "increase"));
        assert!(has("Unions fear job cuts.", "decrease"));
        assert!(!has("Signal failures cut off the line for six hours.", "decrease"));
        assert!(!has("A power cut hit the east of the city.", "decrease"));
        assert!(!has("The bill passed the lower house.", "decrease"));
        assert!(!has("Passenger groups raised concerns about the effect.", "increase"));
        assert!(!has("The campaign raised money for the hospital.", "increase"));
        assert!(!has("Halvik declined to comment.", "decrease"));
        assert!(has("Sales declined to 412 million francs.", "fell"));
        assert!(has("Heavy rain made the river overflow its banks.", "flooded"));
        assert!(!has("Investors voiced concerns over its banks.", "flooded"));
        assert!(!has("Walkers followed the river banks to the town.", "flooded"));
        // Talks that break down, fall through or fail ended unrealised, as talks called off,
        // scrapped or abandoned did; failing to do something is no such end.
        assert!(has("Negotiations broke down on Tuesday night.", "cancelled"));
        assert!(has("The deal fell through in March.", "cancel"));
        assert!(has("Harlow dockers vow to fight on as port talks fail", "cancel"));
        assert!(!has("Police failed to stop the convoy.", "collapse"));
        assert!(!has("Police failed to stop the convoy.", "cancel"));
        assert!(has("Brewery merger collapses in row over top job", "scrapped"));
        assert!(has(
            "Negotiations between dock workers and the Harlow Port Authority broke down on Tuesday.",
            "abandoned"
        ));
        assert!(has("Unions blamed the collapse of the pay talks on the company.", "cancelled"));
        // A structure that collapses fell down, whatever talks the sentence names after it.
        assert!(has("Bridge collapse in Olsk kills at least seven", "collapsed"));
        assert!(!has("Bridge collapse in Olsk kills at least seven", "cancelled"));
        assert!(has("The tunnel caved in after talks on its repair had stalled.", "collapsed"));
        // A deal, talks or a plan declared dead, over or off ended unrealised; people found dead
        // died, and a project over budget still runs.
        assert!(has("\"This deal is dead,\" the chief executive said.", "cancel"));
        assert!(has("Vogt said the talks were dead.", "cancel"));
        assert!(has("\"The talks are over,\" union leader Mira Dalton said.", "cancel"));
        assert!(has("Dalton said the merger was off.", "cancel"));
        assert!(has("Dalton said the talks were over and that the strike would go on.", "cancel"));
        assert!(!has("The project is over budget.", "cancel"));
        assert!(!has("Two men were dead when rescuers arrived.", "collapse"));
        assert!(!has("Two men were dead when rescuers arrived.", "cancel"));
        // Walking out of talks or withdrawing a bid ends them; troops withdrawn do not.
        assert!(has("Egypt walks out of Renaissance Dam talks", "cancelled"));
        assert!(has("Kessa has withdrawn its bid to host the Games.", "abandoned"));
        assert!(has("Talvia will pull its troops out of the zone.", "withdraw"));
        assert!(!has("Talvia will pull its troops out of the zone.", "cancel"));
        assert!(!has("Both sides signed the withdrawal agreement in May.", "cancel"));
        assert!(has("Egypt's delegation left the talks in Addis Ababa on Sunday.", "cancelled"));
        assert!(!has("The delegation left Addis Ababa on Sunday.", "cancelled"));
        assert!(has("A new round of talks ended without agreement on Sunday.", "cancelled"));
        assert!(!has("The match ended without goals.", "cancelled"));
        assert!(has("Two men were dead when rescuers arrived.", "killed"));
        assert!(has("Negotiations broke down on Tuesday night.", "talks"));
        // The particle must follow the verb, close enough.
        assert!(!has("Out of the blue, the rope was pulled.", "withdraw"));
        assert!(!has("He will pull the cart along the road out of town.", "withdraw"));
        assert!(!has("The price of a step went down.", "resigned"));
        // "Carry out" is doing what its object names, not carrying something.
        let carry = term_key("carrying").unwrap_or_default();
        assert!(has("Armed factions carried out 39 rocket attacks.", "conducted"));
        assert!(!keys_of("Armed factions carried out 39 rocket attacks.").contains(&carry));
        assert!(keys_of("Qaani is carrying new directives.").contains(&carry));
    }

    #[test]
    fn who_runs_a_company_and_who_scores_are_said_in_several_words() {
        let leads = |sentence: &str| keys_of(sentence).contains(&term_key("led").unwrap_or_default());
        assert!(leads("Tomas Brek would run the business until a successor is found."));
        assert!(leads("Mira Falk, who runs Aquaria, apologised."));
        assert!(leads("Anton Brel, who ran Tarvos city hall for a decade, was jailed."));
        // "Run" without an organisation as its object says nothing of who leads.
        assert!(!leads("His side had run out of energy."));
        assert!(!leads("The curfew will run from 10 pm to 6 am."));
        assert!(!leads("Nordline runs about 40 freight trains a day."));
        assert!(!leads("Trams stopped running in the centre."));
        assert!(!leads("The interview ran Tuesday in the weekend edition."));
        assert_eq!(term_key("scored"), term_key("goals"));
        assert_ne!(term_key("goals"), term_key("lead"));
    }

    #[test]
    fn a_measure_passed_or_voted_through_is_approved_and_one_opposed_is_rejected() {
        let approves = |sentence: &str| keys_of(sentence).contains(&term_key("approved").unwrap_or_default());
        assert!(approves("The measure passed by 41 votes to 22 after a five-hour debate."));
        assert!(approves("Parliament passed a new law on Thursday."));
        assert!(approves("Regional lawmakers voted through a 3-euro nightly charge."));
        // Nothing legislative passes here.
        assert!(!approves("Benet landslides bury homes as Hagan passes."));
        assert!(!approves("The bridge passed its last safety inspection in January."));
        assert!(!approves("Residents said the night passed quietly."));
        assert!(!approves("Twenty-two members voted against."));
        assert_eq!(term_key("opposed"), term_key("rejected"));
        // The opposition is a party, not a refusal.
        assert_ne!(term_key("opposition"), term_key("rejected"));
    }

    #[test]
    fn a_measure_carried_backed_voted_for_or_winning_its_vote_is_approved() {
        let approval = term_key("approved").unwrap_or_default();
        let approves = |sentence: &str| keys_of(sentence).contains(&approval);
        assert!(approves("The motion was carried by 27 votes to 9."));
        assert!(approves("Forty-one members backed the tax and 22 voted against."));
        assert!(approves("Councillors voted for a ban on smoking on the beaches."));
        assert!(approves("Beach smoking ban wins council vote"));
        // The vote of an approval is that approval, not an election.
        assert_eq!(
            keys_of("The measure passed by 41 votes to 22.").iter().filter(|k| **k == approval).count(),
            2
        );
        // Backing a person, a candidate winning a vote, work carried out: no measure approved.
        assert!(!approves("Fans backed the striker after the defeat."));
        assert!(!approves("Anna Berg wins the party vote."));
        assert!(!approves("The tax office carried out 300 checks."));
        assert!(!approves("Voters go to the polls to vote for a new mayor."));
    }

    #[test]
    fn needs_that_are_met_are_no_meeting() {
        let meet = term_key("meet").unwrap_or_default();
        assert!(keys_of("Kadhimi met Biden in the Oval Office.").contains(&meet));
        assert!(keys_of("The two leaders will meet on Monday.").contains(&meet));
        assert!(!keys_of("Security needs are best met by local forces.").contains(&meet));
        assert!(!keys_of("Protesters were met with tear gas.").contains(&meet));
    }

    #[test]
    fn opposite_events_and_people_counts() {
        let sides =
            |words: &[&str]| words.iter().filter_map(|w| term_key(w)).fold(0, |b, k| b | event_sides(&k));
        assert!(opposite_events(sides(&["fell"]), sides(&["recovered"])));
        assert!(opposite_events(sides(&["halted"]), sides(&["resume"])));
        assert!(!opposite_events(sides(&["fell", "recovered"]), sides(&["recovered"])));
        assert!(!opposite_events(sides(&["fell"]), sides(&["dropped"])));
        assert_eq!(term_key("halted"), term_key("stopped"));
        assert!(counts_people(&stem("miners")) && counts_people(&stem("workers")));
        assert!(!counts_people(&stem("ships")));
    }

    #[test]
    fn event_classes_are_what_happened_not_who() {
        assert!(term_key("agreed").is_some_and(|k| is_event_class(&k)));
        assert!(term_key("summit").is_some_and(|k| is_event_class(&k)));
        assert!(!term_key("soldiers").is_some_and(|k| is_event_class(&k)));
        assert!(!term_key("iraqi").is_some_and(|k| is_event_class(&k)));
        assert!(!term_key("presence").is_some_and(|k| is_event_class(&k)));
    }

    #[test]
    fn role_nouns_are_found_by_key_and_prefixes_say_nothing() {
        assert!(term_key("minister").is_some_and(|k| is_role_word(&k)));
        assert!(term_key("president").is_some_and(|k| is_role_word(&k)));
        assert!(!term_key("attack").is_some_and(|k| is_role_word(&k)));
        assert_eq!(term_key("pro"), None);
        assert_eq!(term_key("anti"), None);
    }
}
