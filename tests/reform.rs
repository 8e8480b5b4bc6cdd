//! Reforms: the bundled reforms (`examples/data/reforms/*.json`) costed over a small hand-written
//! population, the load-time checks of reform and policy files with their exact messages, and one
//! resident compared side by side.
//!
//! Every figure is worked out by hand from the residents' facts, CLAUSES.md (readings `amounts`,
//! `start.month`, `stop.month`, `restart`, clause `higher.welfare`) and the reform files; the
//! comments show the working. The range is 2025-01 to 2025-12 throughout; every reform starts in
//! 2025-01.

use rust_decimal::Decimal;
use serde_json::{json, Value};
use tianjin_disability_subsidies::{
    facts::{Category, Grade, Subsidy},
    reform::{Cost, Household, Movers},
    ClauseId, Comparer, Comparison, Error, Money, Month, Outcome, Policy, Reform, Resident,
    RosterScan, ScanOptions, ScanRecord, TIANJIN_2023_JSON,
};
use tianjin_disability_subsidies_support::fixtures::{money, month};

const LIVING_350: &str = include_str!("../examples/data/reforms/living-350.json");
const DIBAO_EDGE_LESS: &str = include_str!("../examples/data/reforms/dibao-edge-less.json");
const NURSING_GRADE_3: &str =
    include_str!("../examples/data/reforms/nursing-grade-3-intellectual-mental.json");
const SAME_MONTH_STOP: &str = include_str!("../examples/data/reforms/same-month-stop.json");

fn dec(n: i64) -> Decimal {
    Decimal::from(n)
}

/// A resident in Tianjin since birth with one certificate (no expiry), the given household
/// assistance, no orphan guarantee, no custody, and the given other benefits and applications.
fn resident(
    id: &str,
    category: &str,
    grade: u8,
    assistance: Value,
    applications: Value,
    edit: impl FnOnce(&mut Value),
) -> Resident {
    let mut facts = json!({
        "id": id,
        "hukou": [{ "place": "tianjin", "from": "1965-04-02" }],
        "certificates": [{ "category": category, "grade": grade, "issued": "2019-05-20" }],
        "household_assistance": assistance,
        "orphan_guarantee": [],
        "other_benefits": [],
        "custody": [],
        "applications": applications
    });
    edit(&mut facts);
    Resident::from_json(&facts.to_string()).unwrap()
}

fn both(submitted: &str) -> Value {
    json!([{ "subsidies": ["living", "nursing"], "submitted": submitted }])
}

/// The fixed population. Under the baseline (Tianjin 2023: living 300 for grade 1-2, 160 for
/// grade 3-4, nursing 200, dibao-edge the same as dibao, stop in the month after), 2025-01 to
/// 2025-12:
///
/// | id | facts | living | nursing |
/// |---|---|---|---|
/// | RF-01 | physical 1, dibao, applied both 2023-09 | 12 × 300 = 3600 | 12 × 200 = 2400 |
/// | RF-02 | visual 2, dibao-edge, applied both 2023-10 | 12 × 300 = 3600 | 2400 |
/// | RF-03 | hearing 3, dibao-edge, applied living 2024-02 | 12 × 160 = 1920 | not eligible: 0 |
/// | RF-04 | intellectual 3, dibao, applied both 2023-08, nursing again 2025-03-10 | 1920 | grade 3: 0 |
/// | RF-05 | mental 3, no assistance, applied nursing 2024-05 | no assistance: 0 | grade 3: 0 |
/// | RF-06 | multiple 2, dibao, died 2025-06-15 | Jan–Jun 6 × 300 = 1800 | 6 × 200 = 1200 |
/// | RF-07 | speech 1, dibao until 2025-09-01 | Jan–Sep 9 × 300 = 2700 | 2400 |
/// | RF-08 | physical 2, dibao, welfare living allowance 320 received | 320 > 300: superseded, 0 | 2400 |
/// | RF-09 | physical 1, no assistance, prison from 2025-04-01 | 0 | Jan–Mar 3 × 200 = 600 |
///
/// Baseline living = 3600 + 3600 + 1920 + 1920 + 1800 + 2700 = 15540; nursing = 4 × 2400 + 1200 +
/// 600 = 11400.
fn population() -> Vec<Resident> {
    vec![
        resident(
            "RF-01",
            "physical",
            1,
            json!([{ "kind": "dibao", "from": "2020-01-01" }]),
            both("2023-09-10"),
            |_| {},
        ),
        resident(
            "RF-02",
            "visual",
            2,
            json!([{ "kind": "dibao_edge", "from": "2022-03-01" }]),
            both("2023-10-08"),
            |_| {},
        ),
        resident(
            "RF-03",
            "hearing",
            3,
            json!([{ "kind": "dibao_edge", "from": "2021-05-01" }]),
            json!([{ "subsidies": ["living"], "submitted": "2024-02-20" }]),
            |_| {},
        ),
        resident(
            "RF-04",
            "intellectual",
            3,
            json!([{ "kind": "dibao", "from": "2019-06-01" }]),
            json!([
                { "subsidies": ["living", "nursing"], "submitted": "2023-08-15" },
                { "subsidies": ["nursing"], "submitted": "2025-03-10" }
            ]),
            |_| {},
        ),
        resident(
            "RF-05",
            "mental",
            3,
            json!([]),
            json!([{ "subsidies": ["nursing"], "submitted": "2024-05-06" }]),
            |_| {},
        ),
        resident(
            "RF-06",
            "multiple",
            2,
            json!([{ "kind": "dibao", "from": "2018-01-01" }]),
            both("2023-09-01"),
            |f| {
                f["died_on"] = json!("2025-06-15");
            },
        ),
        resident(
            "RF-07",
            "speech",
            1,
            json!([{ "kind": "dibao", "from": "2020-01-01", "to": "2025-09-01" }]),
            both("2023-08-20"),
            |_| {},
        ),
        resident(
            "RF-08",
            "physical",
            2,
            json!([{ "kind": "dibao", "from": "2021-01-01" }]),
            both("2023-09-01"),
            |f| {
                f["other_benefits"] = json!([{
                    "kind": "welfare_living_allowance", "basis": "disabled_on_duty",
                    "monthly_amount": "320", "status": "received", "from": "2020-01-01"
                }]);
            },
        ),
        resident(
            "RF-09",
            "physical",
            1,
            json!([]),
            json!([{ "subsidies": ["nursing"], "submitted": "2023-08-05" }]),
            |f| f["custody"] = json!([{ "kind": "prison", "from": "2025-04-01" }]),
        ),
    ]
}

