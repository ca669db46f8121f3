//! Contest results: who beat whom, the event a prize was won at, and the
//! score a win was won with.
//!
//! Owns the table `data/contests.tsv` (win and lose verbs, victory nouns,
//! contest and prize nouns, the prepositions of an opponent and of an
//! event, the verbs whose "avec" number is a score) and these facts:
//! - the opponent of a win or a defeat: "X a remporté le second tour face
//!   à Y", "X l'emporte sur Y", "leur victoire face à Y", "la victoire de X
//!   contre Y" → *X —defeats→ Y*; "X s'incline face à Y" → *Y —defeats→ X*.
//!   The parser often hangs "face à Y" on the object as a conjunct ("le
//!   tour … , face à Y"): the opponent is found under the act however it
//!   hangs, and a row of the verb that took it for a second object is
//!   dropped;
//! - the event a prize was won at: "X a remporté l'or lors du Grand Prix
//!   de Z", "X a gagné une médaille aux Jeux de Z" → *X —wins→ event*
//!   (the row with the prize itself stays the verb's); in gapped clauses
//!   ("X a remporté l'or, Y l'argent et Z le bronze") each competitor wins
//!   its own prize;
//! - the score a win was won with: "X a remporté le scrutin avec 52 % des
//!   voix", "X a été élu avec 55 % des suffrages" → *X —obtains→ number*.
//!
//! Winners and opponents are named entities only (people, bodies, places
//! standing for teams or countries): a list read wrongly would make many
//! wrong rows at once.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::facts::{EntityKind, Node, Object};

use super::np::Value;
use super::svo::{grammatical_subjects, is_passive};
use super::{Ctx, Draft, Para};

/// The table as shipped.
pub const CONTESTS_TSV: &str = include_str!("../data/contests.tsv");

/// The rule name of the facts this module makes.
pub(crate) const RULE: &str = "contest";

/// The word classes of the table.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Contests {
    win: HashSet<String>,
    lose: HashSet<String>,
    victory: HashSet<String>,
    contest: HashSet<String>,
    prize: HashSet<String>,
    opponent: HashSet<String>,
    over: HashSet<String>,
    during: HashSet<String>,
    score: HashSet<String>,
}

/// A malformed row of the table, with its line number (1-based).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ContestTableError {
    #[error("contests.tsv line {line}: expected 2 tab-separated columns (kind, word), found {found}")]
    Columns { line: usize, found: usize },
    #[error("contests.tsv line {line}: unknown kind {kind:?}; use win, lose, victory, contest, prize, opponent, over, during or score")]
    Kind { line: usize, kind: String },
}

/// Parses the table from text.
pub fn parse(text: &str) -> Result<Contests, ContestTableError> {
    let mut out = Contests::default();
    for (line, cols) in super::lexicon::rows(text) {
        if cols.len() != 2 {
            return Err(ContestTableError::Columns {
                line,
                found: cols.len(),
            });
        }
        let set = match cols[0] {
            "kind" => continue,
            "win" => &mut out.win,
            "lose" => &mut out.lose,
            "victory" => &mut out.victory,
            "contest" => &mut out.contest,
            "prize" => &mut out.prize,
            "opponent" => &mut out.opponent,
            "over" => &mut out.over,
            "during" => &mut out.during,
            "score" => &mut out.score,
            other => {
                return Err(ContestTableError::Kind {
                    line,
                    kind: other.to_string(),
                })
            }
        };
        set.insert(cols[1].to_lowercase());
    }
    Ok(out)
}

/// The shipped table, parsed on first use (empty if it were malformed: the
/// unit tests check it parses).
pub fn table() -> &'static Contests {
    static TABLE: OnceLock<Contests> = OnceLock::new();
    TABLE.get_or_init(|| parse(CONTESTS_TSV).unwrap_or_default())
}

/// What an act word says of its subject or owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Win,
    Lose,
    Victory,
}

pub(crate) fn run(ctx: &Ctx, p: &Para, from: usize, out: &mut Vec<Draft>) {
    let t = table();
    for a in 0..p.len() {
        scores(ctx, t, p, a, from, out);
        let Some(act) = act_of(t, p, a) else { continue };
        opponents(ctx, t, p, a, act, from, out);
        if act == Act::Win {
            prize_events(ctx, t, p, a, from, out);
            gapped_prizes(ctx, t, p, a, from, out);
        }
    }
}

