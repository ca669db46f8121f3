//! The JSON API behind the web app (`/api/…`), documented in the README's
//! "Serve" section so that other tools can build on it.
//!
//! Owns parameter checking (400 with the parameter named, 404 for an
//! unknown entity or document) and the downloads of a graph view (DOT and
//! CSV as `trame export` writes them, SVG and PNG as it draws them). Reads
//! the current view's catalog; the editor's queries go through the
//! protocol module's runner with the page row cap.

// Handlers leave early with the error response itself (`Result<_, Response>`);
// it is built once per request, so its size does not matter.
#![allow(clippy::result_large_err)]

use std::collections::BTreeSet;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::catalog::{GraphFilter, NODE_KINDS};
use super::params::Params;
use super::protocol::{self, Job};
use super::{assets, text, App};
use crate::export::graph::{FactGraph, GraphOptions};
use crate::store::{is_update, WireFormat};

/// Suggestions returned at most.
const MAX_SUGGESTIONS: usize = 50;

fn json<T: Serialize>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(bytes) => (status, [(header::CONTENT_TYPE, "application/json")], bytes).into_response(),
        Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, &format!("cannot write JSON: {e}")),
    }
}

pub(crate) fn error(status: StatusCode, message: &str) -> Response {
    json(status, &serde_json::json!({ "error": message }))
}

/// The query string, strictly decoded.
fn params(request: &Request) -> Result<Params, Response> {
    Params::parse(request.uri().query().unwrap_or("").as_bytes())
        .map_err(|message| error(StatusCode::BAD_REQUEST, &format!("bad query string: {message}")))
}

fn required<'a>(params: &'a Params, name: &str) -> Result<&'a str, Response> {
    match params.one(name) {
        Ok(Some(value)) if !value.is_empty() => Ok(value),
        Ok(_) => Err(error(
            StatusCode::BAD_REQUEST,
            &format!("the parameter {name:?} is required"),
        )),
        Err(message) => Err(error(StatusCode::BAD_REQUEST, &message)),
    }
}

/// A numeric parameter in `range` (`default` when absent); a 400 that
/// names the parameter, the kind of number (`what`: "a whole number") and
/// the range otherwise.
fn ranged<T>(
    params: &Params,
    name: &str,
    what: &str,
    range: std::ops::RangeInclusive<T>,
    default: T,
) -> Result<T, Response>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display,
{
    match params.one(name) {
        Ok(None) => Ok(default),
        Ok(Some(value)) => match value.trim().parse::<T>() {
            Ok(number) if range.contains(&number) => Ok(number),
            _ => Err(error(
                StatusCode::BAD_REQUEST,
                &format!(
                    "the parameter {name:?} must be {what} from {} to {}, not {value:?}",
                    range.start(),
                    range.end()
                ),
            )),
        },
        Err(message) => Err(error(StatusCode::BAD_REQUEST, &message)),
    }
}

/// `/api/…` paths that name no endpoint: a JSON 404 like every API error.
pub async fn unknown() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "no such API endpoint; the endpoints are /api/status, /api/documents, /api/search, /api/entity, \
         /api/concept, /api/document, /api/graph (and .dot, .csv, .svg, .png), /api/queries and /api/query",
    )
}

/// Any method but GET (and HEAD) on a read-only API endpoint: a JSON 405.
pub async fn get_only() -> Response {
    let mut response = error(StatusCode::METHOD_NOT_ALLOWED, "this endpoint answers GET only");
    response.headers_mut().insert(
        axum::http::header::ALLOW,
        axum::http::HeaderValue::from_static("GET, HEAD"),
    );
    response
}

/// An error the SPARQL protocol code answered in plain text, said as the
/// API's JSON error (same status); other responses pass through.
async fn as_api_error(response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let bytes = axum::body::to_bytes(response.into_body(), 64 * 1024)
        .await
        .unwrap_or_default();
    error(status, String::from_utf8_lossy(&bytes).trim())
}

