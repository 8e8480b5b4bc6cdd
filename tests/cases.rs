//! The analyst case files: every `tests/cases/*.json`, run and compared month by month.
//!
//! The format is documented for analysts in `tests/cases/README.md`. One test,
//! [`analyst_cases_hold`], runs every file (sorted by name) and fails once at the end with one
//! readable line per mismatch, e.g.
//! `living-grade-3.json 2024-01 living.amount: expected 160, found 300`; the English explanation of
//! every failing month is printed above it. `CASE=<part of a file name> cargo test cases` runs
//! only the matching files; `TAG=<tag> cargo test cases` only the files whose `tags` list it.
//!
//! A case may apply a reform (`"reform": "reforms/<file>.json"`) to its policy, and may write an
//! expectation for a range of months (`"months": "2024-01..2024-06"`): every month of the range must
//! match it, so that a case survives a change of policy that does not touch what it is about.
//!
//! Files in `tests/cases-pending/` are not read: they hold cases that follow CLAUSES.md but that
//! the engine does not pass yet.

use std::collections::BTreeSet;
use std::fmt::Display;
use std::path::{Path, PathBuf};

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use tianjin_disability_subsidies::{
    decision::{Cause, FactGroup, Payee},
    facts::BenefitKind,
    ClauseId, Language, Money, Month, MonthDecision, Outcome, Policy, Reform, Resident,
    SubsidyDecision,
};

/// The least number of case files a full run must find.
const MIN_CASE_FILES: usize = 30;

/// One case file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What the case shows, in a sentence; for the reader only.
    #[serde(rename = "description")]
    _description: String,
    /// The clauses and readings the case is about; each must be cited by one of its decisions.
    clauses: Vec<ClauseId>,
    /// A policy variant file, relative to `tests/cases/`; the embedded Tianjin 2023 policy if
    /// absent.
    #[serde(default)]
    policy: Option<String>,
    /// A reform file (`Reform::from_json`), relative to `tests/cases/`, applied to the policy
    /// above (the Tianjin 2023 policy if there is none).
    #[serde(default)]
    reform: Option<String>,
    /// Free tags, for running a group of cases (`TAG=reform`); read by [`tags_of`] before the
    /// case is run, checked here to be a list of strings.
    #[serde(default, rename = "tags")]
    _tags: Vec<String>,
    /// The resident's facts, as `Resident::from_json` reads them.
    facts: serde_json::Value,
    /// What each month decides.
    #[serde(default)]
    expect: Option<Vec<MonthExpect>>,
    /// For facts that cannot be read: the exact text of the error.
    #[serde(default)]
    expect_error: Option<String>,
}

/// What one month decides.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MonthExpect {
    /// One month; or `months`, a range.
    #[serde(default)]
    month: Option<Month>,
    /// A range of months, `"2024-01..2024-06"` (both included): every month must match.
    #[serde(default)]
    months: Option<MonthRange>,
    #[serde(default)]
    living: Option<SubsidyExpect>,
    #[serde(default)]
    nursing: Option<SubsidyExpect>,
    #[serde(default)]
    total: Option<Money>,
    /// Clause ids cited somewhere in the month's decision (month-level reasons included).
    #[serde(default)]
    reasons: Option<Vec<ClauseId>>,
    /// Clause ids cited nowhere in the month's decision.
    #[serde(default)]
    not_reasons: Option<Vec<ClauseId>>,
    /// The exact text of the error deciding the month gives.
    #[serde(default)]
    error: Option<String>,
}

/// A range of months written `"YYYY-MM..YYYY-MM"`, both included, the first not after the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MonthRange {
    first: Month,
    last: Month,
}

impl std::str::FromStr for MonthRange {
    type Err = String;

    fn from_str(s: &str) -> Result<MonthRange, String> {
        let problem = || {
            format!(
                "expected a range of months as \"YYYY-MM..YYYY-MM\", the first not after the last, found \"{s}\""
            )
        };
        let (first, last) = s.split_once("..").ok_or_else(problem)?;
        let first: Month = first.parse().map_err(|_| problem())?;
        let last: Month = last.parse().map_err(|_| problem())?;
        if first > last {
            return Err(problem());
        }
        Ok(MonthRange { first, last })
    }
}

