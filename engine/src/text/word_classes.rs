//! Word classes of English news: the words reports use interchangeably for one event or thing
//! ("talks" / "negotiations", "truce" / "ceasefire", "sales" / "revenue") and the phrasal verbs
//! and idioms that mean one of those events ("pull out" / "withdraw"). One list for every reader:
//! the comparison's terms (`compare::terms`) and the search's expansion read the classes from
//! here. All entries are folded, lower case.

/// Word classes that reports use interchangeably for the same thing: a small hand-made list of
/// news event classes (what happened: met, killed, withdrew, won...), each with its common
/// nominalisations and irregular forms, plus a few country adjectives and capitals.
pub const WORD_CLASSES: &[(&str, &[&str])] = &[
    (
        "attack",
        &["attack", "missile", "rocket", "bomb", "bombing", "strike", "airstrike", "projectile", "shelling"],
    ),
    // A labour strike: "strike" itself is read as one only beside workers, a union or pay
    // (`compare::terms`' `labour_strike`), since alone it is a blow ("a drone strike").
    ("walkout", &["walkout", "stoppage"]),
    ("troop", &["troop", "soldier", "force", "personnel", "army"]),
    ("militia", &["militia", "faction", "paramilitary", "militant", "fighter", "group"]),
    // Negotiations are talks ("negotiations broke down" / "port talks fail").
    (
        "meet",
        &[
            "meet",
            "meeting",
            "met",
            "talk",
            "visit",
            "host",
            "hosted",
            "hosting",
            "summit",
            "negotiation",
            "negotiate",
            "negotiator",
        ],
    ),
    (
        "increase",
        &[
            "increase",
            "rise",
            "risen",
            "rose",
            "rising",
            "grow",
            "grew",
            "grown",
            "intensify",
            "intensified",
            "escalate",
            "surge",
            "climb",
            "mount",
            "soar",
            "jump",
            "hike",
            "recover",
            "recovery",
            "rebound",
        ],
    ),
    ("decrease", &["decrease", "fall", "fell", "fallen", "drop", "decline", "shrink", "shrank", "diminish"]),
    (
        "suspend",
        &[
            "suspend",
            "suspension",
            "halt",
            "stop",
            "pause",
            "shut",
            "shutdown",
            "freeze",
            "froze",
            "closure",
            "close",
        ],
    ),
    // Work or people sent elsewhere ("production will move to Tarsk" / "work is being
    // transferred to Tarsk").
    ("relocate", &["relocate", "relocation", "transfer", "move"]),
    // People not found after a disaster ("still missing" / "unaccounted for").
    ("missing", &["missing", "unaccounted"]),
    // A service or a road put back in use: "supplies restored" / "the water back on", "will
    // reopen" / "will be back on the bridge".
    (
        "resume",
        &["resume", "resumption", "restart", "reopen", "reopening", "unfreeze", "restore", "restoration"],
    ),
    // Evacuees are counted where they sleep as often as by their leaving ("moved to evacuation
    // centres" / "spent the night in shelters").
    ("evacuate", &["evacuate", "evacuation", "evacuee", "flee", "fled", "shelter"]),
    ("ceasefire", &["ceasefire", "truce", "armistice"]),
    ("exchange", &["exchange", "swap"]),
    // Water over the land: "the river burst its banks" ([`PHRASAL_VERBS`]) / "floods".
    ("flood", &["flood", "flooding", "inundate", "inundation", "deluge"]),
    // A storm's or a ship's arrival on the coast.
    ("landfall", &["landfall", "ashore"]),
    (
        "kill",
        &[
            "kill",
            "killed",
            "killing",
            "die",
            "died",
            "dead",
            "death",
            "assassination",
            "assassinate",
            "assassinated",
            "slay",
            "slain",
            "slew",
        ],
    ),
    (
        "withdraw",
        &["withdraw", "withdrew", "withdrawn", "withdrawal", "pullout", "drawdown", "expel", "expulsion"],
    ),
    ("win", &["win", "won", "winning", "winner", "victory", "victor", "triumph"]),
    ("lose", &["lose", "lost", "defeat", "concede", "conceded", "loss"]),
    ("elect", &["elect", "election", "vote", "ballot", "poll", "electoral"]),
    ("agree", &["agree", "agreed", "agreement", "deal", "accord", "pact", "treaty"]),
    ("resign", &["resign", "resignation", "quit"]),
    ("arrest", &["arrest", "detain", "detention", "custody"]),
    ("injure", &["injure", "injured", "injury", "wound", "wounded", "hurt"]),
    ("collapse", &["collapse", "cave", "crumble", "implode"]),
    ("quake", &["quake", "earthquake", "tremor", "aftershock", "seismic"]),
    ("announce", &["announce", "announcement", "declare", "declaration", "unveil"]),
    ("demand", &["demand", "urge", "insist"]),
    // A rule or measure put in place: "imposed a curfew", "the curfew took effect", "the law
    // came into force".
    ("enact", &["impose", "imposition", "enforce", "enact"]),
    // A rule's content and its passing: "voted to ban" / "approved a law outlawing".
    ("ban", &["ban", "outlaw", "prohibit", "prohibition"]),
    ("approve", &["approve", "approval", "adopt", "adoption", "ratify", "ratification", "endorse"]),
    ("spill", &["spill", "spillage", "leak"]),
    ("apologise", &["apologise", "apologize", "apology", "sorry"]),
    ("cancel", &["cancel", "cancelled", "canceled", "cancellation", "scrap", "abandon"]),
    // Saying no to a plan or a measure: "opposed the bid" / "rejected the Games".
    ("reject", &["reject", "rejection", "refuse", "refusal", "veto", "oppose"]),
    ("investigate", &["investigate", "investigation", "investigator", "inquiry", "probe"]),
    ("mediate", &["mediate", "mediation", "mediator", "broker"]),
    ("criticise", &["criticise", "criticize", "criticism", "condemn", "condemnation"]),
    ("protest", &["protest", "protester", "protestor", "demonstration", "demonstrator", "rally"]),
    // Things a fact is about, not what happened (`compare::terms`' `NOT_EVENTS`): the words outlets use
    // interchangeably for homes, the power supply and a company's accounts.
    ("home", &["home", "house", "household", "dwelling"]),
    // "Plunged into darkness" is how a blackout is told.
    ("electricity", &["electricity", "power", "blackout", "outage", "darkness"]),
    ("revenue", &["revenue", "sales", "turnover"]),
    ("profit", &["profit", "earnings"]),
    ("forecast", &["forecast", "outlook", "guidance"]),
    ("stock", &["stock", "share", "shareholder"]),
    // A generic doing verb: what is done is its object ("carried out 39 rocket attacks",
    // "conducted an inquiry"), so it is no news event of its own (`compare::terms`' `NOT_EVENTS`), and "carry
    // out" ([`PHRASAL_VERBS`]) is not "carry" ("carrying new directives").
    ("conduct", &["conduct", "perform"]),
    // Who heads an organisation. "Run" is one of its words only with an organisation as its
    // object (`compare::terms`' `runs_an_organisation`): "run out of energy", "the curfew will run from 10 pm",
    // "runs 40 trains a day" say nothing of who leads.
    ("lead", &["lead"]),
    // Goals in a match ("scored twice" / "struck two goals").
    ("score", &["score", "goal", "scorer"]),
    ("us", &["us", "u", "american", "america", "washington", "usa"]),
    ("iraq", &["iraq", "iraqi", "baghdad"]),
    ("iran", &["iran", "iranian", "tehran"]),
    ("premier", &["premier", "pm", "prime"]),
];

