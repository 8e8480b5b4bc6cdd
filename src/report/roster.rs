//! The report of a roster scan, for a caseworker's office.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::{Column, Kept, LineCounts, Report, Row, Section, Table};
use crate::decision::{Cause, OutreachStatus, TriggerKind};
use crate::facts::{OfficeBody, Subsidy};
use crate::money::Money;
use crate::month::Month;
use crate::policy::Policy;
use crate::render::{words, Label, Sentence, Words};
use crate::roster::{ScanOptions, ScanRecord, ScanSummary};

/// How many entries of each list a report keeps and shows; the rest are counted ("… and 12
/// more"). A report's memory is bounded by these, whatever the roster's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Outreach duties, per office.
    pub outreach: usize,
    /// 应享未享 entries.
    pub entitled: usize,
    /// 应退则退 entries.
    pub to_stop: usize,
    /// Institutions, per subsidy.
    pub institutions: usize,
    /// Rejected lines.
    pub rejected: usize,
}

impl Default for Limits {
    /// 5 outreach duties per office, 5 entries of 应享未享, 10 of 应退则退, 20 institutions per
    /// subsidy and 20 rejected lines: a report to read on a screen.
    fn default() -> Limits {
        Limits {
            outreach: 5,
            entitled: 5,
            to_stop: 10,
            institutions: 20,
            rejected: 20,
        }
    }
}

impl Limits {
    /// Every entry of every list: for a CSV export of the whole worklist. Memory then grows
    /// with the lists.
    pub fn all() -> Limits {
        Limits {
            outreach: usize::MAX,
            entitled: usize::MAX,
            to_stop: usize::MAX,
            institutions: usize::MAX,
            rejected: usize::MAX,
        }
    }
}

/// One outreach duty, as the worklist shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Duty {
    line: usize,
    resident: Arc<str>,
    trigger: TriggerKind,
    date: NaiveDate,
    deadline: NaiveDate,
    status: OutreachStatus,
    subsidies: Vec<Subsidy>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Office {
    pending: u64,
    overdue: u64,
    duties: Kept<Duty>,
}

/// The report of a roster scan: fed the scan's records, it keeps counts, sums and the first
/// entries of each list, and gives the [`Report`] a caseworker's office reads — the lines read,
/// the outreach worklist (政策找人) by office, 应享未享, 应退则退, the payment run with its totals
/// reconciled, and the rejected lines — in the scan's language.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::report::RosterReport;
/// use tianjin_disability_subsidies::{Language, Month, Policy, RosterScan, ScanOptions};
///
/// let policy = Policy::tianjin_2023();
/// let options = ScanOptions::new(Month::new(2025, 6)?).with_language(Language::Chinese);
/// let roster = concat!(
///     r#"{"id":"A","hukou":[{"place":"tianjin","from":"1970-01-01"}],"certificates":[{"category":"visual","grade":1,"issued":"2020-01-01"}],"#,
///     r#""household_assistance":[],"orphan_guarantee":[],"other_benefits":[],"custody":[],"applications":[{"subsidies":["nursing"],"submitted":"2024-01-05"}]}"#,
///     "\n",
/// );
/// let mut report = RosterReport::new(&policy, &options);
/// let summary = RosterScan::new(&policy, options)?
///     .scan(roster.as_bytes(), |record| report.add(&record))
///     .expect("reading from memory");
/// assert!(report.reconciles(&summary));
/// let text = report.report(&summary, "内置样本").to_text(&|s: &str| s.chars().count());
/// assert!(text.contains("两项补贴：0 + 200 = 200 = 合计200  ✓ 账目相符"), "{text}");
/// # Ok::<(), tianjin_disability_subsidies::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterReport {
    policy: String,
    /// The scan's options: its month, outreach day, earliest stop and language.
    options: ScanOptions,
    /// How many outreach duties each office's list keeps (the other lists hold their own).
    outreach_limit: usize,
    offices: BTreeMap<OfficeBody, Office>,
    entitled: Kept<(usize, Arc<str>, Subsidy, Money)>,
    to_stop: Kept<(usize, Arc<str>, Subsidy, Month, Cause)>,
    /// Per subsidy (living, nursing): payment lines and their sum.
    persons: [(u64, Money); 2],
    /// Per subsidy: the institutions (name, children, amount) and their sum.
    institutions: [Kept<(String, u64, Money)>; 2],
    institution_sums: [Money; 2],
    rejected: Kept<(usize, String)>,
}

