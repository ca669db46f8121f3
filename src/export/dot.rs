//! Graphviz DOT output of a [`FactGraph`].
//!
//! Owns DOT syntax and string escaping only: what is drawn comes from
//! [`super::graph`], colours and shapes from [`super::render::style`]. Node
//! IDs are the (escaped) IRIs, so DOT files diff well between runs. The file
//! asks for a force-directed engine (neato, or sfdp for big graphs) with
//! overlap removal, because fact graphs are star-shaped and a layered `dot`
//! layout puts all of a hub's neighbours on one unreadable row.

use std::fmt::Write as _;

use super::font::FONT_FAMILY;
use super::graph::{FactGraph, NodeKind};
use super::render::style;

/// Above this many nodes the file asks for sfdp rather than neato.
const SFDP_ABOVE: usize = 300;

/// The Graphviz engine a DOT file asks for: neato for small graphs (better
/// quality), sfdp for big ones (neato is quadratic).
pub fn engine_for(graph: &FactGraph) -> &'static str {
    if graph.graph.node_count() > SFDP_ABOVE {
        "sfdp"
    } else {
        "neato"
    }
}

/// The whole graph as a DOT `digraph`.
pub fn to_dot(graph: &FactGraph) -> String {
    let mut out = String::new();
    out.push_str("digraph trame {\n");
    let _ = writeln!(
        out,
        "  graph [layout={}, overlap=false, sep=\"+8\", splines=true, outputorder=edgesfirst, charset=\"UTF-8\", bgcolor=\"white\", pad=0.3, ratio=0.625];",
        engine_for(graph)
    );
    let _ = writeln!(
        out,
        "  node [fontname={}, fontsize=12, style=filled, penwidth=1.2];",
        quote(FONT_FAMILY)
    );
    let _ = writeln!(
        out,
        "  edge [fontname={}, fontsize=9, color=\"#666666\", fontcolor=\"#333333\", arrowsize=0.7];",
        quote(FONT_FAMILY)
    );
    for node in graph.graph.node_weights() {
        let _ = writeln!(
            out,
            "  {} [{}];",
            quote(&node.key),
            node_attributes(node.kind, &node.label)
        );
    }
    for edge in graph.graph.edge_indices() {
        let Some((a, b)) = graph.graph.edge_endpoints(edge) else {
            continue;
        };
        let data = &graph.graph[edge];
        let mut attributes = format!("label={}", quote(&data.label));
        if data.negated {
            attributes.push_str(", style=dashed, color=\"#b91c1c\"");
        } else if data.hypothetical {
            attributes.push_str(", style=dotted");
        }
        if data.count > 1 {
            let _ = write!(attributes, ", penwidth={:.1}", 1.0 + (data.count as f64).ln());
        }
        let _ = writeln!(
            out,
            "  {} -> {} [{attributes}];",
            quote(&graph.graph[a].key),
            quote(&graph.graph[b].key)
        );
    }
    out.push_str("}\n");
    out
}

/// A DOT double-quoted string whose *displayed* text is exactly `text`.
///
/// Graphviz reads `\"` as a quote and then interprets backslash escapes in
/// labels (`\n`, `\l`, `\N`, …), so a backslash must be doubled to show as
/// one; a newline becomes the centred line break `\n`; a carriage return is
/// dropped (a CRLF becomes one break). Other characters go through as UTF-8.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn node_attributes(kind: NodeKind, label: &str) -> String {
    let style = style(kind);
    let shape = match kind {
        NodeKind::Person => "ellipse",
        NodeKind::Organization => "box",
        NodeKind::Place => "hexagon",
        NodeKind::Misc => "octagon",
        NodeKind::Literal => "plaintext",
    };
    let size = if kind == NodeKind::Literal {
        ", fontsize=10, fontcolor=\"#444444\""
    } else {
        ""
    };
    format!(
        "label={}, shape={shape}, fillcolor=\"{}\", color=\"{}\"{size}",
        quote(label),
        style.fill,
        style.stroke
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reads a DOT quoted string back the way Graphviz displays it; returns
    /// the text and the rest of the input after the closing quote.
    fn unquote(dot: &str) -> Option<(String, &str)> {
        let mut chars = dot.char_indices();
        if chars.next()?.1 != '"' {
            return None;
        }
        let mut text = String::new();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return Some((text, &dot[i + 1..])),
                '\n' | '\r' => return None, // we never emit raw line breaks
                '\\' => match chars.next()?.1 {
                    '"' => text.push('"'),
                    '\\' => text.push('\\'),
                    'n' => text.push('\n'),
                    _ => return None, // any other escape would be reinterpreted
                },
                c => text.push(c),
            }
        }
        None
    }

    proptest! {
        #[test]
        fn quoting_round_trips(text in "(.|\n|\\\\|\"|\r\n){0,40}") {
            let quoted = quote(&text);
            let (back, rest) = unquote(&quoted).expect("well-formed DOT string");
            prop_assert_eq!(rest, "");
            prop_assert_eq!(back, text.replace('\r', ""));
        }

        #[test]
        fn quoted_strings_end_where_they_should(a in ".{0,20}", b in ".{0,20}") {
            let line = format!("{} -> {};", quote(&a), quote(&b));
            let (first, rest) = unquote(&line).unwrap();
            prop_assert_eq!(first, a.replace('\r', ""));
            let rest = rest.strip_prefix(" -> ").unwrap();
            let (second, rest) = unquote(rest).unwrap();
            prop_assert_eq!(second, b.replace('\r', ""));
            prop_assert_eq!(rest, ";");
        }
    }

    #[test]
    fn quote_examples() {
        assert_eq!(quote(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(quote("x\r\ny"), r#""x\ny""#);
    }
}
