//! Running one case file: its policy and reform, its facts, every month of every expectation
//! compared with the engine's decision; and the report of what disagrees.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Display;
use std::path::Path;

use serde::Serialize;
use tianjin_disability_subsidies::{
    decision::Payee, facts::BenefitKind, ClauseId, Language, Month, MonthDecision, Outcome, Policy,
    Reform, Resident, SubsidyDecision,
};
use tianjin_disability_subsidies_support::cases::{json_name, MonthExpect, SubsidyExpect};

use crate::read::{read_case, At};

/// What running one case file gave.
#[derive(Debug, Default)]
pub struct CaseRun {
    /// One line per problem, in the order of the report: reading, policy and reform, facts,
    /// months (identical disagreements over consecutive months grouped into one line), clauses.
    pub problems: Vec<String>,
    /// The engine's English explanation of the first month of each group of disagreeing months,
    /// once per month.
    pub explanations: BTreeMap<Month, String>,
    /// The clauses the case declares (those that read).
    pub declared: Vec<ClauseId>,
}

impl CaseRun {
    /// The report of a failing case: a line naming the file and counting the problems, a line
    /// per problem, then the explanations. `file` is the path shown, from the crate root.
    pub fn report(&self, file: &str) -> String {
        let count = self.problems.len();
        let mut out = format!(
            "{file}: {count} problem{}\n",
            if count == 1 { "" } else { "s" }
        );
        for problem in &self.problems {
            out.push_str(&format!("  {problem}\n"));
        }
        for (month, explanation) in &self.explanations {
            out.push_str(&format!("\n{month}, as the engine decides it:\n"));
            for line in explanation.lines() {
                out.push_str(&format!("  {line}\n"));
            }
        }
        out.truncate(out.trim_end().len());
        out
    }
}

/// One disagreement over consecutive months of one expectation.
struct Group {
    first: Month,
    last: Month,
    line: String,
}

/// Reads a path written in a case file, relative to the crate root `root`.
fn read_path(root: &Path, field: &str, path: &str, at: Option<At>) -> Result<String, String> {
    let full = root.join(path);
    std::fs::read_to_string(&full).map_err(|e| {
        let at = at.map(|at| format!(" {at}")).unwrap_or_default();
        format!(
            "{field}: cannot read {path} (relative to the crate root, {}): {e}{at}",
            full.display()
        )
    })
}

/// Runs one case file's `text`; `root` is the crate root, which its paths are relative to.
pub fn run_case(text: &str, root: &Path) -> CaseRun {
    let mut run = CaseRun::default();
    let reading = read_case(text);
    run.problems
        .extend(reading.problems.iter().map(|p| p.text.clone()));
    run.declared = reading.clauses.iter().map(|(_, _, c)| *c).collect();
    let Some(case) = &reading.case else {
        return run;
    };
    let mut policy = match &case.policy {
        None => Some(Policy::tianjin_2023()),
        Some(path) => read_path(root, "policy", path, reading.place("policy"))
            .and_then(|json| Policy::from_json(&json).map_err(|e| format!("policy: {path}: {e}")))
            .map_err(|problem| run.problems.push(problem))
            .ok(),
    };
    if let (Some(path), Some(base)) = (&case.reform, &policy) {
        policy = read_path(root, "reform", path, reading.place("reform"))
            .and_then(|json| {
                Reform::from_json(&json)
                    .and_then(|reform| reform.apply(base))
                    .map_err(|e| format!("reform: {path}: {e}"))
            })
            .map_err(|problem| run.problems.push(problem))
            .ok();
    }
    // A policy or reform that did not read: the months cannot be decided as the case means.
    if reading.left_out("policy") || reading.left_out("reform") {
        policy = None;
    }
    let Some(facts) = &reading.facts else {
        return run;
    };
    // An `expect` or `expect_error` that did not read: which one the case means is unknown.
    if reading.left_out("expect") || reading.left_out("expect_error") {
        return run;
    }
    let resident = Resident::from_json(facts);
    match (&case.expect, &case.expect_error, resident) {
        (Some(_), Some(_), _) | (None, None, _) => {
            run.problems
                .push("expected exactly one of \"expect\" and \"expect_error\"".to_owned());
        }
        (None, Some(expected), Ok(_)) => {
            run.problems.push(format!(
                "expect_error: expected {expected}, found facts without error"
            ));
        }
        (None, Some(expected), Err(error)) => {
            let found = error.to_string();
            if &found != expected {
                run.problems
                    .push(format!("expect_error: expected {expected}, found {found}"));
            }
        }
        (Some(_), None, Err(error)) => run.problems.push(format!("facts: {error}")),
        (Some(_), None, Ok(resident)) => {
            if let Some(policy) = &policy {
                run_months(&mut run, &reading, policy, &resident);
            }
        }
    }
    run
}

/// Decides and compares every month of every expectation that read, then checks that every
/// declared clause is cited.
fn run_months(
    run: &mut CaseRun,
    reading: &crate::read::Reading,
    policy: &Policy,
    resident: &Resident,
) {
    if reading.expect_len == 0 {
        let at = reading
            .place("expect")
            .map(|at| format!(" {at}"))
            .unwrap_or_default();
        run.problems
            .push(format!("expect: expected at least one month{at}"));
    }
    let mut cited = BTreeSet::new();
    for (i, at, expect) in &reading.expects {
        let months = match expect.months() {
            Ok(months) => months,
            Err(problem) => {
                run.problems.push(format!("expect[{i}]: {problem} {at}"));
                continue;
            }
        };
        let mut groups: Vec<Group> = Vec::new();
        // The group each disagreement last went to, to extend it in the next month.
        let mut open: HashMap<String, usize> = HashMap::new();
        let mut decisions = BTreeMap::new();
        for month in months {
            let decided = policy.decide(resident, month);
            if let Ok(decision) = &decided {
                cited.extend(decision.clause_ids());
            }
            for line in check_month(expect, &decided) {
                match open.get(&line) {
                    Some(&g) if groups[g].last.next() == month => groups[g].last = month,
                    _ => {
                        open.insert(line.clone(), groups.len());
                        groups.push(Group {
                            first: month,
                            last: month,
                            line,
                        });
                    }
                }
            }
            decisions.insert(month, decided);
        }
        for group in groups {
            let months = if group.first == group.last {
                group.first.to_string()
            } else {
                format!("{}..{}", group.first, group.last)
            };
            run.problems.push(format!("{months} {}", group.line));
            if let Some(Ok(decision)) = decisions.get(&group.first) {
                run.explanations
                    .entry(group.first)
                    .or_insert_with(|| decision.explain(Language::English).to_string());
            }
        }
    }
    for month in &reading.unread_months {
        if let Ok(decision) = policy.decide(resident, *month) {
            cited.extend(decision.clause_ids());
        }
    }
    for (i, at, clause) in &reading.clauses {
        if !cited.contains(clause) {
            run.problems.push(format!(
                "clauses[{i}]: {clause} is declared, but no decision of the case cites it {at}"
            ));
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
            Outcome::Excluded { by } => Some(json_name(by)),
            Outcome::Superseded { by, .. } => Some(json_name(by)),
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
            Outcome::Stopped { because, .. } => Some(json_name(because)),
            _ => None,
        };
        compare_or_outcome(
            lines,
            &field("stop_because"),
            json_name(&cause),
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

/// A list of names, sorted so that the order a case lists them in does not matter.
fn names<T: Serialize>(values: &[T]) -> String {
    let sorted: BTreeSet<String> = values.iter().map(json_name).collect();
    format!("[{}]", sorted.into_iter().collect::<Vec<_>>().join(", "))
}
