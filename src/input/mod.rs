//! Reading articles: boilerplate removal, title, normalisation for the model.
//!
//! The model sees a normalised copy of each paragraph (typographic
//! apostrophes and quotes made plain, vowels with a macron plain); every character of that copy keeps
//! the offset of the character it came from in the original text, so all
//! offsets downstream point into the file as it is on disk.
//!
//! This module owns finding input files ([`expand_inputs`]), reading them as
//! checked UTF-8 ([`read_input`]) and turning a text into a
//! [`PreparedText`] ([`prepare`]). It knows nothing of the models, the
//! extraction rules or the store. What counts as boilerplate is the data
//! table [`BOILERPLATE`], not code: general patterns of news pages, never
//! strings of a particular article.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

pub mod byline;
pub mod language;
pub mod markup;

use markup::GONE;

/// A source text made ready for the language pipeline.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedText {
    /// The path as given to `trame build`, or `-`.
    pub source: String,
    /// The text exactly as read.
    pub original: String,
    pub title: Option<String>,
    /// Who wrote it, from a byline (`Par Marie DUPONT et Jean MARTIN`):
    /// metadata, so the byline is not among the paragraphs.
    pub authors: Vec<String>,
    /// ISO 639-1 code of the detected language.
    pub language: String,
    /// The paragraphs the model annotates, one `nlp::Doc` each, in order.
    pub paragraphs: Vec<Paragraph>,
}

impl PreparedText {
    /// The reading view of [`Self::original`] ([`markup::reading_view`]):
    /// as many characters as the original, entities decoded, markup of an
    /// HTML file left out as [`markup::GONE`]. Names and literal values are
    /// read from here (with [`markup::visible`]), so that `L&#39;Oréal` is
    /// named `L'Oréal`, at the original's offsets.
    pub fn reading_view(&self) -> String {
        markup::reading_view(&self.original, markup::is_html(&self.source, &self.original))
    }
}

/// One paragraph as the model sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// Text handed to the model.
    pub text: String,
    /// `offsets[i]` is the character offset in the original text of
    /// character `i` of `text`; one extra entry maps the end of `text`.
    pub offsets: Vec<usize>,
}

/// Why one input could not be read or is not worth annotating. The build
/// reports these per document and goes on with the others.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{}: no such file or folder; check the path", crate::quote::path(.path))]
    NotFound { path: String },
    #[error("cannot read {}: {source}", crate::quote::path(.path))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: invalid UTF-8 at byte {offset} (line {line}); re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)", crate::quote::path(.path))]
    InvalidUtf8 { path: String, offset: usize, line: usize },
    #[error("{}: the folder holds no .txt, .md or .html files", crate::quote::path(.path))]
    EmptyFolder { path: String },
    #[error("{}: a symbolic link back to {}, which is already being read; not followed again", crate::quote::path(.path), crate::quote::path(.target))]
    SymlinkCycle { path: String, target: String },
    #[error("{}: no text left once blank lines and boilerplate are removed", crate::quote::path(.path))]
    Empty { path: String },
    #[error("{}: the text looks {name} ({code}), not French; trame reads French articles only", crate::quote::path(.path))]
    NotFrench { path: String, code: String, name: String },
}

/// Where one input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSource {
    /// A file, named as given on the command line or found under a folder given there.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl InputSource {
    /// The name recorded as the document's source: the path, or `-`.
    pub fn name(&self) -> String {
        match self {
            InputSource::File(path) => path.display().to_string(),
            InputSource::Stdin => "-".to_string(),
        }
    }
}

/// Turns command-line arguments into the inputs to read: `-` is standard
/// input, a file is itself (whatever its extension), a folder is every
/// `.txt`, `.md`, `.html` and `.htm` file under it, recursively, sorted by
/// path (hidden entries skipped). Symbolic links are followed, but a
/// folder is read once: a link back to a folder already being read (a
/// cycle such as `loop/up -> ..`) is reported as
/// [`InputError::SymlinkCycle`] and not followed, and a file reached under
/// two names is read once. Paths that do not exist, folders without text
/// files and cycles come back as errors, in argument order; the others are
/// still listed.
pub fn expand_inputs(args: &[String]) -> (Vec<InputSource>, Vec<InputError>) {
    let mut inputs = Listed::default();
    let mut errors = Vec::new();
    for arg in args {
        if arg == "-" {
            inputs.push(InputSource::Stdin);
            continue;
        }
        let path = PathBuf::from(arg);
        if path.is_dir() {
            let mut walk = Walk::default();
            if let Err(source) = walk.folder(&path) {
                errors.push(InputError::Io {
                    path: arg.clone(),
                    source,
                });
                continue;
            }
            if walk.files.is_empty() {
                errors.push(InputError::EmptyFolder { path: arg.clone() });
            }
            errors.append(&mut walk.cycles);
            walk.files.sort();
            for file in walk.files {
                inputs.push(InputSource::File(file));
            }
        } else if path.exists() {
            inputs.push(InputSource::File(path));
        } else {
            errors.push(InputError::NotFound { path: arg.clone() });
        }
    }
    (inputs.inputs, errors)
}

