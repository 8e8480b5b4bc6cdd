//! The English half of every text: serde's wording for reading errors, so that a message reads
//! the same whether serde or the crate's reader found the problem.

use crate::clauses::ClauseId;
use crate::decision::{
    Cause, FactGroup, Finding, GivenUp, Lapse, MonthDecision, Outcome, OutreachStatus, Payee,
    Schedule, Side, SubsidySummary, Tier, TriggerKind,
};
use crate::error::{Error, FactProblem, PolicyProblem, ReformProblem, Refusal};
use crate::facts::{
    AssistanceKind, BenefitKind, Category, CertificateNumberProblem, Channel, CustodyKind, Keeps,
    NotificationForm, OfficeBody, OfficeLevel, Recipient, Subsidy,
};
use crate::json::{Found, JsonProblem, Own};
use crate::money::AmountError;
use crate::month::{Coverage, Month};
use crate::policy::{BenefitRelation, CountsWhen, StopTiming, TieBreak};

use super::{whole_mebibytes, At, Label, Sentence, Which, Words};

/// English.
pub(crate) struct English;

impl Words for English {
    fn subsidy(&self, x: Subsidy) -> &'static str {
        match x {
            Subsidy::Living => "living allowance",
            Subsidy::Nursing => "nursing allowance",
        }
    }
    fn category(&self, x: Category) -> &'static str {
        match x {
            Category::Visual => "visual",
            Category::Hearing => "hearing",
            Category::Speech => "speech",
            Category::Physical => "physical",
            Category::Intellectual => "intellectual",
            Category::Mental => "mental",
            Category::Multiple => "multiple",
        }
    }
    fn assistance(&self, x: AssistanceKind) -> &'static str {
        match x {
            AssistanceKind::Dibao => "dibao",
            AssistanceKind::DibaoEdge => "dibao-edge",
        }
    }
    fn benefit(&self, x: BenefitKind) -> &'static str {
        match x {
            BenefitKind::WelfareLivingAllowance => "welfare-type living allowance",
            BenefitKind::WelfareNursingAllowance => "welfare-type nursing allowance",
            BenefitKind::DisabilityCompensationLiving => "disability compensation (living part)",
            BenefitKind::DisabilityCompensationNursing => "disability compensation (nursing part)",
            BenefitKind::ElderlyCareServiceSubsidy => "home-based elderly care service subsidy",
            BenefitKind::AdvancedAgeAllowance => "advanced-age allowance",
            BenefitKind::ElderlyCareNursingSubsidy => "home-based elderly care nursing subsidy",
            BenefitKind::WorkInjuryLivingCareFee => "work-injury living-care fee",
            BenefitKind::ExtremePovertySupport => "extreme-poverty support",
        }
    }
    fn custody(&self, x: CustodyKind) -> &'static str {
        match x {
            CustodyKind::Prison => "prison",
            CustodyKind::SuspendedSentence => "suspended sentence",
            CustodyKind::ServingOutsidePrison => "serving outside prison",
            CustodyKind::Detention => "detention",
            CustodyKind::PublicSurveillance => "public surveillance",
        }
    }
    fn channel(&self, x: Channel) -> &'static str {
        match x {
            Channel::Window => "service window",
            Channel::Online => "fully online",
            Channel::CrossProvince => "cross-province service",
            Channel::OneThing => "\"one thing\" service",
            Channel::Other => "other channel",
        }
    }
    fn form(&self, x: NotificationForm) -> &'static str {
        match x {
            NotificationForm::SystemPrompt => "information-system prompt",
            NotificationForm::PlainLanguageSheet => "plain-language sheet",
            NotificationForm::WrittenNotice => "written notice",
            NotificationForm::PhoneCall => "phone call",
            NotificationForm::HomeVisit => "home visit",
        }
    }
    fn body(&self, x: OfficeBody) -> &'static str {
        match x {
            OfficeBody::CivilAffairs => "civil affairs",
            OfficeBody::DisabledPersonsFederation => "disabled persons' federation",
        }
    }
    fn cause(&self, x: Cause) -> &'static str {
        match x {
            Cause::Died => "the person has died",
            Cause::NoTianjinHukou => "no Tianjin household registration",
            Cause::NoValidCertificate => "no valid disability certificate",
            Cause::GradeNotSevere => "grade 3 or 4, not severe",
            Cause::NoHouseholdAssistance => "no dibao or dibao-edge treatment",
            Cause::OrphanGuarantee => "receives the orphan basic living guarantee",
            Cause::InstitutionFundedForCare => {
                "the child welfare institution is already funded for care"
            }
            Cause::WorkInjuryLivingCareFee => "receives the work-injury living-care fee",
            Cause::ExtremePovertySupport => "in extreme-poverty support",
            Cause::Prison => "serving a prison sentence",
        }
    }
    fn fact_group(&self, x: FactGroup) -> &'static str {
        x.field()
    }

    fn finding(&self, f: &Finding) -> String {
        match f {
            Finding::PolicyInForce { from } => format!("the policy governs months from {from}, this one included"),
            Finding::Died { on } => format!("the person died on {on}"),
            Finding::TianjinHukou { on, fact } => format!("Tianjin household registration on {on} ({fact})"),
            Finding::NoTianjinHukou { on, .. } => format!("no Tianjin household registration on {on}"),
            Finding::ValidCertificate { on, category, grade, fact } => {
                format!("valid disability certificate on {on}: {}, grade {} ({fact})", category.name_en(), grade.number())
            }
            Finding::NoValidCertificate { on, lapse, .. } => match lapse {
                Lapse::NoneIssued => format!("no disability certificate issued by {on}"),
                Lapse::Expired { on: e } => format!("no valid certificate on {on}: it expired on {e}"),
                Lapse::Cancelled { on: c } => format!("no valid certificate on {on}: cancelled from {c}"),
                Lapse::Frozen { on: c } => format!("no valid certificate on {on}: frozen from {c}"),
            },
            Finding::SevereGrade { grade, .. } => format!("grade {} is severe (grade 1-2)", grade.number()),
            Finding::GradeNotSevere { grade, .. } => format!("grade {} is not severe (grade 1-2 needed)", grade.number()),
            Finding::OverallGradeOfMultiple { grade, .. } => format!("multiple disability: the overall grade {} applies", grade.number()),
            Finding::HouseholdAssistance { on, kind, fact } => format!("the household received {} treatment on {on} ({fact})", self.assistance(*kind)),
            Finding::NoHouseholdAssistance { on } => format!("no dibao or dibao-edge treatment on {on}"),
            Finding::OrphanGuarantee { on, fact } => format!("receives the orphan basic living guarantee on {on} ({fact})"),
            Finding::PaidToInstitution { institution, .. } => format!("raised in an institution: the nursing allowance is paid to {institution}"),
            Finding::InstitutionFundedForCare { institution, .. } => format!("{institution} is already funded for care: no second payment"),
            Finding::ExcludingBenefit { on, kind, fact } => format!("receives the {} on {on} ({fact}): neither subsidy", kind.name_en()),
            Finding::ExcludesOnlyWhenReceived { kind, .. } => format!("only qualified for the {}, not receiving it: no exclusion", kind.name_en()),
            Finding::InPrison { on, fact } => format!("serving a prison sentence on {on} ({fact})"),
            Finding::CustodyDoesNotExclude { kind, .. } => format!("{} is not prison: it does not exclude", kind.name_en()),
            Finding::Amount { subsidy, amount, tier, household, parameter, used } => {
                let from = used.from;
                let tier = match tier {
                    Tier::Grade1To2 => " for grade 1-2",
                    Tier::Grade3To4 => " for grade 3-4",
                    Tier::Flat => "",
                };
                let household = household.map(|h| format!(" in a {} household", self.assistance(h))).unwrap_or_default();
                format!("{}{tier}{household}: {amount} yuan a month (parameter {} from {from})", self.subsidy(*subsidy), parameter.name())
            }
            Finding::Compared { kind, benefit_amount, subsidy_amount, kept, .. } => {
                let kept = match kept { Side::Subsidy => "the subsidy is kept", Side::OtherBenefit => "the other benefit is kept" };
                let how = if benefit_amount == subsidy_amount { "equal amounts, " } else { "" };
                format!("{} {benefit_amount} a month vs the subsidy {subsidy_amount}: {how}{kept}", kind.name_en())
            }
            Finding::CompetesOnlyWhenReceived { kind, .. } => format!("the {} is not yet received: it does not compete", kind.name_en()),
            Finding::Tie { rule, kept, .. } => {
                let rule = match rule {
                    TieBreak::KeepReceived => "keep what is already received",
                    TieBreak::PreferSubsidy => "prefer the subsidy",
                    TieBreak::PreferOtherBenefit => "prefer the other benefit",
                };
                let kept = match kept { Side::Subsidy => "the subsidy", Side::OtherBenefit => "the other benefit" };
                format!("equal amounts; the rule is to {rule}: {kept} is kept")
            }
            Finding::PersonChose { keeps, fact } => match keeps {
                Keeps::Subsidy => format!("the person chose the subsidy ({fact})"),
                Keeps::OtherBenefit => format!("the person chose the other benefit ({fact})"),
            },
            Finding::Stacks { kind, .. } => format!("the {} stacks: it does not reduce the subsidy", kind.name_en()),
            Finding::ApplicationGranted { submitted, first_month, fact } => format!("applied on {submitted}, every condition held that day: paid from {first_month} ({fact})"),
            Finding::CarriedOver { submitted, from, fact } => format!("the application of {submitted} was made before the policy and held until it began: it carries over from {from} ({fact})"),
            Finding::CarryOverRefused { submitted, on, cause, fact } => format!("the application of {submitted} was made before the policy, and from {on}: {}; it does not carry over, a new application is needed ({fact})", cause.describe_en()),
            Finding::ApplicationNotGranted { submitted, fact } => format!("the application of {submitted} was not granted: a condition failed that day ({fact})"),
            Finding::ApplicationUndetermined { submitted, missing, fact } => format!(
                "the application of {submitted} cannot be decided yet: facts needed: {} ({fact})",
                missing.iter().map(|g| g.field()).collect::<Vec<_>>().join(", ")
            ),
            Finding::RenewedCertificateStandard { on, category, grade, fact } => format!(
                "{on} is before the application's month: paid at the renewed certificate's standard, {} grade {} ({fact})",
                category.name_en(),
                grade.number()
            ),
            Finding::NoApplication => "no application for this subsidy".to_owned(),
            Finding::Channel { channel, .. } => format!("applied through the {}; every channel counts alike", channel.name_en()),
            Finding::InPayment { since, fact } => format!("in payment since {since} ({fact})"),
            Finding::NoBackPay { from, .. } => format!("a new application after a stop: paid from {from}, no back pay"),
            Finding::Renewal { issued, back_pay_months, first_month, .. } => format!("renewed certificate issued {issued}, {back_pay_months} back-pay month(s): paid from {first_month}"),
            Finding::Ceased { cause, on, stop_month, timing, .. } => {
                let when = match timing { StopTiming::MonthAfter => "month-after rule", StopTiming::SameMonth => "same-month rule" };
                format!("from {on}: {} ({when}): stopped from {stop_month}", cause.describe_en())
            }
            Finding::NursingExtended { category, grade, fact, used } => format!(
                "{} grade {} ({fact}) is covered by the policy's extension of the nursing allowance (parameter {} from {})",
                category.name_en(),
                grade.number(),
                used.parameter,
                used.from
            ),
            Finding::ConditionCeased { cause, on } => format!("from {on}: {}", cause.describe_en()),
            Finding::NeedsNewApplication { since } => format!("stopped since {since}: a new application is needed"),
            Finding::BothPaid => "both subsidies are paid this month".to_owned(),
            Finding::OutreachDuty { trigger, date, duty_of, subsidies, fact } => {
                let what = match trigger {
                    TriggerKind::NewCertificate => "new disability certificate".to_owned(),
                    TriggerKind::NewHouseholdAssistance { assistance } => format!("new {} enrolment", self.assistance(*assistance)),
                };
                let names: Vec<&str> = subsidies.iter().map(|s| self.subsidy(*s)).collect();
                format!("{what} on {date} ({fact}), meeting the conditions of the {}: the district and sub-district {} must notify", names.join(" and "), duty_of.name_en())
            }
            Finding::OutreachDeadline { date, deadline } => format!("deadline: 3 calendar months from {date}, i.e. {deadline}"),
            Finding::Notified { on, form, office, recipient, on_time, fact } => {
                let level = match office.level { OfficeLevel::District => "district", OfficeLevel::SubDistrict => "sub-district" };
                let who = match recipient { Recipient::Person => "the person", Recipient::Guardian => "the guardian" };
                let when = if *on_time { "on time" } else { "late" };
                format!("{who} notified on {on} by {form} from the {level} {}, {when} ({fact})", office.body.name_en(), form = form.name_en())
            }
            Finding::OutreachLapsed { on, cause } => format!("on {on} the person no longer qualifies ({}): the duty has lapsed", cause.describe_en()),
            Finding::AppliedAfterTrigger { on, fact } => format!("applied on {on} ({fact})"),
            Finding::DeemedWaived { notified_on, deadline } => format!("notified on {notified_on} and no application by {deadline}: deemed a voluntary waiver"),
            Finding::NotNotified { deadline } => format!("not notified by {deadline}: the duty is overdue, and no waiver is deemed"),
            Finding::WaiverThenApplication { trigger_date, notified_on, deadline } => format!(
                "outreach opened {trigger_date}, notified {notified_on}, no application by {deadline}: a waiver; the later application pays from its own month"
            ),
        }
    }

    fn outcome(&self, o: &Outcome) -> String {
        match o {
            Outcome::Paid { amount, payee } => match payee {
                Payee::Person => format!("paid {amount} yuan"),
                Payee::Institution { name } => format!("paid {amount} yuan to {name}"),
            },
            Outcome::NotEligible { because } => format!(
                "not eligible: {}",
                because.iter().map(|c| c.describe_en()).collect::<Vec<_>>().join("; ")
            ),
            Outcome::Excluded { by } => format!("excluded: {}", by.describe_en()),
            Outcome::Superseded { by, benefit_amount, subsidy_amount } => format!(
                "superseded by the {} ({benefit_amount} yuan) over the subsidy ({subsidy_amount} yuan)",
                by.name_en()
            ),
            Outcome::NotAppliedFor { would_pay } => format!("entitled but not applied for ({would_pay} yuan a month)"),
            Outcome::Stopped { since, because } => format!("stopped since {since}: {}", because.describe_en()),
            Outcome::Undetermined { missing } => format!(
                "undetermined: facts needed: {}",
                missing.iter().map(|g| g.field()).collect::<Vec<_>>().join(", ")
            ),
        }
    }

    fn colon(&self) -> &'static str {
        ": "
    }

    fn gives_up(&self, g: &GivenUp) -> String {
        format!(
            "gives up the {} ({} yuan a month)",
            self.benefit(g.kind),
            g.monthly_amount
        )
    }

    fn month_heading(&self, d: &MonthDecision) -> String {
        format!(
            "{} {} ({}): total {} yuan",
            d.resident, d.month, d.policy, d.total
        )
    }

    fn schedule_heading(&self, s: &Schedule) -> String {
        format!(
            "{} {} to {} ({}): total {} yuan",
            s.resident, s.first, s.last, s.policy, s.total
        )
    }

    fn subsidy_summary(&self, subsidy: Subsidy, s: &SubsidySummary, resumed: bool) -> String {
        let mut line = format!(
            "{}: {} month(s) paid, {} yuan",
            self.subsidy(subsidy),
            s.months_paid,
            s.total
        );
        if let Some(first) = s.first_paid {
            line.push_str(&format!(", first paid {first}"));
        }
        if let Some(stop) = s.stopped {
            line.push_str(&format!(
                ", {}stopped from {} ({}){}",
                if resumed { "last " } else { "" },
                stop.since,
                self.cause(stop.because),
                if resumed {
                    ", paid again after a new application"
                } else {
                    ""
                }
            ));
        }
        line
    }

    fn reasons_in(&self, month: Month) -> String {
        format!("reasons in {month}:")
    }

    fn path<'p>(&self, path: &'p str) -> &'p str {
        if path == "." {
            "the whole record"
        } else {
            path
        }
    }

    fn reading_error(&self, path: &str, problem: &JsonProblem, at: At) -> String {
        let path = self.path(path);
        let message = self.json_problem(problem);
        match at {
            At::LineColumn(line, column) => {
                format!("{path}: {message} (line {line}, column {column})")
            }
            At::Column(column) => format!("{path}: {message} (column {column})"),
            At::Nowhere => format!("{path}: {message}"),
        }
    }

    fn json_problem(&self, p: &JsonProblem) -> String {
        use JsonProblem as P;
        match p {
            P::Syntax { message, .. } => message.clone(),
            P::TrailingCharacters => "trailing characters".to_owned(),
            P::WrongType { found, expected } => {
                format!(
                    "invalid type: {}, expected {}",
                    found_en(found),
                    expected.said
                )
            }
            P::WrongValue { found, expected } => match Own::of(expected) {
                Some(own) if own.found_bare(found) => {
                    format!("expected {}, found {}", expected.said, found_bare(found))
                }
                _ => format!(
                    "invalid value: {}, expected {}",
                    found_en(found),
                    expected.said
                ),
            },
            P::WrongLength { length, expected } => {
                format!("invalid length {length}, expected {}", expected.said)
            }
            P::UnknownField {
                field,
                expected: [],
            } => format!("unknown field `{field}`, there are no fields"),
            P::UnknownField { field, expected } => {
                format!("unknown field `{field}`, expected {}", one_of(expected))
            }
            P::UnknownVariant {
                variant,
                expected: [],
            } => format!("unknown variant `{variant}`, there are no variants"),
            P::UnknownVariant { variant, expected } => {
                format!("unknown variant `{variant}`, expected {}", one_of(expected))
            }
            P::MissingField { field } => format!("missing field `{field}`"),
            P::DuplicateField { field } => format!("duplicate field `{field}`"),
            P::DuplicateKey { key } => format!("duplicate key `{key}`"),
            P::NotUtf8 => "expected UTF-8 text".to_owned(),
            P::LineTooLong { max_bytes } => {
                let mib =
                    whole_mebibytes(*max_bytes).map_or(String::new(), |m| format!(" ({m} MiB)"));
                format!("line longer than {max_bytes} bytes{mib}: not read")
            }
            P::Other { message } => message.clone(),
        }
    }

    fn error(&self, e: &Error) -> String {
        match e {
            Error::Json {
                path,
                problem,
                line,
                column,
            } => self.reading_error(path, problem, At::of(*line, *column)),
            Error::InvalidFact { path, problem } => {
                format!("{path}: {}", self.fact_problem(problem))
            }
            Error::InvalidMonth { found } => self.invalid_month(found),
            Error::InvalidAmount { found } => {
                format!("expected a non-negative amount in yuan, found \"{found}\"")
            }
            Error::AmountNotInFen { found } => format!(
                "expected an amount in yuan with at most two decimal places (fen), found {found}"
            ),
            Error::AmountTooLarge { found, max } => {
                format!("expected an amount of at most {max} yuan, found {found}")
            }
            Error::MonthNotCovered {
                month,
                policy,
                covers,
            } => format!(
                "no loaded policy covers {month}: policy {policy} covers {}",
                self.coverage(covers)
            ),
            Error::EmptyRange { first, last } => {
                format!("empty range of months: {first} is after {last}")
            }
            Error::RangeTooLong {
                first,
                last,
                months,
                max,
            } => format!(
                "range of months too long: {first} to {last} is {months} months, at most {max}"
            ),
            Error::InvalidReform { path, problem } => {
                format!("reform {path}: {}", self.reform_problem(problem))
            }
            Error::InvalidPolicy { path, problem } => {
                format!("policy {path}: {}", self.policy_problem(problem))
            }
        }
    }

    fn fact_problem(&self, p: &FactProblem) -> String {
        match p {
            FactProblem::EndsBeforeStart { from, to } => {
                format!("expected a date on or after the period's first day, {from}, found {to}")
            }
            FactProblem::ExpiresBeforeIssued { issued, expires } => {
                format!("the certificate expires on {expires}, before it was issued on {issued}")
            }
            FactProblem::WithdrawnBeforeIssued { issued, on } => {
                format!("the certificate is withdrawn on {on}, before it was issued on {issued}")
            }
            FactProblem::AssistanceOverlap { other } => {
                format!("overlaps {other}: a household has one assistance status at a time")
            }
            FactProblem::HukouOverlap { other } => {
                format!("overlaps {other}: a person is registered in one place at a time")
            }
            FactProblem::OrphanOverlap { other } => {
                format!("overlaps {other}: a child has one orphan guarantee at a time")
            }
            FactProblem::SameDayCertificates { other } => format!(
                "issued on the same day as {other}, and both valid that day: which certificate \
                 counts cannot be told (reading {})",
                ClauseId::CertificateSameDay.id()
            ),
            FactProblem::ConflictingChoices { other } => format!(
                "disagrees with {other}, a choice for the same subsidy from the same day: which \
                 holds cannot be told (reading {})",
                ClauseId::HigherTie.id()
            ),
            FactProblem::EmptyId => "expected a non-empty id".to_owned(),
            FactProblem::TooLong { max, found } => {
                format!("expected at most {max} characters, found {found}")
            }
            FactProblem::NoSubsidy => {
                "expected at least one of \"living\" and \"nursing\", found none".to_owned()
            }
            FactProblem::BackPayOutOfRange { max, found } => {
                format!("expected 0 to {max} back-pay months, found {found}")
            }
            FactProblem::BackPayWithoutRenewal => "expected no back-pay months: back pay is \
                granted only to an application that follows a renewed certificate"
                .to_owned(),
            FactProblem::MissingWelfareBasis => "expected the basis of a welfare-type allowance \
                (disabled_on_duty, retired_veteran_cadre or other), found none"
                .to_owned(),
            FactProblem::UnexpectedWelfareBasis => {
                "expected no basis: only welfare-type allowances have one".to_owned()
            }
            FactProblem::CertificateNumber(problem) => self.certificate_number(problem),
        }
    }

    fn certificate_number(&self, p: &CertificateNumberProblem) -> String {
        use CertificateNumberProblem as P;
        match p {
            P::WrongLength { found } => format!(
                "expected 20 characters (18-digit citizen ID, category digit, grade digit), found \
                 {found}"
            ),
            P::NotADigit { position, found } => {
                format!("expected a digit at position {position}, found '{found}'")
            }
            P::CheckDigit { expected, found } => {
                format!("the citizen ID's check character should be '{expected}', found '{found}'")
            }
            P::BirthDate { found } => {
                format!("the citizen ID's digits 7-14 should be a date of birth, found \"{found}\"")
            }
            P::UnknownCategory { found } => {
                format!("expected a category digit from 1 to 7 at position 19, found '{found}'")
            }
            P::UnknownGrade { found } => {
                format!("expected a grade digit from 1 to 4 at position 20, found '{found}'")
            }
            P::CategoryMismatch {
                in_number,
                in_record,
            } => format!(
                "the number encodes category {}, but the certificate says {}",
                self.category(*in_number),
                self.category(*in_record)
            ),
            P::GradeMismatch {
                in_number,
                in_record,
            } => format!(
                "the number encodes grade {}, but the certificate says grade {}",
                in_number.number(),
                in_record.number()
            ),
        }
    }

    fn policy_problem(&self, p: &PolicyProblem) -> String {
        match p {
            PolicyProblem::Reading {
                problem,
                line,
                column,
            } => with_position(self.json_problem(problem), *line, *column),
            PolicyProblem::NoValues => "expected at least one dated value, found none".to_owned(),
            PolicyProblem::StartsLate { first, policy_from } => format!(
                "expected a value from {policy_from} (the policy's first month), found the first \
                 from {first}"
            ),
            PolicyProblem::OutOfOrder { found, after } => {
                format!("expected values in order of their months, found {found} after {after}")
            }
            PolicyProblem::NoSource => "expected a source, found none".to_owned(),
            PolicyProblem::Refused(refusal) => self.refusal(refusal),
            PolicyProblem::EndsBeforeStart { from, to } => {
                format!("expected a month on or after {from}, found {to}")
            }
            PolicyProblem::CannotExclude => {
                "expected choose_higher or stacks: only \
                work_injury_living_care_fee and extreme_poverty_support can exclude in this version"
                    .to_owned()
            }
            PolicyProblem::MissingRelation { kind } => {
                format!("expected a relation for every benefit kind, found none for \"{kind}\"")
            }
        }
    }

    fn reform_problem(&self, p: &ReformProblem) -> String {
        match p {
            ReformProblem::Reading {
                problem,
                line,
                column,
            } => with_position(self.json_problem(problem), *line, *column),
            ReformProblem::EmptyName => "expected a non-empty name, found none".to_owned(),
            ReformProblem::OutOfOrder {
                parameter,
                found,
                after,
            } => format!(
                "expected the overrides of {parameter} in order of their months, found {found} \
                 after {after}"
            ),
            ReformProblem::NoSource => "expected a source, found none".to_owned(),
            ReformProblem::NotCovered { from, base, covers } => format!(
                "expected a month the base policy {base} covers ({}), found {from}",
                self.coverage(covers)
            ),
            ReformProblem::Refused(refusal) => self.refusal(refusal),
        }
    }

    fn refusal(&self, r: &Refusal) -> String {
        match r {
            Refusal::TooManyBackPayMonths { max, found } => {
                format!("expected at most {max} months (reading start.renewal), found {found}")
            }
        }
    }

    fn coverage(&self, c: &Coverage) -> String {
        match c.to {
            Some(to) => format!("{} to {to}", c.from),
            None => format!("{} onwards", c.from),
        }
    }

    fn invalid_month(&self, found: &str) -> String {
        format!("expected a month as YYYY-MM, found \"{found}\"")
    }

    fn amount_error(&self, e: &AmountError) -> String {
        self.error(&Error::from(e.clone()))
    }

    fn invalid_grade(&self, found: u8) -> String {
        format!("expected {}, found {found}", Own::Grade.said())
    }

    fn unknown_clause(&self, found: &str) -> String {
        format!("expected a clause id of CLAUSES.md, found \"{found}\"")
    }

    fn invalid_fact_ref(&self, found: &str) -> String {
        format!("expected a fact reference such as \"certificates[0]\", found \"{found}\"")
    }

    fn unknown_parameter(&self, found: &str) -> String {
        format!(
            "expected one of {}, found \"{found}\"",
            crate::policy::Parameter::NAMES.join(", ")
        )
    }

    fn unknown_language(&self, found: &str) -> String {
        format!("expected a language, zh or en, found \"{found}\"")
    }

    fn merge_error(&self, e: crate::error::MergeError) -> String {
        use crate::error::MergeError as M;
        match e {
            M::DifferentPolicies => "cannot merge results under different policies",
            M::DifferentOptions => "cannot merge scans of different months or options",
            M::DifferentMonths => "cannot merge comparisons of different months",
            M::CountOverflow => "cannot merge comparisons whose counts of residents add up to more than a count holds",
        }
        .to_owned()
    }

    fn label(&self, l: Label) -> &'static str {
        report_label(l)
    }

    fn sentence(&self, s: &Sentence<'_>) -> String {
        report_sentence(self, s)
    }
}

