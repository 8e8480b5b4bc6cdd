//! The crate's one error type.
//!
//! An error is data: which field (as a JSON path such as `certificates[0].grade`), what was
//! expected and what was found. The rendering layer writes it: `Display` in English,
//! [`Error::describe`] in Chinese or English, lowercase, so that a service can show it to a
//! caseworker as it is. "Not eligible" is never an error: it is an ordinary decision.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::clauses::UnknownClause;
pub use crate::facts::{CertificateNumberProblem, InvalidGrade};
pub use crate::json::problem::JsonProblem;
use crate::language::Language;
pub use crate::language::UnknownLanguage;
pub use crate::money::AmountError;
pub use crate::month::InvalidMonth;
use crate::month::{Coverage, Month};

/// Everything that can go wrong: bad input, a bad policy file, or a month no policy covers.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// JSON that could not be read: malformed, an unknown or repeated field, an array where an
    /// object belongs, a wrong type or an invalid value.
    Json {
        /// Where in the document, e.g. `certificates[0].grade` (`.` for the whole document, which
        /// the message names: "the whole record", 整条记录).
        path: String,
        /// What was wrong, as data.
        problem: Box<JsonProblem>,
        /// 1-based line of the document (0 for a value that was not read from text).
        line: usize,
        /// 1-based column of the document (0 for a value that was not read from text).
        column: usize,
    },
    /// A fact that reads as JSON but cannot be true, e.g. a period that ends before it starts.
    InvalidFact {
        /// The field, as a JSON path such as `household_assistance[1].to`.
        path: String,
        /// What is wrong with it.
        problem: FactProblem,
    },
    /// A month string that is not `YYYY-MM`, or a month chrono cannot represent.
    InvalidMonth {
        /// What was given.
        found: String,
    },
    /// An amount that is negative or not a number.
    InvalidAmount {
        /// What was given.
        found: String,
    },
    /// An amount with a fraction of a fen: more than two decimal places (`12.345`).
    AmountNotInFen {
        /// What was given.
        found: String,
    },
    /// An amount above [`Money::MAX`](crate::Money::MAX).
    AmountTooLarge {
        /// What was given.
        found: String,
        /// The largest amount accepted.
        max: crate::money::Money,
    },
    /// A month that the policy does not govern (clause `in_force`): never a guess.
    MonthNotCovered {
        /// The month asked for.
        month: Month,
        /// The policy's name.
        policy: String,
        /// The months it covers (shown as `2023-08 onwards` or `2023-08 to 2025-12`).
        covers: Coverage,
    },
    /// A range of months whose first month is after its last.
    EmptyRange {
        /// The first month given.
        first: Month,
        /// The last month given.
        last: Month,
    },
    /// A range of months longer than [`MAX_RANGE_MONTHS`](crate::month::MAX_RANGE_MONTHS) (a schedule
    /// or a comparison holds one decision a month).
    RangeTooLong {
        /// The first month given.
        first: Month,
        /// The last month given.
        last: Month,
        /// Months in the range, both ends included.
        months: i64,
        /// The most allowed.
        max: u32,
    },
    /// A reform file that cannot be applied.
    InvalidReform {
        /// Where in the reform file, as a JSON path.
        path: String,
        /// What is wrong.
        problem: ReformProblem,
    },
    /// A policy file that cannot be used.
    InvalidPolicy {
        /// Where in the policy file, as a JSON path.
        path: String,
        /// What is wrong.
        problem: PolicyProblem,
    },
}

