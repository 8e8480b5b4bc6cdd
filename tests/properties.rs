//! Invariants over generated residents (proptest): a strategy builds varied, valid [`Facts`]
//! (every fact group known or unknown, several certificates, assistance periods, orphan
//! guarantees, competing, stacking and excluding benefits, custody, renewals with back pay,
//! choices, deaths), and each property below must hold for all of them.
//!
//! `tests/errors.rs` already checks that arbitrary strings and a damaged fixed document are read
//! or refused without panicking, that mutations of one rich resident give schedules that add up,
//! and that decisions of fixed residents round-trip through JSON. Here: monotonicity (joining
//! dibao, a higher competing benefit, a higher amount), reforms (nothing changes before their
//! first month; the comparer agrees with the schedules), schedules and JSON round trips on
//! generated residents under reformed policies too, and arbitrary or damaged reform, policy and
//! generated-facts JSON read as a value or a typed error, never a panic.
//!
//! Each property runs at most 256 cases; the whole file runs in a few seconds.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use serde_json::{json, Value};
use tianjin_disability_subsidies::{
    decision::Finding,
    facts::{
        Application, AssistanceKind, AssistancePeriod, BenefitKind, BenefitStatus, Category,
        Certificate, Channel, Choice, CustodyKind, CustodyPeriod, Grade, HukouPeriod, Keeps,
        Notification, NotificationForm, Office, OfficeBody, OfficeLevel, OrphanCare, OrphanPeriod,
        OtherBenefit, Place, Recipient, WelfareBasis, Withdrawal, WithdrawalKind,
    },
    Comparer, Error, Facts, Money, Month, MonthDecision, Policy, Reform, Resident, RosterScan,
    ScanOptions, ScanRecord, Schedule, Subsidy, TIANJIN_2023_JSON,
};
use tianjin_disability_subsidies_support::fixtures::{month, policy};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The months the properties decide: 2023-08 to 2026-12 (41 months).
fn first() -> Month {
    month("2023-08")
}

fn last() -> Month {
    month("2026-12")
}

/// A day from `lo` to `hi`, both included.
fn day(lo: NaiveDate, hi: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    (0..=(hi - lo).num_days()).prop_map(move |d| lo + Duration::days(d))
}

/// A month from 2023-08 to 2026-12.
fn any_month() -> impl Strategy<Value = Month> {
    (0u32..41).prop_map(|i| first().plus(i))
}

fn category() -> impl Strategy<Value = Category> {
    prop::sample::select(Category::ALL.to_vec())
}

fn grade() -> impl Strategy<Value = Grade> {
    prop::sample::select(Grade::ALL.to_vec())
}

fn money() -> impl Strategy<Value = Money> {
    prop_oneof![
        4 => (0u32..700).prop_map(Money::yuan),
        1 => (0u32..70_000).prop_map(|cents| {
            Money::new(rust_decimal::Decimal::new(i64::from(cents), 2)).unwrap()
        }),
    ]
}

fn hukou() -> impl Strategy<Value = Option<Vec<HukouPeriod>>> {
    let birth = ymd(1950, 1, 1);
    let periods = prop_oneof![
        7 => Just(vec![HukouPeriod { place: Place::Tianjin, from: birth, to: None }]),
        2 => day(ymd(2023, 1, 1), ymd(2026, 6, 30)).prop_map(move |moved| vec![
            HukouPeriod { place: Place::Tianjin, from: birth, to: Some(moved - Duration::days(1)) },
            HukouPeriod { place: Place::Elsewhere, from: moved, to: None },
        ]),
        1 => Just(vec![HukouPeriod { place: Place::Elsewhere, from: birth, to: None }]),
    ];
    prop::option::weighted(0.95, periods)
}

fn certificate() -> impl Strategy<Value = Certificate> {
    (
        category(),
        grade(),
        day(ymd(2012, 1, 1), ymd(2026, 6, 30)),
        prop::option::weighted(0.5, 180i64..3650),
        prop::option::weighted(
            0.15,
            (
                prop::sample::select(vec![WithdrawalKind::Cancelled, WithdrawalKind::Frozen]),
                0i64..2000,
            ),
        ),
    )
        .prop_map(
            |(category, grade, issued, valid_days, withdrawn)| Certificate {
                number: None,
                category,
                grade,
                issued,
                expires: valid_days.map(|d| issued + Duration::days(d)),
                withdrawn: withdrawn.map(|(how, d)| Withdrawal {
                    how,
                    on: issued + Duration::days(d),
                }),
            },
        )
}

fn assistance_kind() -> impl Strategy<Value = AssistanceKind> {
    prop::sample::select(vec![AssistanceKind::Dibao, AssistanceKind::DibaoEdge])
}

