//! Places named together: "à Djeddah, en Arabie saoudite" says that the
//! first place lies in the second; "Trèbes (Aude)", "l'observatoire X en
//! Californie" and "le parquet de Lyon" say where a place, an organisation
//! or a thing a fact is about lies.
//!
//! "Périgueux, chef-lieu du département, …" says what kind of place a
//! place is (`isA` with the place-noun phrase, [`apposed_geo`]).
//!
//! Owns these patterns only: the comma form needs two place entities; the
//! phrase form ([`in_phrase`]) needs a place entity inside the noun phrase
//! of another entity, or of a concept some fact already has for subject.

use crate::facts::{EntityKind, Node, Object};

use super::lexicon::Class;
use super::{Ctx, Draft, Para};

pub(crate) fn run(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    in_phrase(ctx, p, out);
    after_comma(ctx, p, out);
    in_brackets(ctx, p, out);
    next_to(ctx, p, out);
    described(ctx, p, out);
    apposed_geo(ctx, p, out);
    near(ctx, p, out);
    where_lies(ctx, p, out);
    where_happened(ctx, p, out);
}

/// The place entity a token names (not a demonym adjective such as
/// "française"; a capitalised name the tagger took for an adjective counts).
fn place_at(ctx: &Ctx, p: &Para, t: usize) -> Option<usize> {
    let tok = p.tok(t);
    ctx.table.entity_at(p.index, t).filter(|&e| {
        ctx.kind(e) == EntityKind::Place
            && (tok.pos != "ADJ" || tok.text.chars().next().is_some_and(char::is_uppercase))
    })
}

/// Token just past the mention of `e` that covers token `t`.
fn mention_end(ctx: &Ctx, p: &Para, mut t: usize, e: usize) -> usize {
    while t < p.len() && ctx.table.entity_at(p.index, t) == Some(e) {
        t += 1;
    }
    t
}

/// Whether token `t` is the last of its place mention.
fn ends_place(ctx: &Ctx, p: &Para, t: usize) -> Option<usize> {
    let e = place_at(ctx, p, t)?;
    (t + 1 >= p.len() || place_at(ctx, p, t + 1) != Some(e)).then_some(e)
}

/// A `locatedIn` draft from the tokens `at` (holder) and `of` (place).
fn located(p: &Para, holder: Node, lemma: &str, place: usize, at: usize, of: usize) -> Draft {
    let mut d = Draft::new(
        "place",
        p.index,
        holder,
        "locatedIn".to_string(),
        lemma.to_string(),
        Object::Entity(place),
    );
    d.tokens = vec![at, of];
    d
}

/// The place named in brackets right after a place name: "Trèbes (Aude)",
/// "Rosario (Argentine)", read from the words (parsers attach the bracket
/// anywhere). A country before the bracket is left alone: "Suisse
/// (Switzerland)" is a translation, not a containment, and a road's number
/// ("A52") is followed by points on the road. Returns the bracket's place,
/// its first token and the token after ")".
fn bracket_after(ctx: &Ctx, p: &Para, a: usize) -> Option<(usize, usize, usize)> {
    let inner = ends_place(ctx, p, a)?;
    if a + 2 >= p.len() || p.tok(a + 1).text != "(" || is_country(ctx, inner) {
        return None;
    }
    // "A52 (péage de X)": a road's number is followed by the points on it.
    if p.tok(a).text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let k = after_articles(p, a + 2);
    let outer = (k < p.len()).then(|| place_at(ctx, p, k)).flatten()?;
    let end = mention_end(ctx, p, k, outer);
    if outer == inner || end >= p.len() || p.tok(end).text != ")" {
        return None;
    }
    let same = |x: usize, y: usize| {
        let label = |e: usize| ctx.table.entities.get(e).map(|n| crate::names::fold(&n.label));
        label(x) == label(y)
    };
    (!same(inner, outer)).then_some((outer, k, end + 1))
}

/// "Trèbes (Aude)": the first place lies in the bracketed one.
fn in_brackets(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for a in 0..p.len() {
        let Some((outer, k, _)) = bracket_after(ctx, p, a) else {
            continue;
        };
        let Some(inner) = place_at(ctx, p, a) else { continue };
        out.push(located(p, Node::Entity(inner), "dans", outer, a, k));
    }
}

