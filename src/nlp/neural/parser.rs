//! The dependency parser (spec §7): spaCy's arc-eager transition system with
//! its non-monotonic REDUCE ("unshift"), greedy decoding over the shared
//! tok2vec tensor, and the sentence boundaries derived from the tree
//! (`set_children_from_heads`, §7.4).
//!
//! Owns the parse state and moves; the network is transition.rs. Knows
//! nothing of POS, NER or the attribute ruler.

use crate::ModelError;

use super::transition::{ordered_classes, Precomputed, Scratch, TransitionNet};
use super::weights::{format_err, load_moves_json, ThincModel};

/// Arc-eager move types (action ids 0..4 of the `moves` file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Shift,
    Reduce,
    Left,
    Right,
    Break,
}

/// Loaded parser: network and class list.
#[derive(Debug, Clone)]
pub struct Parser {
    net: TransitionNet,
    moves: Vec<Move>,
    labels: Vec<String>,
}

/// A parsed document.
#[derive(Debug, Clone, PartialEq)]
pub struct Parse {
    /// Absolute head index; a root is its own head.
    pub heads: Vec<usize>,
    /// Dependency label, "ROOT" for roots.
    pub deps: Vec<String>,
    pub sent_starts: Vec<bool>,
    /// The classes chosen, in order (for tests and tracing).
    pub actions: Vec<usize>,
}

impl Parser {
    pub fn load(dir: &std::path::Path) -> Result<Parser, ModelError> {
        let model = ThincModel::load(&dir.join("model"))?;
        let net = TransitionNet::from_model(&model)?;
        let moves_path = dir.join("moves");
        let classes = ordered_classes(&load_moves_json(&moves_path)?, false).map_err(|r| format_err(&moves_path, r))?;
        let mut moves = Vec::with_capacity(classes.len());
        let mut labels = Vec::with_capacity(classes.len());
        for (action, label) in classes {
            moves.push(match action {
                0 => Move::Shift,
                1 => Move::Reduce,
                2 => Move::Left,
                3 => Move::Right,
                4 => Move::Break,
                a => {
                    return Err(ModelError::Unsupported {
                        path: moves_path,
                        name: format!("arc-eager action {a}"),
                    })
                }
            });
            if label.contains("||") {
                return Err(ModelError::Unsupported {
                    path: moves_path,
                    name: format!("projectivised label `{label}` (deprojectivisation is not implemented)"),
                });
            }
            labels.push(label);
        }
        if moves.len() != net.n_classes || net.n_feats() != 8 {
            return Err(format_err(
                &moves_path,
                format!(
                    "{} moves for {} classes / {} features (expected 8)",
                    moves.len(),
                    net.n_classes,
                    net.n_feats()
                ),
            ));
        }
        Ok(Parser { net, moves, labels })
    }

    /// Class name as spaCy prints it ("S", "L-nsubj", "B-ROOT", …).
    pub fn class_name(&self, class: usize) -> String {
        let prefix = match self.moves[class] {
            Move::Shift => "S",
            Move::Reduce => "D",
            Move::Left => "L",
            Move::Right => "R",
            Move::Break => "B",
        };
        match self.labels[class].as_str() {
            "" => prefix.to_string(),
            l => format!("{prefix}-{l}"),
        }
    }

    /// Parses documents of lengths `lens` from their concatenated tok2vec
    /// tensors (`Σn × width`).
    pub fn parse_batch(&self, tokvecs: &[f32], lens: &[usize]) -> Vec<Parse> {
        let total = lens.iter().sum();
        let pre = self.net.precompute(tokvecs, total);
        let mut scratch = self.net.scratch();
        let mut offset = 0;
        lens.iter()
            .map(|&n| {
                let p = self.parse_one(&pre, offset, n, &mut scratch);
                offset += n;
                p
            })
            .collect()
    }

    /// Greedy decoding of the document at rows `offset..offset+n` of `pre`.
    fn parse_one(&self, pre: &Precomputed, offset: usize, n: usize, scratch: &mut Scratch) -> Parse {
        if n == 0 {
            return Parse {
                heads: vec![],
                deps: vec![],
                sent_starts: vec![],
                actions: vec![],
            };
        }
        let mut st = State::new(n);
        let mut valid = vec![false; self.moves.len()];
        let mut actions = Vec::with_capacity(2 * n + 1);
        // Every move consumes or re-buffers a token; the bound only guards
        // against a malformed model looping forever.
        let max_steps = 4 * n + 8;
        while !st.is_final() && actions.len() < max_steps {
            let ids = st.features();
            let ok = st.valid_moves();
            for (v, m) in valid.iter_mut().zip(&self.moves) {
                *v = ok[*m as usize];
            }
            let Some(class) = self.net.best_valid(pre, offset, &ids, &valid, scratch) else {
                break;
            };
            st.apply(self.moves[class], class as u16);
            actions.push(class);
        }
        let heads: Vec<usize> = (0..n).map(|i| usize::try_from(st.heads[i]).unwrap_or(i)).collect();
        let deps = (0..n)
            .map(|i| {
                if st.heads[i] < 0 {
                    "ROOT".to_string()
                } else {
                    self.labels[st.labels[i] as usize].clone()
                }
            })
            .collect();
        let sent_starts = sentence_starts(&heads);
        Parse {
            heads,
            deps,
            sent_starts,
            actions,
        }
    }
}

