//! Every text the crate writes, in one layer with a Chinese and an English half: decisions and
//! their reasons, outcomes, the names of things, errors, reports.
//!
//! [`Words`] lists every text; [`en::English`] and [`zh::Chinese`] each write all of them, so a
//! text cannot exist in one language only. The types below hold data; this layer gives them
//! words (`Display` in English, `describe(lang)` in either).

mod en;
mod zh;

use std::borrow::Cow;
use std::fmt::{self, Display, Formatter};

use chrono::NaiveDate;

use crate::decision::{
    Cause, Explanation, FactGroup, Finding, GivenUp, MonthDecision, Outcome, OutreachStatus,
    Reason, Schedule, SubsidyDecision, SubsidySummary, TriggerKind,
};
use crate::error::{Error, FactProblem, PolicyProblem, ReformProblem, Refusal};
use crate::facts::{
    AssistanceKind, BenefitKind, Category, CertificateNumberProblem, Channel, CustodyKind,
    InvalidGrade, NotificationForm, OfficeBody, Subsidy,
};
use crate::json::JsonProblem;
use crate::language::{Language, UnknownLanguage};
use crate::money::{AmountError, Money};
use crate::month::{Coverage, InvalidMonth, Month};
use crate::policy::Parameter;
use crate::policy::{BenefitRelation, CountsWhen};

/// Where in a document a reading error is, as a message shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum At {
    /// A line and a column, both 1-based.
    LineColumn(usize, usize),
    /// A column alone, for a document that is one line (a roster line: "line 1" would contradict
    /// the roster's own line number).
    Column(usize),
    /// No position, for a document whose positions would mislead the reader, or a value that
    /// was not read from text.
    Nowhere,
}

impl At {
    /// A position, or none for a value that was not read from text (line 0).
    pub(crate) fn of(line: usize, column: usize) -> At {
        if line == 0 {
            At::Nowhere
        } else {
            At::LineColumn(line, column)
        }
    }
}

/// Every text of the crate, in one language.
pub(crate) trait Words: Sync {
    // The names of things.
    fn subsidy(&self, x: Subsidy) -> &'static str;
    fn category(&self, x: Category) -> &'static str;
    fn assistance(&self, x: AssistanceKind) -> &'static str;
    fn benefit(&self, x: BenefitKind) -> &'static str;
    fn custody(&self, x: CustodyKind) -> &'static str;
    fn channel(&self, x: Channel) -> &'static str;
    fn form(&self, x: NotificationForm) -> &'static str;
    fn body(&self, x: OfficeBody) -> &'static str;
    fn cause(&self, x: Cause) -> &'static str;
    fn fact_group(&self, x: FactGroup) -> &'static str;

    // Decisions.
    fn finding(&self, f: &Finding) -> String;
    fn outcome(&self, o: &Outcome) -> String;
    /// What separates a label from its value: `: ` or `：`.
    fn colon(&self) -> &'static str;
    fn gives_up(&self, g: &GivenUp) -> String;
    fn month_heading(&self, d: &MonthDecision) -> String;
    fn schedule_heading(&self, s: &Schedule) -> String;
    fn subsidy_summary(&self, subsidy: Subsidy, s: &SubsidySummary, resumed: bool) -> String;
    fn reasons_in(&self, month: Month) -> String;

    // Errors.
    /// A JSON path as a message shows it (`.`, the whole document, in words).
    fn path<'p>(&self, path: &'p str) -> &'p str;
    fn reading_error(&self, path: &str, problem: &JsonProblem, at: At) -> String;
    fn json_problem(&self, p: &JsonProblem) -> String;
    fn error(&self, e: &Error) -> String;
    fn fact_problem(&self, p: &FactProblem) -> String;
    fn certificate_number(&self, p: &CertificateNumberProblem) -> String;
    fn policy_problem(&self, p: &PolicyProblem) -> String;
    fn reform_problem(&self, p: &ReformProblem) -> String;
    fn refusal(&self, r: &Refusal) -> String;
    fn coverage(&self, c: &Coverage) -> String;
    fn invalid_month(&self, found: &str) -> String;
    fn amount_error(&self, e: &AmountError) -> String;
    fn invalid_grade(&self, found: u8) -> String;
    fn unknown_clause(&self, found: &str) -> String;
    fn invalid_fact_ref(&self, found: &str) -> String;
    fn unknown_parameter(&self, found: &str) -> String;
    fn unknown_language(&self, found: &str) -> String;
    fn merge_error(&self, e: crate::error::MergeError) -> String;

    // Reports.
    fn label(&self, l: Label) -> &'static str;
    fn sentence(&self, s: &Sentence<'_>) -> String;
}

