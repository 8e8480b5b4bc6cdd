//! A policy exists only through its checks, and each parameter is declared once: every way to a
//! `Policy` decides alike, and every parameter is checked, reformable and named in both
//! languages.

use serde_json::{json, Value};
use tianjin_disability_subsidies::{
    facts::BenefitKind, policy::Parameter, Error, Month, Policy, Reform, Resident,
    TIANJIN_2023_JSON,
};

use tianjin_disability_subsidies_support::fixtures::{eligible, month};

/// A resident receiving `kind` (500 a month, above both subsidies) from 2020, in a dibao
/// household, with an application for both subsidies.
fn receiving(kind: BenefitKind) -> Resident {
    let mut facts = eligible();
    let kind_name = serde_json::to_value(kind).unwrap();
    let mut benefit = json!({ "kind": kind_name, "monthly_amount": "500",
        "status": "received", "from": "2020-01-01" });
    if matches!(
        kind,
        BenefitKind::WelfareLivingAllowance | BenefitKind::WelfareNursingAllowance
    ) {
        benefit["basis"] = json!("disabled_on_duty");
    }
    facts["other_benefits"] = json!([benefit]);
    Resident::from_json(&facts.to_string()).unwrap()
}

/// Finding 1: a policy read through serde had no relations, so every benefit stacked; a
/// resident receiving the work-injury living-care fee was paid the nursing allowance.
#[test]
fn a_policy_read_through_serde_decides_as_the_loaded_one() {
    let loaded = Policy::tianjin_2023();
    let through_serde: Policy = serde_json::from_str(TIANJIN_2023_JSON).unwrap();
    let re_read: Policy = serde_json::from_str(&serde_json::to_string(&loaded).unwrap()).unwrap();
    let again = Policy::from_json(&serde_json::to_string(&loaded).unwrap()).unwrap();
    assert_eq!(through_serde, loaded);
    let m = month("2024-06");
    for kind in BenefitKind::ALL {
        let resident = receiving(kind);
        let expected = loaded.decide(&resident, m).unwrap();
        for (how, policy) in [
            ("serde", &through_serde),
            ("round trip", &re_read),
            ("from_json of the serialized", &again),
        ] {
            assert_eq!(
                policy.decide(&resident, m).unwrap(),
                expected,
                "{kind:?} via {how}"
            );
        }
    }
    // The finding itself: the work-injury fee excludes both subsidies.
    let decision = through_serde
        .decide(&receiving(BenefitKind::WorkInjuryLivingCareFee), m)
        .unwrap();
    assert_eq!(decision.nursing.outcome.name(), "excluded");
    assert_eq!(decision.total.to_string(), "0");
}

/// serde refuses a policy that `from_json` refuses: they run the same checks.
#[test]
fn serde_refuses_what_from_json_refuses() {
    let mut broken: Value = serde_json::from_str(TIANJIN_2023_JSON).unwrap();
    broken["benefit_relations"]
        .as_object_mut()
        .unwrap()
        .remove("advanced_age_allowance");
    let text = broken.to_string();
    assert!(Policy::from_json(&text).is_err());
    let err = serde_json::from_str::<Policy>(&text).unwrap_err();
    assert!(
        err.to_string()
            .contains("expected a relation for every benefit kind"),
        "{err}"
    );
}

/// A policy inside a service's own configuration, read by the crate's reader: one that fails its
/// checks gives the policy's own error, its path inside the configuration, in either language.
#[test]
fn a_policy_inside_a_configuration_keeps_its_error() {
    #[derive(Debug, serde::Deserialize)]
    struct Config {
        #[allow(dead_code)]
        policy: Policy,
    }
    let mut broken: Value = serde_json::from_str(TIANJIN_2023_JSON).unwrap();
    broken["parameters"]["nursing_allowance"] = json!([]);
    let text = json!({ "policy": broken }).to_string();
    let err = tianjin_disability_subsidies::Error::from(
        tianjin_disability_subsidies::json::from_str::<Config>(&text).unwrap_err(),
    );
    assert_eq!(err.path(), Some("policy.parameters.nursing_allowance"));
    assert_eq!(
        err.to_string(),
        "policy policy.parameters.nursing_allowance: expected at least one dated value, found none"
    );
    assert!(
        !err.describe(tianjin_disability_subsidies::Language::Chinese)
            .contains("内容不符合要求"),
        "{}",
        err.describe(tianjin_disability_subsidies::Language::Chinese)
    );
    let config: Config = tianjin_disability_subsidies::json::from_str(
        &json!({ "policy": serde_json::from_str::<Value>(TIANJIN_2023_JSON).unwrap() }).to_string(),
    )
    .expect("the embedded policy reads inside a configuration");
    assert_eq!(config.policy, Policy::tianjin_2023());
}