impl<'de> Deserialize<'de> for MonthRange {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<MonthRange, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl MonthExpect {
    /// The months the expectation is about, or the problem with its `month` / `months`.
    fn months(&self) -> Result<Vec<Month>, String> {
        match (self.month, self.months) {
            (Some(month), None) => Ok(vec![month]),
            (None, Some(range)) => Ok(range.first.through(range.last).collect()),
            _ => Err("expected exactly one of \"month\" and \"months\"".to_owned()),
        }
    }
}

/// What one subsidy decides in a month.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SubsidyExpect {
    outcome: OutcomeName,
    #[serde(default)]
    amount: Option<Money>,
    #[serde(default)]
    payee: Option<String>,
    #[serde(default)]
    because: Option<Vec<Cause>>,
    #[serde(default)]
    by: Option<String>,
    #[serde(default)]
    since: Option<Month>,
    #[serde(default)]
    stop_because: Option<Cause>,
    #[serde(default)]
    missing: Option<Vec<FactGroup>>,
    #[serde(default)]
    would_pay: Option<Money>,
    #[serde(default)]
    gives_up: Option<Vec<BenefitKind>>,
    #[serde(default)]
    reasons: Option<Vec<ClauseId>>,
    #[serde(default)]
    not_reasons: Option<Vec<ClauseId>>,
}

/// The outcome names of the decision's JSON, so that a misspelt outcome is refused when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum OutcomeName {
    Paid,
    NotEligible,
    Excluded,
    Superseded,
    NotAppliedFor,
    Stopped,
    Undetermined,
}

impl OutcomeName {
    fn name(self) -> &'static str {
        match self {
            OutcomeName::Paid => "paid",
            OutcomeName::NotEligible => "not_eligible",
            OutcomeName::Excluded => "excluded",
            OutcomeName::Superseded => "superseded",
            OutcomeName::NotAppliedFor => "not_applied_for",
            OutcomeName::Stopped => "stopped",
            OutcomeName::Undetermined => "undetermined",
        }
    }
}

/// What running one case file gave.
#[derive(Debug, Default)]
struct CaseRun {
    /// One line per mismatch or problem, each starting with the file name.
    problems: Vec<String>,
    /// The clauses the case declares.
    declared: Vec<ClauseId>,
}

