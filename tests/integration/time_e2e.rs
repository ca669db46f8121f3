//! End-to-end tests of dates and time expressions (issue 9, items 1–3),
//! running the real binary: the document date and where it comes from,
//! `timex.csv` and `documents.csv`, facts carrying typed time values, and
//! bad input (impossible dates, two-digit years, other calendars, a dateline
//! that contradicts the file name, no date at all, a paragraph of numbers).
//!
//! They need the language model: `trame` installs the default (md) on first
//! use (`support::trame` clears TRAME_MODEL).

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::support::trame;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A CSV file as header-keyed rows.
fn rows(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

/// A build into a new store and its CSV dump.
struct Built {
    _dir: tempfile::TempDir,
    store: PathBuf,
    stderr: String,
    documents: Vec<std::collections::HashMap<String, String>>,
    timexes: Vec<std::collections::HashMap<String, String>>,
}

/// Builds `files` (name, text), written in a temporary folder, with extra
/// build arguments, and dumps CSV.
fn build(files: &[(&str, &str)], extra: &[&str]) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for (name, text) in files {
        std::fs::write(input.join(name), text).unwrap();
    }
    build_in(dir, &input, extra)
}

/// Builds `input` into a store inside `dir`, then dumps CSV beside it.
fn build_in(dir: tempfile::TempDir, input: &Path, extra: &[&str]) -> Built {
    let store = dir.path().join("store");
    let output = trame()
        .arg("build")
        .arg(input)
        .arg("--store")
        .arg(&store)
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    let csv = dir.path().join("csv");
    trame()
        .args(["export", "csv", "--store"])
        .arg(&store)
        .arg("-o")
        .arg(&csv)
        .assert()
        .success();
    Built {
        store,
        stderr,
        documents: rows(&csv.join("documents.csv")),
        timexes: rows(&csv.join("timex.csv")),
        _dir: dir,
    }
}

/// `trame query ARGS --store STORE` as CSV; fails the test on an error.
fn query(store: &Path, args: &[&std::ffi::OsStr]) -> String {
    let output = trame()
        .arg("query")
        .args(args)
        .args(["--format", "csv", "--store"])
        .arg(store)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn values(built: &Built) -> Vec<(String, String)> {
    built
        .timexes
        .iter()
        .map(|r| (r["text"].clone(), r["value"].clone()))
        .collect()
}

#[test]
fn the_seed_with_a_given_date_has_its_time_expressions_and_dated_facts() {
    let built = build_in(
        tempfile::tempdir().unwrap(),
        &root().join("seeds"),
        &["--date", "2025-03-11"],
    );
    let store = &built.store;
    let documents = &built.documents;

    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0]["date"], "2025-03-11");
    assert_eq!(documents[0]["date_origin"], "given");
    let timexes = &built.timexes;
    let original: Vec<char> = std::fs::read_to_string(root().join("seeds/000_9c81224ff3cb7629.txt"))
        .unwrap()
        .chars()
        .collect();
    for row in timexes {
        let (start, end): (usize, usize) = (row["start"].parse().unwrap(), row["end"].parse().unwrap());
        let text: String = original[start..end].iter().collect();
        assert_eq!(text, row["text"], "offsets point into the original file");
    }
    let has = |text: &str, value: &str| timexes.iter().any(|r| r["text"] == text && r["value"] == value);
    assert!(has("le 28 février", "2025-02-28"), "{timexes:?}");
    assert!(has("lundi soir", "2025-03-10TEV"), "{timexes:?}");
    assert!(has("30 jours", "P30D"), "{timexes:?}");

    // A fact dated by «lundi soir» carries the value and its day, typed.
    let dated = "SELECT ?v ?b WHERE { ?s a trame:Statement ; trame:time ?t ; trame:timeValue ?v ; \
                 trame:timeBegin ?b . FILTER(DATATYPE(?b) = xsd:date) } ORDER BY ?b";
    let out = query(store, &[dated.as_ref()]);
    assert!(out.contains("2025-03-10"), "{out}");
    // Facts with no time words carry no time value.
    let undated = "SELECT (COUNT(*) AS ?n) WHERE { ?s a trame:Statement ; trame:timeValue ?v . \
                   FILTER NOT EXISTS { ?s trame:time ?t } }";
    let out = query(store, &[undated.as_ref()]);
    assert!(out.lines().nth(1).is_some_and(|l| l.trim() == "0"), "{out}");
    // The ready queries run and find facts on the seed.
    for file in ["facts-between-dates.rq", "events-of-week.rq", "entity-timeline.rq"] {
        let path = root().join("queries").join(file);
        let out = query(store, &["-f".as_ref(), path.as_os_str()]);
        assert!(out.lines().count() > 1, "{file} finds facts on the seed: {out}");
    }
}

