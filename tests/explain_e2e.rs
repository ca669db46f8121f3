//! End-to-end tests of `trame explain`, running the real binary on a store
//! built from the seed article. They need the model, the extractor and the
//! store.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use trame::facts::{Document, Entity, EntityKind, Fact, Literal, LiteralKind, Mention, Node, Object, Sentence};

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
        .stderr(predicate::str::contains("nothing in").and(predicate::str::contains("Personne Inconnue")));
}

/// A small document written straight through the store, without the model:
/// "Titre" then one sentence at character 6 of the text.
fn hand_made_store(store: &Path) {
    let sentence = "Le secrétaire d’État Marco Rubio a parlé à Djeddah.";
    let text = format!("Titre\n{sentence}\n");
    let s0 = 6;
    let fact = |predicate: &str, object, start, end, confidence, rule: &str| Fact {
        subject: Node::Entity(0),
        predicate: predicate.into(),
        lemma: "parler".into(),
        object,
        arguments: vec![],
        sentence: 0,
        start,
        end,
        confidence,
        negated: false,
        hypothetical: false,
        reported: false,
        reported_by: None,
        rule: rule.into(),
        event: None,
    };
    let document = Document {
        source: "hand.txt".into(),
        title: Some("Titre".into()),
        text,
        content_hash: "ab".repeat(32),
        language: "fr".into(),
        sentences: vec![Sentence {
            start: s0,
            end: s0 + sentence.chars().count(),
            text: sentence.into(),
        }],
        entities: vec![
            Entity {
                label: "Marco Rubio".into(),
                kind: EntityKind::Person,
                aliases: vec!["Rubio".into()],
            },
            Entity {
                label: "Djeddah".into(),
                kind: EntityKind::Place,
                aliases: vec![],
            },
        ],
        mentions: vec![
            Mention {
                entity: 0,
                sentence: 0,
                start: s0 + 21,
                end: s0 + 32,
                text: "Marco Rubio".into(),
            },
            Mention {
                entity: 1,
                sentence: 0,
                start: s0 + 43,
                end: s0 + 50,
                text: "Djeddah".into(),
            },
        ],
        concepts: vec![],
        name_candidates: vec![],
        facts: vec![
            fact(
                "role",
                Object::Literal(Literal {
                    text: "secrétaire d'État".into(),
                    kind: LiteralKind::Text,
                }),
                s0,
                s0 + 32,
                0.9,
                "appos-title",
            ),
            fact("speaksAt", Object::Entity(1), s0 + 21, s0 + 50, 0.4, "svo"),
        ],
        date: None,
        timexes: Vec::new(),
    };
    trame::store::Store::open(store)
        .unwrap()
        .put_document(&document)
        .unwrap();
}

#[test]
fn explain_prints_facts_of_a_stored_entity_with_their_spans() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    hand_made_store(&store);

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
