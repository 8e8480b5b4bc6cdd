//! The rules, one file per part of the policy. Each rule checks the facts on one day and records
//! what it found as a [`Reason`] citing its clause.
//!
//! - `eligibility`: `living.eligibility`, `nursing.eligibility`, `grade.multiple`, death.
//! - `orphans`: `orphan.living`, `orphan.institution_payee`, `orphan.no_duplicate`.
//! - `exclusions`: `exclusion.work_injury`, `exclusion.extreme_poverty`, `exclusion.prison`,
//!   `exclusion.prison_kinds`.
//! - `amounts`: `amounts`.
//! - `competing`: `higher.welfare`, `higher.elderly_nursing`, `higher.tie`, `higher.monthly`,
//!   `stack.elderly`.
//! - `timing`: `start.month`, `stop.month`, `restart`, `start.renewal`, `start.reapply`,
//!   `channels`.
//! - `outreach`: `outreach.duty`, `outreach.deadline`, `outreach.waiver`, `outreach.months`,
//!   `outreach.notice`.

pub(crate) mod amounts;
pub(crate) mod competing;
pub(crate) mod eligibility;
pub(crate) mod exclusions;
pub(crate) mod orphans;
pub(crate) mod outreach;
pub(crate) mod timing;

use chrono::NaiveDate;

use crate::clauses::ClauseId;
use crate::decision::{Cause, FactGroup, Finding, Reason};
use crate::facts::{AssistanceKind, Certificate, Subsidy};
use crate::policy::Policy;
use crate::resident::Lists;

/// Where the rules put what they found: a decision being explained collects [`Reasons`]; bulk
/// work (a roster scan, costing a reform, probing a day for a stop) passes [`NoReasons`].
///
/// The rules are generic over it, so each is compiled twice: once collecting, and once in which
/// every finding, and the code that would build it, is gone. Bulk work then runs smaller code
/// with fewer branches, which matters when the rules run interleaved with JSON parsing.
pub(crate) trait Trace {
    /// Whether reasons are being collected (known when the rules are compiled).
    fn is_enabled(&self) -> bool;

    /// Records the finding of `clause`, built only when reasons are being collected.
    fn add(&mut self, clause: ClauseId, finding: impl FnOnce() -> Finding);
}

/// The reasons of a decision being explained.
pub(crate) struct Reasons {
    pub(crate) reasons: Vec<Reason>,
}

impl Reasons {
    pub(crate) fn with_capacity(capacity: usize) -> Reasons {
        Reasons {
            reasons: Vec::with_capacity(capacity),
        }
    }
}

impl Trace for Reasons {
    #[inline]
    fn is_enabled(&self) -> bool {
        true
    }

    #[inline]
    fn add(&mut self, clause: ClauseId, finding: impl FnOnce() -> Finding) {
        self.reasons.push(Reason {
            clause,
            finding: finding(),
        });
    }
}

/// No reasons: the outcome only.
pub(crate) struct NoReasons;

impl Trace for NoReasons {
    #[inline(always)]
    fn is_enabled(&self) -> bool {
        false
    }

    #[inline(always)]
    fn add(&mut self, _clause: ClauseId, _finding: impl FnOnce() -> Finding) {}
}

/// A set of [`Cause`]s, without allocating: bit `i` stands for `Cause::ALL[i]` (the declaration
/// order, so `cause as usize` is its bit).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CauseSet(u16);

impl CauseSet {
    #[inline]
    pub(crate) fn insert(&mut self, cause: Cause) {
        self.0 |= 1 << cause as usize;
    }
    #[inline]
    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub(crate) fn iter(self) -> impl Iterator<Item = Cause> {
        Cause::ALL
            .into_iter()
            .enumerate()
            .filter(move |(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, c)| c)
    }
    /// The first cause in [`Cause::ALL`]'s order.
    #[inline]
    pub(crate) fn first(self) -> Option<Cause> {
        Cause::ALL.get(self.0.trailing_zeros() as usize).copied()
    }
}

/// A set of [`FactGroup`]s, without allocating: bit `i` stands for `FactGroup::ALL[i]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct GroupSet(u16);

impl GroupSet {
    #[inline]
    pub(crate) fn insert(&mut self, group: FactGroup) {
        self.0 |= 1 << group as usize;
    }
    #[inline]
    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub(crate) fn iter(self) -> impl Iterator<Item = FactGroup> {
        FactGroup::ALL
            .into_iter()
            .enumerate()
            .filter(move |(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, g)| g)
    }
}

