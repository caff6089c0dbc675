//! Word lists the rule-based recogniser uses as cues. All entries are folded (lower case, no
//! diacritics) and matched against folded tokens.

/// Titles and roles written before a person's name ("President", "analyst", "commander"): the
/// name starts after the last of them in a capitalised run ("Foreign Minister Fuad Hussein").
#[rustfmt::skip]
pub const TITLE_HEADS: &[&str] = &[
    "president", "minister", "premier", "secretary", "general", "commander", "chief", "spokesperson",
    "spokesman", "spokeswoman", "analyst", "ambassador", "envoy", "senator", "governor", "mayor",
    "chancellor", "king", "queen", "prince", "princess", "sheikh", "ayatollah", "cleric", "imam", "pope",
    "cardinal", "bishop", "rabbi", "judge", "colonel", "lieutenant", "major", "captain", "sergeant",
    "admiral", "marshal", "brigadier", "officer", "director", "head", "leader", "chairman",
    "chairwoman", "chair", "speaker", "deputy", "adviser", "advisor", "mr", "mrs", "ms", "dr",
    "professor", "prof", "sir", "dame", "lord", "lady", "reporter", "journalist", "correspondent",
    "editor", "researcher", "activist", "expert", "official", "diplomat", "counterpart", "candidate",
    "mp", "lawmaker", "congressman", "congresswoman", "representative", "sen", "rep", "gen", "col",
    "lt", "capt", "founder", "ceo", "emir", "sultan", "attorney", "commissioner", "coordinator",
    "economist", "author", "writer", "columnist", "historian", "scholar", "filmmaker", "actor",
    "justice",
];

/// Nouns that, after "Name, a ...", say the name is a person ("Hela Moyes, a German activist").
#[rustfmt::skip]
pub const PERSON_NOUNS: &[&str] = &[
    "activist", "reporter", "journalist", "whistleblower", "analyst", "commander", "official",
    "politician", "leader", "minister", "spokesperson", "spokesman", "spokeswoman", "lawyer", "writer",
    "author", "professor", "researcher", "businessman", "businesswoman", "cleric", "general", "doctor",
    "diplomat", "adviser", "advisor", "economist", "director", "founder", "member", "lawmaker", "mp",
    "candidate", "student", "artist", "singer", "actor", "actress", "poet", "novelist", "historian",
    "colonel", "officer", "soldier", "militant", "fighter", "man", "woman", "citizen", "resident",
    "farmer", "teacher", "engineer", "blogger", "photographer", "filmmaker", "president", "chief",
    "head", "expert", "scholar", "veteran", "envoy", "ambassador", "judge", "mayor", "governor",
    "scientist", "banker", "economist", "lecturer", "mother", "father", "son", "daughter", "wife",
    "husband", "survivor", "victim", "witness", "worker", "nurse", "driver", "shopkeeper", "trader",
    "coordinator", "fellow", "secretary", "chairman", "chairwoman", "aide", "negotiator", "commentator",
    "vendor", "seller", "spokesperson", "correspondent", "editor", "organiser", "organizer",
    "executive", "manager", "owner", "ceo", "chairperson", "treasurer", "prosecutor", "welder",
    "fisherman", "fisherwoman", "miner", "mechanic", "electrician", "carpenter", "builder", "labourer",
    "laborer", "pilot", "sailor", "cook", "chef", "baker", "butcher", "tailor", "shepherd", "herder",
    "pharmacist", "surgeon", "physician", "dentist", "paramedic", "firefighter", "volunteer",
    "pensioner", "retiree", "midwife", "geologist", "hydrologist", "biologist", "climatologist",
    "seismologist", "volcanologist", "accountant", "consultant", "entrepreneur", "investor",
    "landlord", "tenant", "refugee", "migrant", "protester", "demonstrator", "voter", "coach",
    "player", "athlete", "priest", "imam", "monk", "nun", "villager", "rancher", "grower", "smuggler",
    "mediator", "arbitrator", "campaigner", "lobbyist", "strategist", "inspector", "auditor",
    "councillor", "councilor", "legislator", "delegate", "attorney", "solicitor", "barrister",
    "detective", "academic", "architect", "designer", "planner", "broker",
];

