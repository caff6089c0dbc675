//! What a sentence says of the events it names, beyond the words themselves: which it tells as
//! to come ("will meet", "would continue until ... is brought") and which as done ("met",
//! "brought", "has resigned"), which it calls a further occurrence ("*another* round") and who
//! it says is speaking ("Strand said", "said Maria Souza"). Two sentences that share an event
//! word but disagree on these tell different facts: a forecast and a report, two rounds of
//! talks, two people's claims (see `align/`).

use crate::text::{Token, SPEECH_VERBS};

use super::clauses::{is_clause_mark, RELATIVE_PRONOUNS};
use super::terms::is_past_form;

/// Words that put what follows them (up to the next punctuation) in the conditional or make it
/// an open question ("examining whether an earthquake caused the collapse"), beside the shared
/// future and intent words ([`is_modal_marker`]): not a report of something done.
const MODAL_MARKERS: &[&str] = &["could", "might", "may", "whether", "if"];
/// True when the folded word puts what follows it in the future or the conditional: a future or
/// schedule word ([`crate::text::is_future_word`]), a word of intent, threat or promise
/// ([`crate::text::INTENT_WORDS`]) or one of [`MODAL_MARKERS`].
fn is_modal_marker(norm: &str) -> bool {
    crate::text::is_future_word(norm)
        || crate::text::INTENT_WORDS.contains(&norm)
        || MODAL_MARKERS.contains(&norm)
}
/// Verbs whose "to" reports what was done ("managed to bring", "began to fall"): every other
/// infinitive tells an aim, a plan or a commitment ("plan to protest", "agreed to withdraw", a
/// headline's "leaders to meet"), not a deed.
const IMPLICATIVE: &[&str] = &[
    "managed",
    "manages",
    "began",
    "begun",
    "begins",
    "started",
    "starts",
    "continued",
    "continues",
    "helped",
    "helps",
    "used",
    "went",
];
/// How many words after a modal marker it governs at most.
const MODAL_SCOPE: usize = 12;
/// Words that make the event word right after them another occurrence than the one reported
/// ("is expected to host *another* round").
const ANOTHER: &[&str] = &["another", "next"];
/// One sentence's stance toward its event words, as term keys (the keys of `terms.rs`, in
/// context).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Stance {
    /// Keys told as to come or as possible (in the scope of an [`is_modal_marker`] word).
    pub modal: Vec<String>,
    /// Keys told in a past form outside any modal scope: done.
    pub past: Vec<String>,
    /// Keys right after "another" or "next".
    pub another: Vec<String>,
    /// Keys written in the plural somewhere in the sentence ("attacks"): a series, which
    /// "another attack" adds to rather than contradicts.
    pub plural: Vec<String>,
    /// Keys of the capitalised words naming who speaks ("Strand said", "said Maria Souza",
    /// "according to Norcastle").
    pub speakers: Vec<String>,
    /// The speakers named in an attribution after what they report (", Nordgrid spokesperson
    /// Ana Lind said.", "according to Norcastle"): a source, not an actor of the fact. A speaker
    /// whose speech is the fact ("The militia denied responsibility") is not one.
    pub sources: Vec<String>,
    /// Keys written only as a participle describing the noun right after it ("*falling* demand",
    /// "*soaring* energy bills"): a description of a thing, not the event the sentence reports.
    pub attributive: Vec<String>,
    /// Keys written only where an event names the thing or person the sentence is about: a
    /// relative clause set off by a comma ("Anton Grell, *who was arrested* on Wednesday, had
    /// been warned", "The Veda bridge, *which collapsed* on Tuesday, passed its inspection") or
    /// a past participle opening a noun phrase ("*Collapsed* Olsk bridge was declared safe").
    /// Such an event identifies; what the sentence reports is the rest.
    pub identifying: Vec<String>,
    /// A verb of saying or "according to" stands in the sentence: what it tells is someone's
    /// account ("World butter prices have dropped, the dairy said"), named or not.
    pub said: bool,
}

