//! `trame build`: read articles, annotate them, extract facts, store them.
//!
//! Owns the build driver: finding and preparing inputs (through
//! [`crate::input`]), keeping the documents of this worker's shard
//! ([`super::shard`]), running the language pipeline over paragraphs in
//! parallel, extracting each document from its own text alone (so its
//! graph depends on nothing else: not the order, the thread count, the
//! store's history or the shard), writing one document at a time, merging
//! entities across documents once at the end ([`super::merge`]), and
//! reporting progress, skips and a summary on stderr. It never looks inside
//! the model, the rules or RDF: those sit behind the [`Annotate`],
//! [`Extract`] and [`Sink`] traits, wired in [`engine`].

use std::collections::HashSet;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use indicatif::ProgressBar;
use rayon::prelude::*;

use super::shard::{self, Shard};
use super::{output, GlobalArgs, EXIT_FAILURE};
use crate::facts::{self, MinConfidence};
use crate::input::{self, InputError, InputSource, PreparedText};
use crate::nlp;

/// Read French articles into the store: entities, facts and their sources.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    trame build seeds/                          every .txt and .md under seeds/\n  \
    trame build a.txt b.txt --store news.db     two articles into news.db\n  \
    cat article.txt | trame build -             from standard input\n  \
    trame build seeds/ --dry-run                print the facts, store nothing\n  \
    trame build corpus/ --threads 2 --min-confidence 0.5\n  \
    trame build corpus/ --shard 2/4             the documents of shard 2 of 0..3\n  \
    trame build corpus/ --shard 2/4 --out dump/ dump/shard-2-of-4.nq.gz for a bulk loader\n  \
    trame build corpus/ --shard 2/4 --push http://127.0.0.1:7878/store\n  \
    JOB_COMPLETION_INDEX=2 trame build corpus/ --shards 4   the same, in a Kubernetes Indexed Job\n  \
    trame build seeds/ --date 2025-03-11        articles dated 11 March 2025")]
pub struct BuildArgs {
    /// Articles: files, folders (every .txt and .md under them, recursively), or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Print the facts (subject | predicate | object | confidence | sentence) instead of storing them.
    #[arg(long)]
    pub dry_run: bool,
    /// Leave out facts whose confidence is below this (0 to 1).
    #[arg(long, value_name = "C", default_value_t)]
    pub min_confidence: MinConfidence,
    /// Build only shard K of N (K from 0 to N-1): the documents whose content hash (SHA-256) falls in it.
    /// Without it, a Slurm job array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT) gives K and N.
    #[arg(long, value_name = "K/N", conflicts_with = "shards")]
    pub shard: Option<Shard>,
    /// Split the input into N shards and build the one the job engine names:
    /// JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID.
    #[arg(long, value_name = "N")]
    pub shards: Option<u64>,
    /// Write the documents' graphs to DIR/shard-K-of-N.nq.gz (gzip N-Quads, for a store's bulk
    /// loader; shard 0's file also holds the ontology) instead of the store.
    #[arg(long, value_name = "DIR", conflicts_with = "dry_run")]
    pub out: Option<std::path::PathBuf>,
    /// Send each document's graph to a remote store's SPARQL Graph Store endpoint instead of the
    /// local store (Oxigraph: http://HOST:7878/store); then run `trame merge --push URL` once.
    #[arg(long, value_name = "URL", conflicts_with_all = ["dry_run", "out"])]
    pub push: Option<String>,
    #[command(flatten)]
    pub remote: super::push::Remote,
    /// The articles' date (YYYY-MM-DD), for relative expressions such as «hier»; without it each
    /// article's date is read from its dateline, front matter or file name.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<crate::extract::timex::Date>,
}

/// `--date`: an existing calendar day written YYYY-MM-DD.
fn parse_date(text: &str) -> Result<crate::extract::timex::Date, String> {
    crate::extract::timex::Date::parse_iso(text).ok_or_else(|| {
        format!("{text:?} is not a date written YYYY-MM-DD (e.g. 2025-03-11), or that day does not exist")
    })
}

/// Annotates one paragraph (the language pipeline).
pub trait Annotate: Sync {
    fn annotate(&self, text: &str) -> nlp::Doc;
}

