//! Extraction's share of the language pipeline's time (issue 8's speed
//! target: extraction under 20 % of the pipeline).
//!
//! Both stages run in this one process on the same articles, one thread:
//! `annotate` is the language pipeline over every paragraph
//! ([`trame::nlp::Pipeline::annotate`], what `trame build` runs per
//! paragraph); `extract` is [`trame::extract::extract_document`] over those
//! annotations (parse repairs, entities, rules, time expressions), store
//! writes not included. Criterion times each as documents per second; the
//! closing line times both in seven alternating rounds and prints the
//! median of the rounds' extraction / pipeline ratios, in per cent.
//!
//! Corpus: the `*.txt` files under `TRAME_BENCH_CORPUS` (default the
//! Wikinews copy in `tests/data/wikinews-fr-2018`), in path order, the first
//! `TRAME_BENCH_DOCS` of them (default 40). Model: `TRAME_MODEL` (default
//! md), installed on first use as `trame` does.
//!
//! ```text
//! cargo bench --bench extract_share
//! TRAME_BENCH_DOCS=226 cargo bench --bench extract_share -- --sample-size 10
//! ```
//! Under `cargo test` (no `--bench` argument) each stage runs once on two
//! documents, as a smoke test.

// Reports its measurements on the console.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use trame::input::{prepare, PreparedText};
use trame::nlp::{Doc, Pipeline};

fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_txt(&path, out);
        } else if path.extension().is_some_and(|x| x == "txt") && !path.to_string_lossy().ends_with("-urls.txt") {
            out.push(path);
        }
    }
}

/// The prepared articles of the corpus; files `prepare` refuses are left out.
fn corpus(limit: usize) -> Vec<PreparedText> {
    let root = std::env::var_os("TRAME_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/wikinews-fr-2018"));
    let mut files = Vec::new();
    collect_txt(&root, &mut files);
    files.sort();
    files
        .iter()
        .filter_map(|f| {
            let text = std::fs::read_to_string(f).ok()?;
            prepare(&f.to_string_lossy(), text).ok()
        })
        .take(limit)
        .collect()
}

fn annotate_all(pipeline: &Pipeline, articles: &[PreparedText]) -> Vec<Vec<Doc>> {
    articles
        .iter()
        .map(|a| a.paragraphs.iter().map(|p| pipeline.annotate(&p.text)).collect())
        .collect()
}

fn extract_all(articles: &[PreparedText], docs: &[Vec<Doc>]) -> usize {
    articles
        .iter()
        .zip(docs)
        .map(|(a, d)| trame::extract::extract_document(a, d).facts.len())
        .sum()
}

/// Wall time of one run of `f`.
fn timed(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

/// The middle value of `values` (sorted in place).
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let limit = if benching {
        std::env::var("TRAME_BENCH_DOCS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(40)
    } else {
        2
    };
    let spec = std::env::var("TRAME_MODEL").unwrap_or_else(|_| "md".into());
    let pipeline = match trame::nlp::resolve_model(&spec).map(|dir| Pipeline::load(&dir)) {
        Ok(Ok(pipeline)) => pipeline,
        Ok(Err(e)) | Err(e) => {
            eprintln!("extract_share skipped: model {spec}: {e}");
            return;
        }
    };
    let articles = corpus(limit);
    assert!(!articles.is_empty(), "extract_share: no article in the corpus");
    let docs = annotate_all(&pipeline, &articles);
    let facts = extract_all(&articles, &docs);
    assert!(facts > 0, "extract_share: the corpus gave no fact");

    let mut c = Criterion::default().configure_from_args().sample_size(10);
    let mut group = c.benchmark_group("extract_share");
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function("annotate", |b| b.iter(|| annotate_all(&pipeline, &articles)));
    group.bench_function("extract", |b| b.iter(|| extract_all(&articles, &docs)));
    group.finish();
    c.final_summary();

    if benching {
        // Rounds alternate the two stages, so that other work on the machine
        // weighs on both alike; the share is the median of the rounds' shares.
        let rounds = 7;
        let (mut pipe, mut extract, mut share) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..rounds {
            let p = timed(|| {
                std::hint::black_box(annotate_all(&pipeline, &articles));
            })
            .as_secs_f64();
            let e = timed(|| {
                std::hint::black_box(extract_all(&articles, &docs));
            })
            .as_secs_f64();
            pipe.push(p);
            extract.push(e);
            share.push(100.0 * e / p);
        }
        println!(
            "extract_share: {} articles, {} facts; pipeline {:.3} s, extraction {:.3} s (medians of {rounds} \
             alternating rounds); extraction = {:.1} % of the language pipeline (median share; range {:.1}-{:.1} %)",
            articles.len(),
            facts,
            median(&mut pipe),
            median(&mut extract),
            median(&mut share),
            share[0],
            share[share.len() - 1]
        );
    }
}