fn reformed(reform: &str) -> Policy {
    Reform::from_json(reform)
        .unwrap()
        .apply(&Policy::tianjin_2023())
        .unwrap()
}

fn compare(reform: &str) -> Comparison {
    let baseline = Policy::tianjin_2023();
    let reform = reformed(reform);
    let mut comparer =
        Comparer::new(&baseline, &reform, month("2025-01"), month("2025-12")).unwrap();
    for r in population() {
        comparer.add(&r).unwrap();
    }
    comparer.finish()
}

fn movers(gain: u64, lose: u64, unchanged: u64) -> Movers {
    Movers {
        gain,
        lose,
        unchanged,
    }
}

/// The group of a breakdown.
fn group<K: PartialEq + std::fmt::Debug>(groups: &[(K, Cost)], key: K) -> Cost {
    groups
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, c)| *c)
        .unwrap_or_else(|| panic!("no group {key:?}"))
}

/// The baseline figures hold under every reform: the comparer computes them the same way.
#[track_caller]
fn assert_baseline(c: &Comparison) {
    assert_eq!(c.residents, 9);
    assert_eq!(c.total.residents, 9);
    assert_eq!(c.total.baseline.living, money("15540"));
    assert_eq!(c.total.baseline.nursing, money("11400"));
    assert_eq!(c.first, month("2025-01"));
    assert_eq!(c.last, month("2025-12"));
    assert_eq!(c.monthly.len(), 12);
    assert_eq!(c.yearly.len(), 1);
    assert_eq!(c.yearly[0].year, 2025);
    assert_eq!(c.yearly[0].months, 12);
    // 2025-01 baseline: RF-01, 02, 06, 07 pay 300 + 200; RF-03 and 04 pay 160; RF-08 and RF-09 pay
    // the nursing allowance only: 4 × 500 + 2 × 160 + 2 × 200 = 2720.
    assert_eq!(c.monthly[0].baseline.total(), money("2720"));
    // 2025-12: RF-06 died (June), RF-07 left dibao (stopped since October), RF-09 in prison (since
    // April): RF-01 500, RF-02 500, RF-03 160, RF-04 160, RF-06 0, RF-07 200, RF-08 200 = 1720.
    assert_eq!(c.monthly[11].baseline.total(), money("1720"));
    let monthly: Money = c.monthly.iter().map(|m| m.baseline.total()).sum();
    assert_eq!(monthly, money("26940"));
}

/// Each breakdown's groups add up to the whole: residents, costs, and each subsidy's movers.
#[track_caller]
fn assert_groups_add_up(c: &Comparison) {
    let sum = |groups: Vec<Cost>| {
        let mut all = Cost::default();
        for g in &groups {
            all.merge(g);
        }
        all
    };
    assert_eq!(sum(c.by_category.iter().map(|g| g.1).collect()), c.total);
    assert_eq!(sum(c.by_grade.iter().map(|g| g.1).collect()), c.total);
    assert_eq!(sum(c.by_household.iter().map(|g| g.1).collect()), c.total);
    assert_eq!((c.total.living, c.total.nursing), (c.living, c.nursing));
}

mod costed {
    use super::*;

