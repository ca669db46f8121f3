//! Name matching: the one way trame decides that two names are the same.
//!
//! Extraction's tables (demonyms, places, titles), cross-document entity
//! merging, `trame explain` and `trame export --focus` all compare names
//! through this module, so a name a user types finds the entity that
//! extraction made of the same words: "etats unis", "États-Unis" and
//! "les États-Unis" are one name. Owns folding (case, accents, hyphens,
//! dashes, apostrophes, spaces), the leading-article rule and the word
//! split used for searching; knows nothing of entities, RDF or the store.

use unicode_normalization::UnicodeNormalization;

/// The comparison form of a text: lower case, accents removed (NFD, then
/// combining marks dropped), typographic apostrophes made `'`, hyphens,
/// dashes and `_` read as spaces, whitespace squeezed to single spaces and
/// trimmed. Other punctuation is kept. "États-Unis" and "etats unis" fold
/// alike; so do "l’OTAN" and "L'OTAN".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => '\'',
            '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}' | '_' => ' ',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// French definite articles that may open a name without being part of it.
const ARTICLES: [&str; 4] = ["l'", "le ", "la ", "les "];

/// The key under which two names are the same entity's name: [`fold`]ed,
/// with a leading definite article removed when something is left
/// ("l'Ukraine" → "ukraine", "Les États-Unis" → "etats unis", but "La" stays "la").
pub fn key(name: &str) -> String {
    let folded = fold(name);
    for article in ARTICLES {
        if let Some(rest) = folded.strip_prefix(article) {
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    folded
}

/// Whether two names are the same name under [`key`].
pub fn same_name(a: &str, b: &str) -> bool {
    key(a) == key(b)
}

/// The words of a text for searching: [`fold`]ed, then split at every
/// character that is not a letter or digit (apostrophes and punctuation
/// included), empty pieces dropped. "d’État," gives `["d", "etat"]`.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `needle` (already split by [`words`]) occurs in `haystack` as a
/// run of whole words. An empty needle never matches.
pub fn contains_words(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|window| window == needle)
}

/// Whether a written name is in capitals throughout: two letters or more
/// and none in lower case ("BERLIN", "OTAN", "JEAN DUPONT"; not "Berlin",
/// "A51" or "É").
pub fn all_caps(name: &str) -> bool {
    let mut letters = 0;
    for c in name.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// How a written form of a name ranks as its label, for sorting (smaller
/// first): forms with lower-case letters before forms in capitals
/// throughout, so that an all-caps headline ("BERLIN ACCUEILLE …") never
/// gives its spelling to a name written "Berlin" elsewhere. An acronym
/// written only in capitals ("OTAN") keeps that form, having no rival.
pub fn casing_rank(name: &str) -> u8 {
    u8::from(all_caps(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_unifies_case_accents_hyphens_and_apostrophes() {
        assert_eq!(fold("  États-Unis "), "etats unis");
        assert_eq!(fold("l\u{2019}OTAN"), "l'otan");
        assert_eq!(fold("l\u{02BC}OTAN"), "l'otan");
        assert_eq!(fold("Maison-Blanche"), fold("Maison Blanche"));
        assert_eq!(fold("Jean\u{2013}Marc  Ayrault"), "jean marc ayrault");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn key_drops_a_leading_article_but_never_the_whole_name() {
        assert_eq!(key("l'Ukraine"), "ukraine");
        assert_eq!(key("L’Ukraine"), "ukraine");
        assert_eq!(key("les États-Unis"), "etats unis");
        assert_eq!(key("Le Pen"), "pen");
        assert_eq!(key("La"), "la");
        assert_eq!(key("Lesotho"), "lesotho");
    }

    #[test]
    fn the_names_a_user_types_match_the_names_in_the_articles() {
        for (typed, written) in [
            ("etats unis", "États-Unis"),
            ("ETATS-UNIS", "les États-Unis"),
            ("secretaire d'etat", "secrétaire d’État"),
            ("maison blanche", "la Maison-Blanche"),
        ] {
            assert!(same_name(typed, written), "{typed} / {written}");
        }
        assert!(!same_name("Paris", "Parisien"));
    }

    #[test]
    fn capitals_throughout_rank_after_any_cased_form() {
        assert!(all_caps("BERLIN") && all_caps("JEAN-MARC DUPONT") && all_caps("L'OTAN"));
        assert!(!all_caps("Berlin") && !all_caps("A51") && !all_caps("É") && !all_caps("McDONALD"));
        let mut forms = vec!["BERLIN", "Berlin", "BERLIN"];
        forms.sort_by_key(|f| casing_rank(f));
        assert_eq!(forms, ["Berlin", "BERLIN", "BERLIN"]);
    }

    #[test]
    fn words_split_at_punctuation_and_apostrophes() {
        assert_eq!(words("d’État, à Kiev."), ["d", "etat", "a", "kiev"]);
        let text = words("le secrétaire d'État Marco Rubio");
        assert!(contains_words(&text, &words("Marco Rubio")));
        assert!(contains_words(&text, &words("etat")));
        assert!(!contains_words(&text, &words("Rubio Marco")));
        assert!(!contains_words(&text, &[]));
    }
}
