//! Outreach (政策找人): clauses `outreach.duty`, `outreach.deadline`, `outreach.waiver`,
//! `start.reapply` and readings `outreach.months`, `outreach.notice`, at their boundaries, with
//! hand-written residents. Dates and day counts are worked out by hand in the comments.

use serde_json::{json, Value};
use tianjin_disability_subsidies::{
    decision::{FactGroup, FactRef},
    facts::{AssistanceKind, OfficeBody},
    outreach::{outreach_deadline, OutreachItem, OutreachStatus, TriggerKind},
    Outcome, Policy, Resident, Subsidy,
};
use tianjin_disability_subsidies_support::fixtures::{day, month};

/// A resident with Tianjin hukou, every fact group known and empty, and `extra` on top.
fn resident(extra: Value) -> Resident {
    let mut facts = json!({
        "id": "R",
        "hukou": [{ "place": "tianjin", "from": "1970-01-01" }],
        "certificates": [],
        "household_assistance": [],
        "orphan_guarantee": [],
        "other_benefits": [],
        "custody": []
    });
    for (key, value) in extra.as_object().unwrap() {
        facts[key] = value.clone();
    }
    Resident::from_json(&facts.to_string()).unwrap()
}

fn certificate(grade: u8, issued: &str) -> Value {
    json!({ "category": "physical", "grade": grade, "issued": issued })
}

fn notice(delivered: &str, body: &str) -> Value {
    json!({
        "delivered": delivered,
        "form": "written_notice",
        "office": { "body": body, "level": "sub_district" },
        "recipient": "person"
    })
}

const FEDERATION: &str = "disabled_persons_federation";
const CIVIL_AFFAIRS: &str = "civil_affairs";

fn items(resident: &Resident, as_of: &str) -> Vec<OutreachItem> {
    Policy::tianjin_2023()
        .outreach(resident, day(as_of))
        .unwrap()
}

fn only(resident: &Resident, as_of: &str) -> OutreachItem {
    let mut items = items(resident, as_of);
    assert_eq!(items.len(), 1, "{items:#?}");
    items.remove(0)
}

fn cited(item: &OutreachItem) -> Vec<&'static str> {
    item.reasons.iter().map(|r| r.clause.id()).collect()
}

fn notification(index: usize) -> FactRef {
    FactRef {
        group: FactGroup::Notifications,
        index: u32::try_from(index).unwrap(),
    }
}

fn application(index: usize) -> FactRef {
    FactRef {
        group: FactGroup::Applications,
        index: u32::try_from(index).unwrap(),
    }
}

/// Grade 1, first certificate issued 2024-11-30, no household assistance: the federation owes a
/// notice about the nursing allowance by 2024-11-30 + 3 months = 2025-02-30 → 2025-02-28.
fn issued_2024_11_30(notifications: Value) -> Resident {
    resident(json!({
        "certificates": [certificate(1, "2024-11-30")],
        "notifications": notifications
    }))
}

#[test]
fn on_the_deadline_day_the_duty_is_pending_with_0_days_left() {
    let item = only(&issued_2024_11_30(json!([])), "2025-02-28");
    assert_eq!(item.trigger.kind, TriggerKind::NewCertificate);
    assert_eq!(item.trigger.date, day("2024-11-30"));
    assert_eq!(item.trigger.duty_of, OfficeBody::DisabledPersonsFederation);
    assert_eq!(item.trigger.deadline, day("2025-02-28"));
    assert_eq!(item.trigger.subsidies, [Subsidy::Nursing]);
    assert_eq!(item.status, OutreachStatus::Pending { days_left: 0 });
    assert_eq!(item.status.name(), "pending");
    let ids = cited(&item);
    assert!(ids.contains(&"outreach.duty"), "{ids:?}");
    assert!(ids.contains(&"outreach.months"), "{ids:?}");
    assert!(!ids.contains(&"outreach.notice"), "{ids:?}");
    assert!(!ids.contains(&"outreach.waiver"), "{ids:?}");
}

