//! A parse repair (see [`super`]): a span of time before "avant" or
//! "après" read as a complement of the event it measures from.
//!
//! The French models parse "La cérémonie aura lieu deux jours avant la
//! finale" with "jours" a `nmod` of "finale", so the event the act comes
//! before is read as "deux jours avant la finale". A counted span of time
//! (a unit of `rules::time`'s spans with a number or an article: "deux
//! jours", "une semaine", "trois mois") hung as `nmod` on a noun written
//! after it, whose own preposition "avant" or "après" stands between them,
//! hangs instead on that noun's head as an adjunct (`obl:mod`): how long
//! before or after, not part of what. Changes heads and relations only.

use super::children;
use crate::extract::rules::time::is_span_word;
use crate::nlp::Doc;

/// Rehangs each such span; returns how many.
pub fn rehang_time_spans(doc: &mut Doc) -> usize {
    let mut moved = 0;
    for s in 0..doc.tokens.len() {
        let t = &doc.tokens[s];
        let x = t.head;
        if t.dep != "nmod" || x <= s || x >= doc.tokens.len() || !is_span_word(&t.lemma.to_lowercase()) {
            continue;
        }
        let tokens = &doc.tokens;
        let counted = children(doc, s).any(|k| matches!(tokens[k].dep.as_str(), "nummod" | "det"));
        let relative = children(doc, x).any(|c| {
            s < c && c < x && tokens[c].dep == "case" && matches!(tokens[c].lemma.as_str(), "avant" | "après")
        });
        let head = tokens[x].head;
        if !counted || !relative || head == x {
            continue;
        }
        doc.tokens[s].head = head;
        doc.tokens[s].dep = "obl:mod".into();
        moved += 1;
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::repair::test_doc::{doc, token};
    use crate::nlp::Token;

    fn tok(text: &str, pos: &str, head: usize, dep: &str) -> Token {
        token(text, 0, pos, head, dep, false)
    }

    #[test]
    fn a_span_before_avant_is_the_verbs_adjunct() {
        let mut d = doc(
            "Elle aura lieu deux jours avant la finale.",
            vec![
                tok("Elle", "PRON", 1, "nsubj"),
                tok("aura", "VERB", 1, "ROOT"),
                tok("lieu", "NOUN", 1, "obj"),
                tok("deux", "NUM", 4, "nummod"),
                tok("jour", "NOUN", 7, "nmod"),
                tok("avant", "ADP", 7, "case"),
                tok("la", "DET", 7, "det"),
                tok("finale", "NOUN", 1, "obl:mod"),
            ],
        );
        assert_eq!(rehang_time_spans(&mut d), 1);
        assert_eq!((d.tokens[4].head, d.tokens[4].dep.as_str()), (1, "obl:mod"));
    }

    #[test]
    fn a_span_of_the_noun_itself_stays() {
        // "la semaine de la finale": no "avant" or "après" between.
        let mut d = doc(
            "Elle a lieu la semaine de la finale.",
            vec![
                tok("Elle", "PRON", 1, "nsubj"),
                tok("a", "VERB", 1, "ROOT"),
                tok("lieu", "NOUN", 1, "obj"),
                tok("la", "DET", 4, "det"),
                tok("semaine", "NOUN", 7, "nmod"),
                tok("de", "ADP", 7, "case"),
                tok("la", "DET", 7, "det"),
                tok("finale", "NOUN", 1, "obl:mod"),
            ],
        );
        assert_eq!(rehang_time_spans(&mut d), 0);
    }
}
