//! How a path appears in a message a user reads: as they would type it in
//! a shell, so it can be copied back into a command.
//!
//! Owns the one quoting rule for paths in messages (errors, notes, the
//! commands errors suggest): a path made only of characters a shell reads
//! literally is shown as it is; any other (a space, a quote, `$`, `*`, …)
//! is shown in single quotes, a single quote inside written `'\''` (POSIX
//! shell quoting). Every message that names a path goes through
//! [`path`]. It also owns how a caught panic is worded ([`panic`]).
//! Nothing else is decided here.

use std::fmt;
use std::path::Path;

/// `path` shown for a message; see the module documentation.
///
/// ```
/// use std::path::Path;
/// assert_eq!(trame::quote::path(Path::new("out/trame.db")).to_string(), "out/trame.db");
/// assert_eq!(trame::quote::path(Path::new("my store")).to_string(), "'my store'");
/// ```
pub fn path<P: AsRef<Path> + ?Sized>(path: &P) -> Quoted<'_> {
    Quoted(path.as_ref())
}

/// A path displayed with the shell quoting of [`path`].
#[derive(Debug, Clone, Copy)]
pub struct Quoted<'a>(&'a Path);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.to_string_lossy();
        let plain = !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '+' | ',' | ':' | '=' | '@' | '%'));
        if plain {
            f.write_str(&text)
        } else {
            write!(f, "'{}'", text.replace('\'', r"'\''"))
        }
    }
}

/// The text a caught panic carries (`panic!("…")` gives a `String` or a
/// `&str`), or "unknown panic" for any other payload.
pub fn panic(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_stay_and_others_are_single_quoted() {
        let shown = |p: &str| path(Path::new(p)).to_string();
        assert_eq!(shown("/tmp/x/trame.db"), "/tmp/x/trame.db");
        assert_eq!(shown("données/été.txt"), "données/été.txt");
        assert_eq!(shown("my store/x.db"), "'my store/x.db'");
        assert_eq!(shown("l'article.txt"), r"'l'\''article.txt'");
        assert_eq!(shown("$HOME"), "'$HOME'");
        assert_eq!(shown(""), "''");
    }
}
