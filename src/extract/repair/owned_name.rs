//! A parse repair (see [`super`]), for the fact rules only: a name written
//! right after a title inside another subject's complement, which the
//! parser hangs on the verb as a second subject.
//!
//! In "Le frère de la chanteuse Marie Dupont a quitté Paris" the model
//! often makes both "frère" and "Marie" subjects of "quitté", and the
//! singer becomes an actor of her brother's act. The name belongs to the
//! title right before it ("la chanteuse Marie Dupont"): the owner is not
//! the actor. Changes heads and relations only; offsets and entity spans
//! stay as they are.

use crate::extract::entities::spans::descends_from;
use crate::nlp::Doc;

/// Re-attaches such names to the title noun before them (as `appos`);
/// returns how many.
pub fn attach_owned_names(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let mut fixed = 0;
    for s2 in 1..n {
        let t = &doc.tokens[s2];
        if t.pos != "PROPN" || !matches!(t.dep.as_str(), "nsubj" | "nsubj:pass") || t.sent_start {
            continue;
        }
        let verb = t.head;
        let title = s2 - 1;
        if doc.tokens[title].pos != "NOUN" || verb == s2 || verb >= n {
            continue;
        }
        // Another subject of the same verb before it, whose phrase holds the title.
        let owner = (0..title).find(|&s1| {
            let a = &doc.tokens[s1];
            a.head == verb && matches!(a.dep.as_str(), "nsubj" | "nsubj:pass") && descends_from(doc, title, s1)
        });
        if owner.is_none() {
            continue;
        }
        doc.tokens[s2].head = title;
        doc.tokens[s2].dep = "appos".to_string();
        fixed += 1;
    }
    fixed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::repair::test_doc::{doc, token};

    /// "Le frère de la chanteuse Marie a quitté Paris." as the model parses it.
    fn owned() -> Doc {
        doc(
            "Le frère de la chanteuse Marie a quitté Paris.",
            vec![
                token("Le", 0, "DET", 1, "det", true),
                token("frère", 3, "NOUN", 7, "nsubj", false),
                token("de", 9, "ADP", 4, "case", false),
                token("la", 12, "DET", 4, "det", false),
                token("chanteuse", 15, "NOUN", 1, "nmod", false),
                token("Marie", 25, "PROPN", 7, "nsubj", false),
                token("a", 31, "AUX", 7, "aux:tense", false),
                token("quitté", 33, "VERB", 7, "ROOT", false),
                token("Paris", 40, "PROPN", 7, "obj", false),
                token(".", 45, "PUNCT", 7, "punct", false),
            ],
        )
    }

    #[test]
    fn a_name_after_a_title_in_the_owner_phrase_is_the_titles() {
        let mut d = owned();
        assert_eq!(attach_owned_names(&mut d), 1);
        assert_eq!((d.tokens[5].head, d.tokens[5].dep.as_str()), (4, "appos"));
        assert_eq!((d.tokens[1].head, d.tokens[1].dep.as_str()), (7, "nsubj"));
    }

    #[test]
    fn a_lone_subject_name_stays() {
        let mut d = owned();
        // "Le frère … et Marie": no title right before the name.
        d.tokens[4].pos = "CCONJ".into();
        assert_eq!(attach_owned_names(&mut d), 0);
        // A name whose title is no part of another subject's phrase.
        let mut d = owned();
        d.tokens[4].head = 7;
        d.tokens[4].dep = "obl".into();
        assert_eq!(attach_owned_names(&mut d), 0);
    }

    #[test]
    fn a_cycle_ends() {
        let mut d = owned();
        d.tokens[1].head = 4;
        d.tokens[4].head = 1;
        d.tokens[1].dep = "nmod".into();
        // No subject left before the name: nothing to repair, no hang.
        assert_eq!(attach_owned_names(&mut d), 0);
    }
}
