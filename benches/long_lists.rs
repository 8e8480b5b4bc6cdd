//! How the cost of a resident grows with the length of its lists of facts, with criterion:
//! `cargo bench --bench long_lists`.
//!
//! A roster line may hold a very long list (a data error, or an attack); it must cost time in
//! proportion to its length, never its square. Two families, each reported per element
//! (criterion's throughput), so that a cost per element that grows with the list shows:
//!
//! - `check_hukou_periods/N`: reading and checking a resident with N consecutive household
//!   registration periods (`Resident::from_json`): the overlap check.
//! - `scan_certificates_*/N`: scanning one roster line with N certificates around the scanned
//!   month, renewed every 2 days (each valid for 3 days) or issued after a gap (each valid for
//!   1 day, 2 days apart): the outreach duty search, the claim histories and the month's
//!   decision.
//! - `outreach_far_ahead/N`: the outreach duties of a resident with N certificates issued every
//!   2 days from 2023-08-01, each valid for 1 day (each a new certificate), judged on the day of
//!   the last: a duty per certificate, each checked on its day.

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use serde_json::json;
use tianjin_disability_subsidies::{Month, Policy, Resident, RosterScan, ScanOptions};

fn day(offset: i64) -> String {
    let start = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    (start + chrono::Duration::days(offset)).to_string()
}

/// A resident with `n` consecutive hukou periods of 3 days each, in Tianjin.
fn with_hukou_periods(n: i64) -> String {
    let periods: Vec<_> = (0..n)
        .map(|i| {
            let mut p = json!({ "place": "tianjin", "from": day(3 * i) });
            if i + 1 < n {
                p["to"] = json!(day(3 * i + 2));
            }
            p
        })
        .collect();
    json!({ "id": "LONG-HUKOU", "hukou": periods }).to_string()
}

/// Day 8613 after 2000-01-01 is 2023-08-01.
const POLICY_START: i64 = 8613;

/// A roster line with `n` certificates, one every `every` days, the middle one issued on
/// `middle`, each valid for `valid` days, with dibao and an application.
fn with_certificates(n: i64, middle: i64, every: i64, valid: i64) -> String {
    let first = middle - every * (n / 2);
    let certificates: Vec<_> = (0..n)
        .map(|i| {
            let issued = first + every * i;
            json!({ "category": "physical", "grade": 1 + (i % 4),
                "issued": day(issued), "expires": day(issued + valid - 1) })
        })
        .collect();
    json!({ "id": "LONG-CERTIFICATES",
        "hukou": [{ "place": "tianjin", "from": "1960-01-01" }],
        "certificates": certificates,
        "household_assistance": [{ "kind": "dibao", "from": "1990-01-01" }],
        "orphan_guarantee": [], "other_benefits": [], "custody": [],
        "applications": [{ "subsidies": ["living", "nursing"], "submitted": "2023-09-01" }]
    })
    .to_string()
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("check_hukou_periods");
    group.sample_size(10);
    for n in [10, 1_000, 100_000] {
        let text = with_hukou_periods(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| Resident::from_json(black_box(text)).map(|r| r.facts().id.len()))
        });
    }
    group.finish();

    let policy = Policy::tianjin_2023();
    let options = ScanOptions::new(Month::new(2024, 6).unwrap_or_else(|e| panic!("{e}")));
    let june_2024 = POLICY_START + 305;
    for (name, valid) in [("renewed", 3), ("with_gaps", 1)] {
        let mut group = c.benchmark_group(format!("scan_certificates_{name}"));
        group.sample_size(10);
        for n in [10, 1_000, 18_000] {
            let line = with_certificates(n, june_2024, 2, valid);
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::from_parameter(n), &line, |b, line| {
                b.iter(|| {
                    let mut scan =
                        RosterScan::new(&policy, options).unwrap_or_else(|e| panic!("{e}"));
                    let mut records = 0usize;
                    scan.line(black_box(line), &mut |_| records += 1);
                    let summary = scan.finish(|_| records += 1);
                    (records, summary.rejected)
                })
            });
        }
        group.finish();
    }

    let mut group = c.benchmark_group("outreach_far_ahead");
    group.sample_size(10);
    for n in [10i64, 1_000, 18_000] {
        let text = with_certificates(n, POLICY_START + n, 2, 1);
        let resident = Resident::from_json(&text).unwrap_or_else(|e| panic!("{e}"));
        let as_of = NaiveDate::parse_from_str(&day(POLICY_START + 3 * n), "%Y-%m-%d")
            .unwrap_or_else(|e| panic!("{e}"));
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &resident, |b, resident| {
            b.iter(|| {
                policy
                    .outreach(black_box(resident), as_of)
                    .map(|items| items.len())
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = long_lists;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = benches
}
criterion_main!(long_lists);
