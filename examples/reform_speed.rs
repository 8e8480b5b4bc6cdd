//! How fast a reform is built and costed.
//!
//! ```text
//! cargo run --release --example reform_speed -- [count]     # default 1,000,000 residents
//! ```
//!
//! 1. Building: the median time of `Policy::from_json(TIANJIN_2023_JSON)` (the baseline, read and
//!    checked from its JSON) against the median time of building the bundled living-350 reform,
//!    `Reform::from_json` + `Reform::apply` on the loaded baseline, over many runs of each, and
//!    their ratio (target: the reform at most 2× the baseline).
//! 2. Comparing: a roster of `count` residents is generated to the system's temp directory with
//!    the generator of `gen_roster` (as of 2026-01, so that every month of 2025 has its events),
//!    then streamed line by line through a `Comparer` of the baseline and the reform over
//!    2025-01..2025-12 (24 month decisions per resident, 12 under each policy). Reported: the
//!    median of 3 runs, residents per second, and the total seconds for `count` residents; and,
//!    for scale, the time to only read and parse the same file into `Resident`s.
//!
//! The current figures are in docs/performance.md. Building a reform clones the base policy and
//! splices its overrides in, so it should stay well below the baseline, which parses and checks
//! the whole policy.

use tianjin_disability_subsidies_support::generator;
#[path = "common/lines.rs"]
mod lines;

use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use tianjin_disability_subsidies::{Comparer, Month, Policy, Reform, Resident, TIANJIN_2023_JSON};

const LIVING_350: &str = include_str!("data/reforms/living-350.json");
/// Runs of each build measured (after as many warm-up runs).
const BUILD_RUNS: usize = 2_000;
/// Runs of the comparison over the roster.
const RUNS: usize = 3;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn per_second(n: u64, time: Duration) -> f64 {
    n as f64 / time.as_secs_f64()
}

/// Times `f` `runs` times after `runs` warm-up calls.
fn time_each(
    runs: usize,
    mut f: impl FnMut() -> Result<(), String>,
) -> Result<Vec<Duration>, String> {
    for _ in 0..runs {
        f()?;
    }
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        f()?;
        times.push(started.elapsed());
    }
    Ok(times)
}

/// Streams `path`, calling `each` with every resident read. Returns (residents, rejected lines).
fn stream(
    path: &Path,
    mut each: impl FnMut(&Resident) -> Result<(), String>,
) -> Result<(u64, u64), String> {
    let (mut residents, mut rejected) = (0u64, 0u64);
    lines::for_each_line(path, |text| {
        match Resident::from_json(text) {
            Ok(r) => {
                each(&r)?;
                residents += 1;
            }
            Err(_) => rejected += 1,
        }
        Ok(())
    })?;
    Ok((residents, rejected))
}

fn run(count: u64) -> Result<(), String> {
    // 1. Building.
    let build_baseline = time_each(BUILD_RUNS, || {
        Policy::from_json(TIANJIN_2023_JSON)
            .map(drop)
            .map_err(|e| e.to_string())
    })?;
    let baseline = Policy::from_json(TIANJIN_2023_JSON).map_err(|e| e.to_string())?;
    let build_reform = time_each(BUILD_RUNS, || {
        Reform::from_json(LIVING_350)
            .and_then(|r| r.apply(&baseline))
            .map(drop)
            .map_err(|e| e.to_string())
    })?;
    let (b, r) = (median(build_baseline), median(build_reform));
    let ratio = r.as_secs_f64() / b.as_secs_f64();
    println!("building, median of {BUILD_RUNS} runs each:");
    println!("  baseline  Policy::from_json(TIANJIN_2023_JSON)       {b:>10.2?}");
    println!("  reform    Reform::from_json(living-350) + apply     {r:>10.2?}");
    println!(
        "  ratio reform / baseline = {ratio:.2}  (target ≤ 2: {})",
        if ratio <= 2.0 { "met" } else { "missed" }
    );

    // 2. Comparing.
    let reformed = Reform::from_json(LIVING_350)
        .and_then(|r| r.apply(&baseline))
        .map_err(|e| e.to_string())?;
    let (first, last) = (
        Month::new(2025, 1).map_err(|e| e.to_string())?,
        Month::new(2025, 12).map_err(|e| e.to_string())?,
    );
    let path = std::env::temp_dir().join(format!("tianjin-reform-speed-{count}.jsonl"));
    let started = Instant::now();
    generator::write_roster_file(
        &path,
        count,
        Month::new(2026, 1).map_err(|e| e.to_string())?,
    )?;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "\nroster: {count} residents, {:.1} MiB, generated in {:.2?} to {}",
        size as f64 / (1024.0 * 1024.0),
        started.elapsed(),
        path.display()
    );
    println!(
        "comparison: {} vs {}, {first} to {last} (12 months, 24 decisions per resident)",
        baseline.name(),
        reformed.name()
    );

    let mut parse_times = Vec::new();
    let mut compare_times = Vec::new();
    let mut residents = 0;
    let mut difference = rust_decimal::Decimal::ZERO;
    for run in 1..=RUNS {
        let started = Instant::now();
        let (n, _) = stream(&path, |_| Ok(()))?;
        let parse = started.elapsed();
        parse_times.push(parse);

        let started = Instant::now();
        let mut comparer =
            Comparer::new(&baseline, &reformed, first, last).map_err(|e| e.to_string())?;
        let (n2, rejected) = stream(&path, |r| {
            comparer.add(r).map(drop).map_err(|e| e.to_string())
        })?;
        let comparison = comparer.finish();
        let compare = started.elapsed();
        compare_times.push(compare);
        if rejected > 0 || n2 != n {
            return Err(format!(
                "{rejected} lines of the generated roster were rejected"
            ));
        }
        residents = n2;
        difference = comparison.total.difference();
        println!(
            "run {run}: parse only {parse:.2?} ({:.0}/s); parse + compare {compare:.2?} ({:.0}/s)",
            per_second(n, parse),
            per_second(n2, compare)
        );
    }
    let p = median(parse_times);
    let c = median(compare_times);
    println!("\nmedian of {RUNS} runs over {residents} residents:");
    println!(
        "  parse only (Resident::from_json):      {p:>10.2?}  {:>10.0} residents/s",
        per_second(residents, p)
    );
    println!(
        "  parse + Comparer::add (12 months × 2): {c:>10.2?}  {:>10.0} residents/s",
        per_second(residents, c)
    );
    println!(
        "  total for {residents} residents over 12 months: {:.2} s; the reform costs {} more a year",
        c.as_secs_f64(),
        difference
    );
    let _ = std::fs::remove_file(&path);
    Ok(())
}

fn main() -> ExitCode {
    let count = match std::env::args().nth(1) {
        None => 1_000_000,
        Some(arg) => match arg.parse::<u64>() {
            Ok(n) if n > 0 => n,
            _ => {
                eprintln!(
                    "usage: reform_speed [count]: expected a positive number, found \"{arg}\""
                );
                return ExitCode::from(2);
            }
        },
    };
    match run(count) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
