//! Claims: the same fact stated by several documents, as one node.
//!
//! Owns the claims graph `<https://w3id.org/trame/claims>`. A claim groups
//! the statements of at least two distinct documents that share subject,
//! predicate and object after entity merging (an entity the merge graph
//! declares `owl:sameAs` another counts as that other), whatever their
//! polarity:
//!
//! ```turtle
//! <https://w3id.org/trame/claim/0123456789abcdef> a trame:Claim ;
//!     rdf:subject <…/entity/place/france> ; rdf:predicate trame:resumes ; rdf:object "aide" ;
//!     trame:statement <…/doc/aaaa…/statement/3> , <…/doc/bbbb…/statement/0> ;
//!     trame:sourceCount 2 ; trame:assertedBy 1 ; trame:deniedBy 1 ; trame:contested true ;
//!     trame:firstDate "2018-01-02"^^xsd:date ; trame:lastDate "2018-01-05"^^xsd:date .
//! ```
//!
//! The graph is a pure function of the document graphs and the merge graph:
//! the claim IRI comes from a hash of the merged key, and every write of
//! documents ([`refresh`] with the keys the write touched) or of arbitrary
//! quads ([`recompute_all`]) rebuilds the affected claims inside the same
//! transaction; a new merge graph (a load, the end of a build, `trame
//! merge`) has its claims recomputed by [`recompute_all`] in a scratch
//! in-memory copy of the documents and written in the merge graph's own
//! transaction. So a claim is never stale and never depends on the order
//! documents were built in.
//! This module reads and writes the claims graph only; it never changes a
//! document graph.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::store::{StorageError, Transaction};

use super::iri;

/// The named graph holding every claim.
pub const CLAIMS_GRAPH: &str = "https://w3id.org/trame/claims";
/// Base of claim IRIs: `…/claim/<16 hex digits of SHA-256(key)>`.
pub const CLAIM_BASE: &str = "https://w3id.org/trame/claim/";

/// Properties of a document node that may carry its date (`YYYY-MM-DD`),
/// in order of preference.
pub const DOCUMENT_DATE_PROPERTIES: [&str; 2] = ["http://schema.org/datePublished", "http://purl.org/dc/terms/date"];

/// What identifies a claim: the statement's subject, predicate and object.
pub type Key = (Term, Term, Term);

/// The merge graph's `owl:sameAs` links, both ways.
struct Merge {
    canonical: HashMap<Term, Term>,
    aliases: HashMap<Term, Vec<Term>>,
}

impl Merge {
    fn read(transaction: &Transaction<'_>) -> Result<Merge, StorageError> {
        let graph = NamedNode::new_unchecked(iri::MERGE_GRAPH);
        let same_as = NamedNode::new_unchecked(format!("{}sameAs", iri::OWL));
        let mut canonical = HashMap::new();
        let mut aliases: HashMap<Term, Vec<Term>> = HashMap::new();
        for quad in transaction.quads_for_pattern(None, Some(same_as.as_ref()), None, Some(graph.as_ref().into())) {
            let quad = quad?;
            let entity: Term = quad.subject.into();
            aliases.entry(quad.object.clone()).or_default().push(entity.clone());
            canonical.insert(entity, quad.object);
        }
        Ok(Merge { canonical, aliases })
    }

    /// The entity a term stands for after merging (itself when unmerged).
    fn canon(&self, term: &Term) -> Term {
        self.canonical.get(term).unwrap_or(term).clone()
    }

    /// A canonical term and every term merged into it.
    fn names(&self, term: &Term) -> Vec<Term> {
        std::iter::once(term.clone())
            .chain(self.aliases.get(term).into_iter().flatten().cloned())
            .collect()
    }

    fn canon_key(&self, key: &Key) -> Key {
        (self.canon(&key.0), key.1.clone(), self.canon(&key.2))
    }
}

/// The claim IRI of a key (stable: a hash of the N-Triples forms).
pub fn claim_iri(key: &Key) -> String {
    let text = format!("{}\t{}\t{}", key.0, key.1, key.2);
    format!("{CLAIM_BASE}{}", &iri::sha256_hex(&text)[..iri::DOC_HASH_DIGITS])
}

