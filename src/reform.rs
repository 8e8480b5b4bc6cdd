//! What-if reforms: a policy variant written as a few dated overrides of a base policy, and the
//! comparison of a reform with its baseline over a population.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::clauses::ClauseId;
use crate::decision::{MonthDecision, Used};
use crate::error::{Error, MergeError, ReformProblem};
use crate::evaluator::Evaluator;
use crate::facts::{AssistanceKind, Category, Grade, Subsidy};
use crate::money::Money;
use crate::month::Month;
use crate::policy::{Parameter, Parameters, Policy, ValueProblem};
use crate::resident::Resident;

/// A reform: overrides of dated parameters from given months, applied to a base policy without
/// copying it.
///
/// ```json
/// { "name": "living-350",
///   "description": "raise the grade 1-2 living allowance to 350 from 2025-01",
///   "overrides": [
///     { "parameter": "living_allowance_grade_1_2", "from": "2025-01", "value": "350",
///       "source": "analysts' proposal" } ] }
/// ```
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::{Month, Policy, Reform};
///
/// let baseline = Policy::tianjin_2023();
/// let reform = Reform::from_json(r#"{ "name": "living-350", "overrides": [
///     { "parameter": "living_allowance_grade_1_2", "from": "2025-01", "value": "350", "source": "proposal" }
/// ] }"#)?;
/// let policy = reform.apply(&baseline)?;
/// assert_eq!(policy.name(), "tianjin-2023+living-350");
/// let at = |m| policy.parameters().living_allowance_grade_1_2.at(m).unwrap().value.to_string();
/// assert_eq!(at(Month::new(2024, 12)?), "300");
/// assert_eq!(at(Month::new(2025, 1)?), "350");
/// # Ok::<(), tianjin_disability_subsidies::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reform {
    /// The JSON Schema the file names for editors (`"$schema"`, e.g.
    /// `"../../../schemas/reform.schema.json"`); not used.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// A short name; the reformed policy is called `<base>+<name>`.
    pub name: String,
    /// What the reform does, for people.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The overrides, applied in order.
    pub overrides: Vec<Override>,
}

/// One override: a parameter's new value from a month on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// The parameter, named as in the policy file's `parameters`.
    pub parameter: Parameter,
    /// The first month of the new value; it replaces every value of the base from this month on.
    pub from: Month,
    /// The new value, of the parameter's own type.
    pub value: serde_json::Value,
    /// Where the new value comes from.
    pub source: String,
}

impl Reform {
    /// Reads a reform from JSON and checks each override's parameter name and value type.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidReform`] naming the JSON path: malformed JSON, an unknown parameter, a
    /// value of the wrong type, an empty source.
    pub fn from_json(json: &str) -> Result<Reform, Error> {
        let reform: Reform = crate::json::read(json).map_err(|e| Error::InvalidReform {
            path: e.path,
            problem: ReformProblem::Reading {
                problem: e.problem,
                line: e.line,
                column: e.column,
            },
        })?;
        if reform.name.trim().is_empty() {
            return Err(Error::InvalidReform {
                path: "name".into(),
                problem: ReformProblem::EmptyName,
            });
        }
        // The overrides of one parameter must come in order of their months, each month once, as
        // a policy file's dated values do.
        for (i, o) in reform.overrides.iter().enumerate() {
            if let Some(earlier) = reform.overrides[..i]
                .iter()
                .filter(|e| e.parameter == o.parameter)
                .map(|e| e.from)
                .max()
                .filter(|&earlier| earlier >= o.from)
            {
                return Err(Error::InvalidReform {
                    path: format!("overrides[{i}].from"),
                    problem: ReformProblem::OutOfOrder {
                        parameter: o.parameter.name(),
                        found: o.from,
                        after: earlier,
                    },
                });
            }
        }
        // Check every value now, so that a bad reform fails when it is read.
        for (i, o) in reform.overrides.iter().enumerate() {
            check_source(i, o)?;
            o.parameter
                .check_value(&o.value)
                .map_err(|problem| override_error(i, problem))?;
        }
        Ok(reform)
    }

