//! The engine: puts the rules together into a month's decision and a schedule of months.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::clauses::ClauseId;
use crate::decision::{
    Cause, FactGroup, FactRef, Finding, GivenUp, MonthDecision, Outcome, Payee, Schedule, StopInfo,
    SubsidyDecision, SubsidySummary, Used,
};
use crate::error::Error;
use crate::facts::{BenefitKind, Subsidy};
use crate::money::Money;
use crate::month::Month;
use crate::policy::{Dated, Parameter, Policy};
use crate::resident::Resident;
use crate::rules::competing::{choose_higher, Resolution};
use crate::rules::timing::{NotGranted, Timeline};
use crate::rules::{
    amounts, assess, eligibility, outreach, CauseSet, GroupSet, NoReasons, Reasons, Status, Trace,
    Verdict,
};

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
        decide_month(
            self,
            resident,
            month,
            &timelines(self, resident, month.last_day()),
        )
    }

    /// Decides every month from `first` to `last`, both included, and summarizes when each
    /// subsidy is first paid and when and why it stops.
    ///
    /// # Errors
    ///
    /// [`Error::EmptyRange`] when `first` is after `last`; [`Error::RangeTooLong`] for more than
    /// [`MAX_RANGE_MONTHS`](crate::MAX_RANGE_MONTHS) months; [`Error::MonthNotCovered`] when the
    /// policy does not govern every month of the range.
    pub fn schedule(
        &self,
        resident: &Resident,
        first: Month,
        last: Month,
    ) -> Result<Schedule, Error> {
        crate::month::check_range(first, last)?;
        self.check_covers(first)?;
        self.check_covers(last)?;
        let timelines = timelines(self, resident, last.last_day());
        let count = usize::try_from(first.months_until(last) + 1).unwrap_or(0);
        let mut months = Vec::with_capacity(count);
        for month in first.through(last) {
            months.push(decide_month(self, resident, month, &timelines)?);
        }
        let living = summarize(&months, Subsidy::Living);
        let nursing = summarize(&months, Subsidy::Nursing);
        Ok(Schedule {
            resident: resident.id().to_owned(),
            policy: self.name().to_owned(),
            first,
            last,
            total: living.total + nursing.total,
            living,
            nursing,
            months,
        })
    }
}

/// The claim histories of both subsidies, living allowance first, as far as they matter for
/// months up to `until` (see [`Timeline::rebuild`]).
pub(crate) fn timelines(policy: &Policy, resident: &Resident, until: NaiveDate) -> [Timeline; 2] {
    let mut timelines = Default::default();
    rebuild_timelines(policy, resident, until, &mut timelines);
    timelines
}

/// As [`timelines`], into `timelines`' storage (bulk work reuses it from one resident to the
/// next).
pub(crate) fn rebuild_timelines(
    policy: &Policy,
    resident: &Resident,
    until: NaiveDate,
    timelines: &mut [Timeline; 2],
) {
    for (subsidy, timeline) in Subsidy::ALL.into_iter().zip(timelines) {
        timeline.rebuild(policy, resident, subsidy, until);
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

/// A subsidy's month as the engine decides it, before it is written out as an [`Outcome`]: the
/// same cases, with causes and missing facts as bit sets and the institution borrowed, so that
/// bulk work (a roster scan, costing a reform) allocates nothing per resident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Judged<'r> {
    Paid {
        amount: Money,
        institution: Option<&'r str>,
    },
    NotEligible(CauseSet),
    Excluded(Cause),
    Superseded {
        by: BenefitKind,
        benefit_amount: Money,
        subsidy_amount: Money,
    },
    NotAppliedFor {
        would_pay: Money,
    },
    Stopped {
        since: Month,
        because: Cause,
    },
    Undetermined(GroupSet),
}

impl Judged<'_> {
    /// The public outcome.
    pub(crate) fn outcome(self) -> Outcome {
        match self {
            Judged::Paid {
                amount,
                institution,
            } => Outcome::Paid {
                amount,
                payee: match institution {
                    Some(name) => Payee::Institution {
                        name: name.to_owned(),
                    },
                    None => Payee::Person,
                },
            },
            Judged::NotEligible(causes) => Outcome::NotEligible {
                because: causes.iter().collect(),
            },
            Judged::Excluded(by) => Outcome::Excluded { by },
            Judged::Superseded {
                by,
                benefit_amount,
                subsidy_amount,
            } => Outcome::Superseded {
                by,
                benefit_amount,
                subsidy_amount,
            },
            Judged::NotAppliedFor { would_pay } => Outcome::NotAppliedFor { would_pay },
            Judged::Stopped { since, because } => Outcome::Stopped { since, because },
            Judged::Undetermined(groups) => Outcome::Undetermined {
                missing: groups.iter().collect(),
            },
        }
    }

    /// What is paid this month: zero unless paid.
    pub(crate) fn amount(self) -> Money {
        match self {
            Judged::Paid { amount, .. } => amount,
            _ => Money::ZERO,
        }
    }
}

