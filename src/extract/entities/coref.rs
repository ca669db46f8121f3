//! Light coreference: a subject pronoun (il, elle) or a bare definite title
//! ("le président", "la ministre") resolved to the one person it can mean.
//!
//! A pronoun takes the single person of the right gender mentioned earlier
//! in its sentence or in the previous one; a bare title takes the single
//! person earlier in the document who was given that title. Anything
//! ambiguous stays unresolved. Reads mentions and roles; writes nothing
//! but the pairs it returns.

use super::tables::tables;
use crate::nlp::Doc;

/// A person mention as coreference sees it.
#[derive(Debug, Clone)]
pub struct PersonMention {
    pub entity: usize,
    pub paragraph: usize,
    /// First token of the mention.
    pub token: usize,
    /// Document-wide sentence index.
    pub sentence: usize,
}

/// What coreference knows of a person entity.
#[derive(Debug, Clone, Default)]
pub struct PersonInfo {
    pub feminine: Option<bool>,
    /// Lower-case title head words given to the person ("président").
    pub titles: Vec<String>,
}

/// Resolved (paragraph, token, entity) triples.
pub fn resolve(
    docs: &[Doc],
    sentence_base: &[usize],
    mentions: &[PersonMention],
    people: &[PersonInfo],
    covered: &dyn Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (p, doc) in docs.iter().enumerate() {
        for (si, range) in doc.sentences().into_iter().enumerate() {
            let sentence = sentence_base[p] + si;
            for i in range {
                if covered(p, i) {
                    continue;
                }
                let t = &doc.tokens[i];
                let lower = t.text.to_lowercase();
                let found = if t.pos == "PRON" && (lower == "il" || lower == "elle") {
                    pronoun(mentions, people, p, i, sentence, lower == "elle")
                } else if is_bare_title(doc, i) {
                    title(mentions, people, p, i, &lower)
                } else {
                    None
                };
                if let Some(e) = found {
                    out.push((p, i, e));
                }
            }
        }
    }
    out
}

fn before(m: &PersonMention, p: usize, i: usize) -> bool {
    m.paragraph < p || (m.paragraph == p && m.token < i)
}

fn pronoun(
    mentions: &[PersonMention],
    people: &[PersonInfo],
    p: usize,
    i: usize,
    sentence: usize,
    fem: bool,
) -> Option<usize> {
    let mut cands: Vec<usize> = mentions
        .iter()
        .filter(|m| before(m, p, i) && m.sentence + 1 >= sentence && m.sentence <= sentence)
        .map(|m| m.entity)
        .filter(|&e| {
            people
                .get(e)
                .is_some_and(|info| info.feminine.is_none_or(|f| f == fem))
        })
        .collect();
    cands.sort_unstable();
    cands.dedup();
    match cands[..] {
        [e] => Some(e),
        _ => None,
    }
}

/// A definite title noun with no name after it: "le président a dit".
fn is_bare_title(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.pos != "NOUN" || !tables().is_title(&t.text) || i == 0 {
        return false;
    }
    let det = doc.tokens[i - 1].text.to_lowercase();
    if !matches!(det.as_str(), "le" | "la" | "l'") {
        return false;
    }
    // A name or a complement right after makes it a role, not a reference.
    doc.tokens.get(i + 1).is_none_or(|n| {
        !(n.pos == "PROPN"
            || n.pos == "ADP"
            || n.text.chars().next().is_some_and(char::is_uppercase))
    })
}

fn title(
    mentions: &[PersonMention],
    people: &[PersonInfo],
    p: usize,
    i: usize,
    word: &str,
) -> Option<usize> {
    let mut cands: Vec<usize> = mentions
        .iter()
        .filter(|m| before(m, p, i))
        .map(|m| m.entity)
        .filter(|&e| {
            people
                .get(e)
                .is_some_and(|info| info.titles.iter().any(|t| t == word))
        })
        .collect();
    cands.sort_unstable();
    cands.dedup();
    match cands[..] {
        [e] => Some(e),
        _ => None,
    }
}