/// Words that make a capitalised run an organisation ("Badr Organization", "Hezbollah Brigades").
#[rustfmt::skip]
pub const ORG_WORDS: &[&str] = &[
    "organization", "organisation", "forces", "force", "brigades", "brigade", "coalition", "ministry",
    "department", "party", "council", "service", "services", "agency", "corps", "centre", "center",
    "league", "union", "army", "movement", "front", "committee", "commission", "assembly",
    "parliament", "congress", "senate", "institute", "institution", "foundation", "association",
    "alliance", "bank", "company", "corporation", "group", "network", "court", "authority", "office",
    "bureau", "university", "college", "academy", "federation", "confederation", "guard", "police",
    "militia", "battalion", "battalions", "regiment", "division", "fund", "trust", "society",
    "club", "board", "cabinet", "government", "administration", "news", "press", "times", "post",
    "tv", "television", "radio", "channel", "agency", "inc", "ltd", "llc", "plc", "co", "corp",
    "airlines", "airways", "industries", "holdings", "partners", "mission", "command", "directorate",
    "secretariat", "tribunal", "bloc", "brotherhood", "programme", "program", "observatory",
    "exchange", "chamber", "electronics", "motors", "technologies", "pharmaceuticals", "semiconductor",
    "semiconductors", "telecom", "telecommunications", "petroleum", "steel", "shipbuilding", "shipyard",
    "securities", "aerospace", "airline", "logistics", "insurance", "chemicals", "holding", "mining",
    "minerals", "metals", "resources",
];

/// Lower-case words that follow a capitalised word and a hyphen without being part of a name
/// ("Iran-backed", "US-led"): the hyphen does not join them to it as a Korean given name's second
/// syllable does ("Moon Jae-in", "Kim Ki-nam").
#[rustfmt::skip]
pub const HYPHEN_SUFFIXES: &[&str] = &[
    "led", "backed", "based", "born", "owned", "run", "made", "held", "linked", "style", "era", "wide",
    "funded", "allied", "aligned", "bound", "free", "related", "type", "like", "level", "scale", "class",
    "size", "area", "zone", "ruled", "armed", "bred", "built", "year", "day", "week", "month",
];

/// Words that head an organisation's name and take the capitalised run after them: Arabic
/// ("Kataib Sayyid al-Shuhada", "Harakat al-Nujaba", "Saraya Awliya al-Dam", "Jaish al-Adl") and
/// a military operation ("Operation Inherent Resolve").
#[rustfmt::skip]
pub const ORG_HEADS: &[&str] = &[
    "kataib", "harakat", "saraya", "asaib", "hizb", "jaish", "liwa", "jabhat", "hayat", "tayyar", "quwat",
    "jamaat", "operation",
];

/// Arabic name heads joined by a hyphen to the word after them, the two being one name
/// ("Abdul-Ghani", "Abdel-Mahdi").
#[rustfmt::skip]
pub const COMPOUND_NAME_HEADS: &[&str] = &["abdul", "abdel", "abd", "abdal", "abdol"];

/// Single-word institutions that are organisations on their own ("Peru's Congress").
#[rustfmt::skip]
pub const INSTITUTIONS: &[&str] =
    &["congress", "parliament", "senate", "knesset", "duma", "bundestag", "majlis", "cabinet", "politburo"];

/// Lower-case nouns that, right after a capitalised name, make it a place ("the Sylhet region").
#[rustfmt::skip]
pub const PLACE_NOUNS: &[&str] = &[
    "region", "province", "governorate", "district", "county", "city", "town", "village", "valley", "river",
    "airport", "island", "desert", "mountains", "square", "volcano", "mine", "port", "archipelago",
    "peninsula", "crossing", "pipeline", "refinery", "dam", "reservoir", "oilfield", "smelter",
    "forest", "estuary", "waterway", "wetlands", "marshes", "plateau", "basin", "strait", "coast",
    "lagoon", "gorge", "glacier", "highlands",
];

