//! The site speaking to its reader: a line that says "you" and "we" outside quotation marks, and an
//! appeal for money or a sign-up.

/// Words by which a page speaks to its reader ("you", the formal German "Sie" only capitalised,
/// see [`reader_address`]), lower case: the one list the cleaner reads "you" from, for the
/// site's words below the report as for the prompts, cookie notices and footers of
/// [`crate::clean::furniture`].
const READER_WORDS: &[&str] = &[
    "you", "your", "yours", "you're", "you’re", "du", "dich", "dir", "dein", "deine", "deinen", "vous",
    "votre", "vos", "usted", "ustedes", "jij", "jouw",
];
/// The formal German "you", capitalised mid-sentence.
const FORMAL_READER_WORDS: &[&str] = &["Sie", "Ihr", "Ihre", "Ihnen", "Ihren", "Ihrem", "Ihrer"];
/// Words by which a site speaks of itself ("we", "our"), lower case.
const HOUSE_WORDS: &[&str] = &[
    "we", "our", "us", "we're", "we’re", "wir", "uns", "unser", "unsere", "unseren", "unserem", "nous",
    "notre", "nos", "nosotros", "nuestro", "nuestra", "nuestros", "nuestras", "wij", "ons", "onze",
];
/// Stems by which a site asks its reader to pay, subscribe, sign up or donate, lower case, in the
/// languages of [`READER_WORDS`] ("abonn" is German, French and Dutch; "unterstütz" German).
const SUPPORT_CUES: &[&str] = &[
    "subscri",
    "sign up",
    "newsletter",
    "donat",
    "support",
    "membership",
    "become a member",
    "premium",
    "abonn",
    "unterstütz",
    "spende",
    "soutenez",
    "soutenir",
    "soutien",
    "suscri",
    "donaci",
    "apoy",
    "steun",
    "lid worden",
    "word lid",
];
/// What a line says to its reader, outside quotation marks (a quote's "you" and "we" are the
/// speaker's): whether it speaks to them ([`READER_WORDS`]) and whether it speaks of "we"
/// ([`HOUSE_WORDS`]). Words between a pair of quotation marks are left out ("„Guten Morgen“:
/// Unser Newsletter bringt Ihnen …" speaks to the reader); a line with a quotation mark left
/// open (a quote running on from the line before or into the next) says neither.
pub(crate) fn reader_address(line: &str) -> (bool, bool) {
    let is_quote_mark = |c: char| matches!(c, '"' | '“' | '”' | '„' | '«' | '»');
    if line.chars().filter(|&c| is_quote_mark(c)).count() % 2 == 1 {
        return (false, false);
    }
    // Most lines quote nothing: they are read as they are, with no copy.
    let unquoted: std::borrow::Cow<'_, str> = if line.contains(is_quote_mark) {
        let mut quoted = false;
        line.chars()
            .filter(|&c| {
                quoted ^= is_quote_mark(c);
                !quoted && !is_quote_mark(c)
            })
            .collect::<String>()
            .into()
    } else {
        line.into()
    };
    let (mut you, mut we) = (false, false);
    let mut sentence_start = true;
    // Whether the word before was capitalised and not the sentence's first: a name goes on.
    let mut in_name = false;
    for word in unquoted.split_whitespace() {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = w.to_lowercase();
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        // A capitalised "Sie" or "Ihnen" opening a sentence or a clause after a colon may be
        // "they", "them" ("… vom schiitischen Islam. Sie machen drei Prozent aus", "Es ist klar:
        // Ihnen geht das nicht weit genug"). A capitalised word right after a name is the name's
        // ("Yuhuan Du").
        let reader_word = READER_WORDS.contains(&lower.as_str()) && !(capitalised && in_name);
        you |= reader_word || (!sentence_start && FORMAL_READER_WORDS.contains(&w));
        let ends_sentence =
            word.trim_end_matches(['"', '”', '’', '\'', ')', '»']).ends_with(['.', '!', '?', ':']);
        in_name = capitalised && !sentence_start && !ends_sentence;
        sentence_start = ends_sentence;
        // "US" in capitals is the country.
        we |= HOUSE_WORDS.contains(&lower.as_str()) && !(w.len() > 1 && w.chars().all(|c| c.is_uppercase()));
    }
    (you, we)
}

/// True when `line` asks its reader for money or a sign-up ([`SUPPORT_CUES`]); whether it speaks
/// to the reader is [`reader_address`]'s to say.
pub(crate) fn asks_for_support(line: &str) -> bool {
    let lower = line.to_lowercase();
    SUPPORT_CUES.iter().any(|cue| lower.contains(cue))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_speaks_to_its_reader_outside_quotation_marks() {
        assert_eq!(reader_address("Follow us on Google News to see our stories in your feed."), (true, true));
        assert_eq!(reader_address("Sollten Ihnen Fehler aufgefallen sein, schreiben Sie uns."), (true, true));
        assert_eq!(reader_address("Abonniere den Kanal und du bekommst unsere News."), (true, true));
        assert_eq!(reader_address("We noticed you’re using an ad blocker."), (true, true));
        // A quote's "you" and "we" are the speaker's; "US" in capitals is the country; "Sie"
        // opening a sentence may be "they".
        assert_eq!(reader_address("“We will not leave you behind,” the minister said."), (false, false));
        assert_eq!(reader_address("The US said the talks would go on."), (false, false));
        assert_eq!(reader_address("Sie sagten, die Gespräche gingen weiter."), (false, false));
        assert_eq!(reader_address("Viele leben im Süden. Sie machen drei Prozent aus."), (false, false));
        assert_eq!(reader_address("Es ist klar: Ihnen geht das nicht weit genug."), (false, false));
        assert_eq!(reader_address("The council said it would meet again in May."), (false, false));
        assert_eq!(
            reader_address("„Guten Morgen“: Unser Newsletter bringt Ihnen die Nachrichten."),
            (true, true)
        );
        assert_eq!(reader_address("He said: “You will see.” She left."), (false, false));
        assert_eq!(reader_address("“You will see,” she said, “we always win."), (false, false));
        // A surname is not the German "you"; a sentence after a name may open with "You".
        assert_eq!(
            reader_address("We thank everyone who worked on it: Peng Kang and Yuhuan Du."),
            (false, true)
        );
        assert_eq!(reader_address("Oh, RiRi. You truly are an icon."), (true, false));
    }

    #[test]
    fn an_appeal_asks_for_money_or_a_sign_up_in_any_of_the_page_languages() {
        assert!(asks_for_support("If you value what we do, please become a member today."));
        assert!(asks_for_support("Dann machen Sie mit und unterstützen Sie unsere Aktion."));
        assert!(asks_for_support("C’est la promesse de nos offres PREMIUM : vous fournir des analyses."));
        assert!(!asks_for_support("The council said it would meet again in May."));
    }
}