/// Turns a prepared text and its annotated paragraphs into a document.
pub trait Extract: Sync {
    fn extract(&self, prepared: &PreparedText, docs: &[nlp::Doc]) -> facts::Document;
}

/// Where built documents go: the store, or stdout for `--dry-run`.
pub trait Sink {
    /// Writes one document; an error here stops the build.
    fn put(&mut self, document: &facts::Document) -> anyhow::Result<()>;
    /// Called once after the last document: merge entities across
    /// documents, flush. Returns a line for the summary, if any.
    fn finish(&mut self) -> anyhow::Result<Option<String>>;
}

/// A document that was not built, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skip {
    pub source: String,
    pub reason: String,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct Report {
    pub built: usize,
    /// Distinct entities (label and type) in the documents built.
    pub entities: usize,
    pub facts: usize,
    /// Documents built without a known date.
    pub undated: usize,
    pub skipped: Vec<Skip>,
    /// Paths named on the command line that are not there or could not be
    /// read: among `skipped`, and a failure even when others built.
    pub unreadable: usize,
    /// Documents left to the other shards.
    pub other_shards: usize,
    pub elapsed: Duration,
}

impl Report {
    /// 1 when an input named on the command line could not be read (the
    /// others are still built, as a script must learn of the missing one) or
    /// when every input failed; 0 otherwise (a document skipped for its
    /// content, such as a text with no clause, is no failure while others
    /// built).
    pub fn exit_code(&self) -> ExitCode {
        if self.unreadable > 0 || (self.built == 0 && !self.skipped.is_empty()) {
            ExitCode::from(EXIT_FAILURE)
        } else {
            ExitCode::SUCCESS
        }
    }

    /// The one-line summary printed at the end.
    pub fn summary(&self) -> String {
        let seconds = self.elapsed.as_secs_f64();
        let others = if self.other_shards > 0 {
            format!(", {} left to other shards", self.other_shards)
        } else {
            String::new()
        };
        let undated = match self.undated {
            0 => String::new(),
            n => format!("; {n} without a date (give one with --date)"),
        };
        format!(
            "built {} {} ({} skipped{others}): {} entities, {} facts in {:.1} s{undated}",
            self.built,
            plural(self.built, "document", "documents"),
            self.skipped.len(),
            self.entities,
            self.facts,
            seconds
        )
    }
}

/// Knobs of [`build_all`].
#[derive(Debug, Clone)]
pub struct Options {
    pub min_confidence: MinConfidence,
    /// How many documents are annotated together before being extracted and written.
    pub batch: usize,
    /// The part of the input this worker builds (`0/1`: all of it).
    pub shard: Shard,
}

pub fn run(args: &BuildArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let shard = shard::resolve(args.shard, args.shards, &|name| std::env::var(name).ok())?;
    if let Some(origin) = &shard.origin {
        output::info(&format!("building shard {} ({origin})", shard.shard));
    }
    // A remote store that is down or refuses us stops the build before any work.
    let push = match &args.push {
        Some(url) => {
            let url = crate::push::check_url(url)?;
            let client = std::sync::Arc::new(args.remote.client()?);
            super::push::push_ontology(&client, &url)?;
            Some((url, client))
        }
        None => None,
    };
    let (inputs, errors) = input::expand_inputs(&args.paths);
    // A path named on the command line that is not there or cannot be
    // read fails the build; what a folder walk skips (a link loop) does not.
    let missing = errors
        .iter()
        .filter(|e| matches!(e, input::InputError::NotFound { .. } | input::InputError::Io { .. }))
        .count();
    let unreadable: Vec<Skip> = errors.iter().map(skip_of).collect();
    unreadable.iter().for_each(warn_skip);
    if inputs.is_empty() {
        // Nothing to read: say so without loading the model.
        return Ok(finish(Report {
            unreadable: missing,
            skipped: unreadable,
            ..Report::default()
        }));
    }
    let options = Options {
        min_confidence: args.min_confidence,
        batch: (rayon::current_num_threads() * 2).max(4),
        shard: shard.shard,
    };

    let annotator = engine::annotator(&global.model)?;
    let extractor = engine::extractor(args.date)?;
    let bar = output::progress(inputs.len() as u64, "documents");
    let mut sink: Box<dyn Sink> = if args.dry_run {
        Box::new(PrintSink::new(std::io::stdout().lock()))
    } else if let Some(dir) = &args.out {
        engine::dump_sink(dir, shard.shard)?
    } else if let Some((url, client)) = push {
        engine::push_sink(url, client, args.remote.in_flight)
    } else {
        engine::store_sink(&global.store)?
    };
    let mut report = build_all(
        &inputs,
        annotator.as_ref(),
        extractor.as_ref(),
        sink.as_mut(),
        &options,
        &bar,
    )?;
    bar.finish_and_clear();
    if let Some(line) = sink.finish()? {
        output::info(&line);
    }
    report.unreadable = missing;
    let mut skipped = unreadable;
    skipped.append(&mut report.skipped);
    report.skipped = skipped;
    Ok(finish(report))
}

