//! spaCy's attribute ruler as the French models configure it (spec §8):
//! single-token patterns read from `attribute_ruler/patterns`, all matched
//! against the state the parser left, then applied in rule order.
//!
//! Owns pattern loading and application on [`Token`]s. Supports the
//! single-token pattern language the models use (string equality, `IN`,
//! `NOT_IN`, `==`, `!=`, boolean flags); anything else is refused at load
//! with [`ModelError::Unsupported`] rather than silently ignored.

use std::path::Path;

use rmpv::Value;

use super::doc::Token;
use super::error::ModelError;

/// The loaded rules, in file order.
#[derive(Debug, Clone)]
pub struct AttributeRuler {
    rules: Vec<Rule>,
}

#[derive(Debug, Clone)]
struct Rule {
    /// Alternative single-token patterns; the rule fires if any matches.
    patterns: Vec<Vec<(Attr, Predicate)>>,
    sets: Vec<(Attr, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attr {
    Orth,
    Lower,
    Pos,
    Tag,
    Dep,
    Morph,
    Lemma,
    IsSpace,
}

#[derive(Debug, Clone)]
enum Predicate {
    Equals(String),
    NotEquals(String),
    In(Vec<String>),
    NotIn(Vec<String>),
    Flag(bool),
}

impl AttributeRuler {
    /// Reads `<model_dir>/attribute_ruler/patterns`.
    pub fn load(model_dir: &Path) -> Result<AttributeRuler, ModelError> {
        let path = model_dir.join("attribute_ruler").join("patterns");
        let bytes = std::fs::read(&path).map_err(|source| ModelError::Io {
            path: path.clone(),
            source,
        })?;
        let value = rmpv::decode::read_value(&mut &bytes[..]).map_err(|e| ModelError::Format {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        parse_rules(&value).map_err(|problem| match problem {
            Problem::Format(reason) => ModelError::Format {
                path: path.clone(),
                reason,
            },
            Problem::Unsupported(name) => ModelError::Unsupported {
                path: path.clone(),
                name,
            },
        })
    }

    /// Applies every rule: all matches are computed first, then the matched
    /// rules write their attributes in rule order (later rules win).
    pub fn apply(&self, tokens: &mut [Token]) {
        let mut fired: Vec<(usize, usize)> = Vec::new();
        for (r, rule) in self.rules.iter().enumerate() {
            for (i, token) in tokens.iter().enumerate() {
                if rule
                    .patterns
                    .iter()
                    .any(|p| p.iter().all(|(a, pred)| matches(token, *a, pred)))
                {
                    fired.push((r, i));
                }
            }
        }
        for (r, i) in fired {
            for (attr, value) in &self.rules[r].sets {
                set(&mut tokens[i], *attr, value);
            }
        }
    }
}

enum Problem {
    Format(String),
    Unsupported(String),
}

fn parse_rules(value: &Value) -> Result<AttributeRuler, Problem> {
    let fmt = |s: &str| Problem::Format(s.to_string());
    let items = value.as_array().ok_or_else(|| fmt("patterns file is not an array"))?;
    let mut rules = Vec::with_capacity(items.len());
    for (n, item) in items.iter().enumerate() {
        let field = |name: &str| {
            item.as_map()
                .and_then(|m| m.iter().find(|(k, _)| k.as_str() == Some(name)))
                .map(|(_, v)| v)
        };
        let patterns = field("patterns")
            .and_then(Value::as_array)
            .ok_or_else(|| fmt(&format!("rule {n}: no `patterns`")))?;
        let index = field("index").and_then(Value::as_i64).unwrap_or(0);
        let mut alternatives = Vec::new();
        for pattern in patterns {
            let tokens = pattern
                .as_array()
                .ok_or_else(|| fmt(&format!("rule {n}: pattern is not an array")))?;
            if tokens.len() != 1 || index != 0 {
                return Err(Problem::Unsupported(format!(
                    "attribute_ruler rule {n}: multi-token pattern"
                )));
            }
            let spec = tokens[0]
                .as_map()
                .ok_or_else(|| fmt(&format!("rule {n}: token spec is not a map")))?;
            let mut conds = Vec::new();
            for (k, v) in spec {
                let name = k
                    .as_str()
                    .ok_or_else(|| fmt(&format!("rule {n}: attribute name not a string")))?;
                conds.push((attr(name, n)?, predicate(v, n)?));
            }
            alternatives.push(conds);
        }
        let attrs = field("attrs")
            .and_then(Value::as_map)
            .ok_or_else(|| fmt(&format!("rule {n}: no `attrs`")))?;
        let mut sets = Vec::new();
        for (k, v) in attrs {
            let name = k
                .as_str()
                .ok_or_else(|| fmt(&format!("rule {n}: attribute name not a string")))?;
            let value = v.as_str().ok_or_else(|| {
                Problem::Unsupported(format!("attribute_ruler rule {n}: non-string value for {name}"))
            })?;
            let a = attr(name, n)?;
            if a == Attr::IsSpace {
                return Err(Problem::Unsupported(format!(
                    "attribute_ruler rule {n}: cannot set {name}"
                )));
            }
            sets.push((a, value.to_string()));
        }
        rules.push(Rule {
            patterns: alternatives,
            sets,
        });
    }
    Ok(AttributeRuler { rules })
}

fn attr(name: &str, rule: usize) -> Result<Attr, Problem> {
    Ok(match name {
        "ORTH" | "TEXT" => Attr::Orth,
        "LOWER" => Attr::Lower,
        "POS" => Attr::Pos,
        "TAG" => Attr::Tag,
        "DEP" => Attr::Dep,
        "MORPH" => Attr::Morph,
        "LEMMA" => Attr::Lemma,
        "IS_SPACE" => Attr::IsSpace,
        other => {
            return Err(Problem::Unsupported(format!(
                "attribute_ruler rule {rule}: attribute {other}"
            )))
        }
    })
}

fn predicate(value: &Value, rule: usize) -> Result<Predicate, Problem> {
    let strings = |v: &Value| -> Result<Vec<String>, Problem> {
        v.as_array()
            .and_then(|a| {
                a.iter()
                    .map(|s| s.as_str().map(String::from))
                    .collect::<Option<Vec<_>>>()
            })
            .ok_or_else(|| Problem::Unsupported(format!("attribute_ruler rule {rule}: non-string list")))
    };
    match value {
        Value::Boolean(b) => Ok(Predicate::Flag(*b)),
        Value::String(s) => Ok(Predicate::Equals(s.as_str().unwrap_or_default().to_string())),
        Value::Map(m) if m.len() == 1 => {
            let (op, arg) = &m[0];
            match op.as_str() {
                Some("IN") => Ok(Predicate::In(strings(arg)?)),
                Some("NOT_IN") => Ok(Predicate::NotIn(strings(arg)?)),
                Some("==") => Ok(Predicate::Equals(arg.as_str().unwrap_or_default().to_string())),
                Some("!=") => Ok(Predicate::NotEquals(arg.as_str().unwrap_or_default().to_string())),
                other => Err(Problem::Unsupported(format!(
                    "attribute_ruler rule {rule}: operator {other:?}"
                ))),
            }
        }
        _ => Err(Problem::Unsupported(format!(
            "attribute_ruler rule {rule}: predicate {value}"
        ))),
    }
}

fn string_of(token: &Token, attr: Attr) -> std::borrow::Cow<'_, str> {
    match attr {
        Attr::Orth => token.text.as_str().into(),
        Attr::Lower => super::lexeme::lower(&token.text).into(),
        Attr::Pos => token.pos.as_str().into(),
        Attr::Tag => token.tag.as_str().into(),
        Attr::Dep => token.dep.as_str().into(),
        Attr::Morph => token.morph.as_str().into(),
        Attr::Lemma => token.lemma.as_str().into(),
        Attr::IsSpace => "".into(),
    }
}

fn matches(token: &Token, attr: Attr, pred: &Predicate) -> bool {
    if attr == Attr::IsSpace {
        return match pred {
            Predicate::Flag(b) => token.is_space == *b,
            _ => false,
        };
    }
    let value = string_of(token, attr);
    match pred {
        Predicate::Equals(s) => *value == **s,
        Predicate::NotEquals(s) => *value != **s,
        Predicate::In(list) => list.iter().any(|s| *s == *value),
        Predicate::NotIn(list) => !list.iter().any(|s| *s == *value),
        Predicate::Flag(_) => false,
    }
}

fn set(token: &mut Token, attr: Attr, value: &str) {
    match attr {
        Attr::Pos => token.pos = value.to_string(),
        Attr::Tag => token.tag = value.to_string(),
        Attr::Dep => token.dep = value.to_string(),
        // `_` is spaCy's spelling of "no features".
        Attr::Morph => token.morph = if value == "_" { String::new() } else { value.to_string() },
        Attr::Lemma => token.lemma = value.to_string(),
        Attr::Orth | Attr::Lower | Attr::IsSpace => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::EntIob;

    fn token(text: &str, is_space: bool, pos: &str, dep: &str) -> Token {
        Token {
            text: text.into(),
            start: 0,
            space_after: false,
            is_space,
            lemma: String::new(),
            pos: pos.into(),
            tag: String::new(),
            morph: "Number=Sing".into(),
            head: 0,
            dep: dep.into(),
            sent_start: false,
            ent_iob: EntIob::O,
            ent_type: String::new(),
        }
    }

    fn rule(spec: Vec<(&str, Value)>, attrs: Vec<(&str, &str)>) -> Value {
        let spec = Value::Map(spec.into_iter().map(|(k, v)| (Value::from(k), v)).collect());
        let attrs = Value::Map(
            attrs
                .into_iter()
                .map(|(k, v)| (Value::from(k), Value::from(v)))
                .collect(),
        );
        Value::Map(vec![
            (Value::from("patterns"), Value::Array(vec![Value::Array(vec![spec])])),
            (Value::from("attrs"), attrs),
            (Value::from("index"), Value::from(0)),
        ])
    }

    #[test]
    fn french_rules_semantics() {
        let rules = Value::Array(vec![
            rule(vec![("POS", Value::from("NOUN"))], vec![("TAG", "NOUN")]),
            rule(
                vec![("POS", Value::from("SPACE")), ("IS_SPACE", Value::from(false))],
                vec![("TAG", "X"), ("POS", "X"), ("MORPH", "_")],
            ),
            rule(
                vec![
                    ("IS_SPACE", Value::from(true)),
                    (
                        "DEP",
                        Value::Map(vec![(Value::from("NOT_IN"), Value::Array(vec![Value::from("")]))]),
                    ),
                ],
                vec![("DEP", "dep")],
            ),
            rule(
                vec![("IS_SPACE", Value::from(true))],
                vec![("TAG", "SPACE"), ("POS", "SPACE"), ("MORPH", "_")],
            ),
        ]);
        let Ok(ruler) = parse_rules(&rules) else {
            panic!("rules should parse")
        };
        let mut tokens = vec![
            token("chat", false, "NOUN", "obj"),
            token("x", false, "SPACE", "dep"),
            token("\n", true, "NOUN", "ROOT"),
        ];
        ruler.apply(&mut tokens);
        assert_eq!(
            (tokens[0].tag.as_str(), tokens[0].morph.as_str()),
            ("NOUN", "Number=Sing")
        );
        assert_eq!(
            (tokens[1].pos.as_str(), tokens[1].tag.as_str(), tokens[1].morph.as_str()),
            ("X", "X", "")
        );
        // All matches are computed before any rule writes: rule 0 fired on the
        // space token's original NOUN, then rule 3 overwrote it.
        assert_eq!(
            (tokens[2].pos.as_str(), tokens[2].tag.as_str(), tokens[2].dep.as_str()),
            ("SPACE", "SPACE", "dep")
        );
    }

    #[test]
    fn unknown_attribute_is_unsupported() {
        let rules = Value::Array(vec![rule(vec![("SHAPE", Value::from("xx"))], vec![("TAG", "X")])]);
        assert!(matches!(parse_rules(&rules), Err(Problem::Unsupported(_))));
    }
}
