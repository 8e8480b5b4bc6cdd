//! Scans a roster for one month and prints what a caseworker's office needs: the outreach
//! worklist (政策找人), who is entitled but not receiving (应享未享), whose payments must stop
//! (应退则退), the month's payment run with its totals reconciled, and the rejected lines.
//!
//! ```text
//! cargo run --example roster                          # the bundled roster, for 2025-06
//! cargo run --example roster -- --month 2025-03       # another month
//! cargo run --example roster -- my-roster.jsonl       # your own JSON Lines file, streamed
//! cargo run --example roster -- --lang zh             # the report in Chinese
//! cargo run --example roster -- --jsonl out.jsonl     # also every record as JSON Lines
//! cargo run --example roster -- --csv out/            # also each table, in full, as CSV
//! ```
//!
//! A roster is JSON Lines, one resident's facts a line. Without a path the bundled
//! `examples/data/roster.jsonl` (300 generated residents, four malformed lines and a blank
//! one) is scanned; it is compiled in, so the example runs from any directory. A file is read a
//! line at a time, so a roster of millions of lines needs no more memory than one of ten; a
//! malformed line is counted and listed with its number and error, never fatal.
//!
//! The report is the library's `RosterReport`, in the language of `--lang`. `--jsonl OUT`
//! writes every `ScanRecord` (tagged `"record"`) and the `ScanSummary` as the last line
//! (`"record": "summary"`); `--csv DIR` writes each table of the report as `DIR/<table>.csv`,
//! every entry of every list (as `--all`: the report on screen lists them all too), so that no
//! CSV file holds a part of a list without saying so.
//! Outputs are written in full or not at all, and one that is also an input is refused.
//!
//! Exit status (see `common/cli.rs`): 0 when the roster was scanned and its totals reconcile; 1
//! when they do not, or an input cannot be read or an output written; 2 for a wrong command
//! line.

#[path = "common/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use serde::Serialize;
use tianjin_disability_subsidies::report::{Limits, RosterReport};
use tianjin_disability_subsidies::{
    Language, Month, Policy, RosterScan, ScanOptions, ScanRecord, ScanSummary,
};
use unicode_width::UnicodeWidthStr;

/// The bundled roster.
const BUNDLED: &str = include_str!("data/roster.jsonl");

/// Scans a roster (JSON Lines, one resident a line) for one month: the outreach worklist,
/// 应享未享, 应退则退, the payment run and the rejected lines.
#[derive(Parser)]
struct Args {
    /// The roster, JSON Lines; without it, the bundled examples/data/roster.jsonl.
    path: Option<PathBuf>,
    /// The month scanned.
    #[arg(long, value_name = "YYYY-MM", default_value = "2025-06")]
    month: Month,
    /// The language of the report and of the rejected lines' errors: en or zh.
    #[arg(long, value_name = "LANG", default_value = "en")]
    lang: Language,
    /// Also write every record, and the summary as the last line, to this JSON Lines file.
    #[arg(long, value_name = "OUT")]
    jsonl: Option<PathBuf>,
    /// Also write each table of the report to DIR/<table>.csv, in full: every entry of every
    /// list is kept, as with --all (the report printed lists them all too).
    #[arg(long, value_name = "DIR")]
    csv: Option<PathBuf>,
    /// Keep every entry of every list, not the first few (implied by --csv).
    #[arg(long)]
    all: bool,
}

/// The summary, as the last line of `--jsonl`.
#[derive(Serialize)]
struct SummaryLine<'a> {
    record: &'static str,
    month: Month,
    #[serde(flatten)]
    summary: &'a ScanSummary,
}

fn main() -> ExitCode {
    cli::exit(run(Args::parse()))
}

fn run(args: Args) -> Result<bool, String> {
    // The bundled roster is an input too, though it is read from the binary: writing over its
    // file would change what the next build reads.
    let bundled_file = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/roster.jsonl"
    ));
    if let Some(out) = &args.jsonl {
        cli::refuse_overwriting(out, &[args.path.as_deref().unwrap_or(bundled_file)])?;
    }
    let policy = Policy::tianjin_2023();
    let options = ScanOptions::new(args.month).with_language(args.lang);
    let scan = match RosterScan::new(&policy, options) {
        Ok(scan) => scan,
        Err(e) => cli::wrong_command_line::<Args>(&e.describe(args.lang)),
    };
    let limits = if args.all || args.csv.is_some() {
        Limits::all()
    } else {
        Limits::default()
    };
    let mut report = RosterReport::new(&policy, &options).with_limits(limits);
    let (reader, source) = cli::lines(args.path.as_deref(), BUNDLED, bundled(args.lang))?;
    let mut jsonl = args.jsonl.as_deref().map(cli::Output::create).transpose()?;
    let mut write_error = None;
    let summary = scan
        .scan(reader, |record: ScanRecord| {
            report.add(&record);
            if let (Some(out), None) = (jsonl.as_mut(), &write_error) {
                write_error = write_line(out, &record).err();
            }
        })
        .map_err(|e| format!("cannot read {source}: {e}"))?;
    if let Some(e) = write_error {
        return Err(e);
    }
    if let Some(mut out) = jsonl {
        let line = SummaryLine {
            record: "summary",
            month: args.month,
            summary: &summary,
        };
        write_line(&mut out, &line)?;
        out.finish()?;
    }
    let text = report.report(&summary, &source);
    if let Some(dir) = &args.csv {
        cli::write_csv(dir, &text)?;
    }
    cli::print(&text.to_text(&|s: &str| s.width()))?;
    Ok(report.reconciles(&summary))
}

/// One value as one line of JSON.
fn write_line(out: &mut cli::Output, value: &impl Serialize) -> Result<(), String> {
    let mut line = serde_json::to_vec(value).map_err(|e| e.to_string())?;
    line.push(b'\n');
    out.write(&line)
}

/// The bundled roster's name in the report.
fn bundled(lang: Language) -> &'static str {
    match lang {
        Language::Chinese => "内置样本 examples/data/roster.jsonl",
        _ => "bundled examples/data/roster.jsonl",
    }
}
