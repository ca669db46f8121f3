//! What the web app's pages show, read from one snapshot of the store and
//! indexed in memory: autocompletion, an entity or a concept with its
//! facts, the facts of a document, the neighbourhood of a node for the
//! graph view.
//!
//! Nodes are of three sorts: entities (`PER`, `ORG`, `LOC`, `MISC`), which
//! have an entity page; concepts (`CONCEPT`: a document's own subject or
//! object that no named entity covers, "les manifestants"), which have a
//! concept page; literal values (`VAL`), which have none. Every fact end
//! carries its sort, so a page links a node only to a page that exists.
//!
//! Owns the shapes of the JSON the pages read (documented in the README's
//! "Serve" section). Name matching and highlighting come from
//! [`crate::lookup`]; this module only gathers and filters rows. Never
//! touches the store itself: `view.rs` hands it a snapshot.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::ops::Range;

use serde::Serialize;

use crate::lookup::{self, NameIndex};
use crate::store::snapshot::{EntityRow, GraphSnapshot, MentionRow, RelationRow};
use crate::store::{ConceptInfo, DocumentInfo};

/// The kind of a concept node, beside the entity kinds and `VAL`.
pub const CONCEPT: &str = "CONCEPT";

/// Every kind a graph node can have, for the graph view's type filter.
pub const NODE_KINDS: [&str; 6] = ["PER", "ORG", "LOC", "MISC", CONCEPT, "VAL"];

/// Entities drawn at most in one graph view.
pub const MAX_GRAPH_NODES: usize = 400;

/// The indexed snapshot.
pub struct Catalog {
    snapshot: GraphSnapshot,
    documents: Vec<DocumentInfo>,
    /// What pages call each document (same order as `documents`).
    titles: Vec<String>,

    concepts: HashMap<String, ConceptInfo>,
    names: NameIndex,
    entity_by_iri: HashMap<String, usize>,
    document_by_iri: HashMap<String, usize>,
    /// Entity IRI → relation rows where it is subject or object.
    facts_of: HashMap<String, Vec<usize>>,
    /// Document IRI → its relation rows.
    facts_in: HashMap<String, Vec<usize>>,
    /// Document IRI → its rows of `snapshot.mentions` (sorted by document).
    mentions_in: HashMap<String, Range<usize>>,
}

/// An autocompletion answer.
#[derive(Debug, Serialize)]
pub struct Suggestion<'a> {
    pub iri: &'a str,
    pub label: &'a str,
    pub kind: &'a str,
    /// The name that matched (the label or an alias).
    pub matched: String,
    pub mentions: usize,
}

/// One end of a fact.
#[derive(Debug, Serialize)]
pub struct End<'a> {
    /// None for a literal value.
    pub iri: Option<&'a str>,
    pub label: &'a str,
    /// PER, ORG, LOC or MISC for an entity (it has an entity page), CONCEPT
    /// for a concept (it has a concept page), None for a literal value or
    /// an IRI the store does not describe (no page).
    pub kind: Option<&'a str>,
}

/// The document a fact comes from.
#[derive(Debug, Serialize)]
pub struct Source<'a> {
    pub iri: &'a str,
    /// The document's title; for an untitled document, its file name.
    pub title: &'a str,
    /// The path given to `trame build` (not shown by the pages).
    pub path: &'a str,
    /// The article's own date (`YYYY-MM-DD`), when known.
    pub date: Option<&'a str>,
    pub date_added: &'a str,
}

/// A fact with its provenance, as the entity page shows it.
#[derive(Debug, Serialize)]
pub struct FactView<'a> {
    pub statement: &'a str,
    pub subject: End<'a>,
    pub predicate: &'a str,
    pub object: End<'a>,
    pub lemma: &'a str,
    pub sentence: &'a str,
    /// Character ranges of `sentence` to highlight (`[start, end)`).
    pub highlights: Vec<[usize; 2]>,
    pub document: Source<'a>,
    /// Character span of the fact in the document.
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
    pub negated: bool,
    pub hypothetical: bool,
    pub reported: bool,
    pub rule: &'a str,
}

