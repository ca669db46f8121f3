//! Fact extraction rules over the dependency parse.
//!
//! This module owns the shared parse view ([`Para`]), the rule context
//! ([`Ctx`]) and the draft facts rules produce; each submodule is one family
//! of rules (verbs, passives, copulas, reported speech, nominal events, roles,
//! places, appositions) or one post-processing step (time, modality,
//! confidence). Rules only read the parse and the entity table: they never
//! build entities and never touch RDF. Subjects that no entity covers become
//! the document's concept nodes (`concepts`), the one thing rules add.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use crate::facts::{Concept, Fact, Literal, LiteralKind, Node, Object};
use crate::nlp::{Doc, Token};

use super::entities::EntityTable;
use crate::input::PreparedText;

pub mod appos;
pub mod causes;
pub mod circumstances;
pub mod concepts;
pub mod confidence;
pub mod contests;
pub mod copula;
pub mod events;
pub mod lexicon;
pub mod measures;
pub mod modality;
pub mod nominals;
pub mod np;
pub mod passive;
pub mod places;
pub mod quantity;
pub mod reported;
pub mod roles;
pub mod stances;
pub mod svo;
pub mod time;
pub mod tolls;

#[cfg(test)]
pub(crate) mod tests;

use lexicon::{lexicon, Class, Lexicon};

/// Runs every rule over the paragraphs and returns the document's facts and
/// the concept nodes they use.
pub fn extract_facts(prepared: &PreparedText, docs: &[Doc], table: &EntityTable) -> (Vec<Fact>, Vec<Concept>) {
    // Names and literal values are read from the reading view (entities decoded).
    let original: Vec<char> = prepared.reading_view().chars().collect();
    let sentence_of = super::sentence_index(docs);
    let mut role_at = HashMap::new();
    for role in &table.roles {
        let (p, range) = roles::role_tokens(role);
        for t in range {
            role_at.entry((p, t)).or_insert(role.entity);
        }
    }
    let ctx = Ctx {
        table,
        original: &original,
        lex: lexicon(),
        role_at,
        concepts: concepts::Concepts::default(),
    };
    let mut drafts = Vec::new();
    let docs: Vec<Cow<Doc>> = super::repair::repaired(docs, super::repair::RULES);
    for (p, (doc, para)) in docs.iter().zip(&prepared.paragraphs).enumerate() {
        let para = Para::new(p, doc, &sentence_of[p], &para.offsets);
        let from = drafts.len();
        let speech = reported::run(&ctx, &para, &mut drafts);
        svo::run(&ctx, &para, &speech.handled, &mut drafts);
        passive::run(&ctx, &para, &mut drafts);
        copula::run(&ctx, &para, &mut drafts);
        stances::run(&ctx, &para, from, &mut drafts);
        events::run(&ctx, &para, &mut drafts);
        tolls::run(&ctx, &para, &mut drafts);
        nominals::run(&ctx, &para, &mut drafts);
        causes::run(&ctx, &para, &mut drafts);
        contests::run(&ctx, &para, from, &mut drafts);
        places::run(&ctx, &para, &mut drafts);
        appos::run(&ctx, &para, &mut drafts);
        measures::run(&ctx, &para, from, &mut drafts);
        drafts.retain(|d| d.para != p || !deictic_ends(&ctx, &para, d));
        let times = time::find(&para);
        // The verbs that gave a draft: a clause without one lends its date
        // to the verb it hangs on (`time::attach`).
        let with_rows: std::collections::HashSet<usize> =
            drafts.iter().filter(|d| d.para == p).filter_map(|d| d.verb).collect();
        for d in drafts.iter_mut().filter(|d| d.para == p) {
            let saying = matches!(d.rule, "quote" | "speech" | "attribution");
            if let Some(v) = d.verb {
                // A nominal's date is read in its own phrase, not its clause's.
                if !d.rule.starts_with(nominals::RULE) {
                    time::attach(&ctx, &para, &times, &with_rows, v, d);
                }
                if !saying {
                    modality::flag(&ctx, &para, v, d);
                }
            }
            // The act of saying is the article's own fact; what was said is reported.
            if !saying {
                speech.mark(d);
            }
        }
        circumstances::run(&ctx, &para, from, &mut drafts);
    }
    roles::run(&ctx, &docs, &mut drafts);
    let facts = finish(&ctx, prepared, &docs, &sentence_of, drafts);
    (facts, ctx.concepts.into_list())
}

