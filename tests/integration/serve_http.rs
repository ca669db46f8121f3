//! `trame serve` over real HTTP: the SPARQL 1.1 Protocol, one test per row
//! of the protocol's table (query via GET, via form POST, via direct POST;
//! dataset parameters; content negotiation; the error statuses), the
//! limits, the JSON API, freshness while the store changes, and a clean
//! stop. The store is written by hand through the library (no model).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use trame::store::Store;

use crate::support::{documents as store_support, serve as serve_support, store_with, trame_process};
use serve_support::{encode, Server};

const JSON: &str = "application/sparql-results+json";

fn fixture_store(dir: &Path) -> PathBuf {
    store_with(
        dir,
        &[
            store_support::document_a(),
            store_support::document_b(),
            serve_support::hostile_document(),
        ],
    )
}

fn start(extra: &[&str]) -> (tempfile::TempDir, Server) {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let server = Server::start(&store, extra);
    (dir, server)
}

fn graph_of(source: &str) -> String {
    let store_dir = tempfile::tempdir().unwrap();
    let store = Store::open(&store_dir.path().join("db")).unwrap();
    let doc = if source == "a.txt" {
        store_support::document_a()
    } else {
        store_support::document_b()
    };
    store.put_document(&doc).unwrap()
}

/// Labels in a SPARQL JSON result, column `var`.
fn column(reply: &serde_json::Value, var: &str) -> Vec<String> {
    reply["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row[var]["value"].as_str().unwrap_or("").to_string())
        .collect()
}

const PEOPLE: &str = "SELECT ?label WHERE { ?p a trame:Person ; skos:prefLabel ?label } ORDER BY ?label";

#[test]
fn query_via_get() {
    let (_dir, server) = start(&[]);
    let reply = server.get(&format!("/sparql?query={}", encode(PEOPLE)), &[("Accept", JSON)]);
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.header("content-type"), Some(JSON));
    let labels = column(&reply.json(), "label");
    assert!(labels.contains(&"Emmanuel Macron".to_string()), "{labels:?}");
    assert!(
        labels.contains(&serve_support::HOSTILE_PERSON.to_string()),
        "{labels:?}"
    );
    // `/query` is the same endpoint.
    let again = server.get(&format!("/query?query={}", encode(PEOPLE)), &[("Accept", JSON)]);
    assert_eq!(again.body, reply.body);
}

#[test]
fn query_via_url_encoded_post() {
    let (_dir, server) = start(&[]);
    let body = format!("query={}", encode(PEOPLE));
    let reply = server.post(
        "/sparql",
        Some("application/x-www-form-urlencoded"),
        body.as_bytes(),
        &[("Accept", JSON)],
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert!(column(&reply.json(), "label").contains(&"Volodymyr Zelensky".to_string()));
}

#[test]
fn query_via_post_directly() {
    let (_dir, server) = start(&[]);
    let reply = server.post(
        "/sparql",
        Some("application/sparql-query"),
        PEOPLE.as_bytes(),
        &[("Accept", JSON)],
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert!(column(&reply.json(), "label").contains(&"Poutine".to_string()));
    // A charset other than UTF-8 is not read.
    let latin = server.post(
        "/sparql",
        Some("application/sparql-query; charset=latin1"),
        PEOPLE.as_bytes(),
        &[],
    );
    assert_eq!(latin.status, 415);
}

#[test]
fn dataset_default_graph_uri_and_named_graph_uri() {
    let (_dir, server) = start(&[]);
    let (a, b) = (graph_of("a.txt"), graph_of("b.txt"));
    let places = "SELECT ?label WHERE { ?p a trame:Place ; skos:prefLabel ?label } ORDER BY ?label";
    let only_b = server.get(
        &format!("/sparql?query={}&default-graph-uri={}", encode(places), encode(&b)),
        &[],
    );
    assert_eq!(only_b.status, 200, "{}", only_b.text());
    assert_eq!(column(&only_b.json(), "label"), vec!["Kiev"]);
    let both = server.get(
        &format!(
            "/sparql?query={}&default-graph-uri={}&default-graph-uri={}",
            encode(places),
            encode(&a),
            encode(&b)
        ),
        &[],
    );
    assert_eq!(
        column(&both.json(), "label"),
        vec!["France", "Kiev", "Paris", "Ukraine"]
    );
    let graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }";
    let named = server.get(
        &format!("/sparql?query={}&named-graph-uri={}", encode(graphs), encode(&a)),
        &[],
    );
    assert_eq!(column(&named.json(), "g"), vec![a.clone()]);
    // In a form body too.
    let body = format!("query={}&default-graph-uri={}", encode(places), encode(&b));
    let form = server.post(
        "/sparql",
        Some("application/x-www-form-urlencoded"),
        body.as_bytes(),
        &[],
    );
    assert_eq!(column(&form.json(), "label"), vec!["Kiev"]);
    // Not an IRI: a 400 that says which parameter.
    let bad = server.get(
        &format!("/sparql?query={}&default-graph-uri=pas%20une%20iri", encode(places)),
        &[],
    );
    assert_eq!(bad.status, 400);
    assert!(
        bad.text()
            .starts_with("the parameter default-graph-uri \"pas une iri\" is not an absolute IRI"),
        "{}",
        bad.text()
    );
    assert!(!bad.text().contains("syntax error"), "{}", bad.text());
}

#[test]
fn content_negotiation_for_results_and_graphs() {
    let (_dir, server) = start(&[]);
    let ask = format!("/sparql?query={}", encode("ASK { ?s trame:role ?r }"));
    let select = format!(
        "/sparql?query={}",
        encode("SELECT ?label WHERE { ?p skos:prefLabel ?label FILTER(?label = \"Kiev\") }")
    );
    for (accept, media, needle) in [
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            "<literal>Kiev</literal>",
        ),
        ("text/csv", "text/csv; charset=utf-8", "label\r\nKiev\r\n"),
        (
            "text/tab-separated-values",
            "text/tab-separated-values; charset=utf-8",
            "?label\n\"Kiev\"\n",
        ),
        ("application/json", JSON, "\"value\":\"Kiev\""),
        ("text/html, */*;q=0.1", JSON, "\"value\":\"Kiev\""),
    ] {
        let reply = server.get(&select, &[("Accept", accept)]);
        assert_eq!(reply.status, 200, "{accept}: {}", reply.text());
        assert_eq!(reply.header("content-type"), Some(media), "{accept}");
        assert!(reply.text().contains(needle), "{accept}: {}", reply.text());
        assert_eq!(reply.header("vary"), Some("Accept"));
    }
    let no_accept = server.get(&ask, &[]);
    assert_eq!(no_accept.header("content-type"), Some(JSON));
    assert_eq!(no_accept.json()["boolean"], true);
    let construct = format!(
        "/sparql?query={}",
        encode(
            "CONSTRUCT { ?p skos:prefLabel ?l } WHERE { ?p a trame:Place ; skos:prefLabel ?l FILTER(?l = \"Kiev\") }"
        )
    );
    for (accept, media, needle) in [
        ("text/turtle", "text/turtle", "skos:prefLabel \"Kiev\""),
        (
            "application/n-triples",
            "application/n-triples",
            "<http://www.w3.org/2004/02/skos/core#prefLabel> \"Kiev\" .",
        ),
        ("application/ld+json", "application/ld+json", "\"@value\":\"Kiev\""),
        ("*/*", "text/turtle", "\"Kiev\""),
    ] {
        let reply = server.get(&construct, &[("Accept", accept)]);
        assert_eq!(reply.status, 200, "{accept}: {}", reply.text());
        assert_eq!(reply.header("content-type"), Some(media), "{accept}");
        assert!(
            reply.text().replace(": ", ":").contains(&needle.replace(": ", ":")),
            "{accept}: {}",
            reply.text()
        );
    }
    let describe = format!(
        "/sparql?query={}",
        encode("DESCRIBE <https://w3id.org/trame/entity/place/kiev>")
    );
    let reply = server.get(&describe, &[("Accept", "application/n-triples")]);
    assert_eq!(reply.status, 200);
    assert!(reply.text().contains("\"Kiev\""), "{}", reply.text());
}

