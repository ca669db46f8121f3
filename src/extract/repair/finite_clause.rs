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
        // "Il n'y a pas d'inquiétude à avoir : la plupart des éléments
        // brûleront": a clause after a colon that follows a clause. Its
        // subject may be read as the first clause's argument, and a share
        // ("la plupart des X") agrees with its whole.
        let colon = colon_before(doc, h).filter(|&c| doc.tokens[h].head < c && clause_before(doc, c));
        let agrees = super::agrees_in_number(doc, h, v)
            || (colon.is_some() && (h + 1..v).any(|k| doc.tokens[k].head == h && super::agrees_in_number(doc, k, v)));
        if !between_is_phrase(doc, h, v) || !agrees || (after_rubric(doc, h) && colon.is_none()) {
            continue;
        }
        // A subject has no preposition and is no other verb's argument
        // ("s'est procuré la décision accordant …" keeps its object).
        let argument = colon.is_none()
            && matches!(
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

/// The colon right before the noun phrase of `h`, if any.
fn colon_before(doc: &Doc, h: usize) -> Option<usize> {
    let (first, _) = super::phrase_bounds(doc, h);
    (first > 0 && doc.tokens[first - 1].text == ":").then(|| first - 1)
}

/// Whether the sentence before the colon at `c` has a verb of its own (a
/// clause, not a headline's rubric: "Grèce : naufrage …").
fn clause_before(doc: &Doc, c: usize) -> bool {
    for k in (0..c).rev() {
        if matches!(doc.tokens[k].pos.as_str(), "VERB" | "AUX") {
            return true;
        }
        if doc.tokens[k].sent_start {
            break;
        }
    }
    false
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

    /// "il y a un risque : la plupart des pièces brûleront ." with
    /// "brûleront" an `acl` of "pièces" and "plupart" the object of "a".
    #[test]
    fn a_clause_after_a_colon_takes_the_share_before_it_for_subject() {
        let mut d = doc(
            "il y a un risque : la plupart des pièces brûleront .",
            vec![
                token("il", 0, "PRON", 2, "expl:subj", true),
                token("y", 3, "PRON", 2, "expl:comp", false),
                token("a", 5, "VERB", 2, "root", false),
                token("un", 7, "DET", 4, "det", false),
                token("risque", 10, "NOUN", 2, "obj", false),
                token(":", 17, "PUNCT", 4, "punct", false),
                token("la", 19, "DET", 7, "det", false),
                token("plupart", 22, "NOUN", 2, "obj", false),
                token("des", 30, "ADP", 9, "case", false),
                token("pièces", 34, "NOUN", 7, "nmod", false),
                token("brûleront", 41, "VERB", 9, "acl", false),
                token(".", 51, "PUNCT", 2, "punct", false),
            ],
        );
        d.tokens[7].morph = "Gender=Fem|Number=Sing".into();
        d.tokens[9].morph = "Gender=Fem|Number=Plur".into();
        d.tokens[10].morph = "Mood=Ind|Number=Plur|Person=3|Tense=Fut|VerbForm=Fin".into();
        assert_eq!(rehang_finite_clauses(&mut d), 1);
        assert_eq!((d.tokens[7].head, d.tokens[7].dep.as_str()), (10, "nsubj"));
        assert_eq!((d.tokens[10].head, d.tokens[10].dep.as_str()), (2, "parataxis"));
        // Without a verb before the colon, the noun phrase is a rubric's.
        let mut d2 = d.clone();
        d2.tokens[7].head = 2;
        d2.tokens[7].dep = "obj".into();
        d2.tokens[10].head = 9;
        d2.tokens[10].dep = "acl".into();
        d2.tokens[2].pos = "NOUN".into();
        assert_eq!(rehang_finite_clauses(&mut d2), 0);
    }
}
