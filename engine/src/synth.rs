//! A deterministic generator of synthetic raw news files, for benchmarks and load tests.
//!
//! Each file reads like the seed corpus: a headline, sometimes a scraped photo caption and house
//! marker, 400–900 words of paragraphs under a few sub-headings, names spelt in their
//! transliteration variants (Kadhimi/Kadhemi, Fuad/Fouad), figures and dates, and the odd
//! "Read more:" link or credit line. The same seed always gives the same bytes.
//!
//! ```
//! let files = parallax_engine::synth::corpus(3, 7);
//! assert_eq!(files.len(), 3);
//! assert_eq!(files, parallax_engine::synth::corpus(3, 7));
//! let words = files[0].1.split_whitespace().count();
//! assert!((400..1100).contains(&words), "{words}");
//! ```

/// A small, fast xorshift64* generator: deterministic, good enough for synthetic text.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value, zero included).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `percent` in 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One item of a non-empty slice, uniformly.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// An index in `0..n` skewed towards small values (a rough Zipf), for word frequencies.
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0).max(0.0) as usize % n.max(1)
    }
}

/// People, each with the spellings outlets use for them.
const PEOPLE: &[&[&str]] = &[
    &["Mustafa al-Kadhimi", "Mustafa al-Kadhemi", "Mustafa Al-Kadhimi", "Kadhimi", "Kadhemi", "al-Kadhimi"],
    &["Fuad Hussein", "Fouad Hussein"],
    &["Qasem Soleimani", "Qassem Soleimani", "Qassem Suleimani", "Soleimani"],
    &["Abu Mahdi al-Muhandis", "Abu Mahdi al-Mohandes", "Muhandis"],
    &["Ismail Qaani", "Esmail Qaani", "Esmail Ghaani"],
    &["Hadi al-Amiri", "Hadi al-Ameri", "Amiri"],
    &["Mohammed Shia al-Sudani", "Mohammed Shia Al-Sudani", "Sudani"],
    &["Muqtada al-Sadr", "Moqtada al-Sadr", "Sadr"],
    &["Nouri al-Maliki", "Nuri al-Maliki", "Maliki"],
    &["Mike Pompeo", "Pompeo"],
    &["Joe Biden", "Biden"],
    &["Donald Trump", "Trump"],
    &["Antony Blinken", "Blinken"],
    &["Jean-Noel Barrot", "Barrot"],
    &["Ali Khamenei", "Khamenei"],
    &["Mohammad Javad Zarif", "Mohammed Javad Zarif", "Zarif"],
    &["Masoud Barzani", "Massoud Barzani", "Barzani"],
    &["Qais al-Khazali", "Qais al-Khazaali", "Khazali"],
    &["Hisham al-Hashimi", "Hisham Hashimi"],
    &["Emmanuel Macron", "Macron"],
];

const ROLES: &[&str] = &[
    "Prime Minister",
    "Foreign Minister",
    "President",
    "Secretary of State",
    "commander",
    "spokesperson",
    "senior official",
    "lawmaker",
    "analyst",
    "envoy",
];

const PLACES: &[&str] = &[
    "Baghdad",
    "Tehran",
    "Washington",
    "Basra",
    "Erbil",
    "Mosul",
    "Najaf",
    "Karbala",
    "Kirkuk",
    "Riyadh",
    "Damascus",
    "Beirut",
    "Anbar",
    "Dhi Qar",
    "Sulaimaniyah",
    "Abu Dhabi",
    "Kuwait",
    "Amman",
    "Paris",
    "Geneva",
];

const GROUPS: &[&str] = &[
    "the Popular Mobilization Forces",
    "the Hashed al-Shaabi",
    "the Hashd al-Shaabi",
    "Kataib Hezbollah",
    "Asa'ib Ahl al-Haq",
    "the Badr Organization",
    "the Quds Force",
    "the Islamic State group",
    "the Pentagon",
    "the State Department",
    "the United Nations",
    "the Coordination Framework",
    "the Kurdistan Regional Government",
    "the US-led coalition",
];

