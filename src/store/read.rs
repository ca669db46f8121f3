//! Reading the data model back: documents, known entities, the exporters'
//! [`GraphSnapshot`], statistics and the ontology coverage check.
//!
//! Owns the interpretation of document graphs written by `model.rs`; it
//! reads quads directly (no SPARQL) so that results are fast and
//! deterministic. It never writes.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
use serde::Serialize;

use super::snapshot::{DocumentRow, EntityRow, GraphSnapshot, MentionRow, QuadRow, RelationRow, TimexRow};
use super::{iri, term_value, SnapshotOptions, Store, StoreError};
use crate::facts::{CandidateName, EntityKind, KnownEntity};

/// A document graph's metadata.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentInfo {
    pub iri: String,
    pub source: String,
    pub title: Option<String>,
    pub content_hash: String,
    pub date_added: String,
    pub extractor_version: String,
    pub language: String,
    /// The article's own date (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    /// Quads in the document's graph.
    pub quads: usize,
}

/// What `trame stats` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub documents: usize,
    pub quads: usize,
    pub entities: usize,
    pub statements: usize,
    pub mentions: usize,
    /// PER, ORG, LOC, MISC, in that order, zeros included.
    pub entities_by_type: Vec<Count>,
    /// Statements per predicate, most frequent first.
    pub facts_by_property: Vec<Count>,
    /// Entities in the most statements (as subject or object), most first.
    pub top_entities: Vec<Degree>,
    /// Statements with an event type.
    pub typed_statements: usize,
    /// Statements per PLOVER event type, most frequent first (non-zero only).
    pub facts_by_event_type: Vec<Count>,
    /// Claims: facts stated by two documents or more.
    pub claims: usize,
    /// Claims where one source negates what another asserts.
    pub contested_claims: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Count {
    pub key: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Degree {
    pub iri: String,
    pub label: String,
    pub kind: String,
    pub degree: usize,
}

pub(super) fn documents(store: &Store) -> Result<Vec<DocumentInfo>, StoreError> {
    let document_class = NamedNode::new_unchecked(iri::term("Document"));
    let mut out = Vec::new();
    for quad in store.quads_matching(Some(rdf::TYPE), Some(document_class.as_ref().into()))? {
        let GraphName::NamedNode(graph) = &quad.graph_name else {
            continue;
        };
        if quad.subject != NamedOrBlankNode::from(graph.clone()) {
            continue;
        }
        let quads = store.quads_in(Some(graph.as_ref().into()))?;
        let value = |local: &str| {
            let predicate = iri::term(local);
            quads
                .iter()
                .find(|q| q.subject == quad.subject && q.predicate.as_str() == predicate)
                .map(|q| term_value(&q.object))
        };
        out.push(DocumentInfo {
            iri: graph.as_str().to_string(),
            source: value("sourcePath").unwrap_or_default(),
            title: value("title"),
            content_hash: value("contentHash").unwrap_or_default(),
            date_added: value("dateAdded").unwrap_or_default(),
            extractor_version: value("extractorVersion").unwrap_or_default(),
            language: value("language").unwrap_or_default(),
            date: quads
                .iter()
                .find(|q| q.subject == quad.subject && q.predicate.as_str() == super::model::DCTERMS_DATE)
                .map(|q| term_value(&q.object)),
            quads: quads.len(),
        });
    }
    out.sort_by(|a, b| (&a.source, &a.iri).cmp(&(&b.source, &b.iri)));
    out.dedup_by(|a, b| a.iri == b.iri);
    Ok(out)
}

/// One sentence of a document: character offsets in the original file and its text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceInfo {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The sentences of the document graph `doc` (an IRI), in text order;
/// empty when no such graph exists.
pub(super) fn sentences(store: &Store, doc: &str) -> Result<Vec<SentenceInfo>, StoreError> {
    let Ok(graph) = NamedNode::new(doc) else {
        return Ok(Vec::new());
    };
    let index = Index::new(store.quads_in(Some(graph.as_ref().into()))?);
    let mut out: Vec<SentenceInfo> = index
        .subjects_of_type(&iri::term("Sentence"))
        .filter_map(|node| {
            Some(SentenceInfo {
                start: index.number(node, "start")?,
                end: index.number(node, "end")?,
                text: index.text(node, "text")?,
            })
        })
        .collect();
    out.sort_by_key(|s| (s.start, s.end));
    Ok(out)
}

/// A concept node of a document (`trame:Concept`): a subject or object
/// that no named entity covers ("les manifestants"), labelled with its noun
/// phrase. Concepts belong to one document; their IRIs are
/// `<doc>/concept/<slug>` ([`iri::concept`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConceptInfo {
    pub iri: String,
    pub label: String,
    /// The head noun that types it ("manifestant").
    pub head: Option<String>,
    /// The document graph that holds it.
    pub doc: String,
    /// The entity its phrase names (`trame:namedEntity`: "le gouvernement malien" → Mali).
    pub named_entity: Option<String>,
}

