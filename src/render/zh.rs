//! The Chinese half of every text, for a caseworker: written from the data, never translated from
//! the English. JSON paths, field names and the values quoted from the input stay as they came.

use crate::decision::{
    Cause, FactGroup, Finding, GivenUp, Lapse, MonthDecision, Outcome, OutreachStatus, Payee,
    Schedule, Side, SubsidySummary, Tier, TriggerKind,
};
use crate::error::{Error, FactProblem, PolicyProblem, ReformProblem, Refusal};
use crate::facts::{
    AssistanceKind, BenefitKind, Category, CertificateNumberProblem, Channel, CustodyKind, Keeps,
    NotificationForm, OfficeBody, OfficeLevel, Recipient, Subsidy,
};
use crate::json::{Expected, Found, JsonProblem, Own, Shape, SyntaxProblem};
use crate::money::AmountError;
use crate::month::{Coverage, Month};
use crate::policy::{BenefitRelation, CountsWhen, Parameter, StopTiming, TieBreak};

use super::{whole_mebibytes, At, Label, Sentence, Which, Words};

/// 中文.
pub(crate) struct Chinese;

impl Words for Chinese {
    fn subsidy(&self, x: Subsidy) -> &'static str {
        match x {
            Subsidy::Living => "困难残疾人生活补贴",
            Subsidy::Nursing => "重度残疾人护理补贴",
        }
    }
    fn category(&self, x: Category) -> &'static str {
        match x {
            Category::Visual => "视力残疾",
            Category::Hearing => "听力残疾",
            Category::Speech => "言语残疾",
            Category::Physical => "肢体残疾",
            Category::Intellectual => "智力残疾",
            Category::Mental => "精神残疾",
            Category::Multiple => "多重残疾",
        }
    }
    fn assistance(&self, x: AssistanceKind) -> &'static str {
        match x {
            AssistanceKind::Dibao => "低保",
            AssistanceKind::DibaoEdge => "低保边缘家庭",
        }
    }
    fn benefit(&self, x: BenefitKind) -> &'static str {
        match x {
            BenefitKind::WelfareLivingAllowance => "福利性生活补贴（津贴）",
            BenefitKind::WelfareNursingAllowance => "福利性护理补贴（津贴）",
            BenefitKind::DisabilityCompensationLiving => "伤残抚恤（生活部分）",
            BenefitKind::DisabilityCompensationNursing => "伤残抚恤（护理部分）",
            BenefitKind::ElderlyCareServiceSubsidy => "居家养老服务补贴",
            BenefitKind::AdvancedAgeAllowance => "高龄津贴",
            BenefitKind::ElderlyCareNursingSubsidy => "居家养老护理补贴",
            BenefitKind::WorkInjuryLivingCareFee => "工伤保险生活护理费",
            BenefitKind::ExtremePovertySupport => "特困人员供养",
        }
    }
    fn custody(&self, x: CustodyKind) -> &'static str {
        match x {
            CustodyKind::Prison => "在监狱服刑",
            CustodyKind::SuspendedSentence => "缓刑",
            CustodyKind::ServingOutsidePrison => "监外执行",
            CustodyKind::Detention => "拘役",
            CustodyKind::PublicSurveillance => "管制",
        }
    }
    fn channel(&self, x: Channel) -> &'static str {
        match x {
            Channel::Window => "窗口",
            Channel::Online => "全程网办",
            Channel::CrossProvince => "跨省通办",
            Channel::OneThing => "一件事儿",
            Channel::Other => "其他渠道",
        }
    }
    fn form(&self, x: NotificationForm) -> &'static str {
        match x {
            NotificationForm::SystemPrompt => "信息系统信息提示",
            NotificationForm::PlainLanguageSheet => "明白纸",
            NotificationForm::WrittenNotice => "告知书",
            NotificationForm::PhoneCall => "电话通知",
            NotificationForm::HomeVisit => "入户走访",
        }
    }
    fn body(&self, x: OfficeBody) -> &'static str {
        match x {
            OfficeBody::CivilAffairs => "民政",
            OfficeBody::DisabledPersonsFederation => "残联",
        }
    }
    fn cause(&self, x: Cause) -> &'static str {
        match x {
            Cause::Died => "本人死亡",
            Cause::NoTianjinHukou => "无天津市户籍",
            Cause::NoValidCertificate => "无有效残疾人证",
            Cause::GradeNotSevere => "残疾等级非一、二级",
            Cause::NoHouseholdAssistance => "未享受低保或低保边缘家庭待遇",
            Cause::OrphanGuarantee => "享受孤儿基本生活保障",
            Cause::InstitutionFundedForCare => "儿童福利机构已纳入照料护理类补贴资金保障范围",
            Cause::WorkInjuryLivingCareFee => "领取工伤保险生活护理费",
            Cause::ExtremePovertySupport => "纳入特困人员供养保障",
            Cause::Prison => "在监狱服刑",
        }
    }
    fn fact_group(&self, x: FactGroup) -> &'static str {
        match x {
            FactGroup::Hukou => "户籍",
            FactGroup::Certificates => "残疾人证",
            FactGroup::HouseholdAssistance => "低保或低保边缘家庭待遇",
            FactGroup::OrphanGuarantee => "孤儿基本生活保障",
            FactGroup::OtherBenefits => "其他补贴待遇",
            FactGroup::Custody => "羁押服刑情况",
            FactGroup::Applications => "申请",
            FactGroup::Choices => "本人选择",
            FactGroup::Notifications => "告知记录",
        }
    }

    fn finding(&self, f: &Finding) -> String {
        match f {
            Finding::PolicyInForce { from } => format!("《实施意见》自{from}起施行，本月在其适用范围内"),
            Finding::Died { on } => format!("本人于{on}死亡"),
            Finding::TianjinHukou { on, fact } => format!("{on}持有天津市户籍（{fact}）"),
            Finding::NoTianjinHukou { on, .. } => format!("{on}无天津市户籍"),
            Finding::ValidCertificate { on, category, grade, fact } => {
                format!("{on}持有效残疾人证：{}{}级（{fact}）", category.name_zh(), grade.number())
            }
            Finding::NoValidCertificate { on, lapse, .. } => match lapse {
                Lapse::NoneIssued => format!("{on}无残疾人证"),
                Lapse::Expired { on: e } => format!("{on}无有效残疾人证：已于{e}到期"),
                Lapse::Cancelled { on: c } => format!("{on}无有效残疾人证：自{c}注销"),
                Lapse::Frozen { on: c } => format!("{on}无有效残疾人证：自{c}冻结"),
            },
            Finding::SevereGrade { grade, .. } => format!("残疾等级为{}级，属重度残疾", grade.number()),
            Finding::GradeNotSevere { grade, .. } => format!("残疾等级为{}级，非一、二级重度残疾", grade.number()),
            Finding::OverallGradeOfMultiple { grade, .. } => format!("多重残疾按证载综合等级{}级认定", grade.number()),
            Finding::HouseholdAssistance { on, kind, fact } => format!("{on}享受{}待遇（{fact}）", self.assistance(*kind)),
            Finding::NoHouseholdAssistance { on } => format!("{on}未享受低保或低保边缘家庭待遇"),
            Finding::OrphanGuarantee { on, fact } => format!("{on}享受孤儿基本生活保障（{fact}）"),
            Finding::PaidToInstitution { institution, .. } => format!("机构集中养育，护理补贴发放至{institution}"),
            Finding::InstitutionFundedForCare { institution, .. } => format!("{institution}已纳入照料护理类补贴资金保障范围，不再重复享受"),
            Finding::ExcludingBenefit { on, kind, fact } => format!("{on}{}（{fact}），不享受两项补贴", kind.name_zh()),
            Finding::ExcludesOnlyWhenReceived { kind, .. } => format!("仅符合{}条件而未领取，不构成排除", kind.name_zh()),
            Finding::InPrison { on, fact } => format!("{on}在监狱服刑（{fact}）"),
            Finding::CustodyDoesNotExclude { kind, .. } => format!("{}不属于在监狱服刑，不影响补贴", kind.name_zh()),
            Finding::Amount { subsidy, amount, tier, household, parameter, used } => {
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
                format!("{}{tier}{household}月标准{amount}元（参数{}，自{from}起）", self.subsidy(*subsidy), parameter.name())
            }
            Finding::Compared { kind, benefit_amount, subsidy_amount, kept, .. } => {
                let kept = match kept { Side::Subsidy => "领取本补贴", Side::OtherBenefit => "保留该待遇" };
                // Equal amounts: no higher to choose; the tie rule's finding follows.
                let how = if benefit_amount == subsidy_amount { "金额相同，" } else { "择高" };
                format!("{}每月{benefit_amount}元，本补贴每月{subsidy_amount}元：{how}{kept}", kind.name_zh())
            }
            Finding::CompetesOnlyWhenReceived { kind, .. } => format!("{}尚未享受，不参与择高", kind.name_zh()),
            Finding::Tie { rule, kept, .. } => {
                let rule = match rule {
                    TieBreak::KeepReceived => "维持已享受的待遇",
                    TieBreak::PreferSubsidy => "优先本补贴",
                    TieBreak::PreferOtherBenefit => "优先其他待遇",
                };
                let kept = match kept { Side::Subsidy => "领取本补贴", Side::OtherBenefit => "保留其他待遇" };
                format!("金额相同，按规则{rule}：{kept}")
            }
            Finding::PersonChose { keeps, fact } => match keeps {
                Keeps::Subsidy => format!("本人选择领取本补贴（{fact}）"),
                Keeps::OtherBenefit => format!("本人选择保留其他待遇（{fact}）"),
            },
            Finding::Stacks { kind, .. } => format!("{}可叠加享受，不影响本补贴", kind.name_zh()),
            Finding::ApplicationGranted { submitted, first_month, fact } => format!("{submitted}递交申请，当日符合条件，自{first_month}计发（{fact}）"),
            Finding::CarriedOver { submitted, from, fact } => format!("{submitted}递交的申请早于《实施意见》施行，当日及至施行之日均符合条件，自{from}起继续有效（{fact}）"),
            Finding::CarryOverRefused { submitted, on, cause, fact } => format!("{submitted}递交的申请早于《实施意见》施行，自{on}起{}，不能延续，须重新申请（{fact}）", cause.describe_zh()),
            Finding::ApplicationNotGranted { submitted, fact } => format!("{submitted}递交的申请当日不符合条件，未予核准（{fact}）"),
            Finding::ApplicationUndetermined { submitted, missing, fact } => format!(
                "{submitted}递交的申请尚无法审核，需补充：{}（{fact}）",
                missing.iter().map(|g| g.name_zh()).collect::<Vec<_>>().join("、")
            ),
            Finding::RenewedCertificateStandard { on, category, grade, fact } => {
                format!("{on}在申请当月之前，按换发后残疾人证标准计发：{}{}级（{fact}）", category.name_zh(), grade.number())
            }
            Finding::NoApplication => "未申请该补贴".to_owned(),
            Finding::Channel { channel, .. } => format!("申请渠道：{}，各渠道同等受理", channel.name_zh()),
            Finding::InPayment { since, fact } => format!("自{since}起按申请发放中（{fact}）"),
            Finding::NoBackPay { from, .. } => format!("停发后再次申请，自{from}计发，不予补发"),
            Finding::Renewal { issued, back_pay_months, first_month, .. } => format!("换发残疾人证（{issued}发证），补发{back_pay_months}个月，自{first_month}计发"),
            Finding::Ceased { cause, on, stop_month, timing, .. } => {
                let when = match timing { StopTiming::MonthAfter => "次月起", StopTiming::SameMonth => "当月起" };
                format!("自{on}起{}，{when}停发：{stop_month}起停止发放", cause.describe_zh())
            }
            Finding::NursingExtended { category, grade, fact, used } => format!(
                "{}{}级（{fact}）经政策扩展纳入护理补贴（参数{}，自{}起）",
                category.name_zh(),
                grade.number(),
                used.parameter,
                used.from
            ),
            Finding::ConditionCeased { cause, on } => format!("自{on}起{}", cause.describe_zh()),
            Finding::NeedsNewApplication { since } => format!("自{since}停发，须重新申请方可恢复"),
            Finding::BothPaid => "两项补贴同时发放".to_owned(),
            Finding::OutreachDuty { trigger, date, duty_of, subsidies, fact } => {
                let what = match trigger {
                    TriggerKind::NewCertificate => "新办残疾人证".to_owned(),
                    TriggerKind::NewHouseholdAssistance { assistance } => format!("新纳入{}", self.assistance(*assistance)),
                };
                let names: Vec<&str> = subsidies.iter().map(|s| self.subsidy(*s)).collect();
                format!("{date}{what}（{fact}）且符合{}条件：区、街道（乡镇）{}负有告知责任", names.join("、"), duty_of.name_zh())
            }
            Finding::OutreachDeadline { date, deadline } => format!("告知期限：自{date}起3个月，至{deadline}"),
            Finding::Notified { on, form, office, recipient, on_time, fact } => {
                let level = match office.level { OfficeLevel::District => "区", OfficeLevel::SubDistrict => "街道（乡镇）" };
                let who = match recipient { Recipient::Person => "本人", Recipient::Guardian => "监护人" };
                let when = if *on_time { "按期" } else { "逾期" };
                format!("{on}{level}{}以{}形式告知{who}，{when}（{fact}）", office.body.name_zh(), form.name_zh())
            }
            Finding::OutreachLapsed { on, cause } => format!("{on}已不符合条件（{}），告知责任终止", cause.describe_zh()),
            Finding::AppliedAfterTrigger { on, fact } => format!("{on}已提出申请（{fact}）"),
            Finding::DeemedWaived { notified_on, deadline } => format!("{notified_on}已告知，至{deadline}未申请，视为自愿放弃"),
            Finding::NotNotified { deadline } => format!("至{deadline}未开展告知，告知逾期，不视为放弃"),
            Finding::WaiverThenApplication { trigger_date, notified_on, deadline } => {
                format!("{trigger_date}触发告知，{notified_on}已告知，至{deadline}未申请视为自愿放弃；再次申请从申请当月计发")
            }
        }
    }

    fn outcome(&self, o: &Outcome) -> String {
        match o {
            Outcome::Paid { amount, payee } => match payee {
                Payee::Person => format!("发放{amount}元"),
                Payee::Institution { name } => format!("发放{amount}元至{name}"),
            },
            Outcome::NotEligible { because } => format!(
                "不符合条件：{}",
                because
                    .iter()
                    .map(|c| c.describe_zh())
                    .collect::<Vec<_>>()
                    .join("；")
            ),
            Outcome::Excluded { by } => format!("不享受：{}", by.describe_zh()),
            Outcome::Superseded {
                by,
                benefit_amount,
                subsidy_amount,
            } => {
                format!(
                    "择高保留{}（{benefit_amount}元），不发放本补贴（{subsidy_amount}元）",
                    by.name_zh()
                )
            }
            Outcome::NotAppliedFor { would_pay } => {
                format!("应享未享：符合条件但未申请（每月{would_pay}元）")
            }
            Outcome::Stopped { since, because } => {
                format!("自{since}停发：{}", because.describe_zh())
            }
            Outcome::Undetermined { missing } => format!(
                "无法判定，尚需：{}",
                missing
                    .iter()
                    .map(|g| format!("{}（{}）", g.name_zh(), g.field()))
                    .collect::<Vec<_>>()
                    .join("、")
            ),
        }
    }

    fn colon(&self) -> &'static str {
        "："
    }

    fn gives_up(&self, g: &GivenUp) -> String {
        format!("放弃{}（每月{}元）", self.benefit(g.kind), g.monthly_amount)
    }

    fn month_heading(&self, d: &MonthDecision) -> String {
        format!(
            "{} {}（{}）合计{}元",
            d.resident, d.month, d.policy, d.total
        )
    }

    fn schedule_heading(&self, s: &Schedule) -> String {
        format!(
            "{} {}至{}（{}）合计{}元",
            s.resident, s.first, s.last, s.policy, s.total
        )
    }

    fn subsidy_summary(&self, subsidy: Subsidy, s: &SubsidySummary, resumed: bool) -> String {
        let mut line = format!(
            "{}：发放{}个月，共{}元",
            self.subsidy(subsidy),
            s.months_paid,
            s.total
        );
        if let Some(first) = s.first_paid {
            line.push_str(&format!("，首月{first}"));
        }
        if let Some(stop) = s.stopped {
            line.push_str(&format!(
                "，{}自{}停发（{}）{}",
                if resumed { "曾" } else { "" },
                stop.since,
                self.cause(stop.because),
                if resumed {
                    "，后经重新申请恢复发放"
                } else {
                    ""
                }
            ));
        }
        line
    }

    fn reasons_in(&self, month: Month) -> String {
        format!("{month}的理由：")
    }

    fn path<'p>(&self, path: &'p str) -> &'p str {
        if path == "." {
            "整条记录"
        } else {
            path
        }
    }

    fn reading_error(&self, path: &str, problem: &JsonProblem, at: At) -> String {
        let at = match at {
            At::LineColumn(line, column) => format!("（第{line}行，第{column}列）"),
            At::Column(column) => format!("（第{column}列）"),
            At::Nowhere => String::new(),
        };
        format!(
            "{}：填写有误：{}{at}",
            self.path(path),
            self.json_problem(problem)
        )
    }

    fn json_problem(&self, p: &JsonProblem) -> String {
        use JsonProblem as P;
        match p {
            P::Syntax { kind, .. } => syntax_zh(*kind).to_owned(),
            P::TrailingCharacters => "JSON 之后还有多余的字符".to_owned(),
            P::WrongType { found, expected } => {
                format!("应为{}，实为{}", expected_zh(expected), found_zh(found))
            }
            P::WrongValue { found, expected } => match Own::of(expected) {
                Some(own) if own.found_bare(found) => {
                    format!("应为{}，实为{}", own_zh(own), found_bare(found))
                }
                _ => format!("应为{}，实为{}", expected_zh(expected), found_zh(found)),
            },
            P::WrongLength { length, expected } => match expected.shape {
                Shape::Tuple { len } => format!("数组应有{len}项，实有{length}项"),
                _ => format!("数组的项数不符，实有{length}项"),
            },
            P::UnknownField { field, expected } => {
                format!(
                    "未知字段{}，{}",
                    field_name(field),
                    fields_one_of(expected, "此处不应有字段")
                )
            }
            P::UnknownVariant { variant, expected } => {
                format!(
                    "未知取值{}，{}",
                    input(variant),
                    match expected {
                        [] => "此处不应有取值".to_owned(),
                        names => format!("应为{}", names_one_of(names)),
                    }
                )
            }
            P::MissingField { field } => format!("缺少字段{}", field_name(field)),
            P::DuplicateField { field } => format!("字段{}重复", field_name(field)),
            P::DuplicateKey { key } => format!("键{}重复", field_name(key)),
            P::NotUtf8 => "应为 UTF-8 文本".to_owned(),
            P::LineTooLong { max_bytes } => {
                let mib =
                    whole_mebibytes(*max_bytes).map_or(String::new(), |m| format!("（{m}兆字节）"));
                format!("该行超过{max_bytes}字节{mib}，未读取")
            }
            P::Other { .. } => "内容不符合要求".to_owned(),
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
                format!("{path}：{}", self.fact_problem(problem))
            }
            Error::InvalidMonth { found } => self.invalid_month(found),
            Error::InvalidAmount { found } => {
                format!("金额应为不小于零的数（单位：元），实为{}", input(found))
            }
            Error::AmountTooLarge { found, max } => {
                format!("金额至多{max}元，实为{}元", amount(found))
            }
            Error::AmountNotInFen { found } => {
                format!("金额至多两位小数（精确到分），实为{}元", amount(found))
            }
            Error::MonthNotCovered {
                month,
                policy,
                covers,
            } => format!(
                "已加载的政策均不适用于{month}：政策{}适用于{}",
                input(policy),
                self.coverage(covers)
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
            Error::InvalidReform { path, problem } => {
                format!(
                    "改革方案{}：{}",
                    in_file(path),
                    self.reform_problem(problem)
                )
            }
            Error::InvalidPolicy { path, problem } => {
                format!(
                    "政策文件{}：{}",
                    in_file(path),
                    self.policy_problem(problem)
                )
            }
        }
    }

    fn fact_problem(&self, p: &FactProblem) -> String {
        match p {
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
            FactProblem::ConflictingChoices { other } => format!(
                "与{other}为同一补贴、同一日起的选择，但选择不同，无法确定以哪一项为准，请核实"
            ),
            FactProblem::EmptyId => "编号不能为空".to_owned(),
            FactProblem::TooLong { max, found } => format!("至多{max}个字符，实为{found}个"),
            FactProblem::NoSubsidy => {
                "应至少申请“living”（生活补贴）和“nursing”（护理补贴）之一，实际未填写任何补贴".to_owned()
            }
            FactProblem::BackPayOutOfRange { max, found } => {
                format!("补发月数应为0至{max}个月，实为{found}个月")
            }
            FactProblem::BackPayWithoutRenewal => {
                "不应有补发月数：只有换领残疾人证后提出的申请才可补发".to_owned()
            }
            FactProblem::MissingWelfareBasis => {
                "福利性补贴应注明依据：“disabled_on_duty”（因公致残）、“retired_veteran_cadre”（离休干部）或“other”（其他），实为空"
                    .to_owned()
            }
            FactProblem::UnexpectedWelfareBasis => {
                "不应注明依据：只有福利性补贴才有依据".to_owned()
            }
            FactProblem::CertificateNumber(problem) => self.certificate_number(problem),
        }
    }

    fn certificate_number(&self, p: &CertificateNumberProblem) -> String {
        use CertificateNumberProblem as P;
        match p {
            P::WrongLength { found } => format!(
                "残疾人证号应为20位（18位公民身份号码、1位类别码、1位等级码），实为{found}位"
            ),
            P::NotADigit { position, found } => {
                format!("第{position}位应为数字，实为{}", input_char(*found))
            }
            P::CheckDigit { expected, found } => format!(
                "公民身份号码的校验码应为{}，实为{}",
                input_char(*expected),
                input_char(*found)
            ),
            P::BirthDate { found } => {
                format!("公民身份号码第7至14位应为出生日期，实为{}", input(found))
            }
            P::UnknownCategory { found } => {
                format!("第19位应为1至7的类别码，实为{}", input_char(*found))
            }
            P::UnknownGrade { found } => {
                format!("第20位应为1至4的等级码，实为{}", input_char(*found))
            }
            P::CategoryMismatch {
                in_number,
                in_record,
            } => format!(
                "证号显示类别为{}，但残疾人证记载为{}",
                self.category(*in_number),
                self.category(*in_record)
            ),
            P::GradeMismatch {
                in_number,
                in_record,
            } => format!(
                "证号显示等级为{}级，但残疾人证记载为{}级",
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
            PolicyProblem::NoValues => "应至少有一个按月份生效的取值，实际没有".to_owned(),
            PolicyProblem::StartsLate { first, policy_from } => {
                format!("应自政策首月{policy_from}起有取值，实际第一个取值自{first}起")
            }
            PolicyProblem::OutOfOrder { found, after } => {
                format!("取值应按月份先后排列，实际{found}排在{after}之后")
            }
            PolicyProblem::NoSource => "应注明来源，实际没有".to_owned(),
            PolicyProblem::Refused(refusal) => self.refusal(refusal),
            PolicyProblem::EndsBeforeStart { from, to } => {
                format!("结束月份应不早于{from}，实为{to}")
            }
            PolicyProblem::CannotExclude => {
                "此处只能是择高或叠加：本版本中只有工伤保险生活护理费和特困人员供养可以排除两项补贴"
                    .to_owned()
            }
            PolicyProblem::MissingRelation { kind } => {
                format!(
                    "每一种其他待遇都应规定与两项补贴的关系，{}没有",
                    named(kind)
                )
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
            ReformProblem::EmptyName => "改革方案应有名称，实际没有".to_owned(),
            ReformProblem::OutOfOrder {
                parameter,
                found,
                after,
            } => format!(
                "参数{}的调整应按月份先后排列，实际{found}排在{after}之后",
                named(parameter)
            ),
            ReformProblem::NoSource => "应注明来源，实际没有".to_owned(),
            ReformProblem::NotCovered { from, base, covers } => format!(
                "应为基准政策{}适用的月份（{}），实为{from}",
                input(base),
                self.coverage(covers)
            ),
            ReformProblem::Refused(refusal) => self.refusal(refusal),
        }
    }

    fn refusal(&self, r: &Refusal) -> String {
        match r {
            Refusal::TooManyBackPayMonths { max, found } => {
                format!("补发月数至多{max}个月（换证补发的解读），实为{found}个月")
            }
        }
    }

    fn coverage(&self, c: &Coverage) -> String {
        match c.to {
            Some(to) => format!("{}至{to}的各月", c.from),
            None => format!("{}起的各月", c.from),
        }
    }

    fn invalid_month(&self, found: &str) -> String {
        format!("月份应写作 YYYY-MM，实为{}", input(found))
    }

    fn amount_error(&self, e: &AmountError) -> String {
        self.error(&Error::from(e.clone()))
    }

    fn invalid_grade(&self, found: u8) -> String {
        format!("应为1至4级的残疾等级，实为{found}")
    }

    fn unknown_clause(&self, found: &str) -> String {
        format!("应为条款表中的条款编号，实为{}", input(found))
    }

    fn invalid_fact_ref(&self, found: &str) -> String {
        format!(
            "应为指向一项事实的引用（如“certificates[0]”），实为{}",
            input(found)
        )
    }

    fn unknown_parameter(&self, found: &str) -> String {
        format!(
            "应为以下参数之一：{}，实为{}",
            names(Parameter::NAMES),
            input(found)
        )
    }

    fn unknown_language(&self, found: &str) -> String {
        format!(
            "语言应为{}，实为{}",
            names_one_of(&["zh", "en"]),
            input(found)
        )
    }

    fn merge_error(&self, e: crate::error::MergeError) -> String {
        use crate::error::MergeError as M;
        match e {
            M::DifferentPolicies => "依据不同政策得出的结果不能合并",
            M::DifferentOptions => "不同月份或不同选项的名册筛查结果不能合并",
            M::DifferentMonths => "不同月份范围的比较结果不能合并",
            M::CountOverflow => "比较结果的人数合计超出可计数的范围，不能合并",
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
        format!("{message}（第{line}行，第{column}列）")
    }
}

/// The fields allowed: `` `a` ``; `` `a` ``或`` `b` ``; one of `` `a`, `b`, `c` ``; `none` when
/// there are none.
fn fields_one_of(fields: &[&str], none: &str) -> String {
    match fields {
        [] => none.to_owned(),
        [one] => format!("应为{}", field_name(one)),
        [a, b] => format!("应为{}或{}", field_name(a), field_name(b)),
        many => format!("应为以下之一：{}", quoted(many)),
    }
}

/// The names quoted, separated by commas: `` `a`, `b` ``.
pub(super) fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| field_name(n))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The values allowed, each named with its gloss: `“a”（甲）`; `“a”（甲）或“b”（乙）`; one of
/// `“a”（甲）、“b”（乙）、“c”（丙）`.
fn names_one_of(names: &[&str]) -> String {
    match names {
        [one] => named(one),
        [a, b] => format!("{}或{}", named(a), named(b)),
        many => format!("以下之一：{}", self::names(many)),
    }
}

/// The values, each named with its gloss, separated by 、.
fn names(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| named(n))
        .collect::<Vec<_>>()
        .join("、")
}