/// Phrasal verbs of news reports and the event class each means: (verb, particle, class, how
/// many words may stand between them: "pull its troops out"). The particle must follow the verb.
pub const PHRASAL_VERBS: &[(&str, &str, &str, usize)] = &[
    ("pull", "out", "withdraw", 3),
    ("pull", "back", "withdraw", 3),
    // Workers who walk out or stop work are on strike; walking out of talks is leaving them,
    // work stopped on a project is halted (`compare::terms`' `phrasal_classes`).
    ("walk", "out", "walkout", 0),
    ("stop", "work", "walkout", 0),
    ("drop", "out", "withdraw", 0),
    ("step", "down", "resign", 0),
    ("stand", "down", "resign", 0),
    ("cave", "in", "collapse", 0),
    // A structure or a slope that gives way collapses ("the hillside gave way" / "the slope
    // collapsed", "the central span gave way"); one thing giving way *to* another is replaced.
    ("give", "way", "collapse", 0),
    // Talks or a deal that break down or fall through collapse ("negotiations broke down" /
    // "talks to end the strike collapse").
    ("break", "down", "collapse", 0),
    ("fall", "through", "collapse", 0),
    ("sit", "down", "meet", 0),
    ("call", "off", "cancel", 3),
    ("break", "off", "suspend", 3),
    ("shut", "down", "suspend", 3),
    // "Pull the plug on its factory": close it.
    ("pull", "plug", "suspend", 1),
    ("step", "up", "increase", 3),
    ("turn", "down", "reject", 3),
    // A measure "voted through" is approved; a vote alone ("voted against") is no approval.
    ("vote", "through", "approve", 3),
    // Fighting that stops is a truce ("the clans stopped fighting" / "agreed a truce").
    ("stop", "fighting", "ceasefire", 0),
    ("cease", "fire", "ceasefire", 0),
    // Guns that fall (or are, or go) silent: the fighting stopped.
    ("gun", "silent", "ceasefire", 2),
    // A river that bursts, breaks or overflows its banks floods the land around it. ("Over its
    // banks" alone is not one: "concerns over its banks" is finance.)
    ("burst", "banks", "flood", 1),
    ("break", "banks", "flood", 1),
    ("overflow", "banks", "flood", 1),
    ("carry", "out", "conduct", 3),
    // What is back (on) is restored: "the water back on", "cars will be back on the bridge".
    ("be", "back", "resume", 0),
    ("have", "back", "resume", 3),
    ("take", "effect", "enact", 0),
    ("come", "force", "enact", 1),
    ("come", "effect", "enact", 1),
];

