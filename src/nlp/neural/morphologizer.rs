//! The morphologizer (spec §6): a linear layer over the shared tok2vec
//! tensor, argmax (first maximum wins), label → (POS, MORPH) from
//! `morphologizer/cfg`.
//!
//! Owns only that mapping; the attribute ruler's later fixes live in
//! `crate::attribute_ruler`.

use std::path::Path;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use crate::ModelError;

use super::layers::Linear;
use super::weights::{format_err, read_bytes, ThincModel};

/// Loaded morphologizer.
#[derive(Debug, Clone)]
pub struct Morphologizer {
    out: Linear,
    /// (POS, MORPH) per class.
    classes: Vec<(String, String)>,
}

impl Morphologizer {
    pub fn load(dir: &Path) -> Result<Morphologizer, ModelError> {
        let model = ThincModel::load(&dir.join("model"))?;
        let i = match model.find("softmax")[..] {
            [i] => i,
            _ => {
                return Err(format_err(
                    &model.path,
                    "expected exactly one softmax output layer".into(),
                ))
            }
        };
        let out = Linear::new(model.param(i, "W", 2)?, model.param(i, "b", 1)?)
            .map_err(|r| format_err(&model.path, format!("softmax node {i}: {r}")))?;
        let cfg_path = dir.join("cfg");
        let cfg: MorphCfg = serde_json::from_slice(&read_bytes(&cfg_path)?)
            .map_err(|e| format_err(&cfg_path, format!("invalid JSON: {e}")))?;
        let mut classes = Vec::with_capacity(cfg.labels_morph.0.len());
        for (label, morph) in cfg.labels_morph.0 {
            let pos_id = cfg.labels_pos.get(&label).copied().unwrap_or(0);
            let pos = upos_name(pos_id).ok_or_else(|| {
                format_err(
                    &cfg_path,
                    format!("label `{label}` has POS id {pos_id}, not a universal POS symbol"),
                )
            })?;
            classes.push((pos.to_string(), morph));
        }
        if classes.len() != out.n_out {
            return Err(format_err(
                &cfg_path,
                format!("{} labels for {} model outputs", classes.len(), out.n_out),
            ));
        }
        Ok(Morphologizer { out, classes })
    }

    pub fn n_in(&self) -> usize {
        self.out.n_in
    }

    /// (POS, MORPH) class index per token of the `n × width` tensor.
    pub fn predict(&self, tokvecs: &[f32], n: usize) -> Vec<usize> {
        let k = self.out.n_out;
        let mut logits = vec![0.0; n * k];
        self.out.forward(tokvecs, n, &mut logits);
        logits
            .chunks_exact(k)
            .map(|row| {
                let mut best = 0;
                for (c, v) in row.iter().enumerate() {
                    if *v > row[best] {
                        best = c;
                    }
                }
                best
            })
            .collect()
    }

    pub fn pos(&self, class: usize) -> &str {
        &self.classes[class].0
    }

    pub fn morph(&self, class: usize) -> &str {
        &self.classes[class].1
    }
}

/// spaCy's universal POS symbols (ids 84..=103, spec Appendix A).
const UPOS: [&str; 20] = [
    "ADJ", "ADP", "ADV", "AUX", "CONJ", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
    "SCONJ", "SYM", "VERB", "X", "EOL", "SPACE",
];

fn upos_name(id: u64) -> Option<&'static str> {
    if id == 0 {
        return Some("");
    }
    id.checked_sub(84).and_then(|i| UPOS.get(i as usize).copied())
}

#[derive(Deserialize)]
struct MorphCfg {
    labels_morph: OrderedStrMap,
    labels_pos: std::collections::HashMap<String, u64>,
}

/// A JSON object kept in file order: the key order of `labels_morph` is
/// the class order.
struct OrderedStrMap(Vec<(String, String)>);

impl<'de> Deserialize<'de> for OrderedStrMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OrderedStrMap;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<OrderedStrMap, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, String>()? {
                    out.push((k, v));
                }
                Ok(OrderedStrMap(out))
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_keep_file_order() {
        let cfg: MorphCfg =
            serde_json::from_str(r#"{"labels_morph":{"z":"","a":"Number=Sing"},"labels_pos":{"z":96,"a":92}}"#)
                .expect("cfg");
        assert_eq!(cfg.labels_morph.0[0].0, "z");
        assert_eq!(upos_name(96), Some("PROPN"));
        assert_eq!(upos_name(92), Some("NOUN"));
        assert_eq!(upos_name(103), Some("SPACE"));
        assert_eq!(upos_name(104), None);
    }
}
