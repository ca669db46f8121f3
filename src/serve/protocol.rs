//! The SPARQL 1.1 Protocol at `/sparql` and `/query`, read-only.
//!
//! Owns the protocol's request forms (GET `?query=`, POST form, POST
//! `application/sparql-query`), `default-graph-uri` / `named-graph-uri`,
//! content negotiation over the W3C results formats and RDF syntaxes, the
//! status codes (400 with the parser's message and position, 403 for any
//! update, 405, 406, 413, 415, 503 when the time limit stopped a query),
//! and running a query on a blocking thread whose output is streamed to the
//! client in chunks. The query is stopped at the deadline wherever it is:
//! evaluating, waiting for a slow client, or writing.

// Handlers leave early with the error response itself (`Result<_, Response>`);
// it is built once per request, so its size does not matter.
#![allow(clippy::result_large_err)]

use std::io::Write;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use tokio::sync::{mpsc, oneshot};

use super::params::Params;
use super::{text, App};
use crate::store::{is_update, Cancel, StoreError, WireFormat, Written};

/// Bytes sent to the client at once.
const CHUNK: usize = 64 * 1024;

/// A query to run, from the protocol or from the app's editor.
pub(crate) struct Job {
    pub text: String,
    pub default_graphs: Vec<String>,
    pub named_graphs: Vec<String>,
    /// Acceptable formats, best first.
    pub formats: Vec<WireFormat>,
    /// Row cap (the app's pages); None for the protocol.
    pub max_rows: Option<usize>,
    /// Offer the response as a file of this name.
    pub attachment: Option<&'static str>,
}

/// `/update`: this server never writes.
pub async fn update() -> Response {
    forbidden()
}

fn forbidden() -> Response {
    text(
        StatusCode::FORBIDDEN,
        "this endpoint is read-only: SPARQL updates (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, …) are refused; \
         change the store with `trame build`, `trame rm` or `trame update`",
    )
}

/// `/sparql` and `/query`.
pub async fn endpoint(State(app): State<Arc<App>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let url = match Params::parse(parts.uri.query().unwrap_or("").as_bytes()) {
        Ok(params) => params,
        Err(message) => return text(StatusCode::BAD_REQUEST, &format!("bad query string: {message}")),
    };
    let (query, params) = match parts.method {
        Method::GET | Method::HEAD => {
            if url.has("update") {
                return forbidden();
            }
            // A browser that follows a link to the endpoint (no query, or
            // an empty one) gets the editor; machine clients get the 400.
            let no_query = url.all("query").iter().all(|q| q.trim().is_empty());
            if no_query && accepts_html(&parts.headers) {
                return (StatusCode::SEE_OTHER, [(header::LOCATION, "/editor")]).into_response();
            }
            match url.one("query") {
                Ok(query) => (query.map(str::to_string), url),
                Err(message) => return text(StatusCode::BAD_REQUEST, &message),
            }
        }
        Method::POST => {
            let body = match read_body(&parts.headers, body, app.options.max_body).await {
                Ok(body) => body,
                Err(response) => return response,
            };
            match content_type(&parts.headers) {
                Some((media, charset)) if charset.as_deref().is_none_or(is_utf8_label) => match media.as_str() {
                    "application/x-www-form-urlencoded" => {
                        let form = match Params::parse(&body) {
                            Ok(form) => form,
                            Err(message) => return text(StatusCode::BAD_REQUEST, &format!("bad form body: {message}")),
                        };
                        if form.has("update") || url.has("update") {
                            return forbidden();
                        }
                        let query = match form.one("query") {
                            Ok(query) => query.map(str::to_string),
                            Err(message) => return text(StatusCode::BAD_REQUEST, &message),
                        };
                        let mut merged = form.clone();
                        merged.extend(&url);
                        (query, merged)
                    }
                    "application/sparql-query" => match String::from_utf8(body.to_vec()) {
                        Ok(query) => (Some(query), url),
                        Err(e) => {
                            return text(
                                StatusCode::BAD_REQUEST,
                                &format!(
                                    "the query body is not UTF-8 (invalid byte at {})",
                                    e.utf8_error().valid_up_to()
                                ),
                            )
                        }
                    },
                    "application/sparql-update" => return forbidden(),
                    other => return unsupported_media(other),
                },
                Some((media, _)) => return unsupported_media(&format!("{media} with a charset other than UTF-8")),
                None => return unsupported_media("a request without Content-Type"),
            }
        }
        _ => {
            return (
                StatusCode::METHOD_NOT_ALLOWED,
                [(header::ALLOW, "GET, HEAD, POST")],
                "the SPARQL endpoint answers GET and POST\n",
            )
                .into_response()
        }
    };
    let formats = match negotiate(&parts.headers) {
        Ok(formats) => formats,
        Err(response) => return response,
    };
    let Some(query) = query else {
        return text(
            StatusCode::BAD_REQUEST,
            "no query: give it in the `query` parameter (GET or a form POST) or as an application/sparql-query body",
        );
    };
    if is_update(&query) {
        return forbidden();
    }
    let job = Job {
        text: query,
        default_graphs: params.all("default-graph-uri"),
        named_graphs: params.all("named-graph-uri"),
        formats,
        max_rows: None,
        attachment: None,
    };
    execute(app, job).await
}