/// Every concept of the document graphs, sorted by IRI (one row per IRI).
pub(super) fn concepts(store: &Store) -> Result<Vec<ConceptInfo>, StoreError> {
    let query = format!(
        "SELECT ?c ?label ?head ?doc ?entity WHERE {{ GRAPH ?g {{ ?c a <{concept}> ; <{skos}prefLabel> ?label . \
           OPTIONAL {{ ?c <{head}> ?head }} OPTIONAL {{ ?c <{entity}> ?entity }} BIND(?g AS ?doc) }} \
           FILTER(STRSTARTS(STR(?g), \"https://w3id.org/trame/doc/\")) }} ORDER BY ?c",
        concept = iri::term("Concept"),
        skos = iri::SKOS,
        head = iri::term("headNoun"),
        entity = iri::term("namedEntity"),
    );
    let (_, rows) = super::sparql::select(store, &query)?;
    let iri_of = |term: &Option<String>| {
        term.as_deref()
            .and_then(|t| t.strip_prefix('<'))
            .and_then(|t| t.strip_suffix('>'))
            .map(str::to_string)
    };
    let mut out: Vec<ConceptInfo> = rows
        .iter()
        .filter_map(|row| {
            Some(ConceptInfo {
                iri: iri_of(row.first()?)?,
                label: literal_value(row.get(1)?.as_deref()?),
                head: row.get(2)?.as_deref().map(literal_value),
                doc: iri_of(row.get(3)?)?,
                named_entity: iri_of(row.get(4)?),
            })
        })
        .collect();
    out.dedup_by(|a, b| a.iri == b.iri);
    Ok(out)
}

/// The SPARQL query that lists the entities of the document graphs: each
/// name an entity bears (`pref` is "pref" for `skos:prefLabel`, "alt" for
/// `skos:altLabel`: strings, since Virtuoso answers a bound boolean as an
/// integer) and in how many document graphs. Run on the local store
/// and, unchanged, on a remote one, so both give the same entities.
pub const ENTITY_QUERY: &str = "SELECT ?e ?class ?name ?pref (COUNT(DISTINCT ?g) AS ?n) WHERE { \
    GRAPH ?g { ?e a ?class . \
      { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?name BIND(\"pref\" AS ?pref) } UNION \
      { ?e <http://www.w3.org/2004/02/skos/core#altLabel> ?name BIND(\"alt\" AS ?pref) } } \
    FILTER(STRSTARTS(STR(?g), \"https://w3id.org/trame/doc/\")) \
    FILTER(STRSTARTS(STR(?e), \"https://w3id.org/trame/entity/\")) \
  } GROUP BY ?e ?class ?name ?pref";

/// The SPARQL query that lists the name candidates of the document graphs
/// (`trame:NameCandidate`: names a document alone made no entity of) with
/// their text and type hint. Run on the local store and, unchanged, on a
/// remote one.
pub const NAME_CANDIDATE_QUERY: &str = "SELECT ?c ?text ?hint WHERE { \
    GRAPH ?g { ?c a <https://w3id.org/trame/ontology#NameCandidate> ; \
      <https://w3id.org/trame/ontology#text> ?text . \
      OPTIONAL { ?c <https://w3id.org/trame/ontology#typeHint> ?hint } } \
    FILTER(STRSTARTS(STR(?g), \"https://w3id.org/trame/doc/\")) \
  }";

/// Name candidates from the rows of [`NAME_CANDIDATE_QUERY`] (terms in
/// N-Triples syntax), sorted by IRI, one per IRI.
pub fn name_candidates_from_rows(rows: &[Vec<Option<String>>]) -> Vec<(String, CandidateName)> {
    let mut by_iri: BTreeMap<String, CandidateName> = BTreeMap::new();
    for row in rows {
        let [Some(node), Some(text), hint] = &row[..] else {
            continue;
        };
        let Some(node) = node.strip_prefix('<').and_then(|n| n.strip_suffix('>')) else {
            continue;
        };
        let kind = hint
            .as_deref()
            .and_then(|h| iri::kind_of_class(h.trim_start_matches('<').trim_end_matches('>')));
        let text = literal_value(text);
        by_iri
            .entry(node.to_string())
            .and_modify(|c| {
                // Two values can only come from a malformed store: keep the smallest, whatever the order.
                if (&text, kind) < (&c.text, c.kind) {
                    c.text = text.clone();
                    c.kind = kind;
                }
            })
            .or_insert(CandidateName { text, kind });
    }
    by_iri.into_iter().collect()
}

pub(super) fn name_candidates(store: &Store) -> Result<Vec<(String, CandidateName)>, StoreError> {
    let (_, rows) = super::sparql::select(store, NAME_CANDIDATE_QUERY)?;
    Ok(name_candidates_from_rows(&rows))
}

