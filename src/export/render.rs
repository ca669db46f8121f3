//! Pictures: SVG drawn from a [`FactGraph`], PNG rasterised with resvg.
//!
//! Owns the look (colours and shapes by entity type, arrows, legend) and
//! the choice of renderer. The builtin renderer lays out nodes *and* edge
//! labels as boxes with [`super::layout`], so no label covers another, and
//! draws each fact as a curve through its label. The Graphviz renderer runs
//! `neato`/`sfdp` on the DOT from [`super::dot`] and only rasterises what it
//! returns. Rasterising uses the font shipped in [`super::font`], never
//! system fonts. This module never reads the store or the snapshot.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use petgraph::visit::EdgeRef;
use resvg::{tiny_skia, usvg};

use super::font::{self, xml_escape, FONT_FAMILY};
use super::graph::{FactGraph, NodeKind};
use super::layout::{self, LayoutParams, Point};
use super::ExportError;

/// Colours of one node type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub fill: &'static str,
    pub stroke: &'static str,
    pub text: &'static str,
}

/// Fill, border and text colour by node type (colour-blind-safe hues).
pub fn style(kind: NodeKind) -> Style {
    match kind {
        NodeKind::Person => Style {
            fill: "#dbeafe",
            stroke: "#1d4ed8",
            text: "#0f172a",
        },
        NodeKind::Organization => Style {
            fill: "#ffedd5",
            stroke: "#c2410c",
            text: "#0f172a",
        },
        NodeKind::Place => Style {
            fill: "#dcfce7",
            stroke: "#15803d",
            text: "#0f172a",
        },
        NodeKind::Misc => Style {
            fill: "#f3e8ff",
            stroke: "#7e22ce",
            text: "#0f172a",
        },
        NodeKind::Literal => Style {
            fill: "#f4f4f5",
            stroke: "#d4d4d8",
            text: "#3f3f46",
        },
    }
}

/// The colour of a PLOVER event type's arrows and marks: blues and greens
/// for cooperation, violets for requests and words of conflict, oranges and
/// reds for material conflict; grey for an unknown code.
pub fn event_colour(code: &str) -> &'static str {
    match code {
        "AGREE" => "#0e7490",
        "CONSULT" => "#0284c7",
        "SUPPORT" => "#1d4ed8",
        "CONCEDE" => "#65a30d",
        "COOPERATE" => "#047857",
        "AID" => "#16a34a",
        "RETREAT" => "#4d7c0f",
        "REQUEST" => "#7c3aed",
        "ACCUSE" => "#c026d3",
        "REJECT" => "#db2777",
        "THREATEN" => "#ea580c",
        "PROTEST" => "#ca8a04",
        "SANCTION" => "#b45309",
        "MOBILIZE" => "#be123c",
        "COERCE" => "#dc2626",
        "ASSAULT" => "#7f1d1d",
        _ => UNTYPED_COLOUR,
    }
}

/// The colour of facts without an event type.
pub const UNTYPED_COLOUR: &str = "#6b7280";

/// How a picture is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PictureOptions {
    /// Seed of the builtin layout.
    pub seed: u64,
    /// Target width / height.
    pub aspect: f64,
    /// PNGs wider than this are scaled down to it.
    pub max_width: f64,
    /// Put the font in the SVG (`@font-face`), so it looks the same anywhere.
    pub embed_font: bool,
    /// Colour each arrow by its facts' event type (PLOVER), with a legend row.
    pub event_colours: bool,
}

impl Default for PictureOptions {
    fn default() -> Self {
        PictureOptions {
            seed: 1,
            aspect: 1.6,
            max_width: 2400.0,
            embed_font: true,
            event_colours: false,
        }
    }
}

/// An SVG document and its size in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

impl Picture {
    /// The factor a PNG no wider than `max_width` is drawn at (≤ 1).
    pub fn png_scale(&self, max_width: f64) -> f64 {
        if self.width > max_width {
            max_width / self.width
        } else {
            1.0
        }
    }
}

/// Draws the graph with the builtin force-directed layout.
pub fn draw_svg(graph: &FactGraph, options: &PictureOptions) -> Result<Picture, ExportError> {
    let scene = Scene::build(graph, options)?;
    Ok(scene.to_svg(graph, options))
}