/// "cette zone fait partie de son territoire": a fact whose subject and
/// object are both common nouns picked out only by a demonstrative or
/// possessive determiner, with nothing named in either phrase, says
/// nothing a reader can place.
fn deictic_ends(ctx: &Ctx, p: &Para, d: &Draft) -> bool {
    if matches!(d.subject, Node::Entity(_)) || matches!(d.object, Object::Entity(_)) {
        return false;
    }
    let (Some(&s), Some(&o)) = (d.tokens.first(), d.tokens.last()) else {
        return false;
    };
    let deictic = |t: usize| {
        t < p.len()
            && p.tok(t).pos == "NOUN"
            && p.kids(t, "det").any(|k| {
                let morph = &p.tok(k).morph;
                morph.contains("PronType=Dem") || morph.contains("Poss=Yes")
            })
            && p.subtree(t).iter().all(|&k| ctx.table.entity_at(p.index, k).is_none())
    };
    s != o && deictic(s) && deictic(o)
}

/// One paragraph's parse with the indexes rules need.
pub(crate) struct Para<'a> {
    pub index: usize,
    pub doc: &'a Doc,
    pub children: Vec<Vec<usize>>,
    pub sentence_of: &'a [usize],
    pub offsets: &'a [usize],
    /// The `near` locutions, found on first use ([`Para::near_phrases`]).
    near: std::cell::OnceCell<Vec<places::NearPhrase>>,
    /// Each token's lemma in lower case ([`Para::lemma`]), made once: the
    /// rules look lemmas up in their tables many times a token.
    lemmas: Vec<String>,
}

/// A preposition as written, in lower case, with the contracted articles
/// mapped to their preposition ("du", "des", "d'" → "de"; "au", "aux" →
/// "à"). The written form, because the model lemmatises "entre" as
/// "entrer" and "sous" as "sou".
pub(crate) fn preposition_form(written: &str) -> String {
    let text = written.to_lowercase().replace('\u{2019}', "'");
    match text.as_str() {
        "au" | "aux" => "à".to_string(),
        "du" | "des" | "d'" => "de".to_string(),
        _ => text,
    }
}

impl<'a> Para<'a> {
    pub fn new(index: usize, doc: &'a Doc, sentence_of: &'a [usize], offsets: &'a [usize]) -> Self {
        let mut children = vec![Vec::new(); doc.tokens.len()];
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.head != i && t.head < doc.tokens.len() {
                children[t.head].push(i);
            }
        }
        Para {
            index,
            doc,
            children,
            sentence_of,
            offsets,
            near: std::cell::OnceCell::new(),
            lemmas: doc.tokens.iter().map(|t| t.lemma.to_lowercase()).collect(),
        }
    }

    /// Token `i`'s lemma in lower case.
    pub fn lemma(&self, i: usize) -> &str {
        &self.lemmas[i]
    }

    /// The paragraph's `near` locutions with their complements
    /// ([`places::near_phrases`]), read once and kept: several rules and
    /// every noun phrase ask for them.
    pub fn near_phrases(&self, ctx: &Ctx) -> &[places::NearPhrase] {
        self.near.get_or_init(|| places::near_phrases(ctx, self))
    }

    pub fn tok(&self, i: usize) -> &Token {
        &self.doc.tokens[i]
    }

    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// The head of a token, or `None` for a root.
    pub fn head(&self, i: usize) -> Option<usize> {
        let h = self.doc.tokens[i].head;
        (h != i && h < self.len()).then_some(h)
    }

    /// Children with a dependency label (exact, or a `prefix:` family when `dep` ends with ':').
    pub fn kids<'b>(&'b self, i: usize, dep: &'b str) -> impl Iterator<Item = usize> + 'b {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| dep_is(&self.doc.tokens[c].dep, dep))
    }

    /// The preposition (`case` child lemma) that introduces a nominal, if any.
    pub fn prep(&self, i: usize) -> Option<String> {
        self.kids(i, "case").next().map(|c| preposition_form(&self.tok(c).text))
    }

    /// All tokens under `i` (itself included), in order.
    pub fn subtree(&self, i: usize) -> Vec<usize> {
        let mut seen = vec![false; self.len()];
        seen[i] = true;
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() {
            let x = out[k];
            for &c in &self.children[x] {
                // A malformed parse may hold a cycle: visit each token once.
                if !seen[c] {
                    seen[c] = true;
                    out.push(c);
                }
            }
            k += 1;
        }
        out.sort_unstable();
        out
    }

    /// Whether `a` lies in the subtree of `b`.
    pub fn dominated_by(&self, mut a: usize, b: usize) -> bool {
        for _ in 0..self.len() {
            if a == b {
                return true;
            }
            match self.head(a) {
                Some(h) => a = h,
                None => return false,
            }
        }
        false
    }

    pub fn morph_has(&self, i: usize, feature: &str) -> bool {
        self.tok(i).morph.split('|').any(|f| f == feature)
    }

    /// Token range of the sentence holding `i`.
    pub fn sentence_range(&self, i: usize) -> Range<usize> {
        let s = self.sentence_of[i];
        let start = (0..=i)
            .rev()
            .take_while(|&t| self.sentence_of[t] == s)
            .last()
            .unwrap_or(i);
        let end = (i..self.len())
            .take_while(|&t| self.sentence_of[t] == s)
            .last()
            .unwrap_or(i)
            + 1;
        start..end
    }
}

