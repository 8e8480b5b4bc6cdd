//! Charts of a reform, drawn with `plotters` (its SVG backend only: text is SVG `<text>`, so no
//! font file is read): the monthly cost under the baseline and under the reform, and who gains
//! and who loses by disability category and by grade.
//!
//! Every word comes from the reform's report (`ReformReport`'s `Report`, in its language): the
//! titles are its section headings, the legends its column headers, the groups its rows. The
//! numbers come from the `Comparison` the report was made of. Each SVG carries, beside what
//! plotters draws, a `<title>` and a `<desc>` listing every plotted value exactly (a line per
//! point: series, tab, label, tab, value), so that a reader — or a test — can check the picture
//! against the report.
//!
//! It writes through `cli::Output` (each file in full or not at all): the crate that includes it
//! declares `mod cli` (examples/common/cli.rs) at its root.

#![allow(dead_code)] // The example uses what it needs; the test reads the rest.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use tianjin_disability_subsidies::reform::{Cost, Movers};
use tianjin_disability_subsidies::report::{Report, Table};
use tianjin_disability_subsidies::{Comparison, Subsidy};

/// The size of every chart, in pixels.
const SIZE: (u32, u32) = (1000, 560);
/// The font: SVG names it, the viewer finds it.
const FONT: &str = "sans-serif";
/// Baseline, reform.
pub const LINES: [RGBColor; 2] = [RGBColor(31, 119, 180), RGBColor(214, 39, 40)];
/// Living gain, living lose, nursing gain, nursing lose.
pub const BARS: [RGBColor; 4] = [
    RGBColor(31, 119, 180),
    RGBColor(174, 199, 232),
    RGBColor(255, 127, 14),
    RGBColor(255, 187, 120),
];

/// One plotted series: its name, and each point's label and exact value.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The name in the legend.
    pub name: String,
    /// Each point: its label on the x axis and its value (yuan, or residents).
    pub points: Vec<(String, Decimal)>,
}

impl Series {
    /// The sum of its values.
    pub fn total(&self) -> Decimal {
        self.points.iter().map(|(_, v)| *v).sum()
    }
}

/// A chart: its file name, its title, what it plots, and the SVG.
#[derive(Debug, Clone)]
pub struct Chart {
    /// The file name, e.g. `monthly_cost.svg`.
    pub file: &'static str,
    /// The title, in the report's language.
    pub title: String,
    /// The series plotted.
    pub series: Vec<Series>,
    /// The picture.
    pub svg: String,
}

/// Draws the charts of `comparison`, in the words of `report` (its `ReformReport`).
pub fn charts(comparison: &Comparison, report: &Report) -> Result<Vec<Chart>, String> {
    let categories: Vec<Cost> = comparison.by_category.iter().map(|g| g.1).collect();
    let grades: Vec<Cost> = comparison.by_grade.iter().map(|g| g.1).collect();
    Ok(vec![
        monthly_chart(comparison, report)?,
        movers_chart("movers_by_category.svg", "by_category", &categories, report)?,
        movers_chart("movers_by_grade.svg", "by_grade", &grades, report)?,
    ])
}

/// Both policies' cost month by month, both subsidies together.
fn monthly_chart(comparison: &Comparison, report: &Report) -> Result<Chart, String> {
    let monthly = table(report, "monthly")?;
    let series = [Which::Baseline, Which::Reform]
        .into_iter()
        .enumerate()
        .map(|(i, side)| {
            Ok(Series {
                name: header(monthly, 1 + i)?,
                points: comparison
                    .monthly
                    .iter()
                    .map(|m| {
                        let cost = if side == Which::Baseline {
                            m.baseline
                        } else {
                            m.reform
                        };
                        (m.month.to_string(), cost.total().as_decimal())
                    })
                    .collect(),
            })
        })
        .collect::<Result<_, String>>()?;
    line_chart(
        "monthly_cost.svg",
        heading(report, "monthly")?,
        header(monthly, 0)?,
        series,
    )
}

/// Which policy a series is of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Baseline,
    Reform,
}

