//! `trame export`: pictures, DOT, CSV tables and RDF files from the store.
//!
//! Checks the options, reads a [`GraphSnapshot`] (or, for RDF formats, asks
//! the store to serialise itself), hands it to [`crate::export`] and writes
//! the result to stdout or, atomically, to `-o`. The only file of the export
//! feature that talks to the store.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::shared::{open_store, Access};
use super::{output, GlobalArgs, UsageError};
use crate::export::render::{self, PictureOptions};
use crate::export::{self as exporter, EdgeLabel, FactGraph, GraphOptions, Rank, Selection};
use crate::facts::MinConfidence;
use crate::store::snapshot::GraphSnapshot;

/// Write the graph as a picture, Graphviz DOT, CSV tables or RDF.
///
/// Pictures (png, svg) and DOT show entities as shapes coloured by type
/// (person, organisation, place, other) and facts as labelled arrows. On a
/// big store choose what to draw with --focus/--depth, --top/--rank or
/// --query; without them, pictures show the most connected entities only.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  trame export png -o graph.png                      picture of the most connected entities
  trame export svg --focus Zelensky --depth 2 -o zelensky.svg
  trame export png --top 40 --rank pagerank -o top.png
  trame export dot --min-confidence 0.6 > graph.dot  for Graphviz: neato -Tpdf graph.dot
  trame export csv -o exports/csv                    entities, relations, mentions, triples
  trame export csv --excel -o dump                   for Excel: UTF-8 with a byte-order mark
  trame export ttl -o graph.ttl                      the whole store as Turtle
  trame export png --query 'CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }' -o q.png")]
pub struct ExportArgs {
    /// What to write.
    #[arg(value_enum)]
    pub format: ExportFormat,

    /// Output file, or folder for csv; stdout when absent (png and csv need it).
    #[arg(short, long, value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
    pub output: Option<PathBuf>,

    /// Leave out facts less confident than this (0 to 1).
    #[arg(long, value_name = "X")]
    pub min_confidence: Option<MinConfidence>,

    /// Export what this SPARQL CONSTRUCT query returns instead of the whole store.
    #[arg(long, value_name = "CONSTRUCT")]
    pub query: Option<String>,

    /// Draw only the neighbourhood of the entity with this name or alias.
    #[arg(long, value_name = "NAME", help_heading = "Picture selection (png, svg, dot)")]
    pub focus: Option<String>,

    /// How many facts away from --focus to go.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "focus", help_heading = "Picture selection (png, svg, dot)")]
    pub depth: usize,

    /// Draw only the N highest-ranked entities [png/svg default: 40 on big graphs].
    #[arg(long, value_name = "N", help_heading = "Picture selection (png, svg, dot)")]
    pub top: Option<usize>,

    /// How --top ranks entities.
    #[arg(long, value_enum, default_value_t = RankArg::Degree, help_heading = "Picture selection (png, svg, dot)")]
    pub rank: RankArg,

    /// Also draw entities that take part in no fact.
    #[arg(long, help_heading = "Picture selection (png, svg, dot)")]
    pub all_entities: bool,

    /// Leave out literal values (roles, dates, quotes): entities only.
    #[arg(long, help_heading = "Picture selection (png, svg, dot)")]
    pub no_literals: bool,

    /// What to write on the arrows.
    #[arg(long, value_enum, default_value_t = EdgeLabelArg::Predicate, help_heading = "Picture look (png, svg, dot)")]
    pub edge_label: EdgeLabelArg,

    /// Layout engine: builtin (same picture everywhere), graphviz (sfdp/neato
    /// on PATH), auto (graphviz when installed).
    #[arg(long, value_enum, default_value_t = Renderer::Builtin, help_heading = "Picture look (png, svg, dot)")]
    pub renderer: Renderer,

    /// Seed of the builtin layout: another seed, another arrangement.
    #[arg(long, default_value_t = 1, help_heading = "Picture look (png, svg, dot)")]
    pub seed: u64,

    /// Do not embed the font in SVG files (smaller, but looks different where DejaVu Sans is missing).
    #[arg(long, help_heading = "Picture look (png, svg, dot)")]
    pub no_embed_font: bool,

    /// Write cells that begin with = + - @ as they are. By default they get a
    /// leading ' so that a spreadsheet shows them instead of running them as
    /// formulas (CSV injection).
    #[arg(long, help_heading = "CSV (csv)")]
    pub raw_cells: bool,

    /// Begin each file with a UTF-8 byte-order mark, so that Excel reads
    /// accents right (Élysée, not Ã‰lysÃ©e).
    #[arg(long, help_heading = "CSV (csv)")]
    pub excel: bool,

