//! Crash safety and concurrency of the store, with real processes.
//!
//! A writer process (this test binary re-run as `writer_child`, or the
//! `trame load` binary) is SIGKILLed at arbitrary moments; the store must
//! reopen and hold whole documents only. Readers (read-only openings and
//! `trame query`) run while a writer is busy and must get either a
//! consistent answer or one clear error line.

// Reports its measurements and findings on the console.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use trame::store::{SnapshotOptions, Store};

use crate::support::{documents, trame_process};

const DOCS: usize = 12;
const SENTENCES: usize = 12;
/// Passes over the documents a writer makes before it idles (holding the lock).
const PASSES: usize = 6;

/// Document `i` in one of two versions of the same source path.
fn version(i: usize, edited: bool) -> trame::facts::Document {
    let mut doc = documents::numbered_document(i, if edited { SENTENCES - 4 } else { SENTENCES });
    doc.source = format!("doc{i}.txt");
    doc
}

/// Quads per source path and version, measured in a scratch store.
fn expected_sizes() -> BTreeMap<String, Vec<usize>> {
    let mut sizes: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for i in 0..DOCS {
        for edited in [false, true] {
            let store = Store::in_memory().unwrap();
            let before = store.len().unwrap();
            store.put_document(&version(i, edited)).unwrap();
            sizes
                .entry(format!("doc{i}.txt"))
                .or_default()
                .push(store.len().unwrap() - before);
        }
    }
    sizes
}

/// Every document present is whole, one per source path, and nothing
/// else holds data.
fn assert_whole_documents(store: &Store, sizes: &BTreeMap<String, Vec<usize>>) -> usize {
    let documents = store.documents().unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for doc in &documents {
        assert!(seen.insert(doc.source.clone()), "two graphs for {}", doc.source);
        let allowed = &sizes[&doc.source];
        assert!(
            allowed.contains(&doc.quads),
            "{} has {} quads, expected one of {allowed:?}",
            doc.source,
            doc.quads
        );
    }
    let snapshot = store.snapshot(&SnapshotOptions::default()).unwrap();
    let in_documents: usize = documents.iter().map(|d| d.quads).sum();
    assert_eq!(snapshot.quads.len(), in_documents, "quads outside document graphs");
    documents.len()
}

/// Kills the child on drop, so a failing assertion leaves no writer behind.
struct Killed(Child);

/// A running writer, and whether it had finished writing.
struct Writer {
    process: Killed,
    idle: Arc<AtomicBool>,
}

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts this test binary as a writer looping over put_document, and
/// waits until it has committed its first document.
fn spawn_writer(store: &Path, passes: usize) -> Writer {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "store_crash::writer_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("TRAME_TEST_WRITER_STORE", store)
        .env("TRAME_TEST_WRITER_PASSES", passes.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let line = lines.next().expect("writer exited before it was ready").unwrap();
        if line.contains("WRITER READY") {
            break;
        }
        assert!(Instant::now() < deadline, "writer never became ready");
    }
    // Keep draining stdout in the background so the child never blocks.
    let idle = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&idle);
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if line.contains("WRITER IDLE") {
                flag.store(true, Ordering::SeqCst);
            }
        }
    });
    Writer {
        process: Killed(child),
        idle,
    }
}

/// Not a test on its own: the writer process of the tests below.
#[test]
#[ignore = "run by the crash tests as a child process"]
fn writer_child() {
    let Some(path) = std::env::var_os("TRAME_TEST_WRITER_STORE") else {
        return;
    };
    let store = Store::open(Path::new(&path)).unwrap();
    let passes: usize = std::env::var("TRAME_TEST_WRITER_PASSES")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(PASSES);
    for pass in 0..passes {
        for i in 0..DOCS {
            store.put_document(&version(i, pass % 2 == 1)).unwrap();
            if pass == 0 && i == 0 {
                println!("WRITER READY");
            }
        }
    }
    println!("WRITER IDLE");
    // Keep the store open (and locked) until the test kills us.
    loop {
        std::thread::sleep(Duration::from_secs(1));
    }
}

