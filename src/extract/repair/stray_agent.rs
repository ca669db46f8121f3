//! A parse repair (see [`super`]), for the fact rules only: a passive's
//! agent that the parser hung on the locution before it.
//!
//! In "Une procédure a été initiée à son encontre par l'Élysée" the model
//! makes "par l'Élysée" a complement of "encontre", so the passive has no
//! agent and the rules read "encontre par l'Élysée" as what the act did.
//! When a passive verb has no agent of its own and one of its obliques is
//! a framing locution (`locution` in `data/lexicon.tsv`: "à son encontre",
//! "à la demande de …") holding a "par" phrase after it, that phrase becomes
//! the verb's `obl:agent`. Changes heads and relations only; offsets and
//! entity spans stay as they are.

use crate::extract::rules::lexicon::{lexicon, Class};
use crate::extract::rules::preposition_form;
use crate::nlp::Doc;

/// Whether token `v` is a passive verb: a participle with a passive
/// auxiliary, or tagged `Voice=Pass`.
fn passive(doc: &Doc, v: usize) -> bool {
    doc.tokens[v].morph.contains("Voice=Pass") || super::has_passive_aux(doc, v)
}

/// The preposition of token `t` as the tables write it ("au" → "à").
fn case_of(doc: &Doc, t: usize) -> Option<String> {
    doc.tokens
        .iter()
        .enumerate()
        .find(|(k, c)| *k != t && c.head == t && c.dep == "case")
        .map(|(_, c)| preposition_form(&c.text))
}

/// Re-attaches such "par" phrases to their passive verb; returns how many.
pub fn rehang_stray_agents(doc: &mut Doc) -> usize {
    let lex = lexicon();
    let n = doc.tokens.len();
    let mut fixed = 0;
    for a in 0..n {
        let h = doc.tokens[a].head;
        if doc.tokens[a].dep != "nmod" || h >= n || h >= a || case_of(doc, a).as_deref() != Some("par") {
            continue;
        }
        let v = doc.tokens[h].head;
        if v >= n || v == h || !doc.tokens[h].dep.starts_with("obl") || doc.tokens[v].pos != "VERB" {
            continue;
        }
        let Some(prep) = case_of(doc, h) else { continue };
        let locution = format!("{prep} {}", doc.tokens[h].lemma.to_lowercase());
        let has_agent = doc.tokens.iter().any(|t| t.head == v && t.dep == "obl:agent");
        if !lex.is(Class::Locution, &locution) || has_agent || !passive(doc, v) {
            continue;
        }
        doc.tokens[a].head = v;
        doc.tokens[a].dep = "obl:agent".to_string();
        fixed += 1;
    }
    fixed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::repair::test_doc::{doc, token};

    /// "Une enquête a été ouverte à son encontre par le parquet." as the
    /// model parses it: "par le parquet" on "encontre".
    fn parsed() -> Doc {
        let mut t = vec![
            token("Une", 0, "DET", 1, "det", true),
            token("enquête", 4, "NOUN", 4, "nsubj:pass", false),
            token("a", 12, "AUX", 4, "aux:tense", false),
            token("été", 14, "AUX", 4, "aux:pass", false),
            token("ouverte", 18, "VERB", 4, "root", false),
            token("à", 26, "ADP", 7, "case", false),
            token("son", 28, "DET", 7, "det", false),
            token("encontre", 32, "NOUN", 4, "obl:mod", false),
            token("par", 41, "ADP", 10, "case", false),
            token("le", 45, "DET", 10, "det", false),
            token("parquet", 48, "NOUN", 7, "nmod", false),
            token(".", 55, "PUNCT", 4, "punct", false),
        ];
        t[5].lemma = "à".into();
        doc("Une enquête a été ouverte à son encontre par le parquet.", t)
    }

    #[test]
    fn the_par_phrase_on_a_locution_becomes_the_agent() {
        let mut d = parsed();
        assert_eq!(rehang_stray_agents(&mut d), 1);
        assert_eq!((d.tokens[10].head, d.tokens[10].dep.as_str()), (4, "obl:agent"));
    }

    #[test]
    fn an_active_verb_or_a_verb_with_an_agent_keeps_its_parse() {
        let mut d = parsed();
        d.tokens[3].dep = "aux:tense".into();
        assert_eq!(rehang_stray_agents(&mut d), 0);
        let mut d = parsed();
        d.tokens[8].text = "pour".into();
        assert_eq!(rehang_stray_agents(&mut d), 0);
        // A noun that frames nothing ("à la fin par") is no locution.
        let mut d = parsed();
        d.tokens[7].lemma = "fin".into();
        assert_eq!(rehang_stray_agents(&mut d), 0);
    }
}
