//! How fast a roster scan runs, and whether its memory stays flat.
//!
//! ```text
//! cargo run --release --example roster_speed -- [count] [rounds]   # default 1,000,000 residents, 5 rounds
//! ```
//!
//! Generates a roster of `count` residents (and ones of 100,000 and 20,000) to the system's temp
//! directory with the generator of `gen_roster`, then measures in the same run:
//!
//! - (a) the baseline: streaming the file and parsing each line with serde_json into `Facts`,
//!   nothing else;
//! - (b) the full scan: `RosterScan::scan` from a `BufReader` of the file, each record counted and
//!   dropped;
//! - (a') reading and checking: each line read into a `Resident` (`Resident::from_json`: the
//!   parse of (a) and the checks of the facts), nothing decided;
//! - (d) the scan's rules alone: 100,000 residents read into memory first, then scanned with
//!   `RosterScan::resident` (no JSON): what the rules cost per resident, next to (a)'s cost of
//!   reading one;
//! - (c) decisions in memory: the same residents, `policy.decide` (with its reasons) for each.
//!
//! (a), (b) and (a') run one after the other, in that order, in each of `rounds` rounds, so
//! that a slow spell of the machine falls on all three; the report gives each one's median and
//! best time and the ratio (b)/(a) of their throughputs three ways: the median of the rounds'
//! ratios (each round's scan against the same round's baseline), the ratio of the best times,
//! and the ratio of the median times. (a')/(a) is one ratio of medians, as noisy as the rounds. Peak resident memory (VmHWM from
//! /proc/self/status) is read after a 100,000-line scan and after the full-size scans, to show
//! that memory does not grow with the number of residents.
//!
//! - (e) the steadiest wall-clock ratio: 101 pairs of (a) and (b) on a roster of 20,000
//!   residents, short runs, alternating which of the two runs first. A
//!   pair runs within one spell of the machine, so its ratio is steady even when the spells
//!   differ; the report gives the median pair's ratio and the quartiles, and judges the target
//!   (at least 0.80: the rules should cost little next to reading JSON) on that median.
//!
//! (d) and (c) run last, since their vector of residents would raise the peak memory.
//!
//! The current figures, and how to read them, are in docs/performance.md. (d) is well below what
//! the scan adds to reading, (b) − (a): that also holds the checks of the facts, and interleaved
//! with parsing the rules and the parser disturb each other's caches and branch predictions
//! (DESIGN.md, "Why is the scan not faster?").

use tianjin_disability_subsidies_support::generator;
#[path = "common/lines.rs"]
mod lines;

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use tianjin_disability_subsidies::{Facts, Month, Policy, Resident, RosterScan, ScanOptions};

const SUBSET: u64 = 100_000;

/// The roster of the paired runs (e): short enough that a pair runs within one of the VM's
/// spells, long enough to time well.
const PAIR_RESIDENTS: u64 = 20_000;

/// How many pairs (e) runs: odd, so the median is one pair's ratio.
const PAIRS: usize = 101;

fn open(path: &Path) -> Result<BufReader<File>, String> {
    File::open(path)
        .map(|f| BufReader::with_capacity(1 << 16, f))
        .map_err(|e| format!("cannot open {}: {e}", path.display()))
}

/// Reads every line of `path`, handing the trimmed non-blank ones to `each`; returns how many
/// `each` accepted and the time taken.
fn stream(path: &Path, mut each: impl FnMut(&str) -> bool) -> Result<(u64, Duration), String> {
    let started = Instant::now();
    let mut accepted = 0u64;
    lines::for_each_line(path, |text| {
        accepted += u64::from(each(text));
        Ok(())
    })?;
    Ok((accepted, started.elapsed()))
}

/// (a): every line parsed into `Facts`, nothing else.
fn baseline(path: &Path) -> Result<(u64, Duration), String> {
    stream(path, |text| serde_json::from_str::<Facts>(text).is_ok())
}

