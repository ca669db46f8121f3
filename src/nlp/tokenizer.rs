//! spaCy's rule-based tokenizer, read from a model folder's `tokenizer`
//! file and run exactly as spaCy 3.8 runs it (spec §3).
//!
//! Owns: loading the msgpack patterns and special cases, the whitespace
//! split, the prefix/suffix/infix affix loop, `token_match`/`url_match`, and
//! the special-case second pass. Produces [`RawToken`]s (byte ranges into
//! the input, trailing-space flag, NORM override); it computes no features
//! and knows nothing about the neural models.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use rmpv::Value;

use super::error::ModelError;
use super::lexeme::is_space;
use super::pyregex::{compile_fancy, compile_plain, Alternation, PatternError};

/// One token of the input: `text[start..end]` (bytes), whether one absorbed
/// `' '` follows it, and the special-case NORM if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawToken {
    pub start: usize,
    pub end: usize,
    pub spacy: bool,
    pub norm: Option<Arc<str>>,
}

/// A loaded tokenizer; cheap to share between threads.
#[derive(Debug)]
pub struct Tokenizer {
    prefix: Alternation,
    suffix: Alternation,
    infix: Alternation,
    token_match: Option<regex::Regex>,
    url_match: Option<fancy_regex::Regex>,
    specials: HashMap<String, Vec<SpecialToken>>,
    /// Second-pass patterns, indexed by their first token text.
    patterns: HashMap<String, Vec<Vec<String>>>,
    /// Tells this tokenizer's entries apart in the per-thread chunk cache.
    cache_id: u64,
}

/// Chunks (whitespace-delimited substrings) longer than this are split
/// afresh every time: long chunks rarely repeat, and this bounds the cache.
const CACHED_CHUNK_MAX_BYTES: usize = 48;
/// The per-thread chunk cache is emptied when it reaches this many entries.
const CACHED_CHUNKS_MAX: usize = 64 * 1024;

static NEXT_CACHE_ID: AtomicU64 = AtomicU64::new(0);

/// The tokens of recently seen chunks, with offsets relative to the chunk.
/// A chunk's tokens depend on nothing but its text (every pattern is run on
/// the chunk alone, so no look-behind sees past it), which is what makes
/// caching them exact; spaCy keeps the same kind of cache. Per thread, so
/// threads never wait for each other.
#[derive(Default)]
struct ChunkCache {
    owner: u64,
    tokens: HashMap<Box<str>, Box<[RawToken]>>,
}

thread_local! {
    static CHUNK_CACHE: RefCell<ChunkCache> = RefCell::new(ChunkCache::default());
}

#[derive(Debug, Clone)]
struct SpecialToken {
    /// Length in bytes of the token's ORTH.
    len: usize,
    norm: Option<Arc<str>>,
}

const ORTH: u64 = 65;
const NORM: u64 = 67;

impl Tokenizer {
    /// Reads `<model_dir>/tokenizer`.
    pub fn load(model_dir: &Path) -> Result<Tokenizer, ModelError> {
        let path = model_dir.join("tokenizer");
        let bytes = std::fs::read(&path).map_err(|source| ModelError::Io {
            path: path.clone(),
            source,
        })?;
        Tokenizer::from_msgpack(&bytes).map_err(|reason| ModelError::Format { path, reason })
    }

