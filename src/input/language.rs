//! Language detection: is this text French, and if not, what is it?
//!
//! Small and data-driven: each language is a list of its most frequent
//! function words ([`PROFILES`]); a text belongs to the language whose
//! function words make up the largest share of its words. Function words
//! are what any running text is full of whatever its topic, so a few
//! sentences suffice. Owns only detection; what to do with a non-French
//! text is the caller's business (`input` refuses it).

use std::collections::HashMap;
use std::sync::LazyLock;

/// ISO 639-1 code of French, the language trame reads.
pub const FRENCH: &str = "fr";

/// One language's profile: its code, its name (English, for messages) and
/// its most frequent function words, lower case.
#[derive(Debug, Clone, Copy)]
pub struct Profile {
    pub code: &'static str,
    pub name: &'static str,
    pub words: &'static [&'static str],
}

/// Function-word profiles. Elided French forms (`l'`, `d'`, `qu'`) appear
/// as the bare letters because words are split at apostrophes.
pub const PROFILES: &[Profile] = &[
    Profile {
        code: "fr",
        name: "French",
        words: &[
            "le", "la", "les", "l", "de", "des", "du", "d", "un", "une", "et", "est", "a", "à", "au", "aux", "en",
            "que", "qui", "qu", "dans", "pour", "par", "sur", "pas", "ne", "n", "il", "elle", "ils", "elles", "ce",
            "cette", "ces", "son", "sa", "ses", "se", "s", "leur", "leurs", "avec", "ont", "été", "sont", "mais", "ou",
            "où", "nous", "vous", "je", "j", "c", "y", "plus", "comme", "aussi", "être", "avoir", "selon", "après",
            "avant", "entre", "depuis", "lors", "dont", "sans", "sous", "chez", "très", "déjà", "était", "fait",
        ],
    },
    Profile {
        code: "en",
        name: "English",
        words: &[
            "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "with", "as", "he", "she", "be",
            "by", "at", "his", "her", "this", "from", "have", "are", "or", "an", "they", "which", "not", "but", "has",
            "had", "were", "their", "been", "will", "would", "its", "who", "said", "after", "we", "you", "i", "there",
            "also", "into", "than", "more", "about", "when", "what",
        ],
    },
    Profile {
        code: "de",
        name: "German",
        words: &[
            "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im",
            "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie",
            "nach", "wird", "bei", "einer", "um", "am", "sind", "noch", "wie", "einem", "über", "einen", "so", "zum",
            "war", "haben", "nur", "oder", "aber", "vor", "zur", "bis", "mehr", "durch", "wurde", "ich", "wir",
        ],
    },
    Profile {
        code: "es",
        name: "Spanish",
        words: &[
            "de", "la", "que", "el", "en", "y", "los", "del", "se", "las", "por", "un", "para", "con", "no", "una",
            "su", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "o", "fue", "este", "ha", "porque", "esta",
            "son", "entre", "cuando", "muy", "sin", "sobre", "también", "hasta", "hay", "donde", "desde", "todo",
            "nos", "durante", "todos", "ni", "contra", "ese", "eso", "ante", "ellos", "es", "está", "según",
        ],
    },
    Profile {
        code: "it",
        name: "Italian",
        words: &[
            "il", "di", "che", "e", "la", "per", "un", "non", "del", "della", "è", "sono", "con", "gli", "nel", "alla",
            "da", "si", "lo", "una", "dei", "delle", "anche", "come", "ma", "più", "al", "nella", "questo", "ha", "ci",
            "degli", "dal", "sul", "era", "stato", "essere", "tra", "dopo", "quando", "ho", "hanno",
        ],
    },
    Profile {
        code: "pt",
        name: "Portuguese",
        words: &[
            "de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "é", "com", "não", "uma", "os", "no", "se",
            "na", "por", "mais", "as", "dos", "como", "mas", "foi", "ao", "ele", "das", "tem", "seu", "sua", "ou",
            "ser", "quando", "muito", "há", "nos", "já", "está", "também", "pelo", "pela", "até", "isso", "ela",
            "entre", "depois", "sem", "mesmo", "aos", "ter", "seus", "quem", "nas", "são",
        ],
    },
    Profile {
        code: "nl",
        name: "Dutch",
        words: &[
            "de", "het", "een", "van", "en", "in", "is", "dat", "op", "te", "zijn", "met", "voor", "niet", "aan", "er",
            "om", "ook", "als", "bij", "door", "maar", "uit", "naar", "worden", "wordt", "werd", "over", "dan", "nog",
            "tot", "hij", "zij", "ze", "deze", "die", "wat", "heeft", "hebben", "was", "wij",
        ],
    },
];

/// Below this many function words the text is too short to judge, and the
/// detection is not confident (callers then give French the benefit of the doubt).
pub const MIN_EVIDENCE: usize = 5;

