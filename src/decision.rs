//! The decision and its reasons: what each subsidy pays in a month, to whom, and why.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use crate::clauses::{ClauseId, UnknownClause};
use crate::facts::{
    AssistanceKind, BenefitKind, Category, Channel, CustodyKind, Grade, Keeps, NotificationForm,
    Office, OfficeBody, Recipient, Subsidy,
};
use crate::language::Language;
use crate::money::Money;
use crate::month::Month;
use crate::policy::{DatedValue, Parameter, StopTiming, TieBreak};

/// The decision for one resident and one month: both subsidies, the total and the reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthDecision {
    /// The resident's id, as given (shared by every decision about the resident).
    pub resident: Arc<str>,
    /// The month decided.
    pub month: Month,
    /// The name (version) of the policy that decided it, e.g. `tianjin-2023+living-350`.
    pub policy: Arc<str>,
    /// The living allowance (困难残疾人生活补贴).
    pub living: SubsidyDecision,
    /// The nursing allowance (重度残疾人护理补贴).
    pub nursing: SubsidyDecision,
    /// What the two subsidies pay together this month.
    pub total: Money,
    /// Reasons about the decision as a whole (`in_force`, `both`).
    pub reasons: Vec<Reason>,
}

impl MonthDecision {
    /// The decision for one subsidy.
    pub fn subsidy(&self, subsidy: Subsidy) -> &SubsidyDecision {
        match subsidy {
            Subsidy::Living => &self.living,
            Subsidy::Nursing => &self.nursing,
        }
    }

    /// The decision in its compact form: outcomes, amounts, clause ids and the facts used,
    /// without the clauses' texts, the English glosses or the findings (see [`CompactMonth`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use tianjin_disability_subsidies::{Month, Policy, Resident};
    ///
    /// let policy = Policy::tianjin_2023();
    /// let resident = Resident::from_json(r#"{ "id": "R-1",
    ///     "hukou": [{ "place": "tianjin", "from": "1960-05-01" }],
    ///     "certificates": [{ "category": "physical", "grade": 2, "issued": "2020-03-01" }],
    ///     "household_assistance": [], "orphan_guarantee": [], "other_benefits": [], "custody": [],
    ///     "applications": [{ "subsidies": ["nursing"], "submitted": "2024-03-15" }] }"#)?;
    /// let decision = policy.decide(&resident, Month::new(2024, 3)?)?;
    /// let compact = decision.compact();
    /// assert_eq!(compact.nursing.amount, decision.nursing.amount());
    /// assert!(compact.nursing.clauses.contains(&"nursing.eligibility".parse()?));
    /// let (full, short) = (serde_json::to_string(&decision)?, serde_json::to_string(&compact)?);
    /// assert!(short.len() * 3 < full.len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compact(&self) -> CompactMonth {
        CompactMonth {
            month: self.month,
            living: self.living.compact(),
            nursing: self.nursing.compact(),
            total: self.total,
            clauses: unique(self.reasons.iter().map(|r| r.clause)),
        }
    }

    /// Every dated parameter value the decision used (amounts, stop timing, tie rule, …), with
    /// its month and source, without repeats.
    pub fn parameters_used(&self) -> Vec<Used> {
        let mut used: Vec<Used> = Vec::new();
        for r in self.living.reasons.iter().chain(&self.nursing.reasons) {
            if let Some(u) = r.finding.used() {
                if !used.contains(u) {
                    used.push(u.clone());
                }
            }
        }
        used
    }

    /// Every clause id the decision rests on, without repeats, in the order first cited.
    pub fn clause_ids(&self) -> Vec<ClauseId> {
        let mut ids = Vec::new();
        let all = self
            .reasons
            .iter()
            .chain(&self.living.reasons)
            .chain(&self.nursing.reasons);
        for r in all {
            if !ids.contains(&r.clause) {
                ids.push(r.clause);
            }
        }
        ids
    }
}

/// What one subsidy does in one month, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubsidyDecision {
    /// Which subsidy.
    pub subsidy: Subsidy,
    /// The outcome.
    pub outcome: Outcome,
    /// Competing benefits the person gives up to receive this subsidy (choose-the-higher).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gives_up: Vec<GivenUp>,
    /// The reasons, each citing its clause.
    pub reasons: Vec<Reason>,
}

impl SubsidyDecision {
    /// The amount paid this month, zero unless the outcome is [`Outcome::Paid`].
    pub fn amount(&self) -> Money {
        match &self.outcome {
            Outcome::Paid { amount, .. } => *amount,
            _ => Money::ZERO,
        }
    }

    /// Whether the reasons cite `clause`.
    pub fn cites(&self, clause: ClauseId) -> bool {
        self.reasons.iter().any(|r| r.clause == clause)
    }

    /// The decision in its compact form (see [`CompactSubsidy`]).
    pub fn compact(&self) -> CompactSubsidy {
        CompactSubsidy {
            outcome: self.outcome.clone(),
            amount: self.amount(),
            gives_up: self.gives_up.clone(),
            clauses: unique(self.reasons.iter().map(|r| r.clause)),
            facts: unique(self.reasons.iter().flat_map(Reason::facts)),
        }
    }
}

