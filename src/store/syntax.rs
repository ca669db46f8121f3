//! SPARQL syntax errors as people read them: the one place that turns the
//! parser's error into the line, column and message that `trame query`,
//! `trame update` and `trame serve` all report.
//!
//! The parser (spargebra, a PEG) reports the furthest position it reached
//! and what it expected there. Keywords are matched by reading as many
//! characters as the keyword has, so that position often lies past the
//! mistake (one past `}`, inside the next word) and the list holds the
//! long keywords tried from earlier positions. This module finds the
//! offending token itself: the longest prefix of the text, cut at a token
//! start, that can still begin a valid query (tested by parsing it followed
//! by a long comment, so that the parser fails at the very end exactly when
//! nothing before went wrong); the token after it is the offending one.
//! What may come there is found the same way, by trying each kind of
//! token. Unknown prefixes and malformed IRIs get messages of their own.
//! Owns no parsing rules: every judgement is the parser's.

use oxigraph::sparql::SparqlSyntaxError;

use super::{iri, StoreError};

/// Deepest nesting of brackets (`{`, `(`, `[` together) a query or update
/// may have. The parser and the evaluator recurse once per level, and a
/// few thousand levels overflow a thread's stack, which aborts the process
/// (a server included); no real query comes near this.
pub(super) const MAX_NESTING: usize = 128;

/// Refuses, before any parsing, a text the parser cannot be trusted with:
/// brackets nested deeper than [`MAX_NESTING`] (pointed at where the limit
/// is passed) and, for a query, a text with nothing but blanks and comments.
/// Strings, IRIs and comments are skipped, so brackets inside them do not
/// count.
///
/// Errors: [`StoreError::Query`] with the line and column.
pub(super) fn check_shape(text: &str, grammar: Grammar) -> Result<(), StoreError> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut depth = 0usize;
    let mut content = false;
    let mut i = 0;
    while let Some(&(at, c)) = chars.get(i) {
        match c {
            '#' => {
                while chars.get(i).is_some_and(|&(_, c)| c != '\n') {
                    i += 1;
                }
                continue;
            }
            '"' | '\'' => {
                content = true;
                i += 1;
                while let Some(&(_, d)) = chars.get(i) {
                    i += 1;
                    if d == '\\' {
                        i += 1;
                    } else if d == c || d == '\n' {
                        break;
                    }
                }
                continue;
            }
            '<' => {
                // An IRI runs to '>' with no blank; otherwise '<' is "less than".
                content = true;
                let end = chars[i + 1..]
                    .iter()
                    .position(|&(_, d)| d == '>' || d.is_whitespace() || d == '<')
                    .map(|k| i + 1 + k);
                if let Some(end) = end.filter(|&e| chars[e].1 == '>') {
                    i = end + 1;
                    continue;
                }
            }
            '{' | '(' | '[' => {
                content = true;
                depth += 1;
                if depth > MAX_NESTING {
                    let (line, column) = line_column(text, at);
                    return Err(StoreError::Query {
                        message: format!(
                            "brackets are nested more than {MAX_NESTING} deep here; trame refuses such a query \
                             (it would exhaust the parser's stack): flatten the groups\n{}",
                            excerpt(text, at)
                        ),
                        line: line as u64,
                        column: column as u64,
                    });
                }
            }
            '}' | ')' | ']' => {
                content = true;
                depth = depth.saturating_sub(1);
            }
            c if !c.is_whitespace() => content = true,
            _ => {}
        }
        i += 1;
    }
    if !content && grammar == Grammar::Query {
        return Err(StoreError::Query {
            message: "the query is empty: write a SELECT, ASK, CONSTRUCT or DESCRIBE query, \
                      e.g. SELECT * WHERE { ?s ?p ?o } LIMIT 10"
                .to_string(),
            line: 1,
            column: 1,
        });
    }
    Ok(())
}

/// Whether the text is a query or an update (they have different grammars).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Grammar {
    Query,
    Update,
}

/// Longest text (in bytes) for which the expected tokens are worked out
/// (each costs one parse per kind of token).
const EXPECTATIONS_UP_TO: usize = 64 * 1024;

