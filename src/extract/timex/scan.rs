//! Finding time expressions in one paragraph of text.
//!
//! Owns the word splitter and the surface patterns: which runs of words are
//! a time expression, where it starts and ends (determiners and position
//! modifiers in, prepositions out, as in `shared/eval/TIME.md`), and what it
//! means before any calendar is consulted ([`Meaning`]). Values are computed
//! in `resolve.rs`; the words themselves come from `words.tsv`.
//!
//! Method: hand-written patterns over a simple word split, in the spirit of
//! HeidelTime's French rules and the TimeML TIMEX3 guidelines (read, not
//! copied). Every loop advances by at least one word, so any input ends in
//! time linear in its length (pattern look-ahead is bounded).

use super::words::{words, Words};

/// One word (or punctuation mark, or digit run) of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Lower case, typographic apostrophes made plain.
    pub text: String,
    /// Character offsets in the paragraph text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Whether it is written with a capital first letter.
    pub capital: bool,
}

impl Word {
    fn is_digits(&self) -> bool {
        !self.text.is_empty() && self.text.chars().all(|c| c.is_ascii_digit())
    }
}

/// Words that drop their vowel before an apostrophe ("l'", "d'", "jusqu'").
const ELIDED: &[&str] = &[
    "l", "d", "j", "n", "s", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Splits a paragraph into words: letters and digits (hyphenated compounds
/// kept whole), elided words with their apostrophe, "aujourd'hui" whole,
/// ordinals such as "1er" and "XXe" whole, every other character alone.
pub fn split(text: &str) -> Vec<Word> {
    let chars: Vec<char> = text.chars().collect();
    let apostrophe = |c: char| c == '\'' || c == '\u{2019}';
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            // Ordinal suffix: 1er, 1re, 2e, 2ème, 3è.
            let mut j = i;
            while j < chars.len() && chars[j].is_alphabetic() {
                j += 1;
            }
            let suffix: String = chars[i..j].iter().collect::<String>().to_lowercase();
            if matches!(suffix.as_str(), "er" | "re" | "e" | "ème" | "eme" | "è" | "ère") {
                i = j;
            }
        } else if c.is_alphabetic() {
            loop {
                while i < chars.len() && chars[i].is_alphabetic() {
                    i += 1;
                }
                let hyphen = i + 1 < chars.len() && chars[i] == '-' && chars[i + 1].is_alphabetic();
                // "ce soir-là", "ce jour-ci": the pointer is a word of its own.
                if hyphen && is_pointer(&chars, i) {
                    break;
                }
                if hyphen {
                    i += 1;
                    continue;
                }
                break;
            }
            if i < chars.len() && apostrophe(chars[i]) {
                let word: String = chars[start..i].iter().collect::<String>().to_lowercase();
                let hui = chars
                    .get(i + 1..i + 4)
                    .map(|s| s.iter().collect::<String>().to_lowercase());
                if word == "aujourd" && hui.as_deref() == Some("hui") {
                    i += 4;
                } else if ELIDED.contains(&word.as_str()) {
                    i += 1;
                }
            }
        } else if c == '-' && is_pointer(&chars, i) && out.last().is_some_and(|w: &Word| w.end == i) {
            i += 3;
        } else {
            i += 1;
        }
        let text: String = chars[start..i]
            .iter()
            .collect::<String>()
            .to_lowercase()
            .replace('\u{2019}', "'");
        out.push(Word {
            text,
            start,
            end: i,
            capital: c.is_uppercase(),
        });
    }
    out
}

/// Whether `chars[at..]` is "-là" or "-ci" ending a word.
fn is_pointer(chars: &[char], at: usize) -> bool {
    let Some(p) = chars.get(at..at + 3) else {
        return false;
    };
    let p: String = p.iter().collect::<String>().to_lowercase();
    (p == "-là" || p == "-ci") && chars.get(at + 3).is_none_or(|c| !c.is_alphabetic())
}

/// What the parse says about the word at a position, for the few patterns
/// that need it; [`NoParse`] answers "unknown" everywhere.
pub trait Parse {
    /// Universal POS of the parser's token covering paragraph character `at`.
    fn pos(&self, at: usize) -> Option<&str>;
    /// Whether the token at `at` counts a noun written after it
    /// ("1500 maisons"): a number that is not a year.
    fn counts_next_noun(&self, at: usize) -> bool;
}

/// No parse available: every pattern that needs one stays silent.
pub struct NoParse;

impl Parse for NoParse {
    fn pos(&self, _: usize) -> Option<&str> {
        None
    }
    fn counts_next_noun(&self, _: usize) -> bool {
        false
    }
}

/// A duration amount: a number, or unknown ("plusieurs").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    N(u32),
    Vague,
}

