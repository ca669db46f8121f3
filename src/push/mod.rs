//! Pushing graphs to a remote SPARQL store through the SPARQL 1.1 Graph
//! Store HTTP Protocol, and asking it SPARQL queries.
//!
//! Owns the endpoint URL check, one `PUT <endpoint>?graph=<IRI>` per named
//! graph (N-Triples body: idempotent, a re-run replaces the graph), retries
//! with exponential backoff on 5xx answers and connection errors, failing
//! fast on 4xx with the server's own message, basic and digest
//! authentication ([`auth`]), a bounded number of requests in flight
//! ([`Queue`]) and SPARQL SELECT over HTTP (JSON results). It knows nothing
//! of documents or extraction: callers hand it graph IRIs and bodies. The
//! HTTP client is `ureq`, plain HTTP only (no TLS in this build).

pub mod auth;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use auth::{Challenge, Credentials, Scheme};

/// Errors of pushing. Messages name the URL or graph and say what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PushError {
    #[error("{0}")]
    Url(String),
    #[error("cannot reach {url}: {message} (tried {attempts} times); is the store running and the URL right?")]
    Unreachable {
        url: String,
        message: String,
        attempts: u32,
    },
    #[error("{url} refused the credentials (HTTP {status}): {message}; check --user and TRAME_PUSH_PASSWORD")]
    Auth { url: String, status: u16, message: String },
    #[error("{url} answered HTTP 404 Not Found: {message}; is this the store's Graph Store endpoint (Oxigraph: /store, Virtuoso: /sparql-graph-crud-auth)?")]
    NotFound { url: String, message: String },
    #[error("{url} refused graph <{graph}> (HTTP {status}): {message}")]
    Refused {
        url: String,
        graph: String,
        status: u16,
        message: String,
    },
    #[error("{url} failed on graph <{graph}> (HTTP {status}, {attempts} attempts): {message}")]
    Server {
        url: String,
        graph: String,
        status: u16,
        message: String,
        attempts: u32,
    },
    #[error("the SPARQL endpoint {url} gave an answer trame cannot read: {message}")]
    BadAnswer { url: String, message: String },
}

impl PushError {
    /// Whether the error concerns every request (stop everything) rather than one graph.
    pub fn is_fatal(&self) -> bool {
        matches!(
            self,
            PushError::Url(_) | PushError::Unreachable { .. } | PushError::Auth { .. } | PushError::NotFound { .. }
        )
    }

    /// Whether the error comes from what the user typed (exit code 2).
    pub fn is_usage(&self) -> bool {
        matches!(self, PushError::Url(_))
    }
}

/// Knobs of a [`Client`].
#[derive(Debug, Clone)]
pub struct Options {
    pub credentials: Option<Credentials>,
    /// Retries after the first attempt, on 5xx and connection errors.
    pub retries: u32,
    /// Wait before the first retry; doubled each time, at most 30 s.
    pub backoff: Duration,
    /// Whole-request timeout.
    pub timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            credentials: None,
            retries: 5,
            backoff: Duration::from_millis(500),
            timeout: Duration::from_secs(120),
        }
    }
}

/// Checks a store URL: `http://host[:port]/path`. A missing scheme, a
/// misspelt one or `https` (not supported by this build) is an error
/// saying what to write instead.
pub fn check_url(url: &str) -> Result<String, PushError> {
    let url = url.trim();
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err(PushError::Url(format!(
            "{url:?} has no scheme; write the store's full URL, such as http://{url}"
        )));
    };
    match scheme.to_ascii_lowercase().as_str() {
        "http" => {}
        "https" => {
            return Err(PushError::Url(format!(
                "{url}: this trame speaks plain HTTP only; reach the store through http:// (inside the cluster, or via a TLS-terminating proxy)"
            )))
        }
        other => {
            return Err(PushError::Url(format!("{url}: unknown scheme {other:?}; write http://{rest}")));
        }
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let name = host.rsplit_once(':').map_or(host, |(name, port)| {
        if port.chars().all(|c| c.is_ascii_digit()) {
            name
        } else {
            host
        }
    });
    if name.is_empty() || host.contains('@') {
        return Err(PushError::Url(format!(
            "{url}: no host name (credentials go in --user and TRAME_PUSH_PASSWORD, not in the URL)"
        )));
    }
    if let Some((_, port)) = host.rsplit_once(':') {
        if port.parse::<u16>().is_err() {
            return Err(PushError::Url(format!(
                "{url}: the port {port:?} is not a number from 0 to 65535"
            )));
        }
    }
    Ok(url.to_string())
}