    #[test]
    fn living_350_pays_50_more_to_every_grade_1_2_living_recipient_and_flips_one_competitor() {
        let c = compare(LIVING_350);
        assert_eq!(c.baseline, "tianjin-2023");
        assert_eq!(c.reform, "tianjin-2023+living-350");
        assert_baseline(&c);
        // Grade 1-2 living recipients: RF-01 12 months, RF-02 12 (dibao-edge: same_as_dibao, so the
        // new 350 too), RF-06 6, RF-07 9 = 39 months × 50 = 1950 more. RF-08: 350 > the welfare
        // living allowance of 320, so the subsidy is now kept: 12 × 350 = 4200 more.
        // Grade 3 (RF-03, RF-04) stays 160. Living: 15540 + 1950 + 4200 = 21690.
        assert_eq!(c.living, movers(5, 0, 4));
        assert_eq!(c.nursing, movers(0, 0, 9));
        assert_eq!(c.total.reform.living, money("21690"));
        assert_eq!(c.total.reform.nursing, money("11400"));
        assert_eq!(c.total.difference(), dec(6150));
        assert_eq!(c.yearly[0].reform.total(), money("33090"));
        // 2025-01: four grade 1-2 recipients × 50 = 200, and RF-08's 350: 2720 + 550 = 3270.
        assert_eq!(c.monthly[0].reform.total(), money("3270"));
        // 2025-12: RF-01 and RF-02 × 50, RF-08 + 350: 1720 + 450 = 2170.
        assert_eq!(c.monthly[11].reform.total(), money("2170"));

        // By household on 2025-12-01: dibao RF-01, 04, 06, 08; dibao-edge RF-02, 03; neither
        // RF-05, 07 (dibao ended 2025-09-01), 09.
        let dibao = group(&c.by_household, Household::Dibao);
        assert_eq!(dibao.residents, 4);
        // RF-01 600 + RF-06 300 + RF-08 4200 = 5100.
        assert_eq!(dibao.difference(), dec(5100));
        let edge = group(&c.by_household, Household::DibaoEdge);
        assert_eq!((edge.residents, edge.difference()), (2, dec(600)));
        let neither = group(&c.by_household, Household::Neither);
        // RF-07: 9 × 50 = 450.
        assert_eq!((neither.residents, neither.difference()), (3, dec(450)));
        assert_eq!(c.by_household.len(), 3);

        // By grade: 1 = RF-01, 07, 09 (600 + 450); 2 = RF-02, 06, 08 (600 + 300 + 4200);
        // 3 = RF-03, 04, 05 (0).
        let g1 = group(&c.by_grade, Some(Grade::One));
        assert_eq!((g1.residents, g1.difference()), (3, dec(1050)));
        let g2 = group(&c.by_grade, Some(Grade::Two));
        assert_eq!((g2.residents, g2.difference()), (3, dec(5100)));
        let g3 = group(&c.by_grade, Some(Grade::Three));
        assert_eq!((g3.residents, g3.difference()), (3, dec(0)));
        assert_eq!(c.by_grade.len(), 3);

        // By category: physical = RF-01, 08, 09: 600 + 4200 + 0.
        let physical = group(&c.by_category, Some(Category::Physical));
        assert_eq!((physical.residents, physical.difference()), (3, dec(4800)));
        // Baseline physical: RF-01 3600 + 2400, RF-08 2400, RF-09 600 = 9000.
        assert_eq!(physical.baseline.total(), money("9000"));
        assert_eq!(c.by_category.len(), 7);

        // Who gains and loses, by group: the living allowance's gainers RF-01, 07 (grade 1) and
        // RF-02, 06, 08 (grade 2); nobody on the nursing allowance.
        assert_eq!((g1.living, g1.nursing), (movers(2, 0, 1), movers(0, 0, 3)));
        assert_eq!((g2.living, g2.nursing), (movers(3, 0, 0), movers(0, 0, 3)));
        assert_eq!((g3.living, g3.nursing), (movers(0, 0, 3), movers(0, 0, 3)));
        assert_eq!(physical.living, movers(2, 0, 1));
        assert_eq!(dibao.living, movers(3, 0, 1));
        assert_eq!(c.total.living, c.living);
        assert_eq!(c.total.nursing, c.nursing);
        assert_groups_add_up(&c);
    }

    #[test]
    fn dibao_edge_less_lowers_only_the_dibao_edge_living_allowance() {
        let c = compare(DIBAO_EDGE_LESS);
        assert_baseline(&c);
        // RF-02 grade 2 dibao-edge: 12 × (300 - 250) = 600 less; RF-03 grade 3 dibao-edge:
        // 12 × (160 - 130) = 360 less. Dibao households and the nursing allowance are unchanged.
        assert_eq!(c.living, movers(0, 2, 7));
        assert_eq!(c.nursing, movers(0, 0, 9));
        assert_eq!(c.total.reform.living, money("14580"));
        assert_eq!(c.total.reform.nursing, money("11400"));
        assert_eq!(c.total.difference(), dec(-960));
        let edge = group(&c.by_household, Household::DibaoEdge);
        assert_eq!(edge.baseline.living, money("5520"));
        assert_eq!(edge.reform.living, money("4560"));
        assert_eq!(
            group(&c.by_household, Household::Dibao).difference(),
            dec(0)
        );
        assert_eq!(edge.living, movers(0, 2, 0));
        assert_groups_add_up(&c);
        // Every month: 50 + 30 = 80 less.
        for m in &c.monthly {
            assert_eq!(
                m.baseline.total().as_decimal() - m.reform.total().as_decimal(),
                dec(80),
                "{}",
                m.month
            );
        }
    }

    #[test]
    fn same_month_stop_costs_one_month_less_for_events_not_on_the_1st() {
        let c = compare(SAME_MONTH_STOP);
        assert_baseline(&c);
        // RF-06 died 2025-06-15: stopped since 2025-06 instead of 2025-07: one month of 300 + 200
        // less. RF-07 dibao last day 2025-09-01, first day without 2025-09-02: living stopped
        // since 2025-09 instead of 2025-10: 300 less. RF-09 prison from 2025-04-01 (a 1st): April
        // under both rules, unchanged.
        assert_eq!(c.living, movers(0, 2, 7));
        assert_eq!(c.nursing, movers(0, 1, 8));
        assert_eq!(c.total.reform.living, money("14940"));
        assert_eq!(c.total.reform.nursing, money("11200"));
        assert_eq!(c.total.difference(), dec(-800));
        let by_month: Vec<(String, Decimal)> = c
            .monthly
            .iter()
            .filter(|m| m.baseline != m.reform)
            .map(|m| {
                (
                    m.month.to_string(),
                    m.reform.total().as_decimal() - m.baseline.total().as_decimal(),
                )
            })
            .collect();
        assert_eq!(
            by_month,
            [
                ("2025-06".to_owned(), dec(-500)),
                ("2025-09".to_owned(), dec(-300))
            ]
        );
    }