/// The fixed words of the reports: column headers and row labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    Lines,
    Read,
    Blank,
    Decided,
    Rejected,
    Line,
    Resident,
    Trigger,
    Date,
    Deadline,
    Status,
    For,
    Subsidy,
    WouldPay,
    StoppedFrom,
    Because,
    PaidTo,
    Count,
    Amount,
    Persons,
    ChildrenInInstitutions,
    Total,
    Error,
    Gain,
    Lose,
    Unchanged,
    Baseline,
    Reform,
    Difference,
    Both,
    Year,
    Months,
    Month,
    Group,
    People,
    LivingBaseline,
    LivingReform,
    NursingBaseline,
    NursingReform,
    BothDifference,
    NoValidCertificate,
    Dibao,
    DibaoEdge,
    Neither,
    Unknown,
    None,
    Item,
    LineCount,
    LivingDifference,
    NursingDifference,
    Parameter,
    Name,
    From,
    Value,
    Source,
    Benefit,
    Relation,
    CountsWhen,
    Clause,
}

/// Which policy of a reform comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Which {
    Baseline,
    Reform,
}

/// The sentences of the reports, with their data.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Sentence<'a> {
    RosterTitle {
        month: Month,
        policy: &'a str,
    },
    Roster {
        source: &'a str,
    },
    LinesCheck {
        read: u64,
        blank: u64,
        decided: u64,
        rejected: u64,
        balanced: bool,
    },
    OutreachHeading {
        day: NaiveDate,
        pending: u64,
        overdue: u64,
    },
    OfficeHeading {
        office: OfficeBody,
        pending: u64,
        overdue: u64,
    },
    More {
        count: u64,
    },
    EntitledHeading {
        count: u64,
    },
    ToStopHeading {
        first: Month,
        last: Month,
        count: u64,
    },
    PaymentHeading {
        month: Month,
    },
    SubsidyHeading {
        subsidy: Subsidy,
    },
    PaymentCheck {
        lines: u64,
        persons: Money,
        institutions: Money,
        total: Money,
        ok: bool,
    },
    BothCheck {
        living: Money,
        nursing: Money,
        total: Money,
        ok: bool,
        reconciled: bool,
    },
    RejectedHeading {
        count: u64,
    },
    Trigger {
        trigger: TriggerKind,
    },
    Status {
        status: OutreachStatus,
    },
    Subsidies {
        subsidies: &'a [Subsidy],
    },
    SubsidyName {
        subsidy: Subsidy,
    },
    StopCause {
        cause: Cause,
    },
    ReformTitle {
        name: &'a str,
        reform: &'a str,
        baseline: &'a str,
        first: Month,
        last: Month,
    },
    ReformFile {
        source: &'a str,
    },
    Override {
        parameter: Parameter,
        from: Month,
        value: &'a str,
    },
    ParameterName {
        parameter: Parameter,
    },
    Source {
        source: &'a str,
    },
    MoversHeading {
        first: Month,
        last: Month,
    },
    TotalHeading {
        first: Month,
        last: Month,
    },
    UnclaimedHeading,
    NewlyEntitled {
        count: u64,
    },
    YearlyHeading,
    MonthlyHeading,
    ByCategoryHeading,
    ByGradeHeading,
    ByHouseholdHeading,
    Grade {
        grade: u8,
    },
    ExampleHeading {
        gains: bool,
        resident: &'a str,
    },
    MonthsThatDiffer {
        months: &'a str,
    },
    SideBySide {
        month: Month,
    },
    NoDifference,
    ClausesOnly {
        side: Which,
        clauses: &'a str,
    },
    ParametersOnly {
        side: Which,
    },
    ParameterValue {
        parameter: Parameter,
        value: &'a str,
        from: Month,
    },
    PolicyTitle {
        name: &'a str,
        covers: Coverage,
    },
    PolicyFile {
        source: &'a str,
    },
    DocumentTitle {
        title: &'a str,
    },
    Document {
        document: &'a str,
    },
    ParametersHeading {
        parameters: usize,
        values: usize,
    },
    /// A parameter's value as the policy file writes it (in Chinese, with what a name means).
    Value {
        value: &'a serde_json::Value,
    },
    RelationsHeading {
        kinds: usize,
    },
    Relation {
        relation: BenefitRelation,
    },
    CountsWhen {
        counts_when: Option<CountsWhen>,
    },
    ClausesAt,
}

