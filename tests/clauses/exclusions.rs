//! What excludes both subsidies: `exclusion.work_injury`, `exclusion.extreme_poverty`,
//! `exclusion.prison`, and the reading `exclusion.prison_kinds` (`src/rules/exclusions.rs`).

use super::*;

/// 领取工伤保险生活护理费…不享受残疾人两项补贴 — receiving the work-injury living-care fee: neither
/// subsidy.
mod exclusion_work_injury {
    use super::*;

    fn with_fee(status: &str, from: &str) -> Resident {
        with(eligible(), |f| {
            f["other_benefits"] =
                json!([benefit("work_injury_living_care_fee", "1800", status, from)])
        })
    }

    #[test]
    fn receiving_the_work_injury_living_care_fee_excludes_both_subsidies() {
        let d = decide(&with_fee("received", "2021-01-01"), "2024-01");
        assert_excluded(&d.living, "work_injury_living_care_fee");
        assert_excluded(&d.nursing, "work_injury_living_care_fee");
        assert!(cites(&d.living, "exclusion.work_injury"));
        assert!(cites(&d.nursing, "exclusion.work_injury"));
    }

    #[test]
    fn only_qualifying_for_the_fee_excludes_nothing() {
        let d = decide(&with_fee("qualified", "2021-01-01"), "2024-01");
        assert_paid(&d.living, "300");
        assert_paid(&d.nursing, "200");
        assert!(cites(&d.living, "exclusion.work_injury"));
    }

    #[test]
    fn a_fee_received_from_mid_march_stops_both_from_april() {
        let r = with_fee("received", "2024-03-10");
        let march = decide(&r, "2024-03");
        assert_paid(&march.living, "300");
        assert_paid(&march.nursing, "200");
        let april = decide(&r, "2024-04");
        assert_stopped(&april.living, "2024-04", "work_injury_living_care_fee");
        assert_stopped(&april.nursing, "2024-04", "work_injury_living_care_fee");
    }
}

/// 纳入特困人员供养保障…不享受 — in extreme-poverty support: neither subsidy.
mod exclusion_extreme_poverty {
    use super::*;

    fn with_support(status: &str, from: &str) -> Resident {
        with(eligible(), |f| {
            f["other_benefits"] = json!([benefit("extreme_poverty_support", "1500", status, from)])
        })
    }

    #[test]
    fn extreme_poverty_support_excludes_both_subsidies() {
        let d = decide(&with_support("received", "2021-01-01"), "2024-01");
        assert_excluded(&d.living, "extreme_poverty_support");
        assert_excluded(&d.nursing, "extreme_poverty_support");
        assert!(cites(&d.living, "exclusion.extreme_poverty"));
        assert!(cites(&d.nursing, "exclusion.extreme_poverty"));
    }

    #[test]
    fn only_qualifying_for_extreme_poverty_support_excludes_nothing() {
        let d = decide(&with_support("qualified", "2021-01-01"), "2024-01");
        assert_paid(&d.living, "300");
        assert_paid(&d.nursing, "200");
        assert!(cites(&d.nursing, "exclusion.extreme_poverty"));
    }

    #[test]
    fn support_from_the_first_of_a_month_stops_that_month() {
        let r = with_support("received", "2024-05-01");
        assert_paid(&decide(&r, "2024-04").living, "300");
        assert_stopped(
            &decide(&r, "2024-05").living,
            "2024-05",
            "extreme_poverty_support",
        );
    }
}

/// 被人民法院判处有期徒刑以上刑罚、在监狱服刑的残疾人，不享受 — months in prison: neither subsidy.
mod exclusion_prison {
    use super::*;

    #[test]
    fn a_person_serving_a_prison_sentence_gets_neither() {
        let r = with(eligible(), |f| {
            f["custody"] = json!([{ "kind": "prison", "from": "2022-01-01" }])
        });
        let d = decide(&r, "2024-01");
        assert_excluded(&d.living, "prison");
        assert_excluded(&d.nursing, "prison");
        assert!(cites(&d.living, "exclusion.prison"));
        assert!(cites(&d.nursing, "exclusion.prison"));
    }

    #[test]
    fn imprisonment_from_mid_june_stops_both_from_july() {
        let r = with(eligible(), |f| {
            f["custody"] = json!([{ "kind": "prison", "from": "2024-06-20" }])
        });
        let june = decide(&r, "2024-06");
        assert_paid(&june.living, "300");
        assert_paid(&june.nursing, "200");
        let july = decide(&r, "2024-07");
        assert_stopped(&july.living, "2024-07", "prison");
        assert_stopped(&july.nursing, "2024-07", "prison");
    }

    #[test]
    fn after_release_the_subsidies_are_due_but_need_an_application() {
        let r = with(
            eligible(),
            |f| {
                f["custody"] =
                    json!([{ "kind": "prison", "from": "2022-01-01", "to": "2024-02-10" }])
            },
        );
        assert_excluded(&decide(&r, "2024-02").living, "prison");
        let march = decide(&r, "2024-03");
        assert_not_applied_for(&march.living, "300");
        assert_not_applied_for(&march.nursing, "200");
    }
}

/// Reading `exclusion.prison_kinds`: 拘役、管制、缓刑、监外执行不在此列 — only prison excludes.
mod exclusion_prison_kinds {
    use super::*;

    #[test]
    fn detention_public_surveillance_suspended_sentence_and_serving_outside_prison_do_not_exclude()
    {
        for kind in [
            "detention",
            "public_surveillance",
            "suspended_sentence",
            "serving_outside_prison",
        ] {
            let r =
                with(
                    eligible(),
                    |f| {
                        f["custody"] =
                            json!([{ "kind": kind, "from": "2023-10-01", "to": "2024-06-30" }])
                    },
                );
            let d = decide(&r, "2024-01");
            assert_paid(&d.living, "300");
            assert_paid(&d.nursing, "200");
            assert!(cites(&d.living, "exclusion.prison_kinds"), "{kind}");
            assert!(!cites(&d.living, "exclusion.prison"), "{kind}");
            let s = schedule(&r, "2023-08", "2024-07");
            assert_eq!(s.living.months_paid, 11, "{kind}");
            assert_eq!(s.living.stopped, None, "{kind}");
        }
    }

    #[test]
    fn serving_outside_prison_after_prison_does_not_exclude_but_the_claim_stays_stopped() {
        let r = with(eligible(), |f| {
            f["custody"] = json!([
                { "kind": "prison", "from": "2024-02-15", "to": "2024-05-31" },
                { "kind": "serving_outside_prison", "from": "2024-06-01" }
            ])
        });
        assert_paid(&decide(&r, "2024-02").living, "300");
        let june = decide(&r, "2024-06");
        assert_stopped(&june.living, "2024-03", "prison");
    }
}
