//! What a [`Policy`] answers: every public entry point on a policy, in one place.
//!
//! - [`Policy::decide`]: both subsidies for one resident and one month, with the reasons;
//! - [`Policy::schedule`]: every month of a range, with when payment starts and stops;
//! - [`Policy::outreach`]: the outreach duties (政策找人) of a resident on a day;
//! - [`Policy::compare_resident`]: one resident under this policy and a reform of it;
//! - [`Policy::check_covers`] and [`Policy::check_range`]: whether the policy governs a month, a
//!   range of months.
//!
//! The bulk questions have their own types, built on the same evaluator:
//! [`RosterScan`](crate::RosterScan) (a month's roster) and [`Comparer`](crate::Comparer) (a
//! reform over a population).

use chrono::NaiveDate;

use crate::decision::{MonthDecision, Outcome, OutreachItem, Schedule, StopInfo, SubsidySummary};
use crate::error::Error;
use crate::evaluator::Evaluator;
use crate::facts::Subsidy;
use crate::money::Money;
use crate::month::Month;
use crate::policy::Policy;
use crate::reform::{MonthComparison, ResidentComparison};
use crate::resident::Resident;

impl Policy {
    /// Decides both subsidies for one resident and one month.
    ///
    /// # Errors
    ///
    /// [`Error::MonthNotCovered`] for a month the policy does not govern (clause `in_force`).
    /// Not being eligible is not an error: it is an [`Outcome`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tianjin_disability_subsidies::{Month, Outcome, Policy, Resident};
    ///
    /// let policy = Policy::tianjin_2023();
    /// let resident = Resident::from_json(r#"{
    ///     "id": "R-1",
    ///     "hukou": [{ "place": "tianjin", "from": "1960-05-01" }],
    ///     "certificates": [{ "category": "physical", "grade": 2, "issued": "2020-03-01" }],
    ///     "household_assistance": [], "orphan_guarantee": [], "other_benefits": [], "custody": [],
    ///     "applications": [{ "subsidies": ["nursing"], "submitted": "2024-03-15" }]
    /// }"#)?;
    /// let decision = policy.decide(&resident, Month::new(2024, 3)?)?;
    /// assert_eq!(decision.nursing.amount().to_string(), "200");
    /// assert!(matches!(decision.living.outcome, Outcome::NotEligible { .. }));
    /// assert!(policy.decide(&resident, Month::new(2023, 7)?).is_err());
    /// # Ok::<(), tianjin_disability_subsidies::Error>(())
    /// ```
    pub fn decide(&self, resident: &Resident, month: Month) -> Result<MonthDecision, Error> {
        self.check_covers(month)?;
        Evaluator::default()
            .evaluate(self, resident, month.last_day())
            .decision(month)
    }

    /// Fails unless the policy governs `month` (clause `in_force`).
    ///
    /// # Errors
    ///
    /// [`Error::MonthNotCovered`] for a month outside [`Policy::covers`].
    pub fn check_covers(&self, month: Month) -> Result<(), Error> {
        if self.covers().contains(month) {
            Ok(())
        } else {
            Err(Error::MonthNotCovered {
                month,
                policy: self.name().to_owned(),
                covers: self.covers(),
            })
        }
    }