/// Words trimmed from the start of an organisation name: function words, not adjectives such as
/// "Federal" or "National" that belong to the name.
#[rustfmt::skip]
pub const ORG_LEADING_STOP: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "in", "on", "at", "of", "for",
    "from", "to", "with", "by", "as", "after", "before", "during", "despite", "meanwhile", "however",
    "while", "when", "members", "member", "both", "many", "some", "since", "and", "but", "or",
    "according", "under", "between", "against", "amid", "if", "yet", "so", "then", "also",
];

/// Words that make a capitalised run a place ("Anbar Province", "Nineveh Plains").
#[rustfmt::skip]
pub const PLACE_WORDS: &[&str] = &[
    "province", "governorate", "region", "district", "city", "county", "state", "island", "islands",
    "mountains", "mountain", "river", "valley", "desert", "sea", "bay", "gulf", "strait", "plains",
    "peninsula", "lake", "ocean", "coast", "heights", "oblast", "prefecture", "canton", "territory",
    "territories", "park", "trail", "highway", "road", "street", "avenue", "bridge", "dam", "reservoir",
    "canal", "delta", "airport", "square", "refinery", "pipeline", "oilfield", "harbour", "harbor", "hotel",
];

/// Capitalised heads that make a place of their own out of the place named before them ("Mosul
/// Dam", "Basra International Airport", "Mekong Delta"): not the town or river itself.
#[rustfmt::skip]
pub const FACILITY_WORDS: &[&str] = &[
    "dam", "reservoir", "canal", "delta", "airport", "square", "bridge", "refinery", "pipeline",
    "oilfield", "harbour", "harbor", "hotel", "port", "stadium", "arena", "terminal",
];

/// Lower-case words that introduce a place ("in Mosul", "near Kirkuk").
#[rustfmt::skip]
pub const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside", "across", "towards", "toward"];

/// Lower-case particles allowed inside names ("Abu Bakr al-Baghdadi", "Charles de Gaulle") and,
/// for organisations, connectors ("Centre for Political Thought").
#[rustfmt::skip]
pub const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "de", "del", "della", "da", "di", "do", "van", "von", "der", "den", "ter", "le",
    "la", "los", "las", "du", "dos", "das", "ben",
];

/// Words that make the country after them a part of it or a period of it ("Northern Canada",
/// "Rural Australia", "Nazi Germany"), never an organisation named after it.
pub const PLACE_QUALIFIERS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "greater",
    "inner",
    "outer",
    "rural",
    "urban",
    "coastal",
    "mainland",
    "modern",
    "ancient",
    "medieval",
    "colonial",
    "imperial",
    "communist",
    "soviet",
    "nazi",
    "occupied",
    "free",
    "red",
    "old",
    "atlantic",
    "pacific",
    "arctic",
    "northwestern",
    "northeastern",
    "southwestern",
    "southeastern",
    "regional",
    "metropolitan",
    "downtown",
    "outback",
    "wider",
    "post",
    "pre",
];

/// Surname prefixes written with a capital inside the name ("McDonald", "DeSantis", "LeBron"), so
/// such a word is not taken for a company name in one word ("QatarEnergy", "KenGen").
#[rustfmt::skip]
pub const SURNAME_PREFIXES: &[&str] =
    &["mc", "mac", "de", "di", "da", "du", "le", "la", "van", "von", "fitz", "del", "della", "st"];

/// Verbs of publishing before "on <platform>" ("wrote on Twitter", "posted on Facebook").
pub const POSTING_VERBS: &[&str] =
    &["wrote", "posted", "tweeted", "shared", "published", "announced", "said", "commented", "replied"];