/// Rasterises an SVG to PNG bytes with the shipped font, no wider than `max_width`.
pub fn svg_to_png(svg: &str, max_width: f64) -> Result<Vec<u8>, ExportError> {
    let tree = usvg::Tree::from_str(svg, &font::usvg_options()).map_err(|e| ExportError::Render(e.to_string()))?;
    let size = tree.size();
    let scale = (max_width / f64::from(size.width())).min(1.0) as f32;
    let width = (size.width() * scale).ceil().max(1.0) as u32;
    let height = (size.height() * scale).ceil().max(1.0) as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or_else(|| {
        ExportError::Render(format!(
            "a {width}×{height} picture is too big to draw; use --top or --focus"
        ))
    })?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| ExportError::Render(e.to_string()))
}

/// The first of `sfdp`/`neato` found on PATH that suits the graph's size.
pub fn graphviz_tool(graph: &FactGraph) -> Option<PathBuf> {
    let preferred = super::dot::engine_for(graph);
    let other = if preferred == "sfdp" { "neato" } else { "sfdp" };
    [preferred, other].into_iter().find_map(find_on_path)
}

/// Runs a Graphviz engine on `dot` and returns the SVG it writes.
pub fn graphviz_svg(dot: &str, tool: &std::path::Path) -> Result<String, ExportError> {
    let name = crate::quote::path(tool).to_string();
    let fail = |message: String| ExportError::Graphviz {
        tool: name.clone(),
        message,
    };
    let engine = tool
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut child = Command::new(tool)
        .arg(format!("-K{engine}"))
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| fail(e.to_string()))?;
    // Write from another thread: a big graph's SVG fills the stdout pipe
    // before the DOT has all been read.
    let mut stdin = child.stdin.take().ok_or_else(|| fail("no stdin".into()))?;
    let input = dot.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().map_err(|e| fail(e.to_string()))?;
    let _ = writer.join();
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(fail(stderr.lines().next().unwrap_or("no message").to_string()));
    }
    String::from_utf8(output.stdout).map_err(|e| fail(e.to_string()))
}

fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// Font sizes in pixels.
const EDGE_FONT: f64 = 11.0;
const LITERAL_FONT: f64 = 11.0;
/// Room around the drawing, and the legend's height below it.
const MARGIN: f64 = 24.0;
const LEGEND_HEIGHT: f64 = 34.0;

/// One box the layout places: a node or an edge's label.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    width: f64,
    height: f64,
    font: f64,
}

/// Everything positioned: items 0..node_count are nodes in graph order,
/// then one label item per edge in graph order.
struct Scene {
    items: Vec<Item>,
    centres: Vec<Point>,
    node_count: usize,
    width: f64,
    height: f64,
    /// Event types drawn in colour (sorted); empty unless asked for.
    events: Vec<String>,
}

