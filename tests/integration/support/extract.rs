//! Test and example support for extraction: spaCy JSONL fixtures
//! (`{"source","line","doc"}` per paragraph) turned into `PreparedText` +
//! `nlp::Doc`s, and a `facts::Document` written as the scorer's CSV dump
//! by the product's own store and exporter. Development harness only.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use trame::export::csv::write_dump;
use trame::facts::{Document, Object};
use trame::input::{Paragraph, PreparedText};
use trame::nlp::Doc;
use trame::store::{SnapshotOptions, Store};

#[derive(serde::Deserialize)]
struct Line {
    source: String,
    line: usize,
    doc: Doc,
}

/// One article of a fixture file.
pub struct Article {
    pub prepared: PreparedText,
    pub docs: Vec<Doc>,
}

/// Reads a JSONL fixture; articles in order of first appearance.
pub fn load(path: &Path) -> Vec<Article> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut by_source: BTreeMap<usize, (String, Vec<Line>)> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        let line: Line = serde_json::from_str(l).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1));
        let idx = match order.iter().position(|s| *s == line.source) {
            Some(i) => i,
            None => {
                order.push(line.source.clone());
                order.len() - 1
            }
        };
        by_source
            .entry(idx)
            .or_insert_with(|| (line.source.clone(), Vec::new()))
            .1
            .push(line);
    }
    by_source
        .into_values()
        .map(|(source, lines)| article(source, lines))
        .collect()
}

/// Rebuilds the original text (lines at their line numbers) and paragraph offsets.
fn article(source: String, mut lines: Vec<Line>) -> Article {
    lines.sort_by_key(|l| l.line);
    let on_disk = std::fs::read_to_string(&source).ok();
    let file_lines: Vec<String> = match &on_disk {
        Some(t) => t.split('\n').map(str::to_string).collect(),
        None => {
            let max = lines.last().map(|l| l.line).unwrap_or(0);
            let mut v = vec![String::new(); max];
            for l in &lines {
                v[l.line - 1] = l.doc.text.clone();
            }
            v
        }
    };
    let original = file_lines.join("\n");
    let mut starts = Vec::new();
    let mut acc = 0;
    for fl in &file_lines {
        starts.push(acc);
        acc += fl.chars().count() + 1;
    }
    let mut paragraphs = Vec::new();
    let mut docs = Vec::new();
    for l in lines {
        let start = starts.get(l.line - 1).copied().unwrap_or(0);
        let n = l.doc.text.chars().count();
        paragraphs.push(Paragraph {
            text: l.doc.text.clone(),
            offsets: (start..=start + n).collect(),
        });
        docs.push(l.doc);
    }
    let prepared = PreparedText {
        source,
        original,
        title: None,
        authors: Vec::new(),
        language: "fr".into(),
        paragraphs,
    };
    Article { prepared, docs }
}

fn object_text(doc: &Document, o: &Object) -> String {
    doc.object_text(o).to_string()
}

/// Writes the CSV dump the scorer reads, through the product's own path:
/// the document goes into an in-memory store and out through
/// `export::csv::write_dump`, exactly as `trame build` + `trame export csv`.
pub fn write_csv(doc: &Document, dir: &Path) -> std::io::Result<()> {
    let failed = |e: &dyn std::fmt::Display| std::io::Error::other(e.to_string());
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let store = Store::in_memory().map_err(|e| failed(&e))?;
    store.put_document(doc).map_err(|e| failed(&e))?;
    let snapshot = store.snapshot(&SnapshotOptions::default()).map_err(|e| failed(&e))?;
    write_dump(&snapshot, dir).map_err(|e| failed(&e))?;
    Ok(())
}

/// One line per fact, for reading.
pub fn describe(doc: &Document) -> Vec<String> {
    doc.facts
        .iter()
        .map(|f| {
            let mut flags = String::new();
            if f.negated {
                flags.push_str(" NEG");
            }
            if f.hypothetical {
                flags.push_str(" HYP");
            }
            if f.reported {
                let s = f
                    .reported_by
                    .map(|n| doc.node_label(n).to_string())
                    .unwrap_or_else(|| "?".into());
                flags.push_str(&format!(" REP({s})"));
            }
            let args: Vec<String> = f
                .arguments
                .iter()
                .map(|(k, o)| format!("{k}={}", object_text(doc, o)))
                .collect();
            format!(
                "[{}] {} --{} ({})--> {} {{{}}} {:.2}{}",
                f.rule,
                doc.node_label(f.subject),
                f.predicate,
                f.lemma,
                object_text(doc, &f.object),
                args.join(", "),
                f.confidence,
                flags
            )
        })
        .collect()
}
