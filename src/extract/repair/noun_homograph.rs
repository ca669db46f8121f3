//! A parse repair (see [`super`]): a noun the tagger read as the function
//! word it is spelled like, right after a determiner.
//!
//! "car" is a conjunction ("il est parti car il pleuvait") and a noun (a
//! coach: "un car de voyage", "le car scolaire"). The French models tag
//! the word after an article as the conjunction often enough to break the
//! sentence: "car" as `CCONJ` starts a new sentence, the
//! article is left alone as a root, and a complement of the coach ("de
//! voyage", "scolaire") becomes the verb's subject. After a determiner (an
//! article, possessive, demonstrative, or a contracted article "du", "au")
//! such a word is the noun. The words are the `noun-homograph` class of
//! `data/lexicon.tsv`.
//!
//! Two shapes are repaired. When the model already built a noun phrase on
//! the word (the determiner is its `det`), only the part of speech and the
//! lemma change. When it read a conjunction (the word tagged `CCONJ`,
//! mostly the `cc` of what follows), the phrase is rebuilt: determiner, adjectives before it, and
//! the adjectives and "de" complements after it hang on the noun, and the
//! noun takes the slot the phrase stands in: the subject of the verb right
//! after it, the object of the verb right before it, or, after a
//! preposition, a complement of the noun or verb before that. A true
//! conjunction (its clause has a subject of its own) or a phrase whose slot
//! is unclear keeps its parse. Changes parts of speech, lemmas, heads,
//! relations and sentence starts, never text, offsets or entities.

use crate::extract::entities::spans::descends_from;
use crate::extract::rules::lexicon::{lexicon, Class};
use crate::nlp::Doc;

/// Repairs each such noun; returns how many.
pub fn repair_noun_homographs(doc: &mut Doc) -> usize {
    let lex = lexicon();
    let mut fixed = 0;
    for c in 1..doc.tokens.len() {
        let t = &doc.tokens[c];
        if t.pos == "NOUN" || !lex.is(Class::NounHomograph, &t.text) {
            continue;
        }
        let Some(det) = determiner_before(doc, c) else {
            continue;
        };
        if doc.tokens[det].head == c && doc.tokens[det].dep == "det" {
            retag(doc, c, det);
            fixed += 1;
        } else if doc.tokens[c].pos == "CCONJ" {
            let mut copy = doc.clone();
            if rebuild(&mut copy, c, det) {
                *doc = copy;
                fixed += 1;
            }
        }
    }
    fixed
}

/// The determiner of a noun at `c`: the token before it, past adjectives
/// ("un autre car"), when it is a determiner or a contracted article.
fn determiner_before(doc: &Doc, c: usize) -> Option<usize> {
    let mut d = c.checked_sub(1)?;
    while doc.tokens[d].pos == "ADJ" && d > 0 && c - d < 3 {
        d -= 1;
    }
    let t = &doc.tokens[d];
    let contracted = t.pos == "ADP" && is_contracted(&t.text);
    (t.pos == "DET" || contracted).then_some(d)
}

/// "du", "au", "des", "aux": a preposition and an article in one word.
fn is_contracted(text: &str) -> bool {
    matches!(text.to_lowercase().as_str(), "du" | "au" | "des" | "aux")
}

/// Makes `c` a noun with its own text as lemma and the determiner's number.
fn retag(doc: &mut Doc, c: usize, det: usize) {
    let number = doc.tokens[det]
        .morph
        .split('|')
        .find(|f| f.starts_with("Number="))
        .map(str::to_string);
    let t = &mut doc.tokens[c];
    t.pos = "NOUN".into();
    t.tag = "NOUN".into();
    t.lemma = t.text.to_lowercase();
    t.morph = number.unwrap_or_default();
}

