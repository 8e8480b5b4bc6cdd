//! A test per clause and per reading of `docs/policy/CLAUSES.md` (the `outreach.*` ones aside),
//! each `mod` named after the clause id and quoting its text.
//!
//! Every expected value here is derived by hand from CLAUSES.md and FACTS.md (amounts from
//! 2023-08: living allowance 300 for grade 1-2, 160 for grade 3-4, nursing allowance 200), never
//! copied from the engine's output. Clause ids are written as literal strings so that a search
//! of `tests/` finds every clause.

use serde_json::{json, Value};
use tianjin_disability_subsidies::{
    Error, MonthDecision, Policy, Resident, Schedule, SubsidyDecision,
};
use tianjin_disability_subsidies_support::fixtures::{
    eligible, institution, month, policy, policy_with,
};

/// A dated parameter value for a policy variant: `[{from: 2023-08, value, source}]`.
pub(crate) fn from_august_2023(value: Value) -> Value {
    json!([{ "from": "2023-08", "value": value, "source": "test variant" }])
}

/// A resident read from JSON; panics with the error when the test input is wrong.
pub(crate) fn resident(json: &str) -> Resident {
    Resident::from_json(json).unwrap_or_else(|e| panic!("test resident does not read: {e}"))
}

/// [`eligible`] edited, as a resident.
pub(crate) fn with(mut facts: Value, edit: impl FnOnce(&mut Value)) -> Resident {
    edit(&mut facts);
    resident(&facts.to_string())
}

/// A competing or stacking benefit; welfare-type allowances get a basis.
pub(crate) fn benefit(kind: &str, amount: &str, status: &str, from: &str) -> Value {
    let mut b = json!({ "kind": kind, "monthly_amount": amount, "status": status, "from": from });
    if kind.starts_with("welfare_") {
        b["basis"] = json!("disabled_on_duty");
    }
    b
}

/// The Tianjin 2023 decision for `month`.
pub(crate) fn decide(resident: &Resident, month_: &str) -> MonthDecision {
    decide_under(policy(), resident, month_)
}

pub(crate) fn decide_under(policy: &Policy, resident: &Resident, month_: &str) -> MonthDecision {
    policy
        .decide(resident, month(month_))
        .unwrap_or_else(|e| panic!("deciding {month_}: {e}"))
}

/// The Tianjin 2023 schedule from `first` to `last`.
pub(crate) fn schedule(resident: &Resident, first: &str, last: &str) -> Schedule {
    policy()
        .schedule(resident, month(first), month(last))
        .unwrap_or_else(|e| panic!("schedule {first}..{last}: {e}"))
}

/// Whether the subsidy's reasons cite the clause with this id.
pub(crate) fn cites(decision: &SubsidyDecision, id: &str) -> bool {
    decision.reasons.iter().any(|r| r.clause.id() == id)
}

/// Whether the month's decision as a whole (its own reasons or either subsidy's) cites the id.
pub(crate) fn month_cites(decision: &MonthDecision, id: &str) -> bool {
    decision.clause_ids().iter().any(|c| c.id() == id)
}

/// The findings of the reasons citing `id`, as JSON.
pub(crate) fn findings(decision: &SubsidyDecision, id: &str) -> Vec<Value> {
    decision
        .reasons
        .iter()
        .filter(|r| r.clause.id() == id)
        .map(|r| serde_json::to_value(&r.finding).expect("a finding serializes"))
        .collect()
}

/// The outcome as its JSON: `{"outcome": "paid", "amount": "300", …}`.
pub(crate) fn outcome(decision: &SubsidyDecision) -> Value {
    serde_json::to_value(&decision.outcome).expect("an outcome serializes")
}

/// The competing benefits given up, as JSON.
pub(crate) fn gives_up(decision: &SubsidyDecision) -> Value {
    serde_json::to_value(&decision.gives_up).expect("gives_up serializes")
}

