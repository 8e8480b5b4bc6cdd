//! How much faster a roster scan runs on every core: the roster split into parts
//! (`roster::split`), each scanned on its own thread (`std::thread::scope`), the scans merged
//! (`RosterScan::merge`) — against one scan on one thread, in the same run.
//!
//! ```text
//! cargo run --release --example threads_speed -- [COUNT] [ROUNDS]   # default 200,000 residents, 7 rounds
//! ```
//!
//! The roster is generated (as `gen_roster` does) and held in memory, so that the disk is not
//! measured. Each round runs one thread and then every core, alternating which goes first; the
//! report gives each one's median, the speed-up of the medians and the median of the rounds'
//! speed-ups, and checks that the merged scan's summary equals the single scan's. The target is
//! a speed-up of at least 1.7 on 2 cores. The current figures are in docs/performance.md.
//!
//! Exit status (see `common/cli.rs`): 0 when measured and the results agree; 1 otherwise.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/measure.rs"]
#[macro_use]
mod measure;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use tianjin_disability_subsidies::roster::split;
use tianjin_disability_subsidies::{Month, Policy, RosterScan, ScanOptions, ScanSummary};
use tianjin_disability_subsidies_support::generator::{self, DEFAULT_SEED};

/// Times a roster scan on one thread against a scan split over every core and merged.
#[derive(Parser)]
struct Args {
    /// Residents in the generated roster.
    #[arg(default_value_t = 200_000, value_parser = measure::positive::<u64>())]
    count: u64,
    /// Rounds of the two runs.
    #[arg(default_value_t = 7, value_parser = measure::positive::<usize>())]
    rounds: usize,
}

fn main() -> ExitCode {
    cli::exit(run(Args::parse()))
}

/// One scan of `roster` split into `threads` parts, merged.
fn scan(
    policy: &Policy,
    options: ScanOptions,
    roster: &[u8],
    threads: usize,
) -> Result<ScanSummary, String> {
    let parts = split(roster, threads);
    let scans = std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .iter()
            .map(|part| {
                s.spawn(move || {
                    let mut records = 0u64;
                    let mut scan = RosterScan::new(policy, options)
                        .map_err(|e| e.to_string())?
                        .with_lines_before(part.lines_before);
                    scan.read(part.bytes, &mut |_| records += 1)
                        .map_err(|e| e.to_string())?;
                    Ok::<_, String>(scan)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().map_err(|_| "a scan panicked".to_owned())?)
            .collect::<Result<Vec<_>, String>>()
    })?;
    let mut scans = scans.into_iter();
    let mut merged = scans.next().ok_or("no part")?;
    for scan in scans {
        merged.merge(scan, |_| {}).map_err(|e| e.to_string())?;
    }
    Ok(merged.finish(|_| {}))
}

fn run(args: Args) -> Result<bool, String> {
    let month = Month::new(2025, 6).map_err(|e| e.to_string())?;
    let policy = Policy::tianjin_2023();
    let options = ScanOptions::new(month);
    let roster = generator::roster_text(args.count, DEFAULT_SEED, month).into_bytes();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    say!(
        "roster: {} residents, {:.1} MiB in memory; {cores} cores",
        args.count,
        roster.len() as f64 / (1024.0 * 1024.0)
    )?;
    let time = |threads: usize| -> Result<(ScanSummary, Duration), String> {
        let started = Instant::now();
        let summary = scan(&policy, options, &roster, threads)?;
        Ok((summary, started.elapsed()))
    };
    let (mut one, mut all, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let mut agree = true;
    for round in 0..args.rounds {
        let ((s1, t1), (sn, tn)) = if round % 2 == 0 {
            let a = time(1)?;
            (a, time(cores)?)
        } else {
            let b = time(cores)?;
            (time(1)?, b)
        };
        agree &= s1 == sn;
        say!(
            "round {}: one thread {t1:.2?}, {cores} threads {tn:.2?}: {:.2}×",
            round + 1,
            t1.as_secs_f64() / tn.as_secs_f64()
        )?;
        one.push(t1);
        all.push(tn);
        ratios.push(t1.as_secs_f64() / tn.as_secs_f64());
    }
    let (m1, mn) = (measure::median(&one), measure::median(&all));
    let speedup = m1.as_secs_f64() / mn.as_secs_f64();
    say!("median: one thread {m1:.2?}, {cores} threads {mn:.2?}")?;
    say!(
        "speed-up: of the medians {speedup:.2}×, median of the rounds {:.2}× (target ≥ 1.7 on 2 cores: {})",
        measure::median(&ratios),
        measure::verdict(speedup >= 1.7)
    )?;
    say!(
        "merged results equal the single scan's: {}",
        if agree { "yes" } else { "NO" }
    )?;
    Ok(agree)
}
