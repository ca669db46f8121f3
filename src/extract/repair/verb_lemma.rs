//! A parse repair (see [`super`]): a verb the lemmatiser left as it is
//! written.
//!
//! The French lemmatiser gives some present-tense forms of first-group
//! verbs their own spelling as lemma ("fixe", "reste", "indique",
//! "demandent"): the rules then know neither the act nor its property and
//! write a vague `relatedTo` row. A token tagged `VERB` whose lemma is its
//! lower-cased text, ending in `-e`, `-es` or `-ent`, takes the `-er`
//! infinitive of its stem, but only when that infinitive is a verb the
//! tables know (a lemma of `data/predicates.tsv` or of a class of
//! `data/lexicon.tsv`), so an unknown or foreign word keeps its lemma. A
//! form tagged as a participle but ending in "-e" after a consonant
//! ("conteste") is such a finite form when its infinitive is known.
//! Changes lemmas only, never text, offsets, heads or entities.

use crate::extract::rules::lexicon::lexicon;
use crate::nlp::Doc;

/// The infinitive of a present-tense form, when its ending says so, and
/// whether the ending alone is proof enough (`-e`).
fn infinitive(form: &str) -> Option<(String, bool)> {
    let (stem, sure) = [("ent", false), ("es", false), ("e", true)]
        .iter()
        .find_map(|(end, sure)| form.strip_suffix(end).map(|stem| (stem, *sure)))?;
    if stem.chars().count() < 2 || !stem.chars().all(char::is_alphabetic) {
        return None;
    }
    let second_group_like = ["vr", "ffr", "cueill"].iter().any(|end| stem.ends_with(end));
    let ending = if second_group_like { "ir" } else { "er" };
    Some((format!("{stem}{ending}"), sure))
}

/// Gives each such verb its infinitive; returns how many.
pub fn restore_verb_lemmas(doc: &mut Doc) -> usize {
    let lex = lexicon();
    let mut fixed = 0;
    for t in &mut doc.tokens {
        // A finite form written in lower case (an infinitive such as
        // "faire" is its own lemma; a capitalised word tagged a verb is
        // often a name).
        let finite = t.morph.contains("VerbForm=Fin");
        // "Le maire conteste avoir …" tagged a participle: a form ending in
        // "-e" after a consonant is no participle of a verb the tables know
        // ("-ée", "-ie", "-ue" are; "morte", "écrite" give no known verb).
        let misread_participle = t.morph.contains("VerbForm=Part")
            && t.text.ends_with('e')
            && t.text
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| c.is_alphabetic() && !"aeiouyéèêëïîôûù".contains(c));
        if t.pos != "VERB" || !(finite || misread_participle) || t.lemma != t.text || t.lemma.ends_with("re") {
            continue;
        }
        let Some((verb, sure)) = infinitive(&t.lemma) else {
            continue;
        };
        if (sure && finite) || lex.has_lemma(&verb) || lex.in_any_class(&verb) {
            t.lemma = verb;
            fixed += 1;
        }
    }
    fixed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn present_forms_take_their_infinitive() {
        let inf = infinitive;
        assert_eq!(inf("fixe"), Some(("fixer".to_string(), true)));
        assert_eq!(inf("ouvre"), Some(("ouvrir".to_string(), true)));
        assert_eq!(inf("accueille"), Some(("accueillir".to_string(), true)));
        // Only a verb the tables know: "prennent" is no "prenner".
        assert_eq!(inf("demandent"), Some(("demander".to_string(), false)));
        assert_eq!(inf("e"), None);
        assert_eq!(inf("va"), None);
        assert_eq!(inf("h7n4e"), None);
    }
}
