//! The data model: how one [`Document`] becomes the quads of its named graph.
//!
//! Owns the shape of a document graph (document metadata, sentences,
//! entities, mentions, direct fact triples and statement nodes). It builds
//! quads in memory and never touches the database: [`super::Store`] writes
//! them in one transaction. Reading the model back lives in `read.rs`.

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use super::iri;
use super::StoreError;
use crate::facts::{timex_xsd_type, Document, LiteralKind, Node, Object, EXTRACTOR_VERSION};

/// Dublin Core's `date`: the document's own date, as `xsd:date`.
pub const DCTERMS_DATE: &str = "http://purl.org/dc/terms/date";
/// `dcterms:creator`: an author named by the document's byline, a plain literal.
pub const DCTERMS_CREATOR: &str = "http://purl.org/dc/terms/creator";

/// The quads of a document's graph, and the graph's IRI.
pub struct DocumentGraph {
    pub iri: String,
    pub quads: Vec<Quad>,
}

/// One cross-document merge decision, in IRIs: `entity owl:sameAs canonical`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SameAs {
    pub entity: String,
    pub canonical: String,
}

/// A name candidate of a document (`trame:NameCandidate`, by IRI) that the
/// document set resolves to an entity: written as `candidate a
/// trame:Mention ; trame:refersTo entity`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    pub candidate: String,
    pub entity: String,
}

/// Everything the reduce step decided over a document set, in IRIs: the
/// content of the merge graph ([`iri::MERGE_GRAPH`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeDecisions {
    /// Entities that are the same as another (`owl:sameAs`).
    pub links: Vec<SameAs>,
    /// `(entity, name)`: other names of a kept entity (`skos:altLabel`).
    pub alt_labels: Vec<(String, String)>,
    /// Name candidates that name an entity of the set.
    pub mentions: Vec<NameMention>,
}

/// The quads of the merge graph ([`iri::MERGE_GRAPH`]): one `owl:sameAs`
/// per link, each `(entity, name)` of `alt_labels` as `skos:altLabel`, and
/// each resolved name candidate typed `trame:Mention` with its
/// `trame:refersTo`. Sorted, so the same decisions always give the same graph.
pub fn merge_graph(decisions: &MergeDecisions) -> Vec<Quad> {
    let mut graph = GraphBuilder::new(iri::MERGE_GRAPH);
    let same_as = named(&format!("{}sameAs", iri::OWL));
    let alt = named(&format!("{}altLabel", iri::SKOS));
    for link in &decisions.links {
        graph.add(&named(&link.entity), same_as.clone(), named(&link.canonical));
    }
    for (entity, name) in &decisions.alt_labels {
        graph.add(&named(entity), alt.clone(), string(name));
    }
    for mention in &decisions.mentions {
        let node = named(&mention.candidate);
        graph.add(&node, rdf::TYPE.into_owned(), named(&iri::term("Mention")));
        graph.add(&node, ont("refersTo"), named(&mention.entity));
    }
    let mut quads = graph.finish();
    quads.sort_by_cached_key(ToString::to_string);
    quads.dedup();
    quads
}