/// What the rules found about one subsidy on one day.
#[derive(Debug, Default)]
pub(crate) struct Status<'r> {
    /// Conditions not met.
    pub(crate) unmet: CauseSet,
    /// Exclusions that apply.
    pub(crate) excluded: CauseSet,
    /// Fact groups needed but not given.
    pub(crate) missing: GroupSet,
    /// The certificate that counts, with its index.
    pub(crate) certificate: Option<(usize, &'r Certificate)>,
    /// The household's assistance status.
    pub(crate) household: Option<AssistanceKind>,
    /// The institution that receives the nursing allowance, if any.
    pub(crate) institution: Option<&'r str>,
}

/// The verdict of a [`Status`], in three-valued logic: a known failure decides even when other
/// facts are unknown; only when nothing fails do unknown facts make the answer undetermined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Met,
    Excluded(Cause),
    NotEligible(CauseSet),
    Undetermined(GroupSet),
}

impl Status<'_> {
    pub(crate) fn verdict(&self) -> Verdict {
        if let Some(cause) = self.excluded.first() {
            Verdict::Excluded(cause)
        } else if !self.unmet.is_empty() {
            Verdict::NotEligible(self.unmet)
        } else if !self.missing.is_empty() {
            Verdict::Undetermined(self.missing)
        } else {
            Verdict::Met
        }
    }
}

/// Checks every condition and exclusion of `subsidy` on `day`.
///
/// `renewed_certificate` stands in for the certificate in back-pay months before a renewed
/// certificate was issued (reading `start.renewal`).
pub(crate) fn assess<'r>(
    policy: &Policy,
    resident: impl Lists<'r>,
    subsidy: Subsidy,
    day: NaiveDate,
    renewed_certificate: Option<usize>,
    trace: &mut impl Trace,
) -> Status<'r> {
    let mut status = Status::default();
    eligibility::alive(resident, day, &mut status, trace);
    eligibility::tianjin_hukou(resident, subsidy, day, &mut status, trace);
    eligibility::certificate(
        policy,
        resident,
        subsidy,
        day,
        renewed_certificate,
        &mut status,
        trace,
    );
    if subsidy == Subsidy::Living {
        eligibility::household_assistance(resident, day, &mut status, trace);
    }
    orphans::orphan_guarantee(resident, subsidy, day, &mut status, trace);
    exclusions::excluding_benefits(policy, resident, day, &mut status, trace);
    exclusions::prison(resident, day, &mut status, trace);
    status
}

/// The order of the facts of one kind that are compared with each other: the application first
/// submitted first; on the same day, the one that follows a renewed certificate, with the most
/// back pay, then by channel and subsidies, so that no decision depends on the list's order.
pub(crate) fn application_key(
    a: &crate::facts::Application,
) -> (
    NaiveDate,
    std::cmp::Reverse<bool>,
    std::cmp::Reverse<u8>,
    crate::facts::Channel,
    u8,
) {
    let subsidies = a.subsidies.iter().fold(0u8, |set, s| set | 1 << (*s as u8));
    (
        a.submitted,
        std::cmp::Reverse(a.follows_renewed_certificate),
        std::cmp::Reverse(a.back_pay_months),
        a.channel,
        subsidies,
    )
}

/// Whether a period `[from, to]` (both days included, `to` open) covers `day`.
#[inline]
pub(crate) fn covers(from: NaiveDate, to: Option<NaiveDate>, day: NaiveDate) -> bool {
    from <= day && to.is_none_or(|to| day <= to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_use_the_declaration_order_of_all() {
        for (i, cause) in Cause::ALL.into_iter().enumerate() {
            assert_eq!(cause as usize, i, "{cause:?}");
            let mut set = CauseSet::default();
            set.insert(cause);
            assert_eq!(set.first(), Some(cause));
            assert_eq!(set.iter().collect::<Vec<_>>(), [cause]);
        }
        for (i, group) in FactGroup::ALL.into_iter().enumerate() {
            assert_eq!(group as usize, i, "{group:?}");
            let mut set = GroupSet::default();
            set.insert(group);
            assert_eq!(set.iter().collect::<Vec<_>>(), [group]);
        }
        let mut set = CauseSet::default();
        assert_eq!(set.first(), None);
        set.insert(Cause::Prison);
        set.insert(Cause::NoTianjinHukou);
        assert_eq!(set.first(), Some(Cause::NoTianjinHukou));
    }
}
