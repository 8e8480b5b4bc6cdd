//! Benefits that compete or stack with the subsidies: `higher.welfare`, `stack.elderly`,
//! `higher.elderly_nursing`, and the readings `higher.tie` and `higher.monthly`
//! (`src/rules/competing.rs`).

use super::*;

/// 既符合两项补贴条件，又符合因公致残、离休等福利性生活补贴（津贴）、护理补贴（津贴）条件，以及纳入伤残
/// 抚恤对象范围且已享受补贴的残疾人，可择高申领其中一类生活补贴（津贴）、护理补贴（津贴） — living vs
/// welfare living, nursing vs welfare nursing; disability compensation only if already received.
mod higher_welfare {
    use super::*;

    fn with_benefits(benefits: Value) -> MonthDecision {
        decide(
            &with(eligible(), |f| f["other_benefits"] = benefits),
            "2024-01",
        )
    }

    #[test]
    fn a_higher_welfare_living_allowance_supersedes_the_living_allowance() {
        let d = with_benefits(json!([benefit(
            "welfare_living_allowance",
            "400",
            "qualified",
            "2020-01-01"
        )]));
        assert_superseded(&d.living, "welfare_living_allowance", "400", "300");
        assert!(cites(&d.living, "higher.welfare"));
        assert_paid(&d.nursing, "200");
        assert!(!cites(&d.nursing, "higher.welfare"));
        assert_eq!(d.total.to_string(), "200");
    }

    #[test]
    fn a_lower_welfare_living_allowance_is_given_up_for_the_living_allowance() {
        let d = with_benefits(json!([benefit(
            "welfare_living_allowance",
            "250",
            "received",
            "2020-01-01"
        )]));
        assert_paid(&d.living, "300");
        assert_eq!(
            gives_up(&d.living),
            json!([{ "kind": "welfare_living_allowance", "monthly_amount": "250" }])
        );
        assert!(cites(&d.living, "higher.welfare"));
    }

    #[test]
    fn a_higher_welfare_nursing_allowance_supersedes_the_nursing_allowance_only() {
        let d = with_benefits(json!([benefit(
            "welfare_nursing_allowance",
            "350",
            "received",
            "2020-01-01"
        )]));
        assert_superseded(&d.nursing, "welfare_nursing_allowance", "350", "200");
        assert!(cites(&d.nursing, "higher.welfare"));
        assert_paid(&d.living, "300");
    }

    #[test]
    fn the_two_choices_are_made_separately() {
        let d = with_benefits(json!([
            benefit("welfare_living_allowance", "400", "received", "2020-01-01"),
            benefit("welfare_nursing_allowance", "100", "received", "2020-01-01"),
        ]));
        assert_superseded(&d.living, "welfare_living_allowance", "400", "300");
        assert_paid(&d.nursing, "200");
        assert_eq!(
            gives_up(&d.nursing),
            json!([{ "kind": "welfare_nursing_allowance", "monthly_amount": "100" }])
        );
    }

    #[test]
    fn disability_compensation_received_and_higher_supersedes() {
        let d = with_benefits(json!([
            benefit(
                "disability_compensation_living",
                "500",
                "received",
                "2020-01-01"
            ),
            benefit(
                "disability_compensation_nursing",
                "260",
                "received",
                "2020-01-01"
            ),
        ]));
        assert_superseded(&d.living, "disability_compensation_living", "500", "300");
        assert_superseded(&d.nursing, "disability_compensation_nursing", "260", "200");
        assert!(cites(&d.living, "higher.welfare"));
        assert!(cites(&d.nursing, "higher.welfare"));
        assert_eq!(d.total.to_string(), "0");
    }

    #[test]
    fn disability_compensation_only_qualified_for_does_not_compete() {
        let d = with_benefits(json!([
            benefit(
                "disability_compensation_living",
                "500",
                "qualified",
                "2020-01-01"
            ),
            benefit(
                "disability_compensation_nursing",
                "260",
                "qualified",
                "2020-01-01"
            ),
        ]));
        assert_paid(&d.living, "300");
        assert_paid(&d.nursing, "200");
        assert_eq!(gives_up(&d.living), json!([]));
        assert_eq!(gives_up(&d.nursing), json!([]));
        assert!(cites(&d.living, "higher.welfare"));
        assert!(cites(&d.nursing, "higher.welfare"));
    }

    #[test]
    fn a_welfare_living_allowance_only_qualified_for_still_competes() {
        let d = with_benefits(json!([benefit(
            "welfare_living_allowance",
            "301",
            "qualified",
            "2020-01-01"
        )]));
        assert_superseded(&d.living, "welfare_living_allowance", "301", "300");
    }

