//! `trame serve`: a SPARQL 1.1 Protocol endpoint and an analyst's web app
//! over a store, on HTTP/1.1 (axum on tokio).
//!
//! Owns the HTTP side: routes, the protocol's parameters and status codes,
//! content negotiation, limits (query timeout, body cap, row cap for the
//! pages, concurrent queries), the JSON API behind the pages and the web
//! app's files, which are embedded in the binary. It reads the store only
//! through [`crate::store`] and only read-only: it never writes, never
//! runs the language pipeline, and never makes an outgoing request.
//!
//! - `view.rs`: the store opened read-only, reopened when its files change;
//! - `catalog.rs`: the in-memory index the pages read (entities, facts, documents);
//! - `protocol.rs`: `/sparql` and `/query`; `params.rs`: strict query strings;
//! - `api.rs`: `/api/…`; `assets.rs`: the app's files.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::Router;

mod api;
pub mod assets;
mod catalog;
mod params;
mod protocol;
mod view;

pub use view::{Freshness, View, Views};

/// How the server runs; the command line fills it in.
#[derive(Debug, Clone)]
pub struct Options {
    /// The store folder (opened read-only).
    pub store: PathBuf,
    /// Address to listen on; loopback unless the user asked otherwise.
    pub bind: SocketAddr,
    /// Longest a query may run; it is stopped, not only abandoned, after that.
    pub timeout: Duration,
    /// Send `Access-Control-Allow-Origin: *` and answer preflight requests.
    pub cors: bool,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
    /// Most rows a page of the web app shows (the protocol endpoint is not capped).
    pub page_rows: usize,
    /// How often the store's files are checked for changes; the view is reopened when they changed.
    pub refresh: Duration,
    /// Queries evaluated at once; more wait for a slot until their timeout.
    pub max_queries: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            store: PathBuf::from("trame.db"),
            bind: SocketAddr::from(([127, 0, 0, 1], 7878)),
            timeout: Duration::from_secs(30),
            cors: false,
            max_body: 1 << 20,
            page_rows: 1000,
            refresh: Duration::from_secs(2),
            max_queries: 8,
        }
    }
}

/// Errors that stop the server from starting or running.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address cannot be listened on; `reason` says why in words and
    /// how to pick another (the I/O error is not kept as a source, so the
    /// message is said once).
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: SocketAddr, reason: String },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("the server failed: {0}")]
    Io(#[from] std::io::Error),
}

/// What every handler shares.
pub(crate) struct App {
    pub options: Options,
    pub views: Views,
    /// Queries being evaluated now (blocking threads in use).
    pub running: AtomicUsize,
    pub slots: Arc<tokio::sync::Semaphore>,
}

/// Opens the store, listens, calls `on_listening` with the bound address
/// (port 0 in `bind` picks a free one), and serves until Ctrl-C or
/// SIGTERM. In-flight requests get a few seconds to finish; running
/// queries are then cancelled.
pub fn run(options: Options, on_listening: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let views = Views::open(&options.store, options.refresh)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("trame-serve")
        .max_blocking_threads(options.max_queries.max(1) + 4)
        .build()?;
    let slots = Arc::new(tokio::sync::Semaphore::new(options.max_queries.max(1)));
    let app = Arc::new(App {
        options,
        views,
        running: AtomicUsize::new(0),
        slots,
    });
    let result = runtime.block_on(async {
        let addr = app.options.bind;
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind {
                addr,
                reason: bind_reason(addr, &source),
            })?;
        let stop_signal = shutdown_signal();
        on_listening(listener.local_addr()?);
        let router = router(app.clone());
        let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        let mut wait_stop = stop_rx.clone();
        let server = axum::serve(listener, router).with_graceful_shutdown(async move {
            let _ = wait_stop.wait_for(|stop| *stop).await;
        });
        let server = tokio::spawn(async move { server.await });
        stop_signal.await;
        let _ = stop_tx.send(true);
        // Give open requests a moment, then stop whatever still runs.
        match tokio::time::timeout(Duration::from_secs(5), server).await {
            Ok(Ok(result)) => result.map_err(ServeError::from),
            _ => Ok(()),
        }
    });
    app.views.stop();
    runtime.shutdown_timeout(Duration::from_secs(1));
    result
}

