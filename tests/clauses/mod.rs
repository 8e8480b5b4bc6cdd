//! A test per clause and per reading of `docs/policy/CLAUSES.md` (the `outreach.*` ones aside),
//! each `mod` named after the clause id and quoting its text.
//!
//! Every expected value here is derived by hand from CLAUSES.md and FACTS.md (amounts from
//! 2023-08: living allowance 300 for grade 1-2, 160 for grade 3-4, nursing allowance 200), never
//! copied from the engine's output. Clause ids are written as literal strings so that a search
//! of `tests/` finds every clause.
//!
//! One file per clause family, as in `src/rules/`:
//!
//! - `eligibility`: `living.eligibility`, `nursing.eligibility`, `both`, `grade.multiple`, and
//!   unknown facts (undetermined).
//! - `competing`: `higher.welfare`, `stack.elderly`, `higher.elderly_nursing`, `higher.tie`,
//!   `higher.monthly`.
//! - `orphans`: `orphan.living`, `orphan.institution_payee`, `orphan.no_duplicate`.
//! - `exclusions`: `exclusion.work_injury`, `exclusion.extreme_poverty`, `exclusion.prison`,
//!   `exclusion.prison_kinds`.
//! - `payment`: `amounts`, `income.exempt`.
//! - `start`: `in_force`, `start.month`, `start.reapply`, `start.renewal`, `channels`,
//!   `start.carry_over` (its boundary day; whole cases in `tests/cases/start-carry-over-*.json`).
//! - `stop`: `stop.month`, `restart`.
//! - `calendar`: months at the edges and whole schedules, across the start and stop readings.
//! - `certificate.same_day` is tested where its effects are: `tests/order.rs` (two certificates
//!   issued the same day are refused in either order; one withdrawn on its issue day never
//!   counted), `eligibility` (a certificate withdrawn on its issue day is valid on no day),
//!   `tests/outreach.rs` (nor does it open a `new_certificate` duty) and the case file
//!   `tests/cases/errors-two-certificates-the-same-day.json`.
//! - `review`: regressions found in review.
//!
//! The helpers below are the clause tests' own; those other test files use too (`month`,
//! `policy`, `policy_with`, `eligible`, `institution`) are in the support crate's `fixtures`.

mod calendar;
mod competing;
mod eligibility;
mod exclusions;
mod orphans;
mod payment;
mod review;
mod start;
mod stop;

use serde_json::{json, Value};
use tianjin_disability_subsidies::{
    Error, MonthDecision, Policy, Resident, Schedule, SubsidyDecision,
};
use tianjin_disability_subsidies_support::fixtures::{
    eligible, institution, month, policy, policy_with,
};

/// A dated parameter value for a policy variant: `[{from: 2023-08, value, source}]`.
pub(crate) fn from_august_2023(value: Value) -> Value {
    json!([{ "from": "2023-08", "value": value, "source": "test variant" }])
}

/// A resident read from JSON; panics with the error when the test input is wrong.
pub(crate) fn resident(json: &str) -> Resident {
    Resident::from_json(json).unwrap_or_else(|e| panic!("test resident does not read: {e}"))
}

/// [`eligible`] edited, as a resident.
pub(crate) fn with(mut facts: Value, edit: impl FnOnce(&mut Value)) -> Resident {
    edit(&mut facts);
    resident(&facts.to_string())
}

/// A competing or stacking benefit; welfare-type allowances get a basis.
pub(crate) fn benefit(kind: &str, amount: &str, status: &str, from: &str) -> Value {
    let mut b = json!({ "kind": kind, "monthly_amount": amount, "status": status, "from": from });
    if kind.starts_with("welfare_") {
        b["basis"] = json!("disabled_on_duty");
    }
    b
}

/// The Tianjin 2023 decision for `month`.
pub(crate) fn decide(resident: &Resident, month_: &str) -> MonthDecision {
    decide_under(policy(), resident, month_)
}

pub(crate) fn decide_under(policy: &Policy, resident: &Resident, month_: &str) -> MonthDecision {
    policy
        .decide(resident, month(month_))
        .unwrap_or_else(|e| panic!("deciding {month_}: {e}"))
}

/// The Tianjin 2023 schedule from `first` to `last`.
pub(crate) fn schedule(resident: &Resident, first: &str, last: &str) -> Schedule {
    policy()
        .schedule(resident, month(first), month(last))
        .unwrap_or_else(|e| panic!("schedule {first}..{last}: {e}"))
}

/// Whether the subsidy's reasons cite the clause with this id.
pub(crate) fn cites(decision: &SubsidyDecision, id: &str) -> bool {
    decision.reasons.iter().any(|r| r.clause.id() == id)
}

/// Whether the month's decision as a whole (its own reasons or either subsidy's) cites the id.
pub(crate) fn month_cites(decision: &MonthDecision, id: &str) -> bool {
    decision.clause_ids().iter().any(|c| c.id() == id)
}

