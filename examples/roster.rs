//! Scans a roster for one month and prints what a caseworker's office needs: the outreach
//! worklist (政策找人), who is entitled but not receiving (应享未享), whose payments must stop
//! (应退则退), the month's payment run with its totals reconciled, and the lines that were rejected.
//!
//! ```text
//! cargo run --example roster                          # the bundled roster, for 2025-06
//! cargo run --example roster -- --month 2025-03       # another month
//! cargo run --example roster -- my-roster.jsonl       # your own JSON Lines file, streamed
//! cargo run --example roster -- --jsonl out.jsonl     # also write every record as JSON Lines
//! cargo run --example roster -- --lang zh             # rejected lines' errors in Chinese
//! ```
//!
//! A roster is JSON Lines: one resident's facts per line (see `Facts`). Without a path the
//! bundled `examples/data/roster.jsonl` (300 generated residents, four malformed lines and a blank one, see
//! `gen_roster.rs`) is scanned; it is compiled into the example, so it runs from any directory.
//! A path is read line by line through a `BufReader`, never whole, so a roster of millions of
//! lines needs no more memory than one of ten. Malformed lines are counted and listed with their
//! line numbers and errors, never fatal.
//!
//! `--lang en|zh` is the language of the rejected lines' errors, in the table and in `--jsonl`
//! (`ScanOptions::in_language`); the table's own labels carry both languages.
//!
//! `--jsonl OUT` writes every `ScanRecord` to OUT, one JSON object per line (tagged `"record"`),
//! and the `ScanSummary` as the last line (tagged `"record": "summary"`).

#[path = "common/cli.rs"]
mod cli;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use serde::Serialize;
use tianjin_disability_subsidies::{
    AssistanceKind, Language, Money, Month, OfficeBody, OutreachStatus, Policy, RosterScan,
    ScanOptions, ScanRecord, ScanSummary, Subsidy, TriggerKind,
};

/// The bundled roster.
const BUNDLED: &str = include_str!("data/roster.jsonl");

/// How many entries of each list are printed.
const FIRST: usize = 5;
/// How many rejected lines are printed.
const FIRST_REJECTED: usize = 20;

const USAGE: &str = "usage: roster [ROSTER.jsonl] [--month YYYY-MM] [--jsonl OUT] [--lang en|zh]";

struct Args {
    month: Month,
    path: Option<String>,
    jsonl: Option<String>,
    lang: Language,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut parsed = Args {
        month: Month::new(2025, 6).map_err(|e| e.to_string())?,
        path: None,
        jsonl: None,
        lang: Language::English,
    };
    let mut i = 0;
    while i < args.len() {
        let value = |i: usize| {
            args.get(i + 1)
                .cloned()
                .ok_or_else(|| format!("{} needs a value\n{USAGE}", args[i]))
        };
        match args[i].as_str() {
            "--month" => {
                parsed.month = value(i)?.parse().map_err(|e| format!("--month: {e}"))?;
                i += 1;
            }
            "--jsonl" => {
                parsed.jsonl = Some(value(i)?);
                i += 1;
            }
            "--lang" => {
                parsed.lang = match value(i)?.as_str() {
                    "en" => Language::English,
                    "zh" => Language::Chinese,
                    other => return Err(format!("--lang: expected en or zh, found \"{other}\"")),
                };
                i += 1;
            }
            other if parsed.path.is_none() && !other.starts_with('-') => {
                parsed.path = Some(other.to_owned());
            }
            other => return Err(format!("unexpected argument \"{other}\"\n{USAGE}")),
        }
        i += 1;
    }
    Ok(parsed)
}

fn subsidy_name(subsidy: Subsidy) -> &'static str {
    match subsidy {
        Subsidy::Living => "living allowance",
        Subsidy::Nursing => "nursing allowance",
    }
}

fn trigger_name(trigger: TriggerKind) -> String {
    match trigger {
        TriggerKind::NewCertificate => "new certificate".to_owned(),
        TriggerKind::NewHouseholdAssistance { assistance } => match assistance {
            AssistanceKind::Dibao => "new dibao".to_owned(),
            _ => "new dibao-edge".to_owned(),
        },
    }
}

