//! MultiHashEmbed (spec §5.1–5.2): per-column hash embedding tables and,
//! for md models, projected static word vectors.
//!
//! Owns the tables and lookups. Static vectors are projected once at load
//! (`rows × width` instead of `rows × 300`, also smaller in memory), which
//! keeps the per-token work small without changing the maths.

use std::sync::Arc;

use crate::TokenFeatures;

use super::hash::hash_rows;
use super::layers::Linear;
use super::weights::{Array, Key2Row};

/// A lexical attribute a model reads (thinc `extract_features` columns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Orth,
    Norm,
    Prefix,
    Suffix,
    Shape,
    Spacy,
    IsSpace,
}

impl Column {
    /// The column for a spaCy attribute name, if supported.
    pub fn from_name(name: &str) -> Option<Column> {
        Some(match name {
            "ORTH" => Column::Orth,
            "NORM" => Column::Norm,
            "PREFIX" => Column::Prefix,
            "SUFFIX" => Column::Suffix,
            "SHAPE" => Column::Shape,
            "SPACY" => Column::Spacy,
            "IS_SPACE" => Column::IsSpace,
            _ => return None,
        })
    }

    /// The uint64 value `doc.to_array` would give for this column.
    pub fn value(self, f: &TokenFeatures) -> u64 {
        match self {
            Column::Orth => f.orth,
            Column::Norm => f.norm,
            Column::Prefix => f.prefix,
            Column::Suffix => f.suffix,
            Column::Shape => f.shape,
            Column::Spacy => u64::from(f.spacy),
            Column::IsSpace => u64::from(f.is_space),
        }
    }
}

/// One hash-embedding table.
#[derive(Debug, Clone)]
pub struct HashTable {
    pub column: Column,
    pub seed: u32,
    n_rows: u32,
    width: usize,
    table: Vec<f32>,
}

/// Pretrained vectors, already projected to the embedding width.
#[derive(Debug, Clone)]
pub struct StaticVectors {
    key2row: Arc<Key2Row>,
    projected: Vec<f32>,
    width: usize,
}

/// The vocabulary vectors of an md model, shared by both tok2vec stacks.
#[derive(Debug, Clone)]
pub struct VectorTable {
    pub key2row: Arc<Key2Row>,
    pub data: Array,
}

impl HashTable {
    /// From thinc `E (n_rows, width)`.
    pub fn new(column: Column, seed: u32, e: &Array) -> Result<HashTable, String> {
        let [n_rows, width] = match e.shape[..] {
            [r, w] if r > 0 && r <= u32::MAX as usize => [r, w],
            _ => return Err(format!("embedding table has unusable shape {:?}", e.shape)),
        };
        Ok(HashTable {
            column,
            seed,
            n_rows: n_rows as u32,
            width,
            table: e.data.clone(),
        })
    }

    pub fn width(&self) -> usize {
        self.width
    }

    /// Adds the four hashed rows of `key` to `out`, in spaCy's order.
    pub fn add_rows(&self, key: u64, out: &mut [f32]) {
        for r in hash_rows(key, self.seed, self.n_rows) {
            let row = &self.table[r * self.width..][..self.width];
            for (o, v) in out.iter_mut().zip(row) {
                *o += v;
            }
        }
    }
}

impl StaticVectors {
    /// Projects every vector row with `W (width, dim)` (no bias, §5.2).
    pub fn new(vectors: &VectorTable, w: &Array) -> Result<StaticVectors, String> {
        let [width, dim] = match w.shape[..] {
            [a, b] => [a, b],
            _ => return Err(format!("static_vectors W has shape {:?}", w.shape)),
        };
        let rows = match vectors.data.shape[..] {
            [r, d] if d == dim => r,
            _ => {
                return Err(format!(
                    "vectors of shape {:?} do not match W {:?}",
                    vectors.data.shape, w.shape
                ))
            }
        };
        let zero = Array {
            shape: vec![width],
            data: vec![0.0; width],
        };
        let proj = Linear::new(w, &zero)?;
        let mut projected = vec![0.0; rows * width];
        proj.forward(&vectors.data.data, rows, &mut projected);
        Ok(StaticVectors {
            key2row: Arc::clone(&vectors.key2row),
            projected,
            width,
        })
    }

    pub fn width(&self) -> usize {
        self.width
    }

    /// Writes the projected vector of `key` (zeros if it has none).
    pub fn write(&self, key: u64, out: &mut [f32]) {
        match self.key2row.get(key) {
            Some(r) if (r + 1) * self.width <= self.projected.len() => {
                out.copy_from_slice(&self.projected[r * self.width..][..self.width]);
            }
            // Unknown keys embed as zeros, not as the projection of anything.
            _ => out.fill(0.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_embedding_sums_four_rows() {
        // 3 rows of width 2: row r = [r, 10r]
        let e = Array {
            shape: vec![3, 2],
            data: vec![0., 0., 1., 10., 2., 20.],
        };
        let t = HashTable::new(Column::Norm, 8, &e).expect("table");
        let rows = hash_rows(405, 8, 3);
        let want: f32 = rows.iter().map(|&r| r as f32).sum();
        let mut out = [0.0; 2];
        t.add_rows(405, &mut out);
        assert_eq!(out, [want, want * 10.0]);
    }

    #[test]
    fn static_vectors_project_known_keys_and_zero_unknown() {
        let mut k = Vec::new();
        rmp::encode::write_map_len(&mut k, 1).expect("enc");
        rmp::encode::write_uint(&mut k, 42).expect("enc");
        rmp::encode::write_uint(&mut k, 1).expect("enc");
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("key2row");
        std::fs::write(&p, k).expect("write");
        let key2row = Arc::new(super::super::weights::load_key2row(&p).expect("k2r"));
        let data = Array {
            shape: vec![2, 2],
            data: vec![1., 1., 2., 3.],
        };
        let w = Array {
            shape: vec![1, 2],
            data: vec![1., -1.],
        };
        let s = StaticVectors::new(&VectorTable { key2row, data }, &w).expect("sv");
        let mut out = [9.0];
        s.write(42, &mut out);
        assert_eq!(out, [-1.0]);
        s.write(7, &mut out);
        assert_eq!(out, [0.0]);
    }
}
