//! Metadata a page states in its text: "Posted by News Desk | July 27, 2021", "By Jane Roe ·
//! Updated 10:42 AM EDT, Tue August 3, 2021", "Posted on May 4, 2020 by Ellen", and the owner named
//! by a copyright line ("© 2021 Example News. All rights reserved.").

use super::dates::{parse_date_line, DateLine};
use super::lines::{ends_like_sentence, words_up_to};

/// Prefixes that introduce an author's name (lower case, with their trailing space), in the
/// languages of the pages: "By Jane Roe", "Von Ulrich Exner", "Par Laurence Defranoux", "Door …",
/// "Di …", "Av …". The one list of byline openers: headline blocks, metadata lines and the
/// people a page names all read bylines through [`byline_name`]. The second field says the
/// opener also begins ordinary sentences and headlines ("Di Maio attacca il governo", "Von
/// München bis Aachen: …"), so only names may follow it; "By" and "Posted by" begin bylines
/// even when a date or a link is glued on ("By Drew DeSilverLeave a comment").
const BYLINE_PREFIXES: &[(&str, bool)] = &[
    ("posted by ", false),
    ("written by ", false),
    ("words by ", false),
    ("story by ", false),
    ("text by ", false),
    ("by ", false),
    ("author: ", false),
    ("reporter: ", false),
    ("von ", true),
    ("par ", true),
    ("por ", true),
    ("door ", true),
    ("di ", true),
    ("av ", true),
];
/// "And" in the pages' languages, joining the names of a list ("Sarah Charlton and Tanya Zack").
const NAME_ANDS: &[&str] = &["and", "und", "et", "y", "e", "en", "och", "og", "&"];
/// Particles a name may hold in lower case ("Ludwig van Beethoven"). Any more lower-case words
/// than one besides these and [`NAME_ANDS`] make a sentence ("Di Maio attacca il governo", "Von
/// München bis Aachen: …").
const NAME_PARTICLES: &[&str] =
    &["von", "van", "der", "den", "de", "da", "di", "du", "le", "la", "del", "bin", "al"];
/// Parts of a metadata line that say nothing by themselves.
const FILLER: &[&str] = &["updated", "published", "posted", "last updated", "ago", "updated ago", "share"];
/// Company suffixes dropped from a copyright owner ("Northern Ledger Media Ltd" → "Northern Ledger").
const LEGAL_SUFFIXES: &[&str] = &[
    "ltd",
    "ltd.",
    "limited",
    "inc",
    "inc.",
    "llc",
    "plc",
    "gmbh",
    "s.a.",
    "company",
    "co.",
    "corp.",
    "corporation",
];
/// Words that follow a brand in a company name, dropped only after a legal suffix.
const COMPANY_WORDS: &[&str] = &["media", "group", "holdings", "publishing", "publications", "newspapers"];

/// What a metadata line states; ranges are byte ranges in the line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Stated {
    /// The date it states.
    pub date: Option<DateLine>,
    /// The author's name ("News Desk" in "Posted by News Desk | July 27, 2021").
    pub byline: Option<(usize, usize)>,
}

/// Reads a metadata line: parts separated by "|", "·", "•" or spaced dashes, each a date, a byline,
/// a reading time or a filler word. `None` when any part is something else (a sentence, a menu).
pub(crate) fn stated_line(line: &str) -> Option<Stated> {
    if line.len() > 200 || words_up_to(line, 24) > 24 {
        return None;
    }
    let mut stated = Stated::default();
    let mut unknown = 0;
    for (s, e) in parts(line) {
        let part = &line[s..e];
        let lower = part.to_ascii_lowercase();
        let core = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
        if core.is_empty() || FILLER.contains(&core) || reading_time(core) {
            continue;
        }
        if let Some(d) = parse_date_line(part) {
            stated.date.get_or_insert(d);
            continue;
        }
        // "Marco Pizzorno 4 Febbraio 2025", "by Cristina Laila Apr. 28, 2023 1:15 pm": the
        // author's name, then the date, with no separator between them.
        if let Some((d, (ns, ne))) = name_then_date(part) {
            stated.date.get_or_insert(d);
            stated.byline.get_or_insert((s + ns, s + ne));
            continue;
        }
        if let Some((ns, ne)) = byline_in(part, &lower) {
            stated.byline.get_or_insert((s + ns, s + ne));
            continue;
        }
        // "Posted on May 4, 2020 by Ellen": a date, then the author.
        if let Some(at) = lower.find(" by ") {
            if let (Some(d), Some((ns, ne))) =
                (parse_date_line(&part[..at]), byline_in(&part[at + 1..], &lower[at + 1..]))
            {
                stated.date.get_or_insert(d);
                stated.byline.get_or_insert((s + at + 1 + ns, s + at + 1 + ne));
                continue;
            }
        }
        // A time or a page number beside the date ("17:38CEST", "p. 3") says nothing by itself.
        if words_up_to(part, 2) <= 2 && part.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        unknown += 1;
    }
    // One unexplained part (a site or section name beside the date) is allowed.
    (unknown <= usize::from(stated.date.is_some()) && (stated.date.is_some() || stated.byline.is_some()))
        .then_some(stated)
}