const OUTLETS: &[&str] = &[
    "Asharq Al-Awsat",
    "Global Village Space",
    "Tehran Times",
    "Kurdistan24",
    "The Arab Weekly",
    "Rudaw English",
];

const NOUNS: &[&str] = &[
    "troops",
    "talks",
    "meeting",
    "government",
    "forces",
    "attack",
    "attacks",
    "withdrawal",
    "militias",
    "factions",
    "parliament",
    "elections",
    "strike",
    "drone",
    "rocket",
    "embassy",
    "border",
    "security",
    "sovereignty",
    "agreement",
    "delegation",
    "visit",
    "pressure",
    "sanctions",
    "oil",
    "economy",
    "budget",
    "protests",
    "protesters",
    "investigation",
    "ceasefire",
    "convoy",
    "airport",
    "base",
    "bases",
    "region",
    "crisis",
    "dialogue",
    "timetable",
    "presence",
    "mission",
    "coalition",
    "alliance",
    "negotiations",
    "reforms",
    "corruption",
    "electricity",
    "contract",
    "energy",
    "summit",
    "statement",
    "interview",
    "officials",
    "leaders",
    "sources",
    "militants",
    "fighters",
    "soldiers",
    "advisers",
    "diplomats",
    "intelligence",
    "ministry",
    "committee",
    "court",
    "judge",
    "vote",
    "decision",
    "demands",
    "threats",
    "tensions",
    "influence",
    "interests",
    "policy",
    "programme",
    "weapons",
    "missiles",
    "casualties",
];

const ADJECTIVES: &[&str] = &[
    "Iraqi",
    "Iranian",
    "American",
    "Kurdish",
    "Shiite",
    "Sunni",
    "regional",
    "strategic",
    "political",
    "military",
    "armed",
    "senior",
    "former",
    "new",
    "recent",
    "possible",
    "joint",
    "technical",
    "foreign",
    "international",
    "local",
    "fragile",
    "delicate",
    "significant",
    "persistent",
    "direct",
    "pro-Iranian",
    "US-friendly",
    "paramilitary",
    "diplomatic",
    "economic",
    "bilateral",
    "unprecedented",
    "wider",
];

const VERBS: &[&str] = &[
    "discussed",
    "rejected",
    "welcomed",
    "condemned",
    "announced",
    "confirmed",
    "denied",
    "demanded",
    "criticised",
    "supported",
    "postponed",
    "approved",
    "launched",
    "targeted",
    "warned about",
    "called for",
    "agreed on",
    "signed",
    "reviewed",
    "questioned",
    "praised",
    "accused",
    "threatened",
    "hosted",
    "met",
];

const SAY: &[&str] =
    &["said", "told reporters", "stressed", "noted", "added", "affirmed", "warned", "argued"];

const CONNECTORS: &[&str] = &[
    "Meanwhile,",
    "However,",
    "Earlier on Sunday,",
    "In a statement,",
    "According to sources,",
    "Separately,",
    "On the other hand,",
    "In addition,",
    "Last week,",
    "Despite this,",
    "For decades,",
    "Since then,",
];

/// Long-tail vocabulary: pronounceable made-up words, so the dictionary grows like a real one.
fn rare_words(rng: &mut Rng, n: usize) -> Vec<String> {
    const ONSETS: &[&str] = &[
        "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "br", "st", "tr", "pl",
        "gr", "sh", "ch",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"];
    const ENDS: &[&str] = &["", "s", "ed", "ing", "tion", "ment", "al", "ous", "ity", "er"];
    (0..n)
        .map(|_| {
            let mut w = String::new();
            for _ in 0..rng.range(2, 3) {
                w.push_str(rng.pick(ONSETS));
                w.push_str(rng.pick(VOWELS));
            }
            w.push_str(rng.pick(ENDS));
            w
        })
        .collect()
}

struct Writer<'a> {
    rng: &'a mut Rng,
    rare: &'a [String],
    /// The spelling this outlet uses for each person (outlets are consistent within an article).
    spellings: Vec<usize>,
}

