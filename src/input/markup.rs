//! The reading view of a file: HTML entities decoded, markup taken out,
//! character for character.
//!
//! Scraped news arrives as HTML, or as text that still carries HTML
//! entities (`l&#39;Économie`, `Procter &amp; Gamble`, `&laquo;`). The
//! input stage reads a *view* of the original that has exactly one
//! character for each character of the original: a decoded entity puts its
//! character where its `&` was and [`GONE`] on the rest; in an HTML file a
//! block element's tag becomes a line break (one paragraph per block),
//! inline tags, comments and the contents of `script`/`style` become
//! [`GONE`], and runs of whitespace collapse to one space as a browser
//! shows them. Because lengths match, every offset computed on the view is
//! an offset into the original file. Owns only this view; boilerplate,
//! titles and normalisation for the model are the caller's.
//!
//! Entity names and code points follow the HTML 4.01 list (Latin-1,
//! special and typographic characters), which covers what French news
//! pages use; numeric references (`&#233;`, `&#xE9;`) cover the rest.

use std::path::Path;

/// Stands in the view for an original character that is not read (the
/// tail of an entity, markup). The input stage drops it before the model
/// sees the text. A private-use character: it means nothing in news text.
pub const GONE: char = '\u{E000}';

/// Whether a file should be read as HTML: by its extension (`.html`,
/// `.htm`, `.xhtml`), or because its text opens with a doctype or an
/// `<html>` element.
pub fn is_html(source: &str, text: &str) -> bool {
    let by_extension = Path::new(source)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["html", "htm", "xhtml"].iter().any(|x| e.eq_ignore_ascii_case(x)));
    let head: String = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    by_extension || head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The reading view of `original` (see the module documentation): as many
/// characters as `original`, entities decoded, and, when `html`, markup
/// removed and whitespace collapsed. A byte-order mark opening the text and
/// a carriage return not followed by a line feed (old Mac line ends) are
/// read as nothing and as a line break.
pub fn reading_view(original: &str, html: bool) -> String {
    let chars: Vec<char> = original.chars().collect();
    let mut view: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    // In HTML, whether the last character shown was whitespace (to collapse runs).
    let mut after_space = true;
    while i < chars.len() {
        let c = chars[i];
        if i == 0 && c == '\u{FEFF}' {
            view.push(GONE);
            i += 1;
            continue;
        }
        if c == '&' {
            if let Some((decoded, len)) = entity_at(&chars[i..]) {
                let shown = if html && decoded.is_whitespace() && decoded != '\u{00A0}' {
                    ' '
                } else {
                    decoded
                };
                view.push(shown);
                view.extend(std::iter::repeat_n(GONE, len - 1));
                after_space = shown.is_whitespace();
                i += len;
                continue;
            }
        }
        if html && c == '<' {
            if let Some((len, block)) = markup_at(&chars[i..]) {
                if block {
                    view.push('\n');
                    view.extend(std::iter::repeat_n(GONE, len - 1));
                    after_space = true;
                } else {
                    view.extend(std::iter::repeat_n(GONE, len));
                }
                i += len;
                continue;
            }
        }
        if html && c.is_whitespace() && c != '\u{00A0}' && c != '\u{202F}' {
            view.push(if after_space { GONE } else { ' ' });
            after_space = true;
            i += 1;
            continue;
        }
        if c == '\r' && chars.get(i + 1) != Some(&'\n') {
            view.push('\n');
        } else {
            view.push(c);
        }
        after_space = false;
        i += 1;
    }
    debug_assert_eq!(view.len(), chars.len());
    view.into_iter().collect()
}

/// Removes [`GONE`] from a piece of the view (for titles and metadata).
pub fn visible(text: &str) -> String {
    text.chars().filter(|&c| c != GONE).collect()
}

/// Longest entity reference read, `&` and `;` included.
const MAX_ENTITY_CHARS: usize = 12;

/// The character an entity reference at the start of `chars` stands for,
/// and the reference's length in characters. Only well-formed references
/// with their closing `;` count: "AT&T" and "&c." stay as written.
fn entity_at(chars: &[char]) -> Option<(char, usize)> {
    let end = chars.iter().take(MAX_ENTITY_CHARS).position(|&c| c == ';')?;
    let body: String = chars[1..end].iter().collect();
    let decoded = if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        // Windows-1252 code points written as references, as many pages do.
        let code = windows_1252(code).unwrap_or(code);
        char::from_u32(code).filter(|c| *c != '\0')?
    } else {
        named_entity(&body)?
    };
    Some((decoded, end + 1))
}

/// The Unicode character that Windows-1252 puts at 0x80–0x9F, for
/// references such as `&#146;` (a right quote) written by old tools.
fn windows_1252(code: u32) -> Option<u32> {
    const HIGH: [u32; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D,
        0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,
        0x017E, 0x0178,
    ];
    let index = code.checked_sub(0x80)? as usize;
    HIGH.get(index).copied().filter(|&c| c != 0)
}

/// HTML 4.01's Latin-1 entities, in code point order from U+00A0.
const LATIN_1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
    "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm",
    "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
    "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
    "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN",
    "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc",
    "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
    "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
];