/// A name of a few capitalised words (or a byline) followed by a date in one part: the date and
/// the name's range.
fn name_then_date(part: &str) -> Option<(DateLine, (usize, usize))> {
    let mut starts = part.match_indices(' ').map(|(i, _)| i + 1);
    for _ in 0..5 {
        let at = starts.next()?;
        let (head, rest) = (part[..at].trim_end(), &part[at..]);
        let Some(date) = parse_date_line(rest) else { continue };
        let lower = head.to_lowercase();
        if let Some(name) = byline_in(head, &lower) {
            return Some((date, name));
        }
        let words: Vec<&str> = head.split_whitespace().collect();
        let name_shaped = (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
            });
        return name_shaped.then_some((date, (0, head.len())));
    }
    None
}

/// Byte ranges of the parts of a metadata line.
fn parts(line: &str) -> Vec<(usize, usize)> {
    let mut cuts = Vec::new();
    for (i, c) in line.char_indices() {
        if matches!(c, '|' | '·' | '•') {
            cuts.push((i, i + c.len_utf8()));
        }
    }
    for dash in [" - ", " — ", " – ", " / "] {
        for (i, _) in line.match_indices(dash) {
            cuts.push((i, i + dash.len()));
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut from = 0;
    for (s, e) in cuts {
        if s >= from {
            out.push(trimmed(line, from, s));
            from = e;
        }
    }
    out.push(trimmed(line, from, line.len()));
    out
}

fn trimmed(line: &str, s: usize, e: usize) -> (usize, usize) {
    let part = &line[s..e];
    let lead = part.len() - part.trim_start().len();
    (s + lead, s + lead + part.trim().len())
}

/// "5 min read", "3 minute read".
fn reading_time(core: &str) -> bool {
    let rest = core.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start();
    rest.len() < core.len() && ["min read", "mins read", "minute read", "minutes read"].contains(&rest)
}

/// The author a line names after a byline opener ("By Jane Roe", "von David Straub, MDR",
/// "Posted by News Desk"): the name's byte range in the line.
pub(crate) fn byline_name(line: &str) -> Option<(usize, usize)> {
    // ASCII lower-casing keeps byte offsets.
    let lower = line.to_ascii_lowercase();
    byline_in(line, &lower).or_else(|| kind_byline(line, &lower))
}

/// Kinds of piece a byline may open with ("Kommentar von Nicole Opitz", "Analysis by Jane Roe",
/// "Ein Gastbeitrag von …"), lower case.
const PIECE_KINDS: &[&str] = &[
    "kommentar",
    "gastkommentar",
    "gastbeitrag",
    "analyse",
    "analysis",
    "commentary",
    "opinion",
    "meinung",
    "essay",
    "kolumne",
    "column",
    "interview",
    "review",
    "kritik",
    "reportage",
    "chronique",
    "tribune",
    "éditorial",
    "editorial",
    "análisis",
    "opinión",
    "commento",
];

/// A byline after the kind of piece ("Kommentar von Nicole Opitz", "Ein Kommentar von …", "Analysis
/// by Jane Roe"): names only, two words or more.
fn kind_byline(line: &str, lower: &str) -> Option<(usize, usize)> {
    // `lower` is ASCII-lower-cased: a kind with an accent ("Éditorial") is lower-cased here.
    let is_kind = |w: &str| PIECE_KINDS.contains(&w.to_lowercase().as_str());
    let mut words = lower.split_whitespace();
    let first = words.next()?;
    let kind = if is_kind(first) {
        first
    } else if ["ein", "eine", "a", "an", "un", "une"].contains(&first) {
        words.next().filter(|second| is_kind(second))?
    } else {
        return None;
    };
    // The kind's own place in the line, where its word ends.
    let kind_at = kind.as_ptr() as usize - lower.as_ptr() as usize + kind.len();
    let from = kind_at + (lower[kind_at..].len() - lower[kind_at..].trim_start().len());
    let (s, e) = byline_in(&line[from..], &lower[from..])?;
    let name = &line[from + s..from + e];
    (names_shaped(name) && words_up_to(name, 2) >= 2).then_some((from + s, from + e))
}

/// The name after a byline prefix ("By Jane Roe", "Posted by News Desk"): its range in `part`.
fn byline_in(part: &str, lower: &str) -> Option<(usize, usize)> {
    let &(prefix, names_only) = BYLINE_PREFIXES.iter().find(|(p, _)| lower.starts_with(*p))?;
    let rest = &part[prefix.len()..];
    let lead = rest.len() - rest.trim_start().len();
    let start = prefix.len() + lead;
    // The name runs to an e-mail address or the end.
    let mut end = part.len();
    for (i, word) in
        part[start..].split_whitespace().map(|w| (w.as_ptr() as usize - part.as_ptr() as usize, w))
    {
        if word.contains('@') {
            end = i;
            break;
        }
    }
    let name = part[start..end].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';'));
    let words = words_up_to(name, 13);
    let capitalised = name.chars().next().is_some_and(|c| c.is_uppercase());
    let sentence =
        (name.ends_with('.') && !name.ends_with(" Jr.") && words > 3) || (names_only && !names_shaped(name));
    // Past eight words only a list of names joined by commas or "and".
    let listed =
        words <= 8 || name.contains([',', '&']) || name.split_whitespace().any(|w| NAME_ANDS.contains(&w));
    ((1..=12).contains(&words) && listed && capitalised && !sentence).then_some((start, start + name.len()))
}