/// The items of `items` without repeats, in the order first met.
fn unique<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// A month's decision in its compact form, for storage and for services that send decisions
/// over a network: what is paid and why, by clause id, without the clauses' Chinese texts, their
/// English glosses or the findings, which [`MonthDecision`] repeats in every reason. The clause
/// texts follow from the ids ([`ClauseId::text_zh`], [`ClauseId::gloss_en`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompactMonth {
    /// The month decided.
    pub month: Month,
    /// The living allowance.
    pub living: CompactSubsidy,
    /// The nursing allowance.
    pub nursing: CompactSubsidy,
    /// What the two pay together.
    pub total: Money,
    /// The clauses of the reasons about the month as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<ClauseId>,
}

/// One subsidy's decision in its compact form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompactSubsidy {
    /// The outcome.
    pub outcome: Outcome,
    /// What is paid (zero unless paid).
    pub amount: Money,
    /// Competing benefits given up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gives_up: Vec<GivenUp>,
    /// The clauses the reasons cite, without repeats, in the order first cited.
    pub clauses: Vec<ClauseId>,
    /// The facts the reasons used, without repeats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactRef>,
}

/// A schedule in its compact form: the summaries and each month's [`CompactMonth`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompactSchedule {
    /// The resident's id.
    pub resident: Arc<str>,
    /// The policy's name.
    pub policy: Arc<str>,
    /// The first month decided.
    pub first: Month,
    /// The last month decided.
    pub last: Month,
    /// The living allowance over the range.
    pub living: SubsidySummary,
    /// The nursing allowance over the range.
    pub nursing: SubsidySummary,
    /// What both pay over the range.
    pub total: Money,
    /// Each month, in order.
    pub months: Vec<CompactMonth>,
}

/// A competing benefit given up in a choose-the-higher.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GivenUp {
    /// Which benefit.
    pub kind: BenefitKind,
    /// Its monthly amount.
    pub monthly_amount: Money,
}

/// The outcome for one subsidy in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Outcome {
    /// Paid: this amount, to this payee.
    Paid {
        /// The month's amount.
        amount: Money,
        /// Who receives it.
        payee: Payee,
    },
    /// A condition of the subsidy is not met.
    NotEligible {
        /// Every unmet condition.
        because: Vec<Cause>,
    },
    /// An exclusion applies (work-injury fee, extreme poverty, prison, orphan rules).
    Excluded {
        /// The exclusion.
        by: Cause,
    },
    /// A higher (or chosen) competing benefit is received instead.
    Superseded {
        /// The competing benefit kept.
        by: BenefitKind,
        /// Its monthly amount.
        benefit_amount: Money,
        /// What the subsidy would have paid.
        subsidy_amount: Money,
    },
    /// Every condition is met but no application is in force: 应享未享.
    NotAppliedFor {
        /// What the subsidy would pay.
        would_pay: Money,
    },
    /// A claim was paid and stopped; a new application is needed (reading `restart`).
    Stopped {
        /// The first month not paid.
        since: Month,
        /// The condition that ceased.
        because: Cause,
    },
    /// The facts given do not decide it.
    Undetermined {
        /// The fact groups still needed.
        missing: Vec<FactGroup>,
    },
}

impl Outcome {
    /// The outcome's snake_case name, as in JSON (`paid`, `not_eligible`, …).
    pub fn name(&self) -> &'static str {
        match self {
            Outcome::Paid { .. } => "paid",
            Outcome::NotEligible { .. } => "not_eligible",
            Outcome::Excluded { .. } => "excluded",
            Outcome::Superseded { .. } => "superseded",
            Outcome::NotAppliedFor { .. } => "not_applied_for",
            Outcome::Stopped { .. } => "stopped",
            Outcome::Undetermined { .. } => "undetermined",
        }
    }
}

/// Who receives a payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Payee {
    /// The disabled person (or the guardian on their behalf).
    Person,
    /// A child welfare institution (clause `orphan.institution_payee`).
    Institution {
        /// Its name.
        name: String,
    },
}

/// A condition that is not met, or an exclusion that applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Cause {
    /// The person has died.
    Died,
    /// No Tianjin household registration.
    NoTianjinHukou,
    /// No valid disability certificate (none, not yet issued, expired, cancelled or frozen).
    NoValidCertificate,
    /// Grade 3 or 4: not severe (nursing allowance).
    GradeNotSevere,
    /// The household receives neither dibao nor dibao-edge treatment (living allowance).
    NoHouseholdAssistance,
    /// The child receives the orphan guarantee (living allowance; `orphan.living`).
    OrphanGuarantee,
    /// The child's institution is already funded for care (nursing; `orphan.no_duplicate`).
    InstitutionFundedForCare,
    /// The person receives the work-injury living-care fee (`exclusion.work_injury`).
    WorkInjuryLivingCareFee,
    /// The person is in extreme-poverty support (`exclusion.extreme_poverty`).
    ExtremePovertySupport,
    /// The person is serving a prison sentence (`exclusion.prison`).
    Prison,
}