    /// The base policy with the overrides applied.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidReform`] for an override from a month before the base policy's first
    /// month (`overrides[i].from`) or one the base policy does not cover, or a value of the wrong
    /// type or one the parameter does not allow; [`Error::InvalidPolicy`] if the result is not a
    /// policy (it is checked as every policy is).
    pub fn apply(&self, base: &Policy) -> Result<Policy, Error> {
        let coverage = base.covers();
        for (i, o) in self.overrides.iter().enumerate() {
            if !coverage.contains(o.from) {
                return Err(Error::InvalidReform {
                    path: format!("overrides[{i}].from"),
                    problem: ReformProblem::NotCovered {
                        from: o.from,
                        base: base.name().to_owned(),
                        covers: coverage,
                    },
                });
            }
        }
        let parameters = self.applied_to(base.parameters().clone())?;
        base.with_parameters(format!("{}+{}", base.name(), self.name), parameters)
    }

    /// `parameters` with the overrides applied, each value read as its parameter's type and
    /// checked as the parameter requires.
    fn applied_to(&self, mut parameters: Parameters) -> Result<Parameters, Error> {
        for (i, o) in self.overrides.iter().enumerate() {
            check_source(i, o)?;
            parameters
                .set(o.parameter, o.from, &o.value, &o.source)
                .map_err(|problem| override_error(i, problem))?;
        }
        Ok(parameters)
    }
}

/// An override needs a source, as every dated value does.
fn check_source(i: usize, o: &Override) -> Result<(), Error> {
    if o.source.trim().is_empty() {
        return Err(Error::InvalidReform {
            path: format!("overrides[{i}].source"),
            problem: ReformProblem::NoSource,
        });
    }
    Ok(())
}

/// The error for override `i`'s value, naming the path within the value where it has one.
fn override_error(i: usize, problem: ValueProblem) -> Error {
    match problem {
        ValueProblem::Reading(e) => Error::InvalidReform {
            path: crate::error::within(&format!("overrides[{i}].value"), &e.path),
            problem: ReformProblem::Reading {
                problem: e.problem,
                line: e.line,
                column: e.column,
            },
        },
        ValueProblem::Refused(refusal) => Error::InvalidReform {
            path: format!("overrides[{i}].value"),
            problem: ReformProblem::Refused(refusal),
        },
    }
}

/// Money per subsidy: living allowance first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerSubsidy {
    /// The living allowance.
    pub living: Money,
    /// The nursing allowance.
    pub nursing: Money,
}

impl PerSubsidy {
    /// Both together.
    pub fn total(&self) -> Money {
        self.living + self.nursing
    }

    fn add(&mut self, subsidy: Subsidy, amount: Money) {
        match subsidy {
            Subsidy::Living => self.living = self.living + amount,
            Subsidy::Nursing => self.nursing = self.nursing + amount,
        }
    }

    /// Adds another's amounts.
    pub fn merge(&mut self, other: &PerSubsidy) {
        self.living = self.living + other.living;
        self.nursing = self.nursing + other.nursing;
    }

    /// One subsidy's amount.
    pub fn get(&self, subsidy: Subsidy) -> Money {
        match subsidy {
            Subsidy::Living => self.living,
            Subsidy::Nursing => self.nursing,
        }
    }
}

/// What a group of residents costs under both policies, and who in it gains or loses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cost {
    /// Residents in the group.
    pub residents: u64,
    /// What the baseline pays them over the range.
    pub baseline: PerSubsidy,
    /// What the reform pays them over the range.
    pub reform: PerSubsidy,
    /// Who in the group gains, loses or is unchanged on the living allowance (each resident's
    /// total over the range, as [`Comparison::living`] counts everyone). Absent in JSON written
    /// before it was counted: read as zero.
    #[serde(default)]
    pub living: Movers,
    /// The same for the nursing allowance.
    #[serde(default)]
    pub nursing: Movers,
}

impl Cost {
    /// Reform minus baseline, both subsidies.
    pub fn difference(&self) -> rust_decimal::Decimal {
        self.reform.total().as_decimal() - self.baseline.total().as_decimal()
    }

    /// Adds another group's residents, costs and movers. A count whose sum would exceed
    /// `u64::MAX` stays at `u64::MAX` (only costs read from damaged JSON come near it);
    /// [`Comparison::merge`] refuses such a sum instead.
    pub fn merge(&mut self, other: &Cost) {
        if let Some(sum) = self.sum(other, saturating) {
            *self = sum;
        }
    }