#[test]
fn the_dateline_wins_over_the_file_name_and_says_so() {
    let text = "La mairie ferme\n\n13 octobre 2017. –\nLe maire a fermé la mairie hier soir après une réunion.";
    let built = build(&[("2017_10_12-001.txt", text)], &[]);
    assert_eq!(built.documents[0]["date"], "2017-10-13");
    assert_eq!(built.documents[0]["date_origin"], "dateline");
    assert!(
        built.stderr.contains("2017-10-13") && built.stderr.contains("2017-10-12"),
        "{}",
        built.stderr
    );
    assert!(built.stderr.contains("the text wins"), "{}", built.stderr);
    // The dateline is the document's date, not an expression of the text.
    assert_eq!(values(&built), [("hier soir".to_string(), "2017-10-12TEV".to_string())]);
}

#[test]
fn file_names_front_matter_and_the_option_give_dates() {
    let front = "---\ntitle: Grève\ndate: 2019-06-03\n---\nLes syndicats ont appelé à la grève lundi.";
    let built = build(
        &[
            ("2018-05-04-greve.md", "Les syndicats ont appelé à la grève hier."),
            ("front.md", front),
        ],
        &[],
    );
    let date = |source: &str| built.documents.iter().find(|d| d["source"].ends_with(source)).unwrap()["date"].clone();
    assert_eq!(date("2018-05-04-greve.md"), "2018-05-04");
    assert_eq!(date("front.md"), "2019-06-03");
    assert!(!built.stderr.contains("without a date"), "{}", built.stderr);
    let given = build(
        &[("2018-05-04-greve.md", "Les syndicats ont appelé à la grève hier.")],
        &["--date", "2020-02-29"],
    );
    assert_eq!(given.documents[0]["date"], "2020-02-29");
    assert_eq!(values(&given), [("hier".to_string(), "2020-02-28".to_string())]);
}