/// For each function word, the set of [`PROFILES`] holding it, as bits.
static LANGUAGES_OF: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, u32> = HashMap::new();
    for (i, profile) in PROFILES.iter().enumerate() {
        for word in profile.words {
            *map.entry(word).or_default() |= 1 << i;
        }
    }
    map
});

/// The outcome of [`detect`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// ISO 639-1 code of the best profile (French when nothing matched).
    pub code: &'static str,
    /// Share of the text's words that are function words of that language.
    pub share: f32,
    /// Whether there was enough evidence to trust `code`.
    pub confident: bool,
}

/// Detects the language of a text given as pieces (paragraphs).
pub fn detect<'a>(pieces: impl IntoIterator<Item = &'a str>) -> Detection {
    let mut hits = vec![0usize; PROFILES.len()];
    let mut words = 0usize;
    let mut lower = String::new();
    for piece in pieces {
        for word in piece.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            words += 1;
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            if let Some(&languages) = LANGUAGES_OF.get(lower.as_str()) {
                for (i, count) in hits.iter_mut().enumerate() {
                    *count += usize::from(languages & (1 << i) != 0);
                }
            }
        }
    }
    // Ties go to the earlier profile, French first.
    let (best, &count) = hits.iter().enumerate().fold(
        (0, &0),
        |best, candidate| {
            if candidate.1 > best.1 {
                candidate
            } else {
                best
            }
        },
    );
    Detection {
        code: PROFILES[best].code,
        share: if words == 0 { 0.0 } else { count as f32 / words as f32 },
        confident: count >= MIN_EVIDENCE,
    }
}

/// The English name of a language code from [`PROFILES`], or the code itself.
pub fn name(code: &str) -> &str {
    PROFILES.iter().find(|p| p.code == code).map_or(code, |p| p.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> &'static str {
        detect([text]).code
    }

    #[test]
    fn function_word_lists_have_no_duplicates() {
        for profile in PROFILES {
            let mut words = profile.words.to_vec();
            words.sort_unstable();
            words.dedup();
            assert_eq!(words.len(), profile.words.len(), "{}", profile.code);
        }
    }

    #[test]
    fn english_german_spanish_italian_are_not_french() {
        let samples = [
            ("en", "The United States will immediately lift the pause on intelligence sharing and resume security assistance to Ukraine, according to a joint statement released after the meeting."),
            ("de", "Die Vereinigten Staaten werden die Pause beim Austausch von Geheimdienstinformationen sofort aufheben und die Sicherheitshilfe für die Ukraine wieder aufnehmen, heißt es in einer Erklärung."),
            ("es", "Los Estados Unidos levantarán de inmediato la pausa en el intercambio de inteligencia y reanudarán la asistencia de seguridad a Ucrania, según una declaración conjunta publicada después de la reunión."),
            ("it", "Gli Stati Uniti revocheranno immediatamente la pausa nella condivisione di intelligence e riprenderanno l'assistenza alla sicurezza dell'Ucraina, secondo una dichiarazione congiunta pubblicata dopo la riunione."),
            ("pt", "Os Estados Unidos vão suspender imediatamente a pausa no compartilhamento de inteligência e retomar a assistência de segurança à Ucrânia, segundo uma declaração conjunta divulgada após a reunião."),
            ("nl", "De Verenigde Staten zullen de pauze in het delen van inlichtingen onmiddellijk opheffen en de veiligheidshulp aan Oekraïne hervatten, zo staat in een gezamenlijke verklaring die na de bijeenkomst werd gepubliceerd."),
        ];
        for (expected, text) in samples {
            let detection = detect([text]);
            assert_eq!(detection.code, expected, "{text}");
            assert!(detection.confident, "{text}");
        }
    }

    #[test]
    fn french_is_french() {
        let text = "Les États-Unis soulèveront immédiatement la pause du partage du renseignement et reprendront une assistance en matière de sécurité à l'Ukraine, selon une déclaration conjointe.";
        assert_eq!(code(text), "fr");
        assert!(detect([text]).confident);
    }

    #[test]
    fn short_or_empty_text_is_not_confident() {
        assert!(!detect(["Emmanuel Macron"]).confident);
        assert!(!detect(Vec::<&str>::new()).confident);
        assert_eq!(detect([""]).share, 0.0);
    }

    #[test]
    fn every_wikinews_article_is_french() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/wikinews-fr-2018"));
        let mut checked = 0;
        for month in std::fs::read_dir(dir).unwrap() {
            let month = month.unwrap().path();
            if !month.is_dir() {
                continue;
            }
            for file in std::fs::read_dir(month).unwrap() {
                let path = file.unwrap().path();
                if path.extension().is_some_and(|e| e == "txt") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let detection = detect(text.lines());
                    assert_eq!(detection.code, "fr", "{}", path.display());
                    assert!(detection.confident, "{}", path.display());
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 226);
    }
}