impl Cause {
    pub(crate) const ALL: [Cause; 10] = [
        Cause::Died,
        Cause::NoTianjinHukou,
        Cause::NoValidCertificate,
        Cause::GradeNotSevere,
        Cause::NoHouseholdAssistance,
        Cause::OrphanGuarantee,
        Cause::InstitutionFundedForCare,
        Cause::WorkInjuryLivingCareFee,
        Cause::ExtremePovertySupport,
        Cause::Prison,
    ];

    /// Whether it is an exclusion (不享受) rather than an unmet condition.
    pub fn is_exclusion(self) -> bool {
        matches!(
            self,
            Cause::OrphanGuarantee
                | Cause::InstitutionFundedForCare
                | Cause::WorkInjuryLivingCareFee
                | Cause::ExtremePovertySupport
                | Cause::Prison
        )
    }

    /// The clause that makes it matter.
    pub fn clause(self, subsidy: Subsidy) -> ClauseId {
        match self {
            Cause::Died => ClauseId::StopMonth,
            Cause::NoTianjinHukou | Cause::NoValidCertificate => match subsidy {
                Subsidy::Living => ClauseId::LivingEligibility,
                Subsidy::Nursing => ClauseId::NursingEligibility,
            },
            Cause::GradeNotSevere => ClauseId::NursingEligibility,
            Cause::NoHouseholdAssistance => ClauseId::LivingEligibility,
            Cause::OrphanGuarantee => ClauseId::OrphanLiving,
            Cause::InstitutionFundedForCare => ClauseId::OrphanNoDuplicate,
            Cause::WorkInjuryLivingCareFee => ClauseId::ExclusionWorkInjury,
            Cause::ExtremePovertySupport => ClauseId::ExclusionExtremePoverty,
            Cause::Prison => ClauseId::ExclusionPrison,
        }
    }
}

/// A group of facts in [`Facts`](crate::Facts); an absent group makes a subsidy undetermined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FactGroup {
    /// `hukou`.
    Hukou,
    /// `certificates`.
    Certificates,
    /// `household_assistance`.
    HouseholdAssistance,
    /// `orphan_guarantee`.
    OrphanGuarantee,
    /// `other_benefits`.
    OtherBenefits,
    /// `custody`.
    Custody,
    /// `applications`.
    Applications,
    /// `choices`.
    Choices,
    /// `notifications`.
    Notifications,
}

impl FactGroup {
    pub(crate) const ALL: [FactGroup; 9] = [
        FactGroup::Hukou,
        FactGroup::Certificates,
        FactGroup::HouseholdAssistance,
        FactGroup::OrphanGuarantee,
        FactGroup::OtherBenefits,
        FactGroup::Custody,
        FactGroup::Applications,
        FactGroup::Choices,
        FactGroup::Notifications,
    ];

    /// The field name in the facts' JSON.
    pub fn field(self) -> &'static str {
        match self {
            FactGroup::Hukou => "hukou",
            FactGroup::Certificates => "certificates",
            FactGroup::HouseholdAssistance => "household_assistance",
            FactGroup::OrphanGuarantee => "orphan_guarantee",
            FactGroup::OtherBenefits => "other_benefits",
            FactGroup::Custody => "custody",
            FactGroup::Applications => "applications",
            FactGroup::Choices => "choices",
            FactGroup::Notifications => "notifications",
        }
    }
}

/// A reference to one fact: its group and its index there, written `certificates[0]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FactRef {
    /// The group.
    pub group: FactGroup,
    /// The index within the group's list.
    pub index: u32,
}

impl FactRef {
    pub(crate) fn new(group: FactGroup, index: usize) -> FactRef {
        FactRef {
            group,
            index: u32::try_from(index).unwrap_or(u32::MAX),
        }
    }
}

impl fmt::Display for FactRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.group.field(), self.index)
    }
}

/// A text that is not a fact reference such as `certificates[0]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidFactRef {
    /// What was given.
    pub found: String,
}

impl FromStr for FactRef {
    type Err = InvalidFactRef;
    fn from_str(s: &str) -> Result<FactRef, InvalidFactRef> {
        let bad = || InvalidFactRef {
            found: crate::json::excerpt(s),
        };
        let (field, rest) = s.split_once('[').ok_or_else(bad)?;
        let index = rest
            .strip_suffix(']')
            .ok_or_else(bad)?
            .parse()
            .map_err(|_| bad())?;
        let group = FactGroup::ALL
            .into_iter()
            .find(|g| g.field() == field)
            .ok_or_else(bad)?;
        Ok(FactRef { group, index })
    }
}

impl Serialize for FactRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FactRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FactRef, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = FactRef;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a fact reference such as \"certificates[0]\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FactRef, E> {
                v.parse()
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// One step of a decision: the clause it applies and what was found.
///
/// In JSON a reason also carries the clause's Chinese text (`text_zh`), its English gloss
/// (`gloss_en`) and the facts it used (`facts`); these follow from `clause` and `finding`, and are
/// ignored when a decision is read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// The clause or reading applied.
    pub clause: ClauseId,
    /// What was found.
    pub finding: Finding,
}

impl Reason {
    /// The facts the finding used.
    pub fn facts(&self) -> Vec<FactRef> {
        self.finding.facts()
    }
}

