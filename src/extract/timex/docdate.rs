//! The date of an article: from `--date`, the text, or the file name.
//!
//! Owns finding the document date: a news dateline at the head of the text
//! (`12 octobre 2017. –`, `PARIS, 3 mars (AFP) -`, `Publié le 12/10/2017`),
//! a Markdown front matter `date:` field, a date in the file name
//! (`2017_10_12-001.txt`, `2017-10-12-titre.md`), or the date given on the
//! command line, which wins. When the text and the file name disagree the
//! text wins and the result carries a note saying so. It never prints: the
//! caller reports the note. Month names come from `words.tsv`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::words::words;
use crate::calendar::Date;

/// Where a document's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `trame build --date`.
    Given,
    /// A dateline at the head of the text.
    Dateline,
    /// A Markdown front matter `date:` field.
    FrontMatter,
    /// The file name.
    FileName,
}

impl Origin {
    /// A short English name, as stored with the date ("dateline", "file name").
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Given => "given",
            Origin::Dateline => "dateline",
            Origin::FrontMatter => "front matter",
            Origin::FileName => "file name",
        }
    }
}

/// What date detection found for one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// The document date, when known.
    pub date: Option<(Date, Origin)>,
    /// Characters of the original text that are the dateline itself (or
    /// the front matter): time expressions there are the document's date,
    /// not the article's content.
    pub dateline: Option<Range<usize>>,
    /// A disagreement worth a warning (text against file name).
    pub note: Option<String>,
}

/// How many non-blank lines from the top may hold the dateline.
const HEAD_LINES: usize = 4;

fn month_alternation() -> String {
    let mut names: Vec<&str> = words()
        .entries("month")
        .map(|(w, _)| w)
        .filter(|w| w.chars().count() > 4 || matches!(*w, "mars" | "mai" | "juin" | "août" | "aout"))
        .collect();
    names.sort_by_key(|w| std::cmp::Reverse(w.len()));
    names.join("|")
}

/// `12 octobre 2017. –`, `Le lundi 12 octobre 2017 -`, alone on its line or
/// before the text; `PARIS, 3 mars (AFP) -`; `Publié le 12 octobre 2017`.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let months = month_alternation();
    let pattern = format!(
        r"(?i)^\s*(?:(?:publié|mis à jour|posté|modifié)\s+le\s+|le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{months})\s+(?P<y>\d{{4}})\b(?:\s*(?:à|,)\s*\d{{1,2}}\s*[h:]\s*\d{{0,2}})?\s*[.,:]?\s*(?:[-–—]\s*|$)"
    );
    Regex::new(&pattern).unwrap_or_else(|e| panic!("bug in the dateline pattern: {e}"))
});

static DATELINE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    let months = month_alternation();
    let pattern = format!(
        r"(?i)^\s*[\p{{Lu}}][\p{{L}}' .-]{{1,40}},\s*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{months})(?:\s+(?P<y>\d{{4}}))?\s*(?:\([\p{{L}} .-]{{1,30}}\))?\s*[-–—]\s*"
    );
    Regex::new(&pattern).unwrap_or_else(|e| panic!("bug in the dateline pattern: {e}"))
});

static NUMERIC_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:publié|mis à jour|posté|modifié)\s+le\s+)(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")
        .unwrap_or_else(|e| panic!("bug in the dateline pattern: {e}"))
});

static FILE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])(?P<y>(?:19|20)\d\d)[-_.](?P<m>\d\d)[-_.](?P<d>\d\d)(?:[^0-9]|$)")
        .unwrap_or_else(|e| panic!("bug in the file name pattern: {e}"))
});

static FRONT_MATTER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?im)^date\s*:\s*["']?(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"#)
        .unwrap_or_else(|e| panic!("bug in the front matter pattern: {e}"))
});

