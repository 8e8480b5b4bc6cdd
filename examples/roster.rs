//! Scans a roster for one month and prints what a caseworker's office needs: the outreach
//! worklist (政策找人), who is entitled but not receiving (应享未享), whose payments must stop
//! (应退则退), the month's payment run with its totals reconciled, and the lines that were rejected.
//!
//! ```text
//! cargo run --example roster                          # the bundled roster, for 2025-06
//! cargo run --example roster -- --month 2025-03       # another month
//! cargo run --example roster -- my-roster.jsonl       # your own JSON Lines file, streamed
//! cargo run --example roster -- --jsonl out.jsonl     # also write every record as JSON Lines
//! cargo run --example roster -- --lang zh             # the report in Chinese
//! ```
//!
//! A roster is JSON Lines: one resident's facts per line (see `Facts`). Without a path the
//! bundled `examples/data/roster.jsonl` (300 generated residents, four malformed lines and a blank one, see
//! `gen_roster.rs`) is scanned; it is compiled into the example, so it runs from any directory.
//! A path is read line by line through a `BufReader`, never whole, so a roster of millions of
//! lines needs no more memory than one of ten. Malformed lines are counted and listed with their
//! line numbers and errors, never fatal.
//!
//! `--lang en|zh` is the language of the report and of the rejected lines' errors, in the report
//! and in `--jsonl` (`ScanOptions::in_language`). In English the labels carry the policy's
//! Chinese terms beside them; in Chinese the report is Chinese throughout, for a caseworker.
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
    AssistanceKind, Cause, Language, Money, Month, OfficeBody, OutreachStatus, Policy, RosterScan,
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

/// `en` or `zh`, as the report's language asks.
fn pick<'a>(lang: Language, en: &'a str, zh: &'a str) -> &'a str {
    match lang {
        Language::English => en,
        Language::Chinese => zh,
    }
}

/// `text` padded with spaces to `width` columns of a terminal, on the left (`Right`) or the right
/// (`Left`): a Chinese character takes two columns, so `format!`'s widths, which count characters,
/// would misalign a Chinese table.
fn cell(text: &str, width: usize, align: Align) -> String {
    let wide = |c: char| {
        matches!(c, '\u{1100}'..='\u{115f}' | '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7a3}'
            | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff60}'
            | '\u{ffe0}'..='\u{ffe6}')
    };
    let columns: usize = text.chars().map(|c| if wide(c) { 2 } else { 1 }).sum();
    let padding = " ".repeat(width.saturating_sub(columns));
    match align {
        Align::Left => format!("{text}{padding}"),
        Align::Right => format!("{padding}{text}"),
    }
}

/// Which side of its cell a text keeps to.
#[derive(Clone, Copy)]
enum Align {
    Left,
    Right,
}

fn subsidy_name(subsidy: Subsidy, lang: Language) -> &'static str {
    match subsidy {
        Subsidy::Living => pick(lang, "living allowance", "生活补贴"),
        Subsidy::Nursing => pick(lang, "nursing allowance", "护理补贴"),
    }
}

fn trigger_name(trigger: TriggerKind, lang: Language) -> &'static str {
    match trigger {
        TriggerKind::NewCertificate => pick(lang, "new certificate", "新办残疾人证"),
        TriggerKind::NewHouseholdAssistance { assistance } => match assistance {
            AssistanceKind::Dibao => pick(lang, "new dibao", "新纳入低保"),
            _ => pick(lang, "new dibao-edge", "新纳入低保边缘"),
        },
    }
}

fn status_text(status: &OutreachStatus, lang: Language) -> String {
    match (status, lang) {
        (OutreachStatus::Pending { days_left }, Language::English) => {
            format!("pending, {days_left} days left")
        }
        (OutreachStatus::Pending { days_left }, Language::Chinese) => {
            format!("待告知，剩{days_left}天")
        }
        (OutreachStatus::Overdue { days_overdue }, Language::English) => {
            format!("overdue by {days_overdue} days")
        }
        (OutreachStatus::Overdue { days_overdue }, Language::Chinese) => {
            format!("逾期{days_overdue}天")
        }
        // The worklist holds pending and overdue duties only.
        (other, _) => other.name().to_owned(),
    }
}

