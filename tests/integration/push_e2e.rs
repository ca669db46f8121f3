//! `trame push` and `build --push` against stores that misbehave: a small
//! HTTP server in the test (127.0.0.1 only) answers as told, so faults are
//! exact and need no real store (tests/stores.sh runs the real ones).
//! The local store to push is loaded from N-Quads, so no model is needed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};

use predicates::prelude::*;

use crate::support::trame;

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Request {
    method: String,
    target: String,
    authorization: Option<String>,
    body: Vec<u8>,
}

type Handler = dyn Fn(&Request) -> (u16, Vec<(String, String)>, String) + Send + Sync;

/// Serves on 127.0.0.1 (a free port) until the test ends; returns the base
/// URL and the log of requests.
fn serve(handler: Arc<Handler>) -> (String, Arc<Mutex<Vec<Request>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let log = Arc::new(Mutex::new(Vec::new()));
    let server_log = log.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (handler, log) = (handler.clone(), server_log.clone());
            std::thread::spawn(move || connection(stream, handler.as_ref(), &log));
        }
    });
    (url, log)
}

fn connection(stream: TcpStream, handler: &Handler, log: &Mutex<Vec<Request>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let (method, target) = (
            parts.next().unwrap_or("").to_string(),
            parts.next().unwrap_or("").to_string(),
        );
        let (mut length, mut authorization) = (0, None);
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            let (name, value) = header.split_once(':').unwrap_or((header, ""));
            match name.to_ascii_lowercase().as_str() {
                "content-length" => length = value.trim().parse().unwrap_or(0),
                "authorization" => authorization = Some(value.trim().to_string()),
                _ => {}
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let request = Request {
            method,
            target,
            authorization,
            body,
        };
        let (status, headers, text) = handler(&request);
        log.lock().unwrap().push(request);
        let mut response = format!("HTTP/1.1 {status} X\r\nContent-Length: {}\r\n", text.len());
        for (name, value) in headers {
            response.push_str(&format!("{name}: {value}\r\n"));
        }
        response.push_str("\r\n");
        response.push_str(&text);
        if writer.write_all(response.as_bytes()).is_err() {
            return;
        }
    }
}

/// A local store holding three small document graphs (loaded, no model).
fn store_with_three_documents(dir: &Path) -> std::path::PathBuf {
    let nq = dir.join("three.nq");
    let mut text = String::new();
    for (hash, source) in [
        ("aaaa000000000001", "one.txt"),
        ("aaaa000000000002", "two.txt"),
        ("aaaa000000000003", "three.txt"),
    ] {
        let doc = format!("<https://w3id.org/trame/doc/{hash}>");
        text.push_str(&format!("{doc} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/trame/ontology#Document> {doc} .\n"));
        text.push_str(&format!(
            "{doc} <https://w3id.org/trame/ontology#sourcePath> \"{source}\" {doc} .\n"
        ));
        text.push_str(&format!(
            "{doc} <https://w3id.org/trame/ontology#contentHash> \"{hash}\" {doc} .\n"
        ));
    }
    std::fs::write(&nq, text).unwrap();
    let store = dir.join("store");
    trame()
        .arg("load")
        .arg(&nq)
        .arg("--store")
        .arg(&store)
        .arg("--quiet")
        .assert()
        .success();
    store
}

fn graph_of(target: &str) -> String {
    target
        .split("graph=")
        .nth(1)
        .unwrap_or("")
        .replace("%3A", ":")
        .replace("%2F", "/")
}

#[test]
fn every_graph_is_put_once_and_a_rerun_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_three_documents(dir.path());
    let (url, log) = serve(Arc::new(|_| (204, vec![], String::new())));
    for _ in 0..2 {
        trame()
            .args(["push", &format!("{url}/store"), "--store"])
            .arg(&store)
            .assert()
            .success()
            .stderr(predicate::str::contains("pushed 3 graphs"));
    }
    let log = log.lock().unwrap();
    assert_eq!(log.len(), 8, "ontology + 3 documents, twice: {log:#?}");
    assert!(log
        .iter()
        .all(|r| r.method == "PUT" && r.target.starts_with("/store?graph=")));
    assert_eq!(graph_of(&log[0].target), "https://w3id.org/trame/ontology");
    let mut graphs: Vec<String> = log[1..4].iter().map(|r| graph_of(&r.target)).collect();
    graphs.sort();
    assert_eq!(graphs[0], "https://w3id.org/trame/doc/aaaa000000000001");
    let body = String::from_utf8(log[1].body.clone()).unwrap();
    assert!(
        body.lines().count() == 3 && body.lines().all(|l| l.ends_with(" .")),
        "N-Triples body: {body}"
    );
}

