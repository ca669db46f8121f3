//! spaCy's French rule lemmatizer (`mode = "rule"`, spec §9), reading the
//! four lookup tables of `lemmatizer/lookups/lookups.bin`.
//!
//! Owns table loading and the lemma of one (text, POS) pair. It runs after
//! the attribute ruler and must see the final POS; it does not touch any
//! other annotation.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rmpv::Value;

use super::error::ModelError;
use super::lexeme::{lower, str_is_alpha};
use super::strings::string_id;

/// The lookup tables, keyed by spaCy string ids as in the file.
#[derive(Debug, Default)]
pub struct Lemmatizer {
    lookup: HashMap<u64, String>,
    index: HashMap<u64, HashSet<String>>,
    exc: HashMap<u64, HashMap<String, Vec<String>>>,
    rules: HashMap<u64, Vec<(String, String)>>,
}

/// POS values handled by the rules; the others use the lookup table.
const RULE_POS: [&str; 11] = [
    "noun", "verb", "adj", "adp", "adv", "aux", "cconj", "det", "pron", "punct", "sconj",
];

impl Lemmatizer {
    /// Reads `<model_dir>/lemmatizer/lookups/lookups.bin`.
    pub fn load(model_dir: &Path) -> Result<Lemmatizer, ModelError> {
        let path = model_dir.join("lemmatizer").join("lookups").join("lookups.bin");
        let bytes = std::fs::read(&path).map_err(|source| ModelError::Io {
            path: path.clone(),
            source,
        })?;
        Lemmatizer::from_msgpack(&bytes).map_err(|reason| ModelError::Format { path, reason })
    }

    /// Builds the lemmatizer from the bytes of a `lookups.bin` file.
    pub fn from_msgpack(bytes: &[u8]) -> Result<Lemmatizer, String> {
        let value = rmpv::decode::read_value(&mut &bytes[..]).map_err(|e| format!("not msgpack: {e}"))?;
        let tables = value.as_map().ok_or("top level is not a map")?;
        let table = |name: &str| tables.iter().find(|(k, _)| k.as_str() == Some(name)).map(|(_, v)| v);
        let mut lem = Lemmatizer::default();
        if let Some(t) = table("lemma_lookup") {
            for (k, v) in entries(t, "lemma_lookup")? {
                let first = v.as_array().and_then(|a| a.first()).and_then(Value::as_str);
                let lemma = first
                    .or_else(|| v.as_str())
                    .ok_or("lemma_lookup: value is not a string list")?;
                lem.lookup.insert(k, lemma.to_string());
            }
        }
        if let Some(t) = table("lemma_index") {
            for (k, v) in entries(t, "lemma_index")? {
                lem.index.insert(
                    k,
                    strings(v)
                        .ok_or("lemma_index: value is not a string list")?
                        .into_iter()
                        .collect(),
                );
            }
        }
        if let Some(t) = table("lemma_exc") {
            for (k, v) in entries(t, "lemma_exc")? {
                let forms = v.as_map().ok_or("lemma_exc: value is not a map")?;
                let mut map = HashMap::with_capacity(forms.len());
                for (form, lemmas) in forms {
                    let form = form.as_str().ok_or("lemma_exc: form is not a string")?;
                    map.insert(
                        form.to_string(),
                        strings(lemmas).ok_or("lemma_exc: lemmas are not strings")?,
                    );
                }
                lem.exc.insert(k, map);
            }
        }
        if let Some(t) = table("lemma_rules") {
            for (k, v) in entries(t, "lemma_rules")? {
                let pairs = v.as_array().ok_or("lemma_rules: value is not an array")?;
                let mut rules = Vec::with_capacity(pairs.len());
                for pair in pairs {
                    match strings(pair).as_deref() {
                        Some([old, new]) => rules.push((old.clone(), new.clone())),
                        _ => return Err("lemma_rules: a rule is not a [old, new] pair".into()),
                    }
                }
                lem.rules.insert(k, rules);
            }
        }
        Ok(lem)
    }

