//! Means tests: clause `income.exempt`.
//!
//! "残疾人两项补贴不计入最低生活保障和低保边缘家庭（原低收入家庭）的收入" — the two subsidies are never
//! countable household income when a dibao or dibao-edge means test adds up a household's income.

use serde::{Deserialize, Serialize};

use crate::clauses::ClauseId;
use crate::facts::Subsidy;
use crate::money::Money;

/// One monthly income line of a household, as a dibao or dibao-edge means test lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncomeLine {
    /// Where the income comes from.
    pub source: IncomeSource,
    /// Its monthly amount.
    pub monthly_amount: Money,
}

/// The source of an income line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum IncomeSource {
    /// One of the two disability subsidies.
    DisabilitySubsidy {
        /// Which.
        subsidy: Subsidy,
    },
    /// Anything else (wages, pensions, other benefits): the means test's own rules apply.
    Other {
        /// A description for the caseworker.
        description: String,
    },
}

/// A household's income as a means test should count it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeansTestIncome {
    /// What counts as income.
    pub countable: Money,
    /// What is left out under `income.exempt`.
    pub exempt: Money,
    /// The clause that left it out (`income.exempt`), when anything was.
    pub clause: Option<ClauseId>,
}

/// Adds up a household's monthly income for a dibao or dibao-edge means test, leaving out the
/// two disability subsidies (`income.exempt`).
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::income::{means_test_income, IncomeLine, IncomeSource};
/// use tianjin_disability_subsidies::{Money, Subsidy};
///
/// let lines = [
///     IncomeLine { source: IncomeSource::Other { description: "pension".into() }, monthly_amount: Money::yuan(1200) },
///     IncomeLine { source: IncomeSource::DisabilitySubsidy { subsidy: Subsidy::Nursing }, monthly_amount: Money::yuan(200) },
/// ];
/// let income = means_test_income(&lines);
/// assert_eq!(income.countable, Money::yuan(1200));
/// assert_eq!(income.exempt, Money::yuan(200));
/// ```
pub fn means_test_income(lines: &[IncomeLine]) -> MeansTestIncome {
    let mut countable = Money::ZERO;
    let mut exempt = Money::ZERO;
    let mut any_exempt = false;
    for line in lines {
        match line.source {
            IncomeSource::DisabilitySubsidy { .. } => {
                exempt = exempt + line.monthly_amount;
                any_exempt = true;
            }
            IncomeSource::Other { .. } => countable = countable + line.monthly_amount,
        }
    }
    MeansTestIncome {
        countable,
        exempt,
        clause: any_exempt.then_some(ClauseId::IncomeExempt),
    }
}