/// A byline's prefix alone on its line ("Von", "By", "Por"), the names on the lines after it.
pub(crate) fn is_byline_prefix_alone(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    BYLINE_PREFIXES.iter().any(|(prefix, _)| prefix.trim_end() == lower)
}

/// A line of names alone, as a byline sets them under its prefix ("Jasper Riemann", "Michelle de
/// Oliveira", "Sophie Foster, Travel Reporter"): two to six words, capitalised, no figures, no
/// sentence.
pub(crate) fn is_names_alone(line: &str) -> bool {
    (2..=6).contains(&words_up_to(line, 7))
        && line.chars().next().is_some_and(char::is_uppercase)
        && !line.chars().any(|c| c.is_ascii_digit())
        && !ends_like_sentence(line)
        && names_shaped(line)
}

/// Names and nothing else: no question or headline colon, and at most one lower-case word besides
/// [`NAME_ANDS`] and [`NAME_PARTICLES`] ("David Straub, MDR THÜRINGEN", "Sarah Charlton und Tanya Zack").
fn names_shaped(name: &str) -> bool {
    !name.contains([':', '?', '!'])
        && name
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .map(|w| w.trim_end_matches(','))
            .filter(|w| !NAME_ANDS.contains(w) && !NAME_PARTICLES.contains(w))
            .nth(1)
            .is_none()
}

/// The owner a copyright line names: "© 2021 Tigris Times. All rights reserved." → "Tigris Times"
/// (its byte range in the line).
pub(crate) fn copyright_owner(line: &str) -> Option<(usize, usize)> {
    if line.len() > 300 {
        return None;
    }
    // ASCII lower-casing keeps byte offsets.
    let lower = line.to_ascii_lowercase();
    let at =
        lower.find('©').map(|i| i + '©'.len_utf8()).or_else(|| lower.find("copyright").map(|i| i + 9))?;
    let mut rest = at;
    // Skip "©", "Copyright", years ("2010-2021"), and "by".
    loop {
        let tail = &line[rest..];
        let trimmed =
            tail.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '-' | '–'));
        rest += tail.len() - trimmed.len();
        let word_len = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        let word = &trimmed[..word_len];
        let w = word.trim_end_matches(['.', ',']);
        let is_year = w.len() >= 4 && w.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '–');
        if word.is_empty()
            || !(is_year || w == "©" || w.eq_ignore_ascii_case("copyright") || w == "by" || w == "(c)")
        {
            break;
        }
        rest += word_len;
    }
    let tail = &line[rest..];
    let lower_tail = &lower[rest..];
    let mut end = tail.len();
    for stop in [". ", "|", ",", ";", " all rights", " - ", " – ", " — ", "("] {
        if let Some(i) = lower_tail.find(stop) {
            end = end.min(i);
        }
    }
    let mut name = tail[..end].trim().trim_end_matches('.').trim_end();
    // A trailing year ("© The Long Table 2021").
    if let Some((head, last)) = name.rsplit_once(' ') {
        if last.len() == 4 && last.chars().all(|c| c.is_ascii_digit()) {
            name = head.trim_end();
        }
    }
    let mut stripped = false;
    while let Some((head, last)) = name.rsplit_once(' ') {
        let l = last.to_ascii_lowercase();
        if LEGAL_SUFFIXES.contains(&l.as_str()) || (stripped && COMPANY_WORDS.contains(&l.as_str())) {
            stripped = true;
            name = head.trim_end_matches([',', ' ']);
        } else {
            break;
        }
    }
    let words = words_up_to(name, 7);
    let ok = (1..=6).contains(&words)
        && !name.to_ascii_lowercase().starts_with("all rights")
        && name.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && name.chars().any(char::is_alphabetic);
    let start = rest + (tail.len() - tail.trim_start().len());
    ok.then_some((start, start + name.len()))
}

