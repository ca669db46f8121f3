//! Exports for people and spreadsheets: Graphviz DOT, PNG, SVG and CSV.
//!
//! Reads a [`crate::store::snapshot::GraphSnapshot`], never the store's
//! RDF or the language pipeline. [`graph`] turns a snapshot into a petgraph
//! model and selects a readable part of it; [`dot`] writes Graphviz DOT;
//! [`layout`] places boxes with a seeded force-directed algorithm;
//! [`render`] draws SVG and rasterises it to PNG with resvg and the font in
//! [`font`]; [`timeline`] puts facts on a time axis (SVG, PNG, CSV); [`csv`]
//! writes the four-table dump of the evaluation contract.
//! RDF serialisations are the store's job, not this module's.

pub mod csv;
pub mod dot;
pub mod font;
pub mod graph;
pub mod layout;
pub mod render;
pub mod timeline;

use std::io::Write;
use std::path::{Path, PathBuf};

pub use graph::{EdgeLabel, FactGraph, GraphOptions, Rank, Selection};

/// Everything that can go wrong while exporting.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write {}: the folder {} does not exist (create it first: mkdir -p {})", crate::quote::path(.path), crate::quote::path(.folder), crate::quote::path(.folder))]
    MissingFolder { path: PathBuf, folder: PathBuf },
    #[error("cannot write {}: {source}", crate::quote::path(.path))]
    Io { path: PathBuf, source: std::io::Error },
    #[error("cannot write CSV to {}: {source}", crate::quote::path(.path))]
    Csv { path: PathBuf, source: ::csv::Error },
    #[error(
        "{} exists and is not a folder: `trame export csv -o` writes a folder of four files; choose a folder path", crate::quote::path(.path)
    )]
    NotAFolder { path: PathBuf },
    #[error("{} already holds {example}, which is not part of a trame CSV dump; choose a new or empty folder", crate::quote::path(.path))]
    FolderNotEmpty { path: PathBuf, example: String },
    #[error("no entity is named {name:?} (label or alias){hint}")]
    FocusNotFound { name: String, hint: String },
    #[error("graphviz {tool} failed: {message} (try --renderer builtin)")]
    Graphviz { tool: String, message: String },
    #[error("could not draw the picture: {0}")]
    Render(String),
}

/// Fails with [`ExportError::MissingFolder`] when `path`'s folder is missing.
///
/// Checked before any work so that a long layout never ends in a write error.
pub fn check_parent_folder(path: &Path) -> Result<(), ExportError> {
    let folder = parent_folder(path);
    if folder.is_dir() {
        Ok(())
    } else {
        Err(ExportError::MissingFolder {
            path: path.to_path_buf(),
            folder,
        })
    }
}

/// Writes `bytes` to `path` through a temporary file beside it and a rename,
/// so readers never see half a file and a failure leaves the old file intact.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    check_parent_folder(path)?;
    let temp = sibling_path(path, "tmp");
    let io_error = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let result = std::fs::File::create(&temp)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .and_then(|()| std::fs::rename(&temp, path));
    if let Err(source) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(io_error(source));
    }
    Ok(())
}

/// The folder `path` lives in (`.` for a bare file name).
fn parent_folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A hidden name beside `path`, unique to this process: `.NAME.trame-TAG-PID`.
fn sibling_path(path: &Path, tag: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    parent_folder(path).join(format!(".{name}.trame-{tag}-{}", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope/graph.png");
        let error = check_parent_folder(&path).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("nope"), "{message}");
        assert!(message.contains("mkdir -p"), "{message}");
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.dot");
        write_file_atomically(&path, b"one").unwrap();
        write_file_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
