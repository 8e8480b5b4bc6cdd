//! The clause table: every clause of the Tianjin 2023 policy and every reading the crate adopts
//! where the text is silent, each with its stable id, the Chinese text it rests on and an English
//! gloss (`docs/policy/CLAUSES.md`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! clauses {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $zh:literal, $en:literal; )*) => {
        /// A clause of the policy or a reading the crate adopts, by its stable id.
        ///
        /// Every [`Reason`](crate::Reason) of a decision names one, so an analyst can go from any
        /// answer back to the text. Serialized as the id, e.g. `"living.eligibility"`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum ClauseId {
            $( $(#[$doc])* $variant, )*
        }

        impl ClauseId {
            /// Every clause and reading, in the order of CLAUSES.md.
            pub const ALL: &'static [ClauseId] = &[$( ClauseId::$variant, )*];

            /// The stable id, e.g. `living.eligibility`.
            pub fn id(self) -> &'static str {
                match self { $( ClauseId::$variant => $id, )* }
            }

            /// The Chinese text the clause rests on (for a reading, the reading in Chinese).
            pub fn text_zh(self) -> &'static str {
                match self { $( ClauseId::$variant => $zh, )* }
            }

            /// What the crate decides under it, in English.
            pub fn gloss_en(self) -> &'static str {
                match self { $( ClauseId::$variant => $en, )* }
            }
        }

        impl FromStr for ClauseId {
            type Err = UnknownClause;
            fn from_str(s: &str) -> Result<ClauseId, UnknownClause> {
                match s {
                    $( $id => Ok(ClauseId::$variant), )*
                    _ => Err(UnknownClause { found: crate::json::excerpt(s) }),
                }
            }
        }
    };
}

