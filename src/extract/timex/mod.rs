//! Time expressions: the article's date and every date, time, duration and
//! set in its text, normalised to TIMEX3 values.
//!
//! Owns the time-expression pipeline: [`docdate`] finds the document date,
//! [`scan`] finds expressions and what they say, [`resolve`] turns them into
//! values against the document date and the verb's tense read from the
//! parse; [`crate::calendar`] does the date arithmetic; the words are
//! data in `words.tsv`. It reads prepared text and parses only: it never
//! touches facts' rules, RDF or the store. Conventions follow
//! `shared/eval/TIME.md` (TimeML TIMEX3 values, HeidelTime-style extents).

use std::ops::Range;

use crate::facts::{DocumentDate, TimeExpression};
use crate::nlp::Doc;

use crate::input::PreparedText;

pub mod docdate;
pub mod resolve;
pub mod scan;
pub mod words;

pub use crate::calendar::{self, Date};
use resolve::{Anchors, Tense};
use scan::Parse;

/// The document date as stored: ISO date, where it was found, and a note
/// when the text and the file name disagree.
pub fn document_date(detected: &docdate::Detected) -> Option<DocumentDate> {
    detected.date.map(|(date, origin)| DocumentDate {
        date: date.to_string(),
        origin: origin.as_str().to_string(),
        note: detected.note.clone(),
    })
}

/// Every time expression of a document, in text order, with TIMEX3 values
/// resolved against `date`. `docs[i]` is the parse of
/// `prepared.paragraphs[i]`; `sentence_of[i][t]` the document-wide sentence
/// index of token `t` of paragraph `i`. Expressions inside `skip` (the
/// dateline) are left out. Offsets are characters of the original text.
pub fn find(
    prepared: &PreparedText,
    docs: &[Doc],
    sentence_of: &[Vec<usize>],
    date: Option<Date>,
    skip: Option<Range<usize>>,
) -> Vec<TimeExpression> {
    let original: Vec<char> = prepared.original.chars().collect();
    let mut anchors = Anchors::new(date);
    let mut out = Vec::new();
    for ((para, doc), sentences) in prepared.paragraphs.iter().zip(docs).zip(sentence_of) {
        let parse = DocParse::new(doc);
        let words = scan::split(&para.text);
        for found in scan::scan(&words, &parse) {
            let (Some(first), Some(last)) = (words.get(found.first), words.get(found.last.wrapping_sub(1))) else {
                continue;
            };
            let (Some(&start), Some(&last_char)) = (
                para.offsets.get(first.start),
                para.offsets.get(last.end.wrapping_sub(1)),
            ) else {
                continue;
            };
            let end = last_char + 1;
            if skip.as_ref().is_some_and(|s| start < s.end && s.start < end) {
                continue;
            }
            // Every expression has letters or digits, so a token covers it.
            let Some(token) = parse.token_at(first.start) else {
                continue;
            };
            let Some(&sentence) = sentences.get(token) else {
                continue;
            };
            let tense = parse.tense(token);
            let Some((kind, value)) = resolve::resolve(&found, tense, &mut anchors) else {
                continue;
            };
            out.push(TimeExpression {
                start,
                end,
                text: original.get(start..end).map(|c| c.iter().collect()).unwrap_or_default(),
                kind: kind.as_str().to_string(),
                value,
                modifier: found.modifier.map(str::to_string),
                sentence,
            });
        }
    }
    out
}

/// The first and last day a TIMEX3 value covers, when its calendar parts
/// are known: a day (with or without a time of day), a month, a year, an
/// ISO week, a weekend (Saturday and Sunday of the week), a decade or a
/// century. `None` for durations, sets, references, seasons and values
/// with `X`.
pub fn bounds(value: &str) -> Option<(Date, Date)> {
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    let date_part = value.split_once('T').map_or(value, |(d, _)| d);
    let parts: Vec<&str> = date_part.split('-').collect();
    let year = |s: &str| -> Option<i32> { digits(s, 4).then(|| s.parse().ok()).flatten() };
    match parts.as_slice() {
        [y, m, d] if digits(m, 2) && digits(d, 2) => {
            let day = Date::new(year(y)?, m.parse().ok()?, d.parse().ok()?)?;
            Some((day, day))
        }
        [y, w, we] if w.starts_with('W') && *we == "WE" => {
            let monday = Date::from_iso_week(year(y)?, w[1..].parse().ok()?)?;
            Some((monday.add_days(5)?, monday.add_days(6)?))
        }
        [y, w] if w.starts_with('W') && digits(&w[1..], 2) => {
            let monday = Date::from_iso_week(year(y)?, w[1..].parse().ok()?)?;
            Some((monday, monday.add_days(6)?))
        }
        [y, m] if digits(m, 2) => {
            let (y, m) = (year(y)?, m.parse().ok()?);
            Some((Date::new(y, m, 1)?, Date::new(y, m, calendar::days_in_month(y, m))?))
        }
        [y] if digits(y, 4) => {
            let y = year(y)?;
            Some((Date::new(y, 1, 1)?, Date::new(y, 12, 31)?))
        }
        [d] if digits(d, 3) => {
            let first: i32 = d.parse::<i32>().ok()? * 10;
            Some((Date::new(first, 1, 1)?, Date::new(first + 9, 12, 31)?))
        }
        [c] if digits(c, 2) => {
            let first: i32 = c.parse::<i32>().ok()? * 100;
            Some((Date::new(first, 1, 1)?, Date::new(first + 99, 12, 31)?))
        }
        _ => None,
    }
}

