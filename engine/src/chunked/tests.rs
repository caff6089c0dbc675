//! A missing, stale or damaged chunk is a typed error for the view that needs it, and changes
//! nothing else: every way bytes can be wrong gets its own error.

use super::*;

fn built() -> crate::Bundle {
    let raw = "Kadhimi meets Pompeo\n\nIraqi Prime Minister Mustafa al-Kadhemi met Mike Pompeo in Baghdad.\n";
    crate::build_bundle(&[crate::SourceInput { name: "a.txt", bytes: raw.as_bytes() }], "").bundle
}

/// The corpus split, with the first chunk of `kind`'s bytes replaced by what `tamper` makes of
/// them, and the manifest (or, for an article or details chunk, its `ord` page, then the
/// manifest) rewritten to list the new bytes' hash (a consistent site holding a bad chunk). A
/// details chunk's reader has its articles at hand.
fn tampered(kind: ChunkKind, tamper: impl Fn(&mut Vec<u8>)) -> (Reader, ChunkId, Vec<u8>) {
    let split = split(&built(), &Sizes::default());
    let mut manifest = decode_manifest(&split.manifest).unwrap();
    if matches!(kind, ChunkKind::Articles | ChunkKind::ArticleDetails) {
        let mut bytes = split.chunks.iter().find(|c| c.kind == kind).unwrap().bytes.clone();
        tamper(&mut bytes);
        let o = manifest.chunks.iter().position(|c| c.kind == ChunkKind::Ordinals).unwrap();
        let mut page: OrdinalPage = decode(ChunkKind::Ordinals, &split.chunks[o].bytes).unwrap();
        if kind == ChunkKind::Articles {
            page.chunks[0].hash = hash_of(&bytes);
            page.chunks[0].len = bytes.len() as u64;
        } else {
            page.chunks[0].details_hash = hash_of(&bytes);
            page.chunks[0].details_len = bytes.len() as u64;
        }
        let page_bytes = encode(ChunkKind::Ordinals, &page);
        manifest.chunks[o].hash = content_hash(&page_bytes);
        let mut reader = Reader::open(&encode_manifest(&manifest)).unwrap();
        reader.add(ChunkId(o), &page_bytes).unwrap();
        let needed = reader.article_in_full(0).unwrap_err().chunks;
        if kind == ChunkKind::Articles {
            return (reader, needed[0], bytes);
        }
        let text = split.chunks.iter().find(|c| c.kind == ChunkKind::Articles).unwrap();
        reader.add(needed[0], &text.bytes).unwrap();
        return (reader, needed[1], bytes);
    }
    let i = manifest.chunks.iter().position(|c| c.kind == kind).unwrap();
    let mut bytes = split.chunks[i].bytes.clone();
    tamper(&mut bytes);
    manifest.chunks[i].hash = content_hash(&bytes);
    let mut reader = Reader::open(&encode_manifest(&manifest)).unwrap();
    if matches!(kind, ChunkKind::Shard | ChunkKind::EntityIndex) {
        reader.add(ChunkId(0), &split.chunks[0].bytes).unwrap();
    }
    (reader, ChunkId(i), bytes)
}

/// A chunk's name hash as the `ord` pages write it.
fn hash_of(bytes: &[u8]) -> [u8; 8] {
    let hex = content_hash(bytes);
    let mut out = [0u8; 8];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap();
    }
    out
}

/// The bytes of the chunk `reader` calls `id`.
fn bytes_of<'a>(split: &'a Split, reader: &Reader, id: ChunkId) -> &'a [u8] {
    let name = reader.chunk_name(id);
    &split.chunks.iter().find(|c| c.name == name).unwrap().bytes
}

fn error(kind: ChunkKind, tamper: impl Fn(&mut Vec<u8>)) -> ChunkError {
    let (mut reader, id, bytes) = tampered(kind, tamper);
    reader.add(id, &bytes).unwrap_err()
}

/// Re-frames a chunk's payload after `edit` changed the decoded value (so the CRC matches).
fn reframed<T: serde::Serialize + serde::de::DeserializeOwned>(
    kind: ChunkKind,
    edit: impl Fn(&mut T),
) -> impl Fn(&mut Vec<u8>) {
    move |bytes: &mut Vec<u8>| {
        let mut value: T = decode(kind, bytes).unwrap();
        edit(&mut value);
        *bytes = encode(kind, &value);
    }
}

/// Edits a shard's postings in the bundle's form (read back from its columns, then written into
/// columns again).
fn resharded(edit: impl Fn(&mut Shard)) -> impl Fn(&mut Vec<u8>) {
    rewired(move |wire: &mut postings::WireShard| {
        let mut shard = std::mem::take(wire).into_shard().unwrap();
        edit(&mut shard);
        *wire = postings::WireShard::of(&shard);
    })
}

