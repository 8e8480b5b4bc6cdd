//! From when: `in_force`, the readings `start.month`, `start.renewal` and `start.carry_over`,
//! `start.reapply` after a waiver, and `channels`, which start alike (`src/rules/timing.rs`).

use super::*;

/// 自8月1日起…正式实施 — the policy governs months from 2023-08; a month outside every policy the
/// crate holds is an error, never a guess.
mod in_force {
    use super::*;

    #[test]
    fn july_2023_is_an_error_naming_the_policy_and_its_months() {
        let err = policy()
            .decide(&with(eligible(), |_| {}), month("2023-07"))
            .unwrap_err();
        assert!(matches!(err, Error::MonthNotCovered { .. }), "{err:?}");
        assert_eq!(
            err.to_string(),
            "no loaded policy covers 2023-07: policy tianjin-2023 covers 2023-08 onwards"
        );
        assert_eq!(err.path(), None);
    }

    #[test]
    fn august_2023_is_decided_under_the_policy() {
        let r = with(eligible(), |f| {
            f["applications"][0]["submitted"] = json!("2023-06-20")
        });
        let d = decide(&r, "2023-08");
        assert_eq!(&*d.policy, "tianjin-2023");
        assert_eq!(d.month.to_string(), "2023-08");
        assert_paid(&d.living, "300");
        assert_paid(&d.nursing, "200");
        assert!(d.reasons.iter().any(|r| r.clause.id() == "in_force"));
        assert!(month_cites(&d, "in_force"));
    }

    #[test]
    fn a_schedule_reaching_back_into_july_2023_is_an_error() {
        let err = policy()
            .schedule(
                &with(eligible(), |_| {}),
                month("2023-07"),
                month("2023-09"),
            )
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "no loaded policy covers 2023-07: policy tianjin-2023 covers 2023-08 onwards"
        );
    }

    #[test]
    fn a_policy_that_ends_refuses_the_months_after_it() {
        let ending = policy_with(|p| p["covers"]["to"] = json!("2024-12"));
        let r = with(eligible(), |_| {});
        assert_paid(&decide_under(&ending, &r, "2024-12").living, "300");
        let err = ending.decide(&r, month("2025-01")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no loaded policy covers 2025-01: policy tianjin-2023 covers 2023-08 to 2024-12"
        );
    }
}

/// 全面实施"跨省通办""全程网办""一件事儿""一卡通"发放管理业务 — every channel is accepted alike.
mod channels {
    use super::*;

    #[test]
    fn every_channel_is_granted_alike() {
        for channel in ["window", "online", "cross_province", "one_thing", "other"] {
            let r = with(eligible(), |f| {
                f["applications"][0]["channel"] = json!(channel)
            });
            let d = decide(&r, "2023-09");
            assert_paid(&d.living, "300");
            assert_paid(&d.nursing, "200");
            assert!(cites(&d.living, "channels"), "{channel}");
            assert_eq!(
                findings(&d.living, "channels"),
                vec![json!({ "what": "channel", "channel": channel, "fact": "applications[0]" })]
            );
            let s = schedule(&r, "2023-08", "2024-07");
            assert_eq!(s.living.first_paid, Some(month("2023-09")), "{channel}");
            assert_eq!(s.total.to_string(), "5500", "{channel}");
        }
    }
}

/// 自愿放弃后再次提出补贴申请的，受理主体应当及时予以受理，补贴资金从申请当月计发，不予补发 — a new
/// application pays from its own month; no month before it.
mod start_reapply {
    use super::*;

    #[test]
    fn an_application_after_a_deemed_waiver_pays_from_its_own_month() {
        // Certificate 2024-01-15 (deadline 2024-04-15), notified 2024-01-20, no application by
        // the deadline: a waiver; the application of 2024-06-10 pays from June only.
        let r = with(eligible(), |f| {
            f["certificates"] =
                json!([{ "category": "visual", "grade": 1, "issued": "2024-01-15" }]);
            f["household_assistance"] = json!([]);
            f["notifications"] = json!([{
                "delivered": "2024-01-20", "form": "home_visit", "recipient": "person",
                "office": { "body": "disabled_persons_federation", "level": "sub_district" }
            }]);
            f["applications"] = json!([{ "subsidies": ["nursing"], "submitted": "2024-06-10" }]);
        });
        assert_eq!(decide(&r, "2024-05").nursing.amount().to_string(), "0");
        let june = decide(&r, "2024-06");
        assert_paid(&june.nursing, "200");
        assert!(cites(&june.nursing, "start.reapply"));
        assert!(cites(&june.nursing, "outreach.waiver"));
        assert_eq!(
            findings(&june.nursing, "start.reapply"),
            vec![json!({ "what": "no_back_pay", "from": "2024-06", "fact": "applications[0]" })]
        );
    }

