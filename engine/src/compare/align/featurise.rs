//! Featurising the compared articles: distinct sentences, their terms, facts, clauses and
//! plans, interned and weighted by inverse sentence frequency over all of them.

use super::*;

/// Distinct sentences, their features and facts, for a set of compared articles (the weights'
/// inverse sentence frequency is computed over all of them). `mentions` are each article's
/// entity mentions (missing entries: none): a word inside a linked name reads as its entity.
pub(super) fn featurise(articles: &[&Article], mentions: &[&[Mention]]) -> Featurised {
    // Tokenise each sentence once; repeats, terms, figures and words all come from the same
    // tokens.
    let all: Vec<Vec<Sentence>> = articles.iter().map(|a| sentences::sentences(a)).collect();
    let all_tokens: Vec<Vec<Vec<Token<'_>>>> =
        all.iter().map(|list| list.iter().map(|s| tokens(&s.text)).collect()).collect();
    let mut kept: Vec<Vec<usize>> = Vec::with_capacity(articles.len());
    let mut total_sentences = Vec::with_capacity(articles.len());
    for toks in &all_tokens {
        let mut list = distinct(toks);
        total_sentences.push(list.len());
        list.truncate(MAX_SENTENCES);
        kept.push(list);
    }
    let sentences: Vec<Vec<Sentence>> =
        kept.iter().zip(&all).map(|(kept, all)| kept.iter().map(|&i| all[i].clone()).collect()).collect();
    type RawTerms =
        (Vec<(Term, Shape, u8)>, (Vec<(String, bool)>, bool), Vec<String>, (When, Vec<When>), Stance);
    let mut raw: Vec<Vec<RawTerms>> = Vec::with_capacity(sentences.len());
    let mut facts: FactLists = Vec::with_capacity(sentences.len());
    let mut lower_seen: FnvSet<String> = FnvSet::default();
    // Keys written as a role somewhere ("governor", "union" in "union leaders").
    let mut role_keys: FnvSet<String> = FnvSet::default();
    // Acronyms written anywhere in the compared articles, so a name spelt out in full ("Free
    // Highlands Army") also names its acronym ("FHA").
    let acronyms = crate::compare::variants::acronyms(all_tokens.iter().flatten().flatten());
    // An article given without date and figure mentions (none at all, or its linked names only,
    // as the explorer's comparison page sends them) has them read here, by the same reader.
    let fact_mentions: Vec<std::borrow::Cow<'_, [Mention]>> = articles
        .iter()
        .enumerate()
        .map(|(a, article)| match mentions.get(a).copied().filter(|m| m.iter().any(|m| m.value.is_some())) {
            Some(given) => std::borrow::Cow::Borrowed(given),
            None => std::borrow::Cow::Owned(crate::entities::dates_and_figures(article, 0)),
        })
        .collect();
    // Each article's counts by what they count, so a figure can be read as the rounding another
    // article writes of it ("nearly 2,500" / "2,450").
    // Percentages are not read as roundings of each other: a tenth of a point is news.
    let percent = figures::percent_unit();
    // An approximate count keeps the most it reads as ("dozens of": up to 99).
    let counts: Vec<Vec<(f64, String, Option<f64>)>> = fact_mentions
        .iter()
        .map(|m| {
            figures::article_facts(m)
                .into_iter()
                .filter_map(|f| match f.value {
                    FactValue::Count { value, unit, up_to, .. } if !unit.is_empty() && unit != percent => {
                        Some((value, unit, up_to))
                    }
                    _ => None,
                })
                .collect()
        })
        .collect();
    for (a, list) in kept.iter().enumerate() {
        let article_mentions = mentions.get(a).copied().unwrap_or(&[]);
        let elsewhere: Vec<&(f64, String, Option<f64>)> =
            counts.iter().enumerate().filter(|(b, _)| *b != a).flat_map(|(_, list)| list).collect();
        let mut per_article = Vec::with_capacity(list.len());
        let mut article_facts = Vec::with_capacity(list.len());
        for &i in list {
            let (s, toks) = (&all[a][i], &all_tokens[a][i]);
            // Clock times read once per sentence: terms and times both use them.
            let clocks = crate::entities::clock_times(&s.text, toks);
            // Dates and figures are the entity layer's, as the article page shows them.
            let sentence_facts = facts_in(s.start, s.end, &fact_mentions[a]);
            let clause_ids = crate::compare::clauses::clause_of_tokens(&s.text, toks);
            // Clause ids rise along the sentence, so each clause is one run of tokens.
            let n_clauses = clause_ids.last().map_or(0, |&c| c as usize + 1);
            let clause_when: Vec<When> = (0..n_clauses)
                .map(|c| {
                    let from = clause_ids.partition_point(|&id| (id as usize) < c);
                    let to = clause_ids.partition_point(|&id| (id as usize) <= c);
                    When::of(&toks[from..to], &clocks_within(&clocks, from, to))
                })
                .collect();
            let when = When::of(toks, &clocks);
            let mut terms = sentence_terms(toks, &sentence_facts, &clause_ids, &clocks, &elsewhere);
            for (acronym, idx) in crate::compare::variants::spelled_out(toks, &acronyms) {
                if let Some(key) = crate::compare::terms::term_key(&acronym) {
                    let term = Term { key, name: true, figure: false, calendar: false, role: false };
                    terms.push((term, toks.get(idx), clause_ids.get(idx).copied().unwrap_or(0)));
                }
            }
            // A name the entity layer linked also names its entity, so "PMF" and "Hashed
            // al-Shaabi", "Kadhemi" and "the Iraqi prime minister" are one actor, as on the
            // article page; the words stay (an acronym spelt out, "Washington" for the US).
            // (word key, entity key): a source's entity is a source too (below).
            let mut entity_of_word: Vec<(String, String)> = Vec::new();
            if !article_mentions.is_empty() {
                let mut linked: Vec<(Term, Option<&Token<'_>>, u8)> = Vec::new();
                for (term, tok, clause) in &terms {
                    let Some(tok) = tok.filter(|_| !term.figure) else { continue };
                    let Some((e, kind)) = entity_at(article_mentions, s.start + tok.start, s.start + tok.end)
                    else {
                        continue;
                    };
                    let prefix = if kind == MentionKind::Place { PLACE_KEY } else { ENTITY_KEY };
                    let key = format!("{prefix}{e}");
                    entity_of_word.push((term.key.clone(), key.clone()));
                    if !linked.iter().any(|(t, _, _)| t.key == key) {
                        let term = Term { key, name: true, figure: false, calendar: false, role: false };
                        linked.push((term, Some(tok), *clause));
                    }
                }
                terms.extend(linked);
            }
            for (term, tok, _) in &terms {
                if term.key.starts_with(ENTITY_KEY) {
                    continue;
                }
                if term.role {
                    role_keys.insert(term.key.clone());
                }
                if !term.figure && tok.is_some_and(|t| !t.text.starts_with(char::is_uppercase)) {
                    lower_seen.insert(term.key.clone());
                }
            }
            // Keys in context, read once for the plans and the stance.
            let keys = crate::compare::terms::keys_of_tokens(toks);
            let planned = planned_keys(toks, &keys);
            let title_case = is_title_case(toks);
            let terms = terms
                .into_iter()
                .map(|(t, tok, clause)| {
                    let shape = match tok {
                        None if t.key.starts_with("#:") => Shape::Counted,
                        None => Shape::Lower,
                        Some(tok) if !tok.text.starts_with(char::is_uppercase) => Shape::Lower,
                        Some(tok) if tok.start > 0 && !title_case => Shape::Capitalised,
                        Some(_) => Shape::Unsure,
                    };
                    (t, shape, clause)
                })
                .collect();
            let words = toks.iter().map(|t| t.norm.clone()).collect();
            let mut stance = stance_of(&s.text, toks, &keys);
            // The entity a source's words name is no actor either ("Brauhaus chief executive Ines
            // Vogt said the deal was dead": the person Ines Vogt as well as her two words).
            let source_entities: Vec<String> = entity_of_word
                .iter()
                .filter(|(word, _)| stance.sources.contains(word))
                .map(|(_, entity)| entity.clone())
                .collect();
            if !source_entities.is_empty() {
                stance.sources.extend(source_entities);
                stance.sources.sort_unstable();
                stance.sources.dedup();
            }
            let takes_effect = names_when_it_takes_effect(toks);
            per_article.push((terms, (planned, takes_effect), words, (when, clause_when), stance));
            article_facts.push(sentence_facts);
        }
        raw.push(per_article);
        facts.push(article_facts);
    }
    // Names: capitalised inside a sentence, or at its start (or in a title-case headline) when
    // never written lower case; role nouns ("minister") always.
    let raw: Vec<Vec<RawSentence>> = raw
        .into_iter()
        .map(|list| {
            list.into_iter()
                .map(|(terms, (planned, takes_effect), words, (when, clause_when), stance)| RawSentence {
                    takes_effect,
                    when,
                    clause_when,
                    stance,
                    terms: terms
                        .into_iter()
                        .map(|(t, shape, clause)| {
                            let kind = if t.figure && t.key.starts_with(CLOCK_KEY) {
                                Kind::Clock
                            } else if t.figure && t.key.starts_with(YEAR_KEY) {
                                Kind::Year
                            } else if t.figure {
                                Kind::Figure
                            } else if shape == Shape::Counted {
                                Kind::Counted
                            } else if t.key.starts_with(ENTITY_KEY) {
                                Kind::Name
                            } else if t.calendar {
                                Kind::Calendar
                            } else if t.role
                                || shape == Shape::Capitalised
                                || (shape == Shape::Unsure && !lower_seen.contains(&t.key))
                            {
                                Kind::Name
                            } else if is_participant_word(&t.key) {
                                Kind::Participant
                            } else {
                                Kind::Predicate
                            };
                            (t.key, kind, clause)
                        })
                        .collect(),
                    planned,
                    words,
                })
                .collect()
        })
        .collect();

    // One name however it is spelt across the compared articles ("Kadhimi" / "Kadhami",
    // "Talvia" / "Talvian").
    let raw = merge_name_variants(raw);

    let mut interner: FnvMap<String, u32> = FnvMap::default();
    let mut intern = |key: &str| -> u32 {
        if let Some(&id) = interner.get(key) {
            return id;
        }
        let id = interner.len() as u32;
        interner.insert(key.to_string(), id);
        id
    };
    // Per article, per sentence: (id, kind) deduplicated, planned ids, words, and the same ids
    // per clause (empty for a one-clause sentence).
    // Planned ids with whether the sentence names when they take effect.
    type Planned = (Vec<(u32, bool)>, bool);
    type Interned = (Vec<(u32, Kind)>, Planned, Vec<String>, Vec<(Vec<(u32, Kind)>, When)>, StanceIds, When);
    let interned: Vec<Vec<Interned>> = raw
        .into_iter()
        .map(|list| {
            list.into_iter()
                .map(|s| {
                    let with_clause: Vec<(u32, Kind, u8)> =
                        s.terms.iter().map(|(k, kind, clause)| (intern(k), *kind, *clause)).collect();
                    // A word used both ways in one sentence ("Fire chief Vogt said the fire...")
                    // keeps its strongest reading: what is done over who does it.
                    let distinct = |mut ids: Vec<(u32, Kind)>| {
                        ids.sort_by_key(|&(id, kind)| (id, kind != Kind::Predicate));
                        ids.dedup_by_key(|x| x.0);
                        ids
                    };
                    let ids = distinct(with_clause.iter().map(|&(id, kind, _)| (id, kind)).collect());
                    let n_clauses = with_clause.iter().map(|t| t.2).max().map_or(0, |m| m as usize + 1);
                    let clauses: Vec<(Vec<(u32, Kind)>, When)> = if n_clauses < 2 {
                        Vec::new()
                    } else {
                        (0..n_clauses)
                            .map(|c| {
                                let ids = distinct(
                                    with_clause
                                        .iter()
                                        .filter(|t| t.2 as usize == c)
                                        .map(|&(id, kind, _)| (id, kind))
                                        .collect(),
                                );
                                (ids, s.clause_when.get(c).cloned().unwrap_or_default())
                            })
                            // A year and one more term state a dated fact ("who has been
                            // mayor since 2016", "built in 1968").
                            .filter(|(ids, _)| {
                                ids.len() >= MIN_TERMS
                                    || (ids.len() + 1 >= MIN_TERMS && ids.iter().any(|t| t.1 == Kind::Year))
                            })
                            .collect()
                    };
                    let takes_effect = s.takes_effect;
                    let mut planned: Vec<(u32, bool)> =
                        s.planned.iter().map(|(k, further)| (intern(k), *further)).collect();
                    planned.sort_unstable();
                    planned.dedup_by_key(|p| p.0);
                    let mut ids_of = |keys: &[String]| {
                        let mut ids: Vec<u32> = keys.iter().map(|k| intern(k)).collect();
                        ids.sort_unstable();
                        ids.dedup();
                        ids
                    };
                    let stance = StanceIds {
                        modal: ids_of(&s.stance.modal),
                        past: ids_of(&s.stance.past),
                        another: ids_of(&s.stance.another),
                        plural: ids_of(&s.stance.plural),
                        speakers: ids_of(&s.stance.speakers),
                        sources: ids_of(&s.stance.sources),
                        attributive: ids_of(&s.stance.attributive),
                        identifying: ids_of(&s.stance.identifying),
                        said: s.stance.said,
                    };
                    (ids, (planned, takes_effect), s.words, clauses, stance, s.when)
                })
                .collect()
        })
        .collect();

    // Inverse sentence frequency over every compared sentence.
    let mut df = vec![0usize; interner.len()];
    let mut n_sentences = 0usize;
    for (ids, _, _, _, _, _) in interned.iter().flatten() {
        n_sentences += 1;
        for (id, _) in ids {
            df[*id as usize] += 1;
        }
    }
    let idf: Vec<f32> = df.iter().map(|d| (1.0 + n_sentences as f32 / (*d).max(1) as f32).ln()).collect();
    let mut is_event = vec![false; interner.len()];
    let mut is_entity = vec![false; interner.len()];
    let mut is_place = vec![false; interner.len()];
    let mut is_role = vec![false; interner.len()];
    let mut sides = vec![0u8; interner.len()];
    let mut is_change = vec![false; interner.len()];
    let mut amount = vec![false; interner.len()];
    let mut decided_change = vec![false; interner.len()];
    let decided_keys = decided_change_keys();
    for (key, &id) in &interner {
        decided_change[id as usize] = decided_keys.contains(key);
        amount[id as usize] = is_amount(key);
        is_change[id as usize] = is_change_of_amount(key);
        is_role[id as usize] = role_keys.contains(key);
        is_event[id as usize] = is_event_class(key);
        is_entity[id as usize] = key.starts_with(ENTITY_KEY);
        is_place[id as usize] = key.starts_with(PLACE_KEY);
        sides[id as usize] = event_sides(key);
    }
    let mut planned_by_article = Vec::with_capacity(interned.len());
    let features: Vec<Vec<Features>> = interned
        .into_iter()
        .zip(&kept)
        .enumerate()
        .map(|(a, (list, kept))| {
            let mut article_planned = HashSet::new();
            let lead = kept.iter().copied().find(|&k| all[a][k].kind == crate::model::BlockKind::Paragraph);
            let features = list
                .into_iter()
                .zip(kept)
                .map(|((mut ids, (planned, takes_effect), words, clauses, stance, when), &k)| {
                    // Entities say who, as the words that name them do: they are not weighed
                    // again (the same actor counted twice), only compared (`Evidence::shared_entity`).
                    let (places, entities): (Vec<u32>, Vec<u32>) = ids
                        .iter()
                        .filter(|(id, _)| is_entity[*id as usize])
                        .map(|(id, _)| *id)
                        .partition(|&id| is_place[id as usize]);
                    ids.retain(|(id, _)| !is_entity[*id as usize]);
                    let weigh = |ids: &[(u32, Kind)]| -> Vec<(u32, f32)> {
                        ids.iter()
                            .map(|&(id, kind)| {
                                let boost = match kind {
                                    Kind::Predicate | Kind::Participant => PREDICATE_WEIGHT,
                                    Kind::Name => NAME_WEIGHT,
                                    Kind::Figure | Kind::Counted | Kind::Clock | Kind::Year => FIGURE_WEIGHT,
                                    Kind::Calendar => CALENDAR_WEIGHT,
                                };
                                (id, boost * idf[id as usize])
                            })
                            .collect()
                    };
                    let norm_of = |w: &[(u32, f32)]| w.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                    let ids_of = |ids: &[(u32, Kind)], k: Kind| -> Vec<u32> {
                        ids.iter().filter(|(_, kind)| *kind == k).map(|(id, _)| *id).collect()
                    };
                    let weights = weigh(&ids);
                    let norm = norm_of(&weights);
                    let of_kind = |k: Kind| ids_of(&ids, k);
                    // The sides of the events these words tell; a participle describing a thing
                    // ("falling demand") tells none.
                    let sides_told = |ids: &[u32]| {
                        ids.iter()
                            .filter(|id| stance.attributive.binary_search(id).is_err())
                            .fold(0, |bits, &id| bits | sides[id as usize])
                    };
                    let clauses: Vec<Clause> = clauses
                        .iter()
                        .map(|(c, when)| {
                            let c: Vec<(u32, Kind)> =
                                c.iter().copied().filter(|(id, _)| !is_entity[*id as usize]).collect();
                            let weights = weigh(&c);
                            let predicates = ids_of(&c, Kind::Predicate);
                            Clause {
                                norm: norm_of(&weights),
                                weights,
                                sides: sides_told(&predicates),
                                predicates,
                                figures: ids_of(&c, Kind::Figure),
                                years: ids_of(&c, Kind::Year),
                                when: when.clone(),
                            }
                        })
                        .collect();
                    let predicates = of_kind(Kind::Predicate);
                    let events: Vec<u32> =
                        predicates.iter().copied().filter(|&id| is_event[id as usize]).collect();
                    // Only predicates count as planned events.
                    let planned: Vec<(u32, bool)> =
                        planned.into_iter().filter(|p| predicates.binary_search(&p.0).is_ok()).collect();
                    // A change of an amount to come from a named day or month is decided: told as
                    // to come or as done ("will lower the price it pays farmers from March" /
                    // "has reduced what it pays, starting in March", "slashes milk price") it is
                    // one decision, not a plan and its outcome.
                    let decided = |id: u32| is_change[id as usize] && takes_effect;
                    article_planned.extend(planned.iter().filter(|p| !p.1 && !decided(p.0)).map(|p| p.0));
                    let planned: Vec<u32> = planned.into_iter().map(|p| p.0).collect();
                    let title = all[a][k].kind == crate::model::BlockKind::Title;
                    let headline_present: Vec<u32> = events
                        .iter()
                        .copied()
                        .filter(|&t| {
                            title
                                && decided_change[t as usize]
                                && planned.binary_search(&t).is_err()
                                && stance.past.binary_search(&t).is_err()
                        })
                        .collect();
                    let names = of_kind(Kind::Name);
                    let roles: Vec<u32> = names.iter().copied().filter(|&id| is_role[id as usize]).collect();
                    let total = |ids: &[u32]| {
                        ids.iter()
                            .filter_map(|id| weights.binary_search_by_key(id, |w| w.0).ok())
                            .map(|i| weights[i].1)
                            .sum::<f32>()
                    };
                    let (predicate_weight, name_weight) = (total(&predicates), total(&names));
                    Features {
                        predicate_weight,
                        name_weight,
                        weights,
                        norm,
                        words,
                        predicates,
                        amounts: of_kind(Kind::Figure)
                            .into_iter()
                            .filter(|&id| amount[id as usize])
                            .collect(),
                        figures: of_kind(Kind::Figure),
                        clocks: of_kind(Kind::Clock),
                        years: of_kind(Kind::Year),
                        title,
                        lead: lead == Some(k),
                        names,
                        roles,
                        entities,
                        places,
                        counted: of_kind(Kind::Counted),
                        planned,
                        headline_present,
                        when,
                        sides: sides_told(&events),
                        events,
                        clauses,
                        stance,
                    }
                })
                .collect();
            planned_by_article.push(article_planned);
            features
        })
        .collect();
    let cancel = interner.get("cancel").copied();
    Featurised { sentences, total_sentences, features, facts, idf, planned: planned_by_article, cancel }
}

/// Rewrites each name term to the canonical spelling of its variants ([`variants`]).
pub(super) fn merge_name_variants(mut raw: Vec<Vec<RawSentence>>) -> Vec<Vec<RawSentence>> {
    let mut counts: FnvMap<&str, usize> = FnvMap::default();
    for s in raw.iter().flatten() {
        for (key, kind, _) in &s.terms {
            // Entities are already one name however spelt.
            if *kind == Kind::Name && !key.starts_with(ENTITY_KEY) {
                *counts.entry(key.as_str()).or_default() += 1;
            }
        }
    }
    let mut keys: Vec<(&str, usize)> = counts.into_iter().collect();
    keys.sort_unstable();
    let canonical = crate::compare::variants::canonical_names(&keys);
    if canonical.is_empty() {
        return raw;
    }
    for s in raw.iter_mut().flatten() {
        for (key, kind, _) in &mut s.terms {
            if *kind == Kind::Name {
                if let Some(c) = canonical.get(key.as_str()) {
                    key.clone_from(c);
                }
            }
        }
        for key in s.stance.speakers.iter_mut().chain(s.stance.sources.iter_mut()) {
            if let Some(c) = canonical.get(key.as_str()) {
                key.clone_from(c);
            }
        }
    }
    raw
}