/// "l'observatoire Lick en Californie", "Weibersbrunn en Allemagne": a
/// place or organisation name followed at once by "en" and a place name,
/// read from the words. Not when the first name is a country ("la Serbie
/// en Russie" is rather where it played) or a person, nor when the second
/// place starts a list ("en France et en Belgique").
fn next_to(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for a in 0..p.len().saturating_sub(2) {
        let Some(holder) = ctx.table.entity_at(p.index, a) else {
            continue;
        };
        if ctx.table.entity_at(p.index, a + 1) == Some(holder)
            || p.tok(a + 1).text.to_lowercase() != "en"
            || p.tok(a).pos == "ADJ"
        {
            continue;
        }
        match ctx.kind(holder) {
            EntityKind::Place if !is_country(ctx, holder) => {}
            EntityKind::Organization => {}
            _ => continue,
        }
        let Some(outer) = place_at(ctx, p, a + 2).filter(|&o| o != holder) else {
            continue;
        };
        let end = mention_end(ctx, p, a + 2, outer);
        if end < p.len() && matches!(p.tok(end).lemma.as_str(), "et" | "ou") {
            continue;
        }
        out.push(located(p, Node::Entity(holder), "en", outer, a, a + 2));
    }
}

/// A place described by a place noun (`geo` in lexicon.tsv) with a country
/// or region: "la capitale colombienne, Bogota" (a demonym), "la capitale
/// de la Colombie, Bogota", "Bogota, capitale de la Colombie", read from the
/// words. The lemma is the noun ("capitale"). "le maire de Lyon, X" is no
/// such phrase: "maire" is a title, not a place noun.
fn described(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for n in 0..p.len() {
        let noun = p.tok(n);
        let lemma = noun.lemma.to_lowercase();
        if noun.pos != "NOUN" || !ctx.is(Class::Geo, &lemma) || ctx.table.entity_at(p.index, n).is_some() {
            continue;
        }
        // The country or region: a demonym right after the noun, or "de X".
        let mut k = n + 1;
        let region = if k < p.len() && p.tok(k).pos == "ADJ" {
            let r = ctx.table.demonym_country(p.index, k);
            k += 1;
            r
        } else if k < p.len() && matches!(p.tok(k).text.to_lowercase().as_str(), "de" | "du" | "d'" | "d\u{2019}") {
            k += 1;
            k = after_articles(p, k);
            let r = (k < p.len()).then(|| place_at(ctx, p, k)).flatten();
            if let Some(e) = r {
                k = mention_end(ctx, p, k, e);
            }
            r
        } else {
            None
        };
        let Some(region) = region else { continue };
        // "la capitale colombienne, Bogota": the name after a comma.
        let after = (k + 1 < p.len() && p.tok(k).text == ",")
            .then(|| ends_or_starts(ctx, p, k + 1))
            .flatten();
        // "Bogota, (la) capitale de la Colombie": the name before the comma.
        let b = before_articles(p, n);
        let before = (b >= 2 && p.tok(b - 1).text == ",")
            .then(|| ends_place(ctx, p, b - 2))
            .flatten();
        for (place, at) in [(after, k + 1), (before, b.saturating_sub(2))] {
            let Some(place) = place.filter(|&e| e != region && !is_country(ctx, e)) else {
                continue;
            };
            out.push(located(p, Node::Entity(place), &lemma, region, at, n));
        }
    }
}

/// "Périgueux, chef-lieu du département périgourdin, …", "Lyon, ville de
/// la région X,": a place name followed by a comma and a phrase opened by a
/// place noun (`geo` in lexicon.tsv, a hyphenated one read whole) and
/// closed by a comma, a bracket or the sentence's end, read from the words
/// (the parser often hangs such a phrase elsewhere): the place `isA` that
/// phrase, lemma the noun.
fn apposed_geo(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    const MOST_WORDS: usize = 8;
    for a in 0..p.len().saturating_sub(2) {
        let Some(place) = ends_place(ctx, p, a) else { continue };
        if p.tok(a + 1).text != "," {
            continue;
        }
        let mut n = a + 2;
        if n < p.len() && matches!(p.tok(n).pos.as_str(), "DET") {
            n += 1;
        }
        if n >= p.len() || p.tok(n).pos != "NOUN" || ctx.table.entity_at(p.index, n).is_some() {
            continue;
        }
        // "chef-lieu": a compound the tokenizer cut in three.
        let compound =
            n + 2 < p.len() && p.tok(n + 1).text == "-" && !p.tok(n).space_after && !p.tok(n + 1).space_after;
        let (lemma, first) = if compound {
            (format!("{}-{}", p.tok(n).text, p.tok(n + 2).text).to_lowercase(), n + 3)
        } else {
            (p.lemma(n).to_string(), n + 1)
        };
        if !ctx.is(Class::Geo, &lemma) {
            continue;
        }
        let sentence = p.sentence_range(n);
        let Some(end) = (first..sentence.end).find(|&k| matches!(p.tok(k).text.as_str(), "," | "(" | ")" | ";" | "."))
        else {
            continue;
        };
        let words: Vec<usize> = (n..end).collect();
        if words.len() > MOST_WORDS
            || words
                .iter()
                .any(|&k| matches!(p.tok(k).pos.as_str(), "VERB" | "AUX" | "PRON"))
        {
            continue;
        }
        let text = ctx.render(p, &words);
        if text.is_empty() {
            continue;
        }
        let mut d = Draft::new(
            "place",
            p.index,
            Node::Entity(place),
            "isA".to_string(),
            lemma,
            Object::text(text),
        );
        d.tokens = vec![a, n];
        d.span = words;
        out.push(d);
    }
}

