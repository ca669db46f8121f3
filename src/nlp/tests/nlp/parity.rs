//! End-to-end parity with spaCy: the full pipeline on the parity corpus
//! (`tests/fixtures/parity/texts.tsv`: Wikinews articles and the seed), written
//! as CoNLL-U and compared with spaCy's reference output for md and sm.
//! Tokens must be 100% identical and every other column ≥ 99.9% in
//! agreement (same definition as `tools/conllu_compare.py`).
//!
//! The model comes from `resolve_model`, exactly as the CLI gets it.

// Reports its measurements and findings on the console.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use trame_nlp::conllu::{compare, document_lines, write_doc, Parity, COLUMNS};
use trame_nlp::{resolve_model, Pipeline};

use crate::support::parity_texts;

/// Prefixes every `# newdoc id` with the file name, as conllu_compare.py
/// does for folders, so that files can be compared in one go.
fn with_file_ids(name: &str, conllu: &str) -> String {
    conllu.replace("# newdoc id = ", &format!("# newdoc id = {name}#"))
}

fn parity(short: &str) -> Parity {
    let dir = resolve_model(short).unwrap_or_else(|e| panic!("model {short}: {e}"));
    let pipeline = Pipeline::load(&dir).unwrap_or_else(|e| panic!("pipeline {short}: {e}"));
    let root = crate::support::repo("tests/fixtures/parity");
    let (mut reference, mut candidate) = (String::new(), String::new());
    for (name, path) in parity_texts() {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut out = String::new();
        for (line_no, line) in document_lines(&text) {
            write_doc(&mut out, &line_no.to_string(), &pipeline.annotate(line));
        }
        candidate.push_str(&with_file_ids(&name, &out));
        let expected = std::fs::read_to_string(root.join(short).join(format!("{name}.conllu"))).unwrap();
        reference.push_str(&with_file_ids(&name, &expected));
    }
    compare(&reference, &candidate, 20)
}

fn assert_parity(short: &str) {
    let p = parity(short);
    eprintln!("{short}: {p}");
    for d in &p.differences {
        eprintln!("  {d}");
    }
    assert!(p.ref_tokens >= 5000, "corpus too small: {} tokens", p.ref_tokens);
    assert_eq!(p.tokens, 1.0, "{short}: tokens differ\n{p}");
    for (name, value) in COLUMNS.iter().zip(p.columns) {
        assert!(value >= 0.999, "{short}: {name} agreement {value:.4} < 0.999\n{p}");
    }
}

#[test]
fn parity_md() {
    assert_parity("md");
}

#[test]
fn parity_sm() {
    assert_parity("sm");
}

/// spaCy itself starts sentences inside the hyphenated word of the title
/// «Royaume-Uni : décès du prix Nobel…» (issue 12: "the parser starts
/// sentences inside 'Royaume-Uni'"): its reference output has `Royaume`,
/// `-` and `Uni` in sentences of their own, and trame's pipeline must give
/// the same. Extraction reads through such starts
/// (`trame::extract::repair::inside_word`).
#[test]
fn sentences_start_inside_a_hyphenated_word_as_in_spacy() {
    let path = crate::support::repo("tests/data/wikinews-fr-2018/03/2018_03_10-007.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let (_, title) = document_lines(&text)[0];
    for short in ["md", "sm"] {
        let name = format!("tests/fixtures/parity/{short}/wikinews_2018_03_10-007.conllu");
        let reference = std::fs::read_to_string(crate::support::repo(&name)).unwrap();
        let sentences: Vec<&str> = reference
            .lines()
            .take_while(|l| !l.starts_with("# newdoc id = 2"))
            .filter_map(|l| l.strip_prefix("# text = "))
            .collect();
        assert_eq!(&sentences[..2], ["Royaume", "-"], "{short}: spaCy's reference");
        assert!(sentences[2].starts_with("Uni"), "{short}: {sentences:?}");
        let dir = resolve_model(short).unwrap_or_else(|e| panic!("model {short}: {e}"));
        let doc = Pipeline::load(&dir).unwrap().annotate(title);
        let starts: Vec<&str> = doc
            .sentences()
            .iter()
            .map(|s| doc.tokens[s.start].text.as_str())
            .collect();
        assert_eq!(&starts[..3], ["Royaume", "-", "Uni"], "{short}: trame's pipeline");
    }
}
