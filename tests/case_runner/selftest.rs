//! The runner's own tests, as trials named `runner::…`: cases written in memory, and the
//! deliberately wrong files of `tests/case-fixtures/` (never read as cases), give exactly the
//! expected report.

use std::fmt::{Debug, Display};

use libtest_mimic::{Failed, Trial};
use tianjin_disability_subsidies::ClauseId;

use crate::read::read_case;
use crate::run::{run_case, CaseRun};
use crate::{root, selected, tags_of};

/// One of the runner's own tests.
type Test = fn() -> Result<(), Failed>;

/// The runner's own tests.
pub fn trials() -> Vec<Trial> {
    let tests: [(&str, Test); 17] = [
        (
            "a_wrong_expectation_gives_one_line_per_field",
            one_line_per_field,
        ),
        ("a_right_expectation_gives_no_line", right_expectation),
        (
            "an_array_for_an_object_or_a_repeated_key_is_refused",
            array_or_repeated_key,
        ),
        ("an_unknown_field_is_named_with_its_path", unknown_field),
        (
            "a_declared_clause_no_decision_cites_is_reported",
            declared_not_cited,
        ),
        ("a_range_groups_identical_disagreements", range_groups),
        (
            "month_and_months_are_exclusive_and_a_range_must_read",
            month_and_months,
        ),
        ("a_reform_is_applied_to_the_cases_policy", reform_applied),
        (
            "a_path_that_cannot_be_read_names_its_base",
            path_names_its_base,
        ),
        ("filters_by_name_and_by_tag", filters),
        (
            "facts_errors_carry_the_case_files_own_position",
            facts_position,
        ),
        ("fixture_wrong_reports_every_problem_at_once", fixture_wrong),
        (
            "fixture_missing_clauses_names_the_field",
            fixture_missing_clauses,
        ),
        ("fixture_not_json_has_the_crates_position", fixture_not_json),
        (
            "a_misspelt_field_leaves_the_rest_of_its_expectation_checked",
            fixture_two_in_one,
        ),
        (
            "every_top_level_problem_is_reported",
            every_top_level_problem,
        ),
        ("a_right_case_reads_the_same_in_parts", reads_in_parts),
    ];
    tests
        .into_iter()
        .map(|(name, test)| Trial::test(format!("runner::{name}"), test))
        .collect()
}

fn same<T: PartialEq + Debug>(found: T, expected: T) -> Result<(), Failed> {
    if found == expected {
        Ok(())
    } else {
        Err(Failed::from(format!(
            "expected:\n{expected:#?}\nfound:\n{found:#?}"
        )))
    }
}

fn holds(condition: bool, what: impl Display) -> Result<(), Failed> {
    if condition {
        Ok(())
    } else {
        Err(Failed::from(what.to_string()))
    }
}

const FACTS: &str = r#"{
        "id": "TJ-RUNNER-1",
        "hukou": [{ "place": "tianjin", "from": "1971-02-03" }],
        "certificates": [{ "category": "physical", "grade": 1, "issued": "2018-04-16", "expires": "2028-04-15" }],
        "household_assistance": [{ "kind": "dibao", "from": "2020-07-01" }],
        "orphan_guarantee": [], "other_benefits": [], "custody": [],
        "applications": [{ "subsidies": ["living", "nursing"], "submitted": "2023-10-09" }]
    }"#;

/// A case of the resident above (paid 300 + 200 from 2023-10) declaring `living.eligibility`.
fn case(expect: &str) -> String {
    format!(
        r#"{{ "description": "runner test", "clauses": ["living.eligibility"],
            "facts": {FACTS}, "expect": {expect} }}"#
    )
}

fn run(text: &str) -> CaseRun {
    run_case(text, root())
}

fn fixture(name: &str) -> Result<(String, String), Failed> {
    let path = root().join("tests").join("case-fixtures").join(name);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok((format!("tests/case-fixtures/{name}"), text))
}