impl RosterReport {
    /// The report of a scan of `policy` with `options` (its month, outreach day, stop lookback
    /// and language), keeping [`Limits::default`] of each list.
    pub fn new(policy: &Policy, options: &ScanOptions) -> RosterReport {
        RosterReport::with(policy.name().to_owned(), *options, Limits::default())
    }

    /// The same report, keeping `limits` of each list. Call before the first record: the lists
    /// start anew.
    pub fn with_limits(self, limits: Limits) -> RosterReport {
        RosterReport::with(self.policy, self.options, limits)
    }

    /// An empty report whose lists keep `limits`: the one place a limit is set.
    fn with(policy: String, options: ScanOptions, limits: Limits) -> RosterReport {
        RosterReport {
            policy,
            options,
            outreach_limit: limits.outreach,
            offices: BTreeMap::new(),
            entitled: Kept::new(limits.entitled),
            to_stop: Kept::new(limits.to_stop),
            persons: [(0, Money::ZERO); 2],
            institutions: [
                Kept::new(limits.institutions),
                Kept::new(limits.institutions),
            ],
            institution_sums: [Money::ZERO; 2],
            rejected: Kept::new(limits.rejected),
        }
    }

    /// Takes in one record of the scan.
    pub fn add(&mut self, record: &ScanRecord) {
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
                let limit = self.outreach_limit;
                let entry = self.offices.entry(*office).or_insert_with(|| Office {
                    pending: 0,
                    overdue: 0,
                    duties: Kept::new(limit),
                });
                match status {
                    OutreachStatus::Pending { .. } => entry.pending += 1,
                    OutreachStatus::Overdue { .. } => entry.overdue += 1,
                    _ => {}
                }
                entry.duties.push(Duty {
                    line: *line,
                    resident: Arc::clone(resident),
                    trigger: *trigger,
                    date: *date,
                    deadline: *deadline,
                    status: *status,
                    subsidies: subsidies.clone(),
                });
            }
            ScanRecord::EntitledNotReceiving {
                line,
                resident,
                subsidy,
                would_pay,
            } => self
                .entitled
                .push((*line, Arc::clone(resident), *subsidy, *would_pay)),
            ScanRecord::ToStop {
                line,
                resident,
                subsidy,
                since,
                because,
            } => self
                .to_stop
                .push((*line, Arc::clone(resident), *subsidy, *since, *because)),
            ScanRecord::Payment {
                subsidy, amount, ..
            } => {
                let sum = &mut self.persons[*subsidy as usize];
                sum.0 += 1;
                sum.1 = sum.1 + *amount;
            }
            ScanRecord::InstitutionPayment {
                institution,
                subsidy,
                children,
                amount,
            } => {
                let i = *subsidy as usize;
                self.institution_sums[i] = self.institution_sums[i] + *amount;
                self.institutions[i].push((institution.clone(), *children, *amount));
            }
            ScanRecord::Rejected { line, error } => self.rejected.push((*line, error.clone())),
        }
    }

    /// Whether the scan's counts balance (every line read counted once) and its totals
    /// reconcile with the records taken in: each subsidy's payment lines and institution lines
    /// sum to its total, and the two totals to the scan's.
    pub fn reconciles(&self, summary: &ScanSummary) -> bool {
        lines(summary).balanced()
            && Subsidy::ALL
                .into_iter()
                .all(|s| self.subsidy_reconciles(summary, s))
            && summary.living.total + summary.nursing.total == summary.total
    }

    fn subsidy_reconciles(&self, summary: &ScanSummary, subsidy: Subsidy) -> bool {
        let totals = match subsidy {
            Subsidy::Living => &summary.living,
            Subsidy::Nursing => &summary.nursing,
        };
        let (count, persons) = self.persons[subsidy as usize];
        let institutions = self.institution_sums[subsidy as usize];
        persons + institutions == totals.total
            && count == totals.persons
            && persons == totals.to_persons
            && institutions == totals.to_institutions
    }

    /// The report, for the scan that gave `summary`, of the roster named `source`.
    pub fn report(&self, summary: &ScanSummary, source: &str) -> Report {
        let w = words(self.options.language());
        let mut report = Report {
            title: w.sentence(&Sentence::RosterTitle {
                month: self.options.month(),
                policy: &self.policy,
            }),
            preamble: vec![w.sentence(&Sentence::Roster { source })],
            sections: Vec::new(),
        };
        report.sections.push(lines_section(w, &lines(summary)));
        report.sections.push(self.outreach(w, summary));
        report.sections.push(self.entitled(w, summary));
        report.sections.push(self.to_stop(w, summary));
        report.sections.push(self.payments(w, summary));
        report.sections.push(rejected_section(w, &self.rejected));
        report
    }

    fn outreach(&self, w: &dyn Words, summary: &ScanSummary) -> Section {
        let mut section = Section::new(w.sentence(&Sentence::OutreachHeading {
            day: self.options.outreach_day(),
            pending: summary.outreach_pending,
            overdue: summary.outreach_overdue,
        }));
        for (office, work) in &self.offices {
            let key = match office {
                OfficeBody::CivilAffairs => "outreach_civil_affairs",
                OfficeBody::DisabledPersonsFederation => "outreach_disabled_persons_federation",
            };
            let mut table = Table::new(
                key,
                vec![
                    Column::right(w.label(Label::Line)),
                    Column::left(w.label(Label::Resident)),
                    Column::left(w.label(Label::Trigger)),
                    Column::left(w.label(Label::Date)),
                    Column::left(w.label(Label::Deadline)),
                    Column::left(w.label(Label::Status)),
                    Column::left(w.label(Label::For)),
                ],
            )
            .with_title(w.sentence(&Sentence::OfficeHeading {
                office: *office,
                pending: work.pending,
                overdue: work.overdue,
            }));
            rows(w, &mut table, &work.duties, |d| {
                vec![
                    d.line.to_string(),
                    d.resident.to_string(),
                    w.sentence(&Sentence::Trigger { trigger: d.trigger }),
                    d.date.to_string(),
                    d.deadline.to_string(),
                    w.sentence(&Sentence::Status { status: d.status }),
                    w.sentence(&Sentence::Subsidies {
                        subsidies: &d.subsidies,
                    }),
                ]
            });
            section.tables.push(table);
        }
        section
    }

    fn entitled(&self, w: &dyn Words, summary: &ScanSummary) -> Section {
        let mut section = Section::new(w.sentence(&Sentence::EntitledHeading {
            count: summary.entitled_not_receiving,
        }));
        let mut table = Table::new(
            "entitled_not_receiving",
            vec![
                Column::right(w.label(Label::Line)),
                Column::left(w.label(Label::Resident)),
                Column::left(w.label(Label::Subsidy)),
                Column::right(w.label(Label::WouldPay)),
            ],
        );
        rows(
            w,
            &mut table,
            &self.entitled,
            |(line, resident, subsidy, would_pay)| {
                vec![
                    line.to_string(),
                    resident.to_string(),
                    w.sentence(&Sentence::SubsidyName { subsidy: *subsidy }),
                    would_pay.to_string(),
                ]
            },
        );
        section.tables.push(table);
        section
    }

    fn to_stop(&self, w: &dyn Words, summary: &ScanSummary) -> Section {
        let mut section = Section::new(w.sentence(&Sentence::ToStopHeading {
            first: self.options.earliest_stop(),
            last: self.options.month(),
            count: summary.to_stop,
        }));
        let mut table = Table::new(
            "to_stop",
            vec![
                Column::right(w.label(Label::Line)),
                Column::left(w.label(Label::Resident)),
                Column::left(w.label(Label::Subsidy)),
                Column::left(w.label(Label::StoppedFrom)),
                Column::left(w.label(Label::Because)),
            ],
        );
        rows(
            w,
            &mut table,
            &self.to_stop,
            |(line, resident, subsidy, since, because)| {
                vec![
                    line.to_string(),
                    resident.to_string(),
                    w.sentence(&Sentence::SubsidyName { subsidy: *subsidy }),
                    since.to_string(),
                    w.sentence(&Sentence::StopCause { cause: *because }),
                ]
            },
        );
        section.tables.push(table);
        section
    }

    fn payments(&self, w: &dyn Words, summary: &ScanSummary) -> Section {
        let mut section = Section::new(w.sentence(&Sentence::PaymentHeading {
            month: self.options.month(),
        }));
        for subsidy in Subsidy::ALL {
            let totals = match subsidy {
                Subsidy::Living => &summary.living,
                Subsidy::Nursing => &summary.nursing,
            };
            let key = match subsidy {
                Subsidy::Living => "payments_living",
                Subsidy::Nursing => "payments_nursing",
            };
            let (count, persons) = self.persons[subsidy as usize];
            let institutions = &self.institutions[subsidy as usize];
            let mut table = Table::new(
                key,
                vec![
                    Column::left(w.label(Label::PaidTo)),
                    Column::right(w.label(Label::Count)),
                    Column::right(w.label(Label::Amount)),
                ],
            )
            .with_title(w.sentence(&Sentence::SubsidyHeading { subsidy }));
            table.push_row(vec![
                w.label(Label::Persons).to_owned(),
                totals.persons.to_string(),
                totals.to_persons.to_string(),
            ]);
            table.push_row(vec![
                w.label(Label::ChildrenInInstitutions).to_owned(),
                totals.institution_children.to_string(),
                totals.to_institutions.to_string(),
            ]);
            rows(w, &mut table, institutions, |(name, children, amount)| {
                // Under "children in institutions": indented by the row, the name as it is.
                Row::under(vec![
                    name.to_string(),
                    children.to_string(),
                    amount.to_string(),
                ])
            });
            table.push_row(vec![
                w.label(Label::Total).to_owned(),
                String::new(),
                totals.total.to_string(),
            ]);
            table.notes.push(w.sentence(&Sentence::PaymentCheck {
                lines: count,
                persons,
                institutions: self.institution_sums[subsidy as usize],
                total: totals.total,
                ok: self.subsidy_reconciles(summary, subsidy),
            }));
            section.tables.push(table);
        }
        section.notes.push(w.sentence(&Sentence::BothCheck {
            living: summary.living.total,
            nursing: summary.nursing.total,
            total: summary.total,
            ok: summary.living.total + summary.nursing.total == summary.total,
            reconciled: self.reconciles(summary),
        }));
        section
    }
}

