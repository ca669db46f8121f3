//! A parse repair (see [`super`]), read and written: a clause's subject
//! the model hung inside the adjunct that opens the clause.
//!
//! "Dans les Yvelines, un centre hospitalier a été évacué", "Suite à
//! l'appel de X, le préfet l'a signalé au parquet": French news often
//! opens a clause with a place, a time or a cause set off by a comma. The
//! models then sometimes read the subject after the comma as a dependent
//! of that adjunct: an apposition (`centre` appos of `Yvelines`), a bare
//! noun modifier or a coordinated item with no conjunction ("Vers 8h35,
//! Paul Roux, leader du syndicat, a appelé …" with `Roux` and `leader`
//! both conj of `8h35`). That leaves the verb with no subject and gives
//! the adjunct's noun a description (or a person's name a title) it does
//! not have. A noun phrase set off by a comma that runs into a finite
//! verb's own words (its auxiliaries, clitic pronouns, "ne") and the verb,
//! straight or through apposition segments (", leader du syndicat,", ", «
//! président libre »"), when that verb has no subject and the adjunct is
//! the verb's, is that verb's subject. [`rehang_fronted_subjects`] hangs it
//! there (`nsubj`, or `nsubj:pass` beside a passive auxiliary), and each
//! segment's head on it (`appos`; `amod` or `acl` for an adjective or a
//! participle). Guards: no clock time, date word or number as subject, no
//! subject with a preposition of its own, no common noun without a
//! determiner (a street: "Vers 12h10, rue X, …"), no list ("à X, Y et Z,
//! …"), no adjunct that is itself a bare noun of the verb (the subject the
//! parser missed). Changes heads and relations only (never text, offsets
//! or entities).

use crate::nlp::Doc;

/// Rehangs each subject read as a dependent of a fronted adjunct on its
/// verb; returns how many were rehung.
pub fn rehang_fronted_subjects(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let mut changed = 0;
    for a in 0..n {
        let Some(plan) = plan(doc, a) else {
            continue;
        };
        let passive = super::has_passive_aux(doc, plan.verb);
        let tok = &mut doc.tokens[a];
        tok.head = plan.verb;
        tok.dep = if passive { "nsubj:pass" } else { "nsubj" }.to_string();
        for (r, dep) in plan.segments {
            doc.tokens[r].head = a;
            doc.tokens[r].dep = dep.to_string();
        }
        changed += 1;
    }
    changed
}

