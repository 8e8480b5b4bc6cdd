//! Until when: the reading `stop.month`, and the reading `restart`: a stopped claim needs a new
//! application (`src/rules/timing.rs`).

use super::*;

/// Reading `stop.month`: 自情况发生的次月起停止发放 — stopped from the month after the one in
/// which a condition ceased; an event on the 1st stops that month itself.
mod stop_month {
    use super::*;

    fn dibao_to(to: &str) -> Resident {
        with(eligible(), |f| {
            f["household_assistance"][0]["to"] = json!(to)
        })
    }

    #[test]
    fn dibao_ending_on_the_15th_pays_that_month_and_stops_the_next() {
        let r = dibao_to("2024-03-15");
        assert_paid(&decide(&r, "2024-03").living, "300");
        let april = decide(&r, "2024-04");
        assert_stopped(&april.living, "2024-04", "no_household_assistance");
        assert_eq!(
            findings(&april.living, "stop.month"),
            vec![json!({
                "what": "ceased",
                "cause": "no_household_assistance",
                "on": "2024-03-16",
                "stop_month": "2024-04",
                "timing": "month_after",
                "used": {
                    "parameter": "stop_timing",
                    "from": "2023-08",
                    "source": "FACTS.md: 自情况发生的次月起停止发放 (Guangzhou 2022, Yinchuan, Maoming, Beijing similar); 民发〔2021〕70号 on certificates: 有效期满后，应于次月停发"
                }
            })]
        );
        // The nursing allowance has no income condition.
        assert_paid(&april.nursing, "200");
    }

    #[test]
    fn dibao_ending_on_the_last_day_of_a_month_stops_the_next() {
        let r = dibao_to("2024-03-31");
        assert_paid(&decide(&r, "2024-03").living, "300");
        assert_stopped(
            &decide(&r, "2024-04").living,
            "2024-04",
            "no_household_assistance",
        );
    }

    #[test]
    fn death_on_the_1st_stops_that_month() {
        let r = with(eligible(), |f| f["died_on"] = json!("2024-05-01"));
        assert_paid(&decide(&r, "2024-04").living, "300");
        let may = decide(&r, "2024-05");
        assert_stopped(&may.living, "2024-05", "died");
        assert_stopped(&may.nursing, "2024-05", "died");
        assert_eq!(may.total.to_string(), "0");
    }

    #[test]
    fn death_on_the_2nd_pays_that_month_and_stops_the_next() {
        let r = with(eligible(), |f| f["died_on"] = json!("2024-05-02"));
        let may = decide(&r, "2024-05");
        assert_paid(&may.living, "300");
        assert_paid(&may.nursing, "200");
        assert_stopped(&decide(&r, "2024-06").nursing, "2024-06", "died");
    }

    #[test]
    fn prison_from_the_1st_stops_that_month() {
        let r = with(eligible(), |f| {
            f["custody"] = json!([{ "kind": "prison", "from": "2024-06-01" }])
        });
        assert_paid(&decide(&r, "2024-05").living, "300");
        assert_stopped(&decide(&r, "2024-06").living, "2024-06", "prison");
    }

    #[test]
    fn hukou_moved_out_mid_july_stops_both_from_august() {
        let r = with(eligible(), |f| {
            f["hukou"] = json!([
                { "place": "tianjin", "from": "1960-05-01", "to": "2024-07-15" },
                { "place": "elsewhere", "from": "2024-07-16" }
            ])
        });
        assert_paid(&decide(&r, "2024-07").nursing, "200");
        let august = decide(&r, "2024-08");
        assert_stopped(&august.living, "2024-08", "no_tianjin_hukou");
        assert_stopped(&august.nursing, "2024-08", "no_tianjin_hukou");
    }

    #[test]
    fn a_certificate_cancelled_on_the_10th_stops_the_next_month() {
        let r = with(eligible(), |f| {
            f["certificates"][0]["withdrawn"] = json!({ "how": "cancelled", "on": "2024-05-10" })
        });
        assert_paid(&decide(&r, "2024-05").living, "300");
        assert_stopped(
            &decide(&r, "2024-06").living,
            "2024-06",
            "no_valid_certificate",
        );
    }

    #[test]
    fn a_certificate_frozen_on_the_1st_stops_that_month() {
        let r = with(eligible(), |f| {
            f["certificates"][0]["withdrawn"] = json!({ "how": "frozen", "on": "2024-05-01" })
        });
        assert_stopped(
            &decide(&r, "2024-05").nursing,
            "2024-05",
            "no_valid_certificate",
        );
    }

