//! A parse repair (see [`super`]), for the fact rules only: coordinations
//! the French model attaches to the wrong word.
//!
//! Five shapes, all read on the parse as the model left it:
//!
//! - **A second clause's subject taken for a coordinated object.** In
//!   "A a signé l'accord et B l'a ratifié" the model makes `B` a `conj` of
//!   `accord` and hangs `ratifié` on `signé` as a subjectless `advcl`: the
//!   rules then read "A signs B". A nominal `conj` with its own
//!   coordinator, followed (only clitic pronouns, "ne", auxiliaries or the
//!   rest of its name between) by a finite verb that has no subject and
//!   hangs on a verb above the nominal, is that verb's subject; the verb
//!   becomes a `conj` of the first clause and takes the coordinator. Each
//!   conjunct keeps its own subject; none crosses into the other's arguments.
//! - **The tail of a list hung on the head noun.** In "les ministres de la
//!   France, l'Allemagne et l'Italie" the model makes `Allemagne` a `conj` of
//!   `France` but `Italie` a `conj` of `ministres` (so "Italie signs …"). A
//!   `conj` of a noun, coming right after that noun's complement list (a
//!   `nmod` with a `conj` of its own, or with the same preposition as the
//!   `conj`: "de la France et de l'Italie"), joins that list.
//! - **The object of a second participle taken for its subject.** In "X a
//!   tué un passager et blessé le conducteur" the model makes `conducteur`
//!   the `nsubj` of `blessé`, so the rules read "the driver hurt". A past
//!   participle that is a `conj` of a verb with a tense auxiliary, with no
//!   auxiliary of its own (it shares the first one), cannot have a subject
//!   after it: a nominal `nsubj` following it, when it has no object, is
//!   its object.
//! - **A second participle hung on the first one's object.** In "X a tué
//!   un passant et blessé un policier" the model makes `blessé` a `conj` of
//!   `passant`: a past participle with no auxiliary nor subject of its own,
//!   coordinated to the object of a verb with a tense auxiliary, is that
//!   verb's conjunct (and shares its auxiliary and subject).
//! - **The second count of an object hung far to the left.** In "…, qui a
//!   fait 13 blessés et 2 morts, est …" the model makes `morts` a `conj`
//!   (or a bare `nmod`) of the sentence's subject: a counted noun right after a verb's counted
//!   object and its coordinator is that object's conjunct.
//!
//! Changes heads and relations only (never text, offsets or entities).

use super::children;
use crate::extract::entities::spans::descends_from as under;
use crate::nlp::Doc;

/// Clitics and particles that may stand between a clause's subject and its
/// verb ("B ne l'a pas ratifié", "B s'y est rendu").
const BETWEEN: &[&str] = &[
    "ne", "n'", "n’", "le", "la", "les", "l'", "l’", "lui", "leur", "y", "en", "se", "s'", "s’", "me", "m'", "te",
    "t'", "nous", "vous",
];

/// Applies the five repairs to a paragraph's parse; returns how many tokens moved.
pub fn repair_coordination(doc: &mut Doc) -> usize {
    clause_subjects(doc)
        + list_tails(doc)
        + participles_on_objects(doc)
        + shared_auxiliary_objects(doc)
        + counted_tails(doc)
}

/// "X a tué un passant et blessé un policier": `blessé` becomes a `conj`
/// of `tué`. A past participle with no auxiliary of its own, hung as a
/// `conj` on the object of a verb with a tense auxiliary before it, shares
/// that auxiliary: it is the verb's conjunct, not the object's.
fn participles_on_objects(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let mut moved = 0;
    for v in 0..n {
        let t = &doc.tokens[v];
        if t.dep != "conj"
            || t.pos != "VERB"
            || !has_feature(doc, v, "VerbForm=Part")
            || !has_feature(doc, v, "Tense=Past")
        {
            continue;
        }
        if children(doc, v).any(|k| doc.tokens[k].dep.starts_with("aux") || doc.tokens[k].dep.starts_with("nsubj")) {
            continue;
        }
        let Some(o) = head_of(doc, v) else { continue };
        if o > v || !nominal(doc, o) || doc.tokens[o].dep != "obj" {
            continue;
        }
        let Some(first) = head_of(doc, o) else { continue };
        if first > o
            || doc.tokens[first].pos != "VERB"
            || !children(doc, first).any(|k| doc.tokens[k].dep == "aux:tense")
        {
            continue;
        }
        doc.tokens[v].head = first;
        moved += 1;
    }
    moved
}

