//! The crate's one error type.
//!
//! Messages are lowercase, name the field (as a JSON path such as `certificates[0].grade`) and say
//! what was expected and what was found, so that a service can show them to a caseworker as they
//! are. "Not eligible" is never an error: it is an ordinary decision.

use chrono::NaiveDate;

use crate::facts::{Category, Grade};
use crate::month::Month;

/// Everything that can go wrong: bad input, a bad policy file, or a month no policy covers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// JSON that could not be read: malformed, an unknown field, a wrong type or an invalid value.
    #[error("{path}: {message} (line {line}, column {column})")]
    Json {
        /// Where in the document, e.g. `certificates[0].grade` (`.` for the whole document).
        path: String,
        /// What was wrong, as the JSON reader says it.
        message: String,
        /// 1-based line of the document.
        line: usize,
        /// 1-based column of the document.
        column: usize,
    },
    /// A fact that reads as JSON but cannot be true, e.g. a period that ends before it starts.
    #[error("{path}: {problem}")]
    InvalidFact {
        /// The field, as a JSON path such as `household_assistance[1].to`.
        path: String,
        /// What is wrong with it.
        problem: FactProblem,
    },
    /// A month string that is not `YYYY-MM`, or a month chrono cannot represent.
    #[error("expected a month as YYYY-MM, found \"{found}\"")]
    InvalidMonth {
        /// What was given.
        found: String,
    },
    /// An amount that is negative or not a number.
    #[error("expected a non-negative amount in yuan, found \"{found}\"")]
    InvalidAmount {
        /// What was given.
        found: String,
    },
    /// An amount above [`Money::MAX`](crate::Money::MAX).
    #[error("expected an amount of at most {max} yuan, found {found}")]
    AmountTooLarge {
        /// What was given.
        found: String,
        /// The largest amount accepted.
        max: crate::Money,
    },
    /// A month that the policy does not govern (clause `in_force`): never a guess.
    #[error("no loaded policy covers {month}: policy {policy} covers {covers}")]
    MonthNotCovered {
        /// The month asked for.
        month: Month,
        /// The policy's name.
        policy: String,
        /// The months it covers, e.g. `2023-08 onwards`.
        covers: String,
    },
    /// A range of months whose first month is after its last.
    #[error("empty range of months: {first} is after {last}")]
    EmptyRange {
        /// The first month given.
        first: Month,
        /// The last month given.
        last: Month,
    },
    /// A range of months longer than [`MAX_RANGE_MONTHS`](crate::MAX_RANGE_MONTHS) (a schedule
    /// or a comparison holds one decision a month).
    #[error("range of months too long: {first} to {last} is {months} months, at most {max}")]
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
    #[error("reform {path}: {problem}")]
    InvalidReform {
        /// Where in the reform file, as a JSON path.
        path: String,
        /// What is wrong.
        problem: String,
    },
    /// A policy file that cannot be used.
    #[error("policy {path}: {problem}")]
    InvalidPolicy {
        /// Where in the policy file, as a JSON path.
        path: String,
        /// What is wrong.
        problem: String,
    },
}

impl Error {
    /// An [`Error::Json`] from a serde_json error and the path at which it happened.
    pub(crate) fn from_json(path: String, error: &serde_json::Error) -> Error {
        let text = error.to_string();
        // serde_json appends " at line L column C"; the path and our own position replace it.
        let message = match text.rfind(" at line ") {
            Some(cut) => text[..cut].to_owned(),
            None => text,
        };
        // serde names a missing field at its parent; the field itself is what is at fault.
        let path = match message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split_once('`'))
        {
            Some((field, _)) if path == "." => field.to_owned(),
            Some((field, _)) => format!("{path}.{field}"),
            None => path,
        };
        Error::Json {
            path,
            message,
            line: error.line(),
            column: error.column(),
        }
    }

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
}

