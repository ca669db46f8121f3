//! A parse repair (see [`super`]): a name the models cut off from the noun
//! phrase it is apposed to.
//!
//! After a title or a description with no closing punctuation ("le candidat
//! du centre-gauche Paul Martin, du Parti radical, …"), the French models
//! sometimes start a sentence at the name and another at the comma after
//! it: `… le candidat du centre-gauche` | `Paul Martin` | `, du Parti
//! radical, …`. The name is then no one's argument, the title no one's
//! role, and the complement after it hangs nowhere. [`rejoin_trailing_name`]
//! hangs the name on the head of the noun phrase before it (`appos`, as UD
//! writes "le ministre X") and a verbless piece opened by a comma right
//! after the name on the name (`nmod` with a preposition, else `appos`).
//! The name must close its phrase (punctuation or the paragraph's end
//! after it: a title cut in two is no name). Datelines keep their split,
//! and so does a name that opens a clause
//! (that is [`super::cut_subject`]'s case, repaired before this one).

use super::{roots, starts_dateline};
use crate::nlp::Doc;

/// Most tokens a cut-off name may have ("Luiz Inácio Lula da Silva").
const MAX_NAME_TOKENS: usize = 5;

/// Relations that keep a word inside the noun phrase of its head.
fn inside_phrase(dep: &str) -> bool {
    matches!(
        dep.split(':').next().unwrap_or(""),
        "nmod" | "amod" | "flat" | "compound" | "fixed" | "nummod"
    )
}

/// Rejoins each name cut off after a noun phrase (and the verbless comma
/// piece after it). Returns how many pieces were rejoined.
pub fn rejoin_trailing_name(doc: &mut Doc) -> usize {
    let mut rejoined = 0;
    let sentences = doc.sentences();
    for (i, name) in sentences.iter().enumerate().skip(1) {
        let before = &sentences[i - 1];
        let Some(root) = bare_name(doc, name.clone()) else {
            continue;
        };
        let Some(phrase) = phrase_head(doc, before.clone()) else {
            continue;
        };
        // An apposed name closes its phrase: punctuation or the paragraph's end follows it.
        let closed = doc
            .tokens
            .get(name.end)
            .is_none_or(|t| matches!(t.text.as_str(), "," | "." | ";" | ")" | "!" | "?"));
        if !closed || starts_dateline(doc, name.start) {
            continue;
        }
        let tokens = &mut doc.tokens;
        tokens[root].head = phrase;
        tokens[root].dep = "appos".into();
        tokens[name.start].sent_start = false;
        rejoined += 1;
        let Some(after) = sentences.get(i + 1) else { continue };
        if let Some(complement) = comma_complement(doc, after.clone()) {
            let has_case = after
                .clone()
                .any(|k| doc.tokens[k].head == complement && doc.tokens[k].dep == "case");
            let tokens = &mut doc.tokens;
            tokens[complement].head = root;
            tokens[complement].dep = if has_case { "nmod" } else { "appos" }.into();
            tokens[after.start].head = complement;
            tokens[after.start].dep = "punct".into();
            tokens[after.start].sent_start = false;
            rejoined += 1;
        }
    }
    rejoined
}

/// The root of `range` when it is only a name: capitalised words opened by
/// a proper noun (and the name's own `flat` words, "da"), one root, a few tokens.
fn bare_name(doc: &Doc, range: std::ops::Range<usize>) -> Option<usize> {
    let tokens = &doc.tokens;
    if range.is_empty() || range.len() > MAX_NAME_TOKENS {
        return None;
    }
    let first = &tokens[range.start];
    if first.pos != "PROPN" || !first.text.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // The tagger reads some surnames as words ("Petit" ADJ): a capital counts.
    let capital = |k: usize| tokens[k].text.chars().next().is_some_and(char::is_uppercase);
    let name_word = |k: usize| {
        let t = &tokens[k];
        t.pos == "PROPN"
            || (t.dep.starts_with("flat") && t.pos != "PUNCT")
            || (capital(k) && matches!(t.pos.as_str(), "NOUN" | "ADJ"))
    };
    if !range.clone().all(name_word) {
        return None;
    }
    let mut found = roots(doc, range);
    let root = found.next()?;
    found.next().is_none().then_some(root)
}