/// Edits a shard's columns as written.
fn rewired(edit: impl Fn(&mut postings::WireShard)) -> impl Fn(&mut Vec<u8>) {
    reframed(ChunkKind::Shard, edit)
}

#[test]
fn every_shard_of_a_synthetic_corpus_reads_back_byte_for_byte() {
    let files = crate::synth::corpus(40, 3);
    let inputs: Vec<crate::SourceInput> =
        files.iter().map(|(name, text)| crate::SourceInput { name, bytes: text.as_bytes() }).collect();
    let bundle = crate::build_bundle(&inputs, "").bundle;
    let sizes = Sizes { shard_bytes: 600, ..Sizes::default() };
    let split = split(&bundle, &sizes);
    let manifest = decode_manifest(&split.manifest).unwrap();
    let index = &bundle.search;
    let shards: Vec<&ChunkRef> = manifest.chunks.iter().filter(|c| c.kind == ChunkKind::Shard).collect();
    assert!(shards.len() > 10);
    for chunk in shards {
        let bytes = &split.chunks.iter().find(|c| c.name == chunk.name()).unwrap().bytes;
        let wire: postings::WireShard = decode(ChunkKind::Shard, bytes).unwrap();
        let shard = wire.into_shard().unwrap();
        let (first, end) = (chunk.first as usize, chunk.end as usize);
        let base = index.posting_starts[first] as usize;
        assert_eq!(shard.postings, index.postings[base..index.posting_starts[end] as usize]);
        let starts: Vec<u32> = index.posting_starts[first..=end].iter().map(|s| s - base as u32).collect();
        assert_eq!(shard.starts, starts);
    }
}

#[test]
fn a_shard_whose_columns_do_not_add_up_is_malformed() {
    let malformed = |edit: fn(&mut postings::WireShard)| {
        matches!(error(ChunkKind::Shard, rewired(edit)), ChunkError::Malformed { kind: ChunkKind::Shard, .. })
    };
    // An occurrence's ordinal gone: the counts promise more than the columns hold.
    assert!(malformed(|w| {
        w.ordinal_gaps.pop();
    }));
    // An article more than the terms' counts say.
    assert!(malformed(|w| {
        w.doc_gaps.push(1);
        w.heads.push(2);
        w.ordinal_gaps.push(1);
        w.offset_residues.push(0);
    }));
    // A count past every column.
    assert!(malformed(|w| w.heads[0] = u64::MAX - 1));
    // An offset gap below zero, and a prediction out of range.
    assert!(malformed(|w| w.offset_residues[0] = 2 * (w.bytes_per_word16 as u64 * 1000) + 1));
    assert!(malformed(|w| w.bytes_per_word16 = u32::MAX));
}

#[test]
fn bytes_that_are_not_the_ones_the_name_promises_are_refused() {
    let split = split(&built(), &Sizes::default());
    let mut reader = Reader::open(&split.manifest).unwrap();
    let mut stale = split.chunks[0].bytes.clone();
    stale[30] ^= 1;
    assert_eq!(reader.add(ChunkId(0), &stale), Err(ChunkError::HashMismatch { kind: ChunkKind::Terms }));
    assert!(!reader.has(ChunkId(0)));
    reader.add(ChunkId(0), &split.chunks[0].bytes).unwrap();
    assert!(reader.has(ChunkId(0)));
}

/// Replaces a chunk's payload with four bytes that pass the length and CRC checks but decode as
/// nothing: the chunk is well framed and malformed.
fn garbage_payload(b: &mut Vec<u8>) {
    b.truncate(HEADER_LEN);
    b.extend_from_slice(&[0xff; 4]);
    b[13..21].copy_from_slice(&4u64.to_le_bytes());
    let crc = crate::bundle::crc32(&[0xff; 4]);
    b[21..25].copy_from_slice(&crc.to_le_bytes());
}

#[test]
fn each_kind_of_bad_chunk_gets_its_own_error() {
    let art = ChunkKind::Articles;
    assert_eq!(error(art, |b| *b = b"<!DOCTYPE html>".to_vec()), ChunkError::NotAChunk);
    assert_eq!(error(art, |b| b[8] = 9), ChunkError::UnknownVersion { found: 9 });
    assert_eq!(error(art, |b| b[12] = 1), ChunkError::WrongKind { expected: art });
    assert_eq!(error(art, |b| b.truncate(b.len() - 2)), ChunkError::Truncated { kind: art });
    assert_eq!(error(art, |b| *b.last_mut().unwrap() ^= 0x40), ChunkError::Corrupt { kind: art });
    assert!(matches!(error(art, garbage_payload), ChunkError::Malformed { kind: ChunkKind::Articles, .. }));
}