#[test]
fn the_day_after_the_deadline_the_duty_is_overdue_by_1_day() {
    let item = only(&issued_2024_11_30(json!([])), "2025-03-01");
    assert_eq!(item.status, OutreachStatus::Overdue { days_overdue: 1 });
    assert_eq!(item.status.name(), "overdue");
    let ids = cited(&item);
    assert!(ids.contains(&"outreach.duty"), "{ids:?}");
    assert!(ids.contains(&"outreach.months"), "{ids:?}");
    assert!(ids.contains(&"outreach.notice"), "{ids:?}");
    assert!(!ids.contains(&"outreach.waiver"), "{ids:?}");
}

#[test]
fn a_notice_on_the_deadline_day_is_on_time_then_a_waiver_the_day_after() {
    let r = issued_2024_11_30(json!([notice("2025-02-28", FEDERATION)]));
    let item = only(&r, "2025-02-28");
    assert_eq!(
        item.status,
        OutreachStatus::FulfilledOnTime {
            notified_on: day("2025-02-28"),
            notification: notification(0),
        }
    );
    assert_eq!(item.status.name(), "fulfilled_on_time");
    let ids = cited(&item);
    assert!(ids.contains(&"outreach.deadline"), "{ids:?}");
    assert!(!ids.contains(&"outreach.waiver"), "{ids:?}");

    // No application by the deadline: from the next day it is deemed a voluntary waiver.
    let item = only(&r, "2025-03-01");
    assert_eq!(
        item.status,
        OutreachStatus::DeemedWaived {
            notified_on: day("2025-02-28"),
            notification: notification(0),
        }
    );
    assert_eq!(item.status.name(), "deemed_waived");
    let ids = cited(&item);
    assert!(ids.contains(&"outreach.deadline"), "{ids:?}");
    assert!(ids.contains(&"outreach.waiver"), "{ids:?}");
    assert!(!ids.contains(&"outreach.notice"), "{ids:?}");
}

#[test]
fn a_notice_the_day_after_the_deadline_is_late_and_never_a_waiver() {
    let r = issued_2024_11_30(json!([notice("2025-03-01", FEDERATION)]));
    // On the deadline day, before the notice, the duty is pending.
    assert_eq!(
        only(&r, "2025-02-28").status,
        OutreachStatus::Pending { days_left: 0 }
    );
    for as_of in ["2025-03-01", "2025-06-01"] {
        let item = only(&r, as_of);
        assert_eq!(
            item.status,
            OutreachStatus::FulfilledLate {
                notified_on: day("2025-03-01"),
                days_late: 1,
                notification: notification(0),
            },
            "{as_of}"
        );
        assert_eq!(item.status.name(), "fulfilled_late");
        let ids = cited(&item);
        assert!(ids.contains(&"outreach.deadline"), "{ids:?}");
        assert!(!ids.contains(&"outreach.waiver"), "{ids:?}");
    }
}

#[test]
fn a_notice_from_the_other_office_does_not_meet_the_duty() {
    // Civil affairs notified, but a new certificate is the federation's duty: still overdue.
    let r = issued_2024_11_30(json!([notice("2024-12-10", CIVIL_AFFAIRS)]));
    let item = only(&r, "2025-03-02");
    assert_eq!(item.status, OutreachStatus::Overdue { days_overdue: 2 });
}

#[test]
fn every_form_level_and_recipient_meets_the_duty() {
    for form in [
        "system_prompt",
        "plain_language_sheet",
        "written_notice",
        "phone_call",
        "home_visit",
    ] {
        for level in ["district", "sub_district"] {
            for recipient in ["person", "guardian"] {
                let r = issued_2024_11_30(json!([{
                    "delivered": "2024-12-01",
                    "form": form,
                    "office": { "body": FEDERATION, "level": level },
                    "recipient": recipient
                }]));
                assert_eq!(
                    only(&r, "2025-01-01").status.name(),
                    "fulfilled_on_time",
                    "{form} {level} {recipient}"
                );
            }
        }
    }
}