impl Scene {
    fn build(graph: &FactGraph, options: &PictureOptions) -> Result<Scene, ExportError> {
        let g = &graph.graph;
        let degree: Vec<usize> = g.node_indices().map(|n| g.neighbors_undirected(n).count()).collect();
        let node_fonts: Vec<f64> = g
            .node_indices()
            .map(|n| match g[n].kind {
                NodeKind::Literal => LITERAL_FONT,
                // Hubs are what a reader looks for first: write them bigger.
                _ if degree[n.index()] >= 12 => 18.0,
                _ if degree[n.index()] >= 5 => 15.0,
                _ => 13.0,
            })
            .collect();
        let mut texts: Vec<(&str, f64)> = g
            .node_weights()
            .zip(&node_fonts)
            .map(|(n, &f)| (n.label.as_str(), f))
            .collect();
        texts.extend(g.edge_weights().map(|e| (e.label.as_str(), EDGE_FONT)));
        let widths = font::measure(&texts)?;
        let mut items = Vec::with_capacity(texts.len());
        for (i, node) in g.node_weights().enumerate() {
            let font = node_fonts[i];
            let (pad_x, pad_y) = match node.kind {
                NodeKind::Person => (0.9 * font, 0.55 * font),
                NodeKind::Place => (1.3 * font, 0.55 * font),
                NodeKind::Literal => (5.0, 3.0),
                _ => (0.7 * font, 0.55 * font),
            };
            items.push(Item {
                width: widths[i] + 2.0 * pad_x,
                height: font * 1.15 + 2.0 * pad_y,
                font,
            });
        }
        for (i, edge) in g.edge_weights().enumerate() {
            let width = widths[g.node_count() + i];
            let empty = edge.label.trim().is_empty();
            let (w, h) = if empty {
                (4.0, 4.0)
            } else {
                (width + 6.0, EDGE_FONT * 1.15 + 4.0)
            };
            items.push(Item {
                width: w,
                height: h,
                font: EDGE_FONT,
            });
        }
        let sizes: Vec<(f64, f64)> = items.iter().map(|it| (it.width, it.height)).collect();
        let mut springs = Vec::with_capacity(2 * g.edge_count());
        for edge in g.edge_references() {
            let label = g.node_count() + edge.id().index();
            springs.push((edge.source().index(), label));
            springs.push((label, edge.target().index()));
        }
        let params = LayoutParams {
            seed: options.seed,
            aspect: options.aspect,
            ..Default::default()
        };
        let (mut centres, (width, height)) = layout::layout(&sizes, &springs, &params);
        for c in &mut centres {
            c.x += MARGIN;
            c.y += MARGIN;
        }
        let width = (width + 2.0 * MARGIN).max(420.0);
        let mut events: Vec<String> = if options.event_colours {
            g.edge_weights().filter_map(|e| e.event.clone()).collect()
        } else {
            Vec::new()
        };
        events.sort();
        events.dedup();
        let event_rows = event_legend_rows(&events, width);
        let height = height + 2.0 * MARGIN + LEGEND_HEIGHT + EVENT_LEGEND_ROW * event_rows as f64;
        Ok(Scene {
            items,
            centres,
            node_count: g.node_count(),
            width,
            height,
            events,
        })
    }

    fn to_svg(&self, graph: &FactGraph, options: &PictureOptions) -> Picture {
        let g = &graph.graph;
        let mut svg = String::new();
        let _ = writeln!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="{FONT_FAMILY}">"#,
            w = self.width,
            h = self.height
        );
        svg.push_str("<defs>\n");
        if options.embed_font {
            let _ = writeln!(
                svg,
                "<style>@font-face {{ font-family: '{FONT_FAMILY}'; src: url(data:font/ttf;base64,{}) format('truetype'); }}</style>",
                base64(font::DEJAVU_SANS)
            );
        }
        let event_markers: Vec<(String, &str)> = self
            .events
            .iter()
            .map(|code| (format!("arrow-{code}"), event_colour(code)))
            .collect();
        let markers = [("arrow".to_string(), "#6b7280"), ("arrow-neg".to_string(), "#b91c1c")];
        for (id, colour) in markers.into_iter().chain(event_markers) {
            let _ = writeln!(
                svg,
                r#"<marker id="{id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>"#
            );
        }
        svg.push_str("</defs>\n");
        let _ = writeln!(svg, r#"<rect width="100%" height="100%" fill="white"/>"#);
        svg.push_str("<g id=\"edges\" fill=\"none\">\n");
        for edge in g.edge_references() {
            self.draw_edge(&mut svg, graph, edge.id());
        }
        svg.push_str("</g>\n<g id=\"edge-labels\">\n");
        for edge in g.edge_references() {
            let item = self.node_count + edge.id().index();
            let colour = match self.event_of(edge.weight()) {
                _ if edge.weight().negated => "#b91c1c",
                Some(code) => event_colour(code),
                None => "#374151",
            };
            self.draw_label(&mut svg, item, &edge.weight().label, colour, Some("white"));
        }
        svg.push_str("</g>\n<g id=\"nodes\">\n");
        for node in g.node_indices() {
            self.draw_node(&mut svg, node.index(), g[node].kind, &g[node].label, &g[node].key);
        }
        svg.push_str("</g>\n");
        self.draw_legend(&mut svg, graph);
        svg.push_str("</svg>\n");
        Picture {
            svg,
            width: self.width,
            height: self.height,
        }
    }