#[test]
fn each_kind_of_bad_details_chunk_gets_its_own_error() {
    let details = ChunkKind::ArticleDetails;
    assert_eq!(error(details, |b| *b = b"<!DOCTYPE html>".to_vec()), ChunkError::NotAChunk);
    assert_eq!(error(details, |b| b[12] = 3), ChunkError::WrongKind { expected: details });
    assert_eq!(error(details, |b| b.truncate(b.len() - 2)), ChunkError::Truncated { kind: details });
    assert_eq!(error(details, |b| *b.last_mut().unwrap() ^= 0x40), ChunkError::Corrupt { kind: details });
    assert!(matches!(
        error(details, garbage_payload),
        ChunkError::Malformed { kind: ChunkKind::ArticleDetails, .. }
    ));
    // Decodes, but does not fit its articles: spans for two articles, a mention past the text, a
    // removed span that is not the raw file's text.
    let inconsistent = |change: fn(&mut ArticleDetails)| {
        let bad = reframed(ChunkKind::ArticleDetails, change);
        matches!(
            error(ChunkKind::ArticleDetails, bad),
            ChunkError::Inconsistent { kind: ChunkKind::ArticleDetails, .. }
        )
    };
    assert!(inconsistent(|d| d.removed.push(Vec::new())));
    assert!(inconsistent(|d| d.mentions[0].end = 1_000_000));
    assert!(inconsistent(|d| d.removed[0].push(crate::model::Removed {
        text: "not in the file".into(),
        start: 0,
        end: 3,
        reason: crate::model::NoiseKind::ArticleDate,
    })));
}

#[test]
fn details_that_arrive_before_their_articles_are_refused_and_change_nothing() {
    let split = split(&built(), &Sizes::default());
    let mut reader = Reader::open(&split.manifest).unwrap();
    let page = reader.article_in_full(0).unwrap_err().chunks;
    reader.add(page[0], bytes_of(&split, &reader, page[0])).unwrap();
    let both = reader.article_in_full(0).unwrap_err().chunks;
    assert_eq!(both.len(), 2, "the article and its details are named in one round");
    let (text, details) = (both[0], both[1]);
    assert_eq!(reader.add(details, bytes_of(&split, &reader, details)), Err(ChunkError::ArticlesFirst));
    assert!(!reader.has(details));
    reader.add(text, bytes_of(&split, &reader, text)).unwrap();
    assert!(reader.mentions_in(0).is_err(), "mentions are in the details");
    reader.add(details, bytes_of(&split, &reader, details)).unwrap();
    let bundle = built();
    assert_eq!(reader.article_in_full(0).unwrap(), &bundle.articles[0]);
    assert_eq!(reader.mentions_in(0).unwrap(), bundle.entities.mentions_in(0));
}

#[test]
fn chunks_that_decode_but_do_not_fit_the_manifest_are_inconsistent() {
    let more = reframed(ChunkKind::Articles, |c: &mut ArticleChunk| {
        let mut other = c.articles[0].clone();
        other.id = "other".into();
        c.articles.push(other);
        c.dates.push(None);
    });
    assert!(matches!(
        error(ChunkKind::Articles, more),
        ChunkError::Inconsistent { kind: ChunkKind::Articles, .. }
    ));
    let beyond = resharded(|s: &mut Shard| {
        // The first posting's article delta now points past the one article.
        s.postings[0] = 5;
    });
    assert!(matches!(
        error(ChunkKind::Shard, beyond),
        ChunkError::Inconsistent { kind: ChunkKind::Shard, .. }
    ));
    let misnamed = reframed(ChunkKind::Entities, |e: &mut EntityChunk| {
        if let Some(m) = e.lists.iter_mut().flatten().next() {
            m.entity = Some(999);
        } else {
            e.lists.push(Vec::new());
        }
    });
    assert!(matches!(
        error(ChunkKind::Entities, misnamed),
        ChunkError::Inconsistent { kind: ChunkKind::Entities, .. }
    ));
    let shorter = |bytes: &mut Vec<u8>| {
        let wire: wire::WireTerms = decode(ChunkKind::Terms, bytes).unwrap();
        let mut directory = wire.into_directory().unwrap();
        directory.doc_lens.clear();
        *bytes = encode(ChunkKind::Terms, &wire::WireTerms::of(directory));
    };
    assert!(matches!(
        error(ChunkKind::Terms, shorter),
        ChunkError::Inconsistent { kind: ChunkKind::Terms, .. }
    ));
}