/// Every position in a report is written `(line N, column M)`, never serde_json's way
/// (`at line N column M`).
fn positions_are_the_crates(report: &str) -> Result<(), Failed> {
    let well_written = |rest: &str| {
        let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let n = digits(rest);
        let Some(after) = rest[n..].strip_prefix(", column ") else {
            return false;
        };
        let m = digits(after);
        n > 0 && m > 0 && after[m..].starts_with(')')
    };
    let positions: Vec<&str> = report.split("(line ").skip(1).collect();
    holds(
        !report.contains("at line ")
            && report.matches("column ").count() == positions.len()
            && positions.iter().all(|rest| well_written(rest)),
        format!("a position not written (line N, column M):\n{report}"),
    )
}

fn one_line_per_field() -> Result<(), Failed> {
    let text = case(
        r#"[{ "month": "2024-01",
            "living": { "outcome": "paid", "amount": "160", "reasons": ["amounts", "stop.month"] },
            "nursing": { "outcome": "stopped", "since": "2024-01" },
            "total": "460" }]"#,
    );
    same(
        run(&text).problems,
        vec![
            "2024-01 living.amount: expected 160, found 300".to_owned(),
            "2024-01 living.reasons: expected stop.month cited, found \
             [amounts, living.eligibility, start.month]"
                .to_owned(),
            "2024-01 nursing.outcome: expected stopped, found paid".to_owned(),
            "2024-01 nursing.since: expected 2024-01, found none (the outcome is paid)".to_owned(),
            "2024-01 total: expected 460, found 500".to_owned(),
        ],
    )
}

fn right_expectation() -> Result<(), Failed> {
    let text = case(
        r#"[{ "month": "2024-01",
            "living": { "outcome": "paid", "amount": "300", "payee": "person", "gives_up": [] },
            "nursing": { "outcome": "paid", "amount": "200", "not_reasons": ["stop.month"] },
            "total": "500", "reasons": ["both", "in_force"] },
           { "month": "2023-07",
             "error": "no loaded policy covers 2023-07: policy tianjin-2023 covers 2023-08 onwards" }]"#,
    );
    let run = run(&text);
    same(run.problems, Vec::<String>::new())?;
    same(run.declared, vec![ClauseId::LivingEligibility])
}