/// Paid `amount` to the person.
#[track_caller]
pub(crate) fn assert_paid(decision: &SubsidyDecision, amount: &str) {
    assert_eq!(decision.outcome.name(), "paid", "{:?}", decision.outcome);
    assert_eq!(decision.amount().to_string(), amount);
    assert_eq!(
        outcome(decision),
        json!({ "outcome": "paid", "amount": amount, "payee": { "kind": "person" } })
    );
}

/// Not paid, with this outcome JSON.
#[track_caller]
pub(crate) fn assert_outcome(decision: &SubsidyDecision, expected: Value) {
    assert_eq!(outcome(decision), expected);
    assert_eq!(decision.amount().to_string(), "0");
}

#[track_caller]
pub(crate) fn assert_stopped(decision: &SubsidyDecision, since: &str, because: &str) {
    assert_eq!(decision.outcome.name(), "stopped");
    assert_outcome(
        decision,
        json!({ "outcome": "stopped", "since": since, "because": because }),
    );
    assert!(cites(decision, "stop.month"));
    assert!(cites(decision, "restart"));
}

#[track_caller]
pub(crate) fn assert_not_eligible(decision: &SubsidyDecision, because: &[&str]) {
    assert_eq!(decision.outcome.name(), "not_eligible");
    assert_outcome(
        decision,
        json!({ "outcome": "not_eligible", "because": because }),
    );
}

#[track_caller]
pub(crate) fn assert_excluded(decision: &SubsidyDecision, by: &str) {
    assert_eq!(decision.outcome.name(), "excluded");
    assert_outcome(decision, json!({ "outcome": "excluded", "by": by }));
}

#[track_caller]
pub(crate) fn assert_superseded(
    decision: &SubsidyDecision,
    by: &str,
    benefit: &str,
    subsidy: &str,
) {
    assert_eq!(decision.outcome.name(), "superseded");
    assert_outcome(
        decision,
        json!({ "outcome": "superseded", "by": by, "benefit_amount": benefit, "subsidy_amount": subsidy }),
    );
}

#[track_caller]
pub(crate) fn assert_not_applied_for(decision: &SubsidyDecision, would_pay: &str) {
    assert_eq!(decision.outcome.name(), "not_applied_for");
    assert_outcome(
        decision,
        json!({ "outcome": "not_applied_for", "would_pay": would_pay }),
    );
}

#[track_caller]
pub(crate) fn assert_undetermined(decision: &SubsidyDecision, missing: &[&str]) {
    assert_eq!(decision.outcome.name(), "undetermined");
    assert_outcome(
        decision,
        json!({ "outcome": "undetermined", "missing": missing }),
    );
}

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

/// Dibao ended 2024-03-15, resumed 2024-06-10; a new living-allowance application 2024-08-20.
pub(crate) fn dibao_break(new_application: bool) -> Resident {
    with(eligible(), |f| {
        f["household_assistance"] = json!([
            { "kind": "dibao", "from": "2022-01-01", "to": "2024-03-15" },
            { "kind": "dibao_edge", "from": "2024-06-10" }
        ]);
        if new_application {
            if let Some(a) = f["applications"].as_array_mut() {
                a.push(json!({ "subsidies": ["living", "nursing"], "submitted": "2024-08-20" }));
            }
        }
    })
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

/// A certificate expiring 2024-01-31 (claim stops from 2024-02) and a renewed one issued
/// 2024-07-15, with a renewal application on 2024-09-10 granting `back_pay` months.
pub(crate) fn renewal(back_pay: u8) -> Value {
    let mut facts = eligible();
    facts["certificates"] = json!([
        { "category": "physical", "grade": 2, "issued": "2019-02-01", "expires": "2024-01-31" },
        { "category": "physical", "grade": 2, "issued": "2024-07-15" }
    ]);
    if let Some(a) = facts["applications"].as_array_mut() {
        a.push(json!({
            "subsidies": ["living", "nursing"],
            "submitted": "2024-09-10",
            "follows_renewed_certificate": true,
            "back_pay_months": back_pay
        }));
    }
    facts
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