/// What can come next, tried in this order: the text tried and how the message names it.
const NEXT_TOKENS: &[(&str, &str)] = &[
    ("?x", "a variable"),
    ("<urn:x>", "an IRI"),
    ("rdf:type", "a prefixed name"),
    ("\"x\"", "a string"),
    ("1", "a number"),
    ("{", "`{`"),
    ("}", "`}`"),
    ("(", "`(`"),
    (")", "`)`"),
    ("[", "`[`"),
    ("]", "`]`"),
    (".", "`.`"),
    (";", "`;`"),
    (",", "`,`"),
    ("*", "`*`"),
    ("=", "`=`"),
    ("a", "`a`"),
    ("SELECT", "SELECT"),
    ("CONSTRUCT", "CONSTRUCT"),
    ("DESCRIBE", "DESCRIBE"),
    ("ASK", "ASK"),
    ("PREFIX", "PREFIX"),
    ("BASE", "BASE"),
    ("INSERT", "INSERT"),
    ("DELETE", "DELETE"),
    ("DISTINCT", "DISTINCT"),
    ("FROM", "FROM"),
    ("WHERE", "WHERE"),
    ("OPTIONAL", "OPTIONAL"),
    ("FILTER", "FILTER"),
    ("BIND", "BIND"),
    ("VALUES", "VALUES"),
    ("GRAPH", "GRAPH"),
    ("MINUS", "MINUS"),
    ("UNION", "UNION"),
    ("AS", "AS"),
    ("BY", "BY"),
    ("GROUP BY", "GROUP BY"),
    ("HAVING", "HAVING"),
    ("ORDER BY", "ORDER BY"),
    ("LIMIT", "LIMIT"),
    ("OFFSET", "OFFSET"),
];

/// The store's error for a text the parser refused: line and column (1-based,
/// in characters) of the offending token, and a message that names it and
/// what may come there, followed by the line with a caret under the token.
pub(super) fn syntax_error(error: SparqlSyntaxError, text: &str, grammar: Grammar) -> StoreError {
    let message = error.to_string();
    let Some((_, _, expected)) = parser_position(&message) else {
        // Not a grammar error (a blank node shared by two blocks, a bad base IRI).
        return StoreError::Query {
            message,
            line: 1,
            column: 1,
        };
    };
    if let Some(what) = semantic(&expected) {
        // The grammar is satisfied; a rule on the whole query is not: the
        // parser reports it at the end, which is where we point.
        let at = text.trim_end().len();
        let (line, column) = line_column(text, at);
        return StoreError::Query {
            message: format!("{what}\n{}", excerpt(text, at)),
            line: line as u64,
            column: column as u64,
        };
    }
    let tokens = tokens(text);
    let (at, mut what) = locate(text, &tokens, &expected, grammar);
    if expected.trim() == "[_]" {
        // The parser refused a token the grammar allows there, with no
        // words of its own: a scoping rule, not a typo.
        what = "the query breaks a SPARQL rule here: a variable is used where the query does not allow it \
                (a BIND or a SELECT expression naming a variable already in scope, for instance)"
            .to_string();
    }
    let (line, column) = line_column(text, at);
    StoreError::Query {
        message: format!("{what}\n{}", excerpt(text, at)),
        line: line as u64,
        column: column as u64,
    }
}

/// The parser's own words when a complete text breaks a rule on the whole
/// query rather than the grammar ("SELECT * is not authorized with GROUP
/// BY", "The SELECT contains a variable that is unbound"): spargebra puts
/// such sentences among the expected tokens. None when the text is simply
/// incomplete or wrong at some token.
fn semantic(expected: &str) -> Option<String> {
    let list = expected.strip_prefix("one of ").unwrap_or(expected);
    let sentences: Vec<&str> = list
        .split(", ")
        .map(str::trim)
        .filter(|item| item.matches(' ').count() >= 3 && !item.contains(['"', '\'', '[', ']', '|']))
        .collect();
    if !sentences.is_empty() {
        let mut said = sentences.join("; ");
        // "The SELECT …" reads on as "the SELECT …"; "SELECT * …" stays.
        let mut chars = said.chars();
        if let (Some(first), Some(second)) = (chars.next(), chars.next()) {
            if first.is_ascii_uppercase() && second.is_ascii_lowercase() {
                said = first.to_ascii_lowercase().to_string() + &said[1..];
            }
        }
        return Some(format!("the query is complete but not valid SPARQL: {said}"));
    }
    None
}

/// Line, column and expected list of "error at L:C: expected …".
fn parser_position(message: &str) -> Option<(usize, usize, String)> {
    let rest = message.strip_prefix("error at ")?;
    let (position, rest) = rest.split_once(": ")?;
    let (line, column) = position.split_once(':')?;
    let expected = rest.strip_prefix("expected ").unwrap_or(rest).to_string();
    Some((line.parse().ok()?, column.parse().ok()?, expected))
}

