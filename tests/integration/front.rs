//! The non-neural half of the pipeline against spaCy's own output: tokens,
//! trailing spaces and the six model features on the golden JSONL files
//! (made by `tools/spacy_ref_impl/golden.py`), and the lemmatizer given
//! spaCy's final POS. Also the tokens and lemmas of the parity corpus
//! (reference CoNLL-U from `tools/spacy_conllu.py`).
//!
//! The model comes from `resolve_model`, exactly as the CLI gets it (it is
//! installed with pip into the cache on first use).

use std::path::{Path, PathBuf};

use serde_json::Value;
use trame::nlp::conllu::{document_lines, read_conllu};
use trame::nlp::lemmatizer::Lemmatizer;
use trame::nlp::{resolve_model, FrontEnd};

fn model(short: &str) -> PathBuf {
    match resolve_model(short) {
        Ok(dir) => dir,
        Err(e) => panic!("model {short}: {e}"),
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn golden(short: &str) {
    let dir = model(short);
    let front = FrontEnd::load(&dir).expect("tokenizer loads");
    let lemmatizer = Lemmatizer::load(&dir).expect("lemmatizer loads");
    let text = std::fs::read_to_string(fixtures().join(format!("golden/front_{short}.jsonl"))).unwrap();
    let (mut docs, mut tokens) = (0, 0);
    for (n, line) in text.lines().enumerate() {
        let record: Value = serde_json::from_str(line).unwrap();
        let doc_text = record["text"].as_str().unwrap();
        let expected = record["tokens"].as_array().unwrap();
        let got = front.tokenize(doc_text);
        let got_texts: Vec<&str> = got.tokens.iter().map(|t| &doc_text[t.start..t.end]).collect();
        let want_texts: Vec<&str> = expected.iter().map(|t| t["text"].as_str().unwrap()).collect();
        assert_eq!(got_texts, want_texts, "record {n}: tokens of {doc_text:?}");
        for (i, (t, want)) in got.tokens.iter().zip(expected).enumerate() {
            let f = &got.features[i];
            let feats = &want["feats"];
            let ctx = format!("record {n} token {i} {:?}", want_texts[i]);
            assert_eq!(t.spacy, want["ws"] == " ", "{ctx}: trailing space");
            assert_eq!(f.norm, feats["NORM"].as_u64().unwrap(), "{ctx}: NORM");
            assert_eq!(f.prefix, feats["PREFIX"].as_u64().unwrap(), "{ctx}: PREFIX");
            assert_eq!(f.suffix, feats["SUFFIX"].as_u64().unwrap(), "{ctx}: SUFFIX");
            assert_eq!(f.shape, feats["SHAPE"].as_u64().unwrap(), "{ctx}: SHAPE");
            assert_eq!(u64::from(f.spacy), feats["SPACY"].as_u64().unwrap(), "{ctx}: SPACY");
            assert_eq!(
                u64::from(f.is_space),
                feats["IS_SPACE"].as_u64().unwrap(),
                "{ctx}: IS_SPACE"
            );
            let lemma = lemmatizer.lemmatize(want_texts[i], want["pos"].as_str().unwrap());
            assert_eq!(
                lemma,
                want["lemma"].as_str().unwrap(),
                "{ctx}: lemma with POS {}",
                want["pos"]
            );
        }
        docs += 1;
        tokens += got.tokens.len();
    }
    assert!(
        docs >= 70 && tokens >= 1500,
        "only {docs} docs / {tokens} tokens checked"
    );
}

#[test]
fn golden_tokens_features_lemmas_sm() {
    golden("sm");
}

#[test]
fn golden_tokens_features_lemmas_md() {
    golden("md");
}

/// Tokens, SpaceAfter and lemma-given-POS on the parity corpus (md reference).
#[test]
fn parity_corpus_tokens_and_lemmas() {
    let dir = model("md");
    let front = FrontEnd::load(&dir).unwrap();
    let lemmatizer = Lemmatizer::load(&dir).unwrap();
    let root = fixtures().join("parity");
    let mut checked = 0;
    for (name, path) in crate::support::parity_texts() {
        let text = std::fs::read_to_string(&path).unwrap();
        let reference = std::fs::read_to_string(root.join("md").join(format!("{name}.conllu"))).unwrap();
        let reference = read_conllu(&reference);
        let lines = document_lines(&text);
        assert_eq!(lines.len(), reference.len(), "{name}: document count");
        for ((line_no, line), (id, ref_tokens)) in lines.iter().zip(&reference) {
            assert_eq!(&line_no.to_string(), id, "{name}: document ids");
            let got = front.tokenize(line);
            let words: Vec<_> = got
                .tokens
                .iter()
                .filter(|t| !trame::nlp::lexeme::str_is_space(&line[t.start..t.end]))
                .collect();
            let forms: Vec<&str> = words.iter().map(|t| &line[t.start..t.end]).collect();
            let want: Vec<&str> = ref_tokens.iter().map(|t| t.form.as_str()).collect();
            assert_eq!(forms, want, "{name} line {line_no}");
            for (t, r) in words.iter().zip(ref_tokens) {
                let lemma = lemmatizer.lemmatize(&line[t.start..t.end], &r.upos);
                assert_eq!(
                    lemma, r.lemma,
                    "{name} line {line_no}: lemma of {:?} as {}",
                    r.form, r.upos
                );
            }
            checked += words.len();
        }
    }
    assert!(checked >= 5000, "only {checked} tokens in the parity corpus");
}