/// Runs one case file: `file` is its name (for the messages), `text` its content, `dir` the
/// directory its `policy` and `reform` paths are relative to.
fn run_case(file: &str, text: &str, dir: &Path) -> CaseRun {
    let mut run = CaseRun::default();
    let case = match read_case(text) {
        Ok(case) => case,
        Err(message) => {
            run.problems.push(format!("{file}: {message}"));
            return run;
        }
    };
    run.declared.clone_from(&case.clauses);
    let policy = match &case.policy {
        None => Policy::tianjin_2023(),
        Some(path) => {
            let loaded = std::fs::read_to_string(dir.join(path))
                .map_err(|e| format!("cannot read {path}: {e}"))
                .and_then(|json| Policy::from_json(&json).map_err(|e| e.to_string()));
            match loaded {
                Ok(policy) => policy,
                Err(message) => {
                    run.problems.push(format!("{file}: policy: {message}"));
                    return run;
                }
            }
        }
    };
    let policy = match &case.reform {
        None => policy,
        Some(path) => {
            let reformed = std::fs::read_to_string(dir.join(path))
                .map_err(|e| format!("cannot read {path}: {e}"))
                .and_then(|json| {
                    Reform::from_json(&json)
                        .and_then(|reform| reform.apply(&policy))
                        .map_err(|e| format!("{path}: {e}"))
                });
            match reformed {
                Ok(policy) => policy,
                Err(message) => {
                    run.problems.push(format!("{file}: reform: {message}"));
                    return run;
                }
            }
        }
    };
    // The facts are read from the case file's own text, everything else blanked, so that the line
    // and column of a JSON error are those of the case file.
    let facts_json = facts_text(text).unwrap_or_else(|| case.facts.to_string());
    let resident = Resident::from_json(&facts_json);
    match (&case.expect, &case.expect_error, resident) {
        (Some(_), Some(_), _) | (None, None, _) => {
            run.problems.push(format!(
                "{file}: expected exactly one of \"expect\" and \"expect_error\""
            ));
        }
        (None, Some(expected), Ok(_)) => {
            run.problems.push(format!(
                "{file} expect_error: expected {expected}, found facts without error"
            ));
        }
        (None, Some(expected), Err(error)) => {
            let found = error.to_string();
            if &found != expected {
                run.problems.push(format!(
                    "{file} expect_error: expected {expected}, found {found}"
                ));
            }
        }
        (Some(_), None, Err(error)) => {
            run.problems.push(format!("{file}: facts: {error}"));
        }
        (Some(months), None, Ok(resident)) => {
            if months.is_empty() {
                run.problems
                    .push(format!("{file}: expected at least one month in \"expect\""));
            }
            let mut cited = BTreeSet::new();
            for (i, expect) in months.iter().enumerate() {
                let list = match expect.months() {
                    Ok(list) => list,
                    Err(problem) => {
                        run.problems.push(format!("{file}: expect[{i}]: {problem}"));
                        continue;
                    }
                };
                for month in list {
                    let decided = policy.decide(&resident, month);
                    if let Ok(decision) = &decided {
                        cited.extend(decision.clause_ids());
                    }
                    let lines = check_month(expect, &decided);
                    if !lines.is_empty() {
                        if let Ok(decision) = &decided {
                            eprintln!("{file} {month}:\n{}", decision.explain(Language::English));
                        }
                    }
                    run.problems
                        .extend(lines.into_iter().map(|l| format!("{file} {month} {l}")));
                }
            }
            for clause in &case.clauses {
                if !cited.contains(clause) {
                    run.problems.push(format!(
                        "{file}: declares clause {clause}, but no decision of the case cites it"
                    ));
                }
            }
        }
    }
    run
}

/// Reads a case strictly (an array for an object, or a key written twice, is refused), naming
/// the JSON path of the first field at fault.
fn read_case(text: &str) -> Result<Case, String> {
    tianjin_disability_subsidies::json::from_str(text).map_err(|e| e.to_string())
}

/// The case file's text with everything but the value of its top-level `"facts"` blanked
/// (newlines kept), so that the facts keep their lines and columns.
fn facts_text(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let skip_whitespace = |mut i: usize| {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        i
    };
    let mut i = skip_whitespace(0);
    if bytes.get(i) != Some(&b'{') {
        return None;
    }
    loop {
        i = skip_whitespace(i + 1);
        let mut keys = serde_json::Deserializer::from_str(text.get(i..)?).into_iter::<String>();
        let key = keys.next()?.ok()?;
        i = skip_whitespace(i + keys.byte_offset());
        if bytes.get(i) != Some(&b':') {
            return None;
        }
        let start = skip_whitespace(i + 1);
        let mut values =
            serde_json::Deserializer::from_str(text.get(start..)?).into_iter::<IgnoredAny>();
        values.next()?.ok()?;
        let end = start + values.byte_offset();
        if key == "facts" {
            let blanked = bytes
                .iter()
                .enumerate()
                .map(|(j, &b)| {
                    if (start..end).contains(&j) || b == b'\n' {
                        b
                    } else {
                        b' '
                    }
                })
                .collect();
            return String::from_utf8(blanked).ok();
        }
        i = skip_whitespace(end);
        if bytes.get(i) != Some(&b',') {
            return None;
        }
    }
}

