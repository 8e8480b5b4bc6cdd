//! How much: the reading `amounts` (`src/rules/amounts.rs`); and `income.exempt`, the
//! subsidies never being household income for a means test (`src/income.rs`).

use super::*;

/// 残疾人两项补贴不计入最低生活保障和低保边缘家庭的收入 — the two subsidies are never countable
/// household income.
mod income_exempt {
    use tianjin_disability_subsidies::income::{means_test_income, IncomeLine, IncomeSource};
    use tianjin_disability_subsidies::{Money, Subsidy};

    fn line(source: IncomeSource, amount: &str) -> IncomeLine {
        IncomeLine {
            source,
            monthly_amount: amount.parse::<Money>().expect("test amount"),
        }
    }

    fn other(description: &str) -> IncomeSource {
        IncomeSource::Other {
            description: description.into(),
        }
    }

    #[test]
    fn the_two_subsidies_are_left_out_of_household_income() {
        let income = means_test_income(&[
            line(other("pension"), "1200.50"),
            line(
                IncomeSource::DisabilitySubsidy {
                    subsidy: Subsidy::Living,
                },
                "300",
            ),
            line(
                IncomeSource::DisabilitySubsidy {
                    subsidy: Subsidy::Nursing,
                },
                "200",
            ),
            line(other("wages of a household member"), "800"),
        ]);
        assert_eq!(income.countable.to_string(), "2000.50");
        assert_eq!(income.exempt.to_string(), "500");
        assert_eq!(income.clause.map(|c| c.id()), Some("income.exempt"));
    }

    #[test]
    fn income_without_the_subsidies_is_all_countable_and_cites_nothing() {
        let income = means_test_income(&[line(other("pension"), "1500")]);
        assert_eq!(income.countable.to_string(), "1500");
        assert_eq!(income.exempt.to_string(), "0");
        assert_eq!(income.clause, None);
    }
}

/// Reading `amounts`: from 2023-08, living allowance 300 for grade 1-2 and 160 for grade 3-4,
/// nursing allowance 200; dibao-edge households the same as dibao households.
mod amounts {
    use super::*;

    fn graded(grade: u8, household: &str) -> Resident {
        with(eligible(), |f| {
            f["certificates"][0]["grade"] = json!(grade);
            f["household_assistance"][0]["kind"] = json!(household);
        })
    }

    #[test]
    fn the_living_allowance_is_300_for_grades_1_2_and_160_for_grades_3_4() {
        for (grade, amount) in [(1, "300"), (2, "300"), (3, "160"), (4, "160")] {
            let d = decide(&graded(grade, "dibao"), "2024-01");
            assert_paid(&d.living, amount);
            assert!(cites(&d.living, "amounts"), "grade {grade}");
        }
    }

    #[test]
    fn the_nursing_allowance_is_a_flat_200() {
        for grade in [1, 2] {
            let d = decide(&graded(grade, "dibao"), "2024-01");
            assert_paid(&d.nursing, "200");
            assert!(cites(&d.nursing, "amounts"));
        }
    }

    #[test]
    fn a_dibao_edge_household_gets_the_same_amounts() {
        for (grade, amount) in [(1, "300"), (2, "300"), (3, "160"), (4, "160")] {
            assert_paid(
                &decide(&graded(grade, "dibao_edge"), "2024-01").living,
                amount,
            );
        }
        assert_paid(&decide(&graded(2, "dibao_edge"), "2024-01").nursing, "200");
    }

    #[test]
    fn the_first_month_of_the_policy_already_pays_these_amounts() {
        let r = with(eligible(), |f| {
            f["applications"][0]["submitted"] = json!("2023-08-01")
        });
        let d = decide(&r, "2023-08");
        assert_paid(&d.living, "300");
        assert_paid(&d.nursing, "200");
    }

    #[test]
    fn a_policy_with_lower_dibao_edge_amounts_pays_them_to_dibao_edge_households_only() {
        let variant = policy_with(|p| {
            p["parameters"]["dibao_edge_living_allowance"] =
                from_august_2023(json!({ "amounts": { "grade_1_2": "250", "grade_3_4": "130" } }))
        });
        let edge_2 = decide_under(&variant, &graded(2, "dibao_edge"), "2023-09");
        assert_paid(&edge_2.living, "250");
        assert_paid(&edge_2.nursing, "200");
        assert!(cites(&edge_2.living, "amounts"));
        assert_paid(
            &decide_under(&variant, &graded(3, "dibao_edge"), "2024-01").living,
            "130",
        );
        assert_paid(
            &decide_under(&variant, &graded(2, "dibao"), "2024-01").living,
            "300",
        );
        assert_paid(
            &decide_under(&variant, &graded(4, "dibao"), "2024-01").living,
            "160",
        );
    }

    #[test]
    fn a_dated_new_amount_applies_from_its_month() {
        let variant = policy_with(|p| {
            p["parameters"]["nursing_allowance"] = json!([
                { "from": "2023-08", "value": "200", "source": "FACTS.md" },
                { "from": "2025-01", "value": "230", "source": "test variant" }
            ])
        });
        let r = with(eligible(), |_| {});
        assert_paid(&decide_under(&variant, &r, "2024-12").nursing, "200");
        assert_paid(&decide_under(&variant, &r, "2025-01").nursing, "230");
    }
}
