//! A parse repair (see [`super`]), for the fact rules only: a finite verb
//! the model hung as a clause on the noun before it.
//!
//! "Vers 14h48, près des Grands Boulevards, des manifestants dégradent le
//! mobilier", "le naufrage d'un bateau de migrants entraîne plusieurs
//! morts": after a fronted adjunct or a long noun phrase, the models
//! sometimes read the clause's subject as part of the noun phrase around
//! it and the finite verb after it as an `acl` on that noun. An `acl` is a
//! participle, an infinitive or a relative clause; a finite verb with no
//! relative pronoun, no subordinator and no subject of its own is the
//! predicate of the noun phrase before it. [`rehang_finite_clauses`] makes
//! that noun phrase the verb's subject (`nsubj`, the top of a chain of "de"
//! complements: the shipwreck, not the migrants) and the verb a clause of
//! its own (`parataxis` of the sentence's root, or the root itself when the
//! noun was). The number of the verb must not contradict the noun's, and
//! nothing but the noun phrase, an apposition set off by commas and the
//! verb's own clitics and adverbs may stand between them; a rubric before a
//! colon ("Espace : la station retombera"), a noun with a preposition or
//! another verb's argument ("s'est procuré la décision accordant …") is no
//! subject. Changes heads and
//! relations only (never text, offsets or entities).

use crate::extract::entities::spans::descends_from;
use crate::nlp::Doc;

/// Rehangs each finite verb parsed as an `acl` of the noun before it;
/// returns how many were rehung.
pub fn rehang_finite_clauses(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let mut changed = 0;
    for v in 0..n {
        let t = &doc.tokens[v];
        if t.pos != "VERB" || t.dep != "acl" || !t.morph.contains("VerbForm=Fin") || !t.morph.contains("Mood=") {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&c| c != v && doc.tokens[c].head == v).collect();
        let own_subject_or_link = kids.iter().any(|&c| {
            let k = &doc.tokens[c];
            k.dep.starts_with("nsubj")
                || k.dep.starts_with("csubj")
                || k.dep == "mark"
                || k.morph.contains("PronType=Rel")
                || (k.pos == "PRON" && k.lemma.to_lowercase() == "qui")
        });
        let h0 = doc.tokens[v].head;
        if own_subject_or_link || h0 >= v || !matches!(doc.tokens[h0].pos.as_str(), "NOUN" | "PROPN") {
            continue;
        }
        let h = top_of_de_chain(doc, h0);
        if !between_is_phrase(doc, h, v) || !super::agrees_in_number(doc, h, v) || after_rubric(doc, h) {
            continue;
        }
        // A subject has no preposition and is no other verb's argument
        // ("s'est procuré la décision accordant …" keeps its object).
        let argument = matches!(
            doc.tokens[h].dep.split(':').next().unwrap_or(""),
            "obj" | "iobj" | "obl" | "xcomp" | "ccomp"
        );
        let preposition = (0..n).any(|c| doc.tokens[c].head == h && doc.tokens[c].dep == "case");
        if argument || preposition {
            continue;
        }
        let (head, dep) = {
            let ht = &doc.tokens[h];
            if ht.head == h || ht.dep == "root" {
                (v, "root".to_string())
            } else {
                (sentence_root(doc, h).unwrap_or(ht.head), "parataxis".to_string())
            }
        };
        let tokens = &mut doc.tokens;
        tokens[v].head = head;
        tokens[v].dep = dep;
        tokens[h].head = v;
        tokens[h].dep = "nsubj".to_string();
        changed += 1;
    }
    changed
}

/// From a noun up its chain of "de" complements to the noun that heads the
/// phrase ("migrants" in "le naufrage d'un bateau de migrants" → "naufrage").
fn top_of_de_chain(doc: &Doc, mut h: usize) -> usize {
    for _ in 0..6 {
        let t = &doc.tokens[h];
        let up = t.head;
        let has_de = (0..doc.tokens.len()).any(|c| {
            doc.tokens[c].head == h
                && doc.tokens[c].dep == "case"
                && matches!(doc.tokens[c].lemma.to_lowercase().as_str(), "de" | "du" | "des")
        });
        if t.dep != "nmod" || !has_de || up >= h || !matches!(doc.tokens[up].pos.as_str(), "NOUN" | "PROPN") {
            break;
        }
        h = up;
    }
    h
}