/// Who gains and who loses on each subsidy, by the groups of the report's table `key` (one
/// row per group of `groups`, in order).
fn movers_chart(
    file: &'static str,
    key: &str,
    groups: &[Cost],
    report: &Report,
) -> Result<Chart, String> {
    let (movers, by_group) = (table(report, "movers")?, table(report, key)?);
    let labels: Vec<String> = (0..by_group.rows.len())
        .map(|row| cell(by_group, row, 0))
        .collect::<Result<_, _>>()?;
    if labels.len() != groups.len() {
        return Err(format!(
            "the report's {key} has {} rows for {} groups",
            labels.len(),
            groups.len()
        ));
    }
    let gain: fn(Movers) -> u64 = |m| m.gain;
    let lose: fn(Movers) -> u64 = |m| m.lose;
    let mut series = Vec::new();
    // The movers table: a row per subsidy, in order; gain and lose its first two columns.
    for (row, subsidy) in Subsidy::ALL.into_iter().enumerate() {
        let name = cell(movers, row, 0)?;
        for (column, count) in [(1, gain), (2, lose)] {
            series.push(Series {
                name: format!("{name} · {}", header(movers, column)?),
                points: labels
                    .iter()
                    .zip(groups)
                    .map(|(label, cost)| {
                        (label.clone(), Decimal::from(count(cost.movers(subsidy))))
                    })
                    .collect(),
            });
        }
    }
    let titles = [heading(report, key)?, heading(report, "movers")?];
    bar_chart(file, titles, header(by_group, 1)?, labels, series)
}

/// Writes the charts of `comparison` to `dir` (made if need be) and returns the files written.
pub fn write_charts(
    dir: &Path,
    comparison: &Comparison,
    report: &Report,
) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for chart in charts(comparison, report)? {
        let path = dir.join(chart.file);
        let mut out = crate::cli::Output::create(&path)?;
        out.write(chart.svg.as_bytes())?;
        out.finish()?;
        written.push(path);
    }
    Ok(written)
}

/// A column's header: a report without it is an error, not a chart without a word.
fn header(table: &Table, column: usize) -> Result<String, String> {
    table
        .columns
        .get(column)
        .map(|c| c.header.clone())
        .ok_or_else(|| format!("the report's {} has no column {column}", table.key))
}

/// The cell of a row and column: a report without it is an error, not a chart without a word.
fn cell(table: &Table, row: usize, column: usize) -> Result<String, String> {
    table
        .rows
        .get(row)
        .and_then(|r| r.cells.get(column))
        .cloned()
        .ok_or_else(|| {
            format!(
                "the report's {} has no cell {column} in row {row}",
                table.key
            )
        })
}

/// The table of `report` with this key.
fn table<'r>(report: &'r Report, key: &str) -> Result<&'r Table, String> {
    report
        .tables()
        .find(|t| t.key == key)
        .ok_or_else(|| format!("the report has no table {key}"))
}

/// The heading of the section holding the table with this key.
fn heading(report: &Report, key: &str) -> Result<String, String> {
    report
        .sections
        .iter()
        .find(|s| s.tables.iter().any(|t| t.key == key))
        .map(|s| s.heading.clone())
        .ok_or_else(|| format!("the report has no table {key}"))
}

fn f64_of(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// The label of the point at `x` (an index), or nothing between points.
fn label_at(labels: &[String], x: f64) -> String {
    let i = x.round();
    if (x - i).abs() > 1e-6 || i < 0.0 {
        return String::new();
    }
    labels.get(i as usize).cloned().unwrap_or_default()
}

/// Monthly amounts as lines, one per series, on the same months.
fn line_chart(
    file: &'static str,
    title: String,
    x_desc: String,
    series: Vec<Series>,
) -> Result<Chart, String> {
    let labels: Vec<String> = series.first().map_or(Vec::new(), |s| {
        s.points.iter().map(|p| p.0.clone()).collect()
    });
    let n = labels.len().max(1);
    let top = series
        .iter()
        .flat_map(|s| &s.points)
        .map(|p| f64_of(p.1))
        .fold(0.0, f64::max);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        let area = root.titled(&title, (FONT, 22)).map_err(drawing)?;
        let mut chart = ChartBuilder::on(&area)
            .margin(20)
            .x_label_area_size(50)
            .y_label_area_size(70)
            .build_cartesian_2d(-0.5..n as f64 - 0.5, 0.0..(top * 1.3).max(1.0))
            .map_err(drawing)?;
        let format_x = |x: &f64| label_at(&labels, *x);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .x_labels(n.min(12))
            .x_label_formatter(&format_x)
            .y_label_formatter(&|y: &f64| format!("{y:.0}"))
            .x_desc(x_desc)
            .label_style((FONT, 14))
            .draw()
            .map_err(drawing)?;
        for (s, color) in series.iter().zip(LINES) {
            let points: Vec<(f64, f64)> = s
                .points
                .iter()
                .enumerate()
                .map(|(i, p)| (i as f64, f64_of(p.1)))
                .collect();
            chart
                .draw_series(LineSeries::new(points.clone(), color.stroke_width(2)))
                .map_err(drawing)?
                .label(&s.name)
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
                });
            chart
                .draw_series(
                    points
                        .into_iter()
                        .map(|p| Circle::new(p, 3, color.filled())),
                )
                .map_err(drawing)?;
        }
        legend(&mut chart)?;
        root.present().map_err(drawing)?;
    }
    Ok(Chart {
        file,
        svg: annotated(svg, &title, &series),
        title,
        series,
    })
}

