//! A parse repair (see [`super`]): a noun apposed to a name the model read
//! as the verb's second object.
//!
//! "ont rappelé Paul Roux, leur ambassadeur à Rome": the model may give
//! the verb two `obj`, the name and the noun after the comma, or make the
//! noun a bare adjunct (`obl:mod`, no preposition). A verb has one direct
//! object, and an adjunct noun phrase with no preposition after a name is
//! no adjunct; a singular lower-case common noun with a possessive
//! or definite article ("leur ambassadeur", "son avocat", "le directeur
//! du musée") written right after a comma that closes a name object is
//! that name's apposition. A list ("A, B et C") keeps its parse: the noun
//! must have no coordination of its own and the name no other conjunct.
//! Changes heads and relations only.

use crate::nlp::{Doc, EntIob};

/// Rehangs a second object apposed to a name object; returns how many
/// relations changed.
pub fn rehang_apposed_objects(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let mut changed = 0;
    for o in 0..n {
        let t = &doc.tokens[o];
        // A second object, or a bare noun read as an adjunct ("obl:mod"
        // with no preposition of its own).
        let bare_adjunct = t.dep.starts_with("obl") && !doc.tokens.iter().any(|c| c.head == o && c.dep == "case");
        if !(t.dep == "obj" || bare_adjunct) || t.pos != "NOUN" || t.morph.contains("Number=Plur") {
            continue;
        }
        // "X, la veille", "X, le matin": a time adjunct stays one.
        if crate::extract::rules::time::is_time_word(&t.lemma.to_lowercase()) {
            continue;
        }
        if !t.text.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        let v = t.head;
        // The noun's determiner opens it, right after a comma.
        let Some(det) = o.checked_sub(1) else { continue };
        let d = &doc.tokens[det];
        let article = d.morph.contains("Poss=Yes") || d.morph.contains("Definite=Def");
        if d.pos != "DET" || d.head != o || !article || det < 2 || doc.tokens[det - 1].text != "," {
            continue;
        }
        // The name ends right before the comma and is an object of the same verb.
        let last = det - 2;
        let mut first = last;
        while first > 0 && doc.tokens[first].ent_iob == EntIob::I {
            first -= 1;
        }
        let name = &doc.tokens[first];
        let is_name = name.pos == "PROPN" && name.ent_iob == EntIob::B && name.ent_type == "PER";
        if !is_name || name.dep != "obj" || name.head != v || first == v {
            continue;
        }
        let inside = (first + 1..=last).all(|k| doc.tokens[k].head == first);
        let listed = doc
            .tokens
            .iter()
            .any(|c| (c.head == o || c.head == first) && matches!(c.dep.as_str(), "conj" | "cc"));
        if !inside || listed {
            continue;
        }
        doc.tokens[o].head = first;
        doc.tokens[o].dep = "appos".to_string();
        if doc.tokens[det - 1].head == v {
            doc.tokens[det - 1].head = o;
        }
        changed += 1;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::super::test_doc::{doc, token};
    use super::*;

    /// "Ils rappellent Paul Roux , leur ambassadeur ." with two objects.
    fn two_objects() -> Doc {
        let mut d = doc(
            "Ils rappellent Paul Roux , leur ambassadeur .",
            vec![
                token("Ils", 0, "PRON", 1, "nsubj", true),
                token("rappellent", 4, "VERB", 1, "root", false),
                token("Paul", 15, "PROPN", 1, "obj", false),
                token("Roux", 20, "PROPN", 2, "flat:name", false),
                token(",", 25, "PUNCT", 1, "punct", false),
                token("leur", 27, "DET", 6, "det", false),
                token("ambassadeur", 32, "NOUN", 1, "obj", false),
                token(".", 44, "PUNCT", 1, "punct", false),
            ],
        );
        d.tokens[2].ent_iob = EntIob::B;
        d.tokens[2].ent_type = "PER".into();
        d.tokens[3].ent_iob = EntIob::I;
        d.tokens[3].ent_type = "PER".into();
        d.tokens[5].morph = "Poss=Yes".into();
        d
    }

    #[test]
    fn a_second_object_after_a_name_is_its_apposition() {
        let mut d = two_objects();
        assert_eq!(rehang_apposed_objects(&mut d), 1);
        assert_eq!(d.tokens[6].dep, "appos");
        assert_eq!(d.tokens[6].head, 2);
    }

    #[test]
    fn an_indefinite_noun_or_a_list_keeps_its_parse() {
        let mut d = two_objects();
        d.tokens[5].morph = "Definite=Ind".into();
        assert_eq!(rehang_apposed_objects(&mut d), 0);
        let mut d = two_objects();
        d.tokens[6].text = "ambassadeur".into();
        d.tokens.push(token("et", 46, "CCONJ", 6, "cc", false));
        assert_eq!(rehang_apposed_objects(&mut d), 0);
    }
}