#[test]
fn a_dictionary_whose_front_coding_does_not_add_up_is_malformed() {
    let (directory, n_terms) = {
        let split = split(&built(), &Sizes::default());
        let wire: wire::WireTerms = decode(ChunkKind::Terms, &split.chunks[0].bytes).unwrap();
        let directory = wire.into_directory().unwrap();
        let n = directory.terms.len();
        (directory, n)
    };
    assert!(n_terms > 5);
    let with = |edit: &dyn Fn(&mut wire::WireTerms)| {
        let mut wire = wire::WireTerms::of(directory.clone());
        edit(&mut wire);
        let bytes = encode(ChunkKind::Terms, &wire);
        let (mut reader, id, _) = tampered(ChunkKind::Terms, |b| *b = bytes.clone());
        reader.add(id, &bytes)
    };
    assert_eq!(with(&|_| {}), Ok(()), "as written, it reads back");
    let malformed =
        |r: Result<(), ChunkError>| matches!(r, Err(ChunkError::Malformed { kind: ChunkKind::Terms, .. }));
    assert!(malformed(with(&|w| w.suffix_lens[1] += 1_000_000)), "a word running past the bytes");
    assert!(malformed(with(&|w| w.shared[1] = 200)), "a word sharing more than the one before holds");
    assert!(malformed(with(&|w| w.suffixes.push(b'x'))), "bytes no word uses");
    assert!(
        malformed(with(&|w| {
            w.shared.pop();
        })),
        "streams of different lengths"
    );
    assert!(malformed(with(&|w| w.suffixes[0] = 0xff)), "a word that is not UTF-8");
}

#[test]
fn a_bad_manifest_is_refused_with_its_own_error() {
    let good = split(&built(), &Sizes::default()).manifest;
    assert_eq!(decode_manifest(b"<html>").unwrap_err(), ChunkError::NotAChunk);
    let mut flipped = good.clone();
    *flipped.last_mut().unwrap() ^= 1;
    assert_eq!(decode_manifest(&flipped).unwrap_err(), ChunkError::Corrupt { kind: ChunkKind::Manifest });
    assert_eq!(
        decode_manifest(&good[..good.len() - 1]).unwrap_err(),
        ChunkError::Truncated { kind: ChunkKind::Manifest }
    );
    // A hash is written as its 8 bytes, so a name that is not 16 hex digits cannot even be
    // written: it becomes zeros, and the chunk it names is refused as stale.
    let mut manifest = decode_manifest(&good).unwrap();
    manifest.chunks[1].hash = "../../etc/passwd".into();
    assert!(validate::manifest(&manifest).is_err());
    let back = decode_manifest(&encode_manifest(&manifest)).unwrap();
    assert_eq!(back.chunks[1].name(), format!("{}-0000000000000000.plx", back.chunks[1].kind.prefix()));
    let mut manifest = decode_manifest(&good).unwrap();
    manifest.chunks.swap(0, 1);
    assert!(decode_manifest(&encode_manifest(&manifest)).is_err());
}

#[test]
fn a_missing_chunk_keeps_its_view_waiting_and_the_others_answer() {
    let split = split(&built(), &Sizes::default());
    let mut reader = Reader::open(&split.manifest).unwrap();
    assert_eq!(reader.article_count(), 1);
    // The article's directory page arrives, its chunk never does: the article view keeps naming it.
    let page = reader.article(0).unwrap_err();
    assert_eq!(reader.manifest().chunks[page.chunks[0].0].kind, ChunkKind::Ordinals);
    reader.add(page.chunks[0], bytes_of(&split, &reader, page.chunks[0])).unwrap();
    let article = reader.article(0).unwrap_err();
    assert!(reader.chunk_name(article.chunks[0]).starts_with("art-"));
    let needed = reader.search("Pompeo", &crate::search::SearchOptions::default()).unwrap_err();
    assert_eq!(needed.chunks, [ChunkId(0)]);
    reader.add(ChunkId(0), &split.chunks[0].bytes).unwrap();
    let needed = reader.search("Pompeo", &crate::search::SearchOptions::default()).unwrap_err();
    // Its shard and the entity index ("Pompeo" names an entity) arrive.
    let arriving: Vec<ChunkId> =
        needed.chunks.into_iter().filter(|&id| !reader.chunk_name(id).starts_with("art-")).collect();
    for id in arriving {
        reader.add(id, bytes_of(&split, &reader, id)).unwrap();
    }
    // The hit's article is still missing, so the search still waits for it, and only for it.
    assert_eq!(reader.search("Pompeo", &crate::search::SearchOptions::default()).unwrap_err(), article);
    assert_eq!(reader.article(0).unwrap_err(), article);
    reader.add(article.chunks[0], bytes_of(&split, &reader, article.chunks[0])).unwrap();
    assert_eq!(reader.search("Pompeo", &crate::search::SearchOptions::default()).unwrap().total, 1);
}

