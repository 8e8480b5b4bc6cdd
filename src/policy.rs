//! The dated policy: amounts, switches and how other benefits relate to the subsidies, as data.
//!
//! The Tianjin 2023 policy ships embedded ([`Policy::tianjin_2023`]); an analyst can load a
//! variant with [`Policy::from_json`]. Every amount and switch is a dated value
//! `{from, value, source}`, valid until the next one starts (clause `in_force`, reading `amounts`).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::clauses::ClauseId;
use crate::error::Error;
use crate::facts::{BenefitKind, BenefitStatus, Category, Grade, Subsidy};
use crate::money::Money;
use crate::month::Month;

/// The embedded Tianjin 2023 policy data.
pub const TIANJIN_2023_JSON: &str = include_str!("../data/tianjin-2023.json");

/// One policy version: the months it covers, its dated parameters and the relations of other
/// benefits to the subsidies. Loaded once, shared freely (`Send + Sync`), never changed.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::{Month, Policy};
///
/// let policy = Policy::tianjin_2023();
/// let nursing = policy.parameters().nursing_allowance.at(Month::new(2024, 1)?).unwrap();
/// assert_eq!(nursing.value.to_string(), "200");
/// assert_eq!(nursing.from.to_string(), "2023-08");
/// # Ok::<(), tianjin_disability_subsidies::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    name: Arc<str>,
    title: String,
    document: String,
    covers: Coverage,
    parameters: Parameters,
    benefit_relations: BTreeMap<BenefitKind, BenefitRelation>,
    /// `benefit_relations` indexed by kind, filled at load: looked up for every benefit of every
    /// decision.
    #[serde(skip)]
    relation_table: [Option<BenefitRelation>; BenefitKind::ALL.len()],
}

/// The months a policy governs: from its first month, until its last (absent: open-ended).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// The first month governed.
    pub from: Month,
    /// The last month governed; absent while the policy is in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Month>,
}

impl Coverage {
    /// Whether `month` is governed.
    pub fn contains(&self, month: Month) -> bool {
        month >= self.from && self.to.is_none_or(|to| month <= to)
    }
}

impl fmt::Display for Coverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to {
            Some(to) => write!(f, "{} to {}", self.from, to),
            None => write!(f, "{} onwards", self.from),
        }
    }
}

/// The dated amounts and switches of a policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameters {
    /// Living allowance per month, grade 1–2 (重度).
    pub living_allowance_grade_1_2: Dated<Money>,
    /// Living allowance per month, grade 3–4.
    pub living_allowance_grade_3_4: Dated<Money>,
    /// What dibao-edge households receive as living allowance.
    pub dibao_edge_living_allowance: Dated<DibaoEdgeRate>,
    /// Nursing allowance per month (grade 1–2).
    pub nursing_allowance: Dated<Money>,
    /// Whether a claim stops in the month after a condition ceased, or in that same month.
    pub stop_timing: Dated<StopTiming>,
    /// Who wins a choose-the-higher on equal amounts.
    pub tie_break: Dated<TieBreak>,
    /// The most back-pay months a caseworker may grant after a certificate renewal.
    pub max_renewal_back_pay_months: Dated<u8>,
    /// Categories and grades beyond grade 1–2 that also receive the nursing allowance (empty in
    /// Tianjin 2023; several provinces add grade-3 intellectual and mental disabilities).
    pub nursing_allowance_also_for: Dated<Vec<CategoryGrade>>,
}

/// A category and grade, as a policy extension names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryGrade {
    /// The disability category.
    pub category: Category,
    /// The grade.
    pub grade: Grade,
}

/// The dated parameters of a policy, by name: what a decision cites in `used`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Parameter {
    /// `living_allowance_grade_1_2`.
    #[serde(rename = "living_allowance_grade_1_2")]
    LivingAllowanceGrade1To2,
    /// `living_allowance_grade_3_4`.
    #[serde(rename = "living_allowance_grade_3_4")]
    LivingAllowanceGrade3To4,
    /// `dibao_edge_living_allowance`.
    DibaoEdgeLivingAllowance,
    /// `nursing_allowance`.
    NursingAllowance,
    /// `stop_timing`.
    StopTiming,
    /// `tie_break`.
    TieBreak,
    /// `max_renewal_back_pay_months`.
    MaxRenewalBackPayMonths,
    /// `nursing_allowance_also_for`.
    NursingAllowanceAlsoFor,
}