    #[test]
    fn the_highest_competitor_is_the_one_compared() {
        let d = with_benefits(json!([
            benefit("welfare_living_allowance", "320", "qualified", "2020-01-01"),
            benefit(
                "disability_compensation_living",
                "380",
                "received",
                "2020-01-01"
            ),
        ]));
        assert_superseded(&d.living, "disability_compensation_living", "380", "300");
    }

    #[test]
    fn a_welfare_allowance_that_ended_before_the_month_does_not_compete() {
        let mut b = benefit("welfare_living_allowance", "400", "received", "2020-01-01");
        b["to"] = json!("2023-12-31");
        let d = with_benefits(json!([b]));
        assert_paid(&d.living, "300");
        assert_eq!(gives_up(&d.living), json!([]));
    }
}

/// 又符合居家养老服务补贴、高龄津贴条件的残疾老年人，可叠加享受 — these two never reduce either
/// subsidy.
mod stack_elderly {
    use super::*;

    #[test]
    fn elderly_care_service_subsidy_and_advanced_age_allowance_stack_with_both_subsidies() {
        let r = with(eligible(), |f| {
            f["other_benefits"] = json!([
                benefit(
                    "elderly_care_service_subsidy",
                    "500",
                    "received",
                    "2020-01-01"
                ),
                benefit("advanced_age_allowance", "1000", "received", "2020-01-01"),
            ])
        });
        let d = decide(&r, "2024-01");
        assert_paid(&d.living, "300");
        assert_paid(&d.nursing, "200");
        assert_eq!(d.total.to_string(), "500");
        assert_eq!(gives_up(&d.living), json!([]));
        assert_eq!(gives_up(&d.nursing), json!([]));
        assert!(cites(&d.living, "stack.elderly"));
        assert!(cites(&d.nursing, "stack.elderly"));
    }
}

/// 既符合重度残疾人护理补贴条件，又符合居家养老护理补贴条件的残疾老年人，可择高申领其中一类护理补贴 —
/// nursing allowance vs the home-based elderly care nursing subsidy: the higher is chosen.
mod higher_elderly_nursing {
    use super::*;

    fn with_subsidy(amount: &str, status: &str) -> MonthDecision {
        let r = with(eligible(), |f| {
            f["other_benefits"] = json!([benefit(
                "elderly_care_nursing_subsidy",
                amount,
                status,
                "2021-01-01"
            )])
        });
        decide(&r, "2024-01")
    }

    #[test]
    fn a_higher_elderly_care_nursing_subsidy_supersedes_the_nursing_allowance() {
        let d = with_subsidy("300", "qualified");
        assert_superseded(&d.nursing, "elderly_care_nursing_subsidy", "300", "200");
        assert!(cites(&d.nursing, "higher.elderly_nursing"));
    }

    #[test]
    fn it_does_not_compete_with_the_living_allowance() {
        let d = with_subsidy("300", "received");
        assert_paid(&d.living, "300");
        assert!(!cites(&d.living, "higher.elderly_nursing"));
        assert_eq!(d.total.to_string(), "300");
    }

    #[test]
    fn a_lower_elderly_care_nursing_subsidy_is_given_up_for_the_nursing_allowance() {
        let d = with_subsidy("150", "received");
        assert_paid(&d.nursing, "200");
        assert_eq!(
            gives_up(&d.nursing),
            json!([{ "kind": "elderly_care_nursing_subsidy", "monthly_amount": "150" }])
        );
        assert!(cites(&d.nursing, "higher.elderly_nursing"));
    }
}

/// Reading `higher.tie`: on equal amounts keep the benefit already received; a recorded choice
/// of the person is honoured.
mod higher_tie {
    use super::*;

    fn tie(status: &str, choices: Value) -> Resident {
        with(eligible(), |f| {
            f["other_benefits"] = json!([benefit(
                "welfare_living_allowance",
                "300",
                status,
                "2020-01-01"
            )]);
            f["choices"] = choices;
        })
    }

    #[test]
    fn on_equal_amounts_a_received_benefit_is_kept() {
        let d = decide(&tie("received", json!([])), "2024-01");
        assert_superseded(&d.living, "welfare_living_allowance", "300", "300");
        assert!(cites(&d.living, "higher.tie"));
        assert_eq!(
            findings(&d.living, "higher.tie"),
            vec![
                json!({ "what": "tie", "rule": "keep_received", "kept": "other_benefit",
                         "used": { "parameter": "tie_break", "from": "2023-08",
                                   "source": "CLAUSES.md reading higher.tie: the text lets the person choose (可择高申领); on equal amounts keep the benefit already received" } })
            ]
        );
    }