clauses! {
    /// The policy governs months from 2023-08.
    InForce = "in_force",
        "自8月1日起…正式实施",
        "The policy governs months from 2023-08; a month outside every loaded policy is an error.";
    /// Who receives the living allowance.
    LivingEligibility = "living.eligibility",
        "困难残疾人生活补贴对象为天津市户籍、享受天津市最低生活保障、低保边缘家庭（原低收入家庭）待遇中的视力残疾、听力残疾、言语残疾、肢体残疾、精神残疾、智力残疾和多重残疾人",
        "Living allowance: Tianjin hukou, the household receives Tianjin dibao or dibao-edge treatment, and a valid disability certificate of any of the seven categories.";
    /// Who receives the nursing allowance.
    NursingEligibility = "nursing.eligibility",
        "重度残疾人护理补贴对象为天津市户籍，各残疾类别残疾等级为一、二级的重度残疾人",
        "Nursing allowance: Tianjin hukou and grade 1 or 2 in any category; no income condition.";
    /// Both subsidies may be paid together.
    Both = "both",
        "符合条件的残疾人，可同时申领困难残疾人生活补贴和重度残疾人护理补贴",
        "Both subsidies may be paid to the same person in the same month.";
    /// Choose the higher against welfare-type allowances and disability compensation.
    HigherWelfare = "higher.welfare",
        "既符合残疾人两项补贴条件，又符合因公致残、离休等福利性生活补贴（津贴）、护理补贴（津贴）条件，以及纳入伤残抚恤对象范围且已享受补贴的残疾人，可择高申领其中一类生活补贴（津贴）、护理补贴（津贴）",
        "Living allowance vs welfare-type living allowance, nursing allowance vs welfare-type nursing allowance: the higher is chosen; disability compensation competes only if already received.";
    /// Elderly service subsidy and advanced-age allowance stack.
    StackElderly = "stack.elderly",
        "既符合残疾人两项补贴条件，又符合居家养老服务补贴、高龄津贴条件的残疾老年人，可叠加享受",
        "The home-based elderly care service subsidy and the advanced-age allowance never reduce either subsidy.";
    /// Choose the higher against the elderly care nursing subsidy.
    HigherElderlyNursing = "higher.elderly_nursing",
        "既符合重度残疾人护理补贴条件，又符合居家养老护理补贴条件的残疾老年人，可择高申领其中一类护理补贴",
        "Nursing allowance vs the home-based elderly care nursing subsidy: the higher is chosen.";
    /// Orphans get no living allowance.
    OrphanLiving = "orphan.living",
        "享受孤儿基本生活保障政策的残疾儿童不享受困难残疾人生活补贴，可享受重度残疾人护理补贴",
        "A child receiving the orphan guarantee gets no living allowance; the nursing allowance follows its own conditions.";
    /// The institution is the payee for institution-raised orphans.
    OrphanInstitutionPayee = "orphan.institution_payee",
        "机构集中养育享受孤儿基本生活保障政策的残疾儿童的护理补贴可直接发放至儿童福利机构，作为残疾孤儿护理费用集中统筹使用",
        "For an orphan raised in an institution, the nursing allowance is paid to the child welfare institution.";
    /// No double funding of an institution already funded for care.
    OrphanNoDuplicate = "orphan.no_duplicate",
        "儿童福利机构已纳入相关照料护理类补贴资金保障范围的，不再重复享受",
        "If the institution is already funded for care, no nursing allowance is paid for the child.";
    /// The subsidies are not income for means tests.
    IncomeExempt = "income.exempt",
        "残疾人两项补贴不计入最低生活保障和低保边缘家庭（原低收入家庭）的收入",
        "The two subsidies are never countable household income for dibao or dibao-edge means tests.";
    /// Work-injury living-care fee excludes.
    ExclusionWorkInjury = "exclusion.work_injury",
        "领取工伤保险生活护理费…的残疾人，不享受残疾人两项补贴",
        "A person receiving the work-injury living-care fee gets neither subsidy.";
    /// Extreme-poverty support excludes.
    ExclusionExtremePoverty = "exclusion.extreme_poverty",
        "纳入特困人员供养保障…的残疾人，不享受残疾人两项补贴",
        "A person in extreme-poverty support gets neither subsidy.";
    /// Prison excludes.
    ExclusionPrison = "exclusion.prison",
        "被人民法院判处有期徒刑以上刑罚、在监狱服刑的残疾人，不享受残疾人两项补贴",
        "Months spent serving a sentence of fixed-term imprisonment or heavier in prison: neither subsidy.";
    /// Outreach duty of the federation and civil affairs.
    OutreachDuty = "outreach.duty",
        "区、街道（乡镇）残联工作人员重点对新办残疾人证且符合补贴条件的残疾人开展政策告知服务，区、街道（乡镇）民政工作人员重点对新纳入低保、低保边缘家庭且符合补贴条件的残疾人开展政策告知服务",
        "A new certificate puts an outreach duty on the disabled persons' federation; a new dibao or dibao-edge enrolment on civil affairs; only for people who then meet a subsidy's conditions.";
    /// Outreach within 3 months.
    OutreachDeadline = "outreach.deadline",
        "确保3个月内对新纳入低保、低保边缘家庭、新办证残疾人提供…至少一种形式的主动提醒政策宣传服务",
        "The duty is met by at least one of the five forms within 3 calendar months of the trigger.";
    /// Notified and not applied: deemed waived.
    OutreachWaiver = "outreach.waiver",
        "对已主动开展政策告知，但残疾人或监护人并未主动提出补贴申请的，视为自愿放弃",
        "Notified and not applied: deemed a voluntary waiver.";
    /// Re-application after a waiver: from the month of application, no back pay.
    StartReapply = "start.reapply",
        "残疾人自愿放弃后再次提出补贴申请的，受理主体应当及时予以受理，补贴资金从申请当月计发，不予补发",
        "A new application is accepted; payment starts in the month of application; no month before it is paid.";
    /// Every channel is accepted alike.
    Channels = "channels",
        "全面实施“跨省通办”“全程网办”“一件事儿”“一卡通”发放管理业务，畅通残疾人两项补贴申领渠道",
        "Applications record their channel; every channel is accepted alike.";
    /// Reading 1: amounts from the dated parameter table.
    Amounts = "amounts",
        "补贴标准按天津市公布的月标准执行（自2023年8月起：生活补贴一、二级300元、三、四级160元，护理补贴200元；低保边缘家庭同低保家庭）",
        "Amounts come from the policy's dated parameters: from 2023-08, living allowance 300 (grade 1-2) / 160 (grade 3-4), nursing allowance 200; dibao-edge the same as dibao.";
    /// Reading 2: entitlement starts in the month of application.
    StartMonth = "start.month",
        "补贴资格审定合格的残疾人自递交申请当月计发补贴",
        "Entitlement starts in the month the application was submitted, if every condition held on that day; no month before it is paid.";
    /// Reading 3: entitlement stops from the month after a condition ceased.
    StopMonth = "stop.month",
        "自情况发生的次月起停止发放",
        "Entitlement stops from the month after the one in which a condition ceased (an event on the 1st stops that month itself).";
    /// Reading 4: a stopped claim needs a new application.
    Restart = "restart",
        "停发后符合条件的，可重新按照程序申请补贴",
        "A stopped claim does not restart by itself: a new application is needed, and it starts from its own month.";
    /// Reading 5: certificate renewal starts in the new certificate's month, with up to 3 months' back pay.
    StartRenewal = "start.renewal",
        "重新办理残疾人证并提出补贴申请的，应于新残疾人证发证当月计发补贴，同时可视情补发最多不超过3个月的补贴",
        "After a renewed certificate, entitlement starts in the month the new certificate was issued, with at most 3 months' back pay at its standard.";
    /// Reading 6: ties and the person's own choice.
    HigherTie = "higher.tie",
        "可择高申领：金额相同时维持已享受的待遇；本人另有选择的，从其选择",
        "The strictly higher benefit is proposed; on equal amounts, the one already received is kept; a recorded choice of the person is honoured.";
    /// Reading 7: amounts compared per month.
    HigherMonthly = "higher.monthly",
        "择高时按月标准比较",
        "Amounts are compared per month, in CNY, as exact decimals.";
    /// Reading 8: 3 calendar months, clamped to month end.
    OutreachMonths = "outreach.months",
        "3个月按自然月计算，月末不足的取当月最后一日",
        "The 3 months are calendar months from the event's date, clamped to the month's end.";
    /// Reading 9: a waiver needs a delivered notification.
    OutreachNotice = "outreach.notice",
        "视为自愿放弃须以已送达告知为前提",
        "A waiver needs a delivered notification; without one the duty is overdue. Either way no month before the application is paid.";
    /// Reading 10: multiple disability uses the overall grade.
    GradeMultiple = "grade.multiple",
        "多重残疾按残疾人证所载综合等级认定",
        "Multiple disability uses the certificate's overall grade; any category qualifies for the living allowance, grade 1-2 of any category for the nursing allowance.";
    /// Reading 11: only prison excludes.
    ExclusionPrisonKinds = "exclusion.prison_kinds",
        "仅判处有期徒刑以上刑罚且在监狱服刑的不享受；拘役、管制、缓刑、监外执行不在此列",
        "Only fixed-term imprisonment or heavier, served in prison, excludes; detention, public surveillance, suspended sentences and serving outside prison do not.";
    /// Reading 12: an application made before 2023-08 carries over only if it was valid.
    StartCarryOver = "start.carry_over",
        "《实施意见》施行前提出的申请，申请当日符合全部条件且至施行之日未发生停发情形的，自施行当月起继续有效；否则须重新申请",
        "An application made before 2023-08 carries over and pays from 2023-08 when every condition held on the day it was submitted and none ceased before 2023-08-01; otherwise it is not a claim, and a new application is needed.";
    /// Reading 13: two certificates issued the same day are a conflict for the caseworker.
    CertificateSameDay = "certificate.same_day",
        "同一人同时只持一本有效残疾人证，以最近核发的为准；同一天核发且当日均有效的两本证无法确定以哪本为准，须由经办人员核实",
        "A person holds one valid certificate at a time, the most recently issued counting; two issued on the same day and both valid that day cannot be ordered, so the facts are refused until a caseworker resolves the conflict.";
}