    /// Fails unless `first` to `last` is a range the policy can decide: not empty, at most
    /// [`MAX_RANGE_MONTHS`](crate::month::MAX_RANGE_MONTHS) months, every month governed by the
    /// policy. For a service that checks a request's range once, before deciding many residents.
    ///
    /// # Errors
    ///
    /// As [`Policy::schedule`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tianjin_disability_subsidies::{Error, Month, Policy};
    ///
    /// let policy = Policy::tianjin_2023();
    /// assert!(policy.check_range(Month::new(2024, 1)?, Month::new(2024, 12)?).is_ok());
    /// let err = policy.check_range(Month::new(2023, 1)?, Month::new(2023, 12)?).unwrap_err();
    /// assert!(matches!(err, Error::MonthNotCovered { .. }));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn check_range(&self, first: Month, last: Month) -> Result<(), Error> {
        Error::check_range(first, last)?;
        self.check_covers(first)?;
        self.check_covers(last)
    }

    /// Decides every month from `first` to `last`, both included, and summarizes when each
    /// subsidy is first paid and when and why it stops.
    ///
    /// # Errors
    ///
    /// [`Error::EmptyRange`] when `first` is after `last`; [`Error::RangeTooLong`] for more than
    /// [`MAX_RANGE_MONTHS`](crate::month::MAX_RANGE_MONTHS) months; [`Error::MonthNotCovered`] when the
    /// policy does not govern every month of the range.
    pub fn schedule(
        &self,
        resident: &Resident,
        first: Month,
        last: Month,
    ) -> Result<Schedule, Error> {
        self.check_range(first, last)?;
        let mut evaluator = Evaluator::default();
        let evaluation = evaluator.evaluate(self, resident, last.last_day());
        let count = usize::try_from(first.months_until(last) + 1).unwrap_or(0);
        let mut months = Vec::with_capacity(count);
        for month in first.through(last) {
            months.push(evaluation.decision(month)?);
        }
        let living = summarize(&months, Subsidy::Living);
        let nursing = summarize(&months, Subsidy::Nursing);
        Ok(Schedule {
            resident: std::sync::Arc::clone(resident.shared_id()),
            policy: std::sync::Arc::clone(self.shared_name()),
            first,
            last,
            total: living.total + nursing.total,
            living,
            nursing,
            months,
        })
    }

    /// The outreach duties of one resident and where each stands on `as_of`
    /// (clauses `outreach.duty`, `outreach.deadline`, `outreach.waiver`).
    ///
    /// Only triggers on or after the policy's first day and on or before `as_of` count.
    ///
    /// # Errors
    ///
    /// [`Error::MonthNotCovered`] when the policy does not govern `as_of`'s month.
    ///
    /// # Examples
    ///
    /// ```
    /// use tianjin_disability_subsidies::{Policy, Resident};
    ///
    /// let policy = Policy::tianjin_2023();
    /// let resident = Resident::from_json(r#"{
    ///     "id": "R-9",
    ///     "hukou": [{ "place": "tianjin", "from": "1970-01-01" }],
    ///     "certificates": [{ "category": "visual", "grade": 1, "issued": "2024-11-30" }],
    ///     "household_assistance": [], "orphan_guarantee": [], "other_benefits": [], "custody": []
    /// }"#)?;
    /// let items = policy.outreach(&resident, "2025-02-28".parse().unwrap())?;
    /// assert_eq!(items[0].trigger.deadline.to_string(), "2025-02-28");
    /// assert_eq!(items[0].status.name(), "pending");
    /// # Ok::<(), tianjin_disability_subsidies::Error>(())
    /// ```
    pub fn outreach(
        &self,
        resident: &Resident,
        as_of: NaiveDate,
    ) -> Result<Vec<OutreachItem>, Error> {
        self.check_covers(Month::of(as_of))?;
        Ok(Evaluator::default()
            .evaluate(self, resident, as_of)
            .outreach_items(as_of))
    }

    /// One resident's decisions under this policy and under `reform`, side by side, with the
    /// clauses and parameter values that differ.
    ///
    /// # Errors
    ///
    /// As [`Policy::schedule`], for either policy.
    pub fn compare_resident(
        &self,
        reform: &Policy,
        resident: &Resident,
        first: Month,
        last: Month,
    ) -> Result<ResidentComparison, Error> {
        let before = self.schedule(resident, first, last)?;
        let after = reform.schedule(resident, first, last)?;
        let months = before
            .months
            .into_iter()
            .zip(after.months)
            .map(|(baseline, reform)| {
                let differs = baseline.living.outcome != reform.living.outcome
                    || baseline.nursing.outcome != reform.nursing.outcome;
                let (b_clauses, r_clauses) = (baseline.clause_ids(), reform.clause_ids());
                let (b_used, r_used) = (baseline.parameters_used(), reform.parameters_used());
                MonthComparison {
                    month: baseline.month,
                    differs,
                    clauses_only_in_baseline: only(&b_clauses, &r_clauses),
                    clauses_only_in_reform: only(&r_clauses, &b_clauses),
                    parameters_only_in_baseline: only(&b_used, &r_used),
                    parameters_only_in_reform: only(&r_used, &b_used),
                    baseline,
                    reform,
                }
            })
            .collect();
        Ok(ResidentComparison { months })
    }
}

fn summarize(months: &[MonthDecision], subsidy: Subsidy) -> SubsidySummary {
    let mut summary = SubsidySummary {
        first_paid: None,
        stopped: None,
        months_paid: 0,
        total: Money::ZERO,
    };
    for decision in months {
        match &decision.subsidy(subsidy).outcome {
            Outcome::Paid { amount, .. } => {
                summary.first_paid.get_or_insert(decision.month);
                summary.months_paid += 1;
                summary.total = summary.total + *amount;
            }
            Outcome::Stopped { since, because } => {
                summary.stopped = Some(StopInfo {
                    since: *since,
                    because: *because,
                });
            }
            _ => {}
        }
    }
    summary
}

fn only<T: PartialEq + Clone>(these: &[T], those: &[T]) -> Vec<T> {
    these
        .iter()
        .filter(|x| !those.contains(x))
        .cloned()
        .collect()
}
