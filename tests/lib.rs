//! The integration tests: one binary, a module per layer.
//!
//! - `cases`: runs every analyst case file in `tests/cases/*.json`.
//! - `clauses`: a test per clause and reading of CLAUSES.md, named by its id.
//! - `errors`: exact error text for bad input.

mod cases;
mod clauses;
mod errors;