/// Every parameter is checked at load: an empty list of values for any of them is refused,
/// naming it.
#[test]
fn every_parameter_is_checked() {
    for &parameter in Parameter::ALL {
        let mut json: Value = serde_json::from_str(TIANJIN_2023_JSON).unwrap();
        json["parameters"][parameter.name()] = json!([]);
        let err = Policy::from_json(&json.to_string()).unwrap_err();
        assert_eq!(
            err.path(),
            Some(format!("parameters.{}", parameter.name()).as_str()),
            "{parameter}"
        );
        // Left out, the file is refused too.
        json["parameters"]
            .as_object_mut()
            .unwrap()
            .remove(parameter.name());
        let err = Policy::from_json(&json.to_string()).unwrap_err();
        assert!(
            err.to_string().contains(parameter.name()),
            "{parameter}: {err}"
        );
    }
}

/// Every parameter can be overridden by a reform, with its own value from the embedded policy,
/// and the reformed policy holds the new value from the override's month.
#[test]
fn every_parameter_is_reformable() {
    let base = Policy::tianjin_2023();
    let from = Month::new(2025, 1).unwrap();
    for &parameter in Parameter::ALL {
        let value = base.parameters().values_of(parameter)[0].value.clone();
        let reform = Reform::from_json(
            &json!({ "name": "same", "overrides": [
                { "parameter": parameter.name(), "from": "2025-01", "value": value, "source": "test" }
            ] })
            .to_string(),
        )
        .unwrap();
        let reformed = reform.apply(&base).unwrap();
        let values = reformed.parameters().values_of(parameter);
        assert_eq!(values.len(), 2, "{parameter}");
        assert_eq!(values[1].from, from, "{parameter}");
        assert_eq!(&*values[1].source, "test", "{parameter}");
        assert_eq!(values[1].value, value, "{parameter}");
        // A value of the wrong type is refused for every parameter, at the value.
        let err = Reform::from_json(
            &json!({ "name": "bad", "overrides": [
                { "parameter": parameter.name(), "from": "2025-01", "value": { "nonsense": true }, "source": "test" }
            ] })
            .to_string(),
        )
        .unwrap_err();
        assert!(
            matches!(err, Error::InvalidReform { .. }),
            "{parameter}: {err}"
        );
        assert!(
            err.path()
                .is_some_and(|p| p.starts_with("overrides[0].value")),
            "{parameter}: {err}"
        );
    }
}

/// Every parameter has a name in the file, in Chinese and in English, each distinct.
#[test]
fn every_parameter_is_named_in_both_languages() {
    let mut seen = std::collections::HashSet::new();
    for &parameter in Parameter::ALL {
        for name in [parameter.name(), parameter.name_zh(), parameter.name_en()] {
            assert!(!name.trim().is_empty(), "{parameter:?}");
            assert!(seen.insert(name), "{name} twice");
        }
        assert!(
            parameter
                .name_zh()
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{parameter}"
        );
        assert_eq!(parameter.name().parse::<Parameter>(), Ok(parameter));
        assert_eq!(
            serde_json::to_value(parameter).unwrap(),
            json!(parameter.name())
        );
    }
    // The embedded policy has a value for every parameter, and no other.
    let json: Value = serde_json::from_str(TIANJIN_2023_JSON).unwrap();
    let in_file: Vec<&String> = json["parameters"].as_object().unwrap().keys().collect();
    assert_eq!(in_file.len(), Parameter::ALL.len());
}

/// A parameter's checks hold for a reform's value too (the renewal cap of reading
/// `start.renewal`).
#[test]
fn a_parameters_own_check_applies_to_a_policy_and_to_a_reform() {
    let mut json: Value = serde_json::from_str(TIANJIN_2023_JSON).unwrap();
    json["parameters"]["max_renewal_back_pay_months"][0]["value"] = json!(4);
    let err = Policy::from_json(&json.to_string()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "policy parameters.max_renewal_back_pay_months[0].value: expected at most 3 months (reading start.renewal), found 4"
    );
    let err = Reform::from_json(
        r#"{ "name": "r", "overrides": [{ "parameter": "max_renewal_back_pay_months", "from": "2025-01", "value": 4, "source": "s" }] }"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "reform overrides[0].value: expected at most 3 months (reading start.renewal), found 4"
    );
}
