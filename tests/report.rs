//! The reports: the roster scan's, the reform's and the policy at a glance, in both languages,
//! as text and as CSV; and the one way the first two read a roster file, so that they count its
//! lines alike.

use tianjin_disability_subsidies::facts::BenefitKind;
use tianjin_disability_subsidies::policy::{BenefitRelation, CountsWhen, Parameter};
use tianjin_disability_subsidies::report::{
    Align, Limits, PolicyReport, ReformReport, Report, RosterReport, Row, Table,
};
use tianjin_disability_subsidies::{
    ClauseId, Comparer, Language, Policy, Reform, RosterScan, ScanOptions, ScanRecord,
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
        let policy = PolicyReport::new(&Policy::tianjin_2023(), lang).report();
        for table in roster
            .tables()
            .chain(reform.tables())
            .chain(policy.tables())
        {
            let text = table.to_text(&width);
            let lines: Vec<&str> = text.lines().take(1 + table.rows.len()).collect();
            // Each row as laid out: an indented row's first cell after its indentation.
            let mut rows: Vec<Vec<String>> = table
                .rows
                .iter()
                .map(|row| {
                    let mut cells = row.cells.clone();
                    if let Some(first) = cells.first_mut() {
                        first.insert_str(0, &"  ".repeat(usize::from(row.indent)));
                    }
                    cells
                })
                .collect();
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
    // The institutions' rows, between "children in institutions" and "total", are not indented
    // in CSV as in text.
    let institutions: Vec<&Vec<&str>> = rows
        .iter()
        .skip_while(|r| r[0] != "children in institutions")
        .skip(1)
        .take_while(|r| r[0] != "total")
        .collect();
    assert_eq!(institutions.len(), 3);
    assert!(
        institutions.iter().all(|r| !r[0].starts_with(' ')),
        "{institutions:?}"
    );
    let sum: u64 = institutions
        .iter()
        .map(|r| r[2].parse::<u64>().expect("an amount"))
        .sum();
    assert_eq!(sum, 1400);
    // No empty header and no header twice, in any table of either report.
    let (roster_report, _) =
        roster_report(BUNDLED.as_bytes(), Language::Chinese, Limits::default());
    let (reform, _) = reform_report(BUNDLED.as_bytes(), Language::English);
    for table in roster_report.tables().chain(reform.tables()) {
        let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
        assert!(
            headers.iter().all(|h| !h.is_empty()),
            "{}: {headers:?}",
            table.key
        );
        let mut unique = headers.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), headers.len(), "{}: {headers:?}", table.key);
    }
    assert_eq!(rows.last().map(|r| r[2]), Some("24400"));
}

/// An institution's name is data: text indents its row under "children in institutions", and
/// CSV gives the name as it is, spaces and all, so that two institutions whose names differ only
/// by a space stay two rows that can be told apart.
#[test]
fn an_institutions_row_is_indented_and_its_name_kept_as_it_is() {
    // One of the bundled roster's institutions renamed with spaces around it on one line only.
    let (first, rest) = BUNDLED
        .split_once("\"institution\":\"天津市儿童福利院\"")
        .expect("the bundled roster names it");
    let roster = format!("{first}\"institution\":\"  天津市儿童福利院 \"{rest}");
    let (report, sound) = roster_report(roster.as_bytes(), Language::English, Limits::all());
    assert!(sound);
    let payments = |key: &str| report.tables().find(|t| t.key == key).expect("the table");
    let (spaced, plain) = ("  天津市儿童福利院 ", "天津市儿童福利院");
    let (table, row) = ["payments_living", "payments_nursing"]
        .into_iter()
        .find_map(|key| {
            let table = payments(key);
            let row = table.rows.iter().find(|r| r[0] == spaced)?;
            Some((table, row))
        })
        .expect("the renamed institution is paid");
    assert_eq!(row.indent, 1);
    assert!(table.rows.iter().any(|r| r[0] == plain && r.indent == 1));
    // In CSV: the name as it is, quoted for its spaces (sorted before the plain one), and the
    // plain name another row.
    let csv = table.to_csv();
    let names: Vec<&str> = csv
        .lines()
        .filter_map(|l| l.split(',').next())
        .filter(|name| name.contains(plain))
        .collect();
    assert_eq!(names, [format!("\"{spaced}\"").as_str(), plain], "{csv}");
    // In text: each institution two spaces in, the renamed one with its own spaces after them.
    let text = table.to_text(&width);
    assert!(
        text.lines().any(|l| l.starts_with(&format!("  {plain}"))),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.starts_with(&format!("  {spaced}"))),
        "{text}"
    );
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

