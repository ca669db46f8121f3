//! Load on a running `trame serve`: queries per second and latency
//! percentiles for the entity page's API and for a SPARQL SELECT, with 1,
//! 8 and 64 concurrent clients. Run by `benches/serve_load.sh`, which
//! starts the server on the Wikinews corpus and a build beside it.
//!
//!   cargo run --example serve_load -- 127.0.0.1:7878 [REQUESTS] [TIMEOUT_S]
//!
//! Each client sends its share of REQUESTS (default 2000 per row) one
//! after the other, one connection per request, to loopback only. Prints
//! one Markdown row per (endpoint, clients): requests, answers other than
//! a whole 200 (by status; 0 is no reply), queries per second, latency
//! percentiles in milliseconds, and how many requests took longer than the
//! server's TIMEOUT_S (default 30) plus one second, i.e. hung past it.
//! Bounded: every row stops after its requests; a request with no byte for
//! 120 s is dropped and counted as no reply.

// A command-line benchmark: it prints its table.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

#[path = "../tests/integration/support/http.rs"]
mod http;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(addr) = args.first().and_then(|a| a.parse::<SocketAddr>().ok()) else {
        eprintln!("usage: serve_load HOST:PORT [REQUESTS]   (a loopback address of `trame serve`)");
        std::process::exit(2);
    };
    if !addr.ip().is_loopback() {
        eprintln!("serve_load only loads a server on loopback");
        std::process::exit(2);
    }
    let requests: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(2000).max(64);
    let timeout = Duration::from_secs(args.get(2).and_then(|t| t.parse().ok()).unwrap_or(30));
    let entities = Arc::new(entity_iris(addr));
    if entities.is_empty() {
        eprintln!("the store has no person to ask about");
        std::process::exit(1);
    }
    println!("| endpoint | clients | requests | not 200 | queries/s | p50 ms | p99 ms | max ms | past timeout |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for endpoint in ["entity API", "SPARQL SELECT"] {
        for clients in [1usize, 8, 64] {
            let row = run(addr, endpoint, clients, requests, timeout, entities.clone());
            println!("{row}");
        }
    }
}

/// Up to 200 people of the store, by IRI (from SPARQL results JSON, so
/// that IRIs holding commas or quotes come back whole).
fn entity_iris(addr: SocketAddr) -> Vec<String> {
    let query = "SELECT ?e WHERE { ?e a trame:Person } ORDER BY ?e LIMIT 200";
    let path = format!("/sparql?query={}", http::encode(query));
    let reply = http::send(
        addr,
        &http::get_request(addr, &path, &[("Accept", "application/sparql-results+json")]),
    )
    .expect("a reply");
    reply.json()["results"]["bindings"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .filter_map(|row| row["e"]["value"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn path_for(endpoint: &str, iri: &str) -> String {
    match endpoint {
        "entity API" => format!("/api/entity?iri={}", http::encode(iri)),
        _ => {
            let query = format!(
                "SELECT ?p ?o ?sentence WHERE {{ ?st rdf:subject <{iri}> ; rdf:predicate ?p ; rdf:object ?o ; \
                 trame:sentence/trame:text ?sentence }} LIMIT 100"
            );
            format!("/sparql?query={}", http::encode(&query))
        }
    }
}

fn run(
    addr: SocketAddr,
    endpoint: &'static str,
    clients: usize,
    requests: usize,
    timeout: Duration,
    entities: Arc<Vec<String>>,
) -> String {
    let per_client = requests.div_ceil(clients);
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|client| {
            let entities = entities.clone();
            std::thread::spawn(move || {
                let mut latencies = Vec::with_capacity(per_client);
                let mut errors: Vec<u16> = Vec::new();
                for i in 0..per_client {
                    let iri = &entities[(client * 7919 + i) % entities.len()];
                    let request = http::get_request(
                        addr,
                        &path_for(endpoint, iri),
                        &[("Accept", "application/sparql-results+json")],
                    );
                    let sent = Instant::now();
                    match http::send(addr, &request) {
                        Ok(reply) if reply.status == 200 && reply.complete => {}
                        Ok(reply) => errors.push(reply.status),
                        Err(_) => errors.push(0),
                    }
                    latencies.push(sent.elapsed());
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = Vec::new();
    let mut errors: std::collections::BTreeMap<u16, usize> = std::collections::BTreeMap::new();
    for worker in workers {
        let (l, e) = worker.join().expect("a client thread");
        latencies.extend(l);
        for status in e {
            *errors.entry(status).or_default() += 1;
        }
    }
    let errors = if errors.is_empty() {
        "0".to_string()
    } else {
        errors
            .iter()
            .map(|(status, n)| format!("{n}× {status}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let hung = latencies
        .iter()
        .filter(|l| **l > timeout + Duration::from_secs(1))
        .count();
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q).round() as usize].as_secs_f64() * 1000.0;
    format!(
        "| {endpoint} | {clients} | {} | {errors} | {:.0} | {:.1} | {:.1} | {:.1} | {hung} |",
        latencies.len(),
        latencies.len() as f64 / elapsed,
        at(0.5),
        at(0.99),
        at(1.0)
    )
}
