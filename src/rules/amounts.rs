//! How much: reading `amounts` (the dated parameter table of FACTS.md).

use super::Trace;
use crate::clauses::ClauseId;
use crate::decision::{Finding, Tier, Used};
use crate::facts::{AssistanceKind, Grade, Subsidy};
use crate::money::Money;
use crate::policy::{Covered, DibaoEdgeRate, Parameter, Policy};

/// The month's standard amount of `subsidy` for a person of `grade` in a household of status
/// `household` (reading `amounts`: "from 2023-08, living allowance 300 for grade 1–2 and 160 for
/// grade 3–4, nursing allowance 200; dibao-edge households the same as dibao households").
/// Every month the policy governs has each amount, so there is no case for a missing one.
pub(crate) fn monthly_amount(
    policy: &Policy,
    subsidy: Subsidy,
    month: Covered,
    grade: Grade,
    household: Option<AssistanceKind>,
    trace: &mut impl Trace,
) -> Money {
    let p = policy.parameters();
    let tier = match (subsidy, grade.is_severe()) {
        (Subsidy::Nursing, _) => Tier::Flat,
        (Subsidy::Living, true) => Tier::Grade1To2,
        (Subsidy::Living, false) => Tier::Grade3To4,
    };
    let edge = match (tier, household) {
        (Tier::Flat, _) | (_, None | Some(AssistanceKind::Dibao)) => None,
        (_, Some(AssistanceKind::DibaoEdge)) => Some(p.dibao_edge_living_allowance.in_force(month)),
    };
    // The value's source is cloned (an atomic count) only when the reasons are kept.
    let (amount, parameter, from, source) = match (tier, edge) {
        (Tier::Flat, _) => {
            let v = p.nursing_allowance.in_force(month);
            (v.value, Parameter::NursingAllowance, v.from, &v.source)
        }
        (_, Some(e)) if matches!(e.value, DibaoEdgeRate::Amounts { .. }) => {
            let amount = match (e.value, tier) {
                (DibaoEdgeRate::Amounts { grade_1_2, .. }, Tier::Grade1To2) => grade_1_2,
                (DibaoEdgeRate::Amounts { grade_3_4, .. }, _) => grade_3_4,
                (DibaoEdgeRate::SameAsDibao, _) => Money::ZERO,
            };
            let parameter = Parameter::DibaoEdgeLivingAllowance;
            (amount, parameter, e.from, &e.source)
        }
        (Tier::Grade1To2, _) => {
            let v = p.living_allowance_grade_1_2.in_force(month);
            let parameter = Parameter::LivingAllowanceGrade1To2;
            (v.value, parameter, v.from, &v.source)
        }
        (Tier::Grade3To4, _) => {
            let v = p.living_allowance_grade_3_4.in_force(month);
            let parameter = Parameter::LivingAllowanceGrade3To4;
            (v.value, parameter, v.from, &v.source)
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
        used: Used {
            parameter,
            from,
            source: std::sync::Arc::clone(source),
        },
    });
    amount
}
