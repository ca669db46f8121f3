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
    /// Who wrote it, from its byline: metadata, never entities or facts.
    #[serde(default)]
    pub authors: Vec<String>,
    /// The original text, exactly as read.
    pub text: String,
    /// SHA-256 of the original text, lower-case hex; the graph IRI derives from it.
    pub content_hash: String,
    /// ISO 639-1 code of the detected language.
    pub language: String,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    /// Names the text holds that this document alone does not make
    /// entities (a lone capitalised word, a name the model could not type):
    /// the corpus-level merge tags them as mentions when the document set
    /// knows an entity of that name ([`crate::extract::entities::corpus`]).
    #[serde(default)]
    pub name_candidates: Vec<NameCandidate>,
    /// Things the text describes without naming them (subjects and objects
    /// of facts that are no named entity): one per distinct noun phrase.
    #[serde(default)]
    pub concepts: Vec<Concept>,
    pub facts: Vec<Fact>,
    /// The article's date, when known.
    #[serde(default)]
    pub date: Option<DocumentDate>,
    /// Every time expression of the text, normalised, in text order.
    #[serde(default)]
    pub timexes: Vec<TimeExpression>,
}

/// The date of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentDate {
    /// ISO 8601 `YYYY-MM-DD`.
    pub date: String,
    /// Where it was found: `given` (the `--date` option), `dateline`,
    /// `front matter` or `file name`.
    pub origin: String,
    /// Why the date deserves a look, e.g. the dateline and the file name disagree.
    pub note: Option<String>,
}

/// A time expression of the text with its TIMEX3 type and value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpression {
    /// Characters of the original text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
    /// TIMEX3 value: `2025-03-10TEV`, `2025-W10`, `P3Y`, `PAST_REF`,
    /// `XXXX-02-28` when the year is unknown.
    pub value: String,
    /// TIMEX3 `mod` (`START`, `MID`, `END`, `APPROX`, `MORE_THAN`, …) when
    /// the words say which part of the period or how exact: «fin 2017» is
    /// `2017` with `END`, «vers 14 h» a clock time with `APPROX`.
    #[serde(default)]
    pub modifier: Option<String>,
    /// Index of the sentence holding it.
    pub sentence: usize,
}

/// The XML Schema datatype that a TIMEX3 value can be written in, if any:
/// `date` (2025-03-10), `gYearMonth` (2025-03), `gYear` (2025) or
/// `dateTime` (2025-03-10T14:30, written with seconds). Values with unknown
/// parts, weeks, parts of day, durations and references have none.
pub fn timex_xsd_type(value: &str) -> Option<(&'static str, String)> {
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    let (date, time) = match value.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (value, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let date_ok = parts.len() == 3 && digits(parts[0], 4) && digits(parts[1], 2) && digits(parts[2], 2);
    match (parts.as_slice(), time) {
        (_, Some(t)) if date_ok => {
            let (h, m) = t.split_once(':')?;
            (digits(h, 2) && digits(m, 2)).then(|| ("dateTime", format!("{date}T{h}:{m}:00")))
        }
        (_, None) if date_ok => Some(("date", value.to_string())),
        ([y, m], None) if digits(y, 4) && digits(m, 2) => Some(("gYearMonth", value.to_string())),
        ([y], None) if digits(y, 4) => Some(("gYear", value.to_string())),
        _ => None,
    }
}

impl Document {
    /// The label of a node: its entity's or concept's, `?` when the index
    /// is out of range.
    pub fn node_label(&self, node: Node) -> &str {
        match node {
            Node::Entity(e) => self.entities.get(e).map_or("?", |x| x.label.as_str()),
            Node::Concept(c) => self.concepts.get(c).map_or("?", |x| x.label.as_str()),
        }
    }

    /// What an object reads as: a node's label or the literal's text.
    pub fn object_text<'a>(&'a self, object: &'a Object) -> &'a str {
        match object {
            Object::Entity(e) => self.node_label(Node::Entity(*e)),
            Object::Concept(c) => self.node_label(Node::Concept(*c)),
            Object::Literal(l) => &l.text,
        }
    }
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

/// A thing a document describes without naming it: an event, a group, an
/// object ("la collision", "les manifestants", "le marché du lait").
///
/// Concepts belong to their document (their IRIs derive from the document's),
/// are never merged across documents and are not named entities: the CSV
/// dump lists them only as subjects and objects of relations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Concept {
    /// The noun phrase as written, without its leading determiner
    /// ("manifestants de la place centrale").
    pub label: String,
    /// Lemma of the head noun, which types the concept ("manifestant").
    pub head: String,
    /// The named entity the noun phrase names, if any: "le gouvernement
    /// malien" → Mali, "les habitants de Lyon" → Lyon (index into
    /// [`Document::entities`]).
    #[serde(default)]
    pub named_entity: Option<usize>,
}

/// What a fact is about: a named entity or a concept of the same document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Node {
    /// Index into [`Document::entities`].
    Entity(usize),
    /// Index into [`Document::concepts`].
    Concept(usize),
}

