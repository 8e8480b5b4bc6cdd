//! Scanning a whole roster each month: the outreach worklist, 应享未享 (entitled but not
//! receiving), 应退则退 (payments to stop) and the month's payment run.
//!
//! A roster is JSON Lines: one resident's [`Facts`](crate::Facts) per line. The scan streams it:
//! each line is read, decided and handed to the caller as [`ScanRecord`]s, so memory stays flat
//! however long the file. A malformed line becomes a [`ScanRecord::Rejected`] naming its line
//! number and error; every other line is still processed, and the [`ScanSummary`] counts lines
//! read, decided and rejected, so nothing is lost silently.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::decision::{Cause, OutreachStatus, TriggerKind};
use crate::error::Error;
use crate::evaluator::{Evaluator, Judged};
use crate::facts::{OfficeBody, Subsidy};
use crate::language::Language;
use crate::money::Money;
use crate::month::Month;
use crate::policy::Policy;
use crate::resident::Resident;

/// What a scan looks at: the month decided, the day outreach is judged, how far back stops are
/// reported, and the language of a rejected line's error.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::{Month, ScanOptions};
///
/// let options = ScanOptions::new(Month::new(2025, 6)?).with_stop_lookback_months(1);
/// assert_eq!(options.outreach_day().to_string(), "2025-06-01");
/// # Ok::<(), tianjin_disability_subsidies::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanOptions {
    month: Month,
    outreach_day: NaiveDate,
    stop_lookback_months: u32,
    language: Language,
}

impl ScanOptions {
    /// Scan for `month`: its payment run, its 应享未享 and 应退则退, and outreach as of its first
    /// day. Stops are reported when they took effect this month or in the 3 months before, so a
    /// stop recorded late (a death reported weeks after) is still caught.
    pub fn new(month: Month) -> ScanOptions {
        ScanOptions {
            month,
            outreach_day: month.first_day(),
            stop_lookback_months: 3,
            language: Language::English,
        }
    }

    /// Write the error of a [`ScanRecord::Rejected`] in `language` (English unless set), as
    /// [`Error::describe`] does, so that a caseworker can be shown the rejected lines as they are.
    ///
    /// ```
    /// use tianjin_disability_subsidies::{Language, Month, Policy, RosterScan, ScanOptions, ScanRecord};
    ///
    /// let policy = Policy::tianjin_2023();
    /// let options = ScanOptions::new(Month::new(2025, 6)?).with_language(Language::Chinese);
    /// let mut errors = Vec::new();
    /// let mut scan = RosterScan::new(&policy, options)?;
    /// scan.line(r#"{"id": ""}"#, &mut |record| {
    ///     if let ScanRecord::Rejected { error, .. } = record {
    ///         errors.push(error);
    ///     }
    /// });
    /// assert_eq!(errors, ["id：编号不能为空"]);
    /// # Ok::<(), tianjin_disability_subsidies::Error>(())
    /// ```
    pub fn with_language(mut self, language: Language) -> ScanOptions {
        self.language = language;
        self
    }

    /// Judge outreach duties on this day instead of the month's first day.
    pub fn with_outreach_day(mut self, day: NaiveDate) -> ScanOptions {
        self.outreach_day = day;
        self
    }

    /// Report stops that took effect up to `months` before the scanned month (0: this month only).
    pub fn with_stop_lookback_months(mut self, months: u32) -> ScanOptions {
        self.stop_lookback_months = months;
        self
    }

    /// The month scanned.
    pub fn month(&self) -> Month {
        self.month
    }

    /// The day outreach duties are judged.
    pub fn outreach_day(&self) -> NaiveDate {
        self.outreach_day
    }

    /// The language of a rejected line's error.
    pub fn language(&self) -> Language {
        self.language
    }
}