/// Compares one month; each line is `<field>: expected <e>, found <f>`.
fn check_month(
    expect: &MonthExpect,
    decided: &Result<MonthDecision, tianjin_disability_subsidies::Error>,
) -> Vec<String> {
    let mut lines = Vec::new();
    let decision = match (decided, &expect.error) {
        (Err(error), Some(expected)) => {
            let found = error.to_string();
            if &found != expected {
                lines.push(format!("error: expected {expected}, found {found}"));
            }
            return lines;
        }
        (Err(error), None) => {
            lines.push(format!("error: expected a decision, found {error}"));
            return lines;
        }
        (Ok(_), Some(expected)) => {
            lines.push(format!("error: expected {expected}, found a decision"));
            return lines;
        }
        (Ok(decision), None) => decision,
    };
    if let Some(expected) = &expect.living {
        check_subsidy("living", expected, &decision.living, &mut lines);
    }
    if let Some(expected) = &expect.nursing {
        check_subsidy("nursing", expected, &decision.nursing, &mut lines);
    }
    if let Some(total) = expect.total {
        compare(&mut lines, "total", total, Some(decision.total));
    }
    let cited = decision.clause_ids();
    check_reasons(
        "reasons",
        expect.reasons.as_deref(),
        expect.not_reasons.as_deref(),
        &cited,
        &mut lines,
    );
    lines
}

fn check_subsidy(
    name: &str,
    expected: &SubsidyExpect,
    decision: &SubsidyDecision,
    lines: &mut Vec<String>,
) {
    let field = |f: &str| format!("{name}.{f}");
    let outcome = &decision.outcome;
    compare(
        lines,
        &field("outcome"),
        expected.outcome.name(),
        Some(outcome.name()),
    );
    if let Some(amount) = expected.amount {
        compare(lines, &field("amount"), amount, Some(decision.amount()));
    }
    if let Some(payee) = &expected.payee {
        let found = match outcome {
            Outcome::Paid {
                payee: Payee::Person,
                ..
            } => Some("person".to_owned()),
            Outcome::Paid {
                payee: Payee::Institution { name },
                ..
            } => Some(name.clone()),
            _ => None,
        };
        compare_or_outcome(lines, &field("payee"), payee.as_str(), found, outcome);
    }
    if let Some(because) = &expected.because {
        let found = match outcome {
            Outcome::NotEligible { because } => Some(names(because)),
            _ => None,
        };
        compare_or_outcome(lines, &field("because"), names(because), found, outcome);
    }
    if let Some(by) = &expected.by {
        let found = match outcome {
            Outcome::Excluded { by } => Some(name_of(by)),
            Outcome::Superseded { by, .. } => Some(name_of(by)),
            _ => None,
        };
        compare_or_outcome(lines, &field("by"), by.as_str(), found, outcome);
    }
    if let Some(since) = expected.since {
        let found = match outcome {
            Outcome::Stopped { since, .. } => Some(*since),
            _ => None,
        };
        compare_or_outcome(lines, &field("since"), since, found, outcome);
    }
    if let Some(cause) = expected.stop_because {
        let found = match outcome {
            Outcome::Stopped { because, .. } => Some(name_of(because)),
            _ => None,
        };
        compare_or_outcome(
            lines,
            &field("stop_because"),
            name_of(&cause),
            found,
            outcome,
        );
    }
    if let Some(missing) = &expected.missing {
        let found = match outcome {
            Outcome::Undetermined { missing } => Some(names(missing)),
            _ => None,
        };
        compare_or_outcome(lines, &field("missing"), names(missing), found, outcome);
    }
    if let Some(would_pay) = expected.would_pay {
        let found = match outcome {
            Outcome::NotAppliedFor { would_pay } => Some(*would_pay),
            Outcome::Superseded { subsidy_amount, .. } => Some(*subsidy_amount),
            _ => None,
        };
        compare_or_outcome(lines, &field("would_pay"), would_pay, found, outcome);
    }
    if let Some(gives_up) = &expected.gives_up {
        let found: Vec<BenefitKind> = decision.gives_up.iter().map(|g| g.kind).collect();
        compare(
            lines,
            &field("gives_up"),
            names(gives_up),
            Some(names(&found)),
        );
    }
    let cited: Vec<ClauseId> = decision.reasons.iter().map(|r| r.clause).collect();
    check_reasons(
        &field("reasons"),
        expected.reasons.as_deref(),
        expected.not_reasons.as_deref(),
        &cited,
        lines,
    );
}

