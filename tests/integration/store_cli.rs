//! End-to-end tests of the store commands with the real binary: query,
//! update, load, rm, stats, and the one-line errors for bad stores.

use predicates::prelude::*;
use trame::store::Store;

use crate::support::{check_golden, documents, fixture_store, repo, trame_on};

fn doc_iri(doc: &trame::facts::Document) -> String {
    trame::store::iri::document(&doc.content_hash)
}

#[test]
fn query_prints_csv_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    trame_on(&store)
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
    let query = repo("queries/who-did-what.rq");
    let output = trame_on(&store)
        .arg("query")
        .arg("-f")
        .arg(&query)
        .args(["--format", "table"])
        .output()
        .unwrap();
    assert!(output.status.success());
    check_golden("store_who_did_what.txt", &String::from_utf8(output.stdout).unwrap());
}

#[test]
fn query_formats_json_xml_tsv_ask_and_construct() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let select = "SELECT ?label WHERE { ?e a trame:Organization ; skos:prefLabel ?label }";
    trame_on(&store)
        .args(["query", select, "--format", "json"])
        .assert()
        .success()
        .stdout(r#"{"head":{"vars":["label"]},"results":{"bindings":[{"label":{"type":"literal","value":"AFP"}}]}}"#);
    trame_on(&store)
        .args(["query", select, "--format", "xml"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "<binding name=\"label\"><literal>AFP</literal></binding>",
        ));
    trame_on(&store)
        .args(["query", select, "--format", "tsv"])
        .assert()
        .success()
        .stdout("?label\n\"AFP\"\n");
    trame_on(&store)
        .args(["query", "ASK { ?s trame:role \"président\" }"])
        .assert()
        .success()
        .stdout("true\n");
    trame_on(&store)
        .args(["query", "ASK { ?s trame:role \"roi\" }", "--format", "table"])
        .assert()
        .success()
        .stdout("false\n");
    trame_on(&store)
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
    trame_on(&store)
        .args(["query", "SELECT ?s\nWHERE { ?s ?p }"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "trame: SPARQL syntax error at line 2, column 15: unexpected `}`; expected a variable",
        ));
    trame_on(&store)
        .args(["query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "--format", "csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use --format turtle, nt or json"));
}

#[test]
fn query_file_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    trame_on(&store)
        .args(["query", "-f", "no/such.rq"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such.rq"));
}

#[test]
fn update_changes_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    trame_on(&store)
        .args([
            "update",
            "INSERT DATA { GRAPH <urn:notes> { <urn:n> rdfs:label \"note\" } }",
        ])
        .assert()
        .success()
        .stderr(predicate::str::starts_with("update applied:"));
    trame_on(&store)
        .args(["query", "SELECT ?l WHERE { <urn:n> rdfs:label ?l }"])
        .assert()
        .success()
        .stdout("l\r\nnote\r\n");
    trame_on(&store)
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
    trame_on(&fresh)
        .arg("load")
        .arg(&dump)
        .assert()
        .success()
        .stderr(predicate::str::contains("loaded"));
    let output = trame_on(&fresh).args(["stats", "--format", "json"]).output().unwrap();
    assert!(output.status.success());
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(stats["documents"], 2);
    assert_eq!(stats["entities"], 8);
    assert_eq!(stats["statements"], 5);
    let bad = dir.path().join("bad.nq");
    std::fs::write(&bad, "<urn:a> <urn:b> .\n").unwrap();
    trame_on(&fresh)
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
    let output = trame_on(&store).args(["stats", "--top", "3"]).output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    // The quad total depends on the ontology size; compare the rest.
    let without_quads: String = text
        .lines()
        .filter(|l| !l.starts_with("total,quads,"))
        .map(|l| format!("{l}\n"))
        .collect();
    check_golden("store_stats.csv", &without_quads);
}

#[test]
fn rm_removes_by_path_and_refuses_unknown_documents() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let a = documents::document_a();
    trame_on(&store)
        .args(["rm", "nope.txt", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no document matches \"nope.txt\""));
    trame_on(&store)
        .args(["rm", "a.txt"])
        .assert()
        .success()
        .stderr(format!("removed a.txt ({})\n", doc_iri(&a)));
    trame_on(&store)
        .args(["query", "SELECT ?s WHERE { ?d trame:sourcePath ?s }"])
        .assert()
        .success()
        .stdout("s\r\nb.txt\r\n");
}

/// Issue 12: paths in messages are quoted as a shell needs them, so the
/// command a message suggests can be copied back.
#[test]
fn paths_with_spaces_are_quoted_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("my stores").join("trame db");
    let quoted = format!("'{}'", missing.display());
    trame_on(&missing).args(["stats"]).assert().code(1).stderr(format!(
        "trame: no store at {quoted}; build one with `trame build FILES --store {quoted}` or pass --store\n"
    ));
    let article = dir.path().join("mon article.txt");
    let store = dir.path().join("plain.db");
    trame_on(&store)
        .args(["build", "--quiet"])
        .arg(&article)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "'{}': no such file or folder",
            article.display()
        )));
}

#[test]
fn bad_stores_get_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "hello").unwrap();
    trame_on(&file)
        .args(["query", "ASK {}"])
        .assert()
        .code(1)
        .stderr(format!("trame: {} is not a trame store (it is a file or a folder holding other files); pass --store with a new or empty folder\n", file.display()));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "hello");
    let missing = dir.path().join("missing");
    trame_on(&missing)
        .args(["stats"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("no store at {}", missing.display())));
    assert!(!missing.exists());
    let foreign = dir.path().join("foreign");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("photo.jpg"), "x").unwrap();
    trame_on(&foreign)
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
    trame_on(&store)
        .args([
            "update",
            "DELETE { GRAPH ?g { ?s trame:formatVersion ?v } } INSERT { GRAPH ?g { ?s trame:formatVersion 42 } } WHERE { GRAPH ?g { ?s trame:formatVersion ?v } }",
        ])
        .assert()
        .success();
    trame_on(&store)
        .args(["query", "ASK {}"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "has format version 42, newer than this trame supports (1); upgrade trame",
        ));
}