impl Error {
    /// The JSON path of the field at fault, where the error is about one.
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::Json { path, .. }
            | Error::InvalidFact { path, .. }
            | Error::InvalidPolicy { path, .. }
            | Error::InvalidReform { path, .. } => Some(path),
            _ => None,
        }
    }

    /// What kind of error this is, for a service to map to a response: malformed JSON
    /// ([`ErrorKind::Syntax`]) apart from a bad value in good JSON ([`ErrorKind::InvalidValue`]),
    /// facts that cannot be true together, a month the policy does not govern, and so on. The
    /// kinds and their names are stable.
    ///
    /// # Examples
    ///
    /// ```
    /// use tianjin_disability_subsidies::{error::ErrorKind, Resident};
    ///
    /// let kind = |json: &str| Resident::from_json(json).unwrap_err().kind();
    /// assert_eq!(kind(r#"{ "id": "R-1", "#), ErrorKind::Syntax);
    /// assert_eq!(kind(r#"{ "id": "R-1", "certificates": [{ "grade": 5 }] }"#), ErrorKind::InvalidValue);
    /// assert_eq!(
    ///     kind(r#"{ "id": "R-1", "died_on": "2020-01-01",
    ///         "hukou": [{ "place": "tianjin", "from": "2021-01-01", "to": "2020-01-01" }] }"#),
    ///     ErrorKind::InconsistentFacts
    /// );
    /// assert_eq!(ErrorKind::InconsistentFacts.name(), "inconsistent_facts");
    /// ```
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Json { problem, .. } => match **problem {
                JsonProblem::Syntax { .. }
                | JsonProblem::TrailingCharacters
                | JsonProblem::NotUtf8
                | JsonProblem::LineTooLong { .. } => ErrorKind::Syntax,
                _ => ErrorKind::InvalidValue,
            },
            Error::InvalidFact { .. } => ErrorKind::InconsistentFacts,
            Error::InvalidMonth { .. }
            | Error::InvalidAmount { .. }
            | Error::AmountNotInFen { .. }
            | Error::AmountTooLarge { .. } => ErrorKind::InvalidValue,
            Error::MonthNotCovered { .. } => ErrorKind::NotCovered,
            Error::EmptyRange { .. } | Error::RangeTooLong { .. } => ErrorKind::InvalidRange,
            Error::InvalidReform { .. } => ErrorKind::InvalidReform,
            Error::InvalidPolicy { .. } => ErrorKind::InvalidPolicy,
        }
    }

    /// The line and column of a reading error in a document of text (1-based), if known.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Error::Json { line, column, .. } if *line > 0 => Some((*line, *column)),
            _ => None,
        }
    }
}

/// What kind of error an [`Error`] is: a stable name a service can map to a response (see
/// README, "Embedding in a service", for a mapping to HTTP statuses). Serialized as its
/// snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text is not JSON: cut short, malformed, followed by more, not UTF-8, a line too long.
    Syntax,
    /// Good JSON with a bad value: a wrong type, an unknown or missing field, a name or amount or
    /// month that is not allowed.
    InvalidValue,
    /// Facts that read but cannot be true together: a period that ends before it starts,
    /// overlapping periods, a certificate number that disagrees with the record, …
    InconsistentFacts,
    /// A month the policy does not govern (clause `in_force`).
    NotCovered,
    /// A range of months that is empty or too long.
    InvalidRange,
    /// A reform that cannot be read or applied.
    InvalidReform,
    /// A policy file that cannot be used: the service's own configuration.
    InvalidPolicy,
}

impl ErrorKind {
    /// Every kind, in order.
    pub const ALL: [ErrorKind; 7] = [
        ErrorKind::Syntax,
        ErrorKind::InvalidValue,
        ErrorKind::InconsistentFacts,
        ErrorKind::NotCovered,
        ErrorKind::InvalidRange,
        ErrorKind::InvalidReform,
        ErrorKind::InvalidPolicy,
    ];

    /// The kind's snake_case name, as in JSON.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "syntax",
            ErrorKind::InvalidValue => "invalid_value",
            ErrorKind::InconsistentFacts => "inconsistent_facts",
            ErrorKind::NotCovered => "not_covered",
            ErrorKind::InvalidRange => "invalid_range",
            ErrorKind::InvalidReform => "invalid_reform",
            ErrorKind::InvalidPolicy => "invalid_policy",
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// An error as a service returns it, in JSON: its kind, where, and the message in one language.
/// Made by [`Error::body`]; `Error` itself serializes as its body in English.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::{Language, Resident};
///
/// let err = Resident::from_json(r#"{"id":"R-1","certificates":[{"grade":5}]}"#).unwrap_err();
/// assert_eq!(
///     serde_json::to_string(&err.body(Language::Chinese))?,
///     r#"{"kind":"invalid_value","path":"certificates[0].grade","line":1,"column":38,"language":"zh","message":"certificates[0].grade：填写有误：应为1至4级的残疾等级，实为5（第1行，第38列）"}"#
/// );
/// assert_eq!(serde_json::to_value(&err)?["kind"], "invalid_value");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorBody {
    /// The kind.
    pub kind: ErrorKind,
    /// The JSON path of the field at fault, where the error is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The 1-based line of a reading error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The 1-based column of a reading error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The language of the message.
    pub language: Language,
    /// The message, as [`Error::describe`] gives it.
    pub message: String,
}

impl Error {
    /// The error as a service returns it: kind, path, position and the message in `lang`.
    pub fn body(&self, lang: Language) -> ErrorBody {
        let (line, column) = self.position().unzip();
        ErrorBody {
            kind: self.kind(),
            path: self.path().map(str::to_owned),
            line,
            column,
            language: lang,
            message: self.describe(lang),
        }
    }
}

