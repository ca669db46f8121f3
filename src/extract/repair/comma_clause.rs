//! A parse repair (see [`super`]): a subject, with the adjunct before it
//! and the appositions after it, cut off from a verb that follows a comma.
//!
//! News sentences often open on a time or a place, then name the speaker
//! with a title or a nickname set off by commas, and only then give the
//! verb: "Vers 8h00, Paul Quillac, professeur de droit, affirme que …".
//! The French models end a sentence before the comma that opens the verb
//! (`Vers 8h00, Paul Quillac, professeur de droit` | `, affirme que …`),
//! sometimes at other commas and names too (`Vers 9h10` | `, Paul Quillac,
//! alias` | `Red Fox` | `, commente …`). The verb's sentence then has no
//! subject and the fact is lost, while the pieces before it hold no verb
//! of their own: they cannot be a sentence.
//!
//! [`rejoin_comma_clause`] reads the pieces from a real sentence start (the
//! paragraph's start, or a piece ending with `.`, `!`, `?`) up to a piece
//! that opens on a comma and then on a finite verb with no subject. When
//! those pieces are verbless (a relative clause on a noun aside) and split
//! at their commas into: fronted adjuncts (a prepositional phrase or a
//! date: "Vers 8h00", "Lundi"), then a noun phrase (the subject: a noun or
//! a name, with no preposition, agreeing with the verb in number and
//! person), then anything (its appositions), the noun phrase becomes the
//! verb's subject, the adjuncts its `obl:mod`, a piece left without a head
//! after the subject an apposition of it, a name's second piece cut off
//! right after its first (`Paul` | `Quillac`) that name's `flat:name`, and
//! all the pieces one sentence. Pieces that hold a dateline, a colon, a
//! semicolon or a dash are left alone, and so is a clause whose verb has a
//! subject after it (`« … »` | `, a déclaré le ministre`).

use super::{fronted_adverbial, roots, starts_dateline};
use crate::nlp::Doc;

/// Most tokens the pieces before the verb may have, all together.
const MAX_CHAIN_TOKENS: usize = 32;

/// Most pieces the sentence before the verb may have been cut into.
const MAX_CHAIN_PIECES: usize = 4;

/// Rejoins each subject cut off, with its adjuncts and appositions, before
/// a clause that opens on a comma. Returns how many pieces were rejoined.
pub fn rejoin_comma_clause(doc: &mut Doc) -> usize {
    let mut rejoined = 0;
    let sentences = doc.sentences();
    for k in 1..sentences.len() {
        let clause = sentences[k].clone();
        let Some((verb, finite)) = subjectless_comma_clause(doc, clause.clone()) else {
            continue;
        };
        let Some(first) = chain_start(doc, &sentences, k) else {
            continue;
        };
        let chain = sentences[first].start..clause.start;
        if starts_dateline(doc, chain.start) || !verbless(doc, chain.clone()) {
            continue;
        }
        let Some(plan) = plan(doc, chain.clone()) else {
            continue;
        };
        if !super::agrees_in_number(doc, plan.subject, verb) || !third_person(doc, finite) {
            continue;
        }
        let passive = super::has_passive_aux(doc, verb);
        let tokens = &mut doc.tokens;
        tokens[plan.subject].head = verb;
        tokens[plan.subject].dep = if passive { "nsubj:pass" } else { "nsubj" }.into();
        for &a in &plan.adjuncts {
            tokens[a].head = verb;
            tokens[a].dep = "obl:mod".into();
        }
        for &(n, on) in &plan.name_pieces {
            tokens[n].head = on;
            tokens[n].dep = "flat:name".into();
        }
        for &a in &plan.appositions {
            let nominal = matches!(tokens[a].pos.as_str(), "NOUN" | "PROPN" | "NUM");
            tokens[a].head = plan.subject;
            tokens[a].dep = if nominal { "appos" } else { "dep" }.into();
        }
        // Punctuation the model made a piece's root hangs on the verb.
        for i in chain.clone() {
            if tokens[i].head == i {
                tokens[i].head = verb;
                tokens[i].dep = "punct".into();
            }
        }
        // A clause the model read as the verb's subject is its complement
        // now that the verb has a subject ("…, affirme que …, il faut …").
        for i in clause.clone() {
            if tokens[i].head == verb && tokens[i].dep.starts_with("nsubj") && tokens[i].pos == "VERB" {
                tokens[i].dep = "ccomp".into();
            }
        }
        for piece in &sentences[first + 1..=k] {
            tokens[piece.start].sent_start = false;
        }
        rejoined += k - first;
    }
    rejoined
}