/// spaCy's arc-eager state with flat per-token arrays (no allocation per
/// step).
struct State {
    n: usize,
    stack: Vec<i32>,
    /// Unshifted tokens; the last one is B(0).
    rebuffer: Vec<i32>,
    b_i: usize,
    heads: Vec<i32>,
    labels: Vec<u16>,
    /// Most recently attached left/right child per head, −1 if none.
    left_top: Vec<i32>,
    right_top: Vec<i32>,
    /// Previously attached sibling in the same child list, −1 if none.
    prev_sib: Vec<i32>,
    unshiftable: Vec<bool>,
    sent_start: Vec<bool>,
}

impl State {
    fn new(n: usize) -> State {
        let mut sent_start = vec![false; n];
        // spaCy marks token 0 as a sentence start on every fresh doc.
        sent_start[0] = true;
        State {
            n,
            stack: Vec::with_capacity(n),
            rebuffer: Vec::new(),
            b_i: 0,
            heads: vec![-1; n],
            labels: vec![0; n],
            left_top: vec![-1; n],
            right_top: vec![-1; n],
            prev_sib: vec![-1; n],
            unshiftable: vec![false; n],
            sent_start,
        }
    }

    fn s(&self, i: usize) -> i32 {
        if i < self.stack.len() {
            self.stack[self.stack.len() - 1 - i]
        } else {
            -1
        }
    }

    fn b(&self, i: usize) -> i32 {
        let r = self.rebuffer.len();
        if i < r {
            return self.rebuffer[r - 1 - i];
        }
        let b = self.b_i + (i - r);
        if b < self.n {
            b as i32
        } else {
            -1
        }
    }

    fn buffer_length(&self) -> usize {
        (self.n - self.b_i) + self.rebuffer.len()
    }

    fn is_final(&self) -> bool {
        self.stack.is_empty() && self.buffer_length() == 0
    }

    fn is_sent_start(&self, w: i32) -> bool {
        usize::try_from(w)
            .ok()
            .and_then(|w| self.sent_start.get(w).copied())
            .unwrap_or(false)
    }

    fn left_child(&self, h: i32) -> i32 {
        usize::try_from(h).map_or(-1, |h| self.left_top[h])
    }

    fn right_child(&self, h: i32) -> i32 {
        usize::try_from(h).map_or(-1, |h| self.right_top[h])
    }

    /// B0, B1, S0, S1, S2, L(B0), L(S0), R(S0) (§7.2).
    fn features(&self) -> [i32; 8] {
        let (b0, s0) = (self.b(0), self.s(0));
        [
            b0,
            self.b(1),
            s0,
            self.s(1),
            self.s(2),
            self.left_child(b0),
            self.left_child(s0),
            self.right_child(s0),
        ]
    }

    /// Validity per move type, indexed by `Move as usize` (§7.3).
    fn valid_moves(&self) -> [bool; 5] {
        let depth = self.stack.len();
        let bl = self.buffer_length();
        let b0 = self.b(0);
        let b1 = self.b(1);
        let shift = depth == 0
            || (bl >= 2 && !self.is_sent_start(b0) && !usize::try_from(b0).is_ok_and(|b| self.unshiftable[b]));
        let reduce = depth > 0;
        let arc = depth > 0 && bl > 0 && !self.is_sent_start(b0);
        let brk = bl >= 2 && b1 == b0 + 1 && !self.is_sent_start(b1);
        [shift, reduce, arc, arc, brk]
    }

    fn push(&mut self) {
        let t = match self.rebuffer.pop() {
            Some(t) => t,
            None => {
                self.b_i += 1;
                (self.b_i - 1) as i32
            }
        };
        self.stack.push(t);
    }

    fn apply(&mut self, m: Move, label: u16) {
        match m {
            Move::Shift => self.push(),
            Move::Reduce => {
                let s0 = self.s(0);
                if let Ok(s) = usize::try_from(s0) {
                    if self.heads[s] < 0 && self.stack.len() > 1 {
                        // Headless token with material below it: put it
                        // back on the buffer instead of dropping it.
                        self.unshiftable[s] = true;
                        self.rebuffer.push(s0);
                    }
                }
                self.stack.pop();
            }
            Move::Left => {
                let (b0, s0) = (self.b(0), self.s(0));
                self.add_arc(b0, s0, label);
                if let Ok(b) = usize::try_from(b0) {
                    self.unshiftable[b] = false;
                }
                self.stack.pop();
            }
            Move::Right => {
                self.add_arc(self.s(0), self.b(0), label);
                self.push();
            }
            Move::Break => {
                if let Ok(b1) = usize::try_from(self.b(1)) {
                    self.sent_start[b1] = true;
                }
            }
        }
    }

