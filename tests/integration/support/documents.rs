//! Small [`Document`]s built by hand, with offsets computed from their
//! text so they stay consistent: the store's fixture documents, the numbered
//! documents of the load tests, and [`Draft`] for a test's own document.
//! Shared by the integration tests (`support::documents`) and by the unit
//! tests in src/store/tests.rs, which include this file by path; so it
//! names the library's facts as `super::trame_facts`.
#![allow(dead_code)]

use super::trame_facts::{Document, Entity, EntityKind, Fact, Literal, LiteralKind, Mention, Node, Object, Sentence};

/// Character span of the `nth` occurrence of `needle` in `text`.
pub fn span(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let byte = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle:?} (occurrence {nth}) not in the fixture text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

pub fn sha256(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Sentences of `text` from character `from` on (fixture texts are simple):
/// a sentence ends after a full stop followed by a space, a line end or the
/// end of the text, or at a line end; spaces and line ends between
/// sentences belong to none.
fn sentences_from(text: &str, from: usize) -> Vec<Sentence> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = from;
    for i in from..chars.len() {
        if i == start && chars[i].is_whitespace() {
            start += 1;
            continue;
        }
        let full_stop = chars[i] == '.' && chars.get(i + 1).is_none_or(|c| *c == ' ' || *c == '\n');
        let end = if full_stop || i + 1 == chars.len() {
            i + 1
        } else if chars[i] == '\n' {
            i
        } else {
            continue;
        };
        if end > start {
            out.push(Sentence {
                start,
                end,
                text: chars[start..end].iter().collect(),
            });
        }
        start = end;
    }
    out
}

fn sentences(text: &str) -> Vec<Sentence> {
    sentences_from(text, 0)
}

pub fn entity(label: &str, kind: EntityKind, aliases: &[&str]) -> Entity {
    Entity {
        label: label.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    }
}

pub fn literal(text: &str, kind: LiteralKind) -> Object {
    Object::Literal(Literal {
        text: text.into(),
        kind,
    })
}

/// A document's text and sentences, to which mentions and facts are added
/// by the words they cover.
pub struct Draft {
    pub text: String,
    title: Option<String>,
    sentences: Vec<Sentence>,
}

impl Draft {
    /// A text without title line: sentences from its first character.
    pub fn new(text: &str) -> Draft {
        Draft {
            text: text.into(),
            title: None,
            sentences: sentences(text),
        }
    }

    /// `title`, a line end, `body` and a line end, as `trame build` reads a
    /// file: the title is the document's title, not a sentence.
    pub fn titled(title: &str, body: &str) -> Draft {
        let text = format!("{title}\n{body}\n");
        let sentences = sentences_from(&text, title.chars().count() + 1);
        Draft {
            text,
            title: Some(title.into()),
            sentences,
        }
    }

    fn sentence_of(&self, start: usize, end: usize, what: &str) -> usize {
        self.sentences
            .iter()
            .position(|s| s.start <= start && end <= s.end)
            .unwrap_or_else(|| panic!("{what} is not inside one sentence"))
    }

    /// The `nth` occurrence of `needle`, naming entity `entity`.
    pub fn mention(&self, entity: usize, needle: &str, nth: usize) -> Mention {
        let (start, end) = span(&self.text, needle, nth);
        Mention {
            entity,
            sentence: self.sentence_of(start, end, needle),
            start,
            end,
            text: needle.into(),
        }
    }

