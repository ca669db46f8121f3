//! trame: a knowledge-graph builder for French news.
//!
//! Text flows one way: [`input`] reads and prepares it, [`nlp`] annotates
//! it, [`extract`] turns annotations into [`facts`], [`store`] keeps them
//! as RDF, and [`export`] draws and dumps what the store holds; [`push`]
//! sends graphs to a remote SPARQL store; [`lookup`] finds entities and
//! facts by name in what the store holds; [`serve`] answers SPARQL over
//! HTTP and serves the web app. [`cli`] wires these into the `trame` binary.
//! See ARCHITECTURE.md for the module map and its invariants.

pub mod calendar;
pub mod cli;
pub mod export;
pub mod extract;
pub mod facts;
pub mod input;
pub mod lookup;
pub mod names;
/// The language pipeline, the `trame-nlp` crate (`src/nlp/`): a crate of
/// its own so that it builds and tests without the store's RocksDB.
pub use trame_nlp as nlp;
pub mod push;
pub mod quote;
pub mod serve;
pub mod store;
