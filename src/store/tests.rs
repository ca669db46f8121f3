//! Unit tests of the store: data model, snapshot rows, SPARQL answers over
//! known graphs, RDF round trips, bad stores. Fixtures are shared with the
//! integration tests (tests/integration/support/documents.rs).

use std::collections::BTreeSet;
use std::path::Path;

use super::*;
use crate::facts as trame_facts;

#[path = "../../tests/integration/support/documents.rs"]
mod support;

fn store_with(docs: &[crate::facts::Document]) -> Store {
    let store = Store::in_memory().unwrap();
    for doc in docs {
        store.put_document(doc).unwrap();
    }
    store
}

/// A SELECT's rows as plain values: IRIs bare, literals without quotes/types.
fn rows(store: &Store, query: &str) -> Vec<Vec<String>> {
    let (_, rows) = store.select(query).unwrap();
    rows.into_iter()
        .map(|row| row.into_iter().map(|v| plain(v.as_deref())).collect())
        .collect()
}

fn plain(term: Option<&str>) -> String {
    let Some(term) = term else { return String::new() };
    if let Some(iri) = term.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
        return iri.to_string();
    }
    if let Some(rest) = term.strip_prefix('"') {
        let end = rest.rfind('"').unwrap();
        return rest[..end].replace("\\\"", "\"").replace("\\\\", "\\");
    }
    term.to_string()
}

fn query_file(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("queries").join(name)).unwrap()
}

fn doc_iri(doc: &crate::facts::Document) -> String {
    iri::document(&doc.content_hash)
}

/// Every quad outside the ontology and metadata graphs (those hold blank
/// nodes that differ from store to store).
fn all_quads(store: &Store) -> BTreeSet<String> {
    read::data_quads(store)
        .unwrap()
        .into_iter()
        .map(|q| q.to_string())
        .collect()
}

#[test]
fn put_document_names_the_graph_from_the_hash_and_rebuilds_without_duplicates() {
    let store = store_with(&[]);
    let doc = support::document_a();
    let graph = store.put_document(&doc).unwrap();
    assert_eq!(graph, format!("https://w3id.org/trame/doc/{}", &doc.content_hash[..16]));
    let first = store.len().unwrap();
    store.put_document(&doc).unwrap();
    assert_eq!(store.len().unwrap(), first, "rebuilding the same document adds nothing");
    assert_eq!(store.documents().unwrap().len(), 1);
}

#[test]
fn put_document_replaces_the_older_graph_of_the_same_source() {
    let store = store_with(&[support::document_a(), support::document_b()]);
    let edited = support::document_a_edited();
    store.put_document(&edited).unwrap();
    let docs: Vec<(String, String)> = store
        .documents()
        .unwrap()
        .into_iter()
        .map(|d| (d.source, d.iri))
        .collect();
    assert_eq!(
        docs,
        vec![
            ("a.txt".to_string(), doc_iri(&edited)),
            ("b.txt".to_string(), doc_iri(&support::document_b()))
        ]
    );
    // Poutine was only in the old a.txt.
    let labels: Vec<String> = store
        .known_entities()
        .unwrap()
        .into_iter()
        .map(|(_, e)| e.label)
        .collect();
    assert!(!labels.contains(&"Poutine".to_string()), "{labels:?}");
}

#[test]
fn invalid_documents_are_refused_before_writing() {
    let store = store_with(&[]);
    let before = store.len().unwrap();
    let mut doc = support::document_a();
    doc.facts[0].object = crate::facts::Object::Entity(99);
    assert!(matches!(
        store.put_document(&doc),
        Err(StoreError::InvalidDocument { .. })
    ));
    let mut doc = support::document_a();
    doc.facts[0].predicate = "has space".into();
    assert!(matches!(
        store.put_document(&doc),
        Err(StoreError::InvalidDocument { .. })
    ));
    assert_eq!(store.len().unwrap(), before);
}

#[test]
fn document_metadata_is_in_the_document_graph() {
    let store = store_with(&[support::document_a()]);
    let info = &store.documents().unwrap()[0];
    assert_eq!(info.source, "a.txt");
    assert_eq!(info.title.as_deref(), Some("Rencontre à Paris"));
    assert_eq!(info.content_hash, support::document_a().content_hash);
    assert_eq!(info.language, "fr");
    assert_eq!(info.extractor_version, crate::facts::EXTRACTOR_VERSION);
    assert!(
        info.date_added.ends_with('Z') && info.date_added.len() == 20,
        "{}",
        info.date_added
    );
}