/// A message with its position in the file, when it has one.
fn with_position(message: String, line: usize, column: usize) -> String {
    if line == 0 {
        message
    } else {
        format!("{message} (line {line}, column {column})")
    }
}

/// serde's list of allowed names: `a`; `a` or `b`; one of `a`, `b`, `c`.
fn one_of(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => format!("`{one}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        many => format!("one of {}", super::zh::quoted(many)),
    }
}

/// What was found, as serde words it (`string "x"`, ``integer `5` ``, `map`, …).
fn found_en(found: &Found) -> String {
    match found {
        Found::Bool(b) => format!("boolean `{b}`"),
        Found::Unsigned(n) => format!("integer `{n}`"),
        Found::Signed(n) => format!("integer `{n}`"),
        Found::Float(text) => format!("floating point `{text}`"),
        Found::Str(s) => format!("string {s:?}"),
        Found::Null => "null".to_owned(),
        Found::Array => "sequence".to_owned(),
        Found::Object => "map".to_owned(),
        Found::Other(text) => text.clone(),
    }
}

/// A refused value written on its own, after the crate's own expectation.
fn found_bare(found: &Found) -> String {
    match found {
        Found::Unsigned(n) => n.to_string(),
        Found::Signed(n) => n.to_string(),
        Found::Float(text) | Found::Str(text) => text.clone(),
        other => found_en(other),
    }
}

