//! Dense building blocks shared by the tok2vec, morphologizer, parser and
//! NER: a packed matrix product, linear, maxout and layer-norm layers.
//!
//! Weights are re-laid out once at load so that every forward pass is one
//! matrix product over a whole batch of documents (`rows × n_in` times
//! `n_in × n_out`) followed by cheap element-wise passes. Knows nothing
//! about model files beyond the [`Array`] shapes it is handed, nor about
//! tokens.

use super::weights::Array;

/// Columns per panel of a [`PackedMatrix`]: two 8-lane AVX registers.
const PANEL: usize = 16;
/// Rows of the left operand handled together by the product's inner loop;
/// with [`PANEL`], 12 accumulator registers plus 2 for the panel row and 1
/// for the broadcast value: 15 of AVX2's 16.
const ROW_BLOCK: usize = 6;
/// Rows of the left operand per outer block, sized so that the block
/// (`ROW_CHUNK × k` values) stays in the L2 cache while every panel passes.
const ROW_CHUNK: usize = 10 * ROW_BLOCK;

/// A `k × n` weight matrix packed once, at load, for `x · W` products.
///
/// The columns are cut into panels of [`PANEL`]; a panel stores its `k`
/// rows one after another (zero-padded past `n`), so the product streams
/// each panel from the L1 cache while it walks down the rows of `x`. This
/// is the packing a BLAS redoes on every call; doing it once is what makes
/// small products (a batch of sentences) cheap.
#[derive(Debug, Clone)]
pub struct PackedMatrix {
    panels: Vec<f32>,
    k: usize,
    n: usize,
}

impl PackedMatrix {
    /// Packs `w` given row-major (`k × n`, `w[i·n + j]`).
    pub fn new(k: usize, n: usize, w: &[f32]) -> PackedMatrix {
        assert_eq!(w.len(), k * n, "PackedMatrix::new: {k}×{n} needs {} values", k * n);
        let n_panels = n.div_ceil(PANEL);
        let mut panels = vec![0.0; n_panels * k * PANEL];
        for (p, panel) in panels.chunks_exact_mut(k * PANEL).enumerate() {
            let first = p * PANEL;
            let width = PANEL.min(n - first);
            for (i, dst) in panel.chunks_exact_mut(PANEL).enumerate() {
                dst[..width].copy_from_slice(&w[i * n + first..][..width]);
            }
        }
        PackedMatrix { panels, k, n }
    }

    /// `c[m × n] += x[m × k] · W`, all row-major.
    ///
    /// Every output is `c` plus the products `x[r][i]·W[i][j]` added in
    /// order of `i` with fused multiply-adds, whatever `m` is and wherever
    /// the row sits in the batch: a document gets the same numbers alone or
    /// batched, and on a CPU with AVX2/FMA (`pulp` detects it at run time)
    /// exactly as on one without, where the same fused operations run one
    /// lane at a time.
    pub fn mul_acc(&self, x: &[f32], m: usize, c: &mut [f32]) {
        if m == 0 || self.n == 0 {
            return;
        }
        pulp::Arch::new().dispatch(Product {
            w: self,
            x: &x[..m * self.k],
            c: &mut c[..m * self.n],
        });
    }
}

/// One [`PackedMatrix::mul_acc`] call, as the operation `pulp` dispatches:
/// `with_simd` is compiled once per instruction set and inlined into a
/// function built with that set's features.
struct Product<'a> {
    w: &'a PackedMatrix,
    x: &'a [f32],
    c: &'a mut [f32],
}

impl pulp::WithSimd for Product<'_> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, simd: S) {
        let (w, k, n) = (self.w, self.w.k, self.w.n);
        if k == 0 {
            return;
        }
        for (x_chunk, c_chunk) in self.x.chunks(ROW_CHUNK * k).zip(self.c.chunks_mut(ROW_CHUNK * n)) {
            for (p, panel) in w.panels.chunks_exact(k * PANEL).enumerate() {
                let cols = p * PANEL..(p * PANEL + PANEL).min(n);
                let mut x_blocks = x_chunk.chunks_exact(ROW_BLOCK * k);
                let mut c_blocks = c_chunk.chunks_exact_mut(ROW_BLOCK * n);
                for (xb, cb) in (&mut x_blocks).zip(&mut c_blocks) {
                    block_kernel(simd, panel, xb, k, cb, n, cols.clone());
                }
                let (xr, cr) = (x_blocks.remainder(), c_blocks.into_remainder());
                block_kernel(simd, panel, xr, k, cr, n, cols);
            }
        }
    }
}

