//! Grouping the mentions of one document that name the same thing.
//!
//! Rules, in order: same folded name (spelling variants of known places
//! folded to one name first); a lone surname joins the one full name that
//! ends with it ("Zelenskyy" → "Volodymyr Zelenskyy") but a lone first name
//! joins nothing (two Andriys stay apart); a multi-word name that begins
//! exactly one longer name joins it ("Centre de désinformation"); an
//! acronym joins the one longer name whose significant words it spells
//! ("CPI" → "Cour pénale internationale", "FARC" → "Forces armées
//! révolutionnaires de Colombie"), written in the plural or without its
//! capitals too ("GJs", "Gjs" → "Gilets jaunes"); a one-word name joins
//! the one name written before it that it opens, followed by adjectives
//! only ("les Gilets" → "les Gilets jaunes", "les Jeux" → "les Jeux
//! olympiques"), or the first part of the one hyphenated name of a
//! street or a square of the document, before or after it ("les Champs" →
//! "l'avenue des Champs-Élysées"); a name joins the one longer name that
//! is an organisation head word followed by it ("TF1" → "Groupe TF1"); a
//! name in the other grammatical number joins the one written before it
//! ("un Gilet jaune" → "les Gilets jaunes"). Names of one core whose
//! marks agree are one ("Grand Tournoi 2031", "Grand Tournoi FZB": years,
//! organiser acronyms, edition ordinals and function words aside, see
//! [`Shape`]), and so are a name and the same with a common-noun "de"
//! complement when one writes no year ("Jeux olympiques 2018", "Jeux
//! olympiques d'hiver"); acronyms also spell every word, number words as digits
//! ("P3R"), a name written without its article ("LLB"), and a hyphenated
//! compound joins the name of its first acronym ("IXB-CORTALIS"); a company
//! form ends a name its short form drops ("Zorblax Corporation"); a
//! hyphenated surname is a lone surname ("Morvan-Quillec"); an initial and
//! a surname join the one full name they abbreviate ("N. Quillec" →
//! "Nadia Quillec"). A bare name
//! joins the one street, square or monument name of its document ending
//! with it ("Zorbe" → "place de la Zorbe"; a bridge or a station of that
//! name counts against it; a known place never does); an affair after a
//! person ("affaire Morvaz") and a street named after one are no full name
//! a lone surname joins.
//! Works on folded keys and the written text of each mention; typing and
//! filtering are left to the caller.

use crate::facts::EntityKind;
use std::collections::{HashMap, HashSet};

/// One mention as merging sees it.
#[derive(Debug, Clone)]
pub struct Keyed {
    /// The name begins with a word that heads organisation names ("Centre").
    pub org_head: bool,
    /// Folded name, place variants already mapped to their preferred name.
    pub key: String,
    /// Mentions typed as a person by the NER or by a title.
    pub person: bool,
    /// Whether the key names a known place (never joins a person's name).
    pub place: bool,
    /// The mention is written as an acronym: one word of 2 to 6 capitals
    /// (digits allowed after the first letter), see [`is_acronym`].
    pub acronym: bool,
    /// Index of the mention this one glosses in parentheses, or is glossed
    /// by: "Cour pénale internationale (CPI)" (one word beside a longer
    /// name), or whose other name it is: "X, aussi appelé Y", "X alias Y"
    /// (found by the caller from the text).
    pub glosses: Option<usize>,
    /// The word before the mention is a lower-case landmark or structure
    /// class noun left out of it ("la gare Zorbe" with "Zorbe" tagged): the
    /// mention names that thing, no bare name of another landmark.
    pub after_class_noun: bool,
    /// The key without the part news write differently: a leading class
    /// noun ("basilique" / "église" Saint-Paul) or a channel suffix
    /// ("CanalTV" / "Canal"), from [`super::tables::Tables::name_core`].
    pub core: Option<String>,
    /// The mention as written (case kept): which of its words are
    /// acronyms ("Grand Tournoi FZB"), how a hyphenated acronym is built
    /// ("IXB-CORTALIS"), see [`Shape`].
    pub text: String,
    /// (paragraph, sentence) of the mention, when known: two names a letter
    /// apart in one sentence are two people ("Moreaux a battu Moreaud").
    pub sentence: Option<(usize, usize)>,
    /// The mention is an item of a coordination or a clause's subject or object
    /// ("de Clichy et de Clichy-sous-Bois", "la Marne a inondé
    /// Marne-la-Vallée"): beside a longer name of its sentence it is a
    /// second thing, not that name shortened.
    pub contrasted: bool,
}

/// The words that join a commune's name to its qualifier ("Boulogne-sur-Mer",
/// "Châlons-en-Champagne", "Saint-Paul-lès-Dax", "Mantes-la-Jolie"), lower
/// case: the part before is the short name news use.
const TOWN_LINKS: [&str; 9] = ["sur", "sous", "en", "lès", "lez", "les", "la", "le", "aux"];

/// Number words an acronym writes as digits ("Parti des trois rivières"
/// is P3R), folded.
const NUMBER_WORDS: [(&str, &str); 12] = [
    ("un", "1"),
    ("une", "1"),
    ("deux", "2"),
    ("trois", "3"),
    ("quatre", "4"),
    ("cinq", "5"),
    ("six", "6"),
    ("sept", "7"),
    ("huit", "8"),
    ("neuf", "9"),
    ("dix", "10"),
    ("vingt", "20"),
];

/// A name taken apart into the words that always name the thing and the
/// marks a text adds or leaves out: "la finale du Grand Tournoi FZB 2031",
/// "Grand Tournoi 2031" and "Grand Tournoi FZB" share the core "grand
/// tournoi"; "37e Festival Zorbo Plage" and "Festival Zorbo Plage" the core
/// "festival zorbo plage".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shape {
    /// Folded significant words in order, without function words
    /// ([`ACRONYM_SKIPS`]), years, ordinals or acronyms.
    pub core: Vec<String>,
    /// Years and seasons ("2018", "2018-2019" as two years).
    pub years: Vec<String>,
    /// Edition ordinals ("37e", "quarantième").
    pub ordinals: Vec<String>,
    /// Words written as acronyms ("ISU"), folded.
    pub acronyms: Vec<String>,
    /// For each core word, whether it was written in lower case (a common
    /// noun or adjective: "été", "glace"; not "Borlande").
    pub lower: Vec<bool>,
    /// For each core word, whether "de" (or "d'", "du", "des") stands
    /// right before it: the word begins a complement ("Jeux zorbiens
    /// d'été"), not an adjective ("Gilets verts libres").
    pub after_de: Vec<bool>,
}

/// Whether a folded word is a year (1900 to 2099).
fn is_year(w: &str) -> bool {
    w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.chars().all(|c| c.is_ascii_digit())
}

/// Whether a folded word is an edition ordinal: digits with "e", "er",
/// "eme" ("37e", "1er") or a word in "-ieme" ("quarantieme").
fn is_ordinal(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
    let tail = &w[digits.len()..];
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && matches!(tail, "e" | "er" | "eme" | "re"))
        || (w.len() > 6 && w.ends_with("ieme"))
}

/// The [`Shape`] of a written name.
pub fn shape(text: &str) -> Shape {
    let mut s = Shape::default();
    let mut de = false;
    for token in text.split_whitespace() {
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
        let acronym = is_acronym(bare);
        let lower = token
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase);
        for w in crate::names::words(token) {
            if ACRONYM_SKIPS.contains(&w.as_str()) {
                de = matches!(w.as_str(), "de" | "d" | "du" | "des");
                continue;
            }
            let after_de = std::mem::take(&mut de);
            if is_year(&w) {
                s.years.push(w);
            } else if is_ordinal(&w) {
                s.ordinals.push(w);
            } else if acronym {
                s.acronyms.push(w);
            } else {
                s.core.push(w);
                s.lower.push(lower);
                s.after_de.push(after_de);
            }
        }
    }
    s
}

/// Whether two shapes name the same thing: the same core, and marks that
/// do not disagree (no two different years or editions; the acronyms of
/// one all in the other). The core with the acronyms both write must be
/// two words or more: "RC Quimpreux" is no "Quimpreux", a club is no city.
fn same_shape(a: &Shape, b: &Shape) -> bool {
    let agree = |x: &[String], y: &[String]| x.is_empty() || y.is_empty() || x == y;
    let within = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    let shared = a.acronyms.iter().filter(|w| b.acronyms.contains(w)).count();
    !a.core.is_empty()
        && a.core == b.core
        && a.core.len() + shared >= 2
        && agree(&a.years, &b.years)
        && agree(&a.ordinals, &b.ordinals)
        && (within(&a.acronyms, &b.acronyms) || within(&b.acronyms, &a.acronyms))
}

/// Whether `long` is `short` with a common-noun complement added:
/// "Jeux zorbiens d'été de 2031" beside "Jeux zorbiens de 2031",
/// "Championnats de Borlande de glace 2031" beside "Championnats de
/// Borlande 2031"; not "Grand Tournoi de Borlande 2031" beside "Grand
/// Tournoi 2031" (a capitalised name: one event of the series). When
/// one of the two writes no year ("Jeux zorbiens 2031" beside "Jeux
/// zorbiens d'hiver"), the added words must be a complement in "de" (a
/// season, a sport): an added adjective names another branch of the
/// series or another group ("Grand Tournoi junior", "Gilets verts
/// libres").
fn extends(short: &Shape, long: &Shape) -> bool {
    let n = short.core.len();
    let within = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    let dated_alike = !short.years.is_empty() && short.years == long.years;
    let undated = short.years.is_empty() || long.years.is_empty();
    let complement = long.after_de.get(n).copied().unwrap_or(false);
    n >= 2
        && (dated_alike || (undated && complement))
        && long.core.len() > n
        && long.core[..n] == short.core[..]
        && long.lower[n..].iter().all(|&l| l)
        && short.ordinals == long.ordinals
        && within(&short.acronyms, &long.acronyms)
}

