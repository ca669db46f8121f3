//! Property tests of the real model's tokenizer: it never panics, the
//! tokens and their trailing spaces rebuild the input exactly, offsets
//! are consecutive, whatever the input (emoji, control characters, mixed
//! scripts, odd whitespace), and a 5 MB line goes through.

// Reports its measurements and findings on the console.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::sync::OnceLock;

use proptest::prelude::*;
use trame::nlp::tokenizer::{RawToken, Tokenizer};

fn tokenizer() -> &'static Tokenizer {
    static TOKENIZER: OnceLock<Tokenizer> = OnceLock::new();
    TOKENIZER.get_or_init(|| {
        let dir = trame::nlp::resolve_model("sm").unwrap_or_else(|e| panic!("model sm: {e}"));
        Tokenizer::load(&dir).unwrap_or_else(|e| panic!("tokenizer: {e}"))
    })
}

/// Checks that `tokens` tile `text` exactly; returns a description of the first fault.
fn check_tiling(text: &str, tokens: &[RawToken]) -> Result<(), String> {
    let mut pos = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.start != pos {
            return Err(format!("token {i} starts at {} instead of {pos}", t.start));
        }
        if t.end <= t.start || !text.is_char_boundary(t.end) {
            return Err(format!("token {i} has bad end {}", t.end));
        }
        pos = t.end;
        if t.spacy {
            if !text[pos..].starts_with(' ') {
                return Err(format!("token {i} claims a space that is not there"));
            }
            pos += 1;
        }
    }
    if pos != text.len() {
        return Err(format!("tokens cover {pos} of {} bytes", text.len()));
    }
    Ok(())
}

/// Pieces that exercise the affix rules, specials and odd characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("l'homme".to_string()),
        Just("aujourd'hui".to_string()),
        Just("jusqu’aujourd’hui".to_string()),
        Just("a-t-il".to_string()),
        Just("N'est-ce".to_string()),
        Just("M.".to_string()),
        Just("25°C.".to_string()),
        Just("3,5%".to_string()),
        Just("www.exemple.fr/a?b=1".to_string()),
        Just("«oui»".to_string()),
        Just("peut-être".to_string()),
        Just("😀👍🏽".to_string()),
        Just("\u{a0}".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("  ".to_string()),
        Just("\u{1c}\u{85}\u{2028}".to_string()),
        Just("\u{200b}\u{feff}".to_string()),
        Just("e\u{301}".to_string()),
        Just("日本語".to_string()),
        Just("مرحبا".to_string()),
        Just("...".to_string()),
        Just(":-)".to_string()),
        "[a-zA-Zéèàç'’\\-.,;:!?()0-9]{1,12}",
        any::<char>().prop_map(String::from),
        "\\PC{1,6}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (piece(), prop_oneof![Just(""), Just(" "), Just("  "), Just("\n")]),
        0..25,
    )
    .prop_map(|parts| parts.into_iter().map(|(p, sep)| p + sep).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn tokens_tile_the_input(s in text()) {
        let tokens = tokenizer().tokenize(&s);
        prop_assert!(check_tiling(&s, &tokens).is_ok(), "{:?}: {:?}", s, check_tiling(&s, &tokens));
    }

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        let tokens = tokenizer().tokenize(&s);
        prop_assert!(check_tiling(&s, &tokens).is_ok(), "{:?}: {:?}", s, check_tiling(&s, &tokens));
    }
}

#[test]
fn five_megabyte_line() {
    let sentence = "Le président de l'Assemblée a-t-il dit qu'aujourd'hui, à 10h30, 3,5% des 12km «étaient» fermés ? ";
    let text = sentence.repeat(5_000_000 / sentence.len() + 1);
    assert!(text.len() >= 5_000_000 && !text.contains('\n'));
    let tokens = tokenizer().tokenize(&text);
    assert!(check_tiling(&text, &tokens).is_ok());
    // Memory stays proportional to the tokens: 32 bytes each, no copies of text.
    assert!(tokens.len() < text.len() / 3);
}

#[test]
fn examples_from_the_spec() {
    let cases: &[(&str, &[&str])] = &[
        ("l'homme", &["l'", "homme"]),
        ("jusqu'aujourd'hui", &["jusqu'", "aujourd'hui"]),
        ("a-t-il", &["a", "-t", "-il"]),
        ("dit-il", &["dit", "-il"]),
        ("viens-tu", &["viens", "-", "tu"]),
        ("25°C.", &["25", "°", "C", "."]),
        ("3,5%", &["3,5", "%"]),
        ("12km", &["12", "km"]),
        ("10h30 1er", &["10h30", "1er"]),
        ("www.ex.fr/a?b=1", &["www.ex.fr/a?b=1"]),
        ("a.b@c.fr", &["a.b@c.fr"]),
        ("«oui»", &["«", "oui", "»"]),
        ("J.-C.", &["J.", "-C."]),
        ("a\u{a0}b", &["a", "\u{a0}", "b"]),
    ];
    for (input, want) in cases {
        let tokens = tokenizer().tokenize(input);
        let got: Vec<&str> = tokens.iter().map(|t| &input[t.start..t.end]).collect();
        assert_eq!(&got, want, "{input:?}");
    }
}

/// Tokenizer-only speed on the parity corpus (a measurement, not a check):
/// `cargo test --test integration tokenizer_throughput -- --ignored --nocapture`.
#[test]
#[ignore = "measurement; run explicitly"]
fn tokenizer_throughput() {
    let mut docs = Vec::new();
    for (_, path) in crate::support::parity_texts() {
        let text = std::fs::read_to_string(path).unwrap();
        docs.extend(
            trame::nlp::conllu::document_lines(&text)
                .into_iter()
                .map(|(_, l)| l.to_string()),
        );
    }
    let start = std::time::Instant::now();
    let mut tokens = 0;
    for _ in 0..5 {
        tokens += docs.iter().map(|d| tokenizer().tokenize(d).len()).sum::<usize>();
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "tokenizer: {tokens} tokens in {secs:.2}s = {:.0} tokens/s",
        tokens as f64 / secs
    );
}