/// The place whose mention starts at token `t`.
fn ends_or_starts(ctx: &Ctx, p: &Para, t: usize) -> Option<usize> {
    let e = place_at(ctx, p, t)?;
    (t == 0 || place_at(ctx, p, t - 1) != Some(e)).then_some(e)
}

/// Whether the place complement `c` of `h` is an item of a list of
/// places each with its own preposition: ", à Y" after "à X", with
/// another item of the same shape before or after it (", à Z", "et à
/// Z"). Two places
/// alone ("à l'hôtel X, à Gammarth") may be one inside the other.
fn in_list(p: &Para, h: usize, c: usize) -> bool {
    let case = |t: usize| p.kids(t, "case").next();
    let (Some(ch), Some(cc)) = (case(h), case(c)) else {
        return false;
    };
    let word = |t: usize| p.tok(t).text.to_lowercase();
    if word(ch) != word(cc) || cc == 0 || p.tok(cc - 1).text != "," {
        return false;
    }
    let end = p.subtree(c).last().copied().unwrap_or(c);
    let next_item = (end + 1..p.len().min(end + 3))
        .any(|k| word(k) == word(cc) && matches!(p.tok(k - 1).text.to_lowercase().as_str(), "," | "et" | "ou"));
    let previous_item = ch >= 2 && p.tok(ch - 1).text == "," && p.prep(ch - 2).is_none() && {
        // ", à X, à Y": an item before h too.
        (0..ch.saturating_sub(1))
            .rev()
            .take(6)
            .any(|k| word(k) == word(cc) && k > 0 && p.tok(k - 1).text == ",")
    };
    let coordinated = p.kids(c, "conj").any(|j| case(j).is_some_and(|k| word(k) == word(cc)));
    next_item || previous_item || coordinated
}

/// "Trèbes (Aude)", "Lick en Californie", "le parquet de Lyon", "le siège
/// de X à Yokohama": a place entity in the phrase of a noun, as a
/// parenthesis, or a complement with "en", "dans", "à" or "de". The holder
/// is a place or organisation entity, or a concept already used as a
/// subject in the document; never an item of a list with the same
/// preposition ("à Nîmes, à Alès"), a person, a title ("le maire de Lyon"
/// is a role) or, with "de", an act ("la victoire de la France" names the
/// actor, not a place).
fn in_phrase(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for c in 0..p.len() {
        let Some(place) = ctx
            .table
            .entity_at(p.index, c)
            .filter(|&e| ctx.kind(e) == EntityKind::Place && p.tok(c).pos != "ADJ")
        else {
            continue;
        };
        let Some(h) = p.head(c) else { continue };
        // The mention's head token, hanging on a noun outside the mention.
        if ctx.table.entity_at(p.index, h) == Some(place) || !matches!(p.tok(h).pos.as_str(), "NOUN" | "PROPN") {
            continue;
        }
        let first = p.subtree(c)[0];
        // "X (Y)", "l'usine X à Lyon (Rhône)": the bracket follows the
        // holder's own word or a place complement of it, not a name the
        // parser hung elsewhere ("des Gilets jaunes … à côté de X (Yonne)").
        let parenthesis = first > 1
            && p.tok(first - 1).text == "("
            && first - 1 > h
            && (first - 2 == h
                || ctx
                    .table
                    .entity_at(p.index, first - 2)
                    .is_some_and(|e| ctx.table.entity_at(p.index, h) == Some(e))
                || place_complement_of(ctx, p, first - 2, h));
        let prep = p.prep(c);
        let dep = p.tok(c).dep.as_str();
        let linked = match (dep, prep.as_deref()) {
            ("nmod", Some(x @ ("en" | "dans" | "à" | "de"))) => Some(x.to_string()),
            ("appos" | "nmod" | "dep", None) if parenthesis => Some("(".to_string()),
            _ => None,
        };
        let Some(linked) = linked else { continue };
        // "dans Rome, près du Colisée": a place next to, not holding, the other.
        if linked == "de" && p.kids(c, "case").next().is_some_and(|k| near_before(ctx, p, k)) {
            continue;
        }
        // "des blocages à Nîmes, à Alès et à Uzès": items of a list each
        // with the same preposition are places side by side, not one in
        // the other ("à Trèbes, dans l'Aude" is containment).
        if in_list(p, h, c) {
            continue;
        }
        let lemma = p.lemma(h);
        if ctx.is(Class::Title, lemma) || ctx.role_at.contains_key(&(p.index, h)) {
            continue;
        }
        let owned = (p.tok(h).pos == "NOUN"
            && linked != "de"
            && !ctx.lex.has_lemma(lemma)
            && !ctx.is(Class::Collective, lemma))
        .then(|| owner(ctx, p, h, c))
        .flatten();
        let holder = match ctx.table.entity_at(p.index, h) {
            Some(e) if e == place => continue,
            Some(e) if matches!(ctx.kind(e), EntityKind::Place | EntityKind::Organization) => Node::Entity(e),
            Some(_) => continue,
            // "la victoire de la Belgique": a country after "de" is an actor
            // as often as a place; "l'armée de X", "les employés de X" are
            // X's people (the concept's named entity), not things lying there;
            // "un collaborateur de X" works for X (the affiliate class);
            // "une centaine de X" counts X (the group class).
            // "l'établissement de Super U à Trèbes", "le siège de Nissan à
            // Yokohama": the organisation the noun belongs to lies there.
            None if owned.is_some() => match owned {
                Some(o) => Node::Entity(o),
                None => continue,
            },
            None if p.tok(h).pos == "NOUN"
                && !(linked == "de"
                    && (ctx.lex.has_lemma(lemma)
                        || ctx.is(Class::Collective, lemma)
                        || ctx.is(Class::Affiliate, lemma)
                        || ctx.is(Class::Group, lemma)
                        || is_country(ctx, place))) =>
            {
                let Some((text, _)) = ctx.literal_phrase(p, h, None) else {
                    continue;
                };
                match ctx.concepts.find(&text) {
                    Some(concept) => Node::Concept(concept),
                    None => continue,
                }
            }
            None => continue,
        };
        let mut d = Draft::new(
            "place",
            p.index,
            holder,
            "locatedIn".to_string(),
            if linked == "(" { "dans".to_string() } else { linked },
            Object::Entity(place),
        );
        d.tokens = vec![h, c];
        out.push(d);
    }
}

