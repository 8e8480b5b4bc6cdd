//! Reports for people: a roster scan's worklists and payment run ([`RosterReport`]), a
//! reform's costs ([`ReformReport`]) and a policy's parameters and benefit relations at a glance
//! ([`PolicyReport`]), in either language, as aligned text or as CSV.
//!
//! A report is data — a title, sections, tables of cells — so that a service can lay it out its
//! own way; [`Report::to_text`] and [`Table::to_csv`] are two layouts of it. Every word comes
//! from the crate's rendering layer, so a report in Chinese is Chinese throughout (but for what
//! came from the input: ids, names, JSON paths).
//!
//! Anything that came from the input is made safe to print: a control character (an escape
//! sequence, a newline, a tab) in a cell, a title or a line is written as an escape such as
//! `\u{1b}`, so that a roster cannot clear a terminal or forge a line of a report or a log.
//!
//! Text is aligned by a width function the caller passes in: the crate does not guess how wide
//! a character is on a screen. With the `unicode-width` crate:
//!
//! ```
//! use tianjin_disability_subsidies::report::{Align, Column, Table};
//! use unicode_width::UnicodeWidthStr;
//!
//! let table = Table::new(
//!     "people",
//!     vec![Column::left("居民"), Column::right("金额（元）")],
//! )
//! .with_rows(vec![
//!     vec!["TJ001".into(), "300".into()],
//!     vec!["王\u{1b}[2J".into(), "1200".into()],
//! ]);
//! assert_eq!(
//!     table.to_text(&|s: &str| s.width()),
//!     concat!(
//!         "居民         金额（元）\n",
//!         "TJ001               300\n",
//!         "王\\u{1b}[2J        1200\n",
//!     )
//! );
//! assert_eq!(table.to_csv(), "居民,金额（元）\nTJ001,300\n王\\u{1b}[2J,1200\n");
//! ```

mod policy;
mod reform;
mod roster;

use std::fmt::Write as _;

pub use crate::render::printable;
pub use policy::PolicyReport;
pub use reform::ReformReport;
pub use roster::{Limits, RosterReport};

/// How a column's cells are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text: against the left edge.
    Left,
    /// Numbers: against the right edge.
    Right,
}

/// A column of a [`Table`]: its header and alignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The header, in the report's language (may be empty).
    pub header: String,
    /// How the cells are aligned.
    pub align: Align,
}

impl Column {
    /// A column of text.
    pub fn left(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            align: Align::Left,
        }
    }

    /// A column of numbers.
    pub fn right(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            align: Align::Right,
        }
    }
}

/// A row of a [`Table`]: its cells, and how far it sits under the rows above it — an
/// institution under "children in institutions". The indentation is the row's, not a cell's:
/// text indents the first cell two spaces a level, and CSV gives every cell as it is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// Levels under the rows above: 0 for a row of its own, 1 for a row that breaks down the
    /// one above it.
    pub indent: u8,
    /// The cells, one per column.
    pub cells: Vec<String>,
}

impl Row {
    /// A row of its own (not indented).
    pub fn new(cells: Vec<String>) -> Row {
        Row { indent: 0, cells }
    }

    /// A row that breaks down the row above it: indented one level.
    pub fn under(cells: Vec<String>) -> Row {
        Row { indent: 1, cells }
    }
}

impl<I: std::slice::SliceIndex<[String]>> std::ops::Index<I> for Row {
    type Output = I::Output;

    /// A cell (`row[1]`) or a run of cells (`row[2..4]`), as of the row's `cells`.
    ///
    /// # Panics
    ///
    /// When the row has no such cell, as a slice would.
    fn index(&self, index: I) -> &I::Output {
        &self.cells[index]
    }
}

impl<I: std::slice::SliceIndex<[String]>> std::ops::IndexMut<I> for Row {
    /// A cell (`row[1]`) or a run of cells, to change in place.
    ///
    /// # Panics
    ///
    /// When the row has no such cell, as a slice would.
    fn index_mut(&mut self, index: I) -> &mut I::Output {
        &mut self.cells[index]
    }
}

impl From<Vec<String>> for Row {
    /// A row of its own.
    fn from(cells: Vec<String>) -> Row {
        Row::new(cells)
    }
}

/// A table: columns, rows of cells, and notes under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// A stable, language-independent name (`payments_living`, `by_grade`, …): a CSV file's
    /// name.
    pub key: String,
    /// The title above it, if any, in the report's language.
    pub title: Option<String>,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows: one cell per column (a short row is padded with empty cells; a longer one is
    /// shown whole, under columns without a header).
    pub rows: Vec<Row>,
    /// Lines under the table (a check, "… and 12 more").
    pub notes: Vec<String>,
}