    /// This group's residents, costs and movers with another's, counts added by `add`; `None`
    /// when `add` refuses a count.
    fn sum(&self, other: &Cost, add: AddCounts) -> Option<Cost> {
        let (mut baseline, mut reform) = (self.baseline, self.reform);
        baseline.merge(&other.baseline);
        reform.merge(&other.reform);
        Some(Cost {
            residents: add(self.residents, other.residents)?,
            baseline,
            reform,
            living: self.living.sum(&other.living, add)?,
            nursing: self.nursing.sum(&other.nursing, add)?,
        })
    }

    /// Adds one resident's totals over the range.
    fn add(&mut self, totals: &ResidentTotals) {
        self.residents += 1;
        self.baseline.merge(&totals.baseline);
        self.reform.merge(&totals.reform);
        for subsidy in Subsidy::ALL {
            let (before, after) = (totals.baseline.get(subsidy), totals.reform.get(subsidy));
            self.movers_mut(subsidy).count(before, after);
        }
    }

    /// One subsidy's movers.
    pub fn movers(&self, subsidy: Subsidy) -> Movers {
        match subsidy {
            Subsidy::Living => self.living,
            Subsidy::Nursing => self.nursing,
        }
    }

    fn movers_mut(&mut self, subsidy: Subsidy) -> &mut Movers {
        match subsidy {
            Subsidy::Living => &mut self.living,
            Subsidy::Nursing => &mut self.nursing,
        }
    }
}

/// Who gains, loses or is unchanged under a reform, for one subsidy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Movers {
    /// Residents paid more over the range.
    pub gain: u64,
    /// Residents paid less.
    pub lose: u64,
    /// Residents paid the same.
    pub unchanged: u64,
}

/// How merging adds two counts of residents: [`u64::checked_add`] (refusing a sum past
/// `u64::MAX`) or [`saturating`].
type AddCounts = fn(u64, u64) -> Option<u64>;

/// A sum past `u64::MAX` stays at `u64::MAX`: the merges whose signature has no error.
fn saturating(a: u64, b: u64) -> Option<u64> {
    Some(a.saturating_add(b))
}

impl Movers {
    /// Adds another part's counts. A count whose sum would exceed `u64::MAX` stays at
    /// `u64::MAX`; [`Comparison::merge`] refuses such a sum instead.
    pub fn merge(&mut self, other: &Movers) {
        if let Some(sum) = self.sum(other, saturating) {
            *self = sum;
        }
    }

    /// These counts with another part's, added by `add`; `None` when `add` refuses one.
    fn sum(&self, other: &Movers, add: AddCounts) -> Option<Movers> {
        Some(Movers {
            gain: add(self.gain, other.gain)?,
            lose: add(self.lose, other.lose)?,
            unchanged: add(self.unchanged, other.unchanged)?,
        })
    }

    /// Counts one resident paid `before` under the baseline and `after` under the reform.
    fn count(&mut self, before: Money, after: Money) {
        match after.cmp(&before) {
            std::cmp::Ordering::Greater => self.gain += 1,
            std::cmp::Ordering::Less => self.lose += 1,
            std::cmp::Ordering::Equal => self.unchanged += 1,
        }
    }
}

/// A household status for the breakdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Household {
    /// 低保.
    Dibao,
    /// 低保边缘.
    DibaoEdge,
    /// Neither.
    Neither,
    /// Not given.
    Unknown,
}

/// The comparison of a reform with its baseline over a population and a range of months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// The baseline policy's name.
    pub baseline: String,
    /// The reformed policy's name.
    pub reform: String,
    /// The first month compared.
    pub first: Month,
    /// The last month compared.
    pub last: Month,
    /// Residents compared.
    pub residents: u64,
    /// Living allowance movers.
    pub living: Movers,
    /// Nursing allowance movers.
    pub nursing: Movers,
    /// Everyone, over the range.
    pub total: Cost,
    /// What is left unclaimed: months entitled but not applied for (应享未享), priced at what
    /// they would pay. A reform that makes new people eligible pays them only once they apply;
    /// this is its potential take-up.
    pub unclaimed: Unclaimed,
    /// Month by month: (month, baseline, reform).
    pub monthly: Vec<MonthCost>,
    /// Calendar year by year, within the range.
    pub yearly: Vec<YearCost>,
    /// By the category of the certificate that counts on the last month's first day (`None`: no
    /// valid certificate or unknown).
    pub by_category: Vec<(Option<Category>, Cost)>,
    /// By the grade of that certificate.
    pub by_grade: Vec<(Option<Grade>, Cost)>,
    /// By the household's assistance status on the last month's first day.
    pub by_household: Vec<(Household, Cost)>,
}