/// A value the crate reads, quoted as JSON writes it, with what it means in Chinese:
/// `“living”（生活补贴）`. A name that is Chinese already, or that has no gloss, is quoted alone.
fn named(name: &str) -> String {
    match gloss(name) {
        Some(gloss) if name.is_ascii() => format!("{}（{gloss}）", input(name)),
        _ => input(name),
    }
}

/// A text from the input (or a name), quoted: `“…”`, its control characters, backslashes and
/// closing quotes escaped, so that a reader (and a test) can tell where it ends.
pub(crate) fn input(text: &str) -> String {
    quote(text, '“', '”')
}

/// A field or key name, quoted: `` `…` ``, escaped as [`input`] is.
fn field_name(name: &str) -> String {
    quote(name, '`', '`')
}

/// One character from the input, quoted as [`input`] quotes a text.
fn input_char(c: char) -> String {
    input(c.encode_utf8(&mut [0; 4]))
}

fn quote(text: &str, open: char, close: char) -> String {
    let mut out = String::with_capacity(text.len() + 2 * close.len_utf8());
    out.push(open);
    for c in text.chars() {
        if c == close || c == '\\' {
            out.push('\\');
            out.push(c);
        } else if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out.push(close);
    out
}

/// An amount as given: bare when it is a plain decimal number (`12.345`), quoted otherwise.
fn amount(found: &str) -> String {
    let plain = !found.is_empty()
        && found
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-');
    if plain {
        found.to_owned()
    } else {
        input(found)
    }
}

/// Where in a policy or reform file: its JSON path, or nothing for the whole file.
fn in_file(path: &str) -> String {
    if path == "." {
        String::new()
    } else {
        format!(" {path}")
    }
}

/// What makes a text not JSON.
fn syntax_zh(kind: SyntaxProblem) -> &'static str {
    use SyntaxProblem as S;
    match kind {
        S::EofInArray | S::EofInObject | S::EofInString | S::EofInValue => {
            "JSON 不完整，读到末尾仍未结束"
        }
        S::ExpectedColon => "JSON 格式有误：键之后应为冒号“:”",
        S::ExpectedCommaOrArrayEnd => "JSON 格式有误：数组中的值之后应为逗号“,”或右方括号“]”",
        S::ExpectedCommaOrObjectEnd => "JSON 格式有误：对象中的值之后应为逗号“,”或右花括号“}”",
        S::ExpectedLiteral => {
            "JSON 格式有误：此处的词不完整或拼写有误，应为“true”（真）、“false”（假）或“null”（空值）"
        }
        S::ExpectedValue => {
            "JSON 格式有误：此处应为一个值（字符串、数字、对象、数组、“true”、“false”或“null”）"
        }
        S::ExpectedQuote => "JSON 格式有误：此处应为双引号“\"”",
        S::InvalidEscape => "JSON 格式有误：字符串中反斜杠之后的转义无效",
        S::InvalidNumber => "JSON 格式有误：数字的写法无效",
        S::NumberOutOfRange => "JSON 格式有误：数字超出可表示的范围",
        S::InvalidCodePoint => "JSON 格式有误：字符串中有无效的字符（不是有效的 UTF-8 字符）",
        S::ControlCharacter => {
            "JSON 格式有误：字符串中有未转义的控制字符（如换行符、制表符），应写作转义序列"
        }
        S::KeyNotString => "JSON 格式有误：对象的键应为带双引号的字符串",
        S::ExpectedNumericKey => "JSON 格式有误：此处的键应为写在引号中的数字",
        S::KeyNotFinite => "JSON 格式有误：作为键的数应为有限的数",
        S::LoneLeadingSurrogate => {
            "JSON 格式有误：字符串中的转义序列有不成对的代理项（高位代理之后缺少低位代理）"
        }
        S::TrailingComma => "JSON 格式有误：最后一个值之后多了逗号",
        S::TrailingCharacters => "JSON 格式有误：此处有多余的内容",
        S::UnexpectedEndOfHexEscape => {
            "JSON 格式有误：字符串中的十六进制转义序列不完整（反斜杠加字母“u”之后应有4位十六进制数字）"
        }
        S::TooDeep => "JSON 格式有误：数组和对象嵌套过深（超过128层）",
        _ => "JSON 格式有误",
    }
}