fn unsupported_media(what: &str) -> Response {
    text(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        &format!(
            "cannot read {what}: POST a query as application/x-www-form-urlencoded (query=…) \
             or application/sparql-query, in UTF-8"
        ),
    )
}

fn is_utf8_label(charset: &str) -> bool {
    charset.eq_ignore_ascii_case("utf-8") || charset.eq_ignore_ascii_case("utf8")
}

/// The media type (lower case, no parameters) and charset of `Content-Type`.
pub(crate) fn content_type(headers: &HeaderMap) -> Option<(String, Option<String>)> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let mut pieces = value.split(';');
    let media = pieces.next()?.trim().to_ascii_lowercase();
    let charset = pieces.find_map(|p| {
        let (name, value) = p.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_string())
    });
    Some((media, charset))
}

/// The body, at most `max` bytes; 413 beyond.
pub(crate) async fn read_body(headers: &HeaderMap, body: Body, max: usize) -> Result<Bytes, Response> {
    let too_big = || {
        text(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("the request body is larger than the limit of {max} bytes (--max-body)"),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > max) {
        return Err(too_big());
    }
    axum::body::to_bytes(body, max).await.map_err(|_| too_big())
}

fn accepts_html(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("text/html"))
}

/// The formats `Accept` allows, best first; 406 when none. No `Accept`
/// (or `*/*`) allows every format, JSON results and Turtle first.
pub(crate) fn negotiate(headers: &HeaderMap) -> Result<Vec<WireFormat>, Response> {
    let values: Vec<&str> = headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    let formats = rank(&values.join(","));
    if formats.is_empty() {
        return Err(not_acceptable());
    }
    Ok(formats)
}

pub(crate) fn not_acceptable() -> Response {
    let offered: Vec<&str> = WireFormat::ALL
        .iter()
        .map(|f| f.media_type().split(';').next().unwrap_or(""))
        .collect();
    text(
        StatusCode::NOT_ACCEPTABLE,
        &format!(
            "no format in Accept can carry these results; SELECT and ASK are offered as {}, CONSTRUCT and DESCRIBE as {}",
            offered[..4].join(", "),
            offered[4..].join(", ")
        ),
    )
}

/// Ranks the formats by an `Accept` value: by quality, then by how
/// specific the matching range is, then in [`WireFormat::ALL`] order.
fn rank(accept: &str) -> Vec<WireFormat> {
    let ranges: Vec<(String, f32)> = accept
        .split(',')
        .filter_map(|range| {
            let mut pieces = range.split(';');
            let media = pieces.next()?.trim().to_ascii_lowercase();
            if media.is_empty() {
                return None;
            }
            let quality = pieces
                .filter_map(|p| p.split_once('='))
                .find(|(name, _)| name.trim() == "q")
                .and_then(|(_, q)| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            Some((media, quality))
        })
        .collect();
    if ranges.is_empty() {
        return WireFormat::ALL.to_vec();
    }
    let mut scored: Vec<(WireFormat, f32, u8, usize)> = Vec::new();
    for (order, format) in WireFormat::ALL.into_iter().enumerate() {
        let base = format.media_type().split(';').next().unwrap_or("");
        let names: Vec<&str> = std::iter::once(base).chain(format.aliases().iter().copied()).collect();
        let (major, _) = base.split_once('/').unwrap_or((base, ""));
        // The most specific range that matches decides the quality.
        let best = ranges
            .iter()
            .filter_map(|(media, quality)| {
                let specificity = if names.contains(&media.as_str()) {
                    2
                } else if media.strip_suffix("/*") == Some(major) {
                    1
                } else if media == "*/*" {
                    0
                } else {
                    return None;
                };
                Some((specificity, *quality))
            })
            .max_by(|a, b| a.0.cmp(&b.0));
        if let Some((specificity, quality)) = best {
            if quality > 0.0 {
                scored.push((format, quality, specificity, order));
            }
        }
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.2.cmp(&a.2)).then(a.3.cmp(&b.3)));
    scored.into_iter().map(|(format, ..)| format).collect()
}

