//! Competing and stacking benefits: clauses `higher.welfare`, `higher.elderly_nursing`,
//! `stack.elderly`, readings `higher.tie` and `higher.monthly`.

use chrono::NaiveDate;

use std::cmp::Reverse;

use super::{covers, Trace};
use crate::clauses::ClauseId;
use crate::decision::{FactGroup, FactRef, Finding, GivenUp, Side, Used};
use crate::facts::benefit_key;
use crate::facts::{BenefitKind, BenefitStatus, Keeps, OtherBenefit, Subsidy};
use crate::money::Money;
use crate::month::Month;
use crate::policy::{BenefitRelation, Parameter, Policy, TieBreak};
use crate::resident::{Lists, Periods};

/// What a choose-the-higher gave.
pub(crate) enum Resolution {
    /// The subsidy is paid; these competing benefits are given up.
    Subsidy { gives_up: Vec<GivenUp> },
    /// The competing benefit is kept instead.
    OtherBenefit { kind: BenefitKind, amount: Money },
}

/// "可择高申领其中一类生活补贴（津贴）、护理补贴（津贴）" (`higher.welfare`), "可择高申领其中一类护理补贴"
/// (`higher.elderly_nursing`), "可叠加享受" (`stack.elderly`).
///
/// Which benefits compete with `subsidy`, and whether only when received (伤残抚恤 "且已享受补贴"),
/// is the policy's `benefit_relations` data. Amounts are compared per month as exact decimals
/// (`higher.monthly`); the strictly higher is kept; on equal amounts the policy's tie rule
/// decides; a choice the person recorded is honoured (`higher.tie`).
pub(crate) fn choose_higher<'r>(
    policy: &Policy,
    resident: impl Lists<'r>,
    subsidy: Subsidy,
    day: NaiveDate,
    month: Month,
    subsidy_amount: Money,
    trace: &mut impl Trace,
) -> Resolution {
    let facts = resident.facts();
    let benefits = facts.other_benefits.as_deref().unwrap_or(&[]);
    // The competing benefits in force on `day`, with the clause that makes each compete.
    let mut competing: Vec<(usize, ClauseId)> = Vec::new();
    let mut best: Option<usize> = None;
    resident.each_holding(
        Periods::Benefits,
        benefits,
        day,
        |b| covers(b.from, b.to, day),
        trace.is_enabled().then_some(benefit_key),
        |i| {
            let benefit = &benefits[i];
            let fact = FactRef::new(FactGroup::OtherBenefits, i);
            let kind = benefit.kind;
            match policy.relation(kind) {
                BenefitRelation::ChooseHigher {
                    subsidy: competes_with,
                    counts_when,
                    clause,
                } if competes_with == subsidy => {
                    if !counts_when.counts(benefit.status) {
                        trace.add(clause, || Finding::CompetesOnlyWhenReceived { kind, fact });
                        return;
                    }
                    // The higher amount; on equal amounts the one received, then by kind and dates, so
                    // that which benefit a decision names never depends on the list's order.
                    let better =
                        best.is_none_or(|b| rank(benefit) > rank(&benefits[competing[b].0]));
                    if better {
                        best = Some(competing.len());
                    }
                    competing.push((i, clause));
                }
                BenefitRelation::Stacks { clause } => {
                    trace.add(clause, || Finding::Stacks { kind, fact });
                }
                _ => {}
            }
        },
    );
    let Some(best) = best else {
        return Resolution::Subsidy {
            gives_up: Vec::new(),
        };
    };
    let (best_index, best_clause) = competing[best];
    let best_benefit = &benefits[best_index];
    let choice = facts
        .choices
        .iter()
        .enumerate()
        .filter(|(_, c)| c.subsidy == subsidy && c.from.is_none_or(|from| from <= day))
        // The most recent choice holds, whatever the order of the list; a choice without a date
        // is the oldest.
        .max_by_key(|(i, c)| (c.from, *i));
    let kept = if let Some((i, choice)) = choice {
        let keeps = choice.keeps;
        trace.add(ClauseId::HigherTie, || Finding::PersonChose {
            keeps,
            fact: FactRef::new(FactGroup::Choices, i),
        });
        match keeps {
            Keeps::Subsidy => Side::Subsidy,
            Keeps::OtherBenefit => Side::OtherBenefit,
        }
    } else if best_benefit.monthly_amount > subsidy_amount {
        Side::OtherBenefit
    } else if best_benefit.monthly_amount < subsidy_amount {
        Side::Subsidy
    } else {
        let tie_break = policy.parameters().tie_break.at(month);
        let rule = tie_break.map_or(TieBreak::KeepReceived, |v| v.value);
        let kept = match rule {
            TieBreak::PreferSubsidy => Side::Subsidy,
            TieBreak::PreferOtherBenefit => Side::OtherBenefit,
            TieBreak::KeepReceived if best_benefit.status == BenefitStatus::Received => {
                Side::OtherBenefit
            }
            TieBreak::KeepReceived => Side::Subsidy,
        };
        if let Some(tie_break) = tie_break {
            trace.add(ClauseId::HigherTie, || Finding::Tie {
                rule,
                kept,
                used: Used::of(Parameter::TieBreak, tie_break),
            });
        }
        kept
    };
    let compared = |i: usize| Finding::Compared {
        kind: benefits[i].kind,
        benefit_amount: benefits[i].monthly_amount,
        subsidy_amount,
        kept,
        fact: FactRef::new(FactGroup::OtherBenefits, i),
    };
    for &(i, clause) in &competing {
        if i != best_index {
            trace.add(clause, || compared(i));
        }
    }
    trace.add(best_clause, || compared(best_index));
    trace.add(ClauseId::HigherMonthly, || compared(best_index));
    match kept {
        Side::OtherBenefit => Resolution::OtherBenefit {
            kind: best_benefit.kind,
            amount: best_benefit.monthly_amount,
        },
        Side::Subsidy => {
            let mut gives_up: Vec<GivenUp> = competing
                .iter()
                .map(|&(i, _)| GivenUp {
                    kind: benefits[i].kind,
                    monthly_amount: benefits[i].monthly_amount,
                })
                .collect();
            gives_up.sort_by_key(|g| (g.kind, g.monthly_amount));
            Resolution::Subsidy { gives_up }
        }
    }
}

/// How a competing benefit ranks in a choose-the-higher: by its monthly amount (reading
/// `higher.monthly`); on equal amounts the one already received first (reading `higher.tie`),
/// then the kind declared first in [`BenefitKind`] (its declaration order, not the order of the
/// policy's `benefit_relations`), then the one that started earliest, then the one that lasts
/// longest.
#[inline]
fn rank(
    b: &OtherBenefit,
) -> (
    Money,
    bool,
    Reverse<BenefitKind>,
    Reverse<NaiveDate>,
    NaiveDate,
) {
    (
        b.monthly_amount,
        b.status == BenefitStatus::Received,
        Reverse(b.kind),
        Reverse(b.from),
        // Open-ended ranks above any end.
        b.to.unwrap_or(NaiveDate::MAX),
    )
}