/// Both subsidies' months for `month` without reasons, as [`Judged`]: what bulk work reads.
pub(crate) fn outcomes<'r>(
    policy: &Policy,
    resident: &'r Resident,
    month: Month,
    timelines: &[Timeline; 2],
) -> Result<[Judged<'r>; 2], Error> {
    let mut off = NoReasons;
    let mut judge = |subsidy| {
        judge_subsidy(policy, resident, subsidy, month, timelines, &mut off).map(|(j, _)| j)
    };
    Ok([judge(Subsidy::Living)?, judge(Subsidy::Nursing)?])
}

/// Both subsidies' decisions for `month`, with their reasons, and the month's own reasons.
pub(crate) fn decide_month(
    policy: &Policy,
    resident: &Resident,
    month: Month,
    timelines: &[Timeline; 2],
) -> Result<MonthDecision, Error> {
    let living = decide_subsidy(policy, resident, Subsidy::Living, month, timelines)?;
    let nursing = decide_subsidy(policy, resident, Subsidy::Nursing, month, timelines)?;
    let mut trace = Reasons::with_capacity(2);
    let from = policy.covers().from;
    trace.add(ClauseId::InForce, || Finding::PolicyInForce { from });
    let both_paid = matches!(living.outcome, Outcome::Paid { .. })
        && matches!(nursing.outcome, Outcome::Paid { .. });
    if both_paid {
        trace.add(ClauseId::Both, || Finding::BothPaid);
    }
    Ok(MonthDecision {
        resident: Arc::clone(resident.shared_id()),
        month,
        policy: Arc::clone(policy.shared_name()),
        total: living.amount() + nursing.amount(),
        living,
        nursing,
        reasons: trace.reasons,
    })
}

/// The value of a dated parameter in force in `month`, as a decision cites it.
fn used<T>(name: Parameter, dated: &Dated<T>, month: Month) -> Used {
    match dated.at(month) {
        Some(value) => Used::of(name, value),
        None => Used {
            parameter: name,
            from: month,
            source: "no value in the policy for this month: the crate's default".into(),
        },
    }
}

/// What every step of one subsidy's month decision needs.
struct SubsidyMonth<'a> {
    policy: &'a Policy,
    resident: &'a Resident,
    subsidy: Subsidy,
    month: Month,
}

/// One subsidy's month, with its reasons.
fn decide_subsidy(
    policy: &Policy,
    resident: &Resident,
    subsidy: Subsidy,
    month: Month,
    timelines: &[Timeline; 2],
) -> Result<SubsidyDecision, Error> {
    let mut trace = Reasons::with_capacity(12);
    let (judged, gives_up) =
        judge_subsidy(policy, resident, subsidy, month, timelines, &mut trace)?;
    Ok(SubsidyDecision {
        subsidy,
        outcome: judged.outcome(),
        gives_up,
        reasons: trace.reasons,
    })
}

