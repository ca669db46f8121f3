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
  trame export png --edge-color event -o events.png  arrows coloured by event type (PLOVER)
  trame export timeline --focus Zelensky -o zelensky.png   an entity's facts on a time axis
  trame export timeline --top 30 -o timeline.csv     the best-corroborated dated facts as CSV
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
    #[arg(
        long,
        value_name = "N",
        default_value_t = 1,
        requires = "focus",
        help_heading = "Picture selection (png, svg, dot)"
    )]
    pub depth: usize,

    /// Draw only the N highest-ranked entities [png/svg default: 40 on big graphs].
    #[arg(
        long,
        value_name = "N",
        value_parser = at_least_one,
        help_heading = "Picture selection (png, svg, dot)"
    )]
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

    /// Count literal values on their entity ("Macron · 12 values") and merge
    /// the arrows between two entities into one; the default for pictures of
    /// big stores drawn without --top or --focus.
    #[arg(
        long,
        conflicts_with = "detailed",
        help_heading = "Picture selection (png, svg, dot)"
    )]
    pub compact: bool,

    /// Draw every value and every kind of fact even on a big store (no
    /// automatic --compact).
    #[arg(long, help_heading = "Picture selection (png, svg, dot)")]
    pub detailed: bool,

    /// What to write on the arrows.
    #[arg(long, value_enum, default_value_t = EdgeLabelArg::Predicate, help_heading = "Picture look (png, svg, dot)")]
    pub edge_label: EdgeLabelArg,

    /// How arrows are coloured: plain grey, or by the facts' event type
    /// (PLOVER: AGREE … ASSAULT), with a legend.
    #[arg(long, value_enum, default_value_t = EdgeColorArg::Plain, help_heading = "Picture look (png, svg, dot)")]
    pub edge_color: EdgeColorArg,

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
    /// Facts on a time axis coloured by event type: SVG, PNG or CSV as -o's
    /// extension says (SVG on stdout); --focus NAME for one entity's facts,
    /// --top N for how many.
    Timeline,
}