/// Facts of one predicate.
#[derive(Debug, Serialize)]
pub struct FactGroup<'a> {
    pub predicate: &'a str,
    pub facts: Vec<FactView<'a>>,
}

/// The entity page.
#[derive(Debug, Serialize)]
pub struct EntityPage<'a> {
    pub iri: &'a str,
    pub label: &'a str,
    pub kind: &'a str,
    pub aliases: &'a [String],
    pub mentions: usize,
    /// Values of its `role` facts, most frequent first.
    pub roles: Vec<&'a str>,
    pub documents: usize,
    /// Groups by predicate, largest first; facts by document then position.
    pub groups: Vec<FactGroup<'a>>,
    /// Whether `max_facts` cut the list.
    pub truncated: bool,
}

/// The concept page.
#[derive(Debug, Serialize)]
pub struct ConceptPage<'a> {
    pub iri: &'a str,
    pub label: &'a str,
    /// Always [`CONCEPT`].
    pub kind: &'a str,
    /// The head noun that types it.
    pub head: Option<&'a str>,
    /// The document it belongs to.
    pub document: Source<'a>,
    /// The entity its phrase names, when it names one.
    pub named_entity: Option<End<'a>>,
    /// Groups by predicate, largest first; facts by document then position.
    pub groups: Vec<FactGroup<'a>>,
    /// Whether `max_facts` cut the list.
    pub truncated: bool,
}

/// A node of the graph view.
#[derive(Debug, Serialize, PartialEq)]
pub struct Node<'a> {
    pub id: String,
    pub label: &'a str,
    /// PER, ORG, LOC, MISC, CONCEPT, or VAL for a literal value.
    pub kind: &'a str,
    /// Steps from the centre.
    pub depth: usize,
}

/// An edge of the graph view: one fact.
#[derive(Debug, Serialize, PartialEq)]
pub struct Edge<'a> {
    pub id: &'a str,
    pub source: String,
    pub target: String,
    pub predicate: &'a str,
    pub confidence: f32,
    pub negated: bool,
    pub hypothetical: bool,
    pub reported: bool,
}

/// What the graph view draws.
#[derive(Debug, Serialize)]
pub struct GraphView<'a> {
    pub centre: &'a str,
    pub nodes: Vec<Node<'a>>,
    pub edges: Vec<Edge<'a>>,
    /// Every predicate in the neighbourhood before filtering, for the filter list.
    pub predicates: Vec<&'a str>,
    /// Whether [`MAX_GRAPH_NODES`] cut the view.
    pub truncated: bool,
}

/// Which part of a neighbourhood to keep.
#[derive(Debug, Clone, Default)]
pub struct GraphFilter {
    /// 1 or 2 steps.
    pub depth: usize,
    /// Keep only these predicates (empty: all).
    pub predicates: BTreeSet<String>,
    /// Keep only nodes of these kinds ([`NODE_KINDS`]; empty: all); the centre always stays.
    pub kinds: BTreeSet<String>,
    pub min_confidence: f32,
}

/// A fact as the document page places it.
#[derive(Debug, Serialize)]
pub struct DocumentFact<'a> {
    pub statement: &'a str,
    pub start: usize,
    pub end: usize,
    pub subject: End<'a>,
    pub predicate: &'a str,
    pub object: End<'a>,
    pub confidence: f32,
    pub negated: bool,
    pub hypothetical: bool,
    pub reported: bool,
}