    #[test]
    fn a_new_application_pays_from_its_own_month_without_back_pay() {
        let r = dibao_break(true);
        for m in ["2024-04", "2024-05", "2024-06", "2024-07"] {
            assert_stopped(&decide(&r, m).living, "2024-04", "no_household_assistance");
        }
        let august = decide(&r, "2024-08");
        assert_paid(&august.living, "300");
        // No waiver here: a new application after a stop cites `restart`; `start.reapply` is
        // for an application after a deemed waiver (below).
        assert!(!cites(&august.living, "start.reapply"));
        assert!(findings(&august.living, "restart").contains(
            &json!({ "what": "no_back_pay", "from": "2024-08", "fact": "applications[1]" })
        ));
        let s = schedule(&r, "2024-01", "2024-09");
        assert_eq!(s.living.months_paid, 3 + 2);
        assert_eq!(s.living.total.to_string(), "1500");
    }

    #[test]
    fn the_nursing_claim_in_payment_is_not_affected_by_the_second_application() {
        let r = dibao_break(true);
        let s = schedule(&r, "2024-01", "2024-09");
        assert_eq!(s.nursing.months_paid, 9);
        assert_eq!(s.nursing.stopped, None);
        assert!(!cites(&decide(&r, "2024-08").nursing, "start.reapply"));
    }
}

/// Reading `start.month`: 自递交申请当月计发 — paid from the month of submission when every
/// condition held on the day it was submitted; never before 2023-08; no month before it.
mod start_month {
    use super::*;

    #[test]
    fn a_mid_month_application_pays_that_whole_month() {
        let r = with(eligible(), |_| {});
        let d = decide(&r, "2023-09");
        assert_paid(&d.living, "300");
        assert_paid(&d.nursing, "200");
        assert!(cites(&d.living, "start.month"));
        assert_eq!(
            findings(&d.living, "start.month"),
            vec![json!({
                "what": "application_granted",
                "submitted": "2023-09-12",
                "first_month": "2023-09",
                "fact": "applications[0]"
            })]
        );
    }

    #[test]
    fn the_month_before_the_application_is_not_paid_but_due() {
        let d = decide(&with(eligible(), |_| {}), "2023-08");
        assert_not_applied_for(&d.living, "300");
        assert_not_applied_for(&d.nursing, "200");
        assert!(cites(&d.living, "start.month"));
    }

    #[test]
    fn without_any_application_every_month_is_due_but_unpaid() {
        let r = with(eligible(), |f| f["applications"] = json!([]));
        let d = decide(&r, "2024-01");
        assert_not_applied_for(&d.living, "300");
        assert_not_applied_for(&d.nursing, "200");
        assert_eq!(
            findings(&d.living, "start.month"),
            vec![json!({ "what": "no_application" })]
        );
    }

    #[test]
    fn an_application_before_august_2023_pays_from_august_2023() {
        for submitted in ["2023-05-20", "2023-07-31"] {
            let r = with(eligible(), |f| {
                f["applications"][0]["submitted"] = json!(submitted)
            });
            let s = schedule(&r, "2023-08", "2023-12");
            assert_eq!(s.living.first_paid, Some(month("2023-08")), "{submitted}");
            assert_eq!(s.living.months_paid, 5);
            assert_eq!(s.total.to_string(), "2500");
            assert!(cites(&s.months[0].living, "start.month"));
        }
    }

    #[test]
    fn an_application_on_the_first_or_last_day_of_august_2023_pays_august() {
        for submitted in ["2023-08-01", "2023-08-31"] {
            let r = with(eligible(), |f| {
                f["applications"][0]["submitted"] = json!(submitted)
            });
            assert_paid(&decide(&r, "2023-08").living, "300");
        }
    }

    #[test]
    fn a_condition_starting_the_day_after_the_application_means_it_is_not_granted() {
        let r = with(eligible(), |f| {
            f["household_assistance"][0]["from"] = json!("2024-03-13");
            f["applications"][0]["submitted"] = json!("2024-03-12");
        });
        let march = decide(&r, "2024-03");
        assert_not_eligible(&march.living, &["no_household_assistance"]);
        assert_eq!(
            findings(&march.living, "start.month"),
            vec![json!({
                "what": "application_not_granted",
                "submitted": "2024-03-12",
                "fact": "applications[0]"
            })]
        );
        // The nursing allowance has no income condition: granted on the same day.
        assert_paid(&march.nursing, "200");
        for later in ["2024-04", "2024-12"] {
            assert_not_applied_for(&decide(&r, later).living, "300");
        }
    }