pub(crate) fn dep_is(dep: &str, want: &str) -> bool {
    if let Some(prefix) = want.strip_suffix(':') {
        dep == prefix || dep.starts_with(want)
    } else {
        dep == want
    }
}

/// What every rule may consult.
pub(crate) struct Ctx<'a> {
    pub table: &'a EntityTable,
    /// The reading view of the original, by character (entities decoded).
    pub original: &'a [char],
    pub lex: &'static Lexicon,
    /// (paragraph, token) covered by a role mention -> the role holder.
    pub role_at: HashMap<(usize, usize), usize>,
    /// The document's concept nodes, filled as rules use them.
    pub concepts: concepts::Concepts,
}

impl Ctx<'_> {
    pub fn is(&self, class: Class, lemma: &str) -> bool {
        self.lex.is(class, lemma)
    }
}

/// A fact before provenance is filled in.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub subject: Node,
    pub predicate: String,
    pub lemma: String,
    pub object: Object,
    pub arguments: Vec<(String, Object)>,
    pub para: usize,
    /// Head tokens the fact was read from (subject, predicate, object):
    /// its sentence and confidence come from them.
    pub tokens: Vec<usize>,
    /// Further tokens the highlighted span must cover (a literal object's
    /// phrase); entity mentions around `tokens` are covered in [`finish`].
    pub span: Vec<usize>,
    /// The clause's verb (for time, negation and modality), if any.
    pub verb: Option<usize>,
    pub rule: &'static str,
    pub confidence: f32,
    pub negated: bool,
    pub hypothetical: bool,
    pub reported: bool,
    pub reported_by: Option<Node>,
}

impl Draft {
    pub fn new(
        rule: &'static str,
        para: usize,
        subject: impl Into<Node>,
        predicate: String,
        lemma: String,
        object: Object,
    ) -> Self {
        Draft {
            subject: subject.into(),
            predicate,
            lemma,
            object,
            arguments: Vec::new(),
            para,
            tokens: Vec::new(),
            span: Vec::new(),
            verb: None,
            rule,
            confidence: confidence::base(rule),
            negated: false,
            hypothetical: false,
            reported: false,
            reported_by: None,
        }
    }
}