    /// The explanation does not call a tie "the higher": the amounts are equal, and the tie
    /// rule's finding says what decided.
    #[test]
    fn an_explanation_says_equal_amounts_are_equal() {
        use tianjin_disability_subsidies::Language;
        let decision = decide(&tie("received", json!([])), "2024-01");
        let zh = decision.explain(Language::Chinese).to_string();
        // The month's total, written as every other amount is: 合计200元.
        let first_line = zh.lines().next().unwrap_or_default();
        assert!(
            first_line.ends_with("2024-01（tianjin-2023）合计200元"),
            "{zh}"
        );
        let months = schedule(&tie("received", json!([])), "2024-01", "2024-03");
        let zh_months = months.explain(Language::Chinese).to_string();
        let first_line = zh_months.lines().next().unwrap_or_default();
        assert!(
            first_line.ends_with("2024-01至2024-03（tianjin-2023）合计600元"),
            "{zh_months}"
        );
        assert!(
            zh.contains("每月300元，本补贴每月300元：金额相同，保留该待遇"),
            "{zh}"
        );
        assert!(!zh.contains("择高保留该待遇"), "{zh}");
        let en = decision.explain(Language::English).to_string();
        assert!(
            en.contains("300 a month vs the subsidy 300: equal amounts, the other benefit is kept"),
            "{en}"
        );
        let higher = with(eligible(), |f| {
            f["other_benefits"] = json!([benefit(
                "welfare_living_allowance",
                "400",
                "received",
                "2020-01-01"
            )]);
        });
        let zh = decide(&higher, "2024-01")
            .explain(Language::Chinese)
            .to_string();
        assert!(
            zh.contains("每月400元，本补贴每月300元：择高保留该待遇"),
            "{zh}"
        );
    }

    #[test]
    fn on_equal_amounts_a_benefit_only_qualified_for_gives_way_to_the_subsidy() {
        let d = decide(&tie("qualified", json!([])), "2024-01");
        assert_paid(&d.living, "300");
        assert_eq!(
            gives_up(&d.living),
            json!([{ "kind": "welfare_living_allowance", "monthly_amount": "300" }])
        );
        assert!(cites(&d.living, "higher.tie"));
    }

    #[test]
    fn a_recorded_choice_of_the_subsidy_is_honoured_even_against_a_higher_benefit() {
        let r = with(eligible(), |f| {
            f["other_benefits"] = json!([benefit(
                "welfare_living_allowance",
                "400",
                "received",
                "2020-01-01"
            )]);
            f["choices"] = json!([{ "subsidy": "living", "keeps": "subsidy" }]);
        });
        let d = decide(&r, "2024-01");
        assert_paid(&d.living, "300");
        assert!(cites(&d.living, "higher.tie"));
        assert_eq!(
            findings(&d.living, "higher.tie"),
            vec![json!({ "what": "person_chose", "keeps": "subsidy", "fact": "choices[0]" })]
        );
    }

    #[test]
    fn a_recorded_choice_of_the_other_benefit_is_honoured_even_when_it_is_lower() {
        let r = with(eligible(), |f| {
            f["other_benefits"] = json!([benefit(
                "welfare_living_allowance",
                "250",
                "qualified",
                "2020-01-01"
            )]);
            f["choices"] = json!([{ "subsidy": "living", "keeps": "other_benefit" }]);
        });
        let d = decide(&r, "2024-01");
        assert_superseded(&d.living, "welfare_living_allowance", "250", "300");
        assert!(cites(&d.living, "higher.tie"));
        // A choice about the living allowance says nothing about the nursing allowance.
        assert_paid(&d.nursing, "200");
    }

    #[test]
    fn a_choice_holds_from_its_day() {
        let r = tie(
            "received",
            json!([{ "subsidy": "living", "keeps": "subsidy", "from": "2024-05-01" }]),
        );
        assert_superseded(
            &decide(&r, "2024-04").living,
            "welfare_living_allowance",
            "300",
            "300",
        );
        assert_paid(&decide(&r, "2024-05").living, "300");
    }

    /// Regression: the choice with the latest `from` holds, not the last one in the list.
    #[test]
    fn the_most_recent_choice_holds_whatever_the_order_of_the_list() {
        let r = tie(
            "received",
            json!([
                { "subsidy": "living", "keeps": "subsidy", "from": "2024-05-01" },
                { "subsidy": "living", "keeps": "other_benefit", "from": "2024-01-01" }
            ]),
        );
        assert_superseded(
            &decide(&r, "2024-04").living,
            "welfare_living_allowance",
            "300",
            "300",
        );
        assert_paid(&decide(&r, "2024-06").living, "300");
    }

