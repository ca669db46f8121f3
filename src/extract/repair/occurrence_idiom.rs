//! A parse repair (see [`super`]): the idiom "avoir lieu" read as a
//! preposition, and an object with a preposition of its own.
//!
//! The French models read "Elle a lieu une semaine après le Trophée
//! Quillac" with "lieu" as the `case` of the next noun and the last name
//! as the sentence's root: the clause has no verb, and the rules read
//! nothing; or with "lieu" as the root and "avoir" its auxiliary. Where
//! a form of "avoir" is followed by "lieu" that is not its
//! object, "avoir" becomes the clause's head (its subject and the old
//! root's phrase hung on it, the old root as an adjunct), "lieu" its
//! object, and the noun "lieu" was the `case` of becomes an adjunct too.
//! An `obj` of a verb with a preposition of its own ("a lieu une semaine
//! après le Trophée", the name read as a second object) is an oblique
//! adjunct: `obl:mod`. Changes heads, relations and parts of speech only.

use crate::nlp::Doc;

/// Prepositions that never introduce a direct object ("de" and "à"
/// start partitives and numbers the parser may rightly call objects).
const OBLIQUE_PREPOSITIONS: [&str; 9] = [
    "après", "avant", "pendant", "depuis", "dès", "durant", "lors", "sans", "vers",
];

/// Whether token `i` is a form of "avoir".
fn is_avoir(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.lemma == "avoir" && matches!(t.pos.as_str(), "VERB" | "AUX")
}

/// Makes "avoir" (`a`) the clause's root verb and "lieu" (`l`) its noun
/// object.
fn make_head(doc: &mut Doc, a: usize, l: usize) {
    let verb = &mut doc.tokens[a];
    verb.head = a;
    verb.dep = "ROOT".into();
    verb.pos = "VERB".into();
    verb.tag = "VERB".into();
    let noun = &mut doc.tokens[l];
    noun.head = a;
    noun.dep = "obj".into();
    noun.pos = "NOUN".into();
    noun.tag = "NOUN".into();
}

/// Rebuilds each misread "avoir lieu" clause and relabels each object
/// with a preposition of its own; returns how many places changed.
pub fn repair_occurrence_idiom(doc: &mut Doc) -> usize {
    let mut fixed = 0;
    for sentence in doc.sentences() {
        for a in sentence.start..sentence.end.saturating_sub(1) {
            let l = a + 1;
            if !is_avoir(doc, a) || doc.tokens[l].text.to_lowercase() != "lieu" {
                continue;
            }
            if doc.tokens[l].head == a && doc.tokens[l].dep == "obj" {
                continue;
            }
            let Some(root) = sentence.clone().find(|&k| doc.tokens[k].head == k) else {
                continue;
            };
            if root == a {
                continue;
            }
            // "lieu" read as the root with "avoir" its auxiliary: what hangs
            // on "lieu" hangs on "avoir".
            if root == l {
                for k in sentence.clone() {
                    if k != a && k != l && doc.tokens[k].head == l {
                        doc.tokens[k].head = a;
                    }
                }
                make_head(doc, a, l);
                fixed += 1;
                continue;
            }
            // The noun "lieu" was read as the preposition of.
            let cased: Vec<usize> = (l + 1..sentence.end)
                .filter(|&k| doc.tokens[l].head == k && doc.tokens[l].dep == "case")
                .collect();
            for k in sentence.clone() {
                if k == a || k == l {
                    continue;
                }
                let head = doc.tokens[k].head;
                if head == l || (head == root && k < a) {
                    doc.tokens[k].head = a;
                }
            }
            for &k in &cased {
                doc.tokens[k].head = a;
                doc.tokens[k].dep = "obl:mod".into();
            }
            {
                let r = &mut doc.tokens[root];
                r.head = a;
                r.dep = "obl:mod".into();
            }
            for k in sentence.clone() {
                if k != a && doc.tokens[k].head == root && doc.tokens[k].dep == "punct" {
                    doc.tokens[k].head = a;
                }
            }
            make_head(doc, a, l);
            fixed += 1;
        }
    }
    for k in 0..doc.tokens.len() {
        let head = doc.tokens[k].head;
        // A damaged parse may point outside the paragraph: no verb there.
        if doc.tokens[k].dep != "obj" || head == k || doc.tokens.get(head).is_none_or(|h| h.pos != "VERB") {
            continue;
        }
        let prepositional = (0..k).rev().take(3).any(|c| {
            doc.tokens[c].head == k
                && doc.tokens[c].dep == "case"
                && OBLIQUE_PREPOSITIONS.contains(&doc.tokens[c].text.to_lowercase().as_str())
        });
        if prepositional {
            doc.tokens[k].dep = "obl:mod".into();
            fixed += 1;
        }
    }
    fixed
}