fn found_zh(found: &Found) -> String {
    match found {
        Found::Bool(b) => format!("布尔值`{b}`"),
        Found::Unsigned(n) => format!("整数`{n}`"),
        Found::Signed(n) => format!("整数`{n}`"),
        Found::Float(text) => format!("小数`{text}`"),
        Found::Str(s) => format!("字符串{s:?}"),
        Found::Null => "空值".to_owned(),
        Found::Array => "数组".to_owned(),
        Found::Object => "对象".to_owned(),
        Found::Other(_) => "其他值".to_owned(),
    }
}

/// A refused value written on its own, after the crate's own expectation: a number bare, any
/// other value as [`found_zh`] writes it.
fn found_bare(found: &Found) -> String {
    match found {
        Found::Unsigned(n) => n.to_string(),
        Found::Signed(n) => n.to_string(),
        Found::Float(text) | Found::Str(text) if amount(text) == *text => text.clone(),
        other => found_zh(other),
    }
}

fn own_zh(own: Own) -> &'static str {
    match own {
        Own::Grade => "1至4级的残疾等级",
        Own::Date => "写作 YYYY-MM-DD 的日期",
        Own::Amount => "不小于零的金额（单位：元），写作字符串（如“123.45”）或整数",
        Own::AmountAtMost => "至多1000000000000元的金额",
        Own::AmountInFen => "至多两位小数（精确到分）的金额",
        Own::Month => "写作“YYYY-MM”的月份",
        Own::BackPayMonths => concat!(
            "0至",
            crate::facts::max_back_pay_months!(),
            "个月的补发月数"
        ),
        Own::ClauseId => "条款表中的条款编号",
    }
}

