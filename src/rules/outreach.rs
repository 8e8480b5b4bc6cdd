//! 政策找人: clauses `outreach.duty`, `outreach.deadline`, `outreach.waiver`, readings
//! `outreach.months` and `outreach.notice`.
//!
//! A newly issued certificate puts a duty on the disabled persons' federation, a new dibao or
//! dibao-edge enrolment on civil affairs, when the person then meets a subsidy's conditions. The
//! duty is met by one of five forms of notification within 3 calendar months; a person notified
//! in time who does not apply is deemed to have waived, and a later application pays from its own
//! month (`start.reapply`).

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::timing::{Claim, Timeline};
use super::{assess, covers, NoReasons, Reasons, Trace, Verdict};
use crate::clauses::ClauseId;
use crate::decision::{Cause, FactGroup, FactRef, Finding, Reason};
use crate::error::Error;
use crate::facts::{Application, AssistanceKind, Notification, OfficeBody, Subsidy};
use crate::month::Month;
use crate::policy::Policy;
use crate::resident::Resident;

/// What opened an outreach duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum TriggerKind {
    /// 新办残疾人证: a certificate issued when none was valid the day before.
    NewCertificate,
    /// 新纳入低保、低保边缘家庭: the household entered dibao or dibao-edge after a day without
    /// either.
    NewHouseholdAssistance {
        /// Dibao or dibao-edge.
        assistance: AssistanceKind,
    },
}

/// An outreach duty: its trigger, the office that owes it and its deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutreachTrigger {
    /// What opened it.
    pub kind: TriggerKind,
    /// The trigger's date: the certificate's issue date or the enrolment's first day.
    pub date: NaiveDate,
    /// The certificate or assistance period.
    pub fact: FactRef,
    /// The body that owes the duty, at district and sub-district level.
    pub duty_of: OfficeBody,
    /// The last day to notify: 3 calendar months after `date`, clamped to the month's end.
    pub deadline: NaiveDate,
    /// The subsidies whose conditions the person met on `date` and was not yet receiving.
    pub subsidies: Vec<Subsidy>,
}

/// Where an outreach duty stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum OutreachStatus {
    /// Not yet notified; the deadline has not passed.
    Pending {
        /// Days until the deadline (0 on the deadline day).
        days_left: i64,
    },
    /// Not notified, and the deadline has passed.
    Overdue {
        /// Days since the deadline.
        days_overdue: i64,
    },
    /// Notified by the deadline, which has not yet passed; no application yet.
    FulfilledOnTime {
        /// The delivery day.
        notified_on: NaiveDate,
        /// The notification.
        notification: FactRef,
    },
    /// Notified after the deadline; no application yet. Not counted as a waiver.
    FulfilledLate {
        /// The delivery day.
        notified_on: NaiveDate,
        /// Days after the deadline.
        days_late: i64,
        /// The notification.
        notification: FactRef,
    },
    /// Notified by the deadline, and no application by then: deemed a voluntary waiver.
    DeemedWaived {
        /// The delivery day.
        notified_on: NaiveDate,
        /// The notification.
        notification: FactRef,
    },
    /// Not yet notified, but the person no longer meets the conditions of any of the trigger's
    /// subsidies (died, in prison, left dibao, …): the duty has lapsed.
    Lapsed {
        /// The day judged.
        on: NaiveDate,
        /// The condition that no longer holds.
        because: Cause,
    },
    /// The person applied on or after the trigger's date.
    Applied {
        /// The submission day.
        on: NaiveDate,
        /// The application.
        application: FactRef,
        /// The delivery day of a notification before it, if any.
        notified_on: Option<NaiveDate>,
    },
}

impl OutreachStatus {
    /// The status's snake_case name, as in JSON.
    pub fn name(&self) -> &'static str {
        match self {
            OutreachStatus::Pending { .. } => "pending",
            OutreachStatus::Overdue { .. } => "overdue",
            OutreachStatus::FulfilledOnTime { .. } => "fulfilled_on_time",
            OutreachStatus::FulfilledLate { .. } => "fulfilled_late",
            OutreachStatus::DeemedWaived { .. } => "deemed_waived",
            OutreachStatus::Lapsed { .. } => "lapsed",
            OutreachStatus::Applied { .. } => "applied",
        }
    }
}

/// One outreach duty of one resident, where it stands, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutreachItem {
    /// The resident's id.
    pub resident: String,
    /// The duty.
    pub trigger: OutreachTrigger,
    /// Where it stands.
    pub status: OutreachStatus,
    /// The reasons, each citing its clause.
    pub reasons: Vec<Reason>,
}

/// The last day of an outreach duty: 3 calendar months after the trigger, clamped to the month's
/// end (reading `outreach.months`: 2024-11-30 + 3 months = 2025-02-28).
pub fn outreach_deadline(trigger: NaiveDate) -> NaiveDate {
    trigger
        .checked_add_months(Months::new(3))
        .unwrap_or(NaiveDate::MAX)
}

impl Policy {
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
        let timelines = crate::engine::timelines(self, resident, as_of);
        Ok(items(self, resident, &timelines, as_of))
    }
}

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
                resident: resident.id().to_owned(),
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
pub(crate) fn standing(
    policy: &Policy,
    resident: &Resident,
    duty: &Duty,
    as_of: NaiveDate,
    trace: &mut impl Trace,
) -> OutreachStatus {
    let status = status(resident, duty, as_of, trace);
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
pub(crate) fn duties(
    policy: &Policy,
    resident: &Resident,
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
        if triggers == Triggers::Outstanding && answered(resident, date, duty_of, as_of) {
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
            if !in_range(c.issued) {
                continue;
            }
            let day_before = c.issued.pred_opt();
            let had_one = day_before.is_some_and(|d| {
                certificates.iter().enumerate().any(|(j, o)| {
                    j != i && covers(o.issued, o.expires, d) && o.withdrawn.is_none_or(|w| d < w.on)
                })
            });
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
            let had_one =
                day_before.is_some_and(|d| periods.iter().any(|o| covers(o.from, o.to, d)));
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
        .min_by_key(|(_, n)| n.delivered)
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
        .min_by_key(|(_, a)| a.submitted)
}