/// An outreach line kept for printing.
struct Duty {
    line: usize,
    resident: String,
    trigger: TriggerKind,
    date: String,
    deadline: String,
    status: OutreachStatus,
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
    to_stop: Vec<(usize, String, Subsidy, Month, Cause)>,
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
                        status: *status,
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
                self.to_stop
                    .push((*line, resident.clone(), *subsidy, *since, *because));
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

fn more(shown: usize, total: u64, lang: Language) -> String {
    if (shown as u64) < total {
        match lang {
            Language::English => format!("    … and {} more\n", total - shown as u64),
            Language::Chinese => format!("    …… 另有{}条\n", total - shown as u64),
        }
    } else {
        String::new()
    }
}

/// The report in `lang`: English labels carry the policy's Chinese terms beside them; Chinese is
/// Chinese throughout, for a caseworker.
fn print_report(
    source: &str,
    month: Month,
    summary: &ScanSummary,
    report: &Report,
    lang: Language,
) -> bool {
    let zh = lang == Language::Chinese;
    let mut out = String::new();
    let w = &mut out;
    use std::fmt::Write as _;
    let (read, blank, decided, rejected) = (
        summary.lines_read,
        summary.blank,
        summary.decided,
        summary.rejected,
    );
    let balanced = read == blank + decided + rejected;
    let mark = if balanced { "✓" } else { "✗ MISMATCH" };
    if zh {
        let _ = writeln!(w, "{month}名册筛查（政策 tianjin-2023）");
        let _ = writeln!(w, "名册：{source}\n");
        let _ = writeln!(w, "行数");
        let _ = writeln!(w, "  读取  {read:>8}");
        let _ = writeln!(w, "  空行  {blank:>8}");
        let _ = writeln!(w, "  决定  {decided:>8}");
        let _ = writeln!(w, "  拒收  {rejected:>8}");
        let _ = writeln!(
            w,
            "  核对：读取 {read} = 空行 {blank} + 决定 {decided} + 拒收 {rejected} {mark}"
        );
    } else {
        let _ = writeln!(w, "Roster scan for {month}, policy tianjin-2023");
        let _ = writeln!(w, "roster: {source}\n");
        let _ = writeln!(w, "Lines");
        let _ = writeln!(w, "  read      {read:>8}");
        let _ = writeln!(w, "  blank     {blank:>8}");
        let _ = writeln!(w, "  decided   {decided:>8}");
        let _ = writeln!(w, "  rejected  {rejected:>8}");
        let _ = writeln!(
            w,
            "  check: read {read} = blank {blank} + decided {decided} + rejected {rejected} {mark}"
        );
    }

    let (day, pending, overdue) = (
        month.first_day(),
        summary.outreach_pending,
        summary.outreach_overdue,
    );
    if zh {
        let _ = writeln!(
            w,
            "\n政策找人工作清单（新办证 → 残联，新纳入低保/低保边缘 → 民政），截至{day}：待告知{pending}项，逾期{overdue}项"
        );
    } else {
        let _ = writeln!(
            w,
            "\nOutreach worklist (政策找人: 新办证 → 残联, 新纳入低保/低保边缘 → 民政), as of {day}: {pending} pending, {overdue} overdue"
        );
    }
    for (office, work) in &report.offices {
        if zh {
            let _ = writeln!(
                w,
                "  区、街道（乡镇）{}：待告知{}项，逾期{}项",
                office.name_zh(),
                work.pending,
                work.overdue
            );
        } else {
            let _ = writeln!(
                w,
                "  {} ({}), district and sub-district: {} pending, {} overdue",
                office.name_en(),
                office.name_zh(),
                work.pending,
                work.overdue
            );
        }
        let _ = writeln!(
            w,
            "    {}  {} {} {}  {}  {} {}",
            cell(pick(lang, "line", "行号"), 6, Align::Right),
            cell(pick(lang, "resident", "居民"), 11, Align::Left),
            cell(pick(lang, "trigger", "事由"), 16, Align::Left),
            cell(pick(lang, "date", "日期"), 10, Align::Left),
            cell(pick(lang, "deadline", "告知期限"), 10, Align::Left),
            cell(pick(lang, "status", "状态"), 26, Align::Left),
            pick(lang, "for", "补贴"),
        );
        for d in &work.first {
            let subsidies: Vec<&str> = d
                .subsidies
                .iter()
                .map(|&s| match (s, lang) {
                    (Subsidy::Living, Language::English) => "living",
                    (Subsidy::Nursing, Language::English) => "nursing",
                    (s, Language::Chinese) => subsidy_name(s, lang),
                })
                .collect();
            let _ = writeln!(
                w,
                "    {:>6}  {:<11} {} {:<10}  {:<10}  {} {}",
                d.line,
                d.resident,
                cell(trigger_name(d.trigger, lang), 16, Align::Left),
                d.date,
                d.deadline,
                cell(&status_text(&d.status, lang), 26, Align::Left),
                subsidies.join("+")
            );
        }
        w.push_str(&more(work.first.len(), work.pending + work.overdue, lang));
    }

    let entitled = summary.entitled_not_receiving;
    let _ = match lang {
        Language::English => writeln!(w, "\n应享未享 entitled but not receiving: {entitled}"),
        Language::Chinese => writeln!(w, "\n应享未享：{entitled}"),
    };
    for (line, resident, subsidy, would_pay) in &report.entitled {
        let name = cell(subsidy_name(*subsidy, lang), 18, Align::Left);
        let _ = match lang {
            Language::English => writeln!(
                w,
                "    {line:>6}  {resident:<11} {name} would pay {would_pay}"
            ),
            Language::Chinese => {
                writeln!(w, "    {line:>6}  {resident:<11} {name} 应发{would_pay}元")
            }
        };
    }
    w.push_str(&more(report.entitled.len(), entitled, lang));

    let (first, to_stop) = (month.minus(3), summary.to_stop);
    let _ = match lang {
        Language::English => writeln!(
            w,
            "\n应退则退 payments to stop (stopped {first} to {month}): {to_stop}"
        ),
        Language::Chinese => writeln!(w, "\n应退则退（{first}至{month}停发）：{to_stop}"),
    };
    for (line, resident, subsidy, since, because) in &report.to_stop {
        let name = cell(subsidy_name(*subsidy, lang), 18, Align::Left);
        let _ = match lang {
            Language::English => writeln!(
                w,
                "    {line:>6}  {resident:<11} {name} since {since}  {} ({})",
                because.describe_en(),
                because.describe_zh()
            ),
            Language::Chinese => writeln!(
                w,
                "    {line:>6}  {resident:<11} {name} 自{since}起停发  {}",
                because.describe_zh()
            ),
        };
    }
    w.push_str(&more(report.to_stop.len(), to_stop, lang));

    let _ = match lang {
        Language::English => writeln!(w, "\nPayment run {month}"),
        Language::Chinese => writeln!(w, "\n{month}发放清单（元）"),
    };
    let mut reconciled = true;
    for subsidy in Subsidy::ALL {
        let totals = match subsidy {
            Subsidy::Living => &summary.living,
            Subsidy::Nursing => &summary.nursing,
        };
        let (lines, person_sum) = report.person_lines[subsidy as usize];
        let institution_sum = report.institution_sum[subsidy as usize];
        let full_zh = match subsidy {
            Subsidy::Living => "困难残疾人生活补贴",
            Subsidy::Nursing => "重度残疾人护理补贴",
        };
        let _ = match lang {
            Language::English => writeln!(w, "  {} ({full_zh})", subsidy_name(subsidy, lang)),
            Language::Chinese => writeln!(w, "  {full_zh}"),
        };
        let _ = writeln!(
            w,
            "    {}{:>8}   {:>12}",
            cell(pick(lang, "persons", "发给本人（人）"), 26, Align::Left),
            totals.persons,
            totals.to_persons
        );
        let _ = writeln!(
            w,
            "    {}{:>8}   {:>12}   {}",
            cell(
                pick(lang, "children in institutions", "机构代领（儿童）"),
                26,
                Align::Left
            ),
            totals.institution_children,
            totals.to_institutions,
            pick(lang, "(per institution below)", "（各机构见下）"),
        );
        for (name, s, children, amount) in &report.institutions {
            if *s == subsidy {
                let _ = match lang {
                    Language::English => {
                        let noun = if *children == 1 { "child" } else { "children" };
                        writeln!(w, "      {name}: {children} {noun}, {amount}")
                    }
                    Language::Chinese => writeln!(w, "      {name}：{children}名儿童，{amount}元"),
                };
            }
        }
        let _ = writeln!(
            w,
            "    {}{:>8}   {:>12}",
            cell(pick(lang, "total", "合计"), 26, Align::Left),
            "",
            totals.total
        );
        let ok = person_sum + institution_sum == totals.total
            && lines == totals.persons
            && person_sum == totals.to_persons
            && institution_sum == totals.to_institutions;
        reconciled &= ok;
        let (sum, sign, total) = (
            person_sum + institution_sum,
            if ok { "=" } else { "≠" },
            totals.total,
        );
        let _ = match lang {
            Language::English => writeln!(
                w,
                "    check: the {lines} payment lines sum to {person_sum}, the institution lines to {institution_sum}: {sum} {sign} total {total}"
            ),
            Language::Chinese => writeln!(
                w,
                "    核对：{lines}条个人发放合计{person_sum}，机构发放合计{institution_sum}：{sum} {sign} 合计{total}"
            ),
        };
    }
    let both = summary.living.total + summary.nursing.total;
    reconciled &= both == summary.total;
    let (living, nursing, sign, total) = (
        summary.living.total,
        summary.nursing.total,
        if both == summary.total { "=" } else { "≠" },
        summary.total,
    );
    let verdict = match (reconciled, lang) {
        (true, Language::English) => "✓ reconciled",
        (false, Language::English) => "✗ NOT RECONCILED",
        (true, Language::Chinese) => "✓ 账目相符",
        (false, Language::Chinese) => "✗ 账目不符",
    };
    let _ = writeln!(
        w,
        "  {}{living} + {nursing} = {both} {sign} {} {total}  {verdict}",
        pick(lang, "both subsidies: ", "两项补贴："),
        pick(lang, "total", "合计"),
    );

    let _ = match lang {
        Language::English => writeln!(w, "\nRejected lines: {}", summary.rejected),
        Language::Chinese => writeln!(w, "\n拒收的行：{}", summary.rejected),
    };
    for (line, error) in &report.rejected {
        let _ = match lang {
            Language::English => writeln!(w, "    line {line}: {error}"),
            Language::Chinese => writeln!(w, "    第{line}行：{error}"),
        };
    }
    w.push_str(&more(report.rejected.len(), summary.rejected, lang));
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
            pick(
                args.lang,
                "bundled examples/data/roster.jsonl",
                "内置样本 examples/data/roster.jsonl",
            )
            .to_owned(),
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
    Ok(print_report(
        &source, args.month, &summary, &report, args.lang,
    ))
}

fn main() -> ExitCode {
    cli::run_with_args(USAGE, parse_args, run)
}