/// Whether a graph name is a document graph.
fn is_document_graph(graph: &GraphName) -> bool {
    matches!(graph, GraphName::NamedNode(g) if g.as_str().starts_with(iri::DOC_BASE))
}

fn ont(local: &str) -> NamedNode {
    NamedNode::new_unchecked(iri::term(local))
}

/// The keys of every statement in `graph`, as stored (before merging;
/// [`refresh`] merges them).
pub fn statement_keys(transaction: &Transaction<'_>, graph: NamedNodeRef<'_>) -> Result<HashSet<Key>, StorageError> {
    let statement_class = ont("Statement");
    let graph_ref = GraphNameRef::from(graph);
    let mut keys = HashSet::new();
    for quad in transaction.quads_for_pattern(
        None,
        Some(rdf::TYPE),
        Some(statement_class.as_ref().into()),
        Some(graph_ref),
    ) {
        let quad = quad?;
        if let Some(key) = key_of(transaction, &quad.subject, graph_ref)? {
            keys.insert(key);
        }
    }
    Ok(keys)
}

/// The smallest value of `predicate` on `subject` in `graph`.
fn value(
    transaction: &Transaction<'_>,
    subject: &NamedOrBlankNode,
    predicate: NamedNodeRef<'_>,
    graph: GraphNameRef<'_>,
) -> Result<Option<Term>, StorageError> {
    let mut best: Option<Term> = None;
    for quad in transaction.quads_for_pattern(Some(subject.as_ref()), Some(predicate), None, Some(graph)) {
        let object = quad?.object;
        if best.as_ref().is_none_or(|b| object.to_string() < b.to_string()) {
            best = Some(object);
        }
    }
    Ok(best)
}

fn key_of(
    transaction: &Transaction<'_>,
    statement: &NamedOrBlankNode,
    graph: GraphNameRef<'_>,
) -> Result<Option<Key>, StorageError> {
    let s = value(transaction, statement, rdf::SUBJECT, graph)?;
    let p = value(transaction, statement, rdf::PREDICATE, graph)?;
    let o = value(transaction, statement, rdf::OBJECT, graph)?;
    Ok(match (s, p, o) {
        (Some(s), Some(p), Some(o)) => Some((s, p, o)),
        _ => None,
    })
}

/// One statement of a key, as a claim sees it.
struct Member {
    statement: Term,
    document: NamedNode,
    negated: bool,
}

/// Rebuilds the claims of `keys` from the document graphs as the
/// transaction sees them. Returns how many claims now exist for these keys.
pub fn refresh(transaction: &mut Transaction<'_>, keys: &HashSet<Key>) -> Result<usize, StorageError> {
    let claims_graph = NamedNode::new_unchecked(CLAIMS_GRAPH);
    let merge = Merge::read(transaction)?;
    let keys: HashSet<Key> = keys.iter().map(|key| merge.canon_key(key)).collect();
    // Sorted keys: the same writes in the same order on every run.
    let mut sorted: Vec<&Key> = keys.iter().collect();
    sorted.sort_by_cached_key(|key| claim_iri(key));
    let mut written = 0;
    for key in sorted {
        let claim = NamedNode::new_unchecked(claim_iri(key));
        let old: Vec<Quad> = transaction
            .quads_for_pattern(
                Some(claim.as_ref().into()),
                None,
                None,
                Some(claims_graph.as_ref().into()),
            )
            .collect::<Result<_, _>>()?;
        for quad in &old {
            transaction.remove(quad);
        }
        let members = members(transaction, key, &merge)?;
        let documents: BTreeSet<&str> = members.iter().map(|m| m.document.as_str()).collect();
        if documents.len() < 2 {
            continue;
        }
        let asserting: BTreeSet<&str> = members
            .iter()
            .filter(|m| !m.negated)
            .map(|m| m.document.as_str())
            .collect();
        let denying: BTreeSet<&str> = members
            .iter()
            .filter(|m| m.negated)
            .map(|m| m.document.as_str())
            .collect();
        let contested = asserting.iter().any(|a| denying.iter().any(|d| a != d));
        let mut dates: Vec<String> = Vec::new();
        for document in &documents {
            if let Some(date) = document_date(transaction, NamedNodeRef::new_unchecked(document))? {
                dates.push(date);
            }
        }
        dates.sort();
        let graph = GraphName::from(claims_graph.clone());
        let subject = NamedOrBlankNode::from(claim.clone());
        let mut add = |predicate: NamedNode, object: Term| {
            transaction.insert(&Quad::new(subject.clone(), predicate, object, graph.clone()));
        };
        add(rdf::TYPE.into_owned(), ont("Claim").into());
        add(rdf::SUBJECT.into_owned(), key.0.clone());
        add(rdf::PREDICATE.into_owned(), key.1.clone());
        add(rdf::OBJECT.into_owned(), key.2.clone());
        for member in &members {
            add(ont("statement"), member.statement.clone());
        }
        let count = |n: usize| Term::from(Literal::new_typed_literal(n.to_string(), xsd::INTEGER));
        add(ont("sourceCount"), count(documents.len()));
        add(ont("assertedBy"), count(asserting.len()));
        add(ont("deniedBy"), count(denying.len()));
        add(ont("contested"), Literal::from(contested).into());
        if let (Some(first), Some(last)) = (dates.first(), dates.last()) {
            add(ont("firstDate"), date_literal(first).into());
            add(ont("lastDate"), date_literal(last).into());
        }
        written += 1;
    }
    Ok(written)
}