/// First and last token of a fact's highlighted span: its head tokens, each
/// widened to the entity or role mention holding it, and the object phrase
/// the rule recorded in `span`. Mentions of other sentences never widen it
/// because only mentions holding a head token count.
fn span_tokens(ctx: &Ctx, d: &Draft, len: usize) -> (usize, usize) {
    let heads: Vec<usize> = d.tokens.iter().copied().filter(|&t| t < len).collect();
    let mut lo = heads.iter().copied().min().unwrap_or(0);
    let mut hi = heads.iter().copied().max().unwrap_or(0);
    let mentions = ctx
        .table
        .mention_tokens
        .iter()
        .filter(|(p, _)| *p == d.para)
        .map(|(_, r)| r.clone())
        .chain(
            ctx.table
                .roles
                .iter()
                .map(roles::role_tokens)
                .filter(|(p, _)| *p == d.para)
                .map(|(_, r)| r),
        );
    for r in mentions {
        if r.start < r.end && r.end <= len && heads.iter().any(|t| r.contains(t)) {
            lo = lo.min(r.start);
            hi = hi.max(r.end - 1);
        }
    }
    // A title holding a head token brings the name written beside it ("le
    // conseiller à la sécurité nationale Mike Waltz"): the fact is about
    // the person, so the highlight must show who it is.
    for role in ctx
        .table
        .roles
        .iter()
        .filter(|r| r.paragraph == d.para && heads.iter().any(|t| r.tokens.contains(t)))
    {
        let names = ctx.table.mentions.iter().zip(&ctx.table.mention_tokens);
        for (_, (_, r)) in names.filter(|(m, (p, _))| m.entity == role.entity && *p == d.para) {
            let beside = (role.tokens.end..=role.tokens.end + 1).contains(&r.start)
                || (r.end..=r.end + 1).contains(&role.tokens.start);
            if beside && r.start < r.end && r.end <= len {
                lo = lo.min(r.start);
                hi = hi.max(r.end - 1);
            }
        }
    }
    for &t in d.span.iter().filter(|&&t| t < len) {
        lo = lo.min(t);
        hi = hi.max(t);
    }
    (lo, hi)
}

fn finish(
    ctx: &Ctx,
    prepared: &PreparedText,
    docs: &[Cow<Doc>],
    sentence_of: &[Vec<usize>],
    drafts: Vec<Draft>,
) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::new();
    let mut seen: HashMap<(Node, String, String, usize), usize> = HashMap::new();
    for mut d in drafts {
        // An event verb with no argument only carried its date and place.
        if d.rule == svo::OCCURRENCE {
            continue;
        }
        // A noun phrase that is a concept elsewhere in the document is that concept.
        d.object = ctx.object_node(d.object);
        if d.object.node() == Some(d.subject) {
            continue;
        }
        let (Some(doc), Some(para)) = (docs.get(d.para), prepared.paragraphs.get(d.para)) else {
            continue;
        };
        let offsets = &para.offsets;
        let first = d.tokens.iter().copied().filter(|&t| t < doc.tokens.len()).min();
        let last = d.tokens.iter().copied().filter(|&t| t < doc.tokens.len()).max();
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        // A quantity object carries its value and unit as typed arguments.
        if let Object::Literal(l) = &d.object {
            if l.kind == LiteralKind::Number {
                if let Some(q) = quantity::parse(&l.text) {
                    d.arguments.push((
                        "quantity".to_string(),
                        Object::Literal(Literal {
                            text: q.decimal(),
                            kind: LiteralKind::Number,
                        }),
                    ));
                    if let Some(unit) = q.unit {
                        d.arguments.push(("unit".to_string(), Object::text(unit)));
                    }
                }
            }
        }
        let (lo, hi) = span_tokens(ctx, &d, doc.tokens.len());
        let start = offsets.get(doc.tokens[lo].start).copied().unwrap_or(0);
        let end = offsets.get(doc.tokens[hi].end()).copied().unwrap_or(start).max(start);
        let sentence = sentence_of[d.para][d.verb.unwrap_or(first).min(doc.tokens.len() - 1)];
        let shape = confidence::Shape {
            rule: d.rule,
            predicate: &d.predicate,
            text_object: matches!(&d.object, Object::Literal(l) if l.kind == LiteralKind::Text),
            concept_words: match d.subject {
                Node::Concept(c) => Some(ctx.concepts.label_words(c)),
                Node::Entity(_) => None,
            },
            hypothetical: d.hypothetical,
            object_words: match &d.object {
                Object::Literal(l) if l.kind == LiteralKind::Text => l.text.split_whitespace().count(),
                _ => 0,
            },
            reported: d.reported,
        };
        let confidence = confidence::finish(d.confidence * confidence::shape_factor(&shape), last - first);
        let key = (d.subject, d.predicate.clone(), object_key(ctx, &d.object), sentence);
        // A date or place row is the act's circumstance, not an act of its own.
        let event = if matches!(d.predicate.as_str(), circumstances::DATE | circumstances::PLACE) {
            None
        } else {
            event_type(ctx, &Para::new(d.para, doc, &sentence_of[d.para], offsets), &d)
        };
        let fact = Fact {
            subject: d.subject,
            predicate: d.predicate,
            lemma: d.lemma,
            object: d.object,
            arguments: d.arguments,
            sentence,
            start,
            end,
            confidence,
            negated: d.negated,
            hypothetical: d.hypothetical,
            reported: d.reported,
            reported_by: d.reported_by,
            rule: d.rule.to_string(),
            event,
        };
        match seen.get(&key) {
            Some(&i) => {
                let kept = &mut out[i];
                for arg in fact.arguments {
                    if !kept.arguments.contains(&arg) {
                        kept.arguments.push(arg);
                    }
                }
                if fact.confidence > kept.confidence {
                    kept.confidence = fact.confidence;
                }
            }
            None => {
                seen.insert(key, out.len());
                out.push(fact);
            }
        }
    }
    out
}