impl Serialize for Error {
    /// As its [`ErrorBody`] in English.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.body(Language::English).serialize(serializer)
    }
}

/// What is wrong with a fact that reads as JSON but cannot be true.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FactProblem {
    /// A period whose last day is before its first.
    EndsBeforeStart {
        /// The period's first day.
        from: NaiveDate,
        /// The period's last day as given.
        to: NaiveDate,
    },
    /// A certificate that expires before it was issued.
    ExpiresBeforeIssued {
        /// Issue date.
        issued: NaiveDate,
        /// Expiry date as given.
        expires: NaiveDate,
    },
    /// A certificate cancelled or frozen before it was issued.
    WithdrawnBeforeIssued {
        /// Issue date.
        issued: NaiveDate,
        /// Withdrawal date as given.
        on: NaiveDate,
    },
    /// Two periods of a kind that cannot overlap do.
    AssistanceOverlap {
        /// The JSON path of the other period.
        other: String,
    },
    /// Two household registration periods overlap.
    HukouOverlap {
        /// The JSON path of the other period.
        other: String,
    },
    /// Two orphan guarantee periods overlap.
    OrphanOverlap {
        /// The JSON path of the other period.
        other: String,
    },
    /// Two certificates issued on the same day, both valid that day (reading
    /// `certificate.same_day`).
    SameDayCertificates {
        /// The JSON path of the other certificate.
        other: String,
    },
    /// Two choices for one subsidy from the same day that disagree.
    ConflictingChoices {
        /// The JSON path of the other choice.
        other: String,
    },
    /// An empty resident id.
    EmptyId,
    /// An id or a name longer than [`MAX_TEXT_CHARS`](crate::facts::MAX_TEXT_CHARS).
    TooLong {
        /// The most characters allowed.
        max: usize,
        /// The characters given.
        found: usize,
    },
    /// An application that names no subsidy.
    NoSubsidy,
    /// More back-pay months than the renewal rule allows.
    BackPayOutOfRange {
        /// The most the rule allows.
        max: u8,
        /// What was given.
        found: u8,
    },
    /// Back pay granted to an application that does not follow a renewed certificate.
    BackPayWithoutRenewal,
    /// A welfare-type allowance without its basis.
    MissingWelfareBasis,
    /// A basis given for a benefit that is not welfare-type.
    UnexpectedWelfareBasis,
    /// A certificate number that fails its checks.
    CertificateNumber(CertificateNumberProblem),
}

impl Error {
    /// Checks a range of months for a schedule or a comparison: `first` not after `last`, and at
    /// most [`MAX_RANGE_MONTHS`](crate::month::MAX_RANGE_MONTHS) months.
    pub(crate) fn check_range(first: Month, last: Month) -> Result<(), Error> {
        if first > last {
            return Err(Error::EmptyRange { first, last });
        }
        let months = first.months_until(last) + 1;
        let max = crate::month::MAX_RANGE_MONTHS;
        if months > i64::from(max) {
            return Err(Error::RangeTooLong {
                first,
                last,
                months,
                max,
            });
        }
        Ok(())
    }
}

impl From<crate::month::InvalidMonth> for Error {
    fn from(e: crate::month::InvalidMonth) -> Error {
        Error::InvalidMonth { found: e.found }
    }
}

impl From<crate::money::AmountError> for Error {
    fn from(e: crate::money::AmountError) -> Error {
        use crate::money::AmountError as A;
        match e {
            A::Negative { found } | A::NotANumber { found } => Error::InvalidAmount { found },
            A::TooLarge { found } => Error::AmountTooLarge {
                found,
                max: crate::money::Money::MAX,
            },
            A::NotInFen { found } => Error::AmountNotInFen { found },
        }
    }
}

impl From<crate::json::ReadError> for Error {
    fn from(located: crate::json::ReadError) -> Error {
        // A value inside the document (a resident, a policy) failed its own checks: their
        // error, its path placed inside the document's.
        match located.checked().and_then(|c| c.downcast_ref::<Error>()) {
            Some(Error::InvalidFact { path, problem }) => {
                return Error::InvalidFact {
                    path: within(&located.path, path),
                    problem: problem.clone(),
                }
            }
            Some(Error::InvalidPolicy { path, problem }) => {
                return Error::InvalidPolicy {
                    path: within(&located.path, path),
                    problem: problem.clone(),
                }
            }
            Some(other) => return other.clone(),
            None => {}
        }
        Error::Json {
            path: located.path,
            problem: located.problem,
            line: located.line,
            column: located.column,
        }
    }
}