/// Whether token `t` lies in a place mention whose head hangs on `h` as a
/// complement ("Lyon" in "l'usine X à Lyon"), not as an item of a list.
fn place_complement_of(ctx: &Ctx, p: &Para, t: usize, h: usize) -> bool {
    let Some(e) = place_at(ctx, p, t) else { return false };
    let mut s = t;
    while s > 0 && place_at(ctx, p, s - 1) == Some(e) {
        s -= 1;
    }
    (s..mention_end(ctx, p, s, e)).any(|k| p.head(k) == Some(h) && p.tok(k).dep == "nmod" && p.prep(k).is_some())
}

/// The organisation (or other non-person, non-place name) in the "de"
/// complement of noun `h`, written between `h` and token `c`.
fn owner(ctx: &Ctx, p: &Para, h: usize, c: usize) -> Option<usize> {
    p.children[h].iter().copied().filter(|&k| k > h && k < c).find_map(|k| {
        let e = ctx.table.entity_at(p.index, k)?;
        let de = p.tok(k).dep == "nmod" && p.prep(k).as_deref() == Some("de");
        (de && matches!(ctx.kind(e), EntityKind::Organization | EntityKind::Misc)).then_some(e)
    })
}

/// Whether the place name ending at token `a` (its tokens told by `of`)
/// is written after ", en", ", au" or ", aux" (and articles).
fn chained(p: &Para, a: usize, of: impl Fn(usize) -> bool) -> bool {
    let mut s = a;
    while s > 0 && of(s - 1) {
        s -= 1;
    }
    s = before_articles(p, s);
    s >= 2 && matches!(p.tok(s - 1).text.to_lowercase().as_str(), "en" | "au" | "aux") && p.tok(s - 2).text == ","
}

/// Whether an entity is a country of the demonym table.
fn is_country(ctx: &Ctx, e: usize) -> bool {
    let Some(entity) = ctx.table.entities.get(e) else {
        return false;
    };
    crate::extract::entities::tables::tables()
        .countries
        .contains(&crate::names::fold(&entity.label))
}

