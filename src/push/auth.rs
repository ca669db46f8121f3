//! HTTP authentication for pushing: basic (RFC 7617) and digest (RFC 7616,
//! algorithms MD5, MD5-sess and SHA-256, quality of protection `auth`), as
//! SPARQL stores ask for them (Virtuoso's Graph Store endpoint wants
//! digest). Written from the RFCs; no I/O here: the caller sends the
//! header and hands back the server's challenge.

use std::sync::atomic::{AtomicU64, Ordering};

use sha2::Digest as _;

/// A user name and password.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Credentials({:?}, <password>)", self.user)
    }
}

impl Credentials {
    /// `Authorization` value for basic authentication.
    pub fn basic(&self) -> String {
        format!(
            "Basic {}",
            base64(format!("{}:{}", self.user, self.password).as_bytes())
        )
    }
}

/// A digest challenge from a `WWW-Authenticate` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    pub realm: String,
    pub nonce: String,
    pub opaque: Option<String>,
    pub algorithm: Algorithm,
    /// Whether the server offers `qop=auth`.
    pub qop_auth: bool,
    /// The server says the nonce expired (retry with the new one, same password).
    pub stale: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Algorithm {
    Md5,
    Md5Sess,
    Sha256,
}

/// What a `WWW-Authenticate` header asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scheme {
    Basic,
    Digest(Challenge),
    Other(String),
}

/// Reads a `WWW-Authenticate` value (one challenge).
pub fn parse_challenge(header: &str) -> Scheme {
    let header = header.trim();
    let (scheme, rest) = header.split_once(char::is_whitespace).unwrap_or((header, ""));
    if scheme.eq_ignore_ascii_case("basic") {
        return Scheme::Basic;
    }
    if !scheme.eq_ignore_ascii_case("digest") {
        return Scheme::Other(scheme.to_string());
    }
    let params = parameters(rest);
    let get = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let algorithm = match get("algorithm").map(|a| a.to_ascii_uppercase()).as_deref() {
        None | Some("MD5") => Algorithm::Md5,
        Some("MD5-SESS") => Algorithm::Md5Sess,
        Some("SHA-256") => Algorithm::Sha256,
        Some(other) => return Scheme::Other(format!("Digest algorithm={other}")),
    };
    Scheme::Digest(Challenge {
        realm: get("realm").unwrap_or_default(),
        nonce: get("nonce").unwrap_or_default(),
        opaque: get("opaque"),
        algorithm,
        qop_auth: get("qop").is_some_and(|q| q.split(',').any(|v| v.trim().eq_ignore_ascii_case("auth"))),
        stale: get("stale").is_some_and(|s| s.eq_ignore_ascii_case("true")),
    })
}

