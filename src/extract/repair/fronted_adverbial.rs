//! A parse repair (see [`super`]): a fronted place or time adjunct the
//! models cut off into a sentence of its own.
//!
//! News sentences open on where and when (`À Toulouse, 2000 personnes ont
//! manifesté`, `Vers 10h30, la police a …`, `Ce dimanche, …`), and the
//! models learned to end a sentence at the comma that follows such an
//! opening, as they do after a dateline. The clause then loses its place
//! and its time. When the first piece is a short adjunct (a prepositional
//! phrase, or a date or time phrase opened by a determiner or a number,
//! with no verb), a comma ends it or opens the next piece, and that next
//! piece holds a clause, the adjunct becomes an `obl:mod` of that clause's
//! head and the two pieces one sentence. A real dateline keeps its split.

use super::{roots, starts_dateline};
use crate::extract::rules::time::is_calendar_word;
use crate::nlp::Doc;

/// Most tokens a cut-off adjunct may have ("À Saint-Étienne-du-Rouvray
/// (Haute-Normandie)", "Dans la nuit de samedi à dimanche").
const MAX_ADJUNCT_TOKENS: usize = 10;

/// Rejoins each short adjunct cut off before a clause that opens with a
/// comma, as an `obl:mod` of the clause's head. Returns how many sentences
/// were rejoined.
pub fn rejoin_fronted_adverbial(doc: &mut Doc) -> usize {
    let mut rejoined = 0;
    let sentences = doc.sentences();
    for pair in sentences.windows(2) {
        let (piece, next) = (pair[0].clone(), pair[1].clone());
        // The comma may close the first piece ("Vers 9h30," | "sur les
        // quais, …") or open the next one ("À Lille" | ", des …").
        let closed = piece.len() > 1 && doc.tokens[piece.end - 1].text == ",";
        let words = if closed {
            piece.start..piece.end - 1
        } else {
            piece.clone()
        };
        let Some(adjunct) = adjunct(doc, words) else {
            continue;
        };
        let Some(clause) = clause_after_comma(doc, next.clone(), closed) else {
            continue;
        };
        if starts_dateline(doc, piece.start) {
            continue;
        }
        let tokens = &mut doc.tokens;
        tokens[adjunct].head = clause;
        tokens[adjunct].dep = "obl:mod".into();
        tokens[next.start].sent_start = false;
        rejoined += 1;
    }
    rejoined + rejoin_date_chain(doc)
}

/// A date cut off, without a comma, before a piece that opens on a
/// fronted adjunct of a clause ("Samedi" | "matin" | "vers 9 heures, une
/// explosion a eu lieu …", as the models split after a dateline's dash):
/// the date is that clause's too, and joins it as an `obl:mod` of the
/// clause's verb. Pieces are taken from the last one back, so that a date
/// in several pieces joins piece by piece. Returns how many joined.
fn rejoin_date_chain(doc: &mut Doc) -> usize {
    let mut rejoined = 0;
    // Each round joins one piece; a paragraph has fewer pieces than tokens.
    for _ in 0..doc.tokens.len() {
        let sentences = doc.sentences();
        let found = sentences.windows(2).rev().find_map(|pair| {
            let (piece, next) = (pair[0].clone(), pair[1].clone());
            let comma = doc.tokens[piece.end - 1].text == "," || doc.tokens[next.start].text == ",";
            if comma || starts_dateline(doc, piece.start) {
                return None;
            }
            let date = adjunct(doc, piece.clone()).filter(|&h| is_date_head(doc, piece.clone(), h))?;
            if doc.tokens[piece.start].pos == "ADP" {
                return None;
            }
            let clause = opening_adjunct_of(doc, next.clone())?;
            Some((date, clause, next.start))
        });
        let Some((date, clause, next_start)) = found else { break };
        let tokens = &mut doc.tokens;
        tokens[date].head = clause;
        tokens[date].dep = "obl:mod".into();
        tokens[next_start].sent_start = false;
        rejoined += 1;
    }
    rejoined
}

/// The verb of the piece `range` whose adjunct the piece opens with: the
/// first token's phrase hangs, as an `obl`, on a verb of the piece.
fn opening_adjunct_of(doc: &Doc, range: std::ops::Range<usize>) -> Option<usize> {
    let tokens = &doc.tokens;
    let mut x = range.start;
    for _ in 0..range.len() {
        let h = tokens.get(x)?.head;
        if h == x || !range.contains(&h) {
            return None;
        }
        if tokens[x].dep.starts_with("obl") {
            return (tokens[h].pos == "VERB").then_some(h);
        }
        // Only up through the adjunct's own phrase, never a clause.
        if !matches!(tokens[x].pos.as_str(), "ADP" | "DET" | "NUM" | "NOUN" | "PROPN" | "ADJ") {
            return None;
        }
        x = h;
    }
    None
}