/// Entities from the rows of [`ENTITY_QUERY`] (terms in N-Triples syntax,
/// as [`Store::select`] and `push::Client::select` give them), sorted by
/// IRI: the label is the preferred label most documents give (ties: the
/// smallest; a form in capitals throughout only when there is no other),
/// every other name is an alias.
pub fn entities_from_rows(rows: &[Vec<Option<String>>]) -> Vec<(String, KnownEntity)> {
    struct Names {
        kind: Option<EntityKind>,
        preferred: BTreeMap<String, usize>,
        other: BTreeSet<String>,
    }
    let mut by_iri: BTreeMap<String, Names> = BTreeMap::new();
    for row in rows {
        let [Some(entity), Some(class), Some(name), Some(pref), Some(count)] = &row[..] else {
            continue;
        };
        let Some(entity) = entity.strip_prefix('<').and_then(|e| e.strip_suffix('>')) else {
            continue;
        };
        let class = class.trim_start_matches('<').trim_end_matches('>');
        let names = by_iri.entry(entity.to_string()).or_insert_with(|| Names {
            kind: None,
            preferred: BTreeMap::new(),
            other: BTreeSet::new(),
        });
        if let Some(kind) = iri::kind_of_class(class) {
            names.kind = Some(names.kind.map_or(kind, |k| k.min(kind)));
        }
        let name = literal_value(name);
        if literal_value(pref) == "pref" {
            *names.preferred.entry(name).or_default() += literal_value(count).parse::<usize>().unwrap_or(1);
        } else {
            names.other.insert(name);
        }
    }
    by_iri
        .into_iter()
        .filter_map(|(entity, names)| {
            let kind = names.kind?;
            let label = preferred_label(&names.preferred)?;
            let documents = names.preferred.values().sum();
            let aliases: BTreeSet<String> = names
                .preferred
                .into_keys()
                .chain(names.other)
                .filter(|alias| *alias != label)
                .collect();
            Some((
                entity,
                KnownEntity {
                    label,
                    kind,
                    aliases: aliases.into_iter().collect(),
                    documents,
                },
            ))
        })
        .collect()
}

/// The label of an entity among the preferred labels its documents give it
/// (label → how many give it): a form with lower-case letters before one in
/// capitals throughout ([`crate::names::casing_rank`]), then the most
/// given, then the smallest. `None` when there is none.
fn preferred_label(labels: &BTreeMap<String, usize>) -> Option<String> {
    labels
        .iter()
        .min_by(|a, b| {
            crate::names::casing_rank(a.0)
                .cmp(&crate::names::casing_rank(b.0))
                .then(b.1.cmp(a.1))
                .then_with(|| a.0.cmp(b.0))
        })
        .map(|(label, _)| label.clone())
}