    #[test]
    fn the_nursing_extension_pays_only_applications_made_under_it() {
        let c = compare(NURSING_GRADE_3);
        assert_baseline(&c);
        // RF-04 (intellectual 3) applied again on 2025-03-10: granted, paid from 2025-03:
        // 10 × 200 = 2000. Its 2023 application was refused (grade 3, no extension then) and does
        // not come back by itself; RF-05 (mental 3) has only a 2024 application: nothing paid.
        // RF-03 is hearing 3: not extended.
        assert_eq!(c.living, movers(0, 0, 9));
        assert_eq!(c.nursing, movers(1, 0, 8));
        assert_eq!(c.total.reform.nursing, money("13400"));
        assert_eq!(c.total.difference(), dec(2000));
        let intellectual = group(&c.by_category, Some(Category::Intellectual));
        assert_eq!(intellectual.reform.nursing, money("2000"));
        assert_eq!(c.monthly[1].reform, c.monthly[1].baseline);
        assert_eq!(
            c.monthly[2].reform.nursing.as_decimal() - c.monthly[2].baseline.nursing.as_decimal(),
            dec(200)
        );

        // Month by month, RF-04 and RF-05 are entitled but not receiving (应享未享) until they apply.
        let baseline = Policy::tianjin_2023();
        let reform = reformed(NURSING_GRADE_3);
        let people = population();
        let rf04 = &people[3];
        let rf05 = &people[4];
        let nursing =
            |p: &Policy, r: &Resident, m: &str| p.decide(r, month(m)).unwrap().nursing.outcome;
        assert_eq!(
            nursing(&reform, rf04, "2025-02"),
            Outcome::NotAppliedFor {
                would_pay: money("200")
            }
        );
        assert!(
            matches!(nursing(&reform, rf04, "2025-03"), Outcome::Paid { amount, .. } if amount == money("200"))
        );
        assert_eq!(
            nursing(&reform, rf05, "2025-12"),
            Outcome::NotAppliedFor {
                would_pay: money("200")
            }
        );
        assert_eq!(
            nursing(&reform, rf05, "2024-12"),
            Outcome::NotEligible {
                because: vec![tianjin_disability_subsidies::decision::Cause::GradeNotSevere]
            }
        );
        assert_eq!(
            nursing(&baseline, rf04, "2025-03"),
            Outcome::NotEligible {
                because: vec![tianjin_disability_subsidies::decision::Cause::GradeNotSevere]
            }
        );
    }

    #[test]
    fn a_reform_that_repeats_the_baseline_values_changes_nothing() {
        let same = r#"{ "name": "same", "overrides": [
            { "parameter": "living_allowance_grade_1_2", "from": "2025-01", "value": "300", "source": "unchanged" },
            { "parameter": "stop_timing", "from": "2024-01", "value": "month_after", "source": "unchanged" }
        ] }"#;
        let c = compare(same);
        assert_baseline(&c);
        assert_eq!(c.living, movers(0, 0, 9));
        assert_eq!(c.nursing, movers(0, 0, 9));
        assert_eq!(c.total.baseline, c.total.reform);
    }
}

mod loading {
    use super::*;

    #[track_caller]
    fn refused_reform(json: &str) -> String {
        match Reform::from_json(json) {
            Ok(r) => panic!("accepted: {r:?}"),
            Err(e) => {
                assert!(matches!(e, Error::InvalidReform { .. }), "{e:?}");
                e.to_string()
            }
        }
    }

    fn one_override(o: Value) -> String {
        json!({ "name": "r", "overrides": [o] }).to_string()
    }

    #[test]
    fn the_bundled_reforms_load_apply_and_carry_a_description_and_sources() {
        for (text, name, parameter) in [
            (LIVING_350, "living-350", "living_allowance_grade_1_2"),
            (
                DIBAO_EDGE_LESS,
                "dibao-edge-less",
                "dibao_edge_living_allowance",
            ),
            (
                NURSING_GRADE_3,
                "nursing-grade-3-intellectual-mental",
                "nursing_allowance_also_for",
            ),
            (SAME_MONTH_STOP, "same-month-stop", "stop_timing"),
        ] {
            let reform = Reform::from_json(text).unwrap();
            assert_eq!(reform.name, name);
            assert!(!reform.description.is_empty(), "{name}");
            assert_eq!(reform.overrides.len(), 1, "{name}");
            assert_eq!(reform.overrides[0].parameter.name(), parameter);
            assert_eq!(reform.overrides[0].from, month("2025-01"));
            assert!(reform.overrides[0].source.len() > 20, "{name}");
            let policy = reform.apply(&Policy::tianjin_2023()).unwrap();
            assert_eq!(policy.name(), format!("tianjin-2023+{name}"));
        }
        let p = reformed(LIVING_350);
        let v = p.parameters().living_allowance_grade_1_2.values();
        assert_eq!(v.len(), 2);
        assert_eq!((v[0].from, v[0].value), (month("2023-08"), money("300")));
        assert_eq!((v[1].from, v[1].value), (month("2025-01"), money("350")));
    }

    #[test]
    fn an_unknown_parameter() {
        let text = one_override(json!({
            "parameter": "living_allowance", "from": "2025-01", "value": "350", "source": "s"
        }));
        assert_eq!(
            refused_reform(&text),
            "reform overrides[0].parameter: unknown variant `living_allowance`, expected one of \
             `living_allowance_grade_1_2`, `living_allowance_grade_3_4`, \
             `dibao_edge_living_allowance`, `nursing_allowance`, `stop_timing`, `tie_break`, \
             `max_renewal_back_pay_months`, `nursing_allowance_also_for` (line 1, column 73)"
        );
    }