/// "à Djeddah, en Arabie saoudite".
fn after_comma(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    let place = |t: usize| {
        ctx.table
            .entity_at(p.index, t)
            .filter(|&e| ctx.kind(e) == EntityKind::Place && p.tok(t).pos != "ADJ")
    };
    for a in 0..p.len() {
        let Some(inner) = place(a) else { continue };
        // A country reached by a chain lies in no place named after it
        // ("à Lyon, en France, en Espagne" is a list).
        if is_country(ctx, inner) && chained(p, a, |t| place(t) == Some(inner)) {
            continue;
        }
        // Only the last token of a name starts the pattern.
        if a + 1 < p.len() && place(a + 1) == Some(inner) {
            continue;
        }
        let mut k = a + 1;
        // "Trèbes (Aude), en France": the bracketed place is the one in the
        // country. "Suisse (Switzerland)" alone is a translation as often
        // as a containment: only the comma form counts.
        let (inner, a) = match bracket_after(ctx, p, a) {
            Some((outer, at, next)) => {
                k = next;
                (outer, at)
            }
            None => (inner, a),
        };
        let sep = k < p.len() && p.tok(k).text == ",";
        if !sep {
            continue;
        }
        k += 1;
        // Countries and regions take "en"/"au"/"aux", a region also
        // "dans" ("Trèbes, dans l'Aude"); "X, à Y" is rather a list.
        let prep = p.tok(k.min(p.len() - 1)).text.to_lowercase();
        if k >= p.len() || p.tok(k).pos != "ADP" || !matches!(prep.as_str(), "en" | "au" | "aux" | "dans") {
            continue;
        }
        k += 1;
        k = after_articles(p, k);
        // "X, dans la province de Y": the place noun names the region.
        k = past_region_noun(ctx, p, k);
        let Some(outer) = (k < p.len()).then(|| place(k)).flatten() else {
            continue;
        };
        if outer == inner {
            continue;
        }
        // The outer place must end the phrase (not start a list of places).
        let mut e = k;
        while e + 1 < p.len() && place(e + 1) == Some(outer) {
            e += 1;
        }
        // "X, dans l'Eure, la Somme, …": the outer place opens a list.
        let f = after_articles(p, e + 2);
        if e + 1 < p.len() && p.tok(e + 1).text == "," && f < p.len() {
            if let Some(next) = place(f).filter(|&x| x != outer) {
                let after = mention_end(ctx, p, f, next);
                if after < p.len() && matches!(p.tok(after).text.to_lowercase().as_str(), "," | "et" | "ou") {
                    continue;
                }
            }
        }
        // "X, en Y, en Z" is a chain (X in Y, Y in Z), not a list.
        if e + 1 < p.len()
            && (matches!(p.tok(e + 1).lemma.as_str(), "et" | "ou")
                || (p.tok(e + 1).text == ","
                    && e + 2 < p.len()
                    && p.tok(e + 2).pos == "ADP"
                    && matches!(p.tok(e + 2).text.to_lowercase().as_str(), "à" | "au" | "aux" | "dans")))
        {
            continue;
        }
        let mut d = Draft::new(
            "place",
            p.index,
            inner,
            "locatedIn".to_string(),
            prep,
            Object::Entity(outer),
        );
        d.tokens = vec![a, k];
        out.push(d);
    }
}

/// Token after "province de", "département du", "l'État de" (and their
/// articles) when token `k` opens such a phrase: a place noun (`geo` in
/// lexicon.tsv) naming a region that holds what was named before it. A
/// noun for a part ("capitale", "banlieue": `geo-part`) or a smaller place
/// ("quartier", "village", "ville", "commune") is no such region: "à
/// Paris, dans le quartier de X" puts X in Paris. Else `k` itself.
fn past_region_noun(ctx: &Ctx, p: &Para, k: usize) -> usize {
    let Some(noun) = (k + 1 < p.len()).then(|| p.tok(k)) else {
        return k;
    };
    let lemma = noun.lemma.to_lowercase();
    let smaller = matches!(
        lemma.as_str(),
        "quartier" | "village" | "ville" | "commune" | "localité" | "agglomération" | "métropole"
    );
    if noun.pos != "NOUN" || !ctx.is(Class::Geo, &lemma) || ctx.is(Class::GeoPart, &lemma) || smaller {
        return k;
    }
    if !is_de(&p.tok(k + 1).text) {
        return k;
    }
    after_articles(p, k + 2)
}

/// "de", "du", "des", "d'" as written.
fn is_de(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "de" | "du" | "des" | "d'" | "d\u{2019}")
}

/// The words of a `near` locution (lexicon.tsv) starting at token `k`, as
/// (locution, token after it); the longest wins.
fn near_words(ctx: &Ctx, p: &Para, k: usize) -> Option<(String, usize)> {
    (1..=3usize).rev().find_map(|n| {
        let end = k + n;
        if end > p.len() {
            return None;
        }
        let words: Vec<String> = (k..end).map(|t| p.tok(t).text.to_lowercase()).collect();
        let phrase = words.join(" ");
        ctx.is(Class::Near, &phrase).then_some((phrase, end))
    })
}