    /// A quadratic curve from source to target through the label's centre,
    /// clipped at both boxes, with an arrowhead at the target.
    fn draw_edge(&self, svg: &mut String, graph: &FactGraph, edge: petgraph::graph::EdgeIndex) {
        let Some((a, b)) = graph.graph.edge_endpoints(edge) else {
            return;
        };
        let data = &graph.graph[edge];
        let label = self.centres[self.node_count + edge.index()];
        let (p0, p2) = (self.centres[a.index()], self.centres[b.index()]);
        let p1 = Point {
            x: 2.0 * label.x - (p0.x + p2.x) / 2.0,
            y: 2.0 * label.y - (p0.y + p2.y) / 2.0,
        };
        let inside = |item: usize, p: Point, slack: f64| {
            let c = self.centres[item];
            let it = &self.items[item];
            (p.x - c.x).abs() <= it.width / 2.0 + slack && (p.y - c.y).abs() <= it.height / 2.0 + slack
        };
        let at = |t: f64| bezier(p0, p1, p2, t);
        // The curve leaves the source box once and enters the target box once.
        let t0 = boundary(|t| inside(a.index(), at(t), 1.0), 0.0, 0.5);
        let t1 = boundary(|t| !inside(b.index(), at(t), 3.0), 0.5, 1.0);
        let (q0, q2) = (at(t0), at(t1));
        let q1 = blossom(p0, p1, p2, t0, t1);
        let width = 1.1 + 0.8 * (data.count as f64).ln();
        let event_marker = self.event_of(data).map(|code| format!("arrow-{code}"));
        let (colour, marker) = match (data.negated, self.event_of(data), event_marker.as_deref()) {
            (true, _, _) => ("#b91c1c", "arrow-neg"),
            (false, Some(code), Some(marker)) => (event_colour(code), marker),
            _ => ("#6b7280", "arrow"),
        };
        let dash = if data.negated {
            r#" stroke-dasharray="6,4""#
        } else if data.hypothetical {
            r#" stroke-dasharray="2,3""#
        } else {
            ""
        };
        let _ = writeln!(
            svg,
            r#"<path d="M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}" stroke="{colour}" stroke-width="{width:.2}"{dash} marker-end="url(#{marker})"/>"#,
            q0.x, q0.y, q1.x, q1.y, q2.x, q2.y
        );
    }