/// The words of `lang`.
pub(crate) fn words(lang: Language) -> &'static dyn Words {
    match lang {
        Language::Chinese => &zh::Chinese,
        Language::English => &en::English,
    }
}

macro_rules! names {
    ($($ty:ty => $method:ident;)*) => {
        $(
            impl $ty {
                /// The Chinese name.
                pub fn name_zh(self) -> &'static str {
                    zh::Chinese.$method(self)
                }

                /// The English name.
                pub fn name_en(self) -> &'static str {
                    en::English.$method(self)
                }

                /// The name in `lang`.
                pub fn name(self, lang: Language) -> &'static str {
                    words(lang).$method(self)
                }
            }
        )*
    };
}

names! {
    Subsidy => subsidy;
    Category => category;
    AssistanceKind => assistance;
    BenefitKind => benefit;
    CustodyKind => custody;
    Channel => channel;
    NotificationForm => form;
    OfficeBody => body;
}

impl Cause {
    /// In Chinese.
    pub fn describe_zh(self) -> &'static str {
        zh::Chinese.cause(self)
    }

    /// In English.
    pub fn describe_en(self) -> &'static str {
        en::English.cause(self)
    }

    /// In `lang`.
    pub fn describe(self, lang: Language) -> &'static str {
        words(lang).cause(self)
    }
}

impl FactGroup {
    /// The group in Chinese, for explanations.
    pub fn name_zh(self) -> &'static str {
        zh::Chinese.fact_group(self)
    }
}

impl Finding {
    /// What was found, as one sentence in `lang`.
    pub fn describe(&self, lang: Language) -> String {
        words(lang).finding(self)
    }
}

impl Reason {
    /// The reason as one line: `[clause id] finding`.
    pub fn describe(&self, lang: Language) -> String {
        format!("[{}] {}", self.clause, self.finding.describe(lang))
    }
}

impl Outcome {
    /// The outcome as a short phrase in `lang`.
    pub fn describe(&self, lang: Language) -> String {
        words(lang).outcome(self)
    }
}

/// Writes one line of an explanation: `indent`, then `text` with every control character
/// escaped, so that an id or a name from the input cannot break the line or reach a terminal.
fn line(f: &mut Formatter<'_>, indent: &str, text: &str) -> fmt::Result {
    writeln!(f, "{indent}{}", printable(text))
}

/// Writes a reason as one line of an explanation, as [`Reason::describe`] words it: its clause id
/// (plain ASCII) written as it is, and only the finding's text escaped, without the whole line
/// made into a string first.
fn reason_line(
    f: &mut Formatter<'_>,
    indent: &str,
    reason: &Reason,
    lang: Language,
) -> fmt::Result {
    let finding = reason.finding.describe(lang);
    writeln!(f, "{indent}[{}] {}", reason.clause, printable(&finding))
}

fn write_subsidy(f: &mut Formatter<'_>, d: &SubsidyDecision, lang: Language) -> fmt::Result {
    let w = words(lang);
    let heading = format!(
        "{}{}{}",
        w.subsidy(d.subsidy),
        w.colon(),
        w.outcome(&d.outcome)
    );
    line(f, "  ", &heading)?;
    for given in &d.gives_up {
        line(f, "    ", &w.gives_up(given))?;
    }
    for reason in &d.reasons {
        reason_line(f, "    ", reason, lang)?;
    }
    Ok(())
}

