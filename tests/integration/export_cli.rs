//! End-to-end tests of `trame export` through the real binary.
//!
//! The store is not involved: `--snapshot FILE` feeds a hand-made
//! GraphSnapshot (tests/golden/export_*_snapshot.json). Golden files are
//! rewritten with `TRAME_UPDATE_GOLDEN=1 cargo test --test integration`.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use resvg::tiny_skia::Pixmap;

use crate::support::{check_golden, golden_path, trame};

fn small() -> PathBuf {
    golden_path("export_small_snapshot.json")
}

fn news() -> PathBuf {
    golden_path("export_news_snapshot.json")
}

fn stdout_of(args: &[&str], snapshot: &Path) -> String {
    let output = trame()
        .arg("export")
        .args(args)
        .arg("--snapshot")
        .arg(snapshot)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn help_has_examples_and_formats() {
    trame()
        .args(["export", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("jsonld"))
        .stdout(predicate::str::contains("--min-confidence"));
}

#[test]
fn unknown_format_is_a_usage_error() {
    trame()
        .args(["export", "gif"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("gif"));
}

#[test]
fn png_and_csv_need_an_output_path() {
    for format in ["png", "csv"] {
        trame()
            .args(["export", format, "--snapshot"])
            .arg(small())
            .assert()
            .code(2)
            .stderr(predicate::str::contains("-o"));
    }
}

#[test]
fn output_in_a_missing_folder_names_it() {
    let dir = tempfile::tempdir().unwrap();
    for (format, name) in [("svg", "g.svg"), ("csv", "csv"), ("dot", "g.dot")] {
        let missing = dir.path().join("not-there").join(name);
        trame()
            .args(["export", format, "--snapshot"])
            .arg(small())
            .arg("-o")
            .arg(&missing)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("not-there").and(predicate::str::contains("does not exist")));
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "nothing written");
}

#[test]
fn picture_options_on_csv_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    trame()
        .args(["export", "csv", "--focus", "Paris", "--snapshot"])
        .arg(small())
        .arg("-o")
        .arg(dir.path().join("csv"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--focus"));
}

#[test]
fn dot_matches_golden() {
    check_golden("export_small.dot", &stdout_of(&["dot"], &small()));
}

#[test]
fn dot_escapes_quotes_backslashes_and_newlines() {
    let dot = stdout_of(&["dot", "--all-entities"], &small());
    assert!(dot.contains(r#"label="Jean \"Le Grand\" Dupont""#), "{dot}");
    assert!(dot.contains(r#"label="Back\\slash & <Co>""#), "{dot}");
    assert!(dot.contains(r#"Traité de Rome"#), "labels are one line: {dot}");
    assert!(dot.contains("Personne Seule"));
    // Every line is a complete statement: no raw newline inside a string.
    for line in dot.lines().skip(1) {
        assert!(line == "}" || line.ends_with(';'), "{line}");
    }
}

#[test]
fn csv_matches_golden_and_contract() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("csv");
    trame()
        .args(["export", "csv", "--snapshot"])
        .arg(small())
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stderr(
            predicate::str::contains("3 entities")
                .not()
                .and(predicate::str::contains("5 entities")),
        );
    let contract: [(&str, &[&str]); 6] = [
        ("entities.csv", &["id", "label", "type", "aliases", "mentions"]),
        (
            "relations.csv",
            &[
                "subject_id",
                "subject",
                "predicate",
                "object_id",
                "object",
                "lemma",
                "doc",
                "sentence",
                "confidence",
            ],
        ),
        (
            "mentions.csv",
            &["entity_id", "doc", "source", "start", "end", "text", "type"],
        ),
        ("triples.csv", &["subject", "predicate", "object", "graph"]),
        ("documents.csv", &["doc", "source", "title", "date"]),
        ("timex.csv", &["doc", "source", "start", "end", "text", "value", "type"]),
    ];
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "documents.csv",
            "entities.csv",
            "mentions.csv",
            "relations.csv",
            "timex.csv",
            "triples.csv"
        ]
    );
    for (file, columns) in contract {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        check_golden(&format!("export_small_csv/{file}"), &text);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(&header[..columns.len()], columns, "{file}");
        for record in reader.records() {
            assert_eq!(
                record.unwrap().len(),
                header.len(),
                "{file}: every row has every column"
            );
        }
    }
    // Values survive quoting: read relations back and compare with the snapshot.
    let snapshot: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(small()).unwrap()).unwrap();
    let mut reader = csv::Reader::from_path(out.join("relations.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let relations = snapshot["relations"].as_array().unwrap();
    assert_eq!(rows.len(), relations.len());
    for (row, relation) in rows.iter().zip(relations) {
        assert_eq!(&row[1], relation["subject"].as_str().unwrap());
        assert_eq!(&row[4], relation["object"].as_str().unwrap());
        assert_eq!(&row[7], relation["sentence"].as_str().unwrap());
        assert_eq!(&row[3], relation["object_iri"].as_str().unwrap_or(""));
        let confidence: f64 = row[8].parse().unwrap();
        assert!((confidence - relation["confidence"].as_f64().unwrap()).abs() < 1e-4);
    }
    let mut entities = csv::Reader::from_path(out.join("entities.csv")).unwrap();
    let first = entities.records().next().unwrap().unwrap();
    assert_eq!(&first[3], "Dupont|J. D.");
}

#[test]
fn min_confidence_filters_facts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("csv");
    trame()
        .args(["export", "csv", "--min-confidence", "0.6", "--snapshot"])
        .arg(small())
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let mut reader = csv::Reader::from_path(out.join("relations.csv")).unwrap();
    let confidences: Vec<f64> = reader.records().map(|r| r.unwrap()[8].parse().unwrap()).collect();
    assert_eq!(confidences.len(), 4);
    assert!(confidences.iter().all(|&c| c >= 0.6));
    trame()
        .args(["export", "dot", "--min-confidence", "1.5"])
        .assert()
        .code(2);
}

#[test]
fn focus_and_top_select_part_of_the_graph() {
    let focused = stdout_of(&["dot", "--focus", "rubio", "--depth", "1"], &news());
    assert!(
        focused.contains("États-Unis") && focused.contains("secrétaire d'État"),
        "{focused}"
    );
    assert!(!focused.contains("Moscou"), "{focused}");
    let wider = stdout_of(&["dot", "--focus", "rubio", "--depth", "2"], &news());
    assert!(wider.contains("Donald Trump") && wider.len() > focused.len());

    let top = stdout_of(&["dot", "--top", "3", "--no-literals"], &news());
    let nodes: Vec<&str> = top.lines().filter(|l| l.contains("shape=")).collect();
    assert_eq!(nodes.len(), 3, "{top}");
    for hub in ["Volodymyr Zelensky", "Emmanuel Macron", "Union européenne"] {
        assert!(top.contains(hub), "{hub} missing: {top}");
    }
    let ranked = stdout_of(&["dot", "--top", "3", "--rank", "pagerank", "--no-literals"], &news());
    assert!(ranked.contains("Volodymyr Zelensky"));

    trame()
        .args(["export", "dot", "--focus", "Napoléon", "--snapshot"])
        .arg(news())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Napoléon"));
}

/// Share of pixels that are not (near) white, and whether a given colour occurs.
fn ink(pixmap: &Pixmap) -> f64 {
    let pixels = pixmap.pixels();
    let inked = pixels
        .iter()
        .filter(|p| p.red() < 235 || p.green() < 235 || p.blue() < 235)
        .count();
    inked as f64 / pixels.len() as f64
}

#[test]
fn png_is_screen_shaped_and_not_blank() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.png");
    trame()
        .args(["export", "png", "--snapshot"])
        .arg(news())
        .arg("-o")
        .arg(&path)
        .assert()
        .success();
    let pixmap = Pixmap::load_png(&path).unwrap();
    let (width, height) = (pixmap.width(), pixmap.height());
    assert!((800..=2400).contains(&width), "width {width}");
    let ratio = f64::from(width) / f64::from(height);
    assert!((1.2..=2.2).contains(&ratio), "aspect {ratio}");
    let share = ink(&pixmap);
    assert!(share > 0.03 && share < 0.6, "ink share {share}");
    // Person nodes are filled light blue (#dbeafe).
    let blue = pixmap
        .pixels()
        .iter()
        .filter(|p| (p.red(), p.green(), p.blue()) == (0xdb, 0xea, 0xfe))
        .count();
    assert!(blue > 500, "{blue} light-blue pixels");
}

#[test]
fn svg_is_well_formed_deterministic_and_embeds_the_font() {
    let first = stdout_of(&["svg"], &news());
    let second = stdout_of(&["svg"], &news());
    assert_eq!(first, second, "same input, same picture");
    let document = resvg::usvg::roxmltree::Document::parse(&first).unwrap();
    assert_eq!(document.root_element().tag_name().name(), "svg");
    let texts: Vec<String> = document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().to_string())
        .collect();
    assert!(texts.iter().any(|t| t == "Volodymyr Zelensky"));
    assert!(texts.iter().any(|t| t == "Jean \"Le Témoin\" Martin"));
    assert!(first.contains("@font-face"));
    let other_seed = stdout_of(&["svg", "--seed", "2"], &news());
    assert_ne!(first, other_seed);
    let slim = stdout_of(&["svg", "--no-embed-font"], &news());
    assert!(!slim.contains("@font-face") && slim.len() < first.len() / 5);
}

#[test]
fn graphviz_renderer_works_or_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gv.png");
    let has_graphviz = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).any(|d| d.join("neato").is_file() || d.join("sfdp").is_file()))
        .unwrap_or(false);
    let assert = trame()
        .args(["export", "png", "--renderer", "graphviz", "--snapshot"])
        .arg(small())
        .arg("-o")
        .arg(&path)
        .assert();
    if has_graphviz {
        assert.success();
        let pixmap = Pixmap::load_png(&path).unwrap();
        assert!(pixmap.width() > 100 && ink(&pixmap) > 0.01);
    } else {
        assert.code(2).stderr(predicate::str::contains("neato"));
    }
}

#[test]
fn empty_snapshot_still_writes_a_picture() {
    let dir = tempfile::tempdir().unwrap();
    let snapshot = dir.path().join("empty.json");
    std::fs::write(&snapshot, r#"{"entities":[],"relations":[],"mentions":[],"quads":[]}"#).unwrap();
    let path = dir.path().join("empty.png");
    trame()
        .args(["export", "png", "--snapshot"])
        .arg(&snapshot)
        .arg("-o")
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to draw"));
    assert!(Pixmap::load_png(&path).is_ok());
}

fn timeline_snapshot() -> PathBuf {
    golden_path("timeline_snapshot.json")
}

#[test]
fn timeline_of_a_known_graph_matches_its_golden_csv_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("timeline.csv");
    trame()
        .args(["export", "timeline", "-o"])
        .arg(&path)
        .arg("--snapshot")
        .arg(timeline_snapshot())
        .assert()
        .success();
    let csv = std::fs::read_to_string(&path).unwrap();
    check_golden("timeline.csv", &csv);
    // One row per claim, untyped facts without a time left out, sorted by time.
    let starts: Vec<&str> = csv.lines().skip(1).map(|l| &l[..10]).collect();
    assert_eq!(
        starts,
        [
            "2025-03-01",
            "2025-03-03",
            "2025-03-05",
            "2025-03-07",
            "2025-03-10",
            "2025-03-11"
        ]
    );
    let svg = stdout_of(&["timeline", "--no-embed-font"], &timeline_snapshot());
    check_golden("timeline.svg", &svg);
    assert!(svg.contains("#7f1d1d"), "ASSAULT colour");
    assert!(svg.contains("hollow: placed by the article"), "article-date legend");
}

#[test]
fn timeline_focus_keeps_one_entitys_facts_and_png_is_a_picture() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("macron.csv");
    trame()
        .args(["export", "timeline", "--focus", "Macron", "-o"])
        .arg(&csv)
        .arg("--snapshot")
        .arg(timeline_snapshot())
        .assert()
        .success();
    let text = std::fs::read_to_string(&csv).unwrap();
    let subjects: Vec<&str> = text.lines().skip(1).map(|l| l.split(',').nth(4).unwrap()).collect();
    assert_eq!(subjects, ["Emmanuel Macron", "Emmanuel Macron"], "{text}");
    let png = dir.path().join("t.png");
    trame()
        .args(["export", "timeline", "-o"])
        .arg(&png)
        .arg("--snapshot")
        .arg(timeline_snapshot())
        .assert()
        .success();
    let pixmap = Pixmap::load_png(&png).unwrap();
    assert_eq!(pixmap.width(), 1400);
}
