//! Costs a what-if reform over a population: who gains and who loses, what each subsidy costs
//! under the baseline and under the reform, month by month and year by year, broken down by
//! disability category, grade and household status, and one resident side by side.
//!
//! ```text
//! cargo run --example reform                                    # living-350 on the bundled roster, 2025-01..2025-12
//! cargo run --example reform -- --reform examples/data/reforms/dibao-edge-less.json
//! cargo run --example reform -- --roster my-roster.jsonl        # your own JSON Lines file, streamed
//! cargo run --example reform -- --from 2024-07 --to 2025-06     # another range of months
//! cargo run --example reform -- --csv > comparison.csv          # the comparison as CSV instead
//! ```
//!
//! Without `--reform`, the bundled `examples/data/reforms/living-350.json` (the grade 1-2 living
//! allowance raised to 350 from 2025-01) is applied to the embedded Tianjin 2023 policy; without
//! `--roster`, the bundled `examples/data/roster.jsonl` (300 generated residents and five malformed
//! lines) is compared. Both are compiled into the example, so it runs from any directory. The
//! other bundled reforms are `dibao-edge-less.json`, `nursing-grade-3-intellectual-mental.json`
//! and `same-month-stop.json` in the same directory; a reform file is
//! `{ "name", "description", "overrides": [{ "parameter", "from", "value", "source" }] }`.
//!
//! A roster is JSON Lines, one resident's facts per line, read through a `BufReader` one line at
//! a time: memory does not grow with the number of residents. A malformed line is counted and
//! listed (line number and error), never fatal; blank lines are counted apart.
//!
//! Movers (gain / lose / unchanged) compare each resident's total of one subsidy over the whole
//! range. The breakdowns group residents by the certificate and household status on the last
//! month's first day. The resident shown side by side is the first who gains (else the first
//! who loses), in the first month whose outcome differs, with the clauses and the parameter
//! values (value, from, source) that only one side used.
//!
//! `--csv` writes one row per month, per year, per breakdown group and one for the total, with a
//! header, to stdout; the line counts go to stderr.

#[path = "common/cli.rs"]
mod cli;

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::process::ExitCode;

use tianjin_disability_subsidies::{
    decision::{Payee, Used},
    reform::{Cost, Household, MonthComparison, PerSubsidy},
    Comparer, Comparison, Language, Month, Outcome, Policy, Reform, Resident, Subsidy,
    SubsidyDecision,
};

/// The bundled reform.
const BUNDLED_REFORM: &str = include_str!("data/reforms/living-350.json");
/// The bundled roster.
const BUNDLED_ROSTER: &str = include_str!("data/roster.jsonl");
/// How many rejected lines are listed.
const FIRST_REJECTED: usize = 10;

const USAGE: &str =
    "usage: reform [--reform FILE] [--roster FILE.jsonl] [--from YYYY-MM] [--to YYYY-MM] [--csv]";

