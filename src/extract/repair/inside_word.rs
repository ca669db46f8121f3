//! A parse repair (see [`super`]), read and written: a sentence
//! the models start inside a word.
//!
//! spaCy's French models (3.8, md and sm alike) sometimes start a sentence
//! inside a hyphenated word: the title `Royaume-Uni : décès du prix Nobel…`
//! is parsed as the sentences `Royaume` | `-` | `Uni` | `: …`. trame's
//! pipeline gives exactly that too: it is spaCy's own output, kept in the
//! parity fixtures (`tests/fixtures/parity/{md,sm}/wikinews_2018_03_10-007.conllu`,
//! checked by `trame-nlp`'s parity tests), so `nlp` stays as it is.
//! Extraction reads such a start as no boundary when it gathers a name's
//! tokens: no sentence begins inside a word ([`breaks_before`]). For the
//! rest of extraction, [`rejoin_inside_word`] rejoins a piece that starts
//! at a hyphen inside a word ("le candidat du centre" | "-" | "gauche",
//! "à 65 millions d'années" | "- lumière de la Terre") to the word before
//! it, unless the piece holds a clause of its own.

use crate::nlp::Doc;

/// Rejoins each sentence that starts inside a hyphenated word (no space
/// before it, a hyphen on either side of the start) to the sentence before
/// it: every root of the piece, the hyphen too, hangs as `flat` on the last
/// word before the hyphen, as [`super::compounds`] joins a compound split
/// inside a sentence. A piece whose root is a verb or has
/// a subject keeps its start. Returns how many starts were removed.
pub fn rejoin_inside_word(doc: &mut Doc) -> usize {
    let mut rejoined = 0;
    for piece in doc.sentences() {
        let k = piece.start;
        if k == 0 || breaks_before(doc, k) || !doc.tokens[k].sent_start {
            continue;
        }
        let hyphen = |t: &str| matches!(t, "-" | "\u{2010}" | "\u{2011}");
        if !hyphen(&doc.tokens[k].text) && !hyphen(&doc.tokens[k - 1].text) {
            continue;
        }
        let Some(word) = (0..k).rev().find(|&i| !hyphen(&doc.tokens[i].text)) else {
            continue;
        };
        let roots: Vec<usize> = super::roots(doc, piece.clone()).collect();
        let clause = roots.iter().any(|&r| {
            matches!(doc.tokens[r].pos.as_str(), "VERB" | "AUX")
                || piece
                    .clone()
                    .any(|i| doc.tokens[i].head == r && i != r && doc.tokens[i].dep.starts_with("nsubj"))
        });
        if clause {
            continue;
        }
        // The hyphen that opens the piece hangs there too, even when the
        // parser made it a child of the word after it.
        let opening = hyphen(&doc.tokens[k].text).then_some(k);
        for r in roots.into_iter().chain(opening) {
            let token = &mut doc.tokens[r];
            token.head = word;
            token.dep = "flat".into();
        }
        doc.tokens[k].sent_start = false;
        rejoined += 1;
    }
    rejoined
}

/// Whether a sentence starts at token `k` (`k > 0`) after a space, i.e. a
/// sentence start that is not inside a word (`Royaume`, `-`, `Uni`).
pub fn breaks_before(doc: &Doc, k: usize) -> bool {
    doc.tokens[k].sent_start && doc.tokens.get(k.wrapping_sub(1)).is_none_or(|t| t.space_after)
}

/// Whether the sentence the models start at token `k` cuts a name in two:
/// a capitalised proper noun right after a capitalised word, one space
/// between them and no punctuation ending the sentence before (`la société
/// Zorblax` | `Transports a annoncé…`). Inside a paragraph French ends no
/// sentence on a bare word, so name gathering reads no boundary there; the
/// rest of extraction keeps the model's sentences.
pub fn cuts_name(doc: &Doc, k: usize) -> bool {
    let (Some(prev), Some(this)) = (k.checked_sub(1).and_then(|p| doc.tokens.get(p)), doc.tokens.get(k)) else {
        return false;
    };
    let capitalised = |t: &str| t.chars().next().is_some_and(char::is_uppercase) && t.chars().all(char::is_alphabetic);
    this.sent_start
        && prev.space_after
        && !prev.is_space
        && prev.pos != "PUNCT"
        && this.pos == "PROPN"
        && capitalised(&prev.text)
        && capitalised(&this.text)
}

/// Whether token `k` starts a sentence for gathering a name's tokens: a
/// start after a space ([`breaks_before`]) that does not cut a name
/// ([`cuts_name`]).
pub fn name_breaks_before(doc: &Doc, k: usize) -> bool {
    breaks_before(doc, k) && !cuts_name(doc, k)
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

    /// «le candidat du centre» | «-» | «gauche» | «Paul» as the model splits it.
    fn split_compound() -> Doc {
        let mut d = doc(
            "le candidat du centre-gauche Paul",
            vec![
                token("le", 0, "DET", 1, "det", true),
                token("candidat", 3, "NOUN", 1, "ROOT", false),
                token("du", 12, "ADP", 3, "case", false),
                token("centre", 15, "NOUN", 1, "nmod", false),
                token("-", 21, "NOUN", 4, "ROOT", true),
                token("gauche", 22, "NOUN", 5, "ROOT", true),
                token("Paul", 29, "PROPN", 6, "ROOT", true),
            ],
        );
        d.tokens[3].space_after = false;
        d.tokens[4].space_after = false;
        d
    }

    #[test]
    fn a_piece_started_at_a_hyphen_rejoins_its_word() {
        let mut d = split_compound();
        assert_eq!(rejoin_inside_word(&mut d), 2);
        assert_eq!(d.sentences(), vec![0..6, 6..7]);
        assert_eq!((d.tokens[4].head, d.tokens[4].dep.as_str()), (3, "flat"));
        assert_eq!((d.tokens[5].head, d.tokens[5].dep.as_str()), (3, "flat"));
        // A start after a space is the model's to keep.
        assert!(d.tokens[6].sent_start);
    }

    #[test]
    fn a_piece_with_a_clause_of_its_own_keeps_its_start() {
        let mut d = split_compound();
        d.tokens[5].pos = "VERB".into();
        assert_eq!(rejoin_inside_word(&mut d), 1);
        assert!(d.tokens[5].sent_start);
        // No hyphen at the start: not a compound.
        let mut d = split_compound();
        d.tokens[4].text = "x".into();
        d.tokens[3].space_after = false;
        let before = d.clone();
        assert_eq!(rejoin_inside_word(&mut d), 0);
        assert_eq!(d, before);
    }
}