/// Platforms whose addresses pages print beside their own ("Follow us on twitter.com/…").
const PLATFORMS: &[&str] = &[
    "twitter",
    "x",
    "facebook",
    "instagram",
    "youtube",
    "google",
    "apple",
    "linkedin",
    "whatsapp",
    "tiktok",
    "pinterest",
    "reddit",
    "wikipedia",
    "t",
    "bit",
    "amazon",
    "spotify",
    "telegram",
];

/// The site a copied page comes from, read from its own web address ("Fehler auf taz.de
/// entdeckt?", "© 2025, kleinezeitung.at"): the domain named most often, spelled as the page
/// spells its name ("Kleine Zeitung", "SRF") when the page does. `(line, start, end)` of the name.
pub(crate) fn site_from_domain(lines: &[&str]) -> Option<(usize, usize, usize)> {
    // Per domain label: mentions and the first (line, start, end) of the address.
    let mut labels: Vec<(String, usize, (usize, usize, usize))> = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        if line.len() > 400 || !line.contains('.') {
            continue;
        }
        for word in line.split_whitespace() {
            let at = word.as_ptr() as usize - line.as_ptr() as usize;
            let Some(label) = domain_label(word) else { continue };
            let lower = label.to_ascii_lowercase();
            if PLATFORMS.contains(&lower.as_str()) {
                continue;
            }
            let start = at + (label.as_ptr() as usize - word.as_ptr() as usize);
            match labels.iter_mut().find(|(l, _, _)| *l == lower) {
                Some(entry) => entry.1 += 1,
                None => labels.push((lower, 1, (li, start, start + label.len()))),
            }
        }
    }
    // A domain the page also writes as a name ("Kleine Zeitung", "SRF") is its own; an
    // advertiser's or a partner's address is printed once and not named. The most mentioned wins.
    let named = labels
        .iter()
        .filter_map(|(label, n, _)| {
            let (at, spelled) = spelled_name(lines, label)?;
            Some((n + spelled, at))
        })
        .max_by_key(|(n, _)| *n)
        .map(|(_, at)| at);
    named.or_else(|| {
        labels.iter().filter(|(_, n, _)| *n >= 3).max_by_key(|(_, n, _)| *n).map(|(_, _, at)| *at)
    })
}

/// Where the page first writes `label` as a name of up to three words ("Kleine Zeitung" for
/// "kleinezeitung"), and how often it does.
fn spelled_name(lines: &[&str], label: &str) -> Option<((usize, usize, usize), usize)> {
    let mut first = None;
    let mut count = 0;
    for (li, line) in lines.iter().enumerate() {
        let words: Vec<(usize, &str)> =
            line.split_whitespace().map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w)).collect();
        for i in 0..words.len() {
            let mut spelled = String::new();
            for &(at, w) in words.iter().skip(i).take(3) {
                let core = w.trim_matches(|c: char| !c.is_alphanumeric());
                if core.is_empty() || core.contains('.') || core.contains('@') {
                    break;
                }
                spelled.extend(core.chars().flat_map(char::to_lowercase));
                if spelled == label {
                    let lead = words[i].1.len()
                        - words[i].1.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
                    let start = words[i].0 + lead;
                    let end = at + w.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
                    count += 1;
                    first.get_or_insert((li, start, end));
                    break;
                }
                if !label.starts_with(spelled.as_str()) {
                    break;
                }
            }
        }
    }
    first.map(|at| (at, count))
}

/// The site whose web address holds the copyright owner's first word: "derStandard.at" for
/// "© STANDARD Verlagsgesellschaft m.b.H.", where the owner is the publishing company and the
/// address is the outlet. `(line, start, end)` of the address's name.
pub(crate) fn domain_holding(lines: &[&str], owner: &str) -> Option<(usize, usize, usize)> {
    let first = owner.split_whitespace().next()?.to_lowercase();
    if first.chars().count() < 4 {
        return None;
    }
    lines.iter().enumerate().filter(|(_, l)| l.len() <= 400 && l.contains('.')).find_map(|(li, line)| {
        line.split_whitespace().find_map(|word| {
            let label = domain_label(word)?;
            let lower = label.to_ascii_lowercase();
            if PLATFORMS.contains(&lower.as_str()) || !(lower.contains(&first) || first.contains(&lower)) {
                return None;
            }
            let start = label.as_ptr() as usize - line.as_ptr() as usize;
            Some((li, start, start + label.len()))
        })
    })
}

