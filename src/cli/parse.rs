//! `trame parse`: annotate text files line by line and print CoNLL-U or JSON.
//!
//! Owns reading the inputs (files or stdin, UTF-8 checked with the byte
//! offset of the first bad byte), running the pipeline in parallel with
//! ordered output, and the two output formats. Every non-empty line is one
//! document passed as it is, exactly as `tools/spacy_conllu.py` does.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::Context;
use clap::{Args, ValueEnum};
use rayon::prelude::*;

use super::{output, GlobalArgs, UsageError};
use crate::nlp::conllu::{document_lines, write_doc};
use crate::nlp::{resolve_model, Doc, Pipeline};

/// Annotate French text: tokens, lemmas, POS, morphology, dependencies, entities.
///
/// Each non-empty line of each input is one document.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    trame parse article.txt                  CoNLL-U on stdout\n  \
    trame parse --format json a.txt b.txt    one JSON object per document\n  \
    echo 'Le chat dort.' | trame parse -     read stdin\n  \
    trame parse --model sm --threads 2 corpus/*.txt > out.conllu")]
pub struct ParseArgs {
    /// Text files to annotate (UTF-8); `-` reads standard input.
    #[arg(required = true, value_hint = clap::ValueHint::FilePath)]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
    pub format: ParseFormat,
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

pub fn run(args: &ParseArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    if args.files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(UsageError("`-` (standard input) can be given only once".into()).into());
    }
    let inputs = args
        .files
        .iter()
        .map(read_input)
        .collect::<anyhow::Result<Vec<_>>>()?;
    let load_start = Instant::now();
    let model_dir = resolve_model(&global.model)
        .with_context(|| format!("cannot find model `{}`", global.model))?;
    let pipeline = Pipeline::load(&model_dir)
        .with_context(|| format!("cannot load the model in {}", model_dir.display()))?;
    let load_secs = load_start.elapsed().as_secs_f64();
    let total: usize = inputs.iter().map(|i| document_lines(&i.text).len()).sum();
    let bar = output::progress(total as u64, "documents");
    let words = AtomicUsize::new(0);
    let parse_start = Instant::now();
    let rendered: Vec<String> = inputs
        .par_iter()
        .map(|input| {
            let docs: Vec<String> = document_lines(&input.text)
                .par_iter()
                .map(|&(line_no, line)| {
                    let doc = pipeline.annotate(line);
                    words.fetch_add(
                        doc.tokens.iter().filter(|t| !t.is_space).count(),
                        Ordering::Relaxed,
                    );
                    bar.inc(1);
                    render(args.format, &input.label, line_no, &doc)
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

fn read_input(path: &PathBuf) -> anyhow::Result<Input> {
    let (label, bytes) = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        ("-".to_string(), bytes)
    } else {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        (path.display().to_string(), bytes)
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Input { label, text }),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            anyhow::bail!("{label}: invalid UTF-8 at byte offset {offset}; convert the file to UTF-8 (e.g. `iconv -f latin1 -t utf-8`)")
        }
    }
}
