//! The integration tests: one binary, a module per layer.
//!
//! - `cases`: runs every analyst case file in `tests/cases/*.json`.
//! - `clauses`: a test per clause and reading of CLAUSES.md, named by its id.
//! - `errors`: exact error text for bad input.
//! - `outreach`: outreach duties (政策找人) at their boundaries, and decisions after a waiver.
//! - `roster`: the roster scan of the bundled roster and of a hand-written one.

mod cases;
mod clauses;
mod errors;
mod outreach;
mod roster;
