//! A parse repair (see [`super`]), read and written: a clause's subject
//! the model hung as an apposition on the adjunct that opens the clause.
//!
//! "Dans les Yvelines, un centre hospitalier a été évacué", "Suite à
//! l'appel de X, le préfet l'a signalé au parquet": French news often
//! opens a clause with a place, a time or a cause set off by a comma. The
//! models then sometimes read the subject after the comma as an apposition
//! of that adjunct (`centre` appos of `Yvelines`), which leaves the verb
//! with no subject and gives the adjunct's noun a description (or a
//! person's name a title) it does not have. An apposition is a noun phrase
//! set off on both sides; one that runs straight into a finite verb's own
//! words (its auxiliaries, clitic pronouns, "ne") and the verb, when that
//! verb has no subject and the adjunct is the verb's, is that verb's
//! subject. [`rehang_fronted_subjects`] hangs it there (`nsubj`, or
//! `nsubj:pass` beside a passive auxiliary). Changes heads and relations
//! only (never text, offsets or entities).

use crate::nlp::Doc;

/// Rehangs each subject read as the apposition of a fronted adjunct on its
/// verb; returns how many were rehung.
pub fn rehang_fronted_subjects(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let mut changed = 0;
    for a in 0..n {
        let t = &doc.tokens[a];
        if t.dep != "appos" || t.head >= a || !matches!(t.pos.as_str(), "NOUN" | "PROPN") {
            continue;
        }
        let (first, last) = super::phrase_bounds(doc, a);
        // Set off by a comma before it, and nothing but the verb group after it.
        if first == 0 || doc.tokens[first - 1].text != "," {
            continue;
        }
        let Some(v) = verb_after(doc, last + 1) else {
            continue;
        };
        let kids: Vec<usize> = (0..n).filter(|&c| c != v && doc.tokens[c].head == v).collect();
        let has_subject = kids.iter().any(|&c| {
            let d = doc.tokens[c].dep.as_str();
            d.starts_with("nsubj") || d.starts_with("csubj") || d == "expl:subj"
        });
        if has_subject || !finite(doc, v) {
            continue;
        }
        // The adjunct the apposition hangs on opens the verb's own clause.
        let h = doc.tokens[a].head;
        let Some(top) = child_of_on_path(doc, h, v) else {
            continue;
        };
        let adjunct = matches!(
            doc.tokens[top].dep.split(':').next().unwrap_or(""),
            "obl" | "advmod" | "advcl"
        );
        if !adjunct || top > first {
            continue;
        }
        let passive = super::has_passive_aux(doc, v);
        let tok = &mut doc.tokens[a];
        tok.head = v;
        tok.dep = if passive { "nsubj:pass" } else { "nsubj" }.to_string();
        changed += 1;
    }
    changed
}

/// The verb whose group starts at token `k`: its auxiliaries, clitic
/// pronouns and "ne" come first, every one of them the verb's dependent.
fn verb_after(doc: &Doc, k: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let mut j = k;
    while j < n && j < k + 5 {
        let t = &doc.tokens[j];
        if t.pos == "VERB" {
            let v = j;
            return (k..v).all(|i| doc.tokens[i].head == v).then_some(v);
        }
        let group_word = t.pos == "AUX"
            || (t.pos == "PRON"
                && (t.dep.starts_with("obj") || t.dep.starts_with("iobj") || t.dep.starts_with("expl")))
            || (t.pos == "ADV" && t.lemma.to_lowercase() == "ne");
        if !group_word || t.sent_start {
            return None;
        }
        j += 1;
    }
    None
}

/// Whether verb `v` heads a finite clause: finite itself, or a participle
/// with an auxiliary.
fn finite(doc: &Doc, v: usize) -> bool {
    let morph = &doc.tokens[v].morph;
    morph.contains("VerbForm=Fin")
        || (0..doc.tokens.len()).any(|c| doc.tokens[c].head == v && doc.tokens[c].dep.starts_with("aux"))
}

/// The child of `v` on the path up from `h` to `v` (bounded: a cyclic parse
/// gives `None`), or `None` when `h` is not under `v`.
fn child_of_on_path(doc: &Doc, mut h: usize, v: usize) -> Option<usize> {
    for _ in 0..doc.tokens.len() {
        let up = doc.tokens[h].head;
        if up == v {
            return Some(h);
        }
        if up == h || up >= doc.tokens.len() {
            return None;
        }
        h = up;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::test_doc::{doc, token};
    use super::*;

    /// "Dans les Yvelines , un centre a été évacué ." with "centre" parsed
    /// as an apposition of "Yvelines".
    fn fronted() -> Doc {
        doc(
            "Dans les Yvelines , un centre a été évacué .",
            vec![
                token("Dans", 0, "ADP", 2, "case", true),
                token("les", 5, "DET", 2, "det", false),
                token("Yvelines", 9, "PROPN", 8, "obl:mod", false),
                token(",", 18, "PUNCT", 2, "punct", false),
                token("un", 20, "DET", 5, "det", false),
                token("centre", 23, "NOUN", 2, "appos", false),
                token("a", 30, "AUX", 8, "aux:tense", false),
                token("été", 32, "AUX", 8, "aux:pass", false),
                token("évacué", 36, "VERB", 8, "root", false),
                token(".", 43, "PUNCT", 8, "punct", false),
            ],
        )
    }

    #[test]
    fn an_apposition_running_into_a_subjectless_verb_is_its_subject() {
        let mut d = fronted();
        assert_eq!(rehang_fronted_subjects(&mut d), 1);
        assert_eq!((d.tokens[5].head, d.tokens[5].dep.as_str()), (8, "nsubj:pass"));
        assert_eq!(d.tokens[2].dep, "obl:mod", "the adjunct keeps its place");
    }

    #[test]
    fn real_appositions_and_subjects_stay() {
        // The verb has a subject of its own.
        let mut d = fronted();
        d.tokens[1].head = 8;
        d.tokens[1].dep = "nsubj".into();
        assert_eq!(rehang_fronted_subjects(&mut d), 0);
        // Closed by a comma: a real apposition ("à Lyon, une ville du Rhône, a …").
        let mut d = fronted();
        d.tokens[6].text = ",".into();
        d.tokens[6].pos = "PUNCT".into();
        d.tokens[6].dep = "punct".into();
        assert_eq!(rehang_fronted_subjects(&mut d), 0);
        // No comma before it: "les Yvelines un centre" is no set-off phrase.
        let mut d = fronted();
        d.tokens[3].text = "et".into();
        d.tokens[3].pos = "CCONJ".into();
        assert_eq!(rehang_fronted_subjects(&mut d), 0);
        // The noun hangs on the verb's object, not on a fronted adjunct.
        let mut d = fronted();
        d.tokens[2].dep = "obj".into();
        assert_eq!(rehang_fronted_subjects(&mut d), 0);
    }
}