#[derive(Serialize)]
struct ReasonOut<'a> {
    clause: ClauseId,
    text_zh: &'static str,
    gloss_en: &'static str,
    finding: &'a Finding,
    facts: Vec<FactRef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReasonIn {
    clause: ClauseId,
    #[serde(default, rename = "text_zh")]
    _text_zh: serde::de::IgnoredAny,
    #[serde(default, rename = "gloss_en")]
    _gloss_en: serde::de::IgnoredAny,
    finding: Finding,
    #[serde(default, rename = "facts")]
    _facts: serde::de::IgnoredAny,
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ReasonOut {
            clause: self.clause,
            text_zh: self.clause.text_zh(),
            gloss_en: self.clause.gloss_en(),
            finding: &self.finding,
            facts: self.facts(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Reason {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Reason, D::Error> {
        let r = ReasonIn::deserialize(deserializer)?;
        Ok(Reason {
            clause: r.clause,
            finding: r.finding,
        })
    }
}

/// Which tier of the living allowance applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Grade 1–2 (重度).
    Grade1To2,
    /// Grade 3–4.
    Grade3To4,
    /// The nursing allowance's one flat amount.
    Flat,
}

/// How a certificate failed to be valid on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "how", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Lapse {
    /// No certificate has been issued by that day.
    NoneIssued,
    /// The last certificate expired: `on` is its last valid day.
    Expired {
        /// Last valid day.
        on: NaiveDate,
    },
    /// The certificate was cancelled (`on`: first day it no longer counted).
    Cancelled {
        /// First day without.
        on: NaiveDate,
    },
    /// The certificate was frozen (`on`: first day it no longer counted).
    Frozen {
        /// First day without.
        on: NaiveDate,
    },
}

/// Which side a choose-the-higher gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The subsidy.
    Subsidy,
    /// The competing benefit.
    OtherBenefit,
}