/// The findings of the reasons citing `id`, as JSON.
pub(crate) fn findings(decision: &SubsidyDecision, id: &str) -> Vec<Value> {
    decision
        .reasons
        .iter()
        .filter(|r| r.clause.id() == id)
        .map(|r| serde_json::to_value(&r.finding).expect("a finding serializes"))
        .collect()
}

/// The outcome as its JSON: `{"outcome": "paid", "amount": "300", …}`.
pub(crate) fn outcome(decision: &SubsidyDecision) -> Value {
    serde_json::to_value(&decision.outcome).expect("an outcome serializes")
}

/// The competing benefits given up, as JSON.
pub(crate) fn gives_up(decision: &SubsidyDecision) -> Value {
    serde_json::to_value(&decision.gives_up).expect("gives_up serializes")
}

/// Paid `amount` to the person.
#[track_caller]
pub(crate) fn assert_paid(decision: &SubsidyDecision, amount: &str) {
    assert_eq!(decision.outcome.name(), "paid", "{:?}", decision.outcome);
    assert_eq!(decision.amount().to_string(), amount);
    assert_eq!(
        outcome(decision),
        json!({ "outcome": "paid", "amount": amount, "payee": { "kind": "person" } })
    );
}

/// Not paid, with this outcome JSON.
#[track_caller]
pub(crate) fn assert_outcome(decision: &SubsidyDecision, expected: Value) {
    assert_eq!(outcome(decision), expected);
    assert_eq!(decision.amount().to_string(), "0");
}

#[track_caller]
pub(crate) fn assert_stopped(decision: &SubsidyDecision, since: &str, because: &str) {
    assert_eq!(decision.outcome.name(), "stopped");
    assert_outcome(
        decision,
        json!({ "outcome": "stopped", "since": since, "because": because }),
    );
    assert!(cites(decision, "stop.month"));
    assert!(cites(decision, "restart"));
}

#[track_caller]
pub(crate) fn assert_not_eligible(decision: &SubsidyDecision, because: &[&str]) {
    assert_eq!(decision.outcome.name(), "not_eligible");
    assert_outcome(
        decision,
        json!({ "outcome": "not_eligible", "because": because }),
    );
}

#[track_caller]
pub(crate) fn assert_excluded(decision: &SubsidyDecision, by: &str) {
    assert_eq!(decision.outcome.name(), "excluded");
    assert_outcome(decision, json!({ "outcome": "excluded", "by": by }));
}

#[track_caller]
pub(crate) fn assert_superseded(
    decision: &SubsidyDecision,
    by: &str,
    benefit: &str,
    subsidy: &str,
) {
    assert_eq!(decision.outcome.name(), "superseded");
    assert_outcome(
        decision,
        json!({ "outcome": "superseded", "by": by, "benefit_amount": benefit, "subsidy_amount": subsidy }),
    );
}

#[track_caller]
pub(crate) fn assert_not_applied_for(decision: &SubsidyDecision, would_pay: &str) {
    assert_eq!(decision.outcome.name(), "not_applied_for");
    assert_outcome(
        decision,
        json!({ "outcome": "not_applied_for", "would_pay": would_pay }),
    );
}

#[track_caller]
pub(crate) fn assert_undetermined(decision: &SubsidyDecision, missing: &[&str]) {
    assert_eq!(decision.outcome.name(), "undetermined");
    assert_outcome(
        decision,
        json!({ "outcome": "undetermined", "missing": missing }),
    );
}

/// Dibao ended 2024-03-15, resumed 2024-06-10; a new living-allowance application 2024-08-20.
pub(crate) fn dibao_break(new_application: bool) -> Resident {
    with(eligible(), |f| {
        f["household_assistance"] = json!([
            { "kind": "dibao", "from": "2022-01-01", "to": "2024-03-15" },
            { "kind": "dibao_edge", "from": "2024-06-10" }
        ]);
        if new_application {
            if let Some(a) = f["applications"].as_array_mut() {
                a.push(json!({ "subsidies": ["living", "nursing"], "submitted": "2024-08-20" }));
            }
        }
    })
}

/// A certificate expiring 2024-01-31 (claim stops from 2024-02) and a renewed one issued
/// 2024-07-15, with a renewal application on 2024-09-10 granting `back_pay` months.
pub(crate) fn renewal(back_pay: u8) -> Value {
    let mut facts = eligible();
    facts["certificates"] = json!([
        { "category": "physical", "grade": 2, "issued": "2019-02-01", "expires": "2024-01-31" },
        { "category": "physical", "grade": 2, "issued": "2024-07-15" }
    ]);
    if let Some(a) = facts["applications"].as_array_mut() {
        a.push(json!({
            "subsidies": ["living", "nursing"],
            "submitted": "2024-09-10",
            "follows_renewed_certificate": true,
            "back_pay_months": back_pay
        }));
    }
    facts
}