/// `reasons`: each must be cited (a subset check); `not_reasons`: none may be.
fn check_reasons(
    field: &str,
    reasons: Option<&[ClauseId]>,
    not_reasons: Option<&[ClauseId]>,
    cited: &[ClauseId],
    lines: &mut Vec<String>,
) {
    let cited_list = || {
        let ids: BTreeSet<&str> = cited.iter().map(|c| c.id()).collect();
        format!("[{}]", ids.into_iter().collect::<Vec<_>>().join(", "))
    };
    for clause in reasons.unwrap_or_default() {
        if !cited.contains(clause) {
            lines.push(format!(
                "{field}: expected {clause} cited, found {}",
                cited_list()
            ));
        }
    }
    for clause in not_reasons.unwrap_or_default() {
        if cited.contains(clause) {
            lines.push(format!(
                "{field}: expected {clause} not cited, found it cited"
            ));
        }
    }
}

fn compare<E: Display + PartialEq<F>, F: Display>(
    lines: &mut Vec<String>,
    field: &str,
    expected: E,
    found: Option<F>,
) {
    match found {
        Some(found) if expected == found => {}
        Some(found) => lines.push(format!("{field}: expected {expected}, found {found}")),
        None => lines.push(format!("{field}: expected {expected}, found none")),
    }
}

/// Like [`compare`], for a field that only some outcomes have: names the outcome when it has none.
fn compare_or_outcome<E: Display + PartialEq<F>, F: Display>(
    lines: &mut Vec<String>,
    field: &str,
    expected: E,
    found: Option<F>,
    outcome: &Outcome,
) {
    match found {
        Some(found) => compare(lines, field, expected, Some(found)),
        None => lines.push(format!(
            "{field}: expected {expected}, found none (the outcome is {})",
            outcome.name()
        )),
    }
}

/// A value's name as in JSON, e.g. `no_valid_certificate`.
fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        Ok(other) => other.to_string(),
        Err(e) => format!("<{e}>"),
    }
}

/// A list of names, sorted so that the order a case lists them in does not matter.
fn names<T: Serialize>(values: &[T]) -> String {
    let sorted: BTreeSet<String> = values.iter().map(name_of).collect();
    format!("[{}]", sorted.into_iter().collect::<Vec<_>>().join(", "))
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("cases")
}

/// The clauses that the case files together must declare: all but `outreach.*`, which no month
/// decision cites, and `income.exempt`, a means-test helper (`income::means_test_income`) that no
/// month decision cites either; it is tested in tests/clauses/payment.rs.
fn clauses_to_cover() -> Vec<ClauseId> {
    ClauseId::ALL
        .iter()
        .copied()
        .filter(|c| !c.id().starts_with("outreach.") && *c != ClauseId::IncomeExempt)
        .collect()
}

/// The tags of a case file's text; none when it does not read as JSON.
fn tags_of(text: &str) -> Vec<String> {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| {
            v.get("tags").and_then(|t| t.as_array()).map(|tags| {
                tags.iter()
                    .filter_map(|t| t.as_str().map(str::to_owned))
                    .collect()
            })
        })
        .unwrap_or_default()
}

/// Whether a case file runs under the filters: `case`, part of its file name (`CASE=`), and
/// `tag`, one of its tags (`TAG=`). Both must hold when both are given.
fn selected(file: &str, tags: &[String], case: Option<&str>, tag: Option<&str>) -> bool {
    case.is_none_or(|c| file.contains(c)) && tag.is_none_or(|t| tags.iter().any(|x| x == t))
}