    /// The edge's event type when event colours are on.
    fn event_of<'a>(&self, edge: &'a super::graph::EdgeData) -> Option<&'a str> {
        edge.event
            .as_deref()
            .filter(|code| self.events.iter().any(|e| e == code))
    }

    fn draw_label(&self, svg: &mut String, item: usize, text: &str, colour: &str, background: Option<&str>) {
        if text.trim().is_empty() {
            return;
        }
        let (c, it) = (self.centres[item], &self.items[item]);
        if let Some(fill) = background {
            let _ = writeln!(
                svg,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="3" fill="{fill}" fill-opacity="0.9"/>"#,
                c.x - it.width / 2.0,
                c.y - it.height / 2.0,
                it.width,
                it.height
            );
        }
        write_text(svg, c, it.font, colour, text);
        svg.push('\n');
    }

    fn draw_node(&self, svg: &mut String, item: usize, kind: NodeKind, label: &str, key: &str) {
        let (c, it) = (self.centres[item], &self.items[item]);
        let st = style(kind);
        let (x0, y0, x1, y1) = (
            c.x - it.width / 2.0,
            c.y - it.height / 2.0,
            c.x + it.width / 2.0,
            c.y + it.height / 2.0,
        );
        let _ = write!(svg, "<g><title>{}</title>", xml_escape(key));
        let paint = format!(
            r#"fill="{}" stroke="{}" stroke-width="{}""#,
            st.fill,
            st.stroke,
            if kind == NodeKind::Literal { 0.8 } else { 1.5 }
        );
        let _ = match kind {
            NodeKind::Person | NodeKind::Organization | NodeKind::Literal => {
                let radius = match kind {
                    NodeKind::Person => it.height / 2.0,
                    _ => 3.0,
                };
                write!(
                    svg,
                    r#"<rect x="{x0:.1}" y="{y0:.1}" width="{:.1}" height="{:.1}" rx="{radius:.1}" {paint}/>"#,
                    it.width, it.height
                )
            }
            NodeKind::Place => {
                let cut = it.height / 2.5;
                write!(
                    svg,
                    r#"<polygon points="{:.1},{y0:.1} {:.1},{y0:.1} {x1:.1},{:.1} {:.1},{y1:.1} {:.1},{y1:.1} {x0:.1},{:.1}" {paint}/>"#,
                    x0 + cut,
                    x1 - cut,
                    c.y,
                    x1 - cut,
                    x0 + cut,
                    c.y
                )
            }
            NodeKind::Misc => {
                let cut = it.height / 4.0;
                write!(
                    svg,
                    r#"<polygon points="{:.1},{y0:.1} {:.1},{y0:.1} {x1:.1},{:.1} {x1:.1},{:.1} {:.1},{y1:.1} {:.1},{y1:.1} {x0:.1},{:.1} {x0:.1},{:.1}" {paint}/>"#,
                    x0 + cut,
                    x1 - cut,
                    y0 + cut,
                    y1 - cut,
                    x1 - cut,
                    x0 + cut,
                    y1 - cut,
                    y0 + cut
                )
            }
        };
        write_text(svg, c, it.font, st.text, label);
        svg.push_str("</g>\n");
    }

    /// One row under the drawing: what the shapes mean, and the counts.
    fn draw_legend(&self, svg: &mut String, graph: &FactGraph) {
        let rows = event_legend_rows(&self.events, self.width);
        let y = self.height - LEGEND_HEIGHT / 2.0 - 4.0 - EVENT_LEGEND_ROW * rows as f64;
        let (mut x, mut row) = (MARGIN, 0usize);
        for code in &self.events {
            let step = event_legend_step(code);
            if x + step > self.width - MARGIN && x > MARGIN {
                x = MARGIN;
                row += 1;
            }
            let ey = y + LEGEND_HEIGHT / 2.0 + 4.0 + EVENT_LEGEND_ROW * row as f64;
            let colour = event_colour(code);
            let _ = writeln!(
                svg,
                r#"<line x1="{x:.1}" y1="{ey:.1}" x2="{:.1}" y2="{ey:.1}" stroke="{colour}" stroke-width="3"/><text x="{:.1}" y="{:.1}" font-size="11" fill="{colour}">{code}</text>"#,
                x + 18.0,
                x + 23.0,
                ey + 4.0
            );
            x += step;
        }
        let _ = writeln!(
            svg,
            r##"<line x1="{MARGIN}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#e5e7eb"/>"##,
            y - 14.0,
            self.width - MARGIN,
            y - 14.0
        );
        let entries = [
            (NodeKind::Person, "person"),
            (NodeKind::Organization, "organisation"),
            (NodeKind::Place, "place"),
            (NodeKind::Misc, "other"),
            (NodeKind::Literal, "value"),
        ];
        let mut x = MARGIN;
        for (kind, name) in entries {
            let st = style(kind);
            let radius = if kind == NodeKind::Person { 6.0 } else { 2.0 };
            let _ = writeln!(
                svg,
                r##"<rect x="{x:.1}" y="{:.1}" width="18" height="12" rx="{radius}" fill="{}" stroke="{}"/><text x="{:.1}" y="{:.1}" font-size="11" fill="#374151">{name}</text>"##,
                y - 6.0,
                st.fill,
                st.stroke,
                x + 23.0,
                y + 4.0
            );
            x += 23.0 + 7.0 * name.len() as f64 + 16.0;
        }
        let summary = format!("{} entities · {} facts", graph.entity_count(), graph.fact_count());
        let _ = writeln!(
            svg,
            r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="#6b7280" text-anchor="end">{}</text>"##,
            self.width - MARGIN,
            y + 4.0,
            xml_escape(&summary)
        );
    }
}

/// Height of one row of the event-type legend.
const EVENT_LEGEND_ROW: f64 = 20.0;

/// Width one event type takes in the legend (swatch, code, gap).
fn event_legend_step(code: &str) -> f64 {
    23.0 + 8.0 * code.len() as f64 + 16.0
}

