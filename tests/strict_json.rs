//! Strict JSON everywhere: an array where an object belongs, and a key written twice, are typed
//! errors naming their JSON path — in facts, roster lines, policies, reforms and case files.
//! serde_json alone accepts both (it fills a struct's fields by position from an array, and the
//! second of two keys replaces the first).

use serde_json::{json, Value};
use tianjin_disability_subsidies::json::JsonProblem;
use tianjin_disability_subsidies::{
    Error, Month, Policy, Reform, Resident, RosterScan, ScanOptions, ScanRecord, TIANJIN_2023_JSON,
};

use tianjin_disability_subsidies_support::fixtures::eligible;

/// `json` read as a resident; it must be refused with a reading error at `path`.
#[track_caller]
fn refused_at(json: &str, path: &str) -> JsonProblem {
    match Resident::from_json(json) {
        Ok(r) => panic!("accepted: {:?}", r.facts()),
        Err(Error::Json {
            path: at, problem, ..
        }) => {
            assert_eq!(at, path, "{problem:?}");
            *problem
        }
        Err(other) => panic!("not a reading error: {other}"),
    }
}

mod arrays_for_objects {
    use super::*;

    /// Finding 3: `["X"]` read as a resident whose id is `X`.
    #[test]
    fn a_resident_written_as_an_array_is_refused() {
        let problem = refused_at(r#"["X"]"#, ".");
        assert!(
            matches!(problem, JsonProblem::WrongType { .. }),
            "{problem:?}"
        );
        let err = Resident::from_json(r#"["X"]"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the whole record: invalid type: sequence, expected struct Facts (line 1, column 1)"
        );
        assert_eq!(
            err.describe(tianjin_disability_subsidies::Language::Chinese),
            "整条记录：填写有误：应为对象，实为数组（第1行，第1列）"
        );
    }

    #[test]
    fn a_certificate_written_as_an_array_is_refused_at_its_path() {
        let mut facts = eligible();
        facts["certificates"] = json!([[null, "physical", 2, "2020-03-01"]]);
        refused_at(&facts.to_string(), "certificates[0]");
    }

    #[test]
    fn an_orphan_guarantee_written_as_an_array_is_refused_at_its_path() {
        let mut facts = eligible();
        facts["orphan_guarantee"] =
            json!([{ "care": ["institution", "X", false], "from": "2015-01-01" }]);
        refused_at(&facts.to_string(), "orphan_guarantee[0].care");
        facts["orphan_guarantee"] = json!([["dispersed", "2015-01-01"]]);
        refused_at(&facts.to_string(), "orphan_guarantee[0]");
    }

    #[test]
    fn an_office_written_as_an_array_is_refused_at_its_path() {
        let mut facts = eligible();
        facts["notifications"] = json!([{ "delivered": "2024-01-05", "form": "phone_call",
            "office": ["civil_affairs", "district"], "recipient": "person" }]);
        refused_at(&facts.to_string(), "notifications[0].office");
    }

    /// A roster line that is an array is rejected and counted, not decided.
    #[test]
    fn a_roster_line_written_as_an_array_is_rejected() {
        let policy = Policy::tianjin_2023();
        let month = Month::new(2025, 6).unwrap();
        let roster = format!("[\"X\"]\n{}\n", eligible());
        let mut rejected = Vec::new();
        let summary = RosterScan::new(&policy, ScanOptions::new(month))
            .unwrap()
            .scan(roster.as_bytes(), |record| {
                if let ScanRecord::Rejected { line, error } = record {
                    rejected.push((line, error));
                }
            })
            .unwrap();
        assert_eq!((summary.decided, summary.rejected), (1, 1));
        assert_eq!(
            rejected,
            [(
                1,
                "the whole record: invalid type: sequence, expected struct Facts (column 1)"
                    .to_owned()
            )]
        );
    }

    /// Review: an income line's source, a tagged enum derived by serde, read from an array
    /// (`["disability_subsidy", "living"]`) as serde's buffering of tagged enums allows. It is
    /// read as one object now, as an orphan's care is.
    #[test]
    fn an_income_source_written_as_an_array_is_refused_at_its_path() {
        use tianjin_disability_subsidies::income::{IncomeLine, IncomeSource};
        use tianjin_disability_subsidies::json::from_str;
        use tianjin_disability_subsidies::Subsidy;
        let line = |source: &str| format!(r#"{{ "source": {source}, "monthly_amount": "200" }}"#);
        let err = from_str::<IncomeLine>(&line(r#"["disability_subsidy", "living"]"#)).unwrap_err();
        assert_eq!(err.path, "source");
        assert!(
            matches!(*err.problem, JsonProblem::WrongType { .. }),
            "{err:?}"
        );
        // Every other problem is a reading error naming its field.
        for (source, path, problem) in [
            (
                r#"{ "kind": "other" }"#,
                "source.description",
                "missing field `description`",
            ),
            (
                r#"{ "kind": "disability_subsidy" }"#,
                "source.subsidy",
                "missing field `subsidy`",
            ),
            (
                r#"{ "kind": "other", "description": "wages", "subsidy": "living" }"#,
                "source",
                "unknown field `subsidy`, expected `kind` or `description`",
            ),
            (
                r#"{ "kind": "disability_subsidy", "subsidy": "living", "description": "x" }"#,
                "source",
                "unknown field `description`, expected `kind` or `subsidy`",
            ),
            (
                r#"{ "kind": "other", "description": null }"#,
                "source.description",
                "invalid type: null",
            ),
            (
                r#"{ "kind": "wages" }"#,
                "source.kind",
                "unknown variant `wages`",
            ),
            (
                r#"{ "kind": "other", "description": "a", "pay": 1 }"#,
                "source.pay",
                "unknown field `pay`",
            ),
        ] {
            let err = from_str::<IncomeLine>(&line(source)).unwrap_err();
            assert_eq!(err.path, path, "{source}: {err}");
            assert!(err.to_string().contains(problem), "{source}: {err}");
        }
        // What reads, and round-trips.
        for source in [
            IncomeSource::DisabilitySubsidy {
                subsidy: Subsidy::Living,
            },
            IncomeSource::Other {
                description: "wages".into(),
            },
        ] {
            let written = serde_json::to_string(&source).unwrap();
            assert_eq!(from_str::<IncomeSource>(&written).unwrap(), source);
        }
        assert_eq!(
            from_str::<IncomeLine>(&line(
                r#"{ "kind": "disability_subsidy", "subsidy": "nursing" }"#
            ))
            .unwrap()
            .source,
            IncomeSource::DisabilitySubsidy {
                subsidy: Subsidy::Nursing
            }
        );
    }

    #[test]
    fn a_policy_relation_written_as_an_array_is_refused() {
        let mut policy: Value = serde_json::from_str(TIANJIN_2023_JSON).unwrap();
        policy["benefit_relations"]["advanced_age_allowance"] = json!(["stacks", "stack.elderly"]);
        let err = Policy::from_json(&policy.to_string()).unwrap_err();
        assert_eq!(err.path(), Some("benefit_relations.advanced_age_allowance"));
        assert!(matches!(err, Error::InvalidPolicy { .. }), "{err}");
    }

    #[test]
    fn a_reform_override_written_as_an_array_is_refused() {
        let err = Reform::from_json(
            r#"{ "name": "r", "overrides": [["nursing_allowance", "2025-01", "230", "s"]] }"#,
        )
        .unwrap_err();
        assert_eq!(err.path(), Some("overrides[0]"));
        assert!(
            err.to_string()
                .contains("invalid type: sequence, expected struct Override"),
            "{err}"
        );
    }
}

mod repeated_keys {
    use super::*;

    /// Finding 2: a second relation for one benefit kind replaced the first, and changed
    /// decisions.
    #[test]
    fn a_benefit_kind_related_twice_in_a_policy_is_refused() {
        let duplicated = TIANJIN_2023_JSON.replacen(
            r#""work_injury_living_care_fee": {"#,
            r#""work_injury_living_care_fee": { "relation": "stacks", "clause": "stack.elderly" },
    "work_injury_living_care_fee": {"#,
            1,
        );
        assert_ne!(duplicated, TIANJIN_2023_JSON);
        let err = Policy::from_json(&duplicated).unwrap_err();
        assert_eq!(
            err.path(),
            Some("benefit_relations.work_injury_living_care_fee")
        );
        assert!(
            err.to_string()
                .starts_with("policy benefit_relations.work_injury_living_care_fee: duplicate key `work_injury_living_care_fee`"),
            "{err}"
        );
        // The same document through serde's own `Deserialize` is refused too.
        assert!(serde_json::from_str::<Policy>(&duplicated).is_err());
    }

    #[test]
    fn a_parameter_written_twice_in_a_policy_is_refused() {
        let duplicated = TIANJIN_2023_JSON.replacen(
            r#""nursing_allowance": ["#,
            r#""nursing_allowance": [{ "from": "2023-08", "value": "999", "source": "s" }],
    "nursing_allowance": ["#,
            1,
        );
        let err = Policy::from_json(&duplicated).unwrap_err();
        assert_eq!(err.path(), Some("parameters.nursing_allowance"));
        assert!(
            err.to_string()
                .contains("duplicate field `nursing_allowance`"),
            "{err}"
        );
    }

    #[test]
    fn a_field_written_twice_in_the_facts_is_refused_at_its_path() {
        let problem = refused_at(
            r#"{ "id": "R-1", "certificates": [{ "category": "visual", "grade": 1, "grade": 4, "issued": "2020-01-01" }] }"#,
            "certificates[0].grade",
        );
        assert_eq!(
            problem,
            JsonProblem::DuplicateField {
                field: "grade".into()
            }
        );
    }

    #[test]
    fn a_key_written_twice_in_a_reform_is_refused() {
        let err = Reform::from_json(
            r#"{ "name": "r", "overrides": [{ "parameter": "nursing_allowance", "parameter": "tie_break",
                "from": "2025-01", "value": "230", "source": "s" }] }"#,
        )
        .unwrap_err();
        assert_eq!(err.path(), Some("overrides[0].parameter"));
        // Inside an override's value too: the value is read strictly.
        let err = Reform::from_json(
            r#"{ "name": "r", "overrides": [{ "parameter": "dibao_edge_living_allowance",
                "from": "2025-01", "value": { "amounts": { "grade_1_2": "250", "grade_1_2": "1", "grade_3_4": "100" } },
                "source": "s" }] }"#,
        )
        .unwrap_err();
        assert_eq!(
            err.path(),
            Some("overrides[0].value.amounts.grade_1_2"),
            "{err}"
        );
    }

