//! What a service embedding the crate relies on: a resident read from anywhere (a request's
//! value, bytes, a reader, a field of the caller's own type) keeping its path and its Chinese
//! text; errors with a stable kind and a JSON body; messages safe to print and of bounded size;
//! the compact decision; bounded memory whatever the institutions; a roster scanned in parts on
//! several threads and a reform compared in parts, merged to the same results as one pass.

use serde::Deserialize;
use serde_json::json;
use tianjin_disability_subsidies::error::{ErrorKind, MergeError};
use tianjin_disability_subsidies::facts::MAX_TEXT_CHARS;
use tianjin_disability_subsidies::roster::{split, MAX_INSTITUTIONS};
use tianjin_disability_subsidies::{
    json, Comparer, Error, Facts, Language, Month, Policy, Reform, Resident, RosterScan,
    ScanOptions, ScanRecord, ScanSummary,
};
use tianjin_disability_subsidies_support::fixtures::{eligible, month, policy, policy_with};

const BUNDLED: &str = include_str!("../examples/data/roster.jsonl");
const LIVING_350: &str = include_str!("../examples/data/reforms/living-350.json");

mod reading {
    use super::*;

    /// A fact that cannot be true, in the value `f` makes of the eligible resident.
    fn broken() -> serde_json::Value {
        let mut facts = eligible();
        facts["hukou"][0]["to"] = json!("1950-01-01");
        facts
    }