/// Why a query produced no response body.
enum Failure {
    Store(StoreError),
    NotAcceptable,
}

/// Runs a query on a blocking thread and streams its results.
pub(crate) async fn execute(app: Arc<App>, job: Job) -> Response {
    let timeout = app.options.timeout;
    let deadline = Instant::now() + timeout;
    let permit = match tokio::time::timeout(timeout, app.slots.clone().acquire_owned()).await {
        Ok(Ok(permit)) => permit,
        _ => {
            return text(
                StatusCode::SERVICE_UNAVAILABLE,
                &format!(
                    "the server is busy ({} queries running) and no slot freed within the time limit; retry later",
                    app.options.max_queries
                ),
            )
        }
    };
    let cancel = Cancel::new();
    let timer = {
        let cancel = cancel.clone();
        tokio::spawn(async move {
            tokio::time::sleep_until(tokio::time::Instant::from_std(deadline)).await;
            cancel.cancel();
        })
    };
    let (head_tx, head_rx) = oneshot::channel::<Result<WireFormat, Failure>>();
    let (body_tx, body_rx) = mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    let view = app.views.current();
    let worker_app = app.clone();
    let attachment = job.attachment;
    let max_rows = job.max_rows;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        // Counted while this worker runs, whatever way it ends.
        let _running = Running::enter(&worker_app.running);
        let mut writer = ChannelWriter {
            head: Some(head_tx),
            tx: body_tx,
            buf: Vec::with_capacity(CHUNK),
            format: None,
            cancel: cancel.clone(),
            deadline,
        };
        let outcome = (|| -> Result<Written, Failure> {
            let prepared = view
                .store
                .prepare_endpoint_query(&job.text, &job.default_graphs, &job.named_graphs, &cancel)
                .map_err(Failure::Store)?;
            let running = view.store.start_endpoint_query(prepared).map_err(Failure::Store)?;
            let shape = running.shape();
            let format = job
                .formats
                .iter()
                .copied()
                .find(|f| f.fits(shape))
                .ok_or(Failure::NotAcceptable)?;
            writer.format = Some(format);
            running
                .write(format, deadline, job.max_rows, &mut writer)
                .map_err(Failure::Store)
        })();
        match outcome {
            Ok(_) => writer.finish(),
            Err(failure) => writer.fail(failure),
        }
        drop(view);
        timer.abort();
    });
    // The worker stops at its next check of the flag; the client gets its
    // answer at the deadline even if that check is still a moment away.
    let answer_by = tokio::time::Instant::from_std(deadline) + Duration::from_millis(500);
    let Ok(head) = tokio::time::timeout_at(answer_by, head_rx).await else {
        return store_error(&StoreError::Cancelled, timeout);
    };
    match head {
        Ok(Ok(format)) => {
            let mut response = Response::new(Body::new(ChannelBody(body_rx)));
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(format.media_type()));
            headers.insert(header::VARY, HeaderValue::from_static("Accept"));
            if let Some(name) = attachment {
                if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
                    headers.insert(header::CONTENT_DISPOSITION, value);
                }
            }
            if let Some(cap) = max_rows {
                headers.insert("x-trame-row-cap", HeaderValue::from(cap));
            }
            response
        }
        Ok(Err(Failure::NotAcceptable)) => not_acceptable(),
        Ok(Err(Failure::Store(error))) => store_error(&error, timeout),
        Err(_) => text(StatusCode::INTERNAL_SERVER_ERROR, "the query stopped without an answer"),
    }
}

/// One running query in [`App::running`](super::App), from [`Running::enter`]
/// until dropped (also when the worker unwinds).
struct Running<'a>(&'a std::sync::atomic::AtomicUsize);