/// The head of the noun phrase that ends `range` with no closing
/// punctuation: from the last word, up the words that stay inside a noun
/// phrase, to a common noun.
fn phrase_head(doc: &Doc, range: std::ops::Range<usize>) -> Option<usize> {
    let tokens = &doc.tokens;
    let last = range.end.checked_sub(1).filter(|&l| range.contains(&l))?;
    if !matches!(tokens[last].pos.as_str(), "NOUN" | "ADJ") || !tokens[last].space_after {
        return None;
    }
    let mut k = last;
    for _ in 0..range.len() {
        let h = tokens[k].head;
        if h == k || !range.contains(&h) || h > k || !inside_phrase(&tokens[k].dep) {
            break;
        }
        k = h;
    }
    (tokens[k].pos == "NOUN").then_some(k)
}

/// The root of a verbless piece opened by a comma (", du Parti radical,
/// ancien ministre"): a nominal with no verb or auxiliary in the piece.
fn comma_complement(doc: &Doc, range: std::ops::Range<usize>) -> Option<usize> {
    let tokens = &doc.tokens;
    if range.len() < 2 || tokens[range.start].text != "," {
        return None;
    }
    if range.clone().any(|k| matches!(tokens[k].pos.as_str(), "VERB" | "AUX")) {
        return None;
    }
    let mut found = roots(doc, range.clone()).filter(|&r| tokens[r].pos != "PUNCT");
    let root = found.next()?;
    if found.next().is_some() || !matches!(tokens[root].pos.as_str(), "NOUN" | "PROPN") {
        return None;
    }
    Some(root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::repair::test_doc::{doc, token};

    /// «Il a battu le candidat» | «Paul Roux» | «, du Parti radical.» as the model splits it.
    fn split_name() -> Doc {
        doc(
            "Il a battu le candidat Paul Roux , du Parti radical.",
            vec![
                token("Il", 0, "PRON", 2, "nsubj", true),
                token("a", 3, "AUX", 2, "aux:tense", false),
                token("battu", 5, "VERB", 2, "ROOT", false),
                token("le", 11, "DET", 4, "det", false),
                token("candidat", 14, "NOUN", 2, "obj", false),
                token("Paul", 23, "PROPN", 5, "ROOT", true),
                token("Roux", 28, "PROPN", 5, "flat:name", false),
                token(",", 33, "PUNCT", 9, "punct", true),
                token("du", 35, "ADP", 9, "case", false),
                token("Parti", 38, "NOUN", 9, "ROOT", false),
                token("radical", 44, "ADJ", 9, "amod", false),
                token(".", 51, "PUNCT", 9, "punct", false),
            ],
        )
    }

    #[test]
    fn a_cut_off_name_hangs_on_the_phrase_before_it() {
        let mut d = split_name();
        assert_eq!(rejoin_trailing_name(&mut d), 2);
        assert_eq!(d.sentences(), vec![0..12]);
        let t = &d.tokens;
        assert_eq!((t[5].head, t[5].dep.as_str()), (4, "appos"));
        assert_eq!((t[9].head, t[9].dep.as_str()), (5, "nmod"));
        assert_eq!((t[7].head, t[7].dep.as_str()), (9, "punct"));
    }

    #[test]
    fn a_closed_sentence_or_a_clause_keeps_its_split() {
        // The sentence before the name ends with a full stop.
        let mut d = split_name();
        d.tokens[4].pos = "PUNCT".into();
        let before = d.clone();
        assert_eq!(rejoin_trailing_name(&mut d), 0);
        assert_eq!(d, before);
        // The piece after the name is a clause: only the name is rejoined.
        let mut d = split_name();
        d.tokens[10].pos = "VERB".into();
        assert_eq!(rejoin_trailing_name(&mut d), 1);
        assert!(d.tokens[7].sent_start);
        // Something other than a name opens the second piece.
        let mut d = split_name();
        d.tokens[5].pos = "NOUN".into();
        let before = d.clone();
        assert_eq!(rejoin_trailing_name(&mut d), 0);
        assert_eq!(d, before);
    }
}
