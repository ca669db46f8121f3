//! A parse repair (see [`super`]): the verb "tweeter" (or "twitter"),
//! which the French models do not know.
//!
//! News write "X a twitté : « … »", "X a tweeté que …", "X twitte la
//! présence de …". The tagger reads the unknown participle as a name or a
//! noun (`PROPN`), so the speech rules never see a verb, and the parser
//! builds a clause around something else: the participle hung on the
//! subject as `flat:name`, on the auxiliary as its object, or on an
//! adjunct, and the sentence often cut right after it (`X a twitté` |
//! `que moins de 300 manifestants …`). A token spelled as a form of the
//! verb (`tweet`/`twitt` + a verb ending: "twitté", "tweetée", "twitte")
//! becomes the verb `tweeter`, and, when the tagger had not made it a verb:
//! - an "avoir" written right before it is its auxiliary; when the
//!   parser made that auxiliary the clause's head, the participle takes
//!   its place and its dependents;
//! - with no subject of its own, the participle heads its sentence and
//!   the first person or organisation the sentence names before it, as
//!   the start of a name outside any prepositional phrase ("Vers 16h,
//!   Paul Roux, un des journalistes convoqués …, a twitté"), is its
//!   subject; the old head of the sentence hangs on it;
//! - a sentence cut right after it that opens with "que" is its said
//!   clause (`ccomp`).
//!
//! Changes parts of speech, lemmas, heads, relations and sentence starts,
//! never text, offsets or entities.

use crate::nlp::{Doc, EntIob};

/// Whether `text` is a form of "tweeter"/"twitter" ("twitté", "tweetée",
/// "twitte", "tweetent"), not the noun "tweet(s)" nor the network's name
/// ("sur Twitter", written with a capital).
pub(crate) fn is_tweet_form(text: &str) -> bool {
    if text.chars().next().is_none_or(char::is_uppercase) {
        return false;
    }
    let w = text.to_lowercase();
    let Some(rest) = w.strip_prefix("tweet").or_else(|| w.strip_prefix("twitt")) else {
        return false;
    };
    matches!(
        rest,
        "é" | "ée" | "és" | "ées" | "e" | "es" | "ent" | "er" | "ait" | "aient" | "ant" | "era" | "erait"
    )
}

/// Whether token `i` is a form of "avoir" that can be an auxiliary.
fn is_avoir(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.lemma == "avoir"
        || matches!(
            t.text.to_lowercase().as_str(),
            "a" | "ont" | "avait" | "avaient" | "aura" | "auront" | "aurait" | "auraient"
        )
}

/// The sentence range holding token `i`.
fn sentence_of(doc: &Doc, i: usize) -> std::ops::Range<usize> {
    doc.sentences().into_iter().find(|r| r.contains(&i)).unwrap_or(i..i + 1)
}

/// Repairs every tweet verb; returns how many.
pub fn repair_tweet_verbs(doc: &mut Doc) -> usize {
    let mut fixed = 0;
    for t in 0..doc.tokens.len() {
        if !is_tweet_form(&doc.tokens[t].text) {
            continue;
        }
        let was_verb = doc.tokens[t].pos == "VERB";
        {
            let tok = &mut doc.tokens[t];
            tok.lemma = "tweeter".into();
            tok.pos = "VERB".into();
            tok.tag = "VERB".into();
        }
        fixed += 1;
        if was_verb {
            continue;
        }
        let aux = (t > 0 && is_avoir(doc, t - 1)).then(|| t - 1);
        doc.tokens[t].morph = if aux.is_some() {
            "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part".into()
        } else {
            "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin".into()
        };
        // The auxiliary the parser made the head: the participle takes its place.
        if let Some(a) = aux {
            if doc.tokens[t].head == a && doc.tokens[a].head != t {
                let (head, dep) = (doc.tokens[a].head, doc.tokens[a].dep.clone());
                doc.tokens[t].head = if head == a { t } else { head };
                doc.tokens[t].dep = dep;
                for k in 0..doc.tokens.len() {
                    if k != t && k != a && doc.tokens[k].head == a {
                        doc.tokens[k].head = t;
                    }
                }
            }
            let tok = &mut doc.tokens[a];
            tok.head = t;
            tok.dep = "aux:tense".into();
            tok.pos = "AUX".into();
            tok.tag = "AUX".into();
        }
        let has_subject = doc
            .tokens
            .iter()
            .enumerate()
            .any(|(k, x)| k != t && x.head == t && x.dep.starts_with("nsubj"));
        if !has_subject {
            let sentence = sentence_of(doc, t);
            let limit = aux.unwrap_or(t);
            if let Some(s) = first_actor(doc, sentence.start..limit) {
                // The participle heads its sentence; the old head hangs on it.
                let old_roots: Vec<usize> = sentence
                    .clone()
                    .filter(|&k| k != t && doc.tokens[k].head == k)
                    .collect();
                doc.tokens[t].head = t;
                doc.tokens[t].dep = "ROOT".into();
                for r in old_roots {
                    doc.tokens[r].head = t;
                    doc.tokens[r].dep = "dep".into();
                }
                doc.tokens[s].head = t;
                doc.tokens[s].dep = "nsubj".into();
            }
        }
        // "X a twitté" | "que …": the cut-off clause is what was tweeted.
        let sentence = sentence_of(doc, t);
        if sentence.end == t + 1 && t + 1 < doc.tokens.len() {
            let next = sentence_of(doc, t + 1);
            let opens = doc.tokens[t + 1].text.to_lowercase().replace('\u{2019}', "'");
            if matches!(opens.as_str(), "que" | "qu'") {
                let roots: Vec<usize> = next.clone().filter(|&k| doc.tokens[k].head == k).collect();
                if let [r] = roots[..] {
                    doc.tokens[r].head = t;
                    doc.tokens[r].dep = "ccomp".into();
                    doc.tokens[t + 1].sent_start = false;
                }
            }
        }
    }
    fixed
}