/// Reads the stance of a sentence's tokens (`text` is the sentence, for punctuation between
/// tokens; `keys` are the tokens' keys in context, [`keys_of_tokens`](super::terms::keys_of_tokens)).
pub fn stance_of(text: &str, toks: &[Token<'_>], keys: &[Option<String>]) -> Stance {
    let mut stance = Stance::default();
    // A punctuation mark between two tokens ends a modal scope ("would meet Kadhemi, the pace
    // intensified").
    let punct_before = |i: usize| {
        i > 0
            && text
                .get(toks[i - 1].end..toks[i].start)
                .unwrap_or("")
                .chars()
                .any(|c| matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')' | '"' | '“' | '”'))
    };
    let mut in_scope = vec![false; toks.len()];
    for (i, tok) in toks.iter().enumerate() {
        if !is_modal_marker(&tok.norm) || is_month_name(tok) {
            continue;
        }
        for k in i + 1..toks.len().min(i + 1 + MODAL_SCOPE) {
            if punct_before(k) || SPEECH_VERBS.contains(&toks[k].norm.as_str()) {
                break;
            }
            in_scope[k] = true;
        }
    }
    // The verb of an infinitive (an adverb between them skipped: "to formally end").
    for (i, tok) in toks.iter().enumerate() {
        let implicative = i > 0 && IMPLICATIVE.contains(&toks[i - 1].norm.as_str());
        if tok.norm != "to" || implicative {
            continue;
        }
        let verb = (i + 1..toks.len().min(i + 3)).find(|&k| !toks[k].norm.ends_with("ly") || punct_before(k));
        if let Some(k) = verb.filter(|&k| !punct_before(k)) {
            in_scope[k] = true;
        }
    }
    for (i, tok) in toks.iter().enumerate() {
        let Some(key) = keys[i].clone() else { continue };
        if tok.text.starts_with(char::is_uppercase) && i > 0 {
            continue;
        }
        if in_scope[i] {
            stance.modal.push(key.clone());
        } else if is_past_form(&tok.norm) || past_progressive(toks, i) {
            stance.past.push(key.clone());
        }
        if is_plural(&tok.norm) {
            stance.plural.push(key.clone());
        }
        if i > 0 && ANOTHER.contains(&toks[i - 1].norm.as_str()) {
            stance.another.push(key);
        }
    }
    // Participles before their noun, and events that identify, unless the same key is also told
    // as an event elsewhere in the sentence.
    stance.attributive = keys_only_where(keys, |i| describes_next(text, toks, keys, i));
    let identifying = identifying_tokens(text, toks);
    stance.identifying = keys_only_where(keys, |i| identifying[i]);
    (stance.speakers, stance.sources) = speakers(text, toks, keys);
    stance.said = toks
        .iter()
        .enumerate()
        .any(|(i, t)| SPEECH_VERBS.contains(&t.norm.as_str()) || according_to(toks, i));
    for list in [
        &mut stance.modal,
        &mut stance.past,
        &mut stance.another,
        &mut stance.plural,
        &mut stance.speakers,
        &mut stance.sources,
        &mut stance.attributive,
        &mut stance.identifying,
    ] {
        list.sort_unstable();
        list.dedup();
    }
    stance
}

/// A plural noun's shape: a final "s" that is not "ss", "us" or "is" ("attacks", not "process",
/// "status", "crisis"). Verbs in "-s" pass too; they only matter where "another" names the word.
fn is_plural(norm: &str) -> bool {
    norm.len() > 3 && norm.ends_with('s') && !["ss", "us", "is"].iter().any(|e| norm.ends_with(e))
}

/// "May" written as a month is no modal verb ("in May").
fn is_month_name(tok: &Token<'_>) -> bool {
    tok.norm == "may" && tok.text.starts_with('M')
}

