//! 政策找人: clauses `outreach.duty`, `outreach.deadline`, `outreach.waiver`, readings
//! `outreach.months` and `outreach.notice`.
//!
//! A newly issued certificate puts a duty on the disabled persons' federation, a new dibao or
//! dibao-edge enrolment on civil affairs, when the person then meets a subsidy's conditions. The
//! duty is met by one of five forms of notification within 3 calendar months; a person notified
//! in time who does not apply is deemed to have waived, and a later application pays from its own
//! month (`start.reapply`).

use chrono::NaiveDate;

use super::timing::{Claim, Timeline};
use super::{application_key, assess, covers, NoReasons, Reasons, Trace, Verdict};
use crate::clauses::ClauseId;
use crate::decision::{
    outreach_deadline, FactGroup, FactRef, Finding, OutreachItem, OutreachStatus, OutreachTrigger,
    TriggerKind,
};
use crate::facts::{Application, Notification, OfficeBody, Subsidy};
use crate::policy::Policy;
use crate::resident::{Lists, Periods, Resident};

/// An outreach duty as the rules find it, before it is written out as an [`OutreachTrigger`]:
/// the same fields, with the subsidies as flags, so that a roster scan allocates only for the
/// duties it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Duty {
    pub(crate) kind: TriggerKind,
    pub(crate) date: NaiveDate,
    pub(crate) fact: FactRef,
    pub(crate) duty_of: OfficeBody,
    pub(crate) deadline: NaiveDate,
    /// Indexed by `Subsidy as usize`.
    subsidies: [bool; 2],
}

impl Duty {
    /// Whether the duty is about `subsidy`.
    pub(crate) fn concerns(&self, subsidy: Subsidy) -> bool {
        self.subsidies[subsidy as usize]
    }

    /// The subsidies the duty is about, living allowance first.
    pub(crate) fn subsidies(&self) -> Vec<Subsidy> {
        Subsidy::ALL
            .into_iter()
            .filter(|s| self.concerns(*s))
            .collect()
    }

    /// The duty as the public type.
    pub(crate) fn trigger(&self) -> OutreachTrigger {
        OutreachTrigger {
            kind: self.kind,
            date: self.date,
            fact: self.fact,
            duty_of: self.duty_of,
            deadline: self.deadline,
            subsidies: self.subsidies(),
        }
    }
}

/// The outreach duties of a resident whose claim histories are already built, each with where
/// it stands on `as_of` and the reasons.
pub(crate) fn items(
    policy: &Policy,
    resident: &Resident,
    timelines: &[Timeline; 2],
    as_of: NaiveDate,
) -> Vec<OutreachItem> {
    duties(policy, resident, timelines, as_of, Triggers::All)
        .into_iter()
        .map(|duty| {
            let mut trace = Reasons::with_capacity(4);
            let status = standing(policy, resident, &duty, as_of, &mut trace);
            OutreachItem {
                resident: std::sync::Arc::clone(resident.shared_id()),
                trigger: duty.trigger(),
                status,
                reasons: trace.reasons,
            }
        })
        .collect()
}

/// Where `duty` stands on `as_of`: its [`status`], except that a duty not yet met to tell
/// someone of a subsidy they no longer qualify for (death, prison, the dibao ended) has lapsed
/// and leaves the worklist.
pub(crate) fn standing<'r>(
    policy: &Policy,
    resident: impl Lists<'r>,
    duty: &Duty,
    as_of: NaiveDate,
    trace: &mut impl Trace,
) -> OutreachStatus {
    let status = status(resident.resident(), duty, as_of, trace);
    if !matches!(
        status,
        OutreachStatus::Pending { .. } | OutreachStatus::Overdue { .. }
    ) {
        return status;
    }
    let mut because = None;
    for subsidy in Subsidy::ALL.into_iter().filter(|s| duty.concerns(*s)) {
        match assess(policy, resident, subsidy, as_of, None, &mut NoReasons).verdict() {
            Verdict::Met | Verdict::Undetermined(_) => return status,
            Verdict::Excluded(cause) => because = because.or(Some(cause)),
            Verdict::NotEligible(causes) => because = because.or(causes.first()),
        }
    }
    match because {
        Some(because) => {
            trace.add(ClauseId::OutreachDuty, || Finding::OutreachLapsed {
                on: as_of,
                cause: because,
            });
            OutreachStatus::Lapsed { on: as_of, because }
        }
        None => status,
    }
}

/// Which of a resident's triggers [`duties`] looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Triggers {
    /// Every trigger up to the day.
    All,
    /// Only the triggers that may still be on the worklist (pending or overdue) on the day:
    /// those not yet answered by a notification from the office whose duty it is, nor by an
    /// application for both subsidies. What a roster scan reports; the others are skipped
    /// before their conditions are checked.
    Outstanding,
}