/// Case files are read strictly: a month written as an array, or a key written twice, is refused
/// at its path (serde alone would fill the struct by position, or keep the second).
fn array_or_repeated_key() -> Result<(), Failed> {
    let problems = run(&case(r#"[["2024-01", { "outcome": "paid" }]]"#)).problems;
    holds(
        problems.len() == 2
            && problems[0].starts_with("expect[0]: invalid type: sequence, expected")
            && problems[1].starts_with("clauses[0]: living.eligibility is declared"),
        format!("{problems:#?}"),
    )?;
    let problems = run(&case(
        r#"[{ "month": "2024-01", "living": { "outcome": "paid", "amount": "300", "amount": "160" } }]"#,
    ))
    .problems;
    holds(
        problems.len() == 1
            && problems[0].starts_with("expect[0].living.amount: duplicate field `amount`"),
        format!("{problems:#?}"),
    )
}

fn unknown_field() -> Result<(), Failed> {
    let problems = run(&case(
        r#"[{ "month": "2024-01", "living": { "outcome": "paid", "amout": "300" } }]"#,
    ))
    .problems;
    holds(
        problems.len() == 1
            && problems[0]
                .starts_with("expect[0].living.amout: unknown field `amout`, expected one of")
            && problems[0].ends_with("(line 9, column 78)"),
        format!("{problems:#?}"),
    )
}

fn declared_not_cited() -> Result<(), Failed> {
    let text = case(r#"[{ "month": "2024-01", "living": { "outcome": "paid" } }]"#).replace(
        r#""clauses": ["living.eligibility"]"#,
        r#""clauses": ["exclusion.prison"]"#,
    );
    same(
        run(&text).problems,
        vec![
            "clauses[0]: exclusion.prison is declared, but no decision of the case cites it \
             (line 1, column 45)"
                .to_owned(),
        ],
    )
}

fn range_groups() -> Result<(), Failed> {
    // Paid 300 every month from 2023-10; an expectation of 160 over 2023-09..2023-11 fails in
    // September (not yet applied: 应享未享, would pay 300) and alike in the two months paid 300.
    let text = case(
        r#"[{ "months": "2023-09..2023-11", "living": { "outcome": "paid", "amount": "160" } },
           { "months": "2024-01..2024-03", "living": { "outcome": "paid", "amount": "300" } }]"#,
    );
    let run = run(&text);
    same(
        run.problems,
        vec![
            "2023-09 living.outcome: expected paid, found not_applied_for".to_owned(),
            "2023-09 living.amount: expected 160, found 0".to_owned(),
            "2023-10..2023-11 living.amount: expected 160, found 300".to_owned(),
        ],
    )?;
    same(
        run.explanations.keys().map(ToString::to_string).collect(),
        vec!["2023-09".to_owned(), "2023-10".to_owned()],
    )
}

fn month_and_months() -> Result<(), Failed> {
    let text = case(
        r#"[{ "month": "2024-01", "months": "2024-01..2024-02", "living": { "outcome": "paid" } },
           { "living": { "outcome": "paid" } }]"#,
    );
    same(
        run(&text).problems,
        vec![
            "expect[0]: expected exactly one of \"month\" and \"months\" (line 9, column 19)"
                .to_owned(),
            "expect[1]: expected exactly one of \"month\" and \"months\" (line 10, column 12)"
                .to_owned(),
            "clauses[0]: living.eligibility is declared, but no decision of the case cites it \
             (line 1, column 45)"
                .to_owned(),
        ],
    )?;
    for bad in [
        "2024-03..2024-01",
        "2024-01-2024-03",
        "2024-01..",
        "2024-01..2024-13",
    ] {
        let text = case(&format!(
            r#"[{{ "months": "{bad}", "living": {{ "outcome": "paid" }} }}]"#
        ));
        let problems = run(&text).problems;
        holds(
            problems.len() == 2
                && problems[0].starts_with(&format!(
                    "expect[0].months: expected a range of months as \"YYYY-MM..YYYY-MM\", \
                     the first not after the last, found \"{bad}\""
                ))
                && problems[0].ends_with(')')
                && problems[1].starts_with("clauses[0]"),
            format!("{problems:#?}"),
        )?;
    }
    Ok(())
}

fn reform_applied() -> Result<(), Failed> {
    // living-350 (tests/cases/reforms/living-350.json): 300 until 2024-12, 350 from 2025-01.
    let text = case(
        r#"[{ "months": "2024-11..2024-12", "living": { "outcome": "paid", "amount": "300" } },
           { "months": "2025-01..2025-02", "living": { "outcome": "paid", "amount": "350" } }]"#,
    )
    .replace(
        r#""clauses": ["living.eligibility"]"#,
        r#""clauses": ["living.eligibility"], "reform": "tests/cases/reforms/living-350.json", "tags": ["reform"]"#,
    );
    same(run(&text).problems, Vec::<String>::new())?;
    // Under the baseline the same expectations fail in the two 2025 months, one line.
    let baseline = text.replace(r#""reform": "tests/cases/reforms/living-350.json", "#, "");
    same(
        run(&baseline).problems,
        vec!["2025-01..2025-02 living.amount: expected 350, found 300".to_owned()],
    )
}

/// A path is relative to the crate root, and an error about it says so.
fn path_names_its_base() -> Result<(), Failed> {
    let absolute = root().join("tests/cases/reforms/no-such-reform.json");
    for field in ["reform", "policy"] {
        let text = case(r#"[{ "month": "2024-01", "living": { "outcome": "paid" } }]"#).replace(
            r#""clauses": ["living.eligibility"]"#,
            &format!(
                r#""clauses": ["living.eligibility"], "{field}": "tests/cases/reforms/no-such-reform.json""#
            ),
        );
        let problems = run(&text).problems;
        let expected = format!(
            "{field}: cannot read tests/cases/reforms/no-such-reform.json (relative to the crate \
             root, {}): ",
            absolute.display()
        );
        holds(
            problems.len() == 1 && problems[0].starts_with(&expected) && problems[0].ends_with(')'),
            format!("expected one problem starting {expected:?}, found {problems:#?}"),
        )?;
    }
    Ok(())
}

