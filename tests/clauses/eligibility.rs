//! Who: `living.eligibility`, `nursing.eligibility`, `both` and the reading `grade.multiple`
//! (`src/rules/eligibility.rs`); and unknown facts, which leave a subsidy undetermined.

use super::*;

/// 困难残疾人生活补贴对象为天津市户籍、享受天津市最低生活保障、低保边缘家庭（原低收入家庭）待遇中的视力、
/// 听力、言语、肢体、精神、智力和多重残疾人 — Tianjin hukou AND dibao or dibao-edge AND a valid
/// certificate of any of the seven categories, any grade.
mod living_eligibility {
    use super::*;

    #[test]
    fn tianjin_hukou_dibao_and_a_valid_certificate_give_the_living_allowance() {
        let d = decide(&with(eligible(), |_| {}), "2024-01");
        assert_paid(&d.living, "300");
        assert!(cites(&d.living, "living.eligibility"));
    }

    #[test]
    fn hukou_elsewhere_gets_no_living_allowance() {
        let r = with(eligible(), |f| f["hukou"][0]["place"] = json!("elsewhere"));
        let d = decide(&r, "2024-01");
        assert_not_eligible(&d.living, &["no_tianjin_hukou"]);
        assert!(cites(&d.living, "living.eligibility"));
    }

    #[test]
    fn no_hukou_record_at_all_is_no_tianjin_hukou() {
        let r = with(eligible(), |f| f["hukou"] = json!([]));
        assert_not_eligible(&decide(&r, "2024-01").living, &["no_tianjin_hukou"]);
    }

    #[test]
    fn a_household_without_dibao_or_dibao_edge_gets_no_living_allowance() {
        let r = with(eligible(), |f| f["household_assistance"] = json!([]));
        let d = decide(&r, "2024-01");
        assert_not_eligible(&d.living, &["no_household_assistance"]);
        assert!(cites(&d.living, "living.eligibility"));
    }

    #[test]
    fn dibao_that_ended_before_the_application_gives_no_living_allowance() {
        let r = with(eligible(), |f| {
            f["household_assistance"][0]["to"] = json!("2023-06-30")
        });
        assert_not_eligible(&decide(&r, "2024-01").living, &["no_household_assistance"]);
    }

    #[test]
    fn no_certificate_gets_no_living_allowance() {
        let r = with(eligible(), |f| f["certificates"] = json!([]));
        let d = decide(&r, "2024-01");
        assert_not_eligible(&d.living, &["no_valid_certificate"]);
        assert!(cites(&d.living, "living.eligibility"));
    }

    #[test]
    fn an_expired_certificate_gets_no_living_allowance() {
        let r = with(eligible(), |f| {
            f["certificates"][0]["expires"] = json!("2023-06-30")
        });
        assert_not_eligible(&decide(&r, "2024-01").living, &["no_valid_certificate"]);
    }

    #[test]
    fn a_frozen_or_cancelled_certificate_gets_no_living_allowance() {
        for how in ["frozen", "cancelled"] {
            let r = with(eligible(), |f| {
                f["certificates"][0]["withdrawn"] = json!({ "how": how, "on": "2023-05-01" })
            });
            assert_not_eligible(&decide(&r, "2024-01").living, &["no_valid_certificate"]);
        }
    }

