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
use crate::error::{Error, MergeError};
use crate::evaluator::{Evaluator, Judged};
use crate::facts::{OfficeBody, Subsidy};
use crate::json::{JsonLines, JsonProblem, Line};
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
    read_ahead: usize,
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
            read_ahead: READ_AHEAD,
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

    /// How many lines [`RosterScan::read`] (and [`RosterScan::scan`]) reads before it decides
    /// them: 4 unless set, at least 1 and at most [`MAX_READ_AHEAD`]. Records come in the order of
    /// the lines whatever it is; it only says when. Reading a file, a few lines at a time is
    /// faster (DESIGN.md, "Why does the scan read lines in batches?"). Reading a pipe or a socket
    /// whose writer waits for a line's records before it writes the next line, set 1: each line
    /// is then read, checked and decided before the next is read.
    ///
    /// ```
    /// use tianjin_disability_subsidies::{Month, ScanOptions};
    ///
    /// let options = ScanOptions::new(Month::new(2025, 6)?);
    /// assert_eq!(options.read_ahead(), 4);
    /// assert_eq!(options.with_read_ahead(1).read_ahead(), 1);
    /// assert_eq!(options.with_read_ahead(0).read_ahead(), 1);
    /// # Ok::<(), tianjin_disability_subsidies::Error>(())
    /// ```
    pub fn with_read_ahead(mut self, lines: usize) -> ScanOptions {
        self.read_ahead = lines.clamp(1, MAX_READ_AHEAD);
        self
    }

    /// How many lines a scan reads before it decides them (see
    /// [`with_read_ahead`](ScanOptions::with_read_ahead)).
    pub fn read_ahead(&self) -> usize {
        self.read_ahead
    }

    /// Whether scans with these options and with `other` give the same records and totals: all
    /// but when lines are decided.
    fn same_results(&self, other: &ScanOptions) -> bool {
        self.with_read_ahead(1) == other.with_read_ahead(1)
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

    /// How many months before the scanned month a stop may have taken effect and still be
    /// reported.
    pub fn stop_lookback_months(&self) -> u32 {
        self.stop_lookback_months
    }

    /// The first month whose stops are reported.
    pub fn earliest_stop(&self) -> Month {
        self.month.minus(self.stop_lookback_months)
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
    /// Children paid for through an institution first met after [`MAX_INSTITUTIONS`] others:
    /// each was paid by an [`ScanRecord::InstitutionPayment`] of its own, at once, rather than
    /// in the institution's one record at the end (the totals are the same).
    #[serde(default)]
    pub unaggregated_institution_children: u64,
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

impl ScanSummary {
    /// Adds the counts and totals of another part of the same roster's scan: exact, as money is
    /// in fen. (Merging the scans themselves, [`RosterScan::merge`], merges their summaries.)
    pub fn merge(&mut self, other: &ScanSummary) {
        self.lines_read += other.lines_read;
        self.blank += other.blank;
        self.decided += other.decided;
        self.rejected += other.rejected;
        self.outreach_pending += other.outreach_pending;
        self.outreach_overdue += other.outreach_overdue;
        self.entitled_not_receiving += other.entitled_not_receiving;
        self.to_stop += other.to_stop;
        self.unaggregated_institution_children += other.unaggregated_institution_children;
        self.living.merge(&other.living);
        self.nursing.merge(&other.nursing);
        self.total = self.total + other.total;
    }
}

impl PaymentTotal {
    /// Adds another part's payments.
    pub fn merge(&mut self, other: &PaymentTotal) {
        self.persons += other.persons;
        self.to_persons = self.to_persons + other.to_persons;
        self.institution_children += other.institution_children;
        self.to_institutions = self.to_institutions + other.to_institutions;
        self.total = self.total + other.total;
    }

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

/// One part of a roster in memory, as [`split`] cuts it: its bytes, and how many lines come
/// before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part<'a> {
    /// How many lines of the roster come before this part.
    pub lines_before: usize,
    /// The part's lines.
    pub bytes: &'a [u8],
}

/// Cuts a roster in memory into `parts` parts of about equal size at line ends, each with the
/// number of lines before it: for scanning the parts on several threads and merging them
/// ([`RosterScan::merge`]). Fewer parts when the roster is short; at least one.
pub fn split(roster: &[u8], parts: usize) -> Vec<Part<'_>> {
    // No more parts than bytes: each part holds at least one.
    let parts = parts.clamp(1, roster.len().max(1));
    let mut out = Vec::with_capacity(parts);
    let (mut start, mut lines_before) = (0, 0);
    for k in 1..=parts {
        // In u128, so that no length and count can overflow.
        let target = (roster.len() as u128 * k as u128 / parts as u128) as usize;
        let end = if k == parts {
            roster.len()
        } else {
            match roster[target.max(start)..].iter().position(|&b| b == b'\n') {
                Some(i) => target.max(start) + i + 1,
                None => roster.len(),
            }
        };
        if end > start {
            let bytes = &roster[start..end];
            out.push(Part {
                lines_before,
                bytes,
            });
            lines_before += bytes.iter().filter(|&&b| b == b'\n').count();
            start = end;
        }
    }
    if out.is_empty() {
        out.push(Part {
            lines_before: 0,
            bytes: roster,
        });
    }
    out
}

/// The most institutions (per subsidy) a scan aggregates: each one's children are paid by one
/// [`ScanRecord::InstitutionPayment`] at the end. An institution first met after this many is
/// paid a record per child, at once, so that a scan's memory is bounded whatever the roster
/// (see [`ScanSummary::unaggregated_institution_children`]). Tianjin has a few dozen child
/// welfare institutions; the cap is far above any real roster.
pub const MAX_INSTITUTIONS: usize = 10_000;

/// Adds `children` paid `amount` through `institution` to its total, paid at the end by one
/// record; an institution met after [`MAX_INSTITUTIONS`] others is paid at once, by its own
/// record, counted in the summary, so that a scan's memory stays bounded.
fn pay_institution(
    institutions: &mut BTreeMap<(String, Subsidy), (u64, Money)>,
    summary: &mut ScanSummary,
    (institution, subsidy): (&str, Subsidy),
    (children, amount): (u64, Money),
    sink: &mut impl FnMut(ScanRecord),
) {
    let key = (institution.to_owned(), subsidy);
    if let Some(entry) = institutions.get_mut(&key) {
        entry.0 += children;
        entry.1 = entry.1 + amount;
    } else if institutions.len() < MAX_INSTITUTIONS {
        institutions.insert(key, (children, amount));
    } else {
        summary.unaggregated_institution_children += children;
        sink(ScanRecord::InstitutionPayment {
            institution: key.0,
            subsidy,
            children,
            amount,
        });
    }
}

/// A roster read line by line: each line's resident, read and checked, or why it was not. The
/// one way the scan, the reform comparison and the examples read a roster file, so that they
/// count the same lines of the same file the same way.
///
/// Lines are read by [`JsonLines`]: a byte-order mark before line 1 is skipped, a line longer
/// than [`MAX_LINE_BYTES`](crate::json::MAX_LINE_BYTES) or not UTF-8 is
/// [`RosterLine::Unreadable`], a line of white space [`RosterLine::Blank`].
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::roster::{RosterLine, RosterReader};
///
/// let roster = "{\"id\":\"A\"}\n\n{\"id\":\"\"}\n";
/// let mut reader = RosterReader::new(roster.as_bytes());
/// let mut seen = Vec::new();
/// while let Some(line) = reader.next_line()? {
///     seen.push(match line {
///         RosterLine::Resident { line, resident } => format!("{line}: {}", resident.id()),
///         RosterLine::Blank { line } => format!("{line}: blank"),
///         RosterLine::Unreadable { line, problem } => format!("{line}: {problem}"),
///         RosterLine::Rejected { line, error } => format!("{line}: {error}"),
///     });
/// }
/// assert_eq!(seen, ["1: A", "2: blank", "3: id: expected a non-empty id"]);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct RosterReader<R> {
    lines: JsonLines<R>,
    /// Storage for the resident of the current line, kept from line to line (its contents
    /// replaced), which the line that [`next_line`](RosterReader::next_line) gives borrows.
    slot: Option<Resident>,
}

