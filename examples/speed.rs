//! How fast the engine decides, measured without criterion:
//!
//! ```text
//! cargo run --release --example speed
//! ```
//!
//! Times four operations on one realistic resident (the same as in `benches/decide.rs`): a
//! month's decision, a 12-month schedule, a month's decision with its English explanation, and,
//! as a yardstick for the machine, reading the resident's facts with serde_json. Each operation
//! runs in 31 batches of many calls; the table shows the median time per call over the batches
//! and its ratio to the yardstick, then whether the targets are met: one month under 1 µs, a
//! 12-month schedule under 10 µs. Build with `--release`: a debug build is many times slower.
//! The current figures: docs/performance.md.
//!
//! Exit status (see `common/cli.rs`): 0 when it has measured, the targets met or not; 1 when the
//! output cannot be written; 2 for a wrong command line.

#[path = "common/cli.rs"]
mod cli;
#[macro_use]
#[path = "common/measure.rs"]
mod measure;

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use tianjin_disability_subsidies::{Facts, Language, Month, Policy, Resident};

/// The resident of `benches/decide.rs`: both subsidies applied for, a competing elderly care
/// nursing subsidy (lower, so it is given up), a stacking advanced-age allowance, a renewed
/// certificate, and dibao ending in June 2024 (the living allowance stops from July).
const RESIDENT: &str = include_str!("data/bench-resident.json");

const BATCHES: usize = 31;
/// How long one batch should take; the number of calls per batch is chosen to match.
const BATCH_TIME: Duration = Duration::from_millis(10);

const ONE_MONTH_TARGET_NS: f64 = 1_000.0;
const TWELVE_MONTHS_TARGET_NS: f64 = 10_000.0;

/// The median time of one call of `op`, in nanoseconds.
fn median_ns(mut op: impl FnMut()) -> f64 {
    // Warm up, and find how many calls fill a batch.
    let mut calls: u32 = 1;
    loop {
        let start = Instant::now();
        for _ in 0..calls {
            op();
        }
        if start.elapsed() >= BATCH_TIME || calls >= 1 << 24 {
            break;
        }
        calls *= 2;
    }
    let per_call: Vec<f64> = (0..BATCHES)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..calls {
                op();
            }
            start.elapsed().as_nanos() as f64 / f64::from(calls)
        })
        .collect();
    measure::median(&per_call)
}

/// Times a month's decision, a 12-month schedule and a decision with its explanation on one
/// realistic resident, against reading its facts with serde_json; judges the targets (one month
/// under 1 µs, 12 months under 10 µs). Build with --release.
#[derive(Parser)]
struct Args {}

fn main() -> ExitCode {
    Args::parse();
    cli::exit(run())
}

fn run() -> Result<bool, String> {
    if cfg!(debug_assertions) {
        cli::note("note: a debug build; run with --release for meaningful figures")?;
    }
    let policy = Policy::tianjin_2023();
    let (resident, march, first, last) =
        setup().map_err(|e| format!("cannot set up the measurement: {e}"))?;

    let baseline = median_ns(|| {
        let _ = black_box(serde_json::from_str::<Facts>(black_box(RESIDENT)));
    });
    let one_month = median_ns(|| {
        let _ = black_box(policy.decide(black_box(&resident), black_box(march)));
    });
    let twelve_months = median_ns(|| {
        let _ = black_box(policy.schedule(black_box(&resident), black_box(first), black_box(last)));
    });
    let explained = median_ns(|| {
        let text = policy
            .decide(black_box(&resident), black_box(march))
            .map(|d| d.explain(Language::English).to_string());
        let _ = black_box(text);
    });

    say!("median of {BATCHES} batches, ns per call")?;
    say!(
        "{:<28} {:>12} {:>12}",
        "operation",
        "median ns",
        "x baseline"
    )?;
    for (name, ns) in [
        ("decide_one_month", one_month),
        ("schedule_12_months", twelve_months),
        ("decide_and_explain", explained),
        ("baseline_parse_facts_json", baseline),
    ] {
        say!("{name:<28} {ns:>12.0} {:>12.2}", ns / baseline)?;
    }
    say!("")?;
    for (what, ns, target) in [
        ("one month", one_month, ONE_MONTH_TARGET_NS),
        ("12-month schedule", twelve_months, TWELVE_MONTHS_TARGET_NS),
    ] {
        let verdict = if ns < target { "met" } else { "MISSED" };
        say!("target: {what} under {target:.0} ns: {ns:.0} ns, {verdict}")?;
    }
    Ok(true)
}

/// The resident and the months measured.
fn setup() -> Result<(Resident, Month, Month, Month), tianjin_disability_subsidies::Error> {
    Ok((
        Resident::from_json(RESIDENT)?,
        Month::new(2024, 3)?,
        Month::new(2024, 1)?,
        Month::new(2024, 12)?,
    ))
}
