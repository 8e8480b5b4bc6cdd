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
    decision::Cause,
    facts::{AssistanceKind, OfficeBody},
    outreach::{OutreachStatus, TriggerKind},
    Language, Money, Month, Policy, RosterScan, ScanOptions, ScanRecord, ScanSummary, Subsidy,
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
        _ => zh,
    }
}

/// How many columns of a terminal `text` takes: a Chinese character (or another wide one) two,
/// so `format!`'s widths, which count characters, would misalign a Chinese table.
fn columns(text: &str) -> usize {
    let wide = |c: char| {
        matches!(c, '\u{1100}'..='\u{115f}' | '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7a3}'
            | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff60}'
            | '\u{ffe0}'..='\u{ffe6}')
    };
    text.chars().map(|c| if wide(c) { 2 } else { 1 }).sum()
}

/// `text` padded with spaces to `width` columns of a terminal (see [`columns`]), after it
/// (`Left`) or before it (`Right`).
fn cell(text: &str, width: usize, align: Align) -> String {
    let padding = " ".repeat(width.saturating_sub(columns(text)));
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

/// A subsidy's name in a table: in Chinese the short form (生活补贴, 护理补贴), which the
/// report's columns are sized for; the payment run's headings give the full names.
fn subsidy_name(subsidy: Subsidy, lang: Language) -> &'static str {
    match (subsidy, lang) {
        (_, Language::English) => subsidy.name_en(),
        (Subsidy::Living, _) => "生活补贴",
        (Subsidy::Nursing, _) => "护理补贴",
    }
}

fn trigger_name(trigger: TriggerKind, lang: Language) -> &'static str {
    match trigger {
        TriggerKind::NewCertificate => pick(lang, "new certificate", "新办残疾人证"),
        TriggerKind::NewHouseholdAssistance { assistance } => match assistance {
            AssistanceKind::Dibao => pick(lang, "new dibao", "新纳入低保"),
            _ => pick(lang, "new dibao-edge", "新纳入低保边缘"),
        },
        _ => pick(lang, "other", "其他"),
    }
}

fn status_text(status: &OutreachStatus, lang: Language) -> String {
    match (status, lang) {
        (OutreachStatus::Pending { days_left }, Language::English) => {
            format!("pending, {days_left} days left")
        }
        (OutreachStatus::Pending { days_left }, _) => {
            format!("待告知，剩{days_left}天")
        }
        (OutreachStatus::Overdue { days_overdue }, Language::English) => {
            format!("overdue by {days_overdue} days")
        }
        (OutreachStatus::Overdue { days_overdue }, _) => {
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
                        resident: resident.to_string(),
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
                    .push((*line, resident.to_string(), *subsidy, *would_pay));
            }
            ScanRecord::ToStop {
                line,
                resident,
                subsidy,
                since,
                because,
            } if self.to_stop.len() < 2 * FIRST => {
                self.to_stop
                    .push((*line, resident.to_string(), *subsidy, *since, *because));
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
            _ => format!("    …… 另有{}条\n", total - shown as u64),
        }
    } else {
        String::new()
    }
}