#[test]
fn snapshot_entities_merge_across_documents_with_mention_counts() {
    let store = store_with(&[support::document_a(), support::document_b()]);
    let snapshot = store.snapshot(&SnapshotOptions::default()).unwrap();
    let entities: Vec<(String, String, String, Vec<String>, usize)> = snapshot
        .entities
        .iter()
        .map(|e| {
            (
                e.iri.rsplit_once("entity/").unwrap().1.to_string(),
                e.label.clone(),
                e.kind.clone(),
                e.aliases.clone(),
                e.mentions,
            )
        })
        .collect();
    let expected = vec![
        ("organization/afp", "AFP", "ORG", vec![], 1),
        (
            "person/emmanuel-macron",
            "Emmanuel Macron",
            "PER",
            vec!["Macron".to_string()],
            3,
        ),
        ("person/poutine", "Poutine", "PER", vec![], 1),
        ("person/volodymyr-zelensky", "Volodymyr Zelensky", "PER", vec![], 1),
        ("place/france", "France", "LOC", vec![], 1),
        ("place/kiev", "Kiev", "LOC", vec![], 1),
        ("place/paris", "Paris", "LOC", vec![], 1),
        ("place/ukraine", "Ukraine", "LOC", vec![], 1),
    ];
    let expected: Vec<(String, String, String, Vec<String>, usize)> = expected
        .into_iter()
        .map(|(a, b, c, d, e)| (a.to_string(), b.to_string(), c.to_string(), d, e))
        .collect();
    assert_eq!(entities, expected);
}

#[test]
fn snapshot_relations_carry_provenance_and_flags() {
    let a = support::document_a();
    let store = store_with(&[a.clone(), support::document_b()]);
    let snapshot = store.snapshot(&SnapshotOptions::default()).unwrap();
    assert_eq!(snapshot.relations.len(), 5);
    let attack = snapshot.relations.iter().find(|r| r.lemma == "attaquer").unwrap();
    let (start, end) = support::span(support::TEXT_A, "Macron n'a pas attaqué Poutine", 0);
    assert_eq!(attack.statement, format!("{}/statement/2", doc_iri(&a)));
    assert_eq!(attack.subject, "Emmanuel Macron");
    assert_eq!(
        attack.subject_iri,
        "https://w3id.org/trame/entity/person/emmanuel-macron"
    );
    assert_eq!(attack.predicate, "relatedTo");
    assert_eq!(attack.object, "Poutine");
    assert_eq!(
        attack.object_iri.as_deref(),
        Some("https://w3id.org/trame/entity/person/poutine")
    );
    assert_eq!(attack.doc, doc_iri(&a));
    assert_eq!(attack.sentence, "Macron n'a pas attaqué Poutine.");
    assert_eq!((attack.start, attack.end), (start, end));
    assert_eq!(attack.confidence, 0.8);
    assert!(attack.negated && !attack.hypothetical && !attack.reported);
    assert_eq!(attack.rule, "test-rule");
    let role = snapshot.relations.iter().find(|r| r.predicate == "role").unwrap();
    assert_eq!((role.object.as_str(), role.object_iri.as_deref()), ("président", None));
    let aid = snapshot.relations.iter().find(|r| r.lemma == "reprendre").unwrap();
    assert!(aid.reported);
    let went = snapshot.relations.iter().find(|r| r.lemma == "rendre").unwrap();
    assert!(went.hypothetical);
    // Sorted by document, then position.
    let keys: Vec<(String, usize)> = snapshot.relations.iter().map(|r| (r.doc.clone(), r.start)).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn negated_facts_have_a_statement_but_no_direct_triple() {
    let store = store_with(&[support::document_a()]);
    let ask = |q: &str| {
        let mut out = Vec::new();
        store
            .query_to_writer(q, Some(ResultFormat::Csv), false, &mut out)
            .unwrap();
        String::from_utf8(out).unwrap().trim().to_string()
    };
    let macron = "<https://w3id.org/trame/entity/person/emmanuel-macron>";
    assert_eq!(
        ask(&format!(
            "ASK {{ {macron} trame:relatedTo <https://w3id.org/trame/entity/person/poutine> }}"
        )),
        "false"
    );
    assert_eq!(
        ask(&format!(
            "ASK {{ {macron} trame:relatedTo <https://w3id.org/trame/entity/person/volodymyr-zelensky> }}"
        )),
        "true"
    );
    assert_eq!(
        ask("ASK { ?s a trame:Statement ; trame:negated true ; trame:lemma \"attaquer\" }"),
        "true"
    );
}

#[test]
fn snapshot_mentions_point_into_the_source_text() {
    let store = store_with(&[support::document_a(), support::document_b()]);
    let snapshot = store.snapshot(&SnapshotOptions::default()).unwrap();
    assert_eq!(snapshot.mentions.len(), 10);
    for mention in &snapshot.mentions {
        let text = if mention.source == "a.txt" {
            support::TEXT_A
        } else {
            support::TEXT_B
        };
        let slice: String = text
            .chars()
            .skip(mention.start)
            .take(mention.end - mention.start)
            .collect();
        assert_eq!(slice, mention.text);
        assert!(!mention.kind.is_empty());
    }
    let kiev = snapshot.mentions.iter().find(|m| m.text == "Kiev").unwrap();
    assert_eq!((kiev.kind.as_str(), kiev.source.as_str()), ("LOC", "b.txt"));
}

#[test]
fn snapshot_filters_by_confidence_and_construct() {
    let store = store_with(&[support::document_a(), support::document_b()]);
    let confident = store
        .snapshot(&SnapshotOptions {
            min_confidence: Some(crate::facts::MinConfidence::new(0.85).unwrap()),
            construct: None,
        })
        .unwrap();
    let lemmas: BTreeSet<&str> = confident.relations.iter().map(|r| r.lemma.as_str()).collect();
    assert_eq!(lemmas, BTreeSet::from(["président", "rencontrer"]));

    // Direct triples only: statement nodes also carry trame:location arguments.
    let construct = "CONSTRUCT { ?s trame:location ?o } WHERE { ?s trame:location ?o ; a trame:Person }".to_string();
    let selected = store
        .snapshot(&SnapshotOptions {
            min_confidence: None,
            construct: Some(construct),
        })
        .unwrap();
    let lemmas: Vec<&str> = selected.relations.iter().map(|r| r.lemma.as_str()).collect();
    assert_eq!(lemmas, vec!["rendre"]);
    let labels: Vec<&str> = selected.entities.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, vec!["Emmanuel Macron", "Kiev"]);
    assert_eq!(selected.entities[0].mentions, 3, "mention counts stay global");
    assert_eq!(selected.quads.len(), 1);
    assert_eq!(
        selected.quads[0].predicate,
        "<https://w3id.org/trame/ontology#location>"
    );
    assert_eq!(selected.mentions.len(), 4);
}

