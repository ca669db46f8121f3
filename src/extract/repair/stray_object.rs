//! A parse repair (see [`super`]), for the fact rules only: a verb's direct
//! object the model hung inside a prepositional phrase before it.
//!
//! When adjuncts come between a verb and its object ("une réception a
//! rassemblé, à l'invitation du consul, dans les jardins du consulat, un
//! public …"), the model may attach the object noun to the last noun of
//! the adjuncts as an `amod` (a noun as adjective: never right). A common
//! noun with an indefinite determiner of its own and no preposition,
//! attached as `amod` inside an oblique of a verb that has no direct
//! object, after the verb, is that verb's object. Changes heads and
//! relations only (never text, offsets or entities).

use crate::extract::entities::spans::descends_from as under;
use crate::nlp::Doc;

/// Moves stray objects to their verb, with the words after them that hung
/// on the adjuncts above; returns how many objects moved.
pub fn reattach_stray_objects(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let kids = |doc: &Doc, t: usize| {
        (0..n)
            .filter(move |&c| c != t && doc.tokens[c].head == t)
            .collect::<Vec<_>>()
    };
    let mut moved = 0;
    for o in 0..n {
        let tok = &doc.tokens[o];
        if tok.pos != "NOUN" || tok.dep != "amod" {
            continue;
        }
        let own = kids(doc, o);
        let indefinite = own
            .iter()
            .any(|&c| doc.tokens[c].dep == "det" && doc.tokens[c].lemma.to_lowercase() == "un");
        let preposition = own.iter().any(|&c| doc.tokens[c].dep == "case");
        if !indefinite || preposition || (o > 0 && doc.tokens[o - 1].text == ",") {
            continue;
        }
        // Up the nominal chain to the verb (a few steps; a cyclic parse ends it).
        let mut x = o;
        let mut chain = Vec::new();
        let mut verb = None;
        let mut via_oblique = false;
        for _ in 0..6 {
            let h = doc.tokens[x].head;
            if h == x || h >= n {
                break;
            }
            if doc.tokens[h].pos == "VERB" {
                via_oblique = doc.tokens[x].dep.starts_with("obl");
                verb = Some(h);
                break;
            }
            if !matches!(doc.tokens[h].pos.as_str(), "NOUN" | "PROPN") {
                break;
            }
            chain.push(h);
            x = h;
        }
        let Some(v) = verb else { continue };
        let has_object = kids(doc, v)
            .iter()
            .any(|&c| matches!(doc.tokens[c].dep.as_str(), "obj" | "ccomp" | "aux:pass"));
        if !via_oblique || has_object || o < v || (v..o).any(|k| doc.tokens[k].sent_start && k > v) {
            continue;
        }
        doc.tokens[o].head = v;
        doc.tokens[o].dep = "obj".to_string();
        // What follows the object and hung on the adjuncts above it (a
        // clause, a complement) belongs to the object's phrase now: to its
        // nearest noun before it.
        for k in o + 1..n {
            if doc.tokens[k].sent_start {
                break;
            }
            if chain.contains(&doc.tokens[k].head) && doc.tokens[k].dep != "punct" {
                // The nearest noun before it inside the object's phrase.
                let nearest = (o..k)
                    .rev()
                    .find(|&m| doc.tokens[m].pos == "NOUN" && under(doc, m, o))
                    .unwrap_or(o);
                doc.tokens[k].head = nearest;
            }
        }
        moved += 1;
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::super::test_doc::{doc, token};
    use super::*;

    /// "Acme a réuni dans les locaux du siège un public nombreux." as misparsed.
    fn misparsed() -> Doc {
        doc(
            "Acme a réuni dans les locaux du siège un public nombreux.",
            vec![
                token("Acme", 0, "PROPN", 2, "nsubj", true),
                token("a", 5, "AUX", 2, "aux:tense", false),
                token("réuni", 7, "VERB", 2, "ROOT", false),
                token("dans", 13, "ADP", 5, "case", false),
                token("les", 18, "DET", 5, "det", false),
                token("locaux", 22, "NOUN", 2, "obl:mod", false),
                token("du", 29, "ADP", 7, "case", false),
                token("siège", 32, "NOUN", 5, "nmod", false),
                token("un", 38, "DET", 9, "det", false),
                token("public", 41, "NOUN", 7, "amod", false),
                token("nombreux", 48, "ADJ", 9, "amod", false),
                token(".", 56, "PUNCT", 2, "punct", false),
            ],
        )
    }

    #[test]
    fn a_stray_object_goes_back_to_its_verb() {
        let mut d = misparsed();
        assert_eq!(reattach_stray_objects(&mut d), 1);
        assert_eq!((d.tokens[9].head, d.tokens[9].dep.as_str()), (2, "obj"));
    }

    #[test]
    fn a_verb_with_an_object_or_a_definite_noun_keeps_its_parse() {
        let mut d = misparsed();
        d.tokens[8].lemma = "le".into();
        assert_eq!(reattach_stray_objects(&mut d), 0);
        let mut d = misparsed();
        d.tokens[4].dep = "det".into();
        d.tokens[5].dep = "obj".into();
        assert_eq!(reattach_stray_objects(&mut d), 0);
    }
}