/// Words of a line that asks the reader to follow, subscribe to, support or test the site.
const CALLS: &[&str] = &[
    "follow",
    "subscribe",
    "newsletter",
    "newsletters",
    "podcast",
    "app",
    "support",
    "abonnieren",
    "abo",
    "abonnement",
    "abonnenten",
    "folgen",
    "unterstützen",
    "testen",
    "rss",
    "fanpage",
    "suivez",
    "abonnez-vous",
    "seguici",
    "síguenos",
];
/// Words that are never part of a site's name in a call ("Follow us", "Jetzt WAZ testen").
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "our",
    "us",
    "on",
    "of",
    "to",
    "and",
    "for",
    "at",
    "in",
    "with",
    "now",
    "all",
    "more",
    "free",
    "here",
    "today",
    "get",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "unser",
    "unsere",
    "jetzt",
    "alle",
    "mehr",
    "und",
    "auf",
    "bei",
    "für",
    "von",
    "zu",
    "im",
    "mit",
    "hier",
    "heute",
    "kostenlos",
    "le",
    "la",
    "les",
    "el",
    "il",
    "news",
    "live",
    "home",
    "tv",
    "e-mail",
    "email",
    "faq",
    "agb",
    "dmca",
    "rss",
    "pdf",
    "impressum",
    "kontakt",
    "datenschutz",
    "cookies",
    "service",
    "services",
    "shop",
    "hilfe",
    "help",
    "login",
    "konto",
    "account",
    "download",
    "share",
    "join",
    "sign",
    "up",
    "most",
    "about",
    "read",
    "watch",
    "listen",
    "visit",
    "see",
    "click",
    "contact",
    "you",
    "your",
    "we",
    "sie",
    "uns",
    "ihr",
    "ihre",
    "contribute",
    "donate",
    "adchoices",
];

/// The site's name as its own calls and its name-shaped menu lines repeat it: "Follow Daily
/// Star", "Der BR24 Newsletter", "Jetzt WAZ testen", a "TimesLIVE" line at the top and again at
/// the foot. `(line, start, end)` of its first such use and the number of lines that use it, when
/// at least two do. Section names ("Politik") never count: only calls, and words shaped like a
/// brand (an inner capital, a digit, or all capitals) alone on a short line.
pub(crate) fn brand_in_calls(lines: &[&str]) -> Option<((usize, usize, usize), usize)> {
    // Per name (its letters and digits, lower case): lines using it, whether a call does, and its
    // first use.
    let mut names: Vec<NameUse> = Vec::new();
    // An inner capital or a digit: "TimesLIVE", "BR24" (capitals alone may be a menu's "CDU").
    let marked = |name: &str| {
        let digits = name.chars().filter(char::is_ascii_digit).count();
        inner_capital(name) || (name.chars().count() <= 8 && (1..=2).contains(&digits))
    };
    for (li, line) in lines.iter().enumerate() {
        if line.len() > 160 || words_up_to(line, 15) > 14 {
            continue;
        }
        let words = name_words(line);
        let word = |k: usize| &line[words[k].0..words[k].1];
        // The call next to words `from..to`, across small words ("Subscribe to Daily Star",
        // "Den Postillon abonnieren").
        let called = |from: usize, to: usize| {
            let before = (0..from).rev().find(|&k| !is_small(word(k))).is_some_and(|k| is_call(word(k)));
            let after = (to..words.len()).find(|&k| !is_small(word(k))).is_some_and(|k| is_call(word(k)));
            before || after
        };
        let mut seen: Vec<String> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            // A run of up to three capitalised words; its prefixes are the candidate names.
            let mut run = 0;
            while run < 3 && i + run < words.len() && is_name_word(word(i + run)) {
                run += 1;
            }
            for len in 1..=run {
                let (s, e) = (words[i].0, words[i + len - 1].1);
                let name = &line[s..e];
                let call = called(i, i + len);
                let alone = words.len() == 1 && brand_shaped(name);
                let key = compact(name);
                if !(call || alone) || key.chars().count() < 2 || seen.contains(&key) {
                    continue;
                }
                match names.iter_mut().find(|u| u.key == key) {
                    Some(used) => {
                        used.lines += 1;
                        used.called |= call;
                    }
                    None => {
                        names.push(NameUse { key: key.clone(), lines: 1, called: call, first: (li, s, e) })
                    }
                }
                seen.push(key);
            }
            i += run.max(1);
        }
    }
    // The name most lines use; of equals, the longer ("Daily Star" over "Daily"). A name only in
    // capitals ("FAQ", "CDU" in a menu) needs a call.
    names
        .into_iter()
        .filter(|u| u.lines >= 2 && (u.called || marked(&lines[u.first.0][u.first.1..u.first.2])))
        .max_by(|a, b| a.lines.cmp(&b.lines).then(a.key.len().cmp(&b.key.len())).then(b.first.cmp(&a.first)))
        .map(|u| (u.first, u.lines))
}

/// Words that name a publishing company rather than its title ("Funke Mediengruppe", "Arena
/// Holdings", "DB Corp", "Vox Media").
const COMPANY_MARKS: &[&str] = &[
    "media",
    "group",
    "holdings",
    "holding",
    "publishing",
    "publications",
    "newspapers",
    "corp",
    "corporation",
    "digital",
    "mediengruppe",
    "medien",
    "mediengesellschaft",
    "verlag",
    "gruppe",
    "companies",
    "institute",
    "network",
    "ltd",
    "limited",
    "inc",
    "llc",
    "gmbh",
    "ag",
    "plc",
];