/// Clears the claims graph and rebuilds it from every document graph.
/// Returns how many claims exist.
pub fn recompute_all(transaction: &mut Transaction<'_>) -> Result<usize, StorageError> {
    let claims_graph = NamedNode::new_unchecked(CLAIMS_GRAPH);
    transaction.clear_graph(claims_graph.as_ref())?;
    let statement_class = ont("Statement");
    let mut keys = HashSet::new();
    let statements: Vec<Quad> = transaction
        .quads_for_pattern(None, Some(rdf::TYPE), Some(statement_class.as_ref().into()), None)
        .collect::<Result<_, _>>()?;
    for quad in statements.iter().filter(|q| is_document_graph(&q.graph_name)) {
        if let Some(key) = key_of(transaction, &quad.subject, quad.graph_name.as_ref())? {
            keys.insert(key);
        }
    }
    refresh(transaction, &keys)
}

/// Every statement in a document graph whose merged key is `key`, sorted.
fn members(transaction: &Transaction<'_>, key: &Key, merge: &Merge) -> Result<Vec<Member>, StorageError> {
    let negated = ont("negated");
    let mut out: BTreeMap<String, Member> = BTreeMap::new();
    let mut candidates: Vec<Quad> = Vec::new();
    for subject in merge.names(&key.0) {
        for quad in transaction.quads_for_pattern(None, Some(rdf::SUBJECT), Some(subject.as_ref()), None) {
            candidates.push(quad?);
        }
    }
    for quad in candidates {
        let GraphName::NamedNode(document) = &quad.graph_name else {
            continue;
        };
        if !document.as_str().starts_with(iri::DOC_BASE) {
            continue;
        }
        let graph = GraphNameRef::from(document.as_ref());
        let predicate = value(transaction, &quad.subject, rdf::PREDICATE, graph)?;
        let object = value(transaction, &quad.subject, rdf::OBJECT, graph)?;
        if predicate.as_ref() != Some(&key.1) || object.map(|o| merge.canon(&o)).as_ref() != Some(&key.2) {
            continue;
        }
        let is_negated = value(transaction, &quad.subject, negated.as_ref(), graph)?
            .is_some_and(|v| matches!(&v, Term::Literal(l) if l.value() == "true" || l.value() == "1"));
        let statement: Term = quad.subject.clone().into();
        out.insert(
            statement.to_string(),
            Member {
                statement,
                document: document.clone(),
                negated: is_negated,
            },
        );
    }
    Ok(out.into_values().collect())
}