/// "…, qui a fait 13 blessés et 2 morts, est …": `morts` becomes a `conj`
/// of `blessés`. A counted noun ("2 morts": its number right before it)
/// coordinated right after a verb's counted object ("13 blessés et") but
/// hung on a word before that verb is the object's second conjunct.
fn counted_tails(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let mut moved = 0;
    for c in 2..n {
        // Hung as a `conj` or, with no preposition, as a complement.
        let bare = matches!(doc.tokens[c].dep.as_str(), "nmod" | "obl" | "obl:mod")
            && !children(doc, c).any(|k| doc.tokens[k].dep == "case");
        if !(doc.tokens[c].dep == "conj" || bare) || doc.tokens[c].pos != "NOUN" {
            continue;
        }
        let counted = |doc: &Doc, t: usize| {
            t > 0 && doc.tokens[t - 1].pos == "NUM" && doc.tokens[t - 1].head == t && doc.tokens[t - 1].dep == "nummod"
        };
        let cc = c - 2;
        if !counted(doc, c) || doc.tokens[cc].dep != "cc" || doc.tokens[cc].head != c || cc == 0 {
            continue;
        }
        let o = cc - 1;
        if doc.tokens[o].pos != "NOUN" || doc.tokens[o].dep != "obj" || !counted(doc, o) {
            continue;
        }
        let Some(v) = head_of(doc, o) else { continue };
        let Some(h) = head_of(doc, c) else { continue };
        if h == o || h > v || v > o || (v..=c).any(|k| doc.tokens[k].sent_start && k > v) {
            continue;
        }
        doc.tokens[c].head = o;
        doc.tokens[c].dep = "conj".to_string();
        moved += 1;
    }
    moved
}

/// "X a tué un passager et blessé le conducteur": `conducteur` becomes the
/// object of `blessé`.
fn shared_auxiliary_objects(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let mut moved = 0;
    for v in 0..n {
        let t = &doc.tokens[v];
        if t.dep != "conj" || t.pos != "VERB" || !has_feature(doc, v, "VerbForm=Part") {
            continue;
        }
        let Some(first) = head_of(doc, v) else { continue };
        if first > v || doc.tokens[first].pos != "VERB" {
            continue;
        }
        let shares = children(doc, first).any(|k| doc.tokens[k].dep == "aux:tense")
            && !children(doc, v).any(|k| doc.tokens[k].dep.starts_with("aux"));
        if !shares || children(doc, v).any(|k| doc.tokens[k].dep == "obj") {
            continue;
        }
        let Some(s) = children(doc, v).find(|&k| k > v && doc.tokens[k].dep == "nsubj" && nominal(doc, k)) else {
            continue;
        };
        doc.tokens[s].dep = "obj".to_string();
        moved += 1;
    }
    moved
}

fn head_of(doc: &Doc, t: usize) -> Option<usize> {
    let h = doc.tokens[t].head;
    (h != t && h < doc.tokens.len()).then_some(h)
}

fn has_feature(doc: &Doc, t: usize, feature: &str) -> bool {
    doc.tokens[t].morph.split('|').any(|f| f == feature)
}

fn nominal(doc: &Doc, t: usize) -> bool {
    matches!(doc.tokens[t].pos.as_str(), "NOUN" | "PROPN")
}

/// A finite verb form: itself, or through a finite auxiliary.
fn finite(doc: &Doc, v: usize) -> bool {
    has_feature(doc, v, "VerbForm=Fin")
        || children(doc, v).any(|c| doc.tokens[c].dep.starts_with("aux") && has_feature(doc, c, "VerbForm=Fin"))
}