/// The verb heading `range` (and its finite verb or auxiliary) when the
/// piece opens on a comma and then on that verb group ("ne", adverbs and
/// object clitics aside), one root, a predicate with no nominal subject.
fn subjectless_comma_clause(doc: &Doc, range: std::ops::Range<usize>) -> Option<(usize, usize)> {
    let tokens = &doc.tokens;
    if range.len() < 3 || tokens[range.start].text != "," {
        return None;
    }
    let mut found = roots(doc, range.clone()).filter(|&i| tokens[i].pos != "PUNCT");
    let root = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let children = || range.clone().filter(move |&i| i != root && tokens[i].head == root);
    let predicate = tokens[root].pos == "VERB" || children().any(|i| tokens[i].dep == "cop");
    // A subject before or after the verb, or a clitic one: no cut subject.
    // A verb the model hung as `nsubj` is a mislabelled clause, no subject.
    let has_subject = children().any(|i| {
        let dep = tokens[i].dep.as_str();
        (dep.starts_with("nsubj") || dep.starts_with("csubj") || dep.starts_with("expl:subj"))
            && !matches!(tokens[i].pos.as_str(), "VERB" | "AUX")
    });
    if !predicate || has_subject {
        return None;
    }
    let clitic = |i: usize| {
        tokens[i].pos == "PRON"
            && matches!(
                tokens[i].dep.as_str(),
                "obj" | "iobj" | "expl:comp" | "expl:pv" | "expl:pass"
            )
    };
    let finite = (range.start + 1..range.end).find(|&i| tokens[i].pos != "ADV" && !clitic(i))?;
    let t = &tokens[finite];
    let verbal = matches!(t.pos.as_str(), "VERB" | "AUX") && t.morph.contains("VerbForm=Fin");
    (verbal && (finite == root || t.head == root)).then_some((root, finite))
}

/// Whether the finite verb is of the third person and no imperative
/// ("…" | ", n'allez pas …" addresses the reader).
fn third_person(doc: &Doc, finite: usize) -> bool {
    let morph = &doc.tokens[finite].morph;
    !morph.contains("Mood=Imp")
        && morph
            .split('|')
            .all(|f| f.strip_prefix("Person=").is_none_or(|p| p == "3"))
}

/// The index of the first piece of the sentence that piece `k` continues:
/// back over the pieces before it to the paragraph's start or to a piece
/// that ends a sentence.
fn chain_start(doc: &Doc, sentences: &[std::ops::Range<usize>], k: usize) -> Option<usize> {
    let ends_sentence =
        |piece: &std::ops::Range<usize>| matches!(doc.tokens[piece.end - 1].text.as_str(), "." | "!" | "?" | "…");
    let mut j = k - 1;
    loop {
        if ends_sentence(&sentences[j]) {
            return None;
        }
        if j == 0 || ends_sentence(&sentences[j - 1]) {
            return Some(j);
        }
        if k - j >= MAX_CHAIN_PIECES {
            return None;
        }
        j -= 1;
    }
}

/// Whether the pieces `range` hold no clause of their own: no finite verb,
/// auxiliary or subordinating conjunction outside a relative clause on a
/// noun, no colon, semicolon or dash, brackets and quotes closed.
fn verbless(doc: &Doc, range: std::ops::Range<usize>) -> bool {
    let tokens = &doc.tokens;
    if range.is_empty() || range.len() > MAX_CHAIN_TOKENS {
        return false;
    }
    let relative = |i: usize| {
        tokens[i].dep == "acl:relcl" || {
            let h = tokens[i].head;
            h != i
                && tokens.get(h).is_some_and(|t| t.dep == "acl:relcl")
                && (tokens[i].dep.starts_with("aux") || tokens[i].dep == "cop")
        }
    };
    let count = |s: &str| range.clone().filter(|&i| tokens[i].text == s).count();
    let closed = count("«") == count("»") && count("(") == count(")") && count("\"") % 2 == 0;
    closed
        && range.clone().all(|i| {
            let t = &tokens[i];
            let clause = t.pos == "AUX" || t.pos == "SCONJ" || (t.pos == "VERB" && t.morph.contains("VerbForm=Fin"));
            (!clause || relative(i))
                && !super::is_dash(doc, i, 0)
                && !matches!(t.text.as_str(), ":" | ";" | "." | "!" | "?")
        })
}

/// What the pieces before the verb become.
struct Plan {
    /// The head of the subject's noun phrase.
    subject: usize,
    /// The heads of the fronted adjuncts.
    adjuncts: Vec<usize>,
    /// A name's later pieces cut off after its first one, each with the
    /// word it continues.
    name_pieces: Vec<(usize, usize)>,
    /// Heads left without a head after the subject.
    appositions: Vec<usize>,
}