/// What a position expected, in Chinese: the crate's own expectation, else the kind of JSON
/// value the position asked for.
fn expected_zh(expected: &Expected) -> String {
    if let Some(own) = Own::of(expected) {
        return own_zh(own).to_owned();
    }
    match expected.shape {
        Shape::Bool => "布尔值".to_owned(),
        Shape::Integer { min, max } => format!("{min}至{max}的整数"),
        Shape::Number => "数字".to_owned(),
        Shape::Str => "字符串".to_owned(),
        Shape::Char => "单个字符".to_owned(),
        Shape::Null => "空值".to_owned(),
        Shape::Array => "数组".to_owned(),
        Shape::Tuple { len } => format!("{len}项的数组"),
        Shape::Object | Shape::Map => "对象".to_owned(),
        Shape::Choice([]) => "另一类值".to_owned(),
        Shape::Choice(names) => names_one_of(names),
        Shape::Any => "另一类值".to_owned(),
    }
}

/// 报表的固定用语：列名与行名。
fn report_label(l: Label) -> &'static str {
    match l {
        Label::Lines => "行数",
        Label::Read => "读取",
        Label::Blank => "空行",
        Label::Decided => "已判定",
        Label::Rejected => "资料有误",
        Label::Line => "行号",
        Label::Resident => "居民",
        Label::Trigger => "事由",
        Label::Date => "发生日期",
        Label::Deadline => "告知期限",
        Label::Status => "状态",
        Label::For => "补贴",
        Label::Subsidy => "补贴",
        Label::WouldPay => "申请后每月可领（元）",
        Label::StoppedFrom => "停发月份",
        Label::Because => "原因",
        Label::PaidTo => "发放对象",
        Label::Count => "人数",
        Label::Amount => "金额（元）",
        Label::Persons => "发给本人（人）",
        Label::ChildrenInInstitutions => "机构代领（儿童）",
        Label::Total => "合计",
        Label::Error => "问题",
        Label::Gain => "增加",
        Label::Lose => "减少",
        Label::Unchanged => "不变",
        Label::Baseline => "现行",
        Label::Reform => "改革后",
        Label::Difference => "差额",
        Label::Both => "两项合计",
        Label::Year => "年份",
        Label::Months => "月数",
        Label::Month => "月份",
        Label::Group => "分组",
        Label::People => "人数",
        Label::LivingBaseline => "生活补贴（现行）",
        Label::LivingReform => "生活补贴（改革后）",
        Label::NursingBaseline => "护理补贴（现行）",
        Label::NursingReform => "护理补贴（改革后）",
        Label::BothDifference => "两项差额",
        Label::NoValidCertificate => "无有效残疾人证",
        Label::Dibao => "低保",
        Label::DibaoEdge => "低保边缘",
        Label::Neither => "均不是",
        Label::Unknown => "不详",
        Label::None => "无",
        Label::Item => "项目",
        Label::LineCount => "行数",
        Label::LivingDifference => "生活补贴差额",
        Label::NursingDifference => "护理补贴差额",
        Label::Parameter => "参数",
        Label::Name => "文件中的名称",
        Label::From => "起始月份",
        Label::Value => "取值",
        Label::Source => "来源",
        Label::Benefit => "其他待遇",
        Label::Relation => "与两项补贴的关系",
        Label::CountsWhen => "何时计入",
        Label::Clause => "条款",
    }
}