    #[test]
    fn a_roster_line_with_a_repeated_field_is_rejected() {
        let policy = Policy::tianjin_2023();
        let month = Month::new(2025, 6).unwrap();
        let mut rejected = Vec::new();
        let summary = RosterScan::new(&policy, ScanOptions::new(month))
            .unwrap()
            .scan(r#"{"id":"A","id":"B"}"#.as_bytes(), |record| {
                if let ScanRecord::Rejected { error, .. } = record {
                    rejected.push(error);
                }
            })
            .unwrap();
        assert_eq!(summary.rejected, 1);
        assert_eq!(rejected, ["id: duplicate field `id` (column 14)"]);
    }
}

/// A whole document saved with a byte-order mark (as editors on Windows do) reads as without one,
/// as a roster's first line does: a resident, a policy, a reform, and the crate's reader for a
/// caller's own types. Only a mark at the very start is skipped; one inside is still refused.
#[test]
fn a_byte_order_mark_before_a_document_is_skipped() {
    let resident = eligible().to_string();
    let with_mark = format!("\u{feff}{resident}");
    assert_eq!(
        Resident::from_json(&with_mark).unwrap().facts(),
        Resident::from_json(&resident).unwrap().facts()
    );
    assert_eq!(
        Resident::from_slice(with_mark.as_bytes()).unwrap().facts(),
        Resident::from_json(&resident).unwrap().facts()
    );
    assert_eq!(
        Policy::from_json(&format!("\u{feff}{TIANJIN_2023_JSON}")).unwrap(),
        Policy::from_json(TIANJIN_2023_JSON).unwrap()
    );
    let reform = include_str!("../examples/data/reforms/living-350.json");
    let policy = Policy::tianjin_2023();
    assert_eq!(
        Reform::from_json(&format!("\u{feff}{reform}"))
            .unwrap()
            .apply(&policy)
            .unwrap(),
        Reform::from_json(reform).unwrap().apply(&policy).unwrap()
    );
    let value: Value = tianjin_disability_subsidies::json::from_str("\u{feff}{\"a\": 1}").unwrap();
    assert_eq!(value, json!({"a": 1}));
    // A mark anywhere else is not JSON.
    assert!(Resident::from_json(&format!(" \u{feff}{resident}")).is_err());
    assert!(Resident::from_json(&format!("\u{feff}\u{feff}{resident}")).is_err());
}
