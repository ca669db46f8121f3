//! The plain records that extraction hands to the store.
//!
//! `extract` produces a [`Document`]; `store` turns it into RDF. Neither
//! side sees the other: this module is the whole interface, and it knows
//! nothing about the language models or about RDF. Indices (`entity`,
//! `sentence`, `subject`) point into the vectors of the same [`Document`];
//! offsets are characters (Unicode scalar values) of the original text.

use serde::{Deserialize, Serialize};

/// Version written on every document graph, so facts can be traced to the
/// extractor that made them.
pub const EXTRACTOR_VERSION: &str = concat!("trame/", env!("CARGO_PKG_VERSION"));

/// The four entity types of the French NER models, mapped to ontology classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Misc,
}

impl EntityKind {
    /// The NER code used in CSV dumps: PER, ORG, LOC or MISC.
    pub fn code(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Place => "LOC",
            EntityKind::Misc => "MISC",
        }
    }

    /// Parses a NER code (PER, ORG, LOC, MISC), case-insensitively.
    pub fn from_code(code: &str) -> Option<Self> {
        match code.to_ascii_uppercase().as_str() {
            "PER" => Some(EntityKind::Person),
            "ORG" => Some(EntityKind::Organization),
            "LOC" => Some(EntityKind::Place),
            "MISC" => Some(EntityKind::Misc),
            _ => None,
        }
    }
}

/// One source document with everything extracted from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The path as given to `trame build` (or `-` for standard input).
    pub source: String,
    pub title: Option<String>,
    /// The original text, exactly as read.
    pub text: String,
    /// SHA-256 of the original text, lower-case hex; the graph IRI derives from it.
    pub content_hash: String,
    /// ISO 639-1 code of the detected language.
    pub language: String,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub facts: Vec<Fact>,
}

/// A sentence of the original text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// An entity after mentions of the same thing were merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name as written in the text ("Volodymyr Zelenskyy").
    /// Together with `kind` it determines the entity's IRI.
    pub label: String,
    pub kind: EntityKind,
    /// Other names seen for it ("Zelenskyy").
    pub aliases: Vec<String>,
}

/// One place in the text that names an entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub entity: usize,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// What a fact points at: another entity, or a literal value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Object {
    Entity(usize),
    Literal(Literal),
}

/// A literal object or argument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Literal {
    pub text: String,
    pub kind: LiteralKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LiteralKind {
    /// Plain text: a role, a description, a noun phrase.
    Text,
    /// What somebody said, quoted.
    Quote,
    /// A date or time expression as written ("lundi soir", "en 2014").
    Time,
    /// A number or quantity.
    Number,
}

/// A subject–predicate–object fact with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub subject: usize,
    /// Ontology property local name, e.g. `resumesAidTo`, `role`, or the
    /// generic relation when no mapping exists.
    pub predicate: String,
    /// The French word(s) the fact comes from, lemmatised ("reprendre").
    pub lemma: String,
    pub object: Object,
    /// Further arguments: (ontology property local name, value), e.g.
    /// (`recipient`, Ukraine), (`time`, "lundi soir"), (`location`, Paris).
    pub arguments: Vec<(String, Object)>,
    pub sentence: usize,
    /// Character span in the original text that the fact was read from.
    pub start: usize,
    pub end: usize,
    /// 0..1, from how the fact was derived.
    pub confidence: f32,
    pub negated: bool,
    /// Modal or conditional ("pourraient", "devrait").
    pub hypothetical: bool,
    /// Reported by somebody (in a quote or after a speech verb).
    pub reported: bool,
    /// Who reported it, when known.
    pub source_entity: Option<usize>,
    /// The name of the extraction rule that produced the fact.
    pub rule: String,
}

/// An entity as the documents of a set describe it (label, type, aliases
/// gathered over every document that names it): the input of
/// cross-document merging (`extract::entities::corpus`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KnownEntity {
    pub label: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
}