/// Rebuilds the phrase of a noun read as a conjunction; false (leaving
/// `doc` in any state: the caller works on a copy) when the phrase's slot
/// is unclear or its clause is a true conjunct.
fn rebuild(doc: &mut Doc, c: usize, det: usize) -> bool {
    let n = doc.tokens.len();
    let conjunct = doc.tokens[c].head;
    let contracted = doc.tokens[det].pos == "ADP";
    let preposition = if contracted {
        Some(det)
    } else {
        (det > 0 && doc.tokens[det - 1].pos == "ADP").then(|| det - 1)
    };
    let start = preposition.unwrap_or(det);
    let end = tail_end(doc, c);
    let phrase = start..end;
    // "car" as a conjunction heads a clause with its own subject after it.
    let subject_after = (c + 1..n).any(|k| {
        !phrase.contains(&k)
            && doc.tokens[k].head == conjunct
            && (doc.tokens[k].dep.starts_with("nsubj") || doc.tokens[k].dep.starts_with("expl"))
    });
    if subject_after || conjunct >= n {
        return false;
    }
    let Some((head, dep)) = slot(doc, phrase.clone(), preposition, det) else {
        return false;
    };
    retag(doc, c, det);
    // The phrase's own words hang on the noun.
    for k in phrase.clone() {
        if k == c {
            continue;
        }
        let t = &doc.tokens[k];
        let inside = phrase.contains(&t.head) && t.head != k && t.head != c && k > c;
        if inside {
            continue;
        }
        let dep = if Some(k) == preposition {
            "case"
        } else if k == det {
            "det"
        } else {
            match t.pos.as_str() {
                "ADJ" => "amod",
                "NUM" => "nummod",
                "ADP" | "DET" => {
                    // A preposition or article of a complement after the
                    // noun: its noun's.
                    let dep = if t.pos == "ADP" { "case" } else { "det" };
                    let Some(noun) = (k + 1..end).find(|&m| matches!(doc.tokens[m].pos.as_str(), "NOUN" | "PROPN"))
                    else {
                        return false;
                    };
                    doc.tokens[k].head = noun;
                    doc.tokens[k].dep = dep.into();
                    continue;
                }
                _ => "nmod",
            }
        };
        doc.tokens[k].head = c;
        doc.tokens[k].dep = dep.into();
    }
    doc.tokens[c].head = head;
    doc.tokens[c].dep = dep.into();
    for k in phrase.clone() {
        if k != start {
            doc.tokens[k].sent_start = false;
        }
    }
    // Words outside the phrase that hung on it: the clause "car" was
    // taken to join keeps a "de"/"pour" complement on the noun; anything
    // else hangs on the noun as it hung on the phrase.
    for k in 0..n {
        if phrase.contains(&k) || !phrase.contains(&doc.tokens[k].head) {
            continue;
        }
        if k == conjunct && doc.tokens[k].dep == "conj" {
            if !(0..n).any(|m| doc.tokens[m].head == k && doc.tokens[m].dep == "case") {
                return false;
            }
            doc.tokens[k].dep = "nmod".into();
        }
        doc.tokens[k].head = c;
    }
    // The new head must not lie under the noun (no cycle).
    !descends_from(doc, head, c) && descends_to_root(doc, c)
}

/// The end (exclusive) of the words after `c` that belong to its phrase:
/// adjectives and "de" complements ("de voyage belge", "scolaire", "de la
/// ville").
fn tail_end(doc: &Doc, c: usize) -> usize {
    let n = doc.tokens.len();
    let mut end = c + 1;
    while let Some(t) = doc.tokens.get(end) {
        if t.pos == "ADJ" {
            end += 1;
            continue;
        }
        let de = matches!(t.text.to_lowercase().as_str(), "de" | "d'" | "d\u{2019}" | "du" | "des");
        if t.pos != "ADP" || !de {
            break;
        }
        // "de", an optional article and adjectives, then a noun or a name.
        let mut k = end + 1;
        while k < n && matches!(doc.tokens[k].pos.as_str(), "DET" | "ADJ") {
            k += 1;
        }
        if k >= n || !matches!(doc.tokens[k].pos.as_str(), "NOUN" | "PROPN") {
            break;
        }
        k += 1;
        while k < n && doc.tokens[k].pos == "PROPN" {
            k += 1;
        }
        end = k;
    }
    end
}