/// Finds a document's date. `source` is the path given to the build (its
/// file name is read), `text` the original text, `given` the `--date` value.
///
/// A dateline without a year (`PARIS, 3 mars (AFP) -`) takes the year from
/// the file name's date, the one that puts its day nearest that date; with
/// no such evidence the document has no date (never a guessed year). A
/// dateline whose date does not exist (`31 février 2018`) gives none
/// either, and says so in the note.
pub fn detect(source: &str, text: &str, given: Option<Date>) -> Detected {
    let head = read_text(text);
    let dateline = head.range;
    let from_name = from_file_name(source);
    let mut note = None;
    let mut in_text = head.date;
    if let (None, Some((day, month)), Some(n)) = (in_text, head.day_month, from_name) {
        if head.year.is_none() {
            in_text = nearest_year(day, month, n).map(|d| (d, Origin::Dateline));
        }
    }
    if let (None, Some((day, month)), Some(year)) = (in_text, head.day_month, head.year) {
        note = Some(format!(
            "the dateline's date {year:04}-{month:02}-{day:02} does not exist; it is not used"
        ));
    }
    if let (Some((t, origin)), Some(n)) = (in_text, from_name) {
        if t != n {
            let year = if head.year.is_none() && head.date.is_none() {
                " (its year from the file name)"
            } else {
                ""
            };
            note = Some(format!(
                "the {}{year} says {t} but the file name says {n}; the text wins",
                origin.as_str()
            ));
        }
    }
    let date = given
        .map(|d| (d, Origin::Given))
        .or(in_text)
        .or(from_name.map(|d| (d, Origin::FileName)));
    Detected { date, dateline, note }
}

/// A date in a file name: `2017_10_12-001.txt`, `2017-10-12-titre.md`.
pub fn from_file_name(source: &str) -> Option<Date> {
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let c = FILE_NAME.captures(name)?;
    Date::new(c["y"].parse().ok()?, c["m"].parse().ok()?, c["d"].parse().ok()?)
}

/// The day of `month` numbered `day` nearest to `near` (the year before,
/// the same or the next), when such a day exists.
fn nearest_year(day: u32, month: u32, near: Date) -> Option<Date> {
    (near.year - 1..=near.year + 1)
        .filter_map(|y| Date::new(y, month, day))
        .min_by_key(|d| (d.to_days() - near.to_days()).abs())
}

/// What the head of a text says about its date.
struct Head {
    /// The full date, when the text gives one that exists.
    date: Option<(Date, Origin)>,
    /// The dateline's (or front matter's) characters.
    range: Option<Range<usize>>,
    /// The dateline's day and month, even without a year or when impossible.
    day_month: Option<(u32, u32)>,
    /// The dateline's year as written, when it has one.
    year: Option<i32>,
}

/// A date in the text: front matter first, then a dateline among the first
/// lines. Returns the date with its origin, and the dateline's character range.
pub fn from_text(text: &str) -> (Option<(Date, Origin)>, Option<Range<usize>>) {
    let head = read_text(text);
    (head.date, head.range)
}

fn read_text(text: &str) -> Head {
    let mut body_start = 0;
    let mut front_range = None;
    if let Some(front) = front_matter(text) {
        body_start = front.len();
        // Front matter is metadata, never the article's text.
        front_range = Some(0..front.chars().count());
        if let Some(c) = FRONT_MATTER_DATE.captures(front) {
            let date = Date::new(
                c["y"].parse().unwrap_or(0),
                c["m"].parse().unwrap_or(0),
                c["d"].parse().unwrap_or(0),
            );
            if let Some(d) = date {
                return Head {
                    date: Some((d, Origin::FrontMatter)),
                    range: front_range,
                    day_month: None,
                    year: None,
                };
            }
        }
    }
    let mut offset = text[..body_start].chars().count();
    let mut seen = 0;
    for line in text[body_start..].split('\n') {
        let length = line.chars().count() + 1;
        if !line.trim().is_empty() {
            seen += 1;
            if let Some(found) = dateline(line) {
                let lead = line.chars().take_while(|c| c.is_whitespace()).count();
                return Head {
                    date: found.date.map(|d| (d, Origin::Dateline)),
                    range: Some(offset + lead..offset + found.chars),
                    day_month: Some((found.day, found.month)),
                    year: found.year,
                };
            }
            if seen >= HEAD_LINES {
                break;
            }
        }
        offset += length;
    }
    Head {
        date: None,
        range: front_range,
        day_month: None,
        year: None,
    }
}