/// (a'): every line read into a checked `Resident`, nothing decided.
fn read_and_check(path: &Path) -> Result<(u64, Duration), String> {
    stream(path, |text| Resident::from_json(text).is_ok())
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

fn mib(kb: Option<u64>) -> String {
    kb.map_or_else(
        || "unknown (no /proc/self/status)".to_owned(),
        |kb| format!("{:.1} MiB", kb as f64 / 1024.0),
    )
}

fn median<T: PartialOrd + Copy>(values: &[T]) -> T {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    sorted[sorted.len() / 2]
}

/// The value a quarter and three quarters of the way through `values`.
fn quartiles(values: &[f64]) -> (f64, f64) {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    (sorted[sorted.len() / 4], sorted[sorted.len() * 3 / 4])
}

fn best(times: &[Duration]) -> Duration {
    times.iter().copied().min().unwrap_or_default()
}

fn per_second(n: u64, time: Duration) -> f64 {
    n as f64 / time.as_secs_f64()
}

fn run(count: u64, rounds: usize) -> Result<(), String> {
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
        mib(peak_small)
    );

    let (mut a, mut a2, mut b, mut ratios) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut parsed, mut decided, mut records) = (0, 0, 0);
    for round in 1..=rounds {
        let (p, ta) = baseline(&big)?;
        let (d, r, tb) = full_scan(&policy, month, &big)?;
        let (_, ta2) = read_and_check(&big)?;
        (parsed, decided, records) = (p, d, r);
        let ratio = per_second(d, tb) / per_second(p, ta);
        println!(
            "round {round}: (a) parse {ta:.2?}, (b) scan {tb:.2?}, (a') read and check {ta2:.2?}: (b)/(a) {ratio:.2}"
        );
        a.push(ta);
        b.push(tb);
        a2.push(ta2);
        ratios.push(ratio);
    }
    let peak_big = peak_kb();
    let (a_med, b_med, a2_med) = (median(&a), median(&b), median(&a2));
    println!("\nover {rounds} rounds, {count} residents:            median      best   residents/s (median)");
    for (label, times, n) in [
        ("(a) baseline, serde_json into Facts", &a, parsed),
        ("(a') read and check, Resident::from_json", &a2, parsed),
        ("(b) full RosterScan::scan", &b, decided),
    ] {
        println!(
            "  {label:<42} {:>8.2?} {:>9.2?} {:>12.0}",
            median(times),
            best(times),
            per_second(n, median(times))
        );
    }
    let ratio = median(&ratios);
    let best_ratio = per_second(decided, best(&b)) / per_second(parsed, best(&a));
    println!(
        "  ratio (b)/(a): median {ratio:.2}, of the best times {best_ratio:.2}, of the medians {:.2}; \
         {records} records",
        per_second(decided, b_med) / per_second(parsed, a_med),
    );
    println!(
        "  checks of the facts: (a')/(a) time {:.2}",
        a2_med.as_secs_f64() / a_med.as_secs_f64()
    );
    println!(
        "  peak memory (VmHWM): after the {}-line scan {}, after the {count}-line scans {}",
        SUBSET.min(count),
        mib(peak_small),
        mib(peak_big)
    );

    // (e): many short pairs of (a) and (b), in alternating order.
    let pairs_path: PathBuf =
        dir.join(format!("tianjin-roster-speed-pairs-{PAIR_RESIDENTS}.jsonl"));
    generator::write_roster_file(&pairs_path, PAIR_RESIDENTS.min(count), month)?;
    let mut pair_ratios = Vec::with_capacity(PAIRS);
    for pair in 0..PAIRS {
        let ((p, ta), (d, _, tb)) = if pair % 2 == 0 {
            let a = baseline(&pairs_path)?;
            (a, full_scan(&policy, month, &pairs_path)?)
        } else {
            let b = full_scan(&policy, month, &pairs_path)?;
            (baseline(&pairs_path)?, b)
        };
        pair_ratios.push(per_second(d, tb) / per_second(p, ta));
    }
    let _ = std::fs::remove_file(&pairs_path);
    let pair_ratio = median(&pair_ratios);
    let (q1, q3) = quartiles(&pair_ratios);
    println!(
        "  (e) ratio (b)/(a) over {PAIRS} pairs of short runs ({} residents, alternating which \
         goes first): median {pair_ratio:.3}, quartiles {q1:.3}–{q3:.3} (target ≥ 0.80: {})",
        PAIR_RESIDENTS.min(count),
        if pair_ratio >= 0.80 { "met" } else { "missed" }
    );

    // (d) and (c): residents already in memory.
    let text = std::fs::read_to_string(&small)
        .map_err(|e| format!("cannot read {}: {e}", small.display()))?;
    let residents: Vec<Resident> = text
        .lines()
        .filter_map(|l| Resident::from_json(l).ok())
        .collect();
    drop(text);
    let n = residents.len() as u64;
    let mut d_times = Vec::new();
    for _ in 0..rounds {
        let started = Instant::now();
        let mut scan =
            RosterScan::new(&policy, ScanOptions::new(month)).map_err(|e| e.to_string())?;
        let mut records = 0u64;
        let mut sink = |_record| records += 1;
        for resident in &residents {
            scan.resident(resident, &mut sink);
        }
        scan.finish(&mut sink);
        d_times.push(started.elapsed());
    }
    let d = median(&d_times);
    let read_one = a_med.as_secs_f64() / parsed as f64;
    let rules_one = d.as_secs_f64() / n as f64;
    println!(
        "  (d) the scan's rules alone, {n} residents in memory: {d:.2?}  {:.0} residents/s; \
         {:.0} ns a resident = {:.2} of (a)'s {:.0} ns to read one",
        per_second(n, d),
        rules_one * 1e9,
        rules_one / read_one,
        read_one * 1e9
    );
    let mut c_times = Vec::new();
    let mut paid = 0u64;
    for _ in 0..rounds {
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
    let c = median(&c_times);
    println!(
        "  (c) policy.decide (with reasons) on the same residents: {c:.2?}  {:.0} residents/s ({paid} paid); peak memory now {}",
        per_second(n, c),
        mib(peak_kb())
    );
    let _ = std::fs::remove_file(&big);
    let _ = std::fs::remove_file(&small);
    Ok(())
}

fn positive(arg: Option<String>, default: u64, what: &str) -> Result<u64, String> {
    match arg {
        None => Ok(default),
        Some(arg) => match arg.parse::<u64>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(format!(
                "usage: roster_speed [count] [rounds]: expected a positive number of {what}, found \"{arg}\""
            )),
        },
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let parsed = positive(args.next(), 1_000_000, "residents").and_then(|count| {
        let rounds = positive(args.next(), 5, "rounds")?;
        Ok((count, usize::try_from(rounds).unwrap_or(5)))
    });
    let (count, rounds) = match parsed {
        Ok(values) => values,
        Err(usage) => {
            eprintln!("{usage}");
            return ExitCode::from(2);
        }
    };
    match run(count, rounds) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