/// Whether two shapes are one name by [`same_shape`] or [`extends`].
fn alike_shapes(a: &Shape, b: &Shape) -> bool {
    same_shape(a, b) || extends(a, b) || extends(b, a)
}

/// Whether the acronym `short` (folded, digits allowed) spells the folded
/// multi-word `long` in one of the ways news build acronyms: the initials
/// of every word, function words included ("jdsz", "journal du soir
/// zorbien"; "llb", "la ligue borlandaise"), with a leading "l" for an
/// article the name was written without ("llb", "ligue borlandaise"), or with a number word written as its
/// digits ("f4w", "front quatre vents": the digit must match, and one
/// other letter may be of the name in its own language).
fn spells_widely(short: &str, long: &str) -> bool {
    let words = crate::names::words(long);
    if words.len() < 2 || short.chars().count() < 2 {
        return false;
    }
    let every: String = words.iter().filter_map(|w| w.chars().next()).collect();
    if every == short && words.len() >= 3 {
        return true;
    }
    // The article the name was written without ("LLB" beside "Ligue
    // borlandaise" once "La" is gone from the mention).
    if let Some(rest) = short.strip_prefix('l') {
        if rest.chars().count() >= 2 && (initials(long).as_deref() == Some(rest) || (every == rest && words.len() >= 3))
        {
            return true;
        }
    }
    if !short.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let mut spelled = String::new();
    let mut number = false;
    for w in words.iter().filter(|w| !ACRONYM_SKIPS.contains(&w.as_str())) {
        match NUMBER_WORDS.iter().find(|(n, _)| n == w) {
            Some((_, d)) => {
                spelled.push_str(d);
                number = true;
            }
            None if w.chars().all(|c| c.is_ascii_digit()) => {
                spelled.push_str(w);
                number = true;
            }
            None => spelled.extend(w.chars().next()),
        }
    }
    let (a, b): (Vec<char>, Vec<char>) = (short.chars().collect(), spelled.chars().collect());
    let differing: Vec<usize> = (0..a.len().min(b.len())).filter(|&i| a[i] != b[i]).collect();
    number
        && a.len() == b.len()
        && a.first() == b.first()
        && differing.len() <= 1
        && differing.iter().all(|&i| a[i].is_alphabetic() && b[i].is_alphabetic())
}