/// HTML 4.01's markup-significant and special entities, and the
/// typographic ones French text uses.
const SPECIAL: [(&str, char); 37] = [
    ("quot", '"'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("apos", '\''),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("euro", '€'),
    ("hellip", '…'),
    ("bull", '•'),
    ("trade", '™'),
    ("NoBreak", '\u{2060}'),
];

fn named_entity(name: &str) -> Option<char> {
    if let Some(i) = LATIN_1.iter().position(|&n| n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    SPECIAL.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// Elements whose tags end a paragraph.
const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];

/// Elements whose content is not text to read.
const HIDDEN_ELEMENTS: &[&str] = &["script", "style", "noscript", "template", "svg"];

/// The markup at the start of `chars` (which begins with `<`): its length
/// in characters and whether it ends a paragraph. A comment, a doctype, a
/// tag; for a hidden element, its whole content up to the closing tag.
/// `None` when the `<` opens no markup ("a < b").
fn markup_at(chars: &[char]) -> Option<(usize, bool)> {
    let starts = |prefix: &str| {
        prefix.chars().count() <= chars.len()
            && chars
                .iter()
                .zip(prefix.chars())
                .all(|(a, b)| a.eq_ignore_ascii_case(&b))
    };
    if starts("<!--") {
        let end = find(chars, "-->", 4).map_or(chars.len(), |i| i + 3);
        return Some((end, false));
    }
    let next = *chars.get(1)?;
    if !(next.is_ascii_alphabetic() || next == '/' || next == '!' || next == '?') {
        return None;
    }
    let close = chars.iter().position(|&c| c == '>')?;
    let name: String = chars[1..close]
        .iter()
        .skip_while(|&&c| c == '/')
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    let closing = next == '/';
    if !closing && HIDDEN_ELEMENTS.contains(&name.as_str()) && chars[close - 1] != '/' {
        let end_tag = format!("</{name}");
        let end = find_ignore_case(chars, &end_tag, close + 1)
            .and_then(|i| chars[i..].iter().position(|&c| c == '>').map(|j| i + j + 1))
            .unwrap_or(chars.len());
        return Some((end, false));
    }
    Some((close + 1, BLOCK_ELEMENTS.contains(&name.as_str())))
}

/// Index of the first `needle` in `chars` at or after `from`.
fn find(chars: &[char], needle: &str, from: usize) -> Option<usize> {
    let needle: Vec<char> = needle.chars().collect();
    (from..chars.len().saturating_sub(needle.len() - 1)).find(|&i| chars[i..].starts_with(&needle))
}

fn find_ignore_case(chars: &[char], needle: &str, from: usize) -> Option<usize> {
    let needle: Vec<char> = needle.chars().collect();
    (from..chars.len().saturating_sub(needle.len() - 1)).find(|&i| {
        chars[i..i + needle.len()]
            .iter()
            .zip(&needle)
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(view: &str) -> String {
        visible(view)
    }

    #[test]
    fn the_latin_1_table_is_in_code_point_order() {
        assert_eq!(named_entity("nbsp"), Some('\u{A0}'));
        assert_eq!(named_entity("laquo"), Some('«'));
        assert_eq!(named_entity("raquo"), Some('»'));
        assert_eq!(named_entity("Eacute"), Some('É'));
        assert_eq!(named_entity("eacute"), Some('é'));
        assert_eq!(named_entity("ccedil"), Some('ç'));
        assert_eq!(named_entity("yuml"), Some('ÿ'));
        assert_eq!(named_entity("nope"), None);
    }

    #[test]
    fn entities_are_decoded_in_place_and_lengths_kept() {
        let original = "l&#39;&Eacute;conomie, Procter &amp; Gamble, &laquo;&nbsp;oui&nbsp;&raquo; &#x2019; &#146;";
        let view = reading_view(original, false);
        assert_eq!(view.chars().count(), original.chars().count());
        assert_eq!(shown(&view), "l'Économie, Procter & Gamble, «\u{A0}oui\u{A0}» ’ ’");
        // The decoded character stands where its `&` was.
        let at = original.find("&amp;").unwrap();
        assert_eq!(view.chars().nth(at), Some('&'));
    }

    #[test]
    fn text_that_only_looks_like_an_entity_stays() {
        for text in ["AT&T a dit", "Ben & Jerry", "&c. etc", "&unknown;", "&#0;", "& ;"] {
            assert_eq!(reading_view(text, false), text);
        }
    }

    #[test]
    fn html_markup_is_removed_and_blocks_become_lines() {
        let original = "<!DOCTYPE html><html><head><title>Grève à Paris</title>\
            <style>p { color: red }</style><script>var a = '<p>';</script></head>\n<body>\
            <p>Le <b>maire</b> de Paris\n   a parlé.</p><!-- pub --><p>L&#39;État répond.<br>Fin</p></body></html>";
        let view = reading_view(original, true);
        assert_eq!(view.chars().count(), original.chars().count());
        let lines: Vec<String> = shown(&view)
            .split('\n')
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            lines,
            ["Grève à Paris", "Le maire de Paris a parlé.", "L'État répond.", "Fin"]
        );
    }

    #[test]
    fn a_less_than_sign_in_text_is_not_markup() {
        let view = reading_view("<p>3 < 5 et 7 > 2</p>", true);
        assert_eq!(shown(&view).trim(), "3 < 5 et 7 > 2");
    }

    #[test]
    fn a_byte_order_mark_and_lone_carriage_returns_are_handled() {
        let view = reading_view("\u{FEFF}# Titre\rTexte", false);
        assert_eq!(shown(&view), "# Titre\nTexte");
        assert_eq!(reading_view("a\r\nb", false), "a\r\nb");
    }

    #[test]
    fn html_is_recognised_by_extension_or_doctype() {
        assert!(is_html("page.HTML", "texte"));
        assert!(is_html("-", "\u{FEFF}  <!doctype html>\n<p>x</p>"));
        assert!(is_html("a.txt", "<html lang=fr>"));
        assert!(!is_html("a.txt", "Le <b> est une balise."));
    }
}