/// The value of an N-Triples literal (`"a \"b\""^^<…>` → `a "b"`); other terms as they are.
fn literal_value(term: &str) -> String {
    let Some(rest) = term.strip_prefix('"') else {
        return term.to_string();
    };
    let end = rest.rfind('"').unwrap_or(rest.len());
    let mut out = String::with_capacity(end);
    let mut chars = rest[..end].chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let code: String = chars.by_ref().take(4).collect();
                out.extend(u32::from_str_radix(&code, 16).ok().and_then(char::from_u32));
            }
            Some('U') => {
                let code: String = chars.by_ref().take(8).collect();
                out.extend(u32::from_str_radix(&code, 16).ok().and_then(char::from_u32));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

pub(super) fn known_entities(store: &Store) -> Result<Vec<(String, KnownEntity)>, StoreError> {
    let (_, rows) = super::sparql::select(store, ENTITY_QUERY)?;
    Ok(entities_from_rows(&rows))
}

pub(super) fn snapshot(store: &Store, options: &SnapshotOptions) -> Result<GraphSnapshot, StoreError> {
    let quads = merged_quads(data_quads(store)?);
    let selection = match &options.construct {
        Some(query) => Some(Selection::new(super::sparql::construct(store, query)?)),
        None => None,
    };
    let index = Index::new(quads);
    let entities = index.entities();
    let concepts = index.concept_labels();
    let sources = index.document_sources();
    let claims = index.claims_by_statement();
    let dates = index.document_dates();

    let mut relations = Vec::new();
    let mut selected_entities: HashSet<String> = HashSet::new();
    for statement in index.subjects_of_type(&iri::term("Statement")) {
        let Some(mut row) = index.relation_row(statement, &entities, &concepts) else {
            continue;
        };
        match claims.get(&row.statement) {
            Some(claim) => {
                row.claim = Some(claim.iri.clone());
                row.sources = claim.sources;
                row.contested = claim.contested;
            }
            None => row.sources = 1,
        }
        row.doc_date = dates.get(&row.doc).cloned();
        if let Some(selection) = &selection {
            if !selection.has_statement(statement, &index) {
                continue;
            }
            selected_entities.insert(row.subject_iri.clone());
            selected_entities.extend(row.object_iri.clone());
        }
        if options.min_confidence.is_some_and(|min| !min.admits(row.confidence)) {
            continue;
        }
        relations.push(row);
    }
    relations.sort_by(|a, b| (&a.doc, a.start, a.end, &a.statement).cmp(&(&b.doc, b.start, b.end, &b.statement)));

    let is_selected = |entity: &str| {
        selection
            .as_ref()
            .is_none_or(|s| selected_entities.contains(entity) || s.terms.contains(entity))
    };
    let mut mentions = Vec::new();
    let mut mention_counts: HashMap<String, usize> = HashMap::new();
    for mention in index.subjects_of_type(&iri::term("Mention")) {
        let Some(row) = index.mention_row(mention, &entities, &sources) else {
            continue;
        };
        *mention_counts.entry(row.entity_iri.clone()).or_default() += 1;
        if is_selected(&row.entity_iri) {
            mentions.push(row);
        }
    }
    mentions.sort_by(|a, b| (&a.doc, a.start, a.end, &a.entity_iri).cmp(&(&b.doc, b.start, b.end, &b.entity_iri)));

    let entity_rows = entities
        .into_iter()
        .filter(|(entity_iri, _)| is_selected(entity_iri))
        .map(|(entity_iri, entity)| EntityRow {
            mentions: mention_counts.get(&entity_iri).copied().unwrap_or(0),
            iri: entity_iri,
            label: entity.label,
            kind: entity.kind.code().to_string(),
            aliases: entity.aliases,
        })
        .collect();

    let mut quad_rows: Vec<QuadRow> = index
        .quads
        .iter()
        .filter(|quad| selection.as_ref().is_none_or(|s| s.triples.contains(&triple_key(quad))))
        .map(quad_row)
        .collect();
    if let Some(selection) = &selection {
        // Constructed triples that no graph holds as such (computed ones).
        let stored: HashSet<(String, String, String)> = index.quads.iter().map(triple_key).collect();
        for key in selection.triples.iter().filter(|key| !stored.contains(*key)) {
            quad_rows.push(QuadRow {
                subject: key.0.clone(),
                predicate: key.1.clone(),
                object: key.2.clone(),
                graph: String::new(),
            });
        }
    }
    quad_rows.sort_by(|a, b| {
        (&a.graph, &a.subject, &a.predicate, &a.object).cmp(&(&b.graph, &b.subject, &b.predicate, &b.object))
    });
    quad_rows.dedup();

    let (documents, timexes) = index.documents_and_timexes(&sources);
    Ok(GraphSnapshot {
        entities: entity_rows,
        relations,
        mentions,
        quads: quad_rows,
        documents,
        timexes,
    })
}

pub(super) fn stats(store: &Store, top: usize) -> Result<Stats, StoreError> {
    let documents = documents(store)?.len();
    let quads = store.len()?;
    let snapshot = snapshot(store, &SnapshotOptions::default())?;
    let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
    for entity in &snapshot.entities {
        *by_type.entry(entity.kind.as_str()).or_default() += 1;
    }
    let entities_by_type = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Misc,
    ]
    .into_iter()
    .map(|kind| Count {
        key: kind.code().to_string(),
        count: by_type.get(kind.code()).copied().unwrap_or(0),
    })
    .collect();
    let mut by_property: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_event: BTreeMap<&str, usize> = BTreeMap::new();
    let mut claims: BTreeMap<&str, bool> = BTreeMap::new();
    let mut degree: HashMap<&str, usize> = HashMap::new();
    for relation in &snapshot.relations {
        *by_property.entry(relation.predicate.as_str()).or_default() += 1;
        if let Some(event) = &relation.event_type {
            *by_event.entry(event.as_str()).or_default() += 1;
        }
        if let Some(claim) = &relation.claim {
            claims.insert(claim.as_str(), relation.contested);
        }
        *degree.entry(relation.subject_iri.as_str()).or_default() += 1;
        if let Some(object) = &relation.object_iri {
            if *object != relation.subject_iri {
                *degree.entry(object.as_str()).or_default() += 1;
            }
        }
    }
    let mut facts_by_property: Vec<Count> = by_property
        .into_iter()
        .map(|(key, count)| Count {
            key: key.to_string(),
            count,
        })
        .collect();
    facts_by_property.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    let mut top_entities: Vec<Degree> = snapshot
        .entities
        .iter()
        .filter_map(|entity| {
            let degree = degree.get(entity.iri.as_str()).copied()?;
            Some(Degree {
                iri: entity.iri.clone(),
                label: entity.label.clone(),
                kind: entity.kind.clone(),
                degree,
            })
        })
        .collect();
    top_entities.sort_by(|a, b| {
        b.degree
            .cmp(&a.degree)
            .then_with(|| a.label.cmp(&b.label))
            .then_with(|| a.iri.cmp(&b.iri))
    });
    top_entities.truncate(top);
    let typed_statements = by_event.values().sum();
    let mut facts_by_event_type: Vec<Count> = by_event
        .into_iter()
        .map(|(key, count)| Count {
            key: key.to_string(),
            count,
        })
        .collect();
    facts_by_event_type.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    Ok(Stats {
        typed_statements,
        facts_by_event_type,
        claims: claims.len(),
        contested_claims: claims.values().filter(|contested| **contested).count(),
        documents,
        quads,
        entities: snapshot.entities.len(),
        statements: snapshot.relations.len(),
        mentions: snapshot.mentions.len(),
        entities_by_type,
        facts_by_property,
        top_entities,
    })
}