/// One subsidy's month, with the competing benefits given up when it is paid; reasons go to
/// `trace`.
fn judge_subsidy<'r>(
    policy: &Policy,
    resident: &'r Resident,
    subsidy: Subsidy,
    month: Month,
    timelines: &[Timeline; 2],
    trace: &mut impl Trace,
) -> Result<(Judged<'r>, Vec<GivenUp>), Error> {
    let at = SubsidyMonth {
        policy,
        resident,
        subsidy,
        month,
    };
    let timeline = &timelines[subsidy as usize];
    let facts = resident.facts();
    let mut gives_up = Vec::new();
    let claim = timeline.claim_for(month);
    // The claim's stop, when it has taken effect by this month.
    let stopped = claim
        .and_then(|c| c.stop)
        .filter(|stop| stop.month <= month);
    let outcome = match (claim, stopped) {
        (Some(claim), None) => {
            let application = &facts.applications[claim.application];
            let fact = FactRef::new(FactGroup::Applications, claim.application);
            let grant_month = Month::of(claim.granted_on);
            let (day, renewed) = if month < grant_month {
                // A back-pay month of a renewal (reading `start.renewal`): paid at the renewed
                // certificate's standard only where no certificate counted that month; while an
                // old one still counted, its own standard applies ("按照原标准发放").
                let day = month.first_day();
                let renewed = claim
                    .renewal
                    .filter(|_| eligibility::valid_certificate(resident, day).is_none())
                    .map(|r| r.certificate);
                (day, renewed)
            } else if month == grant_month {
                (claim.granted_on, None)
            } else {
                (month.first_day(), None)
            };
            if month == grant_month {
                trace.add(ClauseId::StartMonth, || Finding::ApplicationGranted {
                    submitted: application.submitted,
                    first_month: claim.first_month,
                    fact,
                });
                let channel = application.channel;
                trace.add(ClauseId::Channels, || Finding::Channel { channel, fact });
                if trace.is_enabled() {
                    // Reasons only: the outreach duties do not change the outcome.
                    outreach::reasons_for_claim(policy, resident, timelines, subsidy, claim, trace);
                }
            } else {
                trace.add(ClauseId::StartMonth, || Finding::InPayment {
                    since: claim.first_month,
                    fact,
                });
            }
            match claim.renewal {
                Some(renewal) => trace.add(ClauseId::StartRenewal, || Finding::Renewal {
                    issued: renewal.issued,
                    back_pay_months: renewal.back_pay_months,
                    first_month: claim.first_month,
                    fact: FactRef::new(FactGroup::Certificates, renewal.certificate),
                    used: used(
                        Parameter::MaxRenewalBackPayMonths,
                        &policy.parameters().max_renewal_back_pay_months,
                        grant_month,
                    ),
                }),
                // A new application after a stop pays from its own month (reading `restart`);
                // `start.reapply` is cited only after a waiver (see `outreach::reasons_for_claim`).
                None if claim.after_stop => trace.add(ClauseId::Restart, || Finding::NoBackPay {
                    from: claim.first_month,
                    fact,
                }),
                None => {}
            }
            let status = assess(policy, resident, subsidy, day, renewed, trace);
            match status.verdict() {
                Verdict::Met => match pay(&at, day, &status, trace)? {
                    (outcome, Some(given)) => {
                        gives_up = given;
                        outcome
                    }
                    (outcome, None) => outcome,
                },
                verdict => not_paid(&at, day, &status, verdict, trace)?,
            }
        }
        (Some(_), Some(stop)) => {
            let cause_clause = stop.cause.clause(subsidy);
            if cause_clause != ClauseId::StopMonth {
                trace.add(cause_clause, || Finding::ConditionCeased {
                    cause: stop.cause,
                    on: stop.day,
                });
            }
            trace.add(ClauseId::StopMonth, || Finding::Ceased {
                cause: stop.cause,
                on: stop.day,
                stop_month: stop.month,
                timing: stop.timing,
                used: used(
                    Parameter::StopTiming,
                    &policy.parameters().stop_timing,
                    Month::of(stop.day),
                ),
            });
            trace.add(ClauseId::Restart, || Finding::NeedsNewApplication {
                since: stop.month,
            });
            if let Some(refused) = timeline
                .last_not_granted(resident, month)
                .filter(|r| facts.applications[r.application].submitted >= stop.day)
            {
                not_granted_reason(resident, refused, trace);
            }
            Judged::Stopped {
                since: stop.month,
                because: stop.cause,
            }
        }
        (None, _) => {
            let refused = timeline.last_not_granted(resident, month);
            match refused {
                Some(refused) => not_granted_reason(resident, refused, trace),
                None => trace.add(ClauseId::StartMonth, || Finding::NoApplication),
            }
            // The month of a refused application is judged on the day it was submitted, as a
            // granted one would be (reading `start.month`): a person who applied on the day of
            // death is not "entitled but not receiving" that month.
            let day = refused
                .map(|r| facts.applications[r.application].submitted)
                .filter(|&submitted| Month::of(submitted) == month)
                .unwrap_or(month.first_day());
            let status = assess(policy, resident, subsidy, day, None, trace);
            let verdict = status.verdict();
            not_paid(&at, day, &status, verdict, trace)?
        }
    };
    Ok((outcome, gives_up))
}

