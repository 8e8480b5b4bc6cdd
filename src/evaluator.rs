//! The one evaluator: every question about a resident under a policy — a month's decision, a
//! schedule, outreach duties, a roster scan's records, a reform's costs — is answered here, from
//! the resident's claim histories built once.
//!
//! [`Evaluator`] keeps the storage of the claim histories from one resident to the next (a roster
//! scan or a reform comparison evaluates many); [`Evaluator::evaluate`] builds them for one
//! resident, and the [`Evaluation`] it returns answers the questions. Policy logic that combines
//! the rules — "stopped, but the conditions hold again", "what would be paid if the person
//! applied" — lives here, so that every caller gets the same answer.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::clauses::ClauseId;
use crate::decision::{
    Cause, FactGroup, FactRef, Finding, GivenUp, MonthDecision, Outcome, OutreachItem,
    OutreachStatus, Payee, SubsidyDecision, Used,
};
use crate::error::Error;
use crate::facts::{AssistanceKind, BenefitKind, Category, Grade, Subsidy};
use crate::money::Money;
use crate::month::Month;
use crate::policy::{Covered, Dated, Parameter, Policy};
use crate::resident::{with_lists, Lists, Periods, Resident};
use crate::rules::competing::{choose_higher, Resolution};
use crate::rules::outreach::{self, Duty, Triggers};
use crate::rules::timing::{NotGranted, Timeline};
use crate::rules::{
    amounts, assess, covers, eligibility, CauseSet, GroupSet, NoReasons, Reasons, Status, Trace,
    Verdict,
};

/// Evaluates residents under a policy, keeping the storage of their claim histories from one
/// resident to the next.
#[derive(Debug, Default)]
pub(crate) struct Evaluator {
    timelines: [Timeline; 2],
}

impl Evaluator {
    /// `resident` under `policy`, with the claim histories of both subsidies built as far as
    /// they matter for days up to `until` (see [`Timeline::rebuild`]).
    pub(crate) fn evaluate<'e>(
        &'e mut self,
        policy: &'e Policy,
        resident: &'e Resident,
        until: NaiveDate,
    ) -> Evaluation<'e> {
        for (subsidy, timeline) in Subsidy::ALL.into_iter().zip(&mut self.timelines) {
            with_lists!(resident, |lists| timeline
                .rebuild(policy, lists, subsidy, until));
        }
        Evaluation {
            policy,
            resident,
            timelines: &self.timelines,
        }
    }
}

/// One resident under one policy, their claim histories built: what every question is answered
/// from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Evaluation<'e> {
    policy: &'e Policy,
    resident: &'e Resident,
    timelines: &'e [Timeline; 2],
}

/// One subsidy's month without reasons, and what it leaves unclaimed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SubsidyMonth<'r> {
    /// The outcome.
    pub(crate) judged: Judged<'r>,
    /// 应享未享: what the subsidy would pay this month if the person applied now — when every
    /// condition is met and no application is in force, or when a claim stopped and the
    /// conditions hold again (reading `restart`: a new application is needed). `None` otherwise.
    pub(crate) unclaimed: Option<Money>,
}

/// Who a resident is on a day, for a reform's breakdowns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Profile {
    /// The category and grade of the certificate that counts, if one does.
    pub(crate) certificate: Option<(Category, Grade)>,
    /// The household's assistance on the day; `None` when the facts do not say.
    pub(crate) household: Option<Option<AssistanceKind>>,
}

impl<'e> Evaluation<'e> {
    /// Both subsidies' months without reasons, living allowance first, with what each leaves
    /// unclaimed: what bulk work (a roster scan, costing a reform) reads.
    pub(crate) fn month(&self, month: Month) -> Result<[SubsidyMonth<'e>; 2], Error> {
        // The one case of error: past it, every step is infallible.
        let covered = self.policy.covered(month)?;
        with_lists!(self.resident, |lists| self.month_of(lists, covered))
    }

    /// [`month`](Evaluation::month), the rules reaching the resident's lists through `resident`.
    #[inline(always)]
    fn month_of(
        &self,
        resident: impl Lists<'e>,
        covered: Covered,
    ) -> Result<[SubsidyMonth<'e>; 2], Error> {
        let judged = outcomes(self.policy, resident, covered, self.timelines);
        // Filled in place: written as `Subsidy::ALL.map`, or as an array of two calls, this made
        // a roster scan's rules a tenth slower (measured twice, docs/performance.md).
        let mut out = [SubsidyMonth {
            judged: judged[0],
            unclaimed: None,
        }; 2];
        for subsidy in Subsidy::ALL {
            let i = subsidy as usize;
            out[i] = SubsidyMonth {
                judged: judged[i],
                unclaimed: match judged[i] {
                    Judged::NotAppliedFor { would_pay } => Some(would_pay),
                    // Stopped, but the conditions hold again: a new application is needed
                    // (reading `restart`), so the person is entitled but not receiving.
                    Judged::Stopped { .. } => would_pay(self.policy, resident, subsidy, covered),
                    _ => None,
                },
            };
        }
        Ok(out)
    }