#[test]
fn snapshot_is_deterministic() {
    let one = store_with(&[support::document_a(), support::document_b()]);
    let two = store_with(&[support::document_b(), support::document_a()]);
    let mut a = one.snapshot(&SnapshotOptions::default()).unwrap();
    let mut b = two.snapshot(&SnapshotOptions::default()).unwrap();
    // dateAdded differs between the two stores by design.
    for snapshot in [&mut a, &mut b] {
        snapshot.quads.retain(|q| !q.predicate.contains("dateAdded"));
    }
    assert_eq!(a, b);
    let mut sorted = a.quads.clone();
    sorted.sort_by(|x, y| {
        (&x.graph, &x.subject, &x.predicate, &x.object).cmp(&(&y.graph, &y.subject, &y.predicate, &y.object))
    });
    assert_eq!(a.quads, sorted);
}

#[test]
fn known_entities_gather_aliases() {
    let store = store_with(&[support::document_a(), support::document_b()]);
    let known = store.known_entities().unwrap();
    assert_eq!(known.len(), 8);
    let (iri, macron) = known.iter().find(|(_, e)| e.label == "Emmanuel Macron").unwrap();
    assert_eq!(iri, "https://w3id.org/trame/entity/person/emmanuel-macron");
    assert_eq!(macron.kind, crate::facts::EntityKind::Person);
    assert_eq!(macron.aliases, vec!["Macron".to_string()]);
}