/// Builds the named graph of `doc`. `date_added` is an `xsd:dateTime` lexical form.
///
/// Fails (without writing anything) when an index points outside the
/// document or a predicate is not a usable ontology local name.
pub fn document_graph(doc: &Document, date_added: &str) -> Result<DocumentGraph, StoreError> {
    validate(doc)?;
    let doc_iri = iri::document(&doc.content_hash);
    let mut graph = GraphBuilder::new(&doc_iri);
    let doc_node = named(&doc_iri);
    let entity_iris: Vec<String> = doc.entities.iter().map(|e| iri::entity(e.kind, &e.label)).collect();
    let concept_iris: Vec<String> = doc.concepts.iter().map(|c| iri::concept(&doc_iri, &c.label)).collect();
    let iris = NodeIris {
        entities: &entity_iris,
        concepts: &concept_iris,
    };

    graph.add(&doc_node, rdf::TYPE.into_owned(), named(&iri::term("Document")));
    graph.add_literal(&doc_node, "sourcePath", string(&doc.source));
    if let Some(title) = &doc.title {
        graph.add_literal(&doc_node, "title", string(title));
    }
    graph.add_literal(&doc_node, "contentHash", string(&doc.content_hash));
    graph.add_literal(
        &doc_node,
        "dateAdded",
        Literal::new_typed_literal(date_added, xsd::DATE_TIME),
    );
    graph.add_literal(&doc_node, "extractorVersion", string(EXTRACTOR_VERSION));
    graph.add_literal(
        &doc_node,
        "language",
        Literal::new_typed_literal(&doc.language, xsd::LANGUAGE),
    );
    for author in &doc.authors {
        graph.add(&doc_node, named(DCTERMS_CREATOR), string(author));
    }
    if let Some(date) = &doc.date {
        graph.add(
            &doc_node,
            named(DCTERMS_DATE),
            Literal::new_typed_literal(&date.date, xsd::DATE),
        );
        graph.add_literal(&doc_node, "dateOrigin", string(&date.origin));
    }

    for (index, timex) in doc.timexes.iter().enumerate() {
        let node = named(&iri::node(&doc_iri, "timex", index));
        graph.add(&node, rdf::TYPE.into_owned(), named(&iri::term("TimeExpression")));
        graph.add(&node, ont("document"), doc_node.clone());
        graph.add(
            &node,
            ont("sentence"),
            named(&iri::node(&doc_iri, "sentence", timex.sentence)),
        );
        graph.add_literal(&node, "text", string(&timex.text));
        graph.add_literal(&node, "start", count(timex.start));
        graph.add_literal(&node, "end", count(timex.end));
        graph.add_literal(&node, "timexType", string(&timex.kind));
        graph.add_literal(&node, "timexValue", string(&timex.value));
        if let Some(modifier) = &timex.modifier {
            graph.add_literal(&node, "timexMod", string(modifier));
        }
    }

    for (index, sentence) in doc.sentences.iter().enumerate() {
        let node = named(&iri::node(&doc_iri, "sentence", index));
        graph.add(&node, rdf::TYPE.into_owned(), named(&iri::term("Sentence")));
        graph.add(&node, ont("document"), doc_node.clone());
        graph.add_literal(&node, "text", string(&sentence.text));
        graph.add_literal(&node, "start", count(sentence.start));
        graph.add_literal(&node, "end", count(sentence.end));
    }

    for (entity, entity_iri) in doc.entities.iter().zip(&entity_iris) {
        let node = named(entity_iri);
        graph.add(&node, rdf::TYPE.into_owned(), named(&iri::class_of(entity.kind)));
        graph.add(&node, named(&format!("{}prefLabel", iri::SKOS)), string(&entity.label));
        for alias in entity.aliases.iter().filter(|alias| **alias != entity.label) {
            graph.add(&node, named(&format!("{}altLabel", iri::SKOS)), string(alias));
        }
    }

    // Concepts are the document's own: a class, a label and the head noun that types them.
    for (concept, concept_iri) in doc.concepts.iter().zip(&concept_iris) {
        let node = named(concept_iri);
        graph.add(&node, rdf::TYPE.into_owned(), named(&iri::term("Concept")));
        graph.add(&node, named(&format!("{}prefLabel", iri::SKOS)), string(&concept.label));
        graph.add_literal(&node, "headNoun", string(&concept.head));
        if let Some(entity) = concept.named_entity {
            graph.add(&node, ont("namedEntity"), named(&entity_iris[entity]));
        }
        graph.add(&node, ont("document"), doc_node.clone());
    }

    for (index, mention) in doc.mentions.iter().enumerate() {
        let node = named(&iri::node(&doc_iri, "mention", index));
        graph.add(&node, rdf::TYPE.into_owned(), named(&iri::term("Mention")));
        graph.add(&node, ont("refersTo"), named(&entity_iris[mention.entity]));
        graph.add(&node, ont("document"), doc_node.clone());
        graph.add(
            &node,
            ont("sentence"),
            named(&iri::node(&doc_iri, "sentence", mention.sentence)),
        );
        graph.add_literal(&node, "text", string(&mention.text));
        graph.add_literal(&node, "start", count(mention.start));
        graph.add_literal(&node, "end", count(mention.end));
    }

    // Names the document alone made no entity of: the merge step may
    // make them mentions of an entity the document set knows.
    for (index, candidate) in doc.name_candidates.iter().enumerate() {
        let node = named(&iri::node(&doc_iri, "name", index));
        graph.add(&node, rdf::TYPE.into_owned(), named(&iri::term("NameCandidate")));
        graph.add(&node, ont("document"), doc_node.clone());
        graph.add(
            &node,
            ont("sentence"),
            named(&iri::node(&doc_iri, "sentence", candidate.sentence)),
        );
        graph.add_literal(&node, "text", string(&candidate.text));
        graph.add_literal(&node, "start", count(candidate.start));
        graph.add_literal(&node, "end", count(candidate.end));
        if let Some(kind) = candidate.kind {
            graph.add(&node, ont("typeHint"), named(&iri::class_of(kind)));
        }
    }

    for (index, fact) in doc.facts.iter().enumerate() {
        let node = named(&iri::node(&doc_iri, "statement", index));
        let subject = named(iris.node(fact.subject));
        let predicate = ont(&fact.predicate);
        let object = object_term(&fact.object, &iris);
        // A denied fact is not asserted: simple queries over direct triples
        // must not read "X attacks Y" out of "X n'a pas attaqué Y".
        if !fact.negated {
            graph.add(&subject, predicate.clone(), object.clone());
        }
        graph.add(&node, rdf::TYPE.into_owned(), named(&iri::term("Statement")));
        graph.add(&node, rdf::SUBJECT.into_owned(), subject);
        graph.add(&node, rdf::PREDICATE.into_owned(), predicate);
        graph.add(&node, rdf::OBJECT.into_owned(), object);
        for (property, value) in &fact.arguments {
            graph.add(&node, ont(property), object_term(value, &iris));
        }
        graph.add_literal(&node, "lemma", string(&fact.lemma));
        graph.add(&node, ont("document"), doc_node.clone());
        graph.add(
            &node,
            ont("sentence"),
            named(&iri::node(&doc_iri, "sentence", fact.sentence)),
        );
        graph.add_literal(&node, "start", count(fact.start));
        graph.add_literal(&node, "end", count(fact.end));
        graph.add_literal(&node, "confidence", confidence(fact.confidence));
        graph.add_literal(&node, "negated", Literal::from(fact.negated));
        graph.add_literal(&node, "hypothetical", Literal::from(fact.hypothetical));
        graph.add_literal(&node, "reported", Literal::from(fact.reported));
        if let Some(source) = fact.reported_by {
            graph.add(&node, ont("reportedBy"), named(iris.node(source)));
        }
        graph.add_literal(&node, "rule", string(&fact.rule));
        if let Some(event) = fact.event {
            graph.add(&node, ont("eventType"), ont(event.plover.code()));
            graph.add_literal(&node, "cameoRoot", string(&event.cameo_code()));
            graph.add(&node, ont("quadClass"), ont(event.quad_class().local_name()));
        }
    }

    Ok(DocumentGraph {
        iri: doc_iri,
        quads: graph.finish(),
    })
}