/// What a rule found: the data behind a [`Reason`], rendered in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "what", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Finding {
    /// The policy governs the month.
    PolicyInForce {
        /// The policy's first month.
        from: Month,
    },
    /// The person died on this day.
    Died {
        /// Date of death.
        on: NaiveDate,
    },
    /// Tianjin household registration held on the day.
    TianjinHukou {
        /// The day checked.
        on: NaiveDate,
        /// The registration period.
        fact: FactRef,
    },
    /// No Tianjin household registration on the day.
    NoTianjinHukou {
        /// The day checked.
        on: NaiveDate,
        /// The registration elsewhere, if one covers the day.
        fact: Option<FactRef>,
    },
    /// A grade 3–4 certificate whose category and grade the policy's extension covers
    /// (nursing allowance).
    NursingExtended {
        /// Its category.
        category: Category,
        /// Its grade.
        grade: Grade,
        /// The certificate.
        fact: FactRef,
        /// The `nursing_allowance_also_for` value in force.
        used: Used,
    },
    /// A valid certificate on the day.
    ValidCertificate {
        /// The day checked.
        on: NaiveDate,
        /// Its category.
        category: Category,
        /// Its grade.
        grade: Grade,
        /// The certificate.
        fact: FactRef,
    },
    /// No valid certificate on the day.
    NoValidCertificate {
        /// The day checked.
        on: NaiveDate,
        /// Why not.
        lapse: Lapse,
        /// The last certificate, if any.
        fact: Option<FactRef>,
    },
    /// The grade is 1 or 2 (nursing allowance).
    SevereGrade {
        /// The grade.
        grade: Grade,
        /// The certificate.
        fact: FactRef,
    },
    /// The grade is 3 or 4 (nursing allowance).
    GradeNotSevere {
        /// The grade.
        grade: Grade,
        /// The certificate.
        fact: FactRef,
    },
    /// Multiple disability: the overall grade is used.
    OverallGradeOfMultiple {
        /// The overall grade.
        grade: Grade,
        /// The certificate.
        fact: FactRef,
    },
    /// The household receives dibao or dibao-edge treatment on the day.
    HouseholdAssistance {
        /// The day checked.
        on: NaiveDate,
        /// Which.
        kind: AssistanceKind,
        /// The period.
        fact: FactRef,
    },
    /// The household receives neither on the day.
    NoHouseholdAssistance {
        /// The day checked.
        on: NaiveDate,
    },
    /// The child receives the orphan guarantee on the day.
    OrphanGuarantee {
        /// The day checked.
        on: NaiveDate,
        /// The period.
        fact: FactRef,
    },
    /// The nursing allowance goes to the institution raising the orphan.
    PaidToInstitution {
        /// The institution.
        institution: String,
        /// The orphan guarantee period.
        fact: FactRef,
    },
    /// The institution is already funded for the child's care.
    InstitutionFundedForCare {
        /// The institution.
        institution: String,
        /// The orphan guarantee period.
        fact: FactRef,
    },
    /// An excluding benefit is received on the day.
    ExcludingBenefit {
        /// The day checked.
        on: NaiveDate,
        /// Which benefit.
        kind: BenefitKind,
        /// The benefit.
        fact: FactRef,
    },
    /// A benefit that excludes only when received is only qualified for.
    ExcludesOnlyWhenReceived {
        /// Which benefit.
        kind: BenefitKind,
        /// The benefit.
        fact: FactRef,
    },
    /// Serving a prison sentence on the day.
    InPrison {
        /// The day checked.
        on: NaiveDate,
        /// The custody period.
        fact: FactRef,
    },
    /// A custody or sentence that does not exclude.
    CustodyDoesNotExclude {
        /// Which kind.
        kind: CustodyKind,
        /// The custody period.
        fact: FactRef,
    },
    /// The month's amount of the subsidy, from the dated parameters.
    Amount {
        /// Which subsidy.
        subsidy: Subsidy,
        /// The amount.
        amount: Money,
        /// The tier.
        tier: Tier,
        /// The household status it was paid for (living allowance).
        household: Option<AssistanceKind>,
        /// The parameter in the policy.
        parameter: Parameter,
        /// The parameter's value in force: its month and source.
        used: Used,
    },
    /// A competing benefit compared with the subsidy, month for month.
    Compared {
        /// The competing benefit.
        kind: BenefitKind,
        /// Its monthly amount.
        benefit_amount: Money,
        /// The subsidy's monthly amount.
        subsidy_amount: Money,
        /// What was kept.
        kept: Side,
        /// The benefit.
        fact: FactRef,
    },
    /// A benefit that competes only when already received is only qualified for.
    CompetesOnlyWhenReceived {
        /// Which benefit.
        kind: BenefitKind,
        /// The benefit.
        fact: FactRef,
    },
    /// Equal amounts: the policy's tie rule decided.
    Tie {
        /// The rule applied.
        rule: TieBreak,
        /// What was kept.
        kept: Side,
        /// The `tie_break` value in force.
        used: Used,
    },
    /// The person's recorded choice decided.
    PersonChose {
        /// What the person keeps.
        keeps: Keeps,
        /// The choice.
        fact: FactRef,
    },
    /// A benefit that stacks with the subsidies.
    Stacks {
        /// Which benefit.
        kind: BenefitKind,
        /// The benefit.
        fact: FactRef,
    },
    /// An application was granted: every condition held on the day it was submitted.
    ApplicationGranted {
        /// Submission day.
        submitted: NaiveDate,
        /// Its first paid month.
        first_month: Month,
        /// The application.
        fact: FactRef,
    },
    /// An application made before the policy carries over: valid on its day and until the
    /// policy began (`start.carry_over`).
    CarriedOver {
        /// Submission day.
        submitted: NaiveDate,
        /// The policy's first month, from which it pays.
        from: Month,
        /// The application.
        fact: FactRef,
    },
    /// An application made before the policy does not carry over: a condition failed on its
    /// day, or ceased before the policy began (`start.carry_over`).
    CarryOverRefused {
        /// Submission day.
        submitted: NaiveDate,
        /// The first day without the condition.
        on: NaiveDate,
        /// The condition.
        cause: Cause,
        /// The application.
        fact: FactRef,
    },
    /// An application was not granted: a condition failed on the day it was submitted.
    ApplicationNotGranted {
        /// Submission day.
        submitted: NaiveDate,
        /// The application.
        fact: FactRef,
    },
    /// An application the facts given cannot decide: these groups are needed.
    ApplicationUndetermined {
        /// Submission day.
        submitted: NaiveDate,
        /// The fact groups needed.
        missing: Vec<FactGroup>,
        /// The application.
        fact: FactRef,
    },
    /// In a back-pay month of a renewal, the renewed certificate's standard is paid.
    RenewedCertificateStandard {
        /// The day checked.
        on: NaiveDate,
        /// The renewed certificate's category.
        category: Category,
        /// Its grade.
        grade: Grade,
        /// The renewed certificate.
        fact: FactRef,
    },
    /// No application for the subsidy.
    NoApplication,
    /// The channel an application came by; every channel counts alike.
    Channel {
        /// The channel.
        channel: Channel,
        /// The application.
        fact: FactRef,
    },
    /// A claim in payment since its first month.
    InPayment {
        /// Its first month.
        since: Month,
        /// The application.
        fact: FactRef,
    },
    /// A new application after a stop: paid from its own month, no back pay.
    NoBackPay {
        /// The application's month.
        from: Month,
        /// The application.
        fact: FactRef,
    },
    /// A renewal: entitlement from the new certificate's month, with back pay.
    Renewal {
        /// The new certificate's issue date.
        issued: NaiveDate,
        /// Back-pay months granted (after the policy's cap).
        back_pay_months: u8,
        /// The first paid month.
        first_month: Month,
        /// The new certificate.
        fact: FactRef,
        /// The `max_renewal_back_pay_months` value in force.
        used: Used,
    },
    /// A condition ceased, and the claim stopped.
    Ceased {
        /// What ceased.
        cause: Cause,
        /// The first day without the condition.
        on: NaiveDate,
        /// The first month not paid.
        stop_month: Month,
        /// The policy's stop timing.
        timing: StopTiming,
        /// The `stop_timing` value in force.
        used: Used,
    },
    /// A condition ceased (or an exclusion began) on this day: the first day without it.
    ConditionCeased {
        /// What ceased.
        cause: Cause,
        /// The first day without the condition.
        on: NaiveDate,
    },
    /// A stopped claim needs a new application.
    NeedsNewApplication {
        /// The first month not paid.
        since: Month,
    },
    /// Both subsidies are paid this month.
    BothPaid,
    /// An outreach duty opened (`outreach.duty`).
    OutreachDuty {
        /// What opened it.
        trigger: TriggerKind,
        /// Its date.
        date: NaiveDate,
        /// The body that owes it.
        duty_of: OfficeBody,
        /// The subsidies the person then met the conditions of.
        subsidies: Vec<Subsidy>,
        /// The certificate or assistance period.
        fact: FactRef,
    },
    /// The outreach deadline: 3 calendar months, clamped to the month's end (`outreach.months`).
    OutreachDeadline {
        /// The trigger's date.
        date: NaiveDate,
        /// The last day to notify.
        deadline: NaiveDate,
    },
    /// A notification was delivered (`outreach.deadline`).
    Notified {
        /// The delivery day.
        on: NaiveDate,
        /// Its form.
        form: NotificationForm,
        /// The office.
        office: Office,
        /// Who received it.
        recipient: Recipient,
        /// Whether by the deadline.
        on_time: bool,
        /// The notification.
        fact: FactRef,
    },
    /// The person applied after the trigger.
    AppliedAfterTrigger {
        /// The submission day.
        on: NaiveDate,
        /// The application.
        fact: FactRef,
    },
    /// Notified in time and no application by the deadline: deemed waived (`outreach.waiver`).
    DeemedWaived {
        /// The delivery day.
        notified_on: NaiveDate,
        /// The deadline.
        deadline: NaiveDate,
    },
    /// No notification by the deadline: the duty is overdue, and no waiver can be deemed
    /// (`outreach.notice`).
    NotNotified {
        /// The deadline.
        deadline: NaiveDate,
    },
    /// An outreach duty lapsed: the person no longer meets the conditions.
    OutreachLapsed {
        /// The day judged.
        on: NaiveDate,
        /// The condition that no longer holds.
        cause: Cause,
    },
    /// An application after a deemed waiver (`outreach.waiver`).
    WaiverThenApplication {
        /// The trigger's date.
        trigger_date: NaiveDate,
        /// The delivery day of the notification.
        notified_on: NaiveDate,
        /// The deadline by which no application came.
        deadline: NaiveDate,
    },
}