    /// A plain fact (rule `test-rule`) spanning the first occurrence of `from`.
    pub fn fact(
        &self,
        subject: usize,
        predicate: &str,
        lemma: &str,
        object: Object,
        from: &str,
        confidence: f32,
    ) -> Fact {
        let (start, end) = span(&self.text, from, 0);
        Fact {
            subject: Node::Entity(subject),
            predicate: predicate.into(),
            lemma: lemma.into(),
            object,
            arguments: Vec::new(),
            sentence: self.sentence_of(start, end, from),
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

    /// The document from `source`, its content hash the SHA-256 of the text.
    pub fn document(self, source: &str, entities: Vec<Entity>, mentions: Vec<Mention>, facts: Vec<Fact>) -> Document {
        Document {
            source: source.into(),
            title: self.title,
            authors: Vec::new(),
            content_hash: sha256(&self.text),
            text: self.text,
            language: "fr".into(),
            sentences: self.sentences,
            entities,
            mentions,
            concepts: vec![],
            name_candidates: vec![],
            facts,
            date: None,
            timexes: Vec::new(),
        }
    }
}

pub const TEXT_A: &str = "Emmanuel Macron a rencontré Volodymyr Zelensky à Paris lundi. Selon l'AFP, la France reprendra l'aide à l'Ukraine. Macron n'a pas attaqué Poutine.";
pub const TEXT_B: &str = "Le président Emmanuel Macron s'est rendu à Kiev.";

/// Three sentences, seven entities, four facts (one negated, one reported,
/// one with a literal object).
pub fn document_a() -> Document {
    let d = Draft::new(TEXT_A);
    let mut meets = d.fact(
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
    let mut aid = d.fact(
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
    let mut attack = d.fact(
        0,
        "relatedTo",
        "attaquer",
        Object::Entity(6),
        "Macron n'a pas attaqué Poutine",
        0.8,
    );
    attack.negated = true;
    let role = d.fact(
        0,
        "role",
        "président",
        literal("président", LiteralKind::Text),
        "Emmanuel Macron",
        0.95,
    );
    let mentions = vec![
        d.mention(0, "Emmanuel Macron", 0),
        d.mention(1, "Volodymyr Zelensky", 0),
        d.mention(2, "Paris", 0),
        d.mention(3, "AFP", 0),
        d.mention(4, "France", 0),
        d.mention(5, "Ukraine", 0),
        d.mention(0, "Macron", 1),
        d.mention(6, "Poutine", 0),
    ];
    let entities = vec![
        entity("Emmanuel Macron", EntityKind::Person, &["Macron"]),
        entity("Volodymyr Zelensky", EntityKind::Person, &[]),
        entity("Paris", EntityKind::Place, &[]),
        entity("AFP", EntityKind::Organization, &[]),
        entity("France", EntityKind::Place, &[]),
        entity("Ukraine", EntityKind::Place, &[]),
        entity("Poutine", EntityKind::Person, &[]),
    ];
    let mut doc = d.document("a.txt", entities, mentions, vec![meets, aid, attack, role]);
    doc.title = Some("Rencontre à Paris".into());
    doc
}

/// One sentence about Macron and Kiev, with a hypothetical fact.
pub fn document_b() -> Document {
    let d = Draft::new(TEXT_B);
    let mut went = d.fact(
        0,
        "location",
        "rendre",
        Object::Entity(1),
        "Emmanuel Macron s'est rendu à Kiev",
        0.6,
    );
    went.hypothetical = true;
    let entities = vec![
        entity("Emmanuel Macron", EntityKind::Person, &[]),
        entity("Kiev", EntityKind::Place, &[]),
    ];
    let mentions = vec![d.mention(0, "Emmanuel Macron", 0), d.mention(1, "Kiev", 0)];
    d.document("b.txt", entities, mentions, vec![went])
}

/// A document about the same source path as `document_a`, with other text.
pub fn document_a_edited() -> Document {
    let d = Draft::new("Emmanuel Macron a rencontré Volodymyr Zelensky.");
    let meets = d.fact(
        0,
        "relatedTo",
        "rencontrer",
        Object::Entity(1),
        "Emmanuel Macron a rencontré Volodymyr Zelensky",
        0.9,
    );
    let entities = vec![
        entity("Emmanuel Macron", EntityKind::Person, &[]),
        entity("Volodymyr Zelensky", EntityKind::Person, &[]),
    ];
    let mentions = vec![
        d.mention(0, "Emmanuel Macron", 0),
        d.mention(1, "Volodymyr Zelensky", 0),
    ];
    d.document("a.txt", entities, mentions, vec![meets])
}

/// A numbered document for load tests: `n` sentences, each naming two
/// people linked by a fact.
pub fn numbered_document(index: usize, sentences_count: usize) -> Document {
    let mut text = String::new();
    for s in 0..sentences_count {
        text.push_str(&format!("Personne{index}x{s} a rencontré Autre{index}x{s}. "));
    }
    let d = Draft::new(text.trim_end());
    let mut entities = Vec::new();
    let mut mentions = Vec::new();
    let mut facts = Vec::new();
    for s in 0..sentences_count {
        let a = format!("Personne{index}x{s}");
        let b = format!("Autre{index}x{s}");
        entities.push(entity(&a, EntityKind::Person, &[]));
        entities.push(entity(&b, EntityKind::Person, &[]));
        mentions.push(d.mention(2 * s, &a, 0));
        mentions.push(d.mention(2 * s + 1, &b, 0));
        facts.push(d.fact(
            2 * s,
            "relatedTo",
            "rencontrer",
            Object::Entity(2 * s + 1),
            &format!("{a} a rencontré {b}"),
            0.5,
        ));
    }
    d.document(&format!("doc{index}.txt"), entities, mentions, facts)
}