#[test]
fn the_merge_graph_joins_entities_for_readers_and_is_replaced_whole() {
    let store = store_with(&[support::document_a(), support::document_b()]);
    let before = store.snapshot(&SnapshotOptions::default()).unwrap();
    let macron = iri::entity(crate::facts::EntityKind::Person, "Emmanuel Macron");
    let paris = before.entities.iter().find(|e| e.label == "Paris").unwrap().iri.clone();
    // Read Paris as if it were Macron: every reader follows the link.
    let link = SameAs {
        entity: paris.clone(),
        canonical: macron.clone(),
    };
    let written = store
        .put_merge(&MergeDecisions {
            links: vec![link.clone()],
            alt_labels: vec![(macron.clone(), "Le Président".into())],
            mentions: vec![],
        })
        .unwrap();
    assert_eq!(written, 2);
    let after = store.snapshot(&SnapshotOptions::default()).unwrap();
    assert_eq!(after.entities.len(), before.entities.len() - 1);
    let merged = after.entities.iter().find(|e| e.iri == macron).unwrap();
    assert_eq!(merged.kind, "PER", "the kept entity keeps its type");
    assert!(merged.aliases.contains(&"Paris".to_string()) && merged.aliases.contains(&"Le Président".to_string()));
    assert!(after.mentions.iter().all(|m| m.entity_iri != paris));
    assert!(after
        .relations
        .iter()
        .all(|r| r.subject_iri != paris && r.object_iri.as_deref() != Some(paris.as_str())));
    // The document graphs are untouched; SPARQL sees the link itself.
    let same = rows(
        &store,
        "SELECT ?a ?b WHERE { GRAPH <https://w3id.org/trame/merge> { ?a owl:sameAs ?b } }",
    );
    assert_eq!(same, vec![vec![paris.clone(), macron.clone()]]);
    assert!(store.known_entities().unwrap().iter().any(|(i, _)| *i == paris));
    // Writing again replaces; no links removes the graph.
    store
        .put_merge(&crate::store::MergeDecisions {
            links: vec![link],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        rows(
            &store,
            "SELECT ?n WHERE { GRAPH <https://w3id.org/trame/merge> { ?e skos:altLabel ?n } }"
        )
        .len(),
        0
    );
    store.put_merge(&Default::default()).unwrap();
    assert_eq!(store.snapshot(&SnapshotOptions::default()).unwrap(), before);
}

#[test]
fn every_emitted_class_and_property_is_declared() {
    let store = store_with(&[support::document_a(), support::document_b()]);
    assert_eq!(store.undeclared_terms().unwrap(), Vec::<String>::new());
    let mut bad = support::document_b();
    bad.facts[0].predicate = "notInTheOntology".into();
    bad.facts[0]
        .arguments
        .push(("alsoNotDeclared".into(), crate::facts::Object::Entity(1)));
    store.put_document(&bad).unwrap();
    assert_eq!(
        store.undeclared_terms().unwrap(),
        vec![
            "https://w3id.org/trame/ontology#alsoNotDeclared".to_string(),
            "https://w3id.org/trame/ontology#notInTheOntology".to_string()
        ]
    );
}

#[test]
fn ontology_terms_have_bilingual_labels_domain_and_range() {
    let store = store_with(&[]);
    let missing = rows(
        &store,
        "SELECT ?term ?what WHERE { GRAPH <https://w3id.org/trame/ontology> {
            ?term a ?kind .
            VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty rdf:Property }
            FILTER(STRSTARTS(STR(?term), STR(trame:)))
            { FILTER NOT EXISTS { ?term rdfs:label ?fr FILTER(LANG(?fr) = \"fr\") } BIND(\"label@fr\" AS ?what) }
            UNION { FILTER NOT EXISTS { ?term rdfs:label ?en FILTER(LANG(?en) = \"en\") } BIND(\"label@en\" AS ?what) }
            UNION { FILTER(?kind != owl:Class) FILTER NOT EXISTS { ?term rdfs:domain ?d } BIND(\"domain\" AS ?what) }
            UNION { FILTER(?kind != owl:Class && ?term != trame:topic) FILTER NOT EXISTS { ?term rdfs:range ?r } BIND(\"range\" AS ?what) }
        } } ORDER BY ?term ?what",
    );
    assert_eq!(missing, Vec::<Vec<String>>::new());
    let required = [
        "Person",
        "Organization",
        "Place",
        "Event",
        "Document",
        "Sentence",
        "Mention",
        "Statement",
        "Misc",
        "document",
        "text",
        "start",
        "end",
        "lemma",
        "extractorVersion",
        "confidence",
        "negated",
        "hypothetical",
        "reported",
        "rule",
        "reportedBy",
        "role",
        "relatedTo",
        "recipient",
        "target",
        "partner",
        "location",
        "time",
        "topic",
        "quote",
        "country",
        "memberOf",
        "source",
        "sentence",
        "refersTo",
        "sourcePath",
        "title",
        "contentHash",
        "dateAdded",
        "language",
    ];
    for local in required {
        let mut out = Vec::new();
        store
            .query_to_writer(
                &format!("ASK {{ GRAPH <https://w3id.org/trame/ontology> {{ trame:{local} a ?k }} }}"),
                Some(ResultFormat::Csv),
                false,
                &mut out,
            )
            .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap().trim(),
            "true",
            "trame:{local} is not declared"
        );
    }
}

#[test]
fn query_who_did_what() {
    let (a, b) = (support::document_a(), support::document_b());
    let store = store_with(&[a.clone(), b.clone()]);
    let mut got = rows(&store, &query_file("who-did-what.rq"));
    got.sort();
    let (da, db) = (doc_iri(&a), doc_iri(&b));
    let mut expected = vec![
        vec![
            "Emmanuel Macron",
            "relatedTo",
            "rencontrer",
            "Volodymyr Zelensky",
            "",
            "",
            "lundi",
            "Paris",
            &da,
        ],
        vec![
            "France",
            "relatedTo",
            "reprendre",
            "Ukraine",
            "reported by AFP",
            "",
            "",
            "",
            &da,
        ],
        vec!["Emmanuel Macron", "role", "président", "président", "", "", "", "", &da],
        vec![
            "Emmanuel Macron",
            "location",
            "rendre",
            "Kiev",
            "hypothetical",
            "",
            "",
            "",
            &db,
        ],
    ];
    expected.sort();
    assert_eq!(got, expected);
}

#[test]
fn query_about_entity() {
    let store = store_with(&[support::document_a(), support::document_b()]);
    let mut got: Vec<Vec<String>> = rows(&store, &query_file("about-entity.rq"))
        .into_iter()
        .map(|row| row[..5].to_vec())
        .collect();
    got.sort();
    let mut expected = vec![
        vec![
            "subject",
            "relatedTo",
            "rencontrer",
            "Volodymyr Zelensky",
            "Emmanuel Macron a rencontré Volodymyr Zelensky à Paris lundi.",
        ],
        vec![
            "subject",
            "relatedTo",
            "attaquer",
            "Poutine",
            "Macron n'a pas attaqué Poutine.",
        ],
        vec![
            "subject",
            "role",
            "président",
            "président",
            "Emmanuel Macron a rencontré Volodymyr Zelensky à Paris lundi.",
        ],
        vec![
            "subject",
            "location",
            "rendre",
            "Kiev",
            "Le président Emmanuel Macron s'est rendu à Kiev.",
        ],
    ];
    expected.sort();
    assert_eq!(got, expected);
}

#[test]
fn query_entities_by_type() {
    let store = store_with(&[support::document_a(), support::document_b()]);
    let got: Vec<Vec<String>> = rows(&store, &query_file("entities-by-type.rq"))
        .into_iter()
        .map(|r| r[..3].to_vec())
        .collect();
    let expected = [
        ["Organization", "AFP", "1"],
        ["Person", "Emmanuel Macron", "3"],
        ["Person", "Poutine", "1"],
        ["Person", "Volodymyr Zelensky", "1"],
        ["Place", "France", "1"],
        ["Place", "Kiev", "1"],
        ["Place", "Paris", "1"],
        ["Place", "Ukraine", "1"],
    ];
    assert_eq!(got, expected.map(|r| r.map(String::from).to_vec()).to_vec());
}

#[test]
fn query_co_mentioned_pairs() {
    let store = store_with(&[support::document_a(), support::document_b()]);
    let got = rows(&store, &query_file("co-mentioned.rq"));
    let expected = [
        ["AFP", "France", "1"],
        ["AFP", "Ukraine", "1"],
        ["Emmanuel Macron", "Kiev", "1"],
        ["Emmanuel Macron", "Paris", "1"],
        ["Emmanuel Macron", "Poutine", "1"],
        ["Emmanuel Macron", "Volodymyr Zelensky", "1"],
        ["France", "Ukraine", "1"],
        ["Volodymyr Zelensky", "Paris", "1"],
    ];
    assert_eq!(got, expected.map(|r| r.map(String::from).to_vec()).to_vec());
}

#[test]
fn query_facts_with_sentences() {
    let a = support::document_a();
    let store = store_with(std::slice::from_ref(&a));
    let got = rows(&store, &query_file("facts-with-sentences.rq"));
    assert_eq!(got.len(), 4);
    let (start, end) = support::span(support::TEXT_A, "la France reprendra l'aide à l'Ukraine", 0);
    let aid = got.iter().find(|r| r[0] == "France").unwrap();
    assert_eq!(
        aid,
        &vec![
            "France".to_string(),
            "relatedTo".into(),
            "Ukraine".into(),
            "0.7".into(),
            "false".into(),
            "false".into(),
            "true".into(),
            "Selon l'AFP, la France reprendra l'aide à l'Ukraine.".into(),
            start.to_string(),
            end.to_string(),
            doc_iri(&a),
        ]
    );
    let starts: Vec<usize> = got.iter().map(|r| r[8].parse().unwrap()).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
}

#[test]
fn malformed_query_reports_line_and_column() {
    let store = store_with(&[]);
    let error = store.select("SELECT ?s WHERE {\n  ?s ?p \n}").unwrap_err();
    match &error {
        // The `}` where the object should be: line 3, column 1.
        StoreError::Query { line, column, .. } => assert_eq!((*line, *column), (3, 1)),
        other => panic!("unexpected {other:?}"),
    }
    assert!(error.is_usage());
    assert!(
        error
            .to_string()
            .starts_with("SPARQL syntax error at line 3, column 1: unexpected `}`; expected a variable"),
        "{error}"
    );
}

#[test]
fn select_formats() {
    let store = store_with(&[support::document_b()]);
    let query = "SELECT ?label WHERE { ?e a trame:Place ; skos:prefLabel ?label }";
    let render = |format| {
        let mut out = Vec::new();
        store.query_to_writer(query, format, false, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    assert_eq!(render(None), "label\r\nKiev\r\n");
    assert_eq!(render(Some(ResultFormat::Tsv)), "?label\n\"Kiev\"\n");
    assert_eq!(render(Some(ResultFormat::Table)), "label\n─────\nKiev\n");
    assert_eq!(
        render(Some(ResultFormat::Json)),
        r#"{"head":{"vars":["label"]},"results":{"bindings":[{"label":{"type":"literal","value":"Kiev"}}]}}"#
    );
    let mut out = Vec::new();
    let error = store
        .query_to_writer(query, Some(ResultFormat::Turtle), false, &mut out)
        .unwrap_err();
    assert!(error.is_usage());
}

#[test]
fn construct_writes_turtle_with_prefixes() {
    let store = store_with(&[support::document_b()]);
    let mut out = Vec::new();
    let kind = store
        .query_to_writer(
            "CONSTRUCT { ?e skos:prefLabel ?l } WHERE { ?e a trame:Place ; skos:prefLabel ?l }",
            None,
            true,
            &mut out,
        )
        .unwrap();
    assert_eq!(kind, QueryKind::Graph { triples: 1 });
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("<https://w3id.org/trame/entity/place/kiev> skos:prefLabel \"Kiev\" ."),
        "{text}"
    );
}

#[test]
fn update_runs_in_one_transaction() {
    let store = store_with(&[support::document_b()]);
    let before = store.len().unwrap();
    store
        .update("INSERT DATA { GRAPH <urn:notes> { <urn:a> rdfs:label \"note\" } }")
        .unwrap();
    assert_eq!(store.len().unwrap(), before + 1);
    // The second operation fails to parse: nothing is applied.
    assert!(store
        .update("INSERT DATA { <urn:b> rdfs:label \"x\" } ; DELETE {")
        .is_err());
    assert_eq!(store.len().unwrap(), before + 1);
    store.update("DELETE WHERE { GRAPH ?g { <urn:a> ?p ?o } }").unwrap();
    assert_eq!(store.len().unwrap(), before);
}

#[test]
fn nquads_and_jsonld_round_trip_into_a_fresh_store() {
    let store = store_with(&[support::document_a(), support::document_b()]);
    for format in [RdfFormat::NQuads, RdfFormat::JsonLd] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(format!("dump.{}", format.extension()));
        let mut out = Vec::new();
        store.write_rdf(format, &mut out).unwrap();
        std::fs::write(&file, out).unwrap();
        let fresh = Store::open(&dir.path().join("db")).unwrap();
        let read = fresh.load_rdf(&[&file], None, &no_merge).unwrap().quads[0];
        assert!(read > 100);
        assert_eq!(all_quads(&fresh), all_quads(&store), "{format:?}");
        assert_eq!(
            fresh.snapshot(&SnapshotOptions::default()).unwrap(),
            store.snapshot(&SnapshotOptions::default()).unwrap()
        );
    }
}

/// No cross-document merging (the store's own tests do not load the rules).
fn no_merge(_: &[(String, trame_facts::KnownEntity)], _: &[(String, trame_facts::CandidateName)]) -> MergeDecisions {
    MergeDecisions::default()
}

#[test]
fn load_writes_the_merge_and_claims_a_build_would_through_either_path() {
    let (a, b) = (support::document_a(), support::document_b());
    // The same article under another name: every fact of A becomes a claim.
    let mut a2 = a.clone();
    a2.source = "copy-of-a.txt".into();
    a2.content_hash = "1".repeat(64);
    let macron = iri::entity(crate::facts::EntityKind::Person, "Emmanuel Macron");
    let paris = iri::entity(crate::facts::EntityKind::Place, "Paris");
    let link = SameAs {
        entity: paris.clone(),
        canonical: macron.clone(),
    };
    let alt = (macron.clone(), "Le Président".to_string());
    let decisions = MergeDecisions {
        links: vec![link.clone()],
        alt_labels: vec![alt.clone()],
        mentions: Vec::new(),
    };
    let decide = |entities: &[(String, trame_facts::KnownEntity)], _: &[(String, trame_facts::CandidateName)]| {
        assert!(
            entities.iter().any(|(iri, _)| *iri == paris),
            "the merge step sees every document"
        );
        decisions.clone()
    };
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("dump.nq");
    let source = store_with(&[a.clone(), a2, b]);
    let mut out = Vec::new();
    source.write_rdf(RdfFormat::NQuads, &mut out).unwrap();
    std::fs::write(&dump, out).unwrap();
    // What building the documents then merging gives.
    source.put_merge(&decisions).unwrap();
    let expected = all_quads(&source);
    assert!(
        expected.iter().any(|q| q.contains("/claims>")),
        "the fixture has claims"
    );

    // An empty store: the bulk loader.
    let fresh = Store::open(&dir.path().join("fresh")).unwrap();
    let loaded = fresh.load_rdf(&[&dump], None, &decide).unwrap();
    assert!(loaded.bulk);
    assert_eq!(loaded.decisions.links, vec![link.clone()]);
    assert_eq!(all_quads(&fresh), expected);

    // A store holding documents (A, and another article the dump lacks):
    // one transaction that replaces A, keeps the other, and recomputes the
    // merge and claims over both.
    let older = Store::open(&dir.path().join("older")).unwrap();
    let mut other = a.clone();
    other.source = "other.txt".into();
    other.content_hash = "2".repeat(64);
    older.put_document(&a).unwrap();
    older.put_document(&other).unwrap();
    let other_iri = format!("<{}>", iri::document(&other.content_hash));
    let other_quads: BTreeSet<String> = all_quads(&older)
        .into_iter()
        .filter(|q| q.ends_with(&other_iri))
        .collect();
    let loaded = older.load_rdf(&[&dump], None, &decide).unwrap();
    assert!(!loaded.bulk);
    let documents = |quads: &BTreeSet<String>| -> BTreeSet<String> {
        quads
            .iter()
            .filter(|q| {
                q.rsplit(' ')
                    .next()
                    .is_some_and(|g| g.starts_with(&format!("<{}", iri::DOC_BASE)))
            })
            .cloned()
            .collect()
    };
    let after = all_quads(&older);
    let mut expected_documents = documents(&expected);
    expected_documents.extend(other_quads);
    assert_eq!(documents(&after), expected_documents);
    // The merge and claims graphs are what the transactional path computes.
    older.put_merge(&decisions).unwrap();
    assert_eq!(all_quads(&older), after);
    assert!(after.len() > expected.len());

    // Loading again changes nothing.
    older.load_rdf(&[&dump], None, &decide).unwrap();
    assert_eq!(all_quads(&older), after);
}

#[test]
fn a_load_of_several_files_is_one_write_and_killed_bulk_scraps_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.nq");
    std::fs::write(&good, "<urn:a> <urn:b> <urn:c> <urn:g> .\n").unwrap();
    let bad = dir.path().join("bad.nq");
    std::fs::write(&bad, "<urn:a> <urn:b> .\n").unwrap();
    let path = dir.path().join("db");
    let store = Store::open(&path).unwrap();
    let before = store.len().unwrap();
    assert!(matches!(
        store.load_rdf(&[&good, &bad], None, &no_merge),
        Err(StoreError::RdfSyntax { .. })
    ));
    assert_eq!(store.len().unwrap(), before, "the good file is not loaded alone");
    let loaded = store.load_rdf(&[&good, &good], None, &no_merge).unwrap();
    assert_eq!(loaded.quads, vec![1, 1]);
    assert_eq!(store.len().unwrap(), before + 1);
    drop(store);
    // A bulk load killed before its ingestion leaves table files under
    // names RocksDB never uses; the next writer deletes them, readers keep
    // opening.
    let scrap = path.join("bulk-1234.sst");
    std::fs::write(&scrap, b"half a table").unwrap();
    assert!(Store::open_read_only(&path).is_ok());
    let store = Store::open(&path).unwrap();
    assert!(!scrap.exists());
    assert_eq!(store.len().unwrap(), before + 1);
}

#[test]
fn turtle_and_ntriples_dumps_parse_back() {
    let store = store_with(&[support::document_a()]);
    // Blank nodes (in the ontology's class unions) get new names on reading.
    let named_only = |q: &oxigraph::model::Quad| !q.to_string().contains("_:");
    let triples: BTreeSet<String> = store
        .quads_in(None)
        .unwrap()
        .into_iter()
        .filter(|q| !matches!(&q.graph_name, oxigraph::model::GraphName::NamedNode(g) if g.as_str() == iri::META_GRAPH))
        .filter(named_only)
        .map(|q| oxigraph::model::Triple::from(q).to_string())
        .collect();
    assert!(triples.len() > 300, "{}", triples.len());
    for format in [RdfFormat::Turtle, RdfFormat::NTriples] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(format!("dump.{}", format.extension()));
        let mut out = Vec::new();
        store.write_rdf(format, &mut out).unwrap();
        std::fs::write(&file, out).unwrap();
        let fresh = Store::in_memory().unwrap();
        fresh.load_rdf(&[&file], Some("urn:loaded"), &no_merge).unwrap();
        let loaded: BTreeSet<String> = fresh
            .quads_in(Some(oxigraph::model::NamedNodeRef::new_unchecked("urn:loaded").into()))
            .unwrap()
            .into_iter()
            .filter(named_only)
            .map(|q| oxigraph::model::Triple::from(q).to_string())
            .collect();
        assert_eq!(loaded, triples, "{format:?}");
    }
}

#[test]
fn load_reports_syntax_errors_with_position_and_changes_nothing() {
    let store = store_with(&[support::document_b()]);
    let before = all_quads(&store);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.ttl");
    std::fs::write(&file, "<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> \"x .\n").unwrap();
    let error = store.load_rdf(&[&file], None, &no_merge).unwrap_err();
    match &error {
        StoreError::RdfSyntax { path, line, .. } => {
            assert_eq!(path, &file);
            assert_eq!(*line, 2);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(all_quads(&store), before);
    let missing = store
        .load_rdf(&[&dir.path().join("missing.nq")], None, &no_merge)
        .unwrap_err();
    assert!(matches!(missing, StoreError::Io { .. }), "{missing:?}");
    assert!(missing.to_string().contains("missing.nq"));
    assert!(store
        .load_rdf(&[&dir.path().join("data.csv")], None, &no_merge)
        .unwrap_err()
        .is_usage());
}

#[test]
fn remove_document_by_path_hash_or_iri() {
    let (a, b) = (support::document_a(), support::document_b());
    let store = store_with(&[a.clone(), b.clone()]);
    let removed = store.remove_document("a.txt").unwrap();
    assert_eq!(
        removed.iter().map(|d| d.iri.clone()).collect::<Vec<_>>(),
        vec![doc_iri(&a)]
    );
    assert!(matches!(
        store.remove_document("a.txt"),
        Err(StoreError::UnknownDocument(_))
    ));
    store.put_document(&a).unwrap();
    store.remove_document(&b.content_hash[..8]).unwrap();
    store.remove_document(&doc_iri(&a)).unwrap();
    assert!(store.documents().unwrap().is_empty());
    let snapshot = store.snapshot(&SnapshotOptions::default()).unwrap();
    assert!(
        snapshot.entities.is_empty() && snapshot.quads.is_empty(),
        "{snapshot:?}"
    );
}

#[test]
fn stats_count_types_properties_and_degrees() {
    let store = store_with(&[support::document_a(), support::document_b()]);
    let stats = store.stats(2).unwrap();
    assert_eq!(
        (stats.documents, stats.entities, stats.statements, stats.mentions),
        (2, 8, 5, 10)
    );
    let by_type: Vec<(String, usize)> = stats
        .entities_by_type
        .iter()
        .map(|c| (c.key.clone(), c.count))
        .collect();
    assert_eq!(
        by_type,
        vec![
            ("PER".into(), 3),
            ("ORG".into(), 1),
            ("LOC".into(), 4),
            ("MISC".into(), 0)
        ]
    );
    let by_property: Vec<(String, usize)> = stats
        .facts_by_property
        .iter()
        .map(|c| (c.key.clone(), c.count))
        .collect();
    assert_eq!(
        by_property,
        vec![("relatedTo".into(), 3), ("location".into(), 1), ("role".into(), 1)]
    );
    let top: Vec<(String, usize)> = stats.top_entities.iter().map(|d| (d.label.clone(), d.degree)).collect();
    assert_eq!(top, vec![("Emmanuel Macron".into(), 4), ("France".into(), 1)]);
}

#[test]
fn folders_that_are_not_stores_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "hello").unwrap();
    let error = Store::open(dir.path()).err().unwrap();
    assert!(matches!(error, StoreError::NotAStore { .. }), "{error:?}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let file = dir.path().join("notes.txt");
    assert!(matches!(
        Store::open(&file).err().unwrap(),
        StoreError::NotAStore { .. }
    ));
    assert!(matches!(
        Store::open_read_only(&dir.path().join("none")).err().unwrap(),
        StoreError::Missing { .. }
    ));
    assert!(!dir.path().join("none").exists());
}

#[test]
fn a_store_whose_creation_was_killed_is_unfinished_for_readers_and_finished_by_a_writer() {
    // What a SIGKILL during RocksDB's creation of a store leaves: its
    // identity, lock, log and first manifest, but no CURRENT yet.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    std::fs::create_dir(&path).unwrap();
    for name in ["IDENTITY", "LOCK", "LOG"] {
        std::fs::write(path.join(name), "").unwrap();
    }
    let error = Store::open_read_only(&path).err().unwrap();
    assert!(matches!(error, StoreError::Unfinished { .. }), "{error}");
    assert!(error.to_string().contains("run the build again"), "{error}");
    {
        let store = Store::open(&path).unwrap();
        store.put_document(&support::document_b()).unwrap();
    }
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(reader.documents().unwrap().len(), 1);
}

#[test]
fn newer_formats_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        store.put_document(&support::document_b()).unwrap();
        store
            .update(&format!(
                "DELETE {{ GRAPH <{g}> {{ <{g}> trame:formatVersion ?v }} }} INSERT {{ GRAPH <{g}> {{ <{g}> trame:formatVersion 99 }} }} WHERE {{ GRAPH <{g}> {{ <{g}> trame:formatVersion ?v }} }}",
                g = iri::META_GRAPH
            ))
            .unwrap();
    }
    for error in [
        Store::open(dir.path()).err().unwrap(),
        Store::open_read_only(dir.path()).err().unwrap(),
    ] {
        match error {
            StoreError::NewerFormat { found, supported, .. } => assert_eq!((found, supported), (99, FORMAT_VERSION)),
            other => panic!("unexpected {other:?}"),
        }
    }
}

#[test]
fn read_only_stores_read_but_refuse_writes_and_a_second_writer_is_told_why() {
    let dir = tempfile::tempdir().unwrap();
    let writer = Store::open(dir.path()).unwrap();
    writer.put_document(&support::document_a()).unwrap();
    let second = Store::open(dir.path()).err().unwrap();
    assert!(matches!(second, StoreError::Locked { .. }), "{second:?}");
    let reader = Store::open_read_only(dir.path()).unwrap();
    assert_eq!(reader.documents().unwrap().len(), 1);
    assert!(matches!(
        reader.put_document(&support::document_b()),
        Err(StoreError::ReadOnly { .. })
    ));
    assert!(matches!(
        reader.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }"),
        Err(StoreError::ReadOnly { .. })
    ));
}

#[test]
fn the_ontology_is_loaded_once_and_refreshed_on_change() {
    let dir = tempfile::tempdir().unwrap();
    let first = Store::open(dir.path()).unwrap().len().unwrap();
    assert!(first > 300, "{first}");
    // Simulate an older ontology: drop a declaration and change the hash.
    {
        let store = Store::open(dir.path()).unwrap();
        store
            .update(&format!(
                "DELETE WHERE {{ GRAPH <{o}> {{ trame:role ?p ?v }} }}; DELETE WHERE {{ GRAPH <{m}> {{ ?s trame:ontologyHash ?h }} }}",
                o = iri::ONTOLOGY_GRAPH,
                m = iri::META_GRAPH
            ))
            .unwrap();
    }
    assert_eq!(Store::open(dir.path()).unwrap().len().unwrap(), first);
}

#[test]
fn a_panic_in_the_query_engine_is_an_engine_error_with_its_hint() {
    let error =
        guard_engine::<()>(|| panic!("user-provided comparison function does not correctly implement a total order"))
            .err()
            .unwrap();
    assert!(matches!(error, StoreError::Engine { .. }), "{error}");
    let message = error.to_string();
    assert!(message.contains("sort on STR(?x)"), "{message}");
    assert!(message.contains("the store is unchanged"), "{message}");
    let other = guard_engine::<()>(|| panic!("something else"))
        .err()
        .unwrap()
        .to_string();
    assert!(
        other.contains("something else") && !other.contains("STR(?x)"),
        "{other}"
    );
}