    #[test]
    fn a_value_of_the_wrong_type() {
        let text = one_override(json!({
            "parameter": "stop_timing", "from": "2025-01", "value": "next_year", "source": "s"
        }));
        assert_eq!(
            refused_reform(&text),
            "reform overrides[0].value: unknown variant `next_year`, expected `month_after` or `same_month`"
        );
        let text = one_override(json!({
            "parameter": "nursing_allowance", "from": "2025-01", "value": true, "source": "s"
        }));
        let err = refused_reform(&text);
        assert!(
            err.starts_with("reform overrides[0].value: invalid type: boolean `true`"),
            "{err}"
        );
        let text = one_override(json!({
            "parameter": "nursing_allowance_also_for", "from": "2025-01",
            "value": [{ "category": "intellectual", "grade": 5 }], "source": "s"
        }));
        // The path goes on into the value, to the field at fault.
        assert_eq!(
            refused_reform(&text),
            "reform overrides[0].value[0].grade: expected a disability grade from 1 to 4, found 5"
        );
        // The second override is the one at fault.
        let text = json!({ "name": "r", "overrides": [
            { "parameter": "nursing_allowance", "from": "2025-01", "value": "250", "source": "s" },
            { "parameter": "tie_break", "from": "2025-01", "value": 1, "source": "s" }
        ] })
        .to_string();
        assert!(refused_reform(&text).starts_with("reform overrides[1].value: "));
    }

    #[test]
    fn a_month_before_the_policy() {
        let reform = Reform::from_json(&one_override(json!({
            "parameter": "nursing_allowance", "from": "2023-07", "value": "250", "source": "s"
        })))
        .unwrap();
        let err = reform.apply(&Policy::tianjin_2023()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "reform overrides[0].from: expected a month the base policy tianjin-2023 covers \
             (2023-08 onwards), found 2023-07"
        );
        assert_eq!(err.path(), Some("overrides[0].from"));
    }

    #[test]
    fn a_missing_or_empty_source() {
        let text = r#"{ "name": "r", "overrides": [
  { "parameter": "nursing_allowance", "from": "2025-01", "value": "250" } ] }"#;
        // serde names the missing field where the object ends: line 2, column 72.
        assert_eq!(
            refused_reform(text),
            "reform overrides[0].source: missing field `source` (line 2, column 73)"
        );
        for blank in ["", "   "] {
            let text = one_override(json!({
                "parameter": "nursing_allowance", "from": "2025-01", "value": "250", "source": blank
            }));
            assert_eq!(
                refused_reform(&text),
                "reform overrides[0].source: expected a source, found none"
            );
        }
    }

    #[test]
    fn malformed_json() {
        assert_eq!(
            refused_reform(r#"{ "name": "r", "overrides": [ }"#),
            "reform overrides[0]: expected value (line 1, column 31)"
        );
        assert_eq!(
            refused_reform(r#"{ "name": "r", "overides": [] }"#),
            "reform overides: unknown field `overides`, expected one of `$schema`, `name`, \
             `description`, `overrides` (line 1, column 25)"
        );
        assert_eq!(
            refused_reform(r#"{ "name": "r", "overrides": [{ "parameter": "nursing_allowance", "from": "2025-13", "value": "1", "source": "s" }] }"#),
            "reform overrides[0].from: invalid value: string \"2025-13\", expected a month as \"YYYY-MM\" (line 1, column 82)"
        );
    }

    /// The embedded policy with one parameter's dated values replaced.
    fn policy_with(parameter: &str, values: Value) -> Result<Policy, Error> {
        let mut json: Value = serde_json::from_str(TIANJIN_2023_JSON).unwrap();
        json["parameters"][parameter] = values;
        Policy::from_json(&json.to_string())
    }

    #[test]
    fn a_policy_with_dated_values_out_of_order() {
        let err = policy_with(
            "living_allowance_grade_1_2",
            json!([
                { "from": "2023-08", "value": "300", "source": "a" },
                { "from": "2025-01", "value": "350", "source": "b" },
                { "from": "2024-06", "value": "320", "source": "c" }
            ]),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.living_allowance_grade_1_2[2]: expected values in order of their \
             months, found 2024-06 after 2025-01"
        );
    }

    #[test]
    fn a_policy_with_the_same_month_twice() {
        let err = policy_with(
            "nursing_allowance",
            json!([
                { "from": "2023-08", "value": "200", "source": "a" },
                { "from": "2025-01", "value": "220", "source": "b" },
                { "from": "2025-01", "value": "250", "source": "c" }
            ]),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.nursing_allowance[2]: expected values in order of their months, \
             found 2025-01 after 2025-01"
        );
    }

    #[test]
    fn a_policy_parameter_without_a_value_for_the_first_month() {
        let err = policy_with(
            "stop_timing",
            json!([{ "from": "2023-09", "value": "month_after", "source": "a" }]),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.stop_timing[0]: expected a value from 2023-08 (the policy's first \
             month), found the first from 2023-09"
        );
        let err = policy_with("tie_break", json!([])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.tie_break: expected at least one dated value, found none"
        );
    }

    #[test]
    fn a_policy_value_without_a_source() {
        let err = policy_with(
            "living_allowance_grade_3_4",
            json!([
                { "from": "2023-08", "value": "160", "source": "a" },
                { "from": "2025-01", "value": "180", "source": " " }
            ]),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.living_allowance_grade_3_4[1]: expected a source, found none"
        );
        // A missing source: serde reports it where the value's object ends. (The path names the
        // value, `[0]`, not the field `source` as reform and facts errors do.)
        let mut json: Value = serde_json::from_str(TIANJIN_2023_JSON).unwrap();
        json["parameters"]["nursing_allowance"] = json!([{ "from": "2023-08", "value": "200" }]);
        let text = json.to_string();
        let object = r#"{"from":"2023-08","value":"200"}"#;
        let column = text.find(object).unwrap() + object.len();
        let err = Policy::from_json(&text).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "policy parameters.nursing_allowance[0].source: missing field `source` (line 1, column {column})"
            )
        );
    }

    /// Regression: the renewal cap cannot exceed the reading's 3 months.
    #[test]
    fn a_policy_renewal_cap_above_three_is_refused() {
        let err = policy_with(
            "max_renewal_back_pay_months",
            json!([{ "from": "2023-08", "value": 6, "source": "s" }]),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.max_renewal_back_pay_months[0].value: expected at most 3 months (reading start.renewal), found 6"
        );
    }

    /// Regression (review): two overrides of one parameter for the same month, or out of order,
    /// are refused as a policy file's dated values are.
    #[test]
    fn overrides_of_one_parameter_out_of_order_are_refused() {
        let err = Reform::from_json(
            r#"{ "name": "x", "overrides": [
                { "parameter": "nursing_allowance", "from": "2025-07", "value": "220", "source": "s" },
                { "parameter": "nursing_allowance", "from": "2025-07", "value": "230", "source": "s" }
            ] }"#,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "reform overrides[1].from: expected the overrides of nursing_allowance in order of their months, found 2025-07 after 2025-07"
        );
    }

    /// Regression (review): a renewal cap above 3 in a reform is reported at the override.
    #[test]
    fn a_reform_renewal_cap_above_three_is_refused_at_the_override() {
        let err = Reform::from_json(
            r#"{ "name": "x", "overrides": [
                { "parameter": "max_renewal_back_pay_months", "from": "2025-01", "value": 5, "source": "s" }
            ] }"#,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "reform overrides[0].value: expected at most 3 months (reading start.renewal), found 5"
        );
    }

    /// Regression: a reform needs a name (the reformed policy is `<base>+<name>`).
    #[test]
    fn a_reform_without_a_name_is_refused() {
        let err = Reform::from_json(r#"{ "name": " ", "overrides": [] }"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "reform name: expected a non-empty name, found none"
        );
    }

    /// Regression: `nursing_allowance_also_for` is checked like the other parameters.
    #[test]
    fn a_policy_whose_nursing_extension_has_no_value_is_refused() {
        let err = policy_with("nursing_allowance_also_for", json!([])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.nursing_allowance_also_for: expected at least one dated value, found none"
        );
    }
}