/// Capitalised words that start sentences or headlines but never names.
#[rustfmt::skip]
pub const STOP_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i",
    "you", "his", "her", "their", "our", "my", "your", "in", "on", "at", "of", "for", "from", "to",
    "with", "by", "as", "after", "before", "during", "despite", "meanwhile", "however", "moreover",
    "although", "though", "while", "when", "where", "what", "who", "whom", "whose", "why", "how",
    "if", "but", "and", "or", "nor", "not", "no", "yes", "since", "between", "according", "asked",
    "earlier", "later", "also", "amid", "among", "speaking", "sources", "source", "local", "both",
    "many", "some", "several", "most", "other", "such", "then", "there", "here", "now", "still", "yet",
    "so", "thus", "instead", "under", "over", "without", "within", "following", "last", "next", "only",
    "even", "each", "every", "all", "any", "anti", "pro", "about", "above", "below", "across", "against",
    "along", "around", "because", "into", "onto", "through", "throughout", "toward", "towards", "upon",
    "via", "will", "would", "should", "could", "can", "may", "might", "must", "shall", "is", "are",
    "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "said", "says", "say",
    "read", "more", "related", "watch", "see", "photo", "video", "update", "updated", "breaking",
    "exclusive", "analysis", "opinion", "editorial", "comment", "live", "new", "first", "second",
    "third", "one", "two", "three", "four", "five", "ten", "once", "again", "further", "furthermore",
    "indeed", "overall", "finally", "additionally", "nevertheless", "nonetheless", "therefore",
    "otherwise", "perhaps", "meanwhile", "today", "yesterday", "tomorrow", "tonight", "unlike", "like",
    "just", "very", "too", "well", "much", "few", "less", "least", "own", "same", "than", "whether",
    "which", "whereas", "unless", "until", "till", "once", "officials", "residents", "witnesses",
    "police", "protesters", "critics", "supporters", "experts", "analysts", "observers", "diplomats",
    "government", "parliament", "president", "minister", "prime", "requires", "strategic",
    "dialogues", "political", "military", "security", "economic", "international", "regional",
    "national", "federal", "royal", "senior", "former", "current", "acting", "interim", "late",
    "top", "chief", "leading", "prominent", "veteran", "reform", "reforms", "war", "peace", "talks",
    "we", "us", "let", "here's", "here", "why", "inside", "outside", "behind", "beyond", "ahead",
    "near", "off", "out", "up", "down", "back", "away", "together", "alone", "already", "always",
    "never", "often", "sometimes", "usually", "rarely", "recently", "currently", "previously",
    "mr", "mrs", "ms", "dr",
];

