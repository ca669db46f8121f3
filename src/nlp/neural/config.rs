//! Architecture checks for a model folder: trame runs exactly the spaCy 3.8
//! CNN architectures of fr_core_news_sm/md, and refuses anything else with
//! `ModelError::Unsupported` naming what it found, rather than computing
//! something silently wrong.
//!
//! Reads `config.cfg`, `vocab/vectors.cfg` and thinc layer names only.

use std::path::Path;

use crate::ModelError;

use super::weights::{read_bytes, ThincModel};

/// The components whose models trame runs.
const NEURAL_COMPONENTS: [&str; 4] = ["tok2vec", "morphologizer", "parser", "ner"];

/// Registered architectures trame implements (spec §5–§10).
const SUPPORTED_ARCHITECTURES: [&str; 6] = [
    "spacy.Tok2Vec.v2",
    "spacy.MultiHashEmbed.v2",
    "spacy.MaxoutWindowEncoder.v2",
    "spacy.Tagger.v2",
    "spacy.Tok2VecListener.v1",
    "spacy.TransitionBasedParser.v2",
];

/// Elementary thinc layers trame implements or that are inert at inference.
const KNOWN_LAYERS: [&str; 16] = [
    "extract_features",
    "list2ragged",
    "ragged2list",
    "list2array",
    "ints-getitem",
    "hashembed",
    "static_vectors",
    "maxout",
    "layernorm",
    "dropout",
    "expand_window",
    "linear",
    "softmax",
    "precomputable_affine",
    "tok2vec-listener",
    "parser_model",
];

/// Checks `config.cfg` and the vectors mode of the model folder.
pub fn check_folder(model_dir: &Path) -> Result<(), ModelError> {
    let cfg_path = model_dir.join("config.cfg");
    let cfg = String::from_utf8_lossy(&read_bytes(&cfg_path)?).into_owned();
    let mut section = String::new();
    for line in cfg.lines() {
        let line = line.trim();
        if let Some(s) = line.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            section = s.to_string();
            continue;
        }
        let Some(arch) = line
            .strip_prefix("@architectures")
            .map(|r| r.trim_start_matches([' ', '=']).trim())
        else {
            continue;
        };
        let arch = arch.trim_matches('"');
        let component = section
            .strip_prefix("components.")
            .and_then(|s| s.split('.').next())
            .unwrap_or("");
        if NEURAL_COMPONENTS.contains(&component) && !SUPPORTED_ARCHITECTURES.contains(&arch) {
            return Err(ModelError::Unsupported {
                path: cfg_path,
                name: format!("{arch} (in [{section}])"),
            });
        }
    }
    let vcfg = model_dir.join("vocab").join("vectors.cfg");
    if vcfg.exists() {
        let v: serde_json::Value = serde_json::from_slice(&read_bytes(&vcfg)?).map_err(|e| ModelError::Format {
            path: vcfg.clone(),
            reason: format!("invalid JSON: {e}"),
        })?;
        let mode = v.get("mode").and_then(|m| m.as_str()).unwrap_or("default");
        if mode != "default" {
            return Err(ModelError::Unsupported {
                path: vcfg,
                name: format!("{mode} vectors"),
            });
        }
    }
    Ok(())
}

/// Refuses a thinc file containing a layer trame does not implement.
pub fn check_layers(model: &ThincModel) -> Result<(), ModelError> {
    match model.leaf_names().find(|n| !KNOWN_LAYERS.contains(n)) {
        Some(name) => Err(ModelError::Unsupported {
            path: model.path.clone(),
            name: format!("thinc layer `{name}`"),
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_unknown_architectures_naming_them() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(
            dir.path().join("config.cfg"),
            "[components.tok2vec.model]\n@architectures = \"spacy-transformers.TransformerModel.v3\"\n",
        )
        .expect("write");
        let err = check_folder(dir.path()).expect_err("unsupported");
        assert!(matches!(err, ModelError::Unsupported { .. }));
        assert!(
            err.to_string().contains("spacy-transformers.TransformerModel.v3"),
            "{err}"
        );
    }

    #[test]
    fn accepts_cnn_config_and_ignores_other_components() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(
            dir.path().join("config.cfg"),
            "[components.ner.model]\n@architectures = \"spacy.TransitionBasedParser.v2\"\n\
             [components.textcat.model]\n@architectures = \"spacy.TextCatBOW.v3\"\n",
        )
        .expect("write");
        check_folder(dir.path()).expect("supported");
        std::fs::create_dir(dir.path().join("vocab")).expect("mkdir");
        std::fs::write(dir.path().join("vocab/vectors.cfg"), r#"{"mode":"floret"}"#).expect("write");
        assert!(matches!(check_folder(dir.path()), Err(ModelError::Unsupported { .. })));
    }
}