    #[test]
    fn a_resident_from_a_value_bytes_and_a_reader() {
        let value = eligible();
        let text = value.to_string();
        let from_value = Resident::from_value(&value).expect("reads");
        assert_eq!(
            Resident::from_slice(text.as_bytes()).expect("reads"),
            from_value
        );
        assert_eq!(
            Resident::from_reader(text.as_bytes()).expect("reads"),
            from_value
        );
        let err = Resident::from_slice(b"{\"id\":\"R\xff\"}").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Syntax);
        assert_eq!(
            err.describe(Language::Chinese),
            "整条记录：填写有误：应为 UTF-8 文本"
        );
    }

    #[test]
    fn a_resident_inside_a_request_keeps_its_path_and_its_chinese() {
        #[derive(Debug, Deserialize)]
        struct Request {
            #[allow(dead_code)]
            month: Month,
            residents: Vec<Resident>,
        }
        let body = json!({ "month": "2024-05", "residents": [eligible(), broken()] }).to_string();
        let err = Error::from(json::from_str::<Request>(&body).unwrap_err());
        assert_eq!(err.kind(), ErrorKind::InconsistentFacts);
        assert_eq!(err.path(), Some("residents[1].hukou[0].to"));
        assert_eq!(
            err.describe(Language::Chinese),
            "residents[1].hukou[0].to：日期应不早于该时段的起始日1960-05-01，实为1950-01-01"
        );
        // The reader's own error says the same, before it is converted.
        let read = json::from_str::<Request>(&body).unwrap_err();
        assert_eq!(
            read.describe(Language::Chinese),
            err.describe(Language::Chinese)
        );
        // A good request reads, each resident checked.
        let body = json!({ "month": "2024-05", "residents": [eligible()] }).to_string();
        let request: Request = json::from_str(&body).expect("reads");
        assert_eq!(request.residents[0].id(), "R-1");
        // A bad value inside the resident keeps its full path too.
        let mut bad = eligible();
        bad["certificates"][0]["grade"] = json!(5);
        let body = json!({ "month": "2024-05", "residents": [bad] }).to_string();
        let err = Error::from(json::from_str::<Request>(&body).unwrap_err());
        assert_eq!(err.path(), Some("residents[0].certificates[0].grade"));
        assert_eq!(err.kind(), ErrorKind::InvalidValue);
    }

    /// A caller's type that tries a resident and, when it is refused, keeps the value as it is:
    /// the refusal it swallowed is not the request's error. Before, the checks' error waited
    /// beside the reading until it ended and was attached to whatever error ended it.
    #[test]
    fn a_refusal_the_callers_type_swallowed_is_not_the_requests_error() {
        #[derive(Debug, Deserialize)]
        #[serde(untagged)]
        enum Who {
            #[allow(dead_code)]
            Resident(Box<Resident>),
            #[allow(dead_code)]
            AsGiven(serde_json::Value),
        }
        #[derive(Debug, Deserialize)]
        struct Request {
            #[allow(dead_code)]
            who: Who,
            #[allow(dead_code)]
            month: Month,
        }
        // The resident is refused and kept as given; the month after it is what is wrong.
        let body = format!(r#"{{ "who": {}, "month": "2024-13" }}"#, broken());
        let err = Error::from(json::from_str::<Request>(&body).unwrap_err());
        assert_eq!(err.kind(), ErrorKind::InvalidValue, "{err}");
        assert_eq!(err.path(), Some("month"), "{err}");
        // With a good month, the request reads: the swallowed refusal is no error at all.
        let body = json!({ "who": broken(), "month": "2024-12" }).to_string();
        assert!(matches!(
            json::from_str::<Request>(&body).expect("reads").who,
            Who::AsGiven(_)
        ));
        // And a refusal that is the request's error is still given as the checks found it:
        // directly, from a value in memory, when no variant of an untagged enum reads (serde's
        // own message would drop the reason), and inside a caller's own words.
        let body = json!({ "residents": [broken()] }).to_string();
        #[derive(Debug, Deserialize)]
        struct Residents {
            #[allow(dead_code)]
            residents: Vec<Resident>,
        }
        let err = Error::from(json::from_str::<Residents>(&body).unwrap_err());
        assert_eq!(err.kind(), ErrorKind::InconsistentFacts);
        assert_eq!(err.path(), Some("residents[0].hukou[0].to"));
        let value = json!({ "residents": [eligible(), broken()] });
        let err = Error::from(json::from_value::<Residents>(&value).unwrap_err());
        assert_eq!(err.kind(), ErrorKind::InconsistentFacts);
        assert_eq!(err.path(), Some("residents[1].hukou[0].to"));
        #[derive(Debug, Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            #[allow(dead_code)]
            One(Box<Resident>),
            #[allow(dead_code)]
            Many(Vec<Resident>),
        }
        #[derive(Debug, Deserialize)]
        struct Either {
            #[allow(dead_code)]
            who: OneOrMany,
        }
        let body = json!({ "who": broken() }).to_string();
        let err = Error::from(json::from_str::<Either>(&body).unwrap_err());
        assert_eq!(err.kind(), ErrorKind::InconsistentFacts, "{err}");
        assert_eq!(err.path(), Some("who.hukou[0].to"));
        fn wrapped<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Resident, D::Error> {
            Resident::deserialize(d)
                .map_err(|e| serde::de::Error::custom(format!("the resident: {e}")))
        }
        #[derive(Debug, Deserialize)]
        struct Wrapped {
            #[allow(dead_code)]
            #[serde(deserialize_with = "wrapped")]
            resident: Resident,
        }
        let body = json!({ "resident": broken() }).to_string();
        let err = Error::from(json::from_str::<Wrapped>(&body).unwrap_err());
        assert_eq!(err.kind(), ErrorKind::InconsistentFacts, "{err}");
        assert_eq!(err.path(), Some("resident.hukou[0].to"));
        // A reading error the caller words itself shows the reader's English, not its data.
        let mut bad = eligible();
        bad["certificates"][0]["grade"] = json!("two");
        let body = json!({ "resident": bad }).to_string();
        let err = json::from_str::<Wrapped>(&body).unwrap_err().to_string();
        assert!(
            err.contains("the resident: ")
                && err.contains("expected a disability grade from 1 to 4"),
            "{err}"
        );
        assert!(
            !err.contains("WrongValue") && !err.contains("WrongType"),
            "{err}"
        );
    }

    #[test]
    fn serde_json_alone_refuses_the_same_facts() {
        let err = serde_json::from_value::<Resident>(broken()).unwrap_err();
        assert!(err.to_string().contains("hukou[0].to"), "{err}");
        // A resident writes as its facts and reads back the same.
        let resident = Resident::from_value(&eligible()).expect("reads");
        let again: Resident =
            serde_json::from_str(&serde_json::to_string(&resident).expect("writes"))
                .expect("reads");
        assert_eq!(again, resident);
    }

    #[test]
    fn facts_have_a_default_and_a_language_reads_and_writes() {
        let facts = Facts {
            id: "R-9".into(),
            ..Facts::default()
        };
        assert!(facts.certificates.is_none() && facts.applications.is_empty());
        assert_eq!("zh".parse::<Language>().expect("zh"), Language::Chinese);
        assert_eq!(Language::default(), Language::English);
        assert_eq!(Language::Chinese.to_string(), "zh");
        assert_eq!(
            serde_json::to_string(&Language::Chinese).expect("writes"),
            "\"zh\""
        );
        assert_eq!(
            serde_json::from_str::<Language>("\"en\"").expect("reads"),
            Language::English
        );
        assert!("fr".parse::<Language>().is_err());
    }
}