/// Every outreach duty up to `as_of`, oldest first (a certificate's before an assistance
/// period's of the same day); with [`Triggers::Outstanding`], only those that may still be
/// pending or overdue on `as_of`.
pub(crate) fn duties<'r>(
    policy: &Policy,
    resident: impl Lists<'r>,
    timelines: &[Timeline; 2],
    as_of: NaiveDate,
    triggers: Triggers,
) -> Vec<Duty> {
    let facts = resident.facts();
    let start = policy.covers().from.first_day();
    let in_range = |d: NaiveDate| start <= d && d <= as_of;
    let mut found = Vec::new();
    // A trigger opens a duty for the subsidies whose conditions the person met on its date and
    // was not already receiving; none, no duty.
    let mut open = |kind, date: NaiveDate, fact, duty_of| {
        if triggers == Triggers::Outstanding && answered(resident.resident(), date, duty_of, as_of)
        {
            // Whichever subsidies it concerns, its status is one of the notified or applied
            // ones (see `status`), never pending or overdue.
            return;
        }
        let mut subsidies = [false; 2];
        for (subsidy, timeline) in Subsidy::ALL.into_iter().zip(timelines) {
            let in_payment = timeline
                .claims
                .iter()
                .any(|c| c.granted_on <= date && c.stop.is_none_or(|s| s.day > date));
            subsidies[subsidy as usize] = !in_payment
                && assess(policy, resident, subsidy, date, None, &mut NoReasons).verdict()
                    == Verdict::Met;
        }
        if subsidies != [false; 2] {
            found.push(Duty {
                kind,
                date,
                fact,
                duty_of,
                deadline: outreach_deadline(date),
                subsidies,
            });
        }
    };
    if let Some(certificates) = &facts.certificates {
        for (i, c) in certificates.iter().enumerate() {
            // A certificate withdrawn on the day it was issued never counted (reading
            // `certificate.same_day`): it is no new certificate.
            if !in_range(c.issued) || !c.valid_on(c.issued) {
                continue;
            }
            // New when no certificate was valid the day before (the certificate itself was not
            // yet issued then).
            let day_before = c.issued.pred_opt();
            let had_one = day_before
                .is_some_and(|d| super::eligibility::valid_certificate(resident, d).is_some());
            if !had_one {
                open(
                    TriggerKind::NewCertificate,
                    c.issued,
                    FactRef::new(FactGroup::Certificates, i),
                    OfficeBody::DisabledPersonsFederation,
                );
            }
        }
    }
    if let Some(periods) = &facts.household_assistance {
        for (i, p) in periods.iter().enumerate() {
            if !in_range(p.from) {
                continue;
            }
            let day_before = p.from.pred_opt();
            let had_one = day_before.is_some_and(|d| {
                resident
                    .first_holding(Periods::Assistance, periods, d, |o| covers(o.from, o.to, d))
                    .is_some()
            });
            if !had_one {
                open(
                    TriggerKind::NewHouseholdAssistance { assistance: p.kind },
                    p.from,
                    FactRef::new(FactGroup::HouseholdAssistance, i),
                    OfficeBody::CivilAffairs,
                );
            }
        }
    }
    // Certificates' duties come before assistance duties of the same day (a stable sort).
    found.sort_by_key(|t| t.date);
    found
}

/// Where `trigger` stands on `as_of`.
pub(crate) fn status(
    resident: &Resident,
    trigger: &Duty,
    as_of: NaiveDate,
    trace: &mut impl Trace,
) -> OutreachStatus {
    let kind = trigger.kind;
    let (date, deadline, duty_of) = (trigger.date, trigger.deadline, trigger.duty_of);
    trace.add(ClauseId::OutreachDuty, || Finding::OutreachDuty {
        trigger: kind,
        date,
        duty_of,
        subsidies: trigger.subsidies(),
        fact: trigger.fact,
    });
    trace.add(ClauseId::OutreachMonths, || Finding::OutreachDeadline {
        date,
        deadline,
    });
    let notification = first_notification(resident, trigger, as_of);
    let application = first_application(resident, trigger, as_of);
    if let Some((i, n)) = notification {
        let (form, office, recipient, on) = (n.form, n.office, n.recipient, n.delivered);
        trace.add(ClauseId::OutreachDeadline, || Finding::Notified {
            on,
            form,
            office,
            recipient,
            on_time: on <= deadline,
            fact: FactRef::new(FactGroup::Notifications, i),
        });
    }
    if let Some((i, a)) = application {
        let application = FactRef::new(FactGroup::Applications, i);
        let on = a.submitted;
        trace.add(ClauseId::StartMonth, || Finding::AppliedAfterTrigger {
            on,
            fact: application,
        });
        return OutreachStatus::Applied {
            on,
            application,
            notified_on: notification.map(|(_, n)| n.delivered).filter(|d| *d <= on),
        };
    }
    match notification {
        Some((i, n)) if n.delivered <= deadline => {
            let notification = FactRef::new(FactGroup::Notifications, i);
            if as_of <= deadline {
                OutreachStatus::FulfilledOnTime {
                    notified_on: n.delivered,
                    notification,
                }
            } else {
                let notified_on = n.delivered;
                trace.add(ClauseId::OutreachWaiver, || Finding::DeemedWaived {
                    notified_on,
                    deadline,
                });
                OutreachStatus::DeemedWaived {
                    notified_on,
                    notification,
                }
            }
        }
        Some((i, n)) => OutreachStatus::FulfilledLate {
            notified_on: n.delivered,
            days_late: (n.delivered - deadline).num_days(),
            notification: FactRef::new(FactGroup::Notifications, i),
        },
        None if as_of <= deadline => OutreachStatus::Pending {
            days_left: (deadline - as_of).num_days(),
        },
        None => {
            trace.add(ClauseId::OutreachNotice, || Finding::NotNotified {
                deadline,
            });
            OutreachStatus::Overdue {
                days_overdue: (as_of - deadline).num_days(),
            }
        }
    }
}