impl Finding {
    /// The dated parameter value it used, if any.
    pub fn used(&self) -> Option<&Used> {
        match self {
            Finding::Amount { used, .. }
            | Finding::Tie { used, .. }
            | Finding::Renewal { used, .. }
            | Finding::Ceased { used, .. }
            | Finding::NursingExtended { used, .. } => Some(used),
            _ => None,
        }
    }

    /// The facts it used.
    pub fn facts(&self) -> Vec<FactRef> {
        use Finding::*;
        match self {
            TianjinHukou { fact, .. }
            | ValidCertificate { fact, .. }
            | SevereGrade { fact, .. }
            | GradeNotSevere { fact, .. }
            | OverallGradeOfMultiple { fact, .. }
            | HouseholdAssistance { fact, .. }
            | OrphanGuarantee { fact, .. }
            | PaidToInstitution { fact, .. }
            | InstitutionFundedForCare { fact, .. }
            | ExcludingBenefit { fact, .. }
            | ExcludesOnlyWhenReceived { fact, .. }
            | InPrison { fact, .. }
            | CustodyDoesNotExclude { fact, .. }
            | Compared { fact, .. }
            | CompetesOnlyWhenReceived { fact, .. }
            | PersonChose { fact, .. }
            | Stacks { fact, .. }
            | ApplicationGranted { fact, .. }
            | CarriedOver { fact, .. }
            | CarryOverRefused { fact, .. }
            | ApplicationNotGranted { fact, .. }
            | ApplicationUndetermined { fact, .. }
            | RenewedCertificateStandard { fact, .. }
            | NursingExtended { fact, .. }
            | Channel { fact, .. }
            | InPayment { fact, .. }
            | NoBackPay { fact, .. }
            | Renewal { fact, .. }
            | OutreachDuty { fact, .. }
            | Notified { fact, .. }
            | AppliedAfterTrigger { fact, .. } => vec![*fact],
            NoTianjinHukou { fact, .. } | NoValidCertificate { fact, .. } => {
                fact.iter().copied().collect()
            }
            PolicyInForce { .. }
            | Died { .. }
            | NoHouseholdAssistance { .. }
            | Amount { .. }
            | Tie { .. }
            | NoApplication
            | Ceased { .. }
            | ConditionCeased { .. }
            | NeedsNewApplication { .. }
            | BothPaid
            | OutreachDeadline { .. }
            | DeemedWaived { .. }
            | NotNotified { .. }
            | OutreachLapsed { .. }
            | WaiverThenApplication { .. } => Vec::new(),
        }
    }
}

/// The value of a dated parameter a decision used: the month it took effect and its source, so
/// that an old decision can be reproduced exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Used {
    /// The parameter.
    pub parameter: Parameter,
    /// The month the value took effect.
    pub from: Month,
    /// Where the value comes from.
    pub source: Arc<str>,
}

impl Used {
    pub(crate) fn of<T>(parameter: Parameter, value: &DatedValue<T>) -> Used {
        Used {
            parameter,
            from: value.from,
            source: Arc::clone(&value.source),
        }
    }
}