/// The reports' fixed words. English labels carry the policy's Chinese terms where a caseworker
/// knows the term better than its translation.
fn report_label(l: Label) -> &'static str {
    match l {
        Label::Lines => "Lines",
        Label::Read => "read",
        Label::Blank => "blank",
        Label::Decided => "decided",
        Label::Rejected => "rejected",
        Label::Line => "line",
        Label::Resident => "resident",
        Label::Trigger => "trigger",
        Label::Date => "date",
        Label::Deadline => "deadline",
        Label::Status => "status",
        Label::For => "for",
        Label::Subsidy => "subsidy",
        Label::WouldPay => "would pay a month",
        Label::StoppedFrom => "stopped from",
        Label::Because => "because",
        Label::PaidTo => "paid to",
        Label::Count => "count",
        Label::Amount => "amount",
        Label::Persons => "persons",
        Label::ChildrenInInstitutions => "children in institutions",
        Label::Total => "total",
        Label::Error => "error",
        Label::Gain => "gain",
        Label::Lose => "lose",
        Label::Unchanged => "unchanged",
        Label::Baseline => "baseline",
        Label::Reform => "reform",
        Label::Difference => "difference",
        Label::Both => "both",
        Label::Year => "year",
        Label::Months => "months",
        Label::Month => "month",
        Label::Group => "group",
        Label::People => "people",
        Label::LivingBaseline => "living base",
        Label::LivingReform => "living reform",
        Label::NursingBaseline => "nursing base",
        Label::NursingReform => "nursing reform",
        Label::BothDifference => "both diff",
        Label::NoValidCertificate => "no valid certificate",
        Label::Dibao => "dibao",
        Label::DibaoEdge => "dibao-edge",
        Label::Neither => "neither",
        Label::Unknown => "unknown",
        Label::None => "none",
        Label::Item => "item",
        Label::LineCount => "lines",
        Label::LivingDifference => "living diff",
        Label::NursingDifference => "nursing diff",
        Label::Parameter => "parameter",
        Label::Name => "name in the file",
        Label::From => "from",
        Label::Value => "value",
        Label::Source => "source",
        Label::Benefit => "other benefit",
        Label::Relation => "relation to the subsidies",
        Label::CountsWhen => "counts when",
        Label::Clause => "clause",
    }
}