/// `name=value` and `name="quoted, value"` pairs separated by commas.
fn parameters(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| *c == ',' || c.is_whitespace()) {
            chars.next();
        }
        let name: String = std::iter::from_fn(|| chars.next_if(|c| *c != '=' && *c != ',')).collect();
        if name.trim().is_empty() {
            break;
        }
        let mut value = String::new();
        if chars.next_if_eq(&'=').is_some() {
            if chars.next_if_eq(&'"').is_some() {
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => value.extend(chars.next()),
                        '"' => break,
                        c => value.push(c),
                    }
                }
            } else {
                value = std::iter::from_fn(|| chars.next_if(|c| *c != ','))
                    .collect::<String>()
                    .trim()
                    .to_string();
            }
        }
        out.push((name.trim().to_string(), value));
    }
    out
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A client nonce: unpredictable enough for a nonce (time, process, counter, hashed).
fn client_nonce() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let seed = format!(
        "{}:{}:{}",
        now.as_nanos(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    hex(&sha2::Sha256::digest(seed.as_bytes()))[..16].to_string()
}

impl Challenge {
    /// `Authorization` value answering this challenge for `method` on
    /// `uri` (path and query, as sent in the request line); `count` is the
    /// nonce count (1 for the first use of a nonce).
    pub fn authorization(&self, credentials: &Credentials, method: &str, uri: &str, count: u32) -> String {
        self.authorization_with(credentials, method, uri, count, &client_nonce())
    }

    fn authorization_with(
        &self,
        credentials: &Credentials,
        method: &str,
        uri: &str,
        count: u32,
        cnonce: &str,
    ) -> String {
        let h = |text: String| match self.algorithm {
            Algorithm::Md5 | Algorithm::Md5Sess => {
                use md5::Digest as _;
                hex(&md5::Md5::digest(text.as_bytes()))
            }
            Algorithm::Sha256 => hex(&sha2::Sha256::digest(text.as_bytes())),
        };
        let mut ha1 = h(format!("{}:{}:{}", credentials.user, self.realm, credentials.password));
        if self.algorithm == Algorithm::Md5Sess {
            ha1 = h(format!("{ha1}:{}:{cnonce}", self.nonce));
        }
        let ha2 = h(format!("{method}:{uri}"));
        let nc = format!("{count:08x}");
        let response = if self.qop_auth {
            h(format!("{ha1}:{}:{nc}:{cnonce}:auth:{ha2}", self.nonce))
        } else {
            h(format!("{ha1}:{}:{ha2}", self.nonce))
        };
        let algorithm = match self.algorithm {
            Algorithm::Md5 => "MD5",
            Algorithm::Md5Sess => "MD5-sess",
            Algorithm::Sha256 => "SHA-256",
        };
        let mut header = format!(
            "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{uri}\", algorithm={algorithm}, response=\"{response}\"",
            quote(&credentials.user),
            quote(&self.realm),
            quote(&self.nonce)
        );
        if self.qop_auth {
            header.push_str(&format!(", qop=auth, nc={nc}, cnonce=\"{cnonce}\""));
        }
        if let Some(opaque) = &self.opaque {
            header.push_str(&format!(", opaque=\"{}\"", quote(opaque)));
        }
        header
    }
}

fn quote(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Standard base64 with padding (RFC 4648), for basic authentication.
fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(chunk.get(1).copied().unwrap_or(0)) << 8)
            | u32::from(chunk.get(2).copied().unwrap_or(0));
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(TABLE[((n >> shift) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_is_base64_of_user_colon_password() {
        // RFC 7617, section 2.
        let c = Credentials {
            user: "Aladdin".into(),
            password: "open sesame".into(),
        };
        assert_eq!(c.basic(), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assert_eq!(base64(b"a"), "YQ==");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b""), "");
    }

    #[test]
    fn challenges_are_parsed_with_quotes_and_commas() {
        let header = r#"Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#;
        let Scheme::Digest(c) = parse_challenge(header) else {
            panic!()
        };
        assert_eq!(c.realm, "http-auth@example.org");
        assert_eq!(c.algorithm, Algorithm::Sha256);
        assert!(c.qop_auth && !c.stale);
        assert_eq!(
            c.opaque.as_deref(),
            Some("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")
        );
        assert_eq!(parse_challenge("Basic realm=\"x\""), Scheme::Basic);
        assert!(matches!(parse_challenge("Bearer"), Scheme::Other(_)));
        let Scheme::Digest(c) = parse_challenge("digest realm=\"a\\\"b\", nonce=n, stale=TRUE") else {
            panic!()
        };
        assert_eq!(
            (c.realm.as_str(), c.nonce.as_str(), c.stale, c.qop_auth),
            ("a\"b", "n", true, false)
        );
    }

    #[test]
    fn digest_responses_match_the_rfc_examples() {
        // RFC 7616, section 3.9.1 (MD5 and SHA-256, same challenge).
        let credentials = Credentials {
            user: "Mufasa".into(),
            password: "Circle of Life".into(),
        };
        let mut c = Challenge {
            realm: "http-auth@example.org".into(),
            nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v".into(),
            opaque: Some("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS".into()),
            algorithm: Algorithm::Md5,
            qop_auth: true,
            stale: false,
        };
        let cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        let md5 = c.authorization_with(&credentials, "GET", "/dir/index.html", 1, cnonce);
        assert!(md5.contains("response=\"8ca523f5e9506fed4657c9700eebdbec\""), "{md5}");
        assert!(md5.contains("nc=00000001") && md5.contains("opaque=\"FQhe"), "{md5}");
        c.algorithm = Algorithm::Sha256;
        let sha = c.authorization_with(&credentials, "GET", "/dir/index.html", 1, cnonce);
        assert!(
            sha.contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\""),
            "{sha}"
        );
    }
}