/// A table of a report, by its key.
fn table<'r>(report: &'r Report, key: &str) -> &'r Table {
    report
        .tables()
        .find(|t| t.key == key)
        .unwrap_or_else(|| panic!("no table {key}"))
}

/// The clause a relation implements.
fn clause_of(relation: BenefitRelation) -> ClauseId {
    match relation {
        BenefitRelation::ChooseHigher { clause, .. }
        | BenefitRelation::Stacks { clause }
        | BenefitRelation::Excludes { clause, .. } => clause,
    }
}

/// The policy at a glance lists every parameter's every dated value, as the policy holds it,
/// and every benefit kind's relation with its clause, in both languages.
#[test]
fn the_policy_at_a_glance_lists_every_parameter_and_relation() {
    let policy = Policy::tianjin_2023();
    for lang in [Language::English, Language::Chinese] {
        let report = PolicyReport::new(&policy, lang).report();
        assert_eq!(
            report.tables().map(|t| t.key.as_str()).collect::<Vec<_>>(),
            ["parameters", "benefit_relations"]
        );
        let mut rows = table(&report, "parameters").rows.iter();
        for &parameter in Parameter::ALL {
            let name = match lang {
                Language::Chinese => parameter.name_zh(),
                _ => parameter.name_en(),
            };
            let values = policy.parameters().values_of(parameter);
            assert!(!values.is_empty(), "{parameter}");
            for v in values {
                let row = rows
                    .next()
                    .unwrap_or_else(|| panic!("no row for {parameter}"));
                assert_eq!(row[0], name);
                assert_eq!(row[1], parameter.name());
                assert_eq!(row[2], v.from.to_string());
                let value = match &v.value {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                // In Chinese a name is followed by what it means: `month_after（次月起停发）`.
                assert!(
                    row[3] == value || row[3].starts_with(&format!("{value}（")),
                    "{row:?}"
                );
                assert_eq!(row[4], *v.source);
            }
        }
        assert_eq!(rows.next(), None);

        let relations = &table(&report, "benefit_relations").rows;
        assert_eq!(relations.len(), BenefitKind::ALL.len());
        for (kind, row) in BenefitKind::ALL.into_iter().zip(relations) {
            assert_eq!(row[0], kind.name(lang));
            assert_eq!(row[1], kind.json_name());
            assert_eq!(row[4], clause_of(policy.relation(kind)).id());
        }
    }
    // The words, in English: the relation and when a benefit counts.
    let report = PolicyReport::new(&policy, Language::English).report();
    let text = report.to_text(&width);
    assert!(
        text.starts_with("The policy at a glance: tianjin-2023, 2023-08 onwards\n"),
        "{text}"
    );
    for row in [
        vec![
            "disability compensation (living part)",
            "disability_compensation_living",
            "choose the higher, with the living allowance",
            "when received",
            "higher.welfare",
        ],
        vec![
            "advanced-age allowance",
            "advanced_age_allowance",
            "stacks with both subsidies",
            "—",
            "stack.elderly",
        ],
        vec![
            "extreme-poverty support",
            "extreme_poverty_support",
            "excludes both subsidies",
            "when received",
            "exclusion.extreme_poverty",
        ],
    ] {
        assert!(
            text.lines().any(|l| cells(l) == row),
            "no row {row:?}\n{text}"
        );
    }
    assert!(matches!(
        policy.relation(BenefitKind::WelfareLivingAllowance),
        BenefitRelation::ChooseHigher {
            counts_when: CountsWhen::QualifiedOrReceived,
            ..
        }
    ));
}

/// A reform's override is one more dated value of its parameter, with its own source, and the
/// reform is named under the title.
#[test]
fn a_reforms_override_is_one_more_dated_value() {
    let baseline = Policy::tianjin_2023();
    let reform = Reform::from_json(LIVING_350).expect("the bundled reform reads");
    let reformed = reform.apply(&baseline).expect("and applies");
    let before = PolicyReport::new(&baseline, Language::English).report();
    let after = PolicyReport::new(&reformed, Language::English)
        .with_reform(&reform, "living-350.json")
        .report();
    let (before, after_rows) = (
        &table(&before, "parameters").rows,
        &table(&after, "parameters").rows,
    );
    assert_eq!(after_rows.len(), before.len() + 1);
    let living: Vec<&[String]> = after_rows
        .iter()
        .filter(|r| r[1] == "living_allowance_grade_1_2")
        .map(|r| &r[2..4])
        .collect();
    assert_eq!(living, [["2023-08", "300"], ["2025-01", "350"]]);
    let source = &reform.overrides[0].source;
    assert!(after_rows
        .iter()
        .any(|r| r[2] == "2025-01" && r[4] == *source));
    // Every other row is the baseline's.
    let others: Vec<&Row> = after_rows
        .iter()
        .filter(|r| !(r[1] == "living_allowance_grade_1_2" && r[2] == "2025-01"))
        .collect();
    assert_eq!(others, before.iter().collect::<Vec<_>>());
    assert!(
        after.title.contains("tianjin-2023+living-350"),
        "{}",
        after.title
    );
    assert!(after
        .preamble
        .contains(&"  override living_allowance_grade_1_2 from 2025-01 = 350".to_owned()));
    assert!(after
        .preamble
        .contains(&"reform file: living-350.json".to_owned()));
}

/// In Chinese, the policy at a glance is Chinese but for what the policy and the reform files
/// hold (sources, the document's number, the reform's description) and the names an analyst
/// writes in them: the policy's name, parameter and benefit kind names, values, clause ids.
#[test]
fn the_chinese_policy_at_a_glance_is_chinese() {
    let baseline = Policy::tianjin_2023();
    let reform = Reform::from_json(LIVING_350).expect("the bundled reform reads");
    let reformed = reform.apply(&baseline).expect("and applies");
    let report = PolicyReport::new(&reformed, Language::Chinese)
        .with_source("data/tianjin-2023.json")
        .with_reform(&reform, "living-350.json")
        .report();
    let mut text = report.to_text(&width);
    // What the files hold, as they hold it.
    let mut data: Vec<String> = vec![
        reformed.document().to_owned(),
        reform.description.clone(),
        "data/tianjin-2023.json".to_owned(),
        "living-350.json".to_owned(),
        "docs/policy/CLAUSES.md".to_owned(),
    ];
    for &parameter in Parameter::ALL {
        for v in reformed.parameters().values_of(parameter) {
            data.push(v.source.to_string());
        }
    }
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    for d in &data {
        text = text.replace(d.as_str(), "");
    }
    // The names an analyst writes in the files.
    let mut names: Vec<String> = vec![reformed.name().to_owned()];
    names.extend(Parameter::NAMES.iter().map(|n| (*n).to_owned()));
    names.extend(BenefitKind::ALL.iter().map(|k| k.json_name().to_owned()));
    names.extend(
        BenefitKind::ALL
            .iter()
            .map(|&k| clause_of(reformed.relation(k)).id().to_owned()),
    );
    for &parameter in Parameter::ALL {
        for v in reformed.parameters().values_of(parameter) {
            if let serde_json::Value::String(s) = &v.value {
                names.push(s.clone());
            }
        }
    }
    let english: Vec<&str> = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || "_-.+".contains(c)))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !names.iter().any(|n| n == w))
        .collect();
    assert!(english.is_empty(), "English left: {english:?}\n{text}");
    assert!(text.contains("与生活补贴择高"), "{text}");
    assert!(text.contains("month_after（次月起停发）"), "{text}");
}