impl Node {
    /// The entity index, when the node is a named entity.
    pub fn entity(self) -> Option<usize> {
        match self {
            Node::Entity(e) => Some(e),
            Node::Concept(_) => None,
        }
    }
}

impl From<usize> for Node {
    /// An index into [`Document::entities`].
    fn from(entity: usize) -> Self {
        Node::Entity(entity)
    }
}

impl From<Node> for Object {
    fn from(node: Node) -> Self {
        match node {
            Node::Entity(e) => Object::Entity(e),
            Node::Concept(c) => Object::Concept(c),
        }
    }
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

/// A name of the text left without an entity by its own document: too
/// little evidence there (one unsupported mention, no type). Stored in the
/// document graph as a `trame:NameCandidate`; the merge step makes it a
/// mention of the entity the document set knows under that name, if one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NameCandidate {
    /// Index of the sentence holding it.
    pub sentence: usize,
    /// Characters of the original text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The name as written.
    pub text: String,
    /// The type the document's evidence points to, when it points to one.
    pub kind: Option<EntityKind>,
}

/// What a fact points at: another entity, or a literal value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Object {
    Entity(usize),
    /// Index into [`Document::concepts`].
    Concept(usize),
    Literal(Literal),
}

impl Object {
    /// A plain-text literal object ([`LiteralKind::Text`]): a role, a
    /// description, a noun phrase as written.
    pub fn text(text: impl Into<String>) -> Self {
        Object::Literal(Literal {
            text: text.into(),
            kind: LiteralKind::Text,
        })
    }

    /// The node this object is, unless it is a literal.
    pub fn node(&self) -> Option<Node> {
        match self {
            Object::Entity(e) => Some(Node::Entity(*e)),
            Object::Concept(c) => Some(Node::Concept(*c)),
            Object::Literal(_) => None,
        }
    }
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
    /// A TIMEX3 value ("2025-03-10", "2025-W10", "P3Y"); the store types it
    /// with [`timex_xsd_type`].
    Timex,
}

/// A subject–predicate–object fact with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub subject: Node,
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
    /// Who reported it, when known: a named entity, or a concept such as
    /// "la préfecture" when no name is given.
    pub reported_by: Option<Node>,
    /// The name of the extraction rule that produced the fact.
    pub rule: String,
    /// What kind of act the fact reports (PLOVER/CAMEO), when its predicate
    /// is an act listed in `extract/data/event_types.tsv`; `None` for states,
    /// roles, speech and unlisted verbs.
    #[serde(default)]
    pub event: Option<EventType>,
}

/// The sixteen PLOVER event categories (Political Language Ontology for
/// Verifiable Event Records, Open Event Data Alliance, manual draft 0.8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Plover {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl Plover {
    /// Every category, from most cooperative to most hostile.
    pub const ALL: [Plover; 16] = [
        Plover::Agree,
        Plover::Consult,
        Plover::Support,
        Plover::Concede,
        Plover::Cooperate,
        Plover::Aid,
        Plover::Retreat,
        Plover::Request,
        Plover::Accuse,
        Plover::Reject,
        Plover::Threaten,
        Plover::Protest,
        Plover::Sanction,
        Plover::Mobilize,
        Plover::Coerce,
        Plover::Assault,
    ];

    /// The PLOVER code, upper case ("ASSAULT"); also the ontology local name.
    pub fn code(self) -> &'static str {
        match self {
            Plover::Agree => "AGREE",
            Plover::Consult => "CONSULT",
            Plover::Support => "SUPPORT",
            Plover::Concede => "CONCEDE",
            Plover::Cooperate => "COOPERATE",
            Plover::Aid => "AID",
            Plover::Retreat => "RETREAT",
            Plover::Request => "REQUEST",
            Plover::Accuse => "ACCUSE",
            Plover::Reject => "REJECT",
            Plover::Threaten => "THREATEN",
            Plover::Protest => "PROTEST",
            Plover::Sanction => "SANCTION",
            Plover::Mobilize => "MOBILIZE",
            Plover::Coerce => "COERCE",
            Plover::Assault => "ASSAULT",
        }
    }

    /// Parses a PLOVER code, case-insensitively.
    pub fn from_code(code: &str) -> Option<Self> {
        Plover::ALL
            .into_iter()
            .find(|p| p.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// CAMEO's quad classes: verbal or material, cooperation or conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum QuadClass {
    VerbalCooperation,
    MaterialCooperation,
    VerbalConflict,
    MaterialConflict,
}

impl QuadClass {
    pub const ALL: [QuadClass; 4] = [
        QuadClass::VerbalCooperation,
        QuadClass::MaterialCooperation,
        QuadClass::VerbalConflict,
        QuadClass::MaterialConflict,
    ];

    /// The quad class of a CAMEO root code: 01–05 verbal cooperation,
    /// 06–08 material cooperation, 09–13 verbal conflict, 14–20 material
    /// conflict; `None` outside 1..=20.
    pub fn of_cameo_root(root: u8) -> Option<Self> {
        match root {
            1..=5 => Some(QuadClass::VerbalCooperation),
            6..=8 => Some(QuadClass::MaterialCooperation),
            9..=13 => Some(QuadClass::VerbalConflict),
            14..=20 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }

    /// Kebab-case code used in data tables ("verbal-cooperation").
    pub fn code(self) -> &'static str {
        match self {
            QuadClass::VerbalCooperation => "verbal-cooperation",
            QuadClass::MaterialCooperation => "material-cooperation",
            QuadClass::VerbalConflict => "verbal-conflict",
            QuadClass::MaterialConflict => "material-conflict",
        }
    }

    /// The ontology local name ("VerbalCooperation").
    pub fn local_name(self) -> &'static str {
        match self {
            QuadClass::VerbalCooperation => "VerbalCooperation",
            QuadClass::MaterialCooperation => "MaterialCooperation",
            QuadClass::VerbalConflict => "VerbalConflict",
            QuadClass::MaterialConflict => "MaterialConflict",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        QuadClass::ALL
            .into_iter()
            .find(|q| q.code() == code.trim() || q.local_name() == code.trim())
    }
}

/// A fact's event type: its PLOVER category and CAMEO root code (1..=20).
/// The quad class follows from the root ([`QuadClass::of_cameo_root`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EventType {
    pub plover: Plover,
    pub cameo_root: u8,
}

