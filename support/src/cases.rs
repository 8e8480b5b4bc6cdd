//! The analyst case files (`tests/cases/*.json`): what they may hold, as types.
//!
//! A case file is a resident's facts and what the two subsidies should decide in some months,
//! written without Rust; the format is explained, with examples, in `tests/cases/README.md`, and
//! the runner (`tests/case_runner.rs`, the `cases` test target) reads every file into a [`Case`]
//! with the crate's strict reader (`tianjin_disability_subsidies::json::from_str`): an unknown
//! field, an array where an object belongs or a key written twice is refused, naming its JSON
//! path, line and column.
//!
//! Every field's doc comment is written for the analyst: it is the field's description in the
//! case files' JSON Schema. Paths in a case file (`policy`, `reform`) are relative to the crate
//! root, the folder that holds `Cargo.toml`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};
use tianjin_disability_subsidies::decision::{Cause, FactGroup};
use tianjin_disability_subsidies::facts::BenefitKind;
use tianjin_disability_subsidies::{ClauseId, Money, Month};

/// One case file: a resident's facts, and what the two subsidies should decide in some months
/// (`expect`), or the error the facts must be refused with (`expect_error`).
#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The JSON Schema the file follows, for editors; not read by the runner.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// What the case shows, in one sentence, as a specification would say it; for the reader
    /// only.
    pub description: String,
    /// The clause and reading ids of `docs/policy/CLAUSES.md` the case is about, e.g.
    /// `"living.eligibility"`. Each must be cited by a reason of one of the case's decisions, or
    /// the case fails.
    pub clauses: Vec<ClauseId>,
    /// A policy variant file, relative to the crate root (the folder of `Cargo.toml`), e.g.
    /// `"tests/cases/policies/same-month-stop.json"`. Without it, the embedded Tianjin 2023
    /// policy.
    #[serde(default)]
    pub policy: Option<String>,
    /// A reform file (`Reform::from_json`), relative to the crate root, e.g.
    /// `"tests/cases/reforms/living-350.json"`, applied to the policy above (the Tianjin 2023
    /// policy without `policy`).
    #[serde(default)]
    pub reform: Option<String>,
    /// Free words for running a group of cases with `TAG=`, e.g.
    /// `["reform", "living-350", "amounts"]`.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The resident's facts, exactly as `Resident::from_json` reads them. A group left out is
    /// unknown; `[]` means known to be none.
    #[schemars(with = "tianjin_disability_subsidies::Facts")]
    pub facts: serde_json::Value,
    /// What some months decide, one entry per month or range of months. Exactly one of `expect`
    /// and `expect_error` is given.
    #[serde(default)]
    pub expect: Option<Vec<MonthExpect>>,
    /// For facts that must be refused: the exact text of the error, its line and column those
    /// of the case file itself. Exactly one of `expect` and `expect_error` is given.
    #[serde(default)]
    pub expect_error: Option<String>,
}

/// What one month, or every month of a range, decides. Exactly one of `month` and `months` is
/// given; every other field is checked only when given.
#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MonthExpect {
    /// One month, `"YYYY-MM"`.
    #[serde(default)]
    pub month: Option<Month>,
    /// A range of months, `"2024-01..2024-06"`, both included: every month of the range must
    /// match. Write the range over which the expectation truly holds, up to the next boundary.
    #[serde(default)]
    pub months: Option<MonthRange>,
    /// What the living allowance decides; left out, it is not checked.
    #[serde(default)]
    pub living: Option<SubsidyExpect>,
    /// What the nursing allowance decides; left out, it is not checked.
    #[serde(default)]
    pub nursing: Option<SubsidyExpect>,
    /// What both subsidies pay together, a string of yuan, e.g. `"160"`.
    #[serde(default)]
    pub total: Option<Money>,
    /// Clause ids that must be cited somewhere in the month's decision, the month-level reasons
    /// `in_force` and `both` included.
    #[serde(default)]
    pub reasons: Option<Vec<ClauseId>>,
    /// Clause ids that must not be cited anywhere in the month's decision.
    #[serde(default)]
    pub not_reasons: Option<Vec<ClauseId>>,
    /// Instead of the fields above: the exact text of the error deciding the month gives (a
    /// month before 2023-08, say).
    #[serde(default)]
    pub error: Option<String>,
}

impl MonthExpect {
    /// The months the expectation is about, or the problem with its `month` / `months`.
    ///
    /// # Errors
    ///
    /// When both or neither of `month` and `months` are given.
    pub fn months(&self) -> Result<Vec<Month>, String> {
        match (self.month, self.months) {
            (Some(month), None) => Ok(vec![month]),
            (None, Some(range)) => Ok(range.first.through(range.last).collect()),
            _ => Err("expected exactly one of \"month\" and \"months\"".to_owned()),
        }
    }
}