/// "A a signé l'accord et B l'a ratifié": `B` becomes the subject of `ratifié`.
fn clause_subjects(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let mut moved = 0;
    for c in 0..n {
        if doc.tokens[c].dep != "conj" || !nominal(doc, c) {
            continue;
        }
        let Some(cc) = children(doc, c).find(|&k| k < c && doc.tokens[k].dep == "cc") else {
            continue;
        };
        // The verb after the nominal, only clitics, auxiliaries and the
        // nominal's own name words between.
        let mut verb = None;
        for k in c + 1..n {
            let t = &doc.tokens[k];
            if t.sent_start {
                break;
            }
            if t.pos == "VERB" {
                verb = Some(k);
                break;
            }
            let clitic = BETWEEN.contains(&t.text.to_lowercase().as_str()) && matches!(t.pos.as_str(), "PRON" | "ADV");
            let name = t.head == c && t.dep.starts_with("flat");
            if !(clitic || name || t.pos == "AUX") {
                break;
            }
        }
        let Some(w) = verb else { continue };
        let Some(above) = head_of(doc, w) else { continue };
        let subjectless =
            !children(doc, w).any(|k| matches!(doc.tokens[k].dep.as_str(), "nsubj" | "nsubj:pass" | "expl:subj"));
        let clause_of_above = matches!(doc.tokens[w].dep.as_str(), "advcl" | "parataxis" | "dep" | "conj");
        if !(subjectless
            && clause_of_above
            && finite(doc, w)
            && doc.tokens[above].pos == "VERB"
            && !under(doc, w, c)
            && under(doc, c, above))
        {
            continue;
        }
        doc.tokens[c].head = w;
        doc.tokens[c].dep = "nsubj".to_string();
        doc.tokens[cc].head = w;
        doc.tokens[w].dep = "conj".to_string();
        moved += 1;
    }
    moved
}