/// Reads the pieces `range` as fronted adjuncts, a subject and its
/// appositions, split at their commas; `None` when they do not read so.
fn plan(doc: &Doc, range: std::ops::Range<usize>) -> Option<Plan> {
    let tokens = &doc.tokens;
    // The comma-separated parts, each a range of tokens.
    let mut parts = Vec::new();
    let mut begin = range.start;
    for i in range.clone() {
        if tokens[i].text == "," {
            if i > begin {
                parts.push(begin..i);
            }
            begin = i + 1;
        }
    }
    if range.end > begin {
        parts.push(begin..range.end);
    }
    // A part's heads: its words whose head is themselves or outside it.
    let heads = |part: &std::ops::Range<usize>| -> Vec<usize> {
        roots(doc, part.clone()).filter(|&i| tokens[i].pos != "PUNCT").collect()
    };
    let mut adjuncts = Vec::new();
    let mut parts = parts.into_iter().peekable();
    while let Some(part) = parts.peek() {
        match fronted_adverbial::adjunct(doc, part.clone()) {
            Some(head) if heads(part).len() == 1 => {
                adjuncts.push(head);
                parts.next();
            }
            _ => break,
        }
    }
    let subject_part = parts.next()?;
    let subject_heads = heads(&subject_part);
    let (&subject, rest) = subject_heads.split_first()?;
    let has_case = range
        .clone()
        .any(|i| tokens[i].head == subject && tokens[i].dep == "case");
    if !matches!(tokens[subject].pos.as_str(), "NOUN" | "PROPN") || has_case {
        return None;
    }
    // A name's later piece cut off: a capitalised proper noun right after
    // a capitalised word of the same part; it continues that word.
    let capital = |i: usize| tokens[i].text.chars().next().is_some_and(char::is_uppercase);
    let continued = |n: usize, part: &std::ops::Range<usize>| {
        let p = n.checked_sub(1).filter(|p| part.contains(p))?;
        let name_word = matches!(tokens[p].pos.as_str(), "PROPN" | "NOUN" | "ADJ") && capital(p);
        (name_word && tokens[n].pos == "PROPN" && capital(n)).then_some(p)
    };
    let mut name_pieces = Vec::new();
    for &n in rest {
        // Only a piece's own root: a word the model hung elsewhere stays.
        let on = continued(n, &subject_part).filter(|_| tokens[n].head == n)?;
        name_pieces.push((n, on));
    }
    // A later part's word left without a head, or hung inside an adjunct
    // (but not under the subject the model hung there), is the subject's
    // apposition, or the continuation of the name before it.
    let under = |i: usize, top: usize| crate::extract::entities::spans::descends_from(doc, i, top);
    let in_adjunct = |i: usize| adjuncts.iter().any(|&a| under(i, a)) && !under(i, subject);
    let mut appositions = Vec::new();
    for part in parts {
        for h in heads(&part) {
            let head = tokens[h].head;
            if head == h {
                match continued(h, &part) {
                    Some(on) => name_pieces.push((h, on)),
                    None => appositions.push(h),
                }
            } else if in_adjunct(head) {
                appositions.push(h);
            }
        }
    }
    Some(Plan {
        subject,
        adjuncts,
        name_pieces,
        appositions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::repair::test_doc::{doc, token};

    /// «Vers 9h10» | «, Paul Quillac, alias» | «Red Fox» | «, commente les
    /// annonces.» as the model splits it.
    fn cut() -> Doc {
        let mut d = doc(
            "Vers 9h10, Paul Quillac, alias Red Fox, commente les annonces.",
            vec![
                token("Vers", 0, "ADP", 1, "case", true),
                token("9h10", 5, "NOUN", 1, "ROOT", false),
                token(",", 9, "PUNCT", 3, "punct", true),
                token("Paul", 11, "PROPN", 3, "ROOT", false),
                token("Quillac", 16, "PROPN", 3, "flat:name", false),
                token(",", 23, "PUNCT", 3, "punct", false),
                token("alias", 25, "ADV", 3, "advmod", false),
                token("Red", 31, "PROPN", 7, "ROOT", true),
                token("Fox", 35, "PROPN", 7, "flat:name", false),
                token(",", 38, "PUNCT", 10, "punct", true),
                token("commente", 40, "VERB", 10, "ROOT", false),
                token("les", 49, "DET", 12, "det", false),
                token("annonces", 53, "NOUN", 10, "obj", false),
                token(".", 61, "PUNCT", 10, "punct", false),
            ],
        );
        d.tokens[1].morph = "Gender=Masc|Number=Sing".into();
        d.tokens[3].morph = "Gender=Masc|Number=Sing".into();
        d.tokens[10].morph = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin".into();
        d
    }

    #[test]
    fn a_subject_cut_off_before_a_comma_clause_joins_its_verb() {
        let mut d = cut();
        assert_eq!(rejoin_comma_clause(&mut d), 3);
        assert_eq!(d.sentences(), vec![0..14]);
        let t = &d.tokens;
        assert_eq!((t[3].head, t[3].dep.as_str()), (10, "nsubj"));
        assert_eq!((t[1].head, t[1].dep.as_str()), (10, "obl:mod"));
        assert_eq!((t[7].head, t[7].dep.as_str()), (3, "appos"));
        assert_eq!((t[6].head, t[6].dep.as_str()), (3, "advmod"));
    }

    #[test]
    fn a_subject_hung_on_the_adjunct_and_a_name_cut_in_two_join_too() {
        // «Vers 9h10, Paul» | «Quillac» | «, commente les annonces.», the
        // name hung on the time as its apposition.
        let mut d = cut();
        d.tokens[2].sent_start = false;
        d.tokens[3].head = 1;
        d.tokens[3].dep = "appos".into();
        d.tokens[4] = token("Quillac", 16, "PROPN", 4, "ROOT", true);
        d.tokens[5].head = 4;
        d.tokens[6].head = 4;
        d.tokens[7].sent_start = false;
        d.tokens[7].head = 4;
        d.tokens[7].dep = "appos".into();
        assert_eq!(rejoin_comma_clause(&mut d), 2);
        assert_eq!(d.sentences(), vec![0..14]);
        let t = &d.tokens;
        assert_eq!((t[3].head, t[3].dep.as_str()), (10, "nsubj"));
        assert_eq!((t[4].head, t[4].dep.as_str()), (3, "flat:name"));
        assert_eq!((t[1].head, t[1].dep.as_str()), (10, "obl:mod"));
    }

    #[test]
    fn a_passive_clause_takes_nsubj_pass() {
        let mut d = cut();
        d.tokens[10].pos = "AUX".into();
        d.tokens[10].dep = "aux:pass".into();
        d.tokens[10].head = 12;
        d.tokens[12] = token("annoncé", 53, "VERB", 12, "ROOT", false);
        for i in [9, 11, 13] {
            d.tokens[i].head = 12;
        }
        d.tokens[11].dep = "advmod".into();
        d.tokens[11].pos = "ADV".into();
        assert_eq!(rejoin_comma_clause(&mut d), 3);
        assert_eq!((d.tokens[3].head, d.tokens[3].dep.as_str()), (12, "nsubj:pass"));
    }

    #[test]
    fn splits_that_are_real_stay() {
        let unchanged = |mut d: Doc, why: &str| {
            let before = d.clone();
            assert_eq!(rejoin_comma_clause(&mut d), 0, "{why}");
            assert_eq!(d, before, "{why}");
        };
        // The verb has a subject after it («…» | «, commente le ministre»).
        let mut d = cut();
        d.tokens[12].dep = "nsubj".into();
        unchanged(d, "inverted subject");
        // The verb disagrees in number or person, or is an imperative.
        let mut d = cut();
        d.tokens[10].morph = "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin".into();
        unchanged(d, "number");
        let mut d = cut();
        d.tokens[10].morph = "Mood=Imp|Number=Sing|Person=2|Tense=Pres|VerbForm=Fin".into();
        unchanged(d, "imperative");
        // A piece before holds a finite verb of its own.
        let mut d = cut();
        d.tokens[6] = token("dit", 25, "VERB", 3, "acl", false);
        d.tokens[6].morph = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin".into();
        unchanged(d, "verb before");
        // The pieces follow a colon, or a sentence that did not end.
        let mut d = cut();
        d.tokens[6] = token(":", 25, "PUNCT", 3, "punct", false);
        unchanged(d, "colon");
        // The subject part is a prepositional phrase ("Selon Paul Quillac").
        let mut d = cut();
        d.tokens[2] = token("selon", 9, "ADP", 3, "case", true);
        unchanged(d, "preposition");
        // The clause opens on no comma.
        let mut d = cut();
        d.tokens[9] = token("et", 38, "CCONJ", 10, "cc", true);
        unchanged(d, "no comma");
        // The clause is no clause (no finite verb after the comma).
        let mut d = cut();
        d.tokens[10].morph = "Tense=Pres|VerbForm=Part".into();
        unchanged(d, "participle");
    }
}
