//! Exact error text for bad input: every message names the JSON path of the field at fault and
//! says what was expected and what was found, so that a service can show it to a caseworker as it
//! is. Then property tests: no input makes the crate panic, and decisions survive JSON.

use serde_json::{json, Value};
use tianjin_disability_subsidies::{
    error::{FactProblem, PolicyProblem, ReformProblem},
    facts::CertificateNumberProblem,
    Error, Money, Month, Policy, Resident, TIANJIN_2023_JSON,
};

// The resident every test breaks in one place, the policy and months come from `clauses`.
use tianjin_disability_subsidies_support::fixtures::{
    eligible, institution, month, policy, policy_with,
};

/// `json` read as a resident; it must be refused.
#[track_caller]
fn refused(json: &str) -> Error {
    match Resident::from_json(json) {
        Ok(r) => panic!("accepted: {:?}", r.facts()),
        Err(e) => e,
    }
}

/// [`eligible`] edited; it must be refused. For errors whose text has no line or column.
#[track_caller]
fn refused_edit(edit: impl FnOnce(&mut Value)) -> Error {
    let mut facts = eligible();
    edit(&mut facts);
    refused(&facts.to_string())
}

/// A JSON error: its path and its full text.
#[track_caller]
fn assert_json_error(err: &Error, path: &str, text: &str) {
    assert!(matches!(err, Error::Json { .. }), "{err:?}");
    assert_eq!(err.path(), Some(path));
    assert_eq!(err.to_string(), text);
}

/// An invalid fact: its path and its full text.
#[track_caller]
fn assert_invalid_fact(err: &Error, path: &str, text: &str) {
    assert!(matches!(err, Error::InvalidFact { .. }), "{err:?}");
    assert_eq!(err.path(), Some(path));
    assert_eq!(err.to_string(), text);
}

/// A valid Tianjin citizen ID's first 17 digits (born 1980-01-01); GB 11643 calls for the check
/// character `2`: the weighted sum 7·1 + 9·2 + 5·1 + 4·1 + 2·1 + 1·9 + 6·8 + 9·1 + 5·1 + 2·1 = 109,
/// 109 mod 11 = 10, and position 10 of `10X98765432` is `2`.
const ID17: &str = "12010119800101001";

mod json_errors {
    use super::*;

    #[test]
    fn grade_5_is_refused_at_its_field() {
        let err = refused(
            r#"{
  "id": "R-1",
  "certificates": [{ "category": "physical", "grade": 5, "issued": "2020-03-01" }]
}"#,
        );
        assert_json_error(
            &err,
            "certificates[0].grade",
            "certificates[0].grade: expected a disability grade from 1 to 4, found 5 (line 3, column 55)",
        );
        assert!(matches!(err, Error::Json { line: 3, .. }));
    }

    #[test]
    fn grade_0_is_refused_too() {
        let err = refused(
            r#"{ "id": "R-1", "certificates": [{ "category": "visual", "grade": 0, "issued": "2020-03-01" }] }"#,
        );
        assert_eq!(
            err.to_string(),
            "certificates[0].grade: expected a disability grade from 1 to 4, found 0 (line 1, column 66)"
        );
    }

    #[test]
    fn a_category_that_does_not_exist_lists_the_seven() {
        let err = refused(
            r#"{
  "id": "R-1",
  "certificates": [{ "category": "chemical", "grade": 2, "issued": "2020-03-01" }]
}"#,
        );
        assert_json_error(
            &err,
            "certificates[0].category",
            "certificates[0].category: unknown variant `chemical`, expected one of `visual`, `视力`, \
             `hearing`, `听力`, `speech`, `言语`, `physical`, `肢体`, `intellectual`, `智力`, `mental`, \
             `精神`, `multiple`, `多重` (line 3, column 43)",
        );
    }

    #[test]
    fn a_negative_amount_is_refused_as_a_string_or_a_number() {
        let err = refused(
            r#"{
  "id": "R-1",
  "other_benefits": [{ "kind": "advanced_age_allowance", "monthly_amount": "-5", "status": "received", "from": "2024-01-01" }]
}"#,
        );
        assert_json_error(
            &err,
            "other_benefits[0].monthly_amount",
            "other_benefits[0].monthly_amount: invalid value: string \"-5\", expected a non-negative \
             amount in yuan, as a string such as \"123.45\" or a whole number (line 3, column 79)",
        );
        let err = refused(
            r#"{
  "id": "R-1",
  "other_benefits": [{ "kind": "advanced_age_allowance", "monthly_amount": -5, "status": "received", "from": "2024-01-01" }]
}"#,
        );
        assert_json_error(
            &err,
            "other_benefits[0].monthly_amount",
            "other_benefits[0].monthly_amount: invalid value: integer `-5`, expected a non-negative \
             amount in yuan, as a string such as \"123.45\" or a whole number (line 3, column 77)",
        );
    }

    #[test]
    fn a_non_numeric_amount_is_refused() {
        // The column counts bytes: "三百" ends at the 79th character but the 83rd byte.
        let err = refused(
            r#"{
  "id": "R-1",
  "other_benefits": [{ "kind": "advanced_age_allowance", "monthly_amount": "三百", "status": "received", "from": "2024-01-01" }]
}"#,
        );
        assert_json_error(
            &err,
            "other_benefits[0].monthly_amount",
            "other_benefits[0].monthly_amount: invalid value: string \"三百\", expected a non-negative \
             amount in yuan, as a string such as \"123.45\" or a whole number (line 3, column 83)",
        );
    }

    #[test]
    fn a_fractional_json_number_amount_is_refused() {
        let err = refused(
            r#"{
  "id": "R-1",
  "other_benefits": [{ "kind": "advanced_age_allowance", "monthly_amount": 300.5, "status": "received", "from": "2024-01-01" }]
}"#,
        );
        assert_json_error(
            &err,
            "other_benefits[0].monthly_amount",
            "other_benefits[0].monthly_amount: invalid value: floating point `300.5`, expected a \
             non-negative amount in yuan, as a string such as \"123.45\" or a whole number (line 3, column 80)",
        );
    }

    #[test]
    fn a_whole_json_number_amount_and_a_decimal_string_are_accepted() {
        for amount in [json!(300), json!("300.50")] {
            let mut facts = eligible();
            facts["other_benefits"] = json!([{
                "kind": "advanced_age_allowance", "monthly_amount": amount,
                "status": "received", "from": "2024-01-01"
            }]);
            assert!(Resident::from_json(&facts.to_string()).is_ok(), "{amount}");
        }
    }

    #[test]
    fn an_unknown_top_level_field_is_refused_with_the_fields_expected() {
        let err = refused(
            r#"{
  "id": "R-1",
  "nmae": "Zhang San"
}"#,
        );
        assert_json_error(
            &err,
            "nmae",
            "nmae: unknown field `nmae`, expected one of `id`, `died_on`, `hukou`, `certificates`, \
             `household_assistance`, `orphan_guarantee`, `other_benefits`, `custody`, `applications`, \
             `choices`, `notifications` (line 3, column 8)",
        );
    }

    #[test]
    fn an_unknown_nested_field_is_refused_at_its_path() {
        let err = refused(
            r#"{
  "id": "R-1",
  "certificates": [{ "category": "physical", "grdae": 2, "issued": "2020-03-01" }]
}"#,
        );
        assert_json_error(
            &err,
            "certificates[0].grdae",
            "certificates[0].grdae: unknown field `grdae`, expected one of `number`, `category`, \
             `grade`, `issued`, `expires`, `withdrawn` (line 3, column 52)",
        );
    }

    #[test]
    fn a_date_that_is_not_a_date_is_refused_at_its_field() {
        let err = refused(
            r#"{
  "id": "R-1",
  "hukou": [{ "place": "tianjin", "from": "yesterday" }]
}"#,
        );
        assert_json_error(
            &err,
            "hukou[0].from",
            "hukou[0].from: invalid value: string \"yesterday\", expected a calendar date as YYYY-MM-DD (line 3, column 53)",
        );
    }

    #[test]
    fn the_30th_of_february_is_refused() {
        let err = refused(
            r#"{
  "id": "R-1",
  "certificates": [{ "category": "physical", "grade": 2, "issued": "2024-02-30" }]
}"#,
        );
        assert_json_error(
            &err,
            "certificates[0].issued",
            "certificates[0].issued: invalid value: string \"2024-02-30\", expected a calendar date as YYYY-MM-DD (line 3, column 79)",
        );
    }

    #[test]
    fn the_29th_of_february_exists_only_in_leap_years() {
        let doc = |date: &str| format!(r#"{{ "id": "R-1", "died_on": "{date}" }}"#);
        assert!(Resident::from_json(&doc("2024-02-29")).is_ok());
        assert_eq!(
            refused(&doc("2023-02-29")).to_string(),
            "died_on: invalid value: string \"2023-02-29\", expected a calendar date as YYYY-MM-DD (line 1, column 38)"
        );
        assert_eq!(
            refused(&doc("2024-13-01")).to_string(),
            "died_on: invalid value: string \"2024-13-01\", expected a calendar date as YYYY-MM-DD (line 1, column 38)"
        );
    }

    #[test]
    fn back_pay_months_beyond_a_byte_are_refused() {
        let err = refused(
            r#"{
  "id": "R-1",
  "applications": [{ "subsidies": ["living"], "submitted": "2024-01-10", "back_pay_months": 256 }]
}"#,
        );
        assert_json_error(
            &err,
            "applications[0].back_pay_months",
            "applications[0].back_pay_months: invalid value: integer `256`, expected 0 to 3 back-pay months (line 3, column 95)",
        );
    }

    /// The crate's limit on back-pay months is one number: what reading a value beyond a byte
    /// expects (in both languages) and the check of a value beyond the limit both name it.
    #[test]
    fn back_pay_months_are_refused_against_one_limit() {
        use tianjin_disability_subsidies::{facts::MAX_BACK_PAY_MONTHS, Language};
        let max = MAX_BACK_PAY_MONTHS;
        let facts = |months: u32| {
            json!({ "id": "R-1", "applications": [{ "subsidies": ["nursing"],
                "submitted": "2024-01-05", "follows_renewed_certificate": true,
                "back_pay_months": months }] })
            .to_string()
        };
        let beyond_a_byte = refused(&facts(300));
        let english = beyond_a_byte.describe_without_position(Language::English);
        let chinese = beyond_a_byte.describe_without_position(Language::Chinese);
        assert!(
            english.contains(&format!("expected 0 to {max} back-pay months")),
            "{english}"
        );
        assert!(
            chinese.contains(&format!("应为0至{max}个月的补发月数")),
            "{chinese}"
        );
        match refused(&facts(u32::from(max) + 1)) {
            Error::InvalidFact { problem, .. } => assert_eq!(
                problem,
                FactProblem::BackPayOutOfRange {
                    max,
                    found: max + 1
                }
            ),
            other => panic!("expected the check's error, got {other:?}"),
        }
        assert!(Resident::from_json(&facts(u32::from(max))).is_ok());
    }

    #[test]
    fn a_subsidy_that_does_not_exist_is_refused() {
        let err = refused(
            r#"{
  "id": "R-1",
  "applications": [{ "subsidies": ["food"], "submitted": "2024-01-10" }]
}"#,
        );
        assert_json_error(
            &err,
            "applications[0].subsidies[0]",
            "applications[0].subsidies[0]: unknown variant `food`, expected one of `living`, \
             `困难残疾人生活补贴`, `生活补贴`, `nursing`, `护理补贴`, `重度残疾人护理补贴` (line 3, column 41)",
        );
    }

    #[test]
    fn a_missing_id_and_malformed_json_are_refused() {
        assert_json_error(
            &refused("{}"),
            "id",
            "id: missing field `id` (line 1, column 2)",
        );
        assert_json_error(
            &refused(r#"{ "id": "R-1", "hukou": [ }"#),
            "hukou[0]",
            "hukou[0]: expected value (line 1, column 27)",
        );
        assert_json_error(
            &refused(""),
            ".",
            "the whole record: EOF while parsing a value (line 1, column 0)",
        );
    }
}

