//! Python `re` patterns run with Rust engines (spec §3.1).
//!
//! Owns the translation of the tokenizer's Python pattern strings into the
//! syntax of the `regex`/`fancy-regex` crates, with Python's meanings of
//! `\w \d \s` (CPython 3.11 tables), `\uXXXX` escapes and quantifiers, and
//! [`Alternation`]: a top-level alternation split into runs that the fast
//! `regex` engine can take and single alternatives that need lookaround
//! (`fancy-regex`), searched with Python's leftmost-first priority. It knows
//! nothing about tokens.

use std::fmt::Write as _;

use super::lexeme::re_classes::{RE_DIGIT, RE_SPACE, RE_WORD};

/// A compiled top-level alternation `a|b|c…` with Python `re.search` semantics.
#[derive(Debug)]
pub struct Alternation {
    groups: Vec<Engine>,
}

#[derive(Debug)]
enum Engine {
    Plain(regex::Regex),
    Fancy(Box<fancy_regex::Regex>),
}

/// A pattern the translator or an engine cannot take.
#[derive(Debug, thiserror::Error)]
#[error("regex pattern at char {position}: {reason}")]
pub struct PatternError {
    pub position: usize,
    pub reason: String,
}

impl Alternation {
    /// Compiles a Python pattern. Leading global flags such as `(?iu)` apply
    /// to every alternative; consecutive alternatives without lookaround are
    /// compiled together into one `regex` (same leftmost-first priority).
    pub fn new(pattern: &str) -> Result<Alternation, PatternError> {
        let (flags, body) = split_global_flags(pattern);
        let alternatives = split_top_level(body)?;
        let mut groups = Vec::new();
        let mut plain_run: Vec<String> = Vec::new();
        for alt in alternatives {
            let translated = translate(alt.text, alt.offset + (pattern.len() - body.len()))?;
            if needs_fancy(alt.text) {
                flush_plain(&mut plain_run, &flags, &mut groups)?;
                let source = format!("{flags}(?:{translated})");
                let re = fancy_regex::RegexBuilder::new(&source)
                    .backtrack_limit(10_000_000)
                    .build()
                    .map_err(|e| PatternError {
                        position: alt.offset,
                        reason: e.to_string(),
                    })?;
                groups.push(Engine::Fancy(Box::new(re)));
            } else {
                plain_run.push(translated);
            }
        }
        flush_plain(&mut plain_run, &flags, &mut groups)?;
        Ok(Alternation { groups })
    }

    /// Python `search` from byte `pos` of `text` (lookbehind sees the text
    /// before `pos`): leftmost start, then the earliest alternative. Returns
    /// byte offsets. With `nonempty_at_pos`, an empty match at `pos` is
    /// refused (Python's rule after an empty `finditer` match).
    pub fn search_from(&self, text: &str, pos: usize, nonempty_at_pos: bool) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for group in &self.groups {
            let found = group_search(group, text, pos, nonempty_at_pos);
            if let Some((s, e)) = found {
                if best.is_none_or(|(bs, _)| s < bs) {
                    best = Some((s, e));
                }
            }
        }
        best
    }

    /// Python `search` over the whole text.
    pub fn search(&self, text: &str) -> Option<(usize, usize)> {
        self.search_from(text, 0, false)
    }

    /// Python `finditer`: non-overlapping matches left to right; after an
    /// empty match the next one may start at the same place only if non-empty.
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut pos = 0;
        let mut last_empty = false;
        while pos <= text.len() {
            let Some((s, e)) = self.search_from(text, pos, last_empty) else {
                break;
            };
            out.push((s, e));
            last_empty = s == e;
            pos = e;
        }
        out
    }
}

/// Compiles a whole Python pattern for the `regex` crate (no lookaround
/// allowed), e.g. the 1.4 MB `token_match`.
pub fn compile_plain(pattern: &str) -> Result<regex::Regex, PatternError> {
    let (flags, body) = split_global_flags(pattern);
    let translated = translate(body, pattern.len() - body.len())?;
    regex::RegexBuilder::new(&format!("{flags}(?:{translated})"))
        .size_limit(1 << 30)
        .dfa_size_limit(1 << 26)
        .build()
        .map_err(|e| PatternError {
            position: 0,
            reason: e.to_string(),
        })
}