#[test]
fn an_article_chunk_is_unknown_until_its_directory_page_lists_it() {
    let split = split(&built(), &Sizes::default());
    let mut reader = Reader::open(&split.manifest).unwrap();
    let art = split.chunks.iter().find(|c| c.kind == ChunkKind::Articles).unwrap();
    let beyond = ChunkId(reader.manifest().chunks.len());
    assert_eq!(reader.chunk_name(beyond), "");
    assert_eq!(reader.add(beyond, &art.bytes), Err(ChunkError::UnknownChunk));
}

#[test]
fn directory_and_id_pages_that_do_not_fit_the_manifest_are_inconsistent() {
    let off_list = reframed(ChunkKind::Ordinals, |p: &mut OrdinalPage| p.list_pages[0] = 9);
    assert!(matches!(
        error(ChunkKind::Ordinals, off_list),
        ChunkError::Inconsistent { kind: ChunkKind::Ordinals, .. }
    ));
    let overfull = reframed(ChunkKind::Ordinals, |p: &mut OrdinalPage| p.chunks[0].items += 1);
    assert!(matches!(
        error(ChunkKind::Ordinals, overfull),
        ChunkError::Inconsistent { kind: ChunkKind::Ordinals, .. }
    ));
    let renamed = reframed(ChunkKind::Ids, |p: &mut IdPage| p.ids[0] = "zzz-not-the-first".into());
    assert!(matches!(error(ChunkKind::Ids, renamed), ChunkError::Inconsistent { kind: ChunkKind::Ids, .. }));
    let beyond = reframed(ChunkKind::Ids, |p: &mut IdPage| p.ordinals[0] = 3);
    assert!(matches!(error(ChunkKind::Ids, beyond), ChunkError::Inconsistent { kind: ChunkKind::Ids, .. }));
}

#[test]
fn an_id_resolves_from_one_page_of_the_id_index() {
    let files = crate::synth::corpus(30, 4);
    let sources: Vec<crate::SourceInput<'_>> =
        files.iter().map(|(name, text)| crate::SourceInput { name, bytes: text.as_bytes() }).collect();
    let bundle = crate::build_bundle(&sources, "").bundle;
    let split = split(&bundle, &Sizes { id_rows: 4, ..Sizes::default() });
    let mut reader = Reader::open(&split.manifest).unwrap();
    // An id before the first page's first is known absent without a fetch.
    assert_eq!(reader.ordinal_of(""), Ok(None));
    for (i, article) in bundle.articles.iter().enumerate() {
        let needed = match reader.ordinal_of(&article.id) {
            Ok(found) => {
                assert_eq!(found, Some(i));
                continue;
            }
            Err(needed) => needed,
        };
        assert_eq!(needed.chunks.len(), 1);
        reader.add(needed.chunks[0], bytes_of(&split, &reader, needed.chunks[0])).unwrap();
        assert_eq!(reader.ordinal_of(&article.id), Ok(Some(i)), "{}", article.id);
        let missing = format!("{}-not-an-article", article.id);
        assert_eq!(reader.ordinal_of(&missing).unwrap_or(None), None);
    }
}

#[test]
fn a_list_page_that_does_not_fit_the_manifest_is_inconsistent() {
    let moved = reframed(ChunkKind::Directory, |d: &mut DirectoryPage| d.ordinals[0] = 7);
    assert!(matches!(
        error(ChunkKind::Directory, moved),
        ChunkError::Inconsistent { kind: ChunkKind::Directory, .. }
    ));
    let recounted = reframed(ChunkKind::Directory, |d: &mut DirectoryPage| {
        d.rows[0].outlet = if d.rows[0].outlet.is_some() { None } else { Some(0) };
    });
    assert!(matches!(
        error(ChunkKind::Directory, recounted),
        ChunkError::Inconsistent { kind: ChunkKind::Directory, .. }
    ));
    assert_eq!(
        error(ChunkKind::Directory, |b| b.truncate(b.len() - 1)),
        ChunkError::Truncated { kind: ChunkKind::Directory }
    );
}