/// `GET /api/status`: what the server serves and how fresh it is.
pub async fn status(State(app): State<Arc<App>>) -> Response {
    let view = app.views.current();
    let freshness = app.views.freshness();
    json(
        StatusCode::OK,
        &serde_json::json!({
            "store": view.store.path().display().to_string(),
            "documents": view.catalog.documents().len(),
            "entities": view.catalog.entity_count(),
            "facts": view.catalog.fact_count(),
            "opened": view.opened.duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0),
            "reloads": freshness.reloads,
            "last_reload_error": freshness.last_error,
            "running_queries": app.running.load(Ordering::SeqCst),
            "timeout_seconds": app.options.timeout.as_secs_f64(),
            "refresh_seconds": app.options.refresh.as_secs_f64(),
            "page_rows": app.options.page_rows,
        }),
    )
}

/// `GET /api/documents`: every document with its title, source path and date added.
pub async fn documents(State(app): State<Arc<App>>) -> Response {
    let view = app.views.current();
    let list: Vec<serde_json::Value> = view
        .catalog
        .documents()
        .iter()
        .map(|d| {
            serde_json::json!({
                "iri": d.iri,
                "title": view.catalog.title(&d.iri),
                "source": d.source,
                "date": d.date,
                "date_added": d.date_added,
            })
        })
        .collect();
    json(StatusCode::OK, &list)
}

/// `GET /api/search?q=TEXT[&limit=N]`: entities whose label or alias starts
/// with TEXT or has a word that does (case, accents and articles ignored).
pub async fn search(State(app): State<Arc<App>>, request: Request) -> Response {
    let run = || -> Result<Response, Response> {
        let params = params(&request)?;
        let typed = params
            .one("q")
            .map_err(|m| error(StatusCode::BAD_REQUEST, &m))?
            .unwrap_or("");
        let limit = ranged(&params, "limit", "a whole number", 1..=MAX_SUGGESTIONS, 10)?;
        let view = app.views.current();
        Ok(json(StatusCode::OK, &view.catalog.suggest(typed, limit)))
    };
    run().unwrap_or_else(|response| response)
}

/// `GET /api/entity?iri=IRI`: the entity page's data.
pub async fn entity(State(app): State<Arc<App>>, request: Request) -> Response {
    let run = || -> Result<Response, Response> {
        let params = params(&request)?;
        let iri = required(&params, "iri")?;
        let view = app.views.current();
        match view.catalog.entity_page(iri, app.options.page_rows) {
            Some(page) => Ok(json(StatusCode::OK, &page)),
            None if view.catalog.kind_of(iri).is_some() => Err(error(
                StatusCode::NOT_FOUND,
                &format!("{iri} is a concept, not an entity; its page is /api/concept?iri=…"),
            )),
            None => Err(error(StatusCode::NOT_FOUND, &format!("no entity {iri} in the store"))),
        }
    };
    run().unwrap_or_else(|response| response)
}

/// `GET /api/concept?iri=IRI`: the concept page's data (a document's own
/// subject or object that no named entity covers).
pub async fn concept(State(app): State<Arc<App>>, request: Request) -> Response {
    let run = || -> Result<Response, Response> {
        let params = params(&request)?;
        let iri = required(&params, "iri")?;
        let view = app.views.current();
        match view.catalog.concept_page(iri, app.options.page_rows) {
            Some(page) => Ok(json(StatusCode::OK, &page)),
            None if view.catalog.kind_of(iri).is_some() => Err(error(
                StatusCode::NOT_FOUND,
                &format!("{iri} is an entity, not a concept; its page is /api/entity?iri=…"),
            )),
            None => Err(error(StatusCode::NOT_FOUND, &format!("no concept {iri} in the store"))),
        }
    };
    run().unwrap_or_else(|response| response)
}

/// `GET /api/document?iri=IRI`: a document's sentences and facts.
pub async fn document(State(app): State<Arc<App>>, request: Request) -> Response {
    let params = match params(&request) {
        Ok(params) => params,
        Err(response) => return response,
    };
    let iri = match required(&params, "iri") {
        Ok(iri) => iri.to_string(),
        Err(response) => return response,
    };
    let view = app.views.current();
    let Some(info) = view.catalog.document(&iri).cloned() else {
        return error(StatusCode::NOT_FOUND, &format!("no document {iri} in the store"));
    };
    let reader = view.clone();
    let doc = iri.clone();
    let sentences = match tokio::task::spawn_blocking(move || reader.store.sentences(&doc)).await {
        Ok(Ok(sentences)) => sentences,
        Ok(Err(e)) => return error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
        Err(e) => return error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    };
    json(
        StatusCode::OK,
        &serde_json::json!({
            "iri": info.iri,
            "title": view.catalog.title(&iri),
            "date": info.date,
            "source": info.source,
            "date_added": info.date_added,
            "sentences": sentences,
            "facts": view.catalog.document_facts(&iri),
        }),
    )
}

