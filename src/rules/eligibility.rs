//! Who receives each subsidy: clauses `living.eligibility` and `nursing.eligibility`, reading
//! `grade.multiple`, and death (reading `stop.month`).

use chrono::NaiveDate;

use super::{covers, Status, Trace};
use crate::clauses::ClauseId;
use crate::decision::Used;
use crate::decision::{Cause, FactGroup, FactRef, Finding, Lapse};
use crate::facts::{Category, Place, Subsidy, WithdrawalKind};
use crate::month::Month;
use crate::policy::{CategoryGrade, Parameter, Policy};
use crate::resident::{Lists, Periods, Resident};

fn eligibility_clause(subsidy: Subsidy) -> ClauseId {
    match subsidy {
        Subsidy::Living => ClauseId::LivingEligibility,
        Subsidy::Nursing => ClauseId::NursingEligibility,
    }
}

/// Death ends both subsidies; the date of death is the first day without the conditions
/// (reading `stop.month`: "death … a date of death … is the first day without the condition").
#[inline]
pub(crate) fn alive<'r>(
    resident: impl Lists<'r>,
    day: NaiveDate,
    status: &mut Status,
    trace: &mut impl Trace,
) {
    if let Some(died) = resident.facts().died_on {
        if died <= day {
            status.unmet.insert(Cause::Died);
            trace.add(ClauseId::StopMonth, || Finding::Died { on: died });
        }
    }
}

/// 天津市户籍 — both subsidies require Tianjin household registration
/// (`living.eligibility`: "困难残疾人生活补贴对象为天津市户籍…"; `nursing.eligibility`:
/// "重度残疾人护理补贴对象为天津市户籍…").
#[inline]
pub(crate) fn tianjin_hukou<'r>(
    resident: impl Lists<'r>,
    subsidy: Subsidy,
    day: NaiveDate,
    status: &mut Status,
    trace: &mut impl Trace,
) {
    let Some(periods) = &resident.facts().hukou else {
        status.missing.insert(FactGroup::Hukou);
        return;
    };
    let clause = eligibility_clause(subsidy);
    let found = resident.first_holding(Periods::Hukou, periods, day, |p| covers(p.from, p.to, day));
    match found {
        Some(i) if periods[i].place == Place::Tianjin => {
            trace.add(clause, || Finding::TianjinHukou {
                on: day,
                fact: FactRef::new(FactGroup::Hukou, i),
            });
        }
        found => {
            status.unmet.insert(Cause::NoTianjinHukou);
            trace.add(clause, || Finding::NoTianjinHukou {
                on: day,
                fact: found.map(|i| FactRef::new(FactGroup::Hukou, i)),
            });
        }
    }
}