/// Reads one input whole and checks that it is UTF-8.
pub fn read_input(input: &InputSource) -> Result<String, InputError> {
    let name = input.name();
    let bytes = match input {
        InputSource::File(path) => fs::read(path).map_err(|source| io_error(&name, source))?,
        InputSource::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|source| io_error(&name, source))?;
            bytes
        }
    };
    decode_utf8(&name, bytes)
}

/// Decodes bytes as UTF-8; the error names the first invalid byte and its line.
pub fn decode_utf8(name: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let line = 1 + error.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count();
        InputError::InvalidUtf8 {
            path: name.to_string(),
            offset,
            line,
        }
    })
}

/// Reads and prepares one input.
pub fn load(input: &InputSource) -> Result<PreparedText, InputError> {
    let original = read_input(input)?;
    prepare(&input.name(), original)
}

/// Makes a text ready for the model: drops boilerplate lines, finds the
/// title, splits paragraphs (one per non-empty line), normalises
/// typography, and checks the language. Fails when nothing is left or the
/// text is not French.
pub fn prepare(source: &str, original: String) -> Result<PreparedText, InputError> {
    let view = markup::reading_view(&original, markup::is_html(source, &original));
    let lines = split_lines(&view);
    let mut kept = drop_boilerplate(&lines);
    let authors = take_bylines(&lines, &mut kept);
    let title = find_title(&lines, &kept).map(|line| title_text(line.content()));
    let paragraphs: Vec<Paragraph> = kept
        .iter()
        .flat_map(|&i| split_long(lines[i].content(), lines[i].start + lines[i].lead))
        .map(|(text, start)| normalise(text, start))
        .filter(|p| p.text.chars().any(char::is_alphanumeric))
        .collect();
    if paragraphs.is_empty() {
        return Err(InputError::Empty {
            path: source.to_string(),
        });
    }
    let detected = language::detect(paragraphs.iter().map(|p| p.text.as_str()));
    if detected.code != language::FRENCH && detected.confident {
        return Err(InputError::NotFrench {
            path: source.to_string(),
            code: detected.code.to_string(),
            name: language::name(detected.code).to_string(),
        });
    }
    // A French article may quote a whole paragraph in another language:
    // that paragraph is not read as French either.
    let paragraphs: Vec<Paragraph> = paragraphs.into_iter().filter(is_french_or_unsure).collect();
    if paragraphs.is_empty() {
        return Err(InputError::Empty {
            path: source.to_string(),
        });
    }
    Ok(PreparedText {
        source: source.to_string(),
        original,
        title,
        authors,
        language: language::FRENCH.to_string(),
        paragraphs,
    })
}

fn is_french_or_unsure(paragraph: &Paragraph) -> bool {
    let detected = language::detect([paragraph.text.as_str()]);
    let keep = detected.code == language::FRENCH || !detected.confident;
    if !keep {
        tracing::debug!(
            offset = paragraph.offsets[0],
            language = detected.code,
            "paragraph in another language left out"
        );
    }
    keep
}

/// Where a boilerplate pattern may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Any line.
    Anywhere,
    /// Only among the last lines of the text (tag lists, footers).
    Trailing,
}

/// One kind of boilerplate line: a case-insensitive pattern matched against
/// the whole trimmed line, where it may stand, and the longest line it may
/// remove (a long line is text even when it starts like boilerplate).
#[derive(Debug, Clone, Copy)]
pub struct BoilerplateRule {
    pub name: &'static str,
    pub pattern: &'static str,
    pub place: Place,
    pub max_chars: usize,
}

/// The boilerplate table. Conservative on purpose: a rule removes a line
/// only when the whole line is what the rule names.
pub const BOILERPLATE: &[BoilerplateRule] = &[
    BoilerplateRule {
        name: "url-only line",
        pattern: r"^<?(https?://|www\.)\S+>?$",
        place: Place::Anywhere,
        max_chars: 2000,
    },
    BoilerplateRule {
        name: "tag list",
        pattern: r"^[(\[]?\s*(?:tags?\s*(?:to\s*translate)?|mots[- ]cl[ée]s|[ée]tiquettes|th[èe]mes)\s*[)\]:].*$",
        place: Place::Trailing,
        max_chars: 300,
    },
    BoilerplateRule {
        // A share button's text, alone or naming where to share: "Partager
        // sur Facebook", "Partager cet article"; not a sentence that starts
        // with the verb ("Partager le pouvoir…").
        name: "share line",
        pattern: r"^(partager|partagez|share|tweet(er)?|imprimer|envoyer)(\s+(sur|on|par|via|à un ami|cet|cette|this|l'article|l’article)\b.*)?\W*$",
        place: Place::Anywhere,
        max_chars: 120,
    },
    BoilerplateRule {
        name: "subscribe line",
        pattern: r"^(abonnez-vous|s'abonner|s’abonner|inscrivez-vous|recevez notre newsletter|newsletter|suivez-nous)\b.*$",
        place: Place::Anywhere,
        max_chars: 120,
    },
    BoilerplateRule {
        name: "cookie notice",
        pattern: r"^.*(\bcookies?\b.*\b(accept|utilis|consent|politique|param[èe]tr|use|policy)|\b(accept|utilis|consent|politique|param[èe]tr|use|policy).*\bcookies?\b).*$",
        place: Place::Anywhere,
        max_chars: 250,
    },
    BoilerplateRule {
        name: "read-also link",
        pattern: r"^(à |a )?(lire|voir|relire) (aussi|également|egalement)\b.*$|^sur le même sujet\b.*$|^articles? (liés?|associés?)\b.*$",
        place: Place::Anywhere,
        max_chars: 250,
    },
    BoilerplateRule {
        name: "copyright line",
        pattern: r"^(©|\(c\)|copyright\b|tous droits réservés).*$",
        place: Place::Anywhere,
        max_chars: 200,
    },
    BoilerplateRule {
        name: "photo credit",
        pattern: r"^(photo|photos|crédit photo|crédits? ?photos?|illustration)\s*:.*$",
        place: Place::Anywhere,
        max_chars: 120,
    },
    BoilerplateRule {
        name: "table row",
        pattern: r"^\|.*\|$|^[^\t]*\t[^\t]*\t.*$",
        place: Place::Anywhere,
        max_chars: usize::MAX,
    },
];

