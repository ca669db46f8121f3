//! End-to-end tests of `trame explain`, running the real binary on a store
//! built from the seed article. They need the model, the extractor and the
//! store.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use trame::facts::{EntityKind, LiteralKind, Object};

use crate::support::documents::{entity, literal, Draft};
use crate::support::{seed_store, store_with, trame};

#[test]

fn explain_an_alias_shows_facts_with_sentences_spans_confidence_and_rule() {
    let (_dir, store) = seed_store();

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
        .stderr(predicate::str::contains("nothing in").and(predicate::str::contains("Personne Inconnue")));
}

/// A small document written straight through the store, without the model:
/// "Titre" then one sentence.
fn hand_made_store(dir: &Path) -> PathBuf {
    let d = Draft::titled("Titre", "Le secrétaire d’État Marco Rubio a parlé à Djeddah.");
    let mut role = d.fact(
        0,
        "role",
        "parler",
        literal("secrétaire d'État", LiteralKind::Text),
        "Le secrétaire d’État Marco Rubio",
        0.9,
    );
    role.rule = "appos-title".into();
    let mut speaks = d.fact(
        0,
        "speaksAt",
        "parler",
        Object::Entity(1),
        "Marco Rubio a parlé à Djeddah",
        0.4,
    );
    speaks.rule = "svo".into();
    let entities = vec![
        entity("Marco Rubio", EntityKind::Person, &["Rubio"]),
        entity("Djeddah", EntityKind::Place, &[]),
    ];
    let mentions = vec![d.mention(0, "Marco Rubio", 0), d.mention(1, "Djeddah", 0)];
    store_with(dir, &[d.document("hand.txt", entities, mentions, vec![role, speaks])])
}

#[test]
fn explain_prints_facts_of_a_stored_entity_with_their_spans() {
    let dir = tempfile::tempdir().unwrap();
    let store = hand_made_store(dir.path());

    let assert = trame()
        .args(["explain", "rubio", "--store"])
        .arg(&store)
        .assert()
        .success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(stdout.starts_with("Marco Rubio (PER; also Rubio;"), "{stdout}");
    assert!(
        stdout.contains("«Le secrétaire d’État Marco Rubio» a parlé à Djeddah."),
        "{stdout}"
    );
    assert!(
        stdout.contains("Le secrétaire d’État «Marco Rubio a parlé à Djeddah»."),
        "{stdout}"
    );
    assert!(stdout.contains("confidence 0.90 · rule appos-title"), "{stdout}");
    assert!(stdout.contains("hand.txt · "), "{stdout}");

    // Confidence filter and fact words.
    let assert = trame()
        .args(["explain", "Rubio", "speaks", "--min-confidence", "0.5", "--store"])
        .arg(&store)
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&assert.get_output().stderr).contains("nothing in"));
    trame()
        .args(["explain", "--color", "always", "Djeddah", "--store"])
        .arg(&store)
        .env_remove("NO_COLOR")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\x1b[1;33mMarco Rubio a parlé à Djeddah\x1b[0m",
        ));
}

#[test]
fn explain_without_a_store_says_so() {
    let dir = tempfile::tempdir().unwrap();
    trame()
        .args(["explain", "Rubio", "--store"])
        .arg(dir.path().join("none"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("none"));
}
