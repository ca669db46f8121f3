//! Dense building blocks shared by the tok2vec, morphologizer, parser and
//! NER: a row-major GEMM wrapper, linear, maxout and layer-norm layers.
//!
//! Weights are re-laid out once at load so that every forward pass is one
//! GEMM over a whole document (`rows × n_in` times `n_in × n_out`, row-major)
//! followed by cheap element-wise passes. Knows nothing about model files
//! beyond the [`Array`] shapes it is handed, nor about tokens.

use ndarray::linalg::general_mat_mul;
use ndarray::{ArrayView2, ArrayViewMut2};

use super::weights::Array;

/// `y = x·Wᵀ + b` with W given as thinc's `(n_out, n_in)`.
#[derive(Debug, Clone)]
pub struct Linear {
    /// `n_in × n_out`, row-major (W transposed).
    w_t: Vec<f32>,
    b: Vec<f32>,
    pub n_in: usize,
    pub n_out: usize,
}

/// Maxout: `h[o] = max_p (Σ_i W[o,p,i]·x[i] + b[o,p])` (spec §1.2).
#[derive(Debug, Clone)]
pub struct Maxout {
    /// Columns ordered piece-major (`p·n_out + o`) so the max runs over
    /// contiguous blocks.
    lin: Linear,
    pub n_out: usize,
    pub n_pieces: usize,
}

/// Layer normalisation over each row (population variance, eps 1e-8 added
/// to the variance, spec §5.3).
#[derive(Debug, Clone)]
pub struct LayerNorm {
    g: Vec<f32>,
    b: Vec<f32>,
}

/// `c[m×n] += a[m×k] · b[k×n]`, all dense row-major (matrixmultiply's
/// sgemm through ndarray's safe API, with runtime AVX2/FMA dispatch).
pub fn gemm_acc(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    if m == 0 || n == 0 {
        return;
    }
    // Shapes come from validated model dimensions and our own buffers, so a
    // mismatch is a programming error, not bad input.
    let a = ArrayView2::from_shape((m, k), &a[..m * k]).expect("gemm: lhs shape");
    let b = ArrayView2::from_shape((k, n), &b[..k * n]).expect("gemm: rhs shape");
    let mut c = ArrayViewMut2::from_shape((m, n), &mut c[..m * n]).expect("gemm: output shape");
    general_mat_mul(1.0, &a, &b, 1.0, &mut c);
}

impl Linear {
    /// From thinc `W (n_out, n_in)` and `b (n_out)`.
    pub fn new(w: &Array, b: &Array) -> Result<Linear, String> {
        let [n_out, n_in] = dims2(w)?;
        if b.data.len() != n_out {
            return Err(format!(
                "bias has {} values for {n_out} outputs",
                b.data.len()
            ));
        }
        let mut w_t = vec![0.0; n_in * n_out];
        for o in 0..n_out {
            for i in 0..n_in {
                w_t[i * n_out + o] = w.data[o * n_in + i];
            }
        }
        Ok(Linear {
            w_t,
            b: b.data.clone(),
            n_in,
            n_out,
        })
    }

    /// From an already transposed `n_in × n_out` row-major matrix.
    pub fn from_transposed(w_t: Vec<f32>, b: Vec<f32>, n_in: usize, n_out: usize) -> Linear {
        debug_assert_eq!(w_t.len(), n_in * n_out);
        Linear {
            w_t,
            b,
            n_in,
            n_out,
        }
    }

    /// `out[rows × n_out] = x[rows × n_in] · Wᵀ + b`.
    pub fn forward(&self, x: &[f32], rows: usize, out: &mut [f32]) {
        for row in out[..rows * self.n_out].chunks_exact_mut(self.n_out) {
            row.copy_from_slice(&self.b);
        }
        gemm_acc(
            rows,
            self.n_in,
            self.n_out,
            x,
            &self.w_t,
            &mut out[..rows * self.n_out],
        );
    }
}

impl Maxout {
    /// From thinc `W (n_out, n_pieces, n_in)` and `b (n_out, n_pieces)`.
    pub fn new(w: &Array, b: &Array) -> Result<Maxout, String> {
        let [n_out, n_pieces, n_in] = dims3(w)?;
        if b.data.len() != n_out * n_pieces {
            return Err(format!(
                "bias shape {:?} does not match weights {:?}",
                b.shape, w.shape
            ));
        }
        let cols = n_out * n_pieces;
        let mut w_t = vec![0.0; n_in * cols];
        let mut bias = vec![0.0; cols];
        for o in 0..n_out {
            for p in 0..n_pieces {
                let col = p * n_out + o;
                bias[col] = b.data[o * n_pieces + p];
                let src = &w.data[(o * n_pieces + p) * n_in..][..n_in];
                for (i, v) in src.iter().enumerate() {
                    w_t[i * cols + col] = *v;
                }
            }
        }
        Ok(Maxout {
            lin: Linear {
                w_t,
                b: bias,
                n_in,
                n_out: cols,
            },
            n_out,
            n_pieces,
        })
    }

