//! A store is a function of its documents: the graphs built from a set of
//! articles do not depend on build order, on what the store held before,
//! on how often they were built or on sharding. Runs the real binary (and
//! the language model) over a few short articles whose entities meet
//! across documents, and compares every quad (`export nq`) except the
//! date each document was added and the ontology graph's blank nodes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::support::trame;

/// Invented articles: "Dupuis" and "Lenoir" alone in some, with their
/// first names in others, so that merging across documents has work to do.
const ARTICLES: [(&str, &str); 4] = [
    (
        "a.txt",
        "Le ministre Jean Dupuis a rencontré le maire Marc Lenoir à Lyon.\n\
         Jean Dupuis a annoncé un accord sur le financement du nouveau tramway de la ville.\n",
    ),
    (
        "b.txt",
        "Dupuis a visité mardi l'usine de Grenoble avec les représentants des syndicats.\n\
         Le ministre a promis une aide de dix millions d'euros aux ouvriers de la région.\n",
    ),
    (
        "c.txt",
        "Marc Lenoir a quitté Lyon pour Paris afin de défendre le projet devant le gouvernement.\n\
         Lenoir a déclaré que la réforme des transports serait prête avant l'été.\n",
    ),
    (
        "d.txt",
        "Lenoir et Dupuis ont signé la convention à Lyon en présence de la presse.\n\
         La région Auvergne-Rhône-Alpes financera la moitié des travaux du tramway.\n",
    ),
];

