//! # tianjin-disability-subsidies
//!
//! Decides Tianjin's two disability subsidies (残疾人两项补贴) — the living allowance for disabled
//! people in financial difficulty (困难残疾人生活补贴) and the nursing allowance for severely
//! disabled people (重度残疾人护理补贴) — under the 2023 《实施意见》 in force from 2023-08: who
//! receives them, how much, paid to whom, from which month and until when, and why, clause by
//! clause.
//!
//! It is a pure rules engine: facts in, a decision with its reasons out. No clock, no I/O, no
//! global state: the month decided is an argument, the policy is a value.
//!
//! ```
//! use tianjin_disability_subsidies::{Language, Month, Policy, Resident};
//!
//! let policy = Policy::tianjin_2023();
//! let resident = Resident::from_json(r#"{
//!     "id": "R-1",
//!     "hukou": [{ "place": "tianjin", "from": "1960-05-01" }],
//!     "certificates": [{ "category": "physical", "grade": 2, "issued": "2020-03-01" }],
//!     "household_assistance": [{ "kind": "dibao", "from": "2022-01-01" }],
//!     "orphan_guarantee": [], "other_benefits": [], "custody": [],
//!     "applications": [{ "subsidies": ["living", "nursing"], "submitted": "2023-09-12" }]
//! }"#)?;
//!
//! let decision = policy.decide(&resident, Month::new(2024, 1)?)?;
//! assert_eq!(decision.living.amount().to_string(), "300");
//! assert_eq!(decision.nursing.amount().to_string(), "200");
//! assert_eq!(decision.total.to_string(), "500");
//! assert!(decision.clause_ids().iter().any(|c| c.id() == "living.eligibility"));
//!
//! let schedule = policy.schedule(&resident, Month::new(2023, 8)?, Month::new(2024, 7)?)?;
//! assert_eq!(schedule.living.first_paid, Some(Month::new(2023, 9)?));
//! println!("{}", schedule.explain(Language::English));
//! # Ok::<(), tianjin_disability_subsidies::Error>(())
//! ```
//!
//! Start with [`Facts`] (the input), [`Resident`] (the checked input), [`Policy`] (the dated
//! parameters), [`Policy::decide`] and [`Policy::schedule`], and [`MonthDecision`] (the output).
//! The rest is grouped by part: [`facts`], [`policy`], [`decision`], [`outreach`], [`roster`],
//! [`reform`], [`income`], [`json`] (the strict reader), [`error`], [`month`], [`money`],
//! [`language`]. The design is explained in [`_design`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]
// Every type a caller can reach through the API can be named.
#![deny(unnameable_types)]

// Each file imports only from the layers below it: DESIGN.md, "How do the layers stack?".
mod api;
mod clauses;
mod dates;
pub mod decision;
pub mod error;
mod evaluator;
pub mod facts;
pub mod income;
pub mod json;
pub mod language;
pub mod money;
pub mod month;
pub mod policy;
pub mod reform;
mod render;
pub mod report;
mod resident;
pub mod roster;
mod rules;
#[cfg(feature = "schema")]
pub mod schema;

/// 政策找人: outreach duties, where each stands, and why (clauses `outreach.*`). Asked of a
/// policy with [`Policy::outreach`]; a roster scan lists the open ones.
pub mod outreach {
    pub use crate::decision::{
        outreach_deadline, OutreachItem, OutreachStatus, OutreachTrigger, TriggerKind,
    };
}

// The common path.
pub use decision::{ClauseId, MonthDecision, Outcome, Reason, Schedule, SubsidyDecision};
pub use error::Error;
pub use facts::{Facts, Subsidy};
pub use language::Language;
pub use money::Money;
pub use month::Month;
pub use policy::{Policy, TIANJIN_2023_JSON};
pub use reform::{Comparer, Comparison, Reform};
pub use resident::Resident;
pub use roster::{RosterScan, ScanOptions, ScanRecord, ScanSummary};

#[doc = include_str!("../DESIGN.md")]
pub mod _design {}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
