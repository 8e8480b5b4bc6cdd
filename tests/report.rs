//! The reports: the roster scan's and the reform's, in both languages, as text and as CSV; and
//! the one way both read a roster file, so that they count its lines alike.

use tianjin_disability_subsidies::report::{Align, Limits, ReformReport, Report, RosterReport};
use tianjin_disability_subsidies::{
    Comparer, Language, Policy, Reform, RosterScan, ScanOptions, ScanRecord,
};
use tianjin_disability_subsidies_support::fixtures::{eligible, month};
use unicode_width::UnicodeWidthStr;

const BUNDLED: &str = include_str!("../examples/data/roster.jsonl");
const LIVING_350: &str = include_str!("../examples/data/reforms/living-350.json");

fn width(s: &str) -> usize {
    s.width()
}

/// The roster report of `roster` for 2025-06 in `lang`, and whether it reconciles.
fn roster_report(roster: &[u8], lang: Language, limits: Limits) -> (Report, bool) {
    let policy = Policy::tianjin_2023();
    let options = ScanOptions::new(month("2025-06")).with_language(lang);
    let mut report = RosterReport::new(&policy, &options).with_limits(limits);
    let summary = RosterScan::new(&policy, options)
        .expect("the policy covers 2025-06")
        .scan(roster, |record| report.add(&record))
        .expect("reading from memory");
    let sound = report.reconciles(&summary);
    (report.report(&summary, "bundled"), sound)
}

/// The reform report of living-350 over `roster` for 2025 in `lang`.
fn reform_report(roster: &[u8], lang: Language) -> (Report, ReformCounts) {
    let baseline = Policy::tianjin_2023();
    let reform = Reform::from_json(LIVING_350).expect("the bundled reform reads");
    let reformed = reform.apply(&baseline).expect("and applies");
    let mut comparer = Comparer::new(&baseline, &reformed, month("2025-01"), month("2025-12"))
        .expect("2025 is covered");
    let mut report = ReformReport::new(&reform, &baseline, &reformed, lang);
    report
        .compare_roster(&mut comparer, roster)
        .expect("reading from memory");
    let lines = report.lines();
    let text = report
        .report(&comparer.finish(), "living-350", "bundled")
        .expect("the example resident decides");
    (
        text,
        ReformCounts {
            read: lines.read,
            blank: lines.blank,
            decided: lines.decided,
            rejected: lines.rejected,
        },
    )
}

#[derive(Debug, PartialEq, Eq)]
struct ReformCounts {
    read: u64,
    blank: u64,
    decided: u64,
    rejected: u64,
}