impl Display for Explanation<'_, MonthDecision> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let d = self.value;
        line(f, "", &words(self.lang).month_heading(d))?;
        write_subsidy(f, &d.living, self.lang)?;
        write_subsidy(f, &d.nursing, self.lang)?;
        for reason in &d.reasons {
            reason_line(f, "  ", reason, self.lang)?;
        }
        Ok(())
    }
}

impl Display for Explanation<'_, Schedule> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let s = self.value;
        let w = words(self.lang);
        line(f, "", &w.schedule_heading(s))?;
        for m in &s.months {
            let text = format!(
                "{}  {} | {}",
                m.month,
                w.outcome(&m.living.outcome),
                w.outcome(&m.nursing.outcome)
            );
            line(f, "  ", &text)?;
        }
        for subsidy in Subsidy::ALL {
            let summary = s.subsidy(subsidy);
            let resumed = summary.stopped.is_some()
                && s.months.last().is_some_and(|m| {
                    !matches!(m.subsidy(subsidy).outcome, Outcome::Stopped { .. })
                });
            line(f, "  ", &w.subsidy_summary(subsidy, summary, resumed))?;
        }
        if let Some(last) = s.months.last() {
            line(f, "  ", &w.reasons_in(last.month))?;
            write_subsidy(f, &last.living, self.lang)?;
            write_subsidy(f, &last.nursing, self.lang)?;
        }
        Ok(())
    }
}

/// `text` with every control character written as an escape (`\u{1b}`, `\n`): safe to print on
/// a terminal and to write to a log, one line staying one line. Every message and explanation
/// the crate writes goes through it, as does every cell of a report.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::report::printable;
///
/// assert_eq!(printable("R-1\u{1b}[2J\nforged"), "R-1\\u{1b}[2J\\nforged");
/// assert_eq!(printable("王五"), "王五");
/// ```
pub fn printable(text: &str) -> Cow<'_, str> {
    // A control character is a byte below 0x20, 0x7f, or U+0080–U+009F (bytes 0xc2 0x80–0x9f):
    // a scan of the bytes rules them out quickly, the characters are looked at only when it
    // cannot.
    let maybe = text.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xc2);
    if !maybe || !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

impl Error {
    /// The message in `lang`, for a caseworker. In English it is the `Display` text; in Chinese
    /// the same facts, written from the error's data: the field's JSON path, what was expected
    /// and what was found, and where. The JSON keys and values quoted from the input stay as
    /// they came.
    ///
    /// # Examples
    ///
    /// ```
    /// use tianjin_disability_subsidies::{Language, Resident};
    ///
    /// let err = Resident::from_json(r#"{ "id": "R-3", "died_on": "2024-05-01",
    ///     "hukou": [{ "place": "tianjin", "from": "2024-01-01", "to": "2023-12-31" }] }"#)
    ///     .unwrap_err();
    /// assert_eq!(err.describe(Language::English), err.to_string());
    /// assert_eq!(err.describe(Language::Chinese), "hukou[0].to：日期应不早于该时段的起始日2024-01-01，实为2023-12-31");
    /// ```
    pub fn describe(&self, lang: Language) -> String {
        self.describe_at(lang, None)
    }

    /// As [`describe`](Error::describe), but a reading error ([`Error::Json`]) without its line
    /// and column: for a document whose positions would mislead the reader, such as a resident
    /// taken from a larger file and read again on its own. Every other error is as `describe`
    /// gives it.
    ///
    /// # Examples
    ///
    /// ```
    /// use tianjin_disability_subsidies::{Language, Resident};
    ///
    /// let err = Resident::from_json(r#"{ "id": "R-4",
    ///     "certificates": [{ "category": "physical", "grade": 5, "issued": "2020-03-01" }] }"#)
    ///     .unwrap_err();
    /// assert_eq!(
    ///     err.describe_without_position(Language::English),
    ///     "certificates[0].grade: expected a disability grade from 1 to 4, found 5"
    /// );
    /// assert_eq!(
    ///     err.describe_without_position(Language::Chinese),
    ///     "certificates[0].grade：填写有误：应为1至4级的残疾等级，实为5"
    /// );
    /// ```
    pub fn describe_without_position(&self, lang: Language) -> String {
        self.describe_at(lang, Some(At::Nowhere))
    }

