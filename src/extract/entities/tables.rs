//! The word tables behind entity extraction: demonyms, places and their
//! variants, titles and honorifics, and the words that type or veto a name.
//!
//! The tables are data files under `src/extract/data/`, compiled in with
//! `include_str!` and parsed once on first use. This module only parses
//! and looks up; it never decides anything about a document.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::names::fold;

/// All tables, parsed.
pub struct Tables {
    /// Folded demonym form (any gender/number) -> country name as written.
    pub demonyms: HashMap<String, String>,
    /// Folded place name or variant -> preferred name as written.
    pub places: HashMap<String, String>,
    /// Folded names of countries (the first column of demonyms.tsv).
    pub countries: HashSet<String>,
    /// Title words (case-sensitive lower-case forms, plus honorifics as written).
    pub titles: HashSet<String>,
    pub honorifics: HashSet<String>,
    /// Folded words that alone are no entity.
    pub common: HashSet<String>,
    /// Folded first words that make a name an organisation / a place.
    pub org_heads: HashSet<String>,
    pub loc_heads: HashSet<String>,
    /// Folded class nouns that news vary before one proper name ("église",
    /// "basilique", "cathédrale" Sainte-Anne): names differing only in
    /// that first word name one thing.
    pub class_words: HashSet<String>,
    /// Folded words that follow a channel's name, glued or not, and that
    /// its short form drops ("tv" in "BFMTV" / "BFM TV" beside "BFM").
    pub name_suffixes: HashSet<String>,
    /// Folded words that end a company's name and that its short form drops
    /// ("Corporation" in "Zorblax Corporation" beside "Zorblax").
    pub company_forms: HashSet<String>,
    /// Folded class nouns of streets, squares, bridges, monuments and
    /// stations ("place", "avenue", "pont", "arc"): "la place de la Zorbe"
    /// is also written "la Zorbe".
    pub landmark_words: HashSet<String>,
    /// The landmark class nouns that name streets ("rue", "avenue"); also
    /// in `landmark_words`. A bare name joins a street only when the
    /// street's name has no "de la", "de l'" or "du" before it ("la rue de
    /// l'Ostral" is named after the building "l'Ostral").
    pub street_words: HashSet<String>,
    /// Folded class nouns of bridges, stations and forecourts ("pont",
    /// "gare", "parvis"): "le pont de la Zorbe" counts against a bare
    /// "Zorbe" joining a landmark, but the bare name never means it.
    pub structure_words: HashSet<String>,
    /// Folded first words of a name that is an affair or a case after a
    /// person ("l'affaire Zorblax"): such a name is no person's full name.
    pub case_words: HashSet<String>,
    /// Lines that did not parse (file, line number); must stay empty.
    pub malformed: Vec<(&'static str, usize)>,
}

static DEMONYMS: &str = include_str!("../data/demonyms.tsv");
static PLACES: &str = include_str!("../data/places.tsv");
static TITLES: &str = include_str!("../data/titles.tsv");
static NAME_WORDS: &str = include_str!("../data/name_words.tsv");

static TABLES: LazyLock<Tables> = LazyLock::new(Tables::parse);

/// The parsed tables (parsed on first call).
pub fn tables() -> &'static Tables {
    &TABLES
}

/// Plural of a demonym: +s unless it already ends in s or x.
fn plural(form: &str) -> String {
    if form.ends_with('s') || form.ends_with('x') {
        form.to_string()
    } else {
        format!("{form}s")
    }
}

