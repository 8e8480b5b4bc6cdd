//! How much: reading `amounts` (the dated parameter table of FACTS.md).

use super::Trace;
use crate::clauses::ClauseId;
use crate::decision::{Finding, Tier};
use crate::error::Error;
use crate::facts::{AssistanceKind, Grade, Subsidy};
use crate::money::Money;
use crate::month::Month;
use crate::policy::{Dated, DibaoEdgeRate, Parameter, Policy};

/// The month's standard amount of `subsidy` for a person of `grade` in a household of status
/// `household` (reading `amounts`: "from 2023-08, living allowance 300 for grade 1–2 and 160 for
/// grade 3–4, nursing allowance 200; dibao-edge households the same as dibao households").
///
/// # Errors
///
/// [`Error::MonthNotCovered`] when the policy has no value for `month`.
pub(crate) fn monthly_amount(
    policy: &Policy,
    subsidy: Subsidy,
    month: Month,
    grade: Grade,
    household: Option<AssistanceKind>,
    trace: &mut Trace,
) -> Result<Money, Error> {
    let p = policy.parameters();
    let value = |dated: &Dated<Money>, parameter: Parameter| {
        dated
            .at(month)
            .map(|v| (v.value, v.from, parameter))
            .ok_or_else(|| not_covered(policy, month))
    };
    let tier = match (subsidy, grade.is_severe()) {
        (Subsidy::Nursing, _) => Tier::Flat,
        (Subsidy::Living, true) => Tier::Grade1To2,
        (Subsidy::Living, false) => Tier::Grade3To4,
    };
    let (amount, from, parameter) = match tier {
        Tier::Flat => value(&p.nursing_allowance, Parameter::NursingAllowance)?,
        _ => {
            let edge = match household {
                Some(AssistanceKind::DibaoEdge) => Some(
                    p.dibao_edge_living_allowance
                        .at(month)
                        .ok_or_else(|| not_covered(policy, month))?,
                ),
                _ => None,
            };
            match (edge.map(|e| (e.value, e.from)), tier) {
                (Some((DibaoEdgeRate::Amounts { grade_1_2, .. }, from)), Tier::Grade1To2) => {
                    (grade_1_2, from, Parameter::DibaoEdgeLivingAllowance)
                }
                (Some((DibaoEdgeRate::Amounts { grade_3_4, .. }, from)), _) => {
                    (grade_3_4, from, Parameter::DibaoEdgeLivingAllowance)
                }
                (_, Tier::Grade1To2) => value(
                    &p.living_allowance_grade_1_2,
                    Parameter::LivingAllowanceGrade1To2,
                )?,
                _ => value(
                    &p.living_allowance_grade_3_4,
                    Parameter::LivingAllowanceGrade3To4,
                )?,
            }
        }
    };
    trace.add(ClauseId::Amounts, || Finding::Amount {
        subsidy,
        amount,
        tier,
        household: if subsidy == Subsidy::Living {
            household
        } else {
            None
        },
        parameter,
        from,
    });
    Ok(amount)
}

fn not_covered(policy: &Policy, month: Month) -> Error {
    Error::MonthNotCovered {
        month,
        policy: policy.name().to_owned(),
        covers: policy.covers().to_string(),
    }
}