mod side_by_side {
    use super::*;

    #[test]
    fn a_resident_who_keeps_the_subsidy_once_it_is_higher() {
        let baseline = Policy::tianjin_2023();
        let reform = reformed(LIVING_350);
        let rf08 = &population()[7];
        let c = baseline
            .compare_resident(&reform, rf08, month("2024-12"), month("2025-01"))
            .unwrap();
        assert_eq!(c.months.len(), 2);

        // 2024-12: both policies have 300 < 320: the welfare living allowance is kept; nothing
        // differs, and both cite the same value of living_allowance_grade_1_2 (from 2023-08).
        let december = &c.months[0];
        assert_eq!(december.month, month("2024-12"));
        assert!(!december.differs);
        assert!(december.clauses_only_in_baseline.is_empty());
        assert!(december.clauses_only_in_reform.is_empty());
        assert!(december.parameters_only_in_baseline.is_empty());
        assert!(december.parameters_only_in_reform.is_empty());

        // 2025-01: baseline 300 < 320, superseded; reform 350 > 320, paid, and with the nursing
        // allowance also paid the month cites `both`.
        let january = &c.months[1];
        assert!(january.differs);
        assert_eq!(
            january.baseline.living.outcome,
            Outcome::Superseded {
                by: tianjin_disability_subsidies::facts::BenefitKind::WelfareLivingAllowance,
                benefit_amount: money("320"),
                subsidy_amount: money("300"),
            }
        );
        assert!(
            matches!(january.reform.living.outcome, Outcome::Paid { amount, .. } if amount == money("350"))
        );
        assert_eq!(
            january.baseline.nursing.outcome,
            january.reform.nursing.outcome
        );
        assert_eq!(january.reform.total, money("550"));
        assert_eq!(january.baseline.total, money("200"));
        assert!(january.clauses_only_in_baseline.is_empty());
        assert_eq!(january.clauses_only_in_reform, [ClauseId::Both]);

        let only_reform: Vec<(String, Month)> = january
            .parameters_only_in_reform
            .iter()
            .map(|u| (u.parameter.to_string(), u.from))
            .collect();
        assert_eq!(
            only_reform,
            [("living_allowance_grade_1_2".to_owned(), month("2025-01"))]
        );
        let source = &Reform::from_json(LIVING_350).unwrap().overrides[0].source;
        assert_eq!(
            &*january.parameters_only_in_reform[0].source,
            source.as_str()
        );
        let only_baseline: Vec<(String, Month)> = january
            .parameters_only_in_baseline
            .iter()
            .map(|u| (u.parameter.to_string(), u.from))
            .collect();
        assert_eq!(
            only_baseline,
            [("living_allowance_grade_1_2".to_owned(), month("2023-08"))]
        );
        assert!(january.parameters_only_in_baseline[0]
            .source
            .starts_with("FACTS.md: 300 yuan"));
    }