#[test]
fn an_impossible_date_option_is_a_usage_error() {
    for bad in ["2025-02-30", "11/03/2025", "demain"] {
        trame()
            .args(["build", "seeds", "--date", bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("YYYY-MM-DD"));
    }
}

#[test]
fn without_a_date_relative_values_keep_x_and_the_summary_says_so() {
    let text = "Le ministre a démissionné hier soir. La semaine dernière, il avait annoncé une réforme. \
                Il y a trois ans, il était maire. Le conseil se réunira lundi.";
    let built = build(&[("article.txt", text)], &[]);
    assert_eq!(built.documents[0]["date"], "");
    assert!(built.stderr.contains("1 without a date"), "{}", built.stderr);
    let v = values(&built);
    for (text, value) in &v {
        assert!(value.contains('X'), "{text} = {value}: no date, so no guess");
    }
    assert!(v.iter().any(|(t, v)| t == "hier soir" && v == "XXXX-XX-XXTEV"), "{v:?}");
    assert!(
        v.iter().any(|(t, v)| t == "La semaine dernière" && v == "XXXX-WXX"),
        "{v:?}"
    );
    assert!(v.iter().any(|(t, v)| t == "Il y a trois ans" && v == "XXXX"), "{v:?}");
}

#[test]
fn bad_dates_give_no_panic_and_sensible_values() {
    let text = "Le 31 février 2018, rien ne s'est passé. Le 12/10/98, le club a gagné. \
                Le 15 ramadan 1445, la mosquée était pleine. Le 3 brumaire an II, la Convention a voté. \
                Les années 80 ont été difficiles.";
    let built = build(&[("2018_03_05-001.txt", text)], &[]);
    let v = values(&built);
    // No 31 February: the month is kept, the day marked unknown.
    assert!(!v.iter().any(|(_, value)| value.contains("02-31")), "{v:?}");
    assert!(
        v.iter()
            .any(|(t, value)| t == "Le 31 février 2018" && value == "2018-02-XX"),
        "{v:?}"
    );
    // Other calendars' dates are dates whose Gregorian day is not computed;
    // no Gregorian year 1445.
    assert!(!v.iter().any(|(_, value)| value.starts_with("1445")), "{v:?}");
    assert!(
        v.iter()
            .any(|(t, value)| t == "Le 15 ramadan 1445" && value == "XXXX-XX-XX"),
        "{v:?}"
    );
    assert!(
        v.iter()
            .any(|(t, value)| t == "Le 3 brumaire an II" && value == "XXXX-XX-XX"),
        "{v:?}"
    );
    assert!(
        v.iter().any(|(t, value)| t == "Le 12/10/98" && value == "1998-10-12"),
        "{v:?}"
    );
    assert!(
        v.iter().any(|(t, value)| t == "Les années 80" && value == "198"),
        "{v:?}"
    );
}

#[test]
fn a_long_paragraph_full_of_numbers_gives_well_formed_rows() {
    let mut text = String::from("Le rapport publié hier donne les chiffres suivants : ");
    let mut n = 0u32;
    while text.chars().count() < 50_000 {
        text.push_str(&format!(
            "{} {} {} heures, {}/{}/{} et {} ans, ",
            n % 3000,
            n % 31,
            n % 48,
            n % 32,
            n % 13,
            1990 + n % 40,
            n % 99
        ));
        n += 1;
    }
    text.push_str("fin.");
    let built = build(&[("2018_01_02-001.txt", &text)], &["--date", "2018-01-02"]);
    assert!(built.timexes.len() > 100, "{}", built.timexes.len());
    let original: Vec<char> = text.chars().collect();
    let mut previous_end = 0;
    for row in &built.timexes {
        let (start, end): (usize, usize) = (row["start"].parse().unwrap(), row["end"].parse().unwrap());
        // Rows in order, not overlapping, each the text it says it is.
        assert!(start >= previous_end && start < end && end <= original.len(), "{row:?}");
        previous_end = end;
        assert_eq!(original[start..end].iter().collect::<String>(), row["text"]);
        let value = &row["value"];
        assert!(!value.is_empty() && value.len() < 40, "{row:?}");
        assert!(
            ["DATE", "TIME", "DURATION", "SET"].contains(&row["type"].as_str()),
            "{row:?}"
        );
        // A numeric date is a real day, or its month with the day unknown (31/2/…).
        if row["text"].matches('/').count() == 2 {
            let (date, _) = value.split_once('T').unwrap_or((value, ""));
            let real = date.len() == 10 && date.chars().filter(|c| *c == '-').count() == 2 && !date.contains('X');
            assert!(real || date.ends_with("-XX"), "{row:?}");
        }
    }
    assert!(built.store.exists());
}

#[test]
fn position_and_quantity_words_give_the_mod_column() {
    let text = "Le chantier a commencé début mars et s'est arrêté fin 2017. \
                Les ouvriers sont revenus à la mi-juillet, vers 14 h, pour plus de 8 heures. \
                Il y a plus de dix ans, le maire l'avait promis.";
    let built = build(&[("chantier.txt", text)], &["--date", "2025-03-11"]);
    let row = |t: &str| {
        built
            .timexes
            .iter()
            .find(|r| r["text"] == t)
            .unwrap_or_else(|| panic!("{t} in {:?}", built.timexes))
            .clone()
    };
    let check = |t: &str, value: &str, m: &str| {
        let r = row(t);
        assert_eq!((r["value"].as_str(), r["mod"].as_str()), (value, m), "{t}");
    };
    check("début mars", "2025-03", "START");
    check("fin 2017", "2017", "END");
    check("la mi-juillet", "2024-07", "MID");
    check("14 h", "2025-03-11T14:00", "APPROX");
    check("8 heures", "PT8H", "MORE_THAN");
    check("Il y a plus de dix ans", "2015", "BEFORE");
    // The mod is stored on the time expression node too.
    let out = query(
        &built.store,
        &["SELECT ?m WHERE { ?t a trame:TimeExpression ; trame:text \"fin 2017\" ; trame:timexMod ?m }".as_ref()],
    );
    assert!(out.contains("END"), "{out}");
    // The words of a time expression are the act's time, never its object
    // (but for the act's own date statement, `actDate`, whose object they are).
    let out = query(
        &built.store,
        &[
            "SELECT ?o WHERE { ?st a trame:Statement ; rdf:predicate ?p ; rdf:object ?o . \
           FILTER(?p != trame:actDate) \
           FILTER(STR(?o) IN (\"début\", \"mars\", \"fin 2017\", \"mi-juillet\")) }"
                .as_ref(),
        ],
    );
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn a_dateline_without_a_year_takes_it_from_the_file_name_or_stays_unknown() {
    let text = "PARIS, 3 mars (AFP) - Le gouvernement a annoncé hier une réforme des retraites.";
    // With a dated file name: the year comes from it, day and month from the dateline.
    let built = build(&[("2024-03-03-retraites.txt", text)], &[]);
    assert_eq!(built.documents[0]["date"], "2024-03-03");
    assert_eq!(built.documents[0]["date_origin"], "dateline");
    assert_eq!(values(&built), [("hier".to_string(), "2024-03-02".to_string())]);
    // Without one: no date, the summary says so, and values keep X.
    let built = build(&[("depeche.txt", text)], &[]);
    assert_eq!(built.documents[0]["date"], "");
    assert!(built.stderr.contains("1 without a date"), "{}", built.stderr);
    assert_eq!(values(&built), [("hier".to_string(), "XXXX-XX-XX".to_string())]);
    // A file name on another day: the dateline wins and the build says so.
    let built = build(&[("2024-03-05-retraites.txt", text)], &[]);
    assert_eq!(built.documents[0]["date"], "2024-03-03");
    assert!(
        built.stderr.contains("2024-03-03")
            && built.stderr.contains("2024-03-05")
            && built.stderr.contains("the text wins"),
        "{}",
        built.stderr
    );
}