/// The report in `lang`, and whether its counts balance and its totals reconcile. English labels
/// carry the policy's Chinese terms beside them; Chinese is Chinese throughout, for a caseworker.
fn report_text(
    policy: &str,
    source: &str,
    month: Month,
    summary: &ScanSummary,
    report: &Report,
    lang: Language,
) -> (String, bool) {
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
    let mark = match (balanced, lang) {
        (true, _) => "✓",
        (false, Language::English) => "✗ MISMATCH",
        (false, _) => "✗ 不符",
    };
    let _ = match lang {
        Language::English => writeln!(
            w,
            "Roster scan for {month}, policy {policy}\nroster: {source}\n"
        ),
        _ => writeln!(w, "{month}名册筛查（政策 {policy}）\n名册：{source}\n"),
    };
    let _ = writeln!(w, "{}", pick(lang, "Lines", "行数"));
    let counts = [
        (pick(lang, "read", "读取"), read),
        (pick(lang, "blank", "空行"), blank),
        (pick(lang, "decided", "已判定"), decided),
        (pick(lang, "rejected", "资料有误"), rejected),
    ];
    for (label, count) in counts {
        let _ = writeln!(w, "  {}{count:>8}", cell(label, 10, Align::Left));
    }
    let [(r, _), (b, _), (d, _), (x, _)] = counts;
    let _ = writeln!(
        w,
        "  {}{r} {read} = {b} {blank} + {d} {decided} + {x} {rejected} {mark}",
        pick(lang, "check: ", "核对："),
    );

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
            let office_zh = match office {
                OfficeBody::CivilAffairs => "民政部门",
                _ => office.name_zh(),
            };
            let _ = writeln!(
                w,
                "  {office_zh}（区、街道/乡镇）：待告知{}项，逾期{}项",
                work.pending, work.overdue
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
            cell(pick(lang, "date", "发生日期"), 10, Align::Left),
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
                    (s, _) => subsidy_name(s, lang),
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
        _ => writeln!(w, "\n应享未享：{entitled}条"),
    };
    for (line, resident, subsidy, would_pay) in &report.entitled {
        let name = cell(subsidy_name(*subsidy, lang), 18, Align::Left);
        let _ = match lang {
            Language::English => writeln!(
                w,
                "    {line:>6}  {resident:<11} {name} would pay {would_pay}"
            ),
            _ => writeln!(
                w,
                "    {line:>6}  {resident:<11} {name} 申请后每月可领{would_pay}元"
            ),
        };
    }
    w.push_str(&more(report.entitled.len(), entitled, lang));

    let (first, to_stop) = (month.minus(3), summary.to_stop);
    let _ = match lang {
        Language::English => writeln!(
            w,
            "\n应退则退 payments to stop (stopped {first} to {month}): {to_stop}"
        ),
        _ => writeln!(w, "\n应退则退（{first}至{month}停发）：{to_stop}条"),
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
            _ => writeln!(
                w,
                "    {line:>6}  {resident:<11} {name} 自{since}起停发  {}",
                because.describe_zh()
            ),
        };
    }
    w.push_str(&more(report.to_stop.len(), to_stop, lang));

    let _ = match lang {
        Language::English => writeln!(w, "\nPayment run {month}"),
        _ => writeln!(w, "\n{month}发放清单（元）"),
    };
    let mut reconciled = true;
    for subsidy in Subsidy::ALL {
        let totals = match subsidy {
            Subsidy::Living => &summary.living,
            Subsidy::Nursing => &summary.nursing,
        };
        let (lines, person_sum) = report.person_lines[subsidy as usize];
        let institution_sum = report.institution_sum[subsidy as usize];
        let full_zh = subsidy.name_zh();
        let _ = match lang {
            Language::English => writeln!(w, "  {} ({full_zh})", subsidy_name(subsidy, lang)),
            _ => writeln!(w, "  {full_zh}"),
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
                    _ => writeln!(w, "      {name}：{children}名儿童，{amount}元"),
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
            _ => writeln!(
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
        (true, _) => "✓ 账目相符",
        (false, _) => "✗ 账目不符",
    };
    let _ = writeln!(
        w,
        "  {}{living} + {nursing} = {both} {sign} {}{total}  {verdict}",
        pick(lang, "both subsidies: ", "两项补贴："),
        pick(lang, "total ", "合计"),
    );

    let _ = match lang {
        Language::English => writeln!(w, "\nRejected lines: {}", summary.rejected),
        _ => writeln!(w, "\n资料有误的行：{}行", summary.rejected),
    };
    for (line, error) in &report.rejected {
        let _ = match lang {
            Language::English => writeln!(w, "    line {line}: {error}"),
            _ => writeln!(w, "    第{line}行：{error}"),
        };
    }
    w.push_str(&more(report.rejected.len(), summary.rejected, lang));
    (out, balanced && reconciled)
}

fn run(args: Args) -> Result<bool, String> {
    let policy = Policy::tianjin_2023();
    let scan = RosterScan::new(
        &policy,
        ScanOptions::new(args.month).with_language(args.lang),
    )
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
    let (text, sound) = report_text(
        policy.name(),
        &source,
        args.month,
        &summary,
        &report,
        args.lang,
    );
    print!("{text}");
    Ok(sound)
}

fn main() -> ExitCode {
    cli::run_with_args(USAGE, parse_args, run)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The report of the bundled roster for 2025-06, in `lang`.
    fn bundled(lang: Language) -> (String, bool) {
        let policy = Policy::tianjin_2023();
        let month = Month::new(2025, 6).expect("a month");
        let scan = RosterScan::new(&policy, ScanOptions::new(month).with_language(lang))
            .expect("the policy covers 2025-06");
        let mut report = Report::default();
        let summary = scan
            .scan(BUNDLED.as_bytes(), |record| report.add(&record))
            .expect("reading from memory");
        report_text(policy.name(), "bundled", month, &summary, &report, lang)
    }

    /// Columns of a terminal, counted independently of [`columns`]: every character from the
    /// CJK blocks on is two wide (true of every character these reports hold).
    fn width(text: &str) -> usize {
        text.chars()
            .map(|c| if u32::from(c) >= 0x2e80 { 2 } else { 1 })
            .sum()
    }

    /// The terminal column at which `needle` starts in each of `lines` that holds it.
    fn starts(lines: &[&str], needle: &str) -> Vec<usize> {
        lines
            .iter()
            .filter_map(|line| line.find(needle).map(|i| width(&line[..i])))
            .collect()
    }

    fn all_equal(found: &[usize], what: &str, text: &str) {
        assert!(found.len() >= 2, "{what}: too few rows\n{text}");
        assert!(
            found.iter().all(|&c| c == found[0]),
            "{what}: {found:?}\n{text}"
        );
    }

    #[test]
    fn a_wide_character_takes_two_columns() {
        assert_eq!(columns("生活补贴"), 8);
        assert_eq!(columns("living"), 6);
        assert_eq!(columns("（各机构见下）"), 14);
        assert_eq!(cell("生活补贴", 10, Align::Left), "生活补贴  ");
        assert_eq!(cell("行号", 6, Align::Right), "  行号");
        assert_eq!(cell("too long", 3, Align::Left), "too long");
    }

    #[test]
    fn the_chinese_report_is_chinese_and_its_totals_reconcile() {
        let (text, sound) = bundled(Language::Chinese);
        assert!(sound, "{text}");
        for line in [
            "  核对：读取 305 = 空行 1 + 已判定 300 + 资料有误 4 ✓",
            "  民政部门（区、街道/乡镇）：待告知2项，逾期2项",
            "资料有误的行：4行",
            "截至2025-06-01：待告知3项，逾期6项",
            "        10  TJ00000010  新纳入低保       2025-03-07  2025-06-07  待告知，剩6天              生活补贴",
            "应享未享：55条",
            "        15  TJ00000015  护理补贴           自2025-03起停发  本人死亡",
            "      天津市儿童福利院：4名儿童，800元",
            "    核对：115条个人发放合计23000，机构发放合计1400：24400 = 合计24400",
            "  两项补贴：20140 + 24400 = 44540 = 合计44540  ✓ 账目相符",
            "    第118行：certificates[0].grade：填写有误：应为1至4级的残疾等级，实为5（第117列）",
        ] {
            assert!(text.contains(line), "missing {line:?}\n{text}");
        }
        // No English is left, but for the resident ids, the policy's name and the source given:
        // the rejected lines' errors (which quote JSON paths and keys) are left out.
        let report = text.split("资料有误的行").next().unwrap_or_default();
        let mut rest = report.replace("tianjin-2023", "").replace("bundled", "");
        while let Some(i) = rest.find("TJ") {
            let digits = rest[i + 2..].bytes().take_while(u8::is_ascii_digit).count();
            rest.replace_range(i..i + 2 + digits, "");
        }
        let english: Vec<&str> = rest
            .lines()
            .filter(|l| l.chars().any(|c| c.is_ascii_alphabetic()))
            .collect();
        assert!(english.is_empty(), "English left: {english:#?}");
    }

    #[test]
    fn the_tables_line_up_in_both_languages() {
        for lang in [Language::Chinese, Language::English] {
            let (text, _) = bundled(lang);
            let lines: Vec<&str> = text.lines().collect();
            // The worklist: the trigger's date starts in one column, under its header. (Only the
            // worklist's rows have a date two spaces after the resident.)
            let header = pick(lang, "date", "发生日期");
            let mut dates: Vec<usize> = lines
                .iter()
                .filter_map(|l| {
                    let resident = l.find("  TJ")?;
                    let date = resident + l[resident..].find("  20")? + 2;
                    Some(width(&l[..date]))
                })
                .collect();
            dates.extend(
                lines
                    .iter()
                    .filter(|l| l.contains(pick(lang, "resident", "居民")) && l.contains(header))
                    .filter_map(|l| l.find(header).map(|i| width(&l[..i]))),
            );
            all_equal(&dates, "worklist dates", &text);
            // 应享未享 and 应退则退: what follows the subsidy's cell starts in one column.
            all_equal(
                &starts(&lines, pick(lang, " would pay", " 申请后每月可领")),
                "entitled",
                &text,
            );
            all_equal(
                &starts(&lines, pick(lang, " since 20", " 自20")),
                "to stop",
                &text,
            );
            // The payment run: the count of persons and children, and the total, end in one column.
            let ends: Vec<usize> = lines
                .iter()
                .filter(|l| {
                    [
                        pick(lang, "    persons", "    发给本人"),
                        pick(lang, "    children in", "    机构代领"),
                        pick(lang, "    total", "    合计"),
                    ]
                    .iter()
                    .any(|p| l.starts_with(p))
                })
                .map(|l| {
                    width(
                        l.split("   (")
                            .next()
                            .unwrap_or(l)
                            .split("   （")
                            .next()
                            .unwrap_or(l)
                            .trim_end(),
                    )
                })
                .collect();
            assert_eq!(ends.len(), 6, "{text}");
            all_equal(&ends, "payment run", &text);
        }
    }
}