    #[test]
    fn a_stop_a_month_earlier_cites_the_stop_timing_only_in_the_reform() {
        let baseline = Policy::tianjin_2023();
        let reform = reformed(SAME_MONTH_STOP);
        let rf06 = &population()[5];
        let c = baseline
            .compare_resident(&reform, rf06, month("2025-05"), month("2025-07"))
            .unwrap();
        let differs: Vec<bool> = c.months.iter().map(|m| m.differs).collect();
        // May paid under both; June paid only under the baseline; July stopped under both, since
        // different months (2025-07 vs 2025-06).
        assert_eq!(differs, [false, true, true]);
        let june = &c.months[1];
        assert_eq!(
            june.reform.living.outcome,
            Outcome::Stopped {
                since: month("2025-06"),
                because: tianjin_disability_subsidies::decision::Cause::Died
            }
        );
        assert!(matches!(june.baseline.living.outcome, Outcome::Paid { .. }));
        let only_reform: Vec<(String, Month)> = june
            .parameters_only_in_reform
            .iter()
            .map(|u| (u.parameter.to_string(), u.from))
            .collect();
        assert_eq!(only_reform, [("stop_timing".to_owned(), month("2025-01"))]);
        assert!(june.clauses_only_in_reform.contains(&ClauseId::StopMonth));
        assert!(june.clauses_only_in_reform.contains(&ClauseId::Restart));
        assert!(june.clauses_only_in_baseline.contains(&ClauseId::Amounts));
        let july = &c.months[2];
        // Both stopped, both cite the stop timing in force in June, 2025-06: the baseline's from
        // 2023-08, the reform's from 2025-01.
        let only: Vec<(String, Month)> = july
            .parameters_only_in_baseline
            .iter()
            .map(|u| (u.parameter.to_string(), u.from))
            .collect();
        assert_eq!(only, [("stop_timing".to_owned(), month("2023-08"))]);
    }
}

/// Regression (review): an eligibility reform pays nobody until they apply, so its potential
/// take-up is reported as unclaimed months (应享未享), priced at what they would pay.
#[test]
fn an_eligibility_reform_reports_its_unclaimed_take_up() {
    let baseline = Policy::tianjin_2023();
    let reform = reformed(NURSING_GRADE_3);
    // Grade-3 intellectual disability, Tianjin hukou, no dibao, never applied.
    let r = Resident::from_json(
        &json!({
            "id": "U-1",
            "hukou": [{ "place": "tianjin", "from": "1990-01-01" }],
            "certificates": [{ "category": "intellectual", "grade": 3, "issued": "2019-04-01" }],
            "household_assistance": [], "orphan_guarantee": [], "other_benefits": [], "custody": []
        })
        .to_string(),
    )
    .unwrap();
    let mut comparer =
        Comparer::new(&baseline, &reform, month("2025-01"), month("2025-12")).unwrap();
    comparer.add(&r).unwrap();
    let c = comparer.finish();
    // Paid nothing either way: no application.
    assert_eq!(c.total.reform.total(), money("0"));
    // Under the reform, 12 months × 200 nursing allowance are unclaimed; none under the baseline.
    assert_eq!(c.unclaimed.baseline.nursing, money("0"));
    assert_eq!(c.unclaimed.reform.nursing, money("2400"));
    assert_eq!(c.unclaimed.newly_entitled_residents, 1);
}

/// A claim stopped when the household left dibao, and the household back in dibao: the person
/// is entitled but not receiving until they apply again (reading `restart`). The comparison, the
/// roster scan and `decide` say so alike, month by month (finding 6 of issue 11: the comparison
/// had counted nothing unclaimed here while the scan counted it).
#[test]
fn a_stopped_claim_whose_conditions_hold_again_is_unclaimed_everywhere_alike() {
    let baseline = Policy::tianjin_2023();
    let r = Resident::from_json(
        &json!({
            "id": "S-1",
            "hukou": [{ "place": "tianjin", "from": "1970-01-01" }],
            "certificates": [{ "category": "physical", "grade": 1, "issued": "2019-04-01" }],
            "household_assistance": [
                { "kind": "dibao", "from": "2020-01-01", "to": "2024-05-31" },
                { "kind": "dibao", "from": "2024-08-01" }
            ],
            "orphan_guarantee": [], "other_benefits": [], "custody": [],
            "applications": [{ "subsidies": ["living", "nursing"], "submitted": "2023-09-01" }]
        })
        .to_string(),
    )
    .unwrap();
    // decide: living paid to 2024-05, stopped from 2024-06; nursing paid throughout.
    let living = |m: &str| baseline.decide(&r, month(m)).unwrap().living.outcome;
    assert!(matches!(living("2024-05"), Outcome::Paid { .. }));
    for m in ["2024-06", "2024-07", "2024-08", "2024-12"] {
        assert!(
            matches!(living(m), Outcome::Stopped { since, .. } if since == month("2024-06")),
            "{m}: {:?}",
            living(m)
        );
    }
    // The scan: entitled but not receiving the living allowance from 2024-08 (dibao again), at
    // what it would pay; not in 2024-06 or 2024-07 (no dibao).
    let entitled = |m: &str| {
        let mut records = Vec::new();
        let mut scan = RosterScan::new(&baseline, ScanOptions::new(month(m))).unwrap();
        scan.resident(&r, &mut |record| records.push(record));
        records.into_iter().find_map(|record| match record {
            ScanRecord::EntitledNotReceiving {
                subsidy: Subsidy::Living,
                would_pay,
                ..
            } => Some(would_pay),
            _ => None,
        })
    };
    assert_eq!(entitled("2024-07"), None);
    assert_eq!(entitled("2024-08"), Some(money("300")));
    assert_eq!(entitled("2024-12"), Some(money("300")));
    // The comparison of 2024 (the baseline with itself): the same five months unclaimed.
    let mut comparer =
        Comparer::new(&baseline, &baseline, month("2024-01"), month("2024-12")).unwrap();
    comparer.add(&r).unwrap();
    let c = comparer.finish();
    assert_eq!(c.unclaimed.baseline.living, money("1500"));
    assert_eq!(c.unclaimed.baseline.nursing, money("0"));
    // Paid: living January to May, nursing all year.
    assert_eq!(c.total.baseline.living, money("1500"));
    assert_eq!(c.total.baseline.nursing, money("2400"));
}

