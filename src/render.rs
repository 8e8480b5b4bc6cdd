//! Decisions as readable text, in Chinese and in English.

use std::fmt::{self, Display, Formatter, Write as _};

use crate::decision::{
    Finding, Lapse, MonthDecision, Outcome, Payee, Reason, Schedule, Side, SubsidyDecision, Tier,
    TriggerKind,
};
use crate::facts::{AssistanceKind, Keeps, OfficeLevel, Recipient, Subsidy};
use crate::policy::{StopTiming, TieBreak};

/// The language of an explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// 中文.
    Chinese,
    /// English.
    English,
}

fn subsidy_name(subsidy: Subsidy, lang: Language) -> &'static str {
    match lang {
        Language::Chinese => subsidy.name_zh(),
        Language::English => subsidy.name_en(),
    }
}

fn assistance_name(kind: AssistanceKind, lang: Language) -> &'static str {
    match lang {
        Language::Chinese => kind.name_zh(),
        Language::English => kind.name_en(),
    }
}

impl Finding {
    /// What was found, as one sentence in `lang`.
    pub fn describe(&self, lang: Language) -> String {
        use Language::{Chinese as Zh, English as En};
        match (self, lang) {
            (Finding::PolicyInForce { from }, Zh) => format!("《实施意见》自{from}起施行，本月在其适用范围内"),
            (Finding::PolicyInForce { from }, En) => format!("the policy governs months from {from}, this one included"),
            (Finding::Died { on }, Zh) => format!("本人于{on}死亡"),
            (Finding::Died { on }, En) => format!("the person died on {on}"),
            (Finding::TianjinHukou { on, fact }, Zh) => format!("{on}持有天津市户籍（{fact}）"),
            (Finding::TianjinHukou { on, fact }, En) => format!("Tianjin household registration on {on} ({fact})"),
            (Finding::NoTianjinHukou { on, .. }, Zh) => format!("{on}无天津市户籍"),
            (Finding::NoTianjinHukou { on, .. }, En) => format!("no Tianjin household registration on {on}"),
            (Finding::ValidCertificate { on, category, grade, fact }, Zh) => {
                format!("{on}持有效残疾人证：{}{}级（{fact}）", category.name_zh(), grade.number())
            }
            (Finding::ValidCertificate { on, category, grade, fact }, En) => {
                format!("valid disability certificate on {on}: {}, grade {} ({fact})", category.name_en(), grade.number())
            }
            (Finding::NoValidCertificate { on, lapse, .. }, Zh) => match lapse {
                Lapse::NoneIssued => format!("{on}无残疾人证"),
                Lapse::Expired { on: e } => format!("{on}无有效残疾人证：已于{e}到期"),
                Lapse::Cancelled { on: c } => format!("{on}无有效残疾人证：自{c}注销"),
                Lapse::Frozen { on: c } => format!("{on}无有效残疾人证：自{c}冻结"),
            },
            (Finding::NoValidCertificate { on, lapse, .. }, En) => match lapse {
                Lapse::NoneIssued => format!("no disability certificate issued by {on}"),
                Lapse::Expired { on: e } => format!("no valid certificate on {on}: it expired on {e}"),
                Lapse::Cancelled { on: c } => format!("no valid certificate on {on}: cancelled from {c}"),
                Lapse::Frozen { on: c } => format!("no valid certificate on {on}: frozen from {c}"),
            },
            (Finding::SevereGrade { grade, .. }, Zh) => format!("残疾等级为{}级，属重度残疾", grade.number()),
            (Finding::SevereGrade { grade, .. }, En) => format!("grade {} is severe (grade 1-2)", grade.number()),
            (Finding::GradeNotSevere { grade, .. }, Zh) => format!("残疾等级为{}级，非一、二级重度残疾", grade.number()),
            (Finding::GradeNotSevere { grade, .. }, En) => format!("grade {} is not severe (grade 1-2 needed)", grade.number()),
            (Finding::OverallGradeOfMultiple { grade, .. }, Zh) => format!("多重残疾按证载综合等级{}级认定", grade.number()),
            (Finding::OverallGradeOfMultiple { grade, .. }, En) => format!("multiple disability: the overall grade {} applies", grade.number()),
            (Finding::HouseholdAssistance { on, kind, fact }, Zh) => format!("{on}享受{}待遇（{fact}）", assistance_name(*kind, Zh)),
            (Finding::HouseholdAssistance { on, kind, fact }, En) => format!("the household received {} treatment on {on} ({fact})", assistance_name(*kind, En)),
            (Finding::NoHouseholdAssistance { on }, Zh) => format!("{on}未享受低保或低保边缘家庭待遇"),
            (Finding::NoHouseholdAssistance { on }, En) => format!("no dibao or dibao-edge treatment on {on}"),
            (Finding::OrphanGuarantee { on, fact }, Zh) => format!("{on}享受孤儿基本生活保障（{fact}）"),
            (Finding::OrphanGuarantee { on, fact }, En) => format!("receives the orphan basic living guarantee on {on} ({fact})"),
            (Finding::PaidToInstitution { institution, .. }, Zh) => format!("机构集中养育，护理补贴发放至{institution}"),
            (Finding::PaidToInstitution { institution, .. }, En) => format!("raised in an institution: the nursing allowance is paid to {institution}"),
            (Finding::InstitutionFundedForCare { institution, .. }, Zh) => format!("{institution}已纳入照料护理类补贴资金保障范围，不再重复享受"),
            (Finding::InstitutionFundedForCare { institution, .. }, En) => format!("{institution} is already funded for care: no second payment"),
            (Finding::ExcludingBenefit { on, kind, fact }, Zh) => format!("{on}{}（{fact}），不享受两项补贴", kind.name_zh()),
            (Finding::ExcludingBenefit { on, kind, fact }, En) => format!("receives the {} on {on} ({fact}): neither subsidy", kind.name_en()),
            (Finding::ExcludesOnlyWhenReceived { kind, .. }, Zh) => format!("仅符合{}条件而未领取，不构成排除", kind.name_zh()),
            (Finding::ExcludesOnlyWhenReceived { kind, .. }, En) => format!("only qualified for the {}, not receiving it: no exclusion", kind.name_en()),
            (Finding::InPrison { on, fact }, Zh) => format!("{on}在监狱服刑（{fact}）"),
            (Finding::InPrison { on, fact }, En) => format!("serving a prison sentence on {on} ({fact})"),
            (Finding::CustodyDoesNotExclude { kind, .. }, Zh) => format!("{}不属于在监狱服刑，不影响补贴", kind.name_zh()),
            (Finding::CustodyDoesNotExclude { kind, .. }, En) => format!("{} is not prison: it does not exclude", kind.name_en()),
            (Finding::Amount { subsidy, amount, tier, household, parameter, used }, Zh) => {
                let from = used.from;
                let tier = match tier {
                    Tier::Grade1To2 => "一、二级",
                    Tier::Grade3To4 => "三、四级",
                    Tier::Flat => "",
                };
                let household = household
                    .map(|h| match h {
                        AssistanceKind::Dibao => "（低保家庭）",
                        AssistanceKind::DibaoEdge => "（低保边缘家庭）",
                    })
                    .unwrap_or_default();
                format!("{}{tier}{household}月标准{amount}元（参数{}，自{from}起）", subsidy_name(*subsidy, Zh), parameter.name())
            }
            (Finding::Amount { subsidy, amount, tier, household, parameter, used }, En) => {
                let from = used.from;
                let tier = match tier {
                    Tier::Grade1To2 => " for grade 1-2",
                    Tier::Grade3To4 => " for grade 3-4",
                    Tier::Flat => "",
                };
                let household = household.map(|h| format!(" in a {} household", assistance_name(h, En))).unwrap_or_default();
                format!("{}{tier}{household}: {amount} yuan a month (parameter {} from {from})", subsidy_name(*subsidy, En), parameter.name())
            }
            (Finding::Compared { kind, benefit_amount, subsidy_amount, kept, .. }, Zh) => {
                let kept = match kept { Side::Subsidy => "领取本补贴", Side::OtherBenefit => "保留该待遇" };
                // Equal amounts: no higher to choose; the tie rule's finding follows.
                let how = if benefit_amount == subsidy_amount { "金额相同，" } else { "择高" };
                format!("{}每月{benefit_amount}元，本补贴每月{subsidy_amount}元：{how}{kept}", kind.name_zh())
            }
            (Finding::Compared { kind, benefit_amount, subsidy_amount, kept, .. }, En) => {
                let kept = match kept { Side::Subsidy => "the subsidy is kept", Side::OtherBenefit => "the other benefit is kept" };
                let how = if benefit_amount == subsidy_amount { "equal amounts, " } else { "" };
                format!("{} {benefit_amount} a month vs the subsidy {subsidy_amount}: {how}{kept}", kind.name_en())
            }
            (Finding::CompetesOnlyWhenReceived { kind, .. }, Zh) => format!("{}尚未享受，不参与择高", kind.name_zh()),
            (Finding::CompetesOnlyWhenReceived { kind, .. }, En) => format!("the {} is not yet received: it does not compete", kind.name_en()),
            (Finding::Tie { rule, kept, .. }, Zh) => {
                let rule = match rule {
                    TieBreak::KeepReceived => "维持已享受的待遇",
                    TieBreak::PreferSubsidy => "优先本补贴",
                    TieBreak::PreferOtherBenefit => "优先其他待遇",
                };
                let kept = match kept { Side::Subsidy => "领取本补贴", Side::OtherBenefit => "保留其他待遇" };
                format!("金额相同，按规则{rule}：{kept}")
            }
            (Finding::Tie { rule, kept, .. }, En) => {
                let rule = match rule {
                    TieBreak::KeepReceived => "keep what is already received",
                    TieBreak::PreferSubsidy => "prefer the subsidy",
                    TieBreak::PreferOtherBenefit => "prefer the other benefit",
                };
                let kept = match kept { Side::Subsidy => "the subsidy", Side::OtherBenefit => "the other benefit" };
                format!("equal amounts; the rule is to {rule}: {kept} is kept")
            }
            (Finding::PersonChose { keeps, fact }, Zh) => match keeps {
                Keeps::Subsidy => format!("本人选择领取本补贴（{fact}）"),
                Keeps::OtherBenefit => format!("本人选择保留其他待遇（{fact}）"),
            },
            (Finding::PersonChose { keeps, fact }, En) => match keeps {
                Keeps::Subsidy => format!("the person chose the subsidy ({fact})"),
                Keeps::OtherBenefit => format!("the person chose the other benefit ({fact})"),
            },
            (Finding::Stacks { kind, .. }, Zh) => format!("{}可叠加享受，不影响本补贴", kind.name_zh()),
            (Finding::Stacks { kind, .. }, En) => format!("the {} stacks: it does not reduce the subsidy", kind.name_en()),
            (Finding::ApplicationGranted { submitted, first_month, fact }, Zh) => format!("{submitted}递交申请，当日符合条件，自{first_month}计发（{fact}）"),
            (Finding::ApplicationGranted { submitted, first_month, fact }, En) => format!("applied on {submitted}, every condition held that day: paid from {first_month} ({fact})"),
            (Finding::CarriedOver { submitted, from, fact }, Zh) => format!("{submitted}递交的申请早于《实施意见》施行，当日及至施行之日均符合条件，自{from}起继续有效（{fact}）"),
            (Finding::CarriedOver { submitted, from, fact }, En) => format!("the application of {submitted} was made before the policy and held until it began: it carries over from {from} ({fact})"),
            (Finding::CarryOverRefused { submitted, on, cause, fact }, Zh) => format!("{submitted}递交的申请早于《实施意见》施行，自{on}起{}，不能延续，须重新申请（{fact}）", cause.describe_zh()),
            (Finding::CarryOverRefused { submitted, on, cause, fact }, En) => format!("the application of {submitted} was made before the policy, and from {on}: {}; it does not carry over, a new application is needed ({fact})", cause.describe_en()),
            (Finding::ApplicationNotGranted { submitted, fact }, Zh) => format!("{submitted}递交的申请当日不符合条件，未予核准（{fact}）"),
            (Finding::ApplicationNotGranted { submitted, fact }, En) => format!("the application of {submitted} was not granted: a condition failed that day ({fact})"),
            (Finding::ApplicationUndetermined { submitted, missing, fact }, Zh) => format!(
                "{submitted}递交的申请尚无法审核，需补充：{}（{fact}）",
                missing.iter().map(|g| g.name_zh()).collect::<Vec<_>>().join("、")
            ),
            (Finding::ApplicationUndetermined { submitted, missing, fact }, En) => format!(
                "the application of {submitted} cannot be decided yet: facts needed: {} ({fact})",
                missing.iter().map(|g| g.field()).collect::<Vec<_>>().join(", ")
            ),
            (Finding::RenewedCertificateStandard { on, category, grade, fact }, Zh) => {
                format!("{on}在申请当月之前，按换发后残疾人证标准计发：{}{}级（{fact}）", category.name_zh(), grade.number())
            }
            (Finding::RenewedCertificateStandard { on, category, grade, fact }, En) => format!(
                "{on} is before the application's month: paid at the renewed certificate's standard, {} grade {} ({fact})",
                category.name_en(),
                grade.number()
            ),
            (Finding::NoApplication, Zh) => "未申请该补贴".to_owned(),
            (Finding::NoApplication, En) => "no application for this subsidy".to_owned(),
            (Finding::Channel { channel, .. }, Zh) => format!("申请渠道：{}，各渠道同等受理", channel.name_zh()),
            (Finding::Channel { channel, .. }, En) => format!("applied through the {}; every channel counts alike", channel.name_en()),
            (Finding::InPayment { since, fact }, Zh) => format!("自{since}起按申请发放中（{fact}）"),
            (Finding::InPayment { since, fact }, En) => format!("in payment since {since} ({fact})"),
            (Finding::NoBackPay { from, .. }, Zh) => format!("停发后再次申请，自{from}计发，不予补发"),
            (Finding::NoBackPay { from, .. }, En) => format!("a new application after a stop: paid from {from}, no back pay"),
            (Finding::Renewal { issued, back_pay_months, first_month, .. }, Zh) => format!("换发残疾人证（{issued}发证），补发{back_pay_months}个月，自{first_month}计发"),
            (Finding::Renewal { issued, back_pay_months, first_month, .. }, En) => format!("renewed certificate issued {issued}, {back_pay_months} back-pay month(s): paid from {first_month}"),
            (Finding::Ceased { cause, on, stop_month, timing, .. }, Zh) => {
                let when = match timing { StopTiming::MonthAfter => "次月起", StopTiming::SameMonth => "当月起" };
                format!("自{on}起{}，{when}停发：{stop_month}起停止发放", cause.describe_zh())
            }
            (Finding::Ceased { cause, on, stop_month, timing, .. }, En) => {
                let when = match timing { StopTiming::MonthAfter => "month-after rule", StopTiming::SameMonth => "same-month rule" };
                format!("from {on}: {} ({when}): stopped from {stop_month}", cause.describe_en())
            }
            (Finding::NursingExtended { category, grade, fact, used }, Zh) => format!(
                "{}{}级（{fact}）经政策扩展纳入护理补贴（参数{}，自{}起）",
                category.name_zh(),
                grade.number(),
                used.parameter,
                used.from
            ),
            (Finding::NursingExtended { category, grade, fact, used }, En) => format!(
                "{} grade {} ({fact}) is covered by the policy's extension of the nursing allowance (parameter {} from {})",
                category.name_en(),
                grade.number(),
                used.parameter,
                used.from
            ),
            (Finding::ConditionCeased { cause, on }, Zh) => format!("自{on}起{}", cause.describe_zh()),
            (Finding::ConditionCeased { cause, on }, En) => format!("from {on}: {}", cause.describe_en()),
            (Finding::NeedsNewApplication { since }, Zh) => format!("自{since}停发，须重新申请方可恢复"),
            (Finding::NeedsNewApplication { since }, En) => format!("stopped since {since}: a new application is needed"),
            (Finding::BothPaid, Zh) => "两项补贴同时发放".to_owned(),
            (Finding::BothPaid, En) => "both subsidies are paid this month".to_owned(),
            (Finding::OutreachDuty { trigger, date, duty_of, subsidies, fact }, Zh) => {
                let what = match trigger {
                    TriggerKind::NewCertificate => "新办残疾人证".to_owned(),
                    TriggerKind::NewHouseholdAssistance { assistance } => format!("新纳入{}", assistance_name(*assistance, Zh)),
                };
                let names: Vec<&str> = subsidies.iter().map(|s| subsidy_name(*s, Zh)).collect();
                format!("{date}{what}（{fact}）且符合{}条件：区、街道（乡镇）{}负有告知责任", names.join("、"), duty_of.name_zh())
            }
            (Finding::OutreachDuty { trigger, date, duty_of, subsidies, fact }, En) => {
                let what = match trigger {
                    TriggerKind::NewCertificate => "new disability certificate".to_owned(),
                    TriggerKind::NewHouseholdAssistance { assistance } => format!("new {} enrolment", assistance_name(*assistance, En)),
                };
                let names: Vec<&str> = subsidies.iter().map(|s| subsidy_name(*s, En)).collect();
                format!("{what} on {date} ({fact}), meeting the conditions of the {}: the district and sub-district {} must notify", names.join(" and "), duty_of.name_en())
            }
            (Finding::OutreachDeadline { date, deadline }, Zh) => format!("告知期限：自{date}起3个月，至{deadline}"),
            (Finding::OutreachDeadline { date, deadline }, En) => format!("deadline: 3 calendar months from {date}, i.e. {deadline}"),
            (Finding::Notified { on, form, office, recipient, on_time, fact }, Zh) => {
                let level = match office.level { OfficeLevel::District => "区", OfficeLevel::SubDistrict => "街道（乡镇）" };
                let who = match recipient { Recipient::Person => "本人", Recipient::Guardian => "监护人" };
                let when = if *on_time { "按期" } else { "逾期" };
                format!("{on}{level}{}以{}形式告知{who}，{when}（{fact}）", office.body.name_zh(), form.name_zh())
            }
            (Finding::Notified { on, form, office, recipient, on_time, fact }, En) => {
                let level = match office.level { OfficeLevel::District => "district", OfficeLevel::SubDistrict => "sub-district" };
                let who = match recipient { Recipient::Person => "the person", Recipient::Guardian => "the guardian" };
                let when = if *on_time { "on time" } else { "late" };
                format!("{who} notified on {on} by {form} from the {level} {}, {when} ({fact})", office.body.name_en(), form = form.name_en())
            }
            (Finding::OutreachLapsed { on, cause }, Zh) => format!("{on}已不符合条件（{}），告知责任终止", cause.describe_zh()),
            (Finding::OutreachLapsed { on, cause }, En) => format!("on {on} the person no longer qualifies ({}): the duty has lapsed", cause.describe_en()),
            (Finding::AppliedAfterTrigger { on, fact }, Zh) => format!("{on}已提出申请（{fact}）"),
            (Finding::AppliedAfterTrigger { on, fact }, En) => format!("applied on {on} ({fact})"),
            (Finding::DeemedWaived { notified_on, deadline }, Zh) => format!("{notified_on}已告知，至{deadline}未申请，视为自愿放弃"),
            (Finding::DeemedWaived { notified_on, deadline }, En) => format!("notified on {notified_on} and no application by {deadline}: deemed a voluntary waiver"),
            (Finding::NotNotified { deadline }, Zh) => format!("至{deadline}未开展告知，告知逾期，不视为放弃"),
            (Finding::NotNotified { deadline }, En) => format!("not notified by {deadline}: the duty is overdue, and no waiver is deemed"),
            (Finding::WaiverThenApplication { trigger_date, notified_on, deadline }, Zh) => {
                format!("{trigger_date}触发告知，{notified_on}已告知，至{deadline}未申请视为自愿放弃；再次申请从申请当月计发")
            }
            (Finding::WaiverThenApplication { trigger_date, notified_on, deadline }, En) => format!(
                "outreach opened {trigger_date}, notified {notified_on}, no application by {deadline}: a waiver; the later application pays from its own month"
            ),
        }
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
        use Language::{Chinese as Zh, English as En};
        match (self, lang) {
            (Outcome::Paid { amount, payee }, Zh) => match payee {
                Payee::Person => format!("发放{amount}元"),
                Payee::Institution { name } => format!("发放{amount}元至{name}"),
            },
            (Outcome::Paid { amount, payee }, En) => match payee {
                Payee::Person => format!("paid {amount} yuan"),
                Payee::Institution { name } => format!("paid {amount} yuan to {name}"),
            },
            (Outcome::NotEligible { because }, Zh) => format!(
                "不符合条件：{}",
                because.iter().map(|c| c.describe_zh()).collect::<Vec<_>>().join("；")
            ),
            (Outcome::NotEligible { because }, En) => format!(
                "not eligible: {}",
                because.iter().map(|c| c.describe_en()).collect::<Vec<_>>().join("; ")
            ),
            (Outcome::Excluded { by }, Zh) => format!("不享受：{}", by.describe_zh()),
            (Outcome::Excluded { by }, En) => format!("excluded: {}", by.describe_en()),
            (Outcome::Superseded { by, benefit_amount, subsidy_amount }, Zh) => {
                format!("择高保留{}（{benefit_amount}元），不发放本补贴（{subsidy_amount}元）", by.name_zh())
            }
            (Outcome::Superseded { by, benefit_amount, subsidy_amount }, En) => format!(
                "superseded by the {} ({benefit_amount} yuan) over the subsidy ({subsidy_amount} yuan)",
                by.name_en()
            ),
            (Outcome::NotAppliedFor { would_pay }, Zh) => format!("应享未享：符合条件但未申请（每月{would_pay}元）"),
            (Outcome::NotAppliedFor { would_pay }, En) => format!("entitled but not applied for ({would_pay} yuan a month)"),
            (Outcome::Stopped { since, because }, Zh) => format!("自{since}停发：{}", because.describe_zh()),
            (Outcome::Stopped { since, because }, En) => format!("stopped since {since}: {}", because.describe_en()),
            (Outcome::Undetermined { missing }, Zh) => format!(
                "无法判定，尚需：{}",
                missing
                    .iter()
                    .map(|g| format!("{}（{}）", g.name_zh(), g.field()))
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            (Outcome::Undetermined { missing }, En) => format!(
                "undetermined: facts needed: {}",
                missing.iter().map(|g| g.field()).collect::<Vec<_>>().join(", ")
            ),
        }
    }
}

/// A decision rendered as text; made by [`MonthDecision::explain`] or [`Schedule::explain`].
pub struct Explanation<'a, T> {
    value: &'a T,
    lang: Language,
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

fn write_subsidy(f: &mut Formatter<'_>, d: &SubsidyDecision, lang: Language) -> fmt::Result {
    let colon = match lang {
        Language::Chinese => "：",
        Language::English => ": ",
    };
    writeln!(
        f,
        "  {}{colon}{}",
        subsidy_name(d.subsidy, lang),
        d.outcome.describe(lang)
    )?;
    for given in &d.gives_up {
        match lang {
            Language::Chinese => writeln!(
                f,
                "    放弃{}（每月{}元）",
                given.kind.name_zh(),
                given.monthly_amount
            )?,
            Language::English => writeln!(
                f,
                "    gives up the {} ({} yuan a month)",
                given.kind.name_en(),
                given.monthly_amount
            )?,
        }
    }
    for reason in &d.reasons {
        writeln!(f, "    {}", reason.describe(lang))?;
    }
    Ok(())
}

impl Display for Explanation<'_, MonthDecision> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let d = self.value;
        match self.lang {
            Language::Chinese => writeln!(
                f,
                "{} {}（{}）合计{}元",
                d.resident, d.month, d.policy, d.total
            )?,
            Language::English => writeln!(
                f,
                "{} {} ({}): total {} yuan",
                d.resident, d.month, d.policy, d.total
            )?,
        }
        write_subsidy(f, &d.living, self.lang)?;
        write_subsidy(f, &d.nursing, self.lang)?;
        for reason in &d.reasons {
            writeln!(f, "  {}", reason.describe(self.lang))?;
        }
        Ok(())
    }
}