/// Up to [`ROW_BLOCK`] rows of `x` (`rows × k`) times one panel, added
/// into columns `cols` of `c` (`rows × n`).
#[inline(always)]
fn block_kernel<S: pulp::Simd>(
    simd: S,
    panel: &[f32],
    x: &[f32],
    k: usize,
    c: &mut [f32],
    n: usize,
    cols: std::ops::Range<usize>,
) {
    if S::F32_LANES * 2 != PANEL {
        // No 8-lane vectors (or wider ones): the same fused operations in
        // the same order, one value at a time.
        for (x_row, c_row) in x.chunks_exact(k).zip(c.chunks_mut(n)) {
            for (j, out) in c_row[cols.clone()].iter_mut().enumerate() {
                let w = panel[j..].iter().step_by(PANEL);
                *out = x_row.iter().zip(w).fold(*out, |acc, (v, w)| v.mul_add(*w, acc));
            }
        }
        return;
    }
    if x.len() == ROW_BLOCK * k {
        six_rows(simd, panel, x, k, c, n, cols);
    } else {
        for (x_row, c_row) in x.chunks_exact(k).zip(c.chunks_mut(n)) {
            one_row(simd, panel, x_row, &mut c_row[cols.clone()]);
        }
    }
}

/// Loads up to [`PANEL`] values of `c` as two vectors (zero past the end).
#[inline(always)]
fn load_two<S: pulp::Simd>(c: &[f32]) -> (S::f32s, S::f32s) {
    if c.len() == PANEL {
        let (v, _) = S::as_simd_f32s(c);
        return (v[0], v[1]);
    }
    let mut row = [0.0f32; PANEL];
    row[..c.len()].copy_from_slice(c);
    let (v, _) = S::as_simd_f32s(&row);
    (v[0], v[1])
}

/// Stores two vectors into up to [`PANEL`] values of `c`.
#[inline(always)]
fn store_two<S: pulp::Simd>(c: &mut [f32], v0: S::f32s, v1: S::f32s) {
    if c.len() == PANEL {
        let (v, _) = S::as_mut_simd_f32s(c);
        v[0] = v0;
        v[1] = v1;
        return;
    }
    let mut row = [0.0f32; PANEL];
    let (v, _) = S::as_mut_simd_f32s(&mut row);
    v[0] = v0;
    v[1] = v1;
    let len = c.len();
    c.copy_from_slice(&row[..len]);
}

/// The hot loop: six rows times a panel of two 8-lane vectors, twelve
/// accumulators in named locals so that they stay in registers for the
/// whole of `k` (enough independent chains to cover the FMA latency).
#[inline(always)]
fn six_rows<S: pulp::Simd>(
    simd: S,
    panel: &[f32],
    x: &[f32],
    k: usize,
    c: &mut [f32],
    n: usize,
    cols: std::ops::Range<usize>,
) {
    let at = |r: usize| r * n + cols.start..r * n + cols.end;
    let (mut a00, mut a01) = load_two::<S>(&c[at(0)]);
    let (mut a10, mut a11) = load_two::<S>(&c[at(1)]);
    let (mut a20, mut a21) = load_two::<S>(&c[at(2)]);
    let (mut a30, mut a31) = load_two::<S>(&c[at(3)]);
    let (mut a40, mut a41) = load_two::<S>(&c[at(4)]);
    let (mut a50, mut a51) = load_two::<S>(&c[at(5)]);
    let (x0, rest) = x.split_at(k);
    let (x1, rest) = rest.split_at(k);
    let (x2, rest) = rest.split_at(k);
    let (x3, rest) = rest.split_at(k);
    let (x4, x5) = rest.split_at(k);
    let xs = x0.iter().zip(x1).zip(x2).zip(x3).zip(x4).zip(x5);
    for (w, (((((&v0, &v1), &v2), &v3), &v4), &v5)) in panel.chunks_exact(PANEL).zip(xs) {
        let (w, _) = S::as_simd_f32s(w);
        let (w0, w1) = (w[0], w[1]);
        let v = simd.splat_f32s(v0);
        a00 = simd.mul_add_f32s(v, w0, a00);
        a01 = simd.mul_add_f32s(v, w1, a01);
        let v = simd.splat_f32s(v1);
        a10 = simd.mul_add_f32s(v, w0, a10);
        a11 = simd.mul_add_f32s(v, w1, a11);
        let v = simd.splat_f32s(v2);
        a20 = simd.mul_add_f32s(v, w0, a20);
        a21 = simd.mul_add_f32s(v, w1, a21);
        let v = simd.splat_f32s(v3);
        a30 = simd.mul_add_f32s(v, w0, a30);
        a31 = simd.mul_add_f32s(v, w1, a31);
        let v = simd.splat_f32s(v4);
        a40 = simd.mul_add_f32s(v, w0, a40);
        a41 = simd.mul_add_f32s(v, w1, a41);
        let v = simd.splat_f32s(v5);
        a50 = simd.mul_add_f32s(v, w0, a50);
        a51 = simd.mul_add_f32s(v, w1, a51);
    }
    store_two::<S>(&mut c[at(0)], a00, a01);
    store_two::<S>(&mut c[at(1)], a10, a11);
    store_two::<S>(&mut c[at(2)], a20, a21);
    store_two::<S>(&mut c[at(3)], a30, a31);
    store_two::<S>(&mut c[at(4)], a40, a41);
    store_two::<S>(&mut c[at(5)], a50, a51);
}

