//! Inputs that once crashed the build, through the public pipeline (`clean`, `EntityData::build`,
//! `build_bundle`): each must build, with its text kept, and never abort the whole folder.

use parallax_engine::entities::{EntityData, KnowledgeBase};
use parallax_engine::{build_bundle, clean, model, SourceInput};

/// Builds one file through the whole pipeline and returns the bundle's article count.
fn build_one(name: &str, text: &str) -> usize {
    let kb = include_str!("../../corpus/entities.toml");
    let built = build_bundle(&[SourceInput { name, bytes: text.as_bytes() }], kb);
    let bytes = parallax_engine::bundle::encode(&built.bundle);
    let back = parallax_engine::bundle::decode(&bytes).expect("a fresh bundle decodes");
    back.articles.len()
}

/// Cleans one file and recognises its entities with the seed knowledge base.
fn entities_of(text: &str) -> EntityData {
    let mut articles = clean::clean_file("one.txt", text.as_bytes()).articles;
    model::assign_ids(&mut articles);
    let (kb, _) = KnowledgeBase::parse(include_str!("../../corpus/entities.toml"));
    EntityData::build(&articles, &kb)
}

#[test]
fn a_six_byte_file_ending_in_a_name_particle_builds() {
    // Was `begin > end (4 > 2) when slicing` in entities/names.rs, aborting the whole build.
    assert_eq!(build_one("k.txt", ".\nK di"), 1);
}

#[test]
fn a_paragraph_ending_in_a_name_and_a_particle_builds_and_keeps_the_name() {
    let text = "Art Sale Draws Crowds\n\nThe auction house said the painting is by Leonardo da\n";
    assert_eq!(build_one("painting.txt", text), 1);
    let data = entities_of(text);
    assert!(data.mentions.iter().all(|m| m.start < m.end));
}

#[test]
fn every_name_particle_at_the_end_of_a_paragraph_builds() {
    for particle in ["da", "de", "di", "van", "von", "bin", "ibn", "der", "la", "del", "dos"] {
        for ending in ["", ".", " ", "\n", "-"] {
            let text = format!(
                "A Headline Here\n\nThe long report on the regional election was written last week by Maria {particle}{ending}"
            );
            entities_of(&text);
            assert_eq!(build_one("p.txt", &text), 1, "{text:?}");
        }
    }
}

#[test]
fn particles_inside_a_name_still_join_it() {
    let text = "Museum Opens\n\nCurators said Leonardo da Vinci painted it in Florence.\n";
    let data = entities_of(text);
    let articles = {
        let mut a = clean::clean_file("one.txt", text.as_bytes()).articles;
        model::assign_ids(&mut a);
        a
    };
    let surfaces: Vec<&str> = data.mentions.iter().filter_map(|m| data.surface(&articles, m)).collect();
    assert!(surfaces.contains(&"Leonardo da Vinci"), "{surfaces:?}");
}
