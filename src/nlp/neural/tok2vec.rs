//! Tok2Vec.v2 (spec §5): MultiHashEmbed → maxout+layernorm mixer →
//! MaxoutWindowEncoder (residual window-CNN blocks over a persistently padded
//! array). Used both for the shared tok2vec and for the NER's own copy.
//!
//! Owns the recognition of the tok2vec nodes inside a thinc file and the
//! forward pass; does not know which component consumes the tensor.

use crate::{ModelError, TokenFeatures};

use super::embed::{Column, HashTable, StaticVectors, VectorTable};
use super::layers::{LayerNorm, Maxout};
use super::weights::{format_err, Attr, ThincModel};

/// One tok2vec stack.
#[derive(Debug, Clone)]
pub struct Tok2Vec {
    mixer: Mixer,
    blocks: Vec<(Maxout, LayerNorm)>,
    /// Rows of padding on each side of the document (thinc `with_array` pad).
    pad: usize,
    /// Neighbours on each side that a CNN block sees (`window_size`).
    window: usize,
    width: usize,
}

impl Tok2Vec {
    /// Finds the tok2vec inside `model` (spec §1.2 "robust rule").
    /// `vectors` must be given when the model has a `static_vectors` layer.
    pub fn from_model(model: &ThincModel, vectors: Option<&VectorTable>) -> Result<Tok2Vec, ModelError> {
        let path = &model.path;
        let bad = |r: String| format_err(path, r);
        let columns = columns_of(model)?;
        let mut tables = Vec::new();
        for i in model.find("hashembed") {
            let node = &model.nodes[i];
            let col = node
                .attr_int("column")
                .ok_or_else(|| bad(format!("hashembed node {i} has no column")))?;
            let seed = node
                .attr_int("seed")
                .ok_or_else(|| bad(format!("hashembed node {i} has no seed")))?;
            let column = usize::try_from(col)
                .ok()
                .and_then(|c| columns.get(c).copied())
                .ok_or_else(|| bad(format!("hashembed node {i} reads column {col}, which does not exist")))?;
            let seed = u32::try_from(seed).map_err(|_| bad(format!("hashembed node {i} has seed {seed}")))?;
            let e = model.param(i, "E", 2)?;
            let table = HashTable::new(column, seed, e).map_err(|r| bad(format!("hashembed node {i}: {r}")))?;
            tables.push((col, table));
        }
        if tables.is_empty() {
            return Err(bad("no hashembed layer found".into()));
        }
        tables.sort_by_key(|t| t.0);
        let statics = match model.find("static_vectors").first() {
            None => None,
            Some(&i) => {
                let key = model.nodes[i].attr("key_attr");
                if !matches!(key, None | Some(Attr::Str(_))) || matches!(key, Some(Attr::Str(k)) if k != "ORTH") {
                    return Err(ModelError::Unsupported {
                        path: path.clone(),
                        name: format!("static_vectors keyed on {key:?}"),
                    });
                }
                let vectors = vectors.ok_or_else(|| bad("static_vectors layer but the vocab has no vectors".into()))?;
                let w = model.param(i, "W", 2)?;
                Some(StaticVectors::new(vectors, w).map_err(|r| bad(format!("static_vectors node {i}: {r}")))?)
            }
        };
        let mut layers = maxout_layernorm_pairs(model)?;
        if layers.is_empty() {
            return Err(bad("no maxout/layernorm layers found".into()));
        }
        let (maxout, norm) = layers.remove(0);
        let width = maxout.n_out;
        if norm.width() != width {
            return Err(bad("mixer layernorm width differs from the maxout width".into()));
        }
        let tables = tables.into_iter().map(|t| t.1).collect();
        let mixer = Mixer::new(tables, statics, maxout, norm).map_err(|r| bad(format!("embedding mixer: {r}")))?;
        let window = window_of(model)?;
        for (k, (m, ln)) in layers.iter().enumerate() {
            if m.n_out != width || ln.width() != width || m.n_in() != (2 * window + 1) * width {
                return Err(bad(format!(
                    "CNN block {k} does not have the shape of a width-{width} window-{window} block"
                )));
            }
        }
        let pad = model
            .nodes
            .iter()
            .find(|n| n.name.starts_with("with_array(residual"))
            .and_then(|n| n.attr_int("pad"))
            .and_then(|p| usize::try_from(p).ok())
            .ok_or_else(|| bad("no encoder `with_array(residual…)` node with a pad attr".into()))?;
        Ok(Tok2Vec {
            mixer,
            blocks: layers,
            pad,
            window,
            width,
        })
    }