/// What an expression says, before the calendar is consulted.
#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    /// Calendar pieces as written; missing pieces come from the anchor.
    /// `weekday` alone is a weekday to place by tense.
    Calendar {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
        weekday: Option<u32>,
        shift: i32,
    },
    /// A year, decade (`199`) or century (`19`) as written in TIMEX3.
    Literal(String),
    /// Days from the document date (hier = −1).
    Deictic(i64),
    /// Days from the last day the text named (la veille = −1).
    Anaphoric(i64),
    /// The unit containing the document date, moved by `shift` units
    /// (la semaine dernière: W, −1). Units: Y, M, W, WE, Q.
    Relative { unit: &'static str, shift: i32 },
    /// The unit containing the last date the text named (le début de l'année).
    AnaphoricUnit { unit: &'static str },
    /// `n` units before (`sign` −1) or after the document date (il y a trois ans).
    Ago { n: u32, unit: &'static str, sign: i32 },
    /// `n` units before or after the last date the text named (deux ans plus tôt).
    Shifted { n: u32, unit: &'static str, sign: i32 },
    /// A season (SP, SU, FA, WI) of a year as written, or of the document's year moved by `shift`.
    Season {
        code: String,
        year: Option<i32>,
        shift: i32,
    },
    /// A part of the day alone: of the document date (`deictic`) or of the last day named.
    PartOfDay { deictic: bool },
    /// A clock time alone, on the last day named.
    Clock,
    /// A duration: (amount, unit) pairs, units Y M W D H MIN S.
    Duration(Vec<(Amount, &'static str)>),
    /// A set (frequency), value as written in TIMEX3 (P1W, XXXX-WXX-1).
    Set(String),
    /// PAST_REF, PRESENT_REF or FUTURE_REF.
    Reference(&'static str),
    /// «un jour»: PAST_REF or FUTURE_REF by the verb's tense.
    Someday,
    /// A named night «la nuit de dimanche à lundi»: the night starting on the first day.
    Night(Box<Meaning>),
    /// A numeric date with a two-digit year ("12/10/98"): the century is
    /// the one that puts the year nearest the document date.
    ShortYear { yy: i32, month: u32, day: u32 },
}

/// One expression found: word range, its meaning, and the time of day
/// attached to it (part of day code, clock time).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Index of the first and one past the last word.
    pub first: usize,
    pub last: usize,
    pub meaning: Meaning,
    pub part: Option<String>,
    pub clock: Option<(u32, u32)>,
    /// TIMEX3 `mod`: START, MID, END (position words in the expression:
    /// «début mars», «fin 2017», «mi-juillet»), APPROX, MORE_THAN,
    /// LESS_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS, ON_OR_BEFORE, ON_OR_AFTER
    /// (quantity words just outside it: «vers 14 h», «plus de 8 heures»),
    /// BEFORE, AFTER («il y a plus de dix ans»). The value is the same
    /// with or without it, as TimeML writes it.
    pub modifier: Option<&'static str>,
}

impl Found {
    fn new(first: usize, last: usize, meaning: Meaning) -> Found {
        Found {
            first,
            last,
            meaning,
            part: None,
            clock: None,
            modifier: None,
        }
    }
}

struct Scanner<'a> {
    w: &'a [Word],
    words: &'static Words,
    parse: &'a dyn Parse,
}

const DETERMINERS: &[&str] = &["le", "la", "l'", "les", "ce", "cet", "cette", "ces"];

/// The TIMEX3 `mod` codes a table value may name.
const MODS: &[&str] = &[
    "START",
    "MID",
    "END",
    "APPROX",
    "MORE_THAN",
    "LESS_THAN",
    "EQUAL_OR_MORE",
    "EQUAL_OR_LESS",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "BEFORE",
    "AFTER",
];

/// A table's `mod` value as a static code; `None` for "-" or anything unknown.
fn mod_code(value: &str) -> Option<&'static str> {
    MODS.iter().copied().find(|m| *m == value)
}

/// Finds every time expression of a paragraph's words, in order, without overlaps.
pub fn scan(w: &[Word], parse: &dyn Parse) -> Vec<Found> {
    let s = Scanner {
        w,
        words: words(),
        parse,
    };
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < w.len() {
        match s.at(i) {
            Some(found) if found.last > i => {
                i = found.last;
                out.push(found);
            }
            _ => i += 1,
        }
    }
    borrow_range_years(w, &mut out);
    out
}

/// «du 28 juillet au 25 septembre 1973»: a range end's year completes the start.
fn borrow_range_years(w: &[Word], found: &mut [Found]) {
    for k in 1..found.len() {
        let (a, b) = found.split_at_mut(k);
        let (a, b) = (&mut a[k - 1], &b[0]);
        let between: Vec<&str> = w[a.last..b.first].iter().map(|x| x.text.as_str()).collect();
        if !matches!(
            between.as_slice(),
            ["au"] | ["à"] | ["-"] | ["–"] | ["et"] | ["au", "le"]
        ) {
            continue;
        }
        if let (
            Meaning::Calendar {
                year: year @ None,
                month: Some(_),
                day: Some(_),
                ..
            },
            Meaning::Calendar {
                year: Some(y),
                month: Some(_),
                ..
            },
        ) = (&mut a.meaning, &b.meaning)
        {
            *year = Some(*y);
        }
    }
}

impl Scanner<'_> {
    fn text(&self, i: usize) -> &str {
        self.w.get(i).map_or("", |w| w.text.as_str())
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.text(i) == s
    }

    fn any(&self, i: usize, list: &[&str]) -> bool {
        list.contains(&self.text(i))
    }

    /// A capitalised word inside a sentence: a name ("Mars" the planet,
    /// "Sciences et Avenir"), not a time word.
    fn is_name(&self, i: usize) -> bool {
        let capital = self.w.get(i).is_some_and(|w| w.capital);
        capital && i > 0 && !self.any(i - 1, &[".", "!", "?", "«", "\"", ":", "(", "–", "-", "—", "…"])
    }

    /// Words `i` and `i + 1` touch (no space between: "14h30", "12/10").
    fn glued(&self, i: usize) -> bool {
        matches!((self.w.get(i), self.w.get(i + 1)), (Some(a), Some(b)) if a.end == b.start)
    }

    /// A month name at `i`: (month, index after it). Abbreviations need
    /// their dot ("sept." is September, "sept" is seven) and take it along.
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        // "mi-mars": the middle of the month, written as one word.
        let t = self.text(i);
        let t = t.strip_prefix("mi-").unwrap_or(t);
        let m: u32 = self.words.get("month", t)?.parse().ok()?;
        let abbreviated = t.chars().count() <= 4 && !matches!(t, "mars" | "mai" | "juin" | "août" | "aout");
        if abbreviated {
            return self.is(i + 1, ".").then_some((m, i + 2));
        }
        Some((m, i + 1))
    }

    fn month(&self, i: usize) -> Option<u32> {
        self.month_at(i).map(|(m, _)| m)
    }

    fn weekday(&self, i: usize) -> Option<u32> {
        self.words.get("weekday", self.text(i))?.parse().ok()
    }

    fn day(&self, i: usize) -> Option<u32> {
        let t = self.text(i);
        let t = t.strip_suffix("er").unwrap_or(t);
        (t.len() <= 2 && !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    }

    /// A four-digit year 1000–2199 that is not the start of a bigger number.
    fn year(&self, i: usize) -> Option<i32> {
        let w = self.w.get(i)?;
        if !(w.is_digits() && w.text.len() == 4) {
            return None;
        }
        let y: i32 = w.text.parse().ok()?;
        if !(1000..=2199).contains(&y) {
            return None;
        }
        // "1 000", "2 500 000": a digit group follows or precedes.
        let group = |j: usize| self.w.get(j).is_some_and(|x| x.is_digits() && x.text.len() == 3);
        if group(i + 1) || (i > 0 && self.w[i - 1].is_digits() && self.w[i - 1].text.len() <= 3) {
            return None;
        }
        if self.words.is("notyear", self.text(i + 1)) || self.words.is("othercal", self.text(i.wrapping_sub(1))) {
            return None;
        }
        if self.parse.counts_next_noun(w.start) {
            return None;
        }
        Some(y)
    }

    fn number(&self, i: usize) -> Option<Amount> {
        let t = self.text(i);
        if let Some(n) = self.words.number(t) {
            // "un"/"une" are articles as often as numbers; the caller checks a unit follows.
            return Some(Amount::N(n));
        }
        self.words.is("vaguenumber", t).then_some(Amount::Vague)
    }

    fn unit(&self, i: usize) -> Option<&'static str> {
        let value = self.words.get("unit", self.text(i))?;
        ["Y", "M", "W", "D", "H", "MIN", "S", "WE", "DEC", "CEN", "Q"]
            .into_iter()
            .find(|u| *u == value)
    }

    fn shift(&self, i: usize) -> Option<i32> {
        self.words.get("shift", self.text(i))?.parse().ok()
    }

    /// What follows a month or a season at `i`: a year ("juin 2016": the
    /// year, no shift) or a shift word ("décembre dernier": no year, the
    /// shift); `None` when neither, so the expression ends before `i`.
    fn year_or_shift(&self, i: usize) -> Option<(Option<i32>, i32)> {
        match self.year(i) {
            Some(y) => Some((Some(y), 0)),
            None => self.shift(i).map(|s| (None, s)),
        }
    }

    /// A clock time starting at `i`: "14 h 30", "14h", "14 heures", "14:30",
    /// "midi". Returns (end, hour, minute). `heures_ok` lets the bare
    /// "N heures" count as a clock time.
    fn clock(&self, i: usize, heures_ok: bool) -> Option<(usize, u32, u32)> {
        if let Some(v) = self.words.get("clockword", self.text(i)) {
            let (h, m) = v.split_once(':')?;
            return Some((i + 1, h.parse().ok()?, m.parse().ok()?));
        }
        let w = self.w.get(i)?;
        if !w.is_digits() || w.text.len() > 2 {
            return None;
        }
        let h: u32 = w.text.parse().ok()?;
        if h > 24 {
            return None;
        }
        let minutes = |j: usize| -> Option<u32> {
            let x = self.w.get(j)?;
            (x.is_digits() && x.text.len() == 2)
                .then(|| x.text.parse().ok())
                .flatten()
                .filter(|m| *m < 60)
        };
        if self.is(i + 1, ":") && self.glued(i) {
            let m = minutes(i + 2)?;
            return Some((i + 3, h, m));
        }
        let word = self.text(i + 1);
        if word == "h" || (heures_ok && (word == "heures" || word == "heure")) {
            // "2 h 41 min" is a duration, not a clock time.
            if let Some(m) = minutes(i + 2) {
                if matches!(self.text(i + 3), "min" | "mn" | "minutes") {
                    return None;
                }
                return Some((i + 3, h, m));
            }
            if word == "h" && self.unit(i + 2) == Some("MIN") {
                return None;
            }
            // "24h sur 24", "en 24h": a length of time unless «à 24 h».
            if h == 24 && !heures_ok {
                return None;
            }
            return Some((i + 2, h, 0));
        }
        None
    }

    /// A time zone name after a clock time ("UTC", "GMT"): part of the expression.
    fn zone(&self, i: usize) -> usize {
        if self.any(i, &["utc", "gmt", "tu"]) {
            i + 1
        } else {
            i
        }
    }

    /// A duration at `i`: amounts with units, "69 jours 15 h 45 min".
    fn duration(&self, i: usize) -> Option<(usize, Vec<(Amount, &'static str)>)> {
        let mut parts = Vec::new();
        let mut j = i;
        while let Some(amount) = self.number(j) {
            // "les huit premiers mois": an ordinal between amount and unit.
            let skip = usize::from(self.words.is("ordinal", self.text(j + 1)) && self.unit(j + 2).is_some());
            let Some(unit) = self.unit(j + 1 + skip) else {
                break;
            };
            if matches!(unit, "WE" | "DEC" | "CEN" | "Q") && amount == Amount::Vague {
                break;
            }
            let is_article = matches!(self.text(j), "un" | "une");
            if is_article && !matches!(unit, "Y" | "M" | "W" | "D" | "H" | "MIN" | "S") {
                break;
            }
            parts.push((amount, unit));
            j += 2 + skip;
            // "15 h 45 min": minutes after hours.
            if unit == "H" && self.number(j).is_some() && self.unit(j + 1) == Some("MIN") {
                continue;
            }
            if !(self.number(j).is_some_and(|a| matches!(a, Amount::N(_))) && self.unit(j + 1).is_some()) {
                break;
            }
        }
        (!parts.is_empty()).then_some((j, parts))
    }

    /// The expression starting at word `i`, if any.
    fn at(&self, i: usize) -> Option<Found> {
        // Position modifiers: "le début de", "fin", "mi-", "plus tôt".
        let mut j = i;
        let mut positional = false;
        let mut modifier = None;
        let position = |x: usize| self.words.get("position", self.text(x));
        if self.any(j, &["le", "la", "l'"]) && position(j + 1).is_some() {
            j += 1;
        }
        if let Some(code) = position(j) {
            // "mi-2017": the hyphen before digits is a word of its own.
            let k = if self.any(j + 1, &["de", "du", "d'", "des"]) || (self.is(j + 1, "-") && self.glued(j)) {
                j + 2
            } else {
                j + 1
            };
            if self.core(k, true).is_some() {
                j = k;
                positional = true;
                modifier = mod_code(code);
            } else if let Some(mut f) = self.of_the_unit(j, k) {
                // "début du mois", "fin de semaine", "fin du mois dernier".
                f.first = i;
                f.modifier = mod_code(code);
                self.outer_modifier(&mut f);
                return Some(f);
            } else if j != i {
                return None;
            }
        }
        if self.is(j, "plus") && self.any(j + 1, &["tôt", "tard"]) && self.words.is("deictic", self.text(j + 2)) {
            j += 2;
        }
        let mut found = self.core(j, positional)?;
        found.first = i;
        if found.modifier.is_none() {
            found.modifier = modifier;
        }
        // "mi-mars", "la mi-juillet": the middle of the month, in one word.
        let k = if self.any(j, DETERMINERS) { j + 1 } else { j };
        if found.modifier.is_none() && self.text(k).starts_with("mi-") {
            found.modifier = Some("MID");
        }
        self.suffix(&mut found);
        self.outer_modifier(&mut found);
        Some(found)
    }

    /// "début du mois", "fin de semaine", "fin du mois dernier": a position
    /// word, `du` or `de` at `k - 1`, then a singular unit without its own
    /// determiner; the unit of the last date named (or of the document's,
    /// moved by a shift word).
    fn of_the_unit(&self, j: usize, k: usize) -> Option<Found> {
        if !self.any(k.checked_sub(1)?, &["du", "de"]) {
            return None;
        }
        let unit = self.unit(k).filter(|u| matches!(*u, "Y" | "M" | "W" | "WE"))?;
        if !matches!(
            self.text(k),
            "an" | "année" | "mois" | "semaine" | "week-end" | "weekend"
        ) {
            return None;
        }
        if let Some(shift) = self.shift(k + 1) {
            return Some(Found::new(j, k + 2, Meaning::Relative { unit, shift }));
        }
        Some(Found::new(j, k + 1, Meaning::AnaphoricUnit { unit }))
    }

    /// A quantity or approximation written just outside the expression
    /// («vers 14 h», «plus de 8 heures», «trois ans environ»): its TIMEX3
    /// `mod`, when the expression has none of its own. The words stay out
    /// of the expression's text.
    fn outer_modifier(&self, f: &mut Found) {
        if f.modifier.is_some() {
            return;
        }
        f.modifier = self
            .phrase_before(f.first, "modbefore")
            .map(|(m, _)| m)
            .or_else(|| self.words.get("modafter", self.text(f.last)).and_then(mod_code));
    }

    /// The longest phrase of `class` whose words end just before word
    /// `at`: its `mod` code and its length in words.
    fn phrase_before(&self, at: usize, class: &str) -> Option<(&'static str, usize)> {
        let mut best: Option<(&'static str, usize)> = None;
        for (phrase, value) in self.words.entries(class) {
            let parts: Vec<&str> = phrase.split(' ').flat_map(split_elision).collect();
            let Some(start) = at.checked_sub(parts.len()) else {
                continue;
            };
            if parts.iter().enumerate().all(|(n, p)| self.is(start + n, p))
                && best.is_none_or(|(_, len)| parts.len() > len)
            {
                if let Some(code) = mod_code(value) {
                    best = Some((code, parts.len()));
                }
            }
        }
        best
    }

    /// The longest phrase of `class` whose words start at word `at`: its
    /// `mod` code and its length in words.
    fn phrase_at(&self, at: usize, class: &str) -> Option<(&'static str, usize)> {
        let mut best: Option<(&'static str, usize)> = None;
        for (phrase, value) in self.words.entries(class) {
            let parts: Vec<&str> = phrase.split(' ').flat_map(split_elision).collect();
            if parts.iter().enumerate().all(|(n, p)| self.is(at + n, p))
                && best.is_none_or(|(_, len)| parts.len() > len)
            {
                if let Some(code) = mod_code(value) {
                    best = Some((code, parts.len()));
                }
            }
        }
        best
    }

    /// Part of day and clock time after a day: "lundi soir", "hier en fin
    /// d'après-midi", "ce matin à 5 h".
    fn suffix(&self, f: &mut Found) {
        let day_like = matches!(
            f.meaning,
            Meaning::Calendar { day: Some(_), .. }
                | Meaning::Calendar { weekday: Some(_), .. }
                | Meaning::Deictic(_)
                | Meaning::Anaphoric(_)
                | Meaning::PartOfDay { .. }
        );
        if !day_like {
            return;
        }
        let mut j = f.last;
        if f.part.is_none() {
            let mut k = j;
            let mut position = None;
            if self.is(k, "en") && self.any(k + 1, &["début", "fin", "milieu"]) && self.any(k + 2, &["de", "d'"]) {
                position = self.words.get("position", self.text(k + 1)).and_then(mod_code);
                k += 3;
            } else if self.any(k, &["au", "dans"]) && self.is(k + 1, "la") {
                k = usize::MAX;
            }
            if let Some(code) = self.words.get("part", self.text(k)) {
                f.part = Some(code.to_string());
                j = k + 1;
                if f.modifier.is_none() {
                    f.modifier = position;
                }
            }
        }
        let at = if self.any(j, &["à", "vers", "dès"]) { j + 1 } else { j };
        if at > j || f.part.is_some() {
            if let Some((end, h, m)) = self.clock(at, at > j) {
                f.clock = Some((h, m));
                j = self.zone(end);
            }
        }
        f.last = j;
    }

    /// The expression proper at `j` (determiners in, prepositions out).
    /// `positional`: after "début de", "fin de": bare "l'année" and
    /// "matinée" are then expressions of their own.
    fn core(&self, j: usize, positional: bool) -> Option<Found> {
        let w = self.words;
        let t = self.text(j);
        // Fixed phrases, split into words once.
        for (parts, value) in ref_phrases() {
            if parts.iter().enumerate().all(|(k, p)| self.is(j + k, p)) {
                return Some(Found::new(j, j + parts.len(), Meaning::Reference(reference(value))));
            }
        }
        // "il y a trois ans", "il y a quelques semaines".
        if t == "il" && self.is(j + 1, "y") && self.is(j + 2, "a") {
            // "il y a plus de dix ans": more than ten years ago is before that year.
            let quantity = self.phrase_at(j + 3, "modbefore");
            let amount = j + 3 + quantity.map_or(0, |(_, n)| n);
            if let Some((end, parts)) = self.duration(amount) {
                let meaning = match parts.as_slice() {
                    [(Amount::N(n), unit)] => Meaning::Ago { n: *n, unit, sign: -1 },
                    _ => Meaning::Reference("PAST_REF"),
                };
                let mut f = Found::new(j, end, meaning);
                f.modifier = quantity.map(|(m, _)| match m {
                    "MORE_THAN" | "EQUAL_OR_MORE" => "BEFORE",
                    "LESS_THAN" | "EQUAL_OR_LESS" => "AFTER",
                    other => other,
                });
                return Some(f);
            }
            return None;
        }
        // "dans trois jours": the preposition gives the direction, not the text.
        if t == "dans" {
            if let Some((end, parts)) = self.duration(j + 1) {
                if let [(Amount::N(n), unit)] = parts.as_slice() {
                    if !matches!(self.text(j + 1), "un" | "une") || *n == 1 {
                        return Some(Found::new(j + 1, end, Meaning::Ago { n: *n, unit, sign: 1 }));
                    }
                }
            }
            return None;
        }
        // "chaque semaine", "tous les jours", "tous les lundis".
        if t == "chaque" || ((t == "tous" || t == "toutes") && self.is(j + 1, "les")) {
            let k = if t == "chaque" { j + 1 } else { j + 2 };
            if let Some(unit) = self
                .unit(k)
                .filter(|u| matches!(*u, "Y" | "M" | "W" | "D" | "H" | "WE"))
            {
                let value = if unit == "WE" {
                    "XXXX-WXX-WE".to_string()
                } else {
                    duration_value(&[(Amount::N(1), unit)])
                };
                return Some(Found::new(j, k + 1, Meaning::Set(value)));
            }
            if let Some(wd) = self.weekday(k) {
                return Some(Found::new(j, k + 1, Meaning::Set(format!("XXXX-WXX-{wd}"))));
            }
            return None;
        }
        // Determiners.
        let det = if self.any(j, DETERMINERS) {
            Some(t.to_string())
        } else {
            None
        };
        let k = if det.is_some() { j + 1 } else { j };
        let demonstrative = matches!(det.as_deref(), Some("ce" | "cet" | "cette" | "ces"));
        let kt = self.text(k);
        // "ce soir-là", "cette année-là": the time last named, not today's.
        let pointed = self.is(k + 1, "-là");

        // Weekday, optionally with a day number, month, year, shift.
        if let Some(wd) = self.weekday(k) {
            // Plural weekdays are sets: "les lundis".
            if kt.ends_with('s') {
                let set = Meaning::Set(format!("XXXX-WXX-{wd}"));
                return (det.as_deref() == Some("les")).then(|| Found::new(j, k + 1, set));
            }
            let mut end = k + 1;
            let (mut day, mut month, mut year) = (None, None, None);
            if let Some(d) = self.day(end) {
                day = Some(d);
                end += 1;
                if let Some((m, after)) = self.month_at(end) {
                    month = Some(m);
                    end = after;
                    if let Some(y) = self.year(end) {
                        year = Some(y);
                        end += 1;
                    }
                }
            }
            let shift = if day.is_none() { self.shift(end).unwrap_or(0) } else { 0 };
            if shift != 0 {
                end += 1;
            }
            let meaning = Meaning::Calendar {
                year,
                month,
                day,
                weekday: Some(wd),
                shift,
            };
            return Some(Found::new(j, end, meaning));
        }
        // "15 ramadan 1445", "3 brumaire an II": a day of another calendar.
        if let Some(f) = self.other_calendar(j, k) {
            return Some(f);
        }
        // Day and month: "le 28 février", "1er décembre 2018".
        if let Some(f) = self.day_month(j, k) {
            return Some(f);
        }
        // "la nuit de dimanche à lundi", "la nuit du 26 au 27 août".
        if self.is(k, "nuit") && self.any(k + 1, &["de", "du"]) {
            if let Some(inner) = self.core(k + 2, false).or_else(|| self.bare_day(k + 2)) {
                let mut end = inner.last;
                if self.any(end, &["à", "au"]) {
                    if let Some(second) = self.core(end + 1, false).or_else(|| self.bare_day(end + 1)) {
                        end = second.last;
                        // The second end's month and year complete the first.
                        let mut first = inner.meaning.clone();
                        if let (
                            Meaning::Calendar {
                                month: m1, year: y1, ..
                            },
                            Meaning::Calendar {
                                month: m2, year: y2, ..
                            },
                        ) = (&mut first, &second.meaning)
                        {
                            if m1.is_none() {
                                *m1 = *m2;
                                if y1.is_none() {
                                    *y1 = *y2;
                                }
                            }
                        }
                        let mut f = Found::new(j, end, Meaning::Night(Box::new(first)));
                        f.part = Some("NI".into());
                        return Some(f);
                    }
                }
            }
        }
        // Month (with year, shift, or alone): "juin 2016", "décembre dernier", "septembre".
        let mid_month = det.as_deref() == Some("la") && kt.starts_with("mi-");
        if let Some((m, after)) = self.month_at(k).filter(|_| det.is_none() || demonstrative || mid_month) {
            if self.is_name(k) && self.year(after).is_none() {
                return None;
            }
            let (year, shift, end) = match self.year_or_shift(after) {
                Some((year, shift)) => (year, shift, after + 1),
                None => (None, 0, after),
            };
            // "mai" is also a common noun only in set phrases; a lone month name
            // as a sentence subject is rare enough to accept.
            return Some(Found::new(
                j,
                end,
                Meaning::Calendar {
                    year,
                    month: Some(m),
                    day: None,
                    weekday: None,
                    shift,
                },
            ));
        }
        // "ce mois de janvier".
        if demonstrative && self.is(k, "mois") && self.any(k + 1, &["de", "d'"]) {
            if let Some(m) = self.month(k + 2) {
                return Some(Found::new(
                    j,
                    k + 3,
                    Meaning::Calendar {
                        year: None,
                        month: Some(m),
                        day: None,
                        weekday: None,
                        shift: 0,
                    },
                ));
            }
        }
        // Season: "l'été 2018", "cet hiver", "l'automne dernier".
        if let Some(code) = w.get("season", kt) {
            if det.is_some() || self.year(k + 1).is_some() {
                let (year, shift, end) = match self.year_or_shift(k + 1) {
                    Some((year, shift)) => (year, shift, k + 2),
                    None if demonstrative => (None, 0, k + 1),
                    None => return None,
                };
                return Some(Found::new(
                    j,
                    end,
                    Meaning::Season {
                        code: code.to_string(),
                        year,
                        shift,
                    },
                ));
            }
        }
        // Centuries: "le XXe siècle", "19e siècle".
        if let Some(c) = century(kt) {
            if self.is(k + 1, "siècle") {
                return Some(Found::new(j, k + 2, Meaning::Literal(format!("{:02}", c - 1))));
            }
        }
        // Decades: "les années 1990", "les années 90", "les années quatre-vingt".
        if det.as_deref() == Some("les") && self.is(k, "années") {
            let n = self.text(k + 1);
            let decade = match self.words.number(n) {
                Some(y) if (1000..=2190).contains(&y) && y % 10 == 0 => Some(y / 10),
                // Two digits: the twentieth century, as French writes it.
                Some(y) if y < 100 && y % 10 == 0 && y >= 10 => Some(190 + y / 10),
                _ => None,
            };
            if let Some(d) = decade {
                return Some(Found::new(j, k + 2, Meaning::Literal(format!("{d:03}"))));
            }
        }
        // "l'année 1990", "en l'an 2000": the year, with its noun.
        if det.is_some() && matches!(kt, "année" | "an") {
            if let Some(y) = self.year(k + 1) {
                return Some(Found::new(j, k + 2, Meaning::Literal(format!("{y:04}"))));
            }
        }
        // Relative units: "la semaine dernière", "l'an prochain", "cette année", "ce week-end".
        if let Some(unit) = self.unit(k).filter(|u| matches!(*u, "Y" | "M" | "W" | "WE" | "Q")) {
            let singular = matches!(
                kt,
                "an" | "année" | "mois" | "semaine" | "week-end" | "weekend" | "trimestre"
            );
            if singular && det.is_some() && det.as_deref() != Some("les") {
                if let Some(s) = self.shift(k + 1) {
                    return Some(Found::new(j, k + 2, Meaning::Relative { unit, shift: s }));
                }
                if demonstrative && pointed {
                    return Some(Found::new(j, k + 2, Meaning::AnaphoricUnit { unit }));
                }
                if demonstrative {
                    return Some(Found::new(j, k + 1, Meaning::Relative { unit, shift: 0 }));
                }
                if positional {
                    return Some(Found::new(j, k + 1, Meaning::AnaphoricUnit { unit }));
                }
            }
        }
        // "les dernières semaines", "les mois à venir", "les années précédentes".
        {
            let (lead, u) = if self.words.get("ordinal", kt) == Some("-1") {
                (true, k + 1)
            } else {
                (false, k)
            };
            if let Some(unit) = self.unit(u).filter(|u| matches!(*u, "Y" | "M" | "W" | "D" | "H")) {
                let plural = self.text(u).ends_with('s') || self.text(u) == "mois";
                let coming = self.is(u + 1, "à") && self.is(u + 2, "venir");
                if plural && (lead || coming) && det.as_deref().is_none_or(|d| d == "les" || d == "ces") {
                    let end = if coming { u + 3 } else { u + 1 };
                    return Some(Found::new(j, end, Meaning::Duration(vec![(Amount::Vague, unit)])));
                }
            }
        }
        // Parts of the day: "ce soir", "cette nuit", "la soirée", "au matin".
        if let Some(code) = w.get("part", kt) {
            let deictic = demonstrative && !kt.ends_with("ée") && !pointed;
            if det.is_some() || positional || self.any(j.wrapping_sub(1), &["au", "dans", "en"]) {
                let mut f = Found::new(j, k + 1 + usize::from(pointed), Meaning::PartOfDay { deictic });
                f.part = Some(code.to_string());
                return Some(f);
            }
        }
        // Deictic words: "hier", "aujourd'hui", "demain".
        if det.is_none() {
            if let Some(days) = w.get("deictic", t).and_then(|v| v.parse().ok()) {
                return Some(Found::new(j, j + 1, Meaning::Deictic(days)));
            }
        }
        // "ce jour-là": the day last named.
        if demonstrative && kt == "jour" && pointed {
            return Some(Found::new(j, k + 2, Meaning::Anaphoric(0)));
        }
        // Anaphoric days: "la veille", "le lendemain", "la journée".
        if matches!(det.as_deref(), Some("la" | "le" | "l'" | "cette")) {
            if let Some(days) = w.get("anaphoric", kt).and_then(|v| v.parse().ok()) {
                return Some(Found::new(j, k + 1, Meaning::Anaphoric(days)));
            }
        }
        // Numeric dates: 12/10/2017, 12.10.2017, 2017-10-12.
        if let Some(mut f) = self.numeric_date(k) {
            f.first = j;
            return Some(f);
        }
        // Durations, possibly anchored: "trois ans", "deux ans plus tôt", "30 jours".
        if det.is_none() || det.as_deref() == Some("les") {
            let heures_time = self.any(
                j.wrapping_sub(1),
                &["à", "avant", "après", "vers", "dès", "jusqu'à", "jusqu'"],
            ) || (self.is(j.wrapping_sub(1), "de") && self.is(j.wrapping_sub(2), "partir"));
            if let Some((end, h, m)) = self.clock(k, heures_time) {
                let mut f = Found::new(j, self.zone(end), Meaning::Clock);
                f.clock = Some((h, m));
                return Some(f);
            }
            if let Some((end, parts)) = self.duration(k) {
                if let [(Amount::N(n), unit)] = parts.as_slice() {
                    let later = self.is(end, "plus") && self.any(end + 1, &["tôt", "tard"]);
                    if later || self.is(end, "auparavant") {
                        let sign = if self.is(end + 1, "tard") { 1 } else { -1 };
                        let stop = if later { end + 2 } else { end + 1 };
                        return Some(Found::new(j, stop, Meaning::Shifted { n: *n, unit, sign }));
                    }
                    // "un jour" alone is «once» or «some day», not a length.
                    if t == "un"
                        && *unit == "D"
                        && *n == 1
                        && !self.any(j.wrapping_sub(1), &["pendant", "durant", "en", "pour", "par"])
                    {
                        return Some(Found::new(j, end, Meaning::Someday));
                    }
                }
                return Some(Found::new(j, end, Meaning::Duration(parts)));
            }
        }
        // A year alone: "en 2014", "2018".
        if det.is_none() {
            if let Some(y) = self.year(j) {
                return Some(Found::new(j, j + 1, Meaning::Literal(format!("{y:04}"))));
            }
        }
        // Vague words: "récemment", "désormais", "l'avenir" (noun), "annuel" (adjective).
        if det.is_none() {
            if let Some(v) = w.get("ref", t) {
                return Some(Found::new(j, j + 1, Meaning::Reference(reference(v))));
            }
        }
        let start = self.w.get(k).map(|x| x.start)?;
        // "l'avenir", "du futur": the noun, not the adjective of "le futur président".
        if let Some(v) = w.get("refnoun", kt) {
            let after_article = self.any(k.wrapping_sub(1), &["le", "l'", "du", "au", "un"]);
            let next = self.w.get(k + 1).map(|x| x.start);
            let before_noun = next.is_some_and(|n| matches!(self.parse.pos(n), Some("NOUN" | "PROPN" | "ADJ")));
            if self.is_name(k) {
                return None;
            }
            if self.parse.pos(start) == Some("NOUN")
                || (after_article && !before_noun && self.parse.pos(start).is_some())
            {
                return Some(Found::new(k, k + 1, Meaning::Reference(reference(v))));
            }
        }
        if let Some(v) = w.get("setadj", t) {
            if self.parse.pos(start) == Some("ADJ") {
                return Some(Found::new(j, j + 1, Meaning::Set(v.to_string())));
            }
        }
        None
    }

    /// A day number and a month at `k`, with the year when written
    /// ("28 février", "1er décembre 2018"); the expression starts at `j`.
    fn day_month(&self, j: usize, k: usize) -> Option<Found> {
        let (d, (m, after)) = (self.day(k)?, self.month_at(k + 1)?);
        let year = self.year(after);
        let end = after + usize::from(year.is_some());
        let meaning = Meaning::Calendar {
            year,
            month: Some(m),
            day: Some(d),
            weekday: None,
            shift: 0,
        };
        Some(Found::new(j, end, meaning))
    }

    /// A day of another calendar: a day number, a month of the Hijri,
    /// Hebrew or French Republican calendar (`othercal` in the table, with
    /// its second word: «dhou al-hijja»), and its year when written («1445»,
    /// «an II»). It is a date, but its Gregorian day is not computed: the
    /// value keeps every part unknown (`XXXX-XX-XX`) rather than guess. A
    /// short month name («av») or a capitalised one («Nissan», a brand as
    /// often as a month) counts only with its year.
    fn other_calendar(&self, j: usize, k: usize) -> Option<Found> {
        self.day(k)?;
        let month = self.w.get(k + 1)?;
        if !self.words.is("othercal", &month.text) {
            return None;
        }
        let mut end = k + 2;
        if self.text(end).starts_with("al-") || self.text(end).starts_with("el-") {
            end += 1;
        }
        let roman = |t: &str| !t.is_empty() && t.chars().all(|c| "ivxlcdm".contains(c));
        let year = if self.w.get(end).is_some_and(|w| w.is_digits() && w.text.len() <= 4) {
            1
        } else if self.is(end, "an") && (roman(self.text(end + 1)) || self.words.number(self.text(end + 1)).is_some()) {
            2
        } else {
            0
        };
        if year == 0 && (month.capital || month.text.chars().count() <= 3) {
            return None;
        }
        Some(Found::new(j, end + year, Meaning::Literal("XXXX-XX-XX".into())))
    }

    /// A day number alone, as in «la nuit du 26 au 27 août».
    fn bare_day(&self, j: usize) -> Option<Found> {
        let k = if self.is(j, "le") { j + 1 } else { j };
        let d = self.day(k)?;
        if let Some(f) = self.day_month(j, k) {
            return Some(f);
        }
        Some(Found::new(
            j,
            k + 1,
            Meaning::Calendar {
                year: None,
                month: None,
                day: Some(d),
                weekday: None,
                shift: 0,
            },
        ))
    }

    /// 12/10/2017, 12.10.2017, 12-10-2017 (day first, as in French) and 2017-10-12.
    fn numeric_date(&self, j: usize) -> Option<Found> {
        let sep = self.text(j + 1);
        let glued = (j..j + 4).all(|k| self.glued(k));
        if !matches!(sep, "/" | "." | "-") || !glued {
            return None;
        }
        if self.text(j + 3) != sep {
            return None;
        }
        let (a, b, c) = (self.w.get(j)?, self.w.get(j + 2)?, self.w.get(j + 4)?);
        if !(a.is_digits() && b.is_digits() && c.is_digits()) {
            return None;
        }
        let (year, month, day) = if a.text.len() == 4 && sep == "-" {
            (a.text.parse().ok()?, b.text.parse().ok()?, c.text.parse().ok()?)
        } else if a.text.len() <= 2 && b.text.len() <= 2 && (c.text.len() == 4 || c.text.len() == 2) {
            (c.text.parse().ok()?, b.text.parse().ok()?, a.text.parse().ok()?)
        } else {
            return None;
        };
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let meaning = if self.text(j + 4).len() == 2 {
            Meaning::ShortYear { yy: year, month, day }
        } else {
            Meaning::Calendar {
                year: Some(year),
                month: Some(month),
                day: Some(day),
                weekday: None,
                shift: 0,
            }
        };
        Some(Found::new(j, j + 5, meaning))
    }
}

/// "l'avenir" in a table phrase is two words: "l'", "avenir".
/// The `refphrase` rows of the word table, each split into the words the
/// scanner sees ("à l'avenir" → "à", "l'", "avenir"), longest first (then
/// alphabetical, so the first match never depends on a hash order); made
/// once.
fn ref_phrases() -> &'static [(Vec<String>, String)] {
    static PHRASES: std::sync::OnceLock<Vec<(Vec<String>, String)>> = std::sync::OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut out: Vec<(Vec<String>, String)> = words()
            .entries("refphrase")
            .map(|(phrase, value)| {
                let parts = phrase.split(' ').flat_map(split_elision).map(str::to_string).collect();
                (parts, value.to_string())
            })
            .collect();
        out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        out
    })
}

fn split_elision(word: &str) -> Vec<&str> {
    match word.find('\'') {
        Some(p) if p + 1 < word.len() && word != "aujourd'hui" => vec![&word[..=p], &word[p + 1..]],
        _ => vec![word],
    }
}

fn reference(value: &str) -> &'static str {
    match value {
        "PAST_REF" => "PAST_REF",
        "FUTURE_REF" => "FUTURE_REF",
        _ => "PRESENT_REF",
    }
}