impl Writer<'_> {
    fn person(&mut self) -> String {
        let p = self.rng.skewed(PEOPLE.len());
        let forms = PEOPLE[p];
        if self.rng.chance(70) {
            forms[self.spellings[p] % forms.len()].to_string()
        } else {
            self.rng.pick(forms).to_string()
        }
    }

    fn word(&mut self) -> String {
        if self.rng.chance(12) {
            let i = self.rng.skewed(self.rare.len());
            self.rare[i].clone()
        } else {
            self.rng.pick(NOUNS).to_string()
        }
    }

    fn number(&mut self) -> String {
        match self.rng.below(6) {
            0 => format!("{},{:03}", self.rng.range(1, 9), self.rng.below(1000)),
            1 => format!("{}", self.rng.range(2, 99)),
            2 => format!("${}.{} billion", self.rng.range(1, 20), self.rng.below(10)),
            3 => format!("{}", self.rng.range(2003, 2025)),
            4 => format!("{} percent", self.rng.range(2, 80)),
            _ => format!("{}", self.rng.range(100, 900)),
        }
    }

    fn noun_phrase(&mut self) -> String {
        let mut s = String::from(self.rng.pick(&["the", "a", "their", "its", "the"]));
        if self.rng.chance(50) {
            s.push(' ');
            s.push_str(self.rng.pick(ADJECTIVES));
        }
        s.push(' ');
        s.push_str(&self.word());
        if self.rng.chance(30) {
            s.push_str(" of ");
            s.push_str(self.rng.pick(GROUPS));
        }
        s
    }

    fn sentence(&mut self) -> String {
        let mut s = String::new();
        if self.rng.chance(20) {
            s.push_str(self.rng.pick(CONNECTORS));
            s.push(' ');
        }
        match self.rng.below(5) {
            0 => {
                let who = self.person();
                let role = self.rng.pick(ROLES);
                let say = self.rng.pick(SAY);
                let day = crate::text::weekday_title(self.rng.below(7) as u32 + 1);
                let what = self.clause();
                s.push_str(&format!("{role} {who} {say} on {day} that {what}"));
            }
            1 => {
                let what = self.clause();
                let who = self.person();
                let say = self.rng.pick(SAY);
                s.push_str(&format!("“{what},” {who} {say}"));
            }
            2 => {
                let n = self.number();
                let noun = self.word();
                let place = self.rng.pick(PLACES);
                let month = crate::text::month_title(self.rng.below(12) as u32 + 1);
                let group = self.rng.pick(GROUPS);
                s.push_str(&format!("Between {month} and {n}, {group} reported {noun} near {place}"));
            }
            3 => {
                let group = self.rng.pick(GROUPS);
                let verb = self.rng.pick(VERBS);
                let np = self.noun_phrase();
                let place = self.rng.pick(PLACES);
                s.push_str(&format!("{group} {verb} {np} in {place}"));
            }
            _ => {
                let what = self.clause();
                s.push_str(&what);
            }
        }
        if self.rng.chance(25) {
            let np = self.noun_phrase();
            s.push_str(&format!(", amid {np}"));
        }
        s.push('.');
        let mut chars = s.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => s,
        }
    }

    fn clause(&mut self) -> String {
        let subject = if self.rng.chance(40) { self.person() } else { self.noun_phrase() };
        let verb = self.rng.pick(VERBS);
        let object = self.noun_phrase();
        let mut s = format!("{subject} {verb} {object}");
        match self.rng.below(4) {
            0 => s.push_str(&format!(" in {}", self.rng.pick(PLACES))),
            1 => s.push_str(&format!(" involving {}", self.number())),
            2 => s.push_str(&format!(" with {}", self.person())),
            _ => {}
        }
        s
    }

    fn title_case(&mut self, words: usize) -> String {
        let mut parts = Vec::new();
        for i in 0..words {
            let w = match (i, self.rng.below(4)) {
                (0, _) | (_, 0) => self.person().to_string(),
                (_, 1) => self.rng.pick(PLACES).to_string(),
                _ => self.word(),
            };
            parts.push(w);
        }
        let joined = parts.join(" ");
        joined
            .split(' ')
            .map(|w| {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Generates `n` raw files (`(name, text)`), deterministic in `seed`.
pub fn corpus(n: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed);
    let rare = rare_words(&mut rng, 20_000);
    (0..n)
        .map(|i| {
            let mut article_rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x100_0000_01B3).wrapping_add(1));
            (format!("{i:05}_synthetic.txt"), article(&mut article_rng, &rare))
        })
        .collect()
}