/// Compiles a whole Python pattern for `fancy-regex` (lookaround allowed).
pub fn compile_fancy(pattern: &str) -> Result<fancy_regex::Regex, PatternError> {
    let (flags, body) = split_global_flags(pattern);
    let translated = translate(body, pattern.len() - body.len())?;
    fancy_regex::RegexBuilder::new(&format!("{flags}(?:{translated})"))
        .backtrack_limit(10_000_000)
        .build()
        .map_err(|e| PatternError {
            position: 0,
            reason: e.to_string(),
        })
}

fn group_search(group: &Engine, text: &str, pos: usize, nonempty_at_pos: bool) -> Option<(usize, usize)> {
    let mut from = pos;
    loop {
        let (s, e) = match group {
            Engine::Plain(re) => re.find_at(text, from).map(|m| (m.start(), m.end()))?,
            // A backtrack-limit error is treated as "no match" rather than a
            // panic; the limit is far above anything real text reaches.
            Engine::Fancy(re) => re
                .find_from_pos(text, from)
                .ok()
                .flatten()
                .map(|m| (m.start(), m.end()))?,
        };
        if nonempty_at_pos && s == pos && e == pos {
            // Python would go on trying other alternatives at `pos`; our
            // alternatives that can be empty are lookaround-only, so the
            // next candidate starts one character later.
            from = next_char_boundary(text, pos)?;
            continue;
        }
        return Some((s, e));
    }
}

fn next_char_boundary(text: &str, pos: usize) -> Option<usize> {
    text[pos..].chars().next().map(|c| pos + c.len_utf8())
}

fn flush_plain(run: &mut Vec<String>, flags: &str, groups: &mut Vec<Engine>) -> Result<(), PatternError> {
    if run.is_empty() {
        return Ok(());
    }
    let source = format!("{flags}(?:{})", run.join("|"));
    run.clear();
    let re = regex::RegexBuilder::new(&source)
        .size_limit(1 << 28)
        .build()
        .map_err(|e| PatternError {
            position: 0,
            reason: e.to_string(),
        })?;
    groups.push(Engine::Plain(re));
    Ok(())
}

/// `(?iu)…` at the very start: the flags (without `u`, Unicode is the
/// default in Rust) as a Rust flag group, and the rest of the pattern.
fn split_global_flags(pattern: &str) -> (String, &str) {
    if let Some(rest) = pattern.strip_prefix("(?") {
        let letters: String = rest.chars().take_while(|c| "aiLmsux".contains(*c)).collect();
        if !letters.is_empty() && rest[letters.len()..].starts_with(')') {
            let kept: String = letters.chars().filter(|c| "ims".contains(*c)).collect();
            let flags = if kept.is_empty() {
                String::new()
            } else {
                format!("(?{kept})")
            };
            return (flags, &rest[letters.len() + 1..]);
        }
    }
    (String::new(), pattern)
}

struct Alt<'a> {
    text: &'a str,
    offset: usize,
}

/// Splits at `|` outside groups and classes.
fn split_top_level(pattern: &str) -> Result<Vec<Alt<'_>>, PatternError> {
    let mut alts = Vec::new();
    let mut depth = 0i32;
    let mut in_class = false;
    let mut class_start = 0usize;
    let mut start = 0;
    let mut chars = pattern.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            ']' if in_class && i > class_start => in_class = false,
            _ if in_class => {}
            '[' => {
                in_class = true;
                // `]` right after `[` or `[^` is a literal.
                class_start = i + 1;
                if pattern[i + 1..].starts_with('^') {
                    class_start += 1;
                    chars.next();
                }
            }
            '(' => depth += 1,
            ')' => depth -= 1,
            '|' if depth == 0 => {
                alts.push(Alt {
                    text: &pattern[start..i],
                    offset: start,
                });
                start = i + 1;
            }
            _ => {}
        }
    }
    if depth != 0 || in_class {
        return Err(PatternError {
            position: pattern.len(),
            reason: "unbalanced group or class".into(),
        });
    }
    alts.push(Alt {
        text: &pattern[start..],
        offset: start,
    });
    Ok(alts)
}

fn needs_fancy(alt: &str) -> bool {
    alt.contains("(?=") || alt.contains("(?!") || alt.contains("(?<=") || alt.contains("(?<!")
}

