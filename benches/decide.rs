//! How fast the engine decides, with criterion: `cargo bench --bench decide`.
//!
//! Targets: one month's decision for one resident under 1 µs; a 12-month schedule under 10 µs.
//! `baseline_parse_facts_json` (reading the same resident's facts with serde_json) runs in the
//! same process as a yardstick for the machine. `cargo run --release --example speed` measures
//! the same four operations without criterion and checks the targets.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use tianjin_disability_subsidies::{Facts, Language, Month, Policy, Resident};

/// A realistic resident, the same as in `examples/speed.rs`: both subsidies applied for, a
/// competing elderly care nursing subsidy (lower, so the nursing allowance is kept and it is
/// given up), a stacking advanced-age allowance, a renewed certificate, and dibao ending in June
/// 2024 (the living allowance stops from July).
const RESIDENT: &str = include_str!("../examples/data/bench-resident.json");

fn month(year: i32, month: u32) -> Month {
    match Month::new(year, month) {
        Ok(m) => m,
        Err(e) => panic!("{e}"),
    }
}

fn benches(c: &mut Criterion) {
    let policy = Policy::tianjin_2023();
    let resident = match Resident::from_json(RESIDENT) {
        Ok(r) => r,
        Err(e) => panic!("the bench resident does not read: {e}"),
    };
    let march = month(2024, 3);
    let (first, last) = (month(2024, 1), month(2024, 12));

    c.bench_function("decide_one_month", |b| {
        b.iter(|| policy.decide(black_box(&resident), black_box(march)))
    });
    c.bench_function("schedule_12_months", |b| {
        b.iter(|| policy.schedule(black_box(&resident), black_box(first), black_box(last)))
    });
    c.bench_function("decide_and_explain", |b| {
        b.iter(|| {
            policy
                .decide(black_box(&resident), black_box(march))
                .map(|d| d.explain(Language::English).to_string())
        })
    });
    c.bench_function("baseline_parse_facts_json", |b| {
        b.iter(|| serde_json::from_str::<Facts>(black_box(RESIDENT)))
    });
}

criterion_group! {
    name = decide;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = benches
}
criterion_main!(decide);
