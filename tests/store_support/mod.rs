//! Shared fixtures for the store tests: small [`Document`]s built by hand,
//! with offsets computed from their text so they stay consistent.
//! Used by tests/store_*.rs and by the unit tests in src/store/tests.rs.
#![allow(dead_code)]

use super::trame_facts::{Document, Entity, EntityKind, Fact, Literal, LiteralKind, Mention, Node, Object, Sentence};

/// Character span of the `nth` occurrence of `needle` in `text`.
pub fn span(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let byte = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("needle in fixture text");
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn sha256(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Sentences split on ". " (fixture texts are simple).
fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len() {
        let last = i + 1 == chars.len();
        if last || (chars[i] == '.' && chars[i + 1] == ' ') {
            out.push(Sentence {
                start,
                end: i + 1,
                text: chars[start..=i].iter().collect(),
            });
            start = i + 2;
        }
    }
    out
}

fn entity(label: &str, kind: EntityKind, aliases: &[&str]) -> Entity {
    Entity {
        label: label.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    }
}

fn mention(text: &str, entity: usize, needle: &str, nth: usize) -> Mention {
    let (start, end) = span(text, needle, nth);
    let sentence = sentences(text)
        .iter()
        .position(|s| s.start <= start && end <= s.end)
        .expect("mention in a sentence");
    Mention {
        entity,
        sentence,
        start,
        end,
        text: needle.into(),
    }
}

pub fn literal(text: &str, kind: LiteralKind) -> Object {
    Object::Literal(Literal {
        text: text.into(),
        kind,
    })
}

#[allow(clippy::too_many_arguments)]
fn fact(text: &str, subject: usize, predicate: &str, lemma: &str, object: Object, from: &str, confidence: f32) -> Fact {
    let (start, end) = span(text, from, 0);
    let sentence = sentences(text)
        .iter()
        .position(|s| s.start <= start && end <= s.end)
        .expect("fact in a sentence");
    Fact {
        subject: Node::Entity(subject),
        predicate: predicate.into(),
        lemma: lemma.into(),
        object,
        arguments: Vec::new(),
        sentence,
        start,
        end,
        confidence,
        negated: false,
        hypothetical: false,
        reported: false,
        reported_by: None,
        rule: "test-rule".into(),
        event: None,
    }
}

pub const TEXT_A: &str = "Emmanuel Macron a rencontré Volodymyr Zelensky à Paris lundi. Selon l'AFP, la France reprendra l'aide à l'Ukraine. Macron n'a pas attaqué Poutine.";
pub const TEXT_B: &str = "Le président Emmanuel Macron s'est rendu à Kiev.";

/// Three sentences, seven entities, four facts (one negated, one reported,
/// one with a literal object).
pub fn document_a() -> Document {
    let t = TEXT_A;
    let mut meets = fact(
        t,
        0,
        "relatedTo",
        "rencontrer",
        Object::Entity(1),
        "Emmanuel Macron a rencontré Volodymyr Zelensky",
        0.9,
    );
    meets.arguments = vec![
        ("location".into(), Object::Entity(2)),
        ("time".into(), literal("lundi", LiteralKind::Time)),
    ];
    let mut aid = fact(
        t,
        4,
        "relatedTo",
        "reprendre",
        Object::Entity(5),
        "la France reprendra l'aide à l'Ukraine",
        0.7,
    );
    aid.reported = true;
    aid.reported_by = Some(Node::Entity(3));
    aid.arguments = vec![("source".into(), Object::Entity(3))];
    let mut attack = fact(
        t,
        0,
        "relatedTo",
        "attaquer",
        Object::Entity(6),
        "Macron n'a pas attaqué Poutine",
        0.8,
    );
    attack.negated = true;
    let role = fact(
        t,
        0,
        "role",
        "président",
        literal("président", LiteralKind::Text),
        "Emmanuel Macron",
        0.95,
    );
    Document {
        source: "a.txt".into(),
        title: Some("Rencontre à Paris".into()),
        text: t.into(),
        content_hash: sha256(t),
        language: "fr".into(),
        sentences: sentences(t),
        entities: vec![
            entity("Emmanuel Macron", EntityKind::Person, &["Macron"]),
            entity("Volodymyr Zelensky", EntityKind::Person, &[]),
            entity("Paris", EntityKind::Place, &[]),
            entity("AFP", EntityKind::Organization, &[]),
            entity("France", EntityKind::Place, &[]),
            entity("Ukraine", EntityKind::Place, &[]),
            entity("Poutine", EntityKind::Person, &[]),
        ],
        mentions: vec![
            mention(t, 0, "Emmanuel Macron", 0),
            mention(t, 1, "Volodymyr Zelensky", 0),
            mention(t, 2, "Paris", 0),
            mention(t, 3, "AFP", 0),
            mention(t, 4, "France", 0),
            mention(t, 5, "Ukraine", 0),
            mention(t, 0, "Macron", 1),
            mention(t, 6, "Poutine", 0),
        ],
        concepts: vec![],
        name_candidates: vec![],
        facts: vec![meets, aid, attack, role],
        date: None,
        timexes: Vec::new(),
    }
}

/// One sentence about Macron and Kiev, with a hypothetical fact.
pub fn document_b() -> Document {
    let t = TEXT_B;
    let mut went = fact(
        t,
        0,
        "location",
        "rendre",
        Object::Entity(1),
        "Emmanuel Macron s'est rendu à Kiev",
        0.6,
    );
    went.hypothetical = true;
    Document {
        source: "b.txt".into(),
        title: None,
        text: t.into(),
        content_hash: sha256(t),
        language: "fr".into(),
        sentences: sentences(t),
        entities: vec![
            entity("Emmanuel Macron", EntityKind::Person, &[]),
            entity("Kiev", EntityKind::Place, &[]),
        ],
        mentions: vec![mention(t, 0, "Emmanuel Macron", 0), mention(t, 1, "Kiev", 0)],
        concepts: vec![],
        name_candidates: vec![],
        facts: vec![went],
        date: None,
        timexes: Vec::new(),
    }
}

/// A document about the same source path as `document_a`, with other text.
pub fn document_a_edited() -> Document {
    let t = "Emmanuel Macron a rencontré Volodymyr Zelensky.";
    let meets = fact(
        t,
        0,
        "relatedTo",
        "rencontrer",
        Object::Entity(1),
        "Emmanuel Macron a rencontré Volodymyr Zelensky",
        0.9,
    );
    Document {
        source: "a.txt".into(),
        title: None,
        text: t.into(),
        content_hash: sha256(t),
        language: "fr".into(),
        sentences: sentences(t),
        entities: vec![
            entity("Emmanuel Macron", EntityKind::Person, &[]),
            entity("Volodymyr Zelensky", EntityKind::Person, &[]),
        ],
        mentions: vec![
            mention(t, 0, "Emmanuel Macron", 0),
            mention(t, 1, "Volodymyr Zelensky", 0),
        ],
        concepts: vec![],
        name_candidates: vec![],
        facts: vec![meets],
        date: None,
        timexes: Vec::new(),
    }
}

/// A numbered document for load tests: `n` sentences, each naming two
/// people linked by a fact.
pub fn numbered_document(index: usize, sentences_count: usize) -> Document {
    let mut text = String::new();
    for s in 0..sentences_count {
        text.push_str(&format!("Personne{index}x{s} a rencontré Autre{index}x{s}. "));
    }
    let text = text.trim_end().to_string();
    let sents = sentences(&text);
    let mut entities = Vec::new();
    let mut mentions = Vec::new();
    let mut facts = Vec::new();
    for s in 0..sentences_count {
        let a = format!("Personne{index}x{s}");
        let b = format!("Autre{index}x{s}");
        entities.push(entity(&a, EntityKind::Person, &[]));
        entities.push(entity(&b, EntityKind::Person, &[]));
        mentions.push(mention(&text, 2 * s, &a, 0));
        mentions.push(mention(&text, 2 * s + 1, &b, 0));
        facts.push(fact(
            &text,
            2 * s,
            "relatedTo",
            "rencontrer",
            Object::Entity(2 * s + 1),
            &format!("{a} a rencontré {b}"),
            0.5,
        ));
    }
    Document {
        source: format!("doc{index}.txt"),
        title: None,
        content_hash: sha256(&text),
        text,
        language: "fr".into(),
        sentences: sents,
        entities,
        mentions,
        concepts: vec![],
        name_candidates: vec![],
        facts,
        date: None,
        timexes: Vec::new(),
    }
}
