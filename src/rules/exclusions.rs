//! Exclusions: clauses `exclusion.work_injury`, `exclusion.extreme_poverty`, `exclusion.prison`
//! and reading `exclusion.prison_kinds`.

use chrono::NaiveDate;

use super::{covers, Status, Trace};
use crate::clauses::ClauseId;
use crate::decision::{Cause, FactGroup, FactRef, Finding};
use crate::facts::benefit_key;
use crate::facts::{BenefitKind, CustodyKind};
use crate::policy::{BenefitRelation, Policy};
use crate::resident::{Lists, Periods};

/// "领取工伤保险生活护理费，纳入特困人员供养保障…的残疾人，不享受残疾人两项补贴"
/// (`exclusion.work_injury`, `exclusion.extreme_poverty`). Which benefits exclude, and whether
/// only when received, is the policy's `benefit_relations` data.
#[inline]
pub(crate) fn excluding_benefits<'r>(
    policy: &Policy,
    resident: impl Lists<'r>,
    day: NaiveDate,
    status: &mut Status,
    trace: &mut impl Trace,
) {
    let Some(benefits) = &resident.facts().other_benefits else {
        status.missing.insert(FactGroup::OtherBenefits);
        return;
    };
    resident.each_holding(
        Periods::Benefits,
        benefits,
        day,
        |b| covers(b.from, b.to, day),
        trace.is_enabled().then_some(benefit_key),
        |i| {
            let benefit = &benefits[i];
            let BenefitRelation::Excludes {
                counts_when,
                clause,
            } = policy.relation(benefit.kind)
            else {
                return;
            };
            let fact = FactRef::new(FactGroup::OtherBenefits, i);
            let kind = benefit.kind;
            if counts_when.counts(benefit.status) {
                status.excluded.insert(exclusion_cause(kind));
                trace.add(clause, || Finding::ExcludingBenefit {
                    on: day,
                    kind,
                    fact,
                });
            } else {
                trace.add(clause, || Finding::ExcludesOnlyWhenReceived { kind, fact });
            }
        },
    );
}

/// The cause an excluding benefit gives. Policy loading admits `excludes` only for these two
/// kinds (`Policy::from_json`), so no other kind reaches here.
fn exclusion_cause(kind: BenefitKind) -> Cause {
    match kind {
        BenefitKind::ExtremePovertySupport => Cause::ExtremePovertySupport,
        _ => Cause::WorkInjuryLivingCareFee,
    }
}

/// "被人民法院判处有期徒刑以上刑罚、在监狱服刑的残疾人，不享受残疾人两项补贴"
/// (`exclusion.prison`). Only a sentence served in prison excludes; detention, public
/// surveillance, suspended sentences and serving outside prison do not
/// (`exclusion.prison_kinds`).
#[inline]
pub(crate) fn prison<'r>(
    resident: impl Lists<'r>,
    day: NaiveDate,
    status: &mut Status,
    trace: &mut impl Trace,
) {
    let Some(custody) = &resident.facts().custody else {
        status.missing.insert(FactGroup::Custody);
        return;
    };
    resident.each_holding(
        Periods::Custody,
        custody,
        day,
        |p| covers(p.from, p.to, day),
        trace.is_enabled().then_some(crate::facts::custody_key),
        |i| {
            let period = &custody[i];
            let fact = FactRef::new(FactGroup::Custody, i);
            if period.kind == CustodyKind::Prison {
                status.excluded.insert(Cause::Prison);
                trace.add(ClauseId::ExclusionPrison, || Finding::InPrison {
                    on: day,
                    fact,
                });
            } else {
                let kind = period.kind;
                trace.add(ClauseId::ExclusionPrisonKinds, || {
                    Finding::CustodyDoesNotExclude { kind, fact }
                });
            }
        },
    );
}
