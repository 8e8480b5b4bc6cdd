//! The report of a reform costed over a roster, for a policy analyst.

use std::io::BufRead;

use super::roster::{lines_section, rejected_section};
use super::{Column, Kept, Limits, LineCounts, Report, Section, Table};
use crate::decision::{ClauseId, MonthDecision, Used};
use crate::error::Error;
use crate::facts::Subsidy;
use crate::language::Language;
use crate::money::Money;
use crate::policy::Policy;
use crate::reform::{Comparer, Comparison, Cost, Household, MonthComparison, PerSubsidy, Reform};
use crate::render::{json_text, words, Label, Sentence, Which, Words};
use crate::resident::Resident;
use crate::roster::{RosterLine, RosterReader};

/// The report of a reform costed over a roster: what the reform changes, the roster's lines,
/// who gains and who loses, the total, unclaimed, yearly and monthly costs, the costs by
/// disability category, grade and household, and one resident side by side — in either
/// language.
///
/// It reads the roster itself ([`compare_roster`](ReformReport::compare_roster)), with the
/// same [`RosterReader`] as the roster scan, so that both count the same lines of a file the
/// same way; and keeps the first resident who gains (else the first who loses) to show side by
/// side.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::report::ReformReport;
/// use tianjin_disability_subsidies::{Comparer, Language, Month, Policy, Reform};
///
/// let baseline = Policy::tianjin_2023();
/// let reform = Reform::from_json(r#"{ "name": "nursing-250", "overrides": [
///     { "parameter": "nursing_allowance", "from": "2025-01", "value": "250", "source": "what-if" }
/// ] }"#)?;
/// let reformed = reform.apply(&baseline)?;
/// let (first, last) = (Month::new(2025, 1)?, Month::new(2025, 3)?);
/// let mut comparer = Comparer::new(&baseline, &reformed, first, last)?;
/// let mut report = ReformReport::new(&reform, &baseline, &reformed, Language::English);
/// let roster = concat!(
///     r#"{"id":"A","hukou":[{"place":"tianjin","from":"1970-01-01"}],"certificates":[{"category":"visual","grade":1,"issued":"2020-01-01"}],"#,
///     r#""household_assistance":[],"orphan_guarantee":[],"other_benefits":[],"custody":[],"applications":[{"subsidies":["nursing"],"submitted":"2024-01-05"}]}"#,
///     "\n\nnot json\n",
/// );
/// report.compare_roster(&mut comparer, roster.as_bytes()).expect("reading from memory");
/// assert_eq!(report.lines().decided, 1);
/// let text = report
///     .report(&comparer.finish(), "inline", "inline")?
///     .to_text(&|s: &str| s.chars().count());
/// assert!(text.contains("One resident who gains: A"), "{text}");
/// let words = |l: &str| l.split_whitespace().collect::<Vec<_>>().join(" ");
/// assert!(text.lines().any(|l| words(l) == "nursing allowance 600 750 +150"), "{text}");
/// # Ok::<(), tianjin_disability_subsidies::Error>(())
/// ```
#[derive(Debug)]
pub struct ReformReport<'p> {
    reform: &'p Reform,
    baseline: &'p Policy,
    reformed: &'p Policy,
    language: Language,
    /// Lines read, blank ones included.
    read: u64,
    /// Blank lines.
    blank: u64,
    /// Residents decided.
    decided: u64,
    /// The lines rejected: the first of them, with their errors, and how many.
    rejected: Kept<(usize, String)>,
    /// The resident shown side by side, and whether they gain.
    example: Option<(Resident, bool)>,
}