    /// Read a snapshot (JSON) instead of the store; for tests and debugging.
    #[arg(long, value_name = "FILE", hide = true)]
    pub snapshot: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Graphviz DOT text.
    Dot,
    /// PNG picture (needs -o).
    Png,
    /// SVG picture.
    Svg,
    /// Folder of entities.csv, relations.csv, mentions.csv, triples.csv (needs -o).
    Csv,
    /// RDF Turtle (all graphs merged: Turtle cannot name graphs).
    Ttl,
    /// RDF N-Triples (all graphs merged).
    Nt,
    /// RDF N-Quads (every named graph).
    Nq,
    /// JSON-LD.
    Jsonld,
}

impl ExportFormat {
    fn is_rdf(self) -> bool {
        matches!(self, ExportFormat::Ttl | ExportFormat::Nt | ExportFormat::Nq | ExportFormat::Jsonld)
    }

    fn is_drawing(self) -> bool {
        matches!(self, ExportFormat::Dot | ExportFormat::Png | ExportFormat::Svg)
    }

    fn name(self) -> &'static str {
        match self {
            ExportFormat::Dot => "dot",
            ExportFormat::Png => "png",
            ExportFormat::Svg => "svg",
            ExportFormat::Csv => "csv",
            ExportFormat::Ttl => "ttl",
            ExportFormat::Nt => "nt",
            ExportFormat::Nq => "nq",
            ExportFormat::Jsonld => "jsonld",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankArg {
    /// Number of facts.
    Degree,
    /// PageRank over facts read both ways.
    Pagerank,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EdgeLabelArg {
    /// Ontology property, e.g. resumesAidTo.
    Predicate,
    /// French lemma, e.g. reprendre.
    Lemma,
    /// Both: resumesAidTo (reprendre).
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Renderer {
    Builtin,
    Graphviz,
    Auto,
}

/// Pictures drawn without --focus/--top keep this many entities at most:
/// beyond that, labels no longer fit a screen.
const DEFAULT_PICTURE_TOP: usize = 40;
/// Widest PNG written, in pixels.
const MAX_PNG_WIDTH: f64 = 2400.0;

pub fn run(args: &ExportArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    check_usage(args)?;
    if let Some(path) = &args.output {
        exporter::check_parent_folder(path)?;
    }
    if args.format.is_rdf() {
        return export_rdf(args, global);
    }
    let snapshot = load_snapshot(args, global)?;
    match args.format {
        ExportFormat::Csv => export_csv(args, &snapshot),
        _ => export_drawing(args, &snapshot),
    }
}

/// Options that make no sense for the format are usage errors (exit 2),
/// not silently ignored.
fn check_usage(args: &ExportArgs) -> anyhow::Result<()> {
    let format = args.format.name();
    if args.output.is_none() && matches!(args.format, ExportFormat::Png | ExportFormat::Csv) {
        let what = if args.format == ExportFormat::Csv { "a folder" } else { "a file" };
        return Err(UsageError(format!("`trame export {format}` needs -o PATH ({what} to write)")).into());
    }
    let drawing_only = [
        ("--focus", args.focus.is_some()),
        ("--top", args.top.is_some()),
        ("--all-entities", args.all_entities),
        ("--no-literals", args.no_literals),
    ];
    if !args.format.is_drawing() {
        if let Some((flag, _)) = drawing_only.iter().find(|(_, given)| *given) {
            return Err(UsageError(format!("{flag} applies to pictures (png, svg, dot), not to {format}")).into());
        }
    }
    for (flag, given) in [("--raw-cells", args.raw_cells), ("--excel", args.excel)] {
        if given && args.format != ExportFormat::Csv {
            return Err(UsageError(format!("{flag} applies to csv, not to {format}")).into());
        }
    }
    if args.no_embed_font && args.format != ExportFormat::Svg {
        return Err(UsageError(format!("--no-embed-font applies to svg, not to {format}")).into());
    }
    if args.format.is_rdf() {
        for (flag, given) in [("--min-confidence", args.min_confidence.is_some()), ("--query", args.query.is_some())] {
            if given {
                return Err(UsageError(format!(
                    "{flag} does not apply to {format}, which writes the whole store; \
                     use `trame query 'CONSTRUCT …'` to select triples"
                ))
                .into());
            }
        }
    }
    Ok(())
}

fn export_csv(args: &ExportArgs, snapshot: &GraphSnapshot) -> anyhow::Result<ExitCode> {
    let dir = args.output.as_deref().context("csv needs -o")?;
    let options = exporter::csv::CsvOptions { raw: args.raw_cells, excel: args.excel };
    let summary = exporter::csv::write_dump_with(snapshot, dir, options)?;
    output::info(&format!(
        "wrote {}: {} entities, {} relations, {} mentions, {} triples",
        dir.display(),
        summary.entities,
        summary.relations,
        summary.mentions,
        summary.triples
    ));
    Ok(ExitCode::SUCCESS)
}

fn export_drawing(args: &ExportArgs, snapshot: &GraphSnapshot) -> anyhow::Result<ExitCode> {
    let options = GraphOptions {
        literals: !args.no_literals,
        isolated_entities: args.all_entities,
        edge_label: match args.edge_label {
            EdgeLabelArg::Predicate => EdgeLabel::Predicate,
            EdgeLabelArg::Lemma => EdgeLabel::Lemma,
            EdgeLabelArg::Both => EdgeLabel::Both,
        },
    };
    let full = FactGraph::from_snapshot(snapshot, &options);
    let mut selection = Selection {
        focus: args.focus.clone(),
        depth: args.depth,
        top: args.top,
        rank: match args.rank {
            RankArg::Degree => Rank::Degree,
            RankArg::Pagerank => Rank::PageRank,
        },
    };
    let picture = args.format != ExportFormat::Dot;
    if picture && selection.top.is_none() && selection.focus.is_none() && full.entity_count() > DEFAULT_PICTURE_TOP {
        output::info(&format!(
            "drawing the {DEFAULT_PICTURE_TOP} most connected of {} entities (choose with --top N, --focus NAME or --query)",
            full.entity_count()
        ));
        selection.top = Some(DEFAULT_PICTURE_TOP);
    }
    let graph = full.select(&selection)?;
    if graph.graph.node_count() == 0 {
        output::warn("nothing to draw: no facts match (try --all-entities, a lower --min-confidence or another --focus)");
    }
    let bytes = match args.format {
        ExportFormat::Dot => exporter::dot::to_dot(&graph).into_bytes(),
        _ => draw(args, &graph)?,
    };
    write_output(args.output.as_deref(), &bytes)?;
    if let Some(path) = &args.output {
        output::info(&format!(
            "wrote {}: {} entities, {} facts",
            path.display(),
            graph.entity_count(),
            graph.fact_count()
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// SVG or PNG bytes from the chosen renderer.
fn draw(args: &ExportArgs, graph: &FactGraph) -> anyhow::Result<Vec<u8>> {
    let png = args.format == ExportFormat::Png;
    let tool = match args.renderer {
        Renderer::Builtin => None,
        Renderer::Auto => render::graphviz_tool(graph),
        Renderer::Graphviz => Some(render::graphviz_tool(graph).ok_or_else(|| {
            UsageError("--renderer graphviz needs Graphviz's neato or sfdp on PATH (or use --renderer builtin)".into())
        })?),
    };
    let svg = match tool {
        Some(tool) => render::graphviz_svg(&exporter::dot::to_dot(graph), &tool)?,
        None => {
            let options = PictureOptions { seed: args.seed, embed_font: !png && !args.no_embed_font, ..Default::default() };
            let picture = render::draw_svg(graph, &options)?;
            if png && picture.png_scale(MAX_PNG_WIDTH) < 0.6 {
                output::warn(&format!(
                    "the picture is {:.0} px wide and is shrunk to {MAX_PNG_WIDTH} px: labels will be small; \
                     draw fewer entities (--top, --focus) or use svg",
                    picture.width
                ));
            }
            picture.svg
        }
    };
    if png {
        Ok(render::svg_to_png(&svg, MAX_PNG_WIDTH)?)
    } else {
        Ok(svg.into_bytes())
    }
}

/// To `path` atomically, or to stdout.
fn write_output(path: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match path {
        Some(path) => Ok(exporter::write_file_atomically(path, bytes)?),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(bytes).context("writing to stdout")?;
            stdout.flush().context("writing to stdout")?;
            Ok(())
        }
    }
}

fn load_snapshot(args: &ExportArgs, global: &GlobalArgs) -> anyhow::Result<GraphSnapshot> {
    if let Some(path) = &args.snapshot {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read snapshot {}", path.display()))?;
        let mut snapshot: GraphSnapshot =
            serde_json::from_str(&text).with_context(|| format!("{} is not a snapshot JSON", path.display()))?;
        if let Some(min) = args.min_confidence {
            snapshot.relations.retain(|r| min.admits(r.confidence));
        }
        return Ok(snapshot);
    }
    let store = open_store(global, Access::Read)?;
    let options = crate::store::SnapshotOptions { min_confidence: args.min_confidence, construct: args.query.clone() };
    Ok(store.snapshot(&options)?)
}

fn export_rdf(args: &ExportArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    use crate::store::RdfFormat;
    let format = match args.format {
        ExportFormat::Ttl => RdfFormat::Turtle,
        ExportFormat::Nt => RdfFormat::NTriples,
        ExportFormat::Nq => RdfFormat::NQuads,
        _ => RdfFormat::JsonLd,
    };
    let store = open_store(global, Access::Read)?;
    match args.output.as_deref() {
        Some(path) => {
            // Whole file in memory so that it can be renamed into place.
            let mut bytes = Vec::new();
            store.write_rdf(format, &mut bytes)?;
            exporter::write_file_atomically(path, &bytes)?;
            output::info(&format!("wrote {}", path.display()));
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            store.write_rdf(format, &mut out)?;
            out.flush().context("writing to stdout")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
