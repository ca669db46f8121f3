//! Bylines: the line that names who wrote an article (`Par Marie DUPONT et
//! Jean MARTIN`, `Propos recueillis par Jean Martin`).
//!
//! Owns recognising a byline line and reading its names. A byline is
//! metadata about the document, not news: [`super::prepare`] takes it out of
//! the paragraphs the model reads (so its names never become entities or
//! facts) and keeps the names as the document's authors. It knows nothing of
//! the models, the rules or the store. The pattern is general French press
//! usage, never a particular article's names.

use std::sync::LazyLock;

use regex::Regex;

/// Longest line, in characters, that can be a byline.
pub const MAX_CHARS: usize = 160;

/// One name: capitalised words, with the particles French names carry.
const NAME: &str = r"\p{Lu}[\p{L}'’.\-]*(?:\s+(?:(?:de|du|des|d'|d’|van|von|le|la|ben|el|al)\s*)?\p{Lu}[\p{L}'’.\-]*){0,3}";

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    let lead = r"(?i:par|texte\s+de|propos\s+recueillis\s+par|un\s+article\s+de|de\s+notre\s+(?:envoyée?\s+spéciale?|correspondante?|envoyée?)(?:\s+(?:à|au|aux|en)\s+\p{Lu}[\p{L}\-]*)?\s*,?)";
    let tail = r"(?:\s*(?:,|-|–|—)?\s*(?i:avec|à|au|pour|envoyée?\s+spéciale?|correspondante?)\b[^.!?;:]{0,60})?";
    let pattern = format!(
        r"^{lead}\s+(?P<names>{NAME}(?:\s*(?:,|\bet\b|&)\s*{NAME})*){tail}\s*\.?$"
    );
    Regex::new(&pattern).unwrap_or_else(|e| panic!("bug in the byline pattern: {e}"))
});

static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:,|\bet\b|&)\s*").unwrap_or_else(|e| panic!("bug in the separator: {e}")));

/// The authors a byline line names, in order, with names written in
/// capitals given their usual case (`Marie DUPONT` → `Marie Dupont`);
/// `None` when the line (already trimmed) is not a byline.
pub fn authors(line: &str) -> Option<Vec<String>> {
    if line.chars().count() > MAX_CHARS {
        return None;
    }
    let names = BYLINE.captures(line)?.name("names")?.as_str();
    let authors: Vec<String> = SEPARATOR
        .split(names)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(usual_case)
        .collect();
    (!authors.is_empty()).then_some(authors)
}

/// A name with its all-capital words in their usual case: `DUPONT` →
/// `Dupont`, `JEAN-PIERRE` → `Jean-Pierre`; other words as written.
fn usual_case(name: &str) -> String {
    name.split(' ')
        .filter(|w| !w.is_empty())
        .map(|word| {
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            if letters < 2 || word.chars().any(char::is_lowercase) {
                return word.to_string();
            }
            let mut out = String::new();
            let mut start = true;
            for c in word.chars() {
                if start {
                    out.push(c);
                } else {
                    out.extend(c.to_lowercase());
                }
                start = matches!(c, '-' | '\'' | '’');
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_name_their_authors() {
        assert_eq!(
            authors("Par Marie DUPONT et Jean MARTIN"),
            Some(vec!["Marie Dupont".to_string(), "Jean Martin".to_string()])
        );
        assert_eq!(
            authors("par Claire Leroux, Paul Simon et JEAN-PIERRE DE LA FONTAINE"),
            Some(vec![
                "Claire Leroux".to_string(),
                "Paul Simon".to_string(),
                "Jean-Pierre De La Fontaine".to_string()
            ])
        );
        assert_eq!(
            authors("Propos recueillis par Anne Morel"),
            Some(vec!["Anne Morel".to_string()])
        );
        assert_eq!(
            authors("Par Luc Besnard, envoyé spécial à Kiev"),
            Some(vec!["Luc Besnard".to_string()])
        );
        assert_eq!(
            authors("De notre correspondante à Berlin, Ines Vogt"),
            Some(vec!["Ines Vogt".to_string()])
        );
        assert_eq!(authors("Par Hugo d'Arras avec AFP"), Some(vec!["Hugo d'Arras".to_string()]));
    }

    #[test]
    fn sentences_that_start_with_par_are_not_bylines() {
        for line in [
            "Par ailleurs, le gouvernement a annoncé une réforme.",
            "Par la suite, Marie Dupont a démissionné.",
            "Par 312 voix contre 200, l'Assemblée a adopté le texte.",
            "Par Marie Dupont, le ministre a fait savoir qu'il partait.",
            "Parmi eux, Jean Martin.",
            "Marie Dupont et Jean Martin",
        ] {
            assert_eq!(authors(line), None, "{line}");
        }
        let long = format!("Par {}", vec!["Jean Martin"; 20].join(", "));
        assert_eq!(authors(&long), None);
    }
}