/// A schedule: the decisions for a range of months, with when payment starts and stops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// The resident's id.
    pub resident: Arc<str>,
    /// The policy's name.
    pub policy: Arc<str>,
    /// The first month decided.
    pub first: Month,
    /// The last month decided.
    pub last: Month,
    /// The living allowance over the range.
    pub living: SubsidySummary,
    /// The nursing allowance over the range.
    pub nursing: SubsidySummary,
    /// What both pay over the range.
    pub total: Money,
    /// Each month's decision, in order.
    pub months: Vec<MonthDecision>,
}

impl Schedule {
    /// The schedule in its compact form: each month's outcomes, amounts, clause ids and facts
    /// used, without the clauses' texts or the findings (see [`CompactMonth`]).
    pub fn compact(&self) -> CompactSchedule {
        CompactSchedule {
            resident: Arc::clone(&self.resident),
            policy: Arc::clone(&self.policy),
            first: self.first,
            last: self.last,
            living: self.living.clone(),
            nursing: self.nursing.clone(),
            total: self.total,
            months: self.months.iter().map(MonthDecision::compact).collect(),
        }
    }

    /// The summary of one subsidy.
    pub fn subsidy(&self, subsidy: Subsidy) -> &SubsidySummary {
        match subsidy {
            Subsidy::Living => &self.living,
            Subsidy::Nursing => &self.nursing,
        }
    }
}

/// One subsidy over a schedule's months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubsidySummary {
    /// The first month paid in the range.
    pub first_paid: Option<Month>,
    /// The last stop in the range: from which month, and why.
    pub stopped: Option<StopInfo>,
    /// How many months are paid.
    pub months_paid: u32,
    /// What it pays over the range.
    pub total: Money,
}

/// When and why a claim stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StopInfo {
    /// The first month not paid.
    pub since: Month,
    /// The condition that ceased.
    pub because: Cause,
}

// --- 政策找人: outreach duties -------------------------------------------------------------

/// What opened an outreach duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum TriggerKind {
    /// 新办残疾人证: a certificate issued when none was valid the day before.
    NewCertificate,
    /// 新纳入低保、低保边缘家庭: the household entered dibao or dibao-edge after a day without
    /// either.
    NewHouseholdAssistance {
        /// Dibao or dibao-edge.
        assistance: AssistanceKind,
    },
}

/// An outreach duty: its trigger, the office that owes it and its deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutreachTrigger {
    /// What opened it.
    pub kind: TriggerKind,
    /// The trigger's date: the certificate's issue date or the enrolment's first day.
    pub date: NaiveDate,
    /// The certificate or assistance period.
    pub fact: FactRef,
    /// The body that owes the duty, at district and sub-district level.
    pub duty_of: OfficeBody,
    /// The last day to notify: 3 calendar months after `date`, clamped to the month's end.
    pub deadline: NaiveDate,
    /// The subsidies whose conditions the person met on `date` and was not yet receiving.
    pub subsidies: Vec<Subsidy>,
}

/// Where an outreach duty stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum OutreachStatus {
    /// Not yet notified; the deadline has not passed.
    Pending {
        /// Days until the deadline (0 on the deadline day).
        days_left: i64,
    },
    /// Not notified, and the deadline has passed.
    Overdue {
        /// Days since the deadline.
        days_overdue: i64,
    },
    /// Notified by the deadline, which has not yet passed; no application yet.
    FulfilledOnTime {
        /// The delivery day.
        notified_on: NaiveDate,
        /// The notification.
        notification: FactRef,
    },
    /// Notified after the deadline; no application yet. Not counted as a waiver.
    FulfilledLate {
        /// The delivery day.
        notified_on: NaiveDate,
        /// Days after the deadline.
        days_late: i64,
        /// The notification.
        notification: FactRef,
    },
    /// Notified by the deadline, and no application by then: deemed a voluntary waiver.
    DeemedWaived {
        /// The delivery day.
        notified_on: NaiveDate,
        /// The notification.
        notification: FactRef,
    },
    /// Not yet notified, but the person no longer meets the conditions of any of the trigger's
    /// subsidies (died, in prison, left dibao, …): the duty has lapsed.
    Lapsed {
        /// The day judged.
        on: NaiveDate,
        /// The condition that no longer holds.
        because: Cause,
    },
    /// The person applied on or after the trigger's date.
    Applied {
        /// The submission day.
        on: NaiveDate,
        /// The application.
        application: FactRef,
        /// The delivery day of a notification before it, if any.
        notified_on: Option<NaiveDate>,
    },
}

impl OutreachStatus {
    /// The status's snake_case name, as in JSON.
    pub fn name(&self) -> &'static str {
        match self {
            OutreachStatus::Pending { .. } => "pending",
            OutreachStatus::Overdue { .. } => "overdue",
            OutreachStatus::FulfilledOnTime { .. } => "fulfilled_on_time",
            OutreachStatus::FulfilledLate { .. } => "fulfilled_late",
            OutreachStatus::DeemedWaived { .. } => "deemed_waived",
            OutreachStatus::Lapsed { .. } => "lapsed",
            OutreachStatus::Applied { .. } => "applied",
        }
    }
}

