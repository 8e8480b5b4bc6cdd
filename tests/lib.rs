//! The integration tests: one binary, a module per layer. The analyst case files
//! (`tests/cases/*.json`) are a test target of their own, `cases` (`tests/case_runner.rs`).
//!
//! - `chinese`: every error in Chinese is Chinese: a sweep of every kind of error, and damaged
//!   residents (proptest), each message checked for English words.
//! - `clauses`: a test per clause and reading of CLAUSES.md, named by its id; a file per clause
//!   family (`tests/clauses/`).
//! - `errors`: exact error text for bad input.
//! - `examples`: the example binaries run as a user runs them: outputs that are inputs refused,
//!   outputs written in full or not at all, exit statuses (a full disk, a closed pipe, a wrong
//!   command line), `--help`, control characters from the input escaped, and `roster` and
//!   `reform` counting a damaged file's lines alike.
//! - `outreach`: outreach duties (政策找人) at their boundaries, and decisions after a waiver.
//! - `roster`: the roster scan of the bundled roster and of a hand-written one.
//! - `reform`: the bundled reforms costed over a hand-written population; reform and policy
//!   load-time checks; one resident side by side.
//! - `report`: the roster and reform reports and the policy at a glance, in both languages, as
//!   text and CSV; the first two read a roster's lines alike.
//! - `schemas`: the committed JSON Schemas are what the types generate; every bundled file
//!   validates; every value is described.
//! - `service`: what a service relies on: a resident read from anywhere, error kinds and bodies,
//!   safe and short messages, the compact form, bounded memory, scans and comparisons merged.
//! - `order`: the same facts in any order give the same answers.
//! - `policy`: every way to a policy decides alike; every parameter is checked, reformable and
//!   named in both languages.
//! - `strict_json`: an array where an object belongs, or a key written twice, is refused.
//! - `properties`: invariants over generated residents (proptest).
//! - `snapshot`: which outcomes change between two policy versions, over the case files and the
//!   sample residents.

mod chinese;
mod clauses;
mod errors;
mod examples;
mod order;
mod outreach;
mod policy;
mod properties;
mod reform;
mod report;
mod roster;
mod schemas;
mod service;
mod snapshot;
mod strict_json;