impl Comparison {
    /// Adds the comparison of another part of a population, under the same two policies over
    /// the same months: exact, as money is in fen, so that a population compared in parts (on
    /// several threads or machines) gives the same comparison as one [`Comparer`].
    ///
    /// The residents and movers of the whole are those of [`Comparison::total`], recomputed
    /// from it rather than added a second time.
    ///
    /// # Errors
    ///
    /// [`MergeError::DifferentPolicies`] or [`MergeError::DifferentMonths`]; or
    /// [`MergeError::CountOverflow`] when a count of residents would exceed `u64::MAX` (only
    /// comparisons read from damaged JSON come near it): nothing is merged.
    pub fn merge(&mut self, other: &Comparison) -> Result<(), MergeError> {
        if (&self.baseline, &self.reform) != (&other.baseline, &other.reform) {
            return Err(MergeError::DifferentPolicies);
        }
        // Comparisons read back from JSON hold what they hold: their months must agree too, or
        // a month would be dropped.
        let months = |c: &Comparison| -> Vec<Month> { c.monthly.iter().map(|m| m.month).collect() };
        let years = |c: &Comparison| -> Vec<i32> { c.yearly.iter().map(|y| y.year).collect() };
        if (self.first, self.last) != (other.first, other.last)
            || months(self) != months(other)
            || years(self) != years(other)
        {
            return Err(MergeError::DifferentMonths);
        }
        // Merged into a copy, so that a count that overflows leaves `self` as it was.
        let mut merged = self.clone();
        merged
            .merge_counted(other)
            .ok_or(MergeError::CountOverflow)?;
        *self = merged;
        Ok(())
    }

    /// Adds `other`, every count with [`u64::checked_add`]; `None` when one overflows (`self`
    /// then half merged).
    fn merge_counted(&mut self, other: &Comparison) -> Option<()> {
        let add: AddCounts = u64::checked_add;
        self.total = self.total.sum(&other.total, add)?;
        // `Cost` counts the residents and the movers: the whole's are the total's.
        self.residents = self.total.residents;
        self.living = self.total.living;
        self.nursing = self.total.nursing;
        self.unclaimed.baseline.merge(&other.unclaimed.baseline);
        self.unclaimed.reform.merge(&other.unclaimed.reform);
        self.unclaimed.newly_entitled_residents = add(
            self.unclaimed.newly_entitled_residents,
            other.unclaimed.newly_entitled_residents,
        )?;
        for (mine, theirs) in self.monthly.iter_mut().zip(&other.monthly) {
            mine.baseline.merge(&theirs.baseline);
            mine.reform.merge(&theirs.reform);
        }
        for (mine, theirs) in self.yearly.iter_mut().zip(&other.yearly) {
            mine.baseline.merge(&theirs.baseline);
            mine.reform.merge(&theirs.reform);
        }
        merge_groups(&mut self.by_category, &other.by_category, |c| {
            c.map(Category::code)
        })?;
        merge_groups(&mut self.by_grade, &other.by_grade, |g| *g)?;
        merge_groups(&mut self.by_household, &other.by_household, |h| *h)
    }
}

/// Adds `other`'s groups to `mine`, each group once, in the order of `key`, counts with
/// [`u64::checked_add`]; `None` when one overflows.
fn merge_groups<G: Clone, K: Ord>(
    mine: &mut Vec<(G, Cost)>,
    other: &[(G, Cost)],
    key: impl Fn(&G) -> K,
) -> Option<()> {
    for (group, cost) in other {
        match mine.iter_mut().find(|(g, _)| key(g) == key(group)) {
            Some((_, mine)) => *mine = mine.sum(cost, u64::checked_add)?,
            None => mine.push((group.clone(), *cost)),
        }
    }
    mine.sort_by_key(|(g, _)| key(g));
    Some(())
}

/// Entitled-but-not-applied-for months (应享未享) under both policies, at what they would pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unclaimed {
    /// Under the baseline, over the range.
    pub baseline: PerSubsidy,
    /// Under the reform, over the range.
    pub reform: PerSubsidy,
    /// Residents with an unclaimed month under the reform and none under the baseline.
    pub newly_entitled_residents: u64,
}