/// The head of `range` when it is a short adjunct: no verb, no quote or
/// colon, one root, a nominal head, and either a preposition on that head
/// ("À Toulouse", "Vers 10h30") or a date opened by a determiner, a number
/// or its own head ("Ce dimanche", "Le 6 août 2018", "Samedi à Lyon").
pub(super) fn adjunct(doc: &Doc, range: std::ops::Range<usize>) -> Option<usize> {
    let tokens = &doc.tokens;
    if range.is_empty() || range.len() > MAX_ADJUNCT_TOKENS {
        return None;
    }
    if range.clone().any(|i| {
        let t = &tokens[i];
        matches!(t.pos.as_str(), "VERB" | "AUX" | "SCONJ" | "PRON")
            || matches!(
                t.text.as_str(),
                ":" | "«" | "»" | "\"" | "[" | ";" | "." | "!" | "?" | "–" | "—"
            )
    }) {
        return None;
    }
    let mut found = roots(doc, range.clone());
    let head = found.next()?;
    if found.next().is_some() || !matches!(tokens[head].pos.as_str(), "NOUN" | "PROPN" | "NUM") {
        return None;
    }
    let first = &tokens[range.start];
    let has_case = range
        .clone()
        .any(|i| i < head && tokens[i].head == head && tokens[i].dep == "case");
    let prepositional = first.pos == "ADP" && has_case;
    let date =
        (first.pos == "DET" || first.pos == "NUM" || range.start == head) && is_date_head(doc, range.clone(), head);
    (prepositional || date).then_some(head)
}

/// Whether the phrase `range` headed by `head` names a date: a weekday,
/// a month or a time of day at its head or right after a number.
fn is_date_head(doc: &Doc, range: std::ops::Range<usize>, head: usize) -> bool {
    // Weekdays and months are the time rules' own; these times of day
    // open a clause as a date does.
    const DAY_PARTS: &[&str] = &["matin", "soir", "nuit", "midi", "après-midi", "week-end"];
    let word = |i: usize| {
        let lemma = doc.tokens[i].lemma.to_lowercase();
        is_calendar_word(&lemma) || DAY_PARTS.contains(&lemma.as_str())
    };
    word(head) || (doc.tokens[head].pos == "NUM" && range.into_iter().any(word))
}