fn status_text(status: &OutreachStatus) -> String {
    match status {
        OutreachStatus::Pending { days_left } => format!("pending, {days_left} days left"),
        OutreachStatus::Overdue { days_overdue } => format!("overdue by {days_overdue} days"),
        other => other.name().to_owned(),
    }
}

/// An outreach line kept for printing.
struct Duty {
    line: usize,
    resident: String,
    trigger: TriggerKind,
    date: String,
    deadline: String,
    status: String,
    subsidies: Vec<Subsidy>,
}

#[derive(Default)]
struct Office {
    pending: u64,
    overdue: u64,
    first: Vec<Duty>,
}

/// What is kept of the records: counts, sums and the first few of each list.
#[derive(Default)]
struct Report {
    offices: BTreeMap<OfficeBody, Office>,
    entitled: Vec<(usize, String, Subsidy, Money)>,
    to_stop: Vec<(usize, String, Subsidy, Month, String)>,
    /// Per subsidy (living, nursing): payment lines and their sum.
    person_lines: [(u64, Money); 2],
    /// Institution lines: name, subsidy, children, amount.
    institutions: Vec<(String, Subsidy, u64, Money)>,
    institution_sum: [Money; 2],
    rejected: Vec<(usize, String)>,
}

impl Report {
    fn add(&mut self, record: &ScanRecord) {
        match record {
            ScanRecord::Outreach {
                line,
                resident,
                trigger,
                date,
                office,
                deadline,
                status,
                subsidies,
            } => {
                let entry = self.offices.entry(*office).or_default();
                match status {
                    OutreachStatus::Pending { .. } => entry.pending += 1,
                    OutreachStatus::Overdue { .. } => entry.overdue += 1,
                    _ => {}
                }
                if entry.first.len() < FIRST {
                    entry.first.push(Duty {
                        line: *line,
                        resident: resident.clone(),
                        trigger: *trigger,
                        date: date.to_string(),
                        deadline: deadline.to_string(),
                        status: status_text(status),
                        subsidies: subsidies.clone(),
                    });
                }
            }
            ScanRecord::EntitledNotReceiving {
                line,
                resident,
                subsidy,
                would_pay,
            } if self.entitled.len() < FIRST => {
                self.entitled
                    .push((*line, resident.clone(), *subsidy, *would_pay));
            }
            ScanRecord::ToStop {
                line,
                resident,
                subsidy,
                since,
                because,
            } if self.to_stop.len() < 2 * FIRST => {
                let why = format!("{} ({})", because.describe_en(), because.describe_zh());
                self.to_stop
                    .push((*line, resident.clone(), *subsidy, *since, why));
            }
            ScanRecord::Payment {
                subsidy, amount, ..
            } => {
                let sum = &mut self.person_lines[*subsidy as usize];
                sum.0 += 1;
                sum.1 = sum.1 + *amount;
            }
            ScanRecord::InstitutionPayment {
                institution,
                subsidy,
                children,
                amount,
            } => {
                self.institution_sum[*subsidy as usize] =
                    self.institution_sum[*subsidy as usize] + *amount;
                self.institutions
                    .push((institution.clone(), *subsidy, *children, *amount));
            }
            ScanRecord::Rejected { line, error } if self.rejected.len() < FIRST_REJECTED => {
                self.rejected.push((*line, error.clone()));
            }
            _ => {}
        }
    }
}

/// The summary as the last line of `--jsonl`.
#[derive(Serialize)]
struct SummaryLine<'a> {
    record: &'static str,
    month: Month,
    #[serde(flatten)]
    summary: &'a ScanSummary,
}

fn more(shown: usize, total: u64) -> String {
    if (shown as u64) < total {
        format!("    … and {} more\n", total - shown as u64)
    } else {
        String::new()
    }
}

