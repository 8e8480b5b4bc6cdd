//! The crate's one error type.
//!
//! Messages are lowercase, name the field (as a JSON path such as `certificates[0].grade`) and say
//! what was expected and what was found, so that a service can show them to a caseworker as they
//! are. `Display` gives them in English; [`Error::describe`] gives them in Chinese or English, as
//! decisions are. "Not eligible" is never an error: it is an ordinary decision.

use chrono::NaiveDate;

use crate::facts::{Category, Grade};
use crate::json::JsonProblem;
use crate::month::Month;
use crate::policy::Coverage;
use crate::render::Language;

/// Everything that can go wrong: bad input, a bad policy file, or a month no policy covers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// JSON that could not be read: malformed, an unknown or repeated field, an array where an
    /// object belongs, a wrong type or an invalid value.
    #[error("{}", reading_error(.path, .problem, At::of(*.line, *.column), Language::English))]
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
    /// An amount with a fraction of a fen: more than two decimal places (`12.345`).
    #[error("expected an amount in yuan with at most two decimal places (fen), found {found}")]
    AmountNotInFen {
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
        /// The months it covers (shown as `2023-08 onwards` or `2023-08 to 2025-12`).
        covers: Coverage,
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

    /// As [`describe`](Error::describe), but an [`Error::Json`] without its line and column:
    /// for a document whose positions would mislead the reader, such as a resident taken from a
    /// larger file and read again on its own (the line and column would count within the
    /// re-serialized resident, not within the file). Every other error is as `describe` gives it.
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
        match self {
            Error::Json { path, problem, .. } => reading_error(path, problem, At::Nowhere, lang),
            other => other.describe(lang),
        }
    }

    /// As [`describe`](Error::describe), for a document that is one line of a larger file (a
    /// JSON Lines roster): an [`Error::Json`] on the document's first line gives its column
    /// alone, `(column 117)`, since "line 1" would contradict the file's own line number shown
    /// beside it. One on a later line (a document that was not one line after all) keeps its
    /// line and column; every other error is as `describe` gives it.
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
                path,
                problem,
                line: 1,
                column,
            } => reading_error(path, problem, At::Column(*column), lang),
            other => other.describe(lang),
        }
    }

    /// The message in `lang`, for a caseworker. In English it is the `Display` text; in Chinese
    /// the same facts: the field's JSON path, what was expected and what was found. The JSON
    /// reader's message of an [`Error::Json`] is put in Chinese in its usual forms (a wrong value
    /// or type, an unknown or missing field, an unknown variant), with the crate's own
    /// expectations (a grade, a date, an amount, a month, back-pay months) in Chinese too, and so
    /// are the commonest syntax errors (an unfinished document, a missing `,`, `:` or value,
    /// characters after the document). Rarer syntax messages (an invalid escape or number, say),
    /// the JSON keys and values quoted, and the problem of an [`Error::InvalidPolicy`] or
    /// [`Error::InvalidReform`] (written for the analyst who wrote the file) stay as they came.
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
        let Language::Chinese = lang else {
            return self.to_string();
        };
        match self {
            Error::Json {
                path,
                problem,
                line,
                column,
            } => reading_error(path, problem, At::of(*line, *column), lang),
            Error::InvalidFact { path, problem } => {
                format!("{path}：{}", problem.describe(lang))
            }
            Error::InvalidMonth { found } => format!("月份应写作 YYYY-MM，实为“{found}”"),
            Error::InvalidAmount { found } => {
                format!("金额应为不小于零的数（单位：元），实为“{found}”")
            }
            Error::AmountTooLarge { found, max } => format!("金额至多{max}元，实为{found}元"),
            Error::AmountNotInFen { found } => {
                format!("金额至多两位小数（精确到分），实为{found}元")
            }
            Error::MonthNotCovered {
                month,
                policy,
                covers,
            } => format!(
                "已加载的政策均不适用于{month}：政策 {policy} 适用于{}",
                coverage_zh(covers)
            ),
            Error::EmptyRange { first, last } => {
                format!("月份范围为空：起始月{first}晚于终止月{last}")
            }
            Error::RangeTooLong {
                first,
                last,
                months,
                max,
            } => format!("月份范围过长：{first}至{last}共{months}个月，至多{max}个月"),
            Error::InvalidReform { path, problem } => format!("改革方案 {path}：{problem}"),
            Error::InvalidPolicy { path, problem } => format!("政策文件 {path}：{problem}"),
        }
    }
}

/// Where in a document a reading error is.
#[derive(Debug, Clone, Copy)]
enum At {
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
    fn of(line: usize, column: usize) -> At {
        if line == 0 {
            At::Nowhere
        } else {
            At::LineColumn(line, column)
        }
    }
}

/// The text of an [`Error::Json`] in `lang`: the path, the problem and where.
fn reading_error(path: &str, problem: &JsonProblem, at: At, lang: Language) -> String {
    let path = path_named(path, lang);
    let message = crate::render::json_problem(problem, lang);
    match (lang, at) {
        (Language::English, At::LineColumn(line, column)) => {
            format!("{path}: {message} (line {line}, column {column})")
        }
        (Language::English, At::Column(column)) => format!("{path}: {message} (column {column})"),
        (Language::English, At::Nowhere) => format!("{path}: {message}"),
        (Language::Chinese, at) => {
            let at = match at {
                At::LineColumn(line, column) => format!("（第{line}行，第{column}列）"),
                At::Column(column) => format!("（第{column}列）"),
                At::Nowhere => String::new(),
            };
            format!("{path}：填写有误：{message}{at}")
        }
    }
}