/// Rewrites Python syntax into `regex`/`fancy-regex` syntax. Every literal
/// that might be special to the Rust parsers is written as `\x{…}`.
pub fn translate(pattern: &str, base: usize) -> Result<String, PatternError> {
    let chars: Vec<(usize, char)> = pattern.char_indices().collect();
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let err = |reason: &str| PatternError {
            position: base + pos,
            reason: reason.to_string(),
        };
        match c {
            '\\' => {
                let (item, next) = parse_escape(&chars, i).map_err(|r| err(&r))?;
                match item {
                    ClassItem::Char(ch) => push_char(&mut out, ch),
                    ClassItem::Set(set, negated) => push_set(&mut out, set, negated),
                    ClassItem::Raw(raw) => out.push_str(raw),
                }
                i = next;
            }
            '[' => {
                i = translate_class(&chars, i, &mut out).map_err(|r| err(&r))?;
            }
            '{' => match parse_quantifier(&chars, i) {
                Some((min, max, next)) => {
                    let _ = write!(out, "{{{min},{max}}}");
                    i = next;
                }
                None => {
                    push_char(&mut out, '{');
                    i += 1;
                }
            },
            '}' => {
                push_char(&mut out, '}');
                i += 1;
            }
            '(' => {
                let rest: String = chars[i..chars.len().min(i + 4)].iter().map(|&(_, c)| c).collect();
                if rest.starts_with("(?P=") || rest.starts_with("(?(") {
                    return Err(err("backreferences and conditionals are not supported"));
                }
                out.push('(');
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

enum ClassItem {
    Char(char),
    Set(&'static [(u32, u32)], bool),
    Raw(&'static str),
}

/// Parses the escape at `chars[i] == '\\'`; returns the item and the next index.
fn parse_escape(chars: &[(usize, char)], i: usize) -> Result<(ClassItem, usize), String> {
    let Some(&(_, e)) = chars.get(i + 1) else {
        return Err("trailing backslash".into());
    };
    let hex = |n: usize| -> Result<(ClassItem, usize), String> {
        let digits: String = chars.iter().skip(i + 2).take(n).map(|&(_, c)| c).collect();
        if digits.chars().count() != n {
            return Err(format!("truncated \\{e} escape"));
        }
        let value = u32::from_str_radix(&digits, 16).map_err(|_| format!("bad \\{e} escape"))?;
        let ch = char::from_u32(value).ok_or_else(|| format!("\\{e}{digits} is not a character"))?;
        Ok((ClassItem::Char(ch), i + 2 + n))
    };
    let item = match e {
        'u' => return hex(4),
        'U' => return hex(8),
        'x' => return hex(2),
        'd' => ClassItem::Set(RE_DIGIT, false),
        'D' => ClassItem::Set(RE_DIGIT, true),
        'w' => ClassItem::Set(RE_WORD, false),
        'W' => ClassItem::Set(RE_WORD, true),
        's' => ClassItem::Set(RE_SPACE, false),
        'S' => ClassItem::Set(RE_SPACE, true),
        'A' => ClassItem::Raw(r"\A"),
        'Z' => ClassItem::Raw(r"\z"),
        'n' => ClassItem::Char('\n'),
        't' => ClassItem::Char('\t'),
        'r' => ClassItem::Char('\r'),
        'f' => ClassItem::Char('\x0c'),
        'v' => ClassItem::Char('\x0b'),
        'a' => ClassItem::Char('\x07'),
        '0' => ClassItem::Char('\0'),
        c if c.is_ascii_alphanumeric() => return Err(format!("unsupported escape \\{c}")),
        c => ClassItem::Char(c),
    };
    Ok((item, i + 2))
}

/// Translates a Python character class starting at `chars[i] == '['`.
fn translate_class(chars: &[(usize, char)], i: usize, out: &mut String) -> Result<usize, String> {
    let mut j = i + 1;
    out.push('[');
    if chars.get(j).map(|&(_, c)| c) == Some('^') {
        out.push('^');
        j += 1;
    }
    let first = j;
    loop {
        let Some(&(_, c)) = chars.get(j) else {
            return Err("unterminated character class".into());
        };
        if c == ']' && j > first {
            break;
        }
        let (item, next) = if c == '\\' {
            parse_escape(chars, j)?
        } else {
            (ClassItem::Char(c), j + 1)
        };
        // A range `a-b`: `-` neither first nor last, between two single chars.
        let is_range = matches!(item, ClassItem::Char(_))
            && chars.get(next).map(|&(_, c)| c) == Some('-')
            && chars.get(next + 1).is_some_and(|&(_, c)| c != ']');
        match item {
            ClassItem::Char(lo) if is_range => {
                let (hi_item, after) = match chars.get(next + 1) {
                    Some(&(_, '\\')) => parse_escape(chars, next + 1)?,
                    Some(&(_, c)) => (ClassItem::Char(c), next + 2),
                    None => return Err("unterminated range".into()),
                };
                let ClassItem::Char(hi) = hi_item else {
                    return Err("bad range end in class".into());
                };
                if hi < lo {
                    return Err("bad character range".into());
                }
                push_char(out, lo);
                out.push('-');
                push_char(out, hi);
                j = after;
            }
            ClassItem::Char(ch) => {
                push_char(out, ch);
                j = next;
            }
            ClassItem::Set(set, negated) => {
                push_set(out, set, negated);
                j = next;
            }
            ClassItem::Raw(_) => return Err("anchor inside a class".into()),
        }
    }
    out.push(']');
    Ok(j + 1)
}

/// `{m}`, `{m,}`, `{,n}`, `{m,n}` at `chars[i] == '{'` → (min, max-or-empty, next index).
fn parse_quantifier(chars: &[(usize, char)], i: usize) -> Option<(String, String, usize)> {
    let mut j = i + 1;
    let mut min = String::new();
    while let Some(&(_, c)) = chars.get(j).filter(|(_, c)| c.is_ascii_digit()) {
        min.push(c);
        j += 1;
    }
    match chars.get(j).map(|&(_, c)| c) {
        Some('}') if !min.is_empty() => return Some((min.clone(), min, j + 1)),
        Some(',') => {}
        _ => return None,
    }
    j += 1;
    let mut max = String::new();
    while let Some(&(_, c)) = chars.get(j).filter(|(_, c)| c.is_ascii_digit()) {
        max.push(c);
        j += 1;
    }
    if chars.get(j).map(|&(_, c)| c) != Some('}') {
        return None;
    }
    let min = if min.is_empty() { "0".to_string() } else { min };
    Some((min, max, j + 1))
}

fn push_char(out: &mut String, c: char) {
    if c.is_alphanumeric() && !c.is_ascii() || c.is_ascii_alphanumeric() {
        out.push(c);
    } else {
        let _ = write!(out, "\\x{{{:X}}}", c as u32);
    }
}

fn push_set(out: &mut String, set: &[(u32, u32)], negated: bool) {
    out.push('[');
    if negated {
        out.push('^');
    }
    for &(lo, hi) in set {
        if lo == hi {
            let _ = write!(out, "\\x{{{lo:X}}}");
        } else {
            let _ = write!(out, "\\x{{{lo:X}}}-\\x{{{hi:X}}}");
        }
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_escapes_and_classes() {
        let alt = Alternation::new(r"^\u00ABa|^[\-\u0041-\u0043]+|^x{,2}y").unwrap();
        assert_eq!(alt.search("«ab"), Some((0, 3)));
        assert_eq!(alt.search("-AB-z"), Some((0, 4)));
        assert_eq!(alt.search("xxy"), Some((0, 3)));
        assert_eq!(alt.search("zz"), None);
    }

    #[test]
    fn leftmost_then_first_alternative() {
        // Alternative order decides among matches at the same start; the
        // earliest start wins over alternative order.
        let alt = Alternation::new(r"b$|(?<=a)bc$|abc$").unwrap();
        assert_eq!(alt.search("xabc"), Some((1, 4)));
        let alt = Alternation::new(r"(?<=a)bc$|c$").unwrap();
        assert_eq!(alt.search("abc"), Some((1, 3)));
    }

    #[test]
    fn finditer_with_empty_matches() {
        let alt = Alternation::new(r"(?<=[a-z]')(?=[a-z])|-").unwrap();
        assert_eq!(alt.find_all("qu'il-a"), vec![(3, 3), (5, 6)]);
    }

    #[test]
    fn python_word_class_excludes_marks() {
        let re = compile_plain(r"^\w+$").unwrap();
        assert!(re.is_match("été_2"));
        assert!(!re.is_match("e\u{301}"));
    }
}