    pub fn n_in(&self) -> usize {
        self.lin.n_in
    }

    /// Width of the pre-activation (`n_out · n_pieces`).
    pub fn n_cols(&self) -> usize {
        self.lin.n_out
    }

    /// Rows `start..start+len` of the transposed weights (`len × n_cols`):
    /// the contribution of input features `start..start+len`.
    pub fn weight_rows(&self, start: usize, len: usize) -> &[f32] {
        &self.lin.w_t[start * self.lin.n_out..(start + len) * self.lin.n_out]
    }

    /// Pre-activation bias, piece-major.
    pub fn bias(&self) -> &[f32] {
        &self.lin.b
    }

    /// `out[rows × n_out]` from `x[rows × n_in]`; `scratch` is resized as
    /// needed (kept by the caller to avoid re-allocation).
    pub fn forward(&self, x: &[f32], rows: usize, scratch: &mut Vec<f32>, out: &mut [f32]) {
        let cols = self.lin.n_out;
        scratch.resize(rows * cols, 0.0);
        self.lin.forward(x, rows, scratch);
        max_pieces(scratch, self.n_out, self.n_pieces, out);
    }
}

/// `out[r][o] = max_p y[r][p·n_out + o]` for piece-major pre-activations.
pub fn max_pieces(y: &[f32], n_out: usize, n_pieces: usize, out: &mut [f32]) {
    let cols = n_out * n_pieces;
    if cols == 0 {
        return;
    }
    for (y, h) in y.chunks_exact(cols).zip(out.chunks_exact_mut(n_out)) {
        h.copy_from_slice(&y[..n_out]);
        for piece in y.chunks_exact(n_out).skip(1) {
            for (a, b) in h.iter_mut().zip(piece) {
                *a = a.max(*b);
            }
        }
    }
}

impl LayerNorm {
    pub fn new(g: &Array, b: &Array) -> Result<LayerNorm, String> {
        if g.data.len() != b.data.len() || g.shape.len() != 1 {
            return Err(format!(
                "gain {:?} and bias {:?} do not match",
                g.shape, b.shape
            ));
        }
        Ok(LayerNorm {
            g: g.data.clone(),
            b: b.data.clone(),
        })
    }

    pub fn width(&self) -> usize {
        self.g.len()
    }

    /// Normalises one row in place.
    pub fn apply(&self, row: &mut [f32]) {
        let n = row.len() as f32;
        let mean = row.iter().sum::<f32>() / n;
        let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n;
        let inv = 1.0 / (var + 1e-8).sqrt();
        for ((v, g), b) in row.iter_mut().zip(&self.g).zip(&self.b) {
            *v = (*v - mean) * inv * g + b;
        }
    }
}

fn dims2(a: &Array) -> Result<[usize; 2], String> {
    match a.shape[..] {
        [x, y] => Ok([x, y]),
        _ => Err(format!("expected a matrix, got shape {:?}", a.shape)),
    }
}

fn dims3(a: &Array) -> Result<[usize; 3], String> {
    match a.shape[..] {
        [x, y, z] => Ok([x, y, z]),
        _ => Err(format!("expected 3 dimensions, got shape {:?}", a.shape)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arr(shape: &[usize], data: &[f32]) -> Array {
        Array {
            shape: shape.to_vec(),
            data: data.to_vec(),
        }
    }

    #[test]
    fn linear_matches_definition() {
        // W (2 out, 3 in)
        let lin = Linear::new(
            &arr(&[2, 3], &[1., 2., 3., 4., 5., 6.]),
            &arr(&[2], &[0.5, -1.]),
        )
        .expect("lin");
        let x = [1., 0., 2., -1., 1., 1.];
        let mut out = [0.0; 4];
        lin.forward(&x, 2, &mut out);
        assert_eq!(out, [7.5, 15.0, 4.5, 6.0]);
    }

    #[test]
    fn maxout_takes_max_over_pieces() {
        // 2 outputs, 2 pieces, 2 inputs
        let w = arr(&[2, 2, 2], &[1., 0., 0., 1., -1., 0., 2., 2.]);
        let b = arr(&[2, 2], &[0., 0., 10., 0.]);
        let m = Maxout::new(&w, &b).expect("maxout");
        let mut scratch = Vec::new();
        let mut out = [0.0; 2];
        m.forward(&[3., 5.], 1, &mut scratch, &mut out);
        assert_eq!(out, [5., 16.]);
    }

    #[test]
    fn layernorm_normalises_rows() {
        let ln = LayerNorm::new(&arr(&[2], &[1., 1.]), &arr(&[2], &[0., 0.])).expect("ln");
        let mut row = [1.0, 3.0];
        ln.apply(&mut row);
        assert!((row[0] + 1.0).abs() < 1e-6 && (row[1] - 1.0).abs() < 1e-6);
    }
}