/// A range of months written `"YYYY-MM..YYYY-MM"`, both included, the first not after the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthRange {
    /// The first month of the range.
    pub first: Month,
    /// The last month of the range, not before the first.
    pub last: Month,
}

impl FromStr for MonthRange {
    type Err = String;

    fn from_str(s: &str) -> Result<MonthRange, String> {
        let problem = || {
            format!(
                "expected a range of months as \"YYYY-MM..YYYY-MM\", the first not after the last, found \"{s}\""
            )
        };
        let (first, last) = s.split_once("..").ok_or_else(problem)?;
        let first: Month = first.parse().map_err(|_| problem())?;
        let last: Month = last.parse().map_err(|_| problem())?;
        if first > last {
            return Err(problem());
        }
        Ok(MonthRange { first, last })
    }
}

impl fmt::Display for MonthRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.first, self.last)
    }
}

impl schemars::JsonSchema for MonthRange {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MonthRange".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A range of months, both included, the first not after the last: \"YYYY-MM..YYYY-MM\".",
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])\\.\\.[0-9]{4}-(0[1-9]|1[0-2])$"
        })
    }
}

/// The JSON Schema of a case file (committed as `schemas/case.schema.json`).
pub fn schema() -> schemars::Schema {
    let mut schema = schemars::SchemaGenerator::default().into_root_schema_for::<Case>();
    schema.insert("title".into(), "A case file".into());
    schema.insert(
        "description".into(),
        "An analyst's case: a resident's facts and what the two subsidies should decide in some months (tests/cases/README.md).".into(),
    );
    schema
}

impl<'de> Deserialize<'de> for MonthRange {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<MonthRange, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// What one subsidy decides in a month. Only `outcome` is required; every other field is
/// checked only when given.
#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubsidyExpect {
    /// The outcome: `paid`, `not_eligible`, `excluded`, `superseded`, `not_applied_for`,
    /// `stopped` or `undetermined`.
    pub outcome: OutcomeName,
    /// What the subsidy pays this month, a string of yuan (`"300"`, `"300.01"`); `"0"` for any
    /// outcome but `paid`.
    #[serde(default)]
    pub amount: Option<Money>,
    /// For `paid`: `"person"`, or the child welfare institution's name.
    #[serde(default)]
    pub payee: Option<String>,
    /// For `not_eligible`: every unmet condition, e.g. `["no_tianjin_hukou"]`. The exact set;
    /// order does not matter.
    #[serde(default)]
    pub because: Option<Vec<Cause>>,
    /// For `excluded`: the cause, e.g. `"prison"`; for `superseded`: the benefit kept, e.g.
    /// `"welfare_living_allowance"`.
    #[serde(default)]
    pub by: Option<String>,
    /// For `stopped`: the first month not paid, `"YYYY-MM"`.
    #[serde(default)]
    pub since: Option<Month>,
    /// For `stopped`: the condition that ceased, e.g. `"died"`.
    #[serde(default)]
    pub stop_because: Option<Cause>,
    /// For `undetermined`: the fact groups still needed, e.g. `["household_assistance"]`. The
    /// exact set; order does not matter.
    #[serde(default)]
    pub missing: Option<Vec<FactGroup>>,
    /// For `not_applied_for`: what the subsidy would pay; for `superseded`: what it would have
    /// paid.
    #[serde(default)]
    pub would_pay: Option<Money>,
    /// The competing benefits given up to receive the subsidy. The exact set; `[]` to say none.
    #[serde(default)]
    pub gives_up: Option<Vec<BenefitKind>>,
    /// Clause ids that must all be cited by this subsidy's reasons (others may be cited too).
    #[serde(default)]
    pub reasons: Option<Vec<ClauseId>>,
    /// Clause ids this subsidy's reasons must not cite.
    #[serde(default)]
    pub not_reasons: Option<Vec<ClauseId>>,
}

/// An outcome's name as the decision's JSON spells it, so that a misspelt outcome is refused
/// when the case is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeName {
    /// `paid`: the subsidy is paid this month.
    Paid,
    /// `not_eligible`: a condition is not met.
    NotEligible,
    /// `excluded`: an exclusion (prison, extreme poverty support, …) applies.
    Excluded,
    /// `superseded`: a higher competing benefit is kept instead.
    Superseded,
    /// `not_applied_for`: eligible, but no application covers the month (应享未享).
    NotAppliedFor,
    /// `stopped`: a claim was paid and has stopped.
    Stopped,
    /// `undetermined`: facts needed to decide are unknown.
    Undetermined,
}

impl OutcomeName {
    /// The name as written in JSON, e.g. `not_eligible`: the one serde reads it from.
    pub fn name(self) -> String {
        json_name(&self)
    }
}

impl fmt::Display for OutcomeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// A value's name as its JSON spells it, e.g. `no_valid_certificate` or `grade_not_severe`: a
/// unit variant's string (any other value as its JSON text).
pub fn json_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        Ok(other) => other.to_string(),
        Err(e) => format!("<{e}>"),
    }
}
