//! Reading spaCy/thinc model files (spec §1): thinc `model` msgpack files
//! with msgpack-numpy arrays, `.npy` vector tables, the msgpack `key2row`
//! map, `moves` files and JSON `cfg` files.
//!
//! Owns file decoding and shape checks only; what the layers mean is decided
//! by the modules that consume a [`ThincModel`]. Never touches the tokenizer
//! or lemmatizer files.

use std::path::{Path, PathBuf};

use rmpv::ValueRef;

use crate::ModelError;

/// A float32 array in C order.
#[derive(Debug, Clone, PartialEq)]
pub struct Array {
    pub shape: Vec<usize>,
    pub data: Vec<f32>,
}

/// One node of a thinc model file: its name, decoded attrs and params.
#[derive(Debug, Clone)]
pub struct Node {
    pub name: String,
    /// Named references to other nodes (`refs`), e.g. `upper` → 3.
    pub refs: Vec<(String, usize)>,
    pub attrs: Vec<(String, Attr)>,
    pub params: Vec<(String, Array)>,
}

/// The attr values this crate understands (thinc stores each as its own
/// msgpack document).
#[derive(Debug, Clone, PartialEq)]
pub enum Attr {
    Int(i64),
    Bool(bool),
    Str(String),
    StrList(Vec<String>),
    Other,
}

/// A thinc model file: its nodes in `Model.walk()` order.
#[derive(Debug, Clone)]
pub struct ThincModel {
    pub path: PathBuf,
    pub nodes: Vec<Node>,
}

/// Sorted vector keys (ORTH ids) and the row each maps to.
#[derive(Debug, Clone, Default)]
pub struct Key2Row {
    keys: Vec<u64>,
    rows: Vec<u32>,
}