/// Each list of the roster report keeps as many entries as its limit says, the first of what a
/// report with no limit keeps, and says how many more there are: the outreach lists, 应享未享,
/// 应退则退, the institutions and the rejected lines alike.
#[test]
fn every_list_keeps_its_limit_and_counts_the_rest() {
    let one = Limits {
        outreach: 1,
        entitled: 1,
        to_stop: 1,
        institutions: 1,
        rejected: 1,
    };
    let (limited, sound) = roster_report(BUNDLED.as_bytes(), Language::English, one);
    assert!(sound);
    let (full, _) = roster_report(BUNDLED.as_bytes(), Language::English, Limits::all());
    let mut checked = 0;
    for (kept, all) in limited.tables().zip(full.tables()) {
        assert_eq!(kept.key, all.key);
        assert!(all.notes.iter().all(|n| !n.contains("more")), "{all:?}");
        // The payment tables: two rows before the institutions, the total after them.
        let (before, after) = if kept.key.starts_with("payments_") {
            (2, 1)
        } else {
            (0, 0)
        };
        let listed = |t: &Table| t.rows[before..t.rows.len() - after].to_vec();
        let (shown, every) = (listed(kept), listed(all));
        if kept.key == "lines" {
            continue;
        }
        assert_eq!(shown.len(), every.len().min(1), "{}", kept.key);
        assert_eq!(shown, every[..shown.len()], "{}", kept.key);
        let hidden = every.len() - shown.len();
        let more: Vec<&String> = kept.notes.iter().filter(|n| n.contains("more")).collect();
        if hidden == 0 {
            assert!(more.is_empty(), "{}: {more:?}", kept.key);
        } else {
            assert_eq!(more, [&format!("… and {hidden} more")], "{}", kept.key);
            checked += 1;
        }
    }
    // Every kind of list had some not shown in the bundled roster.
    assert_eq!(
        checked, 6,
        "outreach ×2, entitled, to stop, nursing institutions, rejected"
    );
}