#[test]
fn two_triggers_give_two_duties_for_two_offices() {
    // Grade 2 certificate first issued 2024-03-10 (nursing met, no dibao yet: living not met),
    // dibao from 2024-06-01 (living and nursing met, neither in payment).
    let facts = |notifications: Value| {
        resident(json!({
            "certificates": [certificate(2, "2024-03-10")],
            "household_assistance": [{ "kind": "dibao", "from": "2024-06-01" }],
            "notifications": notifications
        }))
    };
    let items = items(&facts(json!([])), "2024-06-15");
    assert_eq!(items.len(), 2, "{items:#?}");
    let (certificate, dibao) = (&items[0], &items[1]);
    assert_eq!(certificate.trigger.kind, TriggerKind::NewCertificate);
    assert_eq!(certificate.trigger.date, day("2024-03-10"));
    assert_eq!(
        certificate.trigger.duty_of,
        OfficeBody::DisabledPersonsFederation
    );
    assert_eq!(certificate.trigger.deadline, day("2024-06-10"));
    assert_eq!(certificate.trigger.subsidies, [Subsidy::Nursing]);
    // 2024-06-10 to 2024-06-15.
    assert_eq!(
        certificate.status,
        OutreachStatus::Overdue { days_overdue: 5 }
    );
    assert_eq!(
        dibao.trigger.kind,
        TriggerKind::NewHouseholdAssistance {
            assistance: AssistanceKind::Dibao
        }
    );
    assert_eq!(dibao.trigger.date, day("2024-06-01"));
    assert_eq!(dibao.trigger.duty_of, OfficeBody::CivilAffairs);
    assert_eq!(dibao.trigger.deadline, day("2024-09-01"));
    assert_eq!(dibao.trigger.subsidies, [Subsidy::Living, Subsidy::Nursing]);
    // 2024-06-15 to 2024-09-01: 15 + 31 + 31 + 1.
    assert_eq!(dibao.status, OutreachStatus::Pending { days_left: 78 });

    // A civil affairs notice meets civil affairs' duty only.
    let items = items_of(&facts(json!([notice("2024-06-05", CIVIL_AFFAIRS)])));
    assert_eq!(items[0].status, OutreachStatus::Overdue { days_overdue: 5 });
    assert_eq!(
        items[1].status,
        OutreachStatus::FulfilledOnTime {
            notified_on: day("2024-06-05"),
            notification: notification(0),
        }
    );
}

fn items_of(resident: &Resident) -> Vec<OutreachItem> {
    items(resident, "2024-06-15")
}

#[test]
fn three_months_are_clamped_to_the_end_of_the_month() {
    assert_eq!(outreach_deadline(day("2024-11-30")), day("2025-02-28"));
    assert_eq!(outreach_deadline(day("2023-11-30")), day("2024-02-29"));
    assert_eq!(outreach_deadline(day("2024-01-31")), day("2024-04-30"));
    assert_eq!(outreach_deadline(day("2024-03-10")), day("2024-06-10"));
    // The leap day is the last day of a duty opened 2023-11-30.
    let r = resident(json!({ "certificates": [certificate(2, "2023-11-30")] }));
    let item = only(&r, "2024-02-29");
    assert_eq!(item.trigger.deadline, day("2024-02-29"));
    assert_eq!(item.status, OutreachStatus::Pending { days_left: 0 });
    assert_eq!(
        only(&r, "2024-03-01").status,
        OutreachStatus::Overdue { days_overdue: 1 }
    );
    assert!(cited(&item).contains(&"outreach.months"));
}

