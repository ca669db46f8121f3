//! Development harness: runs `extract_document` over spaCy JSONL fixtures and
//! writes the scorer's CSV files, one folder per article, printing the facts.
//!
//! Usage: cargo run --example extract_csv -- FIXTURE.jsonl OUT_DIR [SOURCE_SUBSTRING...]
//!
//! Scoring the seed (development loop):
//!   cargo run -q --example extract_csv -- tests/fixtures/extract/seed_md.jsonl /tmp/x
//!   python3 ../shared/eval/score.py --gold ../shared/eval/seed.gold.json \
//!       --csv-dir /tmp/x/000_9c81224ff3cb7629.txt --verbose

// Reports its measurements and findings on the console.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "../tests/integration/support/extract.rs"]
mod extract_fixtures;

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(fixture), Some(out)) = (args.first(), args.get(1)) else {
        anyhow::bail!("usage: extract_csv FIXTURE.jsonl OUT_DIR [SOURCE_SUBSTRING...]");
    };
    let filters = &args[2..];
    for article in extract_fixtures::load(&PathBuf::from(fixture)) {
        let source = article.prepared.source.clone();
        if !filters.is_empty() && !filters.iter().any(|f| source.contains(f.as_str())) {
            continue;
        }
        let doc = trame::extract::extract_document(&article.prepared, &article.docs);
        let name = std::path::Path::new(&source)
            .file_name()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let dir = PathBuf::from(out).join(&name);
        extract_fixtures::write_csv(&doc, &dir)?;
        println!(
            "== {source}: {} entities, {} facts -> {}",
            doc.entities.len(),
            doc.facts.len(),
            dir.display()
        );
        for line in extract_fixtures::describe(&doc) {
            println!("  {line}");
        }
    }
    Ok(())
}