/// The reports' sentences.
fn report_sentence(w: &English, s: &Sentence<'_>) -> String {
    match *s {
        Sentence::RosterTitle { month, policy } => {
            format!("Roster scan for {month}, policy {policy}")
        }
        Sentence::Roster { source } => format!("roster: {source}"),
        Sentence::LinesCheck {
            read,
            blank,
            decided,
            rejected,
            balanced,
        } => format!(
            "check: read {read} = blank {blank} + decided {decided} + rejected {rejected} {}",
            if balanced { "✓" } else { "✗ MISMATCH" }
        ),
        Sentence::OutreachHeading {
            day,
            pending,
            overdue,
        } => format!(
            "Outreach worklist (政策找人: 新办证 → 残联, 新纳入低保/低保边缘 → 民政), as of {day}: \
             {pending} pending, {overdue} overdue"
        ),
        Sentence::OfficeHeading {
            office,
            pending,
            overdue,
        } => format!(
            "{} ({}), district and sub-district: {pending} pending, {overdue} overdue",
            w.body(office),
            super::zh::Chinese.body(office)
        ),
        Sentence::More { count } => format!("… and {count} more"),
        Sentence::EntitledHeading { count } => {
            format!("应享未享 entitled but not receiving: {count}")
        }
        Sentence::ToStopHeading { first, last, count } => {
            format!("应退则退 payments to stop (stopped {first} to {last}): {count}")
        }
        Sentence::PaymentHeading { month } => format!("Payment run {month} (yuan)"),
        Sentence::SubsidyHeading { subsidy } => format!(
            "{} ({})",
            w.subsidy(subsidy),
            super::zh::Chinese.subsidy(subsidy)
        ),
        Sentence::PaymentCheck {
            lines,
            persons,
            institutions,
            total,
            ok,
        } => format!(
            "check: the {lines} payment lines sum to {persons}, the institution lines to \
             {institutions}: {} {} total {total}",
            persons + institutions,
            if ok { "=" } else { "≠" }
        ),
        Sentence::BothCheck {
            living,
            nursing,
            total,
            ok,
            reconciled,
        } => format!(
            "both subsidies: {living} + {nursing} = {} {} total {total}  {}",
            living + nursing,
            if ok { "=" } else { "≠" },
            if reconciled {
                "✓ reconciled"
            } else {
                "✗ NOT RECONCILED"
            }
        ),
        Sentence::RejectedHeading { count } => format!("Rejected lines: {count}"),
        Sentence::Trigger { trigger } => match trigger {
            TriggerKind::NewCertificate => "new certificate".to_owned(),
            TriggerKind::NewHouseholdAssistance {
                assistance: AssistanceKind::Dibao,
            } => "new dibao".to_owned(),
            TriggerKind::NewHouseholdAssistance { .. } => "new dibao-edge".to_owned(),
        },
        Sentence::Status { status } => match status {
            OutreachStatus::Pending { days_left } => format!("pending, {days_left} days left"),
            OutreachStatus::Overdue { days_overdue } => format!("overdue by {days_overdue} days"),
            OutreachStatus::FulfilledOnTime { notified_on, .. } => {
                format!("notified on {notified_on}")
            }
            OutreachStatus::FulfilledLate {
                notified_on,
                days_late,
                ..
            } => {
                format!("notified on {notified_on}, {days_late} days late")
            }
            OutreachStatus::DeemedWaived { notified_on, .. } => {
                format!("notified on {notified_on}, no application: deemed waived")
            }
            OutreachStatus::Lapsed { because, .. } => format!("lapsed: {}", w.cause(because)),
            OutreachStatus::Applied { on, .. } => format!("applied on {on}"),
        },
        Sentence::Subsidies { subsidies } => subsidies
            .iter()
            .map(|s| match s {
                Subsidy::Living => "living",
                Subsidy::Nursing => "nursing",
            })
            .collect::<Vec<_>>()
            .join("+"),
        Sentence::SubsidyName { subsidy } => w.subsidy(subsidy).to_owned(),
        Sentence::StopCause { cause } => {
            format!("{} ({})", w.cause(cause), super::zh::Chinese.cause(cause))
        }
        Sentence::ReformTitle {
            name,
            reform,
            baseline,
            first,
            last,
        } => {
            format!("Reform {name}: {reform} compared with {baseline}, {first} to {last}")
        }
        Sentence::ReformFile { source } => format!("reform file: {source}"),
        Sentence::Override {
            parameter,
            from,
            value,
        } => {
            format!("override {parameter} from {from} = {value}")
        }
        Sentence::ParameterName { parameter } => parameter.name_en().to_owned(),
        Sentence::Source { source } => format!("source: {source}"),
        Sentence::MoversHeading { first, last } => {
            format!("Who gains and who loses (each resident's total over {first} to {last})")
        }
        Sentence::TotalHeading { first, last } => format!("Total cost, {first} to {last} (yuan)"),
        Sentence::UnclaimedHeading => {
            "Unclaimed (应享未享: entitled but not applied for), priced at what it would pay"
                .to_owned()
        }
        Sentence::NewlyEntitled { count } => {
            format!("residents newly entitled by the reform (paid once they apply): {count}")
        }
        Sentence::YearlyHeading => "Yearly cost (both subsidies, yuan)".to_owned(),
        Sentence::MonthlyHeading => "Monthly cost (both subsidies, yuan)".to_owned(),
        Sentence::ByCategoryHeading => {
            "By disability category (certificate counting on the last month's 1st)".to_owned()
        }
        Sentence::ByGradeHeading => "By grade".to_owned(),
        Sentence::ByHouseholdHeading => "By household status (on the last month's 1st)".to_owned(),
        Sentence::Grade { grade } => format!("grade {grade}"),
        Sentence::ExampleHeading { gains, resident } => format!(
            "One resident who {}: {resident}",
            if gains { "gains" } else { "loses" }
        ),
        Sentence::MonthsThatDiffer { months } => format!("months that differ: {months}"),
        Sentence::SideBySide { month } => format!("{month}, side by side"),
        Sentence::NoDifference => "No resident's payments differ under the reform.".to_owned(),
        Sentence::ClausesOnly { side, clauses } => {
            format!("clauses only in the {}: {clauses}", which(side))
        }
        Sentence::ParametersOnly { side } => {
            format!("parameter values only in the {}:", which(side))
        }
        Sentence::ParameterValue {
            parameter,
            value,
            from,
        } => {
            format!("{parameter} = {value} from {from}")
        }
        Sentence::PolicyTitle { name, covers } => {
            format!("The policy at a glance: {name}, {}", w.coverage(&covers))
        }
        Sentence::PolicyFile { source } => format!("policy file: {source}"),
        Sentence::DocumentTitle { title } => format!("implements: {title}"),
        Sentence::Document { document } => format!("document: {document}"),
        Sentence::ParametersHeading { parameters, values } => format!(
            "Parameters: {parameters}, with {values} dated values (each holds from its month \
             until the next)"
        ),
        Sentence::Value { value } => super::json_text(value),
        Sentence::RelationsHeading { kinds } => {
            format!("How other benefits relate to the subsidies: {kinds} kinds")
        }
        Sentence::Relation { relation } => match relation {
            BenefitRelation::ChooseHigher { subsidy, .. } => {
                format!("choose the higher, with the {}", w.subsidy(subsidy))
            }
            BenefitRelation::Stacks { .. } => "stacks with both subsidies".to_owned(),
            BenefitRelation::Excludes { .. } => "excludes both subsidies".to_owned(),
        },
        Sentence::CountsWhen { counts_when } => match counts_when {
            Some(CountsWhen::Received) => "when received".to_owned(),
            Some(CountsWhen::QualifiedOrReceived) => "when qualified for or received".to_owned(),
            None => "—".to_owned(),
        },
        Sentence::ClausesAt => "Each clause id is in docs/policy/CLAUSES.md.".to_owned(),
    }
}

fn which(side: Which) -> &'static str {
    match side {
        Which::Baseline => "baseline",
        Which::Reform => "reform",
    }
}