#[test]
fn sigkill_during_put_document_leaves_whole_documents() {
    let sizes = expected_sizes();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    let mut delays = [37u64, 151, 5, 93, 120, 13];
    let mut seed = 7u64;
    for delay in delays.iter_mut() {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        *delay += seed % 50;
    }
    let mut killed_while_writing = 0;
    for delay in delays {
        let writer = spawn_writer(&path, PASSES);
        std::thread::sleep(Duration::from_millis(delay));
        if !writer.idle.load(Ordering::SeqCst) {
            killed_while_writing += 1;
        }
        drop(writer.process); // SIGKILL
        let store = Store::open(&path).expect("the store reopens after SIGKILL");
        let count = assert_whole_documents(&store, &sizes);
        assert!(count >= 1);
    }
    assert!(
        killed_while_writing >= delays.len() / 2,
        "only {killed_while_writing} kills hit a busy writer"
    );
}

#[test]
fn sigkill_during_trame_load_leaves_whole_documents() {
    let sizes = expected_sizes();
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for i in 0..DOCS {
        let scratch = Store::in_memory().unwrap();
        scratch.put_document(&version(i, false)).unwrap();
        let file = dir.path().join(format!("doc{i}.nq"));
        let mut out = Vec::new();
        scratch.write_rdf(trame::store::RdfFormat::NQuads, &mut out).unwrap();
        std::fs::write(&file, out).unwrap();
        files.push(file);
    }
    let path = dir.path().join("db");
    for delay in [20u64, 60, 110] {
        let child = trame_process()
            .arg("--store")
            .arg(&path)
            .arg("--quiet")
            .arg("load")
            .args(&files)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        drop(Killed(child));
        let store = Store::open(&path).expect("the store reopens after SIGKILL");
        assert_whole_documents(&store, &sizes);
    }
}

#[test]
fn readers_get_consistent_answers_or_a_clear_error_while_a_writer_runs() {
    let sizes = expected_sizes();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    let writer = spawn_writer(&path, usize::MAX);
    let mut consistent = 0;
    for _ in 0..6 {
        match Store::open_read_only(&path) {
            Ok(store) => {
                assert_whole_documents(&store, &sizes);
                consistent += 1;
            }
            Err(error) => {
                let message = error.to_string();
                assert!(
                    message.contains(&path.display().to_string()),
                    "unclear error: {message}"
                );
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(consistent > 0, "no read-only opening succeeded while writing");
    assert!(
        !writer.idle.load(Ordering::SeqCst),
        "the writer finished before the reads: make it write longer"
    );

    // The binary: queries answer, writes are refused with an explanation.
    let query = trame_process()
        .arg("--store")
        .arg(&path)
        .args(["query", "SELECT (COUNT(*) AS ?n) WHERE { ?d a trame:Document }"])
        .output()
        .unwrap();
    assert!(query.status.success(), "{}", String::from_utf8_lossy(&query.stderr));
    assert!(String::from_utf8_lossy(&query.stdout).starts_with("n\r\n"));
    let update = trame_process()
        .arg("--store")
        .arg(&path)
        .args(["update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"])
        .output()
        .unwrap();
    assert_eq!(update.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&update.stderr);
    assert!(stderr.contains("open for writing by another process"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// A build killed after RocksDB created the store but before its first
/// commit (the ontology) leaves a store with CURRENT and nothing in it (the
/// crash run of tests/crash_build.sh landed there once). Readers take it
/// for an empty store, and the next build fills it.
#[test]
fn a_store_created_but_never_written_reads_as_empty_and_builds() {
    use crate::support::{seed, stdout_of, trame_on};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("created.db");
    drop(oxigraph::store::Store::open(&path).unwrap());
    assert!(
        path.join("CURRENT").exists(),
        "RocksDB did not finish creating the store"
    );

    let stats: serde_json::Value =
        serde_json::from_str(&stdout_of(trame_on(&path).args(["stats", "--format", "json"]))).unwrap();
    assert_eq!(stats["documents"], 0, "{stats}");
    let dump = stdout_of(trame_on(&path).args(["export", "nq"]));
    assert!(dump.trim().is_empty(), "an empty store exported quads: {dump}");
    let count = stdout_of(trame_on(&path).args([
        "query",
        "--format",
        "csv",
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    ]));
    assert_eq!(count.lines().last().map(str::trim), Some("0"), "{count}");

    trame_on(&path)
        .args(["--quiet", "build"])
        .arg(seed())
        .assert()
        .success();
    let stats: serde_json::Value =
        serde_json::from_str(&stdout_of(trame_on(&path).args(["stats", "--format", "json"]))).unwrap();
    assert_eq!(stats["documents"], 1, "{stats}");
}