fn print_report(source: &str, month: Month, summary: &ScanSummary, report: &Report) -> bool {
    let mut out = String::new();
    let w = &mut out;
    use std::fmt::Write as _;
    let _ = writeln!(w, "Roster scan for {month}, policy tianjin-2023");
    let _ = writeln!(w, "roster: {source}\n");
    let _ = writeln!(w, "Lines");
    let _ = writeln!(w, "  read      {:>8}", summary.lines_read);
    let _ = writeln!(w, "  blank     {:>8}", summary.blank);
    let _ = writeln!(w, "  decided   {:>8}", summary.decided);
    let _ = writeln!(w, "  rejected  {:>8}", summary.rejected);
    let balanced = summary.lines_read == summary.blank + summary.decided + summary.rejected;
    let _ = writeln!(
        w,
        "  check: read {} = blank {} + decided {} + rejected {} {}",
        summary.lines_read,
        summary.blank,
        summary.decided,
        summary.rejected,
        if balanced { "✓" } else { "✗ MISMATCH" }
    );

    let _ = writeln!(
        w,
        "\nOutreach worklist (政策找人: 新办证 → 残联, 新纳入低保/低保边缘 → 民政), as of {}: {} pending, {} overdue",
        month.first_day(),
        summary.outreach_pending,
        summary.outreach_overdue
    );
    for (office, work) in &report.offices {
        let _ = writeln!(
            w,
            "  {} ({}), district and sub-district: {} pending, {} overdue",
            office.name_en(),
            office.name_zh(),
            work.pending,
            work.overdue
        );
        let _ = writeln!(
            w,
            "    {:>6}  {:<11} {:<16} {:<10}  {:<10}  {:<26} for",
            "line", "resident", "trigger", "date", "deadline", "status"
        );
        for d in &work.first {
            let subsidies: Vec<&str> = d
                .subsidies
                .iter()
                .map(|s| match s {
                    Subsidy::Living => "living",
                    Subsidy::Nursing => "nursing",
                })
                .collect();
            let _ = writeln!(
                w,
                "    {:>6}  {:<11} {:<16} {:<10}  {:<10}  {:<26} {}",
                d.line,
                d.resident,
                trigger_name(d.trigger),
                d.date,
                d.deadline,
                d.status,
                subsidies.join("+")
            );
        }
        w.push_str(&more(work.first.len(), work.pending + work.overdue));
    }

    let _ = writeln!(
        w,
        "\n应享未享 entitled but not receiving: {}",
        summary.entitled_not_receiving
    );
    for (line, resident, subsidy, would_pay) in &report.entitled {
        let _ = writeln!(
            w,
            "    {line:>6}  {resident:<11} {:<18} would pay {would_pay}",
            subsidy_name(*subsidy)
        );
    }
    w.push_str(&more(report.entitled.len(), summary.entitled_not_receiving));

    let _ = writeln!(
        w,
        "\n应退则退 payments to stop (stopped {} to {}): {}",
        month.minus(3),
        month,
        summary.to_stop
    );
    for (line, resident, subsidy, since, why) in &report.to_stop {
        let _ = writeln!(
            w,
            "    {line:>6}  {resident:<11} {:<18} since {since}  {why}",
            subsidy_name(*subsidy)
        );
    }
    w.push_str(&more(report.to_stop.len(), summary.to_stop));

    let _ = writeln!(w, "\nPayment run {month}");
    let mut reconciled = true;
    for subsidy in Subsidy::ALL {
        let totals = match subsidy {
            Subsidy::Living => &summary.living,
            Subsidy::Nursing => &summary.nursing,
        };
        let (lines, person_sum) = report.person_lines[subsidy as usize];
        let institution_sum = report.institution_sum[subsidy as usize];
        let zh = match subsidy {
            Subsidy::Living => "困难残疾人生活补贴",
            Subsidy::Nursing => "重度残疾人护理补贴",
        };
        let _ = writeln!(w, "  {} ({zh})", subsidy_name(subsidy));
        let _ = writeln!(
            w,
            "    {:<26}{:>8}   {:>12}",
            "persons", totals.persons, totals.to_persons
        );
        let _ = writeln!(
            w,
            "    {:<26}{:>8}   {:>12}   (per institution below)",
            "children in institutions", totals.institution_children, totals.to_institutions
        );
        for (name, s, children, amount) in &report.institutions {
            if *s == subsidy {
                let noun = if *children == 1 { "child" } else { "children" };
                let _ = writeln!(w, "      {name}: {children} {noun}, {amount}");
            }
        }
        let _ = writeln!(w, "    {:<26}{:>8}   {:>12}", "total", "", totals.total);
        let ok = person_sum + institution_sum == totals.total
            && lines == totals.persons
            && person_sum == totals.to_persons
            && institution_sum == totals.to_institutions;
        reconciled &= ok;
        let _ = writeln!(
            w,
            "    check: the {lines} payment lines sum to {person_sum}, the institution lines to {institution_sum}: {} {} total {}",
            person_sum + institution_sum,
            if ok { "=" } else { "≠" },
            totals.total
        );
    }
    let both = summary.living.total + summary.nursing.total;
    reconciled &= both == summary.total;
    let _ = writeln!(
        w,
        "  both subsidies: {} + {} = {} {} total {}  {}",
        summary.living.total,
        summary.nursing.total,
        both,
        if both == summary.total { "=" } else { "≠" },
        summary.total,
        if reconciled {
            "✓ reconciled"
        } else {
            "✗ NOT RECONCILED"
        }
    );

    let _ = writeln!(w, "\nRejected lines: {}", summary.rejected);
    for (line, error) in &report.rejected {
        let _ = writeln!(w, "    line {line}: {error}");
    }
    w.push_str(&more(report.rejected.len(), summary.rejected));
    print!("{out}");
    balanced && reconciled
}