    /// The valid certificate `living.eligibility` and `nursing.eligibility` ask for, ended as
    /// `stop.month` reads an end: valid from its issue date through its expiry date (the last
    /// day it held), until the day it is cancelled or frozen (the first day without); the
    /// earlier end wins. One written on its issue day is valid on no day
    /// (`certificate.same_day`: it "never counted").
    #[test]
    fn a_certificate_is_valid_from_its_issue_day_until_its_first_day_without() {
        use tianjin_disability_subsidies::facts::Certificate;
        use tianjin_disability_subsidies_support::fixtures::day;
        let certificate = |edit: Value| -> Certificate {
            let mut c = json!({ "category": "physical", "grade": 2, "issued": "2024-03-01" });
            for (key, value) in edit.as_object().into_iter().flatten() {
                c[key] = value.clone();
            }
            serde_json::from_value(c).expect("a certificate")
        };
        let withdrawn = |on: &str| json!({ "how": "cancelled", "on": on });
        let cases = [
            (json!({}), chrono::NaiveDate::MAX),
            (json!({ "expires": "2024-06-30" }), day("2024-07-01")),
            (
                json!({ "withdrawn": { "how": "frozen", "on": "2024-05-10" } }),
                day("2024-05-10"),
            ),
            (
                json!({ "expires": "2024-06-30", "withdrawn": withdrawn("2024-05-10") }),
                day("2024-05-10"),
            ),
            (
                json!({ "expires": "2024-06-30", "withdrawn": withdrawn("2024-08-01") }),
                day("2024-07-01"),
            ),
            (
                json!({ "expires": "2024-06-30", "withdrawn": withdrawn("2024-07-01") }),
                day("2024-07-01"),
            ),
            (json!({ "expires": "2024-03-01" }), day("2024-03-02")),
            (
                json!({ "withdrawn": withdrawn("2024-03-01") }),
                day("2024-03-01"),
            ),
        ];
        for (edit, first_day_without) in cases {
            let c = certificate(edit.clone());
            assert_eq!(c.first_day_without(), first_day_without, "{edit}");
            let mut on = day("2024-02-28");
            while on <= day("2024-08-05") {
                let expected = day("2024-03-01") <= on && on < first_day_without;
                assert_eq!(c.valid_on(on), expected, "{edit} on {on}");
                on = on.succ_opt().expect("a day");
            }
        }
        // Issued and cancelled the same day: valid on no day, the issue day included.
        let never = certificate(json!({ "withdrawn": withdrawn("2024-03-01") }));
        assert!(!never.valid_on(day("2024-03-01")));
        // Expiring the day it was issued: valid that one day.
        let one_day = certificate(json!({ "expires": "2024-03-01" }));
        assert!(one_day.valid_on(day("2024-03-01")));
        assert!(!one_day.valid_on(day("2024-03-02")));
    }

    #[test]
    fn a_certificate_issued_after_the_month_does_not_count() {
        let r = with(eligible(), |f| {
            f["certificates"][0]["issued"] = json!("2024-02-01")
        });
        assert_not_eligible(&decide(&r, "2024-01").living, &["no_valid_certificate"]);
    }

    #[test]
    fn every_unmet_condition_is_listed() {
        let r = with(eligible(), |f| {
            f["hukou"][0]["place"] = json!("elsewhere");
            f["certificates"] = json!([]);
            f["household_assistance"] = json!([]);
        });
        assert_not_eligible(
            &decide(&r, "2024-01").living,
            &[
                "no_tianjin_hukou",
                "no_valid_certificate",
                "no_household_assistance",
            ],
        );
    }

    #[test]
    fn any_of_the_seven_categories_qualifies_at_any_grade() {
        let categories = [
            "visual",
            "hearing",
            "speech",
            "physical",
            "mental",
            "intellectual",
            "multiple",
        ];
        for category in categories {
            for (grade, amount) in [(1, "300"), (2, "300"), (3, "160"), (4, "160")] {
                let r = with(eligible(), |f| {
                    f["certificates"][0]["category"] = json!(category);
                    f["certificates"][0]["grade"] = json!(grade);
                });
                let d = decide(&r, "2024-01");
                assert_paid(&d.living, amount);
                assert!(cites(&d.living, "living.eligibility"), "{category} {grade}");
            }
        }
    }

    #[test]
    fn chinese_category_names_are_read_too() {
        let r = with(eligible(), |f| {
            f["certificates"][0]["category"] = json!("精神");
            f["certificates"][0]["grade"] = json!(3);
        });
        assert_paid(&decide(&r, "2024-01").living, "160");
    }

    /// The names the crate writes are names it reads: a subsidy's and an assistance kind's
    /// Chinese name reads back as the same value, and the English name is the JSON name spelt
    /// out.
    #[test]
    fn subsidy_and_assistance_names_read_back() {
        use tianjin_disability_subsidies::{facts::AssistanceKind, Subsidy};
        for subsidy in Subsidy::ALL {
            let read: Subsidy = serde_json::from_value(json!(subsidy.name_zh())).unwrap();
            assert_eq!(read, subsidy);
            let json = serde_json::to_value(subsidy).unwrap();
            assert_eq!(
                subsidy.name_en(),
                format!("{} allowance", json.as_str().unwrap())
            );
        }
        for kind in [AssistanceKind::Dibao, AssistanceKind::DibaoEdge] {
            let read: AssistanceKind = serde_json::from_value(json!(kind.name_zh())).unwrap();
            assert_eq!(read, kind);
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(kind.name_en(), json.as_str().unwrap().replace('_', "-"));
        }
    }