/// Prints the summary (unless quiet) and gives the exit code.
fn finish(report: Report) -> ExitCode {
    output::info(&report.summary());
    report.exit_code()
}

/// A skipped document is worth a warning, even with `--quiet`.
fn warn_skip(skip: &Skip) {
    output::warn(&format!("skipped {}: {}", skip.source, skip.reason));
}

/// Builds every input: prepares and annotates a batch in parallel, then
/// extracts and writes its documents in input order. Bad documents are
/// skipped with a reason; only a failing sink stops the build.
pub fn build_all(
    inputs: &[InputSource],
    annotator: &dyn Annotate,
    extractor: &dyn Extract,
    sink: &mut dyn Sink,
    options: &Options,
    bar: &ProgressBar,
) -> anyhow::Result<Report> {
    let started = Instant::now();
    let mut report = Report::default();
    let mut seen = HashSet::new();
    for batch in inputs.chunks(options.batch.max(1)) {
        let annotated: Vec<Result<Option<Annotated>, Skip>> = batch
            .par_iter()
            .map(|input| prepare_and_annotate(input, annotator, options.shard))
            .collect();
        for result in annotated {
            match result.and_then(|annotated| annotated.map(|a| extract(a, extractor, options)).transpose()) {
                Ok(None) => report.other_shards += 1,
                Ok(Some(document)) => {
                    sink.put(&document)
                        .with_context(|| format!("while storing {}", document.source))?;
                    report.built += 1;
                    report.facts += document.facts.len();
                    match &document.date {
                        None => report.undated += 1,
                        Some(facts::DocumentDate { note: Some(note), .. }) => {
                            bar.suspend(|| output::warn(&format!("{}: {note}", document.source)))
                        }
                        Some(_) => {}
                    }
                    for entity in &document.entities {
                        seen.insert((entity.label.clone(), entity.kind));
                    }
                }
                Err(skip) => {
                    bar.suspend(|| warn_skip(&skip));
                    report.skipped.push(skip);
                }
            }
            bar.inc(1);
        }
    }
    report.entities = seen.len();
    report.elapsed = started.elapsed();
    Ok(report)
}

/// A prepared text with one annotated `nlp::Doc` per paragraph.
struct Annotated {
    prepared: PreparedText,
    docs: Vec<nlp::Doc>,
}

/// Reads and annotates one input; `None` when it belongs to another shard
/// (decided from its content hash before the costly annotation).
fn prepare_and_annotate(
    input: &InputSource,
    annotator: &dyn Annotate,
    shard: Shard,
) -> Result<Option<Annotated>, Skip> {
    let prepared = input::load(input).map_err(|error| skip_of(&error))?;
    if !shard.holds(&crate::extract::content_hash(&prepared.original)) {
        return Ok(None);
    }
    let source = prepared.source.clone();
    // A panic in the pipeline is a bug, but it must cost one document, not the build.
    let docs = catch_unwind(AssertUnwindSafe(|| {
        prepared
            .paragraphs
            .par_iter()
            .map(|p| annotator.annotate(&p.text))
            .collect::<Vec<_>>()
    }))
    .map_err(|panic| Skip {
        source: source.clone(),
        reason: internal_error("annotating", &*panic),
    })?;
    if !docs.iter().any(has_clause) {
        return Err(Skip {
            source,
            reason: "no sentence the parser could read as a clause (no verb found)".into(),
        });
    }
    Ok(Some(Annotated { prepared, docs }))
}

