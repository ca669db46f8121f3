//! Plain rows read out of the store for exporters.
//!
//! Exporters (DOT, pictures, CSV) work from a [`GraphSnapshot`] so that only
//! `store` ever touches Oxigraph. Rows are sorted (by IRI, then position)
//! so every export is deterministic.

use serde::{Deserialize, Serialize};

/// Everything an exporter needs, selected and filtered by the store.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GraphSnapshot {
    pub entities: Vec<EntityRow>,
    pub relations: Vec<RelationRow>,
    pub mentions: Vec<MentionRow>,
    /// Every quad of the selected graphs, terms in N-Triples syntax.
    pub quads: Vec<QuadRow>,
    /// Every document, sorted by source then IRI.
    #[serde(default)]
    pub documents: Vec<DocumentRow>,
    /// Every time expression, sorted by document then position.
    #[serde(default)]
    pub timexes: Vec<TimexRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRow {
    pub iri: String,
    /// The path given to `trame build`.
    pub source: String,
    pub title: Option<String>,
    /// ISO 8601 `YYYY-MM-DD`, when known.
    pub date: Option<String>,
    /// Where the date was found (`given`, `dateline`, `front matter`, `file name`).
    pub date_origin: Option<String>,
    /// The authors its byline names (`dcterms:creator`), sorted.
    #[serde(default)]
    pub authors: Vec<String>,
}

/// One time expression with its TIMEX3 type and value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimexRow {
    pub doc: String,
    pub source: String,
    /// Characters of the original text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: String,
    /// DATE, TIME, DURATION or SET.
    pub kind: String,
    /// TIMEX3 `mod` (START, MID, END, APPROX, MORE_THAN, …), when the words give one.
    #[serde(default)]
    pub modifier: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRow {
    pub iri: String,
    pub label: String,
    /// PER, ORG, LOC or MISC.
    pub kind: String,
    pub aliases: Vec<String>,
    pub mentions: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RelationRow {
    /// The statement node's IRI.
    pub statement: String,
    pub subject_iri: String,
    pub subject: String,
    /// Ontology property local name.
    pub predicate: String,
    /// None when the object is a literal.
    pub object_iri: Option<String>,
    /// The object's label, or the literal's text.
    pub object: String,
    pub lemma: String,
    pub doc: String,
    pub sentence: String,
    /// Character offset where the sentence starts in the original text.
    #[serde(default)]
    pub sentence_start: Option<usize>,
    /// Character span of the fact in the source document's original text.
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
    pub negated: bool,
    pub hypothetical: bool,
    pub reported: bool,
    pub rule: String,
    /// PLOVER event type code ("ASSAULT") when the fact is a typed act.
    #[serde(default)]
    pub event_type: Option<String>,
    /// CAMEO root code, two digits ("19").
    #[serde(default)]
    pub cameo_root: Option<String>,
    /// CAMEO quad class, ontology local name ("MaterialConflict").
    #[serde(default)]
    pub quad_class: Option<String>,
    /// Distinct documents stating the same subject, predicate and object
    /// (1 when no claim groups it; 0 in hand-made snapshots).
    #[serde(default)]
    pub sources: usize,
    /// The claim node grouping this fact with other documents', if any.
    #[serde(default)]
    pub claim: Option<String>,
    /// Whether that claim is contested (a source negates what another asserts).
    #[serde(default)]
    pub contested: bool,
    /// The fact's own time as written ("lundi soir"), from its `time` argument.
    #[serde(default)]
    pub time_text: Option<String>,
    /// The fact's own normalised time: an XSD date/dateTime/gYear/gYearMonth
    /// lexical form or a TIMEX3 value ("2025-03-10TEV"); `None` when the fact
    /// has no time of its own.
    #[serde(default)]
    pub time_value: Option<String>,
    /// The date of the fact's document (`YYYY-MM-DD`), when known.
    #[serde(default)]
    pub doc_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRow {
    pub entity_iri: String,
    pub doc: String,
    /// The path given to `trame build`.
    pub source: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// PER, ORG, LOC or MISC.
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuadRow {
    pub subject: String,
    pub predicate: String,
    pub object: String,
    pub graph: String,
}
