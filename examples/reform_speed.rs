//! How fast a reform is built and costed.
//!
//! ```text
//! cargo run --release --example reform_speed -- [COUNT]     # default 1,000,000 residents
//! ```
//!
//! 1. Building: the median time of `Policy::from_json(TIANJIN_2023_JSON)` (the baseline, read and
//!    checked from its JSON) against that of building the bundled living-350 reform,
//!    `Reform::from_json` + `Reform::apply` on the loaded baseline, over 2,000 runs of each after
//!    as many warm-up runs, and their ratio (target: the reform at most 2× the baseline).
//! 2. Comparing: a roster of COUNT residents, generated to the temp directory as of 2026-01 (so
//!    that every month of 2025 has its events), streamed through the library's `JsonLines` into
//!    a `Comparer` of the baseline and the reform over 2025-01..2025-12 (24 decisions a
//!    resident). Reported: the median of 3 runs, residents per second and the total seconds;
//!    and, for scale, the time to only read the same file into `Resident`s.
//!
//! The current figures: docs/performance.md.
//!
//! Exit status (see `common/cli.rs`): 0 when it has measured, the target met or not; 1 when the
//! roster cannot be written or read, a generated line is rejected, or the output cannot be
//! written; 2 for a wrong command line.

#[path = "common/cli.rs"]
mod cli;
#[macro_use]
#[path = "common/measure.rs"]
mod measure;

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use measure::{median, per_second, positive, timed, Roster};
use tianjin_disability_subsidies::{Comparer, Month, Policy, Reform, Resident, TIANJIN_2023_JSON};

const LIVING_350: &str = include_str!("data/reforms/living-350.json");
/// Runs of each build measured (after as many warm-up runs).
const BUILD_RUNS: usize = 2_000;
/// Runs of the comparison over the roster.
const RUNS: usize = 3;

/// Measures building a reform against building the baseline policy, then comparing the two over
/// the 12 months of 2025 for a generated roster (see docs/performance.md).
#[derive(Parser)]
struct Args {
    /// Residents in the roster compared.
    #[arg(default_value_t = 1_000_000, value_parser = positive::<u64>())]
    count: u64,
}

fn main() -> ExitCode {
    cli::exit(run(Args::parse()))
}

/// The median time of `f` over [`BUILD_RUNS`] runs, after as many warm-up runs.
fn build_time(mut f: impl FnMut() -> Result<(), String>) -> Result<Duration, String> {
    measure::times(BUILD_RUNS, &mut f)?;
    Ok(median(&measure::times(BUILD_RUNS, f)?.0))
}

/// Streams `path`, calling `each` with every resident read. Returns (residents, rejected lines).
fn read(
    path: &Path,
    mut each: impl FnMut(&Resident) -> Result<(), String>,
) -> Result<(u64, u64), String> {
    measure::stream(path, |text| match Resident::from_json(text) {
        Ok(resident) => each(&resident).map(|()| true),
        Err(_) => Ok(false),
    })
}

fn run(args: Args) -> Result<bool, String> {
    // 1. Building.
    let b = build_time(|| {
        Policy::from_json(TIANJIN_2023_JSON)
            .map(drop)
            .map_err(|e| e.to_string())
    })?;
    let baseline = Policy::from_json(TIANJIN_2023_JSON).map_err(|e| e.to_string())?;
    let reform = || Reform::from_json(LIVING_350).and_then(|r| r.apply(&baseline));
    let r = build_time(|| reform().map(drop).map_err(|e| e.to_string()))?;
    let ratio = r.as_secs_f64() / b.as_secs_f64();
    let met = measure::verdict(ratio <= 2.0);
    say!("building, median of {BUILD_RUNS} runs each:")?;
    say!("  baseline  Policy::from_json(TIANJIN_2023_JSON)       {b:>10.2?}")?;
    say!("  reform    Reform::from_json(living-350) + apply     {r:>10.2?}")?;
    say!("  ratio reform / baseline = {ratio:.2}  (target ≤ 2: {met})")?;

    // 2. Comparing.
    let reformed = reform().map_err(|e| e.to_string())?;
    let month = |year, month| Month::new(year, month).map_err(|e| e.to_string());
    let (first, last) = (month(2025, 1)?, month(2025, 12)?);
    let roster = Roster::generate("tianjin-reform-speed", args.count, month(2026, 1)?)?;
    let (described, from, to) = (roster.describe(), baseline.name(), reformed.name());
    say!("\n{described}")?;
    say!("comparison: {from} vs {to}, {first} to {last} (12 months, 24 decisions per resident)")?;
    let (mut parse_times, mut compare_times) = (Vec::new(), Vec::new());
    let (mut residents, mut difference) = (0, rust_decimal::Decimal::ZERO);
    for run in 1..=RUNS {
        let ((n, _), parse) = timed(|| read(&roster.path, |_| Ok(())))?;
        let ((n2, rejected, comparison), compare) = timed(|| {
            let mut comparer =
                Comparer::new(&baseline, &reformed, first, last).map_err(|e| e.to_string())?;
            let (n2, rejected) = read(&roster.path, |resident| {
                comparer.add(resident).map(drop).map_err(|e| e.to_string())
            })?;
            Ok((n2, rejected, comparer.finish()))
        })?;
        if rejected > 0 || n2 != n {
            return Err(format!(
                "{rejected} lines of the generated roster were rejected"
            ));
        }
        (residents, difference) = (n2, comparison.total.difference());
        parse_times.push(parse);
        compare_times.push(compare);
        let (parse_rate, compare_rate) = (per_second(n, parse), per_second(n2, compare));
        say!("run {run}: parse only {parse:.2?} ({parse_rate:.0}/s); parse + compare {compare:.2?} ({compare_rate:.0}/s)")?;
    }
    let (p, c) = (median(&parse_times), median(&compare_times));
    let (parse_rate, compare_rate) = (per_second(residents, p), per_second(residents, c));
    let total = c.as_secs_f64();
    say!("\nmedian of {RUNS} runs over {residents} residents:")?;
    say!("  parse only (Resident::from_json):      {p:>10.2?}  {parse_rate:>10.0} residents/s")?;
    say!("  parse + Comparer::add (12 months × 2): {c:>10.2?}  {compare_rate:>10.0} residents/s")?;
    say!("  total for {residents} residents over 12 months: {total:.2} s; the reform costs {difference} more a year")?;
    Ok(true)
}