mod invalid_facts {
    use super::*;

    #[test]
    fn a_certificate_that_expires_before_it_was_issued() {
        let err = refused_edit(|f| f["certificates"][0]["expires"] = json!("2019-01-01"));
        assert_invalid_fact(
            &err,
            "certificates[0].expires",
            "certificates[0].expires: the certificate expires on 2019-01-01, before it was issued on 2020-03-01",
        );
        assert!(matches!(
            err,
            Error::InvalidFact {
                problem: FactProblem::ExpiresBeforeIssued { .. },
                ..
            }
        ));
    }

    #[test]
    fn a_certificate_withdrawn_before_it_was_issued() {
        let err = refused_edit(|f| {
            f["certificates"][0]["withdrawn"] = json!({ "how": "cancelled", "on": "2020-02-29" })
        });
        assert_invalid_fact(
            &err,
            "certificates[0].withdrawn.on",
            "certificates[0].withdrawn.on: the certificate is withdrawn on 2020-02-29, before it was issued on 2020-03-01",
        );
    }

    #[test]
    fn a_hukou_period_that_ends_before_it_starts() {
        let err = refused_edit(|f| f["hukou"][0]["to"] = json!("1960-04-30"));
        assert_invalid_fact(
            &err,
            "hukou[0].to",
            "hukou[0].to: expected a date on or after the period's first day, 1960-05-01, found 1960-04-30",
        );
        assert!(matches!(
            err,
            Error::InvalidFact {
                problem: FactProblem::EndsBeforeStart { .. },
                ..
            }
        ));
    }

    #[test]
    fn a_custody_period_that_ends_before_it_starts() {
        let err = refused_edit(|f| {
            f["custody"] = json!([{ "kind": "prison", "from": "2024-01-01", "to": "2023-12-31" }])
        });
        assert_invalid_fact(
            &err,
            "custody[0].to",
            "custody[0].to: expected a date on or after the period's first day, 2024-01-01, found 2023-12-31",
        );
    }

    #[test]
    fn a_benefit_period_that_ends_before_it_starts() {
        let err = refused_edit(|f| {
            f["other_benefits"] = json!([{
                "kind": "advanced_age_allowance", "monthly_amount": "100", "status": "received",
                "from": "2024-01-01", "to": "2023-12-31"
            }])
        });
        assert_invalid_fact(
            &err,
            "other_benefits[0].to",
            "other_benefits[0].to: expected a date on or after the period's first day, 2024-01-01, found 2023-12-31",
        );
    }

    #[test]
    fn assistance_and_orphan_periods_that_end_before_they_start() {
        let err = refused_edit(|f| f["household_assistance"][0]["to"] = json!("2021-12-31"));
        assert_invalid_fact(
            &err,
            "household_assistance[0].to",
            "household_assistance[0].to: expected a date on or after the period's first day, 2022-01-01, found 2021-12-31",
        );
        let err = refused_edit(|f| {
            f["orphan_guarantee"] = json!([{ "care": { "kind": "dispersed" }, "from": "2015-01-01", "to": "2014-12-31" }])
        });
        assert_invalid_fact(
            &err,
            "orphan_guarantee[0].to",
            "orphan_guarantee[0].to: expected a date on or after the period's first day, 2015-01-01, found 2014-12-31",
        );
    }

