//! Orphans: clauses `orphan.living`, `orphan.institution_payee` and `orphan.no_duplicate`.

use chrono::NaiveDate;

use super::{covers, Status, Trace};
use crate::clauses::ClauseId;
use crate::decision::{Cause, FactGroup, FactRef, Finding};
use crate::facts::{OrphanCare, Subsidy};
use crate::resident::{Lists, Periods};

/// "享受孤儿基本生活保障政策的残疾儿童不享受困难残疾人生活补贴，可享受重度残疾人护理补贴"
/// (`orphan.living`); "机构集中养育…的护理补贴可直接发放至儿童福利机构"
/// (`orphan.institution_payee`); "儿童福利机构已纳入相关照料护理类补贴资金保障范围的，不再重复享受"
/// (`orphan.no_duplicate`).
#[inline]
pub(crate) fn orphan_guarantee<'r>(
    resident: impl Lists<'r>,
    subsidy: Subsidy,
    day: NaiveDate,
    status: &mut Status<'r>,
    trace: &mut impl Trace,
) {
    let Some(periods) = &resident.facts().orphan_guarantee else {
        status.missing.insert(FactGroup::OrphanGuarantee);
        return;
    };
    let found =
        resident.first_holding(Periods::Orphan, periods, day, |p| covers(p.from, p.to, day));
    let Some(i) = found else {
        return;
    };
    let fact = FactRef::new(FactGroup::OrphanGuarantee, i);
    match (subsidy, &periods[i].care) {
        (Subsidy::Living, _) => {
            status.excluded.insert(Cause::OrphanGuarantee);
            trace.add(ClauseId::OrphanLiving, || Finding::OrphanGuarantee {
                on: day,
                fact,
            });
        }
        (Subsidy::Nursing, OrphanCare::Dispersed) => {
            trace.add(ClauseId::OrphanLiving, || Finding::OrphanGuarantee {
                on: day,
                fact,
            });
        }
        (
            Subsidy::Nursing,
            OrphanCare::Institution {
                institution,
                funded_for_care: true,
            },
        ) => {
            status.excluded.insert(Cause::InstitutionFundedForCare);
            trace.add(ClauseId::OrphanNoDuplicate, || {
                Finding::InstitutionFundedForCare {
                    institution: institution.clone(),
                    fact,
                }
            });
        }
        (
            Subsidy::Nursing,
            OrphanCare::Institution {
                institution,
                funded_for_care: false,
            },
        ) => {
            status.institution = Some(institution);
            trace.add(ClauseId::OrphanInstitutionPayee, || {
                Finding::PaidToInstitution {
                    institution: institution.clone(),
                    fact,
                }
            });
        }
    }
}
