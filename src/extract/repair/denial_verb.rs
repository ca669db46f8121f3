//! A parse repair (see [`super`]): a verb of denial read as another part of
//! speech before what it denies.
//!
//! The French models often tag the present "dément" as an adverb or an
//! adjective ("Le maire dément avoir reçu de l'argent": `dément` an
//! `advmod` of `maire`, or an `amod` of "ministre"), and "nie" as a
//! pronoun ("X nie avoir frappé …"), so the rules read the denied act as
//! asserted, or read nothing. A finite form of "nier" or "démentir" not
//! tagged as a verb, written before an infinitive ("avoir reçu",
//! "être venu", "connaître") or a "que" clause, becomes that verb: `VERB`,
//! its lemma, finite indicative; the denied clause hangs on it (`xcomp`
//! for an infinitive, `ccomp` for "que"), it takes that clause's place in
//! the tree, and the clause's subject written before it becomes its own
//! (so does a noun the parser made the head of a verbless sentence: "Le
//! ministre dément que …" read with the clause as the noun's relative).
//! Adverbs may stand between ("dément formellement avoir …").
//! The rules then read a denial (`denial` in `data/lexicon.tsv`): the act
//! negated and reported by the one who denies it. Nothing changes when the
//! word is followed by anything else ("le démenti", "une nie") or when the
//! tree would not stay a tree. Changes parts of speech, lemmas,
//! morphology, heads and relations only.

use super::children;
use crate::extract::entities::spans::descends_from;
use crate::nlp::Doc;

/// Finite forms of the verbs of denial that the models tag as other parts
/// of speech, with their lemma and grammatical number (present and
/// imperfect, third person, as news write them).
const FORMS: [(&str, &str, &str); 10] = [
    ("nie", "nier", "Sing"),
    ("nient", "nier", "Plur"),
    ("niait", "nier", "Sing"),
    ("niaient", "nier", "Plur"),
    ("dément", "démentir", "Sing"),
    ("démentent", "démentir", "Plur"),
    ("démentait", "démentir", "Sing"),
    ("démentaient", "démentir", "Plur"),
    ("démens", "démentir", "Sing"),
    ("dénie", "dénier", "Sing"),
];

/// The head of what the word at `d` denies, and the relation it takes: the
/// verb of an infinitive right after it (an auxiliary's participle: "avoir
/// reçu"), or of a "que" clause.
fn denied(doc: &Doc, d: usize) -> Option<(usize, &'static str)> {
    let mut k = d + 1;
    // "nie ne pas avoir …", "nie n'avoir jamais …", "dément formellement
    // avoir …"
    while k < doc.tokens.len()
        && (doc.tokens[k].pos == "ADV" || matches!(doc.tokens[k].lemma.as_str(), "ne" | "pas" | "jamais"))
    {
        k += 1;
    }
    let next = doc.tokens.get(k)?;
    if next.morph.contains("VerbForm=Inf") && matches!(next.pos.as_str(), "VERB" | "AUX") {
        let aux = next.pos == "AUX" && next.dep.starts_with("aux") && next.head != k;
        return Some((if aux { next.head } else { k }, "xcomp"));
    }
    if matches!(next.text.to_lowercase().as_str(), "que" | "qu'" | "qu’") && next.dep == "mark" && next.head != k {
        return Some((next.head, "ccomp"));
    }
    None
}