/// How many lines at the end of a text count as its footer for [`Place::Trailing`] rules.
const TRAILING_LINES: usize = 3;

/// Paragraphs longer than this (characters) are cut at a sentence end or a
/// space, so that one runaway line (a minified page, a list without line
/// breaks) cannot hold the whole build.
pub const MAX_PARAGRAPH_CHARS: usize = 5000;

static COMPILED: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    BOILERPLATE
        .iter()
        .map(|rule| {
            // The table is static and tested: a bad pattern is a bug in this file.
            // ASCII word boundaries: the patterns' keywords are ASCII at
            // their edges, and Unicode `\b` would keep the regex engine off
            // its fast path on French text.
            let pattern = rule.pattern.replace(r"\b", r"(?-u:\b)");
            Regex::new(&format!("(?i){pattern}")).expect("boilerplate pattern compiles")
        })
        .collect()
});

/// The boilerplate rule that removes `line` (already trimmed), if any.
/// `trailing` says whether the line is among the text's last lines.
pub fn boilerplate_rule(line: &str, trailing: bool) -> Option<&'static str> {
    if !line.chars().any(char::is_alphabetic) {
        return Some("line without letters");
    }
    let chars = line.chars().count();
    BOILERPLATE
        .iter()
        .zip(COMPILED.iter())
        .find(|(rule, regex)| {
            chars <= rule.max_chars && (rule.place == Place::Anywhere || trailing) && regex.is_match(line)
        })
        .map(|(rule, _)| rule.name)
}

/// One line of the original text.
#[derive(Debug, Clone)]
struct Line<'a> {
    /// The line without its end-of-line characters.
    text: &'a str,
    /// Character offset of the line's first character in the original.
    start: usize,
    /// Characters of leading whitespace and markup (heading `#`, list bullet).
    lead: usize,
    /// Characters of trailing whitespace.
    trail: usize,
}

impl<'a> Line<'a> {
    /// The line without leading markup and surrounding whitespace.
    fn content(&self) -> &'a str {
        let begin = self
            .text
            .char_indices()
            .nth(self.lead)
            .map_or(self.text.len(), |(i, _)| i);
        let total = self.text.chars().count();
        let end = self
            .text
            .char_indices()
            .nth(total.saturating_sub(self.trail))
            .map_or(self.text.len(), |(i, _)| i);
        &self.text[begin..end.max(begin)]
    }

    fn is_blank(&self) -> bool {
        self.content().is_empty()
    }
}

/// Markup at the start of a line that is not part of the sentence: a
/// Markdown heading, a list bullet or number.
static LEAD_MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\x{E000}]*(#{1,6}\s+|[-*•+–]\s+|\d{1,3}[.)]\s+)?[\s\x{E000}]*")
        .expect("lead markup pattern compiles")
});

/// The lines of the reading view (as long as the original, so offsets
/// counted here are the original's).
fn split_lines(view: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in view.split('\n') {
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        let lead_bytes = LEAD_MARKUP.find(text).map_or(0, |m| m.end());
        let lead = text[..lead_bytes].chars().count();
        let rest = &text[lead_bytes..];
        let trail = rest
            .chars()
            .rev()
            .take_while(|&c| c.is_whitespace() || c == GONE)
            .count();
        lines.push(Line {
            text,
            start,
            lead,
            trail,
        });
        start += raw.chars().count() + 1;
    }
    lines
}

/// Indices of the lines that hold text worth annotating.
fn drop_boilerplate(lines: &[Line]) -> Vec<usize> {
    let non_blank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    let footer_from = non_blank.len().saturating_sub(TRAILING_LINES);
    non_blank
        .iter()
        .enumerate()
        .filter(|&(rank, &i)| {
            let rule = boilerplate_rule(&markup::visible(lines[i].content()), rank >= footer_from);
            if let Some(rule) = rule {
                tracing::debug!(line = i + 1, rule, "boilerplate line removed");
            }
            rule.is_none()
        })
        .map(|(_, &i)| i)
        .collect()
}

