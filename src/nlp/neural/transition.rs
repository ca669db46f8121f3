//! The network shared by the parser and the NER (TransitionBasedParser.v2,
//! spec §7.1): projection of the tok2vec tensor, the precomputable affine
//! lower layer with maxout, and the upper linear layer. Also the class
//! ordering of `moves` files (§1.4).
//!
//! Owns the maths only; the transition systems (states, validity, effects)
//! live in parser.rs and ner.rs.

use std::collections::BTreeMap;

use crate::ModelError;

use super::layers::{transposed, Linear};
use super::weights::{format_err, ThincModel};

/// Projection + lower + upper layers of a transition model.
#[derive(Debug, Clone)]
pub struct TransitionNet {
    proj: Linear,
    /// `n_in × (n_feats·n_pieces·n_hidden)`: for each feature slot, the
    /// pre-activations of every (piece, hidden unit), piece-major.
    lower: Linear,
    lower_b: Vec<f32>,
    /// Per feature slot, the value used when the slot is empty (−1).
    pad: Vec<f32>,
    /// `n_hidden × n_classes`, row-major (thinc's W transposed), so that
    /// all class scores accumulate as contiguous, vectorisable row updates.
    upper_wt: Vec<f32>,
    upper_b: Vec<f32>,
    n_feats: usize,
    n_hidden: usize,
    n_pieces: usize,
    pub n_classes: usize,
}

/// Per-document precomputed lower-layer features (§7.1 step 2).
pub struct Precomputed {
    data: Vec<f32>,
    stride: usize,
}

/// Scratch space for one decoding loop (no allocation per step).
pub struct Scratch {
    acc: Vec<f32>,
    pub hidden: Vec<f32>,
    scores: Vec<f32>,
}

impl TransitionNet {
    /// Reads the `parser_model` root of a parser or NER model file.
    pub fn from_model(model: &ThincModel) -> Result<TransitionNet, ModelError> {
        let path = &model.path;
        let bad = |r: String| format_err(path, r);
        let root = model.nodes.first().ok_or_else(|| bad("empty model file".into()))?;
        if root.name != "parser_model" {
            return Err(ModelError::Unsupported {
                path: path.clone(),
                name: root.name.clone(),
            });
        }
        if root.attr("has_upper") != Some(&super::weights::Attr::Bool(true)) {
            return Err(ModelError::Unsupported {
                path: path.clone(),
                name: "parser_model without upper layer".into(),
            });
        }
        let lower_i = root
            .reference("lower")
            .ok_or_else(|| bad("parser_model has no `lower` ref".into()))?;
        let upper_i = root
            .reference("upper")
            .ok_or_else(|| bad("parser_model has no `upper` ref".into()))?;
        if model.nodes.get(lower_i).map(|n| n.name.as_str()) != Some("precomputable_affine") {
            return Err(bad(format!("node {lower_i} is not a precomputable_affine layer")));
        }
        let lw = model.param(lower_i, "W", 4)?;
        let [n_feats, n_hidden, n_pieces, n_in] = [lw.shape[0], lw.shape[1], lw.shape[2], lw.shape[3]];
        let lb = model.param(lower_i, "b", 2)?;
        let lpad = model.param(lower_i, "pad", 4)?;
        if lb.data.len() != n_hidden * n_pieces || lpad.data.len() != n_feats * n_hidden * n_pieces {
            return Err(bad("precomputable_affine b/pad shapes do not match W".into()));
        }
        let uw = model.param(upper_i, "W", 2)?;
        let ub = model.param(upper_i, "b", 1)?.clone();
        if uw.shape[1] != n_hidden {
            return Err(bad(format!(
                "upper layer reads {} values, the hidden layer has {n_hidden}",
                uw.shape[1]
            )));
        }
        // The projection is the other linear layer: tok2vec width → lower nI.
        let proj_i = match model
            .find("linear")
            .into_iter()
            .filter(|&i| i != upper_i)
            .collect::<Vec<_>>()[..]
        {
            [i] => i,
            ref v => return Err(bad(format!("expected one projection layer, found {}", v.len()))),
        };
        let proj = Linear::new(model.param(proj_i, "W", 2)?, model.param(proj_i, "b", 1)?)
            .map_err(|r| bad(format!("linear node {proj_i}: {r}")))?;
        if proj.n_out != n_in {
            return Err(bad(format!(
                "projection gives {} values, the lower layer reads {n_in}",
                proj.n_out
            )));
        }
        let n_classes = uw.shape[0];
        if ub.data.len() != n_classes {
            return Err(bad("upper bias does not match its weights".into()));
        }
        // Re-lay W (f, o, p, i) as a linear map i → (f, p, o).
        let cols = n_feats * n_pieces * n_hidden;
        let mut wt = vec![0.0; n_in * cols];
        let mut pad = vec![0.0; cols];
        for f in 0..n_feats {
            for o in 0..n_hidden {
                for p in 0..n_pieces {
                    let col = f * n_pieces * n_hidden + p * n_hidden + o;
                    let src = ((f * n_hidden + o) * n_pieces + p) * n_in;
                    for i in 0..n_in {
                        wt[i * cols + col] = lw.data[src + i];
                    }
                    pad[col] = lpad.data[(f * n_hidden + o) * n_pieces + p];
                }
            }
        }
        let mut lower_b = vec![0.0; n_pieces * n_hidden];
        for o in 0..n_hidden {
            for p in 0..n_pieces {
                lower_b[p * n_hidden + o] = lb.data[o * n_pieces + p];
            }
        }
        let lower = Linear::from_transposed(wt, vec![0.0; cols], n_in, cols);
        let upper_wt = transposed(&uw.data, n_classes, n_hidden);
        Ok(TransitionNet {
            proj,
            lower,
            lower_b,
            pad,
            upper_wt,
            upper_b: ub.data,
            n_feats,
            n_hidden,
            n_pieces,
            n_classes,
        })
    }