impl Display for Explanation<'_, Schedule> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let s = self.value;
        let lang = self.lang;
        match lang {
            Language::Chinese => writeln!(
                f,
                "{} {}至{}（{}）合计{}元",
                s.resident, s.first, s.last, s.policy, s.total
            )?,
            Language::English => writeln!(
                f,
                "{} {} to {} ({}): total {} yuan",
                s.resident, s.first, s.last, s.policy, s.total
            )?,
        }
        for m in &s.months {
            writeln!(
                f,
                "  {}  {} | {}",
                m.month,
                m.living.outcome.describe(lang),
                m.nursing.outcome.describe(lang)
            )?;
        }
        for subsidy in Subsidy::ALL {
            let summary = s.subsidy(subsidy);
            let resumed = summary.stopped.is_some()
                && s.months.last().is_some_and(|m| {
                    !matches!(m.subsidy(subsidy).outcome, Outcome::Stopped { .. })
                });
            let mut line = String::new();
            match lang {
                Language::Chinese => {
                    let _ = write!(
                        line,
                        "{}：发放{}个月，共{}元",
                        subsidy_name(subsidy, lang),
                        summary.months_paid,
                        summary.total
                    );
                    if let Some(first) = summary.first_paid {
                        let _ = write!(line, "，首月{first}");
                    }
                    if let Some(stop) = summary.stopped {
                        let _ = write!(
                            line,
                            "，{}自{}停发（{}）{}",
                            if resumed { "曾" } else { "" },
                            stop.since,
                            stop.because.describe_zh(),
                            if resumed {
                                "，后经重新申请恢复发放"
                            } else {
                                ""
                            }
                        );
                    }
                }
                Language::English => {
                    let _ = write!(
                        line,
                        "{}: {} month(s) paid, {} yuan",
                        subsidy_name(subsidy, lang),
                        summary.months_paid,
                        summary.total
                    );
                    if let Some(first) = summary.first_paid {
                        let _ = write!(line, ", first paid {first}");
                    }
                    if let Some(stop) = summary.stopped {
                        let _ = write!(
                            line,
                            ", {}stopped from {} ({}){}",
                            if resumed { "last " } else { "" },
                            stop.since,
                            stop.because.describe_en(),
                            if resumed {
                                ", paid again after a new application"
                            } else {
                                ""
                            }
                        );
                    }
                }
            }
            writeln!(f, "  {line}")?;
        }
        if let Some(last) = s.months.last() {
            match lang {
                Language::Chinese => writeln!(f, "  {}的理由：", last.month)?,
                Language::English => writeln!(f, "  reasons in {}:", last.month)?,
            }
            write_subsidy(f, &last.living, lang)?;
            write_subsidy(f, &last.nursing, lang)?;
        }
        Ok(())
    }
}