    /// Builds a tokenizer from the bytes of a `tokenizer` file.
    pub fn from_msgpack(bytes: &[u8]) -> Result<Tokenizer, String> {
        let value = rmpv::decode::read_value(&mut &bytes[..]).map_err(|e| format!("not msgpack: {e}"))?;
        let map = value.as_map().ok_or("top level is not a map")?;
        let field = |name: &str| map.iter().find(|(k, _)| k.as_str() == Some(name)).map(|(_, v)| v);
        let pattern = |name: &str| -> Result<Option<&str>, String> {
            match field(name) {
                None | Some(Value::Nil) => Ok(None),
                Some(v) => v.as_str().map(Some).ok_or_else(|| format!("`{name}` is not a string")),
            }
        };
        let ctx = |name: &'static str| move |e: PatternError| format!("`{name}` {e}");
        let alternation = |name: &'static str| -> Result<Alternation, String> {
            Alternation::new(pattern(name)?.unwrap_or("")).map_err(ctx(name))
        };
        let specials = match field("exceptions") {
            Some(v) => read_specials(v)?,
            None => HashMap::new(),
        };
        let mut tokenizer = Tokenizer {
            prefix: alternation("prefix_search")?,
            suffix: alternation("suffix_search")?,
            infix: alternation("infix_finditer")?,
            token_match: pattern("token_match")?
                .map(compile_plain)
                .transpose()
                .map_err(ctx("token_match"))?,
            url_match: pattern("url_match")?
                .map(compile_fancy)
                .transpose()
                .map_err(ctx("url_match"))?,
            specials,
            patterns: HashMap::new(),
            cache_id: NEXT_CACHE_ID.fetch_add(1, Ordering::Relaxed),
        };
        tokenizer.patterns = tokenizer.special_patterns();
        Ok(tokenizer)
    }

    /// Tokenizes `text` (spec §3.2–§3.4).
    pub fn tokenize(&self, text: &str) -> Vec<RawToken> {
        let mut tokens = self.first_pass(text, true);
        self.apply_special_patterns(text, &mut tokens);
        tokens
    }

    /// The whitespace split and chunk tokenization, with or without special cases.
    fn first_pass(&self, text: &str, with_special: bool) -> Vec<RawToken> {
        let mut tokens = Vec::new();
        let mut chars = text.char_indices();
        let Some((_, first)) = chars.next() else {
            return tokens;
        };
        let mut in_ws = is_space(first);
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if is_space(c) == in_ws {
                continue;
            }
            if start < i {
                self.tokenize_chunk(text, start, i, with_special, &mut tokens);
            }
            if c == ' ' {
                // The single ' ' that opens a space run belongs to the token before it.
                if let Some(last) = tokens.last_mut() {
                    last.spacy = true;
                }
                start = i + 1;
            } else {
                start = i;
            }
            in_ws = !in_ws;
        }
        if start < text.len() {
            self.tokenize_chunk(text, start, text.len(), with_special, &mut tokens);
            if let Some(last) = tokens.last_mut() {
                last.spacy = false;
            }
        }
        tokens
    }

    /// Tokenizes `text[start..end]`, appending to `out`; short chunks come
    /// from the per-thread cache when they were seen before.
    fn tokenize_chunk(&self, text: &str, start: usize, end: usize, with_special: bool, out: &mut Vec<RawToken>) {
        let chunk = &text[start..end];
        if !with_special || chunk.len() > CACHED_CHUNK_MAX_BYTES {
            self.split_chunk(text, start, end, with_special, out);
            return;
        }
        CHUNK_CACHE.with(|cell| {
            let mut cache = cell.borrow_mut();
            if cache.owner != self.cache_id || cache.tokens.len() >= CACHED_CHUNKS_MAX {
                cache.owner = self.cache_id;
                cache.tokens.clear();
            }
            if let Some(tokens) = cache.tokens.get(chunk) {
                out.extend(rebased(tokens, 0, start));
                return;
            }
            let first = out.len();
            self.split_chunk(text, start, end, with_special, out);
            let relative = rebased(&out[first..], start, 0).collect();
            cache.tokens.insert(chunk.into(), relative);
        });
    }

    /// Tokenizes `text[start..end]` (spec §3.3), appending to `out`.
    fn split_chunk(&self, text: &str, start: usize, end: usize, with_special: bool, out: &mut Vec<RawToken>) {
        let chunk = &text[start..end];
        if with_special {
            if let Some(special) = self.specials.get(chunk) {
                push_special(special, start, out);
                return;
            }
        }
        // `lo..hi` is the part of the chunk still to split.
        let (mut lo, mut hi) = (start, end);
        let mut prefixes: Vec<(usize, usize)> = Vec::new();
        let mut suffixes: Vec<(usize, usize)> = Vec::new();
        let mut last_len = usize::MAX;
        while lo < hi && hi - lo != last_len {
            let string = &text[lo..hi];
            if self.matches_token(string) || (with_special && self.specials.contains_key(string)) {
                break;
            }
            last_len = hi - lo;
            let pre = self
                .prefix
                .search(string)
                .map_or(0, |(s, e)| if s == 0 { e } else { 0 });
            if pre > 0 && with_special && pre < string.len() && self.specials.contains_key(&string[pre..]) {
                prefixes.push((lo, lo + pre));
                lo += pre;
                break;
            }
            let suf = self.suffix.search(&string[pre..]).map_or(0, |(s, e)| e - s);
            if suf > 0
                && with_special
                && suf < string.len()
                && self.specials.contains_key(&string[..string.len() - suf])
            {
                suffixes.push((hi - suf, hi));
                hi -= suf;
                break;
            }
            if pre > 0 && suf > 0 && pre + suf <= string.len() {
                prefixes.push((lo, lo + pre));
                suffixes.push((hi - suf, hi));
                lo += pre;
                hi -= suf;
            } else if pre > 0 {
                prefixes.push((lo, lo + pre));
                lo += pre;
            } else if suf > 0 {
                suffixes.push((hi - suf, hi));
                hi -= suf;
            }
        }
        out.extend(prefixes.iter().map(|&(s, e)| plain(s, e)));
        if lo < hi {
            self.attach_middle(text, lo, hi, with_special, out);
        }
        out.extend(suffixes.iter().rev().map(|&(s, e)| plain(s, e)));
    }

    /// Step 4 of §3.3: the part left between the prefixes and suffixes.
    fn attach_middle(&self, text: &str, lo: usize, hi: usize, with_special: bool, out: &mut Vec<RawToken>) {
        let string = &text[lo..hi];
        if with_special {
            if let Some(special) = self.specials.get(string) {
                push_special(special, lo, out);
                return;
            }
        }
        if self.matches_token(string) || self.matches_url(string) {
            out.push(plain(lo, hi));
            return;
        }
        let mut pos = 0;
        for (s, e) in self.infix.find_all(string) {
            if s == 0 {
                continue;
            }
            if s != pos {
                out.push(plain(lo + pos, lo + s));
            }
            if s != e {
                out.push(plain(lo + s, lo + e));
            }
            pos = e;
        }
        if pos < string.len() {
            out.push(plain(lo + pos, hi));
        }
    }

    fn matches_token(&self, s: &str) -> bool {
        self.token_match
            .as_ref()
            .is_some_and(|re| re.find(s).is_some_and(|m| m.start() == 0))
    }

    fn matches_url(&self, s: &str) -> bool {
        self.url_match
            .as_ref()
            .is_some_and(|re| re.find(s).ok().flatten().is_some_and(|m| m.start() == 0))
    }

    /// Setup of §3.4: the token-text sequence of every special-case key
    /// that the affix rules would split, keyed by first token text.
    fn special_patterns(&self) -> HashMap<String, Vec<Vec<String>>> {
        let keys: BTreeMap<&String, ()> = self.specials.keys().map(|k| (k, ())).collect();
        let mut patterns: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for key in keys.keys() {
            let splits = self.prefix.search(key).is_some()
                || !self.infix.find_all(key).is_empty()
                || self.suffix.search(key).is_some()
                || key.contains(' ');
            if !splits {
                continue;
            }
            let texts: Vec<String> = self
                .first_pass(key, false)
                .iter()
                .map(|t| key[t.start..t.end].to_string())
                .collect();
            if let Some(first) = texts.first() {
                patterns.entry(first.clone()).or_default().push(texts);
            }
        }
        patterns
    }

    /// The second pass of §3.4 over the first-pass tokens.
    fn apply_special_patterns(&self, text: &str, tokens: &mut Vec<RawToken>) {
        if self.patterns.is_empty() || tokens.is_empty() {
            return;
        }
        let token_text = |t: &RawToken| &text[t.start..t.end];
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for i in 0..tokens.len() {
            let Some(candidates) = self.patterns.get(token_text(&tokens[i])) else {
                continue;
            };
            for pattern in candidates {
                let end = i + pattern.len();
                if end <= tokens.len() && pattern.iter().zip(&tokens[i..end]).all(|(p, t)| p == token_text(t)) {
                    spans.push((i, end));
                }
            }
        }
        if spans.is_empty() {
            return;
        }
        spans.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut seen: HashSet<usize> = HashSet::new();
        let mut kept = Vec::new();
        for &(s, e) in &spans {
            if !seen.contains(&s) && !seen.contains(&(e - 1)) {
                kept.push((s, e));
            }
            seen.extend(s..e);
        }
        kept.sort_unstable();
        kept.dedup();
        let mut result = Vec::with_capacity(tokens.len());
        let mut next = 0;
        for (s, e) in kept {
            result.extend_from_slice(&tokens[next..s]);
            next = e;
            let surface = span_surface(text, &tokens[s..e]);
            match self.specials.get(&surface) {
                Some(special) => {
                    let mark = result.len();
                    push_special(special, tokens[s].start, &mut result);
                    if let Some(last) = result[mark..].last_mut() {
                        last.spacy = tokens[e - 1].spacy;
                    }
                }
                _ => result.extend_from_slice(&tokens[s..e]),
            }
        }
        result.extend_from_slice(&tokens[next..]);
        *tokens = result;
    }
}