struct Args {
    reform: Option<String>,
    roster: Option<String>,
    from: Month,
    to: Month,
    csv: bool,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut parsed = Args {
        reform: None,
        roster: None,
        from: Month::new(2025, 1).map_err(|e| e.to_string())?,
        to: Month::new(2025, 12).map_err(|e| e.to_string())?,
        csv: false,
    };
    let mut i = 0;
    while i < args.len() {
        let flag = args[i].as_str();
        let value = || {
            args.get(i + 1)
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match flag {
            "--reform" => parsed.reform = Some(value()?),
            "--roster" => parsed.roster = Some(value()?),
            "--from" => parsed.from = value()?.parse().map_err(|e| format!("--from: {e}"))?,
            "--to" => parsed.to = value()?.parse().map_err(|e| format!("--to: {e}"))?,
            "--csv" => {
                parsed.csv = true;
                i += 1;
                continue;
            }
            other => return Err(format!("unexpected argument \"{other}\"\n{USAGE}")),
        }
        i += 2;
    }
    Ok(parsed)
}

/// What reading the roster gave, besides the comparison.
#[derive(Default)]
struct Lines {
    read: u64,
    blank: u64,
    decided: u64,
    rejected: u64,
    first_rejected: Vec<(u64, String)>,
    /// The first resident who gains (else loses) under the reform.
    example: Option<(Resident, bool)>,
}

impl Lines {
    fn reject(&mut self, line: u64, error: String) {
        self.rejected += 1;
        if self.first_rejected.len() < FIRST_REJECTED {
            self.first_rejected.push((line, error));
        }
    }
}

/// Streams the roster through the comparer, one line at a time.
fn compare_roster<R: BufRead>(
    mut reader: R,
    comparer: &mut Comparer,
    lines: &mut Lines,
) -> Result<(), String> {
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        let n = reader
            .read_until(b'\n', &mut buffer)
            .map_err(|e| format!("cannot read the roster: {e}"))?;
        if n == 0 {
            return Ok(());
        }
        lines.read += 1;
        let line = lines.read;
        let text = match std::str::from_utf8(&buffer) {
            Ok(text) => text.trim(),
            Err(_) => {
                lines.reject(line, "expected UTF-8 text".to_owned());
                continue;
            }
        };
        if text.is_empty() {
            lines.blank += 1;
            continue;
        }
        let resident = match Resident::from_json(text) {
            Ok(resident) => resident,
            Err(e) => {
                // A line is one JSON document: its reading error gives the column alone.
                lines.reject(line, e.describe_in_line(Language::English));
                continue;
            }
        };
        match comparer.add(&resident) {
            Ok(totals) => {
                lines.decided += 1;
                let gains = Subsidy::ALL
                    .iter()
                    .any(|&s| get(&totals.reform, s) > get(&totals.baseline, s));
                let differs = totals.reform != totals.baseline;
                let better = match &lines.example {
                    None => differs,
                    Some((_, gained)) => gains && !gained,
                };
                if better {
                    lines.example = Some((resident, gains));
                }
            }
            Err(e) => lines.reject(line, e.to_string()),
        }
    }
}

fn get(p: &PerSubsidy, subsidy: Subsidy) -> tianjin_disability_subsidies::Money {
    match subsidy {
        Subsidy::Living => p.living,
        Subsidy::Nursing => p.nursing,
    }
}

fn household_name(h: Household) -> &'static str {
    match h {
        Household::Dibao => "dibao",
        Household::DibaoEdge => "dibao-edge",
        Household::Neither => "neither",
        Household::Unknown => "unknown",
    }
}

/// A signed difference, `+50`, `-120` or `0`.
fn signed(d: rust_decimal::Decimal) -> String {
    if d.is_sign_positive() && !d.is_zero() {
        format!("+{d}")
    } else {
        d.to_string()
    }
}

fn diff(
    baseline: tianjin_disability_subsidies::Money,
    reform: tianjin_disability_subsidies::Money,
) -> String {
    signed(reform.as_decimal() - baseline.as_decimal())
}

/// The value of the parameter a decision used, as the policy holds it from that month.
fn parameter_value(policy: &Policy, used: &Used) -> String {
    match policy.parameters().value_at(used.parameter, used.from) {
        Some(view) => match view.value {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        },
        None => "?".to_owned(),
    }
}

fn outcome_text(d: &SubsidyDecision) -> String {
    match &d.outcome {
        Outcome::Paid { amount, payee } => match payee {
            Payee::Person => format!("paid {amount}"),
            Payee::Institution { name } => format!("paid {amount} to {name}"),
        },
        Outcome::NotEligible { because } => {
            let causes: Vec<&str> = because.iter().map(|c| c.describe_en()).collect();
            format!("not eligible: {}", causes.join("; "))
        }
        Outcome::Excluded { by } => format!("excluded: {}", by.describe_en()),
        Outcome::Superseded {
            by,
            benefit_amount,
            subsidy_amount,
        } => format!(
            "superseded by {} {benefit_amount} (subsidy {subsidy_amount})",
            by.name_en()
        ),
        Outcome::NotAppliedFor { would_pay } => {
            format!("not applied for (应享未享), would pay {would_pay}")
        }
        Outcome::Stopped { since, because } => {
            format!("stopped since {since}: {}", because.describe_en())
        }
        Outcome::Undetermined { missing } => {
            let groups: Vec<&str> = missing.iter().map(|g| g.field()).collect();
            format!("undetermined, missing {}", groups.join(", "))
        }
        other => other.name().to_owned(),
    }
}