impl EventType {
    /// The quad class of the CAMEO root (material conflict for an
    /// out-of-range root, which the table parser refuses anyway).
    pub fn quad_class(self) -> QuadClass {
        QuadClass::of_cameo_root(self.cameo_root).unwrap_or(QuadClass::MaterialConflict)
    }

    /// The CAMEO root as two digits ("04").
    pub fn cameo_code(self) -> String {
        format!("{:02}", self.cameo_root)
    }
}

/// An entity as the documents of a set describe it (label, type, aliases
/// gathered over every document that names it): the input of
/// cross-document merging (`extract::entities::corpus`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KnownEntity {
    pub label: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    /// How many times the documents give it a preferred label (one per
    /// document graph that names it); 0 when unknown.
    #[serde(default)]
    pub documents: usize,
}

/// A name a document left without an entity ([`NameCandidate`]), as the
/// reduce step reads it back from a store: what is written and the type
/// its document's evidence pointed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateName {
    pub text: String,
    pub kind: Option<EntityKind>,
}

/// The least confidence a fact needs to be kept: the one threshold behind
/// every `--min-confidence` (build, export, explain) and
/// [`crate::store::SnapshotOptions`]. A number from 0 to 1; the default, 0,
/// keeps everything. Parsed from text with [`std::str::FromStr`], which
/// refuses anything else with a message naming the value.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct MinConfidence(f32);

/// Why a text is not a confidence threshold.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfidenceError {
    #[error("{0:?} is not a number; give a confidence from 0 to 1")]
    NotANumber(String),
    #[error("{0} is outside 0..1; give a confidence from 0 to 1")]
    OutOfRange(f32),
}

impl MinConfidence {
    /// The threshold `value`, which must lie in 0..=1.
    pub fn new(value: f32) -> Result<Self, ConfidenceError> {
        if (0.0..=1.0).contains(&value) {
            Ok(MinConfidence(value))
        } else {
            Err(ConfidenceError::OutOfRange(value))
        }
    }

    /// The threshold as a number from 0 to 1.
    pub fn value(self) -> f32 {
        self.0
    }

    /// Whether a fact of this confidence is kept: the only comparison
    /// against a threshold in trame.
    pub fn admits(self, confidence: f32) -> bool {
        confidence >= self.0
    }
}

impl std::str::FromStr for MinConfidence {
    type Err = ConfidenceError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let value: f32 = text
            .trim()
            .parse()
            .map_err(|_| ConfidenceError::NotANumber(text.to_string()))?;
        MinConfidence::new(value)
    }
}

impl std::fmt::Display for MinConfidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_threshold_is_a_number_from_0_to_1() {
        assert_eq!("0.5".parse(), Ok(MinConfidence(0.5)));
        assert_eq!(" 1 ".parse(), Ok(MinConfidence(1.0)));
        assert_eq!("0".parse(), Ok(MinConfidence::default()));
        assert_eq!("1.5".parse::<MinConfidence>(), Err(ConfidenceError::OutOfRange(1.5)));
        assert!("-0.1".parse::<MinConfidence>().is_err());
        assert!("NaN".parse::<MinConfidence>().is_err());
        assert!(matches!(
            "haut".parse::<MinConfidence>(),
            Err(ConfidenceError::NotANumber(_))
        ));
    }

    #[test]
    fn the_threshold_itself_is_admitted() {
        let min = MinConfidence::new(0.6).unwrap();
        assert!(min.admits(0.6) && min.admits(1.0) && !min.admits(0.59));
        assert!(MinConfidence::default().admits(0.0));
    }
}
