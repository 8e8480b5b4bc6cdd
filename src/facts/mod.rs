//! The facts about one resident, as dated records: the input of every decision.
//!
//! A [`Facts`] value is what a service or an analyst writes as JSON. Dates are days
//! (`"YYYY-MM-DD"`); every period's `from` and `to` are the first and the last day the status held,
//! both included, and `to` is absent while the status lasts (reading `stop.month`).
//!
//! **Unknown is not none.** A fact group that is absent (`"hukou"` not written) is unknown, and a
//! subsidy that depends on it is *undetermined*, naming the group; an empty list (`"hukou": []`)
//! says that there is nothing of that kind.

mod certificate_number;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub(crate) use certificate_number::check_number;
pub use certificate_number::{
    citizen_id_check_character, CertificateNumber, CertificateNumberProblem,
};

/// The number of [`MAX_BACK_PAY_MONTHS`], written once as a literal so that the texts which name
/// it (what a reading of back-pay months expects, in English and Chinese) are built from it with
/// `concat!` and cannot say another number.
macro_rules! max_back_pay_months {
    () => {
        3
    };
}
pub(crate) use max_back_pay_months;

/// The most back-pay months any application may carry (reading `start.renewal`); a policy may
/// allow fewer.
pub const MAX_BACK_PAY_MONTHS: u8 = max_back_pay_months!();

/// The most characters an id or an institution's name may have: what a record of the civil
/// affairs or the federation can hold, with room to spare. A longer one is refused
/// ([`FactProblem::TooLong`](crate::error::FactProblem::TooLong)), so that what a scan keeps
/// of each institution, and what a message quotes, stays small whatever the input.
pub const MAX_TEXT_CHARS: usize = 200;

use crate::json::problem::Own;
use crate::money::Money;

/// Adds a type's other names (its serde aliases) to its schema's choices, each described by the
/// name it stands for.
#[cfg(feature = "schema")]
fn add_aliases(schema: &mut schemars::Schema, aliases: &[(&str, &str)]) {
    if let Some(serde_json::Value::Array(choices)) = schema.get_mut("oneOf") {
        for (alias, name) in aliases {
            choices.push(serde_json::json!({
                "const": alias,
                "description": format!("another name of \"{name}\"")
            }));
        }
    }
}

#[cfg(feature = "schema")]
fn subsidy_aliases(schema: &mut schemars::Schema) {
    add_aliases(schema, Subsidy::ALIASES);
}

#[cfg(feature = "schema")]
fn place_aliases(schema: &mut schemars::Schema) {
    add_aliases(schema, Place::ALIASES);
}

#[cfg(feature = "schema")]
fn category_aliases(schema: &mut schemars::Schema) {
    add_aliases(schema, Category::ALIASES);
}

#[cfg(feature = "schema")]
fn assistance_kind_aliases(schema: &mut schemars::Schema) {
    add_aliases(schema, AssistanceKind::ALIASES);
}

/// Everything the engine may need to know about one resident.
///
/// Check it with [`Resident::new`](crate::Resident::new) (or read it with
/// [`Resident::from_json`](crate::Resident::from_json)) before deciding.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::Facts;
///
/// let facts: Facts = serde_json::from_str(r#"{
///     "id": "R-1",
///     "hukou": [{ "place": "tianjin", "from": "1960-05-01" }],
///     "certificates": [{ "category": "physical", "grade": 2, "issued": "2020-03-01" }]
/// }"#)?;
/// assert!(facts.household_assistance.is_none()); // unknown, not "none"
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// The caller's own identifier for the resident, echoed in every decision.
    pub id: String,
    /// Date of death, if the resident has died: the first day without the conditions.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::option_day"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub died_on: Option<NaiveDate>,
    /// Household registration (户籍) periods and their place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hukou: Option<Vec<HukouPeriod>>,
    /// Disability certificates (残疾人证), old and current.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificates: Option<Vec<Certificate>>,
    /// Periods in which the household received dibao (低保) or dibao-edge (低保边缘) treatment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household_assistance: Option<Vec<AssistancePeriod>>,
    /// Periods of the orphan basic living guarantee (孤儿基本生活保障).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orphan_guarantee: Option<Vec<OrphanPeriod>>,
    /// Other benefits received or qualified for; the policy decides how each relates to the
    /// subsidies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_benefits: Option<Vec<OtherBenefit>>,
    /// Custody and sentences (prison, suspended sentence, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custody: Option<Vec<CustodyPeriod>>,
    /// Applications for the subsidies. Absent means none was made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applications: Vec<Application>,
    /// Choices the person recorded in a choose-the-higher (reading `higher.tie`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// Outreach notifications delivered to the person or the guardian (clause `outreach.deadline`):
    /// the offices' own records. Absent means none was delivered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notifications: Vec<Notification>,
}

