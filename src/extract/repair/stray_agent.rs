//! A parse repair (see [`super`]), for the fact rules only: a passive's
//! agent that the parser hung on the locution before it, or that it read
//! as a plain adjunct of the verb.
//!
//! In "Une procédure a été initiée à son encontre par l'Élysée" the model
//! makes "par l'Élysée" a complement of "encontre", so the passive has no
//! agent and the rules read "encontre par l'Élysée" as what the act did.
//! When a passive verb has no agent of its own and one of its obliques is
//! a framing locution (`locution` in `data/lexicon.tsv`: "à son encontre",
//! "à la demande de …") holding a "par" phrase after it, that phrase becomes
//! the verb's `obl:agent`.
//!
//! In "des vitrines ont été brisées par des casseurs" the model may label
//! "par des casseurs" an adjunct (`obl:mod`, `obl:arg`) of the passive
//! verb, and the act then has no doer. A "par" phrase on a passive verb
//! with no agent of its own, headed by a name or by a common noun with a
//! determiner (not a bare noun: "par balle", "par tweet" say how), and not
//! a noun that says how or by what way (`means` in `data/lexicon.tsv`: "par
//! la force", "par le biais de"), is that verb's `obl:agent`; such a bare
//! or means noun the model made the agent ("évacués par hélicoptère",
//! "dispersés par la force") is an adjunct, `obl:mod`
//! ([`relabel_par_adjuncts`]). Changes heads and relations only; offsets
//! and entity spans stay as they are.

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

/// Relabels a passive verb's "par" adjunct as its agent, and a bare or
/// means agent as an adjunct; returns how many.
pub fn relabel_par_adjuncts(doc: &mut Doc) -> usize {
    let lex = lexicon();
    let n = doc.tokens.len();
    let mut fixed = 0;
    for a in 0..n {
        let tok = &doc.tokens[a];
        let v = tok.head;
        let agent = tok.dep == "obl:agent";
        if !(agent || matches!(tok.dep.as_str(), "obl:mod" | "obl:arg" | "obl")) || v >= n || v == a {
            continue;
        }
        if doc.tokens[v].pos != "VERB" || !matches!(tok.pos.as_str(), "NOUN" | "PROPN") {
            continue;
        }
        // The "par" must be the phrase's only preposition ("par-dessus la
        // barrière", "par rapport à" are other words).
        let cases: Vec<usize> = (0..n)
            .filter(|&k| k != a && doc.tokens[k].head == a && doc.tokens[k].dep == "case")
            .collect();
        if cases.len() != 1 || doc.tokens[cases[0]].text.to_lowercase() != "par" || cases[0] > a {
            continue;
        }
        if doc.tokens.iter().any(|t| t.head == cases[0] && t.dep == "fixed") {
            continue;
        }
        let determined = doc
            .tokens
            .iter()
            .any(|t| t.head == a && matches!(t.dep.as_str(), "det" | "nummod"));
        // A name the tagger took for a common noun ("par TF1") is a doer;
        // a noun of means says how in the singular only ("par la force",
        // not "par les forces de l'ordre").
        let named = tok.text.chars().next().is_some_and(char::is_uppercase) || !tok.ent_type.is_empty();
        let means = lex.is(Class::Means, &tok.lemma.to_lowercase()) && !tok.morph.contains("Number=Plur");
        let how = tok.pos == "NOUN" && !named && (!determined || means);
        if agent {
            if how {
                doc.tokens[a].dep = "obl:mod".to_string();
                fixed += 1;
            }
            continue;
        }
        if how {
            continue;
        }
        let has_agent = doc.tokens.iter().any(|t| t.head == v && t.dep == "obl:agent");
        if has_agent || !passive(doc, v) {
            continue;
        }
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

    /// "Des vitrines ont été brisées par des casseurs." with "par des
    /// casseurs" read as an adjunct.
    fn adjunct() -> Doc {
        let mut t = vec![
            token("Des", 0, "DET", 1, "det", true),
            token("vitrines", 4, "NOUN", 4, "nsubj:pass", false),
            token("ont", 13, "AUX", 4, "aux:tense", false),
            token("été", 17, "AUX", 4, "aux:pass", false),
            token("brisées", 21, "VERB", 4, "root", false),
            token("par", 29, "ADP", 7, "case", false),
            token("des", 33, "DET", 7, "det", false),
            token("casseurs", 37, "NOUN", 4, "obl:mod", false),
            token(".", 45, "PUNCT", 4, "punct", false),
        ];
        t[1].lemma = "vitrine".into();
        t[7].lemma = "casseur".into();
        doc("Des vitrines ont été brisées par des casseurs.", t)
    }

    #[test]
    fn a_passives_par_adjunct_becomes_its_agent() {
        let mut d = adjunct();
        assert_eq!(relabel_par_adjuncts(&mut d), 1);
        assert_eq!(d.tokens[7].dep, "obl:agent");
        // Active: no agent.
        let mut d = adjunct();
        d.tokens[3].dep = "aux:tense".into();
        assert_eq!(relabel_par_adjuncts(&mut d), 0);
        // A bare noun says how: an agent the model read so is an adjunct.
        let mut d = adjunct();
        d.tokens[6].dep = "punct".into();
        d.tokens[7].dep = "obl:agent".into();
        assert_eq!(relabel_par_adjuncts(&mut d), 1);
        assert_eq!(d.tokens[7].dep, "obl:mod");
    }
}