/// Confidence as an `xsd:decimal` with at most four decimals: f32 values
/// such as 0.8 would otherwise print as 0.800000011920929.
pub fn confidence(value: f32) -> Literal {
    let clamped = if value.is_finite() { value.clamp(0.0, 1.0) } else { 0.0 };
    let mut text = format!("{:.4}", f64::from(clamped));
    while text.ends_with('0') && !text.ends_with(".0") {
        text.pop();
    }
    Literal::new_typed_literal(text, xsd::DECIMAL)
}

/// The current time as an `xsd:dateTime` in UTC, to the second.
pub fn now_xsd() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    xsd_date_time(seconds)
}

/// Formats seconds since the Unix epoch as `YYYY-MM-DDThh:mm:ssZ`.
pub fn xsd_date_time(unix_seconds: u64) -> String {
    let days = (unix_seconds / 86_400) as i64;
    let secs = unix_seconds % 86_400;
    // Past year 9999 (never, for a clock) the date is clamped rather than wrong.
    let date = crate::calendar::Date::from_days(days).unwrap_or(crate::calendar::Date {
        year: 9999,
        month: 12,
        day: 31,
    });
    let (year, month, day) = (date.year, date.month, date.day);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        (secs / 60) % 60,
        secs % 60
    )
}

/// Checks every index and predicate name before anything is built.
fn validate(doc: &Document) -> Result<(), StoreError> {
    let invalid = |message: String| StoreError::InvalidDocument {
        document: doc.source.clone(),
        message,
    };
    if doc.content_hash.len() < iri::DOC_HASH_DIGITS || !doc.content_hash.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(invalid(format!(
            "content hash {:?} is not a SHA-256 hex digest",
            doc.content_hash
        )));
    }
    let entities = doc.entities.len();
    let sentences = doc.sentences.len();
    let entity_ok = |index: usize| index < entities;
    let node_ok = |node: Node| match node {
        Node::Entity(e) => e < entities,
        Node::Concept(c) => c < doc.concepts.len(),
    };
    let object_ok = |object: &Object| object.node().is_none_or(node_ok);
    for (index, concept) in doc.concepts.iter().enumerate() {
        if concept.named_entity.is_some_and(|e| !entity_ok(e)) {
            return Err(invalid(format!("concept {index} names a missing entity")));
        }
    }
    for (index, mention) in doc.mentions.iter().enumerate() {
        if !entity_ok(mention.entity) || mention.sentence >= sentences {
            return Err(invalid(format!(
                "mention {index} points to a missing entity or sentence"
            )));
        }
    }
    if let Some(index) = doc
        .name_candidates
        .iter()
        .position(|c| c.sentence >= sentences || c.start > c.end)
    {
        return Err(invalid(format!(
            "name candidate {index} points to a missing sentence or has an empty span"
        )));
    }
    if let Some(index) = doc
        .timexes
        .iter()
        .position(|t| t.sentence >= sentences || t.start > t.end)
    {
        return Err(invalid(format!(
            "time expression {index} points to a missing sentence or has an empty span"
        )));
    }
    if let Some(date) = &doc.date {
        if date.date.len() != 10 || !date.date.chars().all(|c| c.is_ascii_digit() || c == '-') {
            return Err(invalid(format!("document date {:?} is not YYYY-MM-DD", date.date)));
        }
    }
    for (index, fact) in doc.facts.iter().enumerate() {
        let arguments_ok = fact
            .arguments
            .iter()
            .all(|(name, value)| iri::is_local_name(name) && object_ok(value));
        if !node_ok(fact.subject)
            || !object_ok(&fact.object)
            || !arguments_ok
            || fact.sentence >= sentences
            || fact.reported_by.is_some_and(|n| !node_ok(n))
        {
            return Err(invalid(format!(
                "fact {index} ({}) points to a missing entity or sentence",
                fact.predicate
            )));
        }
        if !iri::is_local_name(&fact.predicate) {
            return Err(invalid(format!(
                "fact {index} has predicate {:?}, not an ontology local name",
                fact.predicate
            )));
        }
    }
    Ok(())
}