/// Whether token `a` is a win or lose verb used as one, or a victory noun.
fn act_of(t: &Contests, p: &Para, a: usize) -> Option<Act> {
    let tok = p.tok(a);
    let lemma = tok.lemma.to_lowercase();
    match tok.pos.as_str() {
        "NOUN" if t.victory.contains(&lemma) => Some(Act::Victory),
        "VERB" => {
            let reflexive = p.children[a].iter().any(|&c| {
                let k = p.tok(c);
                k.pos == "PRON" && matches!(k.lemma.to_lowercase().as_str(), "se" | "soi") && k.dep != "nsubj"
            });
            let listed =
                |set: &HashSet<String>| set.contains(&lemma) || (reflexive && set.contains(&format!("se {lemma}")));
            if listed(&t.win) {
                Some(Act::Win)
            } else if listed(&t.lose) {
                Some(Act::Lose)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The direct objects of a verb that are nouns or names (not clitics).
fn noun_objects(p: &Para, v: usize) -> Vec<usize> {
    p.kids(v, "obj").filter(|&o| p.tok(o).pos != "PRON").collect()
}

/// Whether a win verb's object names a contest or a prize ("le second
/// tour", "l'or", a named event); a verb with no noun object wins too
/// ("X l'emporte", "X gagne face à Y").
fn wins_a_contest(ctx: &Ctx, t: &Contests, p: &Para, v: usize) -> bool {
    let objects = noun_objects(p, v);
    objects.is_empty()
        || objects.iter().any(|&o| {
            t.contest.contains(p.lemma(o))
                || ctx
                    .table
                    .entity_at(p.index, o)
                    .is_some_and(|e| ctx.kind(e) == EntityKind::Misc)
        })
}

/// Whether an entity may stand for a competitor: a person, a body, or a
/// place standing for its team or its people.
fn competitor(ctx: &Ctx, v: &Value) -> bool {
    matches!(v.object, Object::Entity(e) if ctx.kind(e) != EntityKind::Misc)
}

/// The opponents of act `a`: phrases introduced by an opponent preposition
/// (or "sur" after an `over` word) that hang under the act without another
/// verb on the way, or, for a noun, on the verb governing it after it
/// ("applaudir leur victoire face à Y" with "face à Y" on "applaudir").
fn opponent_tokens(t: &Contests, p: &Para, a: usize) -> Vec<(usize, String)> {
    let lemma = p.lemma(a).to_string();
    let range = p.sentence_range(a);
    let governor = (p.tok(a).pos == "NOUN" && p.tok(a).dep == "obj")
        .then(|| p.head(a))
        .flatten();
    let mut out = Vec::new();
    for o in range {
        if o == a {
            continue;
        }
        let Some(prep) = p.prep(o) else { continue };
        let fits = t.opponent.contains(&prep) || (prep == "sur" && t.over.contains(&lemma));
        if !fits {
            continue;
        }
        let under = under_act(p, o, a) || governor.is_some_and(|g| o > a && p.head(o) == Some(g));
        if under {
            let written = if prep == "face" { "face à".to_string() } else { prep };
            out.push((o, written));
        }
    }
    out
}

/// Whether `o` hangs under `a` within three steps, with no verb between.
fn under_act(p: &Para, o: usize, a: usize) -> bool {
    let mut x = o;
    for _ in 0..4 {
        let Some(h) = p.head(x) else { return false };
        if h == a {
            return true;
        }
        if matches!(p.tok(h).pos.as_str(), "VERB" | "AUX") {
            return false;
        }
        x = h;
    }
    false
}

/// The owner of a victory noun: its "de" complement, else the entity its
/// possessive stands for (the nearest competitor named before it in the
/// sentence: "encourager les Bleus et applaudir leur victoire").
fn owners(ctx: &Ctx, p: &Para, n: usize) -> Vec<Value> {
    let own: Vec<Value> = p
        .kids(n, "nmod")
        .filter(|&c| c > n && p.prep(c).as_deref() == Some("de"))
        .take(1)
        .flat_map(|c| ctx.values(p, c, None))
        .filter(|v| competitor(ctx, v))
        .collect();
    if !own.is_empty() {
        return own;
    }
    if !p.kids(n, "det").any(|d| p.morph_has(d, "Poss=Yes")) {
        return Vec::new();
    }
    let start = p.sentence_range(n).start;
    for k in (start..n).rev() {
        let Some(e) = ctx.table.entity_at(p.index, k) else {
            continue;
        };
        if ctx.kind(e) == EntityKind::Misc {
            continue;
        }
        return vec![Value {
            object: Object::Entity(e),
            factor: 0.8,
            token: k,
            phrase: Vec::new(),
        }];
    }
    Vec::new()
}

fn opponents(ctx: &Ctx, t: &Contests, p: &Para, a: usize, act: Act, from: usize, out: &mut Vec<Draft>) {
    match act {
        Act::Win if !wins_a_contest(ctx, t, p, a) => return,
        Act::Lose if !noun_objects(p, a).is_empty() => return,
        _ => {}
    }
    let found = opponent_tokens(t, p, a);
    if found.is_empty() {
        return;
    }
    let sides: Vec<Value> = match act {
        Act::Victory => owners(ctx, p, a),
        _ if is_passive(p, a) => p.kids(a, "obl:agent").flat_map(|g| ctx.values(p, g, None)).collect(),
        _ => grammatical_subjects(ctx, p, a, 0),
    };
    let sides: Vec<Value> = sides.into_iter().filter(|v| competitor(ctx, v)).collect();
    if sides.is_empty() {
        return;
    }
    let tok = p.tok(a);
    let reflexive = tok.pos == "VERB"
        && p.children[a]
            .iter()
            .any(|&c| p.tok(c).pos == "PRON" && p.lemma(c) == "se");
    let word = tok.lemma.to_lowercase();
    let word = match (reflexive, word.chars().next()) {
        (true, Some('a' | 'e' | 'é' | 'i' | 'o' | 'u' | 'h')) => format!("s'{word}"),
        (true, _) => format!("se {word}"),
        (false, _) => word,
    };
    let verb = if tok.pos == "VERB" {
        Some(a)
    } else {
        p.head(a).filter(|&h| p.tok(h).pos == "VERB")
    };
    for (o, prep) in found {
        let others: Vec<Value> = ctx
            .values(p, o, None)
            .into_iter()
            .filter(|v| competitor(ctx, v))
            .collect();
        for other in &others {
            // The verb's own reading took the opponent for a second object
            // ("a remporté le tour …, face à Y" → "wins Y"), or for an
            // argument of the verb governing a victory ("ont célébré la
            // victoire contre Y" → "célébrer … Y"): neither is the fact.
            if let Some(verb) = verb {
                drop_rows(out, from, |d| {
                    d.para == p.index
                        && d.verb == Some(verb)
                        && d.rule != RULE
                        && d.object == other.object
                        && d.tokens.get(2) == Some(&other.token)
                });
            }
            for side in &sides {
                if side.object == other.object {
                    continue;
                }
                let (winner, loser) = if act == Act::Lose { (other, side) } else { (side, other) };
                let (Object::Entity(w), Object::Entity(_)) = (&winner.object, &loser.object) else {
                    continue;
                };
                let mut d = Draft::new(
                    RULE,
                    p.index,
                    *w,
                    "defeats".to_string(),
                    format!("{word} {prep}"),
                    loser.object.clone(),
                );
                d.tokens = vec![winner.token, a, loser.token];
                d.verb = verb;
                d.confidence *= side.factor * other.factor;
                out.push(d);
            }
        }
    }
}

/// The first object of `v` that is a prize noun ("l'or", "le titre").
fn prize_object(t: &Contests, p: &Para, v: usize) -> Option<usize> {
    noun_objects(p, v).into_iter().find(|&o| t.prize.contains(p.lemma(o)))
}

/// "X a remporté l'or lors du Grand Prix de Z": a win verb whose object is
/// a prize, with a named event (not a place, not a person) introduced by a
/// `during` preposition on the verb or the prize: X wins the event.
fn prize_events(ctx: &Ctx, t: &Contests, p: &Para, v: usize, from: usize, out: &mut Vec<Draft>) {
    let Some(prize) = prize_object(t, p, v) else {
        return;
    };
    if is_passive(p, v) {
        return;
    }
    // Complements of the verb and of the prize; "lors" may stand as a word
    // of its own with the event below it ("lors" + "du Grand Prix").
    let mut hosts = vec![v, prize];
    for h in [v, prize] {
        hosts.extend(
            p.children[h]
                .iter()
                .copied()
                .filter(|&c| p.tok(c).text.to_lowercase() == "lors"),
        );
    }
    let mut events = Vec::new();
    for &h in &hosts {
        let after_lors = p.tok(h).text.to_lowercase() == "lors";
        for &c in &p.children[h] {
            let dep = p.tok(c).dep.as_str();
            if !(dep.starts_with("obl") || dep == "nmod") || c < prize {
                continue;
            }
            let Some(prep) = p.prep(c) else { continue };
            let fits = if after_lors {
                prep == "de"
            } else {
                t.during.contains(&prep)
            };
            if fits && !events.contains(&c) {
                events.push(c);
            }
        }
    }
    if events.is_empty() {
        return;
    }
    let winners: Vec<Value> = grammatical_subjects(ctx, p, v, 0)
        .into_iter()
        .filter(|w| competitor(ctx, w))
        .collect();
    let verb = p.lemma(v);
    let prize_word = p.lemma(prize);
    for &c in &events {
        // The event itself, not its place: a named event only.
        let Some(e) = ctx
            .table
            .entity_at(p.index, c)
            .filter(|&e| matches!(ctx.kind(e), EntityKind::Misc | EntityKind::Organization))
        else {
            continue;
        };
        let prep = match p.prep(c).as_deref() {
            Some("de") | None => "lors de".to_string(),
            Some(other) => other.to_string(),
        };
        for w in &winners {
            let Object::Entity(subject) = w.object else { continue };
            // The verb's vaguer row on the same pair ("relatedTo") gives way.
            drop_rows(out, from, |d| {
                d.para == p.index
                    && d.verb == Some(v)
                    && d.rule != RULE
                    && d.predicate == "relatedTo"
                    && d.subject == Node::Entity(subject)
                    && d.object == Object::Entity(e)
            });
            let mut d = Draft::new(
                RULE,
                p.index,
                subject,
                "wins".to_string(),
                format!("{verb} {prize_word} {prep}"),
                Object::Entity(e),
            );
            d.tokens = vec![w.token, v, c];
            d.verb = Some(v);
            d.confidence *= w.factor;
            out.push(d);
        }
    }
}

/// "X a remporté l'or, Y l'argent et Z le bronze": after a win verb's
/// prize, the parser hangs each gapped clause's competitor and prize on
/// the first prize as conjuncts. A competitor followed by a prize (those
/// before it, joined by "et", share it) wins that prize; the verb's rows
/// that made the first subject win them are dropped.
fn gapped_prizes(ctx: &Ctx, t: &Contests, p: &Para, v: usize, from: usize, out: &mut Vec<Draft>) {
    let Some(first) = prize_object(t, p, v) else {
        return;
    };
    let end = p.sentence_range(v).end;
    let mut pending: Vec<usize> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for k in first + 1..end {
        if !p.dominated_by(k, first) || !matches!(p.tok(k).pos.as_str(), "NOUN" | "PROPN") {
            continue;
        }
        let prize = t.prize.contains(p.lemma(k));
        if prize && !pending.is_empty() {
            pairs.extend(pending.drain(..).map(|c| (c, k)));
        } else if !prize && p.tok(k).dep == "conj" {
            pending.push(k);
        }
    }
    if pairs.is_empty() {
        return;
    }
    let gapped: Vec<usize> = pairs.iter().flat_map(|&(c, k)| [c, k]).collect();
    drop_rows(out, from, |d| {
        d.para == p.index && d.verb == Some(v) && d.rule != RULE && d.tokens.get(2).is_some_and(|o| gapped.contains(o))
    });
    let verb = p.lemma(v).to_string().to_string();
    // The first prize is the subject's ("X a remporté l'or"), which the
    // verb's reading may have lost among the conjuncts.
    let kept = out[from..]
        .iter()
        .any(|d| d.para == p.index && d.verb == Some(v) && d.tokens.get(2) == Some(&first));
    if !kept {
        if let Some((text, phrase)) = ctx.literal_phrase(p, first, None) {
            for s in grammatical_subjects(ctx, p, v, 0)
                .into_iter()
                .filter(|s| competitor(ctx, s))
            {
                let Object::Entity(subject) = s.object else { continue };
                let mut d = Draft::new(
                    RULE,
                    p.index,
                    subject,
                    "wins".to_string(),
                    verb.clone(),
                    Object::text(&text),
                );
                d.tokens = vec![s.token, v, first];
                d.span = phrase.clone();
                d.verb = Some(v);
                d.confidence *= s.factor * 0.9;
                out.push(d);
            }
        }
    }
    for (c, k) in pairs {
        let Some(winner) = ctx.value(p, c, None).filter(|w| competitor(ctx, w)) else {
            continue;
        };
        let Object::Entity(subject) = winner.object else {
            continue;
        };
        let Some((text, phrase)) = ctx.literal_phrase(p, k, None) else {
            continue;
        };
        let mut d = Draft::new(
            RULE,
            p.index,
            subject,
            "wins".to_string(),
            verb.clone(),
            Object::text(text),
        );
        d.tokens = vec![c, v, k];
        d.span = phrase;
        d.verb = Some(v);
        d.confidence *= winner.factor * 0.9;
        out.push(d);
    }
}

/// "X a remporté le second tour avec 54 % des voix", "X a été élu avec
/// 55 % des suffrages": a number "avec" a win verb, or a `score` verb (an
/// election's), is what the winner obtained.
fn scores(ctx: &Ctx, t: &Contests, p: &Para, v: usize, from: usize, out: &mut Vec<Draft>) {
    let tok = p.tok(v);
    let lemma = tok.lemma.to_lowercase();
    if tok.pos != "VERB" || !(t.score.contains(&lemma) || act_of(t, p, v) == Some(Act::Win)) {
        return;
    }
    // The active winner, or the one elected (a passive's written subject).
    if is_passive(p, v) && p.kids(v, "obl:agent").next().is_some() {
        return;
    }
    // On the verb, or on its object ("le second tour … avec 54 %"); a
    // counted phrase ("54 % des voix", "529 points").
    let hosts: Vec<usize> = std::iter::once(v)
        .chain(p.children[v].iter().copied().filter(|&c| {
            let dep = p.tok(c).dep.as_str();
            p.tok(c).pos == "NOUN" && (dep == "obj" || dep == "xcomp" || dep == "obl:mod") && p.prep(c).is_none()
        }))
        .collect();
    let amounts: Vec<Value> = hosts
        .iter()
        .flat_map(|&h| p.children[h].iter().copied())
        .filter(|&c| {
            let dep = p.tok(c).dep.as_str();
            (dep.starts_with("obl") || dep == "nmod")
                && p.prep(c).as_deref() == Some("avec")
                && (counted(p, c) || p.kids(c, "nummod").any(|n| counted(p, n)))
        })
        .filter_map(|c| {
            let (_, phrase) = ctx.literal_phrase(p, c, None)?;
            // Up to the next comma: "54 % des voix, face à Y" is no score.
            let comma = (c..p.len()).find(|&k| p.tok(k).text == ",");
            let phrase: Vec<usize> = phrase.into_iter().filter(|&k| comma.is_none_or(|m| k < m)).collect();
            let text = ctx.render(p, &phrase);
            let kind = if super::quantity::parse(&text).is_some() {
                crate::facts::LiteralKind::Number
            } else {
                crate::facts::LiteralKind::Text
            };
            Some(Value {
                object: Object::Literal(crate::facts::Literal { text, kind }),
                factor: 1.0,
                token: c,
                phrase,
            })
        })
        .collect();
    if amounts.is_empty() {
        return;
    }
    for w in grammatical_subjects(ctx, p, v, 0)
        .into_iter()
        .filter(|w| competitor(ctx, w))
    {
        let Object::Entity(subject) = w.object else { continue };
        for x in &amounts {
            // The verb's vaguer row on the same number gives way.
            drop_rows(out, from, |d| {
                d.para == p.index
                    && d.verb == Some(v)
                    && d.rule != RULE
                    && d.predicate == "relatedTo"
                    && d.subject == Node::Entity(subject)
                    && d.tokens.get(2) == Some(&x.token)
            });
            let mut d = Draft::new(
                RULE,
                p.index,
                subject,
                "obtains".to_string(),
                format!("{lemma} avec"),
                x.object.clone(),
            );
            d.tokens = vec![w.token, v, x.token];
            d.span = x.phrase.clone();
            d.verb = Some(v);
            d.confidence *= w.factor * x.factor;
            out.push(d);
        }
    }
}

/// A number as written: a `NUM` token or a word opening with a digit ("55,14%").
fn counted(p: &Para, k: usize) -> bool {
    p.tok(k).pos == "NUM" || p.tok(k).text.starts_with(|c: char| c.is_ascii_digit())
}

/// Removes the drafts made since `from` (this paragraph's) that `gone` picks.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_table_parses() {
        let t = parse(CONTESTS_TSV).expect("contests.tsv parses");
        assert!(t.win.contains("remporter"));
        assert!(t.opponent.contains("face"));
        assert!(t.prize.contains("or"));
    }

    #[test]
    fn bad_rows_are_errors() {
        assert_eq!(parse("win\n"), Err(ContestTableError::Columns { line: 1, found: 1 }));
        assert!(matches!(
            parse("gagne\tx\n"),
            Err(ContestTableError::Kind { line: 1, .. })
        ));
    }
}