impl<'p> ReformReport<'p> {
    /// The report of `reform`, which made `reformed` from `baseline`, in `language`, keeping the
    /// first [`Limits::default`] rejected lines (the rest are counted).
    pub fn new(
        reform: &'p Reform,
        baseline: &'p Policy,
        reformed: &'p Policy,
        language: Language,
    ) -> ReformReport<'p> {
        ReformReport {
            reform,
            baseline,
            reformed,
            language,
            read: 0,
            blank: 0,
            decided: 0,
            rejected: Kept::new(Limits::default().rejected),
            example: None,
        }
    }

    /// The same report, keeping the first `limits.rejected` rejected lines (the rest are
    /// counted); [`Limits::all`] keeps every one, for a CSV export. Call before the first line
    /// is read: the rejected lines start anew.
    pub fn with_limits(mut self, limits: Limits) -> ReformReport<'p> {
        self.rejected = Kept::new(limits.rejected);
        self
    }

    /// The lines read so far and what became of them.
    pub fn lines(&self) -> LineCounts {
        LineCounts {
            read: self.read,
            blank: self.blank,
            decided: self.decided,
            rejected: self.rejected.total,
        }
    }

    /// Reads a roster (JSON Lines) and adds each resident to `comparer`, counting every line:
    /// blank, rejected (with its error, in the report's language) or decided. Lines are read
    /// as the roster scan reads them ([`RosterReader`]); numbering continues from the lines
    /// read before.
    ///
    /// # Errors
    ///
    /// An I/O error of `reader`, after the lines read before it were counted and compared.
    pub fn compare_roster<R: BufRead>(
        &mut self,
        comparer: &mut Comparer<'_>,
        reader: R,
    ) -> std::io::Result<()> {
        let lang = self.language;
        let mut roster = RosterReader::new(reader).with_lines_before(self.read as usize);
        while let Some(line) = roster.next_line()? {
            self.read += 1;
            let why = line.why_rejected(lang);
            match line {
                RosterLine::Resident { line, resident } => match comparer.add(resident) {
                    Ok(totals) => {
                        self.decided += 1;
                        let gains = Subsidy::ALL
                            .into_iter()
                            .any(|s| totals.reform.get(s) > totals.baseline.get(s));
                        let better = match &self.example {
                            None => totals.reform != totals.baseline,
                            Some((_, gained)) => gains && !gained,
                        };
                        if better {
                            self.example = Some((resident.clone(), gains));
                        }
                    }
                    Err(error) => self.reject(line, error.describe(lang)),
                },
                RosterLine::Blank { .. } => self.blank += 1,
                RosterLine::Unreadable { line, .. } | RosterLine::Rejected { line, .. } => {
                    self.reject(line, why.unwrap_or_default())
                }
            }
        }
        Ok(())
    }

    fn reject(&mut self, line: usize, error: String) {
        self.rejected.push((line, error));
    }

    /// The report of `comparison` (what the comparer gave), naming the reform file and the
    /// roster by `reform_source` and `roster_source`.
    ///
    /// # Errors
    ///
    /// Only [`Error::MonthNotCovered`] when deciding the resident shown side by side, which the
    /// comparer already ruled out.
    pub fn report(
        &self,
        comparison: &Comparison,
        reform_source: &str,
        roster_source: &str,
    ) -> Result<Report, Error> {
        let w = words(self.language);
        let c = comparison;
        let mut report = Report {
            title: w.sentence(&Sentence::ReformTitle {
                name: &self.reform.name,
                reform: &c.reform,
                baseline: &c.baseline,
                first: c.first,
                last: c.last,
            }),
            preamble: vec![w.sentence(&Sentence::ReformFile {
                source: reform_source,
            })],
            sections: Vec::new(),
        };
        report.preamble.extend(super::reform_lines(w, self.reform));
        report.preamble.push(w.sentence(&Sentence::Roster {
            source: roster_source,
        }));
        report.sections.push(lines_section(w, &self.lines()));
        report.sections.push(rejected_section(w, &self.rejected));
        report.sections.push(movers(w, c));
        report.sections.push(per_subsidy(
            w,
            "total_cost",
            w.sentence(&Sentence::TotalHeading {
                first: c.first,
                last: c.last,
            }),
            &c.total.baseline,
            &c.total.reform,
        ));
        let mut unclaimed = per_subsidy(
            w,
            "unclaimed",
            w.sentence(&Sentence::UnclaimedHeading),
            &c.unclaimed.baseline,
            &c.unclaimed.reform,
        );
        unclaimed.notes.push(w.sentence(&Sentence::NewlyEntitled {
            count: c.unclaimed.newly_entitled_residents,
        }));
        report.sections.push(unclaimed);
        report.sections.push(yearly(w, c));
        report.sections.push(monthly(w, c));
        report.sections.push(breakdown(
            w,
            "by_category",
            w.sentence(&Sentence::ByCategoryHeading),
            c.by_category.iter().map(|(category, cost)| {
                let group = match category {
                    Some(category) => category.name(self.language).to_owned(),
                    None => w.label(Label::NoValidCertificate).to_owned(),
                };
                (group, cost)
            }),
        ));
        report.sections.push(breakdown(
            w,
            "by_grade",
            w.sentence(&Sentence::ByGradeHeading),
            c.by_grade.iter().map(|(grade, cost)| {
                let group = match grade {
                    Some(grade) => w.sentence(&Sentence::Grade {
                        grade: grade.number(),
                    }),
                    None => w.label(Label::NoValidCertificate).to_owned(),
                };
                (group, cost)
            }),
        ));
        report.sections.push(breakdown(
            w,
            "by_household",
            w.sentence(&Sentence::ByHouseholdHeading),
            c.by_household.iter().map(|(household, cost)| {
                let label = match household {
                    Household::Dibao => Label::Dibao,
                    Household::DibaoEdge => Label::DibaoEdge,
                    Household::Neither => Label::Neither,
                    Household::Unknown => Label::Unknown,
                };
                (w.label(label).to_owned(), cost)
            }),
        ));
        report.sections.push(self.example(w, c)?);
        Ok(report)
    }

    /// The resident shown side by side: the months that differ, and the first of them.
    fn example(&self, w: &dyn Words, c: &Comparison) -> Result<Section, Error> {
        let Some((resident, gains)) = &self.example else {
            return Ok(Section::new(w.sentence(&Sentence::NoDifference)));
        };
        let mut section = Section::new(w.sentence(&Sentence::ExampleHeading {
            gains: *gains,
            resident: resident.id(),
        }));
        let comparison =
            self.baseline
                .compare_resident(self.reformed, resident, c.first, c.last)?;
        let months: Vec<String> = comparison
            .months
            .iter()
            .filter(|m| m.differs)
            .map(|m| m.month.to_string())
            .collect();
        section.lines.push(w.sentence(&Sentence::MonthsThatDiffer {
            months: &months.join(" "),
        }));
        if let Some(m) = comparison.months.iter().find(|m| m.differs) {
            section.tables.push(side_by_side(w, m));
            for (side, policy, clauses, used) in [
                (
                    Which::Baseline,
                    self.baseline,
                    &m.clauses_only_in_baseline,
                    &m.parameters_only_in_baseline,
                ),
                (
                    Which::Reform,
                    self.reformed,
                    &m.clauses_only_in_reform,
                    &m.parameters_only_in_reform,
                ),
            ] {
                section.notes.push(w.sentence(&Sentence::ClausesOnly {
                    side,
                    clauses: &clause_list(w, clauses),
                }));
                section
                    .notes
                    .push(w.sentence(&Sentence::ParametersOnly { side }));
                if used.is_empty() {
                    section.notes.push(format!("  {}", w.label(Label::None)));
                }
                for u in used {
                    section.notes.push(format!(
                        "  {}",
                        w.sentence(&Sentence::ParameterValue {
                            parameter: u.parameter,
                            value: &parameter_value(policy, u),
                            from: u.from,
                        })
                    ));
                    section.notes.push(format!(
                        "    {}",
                        w.sentence(&Sentence::Source { source: &u.source })
                    ));
                }
            }
        }
        Ok(section)
    }
}