#[test]
fn an_article_row_waits_for_its_list_page_and_a_bad_page_changes_nothing() {
    let split = split(&built(), &Sizes::default());
    let mut reader = Reader::open(&split.manifest).unwrap();
    // Its directory page says which list page holds it.
    let ord = reader.article_row(0).unwrap_err();
    assert_eq!(reader.manifest().chunks[ord.chunks[0].0].kind, ChunkKind::Ordinals);
    reader.add(ord.chunks[0], bytes_of(&split, &reader, ord.chunks[0])).unwrap();
    let needed = reader.article_row(0).unwrap_err();
    assert_eq!(needed.chunks.len(), 1);
    assert_eq!(reader.list_page(&ListFilter::default(), 0, 10).unwrap_err(), needed);
    let id = needed.chunks[0];
    let good = &split.chunks[id.0].bytes;
    let mut bad = good.clone();
    bad[30] ^= 1;
    assert!(reader.add(id, &bad).is_err());
    assert_eq!(reader.article_row(0).unwrap_err(), needed);
    reader.add(id, good).unwrap();
    assert_eq!(reader.article_row(0).unwrap().title, "Kadhimi meets Pompeo");
    assert_eq!(
        reader.list_page(&ListFilter::default(), 0, 10).unwrap(),
        ListPage { total: 1, ordinals: vec![0] }
    );
}

#[test]
fn an_entity_index_chunk_that_does_not_decode_as_counted_is_inconsistent() {
    let beyond = reframed(ChunkKind::EntityIndex, |s: &mut Shard| {
        // The first posting's article delta now points past the one article.
        s.postings[0] = 5;
    });
    assert!(matches!(
        error(ChunkKind::EntityIndex, beyond),
        ChunkError::Inconsistent { kind: ChunkKind::EntityIndex, .. }
    ));
    let split = split(&built(), &Sizes::default());
    let mut reader = Reader::open(&split.manifest).unwrap();
    let i = split.chunks.iter().position(|c| c.kind == ChunkKind::EntityIndex).unwrap();
    assert_eq!(reader.add(ChunkId(i), &split.chunks[i].bytes), Err(ChunkError::DictionaryFirst));
}

#[test]
fn the_manifest_reads_back_as_written_and_names_no_article_but_the_id_pages_first() {
    let files = crate::synth::corpus(30, 4);
    let sources: Vec<crate::SourceInput<'_>> =
        files.iter().map(|(name, text)| crate::SourceInput { name, bytes: text.as_bytes() }).collect();
    let bundle = crate::build_bundle(&sources, "").bundle;
    let split = split(&bundle, &Sizes { list_rows: 7, id_rows: 8, ..Sizes::default() });
    let manifest = decode_manifest(&split.manifest).unwrap();
    let id_of = |o: u32| bundle.articles.get(o as usize).map(|a| a.id.as_str());
    let stories: Vec<crate::stories::Story> =
        manifest.stories.iter().map(|s| s.to_story(&manifest.stories, id_of)).collect();
    assert_eq!(stories, bundle.stories);
    assert_eq!(decode_manifest(&encode_manifest(&manifest)).unwrap(), manifest);
    // Story ids are recomputed from labels; one that is not its label's slug is written out.
    let mut renamed = manifest.clone();
    renamed.stories[0].id = "a-story-named-by-hand".into();
    assert_eq!(decode_manifest(&encode_manifest(&renamed)).unwrap(), renamed);
    // Article ids are in the `ord` and `ids` pages: the manifest spells only the first of each
    // page of the id index (as a postcard string: its length, then its bytes).
    assert_eq!(manifest.id_firsts.len(), 4);
    for article in &bundle.articles {
        let mut written = vec![article.id.len() as u8];
        written.extend_from_slice(article.id.as_bytes());
        let spelled = split.manifest.windows(written.len()).filter(|w| *w == written.as_slice()).count();
        assert_eq!(spelled, usize::from(manifest.id_firsts.contains(&article.id)), "{}", article.id);
    }
}

#[test]
fn a_manifest_whose_story_names_a_missing_article_is_refused() {
    let good = split(&built(), &Sizes::default()).manifest;
    let mut wire: wire::WireManifest = decode(ChunkKind::Manifest, &good).unwrap();
    wire.break_first_story();
    assert!(matches!(
        decode_manifest(&encode(ChunkKind::Manifest, &wire)),
        Err(ChunkError::Inconsistent { kind: ChunkKind::Manifest, .. })
    ));
}

#[test]
fn an_article_chunk_that_renames_a_listed_article_is_refused() {
    let split = split(&built(), &Sizes::default());
    let renamed = reframed(ChunkKind::Articles, |c: &mut ArticleChunk| c.articles[0].id = "other".into());
    let (mut reader, id, bytes) = tampered(ChunkKind::Articles, renamed);
    // Its `ord` page lists it by hash alone; beside the list page that names the article, it does
    // not fit.
    let list = reader.list_page(&ListFilter::default(), 0, 1).unwrap_err().chunks[0];
    reader.add(list, bytes_of(&split, &reader, list)).unwrap();
    assert!(matches!(
        reader.add(id, &bytes),
        Err(ChunkError::Inconsistent { kind: ChunkKind::Articles, .. })
    ));
    assert!(!reader.has(id));
    assert_eq!(reader.article_row(0).unwrap().title, "Kadhimi meets Pompeo", "the list page still answers");
    assert_eq!(reader.id_of(0), Ok("kadhimi-meets-pompeo"), "its id from the list row");
}

