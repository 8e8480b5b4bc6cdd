//! How fast a roster scan runs, and whether its memory stays flat.
//!
//! ```text
//! cargo run --release --example roster_speed -- [COUNT] [ROUNDS]   # default 1,000,000 residents, 5 rounds
//! ```
//!
//! On generated rosters (COUNT residents, 100,000 and 20,000, in the temp directory): in each
//! round, one after the other, (a) serde_json alone into `Facts`, the file streamed through the
//! library's `JsonLines`, (b) the full `RosterScan::scan` and (a') `Resident::from_json`; then
//! (e) 101 short pairs of (a) and (b), alternating which runs first (the target, (b)/(a) at least
//! 0.80, is judged on their median); last, on 100,000 residents in memory, (d) the scan's rules
//! alone and (c) `Policy::decide`; and the peak memory (VmHWM). What each figure means, how to
//! read it on a noisy machine, and the current ones: docs/performance.md.
//!
//! Exit status (see `common/cli.rs`): 0 when it has measured, the target met or not; 1 when a
//! roster cannot be written or read, a generated line is rejected, or the output cannot be
//! written; 2 for a wrong command line.

#[path = "common/cli.rs"]
mod cli;
#[macro_use]
#[path = "common/measure.rs"]
mod measure;

use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use measure::{best, median, per_second, positive, timed, Roster};
use tianjin_disability_subsidies::{Facts, Month, Policy, Resident, RosterScan, ScanOptions};

/// The roster of the first scan, and of (d) and (c).
const SUBSET: u64 = 100_000;
/// The roster of the pairs (e): short enough that a pair runs within one spell of the machine.
const PAIR_RESIDENTS: u64 = 20_000;
/// How many pairs (e) runs: odd, so the median is one pair's ratio.
const PAIRS: usize = 101;

/// Measures the roster scan against serde_json alone reading the same file, and its peak
/// memory: (a), (b) and (a') in rounds, then (e), (d) and (c) (see docs/performance.md).
#[derive(Parser)]
struct Args {
    /// Residents in the roster of the rounds.
    #[arg(default_value_t = 1_000_000, value_parser = positive::<u64>())]
    count: u64,
    /// Rounds of (a), (b) and (a'); (d) and (c) are timed as many times.
    #[arg(default_value_t = 5, value_parser = positive::<usize>())]
    rounds: usize,
}

fn main() -> ExitCode {
    cli::exit(run(Args::parse()))
}

/// (a): every line parsed into `Facts`, nothing else. Returns the lines parsed.
fn baseline(path: &Path) -> Result<u64, String> {
    Ok(measure::stream(path, |text| Ok(serde_json::from_str::<Facts>(text).is_ok()))?.0)
}

/// (a'): every line read into a checked `Resident`, nothing decided.
fn read_and_check(path: &Path) -> Result<u64, String> {
    Ok(measure::stream(path, |text| Ok(Resident::from_json(text).is_ok()))?.0)
}

/// (b): the full scan, each record counted and dropped. Returns (residents decided, records).
fn full_scan(policy: &Policy, month: Month, path: &Path) -> Result<(u64, u64), String> {
    let file = File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let mut records = 0u64;
    let summary = RosterScan::new(policy, ScanOptions::new(month))
        .map_err(|e| e.to_string())?
        .scan(BufReader::with_capacity(1 << 16, file), |_| records += 1)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    match summary.rejected {
        0 => Ok((summary.decided, records)),
        n => Err(format!("{n} lines of the generated roster were rejected")),
    }
}

/// The throughput of `b` over that of `a`, each (residents, time).
fn ratio(b: (u64, Duration), a: (u64, Duration)) -> f64 {
    per_second(b.0, b.1) / per_second(a.0, a.1)
}

/// The peak resident memory (VmHWM, from /proc/self/status), in MiB.
fn peak() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status.lines().find_map(|l| l.strip_prefix("VmHWM:"));
    match kb.and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<f64>().ok()) {
        Some(kb) => format!("{:.1} MiB", kb / 1024.0),
        None => "unknown (no /proc/self/status)".to_owned(),
    }
}