/// The byte offset of the offending token and the message.
fn locate(text: &str, tokens: &[(usize, usize)], expected: &str, grammar: Grammar) -> (usize, String) {
    if tokens.is_empty() || viable(text, grammar) {
        // Everything parses as the beginning of a text: it stops too early.
        return (
            text.trim_end().len(),
            format!("the text ends too early{}", expectations(text, grammar)),
        );
    }
    // The prefix before tokens[0] (spaces, comments) is viable, the whole
    // text is not: find the last token whose prefix is viable.
    let (mut good, mut bad) = (0, tokens.len());
    while bad - good > 1 {
        let middle = (good + bad) / 2;
        if viable(&text[..tokens[middle].0], grammar) {
            good = middle;
        } else {
            bad = middle;
        }
    }
    let (start, end) = tokens[good];
    let token = &text[start..end];
    if expected.contains("Prefix not found") && token.contains(':') && !token.starts_with(['<', '"', '\'', '?', '$']) {
        let prefix = &token[..token.find(':').unwrap_or(0)];
        return (start, unknown_prefix(text, prefix));
    }
    if token.starts_with('<') && expected.contains("IRI") {
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let iri_end = text[start..line_end].find('>').map_or(line_end, |i| start + i + 1);
        return (
            start,
            format!(
                "`{}` is not a valid IRI (an IRI is absolute, like <https://example.org/x>, \
                 and spaces, quotes and braces in it must be %-encoded)",
                shorten(&text[start..iri_end])
            ),
        );
    }
    if (token.starts_with('"') || token.starts_with('\'')) && !closed_string(token) {
        return (start, "this string is never closed".to_string());
    }
    (
        start,
        format!(
            "unexpected `{}`{}",
            shorten(token),
            expectations(&text[..start], grammar)
        ),
    )
}

/// "; expected X, Y or Z": the kinds of token that may follow `before`.
fn expectations(before: &str, grammar: Grammar) -> String {
    if before.len() > EXPECTATIONS_UP_TO {
        return String::new();
    }
    let glue = if before.is_empty() || before.ends_with(char::is_whitespace) {
        ""
    } else {
        " "
    };
    let fits: Vec<&str> = NEXT_TOKENS
        .iter()
        .filter(|(token, _)| viable(&format!("{before}{glue}{token}"), grammar))
        .map(|(_, name)| *name)
        .collect();
    match fits.as_slice() {
        [] => String::new(),
        [one] => format!("; expected {one}"),
        [first @ .., last] => format!("; expected {} or {last}", first.join(", ")),
    }
}

/// Whether `text` can begin a valid query (or update): followed by a
/// newline and a long comment, the parser fails only at the very end,
/// where it wants more. A keyword tried early reads at most a few
/// characters into the comment, never to its end; the `>` in the middle
/// of the comment stops an IRI left open (`<http://a b`), which the
/// parser would otherwise read to the end.
fn viable(text: &str, grammar: Grammar) -> bool {
    const TAIL: &str = "\n#........................>........................";
    let probe = format!("{text}{TAIL}");
    let Ok(parser) = super::sparql::parser() else {
        return false;
    };
    let result = match grammar {
        Grammar::Query => parser.parse_query(&probe).map(|_| ()),
        Grammar::Update => parser.parse_update(&probe).map(|_| ()),
    };
    match result {
        Ok(()) => true,
        Err(error) => parser_position(&error.to_string())
            .is_some_and(|(line, column, _)| (line, column) == line_column(&probe, probe.len())),
    }
}

fn unknown_prefix(text: &str, prefix: &str) -> String {
    let mut declared: Vec<String> = iri::PREFIXES.iter().map(|(p, _)| format!("{p}:")).collect();
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find("prefix") {
        let after = &text[from + found + 6..];
        let name: String = after
            .trim_start()
            .chars()
            .take_while(|c| *c != ':' && !c.is_whitespace())
            .collect();
        if after.trim_start()[name.len()..].starts_with(':') && !declared.contains(&format!("{name}:")) {
            declared.push(format!("{name}:"));
        }
        from += found + 6;
    }
    format!(
        "unknown prefix `{prefix}:`; the declared prefixes are {} (declare another with PREFIX {prefix}: <…>)",
        declared.join(" ")
    )
}

/// Whether a string token has its closing quote.
fn closed_string(token: &str) -> bool {
    let quote = &token[..1];
    let long = token.starts_with(&quote.repeat(3));
    let delimiter = if long { quote.repeat(3) } else { quote.to_string() };
    token.len() >= 2 * delimiter.len() && token.ends_with(&delimiter) && !token.ends_with(&format!("\\{delimiter}"))
}