/// The head and relation of the noun: from where the phrase `phrase`
/// stands in its clause.
fn slot(
    doc: &Doc,
    phrase: std::ops::Range<usize>,
    preposition: Option<usize>,
    det: usize,
) -> Option<(usize, &'static str)> {
    let tokens = &doc.tokens;
    let n = tokens.len();
    if let Some(p) = preposition {
        // After a preposition: a complement of the noun or verb before it.
        let mut left = p.checked_sub(1)?;
        if matches!(tokens[left].pos.as_str(), "ADJ" | "ADV") && tokens[left].head < left {
            left = tokens[left].head;
        }
        return match tokens[left].pos.as_str() {
            "NOUN" | "PROPN" => Some((left, "nmod")),
            "VERB" => Some((left, "obl:mod")),
            _ => None,
        };
    }
    if det > 0 && tokens[det - 1].pos == "VERB" {
        return Some((det - 1, "obj"));
    }
    // Before its verb: the subject. The verb group may open on clitics
    // ("ne", "se", "l'") and a finite auxiliary or copula.
    let mut k = phrase.end;
    while k < n && is_clitic(&tokens[k].text) {
        k += 1;
    }
    let first = tokens.get(k)?;
    let verb = match first.pos.as_str() {
        "VERB" => k,
        "AUX" if first.dep.starts_with("aux") || first.dep == "cop" => first.head,
        _ => return None,
    };
    let has_subject = (0..n)
        .any(|s| !phrase.contains(&s) && tokens[s].head == verb && s != verb && tokens[s].dep.starts_with("nsubj"));
    if has_subject || verb >= n {
        return None;
    }
    let passive = super::has_passive_aux(doc, verb);
    Some((verb, if passive { "nsubj:pass" } else { "nsubj" }))
}

/// The unstressed words that may stand between a subject and its verb
/// ("ne", "se", "l'", "leur", "y", "en").
fn is_clitic(text: &str) -> bool {
    matches!(
        text.to_lowercase().replace('\u{2019}', "'").as_str(),
        "ne" | "n'"
            | "se"
            | "s'"
            | "le"
            | "la"
            | "les"
            | "l'"
            | "lui"
            | "leur"
            | "y"
            | "en"
            | "me"
            | "m'"
            | "te"
            | "t'"
            | "nous"
            | "vous"
    )
}