pub(super) fn undeclared_terms(store: &Store) -> Result<Vec<String>, StoreError> {
    let ontology = NamedNode::new_unchecked(iri::ONTOLOGY_GRAPH);
    let declaring_types: HashSet<String> = [
        format!("{}Property", iri::RDF),
        format!("{}Class", iri::RDFS),
        format!("{}Class", iri::OWL),
        format!("{}ObjectProperty", iri::OWL),
        format!("{}DatatypeProperty", iri::OWL),
        format!("{}AnnotationProperty", iri::OWL),
    ]
    .into_iter()
    .collect();
    let mut declared: HashSet<String> = ["type", "subject", "predicate", "object"]
        .into_iter()
        .map(|local| format!("{}{local}", iri::RDF))
        .collect();
    for quad in store.quads_in(Some(ontology.as_ref().into()))? {
        if quad.predicate == rdf::TYPE && declaring_types.contains(&term_value(&quad.object)) {
            if let NamedOrBlankNode::NamedNode(node) = quad.subject {
                declared.insert(node.into_string());
            }
        }
    }
    let mut used = BTreeSet::new();
    for quad in store.quads_in(None)? {
        let in_document = matches!(&quad.graph_name, GraphName::NamedNode(g) if g.as_str().starts_with(iri::DOC_BASE));
        if !in_document {
            continue;
        }
        used.insert(quad.predicate.as_str().to_string());
        if quad.predicate == rdf::TYPE || quad.predicate == rdf::PREDICATE {
            if let Term::NamedNode(node) = &quad.object {
                used.insert(node.as_str().to_string());
            }
        }
    }
    Ok(used.into_iter().filter(|term| !declared.contains(term)).collect())
}

/// Quads of every graph except the ontology and store metadata.
pub(super) fn data_quads(store: &Store) -> Result<Vec<Quad>, StoreError> {
    let mut quads = store.quads_in(None)?;
    quads.retain(|quad| match &quad.graph_name {
        GraphName::NamedNode(g) => g.as_str() != iri::ONTOLOGY_GRAPH && g.as_str() != iri::META_GRAPH,
        _ => true,
    });
    Ok(quads)
}

fn in_graph(quad: &Quad, graph: &str) -> bool {
    matches!(&quad.graph_name, GraphName::NamedNode(g) if g.as_str() == graph)
}

/// The quads with the merge graph applied: an entity the merge graph
/// declares `owl:sameAs` another is read as that other everywhere (its
/// labels become the other's), and the links themselves are dropped. What
/// exporters, `stats` and `explain` see; SPARQL sees the stored quads.
pub(super) fn merged_quads(quads: Vec<Quad>) -> Vec<Quad> {
    let same_as = format!("{}sameAs", iri::OWL);
    let canonical: HashMap<NamedNode, NamedNode> = quads
        .iter()
        .filter(|quad| in_graph(quad, iri::MERGE_GRAPH) && quad.predicate.as_str() == same_as)
        .filter_map(|quad| match (&quad.subject, &quad.object) {
            (NamedOrBlankNode::NamedNode(entity), Term::NamedNode(target)) => Some((entity.clone(), target.clone())),
            _ => None,
        })
        .collect();
    if canonical.is_empty() {
        return quads;
    }
    let mut out: Vec<Quad> = quads
        .into_iter()
        .filter(|quad| !(in_graph(quad, iri::MERGE_GRAPH) && quad.predicate.as_str() == same_as))
        .filter_map(|mut quad| {
            if let NamedOrBlankNode::NamedNode(node) = &quad.subject {
                if let Some(target) = canonical.get(node) {
                    // The kept entity keeps its own type; a merged entity's
                    // own name stays as an alternative label.
                    if quad.predicate == rdf::TYPE {
                        return None;
                    }
                    if quad.predicate.as_str() == format!("{}prefLabel", iri::SKOS) {
                        quad.predicate = NamedNode::new_unchecked(format!("{}altLabel", iri::SKOS));
                    }
                    quad.subject = target.clone().into();
                }
            }
            if let Term::NamedNode(node) = &quad.object {
                if let Some(target) = canonical.get(node) {
                    quad.object = target.clone().into();
                }
            }
            Some(quad)
        })
        .collect();
    out.dedup();
    out
}

fn quad_row(quad: &Quad) -> QuadRow {
    QuadRow {
        subject: quad.subject.to_string(),
        predicate: quad.predicate.to_string(),
        object: quad.object.to_string(),
        graph: match &quad.graph_name {
            GraphName::DefaultGraph => String::new(),
            other => other.to_string(),
        },
    }
}