    #[test]
    fn a_new_certificate_of_grade_3_stops_the_nursing_allowance_and_lowers_the_living_allowance() {
        let r = with(eligible(), |f| {
            if let Some(c) = f["certificates"].as_array_mut() {
                c.push(json!({ "category": "physical", "grade": 3, "issued": "2024-04-10" }));
            }
        });
        let april = decide(&r, "2024-04");
        assert_paid(&april.living, "300");
        assert_paid(&april.nursing, "200");
        let may = decide(&r, "2024-05");
        assert_paid(&may.living, "160");
        assert_stopped(&may.nursing, "2024-05", "grade_not_severe");
    }

    #[test]
    fn the_same_month_variant_stops_in_the_month_of_the_event() {
        let same_month =
            policy_with(|p| p["parameters"]["stop_timing"] = from_august_2023(json!("same_month")));
        let r = dibao_to("2024-03-15");
        assert_paid(&decide_under(&same_month, &r, "2024-02").living, "300");
        let march = decide_under(&same_month, &r, "2024-03");
        assert_stopped(&march.living, "2024-03", "no_household_assistance");
        assert_eq!(
            findings(&march.living, "stop.month")[0]["timing"],
            json!("same_month")
        );

        let died = with(eligible(), |f| f["died_on"] = json!("2024-05-02"));
        assert_stopped(
            &decide_under(&same_month, &died, "2024-05").living,
            "2024-05",
            "died",
        );
        // An event on the 1st: the same month under either timing.
        let end_of_march = dibao_to("2024-03-31");
        assert_paid(
            &decide_under(&same_month, &end_of_march, "2024-03").living,
            "300",
        );
        assert_stopped(
            &decide_under(&same_month, &end_of_march, "2024-04").living,
            "2024-04",
            "no_household_assistance",
        );
    }
}

/// Prison from 2024-06-20 to 2024-12-10, and any further applications.
pub(crate) fn prison_and_release(applications: &[&str]) -> Resident {
    with(eligible(), |f| {
        f["custody"] = json!([{ "kind": "prison", "from": "2024-06-20", "to": "2024-12-10" }]);
        for submitted in applications {
            if let Some(a) = f["applications"].as_array_mut() {
                a.push(json!({ "subsidies": ["living", "nursing"], "submitted": submitted }));
            }
        }
    })
}

/// Reading `restart`: 停发后符合条件的，可重新按照程序申请补贴 — a stopped claim does not restart by
/// itself; a new application starts from its own month.
mod restart {
    use super::*;

    #[test]
    fn after_release_a_stopped_claim_stays_stopped_without_a_new_application() {
        let r = prison_and_release(&[]);
        for m in ["2024-07", "2024-12", "2025-01", "2025-06"] {
            let d = decide(&r, m);
            assert_stopped(&d.living, "2024-07", "prison");
            assert_stopped(&d.nursing, "2024-07", "prison");
            assert_eq!(
                findings(&d.living, "restart"),
                vec![json!({ "what": "needs_new_application", "since": "2024-07" })]
            );
        }
    }

    #[test]
    fn a_new_application_after_release_pays_from_its_own_month() {
        let r = prison_and_release(&["2025-02-15"]);
        assert_stopped(&decide(&r, "2025-01").living, "2024-07", "prison");
        let february = decide(&r, "2025-02");
        assert_paid(&february.living, "300");
        assert_paid(&february.nursing, "200");
        assert!(cites(&february.living, "restart"));
        assert!(!cites(&february.living, "start.reapply"));
        let s = schedule(&r, "2024-06", "2025-03");
        assert_eq!(s.living.first_paid, Some(month("2024-06")));
        assert_eq!(s.living.months_paid, 3);
        assert_eq!(s.total.to_string(), "1500");
        assert_eq!(
            serde_json::to_value(s.living.stopped).expect("serializes"),
            json!({ "since": "2024-07", "because": "prison" })
        );
    }

    #[test]
    fn an_application_made_in_prison_is_not_granted() {
        let r = prison_and_release(&["2024-10-01"]);
        let october = decide(&r, "2024-10");
        assert_stopped(&october.living, "2024-07", "prison");
        assert!(findings(&october.living, "start.month")
            .contains(&json!({ "what": "application_not_granted", "submitted": "2024-10-01", "fact": "applications[1]" })));
        assert_stopped(&decide(&r, "2025-01").living, "2024-07", "prison");
    }

    #[test]
    fn conditions_coming_back_do_not_restart_payment() {
        let r = dibao_break(false);
        assert_stopped(
            &decide(&r, "2024-07").living,
            "2024-04",
            "no_household_assistance",
        );
        assert_stopped(
            &decide(&r, "2025-01").living,
            "2024-04",
            "no_household_assistance",
        );
    }
}
