//! End-to-end tests of `trame build`, running the real binary.
//!
//! Most need the language model: `trame` installs the default (md) on first
//! use (`support::trame` clears TRAME_MODEL).

use std::path::Path;

use predicates::prelude::*;

use crate::support::{seed, trame, SEED};

const ENGLISH: &str = "The United States will immediately lift the pause on intelligence sharing and resume \
    security assistance to Ukraine, according to a joint statement released after the meeting of the delegations.";

/// Runs a SPARQL query and returns stdout, whatever its format.
fn query(store: &Path, sparql: &str) -> String {
    let output = trame().args(["query", sparql, "--store"]).arg(store).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn missing_paths_are_reported_and_fail_without_loading_the_model() {
    let dir = tempfile::tempdir().unwrap();
    trame()
        .args(["build", "no/such/file.txt", "--store"])
        .arg(dir.path().join("store"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "skipped no/such/file.txt: no such file or folder",
        ))
        .stderr(predicate::str::contains("built 0 documents (1 skipped)"));
}

#[test]
fn an_out_of_range_confidence_is_a_usage_error() {
    trame().args(["build", SEED, "--min-confidence", "2"]).assert().code(2);
}

#[test]

fn seed_builds_rebuilds_without_duplicates_and_bad_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"Le pr\xe9sident a parl\xe9 hier.").unwrap();
    let english = dir.path().join("english.txt");
    std::fs::write(&english, ENGLISH).unwrap();

    let assert = trame()
        .arg("build")
        .arg(seed())
        .arg(&bad)
        .arg(&english)
        .arg("--store")
        .arg(&store)
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("latin1.txt: invalid UTF-8 at byte 5 (line 1)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("english.txt: the text looks English (en), not French"),
        "{stderr}"
    );
    assert!(stderr.contains("built 1 document (2 skipped)"), "{stderr}");

    let count_quads = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    let count_graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    let (quads, graphs) = (query(&store, count_quads), query(&store, count_graphs));
    let explained = trame()
        .args(["explain", "Rubio", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    assert!(
        explained.status.success(),
        "{}",
        String::from_utf8_lossy(&explained.stderr)
    );

    trame()
        .arg("build")
        .arg(seed())
        .arg("--store")
        .arg(&store)
        .assert()
        .success();
    assert_eq!(
        query(&store, count_quads),
        quads,
        "a rebuild must replace the document, not add to it"
    );
    assert_eq!(query(&store, count_graphs), graphs);
    let again = trame()
        .args(["explain", "Rubio", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    assert_eq!(again.stdout, explained.stdout);
}

#[test]

fn dry_run_prints_facts_and_writes_no_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let assert = trame()
        .arg("build")
        .arg(seed())
        .arg("--dry-run")
        .arg("--store")
        .arg(&store)
        .assert()
        .success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("subject | predicate | object | confidence | status | sentence")
    );
    assert!(lines.next().is_some_and(|l| l.starts_with("# ") && l.ends_with(SEED)));
    let facts: Vec<&str> = lines.collect();
    assert!(facts.len() >= 10, "{stdout}");
    for fact in &facts {
        let fields: Vec<&str> = fact.split(" | ").collect();
        assert_eq!(fields.len(), 6, "{fact}");
        let confidence: f32 = fields[3].parse().unwrap();
        assert!((0.0..=1.0).contains(&confidence), "{fact}");
        assert!(
            fields[4] == "asserted"
                || fields[4]
                    .split("; ")
                    .all(|w| matches!(w, "negated" | "hypothetical" | "reported") || w.starts_with("reported by ")),
            "{fact}"
        );
        assert!(
            seed_text().contains(fields[5]) || fields[5].is_empty(),
            "sentence not from the seed: {fact}"
        );
    }
    assert!(facts.iter().any(|f| f.contains("Rubio")), "{stdout}");
    // The seed's conditionals and quotes are shown as what they are.
    assert!(facts.iter().any(|f| f.contains(" | hypothetical")), "{stdout}");
    assert!(facts.iter().any(|f| f.contains(" | reported")), "{stdout}");
    assert!(!store.exists(), "--dry-run must not create the store");
}

#[test]
fn a_missing_file_among_others_is_built_around_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let missing = dir.path().join("nope.txt");
    trame()
        .arg("build")
        .arg(seed())
        .arg(&missing)
        .arg("--store")
        .arg(&store)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("skipped").and(predicate::str::contains("nope.txt")));
    // The file that was there is in the store.
    trame()
        .args(["stats", "--store"])
        .arg(&store)
        .assert()
        .success()
        .stdout(predicate::str::contains("documents"));
}

#[test]

fn stdin_is_read_with_dash_and_a_folder_recursively() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::copy(seed(), nested.join("seed.md")).unwrap();
    std::fs::write(dir.path().join("a/notes.ann"), "T1 PER 0 5 x").unwrap();
    let assert = trame().arg("build").arg(dir.path()).arg("--dry-run").assert().success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("seed.md") && !stdout.contains("notes.ann"), "{stdout}");

    let assert = trame()
        .args(["build", "-", "--dry-run"])
        .write_stdin(seed_text())
        .assert()
        .success();
    let from_stdin = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(from_stdin.contains("\n# -\n"), "{from_stdin}");
}

fn seed_text() -> String {
    std::fs::read_to_string(seed()).unwrap()
}