fn cost_row(w: &mut String, label: &str, cost: &Cost) {
    let _ = writeln!(
        w,
        "  {label:<24} {:>7}  {:>12} {:>12} {:>10}  {:>12} {:>12} {:>10}  {:>12}",
        cost.residents,
        cost.baseline.living,
        cost.reform.living,
        diff(cost.baseline.living, cost.reform.living),
        cost.baseline.nursing,
        cost.reform.nursing,
        diff(cost.baseline.nursing, cost.reform.nursing),
        signed(cost.difference()),
    );
}

fn cost_header(w: &mut String, title: &str) {
    let _ = writeln!(
        w,
        "\n{title}\n  {:<24} {:>7}  {:>12} {:>12} {:>10}  {:>12} {:>12} {:>10}  {:>12}",
        "",
        "people",
        "living base",
        "living reform",
        "diff",
        "nursing base",
        "nursing reform",
        "diff",
        "both diff"
    );
}

fn side_by_side(w: &mut String, baseline: &Policy, reform: &Policy, m: &MonthComparison) {
    for subsidy in Subsidy::ALL {
        let (b, r) = (m.baseline.subsidy(subsidy), m.reform.subsidy(subsidy));
        let mark = if b.outcome == r.outcome { " " } else { "≠" };
        let _ = writeln!(
            w,
            "  {mark} {:<18} baseline: {:<34} reform: {}",
            subsidy.name_en(),
            outcome_text(b),
            outcome_text(r)
        );
    }
    let _ = writeln!(
        w,
        "    total               baseline: {:<34} reform: {}",
        m.baseline.total, m.reform.total
    );
    let ids = |c: &[tianjin_disability_subsidies::ClauseId]| {
        if c.is_empty() {
            "none".to_owned()
        } else {
            c.iter().map(|c| c.id()).collect::<Vec<_>>().join(", ")
        }
    };
    let _ = writeln!(
        w,
        "    clauses only in the baseline: {}",
        ids(&m.clauses_only_in_baseline)
    );
    let _ = writeln!(
        w,
        "    clauses only in the reform:   {}",
        ids(&m.clauses_only_in_reform)
    );
    for (side, policy, used) in [
        ("baseline", baseline, &m.parameters_only_in_baseline),
        ("reform", reform, &m.parameters_only_in_reform),
    ] {
        let _ = writeln!(w, "    parameter values only in the {side}:");
        if used.is_empty() {
            let _ = writeln!(w, "      none");
        }
        for u in used {
            let _ = writeln!(
                w,
                "      {} = {} from {}\n        source: {}",
                u.parameter,
                parameter_value(policy, u),
                u.from,
                u.source
            );
        }
    }
}