impl Parameter {
    /// The parameter's name in the policy file.
    pub fn name(self) -> &'static str {
        match self {
            Parameter::LivingAllowanceGrade1To2 => "living_allowance_grade_1_2",
            Parameter::LivingAllowanceGrade3To4 => "living_allowance_grade_3_4",
            Parameter::DibaoEdgeLivingAllowance => "dibao_edge_living_allowance",
            Parameter::NursingAllowance => "nursing_allowance",
            Parameter::StopTiming => "stop_timing",
            Parameter::TieBreak => "tie_break",
            Parameter::MaxRenewalBackPayMonths => "max_renewal_back_pay_months",
            Parameter::NursingAllowanceAlsoFor => "nursing_allowance_also_for",
        }
    }
}

impl fmt::Display for Parameter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A parameter's values over time, each valid from its month until the next one starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Dated<T>(Vec<DatedValue<T>>);

/// One value of a parameter, with the month it takes effect and its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedValue<T> {
    /// The first month the value applies.
    pub from: Month,
    /// The value.
    pub value: T,
    /// Where the value comes from, for an analyst to check or replace. Shared with every
    /// decision that cites it.
    pub source: Arc<str>,
}

impl<T> Dated<T> {
    /// The value in force in `month`, if any starts on or before it.
    pub fn at(&self, month: Month) -> Option<&DatedValue<T>> {
        self.0.iter().rev().find(|v| v.from <= month)
    }

    /// Every value, oldest first.
    pub fn values(&self) -> &[DatedValue<T>] {
        &self.0
    }

    /// Replaces every value from `value.from` on with `value`.
    pub(crate) fn set_from(&mut self, value: DatedValue<T>) {
        self.0.retain(|v| v.from < value.from);
        self.0.push(value);
    }

    fn check(&self, name: &str, coverage: &Coverage) -> Result<(), Error> {
        let invalid = |i: Option<usize>, problem: String| Error::InvalidPolicy {
            path: match i {
                Some(i) => format!("parameters.{name}[{i}]"),
                None => format!("parameters.{name}"),
            },
            problem,
        };
        let first = self
            .0
            .first()
            .ok_or_else(|| invalid(None, "expected at least one dated value, found none".into()))?;
        if first.from > coverage.from {
            return Err(invalid(
                Some(0),
                format!(
                    "expected a value from {} (the policy's first month), found the first from {}",
                    coverage.from, first.from
                ),
            ));
        }
        for (i, pair) in self.0.windows(2).enumerate() {
            if pair[1].from <= pair[0].from {
                return Err(invalid(
                    Some(i + 1),
                    format!(
                        "expected values in order of their months, found {} after {}",
                        pair[1].from, pair[0].from
                    ),
                ));
            }
        }
        for (i, v) in self.0.iter().enumerate() {
            if v.source.trim().is_empty() {
                return Err(invalid(Some(i), "expected a source, found none".into()));
            }
        }
        Ok(())
    }
}

/// The living allowance of dibao-edge households (reading `amounts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DibaoEdgeRate {
    /// The same amounts as dibao households (the Tianjin default).
    SameAsDibao,
    /// Amounts of their own.
    Amounts {
        /// For grade 1–2.
        grade_1_2: Money,
        /// For grade 3–4.
        grade_3_4: Money,
    },
}

/// When a claim stops after a condition ceased (reading `stop.month`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StopTiming {
    /// 自情况发生的次月起停止发放: from the month after; an event on the 1st stops that month
    /// itself (the default).
    MonthAfter,
    /// From the month in which the condition ceased.
    SameMonth,
}

/// Who wins a choose-the-higher on equal amounts, unless the person chose (reading `higher.tie`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TieBreak {
    /// Keep the competing benefit if it is already being received, else pay the subsidy
    /// (the default).
    KeepReceived,
    /// Always pay the subsidy.
    PreferSubsidy,
    /// Always keep the competing benefit.
    PreferOtherBenefit,
}

/// How another benefit relates to the subsidies: decided by the policy, not by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "relation", rename_all = "snake_case", deny_unknown_fields)]
pub enum BenefitRelation {
    /// 择高: the person gets the higher of the benefit and the subsidy.
    ChooseHigher {
        /// The subsidy it competes with.
        subsidy: Subsidy,
        /// Whether it competes when only qualified for, or only when received.
        counts_when: CountsWhen,
        /// The clause that says so.
        clause: ClauseId,
    },
    /// 叠加享受: never reduces either subsidy.
    Stacks {
        /// The clause that says so.
        clause: ClauseId,
    },
    /// 不享受: neither subsidy while it applies.
    Excludes {
        /// Whether it excludes when only qualified for, or only when received.
        counts_when: CountsWhen,
        /// The clause that says so.
        clause: ClauseId,
    },
}

/// When another benefit counts for its relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountsWhen {
    /// Only when it is already being received (e.g. 伤残抚恤 "且已享受补贴").
    Received,
    /// When received, and also when only qualified for (符合…条件).
    QualifiedOrReceived,
}