/// Up to two assistance periods, the second starting after the first ends.
fn household_assistance() -> impl Strategy<Value = Option<Vec<AssistancePeriod>>> {
    let periods = (
        0usize..=2,
        assistance_kind(),
        day(ymd(2015, 1, 1), ymd(2026, 6, 30)),
        prop::option::weighted(0.5, 1i64..1500),
        assistance_kind(),
        1i64..400,
        prop::option::weighted(0.5, 1i64..1500),
    )
        .prop_map(|(n, kind, from, length, kind2, gap, length2)| {
            let mut periods = Vec::new();
            if n == 0 {
                return periods;
            }
            let to = length.map(|l| from + Duration::days(l));
            periods.push(AssistancePeriod { kind, from, to });
            if let (2, Some(to)) = (n, to) {
                let from2 = to + Duration::days(gap);
                periods.push(AssistancePeriod {
                    kind: kind2,
                    from: from2,
                    to: length2.map(|l| from2 + Duration::days(l)),
                });
            }
            periods
        });
    prop::option::weighted(0.9, periods)
}

fn orphan_guarantee() -> impl Strategy<Value = Option<Vec<OrphanPeriod>>> {
    let care = prop_oneof![
        Just(OrphanCare::Dispersed),
        any::<bool>().prop_map(|funded_for_care| OrphanCare::Institution {
            institution: "天津市儿童福利院".to_owned(),
            funded_for_care,
        }),
    ];
    let period = (
        care,
        day(ymd(2012, 1, 1), ymd(2026, 6, 30)),
        prop::option::weighted(0.4, 1i64..2000),
    )
        .prop_map(|(care, from, length)| OrphanPeriod {
            care,
            from,
            to: length.map(|l| from + Duration::days(l)),
        });
    prop::option::weighted(0.95, prop::collection::vec(period, 0..=1))
}

fn benefit_kind() -> impl Strategy<Value = BenefitKind> {
    prop::sample::select(BenefitKind::ALL.to_vec())
}

fn benefit_status() -> impl Strategy<Value = BenefitStatus> {
    prop::sample::select(vec![BenefitStatus::Received, BenefitStatus::Qualified])
}

fn benefit_of(kind: impl Strategy<Value = BenefitKind>) -> impl Strategy<Value = OtherBenefit> {
    (
        kind,
        prop::sample::select(vec![
            WelfareBasis::DisabledOnDuty,
            WelfareBasis::RetiredVeteranCadre,
            WelfareBasis::Other,
        ]),
        money(),
        benefit_status(),
        day(ymd(2015, 1, 1), ymd(2026, 6, 30)),
        prop::option::weighted(0.4, 1i64..1500),
    )
        .prop_map(
            |(kind, basis, monthly_amount, status, from, length)| OtherBenefit {
                kind,
                basis: kind.is_welfare_type().then_some(basis),
                monthly_amount,
                status,
                from,
                to: length.map(|l| from + Duration::days(l)),
            },
        )
}

fn custody() -> impl Strategy<Value = Option<Vec<CustodyPeriod>>> {
    custody_of(0..=1)
}