/// "Tourville, près de Caen", "Saint-Jean à proximité de Lyon", "le pont
/// de X entre A et B": a place next to another, read from the words (the
/// parser hangs such adverbs anywhere): the first place `locatedNear` the
/// second, lemma the locution ("près de", "entre"). The first place is
/// the last one named before the locution, a comma allowed between; a
/// country is too large to be near a place ("en France, près de la
/// frontière" says where in France). "entre A et B" needs no comma and
/// two places that are no countries ("le match entre la France et la
/// Belgique" names teams).
fn near(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for a in 0..p.len().saturating_sub(2) {
        let Some(first) = ends_place(ctx, p, a) else { continue };
        if is_country(ctx, first) || inside_of(ctx, p, a, first) {
            continue;
        }
        let mut k = a + 1;
        let comma = p.tok(k).text == ",";
        if comma {
            k += 1;
        }
        if k < p.len() && !comma && p.tok(k).text.to_lowercase() == "entre" {
            if let Some((x, y, at)) = between(ctx, p, k + 1) {
                for (other, at) in [(x, k + 1), (y, at)] {
                    if other != first {
                        out.push(near_draft(p, first, "entre", other, a, at));
                    }
                }
            }
            continue;
        }
        let Some((locution, mut j)) = near_words(ctx, p, k) else {
            continue;
        };
        if j >= p.len() || !is_de(&p.tok(j).text) {
            continue;
        }
        j += 1;
        j = after_articles(p, j);
        let Some(second) = (j < p.len()).then(|| place_at(ctx, p, j)).flatten() else {
            continue;
        };
        if second == first || place_at(ctx, p, j.saturating_sub(1)) == Some(second) {
            continue;
        }
        out.push(near_draft(p, first, &format!("{locution} de"), second, a, j));
    }
}

/// Whether the place mention ending at token `a` is written after "en" or
/// "dans" (articles allowed): "dans Paris, près de l'Opéra", "en Bavière
/// à proximité de X" say where in that place, not what lies near it.
fn inside_of(ctx: &Ctx, p: &Para, a: usize, e: usize) -> bool {
    let mut s = a;
    while s > 0 && place_at(ctx, p, s - 1) == Some(e) {
        s -= 1;
    }
    s = before_articles(p, s);
    s > 0 && matches!(p.tok(s - 1).text.to_lowercase().as_str(), "en" | "dans")
}

/// Whether a `near` locution (lexicon.tsv) ends right before token `k`
/// ("près" before "du Colisée").
fn near_before(ctx: &Ctx, p: &Para, k: usize) -> bool {
    near_locution_before(ctx, p, k).is_some()
}

/// The `near` locution (lexicon.tsv) that ends right before token `k`, the
/// longest: "à proximité" before "de Lyon".
pub(crate) fn near_locution_before(ctx: &Ctx, p: &Para, k: usize) -> Option<String> {
    near_locution_span(ctx, p, k).map(|(l, _)| l)
}

/// [`near_locution_before`] with the locution's first token.
fn near_locution_span(ctx: &Ctx, p: &Para, k: usize) -> Option<(String, usize)> {
    (1..=3usize).rev().filter(|&n| k >= n).find_map(|n| {
        near_words(ctx, p, k - n)
            .filter(|(_, end)| *end == k)
            .map(|(l, _)| (l, k - n))
    })
}

/// The `near` locution a preposition label written with its "de" names
/// ("près de" -> "près"), if it is one.
pub(crate) fn near_locution<'a>(ctx: &Ctx, label: &'a str) -> Option<&'a str> {
    let words = label.strip_suffix(" de")?;
    ctx.is(Class::Near, words).then_some(words)
}

/// A `near` locution with the phrase its "de" introduces: "près de la
/// gare", "à proximité de Lyon", "non loin de X", "au large de X".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NearPhrase {
    /// The locution as written, with its "de" ("près de", "au large de").
    pub locution: String,
    /// The locution's first token and its "de" token.
    pub first: usize,
    pub de: usize,
    /// The head of the phrase after "de" (a noun or a name).
    pub complement: usize,
}