#[test]
fn no_duty_when_the_person_meets_no_subsidy_condition() {
    // Grade 3, no dibao: neither living (no assistance) nor nursing (not severe).
    let r = resident(json!({ "certificates": [certificate(3, "2024-05-01")] }));
    assert!(items(&r, "2024-06-01").is_empty());
    // Grade 1 but registered outside Tianjin.
    let r = resident(json!({
        "hukou": [{ "place": "elsewhere", "from": "1970-01-01" }],
        "certificates": [certificate(1, "2024-05-01")]
    }));
    assert!(items(&r, "2024-06-01").is_empty());
    // A renewed certificate issued while the old one was still valid is not new.
    let r = resident(json!({
        "certificates": [
            { "category": "visual", "grade": 1, "issued": "2014-05-01", "expires": "2024-04-30" },
            { "category": "visual", "grade": 1, "issued": "2024-04-30" }
        ]
    }));
    assert!(items(&r, "2024-06-01").is_empty());
}

/// Reading `certificate.same_day`: a certificate cancelled on the day it was issued never
/// counted, so it opens no `new_certificate` duty (clause `outreach.duty`) — neither alone nor
/// beside a certificate issued that day that does count, which opens the one duty.
#[test]
fn a_certificate_issued_and_cancelled_the_same_day_opens_no_duty() {
    let cancelled = json!({ "category": "physical", "grade": 1, "issued": "2024-03-01",
        "withdrawn": { "how": "cancelled", "on": "2024-03-01" } });
    let r = resident(json!({ "certificates": [cancelled] }));
    assert!(items(&r, "2024-04-01").is_empty());
    for (certificates, counting) in [
        (json!([cancelled, certificate(1, "2024-03-01")]), 1),
        (json!([certificate(1, "2024-03-01"), cancelled]), 0),
    ] {
        let r = resident(json!({ "certificates": certificates }));
        let item = only(&r, "2024-04-01");
        assert_eq!(item.trigger.kind, TriggerKind::NewCertificate);
        assert_eq!(item.trigger.date, day("2024-03-01"));
        assert_eq!(
            item.trigger.fact,
            FactRef {
                group: FactGroup::Certificates,
                index: counting
            }
        );
        assert_eq!(item.trigger.subsidies, [Subsidy::Nursing]);
    }
}

#[test]
fn no_duty_for_a_subsidy_already_in_payment() {
    // Grade 1 since 2020, nursing granted 2023-09-05; dibao from 2024-05-01.
    let facts = |applications: Value| {
        resident(json!({
            "certificates": [certificate(1, "2020-01-01")],
            "household_assistance": [{ "kind": "dibao", "from": "2024-05-01" }],
            "applications": applications
        }))
    };
    // Living applied for the day dibao began: both in payment on the trigger day, no duty.
    let r = facts(json!([
        { "subsidies": ["nursing"], "submitted": "2023-09-05" },
        { "subsidies": ["living"], "submitted": "2024-05-01" }
    ]));
    assert!(items(&r, "2024-06-01").is_empty());
    // Without it the duty covers the living allowance only; deadline 2024-08-01, 30 + 31 days
    // left on 2024-06-01.
    let r = facts(json!([{ "subsidies": ["nursing"], "submitted": "2023-09-05" }]));
    let item = only(&r, "2024-06-01");
    assert_eq!(item.trigger.subsidies, [Subsidy::Living]);
    assert_eq!(item.trigger.duty_of, OfficeBody::CivilAffairs);
    assert_eq!(item.status, OutreachStatus::Pending { days_left: 61 });
}

#[test]
fn a_trigger_before_2023_08_is_not_a_duty() {
    let r = resident(json!({ "certificates": [certificate(1, "2023-07-31")] }));
    assert!(items(&r, "2023-09-01").is_empty());
    // The policy's first day is: deadline 2023-11-01, 30 + 31 days left on 2023-09-01.
    let r = resident(json!({ "certificates": [certificate(1, "2023-08-01")] }));
    let item = only(&r, "2023-09-01");
    assert_eq!(item.trigger.deadline, day("2023-11-01"));
    assert_eq!(item.status, OutreachStatus::Pending { days_left: 61 });
}

