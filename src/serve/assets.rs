//! The web app's files, embedded in the binary: one HTML page for every
//! route of the app, its script and style sheet, the vendored cytoscape.js
//! with its licence, and the example queries of `queries/`.
//!
//! Files are looked up by exact name in a fixed table: nothing is ever read
//! from the disk, so no path (`..`, encoded slashes, absolute paths) can
//! reach a file outside this table. Third-party files come from
//! `assets/vendor.sh`, which fetches them from the npm registry at pinned
//! versions and checks their SHA-256.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use super::text;

/// Name, media type and bytes of every file under `/assets/`.
pub const FILES: [(&str, &str, &[u8]); 4] = [
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("assets/app.js"),
    ),
    ("app.css", "text/css; charset=utf-8", include_bytes!("assets/app.css")),
    (
        "cytoscape.min.js",
        "text/javascript; charset=utf-8",
        include_bytes!("assets/cytoscape.min.js"),
    ),
    (
        "LICENSE-cytoscape.txt",
        "text/plain; charset=utf-8",
        include_bytes!("assets/LICENSE-cytoscape.txt"),
    ),
];

/// The page every app route serves; `app.js` draws what the path asks for.
pub const PAGE: &str = include_str!("assets/index.html");

/// The example queries shown in the SPARQL editor, by file name.
pub const QUERIES: [(&str, &str); 10] = [
    ("who-did-what.rq", include_str!("../../queries/who-did-what.rq")),
    ("about-entity.rq", include_str!("../../queries/about-entity.rq")),
    (
        "facts-with-sentences.rq",
        include_str!("../../queries/facts-with-sentences.rq"),
    ),
    ("entities-by-type.rq", include_str!("../../queries/entities-by-type.rq")),
    ("co-mentioned.rq", include_str!("../../queries/co-mentioned.rq")),
    (
        "best-corroborated.rq",
        include_str!("../../queries/best-corroborated.rq"),
    ),
    ("contested-claims.rq", include_str!("../../queries/contested-claims.rq")),
    (
        "facts-between-dates.rq",
        include_str!("../../queries/facts-between-dates.rq"),
    ),
    ("events-of-week.rq", include_str!("../../queries/events-of-week.rq")),
    ("entity-timeline.rq", include_str!("../../queries/entity-timeline.rq")),
];

/// `/`, `/entity`, `/document`, `/graph`, `/editor`.
pub async fn page() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        PAGE,
    )
        .into_response()
}

/// `/assets/{name}`.
pub async fn file(Path(name): Path<String>) -> Response {
    match FILES.iter().find(|(file, ..)| *file == name) {
        Some((_, media, bytes)) => (
            [(header::CONTENT_TYPE, *media), (header::CACHE_CONTROL, "max-age=300")],
            *bytes,
        )
            .into_response(),
        None => text(StatusCode::NOT_FOUND, "no such file in the app"),
    }
}
