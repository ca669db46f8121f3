//! `trame serve`: the SPARQL endpoint and the web app over the store.
//!
//! Owns the command's arguments, the checks on them, and what is printed on
//! start (the URL, and a warning when listening beyond loopback). The
//! server itself is [`crate::serve`]; it opens the store read-only.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use super::{output, GlobalArgs, UsageError};

/// Serve the store: a SPARQL 1.1 endpoint at /sparql and a web app at /.
///
/// The store is opened read-only, so `trame build` can add documents
/// meanwhile; the server reopens it when its files change (checked every
/// --refresh seconds). Listens on 127.0.0.1 unless --bind says otherwise.
/// Stops on Ctrl-C or SIGTERM.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    trame serve                                  http://127.0.0.1:7878/ on ./trame.db\n  \
    trame serve --store news.db --timeout 10\n  \
    trame serve --bind 0.0.0.0:8080 --cors       reachable from other machines and web pages\n  \
    curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/sparql")]
pub struct ServeArgs {
    /// Address and port to listen on: an IP address or `localhost`, and a port (0 picks a free one).
    /// Anything but loopback exposes the store to the network.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:7878")]
    pub bind: String,
    /// Longest a query may run, in seconds; the query is stopped after that.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    pub timeout: f64,
    /// Allow web pages from other origins to query the server (Access-Control-Allow-Origin: *).
    #[arg(long)]
    pub cors: bool,
    /// Largest request body accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 20)]
    pub max_body: usize,
    /// Most rows or facts a page of the web app shows (the /sparql endpoint is not capped).
    #[arg(long, value_name = "ROWS", default_value_t = 1000)]
    pub page_rows: usize,
    /// How often to look for changes in the store, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 2.0)]
    pub refresh: f64,
    /// Queries evaluated at once; more wait for a free slot (until their timeout).
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub max_queries: usize,
}

pub fn run(args: &ServeArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let bind = parse_bind(&args.bind)?;
    let seconds = |value: f64, name: &str| -> Result<Duration, UsageError> {
        if value.is_finite() && value > 0.0 && value <= 86_400.0 {
            Ok(Duration::from_secs_f64(value))
        } else {
            Err(UsageError(format!(
                "{name} must be a number of seconds above 0, not {value}"
            )))
        }
    };
    let options = crate::serve::Options {
        store: global.store.clone(),
        bind,
        timeout: seconds(args.timeout, "--timeout")?,
        cors: args.cors,
        max_body: args.max_body.max(1),
        page_rows: args.page_rows.max(1),
        refresh: seconds(args.refresh, "--refresh")?,
        max_queries: args.max_queries.max(1),
    };
    let store = crate::quote::path(&global.store).to_string();
    crate::serve::run(options, |addr| {
        let host = if addr.ip().is_unspecified() {
            "127.0.0.1".to_string()
        } else {
            addr.ip().to_string()
        };
        let host = if addr.is_ipv6() && !addr.ip().is_unspecified() {
            format!("[{host}]")
        } else {
            host
        };
        output::notice(&format!(
            "trame serve: http://{host}:{}/ (SPARQL at /sparql) on {store}, read-only; Ctrl-C stops",
            addr.port()
        ));
        if !addr.ip().is_loopback() {
            output::warn(&format!(
                "listening on {addr}: anyone who can reach this machine can read the whole store and run queries"
            ));
        }
    })
    .map_err(|error| match error {
        // Says the address and what to do; the store is beside the point.
        bind @ crate::serve::ServeError::Bind { .. } => anyhow::Error::from(bind),
        other => anyhow::Error::from(other).context(format!("serving {store}")),
    })?;
    output::info("trame serve: stopped");
    Ok(ExitCode::SUCCESS)
}

/// `--bind`: `IP:PORT` (`[::1]:PORT` for IPv6), or `localhost:PORT`, which
/// means 127.0.0.1. No other name is looked up, so the address printed is
/// the one listened on.
fn parse_bind(text: &str) -> Result<SocketAddr, UsageError> {
    if let Ok(addr) = text.parse() {
        return Ok(addr);
    }
    if let Some((host, port)) = text.rsplit_once(':') {
        if host.eq_ignore_ascii_case("localhost") {
            if let Ok(port) = port.parse::<u16>() {
                return Ok(SocketAddr::from(([127, 0, 0, 1], port)));
            }
        }
    }
    Err(UsageError(format!(
        "--bind {text:?} is not HOST:PORT with an IP address or localhost (e.g. 127.0.0.1:7878 or localhost:8080)"
    )))
}

#[cfg(test)]
mod tests {
    use super::parse_bind;

    #[test]
    fn bind_takes_ip_addresses_and_localhost_only() {
        assert_eq!(parse_bind("127.0.0.1:7878").unwrap().to_string(), "127.0.0.1:7878");
        assert_eq!(parse_bind("[::1]:80").unwrap().to_string(), "[::1]:80");
        assert_eq!(parse_bind("localhost:8080").unwrap().to_string(), "127.0.0.1:8080");
        assert_eq!(parse_bind("LOCALHOST:0").unwrap().to_string(), "127.0.0.1:0");
        for bad in [
            "localhost",
            "localhost:",
            "localhost:99999",
            "example.org:80",
            "7878",
            "",
        ] {
            assert!(parse_bind(bad).is_err(), "{bad}");
        }
    }
}
