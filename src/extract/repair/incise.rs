//! A parse repair (see [`super`]), for the fact rules only: an adjunct set
//! off by commas between the auxiliary and the participle, read as the
//! head of the clause.
//!
//! "L'opérateur a, à son tour, menacé de couper le signal", "le ministre
//! a, pour sa part, refusé": French news often puts a short adjunct
//! between the auxiliary and the participle. The models then sometimes
//! make the adjunct's noun ("tour") the head of the clause, with the
//! auxiliary and the subject hung on it and the participle as its `acl`,
//! so the noun becomes the subject of whatever the participle says.
//! [`rehang_incises`] gives the clause back to the participle: it takes the
//! noun's head and relation, the noun becomes its `obl:mod`, and the
//! auxiliaries and subjects the noun held hang on the participle. Only
//! when the noun has a preposition of its own, a finite auxiliary of its
//! own before it, commas on both sides of its phrase and the participle
//! right after the closing comma. Changes heads and relations only.

use crate::extract::entities::spans::descends_from;
use crate::nlp::Doc;

/// Gives each clause whose head is an incise's noun back to its participle;
/// returns how many were given back.
pub fn rehang_incises(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let mut changed = 0;
    for noun in 0..n {
        if doc.tokens[noun].pos != "NOUN" {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&c| c != noun && doc.tokens[c].head == noun).collect();
        let has_case = kids.iter().any(|&c| doc.tokens[c].dep == "case" && c < noun);
        let finite_aux = kids.iter().copied().find(|&c| {
            let t = &doc.tokens[c];
            c < noun && t.pos == "AUX" && t.dep.starts_with("aux") && t.morph.contains("VerbForm=Fin")
        });
        let (true, Some(aux)) = (has_case, finite_aux) else {
            continue;
        };
        // The phrase of the noun, without what hangs on it from outside
        // the incise: from its first own word to its last before the comma.
        let first = (aux + 1..noun).find(|&k| descends_from(doc, k, noun) && doc.tokens[k].pos != "PUNCT");
        let Some(first) = first else { continue };
        let mut last = noun;
        while last + 1 < n && doc.tokens[last + 1].text != "," && descends_from(doc, last + 1, noun) {
            last += 1;
        }
        let comma_before = first > 0 && doc.tokens[first - 1].text == "," && first - 1 == aux + 1;
        let comma_after = last + 1 < n && doc.tokens[last + 1].text == ",";
        let Some(participle) = (last + 2 < n).then_some(last + 2) else {
            continue;
        };
        let p = &doc.tokens[participle];
        let is_participle = p.pos == "VERB" && p.morph.contains("VerbForm=Part") && p.head == noun;
        if !(comma_before && comma_after && is_participle) {
            continue;
        }
        let (head, dep) = (doc.tokens[noun].head, doc.tokens[noun].dep.clone());
        let root = head == noun || dep == "root";
        let tokens = &mut doc.tokens;
        tokens[participle].head = if root { participle } else { head };
        tokens[participle].dep = dep;
        tokens[noun].head = participle;
        tokens[noun].dep = "obl:mod".to_string();
        for &c in &kids {
            let d = tokens[c].dep.as_str();
            let clause_word = d.starts_with("aux") || d.starts_with("nsubj") || (d == "punct" && c > noun);
            if clause_word || (c < aux && d != "case") {
                tokens[c].head = participle;
            }
        }
        changed += 1;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::super::test_doc::{doc, token};
    use super::*;

    /// "Orange a , à son tour , menacé de couper ." with "tour" the root.
    fn incise() -> Doc {
        let mut d = doc(
            "Orange a , à son tour , menacé de couper .",
            vec![
                token("Orange", 0, "PROPN", 5, "nsubj", true),
                token("a", 7, "AUX", 5, "aux:tense", false),
                token(",", 9, "PUNCT", 5, "punct", false),
                token("à", 11, "ADP", 5, "case", false),
                token("son", 13, "DET", 5, "det", false),
                token("tour", 17, "NOUN", 5, "root", false),
                token(",", 22, "PUNCT", 7, "punct", false),
                token("menacé", 24, "VERB", 5, "acl", false),
                token("de", 31, "ADP", 9, "mark", false),
                token("couper", 34, "VERB", 7, "xcomp", false),
                token(".", 41, "PUNCT", 5, "punct", false),
            ],
        );
        d.tokens[1].morph = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin".into();
        d.tokens[7].morph = "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part".into();
        d
    }

    #[test]
    fn the_participle_after_an_incise_heads_its_clause() {
        let mut d = incise();
        assert_eq!(rehang_incises(&mut d), 1);
        assert_eq!((d.tokens[7].head, d.tokens[7].dep.as_str()), (7, "root"));
        assert_eq!((d.tokens[5].head, d.tokens[5].dep.as_str()), (7, "obl:mod"));
        assert_eq!(d.tokens[0].head, 7, "the subject is the participle's");
        assert_eq!(d.tokens[1].head, 7, "and the auxiliary");
        assert_eq!(d.tokens[3].head, 5, "the preposition stays the noun's");
    }

    #[test]
    fn no_incise_no_change() {
        // No comma before the participle.
        let mut d = incise();
        d.tokens[6].text = "et".into();
        assert_eq!(rehang_incises(&mut d), 0);
        // No preposition on the noun.
        let mut d = incise();
        d.tokens[3].dep = "det".into();
        assert_eq!(rehang_incises(&mut d), 0);
        // No finite auxiliary.
        let mut d = incise();
        d.tokens[1].morph = "VerbForm=Inf".into();
        assert_eq!(rehang_incises(&mut d), 0);
    }
}