/// What is wrong with a fact that reads as JSON but cannot be true.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FactProblem {
    /// A period whose last day is before its first.
    #[error("expected a date on or after {from}, found {to}")]
    EndsBeforeStart {
        /// The period's first day.
        from: NaiveDate,
        /// The period's last day as given.
        to: NaiveDate,
    },
    /// A certificate that expires before it was issued.
    #[error("the certificate expires on {expires}, before it was issued on {issued}")]
    ExpiresBeforeIssued {
        /// Issue date.
        issued: NaiveDate,
        /// Expiry date as given.
        expires: NaiveDate,
    },
    /// A certificate cancelled or frozen before it was issued.
    #[error("the certificate is withdrawn on {on}, before it was issued on {issued}")]
    WithdrawnBeforeIssued {
        /// Issue date.
        issued: NaiveDate,
        /// Withdrawal date as given.
        on: NaiveDate,
    },
    /// Two periods of a kind that cannot overlap do.
    #[error("overlaps {other}: a household has one assistance status at a time")]
    AssistanceOverlap {
        /// The JSON path of the other period.
        other: String,
    },
    /// Two household registration periods overlap.
    #[error("overlaps {other}: a person is registered in one place at a time")]
    HukouOverlap {
        /// The JSON path of the other period.
        other: String,
    },
    /// Two orphan guarantee periods overlap.
    #[error("overlaps {other}: a child has one orphan guarantee at a time")]
    OrphanOverlap {
        /// The JSON path of the other period.
        other: String,
    },
    /// An empty resident id.
    #[error("expected a non-empty id")]
    EmptyId,
    /// An application that names no subsidy.
    #[error("expected at least one of \"living\" and \"nursing\", found none")]
    NoSubsidy,
    /// More back-pay months than the renewal rule allows.
    #[error("expected 0 to {max} back-pay months, found {found}")]
    BackPayOutOfRange {
        /// The most the rule allows.
        max: u8,
        /// What was given.
        found: u8,
    },
    /// Back pay granted to an application that does not follow a renewed certificate.
    #[error(
        "expected no back-pay months: back pay is granted only to an application that follows a renewed certificate"
    )]
    BackPayWithoutRenewal,
    /// A welfare-type allowance without its basis.
    #[error("expected the basis of a welfare-type allowance (disabled_on_duty, retired_veteran_cadre or other), found none")]
    MissingWelfareBasis,
    /// A basis given for a benefit that is not welfare-type.
    #[error("expected no basis: only welfare-type allowances have one")]
    UnexpectedWelfareBasis,
    /// A certificate number that fails its checks.
    #[error("{0}")]
    CertificateNumber(#[from] CertificateNumberProblem),
}

/// What is wrong with a 20-digit disability certificate number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CertificateNumberProblem {
    /// Not 20 characters.
    #[error(
        "expected 20 characters (18-digit citizen ID, category digit, grade digit), found {found}"
    )]
    WrongLength {
        /// The number of characters given.
        found: usize,
    },
    /// A character that is not a digit (an `X` is allowed only as the ID's check character).
    #[error("expected a digit at position {position}, found '{found}'")]
    NotADigit {
        /// 1-based position.
        position: usize,
        /// The character found.
        found: char,
    },
    /// The citizen ID's check character does not match (GB 11643, ISO 7064 MOD 11-2).
    #[error("the citizen ID's check character should be '{expected}', found '{found}'")]
    CheckDigit {
        /// What the first 17 digits call for.
        expected: char,
        /// What the number has.
        found: char,
    },
    /// Digits 7–14 of the citizen ID are not a date of birth.
    #[error("the citizen ID's digits 7-14 should be a date of birth, found \"{found}\"")]
    BirthDate {
        /// The eight digits.
        found: String,
    },
    /// The 19th digit is no category.
    #[error("expected a category digit from 1 to 7 at position 19, found '{found}'")]
    UnknownCategory {
        /// The digit.
        found: char,
    },
    /// The 20th digit is no grade.
    #[error("expected a grade digit from 1 to 4 at position 20, found '{found}'")]
    UnknownGrade {
        /// The digit.
        found: char,
    },
    /// The category the number encodes differs from the record's.
    #[error("the number encodes category {}, but the certificate says {}", .in_number.name_en(), .in_record.name_en())]
    CategoryMismatch {
        /// From the 19th digit.
        in_number: Category,
        /// From the `category` field.
        in_record: Category,
    },
    /// The grade the number encodes differs from the record's.
    #[error("the number encodes grade {}, but the certificate says grade {}", .in_number.number(), .in_record.number())]
    GradeMismatch {
        /// From the 20th digit.
        in_number: Grade,
        /// From the `grade` field.
        in_record: Grade,
    },
}