/// Common given names across languages: a two-word capitalised run starting with one is a person.
#[rustfmt::skip]
pub const FIRST_NAMES: &[&str] = &[
    // Arabic, Persian, Turkish, Kurdish
    "abdul", "abdullah", "abdel", "abdulla", "abbas", "adel", "adil", "ahmad", "ahmed", "ali", "amir",
    "amr", "anas", "ayman", "bashar", "fadi", "faisal", "fares", "farouk", "fatima", "fuad", "fouad",
    "ghassan", "hadi", "haidar", "haider", "hamid", "hamza", "hani", "hasan", "hassan", "hisham",
    "hussein", "husayn", "ibrahim", "ihsan", "imad", "ismail", "esmail", "jafar", "jalal", "jamal",
    "karim", "khaled", "khalid", "layla", "leila", "mahdi", "mahmoud", "majid", "marwan", "masoud",
    "masrour", "mohamed", "mohammad", "mohammed", "muhammad", "mostafa", "mustafa", "mustapha",
    "nabil", "nasser", "nawaf", "nechirvan", "nouri", "nuri", "omar", "osama", "qais", "qasem",
    "qassem", "rashid", "riyad", "saad", "saddam", "saeed", "said", "salah", "salim", "sami", "samir",
    "tariq", "walid", "yasser", "yousef", "youssef", "yusuf", "zaid", "zainab", "hamad", "mansour",
    "recep", "mehmet", "ahmet", "hakan", "kemal", "ebrahim", "hassan", "javad", "mohsen", "reza",
    "abolfazl", "ammar", "bassem", "hazem", "rami", "ziad", "fadel", "muqtada", "nizar", "wael",
    // English, French, German, Spanish, others
    "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
    "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew",
    "joshua", "kenneth", "kevin", "brian", "george", "edward", "ronald", "timothy", "jason", "jeffrey",
    "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott",
    "brandon", "benjamin", "samuel", "frank", "gregory", "raymond", "alexander", "patrick", "jack",
    "dennis", "jerry", "tyler", "aaron", "jose", "henry", "adam", "douglas", "nathan", "peter",
    "zachary", "kyle", "walter", "harold", "jeremy", "ethan", "carl", "keith", "roger", "gerald",
    "christian", "terry", "sean", "arthur", "austin", "noah", "lawrence", "jesse", "joe", "bryan",
    "billy", "jordan", "albert", "dylan", "bruce", "willie", "gabriel", "alan", "juan", "logan",
    "wayne", "ralph", "roy", "eugene", "randy", "vincent", "russell", "louis", "philip", "bobby",
    "johnny", "bradley", "mike", "tony", "tom", "bill", "bob", "jim", "tim", "dan", "ben", "sam",
    "nick", "chris", "matt", "rob", "rick", "ted", "ron", "antony", "boris", "keir", "rishi", "liz",
    "theresa", "gordon", "tony", "hillary", "kamala", "nancy", "mitch", "chuck", "marco", "lindsey",
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
    "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna",
    "michelle", "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon",
    "laura", "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela",
    "nicole", "emma", "samantha", "katherine", "christine", "debra", "rachel", "catherine", "carolyn",
    "janet", "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia",
    "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "andrea", "hannah",
    "martha", "jacqueline", "frances", "gloria", "ann", "teresa", "kathryn", "sara", "janice", "jean",
    "alice", "madison", "doris", "abigail", "julia", "judy", "grace", "denise", "amber", "marilyn",
    "beverly", "danielle", "theresa", "sophia", "marie", "diana", "brittany", "natalie", "isabella",
    "charlotte", "rose", "alexis", "kayla", "ursula", "angela", "olaf", "friedrich", "annalena",
    "emmanuel", "jean-yves", "francois", "nicolas", "jacques", "pierre", "philippe", "michel",
    "alain", "laurent", "olivier", "sebastien", "gabriel", "edouard", "manuel", "marine", "segolene",
    "carlos", "luis", "miguel", "pedro", "javier", "pablo", "alejandro", "fernando", "jorge",
    "sergio", "andres", "gustavo", "ricardo", "eduardo", "rafael", "antonio", "francisco", "giorgia",
    "giuseppe", "mario", "matteo", "sergio", "vladimir", "dmitry", "sergei", "sergey", "alexei",
    "alexey", "volodymyr", "viktor", "olena", "yulia", "petro", "xi", "li", "wang", "narendra",
    "rahul", "imran", "nawaz", "shehbaz", "benjamin", "yair", "naftali", "isaac", "yitzhak", "moshe",
    "ehud", "avi", "itamar", "bezalel", "recep", "kim", "shinzo", "fumio", "lula", "jair", "javier",
    "cyril", "jacob", "nelson", "abiy", "paul", "yoweri", "uhuru", "william", "bola", "muhammadu",
    "jens", "mark", "mette", "ulf", "sanna", "viktor", "andrzej", "donald", "petr", "robert",
    "lars", "erik", "anders", "sven", "hans", "klaus", "jurgen", "wolfgang", "helmut", "gerhard",
    "christian", "ingrid", "astrid", "johan", "pieter", "willem", "jan",
];