/// `<endpoint>?graph=<IRI>`: the protocol's indirect graph identification.
fn graph_url(endpoint: &str, graph: &str) -> String {
    let separator = if endpoint.contains('?') { '&' } else { '?' };
    format!("{endpoint}{separator}graph={}", percent_encode(graph))
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The path and query of a URL, as sent in the request line (what digest signs).
fn request_target(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    match rest.find('/') {
        Some(i) => rest[i..].to_string(),
        None => "/".to_string(),
    }
}

/// An HTTP client for one store: the options and what the store asked
/// for last (basic, or a digest challenge reused with a growing nonce
/// count, as RFC 7616 allows). The first request goes without credentials,
/// as curl does: Virtuoso answers a preemptive basic header with a bare 401.
pub struct Client {
    agent: ureq::Agent,
    options: Options,
    scheme: Mutex<AuthState>,
}

#[derive(Debug, Clone)]
enum AuthState {
    /// No challenge seen yet: send no credentials.
    Unknown,
    Basic,
    Digest(Challenge, u32),
}

/// One HTTP answer: status and body text.
struct Answer {
    status: u16,
    body: String,
    challenge: Option<String>,
}

/// A request body and its content type.
enum Body<'a> {
    Bytes(&'a [u8], &'a str),
}

impl Client {
    pub fn new(options: Options) -> Client {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(options.timeout))
            .timeout_connect(Some(Duration::from_secs(10)))
            .build();
        Client {
            agent: config.into(),
            options,
            scheme: Mutex::new(AuthState::Unknown),
        }
    }

    /// Replaces graph `graph` of the store behind the Graph Store endpoint
    /// with these N-Triples, retrying on 5xx and connection errors.
    pub fn put_graph(&self, endpoint: &str, graph: &str, ntriples: &[u8]) -> Result<(), PushError> {
        let url = graph_url(endpoint, graph);
        let answer = self.send_retrying("PUT", &url, Body::Bytes(ntriples, "application/n-triples"), graph)?;
        match answer.status {
            200..=299 => Ok(()),
            status => Err(self.refusal(endpoint, graph, status, answer.body)),
        }
    }

    /// Runs a SPARQL SELECT at `endpoint` (the store's query endpoint) and
    /// returns its rows as values by variable name (`None`: unbound).
    pub fn select(&self, endpoint: &str, query: &str) -> Result<Vec<Vec<Option<String>>>, PushError> {
        let form = format!("query={}", percent_encode(query));
        let answer = self.send_retrying(
            "POST",
            endpoint,
            Body::Bytes(form.as_bytes(), "application/x-www-form-urlencoded"),
            "",
        )?;
        if !(200..=299).contains(&answer.status) {
            return Err(self.refusal(endpoint, "(query)", answer.status, answer.body));
        }
        parse_select_json(&answer.body).map_err(|message| PushError::BadAnswer {
            url: endpoint.to_string(),
            message,
        })
    }

    fn refusal(&self, endpoint: &str, graph: &str, status: u16, body: String) -> PushError {
        let message = short(&body);
        let url = endpoint.to_string();
        match status {
            401 | 403 => PushError::Auth { url, status, message },
            404 => PushError::NotFound { url, message },
            _ => PushError::Refused {
                url,
                graph: graph.to_string(),
                status,
                message,
            },
        }
    }

    /// Sends one request, answering digest challenges; retries 5xx and
    /// connection errors with backoff. Returns the final answer (2xx or 4xx).
    fn send_retrying(&self, method: &str, url: &str, body: Body<'_>, graph: &str) -> Result<Answer, PushError> {
        let mut attempt = 0;
        let mut wait = self.options.backoff;
        loop {
            attempt += 1;
            let last = attempt > self.options.retries;
            match self.send_authenticated(method, url, &body) {
                Ok(answer) if answer.status >= 500 => {
                    if last {
                        return Err(PushError::Server {
                            url: url.split('?').next().unwrap_or(url).to_string(),
                            graph: graph.to_string(),
                            status: answer.status,
                            message: short(&answer.body),
                            attempts: attempt,
                        });
                    }
                }
                Ok(answer) => return Ok(answer),
                Err(message) => {
                    if last {
                        return Err(PushError::Unreachable {
                            url: url.split('?').next().unwrap_or(url).to_string(),
                            message,
                            attempts: attempt,
                        });
                    }
                }
            }
            std::thread::sleep(wait);
            wait = (wait * 2).min(Duration::from_secs(30));
        }
    }

    /// One request, plus at most two more to answer a challenge.
    fn send_authenticated(&self, method: &str, url: &str, body: &Body<'_>) -> Result<Answer, String> {
        let target = request_target(url);
        for _ in 0..3 {
            let authorization = self.authorization(method, &target);
            let answer = self.send_once(method, url, body, authorization.as_deref())?;
            if answer.status != 401 || self.options.credentials.is_none() {
                return Ok(answer);
            }
            let mut state = self.scheme.lock().unwrap_or_else(|e| e.into_inner());
            let next = match (answer.challenge.as_deref().map(auth::parse_challenge), &*state) {
                // Our answer to this very challenge was refused: wrong password.
                (Some(Scheme::Digest(challenge)), AuthState::Digest(current, _))
                    if current.nonce == challenge.nonce && !challenge.stale =>
                {
                    return Ok(answer)
                }
                (Some(Scheme::Digest(challenge)), _) => AuthState::Digest(challenge, 0),
                (Some(Scheme::Basic), AuthState::Unknown) => AuthState::Basic,
                _ => return Ok(answer),
            };
            *state = next;
        }
        Err("the server kept asking for authentication".to_string())
    }

    /// The `Authorization` header for the next request, if any.
    fn authorization(&self, method: &str, target: &str) -> Option<String> {
        let credentials = self.options.credentials.as_ref()?;
        let mut state = self.scheme.lock().unwrap_or_else(|e| e.into_inner());
        match &mut *state {
            AuthState::Unknown => None,
            AuthState::Basic => Some(credentials.basic()),
            AuthState::Digest(challenge, count) => {
                *count += 1;
                Some(challenge.authorization(credentials, method, target, *count))
            }
        }
    }

    fn send_once(
        &self,
        method: &str,
        url: &str,
        body: &Body<'_>,
        authorization: Option<&str>,
    ) -> Result<Answer, String> {
        let mut request = ureq::http::Request::builder()
            .method(method)
            .uri(url)
            .header("Accept", "application/sparql-results+json, */*;q=0.1");
        if let Some(value) = authorization {
            request = request.header("Authorization", value);
        }
        let result = match body {
            Body::Bytes(bytes, content_type) => request
                .header("Content-Type", *content_type)
                .body(*bytes)
                .map_err(|e| e.to_string())
                .and_then(|r| self.agent.run(r).map_err(describe)),
        };
        let mut response = result?;
        let status = response.status().as_u16();
        let challenge = response
            .headers()
            .get_all("www-authenticate")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.trim_start().to_ascii_lowercase().starts_with("digest"))
            .or_else(|| response.headers().get("www-authenticate").and_then(|v| v.to_str().ok()))
            .map(str::to_string);
        let body = response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()
            .map_err(describe)?;
        Ok(Answer {
            status,
            body,
            challenge,
        })
    }
}