fn filters() -> Result<(), Failed> {
    let tags = ["reform".to_owned(), "amounts".to_owned()];
    holds(
        selected("reform-living-350", &tags, None, None),
        "no filter",
    )?;
    holds(
        selected("reform-living-350", &tags, Some("living"), None),
        "CASE",
    )?;
    holds(
        !selected("reform-living-350", &tags, Some("orphan"), None),
        "CASE",
    )?;
    holds(
        selected("reform-living-350", &tags, None, Some("amounts")),
        "TAG",
    )?;
    holds(
        !selected("reform-living-350", &tags, None, Some("amount")),
        "TAG exact",
    )?;
    holds(
        !selected("reform-living-350", &tags, Some("living"), Some("stop")),
        "both",
    )?;
    holds(
        !selected("stack-elderly", &[], None, Some("reform")),
        "no tags",
    )?;
    same(
        tags_of(r#"{ "tags": ["reform", "stop"], "description": "d" }"#),
        vec!["reform".to_owned(), "stop".to_owned()],
    )?;
    same(tags_of("{ not json"), Vec::<String>::new())
}

fn facts_position() -> Result<(), Failed> {
    let text = "{ \"description\": \"grade 5\", \"clauses\": [],\n  \"facts\": { \"id\": \"X\",\n    \"certificates\": [{ \"category\": \"physical\", \"grade\": 5, \"issued\": \"2020-03-01\" }] },\n  \"expect_error\": \"wrong\" }";
    same(
        run(text).problems,
        vec![
            "expect_error: expected wrong, found certificates[0].grade: expected a \
              disability grade from 1 to 4, found 5 (line 3, column 57)"
                .to_owned(),
        ],
    )
}

/// The deliberately wrong fixture: every problem in one report, the nine months in one line,
/// each month explained once, every position the crate's.
fn fixture_wrong() -> Result<(), Failed> {
    let (file, text) = fixture("wrong.json")?;
    let run = run(&text);
    same(
        run.problems.clone(),
        vec![
            "clauses[2]: invalid value: string \"living.eligibilty\", expected a clause id of \
             CLAUSES.md (line 3, column 75)"
                .to_owned(),
            "expect[2].living.amout: unknown field `amout`, expected one of `outcome`, `amount`, \
             `payee`, `because`, `by`, `since`, `stop_because`, `missing`, `would_pay`, \
             `gives_up`, `reasons`, `not_reasons` (line 17, column 64)"
                .to_owned(),
            "2024-01..2024-09 living.amount: expected 160, found 300".to_owned(),
            "2024-10 nursing.outcome: expected not_eligible, found paid".to_owned(),
            "2024-10 nursing.because: expected [grade_not_severe], found none (the outcome is paid)"
                .to_owned(),
            "clauses[1]: exclusion.prison is declared, but no decision of the case cites it \
             (line 3, column 37)"
                .to_owned(),
        ],
    )?;
    let report = run.report(&file);
    holds(
        report.starts_with("tests/case-fixtures/wrong.json: 6 problems\n  clauses[2]: "),
        format!("the report's first lines:\n{report}"),
    )?;
    for month in ["2024-01", "2024-10"] {
        let heading = format!("\n{month}, as the engine decides it:\n");
        holds(
            report.matches(&heading).count() == 1,
            format!("{month} explained once:\n{report}"),
        )?;
    }
    holds(
        report.matches(", as the engine decides it:").count() == 2,
        format!("two months explained:\n{report}"),
    )?;
    holds(
        report.matches("2024-0").count() > 0 && !report.contains("\n  2024-02 "),
        format!("no line for 2024-02 alone:\n{report}"),
    )?;
    positions_are_the_crates(&report)
}

/// One expectation with a misspelt field and a wrong amount: both are reported in one run, the
/// misspelt field left out so that the rest of the expectation is checked.
fn fixture_two_in_one() -> Result<(), Failed> {
    let (file, text) = fixture("two-in-one.json")?;
    let run = run(&text);
    same(
        run.problems.clone(),
        vec![
            "expect[0].nursing.ammount: unknown field `ammount`, expected one of `outcome`, \
             `amount`, `payee`, `because`, `by`, `since`, `stop_because`, `missing`, \
             `would_pay`, `gives_up`, `reasons`, `not_reasons` (line 15, column 127)"
                .to_owned(),
            "2024-03..2024-09 living.amount: expected 160, found 300".to_owned(),
        ],
    )?;
    let report = run.report(&file);
    holds(
        report.starts_with("tests/case-fixtures/two-in-one.json: 2 problems\n"),
        format!("the report's first line:\n{report}"),
    )?;
    positions_are_the_crates(&report)
}

fn fixture_missing_clauses() -> Result<(), Failed> {
    let (file, text) = fixture("missing-clauses.json")?;
    let run = run(&text);
    same(
        run.problems.clone(),
        vec!["clauses: missing field `clauses` (line 15, column 1)".to_owned()],
    )?;
    let report = run.report(&file);
    holds(
        !report.contains(".: "),
        format!("the field is named:\n{report}"),
    )?;
    positions_are_the_crates(&report)
}

fn fixture_not_json() -> Result<(), Failed> {
    let (file, text) = fixture("not-json.json")?;
    let run = run(&text);
    same(
        run.problems.clone(),
        vec!["expected `,` or `}` (line 4, column 3)".to_owned()],
    )?;
    positions_are_the_crates(&run.report(&file))
}

/// Top-level problems do not hide one another: a misspelt field, a missing one, a key written
/// twice and a bad value are all reported, and the months still run; but not under a reform
/// that did not read.
fn every_top_level_problem() -> Result<(), Failed> {
    let text =
        case(r#"[{ "month": "2024-01", "living": { "outcome": "paid", "amount": "160" } }]"#)
            .replace(
                r#""description": "runner test", "#,
                r#""descripton": "runner test", "tags": "x", "#,
            )
            .replace(
                r#""clauses": ["living.eligibility"],"#,
                r#""clauses": ["living.eligibility"], "$schema": "a.json", "$schema": "b.json","#,
            );
    let problems = run(&text).problems;
    let starts = [
        "descripton: unknown field `descripton`, expected one of",
        "tags: invalid type: string \"x\", expected a sequence (line 1, column",
        "$schema: duplicate field `$schema` (line 1, column",
        "description: missing field `description` (line 9, column",
        "2024-01 living.amount: expected 160, found 300",
    ];
    holds(
        problems.len() == starts.len()
            && problems.iter().zip(starts).all(|(p, s)| p.starts_with(s)),
        format!("expected lines starting {starts:#?}\nfound {problems:#?}"),
    )?;
    let text = text.replace(
        r#""$schema": "a.json", "$schema": "b.json""#,
        r#""reform": 350"#,
    );
    let problems = run(&text).problems;
    let starts = [
        "descripton: unknown field `descripton`, expected one of",
        "tags: invalid type: string \"x\", expected a sequence (line 1, column",
        "reform: invalid type: integer `350`, expected a string (line 1, column",
        "description: missing field `description` (line 9, column",
    ];
    holds(
        problems.len() == starts.len()
            && problems.iter().zip(starts).all(|(p, s)| p.starts_with(s)),
        format!("expected lines starting {starts:#?}\nfound {problems:#?}"),
    )
}

/// Every case file reads in parts exactly as a whole: the same clauses and expectations.
fn reads_in_parts() -> Result<(), Failed> {
    for path in crate::case_files(root())? {
        let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        let whole: tianjin_disability_subsidies_support::cases::Case =
            tianjin_disability_subsidies::json::from_str(&text)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        let parts = read_case(&text);
        same(parts.problems, Vec::new())?;
        same(
            parts.clauses.into_iter().map(|(_, _, c)| c).collect(),
            whole.clauses.clone(),
        )?;
        same(
            parts.expects.into_iter().map(|(_, _, e)| e).collect(),
            whole.expect.clone().unwrap_or_default(),
        )?;
        let mut rest = parts.case.ok_or("no case")?;
        rest.clauses.clone_from(&whole.clauses);
        if rest.expect.is_some() {
            rest.expect.clone_from(&whole.expect);
        }
        same(rest, whole)?;
    }
    Ok(())
}