/// The graph filter from `depth`, `predicate` (repeatable), `kind`
/// (repeatable, any case: PER, ORG, LOC, MISC, CONCEPT, VAL) and `min_confidence`.
fn graph_filter(params: &Params) -> Result<GraphFilter, Response> {
    let depth = ranged(params, "depth", "a whole number", 1..=2, 1)?;
    let min_confidence = ranged(params, "min_confidence", "a number", 0.0..=1.0, 0.0f32)?;
    let mut kinds = BTreeSet::new();
    for typed in params.all("kind").iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
        match NODE_KINDS.iter().find(|kind| kind.eq_ignore_ascii_case(typed)) {
            Some(kind) => kinds.insert(kind.to_string()),
            None => {
                return Err(error(
                    StatusCode::BAD_REQUEST,
                    &format!(
                        "unknown kind {typed:?}; the kinds are {} (any case)",
                        NODE_KINDS.join(", ")
                    ),
                ))
            }
        };
    }
    Ok(GraphFilter {
        depth,
        predicates: params.all("predicate").into_iter().filter(|p| !p.is_empty()).collect(),
        kinds,
        min_confidence,
    })
}

/// The download formats of a graph view.
#[derive(Clone, Copy)]
enum Download {
    Json,
    Dot,
    Csv,
    Svg,
    Png,
}

async fn graph_as(app: Arc<App>, request: Request, format: Download) -> Response {
    let params = match params(&request) {
        Ok(params) => params,
        Err(response) => return response,
    };
    let (iri, filter) = match (required(&params, "iri"), graph_filter(&params)) {
        (Ok(iri), Ok(filter)) => (iri.to_string(), filter),
        (Err(response), _) | (_, Err(response)) => return response,
    };
    let view = app.views.current();
    let work = move || -> Response {
        let Some((graph, rows)) = view.catalog.graph(&iri, &filter) else {
            return error(
                StatusCode::NOT_FOUND,
                &format!("no entity or concept {iri} in the store"),
            );
        };
        let attachment = |kind: &'static str, bytes: Vec<u8>, name: &str| -> Response {
            let mut response = (StatusCode::OK, [(header::CONTENT_TYPE, kind)], bytes).into_response();
            if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
                response.headers_mut().insert(header::CONTENT_DISPOSITION, value);
            }
            response
        };
        let facts = || FactGraph::from_snapshot(&rows, &GraphOptions::default());
        match format {
            Download::Json => json(StatusCode::OK, &graph),
            Download::Dot => attachment(
                "text/vnd.graphviz; charset=utf-8",
                crate::export::dot::to_dot(&facts()).into_bytes(),
                "graph.dot",
            ),
            Download::Csv => {
                let mut bytes = Vec::new();
                match crate::export::csv::write_relations(&rows, &mut bytes, Default::default()) {
                    Ok(_) => attachment("text/csv; charset=utf-8", bytes, "relations.csv"),
                    Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
                }
            }
            Download::Svg | Download::Png => {
                let options = crate::export::render::PictureOptions::default();
                let picture = match crate::export::render::draw_svg(&facts(), &options) {
                    Ok(picture) => picture,
                    Err(e) => return error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
                };
                if matches!(format, Download::Svg) {
                    return attachment("image/svg+xml", picture.svg.into_bytes(), "graph.svg");
                }
                match crate::export::render::svg_to_png(&picture.svg, options.max_width) {
                    Ok(png) => attachment("image/png", png, "graph.png"),
                    Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
                }
            }
        }
    };
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|e| error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()))
}

/// `GET /api/graph?iri=IRI[&depth=1|2][&predicate=P…][&kind=K…][&min_confidence=C]`:
/// nodes and edges of the neighbourhood.
pub async fn graph(State(app): State<Arc<App>>, request: Request) -> Response {
    graph_as(app, request, Download::Json).await
}

/// `GET /api/graph.dot?…`: the same view as `trame export dot` writes it.
pub async fn graph_dot(State(app): State<Arc<App>>, request: Request) -> Response {
    graph_as(app, request, Download::Dot).await
}