/// The reform report keeps the first 20 rejected lines by default; with `Limits::all()` (what
/// a CSV export asks for) every one, and no "… and more".
#[test]
fn a_reform_report_with_every_line_kept_lists_every_rejected_line() {
    let roster = "{not json\n".repeat(25);
    let baseline = Policy::tianjin_2023();
    let reform = Reform::from_json(LIVING_350).expect("the bundled reform reads");
    let reformed = reform.apply(&baseline).expect("and applies");
    for (limits, rows, notes) in [
        (Limits::default(), 20, vec!["… and 5 more".to_owned()]),
        (Limits::all(), 25, vec![]),
    ] {
        let mut comparer =
            Comparer::new(&baseline, &reformed, month("2025-01"), month("2025-12")).unwrap();
        let mut report =
            ReformReport::new(&reform, &baseline, &reformed, Language::English).with_limits(limits);
        report
            .compare_roster(&mut comparer, roster.as_bytes())
            .unwrap();
        assert_eq!(report.lines().rejected, 25);
        let text = report.report(&comparer.finish(), "r", "r").unwrap();
        let rejected = table(&text, "rejected");
        assert_eq!(rejected.rows.len(), rows);
        assert_eq!(rejected.notes, notes);
        assert_eq!(rejected.to_csv().lines().count(), 1 + rows);
    }
}

/// The Chinese reform report names the parameters in Chinese: the one resident side by side
/// lists each parameter a decision used by its Chinese name, never by the reform file's
/// snake_case name (`living_allowance_grade_1_2`). Only the override under the title quotes
/// the file's name, after the Chinese one, so that it can be found in the file.
#[test]
fn the_chinese_reform_report_names_no_parameter_in_code() {
    let (report, _) = reform_report(BUNDLED.as_bytes(), Language::Chinese);
    let example = report.sections.last().expect("the resident side by side");
    assert!(
        example
            .notes
            .iter()
            .any(|n| n.contains(Parameter::LivingAllowanceGrade1To2.name_zh())),
        "{:?}",
        example.notes
    );
    let mut body = report.clone();
    body.preamble.clear();
    let text = body.to_text(&width);
    for &parameter in Parameter::ALL {
        assert!(
            !text.contains(parameter.name()),
            "{} in {text}",
            parameter.name()
        );
    }
    // The override under the title: its Chinese name, then the file's.
    let override_line = report
        .preamble
        .iter()
        .find(|l| l.contains("调整参数"))
        .expect("the override");
    assert!(
        override_line.contains("生活补贴") && override_line.contains("living_allowance_grade_1_2"),
        "{override_line}"
    );
}
