//! The analyst case files: every `tests/cases/*.json`, run and compared month by month, each file
//! its own test (the `cases` test target, `harness = false`, run by `libtest-mimic`).
//!
//! The format is documented for analysts in `tests/cases/README.md`, and as types (whose doc
//! comments describe every field) in the support crate's `cases` module.
//!
//! ```text
//! cargo test --test cases                       # every case file, one test each
//! cargo test --test cases -- living             # the files whose name contains "living"
//! cargo test --test cases -- --exact stack-elderly
//! cargo test --test cases -- --list             # one line per file (and the checks below)
//! TAG=reform cargo test --test cases            # the files whose "tags" include "reform"
//! CASE=orphan cargo test --test cases           # as `-- orphan`, kept for old habits
//! ```
//!
//! A test is named after its file, without `.json` (`living-eligibility-dibao-grade-3`). A failing
//! file is a report, not a panic: a line naming the file and counting its problems, then every
//! problem of the file — reading errors, each disagreement, declared clauses no decision cites —
//! and the engine's English explanation of each month that disagrees. Identical disagreements over
//! consecutive months of one expectation are one line
//! (`2024-01..2024-09 living.amount: expected 160, found 300`), explained once, for the first
//! month. Every position is written `(line N, column M)`, as the crate's own errors write it.
//!
//! Besides one test per file, on a run without `CASE` or `TAG`:
//! - `all-files::minimum-count`: at least [`MIN_CASE_FILES`] case files;
//! - `all-files::clause-coverage`: the `clauses` of all files together name every clause and
//!   reading of CLAUSES.md but `outreach.*` and `income.exempt`;
//! - `runner::…`: the runner's own tests, on cases written in memory and on the deliberately wrong
//!   files of `tests/case-fixtures/`.
//!
//! Every path — in a case file (`policy`, `reform`) and in an environment variable
//! (`SNAPSHOT_REFORM`, `SNAPSHOT_OUT` of `tests/snapshot.rs`) — is relative to the crate root, the
//! folder of `Cargo.toml`; an error about a path says so and gives the absolute path.
//!
//! Files in `tests/cases-pending/` are not read: they hold cases that follow CLAUSES.md but that
//! the engine does not pass yet.

#[path = "case_runner/read.rs"]
mod read;
#[path = "case_runner/run.rs"]
mod run;
#[path = "case_runner/selftest.rs"]
mod selftest;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};
use tianjin_disability_subsidies::ClauseId;

/// The least number of case files a full run must find.
const MIN_CASE_FILES: usize = 30;

/// The folder of the case files, from the crate root.
const CASES_DIR: &str = "tests/cases";

/// The crate root: every path of a case file or an environment variable is relative to it.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn main() {
    let args = Arguments::from_args();
    libtest_mimic::run(&args, trials()).exit();
}

/// A filter from the environment, when set and not empty.
fn env_filter(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// One trial per case file, then the checks across files and the runner's own tests (on runs
/// without `CASE` or `TAG`).
fn trials() -> Vec<Trial> {
    let case = env_filter("CASE");
    let tag = env_filter("TAG");
    let files = match case_files(root()) {
        Ok(files) => files,
        Err(problem) => {
            return vec![Trial::test("all-files::folder", move || {
                Err(Failed::from(problem))
            })]
        }
    };
    let mut trials = Vec::new();
    for path in &files {
        let name = file_stem(path);
        if case.is_some() || tag.is_some() {
            let tags = std::fs::read_to_string(path)
                .map(|text| tags_of(&text))
                .unwrap_or_default();
            if !selected(&name, &tags, case.as_deref(), tag.as_deref()) {
                continue;
            }
        }
        let path = path.clone();
        trials.push(Trial::test(name, move || check_file(&path)));
    }
    if case.is_some() || tag.is_some() {
        if trials.is_empty() {
            let problem = format!(
                "CASE={} TAG={} matches no file in {CASES_DIR} (relative to the crate root, {})",
                case.as_deref().unwrap_or(""),
                tag.as_deref().unwrap_or(""),
                root().join(CASES_DIR).display()
            );
            trials.push(Trial::test("all-files::filter", move || {
                Err(Failed::from(problem))
            }));
        }
        return trials;
    }
    let count = files.len();
    trials.push(Trial::test("all-files::minimum-count", move || {
        minimum_count(count)
    }));
    trials.push(Trial::test("all-files::clause-coverage", move || {
        clause_coverage(&files)
    }));
    trials.extend(selftest::trials());
    trials
}

/// Every `*.json` of the case folder, sorted by name.
fn case_files(root: &Path) -> Result<Vec<PathBuf>, String> {
    let dir = root.join(CASES_DIR);
    let entries = std::fs::read_dir(&dir).map_err(|e| {
        format!(
            "cannot read {CASES_DIR} (relative to the crate root, {}): {e}",
            dir.display()
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

/// A file's name without `.json`: its test's name.
fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A case file's path as the report shows it, from the crate root.
fn shown(path: &Path) -> String {
    path.strip_prefix(root())
        .map_or_else(|_| path.display().to_string(), |p| p.display().to_string())
}

/// Runs one case file: a report of all its problems when it has any.
fn check_file(path: &Path) -> Result<(), Failed> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "{}: cannot read (relative to the crate root, {}): {e}",
            shown(path),
            path.display()
        )
    })?;
    let run = run::run_case(&text, root());
    if run.problems.is_empty() {
        Ok(())
    } else {
        Err(Failed::from(run.report(&shown(path))))
    }
}

fn minimum_count(count: usize) -> Result<(), Failed> {
    if count >= MIN_CASE_FILES {
        Ok(())
    } else {
        Err(Failed::from(format!(
            "{CASES_DIR}: expected at least {MIN_CASE_FILES} case files, found {count}"
        )))
    }
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

/// Every clause to cover is declared by some file (their clauses that read).
fn clause_coverage(files: &[PathBuf]) -> Result<(), Failed> {
    let mut declared = BTreeSet::new();
    let mut unread = Vec::new();
    for path in files {
        let reading = std::fs::read_to_string(path).map(|text| read::read_case(&text));
        match reading {
            Ok(reading) if reading.problems.is_empty() => {
                declared.extend(reading.clauses.into_iter().map(|(_, _, c)| c));
            }
            Ok(reading) => {
                declared.extend(reading.clauses.into_iter().map(|(_, _, c)| c));
                unread.push(file_stem(path));
            }
            Err(_) => unread.push(file_stem(path)),
        }
    }
    let missing: Vec<String> = clauses_to_cover()
        .into_iter()
        .filter(|c| !declared.contains(c))
        .map(|c| format!("  {c}"))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut report = format!(
        "{CASES_DIR}: no case file declares {} clause(s) of CLAUSES.md:\n{}",
        missing.len(),
        missing.join("\n")
    );
    if !unread.is_empty() {
        report.push_str(&format!(
            "\n({} file(s) did not read in full, see their own tests: {})",
            unread.len(),
            unread.join(", ")
        ));
    }
    Err(Failed::from(report))
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

/// Whether a case file runs under the filters: `case`, part of its name (`CASE=`), and `tag`,
/// one of its tags (`TAG=`). Both must hold when both are given.
fn selected(name: &str, tags: &[String], case: Option<&str>, tag: Option<&str>) -> bool {
    case.is_none_or(|c| name.contains(c)) && tag.is_none_or(|t| tags.iter().any(|x| x == t))
}