/// The line counts of a scan.
fn lines(summary: &ScanSummary) -> LineCounts {
    LineCounts {
        read: summary.lines_read,
        blank: summary.blank,
        decided: summary.decided,
        rejected: summary.rejected,
    }
}

/// The entries a report kept of a list, a row each (after the rows `table` has), and "… and 12
/// more" under it for those it did not keep.
pub(super) fn rows<T, R: Into<Row>>(
    w: &dyn Words,
    table: &mut Table,
    kept: &Kept<T>,
    row: impl Fn(&T) -> R,
) {
    table
        .rows
        .extend(kept.first.iter().map(|entry| row(entry).into()));
    more(w, table, kept.more());
}

/// "… and 12 more" under a table that shows only the first of its entries.
pub(super) fn more(w: &dyn Words, table: &mut Table, more: u64) {
    if more > 0 {
        table
            .notes
            .push(w.sentence(&Sentence::More { count: more }));
    }
}

/// The lines read and what became of them, with the check that each was counted once.
pub(super) fn lines_section(w: &dyn Words, counts: &LineCounts) -> Section {
    let mut section = Section::new(w.label(Label::Lines));
    let mut table = Table::new(
        "lines",
        vec![
            Column::left(w.label(Label::Item)),
            Column::right(w.label(Label::LineCount)),
        ],
    );
    for (label, count) in [
        (Label::Read, counts.read),
        (Label::Blank, counts.blank),
        (Label::Decided, counts.decided),
        (Label::Rejected, counts.rejected),
    ] {
        table
            .rows
            .push(vec![w.label(label).to_owned(), count.to_string()].into());
    }
    table.notes.push(w.sentence(&Sentence::LinesCheck {
        read: counts.read,
        blank: counts.blank,
        decided: counts.decided,
        rejected: counts.rejected,
        balanced: counts.balanced(),
    }));
    section.tables.push(table);
    section
}

/// The rejected lines: the first of them with their errors, and how many more.
pub(super) fn rejected_section(w: &dyn Words, rejected: &Kept<(usize, String)>) -> Section {
    let mut section = Section::new(w.sentence(&Sentence::RejectedHeading {
        count: rejected.total,
    }));
    let mut table = Table::new(
        "rejected",
        vec![
            Column::right(w.label(Label::Line)),
            Column::left(w.label(Label::Error)),
        ],
    );
    rows(w, &mut table, rejected, |(line, error)| {
        vec![line.to_string(), error.clone()]
    });
    section.tables.push(table);
    section
}
