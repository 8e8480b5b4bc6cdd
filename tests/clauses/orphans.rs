//! Orphans: `orphan.living`, `orphan.institution_payee` and `orphan.no_duplicate`
//! (`src/rules/orphans.rs`).

use super::*;

/// An orphan (children's facts): Tianjin hukou, grade-1 intellectual disability, dibao, orphan
/// guarantee of `care` since 2015, applied for both on 2023-09-12.
pub(crate) fn orphan(care: Value) -> Value {
    let mut facts = eligible();
    facts["id"] = json!("C-1");
    facts["hukou"][0]["from"] = json!("2012-06-01");
    facts["certificates"][0] =
        json!({ "category": "intellectual", "grade": 1, "issued": "2016-04-01" });
    facts["orphan_guarantee"] = json!([{ "care": care, "from": "2015-01-01" }]);
    facts
}

/// 享受孤儿基本生活保障政策的残疾儿童不享受困难残疾人生活补贴，可享受重度残疾人护理补贴 — no living
/// allowance; the nursing allowance follows `nursing.eligibility`.
mod orphan_living {
    use super::*;

    #[test]
    fn an_orphan_gets_no_living_allowance_but_the_nursing_allowance() {
        let d = decide(
            &with(orphan(json!({ "kind": "dispersed" })), |_| {}),
            "2024-01",
        );
        assert_excluded(&d.living, "orphan_guarantee");
        assert!(cites(&d.living, "orphan.living"));
        assert_paid(&d.nursing, "200");
        assert!(cites(&d.nursing, "orphan.living"));
        assert!(cites(&d.nursing, "nursing.eligibility"));
    }

    #[test]
    fn the_exclusion_holds_even_when_the_household_has_no_dibao() {
        let r = with(orphan(json!({ "kind": "dispersed" })), |f| {
            f["household_assistance"] = json!([])
        });
        assert_excluded(&decide(&r, "2024-01").living, "orphan_guarantee");
    }

    #[test]
    fn an_orphan_of_grade_3_gets_neither() {
        let r = with(orphan(json!({ "kind": "dispersed" })), |f| {
            f["certificates"][0]["grade"] = json!(3)
        });
        let d = decide(&r, "2024-01");
        assert_excluded(&d.living, "orphan_guarantee");
        assert_not_eligible(&d.nursing, &["grade_not_severe"]);
    }

    #[test]
    fn after_the_guarantee_ends_the_living_allowance_is_due_but_needs_an_application() {
        let r = with(orphan(json!({ "kind": "dispersed" })), |f| {
            f["orphan_guarantee"][0]["to"] = json!("2024-03-10")
        });
        assert_excluded(&decide(&r, "2024-03").living, "orphan_guarantee");
        let d = decide(&r, "2024-04");
        assert_not_applied_for(&d.living, "300");
        assert_paid(&d.nursing, "200");
    }
}

/// 机构集中养育…的护理补贴可直接发放至儿童福利机构，作为残疾孤儿护理费用集中统筹使用 — the nursing
/// allowance of an orphan raised in an institution goes to the institution.
mod orphan_institution_payee {
    use super::*;

    #[test]
    fn the_nursing_allowance_of_an_orphan_in_an_unfunded_institution_is_paid_to_the_institution() {
        let d = decide(&with(orphan(institution(false)), |_| {}), "2024-01");
        assert_eq!(d.nursing.outcome.name(), "paid");
        assert_eq!(d.nursing.amount().to_string(), "200");
        assert_eq!(
            outcome(&d.nursing),
            json!({
                "outcome": "paid",
                "amount": "200",
                "payee": { "kind": "institution", "name": "天津市儿童福利院" }
            })
        );
        assert!(cites(&d.nursing, "orphan.institution_payee"));
        assert_excluded(&d.living, "orphan_guarantee");
        assert_eq!(d.total.to_string(), "200");
    }

    #[test]
    fn a_dispersed_orphan_is_paid_in_person() {
        let d = decide(
            &with(orphan(json!({ "kind": "dispersed" })), |_| {}),
            "2024-01",
        );
        assert_paid(&d.nursing, "200");
        assert!(!cites(&d.nursing, "orphan.institution_payee"));
    }
}

/// 儿童福利机构已纳入相关照料护理类补贴资金保障范围的，不再重复享受 — no nursing allowance for a child
/// whose institution is already funded for care.
mod orphan_no_duplicate {
    use super::*;

    #[test]
    fn an_institution_already_funded_for_care_gets_no_nursing_allowance() {
        let d = decide(&with(orphan(institution(true)), |_| {}), "2024-01");
        assert_excluded(&d.nursing, "institution_funded_for_care");
        assert!(cites(&d.nursing, "orphan.no_duplicate"));
        assert!(!cites(&d.nursing, "orphan.institution_payee"));
        assert_excluded(&d.living, "orphan_guarantee");
        assert_eq!(d.total.to_string(), "0");
    }
}