/// Every `near` locution of the paragraph followed by "de" and a nominal
/// phrase, read from the words: the parser hangs these adverbs and nouns
/// anywhere (an `advmod` of the verb or of its object, an `obl` noun
/// "proximité" with the place as its `nmod`, the place as a `dep` of the
/// adverb), so the words decide and the phrase's head is what "de" hangs
/// on. "Deux camions se sont percutés près de Lyon" gives ("près de",
/// Lyon).
pub(crate) fn near_phrases(ctx: &Ctx, p: &Para) -> Vec<NearPhrase> {
    let mut out = Vec::new();
    for de in 1..p.len() {
        if !is_de(&p.tok(de).text) {
            continue;
        }
        let Some((locution, first)) = near_locution_span(ctx, p, de) else {
            continue;
        };
        let Some(complement) = p
            .head(de)
            .filter(|&c| c > de && matches!(p.tok(c).pos.as_str(), "NOUN" | "PROPN"))
        else {
            continue;
        };
        // "près de 2 000 personnes", "près d'un millier": "près de" before
        // an amount means "nearly".
        let amount = (de + 1..=complement).any(|k| {
            let t = p.tok(k);
            t.pos == "NUM" || t.text.starts_with(|ch: char| ch.is_ascii_digit())
        }) || p.kids(complement, "nummod").next().is_some()
            || ctx.is(Class::Collective, p.lemma(complement));
        if amount {
            continue;
        }
        out.push(NearPhrase {
            locution: format!("{locution} de"),
            first,
            de,
            complement,
        });
    }
    out
}

/// "A et B" from token `k`: two places, neither a country, the first
/// right after the articles, the second after "et"; with B's first token.
fn between(ctx: &Ctx, p: &Para, mut k: usize) -> Option<(usize, usize, usize)> {
    k = after_articles(p, k);
    let x = place_at(ctx, p, k.min(p.len().checked_sub(1)?))?;
    let mut j = mention_end(ctx, p, k, x);
    if j >= p.len() || p.tok(j).text.to_lowercase() != "et" {
        return None;
    }
    j += 1;
    j = after_articles(p, j);
    let y = place_at(ctx, p, j.min(p.len() - 1))?;
    (x != y && !is_country(ctx, x) && !is_country(ctx, y)).then_some((x, y, j))
}

fn near_draft(p: &Para, place: usize, lemma: &str, other: usize, at: usize, of: usize) -> Draft {
    let mut d = Draft::new(
        "place",
        p.index,
        Node::Entity(place),
        "locatedNear".to_string(),
        lemma.to_string(),
        Object::Entity(other),
    );
    d.tokens = vec![at, of];
    d
}

/// "la région des Balkans où se trouvent la Serbie et le Kosovo", "la
/// ville où est situé le musée X": a relative clause opened by "où" on a
/// place, with a verb of lying (`lies` in lexicon.tsv), says its subject
/// names (and the names coordinated or apposed to them) lie in that
/// place. The place is the antecedent, or the "de" complement of a place
/// noun ("la région des Balkans"); the parser may label a subject written
/// after its verb an object.
fn where_lies(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for v in 0..p.len() {
        let verb = p.tok(v);
        let lemma = verb.lemma.to_lowercase();
        if verb.dep != "acl:relcl" || !matches!(verb.pos.as_str(), "VERB" | "AUX") || !ctx.is(Class::Lies, &lemma) {
            continue;
        }
        if !p.children[v].iter().any(|&c| p.tok(c).text.to_lowercase() == "où") {
            continue;
        }
        let Some(h) = p.head(v) else { continue };
        let container = place_at(ctx, p, h).or_else(|| {
            let noun = p.tok(h);
            let geo = noun.pos == "NOUN" && ctx.is(Class::Geo, &noun.lemma.to_lowercase());
            geo.then(|| {
                p.kids(h, "nmod")
                    .find(|&c| p.prep(c).as_deref() == Some("de") && place_at(ctx, p, c).is_some())
                    .and_then(|c| place_at(ctx, p, c))
            })
            .flatten()
        });
        let Some(container) = container else { continue };
        let reflexive = p.children[v].iter().any(|&c| p.tok(c).text.to_lowercase() == "se");
        let said = if reflexive {
            format!("se {lemma}")
        } else {
            lemma.clone()
        };
        let mut subjects: Vec<usize> = Vec::new();
        for dep in ["nsubj", "nsubj:pass", "obj"] {
            for s in p.kids(v, dep) {
                subjects.push(s);
                subjects.extend(p.kids(s, "conj"));
                subjects.extend(p.kids(s, "appos"));
            }
        }
        for s in subjects {
            let Some(e) = ctx.table.entity_at(p.index, s) else {
                continue;
            };
            if e == container || ctx.table.refers_back(p.index, s) || ctx.kind(e) == EntityKind::Person {
                continue;
            }
            out.push(located(p, Node::Entity(e), &said, container, s, h));
        }
    }
}