/// What [`rehang_fronted_subjects`] does for one subject: the verb it
/// becomes the subject of, and the heads of the apposition segments
/// between them with the relation each takes on the subject.
struct Plan {
    verb: usize,
    segments: Vec<(usize, &'static str)>,
}

/// The plan for token `a` when it is a subject hung in the adjunct that
/// opens its clause, else `None`.
fn plan(doc: &Doc, a: usize) -> Option<Plan> {
    let n = doc.tokens.len();
    let t = &doc.tokens[a];
    let h = t.head;
    if h >= a || !matches!(t.pos.as_str(), "NOUN" | "PROPN") {
        return None;
    }
    let has_kid = |x: usize, dep: &str| (0..n).any(|c| c != x && doc.tokens[c].head == x && doc.tokens[c].dep == dep);
    // Hung on the adjunct as an apposition, as a bare noun modifier or as a
    // coordinated item with no conjunction; the last two only on a word
    // that is itself a prepositional or time phrase ("Vers 8h35", "Lors
    // d'une réunion"), never inside a list ("à X, Y et Z").
    let shape_ok = match t.dep.as_str() {
        "appos" => true,
        "nmod" | "conj" => {
            let h_tok = &doc.tokens[h];
            let anchored = has_kid(h, "case") || h_tok.pos == "ADV" || is_time(h_tok);
            let list = (0..n).any(|c| doc.tokens[c].head == h && doc.tokens[c].dep == "conj" && has_kid(c, "cc"));
            !has_kid(a, "case") && !has_kid(a, "cc") && anchored && !list
        }
        _ => false,
    };
    if !shape_ok || is_time(t) {
        return None;
    }
    // The phrase without the commas the parser hung on it.
    let (mut first, mut last) = super::phrase_bounds(doc, a);
    while first < a && doc.tokens[first].pos == "PUNCT" {
        first += 1;
    }
    while last > a && doc.tokens[last].pos == "PUNCT" {
        last -= 1;
    }
    // Set off by a comma before it.
    if first == 0 || doc.tokens[first - 1].text != "," {
        return None;
    }
    // Then the verb group, maybe after apposition segments.
    let mut segments: Vec<usize> = Vec::new();
    let mut k = last + 1;
    let verb = loop {
        if let Some(v) = finite_verb_after(doc, k) {
            break v;
        }
        if segments.len() == 3 || k >= n || doc.tokens[k].text != "," {
            return None;
        }
        // A comma closing the subject (or the last segment) right before the verb.
        let closed = segments.is_empty() && (first..=last).all(|i| doc.tokens[i].text != ",");
        if let Some(v) = finite_verb_after(doc, k + 1) {
            if closed {
                return None;
            }
            break v;
        }
        let (root, end) = segment(doc, k + 1)?;
        segments.push(root);
        k = end;
    };
    let has_subject = (0..n).any(|c| {
        let d = doc.tokens[c].dep.as_str();
        c != verb
            && doc.tokens[c].head == verb
            && (d.starts_with("nsubj") || d.starts_with("csubj") || d == "expl:subj")
    });
    let morph = &doc.tokens[verb].morph;
    if has_subject || !finite(doc, verb) || morph.contains("Mood=Imp") {
        return None;
    }
    if (first..verb).any(|i| doc.tokens[i].sent_start) {
        return None;
    }
    // The adjunct the subject hangs in opens the verb's own clause.
    let top = child_of_on_path(doc, h, verb)?;
    let adjunct = matches!(
        doc.tokens[top].dep.split(':').next().unwrap_or(""),
        "obl" | "advmod" | "advcl"
    );
    if !adjunct || top > first {
        return None;
    }
    // A bare noun of the verb (no preposition, no time word) from the
    // adjunct to the candidate is the subject the parser missed ("Vers 17h30, seule une dame du même
    // âge que l'organisateur, X, est venue"): not the candidate.
    let bare = |c: usize| {
        doc.tokens[c].head == verb
            && matches!(doc.tokens[c].pos.as_str(), "NOUN" | "PROPN" | "PRON")
            && !has_kid(c, "case")
    };
    if (top..first).any(|c| bare(c) && !is_time(&doc.tokens[c])) {
        return None;
    }
    // A common noun with no determiner after a fronted adjunct is a place
    // ("Vers 12h10, rue X, le cortège …"), not a subject; new shapes only.
    let new_shape = t.dep != "appos" || !segments.is_empty();
    if new_shape && (t.pos == "NOUN" && !has_kid(a, "det") || !super::agrees_in_number(doc, a, verb)) {
        return None;
    }
    // Each segment's head hangs in the adjunct (rehung as the subject's) or
    // already on the subject.
    let mut plan = Plan {
        verb,
        segments: Vec::new(),
    };
    for r in segments {
        let rh = doc.tokens[r].head;
        let on_subject = crate::extract::entities::spans::descends_from(doc, r, a);
        let in_adjunct = crate::extract::entities::spans::descends_from(doc, r, top);
        if on_subject && rh == a && doc.tokens[r].dep == "conj" {
            plan.segments.push((r, "appos"));
        } else if on_subject {
            continue;
        } else if in_adjunct {
            let dep = match doc.tokens[r].pos.as_str() {
                "NOUN" | "PROPN" => "appos",
                "ADJ" => "amod",
                _ => "acl",
            };
            plan.segments.push((r, dep));
        } else {
            return None;
        }
    }
    Some(plan)
}

/// The apposition segment starting at token `s`: its head (the one word
/// of the segment, punctuation aside, whose head lies outside it) and the
/// token after it (a comma or the start of the verb group). A noun
/// phrase ("leader du syndicat", "« président libre »"), an adjective
/// phrase ("âgée de 92 ans") or a bare participle phrase ("né en 1950").
fn segment(doc: &Doc, s: usize) -> Option<(usize, usize)> {
    let n = doc.tokens.len();
    let mut e = s + 1;
    while e < n && e < s + 15 {
        if doc.tokens[e].text == "," || finite_verb_after(doc, e).is_some() {
            break;
        }
        e += 1;
    }
    if e >= n || e >= s + 15 {
        return None;
    }
    let within = s..e;
    let mut roots = within
        .clone()
        .filter(|&i| doc.tokens[i].pos != "PUNCT" && !within.contains(&doc.tokens[i].head));
    let root = roots.next()?;
    if roots.next().is_some() {
        return None;
    }
    let r = &doc.tokens[root];
    let has_aux = (0..n).any(|c| doc.tokens[c].head == root && doc.tokens[c].dep.starts_with("aux"));
    let ok = match r.pos.as_str() {
        "NOUN" | "PROPN" | "ADJ" => true,
        "VERB" => r.morph.contains("VerbForm=Part") && !has_aux,
        _ => false,
    };
    (ok && !(s..e).any(|i| doc.tokens[i].sent_start)).then_some((root, e))
}

/// A clock time, a date or a number word ("8h35", "lundi", "mars"):
/// the time the adjunct names, never a subject.
fn is_time(t: &crate::nlp::Token) -> bool {
    t.pos == "NUM"
        || t.text.chars().any(|c| c.is_ascii_digit())
        || crate::extract::rules::time::is_time_word(&t.lemma.to_lowercase())
}

/// Rehangs each subject the parser gave to a participle incise on the
/// finite verb after it; returns how many were rehung.
///
/// "Le couturier Paul Roux, né le 20 février 1927, est décédé samedi",
/// "Tout piéton voulant passer, est fouillé": the model makes the noun
/// before a participle phrase that participle's subject (`couturier`
/// nsubj of `né`), and the finite verb after the closing comma is left
/// with none; sometimes it even makes the participle the sentence's root
/// and the finite verb a clause under it. A participle with no auxiliary
/// is no clause of its own: the noun is the finite verb's subject and the
/// participle phrase describes it (`acl` of the noun). Only when the
/// participle phrase runs from the noun to a comma directly before the
/// finite verb's group, and that verb has no subject of its own.
pub fn rehang_participle_subjects(doc: &mut Doc) -> usize {
    let n = doc.tokens.len();
    let mut changed = 0;
    for p in 0..n {
        let Some((s, v, inverted)) = participle_plan(doc, p) else {
            continue;
        };
        let passive = super::has_passive_aux(doc, v);
        if inverted {
            // The finite verb takes the participle's place as the head.
            let (ph, pdep) = (doc.tokens[p].head, doc.tokens[p].dep.clone());
            for c in 0..n {
                if c > v && doc.tokens[c].head == p {
                    doc.tokens[c].head = v;
                }
            }
            doc.tokens[v].head = if ph == p { v } else { ph };
            doc.tokens[v].dep = pdep;
        }
        doc.tokens[s].head = v;
        doc.tokens[s].dep = if passive { "nsubj:pass" } else { "nsubj" }.to_string();
        doc.tokens[p].head = s;
        doc.tokens[p].dep = "acl".to_string();
        changed += 1;
    }
    changed
}

/// For participle `p`: its subject, the finite verb that subject belongs
/// to, and whether the model hung that verb under the participle.
fn participle_plan(doc: &Doc, p: usize) -> Option<(usize, usize, bool)> {
    let n = doc.tokens.len();
    let t = &doc.tokens[p];
    if t.pos != "VERB" || !t.morph.contains("VerbForm=Part") {
        return None;
    }
    let kids: Vec<usize> = (0..n).filter(|&c| c != p && doc.tokens[c].head == p).collect();
    if kids
        .iter()
        .any(|&c| matches!(doc.tokens[c].dep.split(':').next(), Some("aux" | "cop")))
    {
        return None;
    }
    let s = *kids
        .iter()
        .find(|&&c| doc.tokens[c].dep.starts_with("nsubj") && c < p)?;
    if !matches!(doc.tokens[s].pos.as_str(), "NOUN" | "PROPN") {
        return None;
    }
    // The participle phrase ends at a comma right before a finite verb's group.
    let under = |k: usize, r: usize| crate::extract::entities::spans::descends_from(doc, k, r);
    let comma = (p + 1..n).find(|&k| doc.tokens[k].text == "," || doc.tokens[k].sent_start)?;
    if doc.tokens[comma].text != "," {
        return None;
    }
    let v = finite_verb_after(doc, comma + 1)?;
    let inverted = doc.tokens[v].head == p && matches!(doc.tokens[v].dep.as_str(), "advcl" | "conj" | "parataxis");
    let hung_on_verb = doc.tokens[p].head == v && matches!(doc.tokens[p].dep.as_str(), "advcl" | "acl");
    if !inverted && !hung_on_verb {
        return None;
    }
    if (s..comma).any(|k| !under(k, p) || (inverted && under(k, v))) {
        return None;
    }
    let has_subject = (0..n).any(|c| {
        let d = doc.tokens[c].dep.as_str();
        c != v && doc.tokens[c].head == v && (d.starts_with("nsubj") || d.starts_with("csubj") || d == "expl:subj")
    });
    if has_subject || doc.tokens[v].morph.contains("Mood=Imp") {
        return None;
    }
    Some((s, v, inverted))
}

/// The verb whose group starts at token `k`: its auxiliaries, clitic
/// pronouns, "ne" and adverbs after an auxiliary come first, every one of
/// them the verb's dependent.
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
            || (t.pos == "ADV" && t.lemma.to_lowercase() == "ne")
            // An adverb between the auxiliary and the participle ("a hier
            // avoué", "n'a pas appelé").
            || (t.pos == "ADV" && j > k && doc.tokens[j - 1].pos == "AUX");
        if !group_word || t.sent_start {
            return None;
        }
        j += 1;
    }
    None
}

