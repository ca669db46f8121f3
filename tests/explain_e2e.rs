//! End-to-end tests of `trame explain`, running the real binary on a store
//! built from the seed article. They need the model, the extractor and the
//! store: run with `cargo test --test explain_e2e -- --include-ignored`.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn trame() -> Command {
    let mut command = Command::cargo_bin("trame").unwrap();
    command.env_remove("TRAME_STORE").env("NO_COLOR", "1");
    command
}

fn build_seed(store: &Path) {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/000_9c81224ff3cb7629.txt");
    trame()
        .arg("build")
        .arg(seed)
        .arg("--store")
        .arg(store)
        .arg("--quiet")
        .assert()
        .success();
}

#[test]
#[ignore = "needs the model, the extractor and the store"]
fn explain_an_alias_shows_facts_with_sentences_spans_confidence_and_rule() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    build_seed(&store);

    let assert = trame()
        .args(["explain", "Rubio", "--store"])
        .arg(&store)
        .assert()
        .success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(stdout.starts_with("Marco Rubio (PER"), "{stdout}");
    assert!(
        stdout.contains("confidence 0.") || stdout.contains("confidence 1.00"),
        "{stdout}"
    );
    assert!(stdout.contains(" · rule "), "{stdout}");
    // Not a terminal: the span is bracketed, no colour escapes.
    assert!(stdout.contains('«') && !stdout.contains('\x1b'), "{stdout}");
    assert!(stdout.contains("Rubio"), "{stdout}");

    trame()
        .args(["explain", "Personne Inconnue", "--store"])
        .arg(&store)
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(
            predicate::str::contains("nothing in")
                .and(predicate::str::contains("Personne Inconnue")),
        );
}
