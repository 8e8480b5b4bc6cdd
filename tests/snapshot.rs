//! Snapshot mode: which outcomes change between two policy versions.
//!
//! Every case file's facts (`tests/cases/*.json`; files whose facts are refused are skipped) and
//! every sample resident (`examples/data/residents.json`) are decided month by month under the
//! baseline (the Tianjin 2023 policy) and under a reform applied to it; every month and subsidy
//! whose outcome differs (outcome, amount, payee, stop month, …) is listed as
//! `<file or file#resident> <month> <subsidy>: <before> → <after>`. A case file's own `policy` and
//! `reform` are not used here: the snapshot compares the two versions on the same facts.
//!
//! ```text
//! cargo test snapshot::report -- --nocapture                 # living-350, 2025-01..2025-12
//! SNAPSHOT_REFORM=examples/data/reforms/same-month-stop.json \
//!   SNAPSHOT_FROM=2024-07 SNAPSHOT_TO=2025-12 cargo test snapshot::report -- --nocapture
//! SNAPSHOT_OUT=changes.txt cargo test snapshot::report       # also write the list to a file
//! ```
//!
//! `SNAPSHOT_REFORM` is a reform file (default `examples/data/reforms/living-350.json`) and
//! `SNAPSHOT_OUT` a file to write the list to, both relative to the crate root (the folder of
//! `Cargo.toml`), as every path of the case files is; an error about either says so, with the
//! absolute path. `SNAPSHOT_FROM` / `SNAPSHOT_TO` are the range (default 2025-01..2025-12). The
//! other tests pin the list for living-350 on the sample residents in 2025-01, worked out by
//! hand, and that the baseline against itself changes nothing.

use std::fmt;
use std::path::{Path, PathBuf};

use tianjin_disability_subsidies::{
    decision::Payee, Month, MonthDecision, Outcome, Policy, Reform, Resident, Subsidy,
};
use tianjin_disability_subsidies_support::cases::json_name;

const LIVING_350: &str = include_str!("../examples/data/reforms/living-350.json");
const RESIDENTS: &str = include_str!("../examples/data/residents.json");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path from an environment variable, relative to the crate root (an absolute one as it is).
fn from_root(path: &str) -> PathBuf {
    if Path::new(path).is_absolute() {
        PathBuf::from(path)
    } else {
        root().join(path)
    }
}

fn month(s: &str) -> Month {
    s.parse().unwrap()
}

/// One facts document to decide, and where it comes from.
struct Input {
    source: String,
    resident: Resident,
}

/// One outcome that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Change {
    source: String,
    month: Month,
    subsidy: Subsidy,
    before: String,
    after: String,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let subsidy = match self.subsidy {
            Subsidy::Living => "living",
            Subsidy::Nursing => "nursing",
        };
        write!(
            f,
            "{} {} {subsidy}: {} → {}",
            self.source, self.month, self.before, self.after
        )
    }
}

/// An outcome in a few words, as the JSON names it.
fn outcome_text(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Paid { amount, payee } => match payee {
            Payee::Person => format!("paid {amount}"),
            Payee::Institution { name } => format!("paid {amount} to {name}"),
        },
        Outcome::NotEligible { because } => format!(
            "not_eligible [{}]",
            because.iter().map(json_name).collect::<Vec<_>>().join(", ")
        ),
        Outcome::Excluded { by } => format!("excluded by {}", json_name(by)),
        Outcome::Superseded {
            by, subsidy_amount, ..
        } => format!(
            "superseded by {} (would pay {subsidy_amount})",
            json_name(by)
        ),
        Outcome::NotAppliedFor { would_pay } => format!("not_applied_for (would pay {would_pay})"),
        Outcome::Stopped { since, because } => {
            format!("stopped since {since} ({})", json_name(because))
        }
        Outcome::Undetermined { missing } => format!(
            "undetermined [{}]",
            missing.iter().map(json_name).collect::<Vec<_>>().join(", ")
        ),
        other => other.name().to_owned(),
    }
}

/// Every case file's facts, by file name, and the files whose facts are refused.
fn case_inputs() -> (Vec<Input>, Vec<String>) {
    let dir = root().join("tests").join("cases");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut inputs = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("tests/cases/{file}: cannot read: {e}"));
        // The crate's strict reader, so that an error says `(line N, column M)` as every other.
        let case: serde_json::Value = tianjin_disability_subsidies::json::from_str(&text)
            .unwrap_or_else(|e| panic!("tests/cases/{file}: {e}"));
        match Resident::from_json(&case["facts"].to_string()) {
            Ok(resident) => inputs.push(Input {
                source: file,
                resident,
            }),
            Err(_) => skipped.push(file),
        }
    }
    (inputs, skipped)
}