/// Counts by group as bars: per group a bar per subsidy, its gainers up and its losers down
/// (the series come in pairs, gain then lose, per subsidy).
fn bar_chart(
    file: &'static str,
    [title, subtitle]: [String; 2],
    y_desc: String,
    labels: Vec<String>,
    series: Vec<Series>,
) -> Result<Chart, String> {
    let n = labels.len().max(1);
    let extent = |k: usize| {
        series
            .iter()
            .skip(k)
            .step_by(2)
            .flat_map(|s| &s.points)
            .map(|p| f64_of(p.1))
            .fold(0.0, f64::max)
    };
    // Room above the bars for the legend, and below them for the losers' counts.
    let (up, down) = (extent(0), extent(1));
    let span = (up + down).max(4.0);
    let (top, bottom) = (up + 0.45 * span, -(down + 0.1 * span));
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        let area = root.titled(&title, (FONT, 20)).map_err(drawing)?;
        let area = area.titled(&subtitle, (FONT, 15)).map_err(drawing)?;
        let mut chart = ChartBuilder::on(&area)
            .margin(20)
            .x_label_area_size(50)
            .y_label_area_size(60)
            .build_cartesian_2d(-0.5..n as f64 - 0.5, bottom..top)
            .map_err(drawing)?;
        let format_x = |x: &f64| label_at(&labels, *x);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .x_labels(n)
            .x_label_formatter(&format_x)
            .y_label_formatter(&|y: &f64| match y.round() {
                whole if (y - whole).abs() < 1e-6 => format!("{}", whole.abs()),
                _ => String::new(),
            })
            .y_desc(y_desc)
            .label_style((FONT, 13))
            .draw()
            .map_err(drawing)?;
        chart
            .draw_series(LineSeries::new(
                [(-0.5, 0.0), (n as f64 - 0.5, 0.0)],
                BLACK.stroke_width(1),
            ))
            .map_err(drawing)?;
        for (k, (s, color)) in series.iter().zip(BARS).enumerate() {
            let (slot, sign) = ((k / 2) as f64, if k % 2 == 0 { 1.0 } else { -1.0 });
            let bars = s.points.iter().enumerate().map(move |(i, p)| {
                let left = i as f64 - 0.4 + 0.4 * slot;
                Rectangle::new(
                    [(left + 0.02, 0.0), (left + 0.38, sign * f64_of(p.1))],
                    color.filled(),
                )
            });
            chart
                .draw_series(bars)
                .map_err(drawing)?
                .label(&s.name)
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 5), (x + 12, y + 5)], color.filled())
                });
            // Each count at its bar's end.
            let anchor = if sign > 0.0 { VPos::Bottom } else { VPos::Top };
            let style = TextStyle::from((FONT, 12).into_font()).pos(Pos::new(HPos::Center, anchor));
            let counts = s
                .points
                .iter()
                .enumerate()
                .filter(|(_, p)| !p.1.is_zero())
                .map(|(i, p)| {
                    let middle = i as f64 - 0.2 + 0.4 * slot;
                    Text::new(p.1.to_string(), (middle, sign * f64_of(p.1)), style.clone())
                });
            chart.draw_series(counts).map_err(drawing)?;
        }
        legend(&mut chart)?;
        root.present().map_err(drawing)?;
    }
    Ok(Chart {
        file,
        svg: annotated(svg, &title, &series),
        title,
        series,
    })
}

/// The legend, in the upper right corner.
fn legend<'a, DB: DrawingBackend + 'a>(
    chart: &mut ChartContext<
        'a,
        DB,
        Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
    >,
) -> Result<(), String> {
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .label_font((FONT, 14))
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()
        .map_err(|e| e.to_string())
}

fn drawing<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> String {
    format!("cannot draw a chart: {e}")
}

/// `svg` with a `<title>` and a `<desc>` of every plotted value after its opening tag.
fn annotated(svg: String, title: &str, series: &[Series]) -> String {
    let mut desc = String::from("series\tlabel\tvalue\n");
    for s in series {
        for (label, value) in &s.points {
            let _ = writeln!(desc, "{}\t{}\t{value}", s.name, label);
        }
    }
    let at = svg
        .find("<svg")
        .and_then(|start| svg[start..].find('>').map(|end| start + end + 1))
        .unwrap_or(0);
    format!(
        "{}\n<title>{}</title>\n<desc>{}</desc>{}",
        &svg[..at],
        escaped(title),
        escaped(&desc),
        &svg[at..]
    )
}

/// Text as XML character data.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