/// The span's text as spaCy rebuilds it: token texts, each followed by one
/// space when its flag is set, except the last.
fn span_surface(text: &str, span: &[RawToken]) -> String {
    let mut s = String::new();
    for (k, t) in span.iter().enumerate() {
        s.push_str(&text[t.start..t.end]);
        if t.spacy && k + 1 < span.len() {
            s.push(' ');
        }
    }
    s
}

/// `tokens` with offsets counted from `to` instead of `from`.
fn rebased(tokens: &[RawToken], from: usize, to: usize) -> impl Iterator<Item = RawToken> + '_ {
    tokens.iter().map(move |t| RawToken {
        start: t.start - from + to,
        end: t.end - from + to,
        ..t.clone()
    })
}

fn plain(start: usize, end: usize) -> RawToken {
    RawToken {
        start,
        end,
        spacy: false,
        norm: None,
    }
}

fn push_special(special: &[SpecialToken], start: usize, out: &mut Vec<RawToken>) {
    let mut pos = start;
    for t in special {
        out.push(RawToken {
            start: pos,
            end: pos + t.len,
            spacy: false,
            norm: t.norm.clone(),
        });
        pos += t.len;
    }
}

/// Reads the `exceptions` map: chunk → `[{65: ORTH, 67: NORM?}, …]`.
fn read_specials(value: &Value) -> Result<HashMap<String, Vec<SpecialToken>>, String> {
    let map = value.as_map().ok_or("`exceptions` is not a map")?;
    let mut specials = HashMap::with_capacity(map.len());
    for (key, tokens) in map {
        let key = key.as_str().ok_or("an `exceptions` key is not a string")?;
        let tokens = tokens
            .as_array()
            .ok_or_else(|| format!("exception {key:?} is not an array"))?;
        let mut parsed = Vec::with_capacity(tokens.len());
        let mut joined = String::new();
        for token in tokens {
            let attrs = token
                .as_map()
                .ok_or_else(|| format!("exception {key:?}: token is not a map"))?;
            let attr = |id: u64| {
                attrs
                    .iter()
                    .find(|(k, _)| k.as_u64() == Some(id))
                    .and_then(|(_, v)| v.as_str())
            };
            let orth = attr(ORTH).ok_or_else(|| format!("exception {key:?}: token without ORTH"))?;
            joined.push_str(orth);
            parsed.push(SpecialToken {
                len: orth.len(),
                norm: attr(NORM).map(Arc::from),
            });
        }
        // Tokens are byte ranges of the input, so their texts must spell the key.
        if joined != key {
            return Err(format!("exception {key:?}: token texts spell {joined:?}"));
        }
        specials.insert(key.to_string(), parsed);
    }
    Ok(specials)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small tokenizer in the model's format, for rules that need no model.
    fn tiny() -> Tokenizer {
        tiny_with_suffixes(r"»$|\.$|,$")
    }

    fn tiny_with_suffixes(suffix_search: &str) -> Tokenizer {
        let exceptions = Value::Map(vec![
            (Value::from("aujourd'hui"), Value::Array(vec![tok("aujourd'hui", None)])),
            (Value::from("\u{a0}"), Value::Array(vec![tok("\u{a0}", Some("  "))])),
            (Value::from("M."), Value::Array(vec![tok("M.", None)])),
        ]);
        let map = Value::Map(vec![
            (Value::from("prefix_search"), Value::from(r"^«|^(?:[dl]['’])(?=[a-z])")),
            (Value::from("suffix_search"), Value::from(suffix_search)),
            (Value::from("infix_finditer"), Value::from(r"(?<=[a-z]['’])(?=[a-z])|-")),
            (Value::from("token_match"), Value::from(r"(?i)(?:^peut-être$)")),
            (Value::from("url_match"), Value::from(r"^www\.\S+$")),
            (Value::from("exceptions"), exceptions),
        ]);
        let mut bytes = Vec::new();
        rmpv::encode::write_value(&mut bytes, &map).unwrap();
        Tokenizer::from_msgpack(&bytes).unwrap()
    }

    fn tok(orth: &str, norm: Option<&str>) -> Value {
        let mut attrs = vec![(Value::from(ORTH), Value::from(orth))];
        if let Some(n) = norm {
            attrs.push((Value::from(NORM), Value::from(n)));
        }
        Value::Map(attrs)
    }

    fn texts(t: &Tokenizer, s: &str) -> Vec<String> {
        t.tokenize(s)
            .iter()
            .map(|r| format!("{}{}", &s[r.start..r.end], if r.spacy { "_" } else { "" }))
            .collect()
    }

    #[test]
    fn whitespace_rules() {
        let t = tiny();
        assert_eq!(texts(&t, "a b"), ["a_", "b"]);
        assert_eq!(texts(&t, "a  b"), ["a_", " ", "b"]);
        assert_eq!(texts(&t, "a\nb"), ["a", "\n", "b"]);
        assert_eq!(texts(&t, " a "), [" ", "a_"]);
        assert!(t.tokenize("").is_empty());
    }

    #[test]
    fn affixes_infixes_and_specials() {
        let t = tiny();
        assert_eq!(texts(&t, "«l'homme»,"), ["«", "l'", "homme", "»", ","]);
        assert_eq!(texts(&t, "qu'il peut-être"), ["qu'", "il_", "peut-être"]);
        assert_eq!(texts(&t, "M. www.ex.fr."), ["M._", "www.ex.fr", "."]);
        let nbsp = t.tokenize("a\u{a0}b");
        assert_eq!(nbsp[1].norm.as_deref(), Some("  "));
    }

    #[test]
    fn second_pass_rejoins_split_specials() {
        let t = tiny();
        assert_eq!(texts(&t, "jusqu'aujourd'hui"), ["jusqu'", "aujourd'hui"]);
        assert_eq!(texts(&t, "aujourd' hui"), ["aujourd'_", "hui"]);
    }

    #[test]
    fn cached_chunks_are_exact_and_stay_with_their_tokenizer() {
        let t = tiny();
        let text = "«l'homme», l'homme, M. l'homme» l'homme,";
        let first = t.tokenize(text);
        assert_eq!(t.tokenize(text), first);
        assert_eq!(texts(&t, "x l'homme,"), ["x_", "l'", "homme", ","]);
        let no_comma = tiny_with_suffixes(r"»$");
        assert_eq!(texts(&no_comma, "l'homme,"), ["l'", "homme,"]);
        assert_eq!(texts(&t, "l'homme,"), ["l'", "homme", ","]);
        assert_eq!(texts(&no_comma, "l'homme,"), ["l'", "homme,"]);
    }
}