    /// The lemma of `text` with the final universal POS `pos` (spec §9).
    pub fn lemmatize(&self, text: &str, pos: &str) -> String {
        let upos = lower(pos);
        if upos.is_empty() || upos == "eol" || upos == "space" {
            return lower(text);
        }
        if !RULE_POS.contains(&upos.as_str()) {
            // Lookup mode keys on the original, case-sensitive text.
            return self
                .lookup
                .get(&string_id(text))
                .cloned()
                .unwrap_or_else(|| text.to_string());
        }
        let s = lower(text);
        let pos_id = string_id(&upos);
        let index = self.index.get(&pos_id);
        let in_index = |form: &str| index.is_some_and(|set| set.contains(form));
        if in_index(&s) {
            return s;
        }
        if let Some(first) = self
            .exc
            .get(&pos_id)
            .and_then(|m| m.get(&s))
            .and_then(|forms| forms.first())
        {
            return first.clone();
        }
        let mut oov: Option<String> = None;
        for (old, new) in self.rules.get(&pos_id).map(Vec::as_slice).unwrap_or_default() {
            if let Some(stem) = s.strip_suffix(old.as_str()) {
                let form = format!("{stem}{new}");
                if form.is_empty() {
                    continue;
                }
                if in_index(&form) || !str_is_alpha(&form) {
                    return form;
                }
                oov.get_or_insert(form);
            }
        }
        if let Some(form) = oov {
            return form;
        }
        self.lookup.get(&string_id(&s)).cloned().unwrap_or(s)
    }
}

fn entries<'a>(table: &'a Value, name: &str) -> Result<Vec<(u64, &'a Value)>, String> {
    let map = table.as_map().ok_or_else(|| format!("{name}: not a map"))?;
    map.iter()
        .map(|(k, v)| {
            k.as_u64()
                .map(|k| (k, v))
                .ok_or_else(|| format!("{name}: key is not a string id"))
        })
        .collect()
}

fn strings(value: &Value) -> Option<Vec<String>> {
    value.as_array()?.iter().map(|v| v.as_str().map(String::from)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(pairs: Vec<(&str, Value)>) -> Value {
        Value::Map(pairs.into_iter().map(|(k, v)| (Value::from(string_id(k)), v)).collect())
    }

    fn list(items: &[&str]) -> Value {
        Value::Array(items.iter().map(|s| Value::from(*s)).collect())
    }

    fn tiny() -> Lemmatizer {
        let tables = Value::Map(vec![
            (
                Value::from("lemma_lookup"),
                ids(vec![
                    ("Paris", list(&["Paris"])),
                    ("chevaux", list(&["cheval"])),
                    ("Les", list(&["le"])),
                ]),
            ),
            (
                Value::from("lemma_index"),
                ids(vec![("noun", list(&["chat", "cheval"]))]),
            ),
            (
                Value::from("lemma_exc"),
                ids(vec![("aux", Value::Map(vec![(Value::from("est"), list(&["être"]))]))]),
            ),
            (
                Value::from("lemma_rules"),
                ids(vec![(
                    "noun",
                    Value::Array(vec![list(&["s", ""]), list(&["aux", "al"])]),
                )]),
            ),
        ]);
        let mut bytes = Vec::new();
        rmpv::encode::write_value(&mut bytes, &tables).unwrap();
        Lemmatizer::from_msgpack(&bytes).unwrap()
    }

    #[test]
    fn rule_and_lookup_modes() {
        let l = tiny();
        assert_eq!(l.lemmatize("Chats", "NOUN"), "chat");
        assert_eq!(l.lemmatize("est", "AUX"), "être");
        // OOV rule output beats the lookup fallback.
        assert_eq!(l.lemmatize("journaux", "NOUN"), "journal");
        // Lookup fallback uses the lower-cased key in rule mode.
        assert_eq!(l.lemmatize("Chevaux", "DET"), "cheval");
        // Lookup mode is case-sensitive.
        assert_eq!(l.lemmatize("Paris", "PROPN"), "Paris");
        assert_eq!(l.lemmatize("Les", "PROPN"), "le");
        assert_eq!(l.lemmatize("LES", "X"), "LES");
        assert_eq!(l.lemmatize("\n", "SPACE"), "\n");
    }
}