/// One line of a roster, as a [`RosterReader`] gives it.
#[derive(Debug)]
pub enum RosterLine<'a> {
    /// A resident whose facts read and checked.
    Resident {
        /// 1-based line number.
        line: usize,
        /// The resident.
        resident: &'a Resident,
    },
    /// A line of white space only.
    Blank {
        /// 1-based line number.
        line: usize,
    },
    /// A line that is not text: not UTF-8, or too long to hold.
    Unreadable {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        problem: JsonProblem,
    },
    /// A line of text whose facts do not read or do not check.
    Rejected {
        /// 1-based line number.
        line: usize,
        /// Why, naming the field (and, for JSON that does not read, the column within the line:
        /// see [`Error::describe_in_line`]).
        error: Error,
    },
}

impl RosterLine<'_> {
    /// Why the line gives no resident, in `lang`, as a roster report lists it: for a line that
    /// is not text or whose facts do not read or check; none for a resident or a blank line. A
    /// reading error gives its column within the line ([`Error::describe_in_line`]).
    pub fn why_rejected(&self, lang: Language) -> Option<String> {
        match self {
            RosterLine::Resident { .. } | RosterLine::Blank { .. } => None,
            RosterLine::Unreadable { problem, .. } => Some(problem.describe(lang)),
            RosterLine::Rejected { error, .. } => Some(error.describe_in_line(lang)),
        }
    }
}

