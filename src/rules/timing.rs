//! When: readings `start.month`, `stop.month`, `restart`, `start.renewal`, clauses
//! `start.reapply` and `channels`.
//!
//! A subsidy's history is a list of claims. An application starts a claim when every condition
//! held on the day it was submitted (`start.month`: "自递交申请当月计发"); the claim runs until a
//! condition ceases (`stop.month`: "自情况发生的次月起停止发放"); a stopped claim stays stopped until
//! a new application is granted (`restart`), which pays from its own month, never before
//! (`start.reapply`: "补贴资金从申请当月计发，不予补发"), except the back pay a caseworker grants after
//! a renewed certificate (`start.renewal`). An application made before the policy's first day
//! carries over only if it was valid: every condition held on its day and none ceased before the
//! policy began (`start.carry_over`).

use chrono::{Datelike, NaiveDate};

use super::{application_key, assess, GroupSet, NoReasons, Verdict};
use crate::decision::Cause;
use crate::facts::Subsidy;
use crate::month::Month;
use crate::policy::{Policy, StopTiming};
use crate::resident::{Lists, Resident};

/// One granted application and the months it pays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Claim {
    /// Index of the application in `applications`.
    pub(crate) application: usize,
    /// The day the claim takes effect: the submission day, or the policy's first day for an
    /// application carried over from the earlier rules (its conditions were checked on its own
    /// day and up to then).
    pub(crate) granted_on: NaiveDate,
    /// The first month it pays.
    pub(crate) first_month: Month,
    /// Set when the application follows a renewed certificate.
    pub(crate) renewal: Option<Renewal>,
    /// Set when an earlier claim of the same subsidy had stopped.
    pub(crate) after_stop: bool,
    /// When and why it stopped, if it did.
    pub(crate) stop: Option<Stop>,
}

impl Claim {
    /// Whether the application was made before the policy and carried over
    /// (`start.carry_over`): it then takes effect on the policy's first day, after the day it
    /// was submitted.
    #[inline]
    pub(crate) fn carried_over(&self, resident: &Resident) -> bool {
        self.granted_on > resident.facts().applications[self.application].submitted
    }
}

/// A renewal claim's certificate and back pay (`start.renewal`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Renewal {
    pub(crate) certificate: usize,
    pub(crate) issued: NaiveDate,
    pub(crate) back_pay_months: u8,
}

/// The day a condition ceased and the first month not paid (`stop.month`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stop {
    pub(crate) day: NaiveDate,
    pub(crate) month: Month,
    pub(crate) cause: Cause,
    pub(crate) timing: StopTiming,
}

/// A subsidy's claims, oldest first, and the applications that were not granted.
#[derive(Debug, Clone, Default)]
pub(crate) struct Timeline {
    pub(crate) claims: Vec<Claim>,
    pub(crate) not_granted: Vec<NotGranted>,
}

/// An application that was not granted: a condition failed on its day, or (with `missing`) the
/// facts given could not decide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NotGranted {
    pub(crate) application: usize,
    pub(crate) missing: GroupSet,
    /// For an application made before the policy (`start.carry_over`): the day a condition
    /// failed — its own day, or a later day before the policy began — and which.
    pub(crate) carry_over_failed: Option<(NaiveDate, Cause)>,
}

impl Timeline {
    /// The claim that governs `month`: the last one whose first month is not after it.
    pub(crate) fn claim_for(&self, month: Month) -> Option<&Claim> {
        self.claims.iter().rev().find(|c| c.first_month <= month)
    }

    /// The last application submitted by the end of `month` that was not granted.
    #[inline]
    pub(crate) fn last_not_granted(
        &self,
        resident: &Resident,
        month: Month,
    ) -> Option<&NotGranted> {
        if self.not_granted.is_empty() {
            return None;
        }
        let applications = &resident.facts().applications;
        let last_day = month.last_day();
        // The last in the order the applications were judged in.
        self.not_granted
            .iter()
            .rev()
            .find(|r| applications[r.application].submitted <= last_day)
    }
}

impl Timeline {
    /// Builds the history of `subsidy`'s claims from the resident's applications, in place of
    /// what the timeline held (its storage is reused).
    ///
    /// Stops are looked for up to `until` only: a decision about months up to `until` cannot
    /// depend on a stop after it (a later claim would start after that stop too), and a single
    /// month's decision need not scan the rest of the resident's history.
    pub(crate) fn rebuild<'r>(
        &mut self,
        policy: &Policy,
        resident: impl Lists<'r>,
        subsidy: Subsidy,
        until: NaiveDate,
    ) {
        self.claims.clear();
        self.not_granted.clear();
        build(self, policy, resident, subsidy, until);
    }
}