/// The sample residents, as `residents.json#<id>`.
fn resident_inputs() -> Vec<Input> {
    let all: Vec<serde_json::Value> = serde_json::from_str(RESIDENTS).unwrap();
    all.iter()
        .map(|facts| {
            let resident = Resident::from_json(&facts.to_string()).unwrap();
            Input {
                source: format!("residents.json#{}", resident.id()),
                resident,
            }
        })
        .collect()
}

/// The outcomes that differ between `before` and `after`, input by input, month by month.
fn changes(
    before: &Policy,
    after: &Policy,
    inputs: &[Input],
    first: Month,
    last: Month,
) -> Vec<Change> {
    let mut changes = Vec::new();
    for input in inputs {
        let decide = |p: &Policy| -> Vec<Result<MonthDecision, String>> {
            first
                .through(last)
                .map(|m| p.decide(&input.resident, m).map_err(|e| e.to_string()))
                .collect()
        };
        for (b, a) in decide(before).into_iter().zip(decide(after)) {
            match (b, a) {
                (Ok(b), Ok(a)) => {
                    for subsidy in Subsidy::ALL {
                        let (x, y) = (&b.subsidy(subsidy).outcome, &a.subsidy(subsidy).outcome);
                        if x != y {
                            changes.push(Change {
                                source: input.source.clone(),
                                month: b.month,
                                subsidy,
                                before: outcome_text(x),
                                after: outcome_text(y),
                            });
                        }
                    }
                }
                (b, a) => {
                    let text = |r: &Result<MonthDecision, String>| match r {
                        Ok(d) => format!("decided, total {}", d.total),
                        Err(e) => format!("error: {e}"),
                    };
                    if b != a {
                        panic!("{}: {} → {}", input.source, text(&b), text(&a));
                    }
                }
            }
        }
    }
    changes
}

/// The changes as lines, consecutive months of the same change of the same input and subsidy
/// written as one range: `file 2025-04..2025-12 living: … → …`.
fn grouped(changes: &[Change]) -> Vec<String> {
    // Input by input as listed, then living before nursing, then month by month.
    let mut sources: Vec<&str> = Vec::new();
    for c in changes {
        if sources.last() != Some(&c.source.as_str()) {
            sources.push(&c.source);
        }
    }
    let mut changes = changes.to_vec();
    changes.sort_by_key(|c| {
        let at = sources.iter().position(|s| *s == c.source);
        (at, c.subsidy, c.month)
    });
    let mut lines = Vec::new();
    let mut i = 0;
    while i < changes.len() {
        let c = &changes[i];
        let mut j = i;
        while let Some(next) = changes.get(j + 1) {
            let same = next.source == c.source
                && next.subsidy == c.subsidy
                && next.before == c.before
                && next.after == c.after
                && next.month == changes[j].month.next();
            if !same {
                break;
            }
            j += 1;
        }
        let line = c.to_string();
        lines.push(if j == i {
            line
        } else {
            let months = format!("{}..{}", c.month, changes[j].month);
            line.replacen(&c.month.to_string(), &months, 1)
        });
        i = j + 1;
    }
    lines
}

fn reformed(text: &str) -> Policy {
    Reform::from_json(text)
        .unwrap()
        .apply(&Policy::tianjin_2023())
        .unwrap()
}

fn env_month(name: &str, default: &str) -> Month {
    let text = std::env::var(name).unwrap_or_else(|_| default.to_owned());
    text.parse()
        .unwrap_or_else(|e| panic!("{name}={text}: {e}"))
}

/// The snapshot as the environment asks for it; prints the list (see the module's doc). Run as it
/// is, on living-350 over 2025, it checks what it lists: outcomes change, and each is a living
/// allowance that would be or is 300 and becomes 350 — the nursing allowance is not touched.
#[test]
fn report() {
    let default = ["SNAPSHOT_REFORM", "SNAPSHOT_FROM", "SNAPSHOT_TO"]
        .iter()
        .all(|name| std::env::var(name).map_or(true, |v| v.is_empty()));
    let (path, text) = match std::env::var("SNAPSHOT_REFORM") {
        Ok(path) if !path.is_empty() => {
            let full = from_root(&path);
            let text = std::fs::read_to_string(&full).unwrap_or_else(|e| {
                panic!(
                    "SNAPSHOT_REFORM={path}: cannot read (relative to the crate root, {}): {e}",
                    full.display()
                )
            });
            (path, text)
        }
        _ => (
            "examples/data/reforms/living-350.json".to_owned(),
            LIVING_350.to_owned(),
        ),
    };
    let first = env_month("SNAPSHOT_FROM", "2025-01");
    let last = env_month("SNAPSHOT_TO", "2025-12");
    let baseline = Policy::tianjin_2023();
    let reform = Reform::from_json(&text)
        .and_then(|r| r.apply(&baseline))
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let (mut inputs, skipped) = case_inputs();
    inputs.extend(resident_inputs());
    let list = changes(&baseline, &reform, &inputs, first, last);
    let mut out = format!(
        "snapshot: {} → {} ({path}), {first} to {last}: {} inputs ({} case files skipped: facts refused), {} changed outcomes (month × subsidy)\n",
        baseline.name(),
        reform.name(),
        inputs.len(),
        skipped.len(),
        list.len()
    );
    for line in grouped(&list) {
        out.push_str(&line);
        out.push('\n');
    }
    eprint!("{out}");
    if default {
        assert!(list.len() > 100, "{out}");
        for change in &list {
            assert_eq!(change.subsidy, Subsidy::Living, "{change}");
            assert!(
                change.before.contains("300") && change.after.contains("350"),
                "{change}"
            );
        }
    }
    if let Ok(file) = std::env::var("SNAPSHOT_OUT") {
        let full = from_root(&file);
        std::fs::write(&full, &out).unwrap_or_else(|e| {
            panic!(
                "SNAPSHOT_OUT={file}: cannot write (relative to the crate root, {}): {e}",
                full.display()
            )
        });
    }
}

