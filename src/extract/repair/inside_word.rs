//! A parse repair (see [`super`]), read rather than written: a sentence
//! the models start inside a word.
//!
//! spaCy's French models (3.8, md and sm alike) sometimes start a sentence
//! inside a hyphenated word: the title `Royaume-Uni : décès du prix Nobel…`
//! is parsed as the sentences `Royaume` | `-` | `Uni` | `: …`. trame's
//! pipeline gives exactly that too: it is spaCy's own output, kept in the
//! parity fixtures (`tests/fixtures/parity/{md,sm}/wikinews_2018_03_10-007.conllu`,
//! checked by `trame-nlp`'s parity tests), so `nlp` stays as it is.
//! Extraction reads such a start as no boundary when it gathers a name's
//! tokens: no sentence begins inside a word. The parse itself is left
//! unchanged, so the document's sentences stay the model's.

use crate::nlp::Doc;

/// Whether a sentence starts at token `k` (`k > 0`) after a space, i.e. a
/// sentence start that is not inside a word (`Royaume`, `-`, `Uni`).
pub fn breaks_before(doc: &Doc, k: usize) -> bool {
    doc.tokens[k].sent_start && doc.tokens.get(k.wrapping_sub(1)).is_none_or(|t| t.space_after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::repair::test_doc::{doc, token};

    #[test]
    fn a_sentence_start_inside_a_word_is_no_break() {
        // As spaCy parses the title «Royaume-Uni : décès…».
        let mut title = doc(
            "Royaume-Uni : décès",
            vec![
                token("Royaume", 0, "PROPN", 0, "ROOT", true),
                token("-", 7, "PROPN", 1, "ROOT", true),
                token("Uni", 8, "PROPN", 2, "ROOT", true),
                token(":", 12, "PUNCT", 3, "ROOT", true),
                token("décès", 14, "NOUN", 3, "nmod", false),
            ],
        );
        title.tokens[0].space_after = false;
        title.tokens[1].space_after = false;
        assert!(!breaks_before(&title, 1));
        assert!(!breaks_before(&title, 2));
        assert!(breaks_before(&title, 3));
        assert!(!breaks_before(&title, 4));
    }
}