    #[test]
    fn a_dibao_edge_household_qualifies_like_a_dibao_household() {
        for kind in ["dibao_edge", "low_income", "低保边缘家庭", "低收入家庭"] {
            let r = with(eligible(), |f| {
                f["household_assistance"][0]["kind"] = json!(kind)
            });
            let d = decide(&r, "2024-01");
            assert_paid(&d.living, "300");
            assert!(cites(&d.living, "living.eligibility"), "{kind}");
        }
    }
}

/// 重度残疾人护理补贴对象为天津市户籍，各残疾类别残疾等级为一、二级的重度残疾人 — Tianjin hukou AND
/// grade 1 or 2 in any category; no income condition.
mod nursing_eligibility {
    use super::*;

    fn graded(grade: u8) -> MonthDecision {
        decide(
            &with(eligible(), |f| f["certificates"][0]["grade"] = json!(grade)),
            "2024-01",
        )
    }

    #[test]
    fn grade_1_gets_the_nursing_allowance() {
        let d = graded(1);
        assert_paid(&d.nursing, "200");
        assert!(cites(&d.nursing, "nursing.eligibility"));
    }

    #[test]
    fn grade_2_gets_the_nursing_allowance() {
        let d = graded(2);
        assert_paid(&d.nursing, "200");
        assert!(cites(&d.nursing, "nursing.eligibility"));
    }

    #[test]
    fn grade_3_gets_no_nursing_allowance() {
        let d = graded(3);
        assert_not_eligible(&d.nursing, &["grade_not_severe"]);
        assert!(cites(&d.nursing, "nursing.eligibility"));
    }

    #[test]
    fn grade_4_gets_no_nursing_allowance() {
        let d = graded(4);
        assert_not_eligible(&d.nursing, &["grade_not_severe"]);
        assert!(cites(&d.nursing, "nursing.eligibility"));
    }

    #[test]
    fn there_is_no_income_condition() {
        let r = with(eligible(), |f| f["household_assistance"] = json!([]));
        let d = decide(&r, "2024-01");
        assert_paid(&d.nursing, "200");
        assert_not_eligible(&d.living, &["no_household_assistance"]);
    }

    #[test]
    fn an_unknown_household_status_does_not_hold_up_the_nursing_allowance() {
        let r = with(eligible(), |f| {
            f.as_object_mut().map(|o| o.remove("household_assistance"));
        });
        let d = decide(&r, "2024-01");
        assert_paid(&d.nursing, "200");
        assert_undetermined(&d.living, &["household_assistance"]);
    }

    #[test]
    fn hukou_elsewhere_gets_no_nursing_allowance() {
        let r = with(eligible(), |f| f["hukou"][0]["place"] = json!("elsewhere"));
        let d = decide(&r, "2024-01");
        assert_not_eligible(&d.nursing, &["no_tianjin_hukou"]);
        assert!(cites(&d.nursing, "nursing.eligibility"));
    }

    #[test]
    fn hukou_elsewhere_and_grade_3_are_both_listed() {
        let r = with(eligible(), |f| {
            f["hukou"][0]["place"] = json!("elsewhere");
            f["certificates"][0]["grade"] = json!(3);
        });
        assert_not_eligible(
            &decide(&r, "2024-01").nursing,
            &["no_tianjin_hukou", "grade_not_severe"],
        );
    }

    #[test]
    fn no_certificate_gets_no_nursing_allowance() {
        let r = with(eligible(), |f| f["certificates"] = json!([]));
        assert_not_eligible(&decide(&r, "2024-01").nursing, &["no_valid_certificate"]);
    }
}

/// 符合条件的残疾人，可同时申领 — both subsidies may be paid to the same person in the same month.
mod both {
    use super::*;

    #[test]
    fn a_severely_disabled_person_in_dibao_gets_both_in_the_same_month() {
        let d = decide(&with(eligible(), |_| {}), "2024-01");
        assert_paid(&d.living, "300");
        assert_paid(&d.nursing, "200");
        assert_eq!(d.total.to_string(), "500");
        assert!(d.reasons.iter().any(|r| r.clause.id() == "both"));
    }

    #[test]
    fn one_subsidy_alone_does_not_cite_both() {
        let d = decide(
            &with(eligible(), |f| f["certificates"][0]["grade"] = json!(3)),
            "2024-01",
        );
        assert_paid(&d.living, "160");
        assert_eq!(d.total.to_string(), "160");
        assert!(!month_cites(&d, "both"));
    }
}