fn run(args: Args) -> Result<bool, String> {
    let (count, rounds) = (args.count, args.rounds);
    let month = Month::new(2025, 6).map_err(|e| e.to_string())?;
    let policy = Policy::tianjin_2023();
    let scan = |path: &Path| timed(|| full_scan(&policy, month, path));
    let big = Roster::generate("tianjin-roster-speed", count, month)?;
    let small = Roster::generate("tianjin-roster-speed-subset", SUBSET.min(count), month)?;
    let (roster, name, subset) = (big.describe(), policy.name(), small.residents);
    say!("{roster}\nmonth scanned: {month}; policy {name}")?;
    let ((decided, _), time) = scan(&small.path)?;
    let peak_small = peak();
    say!("\nscan of {decided} residents: {time:.2?}; peak memory (VmHWM) {peak_small}")?;

    // (a), (b) and (a'), one after the other in each round.
    let (mut a, mut b, mut a2, mut ratios) = (vec![], vec![], vec![], vec![]);
    let (mut parsed, mut decided, mut records) = (0, 0, 0);
    for round in 1..=rounds {
        let (p, ta) = timed(|| baseline(&big.path))?;
        let ((d, r), tb) = scan(&big.path)?;
        let (_, ta2) = timed(|| read_and_check(&big.path))?;
        (parsed, decided, records) = (p, d, r);
        let ratio = ratio((d, tb), (p, ta));
        say!("round {round}: (a) parse {ta:.2?}, (b) scan {tb:.2?}, (a') read and check {ta2:.2?}: (b)/(a) {ratio:.2}")?;
        a.push(ta);
        b.push(tb);
        a2.push(ta2);
        ratios.push(ratio);
    }
    let peak_big = peak();
    let a_med = median(&a);
    say!("\nover {rounds} rounds, {count} residents:            median      best   residents/s (median)")?;
    for (label, times, n) in [
        ("(a) baseline, serde_json into Facts", &a, parsed),
        ("(a') read and check, Resident::from_json", &a2, parsed),
        ("(b) full RosterScan::scan", &b, decided),
    ] {
        let (med, best, rate) = (median(times), best(times), per_second(n, median(times)));
        say!("  {label:<42} {med:>8.2?} {best:>9.2?} {rate:>12.0}")?;
    }
    let of_rounds = median(&ratios);
    let of_best = ratio((decided, best(&b)), (parsed, best(&a)));
    let of_medians = ratio((decided, median(&b)), (parsed, a_med));
    let checks = median(&a2).as_secs_f64() / a_med.as_secs_f64();
    say!("  ratio (b)/(a): median {of_rounds:.2}, of the best times {of_best:.2}, of the medians {of_medians:.2}; {records} records")?;
    say!("  checks of the facts: (a')/(a) time {checks:.2}")?;
    say!("  peak memory (VmHWM): after the {subset}-line scan {peak_small}, after the {count}-line scans {peak_big}")?;

    // (e): many short pairs of (a) and (b), in alternating order.
    let pairs = Roster::generate("tianjin-roster-pairs", PAIR_RESIDENTS.min(count), month)?;
    let mut pair_ratios = Vec::with_capacity(PAIRS);
    for pair in 0..PAIRS {
        let (a, ((d, _), tb)) = if pair % 2 == 0 {
            let a = timed(|| baseline(&pairs.path))?;
            (a, scan(&pairs.path)?)
        } else {
            let b = scan(&pairs.path)?;
            (timed(|| baseline(&pairs.path))?, b)
        };
        pair_ratios.push(ratio((d, tb), a));
    }
    let (pair_ratio, (q1, q3)) = (median(&pair_ratios), measure::quartiles(&pair_ratios));
    let (short, met) = (pairs.residents, measure::verdict(pair_ratio >= 0.80));
    say!("  (e) ratio (b)/(a) over {PAIRS} pairs of short runs ({short} residents, alternating which goes first): median {pair_ratio:.3}, quartiles {q1:.3}–{q3:.3} (target ≥ 0.80: {met})")?;
    drop(pairs);

    // (d) and (c): residents already in memory.
    let mut residents = Vec::new();
    measure::stream(&small.path, |l| {
        Ok(Resident::from_json(l).map(|r| residents.push(r)).is_ok())
    })?;
    let n = residents.len() as u64;
    let (d_times, _) = measure::times(rounds, || {
        let mut scan =
            RosterScan::new(&policy, ScanOptions::new(month)).map_err(|e| e.to_string())?;
        let mut records = 0u64;
        let mut sink = |_| records += 1;
        for resident in &residents {
            scan.resident(resident, &mut sink);
        }
        scan.finish(&mut sink);
        Ok(records)
    })?;
    let d = median(&d_times);
    let (read_ns, rules_ns) = (
        a_med.as_secs_f64() * 1e9 / parsed as f64,
        d.as_secs_f64() * 1e9 / n as f64,
    );
    let (rate, share) = (per_second(n, d), rules_ns / read_ns);
    say!("  (d) the scan's rules alone, {n} residents in memory: {d:.2?}  {rate:.0} residents/s; {rules_ns:.0} ns a resident = {share:.2} of (a)'s {read_ns:.0} ns to read one")?;
    let (c_times, paid) = measure::times(rounds, || {
        let mut paid = 0u64;
        for r in &residents {
            let decision = policy.decide(r, month).map_err(|e| e.to_string())?;
            paid += u64::from(!decision.total.as_decimal().is_zero());
        }
        Ok(paid)
    })?;
    let (c, peak_now) = (median(&c_times), peak());
    let rate = per_second(n, c);
    say!("  (c) policy.decide (with reasons) on the same residents: {c:.2?}  {rate:.0} residents/s ({paid} paid); peak memory now {peak_now}")?;
    Ok(true)
}
