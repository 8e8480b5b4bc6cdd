//! The reform example's charts (`examples/common/charts.rs`, drawn with plotters' SVG backend):
//! for the bundled roster and the living-350 reform, in both languages, each file is written,
//! parses as XML, draws what it says it plots, and what it plots adds up to the comparison's
//! totals — the money to the yuan and fen, the people one by one.
//!
//! Its own test target, as it includes the example's module (and `cli.rs`, which that module
//! writes through).

#[path = "../examples/common/charts.rs"]
mod charts;
#[path = "../examples/common/cli.rs"]
mod cli;

use std::collections::BTreeMap;
use std::path::PathBuf;

use charts::Series;
use plotters::style::RGBColor;
use rust_decimal::Decimal;
use tianjin_disability_subsidies::report::{ReformReport, Report};
use tianjin_disability_subsidies::{Comparer, Comparison, Language, Month, Policy, Reform};

const BUNDLED: &str = include_str!("../examples/data/roster.jsonl");
const LIVING_350: &str = include_str!("../examples/data/reforms/living-350.json");

fn month(text: &str) -> Month {
    text.parse().expect("a month")
}

/// living-350 over the bundled roster for 2025: the comparison and its report in `lang`.
fn living_350(lang: Language) -> (Comparison, Report) {
    let baseline = Policy::tianjin_2023();
    let reform = Reform::from_json(LIVING_350).expect("the bundled reform reads");
    let reformed = reform.apply(&baseline).expect("and applies");
    let mut comparer = Comparer::new(&baseline, &reformed, month("2025-01"), month("2025-12"))
        .expect("2025 is covered");
    let mut report = ReformReport::new(&reform, &baseline, &reformed, lang);
    report
        .compare_roster(&mut comparer, BUNDLED.as_bytes())
        .expect("reading from memory");
    let comparison = comparer.finish();
    let text = report
        .report(&comparison, "living-350", "bundled")
        .expect("the example resident decides");
    (comparison, text)
}

/// A folder of its own under the system's temporary folder, empty.
fn temporary(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tianjin-charts-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// What a chart's `<desc>` lists: each series' points, in order.
type Plotted = BTreeMap<String, Vec<(String, Decimal)>>;

/// A chart file read back: its title, what its `<desc>` lists, every text it draws, and the
/// shapes it draws: each line (its stroke colour and how many points), each rectangle (its fill
/// colour and height) and each dot (its fill colour).
struct Read {
    title: String,
    plotted: Plotted,
    order: Vec<String>,
    texts: Vec<String>,
    polylines: Vec<(String, usize)>,
    rects: Vec<(String, f64)>,
    circles: Vec<String>,
}

impl Read {
    /// The lines of this colour with this many points.
    fn lines(&self, colour: RGBColor, points: usize) -> usize {
        let colour = hex(colour);
        self.polylines
            .iter()
            .filter(|(c, n)| *c == colour && *n == points)
            .count()
    }

    /// The rectangles filled with this colour that have a height (a bar of zero is drawn flat).
    fn filled(&self, colour: RGBColor) -> usize {
        let colour = hex(colour);
        self.rects
            .iter()
            .filter(|(c, height)| *c == colour && *height > 0.0)
            .count()
    }

    /// The dots filled with this colour.
    fn dots(&self, colour: RGBColor) -> usize {
        let colour = hex(colour);
        self.circles.iter().filter(|c| **c == colour).count()
    }
}

/// A colour as the SVG backend writes it, `#1F77B4`.
fn hex(RGBColor(r, g, b): RGBColor) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

fn read(path: &PathBuf) -> Read {
    let svg = std::fs::read_to_string(path).expect("the chart is written");
    let doc = roxmltree::Document::parse(&svg)
        .unwrap_or_else(|e| panic!("{} is not well-formed XML: {e}", path.display()));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let text_of = |name: &str| {
        root.children()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .unwrap_or_else(|| panic!("{} has no <{name}>", path.display()))
            .to_owned()
    };
    let mut plotted = Plotted::new();
    let mut order = Vec::new();
    let desc = text_of("desc");
    let mut lines = desc.lines();
    assert_eq!(lines.next(), Some("series\tlabel\tvalue"));
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        let [series, label, value] = fields[..] else {
            panic!("a line of three fields: {line:?}")
        };
        if !plotted.contains_key(series) {
            order.push(series.to_owned());
        }
        plotted
            .entry(series.to_owned())
            .or_default()
            .push((label.to_owned(), value.parse().expect("a number")));
    }
    let elements = |name: &'static str| {
        doc.descendants()
            .filter(move |n| n.tag_name().name() == name)
    };
    let attribute = |n: &roxmltree::Node, name: &str| n.attribute(name).unwrap_or("").to_owned();
    Read {
        title: text_of("title"),
        plotted,
        order,
        texts: doc
            .descendants()
            .filter(|n| n.tag_name().name() == "text")
            .filter_map(|n| n.text())
            .map(|t| t.trim().to_owned())
            .collect(),
        polylines: elements("polyline")
            .map(|n| {
                let points = n.attribute("points").unwrap_or("");
                (attribute(&n, "stroke"), points.split_whitespace().count())
            })
            .collect(),
        rects: elements("rect")
            .map(|n| {
                let height = n.attribute("height").and_then(|h| h.parse().ok());
                (attribute(&n, "fill"), height.unwrap_or(0.0))
            })
            .collect(),
        circles: elements("circle").map(|n| attribute(&n, "fill")).collect(),
    }
}

