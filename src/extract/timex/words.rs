//! The word lists of the time-expression recogniser, read from `words.tsv`.
//!
//! Owns parsing the table (class, word, value) into lookups by class. The
//! lexical knowledge itself lives in the data file, never in code; this file
//! must not hold French words.

use std::collections::HashMap;
use std::sync::LazyLock;

const TABLE: &str = include_str!("words.tsv");

/// Lookups by class: `class -> word -> value`.
#[derive(Debug)]
pub struct Words {
    classes: HashMap<String, HashMap<String, String>>,
}

impl Words {
    /// Parses the table text. Lines are `class<TAB>word<TAB>value`; `#`
    /// starts a comment line; blank lines are skipped. A malformed line is a
    /// bug in the shipped table, reported with its line number.
    pub fn parse(text: &str) -> Result<Words, String> {
        let mut classes: HashMap<String, HashMap<String, String>> = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(class), Some(word), Some(value), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(format!("words.tsv line {}: expected three tab-separated fields", n + 1));
            };
            classes
                .entry(class.to_string())
                .or_default()
                .insert(word.to_string(), value.to_string());
        }
        Ok(Words { classes })
    }

    /// The value of `word` in `class`, if listed.
    pub fn get(&self, class: &str, word: &str) -> Option<&str> {
        self.classes.get(class)?.get(word).map(String::as_str)
    }

    /// Whether `word` is listed in `class`.
    pub fn is(&self, class: &str, word: &str) -> bool {
        self.get(class, word).is_some()
    }

    /// Every (word, value) of a class, in no particular order.
    pub fn entries<'a>(&'a self, class: &str) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.classes
            .get(class)
            .into_iter()
            .flatten()
            .map(|(w, v)| (w.as_str(), v.as_str()))
    }

    /// A cardinal number written in words or digits ("trois", "vingt-cinq",
    /// "soixante-dix", "12"); `None` when any part is not a number word.
    pub fn number(&self, word: &str) -> Option<u32> {
        if !word.is_empty() && word.len() <= 6 && word.chars().all(|c| c.is_ascii_digit()) {
            return word.parse().ok();
        }
        let mut total: u32 = 0;
        let mut current: u32 = 0;
        let mut any = false;
        for part in word.split('-') {
            let value: u32 = self.get("number", part)?.parse().ok()?;
            any |= value > 0;
            match value {
                1000 => {
                    total = total.saturating_add(current.max(1).saturating_mul(1000));
                    current = 0;
                }
                100 => current = current.max(1).saturating_mul(100),
                // "quatre-vingts": four twenties.
                20 if (2..=9).contains(&(current % 100)) && current < 10 => current *= 20,
                v => current = current.saturating_add(v),
            }
        }
        any.then_some(total.saturating_add(current))
    }
}

/// The shipped table, parsed once.
pub fn words() -> &'static Words {
    static WORDS: LazyLock<Words> =
        LazyLock::new(|| Words::parse(TABLE).unwrap_or_else(|e| panic!("bug in the shipped table: {e}")));
    &WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_has_every_class() {
        let w = Words::parse(TABLE).unwrap();
        for class in [
            "month", "weekday", "part", "season", "number", "unit", "shift", "deictic", "ref", "setadj",
        ] {
            assert!(w.entries(class).next().is_some(), "{class}");
        }
        assert_eq!(w.get("month", "août"), Some("8"));
        assert!(Words::parse("month\tjanvier").is_err());
    }

    #[test]
    fn number_words() {
        let w = words();
        assert_eq!(w.number("trois"), Some(3));
        assert_eq!(w.number("vingt-cinq"), Some(25));
        assert_eq!(w.number("trente-et-un"), Some(31));
        assert_eq!(w.number("soixante-dix"), Some(70));
        assert_eq!(w.number("quatre-vingts"), Some(80));
        assert_eq!(w.number("quatre-vingt-dix"), Some(90));
        assert_eq!(w.number("deux-cents"), Some(200));
        assert_eq!(w.number("mille"), Some(1000));
        assert_eq!(w.number("42"), Some(42));
        assert_eq!(w.number("et"), None);
        assert_eq!(w.number("semaine"), None);
        assert_eq!(w.number("9999999"), None);
    }
}
