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

/// `a.txt` after an edit: its text cut down to the meeting, without place or day.
pub const TEXT_A_EDITED: &str = "Emmanuel Macron a rencontré Volodymyr Zelensky.";

/// Three sentences, seven entities, four facts (one negated, one reported,
/// one with a literal object).
pub fn document_a() -> Document {
    let mut doc = described_a(TEXT_A);
    doc.title = Some("Rencontre à Paris".into());
    doc
}

/// A document about the same source path as `document_a`, with other text
/// ([`TEXT_A_EDITED`]): `document_a`'s description read over the new text.
pub fn document_a_edited() -> Document {
    described_a(TEXT_A_EDITED)
}

/// `a.txt` as described over `text`: the entities, mentions and facts of
/// [`TEXT_A`] whose words `text` still has (an entity without a mention
/// left, an alias no mention writes, an argument whose entity or words are
/// gone are left out, entities renumbered in order).
fn described_a(text: &str) -> Document {
    use EntityKind::{Organization, Person, Place};
    let entities = [
        ("Emmanuel Macron", Person, &["Macron"][..]),
        ("Volodymyr Zelensky", Person, &[]),
        ("Paris", Place, &[]),
        ("AFP", Organization, &[]),
        ("France", Place, &[]),
        ("Ukraine", Place, &[]),
        ("Poutine", Person, &[]),
    ];
    let mentions = [
        (0, "Emmanuel Macron", 0),
        (1, "Volodymyr Zelensky", 0),
        (2, "Paris", 0),
        (3, "AFP", 0),
        (4, "France", 0),
        (5, "Ukraine", 0),
        (0, "Macron", 1),
        (6, "Poutine", 0),
    ];
    let d = Draft::new(text);
    let occurs = |needle: &str, nth: usize| text.match_indices(needle).nth(nth).is_some();
    let kept_mentions: Vec<(usize, &str, usize)> = mentions.into_iter().filter(|&(_, n, nth)| occurs(n, nth)).collect();
    let mut number = vec![None; entities.len()];
    let mut kept_entities = Vec::new();
    for (i, (label, kind, aliases)) in entities.iter().enumerate() {
        let written: Vec<&str> = kept_mentions.iter().filter(|m| m.0 == i).map(|m| m.1).collect();
        if written.is_empty() {
            continue;
        }
        number[i] = Some(kept_entities.len());
        let aliases: Vec<&str> = aliases.iter().copied().filter(|a| written.contains(a)).collect();
        kept_entities.push(entity(label, *kind, &aliases));
    }
    // A literal argument goes with its words; a literal object is the fact's own.
    let object = |o: &Object, argument: bool| match o {
        Object::Entity(e) => number[*e].map(Object::Entity),
        Object::Literal(l) if argument => occurs(&l.text, 0).then(|| o.clone()),
        other => Some(other.clone()),
    };
    let mut facts = Vec::new();
    let mut fact = |subject: usize, predicate, lemma, o: Object, from: &str, confidence, edit: &dyn Fn(&mut Fact)| {
        let (Some(subject), Some(o)) = (number[subject], object(&o, false)) else {
            return;
        };
        if !occurs(from, 0) {
            return;
        }
        let mut f = d.fact(subject, predicate, lemma, o, from, confidence);
        edit(&mut f);
        f.arguments = f
            .arguments
            .iter()
            .filter_map(|(role, o)| Some((role.clone(), object(o, true)?)))
            .collect();
        f.reported_by = match f.reported_by.take() {
            Some(Node::Entity(e)) => number[e].map(Node::Entity),
            other => other,
        };
        facts.push(f);
    };
    let meets = "Emmanuel Macron a rencontré Volodymyr Zelensky";
    fact(0, "relatedTo", "rencontrer", Object::Entity(1), meets, 0.9, &|f| {
        f.arguments = vec![
            ("location".into(), Object::Entity(2)),
            ("time".into(), literal("lundi", LiteralKind::Time)),
        ];
    });
    let aid = "la France reprendra l'aide à l'Ukraine";
    fact(4, "relatedTo", "reprendre", Object::Entity(5), aid, 0.7, &|f| {
        f.reported = true;
        f.reported_by = Some(Node::Entity(3));
        f.arguments = vec![("source".into(), Object::Entity(3))];
    });
    let attack = "Macron n'a pas attaqué Poutine";
    fact(0, "relatedTo", "attaquer", Object::Entity(6), attack, 0.8, &|f| {
        f.negated = true
    });
    let role = literal("président", LiteralKind::Text);
    fact(0, "role", "président", role, "Emmanuel Macron", 0.95, &|_| {});
    let mentions = kept_mentions
        .into_iter()
        .filter_map(|(e, needle, nth)| Some(d.mention(number[e]?, needle, nth)))
        .collect();
    d.document("a.txt", kept_entities, mentions, facts)
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