fn print_table(
    reform: &Reform,
    source: &str,
    roster: &str,
    baseline: &Policy,
    reformed: &Policy,
    c: &Comparison,
    lines: &Lines,
) -> Result<(), String> {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "Reform {}: {} compared with {}, {} to {}",
        reform.name, c.reform, c.baseline, c.first, c.last
    );
    let _ = writeln!(w, "reform file: {source}");
    if !reform.description.is_empty() {
        let _ = writeln!(w, "  {}", reform.description);
    }
    for o in &reform.overrides {
        let _ = writeln!(
            w,
            "  override {} from {} = {}\n    source: {}",
            o.parameter, o.from, o.value, o.source
        );
    }
    let _ = writeln!(w, "roster: {roster}");

    let _ = writeln!(w, "\nResidents");
    let _ = writeln!(w, "  lines read  {:>8}", lines.read);
    let _ = writeln!(w, "  blank       {:>8}", lines.blank);
    let _ = writeln!(w, "  decided     {:>8}", lines.decided);
    let _ = writeln!(w, "  rejected    {:>8}", lines.rejected);
    for (line, error) in &lines.first_rejected {
        let _ = writeln!(w, "    line {line}: {error}");
    }
    if lines.rejected > lines.first_rejected.len() as u64 {
        let _ = writeln!(
            w,
            "    … and {} more",
            lines.rejected - lines.first_rejected.len() as u64
        );
    }

    let _ = writeln!(
        w,
        "\nWho gains and who loses (each resident's total over {} to {})",
        c.first, c.last
    );
    let _ = writeln!(
        w,
        "  {:<18} {:>8} {:>8} {:>10}",
        "", "gain", "lose", "unchanged"
    );
    for (subsidy, m) in [(Subsidy::Living, c.living), (Subsidy::Nursing, c.nursing)] {
        let _ = writeln!(
            w,
            "  {:<18} {:>8} {:>8} {:>10}",
            subsidy.name_en(),
            m.gain,
            m.lose,
            m.unchanged
        );
    }

    let _ = writeln!(w, "\nTotal cost, {} to {}", c.first, c.last);
    let _ = writeln!(
        w,
        "  {:<18} {:>14} {:>14} {:>12}",
        "", "baseline", "reform", "difference"
    );
    let t = &c.total;
    for subsidy in Subsidy::ALL {
        let (b, r) = (get(&t.baseline, subsidy), get(&t.reform, subsidy));
        let _ = writeln!(
            w,
            "  {:<18} {b:>14} {r:>14} {:>12}",
            subsidy.name_en(),
            diff(b, r)
        );
    }
    let _ = writeln!(
        w,
        "  {:<18} {:>14} {:>14} {:>12}",
        "both",
        t.baseline.total(),
        t.reform.total(),
        signed(t.difference())
    );

    let u = &c.unclaimed;
    let _ = writeln!(
        w,
        "\nUnclaimed (应享未享: entitled but not applied for), priced at what it would pay"
    );
    let _ = writeln!(
        w,
        "  {:<18} {:>14} {:>14} {:>12}",
        "", "baseline", "reform", "difference"
    );
    for subsidy in Subsidy::ALL {
        let (b, r) = (get(&u.baseline, subsidy), get(&u.reform, subsidy));
        let _ = writeln!(
            w,
            "  {:<18} {b:>14} {r:>14} {:>12}",
            subsidy.name_en(),
            diff(b, r)
        );
    }
    let _ = writeln!(
        w,
        "  residents newly entitled by the reform (paid once they apply): {}",
        u.newly_entitled_residents
    );

    let _ = writeln!(w, "\nYearly cost (both subsidies)");
    let _ = writeln!(
        w,
        "  {:<6} {:>6} {:>14} {:>14} {:>12}",
        "year", "months", "baseline", "reform", "difference"
    );
    for y in &c.yearly {
        let _ = writeln!(
            w,
            "  {:<6} {:>6} {:>14} {:>14} {:>12}",
            y.year,
            y.months,
            y.baseline.total(),
            y.reform.total(),
            diff(y.baseline.total(), y.reform.total())
        );
    }
    let _ = writeln!(w, "\nMonthly cost (both subsidies)");
    for m in &c.monthly {
        let _ = writeln!(
            w,
            "  {}  {:>12} {:>12} {:>10}",
            m.month,
            m.baseline.total(),
            m.reform.total(),
            diff(m.baseline.total(), m.reform.total())
        );
    }

    cost_header(
        w,
        "By disability category (certificate counting on the last month's 1st)",
    );
    for (category, cost) in &c.by_category {
        let label = category.map_or("no valid certificate", |c| c.name_en());
        cost_row(w, label, cost);
    }
    cost_header(w, "By grade");
    for (grade, cost) in &c.by_grade {
        let label = grade.map_or("no valid certificate".to_owned(), |g| {
            format!("grade {}", g.number())
        });
        cost_row(w, &label, cost);
    }
    cost_header(w, "By household status (on the last month's 1st)");
    for (household, cost) in &c.by_household {
        cost_row(w, household_name(*household), cost);
    }

    match &lines.example {
        None => {
            let _ = writeln!(w, "\nNo resident's payments differ under the reform.");
        }
        Some((resident, gains)) => {
            let comparison = baseline
                .compare_resident(reformed, resident, c.first, c.last)
                .map_err(|e| e.to_string())?;
            let _ = writeln!(
                w,
                "\nOne resident who {}: {}",
                if *gains { "gains" } else { "loses" },
                resident.id()
            );
            let months: Vec<String> = comparison
                .months
                .iter()
                .filter(|m| m.differs)
                .map(|m| m.month.to_string())
                .collect();
            let _ = writeln!(w, "  months that differ: {}", months.join(" "));
            if let Some(m) = comparison.months.iter().find(|m| m.differs) {
                let _ = writeln!(w, "  {}, side by side:", m.month);
                side_by_side(w, baseline, reformed, m);
            }
        }
    }
    print!("{out}");
    Ok(())
}