/// The first part of a name written as acronyms joined by hyphens
/// ("IXB-CORTALIS" → "ixb": a unit named with the body it belongs to), or
/// `None`.
fn compound_head(text: &str) -> Option<String> {
    let t = text.trim();
    let parts: Vec<&str> = t.split(['-', '\u{2011}']).collect();
    // The parts may be longer than a lone acronym ("CORTALIS").
    let capitals = |p: &str| {
        (2..=8).contains(&p.chars().count())
            && p.chars().next().is_some_and(char::is_uppercase)
            && p.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    (parts.len() >= 2 && is_acronym(parts[0]) && parts.iter().all(|p| capitals(p)))
        .then(|| crate::names::fold(parts[0]))
}

/// Words an acronym skips: articles, prepositions and conjunctions
/// ("Organisation des Nations unies" is ONU). Lower-case, folded.
const ACRONYM_SKIPS: [&str; 16] = [
    "de", "du", "des", "d", "la", "le", "les", "l", "et", "a", "au", "aux", "en", "pour", "sur", "contre",
];

/// Whether `text` is written as an acronym: a single word of 2 to 6
/// characters, capital letters (accents allowed) and digits, starting with
/// a letter, with at least two letters ("CPI", "FARC", "M5S"; not "Paris",
/// "A", "2018").
pub fn is_acronym(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    (2..=6).contains(&n)
        && t.chars().next().is_some_and(|c| c.is_uppercase())
        && t.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// The letters of an acronym written in the plural or without its
/// capitals, folded: "GJs" and "Gjs" → "gj", "Gj" → "gj"; a word of 2 to
/// 6 letters, the first a capital, with no vowel but a plural "s" (an
/// acronym read as letters, not a name: "Tom", "Elsa" have vowels).
/// `None` for anything else, written acronyms ("GJ") included, which
/// [`is_acronym`] reads.
pub fn loose_acronym(text: &str) -> Option<String> {
    let t = text.trim();
    if is_acronym(t) {
        return None;
    }
    if let Some(stem) = t.strip_suffix('s').filter(|stem| is_acronym(stem)) {
        return Some(crate::names::fold(stem));
    }
    let n = t.chars().count();
    let folded = crate::names::fold(t);
    let stem = folded
        .strip_suffix('s')
        .filter(|s| s.chars().count() >= 2)
        .unwrap_or(&folded);
    let vowel = |c: char| "aeiouy".contains(c);
    ((2..=6).contains(&n)
        && t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().all(char::is_alphabetic)
        && !stem.chars().any(vowel))
    .then(|| stem.to_string())
}

/// Whether every letter of the one-word `short` key is the initial of a
/// distinct significant word of the `long` key, in any order: a gloss in
/// parentheses may be an acronym of the name in another language ("ESA"
/// beside "agence spatiale européenne") but spells nothing else ("Renault
/// (groupe Nissan)" is no gloss). Needs two letters or more.
pub fn spells_loosely(short: &str, long: &str) -> bool {
    let Some(initials) = initials(long) else {
        return false;
    };
    let mut left: Vec<char> = initials.chars().collect();
    let letters: Vec<char> = short.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().all(|c| match left.iter().position(|l| l == c) {
            Some(at) => {
                left.swap_remove(at);
                true
            }
            None => false,
        })
}

/// A folded key with a trailing year taken apart ("coupe de russie 2018"
/// → "coupe de russie", 2018): two names of the same form, and not of two
/// different years, are one name. (Plurals are not folded: "Gilet jaune"
/// and "Gilets jaunes" then took each other's types across the corpus,
/// which cost more NER F1 than the split: 0.801 → 0.752, measured
/// 2026-11-30, even with the majority of a document's mentions typing it.)
fn variant_form(key: &str) -> (&str, Option<&str>) {
    match key.rsplit_once(' ') {
        Some((form, year))
            if year.len() == 4
                && (year.starts_with("19") || year.starts_with("20"))
                && year.chars().all(|c| c.is_ascii_digit()) =>
        {
            (form, Some(year))
        }
        _ => (key, None),
    }
}

/// The initials of a folded multi-word key's significant words
/// ("cour penale internationale" → "cpi"; "reseau de transport d'electricite"
/// → "rte"), or `None` for a single word. Words are split at every
/// character that is no letter or digit, as [`crate::names::words`] does.
fn initials(key: &str) -> Option<String> {
    let words: Vec<String> = crate::names::words(key)
        .into_iter()
        .filter(|w| !ACRONYM_SKIPS.contains(&w.as_str()))
        .collect();
    if words.len() < 2 {
        return None;
    }
    Some(words.iter().filter_map(|w| w.chars().next()).collect())
}

/// Whether the words after a shorter name's own open a complement of it
/// ("de football" after "coupe du monde"): a name shortened by its "de"
/// complement is the same name.
fn complement_follows(long: &[&str], short: usize) -> bool {
    long.len() > short
        && long
            .get(short)
            .is_some_and(|w| matches!(*w, "de" | "du" | "des") || w.starts_with("d'"))
}

/// Whether two folded names differ only in grammatical number, word by
/// word: each word the same or one with a plural "-s"/"-x" the other lacks,
/// on words of three letters or more, and at least one word so ("gilet
/// jaune" / "gilets jaunes", "rohingya" / "rohingyas"; not "paris" /
/// "pari", whose short word has three letters, nor names of different
/// length).
fn number_variant(a: &[&str], b: &[&str]) -> bool {
    let inflected = |x: &str, y: &str| {
        x.len() == y.len() + 1 && y.chars().count() >= 3 && x.starts_with(y) && (x.ends_with('s') || x.ends_with('x'))
    };
    a.len() == b.len()
        && a != b
        && a.iter()
            .zip(b)
            .all(|(x, y)| x == y || inflected(x, y) || inflected(y, x))
}

/// Whether two names of as many words differ in one word only, by one
/// letter added, dropped or changed, that word of six letters or more
/// (hyphenated parts counted apart) and not a number, in a name of two
/// words or hyphenated parts: "nadia quillec" / "nadia quilleck",
/// "boulevard zorbmann" / "boulevard zorbman"; not "iran" / "irak",
/// "wikipedia" / "wikimedia", nor "apollo 11" / "apollo 12".
fn misspelt(a: &[&str], b: &[&str], person: bool) -> bool {
    let differ: Vec<usize> = (0..a.len().min(b.len())).filter(|&i| a[i] != b[i]).collect();
    let [at] = differ[..] else {
        return false;
    };
    // A person's first names a letter apart are two people, often of one
    // family ("Michel" / "Michèle Zorbe", "Christian" / "Christiane"): only
    // the surname may be misspelt.
    if person && at + 1 != a.len() {
        return false;
    }
    let (x, y) = (a[at], b[at]);
    let xs: Vec<&str> = x.split('-').collect();
    let ys: Vec<&str> = y.split('-').collect();
    // A one-word name a letter from another is often another name
    // ("Wikipédia" / "Wikimedia", "Manche" / "Marche"): two words or
    // two hyphenated parts at least.
    if xs.len() != ys.len() || (a.len() < 2 && xs.len() < 2) {
        return false;
    }
    // A compound of three parts or more ("Zorbe-et-Loir" /
    // "Zorbe-et-Loire") is long enough for a word of four letters.
    let compound = a.len() + xs.len() > 3;
    let parts: Vec<(&str, &str)> = xs.into_iter().zip(ys).filter(|(p, q)| p != q).collect();
    let [(p, q)] = parts[..] else {
        return false;
    };
    let p: Vec<char> = p.chars().collect();
    let q: Vec<char> = q.chars().collect();
    let long_enough = p.len().min(q.len()) >= if compound { 4 } else { 6 };
    // Numbers, Arabic or Roman ("Paris VIII" / "Paris XIII"), are no
    // spellings.
    let roman = |w: &[char]| w.iter().all(|c| "ivxlcdm".contains(*c));
    let wordy = !p.iter().chain(&q).any(char::is_ascii_digit) && !roman(&p) && !roman(&q);
    long_enough && wordy && one_edit(&p, &q)
}

/// Whether two words are one letter apart: one added, dropped or changed
/// (Levenshtein distance 1).
fn one_edit(p: &[char], q: &[char]) -> bool {
    let (short, long) = if p.len() <= q.len() { (p, q) } else { (q, p) };
    match long.len() - short.len() {
        0 => short.iter().zip(long).filter(|(x, y)| x != y).count() == 1,
        1 => {
            let at = short.iter().zip(long).take_while(|(x, y)| x == y).count();
            short[at..] == long[at + 1..]
        }
        _ => false,
    }
}

/// Whether `short`'s letters are the initials of `long`'s significant
/// words in another order, each used once ("iss" and "station spatiale
/// internationale": the name written in another language), with three
/// letters or more.
fn spells_permuted(short: &str, long: &str) -> bool {
    let Some(initials) = initials(long) else {
        return false;
    };
    let mut a: Vec<char> = short.chars().filter(|c| c.is_alphabetic()).collect();
    let mut b: Vec<char> = initials.chars().collect();
    a.sort_unstable();
    b.sort_unstable();
    a.len() >= 3 && a.len() == short.chars().count() && a == b
}

/// The key of a mention once the parts written differently are gone: its
/// [`Keyed::core`] if it has one, else the key.
fn core_of(m: &Keyed) -> &str {
    m.core.as_deref().unwrap_or(&m.key)
}

/// Groups of mention indices, each group one entity, in order of first mention.
pub fn cluster(mentions: &[Keyed]) -> Vec<Vec<usize>> {
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut keys: Vec<&str> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        match by_key.get(m.key.as_str()) {
            Some(&g) => groups[g].push(i),
            None => {
                by_key.insert(&m.key, groups.len());
                groups.push(vec![i]);
                keys.push(&m.key);
            }
        }
    }
    let n = groups.len();
    let mut group_of = vec![0; mentions.len()];
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            group_of[i] = g;
        }
    }
    let mut target: Vec<usize> = (0..n).collect();
    let words: Vec<Vec<&str>> = keys.iter().map(|k| k.split(' ').collect()).collect();
    let cores: Vec<&str> = groups.iter().map(|m| core_of(&mentions[m[0]])).collect();
    let core_words: Vec<Vec<&str>> = cores.iter().map(|k| k.split(' ').collect()).collect();
    let has_core: Vec<bool> = groups.iter().map(|m| mentions[m[0]].core.is_some()).collect();
    let is_person = |g: usize| groups[g].iter().any(|&i| mentions[i].person);
    let is_place = |g: usize| groups[g].iter().any(|&i| mentions[i].place);
    let tables = super::tables::tables();
    // The bare name a landmark's name ends with ("place de la Zorbe" →
    // "zorbe"), and whether a name is an affair's ("affaire Zorblax").
    let landmark_of: Vec<Option<String>> = keys.iter().map(|k| tables.landmark_name(k)).collect();
    // A group's name is a plural noun phrase, no person's even where the
    // NER typed a mention PER ("des Gilets verts ont bloqué"): a word of
    // it other than the first written in lower case and ending in "-s" or
    // "-x", or a lone word so ("Gilets").
    let plural_name = |g: usize| {
        groups[g].iter().any(|&i| {
            let words: Vec<&str> = mentions[i].text.split_whitespace().collect();
            let plural = |t: &str| t.chars().count() > 3 && (t.ends_with('s') || t.ends_with('x'));
            match words[..] {
                [one] => plural(one) && one.chars().skip(1).all(char::is_lowercase),
                _ => words[1..]
                    .iter()
                    .any(|t| t.chars().next().is_some_and(char::is_lowercase) && plural(t)),
            }
        })
    };
    let is_case = |g: usize| words[g].len() > 1 && tables.case_words.contains(words[g][0]);
    // Per core that some name reaches by dropping a class noun or a
    // suffix: the first group, no person's or known place's, with it.
    let mut core_leader: HashMap<&str, usize> = HashMap::new();
    for g in (0..n).filter(|&g| has_core[g]) {
        if let Some(first) = (0..n).find(|&h| cores[h] == cores[g] && !is_person(h) && !is_place(h)) {
            core_leader.insert(cores[g], first);
        }
    }
    // First pass: the same name with its year ("Coupe de Russie 2018")
    // joins the first such group, so that later rules see one candidate
    // where the text wrote a name with and without its year.
    for g in 0..n {
        if is_person(g) || is_place(g) {
            continue;
        }
        let (form, year) = variant_form(keys[g]);
        let same = |h: usize| {
            let (other, other_year) = variant_form(keys[h]);
            other == form && (year.is_none() || other_year.is_none() || year == other_year)
        };
        if let Some(h) = (0..g).find(|&h| !is_person(h) && !is_place(h) && same(h)) {
            target[g] = h;
        }
    }
    // Then the same core with marks that agree ("Grand Tournoi 2031", "Grand
    // Tournoi FZB", "Jeux zorbiens d'été de 2031" / "… d'été 2031"):
    // joins the first such name when all such names agree with each other
    // ("Championnats du monde" beside the 2013 and the 2015 ones joins
    // neither).
    // A name alike to two that are not alike to each other ("Jeux
    // zorbiens" beside "… d'été" and "… d'hiver") joins neither, and
    // neither joins it.
    let shapes: Vec<Shape> = groups.iter().map(|m| shape(&mentions[m[0]].text)).collect();
    let alike_of: Vec<Vec<usize>> = (0..n)
        .map(|g| {
            (0..n)
                .filter(|&h| {
                    h != g
                        && !is_person(g)
                        && !is_place(g)
                        && !is_person(h)
                        && !is_place(h)
                        && alike_shapes(&shapes[g], &shapes[h])
                })
                .collect()
        })
        .collect();
    let agree: Vec<bool> = alike_of
        .iter()
        .map(|alike| {
            alike.iter().all(|&a| {
                alike
                    .iter()
                    .all(|&b| a == b || keys[a] == keys[b] || alike_shapes(&shapes[a], &shapes[b]))
            })
        })
        .collect();
    for g in 0..n {
        if target[g] != g || is_person(g) || is_place(g) {
            continue;
        }
        if let Some(&h) = alike_of[g].first().filter(|&&h| h < g && agree[g] && agree[h]) {
            target[g] = h;
        }
    }
    let sentences =
        |g: usize| -> HashSet<(usize, usize)> { groups[g].iter().filter_map(|&i| mentions[i].sentence).collect() };
    let dated = target.clone();
    // The group a candidate stands for once dated forms are joined.
    let root = |h: usize| dated[h];
    // The one candidate group left, if the candidates name one group.
    let unique = |candidates: Vec<usize>| -> Option<usize> {
        let mut roots: Vec<usize> = candidates.into_iter().map(root).collect();
        roots.sort_unstable();
        roots.dedup();
        match roots[..] {
            [h] => Some(h),
            _ => None,
        }
    };
    for g in 0..n {
        if is_place(g) || dated[g] != g {
            continue;
        }
        let w = &words[g];
        // Glossed in parentheses beside exactly one other name: that name.
        let glossed: HashSet<usize> = groups[g]
            .iter()
            .filter_map(|&i| mentions[i].glosses)
            .map(|i| group_of[i])
            .filter(|&h| root(h) != g)
            .collect();
        if let Some(h) = unique(glossed.into_iter().collect()) {
            target[g] = h;
            continue;
        }
        // An acronym, or one written in the plural or without capitals
        // ("GJs", "Gjs" for the "GJ", see [`loose_acronym`]): its letters.
        let acronym_key: Option<String> = if groups[g].iter().all(|&i| mentions[i].acronym) {
            Some(keys[g].to_string())
        } else {
            groups[g]
                .iter()
                .map(|&i| loose_acronym(&mentions[i].text))
                .collect::<Option<Vec<String>>>()
                .and_then(|stems| stems.first().cloned())
        };
        // An acronym: the one longer name, no person's, that it spells (the
        // NER often tags a lone acronym PER: "RTE a indiqué"; the spelled
        // name's mentions then type the entity); failing that, the one it
        // spells in another order ("ISS", "Station spatiale internationale").
        if let Some(acronym) = acronym_key.as_deref() {
            // A name and its other grammatical number ("Gilets verts",
            // "Gilet vert") spell one acronym and are one candidate (they
            // join each other below): the first of them.
            let candidates = |spells: &dyn Fn(usize) -> bool| -> Vec<usize> {
                let all: Vec<usize> = (0..n)
                    .filter(|&h| h != g && (!is_person(h) || plural_name(h)) && !is_place(h) && spells(h))
                    .collect();
                all.iter()
                    .copied()
                    .filter(|&h| !all.iter().any(|&e| e < h && number_variant(&words[e], &words[h])))
                    .collect()
            };
            let exact = candidates(&|h| initials(keys[h]).as_deref() == Some(acronym));
            let spelled = if exact.is_empty() {
                candidates(&|h| spells_permuted(acronym, keys[h]))
            } else {
                exact
            };
            let spelled = if spelled.is_empty() {
                let written = crate::names::fold(&mentions[groups[g][0]].text);
                candidates(&|h| {
                    spells_widely(acronym, keys[h])
                        || groups[h]
                            .iter()
                            .any(|&i| spells_widely(&written, &crate::names::fold(&mentions[i].text)))
                })
            } else {
                spelled
            };
            if let Some(h) = unique(spelled) {
                target[g] = h;
                continue;
            }
        }
        // Acronyms joined by a hyphen ("IXB-CORTALIS"): the one longer name,
        // no person's, whose initials the first acronym is.
        if let Some(head) = groups[g]
            .iter()
            .map(|&i| compound_head(&mentions[i].text))
            .collect::<Option<Vec<String>>>()
            .and_then(|heads| heads.first().cloned())
        {
            let spelled: Vec<usize> = (0..n)
                .filter(|&h| {
                    h != g && !is_person(h) && !is_place(h) && initials(keys[h]).as_deref() == Some(head.as_str())
                })
                .collect();
            if let Some(h) = unique(spelled) {
                target[g] = h;
                continue;
            }
        }
        // "N. Belloubet" beside "Nicole Belloubet": an initial with a dot
        // and the rest of a name abbreviate the one person's full name
        // that agrees with them.
        let initial = |x: &str| {
            let letter = x.strip_suffix('.').unwrap_or("");
            letter.chars().count() == 1 && letter.chars().all(char::is_alphabetic)
        };
        if w.len() >= 2 && initial(w[0]) {
            let letter = w[0].chars().next();
            let full: Vec<usize> = (0..n)
                .filter(|&h| {
                    h != g
                        && is_person(h)
                        && words[h].len() == w.len()
                        && words[h][1..] == w[1..]
                        && words[h][0].chars().count() > 1
                        && words[h][0].chars().next() == letter
                })
                .collect();
            if let Some(h) = unique(full) {
                target[g] = h;
                continue;
            }
        }
        // A bare name that an organisation head word opens elsewhere
        // ("TF1" beside "Groupe TF1").
        let headed: Vec<usize> = (0..n)
            .filter(|&h| {
                h != g
                    && words[h].len() == w.len() + 1
                    && words[h][1..] == w[..]
                    && mentions[groups[h][0]].org_head
                    && !is_person(h)
            })
            .collect();
        if !is_person(g) {
            if let Some(h) = unique(headed) {
                target[g] = h;
                continue;
            }
        }
        // A name written with a class noun or a suffix that another writes
        // differently ("église Saint-Paul" / "basilique Saint-Paul", "Canal"
        // / "CanalTV"): the groups of one core join the first of them, and
        // that one joins the one core continuing its own with a "de"
        // complement written before it ("basilique Saint-Paul de Londres",
        // then "l'église Saint-Paul").
        if let Some(&leader) = core_leader.get(cores[g]).filter(|_| !is_person(g)) {
            if leader != g {
                target[g] = leader;
                continue;
            }
            let longer: Vec<usize> = core_leader
                .iter()
                .filter(|(c, _)| {
                    let cw: Vec<&str> = c.split(' ').collect();
                    let short = &core_words[g];
                    cw.len() > short.len() && cw[..short.len()] == short[..] && complement_follows(&cw, short.len())
                })
                .map(|(_, &h)| h)
                .filter(|&h| root(h) < g)
                .collect();
            if let Some(h) = unique(longer) {
                target[g] = h;
                continue;
            }
        }
        // The same name in the other grammatical number, written before
        // ("les Gilets jaunes" … "un Gilet jaune"): the text's one name for
        // the group and its members.
        // The NER types some mentions of a group PER ("des Gilets jaunes
        // ont bloqué"), so the person flag does not keep these apart: a
        // person's name has no plural.
        let numbered: Vec<usize> = (0..g).filter(|&h| number_variant(&words[h], w)).collect();
        if let Some(h) = unique(numbered) {
            target[g] = h;
            continue;
        }
        // A bare name beside the one landmark name ending with it ("la
        // Zorbe" after "la place de la Zorbe"); two such names ("place de
        // la Zorbe", "pont de la Zorbe") join neither; a known place never
        // (checked above: "Quillac" is no "pont de Quillac"). The NER often
        // types such a bare name a person ("vers la Zorbe"): that does not
        // keep it apart. A word that alone is no entity ("République",
        // "Nation") stays none.
        if !tables.common.contains(keys[g]) && !groups[g].iter().any(|&i| mentions[i].after_class_noun) {
            let landmarks: Vec<usize> = (0..n)
                .filter(|&h| h != g && !is_person(h) && landmark_of[h].as_deref() == Some(keys[g]))
                .collect();
            // A bridge, a station, a forecourt counts against the bare name
            // but is never what it means ("la Zorbe" beside "le pont de la
            // Zorbe" is the square); nor is a street named after a thing
            // with a singular article.
            if let Some(h) = unique(landmarks).filter(|&h| tables.bare_name_may_mean(keys[h])) {
                target[g] = h;
                continue;
            }
        }
        // A town's name without its hyphenated qualifier ("Zorbeville"
        // beside "Zorbeville-sur-Mer", "Quillac" beside "Quillac-lès-Zorbe")
        // in the same sentence:
        // news shorten a commune to the part before "sur", "sous", "en",
        // "lès" or "la"; the one such name of the document. A known place
        // is itself ("Paris" beside "Paris-la-Zorbe").
        if !is_person(g) && !is_place(g) && !tables.common.contains(keys[g]) {
            let short = mentions[groups[g][0]].text.trim().to_lowercase();
            // Only beside it, in one sentence ("À Zorbeville (Quill), … le
            // palais de justice de Zorbeville-sur-Mer"): two communes often
            // share the part ("Clichy", "Clichy-sous-Bois"), and a river or
            // a club the name of one ("la Marne", "Marne-la-Vallée").
            // Nor when the short name is a list's item or a subject ("de
            // Clichy et de Clichy-sous-Bois", "la Marne a inondé …"): the
            // sentence sets the two apart.
            let plain = |g: usize| -> HashSet<(usize, usize)> {
                groups[g]
                    .iter()
                    .filter(|&&i| !mentions[i].contrasted)
                    .filter_map(|&i| mentions[i].sentence)
                    .collect()
            };
            let here = plain(g);
            let everywhere = sentences(g);
            let shortened: Vec<usize> = (0..n)
                .filter(|&h| h != g && !is_person(h))
                .filter(|&h| everywhere.is_empty() || !plain(h).is_disjoint(&here))
                // The folded key of "Zorbeville-sur-Mer" starts with that of
                // "Zorbeville": a cheap test before the written forms.
                .filter(|&h| keys[h].len() > keys[g].len() && keys[h].starts_with(keys[g]))
                .filter(|&h| {
                    groups[h].iter().any(|&i| {
                        let long = mentions[i].text.trim().to_lowercase();
                        long.strip_prefix(short.as_str())
                            .and_then(|rest| rest.strip_prefix('-'))
                            .and_then(|rest| rest.split_once('-'))
                            .is_some_and(|(link, name)| {
                                TOWN_LINKS.contains(&link) && name.chars().next().is_some_and(char::is_alphabetic)
                            })
                    })
                })
                .collect();
            if let Some(h) = unique(shortened) {
                target[g] = h;
                continue;
            }
        }
        // A hyphenated surname is one written word ("Morvan-Quillec").
        let one_word = w.len() == 1
            || groups[g]
                .iter()
                .all(|&i| !mentions[i].text.trim().contains(char::is_whitespace));
        let joins: Vec<usize> = if one_word {
            // A lone surname: full person names ending with it (an affair
            // after a person, a street named after one, are none).
            (0..n)
                .filter(|&h| {
                    h != g
                        && words[h].len() > w.len()
                        && words[h][words[h].len() - w.len()..] == w[..]
                        && (is_person(h) || !is_place(h))
                        && !is_case(h)
                        && landmark_of[h].is_none()
                })
                .filter(|&h| is_person(h) || is_person(g))
                .collect()
        } else {
            // A shortened name: the longer names starting with all its
            // words, an organisation's ("Centre de désinformation") or
            // continued by a "de" complement and written before it (news
            // name "la Coupe du monde de football" first, then "la Coupe du
            // monde"; "un Gilet jaune de Lille" after "les Gilets jaunes"
            // is one of them, not their name).
            (0..n)
                .filter(|&h| {
                    h != g
                        && words[h].len() > w.len()
                        && words[h][..w.len()] == w[..]
                        && !is_person(h)
                        && (mentions[groups[h][0]].org_head
                            || (complement_follows(&words[h], w.len()) && root(h) < g && !is_place(h) && !is_person(g)))
                })
                .collect()
        };
        if let Some(h) = unique(joins) {
            target[g] = h;
            continue;
        }
        // A one-word name that opens the one name written before it whose
        // other words are adjectives ("les Gilets" after "les Gilets
        // verts", "les Jeux" after "les Jeux zorbiens") or a "de"
        // complement ("le Temple-Zorbe" after "le Temple-Zorbe de
        // Quillac", as a multi-word name does above): the text's short
        // form of it. A person's name (a first name), a known place and
        // a word that alone is no entity stay apart; a name whose other
        // words are capitalised is another thing ("Fondation Zorblax").
        let capitalised = groups[g]
            .iter()
            .all(|&i| mentions[i].text.chars().next().is_some_and(char::is_uppercase));
        if one_word
            && capitalised
            && !is_place(g)
            && !tables.common.contains(keys[g])
            && (!is_person(g) || plural_name(g))
        {
            // A hyphenated proper name ("Temple-Zorbe") is shortened
            // before or after its long form; a lone word only after.
            let hyphenated = groups[g].iter().all(|&i| mentions[i].text.contains('-'));
            let opened: Vec<usize> = (0..n)
                .filter(|&h| h != g && (h < g || hyphenated))
                .filter(|&h| !is_place(h) && words[h].len() > w.len() && words[h][..w.len()] == w[..])
                .filter(|&h| {
                    let text = &mentions[groups[h][0]].text;
                    let rest: Vec<&str> = text.split_whitespace().skip(1).collect();
                    let complement = complement_follows(&words[h], w.len()) && !is_person(h);
                    let adjectives = w.len() == 1
                        && !rest.is_empty()
                        && rest.iter().all(|t| {
                            t.chars().next().is_some_and(char::is_lowercase)
                                && t.chars().all(|c| c.is_alphabetic() || c == '-')
                                && !ACRONYM_SKIPS.contains(&crate::names::fold(t).as_str())
                        });
                    complement || adjectives
                })
                .collect();
            if let Some(h) = unique(opened) {
                target[g] = h;
                continue;
            }
            // A one-word name that is the first part of the hyphenated name
            // of a street, a square or a monument of its document ("les
            // Champs" before or after "l'avenue des Champs-Zorbées"): that
            // landmark, or the bare name that is exactly that word. The
            // landmark makes the hyphenated name a place's, wherever the
            // text writes it (a live report says "les Champs" hours before
            // "l'avenue des Champs-Zorbées").
            if w.len() == 1 && !is_person(g) {
                let hyphenated: HashSet<String> = (0..n)
                    .filter(|&h| h != g)
                    .flat_map(|h| groups[h].iter().map(|&i| mentions[i].text.as_str()))
                    .flat_map(str::split_whitespace)
                    .filter(|t| t.contains('-'))
                    .map(crate::names::fold)
                    .filter(|t| t.split(' ').next() == Some(w[0]))
                    .collect();
                // Each candidate with the word it is: the bare name or
                // the landmark of that name ("avenue des Champs-Zorbées")
                // are one thing, which the landmark rule joins.
                // Only a street's, a square's or a monument's name: "la
                // Seine" is no "Seine-Maritime", "Renault" no "Renault-Zorb".
                let landmark_word: HashSet<&str> = (0..n)
                    .filter(|&h| h != g)
                    .filter_map(|h| landmark_of[h].as_deref())
                    .filter(|l| hyphenated.contains(*l))
                    .collect();
                let named: Vec<(usize, &str)> = (0..n)
                    .filter(|&h| h != g && !is_person(h))
                    .filter_map(|h| {
                        let word = Some(keys[h])
                            .filter(|k| landmark_word.contains(*k))
                            .or(landmark_of[h].as_deref().filter(|l| landmark_word.contains(*l)))?;
                        Some((h, word))
                    })
                    .collect();
                let same_word = named.windows(2).all(|p| p[0].1 == p[1].1);
                if let Some(&(h, _)) = named.first().filter(|_| same_word) {
                    target[g] = h;
                }
            }
        }
    }
    // A name written twice with one letter changed in one long word
    // ("Nadia Quillec" / "Nadia Quilleck", "boulevard Zorbmann" /
    // "boulevard Zorbman"): a misspelling, when the one earlier name so
    // near is the only one and the two are persons or not alike; two known
    // places never (the names of two countries may be a letter apart), nor
    // two names one sentence writes ("Julien Moreaux a battu Julien
    // Moreaud": a text does not misspell a name beside itself).
    // A misspelling of a misspelling is no longer one letter from the name
    // ("Quillec", "Quilleck", "Quilleckk"): only a name not itself respelt
    // takes misspellings.
    let mut respelt = vec![false; n];
    for g in 0..n {
        if target[g] != g {
            continue;
        }
        let near: Vec<usize> = (0..g)
            .filter(|&h| {
                !respelt[h]
                    && is_person(h) == is_person(g)
                    && !(is_place(h) && is_place(g))
                    && words[h].len() == words[g].len()
                    && misspelt(&words[h], &words[g], is_person(g))
            })
            .collect();
        if let Some(h) = unique(near).filter(|&h| sentences(h).is_disjoint(&sentences(g))) {
            target[g] = h;
            respelt[g] = true;
        }
    }
    // Follow chains (A → B → C) so every group lands on its final target.
    let mut merged: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (g, members) in groups.iter().enumerate() {
        let mut t = g;
        for _ in 0..n {
            if target[t] == t {
                break;
            }
            t = target[t];
        }
        merged[t].extend(members.iter().copied());
    }
    let mut out: Vec<Vec<usize>> = merged.into_iter().filter(|m| !m.is_empty()).collect();
    for m in &mut out {
        m.sort_unstable();
    }
    out.sort_by_key(|m| m[0]);
    out
}

