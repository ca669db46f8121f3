//! Query strings and form bodies (`application/x-www-form-urlencoded`),
//! decoded strictly: a malformed `%` escape or bytes that are not UTF-8
//! are an error naming the parameter, never replaced or dropped.

/// Decoded `name=value` pairs in their order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Decodes `a=1&b=x+y%21`: `+` is a space, `%XX` a byte; the bytes of
    /// each name and value must be UTF-8. Empty pieces (`a=1&&b=2`) are skipped.
    pub fn parse(raw: &[u8]) -> Result<Params, String> {
        let mut pairs = Vec::new();
        for piece in raw.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
            let (name, value) = match piece.iter().position(|&b| b == b'=') {
                Some(at) => (&piece[..at], &piece[at + 1..]),
                None => (piece, &piece[..0]),
            };
            let name = decode(name).map_err(|e| format!("a parameter name {e}"))?;
            let value = decode(value).map_err(|e| format!("the value of parameter {name:?} {e}"))?;
            pairs.push((name, value));
        }
        Ok(Params(pairs))
    }

    /// Every value of `name`, in order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// The value of `name` when given once; an error when given several times.
    pub fn one(&self, name: &str) -> Result<Option<&str>, String> {
        let mut values = self.0.iter().filter(|(n, _)| n == name).map(|(_, v)| v.as_str());
        let first = values.next();
        if values.next().is_some() {
            return Err(format!("the parameter {name:?} is given more than once"));
        }
        Ok(first)
    }

    /// Adds the pairs of `other` after these.
    pub fn extend(&mut self, other: &Params) {
        self.0.extend(other.0.iter().cloned());
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| n == name)
    }
}

fn decode(raw: &[u8]) -> Result<String, String> {
    let mut bytes = Vec::with_capacity(raw.len());
    let mut at = 0;
    while at < raw.len() {
        match raw[at] {
            b'+' => bytes.push(b' '),
            b'%' => {
                let hex = raw.get(at + 1..at + 3).and_then(|h| std::str::from_utf8(h).ok());
                let byte = hex.and_then(|h| u8::from_str_radix(h, 16).ok());
                match byte {
                    Some(byte) if hex.is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit())) => bytes.push(byte),
                    _ => return Err(format!("has a malformed % escape at byte {at}")),
                }
                at += 2;
            }
            other => bytes.push(other),
        }
        at += 1;
    }
    String::from_utf8(bytes).map_err(|e| format!("is not UTF-8 (invalid byte at {})", e.utf8_error().valid_up_to()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_plus_escapes_and_repeats() {
        let params =
            Params::parse(b"query=SELECT+*%20%7B%7D&default-graph-uri=urn%3Aa&default-graph-uri=urn:b&&flag").unwrap();
        assert_eq!(params.one("query").unwrap(), Some("SELECT * {}"));
        assert_eq!(params.all("default-graph-uri"), vec!["urn:a", "urn:b"]);
        assert!(params.one("default-graph-uri").is_err());
        assert!(params.has("flag"));
        assert_eq!(params.one("missing").unwrap(), None);
        assert_eq!(
            Params::parse("q=%C3%A9t%C3%A9".as_bytes()).unwrap().one("q").unwrap(),
            Some("été")
        );
    }

    #[test]
    fn refuses_invalid_utf8_and_broken_escapes() {
        let error = Params::parse(b"query=%FF%FE").unwrap_err();
        assert!(error.contains("\"query\"") && error.contains("not UTF-8"), "{error}");
        assert!(Params::parse(b"query=%G1").unwrap_err().contains("malformed"));
        assert!(Params::parse(b"query=abc%2").unwrap_err().contains("malformed"));
        assert!(Params::parse(b"q=\xff").unwrap_err().contains("not UTF-8"));
        assert!(Params::parse(b"%FF=1").unwrap_err().contains("name"));
    }
}