/// Reading `grade.multiple`: 多重残疾按残疾人证所载综合等级认定 — the overall grade counts.
mod grade_multiple {
    use super::*;

    fn multiple(grade: u8) -> MonthDecision {
        let r = with(eligible(), |f| {
            f["certificates"][0]["category"] = json!("multiple");
            f["certificates"][0]["grade"] = json!(grade);
        });
        decide(&r, "2024-01")
    }

    #[test]
    fn multiple_disability_of_overall_grade_1_gets_both() {
        let d = multiple(1);
        assert_paid(&d.living, "300");
        assert_paid(&d.nursing, "200");
        assert!(cites(&d.living, "grade.multiple"));
        assert!(cites(&d.nursing, "grade.multiple"));
    }

    #[test]
    fn multiple_disability_of_overall_grade_3_gets_the_lower_living_allowance_and_no_nursing() {
        let d = multiple(3);
        assert_paid(&d.living, "160");
        assert_not_eligible(&d.nursing, &["grade_not_severe"]);
        assert!(cites(&d.nursing, "grade.multiple"));
    }

    #[test]
    fn a_single_category_certificate_does_not_cite_the_reading() {
        let d = decide(&with(eligible(), |_| {}), "2024-01");
        assert!(!cites(&d.living, "grade.multiple"));
    }
}

/// Unknown is not none: an absent fact group leaves a subsidy undetermined, naming the group;
/// a known failure decides even when another group is unknown.
mod undetermined {
    use super::*;

    fn without(groups: &[&str]) -> Resident {
        with(eligible(), |f| {
            for g in groups {
                f.as_object_mut().map(|o| o.remove(*g));
            }
        })
    }

    #[test]
    fn a_missing_hukou_leaves_both_undetermined() {
        let d = decide(&without(&["hukou"]), "2024-01");
        assert_undetermined(&d.living, &["hukou"]);
        assert_undetermined(&d.nursing, &["hukou"]);
    }

    #[test]
    fn every_missing_group_is_named_and_nursing_does_not_need_household_assistance() {
        let d = decide(&without(&["household_assistance", "custody"]), "2024-01");
        assert_undetermined(&d.living, &["household_assistance", "custody"]);
        assert_undetermined(&d.nursing, &["custody"]);
        let d = decide(&without(&["orphan_guarantee", "other_benefits"]), "2024-01");
        assert_undetermined(&d.living, &["orphan_guarantee", "other_benefits"]);
        assert_undetermined(&d.nursing, &["orphan_guarantee", "other_benefits"]);
    }

    #[test]
    fn an_id_alone_names_every_group_needed() {
        let d = decide(&resident(r#"{ "id": "R-0" }"#), "2024-01");
        assert_undetermined(
            &d.living,
            &[
                "hukou",
                "certificates",
                "household_assistance",
                "orphan_guarantee",
                "other_benefits",
                "custody",
            ],
        );
        assert_undetermined(
            &d.nursing,
            &[
                "hukou",
                "certificates",
                "orphan_guarantee",
                "other_benefits",
                "custody",
            ],
        );
    }

    #[test]
    fn a_known_failure_wins_over_an_unknown_group() {
        let r = with(eligible(), |f| {
            f.as_object_mut().map(|o| o.remove("hukou"));
            f["certificates"][0]["grade"] = json!(3);
        });
        let d = decide(&r, "2024-01");
        assert_not_eligible(&d.nursing, &["grade_not_severe"]);
        assert_undetermined(&d.living, &["hukou"]);
    }

    #[test]
    fn a_known_exclusion_wins_over_an_unknown_group() {
        let r = with(eligible(), |f| {
            f.as_object_mut().map(|o| {
                o.remove("hukou");
                o.remove("household_assistance")
            });
            f["custody"] = json!([{ "kind": "prison", "from": "2023-01-01" }]);
        });
        let d = decide(&r, "2024-01");
        assert_excluded(&d.living, "prison");
        assert_excluded(&d.nursing, "prison");
    }

    #[test]
    fn a_known_failure_of_living_with_unknown_custody_is_not_eligible() {
        let r = with(eligible(), |f| {
            f.as_object_mut().map(|o| o.remove("custody"));
            f["household_assistance"] = json!([]);
        });
        assert_not_eligible(&decide(&r, "2024-01").living, &["no_household_assistance"]);
    }
}