#[test]
fn an_articles_id_comes_from_its_chunk_when_no_list_page_is_at_hand() {
    let split = split(&built(), &Sizes::default());
    let mut reader = Reader::open(&split.manifest).unwrap();
    let mut rounds = 0;
    let id = loop {
        match reader.id_of(0) {
            Ok(id) => break id.to_string(),
            Err(needed) => {
                rounds += 1;
                for id in needed.chunks {
                    reader.add(id, bytes_of(&split, &reader, id)).unwrap();
                }
            }
        }
    };
    assert_eq!(id, "kadhimi-meets-pompeo");
    assert_eq!(rounds, 2, "its `ord` page, then its article chunk");
    assert!(reader.article(0).is_ok());
}

#[test]
fn building_the_index_as_the_articles_are_cut_writes_the_chunks_of_the_whole_bundle() {
    // The seed corpus with its knowledge base (entities with many names, several outlets),
    // then synthetic articles.
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let mut files: Vec<(String, String)> = std::fs::read_dir(seed.join("raw"))
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&path).unwrap(),
            )
        })
        .collect();
    files.sort();
    files.extend(crate::synth::corpus(200, 4));
    let kb = std::fs::read_to_string(seed.join("entities.toml")).unwrap();
    let sources: Vec<crate::SourceInput<'_>> =
        files.iter().map(|(name, text)| crate::SourceInput { name, bytes: text.as_bytes() }).collect();
    let cleaned = || crate::clean_sources(crate::Bundle::default(), &sources, &mut |_| {});
    let options = crate::BuildOptions::default();
    let whole = crate::analyse(cleaned(), &kb, &options, &mut |_| {}).bundle;
    let unindexed = crate::analyse_unindexed(cleaned(), &kb, &options, &mut |_| {}).bundle;
    assert_eq!(unindexed.search.n_terms(), 0);
    assert!(whole.search.entities.n_slots() > 10, "entities are indexed");
    assert!(whole.search.outlets.len() > 3, "{:?}", whole.search.outlets);
    // Small chunks, so articles are cut into many and the index's shards are many.
    let sizes = Sizes { article_bytes: 2048, shard_bytes: 4096, ..Sizes::default() };
    let split_by = |bundle: crate::Bundle,
                    split: fn(crate::Bundle, &Sizes, &Pack, &mut Sink<'_>) -> Streamed| {
        let mut made = std::collections::HashMap::new();
        let streamed = split(bundle, &sizes, &|bytes: &[u8]| bytes.to_vec(), &mut |slot, chunk| {
            made.insert(slot, chunk);
        });
        let chunks: Vec<WrittenChunk> = streamed.order.iter().map(|slot| made[slot].clone()).collect();
        Split { manifest: streamed.manifest, chunks }
    };
    let expected = split_owned(whole.clone(), &sizes);
    assert!(expected.chunks.iter().filter(|c| c.kind == ChunkKind::Articles).count() > 20);
    assert!(expected.chunks.iter().filter(|c| c.kind == ChunkKind::Shard).count() > 20);
    assert_eq!(split_by(whole, split_streamed), expected);
    assert_eq!(split_by(unindexed, split_indexing), expected);
}

#[test]
fn a_manifest_of_the_previous_format_is_refused_with_a_sentence_saying_to_rebuild() {
    let mut old = split(&built(), &Sizes::default()).manifest;
    old[8..12].copy_from_slice(&5u32.to_le_bytes());
    let error = Reader::open(&old).unwrap_err();
    assert_eq!(error, ChunkError::UnknownVersion { found: 5 });
    assert!(error.to_string().contains("rebuild the site"), "{error}");
}