/// A JSON reading problem in `lang`. The English follows serde's own wording, so that a message
/// reads the same whether serde or the crate's strict reader found the problem; the Chinese is
/// written from the problem's data (nothing is translated from the English).
pub(crate) fn json_problem(problem: &crate::json::JsonProblem, lang: Language) -> String {
    use crate::json::JsonProblem as P;
    use crate::json::Own;
    match lang {
        Language::English => match problem {
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
                Some(Own::Parameter) => {
                    format!("expected {}, found {}", expected.said, found_quoted(found))
                }
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
            } => {
                format!("unknown field `{field}`, there are no fields")
            }
            P::UnknownField { field, expected } => {
                format!("unknown field `{field}`, expected {}", one_of_en(expected))
            }
            P::UnknownVariant {
                variant,
                expected: [],
            } => {
                format!("unknown variant `{variant}`, there are no variants")
            }
            P::UnknownVariant { variant, expected } => {
                format!(
                    "unknown variant `{variant}`, expected {}",
                    one_of_en(expected)
                )
            }
            P::MissingField { field } => format!("missing field `{field}`"),
            P::DuplicateField { field } => format!("duplicate field `{field}`"),
            P::DuplicateKey { key } => format!("duplicate key `{key}`"),
            P::Other { message } => message.clone(),
        },
        Language::Chinese => match problem {
            P::Syntax { eof: true, .. } => "JSON 不完整，读到末尾仍未结束".to_owned(),
            P::Syntax { eof: false, .. } => "JSON 格式有误".to_owned(),
            P::TrailingCharacters => "JSON 之后还有多余的字符".to_owned(),
            P::WrongType { found, expected } => {
                format!("应为{}，实为{}", expected_zh(expected), found_zh(found))
            }
            P::WrongValue { found, expected } => match Own::of(expected) {
                Some(Own::Parameter) => format!(
                    "应为{}，实为“{}”",
                    own_zh(Own::Parameter),
                    found_bare(found)
                ),
                Some(own) if own.found_bare(found) => {
                    format!("应为{}，实为{}", own_zh(own), found_bare(found))
                }
                _ => format!("应为{}，实为{}", expected_zh(expected), found_zh(found)),
            },
            P::WrongLength { length, .. } => format!("数组的项数不符，实有{length}项"),
            P::UnknownField { field, expected } => {
                format!("未知字段`{field}`，{}", one_of_zh(expected))
            }
            P::UnknownVariant { variant, expected } => {
                format!("未知取值`{variant}`，{}", one_of_zh(expected))
            }
            P::MissingField { field } => format!("缺少字段`{field}`"),
            P::DuplicateField { field } => format!("字段`{field}`重复"),
            P::DuplicateKey { key } => format!("键`{key}`重复"),
            P::Other { message } => message.clone(),
        },
    }
}