/// One of the two subsidies (残疾人两项补贴).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = subsidy_aliases))]
#[serde(rename_all = "snake_case")]
pub enum Subsidy {
    /// 困难残疾人生活补贴: the living allowance for disabled people in financial difficulty.
    #[serde(alias = "困难残疾人生活补贴", alias = "生活补贴")]
    Living,
    /// 重度残疾人护理补贴: the nursing allowance for severely disabled people.
    #[serde(alias = "重度残疾人护理补贴", alias = "护理补贴")]
    Nursing,
}

impl Subsidy {
    /// The other names a file may use, each with the name it stands for (the serde aliases
    /// above, listed once more for the JSON Schema; a test keeps the two lists alike).
    #[cfg(any(feature = "schema", test))]
    pub(crate) const ALIASES: &'static [(&'static str, &'static str)] = &[
        ("困难残疾人生活补贴", "living"),
        ("生活补贴", "living"),
        ("重度残疾人护理补贴", "nursing"),
        ("护理补贴", "nursing"),
    ];

    /// Both subsidies, living allowance first.
    pub const ALL: [Subsidy; 2] = [Subsidy::Living, Subsidy::Nursing];
}

/// A household registration period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HukouPeriod {
    /// Where the household was registered.
    pub place: Place,
    /// First day of the registration there.
    #[serde(with = "crate::dates::day")]
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub from: NaiveDate,
    /// Last day of the registration there; absent while it lasts.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::option_day"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub to: Option<NaiveDate>,
}

/// Where a household is registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = place_aliases))]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// 天津市户籍.
    #[serde(alias = "天津")]
    Tianjin,
    /// Any other province or city.
    Elsewhere,
}

/// The seven categories of the disability certificate (视力/听力/言语/肢体/智力/精神/多重).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = category_aliases))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 视力残疾.
    #[serde(alias = "视力")]
    Visual,
    /// 听力残疾.
    #[serde(alias = "听力")]
    Hearing,
    /// 言语残疾.
    #[serde(alias = "言语")]
    Speech,
    /// 肢体残疾.
    #[serde(alias = "肢体")]
    Physical,
    /// 智力残疾.
    #[serde(alias = "智力")]
    Intellectual,
    /// 精神残疾 (psychosocial).
    #[serde(alias = "精神")]
    Mental,
    /// 多重残疾: the certificate's overall grade applies (reading `grade.multiple`).
    #[serde(alias = "多重")]
    Multiple,
}

impl Place {
    /// The other names a file may use (see [`Subsidy::ALIASES`]).
    #[cfg(any(feature = "schema", test))]
    pub(crate) const ALIASES: &'static [(&'static str, &'static str)] = &[("天津", "tianjin")];
}

impl AssistanceKind {
    /// The other names a file may use (see [`Subsidy::ALIASES`]).
    #[cfg(any(feature = "schema", test))]
    pub(crate) const ALIASES: &'static [(&'static str, &'static str)] = &[
        ("低保", "dibao"),
        ("最低生活保障", "dibao"),
        ("low_income", "dibao_edge"),
        ("低收入家庭", "dibao_edge"),
        ("低保边缘家庭", "dibao_edge"),
    ];
}

