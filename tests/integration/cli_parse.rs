//! `trame parse` and `trame model` end to end, through the real binary.

use predicates::prelude::*;

use crate::support::trame;

#[test]
fn invalid_utf8_names_file_and_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"Le caf\xe9 est ouvert.\n").unwrap();
    trame()
        .args(["parse", "--model", "sm"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("latin1.txt").and(predicate::str::contains("byte 6")));
}

#[test]
fn unknown_model_name_is_a_usage_error() {
    trame()
        .args(["model", "install", "lg"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("md, sm"));
}

#[test]
fn missing_model_folder_says_what_to_use() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "Bonjour.\n").unwrap();
    trame()
        .args(["parse", "--model", "/nonexistent/folder"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--model md"));
}

#[test]
fn model_list_is_tsv_when_piped() {
    let cache = tempfile::tempdir().unwrap();
    trame()
        .env("XDG_CACHE_HOME", cache.path())
        .args(["model", "list"])
        .assert()
        .success()
        .stdout("name\tmodel\tpath\tsize_bytes\n");
}

#[test]
fn parse_seed_matches_reference_conllu() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parity");
    let expected = std::fs::read_to_string(root.join("md/seed_000_9c81224ff3cb7629.conllu")).unwrap();
    let output = trame()
        .args(["parse", "--model", "md", "--quiet"])
        .arg(crate::support::seed())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let got = String::from_utf8(output.stdout).unwrap();
    let parity = trame::nlp::conllu::compare(&expected, &got, 5);
    assert_eq!(parity.tokens, 1.0, "{parity}");
    assert!(parity.columns.iter().all(|&c| c >= 0.99), "{parity}");
}

#[test]
fn repaired_parse_joins_a_list_the_model_cut_off() {
    // The models end a sentence after the list's first name (as after a
    // dateline); the repairs join it to its clause as the subject.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, "Paris, Berlin et Varsovie ont signé un accord.\n").unwrap();
    let run = |repaired: bool| {
        let mut cmd = trame();
        cmd.args(["parse", "--model", "md", "--quiet"]);
        if repaired {
            cmd.arg("--repaired");
        }
        let out = cmd.arg(&path).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let (plain, repaired) = (run(false), run(true));
    let texts = |conllu: &str| conllu.lines().filter(|l| l.starts_with("# text = ")).count();
    assert_eq!((texts(&plain), texts(&repaired)), (2, 1), "{plain}{repaired}");
    let first: Vec<&str> = repaired
        .lines()
        .find(|l| l.starts_with("1\tParis"))
        .unwrap()
        .split('\t')
        .collect();
    assert_eq!((first[6], first[7]), ("7", "nsubj"), "{repaired}");
}