    pub fn n_feats(&self) -> usize {
        self.n_feats
    }

    /// Projects the `n × width` tensor and precomputes every token's
    /// contribution to every feature slot.
    pub fn precompute(&self, tokvecs: &[f32], n: usize) -> Precomputed {
        let mut x = vec![0.0; n * self.proj.n_out];
        self.proj.forward(tokvecs, n, &mut x);
        let stride = self.lower.n_out;
        let mut data = vec![0.0; n * stride];
        self.lower.forward(&x, n, &mut data);
        Precomputed { data, stride }
    }

    pub fn scratch(&self) -> Scratch {
        Scratch {
            acc: vec![0.0; self.n_pieces * self.n_hidden],
            hidden: vec![0.0; self.n_hidden],
            scores: vec![0.0; self.n_classes],
        }
    }

    /// Hidden layer for the feature tokens `ids` (−1 = empty slot; token
    /// indices within the document starting at row `offset` of `pre`) into
    /// `scratch.hidden`.
    pub fn hidden(&self, pre: &Precomputed, offset: usize, ids: &[i32], scratch: &mut Scratch) {
        let block = self.n_pieces * self.n_hidden;
        let acc = &mut scratch.acc;
        acc.fill(0.0);
        for (f, &id) in ids.iter().enumerate().take(self.n_feats) {
            let src = match usize::try_from(id) {
                Ok(t) => &pre.data[(offset + t) * pre.stride + f * block..][..block],
                Err(_) => &self.pad[f * block..][..block],
            };
            for (a, s) in acc.iter_mut().zip(src) {
                *a += s;
            }
        }
        for (a, b) in acc.iter_mut().zip(&self.lower_b) {
            *a += b;
        }
        let h = &mut scratch.hidden;
        h.copy_from_slice(&acc[..self.n_hidden]);
        for piece in acc.chunks_exact(self.n_hidden).skip(1) {
            for (hv, v) in h.iter_mut().zip(piece) {
                *hv = hv.max(*v);
            }
        }
    }