/// serde's list of allowed names: `a`; `a` or `b`; one of `a`, `b`, `c`.
fn one_of_en(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => format!("`{one}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        many => format!("one of {}", quoted(many)),
    }
}

fn one_of_zh(names: &[&str]) -> String {
    match names {
        [] => "此处不应有取值".to_owned(),
        [one] => format!("应为`{one}`"),
        [a, b] => format!("应为`{a}`或`{b}`"),
        many => format!("应为以下之一：{}", quoted(many)),
    }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What was found, as serde words it (`string "x"`, ``integer `5` ``, `map`, …).
fn found_en(found: &crate::json::Found) -> String {
    use crate::json::Found as F;
    match found {
        F::Bool(b) => format!("boolean `{b}`"),
        F::Unsigned(n) => format!("integer `{n}`"),
        F::Signed(n) => format!("integer `{n}`"),
        F::Float(text) => format!("floating point `{text}`"),
        F::Str(s) => format!("string {s:?}"),
        F::Null => "null".to_owned(),
        F::Array => "sequence".to_owned(),
        F::Object => "map".to_owned(),
        F::Other(text) => text.clone(),
    }
}

fn found_zh(found: &crate::json::Found) -> String {
    use crate::json::Found as F;
    match found {
        F::Bool(b) => format!("布尔值`{b}`"),
        F::Unsigned(n) => format!("整数`{n}`"),
        F::Signed(n) => format!("整数`{n}`"),
        F::Float(text) => format!("小数`{text}`"),
        F::Str(s) => format!("字符串{s:?}"),
        F::Null => "空值".to_owned(),
        F::Array => "数组".to_owned(),
        F::Object => "对象".to_owned(),
        F::Other(text) => text.clone(),
    }
}

/// A refused name, quoted.
fn found_quoted(found: &crate::json::Found) -> String {
    match found {
        crate::json::Found::Str(s) => format!("{s:?}"),
        other => found_en(other),
    }
}

/// A refused value written on its own, after the crate's own expectation.
fn found_bare(found: &crate::json::Found) -> String {
    use crate::json::Found as F;
    match found {
        F::Unsigned(n) => n.to_string(),
        F::Signed(n) => n.to_string(),
        F::Float(text) | F::Str(text) => text.clone(),
        other => found_en(other),
    }
}

fn own_zh(own: crate::json::Own) -> &'static str {
    use crate::json::Own;
    match own {
        Own::Grade => "1至4级的残疾等级",
        Own::Date => "写作 YYYY-MM-DD 的日期",
        Own::Amount => "不小于零的金额（单位：元），写作字符串（如“123.45”）或整数",
        Own::AmountAtMost => "至多1000000000000元的金额",
        Own::AmountInFen => "至多两位小数（精确到分）的金额",
        Own::Month => "写作“YYYY-MM”的月份",
        Own::BackPayMonths => "0至3个月的补发月数",
        Own::ClauseId => "条款表中的条款编号",
        Own::Parameter => "政策参数名之一",
    }
}

/// What a position expected, in Chinese: the crate's own expectation, else the kind of JSON
/// value the position asked for.
fn expected_zh(expected: &crate::json::Expected) -> String {
    use crate::json::{Own, Shape};
    if let Some(own) = Own::of(expected) {
        return own_zh(own).to_owned();
    }
    match expected.shape {
        Shape::Bool => "布尔值".to_owned(),
        Shape::Integer { min, max } => format!("{min}至{max}的整数"),
        Shape::Number => "数字".to_owned(),
        Shape::Str => "字符串".to_owned(),
        Shape::Null => "空值".to_owned(),
        Shape::Array => "数组".to_owned(),
        Shape::Object | Shape::Map => "对象".to_owned(),
        Shape::Choice(names) => format!("以下之一：{}", quoted(names)),
        Shape::Any => "另一类值".to_owned(),
    }
}

impl crate::json::JsonProblem {
    /// The problem in `lang`, without its path or position; in English, the `Display` text.
    pub fn describe(&self, lang: Language) -> String {
        json_problem(self, lang)
    }
}

impl Display for crate::json::JsonProblem {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(&json_problem(self, Language::English))
    }
}
