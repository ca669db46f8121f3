//! Issue 3: a test fails when the code emits a class or property that the
//! ontology does not declare. Builds real articles with the real binary
//! (the seed and the Wikinews corpus, so that many rules and predicate
//! mappings fire) and asks the store for every term it cannot find in
//! `ontology/trame.ttl` or `ontology/relations.ttl`.

use std::path::Path;

use trame::store::Store;

use crate::support::trame;

#[test]
fn every_term_a_build_emits_is_declared_in_the_ontology() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    trame()
        .args(["build", "--quiet", "--store"])
        .arg(&store)
        .arg(root.join("seeds"))
        .arg(root.join("tests/data/wikinews-fr-2018"))
        .assert()
        .success();
    let store = Store::open_read_only(&store).unwrap();
    let (_, rows) = store
        .select("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s a trame:Statement ; rdf:predicate ?p }")
        .unwrap();
    let distinct_predicates: usize = rows[0][0]
        .as_deref()
        .and_then(|n| n.split('"').nth(1).or(Some(n)))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    // Many rules and mappings must have fired for the check to mean something.
    assert!(
        distinct_predicates >= 30,
        "only {distinct_predicates} distinct predicates"
    );
    assert_eq!(store.undeclared_terms().unwrap(), Vec::<String>::new());
}