fn run(args: Args) -> Result<bool, String> {
    let policy = Policy::tianjin_2023();
    let scan = RosterScan::new(&policy, ScanOptions::new(args.month).in_language(args.lang))
        .map_err(|e| e.describe(args.lang))?;
    let mut jsonl = match &args.jsonl {
        Some(path) => Some(BufWriter::new(
            File::create(path).map_err(|e| format!("cannot create {path}: {e}"))?,
        )),
        None => None,
    };
    let mut write_error: Option<io::Error> = None;
    let mut report = Report::default();
    let mut sink = |record: ScanRecord| {
        report.add(&record);
        if let Some(out) = jsonl.as_mut() {
            if write_error.is_none() {
                let written = serde_json::to_writer(&mut *out, &record)
                    .map_err(io::Error::from)
                    .and_then(|()| out.write_all(b"\n"));
                if let Err(e) = written {
                    write_error = Some(e);
                }
            }
        }
    };
    let (source, summary) = match &args.path {
        None => (
            "bundled examples/data/roster.jsonl".to_owned(),
            scan.scan(BUNDLED.as_bytes(), &mut sink),
        ),
        Some(path) => {
            let file = File::open(path).map_err(|e| format!("cannot open {path}: {e}"))?;
            let reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(1 << 16, file));
            (path.clone(), scan.scan(reader, &mut sink))
        }
    };
    let summary = summary.map_err(|e| format!("cannot read {source}: {e}"))?;
    if let Some(mut out) = jsonl {
        let line = SummaryLine {
            record: "summary",
            month: args.month,
            summary: &summary,
        };
        let written = serde_json::to_writer(&mut out, &line)
            .map_err(io::Error::from)
            .and_then(|()| out.write_all(b"\n"))
            .and_then(|()| out.flush());
        if let Some(e) = write_error.take().or(written.err()) {
            return Err(format!(
                "cannot write {}: {e}",
                args.jsonl.as_deref().unwrap_or_default()
            ));
        }
    }
    Ok(print_report(&source, args.month, &summary, &report))
}

fn main() -> ExitCode {
    cli::run_with_args(USAGE, parse_args, run)
}
