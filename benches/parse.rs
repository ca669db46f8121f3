//! Parse speed on one thread, in tokens per second (whitespace tokens not
//! counted, as in `tools/bench_spacy.py`).
//!
//! Corpus: the folder in `TRAME_BENCH_CORPUS` (e.g. the Wikinews corpus),
//! every non-empty line of every `*.txt` a document; default the parity
//! corpus, the texts listed in `tests/fixtures/parity/texts.tsv`. Model: `TRAME_MODEL` (default md), found as the CLI finds it.
//! Two groups: `tokenize` (tokenizer + features alone) and `annotate` (the
//! whole pipeline; skipped with a note when the neural half is missing).

// Reports its measurements and findings on the console.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use trame::nlp::conllu::document_lines;
use trame::nlp::lexeme::str_is_space;
use trame::nlp::{resolve_model, FrontEnd, Pipeline};

fn corpus() -> Vec<String> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    match std::env::var_os("TRAME_BENCH_CORPUS") {
        Some(root) => collect_txt(Path::new(&root), &mut files),
        None => {
            let list = std::fs::read_to_string(repo.join("tests/fixtures/parity/texts.tsv")).unwrap_or_default();
            files.extend(
                list.lines()
                    .filter_map(|l| l.split_once('\t'))
                    .map(|(_, path)| repo.join(path)),
            );
        }
    }
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        docs.extend(document_lines(&text).into_iter().map(|(_, l)| l.to_string()));
    }
    docs
}

fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_txt(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") && !p.to_string_lossy().ends_with("-urls.txt") {
            out.push(p);
        }
    }
}

fn bench(c: &mut Criterion) {
    let spec = std::env::var("TRAME_MODEL").unwrap_or_else(|_| "md".into());
    let dir = resolve_model(&spec).unwrap_or_else(|e| panic!("model {spec}: {e}"));
    let docs = corpus();
    let front = FrontEnd::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    let words: usize = docs
        .iter()
        .map(|d| {
            front
                .tokenize(d)
                .tokens
                .iter()
                .filter(|t| !str_is_space(&d[t.start..t.end]))
                .count()
        })
        .sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Elements(words as u64));
    group.sample_size(10);
    group.bench_function("tokenize", |b| {
        b.iter(|| docs.iter().map(|d| front.tokenize(d).tokens.len()).sum::<usize>())
    });
    match Pipeline::load(&dir) {
        Ok(pipeline) => {
            group.bench_function("annotate", |b| {
                b.iter(|| docs.iter().map(|d| pipeline.annotate(d).tokens.len()).sum::<usize>())
            });
        }
        Err(e) => eprintln!("annotate benchmark skipped: {e}"),
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