impl Category {
    /// The other names a file may use (see [`Subsidy::ALIASES`]).
    #[cfg(any(feature = "schema", test))]
    pub(crate) const ALIASES: &'static [(&'static str, &'static str)] = &[
        ("视力", "visual"),
        ("听力", "hearing"),
        ("言语", "speech"),
        ("肢体", "physical"),
        ("智力", "intellectual"),
        ("精神", "mental"),
        ("多重", "multiple"),
    ];

    /// Every category, in the order of their certificate-number digits (1 visual … 7 multiple).
    pub const ALL: [Category; 7] = [
        Category::Visual,
        Category::Hearing,
        Category::Speech,
        Category::Physical,
        Category::Intellectual,
        Category::Mental,
        Category::Multiple,
    ];

    /// The category's digit in the national certificate number (FACTS.md): 1 visual … 7 multiple.
    pub fn code(self) -> u8 {
        match self {
            Category::Visual => 1,
            Category::Hearing => 2,
            Category::Speech => 3,
            Category::Physical => 4,
            Category::Intellectual => 5,
            Category::Mental => 6,
            Category::Multiple => 7,
        }
    }

    /// The category a certificate-number digit stands for.
    pub fn from_code(code: u8) -> Option<Category> {
        Some(match code {
            1 => Category::Visual,
            2 => Category::Hearing,
            3 => Category::Speech,
            4 => Category::Physical,
            5 => Category::Intellectual,
            6 => Category::Mental,
            7 => Category::Multiple,
            _ => return None,
        })
    }
}

/// A disability grade, 1 (most severe) to 4. Grades 1 and 2 are severe (重度).
///
/// Serialized as the number; any other number is refused when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "u8")]
pub enum Grade {
    /// 一级.
    One,
    /// 二级.
    Two,
    /// 三级.
    Three,
    /// 四级.
    Four,
}

impl Grade {
    /// Every grade, from the most severe.
    pub const ALL: [Grade; 4] = [Grade::One, Grade::Two, Grade::Three, Grade::Four];

    /// Grades 1 and 2: 重度残疾, the nursing allowance's condition and the higher living tier.
    pub fn is_severe(self) -> bool {
        matches!(self, Grade::One | Grade::Two)
    }

    /// The grade as its number, 1–4.
    pub fn number(self) -> u8 {
        u8::from(self)
    }
}

impl From<Grade> for u8 {
    fn from(grade: Grade) -> u8 {
        match grade {
            Grade::One => 1,
            Grade::Two => 2,
            Grade::Three => 3,
            Grade::Four => 4,
        }
    }
}

impl<'de> Deserialize<'de> for Grade {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Grade, D::Error> {
        use serde::de::{Error, Unexpected};
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Grade;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(Own::Grade.said())
            }
            fn visit_u64<E: Error>(self, n: u64) -> Result<Grade, E> {
                u8::try_from(n)
                    .ok()
                    .and_then(|n| Grade::try_from(n).ok())
                    .ok_or_else(|| E::invalid_value(Unexpected::Unsigned(n), &Own::Grade))
            }
            fn visit_i64<E: Error>(self, n: i64) -> Result<Grade, E> {
                Err(E::invalid_value(Unexpected::Signed(n), &self))
            }
        }
        deserializer.deserialize_u64(Visitor)
    }
}

impl TryFrom<u8> for Grade {
    type Error = InvalidGrade;
    fn try_from(n: u8) -> Result<Grade, InvalidGrade> {
        Ok(match n {
            1 => Grade::One,
            2 => Grade::Two,
            3 => Grade::Three,
            4 => Grade::Four,
            _ => return Err(InvalidGrade { found: n }),
        })
    }
}

/// A number that is not a disability grade (1 to 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidGrade {
    /// What was given.
    pub found: u8,
}

/// A disability certificate (残疾人证).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    /// The 20-digit national certificate number (18-digit citizen ID + category digit + grade
    /// digit), if known. When given it is checked: see
    /// [`CertificateNumber`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The disability category.
    pub category: Category,
    /// The overall grade (for multiple disability, the certificate's overall grade).
    pub grade: Grade,
    /// Issue date (发证日期).
    #[serde(with = "crate::dates::day")]
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub issued: NaiveDate,
    /// Last day of validity; absent for a certificate without an expiry date.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::option_day"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub expires: Option<NaiveDate>,
    /// Cancellation or freezing, with the first day it took effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Withdrawal>,
}