impl Catalog {
    pub fn new(mut snapshot: GraphSnapshot, documents: Vec<DocumentInfo>) -> Catalog {
        // The pages never read raw quads.
        snapshot.quads = Vec::new();
        let names = NameIndex::new(&snapshot.entities);
        let entity_by_iri = snapshot
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.iri.clone(), i))
            .collect();
        let document_by_iri = documents.iter().enumerate().map(|(i, d)| (d.iri.clone(), i)).collect();
        let titles = documents.iter().map(display_title).collect();
        let mut facts_of: HashMap<String, Vec<usize>> = HashMap::new();
        let mut facts_in: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, fact) in snapshot.relations.iter().enumerate() {
            facts_of.entry(fact.subject_iri.clone()).or_default().push(index);
            if let Some(object) = fact.object_iri.as_ref().filter(|o| **o != fact.subject_iri) {
                facts_of.entry(object.clone()).or_default().push(index);
            }
            facts_in.entry(fact.doc.clone()).or_default().push(index);
        }
        let mut mentions_in: HashMap<String, Range<usize>> = HashMap::new();
        for (index, mention) in snapshot.mentions.iter().enumerate() {
            mentions_in.entry(mention.doc.clone()).or_insert(index..index).end = index + 1;
        }
        Catalog {
            snapshot,
            documents,
            titles,
            concepts: HashMap::new(),
            names,
            entity_by_iri,
            document_by_iri,
            facts_of,
            facts_in,
            mentions_in,
        }
    }

    /// Makes entities that `trame merge` folded into another (`owl:sameAs`
    /// in the merge graph: `(merged, canonical)` pairs) open their
    /// canonical entity: the snapshot holds only canonical IRIs, while
    /// SPARQL results and links may still name a merged one.
    pub fn with_merged(mut self, links: impl IntoIterator<Item = (String, String)>) -> Catalog {
        for (merged, canonical) in links {
            if let Some(&index) = self.entity_by_iri.get(&canonical) {
                self.entity_by_iri.entry(merged).or_insert(index);
            }
        }
        self
    }

    /// Titles untitled documents by their first sentence (`doc IRI → its
    /// first sentence`), cut at a word near 80 characters; documents with a
    /// title keep it, those with no sentence keep their file name.
    pub fn with_first_sentences(mut self, first: &HashMap<String, String>) -> Catalog {
        for (info, title) in self.documents.iter().zip(self.titles.iter_mut()) {
            let untitled = info.title.as_deref().is_none_or(|t| t.trim().is_empty());
            if let Some(sentence) = first.get(&info.iri).filter(|s| untitled && !s.trim().is_empty()) {
                *title = headline(sentence, 80);
            }
        }
        self
    }

    /// Adds the concept nodes (label, head noun, document, named entity)
    /// that facts name, so that they get pages of their own.
    pub fn with_concepts(mut self, concepts: impl IntoIterator<Item = ConceptInfo>) -> Catalog {
        self.concepts = concepts.into_iter().map(|c| (c.iri.clone(), c)).collect();
        self
    }

    pub fn entity_count(&self) -> usize {
        self.snapshot.entities.len()
    }

    pub fn fact_count(&self) -> usize {
        self.snapshot.relations.len()
    }

    pub fn documents(&self) -> &[DocumentInfo] {
        &self.documents
    }

    /// What pages call the document `iri`: its title, else its file name.
    pub fn title(&self, iri: &str) -> Option<&str> {
        self.document_by_iri.get(iri).map(|&i| self.titles[i].as_str())
    }

    pub fn document(&self, iri: &str) -> Option<&DocumentInfo> {
        self.document_by_iri.get(iri).map(|&i| &self.documents[i])
    }

    fn entity(&self, iri: &str) -> Option<&EntityRow> {
        self.entity_by_iri.get(iri).map(|&i| &self.snapshot.entities[i])
    }

    /// Autocompletion over labels and aliases (see [`NameIndex::suggest`]).
    pub fn suggest(&self, typed: &str, limit: usize) -> Vec<Suggestion<'_>> {
        self.names
            .suggest(&self.snapshot.entities, typed, limit)
            .into_iter()
            .map(|s| {
                let entity = &self.snapshot.entities[s.entity];
                Suggestion {
                    iri: &entity.iri,
                    label: &entity.label,
                    kind: &entity.kind,
                    matched: s.name,
                    mentions: entity.mentions,
                }
            })
            .collect()
    }

    fn mentions_of_doc(&self, doc: &str) -> &[MentionRow] {
        self.mentions_in
            .get(doc)
            .map_or(&[], |range| &self.snapshot.mentions[range.clone()])
    }

    fn source<'a>(&'a self, doc: &'a str) -> Source<'a> {
        match self.document_by_iri.get(doc) {
            Some(&i) => {
                let info = &self.documents[i];
                Source {
                    iri: &info.iri,
                    title: &self.titles[i],
                    path: &info.source,
                    date: info.date.as_deref(),
                    date_added: &info.date_added,
                }
            }
            None => Source {
                iri: doc,
                title: doc.rsplit('/').next().unwrap_or(doc),
                path: "",
                date: None,
                date_added: "",
            },
        }
    }

    /// The kind of the node `iri`: its entity kind, [`CONCEPT`], or None
    /// when the store describes no such node.
    pub fn kind_of(&self, iri: &str) -> Option<&str> {
        match self.entity(iri) {
            Some(entity) => Some(&entity.kind),
            None => self.concepts.contains_key(iri).then_some(CONCEPT),
        }
    }

    fn ends<'a>(&'a self, fact: &'a RelationRow) -> (End<'a>, End<'a>) {
        (
            End {
                iri: Some(&fact.subject_iri),
                label: &fact.subject,
                kind: self.kind_of(&fact.subject_iri),
            },
            End {
                iri: fact.object_iri.as_deref(),
                label: &fact.object,
                kind: fact.object_iri.as_deref().and_then(|o| self.kind_of(o)),
            },
        )
    }

    fn fact_view<'a>(&'a self, fact: &'a RelationRow) -> FactView<'a> {
        let highlights = lookup::highlight_ranges(fact, self.mentions_of_doc(&fact.doc))
            .into_iter()
            .map(|r| [r.start, r.end])
            .collect();
        let (subject, object) = self.ends(fact);
        FactView {
            statement: &fact.statement,
            subject,
            predicate: &fact.predicate,
            object,
            lemma: &fact.lemma,
            sentence: &fact.sentence,
            highlights,
            document: self.source(&fact.doc),
            start: fact.start,
            end: fact.end,
            confidence: fact.confidence,
            negated: fact.negated,
            hypothetical: fact.hypothetical,
            reported: fact.reported,
            rule: &fact.rule,
        }
    }

    /// The entity page for `iri`, at most `max_facts` facts; None when no such entity.
    pub fn entity_page(&self, iri: &str, max_facts: usize) -> Option<EntityPage<'_>> {
        let entity = self.entity(iri)?;
        // A merged entity's IRI opens its canonical entity.
        let iri = entity.iri.as_str();
        let facts = self.facts_about(iri);
        let mut roles: BTreeMap<&str, usize> = BTreeMap::new();
        let mut documents: HashSet<&str> = HashSet::new();
        for fact in &facts {
            documents.insert(fact.doc.as_str());
            if fact.predicate == "role" && fact.subject_iri == iri && fact.object_iri.is_none() && !fact.negated {
                *roles.entry(fact.object.as_str()).or_default() += 1;
            }
        }
        for mention in self.snapshot.mentions.iter().filter(|m| m.entity_iri == iri) {
            documents.insert(mention.doc.as_str());
        }
        let mut roles: Vec<(&str, usize)> = roles.into_iter().collect();
        roles.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let groups = self.groups(&facts, max_facts);
        Some(EntityPage {
            iri: &entity.iri,
            label: &entity.label,
            kind: &entity.kind,
            aliases: &entity.aliases,
            mentions: entity.mentions,
            roles: roles.into_iter().map(|(role, _)| role).collect(),
            documents: documents.len(),
            groups,
            truncated: facts.len() > max_facts,
        })
    }

    /// The facts of `iri` (an entity or a concept, canonical IRI).
    fn facts_about(&self, iri: &str) -> Vec<&RelationRow> {
        self.facts_of
            .get(iri)
            .into_iter()
            .flatten()
            .map(|&i| &self.snapshot.relations[i])
            .collect()
    }

    /// At most `max_facts` facts grouped by predicate, largest group first.
    fn groups<'a>(&'a self, facts: &[&'a RelationRow], max_facts: usize) -> Vec<FactGroup<'a>> {
        let mut by_predicate: BTreeMap<&str, Vec<&RelationRow>> = BTreeMap::new();
        for &fact in facts.iter().take(max_facts) {
            by_predicate.entry(fact.predicate.as_str()).or_default().push(fact);
        }
        let mut groups: Vec<FactGroup> = by_predicate
            .into_iter()
            .map(|(predicate, facts)| FactGroup {
                predicate,
                facts: facts.into_iter().map(|f| self.fact_view(f)).collect(),
            })
            .collect();
        groups.sort_by(|a, b| b.facts.len().cmp(&a.facts.len()).then(a.predicate.cmp(b.predicate)));
        groups
    }

    /// The concept page for `iri`, at most `max_facts` facts; None when no such concept.
    pub fn concept_page(&self, iri: &str, max_facts: usize) -> Option<ConceptPage<'_>> {
        let concept = self.concepts.get(iri)?;
        let facts = self.facts_about(&concept.iri);
        let named_entity = concept.named_entity.as_deref().and_then(|named| {
            let entity = self.entity(named)?;
            Some(End {
                iri: Some(&entity.iri),
                label: &entity.label,
                kind: Some(&entity.kind),
            })
        });
        Some(ConceptPage {
            iri: &concept.iri,
            label: &concept.label,
            kind: CONCEPT,
            head: concept.head.as_deref(),
            document: self.source(&concept.doc),
            named_entity,
            groups: self.groups(&facts, max_facts),
            truncated: facts.len() > max_facts,
        })
    }

    /// The canonical IRI, label and kind of a node that has a page (an
    /// entity or a concept).
    fn node(&self, iri: &str) -> Option<(&str, &str, &str)> {
        match self.entity(iri) {
            Some(entity) => Some((&entity.iri, &entity.label, &entity.kind)),
            None => self
                .concepts
                .get(iri)
                .map(|c| (c.iri.as_str(), c.label.as_str(), CONCEPT)),
        }
    }

    /// The facts of a document, by position.
    pub fn document_facts(&self, doc: &str) -> Vec<DocumentFact<'_>> {
        self.facts_in
            .get(doc)
            .into_iter()
            .flatten()
            .map(|&i| {
                let fact = &self.snapshot.relations[i];
                let (subject, object) = self.ends(fact);
                DocumentFact {
                    statement: &fact.statement,
                    start: fact.start,
                    end: fact.end,
                    subject,
                    predicate: &fact.predicate,
                    object,
                    confidence: fact.confidence,
                    negated: fact.negated,
                    hypothetical: fact.hypothetical,
                    reported: fact.reported,
                }
            })
            .collect()
    }

    /// The neighbourhood of `centre`, an entity or a concept (breadth
    /// first, `filter.depth` steps through entities and concepts, filters
    /// applied to every edge) and the snapshot rows it covers (for DOT, CSV
    /// and pictures). None when no such entity or concept.
    pub fn graph(&self, centre: &str, filter: &GraphFilter) -> Option<(GraphView<'_>, GraphSnapshot)> {
        let (centre, centre_label, centre_kind) = self.node(centre)?;
        let mut nodes = vec![Node {
            id: centre.to_string(),
            label: centre_label,
            kind: centre_kind,
            depth: 0,
        }];
        let mut seen: HashSet<&str> = HashSet::from([centre]);
        let mut edges = Vec::new();
        let mut used_facts: BTreeSet<usize> = BTreeSet::new();
        let mut predicates: BTreeSet<&str> = BTreeSet::new();
        let mut queue: VecDeque<(&str, usize)> = VecDeque::from([(centre, 0)]);
        let mut truncated = false;
        let kind_ok = |kind: &str| filter.kinds.is_empty() || filter.kinds.contains(kind);
        while let Some((at, depth)) = queue.pop_front() {
            if depth >= filter.depth.max(1) {
                continue;
            }
            for &index in self.facts_of.get(at).into_iter().flatten() {
                let fact = &self.snapshot.relations[index];
                predicates.insert(fact.predicate.as_str());
                if fact.confidence < filter.min_confidence
                    || (!filter.predicates.is_empty() && !filter.predicates.contains(&fact.predicate))
                    || used_facts.contains(&index)
                {
                    continue;
                }
                let other: (String, &str, &str) = if fact.subject_iri != at {
                    let kind = self.kind_of(&fact.subject_iri).unwrap_or("MISC");
                    (fact.subject_iri.clone(), fact.subject.as_str(), kind)
                } else if let Some(object) = &fact.object_iri {
                    let kind = self.kind_of(object).unwrap_or("MISC");
                    (object.clone(), fact.object.as_str(), kind)
                } else {
                    (format!("{}#value", fact.statement), fact.object.as_str(), "VAL")
                };
                if !kind_ok(other.2) && other.0 != centre {
                    continue;
                }
                if !seen.contains(other.0.as_str()) {
                    if nodes.len() >= MAX_GRAPH_NODES {
                        truncated = true;
                        continue;
                    }
                    nodes.push(Node {
                        id: other.0.clone(),
                        label: other.1,
                        kind: other.2,
                        depth: depth + 1,
                    });
                    if let Some((next, ..)) = self.node(&other.0) {
                        seen.insert(next);
                        queue.push_back((next, depth + 1));
                    }
                }
                used_facts.insert(index);
                let (source, target) = if fact.subject_iri == at {
                    (at.to_string(), other.0)
                } else {
                    (other.0, at.to_string())
                };
                edges.push(Edge {
                    id: &fact.statement,
                    source,
                    target,
                    predicate: &fact.predicate,
                    confidence: fact.confidence,
                    negated: fact.negated,
                    hypothetical: fact.hypothetical,
                    reported: fact.reported,
                });
            }
        }
        let ids: HashSet<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
        edges.retain(|e| ids.contains(e.source.as_str()) && ids.contains(e.target.as_str()));
        let kept: HashSet<&str> = edges.iter().map(|e| e.id).collect();
        let rows = GraphSnapshot {
            entities: self
                .snapshot
                .entities
                .iter()
                .filter(|e| ids.contains(e.iri.as_str()))
                .cloned()
                .collect(),
            relations: used_facts
                .iter()
                .map(|&i| &self.snapshot.relations[i])
                .filter(|r| kept.contains(r.statement.as_str()))
                .cloned()
                .collect(),
            mentions: Vec::new(),
            quads: Vec::new(),
            ..Default::default()
        };
        let view = GraphView {
            centre,
            nodes,
            edges,
            predicates: predicates.into_iter().collect(),
            truncated,
        };
        Some((view, rows))
    }
}

