//! String ids as spaCy computes them: the fixed symbol table, then
//! MurmurHash64A (seed 1) of the UTF-8 bytes (spec §2.1, Appendix A).
//!
//! Owns the hashing and the symbol table only. The symbol table is data from
//! spaCy's source (`spacy/symbols.pyx`, MIT licence), shipped as
//! `data/symbols.json`; nothing here knows about tokens or models.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The id spaCy's `StringStore` gives `s`: 0 for "", the symbol id for one of
/// the 457 symbol names (exact case), otherwise MurmurHash64A with seed 1.
pub fn string_id(s: &str) -> u64 {
    if s.is_empty() {
        return 0;
    }
    match symbols().get(s) {
        Some(&id) => id,
        None => murmurhash64a(s.as_bytes(), 1),
    }
}

/// Austin Appleby's 64-bit MurmurHash2 ("MurmurHash64A"), little-endian reads.
pub fn murmurhash64a(data: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let mut h = seed ^ (data.len() as u64).wrapping_mul(M);
    let mut blocks = data.chunks_exact(8);
    for block in &mut blocks {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(block);
        let mut k = u64::from_le_bytes(bytes);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = blocks.remainder();
    if !tail.is_empty() {
        for (j, &b) in tail.iter().enumerate() {
            h ^= u64::from(b) << (8 * j);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

/// The symbol name → id map, parsed once from the embedded JSON.
fn symbols() -> &'static HashMap<String, u64> {
    static SYMBOLS: OnceLock<HashMap<String, u64>> = OnceLock::new();
    SYMBOLS.get_or_init(|| {
        // The file is part of the binary and checked by a unit test, so a
        // parse failure is a build defect, not an input error.
        serde_json::from_str(include_str!("data/symbols.json")).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_table_is_complete() {
        assert_eq!(symbols().len(), 457);
        assert_eq!(symbols().values().max(), Some(&456));
    }

    #[test]
    fn spec_test_vectors() {
        let cases: &[(&str, u64)] = &[
            ("Bonjour", 3517466432968360467),
            ("bonjour", 7526170219498500160),
            ("le", 13361843836202591494),
            ("l'", 11055277117081255759),
            ("aujourd'hui", 9478438274351682003),
            ("Xxxxx", 16072095006890171862),
            ("xxxx", 13110060611322374290),
            ("d", 8148669997605808657),
            ("é", 16256712947286012828),
            ("ent", 12182527387764416033),
            ("aux", 405),
            ("_", 456),
            ("NOUN", 92),
            ("", 0),
            ("  ", 12127836336259238092),
            ("\n", 962983613142996970),
            ("€", 7817016891017139529),
            ("Élysée", 15246259507242029199),
            ("aaaaaaaaaaaaaaaaa", 13224509032931785873),
        ];
        for &(s, id) in cases {
            assert_eq!(string_id(s), id, "id({s:?})");
        }
    }
}
