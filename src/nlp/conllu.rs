//! CoNLL-U output of annotated documents, byte-identical to the reference
//! script `tools/spacy_conllu.py`, and the token-level comparison of two
//! CoNLL-U texts that `tools/conllu_compare.py` performs.
//!
//! Owns the document-per-line splitting rule shared with the reference
//! (Python universal newlines, blank lines skipped), the writer and the
//! reader/comparer. It never runs the pipeline itself.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::doc::{Doc, EntIob};
use super::lexeme::is_space;

/// The documents of a text file as the reference reads them: lines split at
/// `\r\n`, `\r` or `\n` (Python's universal newlines), numbered from 1,
/// whitespace-only lines skipped. Returns (line number, line).
pub fn document_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut line_no = 0;
    let mut rest = text;
    loop {
        line_no += 1;
        let (line, next) = match rest.find(['\r', '\n']) {
            Some(i) => {
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..i], Some(&rest[i + skip..]))
            }
            None => (rest, None),
        };
        if !line.chars().all(is_space) {
            out.push((line_no, line));
        }
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    out
}

/// Appends one document in the reference CoNLL-U layout: whitespace tokens
/// left out, `# newdoc id`, `# text` per sentence, MISC `NER=` and
/// `SpaceAfter=No`, the root relation written `root`.
pub fn write_doc(out: &mut String, doc_id: &str, doc: &Doc) {
    let _ = writeln!(out, "# newdoc id = {doc_id}");
    for range in doc.sentences() {
        let words: Vec<usize> = range.clone().filter(|&i| !doc.tokens[i].is_space).collect();
        if words.is_empty() {
            continue;
        }
        let position: HashMap<usize, usize> = words.iter().enumerate().map(|(n, &i)| (i, n + 1)).collect();
        let _ = writeln!(out, "# text = {}", sentence_text(doc, range));
        for (n, &i) in words.iter().enumerate() {
            let t = &doc.tokens[i];
            let head = if t.head == i {
                0
            } else {
                position.get(&t.head).copied().unwrap_or(0)
            };
            let dep = if t.dep == "ROOT" { "root" } else { or_underscore(&t.dep) };
            let ner = match t.ent_iob {
                EntIob::O => "O".to_string(),
                EntIob::B => format!("B-{}", t.ent_type),
                EntIob::I => format!("I-{}", t.ent_type),
            };
            let space = if t.space_after { "" } else { "|SpaceAfter=No" };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\tNER={}{}",
                n + 1,
                t.text,
                or_underscore(&t.lemma),
                or_underscore(&t.pos),
                or_underscore(&t.tag),
                or_underscore(&t.morph),
                head,
                dep,
                ner,
                space
            );
        }
        out.push('\n');
    }
}

/// spaCy's `sent.text.strip()`: from the first token to the end of the
/// last, without surrounding whitespace.
fn sentence_text(doc: &Doc, range: std::ops::Range<usize>) -> String {
    let mut s = String::new();
    for i in range.clone() {
        let t = &doc.tokens[i];
        s.push_str(&t.text);
        if t.space_after && i + 1 < range.end {
            s.push(' ');
        }
    }
    s.trim_matches(is_space).to_string()
}

fn or_underscore(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

/// One token as the comparison reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareToken {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub feats: String,
    /// Absolute head index in the document, -1 for a root.
    pub head: i64,
    pub deprel: String,
    pub ner: String,
    pub sent_start: bool,
}

/// The columns compared, in report order.
pub const COLUMNS: [&str; 7] = ["upos", "lemma", "feats", "head", "deprel", "ner", "sents"];

/// Agreement between a reference and a candidate CoNLL-U.
#[derive(Debug, Clone, PartialEq)]
pub struct Parity {
    pub docs: usize,
    pub docs_with_same_tokens: usize,
    pub ref_tokens: usize,
    /// Share of reference tokens in documents whose token sequence is identical.
    pub tokens: f64,
    /// Agreement per column of [`COLUMNS`], over tokens of identical documents.
    pub columns: [f64; 7],
    /// The first differences, for the report.
    pub differences: Vec<String>,
}

impl std::fmt::Display for Parity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "docs={} docs_with_same_tokens={} ref_tokens={}",
            self.docs, self.docs_with_same_tokens, self.ref_tokens
        )?;
        write!(f, "parity: tokens={:.4}", self.tokens)?;
        for (name, value) in COLUMNS.iter().zip(self.columns) {
            write!(f, " {name}={value:.4}")?;
        }
        Ok(())
    }
}