/// `text` on one line, cut at the last word boundary before `max`
/// characters (with `…`) when longer.
fn headline(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
}

/// What pages call a document: its title, else the file name of its
/// source (never the whole path, which names the machine's folders), else
/// the last piece of its IRI.
fn display_title(info: &DocumentInfo) -> String {
    if let Some(title) = info.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        return title.to_string();
    }
    let file = info.source.rsplit(['/', '\\']).find(|piece| !piece.is_empty());
    file.or_else(|| info.iri.rsplit('/').next())
        .unwrap_or("untitled document")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lookup::fixtures::{entity, relation, snapshot};

    fn catalog() -> Catalog {
        let mut snapshot = snapshot();
        let mut third = relation(
            "urn:s:3",
            ("urn:e:zel", "Volodymyr Zelenskyy"),
            "meets",
            "Marco Rubio",
            200,
            230,
        );
        third.object_iri = Some("urn:e:rubio".into());
        third.confidence = 0.4;
        snapshot.relations.push(third);
        let mut fourth = relation(
            "urn:s:4",
            ("urn:e:far", "Loin"),
            "meets",
            "Volodymyr Zelenskyy",
            300,
            310,
        );
        fourth.object_iri = Some("urn:e:zel".into());
        snapshot.relations.push(fourth);
        snapshot.entities.push(entity("urn:e:far", "Loin", &[]));
        snapshot.entities.push(entity("urn:e:other", "Quelqu'un", &[]));
        Catalog::new(snapshot, Vec::new())
    }

    #[test]
    fn a_merged_entity_opens_its_canonical_entity() {
        let catalog = catalog().with_merged([
            ("urn:e:rubio-alone".to_string(), "urn:e:rubio".to_string()),
            ("urn:e:ghost".to_string(), "urn:e:nobody".to_string()),
        ]);
        let page = catalog.entity_page("urn:e:rubio-alone", 100).unwrap();
        assert_eq!(page.iri, "urn:e:rubio");
        assert_eq!(page.roles, vec!["secrétaire d'État"]);
        assert!(catalog.entity_page("urn:e:ghost", 100).is_none());
        assert!(catalog.graph("urn:e:rubio-alone", &GraphFilter::default()).is_some());
    }

    #[test]
    fn entity_page_groups_facts_lists_roles_and_highlights() {
        let catalog = catalog();
        let page = catalog.entity_page("urn:e:rubio", 100).unwrap();
        assert_eq!(page.roles, vec!["secrétaire d'État"]);
        let predicates: Vec<&str> = page.groups.iter().map(|g| g.predicate).collect();
        assert_eq!(predicates, vec!["meets", "role"]);
        let role = &page.groups[1].facts[0];
        assert_eq!(role.highlights, vec![[0, 26]]);
        assert!(!page.truncated);
        assert!(catalog.entity_page("urn:e:rubio", 1).unwrap().truncated);
        assert!(catalog.entity_page("urn:e:nobody", 10).is_none());
    }

    #[test]
    fn graph_walks_one_or_two_steps_with_filters() {
        let catalog = catalog();
        let ids = |filter: &GraphFilter| -> Vec<String> {
            let (view, _) = catalog.graph("urn:e:rubio", filter).unwrap();
            let mut ids: Vec<String> = view.nodes.into_iter().map(|n| n.id).collect();
            ids.sort();
            ids
        };
        let one = GraphFilter {
            depth: 1,
            ..Default::default()
        };
        assert_eq!(ids(&one), vec!["urn:e:rubio", "urn:e:zel", "urn:s:1#value"]);
        let two = GraphFilter {
            depth: 2,
            ..Default::default()
        };
        assert_eq!(
            ids(&two),
            vec!["urn:e:far", "urn:e:rubio", "urn:e:zel", "urn:s:1#value"]
        );
        let confident = GraphFilter {
            depth: 2,
            min_confidence: 0.5,
            ..Default::default()
        };
        assert_eq!(ids(&confident), vec!["urn:e:rubio", "urn:s:1#value"]);
        let roles_only = GraphFilter {
            depth: 2,
            predicates: BTreeSet::from(["role".to_string()]),
            ..Default::default()
        };
        assert_eq!(ids(&roles_only), vec!["urn:e:rubio", "urn:s:1#value"]);
        let people = GraphFilter {
            depth: 2,
            kinds: BTreeSet::from(["PER".to_string()]),
            ..Default::default()
        };
        assert_eq!(ids(&people), vec!["urn:e:far", "urn:e:rubio", "urn:e:zel"]);
        let (view, rows) = catalog.graph("urn:e:rubio", &two).unwrap();
        assert_eq!(view.edges.len(), 3);
        assert_eq!(rows.relations.len(), 3);
        assert_eq!(view.predicates, vec!["meets", "role"]);
    }

    #[test]
    fn concepts_have_pages_kinds_and_graphs_and_untitled_documents_their_file_name() {
        let mut snapshot = snapshot();
        let mut by_concept = relation(
            "urn:s:5",
            ("urn:doc:1/concept/manifestants", "manifestants"),
            "meets",
            "Marco Rubio",
            400,
            420,
        );
        by_concept.object_iri = Some("urn:e:rubio".into());
        snapshot.relations.push(by_concept);
        let documents = vec![DocumentInfo {
            iri: "urn:doc:1".into(),
            source: "/home/someone/articles/a.txt".into(),
            title: None,
            content_hash: String::new(),
            date_added: "2026-11-30".into(),
            extractor_version: String::new(),
            language: "fr".into(),
            date: None,
            quads: 0,
        }];
        let catalog = Catalog::new(snapshot, documents).with_concepts([ConceptInfo {
            iri: "urn:doc:1/concept/manifestants".into(),
            label: "manifestants".into(),
            head: Some("manifestant".into()),
            doc: "urn:doc:1".into(),
            named_entity: Some("urn:e:zel".into()),
        }]);
        assert_eq!(catalog.kind_of("urn:doc:1/concept/manifestants"), Some(CONCEPT));
        assert_eq!(catalog.kind_of("urn:e:rubio"), Some("PER"));
        assert_eq!(catalog.kind_of("urn:nothing"), None);
        let page = catalog.concept_page("urn:doc:1/concept/manifestants", 10).unwrap();
        assert_eq!(
            (page.label, page.head, page.document.title),
            ("manifestants", Some("manifestant"), "a.txt")
        );
        assert_eq!(page.named_entity.unwrap().label, "Volodymyr Zelenskyy");
        assert_eq!(page.groups[0].facts[0].subject.kind, Some(CONCEPT));
        assert!(catalog.entity_page("urn:doc:1/concept/manifestants", 10).is_none());
        assert!(catalog.concept_page("urn:e:rubio", 10).is_none());
        let rubio = catalog.entity_page("urn:e:rubio", 10).unwrap();
        let meets = rubio.groups.iter().find(|g| g.predicate == "meets").unwrap();
        assert!(meets.facts.iter().any(|f| f.subject.kind == Some(CONCEPT)));
        assert_eq!(catalog.title("urn:doc:1"), Some("a.txt"));
        let long = "Les États-Unis soulèveront immédiatement la pause du partage du renseignement et reprendront une assistance.";
        let catalog = catalog.with_first_sentences(&HashMap::from([("urn:doc:1".to_string(), long.to_string())]));
        assert_eq!(
            catalog.title("urn:doc:1"),
            Some("Les États-Unis soulèveront immédiatement la pause du partage du renseignement…")
        );
        // The graph: the concept is a CONCEPT node, a kind to filter on, and a centre.
        let (view, _) = catalog
            .graph(
                "urn:e:rubio",
                &GraphFilter {
                    depth: 1,
                    ..Default::default()
                },
            )
            .unwrap();
        let node = view
            .nodes
            .iter()
            .find(|n| n.id == "urn:doc:1/concept/manifestants")
            .unwrap();
        assert_eq!(node.kind, CONCEPT);
        let concepts_only = GraphFilter {
            depth: 1,
            kinds: BTreeSet::from([CONCEPT.to_string()]),
            ..Default::default()
        };
        let (view, _) = catalog.graph("urn:e:rubio", &concepts_only).unwrap();
        assert_eq!(view.nodes.len(), 2);
        let (view, _) = catalog
            .graph(
                "urn:doc:1/concept/manifestants",
                &GraphFilter {
                    depth: 2,
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(view.nodes[0].kind, CONCEPT);
        assert!(
            view.nodes.iter().any(|n| n.id == "urn:s:1#value"),
            "two steps, through Rubio"
        );
    }

    #[test]
    fn suggestions_and_document_facts() {
        let catalog = catalog();
        let found: Vec<&str> = catalog.suggest("rubi", 5).iter().map(|s| s.label).collect();
        assert_eq!(found, vec!["Marco Rubio"]);
        assert_eq!(catalog.document_facts("urn:doc:1").len(), 4);
        assert!(catalog.document_facts("urn:doc:2").is_empty());
    }
}
