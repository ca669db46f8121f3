//! End-to-end extraction on the seed article as spaCy fr_core_news_md parsed
//! it (tests/fixtures/extract/seed_md.jsonl): the core facts of the gold
//! file must come out, with no pronoun or over-long objects. The CSV files
//! the scorer reads are written to a temp dir, or to $TRAME_EVAL_DIR when set
//! (then run `python3 ../shared/eval/score.py --gold ... --csv-dir $TRAME_EVAL_DIR/<article>`).

use trame::facts::{Document, Object};

use crate::support::extract::{describe, load, write_csv};
use crate::support::repo;

fn seed() -> Document {
    let path = repo("tests/fixtures/extract/seed_md.jsonl");
    let articles = load(&path);
    assert_eq!(articles.len(), 1);
    let a = &articles[0];
    trame::extract::extract_document(&a.prepared, &a.docs)
}

fn label(doc: &Document, o: &Object) -> String {
    doc.object_text(o).to_string()
}

/// A fact whose subject label contains `s`, predicate or lemma starts with
/// `p`, and object contains `o` (case-insensitive).
fn has(doc: &Document, s: &str, p: &str, o: &str) -> bool {
    doc.facts.iter().any(|f| {
        doc.node_label(f.subject).to_lowercase().contains(&s.to_lowercase())
            && (f.predicate.starts_with(p) || f.lemma.split_whitespace().any(|w| w.starts_with(p)))
            && label(doc, &f.object).to_lowercase().contains(&o.to_lowercase())
    })
}

#[test]
fn seed_core_facts() {
    let doc = seed();
    let dump = describe(&doc).join("\n");
    let expect = [
        ("États-Unis", "lifts", "pause"),
        ("États-Unis", "resumes", "Ukraine"),
        ("Ukraine", "accepts", "proposition"),
        ("États-Unis", "transmitsTo", "Russie"),
        ("Zelenskyy", "clashesWith", "Trump"),
        ("Mike Waltz", "joins", "Rubio"),
        ("Yermak", "represents", "Ukrainiens"),
        ("Trump", "stops", "aide"),
        ("Kyiv", "réparer", "Washington"),
        ("Rubio", "states", ""),
        ("Ukraine", "rejects", "accord"),
        ("Poutine", "seizes", "Crimée"),
        ("Ukraine", "attacks", "Moscou"),
        ("Kovalenko", "states", ""),
        ("OTAN", "meetsIn", "Paris"),
        ("Starmer", "expresses", "efforts"),
        ("Rubio", "role", "secrétaire d"),
        ("Yermak", "role", "chef de cabinet"),
        ("Sybiha", "role", "ministre des Affaires étrangères"),
        ("Umerov", "role", "ministre de la Défense"),
    ];
    let missing: Vec<_> = expect.iter().filter(|(s, p, o)| !has(&doc, s, p, o)).collect();
    assert!(missing.is_empty(), "missing {missing:?}\nfacts:\n{dump}");
}

#[test]
fn seed_flags_and_arguments() {
    let doc = seed();
    let dump = describe(&doc).join("\n");
    // "l'Ukraine devrait abandonner la guerre", said by Rubio: hypothetical and reported.
    let abandon = doc
        .facts
        .iter()
        .find(|f| f.predicate == "abandons")
        .unwrap_or_else(|| panic!("{dump}"));
    assert!(abandon.hypothetical && abandon.reported, "{dump}");
    assert_eq!(abandon.reported_by.map(|n| doc.node_label(n)), Some("Marco Rubio"));
    // "que le président russe Vladimir Poutine a saisi en 2014": time argument.
    let seize = doc
        .facts
        .iter()
        .find(|f| f.predicate == "seizes")
        .unwrap_or_else(|| panic!("{dump}"));
    assert!(
        seize
            .arguments
            .iter()
            .any(|(k, o)| k == "time" && label(&doc, o) == "en 2014"),
        "{dump}"
    );
    // "Les États-Unis soulèveront immédiatement la pause …": announced, not
    // yet done, so hypothetical; "L'Ukraine exclut depuis longtemps tout
    // accord" is a present the tagger marks as a future: asserted.
    let lift = doc
        .facts
        .iter()
        .find(|f| f.predicate == "lifts")
        .unwrap_or_else(|| panic!("{dump}"));
    assert!(lift.hypothetical, "{dump}");
    let reject = doc
        .facts
        .iter()
        .find(|f| f.predicate == "rejects")
        .unwrap_or_else(|| panic!("{dump}"));
    assert!(!reject.hypothetical, "{dump}");
    // "avant que les délégations ne se réunissent": an expletive "ne" negates nothing.
    assert!(doc.facts.iter().all(|f| !f.negated), "{dump}");
}