fn not_granted_reason(resident: &Resident, refused: &NotGranted, trace: &mut impl Trace) {
    let submitted = resident.facts().applications[refused.application].submitted;
    let fact = FactRef::new(FactGroup::Applications, refused.application);
    if refused.missing.is_empty() {
        trace.add(ClauseId::StartMonth, || Finding::ApplicationNotGranted {
            submitted,
            fact,
        });
    } else {
        trace.add(ClauseId::StartMonth, || Finding::ApplicationUndetermined {
            submitted,
            missing: refused.missing.iter().collect(),
            fact,
        });
    }
}

/// The amount of a month whose conditions are met, after choose-the-higher. Returns the
/// competing benefits given up when the subsidy is kept.
fn pay<'r>(
    at: &SubsidyMonth,
    day: NaiveDate,
    status: &Status<'r>,
    trace: &mut impl Trace,
) -> Result<(Judged<'r>, Option<Vec<GivenUp>>), Error> {
    let Some((_, certificate)) = status.certificate else {
        return Ok((not_paid(at, day, status, status.verdict(), trace)?, None));
    };
    let amount = amounts::monthly_amount(
        at.policy,
        at.subsidy,
        at.month,
        certificate.grade,
        status.household,
        trace,
    )?;
    Ok(
        match choose_higher(
            at.policy,
            at.resident,
            at.subsidy,
            day,
            at.month,
            amount,
            trace,
        ) {
            Resolution::Subsidy { gives_up } => (
                Judged::Paid {
                    amount,
                    institution: status.institution,
                },
                Some(gives_up),
            ),
            Resolution::OtherBenefit {
                kind,
                amount: benefit_amount,
            } => (
                Judged::Superseded {
                    by: kind,
                    benefit_amount,
                    subsidy_amount: amount,
                },
                None,
            ),
        },
    )
}

/// The outcome of a month that pays nothing. When every condition is met but no application is
/// in force, the person is entitled but not receiving (应享未享) — unless a higher competing
/// benefit would be kept anyway, which is `superseded`, not a loss.
fn not_paid<'r>(
    at: &SubsidyMonth,
    day: NaiveDate,
    status: &Status<'r>,
    verdict: Verdict,
    trace: &mut impl Trace,
) -> Result<Judged<'r>, Error> {
    Ok(match verdict {
        Verdict::Excluded(by) => Judged::Excluded(by),
        Verdict::NotEligible(causes) => Judged::NotEligible(causes),
        Verdict::Undetermined(groups) => Judged::Undetermined(groups),
        Verdict::Met => match pay(at, day, status, trace)?.0 {
            Judged::Paid { amount, .. } => Judged::NotAppliedFor { would_pay: amount },
            other => other,
        },
    })
}

/// What `subsidy` would pay in `month` if the person applied now: the conditions on the month's
/// first day, the amount and choose-the-higher, without reasons. `None` when it would pay nothing.
pub(crate) fn would_pay(
    policy: &Policy,
    resident: &Resident,
    subsidy: Subsidy,
    month: Month,
) -> Result<Option<Money>, Error> {
    let at = SubsidyMonth {
        policy,
        resident,
        subsidy,
        month,
    };
    let day = month.first_day();
    let mut trace = NoReasons;
    let status = assess(policy, resident, subsidy, day, None, &mut trace);
    if status.verdict() != Verdict::Met {
        return Ok(None);
    }
    Ok(match pay(&at, day, &status, &mut trace)?.0 {
        Judged::Paid { amount, .. } => Some(amount),
        _ => None,
    })
}