/// The fact's event type from `event_types.tsv`: the cues are read on the
/// token that carries the fact's lemma (its first word), else the clause verb.
fn event_type(ctx: &Ctx, p: &Para, d: &Draft) -> Option<crate::facts::EventType> {
    use crate::extract::event_types::{classify, Cues};
    use crate::facts::EntityKind;
    let first_word = d
        .lemma
        .split_whitespace()
        .find(|w| *w != "se" && *w != "s'")
        .unwrap_or("")
        .to_lowercase();
    let head = d
        .tokens
        .iter()
        .chain(d.verb.iter())
        .copied()
        .find(|&t| t < p.len() && p.lemma(t) == first_word)
        .or(d.verb.filter(|&v| v < p.len()));
    let mut cues = Cues::default();
    if let Some(h) = head {
        let obliques: Vec<usize> = p
            .kids(h, "obl:")
            .chain(p.kids(h, "nmod:"))
            .chain(p.kids(h, "iobj"))
            .collect();
        cues.objects = p
            .kids(h, "obj")
            .chain(obliques.iter().copied())
            .map(|c| p.lemma(c).to_string())
            .collect();
        cues.prepositions = obliques.iter().filter_map(|&c| p.prep(c)).collect();
        // "appeler à manifester", "refuser de signer": the preposition marks the infinitive.
        let marks = p.kids(h, "xcomp").flat_map(|x| p.kids(x, "mark").collect::<Vec<_>>());
        cues.prepositions
            .extend(marks.map(|m| p.tok(m).text.to_lowercase().replace('\u{2019}', "'")));
    }
    let kind_of = |o: &Object| match o {
        Object::Entity(e) => ctx.table.entities.get(*e).map(|x| x.kind),
        Object::Literal(_) | Object::Concept(_) => None,
    };
    let object_kind = kind_of(&d.object);
    let target_is_place = d
        .arguments
        .iter()
        .any(|(name, value)| name == "target" && kind_of(value) == Some(EntityKind::Place));
    cues.place = object_kind == Some(EntityKind::Place) || target_is_place;
    cues.actor = matches!(object_kind, Some(EntityKind::Person | EntityKind::Organization));
    cues.person = object_kind == Some(EntityKind::Person);
    classify(&d.lemma, &cues)
}

fn object_key(ctx: &Ctx, o: &Object) -> String {
    match o {
        Object::Entity(e) => ctx
            .table
            .entities
            .get(*e)
            .map(|x| format!("E:{}", x.label))
            .unwrap_or_default(),
        Object::Concept(c) => format!("C:{c}"),
        Object::Literal(l) => format!("L:{}", l.text.to_lowercase()),
    }
}