impl Key2Row {
    /// The vector row of `key`, if the table has one.
    pub fn get(&self, key: u64) -> Option<usize> {
        self.keys.binary_search(&key).ok().map(|i| self.rows[i] as usize)
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

impl Node {
    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// The node index this node refers to as `name`.
    pub fn reference(&self, name: &str) -> Option<usize> {
        self.refs.iter().find(|(k, _)| k == name).map(|(_, v)| *v)
    }

    pub fn attr_int(&self, name: &str) -> Option<i64> {
        match self.attr(name) {
            Some(Attr::Int(v)) => Some(*v),
            _ => None,
        }
    }

    pub fn param(&self, name: &str) -> Option<&Array> {
        self.params.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }
}

impl ThincModel {
    /// Decodes a thinc model file (spec §1.2).
    pub fn load(path: &Path) -> Result<ThincModel, ModelError> {
        let bytes = read_bytes(path)?;
        let bad = |reason: String| format_err(path, reason);
        let root = read_value(path, &bytes)?;
        let nodes = map_get(&root, "nodes")
            .and_then(as_array)
            .ok_or_else(|| bad("no `nodes` array".into()))?;
        let attrs = map_get(&root, "attrs")
            .and_then(as_array)
            .ok_or_else(|| bad("no `attrs` array".into()))?;
        let params = map_get(&root, "params")
            .and_then(as_array)
            .ok_or_else(|| bad("no `params` array".into()))?;
        if nodes.len() != attrs.len() || nodes.len() != params.len() {
            return Err(bad(format!(
                "nodes/attrs/params have different lengths ({}/{}/{})",
                nodes.len(),
                attrs.len(),
                params.len()
            )));
        }
        let mut out = Vec::with_capacity(nodes.len());
        for (i, ((node, attr), param)) in nodes.iter().zip(attrs).zip(params).enumerate() {
            let name = map_get(node, "name")
                .and_then(as_str)
                .ok_or_else(|| bad(format!("node {i} has no name")))?
                .to_string();
            let refs = map_get(node, "refs")
                .and_then(as_map)
                .map(|m| {
                    m.iter()
                        .filter_map(|(k, v)| match v {
                            ValueRef::Integer(i) => Some((as_str(k)?.to_string(), i.as_u64()? as usize)),
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            let attrs = decode_attrs(path, i, attr)?;
            let params = decode_params(path, i, param)?;
            out.push(Node {
                name,
                refs,
                attrs,
                params,
            });
        }
        let model = ThincModel {
            path: path.to_path_buf(),
            nodes: out,
        };
        super::config::check_layers(&model)?;
        Ok(model)
    }

    /// Indices of the nodes called exactly `name`, in file order.
    pub fn find(&self, name: &str) -> Vec<usize> {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.name == name)
            .map(|(i, _)| i)
            .collect()
    }

    /// Parameter `param` of node `node`, checked to have `ndim` dimensions.
    pub fn param(&self, node: usize, param: &str, ndim: usize) -> Result<&Array, ModelError> {
        let n = self
            .nodes
            .get(node)
            .ok_or_else(|| format_err(&self.path, format!("no node {node}")))?;
        let a = n.param(param).ok_or_else(|| {
            format_err(
                &self.path,
                format!("node {node} (`{}`) has no parameter `{param}`", n.name),
            )
        })?;
        if a.shape.len() != ndim {
            return Err(format_err(
                &self.path,
                format!(
                    "node {node} (`{}`) parameter `{param}` has shape {:?}, expected {ndim} dimensions",
                    n.name, a.shape
                ),
            ));
        }
        Ok(a)
    }

    /// Every elementary layer name (nodes that are not combinators).
    pub fn leaf_names(&self) -> impl Iterator<Item = &str> {
        self.nodes
            .iter()
            .map(|n| n.name.as_str())
            .filter(|n| !n.contains(">>") && !n.contains('|') && !n.contains('('))
    }
}

/// Loads a `.npy` float32 array (NumPy format 1.0/2.0, C order, `<f4`).
pub fn load_npy(path: &Path) -> Result<Array, ModelError> {
    let bytes = read_bytes(path)?;
    let bad = |reason: &str| format_err(path, format!("not a float32 .npy file: {reason}"));
    if bytes.len() < 10 || &bytes[..6] != b"\x93NUMPY" {
        return Err(bad("missing \\x93NUMPY magic"));
    }
    let (header_len, header_start) = match bytes[6] {
        1 => (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10),
        2 | 3 if bytes.len() >= 12 => (
            u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize,
            12,
        ),
        v => return Err(format_err(path, format!("unsupported .npy version {v}"))),
    };
    let header = bytes
        .get(header_start..header_start + header_len)
        .and_then(|h| std::str::from_utf8(h).ok())
        .ok_or_else(|| bad("truncated header"))?;
    if !header.contains("'<f4'") {
        return Err(bad("dtype is not '<f4'"));
    }
    if header.contains("'fortran_order': True") {
        return Err(bad("Fortran order is not supported"));
    }
    let shape_src = header
        .split("'shape':")
        .nth(1)
        .and_then(|s| s.split(')').next())
        .map(|s| s.trim().trim_start_matches('('))
        .ok_or_else(|| bad("no shape in header"))?;
    let shape: Vec<usize> = shape_src
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<usize>().map_err(|_| bad("bad shape")))
        .collect::<Result<_, _>>()?;
    let data =
        f32_from_le(&bytes[header_start + header_len..]).ok_or_else(|| bad("data is not a whole number of floats"))?;
    check_len(path, &shape, data.len())?;
    Ok(Array { shape, data })
}

/// Loads `vocab/key2row`: a msgpack map from u64 key to vector row (spec §1).
pub fn load_key2row(path: &Path) -> Result<Key2Row, ModelError> {
    let bytes = read_bytes(path)?;
    let bad = |reason: String| format_err(path, reason);
    let mut rd: &[u8] = &bytes;
    let len = rmp::decode::read_map_len(&mut rd).map_err(|e| bad(format!("expected a msgpack map: {e}")))?;
    let mut pairs = Vec::with_capacity(len as usize);
    for i in 0..len {
        let key: u64 = rmp::decode::read_int(&mut rd).map_err(|e| bad(format!("entry {i}: bad key: {e}")))?;
        let row: u32 = rmp::decode::read_int(&mut rd).map_err(|e| bad(format!("entry {i}: bad row: {e}")))?;
        pairs.push((key, row));
    }
    pairs.sort_unstable_by_key(|p| p.0);
    Ok(Key2Row {
        keys: pairs.iter().map(|p| p.0).collect(),
        rows: pairs.iter().map(|p| p.1).collect(),
    })
}

/// Loads a `moves` file: the JSON string of action id → {label: frequency}.
pub fn load_moves_json(path: &Path) -> Result<String, ModelError> {
    let bytes = read_bytes(path)?;
    let root = read_value(path, &bytes)?;
    map_get(&root, "moves")
        .and_then(as_str)
        .map(str::to_string)
        .ok_or_else(|| format_err(path, "no `moves` string".into()))
}

/// Reads a whole file, naming it on failure.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ModelError> {
    std::fs::read(path).map_err(|source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// A `ModelError::Format` naming `path`.
pub fn format_err(path: &Path, reason: String) -> ModelError {
    ModelError::Format {
        path: path.to_path_buf(),
        reason,
    }
}

fn read_value<'a>(path: &Path, bytes: &'a [u8]) -> Result<ValueRef<'a>, ModelError> {
    let mut rd: &[u8] = bytes;
    rmpv::decode::read_value_ref(&mut rd).map_err(|e| format_err(path, format!("invalid msgpack: {e}")))
}

fn decode_attrs(path: &Path, node: usize, v: &ValueRef) -> Result<Vec<(String, Attr)>, ModelError> {
    let map = as_map(v).ok_or_else(|| format_err(path, format!("attrs of node {node} is not a map")))?;
    let mut out = Vec::with_capacity(map.len());
    for (k, v) in map {
        let Some(key) = as_str(k) else { continue };
        // Each attr value is itself a msgpack document stored as bin.
        let inner = match v {
            ValueRef::Binary(b) => read_value(path, b)?,
            other => other.clone(),
        };
        out.push((key.to_string(), to_attr(&inner)));
    }
    Ok(out)
}

fn to_attr(v: &ValueRef) -> Attr {
    match v {
        ValueRef::Integer(i) => i.as_i64().map(Attr::Int).unwrap_or(Attr::Other),
        ValueRef::Boolean(b) => Attr::Bool(*b),
        ValueRef::String(_) | ValueRef::Binary(_) => text_of(v).map(Attr::Str).unwrap_or(Attr::Other),
        ValueRef::Array(items) => items
            .iter()
            .map(text_of)
            .collect::<Option<Vec<_>>>()
            .map(Attr::StrList)
            .unwrap_or(Attr::Other),
        _ => Attr::Other,
    }
}

/// A str, or a bin holding UTF-8 (thinc writes some strings as bytes).
fn text_of(v: &ValueRef) -> Option<String> {
    match v {
        ValueRef::String(s) => s.as_str().map(str::to_string),
        ValueRef::Binary(b) => std::str::from_utf8(b).ok().map(str::to_string),
        _ => None,
    }
}

fn decode_params(path: &Path, node: usize, v: &ValueRef) -> Result<Vec<(String, Array)>, ModelError> {
    let map = as_map(v).ok_or_else(|| format_err(path, format!("params of node {node} is not a map")))?;
    let mut out = Vec::with_capacity(map.len());
    for (k, v) in map {
        let Some(key) = as_str(k) else { continue };
        if matches!(v, ValueRef::Nil) {
            continue;
        }
        let arr = decode_ndarray(path, v)
            .map_err(|reason| format_err(path, format!("node {node} parameter `{key}`: {reason}")))?;
        out.push((key.to_string(), arr));
    }
    Ok(out)
}

/// msgpack-numpy array: a map with bin keys nd/type/kind/shape/data (§1.1).
fn decode_ndarray(path: &Path, v: &ValueRef) -> Result<Array, String> {
    let map = as_map(v).ok_or("not an array map")?;
    let field = |name: &[u8]| {
        map.iter()
            .find(|(k, _)| match k {
                ValueRef::Binary(b) => *b == name,
                ValueRef::String(s) => s.as_bytes() == name,
                _ => false,
            })
            .map(|(_, v)| v)
    };
    let dtype = field(b"type").and_then(text_of).ok_or("no dtype")?;
    if dtype != "<f4" {
        return Err(format!("dtype `{dtype}` is not float32 (`<f4`)"));
    }
    let shape: Vec<usize> = field(b"shape")
        .and_then(as_array)
        .ok_or("no shape")?
        .iter()
        .map(|d| match d {
            ValueRef::Integer(i) => i.as_u64().map(|u| u as usize),
            _ => None,
        })
        .collect::<Option<_>>()
        .ok_or("bad shape")?;
    let data = match field(b"data") {
        Some(ValueRef::Binary(b)) => f32_from_le(b).ok_or("data is not a whole number of floats")?,
        _ => return Err("no data".into()),
    };
    check_len(path, &shape, data.len()).map_err(|e| e.to_string())?;
    Ok(Array { shape, data })
}

fn check_len(path: &Path, shape: &[usize], len: usize) -> Result<(), ModelError> {
    let want: usize = shape.iter().product();
    if want != len {
        return Err(format_err(path, format!("array of shape {shape:?} holds {len} values")));
    }
    Ok(())
}

fn f32_from_le(b: &[u8]) -> Option<Vec<f32>> {
    if b.len() % 4 != 0 {
        return None;
    }
    Some(
        b.chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect(),
    )
}

fn map_get<'v, 'a>(v: &'v ValueRef<'a>, key: &str) -> Option<&'v ValueRef<'a>> {
    as_map(v)?.iter().find(|(k, _)| as_str(k) == Some(key)).map(|(_, v)| v)
}

fn as_map<'v, 'a>(v: &'v ValueRef<'a>) -> Option<&'v [(ValueRef<'a>, ValueRef<'a>)]> {
    match v {
        ValueRef::Map(m) => Some(m),
        _ => None,
    }
}

fn as_array<'v, 'a>(v: &'v ValueRef<'a>) -> Option<&'v [ValueRef<'a>]> {
    match v {
        ValueRef::Array(a) => Some(a),
        _ => None,
    }
}

fn as_str<'v>(v: &'v ValueRef) -> Option<&'v str> {
    match v {
        ValueRef::String(s) => s.as_str(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn npy_bytes(header: &str, data: &[f32]) -> Vec<u8> {
        let mut out = b"\x93NUMPY\x01\x00".to_vec();
        out.extend_from_slice(&(header.len() as u16).to_le_bytes());
        out.extend_from_slice(header.as_bytes());
        for f in data {
            out.extend_from_slice(&f.to_le_bytes());
        }
        out
    }

    #[test]
    fn reads_npy_shape_and_data() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("v.npy");
        let header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }          \n";
        std::fs::write(&p, npy_bytes(header, &[1., 2., 3., 4., 5., 6.])).expect("write");
        let a = load_npy(&p).expect("load");
        assert_eq!(a.shape, vec![2, 3]);
        assert_eq!(a.data[4], 5.0);
    }

    #[test]
    fn rejects_wrong_dtype_and_truncation() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("v.npy");
        std::fs::write(
            &p,
            npy_bytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n", &[1., 2.]),
        )
        .expect("write");
        assert!(matches!(load_npy(&p), Err(ModelError::Format { .. })));
        std::fs::write(
            &p,
            npy_bytes("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }\n", &[1., 2.]),
        )
        .expect("write");
        let err = load_npy(&p).expect_err("short data").to_string();
        assert!(err.contains("v.npy"), "{err}");
    }

    #[test]
    fn reads_key2row_map() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("key2row");
        let mut buf = Vec::new();
        rmp::encode::write_map_len(&mut buf, 3).expect("enc");
        for (k, v) in [(u64::MAX, 7u64), (5, 1), (405, 0)] {
            rmp::encode::write_uint(&mut buf, k).expect("enc");
            rmp::encode::write_uint(&mut buf, v).expect("enc");
        }
        std::fs::write(&p, buf).expect("write");
        let k = load_key2row(&p).expect("load");
        assert_eq!(k.len(), 3);
        assert_eq!(k.get(u64::MAX), Some(7));
        assert_eq!(k.get(405), Some(0));
        assert_eq!(k.get(6), None);
    }

    #[test]
    fn missing_file_names_the_path() {
        let err = ThincModel::load(Path::new("/nonexistent/model")).expect_err("missing");
        assert!(err.to_string().contains("/nonexistent/model"));
    }
}
