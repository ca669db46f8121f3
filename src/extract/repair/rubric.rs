//! A parse repair (see [`super`]), read and written: a headline's rubric
//! read as the subject of the clause after its colon.
//!
//! "Espace : la sonde X est tombée dans l'océan", "Football : le club Y
//! bat Z": headlines (and headlines quoted after a dateline) open with a
//! rubric word and a colon. The models then often make the rubric the
//! verb's subject and hang the real subject, the noun phrase right after
//! the colon, on the rubric. A sentence that opens (past quotes and
//! dashes) with a short rubric phrase and a colon, whose rubric is the
//! subject of a verb written after the colon, while a bare noun phrase
//! (no preposition) after the colon hangs on the rubric, has that noun
//! phrase for subject: [`rehang_rubric_subjects`] hangs it on the verb
//! with the rubric's relation, the rubric's other words after the colon
//! on it, and leaves the rubric as a `dep` of the verb. Changes heads and
//! relations only (never text, offsets or entities).

use crate::nlp::Doc;

/// Rehangs the subject of each clause whose rubric was read as its
/// subject; returns how many were rehung.
pub fn rehang_rubric_subjects(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let mut changed = 0;
    for s in 0..n {
        if !(s == 0 || doc.tokens[s].sent_start) {
            continue;
        }
        // Past the quotes and dashes opening the sentence.
        let mut r = s;
        while r < n && doc.tokens[r].pos == "PUNCT" && doc.tokens[r].text != ":" {
            r += 1;
        }
        // A rubric of at most three words, then the colon.
        let Some(colon) = (r + 1..(r + 4).min(n)).find(|&k| doc.tokens[k].text == ":") else {
            continue;
        };
        if (r..colon).any(|k| {
            !matches!(doc.tokens[k].pos.as_str(), "NOUN" | "PROPN" | "ADJ") || doc.tokens[k].sent_start && k != s
        }) {
            continue;
        }
        let Some(rubric) = (r..colon).find(|&k| !(r..colon).contains(&doc.tokens[k].head) || doc.tokens[k].head == k)
        else {
            continue;
        };
        let has_case = |k: usize| (0..n).any(|c| doc.tokens[c].head == k && doc.tokens[c].dep == "case");
        let is_root = doc.tokens[rubric].head == rubric;
        // "Espace : la sonde X retombera sur Terre" with the rubric the
        // root and the finite verb a clause on it: the verb is the root.
        let clause = (colon + 1..n).find(|&k| {
            let t = &doc.tokens[k];
            is_root
                && t.head == rubric
                && t.pos == "VERB"
                && t.morph.contains("VerbForm=Fin")
                && matches!(t.dep.as_str(), "acl" | "acl:relcl" | "parataxis" | "dep")
                && !(0..n).any(|c| doc.tokens[c].head == k && doc.tokens[c].dep.starts_with("nsubj"))
        });
        let (v, dep) = match clause {
            Some(v) => (v, "nsubj".to_string()),
            None => (doc.tokens[rubric].head, doc.tokens[rubric].dep.clone()),
        };
        if !dep.starts_with("nsubj") || v <= colon || v >= n || !matches!(doc.tokens[v].pos.as_str(), "VERB" | "AUX") {
            continue;
        }
        let Some(subject) = (colon + 1..v).find(|&k| {
            doc.tokens[k].head == rubric && matches!(doc.tokens[k].pos.as_str(), "NOUN" | "PROPN") && !has_case(k)
        }) else {
            continue;
        };
        for k in colon + 1..n {
            if k == subject || k == v || doc.tokens[k].head != rubric {
                continue;
            }
            if doc.tokens[k].pos == "PUNCT" {
                doc.tokens[k].head = v;
            } else if k < v {
                doc.tokens[k].head = subject;
            } else {
                // "… début avril": a word after the verb is the verb's.
                doc.tokens[k].head = v;
                if doc.tokens[k].dep.starts_with("nmod") {
                    doc.tokens[k].dep = "obl:mod".to_string();
                }
            }
        }
        if clause.is_some() {
            doc.tokens[v].head = v;
            doc.tokens[v].dep = doc.tokens[rubric].dep.clone();
            for k in 0..colon {
                if k != rubric && doc.tokens[k].head == rubric && doc.tokens[k].pos == "PUNCT" {
                    doc.tokens[k].head = v;
                }
            }
            doc.tokens[rubric].head = v;
        }
        doc.tokens[subject].head = v;
        doc.tokens[subject].dep = dep;
        doc.tokens[rubric].dep = "dep".to_string();
        changed += 1;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::super::test_doc::{doc, token};
    use super::*;

    /// "Sport : la sonde est tombée ." with the rubric as subject and the
    /// sonde hung on it.
    fn rubric() -> Doc {
        doc(
            "Sport : la sonde est tombée .",
            vec![
                token("Sport", 0, "PROPN", 5, "nsubj:pass", true),
                token(":", 6, "PUNCT", 0, "punct", false),
                token("la", 8, "DET", 3, "det", false),
                token("sonde", 11, "NOUN", 0, "nmod", false),
                token("est", 17, "AUX", 5, "aux:pass", false),
                token("tombée", 21, "VERB", 5, "ROOT", false),
                token(".", 28, "PUNCT", 5, "punct", false),
            ],
        )
    }

    #[test]
    fn the_phrase_after_the_colon_is_the_subject() {
        let mut d = rubric();
        assert_eq!(rehang_rubric_subjects(&mut d), 1);
        assert_eq!((d.tokens[3].head, d.tokens[3].dep.as_str()), (5, "nsubj:pass"));
        assert_eq!((d.tokens[0].head, d.tokens[0].dep.as_str()), (5, "dep"));
    }

    #[test]
    fn a_clause_hung_on_a_root_rubric_becomes_the_root() {
        let mut d = doc(
            "Sport : la sonde tombera .",
            vec![
                token("Sport", 0, "PROPN", 0, "ROOT", true),
                token(":", 6, "PUNCT", 0, "punct", false),
                token("la", 8, "DET", 3, "det", false),
                token("sonde", 11, "NOUN", 0, "nmod", false),
                token("tombera", 17, "VERB", 0, "acl", false),
                token(".", 25, "PUNCT", 0, "punct", false),
            ],
        );
        d.tokens[4].morph = "Mood=Ind|VerbForm=Fin".into();
        assert_eq!(rehang_rubric_subjects(&mut d), 1);
        assert_eq!((d.tokens[4].head, d.tokens[4].dep.as_str()), (4, "ROOT"));
        assert_eq!((d.tokens[3].head, d.tokens[3].dep.as_str()), (4, "nsubj"));
        assert_eq!((d.tokens[0].head, d.tokens[0].dep.as_str()), (4, "dep"));
        assert_eq!(d.tokens[5].head, 4);
    }

    #[test]
    fn no_colon_or_a_prepositional_phrase_stays() {
        let mut d = rubric();
        d.tokens[1].text = ",".into();
        assert_eq!(rehang_rubric_subjects(&mut d), 0);
        let mut d = rubric();
        d.tokens[2].dep = "case".into();
        assert_eq!(rehang_rubric_subjects(&mut d), 0);
    }
}
