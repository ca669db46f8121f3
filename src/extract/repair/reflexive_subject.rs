//! A parse repair (see [`super`]): the subject pronoun of a reflexive
//! verb read as an impersonal "il".
//!
//! "Il s'était blessé à la cheville", "elle s'est rendue à Lyon": the
//! model often labels the pronoun of a reflexive verb `expl:subj`, as in
//! the impersonal "il s'agit de …", so neither coreference nor the fact
//! rules see a subject. The pronoun is the verb's `nsubj` again when:
//! - it is "il" or "elle" (inverted forms too), and its verb is a
//!   reflexive verb (a "se" of its own);
//! - for "il", the verb is not one used impersonally (`impersonal` in
//!   lexicon.tsv: "il s'agit", "il se passe"), has no subject, object or
//!   clause after it ("il se produit une panne", "il se pourrait que …"),
//!   and the pronoun does not follow a relative "que" ("ce qu'il s'est
//!   passé").
//!
//! Changes relations only (never heads, text, offsets or entities).

use crate::extract::entities::coref::clitic_base;
use crate::extract::rules::lexicon::{lexicon, Class};
use crate::nlp::Doc;

/// Relabels the personal subject pronoun of a reflexive verb as its
/// `nsubj`; returns how many relations changed.
pub fn relabel_reflexive_subjects(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let lex = lexicon();
    let mut changed = 0;
    for i in 0..n {
        let t = &doc.tokens[i];
        let word = clitic_base(&t.text);
        if t.dep != "expl:subj" || t.pos != "PRON" || !(word == "il" || word == "elle") {
            continue;
        }
        let v = t.head;
        if v == i || v >= n || doc.tokens[v].pos != "VERB" {
            continue;
        }
        let kids: Vec<usize> = (0..n).filter(|&c| c != v && doc.tokens[c].head == v).collect();
        let reflexive = kids.iter().any(|&c| {
            let k = &doc.tokens[c];
            k.pos == "PRON" && k.lemma.to_lowercase() == "se" && k.dep != "expl:subj"
        });
        if !reflexive {
            continue;
        }
        if word == "il" {
            let impersonal = lex.is(Class::Impersonal, &doc.tokens[v].lemma.to_lowercase());
            let logical = kids
                .iter()
                .any(|&c| c > v && matches!(doc.tokens[c].dep.as_str(), "obj" | "nsubj" | "ccomp" | "csubj"));
            let relative = i > 0 && {
                let q = &doc.tokens[i - 1];
                q.pos == "PRON" && matches!(q.text.to_lowercase().replace('\u{2019}', "'").as_str(), "que" | "qu'")
            };
            if impersonal || logical || relative {
                continue;
            }
        }
        doc.tokens[i].dep = "nsubj".into();
        changed += 1;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::rules::tests::constructions_row as row;

    #[test]
    fn a_reflexive_verbs_pronoun_is_its_subject() {
        let mut d = row("Il s'était blessé à la cheville lors du tournoi.");
        assert_eq!(d.tokens[0].dep, "expl:subj", "the model's reading");
        assert_eq!(relabel_reflexive_subjects(&mut d), 1);
        assert_eq!(d.tokens[0].dep, "nsubj");
    }

    #[test]
    fn an_impersonal_il_stays() {
        let mut d = row("Il s'agit d'un homme de trente ans.");
        assert_eq!(relabel_reflexive_subjects(&mut d), 0);
    }
}