fn build<'r>(
    timeline: &mut Timeline,
    policy: &Policy,
    resident: impl Lists<'r>,
    subsidy: Subsidy,
    until: NaiveDate,
) {
    let applications = &resident.facts().applications;
    // Applications in the order submitted, ties broken by their content (`application_key`), so
    // that the list's order never matters. Records usually list them so already; only when they
    // do not is an order sorted.
    let sorted = if applications
        .windows(2)
        .all(|w| w[0].submitted < w[1].submitted)
    {
        // Each on a later day: the order, whatever the ties would be.
        None
    } else {
        crate::resident::in_key_order(applications, application_key)
    };
    let order = (0..applications.len())
        .map(|k| sorted.as_ref().map_or(k, |o| o[k]))
        .filter(|&i| applications[i].subsidies.contains(&subsidy));
    let policy_start = policy.covers().from;
    let first_day = policy_start.first_day();
    for i in order {
        let application = &applications[i];
        // An application made under the earlier rules takes effect on the policy's first day, if
        // it carries over (reading `start.carry_over`, below).
        let carried_over = application.submitted < first_day;
        let granted_on = application.submitted.max(first_day);
        if let Some(last) = timeline.claims.last() {
            if last.stop.is_none_or(|s| s.day > granted_on) {
                // Already in payment: a second application changes nothing.
                continue;
            }
        }
        // Every condition must hold on the day the application was submitted (`start.month`).
        let status = assess(
            policy,
            resident,
            subsidy,
            application.submitted,
            None,
            &mut NoReasons,
        );
        let refused = |missing, carry_over_failed| NotGranted {
            application: i,
            missing,
            carry_over_failed,
        };
        match status.verdict() {
            Verdict::Met => {}
            Verdict::Undetermined(missing) => {
                timeline.not_granted.push(refused(missing, None));
                continue;
            }
            failed => {
                let failed = carried_over
                    .then(|| failure_cause(failed).map(|cause| (application.submitted, cause)))
                    .flatten();
                timeline
                    .not_granted
                    .push(refused(GroupSet::default(), failed));
                continue;
            }
        }
        // The first day after the application on which a condition fails, looked for once: for
        // an application carried over, through the policy's first day and on.
        let failure = first_failure(
            policy,
            resident,
            subsidy,
            application.submitted,
            until.max(first_day),
        );
        // Carried over only if no condition ceased before the policy began (`start.carry_over`):
        // a claim that would have stopped under the earlier rules needs a new application.
        if carried_over {
            if let Some(ceased) = failure.filter(|&(day, _)| day <= first_day) {
                timeline
                    .not_granted
                    .push(refused(GroupSet::default(), Some(ceased)));
                continue;
            }
        }
        let mut first_month = Month::of(granted_on);
        let mut renewal = None;
        if application.follows_renewed_certificate {
            if let Some((certificate, c)) = status.certificate {
                let cap = policy
                    .parameters()
                    .max_renewal_back_pay_months
                    .at(Month::of(granted_on))
                    .map_or(0, |v| v.value);
                let back_pay_months = application.back_pay_months.min(cap);
                let issue_month = Month::of(c.issued);
                first_month = issue_month
                    .min(first_month)
                    .minus(u32::from(back_pay_months));
                renewal = Some(Renewal {
                    certificate,
                    issued: c.issued,
                    back_pay_months,
                });
            }
        }
        first_month = first_month.max(policy_start);
        let previous_stop = timeline.claims.last().and_then(|c| c.stop);
        if let Some(previous) = previous_stop {
            first_month = first_month.max(previous.month);
        }
        // The claim stops on the first failure after it took effect (`stop.month`), looked for
        // up to `until` only.
        let stop = failure
            .filter(|&(day, _)| day > granted_on && day <= until)
            .map(|(day, cause)| stop_on(policy, day, cause));
        timeline.claims.push(Claim {
            application: i,
            granted_on,
            first_month,
            renewal,
            after_stop: previous_stop.is_some(),
            stop,
        });
    }
}

/// The stop of a claim whose condition `cause` ceased on `day` (`stop.month`).
fn stop_on(policy: &Policy, day: NaiveDate, cause: Cause) -> Stop {
    let timing = policy
        .parameters()
        .stop_timing
        .at(Month::of(day))
        .map_or(StopTiming::MonthAfter, |v| v.value);
    Stop {
        day,
        month: stop_month(day, timing),
        cause,
        timing,
    }
}

/// The first day after `after`, and not after `until`, on which a condition of `subsidy` fails,
/// and the condition.
///
/// Conditions change only on the resident's change days, so only those are checked.
fn first_failure<'r>(
    policy: &Policy,
    resident: impl Lists<'r>,
    subsidy: Subsidy,
    after: NaiveDate,
    until: NaiveDate,
) -> Option<(NaiveDate, Cause)> {
    let mut day = after;
    while let Some(next) = resident.next_change_day(day, until) {
        day = next;
        let status = assess(policy, resident, subsidy, day, None, &mut NoReasons);
        if let Some(cause) = failure_cause(status.verdict()) {
            return Some((day, cause));
        }
    }
    None
}

/// The condition a failed verdict names first; `None` when nothing failed.
fn failure_cause(verdict: Verdict) -> Option<Cause> {
    match verdict {
        Verdict::Met | Verdict::Undetermined(_) => None,
        Verdict::Excluded(cause) => Some(cause),
        Verdict::NotEligible(causes) => Some(causes.first().unwrap_or(Cause::NoValidCertificate)),
    }
}

/// The first month not paid when a condition ceases on `day` (its first day without).
///
/// Month after (the default): an event on the 1st stops that month itself, any later day the
/// next month. Same month: the month of the event.
pub(crate) fn stop_month(day: NaiveDate, timing: StopTiming) -> Month {
    let month = Month::of(day);
    match timing {
        StopTiming::MonthAfter if day.day() != 1 => month.next(),
        _ => month,
    }
}