impl<'a> Running<'a> {
    fn enter(counter: &'a std::sync::atomic::AtomicUsize) -> Running<'a> {
        counter.fetch_add(1, Ordering::SeqCst);
        Running(counter)
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The status and message for a query that failed before its first byte.
pub(crate) fn store_error(error: &StoreError, timeout: Duration) -> Response {
    match error {
        StoreError::Query { .. } | StoreError::Refused(_) => text(StatusCode::BAD_REQUEST, &error.to_string()),
        StoreError::Cancelled => text(
            StatusCode::SERVICE_UNAVAILABLE,
            &format!(
                "the query ran longer than the time limit ({} s, --timeout) and was stopped; add LIMIT or narrow it",
                timeout.as_secs_f32()
            ),
        ),
        other => text(StatusCode::INTERNAL_SERVER_ERROR, &other.to_string()),
    }
}

/// Gathers output into chunks for the response body; the first chunk
/// (or the end) sends the response head. Waits for a slow client only
/// until the deadline.
struct ChannelWriter {
    head: Option<oneshot::Sender<Result<WireFormat, Failure>>>,
    tx: mpsc::Sender<Result<Bytes, std::io::Error>>,
    buf: Vec<u8>,
    format: Option<WireFormat>,
    cancel: Cancel,
    deadline: Instant,
}

impl ChannelWriter {
    fn send_head(&mut self) -> std::io::Result<()> {
        if let Some(head) = self.head.take() {
            let format = self.format.unwrap_or(WireFormat::ResultsJson);
            head.send(Ok(format)).map_err(|_| gone())?;
        }
        Ok(())
    }

    fn send_chunk(&mut self) -> std::io::Result<()> {
        self.send_head()?;
        if self.buf.is_empty() {
            return Ok(());
        }
        let mut message = Ok(Bytes::from(std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK))));
        loop {
            match self.tx.try_send(message) {
                Ok(()) => return Ok(()),
                Err(mpsc::error::TrySendError::Closed(_)) => return Err(gone()),
                Err(mpsc::error::TrySendError::Full(back)) => {
                    if self.cancel.is_cancelled() || Instant::now() >= self.deadline {
                        self.cancel.cancel();
                        return Err(std::io::Error::new(
                            std::io::ErrorKind::TimedOut,
                            "the client read too slowly",
                        ));
                    }
                    message = back;
                    std::thread::sleep(Duration::from_millis(2));
                }
            }
        }
    }

    fn finish(mut self) {
        let _ = self.send_chunk();
    }

    fn fail(mut self, failure: Failure) {
        match self.head.take() {
            Some(head) => {
                let _ = head.send(Err(failure));
            }
            // Headers are gone: cut the body so the client sees an incomplete response.
            None => {
                let _ = self.tx.try_send(Err(std::io::Error::other(
                    "the query stopped while its results were sent",
                )));
            }
        }
    }
}

fn gone() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the client went away")
}

impl Write for ChannelWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.send_chunk()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The response body: chunks from the query thread.
struct ChannelBody(mpsc::Receiver<Result<Bytes, std::io::Error>>);

impl http_body::Body for ChannelBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        self.0
            .poll_recv(cx)
            .map(|message| message.map(|chunk| chunk.map(http_body::Frame::data)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_is_ranked_by_quality_then_specificity() {
        assert_eq!(rank("")[0], WireFormat::ResultsJson);
        assert_eq!(rank("*/*")[0], WireFormat::ResultsJson);
        assert_eq!(rank("text/csv"), vec![WireFormat::ResultsCsv]);
        assert_eq!(
            rank("application/sparql-results+xml;q=0.9, text/turtle"),
            vec![WireFormat::Turtle, WireFormat::ResultsXml]
        );
        assert_eq!(
            rank("text/*;q=0.5, text/csv"),
            vec![WireFormat::ResultsCsv, WireFormat::ResultsTsv, WireFormat::Turtle]
        );
        assert_eq!(rank("application/json"), vec![WireFormat::ResultsJson]);
        assert!(rank("image/png").is_empty());
        assert!(rank("text/csv;q=0").is_empty());
        let all_but_csv = rank("*/*, text/csv;q=0");
        assert!(!all_but_csv.contains(&WireFormat::ResultsCsv) && all_but_csv.len() == 6);
    }
}
