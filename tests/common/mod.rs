//! Helpers shared by integration tests.
pub mod extract_fixtures;