/// A JSON path as a message shows it: `.`, the whole document, is named in words, which a
/// caseworker reads more easily than the path's notation.
fn path_named(path: &str, lang: Language) -> &str {
    match (path, lang) {
        (".", Language::English) => "the whole record",
        (".", Language::Chinese) => "整条记录",
        (path, _) => path,
    }
}

/// A policy's coverage in Chinese, as [`Error::MonthNotCovered`] gives it.
fn coverage_zh(covers: &Coverage) -> String {
    match covers.to {
        Some(to) => format!("{}至{to}的各月", covers.from),
        None => format!("{}起的各月", covers.from),
    }
}

/// What is wrong with a fact that reads as JSON but cannot be true.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FactProblem {
    /// A period whose last day is before its first.
    #[error("expected a date on or after the period's first day, {from}, found {to}")]
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
    /// Two certificates issued on the same day, both valid that day (reading
    /// `certificate.same_day`).
    #[error("issued on the same day as {other}, and both valid that day: which certificate counts cannot be told (reading certificate.same_day)")]
    SameDayCertificates {
        /// The JSON path of the other certificate.
        other: String,
    },
    /// Two choices for one subsidy from the same day that disagree.
    #[error("disagrees with {other}, a choice for the same subsidy from the same day: which holds cannot be told (reading higher.tie)")]
    ConflictingChoices {
        /// The JSON path of the other choice.
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

impl FactProblem {
    /// The problem in `lang`; in English, the `Display` text.
    pub fn describe(&self, lang: Language) -> String {
        let Language::Chinese = lang else {
            return self.to_string();
        };
        match self {
            FactProblem::EndsBeforeStart { from, to } => {
                format!("日期应不早于该时段的起始日{from}，实为{to}")
            }
            FactProblem::ExpiresBeforeIssued { issued, expires } => {
                format!("残疾人证的有效期至{expires}，早于发证日期{issued}")
            }
            FactProblem::WithdrawnBeforeIssued { issued, on } => {
                format!("残疾人证于{on}注销或冻结，早于发证日期{issued}")
            }
            FactProblem::AssistanceOverlap { other } => {
                format!("与{other}重叠：一个家庭同一时间只有一种救助身份")
            }
            FactProblem::HukouOverlap { other } => {
                format!("与{other}重叠：一个人同一时间只在一地登记户籍")
            }
            FactProblem::OrphanOverlap { other } => {
                format!("与{other}重叠：一名儿童同一时间只有一项孤儿保障")
            }
            FactProblem::SameDayCertificates { other } => {
                format!("与{other}为同一天核发且当日均有效，无法确定以哪一本残疾人证为准，请核实")
            }
            FactProblem::ConflictingChoices { other } => {
                format!(
                    "与{other}为同一补贴、同一日起的选择，但选择不同，无法确定以哪一项为准，请核实"
                )
            }
            FactProblem::EmptyId => "编号不能为空".to_owned(),
            FactProblem::NoSubsidy => {
                "应至少申请“living”（生活补贴）和“nursing”（护理补贴）之一，实际未填写任何补贴"
                    .to_owned()
            }
            FactProblem::BackPayOutOfRange { max, found } => {
                format!("补发月数应为0至{max}个月，实为{found}个月")
            }
            FactProblem::BackPayWithoutRenewal => {
                "不应有补发月数：只有换领残疾人证后提出的申请才可补发".to_owned()
            }
            FactProblem::MissingWelfareBasis => "福利性补贴应注明依据（disabled_on_duty、\
                 retired_veteran_cadre 或 other），实为空"
                .to_owned(),
            FactProblem::UnexpectedWelfareBasis => {
                "不应注明依据：只有福利性补贴才有依据".to_owned()
            }
            FactProblem::CertificateNumber(problem) => problem.describe(lang),
        }
    }
}

impl CertificateNumberProblem {
    /// The problem in `lang`; in English, the `Display` text.
    pub fn describe(&self, lang: Language) -> String {
        let Language::Chinese = lang else {
            return self.to_string();
        };
        match self {
            CertificateNumberProblem::WrongLength { found } => format!(
                "残疾人证号应为20位（18位公民身份号码、1位类别码、1位等级码），实为{found}位"
            ),
            CertificateNumberProblem::NotADigit { position, found } => {
                format!("第{position}位应为数字，实为“{found}”")
            }
            CertificateNumberProblem::CheckDigit { expected, found } => {
                format!("公民身份号码的校验码应为“{expected}”，实为“{found}”")
            }
            CertificateNumberProblem::BirthDate { found } => {
                format!("公民身份号码第7至14位应为出生日期，实为“{found}”")
            }
            CertificateNumberProblem::UnknownCategory { found } => {
                format!("第19位应为1至7的类别码，实为“{found}”")
            }
            CertificateNumberProblem::UnknownGrade { found } => {
                format!("第20位应为1至4的等级码，实为“{found}”")
            }
            CertificateNumberProblem::CategoryMismatch {
                in_number,
                in_record,
            } => format!(
                "证号显示类别为{}，但残疾人证记载为{}",
                in_number.name_zh(),
                in_record.name_zh()
            ),
            CertificateNumberProblem::GradeMismatch {
                in_number,
                in_record,
            } => format!(
                "证号显示等级为{}级，但残疾人证记载为{}级",
                in_number.number(),
                in_record.number()
            ),
        }
    }
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