/// The head of the clause in `range` when the piece opens with a comma (or
/// follows one, `closed`) and then holds a clause: its one root
/// (punctuation aside) is a verb, or a predicate with its copula.
fn clause_after_comma(doc: &Doc, range: std::ops::Range<usize>, closed: bool) -> Option<usize> {
    let tokens = &doc.tokens;
    let opens = tokens.get(range.start).is_some_and(|t| t.text == ",");
    if range.len() < 3 || opens == closed {
        return None;
    }
    let body = if opens {
        range.start + 1..range.end
    } else {
        range.clone()
    };
    let mut found = roots(doc, body.clone()).filter(|&i| tokens[i].pos != "PUNCT");
    let root = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let predicate = tokens[root].pos == "VERB"
        || body
            .clone()
            .any(|i| i != root && tokens[i].head == root && tokens[i].dep == "cop");
    predicate.then_some(root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::repair::test_doc::{doc, token};

    /// «À Lille» | «, des ouvriers ont bloqué l'usine.» as the model splits it.
    fn cut() -> Doc {
        doc(
            "À Lille, des ouvriers ont bloqué l'usine.",
            vec![
                token("À", 0, "ADP", 1, "case", true),
                token("Lille", 2, "PROPN", 1, "ROOT", false),
                token(",", 7, "PUNCT", 6, "punct", true),
                token("des", 9, "DET", 4, "det", false),
                token("ouvriers", 13, "NOUN", 6, "nsubj", false),
                token("ont", 22, "AUX", 6, "aux:tense", false),
                token("bloqué", 26, "VERB", 6, "ROOT", false),
                token("l'", 33, "DET", 8, "det", false),
                token("usine", 35, "NOUN", 6, "obj", false),
                token(".", 40, "PUNCT", 6, "punct", false),
            ],
        )
    }

    #[test]
    fn a_cut_off_place_adjunct_joins_its_clause() {
        let mut d = cut();
        assert_eq!(rejoin_fronted_adverbial(&mut d), 1);
        assert_eq!(d.sentences(), vec![0..10]);
        assert_eq!((d.tokens[1].head, d.tokens[1].dep.as_str()), (6, "obl:mod"));
    }

    #[test]
    fn a_cut_off_date_joins_its_clause() {
        // «Ce dimanche» | «, des ouvriers ont bloqué …».
        let mut d = cut();
        d.tokens[0] = token("Ce", 0, "DET", 1, "det", true);
        d.tokens[1] = token("dimanche", 3, "NOUN", 1, "ROOT", false);
        assert_eq!(rejoin_fronted_adverbial(&mut d), 1);
        assert_eq!(d.tokens[1].head, 6);
    }

    #[test]
    fn a_comma_closing_the_adjunct_joins_it_too() {
        // «À Lille,» | «des ouvriers ont bloqué …».
        let mut d = cut();
        d.tokens[2].sent_start = false;
        d.tokens[2].head = 1;
        d.tokens[3].sent_start = true;
        assert_eq!(rejoin_fronted_adverbial(&mut d), 1);
        assert_eq!(d.sentences(), vec![0..10]);
        assert_eq!((d.tokens[1].head, d.tokens[1].dep.as_str()), (6, "obl:mod"));
    }

    #[test]
    fn a_date_cut_off_before_a_fronted_adjunct_joins_the_clause() {
        // «Samedi» | «vers 9h, des ouvriers ont bloqué l'usine.»
        let mut d = doc(
            "Samedi vers 9h, des ouvriers ont bloqué l'usine.",
            vec![
                token("Samedi", 0, "NOUN", 0, "ROOT", true),
                token("vers", 7, "ADP", 2, "case", true),
                token("9h", 12, "NOUN", 7, "obl:mod", false),
                token(",", 14, "PUNCT", 7, "punct", false),
                token("des", 16, "DET", 5, "det", false),
                token("ouvriers", 20, "NOUN", 7, "nsubj", false),
                token("ont", 29, "AUX", 7, "aux:tense", false),
                token("bloqué", 33, "VERB", 7, "ROOT", false),
                token("l'", 40, "DET", 9, "det", false),
                token("usine", 42, "NOUN", 7, "obj", false),
                token(".", 47, "PUNCT", 7, "punct", false),
            ],
        );
        assert_eq!(rejoin_fronted_adverbial(&mut d), 1);
        assert_eq!(d.sentences(), vec![0..11]);
        assert_eq!((d.tokens[0].head, d.tokens[0].dep.as_str()), (7, "obl:mod"));
        // A piece that opens on the clause's subject is no adjunct's.
        let mut d = cut();
        d.tokens[0] = token("Samedi", 0, "NOUN", 0, "ROOT", true);
        d.tokens[1] = token("matin", 7, "NOUN", 0, "nmod", false);
        d.tokens[2] = token("des", 13, "DET", 4, "det", true);
        assert_eq!(rejoin_fronted_adverbial(&mut d), 0);
    }

    #[test]
    fn splits_that_are_real_stay() {
        // The first piece is a bare name (a dateline's place, or a subject
        // cut off: other repairs' business).
        let mut d = cut();
        d.tokens[0] = token("Lille", 0, "PROPN", 1, "flat:name", true);
        let before = d.clone();
        assert_eq!(rejoin_fronted_adverbial(&mut d), 0);
        assert_eq!(d, before);
        // A determiner before no date ("Le directeur" | ", …").
        let mut d = cut();
        d.tokens[0] = token("Le", 0, "DET", 1, "det", true);
        d.tokens[1] = token("directeur", 3, "NOUN", 1, "ROOT", false);
        assert_eq!(rejoin_fronted_adverbial(&mut d), 0);
        // The first piece has a verb.
        let mut d = cut();
        d.tokens[1].pos = "VERB".into();
        assert_eq!(rejoin_fronted_adverbial(&mut d), 0);
        // The second piece opens on no comma.
        let mut d = cut();
        d.tokens[2] = token("et", 7, "CCONJ", 6, "cc", true);
        assert_eq!(rejoin_fronted_adverbial(&mut d), 0);
        // The second piece is no clause.
        let mut d = cut();
        d.tokens[6].pos = "NOUN".into();
        assert_eq!(rejoin_fronted_adverbial(&mut d), 0);
    }
}
