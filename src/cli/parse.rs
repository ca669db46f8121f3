//! `trame parse`: annotate text files line by line and print CoNLL-U or JSON.
//!
//! Owns running the pipeline over the inputs (read by the input stage:
//! files or stdin, UTF-8 checked) in parallel with
//! ordered output, and the two output formats. Every non-empty line is one
//! document passed as it is, exactly as `tools/spacy_conllu.py` does.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use clap::{Args, ValueEnum};
use rayon::prelude::*;

use super::shared::load_pipeline;
use super::{output, GlobalArgs, UsageError};
use crate::input::{self, InputSource};
use crate::nlp::conllu::{document_lines, write_doc};
use crate::nlp::Doc;

/// Annotate French text: tokens, lemmas, POS, morphology, dependencies, entities.
///
/// Each non-empty line of each input is one document.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    trame parse article.txt                  CoNLL-U on stdout\n  \
    trame parse --format json a.txt b.txt    one JSON object per document\n  \
    echo 'Le chat dort.' | trame parse -     read stdin\n  \
    trame parse --repaired article.txt       the parse trame's fact rules read\n  \
    trame parse --model sm --threads 2 corpus/*.txt > out.conllu")]
pub struct ParseArgs {
    /// Text files to annotate (UTF-8); `-` reads standard input.
    #[arg(required = true, value_hint = clap::ValueHint::FilePath)]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
    pub format: ParseFormat,
    /// Print the parse trame's fact rules read: the models' parse with
    /// every parse repair applied (`src/extract/repair`), no longer
    /// spaCy's output. Sentences the models cut are joined again; only
    /// heads, relations and sentence starts change, never tokens.
    #[arg(long)]
    pub repaired: bool,
}

/// How `trame parse` prints documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// CoNLL-U, identical to spaCy's reference script.
    Conllu,
    /// One JSON object per line: source, line number and the document.
    Json,
}

/// One input, read and checked.
struct Input {
    label: String,
    text: String,
}

/// Documents annotated together; small enough to keep every core busy.
const PARSE_BATCH: usize = 16;

pub fn run(args: &ParseArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    if args.files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(UsageError("`-` (standard input) can be given only once".into()).into());
    }
    let inputs = args
        .files
        .iter()
        .map(|file| read_input(file))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let load_start = Instant::now();
    let pipeline = load_pipeline(&global.model)?;
    let load_secs = load_start.elapsed().as_secs_f64();
    let total: usize = inputs.iter().map(|i| document_lines(&i.text).len()).sum();
    let bar = output::progress(total as u64, "documents");
    let words = AtomicUsize::new(0);
    let parse_start = Instant::now();
    let rendered: Vec<String> = inputs
        .par_iter()
        .map(|input| {
            // Lines go to the models in small batches: the batch shares its
            // matrix products, and many batches still spread over every core.
            let lines = document_lines(&input.text);
            let docs: Vec<String> = lines
                .par_chunks(PARSE_BATCH)
                .flat_map_iter(|chunk| {
                    let texts: Vec<&str> = chunk.iter().map(|&(_, line)| line).collect();
                    let mut docs = pipeline.annotate_batch(&texts);
                    if args.repaired {
                        docs = crate::extract::repair::for_rules(&docs);
                    }
                    chunk
                        .iter()
                        .zip(docs)
                        .map(|(&(line_no, _), doc)| {
                            words.fetch_add(doc.tokens.iter().filter(|t| !t.is_space).count(), Ordering::Relaxed);
                            bar.inc(1);
                            render(args.format, &input.label, line_no, &doc)
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            docs.concat()
        })
        .collect();
    let parse_secs = parse_start.elapsed().as_secs_f64();
    bar.finish_and_clear();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for chunk in rendered {
        out.write_all(chunk.as_bytes())?;
    }
    out.flush()?;
    let words = words.into_inner();
    // The figures `benches/vs_spacy.sh` reads; whitespace tokens are not counted, as in bench_spacy.py.
    output::info(&format!(
        "parsed {total} documents from {} input(s): tokens={words} load_s={load_secs:.2} parse_s={parse_secs:.2} tokens_per_s={:.0}",
        inputs.len(),
        words as f64 / parse_secs.max(1e-9)
    ));
    Ok(ExitCode::SUCCESS)
}

fn render(format: ParseFormat, source: &str, line_no: usize, doc: &Doc) -> String {
    match format {
        ParseFormat::Conllu => {
            let mut s = String::new();
            write_doc(&mut s, &line_no.to_string(), doc);
            s
        }
        ParseFormat::Json => {
            let value = serde_json::json!({ "source": source, "line": line_no, "doc": doc });
            format!("{value}\n")
        }
    }
}

/// Reads one input through the input stage's reader (UTF-8 checked, the
/// first bad byte and its line named).
fn read_input(path: &Path) -> anyhow::Result<Input> {
    let source = if path.as_os_str() == "-" {
        InputSource::Stdin
    } else {
        InputSource::File(path.to_path_buf())
    };
    let text = input::read_input(&source)?;
    Ok(Input {
        label: source.name(),
        text,
    })
}