#[test]
fn living_350_on_the_sample_residents_in_2025_01() {
    // By hand, from examples/data/residents.json, 2025-01 (living 300 → 350 for grade 1-2, dibao
    // and dibao-edge alike; nothing else changes):
    // - 0001 physical 1, dibao, claim since 2023-10: living paid 300 → 350.
    // - 0002 hearing 3: 160, unchanged. 0003 orphan in an institution: no living allowance; the
    //   nursing allowance is not touched. 0004 dibao ended 2024-06-15: living stopped, unchanged.
    // - 0005 in prison until 2025-01-19: both stopped since 2024-04, unchanged.
    // - 0006 no household assistance: no living allowance; nursing superseded (500 > 200).
    // - 0007 renewed certificate, now grade 2, claim since the 2024-08 renewal: 300 → 350.
    // - 0008 visual 2, dibao-edge (same as dibao): 300 → 350; nursing by choice, unchanged.
    // - 0009 household assistance unknown: living undetermined, unchanged.
    // - 0010 intellectual 1, dibao, never applied: not applied for, would pay 300 → 350.
    let baseline = Policy::tianjin_2023();
    let reform = reformed(LIVING_350);
    let list: Vec<String> = changes(
        &baseline,
        &reform,
        &resident_inputs(),
        month("2025-01"),
        month("2025-01"),
    )
    .iter()
    .map(ToString::to_string)
    .collect();
    assert_eq!(
        list,
        [
            "residents.json#TJ-HP-0001 2025-01 living: paid 300 → paid 350",
            "residents.json#TJ-HP-0007 2025-01 living: paid 300 → paid 350",
            "residents.json#TJ-HP-0008 2025-01 living: paid 300 → paid 350",
            "residents.json#TJ-HP-0010 2025-01 living: not_applied_for (would pay 300) → \
             not_applied_for (would pay 350)",
        ]
    );
    // And 2024-12, before the reform starts: nothing.
    let before = changes(
        &baseline,
        &reform,
        &resident_inputs(),
        month("2023-08"),
        month("2024-12"),
    );
    assert_eq!(before, []);
}

/// A reform that sets a parameter to the value it already has changes nothing: the reform is
/// applied (its override is one more dated value, under the reformed policy's own name), and no
/// outcome of any case file or sample resident differs, in any month the policy governs.
#[test]
fn the_baseline_against_itself_changes_nothing() {
    let baseline = Policy::tianjin_2023();
    let same = reformed(
        r#"{ "name": "same", "overrides": [
            { "parameter": "living_allowance_grade_1_2", "from": "2024-01", "value": "300",
              "source": "the value it has" }
        ] }"#,
    );
    assert_eq!(same.name(), "tianjin-2023+same");
    let parameter = tianjin_disability_subsidies::policy::Parameter::LivingAllowanceGrade1To2;
    let values = |p: &Policy| {
        p.parameters()
            .value_at(parameter, month("2024-01"))
            .map(|v| (v.from, v.value.clone()))
    };
    // The override is the value from 2024-01; the baseline's dates from before.
    assert_eq!(values(&same).map(|v| v.0), Some(month("2024-01")));
    assert_ne!(values(&baseline).map(|v| v.0), Some(month("2024-01")));
    assert_eq!(values(&same).map(|v| v.1), values(&baseline).map(|v| v.1));
    let (mut inputs, skipped) = case_inputs();
    // The case files whose facts are refused are the `errors-*` cases, which expect an error.
    assert!(
        skipped.iter().all(|f| f.starts_with("errors-")),
        "{skipped:?}"
    );
    assert!(inputs.len() >= 80, "{}", inputs.len());
    inputs.extend(resident_inputs());
    assert_eq!(
        changes(
            &baseline,
            &same,
            &inputs,
            month("2023-08"),
            month("2025-12")
        ),
        []
    );
}