#[test]
fn an_application_after_the_trigger_is_applied() {
    // Grade 1 issued 2024-03-10 (deadline 2024-06-10), notice 2024-03-20, nursing applied
    // 2024-04-02.
    let r = resident(json!({
        "certificates": [certificate(1, "2024-03-10")],
        "notifications": [notice("2024-03-20", FEDERATION)],
        "applications": [{ "subsidies": ["nursing"], "submitted": "2024-04-02" }]
    }));
    let item = only(&r, "2024-05-01");
    assert_eq!(
        item.status,
        OutreachStatus::Applied {
            on: day("2024-04-02"),
            application: application(0),
            notified_on: Some(day("2024-03-20")),
        }
    );
    assert_eq!(item.status.name(), "applied");
    assert!(cited(&item).contains(&"outreach.deadline"));
    // Without a notice.
    let r = resident(json!({
        "certificates": [certificate(1, "2024-03-10")],
        "applications": [{ "subsidies": ["nursing"], "submitted": "2024-04-02" }]
    }));
    assert_eq!(
        only(&r, "2024-05-01").status,
        OutreachStatus::Applied {
            on: day("2024-04-02"),
            application: application(0),
            notified_on: None,
        }
    );
    // An application for a subsidy the duty is not about does not count: 30 + 10 days left.
    let r = resident(json!({
        "certificates": [certificate(1, "2024-03-10")],
        "applications": [{ "subsidies": ["living"], "submitted": "2024-04-02" }]
    }));
    assert_eq!(
        only(&r, "2024-05-01").status,
        OutreachStatus::Pending { days_left: 40 }
    );
}

/// Grade 1 first issued 2024-01-15 (deadline 2024-04-15), nursing applied 2024-06-10.
fn applied_after_the_deadline(notifications: Value) -> Resident {
    resident(json!({
        "certificates": [certificate(1, "2024-01-15")],
        "notifications": notifications,
        "applications": [{ "subsidies": ["nursing"], "submitted": "2024-06-10" }]
    }))
}

#[test]
fn an_application_after_a_waiver_pays_from_its_own_month_citing_the_waiver() {
    let policy = Policy::tianjin_2023();
    let r = applied_after_the_deadline(json!([notice("2024-01-20", FEDERATION)]));
    assert_eq!(only(&r, "2024-04-16").status.name(), "deemed_waived");
    assert_eq!(
        only(&r, "2024-06-10").status,
        OutreachStatus::Applied {
            on: day("2024-06-10"),
            application: application(0),
            notified_on: Some(day("2024-01-20")),
        }
    );
    // start.reapply: paid from the month of application, no month before it.
    let june = policy.decide(&r, month("2024-06")).unwrap();
    assert_eq!(june.nursing.amount().to_string(), "200");
    assert!(june
        .clause_ids()
        .iter()
        .any(|c| c.id() == "outreach.waiver"));
    assert!(june.clause_ids().iter().any(|c| c.id() == "start.reapply"));
    assert!(!june
        .clause_ids()
        .iter()
        .any(|c| c.id() == "outreach.notice"));
    let may = policy.decide(&r, month("2024-05")).unwrap();
    assert_eq!(may.nursing.outcome.name(), "not_applied_for");
    assert_eq!(may.nursing.amount().to_string(), "0");
    assert!(!may.clause_ids().iter().any(|c| c.id() == "outreach.waiver"));
    let schedule = policy
        .schedule(&r, month("2024-01"), month("2024-08"))
        .unwrap();
    assert_eq!(schedule.nursing.first_paid, Some(month("2024-06")));
    assert_eq!(schedule.nursing.months_paid, 3);
    assert_eq!(schedule.nursing.total.to_string(), "600");
    // Only the claim's first month cites the waiver.
    let july = policy.decide(&r, month("2024-07")).unwrap();
    assert_eq!(july.nursing.amount().to_string(), "200");
    assert!(!july
        .nursing
        .reasons
        .iter()
        .any(|r| r.clause.id() == "outreach.waiver"));
}