/// The IRIs of a document's entities and concepts, by index.
struct NodeIris<'a> {
    entities: &'a [String],
    concepts: &'a [String],
}

impl NodeIris<'_> {
    /// Indices were checked by `validate`.
    fn node(&self, node: Node) -> &str {
        match node {
            Node::Entity(e) => &self.entities[e],
            Node::Concept(c) => &self.concepts[c],
        }
    }
}

fn object_term(object: &Object, iris: &NodeIris) -> Term {
    match object {
        Object::Entity(e) => named(iris.node(Node::Entity(*e))).into(),
        Object::Concept(c) => named(iris.node(Node::Concept(*c))).into(),
        Object::Literal(literal) if literal.kind == LiteralKind::Timex => timex_literal(&literal.text).into(),
        Object::Literal(literal) if literal.kind == LiteralKind::Number && is_decimal(&literal.text) => {
            Literal::new_typed_literal(literal.text.as_str(), xsd::DECIMAL).into()
        }
        Object::Literal(literal) => string(&literal.text).into(),
    }
}

/// Whether a number literal is an `xsd:decimal` lexical form ("12500",
/// "-2.4"); a number as written ("4 milliards d'euros") stays a string.
fn is_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()))
}

/// A TIMEX3 value as the best-fitting XSD literal (`xsd:date`,
/// `xsd:gYearMonth`, `xsd:gYear`, `xsd:dateTime`), or a plain string.
pub fn timex_literal(value: &str) -> Literal {
    match timex_xsd_type(value) {
        Some(("date", text)) => Literal::new_typed_literal(text, xsd::DATE),
        Some(("gYearMonth", text)) => Literal::new_typed_literal(text, xsd::G_YEAR_MONTH),
        Some(("gYear", text)) => Literal::new_typed_literal(text, xsd::G_YEAR),
        Some((_, text)) => Literal::new_typed_literal(text, xsd::DATE_TIME),
        None => string(value),
    }
}