/// How many kept lines at the head, and at the end, of a text may be a byline.
const BYLINE_HEAD_LINES: usize = 5;
const BYLINE_TAIL_LINES: usize = 2;

/// Takes byline lines ([`byline::authors`]) among the first and last kept
/// lines out of `kept`; returns their names in order, each once.
fn take_bylines(lines: &[Line], kept: &mut Vec<usize>) -> Vec<String> {
    let mut authors: Vec<String> = Vec::new();
    let tail_from = kept.len().saturating_sub(BYLINE_TAIL_LINES);
    let mut rank = 0;
    kept.retain(|&i| {
        let near_an_end = rank < BYLINE_HEAD_LINES || rank >= tail_from;
        rank += 1;
        if !near_an_end {
            return true;
        }
        let Some(names) = byline::authors(markup::visible(lines[i].content()).trim()) else {
            return true;
        };
        tracing::debug!(line = i + 1, "byline kept as the document's authors");
        for name in names {
            if !authors.contains(&name) {
                authors.push(name);
            }
        }
        false
    });
    authors
}

/// Longest title, in characters and in words.
const TITLE_MAX_CHARS: usize = 150;
const TITLE_MAX_WORDS: usize = 25;

/// The first kept line, when it reads as a title: short, and either without
/// final punctuation or set apart by a blank line as a single sentence.
fn find_title<'a, 'b>(lines: &'b [Line<'a>], kept: &[usize]) -> Option<&'b Line<'a>> {
    let &first = kept.first()?;
    if kept.len() < 2 {
        return None;
    }
    let line = &lines[first];
    let text = markup::visible(line.content());
    let short = text.chars().count() <= TITLE_MAX_CHARS && text.split_whitespace().count() <= TITLE_MAX_WORDS;
    let unpunctuated = !text.ends_with(['.', ';', ',', ':', '…']);
    let set_apart = lines.get(first + 1).is_some_and(Line::is_blank);
    let one_sentence = !text.trim_end_matches('.').contains(". ");
    (short && (unpunctuated || (set_apart && one_sentence))).then_some(line)
}

/// Cuts an over-long paragraph into pieces of at most
/// [`MAX_PARAGRAPH_CHARS`], preferring sentence ends, then spaces. Returns
/// each piece with the original offset of its first character.
fn split_long(text: &str, start: usize) -> Vec<(&str, usize)> {
    let mut pieces = Vec::new();
    let mut rest = text;
    let mut offset = start;
    while rest.chars().count() > MAX_PARAGRAPH_CHARS {
        let limit = rest
            .char_indices()
            .nth(MAX_PARAGRAPH_CHARS)
            .map_or(rest.len(), |(i, _)| i);
        let window = &rest[..limit];
        let cut = window
            .rfind(". ")
            .map(|i| i + 2)
            .or_else(|| {
                window
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map(|(i, c)| i + c.len_utf8())
            })
            .filter(|&i| i > 0)
            .unwrap_or(limit);
        let (head, tail) = rest.split_at(cut);
        let head_trimmed = head.trim_end();
        if !head_trimmed.is_empty() {
            pieces.push((head_trimmed, offset));
        }
        offset += head.chars().count();
        let lead = tail.chars().take_while(|c| c.is_whitespace()).count();
        offset += lead;
        rest = tail.trim_start();
    }
    if !rest.is_empty() {
        pieces.push((rest, offset));
    }
    pieces
}

/// What the model sees for one original character: the same character, a
/// plain variant, or nothing. Every replacement is one character for one
/// (or zero), so offsets stay simple; French guillemets « » and dashes are
/// kept: the models know them.
fn replacement(c: char) -> Option<char> {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '\u{201B}' | '\u{FF07}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => Some('"'),
        '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2008}' | '\u{2009}' | '\u{200A}' | '\u{2002}' | '\u{2003}'
        | '\u{2004}' | '\u{2005}' | '\u{2006}' | '\t' | '\u{3000}' => Some(' '),
        '\u{2010}' | '\u{2011}' => Some('-'),
        // Vowels with a macron, from romanised Japanese and other names
        // ("Hanyū", "Shinzō"): the French models, which rarely saw them,
        // end a sentence inside such a name; the plain vowel keeps it whole.
        'ā' => Some('a'),
        'ē' => Some('e'),
        'ī' => Some('i'),
        'ō' => Some('o'),
        'ū' => Some('u'),
        'Ā' => Some('A'),
        'Ē' => Some('E'),
        'Ī' => Some('I'),
        'Ō' => Some('O'),
        'Ū' => Some('U'),
        // The same written as a letter and a combining macron.
        '\u{0304}' => None,
        // Invisible characters that would split or glue words for no reason,
        // and what the reading view leaves out (entity tails, markup).
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | GONE => None,
        c if c.is_control() => Some(' '),
        c => Some(c),
    }
}

/// Normalises one paragraph of the reading view, recording for each
/// output character the original offset it came from. A thin or
/// no-break space that groups digits by thousands (`12\u{202F}500`) is
/// dropped, so that the model reads one number (`12500`), not two.
fn normalise(text: &str, start: usize) -> Paragraph {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(chars.len() + 1);
    let mut position = start;
    for i in 0..chars.len() {
        let plain = if groups_digits(&chars, i) {
            None
        } else {
            replacement(chars[i])
        };
        if let Some(plain) = plain {
            out.push(plain);
            offsets.push(position);
        }
        position += 1;
    }
    offsets.push(position);
    Paragraph { text: out, offsets }
}

