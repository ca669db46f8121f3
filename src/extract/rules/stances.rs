//! Stances: who is for or against what, from the words of
//! `data/stances.tsv`.
//!
//! - A stance adjective with être or a reflexive frame verb, and its "à"
//!   argument: "X est favorable à Y", "X s'est dit opposé à Y", "X s'est
//!   montré hostile à Y" → X `supports` / `opposes` Y. The frame verb's
//!   bare act ("X acts montré") and the adjective's quality ("X hasQuality
//!   hostile") give way.
//! - A reflexive stance verb: "X s'oppose à Y" turns the verb's vaguer
//!   `relatedTo` row on its "à" argument into `opposes`; the verb used
//!   otherwise ("le match opposait A à B") keeps its rows.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::svo::grammatical_subjects;
use super::{Ctx, Draft, Para};

/// The rule name on stance rows.
pub const RULE: &str = "stance";

const STANCES_TSV: &str = include_str!("../data/stances.tsv");

/// The parsed stance table.
#[derive(Default)]
struct Stances {
    /// Adjective (masculine singular) → property.
    adjectives: HashMap<String, String>,
    /// Reflexive verb lemma → property.
    verbs: HashMap<String, String>,
    /// Reflexive frame verbs ("se dire").
    frames: Vec<String>,
}

fn stances() -> &'static Stances {
    static TABLE: OnceLock<Stances> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Stances::default();
        for line in STANCES_TSV.lines().skip_while(|l| l.starts_with('#')).skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, word, property] = cols[..] else { continue };
            match kind {
                "adjective" => {
                    t.adjectives.insert(word.to_string(), property.to_string());
                }
                "verb" => {
                    t.verbs.insert(word.to_string(), property.to_string());
                }
                "frame" => t.frames.push(word.to_string()),
                _ => {}
            }
        }
        t
    })
}

/// The stance adjective a word is a form of ("opposées" → "opposé").
fn adjective_of(word: &str) -> Option<(&'static str, &'static str)> {
    let t = stances();
    let w = word.to_lowercase();
    let forms = [
        Some(w.as_str()),
        w.strip_suffix('s'),
        w.strip_suffix('e'),
        w.strip_suffix("es"),
    ];
    let found = forms.into_iter().flatten().find_map(|f| t.adjectives.get_key_value(f));
    found.map(|(k, v)| (k.as_str(), v.as_str()))
}

/// Whether `v` has a reflexive pronoun of its own ("se", "s'").
fn reflexive(p: &Para, v: usize) -> bool {
    p.children[v].iter().any(|&c| {
        let t = p.tok(c);
        t.pos == "PRON" && t.lemma.to_lowercase() == "se" && (t.dep.starts_with("expl") || t.dep == "obj")
    })
}

/// The arguments introduced by "à" on `h`.
fn to_arguments(p: &Para, h: usize) -> Vec<usize> {
    p.children[h]
        .iter()
        .copied()
        .filter(|&c| {
            let dep = p.tok(c).dep.as_str();
            (dep.starts_with("obl") || dep.starts_with("nmod")) && p.prep(c).as_deref() == Some("à")
        })
        .collect()
}

pub(crate) fn run(ctx: &Ctx, p: &Para, from: usize, out: &mut Vec<Draft>) {
    reflexive_verbs(p, from, out);
    for a in 0..p.len() {
        let tok = p.tok(a);
        if !matches!(tok.pos.as_str(), "ADJ" | "VERB") {
            continue;
        }
        let Some((word, property)) = adjective_of(&tok.text) else {
            continue;
        };
        // "X est opposé à Y" (the adjective heads the copula) or "X s'est
        // dit opposé à Y" (the adjective complements a reflexive frame).
        let holder_verb = if p.kids(a, "cop").next().is_some() {
            Some((a, "être".to_string()))
        } else {
            p.head(a)
                .filter(|_| matches!(tok.dep.as_str(), "xcomp" | "advmod" | "obj"))
                .filter(|&h| {
                    let lemma = p.lemma(h).to_string();
                    p.tok(h).pos == "VERB" && stances().frames.contains(&lemma) && reflexive(p, h)
                })
                .map(|h| (h, format!("se {}", p.lemma(h))))
        };
        let Some((v, frame)) = holder_verb else { continue };
        let targets = to_arguments(p, a);
        if targets.is_empty() {
            continue;
        }
        let subjects = grammatical_subjects(ctx, p, v, 0);
        let mut made = false;
        for s in &subjects {
            let Some(subject) = ctx.subject_node(p, s) else {
                continue;
            };
            for &c in &targets {
                for o in ctx.values(p, c, None) {
                    let mut d = Draft::new(
                        RULE,
                        p.index,
                        subject,
                        property.to_string(),
                        format!("{frame} {word} à"),
                        o.object.clone(),
                    );
                    d.tokens = vec![s.token, a, o.token];
                    d.span = o.phrase.clone();
                    d.verb = Some(v);
                    d.confidence *= s.factor * o.factor;
                    out.push(d);
                    made = true;
                }
            }
        }
        if made {
            // The frame's bare act, the adjective's quality and its plain
            // row with the complement ("être favorable à") give way.
            drop_rows(out, from, |d| {
                d.para == p.index
                    && d.rule != RULE
                    && ((d.verb == Some(v) && matches!(d.predicate.as_str(), "acts" | "hasQuality" | "undergoes"))
                        || d.tokens.contains(&a) && d.predicate == "hasQuality"
                        || d.tokens.contains(&a) && d.rule == "copula" && d.predicate == "relatedTo")
            });
        }
    }
}

/// "X s'oppose à Y": the reflexive stance verb's `relatedTo` row on its "à"
/// argument takes the verb's property.
fn reflexive_verbs(p: &Para, from: usize, out: &mut [Draft]) {
    for v in 0..p.len() {
        let tok = p.tok(v);
        if tok.pos != "VERB" || !reflexive(p, v) {
            continue;
        }
        let lemma = tok.lemma.to_lowercase();
        let Some(property) = stances().verbs.get(&lemma) else {
            continue;
        };
        let targets = to_arguments(p, v);
        for d in out.iter_mut().skip(from) {
            if d.para == p.index
                && d.verb == Some(v)
                && d.predicate == "relatedTo"
                && d.lemma == format!("{lemma} à")
                && d.tokens
                    .last()
                    .is_some_and(|t| targets.iter().any(|&c| p.dominated_by(*t, c) || *t == c))
            {
                d.predicate = property.clone();
            }
        }
    }
}

/// Removes the drafts from `from` on that `gone` selects.
fn drop_rows(out: &mut Vec<Draft>, from: usize, gone: impl Fn(&Draft) -> bool) {
    let mut k = from;
    while k < out.len() {
        if gone(&out[k]) {
            out.remove(k);
        } else {
            k += 1;
        }
    }
}