/// Lower-case nouns that say the capitalised name beside them is an organisation: before it
/// ("supermarket chain Albert Heijn", "the broadcaster NOS") or after "Name, the ..." ("Equinor,
/// the state energy company, said").
#[rustfmt::skip]
pub const ORG_NOUNS: &[&str] = &[
    "company", "firm", "group", "conglomerate", "corporation", "chain", "retailer", "supermarket",
    "airline", "carrier", "bank", "lender", "insurer", "broadcaster", "newspaper", "daily", "magazine",
    "outlet", "agency", "bureau", "utility", "operator", "producer", "miner", "manufacturer", "maker",
    "giant", "startup", "charity", "ngo", "watchdog", "regulator", "organisation", "organization",
    "network", "platform", "club", "union", "party", "militia", "movement", "coalition", "alliance",
];

/// Organisation nouns that may follow an organisation's own name ("the Codelco state company").
/// Narrower than [`ORG_NOUNS`]: "the Biden administration" and "the Smith family" are not names.
#[rustfmt::skip]
pub const ORG_NOUNS_AFTER: &[&str] = &[
    "company", "firm", "group", "conglomerate", "corporation", "airline", "carrier", "bank", "lender",
    "broadcaster", "newspaper", "utility", "charity", "militia",
];

/// Capitalised words that start a place's name ("Mount Merapi", "Lake Taal", "Port Harcourt").
#[rustfmt::skip]
pub const PLACE_HEADS: &[&str] = &["mount", "mt", "lake", "cape", "port", "fort", "isla", "isle", "lac", "monte"];

/// Lower-case nouns that make a place of the name one modifier before them ("the Escondida copper
/// mine", "the Kakuma refugee camp"); without a modifier they are in [`PLACE_NOUNS`].
#[rustfmt::skip]
pub const MODIFIED_PLACE_NOUNS: &[&str] = &["mine", "camp", "crossing", "field", "volcano", "island", "port", "base"];

/// Lower-case nouns whose "of" introduces a place's name ("the village of Gornje Nedeljice",
/// "the province of Anbar", "residents of Bahodopi").
#[rustfmt::skip]
pub const PLACES_OF: &[&str] = &[
    "village", "villages", "town", "towns", "city", "cities", "province", "governorate", "district",
    "region", "county", "municipality", "island", "islands", "port", "hamlet", "state", "residents",
    "inhabitants", "people", "citizens", "villagers", "mayor",
];

/// Words before "to" that make the name after it a destination ("flights to Legazpi").
#[rustfmt::skip]
pub const MOTION_WORDS: &[&str] = &[
    "travel", "travels", "travelled", "traveled", "travelling", "traveling", "trip", "visit", "visits",
    "fled", "flee", "fleeing", "flight", "flights", "flew", "flown", "returned", "return", "deployed",
    "evacuated", "headed", "sailed", "shipped", "boats", "road", "route", "moved", "relocated",
    "spread", "spreads", "spreading",
];

/// Upper-case words that are not organisations: units, currencies, times, titles, diseases,
/// common technical abbreviations and roman numerals.
#[rustfmt::skip]
pub const STOP_ACRONYMS: &[&str] = &[
    "am", "pm", "gmt", "utc", "est", "edt", "pst", "pdt", "cet", "bst", "ceo", "cfo", "coo", "cto", "vp",
    "mp", "mps", "fm", "md", "gdp", "gnp", "cpi", "vat", "ipo", "etf", "tv", "ok", "id", "dna", "hiv",
    "aids", "covid", "sars", "mers", "lng", "lpg", "ev", "evs", "ai", "it", "iq", "pr", "hr", "faq",
    "pdf", "usd", "eur", "gbp", "jpy", "cny", "km", "kg", "mw", "gw", "kw", "kwh", "bpd", "suv", "vip",
    "diy", "rip", "asap", "fyi", "cctv", "gps", "sms", "url", "atm", "aka", "bc", "ad", "ce", "bce", "vs",
    "nb", "ps", "jr", "sr", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "xx", "xxi",
    "phd", "mba", "qc", "kc", "rpg", "ied", "ieds", "uav", "uavs", "gm", "tnt", "mph", "co", "ltd",
    "plc", "inc", "llc", "ag", "sa", "nv", "bv", "gmbh", "no", "oh", "ah", "ha",
];