    /// Output width (96 for these models).
    pub fn width(&self) -> usize {
        self.width
    }

    /// The tensors of several documents, concatenated (`Σn × width`).
    /// Each document keeps its own padding, so the result is exactly the
    /// per-document one (§5.4, §13); batching only makes the products bigger
    /// and so cheaper per token.
    pub fn forward_batch(&self, docs: &[&[TokenFeatures]]) -> Vec<f32> {
        let w = self.width;
        let total: usize = docs.iter().map(|d| d.len()).sum();
        if total == 0 {
            return Vec::new();
        }
        let mut scratch = Vec::new();
        let all: Vec<TokenFeatures> = docs.iter().flat_map(|d| d.iter().copied()).collect();
        let mut mixed = vec![0.0; total * w];
        self.mixer.forward(&all, &mut scratch, &mut mixed);
        drop(all);
        // Per document, an encoder array: `window` guard rows that stay zero,
        // `pad` rows of padding, the document, `pad` rows, `window` guard
        // rows. Padding rows are updated by every block like real rows.
        let guard = self.window;
        let rows_of = |n: usize| n + 2 * self.pad + 2 * guard;
        let mut starts = Vec::with_capacity(docs.len());
        let mut next = 0;
        for d in docs {
            starts.push(next);
            next += rows_of(d.len()) * w;
        }
        let mut buf = vec![0.0; next];
        let mut src = 0;
        for (d, &start) in docs.iter().zip(&starts) {
            let doc = start + (guard + self.pad) * w;
            buf[doc..doc + d.len() * w].copy_from_slice(&mixed[src..src + d.len() * w]);
            src += d.len() * w;
        }
        drop(mixed);
        let span = 2 * self.window + 1;
        let max_rows: usize = docs.iter().map(|d| d.len() + 2 * self.pad).sum();
        let mut windows = vec![0.0; max_rows * span * w];
        let mut delta = vec![0.0; max_rows * w];
        let depth = self.blocks.len();
        for (l, (maxout, ln)) in self.blocks.iter().enumerate() {
            // Only rows within `reach` of a document can still influence its
            // rows in the last block; padding rows further out are skipped
            // (their values would be identical either way).
            let reach = self.pad.min((depth - 1 - l) * self.window);
            let first = self.pad - reach;
            let count: usize = docs.iter().map(|d| span_rows(d.len(), reach)).sum();
            // Encoder row i's window is rows i-window..=i+window, consecutive
            // in `buf` from the document's buf row i (guard = window).
            let windows = &mut windows[..count * span * w];
            let mut win_rows = windows.chunks_exact_mut(span * w);
            for (d, &start) in docs.iter().zip(&starts) {
                for j in 0..span_rows(d.len(), reach) {
                    if let Some(win) = win_rows.next() {
                        win.copy_from_slice(&buf[start + (first + j) * w..][..span * w]);
                    }
                }
            }
            let delta = &mut delta[..count * w];
            maxout.forward(windows, count, &mut scratch, delta);
            let mut d_rows = delta.chunks_exact_mut(w);
            for (d, &start) in docs.iter().zip(&starts) {
                let target = &mut buf[start + (guard + first) * w..][..span_rows(d.len(), reach) * w];
                for (z, dl) in target.chunks_exact_mut(w).zip(&mut d_rows) {
                    ln.apply(dl);
                    for (zv, dv) in z.iter_mut().zip(dl.iter()) {
                        *zv += dv;
                    }
                }
            }
        }
        let mut out = Vec::with_capacity(total * w);
        for (d, &start) in docs.iter().zip(&starts) {
            let doc = start + (guard + self.pad) * w;
            out.extend_from_slice(&buf[doc..doc + d.len() * w]);
        }
        out
    }
}

/// Encoder rows computed for a document of `n` tokens: the document and
/// `reach` padding rows on each side (none for an empty document).
fn span_rows(n: usize, reach: usize) -> usize {
    if n == 0 {
        0
    } else {
        n + 2 * reach
    }
}

