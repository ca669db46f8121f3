//! A seeded force-directed layout for boxes, with overlap removal.
//!
//! Owns geometry only: it places rectangles (nodes and edge labels, sized by
//! the caller) joined by springs, knows nothing of entities or SVG. The
//! forces follow ForceAtlas2's ideas, written for this crate: repulsion
//! grows with both boxes' degrees and acts on the gap between the boxes'
//! borders (so a long label gets the room it needs), attraction is linear
//! in that gap, and gravity pulls towards the centre, stronger vertically so
//! the drawing comes out about as wide as a screen. Degree-weighted
//! repulsion pushes hubs apart and lets their leaves fan around them, which
//! is what star-shaped fact graphs need. Afterwards the drawing is
//! stretched to the target aspect ratio and any box still overlapping
//! another is pushed apart. Same input and seed, same output.

/// A point or a vector, in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Tunables of [`layout`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutParams {
    /// Seed of the initial positions.
    pub seed: u64,
    /// Width / height the drawing should end up with.
    pub aspect: f64,
    /// Smallest empty space between two boxes, in pixels.
    pub gap: f64,
    /// Strength of repulsion (pixels², scales the drawing's size).
    pub repulsion: f64,
    /// Strength of the pull towards the centre.
    pub gravity: f64,
}

impl Default for LayoutParams {
    fn default() -> Self {
        LayoutParams {
            seed: 1,
            aspect: 1.6,
            gap: 6.0,
            repulsion: 55.0,
            gravity: 0.02,
        }
    }
}

/// Centres for boxes of `sizes` (width, height) joined by `edges` (indices
/// into `sizes`); the top-left of the bounding box is at (0, 0). Returns
/// the centres and the drawing's (width, height).
pub fn layout(sizes: &[(f64, f64)], edges: &[(usize, usize)], params: &LayoutParams) -> (Vec<Point>, (f64, f64)) {
    let edges: Vec<(usize, usize)> = edges
        .iter()
        .copied()
        .filter(|&(a, b)| a != b && a < sizes.len() && b < sizes.len())
        .collect();
    let mut centres = initial_positions(sizes, params.seed);
    force_directed(&mut centres, sizes, &edges, params);
    fit_aspect(&mut centres, sizes, params.aspect);
    remove_overlaps(&mut centres, sizes, params.gap);
    let extent = normalise(&mut centres, sizes);
    (centres, extent)
}

/// Whether any two boxes overlap (closer than `gap`, minus rounding slack).
pub fn has_overlap(centres: &[Point], sizes: &[(f64, f64)], gap: f64) -> bool {
    (0..centres.len()).any(|i| (i + 1..centres.len()).any(|j| overlap(centres, sizes, i, j, gap - 0.5).is_some()))
}

/// How many iterations for `n` boxes: fewer on huge graphs, whose cost is
/// quadratic per iteration (they should be cut down with --top anyway).
fn iterations(n: usize) -> usize {
    const FULL: usize = 600;
    if n <= 800 {
        FULL
    } else {
        let scaled = FULL as f64 * (800.0 / n as f64).powi(2);
        (scaled as usize).max(40)
    }
}

/// Random positions in a square big enough for all the boxes (splitmix64,
/// so no dependency and the same numbers on every platform).
fn initial_positions(sizes: &[(f64, f64)], seed: u64) -> Vec<Point> {
    let area: f64 = sizes.iter().map(|(w, h)| (w + 20.0) * (h + 20.0)).sum();
    let side = area.sqrt().max(100.0);
    let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    };
    sizes
        .iter()
        .map(|_| Point {
            x: (next() - 0.5) * side,
            y: (next() - 0.5) * side,
        })
        .collect()
}

/// Distance from a box's centre to its border in direction (dx, dy) of length `d`.
fn reach(size: (f64, f64), dx: f64, dy: f64, d: f64) -> f64 {
    let (hw, hh) = (size.0 / 2.0, size.1 / 2.0);
    let (cx, cy) = (dx.abs() / d, dy.abs() / d);
    let along_x = if cx > 1e-9 { hw / cx } else { f64::INFINITY };
    let along_y = if cy > 1e-9 { hh / cy } else { f64::INFINITY };
    along_x.min(along_y)
}

