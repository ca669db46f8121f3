//! A parse repair (see [`super`]): the participle "mort" read as a noun or
//! an adjective after "être".
//!
//! The French models tag "mort", "morte", "morts", "mortes" after a form of
//! "être" as a noun or an adjective ("Deux pompiers sont morts dans
//! l'incendie", "Le maire est mort"), so the rules read a quality or a class
//! (`isA morts`) where the text says who died. A token of lemma "mort",
//! tagged `NOUN` or `ADJ`, heading a form of "être" (`cop`, `aux:pass` or
//! `aux:tense`) with no article or number of its own, becomes the verb
//! "mourir": `VERB`, its "être" an `aux:tense` and its passive subject a
//! plain subject. "la mort de X", "un mort", "trois morts" keep their noun.
//! Changes parts of speech, lemmas and relations only.

use crate::nlp::Doc;

/// Whether `t` is a form of "être" hung on `head` as copula or auxiliary.
fn etre_on(doc: &Doc, t: usize, head: usize) -> bool {
    let tok = &doc.tokens[t];
    t != head && tok.head == head && tok.lemma == "être" && matches!(tok.dep.as_str(), "cop" | "aux:pass" | "aux:tense")
}

/// Makes each "mort" after "être" the verb "mourir"; returns how many.
pub fn repair_dead_participles(doc: &mut Doc) -> usize {
    let mut fixed = 0;
    for m in 0..doc.tokens.len() {
        let tok = &doc.tokens[m];
        if tok.lemma.to_lowercase() != "mort" || !matches!(tok.pos.as_str(), "NOUN" | "ADJ") {
            continue;
        }
        let kids: Vec<usize> = super::children(doc, m).collect();
        let counted = kids
            .iter()
            .any(|&k| matches!(doc.tokens[k].dep.as_str(), "det" | "nummod"));
        let Some(&etre) = kids.iter().find(|&&k| etre_on(doc, k, m)) else {
            continue;
        };
        if counted || etre > m {
            continue;
        }
        doc.tokens[etre].dep = "aux:tense".into();
        for &k in &kids {
            match doc.tokens[k].dep.as_str() {
                "nsubj:pass" => doc.tokens[k].dep = "nsubj".into(),
                // "est mort lundi": the parser's complement of the
                // adjective is the verb's adjunct.
                "xcomp" if doc.tokens[k].pos == "NOUN" => doc.tokens[k].dep = "obl:mod".into(),
                _ => {}
            }
        }
        let verb = &mut doc.tokens[m];
        verb.pos = "VERB".into();
        verb.tag = "VERB".into();
        verb.lemma = "mourir".into();
        fixed += 1;
    }
    fixed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::repair::test_doc::{doc, token};
    use crate::nlp::Token;

    fn tok(text: &str, lemma: &str, pos: &str, head: usize, dep: &str) -> Token {
        Token {
            lemma: lemma.into(),
            ..token(text, 0, pos, head, dep, false)
        }
    }

    #[test]
    fn mort_after_etre_is_the_verb_mourir() {
        let mut d = doc(
            "Deux pompiers sont morts",
            vec![
                tok("Deux", "deux", "NUM", 1, "nummod"),
                tok("pompiers", "pompier", "NOUN", 3, "nsubj:pass"),
                tok("sont", "être", "AUX", 3, "aux:pass"),
                tok("morts", "mort", "NOUN", 3, "ROOT"),
            ],
        );
        assert_eq!(repair_dead_participles(&mut d), 1);
        assert_eq!(
            (d.tokens[3].pos.as_str(), d.tokens[3].lemma.as_str()),
            ("VERB", "mourir")
        );
        assert_eq!(d.tokens[1].dep, "nsubj");
        assert_eq!(d.tokens[2].dep, "aux:tense");
    }

    #[test]
    fn a_counted_dead_stays_a_noun() {
        // "ce sont trois morts": a count of the dead.
        let mut d = doc(
            "ce sont trois morts",
            vec![
                tok("ce", "ce", "PRON", 3, "nsubj"),
                tok("sont", "être", "AUX", 3, "cop"),
                tok("trois", "trois", "NUM", 3, "nummod"),
                tok("morts", "mort", "NOUN", 3, "ROOT"),
            ],
        );
        assert_eq!(repair_dead_participles(&mut d), 0);
        assert_eq!(d.tokens[3].pos, "NOUN");
    }
}
