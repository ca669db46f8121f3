//! The server's view of the store: the store opened read-only with the
//! catalog the pages read, swapped for a fresh one when the store changes.
//!
//! How fresh the view is: a thread looks at the store folder's files
//! (names, sizes, modification times) every `refresh` interval; when they
//! changed, it opens the store read-only again, builds a new catalog, and
//! swaps it in. Requests that already hold the old view finish on it.
//! Because a build commits whole documents, a view holds whole documents
//! only; a document committed by a build beside the server appears within
//! about one interval plus the time to read the store. When reopening fails
//! (a build is mid-compaction), the old view stays and the error is shown
//! by `/api/status`. Never writes to the store.

use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, SystemTime};

use super::catalog::Catalog;
use crate::store::{SnapshotOptions, Store, StoreError};

/// One opening of the store and what was read from it.
pub struct View {
    pub store: Store,
    pub catalog: Catalog,
    /// When this view was opened.
    pub opened: SystemTime,
    signature: u64,
}

/// The `(merged, canonical)` entity pairs of the merge graph.
fn merged_entities(store: &Store) -> Result<Vec<(String, String)>, StoreError> {
    let query = format!(
        "SELECT ?merged ?canonical WHERE {{ GRAPH <{}> {{ ?merged <http://www.w3.org/2002/07/owl#sameAs> ?canonical }} }}",
        crate::store::iri::MERGE_GRAPH
    );
    let (_, rows) = store.select(&query)?;
    let iri = |term: &Option<String>| {
        term.as_deref()
            .and_then(|t| t.strip_prefix('<'))
            .and_then(|t| t.strip_suffix('>'))
            .map(str::to_string)
    };
    Ok(rows
        .iter()
        .filter_map(|row| Some((iri(row.first()?)?, iri(row.get(1)?)?)))
        .collect())
}

impl View {
    fn open(path: &Path, signature: u64) -> Result<View, StoreError> {
        let store = Store::open_read_only(path)?;
        let snapshot = store.snapshot(&SnapshotOptions::default())?;
        let documents = store.documents()?;
        // Untitled documents are called by their first sentence.
        let mut first_sentences = std::collections::HashMap::new();
        for doc in documents
            .iter()
            .filter(|d| d.title.as_deref().is_none_or(|t| t.trim().is_empty()))
        {
            if let Some(first) = store.sentences(&doc.iri)?.into_iter().next() {
                first_sentences.insert(doc.iri.clone(), first.text);
            }
        }
        let catalog = Catalog::new(snapshot, documents)
            .with_first_sentences(&first_sentences)
            .with_merged(merged_entities(&store)?)
            .with_concepts(store.concepts()?);
        Ok(View {
            store,
            catalog,
            opened: SystemTime::now(),
            signature,
        })
    }
}

/// How fresh the current view is, for `/api/status`.
#[derive(Debug, Clone, Default)]
pub struct Freshness {
    /// The last reopening that failed, if the last attempt failed.
    pub last_error: Option<String>,
    /// How many times the view was reopened since the server started.
    pub reloads: u64,
}

/// The current view, and the thread that keeps it fresh.
pub struct Views {
    current: Arc<RwLock<Arc<View>>>,
    freshness: Arc<Mutex<Freshness>>,
    stop: Arc<AtomicBool>,
    refresher: Mutex<Option<std::thread::JoinHandle<()>>>,
}

impl Views {
    /// Opens the store at `path` read-only and starts watching it every `refresh`.
    pub fn open(path: &Path, refresh: Duration) -> Result<Views, StoreError> {
        let signature = folder_signature(path);
        let view = View::open(path, signature)?;
        let current = Arc::new(RwLock::new(Arc::new(view)));
        let freshness = Arc::new(Mutex::new(Freshness::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let refresher = {
            let (current, freshness, stop) = (current.clone(), freshness.clone(), stop.clone());
            let watched = path.to_path_buf();
            std::thread::Builder::new()
                .name("trame-serve-refresh".into())
                .spawn(move || watch(&watched, refresh, &current, &freshness, &stop))
                .map_err(|source| StoreError::Io {
                    path: path.to_path_buf(),
                    source,
                })?
        };
        Ok(Views {
            current,
            freshness,
            stop,
            refresher: Mutex::new(Some(refresher)),
        })
    }

    /// The view to answer a request with.
    pub fn current(&self) -> Arc<View> {
        self.current
            .read()
            .map(|view| view.clone())
            .unwrap_or_else(|poisoned| poisoned.into_inner().clone())
    }

    pub fn freshness(&self) -> Freshness {
        self.freshness.lock().map(|f| f.clone()).unwrap_or_default()
    }

    /// Stops the watching thread and waits for it.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(handle) = self.refresher.lock().ok().and_then(|mut h| h.take()) {
            let _ = handle.join();
        }
    }
}

impl Drop for Views {
    fn drop(&mut self) {
        self.stop();
    }
}

fn watch(path: &Path, refresh: Duration, current: &RwLock<Arc<View>>, freshness: &Mutex<Freshness>, stop: &AtomicBool) {
    let tick = Duration::from_millis(50);
    let mut waited = Duration::ZERO;
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(tick);
        waited += tick;
        if waited < refresh {
            continue;
        }
        waited = Duration::ZERO;
        let signature = folder_signature(path);
        let unchanged = current.read().map(|view| view.signature == signature).unwrap_or(true);
        if unchanged {
            continue;
        }
        let opened = View::open(path, signature);
        let mut fresh = freshness.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match opened {
            Ok(view) => {
                if let Ok(mut slot) = current.write() {
                    *slot = Arc::new(view);
                }
                fresh.reloads += 1;
                fresh.last_error = None;
            }
            Err(error) => fresh.last_error = Some(error.to_string()),
        }
    }
}

/// A hash of the store folder's file names, sizes and modification times:
/// it changes whenever RocksDB writes (a commit appends to its log).
fn folder_signature(path: &Path) -> u64 {
    let mut entries: Vec<(String, u64, Option<SystemTime>)> = std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let meta = entry.metadata().ok()?;
            Some((
                entry.file_name().to_string_lossy().into_owned(),
                meta.len(),
                meta.modified().ok(),
            ))
        })
        .collect();
    entries.sort();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    entries.hash(&mut hasher);
    hasher.finish()
}