fn describe(error: ureq::Error) -> String {
    match error {
        ureq::Error::Io(e) => e.to_string(),
        ureq::Error::HostNotFound => "host not found".to_string(),
        ureq::Error::Timeout(t) => format!("timed out ({t})"),
        other => other.to_string(),
    }
}

/// The server's message, on one line and not too long.
fn short(body: &str) -> String {
    let text = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return "(no message)".to_string();
    }
    match text.char_indices().nth(300) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

/// SPARQL 1.1 Query Results JSON → rows of N-Triples-style terms in the
/// order of `head.vars` (`<iri>`, `"literal"`, `_:b`; `None`: unbound).
fn parse_select_json(body: &str) -> Result<Vec<Vec<Option<String>>>, String> {
    let value: serde_json::Value = serde_json::from_str(body).map_err(|e| format!("not JSON ({e})"))?;
    let vars: Vec<String> = value["head"]["vars"]
        .as_array()
        .ok_or("no head.vars")?
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    let bindings = value["results"]["bindings"].as_array().ok_or("no results.bindings")?;
    Ok(bindings
        .iter()
        .map(|binding| {
            vars.iter()
                .map(|var| {
                    let term = &binding[var.as_str()];
                    let text = term["value"].as_str()?;
                    Some(match term["type"].as_str()? {
                        "uri" => format!("<{text}>"),
                        "bnode" => format!("_:{text}"),
                        _ => format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\"")),
                    })
                })
                .collect()
        })
        .collect())
}