impl Certificate {
    /// The first day the certificate no longer counts: the earlier of the day after its expiry
    /// date and the day it was cancelled or frozen; [`NaiveDate::MAX`] when it has neither.
    ///
    /// `living.eligibility` and `nursing.eligibility` ask for a valid certificate (持有有效残疾人证);
    /// `stop.month` reads every end as "the first day without the condition" ("an interval's
    /// `from` and `to` are the first and the last day the status held … certificate expired or
    /// cancelled"): the expiry date is the last valid day, a withdrawal's day the first day
    /// without.
    #[inline]
    pub fn first_day_without(&self) -> NaiveDate {
        let expired = self
            .expires
            .and_then(|e| e.succ_opt())
            .unwrap_or(NaiveDate::MAX);
        match self.withdrawn {
            Some(w) => expired.min(w.on),
            None => expired,
        }
    }

    /// Whether the certificate counts on `day`: from its issue date (included) until its
    /// [`first_day_without`](Certificate::first_day_without) (excluded) — the valid certificate
    /// of `living.eligibility` and `nursing.eligibility`, ended as `stop.month` reads it.
    ///
    /// A certificate cancelled or frozen on the day it was issued is valid on no day (reading
    /// `certificate.same_day`: it "never counted").
    #[inline]
    pub fn valid_on(&self, day: NaiveDate) -> bool {
        // `day < first_day_without()` (on any day but `NaiveDate::MAX`), without finding the
        // day after the expiry date: this is asked for every day the rules look at.
        self.issued <= day
            && self.expires.is_none_or(|e| day <= e)
            && self.withdrawn.is_none_or(|w| day < w.on)
    }

    /// The order in which a decision chooses among certificates issued on or before a day, none
    /// of them valid (what it names when no certificate counts): the one issued last, then the
    /// one that lasted longest, then by content — how it was withdrawn, category, grade, expiry
    /// and number — so that which one is named never depends on the order of the list (two
    /// issued the same day and both withdrawn that day tie on the days).
    #[inline]
    pub(crate) fn issue_order(
        &self,
    ) -> (
        NaiveDate,
        NaiveDate,
        Option<WithdrawalKind>,
        Category,
        Grade,
        Option<NaiveDate>,
        Option<&str>,
    ) {
        (
            self.issued,
            self.first_day_without(),
            self.withdrawn.map(|w| w.how),
            self.category,
            self.grade,
            self.expires,
            self.number.as_deref(),
        )
    }
}

/// A certificate's cancellation (注销) or freezing (冻结).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    /// Cancelled or frozen.
    pub how: WithdrawalKind,
    /// The first day the certificate no longer counted.
    #[serde(with = "crate::dates::day")]
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub on: NaiveDate,
}

/// How a certificate stopped counting before its expiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WithdrawalKind {
    /// 注销.
    Cancelled,
    /// 冻结.
    Frozen,
}

/// A period of household assistance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AssistancePeriod {
    /// Dibao or dibao-edge.
    pub kind: AssistanceKind,
    /// First day of the treatment.
    #[serde(with = "crate::dates::day")]
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub from: NaiveDate,
    /// Last day of the treatment; absent while it lasts.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::option_day"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub to: Option<NaiveDate>,
}

/// The household's assistance status (Tianjin's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(transform = assistance_kind_aliases))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AssistanceKind {
    /// 最低生活保障 (低保).
    #[serde(alias = "低保", alias = "最低生活保障")]
    Dibao,
    /// 低保边缘家庭, formerly 低收入家庭 ("low_income" is accepted).
    #[serde(alias = "low_income", alias = "低收入家庭", alias = "低保边缘家庭")]
    DibaoEdge,
}

/// A period of the orphan basic living guarantee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OrphanPeriod {
    /// How the child is raised.
    pub care: OrphanCare,
    /// First day of the guarantee.
    #[serde(with = "crate::dates::day")]
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub from: NaiveDate,
    /// Last day of the guarantee; absent while it lasts.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::option_day"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub to: Option<NaiveDate>,
}

