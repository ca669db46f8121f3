//! Causes: what a clause's adjunct of cause says brought the clause about.
//!
//! "À la suite des pluies, la ligne a été fermée", "le match a été reporté
//! en raison de la neige", "suite à une panne, le robot s'est arrêté": the
//! nominal after a cause locution (the `cause` class of `data/lexicon.tsv`:
//! "à la suite de", "en raison de", "à cause de", "du fait de", "suite
//! à") `causes` what the clause says. The clause has no node of its own,
//! so the object is its text, compact: the subject's noun phrase, the verb
//! with its auxiliaries and negation, its core arguments and, room allowing
//! (at most [`MAX_WORDS`] words), the adjuncts written after the verb
//! ("pluies causes la ligne a été fermée"). The lemma is the locution as
//! written, so the row says how sure the text is ("à la suite de" may only
//! order the two).
//!
//! The parser often hangs the locution on a noun of the clause (the object,
//! a fronted place): it is read on the clause's verb all the same. "faire
//! suite à", "donner suite à" are verbs, not causes. A clause with no
//! subject or a subject pronoun that names nothing gives no row.

use super::lexicon::Class;
use super::np::MAX_WORDS;
use super::{Ctx, Draft, Para};
use crate::facts::{Literal, LiteralKind, Object};

/// The rule name on cause rows.
pub const RULE: &str = "cause";

/// The property of cause rows.
pub const CAUSES: &str = "causes";

pub(crate) fn run(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for c in 0..p.len() {
        let Some((locution, causes, attach)) = cause_phrase(ctx, p, c) else {
            continue;
        };
        let Some(clause) = clause_of(p, attach) else { continue };
        let Some((subject_text, effect)) = effect_text(ctx, p, clause, c) else {
            continue;
        };
        for cause in causes {
            for v in ctx.values(p, cause, None) {
                let Some(subject) = ctx.subject_node(p, &v) else {
                    continue;
                };
                let mut d = Draft::new(
                    RULE,
                    p.index,
                    subject,
                    CAUSES.to_string(),
                    locution.clone(),
                    Object::Literal(Literal {
                        text: format!("{subject_text} {effect}").trim().to_string(),
                        kind: LiteralKind::Text,
                    }),
                );
                d.tokens = vec![v.token, clause];
                d.verb = Some(clause);
                d.confidence *= v.factor;
                out.push(d);
            }
        }
    }
}

/// The cause locution at token `c`, if any: the locution as written (for
/// the lemma), the nominals it names as causes, and the token it hangs on.
/// Two shapes: the locution's noun heads the phrase with the cause as its
/// "de" complement ("à la suite de X", "en raison de X"), or the bare
/// noun is the cause's `case` word ("suite à X", with "à" fixed to it or
/// as the cause's article).
fn cause_phrase(ctx: &Ctx, p: &Para, c: usize) -> Option<(String, Vec<usize>, usize)> {
    let tok = p.tok(c);
    if tok.pos != "NOUN" && tok.pos != "PROPN" {
        return None;
    }
    // "suite à X": the parser makes "suite" the case word of X.
    if let Some(s) = p.kids(c, "case").find(|&k| p.lemma(k) == "suite" && k < c) {
        let next = p.tok(s + 1).text.to_lowercase();
        if !matches!(next.as_str(), "à" | "au" | "aux") || !ctx.is(Class::Cause, "suite à") || light_verb_before(p, s)
        {
            return None;
        }
        return Some(("suite à".to_string(), vec![c], p.head(c)?));
    }
    let prep = p.prep(c)?;
    let noun = tok.lemma.to_lowercase();
    if !ctx.is(Class::Cause, &format!("{prep} {noun}")) || p.kids(c, "det").count() > 1 {
        return None;
    }
    let causes: Vec<usize> = p
        .kids(c, "nmod")
        .filter(|&k| k > c && matches!(p.tok(k).pos.as_str(), "NOUN" | "PROPN") && of(p, k))
        .collect();
    if causes.is_empty() {
        return None;
    }
    let first = p.kids(c, "case").next()?;
    let words: Vec<usize> = (first..=c).collect();
    let locution = format!("{} de", ctx.render(p, &words).to_lowercase().replace('\u{2019}', "'"));
    Some((locution, causes, p.head(c)?))
}

/// Whether the nominal `k` is introduced by "de", or by "des", "du" the
/// parser read as its article ("à la suite des pluies").
pub(crate) fn of(p: &Para, k: usize) -> bool {
    match p.prep(k).as_deref() {
        Some(prep) => prep == "de",
        None => p
            .kids(k, "det")
            .any(|d| matches!(p.tok(d).text.to_lowercase().as_str(), "des" | "du")),
    }
}

/// "faire suite à", "donner suite à": a verb with its noun, no cause.
fn light_verb_before(p: &Para, s: usize) -> bool {
    s > 0 && matches!(p.lemma(s - 1), "faire" | "donner")
}

