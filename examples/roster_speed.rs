//! How fast a roster scan runs, and whether its memory stays flat.
//!
//! ```text
//! cargo run --release --example roster_speed -- [count]     # default 1,000,000 residents
//! ```
//!
//! Generates a roster of `count` residents (and one of 100,000) to the system's temp directory
//! with the generator of `gen_roster`, then measures in the same run:
//!
//! - (a) the baseline: streaming the file and parsing each line with serde_json into `Facts`,
//!   nothing else;
//! - (b) the full scan: `RosterScan::scan` from a `BufReader` of the file, each record counted and
//!   dropped;
//! - (c) decisions in memory: 100,000 residents parsed into a `Vec<Resident>` first, then
//!   `policy.decide` timed for each, for the scanned month.
//!
//! (a) and (b) run 3 times each and the median is reported, with residents per second, the ratio
//! (b)/(a) of their throughputs (the target is at least 0.80: the engine should cost little
//! next to reading JSON), and the peak resident memory (VmHWM from /proc/self/status) after a
//! 100,000-line scan and after the full-size scans, to show that memory does not grow with the
//! number of residents. (c) runs after both, since its vector would raise the peak.
//!
//! The latest figures, and the command that reproduces them, are in README.md ("Speed"). On the
//! development VM (2 vCPUs, 1,000,000 residents): the baseline reads 545,600 residents/s, the
//! scan 302,500/s (ratio 0.55, target 0.80: missed), peak memory 3.9 MiB after 100,000 lines and
//! after 1,000,000. Where the time goes (callgrind, 20,000 residents): reading the JSON is about
//! two thirds of the scan (dates are parsed by hand; `serde_path_to_error` runs only on a line
//! that fails); the rest is `Resident::new`'s checks, the claim histories, the month's outcomes
//! and the outreach triggers, about 1.5 µs a resident.

#[path = "common/generator.rs"]
mod generator;

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use tianjin_disability_subsidies::{Facts, Month, Policy, Resident, RosterScan, ScanOptions};

const SUBSET: u64 = 100_000;
const RUNS: usize = 3;

fn open(path: &Path) -> Result<BufReader<File>, String> {
    File::open(path)
        .map(|f| BufReader::with_capacity(1 << 16, f))
        .map_err(|e| format!("cannot open {}: {e}", path.display()))
}

/// (a): every line parsed into `Facts`, nothing else. Returns (lines parsed, elapsed).
fn baseline(path: &Path) -> Result<(u64, Duration), String> {
    let started = Instant::now();
    let mut reader = open(path)?;
    let mut line = String::new();
    let mut parsed = 0u64;
    loop {
        line.clear();
        let n = reader
            .read_line(&mut line)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if n == 0 {
            break;
        }
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        if serde_json::from_str::<Facts>(text).is_ok() {
            parsed += 1;
        }
    }
    Ok((parsed, started.elapsed()))
}

/// (b): the full scan. Returns (residents decided, records, elapsed).
fn full_scan(policy: &Policy, month: Month, path: &Path) -> Result<(u64, u64, Duration), String> {
    let started = Instant::now();
    let reader = open(path)?;
    let mut records = 0u64;
    let summary = RosterScan::new(policy, ScanOptions::new(month))
        .map_err(|e| e.to_string())?
        .scan(reader, |_record| records += 1)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if summary.rejected > 0 {
        return Err(format!(
            "{} lines of the generated roster were rejected",
            summary.rejected
        ));
    }
    Ok((summary.decided, records, started.elapsed()))
}