fn named(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

fn ont(local: &str) -> NamedNode {
    NamedNode::new_unchecked(iri::term(local))
}

fn string(text: &str) -> Literal {
    Literal::new_simple_literal(text)
}

fn count(value: usize) -> Literal {
    Literal::new_typed_literal(value.to_string(), xsd::INTEGER)
}

/// Collects quads of one graph, dropping exact duplicates (an entity listed
/// twice, the same argument given twice) while keeping first-seen order.
struct GraphBuilder {
    graph: GraphName,
    quads: Vec<Quad>,
    seen: std::collections::HashSet<Quad>,
}

impl GraphBuilder {
    fn new(graph: &str) -> Self {
        GraphBuilder {
            graph: named(graph).into(),
            quads: Vec::new(),
            seen: Default::default(),
        }
    }

    fn add(&mut self, subject: &NamedNode, predicate: NamedNode, object: impl Into<Term>) {
        let quad = Quad::new(
            NamedOrBlankNode::from(subject.clone()),
            predicate,
            object.into(),
            self.graph.clone(),
        );
        if self.seen.insert(quad.clone()) {
            self.quads.push(quad);
        }
    }

    fn add_literal(&mut self, subject: &NamedNode, local: &str, literal: Literal) {
        self.add(subject, ont(local), literal);
    }

    fn finish(self) -> Vec<Quad> {
        self.quads
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_digits_are_decimals_and_numbers_as_written_stay_strings() {
        let number = |text: &str| {
            object_term(
                &Object::Literal(crate::facts::Literal {
                    text: text.into(),
                    kind: LiteralKind::Number,
                }),
                &NodeIris {
                    entities: &[],
                    concepts: &[],
                },
            )
            .to_string()
        };
        assert_eq!(
            number("4500000000"),
            "\"4500000000\"^^<http://www.w3.org/2001/XMLSchema#decimal>"
        );
        assert_eq!(number("2.4"), "\"2.4\"^^<http://www.w3.org/2001/XMLSchema#decimal>");
        assert_eq!(number("4,5 milliards d'euros"), "\"4,5 milliards d'euros\"");
        assert_eq!(number("58 ans"), "\"58 ans\"");
        assert!(!is_decimal("1."));
        assert!(!is_decimal(""));
        assert!(is_decimal("-3"));
    }

    #[test]
    fn confidence_is_short_decimal() {
        assert_eq!(confidence(0.8).value(), "0.8");
        assert_eq!(confidence(1.0).value(), "1.0");
        assert_eq!(confidence(0.125).value(), "0.125");
        assert_eq!(confidence(f32::NAN).value(), "0.0");
        assert_eq!(confidence(3.0).value(), "1.0");
    }

    #[test]
    fn timex_values_get_xsd_types() {
        assert_eq!(
            timex_literal("2025-03-10").to_string(),
            "\"2025-03-10\"^^<http://www.w3.org/2001/XMLSchema#date>"
        );
        assert_eq!(
            timex_literal("2025-03").to_string(),
            "\"2025-03\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>"
        );
        assert_eq!(
            timex_literal("2014").to_string(),
            "\"2014\"^^<http://www.w3.org/2001/XMLSchema#gYear>"
        );
        assert_eq!(
            timex_literal("2025-03-11T14:30").to_string(),
            "\"2025-03-11T14:30:00\"^^<http://www.w3.org/2001/XMLSchema#dateTime>"
        );
        assert_eq!(timex_literal("2025-03-10TEV").to_string(), "\"2025-03-10TEV\"");
        assert_eq!(timex_literal("P3Y").to_string(), "\"P3Y\"");
    }

    #[test]
    fn date_time_formatting() {
        assert_eq!(xsd_date_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(xsd_date_time(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(xsd_date_time(1_764_163_663), "2025-11-26T13:27:43Z");
    }
}
