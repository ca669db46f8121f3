//! Errors of the language pipeline: finding, installing and loading models.

use std::path::PathBuf;

/// Everything that can go wrong before a model annotates text.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: malformed model file: {reason}", path.display())]
    Format { path: PathBuf, reason: String },
    #[error("{}: unsupported model architecture `{name}`; trame runs spaCy 3.8 CNN pipelines such as fr_core_news_md/sm 3.8.0", path.display())]
    Unsupported { path: PathBuf, name: String },
    #[error("{0}")]
    Install(String),
}