/// Whether token `i` is the "to" of "according to", which names the source after it.
fn according_to(toks: &[Token<'_>], i: usize) -> bool {
    toks[i].norm == "to" && i > 0 && toks[i - 1].norm == "according"
}

/// Keys of the capitalised words right before a speech verb ("Governor Ana Mirek said"), right
/// after one ("said Maria Souza") or after "according to".
/// Also returns, apart, the speakers of an attribution after the report ([`Stance::sources`]):
/// "according to", a speech verb among the sentence's last words after a report of its own, or a
/// speech verb after the quotation that opens the sentence ("'The talks are over,' union leader
/// Mira Dalton told reporters outside the port offices").
fn speakers(text: &str, toks: &[Token<'_>], keys: &[Option<String>]) -> (Vec<String>, Vec<String>) {
    let capitalised = |k: usize| toks.get(k).is_some_and(|t| t.text.starts_with(char::is_uppercase));
    let mut out = Vec::new();
    let mut sources = Vec::new();
    let take = |k: usize, out: &mut Vec<String>| {
        if let Some(key) = keys.get(k).cloned().flatten() {
            out.push(key);
        }
    };
    for (i, tok) in toks.iter().enumerate() {
        let speech = SPEECH_VERBS.contains(&tok.norm.as_str());
        let according = according_to(toks, i);
        let before = out.len();
        if speech {
            let mut k = i;
            // The speaker's role and body belong to the source too ("Nordgrid spokesperson Ana
            // Lind said").
            let role =
                |k: usize| keys.get(k).cloned().flatten().is_some_and(|key| super::terms::is_role_word(&key));
            while k > 0 && (capitalised(k - 1) || (k < i && role(k - 1))) && i - k < 4 {
                k -= 1;
                take(k, &mut out);
            }
        }
        // After its speaker, a verb of saying that opens reported speech ("Vogt said the deal
        // was dead", "Amsel said Halvik had cut its offer"): the words after it are the report,
        // and the speaker its source, as a quotation's is.
        if speech && out.len() > before && opens_reported_speech(toks, i) {
            sources.extend(out[before..].iter().cloned());
        }
        if speech || according {
            let mut k = i + 1;
            // "according to the ministry": an article before the name is skipped.
            if according && toks.get(k).is_some_and(|t| t.norm == "the") {
                k += 1;
            }
            while capitalised(k) && k <= i + 3 {
                take(k, &mut out);
                k += 1;
            }
        }
        // A trailing attribution: the speech verb among the last words, with a report of at
        // least ATTRIBUTION_REPORT words before its speakers.
        let trailing =
            speech && i + ATTRIBUTION_TAIL >= toks.len() && i >= ATTRIBUTION_REPORT + (out.len() - before);
        if according || trailing || (speech && after_opening_quote(text, tok.start)) {
            sources.extend(out[before..].iter().cloned());
        }
    }
    (out, sources)
}

/// Words that open the clause a verb of saying reports ("said *that* ...", "said *the* deal was
/// dead", "said *it* would ...").
const REPORT_OPENERS: &[&str] = &[
    "that", "the", "a", "an", "it", "he", "she", "they", "we", "i", "its", "his", "her", "their", "there",
    "no",
];

/// Whether the verb of saying at token `i` ([`REPORTING_VERBS`](crate::text::REPORTING_VERBS))
/// opens a clause it reports: "that", a determiner or a pronoun, or a capitalised name other than
/// a day or a month ("said Halvik had cut", not "said Tuesday"), with a report of at least
/// [`ATTRIBUTION_REPORT`] words.
fn opens_reported_speech(toks: &[Token<'_>], i: usize) -> bool {
    let Some(next) = toks.get(i + 1) else { return false };
    let calendar = crate::text::is_calendar_word(&next.norm);
    crate::text::REPORTING_VERBS.contains(&toks[i].norm.as_str())
        && toks.len() > i + ATTRIBUTION_REPORT
        && (REPORT_OPENERS.contains(&next.norm.as_str())
            || (next.text.starts_with(char::is_uppercase) && !calendar))
}

/// Whether the sentence opens with a quotation that closes before byte `at`: what is said there
/// is the report, whoever the words after it name is its source.
fn after_opening_quote(text: &str, at: usize) -> bool {
    let body = text.trim_start();
    let skipped = text.len() - body.len();
    let Some(rest) = body.strip_prefix(['"', '“', '«']) else { return false };
    let open = skipped + (body.len() - rest.len());
    text.get(open..at).is_some_and(|between| between.contains(['"', '”', '»']))
}

/// Words at the end of a sentence within which a speech verb attributes what comes before it.
const ATTRIBUTION_TAIL: usize = 5;
/// Words a report must have before its attribution.
const ATTRIBUTION_REPORT: usize = 4;

/// A progressive form after a past auxiliary ("had been *losing* money", "was *fighting*"): told
/// as done, as a past form is.
fn past_progressive(toks: &[Token<'_>], i: usize) -> bool {
    i > 0
        && toks[i].norm.len() > 4
        && toks[i].norm.ends_with("ing")
        && matches!(toks[i - 1].norm.as_str(), "been" | "was" | "were")
}

/// Determiners and numbers after an "-ing" form make it a verb with its object ("raising *the*
/// price", "cutting *1,800* jobs"), not a description of the noun.
const OBJECT_OPENERS: &[&str] =
    &["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "some"];

/// Whether the token at `i` is an "-ing" participle describing the content word right after it,
/// with nothing between them ("falling demand", "soaring energy bills").
fn describes_next(text: &str, toks: &[Token<'_>], keys: &[Option<String>], i: usize) -> bool {
    let (Some(tok), Some(next)) = (toks.get(i), toks.get(i + 1)) else { return false };
    let after_be =
        i > 0 && matches!(toks[i - 1].norm.as_str(), "is" | "are" | "was" | "were" | "been" | "be");
    tok.norm.len() > 4
        && tok.norm.ends_with("ing")
        && !after_be
        && keys.get(i + 1).is_some_and(Option::is_some)
        && !next.text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !OBJECT_OPENERS.contains(&next.norm.as_str())
        && text.get(tok.end..next.start).is_some_and(|gap| gap.chars().all(char::is_whitespace))
}

/// Words after which a past participle opens a noun phrase ("the *sunken* ferry").
const PHRASE_OPENERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "this", "that"];

/// The keys of the tokens where `at` holds, less those also written where it does not.
fn keys_only_where(keys: &[Option<String>], at: impl Fn(usize) -> bool) -> Vec<String> {
    let (mut there, mut elsewhere) = (Vec::new(), Vec::new());
    for (i, key) in keys.iter().enumerate() {
        let Some(key) = key else { continue };
        if at(i) {
            there.push(key.clone());
        } else {
            elsewhere.push(key);
        }
    }
    there.retain(|k| !elsewhere.contains(&k));
    there
}

/// Per token, whether it sits where an event names what the sentence is about (see
/// [`Stance::identifying`]): from a relative pronoun right after a comma to the next punctuation
/// mark or the sentence's end, and a past participle before its noun after a determiner ("the
/// arrested mayor") or opening the sentence before a name ("Collapsed Olsk bridge").
fn identifying_tokens(text: &str, toks: &[Token<'_>]) -> Vec<bool> {
    let gap = |i: usize| if i == 0 { "" } else { text.get(toks[i - 1].end..toks[i].start).unwrap_or("") };
    let punct = |g: &str| g.chars().any(is_clause_mark);
    let mut out = vec![false; toks.len()];
    let mut in_clause = false;
    for (i, tok) in toks.iter().enumerate() {
        if punct(gap(i)) {
            in_clause = RELATIVE_PRONOUNS.contains(&tok.norm.as_str());
        }
        // At the sentence's start only before a name ("Arrested Velmar mayor"): "Injured
        // workers were flown to hospital" tells the injuries.
        let opens_phrase = |next: &Token<'_>| {
            if i == 0 {
                next.text.starts_with(char::is_uppercase)
            } else {
                PHRASE_OPENERS.contains(&toks[i - 1].norm.as_str())
            }
        };
        let participle = (tok.norm.ends_with("ed") || tok.norm.ends_with("en"))
            && is_past_form(&tok.norm)
            && toks.get(i + 1).is_some_and(|next| {
                opens_phrase(next)
                    && !OBJECT_OPENERS.contains(&next.norm.as_str())
                    && gap(i + 1).chars().all(char::is_whitespace)
            });
        out[i] = in_clause || participle;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::terms::{keys_of_tokens, term_key};
    use crate::text::tokens;

    fn stance(text: &str) -> Stance {
        let toks = tokens(text);
        stance_of(text, &toks, &keys_of_tokens(&toks))
    }

    fn key(word: &str) -> String {
        term_key(word).unwrap_or_default()
    }

    #[test]
    fn a_vow_tells_its_event_as_to_come_and_a_report_as_done() {
        let vow = stance("\"We will not stop until every one of them is brought to the surface,\" he said.");
        assert!(vow.modal.contains(&key("brought")));
        assert!(!vow.past.contains(&key("brought")));
        let report = stance("Rescuers brought the last of the trapped miners to the surface on Thursday.");
        assert!(report.past.contains(&key("brought")));
        assert!(report.modal.is_empty());
    }

    #[test]
    fn an_event_that_names_what_the_sentence_is_about_identifies_it() {
        let relative = stance("Anton Grell, who was arrested on Wednesday, had been warned by auditors.");
        assert!(relative.identifying.contains(&key("arrested")));
        assert!(!relative.identifying.contains(&key("warned")));
        let participle = stance("Collapsed Olsk bridge was declared safe in January");
        assert!(participle.identifying.contains(&key("collapsed")));
        // Told as what happened, or as the people it happened to, it does not identify.
        let told = stance("Police arrested the mayor, who denied wrongdoing.");
        assert!(!told.identifying.contains(&key("arrested")));
        assert!(stance("Injured workers were flown to hospital.").identifying.is_empty());
    }

    #[test]
    fn an_infinitive_tells_an_aim_unless_its_verb_reports_a_deed() {
        assert!(stance("Farmers' groups plan to protest outside the venue.").modal.contains(&key("protest")));
        assert!(stance("Leaders to meet in Garda on water deal").modal.contains(&key("meet")));
        let deed = stance("Rescuers managed to bring the miners out.");
        assert!(!deed.modal.contains(&key("bring")));
    }

    #[test]
    fn a_comma_ends_what_would_governs() {
        let s = stance("After the White House confirmed that Trump would meet him, the pace intensified.");
        assert!(s.modal.contains(&key("meet")));
        assert!(s.past.contains(&key("intensified")));
        assert!(!s.modal.contains(&key("intensified")));
    }

    #[test]
    fn another_round_is_another_occurrence() {
        let s = stance("The African Union is expected to host another round before the end of the month.");
        assert!(s.another.contains(&key("round")));
        assert!(stance("A new round of talks opened in Addis Ababa.").another.is_empty());
        assert!(stance("Attacks rose, with another attack on Tuesday.").plural.contains(&key("attack")));
    }

    #[test]
    fn speakers_are_read_before_and_after_the_speech_verb() {
        assert_eq!(stance("Strand said inflation had slowed.").speakers, [key("strand")]);
        let mut souza = vec![key("maria"), key("souza")];
        souza.sort();
        assert_eq!(stance("\"It rose fast,\" said Maria Souza, 52.").speakers, souza);
        assert_eq!(stance("The men were deep below, according to Norcastle.").speakers, [key("norcastle")]);
        assert!(stance("The minister said the talks would resume.").speakers.is_empty());
        // A trailing attribution names a source; a speaker whose speech is the fact does not.
        let lind = stance("Power went out at 7:45 pm, Nordgrid spokesperson Ana Lind said.");
        assert_eq!(lind.sources, lind.speakers);
        assert!(!lind.sources.is_empty());
        assert!(stance("The Popular Mobilization Forces denied responsibility.").sources.is_empty());
        // So does the speaker of a quotation that opens the sentence, however long the
        // attribution after it; a speaker before the quotation's words does not.
        let dalton = stance(
            "\"The talks are over,\" union leader Mira Dalton told reporters outside the port offices.",
        );
        assert!(dalton.sources.contains(&key("dalton")));
        // A speaker before reported speech is its source too; whom the report names is not.
        let dalton = stance("Dalton said the talks were over, \"for good\", on Tuesday.");
        assert_eq!(dalton.sources, [key("dalton")]);
        let amsel = stance("Tessel chairman Rolf Amsel said Halvik had cut its offer at the last minute.");
        assert!(amsel.sources.contains(&key("amsel")));
        assert!(!amsel.sources.contains(&key("halvik")));
        // A speaker whose words the sentence does not report stays who acts.
        assert!(stance("Varga told reporters on Tuesday.").sources.is_empty());
        assert!(stance("Chief executive Ines Vogt said on Monday.").sources.is_empty());
    }
}
