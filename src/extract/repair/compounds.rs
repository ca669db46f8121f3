//! A parse repair (see [`super`]), for the fact rules only: hyphenated
//! compounds the tokenizer splits ("start-up", "week-end"):
//! spaCy's French tokenizer, which trame reproduces exactly, cuts some of
//! them into three tokens, and the parser then hangs the pieces on the
//! verb as separate arguments. Extraction reads them as one noun.
//!
//! Within a sentence, `a` `-` `b` written without spaces becomes one
//! nominal headed by `a` (the hyphen and `b` hang on it as `flat`); when `a` is a
//! bare adjunct of a verb that has no direct object and `a` has its own
//! determiner, it is that verb's object; an adjective glued right after
//! the compound that the parser hung on the verb becomes the compound's
//! modifier. Token count, text and entities are untouched, so offsets and
//! the entity table stay valid. Never changes the tokenizer.

use crate::nlp::Doc;

/// Joins the split compounds of a paragraph's parse; returns how many.
/// Every decision reads the parse as the model left it.
pub fn join_compounds(doc: &mut Doc) -> usize {
    let toks = &doc.tokens.clone();
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
        return 0;
    }
    let fixed = doc;
    let mut joined = 0;
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
        joined += 1;
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::repair::test_doc::{doc, token};

    #[test]
    fn a_split_compound_becomes_the_object_with_its_adjective() {
        // «Ils ont créé une start-up lyonnaise.», the pieces hung on the verb.
        let mut parse = doc(
            "Ils ont créé une start-up lyonnaise.",
            vec![
                token("Ils", 0, "PRON", 2, "nsubj", true),
                token("ont", 4, "AUX", 2, "aux:tense", false),
                token("créé", 8, "VERB", 2, "ROOT", false),
                token("une", 13, "DET", 4, "det", false),
                token("start", 17, "NOUN", 2, "obl:mod", false),
                token("-", 22, "PUNCT", 2, "punct", false),
                token("up", 23, "NOUN", 2, "obj", false),
                token("lyonnaise", 26, "ADJ", 2, "amod", false),
                token(".", 35, "PUNCT", 2, "punct", false),
            ],
        );
        parse.tokens[4].space_after = false;
        parse.tokens[5].space_after = false;
        let original = parse.clone();
        assert_eq!(join_compounds(&mut parse), 1);
        let got: Vec<(usize, &str)> = parse.tokens.iter().map(|t| (t.head, t.dep.as_str())).collect();
        assert_eq!(got[4], (2, "obj"));
        assert_eq!(got[5], (4, "flat"));
        assert_eq!(got[6], (4, "flat"));
        assert_eq!(got[7], (4, "amod"));
        // Written with spaces it is no compound.
        let mut spaced = original;
        spaced.tokens[4].space_after = true;
        assert_eq!(join_compounds(&mut spaced), 0);
    }
}