#[test]
fn deeply_nested_query_is_400_and_the_server_stays_up() {
    // 5,000 nested groups (20 kB) overflowed the query thread's stack and
    // aborted the whole server.
    let (_dir, server) = start(&[]);
    let deep = format!(
        "SELECT * WHERE {{ {}?s ?p ?o{} }} LIMIT 1",
        "{ ".repeat(5000),
        " }".repeat(5000)
    );
    let reply = server.get(&format!("/sparql?query={}", encode(&deep)), &[]);
    assert_eq!(reply.status, 400);
    assert!(reply.text().contains("nested more than"), "{}", reply.text());
    let after = server.get(&format!("/sparql?query={}", encode("ASK { ?s ?p ?o }")), &[]);
    assert_eq!(after.status, 200);
}

#[test]
fn malformed_query_is_400_with_the_parsers_position() {
    let (_dir, server) = start(&[]);
    let reply = server.get(&format!("/sparql?query={}", encode("SELECT ?s WHERE { ?s ?p }")), &[]);
    assert_eq!(reply.status, 400);
    let text = reply.text();
    // The column of the `}` where the object should be, as `trame query` says it.
    assert!(
        text.starts_with("SPARQL syntax error at line 1, column 25: unexpected `}`; expected a variable"),
        "{text}"
    );
    let unknown = server.get(
        &format!("/sparql?query={}", encode("SELECT * WHERE {\n  ?s foo:bar ?o\n}")),
        &[],
    );
    assert_eq!(unknown.status, 400);
    assert!(
        unknown.text().starts_with(
            "SPARQL syntax error at line 2, column 6: unknown prefix `foo:`; the declared prefixes are trame: rdf:"
        ),
        "{}",
        unknown.text()
    );
    // `trame query` reports the same mistake in the same words.
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let cli = trame_process()
        .args(["query", "--store"])
        .arg(&store)
        .arg("SELECT ?s WHERE { ?s ?p }")
        .output()
        .unwrap();
    assert_eq!(cli.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&cli.stderr), format!("trame: {text}"));
    let missing = server.get("/sparql", &[]);
    assert_eq!(missing.status, 400);
    assert!(missing.text().contains("no query"), "{}", missing.text());
    let twice = server.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D", &[]);
    assert_eq!(twice.status, 400);
    // A browser without a query (or with an empty one) lands on the editor;
    // machine clients get the protocol's 400.
    for path in ["/sparql", "/sparql?query=", "/query"] {
        let browser = server.get(
            path,
            &[(
                "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            )],
        );
        assert_eq!(browser.status, 303, "{path}");
        assert_eq!(browser.header("location"), Some("/editor"));
    }
    assert_eq!(server.get("/sparql", &[("Accept", "*/*")]).status, 400);
    assert_eq!(server.get("/sparql?query=", &[]).status, 400);
}

#[test]
fn unsatisfiable_accept_is_406() {
    let (_dir, server) = start(&[]);
    let select = format!("/sparql?query={}", encode(PEOPLE));
    let reply = server.get(&select, &[("Accept", "image/png")]);
    assert_eq!(reply.status, 406);
    assert!(reply.text().contains("text/csv"), "{}", reply.text());
    // Acceptable for a graph, not for a table.
    assert_eq!(server.get(&select, &[("Accept", "text/turtle")]).status, 406);
    let construct = format!("/sparql?query={}", encode("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"));
    assert_eq!(server.get(&construct, &[("Accept", "text/csv")]).status, 406);
}

#[test]
fn wrong_content_type_is_415() {
    let (_dir, server) = start(&[]);
    for content_type in [Some("text/plain"), Some("application/json"), None] {
        let reply = server.post("/sparql", content_type, PEOPLE.as_bytes(), &[]);
        assert_eq!(reply.status, 415, "{content_type:?}");
        assert!(reply.text().contains("application/sparql-query"), "{}", reply.text());
    }
}

#[test]
fn updates_are_403() {
    let (_dir, server) = start(&[]);
    let insert = "INSERT DATA { <urn:a> <urn:b> <urn:c> }";
    let form = format!("update={}", encode(insert));
    for reply in [
        server.post(
            "/sparql",
            Some("application/x-www-form-urlencoded"),
            form.as_bytes(),
            &[],
        ),
        server.post("/sparql", Some("application/sparql-update"), insert.as_bytes(), &[]),
        server.post("/update", Some("application/sparql-update"), insert.as_bytes(), &[]),
        server.get(&format!("/sparql?query={}", encode(insert)), &[]),
        server.get(
            &format!("/sparql?query={}", encode("LOAD <http://example.org/data.ttl>")),
            &[],
        ),
        server.post(
            "/api/query",
            Some("application/x-www-form-urlencoded"),
            format!("query={}", encode("CLEAR ALL")).as_bytes(),
            &[],
        ),
    ] {
        assert_eq!(reply.status, 403, "{}", String::from_utf8_lossy(&reply.body));
        assert!(reply.text().contains("read-only"));
    }
    let ask = server.get(
        &format!("/sparql?query={}", encode("ASK { <urn:a> <urn:b> <urn:c> }")),
        &[],
    );
    assert_eq!(ask.json()["boolean"], false);
}

#[test]
fn other_paths_are_404_and_nothing_outside_the_app_is_served() {
    let (_dir, server) = start(&[]);
    for path in [
        "/nope",
        "/../../etc/passwd",
        "/assets/../../etc/passwd",
        "/assets/..%2F..%2Fetc%2Fpasswd",
        "/assets/%2e%2e/%2e%2e/etc/passwd",
        "/assets/%2Fetc%2Fpasswd",
        "/assets/app.js/../../../etc/passwd",
        "/api/nothing",
        "/entity/../Cargo.toml",
    ] {
        let reply = server.get(path, &[]);
        assert!(matches!(reply.status, 400 | 404), "{path}: {}", reply.status);
        let body = String::from_utf8_lossy(&reply.body);
        assert!(!body.contains("root:") && !body.contains("[package]"), "{path}: {body}");
    }
    let app = server.get("/assets/app.js", &[]);
    assert_eq!(app.status, 200);
    assert_eq!(app.header("content-type"), Some("text/javascript; charset=utf-8"));
    assert!(server
        .get("/assets/LICENSE-cytoscape.txt", &[])
        .text()
        .contains("Cytoscape Consortium"));
    let page = server.get("/", &[]);
    assert_eq!(page.status, 200);
    assert!(page
        .header("content-security-policy")
        .unwrap()
        .contains("script-src 'self'"));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
}

#[test]
fn invalid_utf8_and_broken_escapes_are_400() {
    let (_dir, server) = start(&[]);
    for path in [
        "/sparql?query=SELECT%FF%FE",
        "/sparql?query=%E9t%E9",
        "/sparql?query=%ZZ",
        "/api/search?q=%C3",
    ] {
        let reply = server.get(path, &[]);
        assert_eq!(reply.status, 400, "{path}");
        assert!(
            reply.text().contains("UTF-8") || reply.text().contains("malformed"),
            "{path}: {}",
            reply.text()
        );
    }
    let body: &[u8] = b"SELECT * WHERE { ?s ?p \"\xff\" }";
    assert_eq!(
        server
            .post("/sparql", Some("application/sparql-query"), body, &[])
            .status,
        400
    );
    let form: &[u8] = b"query=ASK%7B%7D&default-graph-uri=\xff";
    assert_eq!(
        server
            .post("/sparql", Some("application/x-www-form-urlencoded"), form, &[])
            .status,
        400
    );
}

#[test]
fn bodies_over_the_cap_are_413() {
    let (_dir, server) = start(&["--max-body", "100000"]);
    let mut big = String::from("SELECT * WHERE { ?s ?p ?o } #");
    big.push_str(&"x".repeat(10 << 20));
    let reply = server.post("/sparql", Some("application/sparql-query"), big.as_bytes(), &[]);
    assert_eq!(reply.status, 413);
    assert!(reply.text().contains("100000 bytes"), "{}", reply.text());
    // The server is still there.
    assert_eq!(
        server.get(&format!("/sparql?query={}", encode("ASK {}")), &[]).status,
        200
    );
}

/// Every shape a SERVICE can take, `REMOTE` standing for the endpoint.
const SERVICE_SHAPES: &[&str] = &[
    "SELECT * WHERE { SERVICE <REMOTE> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <REMOTE> { ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<REMOTE> AS ?endpoint) SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<REMOTE> AS ?endpoint) SERVICE SILENT ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <REMOTE> { ?s ?q ?r } } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <REMOTE> { ?s ?q ?r } } }",
    "SELECT * WHERE { { ?s ?p ?o } UNION { SERVICE SILENT <REMOTE> { ?s ?p ?o } } }",
    "SELECT * WHERE { ?s ?p ?o MINUS { SERVICE SILENT <REMOTE> { ?s ?p ?o } } }",
    "SELECT * WHERE { GRAPH ?g { SERVICE SILENT <REMOTE> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE SILENT <REMOTE> { ?s ?p ?o } } LIMIT 1 } }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE SILENT <REMOTE> { ?s ?p ?o } } }",
    "SELECT * WHERE { ?s ?p ?o FILTER NOT EXISTS { SERVICE SILENT <REMOTE> { ?s ?p ?o } } }",
    "ASK { SERVICE SILENT <REMOTE> { ?s ?p ?o } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE SILENT <REMOTE> { ?s ?p ?o } }",
    "DESCRIBE ?s WHERE { SERVICE SILENT <REMOTE> { ?s ?p ?o } }",
];

#[test]
fn service_is_refused_without_any_outgoing_request() {
    let (_dir, server) = start(&[]);
    // A listener that records whether anyone connected.
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    probe.set_nonblocking(true).unwrap();
    let remote = format!("http://{}/sparql", probe.local_addr().unwrap());
    for shape in SERVICE_SHAPES {
        let query = shape.replace("REMOTE", &remote);
        let reply = server.get(&format!("/sparql?query={}", encode(&query)), &[]);
        assert_eq!(reply.status, 400, "{query}: {}", reply.text());
        let text = reply.text();
        assert!(
            text.contains("is refused") && text.contains("no outgoing requests"),
            "{query}: {text}"
        );
        if shape.contains("SILENT <") {
            assert!(
                text.starts_with(&format!("SERVICE SILENT <{remote}>")),
                "{query}: {text}"
            );
        }
        // The same through a form POST and the editor's API.
        let form = format!("query={}", encode(&query));
        for path in ["/sparql", "/api/query"] {
            let reply = server.post(path, Some("application/x-www-form-urlencoded"), form.as_bytes(), &[]);
            assert_eq!(reply.status, 400, "{path} {query}: {}", reply.text());
        }
        assert!(
            probe.accept().is_err(),
            "the server connected to the SERVICE address: {query}"
        );
    }
    // Nothing came in late either.
    std::thread::sleep(Duration::from_millis(200));
    assert!(probe.accept().is_err(), "the server connected to the SERVICE address");
}

#[test]
fn a_query_past_the_timeout_is_stopped() {
    let (_dir, server) = start(&["--timeout", "1"]);
    // Hundreds of millions of rows to count: only the timeout ends it.
    let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let started = Instant::now();
    let reply = server.get(&format!("/sparql?query={}", encode(slow)), &[]);
    let took = started.elapsed();
    assert_eq!(reply.status, 503, "{}", reply.text());
    assert!(reply.text().contains("time limit (1 s"), "{}", reply.text());
    assert!(took < Duration::from_secs(3), "took {took:?}");
    // Stopped, not abandoned: no query is left running.
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.status()["running_queries"] != 0 {
        assert!(Instant::now() < deadline, "the query kept running");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        server.get(&format!("/sparql?query={}", encode("ASK {}")), &[]).status,
        200
    );
}

#[test]
fn ten_million_rows_are_streamed_and_stopped_at_the_deadline() {
    let (_dir, server) = start(&["--timeout", "2"]);
    let digits = "VALUES ?{} { 0 1 2 3 4 5 6 7 8 9 }";
    let values: Vec<String> = (0..7).map(|i| digits.replace("{}", &format!("v{i}"))).collect();
    let query = format!("SELECT * WHERE {{ {} }}", values.join(" "));
    let started = Instant::now();
    let reply = server.get(&format!("/sparql?query={}", encode(&query)), &[("Accept", "text/csv")]);
    assert_eq!(reply.status, 200);
    // The rows began to flow, then the deadline cut the body.
    assert!(!reply.complete, "ten million rows cannot be sent in 2 s here");
    let head = String::from_utf8_lossy(&reply.body[..200.min(reply.body.len())]).to_string();
    let mut lines = head.split("\r\n");
    let mut header: Vec<&str> = lines.next().unwrap().split(',').collect();
    header.sort();
    assert_eq!(header, vec!["v0", "v1", "v2", "v3", "v4", "v5", "v6"], "{head}");
    assert_eq!(lines.next().unwrap().split(',').count(), 7, "{head}");
    assert!(started.elapsed() < Duration::from_secs(15));
    // The app's editor gets at most the page cap.
    let capped = server.post(
        "/api/query",
        Some("application/x-www-form-urlencoded"),
        format!("query={}", encode(&query)).as_bytes(),
        &[],
    );
    assert_eq!(capped.status, 200);
    assert_eq!(capped.header("x-trame-row-cap"), Some("1000"));
    assert_eq!(capped.json()["results"]["bindings"].as_array().unwrap().len(), 1000);
}

#[test]
fn a_client_that_goes_away_stops_its_query() {
    let (_dir, server) = start(&["--timeout", "20"]);
    let query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
        let request = format!(
            "GET /sparql?query={} HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n\r\n",
            encode(query)
        );
        stream.write_all(request.as_bytes()).unwrap();
        let mut first = [0u8; 512];
        let _ = stream.read(&mut first).unwrap();
        assert!(first.starts_with(b"HTTP/1.1 200"));
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.status()["running_queries"] != 0 {
        assert!(Instant::now() < deadline, "the query outlived its client");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn cors_only_when_asked() {
    let (_dir, server) = start(&[]);
    let ask = format!("/sparql?query={}", encode("ASK {}"));
    assert_eq!(
        server
            .get(&ask, &[("Origin", "http://example.org")])
            .header("access-control-allow-origin"),
        None
    );
    drop(server);
    let (_dir, server) = start(&["--cors"]);
    let reply = server.get(&ask, &[("Origin", "http://example.org")]);
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    let preflight = server.raw(
        format!(
            "OPTIONS /sparql HTTP/1.1\r\nHost: {}\r\nOrigin: http://example.org\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n",
            server.addr
        )
        .as_bytes(),
    );
    assert_eq!(preflight.status, 204);
    assert!(preflight
        .header("access-control-allow-methods")
        .unwrap()
        .contains("POST"));
}

#[test]
fn json_api_for_the_pages() {
    let (_dir, server) = start(&["--page-rows", "50"]);
    // Autocompletion ignores case, accents and articles, and finds aliases.
    let found = server
        .get(&format!("/api/search?q={}", encode("ÉMMANUEL mac")), &[])
        .json();
    assert_eq!(found[0]["label"], "Emmanuel Macron");
    let alias = server.get(&format!("/api/search?q={}", encode("nunez")), &[]).json();
    assert_eq!(alias[0]["label"], serve_support::HOSTILE_PERSON);
    assert_eq!(alias[0]["matched"], "Ñúñez");
    assert_eq!(server.get("/api/search?q=", &[]).json(), serde_json::json!([]));

    let macron = found[0]["iri"].as_str().unwrap().to_string();
    let page = server.get(&format!("/api/entity?iri={}", encode(&macron)), &[]).json();
    assert_eq!(page["kind"], "PER");
    assert_eq!(page["roles"], serde_json::json!(["président"]));
    let facts: Vec<&serde_json::Value> = page["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["facts"].as_array().unwrap())
        .collect();
    assert_eq!(facts.len(), 4);
    let negated = facts.iter().find(|f| f["negated"] == true).expect("the negated fact");
    assert_eq!(negated["sentence"], "Macron n'a pas attaqué Poutine.");
    assert_eq!(negated["highlights"], serde_json::json!([[0, 30]]));
    assert_eq!(negated["document"]["title"], "Rencontre à Paris");
    assert!(facts.iter().any(|f| f["hypothetical"] == true));
    assert_eq!(server.get("/api/entity?iri=urn%3Anobody", &[]).status, 404);
    assert_eq!(server.get("/api/entity", &[]).status, 400);

    let doc = negated["document"]["iri"].as_str().unwrap().to_string();
    let document = server.get(&format!("/api/document?iri={}", encode(&doc)), &[]).json();
    assert_eq!(document["sentences"].as_array().unwrap().len(), 3);
    assert_eq!(document["facts"].as_array().unwrap().len(), 4);
    assert_eq!(document["sentences"][2]["text"], "Macron n'a pas attaqué Poutine.");

    let graph = server
        .get(&format!("/api/graph?iri={}&depth=2", encode(&macron)), &[])
        .json();
    let nodes = graph["nodes"].as_array().unwrap();
    assert!(nodes.iter().any(|n| n["label"] == "Volodymyr Zelensky"));
    assert!(nodes.iter().any(|n| n["label"] == "Kiev"));
    let located = server
        .get(&format!("/api/graph?iri={}&predicate=location", encode(&macron)), &[])
        .json();
    assert_eq!(located["edges"].as_array().unwrap().len(), 1);
    assert_eq!(
        server
            .get(&format!("/api/graph?iri={}&depth=3", encode(&macron)), &[])
            .status,
        400
    );
    assert_eq!(
        server
            .get(&format!("/api/graph?iri={}&kind=XYZ", encode(&macron)), &[])
            .status,
        400
    );

    let dot = server.get(&format!("/api/graph.dot?iri={}", encode(&macron)), &[]);
    assert!(dot.text().starts_with("digraph"), "{}", dot.text());
    assert!(dot.header("content-disposition").unwrap().contains("graph.dot"));
    let csv = server.get(&format!("/api/graph.csv?iri={}", encode(&macron)), &[]);
    assert!(csv.text().lines().count() >= 4, "{}", csv.text());
    let svg = server.get(&format!("/api/graph.svg?iri={}", encode(&macron)), &[]);
    assert!(svg.text().contains("<svg"));
    let png = server.get(&format!("/api/graph.png?iri={}", encode(&macron)), &[]);
    assert!(png.body.starts_with(b"\x89PNG"));

    let status = server.status();
    assert_eq!(status["documents"], 3);
    let documents = server.get("/api/documents", &[]).json();
    assert_eq!(documents.as_array().unwrap().len(), 3);
}

#[test]
fn the_editor_offers_every_query_of_the_queries_folder() {
    let (_dir, server) = start(&[]);
    let listed = server.get("/api/queries", &[]).json();
    let mut names: Vec<String> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    let mut files: Vec<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("queries"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rq"))
        .collect();
    files.sort();
    assert_eq!(names, files);
    // Each runs.
    for query in listed.as_array().unwrap() {
        let body = format!("query={}", encode(query["text"].as_str().unwrap()));
        let reply = server.post(
            "/api/query",
            Some("application/x-www-form-urlencoded"),
            body.as_bytes(),
            &[],
        );
        assert_eq!(reply.status, 200, "{}: {}", query["name"], reply.text());
    }
    let csv = server.post(
        "/api/query",
        Some("application/x-www-form-urlencoded"),
        format!("format=csv&query={}", encode(PEOPLE)).as_bytes(),
        &[],
    );
    assert_eq!(
        csv.header("content-disposition"),
        Some("attachment; filename=\"results.csv\"")
    );
    assert!(csv.text().starts_with("label\r\n"));
}

#[test]
fn a_document_built_after_start_becomes_visible() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    Store::open(&path)
        .unwrap()
        .put_document(&store_support::document_a())
        .unwrap();
    let server = Server::start(&path, &["--refresh", "0.2"]);
    assert_eq!(server.status()["documents"], 1);
    let kiev = format!("/sparql?query={}", encode("ASK { ?p skos:prefLabel \"Kiev\" }"));
    assert_eq!(server.get(&kiev, &[]).json()["boolean"], false);
    {
        // A writer beside the server, as `trame build` would be.
        let writer = Store::open(&path).unwrap();
        writer.put_document(&store_support::document_b()).unwrap();
        writer.flush().unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while server.status()["documents"] != 2 {
        assert!(
            Instant::now() < deadline,
            "the new document never appeared: {}",
            server.status()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(server.get(&kiev, &[]).json()["boolean"], true);
    assert_eq!(
        server.get(&format!("/api/search?q={}", encode("kiev")), &[]).json()[0]["label"],
        "Kiev"
    );
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let (_dir, server) = start(&[]);
    assert!(server.stderr.lock().unwrap()[0].contains("read-only; Ctrl-C stops"));
    let status = server.terminate();
    assert!(status.success(), "{status:?}");
}

#[test]
fn bad_options_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    for args in [["--bind", "localhost"], ["--timeout", "0"], ["--refresh", "-1"]] {
        let output = trame_process()
            .arg("serve")
            .arg("--store")
            .arg(&store)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
    let missing = trame_process()
        .args(["serve", "--bind", "127.0.0.1:0", "--store"])
        .arg(dir.path().join("nothing"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no store at"));
}

#[test]
fn a_ten_megabyte_query_is_refused_with_a_status_and_the_server_goes_on() {
    let (_dir, server) = start(&[]);
    let mut big = String::from("SELECT * WHERE { ?s ?p ?o } #");
    big.push_str(&"x".repeat(10 << 20));
    // In the body, over the default 1 MiB cap: 413 naming the cap.
    let reply = server.post("/sparql", Some("application/sparql-query"), big.as_bytes(), &[]);
    assert_eq!(reply.status, 413);
    assert!(reply.text().contains("1048576 bytes"), "{}", reply.text());
    // The same in a form body.
    let form = format!("query={}", encode(&big));
    let reply = server.post(
        "/sparql",
        Some("application/x-www-form-urlencoded"),
        form.as_bytes(),
        &[],
    );
    assert_eq!(reply.status, 413);
    // In the URL: the HTTP layer refuses the request line (414 or 431) or
    // closes the connection; it never answers 200 and never hangs.
    let path = format!("/sparql?query={}", encode(&big));
    let started = Instant::now();
    let reply = {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let request = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        let _ = stream.write_all(request.as_bytes());
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        serve_support::Reply::parse(&bytes)
    };
    if let Some(reply) = reply {
        assert!(matches!(reply.status, 414 | 431 | 400), "{}", reply.status);
    }
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(
        server.get(&format!("/sparql?query={}", encode("ASK {}")), &[]).status,
        200
    );
}

#[test]
fn slow_clients_do_not_hold_up_the_others_nor_keep_a_query_running() {
    use std::io::{Read, Write};
    let (_dir, server) = start(&["--timeout", "2", "--max-queries", "2"]);
    // A hundred clients that send half a request and stall.
    let stalled: Vec<std::net::TcpStream> = (0..100)
        .map(|_| {
            let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
            stream
                .write_all(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")
                .unwrap();
            stream
        })
        .collect();
    // One that sends a POST body a byte at a time, slowly.
    let trickle = {
        let addr = server.addr;
        std::thread::spawn(move || {
            let body = format!("query={}", encode("ASK {}"));
            let mut stream = std::net::TcpStream::connect(addr).unwrap();
            let head = format!(
                "POST /sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
                body.len()
            );
            stream.write_all(head.as_bytes()).unwrap();
            for byte in body.bytes().take(4) {
                if stream.write_all(&[byte]).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(300));
            }
            stream
        })
    };
    // Everyone else is served at once.
    for _ in 0..5 {
        let started = Instant::now();
        let reply = server.get(&format!("/sparql?query={}", encode("ASK {}")), &[]);
        assert_eq!(reply.status, 200);
        assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    }
    // A client that reads ten million rows a kilobyte at a time: the query
    // is stopped at its deadline although the client is still there.
    let digits = "VALUES ?{} { 0 1 2 3 4 5 6 7 8 9 }";
    let values: Vec<String> = (0..7).map(|i| digits.replace("{}", &format!("v{i}"))).collect();
    let query = format!("SELECT * WHERE {{ {} }}", values.join(" "));
    let mut reader = std::net::TcpStream::connect(server.addr).unwrap();
    reader
        .write_all(
            format!(
                "GET /sparql?query={} HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n\r\n",
                encode(&query)
            )
            .as_bytes(),
        )
        .unwrap();
    let mut chunk = [0u8; 1024];
    let n = reader.read(&mut chunk).unwrap();
    assert!(chunk[..n].starts_with(b"HTTP/1.1 200"));
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let _ = reader.read(&mut chunk);
        if server.status()["running_queries"] == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "a slow reader kept its query running");
        std::thread::sleep(Duration::from_millis(100));
    }
    let started = Instant::now();
    assert_eq!(
        server.get(&format!("/sparql?query={}", encode("ASK {}")), &[]).status,
        200
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    drop(stalled);
    drop(reader);
    let _ = trickle.join();
}

#[test]
fn ctrl_c_stops_the_server_cleanly_even_during_a_long_query() {
    let (_dir, server) = start(&["--timeout", "60"]);
    // A query that only its timeout would end, left running.
    let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
    {
        use std::io::Write;
        let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        let request = format!("GET /sparql?query={} HTTP/1.1\r\nHost: x\r\n\r\n", encode(slow));
        stream.write_all(request.as_bytes()).unwrap();
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    while server.status()["running_queries"] == 0 {
        assert!(Instant::now() < deadline, "the query never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    let stderr = server.stderr.clone();
    let started = Instant::now();
    let status = server.signal("INT");
    assert!(status.success(), "{status:?}");
    // Open requests get 5 s, then running queries are cancelled.
    assert!(started.elapsed() < Duration::from_secs(15), "{:?}", started.elapsed());
    let lines = stderr.lock().unwrap().join("\n");
    assert!(lines.contains("stopped"), "{lines}");
    assert!(!lines.contains("panicked"), "{lines}");
    drop(stream);
}

#[test]
fn a_new_user_can_bind_localhost_and_use_a_store_with_odd_names() {
    // A store folder whose name has spaces, accents, quotes and a `%`.
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("mes données 100% \"test\" #1");
    std::fs::create_dir_all(&odd).unwrap();
    let store = fixture_store(&odd);
    let server = Server::start_on(&store, "localhost:0", &[]);
    assert!(server.addr.ip().is_loopback(), "{}", server.addr);
    let status = server.status();
    assert_eq!(status["documents"], 3);
    assert!(
        status["store"].as_str().unwrap().contains("100% \"test\" #1"),
        "{status}"
    );
    // Odd searches: empty, only punctuation, quotes, emoji, very long.
    for q in [
        "",
        "%",
        "\"",
        "'--",
        "\\",
        "🙂",
        "<script>",
        "a b  c",
        &"é".repeat(5000),
    ] {
        let reply = server.get(&format!("/api/search?q={}", encode(q)), &[]);
        assert_eq!(reply.status, 200, "{q:?}: {}", reply.text());
        assert!(reply.json().is_array(), "{q:?}");
    }
    // Odd or unknown IRIs are a 404 or 400 with a message, never a 500.
    for iri in [
        "",
        "nope",
        "https://w3id.org/trame/entity/person/",
        "<>",
        "\" } DROP ALL {",
    ] {
        for page in ["entity", "document", "graph"] {
            let reply = server.get(&format!("/api/{page}?iri={}", encode(iri)), &[]);
            assert!(matches!(reply.status, 400 | 404), "{page} {iri:?}: {}", reply.status);
            assert!(reply.json()["error"].is_string(), "{page} {iri:?}");
        }
    }
}

#[test]
fn an_empty_store_is_served() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db");
    // A store with no document: created, then its only document removed.
    {
        let store = Store::open(&path).unwrap();
        let graph = store.put_document(&store_support::document_a()).unwrap();
        store.remove_document(&graph).unwrap();
        store.flush().unwrap();
    }
    let server = Server::start(&path, &[]);
    let status = server.status();
    assert_eq!(status["documents"], 0, "{status}");
    assert_eq!(status["entities"], 0, "{status}");
    assert_eq!(server.get("/api/documents", &[]).json(), serde_json::json!([]));
    assert_eq!(server.get("/api/search?q=a", &[]).json(), serde_json::json!([]));
    let reply = server.get(&format!("/sparql?query={}", encode(PEOPLE)), &[("Accept", JSON)]);
    assert_eq!(reply.status, 200);
    assert!(column(&reply.json(), "label").is_empty());
    for page in ["/", "/editor", "/assets/app.js"] {
        assert_eq!(server.get(page, &[]).status, 200, "{page}");
    }
    assert_eq!(server.get("/api/queries", &[]).status, 200);
}

#[test]
fn api_errors_are_json_and_name_the_valid_values() {
    let (_dir, server) = start(&[]);
    for path in ["/api/nothing", "/api/", "/api", "/api/entity/x", "/api/status/../nope"] {
        let reply = server.get(path, &[]);
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(reply.header("content-type"), Some("application/json"), "{path}");
        assert!(
            reply.json()["error"].as_str().unwrap().contains("/api/entity"),
            "{path}"
        );
    }
    let macron = server.get("/api/search?q=macron", &[]).json()[0]["iri"]
        .as_str()
        .unwrap()
        .to_string();
    for (query, needle) in [
        (
            "/api/search?q=a&limit=-1",
            "\"limit\" must be a whole number from 1 to 50, not \"-1\"",
        ),
        ("/api/search?q=a&limit=0", "from 1 to 50"),
        ("/api/search?q=a&limit=51", "from 1 to 50"),
        ("/api/search?q=a&limit=2.5", "from 1 to 50"),
        (
            "/api/graph?iri=IRI&depth=3",
            "\"depth\" must be a whole number from 1 to 2, not \"3\"",
        ),
        ("/api/graph?iri=IRI&depth=-1", "from 1 to 2"),
        (
            "/api/graph?iri=IRI&min_confidence=2",
            "\"min_confidence\" must be a number from 0 to 1",
        ),
        ("/api/graph?iri=IRI&min_confidence=abc", "from 0 to 1"),
        (
            "/api/graph?iri=IRI&kind=person",
            "unknown kind \"person\"; the kinds are PER, ORG, LOC, MISC, CONCEPT, VAL",
        ),
    ] {
        let reply = server.get(&query.replace("IRI", &encode(&macron)), &[]);
        assert_eq!(reply.status, 400, "{query}");
        let error = reply.json()["error"].as_str().unwrap().to_string();
        assert!(error.contains(needle), "{query}: {error}");
    }
    // Kinds in any case.
    let lower = server
        .get(&format!("/api/graph?iri={}&kind=per&kind=Loc", encode(&macron)), &[])
        .json();
    let kinds: std::collections::BTreeSet<&str> = lower["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["LOC", "PER"].into_iter().collect(), "{lower}");
    assert_eq!(server.get("/api/search?q=a&limit=50", &[]).status, 200);
    // A read-only endpoint given another method, an unknown format, and
    // the SPARQL code's own refusals: JSON too.
    let post = server.post("/api/search?q=a", None, b"", &[]);
    assert_eq!(post.status, 405);
    assert_eq!(post.header("content-type"), Some("application/json"));
    assert!(post.json()["error"].as_str().unwrap().contains("GET only"));
    for (path, status, needle) in [
        (
            "/api/query?format=xml&query=ASK%20%7B%7D",
            400,
            "unknown format \"xml\"",
        ),
        (
            "/api/query?query=SELEC%20%2A",
            400,
            "SPARQL syntax error at line 1, column 1",
        ),
        ("/api/query?query=INSERT%20DATA%20%7B%7D", 403, "read-only"),
    ] {
        let reply = server.get(path, &[]);
        assert_eq!(reply.status, status, "{path}");
        assert_eq!(reply.header("content-type"), Some("application/json"), "{path}");
        let error = reply.json()["error"].as_str().unwrap().to_string();
        assert!(error.contains(needle), "{path}: {error}");
    }
    assert_eq!(server.get("/api/query?format=json&query=ASK%20%7B%7D", &[]).status, 200);
}

#[test]
fn a_port_in_use_is_one_clear_line_and_exit_code_1() {
    let (dir, server) = start(&[]);
    let output = trame_process()
        .args(["serve", "--store"])
        .arg(dir.path().join("db"))
        .args(["--bind", &server.addr.to_string()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!("cannot listen on {}: ", server.addr)),
        "{stderr}"
    );
    assert!(
        stderr.contains("already in use") && stderr.contains("--bind 127.0.0.1:"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("in use").count(), 1, "{stderr}");
}

/// A document with a concept ("manifestants de Lyon") as the subject of a
/// fact, no title, and an absolute source path.
fn document_with_a_concept() -> trame::facts::Document {
    use trame::facts::{Concept, EntityKind, Node, Object};
    let d = store_support::Draft::new("Les manifestants de Lyon ont interpellé Emmanuel Macron.");
    let mut fact = d.fact(
        0,
        "relatedTo",
        "interpeller",
        Object::Entity(0),
        "manifestants de Lyon ont interpellé Emmanuel Macron",
        0.7,
    );
    fact.subject = Node::Concept(0);
    let entities = vec![
        store_support::entity("Emmanuel Macron", EntityKind::Person, &[]),
        store_support::entity("Lyon", EntityKind::Place, &[]),
    ];
    let mentions = vec![d.mention(0, "Emmanuel Macron", 0), d.mention(1, "Lyon", 0)];
    let mut doc = d.document("/home/analyste/corpus/manif-lyon.txt", entities, mentions, vec![fact]);
    doc.concepts = vec![Concept {
        label: "manifestants de Lyon".into(),
        head: "manifestant".into(),
        named_entity: Some(1),
    }];
    doc
}

#[test]
fn concepts_have_a_page_and_a_kind_and_untitled_documents_show_their_first_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), &[store_support::document_a(), document_with_a_concept()]);
    let server = Server::start(&store, &[]);
    let macron = server.get("/api/search?q=macron", &[]).json()[0]["iri"]
        .as_str()
        .unwrap()
        .to_string();
    // The entity page names the concept with its kind, so the page can link it.
    let page = server.get(&format!("/api/entity?iri={}", encode(&macron)), &[]).json();
    let facts: Vec<&serde_json::Value> = page["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["facts"].as_array().unwrap())
        .collect();
    let by_concept = facts
        .iter()
        .find(|f| f["subject"]["label"] == "manifestants de Lyon")
        .expect("the concept's fact");
    assert_eq!(by_concept["subject"]["kind"], "CONCEPT");
    assert_eq!(by_concept["object"]["kind"], "PER");
    // Untitled: its first sentence, never the machine's path.
    const FIRST: &str = "Les manifestants de Lyon ont interpellé Emmanuel Macron.";
    assert_eq!(by_concept["document"]["title"], FIRST);
    let concept = by_concept["subject"]["iri"].as_str().unwrap().to_string();
    assert!(concept.contains("/concept/"), "{concept}");
    // Literal values have no kind (no page).
    let role = facts.iter().find(|f| f["predicate"] == "role").unwrap();
    assert_eq!(role["object"]["kind"], serde_json::Value::Null);

    // Its page: label, head noun, document, the entity it names, its facts.
    let reply = server.get(&format!("/api/concept?iri={}", encode(&concept)), &[]);
    assert_eq!(reply.status, 200, "{}", reply.text());
    let page = reply.json();
    assert_eq!(page["label"], "manifestants de Lyon");
    assert_eq!(page["kind"], "CONCEPT");
    assert_eq!(page["head"], "manifestant");
    assert_eq!(page["document"]["title"], FIRST);
    assert_eq!(page["named_entity"]["label"], "Lyon");
    assert_eq!(page["named_entity"]["kind"], "LOC");
    let facts = page["groups"][0]["facts"].as_array().unwrap();
    assert_eq!(facts.len(), 1);
    assert_eq!(facts[0]["object"]["label"], "Emmanuel Macron");
    assert_eq!(
        facts[0]["sentence"],
        "Les manifestants de Lyon ont interpellé Emmanuel Macron."
    );
    // The entity API says where a concept's page is, and the other way round.
    let wrong = server.get(&format!("/api/entity?iri={}", encode(&concept)), &[]);
    assert_eq!(wrong.status, 404);
    assert!(wrong.json()["error"].as_str().unwrap().contains("/api/concept"));
    let wrong = server.get(&format!("/api/concept?iri={}", encode(&macron)), &[]);
    assert_eq!(wrong.status, 404);
    assert!(wrong.json()["error"].as_str().unwrap().contains("/api/entity"));
    assert_eq!(server.get("/api/concept?iri=urn%3Anothing", &[]).status, 404);

    // The graph view: the concept is a node of its own kind, filterable,
    // and a centre of its own.
    let graph = server.get(&format!("/api/graph?iri={}", encode(&macron)), &[]).json();
    let node = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == concept.as_str())
        .expect("the concept in Macron's graph");
    assert_eq!(node["kind"], "CONCEPT");
    let only_concepts = server
        .get(&format!("/api/graph?iri={}&kind=concept", encode(&macron)), &[])
        .json();
    let kinds: Vec<&str> = only_concepts["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .skip(1)
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["CONCEPT"]);
    let around = server.get(&format!("/api/graph?iri={}&depth=2", encode(&concept)), &[]);
    assert_eq!(around.status, 200, "{}", around.text());
    let around = around.json();
    assert_eq!(around["centre"], concept.as_str());
    assert_eq!(around["nodes"][0]["kind"], "CONCEPT");
    assert!(around["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["label"] == "Emmanuel Macron"));
    assert!(server
        .get(&format!("/api/graph.dot?iri={}", encode(&concept)), &[])
        .text()
        .starts_with("digraph"));
    // Every node of every graph has a page or is a value.
    for node in around["nodes"].as_array().unwrap() {
        let (kind, id) = (node["kind"].as_str().unwrap(), node["id"].as_str().unwrap());
        let path = match kind {
            "VAL" => continue,
            "CONCEPT" => "concept",
            _ => "entity",
        };
        assert_eq!(
            server.get(&format!("/api/{path}?iri={}", encode(id)), &[]).status,
            200,
            "{kind} {id}"
        );
    }
    // The documents list titles the untitled one by its first sentence.
    let documents = server.get("/api/documents", &[]).json();
    let titles: Vec<&str> = documents
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&FIRST) && titles.contains(&"Rencontre à Paris"),
        "{titles:?}"
    );
}