/// Length in characters of the dateline that opens `line`
/// (`PARIS, 3 mars (AFP) -`, `12 octobre 2017. –`), if it opens with one:
/// the one description of a dateline's shape, also used by the parse
/// repair that tells a dateline from a list of names
/// ([`crate::extract::repair::leading_name`]).
pub fn dateline_length(line: &str) -> Option<usize> {
    dateline(line).map(|found| found.chars)
}

/// A dateline as written.
struct Dateline {
    /// `None` when the year is missing or the date impossible.
    date: Option<Date>,
    day: u32,
    month: u32,
    year: Option<i32>,
    /// Its length in characters.
    chars: usize,
}

/// A dateline at the start of a line.
fn dateline(line: &str) -> Option<Dateline> {
    let month_of = |name: &str| {
        words()
            .get("month", &name.to_lowercase())
            .and_then(|m| m.parse::<u32>().ok())
    };
    for pattern in [&*DATELINE, &*DATELINE_PLACE, &*NUMERIC_DATELINE] {
        let Some(c) = pattern.captures(line) else {
            continue;
        };
        let whole = c.get(0)?;
        let chars = line[..whole.end()].trim_end().chars().count();
        let day: u32 = c["d"].parse().ok()?;
        let month = c["m"].parse::<u32>().ok().or_else(|| month_of(&c["m"]))?;
        let year: Option<i32> = c.name("y").and_then(|y| y.as_str().parse().ok());
        let date = year.and_then(|y| Date::new(y, month, day));
        return Some(Dateline {
            date,
            day,
            month,
            year,
            chars,
        });
    }
    None
}