impl CountsWhen {
    /// Whether a benefit in `status` counts.
    pub fn counts(self, status: BenefitStatus) -> bool {
        match self {
            CountsWhen::Received => status == BenefitStatus::Received,
            CountsWhen::QualifiedOrReceived => true,
        }
    }
}

impl Policy {
    /// The Tianjin 2023 policy (《实施意见》, in force from 2023-08), from the embedded data.
    pub fn tianjin_2023() -> Policy {
        // The embedded data is checked by the test `embedded_policy_loads`; it cannot fail at run
        // time unless the crate was built from a broken checkout.
        #[allow(clippy::expect_used, reason = "embedded data, checked by a test")]
        Policy::from_json(TIANJIN_2023_JSON).expect("the embedded Tianjin 2023 policy is valid")
    }

    /// Reads and checks a policy from JSON: the embedded file's format.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPolicy`] naming the JSON path when the document is malformed, a parameter
    /// has no value, values are out of order or start after the policy's first month, a source is
    /// missing, or a benefit kind has no relation.
    pub fn from_json(json: &str) -> Result<Policy, Error> {
        let mut policy: Policy = crate::resident::read_json(json).map_err(|e| match e {
            Error::Json {
                path,
                message,
                line,
                column,
            } => Error::InvalidPolicy {
                path,
                problem: format!("{message} (line {line}, column {column})"),
            },
            other => other,
        })?;
        policy.check()?;
        for (kind, relation) in &policy.benefit_relations {
            policy.relation_table[*kind as usize] = Some(*relation);
        }
        Ok(policy)
    }