/// A valid certificate of any of the seven categories (`living.eligibility`: "…视力残疾、听力残疾、
/// 言语残疾、肢体残疾、精神残疾、智力残疾和多重残疾人"); for the nursing allowance, grade 1 or 2
/// (`nursing.eligibility`: "各残疾类别残疾等级为一、二级的重度残疾人"). Multiple disability uses
/// the certificate's overall grade (reading `grade.multiple`).
///
/// A certificate counts from its issue date through its expiry date, until the day it is
/// cancelled or frozen. Where several count, the most recently issued does.
#[allow(clippy::too_many_arguments, reason = "the rule's inputs, all needed")]
#[inline]
pub(crate) fn certificate<'r>(
    policy: &Policy,
    resident: impl Lists<'r>,
    subsidy: Subsidy,
    day: NaiveDate,
    renewed_certificate: Option<usize>,
    status: &mut Status<'r>,
    trace: &mut impl Trace,
) {
    let Some(certificates) = &resident.facts().certificates else {
        status.missing.insert(FactGroup::Certificates);
        return;
    };
    let clause = eligibility_clause(subsidy);
    let valid = renewed_certificate.or_else(|| valid_certificate(resident, day));
    let Some(i) = valid.filter(|&i| i < certificates.len()) else {
        status.unmet.insert(Cause::NoValidCertificate);
        // Which certificate lapsed, and how, is looked for only when reasons are kept.
        trace.add(clause, || {
            let last = last_issued(resident.resident(), day).map(|i| (i, &certificates[i]));
            let lapse = match last {
                None => Lapse::NoneIssued,
                Some((_, c)) => match c.withdrawn {
                    Some(w) if w.on <= day => match w.how {
                        WithdrawalKind::Cancelled => Lapse::Cancelled { on: w.on },
                        WithdrawalKind::Frozen => Lapse::Frozen { on: w.on },
                    },
                    _ => Lapse::Expired {
                        on: c.expires.unwrap_or(day),
                    },
                },
            };
            Finding::NoValidCertificate {
                on: day,
                lapse,
                fact: last.map(|(i, _)| FactRef::new(FactGroup::Certificates, i)),
            }
        });
        return;
    };
    let certificate = &certificates[i];
    let fact = FactRef::new(FactGroup::Certificates, i);
    status.certificate = Some((i, certificate));
    if renewed_certificate.is_some() {
        trace.add(ClauseId::StartRenewal, || {
            Finding::RenewedCertificateStandard {
                on: day,
                category: certificate.category,
                grade: certificate.grade,
                fact,
            }
        });
    } else {
        trace.add(clause, || Finding::ValidCertificate {
            on: day,
            category: certificate.category,
            grade: certificate.grade,
            fact,
        });
    }
    if certificate.category == Category::Multiple {
        trace.add(ClauseId::GradeMultiple, || {
            Finding::OverallGradeOfMultiple {
                grade: certificate.grade,
                fact,
            }
        });
    }
    if subsidy == Subsidy::Nursing {
        let grade = certificate.grade;
        // The extension is looked up only for a grade that is not severe.
        let extension = || {
            policy
                .parameters()
                .nursing_allowance_also_for
                .at(Month::of(day))
                .filter(|v| {
                    v.value.contains(&CategoryGrade {
                        category: certificate.category,
                        grade,
                    })
                })
        };
        if grade.is_severe() {
            trace.add(ClauseId::NursingEligibility, || Finding::SevereGrade {
                grade,
                fact,
            });
        } else if let Some(extension) = extension() {
            let category = certificate.category;
            trace.add(ClauseId::NursingEligibility, || Finding::NursingExtended {
                category,
                grade,
                fact,
                used: Used::of(Parameter::NursingAllowanceAlsoFor, extension),
            });
        } else {
            status.unmet.insert(Cause::GradeNotSevere);
            trace.add(ClauseId::NursingEligibility, || Finding::GradeNotSevere {
                grade,
                fact,
            });
        }
    }
}

/// The certificate that counts on `day`: valid from its issue date through its expiry date,
/// until the day it is cancelled or frozen; where several count, the most recently issued (two
/// issued the same day and both valid are refused: reading `certificate.same_day`).
#[inline(always)]
pub(crate) fn valid_certificate<'r>(resident: impl Lists<'r>, day: NaiveDate) -> Option<usize> {
    resident.valid_certificate(day)
}

/// The certificate issued last on or before `day`, valid or not (what a decision names when none
/// is valid); of two issued the same day (one withdrawn that day), the one that lasted longer;
/// of two alike in both (both withdrawn the day they were issued), the last by content
/// ([`Certificate::issue_order`](crate::facts::Certificate::issue_order)), so that the order of
/// the list never matters.
fn last_issued(resident: &Resident, day: NaiveDate) -> Option<usize> {
    let certificates = resident.facts().certificates.as_deref()?;
    if let Some(indexed) = resident.indexed(Periods::Certificates) {
        // Sorted by issue day, then the first day without, then by content: the same order.
        return indexed.last_starting(day);
    }
    (0..certificates.len())
        .filter(|&i| certificates[i].issued <= day)
        .max_by_key(|&i| certificates[i].issue_order())
}

/// 享受天津市最低生活保障、低保边缘家庭（原低收入家庭）待遇 — the living allowance requires the
/// household to receive Tianjin dibao or dibao-edge treatment (`living.eligibility`).
#[inline]
pub(crate) fn household_assistance<'r>(
    resident: impl Lists<'r>,
    day: NaiveDate,
    status: &mut Status,
    trace: &mut impl Trace,
) {
    let Some(periods) = &resident.facts().household_assistance else {
        status.missing.insert(FactGroup::HouseholdAssistance);
        return;
    };
    let found = resident.first_holding(Periods::Assistance, periods, day, |p| {
        covers(p.from, p.to, day)
    });
    match found {
        Some(i) => {
            let kind = periods[i].kind;
            status.household = Some(kind);
            trace.add(ClauseId::LivingEligibility, || {
                Finding::HouseholdAssistance {
                    on: day,
                    kind,
                    fact: FactRef::new(FactGroup::HouseholdAssistance, i),
                }
            });
        }
        None => {
            status.unmet.insert(Cause::NoHouseholdAssistance);
            trace.add(ClauseId::LivingEligibility, || {
                Finding::NoHouseholdAssistance { on: day }
            });
        }
    }
}