/// "les ministres de la France, l'Allemagne et l'Italie": `Italie` joins
/// the list under `France`.
fn list_tails(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let mut moved = 0;
    for c in 0..n {
        if doc.tokens[c].dep != "conj" || !nominal(doc, c) {
            continue;
        }
        let Some(x) = head_of(doc, c) else { continue };
        if !nominal(doc, x) || x > c {
            continue;
        }
        let case_of = |doc: &Doc, t: usize| {
            children(doc, t)
                .find(|&k| doc.tokens[k].dep == "case")
                .map(|k| doc.tokens[k].lemma.to_lowercase())
        };
        // The head's complement just before `c`.
        let Some(m) = children(doc, x)
            .filter(|&k| k < c && doc.tokens[k].dep == "nmod" && nominal(doc, k))
            .max()
        else {
            continue;
        };
        let listed = children(doc, m).any(|k| doc.tokens[k].dep == "conj" && k < c);
        let same_case = case_of(doc, m).is_some() && case_of(doc, m) == case_of(doc, c);
        if !(listed || same_case) {
            continue;
        }
        // Nothing between the complement's phrase and `c` but `c`'s own words.
        let end = (m..c).filter(|&k| under(doc, k, m)).max().unwrap_or(m);
        let adjacent = (end + 1..c).all(|k| doc.tokens[k].head == c || doc.tokens[k].text == ",");
        if !adjacent || (m..=c).any(|k| doc.tokens[k].sent_start && k > m) {
            continue;
        }
        doc.tokens[c].head = m;
        moved += 1;
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::super::test_doc::{doc, token};
    use super::*;

    fn with_morph(mut t: crate::nlp::Token, morph: &str) -> crate::nlp::Token {
        t.morph = morph.into();
        t
    }

    /// "Acme a signé l'accord et Nova l'a ratifié." as the model parses it.
    fn second_clause() -> Doc {
        doc(
            "Acme a signé l'accord et Nova l'a ratifié.",
            vec![
                token("Acme", 0, "PROPN", 2, "nsubj", true),
                with_morph(token("a", 5, "AUX", 2, "aux:tense", false), "VerbForm=Fin"),
                token("signé", 7, "VERB", 2, "ROOT", false),
                token("l'", 13, "DET", 4, "det", false),
                token("accord", 15, "NOUN", 2, "obj", false),
                token("et", 22, "CCONJ", 6, "cc", false),
                token("Nova", 25, "PROPN", 4, "conj", false),
                token("l'", 30, "PRON", 9, "obj", false),
                with_morph(token("a", 32, "AUX", 9, "aux:tense", false), "VerbForm=Fin"),
                token("ratifié", 34, "VERB", 2, "advcl", false),
                token(".", 41, "PUNCT", 2, "punct", false),
            ],
        )
    }

    #[test]
    fn a_second_clause_keeps_its_own_subject() {
        let mut d = second_clause();
        assert_eq!(repair_coordination(&mut d), 1);
        assert_eq!((d.tokens[6].head, d.tokens[6].dep.as_str()), (9, "nsubj"));
        assert_eq!((d.tokens[9].head, d.tokens[9].dep.as_str()), (2, "conj"));
        assert_eq!(d.tokens[5].head, 9);
    }

    #[test]
    fn coordinated_objects_and_infinitives_stay() {
        // "… l'accord et Nova, puis a ratifié": a comma before the verb.
        let mut d = second_clause();
        d.tokens[7] = token(",", 30, "PUNCT", 9, "punct", false);
        assert_eq!(repair_coordination(&mut d), 0);
        // "… Acme et Nova arriver": an infinitive has no subject of its own.
        let mut d = second_clause();
        d.tokens[8] = token("en", 32, "PRON", 9, "expl", false);
        assert_eq!(repair_coordination(&mut d), 0);
        // A verb that has its subject already.
        let mut d = second_clause();
        d.tokens[7] = token("il", 30, "PRON", 9, "nsubj", false);
        assert_eq!(repair_coordination(&mut d), 0);
    }

    /// "Max a tué un homme et blessé la femme." as the model parses it.
    fn shared_auxiliary() -> Doc {
        doc(
            "Max a tué un homme et blessé la femme.",
            vec![
                token("Max", 0, "PROPN", 2, "nsubj", true),
                with_morph(token("a", 4, "AUX", 2, "aux:tense", false), "VerbForm=Fin"),
                with_morph(token("tué", 6, "VERB", 2, "ROOT", false), "Tense=Past|VerbForm=Part"),
                token("un", 10, "DET", 4, "det", false),
                token("homme", 13, "NOUN", 2, "obj", false),
                token("et", 19, "CCONJ", 6, "cc", false),
                with_morph(
                    token("blessé", 22, "VERB", 2, "conj", false),
                    "Tense=Past|VerbForm=Part",
                ),
                token("la", 29, "DET", 8, "det", false),
                token("femme", 32, "NOUN", 6, "nsubj", false),
                token(".", 37, "PUNCT", 2, "punct", false),
            ],
        )
    }

    #[test]
    fn a_second_participle_keeps_its_object() {
        let mut d = shared_auxiliary();
        assert_eq!(repair_coordination(&mut d), 1);
        assert_eq!((d.tokens[8].head, d.tokens[8].dep.as_str()), (6, "obj"));
    }

    #[test]
    fn a_participle_with_its_own_auxiliary_keeps_its_subject() {
        // "… et a été blessée la femme": an auxiliary of its own.
        let mut d = shared_auxiliary();
        d.tokens[7] = with_morph(token("a", 29, "AUX", 6, "aux:tense", false), "VerbForm=Fin");
        assert_eq!(repair_coordination(&mut d), 0);
        // A finite verb may have its subject after it ("… et blesse …" in a question).
        let mut d = shared_auxiliary();
        d.tokens[6] = with_morph(token("blessé", 22, "VERB", 2, "conj", false), "VerbForm=Fin");
        assert_eq!(repair_coordination(&mut d), 0);
    }

    /// "Les chefs de Rome, Oslo et Riga ont signé." with `Riga` on `chefs`.
    fn list() -> Doc {
        doc(
            "Les chefs de Rome, Oslo et Riga ont signé.",
            vec![
                token("Les", 0, "DET", 1, "det", true),
                token("chefs", 4, "NOUN", 9, "nsubj", false),
                token("de", 10, "ADP", 3, "case", false),
                token("Rome", 13, "PROPN", 1, "nmod", false),
                token(",", 17, "PUNCT", 5, "punct", false),
                token("Oslo", 19, "PROPN", 3, "conj", false),
                token("et", 24, "CCONJ", 7, "cc", false),
                token("Riga", 27, "PROPN", 1, "conj", false),
                with_morph(token("ont", 32, "AUX", 9, "aux:tense", false), "VerbForm=Fin"),
                token("signé", 36, "VERB", 9, "ROOT", false),
                token(".", 41, "PUNCT", 9, "punct", false),
            ],
        )
    }

    #[test]
    fn a_list_tail_joins_its_list() {
        let mut d = list();
        assert_eq!(repair_coordination(&mut d), 1);
        assert_eq!(d.tokens[7].head, 3);
    }

    #[test]
    fn a_coordinated_head_noun_stays() {
        // "Les chefs de Rome et les maires ont signé": no list under "Rome".
        let mut d = list();
        d.tokens[5] = token("les", 19, "DET", 7, "det", false);
        d.tokens[4] = token("et", 17, "CCONJ", 7, "cc", false);
        d.tokens[6] = token("nouveaux", 24, "ADJ", 7, "amod", false);
        d.tokens[7] = token("maires", 27, "NOUN", 1, "conj", false);
        assert_eq!(repair_coordination(&mut d), 0);
    }
}