    /// Both subsidies' decisions for `month`, with their reasons, and the month's own reasons.
    pub(crate) fn decision(&self, month: Month) -> Result<MonthDecision, Error> {
        let covered = self.policy.covered(month)?;
        let (policy, timelines) = (self.policy, self.timelines);
        Ok(with_lists!(self.resident, |lists| decide_month(
            policy, lists, covered, timelines
        )))
    }

    /// Every outreach duty up to `as_of`, where each stands and why.
    pub(crate) fn outreach_items(&self, as_of: NaiveDate) -> Vec<OutreachItem> {
        outreach::items(self.policy, self.resident, self.timelines, as_of)
    }

    /// The outreach duties still to be met on `as_of` (pending or overdue), without reasons:
    /// a roster scan's worklist.
    pub(crate) fn open_duties(
        &self,
        as_of: NaiveDate,
    ) -> impl Iterator<Item = (Duty, OutreachStatus)> + use<'e> {
        let (policy, resident, timelines) = (self.policy, self.resident, self.timelines);
        let outstanding = Triggers::Outstanding;
        let duties = with_lists!(resident, |lists| outreach::duties(
            policy,
            lists,
            timelines,
            as_of,
            outstanding
        ));
        duties.into_iter().filter_map(move |duty| {
            let status = with_lists!(resident, |lists| outreach::standing(
                policy,
                lists,
                &duty,
                as_of,
                &mut NoReasons
            ));
            matches!(
                status,
                OutreachStatus::Pending { .. } | OutreachStatus::Overdue { .. }
            )
            .then_some((duty, status))
        })
    }
}

impl Profile {
    /// Who `resident` is on `day`: the certificate that counts and the household's assistance
    /// (facts only: the same under every policy).
    pub(crate) fn of(resident: &Resident, day: NaiveDate) -> Profile {
        let facts = resident.facts();
        let certificate = eligibility::valid_certificate(resident, day)
            .and_then(|i| facts.certificates.as_ref().map(|c| &c[i]))
            .map(|c| (c.category, c.grade));
        let household = facts.household_assistance.as_ref().map(|periods| {
            resident
                .first_holding(Periods::Assistance, periods, day, |p| {
                    covers(p.from, p.to, day)
                })
                .map(|i| periods[i].kind)
        });
        Profile {
            certificate,
            household,
        }
    }
}

/// A subsidy's month as the evaluator decides it, before it is written out as an [`Outcome`]: the
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
    ///
    /// Always inlined, as is [`judge_subsidy`], so that a decision builds its outcome in the
    /// branch that judged it rather than dispatching a second time on the variant (DESIGN.md,
    /// "Why is a decision's outcome built where it is judged?").
    #[inline(always)]
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
fn outcomes<'r>(
    policy: &Policy,
    resident: impl Lists<'r>,
    month: Covered,
    timelines: &[Timeline; 2],
) -> [Judged<'r>; 2] {
    let mut off = NoReasons;
    let mut judge =
        |subsidy| judge_subsidy(policy, resident, subsidy, month, timelines, &mut off).0;
    [judge(Subsidy::Living), judge(Subsidy::Nursing)]
}

/// Both subsidies' decisions for `month`, with their reasons, and the month's own reasons.
fn decide_month<'r>(
    policy: &Policy,
    resident: impl Lists<'r>,
    covered: Covered,
    timelines: &[Timeline; 2],
) -> MonthDecision {
    let living = decide_subsidy(policy, resident, Subsidy::Living, covered, timelines);
    let nursing = decide_subsidy(policy, resident, Subsidy::Nursing, covered, timelines);
    let mut trace = Reasons::with_capacity(2);
    let from = policy.covers().from;
    trace.add(ClauseId::InForce, || Finding::PolicyInForce { from });
    let both_paid = matches!(living.outcome, Outcome::Paid { .. })
        && matches!(nursing.outcome, Outcome::Paid { .. });
    if both_paid {
        trace.add(ClauseId::Both, || Finding::BothPaid);
    }
    MonthDecision {
        resident: Arc::clone(resident.resident().shared_id()),
        month: covered.month(),
        policy: Arc::clone(policy.shared_name()),
        total: living.amount() + nursing.amount(),
        living,
        nursing,
        reasons: trace.reasons,
    }
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
struct At<'a, L> {
    policy: &'a Policy,
    resident: L,
    subsidy: Subsidy,
    month: Covered,
}

/// One subsidy's month, with its reasons.
fn decide_subsidy<'r>(
    policy: &Policy,
    resident: impl Lists<'r>,
    subsidy: Subsidy,
    month: Covered,
    timelines: &[Timeline; 2],
) -> SubsidyDecision {
    let mut trace = Reasons::with_capacity(12);
    let (judged, gives_up) = judge_subsidy(policy, resident, subsidy, month, timelines, &mut trace);
    SubsidyDecision {
        subsidy,
        outcome: judged.outcome(),
        gives_up,
        reasons: trace.reasons,
    }
}