mod errors {
    use super::*;

    fn kind(json: &str) -> ErrorKind {
        Resident::from_json(json).unwrap_err().kind()
    }

    #[test]
    fn malformed_json_is_told_from_a_bad_value() {
        assert_eq!(kind(r#"{ "id": "R-1", "#), ErrorKind::Syntax);
        assert_eq!(kind(r#"{ "id": "R-1" } x"#), ErrorKind::Syntax);
        assert_eq!(
            kind(
                r#"{ "id": "R-1", "certificates": [{ "category": "visual", "grade": 5, "issued": "2020-01-01" }] }"#
            ),
            ErrorKind::InvalidValue
        );
        assert_eq!(
            kind(
                r#"{ "id": "R-1", "other_benefits": [{ "kind": "elderly_care_nursing_subsidy", "status": "receiving", "from": "2020-01-01", "monthly_amount": "-5" }] }"#
            ),
            ErrorKind::InvalidValue
        );
        assert_eq!(kind(r#"{ "id": "" }"#), ErrorKind::InconsistentFacts);
        let resident = Resident::from_value(&eligible()).expect("reads");
        let err = policy().decide(&resident, month("2023-07")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotCovered);
        let err = policy()
            .schedule(&resident, month("2024-05"), month("2024-01"))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidRange);
        let err = Reform::from_json(r#"{ "name": "", "overrides": [] }"#).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidReform);
        let err = Policy::from_json("{}").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidPolicy);
    }

    #[test]
    fn kinds_have_stable_names() {
        let names: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(
            names,
            [
                "syntax",
                "invalid_value",
                "inconsistent_facts",
                "not_covered",
                "invalid_range",
                "invalid_reform",
                "invalid_policy"
            ]
        );
        for kind in ErrorKind::ALL {
            assert_eq!(
                serde_json::to_value(kind).expect("writes"),
                json!(kind.name())
            );
        }
    }

    #[test]
    fn an_error_serializes_as_its_body() {
        let err = Resident::from_json(r#"{"id":"R-1","certificates":[{"grade":5}]}"#).unwrap_err();
        let body = serde_json::to_value(err.body(Language::Chinese)).expect("writes");
        assert_eq!(body["kind"], "invalid_value");
        assert_eq!(body["path"], "certificates[0].grade");
        assert_eq!(body["language"], "zh");
        assert_eq!(body["message"], err.describe(Language::Chinese));
        let english = serde_json::to_value(&err).expect("writes");
        assert_eq!(english["message"], err.to_string());
        assert_eq!(english["line"], 1);
        // A client reads it back.
        let back: tianjin_disability_subsidies::error::ErrorBody =
            serde_json::from_value(body).expect("reads");
        assert_eq!(back.kind, ErrorKind::InvalidValue);
    }

    #[test]
    fn control_characters_from_the_input_are_escaped_in_every_message() {
        let mut facts = eligible();
        facts["certificates"][0]["category"] = json!("visual\u{1b}[2J\nforged");
        let err = Resident::from_value(&facts).unwrap_err();
        for lang in [Language::English, Language::Chinese] {
            let text = err.describe(lang);
            assert!(!text.chars().any(char::is_control), "{text:?}");
            assert!(text.contains("\\u{1b}[2J\\nforged"), "{text}");
        }
        // An id with a newline cannot forge a line of an explanation.
        facts = eligible();
        facts["id"] = json!("R-1\nforged line");
        let resident = Resident::from_value(&facts).expect("reads");
        let schedule = policy()
            .schedule(&resident, month("2024-01"), month("2024-02"))
            .expect("decides");
        let text = schedule.explain(Language::Chinese).to_string();
        assert!(!text.lines().any(|l| l.starts_with("forged")), "{text}");
        assert!(text.contains("R-1\\nforged line"), "{text}");
    }

    #[test]
    fn an_explanation_lists_every_reason_as_its_own_line_and_escapes_what_the_input_wrote() {
        // A month of the rich bench resident: each reason is a line of its own, indented under
        // its subsidy, worded as `Reason::describe` words it.
        let resident = Resident::from_json(include_str!("../examples/data/bench-resident.json"))
            .expect("reads");
        let d = policy()
            .decide(&resident, month("2024-03"))
            .expect("decides");
        for lang in [Language::English, Language::Chinese] {
            let text = d.explain(lang).to_string();
            let lines: Vec<&str> = text.lines().collect();
            let mut expected = Vec::new();
            for subsidy in [&d.living, &d.nursing] {
                expected.extend(
                    subsidy
                        .reasons
                        .iter()
                        .map(|r| format!("    {}", r.describe(lang))),
                );
            }
            expected.extend(d.reasons.iter().map(|r| format!("  {}", r.describe(lang))));
            let found: Vec<String> = lines
                .iter()
                .filter(|l| l.trim_start().starts_with('['))
                .map(|l| l.to_string())
                .collect();
            assert_eq!(found, expected, "{text}");
            assert!(expected.len() > 10, "{text}");
        }
        // An institution's name with a newline cannot forge a line of a reason.
        let mut facts = eligible();
        facts["orphan_guarantee"] = json!([{
            "care": { "kind": "institution", "institution": "福利院\nforged", "funded_for_care": false },
            "from": "2015-01-01"
        }]);
        let resident = Resident::from_value(&facts).expect("reads");
        let d = policy()
            .decide(&resident, month("2024-03"))
            .expect("decides");
        let text = d.explain(Language::Chinese).to_string();
        let reason_naming_it = text
            .lines()
            .any(|l| l.trim_start().starts_with('[') && l.contains("福利院\\nforged"));
        assert!(reason_naming_it, "{text}");
        assert!(!text.lines().any(|l| l.starts_with("forged")), "{text}");
    }

    #[test]
    fn a_huge_value_is_quoted_as_a_short_excerpt() {
        let huge = "x".repeat(1 << 20);
        let text = format!(r#"{{"id":"R-1","hukou":[{{"place":"{huge}","from":"2020-01-01"}}]}}"#);
        let err = Resident::from_json(&text).unwrap_err();
        for lang in [Language::English, Language::Chinese] {
            let message = err.describe(lang);
            assert!(message.len() < 400, "{} bytes: {message}", message.len());
            assert!(
                message.contains(&format!("{}…", "x".repeat(63))),
                "{message}"
            );
        }
        let err = "2024-".repeat(100_000).parse::<Month>().unwrap_err();
        assert!(err.to_string().len() < 200, "{err}");
        // An id or an institution's name has at most MAX_TEXT_CHARS characters.
        let mut facts = eligible();
        facts["id"] = json!("编".repeat(MAX_TEXT_CHARS + 1));
        let err = Resident::from_value(&facts).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InconsistentFacts);
        assert_eq!(
            err.to_string(),
            "id: expected at most 200 characters, found 201"
        );
        facts["id"] = json!("编".repeat(MAX_TEXT_CHARS));
        assert!(Resident::from_value(&facts).is_ok());
    }
}

#[test]
fn a_compact_schedule_is_a_fraction_of_the_full_one_and_reads_back() {
    let resident = Resident::from_value(&eligible()).expect("reads");
    let schedule = policy()
        .schedule(&resident, month("2024-01"), month("2024-12"))
        .expect("decides");
    let full = serde_json::to_string(&schedule).expect("writes");
    let compact = schedule.compact();
    let short = serde_json::to_string(&compact).expect("writes");
    assert!(
        short.len() * 4 < full.len(),
        "{} vs {}",
        short.len(),
        full.len()
    );
    assert!(!short.contains("text_zh"));
    let back: tianjin_disability_subsidies::decision::CompactSchedule =
        serde_json::from_str(&short).expect("reads");
    assert_eq!(back, compact);
    for (m, c) in schedule.months.iter().zip(&compact.months) {
        assert_eq!(m.living.amount(), c.living.amount);
        assert_eq!(m.nursing.outcome, c.nursing.outcome);
        assert_eq!(m.clause_ids().len(), {
            let mut ids = c.clauses.clone();
            for id in c.living.clauses.iter().chain(&c.nursing.clauses) {
                if !ids.contains(id) {
                    ids.push(*id);
                }
            }
            ids.len()
        });
    }
}

/// 200,000 orphans in 200,000 institutions of distinct names: the scan aggregates at most
/// `MAX_INSTITUTIONS`, pays the others a record at once, and its totals are exact.
#[test]
fn institutions_beyond_the_cap_are_paid_at_once_and_the_totals_hold() {
    const CHILDREN: usize = 200_000;
    let mut facts = eligible();
    facts["id"] = json!("C");
    facts["hukou"][0]["from"] = json!("2012-06-01");
    facts["certificates"][0] =
        json!({ "category": "intellectual", "grade": 1, "issued": "2016-04-01" });
    let options = ScanOptions::new(month("2025-06"));
    let mut scan = RosterScan::new(policy(), options).expect("covered");
    let (mut at_once, mut at_end, mut children_at_end) = (0usize, 0usize, 0u64);
    let mut sink = |record: ScanRecord| {
        if let ScanRecord::InstitutionPayment { children, .. } = record {
            at_once += 1;
            children_at_end += children;
        }
    };
    let template: Facts = serde_json::from_value(facts).expect("facts");
    for i in 0..CHILDREN {
        let mut facts = template.clone();
        facts.orphan_guarantee = Some(vec![serde_json::from_value(json!({
            "care": { "kind": "institution", "institution": format!("福利院{i:06}"), "funded_for_care": false },
            "from": "2015-01-01"
        }))
        .expect("a period")]);
        scan.resident(&Resident::new(facts).expect("checks"), &mut sink);
    }
    let immediately = at_once;
    let mut last = 0u64;
    let summary: ScanSummary = scan.finish(|record| {
        if let ScanRecord::InstitutionPayment { children, .. } = record {
            at_end += 1;
            last += children;
        }
    });
    assert_eq!(immediately, CHILDREN - MAX_INSTITUTIONS);
    assert_eq!(at_end, MAX_INSTITUTIONS);
    assert_eq!(
        summary.unaggregated_institution_children,
        (CHILDREN - MAX_INSTITUTIONS) as u64
    );
    assert_eq!(summary.nursing.institution_children, CHILDREN as u64);
    assert_eq!(children_at_end + last, CHILDREN as u64);
    assert_eq!(
        summary.nursing.to_institutions.to_string(),
        (200 * CHILDREN).to_string()
    );
}

mod parts {
    use super::*;

    /// The bundled roster's records and summary, scanned in one pass.
    fn one_pass(options: ScanOptions) -> (ScanSummary, Vec<ScanRecord>) {
        let mut records = Vec::new();
        let summary = RosterScan::new(policy(), options)
            .expect("covered")
            .scan(BUNDLED.as_bytes(), |r| records.push(r))
            .expect("memory");
        (summary, records)
    }

    #[test]
    fn a_roster_scanned_on_threads_gives_what_one_scan_gives() {
        let options = ScanOptions::new(month("2025-06")).with_language(Language::Chinese);
        for threads in [2, 3, 7] {
            let parts = split(BUNDLED.as_bytes(), threads);
            assert_eq!(parts.len(), threads);
            let scans = std::thread::scope(|s| {
                let handles: Vec<_> = parts
                    .iter()
                    .map(|part| {
                        s.spawn(move || {
                            let mut records = Vec::new();
                            let mut scan = RosterScan::new(policy(), options)
                                .expect("covered")
                                .with_lines_before(part.lines_before);
                            scan.read(part.bytes, &mut |r| records.push(r))
                                .expect("memory");
                            (scan, records)
                        })
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().expect("no panic"))
                    .collect::<Vec<_>>()
            });
            let mut records = Vec::new();
            let mut merged: Option<RosterScan> = None;
            for (scan, part) in scans {
                records.extend(part);
                match &mut merged {
                    None => merged = Some(scan),
                    Some(m) => m
                        .merge(scan, &mut |r| records.push(r))
                        .expect("same options"),
                }
            }
            let summary = merged.expect("parts").finish(|r| records.push(r));
            assert_eq!((summary, records), one_pass(options), "{threads} threads");
        }
    }

    /// Any number of parts, any roster: the parts are the roster, in order, cut at line ends,
    /// each knowing the lines before it; none is empty; nothing panics.
    #[test]
    fn a_roster_splits_into_whole_lines() {
        for roster in ["", "a", "a\n", "a\nb", "a\n\nb\n", BUNDLED] {
            for parts in [0, 1, 2, 3, 7, 1000, usize::MAX] {
                let cut = split(roster.as_bytes(), parts);
                assert!(
                    !cut.is_empty() && cut.len() <= parts.max(1),
                    "{parts} of {roster:?}"
                );
                let joined: Vec<u8> = cut.iter().flat_map(|p| p.bytes.iter().copied()).collect();
                assert_eq!(joined, roster.as_bytes(), "{parts} of {roster:?}");
                let mut lines = 0;
                for (i, part) in cut.iter().enumerate() {
                    assert_eq!(part.lines_before, lines, "{parts} of {roster:?}");
                    assert!(i == 0 || !part.bytes.is_empty());
                    if i + 1 < cut.len() {
                        assert!(part.bytes.ends_with(b"\n"), "{parts} of {roster:?}");
                    }
                    lines += part.bytes.iter().filter(|&&b| b == b'\n').count();
                }
            }
        }
    }

    #[test]
    fn scans_of_different_months_do_not_merge() {
        let mut june =
            RosterScan::new(policy(), ScanOptions::new(month("2025-06"))).expect("covered");
        let july = RosterScan::new(policy(), ScanOptions::new(month("2025-07"))).expect("covered");
        assert_eq!(june.merge(july, |_| {}), Err(MergeError::DifferentOptions));
        assert_eq!(
            MergeError::DifferentOptions.describe(Language::Chinese),
            "不同月份或不同选项的名册筛查结果不能合并"
        );
    }

    /// Review: scans were merged when their policies had the same name, whatever their
    /// parameters; two versions of a policy under one name are different policies.
    #[test]
    fn scans_under_different_policies_of_one_name_do_not_merge() {
        let changed =
            policy_with(|p| p["parameters"]["nursing_allowance"][0]["value"] = json!("230"));
        assert_eq!(changed.name(), policy().name());
        assert_ne!(changed, *policy());
        let options = ScanOptions::new(month("2025-06"));
        let mut one = RosterScan::new(policy(), options).expect("covered");
        let other = RosterScan::new(&changed, options).expect("covered");
        assert_eq!(one.merge(other, |_| {}), Err(MergeError::DifferentPolicies));
        // An equal policy read again is the same policy.
        let again = policy_with(|_| {});
        let other = RosterScan::new(&again, options).expect("covered");
        assert_eq!(one.merge(other, |_| {}), Ok(()));
    }

    #[test]
    fn a_reform_compared_in_parts_gives_what_one_comparison_gives() {
        let baseline = Policy::tianjin_2023();
        let reform = Reform::from_json(LIVING_350).expect("reads");
        let reformed = reform.apply(&baseline).expect("applies");
        let (first, last) = (month("2024-07"), month("2025-12"));
        let compare = |lines: &[&str]| {
            let mut comparer = Comparer::new(&baseline, &reformed, first, last).expect("covered");
            for line in lines {
                if let Ok(resident) = Resident::from_json(line) {
                    comparer.add(&resident).expect("covered");
                }
            }
            comparer.finish()
        };
        let lines: Vec<&str> = BUNDLED.lines().collect();
        let whole = compare(&lines);
        let (a, b) = lines.split_at(lines.len() / 3);
        let mut merged = compare(a);
        merged.merge(&compare(b)).expect("same question");
        assert_eq!(merged, whole);
        let other = Comparer::new(&baseline, &reformed, first, month("2025-06"))
            .expect("covered")
            .finish();
        assert_eq!(merged.merge(&other), Err(MergeError::DifferentMonths));
        // A comparison read back from JSON with a month missing does not merge, and is not
        // changed.
        let mut damaged = whole.clone();
        damaged.monthly.pop();
        let before = merged.clone();
        assert_eq!(merged.merge(&damaged), Err(MergeError::DifferentMonths));
        assert_eq!(merged, before);
        let mut summary = ScanSummary::default();
        summary.merge(&one_pass(ScanOptions::new(month("2025-06"))).0);
        assert_eq!(summary, one_pass(ScanOptions::new(month("2025-06"))).0);
    }
}
