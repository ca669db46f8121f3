//! The attribute ruler as these pipelines use it (spec §8): single-token
//! rules over POS, IS_SPACE and DEP that set POS, MORPH, DEP (and TAG, which
//! always equals POS here and is not reported). All rules are matched
//! against the state left by the parser, then applied in rule order.
//!
//! Owns reading `attribute_ruler/patterns`; rule kinds outside this subset
//! are refused at load with `ModelError::Unsupported`.

use std::path::Path;

use rmpv::ValueRef;

use crate::nlp::ModelError;

use super::weights::{format_err, read_bytes};

/// A token's annotations as the ruler sees and edits them.
#[derive(Debug, Clone, PartialEq)]
pub struct RulerToken<'a> {
    pub pos: &'a str,
    pub morph: &'a str,
    pub dep: &'a str,
    pub is_space: bool,
}

/// The loaded rules.
#[derive(Debug, Clone, Default)]
pub struct AttributeRuler {
    rules: Vec<Rule>,
}

#[derive(Debug, Clone, Default)]
struct Rule {
    pos: Option<String>,
    is_space: Option<bool>,
    dep_in: Option<Vec<String>>,
    dep_not_in: Option<Vec<String>>,
    set_pos: Option<String>,
    set_morph: Option<String>,
    set_dep: Option<String>,
}

impl AttributeRuler {
    pub fn load(path: &Path) -> Result<AttributeRuler, ModelError> {
        let bytes = read_bytes(path)?;
        let mut rd: &[u8] = &bytes;
        let root = rmpv::decode::read_value_ref(&mut rd)
            .map_err(|e| format_err(path, format!("invalid msgpack: {e}")))?;
        let ValueRef::Array(items) = root else {
            return Err(format_err(path, "expected an array of rules".into()));
        };
        let unsupported = |what: String| ModelError::Unsupported {
            path: path.to_path_buf(),
            name: what,
        };
        let mut rules = Vec::new();
        for (r, item) in items.iter().enumerate() {
            let patterns = get(item, "patterns")
                .and_then(array)
                .ok_or_else(|| format_err(path, format!("rule {r}: no patterns")))?;
            let attrs = get(item, "attrs")
                .and_then(map)
                .ok_or_else(|| format_err(path, format!("rule {r}: no attrs")))?;
            if !matches!(get(item, "index"), None | Some(ValueRef::Integer(_)))
                || index_of(item) != 0
            {
                return Err(unsupported(format!(
                    "attribute_ruler rule {r} with a non-zero token index"
                )));
            }
            let mut set = Rule::default();
            for (k, v) in attrs {
                let value = text(v)
                    .ok_or_else(|| unsupported(format!("attribute_ruler rule {r} value {v:?}")))?;
                match text(k).as_deref() {
                    Some("TAG") => {}
                    Some("POS") => set.set_pos = Some(value),
                    Some("MORPH") => {
                        set.set_morph = Some(if value == "_" { String::new() } else { value })
                    }
                    Some("DEP") => set.set_dep = Some(value),
                    other => return Err(unsupported(format!("attribute_ruler setting {other:?}"))),
                }
            }
            for pattern in patterns {
                let tokens = array(pattern)
                    .ok_or_else(|| format_err(path, format!("rule {r}: bad pattern")))?;
                let [spec] = tokens else {
                    return Err(unsupported(format!(
                        "attribute_ruler rule {r}: multi-token pattern"
                    )));
                };
                let mut rule = set.clone();
                for (k, v) in map(spec)
                    .ok_or_else(|| format_err(path, format!("rule {r}: bad token spec")))?
                {
                    match (text(k).as_deref(), v) {
                        (Some("POS"), v) if text(v).is_some() => rule.pos = text(v),
                        (Some("IS_SPACE"), ValueRef::Boolean(b)) => rule.is_space = Some(*b),
                        (Some("DEP"), v) => {
                            if let Some(s) = text(v) {
                                rule.dep_in = Some(vec![s]);
                            } else if let Some(l) = get(v, "NOT_IN").and_then(strings) {
                                rule.dep_not_in = Some(l);
                            } else if let Some(l) = get(v, "IN").and_then(strings) {
                                rule.dep_in = Some(l);
                            } else {
                                return Err(unsupported(format!(
                                    "attribute_ruler DEP condition {v:?}"
                                )));
                            }
                        }
                        (k, v) => {
                            return Err(unsupported(format!(
                                "attribute_ruler condition {k:?} = {v:?}"
                            )))
                        }
                    }
                }
                rules.push(rule);
            }
        }
        Ok(AttributeRuler { rules })
    }

    /// Applies every rule matching the token's pre-ruler state, in order.
    /// Returns the new (pos, morph, dep).
    pub fn apply(&self, t: &RulerToken) -> (String, String, String) {
        let (mut pos, mut morph, mut dep) =
            (t.pos.to_string(), t.morph.to_string(), t.dep.to_string());
        for rule in self.rules.iter().filter(|r| r.matches(t)) {
            if let Some(p) = &rule.set_pos {
                pos.clone_from(p);
            }
            if let Some(m) = &rule.set_morph {
                morph.clone_from(m);
            }
            if let Some(d) = &rule.set_dep {
                dep.clone_from(d);
            }
        }
        (pos, morph, dep)
    }
}

