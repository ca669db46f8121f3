//! Real-world input, end to end through the real binary: scraped text with
//! HTML entities, HTML pages, byte-order marks, Markdown headings, CRLF
//! line ends, thin-space thousands separators and symbolic-link loops give
//! the facts the plain text gives. Needs the language model.

use std::path::Path;

use crate::support::{golden_path, trame, write_file};

/// Sentences that give facts, written plainly (one paragraph a line).
const PLAIN: &str = "Emmanuel Macron a déclaré que la France soutiendrait l’Ukraine.\n\
    La Russie a attaqué l'Ukraine en février.\n\
    Le président de l'Élysée a rencontré Olaf Scholz à Berlin.\n";

/// The facts `trame build --dry-run` prints for `file`, as
/// (subject, predicate, object, confidence), the sentence left out when
/// `with_sentence` is false (it is quoted from the original file).
fn facts(file: &Path, with_sentence: bool) -> Vec<String> {
    let output = trame()
        .args(["--quiet", "build", "--dry-run"])
        .arg(file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let lines: Vec<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let fields: Vec<&str> = l.split(" | ").collect();
            let keep = if with_sentence { fields.len() } else { 4 };
            fields[..keep].join(" | ")
        })
        .collect();
    assert!(!lines.is_empty(), "{} gives facts", file.display());
    lines
}

#[test]
fn html_entities_and_html_pages_give_the_plain_text_facts() {
    let dir = tempfile::tempdir().unwrap();
    let plain = facts(&write_file(dir.path(), "plain.txt", PLAIN), false);

    let encoded = PLAIN
        .replace('’', "&rsquo;")
        .replace('\'', "&#39;")
        .replace('é', "&eacute;")
        .replace('É', "&#201;");
    let scraped = facts(&write_file(dir.path(), "scraped.txt", &encoded), false);
    assert_eq!(scraped, plain);
    assert!(scraped.iter().all(|f| !f.contains('&')), "{scraped:?}");

    let body: String = encoded
        .lines()
        .map(|l| {
            format!(
                "<p class=\"texte\">\n  {}\n</p>\n",
                l.replace("Macron", "<b>Macron</b>")
            )
        })
        .collect();
    let page = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>p {{ margin: 0 }}</style>\
         <script>window.x = \"<p>pas un paragraphe</p>\";</script></head>\n<body>\n{body}<!-- fin -->\n</body></html>\n"
    );
    assert_eq!(facts(&write_file(dir.path(), "page.html", &page), false), plain);
}

#[test]
fn crlf_and_a_byte_order_mark_give_the_lf_facts_and_title() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("# Macron soutient l’Ukraine\n\n{PLAIN}");
    let lf = write_file(dir.path(), "lf.md", &text);
    let crlf = write_file(
        dir.path(),
        "crlf.md",
        &format!("\u{FEFF}{}", text.replace('\n', "\r\n")),
    );
    assert_eq!(facts(&crlf, true), facts(&lf, true));

    let store = dir.path().join("store");
    trame()
        .arg("--quiet")
        .arg("--store")
        .arg(&store)
        .arg("build")
        .arg(&crlf)
        .assert()
        .success();
    let titles = trame()
        .arg("--store")
        .arg(&store)
        .args([
            "query",
            "--format",
            "csv",
            "SELECT ?t WHERE { ?d trame:title \"Macron soutient l’Ukraine\" ; trame:title ?t }",
        ])
        .assert()
        .success();
    let out = String::from_utf8_lossy(&titles.get_output().stdout).into_owned();
    assert_eq!(out.lines().count(), 2, "the exact title finds the document: {out}");
}

#[test]
fn a_thin_space_thousands_separator_keeps_the_whole_number() {
    let dir = tempfile::tempdir().unwrap();
    for space in ['\u{202F}', '\u{00A0}'] {
        let text = format!("La Russie a envoyé 12{space}500 soldats en Ukraine{space}!\n");
        let found = facts(&write_file(dir.path(), "n.txt", &text), false);
        assert!(
            // (The dry run prints every space as a plain one.)
            found.iter().any(|f| f.replace(space, " ").contains("12 500 soldats")),
            "{found:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_read_once_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir_all(news.join("loop")).unwrap();
    write_file(&news, "a.txt", PLAIN);
    std::os::unix::fs::symlink("..", news.join("loop/up")).unwrap();
    let output = trame()
        .arg("--store")
        .arg(dir.path().join("store"))
        .arg("build")
        .arg(&news)
        .timeout(std::time::Duration::from_secs(300))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("loop/up") && stderr.contains("symbolic link"),
        "{stderr}"
    );
    assert!(stderr.contains("built 1 document"), "{stderr}");
}

#[test]
fn export_csv_neutralises_formulas_by_default_and_writes_excel_files() {
    let golden = golden_path("export_small_snapshot.json");
    let mut snapshot: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(golden).unwrap()).unwrap();
    snapshot["entities"][0]["label"] = "=HYPERLINK(\"http://example.org\",\"Élysée\")".into();
    snapshot["entities"][1]["label"] = "-Côté".into();
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "snapshot.json", &snapshot.to_string());
    let export = |extra: &[&str], out: &str| -> Vec<u8> {
        trame()
            .args(["--quiet", "export", "csv", "--snapshot"])
            .arg(&file)
            .arg("-o")
            .arg(dir.path().join(out))
            .args(extra)
            .assert()
            .success();
        std::fs::read(dir.path().join(out).join("entities.csv")).unwrap()
    };
    let safe = String::from_utf8(export(&[], "safe")).unwrap();
    assert!(safe.contains("\"'=HYPERLINK(") && safe.contains(",'-Côté,"), "{safe}");
    let raw = String::from_utf8(export(&["--raw-cells"], "raw")).unwrap();
    assert!(raw.contains("\"=HYPERLINK(") && raw.contains(",-Côté,"), "{raw}");
    let excel = export(&["--excel"], "excel");
    assert!(excel.starts_with("\u{FEFF}id,label,".as_bytes()));
    assert_eq!(&excel[3..], safe.as_bytes());
    trame().args(["export", "ttl", "--excel"]).assert().code(2);
}