/// One line of a scan's output (serialized with a `"record"` tag, one JSON object per line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "record", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum ScanRecord {
    /// Outreach worklist: a duty not yet met (pending or overdue).
    Outreach {
        /// Roster line.
        line: usize,
        /// Resident id.
        resident: Arc<str>,
        /// What opened the duty.
        trigger: TriggerKind,
        /// The trigger's date.
        date: NaiveDate,
        /// The body that must notify (district and sub-district).
        office: OfficeBody,
        /// The last day to notify.
        deadline: NaiveDate,
        /// Pending (with days left) or overdue.
        status: OutreachStatus,
        /// The subsidies the person may apply for.
        subsidies: Vec<Subsidy>,
    },
    /// 应享未享: meets a subsidy's conditions with no application in force.
    EntitledNotReceiving {
        /// Roster line.
        line: usize,
        /// Resident id.
        resident: Arc<str>,
        /// The subsidy.
        subsidy: Subsidy,
        /// What it would pay this month.
        would_pay: Money,
    },
    /// 应退则退: a claim whose conditions no longer hold.
    ToStop {
        /// Roster line.
        line: usize,
        /// Resident id.
        resident: Arc<str>,
        /// The subsidy.
        subsidy: Subsidy,
        /// The first month not to pay.
        since: Month,
        /// The condition that ceased.
        because: Cause,
    },
    /// This month's payment to a person.
    Payment {
        /// Roster line.
        line: usize,
        /// Resident id.
        resident: Arc<str>,
        /// The subsidy.
        subsidy: Subsidy,
        /// The amount.
        amount: Money,
    },
    /// This month's payment to an institution, for all its children (emitted at the end).
    InstitutionPayment {
        /// The institution.
        institution: String,
        /// The subsidy.
        subsidy: Subsidy,
        /// How many children it is paid for.
        children: u64,
        /// The amount.
        amount: Money,
    },
    /// A line that could not be decided.
    Rejected {
        /// Roster line (1-based).
        line: usize,
        /// The error, naming the field (and, for JSON that does not read, the column within the
        /// line).
        error: String,
    },
}

/// The counts and totals of a scan. Totals reconcile exactly: each subsidy's total is the sum of
/// its [`ScanRecord::Payment`] and [`ScanRecord::InstitutionPayment`] lines.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanSummary {
    /// Lines read, blank ones included (and residents handed to
    /// [`RosterScan::resident`], each counting as a line).
    pub lines_read: u64,
    /// Blank lines, skipped.
    pub blank: u64,
    /// Residents decided.
    pub decided: u64,
    /// Lines rejected.
    pub rejected: u64,
    /// Outreach duties pending.
    pub outreach_pending: u64,
    /// Outreach duties overdue.
    pub outreach_overdue: u64,
    /// 应享未享 entries.
    pub entitled_not_receiving: u64,
    /// 应退则退 entries.
    pub to_stop: u64,
    /// Living allowance payments.
    pub living: PaymentTotal,
    /// Nursing allowance payments.
    pub nursing: PaymentTotal,
    /// Both subsidies together.
    pub total: Money,
}

/// The payment run of one subsidy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentTotal {
    /// Payments to persons.
    pub persons: u64,
    /// What persons receive.
    pub to_persons: Money,
    /// Children paid for through institutions.
    pub institution_children: u64,
    /// What institutions receive.
    pub to_institutions: Money,
    /// Everything.
    pub total: Money,
}

impl PaymentTotal {
    fn add(&mut self, to_institution: bool, amount: Money) {
        if to_institution {
            self.institution_children += 1;
            self.to_institutions = self.to_institutions + amount;
        } else {
            self.persons += 1;
            self.to_persons = self.to_persons + amount;
        }
    }
}

/// The longest line [`RosterScan::scan`] reads; a longer one is rejected and skipped without
/// being held whole, so that memory stays flat whatever the file.
const MAX_LINE_BYTES: usize = 1 << 20;

/// How a line was read.
enum LineRead {
    /// Whole, in the buffer (without its end of line trimmed).
    Whole,
    /// Longer than [`MAX_LINE_BYTES`]: skipped to its end, the buffer empty.
    TooLong,
}

/// Reads the next line into `bytes`; `None` at the end of the input.
fn next_line<R: BufRead>(reader: &mut R, bytes: &mut Vec<u8>) -> std::io::Result<Option<LineRead>> {
    use std::io::Read;
    let limit = MAX_LINE_BYTES as u64 + 1;
    bytes.clear();
    if reader.by_ref().take(limit).read_until(b'\n', bytes)? == 0 {
        return Ok(None);
    }
    if bytes.len() <= MAX_LINE_BYTES || bytes.ends_with(b"\n") {
        return Ok(Some(LineRead::Whole));
    }
    // Too long: skip to the end of the line, a bounded piece at a time.
    loop {
        bytes.clear();
        let n = reader.by_ref().take(limit).read_until(b'\n', bytes)?;
        if n == 0 || bytes.ends_with(b"\n") {
            bytes.clear();
            return Ok(Some(LineRead::TooLong));
        }
    }
}

