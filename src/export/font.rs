//! The one font pictures use, shipped inside the binary, and text measuring.
//!
//! DejaVu Sans (Bitstream Vera licence, see `fonts/LICENSE-DejaVu.txt`)
//! covers French and most Latin, Greek and Cyrillic names. It is loaded from
//! `include_bytes!` into resvg's font database; system fonts are never
//! looked at, so a picture is the same on every machine. Owns no layout or
//! drawing: [`super::render`] uses the database and the measured widths.

use std::sync::{Arc, OnceLock};

use resvg::usvg;
use usvg::fontdb;

use super::ExportError;

/// The family name written in SVG and DOT.
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// DejaVu Sans 2.37, regular.
pub static DEJAVU_SANS: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");

/// A font database holding only the shipped font, also as every generic family.
pub fn font_database() -> Arc<fontdb::Database> {
    static DATABASE: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut database = fontdb::Database::new();
            database.load_font_data(DEJAVU_SANS.to_vec());
            database.set_sans_serif_family(FONT_FAMILY);
            database.set_serif_family(FONT_FAMILY);
            database.set_monospace_family(FONT_FAMILY);
            Arc::new(database)
        })
        .clone()
}

/// usvg options that resolve every font to the shipped one.
pub fn usvg_options() -> usvg::Options<'static> {
    usvg::Options {
        font_family: FONT_FAMILY.to_string(),
        fontdb: font_database(),
        ..Default::default()
    }
}

/// Widths in pixels of each `(text, font size)` when drawn in the shipped font.
///
/// Lays all texts out in one throwaway SVG and reads each one's box, so the
/// numbers are exactly what resvg will draw (kerning, missing glyphs and all).
pub fn measure(texts: &[(&str, f64)]) -> Result<Vec<f64>, ExportError> {
    let mut svg = String::from(r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">"#);
    for (i, (text, size)) in texts.iter().enumerate() {
        svg.push_str(&format!(
            r#"<text id="t{i}" x="0" y="{size}" font-family="{FONT_FAMILY}" font-size="{size}">{}</text>"#,
            xml_escape(text)
        ));
    }
    svg.push_str("</svg>");
    let tree = usvg::Tree::from_str(&svg, &usvg_options()).map_err(|e| ExportError::Render(e.to_string()))?;
    Ok(texts
        .iter()
        .enumerate()
        .map(|(i, (text, size))| match tree.node_by_id(&format!("t{i}")) {
            Some(usvg::Node::Text(node)) => f64::from(node.bounding_box().width()),
            Some(other) => f64::from(other.bounding_box().width()),
            // Blank text leaves no node; a rough width keeps layout sane.
            None => 0.55 * size * text.chars().count() as f64,
        })
        .collect())
}

/// Text safe inside an XML element or a double-quoted attribute; characters
/// XML 1.0 forbids (most control characters) are dropped.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size() {
        let widths = measure(&[
            ("i", 14.0),
            ("Volodymyr Zelenskyy", 14.0),
            ("Volodymyr Zelenskyy", 28.0),
            (" ", 14.0),
        ])
        .unwrap();
        assert!(widths[0] > 0.0 && widths[0] < widths[1], "{widths:?}");
        assert!((widths[2] / widths[1] - 2.0).abs() < 0.1, "{widths:?}");
        assert!(widths[1] > 100.0 && widths[1] < 200.0, "{widths:?}");
    }

    #[test]
    fn escapes_markup_and_drops_controls() {
        assert_eq!(xml_escape("a<b & \"c\"\u{1}\n"), "a&lt;b &amp; &quot;c&quot; ");
    }
}