/// Whether a copyright owner, as the line goes on from its name, is a publishing company ("Arena
/// Holdings", "Tidewater Media Holdings Ltd.") rather than the title.
pub(crate) fn company_shaped(owner: &str) -> bool {
    owner.split_whitespace().take(6).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        COMPANY_MARKS.contains(&w.as_str())
    })
}

/// How many lines use the owner's first word as a word ("Express" of "Express Newspapers" in
/// "Express Comment", "EXPRESS.CO.UK"): a company that is also the site's name.
pub(crate) fn lines_naming_owner(lines: &[&str], owner: &str) -> usize {
    let Some(first) = owner.split_whitespace().next().map(compact) else { return 0 };
    lines.iter().filter(|l| name_words(l).iter().any(|&(s, e)| compact(&l[s..e]) == first)).count()
}

/// A name a page's calls or brand-shaped lines use.
struct NameUse {
    /// Its letters and digits, lower case.
    key: String,
    /// Lines using it.
    lines: usize,
    /// Whether a call uses it.
    called: bool,
    /// `(line, start, end)` of its first use.
    first: (usize, usize, usize),
}

/// The words of a line as byte ranges, split at spaces, hyphens, slashes and bars, without the
/// punctuation around them; a web address becomes its name ("WorldTruth" of "WorldTruth.Tv").
fn name_words(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices().chain(std::iter::once((line.len(), ' '))) {
        let splits = c.is_whitespace() || matches!(c, '-' | '/' | '|' | '·' | '•' | ':' | ',' | '!' | '?');
        match (splits, start) {
            (true, Some(s)) => {
                let word = &line[s..i];
                let core = word.trim_matches(|c: char| !c.is_alphanumeric());
                let at = s + (word.len() - word.trim_start_matches(|c: char| !c.is_alphanumeric()).len());
                // "WAZ.DE", "DainikBhaskar.com": the name before the dot.
                let core = core.split('.').next().unwrap_or(core);
                if !core.is_empty() {
                    out.push((at, at + core.len()));
                }
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

fn is_call(word: &str) -> bool {
    let lower = word.to_lowercase();
    CALLS.contains(&lower.as_str()) || PLATFORMS.contains(&lower.as_str()) && lower.len() > 2
}

fn is_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && word.chars().any(char::is_alphabetic)
        && !is_call(word)
        && !is_small(word)
}

fn is_small(word: &str) -> bool {
    NOT_NAMES.contains(&word.to_lowercase().as_str())
}

/// A word shaped like a brand rather than a section: an inner capital after a small letter
/// ("TimesLIVE", "WinFuture"), letters with digits ("BR24"), or two to five capitals ("WAZ").
fn brand_shaped(word: &str) -> bool {
    let digits =
        word.chars().any(|c| c.is_ascii_digit()) && word.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let capitals = (2..=5).contains(&word.chars().count()) && word.chars().all(char::is_uppercase);
    inner_capital(word) || digits || capitals
}

/// A capital right after a small letter: "TimesLIVE", "WinFuture", "derStandard".
fn inner_capital(word: &str) -> bool {
    word.chars().zip(word.chars().skip(1)).any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// A name's letters and digits, lower case ("DailyStar" and "Daily Star" are one name).
fn compact(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The outlet a corporate line names before its owner: "Rolling Stone is a part of Penske Media
/// Corporation", "TechRadar is part of Future US Inc": the name's byte range in the line.
pub(crate) fn part_of_owner(line: &str) -> Option<(usize, usize)> {
    if line.len() > 400 {
        return None;
    }
    let lower = line.to_ascii_lowercase();
    let at = lower.find(" is part of ").or_else(|| lower.find(" is a part of "))?;
    // The name opens the line or its sentence.
    let start = line[..at].rfind(". ").map_or(0, |i| i + 2);
    let name = line[start..at].trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let ok = (1..=5).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
    let lead = line[start..at].len() - line[start..at].trim_start().len();
    ok.then_some((start + lead, start + lead + name.len()))
}

/// The registered name in a web address ("taz" in "taz.de", "www.srf.ch/news",
/// "https://ottawacitizen.com"): `None` for words that are not addresses.
fn domain_label(word: &str) -> Option<&str> {
    let w =
        word.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | '"' | '“' | '”' | '?' | '!' | ':'));
    let w = w.strip_prefix("https://").or_else(|| w.strip_prefix("http://")).unwrap_or(w);
    // An e-mail address names its site after the "@".
    let w = w.rsplit('@').next()?;
    let host = w.split('/').next()?.trim_end_matches('.');
    let host = host.strip_prefix("www.").unwrap_or(host);
    let parts: Vec<&str> = host.split('.').collect();
    if parts.len() < 2 || parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let tld = parts[parts.len() - 1];
    let tld_ok = (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase());
    // "co.uk", "com.au": the label sits before the second-level part.
    let label = if parts.len() == 3 && matches!(parts[1], "co" | "com" | "org" | "net" | "gov") {
        parts[0]
    } else {
        parts[parts.len() - 2]
    };
    let label_ok = label.len() >= 2
        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && label.chars().any(|c| c.is_ascii_alphabetic());
    (tld_ok && label_ok).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<(Option<String>, Option<&str>)> {
        stated_line(line).map(|s| (s.date.map(|d| d.iso), s.byline.map(|(a, b)| &line[a..b])))
    }

    #[test]
    fn a_byline_split_over_lines_is_its_prefix_alone_then_names_alone() {
        for prefix in ["Von", "von", "By", "Por"] {
            assert!(is_byline_prefix_alone(prefix), "{prefix}");
        }
        for not_prefix in ["Von München", "Byline", "Share"] {
            assert!(!is_byline_prefix_alone(not_prefix), "{not_prefix}");
        }
        for names in ["Jasper Riemann", "Michelle de Oliveira", "Sophie FosterTravel News Reporter"] {
            assert!(is_names_alone(names), "{names}");
        }
        for not_names in
            ["Katrin", "Landesbischof zeigt sich beschämt", "Die Sanierung kostet viel.", "Ausgabe 2026"]
        {
            assert!(!is_names_alone(not_names), "{not_names}");
        }
    }

    #[test]
    fn a_byline_in_any_of_the_pages_languages_names_its_authors_and_a_headline_is_no_byline() {
        let name = |l: &'static str| byline_name(l).map(|(s, e)| &l[s..e]);
        assert_eq!(name("von David Straub, MDR THÜRINGEN"), Some("David Straub, MDR THÜRINGEN"));
        assert_eq!(name("Par Laurence Defranoux"), Some("Laurence Defranoux"));
        assert_eq!(
            name("Von Simone Jülicher und Rainer Grünberg"),
            Some("Simone Jülicher und Rainer Grünberg")
        );
        assert_eq!(
            name("By Mamokete Modiba, Claire Benit-Gbaffou, Sarah Charlton and Tanya Zack"),
            Some("Mamokete Modiba, Claire Benit-Gbaffou, Sarah Charlton and Tanya Zack")
        );
        // "By" opens a byline even with a link glued on; the other openers also open headlines.
        assert_eq!(name("By Drew DeSilverLeave a comment"), Some("Drew DeSilverLeave a comment"));
        assert_eq!(name("Von München bis Aachen: Im Netz der China-Agenten"), None);
        assert_eq!(name("Di Maio attacca il governo sulle tasse"), None);
        assert_eq!(name("Par ici la sortie, dit le maire"), None);
        // The kind of piece before the byline ("Kommentar von …"); a headline with "by" is none.
        assert_eq!(name("Kommentar von Nicole Opitz"), Some("Nicole Opitz"));
        assert_eq!(name("Ein Gastbeitrag von Anna Berger"), Some("Anna Berger"));
        assert_eq!(name("Éditorial par Jean Dupont"), Some("Jean Dupont"));
        assert_eq!(name("Un  éditorial par Jean Dupont"), Some("Jean Dupont"));
        assert_eq!(name("Analysis by Jane Roe and Omar Hassan"), Some("Jane Roe and Omar Hassan"));
        assert_eq!(name("Review by Me"), None);
        assert_eq!(name("Kritik von Verbänden am neuen Gesetz wächst"), None);
        assert_eq!(name("Stand by Me turns forty"), None);
    }

    #[test]
    fn the_site_name_its_own_calls_repeat_is_its_brand() {
        let brand =
            |lines: &[&'static str]| brand_in_calls(lines).map(|((li, s, e), n)| (&lines[li][s..e], n));
        let page = [
            "Politik",
            "Sport",
            "Follow Daily Star",
            "A long paragraph of the story itself.",
            "Subscribe to Daily Star and Daily Star On Sunday newspapers",
            "Politik",
            "Sport",
        ];
        assert_eq!(brand(&page), Some(("Daily Star", 2)));
        assert_eq!(brand(&["TimesLIVE", "Body text here.", "TimesLIVE"]), Some(("TimesLIVE", 2)));
        assert_eq!(brand(&["Der BR24 Newsletter", "BR24 abonnieren", "Bayern"]), Some(("BR24", 2)));
        // Section names, footer links and menus in capitals are not brands, nor a capitalised word
        // in a call that the call is not about.
        assert_eq!(brand(&["Politik", "Sport", "Politik", "Sport"]), None);
        assert_eq!(brand(&["FAQ", "AGB", "CDU", "FAQ", "AGB", "CDU"]), None);
        assert_eq!(brand(&["Download the app", "Berlin weather", "Download the app"]), None);
        assert_eq!(brand(&["Follow us on Facebook", "Follow us on Facebook"]), None);
    }

    #[test]
    fn a_publishing_company_is_told_from_a_title() {
        assert!(company_shaped("Arena Holdings"));
        assert!(company_shaped("Funke Mediengruppe"));
        assert!(!company_shaped("The Guardian"));
        let lines = ["Express Comment", "Express Rated", "EXPRESS.CO.UK", "InYourArea"];
        assert_eq!(lines_naming_owner(&lines, "Express Newspapers"), 3);
    }

    #[test]
    fn a_corporate_line_names_the_outlet_before_its_owner() {
        let name = |l: &'static str| part_of_owner(l).map(|(s, e)| &l[s..e]);
        assert_eq!(
            name("Rolling Stone is a part of Penske Media Corporation. © 2024 Rolling Stone, LLC."),
            Some("Rolling Stone")
        );
        assert_eq!(
            name("Visit us. TechRadar is part of Future US Inc, an international media group."),
            Some("TechRadar")
        );
        assert_eq!(name("the town is part of the county since 1974"), None);
    }

    #[test]
    fn the_owner_s_word_in_a_web_address_names_the_outlet() {
        let lines = ["Impressum", "derStandard.de", "derStandard.at", "facebook.com/standard"];
        assert_eq!(domain_holding(&lines, "STANDARD Verlagsgesellschaft m.b.H"), Some((1, 0, 11)));
        assert_eq!(domain_holding(&lines, "Funke Mediengruppe"), None);
    }

    #[test]
    fn posted_by_lines_give_author_and_date() {
        assert_eq!(
            read("Posted by News Desk | July 27, 2021"),
            Some((Some("2021-07-27".into()), Some("News Desk")))
        );
        assert_eq!(read("Posted on May 4, 2020 by Ellen"), Some((Some("2020-05-04".into()), Some("Ellen"))));
        assert_eq!(
            read("By Jane Roe · Updated 10:42 AM EDT, Tue August 3, 2021 · 5 min read"),
            Some((Some("2021-08-03".into()), Some("Jane Roe")))
        );
        assert_eq!(
            read("By Priya Natarajan pnatarajan@valleycourier.com"),
            Some((None, Some("Priya Natarajan")))
        );
        assert_eq!(
            read("Dana Whitlow 4 Febbraio 2025 - 14:41"),
            Some((Some("2025-02-04".into()), Some("Dana Whitlow")))
        );
        assert_eq!(
            read("by Orla Fenwick Apr. 28, 2023 1:15 pm"),
            Some((Some("2023-04-28".into()), Some("Orla Fenwick")))
        );
        assert_eq!(read("Politics / January 11, 2024"), Some((Some("2024-01-11".into()), None)));
        assert_eq!(
            read("Lisbon - 3 MAR 2025 - 09:14 - 18:02CET"),
            Some((Some("2025-03-03".into()), None)),
            "a place, the date and its times"
        );
        assert_eq!(read("Lisbon - Porto - 3 MAR 2025"), None, "two names beside a date are a list");
        assert_eq!(read("The storm hit on Apr. 28, 2023"), None);
        assert_eq!(read("Home | World | Politics"), None);
        assert_eq!(read("By the end of the year, the plan - officials said - had failed."), None);
    }

    #[test]
    fn copyright_lines_name_their_owner() {
        let owner = |l: &'static str| copyright_owner(l).map(|(s, e)| &l[s..e]);
        assert_eq!(owner("© 2021 Tigris Times. All rights reserved."), Some("Tigris Times"));
        assert_eq!(owner("Copyright © 2022 The Levant Ledger"), Some("The Levant Ledger"));
        assert_eq!(owner("© 2023 Northern Ledger Media Ltd"), Some("Northern Ledger"));
        assert_eq!(owner("© The Long Table 2021"), Some("The Long Table"));
        assert_eq!(
            owner("Copyright 2018 Lakeside Gazette. All rights reserved. Do not copy"),
            Some("Lakeside Gazette")
        );
        assert_eq!(owner("© 2021"), None);
        assert_eq!(owner("© All rights reserved."), None);
    }

    #[test]
    fn the_site_is_read_from_its_own_address_and_spelled_as_the_page_spells_it() {
        let site = |lines: &[&'static str]| site_from_domain(lines).map(|(l, s, e)| &lines[l][s..e]);
        assert_eq!(
            site(&["Kleine Zeitung", "Follow us on twitter.com/kleine", "© 2025, kleinezeitung.at | GmbH"]),
            Some("Kleine Zeitung")
        );
        assert_eq!(
            site(&["Play SRF", "Einige Elemente auf SRF.ch funktionieren nur mit JavaScript."]),
            Some("SRF")
        );
        assert_eq!(site(&["taz FUTURZWEI", "Fehler auf taz.de entdeckt?"]), Some("taz"));
        assert_eq!(site(&["Fehler auf taz.de entdeckt?", "Book now at lastminute.com"]), None);
        assert_eq!(site(&["The market fell 2.5 percent.", "See twitter.com/someone"]), None);
    }
}