/// What one month costs under both policies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthCost {
    /// The month.
    pub month: Month,
    /// Under the baseline.
    pub baseline: PerSubsidy,
    /// Under the reform.
    pub reform: PerSubsidy,
}

/// What one calendar year (within the range) costs under both policies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearCost {
    /// The year.
    pub year: i32,
    /// Months of the range in that year.
    pub months: u32,
    /// Under the baseline.
    pub baseline: PerSubsidy,
    /// Under the reform.
    pub reform: PerSubsidy,
}

/// One resident's totals under both policies, as [`Comparer::add`] returns them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResidentTotals {
    /// Under the baseline, over the range.
    pub baseline: PerSubsidy,
    /// Under the reform, over the range.
    pub reform: PerSubsidy,
}

/// Compares a reform with its baseline, one resident at a time, in constant memory.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::{Comparer, Month, Policy, Reform, Resident};
///
/// let baseline = Policy::tianjin_2023();
/// let reform = Reform::from_json(r#"{ "name": "nursing-250", "overrides": [
///     { "parameter": "nursing_allowance", "from": "2025-01", "value": "250", "source": "proposal" }
/// ] }"#)?.apply(&baseline)?;
/// let resident = Resident::from_json(r#"{ "id": "R-1",
///     "hukou": [{ "place": "tianjin", "from": "1960-01-01" }],
///     "certificates": [{ "category": "visual", "grade": 1, "issued": "2020-01-01" }],
///     "household_assistance": [], "orphan_guarantee": [], "other_benefits": [], "custody": [],
///     "applications": [{ "subsidies": ["nursing"], "submitted": "2024-01-05" }] }"#)?;
/// let mut comparer = Comparer::new(&baseline, &reform, Month::new(2024, 7)?, Month::new(2025, 6)?)?;
/// comparer.add(&resident)?;
/// let comparison = comparer.finish();
/// assert_eq!(comparison.nursing.gain, 1);
/// assert_eq!(comparison.total.baseline.nursing.to_string(), "2400");
/// assert_eq!(comparison.total.reform.nursing.to_string(), "2700");
/// # Ok::<(), tianjin_disability_subsidies::Error>(())
/// ```
#[derive(Debug)]
pub struct Comparer<'p> {
    baseline: &'p Policy,
    reform: &'p Policy,
    first: Month,
    last: Month,
    /// Everyone: the residents and the movers are counted here only.
    total: Cost,
    unclaimed: Unclaimed,
    monthly: Vec<MonthCost>,
    by_category: BTreeMap<Option<u8>, (Option<Category>, Cost)>,
    by_grade: BTreeMap<Option<Grade>, Cost>,
    by_household: BTreeMap<Household, Cost>,
    /// Evaluates each resident, keeping its storage from one to the next.
    evaluator: Evaluator,
}

impl<'p> Comparer<'p> {
    /// Starts a comparison of `reform` with `baseline` from `first` to `last`.
    ///
    /// # Errors
    ///
    /// [`Error::EmptyRange`] when `first` is after `last`, [`Error::RangeTooLong`] for more than
    /// [`MAX_RANGE_MONTHS`](crate::month::MAX_RANGE_MONTHS) months, [`Error::MonthNotCovered`] when either
    /// policy does not cover the range.
    pub fn new(
        baseline: &'p Policy,
        reform: &'p Policy,
        first: Month,
        last: Month,
    ) -> Result<Self, Error> {
        Error::check_range(first, last)?;
        for policy in [baseline, reform] {
            policy.check_covers(first)?;
            policy.check_covers(last)?;
        }
        Ok(Comparer {
            baseline,
            reform,
            first,
            last,
            total: Cost::default(),
            unclaimed: Unclaimed::default(),
            monthly: first
                .through(last)
                .map(|month| MonthCost {
                    month,
                    baseline: PerSubsidy::default(),
                    reform: PerSubsidy::default(),
                })
                .collect(),
            by_category: BTreeMap::new(),
            by_grade: BTreeMap::new(),
            by_household: BTreeMap::new(),
            evaluator: Evaluator::default(),
        })
    }