/// Nouns for what a legislature or council passes: "the bill passed", "passed a law" is an
/// approval (`compare::terms`' `passes_a_measure`), while a storm, a night or an inspection that
/// passes is no such thing.
pub const MEASURE_NOUNS: &[&str] = &[
    "bill",
    "bills",
    "law",
    "laws",
    "measure",
    "measures",
    "motion",
    "budget",
    "resolution",
    "amendment",
    "legislation",
    "ordinance",
    "decree",
    // What a council or an assembly votes in besides a law: "the tax passed", "backed the ban".
    "tax",
    "taxes",
    "levy",
    "ban",
    "proposal",
];

/// Verbs of voting for something: with a measure ([`MEASURE_NOUNS`]) as their object ("27
/// backing the measure", "members backed the tax", "councillors voted for a ban") they tell its
/// approval (`compare::terms`' `votes_a_measure_through`); backing a person or a team does not.
pub const BACKING_VERBS: &[&str] =
    &["back", "backs", "backed", "backing", "support", "supports", "supported", "supporting"];

/// Verbs that tell a measure won its vote ("Tourist tax wins assembly vote", "the ban cleared
/// the council vote"), an approval when a measure is what won.
pub const VOTE_WON_VERBS: &[&str] = &["win", "wins", "won", "winning", "clear", "clears", "cleared"];

/// Things that can end without having happened: a deal, talks, a plan ("the deal is dead", "the
/// sale fell through").
pub const PLAN_NOUNS: &[&str] = &[
    "plan", "bid", "bill", "merger", "proposal", "project", "takeover", "offer", "sale", "contract", "scheme",
];

/// Organisation nouns that make "run" mean "lead" when they are its object ("would run the
/// business", "who ran the city hall"; `compare::terms`' `runs_an_organisation`).
pub const ORGANISATION_NOUNS: &[&str] = &[
    "business",
    "company",
    "firm",
    "operator",
    "group",
    "bank",
    "agency",
    "ministry",
    "department",
    "government",
    "country",
    "club",
    "team",
    "party",
    "union",
    "hall",
    "council",
    "office",
    "administration",
    "utility",
    "railway",
    "airline",
    "newspaper",
    "school",
    "hospital",
];

/// Words that make "strike" a labour strike, not a blow: anywhere in its sentence (who strikes
/// and over what: "refuse collectors strike over pay"), or right before it ("on strike", "a
/// general strike") or right after it ("strike begins", "strike action").
pub const LABOUR_WORDS: &[&str] = &[
    "worker",
    "workers",
    "union",
    "unions",
    "staff",
    "employee",
    "employees",
    "docker",
    "dockers",
    "pay",
    "wage",
    "wages",
    "pension",
    "pensions",
    "ballot",
    "picket",
    "pickets",
];

/// Words right before "strike" that make it a labour strike ("went on strike", "a general strike").
pub const LABOUR_STRIKE_BEFORE: &[&str] = &["on", "general", "national", "nationwide", "hour", "day", "week"];

/// Words right after "strike" that make it a labour strike ("as strike begins", "strike action").
pub const LABOUR_STRIKE_AFTER: &[&str] = &[
    "begins",
    "began",
    "begin",
    "ends",
    "ended",
    "continues",
    "continued",
    "action",
    "over",
    "vote",
    "ballot",
];

/// Nouns that count people: "27 workers" and "twenty-seven miners" in reports of one mine
/// collapse are one figure, whatever each outlet calls the people.
pub const COUNTED_PERSON_NOUNS: &[&str] = &[
    "people",
    "person",
    "worker",
    "miner",
    "resident",
    "passenger",
    "civilian",
    "man",
    "men",
    "woman",
    "women",
    "child",
    "children",
    "employee",
    "colleague",
    "staff",
    "student",
    "villager",
    "migrant",
    "refugee",
    "protester",
    "victim",
    "tourist",
    "patient",
    "prisoner",
    "detainee",
    "hostage",
    "survivor",
    "inhabitant",
    "pilgrim",
    "crew",
    "rioter",
    "demonstrator",
    "suspect",
    // Occupations and memberships counted in the news ("18,000 nurses" / "its 18,000 members").
    "member",
    "nurse",
    "doctor",
    "teacher",
    "farmer",
    "driver",
    "voter",
    "commuter",
    "traveller",
    "customer",
    // A toll told with casualty words alone counts people ("left three dead and 27 injured" /
    // "Three people died and 27 were injured", "two dead" / "Two crew members died").
    "dead",
    "killed",
    "injured",
    "hurt",
    "wounded",
];