/// The spaces French typography puts between groups of three digits.
const DIGIT_GROUP_SPACES: [char; 4] = ['\u{00A0}', '\u{202F}', '\u{2009}', '\u{2007}'];

/// Whether `chars[i]` is a thousands separator: one of
/// [`DIGIT_GROUP_SPACES`] after a digit and before exactly three digits
/// (characters the reading view left out are skipped).
fn groups_digits(chars: &[char], i: usize) -> bool {
    if !DIGIT_GROUP_SPACES.contains(&chars[i]) {
        return false;
    }
    let before = chars[..i].iter().rev().find(|&&c| c != GONE);
    let mut after = chars[i + 1..].iter().filter(|&&c| c != GONE);
    let digits = after.by_ref().take(3).filter(|c| c.is_ascii_digit()).count();
    before.is_some_and(char::is_ascii_digit) && digits == 3 && !after.next().is_some_and(char::is_ascii_digit)
}

/// A title as shown: the line's text without what the reading view left
/// out and without invisible characters (a byte-order mark, soft hyphens).
fn title_text(content: &str) -> String {
    content.chars().filter(|&c| replacement(c).is_some()).collect()
}

/// The inputs listed so far, each file once whatever name it was reached by.
#[derive(Default)]
struct Listed {
    inputs: Vec<InputSource>,
    /// Canonical paths of the files listed (their names when unresolvable).
    files: HashSet<PathBuf>,
}

impl Listed {
    /// Adds `input` unless it is already listed, under this name or, for a
    /// file, under another name of the same file (a symbolic link).
    fn push(&mut self, input: InputSource) {
        let new = match &input {
            InputSource::File(path) => self
                .files
                .insert(fs::canonicalize(path).unwrap_or_else(|_| path.clone())),
            InputSource::Stdin => !self.inputs.contains(&input),
        };
        if new {
            self.inputs.push(input);
        }
    }
}

fn io_error(name: &str, source: std::io::Error) -> InputError {
    if source.kind() == std::io::ErrorKind::NotFound {
        InputError::NotFound { path: name.to_string() }
    } else {
        InputError::Io {
            path: name.to_string(),
            source,
        }
    }
}

/// A walk through one folder given on the command line.
#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    /// Canonical paths of the folders on the way down to the current one.
    open: Vec<PathBuf>,
    cycles: Vec<InputError>,
}