/// One outreach duty of one resident, where it stands, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutreachItem {
    /// The resident's id.
    pub resident: Arc<str>,
    /// The duty.
    pub trigger: OutreachTrigger,
    /// Where it stands.
    pub status: OutreachStatus,
    /// The reasons, each citing its clause.
    pub reasons: Vec<Reason>,
}

/// The last day of an outreach duty: 3 calendar months after the trigger, clamped to the month's
/// end (reading `outreach.months`: 2024-11-30 + 3 months = 2025-02-28).
pub fn outreach_deadline(trigger: NaiveDate) -> NaiveDate {
    trigger
        .checked_add_months(chrono::Months::new(3))
        .unwrap_or(NaiveDate::MAX)
}

/// A decision rendered as text; made by [`MonthDecision::explain`] or [`Schedule::explain`].
pub struct Explanation<'a, T> {
    pub(crate) value: &'a T,
    pub(crate) lang: Language,
}

impl MonthDecision {
    /// The decision as readable text in `lang`, reasons included.
    pub fn explain(&self, lang: Language) -> Explanation<'_, MonthDecision> {
        Explanation { value: self, lang }
    }
}

impl Schedule {
    /// The schedule as readable text in `lang`: a line a month, then each subsidy's reasons in
    /// the last month.
    pub fn explain(&self, lang: Language) -> Explanation<'_, Schedule> {
        Explanation { value: self, lang }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Which variant an outcome is: a match without a wildcard, so that a new outcome does not
    /// compile until it is added to [`every_outcome`].
    fn outcome_variant(outcome: &Outcome) -> usize {
        match outcome {
            Outcome::Paid { .. } => 0,
            Outcome::NotEligible { .. } => 1,
            Outcome::Excluded { .. } => 2,
            Outcome::Superseded { .. } => 3,
            Outcome::NotAppliedFor { .. } => 4,
            Outcome::Stopped { .. } => 5,
            Outcome::Undetermined { .. } => 6,
        }
    }

    fn every_outcome() -> Vec<Outcome> {
        let money = Money::yuan(300);
        vec![
            Outcome::Paid {
                amount: money,
                payee: Payee::Person,
            },
            Outcome::NotEligible {
                because: vec![Cause::Died],
            },
            Outcome::Excluded { by: Cause::Died },
            Outcome::Superseded {
                by: BenefitKind::WelfareLivingAllowance,
                benefit_amount: money,
                subsidy_amount: money,
            },
            Outcome::NotAppliedFor { would_pay: money },
            Outcome::Stopped {
                since: Month::new(2025, 1).expect("a month"),
                because: Cause::Died,
            },
            Outcome::Undetermined {
                missing: vec![FactGroup::Hukou],
            },
        ]
    }

    /// Which variant a status is, as [`outcome_variant`].
    fn status_variant(status: &OutreachStatus) -> usize {
        match status {
            OutreachStatus::Pending { .. } => 0,
            OutreachStatus::Overdue { .. } => 1,
            OutreachStatus::FulfilledOnTime { .. } => 2,
            OutreachStatus::FulfilledLate { .. } => 3,
            OutreachStatus::DeemedWaived { .. } => 4,
            OutreachStatus::Lapsed { .. } => 5,
            OutreachStatus::Applied { .. } => 6,
        }
    }

    fn every_status() -> Vec<OutreachStatus> {
        let day = NaiveDate::from_ymd_opt(2025, 1, 2).expect("a day");
        let fact = FactRef::new(FactGroup::Hukou, 0);
        vec![
            OutreachStatus::Pending { days_left: 1 },
            OutreachStatus::Overdue { days_overdue: 1 },
            OutreachStatus::FulfilledOnTime {
                notified_on: day,
                notification: fact,
            },
            OutreachStatus::FulfilledLate {
                notified_on: day,
                days_late: 1,
                notification: fact,
            },
            OutreachStatus::DeemedWaived {
                notified_on: day,
                notification: fact,
            },
            OutreachStatus::Lapsed {
                on: day,
                because: Cause::Died,
            },
            OutreachStatus::Applied {
                on: day,
                application: fact,
                notified_on: None,
            },
        ]
    }

    /// `Outcome::name` is the name the JSON tags it with, for every outcome.
    #[test]
    fn an_outcomes_name_is_its_json_tag() {
        let outcomes = every_outcome();
        let variants: Vec<usize> = outcomes.iter().map(outcome_variant).collect();
        assert_eq!(variants, (0..7).collect::<Vec<_>>(), "every outcome, once");
        for outcome in outcomes {
            let json = serde_json::to_value(&outcome).expect("an outcome serializes");
            assert_eq!(json["outcome"], outcome.name(), "{outcome:?}");
        }
    }

    /// `OutreachStatus::name` is the name the JSON tags it with, for every status.
    #[test]
    fn a_statuss_name_is_its_json_tag() {
        let statuses = every_status();
        let variants: Vec<usize> = statuses.iter().map(status_variant).collect();
        assert_eq!(variants, (0..7).collect::<Vec<_>>(), "every status, once");
        for status in statuses {
            let json = serde_json::to_value(status).expect("a status serializes");
            assert_eq!(json["status"], status.name(), "{status:?}");
        }
    }
}