fn write_articles(dir: &Path) -> Vec<PathBuf> {
    ARTICLES
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn build(store: &Path, files: &[PathBuf], extra: &[&str]) {
    trame()
        .arg("build")
        .args(files)
        .args(extra)
        .arg("--store")
        .arg(store)
        .arg("--quiet")
        .assert()
        .success();
}

/// Every quad of the store except `dateAdded` and the ontology graph.
fn quads(store: &Path) -> BTreeSet<String> {
    let output = trame().args(["export", "nq", "--store"]).arg(store).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter(|line| !line.contains("#dateAdded>") && !line.ends_with("<https://w3id.org/trame/ontology> ."))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_graphs_of_a_document_set_do_not_depend_on_order_history_or_shards() {
    let dir = tempfile::tempdir().unwrap();
    let files = write_articles(dir.path());
    let (first, second) = files.split_at(2);

    let together = dir.path().join("together.db");
    build(&together, &files, &[]);
    let expected = quads(&together);
    assert!(expected.iter().any(|q| q.contains("/doc/")), "documents were stored");
    let merge_graph: Vec<&String> = expected
        .iter()
        .filter(|q| q.ends_with("<https://w3id.org/trame/merge> ."))
        .collect();
    assert!(
        merge_graph.iter().any(|q| q.contains("owl#sameAs")),
        "a surname met its full name in another document: {merge_graph:#?}"
    );

    let forward = dir.path().join("forward.db");
    build(&forward, first, &[]);
    build(&forward, second, &[]);
    assert_eq!(quads(&forward), expected, "A then B");

    let backward = dir.path().join("backward.db");
    build(&backward, second, &[]);
    build(&backward, first, &[]);
    assert_eq!(quads(&backward), expected, "B then A");

    build(&together, &files, &[]);
    assert_eq!(quads(&together), expected, "built twice into the same store");

    // Two shard workers, each with its own output, loaded into one store.
    let dump = dir.path().join("dump");
    for shard in ["0/2", "1/2", "1/2"] {
        build(
            &dir.path().join("unused.db"),
            &files,
            &["--shard", shard, "--out", dump.to_str().unwrap()],
        );
    }
    assert!(!dir.path().join("unused.db").exists(), "--out writes no store");
    let mut parts: Vec<PathBuf> = std::fs::read_dir(&dump).unwrap().map(|e| e.unwrap().path()).collect();
    parts.sort();
    let names: Vec<String> = parts
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["shard-0-of-2.nq.gz", "shard-1-of-2.nq.gz"]);
    let sharded = dir.path().join("sharded.db");
    trame()
        .arg("load")
        .args(&parts)
        .arg("--store")
        .arg(&sharded)
        .arg("--quiet")
        .assert()
        .success();
    assert_eq!(quads(&sharded), expected, "two shards loaded from dumps, then merged");

    // An explicit merge changes nothing on a store a build merged already.
    trame()
        .args(["merge", "--store"])
        .arg(&forward)
        .assert()
        .success()
        .stderr(predicate::str::contains("merged across documents"));
    assert_eq!(quads(&forward), expected);
}

#[test]
fn bad_shards_are_usage_errors_with_a_clear_message() {
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case; 5] = [
        (&["--shard", "4/4"], &[], "K goes from 0 to 3"),
        (&["--shard", "1:4"], &[], "expected K/N"),
        (&["--shard", "0/0"], &[], "at least 1"),
        (&["--shards", "4"], &[], "JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID"),
        (
            &["--shards", "4"],
            &[("JOB_COMPLETION_INDEX", "four")],
            "JOB_COMPLETION_INDEX=\"four\"",
        ),
    ];
    for (args, env, message) in cases {
        let mut command = trame();
        command.args(["build", "seeds/"]).args(args);
        for (name, value) in env {
            command.env(name, value);
        }
        command.assert().code(2).stderr(predicate::str::contains(message));
    }
    trame()
        .args(["build", "seeds/", "--shard", "0/2", "--shards", "2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
}

/// Median wall time of opening the store and answering a count, in seconds.
fn reader_seconds(store: &Path) -> f64 {
    let mut times: Vec<f64> = (0..3)
        .map(|_| {
            let started = std::time::Instant::now();
            trame()
                .args([
                    "query",
                    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                    "--store",
                ])
                .arg(store)
                .assert()
                .success();
            started.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[1]
}

#[test]
fn a_readers_open_time_does_not_grow_with_what_was_loaded() {
    // Before every write command flushed, a reader replayed the write-ahead
    // log of the last `load`: 2.5 s and 270 MB after 110,000 quads.
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, quads: usize| {
        let path = dir.path().join(name);
        let mut text = String::new();
        for i in 0..quads {
            text.push_str(&format!(
                "<http://example.org/s{i}> <http://example.org/p> \"value number {i}, long enough to weigh\" <http://example.org/g{}> .\n",
                i % 50
            ));
        }
        std::fs::write(&path, text).unwrap();
        path
    };
    let (small, large) = (write("small.nq", 100), write("large.nq", 80_000));
    let (small_store, large_store) = (dir.path().join("small.db"), dir.path().join("large.db"));
    for (file, store) in [(&small, &small_store), (&large, &large_store)] {
        trame()
            .arg("load")
            .arg(file)
            .arg("--store")
            .arg(store)
            .arg("--quiet")
            .assert()
            .success();
    }
    let (empty, loaded) = (reader_seconds(&small_store), reader_seconds(&large_store));
    assert!(
        loaded < empty * 3.0 + 0.5,
        "opening a store after loading 80,000 quads took {loaded:.2} s, after 100 quads {empty:.2} s"
    );
}

/// `mentions.csv` rows as `source file name,text,type`, sorted.
fn mention_rows(store: &Path, dir: &Path) -> Vec<String> {
    let out = dir.join("csv");
    let _ = std::fs::remove_dir_all(&out);
    trame()
        .args(["export", "csv", "--quiet", "--store"])
        .arg(store)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(out.join("mentions.csv")).unwrap();
    let mut rows: Vec<String> = text
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let name = Path::new(cells[2]).file_name().unwrap().to_string_lossy().into_owned();
            format!("{name},{},{}", cells[5], cells[6])
        })
        .collect();
    rows.sort();
    rows
}

/// A name that one article leaves alone (a single mention in a verbless
/// line) is a mention of the entity another article names, once both are
/// in the store, whichever order or shards they came in; removing the
/// other article removes the mention again.
#[test]
fn the_document_set_resolves_names_a_document_alone_leaves_open() {
    let dir = tempfile::tempdir().unwrap();
    let port = dir.path().join("port.txt");
    let quais = dir.path().join("quais.txt");
    std::fs::write(
        &port,
        "Le ministre a inauguré lundi le nouveau port de Kerlouan, en Bretagne.\n\
         Les pêcheurs de Kerlouan attendent des crédits pour la flotte.\n",
    )
    .unwrap();
    std::fs::write(
        &quais,
        "Les pêcheurs attendent toujours les crédits.\n\
         Kerlouan : pas de réponse.\n\
         La colère monte sur les quais depuis trois semaines.\n",
    )
    .unwrap();

    let alone = dir.path().join("alone.db");
    build(&alone, std::slice::from_ref(&quais), &[]);
    assert!(
        !mention_rows(&alone, dir.path()).contains(&"quais.txt,Kerlouan,LOC".to_string()),
        "one lone mention makes no entity"
    );

    let both = dir.path().join("both.db");
    build(&both, &[quais.clone(), port.clone()], &[]);
    let rows = mention_rows(&both, dir.path());
    assert!(rows.contains(&"quais.txt,Kerlouan,LOC".to_string()), "{rows:#?}");
    let expected = quads(&both);
    assert!(
        expected.iter().any(|q| q.contains("/name/")
            && q.contains("#refersTo>")
            && q.ends_with("<https://w3id.org/trame/merge> .")),
        "the mention is the merge graph's, the document graphs stay as they were"
    );

    let reversed = dir.path().join("reversed.db");
    build(&reversed, std::slice::from_ref(&port), &[]);
    build(&reversed, std::slice::from_ref(&quais), &[]);
    assert_eq!(quads(&reversed), expected, "built in the other order");

    trame()
        .args(["rm", "--quiet", "--store"])
        .arg(&both)
        .arg(&port)
        .assert()
        .success();
    assert_eq!(
        quads(&both),
        quads(&alone),
        "removing the other article removes the mention"
    );
}

/// A headline in capitals ("BERLIN ACCUEILLE …") names no entity
/// "BERLIN ACCUEILLE", and the place keeps the spelling the articles use
/// in ordinary text, in the article and across articles.
#[test]
fn a_headline_in_capitals_names_nothing_in_capitals() {
    let dir = tempfile::tempdir().unwrap();
    let sommet = dir.path().join("sommet.txt");
    let accord = dir.path().join("accord.txt");
    std::fs::write(
        &sommet,
        "BERLIN ACCUEILLE LE SOMMET DES MINISTRES\n\n\
         Les ministres européens se retrouvent mardi à Berlin pour parler du climat. \
         La chancelière a reçu ses invités à Berlin.\n",
    )
    .unwrap();
    std::fs::write(
        &accord,
        "VARSOVIE ET BERLIN SIGNENT UN ACCORD\n\n\
         La Pologne et l'Allemagne ont signé un accord sur l'énergie.\n",
    )
    .unwrap();
    let store = dir.path().join("caps.db");
    build(&store, &[accord.clone(), sommet.clone()], &[]);
    let rows = mention_rows(&store, dir.path());
    for row in [
        "sommet.txt,BERLIN,LOC",
        "sommet.txt,Berlin,LOC",
        "accord.txt,BERLIN,LOC",
        "accord.txt,VARSOVIE,LOC",
    ] {
        assert!(rows.contains(&row.to_string()), "{row} in {rows:#?}");
    }
    assert!(
        rows.iter()
            .all(|r| !r.contains("ACCUEILLE") && !r.contains("SOMMET") && !r.contains("ET BERLIN")),
        "{rows:#?}"
    );
    let entities = std::fs::read_to_string(dir.path().join("csv/entities.csv")).unwrap();
    let labels: Vec<&str> = entities.lines().skip(1).map(|l| l.split(',').nth(1).unwrap()).collect();
    assert!(labels.contains(&"Berlin") && labels.contains(&"Varsovie"), "{labels:?}");
    assert!(
        labels.iter().all(|l| !l.contains("BERLIN") && !l.contains("VARSOVIE")),
        "{labels:?}"
    );
}