/// The parse of one paragraph, seen from character offsets.
struct DocParse<'a> {
    doc: &'a Doc,
    children: Vec<Vec<usize>>,
}

impl<'a> DocParse<'a> {
    fn new(doc: &'a Doc) -> Self {
        let mut children = vec![Vec::new(); doc.tokens.len()];
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.head != i && t.head < doc.tokens.len() {
                children[t.head].push(i);
            }
        }
        DocParse { doc, children }
    }

    /// The token covering paragraph character `at` (or the next one).
    fn token_at(&self, at: usize) -> Option<usize> {
        let tokens = &self.doc.tokens;
        let i = tokens.partition_point(|t| t.end() <= at);
        (i < tokens.len()).then_some(i)
    }

    fn morph(&self, t: usize, feature: &str) -> bool {
        self.doc.tokens[t].morph.split('|').any(|f| f == feature)
    }

    /// The tense of the verb governing token `t`: the nearest verb (or
    /// copula) above it, its auxiliaries, its own morphology.
    fn tense(&self, t: usize) -> Tense {
        let tokens = &self.doc.tokens;
        let mut x = t;
        for _ in 0..tokens.len() {
            let tok = &tokens[x];
            let cop = self.children[x].iter().copied().find(|&c| tokens[c].dep == "cop");
            if tok.pos == "VERB" || cop.is_some() {
                return self.verb_tense(x, cop);
            }
            if tok.head == x || tok.head >= tokens.len() {
                break;
            }
            x = tok.head;
        }
        Tense::Unknown
    }

    fn verb_tense(&self, v: usize, cop: Option<usize>) -> Tense {
        let tokens = &self.doc.tokens;
        let finite = |t: usize| -> Option<Tense> {
            if self.morph(t, "Mood=Cnd") {
                return Some(Tense::Unknown);
            }
            if self.morph(t, "Tense=Fut") {
                return Some(Tense::Future);
            }
            if self.morph(t, "Tense=Imp") || (self.morph(t, "Tense=Past") && !self.morph(t, "VerbForm=Part")) {
                return Some(Tense::Past);
            }
            if self.morph(t, "Tense=Pres") && !self.morph(t, "VerbForm=Part") {
                return Some(Tense::Present);
            }
            None
        };
        if let Some(c) = cop {
            return finite(c).unwrap_or(Tense::Unknown);
        }
        let auxes: Vec<usize> = self.children[v]
            .iter()
            .copied()
            .filter(|&c| tokens[c].dep.starts_with("aux"))
            .collect();
        let perfect = auxes.iter().copied().find(|&a| tokens[a].dep == "aux:tense");
        if let Some(a) = perfect {
            // Passé composé, plus-que-parfait: past; futur antérieur: future.
            return match finite(a) {
                Some(Tense::Future) => Tense::Future,
                Some(Tense::Unknown) => Tense::Unknown,
                _ => Tense::Past,
            };
        }
        if let Some(&a) = auxes.first() {
            // Passive or other auxiliary: its own tense.
            return finite(a).unwrap_or(Tense::Unknown);
        }
        if self.morph(v, "VerbForm=Inf") {
            // "va commencer": the near future.
            let head = tokens[v].head;
            if head != v && head < tokens.len() && tokens[head].lemma == "aller" && self.morph(head, "Tense=Pres") {
                return Tense::Future;
            }
            return Tense::Unknown;
        }
        if self.morph(v, "VerbForm=Part") && self.morph(v, "Tense=Past") {
            return Tense::Past;
        }
        finite(v).unwrap_or(Tense::Unknown)
    }
}