impl<R: BufRead> RosterReader<R> {
    /// A reader of `reader`'s lines, the first numbered 1.
    pub fn new(reader: R) -> RosterReader<R> {
        RosterReader {
            lines: JsonLines::new(reader),
            slot: None,
        }
    }

    /// The same reader, numbering the next line `after + 1` (see
    /// [`JsonLines::with_lines_before`]).
    pub fn with_lines_before(mut self, after: usize) -> RosterReader<R> {
        self.lines = self.lines.with_lines_before(after);
        self
    }

    /// The same reader, with its own cap on a line's length (see
    /// [`JsonLines::with_max_line_bytes`]).
    pub fn with_max_line_bytes(mut self, bytes: usize) -> RosterReader<R> {
        self.lines = self.lines.with_max_line_bytes(bytes);
        self
    }

    /// How many lines have been read (the number of the last one).
    pub fn lines_read(&self) -> usize {
        self.lines.lines_read()
    }

    /// The next line; `None` at the end of the input.
    ///
    /// # Errors
    ///
    /// An I/O error of the underlying reader.
    pub fn next_line(&mut self) -> std::io::Result<Option<RosterLine<'_>>> {
        let Some(line) = self.lines.next_line()? else {
            return Ok(None);
        };
        Ok(Some(roster_line(&mut self.slot, line)))
    }
}

/// A line of a roster as a resident, read and checked into `slot`, or why not.
fn roster_line<'s>(slot: &'s mut Option<Resident>, line: Line<'_>) -> RosterLine<'s> {
    ReadAhead::of(line).into_line(slot)
}

/// A roster line read and checked, the resident its own: what [`RosterScan::read`] holds of the
/// lines it has read ahead of their rules.
#[allow(
    clippy::large_enum_variant,
    reason = "held in one small batch, reused from batch to batch: boxing the resident would \
              allocate once a line"
)]
enum ReadAhead {
    /// A resident whose facts read and checked.
    Resident { line: usize, resident: Resident },
    /// A line that gives no resident.
    Other(RosterLine<'static>),
}

impl ReadAhead {
    /// A roster line as a resident, read and checked, or why not.
    fn of(line: Line<'_>) -> ReadAhead {
        ReadAhead::Other(match line {
            Line::Blank { number } => RosterLine::Blank { line: number },
            Line::Unreadable { number, problem } => RosterLine::Unreadable {
                line: number,
                problem,
            },
            Line::Json { number, text } => match Resident::read_line(text) {
                Ok(resident) => {
                    return ReadAhead::Resident {
                        line: number,
                        resident,
                    }
                }
                Err(error) => RosterLine::Rejected {
                    line: number,
                    error,
                },
            },
        })
    }