/// A roster scan in progress: feed it lines, collect records, then [`finish`](RosterScan::finish).
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::{Month, Policy, RosterScan, ScanOptions, ScanRecord};
///
/// let policy = Policy::tianjin_2023();
/// let roster = concat!(
///     r#"{"id":"A","hukou":[{"place":"tianjin","from":"1970-01-01"}],"certificates":[{"category":"visual","grade":1,"issued":"2020-01-01"}],"#,
///     r#""household_assistance":[],"orphan_guarantee":[],"other_benefits":[],"custody":[],"applications":[{"subsidies":["nursing"],"submitted":"2024-01-05"}]}"#,
///     "\n",
///     r#"{"id":"B","certificates":[{"grade":7}]}"#,
///     "\n",
/// );
/// let mut records = Vec::new();
/// let summary = RosterScan::new(&policy, ScanOptions::new(Month::new(2025, 6)?))?
///     .scan(roster.as_bytes(), |record| records.push(record))
///     .expect("reading from memory does not fail");
/// assert_eq!((summary.lines_read, summary.decided, summary.rejected), (2, 1, 1));
/// assert_eq!(summary.nursing.total.to_string(), "200");
/// assert!(matches!(&records[1], ScanRecord::Rejected { line: 2, .. }));
/// # Ok::<(), tianjin_disability_subsidies::Error>(())
/// ```
#[derive(Debug)]
pub struct RosterScan<'p> {
    policy: &'p Policy,
    options: ScanOptions,
    summary: ScanSummary,
    institutions: BTreeMap<(String, Subsidy), (u64, Money)>,
    line: usize,
    /// The last day the claim histories are followed to: the month's last day or the outreach
    /// day, whichever is later.
    until: NaiveDate,
    /// The earliest stop month reported (`stop_lookback_months` before the month).
    earliest_stop: Month,
    /// Evaluates each resident, keeping its storage from line to line.
    evaluator: Evaluator,
}