/// "dans les Landes, où un homme a été tué près de Dax", "la préfecture de
/// Gifu, où la température a atteint 39 degrés dans la ville d'Ibigawa": a
/// clause opened by "où" right after a place (a comma allowed between)
/// tells what happened in that place, so a place named in it as where the
/// act happened ("à", "dans", "en", a `near` locution or a place noun
/// before "de") lies in the antecedent (`locatedIn`, lemma the
/// preposition). Read from the words, because the parser hangs such a
/// clause on the main verb as often as on the place. Countries are never
/// the inner place (a country lies in no other place named this way), and
/// a clause stops at the next comma or the sentence's end.
fn where_happened(ctx: &Ctx, p: &Para, out: &mut Vec<Draft>) {
    for o in 1..p.len() {
        if p.tok(o).text.to_lowercase() != "où" {
            continue;
        }
        let before = if p.tok(o - 1).text == "," {
            o.saturating_sub(2)
        } else {
            o - 1
        };
        let Some(container) = ends_place(ctx, p, before) else {
            continue;
        };
        let mut k = o + 1;
        while k < p.len() && !matches!(p.tok(k).text.as_str(), "," | ";" | ":" | "." | "(") {
            let Some(inner) = place_at(ctx, p, k) else {
                k += 1;
                continue;
            };
            let end = mention_end(ctx, p, k, inner);
            if inner != container && !is_country(ctx, inner) && adjunct_of_verb(ctx, p, k, end) {
                if let Some(prep) = place_preposition(ctx, p, k) {
                    out.push(located(p, Node::Entity(inner), &prep, container, k, before));
                }
            }
            k = end;
        }
    }
}

/// Whether the place mention `start..end` is an adjunct of a verb: its
/// head word is an oblique, the complement of a place noun that is one
/// ("dans la ville d'Ibigawa"), or hangs on an adverb of a verb ("près de X").
/// Not an item of a list ("par rapport à la Belgique ou au Québec") nor a
/// noun's complement.
fn adjunct_of_verb(ctx: &Ctx, p: &Para, start: usize, end: usize) -> bool {
    let is_verb = |t: usize| matches!(p.tok(t).pos.as_str(), "VERB" | "AUX");
    let Some(m) = (start..end).find(|&t| p.head(t).is_none_or(|h| h < start || h >= end)) else {
        return false;
    };
    let Some(h) = p.head(m) else { return false };
    let dep = p.tok(m).dep.as_str();
    match dep {
        // An oblique hangs on a predicate, even where the parser put the
        // predicate on a noun ("39 degrés Celsius dans la ville de X").
        _ if dep.starts_with("obl") => true,
        "nmod" => {
            let noun = p.tok(h);
            noun.pos == "NOUN" && ctx.is(Class::Geo, &noun.lemma.to_lowercase()) && noun.dep.starts_with("obl")
        }
        _ => p.tok(h).pos == "ADV" && p.head(h).is_some_and(is_verb),
    }
}

/// The preposition that makes the place mention starting at token `k`
/// where something happened: "à", "dans", "en" (articles skipped), a
/// `near` locution before "de" ("près de"), or "de" after a place noun
/// ("dans la ville d'Ibigawa": "dans"). `None` for any other word before it.
fn place_preposition(ctx: &Ctx, p: &Para, k: usize) -> Option<String> {
    let s = before_articles(p, k);
    // "d' Ibigawa" written with a space comes as two tokens, "d" and "'".
    let mut de = s.checked_sub(1)?;
    let mut written = p.tok(de).text.clone();
    if matches!(written.as_str(), "'" | "\u{2019}") && de > 0 {
        de -= 1;
        written = format!("{}'", p.tok(de).text);
    }
    let word = super::preposition_form(&written);
    match word.as_str() {
        "à" | "dans" | "en" => Some(word),
        "de" => {
            if let Some(near) = near_locution_before(ctx, p, de) {
                return Some(format!("{near} de"));
            }
            let noun = de.checked_sub(1)?;
            let geo = p.tok(noun).pos == "NOUN" && ctx.is(Class::Geo, p.lemma(noun));
            if !geo {
                return None;
            }
            let m = before_articles(p, noun);
            let outer = super::preposition_form(&p.tok(m.checked_sub(1)?).text);
            matches!(outer.as_str(), "à" | "dans" | "en").then_some(outer)
        }
        _ => None,
    }
}

/// The first token at or after `k` that is not an article (`DET`):
/// "dans **les** Landes" read from "les". `p.len()` when all are.
fn after_articles(p: &Para, mut k: usize) -> usize {
    while k < p.len() && p.tok(k).pos == "DET" {
        k += 1;
    }
    k
}

/// The first token of the articles (`DET`) right before token `k`, or `k`
/// when there are none: "**la** ville" read back from "ville".
fn before_articles(p: &Para, mut k: usize) -> usize {
    while k > 0 && p.tok(k - 1).pos == "DET" {
        k -= 1;
    }
    k
}