    #[test]
    fn overlapping_assistance_periods() {
        let err = refused_edit(|f| {
            f["household_assistance"] = json!([
                { "kind": "dibao", "from": "2022-01-01", "to": "2023-06-30" },
                { "kind": "dibao_edge", "from": "2023-06-30" }
            ])
        });
        assert_invalid_fact(
            &err,
            "household_assistance[1]",
            "household_assistance[1]: overlaps household_assistance[0]: a household has one assistance status at a time",
        );
        assert!(matches!(
            err,
            Error::InvalidFact {
                problem: FactProblem::AssistanceOverlap { .. },
                ..
            }
        ));
    }

    #[test]
    fn overlapping_hukou_periods() {
        let err = refused_edit(|f| {
            f["hukou"] = json!([
                { "place": "tianjin", "from": "1960-05-01" },
                { "place": "elsewhere", "from": "2020-01-01", "to": "2021-01-01" }
            ])
        });
        assert_invalid_fact(
            &err,
            "hukou[1]",
            "hukou[1]: overlaps hukou[0]: a person is registered in one place at a time",
        );
    }

    #[test]
    fn adjacent_periods_do_not_overlap() {
        let mut facts = eligible();
        facts["hukou"] = json!([
            { "place": "elsewhere", "from": "1960-05-01", "to": "2019-12-31" },
            { "place": "tianjin", "from": "2020-01-01" }
        ]);
        facts["household_assistance"] = json!([
            { "kind": "dibao", "from": "2022-01-01", "to": "2023-06-29" },
            { "kind": "dibao_edge", "from": "2023-06-30" }
        ]);
        assert!(Resident::from_json(&facts.to_string()).is_ok());
    }

    #[test]
    fn a_certificate_number_with_a_bad_check_character() {
        let err = refused_edit(|f| f["certificates"][0]["number"] = json!(format!("{ID17}042")));
        assert_invalid_fact(
            &err,
            "certificates[0].number",
            "certificates[0].number: the citizen ID's check character should be '2', found '0'",
        );
        assert!(matches!(
            err,
            Error::InvalidFact {
                problem: FactProblem::CertificateNumber(CertificateNumberProblem::CheckDigit {
                    expected: '2',
                    found: '0'
                }),
                ..
            }
        ));
    }

    #[test]
    fn a_certificate_number_of_the_wrong_length() {
        let err = refused_edit(|f| f["certificates"][0]["number"] = json!(format!("{ID17}24")));
        assert_invalid_fact(
            &err,
            "certificates[0].number",
            "certificates[0].number: expected 20 characters (18-digit citizen ID, category digit, grade digit), found 19",
        );
    }

    #[test]
    fn a_certificate_number_whose_category_disagrees_with_the_record() {
        // …12: category 1 (visual), grade 2; the record says physical.
        let err = refused_edit(|f| f["certificates"][0]["number"] = json!(format!("{ID17}212")));
        assert_invalid_fact(
            &err,
            "certificates[0].number",
            "certificates[0].number: the number encodes category visual, but the certificate says physical",
        );
    }

    #[test]
    fn a_certificate_number_whose_grade_disagrees_with_the_record() {
        // …43: physical, grade 3; the record says grade 2.
        let err = refused_edit(|f| f["certificates"][0]["number"] = json!(format!("{ID17}243")));
        assert_invalid_fact(
            &err,
            "certificates[0].number",
            "certificates[0].number: the number encodes grade 3, but the certificate says grade 2",
        );
    }

    #[test]
    fn a_certificate_number_that_agrees_is_accepted() {
        let mut facts = eligible();
        facts["certificates"][0]["number"] = json!(format!("{ID17}242"));
        assert!(Resident::from_json(&facts.to_string()).is_ok());
    }

    #[test]
    fn four_back_pay_months() {
        let err = refused_edit(|f| {
            f["applications"][0]["follows_renewed_certificate"] = json!(true);
            f["applications"][0]["back_pay_months"] = json!(4);
        });
        assert_invalid_fact(
            &err,
            "applications[0].back_pay_months",
            "applications[0].back_pay_months: expected 0 to 3 back-pay months, found 4",
        );
    }

    #[test]
    fn back_pay_without_a_renewed_certificate() {
        let err = refused_edit(|f| f["applications"][0]["back_pay_months"] = json!(2));
        assert_invalid_fact(
            &err,
            "applications[0].back_pay_months",
            "applications[0].back_pay_months: expected no back-pay months: back pay is granted only \
             to an application that follows a renewed certificate",
        );
    }

    #[test]
    fn an_application_naming_no_subsidy() {
        let err = refused_edit(|f| f["applications"][0]["subsidies"] = json!([]));
        assert_invalid_fact(
            &err,
            "applications[0].subsidies",
            "applications[0].subsidies: expected at least one of \"living\" and \"nursing\", found none",
        );
    }

    #[test]
    fn an_empty_or_blank_id() {
        for id in ["", "   "] {
            let err = refused_edit(|f| f["id"] = json!(id));
            assert_invalid_fact(&err, "id", "id: expected a non-empty id");
        }
    }

    #[test]
    fn a_welfare_allowance_without_its_basis() {
        let err = refused_edit(|f| {
            f["other_benefits"] = json!([{
                "kind": "welfare_living_allowance", "monthly_amount": "400",
                "status": "received", "from": "2020-01-01"
            }])
        });
        assert_invalid_fact(
            &err,
            "other_benefits[0].basis",
            "other_benefits[0].basis: expected the basis of a welfare-type allowance (disabled_on_duty, \
             retired_veteran_cadre or other), found none",
        );
    }

    #[test]
    fn overlapping_orphan_guarantee_periods_are_refused() {
        let err = refused_edit(|f| {
            f["orphan_guarantee"] = json!([
                { "care": { "kind": "dispersed" }, "from": "2015-01-01" },
                { "care": { "kind": "institution", "institution": "天津市儿童福利院", "funded_for_care": true },
                  "from": "2016-01-01" }
            ])
        });
        assert_invalid_fact(
            &err,
            "orphan_guarantee[1]",
            "orphan_guarantee[1]: overlaps orphan_guarantee[0]: a child has one orphan guarantee at a time",
        );
    }

    #[test]
    fn a_basis_on_a_benefit_that_is_not_welfare_type() {
        let err = refused_edit(|f| {
            f["other_benefits"] = json!([{
                "kind": "advanced_age_allowance", "basis": "other", "monthly_amount": "100",
                "status": "received", "from": "2020-01-01"
            }])
        });
        assert_invalid_fact(
            &err,
            "other_benefits[0].basis",
            "other_benefits[0].basis: expected no basis: only welfare-type allowances have one",
        );
    }
}

mod other_errors {
    use super::*;

    #[test]
    fn a_month_string_2024_13_is_refused() {
        for bad in ["2024-13", "2024-00", "2024-1", "2024/01"] {
            let err = Error::from(bad.parse::<Month>().unwrap_err());
            assert!(matches!(err, Error::InvalidMonth { .. }));
            assert_eq!(
                err.to_string(),
                format!("expected a month as YYYY-MM, found \"{bad}\"")
            );
            assert_eq!(err.path(), None);
        }
        assert_eq!(
            Month::new(2024, 13).unwrap_err().to_string(),
            "expected a month as YYYY-MM, found \"2024-13\""
        );
    }

