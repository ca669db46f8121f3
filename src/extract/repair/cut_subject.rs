//! A parse repair (see [`super`]): a subject the models cut off from its
//! verb into a sentence of its own.
//!
//! The French models end a sentence where none ends, most often after a
//! name or a noun phrase that has no verb yet (`William Luckey` | `est
//! décédé à 83 ans`, `Le Haut-Commissariat aux droits de l'homme` | `a
//! qualifié ces évènements …`). The verb's sentence then has no subject and
//! the fact is lost. When the first piece is a bare noun phrase (no verb, no
//! preposition on its head, no closing punctuation) and the next begins a
//! clause whose verb has no subject and agrees with the phrase in number,
//! the phrase becomes that verb's subject and the two pieces one sentence.
//! Datelines and headlines keep their split: a piece with a colon, a
//! dash or a comma at its end, or one a dateline opens, is left alone.

use super::{roots, starts_dateline};
use crate::nlp::Doc;

/// Most tokens the cut-off subject may have.
const MAX_SUBJECT_TOKENS: usize = 14;

/// Rejoins each bare noun phrase cut off before a subjectless clause, as
/// that clause's `nsubj` (`nsubj:pass` under a passive auxiliary). Returns
/// how many sentences were rejoined.
pub fn rejoin_cut_subject(doc: &mut Doc) -> usize {
    let mut rejoined = 0;
    let sentences = doc.sentences();
    for pair in sentences.windows(2) {
        let (piece, next) = (pair[0].clone(), pair[1].clone());
        let Some(subject) = bare_noun_phrase(doc, piece.clone()) else {
            continue;
        };
        let Some(verb) = subjectless_clause(doc, next.clone()) else {
            continue;
        };
        if !super::agrees_in_number(doc, subject, verb) || starts_dateline(doc, piece.start) {
            continue;
        }
        let passive = super::has_passive_aux(doc, verb);
        let tokens = &mut doc.tokens;
        tokens[subject].head = verb;
        tokens[subject].dep = if passive { "nsubj:pass" } else { "nsubj" }.into();
        tokens[next.start].sent_start = false;
        rejoined += 1;
    }
    rejoined
}

/// The head of `range` when it is a bare noun phrase: no verb, a nominal
/// head with no preposition, nothing that closes a sentence or a headline.
fn bare_noun_phrase(doc: &Doc, range: std::ops::Range<usize>) -> Option<usize> {
    let tokens = &doc.tokens;
    if range.is_empty() || range.len() > MAX_SUBJECT_TOKENS {
        return None;
    }
    let last = &tokens[range.end - 1];
    if last.pos == "PUNCT" || last.pos == "SYM" {
        return None;
    }
    if range.clone().any(|i| {
        let t = &tokens[i];
        matches!(t.pos.as_str(), "VERB" | "AUX" | "SCONJ")
            || matches!(t.text.as_str(), ":" | "«" | "»" | "\"" | "(" | "[" | ";")
            || super::is_dash(doc, i, range.start)
    }) {
        return None;
    }
    let mut found = roots(doc, range.clone());
    let head = found.next()?;
    if found.next().is_some() || !matches!(tokens[head].pos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM") {
        return None;
    }
    let has_case = range.clone().any(|i| tokens[i].head == head && tokens[i].dep == "case");
    (!has_case).then_some(head)
}

/// The verb heading `range` when it begins a clause with no subject: the
/// piece's one root is a verb (or a predicate with its copula), it has no
/// subject of any kind, and the piece opens on a word, not punctuation.
fn subjectless_clause(doc: &Doc, range: std::ops::Range<usize>) -> Option<usize> {
    let tokens = &doc.tokens;
    if range.len() < 2 || matches!(tokens[range.start].pos.as_str(), "PUNCT" | "SYM") {
        return None;
    }
    let mut found = roots(doc, range.clone());
    let root = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let children = || range.clone().filter(move |&i| i != root && tokens[i].head == root);
    let predicate = tokens[root].pos == "VERB" || children().any(|i| tokens[i].dep == "cop");
    let has_subject = children().any(|i| {
        let dep = tokens[i].dep.as_str();
        dep.starts_with("nsubj") || dep.starts_with("csubj") || dep.starts_with("expl")
    });
    // The finite verb must come before anything that could be its own
    // subject: the piece opens on the verb group or an adjunct, never on a noun.
    let opens_nominal = matches!(
        tokens[range.start].pos.as_str(),
        "NOUN" | "PROPN" | "DET" | "PRON" | "NUM"
    ) && !is_negation(&tokens[range.start].text);
    (predicate && !has_subject && !opens_nominal).then_some(root)
}