    /// Every class score given the hidden layer, into `scores`. Each score
    /// sums `w·h` in hidden-unit order and then adds the bias, as a dot
    /// product per class would, so the result is bit-for-bit the same; the
    /// transposed layout only lets the additions run across classes at once.
    fn scores(&self, hidden: &[f32], scores: &mut [f32]) {
        scores.fill(0.0);
        for (h, row) in hidden.iter().zip(self.upper_wt.chunks_exact(self.n_classes)) {
            for (s, w) in scores.iter_mut().zip(row) {
                *s += w * h;
            }
        }
        for (s, b) in scores.iter_mut().zip(&self.upper_b) {
            *s += b;
        }
    }

    /// Greedy choice (§7.1 step 5): the first class with the strictly
    /// highest score among the valid ones; `None` if none is valid. Scores
    /// are only computed when more than one class is valid.
    pub fn best_valid(
        &self,
        pre: &Precomputed,
        offset: usize,
        ids: &[i32],
        valid: &[bool],
        scratch: &mut Scratch,
    ) -> Option<usize> {
        let mut only = None;
        let mut count = 0;
        for (c, &v) in valid.iter().enumerate() {
            if v {
                count += 1;
                only.get_or_insert(c);
            }
        }
        if count <= 1 {
            return only;
        }
        self.hidden(pre, offset, ids, scratch);
        self.scores(&scratch.hidden, &mut scratch.scores);
        let mut best: Option<(usize, f32)> = None;
        for ((c, &v), &s) in valid.iter().enumerate().zip(&scratch.scores) {
            if !v {
                continue;
            }
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((c, s));
            }
        }
        best.map(|b| b.0)
    }
}

/// The class list of a `moves` JSON (§1.4): (action id, label) in class
/// order. With `ner`, action 0 is skipped and action 5 keeps only "".
pub fn ordered_classes(moves_json: &str, ner: bool) -> Result<Vec<(u8, String)>, String> {
    // BTreeMap iterates the action ids in sorted string order, as spaCy does.
    let by_action: BTreeMap<String, BTreeMap<String, i64>> =
        serde_json::from_str(moves_json).map_err(|e| format!("moves JSON: {e}"))?;
    let mut classes: Vec<(u8, String)> = Vec::new();
    let mut negative = Vec::new();
    for (action, freqs) in &by_action {
        let action: u8 = action
            .parse()
            .map_err(|_| format!("action id `{action}` is not a small integer"))?;
        if ner && action == 0 {
            continue;
        }
        let mut items: Vec<(i64, &String)> = freqs.iter().map(|(l, f)| (*f, l)).collect();
        // Descending on (frequency, label), as Python's sorted(reverse=True).
        items.sort_by(|a, b| b.cmp(a));
        for (freq, label) in items {
            if ner && action == 5 && !label.is_empty() {
                continue;
            }
            let class = (action, label.clone());
            if freq < 0 {
                negative.push(class);
            } else if !classes.contains(&class) {
                classes.push(class);
            }
        }
    }
    for class in negative {
        if !classes.contains(&class) {
            classes.push(class);
        }
    }
    Ok(classes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_sorted_by_frequency_then_label_descending() {
        let json = r#"{"1":{"":5},"0":{"":9},"2":{"b":3,"a":3,"c":7,"z":0}}"#;
        let c = ordered_classes(json, false).expect("classes");
        let names: Vec<String> = c.iter().map(|(a, l)| format!("{a}{l}")).collect();
        assert_eq!(names, ["0", "1", "2c", "2b", "2a", "2z"]);
    }

    #[test]
    fn ner_skips_missing_and_labelled_out() {
        let json = r#"{"0":{},"1":{"LOC":2,"PER":1},"4":{"LOC":2,"":1},"5":{"":1,"X":4}}"#;
        let c = ordered_classes(json, true).expect("classes");
        assert_eq!(
            c,
            vec![
                (1, "LOC".into()),
                (1, "PER".into()),
                (4, "LOC".into()),
                (4, "".into()),
                (5, "".into())
            ]
        );
    }
}