/// A century ordinal: "xxe", "xixe", "21e", "xxième".
fn century(word: &str) -> Option<u32> {
    let stem = word
        .strip_suffix("ème")
        .or_else(|| word.strip_suffix("ième"))
        .or_else(|| word.strip_suffix("eme"))
        .or_else(|| word.strip_suffix('e'))?;
    if stem.is_empty() {
        return None;
    }
    if stem.chars().all(|c| c.is_ascii_digit()) {
        return stem.parse().ok().filter(|c| (1..=30).contains(c));
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in stem.chars().rev() {
        let v = match c {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (1..=30).contains(&total).then_some(total)
}

/// A TIMEX3 duration value: P3Y, PT2H41M, P69DT15H45M, PXM.
pub fn duration_value(parts: &[(Amount, &str)]) -> String {
    let mut date = String::new();
    let mut time = String::new();
    for (amount, unit) in parts {
        let n = match amount {
            Amount::N(n) => n.to_string(),
            Amount::Vague => "X".to_string(),
        };
        match *unit {
            "H" => time.push_str(&format!("{n}H")),
            "MIN" => time.push_str(&format!("{n}M")),
            "S" => time.push_str(&format!("{n}S")),
            "WE" => date.push_str(&format!("{n}WE")),
            "DEC" => date.push_str(&format!("{n}DE")),
            "CEN" => date.push_str(&format!("{n}CE")),
            "Q" => date.push_str(&format!("{n}Q")),
            u => date.push_str(&format!("{n}{u}")),
        }
    }
    if time.is_empty() {
        format!("P{date}")
    } else {
        format!("P{date}T{time}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let w = split(s);
        scan(&w, &NoParse)
            .iter()
            .map(|f| {
                let a = w[f.first].start;
                let b = w[f.last - 1].end;
                s.chars().skip(a).take(b - a).collect()
            })
            .collect()
    }

    #[test]
    fn words_are_split_the_french_way() {
        let w: Vec<String> = split("Aujourd’hui, l'été 14h30 1er XXe après-midi jusqu'à 12/10/2017")
            .into_iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(
            w,
            [
                "aujourd'hui",
                ",",
                "l'",
                "été",
                "14",
                "h",
                "30",
                "1er",
                "xxe",
                "après-midi",
                "jusqu'",
                "à",
                "12",
                "/",
                "10",
                "/",
                "2017"
            ]
        );
    }

    #[test]
    fn extents_follow_the_conventions() {
        assert_eq!(
            texts("Il est venu le 28 février et depuis 2014."),
            ["le 28 février", "2014"]
        );
        assert_eq!(
            texts("Les frappes de lundi soir ont duré quelques heures."),
            ["lundi soir", "quelques heures"]
        );
        assert_eq!(texts("Le fleuve était à 5 m ce matin à 5 h."), ["ce matin à 5 h"]);
        assert_eq!(
            texts("Ils ont été retrouvés hier en fin d’après-midi."),
            ["hier en fin d’après-midi"]
        );
        assert_eq!(texts("Il avoue en fin août 2017."), ["fin août 2017"]);
        assert_eq!(
            texts("il y a trois ans, en décembre dernier"),
            ["il y a trois ans", "décembre dernier"]
        );
        assert_eq!(
            texts("Du 28 juillet au 25 septembre 1973"),
            ["28 juillet", "25 septembre 1973"]
        );
        assert_eq!(texts("pendant 69 jours 15 h 45 min"), ["69 jours 15 h 45 min"]);
        assert_eq!(
            texts("à présent, la semaine dernière, les années 1990"),
            ["à présent", "la semaine dernière", "les années 1990"]
        );
        assert_eq!(texts("Plus de 1 500 maisons, 2 000 personnes"), Vec::<String>::new());
        assert_eq!(
            texts("de l'eau sur Mars, puis Mars 2018. Mars fut froid."),
            ["Mars 2018", "Mars"]
        );
        assert_eq!(texts("ouvert 24h sur 24, dès 7h30"), ["24h", "7h30"]);
        assert_eq!(
            texts("ce soir-là, ce jour-là, cette année-là, un ci-devant"),
            ["ce soir-là", "ce jour-là", "cette année-là"]
        );
    }

    #[test]
    fn ranges_lend_their_year() {
        let w = split("du 28 juillet au 25 septembre 1973");
        let f = scan(&w, &NoParse);
        assert!(matches!(
            f[0].meaning,
            Meaning::Calendar {
                year: Some(1973),
                month: Some(7),
                day: Some(28),
                ..
            }
        ));
    }

    #[test]
    fn durations() {
        assert_eq!(duration_value(&[(Amount::N(3), "Y")]), "P3Y");
        assert_eq!(
            duration_value(&[(Amount::N(2), "H"), (Amount::N(41), "MIN")]),
            "PT2H41M"
        );
        assert_eq!(
            duration_value(&[(Amount::N(69), "D"), (Amount::N(15), "H"), (Amount::N(45), "MIN")]),
            "P69DT15H45M"
        );
        assert_eq!(duration_value(&[(Amount::Vague, "M")]), "PXM");
    }

    #[test]
    fn centuries() {
        assert_eq!(century("xxe"), Some(20));
        assert_eq!(century("xixe"), Some(19));
        assert_eq!(century("xxie"), Some(21));
        assert_eq!(century("21e"), Some(21));
        assert_eq!(century("e"), None);
        assert_eq!(century("mae"), None);
    }
}