/// 报表的句子。
fn report_sentence(w: &Chinese, s: &Sentence<'_>) -> String {
    match *s {
        Sentence::RosterTitle { month, policy } => format!("{month}名册筛查（政策 {policy}）"),
        Sentence::Roster { source } => format!("名册：{source}"),
        Sentence::LinesCheck {
            read,
            blank,
            decided,
            rejected,
            balanced,
        } => format!(
            "核对：读取 {read} = 空行 {blank} + 已判定 {decided} + 资料有误 {rejected} {}",
            if balanced { "✓" } else { "✗ 不符" }
        ),
        Sentence::OutreachHeading {
            day,
            pending,
            overdue,
        } => format!(
            "政策找人工作清单（新办证 → 残联，新纳入低保/低保边缘 → 民政），截至{day}：\
             待告知{pending}项，逾期{overdue}项"
        ),
        Sentence::OfficeHeading {
            office,
            pending,
            overdue,
        } => {
            let office = match office {
                OfficeBody::CivilAffairs => "民政部门",
                OfficeBody::DisabledPersonsFederation => "残联",
            };
            format!("{office}（区、街道/乡镇）：待告知{pending}项，逾期{overdue}项")
        }
        Sentence::More { count } => format!("…… 另有{count}条"),
        Sentence::EntitledHeading { count } => format!("应享未享：{count}条"),
        Sentence::ToStopHeading { first, last, count } => {
            format!("应退则退（{first}至{last}停发）：{count}条")
        }
        Sentence::PaymentHeading { month } => format!("{month}发放清单（元）"),
        Sentence::SubsidyHeading { subsidy } => w.subsidy(subsidy).to_owned(),
        Sentence::PaymentCheck {
            lines,
            persons,
            institutions,
            total,
            ok,
        } => format!(
            "核对：{lines}条个人发放合计{persons}，机构发放合计{institutions}：{} {} 合计{total}",
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
            "两项补贴：{living} + {nursing} = {} {} 合计{total}  {}",
            living + nursing,
            if ok { "=" } else { "≠" },
            if reconciled {
                "✓ 账目相符"
            } else {
                "✗ 账目不符"
            }
        ),
        Sentence::RejectedHeading { count } => format!("资料有误的行：{count}行"),
        Sentence::Trigger { trigger } => match trigger {
            TriggerKind::NewCertificate => "新办残疾人证".to_owned(),
            TriggerKind::NewHouseholdAssistance {
                assistance: AssistanceKind::Dibao,
            } => "新纳入低保".to_owned(),
            TriggerKind::NewHouseholdAssistance { .. } => "新纳入低保边缘".to_owned(),
        },
        Sentence::Status { status } => match status {
            OutreachStatus::Pending { days_left } => format!("待告知，剩{days_left}天"),
            OutreachStatus::Overdue { days_overdue } => format!("逾期{days_overdue}天"),
            OutreachStatus::FulfilledOnTime { notified_on, .. } => {
                format!("已于{notified_on}告知")
            }
            OutreachStatus::FulfilledLate {
                notified_on,
                days_late,
                ..
            } => {
                format!("已于{notified_on}告知，逾期{days_late}天")
            }
            OutreachStatus::DeemedWaived { notified_on, .. } => {
                format!("已于{notified_on}告知，未申请，视为自愿放弃")
            }
            OutreachStatus::Lapsed { because, .. } => format!("已失效：{}", w.cause(because)),
            OutreachStatus::Applied { on, .. } => format!("已于{on}申请"),
        },
        Sentence::Subsidies { subsidies } => subsidies
            .iter()
            .map(|&s| short_subsidy(s))
            .collect::<Vec<_>>()
            .join("+"),
        Sentence::SubsidyName { subsidy } => short_subsidy(subsidy).to_owned(),
        Sentence::StopCause { cause } => w.cause(cause).to_owned(),
        Sentence::ReformTitle {
            name,
            reform,
            baseline,
            first,
            last,
        } => {
            format!("改革方案 {name}：{reform} 与 {baseline} 比较，{first}至{last}")
        }
        Sentence::ReformFile { source } => format!("改革方案文件：{source}"),
        Sentence::Override {
            parameter,
            from,
            value,
        } => {
            format!(
                "调整参数 {}（{parameter}）：自{from}起为 {value}",
                parameter.name_zh()
            )
        }
        Sentence::ParameterName { parameter } => parameter.name_zh().to_owned(),
        Sentence::Source { source } => format!("来源：{source}"),
        Sentence::MoversHeading { first, last } => {
            format!("增减情况（每人{first}至{last}合计）")
        }
        Sentence::TotalHeading { first, last } => format!("总支出，{first}至{last}（元）"),
        Sentence::UnclaimedHeading => "应享未享（符合条件但未申请），按应发金额计".to_owned(),
        Sentence::NewlyEntitled { count } => {
            format!("因改革新符合条件的人数（申请后发放）：{count}")
        }
        Sentence::YearlyHeading => "年度支出（两项补贴，元）".to_owned(),
        Sentence::MonthlyHeading => "月度支出（两项补贴，元）".to_owned(),
        Sentence::ByCategoryHeading => "按残疾类别（以末月1日有效的残疾人证计）".to_owned(),
        Sentence::ByGradeHeading => "按残疾等级".to_owned(),
        Sentence::ByHouseholdHeading => "按家庭救助状况（末月1日）".to_owned(),
        Sentence::Grade { grade } => format!("{grade}级"),
        Sentence::ExampleHeading { gains, resident } => format!(
            "一位{}的居民：{resident}",
            if gains {
                "补贴增加"
            } else {
                "补贴减少"
            }
        ),
        Sentence::MonthsThatDiffer { months } => format!("有差异的月份：{months}"),
        Sentence::SideBySide { month } => format!("{month}对照"),
        Sentence::NoDifference => "改革前后没有居民的发放金额不同。".to_owned(),
        Sentence::ClausesOnly { side, clauses } => {
            format!("仅{}引用的条款：{clauses}", which(side))
        }
        Sentence::ParametersOnly { side } => format!("仅{}使用的参数值：", which(side)),
        Sentence::ParameterValue {
            parameter,
            value,
            from,
        } => {
            format!("{} = {value}（自{from}起）", parameter.name_zh())
        }
        Sentence::PolicyTitle { name, covers } => {
            format!("政策一览：{name}，适用于{}", w.coverage(&covers))
        }
        Sentence::PolicyFile { source } => format!("政策文件：{source}"),
        Sentence::DocumentTitle { title } => format!("所依据的文件：{title}"),
        Sentence::Document { document } => format!("文号与发文机关：{document}"),
        Sentence::ParametersHeading { parameters, values } => format!(
            "参数：{parameters}项，共{values}个取值（每个取值自其起始月份起有效，至下一个取值开始）"
        ),
        Sentence::Value { value } => {
            let text = super::json_text(value);
            match value {
                serde_json::Value::String(name) => match gloss(name) {
                    Some(meaning) => format!("{text}（{meaning}）"),
                    None => text,
                },
                serde_json::Value::Array(items) if items.is_empty() => format!("{text}（无）"),
                _ => text,
            }
        }
        Sentence::RelationsHeading { kinds } => format!("其他待遇与两项补贴的关系：{kinds}类"),
        Sentence::Relation { relation } => match relation {
            BenefitRelation::ChooseHigher { subsidy, .. } => {
                format!("与{}择高", short_subsidy(subsidy))
            }
            BenefitRelation::Stacks { .. } => "与两项补贴叠加享受".to_owned(),
            BenefitRelation::Excludes { .. } => "不享受两项补贴".to_owned(),
        },
        Sentence::CountsWhen { counts_when } => match counts_when {
            Some(CountsWhen::Received) => "已享受时".to_owned(),
            Some(CountsWhen::QualifiedOrReceived) => "符合条件或已享受时".to_owned(),
            None => "—".to_owned(),
        },
        Sentence::ClausesAt => "各条款编号的原文见 docs/policy/CLAUSES.md。".to_owned(),
    }
}