#[test]
fn the_charts_are_written_well_formed_and_plot_the_comparisons_totals() {
    for lang in [Language::English, Language::Chinese] {
        let (c, report) = living_350(lang);
        let dir = temporary(&lang.to_string());
        let files = charts::write_charts(&dir, &c, &report).expect("the charts are written");
        let names: Vec<String> = files
            .iter()
            .map(|f| {
                f.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(
            names,
            [
                "monthly_cost.svg",
                "movers_by_category.svg",
                "movers_by_grade.svg"
            ]
        );
        let drawn = charts::charts(&c, &report).expect("the charts are drawn");
        let mut listing: Vec<String> = std::fs::read_dir(&dir)
            .expect("the folder")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        listing.sort();
        assert_eq!(listing, names, "nothing else, no partial file, is left");

        for (file, chart) in files.iter().zip(&drawn) {
            let read = read(file);
            // What the file lists is what was drawn, series by series, point by point.
            assert_eq!(read.title, chart.title);
            assert_eq!(
                read.order,
                chart
                    .series
                    .iter()
                    .map(|s| s.name.clone())
                    .collect::<Vec<_>>()
            );
            for s in &chart.series {
                assert_eq!(read.plotted[&s.name], s.points, "{}", s.name);
                // Every label is drawn on the x axis.
                for (label, _) in &s.points {
                    assert!(
                        read.texts.contains(label),
                        "{label} is not drawn in {file:?}"
                    );
                }
                assert!(
                    read.texts.contains(&s.name),
                    "no legend {} in {file:?}",
                    s.name
                );
            }
            // The title is drawn, whole, once.
            assert!(!chart.title.is_empty());
            assert_eq!(
                read.texts.iter().filter(|t| **t == chart.title).count(),
                1,
                "the title {:?} is not drawn in {file:?}: {:?}",
                chart.title,
                read.texts
            );
            // What the file lists is what was drawn; each series' total is what it plots.
            let series: Vec<Series> = read
                .order
                .iter()
                .map(|name| Series {
                    name: name.clone(),
                    points: read.plotted[name].clone(),
                })
                .collect();
            if chart.file == "monthly_cost.svg" {
                // Two lines, each month's total under each policy; they add up to the total.
                assert_eq!(series.len(), 2);
                for (s, colour) in series.iter().zip(charts::LINES) {
                    // The line of its points, and its mark in the legend (two points).
                    assert_eq!(
                        read.lines(colour, s.points.len()),
                        1,
                        "{file:?}: {}",
                        s.name
                    );
                    assert_eq!(read.lines(colour, 2), 1, "{file:?}: {}", s.name);
                    assert_eq!(read.dots(colour), s.points.len(), "{file:?}: {}", s.name);
                }
                assert_eq!(series[0].total(), c.total.baseline.total().as_decimal());
                assert_eq!(series[1].total(), c.total.reform.total().as_decimal());
                for (i, m) in c.monthly.iter().enumerate() {
                    assert_eq!(
                        series[0].points[i],
                        (m.month.to_string(), m.baseline.total().as_decimal())
                    );
                    assert_eq!(
                        series[1].points[i],
                        (m.month.to_string(), m.reform.total().as_decimal())
                    );
                }
            } else {
                // Living gain, living lose, nursing gain, nursing lose, by group: each adds up to
                // the comparison's movers of its subsidy, and each group has a point.
                let groups = if chart.file == "movers_by_category.svg" {
                    c.by_category.len()
                } else {
                    c.by_grade.len()
                };
                assert_eq!(series.len(), 4);
                for ((s, expected), colour) in series
                    .iter()
                    .zip([c.living.gain, c.living.lose, c.nursing.gain, c.nursing.lose])
                    .zip(charts::BARS)
                {
                    assert_eq!(s.points.len(), groups);
                    assert_eq!(s.total(), Decimal::from(expected));
                    // A bar of its colour per group that moves, and its mark in the legend.
                    let bars = s.points.iter().filter(|p| !p.1.is_zero()).count();
                    assert_eq!(read.filled(colour), bars + 1, "{file:?}: {}", s.name);
                }
                // Somebody gains the living allowance: its bars are there to be counted.
                assert!(series[0].points.iter().any(|p| !p.1.is_zero()));
            }
        }
        // The words are the report's, in its language.
        let expected = match lang {
            Language::Chinese => "月度支出（两项补贴，元）",
            _ => "Monthly cost (both subsidies, yuan)",
        };
        assert_eq!(drawn[0].title, expected);
        // living-350: 52 gain the living allowance, nobody loses.
        assert_eq!((c.living.gain, c.living.lose), (52, 0));
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// A chart cannot be drawn in words the report lacks: a report without the monthly table is an
/// error, not a picture without a title.
#[test]
fn a_report_without_its_tables_is_refused() {
    let (c, mut report) = living_350(Language::English);
    report
        .sections
        .retain(|s| !s.tables.iter().any(|t| t.key == "monthly"));
    let err = charts::charts(&c, &report).expect_err("no monthly table");
    assert_eq!(err, "the report has no table monthly");
}

/// A word the charts take from the report and cannot find — a row without its group, a column
/// without its header — is an error naming the table, not an empty label or a panic.
#[test]
fn a_missing_row_or_column_is_refused() {
    let (c, report) = living_350(Language::English);
    let edit = |key: &str, change: &dyn Fn(&mut tianjin_disability_subsidies::report::Table)| {
        let mut report = report.clone();
        for section in &mut report.sections {
            for table in section.tables.iter_mut().filter(|t| t.key == key) {
                change(table);
            }
        }
        charts::charts(&c, &report)
    };
    assert_eq!(
        edit("by_grade", &|t| t.rows[0].cells.clear()).expect_err("an empty row"),
        "the report's by_grade has no cell 0 in row 0"
    );
    assert_eq!(
        edit("movers", &|t| t.rows.truncate(1)).expect_err("a subsidy's row missing"),
        "the report's movers has no cell 0 in row 1"
    );
    assert_eq!(
        edit("monthly", &|t| t.columns.truncate(2)).expect_err("the reform's column missing"),
        "the report's monthly has no column 2"
    );
    assert_eq!(
        edit("movers", &|t| t.columns.truncate(2)).expect_err("the losers' column missing"),
        "the report's movers has no column 2"
    );
}