/// The clause a cause phrase hung on `h` belongs to: the verb (or the
/// copula's predicate) it hangs on, or the one whose subject, object or
/// adjunct noun the parser hung it on ("a ouvert une enquête à la suite
/// de X"; one step only: "après des mois d'impasse suite à X" dates the
/// impasse, not the clause); a modal's infinitive belongs to the modal's
/// clause. A participle or relative on a noun is that noun's, no clause.
fn clause_of(p: &Para, h: usize) -> Option<usize> {
    let predicate = |t: usize| p.tok(t).pos == "VERB" || p.kids(t, "cop").next().is_some();
    let mut v = if predicate(h) {
        h
    } else {
        let dep = p.tok(h).dep.as_str();
        let argument = dep == "obj" || dep.starts_with("obl") || dep.starts_with("nsubj");
        if !matches!(p.tok(h).pos.as_str(), "NOUN" | "PROPN") || !argument {
            return None;
        }
        p.head(h).filter(|&v| predicate(v))?
    };
    while p.tok(v).dep == "xcomp" {
        v = p.head(v)?;
    }
    let dep = p.tok(v).dep.as_str();
    (!dep.starts_with("acl") && dep != "amod").then_some(v)
}

/// Dependents that are no part of a clause's compact text.
fn left_out(dep: &str) -> bool {
    dep.starts_with("acl:relcl")
        || dep.starts_with("advcl")
        || dep.starts_with("parataxis")
        || dep.starts_with("appos")
        || dep == "punct"
        || dep == "mark"
        || dep == "dep"
        || dep == "vocative"
}

/// The tokens of `t`'s subtree for the clause text, without the parts
/// [`left_out`] names and without the cause phrase headed by `cause`.
fn part(p: &Para, t: usize, cause: usize, out: &mut Vec<usize>) {
    out.push(t);
    for &k in &p.children[t] {
        if k != cause && !left_out(p.tok(k).dep.as_str()) {
            part(p, k, cause, out);
        }
    }
}

/// The clause's compact text as (subject, rest): the subject's noun phrase
/// (a pronoun gives the name it stands for), the verb with its
/// auxiliaries, negation and core arguments, and the adjuncts after the
/// verb while the whole stays within [`MAX_WORDS`] words. `cause` is the
/// cause phrase's head token, left out.
fn effect_text(ctx: &Ctx, p: &Para, v: usize, cause: usize) -> Option<(String, String)> {
    // "France : un militaire meurt": the subject nearest before the verb.
    let subjects: Vec<usize> = p.kids(v, "nsubj").chain(p.kids(v, "nsubj:pass")).collect();
    let s = subjects
        .iter()
        .copied()
        .filter(|&s| s < v)
        .max()
        .or_else(|| subjects.iter().copied().min())?;
    // A parse that hangs the clause inside the cause phrase is no clause.
    if p.dominated_by(s, cause) || p.dominated_by(v, cause) {
        return None;
    }
    let subject = if p.tok(s).pos == "PRON" {
        let (e, _) = ctx.resolve(p, s)?;
        ctx.table.entities.get(e)?.label.clone()
    } else {
        // "le nombre de morts à la suite des pluies": the cause is no part of the subject.
        let skip = p.dominated_by(cause, s).then_some(cause);
        let (_, mut tokens) = ctx.literal_phrase(p, s, skip)?;
        // The clause is written out whole: the subject keeps its article.
        tokens.extend(p.kids(s, "det").filter(|&d| d < s));
        tokens.sort_unstable();
        tokens.dedup();
        ctx.render(p, &tokens)
    };
    let verb_group: Vec<usize> = p.children[v]
        .iter()
        .copied()
        .filter(|&k| {
            let dep = p.tok(k).dep.as_str();
            dep.starts_with("aux") || dep == "cop" || dep.starts_with("expl") || negation(ctx, p, k)
        })
        .chain(std::iter::once(v))
        .collect();
    let copula = p.kids(v, "cop").next().is_some();
    let mut core = Vec::new();
    let mut adjuncts = Vec::new();
    for &k in &p.children[v] {
        if k == cause || k == s || verb_group.contains(&k) {
            continue;
        }
        let dep = p.tok(k).dep.as_str();
        // A copula's predicate keeps its own words ("le dernier membre vivant").
        let predicate_word = copula && matches!(dep, "nmod" | "amod" | "det" | "advmod" | "nummod");
        if predicate_word || matches!(dep, "obj" | "iobj" | "obl:arg" | "xcomp" | "ccomp") {
            part(p, k, cause, &mut core);
        } else if dep.starts_with("obl") && k > v && !super::svo::is_time_noun(p, k) && !ctx.is_locution(p, k) {
            let mut tokens = Vec::new();
            part(p, k, cause, &mut tokens);
            adjuncts.push(tokens);
        }
    }
    let words = |tokens: &[usize]| {
        let mut sorted = tokens.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let text = ctx.render(p, &sorted);
        (text.split_whitespace().count(), text)
    };
    let budget = MAX_WORDS.checked_sub(subject.split_whitespace().count())?;
    // Every core argument must fit: a verb without its object says nothing.
    let tokens: Vec<usize> = verb_group.iter().copied().chain(core.iter().copied()).collect();
    if words(&tokens).0 > budget {
        return None;
    }
    let mut tokens = tokens;
    for a in adjuncts {
        let wider: Vec<usize> = tokens.iter().copied().chain(a).collect();
        if words(&wider).0 <= budget {
            tokens = wider;
        }
    }
    let (n, text) = words(&tokens);
    (n <= budget && n > 0).then_some((subject, text))
}

/// A negation adverb of the verb ("ne", "pas", "plus", "jamais").
fn negation(ctx: &Ctx, p: &Para, k: usize) -> bool {
    let tok = p.tok(k);
    tok.dep == "advmod" && (p.morph_has(k, "Polarity=Neg") || ctx.is(Class::Negation, &tok.lemma.to_lowercase()))
}