#[test]
fn an_application_after_an_overdue_duty_cites_the_missing_notice() {
    let policy = Policy::tianjin_2023();
    let r = applied_after_the_deadline(json!([]));
    assert_eq!(
        only(&r, "2024-06-09").status,
        // 2024-04-15 to 2024-06-09: 15 + 31 + 9.
        OutreachStatus::Overdue { days_overdue: 55 }
    );
    let june = policy.decide(&r, month("2024-06")).unwrap();
    assert!(matches!(june.nursing.outcome, Outcome::Paid { .. }));
    assert_eq!(june.nursing.amount().to_string(), "200");
    let ids: Vec<&str> = june.clause_ids().iter().map(|c| c.id()).collect();
    assert!(ids.contains(&"outreach.notice"), "{ids:?}");
    assert!(!ids.contains(&"outreach.waiver"), "{ids:?}");
    assert!(!ids.contains(&"start.reapply"), "{ids:?}");
    let schedule = policy
        .schedule(&r, month("2024-01"), month("2024-08"))
        .unwrap();
    assert_eq!(schedule.nursing.first_paid, Some(month("2024-06")));
    assert_eq!(schedule.nursing.months_paid, 3);
}

#[test]
fn an_application_by_the_deadline_is_no_waiver() {
    // Notified 2024-01-20, applied on the deadline day 2024-04-15: April is paid, no waiver.
    let policy = Policy::tianjin_2023();
    let r = resident(json!({
        "certificates": [certificate(1, "2024-01-15")],
        "notifications": [notice("2024-01-20", FEDERATION)],
        "applications": [{ "subsidies": ["nursing"], "submitted": "2024-04-15" }]
    }));
    let april = policy.decide(&r, month("2024-04")).unwrap();
    assert_eq!(april.nursing.amount().to_string(), "200");
    let ids: Vec<&str> = april.clause_ids().iter().map(|c| c.id()).collect();
    assert!(!ids.contains(&"outreach.waiver"), "{ids:?}");
    assert!(!ids.contains(&"outreach.notice"), "{ids:?}");
}

#[test]
fn an_application_the_day_after_the_deadline_follows_the_waiver() {
    // Notified 2024-01-20 (on time), no application by the deadline 2024-04-15: on 2024-04-16
    // the duty stands deemed_waived (outreach.waiver), so an application that day follows a
    // waiver and should cite it, as one a day later does.
    let policy = Policy::tianjin_2023();
    let r = resident(json!({
        "certificates": [certificate(1, "2024-01-15")],
        "notifications": [notice("2024-01-20", FEDERATION)],
        "applications": [{ "subsidies": ["nursing"], "submitted": "2024-04-16" }]
    }));
    assert_eq!(
        Policy::tianjin_2023()
            .outreach(
                &resident(json!({
                    "certificates": [certificate(1, "2024-01-15")],
                    "notifications": [notice("2024-01-20", FEDERATION)]
                })),
                day("2024-04-16")
            )
            .unwrap()[0]
            .status
            .name(),
        "deemed_waived"
    );
    let april = policy.decide(&r, month("2024-04")).unwrap();
    assert_eq!(april.nursing.amount().to_string(), "200");
    let ids: Vec<&str> = april.clause_ids().iter().map(|c| c.id()).collect();
    assert!(ids.contains(&"outreach.waiver"), "{ids:?}");
    assert!(ids.contains(&"start.reapply"), "{ids:?}");
}

#[test]
fn an_application_the_day_after_an_overdue_deadline_cites_the_missing_notice() {
    // Never notified; deadline 2024-04-15; on 2024-04-16 the duty is overdue (outreach.notice),
    // so an application that day comes after an overdue duty, as one a day later does.
    let policy = Policy::tianjin_2023();
    let r = resident(json!({
        "certificates": [certificate(1, "2024-01-15")],
        "applications": [{ "subsidies": ["nursing"], "submitted": "2024-04-16" }]
    }));
    let april = policy.decide(&r, month("2024-04")).unwrap();
    assert_eq!(april.nursing.amount().to_string(), "200");
    let ids: Vec<&str> = april.clause_ids().iter().map(|c| c.id()).collect();
    assert!(ids.contains(&"outreach.notice"), "{ids:?}");
}