    fn add_arc(&mut self, head: i32, child: i32, label: u16) {
        let (Ok(h), Ok(c)) = (usize::try_from(head), usize::try_from(child)) else {
            return;
        };
        if let Ok(old) = usize::try_from(self.heads[c]) {
            self.detach(old, c);
        }
        let top = if h > c {
            &mut self.left_top[h]
        } else {
            &mut self.right_top[h]
        };
        self.prev_sib[c] = *top;
        *top = child;
        self.heads[c] = head;
        self.labels[c] = label;
    }

    /// Removes `c` from the child list of `old`.
    fn detach(&mut self, old: usize, c: usize) {
        let next = self.prev_sib[c];
        let top = if old > c {
            &mut self.left_top[old]
        } else {
            &mut self.right_top[old]
        };
        if *top == c as i32 {
            *top = next;
        } else {
            let mut x = *top;
            while let Ok(xi) = usize::try_from(x) {
                if self.prev_sib[xi] == c as i32 {
                    self.prev_sib[xi] = next;
                    break;
                }
                x = self.prev_sib[xi];
            }
        }
        self.prev_sib[c] = -1;
    }
}

/// Sentence starts from the heads (spaCy `set_children_from_heads`, §7.4):
/// each root's left edge starts a sentence; token 0 always does.
pub fn sentence_starts(heads: &[usize]) -> Vec<bool> {
    let n = heads.len();
    let mut l_edge: Vec<usize> = (0..n).collect();
    let mut r_edge: Vec<usize> = (0..n).collect();
    for _ in 0..12 {
        for i in 0..n {
            let h = heads[i];
            l_edge[h] = l_edge[h].min(l_edge[i]);
            r_edge[h] = r_edge[h].max(r_edge[i]);
        }
        for i in (0..n).rev() {
            let h = heads[i];
            r_edge[h] = r_edge[h].max(r_edge[i]);
            l_edge[h] = l_edge[h].min(l_edge[i]);
        }
        if edges_consistent(heads, &l_edge) {
            break;
        }
    }
    let mut starts = vec![false; n];
    for (i, &h) in heads.iter().enumerate() {
        if h == i {
            starts[l_edge[i]] = true;
        }
    }
    if let Some(first) = starts.first_mut() {
        *first = true;
    }
    starts
}

/// The check of one `set_children_from_heads` pass: every sentence span
/// implied by the roots' left edges contains the heads of its tokens.
fn edges_consistent(heads: &[usize], l_edge: &[usize]) -> bool {
    let n = heads.len();
    let mut is_start = vec![false; n];
    for (i, &h) in heads.iter().enumerate() {
        if h == i {
            is_start[l_edge[i]] = true;
        }
    }
    let mut cur = 0;
    for (i, &start) in is_start.iter().enumerate() {
        if (i > 0 && start) || i == n - 1 {
            if (cur..i).any(|j| heads[j] < cur || heads[j] > i) {
                return false;
            }
            cur = i;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_starts_follow_root_left_edges() {
        // 0<-1 (root 1), 2 root with child 3
        let heads = [1, 1, 2, 2];
        assert_eq!(sentence_starts(&heads), vec![true, false, true, false]);
        assert_eq!(sentence_starts(&[0]), vec![true]);
    }

    #[test]
    fn reduce_unshifts_headless_tokens() {
        let mut st = State::new(3);
        st.apply(Move::Shift, 0);
        st.apply(Move::Shift, 0);
        assert_eq!(st.features()[..3], [2, -1, 1]);
        st.apply(Move::Reduce, 0);
        // token 1 went back to the buffer, unshiftable
        assert_eq!(st.b(0), 1);
        assert_eq!(st.b(1), 2);
        assert!(!st.valid_moves()[Move::Shift as usize]);
        st.apply(Move::Left, 5);
        assert_eq!(st.heads[0], 1);
        assert_eq!(st.left_child(1), 0);
        assert!(st.unshiftable.iter().all(|u| !u));
    }

    #[test]
    fn left_arc_replaces_an_earlier_right_arc() {
        let mut st = State::new(3);
        st.apply(Move::Shift, 0); // stack [0]
        st.apply(Move::Right, 1); // 0 -> 1, stack [0, 1]
        assert_eq!(st.right_child(0), 1);
        st.apply(Move::Left, 2); // 2 -> 1 replaces 0 -> 1
        assert_eq!(st.heads[1], 2);
        assert_eq!(st.right_child(0), -1);
        assert_eq!(st.left_child(2), 1);
    }

    #[test]
    fn break_blocks_arcs_into_the_next_sentence() {
        let mut st = State::new(3);
        st.apply(Move::Shift, 0);
        st.apply(Move::Break, 0); // B1 = 2 starts a sentence
        assert!(st.sent_start[2]);
        st.apply(Move::Right, 0); // 0 -> 1
        let v = st.valid_moves();
        assert!(!v[Move::Shift as usize] && !v[Move::Left as usize] && !v[Move::Right as usize]);
        assert!(v[Move::Reduce as usize]);
    }
}
