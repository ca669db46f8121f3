//! End-to-end tests of the store commands with the real binary: query,
//! update, load, rm, stats, and the one-line errors for bad stores.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use trame::facts as trame_facts;
use trame::store::Store;

mod store_support;
use store_support as support;

/// A store holding the two fixture documents.
fn fixture_store(dir: &Path) -> PathBuf {
    let path = dir.join("db");
    let store = Store::open(&path).unwrap();
    store.put_document(&support::document_a()).unwrap();
    store.put_document(&support::document_b()).unwrap();
    path
}

fn trame(store: &Path) -> Command {
    let mut command = Command::cargo_bin("trame").unwrap();
    command
        .arg("--store")
        .arg(store)
        .env_remove("TRAME_STORE")
        .env("NO_COLOR", "1");
    command
}

fn golden(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing golden file {}", path.display()))
}

fn doc_iri(doc: &trame_facts::Document) -> String {
    trame::store::iri::document(&doc.content_hash)
}

#[test]
fn query_prints_csv_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    trame(&store)
        .args([
            "query",
            "SELECT ?label WHERE { ?e a trame:Place ; skos:prefLabel ?label } ORDER BY ?label",
        ])
        .assert()
        .success()
        .stdout("label\r\nFrance\r\nKiev\r\nParis\r\nUkraine\r\n")
        .stderr("4 rows\n");
}

#[test]
fn query_file_as_table_matches_golden() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let query = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/who-did-what.rq");
    let output = trame(&store)
        .arg("query")
        .arg("-f")
        .arg(&query)
        .args(["--format", "table"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        golden("store_who_did_what.txt")
    );
}

#[test]
fn query_formats_json_xml_tsv_ask_and_construct() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let select = "SELECT ?label WHERE { ?e a trame:Organization ; skos:prefLabel ?label }";
    trame(&store)
        .args(["query", select, "--format", "json"])
        .assert()
        .success()
        .stdout(r#"{"head":{"vars":["label"]},"results":{"bindings":[{"label":{"type":"literal","value":"AFP"}}]}}"#);
    trame(&store)
        .args(["query", select, "--format", "xml"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "<binding name=\"label\"><literal>AFP</literal></binding>",
        ));
    trame(&store)
        .args(["query", select, "--format", "tsv"])
        .assert()
        .success()
        .stdout("?label\n\"AFP\"\n");
    trame(&store)
        .args(["query", "ASK { ?s trame:role \"président\" }"])
        .assert()
        .success()
        .stdout("true\n");
    trame(&store)
        .args(["query", "ASK { ?s trame:role \"roi\" }", "--format", "table"])
        .assert()
        .success()
        .stdout("false\n");
    trame(&store)
        .args([
            "query",
            "CONSTRUCT { ?e skos:prefLabel ?l } WHERE { ?e a trame:Organization ; skos:prefLabel ?l }",
            "--format",
            "nt",
        ])
        .assert()
        .success()
        .stdout("<https://w3id.org/trame/entity/organization/afp> <http://www.w3.org/2004/02/skos/core#prefLabel> \"AFP\" .\n");
}

#[test]
fn malformed_query_exits_2_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    trame(&store)
        .args(["query", "SELECT ?s\nWHERE { ?s ?p }"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "trame: SPARQL syntax error at line 2, column 16: expected",
        ));
    trame(&store)
        .args(["query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "--format", "csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use --format turtle, nt or json"));
}

#[test]
fn query_file_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    trame(&store)
        .args(["query", "-f", "no/such.rq"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such.rq"));
}

#[test]
fn update_changes_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    trame(&store)
        .args([
            "update",
            "INSERT DATA { GRAPH <urn:notes> { <urn:n> rdfs:label \"note\" } }",
        ])
        .assert()
        .success()
        .stderr(predicate::str::starts_with("update applied:"));
    trame(&store)
        .args(["query", "SELECT ?l WHERE { <urn:n> rdfs:label ?l }"])
        .assert()
        .success()
        .stdout("l\r\nnote\r\n");
    trame(&store)
        .args(["update", "INSERT DATA {"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("line 1, column"));
}

#[test]
fn load_restores_a_dump_and_stats_count_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let dump = dir.path().join("dump.nq");
    let mut out = Vec::new();
    Store::open_read_only(&store)
        .unwrap()
        .write_rdf(trame::store::RdfFormat::NQuads, &mut out)
        .unwrap();
    std::fs::write(&dump, out).unwrap();
    let fresh = dir.path().join("fresh");
    trame(&fresh)
        .arg("load")
        .arg(&dump)
        .assert()
        .success()
        .stderr(predicate::str::contains("loaded"));
    let output = trame(&fresh).args(["stats", "--format", "json"]).output().unwrap();
    assert!(output.status.success());
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(stats["documents"], 2);
    assert_eq!(stats["entities"], 8);
    assert_eq!(stats["statements"], 5);
    let bad = dir.path().join("bad.nq");
    std::fs::write(&bad, "<urn:a> <urn:b> .\n").unwrap();
    trame(&fresh)
        .arg("load")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{}:1:", bad.display())));
}

#[test]
fn stats_csv_matches_golden() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let output = trame(&store).args(["stats", "--top", "3"]).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    // The quad total depends on the ontology size; compare the rest.
    let without_quads: String = text
        .lines()
        .filter(|l| !l.starts_with("total,quads,"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(without_quads, golden("store_stats.csv"));
}

#[test]
fn rm_removes_by_path_and_refuses_unknown_documents() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let a = support::document_a();
    trame(&store)
        .args(["rm", "nope.txt", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no document matches \"nope.txt\""));
    trame(&store)
        .args(["rm", "a.txt"])
        .assert()
        .success()
        .stderr(format!("removed a.txt ({})\n", doc_iri(&a)));
    trame(&store)
        .args(["query", "SELECT ?s WHERE { ?d trame:sourcePath ?s }"])
        .assert()
        .success()
        .stdout("s\r\nb.txt\r\n");
}

#[test]
fn bad_stores_get_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "hello").unwrap();
    trame(&file)
        .args(["query", "ASK {}"])
        .assert()
        .code(1)
        .stderr(format!("trame: {} is not a trame store (it is a file or a folder holding other files); pass --store with a new or empty folder\n", file.display()));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "hello");
    let missing = dir.path().join("missing");
    trame(&missing)
        .args(["stats"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("no store at {}", missing.display())));
    assert!(!missing.exists());
    let foreign = dir.path().join("foreign");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("photo.jpg"), "x").unwrap();
    trame(&foreign)
        .args(["update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is not a trame store"));
    assert_eq!(std::fs::read_dir(&foreign).unwrap().count(), 1);
}

#[test]
fn newer_store_format_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    trame(&store)
        .args([
            "update",
            "DELETE { GRAPH ?g { ?s trame:formatVersion ?v } } INSERT { GRAPH ?g { ?s trame:formatVersion 42 } } WHERE { GRAPH ?g { ?s trame:formatVersion ?v } }",
        ])
        .assert()
        .success();
    trame(&store)
        .args(["query", "ASK {}"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "has format version 42, newer than this trame supports (1); upgrade trame",
        ));
}