/// How an orphan is raised: `{"kind": "dispersed"}` or
/// `{"kind": "institution", "institution": "…", "funded_for_care": false}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OrphanCare {
    /// 散居: raised in a family.
    Dispersed,
    /// 机构集中养育: raised in a child welfare institution.
    Institution {
        /// The institution's name; it is the nursing allowance's payee.
        institution: String,
        /// Whether the institution is already funded for the child's care (已纳入相关照料护理类补贴资金保障范围).
        funded_for_care: bool,
    },
}

/// An [`OrphanCare`] as written: read as one object, so that an array is refused and every
/// problem is a reading error naming its field (serde's buffering of tagged enums would accept an
/// array and word its own errors).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct OrphanCareFields {
    kind: OrphanCareKind,
    #[serde(default)]
    institution: Option<String>,
    #[serde(default)]
    funded_for_care: Option<bool>,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
enum OrphanCareKind {
    Dispersed,
    Institution,
}

impl<'de> Deserialize<'de> for OrphanCare {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<OrphanCare, D::Error> {
        use serde::de::Error;
        let fields = OrphanCareFields::deserialize(deserializer)?;
        match fields.kind {
            OrphanCareKind::Dispersed => {
                if fields.institution.is_some() {
                    return Err(D::Error::unknown_field("institution", &["kind"]));
                }
                if fields.funded_for_care.is_some() {
                    return Err(D::Error::unknown_field("funded_for_care", &["kind"]));
                }
                Ok(OrphanCare::Dispersed)
            }
            OrphanCareKind::Institution => Ok(OrphanCare::Institution {
                institution: fields
                    .institution
                    .ok_or_else(|| D::Error::missing_field("institution"))?,
                funded_for_care: fields
                    .funded_for_care
                    .ok_or_else(|| D::Error::missing_field("funded_for_care"))?,
            }),
        }
    }
}

/// A benefit other than the two subsidies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OtherBenefit {
    /// Which benefit.
    pub kind: BenefitKind,
    /// For the welfare-type allowances: on what basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<WelfareBasis>,
    /// Its monthly amount in yuan.
    pub monthly_amount: Money,
    /// Already being received, or only qualified for.
    pub status: BenefitStatus,
    /// First day of the period.
    #[serde(with = "crate::dates::day")]
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub from: NaiveDate,
    /// Last day of the period; absent while it lasts.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::option_day"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub to: Option<NaiveDate>,
}

/// The other benefits the article names. How each relates to the subsidies is policy data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BenefitKind {
    /// 福利性生活补贴（津贴）: disabled on duty, retired veteran cadre, ….
    WelfareLivingAllowance,
    /// 福利性护理补贴（津贴）.
    WelfareNursingAllowance,
    /// 伤残抚恤, its living part.
    DisabilityCompensationLiving,
    /// 伤残抚恤, its nursing part.
    DisabilityCompensationNursing,
    /// 居家养老服务补贴.
    ElderlyCareServiceSubsidy,
    /// 高龄津贴.
    AdvancedAgeAllowance,
    /// 居家养老护理补贴.
    ElderlyCareNursingSubsidy,
    /// 工伤保险生活护理费.
    WorkInjuryLivingCareFee,
    /// 特困人员供养.
    ExtremePovertySupport,
}

impl BenefitKind {
    /// Every kind, in declaration order.
    pub const ALL: [BenefitKind; 9] = [
        BenefitKind::WelfareLivingAllowance,
        BenefitKind::WelfareNursingAllowance,
        BenefitKind::DisabilityCompensationLiving,
        BenefitKind::DisabilityCompensationNursing,
        BenefitKind::ElderlyCareServiceSubsidy,
        BenefitKind::AdvancedAgeAllowance,
        BenefitKind::ElderlyCareNursingSubsidy,
        BenefitKind::WorkInjuryLivingCareFee,
        BenefitKind::ExtremePovertySupport,
    ];