    #[test]
    fn an_application_on_the_day_a_condition_starts_is_granted() {
        let r = with(eligible(), |f| {
            f["household_assistance"][0]["from"] = json!("2024-03-12");
            f["applications"][0]["submitted"] = json!("2024-03-12");
        });
        assert_not_eligible(&decide(&r, "2024-02").living, &["no_household_assistance"]);
        assert_paid(&decide(&r, "2024-03").living, "300");
    }

    #[test]
    fn an_application_the_day_after_a_condition_ended_is_not_granted() {
        let r = with(eligible(), |f| {
            f["household_assistance"][0]["to"] = json!("2024-03-11");
            f["applications"][0]["submitted"] = json!("2024-03-12");
        });
        assert_not_eligible(&decide(&r, "2024-04").living, &["no_household_assistance"]);
        assert_eq!(schedule(&r, "2024-03", "2024-06").living.months_paid, 0);
    }

    #[test]
    fn a_certificate_issued_after_the_application_means_it_is_not_granted() {
        let r = with(eligible(), |f| {
            f["certificates"][0]["issued"] = json!("2023-09-13");
        });
        let d = decide(&r, "2023-09");
        // Checked on the 1st of September for a month without a claim: no certificate yet.
        assert_not_eligible(&d.living, &["no_valid_certificate"]);
        assert_not_eligible(&d.nursing, &["no_valid_certificate"]);
        assert_not_applied_for(&decide(&r, "2023-10").nursing, "200");
    }
}

/// Reading `start.renewal`: 重新办理残疾人证并提出补贴申请的，应于新残疾人证发证当月计发补贴，同时可视情
/// 补发最多不超过3个月的补贴 — from the new certificate's month, with at most 3 months' back pay.
mod start_renewal {
    use super::*;

    #[test]
    fn without_back_pay_a_renewal_pays_from_the_new_certificates_month() {
        let r = with(renewal(0), |_| {});
        assert_paid(&decide(&r, "2024-01").living, "300");
        assert_stopped(
            &decide(&r, "2024-02").living,
            "2024-02",
            "no_valid_certificate",
        );
        assert_stopped(
            &decide(&r, "2024-06").living,
            "2024-02",
            "no_valid_certificate",
        );
        let july = decide(&r, "2024-07");
        assert_paid(&july.living, "300");
        assert_paid(&july.nursing, "200");
        assert!(cites(&july.living, "start.renewal"));
        assert_eq!(
            findings(&july.living, "start.renewal"),
            vec![
                json!({
                    "what": "renewal",
                    "issued": "2024-07-15",
                    "back_pay_months": 0,
                    "first_month": "2024-07",
                    "fact": "certificates[1]",
                    "used": {
                        "parameter": "max_renewal_back_pay_months",
                        "from": "2023-08",
                        "source": "民发〔2021〕70号 as quoted by the Hubei Civil Affairs Department: 可视情…补发最多不超过3个月的补贴"
                    }
                }),
                json!({
                    // July is before the application month and the new certificate only counts from
                    // the 15th: the month is paid at the renewed certificate's standard.
                    "what": "renewed_certificate_standard",
                    "on": "2024-07-01",
                    "category": "physical",
                    "grade": 2,
                    "fact": "certificates[1]"
                })
            ]
        );
        let s = schedule(&r, "2024-01", "2024-09");
        assert_eq!(s.living.months_paid, 1 + 3);
        assert_eq!(s.nursing.total.to_string(), "800");
    }

    #[test]
    fn three_back_pay_months_pay_from_three_months_before_the_new_certificate() {
        let r = with(renewal(3), |_| {});
        assert_stopped(
            &decide(&r, "2024-03").living,
            "2024-02",
            "no_valid_certificate",
        );
        let april = decide(&r, "2024-04");
        assert_paid(&april.living, "300");
        assert_paid(&april.nursing, "200");
        assert!(cites(&april.living, "start.renewal"));
        // The renewal is the exception to "no back pay": start.reapply is not cited.
        assert!(!cites(&april.living, "start.reapply"));
        let s = schedule(&r, "2024-01", "2024-09");
        assert_eq!(s.living.months_paid, 1 + 6);
        assert_eq!(s.living.total.to_string(), "2100");
        assert_eq!(s.total.to_string(), "3500");
    }

    #[test]
    fn back_pay_never_reaches_before_the_previous_stop() {
        // Expired 2024-04-30: stopped from 2024-05; 3 months back from 2024-07 would be 2024-04.
        let r = with(renewal(3), |f| {
            f["certificates"][0]["expires"] = json!("2024-04-30")
        });
        assert_paid(&decide(&r, "2024-04").living, "300");
        let s = schedule(&r, "2024-04", "2024-09");
        assert_eq!(s.living.months_paid, 6);
        assert_eq!(s.living.stopped, None);
        assert_eq!(
            findings(&decide(&r, "2024-05").living, "start.renewal")[0]["first_month"],
            json!("2024-05")
        );
    }

