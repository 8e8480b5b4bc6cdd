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

/// The source of an income line: `{"kind": "disability_subsidy", "subsidy": "living"}` or
/// `{"kind": "other", "description": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
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

/// An [`IncomeSource`] as written: read as one object, so that an array is refused and every
/// problem is a reading error naming its field (serde's buffering of tagged enums would accept an
/// array and word its own errors), as [`OrphanCare`](crate::facts::OrphanCare) is read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IncomeSourceFields {
    kind: IncomeSourceKind,
    #[serde(default, deserialize_with = "present")]
    subsidy: Option<Subsidy>,
    #[serde(default, deserialize_with = "present")]
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum IncomeSourceKind {
    DisabilitySubsidy,
    Other,
}

/// A field that is there: `null` is not its absence but a value of the wrong type.
fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

impl<'de> Deserialize<'de> for IncomeSource {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<IncomeSource, D::Error> {
        use serde::de::Error;
        let fields = IncomeSourceFields::deserialize(deserializer)?;
        match fields.kind {
            IncomeSourceKind::DisabilitySubsidy => {
                if fields.description.is_some() {
                    return Err(D::Error::unknown_field("description", &["kind", "subsidy"]));
                }
                Ok(IncomeSource::DisabilitySubsidy {
                    subsidy: fields
                        .subsidy
                        .ok_or_else(|| D::Error::missing_field("subsidy"))?,
                })
            }
            IncomeSourceKind::Other => {
                if fields.subsidy.is_some() {
                    return Err(D::Error::unknown_field("subsidy", &["kind", "description"]));
                }
                Ok(IncomeSource::Other {
                    description: fields
                        .description
                        .ok_or_else(|| D::Error::missing_field("description"))?,
                })
            }
        }
    }
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
