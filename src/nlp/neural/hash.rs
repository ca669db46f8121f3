//! Row hashing for thinc's `HashEmbed` (spec §2.2): MurmurHash3_x64_128 of
//! the 8 little-endian bytes of a 64-bit feature id, split into four u32
//! words that each select one embedding row.
//!
//! Owns only this arithmetic; string ids (MurmurHash64A, symbols) belong to
//! the tokenizer side (`crate::strings`). Implemented here rather than
//! through a MurmurHash3 crate because the input is always exactly one 8-byte
//! block: the specialised form is branch-free, infallible (the crates take an
//! `io::Read` and return `io::Result`) and runs for every token and column.

/// The four 32-bit words of MurmurHash3_x64_128(`key` as 8 LE bytes, `seed`),
/// in thinc's order: low/high word of h1, then low/high word of h2.
pub fn hash_words(key: u64, seed: u32) -> [u32; 4] {
    const C1: u64 = 0x87c3_7b91_1142_53d5;
    const C2: u64 = 0x4cf5_ad43_2745_937f;
    const LEN: u64 = 8;
    let seed = u64::from(seed);
    // The single block is a "tail" block in MurmurHash3 (len & 15 == 8):
    // only k1 is mixed, and only into h1.
    let k1 = key.wrapping_mul(C1).rotate_left(31).wrapping_mul(C2);
    let mut h1 = seed ^ k1 ^ LEN;
    let mut h2 = seed ^ LEN;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    [h1 as u32, (h1 >> 32) as u32, h2 as u32, (h2 >> 32) as u32]
}

/// The four embedding rows of `key` in a table of `n_rows` rows.
pub fn hash_rows(key: u64, seed: u32, n_rows: u32) -> [usize; 4] {
    hash_words(key, seed).map(|w| (w % n_rows) as usize)
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    // Test vectors from spec §2.3, cross-checked there against thinc.
    #[test]
    fn matches_thinc_test_vectors() {
        assert_eq!(hash_words(0, 8), [0, 0, 0, 0]);
        assert_eq!(hash_words(1, 12), [2938686206, 2291508213, 2246688320, 3554967022]);
        assert_eq!(hash_words(405, 9), [3109551747, 2440326901, 4171335745, 3130492179]);
        assert_eq!(
            hash_words(13361843836202591494, 8),
            [636765490, 476316241, 3102631883, 714474361]
        );
        assert_eq!(
            hash_words(16072095006890171862, 11),
            [2175308214, 2713780447, 2256594463, 3188286109]
        );
        assert_eq!(
            hash_words(u64::MAX, 13),
            [3199409384, 1062937581, 752279700, 3061442444]
        );
    }

    #[test]
    fn rows_are_words_modulo_table_size() {
        let words = hash_words(405, 9);
        let rows = hash_rows(405, 9, 1000);
        for (w, r) in words.iter().zip(rows) {
            assert_eq!((*w % 1000) as usize, r);
        }
    }
}
