//! The chores every subcommand shares, end to end through the real binary:
//! the exit code of a malformed input (2) versus a failure (1), whichever
//! subcommand meets it; one confidence threshold checked by clap; one name
//! matching for `explain` and `export --focus`; the model's install notice
//! printed through the CLI's output (silent with `--quiet`).

use std::path::Path;

use crate::support::{seed, seed_store, trame, trame_on};

/// Runs `trame --store STORE ARGS…` in a scratch folder and returns (exit code, stderr).
fn run(store: &Path, args: &[&str]) -> (i32, String) {
    let scratch = tempfile::tempdir().unwrap();
    let output = trame_on(store).current_dir(scratch.path()).args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn malformed_input_exits_2_in_every_subcommand_and_failures_exit_1() {
    let (_dir, store) = seed_store();
    let store = store.as_path();
    let seed = seed().display().to_string();
    let malformed: &[&[&str]] = &[
        &["query", "SELEC ?s WHERE { ?s ?p ?o }"],
        &["update", "INSERT DATA { <a:b> <a:c> "],
        &["export", "png", "-o", "q.png", "--query", "SELEC ?s WHERE { ?s ?p ?o }"],
        &["export", "svg", "--query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p "],
        &["export", "dot", "--query", "SELEC ?s"],
        &["export", "csv", "-o", "dump", "--query", "SELEC ?s"],
        &["export", "dot", "--min-confidence", "1.5"],
        &["export", "dot", "--min-confidence", "haut"],
        &["export", "ttl", "--query", "CONSTRUCT WHERE { ?s ?p ?o }"],
        &["export", "gif"],
        &["export", "dot", "--top", "0"],
        &["export", "png"],
        &["explain", "--min-confidence", "2", "Rubio"],
        &["build", "--min-confidence", "-1", &seed],
        &["rm", "no-such-document"],
        &["load", "notes.xyz"],
        &["stats", "--format", "yaml"],
        &["parse", "--format", "xml", &seed],
        &["model", "install", "lg"],
    ];
    for args in malformed {
        let (code, stderr) = run(store, args);
        assert_eq!(code, 2, "trame {}: {stderr}", args.join(" "));
        assert!(!stderr.trim().is_empty(), "trame {} says why", args.join(" "));
    }
    let missing = store.with_file_name("missing.db");
    let failures: &[(&Path, &[&str])] = &[
        (&missing, &["query", "ASK { ?s ?p ?o }"]),
        (&missing, &["export", "png", "-o", "q.png"]),
        (&missing, &["stats"]),
        (&missing, &["explain", "Rubio"]),
        (store, &["query", "-f", "no-such-file.rq"]),
        (store, &["explain", "Personne Inconnue"]),
        (store, &["export", "dot", "--focus", "Personne Inconnue"]),
    ];
    for (store, args) in failures {
        let (code, stderr) = run(store, args);
        assert_eq!(code, 1, "trame {}: {stderr}", args.join(" "));
    }
}

#[test]
fn a_name_without_accents_hyphens_or_article_finds_the_same_entity_everywhere() {
    let (_dir, store) = seed_store();
    let store = store.as_path();
    for typed in ["etats unis", "ETATS-UNIS", "les États-Unis", "États-Unis"] {
        let explained = trame_on(store).args(["explain", typed]).assert().success();
        let text = String::from_utf8_lossy(&explained.get_output().stdout).into_owned();
        assert!(text.starts_with("États-Unis (LOC"), "explain {typed}: {text}");

        let drawn = trame_on(store)
            .args(["export", "dot", "--depth", "0", "--focus", typed])
            .assert()
            .success();
        let dot = String::from_utf8_lossy(&drawn.get_output().stdout).into_owned();
        assert!(dot.contains("label=\"États-Unis\""), "export --focus {typed}: {dot}");
    }
}

#[test]
fn the_confidence_threshold_filters_build_export_and_explain_alike() {
    let (_dir, store) = seed_store();
    let store = store.as_path();
    let confident = |args: &[&str]| -> Vec<f32> {
        let assert = trame_on(store).args(args).assert().success();
        String::from_utf8_lossy(&assert.get_output().stdout)
            .lines()
            .filter_map(|l| l.trim().strip_prefix("confidence "))
            .map(|l| l.split_whitespace().next().unwrap().parse().unwrap())
            .collect()
    };
    let all = confident(&["explain", "Rubio"]);
    let high = confident(&["explain", "Rubio", "--min-confidence", "0.8"]);
    assert!(!high.is_empty() && high.len() < all.len(), "{all:?} / {high:?}");
    assert!(high.iter().all(|&c| c >= 0.8), "{high:?}");
    // The threshold itself is kept (the one comparison is `>=`).
    let exact = format!("{}", all.iter().cloned().fold(f32::NAN, f32::min));
    let kept = confident(&["explain", "Rubio", "--min-confidence", &exact]);
    assert_eq!(kept.len(), all.len(), "threshold {exact}");
}

#[test]
fn the_model_install_notice_goes_through_the_cli_and_quiet_silences_it() {
    let cache = tempfile::tempdir().unwrap();
    let no_python = tempfile::tempdir().unwrap();
    let text = cache.path().join("a.txt");
    std::fs::write(&text, "Le chat dort.\n").unwrap();
    let attempt = |quiet: bool| -> String {
        let mut command = trame();
        command
            .env("XDG_CACHE_HOME", cache.path())
            .env("PATH", no_python.path())
            .args(["parse", "--model", "sm"])
            .arg(&text);
        if quiet {
            command.arg("--quiet");
        }
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(1), "no python3 on PATH: the install fails");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let loud = attempt(false);
    assert!(loud.contains("is not installed yet"), "{loud}");
    let quiet = attempt(true);
    let lines: Vec<&str> = quiet.lines().collect();
    assert_eq!(lines.len(), 1, "{quiet}");
    assert!(
        lines[0].starts_with("trame: ") && lines[0].contains("python3"),
        "{quiet}"
    );
}

#[test]
fn rust_log_shows_what_the_library_logs() {
    let dry_run = |log: Option<&str>| -> String {
        let mut command = trame();
        command
            .env_remove("RUST_LOG")
            .args(["--quiet", "build", "--dry-run"])
            .arg(seed());
        if let Some(filter) = log {
            command.env("RUST_LOG", filter);
        }
        let output = command.output().unwrap();
        assert!(output.status.success());
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    // The seed's tag line is boilerplate; the input stage logs its removal.
    let logged = dry_run(Some("trame=debug"));
    assert!(logged.contains("boilerplate line removed"), "{logged}");
    assert!(!dry_run(None).contains("boilerplate"));
}
