//! The fixtures several test modules share: months, days and amounts from text, the Tianjin 2023
//! policy (as embedded, or edited as JSON), and a resident who meets every condition of both
//! subsidies.
//!
//! Each helper panics with the text it was given when that text is wrong: a test's input is
//! written by hand, and a mistake in it should say so.

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde_json::{json, Value};
use tianjin_disability_subsidies::{Money, Month, Policy, TIANJIN_2023_JSON};

/// The embedded Tianjin 2023 policy, read once.
pub fn policy() -> &'static Policy {
    static POLICY: OnceLock<Policy> = OnceLock::new();
    POLICY.get_or_init(Policy::tianjin_2023)
}

/// A variant of the Tianjin 2023 policy, edited as JSON and loaded with `Policy::from_json`.
pub fn policy_with(edit: impl FnOnce(&mut Value)) -> Policy {
    let mut json: Value = serde_json::from_str(TIANJIN_2023_JSON).expect("embedded policy is JSON");
    edit(&mut json);
    Policy::from_json(&json.to_string())
        .unwrap_or_else(|e| panic!("test policy does not load: {e}"))
}

/// A month from `YYYY-MM`.
pub fn month(s: &str) -> Month {
    s.parse().unwrap_or_else(|e| panic!("test month {s}: {e}"))
}

/// A day from `YYYY-MM-DD`.
pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap_or_else(|e| panic!("test day {s}: {e}"))
}

/// An amount in CNY from its decimal text, e.g. `"300"` or `"0.01"`.
pub fn money(s: &str) -> Money {
    s.parse().unwrap_or_else(|e| panic!("test amount {s}: {e}"))
}

/// A Tianjin resident (hukou since 1960) with a grade-2 physical disability certificate issued
/// 2020-03-01 without expiry, in a dibao household since 2022-01-01, with nothing else, who
/// applied for both subsidies on 2023-09-12 at a service window: every condition of both
/// subsidies holds from the application on.
pub fn eligible() -> Value {
    json!({
        "id": "R-1",
        "hukou": [{ "place": "tianjin", "from": "1960-05-01" }],
        "certificates": [{ "category": "physical", "grade": 2, "issued": "2020-03-01" }],
        "household_assistance": [{ "kind": "dibao", "from": "2022-01-01" }],
        "orphan_guarantee": [],
        "other_benefits": [],
        "custody": [],
        "applications": [{ "subsidies": ["living", "nursing"], "submitted": "2023-09-12" }]
    })
}

/// An orphan guarantee's care in a child welfare institution (天津市儿童福利院), funded for care
/// or not: the `care` of an `orphan_guarantee` period.
pub fn institution(funded_for_care: bool) -> Value {
    json!({ "kind": "institution", "institution": "天津市儿童福利院", "funded_for_care": funded_for_care })
}