fn shorten(token: &str) -> String {
    let chars: Vec<char> = token.chars().collect();
    if chars.len() <= 40 {
        token.to_string()
    } else {
        format!("{}…", chars[..39].iter().collect::<String>())
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// The line holding `at` and a caret under it, indented by two spaces;
/// long lines are cut around the caret.
fn excerpt(text: &str, at: usize) -> String {
    let at = at.min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line: Vec<char> = text[line_start..line_end].chars().collect();
    let column = text[line_start..at].chars().count();
    let from = column.saturating_sub(60);
    let to = line.len().min(from + 100);
    let shown: String = line[from..to]
        .iter()
        .map(|c| if *c == '\t' { ' ' } else { *c })
        .collect();
    let lead = if from > 0 { "…" } else { "" };
    let caret = " ".repeat(column - from + lead.chars().count());
    format!("  {lead}{shown}\n  {caret}^")
}

/// Byte ranges of the tokens of a SPARQL text (comments and spaces left
/// out): IRIs, strings, variables, numbers, names and operators. Only
/// where tokens start matters; a malformed token runs to the next space.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    let name_char = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | ':' | '.' | '%' | '\\');
    while at < text.len() {
        let c = text[at..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            at += c.len_utf8();
            continue;
        }
        if c == '#' {
            at = text[at..].find('\n').map_or(text.len(), |i| at + i);
            continue;
        }
        let start = at;
        let end = match c {
            '<' => {
                let rest = &text[at + 1..];
                let close = rest.find(|ch: char| ch == '>' || ch.is_whitespace() || ch == '<');
                match close {
                    Some(i) if rest[i..].starts_with('>') => at + 1 + i + 1,
                    _ if rest.starts_with('=') => at + 2,
                    _ => at + 1,
                }
            }
            '"' | '\'' => {
                let quote = c;
                let long = text[at..].starts_with(&quote.to_string().repeat(3));
                let delimiter = if long {
                    quote.to_string().repeat(3)
                } else {
                    quote.to_string()
                };
                let mut i = at + delimiter.len();
                loop {
                    if i >= text.len() {
                        break text.len();
                    }
                    if bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if text[i..].starts_with(&delimiter) {
                        break i + delimiter.len();
                    }
                    if !long && (bytes[i] == b'\n') {
                        break text.len();
                    }
                    i += text[i..].chars().next().map_or(1, char::len_utf8);
                }
            }
            '?' | '$' => {
                at + 1
                    + text[at + 1..]
                        .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                        .unwrap_or(text.len() - at - 1)
            }
            '^' | '&' | '|' | '!' | '>' if text[at + 1..].starts_with(['^', '&', '|', '=']) => at + 2,
            c if name_char(c) && c != '.' || (c == '.' && text[at + 1..].starts_with(|d: char| d.is_ascii_digit())) => {
                let mut end = at + text[at..].find(|ch: char| !name_char(ch)).unwrap_or(text.len() - at);
                // A name never ends with a dot: that dot ends the triple.
                while end > at + 1 && text[..end].ends_with('.') {
                    end -= 1;
                }
                end
            }
            '@' => {
                at + 1
                    + text[at + 1..]
                        .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '-'))
                        .unwrap_or(text.len() - at - 1)
            }
            other => at + other.len_utf8(),
        };
        out.push((start, end.max(start + c.len_utf8()).min(text.len())));
        at = end.max(start + c.len_utf8());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (u64, u64, String) {
        let parsed = super::super::sparql::parser().unwrap().parse_query(text);
        match syntax_error(parsed.unwrap_err(), text, Grammar::Query) {
            StoreError::Query { message, line, column } => (line, column, message),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn brackets_nested_past_the_limit_are_refused_before_parsing() {
        let deep = |n: usize| format!("SELECT * WHERE {{ {}?s ?p ?o{} }}", "{ ".repeat(n), " }".repeat(n));
        assert!(check_shape(&deep(MAX_NESTING - 1), Grammar::Query).is_ok());
        // Thousands of levels overflowed the parser's stack and aborted the
        // process; now the first bracket past the limit is pointed at.
        match check_shape(&deep(20_000), Grammar::Update) {
            Err(StoreError::Query { line, column, message }) => {
                assert_eq!(line, 1);
                assert_eq!(column as usize, "SELECT * WHERE { ".len() + 2 * (MAX_NESTING - 1) + 1);
                assert!(message.contains("nested more than"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        let filter = format!("ASK {{ FILTER({}1{}) }}", "(".repeat(5000), ")".repeat(5000));
        assert!(check_shape(&filter, Grammar::Query).is_err());
        // Brackets in strings, IRIs and comments do not count.
        let quoted = format!(
            "SELECT * WHERE {{ ?s ?p \"{}\" }} # {}\n",
            "{".repeat(500),
            "(".repeat(500)
        );
        assert!(check_shape(&quoted, Grammar::Query).is_ok());
    }

    #[test]
    fn an_empty_query_says_so_but_an_empty_update_is_an_update() {
        for text in ["", "  \n ", "# nothing\n"] {
            match check_shape(text, Grammar::Query) {
                Err(StoreError::Query { message, .. }) => assert!(message.contains("empty"), "{message}"),
                other => panic!("{other:?}"),
            }
            assert!(check_shape(text, Grammar::Update).is_ok());
        }
    }

    #[test]
    fn the_offending_token_is_pointed_at() {
        let (line, column, message) = error("SELECT ?s WHERE { ?s ?p }");
        assert_eq!((line, column), (1, 25), "{message}");
        assert!(
            message.starts_with("unexpected `}`; expected a variable, an IRI"),
            "{message}"
        );
        assert!(
            message.ends_with("  SELECT ?s WHERE { ?s ?p }\n                          ^"),
            "{message}"
        );
        let (_, column, message) = error("SELEC ?s WHERE { ?s ?p ?o }");
        assert_eq!(column, 1, "{message}");
        assert!(message.starts_with("unexpected `SELEC`; expected "), "{message}");
        assert!(message.contains("SELECT"), "{message}");
        let (_, column, message) = error("SELECT ?s WHERE { ?s ?p ?o } LIMT 5");
        assert_eq!(column, 30, "{message}");
        assert!(message.contains("LIMIT") && message.contains("ORDER BY"), "{message}");
        let (_, column, message) = error("SELECT ?s WHERE { ?s ?p ?o . FILTER(?o = ) }");
        assert_eq!(column, 42, "{message}");
        let (_, column, message) = error("SELECT ?s WHERE { ?s ?p ?o } ORDER ?s");
        assert_eq!(column, 36, "{message}");
        assert!(message.starts_with("unexpected `?s`; expected BY"), "{message}");
    }

    #[test]
    fn unknown_prefixes_unclosed_strings_bad_iris_and_early_ends() {
        let (line, column, message) = error("SELECT * WHERE {\n  ?s ?p ?o .\n  ?s foo:x ?y\n}");
        assert_eq!((line, column), (3, 6), "{message}");
        assert!(
            message.starts_with("unknown prefix `foo:`; the declared prefixes are trame: rdf:"),
            "{message}"
        );
        let (_, _, message) = error("PREFIX ex: <http://e/> SELECT * WHERE { ?s bad:p ?o }");
        assert!(message.contains("prov: ex:"), "{message}");
        let (_, column, message) = error("SELECT ?s WHERE { ?s trame:role \"x }");
        assert_eq!(column, 33, "{message}");
        assert!(message.starts_with("this string is never closed"), "{message}");
        let (_, column, message) = error("SELECT ?s WHERE { ?s <http://a b> ?o }");
        assert_eq!(column, 22, "{message}");
        let (_, column, message) = error("SELECT ?s WHERE { ?s ?p ?o ");
        assert_eq!(column, 27, "{message}");
        assert!(message.starts_with("the text ends too early; expected "), "{message}");
        assert!(message.contains("`}`"), "{message}");
    }

    #[test]
    fn rules_on_the_whole_query_are_said_in_the_parsers_words() {
        let (line, column, message) = error("SELECT * WHERE { ?s ?p ?o } GROUP BY ?s");
        assert_eq!((line, column), (1, 40), "{message}");
        assert!(
            message.starts_with("the query is complete but not valid SPARQL: SELECT * is not authorized with GROUP BY"),
            "{message}"
        );
        let (_, _, message) = error("SELECT ?o WHERE { ?s ?p ?o } GROUP BY ?s");
        assert!(
            message.contains(": the SELECT contains a variable that is unbound"),
            "{message}"
        );
        let (_, column, message) = error("SELECT * WHERE { ?s ?p ?o BIND(1 AS ?s) }");
        assert_eq!(column, 41, "{message}");
        assert!(message.starts_with("the query breaks a SPARQL rule here"), "{message}");
        // An incomplete text is still one that ends too early.
        let (_, _, message) = error("SELECT * WHERE { ?s ?p ?o } VALUES");
        assert!(!message.contains("complete but"), "{message}");
    }
}