/// Whether the head chain from `k` ends at a root (no cycle).
fn descends_to_root(doc: &Doc, mut k: usize) -> bool {
    for _ in 0..doc.tokens.len() {
        let h = doc.tokens[k].head;
        if h == k {
            return true;
        }
        if h >= doc.tokens.len() {
            return false;
        }
        k = h;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::repair::test_doc::{doc, token};

    fn with_morph(mut t: crate::nlp::Token, morph: &str) -> crate::nlp::Token {
        t.morph = morph.into();
        t
    }

    /// "Un car de voyage a percuté un camion." as the model parses it: "Un"
    /// a sentence of its own, "car" a conjunction starting the next.
    fn coach_subject() -> Doc {
        doc(
            "Un car de voyage a percuté un camion.",
            vec![
                with_morph(token("Un", 0, "DET", 0, "ROOT", true), "Number=Sing"),
                token("car", 3, "CCONJ", 5, "cc", true),
                token("de", 7, "ADP", 3, "case", false),
                token("voyage", 10, "NOUN", 5, "obl:mod", false),
                token("a", 17, "AUX", 5, "aux:tense", false),
                token("percuté", 19, "VERB", 5, "ROOT", false),
                token("un", 27, "DET", 7, "det", false),
                token("camion", 30, "NOUN", 5, "obj", false),
                token(".", 36, "PUNCT", 5, "punct", false),
            ],
        )
    }

    #[test]
    fn a_coach_before_its_verb_is_the_subject() {
        let mut d = coach_subject();
        assert_eq!(repair_noun_homographs(&mut d), 1);
        let t = &d.tokens;
        assert_eq!(
            (t[1].pos.as_str(), t[1].lemma.as_str(), t[1].morph.as_str()),
            ("NOUN", "car", "Number=Sing")
        );
        assert_eq!((t[1].head, t[1].dep.as_str()), (5, "nsubj"));
        assert_eq!((t[0].head, t[0].dep.as_str()), (1, "det"));
        assert_eq!((t[3].head, t[3].dep.as_str()), (1, "nmod"));
        assert_eq!((t[2].head, t[2].dep.as_str()), (3, "case"));
        assert_eq!(d.sentences(), vec![0..9]);
    }

    #[test]
    fn an_adjective_read_as_subject_goes_back_to_the_coach() {
        // "Le car scolaire transportait des élèves."
        let mut d = doc(
            "Le car scolaire transportait des élèves.",
            vec![
                token("Le", 0, "DET", 0, "ROOT", true),
                token("car", 3, "CCONJ", 3, "cc", true),
                token("scolaire", 7, "ADJ", 3, "nsubj", false),
                token("transportait", 16, "VERB", 3, "ROOT", false),
                token("des", 29, "DET", 5, "det", false),
                token("élèves", 33, "NOUN", 3, "obj", false),
                token(".", 39, "PUNCT", 3, "punct", false),
            ],
        );
        assert_eq!(repair_noun_homographs(&mut d), 1);
        assert_eq!((d.tokens[1].head, d.tokens[1].dep.as_str()), (3, "nsubj"));
        assert_eq!((d.tokens[2].head, d.tokens[2].dep.as_str()), (1, "amod"));
    }

    #[test]
    fn after_a_preposition_the_coach_completes_the_word_before() {
        // "Le chauffeur du car a été blessé."
        let mut d = doc(
            "Le chauffeur du car a été blessé.",
            vec![
                token("Le", 0, "DET", 1, "det", true),
                token("chauffeur", 3, "NOUN", 6, "nsubj:pass", false),
                token("du", 13, "ADP", 6, "mark", false),
                token("car", 16, "CCONJ", 6, "cc", false),
                token("a", 20, "AUX", 6, "aux:tense", false),
                token("été", 22, "AUX", 6, "aux:pass", false),
                token("blessé", 26, "VERB", 6, "ROOT", false),
                token(".", 32, "PUNCT", 6, "punct", false),
            ],
        );
        assert_eq!(repair_noun_homographs(&mut d), 1);
        assert_eq!((d.tokens[3].head, d.tokens[3].dep.as_str()), (1, "nmod"));
        assert_eq!((d.tokens[2].head, d.tokens[2].dep.as_str()), (3, "case"));
    }

    #[test]
    fn a_noun_phrase_already_built_is_only_retagged() {
        // "dans le car du club" with "car" tagged CCONJ but parsed as a noun.
        let mut d = doc(
            "Ils dorment dans le car du club.",
            vec![
                token("Ils", 0, "PRON", 1, "nsubj", true),
                token("dorment", 4, "VERB", 1, "ROOT", false),
                token("dans", 12, "ADP", 4, "case", false),
                token("le", 17, "DET", 4, "det", false),
                token("car", 20, "CCONJ", 1, "obl:mod", false),
                token("du", 24, "ADP", 6, "case", false),
                token("club", 27, "NOUN", 4, "nmod", false),
                token(".", 31, "PUNCT", 1, "punct", false),
            ],
        );
        assert_eq!(repair_noun_homographs(&mut d), 1);
        assert_eq!((d.tokens[4].pos.as_str(), d.tokens[4].lemma.as_str()), ("NOUN", "car"));
        assert_eq!((d.tokens[4].head, d.tokens[4].dep.as_str()), (1, "obl:mod"));
    }

    #[test]
    fn a_true_conjunction_stays() {
        // "Il a vendu le sien car il partait.": "car" heads a clause with a subject.
        let mut d = doc(
            "Il a vendu le sien car il partait.",
            vec![
                token("Il", 0, "PRON", 2, "nsubj", true),
                token("a", 3, "AUX", 2, "aux:tense", false),
                token("vendu", 5, "VERB", 2, "ROOT", false),
                token("le", 11, "DET", 4, "det", false),
                token("sien", 14, "DET", 2, "obj", false),
                token("car", 19, "CCONJ", 7, "cc", false),
                token("il", 23, "PRON", 7, "nsubj", false),
                token("partait", 26, "VERB", 2, "conj", false),
                token(".", 33, "PUNCT", 2, "punct", false),
            ],
        );
        let before = d.clone();
        assert_eq!(repair_noun_homographs(&mut d), 0);
        assert_eq!(d, before);
        // A word not in the class, or no determiner before it.
        let mut d = coach_subject();
        d.tokens[0].pos = "PRON".into();
        assert_eq!(repair_noun_homographs(&mut d), 0);
    }

    #[test]
    fn an_unclear_slot_keeps_the_parse() {
        // Nothing before or after the phrase tells its slot ("Un car ." alone).
        let mut d = coach_subject();
        d.tokens[4] = token(",", 17, "PUNCT", 5, "punct", false);
        d.tokens[5].pos = "NOUN".into();
        let before = d.clone();
        assert_eq!(repair_noun_homographs(&mut d), 0);
        assert_eq!(d, before);
    }
}
