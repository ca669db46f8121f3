//! A parse repair (see [`super`]), for the fact rules only: a verb's direct
//! object the model labelled as a second subject after the verb.
//!
//! "des manifestants ont interrompu le conseil municipal", "la police
//! bloque le cortège": the model sometimes gives an active verb two
//! `nsubj`, one before it and one after. French puts a nominal subject
//! after its verb only when there is none before it (stylistic inversion,
//! speech verbs after a quote), so when a subject stands before the verb,
//! the noun phrase right after it, with no comma or preposition of its own,
//! is the object the verb lacks; so after a perfect infinitive under
//! another verb ("reconnaît avoir reçu X"), whose subject is that verb's. A passive, a reflexive verb or a verb
//! that already has an object keeps its parse. Changes relations only
//! (never heads, text, offsets or entities).

use crate::nlp::Doc;

/// Relabels a post-verbal second subject as the verb's `obj`; returns how
/// many relations changed.
pub fn relabel_second_subjects(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let mut changed = 0;
    for v in 0..n {
        if doc.tokens[v].pos != "VERB" {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&c| c != v && doc.tokens[c].head == v).collect();
        let dep = |c: usize| doc.tokens[c].dep.as_str();
        // A perfect infinitive under another verb ("reconnaît avoir reçu
        // X") has its subject in that verb: a noun after it is its object.
        let perfect_infinitive = dep(v) == "xcomp"
            && kids.iter().any(|&c| {
                c < v
                    && dep(c) == "aux:tense"
                    && doc.tokens[c].lemma == "avoir"
                    && doc.tokens[c].morph.contains("VerbForm=Inf")
            });
        let before = perfect_infinitive || kids.iter().any(|&c| c < v && dep(c) == "nsubj");
        // A passive, a reflexive or pronominal verb ("se sont rassemblés"),
        // or a verb with an object of its own: not this misreading.
        let blocked = kids.iter().any(|&c| {
            matches!(
                dep(c),
                "obj" | "aux:pass" | "nsubj:pass" | "expl:comp" | "expl:pass" | "expl:pv" | "iobj"
            )
        });
        if !before || blocked {
            continue;
        }
        let after: Vec<usize> = kids.iter().copied().filter(|&c| c > v && dep(c) == "nsubj").collect();
        let [s] = after[..] else { continue };
        if !matches!(doc.tokens[s].pos.as_str(), "NOUN" | "PROPN") {
            continue;
        }
        // The phrase's first word: the subject's own dependents before it.
        let first = (0..s)
            .rev()
            .take_while(|&k| k > v && doc.tokens[k].head == s)
            .last()
            .unwrap_or(s);
        let set_off = first > 0 && matches!(doc.tokens[first - 1].text.as_str(), "," | "«" | "\"" | "(");
        let preposition = (0..n).any(|c| doc.tokens[c].head == s && doc.tokens[c].dep == "case");
        // Only the verb's own words between it and the phrase (its
        // adverbs): another clause in between would make it another's.
        let adjacent = (v + 1..first).all(|k| doc.tokens[k].head == v && doc.tokens[k].pos == "ADV");
        if set_off || preposition || !adjacent {
            continue;
        }
        doc.tokens[s].dep = "obj".to_string();
        changed += 1;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::super::test_doc::{doc, token};
    use super::*;

    /// "Des élèves ont bloqué le lycée ." with "lycée" parsed as `nsubj`.
    fn second_subject() -> Doc {
        doc(
            "Des élèves ont bloqué le lycée .",
            vec![
                token("Des", 0, "DET", 1, "det", true),
                token("élèves", 4, "NOUN", 3, "nsubj", false),
                token("ont", 11, "AUX", 3, "aux:tense", false),
                token("bloqué", 15, "VERB", 3, "root", false),
                token("le", 22, "DET", 5, "det", false),
                token("lycée", 25, "NOUN", 3, "nsubj", false),
                token(".", 31, "PUNCT", 3, "punct", false),
            ],
        )
    }

    #[test]
    fn a_second_subject_after_the_verb_is_its_object() {
        let mut d = second_subject();
        assert_eq!(relabel_second_subjects(&mut d), 1);
        assert_eq!(d.tokens[5].dep, "obj");
        assert_eq!(d.tokens[1].dep, "nsubj");
    }

    #[test]
    fn an_inverted_subject_alone_or_beside_an_object_stays() {
        // No subject before the verb: a real inversion.
        let mut d = second_subject();
        d.tokens[1].dep = "nmod".to_string();
        assert_eq!(relabel_second_subjects(&mut d), 0);
        // The verb has an object already.
        let mut d = second_subject();
        d.tokens[0].head = 3;
        d.tokens[0].dep = "obj".to_string();
        assert_eq!(relabel_second_subjects(&mut d), 0);
        // Set off by a comma: an apposition or another clause's subject.
        let mut d = second_subject();
        d.tokens[4].text = ",".to_string();
        d.tokens[4].pos = "PUNCT".to_string();
        d.tokens[4].head = 3;
        assert_eq!(relabel_second_subjects(&mut d), 0);
    }
}
