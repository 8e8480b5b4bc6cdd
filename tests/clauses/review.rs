//! Regressions found in review, each next to the reading it guards.

use super::*;

/// Regressions found in review, each next to the reading it guards.
mod regressions {
    use super::*;

    /// Reading `start.renewal`: "因残疾类别或等级变更而进行残疾人证重新换发、核发期间，按照原标准发放补贴" —
    /// while an old certificate still counts, a back-pay month is paid at its standard, not the new one.
    #[test]
    fn back_pay_months_keep_the_old_standard_while_the_old_certificate_counts() {
        let r = with(eligible(), |f| {
            f["certificates"] = json!([
                { "category": "physical", "grade": 3, "issued": "2019-02-01" },
                { "category": "physical", "grade": 2, "issued": "2024-05-20" }
            ]);
            f["applications"] = json!([{
                "subsidies": ["living", "nursing"], "submitted": "2024-06-10",
                "follows_renewed_certificate": true, "back_pay_months": 3
            }]);
        });
        // 2024-02..04: the grade-3 certificate counted: living at 160, no nursing allowance.
        let march = decide(&r, "2024-03");
        assert_paid(&march.living, "160");
        assert_eq!(march.nursing.outcome.name(), "not_eligible");
        // 2024-05 (issue month, the new certificate only from the 20th): still the old one on the 1st.
        assert_paid(&decide(&r, "2024-05").living, "160");
        // 2024-06, the application's month: the new grade 2.
        let june = decide(&r, "2024-06");
        assert_paid(&june.living, "300");
        assert_paid(&june.nursing, "200");
    }

    /// Reading `start.month`: an application the facts cannot decide is not called a failure.
    #[test]
    fn an_undetermined_application_names_the_facts_needed() {
        let r = with(eligible(), |f| {
            f.as_object_mut().map(|o| o.remove("household_assistance"));
        });
        let d = decide(&r, "2024-01");
        assert_outcome(
            &d.living,
            json!({ "outcome": "undetermined", "missing": ["household_assistance"] }),
        );
        assert_eq!(
            findings(&d.living, "start.month"),
            vec![json!({
                "what": "application_undetermined",
                "submitted": "2023-09-12",
                "missing": ["household_assistance"],
                "fact": "applications[0]"
            })]
        );
        assert_paid(&d.nursing, "200");
    }

    /// Clause `higher.welfare`: a person who would keep a higher competing benefit anyway is not
    /// "entitled but not receiving" (应享未享): the subsidy is superseded.
    #[test]
    fn no_application_and_a_higher_competitor_is_superseded_not_entitled() {
        let r = with(eligible(), |f| {
            f["applications"] = json!([]);
            f["other_benefits"] = json!([benefit(
                "welfare_nursing_allowance",
                "500",
                "received",
                "2015-01-01"
            )]);
        });
        let d = decide(&r, "2024-01");
        assert_outcome(
            &d.nursing,
            json!({ "outcome": "superseded", "by": "welfare_nursing_allowance",
                    "benefit_amount": "500", "subsidy_amount": "200" }),
        );
        assert!(cites(&d.nursing, "higher.welfare"));
        assert_outcome(
            &d.living,
            json!({ "outcome": "not_applied_for", "would_pay": "300" }),
        );
    }
}

/// Regression (review): the month of a refused application is judged on the day it was
/// submitted, so applying on the day of death is not 应享未享.
mod refused_application_month {
    use super::*;

    #[test]
    fn an_application_on_the_day_of_death_is_not_eligible_that_month() {
        let r = with(eligible(), |f| {
            f["died_on"] = json!("2024-03-10");
            f["applications"] =
                json!([{ "subsidies": ["living", "nursing"], "submitted": "2024-03-10" }]);
        });
        let march = decide(&r, "2024-03");
        assert_outcome(
            &march.living,
            json!({ "outcome": "not_eligible", "because": ["died"] }),
        );
        assert_outcome(
            &march.nursing,
            json!({ "outcome": "not_eligible", "because": ["died"] }),
        );
        assert!(cites(&march.living, "stop.month"));
        // Without the application, March (alive on the 1st) is entitled but not receiving.
        let r = with(eligible(), |f| {
            f["died_on"] = json!("2024-03-10");
            f["applications"] = json!([]);
        });
        assert_outcome(
            &decide(&r, "2024-03").living,
            json!({ "outcome": "not_applied_for", "would_pay": "300" }),
        );
    }
}