    /// The line as the scan takes it, its resident held in `slot`.
    #[inline]
    fn into_line(self, slot: &mut Option<Resident>) -> RosterLine<'_> {
        match self {
            ReadAhead::Resident { line, resident } => RosterLine::Resident {
                line,
                resident: slot.insert(resident),
            },
            ReadAhead::Other(other) => other,
        }
    }
}

/// How many lines [`RosterScan::read`] reads before it decides them, unless
/// [`ScanOptions::with_read_ahead`] says otherwise: the reading's code and the rules' code then
/// each run a few times in a row, rather than taking turns on every line (see DESIGN.md, "Why does
/// the scan read lines in batches?").
const READ_AHEAD: usize = 4;

/// The most lines a scan reads before it decides them ([`ScanOptions::with_read_ahead`]): the
/// residents of the lines read ahead are held at once.
pub const MAX_READ_AHEAD: usize = 64;

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
            earliest_stop: options.earliest_stop(),
            evaluator: Evaluator::default(),
        })
    }

    /// The same scan, numbering the next line `lines + 1`: for a part of a roster whose first
    /// `lines` lines another scan reads (see [`split`] and [`RosterScan::merge`]). A byte-order
    /// mark is skipped only on line 1.
    pub fn with_lines_before(mut self, lines: usize) -> RosterScan<'p> {
        self.line = lines;
        self
    }

    /// Takes in the scan of another part of the same roster, under the same policy and
    /// options, so that [`finish`](RosterScan::finish) gives the institutions' payments and the
    /// totals of both: the same records and summary as one scan of the whole roster, the records
    /// of each part in its own order. An institution the other part paid and this one has no
    /// room for ([`MAX_INSTITUTIONS`]) is paid at once, through `sink`.
    ///
    /// # Errors
    ///
    /// [`MergeError::DifferentPolicies`] or [`MergeError::DifferentOptions`]: nothing is merged.
    ///
    /// # Examples
    ///
    /// A roster scanned on every core, with identical results to one scan:
    ///
    /// ```
    /// use tianjin_disability_subsidies::roster::split;
    /// use tianjin_disability_subsidies::{Month, Policy, RosterScan, ScanOptions, ScanRecord};
    ///
    /// let policy = Policy::tianjin_2023();
    /// let options = ScanOptions::new(Month::new(2025, 6)?);
    /// let roster = concat!(
    ///     r#"{"id":"A","hukou":[{"place":"tianjin","from":"1970-01-01"}],"certificates":[{"category":"visual","grade":1,"issued":"2020-01-01"}],"#,
    ///     r#""household_assistance":[],"orphan_guarantee":[],"other_benefits":[],"custody":[],"applications":[{"subsidies":["nursing"],"submitted":"2024-01-05"}]}"#,
    ///     "\n\n",
    ///     r#"{"id":"B","certificates":[{"grade":7}]}"#,
    ///     "\n",
    /// );
    /// let parts = split(roster.as_bytes(), 2);
    /// let scans: Vec<(RosterScan, Vec<ScanRecord>)> = std::thread::scope(|s| {
    ///     let handles: Vec<_> = parts
    ///         .iter()
    ///         .map(|part| {
    ///             let policy = &policy;
    ///             s.spawn(move || {
    ///                 let mut records = Vec::new();
    ///                 let mut scan = RosterScan::new(policy, options)?.with_lines_before(part.lines_before);
    ///                 scan.read(part.bytes, &mut |r| records.push(r)).expect("memory");
    ///                 Ok::<_, tianjin_disability_subsidies::Error>((scan, records))
    ///             })
    ///         })
    ///         .collect();
    ///     handles.into_iter().map(|h| h.join().expect("no panic")).collect::<Result<_, _>>()
    /// })?;
    /// let mut records = Vec::new();
    /// let mut merged: Option<RosterScan> = None;
    /// for (scan, part) in scans {
    ///     records.extend(part);
    ///     match &mut merged {
    ///         None => merged = Some(scan),
    ///         Some(m) => m.merge(scan, &mut |r| records.push(r)).expect("same options"),
    ///     }
    /// }
    /// let summary = merged.expect("two parts").finish(|r| records.push(r));
    ///
    /// let mut alone = Vec::new();
    /// let one = RosterScan::new(&policy, options)?.scan(roster.as_bytes(), |r| alone.push(r)).expect("memory");
    /// assert_eq!((summary, records), (one, alone));
    /// # Ok::<(), tianjin_disability_subsidies::Error>(())
    /// ```
    pub fn merge(
        &mut self,
        other: RosterScan<'p>,
        mut sink: impl FnMut(ScanRecord),
    ) -> Result<(), MergeError> {
        // The same policy, or an equal one read twice; a name alone does not say (two versions
        // of a policy may share one).
        if !std::ptr::eq(self.policy, other.policy) && *self.policy != *other.policy {
            return Err(MergeError::DifferentPolicies);
        }
        if !self.options.same_results(&other.options) {
            return Err(MergeError::DifferentOptions);
        }
        self.summary.merge(&other.summary);
        self.line = self.line.max(other.line);
        for ((institution, subsidy), (children, amount)) in other.institutions {
            pay_institution(
                &mut self.institutions,
                &mut self.summary,
                (&institution, subsidy),
                (children, amount),
                &mut sink,
            );
        }
        Ok(())
    }

    /// Reads every line of `reader`, hands each record to `sink`, then finishes the scan.
    ///
    /// Lines are read a few at a time ([`ScanOptions::with_read_ahead`]: 4 unless set), each
    /// checked, then decided in order, so records come out in line order and memory stays flat:
    /// a line longer than 1 MiB is rejected without being held whole, and a byte-order mark
    /// before the first line is skipped.
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
        reader: R,
        sink: &mut impl FnMut(ScanRecord),
    ) -> std::io::Result<()> {
        let mut lines = JsonLines::new(reader).with_lines_before(self.line);
        let read_ahead = self.options.read_ahead;
        let mut batch = Vec::with_capacity(read_ahead);
        let mut slot = None;
        loop {
            // Read a batch, then decide it: the records come in the order of the lines, and
            // after an I/O error those of every line before it have been handed to `sink`.
            let mut ended = Ok(false);
            while batch.len() < read_ahead {
                match lines.next_line() {
                    Ok(Some(line)) => batch.push(ReadAhead::of(line)),
                    Ok(None) => {
                        ended = Ok(true);
                        break;
                    }
                    Err(error) => {
                        ended = Err(error);
                        break;
                    }
                }
            }
            for read in batch.drain(..) {
                self.take(read.into_line(&mut slot), sink);
            }
            if ended? {
                return Ok(());
            }
        }
    }

    /// Counts one line of the roster, and scans its resident or reports why there is none.
    fn take(&mut self, read: RosterLine<'_>, sink: &mut impl FnMut(ScanRecord)) {
        self.line += 1;
        self.summary.lines_read += 1;
        // Why a line gives no resident, written here as `RosterLine::why_rejected` writes it.
        let lang = self.options.language;
        match read {
            RosterLine::Resident { line, resident } => self.checked(line, resident, sink),
            RosterLine::Blank { .. } => self.summary.blank += 1,
            RosterLine::Unreadable { line, problem } => {
                self.rejected(line, problem.describe(lang), sink)
            }
            RosterLine::Rejected { line, error } => {
                self.rejected(line, error.describe_in_line(lang), sink)
            }
        }
    }

    /// Scans one roster line (the next line number), handing its records to `sink`. The text is
    /// the caller's, so the 1 MiB limit of [`scan`](RosterScan::scan) does not apply; a
    /// byte-order mark is skipped on the first line, as by `scan`.
    pub fn line(&mut self, text: &str, sink: &mut impl FnMut(ScanRecord)) {
        let mut slot = None;
        let read = roster_line(&mut slot, Line::of_text(self.line + 1, text));
        self.take(read, sink);
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
                        Some(name) => pay_institution(
                            &mut self.institutions,
                            &mut self.summary,
                            (name, subsidy),
                            (1, amount),
                            sink,
                        ),
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