impl Walk {
    /// Appends every text file under `dir` (hidden entries skipped),
    /// following symbolic links except those that lead back to a folder
    /// of the current path, which are recorded as cycles.
    fn folder(&mut self, dir: &Path) -> std::io::Result<()> {
        let canonical = fs::canonicalize(dir)?;
        if self.open.contains(&canonical) {
            self.cycles.push(InputError::SymlinkCycle {
                path: dir.display().to_string(),
                target: canonical.display().to_string(),
            });
            return Ok(());
        }
        self.open.push(canonical);
        let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<std::io::Result<_>>()?;
        entries.sort();
        for path in entries {
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                self.folder(&path)?;
            } else if has_text_extension(&path) {
                self.files.push(path);
            }
        }
        self.open.pop();
        Ok(())
    }
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["txt", "md", "html", "htm"].iter().any(|x| e.eq_ignore_ascii_case(x)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 226 Wikinews articles (title line, then paragraphs); see its README.md.
    const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/wikinews-fr-2018");

    fn chars(text: &str, range: std::ops::Range<usize>) -> String {
        text.chars().skip(range.start).take(range.end - range.start).collect()
    }

    /// Every character of every paragraph maps back to the same (or the
    /// normalised-from) character of the original.
    /// (Through the reading view: a decoded entity maps to its `&`.)
    fn assert_offsets_map_back(prepared: &PreparedText) {
        let html = markup::is_html(&prepared.source, &prepared.original);
        let view: Vec<char> = markup::reading_view(&prepared.original, html).chars().collect();
        for p in &prepared.paragraphs {
            assert_eq!(p.offsets.len(), p.text.chars().count() + 1);
            for (c, &o) in p.text.chars().zip(&p.offsets) {
                assert_eq!(Some(c), replacement(view[o]), "offset {o}");
            }
            assert!(p.offsets.windows(2).all(|w| w[0] < w[1]));
        }
    }

    const FRENCH: &str = "Le gouvernement a annoncé mardi une réforme des retraites. Les syndicats ont appelé à la grève dans toute la France.";

    #[test]
    fn typographic_quotes_are_normalised_and_offsets_point_into_the_original() {
        let original = format!("  L’Ukraine a dit « oui » et “non” à l’accord.\n\n{FRENCH}\n");
        let prepared = prepare("t.txt", original).unwrap();
        let first = &prepared.paragraphs[0];
        assert_eq!(first.text, "L'Ukraine a dit « oui » et \"non\" à l'accord.");
        assert_eq!(first.offsets[0], 2, "leading spaces are skipped, offsets count them");
        assert_offsets_map_back(&prepared);
        let end = *first.offsets.last().unwrap();
        assert_eq!(
            chars(&prepared.original, 2..end),
            "L’Ukraine a dit « oui » et “non” à l’accord."
        );
    }

    #[test]
    fn vowels_with_a_macron_are_plain_for_the_model_and_offsets_point_into_the_original() {
        let original = format!("Le patineur Rikū Satō, représentant le Japon, a gagné à Ōsaka.\n{FRENCH}");
        let prepared = prepare("t.txt", original).unwrap();
        let first = &prepared.paragraphs[0];
        assert_eq!(
            first.text,
            "Le patineur Riku Sato, représentant le Japon, a gagné à Osaka."
        );
        assert_offsets_map_back(&prepared);
        let start = first.text.find("Sato").unwrap();
        let from = first.offsets[first.text[..start].chars().count()];
        assert_eq!(chars(&prepared.original, from..from + 4), "Satō");
        // A combining macron is dropped; its letter stays.
        let prepared = prepare("t.txt", format!("Le joueur Kenu\u{0304} a gagné.\n{FRENCH}")).unwrap();
        assert_eq!(prepared.paragraphs[0].text, "Le joueur Kenu a gagné.");
        assert_offsets_map_back(&prepared);
    }

    #[test]
    fn invisible_characters_are_dropped_and_offsets_skip_them() {
        let original = format!("\u{FEFF}Les États\u{00AD}-Unis ont parlé à l’Ukraine.\n{FRENCH}");
        let prepared = prepare("t.txt", original).unwrap();
        let first = &prepared.paragraphs[0];
        assert_eq!(first.text, "Les États-Unis ont parlé à l'Ukraine.");
        assert_eq!(first.offsets[0], 1);
        assert_offsets_map_back(&prepared);
    }

    #[test]
    fn each_line_is_a_paragraph_and_crlf_is_handled() {
        let original = format!("{FRENCH}\r\n\r\nLe ministre a démissionné hier soir.\r\n");
        let prepared = prepare("t.txt", original).unwrap();
        let texts: Vec<&str> = prepared.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, vec![FRENCH, "Le ministre a démissionné hier soir."]);
        assert_offsets_map_back(&prepared);
    }

    #[test]
    fn a_short_unpunctuated_first_line_is_the_title_and_a_paragraph() {
        let original = format!("Grève générale en France\n\n{FRENCH}\n");
        let prepared = prepare("t.txt", original).unwrap();
        assert_eq!(prepared.title.as_deref(), Some("Grève générale en France"));
        assert_eq!(prepared.paragraphs[0].text, "Grève générale en France");
        assert_eq!(prepared.paragraphs.len(), 2);
    }

    #[test]
    fn a_first_sentence_is_not_a_title() {
        let prepared = prepare("t.txt", format!("{FRENCH}\n{FRENCH}")).unwrap();
        assert_eq!(prepared.title, None);
        let heading = prepare("t.txt", format!("# Grève générale\n{FRENCH}")).unwrap();
        assert_eq!(heading.title.as_deref(), Some("Grève générale"));
        assert_eq!(heading.paragraphs[0].text, "Grève générale");
        assert_eq!(heading.paragraphs[0].offsets[0], 2);
    }

    #[test]
    fn boilerplate_lines_are_removed_by_general_rules() {
        let original = format!(
            "{FRENCH}\nLire aussi : La grève continue\nhttps://example.org/article/123\n* * *\nPartager sur Facebook\n\
             Ce site utilise des cookies, en poursuivant vous acceptez leur utilisation.\n{FRENCH}\n(Tagstotranslate) Politique"
        );
        let prepared = prepare("t.txt", original).unwrap();
        let texts: Vec<&str> = prepared.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, vec![FRENCH, FRENCH]);
    }

    #[test]
    fn text_that_starts_like_boilerplate_is_kept() {
        // "Tags" in the middle of an article is text; only the footer is a tag list.
        assert_eq!(boilerplate_rule("Tags : économie, social", true), Some("tag list"));
        assert_eq!(boilerplate_rule("Tags : économie, social", false), None);
        assert_eq!(boilerplate_rule("Partager le pouvoir n'a jamais été simple pour le président, qui a longtemps refusé toute coalition avec la droite au Parlement.", false), None);
        assert_eq!(boilerplate_rule("Le site www.example.org a été piraté.", false), None);
        assert_eq!(boilerplate_rule("Article sur Wikipédia .", false), None);
        assert_eq!(boilerplate_rule("Partager le pouvoir est difficile.", false), None);
        assert_eq!(boilerplate_rule("Partager sur Twitter", false), Some("share line"));
        assert_eq!(boilerplate_rule("Partager :", false), Some("share line"));
        assert_eq!(
            boilerplate_rule("Abonnez-vous à notre newsletter", false),
            Some("subscribe line")
        );
    }

    #[test]
    fn list_bullets_are_stripped_and_table_rows_dropped() {
        let original = format!(
            "{FRENCH}\n- Le maire a démissionné.\n| Ville | Votes |\n|---|---|\n1. La police a arrêté deux hommes."
        );
        let prepared = prepare("t.txt", original).unwrap();
        let texts: Vec<&str> = prepared.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![FRENCH, "Le maire a démissionné.", "La police a arrêté deux hommes."]
        );
        assert_offsets_map_back(&prepared);
    }

    #[test]
    fn empty_and_boilerplate_only_texts_are_errors() {
        assert!(matches!(prepare("e.txt", String::new()), Err(InputError::Empty { .. })));
        assert!(matches!(
            prepare("e.txt", "\n  \n---\nhttps://x.org\n".into()),
            Err(InputError::Empty { .. })
        ));
    }

    #[test]
    fn english_text_is_refused_as_not_french() {
        let english = "The government announced a pension reform on Tuesday. The unions called for a strike across the country, and the minister said that the plan would not change.";
        let error = prepare("en.txt", english.into()).unwrap_err();
        assert!(
            matches!(&error, InputError::NotFrench { code, .. } if code == "en"),
            "{error}"
        );
        assert!(error.to_string().contains("en.txt"));
    }

    #[test]
    fn a_paragraph_in_another_language_is_left_out_of_a_french_text() {
        let english = "The minister said that the plan was ready and that the unions had been told about it.";
        let prepared = prepare("t.txt", format!("{FRENCH}\n{english}\n{FRENCH}\nMerci")).unwrap();
        let texts: Vec<&str> = prepared.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, vec![FRENCH, FRENCH, "Merci"]);
    }

    #[test]
    fn long_paragraphs_are_cut_at_sentence_ends_with_offsets_kept() {
        let sentence = "Le conseil municipal a voté le budget de la ville pour l'année prochaine. ";
        let long = sentence.repeat(200);
        let prepared = prepare("l.txt", long.clone()).unwrap();
        assert!(prepared.paragraphs.len() > 1);
        for p in &prepared.paragraphs {
            assert!(p.text.chars().count() <= MAX_PARAGRAPH_CHARS);
            assert!(p.text.starts_with("Le conseil"));
            assert!(p.text.ends_with("prochaine."));
        }
        assert_offsets_map_back(&prepared);
    }

    #[test]
    fn invalid_utf8_names_file_byte_and_line() {
        let bytes = b"Bonjour\nle monde \xff\xfe ici".to_vec();
        let error = decode_utf8("bad.txt", bytes).unwrap_err();
        assert!(matches!(
            error,
            InputError::InvalidUtf8 {
                offset: 17,
                line: 2,
                ..
            }
        ));
        let message = error.to_string();
        assert!(message.contains("bad.txt") && message.contains("byte 17"), "{message}");
    }

    #[test]
    fn folders_expand_to_sorted_text_files_recursively() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/c")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        for name in ["z.txt", "a.md", "b/c/d.TXT", "b/skip.ann", ".git/x.txt"] {
            fs::write(root.join(name), "x").unwrap();
        }
        let arg = root.display().to_string();
        let missing = root.join("missing.txt").display().to_string();
        let (inputs, errors) = expand_inputs(&[arg.clone(), "-".into(), missing, arg]);
        let expected = vec![
            InputSource::File(root.join("a.md")),
            InputSource::File(root.join("b/c/d.TXT")),
            InputSource::File(root.join("z.txt")),
            InputSource::Stdin,
        ];
        assert_eq!(inputs, expected);
        assert_eq!(errors.len(), 1);
        assert!(matches!(&errors[0], InputError::NotFound { .. }));
    }

    #[test]
    fn every_wikinews_file_prepares_as_french_with_its_title() {
        let (inputs, errors) = expand_inputs(&[CORPUS.to_string()]);
        assert!(errors.is_empty());
        let articles: Vec<&InputSource> = inputs
            .iter()
            .filter(|i| matches!(i, InputSource::File(p) if p.extension().is_some_and(|e| e == "txt")))
            .collect();
        assert_eq!(articles.len(), 226);
        for input in articles {
            let prepared = load(input).unwrap_or_else(|e| panic!("{e}"));
            let lines: Vec<&str> = prepared
                .original
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let footer = lines.len().saturating_sub(TRAILING_LINES);
            let text_lines = (0..lines.len())
                .filter(|&i| boilerplate_rule(lines[i], i >= footer).is_none())
                .count();
            assert_eq!(
                prepared.paragraphs.len(),
                text_lines,
                "no French paragraph is lost: {}",
                prepared.source
            );
            let first_line = prepared.original.lines().next().unwrap().trim();
            assert_eq!(prepared.title.as_deref(), Some(first_line), "{}", prepared.source);
            assert_offsets_map_back(&prepared);
        }
    }

    #[test]
    fn the_seed_has_no_title_and_loses_only_its_tag_line() {
        let seed = InputSource::File(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds/000_9c81224ff3cb7629.txt"));
        let prepared = load(&seed).unwrap();
        assert_eq!(prepared.title, None);
        let lines = prepared.original.lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(prepared.paragraphs.len(), lines - 1);
        assert!(prepared.paragraphs.iter().all(|p| !p.text.contains('’')));
        assert_offsets_map_back(&prepared);
    }

    fn texts(prepared: &PreparedText) -> Vec<&str> {
        prepared.paragraphs.iter().map(|p| p.text.as_str()).collect()
    }

    /// The original characters a paragraph's text was read from.
    fn source_of(prepared: &PreparedText, p: &Paragraph) -> String {
        chars(&prepared.original, p.offsets[0]..*p.offsets.last().unwrap())
    }

    #[test]
    fn html_entities_in_text_are_decoded_with_offsets_into_the_original() {
        let original = format!(
            "L&#39;&Eacute;conomie de Procter &amp; Gamble a dit &laquo;&nbsp;non&nbsp;&raquo; au ministre.\n{FRENCH}"
        );
        let prepared = prepare("scraped.txt", original).unwrap();
        assert_eq!(
            prepared.paragraphs[0].text,
            "L'Économie de Procter & Gamble a dit « non » au ministre."
        );
        assert!(source_of(&prepared, &prepared.paragraphs[0]).starts_with("L&#39;&Eacute;conomie"));
        assert_offsets_map_back(&prepared);
    }

    #[test]
    fn an_html_file_loses_its_markup_and_keeps_offsets() {
        let original = format!(
            "<!DOCTYPE html>\n<html><head><title>Grève à Paris</title><script>var x = 1;</script></head>\n\
             <body><h1>Grève à Paris</h1>\n<p>Le <b>maire</b> de Paris a rencontré\n  les syndicats.</p>\
             <p>{FRENCH}</p></body></html>"
        );
        let prepared = prepare("page.html", original).unwrap();
        assert_eq!(prepared.title.as_deref(), Some("Grève à Paris"));
        assert_eq!(
            texts(&prepared),
            [
                "Grève à Paris",
                "Grève à Paris",
                "Le maire de Paris a rencontré les syndicats.",
                FRENCH
            ]
        );
        assert!(source_of(&prepared, &prepared.paragraphs[2]).starts_with("Le <b>maire</b>"));
        assert_offsets_map_back(&prepared);
    }

    #[test]
    fn a_byte_order_mark_and_markdown_heading_stay_out_of_the_title() {
        let prepared = prepare("t.md", format!("\u{FEFF}# Grève générale\n\n{FRENCH}\n")).unwrap();
        assert_eq!(prepared.title.as_deref(), Some("Grève générale"));
        assert_eq!(prepared.paragraphs[0].text, "Grève générale");
        assert_eq!(prepared.paragraphs[0].offsets[0], 3);
        let plain = prepare("t.txt", format!("\u{FEFF}Grève générale\n\n{FRENCH}\n")).unwrap();
        assert_eq!(plain.title.as_deref(), Some("Grève générale"));
        assert_offsets_map_back(&prepared);
    }

    #[test]
    fn crlf_and_lone_cr_read_as_lf() {
        let lf = format!("Grève générale\n\n{FRENCH}\nLe ministre a démissionné hier soir.\n");
        let read = |text: String| {
            let prepared = prepare("t.txt", text).unwrap();
            assert_offsets_map_back(&prepared);
            (
                prepared.title.clone(),
                texts(&prepared).iter().map(|t| t.to_string()).collect::<Vec<_>>(),
            )
        };
        assert_eq!(read(lf.replace('\n', "\r\n")), read(lf.clone()));
        assert_eq!(read(lf.replace('\n', "\r")), read(lf));
    }

    #[test]
    fn thousands_separators_join_the_number_and_typographic_spaces_are_plain() {
        for space in ['\u{202F}', '\u{00A0}', '\u{2009}'] {
            let original = format!(
                "L'armée a envoyé 12{space}500 soldats et 1{space}200{space}000 euros{space}; il a dit{space}: «{space}oui{space}»{space}!\n{FRENCH}"
            );
            let prepared = prepare("t.txt", original).unwrap();
            assert_eq!(
                prepared.paragraphs[0].text,
                "L'armée a envoyé 12500 soldats et 1200000 euros ; il a dit : « oui » !"
            );
            assert_offsets_map_back(&prepared);
        }
        // Not a group of three digits: the space stays.
        let prepared = prepare("t.txt", format!("Le 12\u{202F}mai, 3\u{A0}1234 fois.\n{FRENCH}")).unwrap();
        assert_eq!(prepared.paragraphs[0].text, "Le 12 mai, 3 1234 fois.");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_cycles_are_followed_once_and_reported() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("news");
        fs::create_dir_all(root.join("loop")).unwrap();
        fs::write(root.join("a.txt"), "x").unwrap();
        fs::write(root.join("loop/b.html"), "x").unwrap();
        symlink("..", root.join("loop/up")).unwrap();
        symlink("../a.txt", root.join("loop/same.txt")).unwrap();
        let (inputs, errors) = expand_inputs(&[root.display().to_string()]);
        assert_eq!(
            inputs,
            vec![
                InputSource::File(root.join("a.txt")),
                InputSource::File(root.join("loop/b.html")),
            ],
            "each file once, whatever name reaches it"
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(matches!(&errors[0], InputError::SymlinkCycle { path, .. } if path.ends_with("loop/up")));
        assert!(errors[0].to_string().contains("not followed"), "{}", errors[0]);
    }
}