/// The front matter block (`---` line, fields, `---` line) at the very top, with its closing line.
fn front_matter(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("\u{feff}").unwrap_or(text);
    let skipped = text.len() - rest.len();
    let first = rest.lines().next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut end = first.len() + 1;
    for line in rest.get(end..)?.split_inclusive('\n') {
        end += line.len();
        if line.trim_end() == "---" {
            return text.get(..skipped + end.min(rest.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn wikinews_dateline() {
        let text = "Paris : le niveau monte\n\n28 janvier 2018 . –\nÀ Paris, la Seine monte.";
        let found = detect("corpus/01/2018_01_28-001.txt", text, None);
        assert_eq!(found.date, Some((date("2018-01-28"), Origin::Dateline)));
        let range = found.dateline.unwrap();
        let shown: String = text.chars().skip(range.start).take(range.len()).collect();
        assert_eq!(shown, "28 janvier 2018 . –");
        assert_eq!(found.note, None);
    }

    #[test]
    fn agency_dateline_and_issue_examples() {
        let (d, range) = from_text("12 octobre 2017. – Le gouvernement a annoncé…");
        assert_eq!(d, Some((date("2017-10-12"), Origin::Dateline)));
        assert_eq!(range, Some(0..18));
        // No year: a dateline, but no date.
        let (d, range) = from_text("PARIS, 3 mars (AFP) - Le gouvernement a annoncé…");
        assert_eq!(d, None);
        assert_eq!(range, Some(0..21));
        let (d, _) = from_text("PARIS, 3 mars 2024 (AFP) - Le gouvernement…");
        assert_eq!(d, Some((date("2024-03-03"), Origin::Dateline)));
        let (d, _) = from_text("Publié le 12/10/2017 à 14h30\nTexte.");
        assert_eq!(d, Some((date("2017-10-12"), Origin::Dateline)));
    }

    #[test]
    fn a_sentence_is_not_a_dateline() {
        assert_eq!(from_text("Le 28 février 2019, le président a parlé.").0, None);
        assert_eq!(
            from_text("Titre\nUn texte.\nEncore.\nEt encore.\n12 octobre 2017. –").0,
            None
        );
    }

    #[test]
    fn front_matter_and_file_names() {
        let text = "---\ntitle: Grève\ndate: 2017-10-12T08:00:00Z\n---\n# Grève\nTexte.";
        assert_eq!(from_text(text).0, Some((date("2017-10-12"), Origin::FrontMatter)));
        assert_eq!(from_file_name("a/2017_10_12-001.txt"), Some(date("2017-10-12")));
        assert_eq!(from_file_name("2017-10-12-greve.md"), Some(date("2017-10-12")));
        assert_eq!(from_file_name("x/2017-02-30-greve.md"), None);
        assert_eq!(from_file_name("000_9c81224ff3cb7629.txt"), None);
        assert_eq!(from_file_name("2017_10_12_2018/x.txt"), None);
    }

    #[test]
    fn the_text_wins_over_the_file_name_with_a_note_and_the_option_wins_over_all() {
        let text = "Titre\n13 octobre 2017. –\nTexte.";
        let found = detect("2017_10_12-001.txt", text, None);
        assert_eq!(found.date, Some((date("2017-10-13"), Origin::Dateline)));
        let note = found.note.unwrap();
        assert!(note.contains("2017-10-13") && note.contains("2017-10-12"), "{note}");
        let found = detect("2017_10_12-001.txt", text, Some(date("2020-01-01")));
        assert_eq!(found.date, Some((date("2020-01-01"), Origin::Given)));
        assert_eq!(detect("x.txt", "Texte sans date.", None).date, None);
    }

    #[test]
    fn impossible_dateline_dates_give_no_date() {
        let (d, range) = from_text("31 février 2018. – Texte.");
        assert_eq!(d, None);
        assert!(range.is_some());
        // The file name's date is used then, and the note says why.
        let found = detect("2018_02_28-001.txt", "31 février 2018. – Texte.", None);
        assert_eq!(found.date, Some((date("2018-02-28"), Origin::FileName)));
        assert!(found.note.unwrap().contains("does not exist"));
        assert_eq!(detect("x.txt", "31 février 2018. – Texte.", None).date, None);
    }

    #[test]
    fn a_dateline_without_a_year_takes_the_file_names_year_or_none() {
        let text = "PARIS, 3 mars (AFP) - Le gouvernement a annoncé une réforme.";
        // No other evidence: no date, never a guessed year.
        assert_eq!(detect("depeche.txt", text, None).date, None);
        // The file name's year; same day: no note.
        let found = detect("2024-03-03-reforme.txt", text, None);
        assert_eq!(found.date, Some((date("2024-03-03"), Origin::Dateline)));
        assert_eq!(found.note, None);
        // The file name says another day: the dateline's day and month win, with a note.
        let found = detect("2024-03-05-reforme.txt", text, None);
        assert_eq!(found.date, Some((date("2024-03-03"), Origin::Dateline)));
        let note = found.note.unwrap();
        assert!(
            note.contains("year from the file name") && note.contains("2024-03-05"),
            "{note}"
        );
        // Across a new year: «30 décembre» in a file dated 2 January is the December before.
        let found = detect("2025-01-02-bilan.txt", "BERLIN, 30 décembre (Reuters) - Texte.", None);
        assert_eq!(found.date, Some((date("2024-12-30"), Origin::Dateline)));
        // --date still wins over all.
        let found = detect("2024-03-05-reforme.txt", text, Some(date("2020-01-01")));
        assert_eq!(found.date, Some((date("2020-01-01"), Origin::Given)));
    }
}
