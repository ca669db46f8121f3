//! Hyphenated compounds the tokenizer splits ("start-up", "week-end"):
//! spaCy's French tokenizer, which trame reproduces exactly, cuts some of
//! them into three tokens, and the parser then hangs the pieces on the
//! verb as separate arguments. Extraction reads them as one noun.
//!
//! Owns a local repair of a paragraph's parse before the rules run: within
//! a sentence, `a` `-` `b` written without spaces becomes one nominal
//! headed by `a` (the hyphen and `b` hang on it as `flat`); when `a` is a
//! bare adjunct of a verb that has no direct object and `a` has its own
//! determiner, it is that verb's object; an adjective glued right after
//! the compound that the parser hung on the verb becomes the compound's
//! modifier. Token count, text and entities are untouched, so offsets and
//! the entity table stay valid. Never changes the tokenizer.

use std::borrow::Cow;

use crate::nlp::Doc;

/// The paragraph's parse with split compounds joined, or the parse itself
/// when nothing needs joining.
pub(crate) fn repair(doc: &Doc) -> Cow<'_, Doc> {
    let toks = &doc.tokens;
    let n = toks.len();
    let glued = |a: usize| {
        a + 2 < n
            && !toks[a].space_after
            && toks[a + 1].text == "-"
            && !toks[a + 1].space_after
            && toks[a].text.chars().all(char::is_alphabetic)
            && toks[a + 2].text.chars().all(char::is_alphabetic)
            && !toks[a + 1].sent_start
            && !toks[a + 2].sent_start
            && toks[a].pos != "PROPN"
            && toks[a].ent_type.is_empty()
    };
    // Only where the parser split the pieces apart: the hyphen is not
    // already inside `a`'s phrase.
    let split = |a: usize| {
        glued(a) && toks[a + 1].head != a && toks[a + 2].head != a && toks[a].head != a + 1 && toks[a].head != a + 2
    };
    if !(0..n).any(split) {
        return Cow::Borrowed(doc);
    }
    let mut fixed = doc.clone();
    let mut a = 0;
    while a < n {
        if !split(a) {
            a += 1;
            continue;
        }
        let verb = toks[a].head;
        for piece in [a + 1, a + 2] {
            fixed.tokens[piece].head = a;
            fixed.tokens[piece].dep = "flat".to_string();
        }
        // Everything the parser hung on the pieces now hangs on `a`.
        for (t, tok) in fixed.tokens.iter_mut().enumerate() {
            let on_piece = tok.head == a + 1 || tok.head == a + 2;
            if on_piece && !(a..=a + 2).contains(&t) {
                tok.head = a;
            }
        }
        fixed.tokens[a].pos = "NOUN".to_string();
        let bare_adjunct = matches!(toks[a].dep.as_str(), "obl:mod" | "obl:arg" | "obl")
            && verb != a
            && verb < n
            && toks[verb].pos == "VERB";
        let has_det = (0..n).any(|t| toks[t].head == a && toks[t].dep == "det");
        let has_case = (0..n).any(|t| toks[t].head == a && toks[t].dep == "case");
        let verb_has_obj =
            (0..n).any(|t| t != a + 2 && toks[t].head == verb && toks[t].dep == "obj" && toks[t].pos != "ADJ");
        if bare_adjunct && has_det && !has_case && !verb_has_obj {
            fixed.tokens[a].dep = "obj".to_string();
        }
        // "une start-up lyonnaise": the adjective right after the compound.
        let next = a + 3;
        if next < n && toks[next].pos == "ADJ" && toks[next].head == verb && !toks[next].sent_start {
            fixed.tokens[next].head = a;
            fixed.tokens[next].dep = "amod".to_string();
        }
        a += 3;
    }
    Cow::Owned(fixed)
}