#[test]
fn an_article_chunks_mentions_read_back_exactly_in_columns_whatever_their_order() {
    use crate::entities::{MentionKind, Value};
    let mention = |article: u32, start: u32, end: u32, entity: Option<u32>| Mention {
        article,
        start,
        end,
        kind: MentionKind::Person,
        entity,
        value: None,
    };
    let mut dated = mention(7, 3, 9, None);
    dated.kind = MentionKind::Figure;
    dated.value = Some(Box::new(Value::Figure(Box::new(crate::entities::FigureValue {
        value: 5000.0,
        unit: "troops".into(),
        counted: "US troops".into(),
        inferred: false,
        qualifier: Some("about".into()),
    }))));
    // Sorted as a build writes them, then ones a faulty writer could: out of order, empty,
    // reversed, at the ends of the range.
    let mentions = vec![
        mention(0, 0, 4, Some(1)),
        mention(0, 10, 12, Some(2)),
        dated,
        mention(7, 40, 44, Some(0)),
        mention(3, 5, 2, None),
        mention(u32::MAX, u32::MAX, 0, Some(u32::MAX)),
        mention(0, 1, 1, None),
    ];
    let chunk = ArticleDetails { mentions: mentions.clone(), ..ArticleDetails::default() };
    let details = ChunkKind::ArticleDetails;
    let back: ArticleDetails = decode(details, &encode(details, &chunk)).unwrap();
    assert_eq!(back.mentions, mentions);
}

#[test]
fn an_entity_chunks_lists_read_back_exactly_in_columns() {
    use crate::entities::MentionKind;
    let mention = |article: u32, start: u32, end: u32| Mention {
        article,
        start,
        end,
        kind: MentionKind::Place,
        entity: Some(3),
        value: None,
    };
    let chunk = EntityChunk {
        lists: vec![
            vec![mention(0, 4, 9), mention(0, 30, 35), mention(12, 2, 7)],
            Vec::new(),
            vec![mention(9, 1, 0), mention(2, u32::MAX, 3)],
        ],
    };
    let back: EntityChunk = decode(ChunkKind::Entities, &encode(ChunkKind::Entities, &chunk)).unwrap();
    assert_eq!(back, chunk);
}

#[test]
fn stories_read_back_exactly_from_columns_whatever_their_labels() {
    let story = |id: &str, label: &str, articles: Vec<u32>, follows: Vec<u32>| StoryEntry {
        id: id.into(),
        label: label.into(),
        articles,
        from: Some("2020-08".into()),
        to: None,
        follows,
    };
    let stories = vec![
        story("kadhimi-trump-visit-aug-2020", "Kadhimi · Trump — visit, Aug 2020", vec![0, 4, 9], vec![]),
        // The same label again: its id is the slug with "-2", left out as well.
        story("kadhimi-trump-visit-aug-2020-2", "Kadhimi · Trump — visit, Aug 2020", vec![2], vec![0]),
        story("hand-made", "  two  spaces and ends ", vec![1, 3], vec![1, 0]),
        story("", "", vec![5], vec![]),
        story("al-kadhemi-in-tehran", "Al-Kadhemi in Tehrān · طهران", vec![6, 7, 8], vec![2]),
    ];
    let wire = story_columns::WireStories::of(&stories);
    assert_eq!(wire.into_stories(10).unwrap(), stories);
    let past = story_columns::WireStories::of(&stories).into_stories(9).unwrap_err();
    assert!(past.problem.contains("an article the corpus does not have"), "{past:?}");
}

#[test]
fn a_site_with_one_file_replaced_lists_it_and_refuses_it_where_it_is_read() {
    let split = split(&built(), &Sizes::default());
    let garbage = [0xff; 4];
    let malformed =
        |kind| move |e: ChunkError| matches!(e, ChunkError::Malformed { kind: k, .. } if k == kind);
    // The dictionary, listed by the manifest.
    let site = replace_first(&split, ChunkKind::Terms, frame(ChunkKind::Terms, &garbage));
    let mut reader = Reader::open(&site.manifest).unwrap();
    let name = reader.chunk_name(ChunkId(0));
    let bytes = site.chunks.iter().find(|c| c.name == name).unwrap().bytes.clone();
    assert!(malformed(ChunkKind::Terms)(reader.add(ChunkId(0), &bytes).unwrap_err()));
    // An article chunk and a details chunk, listed by their `ord` page.
    for kind in [ChunkKind::Articles, ChunkKind::ArticleDetails] {
        let site = replace_first(&split, kind, frame(kind, &garbage));
        let mut reader = Reader::open(&site.manifest).unwrap();
        let file = |reader: &Reader, id| {
            let name = reader.chunk_name(id);
            site.chunks.iter().find(|c| c.name == name).unwrap().bytes.clone()
        };
        let page = reader.article_in_full(0).unwrap_err().chunks[0];
        let bytes = file(&reader, page);
        reader.add(page, &bytes).unwrap();
        let both = reader.article_in_full(0).unwrap_err().chunks;
        let mut added = None;
        for &id in &both {
            let bytes = file(&reader, id);
            if let Err(e) = reader.add(id, &bytes) {
                added = Some(e);
                break;
            }
        }
        assert!(malformed(kind)(added.unwrap()), "{kind:?}");
    }
    assert_eq!(payload_of(&frame(ChunkKind::Shard, &garbage)), garbage);
}