/// One CSV row of money per subsidy.
fn csv_row(
    w: &mut String,
    section: &str,
    group: &str,
    residents: Option<u64>,
    b: &PerSubsidy,
    r: &PerSubsidy,
) {
    let residents = residents.map_or(String::new(), |n| n.to_string());
    let _ = writeln!(
        w,
        "{section},{},{residents},{},{},{},{},{},{},{},{},{}",
        csv_field(group),
        b.living,
        r.living,
        diff(b.living, r.living),
        b.nursing,
        r.nursing,
        diff(b.nursing, r.nursing),
        b.total(),
        r.total(),
        diff(b.total(), r.total()),
    );
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn print_csv(c: &Comparison) {
    let mut out = String::from(
        "section,group,residents,baseline_living,reform_living,difference_living,\
         baseline_nursing,reform_nursing,difference_nursing,baseline_total,reform_total,difference_total\n",
    );
    let w = &mut out;
    csv_row(
        w,
        "total",
        "all",
        Some(c.total.residents),
        &c.total.baseline,
        &c.total.reform,
    );
    csv_row(
        w,
        "unclaimed",
        "entitled_not_applied_for",
        Some(c.unclaimed.newly_entitled_residents),
        &c.unclaimed.baseline,
        &c.unclaimed.reform,
    );
    for m in &c.monthly {
        csv_row(
            w,
            "month",
            &m.month.to_string(),
            None,
            &m.baseline,
            &m.reform,
        );
    }
    for y in &c.yearly {
        csv_row(w, "year", &y.year.to_string(), None, &y.baseline, &y.reform);
    }
    for (category, cost) in &c.by_category {
        let group = category.map_or("none", |c| c.name_en());
        csv_row(
            w,
            "category",
            group,
            Some(cost.residents),
            &cost.baseline,
            &cost.reform,
        );
    }
    for (grade, cost) in &c.by_grade {
        let group = grade.map_or("none".to_owned(), |g| g.number().to_string());
        csv_row(
            w,
            "grade",
            &group,
            Some(cost.residents),
            &cost.baseline,
            &cost.reform,
        );
    }
    for (household, cost) in &c.by_household {
        let group = match household {
            Household::Dibao => "dibao",
            Household::DibaoEdge => "dibao_edge",
            Household::Neither => "neither",
            Household::Unknown => "unknown",
        };
        csv_row(
            w,
            "household",
            group,
            Some(cost.residents),
            &cost.baseline,
            &cost.reform,
        );
    }
    print!("{out}");
}

fn run(args: Args) -> Result<(), String> {
    let (reform_text, reform_source) = match &args.reform {
        None => (
            BUNDLED_REFORM.to_owned(),
            "bundled examples/data/reforms/living-350.json".to_owned(),
        ),
        Some(path) => (
            std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?,
            path.clone(),
        ),
    };
    let reform = Reform::from_json(&reform_text).map_err(|e| format!("{reform_source}: {e}"))?;
    let baseline = Policy::tianjin_2023();
    let reformed = reform
        .apply(&baseline)
        .map_err(|e| format!("{reform_source}: {e}"))?;
    let mut comparer =
        Comparer::new(&baseline, &reformed, args.from, args.to).map_err(|e| e.to_string())?;
    let mut lines = Lines::default();
    let roster = match &args.roster {
        None => {
            compare_roster(BUNDLED_ROSTER.as_bytes(), &mut comparer, &mut lines)?;
            "bundled examples/data/roster.jsonl".to_owned()
        }
        Some(path) => {
            let file = File::open(path).map_err(|e| format!("cannot open {path}: {e}"))?;
            compare_roster(
                BufReader::with_capacity(1 << 16, file),
                &mut comparer,
                &mut lines,
            )
            .map_err(|e| format!("{path}: {e}"))?;
            path.clone()
        }
    };
    let comparison = comparer.finish();
    if args.csv {
        print_csv(&comparison);
        eprintln!(
            "{roster}: {} lines read, {} blank, {} decided, {} rejected",
            lines.read, lines.blank, lines.decided, lines.rejected
        );
        for (line, error) in &lines.first_rejected {
            eprintln!("  line {line}: {error}");
        }
        Ok(())
    } else {
        print_table(
            &reform,
            &reform_source,
            &roster,
            &baseline,
            &reformed,
            &comparison,
            &lines,
        )
    }
}

fn main() -> ExitCode {
    cli::run_with_args(USAGE, parse_args, |args| run(args).map(|()| true))
}