/// Reads a CoNLL-U text into documents keyed by `# newdoc id`, in order.
pub fn read_conllu(text: &str) -> Vec<(String, Vec<CompareToken>)> {
    let mut docs: Vec<(String, Vec<CompareToken>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut current: Option<usize> = None;
    let mut rel_heads: Vec<Vec<i64>> = Vec::new();
    for line in text.split('\n') {
        if let Some(rest) = line.strip_prefix("# newdoc id") {
            let id = rest.split_once('=').map_or("", |(_, v)| v).trim().to_string();
            let slot = *index.entry(id.clone()).or_insert_with(|| {
                docs.push((id, Vec::new()));
                rel_heads.push(Vec::new());
                docs.len() - 1
            });
            current = Some(slot);
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 || cols[0].contains(['-', '.']) {
            continue;
        }
        let slot = *current.get_or_insert_with(|| {
            let id = "1".to_string();
            *index.entry(id.clone()).or_insert_with(|| {
                docs.push((id, Vec::new()));
                rel_heads.push(Vec::new());
                docs.len() - 1
            })
        });
        let misc_ner = cols[9].split('|').find_map(|kv| kv.strip_prefix("NER=")).unwrap_or("O");
        docs[slot].1.push(CompareToken {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            feats: cols[5].to_string(),
            head: 0,
            deprel: cols[7].to_string(),
            ner: misc_ner.to_string(),
            sent_start: cols[0] == "1",
        });
        rel_heads[slot].push(cols[6].parse::<i64>().unwrap_or(0));
    }
    for ((_, tokens), rels) in docs.iter_mut().zip(&rel_heads) {
        let mut base = 0i64;
        for (i, (t, &rel)) in tokens.iter_mut().zip(rels).enumerate() {
            if t.sent_start {
                base = i as i64;
            }
            t.head = if rel == 0 { -1 } else { base + rel - 1 };
        }
    }
    docs
}

/// Compares a candidate CoNLL-U with the reference, as `conllu_compare.py` does.
pub fn compare(reference: &str, candidate: &str, show: usize) -> Parity {
    let reference = read_conllu(reference);
    let candidate: HashMap<String, Vec<CompareToken>> = read_conllu(candidate).into_iter().collect();
    let mut agree = [0usize; 7];
    let (mut total, mut same_tokens, mut same_docs) = (0usize, 0usize, 0usize);
    let mut differences = Vec::new();
    for (id, rtoks) in &reference {
        total += rtoks.len();
        let ctoks = candidate.get(id);
        let forms_equal =
            ctoks.is_some_and(|c| c.len() == rtoks.len() && c.iter().zip(rtoks).all(|(a, b)| a.form == b.form));
        let Some(ctoks) = ctoks.filter(|_| forms_equal) else {
            if differences.len() < show {
                let join = |t: &[CompareToken]| t.iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" ");
                differences.push(format!(
                    "doc {id}: tokens differ\n  ref:  {}\n  cand: {}",
                    join(rtoks),
                    ctoks.map(|c| join(c)).unwrap_or_default()
                ));
            }
            continue;
        };
        same_docs += 1;
        same_tokens += rtoks.len();
        for (i, (r, c)) in rtoks.iter().zip(ctoks).enumerate() {
            let pairs = [
                (r.upos.clone(), c.upos.clone()),
                (r.lemma.clone(), c.lemma.clone()),
                (r.feats.clone(), c.feats.clone()),
                (r.head.to_string(), c.head.to_string()),
                (r.deprel.clone(), c.deprel.clone()),
                (r.ner.clone(), c.ner.clone()),
                (r.sent_start.to_string(), c.sent_start.to_string()),
            ];
            for (k, (a, b)) in pairs.iter().enumerate() {
                if a == b {
                    agree[k] += 1;
                } else if differences.len() < show {
                    differences.push(format!(
                        "doc {id} token {i} '{}': {} ref={a} cand={b}",
                        r.form, COLUMNS[k]
                    ));
                }
            }
        }
    }
    let denom = same_tokens.max(1) as f64;
    Parity {
        docs: reference.len(),
        docs_with_same_tokens: same_docs,
        ref_tokens: total,
        tokens: same_tokens as f64 / total.max(1) as f64,
        columns: agree.map(|n| n as f64 / denom),
        differences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Token;

    fn tok(text: &str, start: usize, space: bool, head: usize, dep: &str, sent_start: bool, iob: EntIob) -> Token {
        Token {
            text: text.into(),
            start,
            space_after: space,
            is_space: text.chars().all(is_space),
            lemma: text.to_lowercase(),
            pos: "NOUN".into(),
            tag: "NOUN".into(),
            morph: String::new(),
            head,
            dep: dep.into(),
            sent_start,
            ent_iob: iob,
            ent_type: if iob == EntIob::O { String::new() } else { "LOC".into() },
        }
    }

    #[test]
    fn lines_follow_python_universal_newlines() {
        let lines = document_lines("a\r\nb\rc\n\n  \nd");
        assert_eq!(lines, vec![(1, "a"), (2, "b"), (3, "c"), (6, "d")]);
        assert!(document_lines("").is_empty());
    }

    #[test]
    fn writes_reference_layout() {
        let doc = Doc {
            text: "Paris  brille.".into(),
            tokens: vec![
                tok("Paris", 0, true, 2, "nsubj", true, EntIob::B),
                tok(" ", 6, false, 0, "dep", false, EntIob::O),
                tok("brille", 7, false, 2, "ROOT", false, EntIob::O),
                tok(".", 13, false, 2, "punct", false, EntIob::O),
            ],
            entities: vec![],
        };
        let mut out = String::new();
        write_doc(&mut out, "3", &doc);
        let expected = "# newdoc id = 3\n# text = Paris  brille.\n\
            1\tParis\tparis\tNOUN\tNOUN\t_\t2\tnsubj\t_\tNER=B-LOC\n\
            2\tbrille\tbrille\tNOUN\tNOUN\t_\t0\troot\t_\tNER=O|SpaceAfter=No\n\
            3\t.\t.\tNOUN\tNOUN\t_\t2\tpunct\t_\tNER=O|SpaceAfter=No\n\n";
        assert_eq!(out, expected);
        let parity = compare(&out, &out, 5);
        assert_eq!(parity.tokens, 1.0);
        assert!(parity.columns.iter().all(|&c| c == 1.0));
        let changed = out.replace("\t2\tnsubj", "\t0\tnsubj");
        let parity = compare(&out, &changed, 5);
        assert!((parity.columns[3] - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(parity.differences.len(), 1);
    }
}