    #[test]
    fn the_prefer_subsidy_variant_pays_the_subsidy_on_equal_amounts() {
        let variant = policy_with(|p| {
            p["parameters"]["tie_break"] = from_august_2023(json!("prefer_subsidy"))
        });
        let d = decide_under(&variant, &tie("received", json!([])), "2024-01");
        assert_paid(&d.living, "300");
        assert_eq!(
            findings(&d.living, "higher.tie"),
            vec![
                json!({ "what": "tie", "rule": "prefer_subsidy", "kept": "subsidy",
                         "used": { "parameter": "tie_break", "from": "2023-08", "source": "test variant" } })
            ]
        );
    }

    #[test]
    fn the_prefer_other_benefit_variant_keeps_the_benefit_on_equal_amounts() {
        let variant = policy_with(|p| {
            p["parameters"]["tie_break"] = from_august_2023(json!("prefer_other_benefit"))
        });
        let d = decide_under(&variant, &tie("qualified", json!([])), "2024-01");
        assert_superseded(&d.living, "welfare_living_allowance", "300", "300");
    }

    #[test]
    fn a_nursing_tie_with_a_received_elderly_care_nursing_subsidy_keeps_it() {
        let r = with(eligible(), |f| {
            f["other_benefits"] = json!([benefit(
                "elderly_care_nursing_subsidy",
                "200",
                "received",
                "2020-01-01"
            )])
        });
        let d = decide(&r, "2024-01");
        assert_superseded(&d.nursing, "elderly_care_nursing_subsidy", "200", "200");
        assert!(cites(&d.nursing, "higher.tie"));
    }

    /// Three equal amounts: the nursing allowance 200, a welfare nursing allowance of 200 only
    /// qualified for (`higher.welfare`) and an elderly-care nursing subsidy of 200 received
    /// (`higher.elderly_nursing`). Of the two competitors the received one is compared ("on
    /// equal amounts … keeping the benefit already being received"), although the welfare
    /// allowance's kind comes first; the policy's `tie_break` is `keep_received`, so it is kept
    /// against the subsidy too. In either order of the list.
    #[test]
    fn of_three_equal_amounts_the_received_elderly_care_nursing_subsidy_is_kept() {
        let welfare = benefit(
            "welfare_nursing_allowance",
            "200",
            "qualified",
            "2020-01-01",
        );
        let elderly = benefit(
            "elderly_care_nursing_subsidy",
            "200",
            "received",
            "2020-01-01",
        );
        for benefits in [
            json!([welfare.clone(), elderly.clone()]),
            json!([elderly.clone(), welfare.clone()]),
        ] {
            let r = with(eligible(), |f| f["other_benefits"] = benefits.clone());
            let d = decide(&r, "2024-01");
            assert_superseded(&d.nursing, "elderly_care_nursing_subsidy", "200", "200");
            assert!(cites(&d.nursing, "higher.tie"), "{benefits}");
            assert_eq!(
                findings(&d.nursing, "higher.tie"),
                vec![
                    json!({ "what": "tie", "rule": "keep_received", "kept": "other_benefit",
                             "used": { "parameter": "tie_break", "from": "2023-08",
                                       "source": "CLAUSES.md reading higher.tie: the text lets the person choose (可择高申领); on equal amounts keep the benefit already received" } })
                ],
                "{benefits}"
            );
            // The living allowance is not in the contest.
            assert_paid(&d.living, "300");
        }
    }
}

/// Reading `higher.monthly`: amounts are compared per month, in CNY, as exact decimals.
mod higher_monthly {
    use super::*;

    fn competing(amount: &str, status: &str) -> MonthDecision {
        let r = with(eligible(), |f| {
            f["other_benefits"] = json!([benefit(
                "welfare_living_allowance",
                amount,
                status,
                "2020-01-01"
            )])
        });
        decide(&r, "2024-01")
    }

    #[test]
    fn one_fen_more_than_300_wins() {
        let d = competing("300.01", "qualified");
        assert_superseded(&d.living, "welfare_living_allowance", "300.01", "300");
        assert!(cites(&d.living, "higher.monthly"));
        assert!(!cites(&d.living, "higher.tie"));
    }

    #[test]
    fn one_fen_less_than_300_loses() {
        let d = competing("299.99", "received");
        assert_paid(&d.living, "300");
        assert_eq!(
            gives_up(&d.living),
            json!([{ "kind": "welfare_living_allowance", "monthly_amount": "299.99" }])
        );
        assert!(cites(&d.living, "higher.monthly"));
    }

    #[test]
    fn three_hundred_point_zero_zero_is_a_tie_with_300() {
        let received = competing("300.00", "received");
        assert_superseded(
            &received.living,
            "welfare_living_allowance",
            "300.00",
            "300",
        );
        assert!(cites(&received.living, "higher.tie"));
        assert_paid(&competing("300.00", "qualified").living, "300");
    }
}