fn extract(annotated: Annotated, extractor: &dyn Extract, options: &Options) -> Result<facts::Document, Skip> {
    let Annotated { prepared, docs } = annotated;
    let mut document =
        catch_unwind(AssertUnwindSafe(|| extractor.extract(&prepared, &docs))).map_err(|panic| Skip {
            source: prepared.source.clone(),
            reason: internal_error("extracting facts", &*panic),
        })?;
    document
        .facts
        .retain(|fact| options.min_confidence.admits(fact.confidence));
    Ok(document)
}

/// Whether a paragraph has a sentence with a verb: text the parser read as prose.
fn has_clause(doc: &nlp::Doc) -> bool {
    doc.tokens.iter().any(|t| t.pos == "VERB" || t.pos == "AUX")
}

fn internal_error(stage: &str, panic: &(dyn std::any::Any + Send)) -> String {
    let message = crate::quote::panic(panic);
    format!("internal error while {stage} ({message}); this is a bug in trame, please report it with the file")
}

fn skip_of(error: &InputError) -> Skip {
    let source = match error {
        InputError::NotFound { path }
        | InputError::Io { path, .. }
        | InputError::InvalidUtf8 { path, .. }
        | InputError::EmptyFolder { path }
        | InputError::SymlinkCycle { path, .. }
        | InputError::Empty { path }
        | InputError::NotFrench { path, .. } => path.clone(),
    };
    // The message already starts with the path; keep only the reason.
    let message = error.to_string();
    let reason = message
        .strip_prefix(&format!("{source}: "))
        .map(str::to_string)
        .unwrap_or(message);
    Skip { source, reason }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// `--dry-run`: facts as text on stdout, nothing stored.
pub struct PrintSink<W: Write> {
    out: W,
    header: bool,
}

impl<W: Write> PrintSink<W> {
    pub fn new(out: W) -> Self {
        PrintSink { out, header: false }
    }
}

impl<W: Write> Sink for PrintSink<W> {
    fn finish(&mut self) -> anyhow::Result<Option<String>> {
        self.out.flush()?;
        Ok(None)
    }

    fn put(&mut self, document: &facts::Document) -> anyhow::Result<()> {
        if !self.header {
            writeln!(
                self.out,
                "subject | predicate | object | confidence | status | sentence"
            )?;
            self.header = true;
        }
        writeln!(self.out, "# {}", document.source)?;
        for line in fact_lines(document) {
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }
}

/// One line per fact: subject | predicate | object | confidence | status |
/// sentence, where status is `asserted`, or what keeps the fact from being
/// a plain assertion: `negated`, `hypothetical`, `reported` (`reported by
/// X` when the text names the source), joined with `; `.
pub fn fact_lines(document: &facts::Document) -> Vec<String> {
    document
        .facts
        .iter()
        .map(|fact| {
            let object = document.object_text(&fact.object);
            let sentence = document.sentences.get(fact.sentence).map_or("", |s| s.text.as_str());
            [
                document.node_label(fact.subject),
                &fact.predicate,
                object,
                &format!("{:.2}", fact.confidence),
                &status(document, fact),
                sentence,
            ]
            .map(one_line)
            .join(" | ")
        })
        .collect()
}

/// What keeps a fact from being a plain assertion, in words (see [`fact_lines`]).
fn status(document: &facts::Document, fact: &facts::Fact) -> String {
    let mut words = Vec::new();
    if fact.negated {
        words.push("negated".to_string());
    }
    if fact.hypothetical {
        words.push("hypothetical".to_string());
    }
    if fact.reported {
        words.push(match fact.reported_by {
            Some(source) => format!("reported by {}", document.node_label(source)),
            None => "reported".to_string(),
        });
    }
    if words.is_empty() {
        "asserted".to_string()
    } else {
        words.join("; ")
    }
}

/// A field on one line, its own separators made harmless.
fn one_line(field: &str) -> String {
    field
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" | ", " / ")
}

/// The only place `build` touches the model, the rules and the store: the
/// real implementations of [`Annotate`], [`Extract`] and [`Sink`].
pub mod engine {
    use super::*;
    use crate::store::graphs::{self, NQuadsDump};

    /// Loads the model named by `--model` once (installing the default model on first use).
    pub fn annotator(model: &str) -> anyhow::Result<Box<dyn Annotate>> {
        Ok(Box::new(PipelineAnnotator(crate::cli::shared::load_pipeline(model)?)))
    }

    struct PipelineAnnotator(crate::nlp::Pipeline);

    impl Annotate for PipelineAnnotator {
        fn annotate(&self, text: &str) -> nlp::Doc {
            self.0.annotate(text)
        }
    }

    /// The rule-based extractor; `date` is the `--date` value.
    pub fn extractor(date: Option<crate::extract::timex::Date>) -> anyhow::Result<Box<dyn Extract>> {
        Ok(Box::new(RuleExtractor(date)))
    }

    struct RuleExtractor(Option<crate::extract::timex::Date>);

    impl Extract for RuleExtractor {
        fn extract(&self, prepared: &PreparedText, docs: &[nlp::Doc]) -> facts::Document {
            crate::extract::extract_document_dated(prepared, docs, self.0)
        }
    }

    /// Opens (or creates) the store at `path` for writing.
    pub fn store_sink(path: &Path) -> anyhow::Result<Box<dyn Sink>> {
        let store = crate::cli::shared::open_store_at(path, crate::cli::shared::Access::Write)?;
        Ok(Box::new(StoreSink(store)))
    }

    /// `--out DIR`: one gzip N-Quads file for this shard.
    pub fn dump_sink(dir: &Path, shard: Shard) -> anyhow::Result<Box<dyn Sink>> {
        let path = dir.join(format!("shard-{}-of-{}.nq.gz", shard.index, shard.count));
        let mut dump = NQuadsDump::create(&path).with_context(|| format!("creating {}", crate::quote::path(&path)))?;
        if shard.index == 0 {
            dump.add(&graphs::ontology()?)?;
        }
        Ok(Box::new(DumpSink { dump: Some(dump), path }))
    }

    struct DumpSink {
        dump: Option<NQuadsDump>,
        path: std::path::PathBuf,
    }

    impl Sink for DumpSink {
        fn put(&mut self, document: &facts::Document) -> anyhow::Result<()> {
            if let Some(dump) = &mut self.dump {
                dump.add(&graphs::document(document)?)?;
            }
            Ok(())
        }

        fn finish(&mut self) -> anyhow::Result<Option<String>> {
            let Some(dump) = self.dump.take() else { return Ok(None) };
            let quads = dump.finish()?;
            Ok(Some(format!(
                "wrote {quads} quads to {}",
                crate::quote::path(&self.path)
            )))
        }
    }

    /// `--push URL`: each document's graph PUT to the remote store, a
    /// bounded number at a time; graphs not pushed make `finish` fail.
    pub fn push_sink(url: String, client: std::sync::Arc<crate::push::Client>, in_flight: usize) -> Box<dyn Sink> {
        let queue = crate::push::Queue::start(client, url.clone(), in_flight, std::sync::Arc::new(|| {}));
        Box::new(PushSink {
            queue: Some(queue),
            url,
            started: Instant::now(),
        })
    }

    struct PushSink {
        queue: Option<crate::push::Queue>,
        url: String,
        started: Instant,
    }

    impl Sink for PushSink {
        fn put(&mut self, document: &facts::Document) -> anyhow::Result<()> {
            let graph = graphs::document(document)?;
            if let Some(queue) = &self.queue {
                queue.send(crate::push::Job {
                    ntriples: graph.to_ntriples(),
                    graph: graph.iri,
                    name: document.source.clone(),
                });
            }
            Ok(())
        }

        fn finish(&mut self) -> anyhow::Result<Option<String>> {
            let Some(queue) = self.queue.take() else {
                return Ok(None);
            };
            let outcome = queue.finish();
            super::super::push::report(&outcome, &self.url, self.started.elapsed())?;
            Ok(None)
        }
    }

    struct StoreSink(crate::store::Store);

    impl Sink for StoreSink {
        fn put(&mut self, document: &facts::Document) -> anyhow::Result<()> {
            self.0.put_document(document)?;
            Ok(())
        }

        fn finish(&mut self) -> anyhow::Result<Option<String>> {
            let summary = super::super::merge::refresh(&self.0)?;
            self.0.flush()?;
            Ok(Some(summary.line()))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::facts::{Document, Entity, EntityKind, Fact, Literal, LiteralKind, Sentence};
    use crate::nlp::{EntIob, Token};

    /// Splits on spaces; words ending in "é" or "a" are verbs. Panics on "PANIQUE".
    struct FakeAnnotator {
        calls: AtomicUsize,
    }

    impl Annotate for FakeAnnotator {
        fn annotate(&self, text: &str) -> nlp::Doc {
            self.calls.fetch_add(1, Ordering::Relaxed);
            assert!(!text.contains("PANIQUE"), "fake pipeline bug");
            let mut tokens = Vec::new();
            let mut start = 0;
            for word in text.split(' ') {
                let verb = word.ends_with('é') || word == "a";
                tokens.push(Token {
                    text: word.to_string(),
                    start,
                    space_after: true,
                    is_space: false,
                    lemma: word.to_lowercase(),
                    pos: if verb { "VERB" } else { "X" }.to_string(),
                    tag: String::new(),
                    morph: String::new(),
                    head: 0,
                    dep: "dep".to_string(),
                    sent_start: tokens.is_empty(),
                    ent_iob: EntIob::O,
                    ent_type: String::new(),
                });
                start += word.chars().count() + 1;
            }
            nlp::Doc {
                text: text.to_string(),
                tokens,
                entities: Vec::new(),
            }
        }
    }

    /// Capitalised words are PER entities; each paragraph's first two give a fact
    /// of confidence 0.9 (0.3 when the paragraph mentions "peut-être").
    #[derive(Default)]
    struct FakeExtractor;

    impl Extract for FakeExtractor {
        fn extract(&self, prepared: &PreparedText, docs: &[nlp::Doc]) -> Document {
            let mut entities: Vec<Entity> = Vec::new();
            let mut facts = Vec::new();
            let mut sentences = Vec::new();
            for (paragraph, doc) in prepared.paragraphs.iter().zip(docs) {
                let names: Vec<usize> = doc
                    .tokens
                    .iter()
                    .filter(|t| t.text.starts_with(char::is_uppercase))
                    .map(|t| match entities.iter().position(|e| e.label == t.text) {
                        Some(i) => i,
                        None => {
                            entities.push(Entity {
                                label: t.text.clone(),
                                kind: EntityKind::Person,
                                aliases: vec![],
                            });
                            entities.len() - 1
                        }
                    })
                    .collect();
                sentences.push(Sentence {
                    start: paragraph.offsets[0],
                    end: *paragraph.offsets.last().unwrap(),
                    text: paragraph.text.clone(),
                });
                if let [subject, object, ..] = names[..] {
                    facts.push(Fact {
                        subject: facts::Node::Entity(subject),
                        predicate: "knows".into(),
                        lemma: "connaître".into(),
                        object: facts::Object::Entity(object),
                        arguments: vec![],
                        sentence: sentences.len() - 1,
                        start: paragraph.offsets[0],
                        end: *paragraph.offsets.last().unwrap(),
                        confidence: if paragraph.text.contains("peut-être") {
                            0.3
                        } else {
                            0.9
                        },
                        negated: false,
                        hypothetical: false,
                        reported: false,
                        reported_by: None,
                        rule: "fake".into(),
                        event: None,
                    });
                }
            }
            Document {
                source: prepared.source.clone(),
                title: prepared.title.clone(),
                authors: Vec::new(),
                text: prepared.original.clone(),
                content_hash: String::new(),
                language: prepared.language.clone(),
                sentences,
                entities,
                mentions: vec![],
                concepts: vec![],
                name_candidates: vec![],
                facts,
                date: None,
                timexes: Vec::new(),
            }
        }
    }

    #[derive(Default)]
    struct MemorySink {
        documents: Vec<Document>,
        fail: bool,
    }

    impl Sink for MemorySink {
        fn finish(&mut self) -> anyhow::Result<Option<String>> {
            Ok(None)
        }

        fn put(&mut self, document: &Document) -> anyhow::Result<()> {
            anyhow::ensure!(!self.fail, "disk full");
            self.documents.push(document.clone());
            Ok(())
        }
    }

    const FR: &str = "Marie a rencontré Paul dans la ville de Lyon, et elle a dit que le projet de la mairie est prêt pour les habitants.";

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> InputSource {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        InputSource::File(path)
    }

    fn run_build(inputs: &[InputSource], batch: usize, sink: &mut MemorySink) -> anyhow::Result<Report> {
        run_shard(inputs, batch, Shard::ALL, sink)
    }

    fn run_shard(inputs: &[InputSource], batch: usize, shard: Shard, sink: &mut MemorySink) -> anyhow::Result<Report> {
        let annotator = FakeAnnotator {
            calls: AtomicUsize::new(0),
        };
        let options = Options {
            min_confidence: MinConfidence::new(0.5).unwrap(),
            batch,
            shard,
        };
        build_all(
            inputs,
            &annotator,
            &FakeExtractor,
            sink,
            &options,
            &ProgressBar::hidden(),
        )
    }

    #[test]
    fn good_documents_are_built_in_order_and_bad_ones_skipped_with_reasons() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = vec![
            write(dir.path(), "1.txt", FR.as_bytes()),
            write(dir.path(), "2.txt", b"Bonjour\n\xff le monde"),
            write(
                dir.path(),
                "3.txt",
                b"The minister said that the plan was ready and that the unions had been told about it.",
            ),
            write(dir.path(), "4.txt", b"\n\n   \n"),
            write(
                dir.path(),
                "5.txt",
                "Les chiffres de la ville de Lyon pour les habitants de la région et du pays".as_bytes(),
            ),
            write(dir.path(), "6.txt", format!("{FR}\nPANIQUE a Marie").as_bytes()),
            write(
                dir.path(),
                "7.txt",
                format!("grand titre\n\n{FR}\nMarie a vu Jean peut-être dans la rue de la ville.").as_bytes(),
            ),
        ];
        let mut sink = MemorySink::default();
        let report = run_build(&inputs, 2, &mut sink).unwrap();
        let built: Vec<&str> = sink
            .documents
            .iter()
            .map(|d| d.source.rsplit('/').next().unwrap())
            .collect();
        assert_eq!(built, vec!["1.txt", "7.txt"]);
        assert_eq!(report.built, 2);
        let reasons: Vec<(String, String)> = report
            .skipped
            .iter()
            .map(|s| (s.source.rsplit('/').next().unwrap().to_string(), s.reason.clone()))
            .collect();
        assert_eq!(reasons.len(), 5, "{reasons:?}");
        assert_eq!(reasons[0].0, "2.txt");
        assert!(reasons[0].1.contains("invalid UTF-8 at byte 8"), "{reasons:?}");
        assert!(reasons[1].1.contains("English"), "{reasons:?}");
        assert!(reasons[2].1.contains("no text left"), "{reasons:?}");
        assert!(reasons[3].1.contains("no verb"), "{reasons:?}");
        assert!(reasons[4].1.contains("internal error while annotating"), "{reasons:?}");
        // Low-confidence facts were filtered: 7.txt keeps only its first fact.
        assert_eq!(sink.documents[1].facts.len(), 1);
        assert_eq!(report.facts, 2);
        assert_eq!(report.entities, 4, "Marie, Paul, Lyon, Jean");
        assert_eq!(report.exit_code(), ExitCode::SUCCESS);
    }

    /// `n` French articles `0.txt`…, each naming its own person.
    fn numbered_inputs(dir: &Path, n: usize) -> Vec<InputSource> {
        (0..n)
            .map(|i| write(dir, &format!("{i}.txt"), format!("{FR} Numéro{i} a parlé.").as_bytes()))
            .collect()
    }

    #[test]
    fn results_do_not_depend_on_the_batch_size() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = numbered_inputs(dir.path(), 5);
        let mut one = MemorySink::default();
        let mut many = MemorySink::default();
        run_build(&inputs, 1, &mut one).unwrap();
        run_build(&inputs, 8, &mut many).unwrap();
        assert_eq!(one.documents, many.documents);
        assert_eq!(one.documents.len(), 5);
    }

    #[test]
    fn a_failing_store_stops_the_build() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = vec![write(dir.path(), "1.txt", FR.as_bytes())];
        let mut sink = MemorySink {
            fail: true,
            ..MemorySink::default()
        };
        let error = run_build(&inputs, 4, &mut sink).unwrap_err();
        assert!(format!("{error:#}").contains("disk full"), "{error:#}");
    }

    #[test]
    fn every_document_lands_in_exactly_one_shard() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = numbered_inputs(dir.path(), 12);
        let mut all = MemorySink::default();
        run_build(&inputs, 3, &mut all).unwrap();
        let mut sources: Vec<String> = Vec::new();
        let mut built = 0;
        for k in 0..3 {
            let mut sink = MemorySink::default();
            let shard: Shard = format!("{k}/3").parse().unwrap();
            let report = run_shard(&inputs, 3, shard, &mut sink).unwrap();
            assert_eq!(report.built + report.other_shards, 12);
            built += report.built;
            sources.extend(sink.documents.iter().map(|d| d.source.clone()));
            // A shard's documents are exactly those of the whole build, unchanged.
            for document in &sink.documents {
                assert!(all.documents.contains(document));
            }
        }
        assert_eq!(built, 12);
        sources.sort();
        sources.dedup();
        assert_eq!(sources.len(), 12, "each document in exactly one shard");
    }

    #[test]
    fn every_input_failing_exits_with_failure() {
        let report = Report {
            skipped: vec![Skip {
                source: "a".into(),
                reason: "b".into(),
            }],
            ..Report::default()
        };
        assert_eq!(report.exit_code(), ExitCode::from(EXIT_FAILURE));
        assert!(report.summary().starts_with("built 0 documents (1 skipped)"));
    }

    #[test]
    fn a_missing_input_fails_the_build_even_when_others_built() {
        let skip = || Skip {
            source: "a".into(),
            reason: "b".into(),
        };
        // A named file that is not there: exit 1, the others still built.
        let missing = Report {
            built: 2,
            skipped: vec![skip()],
            unreadable: 1,
            ..Report::default()
        };
        assert_eq!(missing.exit_code(), ExitCode::from(EXIT_FAILURE));
        // A document skipped for its content while others built: success.
        let empty_text = Report {
            built: 2,
            skipped: vec![skip()],
            ..Report::default()
        };
        assert_eq!(empty_text.exit_code(), ExitCode::SUCCESS);
    }

    #[test]
    fn dry_run_prints_one_line_per_fact() {
        let document = Document {
            source: "a.txt".into(),
            title: None,
            authors: Vec::new(),
            text: String::new(),
            content_hash: String::new(),
            language: "fr".into(),
            sentences: vec![Sentence {
                start: 0,
                end: 10,
                text: "Rubio a dit | « oui ».".into(),
            }],
            entities: vec![Entity {
                label: "Marco Rubio".into(),
                kind: EntityKind::Person,
                aliases: vec![],
            }],
            mentions: vec![],
            concepts: vec![],
            name_candidates: vec![],
            facts: vec![Fact {
                subject: facts::Node::Entity(0),
                predicate: "says".into(),
                lemma: "dire".into(),
                object: facts::Object::Literal(Literal {
                    text: "oui".into(),
                    kind: LiteralKind::Quote,
                }),
                arguments: vec![],
                sentence: 0,
                start: 0,
                end: 10,
                confidence: 0.875,
                negated: false,
                hypothetical: false,
                reported: true,
                reported_by: None,
                rule: "speech".into(),
                event: None,
            }],
            date: None,
            timexes: Vec::new(),
        };
        let mut out = Vec::new();
        let mut sink = PrintSink::new(&mut out);
        sink.put(&document).unwrap();
        sink.put(&document).unwrap();
        assert_eq!(sink.finish().unwrap(), None);
        let text = String::from_utf8(out).unwrap();
        let line = "Marco Rubio | says | oui | 0.88 | reported | Rubio a dit / « oui ».";
        assert_eq!(
            text,
            format!(
                "subject | predicate | object | confidence | status | sentence\n# a.txt\n{line}\n# a.txt\n{line}\n"
            )
        );
    }
}