fn force_directed(centres: &mut [Point], sizes: &[(f64, f64)], edges: &[(usize, usize)], params: &LayoutParams) {
    let n = centres.len();
    if n < 2 {
        return;
    }
    let mut mass = vec![1.0f64; n];
    for &(a, b) in edges {
        mass[a] += 1.0;
        mass[b] += 1.0;
    }
    let rounds = iterations(n);
    let start_step = sizes.iter().map(|(w, h)| w.max(*h)).fold(50.0, f64::max);
    let mut force = vec![Point::default(); n];
    for round in 0..rounds {
        force.iter_mut().for_each(|f| *f = Point::default());
        for i in 0..n {
            for j in i + 1..n {
                let (mut dx, mut dy) = (centres[i].x - centres[j].x, centres[i].y - centres[j].y);
                let mut d = (dx * dx + dy * dy).sqrt();
                if d < 1e-6 {
                    // Same spot: separate along a direction fixed by the indices.
                    let angle = (i * 7 + j * 13) as f64;
                    (dx, dy, d) = (angle.cos(), angle.sin(), 1.0);
                }
                let border = d - reach(sizes[i], dx, dy, d) - reach(sizes[j], dx, dy, d) - params.gap;
                let strength = params.repulsion * mass[i] * mass[j];
                // Overlapping boxes get a strong constant push instead of 1/gap.
                let f = if border > 1.0 {
                    strength / border
                } else {
                    strength * 2.0
                };
                let (fx, fy) = (dx / d * f, dy / d * f);
                force[i].x += fx;
                force[i].y += fy;
                force[j].x -= fx;
                force[j].y -= fy;
            }
        }
        for &(a, b) in edges {
            let (dx, dy) = (centres[b].x - centres[a].x, centres[b].y - centres[a].y);
            let d = (dx * dx + dy * dy).sqrt();
            if d < 1e-6 {
                continue;
            }
            let border = (d - reach(sizes[a], dx, dy, d) - reach(sizes[b], dx, dy, d)).max(0.0);
            let (fx, fy) = (dx / d * border, dy / d * border);
            force[a].x += fx;
            force[a].y += fy;
            force[b].x -= fx;
            force[b].y -= fy;
        }
        for i in 0..n {
            force[i].x -= params.gravity * mass[i] * centres[i].x;
            force[i].y -= params.gravity * mass[i] * centres[i].y * params.aspect;
        }
        // Cooling: big moves first, then small ones; heavy nodes move less.
        let progress = round as f64 / rounds as f64;
        let step = start_step * (1.0 - progress).powi(2) + 1.0;
        for i in 0..n {
            let (fx, fy) = (force[i].x / mass[i], force[i].y / mass[i]);
            let length = (fx * fx + fy * fy).sqrt();
            if length > 1e-9 {
                let scale = length.min(step) / length;
                centres[i].x += fx * scale;
                centres[i].y += fy * scale;
            }
        }
    }
}

/// Bounding box (min x, min y, max x, max y) of the boxes.
fn bounds(centres: &[Point], sizes: &[(f64, f64)]) -> (f64, f64, f64, f64) {
    centres.iter().zip(sizes).fold(
        (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY),
        |(x0, y0, x1, y1), (c, (w, h))| {
            (
                x0.min(c.x - w / 2.0),
                y0.min(c.y - h / 2.0),
                x1.max(c.x + w / 2.0),
                y1.max(c.y + h / 2.0),
            )
        },
    )
}

/// Stretches one axis and squeezes the other (keeping the area) so the
/// drawing's width / height is about `aspect`; overlaps are fixed after.
fn fit_aspect(centres: &mut [Point], sizes: &[(f64, f64)], aspect: f64) {
    if centres.len() < 3 {
        return;
    }
    let (x0, y0, x1, y1) = bounds(centres, sizes);
    let (width, height) = (x1 - x0, y1 - y0);
    if width <= 0.0 || height <= 0.0 {
        return;
    }
    let stretch = (aspect / (width / height)).sqrt().clamp(0.5, 2.0);
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    for c in centres.iter_mut() {
        c.x = cx + (c.x - cx) * stretch;
        c.y = cy + (c.y - cy) / stretch;
    }
}

/// If boxes i and j are closer than `gap`, how far to push them apart in x and y.
fn overlap(centres: &[Point], sizes: &[(f64, f64)], i: usize, j: usize, gap: f64) -> Option<(f64, f64)> {
    let ox = (sizes[i].0 + sizes[j].0) / 2.0 + gap - (centres[i].x - centres[j].x).abs();
    let oy = (sizes[i].1 + sizes[j].1) / 2.0 + gap - (centres[i].y - centres[j].y).abs();
    (ox > 0.0 && oy > 0.0).then_some((ox, oy))
}