/// The value of the parameter a decision used, as the policy holds it from that month.
fn parameter_value(policy: &Policy, used: &Used) -> String {
    policy
        .parameters()
        .value_at(used.parameter, used.from)
        .map_or_else(|| "?".to_owned(), |view| json_text(&view.value))
}

fn clause_list(w: &dyn Words, clauses: &[ClauseId]) -> String {
    if clauses.is_empty() {
        w.label(Label::None).to_owned()
    } else {
        clauses
            .iter()
            .map(|c| c.id())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A signed difference, `+50`, `-120` or `0`.
fn signed(d: rust_decimal::Decimal) -> String {
    if d.is_sign_positive() && !d.is_zero() {
        format!("+{d}")
    } else {
        d.to_string()
    }
}

fn diff(baseline: Money, reform: Money) -> String {
    signed(reform.as_decimal() - baseline.as_decimal())
}

fn movers(w: &dyn Words, c: &Comparison) -> Section {
    let mut section = Section::new(w.sentence(&Sentence::MoversHeading {
        first: c.first,
        last: c.last,
    }));
    let mut table = Table::new(
        "movers",
        vec![
            Column::left(w.label(Label::Subsidy)),
            Column::right(w.label(Label::Gain)),
            Column::right(w.label(Label::Lose)),
            Column::right(w.label(Label::Unchanged)),
        ],
    );
    for (subsidy, m) in [(Subsidy::Living, c.living), (Subsidy::Nursing, c.nursing)] {
        table.push_row(vec![
            w.sentence(&Sentence::SubsidyName { subsidy }),
            m.gain.to_string(),
            m.lose.to_string(),
            m.unchanged.to_string(),
        ]);
    }
    section.tables.push(table);
    section
}

/// Baseline, reform and difference, per subsidy and both.
fn per_subsidy(
    w: &dyn Words,
    key: &str,
    heading: String,
    baseline: &PerSubsidy,
    reform: &PerSubsidy,
) -> Section {
    let mut section = Section::new(heading);
    let mut table = Table::new(
        key,
        vec![
            Column::left(w.label(Label::Subsidy)),
            Column::right(w.label(Label::Baseline)),
            Column::right(w.label(Label::Reform)),
            Column::right(w.label(Label::Difference)),
        ],
    );
    for subsidy in Subsidy::ALL {
        let (b, r) = (baseline.get(subsidy), reform.get(subsidy));
        table.push_row(vec![
            w.sentence(&Sentence::SubsidyName { subsidy }),
            b.to_string(),
            r.to_string(),
            diff(b, r),
        ]);
    }
    table.push_row(vec![
        w.label(Label::Both).to_owned(),
        baseline.total().to_string(),
        reform.total().to_string(),
        diff(baseline.total(), reform.total()),
    ]);
    section.tables.push(table);
    section
}

fn yearly(w: &dyn Words, c: &Comparison) -> Section {
    let mut section = Section::new(w.sentence(&Sentence::YearlyHeading));
    let mut table = Table::new(
        "yearly",
        vec![
            Column::left(w.label(Label::Year)),
            Column::right(w.label(Label::Months)),
            Column::right(w.label(Label::Baseline)),
            Column::right(w.label(Label::Reform)),
            Column::right(w.label(Label::Difference)),
        ],
    );
    for y in &c.yearly {
        table.push_row(vec![
            y.year.to_string(),
            y.months.to_string(),
            y.baseline.total().to_string(),
            y.reform.total().to_string(),
            diff(y.baseline.total(), y.reform.total()),
        ]);
    }
    section.tables.push(table);
    section
}

fn monthly(w: &dyn Words, c: &Comparison) -> Section {
    let mut section = Section::new(w.sentence(&Sentence::MonthlyHeading));
    let mut table = Table::new(
        "monthly",
        vec![
            Column::left(w.label(Label::Month)),
            Column::right(w.label(Label::Baseline)),
            Column::right(w.label(Label::Reform)),
            Column::right(w.label(Label::Difference)),
        ],
    );
    for m in &c.monthly {
        table.push_row(vec![
            m.month.to_string(),
            m.baseline.total().to_string(),
            m.reform.total().to_string(),
            diff(m.baseline.total(), m.reform.total()),
        ]);
    }
    section.tables.push(table);
    section
}

/// Costs by group: people, and each subsidy under both policies with the difference.
fn breakdown<'c>(
    w: &dyn Words,
    key: &str,
    heading: String,
    groups: impl Iterator<Item = (String, &'c Cost)>,
) -> Section {
    let mut section = Section::new(heading);
    let mut table = Table::new(
        key,
        vec![
            Column::left(w.label(Label::Group)),
            Column::right(w.label(Label::People)),
            Column::right(w.label(Label::LivingBaseline)),
            Column::right(w.label(Label::LivingReform)),
            Column::right(w.label(Label::LivingDifference)),
            Column::right(w.label(Label::NursingBaseline)),
            Column::right(w.label(Label::NursingReform)),
            Column::right(w.label(Label::NursingDifference)),
            Column::right(w.label(Label::BothDifference)),
        ],
    );
    for (group, cost) in groups {
        table.push_row(vec![
            group,
            cost.residents.to_string(),
            cost.baseline.living.to_string(),
            cost.reform.living.to_string(),
            diff(cost.baseline.living, cost.reform.living),
            cost.baseline.nursing.to_string(),
            cost.reform.nursing.to_string(),
            diff(cost.baseline.nursing, cost.reform.nursing),
            signed(cost.difference()),
        ]);
    }
    section.tables.push(table);
    section
}

/// One month under both policies: each subsidy's outcome, and the totals.
fn side_by_side(w: &dyn Words, m: &MonthComparison) -> Table {
    let mut table = Table::new(
        "side_by_side",
        vec![
            Column::left("≠"),
            Column::left(w.label(Label::Subsidy)),
            Column::left(w.label(Label::Baseline)),
            Column::left(w.label(Label::Reform)),
        ],
    )
    .with_title(w.sentence(&Sentence::SideBySide { month: m.month }));
    for subsidy in Subsidy::ALL {
        let (b, r) = (m.baseline.subsidy(subsidy), m.reform.subsidy(subsidy));
        let mark = if b.outcome == r.outcome { "" } else { "≠" };
        table.push_row(vec![
            mark.to_owned(),
            w.sentence(&Sentence::SubsidyName { subsidy }),
            w.outcome(&b.outcome),
            w.outcome(&r.outcome),
        ]);
    }
    let total = |d: &MonthDecision| d.total.to_string();
    table.push_row(vec![
        String::new(),
        w.label(Label::Total).to_owned(),
        total(&m.baseline),
        total(&m.reform),
    ]);
    table
}

#[cfg(test)]
mod tests {
    use super::super::roster::more;
    use super::*;

    #[test]
    fn a_difference_is_signed() {
        assert_eq!(signed(rust_decimal::Decimal::new(50, 0)), "+50");
        assert_eq!(signed(rust_decimal::Decimal::new(-120, 0)), "-120");
        assert_eq!(signed(rust_decimal::Decimal::ZERO), "0");
    }

    #[test]
    fn more_is_said_only_when_some_are_not_shown() {
        let w = words(Language::English);
        let mut table = Table::new("t", vec![Column::left("a")]);
        more(w, &mut table, 0);
        assert!(table.notes.is_empty());
        more(w, &mut table, 3);
        assert_eq!(table.notes, ["… and 3 more"]);
    }
}