    #[test]
    fn back_pay_never_reaches_before_august_2023() {
        let r = with(eligible(), |f| {
            f["certificates"][0]["issued"] = json!("2023-08-20");
            f["applications"] = json!([{
                "subsidies": ["living", "nursing"],
                "submitted": "2023-09-05",
                "follows_renewed_certificate": true,
                "back_pay_months": 3
            }]);
        });
        let s = schedule(&r, "2023-08", "2023-10");
        assert_eq!(s.living.first_paid, Some(month("2023-08")));
        assert_eq!(s.total.to_string(), "1500");
    }

    #[test]
    fn the_policy_caps_back_pay_at_max_renewal_back_pay_months() {
        let capped = policy_with(|p| {
            p["parameters"]["max_renewal_back_pay_months"] = from_august_2023(json!(1))
        });
        let r = with(renewal(3), |_| {});
        assert_stopped(
            &decide_under(&capped, &r, "2024-05").living,
            "2024-02",
            "no_valid_certificate",
        );
        let june = decide_under(&capped, &r, "2024-06");
        assert_paid(&june.living, "300");
        assert_eq!(
            findings(&june.living, "start.renewal")[0]["back_pay_months"],
            json!(1)
        );
        assert_eq!(
            findings(&june.living, "start.renewal")[0]["first_month"],
            json!("2024-06")
        );
    }

    #[test]
    fn back_pay_months_are_paid_at_the_renewed_certificates_grade() {
        let r = with(renewal(2), |f| {
            f["certificates"][0]["grade"] = json!(3);
            f["applications"][0]["subsidies"] = json!(["living"]);
        });
        assert_paid(&decide(&r, "2024-01").living, "160");
        assert_stopped(
            &decide(&r, "2024-04").living,
            "2024-02",
            "no_valid_certificate",
        );
        for m in ["2024-05", "2024-06", "2024-07", "2024-09"] {
            assert_paid(&decide(&r, m).living, "300");
        }
    }
}

/// Reading `start.carry_over`: an application made before 2023-08 "carries over, and pays from
/// 2023-08, when every condition of its subsidy held on the day it was submitted (`start.month`)
/// and none ceased between then and 2023-08-01 (`stop.month`); otherwise it is not a claim".
/// The whole-case files are `tests/cases/start-carry-over-*.json`; here, the boundary day.
mod start_carry_over {
    use super::*;

    /// An application of 2023-03-01 (both subsidies) with the household's dibao ending on `to`.
    fn dibao_until(to: &str) -> Resident {
        with(eligible(), |f| {
            f["household_assistance"] =
                json!([{ "kind": "dibao", "from": "2019-01-01", "to": to }]);
            f["applications"] =
                json!([{ "subsidies": ["living", "nursing"], "submitted": "2023-03-01" }]);
        })
    }

    /// Dibao to 2023-07-31: its first day without is 2023-08-01, the policy's first day. The
    /// check runs through 2023-08-01 inclusive, so the condition is found gone on that day and the
    /// living allowance does not carry over (rather than carrying over and stopping in 2023-08,
    /// which would cite `stop.month`); the month is not eligible, for want of dibao.
    #[test]
    fn a_condition_whose_first_day_without_is_2023_08_01_stops_the_carry_over() {
        let d = decide(&dibao_until("2023-07-31"), "2023-08");
        assert_not_eligible(&d.living, &["no_household_assistance"]);
        assert_eq!(
            findings(&d.living, "start.carry_over"),
            vec![json!({
                "what": "carry_over_refused",
                "submitted": "2023-03-01",
                "on": "2023-08-01",
                "cause": "no_household_assistance",
                "fact": "applications[0]"
            })]
        );
        assert!(!cites(&d.living, "stop.month"));
        // The nursing allowance needs no dibao: it carries over.
        assert_paid(&d.nursing, "200");
        assert!(cites(&d.nursing, "start.carry_over"));
    }

    /// Dibao to 2023-07-30: its first day without, 2023-07-31, is before the policy began.
    #[test]
    fn a_condition_ceasing_before_2023_08_01_stops_the_carry_over() {
        let d = decide(&dibao_until("2023-07-30"), "2023-08");
        assert_not_eligible(&d.living, &["no_household_assistance"]);
        assert_eq!(
            findings(&d.living, "start.carry_over"),
            vec![json!({
                "what": "carry_over_refused",
                "submitted": "2023-03-01",
                "on": "2023-07-31",
                "cause": "no_household_assistance",
                "fact": "applications[0]"
            })]
        );
        assert_paid(&d.nursing, "200");
        assert!(cites(&d.nursing, "start.carry_over"));
    }
}