/// One row times a panel of two vectors (the rows left over after the
/// blocks of six).
#[inline(always)]
fn one_row<S: pulp::Simd>(simd: S, panel: &[f32], x: &[f32], c: &mut [f32]) {
    let (mut a0, mut a1) = load_two::<S>(c);
    for (w, &v) in panel.chunks_exact(PANEL).zip(x) {
        let (w, _) = S::as_simd_f32s(w);
        let v = simd.splat_f32s(v);
        a0 = simd.mul_add_f32s(v, w[0], a0);
        a1 = simd.mul_add_f32s(v, w[1], a1);
    }
    store_two::<S>(c, a0, a1);
}

/// `y = x·Wᵀ + b` with W given as thinc's `(n_out, n_in)`.
#[derive(Debug, Clone)]
pub struct Linear {
    /// W transposed (`n_in × n_out`), packed.
    w: PackedMatrix,
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

/// The `cols × rows` transpose of a row-major `rows × cols` matrix (thinc
/// stores weights as `(n_out, n_in)`; products here read `n_in × n_out`).
pub fn transposed(data: &[f32], rows: usize, cols: usize) -> Vec<f32> {
    let mut t = vec![0.0; rows * cols];
    for (r, row) in data.chunks_exact(cols).take(rows).enumerate() {
        for (c, &v) in row.iter().enumerate() {
            t[c * rows + r] = v;
        }
    }
    t
}

impl Linear {
    /// From thinc `W (n_out, n_in)` and `b (n_out)`.
    pub fn new(w: &Array, b: &Array) -> Result<Linear, String> {
        let [n_out, n_in] = dims2(w)?;
        if b.data.len() != n_out {
            return Err(format!("bias has {} values for {n_out} outputs", b.data.len()));
        }
        Ok(Linear {
            w: PackedMatrix::new(n_in, n_out, &transposed(&w.data, n_out, n_in)),
            b: b.data.clone(),
            n_in,
            n_out,
        })
    }

    /// From an already transposed `n_in × n_out` row-major matrix.
    pub fn from_transposed(w_t: Vec<f32>, b: Vec<f32>, n_in: usize, n_out: usize) -> Linear {
        Linear {
            w: PackedMatrix::new(n_in, n_out, &w_t),
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
        self.w.mul_acc(x, rows, &mut out[..rows * self.n_out]);
    }
}

impl Maxout {
    /// From thinc `W (n_out, n_pieces, n_in)` and `b (n_out, n_pieces)`.
    pub fn new(w: &Array, b: &Array) -> Result<Maxout, String> {
        let [n_out, n_pieces, n_in] = dims3(w)?;
        if b.data.len() != n_out * n_pieces {
            return Err(format!("bias shape {:?} does not match weights {:?}", b.shape, w.shape));
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
                w: PackedMatrix::new(n_in, cols, &w_t),
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
            return Err(format!("gain {:?} and bias {:?} do not match", g.shape, b.shape));
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
        let lin = Linear::new(&arr(&[2, 3], &[1., 2., 3., 4., 5., 6.]), &arr(&[2], &[0.5, -1.])).expect("lin");
        let x = [1., 0., 2., -1., 1., 1.];
        let mut out = [0.0; 4];
        lin.forward(&x, 2, &mut out);
        assert_eq!(out, [7.5, 15.0, 4.5, 6.0]);
    }

    /// `c + Σ_i x[r][i]·w[i][j]`, fused multiply-adds in order of `i`.
    fn naive(x: &[f32], w: &[f32], c: &[f32], m: usize, k: usize, n: usize) -> Vec<f32> {
        (0..m * n)
            .map(|o| {
                let (r, j) = (o / n, o % n);
                (0..k).fold(c[o], |acc, i| x[r * k + i].mul_add(w[i * n + j], acc))
            })
            .collect()
    }

    #[test]
    fn packed_product_is_the_ordered_fused_sum_for_every_row_and_instruction_set() {
        // Full and partial panels, blocks of six rows, leftover rows, chunks.
        for (m, k, n) in [(1, 3, 5), (7, 5, 16), (13, 9, 37), (61, 4, 33), (130, 2, 17), (0, 3, 4)] {
            let x: Vec<f32> = (0..m * k).map(|i| ((i * 7919 % 23) as f32 - 11.0) / 7.0).collect();
            let w: Vec<f32> = (0..k * n).map(|i| ((i * 104_729 % 31) as f32 - 15.0) / 13.0).collect();
            let c0: Vec<f32> = (0..m * n).map(|i| (i % 5) as f32 * 0.25).collect();
            let want = naive(&x, &w, &c0, m, k, n);
            let packed = PackedMatrix::new(k, n, &w);
            let mut c = c0.clone();
            packed.mul_acc(&x, m, &mut c);
            let bits = |v: &[f32]| v.iter().map(|f| f.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&c), bits(&want), "{m}×{k}·{k}×{n}");
            let mut scalar = c0.clone();
            pulp::Simd::vectorize(
                pulp::Scalar::new(),
                Product {
                    w: &packed,
                    x: &x,
                    c: &mut scalar,
                },
            );
            assert_eq!(bits(&scalar), bits(&want), "{m}×{k}·{k}×{n} one lane at a time");
        }
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