/// A graph to push, with a name for messages (the document's source).
pub struct Job {
    pub graph: String,
    pub name: String,
    pub ntriples: Vec<u8>,
}

/// What a [`Queue`] did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub pushed: usize,
    pub triples: usize,
    /// Graphs not pushed, with the reason: (name, error).
    pub failed: Vec<(String, PushError)>,
    /// A fatal error that stopped every worker (unreachable store, credentials).
    pub fatal: Option<PushError>,
}

/// Pushes graphs with at most `in_flight` requests at a time: `send`
/// blocks while that many are queued, so a fast producer never holds more
/// than a few graphs in memory.
pub struct Queue {
    sender: Option<SyncSender<Job>>,
    workers: Vec<JoinHandle<()>>,
    outcome: Arc<Mutex<Outcome>>,
    stop: Arc<AtomicBool>,
}

impl Queue {
    /// Starts `in_flight` workers sending to `endpoint`; `done` is called
    /// after each graph (pushed or not), from a worker thread.
    pub fn start(client: Arc<Client>, endpoint: String, in_flight: usize, done: Arc<dyn Fn() + Send + Sync>) -> Queue {
        let in_flight = in_flight.max(1);
        let (sender, receiver) = sync_channel::<Job>(in_flight);
        let receiver = Arc::new(Mutex::new(receiver));
        let outcome = Arc::new(Mutex::new(Outcome::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let workers = (0..in_flight)
            .map(|_| {
                let (client, endpoint, receiver, outcome, stop, done) = (
                    client.clone(),
                    endpoint.clone(),
                    receiver.clone(),
                    outcome.clone(),
                    stop.clone(),
                    done.clone(),
                );
                std::thread::spawn(move || work(&client, &endpoint, &receiver, &outcome, &stop, done.as_ref()))
            })
            .collect();
        Queue {
            sender: Some(sender),
            workers,
            outcome,
            stop,
        }
    }

    /// Queues one graph. After a fatal error the graph is recorded as not
    /// pushed at once.
    pub fn send(&self, job: Job) {
        if self.stop.load(Ordering::Relaxed) {
            let fatal = self.outcome.lock().unwrap_or_else(|e| e.into_inner()).fatal.clone();
            if let Some(error) = fatal {
                self.outcome
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .failed
                    .push((job.name, error));
                return;
            }
        }
        if let Some(sender) = &self.sender {
            if let Err(returned) = sender.send(job) {
                let job = returned.0;
                let error = PushError::Unreachable {
                    url: String::new(),
                    message: "the push stopped".into(),
                    attempts: 0,
                };
                self.outcome
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .failed
                    .push((job.name, error));
            }
        }
    }

    /// Whether a fatal error stopped the workers.
    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Waits for every queued graph and returns what happened.
    pub fn finish(mut self) -> Outcome {
        self.sender.take();
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
        std::mem::take(&mut *self.outcome.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

fn work(
    client: &Client,
    endpoint: &str,
    receiver: &Mutex<Receiver<Job>>,
    outcome: &Mutex<Outcome>,
    stop: &AtomicBool,
    done: &(dyn Fn() + Send + Sync),
) {
    loop {
        let job = match receiver.lock().unwrap_or_else(|e| e.into_inner()).recv() {
            Ok(job) => job,
            Err(_) => return,
        };
        let result = if stop.load(Ordering::Relaxed) {
            Err(outcome
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .fatal
                .clone()
                .unwrap_or(PushError::Unreachable {
                    url: endpoint.to_string(),
                    message: "stopped".into(),
                    attempts: 0,
                }))
        } else {
            client.put_graph(endpoint, &job.graph, &job.ntriples)
        };
        let mut outcome = outcome.lock().unwrap_or_else(|e| e.into_inner());
        match result {
            Ok(()) => {
                outcome.pushed += 1;
                outcome.triples += job.ntriples.iter().filter(|&&b| b == b'\n').count();
            }
            Err(error) => {
                if error.is_fatal() && outcome.fatal.is_none() {
                    outcome.fatal = Some(error.clone());
                    stop.store(true, Ordering::Relaxed);
                }
                outcome.failed.push((job.name, error));
            }
        }
        drop(outcome);
        done();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_without_scheme_or_with_a_typo_are_refused_with_the_fix() {
        assert_eq!(
            check_url("http://127.0.0.1:7878/store").unwrap(),
            "http://127.0.0.1:7878/store"
        );
        let error = check_url("127.0.0.1:7878/store").unwrap_err().to_string();
        assert!(
            error.contains("no scheme") && error.contains("http://127.0.0.1:7878/store"),
            "{error}"
        );
        let error = check_url("htp://localhost/store").unwrap_err().to_string();
        assert!(
            error.contains("unknown scheme \"htp\"") && error.contains("http://localhost/store"),
            "{error}"
        );
        assert!(check_url("https://example.org/store")
            .unwrap_err()
            .to_string()
            .contains("plain HTTP"));
        assert!(check_url("http://:7878/store")
            .unwrap_err()
            .to_string()
            .contains("no host"));
        assert!(check_url("http://u:p@host/store")
            .unwrap_err()
            .to_string()
            .contains("--user"));
        assert!(check_url("http://localhost:78a78/store")
            .unwrap_err()
            .to_string()
            .contains("port"));
        assert!(check_url("http://localhost:99999/store")
            .unwrap_err()
            .to_string()
            .contains("port"));
        assert!(check_url("http://[::1]:7878/store").is_ok());
    }

    #[test]
    fn graph_urls_are_percent_encoded() {
        assert_eq!(
            graph_url("http://h/store", "https://w3id.org/trame/doc/ab"),
            "http://h/store?graph=https%3A%2F%2Fw3id.org%2Ftrame%2Fdoc%2Fab"
        );
        assert_eq!(graph_url("http://h/crud?x=1", "a b"), "http://h/crud?x=1&graph=a%20b");
        assert_eq!(request_target("http://h:1/store?graph=x"), "/store?graph=x");
        assert_eq!(request_target("http://h"), "/");
    }

    #[test]
    fn select_results_json_becomes_rows() {
        let body = r#"{"head":{"vars":["e","n"]},"results":{"bindings":[
            {"e":{"type":"uri","value":"http://x/a"},"n":{"type":"literal","value":"Le \"chef\""}},
            {"e":{"type":"bnode","value":"b0"}}]}}"#;
        let rows = parse_select_json(body).unwrap();
        assert_eq!(
            rows[0],
            vec![Some("<http://x/a>".into()), Some("\"Le \\\"chef\\\"\"".into())]
        );
        assert_eq!(rows[1], vec![Some("_:b0".into()), None]);
        assert!(parse_select_json("<html>").is_err());
    }

    #[test]
    fn server_messages_are_kept_short_and_on_one_line() {
        assert_eq!(short("  a\n b "), "a b");
        assert_eq!(short(""), "(no message)");
        assert!(short(&"x ".repeat(400)).ends_with('…'));
    }
}