    /// As [`describe`](Error::describe), for a document that is one line of a larger file (a
    /// JSON Lines roster): a reading error on the document's first line gives its column alone,
    /// `(column 117)`, since "line 1" would contradict the file's own line number shown beside
    /// it. One on a later line keeps its line and column; every other error is as `describe`
    /// gives it.
    ///
    /// # Examples
    ///
    /// ```
    /// use tianjin_disability_subsidies::{Language, Resident};
    ///
    /// let line = r#"{"id":"R-5","certificates":[{"category":"visual","grade":5,"issued":"2020-03-01"}]}"#;
    /// let err = Resident::from_json(line).unwrap_err();
    /// assert_eq!(
    ///     err.describe_in_line(Language::English),
    ///     "certificates[0].grade: expected a disability grade from 1 to 4, found 5 (column 58)"
    /// );
    /// assert_eq!(
    ///     err.describe_in_line(Language::Chinese),
    ///     "certificates[0].grade：填写有误：应为1至4级的残疾等级，实为5（第58列）"
    /// );
    /// ```
    pub fn describe_in_line(&self, lang: Language) -> String {
        match self {
            Error::Json {
                line: 1, column, ..
            } => self.describe_at(lang, Some(At::Column(*column))),
            _ => self.describe(lang),
        }
    }

    /// The message in `lang`, a reading error's position as `at` says (its own when `None`).
    fn describe_at(&self, lang: Language, at: Option<At>) -> String {
        let w = words(lang);
        let text = match self {
            Error::Json {
                path,
                problem,
                line,
                column,
            } => w.reading_error(path, problem, at.unwrap_or(At::of(*line, *column))),
            other => w.error(other),
        };
        printable(&text).into_owned()
    }
}

/// For each error type: `describe(lang)`, the message in `lang`, and `Display`, the same in
/// English, both from the one text each language gives it.
macro_rules! in_words {
    ($($ty:ty => |$w:ident, $x:ident| $text:expr;)*) => {
        $(
            impl $ty {
                /// The message in `lang`, for a caseworker; in English, the `Display` text.
                pub fn describe(&self, lang: Language) -> String {
                    let ($w, $x) = (words(lang), self);
                    let text: String = $text;
                    printable(&text).into_owned()
                }
            }

            impl Display for $ty {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str(&self.describe(Language::English))
                }
            }

            impl std::error::Error for $ty {}
        )*
    };
}

in_words! {
    FactProblem => |w, x| w.fact_problem(x);
    CertificateNumberProblem => |w, x| w.certificate_number(x);
    JsonProblem => |w, x| w.json_problem(x);
    crate::json::ReadError => |w, x| match x.checked().and_then(|c| c.downcast_ref::<Error>()) {
        // A resident inside the document failed its checks: their own error, placed inside.
        Some(_) => w.error(&Error::from(x.clone())),
        None => w.reading_error(&x.path, &x.problem, At::of(x.line, x.column)),
    };
    PolicyProblem => |w, x| w.policy_problem(x);
    ReformProblem => |w, x| w.reform_problem(x);
    Refusal => |w, x| w.refusal(x);
    InvalidMonth => |w, x| w.invalid_month(&x.found);
    AmountError => |w, x| w.amount_error(x);
    InvalidGrade => |w, x| w.invalid_grade(x.found);
    crate::decision::UnknownClause => |w, x| w.unknown_clause(&x.found);
    crate::decision::InvalidFactRef => |w, x| w.invalid_fact_ref(&x.found);
    crate::policy::UnknownParameter => |w, x| w.unknown_parameter(&x.found);
    UnknownLanguage => |w, x| w.unknown_language(&x.found);
    crate::error::MergeError => |w, x| w.merge_error(*x);
}

impl Display for Coverage {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&words(Language::English).coverage(self))
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Language::English))
    }
}

/// A value as a policy or reform file writes it: a string without its quotes, anything else as
/// JSON.
pub(crate) fn json_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `bytes` as a whole number of mebibytes, when it is one: a line cap as people count it.
pub(crate) fn whole_mebibytes(bytes: usize) -> Option<usize> {
    (bytes > 0 && bytes.is_multiple_of(1 << 20)).then_some(bytes >> 20)
}