    /// Checks the policy's data; run at load and on a reform applied to a base.
    pub(crate) fn check(&self) -> Result<(), Error> {
        if let Some(to) = self.covers.to {
            if to < self.covers.from {
                return Err(Error::InvalidPolicy {
                    path: "covers.to".into(),
                    problem: format!(
                        "expected a month on or after {}, found {to}",
                        self.covers.from
                    ),
                });
            }
        }
        let p = &self.parameters;
        let c = &self.covers;
        p.living_allowance_grade_1_2
            .check("living_allowance_grade_1_2", c)?;
        p.living_allowance_grade_3_4
            .check("living_allowance_grade_3_4", c)?;
        p.dibao_edge_living_allowance
            .check("dibao_edge_living_allowance", c)?;
        p.nursing_allowance.check("nursing_allowance", c)?;
        p.stop_timing.check("stop_timing", c)?;
        p.tie_break.check("tie_break", c)?;
        p.max_renewal_back_pay_months
            .check("max_renewal_back_pay_months", c)?;
        p.nursing_allowance_also_for
            .check("nursing_allowance_also_for", c)?;
        for (i, v) in p.max_renewal_back_pay_months.values().iter().enumerate() {
            if v.value > crate::resident::MAX_BACK_PAY_MONTHS {
                return Err(Error::InvalidPolicy {
                    path: format!("parameters.max_renewal_back_pay_months[{i}].value"),
                    problem: format!(
                        "expected at most {} months (reading start.renewal), found {}",
                        crate::resident::MAX_BACK_PAY_MONTHS,
                        v.value
                    ),
                });
            }
        }
        for (kind, relation) in &self.benefit_relations {
            let can_exclude = matches!(
                kind,
                BenefitKind::WorkInjuryLivingCareFee | BenefitKind::ExtremePovertySupport
            );
            if matches!(relation, BenefitRelation::Excludes { .. }) && !can_exclude {
                return Err(Error::InvalidPolicy {
                    path: format!(
                        "benefit_relations.{}",
                        serde_json::to_value(kind)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_owned))
                            .unwrap_or_default()
                    ),
                    problem: "expected choose_higher or stacks: only work_injury_living_care_fee and extreme_poverty_support can exclude in this version".into(),
                });
            }
        }
        for kind in BenefitKind::ALL {
            if !self.benefit_relations.contains_key(&kind) {
                return Err(Error::InvalidPolicy {
                    path: "benefit_relations".into(),
                    problem: format!(
                        "expected a relation for every benefit kind, found none for {}",
                        serde_json::to_string(&kind).unwrap_or_default()
                    ),
                });
            }
        }
        Ok(())
    }

    pub(crate) fn parameters_mut(&mut self) -> &mut Parameters {
        &mut self.parameters
    }

    pub(crate) fn rename(&mut self, name: String) {
        self.name = Arc::from(name);
    }

    /// The name, shared by every decision of the policy.
    pub(crate) fn shared_name(&self) -> &Arc<str> {
        &self.name
    }

    /// The policy's short name, e.g. `tianjin-2023`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The title of the document it implements.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The document's number and issuers, as known.
    pub fn document(&self) -> &str {
        &self.document
    }

    /// The months it governs.
    pub fn covers(&self) -> Coverage {
        self.covers
    }

    /// Its dated parameters.
    pub fn parameters(&self) -> &Parameters {
        &self.parameters
    }

    /// How `kind` relates to the subsidies.
    pub fn relation(&self, kind: BenefitKind) -> BenefitRelation {
        // `check` guarantees a relation for every kind; `Stacks` is the harmless fallback.
        self.relation_table[kind as usize].unwrap_or(BenefitRelation::Stacks {
            clause: ClauseId::StackElderly,
        })
    }

    /// Fails unless the policy governs `month` (clause `in_force`).
    ///
    /// # Errors
    ///
    /// [`Error::MonthNotCovered`] for a month outside [`Policy::covers`].
    pub fn check_covers(&self, month: Month) -> Result<(), Error> {
        if self.covers.contains(month) {
            Ok(())
        } else {
            Err(Error::MonthNotCovered {
                month,
                policy: self.name.to_string(),
                covers: self.covers,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_policy_loads() {
        let policy = Policy::from_json(TIANJIN_2023_JSON).unwrap();
        assert_eq!(policy.name(), "tianjin-2023");
        assert_eq!(policy.covers().to_string(), "2023-08 onwards");
    }

    fn variant(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Policy, Error> {
        let mut json: serde_json::Value = serde_json::from_str(TIANJIN_2023_JSON).unwrap();
        edit(&mut json);
        Policy::from_json(&json.to_string())
    }

    #[test]
    fn load_time_checks_name_the_parameter() {
        let err =
            variant(|j| j["parameters"]["nursing_allowance"] = serde_json::json!([])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.nursing_allowance: expected at least one dated value, found none"
        );
        let err = variant(|j| {
            j["parameters"]["nursing_allowance"] = serde_json::json!([
                {"from": "2024-01", "value": "220", "source": "s"},
                {"from": "2023-08", "value": "200", "source": "s"}
            ])
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.nursing_allowance[0]: expected a value from 2023-08 (the policy's first month), found the first from 2024-01"
        );
        let err = variant(|j| {
            j["parameters"]["nursing_allowance"] = serde_json::json!([
                {"from": "2023-08", "value": "200", "source": "s"},
                {"from": "2023-08", "value": "220", "source": "s"}
            ])
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.nursing_allowance[1]: expected values in order of their months, found 2023-08 after 2023-08"
        );
        let err = variant(|j| j["parameters"]["tie_break"][0]["source"] = "".into()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.tie_break[0]: expected a source, found none"
        );
        let err = variant(|j| j["parameters"]["nursing_allowance"][0]["value"] = "-1".into())
            .unwrap_err();
        assert!(
            err.to_string().starts_with(
                "policy parameters.nursing_allowance[0].value: invalid value: string \"-1\""
            ),
            "{err}"
        );
        let err = variant(|j| {
            j["benefit_relations"]
                .as_object_mut()
                .unwrap()
                .remove("advanced_age_allowance");
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy benefit_relations: expected a relation for every benefit kind, found none for \"advanced_age_allowance\""
        );
        let err = variant(|j| {
            j["benefit_relations"]["advanced_age_allowance"] =
                serde_json::json!({"relation": "excludes", "counts_when": "received", "clause": "stack.elderly"});
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy benefit_relations.advanced_age_allowance: expected choose_higher or stacks: only work_injury_living_care_fee and extreme_poverty_support can exclude in this version"
        );
    }

    #[test]
    fn a_dated_value_holds_until_the_next() {
        let policy = variant(|j| {
            j["parameters"]["nursing_allowance"] = serde_json::json!([
                {"from": "2023-08", "value": "200", "source": "a"},
                {"from": "2025-01", "value": "230", "source": "b"}
            ])
        })
        .unwrap();
        let at = |m: &str| {
            let v = policy
                .parameters()
                .nursing_allowance
                .at(m.parse().unwrap())
                .unwrap();
            (v.value.to_string(), v.source.to_string())
        };
        assert_eq!(at("2024-12"), ("200".to_owned(), "a".to_owned()));
        assert_eq!(at("2025-01"), ("230".to_owned(), "b".to_owned()));
        assert!(policy
            .parameters()
            .nursing_allowance
            .at("2023-07".parse().unwrap())
            .is_none());
    }
}

#[cfg(test)]
mod thread_safety {
    /// A policy is loaded once and shared across threads (issue: "a `Send + Sync` value").
    #[test]
    fn policy_and_resident_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<super::Policy>();
        assert_send_sync::<crate::Resident>();
        assert_send_sync::<crate::MonthDecision>();
    }
}