/// One subsidy's month, with the competing benefits given up when it is paid; reasons go to
/// `trace`. Always inlined: see [`Judged::outcome`].
#[inline(always)]
fn judge_subsidy<'r>(
    policy: &Policy,
    resident: impl Lists<'r>,
    subsidy: Subsidy,
    covered: Covered,
    timelines: &[Timeline; 2],
    trace: &mut impl Trace,
) -> (Judged<'r>, Vec<GivenUp>) {
    let at = At {
        policy,
        resident,
        subsidy,
        month: covered,
    };
    let month = covered.month();
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
                if claim.carried_over(resident.resident()) {
                    trace.add(ClauseId::StartCarryOver, || Finding::CarriedOver {
                        submitted: application.submitted,
                        from: claim.first_month,
                        fact,
                    });
                }
                let channel = application.channel;
                trace.add(ClauseId::Channels, || Finding::Channel { channel, fact });
                if trace.is_enabled() {
                    // Reasons only: the outreach duties do not change the outcome.
                    let resident = resident.resident();
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
                Verdict::Met => match pay(&at, day, &status, trace) {
                    (outcome, Some(given)) => {
                        gives_up = given;
                        outcome
                    }
                    (outcome, None) => outcome,
                },
                verdict => not_paid(&at, day, &status, verdict, trace),
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
                .last_not_granted(resident.resident(), month)
                .filter(|r| facts.applications[r.application].submitted >= stop.day)
            {
                not_granted_reason(resident.resident(), refused, trace);
            }
            Judged::Stopped {
                since: stop.month,
                because: stop.cause,
            }
        }
        (None, _) => {
            let refused = timeline.last_not_granted(resident.resident(), month);
            match refused {
                Some(refused) => not_granted_reason(resident.resident(), refused, trace),
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
            not_paid(&at, day, &status, verdict, trace)
        }
    };
    (outcome, gives_up)
}

fn not_granted_reason(resident: &Resident, refused: &NotGranted, trace: &mut impl Trace) {
    let submitted = resident.facts().applications[refused.application].submitted;
    let fact = FactRef::new(FactGroup::Applications, refused.application);
    if let Some((on, cause)) = refused.carry_over_failed {
        trace.add(ClauseId::StartCarryOver, || Finding::CarryOverRefused {
            submitted,
            on,
            cause,
            fact,
        });
    } else if refused.missing.is_empty() {
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
    at: &At<'_, impl Lists<'r>>,
    day: NaiveDate,
    status: &Status<'r>,
    trace: &mut impl Trace,
) -> (Judged<'r>, Option<Vec<GivenUp>>) {
    let Some((_, certificate)) = status.certificate else {
        return (not_paid(at, day, status, status.verdict(), trace), None);
    };
    let amount = amounts::monthly_amount(
        at.policy,
        at.subsidy,
        at.month,
        certificate.grade,
        status.household,
        trace,
    );
    match choose_higher(
        at.policy,
        at.resident,
        at.subsidy,
        day,
        at.month.month(),
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
    }
}

/// The outcome of a month that pays nothing. When every condition is met but no application is
/// in force, the person is entitled but not receiving (应享未享) — unless a higher competing
/// benefit would be kept anyway, which is `superseded`, not a loss.
fn not_paid<'r>(
    at: &At<'_, impl Lists<'r>>,
    day: NaiveDate,
    status: &Status<'r>,
    verdict: Verdict,
    trace: &mut impl Trace,
) -> Judged<'r> {
    match verdict {
        Verdict::Excluded(by) => Judged::Excluded(by),
        Verdict::NotEligible(causes) => Judged::NotEligible(causes),
        Verdict::Undetermined(groups) => Judged::Undetermined(groups),
        Verdict::Met => match pay(at, day, status, trace).0 {
            Judged::Paid { amount, .. } => Judged::NotAppliedFor { would_pay: amount },
            other => other,
        },
    }
}

/// What `subsidy` would pay in `month` if the person applied now: the conditions on the month's
/// first day, the amount and choose-the-higher, without reasons. `None` when it would pay nothing.
fn would_pay<'r>(
    policy: &Policy,
    resident: impl Lists<'r>,
    subsidy: Subsidy,
    month: Covered,
) -> Option<Money> {
    let at = At {
        policy,
        resident,
        subsidy,
        month,
    };
    let day = month.month().first_day();
    let mut trace = NoReasons;
    let status = assess(policy, resident, subsidy, day, None, &mut trace);
    if status.verdict() != Verdict::Met {
        return None;
    }
    match pay(&at, day, &status, &mut trace).0 {
        Judged::Paid { amount, .. } => Some(amount),
        _ => None,
    }
}