/// Whether two types may be the same thing: equal, or place/organisation
/// (the Kremlin, the White House are both).
pub fn compatible(a: EntityKind, b: EntityKind) -> bool {
    use EntityKind::*;
    a == b
        || matches!(
            (a, b),
            (Place, Organization) | (Organization, Place) | (Misc, _) | (_, Misc)
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(key: &str, person: bool) -> Keyed {
        Keyed {
            key: key.into(),
            person,
            place: false,
            org_head: ["centre", "groupe"].iter().any(|h| key.starts_with(h)),
            acronym: false,
            glosses: None,
            after_class_noun: false,
            core: super::super::tables::tables().name_core(key),
            text: key.into(),
            sentence: None,
            contrasted: false,
        }
    }

    #[test]
    fn a_name_glossed_in_parentheses_joins_it() {
        // "l'Agence spatiale européenne (ESA)": no French initials, but the
        // text says they are one.
        let m = [
            k("agence spatiale europeenne", false),
            Keyed {
                glosses: Some(0),
                ..k("esa", false)
            },
            k("esa", false),
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1, 2]]);
    }

    fn acr(key: &str) -> Keyed {
        Keyed {
            acronym: true,
            ..k(key, false)
        }
    }

    #[test]
    fn an_acronym_joins_the_one_name_it_spells() {
        let m = [
            k("cour penale internationale", false),
            acr("cpi"),
            k("forces armees revolutionnaires de colombie", false),
            acr("farc"),
            k("reseau de transport d'electricite", false),
            acr("rte"),
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1], vec![2, 3], vec![4, 5]]);
    }

    #[test]
    fn an_acronym_that_spells_two_names_or_a_person_joins_nothing() {
        // Two parties with the same initials: the acronym stays apart.
        let m = [
            k("parti des travailleurs", false),
            k("parti du travail", false),
            acr("pt"),
        ];
        assert_eq!(cluster(&m).len(), 3);
        // A person's initials are no acronym of theirs.
        let m = [k("jean claude juncker", true), acr("jcj")];
        assert_eq!(cluster(&m).len(), 2);
        // An acronym the NER typed as a person still joins the name it spells.
        let m = [
            k("reseau de transport d'electricite", false),
            Keyed {
                person: true,
                ..acr("rte")
            },
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // Written in lower case: not an acronym, joins nothing.
        let m = [k("cour penale internationale", false), k("cpi", false)];
        assert_eq!(cluster(&m).len(), 2);
        // A one-word name has no initials to spell.
        let m = [k("otan", false), acr("o")];
        assert_eq!(cluster(&m).len(), 2);
    }

    #[test]
    fn a_bare_name_joins_the_one_headed_by_an_organisation_word() {
        let m = [k("groupe tf1", false), k("tf1", false)];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // Not an organisation head ("Paris" is no "Ville de Paris" here).
        let m = [k("ville de paris", false), k("paris", false)];
        assert_eq!(cluster(&m).len(), 2);
    }

    #[test]
    fn a_dated_form_of_a_name_joins_it() {
        let m = [k("coupe de russie", false), k("coupe de russie 2018", false)];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // Two years are two editions.
        let m = [k("coupe du monde 2018", false), k("coupe du monde 2022", false)];
        assert_eq!(cluster(&m).len(), 2);
        assert_eq!(variant_form("coupe du monde 2018"), ("coupe du monde", Some("2018")));
        assert_eq!(variant_form("2018"), ("2018", None));
        assert_eq!(variant_form("paris 3000"), ("paris 3000", None));
    }

    #[test]
    fn a_name_in_the_other_number_joins_it() {
        let m = [k("gilets bleus", false), k("paris", false), k("gilet bleu", false)];
        assert_eq!(cluster(&m), vec![vec![0, 2], vec![1]]);
        let m = [k("ouighour", false), k("ouighours", false)];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // Even when the NER typed one of them a person.
        let m = [k("gilets bleus", true), k("gilet bleu", false)];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // Names of another length or word, and short words, stay apart.
        let m = [k("gilets bleus", false), k("gilet bleu clair", false)];
        assert_eq!(cluster(&m).len(), 2);
        let m = [k("bus", false), k("bu", false)];
        assert_eq!(cluster(&m).len(), 2);
        assert!(number_variant(&["nations", "unies"], &["nation", "unie"]));
        assert!(!number_variant(&["nations", "unies"], &["nations", "unies"]));
        assert!(!number_variant(&["nations", "unies"], &["nation", "une"]));
    }

    #[test]
    fn a_name_shortened_by_its_de_complement_joins_it() {
        let m = [
            k("coupe d'europe de handball 2021", false),
            k("coupe d'europe de handball", false),
            k("coupe d'europe", false),
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1, 2]]);
        // The short name written first: the long one is one of its kind
        // ("les Bonnets rouges", then "un Bonnet rouge de Brest").
        let m = [kt("Bonnet rouge"), kt("Bonnet rouge de Brest")];
        assert_eq!(cluster(&m).len(), 2);
        // Two different complements: the short name stays apart.
        let m = [
            k("coupe d'europe de handball", false),
            k("coupe d'europe de basket", false),
            k("coupe d'europe", false),
        ];
        assert_eq!(cluster(&m).len(), 3);
        // An adjective is no complement ("Parti socialiste européen").
        let m = [k("parti socialiste europeen", false), k("parti socialiste", false)];
        assert_eq!(cluster(&m).len(), 2);
        // Two editions of a dated name: ambiguous.
        let m = [
            k("coupe du monde de rugby 2019", false),
            k("coupe du monde de rugby 2023", false),
            k("coupe du monde", false),
        ];
        assert_eq!(cluster(&m).len(), 3);
    }

    #[test]
    fn a_class_noun_written_differently_before_one_name() {
        let m = [
            k("basilique saint-paul de londres", false),
            k("eglise saint-paul", false),
            k("cathedrale saint-paul", false),
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1, 2]]);
        // Two different names after the class noun stay apart.
        let m = [k("eglise saint-paul", false), k("basilique saint-pierre", false)];
        assert_eq!(cluster(&m).len(), 2);
        // A class noun that is not listed ("musée") does not vary.
        let m = [k("musee saint-paul", false), k("eglise saint-paul", false)];
        assert_eq!(cluster(&m).len(), 2);
    }

    #[test]
    fn a_channel_name_with_and_without_its_suffix() {
        let m = [k("canal", false), k("canaltv", false), k("canal tv", false)];
        assert_eq!(cluster(&m), vec![vec![0, 1, 2]]);
        // A person named like a channel stays apart.
        let m = [k("canal", true), k("canaltv", false)];
        assert_eq!(cluster(&m).len(), 2);
    }

    #[test]
    fn an_acronym_spelled_in_another_order_joins_its_name() {
        // The English acronym of a name written in French.
        let m = [k("organisation mondiale commerce", false), acr("wmo")];
        assert_eq!(cluster(&m).len(), 2, "w is no initial here");
        let m = [k("station orbitale internationale", false), acr("ios")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // Exact initials win over a permutation.
        let m = [
            k("station orbitale internationale", false),
            k("institut orbital scientifique", false),
            acr("ios"),
        ];
        assert_eq!(cluster(&m), vec![vec![0], vec![1, 2]]);
        // Two letters are too few to read in any order.
        let m = [k("europe unie", false), acr("ue")];
        assert_eq!(cluster(&m).len(), 2);
        assert!(spells_permuted("iss", "station spatiale internationale"));
        assert!(!spells_permuted("is", "spatiale internationale"));
        assert!(!spells_permuted("m5s", "mouvement cinq etoiles"));
    }

    #[test]
    fn loose_spelling_of_a_gloss() {
        assert!(spells_loosely("esa", "agence spatiale europeenne"));
        assert!(spells_loosely("pipa", "parc industriel de la plaine de l'ain"));
        assert!(!spells_loosely("renault", "groupe nissan"));
        assert!(
            !spells_loosely("ssa", "agence spatiale europeenne"),
            "a letter used twice"
        );
        assert!(!spells_loosely("e", "agence spatiale europeenne"), "one letter");
    }

    #[test]
    fn acronym_shapes() {
        for yes in ["CPI", "FARC", "M5S", "TF1", "ÉDF"] {
            assert!(is_acronym(yes), "{yes}");
        }
        for no in ["Paris", "A", "2018", "5G", "C'EST", "ABCDEFG", "Cour pénale"] {
            assert!(!is_acronym(no), "{no}");
        }
    }

    #[test]
    fn surname_joins_the_unique_full_name() {
        let m = [
            k("volodymyr zelenskyy", true),
            k("zelenskyy", false),
            k("andriy yermak", true),
            k("yermak", true),
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1], vec![2, 3]]);
    }

    #[test]
    fn an_initial_and_a_surname_join_the_full_name_they_abbreviate() {
        let m = [k("nadia quillec", true), k("n. quillec", false), k("paul marlin", true)];
        assert_eq!(cluster(&m).len(), 2);
        // Another initial, or two full names it may abbreviate: nobody.
        let m = [k("nadia quillec", true), k("p. quillec", false)];
        assert_eq!(cluster(&m).len(), 2);
        let m = [
            k("nadia quillec", true),
            k("noel quillec", true),
            k("n. quillec", false),
        ];
        assert_eq!(cluster(&m).len(), 3);
        // A one-letter word without its dot is no initial.
        let m = [k("nadia quillec", true), k("n quillec", false)];
        assert_eq!(cluster(&m).len(), 2);
    }

    #[test]
    fn a_hyphenated_surname_joins_the_unique_full_name() {
        let m = [
            Keyed {
                person: true,
                ..kt("Paul Morvan-Quillec")
            },
            Keyed {
                person: true,
                ..kt("Morvan-Quillec")
            },
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // Two people of that name: neither.
        let m = [
            Keyed {
                person: true,
                ..kt("Paul Morvan-Quillec")
            },
            Keyed {
                person: true,
                ..kt("Anne Morvan-Quillec")
            },
            Keyed {
                person: true,
                ..kt("Morvan-Quillec")
            },
        ];
        assert_eq!(cluster(&m).len(), 3);
        // Two written words are no surname: "Morvan Quillec" is a first
        // name and a surname.
        let m = [
            Keyed {
                person: true,
                ..kt("Paul Morvan Quillec")
            },
            Keyed {
                person: true,
                ..kt("Morvan Quillec")
            },
        ];
        assert_eq!(cluster(&m).len(), 2);
    }

    #[test]
    fn first_names_and_ambiguous_surnames_stay_apart() {
        let m = [k("andriy yermak", true), k("andriy sybiha", true), k("andriy", true)];
        assert_eq!(cluster(&m).len(), 3);
        let m = [k("jean martin", true), k("paul martin", true), k("martin", true)];
        assert_eq!(cluster(&m).len(), 3);
    }

    #[test]
    fn a_known_place_does_not_join_a_person() {
        let m = [
            k("george washington", true),
            Keyed {
                key: "washington".into(),
                person: false,
                place: true,
                org_head: false,
                acronym: false,
                glosses: None,
                after_class_noun: false,
                core: None,
                text: "Washington".into(),
                sentence: None,
                contrasted: false,
            },
        ];
        assert_eq!(cluster(&m).len(), 2);
    }

    #[test]
    fn shortened_organisation_names_join_the_long_one() {
        let m = [
            k("centre de desinformation du gouvernement ukrainien", false),
            k("centre de desinformation", false),
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
    }

    #[test]
    fn names_fold_and_lose_a_leading_article() {
        use crate::names::key;
        assert_eq!(key("l'Ukraine"), "ukraine");
        assert_eq!(key("Les Républicains"), "republicains");
        assert_eq!(key("Le"), "le");
    }

    /// A mention as the caller builds it from its written text.
    fn kt(text: &str) -> Keyed {
        let key = crate::names::key(text);
        Keyed {
            org_head: false,
            person: false,
            place: false,
            acronym: is_acronym(text),
            glosses: None,
            after_class_noun: false,
            core: super::super::tables::tables().name_core(&key),
            key,
            text: text.into(),
            sentence: None,
            contrasted: false,
        }
    }

    fn together(m: &[Keyed], a: usize, b: usize) -> bool {
        cluster(m).iter().any(|g| g.contains(&a) && g.contains(&b))
    }

    #[test]
    fn a_name_with_or_without_its_year_or_organiser_is_one() {
        let m = [kt("Grand Tournoi 2031"), kt("Grand Tournoi FZB"), kt("Grand Tournoi")];
        assert_eq!(cluster(&m), vec![vec![0, 1, 2]]);
        // A "de" before the year, a hyphen, an edition ordinal.
        let m = [
            kt("Jeux zorbiens d'été de 2031"),
            kt("Jeux zorbiens d'été 2031"),
            kt("Coupe de Haute-Borlande"),
            kt("Coupe de Haute Borlande 2030-2031"),
            kt("37e Festival Zorbo Plage"),
            kt("Festival Zorbo Plage 2031"),
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1], vec![2, 3], vec![4, 5]]);
        // A common-noun complement added to the name of the same year.
        let m = [
            kt("Jeux zorbiens de 2031"),
            kt("Jeux zorbiens d'été de 2031"),
            kt("Championnats de Borlande 2031"),
            kt("Championnats de Borlande de patinage sur glace 2031"),
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1], vec![2, 3]]);
        // A complement in "de" added where one of the two writes no year:
        // the season of the games the article is about.
        let m = [kt("Jeux zorbiens 2031"), kt("Jeux Zorbiens d'hiver")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        let m = [kt("Jeux zorbiens"), kt("Jeux zorbiens d'été de 2031")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // Function words written or not.
        let m = [
            kt("avenue de Morlaix"),
            kt("avenue Morlaix"),
            kt("Golfe de la Borlande"),
            kt("Golfe de Borlande"),
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1], vec![2, 3]]);
    }

    #[test]
    fn names_whose_marks_disagree_stay_apart() {
        // Two years, two organisers, two editions: two events.
        let m = [kt("Grand Tournoi 2029"), kt("Grand Tournoi 2031")];
        assert_eq!(cluster(&m).len(), 2);
        let m = [kt("Grand Tournoi FZB"), kt("Grand Tournoi UXR")];
        assert_eq!(cluster(&m).len(), 2);
        let m = [kt("37e Festival Zorbo Plage"), kt("38e Festival Zorbo Plage")];
        assert_eq!(cluster(&m).len(), 2);
        // The bare name beside two dated ones of different years joins
        // neither of the two through its shape (the older dated rule
        // still joins it to the first).
        let m = [
            kt("Grand Tournoi FZB 2029"),
            kt("Grand Tournoi UXR 2031"),
            kt("Grand Tournoi FZB"),
        ];
        assert!(!together(&m, 0, 1));
        // A club is no city: one word left once the acronym goes.
        let m = [kt("RC Quimpreux"), kt("Quimpreux")];
        assert_eq!(cluster(&m).len(), 2);
        // A person's name with an acronym is no other person.
        let m = [
            kt("Jean Quimpreux"),
            Keyed {
                person: true,
                ..kt("Jean Quimpreux MBE")
            },
        ];
        assert_eq!(cluster(&m).len(), 2);
        // A capitalised complement names one event of the series; without
        // a year on both, no added adjective joins (another branch of the
        // series, another group).
        let m = [kt("Grand Tournoi 2031"), kt("Grand Tournoi de Borlande 2031")];
        assert_eq!(cluster(&m).len(), 2);
        let m = [kt("Grand Tournoi"), kt("Grand Tournoi junior 2031")];
        assert_eq!(cluster(&m).len(), 2);
        let m = [kt("Gilets verts"), kt("Gilets verts libres")];
        assert_eq!(cluster(&m).len(), 2);
        // Two complements that disagree: the bare name joins neither.
        let m = [
            kt("Jeux zorbiens"),
            kt("Jeux zorbiens d'été"),
            kt("Jeux zorbiens d'hiver"),
        ];
        assert_eq!(cluster(&m).len(), 3);
        let m = [kt("Grand Tournoi 2029"), kt("Grand Tournoi d'été 2031")];
        assert_eq!(cluster(&m).len(), 2);
        // A different complement is a different name.
        let m = [kt("Grand Tournoi de Borlande"), kt("Grand Tournoi 2031")];
        assert_eq!(cluster(&m).len(), 2);
    }

    #[test]
    fn an_acronym_of_every_word_or_with_a_number_joins_its_name() {
        // Initials of every word, function words and article included.
        let m = [kt("Journal du Soir Zorbien"), kt("JDSZ")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        let m = [kt("La Ligue Borlandaise"), kt("LLB")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // The article left out of the name's mention.
        let m = [kt("Ligue Borlandaise"), kt("LLB")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // Two words only: "de" must be skipped ("Banque de Zorbie" is no "BDZ" … but "BZ").
        let m = [kt("Ligue Zorbe"), kt("LDZ")];
        assert_eq!(cluster(&m).len(), 2);
        // A number word written as its digit; one letter may be of the
        // name in its own language.
        let m = [kt("Parti des trois rivières"), kt("P3R")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        let m = [kt("Front quatre vents"), kt("F4W")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // The digit must be the number; without a digit no letter may differ.
        let m = [kt("Front quatre vents"), kt("F5W")];
        assert_eq!(cluster(&m).len(), 2);
        let m = [kt("Front quatre vents"), kt("FQW")];
        assert_eq!(cluster(&m).len(), 2);
        // Two letters off: no.
        let m = [kt("Front quatre vents"), kt("G4W")];
        assert_eq!(cluster(&m).len(), 2);
    }

    #[test]
    fn acronyms_joined_by_a_hyphen_join_the_name_of_the_first() {
        let m = [kt("Institut Xylo de Borlande"), kt("IXB-CORTALIS")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // Two names with those initials: neither.
        let m = [
            kt("Institut Xylo de Borlande"),
            kt("Institut Xeno Bleu"),
            kt("IXB-CORTALIS"),
        ];
        assert_eq!(cluster(&m).len(), 3);
        // A hyphenated name that is no acronym joins nothing.
        let m = [kt("Institut Xylo de Borlande"), kt("Ixb-Cortal")];
        assert_eq!(cluster(&m).len(), 2);
    }

    #[test]
    fn a_company_form_or_a_class_noun_before_a_name() {
        let m = [kt("Zorblax Corporation"), kt("Zorblax")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        let m = [kt("galaxie Zorbo"), kt("Zorbo"), kt("mission Zorbo 7"), kt("Zorbo 7")];
        assert_eq!(cluster(&m), vec![vec![0, 1], vec![2, 3]]);
        // A person keeps their name.
        let m = [
            kt("Zorblax Studios"),
            Keyed {
                person: true,
                ..kt("Zorblax")
            },
        ];
        assert_eq!(cluster(&m).len(), 2);
    }

    #[test]
    fn a_bare_name_joins_its_one_landmark() {
        // "la place de la Zorbe" … "la Zorbe"; "l'avenue de Quillac" … "Quillac".
        let m = [
            kt("place de la Zorbe"),
            kt("Zorbe"),
            kt("avenue de Quillac"),
            kt("Quillac"),
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1], vec![2, 3]]);
        let m = [kt("arc de l'Ostral"), kt("Ostral")];
        assert!(together(&m, 0, 1));
        let m = [kt("avenue des Zorbes"), kt("Zorbes")];
        assert!(together(&m, 0, 1));
        // A street named after a thing with an article is not what its bare
        // name means ("la rue de l'Ostral" beside "l'Ostral", a building).
        let m = [kt("rue de l'Ostral"), kt("Ostral")];
        assert_eq!(cluster(&m).len(), 2);
        let m = [kt("avenue du Quillac"), kt("Quillac")];
        assert_eq!(cluster(&m).len(), 2);
        // Two landmark names ending with it: neither.
        let m = [kt("place de la Zorbe"), kt("rue de la Zorbe"), kt("Zorbe")];
        assert_eq!(cluster(&m).len(), 3);
        // A bridge counts against the square, and is never what the bare
        // name means.
        let m = [kt("place de la Zorbe"), kt("pont de la Zorbe"), kt("Zorbe")];
        assert_eq!(cluster(&m).len(), 3);
        let m = [kt("pont de la Zorbe"), kt("Zorbe")];
        assert_eq!(cluster(&m).len(), 2);
        // A known place is no landmark's bare name ("pont de Quillac").
        let m = [
            kt("avenue de Quillac"),
            Keyed {
                place: true,
                ..kt("Quillac")
            },
        ];
        assert_eq!(cluster(&m).len(), 2);
        // The NER's person type does not keep it apart ("vers la Zorbe"),
        // but a street named after a person is no full name of theirs.
        let m = [
            kt("rue Zorbe"),
            Keyed {
                person: true,
                ..kt("Zorbe")
            },
        ];
        assert!(together(&m, 0, 1));
        let m = [
            kt("rue Paul Zorbe"),
            Keyed {
                person: true,
                ..kt("Zorbe")
            },
        ];
        assert_eq!(cluster(&m).len(), 2);
        // Nor a name tagged after a class noun left out of it ("la gare
        // Zorbe").
        let m = [
            kt("rue Zorbe"),
            Keyed {
                after_class_noun: true,
                ..kt("Zorbe")
            },
        ];
        assert_eq!(cluster(&m).len(), 2);
        // A word that alone is no entity is no bare name.
        let m = [kt("place de la République"), kt("République")];
        assert_eq!(cluster(&m).len(), 2);
        // A class noun of another kind is no landmark's.
        let m = [kt("cour de Quillac"), kt("Quillac")];
        assert_eq!(cluster(&m).len(), 2);
    }

    #[test]
    fn an_acronym_in_the_plural_or_without_capitals_joins_its_name() {
        assert_eq!(loose_acronym("GJs").as_deref(), Some("gj"));
        assert_eq!(loose_acronym("Gjs").as_deref(), Some("gj"));
        assert_eq!(loose_acronym("Gj").as_deref(), Some("gj"));
        for no in ["GJ", "Tom", "Elsa", "Zorblax", "G", "Gj2"] {
            assert_eq!(loose_acronym(no), None, "{no}");
        }
        let m = [kt("Tournesols verts"), kt("Tvs"), kt("TVs")];
        assert_eq!(cluster(&m), vec![vec![0, 1, 2]]);
        // The name in both numbers is one candidate; a person typed by the
        // NER on a plural group name does not keep it apart.
        let m = [
            Keyed {
                person: true,
                ..kt("Tournesols verts")
            },
            kt("Tournesol vert"),
            kt("Tvs"),
        ];
        assert_eq!(cluster(&m), vec![vec![0, 1, 2]]);
        // Two names it spells: it joins neither.
        let m = [kt("Tournesols verts"), kt("Tambours violets"), kt("Tvs")];
        assert_eq!(cluster(&m).len(), 3);
    }

    #[test]
    fn a_one_word_name_joins_the_name_it_opens_with_adjectives() {
        let m = [kt("Tournesols verts"), kt("Tournesols")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        let m = [kt("Jeux zorbiens"), kt("Jeux")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // A capitalised word after it: another thing.
        let m = [kt("Fondation Zorblax"), kt("Fondation")];
        assert_eq!(cluster(&m).len(), 2);
        // A "de" complement after it: the name shortened as news do
        // ("le Sacré-Cœur de Montmartre", then "le Sacré-Cœur").
        let m = [kt("Temple-Zorbe de Quillac"), kt("Temple-Zorbe")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        let m = [kt("Temple-Zorbe"), kt("Temple-Zorbe de Quillac")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // Written before the long name, two long names, a first name.
        let m = [kt("Tournesols"), kt("Tournesols verts")];
        assert_eq!(cluster(&m).len(), 2);
        let m = [kt("Tournesols verts"), kt("Tournesols rouges"), kt("Tournesols")];
        assert_eq!(cluster(&m).len(), 3);
        let m = [
            kt("Marine nationale"),
            Keyed {
                person: true,
                ..kt("Marine")
            },
        ];
        assert_eq!(cluster(&m).len(), 2);
    }

    #[test]
    fn a_name_misspelt_by_one_letter_joins_the_earlier_one() {
        let at = |text: &str, para: usize| Keyed {
            sentence: Some((para, 0)),
            ..kt(text)
        };
        let m = [at("Nadia Quillec", 0), at("Nadia Quilleck", 1)];
        assert_eq!(cluster(&m).len(), 1);
        let m = [at("boulevard Zorbmann", 0), at("boulevard Zorbman", 3)];
        assert_eq!(cluster(&m).len(), 1);
        let m = [at("Zorbe-et-Loire", 0), at("Zorbe-et-Loir", 3)];
        assert_eq!(cluster(&m).len(), 1);
        // One sentence writing both names means two people.
        let m = [at("Julien Moreaux", 0), at("Julien Moreaud", 0)];
        assert_eq!(cluster(&m).len(), 2);
        // First names a letter apart are two people of one family.
        let person = |text: &str, para: usize| Keyed {
            person: true,
            ..at(text, para)
        };
        let m = [person("Michel Zorbeau", 0), person("Michèle Zorbeau", 1)];
        assert_eq!(cluster(&m).len(), 2);
        let m = [person("Christian Zorbeau", 0), person("Christiane Zorbeau", 1)];
        assert_eq!(cluster(&m).len(), 2);
        let m = [person("Nadia Quillec", 0), person("Nadia Quilleck", 1)];
        assert_eq!(cluster(&m).len(), 1);
        // Roman numbers are numbers.
        let m = [at("Université Zorbe VIII", 0), at("Université Zorbe XIII", 1)];
        assert_eq!(cluster(&m).len(), 2);
        // A one-word name, a short word, a number: other names.
        for (a, b) in [
            ("Wikipédia", "Wikimedia"),
            ("Zorbe Iran", "Zorbe Irak"),
            ("Apollo 11", "Apollo 12"),
        ] {
            assert_eq!(cluster(&[at(a, 0), at(b, 1)]).len(), 2, "{a} / {b}");
        }
        // A misspelling of a misspelling is two letters from the name.
        let m = [
            at("Nadia Quillec", 0),
            at("Nadia Quilleck", 1),
            at("Nadia Quilleckk", 2),
        ];
        assert_eq!(cluster(&m).len(), 2);
        // Two earlier names it is near: neither.
        let m = [at("Nadia Quillec", 0), at("Nadia Quilled", 0), at("Nadia Quille", 1)];
        assert_eq!(cluster(&m).len(), 3);
    }

    #[test]
    fn a_town_without_its_qualifier_joins_it() {
        for (long, short) in [
            ("Zorbeville-sur-Mer", "Zorbeville"),
            ("Quillac-en-Zorbe", "Quillac"),
            ("Saint-Quill-lès-Zorbe", "Saint-Quill"),
        ] {
            assert_eq!(cluster(&[kt(long), kt(short)]).len(), 1, "{long}");
            assert_eq!(cluster(&[kt(short), kt(long)]).len(), 1, "{long}");
        }
        // Not a qualifier: a part, a district, another name.
        for (long, short) in [
            ("Zorbeville-Sud", "Zorbeville"),
            ("Quillac-et-Zorbe", "Quillac"),
            ("Zorb-Quillac", "Zorb"),
        ] {
            assert_eq!(cluster(&[kt(long), kt(short)]).len(), 2, "{long}");
        }
        // Two towns of that name: neither.
        let m = [kt("Zorbeville-sur-Mer"), kt("Zorbeville-en-Quill"), kt("Zorbeville")];
        assert_eq!(cluster(&m).len(), 3);
        // Only in one sentence: two communes share the part ("Clichy",
        // "Clichy-sous-Bois"), a river names a town ("la Marne").
        let at = |text: &str, para: usize| Keyed {
            sentence: Some((para, 0)),
            ..kt(text)
        };
        assert_eq!(cluster(&[at("Zorbeville-sur-Mer", 0), at("Zorbeville", 0)]).len(), 1);
        assert_eq!(cluster(&[at("Zorbeville-sur-Mer", 0), at("Zorbeville", 1)]).len(), 2);
        // Nor when the sentence sets them apart: a list's item ("de
        // Zorbeville et de Zorbeville-sur-Mer") or a subject ("la Zorbe a
        // inondé Zorbe-la-Vallée").
        let contrasted = |text: &str| Keyed {
            contrasted: true,
            ..at(text, 0)
        };
        assert_eq!(
            cluster(&[contrasted("Zorbeville"), at("Zorbeville-sur-Mer", 0)]).len(),
            2
        );
        assert_eq!(cluster(&[contrasted("Zorbe"), at("Zorbe-la-Vallée", 0)]).len(), 2);
        assert_eq!(
            cluster(&[at("Zorbeville", 0), contrasted("Zorbeville-sur-Mer")]).len(),
            2
        );
        // A known place is itself.
        let paris = Keyed {
            place: true,
            ..kt("Paris")
        };
        assert_eq!(cluster(&[kt("Paris-la-Zorbe"), paris]).len(), 2);
    }

    #[test]
    fn the_first_part_of_a_hyphenated_name_joins_it() {
        let m = [kt("avenue des Champs-Zorbées"), kt("Champs-Zorbées"), kt("Champs")];
        assert_eq!(cluster(&m), vec![vec![0, 1, 2]]);
        // No landmark's name: a river is no département, a company no
        // alliance.
        for (long, short) in [("Zorbe-Maritime", "Zorbe"), ("Zorblax-Quillac", "Zorblax")] {
            assert_eq!(cluster(&[kt(long), kt(short)]).len(), 2, "{long}");
        }
        // The landmark may come later in the text ("les Champs" hours
        // before "l'avenue des Champs-Zorbées").
        let m = [kt("Champs-Zorbées"), kt("Champs"), kt("avenue des Champs-Zorbées")];
        assert_eq!(cluster(&m), vec![vec![0, 1, 2]]);
        let m = [kt("Champs"), kt("avenue des Champs-Zorbées")];
        assert_eq!(cluster(&m), vec![vec![0, 1]]);
        // Without a landmark, only the one name that is that word: a
        // description around it ("chaussée des …") is none.
        let m = [kt("Champs"), kt("Champs-Zorbées")];
        assert_eq!(cluster(&m).len(), 2);
        let m = [kt("chaussée des Champs-Zorbées"), kt("Champs")];
        assert_eq!(cluster(&m).len(), 2);
        // Two hyphenated names it opens: neither.
        let m = [kt("Haute-Zorbe"), kt("Haute-Quillac"), kt("Haute")];
        assert_eq!(cluster(&m).len(), 3);
    }

    #[test]
    fn an_affair_is_no_full_name_of_its_person() {
        // "l'affaire Morvaz" typed a person does not keep "Morvaz" from
        // "Paul Morvaz".
        let m = [
            Keyed {
                person: true,
                ..kt("Affaire Morvaz")
            },
            Keyed {
                person: true,
                ..kt("Paul Morvaz")
            },
            Keyed {
                person: true,
                ..kt("Morvaz")
            },
        ];
        assert!(together(&m, 1, 2));
        assert!(!together(&m, 0, 2));
    }
}