/// VmHWM (peak resident set) in kB, from /proc/self/status.
fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn peak_text() -> String {
    peak_kb().map_or_else(
        || "unknown (no /proc/self/status)".to_owned(),
        |kb| format!("{:.1} MiB", kb as f64 / 1024.0),
    )
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn per_second(n: u64, time: Duration) -> f64 {
    n as f64 / time.as_secs_f64()
}

fn run(count: u64) -> Result<(), String> {
    let month = Month::new(2025, 6).map_err(|e| e.to_string())?;
    let policy = Policy::tianjin_2023();
    let dir = std::env::temp_dir();
    let big: PathBuf = dir.join(format!("tianjin-roster-speed-{count}.jsonl"));
    let small: PathBuf = dir.join(format!("tianjin-roster-speed-{SUBSET}.jsonl"));

    let started = Instant::now();
    generator::write_roster_file(&big, count, month)?;
    let generated = started.elapsed();
    generator::write_roster_file(&small, SUBSET.min(count), month)?;
    let size = std::fs::metadata(&big).map(|m| m.len()).unwrap_or(0);
    println!(
        "roster: {count} residents, {:.1} MiB, generated in {:.2?} ({:.0} residents/s) to {}",
        size as f64 / (1024.0 * 1024.0),
        generated,
        per_second(count, generated),
        big.display()
    );
    println!("month scanned: {month}; policy {}", policy.name());

    let (decided, _, time) = full_scan(&policy, month, &small)?;
    let peak_small = peak_kb();
    println!(
        "\nscan of {decided} residents: {time:.2?}; peak memory (VmHWM) {}",
        peak_text()
    );

    let mut a_times = Vec::new();
    let mut b_times = Vec::new();
    let mut parsed = 0;
    let mut decided = 0;
    let mut records = 0;
    for run in 1..=RUNS {
        let (p, t) = baseline(&big)?;
        parsed = p;
        a_times.push(t);
        let (d, r, u) = full_scan(&policy, month, &big)?;
        decided = d;
        records = r;
        b_times.push(u);
        println!(
            "run {run}: (a) parse {t:.2?} ({:.0}/s), (b) scan {u:.2?} ({:.0}/s)",
            per_second(p, t),
            per_second(d, u)
        );
    }
    let peak_big = peak_kb();
    let a = median(a_times);
    let b = median(b_times);
    let a_rate = per_second(parsed, a);
    let b_rate = per_second(decided, b);
    let ratio = b_rate / a_rate;
    println!("\nmedian of {RUNS} runs over {count} residents:");
    println!("  (a) baseline, serde_json into Facts:   {a:>10.2?}  {a_rate:>12.0} residents/s");
    println!(
        "  (b) full RosterScan::scan:             {b:>10.2?}  {b_rate:>12.0} residents/s  ({records} records)"
    );
    println!(
        "  ratio (b)/(a) = {ratio:.2}  (target ≥ 0.80: {})",
        if ratio >= 0.80 { "met" } else { "missed" }
    );
    println!(
        "  peak memory (VmHWM): after the {SUBSET}-line scan {}, after the {count}-line scans {}",
        peak_small.map_or("unknown".to_owned(), |kb| format!(
            "{:.1} MiB",
            kb as f64 / 1024.0
        )),
        peak_big.map_or("unknown".to_owned(), |kb| format!(
            "{:.1} MiB",
            kb as f64 / 1024.0
        )),
    );

    // (c) decisions on residents already in memory.
    let text = std::fs::read_to_string(&small)
        .map_err(|e| format!("cannot read {}: {e}", small.display()))?;
    let residents: Vec<Resident> = text
        .lines()
        .filter_map(|l| Resident::from_json(l).ok())
        .collect();
    drop(text);
    let mut c_times = Vec::new();
    let mut paid = 0u64;
    for _ in 0..RUNS {
        let started = Instant::now();
        paid = 0;
        for r in &residents {
            let decision = policy.decide(r, month).map_err(|e| e.to_string())?;
            if !decision.total.as_decimal().is_zero() {
                paid += 1;
            }
        }
        c_times.push(started.elapsed());
    }
    let c = median(c_times);
    println!(
        "  (c) policy.decide on {} residents in memory: {c:.2?}  {:.0} residents/s ({paid} paid); peak memory now {}",
        residents.len(),
        per_second(residents.len() as u64, c),
        peak_text()
    );
    let _ = std::fs::remove_file(&big);
    let _ = std::fs::remove_file(&small);
    Ok(())
}

fn main() -> ExitCode {
    let count = match std::env::args().nth(1) {
        None => 1_000_000,
        Some(arg) => match arg.parse::<u64>() {
            Ok(n) if n > 0 => n,
            _ => {
                eprintln!(
                    "usage: roster_speed [count]: expected a positive number, found \"{arg}\""
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