/// Custody periods, as many as `count`; they may overlap.
fn custody_of(
    count: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = Option<Vec<CustodyPeriod>>> {
    let period = (
        prop::sample::select(vec![
            CustodyKind::Prison,
            CustodyKind::SuspendedSentence,
            CustodyKind::ServingOutsidePrison,
            CustodyKind::Detention,
            CustodyKind::PublicSurveillance,
        ]),
        day(ymd(2022, 1, 1), ymd(2026, 6, 30)),
        prop::option::weighted(0.6, 1i64..900),
    )
        .prop_map(|(kind, from, length)| CustodyPeriod {
            kind,
            from,
            to: length.map(|l| from + Duration::days(l)),
        });
    prop::option::weighted(0.95, prop::collection::vec(period, count))
}

fn application() -> impl Strategy<Value = Application> {
    (
        prop::sample::select(vec![
            vec![Subsidy::Living],
            vec![Subsidy::Nursing],
            vec![Subsidy::Living, Subsidy::Nursing],
        ]),
        day(ymd(2023, 1, 1), ymd(2026, 10, 31)),
        prop::sample::select(vec![
            Channel::Window,
            Channel::Online,
            Channel::CrossProvince,
            Channel::OneThing,
            Channel::Other,
        ]),
        prop::option::weighted(0.2, 0u8..=3),
    )
        .prop_map(|(subsidies, submitted, channel, renewal)| Application {
            subsidies,
            submitted,
            channel,
            follows_renewed_certificate: renewal.is_some(),
            back_pay_months: renewal.unwrap_or(0),
        })
}

fn choice() -> impl Strategy<Value = Choice> {
    (
        prop::sample::select(vec![Subsidy::Living, Subsidy::Nursing]),
        prop::sample::select(vec![Keeps::Subsidy, Keeps::OtherBenefit]),
        prop::option::weighted(0.7, day(ymd(2023, 1, 1), ymd(2026, 6, 30))),
    )
        .prop_map(|(subsidy, keeps, from)| Choice {
            subsidy,
            keeps,
            from,
        })
}

/// Varied valid facts.
fn facts() -> impl Strategy<Value = Facts> {
    (
        0u32..10_000,
        prop::option::weighted(0.1, day(ymd(2023, 6, 1), ymd(2026, 12, 31))),
        hukou(),
        prop::option::weighted(0.95, prop::collection::vec(certificate(), 0..=2)),
        household_assistance(),
        orphan_guarantee(),
        prop::option::weighted(
            0.95,
            prop::collection::vec(benefit_of(benefit_kind()), 0..=3),
        ),
        custody(),
        prop::collection::vec(application(), 0..=3),
        prop::collection::vec(choice(), 0..=1),
    )
        .prop_map(
            |(
                n,
                died_on,
                hukou,
                certificates,
                household_assistance,
                orphan_guarantee,
                other_benefits,
                custody,
                applications,
                choices,
            )| Facts {
                id: format!("G-{n}"),
                died_on,
                hukou,
                certificates: certificates.map(on_different_days),
                household_assistance,
                orphan_guarantee,
                other_benefits,
                custody,
                applications,
                choices,
                notifications: Vec::new(),
            },
        )
}

/// [`facts`] with longer lists — up to three certificates, one to four other benefits, two
/// custody periods, four applications, two choices — and up to three outreach notifications:
/// for the properties about lists.
pub(crate) fn crowded_facts() -> impl Strategy<Value = Facts> {
    (
        facts_with_notifications(),
        prop::collection::vec(certificate(), 0..=3),
        prop::collection::vec(benefit_of(benefit_kind()), 1..=4),
        custody_of(0..=2),
        prop::collection::vec(application(), 0..=4),
        prop::collection::vec(choice(), 0..=2),
    )
        .prop_map(
            |(mut facts, certificates, benefits, custody, applications, choices)| {
                facts.certificates = Some(on_different_days(certificates));
                facts.other_benefits = Some(benefits);
                facts.custody = custody;
                facts.applications = applications;
                // Two choices for one subsidy from one day must agree.
                let mut choices = choices;
                if let [a, b] = choices.as_mut_slice() {
                    if (a.subsidy, a.from) == (b.subsidy, b.from) {
                        b.keeps = a.keeps;
                    }
                }
                facts.choices = choices;
                facts
            },
        )
}

/// [`facts`] with up to three outreach notifications, from either office, in any form.
pub(crate) fn facts_with_notifications() -> impl Strategy<Value = Facts> {
    let notification = (
        day(ymd(2023, 8, 1), ymd(2026, 12, 31)),
        prop::sample::select(vec![
            NotificationForm::SystemPrompt,
            NotificationForm::PlainLanguageSheet,
            NotificationForm::WrittenNotice,
            NotificationForm::PhoneCall,
            NotificationForm::HomeVisit,
        ]),
        prop::sample::select(vec![
            OfficeBody::CivilAffairs,
            OfficeBody::DisabledPersonsFederation,
        ]),
        prop::sample::select(vec![OfficeLevel::District, OfficeLevel::SubDistrict]),
        prop::sample::select(vec![Recipient::Person, Recipient::Guardian]),
    )
        .prop_map(|(delivered, form, body, level, recipient)| Notification {
            delivered,
            form,
            office: Office { body, level },
            recipient,
        });
    (facts(), prop::collection::vec(notification, 0..=3)).prop_map(|(mut facts, notifications)| {
        facts.notifications = notifications;
        facts
    })
}

/// Two certificates issued on the same day are refused (reading `certificate.same_day`): a
/// certificate issued on the day of an earlier one in the list is moved a day later, until no
/// two share a day.
fn on_different_days(mut certificates: Vec<Certificate>) -> Vec<Certificate> {
    let later = |d: NaiveDate| d + Duration::days(1);
    for i in 1..certificates.len() {
        while certificates[..i]
            .iter()
            .any(|c| c.issued == certificates[i].issued)
        {
            let c = &mut certificates[i];
            c.issued = later(c.issued);
            c.expires = c.expires.map(later);
            if let Some(w) = &mut c.withdrawn {
                w.on = later(w.on);
            }
        }
    }
    certificates
}

fn resident(facts: Facts) -> Resident {
    match Resident::new(facts.clone()) {
        Ok(r) => r,
        Err(e) => panic!("the generator made invalid facts: {e}\n{facts:?}"),
    }
}

fn schedule(policy: &Policy, r: &Resident) -> Schedule {
    policy.schedule(r, first(), last()).unwrap()
}

/// A reform of one to three overrides, each of any parameter from any month of 2023-08..2026-12,
/// as JSON; `with_renewal_cap` allows `max_renewal_back_pay_months`.
fn reform_json(with_renewal_cap: bool) -> impl Strategy<Value = Value> {
    let value = prop_oneof![
        (0u32..900).prop_map(|v| ("living_allowance_grade_1_2", json!(v.to_string()))),
        (0u32..900).prop_map(|v| ("living_allowance_grade_3_4", json!(v.to_string()))),
        (0u32..900).prop_map(|v| ("nursing_allowance", json!(v.to_string()))),
        Just(("dibao_edge_living_allowance", json!("same_as_dibao"))),
        (0u32..400, 0u32..400).prop_map(|(a, b)| (
            "dibao_edge_living_allowance",
            json!({ "amounts": { "grade_1_2": a.to_string(), "grade_3_4": b.to_string() } })
        )),
        prop::sample::select(vec!["month_after", "same_month"])
            .prop_map(|v| ("stop_timing", json!(v))),
        prop::sample::select(vec![
            "keep_received",
            "prefer_subsidy",
            "prefer_other_benefit"
        ])
        .prop_map(|v| ("tie_break", json!(v))),
        prop::collection::vec((category(), grade()), 0..3).prop_map(|list| (
            "nursing_allowance_also_for",
            json!(list
                .iter()
                .map(|(c, g)| json!({ "category": c, "grade": g }))
                .collect::<Vec<_>>())
        )),
        (0u8..=3).prop_map(|v| ("max_renewal_back_pay_months", json!(v))),
    ];
    let value = value.prop_filter("no renewal cap", move |(p, _)| {
        with_renewal_cap || *p != "max_renewal_back_pay_months"
    });
    prop::collection::vec((value, any_month()), 1..=3).prop_map(|mut overrides| {
        // A reform lists one parameter's overrides in order of their months, each month once.
        overrides.sort_by_key(|(_, from)| *from);
        let mut seen = Vec::new();
        overrides.retain(|((parameter, _), from)| {
            let fresh = !seen.contains(&(*parameter, *from));
            seen.push((*parameter, *from));
            fresh
        });
        json!({
            "name": "generated",
            "overrides": overrides.iter().map(|((parameter, value), from)| json!({
                "parameter": parameter, "from": from.to_string(), "value": value, "source": "generated"
            })).collect::<Vec<_>>()
        })
    })
}

fn apply(reform: &Value) -> Policy {
    Reform::from_json(&reform.to_string())
        .unwrap()
        .apply(policy())
        .unwrap()
}

/// The first month of a generated reform.
fn reform_start(reform: &Value) -> Month {
    reform["overrides"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| month(o["from"].as_str().unwrap()))
        .min()
        .unwrap()
}

#[track_caller]
fn round_trips(d: &MonthDecision) {
    let text = serde_json::to_string(d).unwrap();
    let back: MonthDecision = serde_json::from_str(&text).unwrap();
    assert_eq!(&back, d);
    assert_eq!(serde_json::to_string(&back).unwrap(), text);
}

/// Inserts `junk` at a character position of `text`.
fn damage(text: &str, at: prop::sample::Index, junk: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = at.index(chars.len() + 1);
    chars[..at]
        .iter()
        .copied()
        .chain(junk.chars())
        .chain(chars[at..].iter().copied())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_facts_are_valid_and_survive_json(f in facts()) {
        let r = resident(f.clone());
        let text = serde_json::to_string(&f).unwrap();
        let back = Resident::from_json(&text).unwrap();
        prop_assert_eq!(back.facts(), r.facts());
    }

    #[test]
    fn a_schedule_total_is_the_sum_of_its_months_under_any_reform(
        f in facts(),
        reform in reform_json(true),
    ) {
        let r = resident(f);
        for p in [policy(), &apply(&reform)] {
            let s = schedule(p, &r);
            prop_assert_eq!(s.months.len(), 41);
            let sum: Money = s.months.iter().map(|m| m.total).sum();
            prop_assert_eq!(s.total, sum);
            prop_assert_eq!(s.total, s.living.total + s.nursing.total);
            for subsidy in Subsidy::ALL {
                let of_subsidy: Money = s.months.iter().map(|m| m.subsidy(subsidy).amount()).sum();
                prop_assert_eq!(s.subsidy(subsidy).total, of_subsidy);
                let paid = s.months.iter().filter(|m| m.subsidy(subsidy).outcome.name() == "paid").count();
                prop_assert_eq!(s.subsidy(subsidy).months_paid as usize, paid);
            }
            for m in &s.months {
                prop_assert_eq!(m.total, m.living.amount() + m.nursing.amount());
            }
        }
    }

    #[test]
    fn a_decision_round_trips_through_json_exactly(
        f in facts(),
        at in any_month(),
        reform in reform_json(true),
    ) {
        let r = resident(f);
        round_trips(&policy().decide(&r, at).unwrap());
        round_trips(&apply(&reform).decide(&r, at).unwrap());
    }

    /// Adding a dibao period that covers every day (in place of the household's assistance
    /// periods) never turns a paid month into an unpaid one, nor lowers its amount. Two kinds of
    /// month are left out, where what `before` pays comes from how its own application was
    /// judged, and an earlier claim that dibao lets through is judged otherwise:
    /// - the amount in a month where an application is granted on a later day than the 1st:
    ///   that month is judged on the submission day (reading `start.month`), a claim already in
    ///   payment on the month's first day, and a certificate issued between the two days can
    ///   change the grade that counts
    ///   (`a_claim_in_payment_is_judged_on_the_first_a_new_one_on_its_day`);
    /// - every month of a renewal claim (reading `start.renewal`): it pays from the renewed
    ///   certificate's month, however late the application; with dibao an earlier application
    ///   may already be in payment, and the renewal application then changes nothing (a second
    ///   application while a claim is in payment), so its back-dated months are not paid
    ///   (`a_renewal_is_paid_back_only_when_no_claim_is_in_payment`).
    #[test]
    fn joining_dibao_never_removes_a_subsidy(f in facts()) {
        let before = schedule(policy(), &resident(f.clone()));
        let mut joined = f;
        joined.household_assistance = Some(vec![AssistancePeriod {
            kind: AssistanceKind::Dibao,
            from: ymd(2000, 1, 1),
            to: None,
        }]);
        let after = schedule(policy(), &resident(joined));
        for (b, a) in before.months.iter().zip(&after.months) {
            for subsidy in Subsidy::ALL {
                let (x, y) = (b.subsidy(subsidy), a.subsidy(subsidy));
                let renewal = x.reasons.iter().any(|r| matches!(r.finding, Finding::Renewal { .. }));
                if x.outcome.name() == "paid" && !renewal {
                    prop_assert_eq!(y.outcome.name(), "paid", "{} {:?}: {:?} → {:?}", b.month, subsidy, x.outcome, y.outcome);
                    let granted_after_the_first = x.reasons.iter().any(|r| matches!(
                        r.finding,
                        Finding::ApplicationGranted { submitted, .. } if submitted != b.month.first_day()
                    ));
                    if !granted_after_the_first {
                        prop_assert!(y.amount() >= x.amount(), "{} {:?}: {} → {}", b.month, subsidy, x.amount(), y.amount());
                    }
                }
            }
        }
    }

    /// Raising a benefit's monthly amount, or adding a competing benefit, never increases what
    /// either subsidy pays in any month (other benefits known, possibly none).
    #[test]
    fn a_higher_competing_benefit_never_increases_what_the_subsidies_pay(
        f in facts(),
        which in any::<prop::sample::Index>(),
        raise in 1u32..600,
        added in benefit_of(prop::sample::select(vec![
            BenefitKind::WelfareLivingAllowance,
            BenefitKind::WelfareNursingAllowance,
            BenefitKind::DisabilityCompensationLiving,
            BenefitKind::DisabilityCompensationNursing,
            BenefitKind::ElderlyCareNursingSubsidy,
        ])),
    ) {
        // Other benefits must be known: adding one to an unknown group would make it known.
        let mut f = f;
        f.other_benefits.get_or_insert_with(Vec::new);
        let before = schedule(policy(), &resident(f.clone()));
        let mut higher = f.clone();
        match higher.other_benefits.as_mut().filter(|b| !b.is_empty()) {
            Some(benefits) => {
                let i = which.index(benefits.len());
                benefits[i].monthly_amount = benefits[i].monthly_amount + Money::yuan(raise);
            }
            None => higher.other_benefits = Some(vec![added.clone()]),
        }
        let mut with_added = f;
        with_added.other_benefits.get_or_insert_with(Vec::new).push(added);
        for changed in [higher, with_added] {
            let after = schedule(policy(), &resident(changed));
            for (b, a) in before.months.iter().zip(&after.months) {
                for subsidy in Subsidy::ALL {
                    let (x, y) = (b.subsidy(subsidy).amount(), a.subsidy(subsidy).amount());
                    prop_assert!(y <= x, "{} {:?}: {} → {}", b.month, subsidy, x, y);
                }
            }
        }
    }

    /// Raising the living allowance (grade 1-2 or 3-4) or the nursing allowance from some month
    /// never lowers what anyone is paid in any month.
    #[test]
    fn raising_an_amount_never_lowers_a_payment(
        f in facts(),
        parameter in prop::sample::select(vec![
            "living_allowance_grade_1_2", "living_allowance_grade_3_4", "nursing_allowance",
        ]),
        raise in 1u32..300,
        from in any_month(),
    ) {
        let current = match parameter {
            "living_allowance_grade_1_2" => 300,
            "living_allowance_grade_3_4" => 160,
            _ => 200,
        };
        let reform = json!({ "name": "raise", "overrides": [{
            "parameter": parameter, "from": from.to_string(),
            "value": (current + raise).to_string(), "source": "generated"
        }] });
        let r = resident(f);
        let before = schedule(policy(), &r);
        let after = schedule(&apply(&reform), &r);
        for (b, a) in before.months.iter().zip(&after.months) {
            for subsidy in Subsidy::ALL {
                let (x, y) = (b.subsidy(subsidy).amount(), a.subsidy(subsidy).amount());
                prop_assert!(y >= x, "{} {:?}: {} → {}", b.month, subsidy, x, y);
            }
        }
    }

    /// A reform of amounts, stop timing, tie rule or the nursing extension decides every month
    /// before its first override exactly as the baseline does. (The renewal cap is left out: it
    /// is read at the grant month and bounds back pay into earlier months, by design.)
    #[test]
    fn a_reform_changes_no_outcome_before_its_first_month(
        f in facts(),
        reform in reform_json(false),
    ) {
        let r = resident(f);
        let start = reform_start(&reform);
        let before = schedule(policy(), &r);
        let after = schedule(&apply(&reform), &r);
        for (b, a) in before.months.iter().zip(&after.months) {
            if b.month >= start {
                break;
            }
            prop_assert_eq!(&b.living.outcome, &a.living.outcome, "{} living", b.month);
            prop_assert_eq!(&b.nursing.outcome, &a.nursing.outcome, "{} nursing", b.month);
        }
    }

    /// The reform comparison and the roster scan ask the same evaluator: the comparer's
    /// unclaimed take-up under the baseline is what the scan of each month lists as 应享未享,
    /// and its baseline payments are what the scan pays.
    #[test]
    fn the_comparer_and_the_scan_agree_month_by_month(f in facts()) {
        let r = resident(f);
        let (first, last) = (month("2024-01"), month("2025-12"));
        let mut comparer = Comparer::new(policy(), policy(), first, last).unwrap();
        comparer.add(&r).unwrap();
        let c = comparer.finish();
        let (mut unclaimed, mut paid) = ([Money::ZERO; 2], [Money::ZERO; 2]);
        for m in first.through(last) {
            let mut scan = RosterScan::new(policy(), ScanOptions::new(m)).unwrap();
            let mut records = Vec::new();
            scan.resident(&r, &mut |record| records.push(record));
            scan.finish(|record| records.push(record));
            for record in records {
                match record {
                    ScanRecord::EntitledNotReceiving { subsidy, would_pay, .. } => {
                        unclaimed[subsidy as usize] = unclaimed[subsidy as usize] + would_pay;
                    }
                    ScanRecord::Payment { subsidy, amount, .. }
                    | ScanRecord::InstitutionPayment { subsidy, amount, .. } => {
                        paid[subsidy as usize] = paid[subsidy as usize] + amount;
                    }
                    _ => {}
                }
            }
        }
        prop_assert_eq!([c.unclaimed.baseline.living, c.unclaimed.baseline.nursing], unclaimed);
        prop_assert_eq!([c.total.baseline.living, c.total.baseline.nursing], paid);
    }

    /// The comparer's figures are the schedules' figures: per resident, per month, per group.
    #[test]
    fn the_comparer_agrees_with_the_schedules(
        people in prop::collection::vec(facts(), 1..6),
        reform in reform_json(true),
    ) {
        let reformed = apply(&reform);
        let mut comparer = Comparer::new(policy(), &reformed, first(), last()).unwrap();
        let mut monthly = vec![(Money::ZERO, Money::ZERO); 41];
        let (mut base_total, mut reform_total) = (Money::ZERO, Money::ZERO);
        let mut gains = 0;
        for f in people.iter().cloned() {
            let r = resident(f);
            let totals = comparer.add(&r).unwrap();
            let (b, a) = (schedule(policy(), &r), schedule(&reformed, &r));
            prop_assert_eq!(totals.baseline.living, b.living.total);
            prop_assert_eq!(totals.baseline.nursing, b.nursing.total);
            prop_assert_eq!(totals.reform.living, a.living.total);
            prop_assert_eq!(totals.reform.nursing, a.nursing.total);
            for (i, (x, y)) in b.months.iter().zip(&a.months).enumerate() {
                monthly[i].0 = monthly[i].0 + x.total;
                monthly[i].1 = monthly[i].1 + y.total;
            }
            base_total = base_total + b.total;
            reform_total = reform_total + a.total;
            if a.living.total > b.living.total {
                gains += 1;
            }
        }
        let c = comparer.finish();
        prop_assert_eq!(c.residents, people.len() as u64);
        prop_assert_eq!(c.total.baseline.total(), base_total);
        prop_assert_eq!(c.total.reform.total(), reform_total);
        prop_assert_eq!(c.living.gain, gains);
        for subsidy_movers in [c.living, c.nursing] {
            prop_assert_eq!(subsidy_movers.gain + subsidy_movers.lose + subsidy_movers.unchanged, c.residents);
        }
        for (m, (b, a)) in c.monthly.iter().zip(&monthly) {
            prop_assert_eq!(m.baseline.total(), *b);
            prop_assert_eq!(m.reform.total(), *a);
        }
        let yearly: Money = c.yearly.iter().map(|y| y.reform.total()).sum();
        prop_assert_eq!(yearly, reform_total);
        prop_assert_eq!(c.yearly.iter().map(|y| y.months).sum::<u32>(), 41);
        let groups = [
            c.by_category.iter().map(|(_, g)| *g).collect::<Vec<_>>(),
            c.by_grade.iter().map(|(_, g)| *g).collect(),
            c.by_household.iter().map(|(_, g)| *g).collect(),
        ];
        prop_assert_eq!((c.total.living, c.total.nursing), (c.living, c.nursing));
        for breakdown in groups {
            prop_assert_eq!(breakdown.iter().map(|g| g.residents).sum::<u64>(), c.residents);
            prop_assert_eq!(breakdown.iter().map(|g| g.living.gain).sum::<u64>(), c.living.gain);
            prop_assert_eq!(breakdown.iter().map(|g| g.living.lose).sum::<u64>(), c.living.lose);
            prop_assert_eq!(breakdown.iter().map(|g| g.nursing.gain).sum::<u64>(), c.nursing.gain);
            prop_assert_eq!(breakdown.iter().map(|g| g.nursing.lose).sum::<u64>(), c.nursing.lose);
            prop_assert_eq!(breakdown.iter().map(|g| g.baseline.total()).sum::<Money>(), base_total);
            prop_assert_eq!(breakdown.iter().map(|g| g.reform.total()).sum::<Money>(), reform_total);
        }
    }

    #[test]
    fn any_string_is_a_reform_or_a_reform_error(text in any::<String>()) {
        if let Err(e) = Reform::from_json(&text) {
            prop_assert!(matches!(e, Error::InvalidReform { .. }), "{e:?}");
        }
    }

    /// Damaged reform JSON (junk inserted, or cut short) is read or refused as an
    /// `InvalidReform`; what is read applies or is refused, never panics.
    #[test]
    fn damaged_reform_json_is_read_or_refused(
        reform in reform_json(true),
        at in any::<prop::sample::Index>(),
        junk in "[{}\\[\\]\":,0-9a-z_\\- ]{0,4}",
        cut in any::<prop::sample::Index>(),
    ) {
        let text = serde_json::to_string_pretty(&reform).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let truncated: String = chars[..cut.index(chars.len())].iter().collect();
        prop_assert!(Reform::from_json(&truncated).is_err());
        match Reform::from_json(&damage(&text, at, &junk)) {
            Ok(r) => {
                if let Ok(p) = r.apply(policy()) {
                    p.decide(&resident(Facts {
                        id: "X".into(), died_on: None, hukou: None, certificates: None,
                        household_assistance: None, orphan_guarantee: None, other_benefits: None,
                        custody: None, applications: Vec::new(), choices: Vec::new(),
                        notifications: Vec::new(),
                    }), first()).unwrap();
                }
            }
            Err(e) => prop_assert!(matches!(e, Error::InvalidReform { .. }), "{e:?}"),
        }
    }

    /// Damaged policy JSON is read or refused as an `InvalidPolicy`.
    #[test]
    fn damaged_policy_json_is_read_or_refused(
        at in any::<prop::sample::Index>(),
        junk in "[{}\\[\\]\":,0-9a-z_\\- ]{0,4}",
    ) {
        match Policy::from_json(&damage(TIANJIN_2023_JSON, at, &junk)) {
            Ok(p) => { p.decide(&resident(Facts {
                id: "X".into(), died_on: None, hukou: None, certificates: None,
                household_assistance: None, orphan_guarantee: None, other_benefits: None,
                custody: None, applications: Vec::new(), choices: Vec::new(),
                notifications: Vec::new(),
            }), first()).unwrap(); }
            Err(e) => prop_assert!(matches!(e, Error::InvalidPolicy { .. }), "{e:?}"),
        }
    }

    /// Generated facts with junk inserted are read (and then decided for every month) or refused
    /// with a JSON or fact error, never a panic.
    #[test]
    fn damaged_generated_facts_are_decided_or_refused(
        f in facts(),
        at in any::<prop::sample::Index>(),
        junk in "[{}\\[\\]\":,0-9a-z_\\- ]{0,4}",
    ) {
        let text = serde_json::to_string(&f).unwrap();
        match Resident::from_json(&damage(&text, at, &junk)) {
            Ok(r) => {
                let s = schedule(policy(), &r);
                prop_assert_eq!(s.months.len(), 41);
            }
            Err(e) => prop_assert!(
                matches!(e, Error::Json { .. } | Error::InvalidFact { .. }),
                "{e:?}"
            ),
        }
    }
}

/// A visual-disability certificate of `grade` issued on `issued`, without end.
fn visual_certificate(grade: Grade, issued: NaiveDate) -> Certificate {
    Certificate {
        number: None,
        category: Category::Visual,
        grade,
        issued,
        expires: None,
        withdrawn: None,
    }
}

/// A dibao period from `from` to `to` (included; `None` while it lasts).
fn dibao(from: NaiveDate, to: Option<NaiveDate>) -> AssistancePeriod {
    AssistancePeriod {
        kind: AssistanceKind::Dibao,
        from,
        to,
    }
}

/// An application at the window, without back pay.
fn window_application(subsidies: &[Subsidy], submitted: NaiveDate, renewal: bool) -> Application {
    Application {
        subsidies: subsidies.to_vec(),
        submitted,
        channel: Channel::Window,
        follows_renewed_certificate: renewal,
        back_pay_months: 0,
    }
}

/// A resident with Tianjin hukou since 1950, nothing else known but none of the other facts,
/// and the certificates, assistance and applications given: the shape of the cases the
/// property tests found.
fn with_hukou(
    certificates: Vec<Certificate>,
    household_assistance: Vec<AssistancePeriod>,
    applications: Vec<Application>,
) -> Facts {
    Facts {
        id: "G-0".into(),
        died_on: None,
        hukou: Some(vec![HukouPeriod {
            place: Place::Tianjin,
            from: ymd(1950, 1, 1),
            to: None,
        }]),
        certificates: Some(certificates),
        household_assistance: Some(household_assistance),
        orphan_guarantee: Some(Vec::new()),
        other_benefits: Some(Vec::new()),
        custody: Some(Vec::new()),
        applications,
        choices: Vec::new(),
        notifications: Vec::new(),
    }
}

/// The living allowance's decision in `at`.
fn living(facts: &Facts, at: &str) -> tianjin_disability_subsidies::SubsidyDecision {
    policy()
        .decide(&resident(facts.clone()), month(at))
        .unwrap()
        .living
}

/// The case `joining_dibao_never_removes_a_subsidy` leaves out (found by it, and kept in
/// `proptest-regressions/properties.txt`): a grade-3 certificate since 2012, and a grade-1
/// certificate issued on 2026-04-02, the day of a new application for the living allowance.
/// Without dibao until 2025-08, the new application is granted on its own day, when the grade-1
/// certificate counts: 300 for April. With dibao all along, the application of 2023 is already in
/// payment, and April is judged on its first day, before the grade-1 certificate: 160 for April,
/// 300 from May (reading `start.month`: conditions on the month's first day for a claim in
/// payment, on the submission day in the month an application is granted).
#[test]
fn a_claim_in_payment_is_judged_on_the_first_a_new_one_on_its_day() {
    let living_only = [Subsidy::Living];
    let facts = with_hukou(
        vec![
            visual_certificate(Grade::One, ymd(2026, 4, 2)),
            visual_certificate(Grade::Three, ymd(2012, 1, 1)),
        ],
        vec![dibao(ymd(2025, 8, 1), None)],
        vec![
            window_application(&living_only, ymd(2026, 4, 2), false),
            window_application(&living_only, ymd(2023, 1, 1), false),
        ],
    );
    let amount = |facts: &Facts, at: &str| living(facts, at).amount();
    // Dibao from 2025-08: the application of 2023 was not granted; the new one pays from April.
    assert_eq!(amount(&facts, "2026-03"), Money::ZERO);
    assert_eq!(amount(&facts, "2026-04"), Money::yuan(300));
    // Dibao all along: the claim of 2023 pays grade 3-4's 160 until the grade-1 certificate
    // counts on a month's first day.
    let mut joined = facts;
    joined.household_assistance = Some(vec![dibao(ymd(2000, 1, 1), None)]);
    assert_eq!(amount(&joined, "2026-03"), Money::yuan(160));
    assert_eq!(amount(&joined, "2026-04"), Money::yuan(160));
    assert_eq!(amount(&joined, "2026-05"), Money::yuan(300));
}

/// The other case `joining_dibao_never_removes_a_subsidy` leaves out (also kept in
/// `proptest-regressions/properties.txt`): a renewal application pays from the renewed
/// certificate's month (reading `start.renewal`, from 2023-08 at the earliest), but only when no
/// claim is in payment; otherwise it changes nothing. Without dibao between 2023-08 and 2024-05,
/// the application of 2023-09 is not granted, and the renewal application of 2024-05 pays from
/// 2023-08. With dibao all along, the application of 2023-09 is in payment from 2023-09, and
/// 2023-08 is not paid.
#[test]
fn a_renewal_is_paid_back_only_when_no_claim_is_in_payment() {
    let both = [Subsidy::Living, Subsidy::Nursing];
    let facts = with_hukou(
        vec![visual_certificate(Grade::One, ymd(2012, 1, 1))],
        vec![
            dibao(ymd(2021, 10, 19), Some(ymd(2023, 8, 1))),
            dibao(ymd(2024, 5, 7), None),
        ],
        vec![
            window_application(&both, ymd(2024, 5, 7), true),
            window_application(&both, ymd(2023, 9, 1), false),
        ],
    );
    let outcome = |facts: &Facts, at: &str| living(facts, at).outcome.name();
    // Paid back to 2023-08 (dibao until 2023-08-01); in 2023-09, without dibao, not eligible.
    assert_eq!(outcome(&facts, "2023-08"), "paid");
    assert_eq!(outcome(&facts, "2023-09"), "not_eligible");
    let mut joined = facts;
    joined.household_assistance = Some(vec![dibao(ymd(2000, 1, 1), None)]);
    assert_eq!(outcome(&joined, "2023-08"), "not_applied_for");
    assert_eq!(outcome(&joined, "2023-09"), "paid");
}