/// A text that is not the id of a clause or reading of CLAUSES.md.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownClause {
    /// What was given.
    pub found: String,
}

impl fmt::Display for ClauseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for ClauseId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for ClauseId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ClauseId, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ClauseId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(crate::json::problem::Own::ClauseId.said())
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ClauseId, E> {
                v.parse().map_err(|_| {
                    E::invalid_value(
                        serde::de::Unexpected::Str(v),
                        &crate::json::problem::Own::ClauseId,
                    )
                })
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_parse_back() {
        let mut seen = std::collections::HashSet::new();
        for &clause in ClauseId::ALL {
            assert!(seen.insert(clause.id()), "duplicate id {}", clause.id());
            assert_eq!(clause.id().parse::<ClauseId>().unwrap(), clause);
            assert!(!clause.text_zh().is_empty() && !clause.gloss_en().is_empty());
        }
        assert_eq!(ClauseId::ALL.len(), 19 + 13);
    }

    #[test]
    fn every_id_of_clauses_md_is_in_the_table() {
        let clauses_md = include_str!("../docs/policy/CLAUSES.md");
        let mut found = 0;
        for line in clauses_md.lines() {
            // Clause rows: "| `id` | …"; readings: "1. `id` — …".
            let numbered = line.trim_start_matches(|c: char| c.is_ascii_digit());
            let rest = line.strip_prefix("| `").or_else(|| {
                (numbered.len() < line.len())
                    .then(|| numbered.strip_prefix(". `"))
                    .flatten()
            });
            if let Some((id, _)) = rest.and_then(|r| r.split_once('`')) {
                assert!(
                    id.parse::<ClauseId>().is_ok(),
                    "CLAUSES.md id {id} is missing"
                );
                found += 1;
            }
        }
        assert_eq!(found, ClauseId::ALL.len());
    }
}
