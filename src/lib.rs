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
//! The design is explained in [`_design`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod api;
mod certificate_number;
mod clauses;
mod dates;
mod decision;
mod error;
mod evaluator;
mod facts;
pub mod json;
mod money;
mod month;
mod policy;
mod reform;
mod render;
mod resident;
mod roster;
mod rules;

pub use certificate_number::{citizen_id_check_character, CertificateNumber};
pub use clauses::ClauseId;
pub use decision::{
    Cause, FactGroup, FactRef, Finding, GivenUp, Lapse, MonthDecision, Outcome, Payee, Reason,
    Schedule, Side, StopInfo, SubsidyDecision, SubsidySummary, Tier, Used,
};
pub use decision::{OutreachItem, OutreachStatus, OutreachTrigger, TriggerKind};
pub use error::{CertificateNumberProblem, Error, FactProblem};
pub use facts::{
    Application, AssistanceKind, AssistancePeriod, BenefitKind, BenefitStatus, Category,
    Certificate, Channel, Choice, CustodyKind, CustodyPeriod, Facts, Grade, HukouPeriod, Keeps,
    Notification, NotificationForm, Office, OfficeBody, OfficeLevel, OrphanCare, OrphanPeriod,
    OtherBenefit, Place, Recipient, Subsidy, WelfareBasis, Withdrawal, WithdrawalKind,
};
pub use money::Money;
pub use month::{Month, MAX_RANGE_MONTHS};
pub use policy::{
    BenefitRelation, CategoryGrade, CountsWhen, Coverage, Dated, DatedValue, DibaoEdgeRate,
    Parameter, Parameters, Policy, StopTiming, TieBreak, UnknownParameter, ValueView,
    TIANJIN_2023_JSON,
};
pub use reform::{
    Comparer, Comparison, Cost, Household, MonthComparison, MonthCost, Movers, Override,
    PerSubsidy, Reform, ResidentComparison, ResidentTotals, YearCost,
};
pub use render::{Explanation, Language};
pub use resident::{Resident, MAX_BACK_PAY_MONTHS};
pub use roster::{PaymentTotal, RosterScan, ScanOptions, ScanRecord, ScanSummary};
pub use rules::income;
pub use rules::outreach::outreach_deadline;

#[doc = include_str!("../DESIGN.md")]
pub mod _design {}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
