//! `trame push URL`, and the `--push URL` options of `build` and `merge`:
//! sending named graphs to a remote SPARQL store.
//!
//! Owns the command-line side of pushing: the shared options ([`Remote`]),
//! the password from `TRAME_PUSH_PASSWORD`, the query endpoint guessed
//! from the Graph Store endpoint, progress, and the report of graphs not
//! pushed. HTTP, retries and authentication live in [`crate::push`].

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::Args;

use super::shared::{open_store, Access};
use super::{output, GlobalArgs, UsageError};
use crate::push::{self, auth::Credentials, Client, Job, Outcome, Queue};
use crate::store::graphs;

/// Options that say how to reach a remote store.
#[derive(Debug, Clone, Args)]
pub struct Remote {
    /// User name for the store (HTTP basic or digest, as the store asks); the password comes from TRAME_PUSH_PASSWORD.
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Requests in flight at once.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub in_flight: usize,
    /// Retries of a request after a 5xx answer or a connection error (waits 0.5 s, 1 s, 2 s, … between them).
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub retries: u32,
    /// The store's SPARQL query endpoint (default: guessed from the Graph Store URL:
    /// …/store → …/query for Oxigraph, …/sparql-graph-crud[-auth] → …/sparql for Virtuoso).
    #[arg(long, value_name = "URL")]
    pub query_endpoint: Option<String>,
}

impl Remote {
    /// A client for the store, credentials checked.
    pub fn client(&self) -> anyhow::Result<Client> {
        let credentials = match &self.user {
            None => None,
            Some(user) => {
                let password = std::env::var("TRAME_PUSH_PASSWORD").map_err(|_| {
                    UsageError(format!(
                        "--user {user} needs the password in the environment variable TRAME_PUSH_PASSWORD"
                    ))
                })?;
                Some(Credentials {
                    user: user.clone(),
                    password,
                })
            }
        };
        Ok(Client::new(push::Options {
            credentials,
            retries: self.retries,
            ..push::Options::default()
        }))
    }

    /// The query endpoint for the Graph Store endpoint `url`.
    pub fn query_url(&self, url: &str) -> anyhow::Result<String> {
        if let Some(endpoint) = &self.query_endpoint {
            return Ok(push::check_url(endpoint)?);
        }
        let base = url.split('?').next().unwrap_or(url).trim_end_matches('/');
        for (suffix, query) in [
            ("/store", "/query"),
            ("/sparql-graph-crud-auth", "/sparql"),
            ("/sparql-graph-crud", "/sparql"),
        ] {
            if let Some(root) = base.strip_suffix(suffix) {
                return Ok(format!("{root}{query}"));
            }
        }
        Err(UsageError(format!(
            "cannot guess the SPARQL query endpoint of {url}; give it with --query-endpoint URL"
        ))
        .into())
    }
}

/// Send the documents of a local store to a remote SPARQL store.
///
/// One SPARQL 1.1 Graph Store Protocol PUT per document graph (a re-run
/// replaces, never duplicates), the ontology graph first. Cross-document
/// merging is not sent: run `trame merge --push URL` once every worker is done.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    trame push http://127.0.0.1:7878/store                        an Oxigraph server\n  \
    TRAME_PUSH_PASSWORD=secret trame push http://127.0.0.1:8890/sparql-graph-crud-auth --user dba\n  \
    trame push http://store:7878/store --store shard3.db --in-flight 8")]
pub struct PushArgs {
    /// The store's Graph Store endpoint (Oxigraph: http://HOST:7878/store; Virtuoso: http://HOST:8890/sparql-graph-crud-auth).
    #[arg(value_name = "URL")]
    pub url: String,
    #[command(flatten)]
    pub remote: Remote,
}

pub fn run(args: &PushArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let url = push::check_url(&args.url)?;
    let client = Arc::new(args.remote.client()?);
    let store = open_store(global, Access::Read)?;
    let iris = store.document_graph_iris()?;
    let sources: std::collections::HashMap<String, String> =
        store.documents()?.into_iter().map(|d| (d.iri, d.source)).collect();
    let started = std::time::Instant::now();
    push_ontology(&client, &url)?;
    let bar = output::progress(iris.len() as u64, "graphs");
    let ticker = bar.clone();
    let queue = Queue::start(
        client,
        url.clone(),
        args.remote.in_flight,
        Arc::new(move || ticker.inc(1)),
    );
    for iri in &iris {
        if queue.stopped() {
            // A fatal error: record the rest without reading them.
            queue.send(Job {
                graph: iri.clone(),
                name: sources.get(iri).cloned().unwrap_or_else(|| iri.clone()),
                ntriples: Vec::new(),
            });
            continue;
        }
        let graph = store.graph(iri)?;
        let name = sources.get(iri).cloned().unwrap_or_else(|| iri.clone());
        queue.send(Job {
            graph: iri.clone(),
            name,
            ntriples: graph.to_ntriples(),
        });
    }
    let outcome = queue.finish();
    bar.finish_and_clear();
    report(&outcome, &url, started.elapsed())?;
    Ok(ExitCode::SUCCESS)
}

/// PUTs the ontology graph: the first request of every push, so a store
/// that is down or refuses the credentials stops the run before any work;
/// the error then says that no document was pushed.
pub fn push_ontology(client: &Client, url: &str) -> anyhow::Result<()> {
    let ontology = graphs::ontology()?;
    client
        .put_graph(url, &ontology.iri, &ontology.to_ntriples())
        .context("pushing the ontology graph")
        .context("no document was pushed")
}

/// Prints what was pushed; an error naming every graph not pushed (the
/// documents to push again; a re-run replaces, so re-pushing all is safe).
pub fn report(outcome: &Outcome, url: &str, elapsed: Duration) -> anyhow::Result<()> {
    let seconds = elapsed.as_secs_f64().max(1e-9);
    output::info(&format!(
        "pushed {} graphs ({} triples) to {url} in {:.1} s ({:.0} triples/s)",
        outcome.pushed,
        outcome.triples,
        seconds,
        outcome.triples as f64 / seconds
    ));
    if outcome.failed.is_empty() {
        return Ok(());
    }
    for (name, error) in &outcome.failed {
        output::warn(&format!("not pushed: {name}: {error}"));
    }
    let reason = match &outcome.fatal {
        Some(error) => error.to_string(),
        None => "see the warnings above".to_string(),
    };
    anyhow::bail!(
        "{} documents were not pushed ({reason}); run the same command again to push them (pushing replaces, so nothing is duplicated)",
        outcome.failed.len()
    )
}

/// `trame merge --push URL`: the merge graph decided over the remote store's entities.
pub fn merge_remote(url: &str, remote: &Remote) -> anyhow::Result<super::merge::Summary> {
    let url = push::check_url(url)?;
    let query_url = remote.query_url(&url)?;
    let client = remote.client()?;
    let rows = client
        .select(&query_url, crate::store::ENTITY_QUERY)
        .with_context(|| format!("reading the entities from {query_url}"))?;
    let entities = crate::store::entities_from_rows(&rows);
    let rows = client
        .select(&query_url, crate::store::NAME_CANDIDATE_QUERY)
        .with_context(|| format!("reading the name candidates from {query_url}"))?;
    let candidates = crate::store::name_candidates_from_rows(&rows);
    let decisions = super::merge::decide(&entities, &candidates);
    let body = graphs::merge(&decisions);
    client
        .put_graph(&url, &body.iri, &body.to_ntriples())
        .context("pushing the merge graph")?;
    Ok(super::merge::Summary::new(entities.len(), &decisions))
}