/// The cells of a text line: what stands between runs of two or more spaces.
fn cells(line: &str) -> Vec<String> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_chinese_roster_report_is_chinese_and_its_totals_reconcile() {
    let (report, sound) = roster_report(BUNDLED.as_bytes(), Language::Chinese, Limits::default());
    let text = report.to_text(&width);
    assert!(sound, "{text}");
    for line in [
        "  核对：读取 305 = 空行 1 + 已判定 300 + 资料有误 4 ✓",
        "  民政部门（区、街道/乡镇）：待告知2项，逾期2项",
        "资料有误的行：4行",
        "截至2025-06-01：待告知3项，逾期6项",
        "应享未享：55条",
        "    核对：115条个人发放合计23000，机构发放合计1400：24400 = 合计24400",
        "  两项补贴：20140 + 24400 = 44540 = 合计44540  ✓ 账目相符",
    ] {
        assert!(text.contains(line), "missing {line:?}\n{text}");
    }
    // The rows, cell by cell (the layout is the table's: columns as wide as their cells).
    for row in [
        vec![
            "10",
            "TJ00000010",
            "新纳入低保",
            "2025-03-07",
            "2025-06-07",
            "待告知，剩6天",
            "生活补贴",
        ],
        vec!["15", "TJ00000015", "护理补贴", "2025-03", "本人死亡"],
        vec!["天津市儿童福利院", "4", "800"],
        vec![
            "118",
            "certificates[0].grade：填写有误：应为1至4级的残疾等级，实为5（第117列）",
        ],
    ] {
        assert!(
            text.lines().any(|l| cells(l) == row),
            "no row {row:?}\n{text}"
        );
    }
    // No English is left, but for the resident ids, the policy's name and the source given:
    // the rejected lines' errors (which quote JSON paths and keys) are left out.
    let before_rejected = text.split("资料有误的行").next().unwrap_or_default();
    let mut rest = before_rejected
        .replace("tianjin-2023", "")
        .replace("bundled", "");
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
fn the_english_roster_report_names_the_chinese_terms() {
    let (report, sound) = roster_report(BUNDLED.as_bytes(), Language::English, Limits::default());
    let text = report.to_text(&width);
    assert!(sound, "{text}");
    for line in [
        "  check: read 305 = blank 1 + decided 300 + rejected 4 ✓",
        "应享未享 entitled but not receiving: 55",
        "  … and 50 more",
        "  both subsidies: 20140 + 24400 = 44540 = total 44540  ✓ reconciled",
    ] {
        assert!(text.contains(line), "missing {line:?}\n{text}");
    }
    assert!(
        text.lines().any(|l| cells(l)
            == [
                "15",
                "TJ00000015",
                "nursing allowance",
                "2025-03",
                "the person has died (本人死亡)"
            ]),
        "{text}"
    );
}

/// In every table of both reports, in both languages, a left-aligned column's cells start in
/// one terminal column and a right-aligned column's cells end in one, wide characters counted
/// twice.
#[test]
fn every_table_lines_up_in_both_languages() {
    for lang in [Language::Chinese, Language::English] {
        let (roster, _) = roster_report(BUNDLED.as_bytes(), lang, Limits::default());
        let (reform, _) = reform_report(BUNDLED.as_bytes(), lang);
        for table in roster.tables().chain(reform.tables()) {
            let text = table.to_text(&width);
            let lines: Vec<&str> = text.lines().take(1 + table.rows.len()).collect();
            let mut rows: Vec<Vec<String>> = table.rows.clone();
            if table.columns.iter().any(|c| !c.header.is_empty()) {
                rows.insert(0, table.columns.iter().map(|c| c.header.clone()).collect());
            }
            for (i, column) in table.columns.iter().enumerate() {
                let mut edges = Vec::new();
                for (line, row) in lines.iter().zip(&rows) {
                    let cell = row.get(i).map_or("", String::as_str);
                    if cell.is_empty() {
                        continue;
                    }
                    // Find the cell after the ones before it.
                    let mut from = 0;
                    for earlier in &row[..i] {
                        if !earlier.is_empty() {
                            from = line[from..]
                                .find(earlier.as_str())
                                .map_or(from, |p| from + p + earlier.len());
                        }
                    }
                    let at = from + line[from..].find(cell).expect("the cell is on its line");
                    edges.push(match column.align {
                        Align::Left => width(&line[..at]),
                        Align::Right => width(&line[..at + cell.len()]),
                    });
                }
                assert!(
                    edges.windows(2).all(|w| w[0] == w[1]),
                    "{lang:?} table {} column {i}: {edges:?}\n{text}",
                    table.key
                );
            }
        }
    }
}

#[test]
fn a_csv_table_holds_every_row_and_totals_add_up() {
    let (report, _) = roster_report(BUNDLED.as_bytes(), Language::English, Limits::all());
    let keys: Vec<&str> = report.tables().map(|t| t.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "lines",
            "outreach_civil_affairs",
            "outreach_disabled_persons_federation",
            "entitled_not_receiving",
            "to_stop",
            "payments_living",
            "payments_nursing",
            "rejected"
        ]
    );
    let entitled = report
        .tables()
        .find(|t| t.key == "entitled_not_receiving")
        .expect("the table");
    // With every entry kept, the CSV holds all 55, and no "… and more".
    assert_eq!(entitled.to_csv().lines().count(), 1 + 55);
    assert!(entitled.notes.is_empty());
    let nursing = report
        .tables()
        .find(|t| t.key == "payments_nursing")
        .expect("the table")
        .to_csv();
    let rows: Vec<Vec<&str>> = nursing.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows[0], ["paid to", "count", "amount"]);
    let institutions: u64 = rows
        .iter()
        .filter(|r| r[0].starts_with("  "))
        .map(|r| r[2].parse::<u64>().expect("an amount"))
        .sum();
    assert_eq!(institutions, 1400);
    assert_eq!(rows.last().map(|r| r[2]), Some("24400"));
}

#[test]
fn control_characters_from_the_input_are_escaped() {
    let mut facts = eligible();
    facts["id"] = "R-1\u{1b}[2J\nforged line".into();
    facts["applications"] = serde_json::json!([]);
    let roster = format!("{facts}\n");
    let (report, _) = roster_report(roster.as_bytes(), Language::English, Limits::default());
    let text = report.to_text(&width);
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(text.contains("R-1\\u{1b}[2J\\nforged line"), "{text}");
    assert!(
        !text.lines().any(|l| l.starts_with("forged line")),
        "{text}"
    );
}

/// A roster with a byte-order mark, a blank line, a line over 1 MiB, a line that is not UTF-8
/// and a line that is not JSON: the scan and the reform count every line alike and reject the
/// same ones.
#[test]
fn the_scan_and_the_reform_count_the_same_lines_alike() {
    let good = eligible().to_string();
    let mut roster = Vec::new();
    roster.extend("\u{feff}".as_bytes());
    roster.extend(good.as_bytes());
    roster.extend(b"\n\n");
    roster.extend(std::iter::repeat_n(b' ', (1 << 20) + 1));
    roster.extend(b"{}\n\xff\xfe\n{\"id\":\n");
    roster.extend(good.as_bytes());
    roster.extend(b"\r\n");

    let policy = Policy::tianjin_2023();
    let mut rejected = Vec::new();
    let summary = RosterScan::new(&policy, ScanOptions::new(month("2025-06")))
        .expect("covered")
        .scan(&roster[..], |record| {
            if let ScanRecord::Rejected { line, .. } = record {
                rejected.push(line);
            }
        })
        .expect("memory");
    let (reform, counts) = reform_report(&roster, Language::English);
    assert_eq!(
        counts,
        ReformCounts {
            read: summary.lines_read,
            blank: summary.blank,
            decided: summary.decided,
            rejected: summary.rejected,
        }
    );
    assert_eq!(
        (
            summary.lines_read,
            summary.blank,
            summary.decided,
            summary.rejected
        ),
        (6, 1, 2, 3)
    );
    assert_eq!(rejected, [3, 4, 5]);
    let listed: Vec<String> = reform
        .tables()
        .find(|t| t.key == "rejected")
        .expect("the table")
        .rows
        .iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(listed, ["3", "4", "5"]);
}
