//! Word forms: a light English stemmer, so "killing" finds "killed" and "kills", "strikes" finds
//! "struck" and "withdrawal" finds "withdraw".
//!
//! It removes inflections only (plural and third-person `-s`/`-es`/`-ies`, `-ed`, `-ing`), plus
//! a short table of irregular forms and of nouns made from verbs by `-al`. Derivations that change
//! the meaning ("national" from "nation") are left alone. Names are never stemmed: the index puts
//! only ordinary words (terms mostly written in lower case) into stem groups, and a query word
//! that is a name gets no stem expansion (see [`super::SearchIndex::build`]).

/// Irregular forms and `-al` nouns, each with the form its regular relatives stem to. Three-letter
/// forms that are also other words ("met": the Met Office) are left out.
const IRREGULAR: &[(&str, &str)] = &[
    ("approval", "approve"),
    ("arrival", "arrive"),
    ("began", "begin"),
    ("begun", "begin"),
    ("brought", "bring"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("denial", "deny"),
    ("dismissal", "dismiss"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("fallen", "fall"),
    ("fell", "fall"),
    ("fled", "flee"),
    ("fought", "fight"),
    ("gave", "give"),
    ("given", "give"),
    ("held", "hold"),
    ("men", "man"),
    ("proposal", "propose"),
    ("refusal", "refuse"),
    ("removal", "remove"),
    ("renewal", "renew"),
    ("risen", "rise"),
    ("rose", "rise"),
    ("sought", "seek"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("struck", "strike"),
    ("survival", "survive"),
    ("taken", "take"),
    ("took", "take"),
    ("told", "tell"),
    ("withdrawal", "withdraw"),
    ("withdrawals", "withdraw"),
    ("withdrawn", "withdraw"),
    ("withdrew", "withdraw"),
    ("women", "woman"),
    ("won", "win"),
    ("wrote", "write"),
    ("written", "write"),
];

/// Words ending like an inflection that are not one.
const NOT_INFLECTED: &[&str] = &["news", "species", "series", "during", "nothing", "something", "anything"];

fn has_vowel(s: &str) -> bool {
    s.bytes().any(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
}

/// The stem of a folded word, or `None` for words the stemmer leaves alone (not plain ASCII
/// letters, shorter than three letters). Two words with the same stem are forms of one word.
pub(crate) fn stem(word: &str) -> Option<String> {
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if let Some((_, base)) = IRREGULAR.iter().find(|(form, _)| *form == word) {
        return stem(base);
    }
    if NOT_INFLECTED.contains(&word) {
        return Some(word.to_string());
    }
    let mut s = word.to_string();
    let mut drop_e = true;
    if let Some(base) = s.strip_suffix("ies").filter(|b| b.len() >= 2) {
        s = format!("{base}y");
    } else if let Some(base) = s.strip_suffix("ied").filter(|b| b.len() >= 2) {
        s = format!("{base}y");
    } else if s.ends_with("sses") {
        s.truncate(s.len() - 2);
    } else if s.ends_with("ss") || s.ends_with("us") || s.ends_with("is") {
        // "press", "status", "crisis": not plurals.
    } else if let Some(base) =
        ["ches", "shes", "xes", "zes"].iter().find_map(|end| s.strip_suffix(end).map(|b| (b, end.len())))
    {
        let keep = base.0.len() + base.1 - 2;
        s.truncate(keep);
    } else if s.ends_with('s') {
        s.pop();
    } else if let Some(base) = s.strip_suffix("ing").filter(|b| b.len() >= 3 && has_vowel(b)) {
        s = undouble(base);
    } else if let Some(base) = s.strip_suffix("ed").filter(|b| b.len() >= 3 && has_vowel(b)) {
        // "evacuated" -> "evacuat", which is where "evacuate" goes without its "e".
        s = undouble(base);
        drop_e = false;
    }
    if drop_e && s.len() > 3 && s.ends_with('e') && !s.ends_with("ee") {
        s.pop();
    }
    Some(s)
}

/// "stopp" -> "stop", "plann" -> "plan"; "kill", "press" and "buzz" keep their double letter.
fn undouble(base: &str) -> String {
    let b = base.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'e' | b'o') {
        base[..n - 1].to_string()
    } else {
        base.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(words: &[&str]) {
        let stems: Vec<Option<String>> = words.iter().map(|w| stem(w)).collect();
        assert!(stems.windows(2).all(|w| w[0] == w[1]), "{words:?} stem to {stems:?}");
    }

    fn different(a: &str, b: &str) {
        assert_ne!(stem(a), stem(b), "{a} and {b}");
    }

    #[test]
    fn inflections_of_one_word_share_a_stem() {
        same(&["kill", "kills", "killed", "killing"]);
        same(&["troop", "troops"]);
        same(&["strike", "strikes", "striking", "struck"]);
        same(&["withdraw", "withdraws", "withdrawing", "withdrawal", "withdrew", "withdrawn"]);
        same(&["evacuate", "evacuated", "evacuates", "evacuating"]);
        same(&["stop", "stopped", "stopping", "stops"]);
        same(&["party", "parties"]);
        same(&["march", "marches", "marched"]);
        same(&["agree", "agrees", "agreeing"]);
        same(&["protest", "protests", "protested", "protesting"]);
        same(&["vote", "votes", "voted", "voting"]);
    }

    #[test]
    fn words_that_only_look_inflected_keep_their_meaning() {
        different("news", "new");
        different("crisis", "cris");
        different("press", "pres");
        different("status", "statu");
        different("king", "k");
        assert_eq!(stem("us"), None);
        assert_eq!(stem("kadhimi’s"), None);
        assert_eq!(stem("2020"), None);
    }
}