/// Whether every token between the noun `h` and the verb `v` belongs to
/// the noun's phrase (an apposition set off by commas included) or is the
/// verb's own clitic, auxiliary or adverb, with no colon among them and no
/// bare comma right before the verb unless it closes such an apposition.
fn between_is_phrase(doc: &Doc, h: usize, v: usize) -> bool {
    let mut apposed = false;
    for k in h + 1..v {
        let t = &doc.tokens[k];
        if t.text == ":" || t.sent_start {
            return false;
        }
        if descends_from(doc, k, v) && !descends_from(doc, k, h) {
            // The verb's group: clitics, auxiliaries, negation, adverbs.
            if !(matches!(t.pos.as_str(), "PRON" | "AUX" | "ADV") && t.head == v) {
                return false;
            }
            continue;
        }
        if !descends_from(doc, k, h) {
            return false;
        }
        if t.dep == "appos" && t.head == h {
            apposed = true;
        }
    }
    let before = &doc.tokens[v - 1];
    before.text != "," || apposed
}

/// Whether the noun phrase of `h` opens right after a colon (a headline's
/// rubric: "Grèce : naufrage d'un bateau …"), where the entity table reads
/// it as a description of the rubric.
fn after_rubric(doc: &Doc, h: usize) -> bool {
    let (first, _) = super::phrase_bounds(doc, h);
    first > 0 && doc.tokens[first - 1].text == ":"
}

/// The root of the sentence token `k` is in (bounded walk; `None` on a cycle).
fn sentence_root(doc: &Doc, mut k: usize) -> Option<usize> {
    for _ in 0..doc.tokens.len() {
        let up = doc.tokens[k].head;
        if up == k || up >= doc.tokens.len() {
            return Some(k);
        }
        k = up;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::test_doc::{doc, token};
    use super::*;

    /// "près du pont , des ouvriers réparent la route ." with "réparent" an
    /// `acl` of "ouvriers", itself under the nominal root "pont".
    fn hung() -> Doc {
        let mut d = doc(
            "près du pont , des ouvriers réparent la route .",
            vec![
                token("près", 0, "ADV", 2, "advmod", true),
                token("du", 5, "ADP", 2, "case", false),
                token("pont", 8, "NOUN", 2, "root", false),
                token(",", 13, "PUNCT", 2, "punct", false),
                token("des", 15, "DET", 5, "det", false),
                token("ouvriers", 19, "NOUN", 2, "nmod", false),
                token("réparent", 28, "VERB", 5, "acl", false),
                token("la", 37, "DET", 8, "det", false),
                token("route", 40, "NOUN", 6, "obj", false),
                token(".", 46, "PUNCT", 2, "punct", false),
            ],
        );
        d.tokens[5].morph = "Gender=Masc|Number=Plur".into();
        d.tokens[6].morph = "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin".into();
        d
    }

    #[test]
    fn a_finite_verb_hung_on_the_noun_before_it_is_that_nouns_predicate() {
        let mut d = hung();
        assert_eq!(rehang_finite_clauses(&mut d), 1);
        assert_eq!((d.tokens[5].head, d.tokens[5].dep.as_str()), (6, "nsubj"));
        assert_eq!((d.tokens[6].head, d.tokens[6].dep.as_str()), (2, "parataxis"));
        assert_eq!(d.tokens[8].head, 6, "the object stays the verb's");
    }

    #[test]
    fn relatives_participles_disagreeing_and_rubrics_stay() {
        // A participle is a real acl.
        let mut d = hung();
        d.tokens[6].morph = "Gender=Masc|Number=Plur|Tense=Past|VerbForm=Part".into();
        assert_eq!(rehang_finite_clauses(&mut d), 0);
        // A relative pronoun makes it a relative clause.
        let mut d = hung();
        d.tokens[4].head = 6;
        d.tokens[4].dep = "nsubj".into();
        assert_eq!(rehang_finite_clauses(&mut d), 0);
        // The verb is singular, the noun plural.
        let mut d = hung();
        d.tokens[6].morph = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin".into();
        assert_eq!(rehang_finite_clauses(&mut d), 0);
        // A colon between them: a rubric.
        let mut d = hung();
        d.tokens[6].head = 2;
        d.tokens[3].text = ":".into();
        assert_eq!(rehang_finite_clauses(&mut d), 0);
    }
}