/// Makes each such word the verb of denial; returns how many.
pub fn repair_denial_verbs(doc: &mut Doc) -> usize {
    let mut fixed = 0;
    for d in 0..doc.tokens.len() {
        let t = &doc.tokens[d];
        if matches!(t.pos.as_str(), "VERB") {
            continue;
        }
        let written = t.text.to_lowercase();
        let Some(&(_, lemma, number)) = FORMS.iter().find(|(form, _, _)| *form == written) else {
            continue;
        };
        let Some((x, relation)) = denied(doc, d) else {
            continue;
        };
        if x <= d || x >= doc.tokens.len() {
            continue;
        }
        if doc.tokens[x].head == d {
            // Already the head of what it denies ("nie" read as a pronoun
            // heading "avoir frappé"): only the word is wrong.
            doc.tokens[x].dep = relation.into();
        } else if descends_from(doc, x, d) {
            continue;
        } else {
            // Take the denied clause's place; the clause hangs on it.
            let (mut head, mut dep) = if doc.tokens[x].head == x {
                (d, "ROOT".to_string())
            } else {
                (doc.tokens[x].head, doc.tokens[x].dep.clone())
            };
            // The subject written before the verb of denial is its own.
            let mut subjects: Vec<usize> = (0..d)
                .filter(|&s| doc.tokens[s].head == x && matches!(doc.tokens[s].dep.as_str(), "nsubj" | "nsubj:pass"))
                .collect();
            // "Le ministre dément que …" read as a verbless sentence on
            // "ministre", the clause its relative: the noun is the subject.
            let noun_root = head < d
                && doc.tokens[head].head == head
                && matches!(doc.tokens[head].pos.as_str(), "NOUN" | "PROPN" | "PRON");
            if noun_root {
                subjects.push(head);
                head = d;
                dep = "ROOT".to_string();
            }
            // Words hung on the verb of denial (a wrong reading of it) go
            // to the clause.
            for k in children(doc, d).collect::<Vec<_>>() {
                doc.tokens[k].head = x;
            }
            doc.tokens[d].head = head;
            doc.tokens[d].dep = dep;
            doc.tokens[x].head = d;
            doc.tokens[x].dep = relation.into();
            for s in subjects {
                doc.tokens[s].head = d;
                doc.tokens[s].dep = "nsubj".into();
            }
        }
        let verb = &mut doc.tokens[d];
        verb.pos = "VERB".into();
        verb.tag = "VERB".into();
        verb.lemma = lemma.into();
        verb.morph = format!("Mood=Ind|Number={number}|Person=3|Tense=Pres|VerbForm=Fin");
        fixed += 1;
    }
    fixed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::repair::test_doc::{doc, token};
    use crate::nlp::Token;

    fn tok(text: &str, lemma: &str, pos: &str, head: usize, dep: &str, morph: &str) -> Token {
        Token {
            lemma: lemma.into(),
            morph: morph.into(),
            ..token(text, 0, pos, head, dep, false)
        }
    }

    #[test]
    fn an_adverb_denial_heads_the_infinitive_it_denies() {
        // As the md model parses it: "dément" an adverb on the subject.
        let mut d = doc(
            "Le maire dément avoir reçu de l'argent.",
            vec![
                tok("Le", "le", "DET", 1, "det", ""),
                tok("maire", "maire", "NOUN", 4, "nsubj", ""),
                tok("dément", "dément", "ADV", 1, "advmod", ""),
                tok("avoir", "avoir", "AUX", 4, "aux:tense", "VerbForm=Inf"),
                tok("reçu", "recevoir", "VERB", 4, "ROOT", "VerbForm=Part"),
                tok("argent", "argent", "NOUN", 4, "obj", ""),
            ],
        );
        assert_eq!(repair_denial_verbs(&mut d), 1);
        let t = &d.tokens;
        assert_eq!(
            (t[2].pos.as_str(), t[2].lemma.as_str(), t[2].dep.as_str()),
            ("VERB", "démentir", "ROOT")
        );
        assert_eq!(t[2].head, 2);
        assert_eq!((t[4].head, t[4].dep.as_str()), (2, "xcomp"));
        assert_eq!((t[1].head, t[1].dep.as_str()), (2, "nsubj"));
        // The object stays the infinitive's.
        assert_eq!(t[5].head, 4);
        assert!(t[2].morph.contains("VerbForm=Fin"));
    }

    #[test]
    fn a_denial_of_a_que_clause_on_a_verbless_subject_heads_the_sentence() {
        // "Le ministre dément que son fils a reçu une subvention." as the
        // md model parses it: "ministre" the root, the clause its relative.
        let mut d = doc(
            "Le ministre dément que son fils a reçu une subvention.",
            vec![
                tok("Le", "le", "DET", 1, "det", ""),
                tok("ministre", "ministre", "NOUN", 1, "ROOT", ""),
                tok("dément", "dément", "ADV", 1, "advmod", ""),
                tok("que", "que", "SCONJ", 7, "mark", ""),
                tok("son", "son", "DET", 5, "det", ""),
                tok("fils", "fils", "NOUN", 7, "nsubj", ""),
                tok("a", "avoir", "AUX", 7, "aux:tense", "VerbForm=Fin"),
                tok("reçu", "recevoir", "VERB", 1, "acl:relcl", "VerbForm=Part"),
            ],
        );
        assert_eq!(repair_denial_verbs(&mut d), 1);
        let t = &d.tokens;
        assert_eq!((t[2].head, t[2].dep.as_str(), t[2].pos.as_str()), (2, "ROOT", "VERB"));
        assert_eq!((t[1].head, t[1].dep.as_str()), (2, "nsubj"));
        assert_eq!((t[7].head, t[7].dep.as_str()), (2, "ccomp"));
    }

    #[test]
    fn a_pronoun_nie_heading_its_infinitive_becomes_the_verb() {
        let mut d = doc(
            "Nadia nie avoir frappé le policier.",
            vec![
                tok("Nadia", "Nadia", "PROPN", 1, "nsubj", ""),
                tok("nie", "nier", "PRON", 1, "ROOT", "Person=3|Reflex=Yes"),
                tok("avoir", "avoir", "AUX", 3, "aux:tense", "VerbForm=Inf"),
                tok("frappé", "frapper", "VERB", 1, "xcomp", "VerbForm=Part"),
            ],
        );
        assert_eq!(repair_denial_verbs(&mut d), 1);
        assert_eq!((d.tokens[1].pos.as_str(), d.tokens[1].lemma.as_str()), ("VERB", "nier"));
        assert_eq!((d.tokens[3].head, d.tokens[3].dep.as_str()), (1, "xcomp"));
    }

    #[test]
    fn a_denial_noun_or_a_word_before_no_clause_stays() {
        // "le démenti", and "dément" followed by no infinitive nor "que".
        let mut d = doc(
            "Un homme dément a été arrêté.",
            vec![
                tok("Un", "un", "DET", 1, "det", ""),
                tok("homme", "homme", "NOUN", 5, "nsubj:pass", ""),
                tok("dément", "dément", "ADJ", 1, "amod", ""),
                tok("a", "avoir", "AUX", 5, "aux:tense", ""),
                tok("été", "être", "AUX", 5, "aux:pass", "VerbForm=Part"),
                tok("arrêté", "arrêter", "VERB", 5, "ROOT", "VerbForm=Part"),
            ],
        );
        assert_eq!(repair_denial_verbs(&mut d), 0);
        assert_eq!(d.tokens[2].pos, "ADJ");
    }
}