#[test]
fn seed_has_no_junk_rows() {
    let doc = seed();
    let junk = [
        "il", "elle", "ils", "on", "qui", "que", "cela", "ce", "le", "la", "les", "un", "une", "des", "en", "y",
    ];
    for f in &doc.facts {
        let o = label(&doc, &f.object);
        let words = o.split_whitespace().count();
        assert!((1..=15).contains(&words), "object of {words} words: {o}");
        assert!(!junk.contains(&o.to_lowercase().as_str()), "function-word object: {o}");
        assert!((0.0..=1.0).contains(&f.confidence));
        assert!(!f.rule.is_empty());
        assert!(f.start < f.end && f.end <= doc.text.chars().count());
    }
}

#[test]
fn seed_csv_dump() {
    let doc = seed();
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = match std::env::var_os("TRAME_EVAL_DIR") {
        Some(d) => std::path::PathBuf::from(d).join("000_9c81224ff3cb7629.txt"),
        None => tmp.path().join("seed"),
    };
    write_csv(&doc, &dir).expect("write csv");
    let relations = std::fs::read_to_string(dir.join("relations.csv")).expect("relations.csv");
    assert_eq!(
        relations
            .lines()
            .next()
            .map(|l| l.starts_with("subject_id,subject,predicate")),
        Some(true)
    );
    assert!(relations.lines().count() > doc.facts.len());
    assert_eq!(doc.content_hash.len(), 64);
}

/// A fact's span covers its whole object, so `trame explain` highlights
/// what was said, not just the speaker and the verb (issue 4, explain).
#[test]
fn seed_fact_spans_cover_their_objects() {
    let doc = seed();
    let dump = describe(&doc).join("\n");
    let chars: Vec<char> = doc.text.chars().collect();
    let span = |f: &trame::facts::Fact| chars[f.start..f.end].iter().collect::<String>();
    for fact in &doc.facts {
        assert!(fact.start <= fact.end && fact.end <= chars.len(), "{dump}");
        if let Object::Literal(literal) = &fact.object {
            // Literals are rendered from the text's own tokens (apostrophes
            // normalised for the model), so the span holds their last word.
            // A long quote is shortened with an ellipsis: check its last whole word.
            let text = literal.text.trim_end_matches('…');
            let last_word = text
                .split_whitespace()
                .last()
                .unwrap_or_default()
                .trim_matches(|c: char| !c.is_alphanumeric());
            let covered = span(fact).replace('\u{2019}', "'");
            assert!(
                covered.contains(&last_word.replace('\u{2019}', "'")),
                "span «{}» misses the end of «{}» ({})",
                span(fact),
                literal.text,
                fact.predicate
            );
        }
    }
    let suggests = doc
        .facts
        .iter()
        .find(|f| f.predicate == "suggests")
        .unwrap_or_else(|| panic!("{dump}"));
    assert!(span(suggests).contains("pourparlers à venir"), "«{}»", span(suggests));
    // An agent written as title + name ("par le conseiller à la sécurité
    // nationale Mike Waltz") is highlighted with its name.
    let passives: Vec<_> = doc.facts.iter().filter(|f| f.rule == "passive").collect();
    assert!(!passives.is_empty(), "{dump}");
    for fact in passives {
        let who = doc.node_label(fact.subject);
        assert!(
            span(fact).contains(who),
            "span «{}» misses its subject {who}",
            span(fact)
        );
    }
}