    /// Adds one resident: decides every month under both policies (without reasons).
    ///
    /// # Errors
    ///
    /// Only [`Error::MonthNotCovered`], which [`Comparer::new`] already rules out.
    pub fn add(&mut self, resident: &Resident) -> Result<ResidentTotals, Error> {
        let mut totals = ResidentTotals {
            baseline: PerSubsidy::default(),
            reform: PerSubsidy::default(),
        };
        let mut unclaimed_months = [false; 2];
        for (policy, is_reform) in [(self.baseline, false), (self.reform, true)] {
            let evaluation = self
                .evaluator
                .evaluate(policy, resident, self.last.last_day());
            for (i, month) in self.first.through(self.last).enumerate() {
                let months = evaluation.month(month)?;
                for subsidy in Subsidy::ALL {
                    let this = months[subsidy as usize];
                    if let Some(would_pay) = this.unclaimed {
                        unclaimed_months[usize::from(is_reform)] = true;
                        let side = if is_reform {
                            &mut self.unclaimed.reform
                        } else {
                            &mut self.unclaimed.baseline
                        };
                        side.add(subsidy, would_pay);
                    }
                    let amount = this.judged.amount();
                    let (sum, cell) = if is_reform {
                        (&mut totals.reform, &mut self.monthly[i].reform)
                    } else {
                        (&mut totals.baseline, &mut self.monthly[i].baseline)
                    };
                    sum.add(subsidy, amount);
                    cell.add(subsidy, amount);
                }
            }
        }
        if unclaimed_months == [false, true] {
            self.unclaimed.newly_entitled_residents += 1;
        }
        self.total.add(&totals);
        let profile = crate::evaluator::Profile::of(resident, self.last.first_day());
        let category = profile.certificate.map(|(category, _)| category);
        self.by_category
            .entry(category.map(Category::code))
            .or_insert((category, Cost::default()))
            .1
            .add(&totals);
        self.by_grade
            .entry(profile.certificate.map(|(_, grade)| grade))
            .or_default()
            .add(&totals);
        let household = match profile.household {
            None => Household::Unknown,
            Some(Some(AssistanceKind::Dibao)) => Household::Dibao,
            Some(Some(AssistanceKind::DibaoEdge)) => Household::DibaoEdge,
            Some(None) => Household::Neither,
        };
        self.by_household.entry(household).or_default().add(&totals);
        Ok(totals)
    }

    /// The comparison so far.
    pub fn finish(self) -> Comparison {
        let mut yearly: Vec<YearCost> = Vec::new();
        for m in &self.monthly {
            let year = m.month.year();
            if yearly.last().is_none_or(|y| y.year != year) {
                yearly.push(YearCost {
                    year,
                    months: 0,
                    baseline: PerSubsidy::default(),
                    reform: PerSubsidy::default(),
                });
            }
            if let Some(y) = yearly.last_mut() {
                y.months += 1;
                for subsidy in Subsidy::ALL {
                    y.baseline.add(subsidy, m.baseline.get(subsidy));
                    y.reform.add(subsidy, m.reform.get(subsidy));
                }
            }
        }
        Comparison {
            baseline: self.baseline.name().to_owned(),
            reform: self.reform.name().to_owned(),
            first: self.first,
            last: self.last,
            residents: self.total.residents,
            living: self.total.living,
            nursing: self.total.nursing,
            total: self.total,
            unclaimed: self.unclaimed,
            monthly: self.monthly,
            yearly,
            by_category: self.by_category.into_values().collect(),
            by_grade: self.by_grade.into_iter().collect(),
            by_household: self.by_household.into_iter().collect(),
        }
    }
}

/// One resident under both policies, month by month, with what differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResidentComparison {
    /// Each month: both decisions and their differences.
    pub months: Vec<MonthComparison>,
}

/// One month of a [`ResidentComparison`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthComparison {
    /// The month.
    pub month: Month,
    /// Whether any outcome or amount differs.
    pub differs: bool,
    /// Clauses cited only under the baseline.
    pub clauses_only_in_baseline: Vec<ClauseId>,
    /// Clauses cited only under the reform.
    pub clauses_only_in_reform: Vec<ClauseId>,
    /// Parameter values used only under the baseline.
    pub parameters_only_in_baseline: Vec<Used>,
    /// Parameter values used only under the reform.
    pub parameters_only_in_reform: Vec<Used>,
    /// The baseline's decision.
    pub baseline: MonthDecision,
    /// The reform's decision.
    pub reform: MonthDecision,
}
