//! Development harness for entity extraction, until `trame build` runs the
//! whole pipeline: reads spaCy-format JSONL fixtures (one paragraph per line,
//! `{"source", "line", "doc"}`), runs `find_entities` document by document
//! (each on its own text, as `trame build` does), and writes the
//! `entities.csv`, `mentions.csv` and an empty `relations.csv` of the CSV
//! contract, for `score.py` and `ner_eval.py`.
//!
//! Usage: cargo run --example entities_fixture -- FIXTURE.jsonl OUT_DIR

use std::collections::HashMap;
use std::error::Error;
use std::fs;
use trame::extract::entities::{find_entities, tables::fold};
use trame::input::{Paragraph, PreparedText};
use trame::nlp::Doc;

#[derive(serde::Deserialize)]
struct Line {
    source: String,
    line: usize,
    doc: Doc,
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, fixture, out] = &args[..] else {
        return Err("usage: entities_fixture FIXTURE.jsonl OUT_DIR".into());
    };
    let mut order: Vec<String> = Vec::new();
    let mut by_source: HashMap<String, Vec<Line>> = HashMap::new();
    for (n, text) in fs::read_to_string(fixture)?.lines().enumerate() {
        let line: Line =
            serde_json::from_str(text).map_err(|e| format!("{fixture}:{}: {e}", n + 1))?;
        if !by_source.contains_key(&line.source) {
            order.push(line.source.clone());
        }
        by_source.entry(line.source.clone()).or_default().push(line);
    }
    fs::create_dir_all(out)?;
    let mut ents = csv::Writer::from_path(format!("{out}/entities.csv"))?;
    ents.write_record(["id", "label", "type", "aliases", "mentions", "doc"])?;
    let mut ments = csv::Writer::from_path(format!("{out}/mentions.csv"))?;
    ments.write_record(["entity_id", "doc", "source", "start", "end", "text", "type"])?;
    let mut rels = csv::Writer::from_path(format!("{out}/relations.csv"))?;
    rels.write_record([
        "subject_id",
        "subject",
        "predicate",
        "lemma",
        "object_id",
        "object",
        "doc",
        "sentence",
        "confidence",
    ])?;
    for source in order {
        let lines = by_source.remove(&source).unwrap_or_default();
        let original = fs::read_to_string(&source)?;
        let mut line_starts = vec![0];
        for l in original.split('\n') {
            line_starts.push(line_starts.last().copied().unwrap_or(0) + l.chars().count() + 1);
        }
        let paragraphs = lines
            .iter()
            .map(|l| {
                let base = line_starts.get(l.line - 1).copied().unwrap_or(0);
                let n = l.doc.text.chars().count();
                Paragraph {
                    text: l.doc.text.clone(),
                    offsets: (0..=n).map(|i| base + i).collect(),
                }
            })
            .collect();
        let prepared = PreparedText {
            source: source.clone(),
            original,
            title: None,
            language: "fr".into(),
            paragraphs,
        };
        let docs: Vec<Doc> = lines.into_iter().map(|l| l.doc).collect();
        let table = find_entities(&prepared, &docs);
        let id = |i: usize| {
            format!(
                "urn:trame:{}:{}",
                table.entities[i].kind.code(),
                fold(&table.entities[i].label).replace(' ', "_")
            )
        };
        for (i, e) in table.entities.iter().enumerate() {
            let count = table.mentions.iter().filter(|m| m.entity == i).count();
            ents.write_record([
                id(i),
                e.label.clone(),
                e.kind.code().into(),
                e.aliases.join("|"),
                count.to_string(),
                source.clone(),
            ])?;
        }
        for m in &table.mentions {
            let kind = table.entities[m.entity].kind.code();
            ments.write_record([
                id(m.entity),
                source.clone(),
                source.clone(),
                m.start.to_string(),
                m.end.to_string(),
                m.text.clone(),
                kind.into(),
            ])?;
        }
    }
    ents.flush()?;
    ments.flush()?;
    rels.flush()?;
    Ok(())
}