/// `GET /api/graph.csv?…`: the view's facts as `relations.csv` of `trame export csv`.
pub async fn graph_csv(State(app): State<Arc<App>>, request: Request) -> Response {
    graph_as(app, request, Download::Csv).await
}

/// `GET /api/graph.svg?…`: drawn as `trame export svg` draws.
pub async fn graph_svg(State(app): State<Arc<App>>, request: Request) -> Response {
    graph_as(app, request, Download::Svg).await
}

/// `GET /api/graph.png?…`: drawn as `trame export png` draws.
pub async fn graph_png(State(app): State<Arc<App>>, request: Request) -> Response {
    graph_as(app, request, Download::Png).await
}

/// `GET /api/queries`: the example queries of `queries/`.
pub async fn queries() -> Response {
    let list: Vec<serde_json::Value> = assets::QUERIES
        .iter()
        .map(|(name, text)| {
            let title = text.lines().next().unwrap_or("").trim_start_matches('#').trim();
            serde_json::json!({ "name": name, "title": title, "text": text })
        })
        .collect();
    json(StatusCode::OK, &list)
}

/// `GET|POST /api/query` (`query` parameter, form or
/// application/sparql-query body): SPARQL results JSON for SELECT and ASK,
/// N-Triples for CONSTRUCT and DESCRIBE, at most the page row cap (the
/// header `X-Trame-Row-Cap` says it). With `format=csv`: every row as a
/// CSV download.
pub async fn query(State(app): State<Arc<App>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let url = match Params::parse(parts.uri.query().unwrap_or("").as_bytes()) {
        Ok(params) => params,
        Err(message) => return error(StatusCode::BAD_REQUEST, &format!("bad query string: {message}")),
    };
    let mut params = url.clone();
    let mut text_body = None;
    if parts.method == Method::POST {
        let bytes = match protocol::read_body(&parts.headers, body, app.options.max_body).await {
            Ok(bytes) => bytes,
            Err(response) => return response,
        };
        match protocol::content_type(&parts.headers).map(|(media, _)| media) {
            Some(media) if media == "application/x-www-form-urlencoded" => match Params::parse(&bytes) {
                Ok(form) => params.extend(&form),
                Err(message) => return error(StatusCode::BAD_REQUEST, &format!("bad form body: {message}")),
            },
            Some(media) if media == "application/sparql-query" => match String::from_utf8(bytes.to_vec()) {
                Ok(text) => text_body = Some(text),
                Err(_) => return error(StatusCode::BAD_REQUEST, "the query body is not UTF-8"),
            },
            _ => {
                return error(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "POST the query as application/x-www-form-urlencoded or application/sparql-query",
                )
            }
        }
    } else if parts.method != Method::GET {
        return error(StatusCode::METHOD_NOT_ALLOWED, "use GET or POST");
    }
    let query = match (text_body, params.one("query")) {
        (Some(text), _) => text,
        (None, Ok(Some(query))) => query.to_string(),
        (None, Ok(None)) => return error(StatusCode::BAD_REQUEST, "the parameter \"query\" is required"),
        (None, Err(message)) => return error(StatusCode::BAD_REQUEST, &message),
    };
    if is_update(&query) {
        return as_api_error(super::protocol::update().await).await;
    }
    let csv = match params.one("format") {
        Ok(None | Some("json")) => false,
        Ok(Some("csv")) => true,
        Ok(Some(other)) => {
            return error(
                StatusCode::BAD_REQUEST,
                &format!(
                "unknown format {other:?}: use format=csv for a CSV download, or leave it out for SPARQL results JSON"
            ),
            )
        }
        Err(message) => return error(StatusCode::BAD_REQUEST, &message),
    };
    let job = Job {
        text: query,
        default_graphs: Vec::new(),
        named_graphs: Vec::new(),
        formats: if csv {
            vec![WireFormat::ResultsCsv, WireFormat::NTriples]
        } else {
            vec![WireFormat::ResultsJson, WireFormat::NTriples]
        },
        max_rows: if csv { None } else { Some(app.options.page_rows) },
        attachment: csv.then_some("results.csv"),
    };
    as_api_error(protocol::execute(app, job).await).await
}