    /// The kind's name in JSON (the facts' `kind`, a key of the policy file's
    /// `benefit_relations`), e.g. `work_injury_living_care_fee`.
    pub fn json_name(self) -> &'static str {
        match self {
            BenefitKind::WelfareLivingAllowance => "welfare_living_allowance",
            BenefitKind::WelfareNursingAllowance => "welfare_nursing_allowance",
            BenefitKind::DisabilityCompensationLiving => "disability_compensation_living",
            BenefitKind::DisabilityCompensationNursing => "disability_compensation_nursing",
            BenefitKind::ElderlyCareServiceSubsidy => "elderly_care_service_subsidy",
            BenefitKind::AdvancedAgeAllowance => "advanced_age_allowance",
            BenefitKind::ElderlyCareNursingSubsidy => "elderly_care_nursing_subsidy",
            BenefitKind::WorkInjuryLivingCareFee => "work_injury_living_care_fee",
            BenefitKind::ExtremePovertySupport => "extreme_poverty_support",
        }
    }

    /// Whether the kind is one of the welfare-type allowances, which need a [`WelfareBasis`].
    pub fn is_welfare_type(self) -> bool {
        matches!(
            self,
            BenefitKind::WelfareLivingAllowance | BenefitKind::WelfareNursingAllowance
        )
    }
}

/// The content of another benefit: the order in which the rules read benefits when they keep
/// reasons.
pub(crate) fn benefit_key(
    b: &OtherBenefit,
) -> (
    NaiveDate,
    Option<NaiveDate>,
    BenefitKind,
    BenefitStatus,
    Money,
    Option<WelfareBasis>,
) {
    (b.from, b.to, b.kind, b.status, b.monthly_amount, b.basis)
}

/// The content of a custody period: the order in which the rules read custody periods when
/// they keep reasons (`exclusion.prison`, `exclusion.prison_kinds`).
#[inline]
pub(crate) fn custody_key(p: &CustodyPeriod) -> (NaiveDate, Option<NaiveDate>, CustodyKind) {
    (p.from, p.to, p.kind)
}

/// The basis of a welfare-type allowance (因公致残、离休等).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WelfareBasis {
    /// 因公致残.
    DisabledOnDuty,
    /// 离休.
    RetiredVeteranCadre,
    /// 等: another basis of the same welfare type.
    Other,
}

/// Whether another benefit is already being received or only qualified for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BenefitStatus {
    /// 已享受: being paid.
    Received,
    /// 符合条件: qualified for, not (yet) paid.
    Qualified,
}

/// A period of custody or of a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustodyPeriod {
    /// What kind of custody or sentence.
    pub kind: CustodyKind,
    /// First day (for prison: the day the judgment took effect).
    #[serde(with = "crate::dates::day")]
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub from: NaiveDate,
    /// Last day; absent while it lasts.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::option_day"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub to: Option<NaiveDate>,
}

/// Kinds of custody and sentence (reading `exclusion.prison_kinds`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CustodyKind {
    /// 有期徒刑以上刑罚、在监狱服刑: fixed-term imprisonment or heavier, served in prison.
    Prison,
    /// 缓刑.
    SuspendedSentence,
    /// 监外执行.
    ServingOutsidePrison,
    /// 拘役.
    Detention,
    /// 管制.
    PublicSurveillance,
}

/// An application for one or both subsidies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// Which subsidies it asks for.
    pub subsidies: Vec<Subsidy>,
    /// The day it was submitted.
    #[serde(with = "crate::dates::day")]
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub submitted: NaiveDate,
    /// How it was submitted.
    #[serde(default)]
    pub channel: Channel,
    /// Whether it follows a renewed certificate (reading `start.renewal`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub follows_renewed_certificate: bool,
    /// Back-pay months a caseworker granted for a renewal (0–3, reading `start.renewal`).
    #[serde(
        default,
        skip_serializing_if = "is_zero",
        deserialize_with = "crate::dates::back_pay_months"
    )]
    pub back_pay_months: u8,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// How an application was submitted (clause `channels`: every channel is accepted alike).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Channel {
    /// At a service window.
    #[default]
    Window,
    /// 全程网办: fully online.
    Online,
    /// 跨省通办: cross-province service.
    CrossProvince,
    /// 一件事儿: the bundled "one thing" service.
    OneThing,
    /// Any other channel.
    Other,
}