/// For a claim of `subsidy`: the outreach reasons its first month cites. A waiver (notified in time, no application by the deadline) cites
/// `outreach.waiver`; a duty never met cites `outreach.notice`. Either way the application pays
/// from its own month (`start.reapply`).
pub(crate) fn reasons_for_claim(
    policy: &Policy,
    resident: &Resident,
    timelines: &[Timeline; 2],
    subsidy: Subsidy,
    claim: &Claim,
    trace: &mut impl Trace,
) {
    let submitted = resident.facts().applications[claim.application].submitted;
    let first_month = claim.first_month;
    let application = FactRef::new(FactGroup::Applications, claim.application);
    for trigger in duties(policy, resident, timelines, submitted, Triggers::All) {
        if !trigger.concerns(subsidy) || submitted <= trigger.deadline {
            continue;
        }
        // The duty is judged at its deadline: was the person notified by then, and did they
        // apply by then? (An application in the window is no waiver; see `status`.)
        let (date, deadline) = (trigger.date, trigger.deadline);
        if first_application(resident, &trigger, deadline).is_some() {
            continue;
        }
        let notified_in_time =
            first_notification(resident, &trigger, deadline).map(|(_, n)| n.delivered);
        match notified_in_time {
            Some(notified_on) => {
                trace.add(ClauseId::OutreachWaiver, || {
                    Finding::WaiverThenApplication {
                        trigger_date: date,
                        notified_on,
                        deadline,
                    }
                });
                trace.add(ClauseId::StartReapply, || Finding::NoBackPay {
                    from: first_month,
                    fact: application,
                });
            }
            None => trace.add(ClauseId::OutreachNotice, || Finding::NotNotified {
                deadline,
            }),
        }
    }
}

/// The first notification by the office that owes `trigger`'s duty, delivered from the trigger's
/// date through `until`.
fn first_notification<'r>(
    resident: &'r Resident,
    trigger: &Duty,
    until: NaiveDate,
) -> Option<(usize, &'r Notification)> {
    resident
        .facts()
        .notifications
        .iter()
        .enumerate()
        .filter(|(_, n)| {
            n.office.body == trigger.duty_of && trigger.date <= n.delivered && n.delivered <= until
        })
        // The first delivered; on one day, by form, office and recipient, so that the list's
        // order never matters.
        .min_by_key(|(_, n)| (n.delivered, n.form, n.office, n.recipient))
}

/// Whether a trigger of `date` whose duty is `duty_of`'s has been answered by `until`: a
/// notification from that office, or an application for both subsidies, from the trigger's
/// date on. Its [`status`] is then never pending or overdue, whichever subsidies it concerns:
/// `first_notification` or `first_application` finds it.
fn answered(resident: &Resident, date: NaiveDate, duty_of: OfficeBody, until: NaiveDate) -> bool {
    let facts = resident.facts();
    let window = |day: NaiveDate| date <= day && day <= until;
    facts
        .notifications
        .iter()
        .any(|n| n.office.body == duty_of && window(n.delivered))
        || facts
            .applications
            .iter()
            .any(|a| window(a.submitted) && Subsidy::ALL.iter().all(|s| a.subsidies.contains(s)))
}

/// The first application for one of `trigger`'s subsidies, submitted from the trigger's date
/// through `until`.
fn first_application<'r>(
    resident: &'r Resident,
    trigger: &Duty,
    until: NaiveDate,
) -> Option<(usize, &'r Application)> {
    resident
        .facts()
        .applications
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            trigger.date <= a.submitted
                && a.submitted <= until
                && a.subsidies.iter().any(|s| trigger.concerns(*s))
        })
        .min_by_key(|(_, a)| application_key(a))
}