fn triple_key(quad: &Quad) -> (String, String, String) {
    (
        quad.subject.to_string(),
        quad.predicate.to_string(),
        quad.object.to_string(),
    )
}

/// An entity gathered over every graph that describes it.
struct EntityInfo {
    kind: EntityKind,
    label: String,
    aliases: Vec<String>,
}

/// The triples a CONSTRUCT returned, and the terms they mention.
struct Selection {
    triples: HashSet<(String, String, String)>,
    /// Subject and object IRIs (as plain IRIs, not N-Triples).
    terms: HashSet<String>,
}

impl Selection {
    fn new(triples: Vec<oxigraph::model::Triple>) -> Self {
        let mut terms = HashSet::new();
        let mut keys = HashSet::new();
        for triple in triples {
            if let NamedOrBlankNode::NamedNode(node) = &triple.subject {
                terms.insert(node.as_str().to_string());
            }
            if let Term::NamedNode(node) = &triple.object {
                terms.insert(node.as_str().to_string());
            }
            keys.insert((
                triple.subject.to_string(),
                triple.predicate.to_string(),
                triple.object.to_string(),
            ));
        }
        Selection { triples: keys, terms }
    }

    /// A statement is selected when its node or its direct triple was constructed.
    fn has_statement(&self, statement: &NamedOrBlankNode, index: &Index) -> bool {
        if let NamedOrBlankNode::NamedNode(node) = statement {
            if self.terms.contains(node.as_str()) {
                return true;
            }
        }
        let (Some(s), Some(p), Some(o)) = (
            index.value(statement, rdf::SUBJECT.as_str()),
            index.value(statement, rdf::PREDICATE.as_str()),
            index.value(statement, rdf::OBJECT.as_str()),
        ) else {
            return false;
        };
        self.triples.contains(&(s.to_string(), p.to_string(), o.to_string()))
    }
}

/// Quads grouped by subject, for reading nodes property by property.
struct Index {
    quads: Vec<Quad>,
    by_subject: HashMap<NamedOrBlankNode, Vec<usize>>,
    by_type: HashMap<String, Vec<NamedOrBlankNode>>,
}

impl Index {
    fn new(quads: Vec<Quad>) -> Self {
        let mut by_subject: HashMap<NamedOrBlankNode, Vec<usize>> = HashMap::new();
        let mut by_type: HashMap<String, Vec<NamedOrBlankNode>> = HashMap::new();
        for (position, quad) in quads.iter().enumerate() {
            by_subject.entry(quad.subject.clone()).or_default().push(position);
            if quad.predicate == rdf::TYPE {
                if let Term::NamedNode(class) = &quad.object {
                    by_type
                        .entry(class.as_str().to_string())
                        .or_default()
                        .push(quad.subject.clone());
                }
            }
        }
        // Sorted and unique, so every walk over a type is deterministic.
        for subjects in by_type.values_mut() {
            subjects.sort_by_cached_key(ToString::to_string);
            subjects.dedup();
        }
        Index {
            quads,
            by_subject,
            by_type,
        }
    }

    fn subjects_of_type(&self, class: &str) -> impl Iterator<Item = &NamedOrBlankNode> {
        self.by_type.get(class).into_iter().flatten()
    }