/// A choice the person recorded in a choose-the-higher (reading `higher.tie`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The subsidy the choice is about.
    pub subsidy: Subsidy,
    /// What the person keeps.
    pub keeps: Keeps,
    /// From which day the choice holds; absent for always.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::dates::option_day"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<NaiveDate>"))]
    pub from: Option<NaiveDate>,
}

/// The side a person chose in a choose-the-higher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Keeps {
    /// Keep the subsidy and give up the competing benefit.
    Subsidy,
    /// Keep the competing benefit and give up the subsidy.
    OtherBenefit,
}

/// An outreach notification delivered under 政策找人 (clauses `outreach.duty`, `outreach.deadline`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Notification {
    /// The day it was delivered.
    #[serde(with = "crate::dates::day")]
    #[cfg_attr(feature = "schema", schemars(with = "NaiveDate"))]
    pub delivered: NaiveDate,
    /// Which of the five forms.
    pub form: NotificationForm,
    /// The office that delivered it.
    pub office: Office,
    /// Who received it.
    pub recipient: Recipient,
}

/// The five forms of outreach the policy names (至少一种形式的主动提醒政策宣传服务).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NotificationForm {
    /// 全国残疾人两项补贴信息系统信息提示: a prompt in the national information system.
    SystemPrompt,
    /// 明白纸: a plain-language sheet.
    PlainLanguageSheet,
    /// 告知书: a written notice.
    WrittenNotice,
    /// 电话通知: a phone call.
    PhoneCall,
    /// 入户走访: a home visit.
    HomeVisit,
}

/// An office with an outreach duty (clause `outreach.duty`): a body at district or sub-district
/// level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// Civil affairs or the disabled persons' federation.
    pub body: OfficeBody,
    /// District or sub-district (township).
    pub level: OfficeLevel,
}

/// The body of an office with an outreach duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfficeBody {
    /// 民政: civil affairs, for new dibao and dibao-edge enrolments.
    CivilAffairs,
    /// 残联: the disabled persons' federation, for newly issued certificates.
    DisabledPersonsFederation,
}

/// The level of an office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfficeLevel {
    /// 区.
    District,
    /// 街道（乡镇）.
    SubDistrict,
}

/// Who received a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Recipient {
    /// The disabled person.
    Person,
    /// The guardian (监护人).
    Guardian,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lists_every_category_and_grade_in_number_order() {
        for (i, category) in Category::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(category.code()), i + 1, "{category:?}");
            assert_eq!(Category::from_code(category.code()), Some(category));
        }
        assert_eq!(Category::from_code(8), None);
        for (i, grade) in Grade::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(grade.number()), i + 1, "{grade:?}");
        }
    }

    /// The lists of other names (for the JSON Schema) are the serde aliases, no more, no less:
    /// each reads as the value it names, and there are as many as the aliases written above.
    #[test]
    fn the_lists_of_other_names_are_the_serde_aliases() {
        fn reads<T: serde::de::DeserializeOwned + Serialize>(pairs: &[(&str, &str)]) -> usize {
            for (alias, name) in pairs {
                let value: T = serde_json::from_value(serde_json::json!(alias))
                    .unwrap_or_else(|e| panic!("{alias}: {e}"));
                assert_eq!(
                    serde_json::to_value(&value).ok(),
                    Some(serde_json::json!(name))
                );
            }
            pairs.len()
        }
        let listed = reads::<Subsidy>(Subsidy::ALIASES)
            + reads::<Place>(Place::ALIASES)
            + reads::<Category>(Category::ALIASES)
            + reads::<AssistanceKind>(AssistanceKind::ALIASES);
        let source = include_str!("mod.rs");
        let written: usize = source
            .lines()
            .filter(|l| l.trim_start().starts_with("#[serde(alias"))
            .map(|l| l.matches("alias = ").count())
            .sum();
        assert_eq!(listed, written);
    }
}