fn article(rng: &mut Rng, rare: &[String]) -> String {
    let spellings = (0..PEOPLE.len()).map(|_| rng.below(6)).collect();
    let target_words = rng.range(400, 900);
    let outlet = rng.pick(OUTLETS);
    let mut w = Writer { rng, rare, spellings };
    let title_words = w.rng.range(3, 6);
    let title = format!("{} in {}", w.title_case(title_words), w.rng.pick(PLACES));
    let mut out = String::new();
    let banner = w.rng.chance(25);
    if banner {
        out.push_str(&format!("| Welcome to {outlet}\n\n"));
    }
    out.push_str(&title);
    out.push_str("\n\n");
    if w.rng.chance(50) {
        // A scraped photo caption, repeated, and a house marker, then the title again.
        let who = w.person();
        let caption = format!("{who} speaks in {}. (Reuters)", w.rng.pick(PLACES));
        out.push_str(&format!("{caption}\n{caption}\nTT\n\n{title}\n\n"));
    }
    let mut words = 0;
    let mut since_heading = 0;
    while words < target_words {
        if since_heading >= w.rng.range(3, 6) {
            let n = w.rng.range(3, 7);
            let heading = w.title_case(n);
            out.push_str(&heading);
            out.push_str("\n\n");
            since_heading = 0;
        }
        let mut paragraph = Vec::new();
        for _ in 0..w.rng.range(1, 4) {
            paragraph.push(w.sentence());
        }
        let text = paragraph.join(" ");
        words += text.split_whitespace().count();
        out.push_str(&text);
        out.push_str("\n\n");
        since_heading += 1;
        if w.rng.chance(6) {
            let np = w.noun_phrase();
            out.push_str(&format!("Read more: {} {np}\n\n", w.title_case(3)));
        }
    }
    if !banner && w.rng.chance(40) {
        out.push_str(&format!(
            "Speaking to {outlet}, a source close to the talks confirmed the account.\n\n"
        ));
    }
    if w.rng.chance(40) {
        out.push_str("AFP with additional input by the News Desk\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_deterministic_long_enough_and_carry_name_variants() {
        let files = corpus(40, 1);
        assert_eq!(files, corpus(40, 1));
        assert_ne!(files, corpus(40, 2));
        let all: String = files.iter().map(|f| f.1.as_str()).collect();
        for variant in ["Kadhimi", "Kadhemi", "Fouad", "Fuad", "Mohandes", "Muhandis"] {
            assert!(all.contains(variant), "{variant}");
        }
        for (_, text) in &files {
            let n = text.split_whitespace().count();
            assert!((400..1200).contains(&n), "{n}");
            assert!(text.contains("\n\n"));
        }
    }

    #[test]
    fn skewed_picks_stay_in_range() {
        let mut rng = Rng::new(0);
        assert!((0..10_000).all(|_| rng.skewed(7) < 7));
        assert_eq!(rng.below(0), 0);
    }
}
