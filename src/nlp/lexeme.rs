//! Lexical features of a token text, exactly as spaCy's lexemes compute
//! them (spec §4, Appendices B and C), and the Python character predicates
//! they rest on.
//!
//! Owns: Python's `isalpha`/`isupper`/`isdigit`/`isspace`/`lower`, spaCy's
//! word shape and NORM (with BASE_NORMS), and [`token_features`]. It must not
//! use Rust's `char::is_alphabetic`/`is_numeric`/`is_whitespace`, whose
//! definitions differ from Python's. Tables come from CPython 3.11
//! (`data/unicode_tables.rs`, Unicode licence); BASE_NORMS is data from
//! spaCy's source (`data/base_norms.json`, MIT licence).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::features::TokenFeatures;
use super::strings::string_id;

#[rustfmt::skip]
#[path = "data/unicode_tables.rs"]
mod tables;

/// Python `str.isalpha()` for one character.
pub fn is_alpha(c: char) -> bool {
    in_table(tables::ALPHA, c)
}

/// Python `str.isupper()` for one alphabetic character (category Lu).
pub fn is_upper(c: char) -> bool {
    in_table(tables::UPPER, c)
}

/// Python `str.isdigit()` for one character.
pub fn is_digit(c: char) -> bool {
    in_table(tables::DIGIT, c)
}

/// Python `str.isspace()` for one character (Appendix C).
pub fn is_space(c: char) -> bool {
    in_table(tables::SPACE, c)
}

/// Python `str.isalpha()` for a string: non-empty and every character alphabetic.
pub fn str_is_alpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_alpha)
}

/// Python `str.isspace()` for a string: non-empty and every character whitespace.
pub fn str_is_space(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_space)
}

/// Python `str.lower()`. Rust's full lowercase mapping (with final sigma)
/// is the same algorithm; only Unicode-version deltas could differ.
pub fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// spaCy's NORM string: BASE_NORMS entry (exact case) or the lowercase text.
pub fn norm(text: &str) -> String {
    match base_norms().get(text) {
        Some(n) => n.clone(),
        None => lower(text),
    }
}

/// spaCy's word shape: `Xxxxx`, `dd`, `LONG` for texts of 100+ characters.
pub fn shape(text: &str) -> String {
    if text.chars().count() >= 100 {
        return "LONG".to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut last: Option<char> = None;
    let mut run = 0usize;
    for c in text.chars() {
        let mapped = if is_alpha(c) {
            if is_upper(c) {
                'X'
            } else {
                'x'
            }
        } else if is_digit(c) {
            'd'
        } else {
            c
        };
        if Some(mapped) == last {
            run += 1;
        } else {
            last = Some(mapped);
            run = 1;
        }
        // Runs are cut at four identical mapped characters.
        if run <= 4 {
            out.push(mapped);
        }
    }
    out
}

/// The features the models read for one token. `norm_override` is the
/// special-case NORM (only `"\u{a0}"` has one); `spacy` is the absorbed
/// trailing space.
pub fn token_features(text: &str, norm_override: Option<&str>, spacy: bool) -> TokenFeatures {
    let norm_id = match norm_override {
        Some(n) => string_id(n),
        None => string_id(&norm(text)),
    };
    let first_end = text.chars().next().map_or(0, char::len_utf8);
    TokenFeatures {
        orth: string_id(text),
        norm: norm_id,
        prefix: string_id(&text[..first_end]),
        suffix: string_id(last_chars(text, 3)),
        shape: string_id(&shape(text)),
        spacy,
        is_space: str_is_space(text),
    }
}

/// The last `n` characters of `s` (all of it when shorter), like `s[-n:]`.
pub fn last_chars(s: &str, n: usize) -> &str {
    let start = s.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    if n == 0 {
        return "";
    }
    &s[start..]
}

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The Python `re` class tables, for the tokenizer's pattern translation.
pub(crate) mod re_classes {
    pub(crate) use super::tables::{RE_DIGIT, RE_SPACE, RE_WORD};
}

fn base_norms() -> &'static HashMap<String, String> {
    static NORMS: OnceLock<HashMap<String, String>> = OnceLock::new();
    NORMS.get_or_init(|| {
        // Embedded data checked by a unit test: failure is a build defect.
        serde_json::from_str(include_str!("data/base_norms.json")).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_norms_complete() {
        assert_eq!(base_norms().len(), 45);
        assert_eq!(norm("€"), "$");
        assert_eq!(norm("«"), "\"");
        assert_eq!(norm("Paris"), "paris");
    }

    #[test]
    fn python_predicates() {
        assert!(is_alpha('é') && !is_alpha('1') && !is_alpha('\u{300}'));
        assert!(is_digit('²') && !is_digit('½') && is_digit('٣'));
        assert!(is_space('\u{1c}') && is_space('\u{a0}') && !is_space('\u{200b}'));
        assert!(is_upper('É') && !is_upper('ǅ'));
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Bonjour"), "Xxxxx");
        assert_eq!(shape("10h30"), "ddxdd");
        assert_eq!(shape("ǅa"), "xx");
        assert_eq!(shape("......"), "....");
        assert_eq!(shape(&"a".repeat(100)), "LONG");
    }

    #[test]
    fn suffix_is_last_three_chars() {
        assert_eq!(last_chars("nationaux", 3), "aux");
        assert_eq!(last_chars("à", 3), "à");
        assert_eq!(last_chars("été!", 3), "té!");
        let f = token_features("nationaux", None, true);
        assert_eq!(f.suffix, 405);
        assert!(f.spacy && !f.is_space);
    }
}