/// Pushes overlapping boxes apart along the axis that needs the smaller
/// move, until none overlap (or a pass limit is reached on pathological input).
pub fn remove_overlaps(centres: &mut [Point], sizes: &[(f64, f64)], gap: f64) {
    let n = centres.len();
    for _ in 0..500 {
        let mut moved = false;
        for i in 0..n {
            for j in i + 1..n {
                let Some((ox, oy)) = overlap(centres, sizes, i, j, gap) else {
                    continue;
                };
                moved = true;
                if ox <= oy {
                    let sign = if centres[i].x < centres[j].x || (centres[i].x == centres[j].x && i < j) {
                        -1.0
                    } else {
                        1.0
                    };
                    centres[i].x += sign * (ox / 2.0 + 0.25);
                    centres[j].x -= sign * (ox / 2.0 + 0.25);
                } else {
                    let sign = if centres[i].y < centres[j].y || (centres[i].y == centres[j].y && i < j) {
                        -1.0
                    } else {
                        1.0
                    };
                    centres[i].y += sign * (oy / 2.0 + 0.25);
                    centres[j].y -= sign * (oy / 2.0 + 0.25);
                }
            }
        }
        if !moved {
            return;
        }
    }
}

/// Moves the drawing so its top-left is (0, 0); returns (width, height).
fn normalise(centres: &mut [Point], sizes: &[(f64, f64)]) -> (f64, f64) {
    if centres.is_empty() {
        return (0.0, 0.0);
    }
    let (x0, y0, x1, y1) = bounds(centres, sizes);
    for c in centres.iter_mut() {
        c.x -= x0;
        c.y -= y0;
    }
    (x1 - x0, y1 - y0)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Boxes = Vec<(f64, f64)>;
    type Springs = Vec<(usize, usize)>;

    /// Three hubs with 15 leaves each, two hubs linked.
    fn stars() -> (Boxes, Springs) {
        let mut sizes = vec![(140.0, 30.0); 3];
        let mut edges = vec![(0, 1), (1, 2)];
        for hub in 0..3 {
            for leaf in 0..15 {
                sizes.push((60.0 + (leaf * 7 % 50) as f64, 20.0));
                edges.push((hub, sizes.len() - 1));
            }
        }
        (sizes, edges)
    }

    #[test]
    fn no_overlaps_and_screen_shaped() {
        let (sizes, edges) = stars();
        let params = LayoutParams::default();
        let (centres, (width, height)) = layout(&sizes, &edges, &params);
        assert!(!has_overlap(&centres, &sizes, params.gap));
        let ratio = width / height;
        assert!((1.1..2.4).contains(&ratio), "aspect {ratio}");
        assert!(centres
            .iter()
            .zip(&sizes)
            .all(|(c, s)| c.x >= s.0 / 2.0 - 1e-6 && c.y >= s.1 / 2.0 - 1e-6));
    }

    #[test]
    fn leaves_sit_nearer_their_own_hub() {
        let (sizes, edges) = stars();
        let (centres, _) = layout(&sizes, &edges, &LayoutParams::default());
        let dist =
            |a: usize, b: usize| ((centres[a].x - centres[b].x).powi(2) + (centres[a].y - centres[b].y).powi(2)).sqrt();
        let mut nearest_own = 0;
        for hub in 0..3 {
            for leaf in 0..15 {
                let node = 3 + hub * 15 + leaf;
                if (0..3).all(|other| other == hub || dist(node, hub) < dist(node, other)) {
                    nearest_own += 1;
                }
            }
        }
        assert!(nearest_own >= 40, "only {nearest_own} of 45 leaves nearest their hub");
    }

    #[test]
    fn same_seed_same_layout_other_seed_other_layout() {
        let (sizes, edges) = stars();
        let a = layout(&sizes, &edges, &LayoutParams::default());
        let b = layout(&sizes, &edges, &LayoutParams::default());
        let c = layout(
            &sizes,
            &edges,
            &LayoutParams {
                seed: 7,
                ..Default::default()
            },
        );
        assert_eq!(a, b);
        assert_ne!(a.0, c.0);
    }

    #[test]
    fn overlap_removal_separates_stacked_boxes() {
        let sizes = vec![(50.0, 20.0); 6];
        let mut centres = vec![Point { x: 10.0, y: 10.0 }; 6];
        remove_overlaps(&mut centres, &sizes, 4.0);
        assert!(!has_overlap(&centres, &sizes, 4.0));
    }

    #[test]
    fn tiny_inputs() {
        assert_eq!(layout(&[], &[], &LayoutParams::default()).1, (0.0, 0.0));
        let (centres, extent) = layout(&[(40.0, 20.0)], &[(0, 0)], &LayoutParams::default());
        assert_eq!(centres, vec![Point { x: 20.0, y: 10.0 }]);
        assert_eq!(extent, (40.0, 20.0));
    }
}