/// A group's cost written before its movers were counted still reads: its movers are zero.
#[test]
fn a_cost_without_movers_reads_with_none() {
    let cost: Cost = serde_json::from_value(json!({
        "residents": 2,
        "baseline": { "living": "600", "nursing": "0" },
        "reform": { "living": "700", "nursing": "0" }
    }))
    .expect("reads");
    assert_eq!(
        (cost.living, cost.nursing),
        (movers(0, 0, 0), movers(0, 0, 0))
    );
    assert_eq!(cost.reform.living, money("700"));
}

/// Merging comparisons computed in parts (review): the residents and movers are counted once,
/// in each group's [`Cost`], and a count that would pass `u64::MAX` is refused, not wrapped.
mod merging {
    use super::*;
    use tianjin_disability_subsidies::error::MergeError;
    use tianjin_disability_subsidies::Language;

    /// The residents and movers of a merged comparison are its total's, recomputed: counts that
    /// disagree with the total (as in JSON written by hand) are not added a second time.
    #[test]
    fn a_merged_comparisons_residents_and_movers_are_its_totals() {
        let whole = compare(LIVING_350);
        assert_eq!(whole.living, movers(5, 0, 4));
        let mut other = whole.clone();
        other.residents = 1000;
        other.living = movers(1000, 1000, 1000);
        other.nursing = movers(1000, 1000, 1000);
        let mut merged = whole.clone();
        merged.merge(&other).expect("same question");
        assert_eq!(merged.total.residents, 18);
        assert_eq!(merged.residents, 18);
        assert_eq!(merged.living, movers(10, 0, 8));
        assert_eq!(merged.nursing, movers(0, 0, 18));
        assert_eq!(
            (merged.living, merged.nursing),
            (merged.total.living, merged.total.nursing)
        );
        assert_groups_add_up(&merged);
    }

    /// Every count a merge adds, at `u64::MAX` in one part: the merge is refused and nothing is
    /// merged, whichever part holds it.
    #[test]
    fn counts_past_u64_max_are_refused_and_nothing_is_merged() {
        let whole = compare(LIVING_350);
        let damages: [fn(&mut Comparison); 6] = [
            |c| c.total.residents = u64::MAX,
            |c| c.total.living.gain = u64::MAX,
            |c| c.total.nursing.unchanged = u64::MAX,
            |c| c.unclaimed.newly_entitled_residents = u64::MAX,
            |c| c.by_grade[0].1.residents = u64::MAX,
            |c| c.by_household[0].1.living.unchanged = u64::MAX,
        ];
        // Both parts damaged alike.
        for (k, damage) in damages.iter().enumerate() {
            let mut damaged = whole.clone();
            damage(&mut damaged);
            let mut merged = damaged.clone();
            assert_eq!(
                merged.merge(&damaged),
                Err(MergeError::CountOverflow),
                "{k}"
            );
            assert_eq!(merged, damaged, "{k}");
        }
        // One part as computed, the other at `u64::MAX` residents: either way round.
        let mut damaged = whole.clone();
        damaged.total.residents = u64::MAX;
        let mut merged = whole.clone();
        assert_eq!(merged.merge(&damaged), Err(MergeError::CountOverflow));
        assert_eq!(merged, whole);
        let mut merged = damaged.clone();
        assert_eq!(merged.merge(&whole), Err(MergeError::CountOverflow));
        assert_eq!(merged, damaged);
        assert_eq!(
            MergeError::CountOverflow.describe(Language::English),
            "cannot merge comparisons whose counts of residents add up to more than a count holds"
        );
        let chinese = MergeError::CountOverflow.describe(Language::Chinese);
        assert_eq!(chinese, "比较结果的人数合计超出可计数的范围，不能合并");
        assert!(
            !chinese.chars().any(|c| c.is_ascii_alphabetic()),
            "{chinese}"
        );
    }

    /// `Cost::merge` and `Movers::merge` return nothing, so a count past `u64::MAX` stays at
    /// `u64::MAX` (never wraps, never panics); the others add as usual.
    #[test]
    fn a_cost_or_movers_merged_past_u64_max_stays_at_u64_max() {
        let mut m = movers(u64::MAX, 1, 0);
        m.merge(&movers(1, 1, 1));
        assert_eq!(m, movers(u64::MAX, 2, 1));
        let mut cost = Cost {
            residents: u64::MAX,
            ..Cost::default()
        };
        cost.merge(&Cost {
            residents: 2,
            living: movers(u64::MAX, 0, 1),
            reform: tianjin_disability_subsidies::reform::PerSubsidy {
                living: money("300"),
                nursing: money("200"),
            },
            ..Cost::default()
        });
        assert_eq!(cost.residents, u64::MAX);
        assert_eq!(cost.living, movers(u64::MAX, 0, 1));
        assert_eq!(cost.reform.total(), money("500"));
    }
}