#[test]
fn analyst_cases_hold() {
    let dir = cases_dir();
    let filter = std::env::var("CASE").ok().filter(|f| !f.is_empty());
    let tag = std::env::var("TAG").ok().filter(|t| !t.is_empty());
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(e) => panic!("cannot read {}: {e}", dir.display()),
    };
    files.sort();
    let mut problems = Vec::new();
    let mut declared = BTreeSet::new();
    let mut ran = 0;
    for path in &files {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(path);
        let tags = text.as_deref().map(tags_of).unwrap_or_default();
        if !selected(&file, &tags, filter.as_deref(), tag.as_deref()) {
            continue;
        }
        ran += 1;
        let run = match text {
            Ok(text) => run_case(&file, &text, &dir),
            Err(e) => CaseRun {
                problems: vec![format!("{file}: cannot read: {e}")],
                declared: Vec::new(),
            },
        };
        problems.extend(run.problems);
        declared.extend(run.declared);
    }
    match (&filter, &tag) {
        (None, None) => {
            if ran < MIN_CASE_FILES {
                problems.push(format!(
                    "expected at least {MIN_CASE_FILES} case files, found {ran}"
                ));
            }
            for clause in clauses_to_cover() {
                if !declared.contains(&clause) {
                    problems.push(format!("coverage: no case file declares clause {clause}"));
                }
            }
        }
        _ => assert!(
            ran > 0,
            "CASE={} TAG={} matches no file in {}",
            filter.as_deref().unwrap_or(""),
            tag.as_deref().unwrap_or(""),
            dir.display()
        ),
    }
    assert!(
        problems.is_empty(),
        "{} problem(s) in {ran} case file(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The runner itself: a case with wrong expectations gives exactly the expected diff lines.
mod runner {
    use super::*;

    const FACTS: &str = r#"{
        "id": "TJ-RUNNER-1",
        "hukou": [{ "place": "tianjin", "from": "1971-02-03" }],
        "certificates": [{ "category": "physical", "grade": 1, "issued": "2018-04-16", "expires": "2028-04-15" }],
        "household_assistance": [{ "kind": "dibao", "from": "2020-07-01" }],
        "orphan_guarantee": [], "other_benefits": [], "custody": [],
        "applications": [{ "subsidies": ["living", "nursing"], "submitted": "2023-10-09" }]
    }"#;

    fn case(expect: &str) -> String {
        format!(
            r#"{{ "description": "runner test", "clauses": ["living.eligibility"],
            "facts": {FACTS}, "expect": {expect} }}"#
        )
    }

    #[test]
    fn a_wrong_expectation_gives_one_diff_line_per_field() {
        let text = case(
            r#"[{ "month": "2024-01",
                "living": { "outcome": "paid", "amount": "160", "reasons": ["amounts", "stop.month"] },
                "nursing": { "outcome": "stopped", "since": "2024-01" },
                "total": "460" }]"#,
        );
        let run = run_case("living-grade-3.json", &text, &cases_dir());
        assert_eq!(
            run.problems,
            [
                "living-grade-3.json 2024-01 living.amount: expected 160, found 300",
                "living-grade-3.json 2024-01 living.reasons: expected stop.month cited, found \
                 [amounts, living.eligibility, start.month]",
                "living-grade-3.json 2024-01 nursing.outcome: expected stopped, found paid",
                "living-grade-3.json 2024-01 nursing.since: expected 2024-01, found none (the outcome is paid)",
                "living-grade-3.json 2024-01 total: expected 460, found 500",
            ]
        );
    }

    #[test]
    fn a_right_expectation_gives_no_line() {
        let text = case(
            r#"[{ "month": "2024-01",
                "living": { "outcome": "paid", "amount": "300", "payee": "person", "gives_up": [] },
                "nursing": { "outcome": "paid", "amount": "200", "not_reasons": ["stop.month"] },
                "total": "500", "reasons": ["both", "in_force"] },
               { "month": "2023-07",
                 "error": "no loaded policy covers 2023-07: policy tianjin-2023 covers 2023-08 onwards" }]"#,
        );
        let run = run_case("right.json", &text, &cases_dir());
        assert_eq!(run.problems, Vec::<String>::new());
        assert_eq!(run.declared, [ClauseId::LivingEligibility]);
    }

    /// Case files are read strictly: a month written as an array, or a key written twice, is
    /// refused at its path (serde alone would fill the struct by position, or keep the second).
    #[test]
    fn an_array_for_an_object_or_a_repeated_key_is_refused() {
        let text = case(r#"[["2024-01", { "outcome": "paid" }]]"#);
        let run = run_case("array.json", &text, &cases_dir());
        assert_eq!(run.problems.len(), 1, "{:?}", run.problems);
        assert!(
            run.problems[0].starts_with(
                "array.json: expect[0]: invalid type: sequence, expected struct MonthExpect"
            ),
            "{}",
            run.problems[0]
        );
        let text = case(
            r#"[{ "month": "2024-01", "living": { "outcome": "paid", "amount": "300", "amount": "160" } }]"#,
        );
        let run = run_case("twice.json", &text, &cases_dir());
        assert_eq!(run.problems.len(), 1, "{:?}", run.problems);
        assert!(
            run.problems[0]
                .starts_with("twice.json: expect[0].living.amount: duplicate field `amount`"),
            "{}",
            run.problems[0]
        );
    }

    #[test]
    fn an_unknown_field_names_the_file_and_the_field() {
        let text =
            case(r#"[{ "month": "2024-01", "living": { "outcome": "paid", "amout": "300" } }]"#);
        let run = run_case("typo.json", &text, &cases_dir());
        assert_eq!(run.problems.len(), 1, "{:?}", run.problems);
        assert!(
            run.problems[0].starts_with(
                "typo.json: expect[0].living.amout: unknown field `amout`, expected one of"
            ),
            "{}",
            run.problems[0]
        );
    }

    #[test]
    fn a_declared_clause_no_decision_cites_is_reported() {
        let text = case(r#"[{ "month": "2024-01", "living": { "outcome": "paid" } }]"#).replace(
            r#""clauses": ["living.eligibility"]"#,
            r#""clauses": ["exclusion.prison"]"#,
        );
        let run = run_case("declared.json", &text, &cases_dir());
        assert_eq!(
            run.problems,
            ["declared.json: declares clause exclusion.prison, but no decision of the case cites it"]
        );
    }

    #[test]
    fn a_range_of_months_gives_one_line_per_month_that_disagrees() {
        // Paid 300 every month from 2023-10; an expectation of 160 over 2023-09..2023-11 fails in
        // September (not yet applied: 应享未享, would pay 300) and in the two months paid 300.
        let text = case(
            r#"[{ "months": "2023-09..2023-11", "living": { "outcome": "paid", "amount": "160" } },
               { "months": "2024-01..2024-03", "living": { "outcome": "paid", "amount": "300" } }]"#,
        );
        let run = run_case("range.json", &text, &cases_dir());
        assert_eq!(
            run.problems,
            [
                "range.json 2023-09 living.outcome: expected paid, found not_applied_for",
                "range.json 2023-09 living.amount: expected 160, found 0",
                "range.json 2023-10 living.amount: expected 160, found 300",
                "range.json 2023-11 living.amount: expected 160, found 300",
            ]
        );
    }

    #[test]
    fn month_and_months_are_exclusive_and_a_range_must_read() {
        let text = case(
            r#"[{ "month": "2024-01", "months": "2024-01..2024-02", "living": { "outcome": "paid" } },
               { "living": { "outcome": "paid" } }]"#,
        );
        let run = run_case("both.json", &text, &cases_dir());
        assert_eq!(
            run.problems,
            [
                "both.json: expect[0]: expected exactly one of \"month\" and \"months\"",
                "both.json: expect[1]: expected exactly one of \"month\" and \"months\"",
                "both.json: declares clause living.eligibility, but no decision of the case cites it",
            ]
        );
        for bad in [
            "2024-03..2024-01",
            "2024-01-2024-03",
            "2024-01..",
            "2024-01..2024-13",
        ] {
            let text = case(&format!(
                r#"[{{ "months": "{bad}", "living": {{ "outcome": "paid" }} }}]"#
            ));
            let run = run_case("bad.json", &text, &cases_dir());
            assert_eq!(run.problems.len(), 1, "{:?}", run.problems);
            assert!(
                run.problems[0].starts_with(&format!(
                    "bad.json: expect[0].months: expected a range of months as \"YYYY-MM..YYYY-MM\", \
                     the first not after the last, found \"{bad}\""
                )),
                "{}",
                run.problems[0]
            );
        }
    }

    #[test]
    fn a_reform_is_applied_to_the_cases_policy() {
        // living-350 (tests/cases/reforms/living-350.json): 300 until 2024-12, 350 from 2025-01.
        let text = case(
            r#"[{ "months": "2024-11..2024-12", "living": { "outcome": "paid", "amount": "300" } },
               { "months": "2025-01..2025-02", "living": { "outcome": "paid", "amount": "350" } }]"#,
        )
        .replace(
            r#""clauses": ["living.eligibility"]"#,
            r#""clauses": ["living.eligibility"], "reform": "reforms/living-350.json", "tags": ["reform"]"#,
        );
        let run = run_case("reformed.json", &text, &cases_dir());
        assert_eq!(run.problems, Vec::<String>::new());
        // Under the baseline the same expectations fail in the two 2025 months.
        let baseline = text.replace(r#""reform": "reforms/living-350.json", "#, "");
        let run = run_case("baseline.json", &baseline, &cases_dir());
        assert_eq!(
            run.problems,
            [
                "baseline.json 2025-01 living.amount: expected 350, found 300",
                "baseline.json 2025-02 living.amount: expected 350, found 300",
            ]
        );
    }

    #[test]
    fn a_reform_that_cannot_be_read_or_applied_is_reported() {
        let text = case(r#"[{ "month": "2024-01", "living": { "outcome": "paid" } }]"#).replace(
            r#""clauses": ["living.eligibility"]"#,
            r#""clauses": ["living.eligibility"], "reform": "reforms/no-such-reform.json""#,
        );
        let run = run_case("missing.json", &text, &cases_dir());
        assert_eq!(run.problems.len(), 1, "{:?}", run.problems);
        assert!(
            run.problems[0]
                .starts_with("missing.json: reform: cannot read reforms/no-such-reform.json: "),
            "{}",
            run.problems[0]
        );
    }

    #[test]
    fn filters_by_name_and_by_tag() {
        let tags = ["reform".to_owned(), "amounts".to_owned()];
        assert!(selected("reform-living-350.json", &tags, None, None));
        assert!(selected(
            "reform-living-350.json",
            &tags,
            Some("living"),
            None
        ));
        assert!(!selected(
            "reform-living-350.json",
            &tags,
            Some("orphan"),
            None
        ));
        assert!(selected(
            "reform-living-350.json",
            &tags,
            None,
            Some("amounts")
        ));
        assert!(!selected(
            "reform-living-350.json",
            &tags,
            None,
            Some("amount")
        ));
        assert!(!selected(
            "reform-living-350.json",
            &tags,
            Some("living"),
            Some("stop")
        ));
        assert!(!selected("stack-elderly.json", &[], None, Some("reform")));
        assert_eq!(
            tags_of(r#"{ "tags": ["reform", "stop"], "description": "d" }"#),
            ["reform", "stop"]
        );
        assert_eq!(tags_of("{ not json"), Vec::<String>::new());
    }

    #[test]
    fn facts_errors_carry_the_case_files_own_line_and_column() {
        let text = "{ \"description\": \"grade 5\", \"clauses\": [],\n  \"facts\": { \"id\": \"X\",\n    \"certificates\": [{ \"category\": \"physical\", \"grade\": 5, \"issued\": \"2020-03-01\" }] },\n  \"expect_error\": \"wrong\" }";
        let run = run_case("grade-5.json", text, &cases_dir());
        assert_eq!(
            run.problems,
            ["grade-5.json expect_error: expected wrong, found certificates[0].grade: expected a \
              disability grade from 1 to 4, found 5 (line 3, column 57)"]
        );
    }
}