impl Table {
    /// An empty table.
    pub fn new(key: impl Into<String>, columns: Vec<Column>) -> Table {
        Table {
            key: key.into(),
            title: None,
            columns,
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The same table with a title.
    pub fn with_title(mut self, title: impl Into<String>) -> Table {
        self.title = Some(title.into());
        self
    }

    /// Adds a row at the end (a [`Row`], or its cells for a row of its own).
    pub fn push_row(&mut self, row: impl Into<Row>) {
        self.rows.push(row.into());
    }

    /// The same table with these rows (each a [`Row`], or its cells for a row of its own).
    pub fn with_rows<R: Into<Row>>(mut self, rows: impl IntoIterator<Item = R>) -> Table {
        self.rows = rows.into_iter().map(Into::into).collect();
        self
    }

    /// The table as aligned text, without its title: the header, the rows, then the notes, each
    /// line ending in `\n`; columns two spaces apart, each as wide as its widest cell by
    /// `width`, trailing spaces trimmed.
    pub fn to_text(&self, width: &dyn Fn(&str) -> usize) -> String {
        let mut out = String::new();
        self.write_text(&mut out, "", width);
        out
    }

    /// How many columns the table shows: its columns, or more when a row has more cells (a
    /// cell is never dropped; the extra columns have no header and are aligned left).
    fn width_in_columns(&self) -> usize {
        self.rows
            .iter()
            .map(|row| row.cells.len())
            .max()
            .unwrap_or(0)
            .max(self.columns.len())
    }

    /// Column `i`'s header and alignment (none and left beyond the columns).
    fn column(&self, i: usize) -> (&str, Align) {
        self.columns
            .get(i)
            .map_or(("", Align::Left), |c| (c.header.as_str(), c.align))
    }

    fn write_text(&self, out: &mut String, indent: &str, width: &dyn Fn(&str) -> usize) {
        let n = self.width_in_columns();
        // A row's first cell carries its indentation.
        let cells = |row: &Row, i: usize| -> String {
            let cell = row.cells.get(i).map_or("", String::as_str);
            let indent = if i == 0 { usize::from(row.indent) } else { 0 };
            format!("{}{}", "  ".repeat(indent), printable(cell))
        };
        let header: Vec<String> = (0..n)
            .map(|i| printable(self.column(i).0).into_owned())
            .collect();
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| (0..n).map(|i| cells(row, i)).collect())
            .collect();
        let widths: Vec<usize> = (0..n)
            .map(|i| {
                std::iter::once(&header[i])
                    .chain(rows.iter().map(|r| &r[i]))
                    .map(|c| width(c))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let has_header = header.iter().any(|h| !h.is_empty());
        for row in has_header.then_some(&header).into_iter().chain(&rows) {
            let mut line = String::from(indent);
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let pad = " ".repeat(widths[i].saturating_sub(width(cell)));
                match self.column(i).1 {
                    Align::Left => {
                        line.push_str(cell);
                        line.push_str(&pad);
                    }
                    Align::Right => {
                        line.push_str(&pad);
                        line.push_str(cell);
                    }
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        for note in &self.notes {
            let _ = writeln!(out, "{indent}{}", printable(note));
        }
    }

    /// The table as CSV (RFC 4180): the header, then one line per row; no title, no notes, no
    /// indentation (it is the text layout's, not part of a cell: every cell is given as it is,
    /// spaces and all). A cell with a comma or a quote, or with a space at either end (which some
    /// readers would trim), is quoted; control characters are escaped as in text.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        let line = |out: &mut String, cells: &mut dyn Iterator<Item = &str>| {
            let fields: Vec<String> = cells.map(csv_field).collect();
            out.push_str(&fields.join(","));
            out.push('\n');
        };
        let n = self.width_in_columns();
        line(&mut out, &mut (0..n).map(|i| self.column(i).0));
        for row in &self.rows {
            line(
                &mut out,
                &mut (0..n).map(|i| row.cells.get(i).map_or("", String::as_str)),
            );
        }
        out
    }
}

/// One part of a [`Report`]: a heading, lines of text, tables, and notes after them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Section {
    /// The heading.
    pub heading: String,
    /// Lines under the heading, before the tables.
    pub lines: Vec<String>,
    /// The tables.
    pub tables: Vec<Table>,
    /// Lines after the tables.
    pub notes: Vec<String>,
}

impl Section {
    /// A section with a heading and nothing under it yet.
    pub fn new(heading: impl Into<String>) -> Section {
        Section {
            heading: heading.into(),
            ..Section::default()
        }
    }
}

/// A report: a title, lines under it, and sections.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// The title.
    pub title: String,
    /// Lines under the title (where the data came from, what was applied).
    pub preamble: Vec<String>,
    /// The sections.
    pub sections: Vec<Section>,
}

impl Report {
    /// The report as text: the title and preamble, then each section after a blank line, its
    /// heading at the margin and what it holds indented; a table's title is indented by two
    /// spaces and its rows by four.
    pub fn to_text(&self, width: &dyn Fn(&str) -> usize) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", printable(&self.title));
        for line in &self.preamble {
            let _ = writeln!(out, "{}", printable(line));
        }
        for section in &self.sections {
            let _ = writeln!(out, "\n{}", printable(&section.heading));
            for line in &section.lines {
                let _ = writeln!(out, "  {}", printable(line));
            }
            for table in &section.tables {
                let indent = match &table.title {
                    Some(title) => {
                        let _ = writeln!(out, "  {}", printable(title));
                        "    "
                    }
                    None => "  ",
                };
                table.write_text(&mut out, indent, width);
            }
            for note in &section.notes {
                let _ = writeln!(out, "  {}", printable(note));
            }
        }
        out
    }