impl Parse for DocParse<'_> {
    fn pos(&self, at: usize) -> Option<&str> {
        let t = self.token_at(at)?;
        let tok = &self.doc.tokens[t];
        (tok.start <= at).then_some(tok.pos.as_str())
    }

    fn counts_next_noun(&self, at: usize) -> bool {
        let Some(t) = self.token_at(at) else {
            return false;
        };
        let tok = &self.doc.tokens[t];
        tok.start <= at && tok.dep == "nummod" && tok.head > t && tok.head < self.doc.tokens.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::Token;

    fn token(text: &str, start: usize, pos: &str, morph: &str, head: usize, dep: &str, lemma: &str) -> Token {
        Token {
            text: text.into(),
            start,
            space_after: true,
            is_space: false,
            lemma: lemma.into(),
            pos: pos.into(),
            tag: pos.into(),
            morph: morph.into(),
            head,
            dep: dep.into(),
            sent_start: start == 0,
            ent_iob: Default::default(),
            ent_type: String::new(),
        }
    }

    #[test]
    fn passe_compose_and_futur_are_read_from_the_auxiliary() {
        // "Il a parlé lundi": a(aux:tense, Pres) parlé(VERB, Part Past) lundi(obl:mod)
        let doc = Doc {
            text: "Il a parlé lundi".into(),
            tokens: vec![
                token("Il", 0, "PRON", "", 2, "nsubj", "il"),
                token(
                    "a",
                    3,
                    "AUX",
                    "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
                    2,
                    "aux:tense",
                    "avoir",
                ),
                token(
                    "parlé",
                    5,
                    "VERB",
                    "Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part",
                    2,
                    "ROOT",
                    "parler",
                ),
                token("lundi", 11, "NOUN", "", 2, "obl:mod", "lundi"),
            ],
            entities: vec![],
        };
        let parse = DocParse::new(&doc);
        assert_eq!(parse.token_at(12), Some(3));
        assert_eq!(parse.tense(3), Tense::Past);
        let mut future = doc.clone();
        future.tokens.remove(1);
        future.tokens[0].head = 1;
        future.tokens[1].head = 1;
        future.tokens[2].head = 1;
        future.tokens[1].morph = "Mood=Ind|Number=Sing|Person=3|Tense=Fut|VerbForm=Fin".into();
        assert_eq!(DocParse::new(&future).tense(2), Tense::Future);
    }

    #[test]
    fn bounds_of_values() {
        let b = |v: &str| bounds(v).map(|(a, b)| format!("{a}/{b}"));
        assert_eq!(b("2025-03-10TEV").as_deref(), Some("2025-03-10/2025-03-10"));
        assert_eq!(b("2025-02").as_deref(), Some("2025-02-01/2025-02-28"));
        assert_eq!(b("2024").as_deref(), Some("2024-01-01/2024-12-31"));
        assert_eq!(b("2025-W10").as_deref(), Some("2025-03-03/2025-03-09"));
        assert_eq!(b("2018-W04-WE").as_deref(), Some("2018-01-27/2018-01-28"));
        assert_eq!(b("199").as_deref(), Some("1990-01-01/1999-12-31"));
        assert_eq!(b("19").as_deref(), Some("1900-01-01/1999-12-31"));
        for none in ["P3Y", "PAST_REF", "XXXX-02-28", "2018-SU", "XXXX-WXX", "2025-02-30"] {
            assert_eq!(bounds(none), None, "{none}");
        }
    }

    #[test]
    fn a_paragraph_full_of_numbers_gives_sensible_values_in_order() {
        // 50,000 characters of numbers, times, dates and impossible dates.
        let mut text = String::new();
        let mut n = 0u32;
        while text.chars().count() < 50_000 {
            text.push_str(&format!(
                "{} {} 1{:03} 2{:03} h {}/{}/{} {} février ",
                n % 40,
                n % 13,
                n % 1000,
                n % 997,
                n % 31,
                n % 14,
                n,
                n % 33
            ));
            n += 1;
        }
        let words = scan::split(&text);
        let found = scan::scan(&words, &scan::NoParse);
        assert!(found.len() > 1000, "{}", found.len());
        let mut anchors = Anchors::new(Date::new(2025, 3, 11));
        let mut previous_end = 0;
        for f in &found {
            // Expressions are in order, do not overlap, and cover words that exist.
            assert!(f.first >= previous_end && f.first < f.last && f.last <= words.len());
            previous_end = f.last;
            let Some((kind, value)) = resolve::resolve(f, Tense::Past, &mut anchors) else {
                continue;
            };
            assert!(!value.is_empty() && value.len() < 40, "{value}");
            // Every DATE or TIME value is a valid day, a partial one with X, a
            // month, a year, or a set/reference word; never an impossible day.
            if let Some(day) = value.get(..10).filter(|d| !d.contains('X') && d.len() == 10 && d.as_bytes()[4] == b'-') {
                if day.as_bytes().get(7) == Some(&b'-') {
                    assert!(Date::parse_iso(day).is_some(), "{value} from {:?}", kind);
                }
            }
        }
    }
}