/// Non-comment, non-blank lines with their 1-based numbers.
fn data_lines(text: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Tables {
    fn parse() -> Tables {
        let mut t = Tables {
            demonyms: HashMap::new(),
            places: HashMap::new(),
            countries: HashSet::new(),
            titles: HashSet::new(),
            honorifics: HashSet::new(),
            common: HashSet::new(),
            org_heads: HashSet::new(),
            loc_heads: HashSet::new(),
            class_words: HashSet::new(),
            name_suffixes: HashSet::new(),
            company_forms: HashSet::new(),
            landmark_words: HashSet::new(),
            street_words: HashSet::new(),
            structure_words: HashSet::new(),
            case_words: HashSet::new(),
            malformed: Vec::new(),
        };
        for (n, line) in data_lines(DEMONYMS) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 || cols[..3].iter().any(|c| c.trim().is_empty()) {
                t.malformed.push(("demonyms.tsv", n));
                continue;
            }
            let country = cols[0].trim().to_string();
            let mut forms = vec![];
            for base in [cols[1], cols[2]] {
                forms.push(base.trim().to_string());
                forms.push(plural(base.trim()));
            }
            if let Some(extra) = cols.get(3) {
                forms.extend(extra.split('|').map(|f| f.trim().to_string()).filter(|f| !f.is_empty()));
            }
            for f in forms {
                t.demonyms.insert(fold(&f), country.clone());
            }
            t.countries.insert(fold(&country));
            t.places.insert(fold(&country), country);
        }
        for (n, line) in data_lines(PLACES) {
            let cols: Vec<&str> = line.split('\t').collect();
            let name = cols[0].trim();
            if name.is_empty() || cols.len() > 2 {
                t.malformed.push(("places.tsv", n));
                continue;
            }
            t.places.insert(fold(name), name.to_string());
            for v in cols.get(1).into_iter().flat_map(|v| v.split('|')) {
                if !v.trim().is_empty() {
                    t.places.insert(fold(v), name.to_string());
                }
            }
        }
        for (n, line) in data_lines(TITLES) {
            match line.split('\t').collect::<Vec<_>>()[..] {
                [w, "title"] if !w.is_empty() => {
                    t.titles.insert(w.to_lowercase());
                }
                [w, "honorific"] if !w.is_empty() => {
                    t.honorifics.insert(w.to_string());
                }
                _ => t.malformed.push(("titles.tsv", n)),
            }
        }
        for (n, line) in data_lines(NAME_WORDS) {
            match line.split('\t').collect::<Vec<_>>()[..] {
                [w, "common"] if !w.is_empty() => {
                    t.common.insert(fold(w));
                }
                [w, "org"] if !w.is_empty() => {
                    t.org_heads.insert(fold(w));
                }
                [w, "loc"] if !w.is_empty() => {
                    t.loc_heads.insert(fold(w));
                }
                [w, "class"] if !w.is_empty() => {
                    t.class_words.insert(fold(w));
                }
                [w, "suffix"] if !w.is_empty() => {
                    t.name_suffixes.insert(fold(w));
                }
                [w, "company"] if !w.is_empty() => {
                    t.company_forms.insert(fold(w));
                }
                [w, "landmark"] if !w.is_empty() => {
                    t.landmark_words.insert(fold(w));
                }
                [w, "street"] if !w.is_empty() => {
                    t.landmark_words.insert(fold(w));
                    t.street_words.insert(fold(w));
                }
                [w, "structure"] if !w.is_empty() => {
                    t.structure_words.insert(fold(w));
                }
                [w, "case"] if !w.is_empty() => {
                    t.case_words.insert(fold(w));
                }
                _ => t.malformed.push(("name_words.tsv", n)),
            }
        }
        t
    }

    /// The country a demonym form names ("ukrainiennes" -> "Ukraine").
    pub fn demonym(&self, word: &str) -> Option<&str> {
        self.demonyms.get(&fold(word)).map(String::as_str)
    }

    /// The preferred name of a known place or variant ("Kiev" -> "Kyiv").
    pub fn place(&self, name: &str) -> Option<&str> {
        self.places.get(&fold(name)).map(String::as_str)
    }

    /// Whether a name (or a spelling variant of it) is a country's.
    pub fn is_country(&self, name: &str) -> bool {
        self.place(name).is_some_and(|p| self.countries.contains(&fold(p)))
    }

    /// Whether a word is a title noun ("ministre"), compared in lower case:
    /// a title word of titles.tsv, also with the prefix "ex-" of a former
    /// one ("ex-ministre", "ex-agent").
    pub fn is_title(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let bare = lower.strip_prefix("ex-").or_else(|| lower.strip_prefix("ex\u{2011}"));
        self.titles.contains(&lower) || bare.is_some_and(|b| !b.is_empty() && self.titles.contains(b))
    }

    pub fn is_honorific(&self, word: &str) -> bool {
        self.honorifics.contains(word)
    }

    /// The core of a folded name key that news write with a varying class
    /// noun before it, a company's form after it ("zorblax corporation"
    /// → "zorblax") or a channel suffix after it: "basilique sainte-anne
    /// de jerusalem" → "sainte-anne de jerusalem", "bfmtv" and "bfm tv" →
    /// "bfm"; `None` when the key has neither (or nothing would be left).
    pub fn name_core(&self, key: &str) -> Option<String> {
        if let Some((first, rest)) = key.split_once(' ') {
            if self.class_words.contains(first) {
                return Some(rest.to_string());
            }
        }
        if let Some((rest, last)) = key.rsplit_once(' ') {
            if self.company_forms.contains(last) {
                return Some(rest.to_string());
            }
        }
        self.channel_core(key)
    }

    /// The bare name a landmark's or a structure's name ends with: its class noun and the
    /// "de" after it dropped ("place de la zorbe" → "zorbe", "pont de
    /// l'ostral" → "ostral", "avenue zorbe" → "zorbe"); `None` when the
    /// folded key opens with no landmark class noun or nothing is left.
    pub fn landmark_name(&self, key: &str) -> Option<String> {
        let (first, rest) = key.split_once(' ')?;
        if !self.landmark_words.contains(first) && !self.structure_words.contains(first) {
            return None;
        }
        let mut rest = rest;
        for lead in ["de la ", "de l'", "des ", "du ", "de ", "d'"] {
            if let Some(r) = rest.strip_prefix(lead) {
                rest = r;
                break;
            }
        }
        (!rest.is_empty() && rest.chars().any(char::is_alphabetic)).then(|| rest.to_string())
    }

    /// Whether a bare name may mean the landmark whose folded key is `key`
    /// (its [`Self::landmark_name`] being that bare name): a square or a
    /// monument ("place de la zorbe"), a street only when no "de la", "de
    /// l'" or "du" stands before its name ("la rue de l'Ostral" is named
    /// after the building "l'Ostral"), never a structure ("pont de la
    /// zorbe").
    pub fn bare_name_may_mean(&self, key: &str) -> bool {
        match key.split_once(' ') {
            Some((w, rest)) if self.street_words.contains(w) => {
                !["de la ", "de l'", "du "].iter().any(|a| rest.starts_with(a))
            }
            Some((w, _)) => self.landmark_words.contains(w),
            None => false,
        }
    }

    /// The name of a channel without its suffix ("bfmtv", "bfm tv" →
    /// "bfm"), `None` when the folded key ends with no listed suffix. A
    /// glued suffix needs two letters before it.
    pub fn channel_core(&self, key: &str) -> Option<String> {
        if let Some((rest, last)) = key.rsplit_once(' ') {
            return self.name_suffixes.contains(last).then(|| rest.to_string());
        }
        self.name_suffixes.iter().find_map(|s| {
            let rest = key.strip_suffix(s.as_str())?;
            (rest.chars().filter(|c| c.is_alphabetic()).count() >= 2 && s.chars().count() >= 2)
                .then(|| rest.to_string())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_line_parses() {
        assert_eq!(tables().malformed, Vec::<(&str, usize)>::new());
    }

    #[test]
    fn demonyms_cover_genders_and_numbers() {
        let t = tables();
        for (form, country) in [
            ("ukrainien", "Ukraine"),
            ("ukrainiennes", "Ukraine"),
            ("Ukrainiens", "Ukraine"),
            ("américaine", "États-Unis"),
            ("américains", "États-Unis"),
            ("russe", "Russie"),
            ("russes", "Russie"),
            ("britannique", "Royaume-Uni"),
            ("français", "France"),
            ("françaises", "France"),
            ("grecques", "Grèce"),
        ] {
            assert_eq!(t.demonym(form), Some(country), "{form}");
        }
        assert_eq!(t.demonym("président"), None);
    }

    #[test]
    fn place_variants_share_a_name() {
        let t = tables();
        assert_eq!(t.place("Kiev"), Some("Kyiv"));
        assert_eq!(t.place("Kyiv"), Some("Kyiv"));
        assert_eq!(t.place("Etats-Unis"), Some("États-Unis"));
        assert_eq!(t.place("Ukraine"), Some("Ukraine"));
        assert_eq!(t.place("Zelenskyy"), None);
    }

    #[test]
    fn a_name_core_drops_a_class_noun_or_a_channel_suffix() {
        let t = tables();
        assert_eq!(t.name_core("eglise saint-paul").as_deref(), Some("saint-paul"));
        assert_eq!(
            t.name_core("cathedrale saint-paul de londres").as_deref(),
            Some("saint-paul de londres")
        );
        assert_eq!(t.name_core("canaltv").as_deref(), Some("canal"));
        assert_eq!(t.name_core("canal tv").as_deref(), Some("canal"));
        assert_eq!(t.name_core("tv"), None, "nothing left");
        assert_eq!(t.name_core("cour penale internationale"), None);
        assert_eq!(t.name_core("paris"), None);
    }

    #[test]
    fn a_landmark_name_drops_its_class_noun_and_de() {
        let t = tables();
        assert_eq!(t.landmark_name("place de la zorbe").as_deref(), Some("zorbe"));
        assert_eq!(t.landmark_name("pont de l'ostral").as_deref(), Some("ostral"));
        assert_eq!(t.landmark_name("avenue de quillac").as_deref(), Some("quillac"));
        assert_eq!(t.landmark_name("arc de triomphe").as_deref(), Some("triomphe"));
        assert_eq!(t.landmark_name("avenue quillac").as_deref(), Some("quillac"));
        assert_eq!(t.landmark_name("cour de quillac"), None);
        assert_eq!(t.landmark_name("place"), None);
    }

    #[test]
    fn titles_and_honorifics_are_distinct() {
        let t = tables();
        assert!(t.is_title("ministre") && t.is_title("Président"));
        assert!(t.is_honorific("M.") && !t.is_title("M."));
    }
}