    /// Every value of `predicate` on `subject`, over all graphs.
    fn values<'a>(&'a self, subject: &NamedOrBlankNode, predicate: &str) -> impl Iterator<Item = &'a Term> + 'a {
        let predicate = predicate.to_string();
        self.by_subject
            .get(subject)
            .into_iter()
            .flatten()
            .map(|position| &self.quads[*position])
            .filter(move |quad| quad.predicate.as_str() == predicate)
            .map(|quad| &quad.object)
    }

    /// The smallest value of `predicate` on `subject` (deterministic when several).
    fn value(&self, subject: &NamedOrBlankNode, predicate: &str) -> Option<&Term> {
        self.values(subject, predicate).min_by_key(|term| term.to_string())
    }

    fn text(&self, subject: &NamedOrBlankNode, local: &str) -> Option<String> {
        self.value(subject, &iri::term(local)).map(term_value)
    }

    /// Every literal value of a full-IRI `predicate`, sorted and unique.
    fn texts_of(&self, subject: &NamedOrBlankNode, predicate: &str) -> Vec<String> {
        let mut out: Vec<String> = self.values(subject, predicate).map(term_value).collect();
        out.sort();
        out.dedup();
        out
    }

    fn number(&self, subject: &NamedOrBlankNode, local: &str) -> Option<usize> {
        self.text(subject, local).and_then(|v| v.parse().ok())
    }

    fn flag(&self, subject: &NamedOrBlankNode, local: &str) -> bool {
        self.text(subject, local).is_some_and(|v| v == "true" || v == "1")
    }

    /// Entities by IRI: the most frequent prefLabel wins (ties: smallest),
    /// other labels and altLabels become aliases.
    fn entities(&self) -> BTreeMap<String, EntityInfo> {
        let mut out = BTreeMap::new();
        for kind in [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
            EntityKind::Misc,
        ] {
            for subject in self.subjects_of_type(&iri::class_of(kind)) {
                let NamedOrBlankNode::NamedNode(node) = subject else {
                    continue;
                };
                if out.contains_key(node.as_str()) {
                    continue;
                }
                let mut labels: BTreeMap<String, usize> = BTreeMap::new();
                for label in self.values(subject, &format!("{}prefLabel", iri::SKOS)) {
                    *labels.entry(term_value(label)).or_default() += 1;
                }
                let label = preferred_label(&labels)
                    .unwrap_or_else(|| node.as_str().rsplit('/').next().unwrap_or_default().to_string());
                let aliases: BTreeSet<String> = labels
                    .keys()
                    .cloned()
                    .chain(self.values(subject, &format!("{}altLabel", iri::SKOS)).map(term_value))
                    .filter(|alias| *alias != label)
                    .collect();
                out.insert(
                    node.as_str().to_string(),
                    EntityInfo {
                        kind,
                        label,
                        aliases: aliases.into_iter().collect(),
                    },
                );
            }
        }
        out
    }

    /// Claim facts by statement IRI, from the claims graph.
    fn claims_by_statement(&self) -> HashMap<String, ClaimInfo> {
        let mut out = HashMap::new();
        for claim in self.subjects_of_type(&iri::term("Claim")) {
            let info = ClaimInfo {
                iri: term_value(&to_term(claim)),
                sources: self.number(claim, "sourceCount").unwrap_or(0),
                contested: self.flag(claim, "contested"),
            };
            for statement in self.values(claim, &iri::term("statement")) {
                out.insert(term_value(statement), info.clone());
            }
        }
        out
    }

    /// The date of every document node that has one, by document IRI.
    fn document_dates(&self) -> HashMap<String, String> {
        self.subjects_of_type(&iri::term("Document"))
            .filter_map(|doc| {
                let date = super::claims::DOCUMENT_DATE_PROPERTIES
                    .iter()
                    .find_map(|property| self.value(doc, property))
                    .map(term_value)?;
                Some((term_value(&to_term(doc)), date))
            })
            .collect()
    }

    /// The fact's own normalised time value. The accessor for the time
    /// normalisation's statement property: a literal on the statement typed
    /// `xsd:date`, `xsd:dateTime`, `xsd:gYearMonth` or `xsd:gYear` (the
    /// smallest when several), else the plain TIMEX3 value of
    /// `trame:timeValue`; `None` when the fact has no time of its own.
    fn time_value(&self, statement: &NamedOrBlankNode) -> Option<String> {
        const TYPES: [&str; 4] = ["date", "dateTime", "gYearMonth", "gYear"];
        let typed = self
            .by_subject
            .get(statement)
            .into_iter()
            .flatten()
            .filter_map(|position| match &self.quads[*position].object {
                Term::Literal(literal) => {
                    let datatype = literal.datatype().as_str().strip_prefix(iri::XSD)?;
                    TYPES.contains(&datatype).then(|| literal.value().to_string())
                }
                _ => None,
            })
            .min();
        typed.or_else(|| self.text(statement, "timeValue"))
    }

    /// Source path of every document node.
    fn document_sources(&self) -> HashMap<String, String> {
        self.subjects_of_type(&iri::term("Document"))
            .filter_map(|doc| Some((term_value(&to_term(doc)), self.text(doc, "sourcePath")?)))
            .collect()
    }

    /// Document rows (sorted by source, IRI) and time expression rows
    /// (sorted by document, start, end).
    fn documents_and_timexes(&self, sources: &HashMap<String, String>) -> (Vec<DocumentRow>, Vec<TimexRow>) {
        let mut documents: Vec<DocumentRow> = self
            .subjects_of_type(&iri::term("Document"))
            .map(|doc| DocumentRow {
                iri: term_value(&to_term(doc)),
                source: self.text(doc, "sourcePath").unwrap_or_default(),
                title: self.text(doc, "title"),
                date: self.value(doc, super::model::DCTERMS_DATE).map(term_value),
                date_origin: self.text(doc, "dateOrigin"),
                authors: self.texts_of(doc, super::model::DCTERMS_CREATOR),
            })
            .collect();
        documents.sort_by(|a, b| (&a.source, &a.iri).cmp(&(&b.source, &b.iri)));
        let mut timexes: Vec<TimexRow> = self
            .subjects_of_type(&iri::term("TimeExpression"))
            .map(|node| {
                let doc = self
                    .value(node, &iri::term("document"))
                    .map(term_value)
                    .unwrap_or_default();
                TimexRow {
                    source: sources.get(&doc).cloned().unwrap_or_default(),
                    doc,
                    start: self.number(node, "start").unwrap_or(0),
                    end: self.number(node, "end").unwrap_or(0),
                    text: self.text(node, "text").unwrap_or_default(),
                    value: self.text(node, "timexValue").unwrap_or_default(),
                    kind: self.text(node, "timexType").unwrap_or_default(),
                    modifier: self.text(node, "timexMod"),
                }
            })
            .collect();
        timexes.sort_by(|a, b| (&a.doc, a.start, a.end, &a.value).cmp(&(&b.doc, b.start, b.end, &b.value)));
        (documents, timexes)
    }

    /// Label of every concept node (`trame:Concept`), by IRI.
    fn concept_labels(&self) -> HashMap<String, String> {
        self.subjects_of_type(&iri::term("Concept"))
            .filter_map(|node| {
                let label = self
                    .values(node, &format!("{}prefLabel", iri::SKOS))
                    .next()
                    .map(term_value)?;
                Some((term_value(&to_term(node)), label))
            })
            .collect()
    }

    fn relation_row(
        &self,
        statement: &NamedOrBlankNode,
        entities: &BTreeMap<String, EntityInfo>,
        concepts: &HashMap<String, String>,
    ) -> Option<RelationRow> {
        let subject = self.value(statement, rdf::SUBJECT.as_str())?;
        let predicate = self.value(statement, rdf::PREDICATE.as_str())?;
        let object = self.value(statement, rdf::OBJECT.as_str())?;
        let label = |term: &Term| match term {
            Term::NamedNode(node) => match entities.get(node.as_str()) {
                Some(e) => e.label.clone(),
                None => concepts
                    .get(node.as_str())
                    .cloned()
                    .unwrap_or_else(|| node.as_str().to_string()),
            },
            other => term_value(other),
        };
        let predicate_iri = term_value(predicate);
        let sentence_node = match self.value(statement, &iri::term("sentence")) {
            Some(Term::NamedNode(node)) => Some(NamedOrBlankNode::from(node.clone())),
            _ => None,
        };
        let sentence = sentence_node.as_ref().and_then(|node| self.text(node, "text"));
        let sentence_start = sentence_node.as_ref().and_then(|node| self.number(node, "start"));
        Some(RelationRow {
            statement: term_value(&to_term(statement)),
            subject_iri: term_value(subject),
            subject: label(subject),
            predicate: predicate_iri
                .strip_prefix(iri::ONTOLOGY)
                .unwrap_or(&predicate_iri)
                .to_string(),
            object_iri: match object {
                Term::NamedNode(node) => Some(node.as_str().to_string()),
                _ => None,
            },
            object: label(object),
            lemma: self.text(statement, "lemma").unwrap_or_default(),
            doc: self
                .value(statement, &iri::term("document"))
                .map(term_value)
                .unwrap_or_default(),
            sentence: sentence.unwrap_or_default(),
            sentence_start,
            start: self.number(statement, "start").unwrap_or(0),
            end: self.number(statement, "end").unwrap_or(0),
            confidence: self
                .text(statement, "confidence")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0),
            negated: self.flag(statement, "negated"),
            hypothetical: self.flag(statement, "hypothetical"),
            reported: self.flag(statement, "reported"),
            rule: self.text(statement, "rule").unwrap_or_default(),
            event_type: self
                .value(statement, &iri::term("eventType"))
                .map(|t| local_name(&term_value(t))),
            cameo_root: self.text(statement, "cameoRoot"),
            quad_class: self
                .value(statement, &iri::term("quadClass"))
                .map(|t| local_name(&term_value(t))),
            time_text: self.text(statement, "time"),
            time_value: self.time_value(statement),
            ..Default::default()
        })
    }

    fn mention_row(
        &self,
        mention: &NamedOrBlankNode,
        entities: &BTreeMap<String, EntityInfo>,
        sources: &HashMap<String, String>,
    ) -> Option<MentionRow> {
        let entity = term_value(self.value(mention, &iri::term("refersTo"))?);
        let doc = self
            .value(mention, &iri::term("document"))
            .map(term_value)
            .unwrap_or_default();
        Some(MentionRow {
            kind: entities
                .get(&entity)
                .map(|e| e.kind.code().to_string())
                .unwrap_or_default(),
            entity_iri: entity,
            source: sources.get(&doc).cloned().unwrap_or_default(),
            doc,
            start: self.number(mention, "start").unwrap_or(0),
            end: self.number(mention, "end").unwrap_or(0),
            text: self.text(mention, "text").unwrap_or_default(),
        })
    }
}

/// What a claim node says about each of its statements.
#[derive(Debug, Clone)]
struct ClaimInfo {
    iri: String,
    sources: usize,
    contested: bool,
}

/// The part of an ontology IRI after `#` (the whole text when none).
fn local_name(iri: &str) -> String {
    iri.strip_prefix(iri::ONTOLOGY).unwrap_or(iri).to_string()
}

fn to_term(node: &NamedOrBlankNode) -> Term {
    node.clone().into()
}