/// The finite verb whose group starts at token `k` ([`verb_after`]).
fn finite_verb_after(doc: &Doc, k: usize) -> Option<usize> {
    verb_after(doc, k).filter(|&v| finite(doc, v))
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
    fn an_adverb_after_the_auxiliary_is_part_of_the_verb_group() {
        // "Dans les Yvelines , un centre a hier évacué les lieux ."
        let mut d = doc(
            "Dans les Yvelines , un centre a hier évacué .",
            vec![
                token("Dans", 0, "ADP", 2, "case", true),
                token("les", 5, "DET", 2, "det", false),
                token("Yvelines", 9, "PROPN", 8, "obl:mod", false),
                token(",", 18, "PUNCT", 2, "punct", false),
                token("un", 20, "DET", 5, "det", false),
                token("centre", 23, "NOUN", 2, "appos", false),
                token("a", 30, "AUX", 8, "aux:tense", false),
                token("hier", 32, "ADV", 8, "advmod", false),
                token("évacué", 37, "VERB", 8, "root", false),
                token(".", 44, "PUNCT", 8, "punct", false),
            ],
        );
        assert_eq!(rehang_fronted_subjects(&mut d), 1);
        assert_eq!((d.tokens[5].head, d.tokens[5].dep.as_str()), (8, "nsubj"));
        // An adverb with no auxiliary before it opens no verb group.
        let mut d = fronted();
        d.tokens[6].pos = "ADV".into();
        d.tokens[6].dep = "advmod".into();
        d.tokens[7].pos = "ADV".into();
        d.tokens[7].dep = "advmod".into();
        assert_eq!(rehang_fronted_subjects(&mut d), 0);
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

    /// "Vers 8h35 , Paul Roux , leader du syndicat , a appelé ." with the
    /// name and its title both coordinated with the clock time.
    fn in_the_time() -> Doc {
        doc(
            "Vers 8h35 , Paul Roux , leader du syndicat , a appelé .",
            vec![
                token("Vers", 0, "ADP", 1, "case", true),
                token("8h35", 5, "PROPN", 11, "obl:mod", false),
                token(",", 10, "PUNCT", 3, "punct", false),
                token("Paul", 12, "PROPN", 1, "conj", false),
                token("Roux", 17, "PROPN", 3, "flat:name", false),
                token(",", 22, "PUNCT", 6, "punct", false),
                token("leader", 24, "NOUN", 1, "conj", false),
                token("du", 31, "ADP", 8, "case", false),
                token("syndicat", 34, "NOUN", 6, "nmod", false),
                token(",", 43, "PUNCT", 11, "punct", false),
                token("a", 45, "AUX", 11, "aux:tense", false),
                token("appelé", 47, "VERB", 11, "root", false),
                token(".", 54, "PUNCT", 11, "punct", false),
            ],
        )
    }

    #[test]
    fn a_name_coordinated_with_the_time_is_the_subject_and_its_title_its_apposition() {
        let mut d = in_the_time();
        assert_eq!(rehang_fronted_subjects(&mut d), 1);
        assert_eq!((d.tokens[3].head, d.tokens[3].dep.as_str()), (11, "nsubj"));
        assert_eq!((d.tokens[6].head, d.tokens[6].dep.as_str()), (3, "appos"));
        assert_eq!(d.tokens[1].dep, "obl:mod", "the time keeps its place");
        // The same with "nmod" for "conj" (no preposition on either).
        let mut d = in_the_time();
        d.tokens[3].dep = "nmod".into();
        d.tokens[6].dep = "nmod".into();
        assert_eq!(rehang_fronted_subjects(&mut d), 1);
        assert_eq!((d.tokens[3].head, d.tokens[3].dep.as_str()), (11, "nsubj"));
        // An apposition of the time, with the title in between ("Vers
        // 9h00, Eric Roux, figure du mouvement, a appelé").
        let mut d = in_the_time();
        d.tokens[3].dep = "appos".into();
        d.tokens[6].dep = "appos".into();
        assert_eq!(rehang_fronted_subjects(&mut d), 1);
        assert_eq!((d.tokens[6].head, d.tokens[6].dep.as_str()), (3, "appos"));
    }

    #[test]
    fn a_quoted_title_may_run_straight_into_the_verb() {
        // "Vers 9h00 , Jean Dupont , « président libre » a affirmé ."
        let mut d = doc(
            "Vers 9h00 , Jean Dupont , « président libre » a affirmé .",
            vec![
                token("Vers", 0, "ADP", 1, "case", true),
                token("9h00", 5, "NOUN", 11, "obl:mod", false),
                token(",", 10, "PUNCT", 3, "punct", false),
                token("Jean", 12, "PROPN", 1, "nmod", false),
                token("Dupont", 17, "PROPN", 3, "flat:name", false),
                token(",", 24, "PUNCT", 7, "punct", false),
                token("«", 26, "PUNCT", 7, "punct", false),
                token("président", 28, "NOUN", 1, "nmod", false),
                token("libre", 38, "ADJ", 7, "amod", false),
                token("»", 44, "PUNCT", 11, "punct", false),
                token("a", 46, "AUX", 11, "aux:tense", false),
                token("affirmé", 48, "VERB", 11, "root", false),
                token(".", 56, "PUNCT", 11, "punct", false),
            ],
        );
        assert_eq!(rehang_fronted_subjects(&mut d), 1);
        assert_eq!((d.tokens[3].head, d.tokens[3].dep.as_str()), (11, "nsubj"));
        assert_eq!((d.tokens[7].head, d.tokens[7].dep.as_str()), (3, "appos"));
    }

    #[test]
    fn lists_places_and_prepositional_phrases_stay() {
        // "Vers 8h35 , à Quillac , Paul Roux et Marc …": a list of places
        // after a preposition ("à X, Y et Z, beaucoup … arrivent").
        let mut d = in_the_time();
        d.tokens[6].text = "Marc".into();
        d.tokens[6].pos = "PROPN".into();
        d.tokens[7].text = "et".into();
        d.tokens[7].pos = "CCONJ".into();
        d.tokens[7].head = 8;
        d.tokens[7].dep = "cc".into();
        d.tokens[8].pos = "PROPN".into();
        d.tokens[8].head = 1;
        d.tokens[8].dep = "conj".into();
        assert_eq!(rehang_fronted_subjects(&mut d), 0);
        // A name carrying its own preposition ("Vers 8h35, de Paul Roux, …").
        let mut d = in_the_time();
        d.tokens[2].text = "de".into();
        d.tokens[2].pos = "ADP".into();
        d.tokens[2].dep = "case".into();
        assert_eq!(rehang_fronted_subjects(&mut d), 0);
        // A common noun with no determiner: a street ("Vers 8h35, rue X, …").
        let mut d = in_the_time();
        d.tokens[3].pos = "NOUN".into();
        assert_eq!(rehang_fronted_subjects(&mut d), 0);
        // Another clock time is no subject ("Vers 8h35, 9h00, …").
        let mut d = in_the_time();
        d.tokens[3].text = "9h00".into();
        assert_eq!(rehang_fronted_subjects(&mut d), 0);
        // The verb already has a subject.
        let mut d = in_the_time();
        d.tokens[8].head = 11;
        d.tokens[8].dep = "nsubj".into();
        d.tokens[7].head = 8;
        assert_eq!(rehang_fronted_subjects(&mut d), 0);
        // The adjunct is a bare noun of the verb, the subject the parser
        // missed ("Vers 8h35, une dame …, Paul Roux, …, est venue").
        let mut d = in_the_time();
        d.tokens[0].dep = "det".into();
        d.tokens[0].pos = "DET".into();
        d.tokens[1].text = "dame".into();
        d.tokens[1].pos = "NOUN".into();
        d.tokens[3].dep = "appos".into();
        assert_eq!(rehang_fronted_subjects(&mut d), 0);
    }

    /// "Le couturier , né en 1927 , est décédé ." as the model parses it:
    /// "couturier" the subject of "né", the root, and "décédé" under it.
    fn incise() -> Doc {
        let mut t = vec![
            token("Le", 0, "DET", 1, "det", true),
            token("couturier", 3, "NOUN", 3, "nsubj", false),
            token(",", 13, "PUNCT", 3, "punct", false),
            token("né", 15, "VERB", 3, "ROOT", false),
            token("en", 18, "ADP", 5, "case", false),
            token("1927", 21, "NUM", 3, "obl:mod", false),
            token(",", 26, "PUNCT", 8, "punct", false),
            token("est", 28, "AUX", 8, "aux:tense", false),
            token("décédé", 32, "VERB", 3, "advcl", false),
            token(".", 39, "PUNCT", 3, "punct", false),
        ];
        t[3].morph = "VerbForm=Part".into();
        t[7].morph = "VerbForm=Fin".into();
        t[8].morph = "VerbForm=Part".into();
        doc("Le couturier , né en 1927 , est décédé .", t)
    }

    #[test]
    fn the_subject_of_a_participle_incise_goes_to_the_finite_verb() {
        let mut d = incise();
        assert_eq!(rehang_participle_subjects(&mut d), 1);
        assert_eq!((d.tokens[1].head, d.tokens[1].dep.as_str()), (8, "nsubj"));
        assert_eq!((d.tokens[3].head, d.tokens[3].dep.as_str()), (1, "acl"));
        assert_eq!((d.tokens[8].head, d.tokens[8].dep.as_str()), (8, "ROOT"));
        assert_eq!(d.tokens[9].head, 8, "the full stop follows the new root");
        assert_eq!(d.tokens[5].head, 3, "the participle keeps its own words");
        // The participle hung on the verb as a clause: the same.
        let mut d = incise();
        d.tokens[8].head = 8;
        d.tokens[8].dep = "ROOT".into();
        d.tokens[3].head = 8;
        d.tokens[3].dep = "advcl".into();
        assert_eq!(rehang_participle_subjects(&mut d), 1);
        assert_eq!((d.tokens[1].head, d.tokens[1].dep.as_str()), (8, "nsubj"));
        assert_eq!((d.tokens[3].head, d.tokens[3].dep.as_str()), (1, "acl"));
    }

    #[test]
    fn a_participle_clause_of_its_own_keeps_its_subject() {
        // With an auxiliary: a clause ("le couturier , étant né …").
        let mut d = incise();
        d.tokens[2].text = "étant".into();
        d.tokens[2].pos = "AUX".into();
        d.tokens[2].dep = "aux".into();
        assert_eq!(rehang_participle_subjects(&mut d), 0);
        // The finite verb has its own subject ("…, il est décédé").
        let mut d = incise();
        d.tokens[7].text = "il".into();
        d.tokens[7].pos = "PRON".into();
        d.tokens[7].dep = "nsubj".into();
        assert_eq!(rehang_participle_subjects(&mut d), 0);
        // No comma closes the incise before the verb.
        let mut d = incise();
        d.tokens[6].text = "et".into();
        d.tokens[6].pos = "CCONJ".into();
        assert_eq!(rehang_participle_subjects(&mut d), 0);
    }
}
