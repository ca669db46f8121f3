//! `trame merge`: the cross-document reduce step over a store.
//!
//! Owns the wiring only: reading the entities of every document graph
//! from the store, handing them to [`crate::extract::entities::corpus`]
//! (the rules), and writing the decisions, as IRIs, into the merge graph.
//! `trame build` and `rm` call [`refresh`] at their end, and `load` passes
//! [`decide`] to the store's load, so a local store is always merged; the
//! command itself is for stores filled by other means (sharded workers, a
//! bulk loader).

use std::process::ExitCode;

use clap::Args;

use super::shared::{open_store, Access};
use super::{output, GlobalArgs};
use crate::extract::entities::corpus;
use crate::store::{MergeDecisions, NameMention, SameAs, Store};

/// Merge entities across documents (aliases, surnames, spelling variants).
///
/// Every document's entities come from its text alone, so the graph of a
/// document never depends on what else was built; which entities of
/// different documents are the same thing is decided here, over the whole
/// store, and written to the graph <https://w3id.org/trame/merge> as
/// owl:sameAs links (merged entity → kept entity) and skos:altLabel names.
/// Run by every local build; run it yourself after filling a store another way.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    trame merge                                 merge ./trame.db again\n  \
    trame load dump/*.nq.gz --store all.db      (load merges too)\n  \
    trame merge --push http://127.0.0.1:7878/store   after every worker pushed its shard")]
pub struct MergeArgs {
    /// Merge the entities of a remote store instead (its Graph Store endpoint): read them through
    /// SPARQL, decide as a local build would, and PUT the merge graph there.
    #[arg(long, value_name = "URL")]
    pub push: Option<String>,
    #[command(flatten)]
    pub remote: super::push::Remote,
}

/// What a merge decided.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    /// Entities read from the document graphs.
    pub entities: usize,
    /// Groups of entities found to be one thing.
    pub groups: usize,
    /// Entities linked to the one their group keeps.
    pub links: usize,
    /// Names left without an entity by their document that the set resolved.
    pub mentions: usize,
}

impl Summary {
    /// The summary of these decisions over `entities` entities.
    pub fn new(entities: usize, decisions: &MergeDecisions) -> Summary {
        let mut kept: Vec<&str> = decisions.links.iter().map(|l| l.canonical.as_str()).collect();
        kept.sort_unstable();
        kept.dedup();
        Summary {
            entities,
            groups: kept.len(),
            links: decisions.links.len(),
            mentions: decisions.mentions.len(),
        }
    }

    pub fn line(&self) -> String {
        format!(
            "merged across documents: {} of {} entities are the same as one of {} others; {} more mentions of known names",
            self.links, self.entities, self.groups, self.mentions
        )
    }
}

pub fn run(args: &MergeArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let summary = match &args.push {
        Some(url) => super::push::merge_remote(url, &args.remote)?,
        None => refresh(&open_store(global, Access::Write)?)?,
    };
    output::info(&summary.line());
    Ok(ExitCode::SUCCESS)
}

/// Decides the merges over every entity and name candidate of the document
/// graphs, in IRIs: `owl:sameAs` links, the alternative labels of each kept
/// entity, and the name candidates that name an entity of the set.
pub fn decide(
    entities: &[(String, crate::facts::KnownEntity)],
    candidates: &[(String, crate::facts::CandidateName)],
) -> MergeDecisions {
    let known: Vec<crate::facts::KnownEntity> = entities.iter().map(|(_, e)| e.clone()).collect();
    let groups = corpus::merge(&known);
    let mut decisions = MergeDecisions::default();
    for group in &groups {
        let canonical = &entities[group.canonical].0;
        for &member in &group.members {
            decisions.links.push(SameAs {
                entity: entities[member].0.clone(),
                canonical: canonical.clone(),
            });
        }
        for name in &group.alt_labels {
            decisions.alt_labels.push((canonical.clone(), name.clone()));
        }
    }
    let names: Vec<crate::facts::CandidateName> = candidates.iter().map(|(_, c)| c.clone()).collect();
    for (candidate, entity) in corpus::resolve_names(&known, &groups, &names) {
        decisions.mentions.push(NameMention {
            candidate: candidates[candidate].0.clone(),
            entity: entities[entity].0.clone(),
        });
    }
    decisions
}

/// Recomputes the merge graph (and the claims graph) of a local store from
/// its document graphs, in one write.
pub fn refresh(store: &Store) -> anyhow::Result<Summary> {
    let (entities, decisions) = store.remerge(&decide)?;
    Ok(Summary::new(entities, &decisions))
}