/// The date of a document (`YYYY-MM-DD` or whatever lexical form it has),
/// from the first of [`DOCUMENT_DATE_PROPERTIES`] present on its node.
fn document_date(transaction: &Transaction<'_>, document: NamedNodeRef<'_>) -> Result<Option<String>, StorageError> {
    let node = NamedOrBlankNode::from(document.into_owned());
    for property in DOCUMENT_DATE_PROPERTIES {
        let property = NamedNode::new_unchecked(property);
        if let Some(Term::Literal(date)) = value(transaction, &node, property.as_ref(), document.into())? {
            return Ok(Some(date.value().to_string()));
        }
    }
    Ok(None)
}

/// `xsd:date` when the text is a plain `YYYY-MM-DD`, a plain string otherwise.
fn date_literal(text: &str) -> Literal {
    let is_date = text.len() == 10
        && text
            .char_indices()
            .all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    if is_date {
        Literal::new_typed_literal(text, xsd::DATE)
    } else {
        Literal::new_simple_literal(text)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use crate::facts::{Document, Entity, EntityKind, EventType, Fact, Node, Object, Plover, Sentence};
    use crate::store::Store;

    /// A one-sentence article stating (or denying) that Russia attacks Ukraine.
    fn article(source: &str, text: &str, negated: bool) -> Document {
        use sha2::{Digest, Sha256};
        let n = text.chars().count();
        Document {
            source: source.into(),
            title: None,
            authors: Vec::new(),
            text: text.into(),
            content_hash: Sha256::digest(text.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
            language: "fr".into(),
            date: None,
            timexes: vec![],
            sentences: vec![Sentence {
                start: 0,
                end: n,
                text: text.into(),
            }],
            entities: vec![
                Entity {
                    label: "Russie".into(),
                    kind: EntityKind::Place,
                    aliases: vec![],
                },
                Entity {
                    label: "Ukraine".into(),
                    kind: EntityKind::Place,
                    aliases: vec![],
                },
            ],
            mentions: vec![],
            concepts: vec![],
            name_candidates: vec![],
            facts: vec![Fact {
                subject: Node::Entity(0),
                predicate: "attacks".into(),
                lemma: "attaquer".into(),
                object: Object::Entity(1),
                arguments: vec![],
                sentence: 0,
                start: 0,
                end: n,
                confidence: 0.8,
                negated,
                hypothetical: false,
                reported: false,
                reported_by: None,
                rule: "svo".into(),
                event: Some(EventType {
                    plover: Plover::Assault,
                    cameo_root: 19,
                }),
            }],
        }
    }

    fn a() -> Document {
        article("a.txt", "La Russie a attaqué l'Ukraine.", false)
    }
    fn b() -> Document {
        article("b.txt", "La Russie attaque l'Ukraine, dit-on.", false)
    }
    fn c() -> Document {
        article("c.txt", "La Russie n'a pas attaqué l'Ukraine.", true)
    }

    fn store_with(docs: &[Document]) -> Store {
        let store = Store::in_memory().unwrap();
        for doc in docs {
            store.put_document(doc).unwrap();
        }
        store
    }

    /// Rows of a SELECT, terms as the store prints them.
    fn select(store: &Store, query: &str) -> Vec<Vec<String>> {
        store
            .select(query)
            .unwrap()
            .1
            .into_iter()
            .map(|row| row.into_iter().map(|v| v.unwrap_or_default()).collect())
            .collect()
    }

    fn query_file(name: &str) -> String {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("queries")
                .join(name),
        )
        .unwrap()
    }

    const CLAIMS: &str = "SELECT ?n ?asserted ?denied ?contested (COUNT(?st) AS ?statements) WHERE { \
        GRAPH <https://w3id.org/trame/claims> { ?c a trame:Claim ; trame:sourceCount ?n ; trame:assertedBy ?asserted ; \
        trame:deniedBy ?denied ; trame:contested ?contested ; trame:statement ?st } } GROUP BY ?n ?asserted ?denied ?contested";

    fn claims_graph(store: &Store) -> BTreeSet<String> {
        let quads = store
            .quads_in(Some(
                oxigraph::model::NamedNodeRef::new_unchecked(super::CLAIMS_GRAPH).into(),
            ))
            .unwrap();
        quads.into_iter().map(|q| q.to_string()).collect()
    }

    #[test]
    fn one_source_makes_no_claim_two_make_one() {
        let store = store_with(&[a()]);
        assert!(select(&store, CLAIMS).is_empty());
        store.put_document(&b()).unwrap();
        let int = |n: usize| format!("\"{n}\"^^<http://www.w3.org/2001/XMLSchema#integer>");
        let no = "\"false\"^^<http://www.w3.org/2001/XMLSchema#boolean>".to_string();
        assert_eq!(select(&store, CLAIMS), vec![vec![int(2), int(2), int(0), no, int(2)]]);
    }

    #[test]
    fn a_denial_from_another_source_contests_the_claim_and_removal_updates_it() {
        let store = store_with(&[a(), b(), c()]);
        let int = |n: usize| format!("\"{n}\"^^<http://www.w3.org/2001/XMLSchema#integer>");
        let yes = "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>".to_string();
        let no = "\"false\"^^<http://www.w3.org/2001/XMLSchema#boolean>".to_string();
        assert_eq!(
            select(&store, CLAIMS),
            vec![vec![int(3), int(2), int(1), yes.clone(), int(3)]]
        );
        // The ready query lists each statement of the contested claim.
        let contested = select(&store, &query_file("contested-claims.rq"));
        let sources: Vec<&str> = contested.iter().map(|row| row[4].as_str()).collect();
        assert_eq!(sources, ["\"a.txt\"", "\"b.txt\"", "\"c.txt\""]);
        let best = select(&store, &query_file("best-corroborated.rq"));
        assert_eq!(best.len(), 1);
        assert_eq!(best[0][0], "\"Russie\"");
        assert_eq!(best[0][3], int(3));
        assert_eq!(best[0][7], "\"ASSAULT\"");
        // Removing the denial leaves two sources that agree.
        store.remove_document("c.txt").unwrap();
        assert_eq!(select(&store, CLAIMS), vec![vec![int(2), int(2), int(0), no, int(2)]]);
        // Removing one more leaves a single source: no claim at all.
        store.remove_document("a.txt").unwrap();
        assert!(select(&store, CLAIMS).is_empty());
        assert!(claims_graph(&store).is_empty());
    }

    #[test]
    fn claims_do_not_depend_on_build_order_or_rebuilds() {
        let forward = store_with(&[a(), b(), c()]);
        let backward = store_with(&[c(), b(), a()]);
        assert!(!claims_graph(&forward).is_empty());
        assert_eq!(claims_graph(&forward), claims_graph(&backward));
        // Rebuilding a document (same content, or new content at the same path) keeps them a function of the documents.
        backward.put_document(&a()).unwrap();
        assert_eq!(claims_graph(&forward), claims_graph(&backward));
        let recomputed = store_with(&[a(), b(), c()]);
        recomputed
            .update("DELETE WHERE { GRAPH <https://w3id.org/trame/claims> { ?s ?p ?o } }")
            .unwrap();
        assert_eq!(
            claims_graph(&forward),
            claims_graph(&recomputed),
            "an update rebuilds the claims"
        );
    }

    #[test]
    fn merged_entities_make_one_claim_and_a_new_merge_graph_rebuilds_claims() {
        let mut other = article("d.txt", "La Fédération de Russie a attaqué l'Ukraine.", false);
        other.entities[0].label = "Fédération de Russie".into();
        let store = store_with(&[a(), other]);
        assert!(
            select(&store, CLAIMS).is_empty(),
            "two names, two entities: no claim yet"
        );
        let russie = crate::store::iri::entity(EntityKind::Place, "Russie");
        let federation = crate::store::iri::entity(EntityKind::Place, "Fédération de Russie");
        let link = crate::store::SameAs {
            entity: federation,
            canonical: russie.clone(),
        };
        store
            .put_merge(&crate::store::MergeDecisions {
                links: vec![link],
                ..Default::default()
            })
            .unwrap();
        let int = |n: usize| format!("\"{n}\"^^<http://www.w3.org/2001/XMLSchema#integer>");
        let no = "\"false\"^^<http://www.w3.org/2001/XMLSchema#boolean>".to_string();
        assert_eq!(select(&store, CLAIMS), vec![vec![int(2), int(2), int(0), no, int(2)]]);
        let subject = select(&store, "SELECT ?s WHERE { ?c a trame:Claim ; rdf:subject ?s }");
        assert_eq!(subject, vec![vec![format!("<{russie}>")]]);
        // A third article under the other name joins the claim at once.
        store
            .put_document(&article(
                "e.txt",
                "La Fédération de Russie n'a pas attaqué l'Ukraine.",
                true,
            ))
            .unwrap();
        let yes = "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>".to_string();
        assert_eq!(
            select(&store, CLAIMS),
            vec![vec![int(3), int(2), int(1), yes.clone(), int(3)]]
        );
        // Unmerged again: only the two articles that use the other name agree on the key.
        store.put_merge(&Default::default()).unwrap();
        assert_eq!(select(&store, CLAIMS), vec![vec![int(2), int(1), int(1), yes, int(2)]]);
    }

    /// Issue 12: a merge (the end of a build) decides merge and claims in a
    /// scratch copy of the documents and writes only the difference: the
    /// claims written are those a transaction over the store computes, and
    /// merging again writes nothing.
    #[test]
    fn a_merge_decided_in_memory_writes_the_claims_a_transaction_computes() {
        let mut other = article("d.txt", "La Fédération de Russie a attaqué l'Ukraine.", false);
        other.entities[0].label = "Fédération de Russie".into();
        let store = store_with(&[a(), b(), c(), other]);
        let decisions = crate::store::MergeDecisions {
            links: vec![crate::store::SameAs {
                entity: crate::store::iri::entity(EntityKind::Place, "Fédération de Russie"),
                canonical: crate::store::iri::entity(EntityKind::Place, "Russie"),
            }],
            ..Default::default()
        };
        let (entities, decided) = store.remerge(&|_, _| decisions.clone()).unwrap();
        assert_eq!(decided, decisions);
        assert!(entities >= 2, "{entities}");
        let written = claims_graph(&store);
        assert!(written.len() > 10, "{written:?}");
        let mut transaction = store.db.start_transaction().unwrap();
        super::recompute_all(&mut transaction).unwrap();
        transaction.commit().unwrap();
        assert_eq!(claims_graph(&store), written);
        let quads = store.len().unwrap();
        store.remerge(&|_, _| decisions.clone()).unwrap();
        assert_eq!(store.len().unwrap(), quads);
        assert_eq!(claims_graph(&store), written);
    }

    #[test]
    fn snapshot_rows_carry_sources_claim_and_dates() {
        let store = store_with(&[a(), b(), c()]);
        let doc_a = crate::store::iri::document(&a().content_hash);
        let doc_c = crate::store::iri::document(&c().content_hash);
        store
            .update(&format!(
                "INSERT DATA {{ GRAPH <{doc_a}> {{ <{doc_a}> schema:datePublished \"2018-01-05\"^^xsd:date }} \
                 GRAPH <{doc_c}> {{ <{doc_c}> schema:datePublished \"2018-01-02\"^^xsd:date }} }}"
            ))
            .unwrap();
        let dates = select(
            &store,
            "SELECT ?f ?l WHERE { ?c a trame:Claim ; trame:firstDate ?f ; trame:lastDate ?l }",
        );
        let date = |d: &str| format!("\"{d}\"^^<http://www.w3.org/2001/XMLSchema#date>");
        assert_eq!(dates, vec![vec![date("2018-01-02"), date("2018-01-05")]]);
        let snapshot = store.snapshot(&Default::default()).unwrap();
        assert_eq!(snapshot.relations.len(), 3);
        let claim = snapshot.relations[0].claim.clone().expect("a claim");
        assert!(claim.starts_with(super::CLAIM_BASE));
        for row in &snapshot.relations {
            assert_eq!(
                (row.sources, row.claim.as_deref(), row.contested),
                (3, Some(claim.as_str()), true)
            );
            assert_eq!(row.event_type.as_deref(), Some("ASSAULT"));
            assert_eq!(row.cameo_root.as_deref(), Some("19"));
            assert_eq!(row.quad_class.as_deref(), Some("MaterialConflict"));
        }
        let dated: Vec<Option<&str>> = snapshot.relations.iter().map(|r| r.doc_date.as_deref()).collect();
        assert_eq!(dated.iter().filter(|d| d.is_some()).count(), 2);
    }
}