    /// Every table of the report, in order: what a CSV export writes, one file per
    /// [`Table::key`].
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.sections.iter().flat_map(|s| &s.tables)
    }
}

/// A reform's description and its overrides, each with its source, as lines under a report's
/// title.
fn reform_lines(w: &dyn crate::render::Words, reform: &crate::reform::Reform) -> Vec<String> {
    use crate::render::Sentence;
    let mut lines = Vec::new();
    if !reform.description.is_empty() {
        lines.push(format!("  {}", reform.description));
    }
    for o in &reform.overrides {
        lines.push(format!(
            "  {}",
            w.sentence(&Sentence::Override {
                parameter: o.parameter,
                from: o.from,
                value: &crate::render::json_text(&o.value),
            })
        ));
        lines.push(format!(
            "    {}",
            w.sentence(&Sentence::Source { source: &o.source })
        ));
    }
    lines
}

/// How many lines of a roster were read, and what became of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineCounts {
    /// Lines read, blank ones included.
    pub read: u64,
    /// Blank lines.
    pub blank: u64,
    /// Residents decided.
    pub decided: u64,
    /// Lines rejected.
    pub rejected: u64,
}

impl LineCounts {
    /// Whether every line read is counted once: read = blank + decided + rejected.
    pub fn balanced(&self) -> bool {
        self.read == self.blank + self.decided + self.rejected
    }
}

/// A CSV field: escaped as [`printable`], quoted when it holds a comma or a quote.
fn csv_field(cell: &str) -> String {
    let cell = printable(cell);
    if cell.contains([',', '"']) || cell.starts_with(' ') || cell.ends_with(' ') {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.into_owned()
    }
}

/// The first `n` of a list and how many there were: what a report keeps of a list that may be
/// long, so that its memory is bounded.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Kept<T> {
    first: Vec<T>,
    total: u64,
    limit: usize,
}

impl<T> Kept<T> {
    fn new(limit: usize) -> Kept<T> {
        Kept {
            first: Vec::new(),
            total: 0,
            limit,
        }
    }

    fn push(&mut self, item: T) {
        self.total += 1;
        if self.first.len() < self.limit {
            self.first.push(item);
        }
    }

    /// How many were not kept.
    fn more(&self) -> u64 {
        self.total - self.first.len() as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(printable("a\u{1b}[2Jb\nc\td"), "a\\u{1b}[2Jb\\nc\\td");
        assert!(matches!(printable("王五"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn csv_quotes_commas_and_quotes() {
        let table = Table::new("t", vec![Column::left("a"), Column::right("b")]).with_rows(vec![
            vec!["x,y".into(), "say \"hi\"".into()],
            vec!["z".into()],
        ]);
        assert_eq!(table.to_csv(), "a,b\n\"x,y\",\"say \"\"hi\"\"\"\nz,\n");
    }

    #[test]
    fn a_cell_beyond_the_columns_is_shown_not_dropped() {
        let table = Table::new("t", vec![Column::left("a")])
            .with_rows(vec![vec!["x".into(), "extra".into()]]);
        assert_eq!(table.to_text(&|s: &str| s.chars().count()), "a\nx  extra\n");
        assert_eq!(table.to_csv(), "a,\nx,extra\n");
    }

    #[test]
    fn columns_are_as_wide_as_their_widest_cell() {
        let table =
            Table::new("t", vec![Column::right("n"), Column::left("name")]).with_rows(vec![
                vec!["7".into(), "ab".into()],
                vec!["123".into(), "c".into()],
            ]);
        assert_eq!(
            table.to_text(&|s: &str| s.chars().count()),
            "  n  name\n  7  ab\n123  c\n"
        );
    }
}