/// "ne" and "n'" open a verb group, not a noun phrase.
fn is_negation(text: &str) -> bool {
    matches!(text.to_lowercase().as_str(), "ne" | "n'" | "n\u{2019}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::repair::test_doc::{doc, token};

    /// «William Luckey» | «est décédé à Newton.» as the model splits it.
    fn cut() -> Doc {
        let mut d = doc(
            "William Luckey est décédé à Newton.",
            vec![
                token("William", 0, "PROPN", 0, "ROOT", true),
                token("Luckey", 8, "PROPN", 0, "flat:name", false),
                token("est", 15, "AUX", 3, "aux:tense", true),
                token("décédé", 19, "VERB", 3, "ROOT", false),
                token("à", 26, "ADP", 5, "case", false),
                token("Newton", 28, "PROPN", 3, "obl:mod", false),
                token(".", 34, "PUNCT", 3, "punct", false),
            ],
        );
        d.tokens[0].morph = "Gender=Masc|Number=Sing".into();
        d.tokens[2].morph = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin".into();
        d
    }

    #[test]
    fn a_cut_off_subject_joins_its_verb() {
        let mut d = cut();
        assert_eq!(rejoin_cut_subject(&mut d), 1);
        assert_eq!(d.sentences(), vec![0..7]);
        assert_eq!((d.tokens[0].head, d.tokens[0].dep.as_str()), (3, "nsubj"));
    }

    #[test]
    fn a_passive_takes_nsubj_pass() {
        let mut d = cut();
        d.tokens[2].dep = "aux:pass".into();
        assert_eq!(rejoin_cut_subject(&mut d), 1);
        assert_eq!(d.tokens[0].dep, "nsubj:pass");
    }

    #[test]
    fn splits_that_are_real_stay() {
        // The verb has a subject of its own.
        let mut d = cut();
        d.tokens[4] = token("il", 26, "PRON", 3, "nsubj", false);
        let before = d.clone();
        assert_eq!(rejoin_cut_subject(&mut d), 0);
        assert_eq!(d, before);
        // The verb disagrees in number ("Luckey" | "sont décédés").
        let mut d = cut();
        d.tokens[2].morph = "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin".into();
        assert_eq!(rejoin_cut_subject(&mut d), 0);
        // A coordinated subject is plural.
        d.tokens[1] = token("Smith", 8, "PROPN", 0, "conj", false);
        assert_eq!(rejoin_cut_subject(&mut d), 1);
        // The first piece is a prepositional phrase ("À Newton" | …).
        let mut d = cut();
        d.tokens[1] = token("à", 8, "ADP", 0, "case", false);
        assert_eq!(rejoin_cut_subject(&mut d), 0);
        // A hyphen inside the name ("Royaume-Uni") is no dash.
        let mut d = cut();
        d.tokens[1] = token("-", 7, "PROPN", 0, "flat:name", false);
        d.tokens.insert(2, token("Smith", 8, "PROPN", 0, "flat:name", false));
        d.tokens[0].space_after = false;
        d.tokens[1].space_after = false;
        for t in &mut d.tokens[3..] {
            t.head += 1;
        }
        assert_eq!(rejoin_cut_subject(&mut d), 1);
        // The first piece ends a headline or a dateline.
        for end in [":", ",", "-"] {
            let mut d = cut();
            d.tokens[1] = token(end, 8, "PUNCT", 0, "punct", false);
            assert_eq!(rejoin_cut_subject(&mut d), 0, "{end}");
        }
        // The first piece has a verb.
        let mut d = cut();
        d.tokens[1].pos = "VERB".into();
        assert_eq!(rejoin_cut_subject(&mut d), 0);
        // The second piece opens on a noun: it may hold its own subject.
        let mut d = cut();
        d.tokens[2] = token("Hier", 15, "NOUN", 3, "obl:mod", true);
        assert_eq!(rejoin_cut_subject(&mut d), 0);
        // A second piece that is no clause (no verb, no copula).
        let mut d = cut();
        d.tokens[3].pos = "NOUN".into();
        d.tokens[2].dep = "det".into();
        assert_eq!(rejoin_cut_subject(&mut d), 0);
    }
}