    #[test]
    fn a_negative_or_non_numeric_money_string_is_refused() {
        assert_eq!(
            "-5".parse::<Money>().unwrap_err().to_string(),
            "expected a non-negative amount in yuan, found \"-5\""
        );
        assert_eq!(
            "abc".parse::<Money>().unwrap_err().to_string(),
            "expected a non-negative amount in yuan, found \"abc\""
        );
    }

    #[test]
    fn a_schedule_longer_than_a_hundred_years_is_refused() {
        let r = Resident::from_json(&eligible().to_string()).expect("valid");
        // 2023-08 to 2123-07 is exactly 1,200 months: allowed.
        let schedule = policy()
            .schedule(&r, month("2023-08"), month("2123-07"))
            .expect("1,200 months");
        assert_eq!(schedule.months.len(), 1200);
        let err = policy()
            .schedule(&r, month("2023-08"), month("2123-08"))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "range of months too long: 2023-08 to 2123-08 is 1201 months, at most 1200"
        );
        let err = policy()
            .schedule(&r, month("2023-08"), month("9999-12"))
            .unwrap_err();
        assert!(
            matches!(err, Error::RangeTooLong { months: 95717, .. }),
            "{err:?}"
        );
        let reform = policy();
        let err = tianjin_disability_subsidies::Comparer::new(
            reform,
            reform,
            month("2023-08"),
            month("2200-01"),
        )
        .unwrap_err();
        assert!(
            matches!(err, Error::RangeTooLong { max: 1200, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn a_schedule_whose_first_month_is_after_its_last_is_an_empty_range() {
        let r = Resident::from_json(&eligible().to_string()).expect("valid");
        let err = policy()
            .schedule(&r, month("2024-05"), month("2024-04"))
            .unwrap_err();
        assert_eq!(
            err,
            Error::EmptyRange {
                first: month("2024-05"),
                last: month("2024-04")
            }
        );
        assert_eq!(
            err.to_string(),
            "empty range of months: 2024-05 is after 2024-04"
        );
        assert_eq!(err.path(), None);
    }

    #[test]
    fn a_policy_file_with_an_unknown_parameter_name() {
        let mut p: Value = serde_json::from_str(TIANJIN_2023_JSON).expect("embedded policy");
        p["parameters"]["nursing_allowence"] = json!([]);
        let err =
            Policy::from_json(&serde_json::to_string_pretty(&p).expect("serializes")).unwrap_err();
        assert!(matches!(err, Error::InvalidPolicy { .. }), "{err:?}");
        assert_eq!(err.path(), Some("parameters.nursing_allowence"));
        let text = err.to_string();
        assert!(
            text.starts_with(
                "policy parameters.nursing_allowence: unknown field `nursing_allowence`, expected one \
                 of `living_allowance_grade_1_2`, `living_allowance_grade_3_4`, \
                 `dibao_edge_living_allowance`, `nursing_allowance`, `stop_timing`, `tie_break`, \
                 `max_renewal_back_pay_months`, `nursing_allowance_also_for` (line "
            ),
            "{text}"
        );
    }

    #[test]
    fn a_policy_file_with_an_unknown_tie_rule() {
        let policy = r#"{
  "name": "variant", "title": "t", "document": "d",
  "covers": { "from": "2023-08" },
  "parameters": { "tie_break": [{ "from": "2023-08", "value": "coin_flip", "source": "s" }] }
}"#;
        let err = Policy::from_json(policy).unwrap_err();
        assert_eq!(err.path(), Some("parameters.tie_break[0].value"));
        assert_eq!(
            err.to_string(),
            "policy parameters.tie_break[0].value: unknown variant `coin_flip`, expected one of \
             `keep_received`, `prefer_subsidy`, `prefer_other_benefit` (line 4, column 73)"
        );
    }
}

/// Every message in Chinese, for a caseworker: `describe(Language::Chinese)` says the same facts as
/// the English text, and `describe(Language::English)` is the English text.
mod in_chinese {
    use super::*;
    use tianjin_disability_subsidies::json::{Expected, Found, JsonProblem, Shape};
    use tianjin_disability_subsidies::{
        facts::{Category, Grade},
        month::Coverage,
        Language,
    };
    use tianjin_disability_subsidies_support::fixtures::day;

    /// One error of every kind, with its Chinese text.
    fn every_kind() -> Vec<(Error, &'static str)> {
        let fact = |path: &str, problem: FactProblem| Error::InvalidFact {
            path: path.to_owned(),
            problem,
        };
        let number = |problem: CertificateNumberProblem| {
            fact(
                "certificates[0].number",
                FactProblem::CertificateNumber(problem),
            )
        };
        vec![
            (
                Error::Json {
                    path: "certificates[0].grade".into(),
                    problem: Box::new(JsonProblem::WrongValue {
                        found: Found::Unsigned(5),
                        expected: Expected {
                            said: "a disability grade from 1 to 4".into(),
                            shape: Shape::Integer { min: 0, max: 255 },
                        },
                    }),
                    line: 3,
                    column: 55,
                },
                "certificates[0].grade：填写有误：应为1至4级的残疾等级，实为5（第3行，第55列）",
            ),
            (
                Error::InvalidMonth {
                    found: "2024-13".into(),
                },
                "月份应写作 YYYY-MM，实为“2024-13”",
            ),
            (
                Error::InvalidAmount { found: "-5".into() },
                "金额应为不小于零的数（单位：元），实为“-5”",
            ),
            (
                Error::AmountTooLarge {
                    found: "1e30".into(),
                    max: Money::MAX,
                },
                "金额至多1000000000000元，实为“1e30”元",
            ),
            (
                Error::MonthNotCovered {
                    month: month("2023-07"),
                    policy: "tianjin-2023".into(),
                    covers: Coverage {
                        from: month("2023-08"),
                        to: None,
                    },
                },
                "已加载的政策均不适用于2023-07：政策“tianjin-2023”适用于2023-08起的各月",
            ),
            (
                Error::MonthNotCovered {
                    month: month("2026-01"),
                    policy: "variant".into(),
                    covers: Coverage {
                        from: month("2023-08"),
                        to: Some(month("2025-12")),
                    },
                },
                "已加载的政策均不适用于2026-01：政策“variant”适用于2023-08至2025-12的各月",
            ),
            (
                Error::EmptyRange {
                    first: month("2024-05"),
                    last: month("2024-04"),
                },
                "月份范围为空：起始月2024-05晚于终止月2024-04",
            ),
            (
                Error::RangeTooLong {
                    first: month("2023-08"),
                    last: month("2123-08"),
                    months: 1201,
                    max: 1200,
                },
                "月份范围过长：2023-08至2123-08共1201个月，至多1200个月",
            ),
            (
                Error::InvalidReform {
                    path: "changes[0]".into(),
                    problem: ReformProblem::NoSource,
                },
                "改革方案 changes[0]：应注明来源，实际没有",
            ),
            (
                Error::InvalidPolicy {
                    path: "covers".into(),
                    problem: PolicyProblem::NoValues,
                },
                "政策文件 covers：应至少有一个按月份生效的取值，实际没有",
            ),
            (
                fact(
                    "hukou[0].to",
                    FactProblem::EndsBeforeStart {
                        from: day("2024-01-01"),
                        to: day("2023-12-31"),
                    },
                ),
                "hukou[0].to：日期应不早于该时段的起始日2024-01-01，实为2023-12-31",
            ),
            (
                fact(
                    "certificates[0].expires",
                    FactProblem::ExpiresBeforeIssued {
                        issued: day("2020-03-01"),
                        expires: day("2019-03-01"),
                    },
                ),
                "certificates[0].expires：残疾人证的有效期至2019-03-01，早于发证日期2020-03-01",
            ),
            (
                fact(
                    "certificates[0].withdrawn.on",
                    FactProblem::WithdrawnBeforeIssued {
                        issued: day("2020-03-01"),
                        on: day("2020-02-01"),
                    },
                ),
                "certificates[0].withdrawn.on：残疾人证于2020-02-01注销或冻结，早于发证日期2020-03-01",
            ),
            (
                fact(
                    "household_assistance[1]",
                    FactProblem::AssistanceOverlap {
                        other: "household_assistance[0]".into(),
                    },
                ),
                "household_assistance[1]：与household_assistance[0]重叠：一个家庭同一时间只有一种救助身份",
            ),
            (
                fact(
                    "hukou[1]",
                    FactProblem::HukouOverlap {
                        other: "hukou[0]".into(),
                    },
                ),
                "hukou[1]：与hukou[0]重叠：一个人同一时间只在一地登记户籍",
            ),
            (
                fact(
                    "orphan_guarantee[1]",
                    FactProblem::OrphanOverlap {
                        other: "orphan_guarantee[0]".into(),
                    },
                ),
                "orphan_guarantee[1]：与orphan_guarantee[0]重叠：一名儿童同一时间只有一项孤儿保障",
            ),
            (fact("id", FactProblem::EmptyId), "id：编号不能为空"),
            (
                fact("applications[0].subsidies", FactProblem::NoSubsidy),
                "applications[0].subsidies：应至少申请“living”（生活补贴）和“nursing”（护理补贴）之一，实际未填写任何补贴",
            ),
            (
                fact(
                    "applications[0].back_pay_months",
                    FactProblem::BackPayOutOfRange { max: 3, found: 4 },
                ),
                "applications[0].back_pay_months：补发月数应为0至3个月，实为4个月",
            ),
            (
                fact(
                    "applications[0].back_pay_months",
                    FactProblem::BackPayWithoutRenewal,
                ),
                "applications[0].back_pay_months：不应有补发月数：只有换领残疾人证后提出的申请才可补发",
            ),
            (
                fact("other_benefits[0].basis", FactProblem::MissingWelfareBasis),
                "other_benefits[0].basis：福利性补贴应注明依据：“disabled_on_duty”（因公致残）、\
                 “retired_veteran_cadre”（离休干部）或“other”（其他），实为空",
            ),
            (
                fact("other_benefits[0].basis", FactProblem::UnexpectedWelfareBasis),
                "other_benefits[0].basis：不应注明依据：只有福利性补贴才有依据",
            ),
            (
                number(CertificateNumberProblem::WrongLength { found: 19 }),
                "certificates[0].number：残疾人证号应为20位（18位公民身份号码、1位类别码、1位等级码），实为19位",
            ),
            (
                number(CertificateNumberProblem::NotADigit {
                    position: 5,
                    found: 'a',
                }),
                "certificates[0].number：第5位应为数字，实为“a”",
            ),
            (
                number(CertificateNumberProblem::CheckDigit {
                    expected: '2',
                    found: '0',
                }),
                "certificates[0].number：公民身份号码的校验码应为“2”，实为“0”",
            ),
            (
                number(CertificateNumberProblem::BirthDate {
                    found: "19801301".into(),
                }),
                "certificates[0].number：公民身份号码第7至14位应为出生日期，实为“19801301”",
            ),
            (
                number(CertificateNumberProblem::UnknownCategory { found: '8' }),
                "certificates[0].number：第19位应为1至7的类别码，实为“8”",
            ),
            (
                number(CertificateNumberProblem::UnknownGrade { found: '5' }),
                "certificates[0].number：第20位应为1至4的等级码，实为“5”",
            ),
            (
                number(CertificateNumberProblem::CategoryMismatch {
                    in_number: Category::Physical,
                    in_record: Category::Visual,
                }),
                "certificates[0].number：证号显示类别为肢体残疾，但残疾人证记载为视力残疾",
            ),
            (
                number(CertificateNumberProblem::GradeMismatch {
                    in_number: Grade::Two,
                    in_record: Grade::One,
                }),
                "certificates[0].number：证号显示等级为2级，但残疾人证记载为1级",
            ),
        ]
    }

    #[test]
    fn every_kind_of_error_has_its_chinese_text() {
        for (err, chinese) in every_kind() {
            assert_eq!(err.describe(Language::Chinese), chinese, "{err:?}");
        }
    }

    #[test]
    fn in_english_describe_is_the_display_text() {
        for (err, _) in every_kind() {
            assert_eq!(err.describe(Language::English), err.to_string(), "{err:?}");
            if let Error::InvalidFact { problem, .. } = &err {
                assert_eq!(problem.describe(Language::English), problem.to_string());
                // The Chinese text of the error is the path and the problem's Chinese text.
                assert!(err
                    .describe(Language::Chinese)
                    .ends_with(&problem.describe(Language::Chinese)));
            }
        }
    }

    /// Without its position, a reading error is its path and message; every other error is as
    /// `describe` gives it.
    #[test]
    fn a_reading_error_can_be_described_without_its_position_or_in_its_line() {
        let mut reading_errors = 0;
        for (err, chinese) in every_kind() {
            let english = err.describe_without_position(Language::English);
            let without = err.describe_without_position(Language::Chinese);
            match &err {
                Error::Json {
                    path,
                    problem,
                    line,
                    column,
                } => {
                    let message = problem.to_string();
                    reading_errors += 1;
                    assert_eq!(english, format!("{path}: {message}"));
                    assert_eq!(
                        err.to_string(),
                        format!("{english} (line {line}, column {column})")
                    );
                    assert_eq!(
                        chinese,
                        format!("{without}（第{line}行，第{column}列）"),
                        "{err:?}"
                    );
                    // One line of a larger file: its column alone, for a document of one line.
                    let (in_line_en, in_line_zh) = if *line == 1 {
                        (
                            format!("{english} (column {column})"),
                            format!("{without}（第{column}列）"),
                        )
                    } else {
                        (err.to_string(), chinese.to_owned())
                    };
                    assert_eq!(err.describe_in_line(Language::English), in_line_en);
                    assert_eq!(err.describe_in_line(Language::Chinese), in_line_zh);
                }
                _ => {
                    assert_eq!(english, err.to_string());
                    assert_eq!(without, chinese);
                    assert_eq!(err.describe_in_line(Language::English), english);
                    assert_eq!(err.describe_in_line(Language::Chinese), chinese);
                }
            }
        }
        assert!(reading_errors > 0, "every_kind has reading errors");
        // A resident read from one line, as a roster's line is.
        let err = refused(r#"{"id":"R-1","certificates":[{"category":"visual","grade":0}]}"#);
        assert_eq!(
            err.describe_in_line(Language::English),
            "certificates[0].grade: expected a disability grade from 1 to 4, found 0 (column 58)"
        );
        assert_eq!(
            err.describe_in_line(Language::Chinese),
            "certificates[0].grade：填写有误：应为1至4级的残疾等级，实为0（第58列）"
        );
        assert!(err.to_string().ends_with("(line 1, column 58)"), "{err}");
    }

    /// The coverage of a policy that ends, as the policy itself writes it, in Chinese.
    #[test]
    fn a_month_after_a_policy_that_ends_reads_in_chinese() {
        let ending = policy_with(|p| p["covers"]["to"] = json!("2025-12"));
        let r = Resident::from_json(&eligible().to_string()).expect("valid");
        let err = ending.decide(&r, month("2026-01")).unwrap_err();
        assert!(
            err.to_string().ends_with("covers 2023-08 to 2025-12"),
            "{err}"
        );
        assert!(
            err.describe(Language::Chinese)
                .ends_with("适用于2023-08至2025-12的各月"),
            "{}",
            err.describe(Language::Chinese)
        );
    }

    #[test]
    fn errors_the_crate_returns_read_in_chinese() {
        let err = refused_edit(|f| f["certificates"][0]["number"] = json!(format!("{ID17}042")));
        assert_eq!(
            err.describe(Language::Chinese),
            "certificates[0].number：公民身份号码的校验码应为“2”，实为“0”"
        );
        let err = refused(
            r#"{ "id": "R-1", "certificates": [{ "category": "visual", "grade": 0, "issued": "2020-03-01" }] }"#,
        );
        assert_eq!(
            err.describe(Language::Chinese),
            "certificates[0].grade：填写有误：应为1至4级的残疾等级，实为0（第1行，第66列）"
        );
        let r = Resident::from_json(&eligible().to_string()).expect("valid");
        let err = policy().decide(&r, month("2023-07")).unwrap_err();
        assert_eq!(
            err.describe(Language::Chinese),
            "已加载的政策均不适用于2023-07：政策“tianjin-2023”适用于2023-08起的各月"
        );
        // The JSON reader's usual messages, with the crate's own expectations in Chinese.
        let cases = [
            (
                json!({ "id": "R-1", "died_on": "2024-02-30" }),
                "died_on：填写有误：应为写作 YYYY-MM-DD 的日期，实为字符串\"2024-02-30\"",
            ),
            (
                json!({ "id": "R-1", "other_benefits": [{ "kind": "advanced_age_allowance",
                    "monthly_amount": "-5", "status": "received", "from": "2024-01-01" }] }),
                "other_benefits[0].monthly_amount：填写有误：应为不小于零的金额（单位：元），写作字符串\
                 （如“123.45”）或整数，实为字符串\"-5\"",
            ),
            (
                json!({ "id": "R-1", "certificates": [{ "category": "visual", "grade": "two",
                    "issued": "2020-03-01" }] }),
                "certificates[0].grade：填写有误：应为1至4级的残疾等级，实为字符串\"two\"",
            ),
            (
                json!({ "id": "R-1", "certificates": [{ "category": "visual", "grade": 1 }] }),
                "certificates[0].issued：填写有误：缺少字段`issued`",
            ),
            // Each of the crate's own expectations, from a real reading error, and serde's usual
            // forms.
            (
                json!({ "id": "R-1", "applications": [{ "subsidies": ["nursing"],
                    "submitted": "2024-01-05", "back_pay_months": 300 }] }),
                "applications[0].back_pay_months：填写有误：应为0至3个月的补发月数，实为整数`300`",
            ),
            (
                // A quoted value that itself holds ", expected ".
                json!({ "id": "R-1", "died_on": "x, expected y" }),
                "died_on：填写有误：应为写作 YYYY-MM-DD 的日期，实为字符串\"x, expected y\"",
            ),
            (
                json!({ "id": "R-1", "hukou": { "place": "tianjin" } }),
                "hukou：填写有误：应为数组，实为对象",
            ),
            (
                json!({ "id": ["R-1"] }),
                "id：填写有误：应为字符串，实为数组",
            ),
        ];
        for (facts, chinese) in cases {
            let err = refused(&facts.to_string());
            assert_eq!(
                err.describe_without_position(Language::Chinese),
                chinese,
                "{err}"
            );
        }
        let err = refused(r#"{ "id": "R-1", "id": "R-2" }"#);
        let text = err.describe(Language::Chinese);
        assert!(text.contains("字段`id`重复"), "{text}");
        // A month in JSON (policy and reform files), as the reader finds it.
        let err = Error::Json {
            path: "covers.from".into(),
            problem: Box::new(JsonProblem::WrongValue {
                found: Found::Str("2024-13".into()),
                expected: Expected {
                    said: "a month as \"YYYY-MM\"".into(),
                    shape: Shape::Str,
                },
            }),
            line: 1,
            column: 9,
        };
        assert_eq!(
            err.describe(Language::Chinese),
            "covers.from：填写有误：应为写作“YYYY-MM”的月份，实为字符串\"2024-13\"（第1行，第9列）"
        );
        let err = refused(r#"{ "id": "R-1", "#);
        assert_eq!(
            err.describe(Language::Chinese),
            "整条记录：填写有误：JSON 不完整，读到末尾仍未结束（第1行，第15列）"
        );
        let err = "2024/01".parse::<Month>().unwrap_err();
        assert_eq!(
            err.describe(Language::Chinese),
            "月份应写作 YYYY-MM，实为“2024/01”"
        );
    }
}

/// No input makes the crate panic; decisions and schedules survive JSON; a schedule adds up.
mod properties {
    use super::*;
    use proptest::prelude::*;
    use tianjin_disability_subsidies::{MonthDecision, Schedule};

    /// A resident touching most rules: hukou moving out, a renewed certificate later frozen,
    /// a dibao gap, competing, stacking and excluding benefits, prison, a renewal application
    /// with back pay, a dated choice, a death.
    fn rich() -> Value {
        json!({
            "id": "P-1",
            "died_on": "2026-03-15",
            "hukou": [
                { "place": "tianjin", "from": "1960-05-01", "to": "2025-06-30" },
                { "place": "elsewhere", "from": "2025-07-01" }
            ],
            "certificates": [
                { "category": "physical", "grade": 2, "issued": "2019-02-01", "expires": "2024-01-31" },
                { "category": "multiple", "grade": 1, "issued": "2024-07-15",
                  "withdrawn": { "how": "frozen", "on": "2025-09-01" } }
            ],
            "household_assistance": [
                { "kind": "dibao", "from": "2022-01-01", "to": "2024-03-15" },
                { "kind": "dibao_edge", "from": "2024-06-10" }
            ],
            "orphan_guarantee": [],
            "other_benefits": [
                { "kind": "welfare_living_allowance", "basis": "retired_veteran_cadre",
                  "monthly_amount": "300", "status": "received", "from": "2023-01-01", "to": "2024-12-31" },
                { "kind": "elderly_care_nursing_subsidy", "monthly_amount": "200.5",
                  "status": "qualified", "from": "2024-03-01" },
                { "kind": "work_injury_living_care_fee", "monthly_amount": "900",
                  "status": "qualified", "from": "2024-01-01" }
            ],
            "custody": [{ "kind": "prison", "from": "2025-01-10", "to": "2025-03-31" }],
            "applications": [
                { "subsidies": ["living", "nursing"], "submitted": "2023-09-12", "channel": "online" },
                { "subsidies": ["living"], "submitted": "2024-09-10",
                  "follows_renewed_certificate": true, "back_pay_months": 3 }
            ],
            "choices": [{ "subsidy": "living", "keeps": "subsidy", "from": "2024-06-01" }]
        })
    }

    const DATES: &[&str] = &[
        "/died_on",
        "/hukou/0/from",
        "/hukou/0/to",
        "/hukou/1/from",
        "/certificates/0/issued",
        "/certificates/0/expires",
        "/certificates/1/issued",
        "/certificates/1/withdrawn/on",
        "/household_assistance/0/from",
        "/household_assistance/0/to",
        "/household_assistance/1/from",
        "/other_benefits/0/from",
        "/other_benefits/0/to",
        "/other_benefits/1/from",
        "/other_benefits/2/to",
        "/custody/0/from",
        "/custody/0/to",
        "/applications/0/submitted",
        "/applications/1/submitted",
        "/choices/0/from",
    ];

    const DROPPABLE: &[&str] = &[
        "/id",
        "/died_on",
        "/hukou",
        "/hukou/1",
        "/certificates",
        "/certificates/0",
        "/certificates/0/expires",
        "/certificates/0/category",
        "/certificates/1/withdrawn",
        "/household_assistance",
        "/household_assistance/0",
        "/orphan_guarantee",
        "/other_benefits",
        "/other_benefits/0",
        "/other_benefits/0/basis",
        "/custody",
        "/custody/0/to",
        "/applications",
        "/applications/0",
        "/applications/1/follows_renewed_certificate",
        "/choices",
    ];

    /// Fields with a closed set of values, and values to try (some wrong on purpose).
    fn enums() -> Vec<(&'static str, Vec<Value>)> {
        vec![
            (
                "/hukou/1/place",
                vec![json!("tianjin"), json!("elsewhere"), json!("mars")],
            ),
            (
                "/certificates/0/category",
                vec![json!("multiple"), json!("mental"), json!("多重")],
            ),
            (
                "/household_assistance/1/kind",
                vec![json!("dibao"), json!("low_income"), json!(7)],
            ),
            (
                "/orphan_guarantee",
                vec![
                    json!([{ "care": { "kind": "dispersed" }, "from": "2024-02-01" }]),
                    json!([{ "care": institution(false), "from": "2015-01-01", "to": "2024-05-31" }]),
                    json!([{ "care": institution(true), "from": "2023-10-10" }]),
                ],
            ),
            (
                "/other_benefits/0/status",
                vec![json!("qualified"), json!("received")],
            ),
            (
                "/other_benefits/2/status",
                vec![json!("received"), json!("maybe")],
            ),
            (
                "/other_benefits/1/kind",
                vec![
                    json!("advanced_age_allowance"),
                    json!("disability_compensation_nursing"),
                    json!("extreme_poverty_support"),
                ],
            ),
            (
                "/custody/0/kind",
                vec![
                    json!("detention"),
                    json!("suspended_sentence"),
                    json!("serving_outside_prison"),
                ],
            ),
            (
                "/applications/1/follows_renewed_certificate",
                vec![json!(false), json!(true)],
            ),
            (
                "/applications/1/back_pay_months",
                vec![json!(0), json!(2), json!(4), json!(-1)],
            ),
            (
                "/applications/0/subsidies",
                vec![json!([]), json!(["nursing"]), json!(["护理补贴"])],
            ),
            (
                "/applications/0/channel",
                vec![json!("cross_province"), json!("fax")],
            ),
            (
                "/choices/0/keeps",
                vec![json!("other_benefit"), json!("subsidy")],
            ),
            ("/choices/0/subsidy", vec![json!("nursing")]),
            (
                "/certificates/1/withdrawn/how",
                vec![json!("cancelled"), json!("lost")],
            ),
        ]
    }

    #[derive(Debug, Clone)]
    enum Mutation {
        Set(String, Value),
        Drop(String),
    }

    fn date() -> impl Strategy<Value = Value> {
        prop_oneof![
            6 => (2015i32..2028, 1u32..=12, 1u32..=28)
                .prop_map(|(y, m, d)| json!(format!("{y:04}-{m:02}-{d:02}"))),
            2 => (2015i32..2028, 1u32..=12, 29u32..=31)
                .prop_map(|(y, m, d)| json!(format!("{y:04}-{m:02}-{d:02}"))),
            1 => "[0-9-]{0,12}".prop_map(Value::from),
            1 => Just(json!(20240101)),
        ]
    }

    fn amount() -> impl Strategy<Value = Value> {
        prop_oneof![
            "[0-9]{1,4}(\\.[0-9]{1,3})?".prop_map(Value::from),
            (0u32..2000).prop_map(Value::from),
            Just(json!("-1")),
            Just(json!(12.5)),
            Just(json!("1e3")),
            Just(json!("")),
        ]
    }

    fn mutation() -> impl Strategy<Value = Mutation> {
        let enum_paths = enums().len();
        prop_oneof![
            4 => (prop::sample::select(DATES), date())
                .prop_map(|(p, v)| Mutation::Set(p.to_owned(), v)),
            2 => (0usize..2, prop_oneof![3 => 1u8..=4, 1 => 0u8..10]).prop_map(|(i, g)| {
                Mutation::Set(format!("/certificates/{i}/grade"), json!(g))
            }),
            2 => (0usize..3, amount()).prop_map(|(i, v)| {
                Mutation::Set(format!("/other_benefits/{i}/monthly_amount"), v)
            }),
            2 => prop::sample::select(DROPPABLE).prop_map(|p| Mutation::Drop(p.to_owned())),
            3 => (0..enum_paths, any::<prop::sample::Index>()).prop_map(move |(i, pick)| {
                let (path, values) = &enums()[i];
                Mutation::Set((*path).to_owned(), pick.get(values).clone())
            }),
        ]
    }

    fn split(pointer: &str) -> (&str, &str) {
        pointer.rsplit_once('/').unwrap_or(("", pointer))
    }

    fn apply(facts: &mut Value, mutation: &Mutation) {
        match mutation {
            Mutation::Set(pointer, value) => {
                let (parent, key) = split(pointer);
                match facts.pointer_mut(parent) {
                    Some(Value::Object(o)) => {
                        o.insert(key.to_owned(), value.clone());
                    }
                    Some(Value::Array(a)) => {
                        if let Some(slot) = key.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                            *slot = value.clone();
                        }
                    }
                    _ => {}
                }
            }
            Mutation::Drop(pointer) => {
                let (parent, key) = split(pointer);
                match facts.pointer_mut(parent) {
                    Some(Value::Object(o)) => {
                        o.remove(key);
                    }
                    Some(Value::Array(a)) => {
                        if let Some(i) = key.parse::<usize>().ok().filter(|&i| i < a.len()) {
                            a.remove(i);
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    /// The months the property tests decide: 2023-08 to 2026-12.
    fn months() -> Vec<Month> {
        month("2023-08").through(month("2026-12")).collect()
    }

    #[track_caller]
    fn round_trips_decision(d: &MonthDecision) {
        let text = serde_json::to_string(d).expect("a decision serializes");
        let back: MonthDecision = serde_json::from_str(&text).expect("a decision reads back");
        assert_eq!(&back, d);
    }

    #[track_caller]
    fn round_trips_schedule(s: &Schedule) {
        let text = serde_json::to_string(s).expect("a schedule serializes");
        let back: Schedule = serde_json::from_str(&text).expect("a schedule reads back");
        assert_eq!(&back, s);
    }

    #[track_caller]
    fn adds_up(s: &Schedule) {
        let sum: Money = s.months.iter().map(|m| m.total).sum();
        assert_eq!(s.total, sum);
        assert_eq!(s.total, s.living.total + s.nursing.total);
        for m in &s.months {
            assert_eq!(m.total, m.living.amount() + m.nursing.amount());
        }
    }

    /// Residents of the clause tests, for the round trips.
    fn push_application(facts: &mut Value, application: Value) {
        if let Some(a) = facts["applications"].as_array_mut() {
            a.push(application);
        }
    }

    fn residents() -> Vec<Resident> {
        let edited = |edit: &dyn Fn(&mut Value)| {
            let mut facts = eligible();
            edit(&mut facts);
            Resident::from_json(&facts.to_string()).expect("valid")
        };
        let orphan = |care: Value| {
            move |f: &mut Value| {
                f["certificates"][0] =
                    json!({ "category": "intellectual", "grade": 1, "issued": "2016-04-01" });
                f["orphan_guarantee"] = json!([{ "care": care.clone(), "from": "2015-01-01" }]);
            }
        };
        vec![
            edited(&|_| {}),
            Resident::from_json(&rich().to_string()).expect("valid"),
            edited(&orphan(institution(false))),
            edited(&orphan(institution(true))),
            // Renewal with back pay after an expired certificate.
            edited(&|f| {
                f["certificates"] = json!([
                    { "category": "physical", "grade": 3, "issued": "2019-02-01", "expires": "2024-01-31" },
                    { "category": "physical", "grade": 2, "issued": "2024-07-15" }
                ]);
                push_application(
                    f,
                    json!({
                        "subsidies": ["living", "nursing"], "submitted": "2024-09-10",
                        "follows_renewed_certificate": true, "back_pay_months": 3
                    }),
                );
            }),
            // A dibao gap and a new application.
            edited(&|f| {
                f["household_assistance"] = json!([
                    { "kind": "dibao", "from": "2022-01-01", "to": "2024-03-15" },
                    { "kind": "dibao_edge", "from": "2024-06-10" }
                ]);
                push_application(
                    f,
                    json!({ "subsidies": ["living"], "submitted": "2024-08-20" }),
                );
            }),
            // Prison, release and a new application.
            edited(&|f| {
                f["custody"] =
                    json!([{ "kind": "prison", "from": "2024-06-20", "to": "2024-12-10" }]);
                push_application(
                    f,
                    json!({ "subsidies": ["living", "nursing"], "submitted": "2025-02-15" }),
                );
            }),
            // A tie kept, a stacking benefit, custody unknown.
            edited(&|f| {
                f["other_benefits"] = json!([
                    { "kind": "welfare_living_allowance", "basis": "other", "monthly_amount": "300",
                      "status": "received", "from": "2020-01-01" },
                    { "kind": "advanced_age_allowance", "monthly_amount": "100",
                      "status": "received", "from": "2020-01-01" }
                ]);
                f.as_object_mut().map(|o| o.remove("custody"));
            }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_string_is_read_or_refused_without_panicking(text in any::<String>()) {
            let _ = Resident::from_json(&text);
        }

        #[test]
        fn a_damaged_valid_document_is_read_or_refused_without_panicking(
            cut in any::<prop::sample::Index>(),
            insert in any::<prop::sample::Index>(),
            junk in "[{}\\[\\]\":,0-9a-z\\- ]{0,3}",
        ) {
            let text = rich().to_string();
            let chars: Vec<char> = text.chars().collect();
            let at = insert.index(chars.len());
            let damaged: String = chars[..at].iter().copied().chain(junk.chars())
                .chain(chars[at..].iter().copied()).collect();
            let _ = Resident::from_json(&damaged);
            let truncated: String = chars[..cut.index(chars.len())].iter().collect();
            prop_assert!(Resident::from_json(&truncated).is_err());
        }

        #[test]
        fn mutated_residents_never_panic_and_their_schedules_add_up(
            mutations in prop::collection::vec(mutation(), 1..5),
            first in 0usize..41,
            length in 0usize..41,
        ) {
            let mut facts = rich();
            for m in &mutations {
                apply(&mut facts, m);
            }
            let Ok(resident) = Resident::from_json(&facts.to_string()) else {
                return Ok(());
            };
            let all = months();
            let last = all[(first + length).min(all.len() - 1)];
            let first = all[first];
            let s = policy().schedule(&resident, first, last).expect("covered, non-empty range");
            adds_up(&s);
            prop_assert_eq!(s.months.len(), first.through(last).count());
            for d in &s.months {
                // A schedule's month is the month's own decision.
                prop_assert_eq!(&policy().decide(&resident, d.month).expect("covered"), d);
                prop_assert!(!d.explain(tianjin_disability_subsidies::Language::Chinese).to_string().is_empty());
            }
            round_trips_schedule(&s);
        }

        #[test]
        fn decisions_and_schedules_round_trip_through_json(
            which in 0usize..8,
            at in 0usize..41,
        ) {
            let residents = residents();
            let resident = &residents[which % residents.len()];
            let m = months()[at];
            let d = policy().decide(resident, m).expect("covered");
            round_trips_decision(&d);
            let s = policy().schedule(resident, month("2023-08"), m).expect("covered");
            round_trips_schedule(&s);
            adds_up(&s);
        }
    }
}

/// Regression (review): a grade written as a string says what a grade is, not a Rust type.
#[test]
fn a_grade_written_as_a_string_says_what_a_grade_is() {
    let err = Resident::from_json(
        r#"{"id":"R","certificates":[{"category":"physical","grade":"1","issued":"2020-01-01"}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "certificates[0].grade: invalid type: string \"1\", expected a disability grade from 1 to 4 (line 1, column 60)"
    );
}

/// Regression (review): text after the resident's JSON is refused, not silently dropped (two
/// records on one roster line would otherwise lose the second).
#[test]
fn trailing_text_after_the_json_is_refused() {
    for (json, column) in [
        (r#"{"id":"X"} {"id":"Y"}"#, 12),
        (r#"{"id":"X"}garbage"#, 11),
    ] {
        let err = Resident::from_json(json).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("the whole record: trailing characters (line 1, column {column})"),
            "{json}"
        );
    }
}

/// Money is yuan and fen (finding 8): an amount with a fraction of a fen is refused, naming its
/// path, in facts, in policies and in reforms (`"12.345"` had been paid as 312.345).
mod fractions_of_a_fen {
    use super::*;
    use tianjin_disability_subsidies::Reform;

    #[test]
    fn in_the_facts() {
        let err = refused_edit(|f| {
            f["other_benefits"] = json!([{ "kind": "advanced_age_allowance",
                "monthly_amount": "12.345", "status": "received", "from": "2024-01-01" }])
        });
        assert_eq!(err.path(), Some("other_benefits[0].monthly_amount"));
        assert!(
            err.to_string().starts_with(
                "other_benefits[0].monthly_amount: expected an amount in yuan with at most two decimal places (fen), found 12.345"
            ),
            "{err}"
        );
        assert!(
            err.describe(tianjin_disability_subsidies::Language::Chinese)
                .contains("应为至多两位小数（精确到分）的金额，实为12.345"),
            "{}",
            err.describe(tianjin_disability_subsidies::Language::Chinese)
        );
    }

    #[test]
    fn in_a_policy() {
        let mut json: Value = serde_json::from_str(TIANJIN_2023_JSON).unwrap();
        json["parameters"]["nursing_allowance"][0]["value"] = json!("200.001");
        let err = Policy::from_json(&json.to_string()).unwrap_err();
        assert_eq!(err.path(), Some("parameters.nursing_allowance[0].value"));
    }

    #[test]
    fn in_a_reform() {
        let err = Reform::from_json(
            r#"{ "name": "r", "overrides": [{ "parameter": "nursing_allowance", "from": "2025-01", "value": "230.005", "source": "s" }] }"#,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "reform overrides[0].value: expected an amount in yuan with at most two decimal places (fen), found 230.005"
        );
    }

    #[test]
    fn trailing_zeros_are_fen_still() {
        let r = Resident::from_json(
            &{
                let mut f = eligible();
                f["other_benefits"] = json!([{ "kind": "advanced_age_allowance",
                    "monthly_amount": "12.300", "status": "received", "from": "2024-01-01" }]);
                f
            }
            .to_string(),
        )
        .unwrap();
        let benefits = r.facts().other_benefits.as_ref().unwrap();
        assert_eq!(benefits[0].monthly_amount.to_string(), "12.30");
    }
}
