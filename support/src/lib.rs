//! Test support for `tianjin-disability-subsidies`, shared by its integration tests and its
//! examples (a dev-dependency of the main crate; not published).
//!
//! - [`generator`]: the seeded generator of varied, realistic residents, written as JSON Lines
//!   (`gen_roster`, the speed examples, and the roster tests that check the bundled roster).
//! - [`cases`]: the analyst case files (`tests/cases/*.json`) as types, read by the case runner
//!   (`tests/case_runner.rs`); their doc comments describe every field.
//! - [`fixtures`]: the helpers several test modules share: [`fixtures::month`],
//!   [`fixtures::day`], [`fixtures::money`], the Tianjin 2023 policy ([`fixtures::policy`],
//!   [`fixtures::policy_with`]) and the fully eligible resident ([`fixtures::eligible`]).
//!
//! Helpers that one test file alone uses stay in that file.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod cases;
pub mod fixtures;
pub mod generator;