impl<'p> RosterScan<'p> {
    /// Starts a scan.
    ///
    /// # Errors
    ///
    /// [`Error::MonthNotCovered`] when the policy does not govern the month scanned.
    pub fn new(policy: &'p Policy, options: ScanOptions) -> Result<RosterScan<'p>, Error> {
        policy.check_covers(options.month)?;
        policy.check_covers(Month::of(options.outreach_day))?;
        Ok(RosterScan {
            policy,
            options,
            summary: ScanSummary::default(),
            institutions: BTreeMap::new(),
            line: 0,
            // Coverage of both the month and the outreach day is checked above.
            until: options.month.last_day().max(options.outreach_day),
            earliest_stop: options.month.minus(options.stop_lookback_months),
            evaluator: Evaluator::default(),
        })
    }

    /// Reads every line of `reader`, hands each record to `sink`, then finishes the scan.
    ///
    /// Each line is read, checked and decided before the next is read, so records come out in
    /// line order and memory stays flat: a line longer than 1 MiB is rejected without being
    /// held whole, and a byte-order mark before the first line is skipped.
    ///
    /// # Errors
    ///
    /// Any I/O error of `reader`, `InvalidData` included. A line that is not UTF-8 is a
    /// [`ScanRecord::Rejected`], not an error. The records of the lines before the error have
    /// been handed to `sink`, but the scan is dropped with the institutions' payments and the
    /// totals; to keep them, call [`read`](RosterScan::read) and then
    /// [`finish`](RosterScan::finish).
    pub fn scan<R: BufRead>(
        mut self,
        reader: R,
        mut sink: impl FnMut(ScanRecord),
    ) -> std::io::Result<ScanSummary> {
        self.read(reader, &mut sink)?;
        Ok(self.finish(sink))
    }

    /// Reads every line of `reader` as the roster's next lines, handing each record to `sink`,
    /// without finishing: after an I/O error the scan so far is kept, and
    /// [`finish`](RosterScan::finish) still gives the institutions' payments and the totals of
    /// the lines read before it. Lines are read as by [`scan`](RosterScan::scan).
    ///
    /// # Errors
    ///
    /// An I/O error of `reader`, after the records of the lines read before it.
    pub fn read<R: BufRead>(
        &mut self,
        mut reader: R,
        sink: &mut impl FnMut(ScanRecord),
    ) -> std::io::Result<()> {
        let mut bytes = Vec::new();
        let mut slot = None;
        loop {
            let Some(read) = next_line(&mut reader, &mut bytes)? else {
                return Ok(());
            };
            self.line += 1;
            self.summary.lines_read += 1;
            let line = self.line;
            match read {
                LineRead::TooLong => {
                    let error = match self.options.language {
                        Language::English => {
                            format!("line longer than {MAX_LINE_BYTES} bytes (1 MiB): not read")
                        }
                        Language::Chinese => {
                            format!("该行超过{MAX_LINE_BYTES}字节（1兆字节），未读取")
                        }
                    };
                    self.rejected(line, error, sink)
                }
                LineRead::Whole => match std::str::from_utf8(&bytes) {
                    Err(_) => {
                        let error = match self.options.language {
                            Language::English => "expected UTF-8 text",
                            Language::Chinese => "应为 UTF-8 文本",
                        };
                        self.rejected(line, error.to_owned(), sink)
                    }
                    Ok(text) => {
                        if let Some(text) = self.text_of(text) {
                            self.json(line, text, &mut slot, sink);
                        }
                    }
                },
            }
        }
    }

    /// Scans one roster line (the next line number), handing its records to `sink`. The text is
    /// the caller's, so the 1 MiB limit of [`scan`](RosterScan::scan) does not apply; a
    /// byte-order mark is skipped on the first line, as by `scan`.
    pub fn line(&mut self, text: &str, sink: &mut impl FnMut(ScanRecord)) {
        self.line += 1;
        self.summary.lines_read += 1;
        let Some(text) = self.text_of(text) else {
            return;
        };
        let line = self.line;
        self.json(line, text, &mut None, sink);
    }

    /// The JSON of the current line: trimmed, without a byte-order mark on the first line;
    /// `None` for a blank line, which is counted.
    fn text_of<'t>(&mut self, text: &'t str) -> Option<&'t str> {
        let text = if self.line == 1 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        };
        let text = text.trim();
        if text.is_empty() {
            self.summary.blank += 1;
            return None;
        }
        Some(text)
    }

    /// Scans a resident already read and checked, as the roster's next line: for a service that
    /// holds its residents in memory rather than in a file. Records name the line number the
    /// resident takes: its position (1-based) when the scan is fed only residents, and after
    /// any lines read before.
    ///
    /// # Examples
    ///
    /// ```
    /// use tianjin_disability_subsidies::{Month, Policy, Resident, RosterScan, ScanOptions, ScanRecord};
    ///
    /// let policy = Policy::tianjin_2023();
    /// let resident = Resident::from_json(r#"{"id":"A","hukou":[{"place":"tianjin","from":"1970-01-01"}],
    ///     "certificates":[{"category":"visual","grade":1,"issued":"2020-01-01"}],
    ///     "household_assistance":[],"orphan_guarantee":[],"other_benefits":[],"custody":[],
    ///     "applications":[{"subsidies":["nursing"],"submitted":"2024-01-05"}]}"#)?;
    /// let mut records = Vec::new();
    /// let mut scan = RosterScan::new(&policy, ScanOptions::new(Month::new(2025, 6)?))?;
    /// scan.resident(&resident, &mut |record| records.push(record));
    /// let summary = scan.finish(|record| records.push(record));
    /// assert_eq!(summary.nursing.total.to_string(), "200");
    /// assert!(matches!(&records[0], ScanRecord::Payment { line: 1, .. }));
    /// # Ok::<(), tianjin_disability_subsidies::Error>(())
    /// ```
    pub fn resident(&mut self, resident: &Resident, sink: &mut impl FnMut(ScanRecord)) {
        self.line += 1;
        self.summary.lines_read += 1;
        let line = self.line;
        self.checked(line, resident, sink);
    }

    /// Reads, checks and decides the JSON of one line; `slot` is storage for the resident, kept
    /// from one line to the next (its contents replaced) so that a resident is moved once.
    fn json(
        &mut self,
        line: usize,
        text: &str,
        slot: &mut Option<Resident>,
        sink: &mut impl FnMut(ScanRecord),
    ) {
        match Resident::read_into(slot, text) {
            Ok(resident) => self.checked(line, resident, sink),
            Err(error) => {
                let error = error.describe_in_line(self.options.language);
                self.rejected(line, error, sink)
            }
        }
    }

    /// Decides a resident whose facts read and checked.
    fn checked(&mut self, line: usize, resident: &Resident, sink: &mut impl FnMut(ScanRecord)) {
        match self.decide(line, resident, sink) {
            Ok(()) => self.summary.decided += 1,
            Err(error) => {
                let error = error.describe(self.options.language);
                self.rejected(line, error, sink)
            }
        }
    }

    /// Counts and reports a line that could not be decided.
    fn rejected(&mut self, line: usize, error: String, sink: &mut impl FnMut(ScanRecord)) {
        self.summary.rejected += 1;
        sink(ScanRecord::Rejected { line, error });
    }

    /// The records of one resident.
    fn decide(
        &mut self,
        line: usize,
        resident: &Resident,
        sink: &mut impl FnMut(ScanRecord),
    ) -> Result<(), Error> {
        let month = self.options.month;
        let evaluation = self.evaluator.evaluate(self.policy, resident, self.until);
        // Worked out before any record is handed over, so that a line is either decided in full
        // or rejected.
        let months = evaluation.month(month)?;
        for (duty, status) in evaluation.open_duties(self.options.outreach_day) {
            match status {
                OutreachStatus::Pending { .. } => self.summary.outreach_pending += 1,
                _ => self.summary.outreach_overdue += 1,
            }
            sink(ScanRecord::Outreach {
                line,
                resident: Arc::clone(resident.shared_id()),
                trigger: duty.kind,
                date: duty.date,
                office: duty.duty_of,
                deadline: duty.deadline,
                status,
                subsidies: duty.subsidies(),
            });
        }
        for subsidy in Subsidy::ALL {
            let this = months[subsidy as usize];
            match this.judged {
                Judged::Paid {
                    amount,
                    institution,
                } => {
                    let totals = match subsidy {
                        Subsidy::Living => &mut self.summary.living,
                        Subsidy::Nursing => &mut self.summary.nursing,
                    };
                    totals.add(institution.is_some(), amount);
                    match institution {
                        None => sink(ScanRecord::Payment {
                            line,
                            resident: Arc::clone(resident.shared_id()),
                            subsidy,
                            amount,
                        }),
                        Some(name) => {
                            let entry = self
                                .institutions
                                .entry((name.to_owned(), subsidy))
                                .or_insert((0, Money::ZERO));
                            entry.0 += 1;
                            entry.1 = entry.1 + amount;
                        }
                    }
                }
                Judged::Stopped { since, because } if since >= self.earliest_stop => {
                    self.summary.to_stop += 1;
                    sink(ScanRecord::ToStop {
                        line,
                        resident: Arc::clone(resident.shared_id()),
                        subsidy,
                        since,
                        because,
                    });
                }
                _ => {}
            }
            // 应享未享: no application in force, or a stopped claim whose conditions hold again.
            if let Some(would_pay) = this.unclaimed {
                self.summary.entitled_not_receiving += 1;
                sink(ScanRecord::EntitledNotReceiving {
                    line,
                    resident: Arc::clone(resident.shared_id()),
                    subsidy,
                    would_pay,
                });
            }
        }
        Ok(())
    }

    /// Emits the institutions' aggregated payments and returns the summary.
    pub fn finish(mut self, mut sink: impl FnMut(ScanRecord)) -> ScanSummary {
        for ((institution, subsidy), (children, amount)) in self.institutions {
            sink(ScanRecord::InstitutionPayment {
                institution,
                subsidy,
                children,
                amount,
            });
        }
        // The totals are summed once, here, from the two parts kept line by line.
        let summary = &mut self.summary;
        for totals in [&mut summary.living, &mut summary.nursing] {
            totals.total = totals.to_persons + totals.to_institutions;
        }
        summary.total = summary.living.total + summary.nursing.total;
        self.summary
    }
}