/// The token of the range nearest the verb that starts a person or
/// organisation name outside any prepositional phrase (no `case`
/// dependent, no preposition right before it, not a name after a title
/// in one: "suite à l'affirmation du député X, le ministre a twitté") and
/// outside quotes ("les casseurs de M. X", closed after the name, is
/// somebody's words, not the subject). Nearest, because what comes between
/// a long apposition and the verb ("X, un des journalistes convoqués au
/// commissariat de Y a twitté") is in a prepositional phrase.
fn first_actor(doc: &Doc, range: std::ops::Range<usize>) -> Option<usize> {
    let tokens = &doc.tokens;
    let has_case = |k: usize| tokens.iter().any(|c| c.head == k && c.dep == "case");
    range.clone().rev().find(|&k| {
        let x = &tokens[k];
        let starts = x.ent_iob == EntIob::B && matches!(x.ent_type.as_str(), "PER" | "ORG");
        if !starts || !matches!(x.pos.as_str(), "PROPN" | "NOUN") || quoted(doc, range.start, k, range.end) {
            return false;
        }
        let after_preposition = k > range.start && tokens[k - 1].pos == "ADP";
        let in_phrase = x.dep.starts_with("nmod") && x.head != k && has_case(x.head);
        !after_preposition && !has_case(k) && !in_phrase
    })
}

/// Whether token `k` stands inside a quote: a « opened after `start` and
/// not closed before it, or the first quote mark after it (before `end`)
/// closes one (», ”, or " glued to the word before it).
fn quoted(doc: &Doc, start: usize, k: usize, end: usize) -> bool {
    let tokens = &doc.tokens;
    let opens = (start..k).filter(|&i| tokens[i].text == "«").count();
    let closes = (start..k).filter(|&i| tokens[i].text == "»").count();
    if opens > closes {
        return true;
    }
    let mark = (k + 1..end).find(|&i| matches!(tokens[i].text.as_str(), "«" | "»" | "\"" | "“" | "”"));
    mark.is_some_and(|q| match tokens[q].text.as_str() {
        "»" | "”" => true,
        "\"" => !tokens[q - 1].space_after,
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::repair::test_doc::{doc, token};

    #[test]
    fn tweet_forms_are_verbs_not_nouns() {
        assert!(is_tweet_form("twitté"));
        assert!(is_tweet_form("tweetée"));
        assert!(is_tweet_form("twitte"));
        assert!(!is_tweet_form("tweet"));
        assert!(!is_tweet_form("tweets"));
        assert!(!is_tweet_form("Twitter"));
    }

    /// «Paul Roux a twitté» | «que la route est fermée.» as the model reads it.
    #[test]
    fn a_cut_tweet_takes_its_subject_and_clause() {
        let mut d = doc(
            "Paul Roux a twitté que la route est fermée.",
            vec![
                token("Paul", 0, "PROPN", 0, "ROOT", true),
                token("Roux", 5, "PROPN", 0, "flat:name", false),
                token("a", 10, "VERB", 0, "flat:name", false),
                token("twitté", 12, "PROPN", 0, "flat:name", false),
                token("que", 19, "SCONJ", 8, "mark", true),
                token("la", 23, "DET", 6, "det", false),
                token("route", 26, "NOUN", 8, "nsubj", false),
                token("est", 32, "AUX", 8, "cop", false),
                token("fermée", 36, "ADJ", 8, "ROOT", false),
                token(".", 42, "PUNCT", 8, "punct", false),
            ],
        );
        d.tokens[0].ent_iob = EntIob::B;
        d.tokens[0].ent_type = "PER".into();
        d.tokens[1].ent_iob = EntIob::I;
        d.tokens[1].ent_type = "PER".into();
        assert_eq!(repair_tweet_verbs(&mut d), 1);
        let t = &d.tokens;
        assert_eq!(
            (t[3].pos.as_str(), t[3].lemma.as_str(), t[3].head),
            ("VERB", "tweeter", 3)
        );
        assert_eq!((t[0].head, t[0].dep.as_str()), (3, "nsubj"));
        assert_eq!((t[2].head, t[2].dep.as_str()), (3, "aux:tense"));
        assert_eq!((t[8].head, t[8].dep.as_str()), (3, "ccomp"));
        assert_eq!(d.sentences(), vec![0..10]);
    }
}
