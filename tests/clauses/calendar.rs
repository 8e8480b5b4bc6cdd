//! Months at the edges (the 31st, the end of February, leap years, the turn of the year) and
//! whole schedules, across the readings `start.month`, `stop.month` and `start.renewal`.

use super::*;

/// Months at the edges: the 31st, the end of February, leap years, the turn of the year
/// (readings `start.month`, `stop.month`, `start.renewal`).
mod month_boundaries {
    use super::*;

    #[test]
    fn an_application_on_31_january_2024_pays_from_january() {
        let r = with(eligible(), |f| {
            f["applications"][0]["submitted"] = json!("2024-01-31")
        });
        assert_not_applied_for(&decide(&r, "2023-12").living, "300");
        let s = schedule(&r, "2023-12", "2024-03");
        assert_eq!(s.living.first_paid, Some(month("2024-01")));
        assert_eq!(s.living.months_paid, 3);
        assert_eq!(s.total.to_string(), "1500");
    }

    #[test]
    fn dibao_ending_on_leap_day_2024_pays_february_and_stops_from_march() {
        let r = with(eligible(), |f| {
            f["household_assistance"][0]["to"] = json!("2024-02-29")
        });
        assert_paid(&decide(&r, "2024-02").living, "300");
        assert_stopped(
            &decide(&r, "2024-03").living,
            "2024-03",
            "no_household_assistance",
        );
    }

    #[test]
    fn dibao_ending_on_28_february_2025_stops_from_march() {
        let r = with(eligible(), |f| {
            f["household_assistance"][0]["to"] = json!("2025-02-28")
        });
        assert_paid(&decide(&r, "2025-02").living, "300");
        assert_stopped(
            &decide(&r, "2025-03").living,
            "2025-03",
            "no_household_assistance",
        );
    }

    #[test]
    fn a_certificate_that_expired_on_28_february_2023_never_counts_under_the_policy() {
        let r = with(eligible(), |f| {
            f["certificates"][0]["expires"] = json!("2023-02-28")
        });
        let d = decide(&r, "2023-08");
        assert_not_eligible(&d.living, &["no_valid_certificate"]);
        assert_not_eligible(&d.nursing, &["no_valid_certificate"]);
        assert_eq!(schedule(&r, "2023-08", "2024-07").total.to_string(), "0");
    }

    #[test]
    fn a_certificate_valid_through_leap_day_2024_pays_february_and_stops_from_march() {
        for expires in ["2024-02-28", "2024-02-29"] {
            let r = with(eligible(), |f| {
                f["certificates"][0]["expires"] = json!(expires)
            });
            let february = decide(&r, "2024-02");
            assert_paid(&february.living, "300");
            assert_paid(&february.nursing, "200");
            assert_stopped(
                &decide(&r, "2024-03").nursing,
                "2024-03",
                "no_valid_certificate",
            );
        }
    }

    #[test]
    fn death_on_leap_day_pays_february_and_stops_from_march() {
        let r = with(eligible(), |f| f["died_on"] = json!("2024-02-29"));
        assert_paid(&decide(&r, "2024-02").living, "300");
        assert_stopped(&decide(&r, "2024-03").living, "2024-03", "died");
    }

    #[test]
    fn dibao_ending_on_31_december_stops_from_january() {
        let r = with(eligible(), |f| {
            f["household_assistance"][0]["to"] = json!("2024-12-31")
        });
        assert_paid(&decide(&r, "2024-12").living, "300");
        assert_stopped(
            &decide(&r, "2025-01").living,
            "2025-01",
            "no_household_assistance",
        );
    }

    #[test]
    fn renewal_back_pay_crosses_the_turn_of_the_year() {
        // Old certificate expired 2023-09-30 (stop from 2023-10); new one issued 2024-01-31;
        // two months' back pay reach back to 2023-11.
        let r = with(eligible(), |f| {
            f["certificates"] = json!([
                { "category": "physical", "grade": 2, "issued": "2018-10-01", "expires": "2023-09-30" },
                { "category": "physical", "grade": 2, "issued": "2024-01-31" }
            ]);
            f["applications"] = json!([
                { "subsidies": ["living", "nursing"], "submitted": "2023-08-10" },
                {
                    "subsidies": ["living", "nursing"],
                    "submitted": "2024-02-05",
                    "follows_renewed_certificate": true,
                    "back_pay_months": 2
                }
            ]);
        });
        assert_paid(&decide(&r, "2023-09").living, "300");
        assert_stopped(
            &decide(&r, "2023-10").living,
            "2023-10",
            "no_valid_certificate",
        );
        let s = schedule(&r, "2023-08", "2024-02");
        let paid: Vec<String> = s
            .months
            .iter()
            .filter(|m| m.living.outcome.name() == "paid")
            .map(|m| m.month.to_string())
            .collect();
        assert_eq!(
            paid,
            ["2023-08", "2023-09", "2023-11", "2023-12", "2024-01", "2024-02"]
        );
    }
}

/// Schedules: when each subsidy is first paid, when and why it stops, how many months, how much.
mod schedules {
    use super::*;

    #[test]
    fn a_year_of_both_subsidies_from_a_september_application() {
        let s = schedule(&with(eligible(), |_| {}), "2023-08", "2024-07");
        assert_eq!(s.months.len(), 12);
        assert_eq!(s.first, month("2023-08"));
        assert_eq!(s.last, month("2024-07"));
        assert_eq!(s.living.first_paid, Some(month("2023-09")));
        assert_eq!(s.living.months_paid, 11);
        assert_eq!(s.living.total.to_string(), "3300");
        assert_eq!(s.living.stopped, None);
        assert_eq!(s.nursing.first_paid, Some(month("2023-09")));
        assert_eq!(s.nursing.months_paid, 11);
        assert_eq!(s.nursing.total.to_string(), "2200");
        assert_eq!(s.total.to_string(), "5500");
    }

    #[test]
    fn a_stop_is_summarized_with_its_month_and_cause() {
        let r = with(eligible(), |f| {
            f["household_assistance"][0]["to"] = json!("2024-03-15")
        });
        let s = schedule(&r, "2023-08", "2024-07");
        assert_eq!(s.living.first_paid, Some(month("2023-09")));
        assert_eq!(s.living.months_paid, 7);
        assert_eq!(s.living.total.to_string(), "2100");
        assert_eq!(
            serde_json::to_value(s.living.stopped).expect("serializes"),
            json!({ "since": "2024-04", "because": "no_household_assistance" })
        );
        assert_eq!(s.nursing.stopped, None);
        assert_eq!(s.total.to_string(), "4300");
    }

    #[test]
    fn the_total_is_the_sum_of_the_months() {
        let r = with(renewal(2), |f| f["certificates"][1]["grade"] = json!(3));
        let s = schedule(&r, "2023-08", "2025-01");
        let sum: tianjin_disability_subsidies::Money = s.months.iter().map(|m| m.total).sum();
        assert_eq!(s.total, sum);
        assert_eq!(s.total, s.living.total + s.nursing.total);
        let living: u32 = s
            .months
            .iter()
            .filter(|m| m.living.outcome.name() == "paid")
            .count() as u32;
        assert_eq!(s.living.months_paid, living);
    }

    #[test]
    fn a_single_month_schedule_matches_the_months_decision() {
        let r = with(eligible(), |_| {});
        let s = schedule(&r, "2024-01", "2024-01");
        assert_eq!(s.months, vec![decide(&r, "2024-01")]);
        assert_eq!(s.total.to_string(), "500");
    }
}