/// Why listening on `addr` failed, and what to do, in one sentence.
fn bind_reason(addr: SocketAddr, error: &std::io::Error) -> String {
    let other = format!("--bind {}:OTHER_PORT", addr.ip());
    match error.kind() {
        std::io::ErrorKind::AddrInUse => format!(
            "the port is already in use (another trame serve?); choose another with {other}, or port 0 for any free one"
        ),
        std::io::ErrorKind::PermissionDenied => {
            format!("permission denied (ports below 1024 need privileges); choose another with {other}")
        }
        std::io::ErrorKind::AddrNotAvailable => {
            "this machine has no such address; use 127.0.0.1 or one of its own addresses with --bind".to_string()
        }
        _ => format!("{error}; choose another address with --bind"),
    }
}

/// The routes; see the README's "Serve" section for what each returns.
fn router(app: Arc<App>) -> Router {
    let cors = app.options.cors;
    Router::new()
        .route("/sparql", any(protocol::endpoint))
        .route("/query", any(protocol::endpoint))
        .route("/update", any(protocol::update))
        .route("/api/status", get(api::status).fallback(api::get_only))
        .route("/api/documents", get(api::documents).fallback(api::get_only))
        .route("/api/search", get(api::search).fallback(api::get_only))
        .route("/api/entity", get(api::entity).fallback(api::get_only))
        .route("/api/concept", get(api::concept).fallback(api::get_only))
        .route("/api/document", get(api::document).fallback(api::get_only))
        .route("/api/graph", get(api::graph).fallback(api::get_only))
        .route("/api/graph.dot", get(api::graph_dot).fallback(api::get_only))
        .route("/api/graph.csv", get(api::graph_csv).fallback(api::get_only))
        .route("/api/graph.svg", get(api::graph_svg).fallback(api::get_only))
        .route("/api/graph.png", get(api::graph_png).fallback(api::get_only))
        .route("/api/queries", get(api::queries).fallback(api::get_only))
        .route("/api/query", any(api::query))
        .route("/api", any(api::unknown))
        .route("/api/", any(api::unknown))
        .route("/api/{*rest}", any(api::unknown))
        .route("/", get(assets::page))
        .route("/entity", get(assets::page))
        .route("/concept", get(assets::page))
        .route("/document", get(assets::page))
        .route("/graph", get(assets::page))
        .route("/editor", get(assets::page))
        .route("/assets/{name}", get(assets::file))
        .fallback(not_found)
        // The handlers read bodies themselves, with their own cap and message.
        .layer(DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn(
            move |request: axum::extract::Request, next: axum::middleware::Next| headers(request, next, cors),
        ))
        .with_state(app)
}

async fn not_found() -> Response {
    text(
        StatusCode::NOT_FOUND,
        "nothing here; the app is at /, the SPARQL endpoint at /sparql, the JSON API under /api/",
    )
}

/// Headers on every response: no sniffing, no framing, scripts only from
/// this server; CORS when `--cors` was given (and preflight answers).
async fn headers(request: axum::extract::Request, next: axum::middleware::Next, cors: bool) -> Response {
    if cors && request.method() == Method::OPTIONS {
        let mut response = StatusCode::NO_CONTENT.into_response();
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, POST, OPTIONS"),
        );
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("Content-Type, Accept"),
        );
        headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
        return response;
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
        ),
    );
    if cors {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    }
    response
}

/// A plain-text answer: the message and a newline.
pub(crate) fn text(status: StatusCode, message: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{message}\n"),
    )
        .into_response()
}

/// Installs the handlers for Ctrl-C and, on Unix, SIGTERM at once (so a
/// signal that comes right after the URL is printed is not fatal), and
/// returns a future that ends when one arrives.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let interrupt = signal(SignalKind::interrupt()).ok();
        let terminate = signal(SignalKind::terminate()).ok();
        async move {
            let wait = |s: Option<tokio::signal::unix::Signal>| async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                _ = wait(interrupt) => {},
                _ = wait(terminate) => {},
            }
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}