/// How many legend rows the event types need in a picture this wide.
fn event_legend_rows(events: &[String], width: f64) -> usize {
    if events.is_empty() {
        return 0;
    }
    let (mut x, mut rows) = (MARGIN, 1);
    for code in events {
        let step = event_legend_step(code);
        if x + step > width - MARGIN && x > MARGIN {
            x = MARGIN;
            rows += 1;
        }
        x += step;
    }
    rows
}

/// Centred one-line text; the baseline sits so capitals and descenders
/// balance around `c.y`.
fn write_text(svg: &mut String, c: Point, font: f64, colour: &str, text: &str) {
    let _ = write!(
        svg,
        r#"<text x="{:.1}" y="{:.1}" font-size="{font}" fill="{colour}" text-anchor="middle">{}</text>"#,
        c.x,
        c.y + 0.36 * font,
        xml_escape(text)
    );
}

fn bezier(p0: Point, p1: Point, p2: Point, t: f64) -> Point {
    let u = 1.0 - t;
    Point {
        x: u * u * p0.x + 2.0 * u * t * p1.x + t * t * p2.x,
        y: u * u * p0.y + 2.0 * u * t * p1.y + t * t * p2.y,
    }
}

/// Control point of the part of a quadratic curve between t0 and t1.
fn blossom(p0: Point, p1: Point, p2: Point, t0: f64, t1: f64) -> Point {
    let (a, b, c) = ((1.0 - t0) * (1.0 - t1), (1.0 - t0) * t1 + t0 * (1.0 - t1), t0 * t1);
    Point {
        x: a * p0.x + b * p1.x + c * p2.x,
        y: a * p0.y + b * p1.y + c * p2.y,
    }
}

/// The t in [lo, hi] where `test` turns from true to false (bisection;
/// `test(lo)` is assumed true).
fn boundary(test: impl Fn(f64) -> bool, lo: f64, hi: f64) -> f64 {
    if !test(lo) {
        return lo;
    }
    if test(hi) {
        return hi;
    }
    let (mut lo, mut hi) = (lo, hi);
    for _ in 0..30 {
        let mid = (lo + hi) / 2.0;
        if test(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

/// Standard base64 with padding (for the embedded font).
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(chunk.get(1).copied().unwrap_or(0)) << 8)
            | u32::from(chunk.get(2).copied().unwrap_or(0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn clipped_curve_keeps_its_shape() {
        let (p0, p1, p2) = (
            Point { x: 0.0, y: 0.0 },
            Point { x: 50.0, y: 80.0 },
            Point { x: 100.0, y: 0.0 },
        );
        let q1 = blossom(p0, p1, p2, 0.2, 0.7);
        let (q0, q2) = (bezier(p0, p1, p2, 0.2), bezier(p0, p1, p2, 0.7));
        // The sub-curve's midpoint is the original curve at t = 0.45.
        let mid = bezier(q0, q1, q2, 0.5);
        let want = bezier(p0, p1, p2, 0.45);
        assert!((mid.x - want.x).abs() < 1e-9 && (mid.y - want.y).abs() < 1e-9);
    }

    #[test]
    fn news_scene_has_no_overlapping_boxes_and_fits_a_screen() {
        let snapshot: crate::store::snapshot::GraphSnapshot =
            serde_json::from_str(include_str!("../../tests/golden/export_news_snapshot.json")).unwrap();
        let graph = FactGraph::from_snapshot(&snapshot, &Default::default());
        let scene = Scene::build(&graph, &PictureOptions::default()).unwrap();
        assert_eq!(scene.items.len(), graph.graph.node_count() + graph.graph.edge_count());
        let sizes: Vec<(f64, f64)> = scene.items.iter().map(|it| (it.width, it.height)).collect();
        assert!(!layout::has_overlap(&scene.centres, &sizes, 2.0), "labels overlap");
        let ratio = scene.width / scene.height;
        assert!((1.2..=2.2).contains(&ratio), "aspect {ratio}");
        assert!(scene.width <= 2400.0 * 1.5, "width {}", scene.width);
    }

    #[test]
    fn boundary_finds_the_switch() {
        let t = boundary(|t| t < 0.3, 0.0, 1.0);
        assert!((t - 0.3).abs() < 1e-6);
    }
}