#[test]
fn a_graph_the_store_keeps_failing_is_named_and_the_others_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_three_documents(dir.path());
    let (url, log) = serve(Arc::new(|r: &Request| {
        if r.target.contains("000002") {
            (500, vec![], "disk on fire".to_string())
        } else {
            (201, vec![], String::new())
        }
    }));
    trame()
        .args(["push", &format!("{url}/store"), "--retries", "2", "--store"])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not pushed: two.txt"))
        .stderr(predicate::str::contains("HTTP 500, 3 attempts): disk on fire"))
        .stderr(predicate::str::contains("1 documents were not pushed"))
        .stderr(predicate::str::contains("pushed 2 graphs"));
    let log = log.lock().unwrap();
    assert_eq!(
        log.iter().filter(|r| r.target.contains("000002")).count(),
        3,
        "one try and two retries"
    );
}

#[test]
fn refused_credentials_stop_at_once_with_the_servers_message() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_three_documents(dir.path());
    let (url, log) = serve(Arc::new(|r: &Request| match r.authorization {
        None => (
            401,
            vec![("WWW-Authenticate".into(), "Basic realm=\"store\"".into())],
            "who are you?".to_string(),
        ),
        Some(_) => (403, vec![], "user trame may not write".to_string()),
    }));
    trame()
        .args(["push", &format!("{url}/store"), "--user", "trame", "--store"])
        .arg(&store)
        .env("TRAME_PUSH_PASSWORD", "wrong")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "refused the credentials (HTTP 403): user trame may not write",
        ));
    let log = log.lock().unwrap();
    assert_eq!(
        log.len(),
        2,
        "the challenge, the answer, no retry, no document after a 403"
    );
    assert!(log[1].authorization.as_deref().is_some_and(|a| a.starts_with("Basic ")));
}

#[test]
fn a_digest_challenge_is_answered_and_reused() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_three_documents(dir.path());
    let (url, log) = serve(Arc::new(|r: &Request| match &r.authorization {
        Some(a) if a.starts_with("Digest ") && a.contains("nonce=\"n1\"") && a.contains("username=\"dba\"") => {
            (201, vec![], String::new())
        }
        _ => (
            401,
            vec![(
                "WWW-Authenticate".into(),
                "Digest realm=\"SPARQL\", nonce=\"n1\", qop=\"auth\"".into(),
            )],
            "auth needed".into(),
        ),
    }));
    trame()
        .args([
            "push",
            &format!("{url}/sparql-graph-crud-auth"),
            "--user",
            "dba",
            "--in-flight",
            "1",
            "--store",
        ])
        .arg(&store)
        .env("TRAME_PUSH_PASSWORD", "dba")
        .assert()
        .success();
    let log = log.lock().unwrap();
    // No credentials first (as curl: Virtuoso answers a preemptive basic
    // header with a bare 401), the challenge, then digest for every later
    // request with a growing count.
    assert!(log[0].authorization.is_none());
    assert_eq!(log.len(), 5, "{log:#?}");
    assert!(
        log[4].authorization.as_deref().unwrap().contains("nc=00000004"),
        "{:?}",
        log[4].authorization
    );
}

#[test]
fn a_store_that_is_down_or_a_bad_url_fails_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_three_documents(dir.path());
    // A port nobody listens on: bind, note it, close.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    trame()
        .args([
            "push",
            &format!("http://127.0.0.1:{port}/store"),
            "--retries",
            "1",
            "--store",
        ])
        .arg(&store)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "cannot reach http://127.0.0.1:{port}/store"
        )))
        .stderr(predicate::str::contains("tried 2 times"))
        .stderr(predicate::str::contains("no document was pushed"));
    for (url, message) in [
        ("127.0.0.1:7878/store", "has no scheme"),
        ("htp://127.0.0.1:7878/store", "unknown scheme \"htp\""),
        ("http://127.0.0.1:78x/store", "port"),
    ] {
        trame()
            .args(["push", url, "--store"])
            .arg(&store)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
        trame()
            .args(["build", "seeds/", "--push", url])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    trame()
        .args(["build", "seeds/", "--push", "http://127.0.0.1:1/store", "--user", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("TRAME_PUSH_PASSWORD"));
}