/// A subsidy's short name, for a table's cell.
fn short_subsidy(s: Subsidy) -> &'static str {
    match s {
        Subsidy::Living => "生活补贴",
        Subsidy::Nursing => "护理补贴",
    }
}

fn which(side: Which) -> &'static str {
    match side {
        Which::Baseline => "现行政策",
        Which::Reform => "改革方案",
    }
}

/// What a value the crate reads as a name (an enum's variant) means, in Chinese: the crate's
/// names of things where it has them. Every name of the facts, the policy file and the reform file
/// has one.
fn gloss(name: &str) -> Option<&'static str> {
    let zh = &Chinese;
    if let Ok(parameter) = name.parse::<Parameter>() {
        return Some(parameter.name_zh());
    }
    Some(match name {
        // Subsidy.
        "living" => "生活补贴",
        "nursing" => "护理补贴",
        // Place.
        "tianjin" => "天津",
        "elsewhere" => "外地",
        // Category.
        "visual" => zh.category(Category::Visual),
        "hearing" => zh.category(Category::Hearing),
        "speech" => zh.category(Category::Speech),
        "physical" => zh.category(Category::Physical),
        "intellectual" => zh.category(Category::Intellectual),
        "mental" => zh.category(Category::Mental),
        "multiple" => zh.category(Category::Multiple),
        // WithdrawalKind.
        "cancelled" => "注销",
        "frozen" => "冻结",
        // AssistanceKind.
        "dibao" => zh.assistance(AssistanceKind::Dibao),
        "dibao_edge" => zh.assistance(AssistanceKind::DibaoEdge),
        "low_income" => "低收入家庭",
        // OrphanCare.
        "dispersed" => "散居",
        "institution" => "机构集中养育",
        // BenefitKind.
        "welfare_living_allowance" => zh.benefit(BenefitKind::WelfareLivingAllowance),
        "welfare_nursing_allowance" => zh.benefit(BenefitKind::WelfareNursingAllowance),
        "disability_compensation_living" => zh.benefit(BenefitKind::DisabilityCompensationLiving),
        "disability_compensation_nursing" => zh.benefit(BenefitKind::DisabilityCompensationNursing),
        "elderly_care_service_subsidy" => zh.benefit(BenefitKind::ElderlyCareServiceSubsidy),
        "advanced_age_allowance" => zh.benefit(BenefitKind::AdvancedAgeAllowance),
        "elderly_care_nursing_subsidy" => zh.benefit(BenefitKind::ElderlyCareNursingSubsidy),
        "work_injury_living_care_fee" => zh.benefit(BenefitKind::WorkInjuryLivingCareFee),
        "extreme_poverty_support" => zh.benefit(BenefitKind::ExtremePovertySupport),
        // WelfareBasis (and Channel's "other").
        "disabled_on_duty" => "因公致残",
        "retired_veteran_cadre" => "离休干部",
        "other" => "其他",
        // BenefitStatus.
        "received" => "已享受",
        "qualified" => "符合条件但未领取",
        // CustodyKind.
        "prison" => zh.custody(CustodyKind::Prison),
        "suspended_sentence" => zh.custody(CustodyKind::SuspendedSentence),
        "serving_outside_prison" => zh.custody(CustodyKind::ServingOutsidePrison),
        "detention" => zh.custody(CustodyKind::Detention),
        "public_surveillance" => zh.custody(CustodyKind::PublicSurveillance),
        // Channel.
        "window" => zh.channel(Channel::Window),
        "online" => zh.channel(Channel::Online),
        "cross_province" => zh.channel(Channel::CrossProvince),
        "one_thing" => zh.channel(Channel::OneThing),
        // Keeps.
        "subsidy" => "领取本补贴",
        "other_benefit" => "保留其他待遇",
        // NotificationForm.
        "system_prompt" => zh.form(NotificationForm::SystemPrompt),
        "plain_language_sheet" => zh.form(NotificationForm::PlainLanguageSheet),
        "written_notice" => zh.form(NotificationForm::WrittenNotice),
        "phone_call" => zh.form(NotificationForm::PhoneCall),
        "home_visit" => zh.form(NotificationForm::HomeVisit),
        // OfficeBody, OfficeLevel, Recipient.
        "civil_affairs" => zh.body(OfficeBody::CivilAffairs),
        "disabled_persons_federation" => zh.body(OfficeBody::DisabledPersonsFederation),
        "district" => "区",
        "sub_district" => "街道（乡镇）",
        "person" => "本人",
        "guardian" => "监护人",
        // The policy file: relations, when a benefit counts, stop timing, tie rule, dibao-edge
        // amounts.
        "choose_higher" => "择高",
        "stacks" => "叠加",
        "excludes" => "排除",
        "qualified_or_received" => "符合条件或已享受",
        "month_after" => "次月起停发",
        "same_month" => "当月起停发",
        "keep_received" => "维持已享受的待遇",
        "prefer_subsidy" => "优先本补贴",
        "prefer_other_benefit" => "优先其他待遇",
        "same_as_dibao" => "与低保家庭标准相同",
        "amounts" => "单独规定标准",
        // Language.
        "zh" => "中文",
        "en" => "英文",
        _ => return None,
    })
}