/// Embedding + mixer (`LN(maxout(concat(embeddings)))`, §5.3): each
/// token's hash-table sums (and, for md, its projected static vector) side
/// by side in one row, then one maxout product over the whole batch.
#[derive(Debug, Clone)]
struct Mixer {
    tables: Vec<HashTable>,
    statics: Option<StaticVectors>,
    maxout: Maxout,
    norm: LayerNorm,
}

impl Mixer {
    fn new(
        tables: Vec<HashTable>,
        statics: Option<StaticVectors>,
        maxout: Maxout,
        norm: LayerNorm,
    ) -> Result<Mixer, String> {
        let n_in =
            tables.iter().map(HashTable::width).sum::<usize>() + statics.as_ref().map_or(0, StaticVectors::width);
        if n_in != maxout.n_in() {
            return Err(format!(
                "maxout reads {} inputs but the embeddings give {n_in}",
                maxout.n_in()
            ));
        }
        Ok(Mixer {
            tables,
            statics,
            maxout,
            norm,
        })
    }

    /// Writes the normalised mixer output (`n × n_out`) into `out`.
    fn forward(&self, feats: &[TokenFeatures], scratch: &mut Vec<f32>, out: &mut [f32]) {
        let n_in = self.maxout.n_in();
        let mut embedded = vec![0.0; feats.len() * n_in];
        for (f, row) in feats.iter().zip(embedded.chunks_exact_mut(n_in)) {
            let mut parts = row;
            for t in &self.tables {
                let (part, rest) = parts.split_at_mut(t.width());
                t.add_rows(t.column.value(f), part);
                parts = rest;
            }
            if let Some(s) = &self.statics {
                s.write(f.orth, parts);
            }
        }
        self.maxout.forward(&embedded, feats.len(), scratch, out);
        for row in out.chunks_exact_mut(self.maxout.n_out) {
            self.norm.apply(row);
        }
    }
}

/// The `extract_features` columns, in order.
fn columns_of(model: &ThincModel) -> Result<Vec<Column>, ModelError> {
    let node = model
        .find("extract_features")
        .first()
        .map(|&i| &model.nodes[i])
        .ok_or_else(|| format_err(&model.path, "no extract_features layer".into()))?;
    let Some(Attr::StrList(names)) = node.attr("columns") else {
        return Err(format_err(&model.path, "extract_features has no `columns` list".into()));
    };
    names
        .iter()
        .map(|n| {
            Column::from_name(n).ok_or_else(|| ModelError::Unsupported {
                path: model.path.clone(),
                name: format!("feature column {n}"),
            })
        })
        .collect()
}

/// Maxout and layernorm nodes, paired in file order.
fn maxout_layernorm_pairs(model: &ThincModel) -> Result<Vec<(Maxout, LayerNorm)>, ModelError> {
    let mx = model.find("maxout");
    let ln = model.find("layernorm");
    if mx.len() != ln.len() {
        return Err(format_err(
            &model.path,
            format!("{} maxout layers but {} layernorm layers", mx.len(), ln.len()),
        ));
    }
    mx.iter()
        .zip(&ln)
        .map(|(&m, &l)| {
            let maxout = Maxout::new(model.param(m, "W", 3)?, model.param(m, "b", 2)?)
                .map_err(|r| format_err(&model.path, format!("maxout node {m}: {r}")))?;
            let norm = LayerNorm::new(model.param(l, "G", 1)?, model.param(l, "b", 1)?)
                .map_err(|r| format_err(&model.path, format!("layernorm node {l}: {r}")))?;
            Ok((maxout, norm))
        })
        .collect()
}

/// The single `expand_window` size used by every CNN block.
fn window_of(model: &ThincModel) -> Result<usize, ModelError> {
    let sizes: Vec<i64> = model
        .find("expand_window")
        .iter()
        .filter_map(|&i| model.nodes[i].attr_int("window_size"))
        .collect();
    match sizes.first() {
        Some(&w) if w >= 0 && sizes.iter().all(|&s| s == w) => Ok(w as usize),
        None => Ok(1),
        _ => Err(ModelError::Unsupported {
            path: model.path.clone(),
            name: format!("expand_window sizes {sizes:?}"),
        }),
    }
}