/// Why [`Resident::from_reader`](crate::Resident::from_reader) gave no resident.
#[derive(Debug)]
#[non_exhaustive]
pub enum ReadResidentError {
    /// The reader failed.
    Io(std::io::Error),
    /// What was read is not a resident: [`Resident::from_json`](crate::Resident::from_json)'s errors.
    Invalid(Error),
}

impl std::fmt::Display for ReadResidentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadResidentError::Io(e) => write!(f, "cannot read the resident: {e}"),
            ReadResidentError::Invalid(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadResidentError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ReadResidentError::Io(e) => Some(e),
            ReadResidentError::Invalid(e) => Some(e),
        }
    }
}

/// Why two partial results cannot be merged: they answer different questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MergeError {
    /// Two scans or comparisons under different policies.
    DifferentPolicies,
    /// Two scans of different months, outreach days, stop lookbacks or languages.
    DifferentOptions,
    /// Two comparisons of different ranges of months.
    DifferentMonths,
    /// Two comparisons whose counts of residents (of a group, or gaining, losing or unchanged)
    /// add up to more than a count holds (`u64::MAX`): comparisons read from damaged JSON.
    CountOverflow,
}

/// The JSON path `inner`, of a value read at `outer` in a larger document: `request.resident` and
/// `hukou[0].to` make `request.resident.hukou[0].to`.
pub(crate) fn within(outer: &str, inner: &str) -> String {
    match (outer, inner) {
        (".", inner) => inner.to_owned(),
        (outer, ".") => outer.to_owned(),
        (outer, inner) if inner.starts_with('[') => format!("{outer}{inner}"),
        (outer, inner) => format!("{outer}.{inner}"),
    }
}

/// What is wrong with a policy file, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PolicyProblem {
    /// The file does not read as a policy.
    Reading {
        /// What was wrong.
        problem: Box<JsonProblem>,
        /// 1-based line (0: unknown).
        line: usize,
        /// 1-based column (0: unknown).
        column: usize,
    },
    /// A parameter without any value.
    NoValues,
    /// A parameter whose first value starts after the policy's first month.
    StartsLate {
        /// The first value's month.
        first: Month,
        /// The policy's first month.
        policy_from: Month,
    },
    /// Values out of the order of their months (or two of one month).
    OutOfOrder {
        /// The value's month.
        found: Month,
        /// The month of the value before it.
        after: Month,
    },
    /// A value without a source.
    NoSource,
    /// A value its parameter does not allow.
    Refused(Refusal),
    /// The months covered end before they start.
    EndsBeforeStart {
        /// The first month.
        from: Month,
        /// The last month as given.
        to: Month,
    },
    /// A benefit kind made to exclude that cannot in this version.
    CannotExclude,
    /// A benefit kind without a relation.
    MissingRelation {
        /// The kind's name in the file.
        kind: String,
    },
}

/// What is wrong with a reform file, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReformProblem {
    /// The file does not read as a reform.
    Reading {
        /// What was wrong.
        problem: Box<JsonProblem>,
        /// 1-based line (0: unknown, as for a value inside the file).
        line: usize,
        /// 1-based column (0: unknown).
        column: usize,
    },
    /// A reform without a name.
    EmptyName,
    /// Overrides of one parameter out of the order of their months.
    OutOfOrder {
        /// The parameter's name.
        parameter: &'static str,
        /// The override's month.
        found: Month,
        /// The month of an earlier override of the parameter.
        after: Month,
    },
    /// An override without a source.
    NoSource,
    /// An override from a month the base policy does not cover.
    NotCovered {
        /// The override's month.
        from: Month,
        /// The base policy's name.
        base: String,
        /// The months the base policy covers.
        covers: Coverage,
    },
    /// A value its parameter does not allow.
    Refused(Refusal),
}

/// A value a parameter does not allow, though it reads as the parameter's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Refusal {
    /// More back-pay months than reading `start.renewal` allows.
    TooManyBackPayMonths {
        /// The most allowed.
        max: u8,
        /// What was given.
        found: u8,
    },
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::InvalidFact {
                problem: FactProblem::CertificateNumber(problem),
                ..
            } => Some(problem),
            _ => None,
        }
    }
}

impl From<CertificateNumberProblem> for FactProblem {
    fn from(problem: CertificateNumberProblem) -> FactProblem {
        FactProblem::CertificateNumber(problem)
    }
}