impl ExportFormat {
    fn is_rdf(self) -> bool {
        matches!(
            self,
            ExportFormat::Ttl | ExportFormat::Nt | ExportFormat::Nq | ExportFormat::Jsonld
        )
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
            ExportFormat::Timeline => "timeline",
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
pub enum EdgeColorArg {
    /// Grey arrows; red dashed for negated facts.
    Plain,
    /// One colour per PLOVER event type; untyped facts stay grey.
    Event,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Renderer {
    Builtin,
    Graphviz,
    Auto,
}

/// A count of 1 or more (`--top`): 0 would draw nothing.
fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("must be 1 or more (0 would draw nothing)".to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{text}` is not a whole number; give a count of 1 or more")),
    }
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
        ExportFormat::Timeline => export_timeline(args, &snapshot),
        _ => export_drawing(args, &snapshot),
    }
}

/// Options that make no sense for the format are usage errors (exit 2),
/// not silently ignored.
fn check_usage(args: &ExportArgs) -> anyhow::Result<()> {
    let format = args.format.name();
    if args.output.is_none() && matches!(args.format, ExportFormat::Png | ExportFormat::Csv) {
        let what = if args.format == ExportFormat::Csv {
            "a folder"
        } else {
            "a file"
        };
        return Err(UsageError(format!("`trame export {format}` needs -o PATH ({what} to write)")).into());
    }
    let drawing_only = [
        ("--focus", args.focus.is_some()),
        ("--top", args.top.is_some()),
        ("--all-entities", args.all_entities),
        ("--no-literals", args.no_literals),
        ("--compact", args.compact),
        ("--detailed", args.detailed),
    ];
    if args.format == ExportFormat::Timeline {
        timeline_kind(args.output.as_deref())?;
        let graph_only = [
            ("--all-entities", args.all_entities),
            ("--no-literals", args.no_literals),
        ];
        if let Some((flag, _)) = graph_only.iter().find(|(_, given)| *given) {
            return Err(UsageError(format!(
                "{flag} applies to graph pictures (png, svg, dot), not to timeline"
            ))
            .into());
        }
    } else if !args.format.is_drawing() {
        if let Some((flag, _)) = drawing_only.iter().find(|(_, given)| *given) {
            return Err(UsageError(format!("{flag} applies to pictures (png, svg, dot), not to {format}")).into());
        }
    }
    if args.edge_color == EdgeColorArg::Event && !matches!(args.format, ExportFormat::Png | ExportFormat::Svg) {
        return Err(UsageError(format!("--edge-color applies to png and svg, not to {format}")).into());
    }
    for (flag, given) in [("--raw-cells", args.raw_cells), ("--excel", args.excel)] {
        if given && args.format != ExportFormat::Csv {
            return Err(UsageError(format!("{flag} applies to csv, not to {format}")).into());
        }
    }
    if args.no_embed_font && !matches!(args.format, ExportFormat::Svg | ExportFormat::Timeline) {
        return Err(UsageError(format!("--no-embed-font applies to svg, not to {format}")).into());
    }
    if args.format.is_rdf() {
        for (flag, given) in [
            ("--min-confidence", args.min_confidence.is_some()),
            ("--query", args.query.is_some()),
        ] {
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
    let options = exporter::csv::CsvOptions {
        raw: args.raw_cells,
        excel: args.excel,
    };
    let summary = exporter::csv::write_dump_with(snapshot, dir, options)?;
    output::info(&format!(
        "wrote {}: {} entities, {} relations, {} mentions, {} triples, {} documents, {} time expressions",
        crate::quote::path(&dir),
        summary.entities,
        summary.relations,
        summary.mentions,
        summary.triples,
        summary.documents,
        summary.timexes
    ));
    Ok(ExitCode::SUCCESS)
}

fn export_drawing(args: &ExportArgs, snapshot: &GraphSnapshot) -> anyhow::Result<ExitCode> {
    let mut options = GraphOptions {
        literals: !args.no_literals,
        compact: args.compact,
        isolated_entities: args.all_entities,
        edge_label: match args.edge_label {
            EdgeLabelArg::Predicate => EdgeLabel::Predicate,
            EdgeLabelArg::Lemma => EdgeLabel::Lemma,
            EdgeLabelArg::Both => EdgeLabel::Both,
        },
    };
    let mut full = FactGraph::from_snapshot(snapshot, &options);
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
        let detail = if args.detailed {
            ""
        } else {
            "; values counted on their entity and arrows between two entities merged (--detailed draws them all)"
        };
        output::info(&format!(
            "drawing the {DEFAULT_PICTURE_TOP} most connected of {} entities (choose with --top N, --focus NAME or --query){detail}",
            full.entity_count()
        ));
        selection.top = Some(DEFAULT_PICTURE_TOP);
        if !args.detailed && !options.compact {
            options.compact = true;
            full = FactGraph::from_snapshot(snapshot, &options);
        }
    }
    let graph = full.select(&selection)?;
    if graph.graph.node_count() == 0 {
        output::warn(
            "nothing to draw: no facts match (try --all-entities, a lower --min-confidence or another --focus)",
        );
    }
    let bytes = match args.format {
        ExportFormat::Dot => exporter::dot::to_dot(&graph).into_bytes(),
        _ => draw(args, &graph)?,
    };
    write_output(args.output.as_deref(), &bytes)?;
    if let Some(path) = &args.output {
        output::info(&format!(
            "wrote {}: {} entities, {} facts",
            crate::quote::path(&path),
            graph.entity_count(),
            graph.fact_count()
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// What `export timeline` writes, from -o's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TimelineKind {
    Svg,
    Png,
    Csv,
}

fn timeline_kind(output: Option<&Path>) -> anyhow::Result<TimelineKind> {
    let Some(path) = output else {
        return Ok(TimelineKind::Svg);
    };
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "svg" => Ok(TimelineKind::Svg),
        "png" => Ok(TimelineKind::Png),
        "csv" => Ok(TimelineKind::Csv),
        _ => Err(UsageError(format!(
            "`trame export timeline -o {}`: the file name must end in .svg, .png or .csv",
            crate::quote::path(&path)
        ))
        .into()),
    }
}

/// Timeline pictures are meant for a screen: this many facts by default.
const DEFAULT_TIMELINE_FACTS: usize = 40;

fn export_timeline(args: &ExportArgs, snapshot: &GraphSnapshot) -> anyhow::Result<ExitCode> {
    use crate::export::timeline::{self, TimelineOptions};
    let kind = timeline_kind(args.output.as_deref())?;
    let options = TimelineOptions {
        focus: args.focus.clone(),
        limit: args.top.unwrap_or(DEFAULT_TIMELINE_FACTS),
        embed_font: kind == TimelineKind::Svg && !args.no_embed_font,
    };
    let entries = timeline::entries(snapshot, &options)?;
    if entries.is_empty() {
        output::warn(
            "no dated facts to put on the timeline: facts need a time of their own or an article date              (give articles a date, e.g. `trame build --date YYYY-MM-DD`)",
        );
    }
    let bytes = match kind {
        TimelineKind::Csv => {
            let mut bytes = Vec::new();
            timeline::write_csv(&entries, &mut bytes).context("cannot write the timeline CSV")?;
            bytes
        }
        _ => {
            let title = match &args.focus {
                Some(name) => format!("Timeline: {name}"),
                None => "Timeline: best-corroborated facts".to_string(),
            };
            let picture = timeline::to_svg(&entries, &title, &options)?;
            if kind == TimelineKind::Png {
                render::svg_to_png(&picture.svg, MAX_PNG_WIDTH)?
            } else {
                picture.svg.into_bytes()
            }
        }
    };
    write_output(args.output.as_deref(), &bytes)?;
    if let Some(path) = &args.output {
        output::info(&format!(
            "wrote {}: {} facts on the timeline",
            crate::quote::path(&path),
            entries.len()
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
            let options = PictureOptions {
                seed: args.seed,
                embed_font: !png && !args.no_embed_font,
                event_colours: args.edge_color == EdgeColorArg::Event,
                ..Default::default()
            };
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
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read snapshot {}", crate::quote::path(&path)))?;
        let mut snapshot: GraphSnapshot = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a snapshot JSON", crate::quote::path(&path)))?;
        if let Some(min) = args.min_confidence {
            snapshot.relations.retain(|r| min.admits(r.confidence));
        }
        return Ok(snapshot);
    }
    let store = open_store(global, Access::Read)?;
    let options = crate::store::SnapshotOptions {
        min_confidence: args.min_confidence,
        construct: args.query.clone(),
    };
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
            output::info(&format!("wrote {}", crate::quote::path(&path)));
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            store.write_rdf(format, &mut out)?;
            out.flush().context("writing to stdout")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
