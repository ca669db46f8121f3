//! Quantities: the number and unit a noun phrase states ("4,5 milliards
//! d'euros", "trois morts", "12 500 soldats", "54 %").
//!
//! Owns reading a quantity off a literal's text: digits (French decimal
//! comma, groups of three digits written apart), cardinal words (from
//! `timex/words.tsv`), scaling nouns and unit symbols (from
//! `data/quantities.tsv`), and the unit noun that follows. It decides
//! nothing about facts; `np` marks a literal as a number when a quantity
//! is read, and `finish` attaches the value and unit to the fact.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::extract::timex::words::words;

const TABLE: &str = include_str!("../data/quantities.tsv");

/// A number with the unit written after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The value, multipliers applied (`4,5 milliards` → 4.5e9).
    pub value: f64,
    /// The unit as written, lower case ("euros", "morts", "pour cent"), or
    /// `None` for a bare number.
    pub unit: Option<String>,
}

impl Quantity {
    /// The value as an `xsd:decimal` lexical form ("4500000000", "2.4").
    pub fn decimal(&self) -> String {
        if self.value.fract() == 0.0 && self.value.abs() < 1e18 {
            format!("{}", self.value as i64)
        } else {
            let mut s = format!("{:.6}", self.value);
            while s.ends_with('0') {
                s.pop();
            }
            if s.ends_with('.') {
                s.push('0');
            }
            s
        }
    }
}

struct Table {
    multiplier: HashMap<String, f64>,
    unit: HashMap<String, String>,
}

fn table() -> &'static Table {
    static T: LazyLock<Table> = LazyLock::new(|| {
        let mut t = Table {
            multiplier: HashMap::new(),
            unit: HashMap::new(),
        };
        for (n, line) in TABLE.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            match cols.as_slice() {
                ["multiplier", w, v] => {
                    let v = v
                        .parse()
                        .unwrap_or_else(|_| panic!("bug in quantities.tsv line {}: bad value", n + 1));
                    t.multiplier.insert(w.to_string(), v);
                }
                ["unit", w, v] => {
                    t.unit.insert(w.to_string(), v.to_string());
                }
                _ => panic!("bug in quantities.tsv line {}: {line:?}", n + 1),
            }
        }
        t
    });
    &T
}

/// A number written in digits: "12", "4,5", "2.4".
fn digits(word: &str) -> Option<f64> {
    let w = word.replace(',', ".");
    let ok = !w.is_empty()
        && w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars().all(|c| c.is_ascii_digit() || c == '.')
        && w.matches('.').count() <= 1
        && !w.ends_with('.');
    ok.then(|| w.parse().ok()).flatten()
}

/// The quantity a phrase states, read from its first number on: the
/// number, the digit groups and multipliers after it, then the unit noun
/// (after an optional "de"/"d'"). `None` when the phrase has no number, or
/// when the number is a year or a day of a month ("7 mai", "en 2014").
///
/// "un"/"une" count only before a multiplier ("un million"): otherwise
/// they are articles.
pub fn parse(text: &str) -> Option<Quantity> {
    let t = table();
    let w = words();
    let normal = text.replace('\u{2019}', "'").replace(['\u{a0}', '\u{202f}'], " ");
    let mut tokens: Vec<String> = Vec::new();
    for raw in normal.split_whitespace() {
        let lower = raw.to_lowercase();
        // "d'euros" → "d'" "euros"; "54%" → "54" "%".
        if let Some(rest) = lower.strip_prefix("d'") {
            tokens.push("d'".to_string());
            tokens.push(rest.to_string());
        } else if let Some(number) = lower.strip_suffix('%').filter(|n| !n.is_empty()) {
            tokens.push(number.to_string());
            tokens.push("%".to_string());
        } else {
            tokens.push(lower);
        }
    }
    let word_number = |s: &str| w.number(s).map(f64::from);
    let is_article = |s: &str| s == "un" || s == "une";
    let start = tokens.iter().enumerate().position(|(i, s)| {
        digits(s).is_some()
            || (word_number(s).is_some() && !is_article(s) && s != "et")
            || (is_article(s) && tokens.get(i + 1).is_some_and(|n| t.multiplier.contains_key(n)))
    })?;
    let mut i = start;
    let mut value = digits(&tokens[i]).or_else(|| word_number(&tokens[i]))?;
    let written_in_digits = digits(&tokens[i]).is_some();
    i += 1;
    // "12 500": a group of three digits right after digits continues them.
    while written_in_digits && i < tokens.len() && tokens[i].len() == 3 && tokens[i].chars().all(|c| c.is_ascii_digit())
    {
        value = value * 1000.0 + digits(&tokens[i])?;
        i += 1;
    }
    let mut scaled = false;
    while let Some(m) = tokens.get(i).and_then(|s| t.multiplier.get(s)) {
        value *= m;
        scaled = true;
        i += 1;
    }
    if tokens.get(i).is_some_and(|s| s == "de" || s == "d'") && scaled {
        i += 1;
    }
    let unit = tokens.get(i).and_then(|s| {
        if let Some(name) = t.unit.get(s) {
            return Some(name.clone());
        }
        let word = s.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        (word.chars().count() >= 2 && word.chars().all(|c| c.is_alphabetic() || c == '-')).then(|| word.to_string())
    });
    // "7 mai", "le 13 décembre": a date, not an amount; "en 2014": a year.
    if let Some(u) = &unit {
        if w.is("month", u) {
            return None;
        }
    }
    let year = written_in_digits && !scaled && (1000.0..2200.0).contains(&value) && value.fract() == 0.0;
    if year && unit.is_none() {
        return None;
    }
    Some(Quantity { value, unit })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Option<(String, Option<String>)> {
        parse(text).map(|q| (q.decimal(), q.unit))
    }

    #[test]
    fn amounts_with_multipliers_and_units() {
        assert_eq!(
            q("perte de 4 milliards d'euros"),
            Some(("4000000000".into(), Some("euros".into())))
        );
        assert_eq!(
            q("4,5 milliards d'euros"),
            Some(("4500000000".into(), Some("euros".into())))
        );
        assert_eq!(
            q("un million de personnes"),
            Some(("1000000".into(), Some("personnes".into())))
        );
        assert_eq!(q("2,4 %"), Some(("2.4".into(), Some("pour cent".into()))));
        assert_eq!(q("54%"), Some(("54".into(), Some("pour cent".into()))));
    }

    #[test]
    fn counts_in_words_and_grouped_digits() {
        assert_eq!(q("trois morts"), Some(("3".into(), Some("morts".into()))));
        assert_eq!(q("vingt-cinq blessés"), Some(("25".into(), Some("blessés".into()))));
        assert_eq!(q("12 500 soldats"), Some(("12500".into(), Some("soldats".into()))));
        assert_eq!(
            q("plus de 250 000 morts"),
            Some(("250000".into(), Some("morts".into())))
        );
        assert_eq!(q("58 ans"), Some(("58".into(), Some("ans".into()))));
    }

    #[test]
    fn articles_dates_and_years_are_no_amounts() {
        assert_eq!(q("une perte importante"), None);
        assert_eq!(q("un accord"), None);
        assert_eq!(q("le 7 mai"), None);
        assert_eq!(q("2014"), None);
        assert_eq!(q("la réforme des retraites"), None);
        // A year with a unit after it is a count ("1500 maisons").
        assert_eq!(q("1500 maisons"), Some(("1500".into(), Some("maisons".into()))));
    }
}