impl Rule {
    fn matches(&self, t: &RulerToken) -> bool {
        self.pos.as_deref().is_none_or(|p| p == t.pos)
            && self.is_space.is_none_or(|s| s == t.is_space)
            && self
                .dep_in
                .as_ref()
                .is_none_or(|l| l.iter().any(|d| d == t.dep))
            && self
                .dep_not_in
                .as_ref()
                .is_none_or(|l| !l.iter().any(|d| d == t.dep))
    }
}

fn index_of(v: &ValueRef) -> i64 {
    match get(v, "index") {
        Some(ValueRef::Integer(i)) => i.as_i64().unwrap_or(-1),
        _ => 0,
    }
}

fn get<'v, 'a>(v: &'v ValueRef<'a>, key: &str) -> Option<&'v ValueRef<'a>> {
    map(v)?
        .iter()
        .find(|(k, _)| text(k).as_deref() == Some(key))
        .map(|(_, v)| v)
}

fn map<'v, 'a>(v: &'v ValueRef<'a>) -> Option<&'v [(ValueRef<'a>, ValueRef<'a>)]> {
    match v {
        ValueRef::Map(m) => Some(m),
        _ => None,
    }
}

fn array<'v, 'a>(v: &'v ValueRef<'a>) -> Option<&'v [ValueRef<'a>]> {
    match v {
        ValueRef::Array(a) => Some(a),
        _ => None,
    }
}

fn text(v: &ValueRef) -> Option<String> {
    match v {
        ValueRef::String(s) => s.as_str().map(str::to_string),
        _ => None,
    }
}

fn strings(v: &ValueRef) -> Option<Vec<String>> {
    array(v)?.iter().map(text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rmpv::Value;

    fn s(x: &str) -> Value {
        Value::from(x)
    }

    fn rule(spec: Vec<(Value, Value)>, attrs: Vec<(Value, Value)>) -> Value {
        Value::Map(vec![
            (
                s("patterns"),
                Value::Array(vec![Value::Array(vec![Value::Map(spec)])]),
            ),
            (s("attrs"), Value::Map(attrs)),
            (s("index"), Value::from(0)),
        ])
    }

    fn ruler(rules: Vec<Value>) -> Result<AttributeRuler, ModelError> {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("patterns");
        let mut buf = Vec::new();
        rmpv::encode::write_value(&mut buf, &Value::Array(rules)).expect("encode");
        std::fs::write(&p, buf).expect("write");
        AttributeRuler::load(&p)
    }

    #[test]
    fn whitespace_rules_match_pre_ruler_state_then_apply_in_order() {
        let r = ruler(vec![
            rule(
                vec![(s("POS"), s("SPACE")), (s("IS_SPACE"), Value::from(false))],
                vec![(s("TAG"), s("X")), (s("POS"), s("X")), (s("MORPH"), s("_"))],
            ),
            rule(
                vec![
                    (s("IS_SPACE"), Value::from(true)),
                    (
                        s("DEP"),
                        Value::Map(vec![(s("NOT_IN"), Value::Array(vec![s("")]))]),
                    ),
                ],
                vec![(s("DEP"), s("dep"))],
            ),
            rule(
                vec![(s("IS_SPACE"), Value::from(true))],
                vec![(s("POS"), s("SPACE")), (s("MORPH"), s("_"))],
            ),
        ])
        .expect("load");
        let word = RulerToken {
            pos: "SPACE",
            morph: "Number=Sing",
            dep: "obj",
            is_space: false,
        };
        assert_eq!(r.apply(&word), ("X".into(), "".into(), "obj".into()));
        let space = RulerToken {
            pos: "NOUN",
            morph: "Number=Sing",
            dep: "ROOT",
            is_space: true,
        };
        assert_eq!(r.apply(&space), ("SPACE".into(), "".into(), "dep".into()));
        let plain = RulerToken {
            pos: "NOUN",
            morph: "Number=Sing",
            dep: "obj",
            is_space: false,
        };
        assert_eq!(
            r.apply(&plain),
            ("NOUN".into(), "Number=Sing".into(), "obj".into())
        );
    }

    #[test]
    fn refuses_multi_token_patterns() {
        let two = Value::Map(vec![
            (
                s("patterns"),
                Value::Array(vec![Value::Array(vec![
                    Value::Map(vec![]),
                    Value::Map(vec![]),
                ])]),
            ),
            (s("attrs"), Value::Map(vec![(s("POS"), s("X"))])),
            (s("index"), Value::from(0)),
        ]);
        assert!(matches!(
            ruler(vec![two]),
            Err(ModelError::Unsupported { .. })
        ));
    }
}
