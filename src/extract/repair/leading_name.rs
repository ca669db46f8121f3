//! A parse repair (see [`super`]): a place name the models cut off as if
//! it were a dateline.
//!
//! News agencies open paragraphs with a dateline (`PARIS, 3 mars (AFP) -`),
//! and the models learned to end a sentence after a capitalised place name
//! followed by a comma. When the name in fact begins a list of subjects
//! (`Paris, Berlin et Varsovie ont signé…`), the first conjunct is cut off
//! into a sentence of its own and lost as a subject. A real dateline keeps
//! its split: what a dateline looks like is [`crate::extract::timex::docdate::dateline_length`]'s
//! to say, and a subject, not a date, must follow the comma.

use super::{roots, starts_dateline};
use crate::nlp::Doc;

/// Most tokens a cut-off name may have ("Rio de Janeiro", "La Nouvelle-Orléans").
const MAX_NAME_TOKENS: usize = 4;

/// Rejoins a sentence made only of a proper name to the next sentence when
/// that one starts with a comma and then the subject of its verb (`Paris` +
/// `, Berlin et Varsovie ont signé`): the name becomes the subject, the old
/// subject and its conjuncts its conjuncts (UD attaches every conjunct to
/// the first), the comma hangs on the old subject. Returns how many
/// sentences were rejoined.
pub fn rejoin_leading_name(doc: &mut Doc) -> usize {
    let mut rejoined = 0;
    let sentences = doc.sentences();
    for pair in sentences.windows(2) {
        let (name, next) = (&pair[0], &pair[1]);
        let tokens = &doc.tokens;
        let only_name = name.len() <= MAX_NAME_TOKENS
            && tokens[name.clone()]
                .iter()
                .all(|t| t.pos == "PROPN" || t.pos == "ADP" || t.pos == "DET")
            && tokens[name.start].pos == "PROPN";
        if !only_name || next.len() < 3 || tokens[next.start].text != "," {
            continue;
        }
        let subject = next.start + 1;
        let subject_token = &tokens[subject];
        let is_subject = matches!(subject_token.dep.as_str(), "nsubj" | "nsubj:pass")
            && matches!(subject_token.pos.as_str(), "PROPN" | "NOUN")
            && subject_token.head != subject;
        if !is_subject || starts_dateline(doc, name.start) {
            continue;
        }
        // The name's own root: the token of the first sentence that heads it.
        let Some(root) = roots(doc, name.clone()).next() else {
            continue;
        };
        let (verb, dep) = (subject_token.head, subject_token.dep.clone());
        let tokens = &mut doc.tokens;
        tokens[root].head = verb;
        tokens[root].dep = dep;
        for i in next.clone() {
            if tokens[i].dep == "conj" && tokens[i].head == subject {
                tokens[i].head = root;
            }
        }
        tokens[subject].head = root;
        tokens[subject].dep = "conj".into();
        let comma = next.start;
        tokens[comma].head = subject;
        tokens[comma].dep = "punct".into();
        tokens[comma].sent_start = false;
        rejoined += 1;
    }
    rejoined
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::repair::test_doc::{split_list, token};

    #[test]
    fn a_list_of_subjects_keeps_its_first_name() {
        let mut doc = split_list();
        assert_eq!(rejoin_leading_name(&mut doc), 1);
        assert_eq!(doc.sentences(), vec![0..10]);
        let t = &doc.tokens;
        assert_eq!((t[0].head, t[0].dep.as_str()), (6, "nsubj"));
        assert_eq!((t[2].head, t[2].dep.as_str()), (0, "conj"));
        assert_eq!((t[4].head, t[4].dep.as_str()), (0, "conj"));
        assert_eq!((t[1].head, t[1].dep.as_str()), (2, "punct"));
    }

    #[test]
    fn a_dateline_keeps_its_split() {
        // «PARIS» | «, 3 mars (AFP) - Le gouvernement a annoncé une réforme.»
        let mut doc = Doc {
            text: "PARIS, 3 mars - Le gouvernement a annoncé une réforme.".into(),
            tokens: vec![
                token("PARIS", 0, "PROPN", 0, "ROOT", true),
                token(",", 5, "PUNCT", 2, "punct", true),
                token("3", 7, "NUM", 3, "nummod", false),
                token("mars", 9, "NOUN", 7, "obl:mod", false),
                token("-", 14, "PUNCT", 7, "punct", false),
                token("Le", 16, "DET", 6, "det", false),
                token("gouvernement", 19, "NOUN", 7, "nsubj", false),
                token("a", 32, "AUX", 7, "aux:tense", false),
            ],
            entities: vec![],
        };
        let before = doc.clone();
        assert_eq!(rejoin_leading_name(&mut doc), 0);
        assert_eq!(doc, before);
        // A sentence that is not a bare name is left alone too.
        let mut doc = split_list();
        doc.tokens[0].pos = "NOUN".into();
        let before = doc.clone();
        assert_eq!(rejoin_leading_name(&mut doc), 0);
        assert_eq!(doc, before);
    }

    #[test]
    fn a_dateline_keeps_its_split_even_when_the_model_reads_a_subject_after_its_comma() {
        // «PARIS» | «, lundi 3 mars - …» with the weekday taken for the subject.
        let mut doc = Doc {
            text: "PARIS, lundi 3 mars - Le gouvernement a annoncé une réforme.".into(),
            tokens: vec![
                token("PARIS", 0, "PROPN", 0, "ROOT", true),
                token(",", 5, "PUNCT", 2, "punct", true),
                token("lundi", 7, "NOUN", 7, "nsubj", false),
                token("3", 13, "NUM", 4, "nummod", false),
                token("mars", 15, "NOUN", 2, "nmod", false),
                token("-", 20, "PUNCT", 7, "punct", false),
                token("Le", 22, "DET", 7, "det", false),
                token("gouvernement", 25, "NOUN", 7, "ROOT", false),
            ],
            entities: vec![],
        };
        let before = doc.clone();
        assert_eq!(rejoin_leading_name(&mut doc), 0);
        assert_eq!(doc, before);
        // The same parse under a list of names is rejoined.
        doc.text = "PARIS, lundi et mardi, le gouvernement a annoncé une réforme.".into();
        assert_eq!(rejoin_leading_name(&mut doc), 1);
    }
}
