//! An index of a resident's long lists of facts, so that no question about one day costs time in
//! proportion to the whole list.
//!
//! The rules ask two things of the facts, many times per resident: which records of a group hold
//! on a day, and the next day on which any condition may change. For the lists a real resident
//! has (a handful of records) a pass over the list answers both fastest, and the rules do that.
//! A list longer than [`LONG`] (a data error, or an attack on a roster scan) is indexed instead,
//! once, when first asked about: its periods sorted by their first day, with the latest end
//! reached so far, and every change day sorted. Both questions are then answered by binary
//! search, so that a roster line costs time in proportion to its length, never its square.

use chrono::NaiveDate;

use crate::facts::Facts;

/// The longest list read by a pass; a longer one is indexed.
pub(crate) const LONG: usize = 16;

/// The fact groups whose records hold over a period of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Periods {
    Hukou,
    Certificates,
    Assistance,
    Orphan,
    Benefits,
    Custody,
}

impl Periods {
    const ALL: [Periods; 6] = [
        Periods::Hukou,
        Periods::Certificates,
        Periods::Assistance,
        Periods::Orphan,
        Periods::Benefits,
        Periods::Custody,
    ];
}

/// The first day after the last day `to` (a period's end is its last day, included).
fn after(to: Option<NaiveDate>) -> NaiveDate {
    to.and_then(|to| to.succ_opt()).unwrap_or(NaiveDate::MAX)
}

/// The days each record of `group` holds: from its first day to the first day it no longer does
/// (`NaiveDate::MAX` when it lasts).
pub(crate) fn spans(facts: &Facts, group: Periods) -> Vec<(NaiveDate, NaiveDate)> {
    match group {
        Periods::Hukou => spans_of(&facts.hukou, |p| (p.from, after(p.to))),
        Periods::Certificates => {
            spans_of(&facts.certificates, |c| (c.issued, c.first_day_without()))
        }
        Periods::Assistance => spans_of(&facts.household_assistance, |p| (p.from, after(p.to))),
        Periods::Orphan => spans_of(&facts.orphan_guarantee, |p| (p.from, after(p.to))),
        Periods::Benefits => spans_of(&facts.other_benefits, |p| (p.from, after(p.to))),
        Periods::Custody => spans_of(&facts.custody, |p| (p.from, after(p.to))),
    }
}

fn spans_of<T>(
    list: &Option<Vec<T>>,
    span: impl Fn(&T) -> (NaiveDate, NaiveDate),
) -> Vec<(NaiveDate, NaiveDate)> {
    list.iter().flatten().map(span).collect()
}

/// How many records `group` has.
pub(crate) fn len(facts: &Facts, group: Periods) -> usize {
    match group {
        Periods::Hukou => facts.hukou.as_ref().map_or(0, Vec::len),
        Periods::Certificates => facts.certificates.as_ref().map_or(0, Vec::len),
        Periods::Assistance => facts.household_assistance.as_ref().map_or(0, Vec::len),
        Periods::Orphan => facts.orphan_guarantee.as_ref().map_or(0, Vec::len),
        Periods::Benefits => facts.other_benefits.as_ref().map_or(0, Vec::len),
        Periods::Custody => facts.custody.as_ref().map_or(0, Vec::len),
    }
}

/// Whether any list of `facts` is long enough to be indexed.
pub(crate) fn is_long(facts: &Facts) -> bool {
    Periods::ALL.iter().any(|&g| len(facts, g) > LONG) || facts.applications.len() > LONG
}

/// The index of a resident with a long list.
#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    /// Per group (in the order of [`Periods::ALL`]), when the group is long.
    groups: [Option<Stabbing>; 6],
    /// Every day on which a condition may change, sorted, without repeats.
    change_days: Vec<NaiveDate>,
}

impl Index {
    pub(crate) fn new(facts: &Facts, change_days: Vec<NaiveDate>) -> Index {
        let mut index = Index {
            change_days,
            ..Index::default()
        };
        index.change_days.sort_unstable();
        index.change_days.dedup();
        for (slot, group) in index.groups.iter_mut().zip(Periods::ALL) {
            if len(facts, group) > LONG {
                let spans = spans(facts, group);
                *slot = Some(match (group, facts.certificates.as_deref()) {
                    // Certificates alike in their days are ordered by their content, as
                    // `last_issued` orders them, so that the order of the list never matters.
                    (Periods::Certificates, Some(certificates)) => {
                        Stabbing::new(spans, |i| Some(certificates[i].issue_order()))
                    }
                    _ => Stabbing::new(spans, |_| None::<()>),
                });
            }
        }
        index
    }

    /// The index of `group`, when it is long.
    pub(crate) fn group(&self, group: Periods) -> Option<&Stabbing> {
        self.groups[group as usize].as_ref()
    }

    /// The first change day after `after` and not after `until`.
    #[cold]
    #[inline(never)]
    pub(crate) fn next_change_day(&self, after: NaiveDate, until: NaiveDate) -> Option<NaiveDate> {
        let k = self.change_days.partition_point(|d| *d <= after);
        self.change_days.get(k).copied().filter(|d| *d <= until)
    }
}

/// A group's periods sorted by their first day, with the latest end reached so far: the periods
/// that hold on a day are among those that start on or before it, and the search stops as soon as
/// no earlier one reaches the day.
#[derive(Debug, Clone)]
pub(crate) struct Stabbing {
    first: Vec<NaiveDate>,
    end: Vec<NaiveDate>,
    reach: Vec<NaiveDate>,
    index: Vec<usize>,
}

impl Stabbing {
    /// The index of `spans`; of periods with the same days, the one whose `tie` is greater
    /// comes later (as listed where they tie too).
    fn new<K: Ord>(
        spans: Vec<(NaiveDate, NaiveDate)>,
        tie: impl Fn(usize) -> Option<K>,
    ) -> Stabbing {
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by(|&a, &b| spans[a].cmp(&spans[b]).then_with(|| tie(a).cmp(&tie(b))));
        let first = order.iter().map(|&i| spans[i].0).collect();
        let end: Vec<NaiveDate> = order.iter().map(|&i| spans[i].1).collect();
        let mut reach = Vec::with_capacity(end.len());
        let mut furthest = NaiveDate::MIN;
        for &e in &end {
            furthest = furthest.max(e);
            reach.push(furthest);
        }
        Stabbing {
            first,
            end,
            reach,
            index: order,
        }
    }

    /// The record that starts last on or before `day` (of those starting the same day, the one
    /// that lasts longest), held or not.
    #[cold]
    #[inline(never)]
    pub(crate) fn last_starting(&self, day: NaiveDate) -> Option<usize> {
        let k = self.first.partition_point(|f| *f <= day);
        k.checked_sub(1).map(|k| self.index[k])
    }

    /// The records that hold on `day`, as indices into the group's list, latest start first.
    #[cold]
    #[inline(never)]
    pub(crate) fn covering(&self, day: NaiveDate) -> Stab<'_> {
        Stab {
            stabbing: self,
            day,
            k: self.first.partition_point(|f| *f <= day),
        }
    }
}

/// The records of a [`Stabbing`] that hold on a day.
pub(crate) struct Stab<'s> {
    stabbing: &'s Stabbing,
    day: NaiveDate,
    /// One past the next candidate.
    k: usize,
}

impl Iterator for Stab<'_> {
    type Item = usize;

    #[inline(never)]
    fn next(&mut self) -> Option<usize> {
        let s = self.stabbing;
        while self.k > 0 {
            self.k -= 1;
            if s.reach[self.k] <= self.day {
                // No period starting this early reaches the day.
                self.k = 0;
                return None;
            }
            if s.end[self.k] > self.day {
                return Some(s.index[self.k]);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;
    use proptest::prelude::*;

    use super::*;
    use crate::facts::{
        Category, Certificate, CustodyKind, CustodyPeriod, Grade, HukouPeriod, Place, Withdrawal,
        WithdrawalKind,
    };
    use crate::resident::{next_change_day_by_pass, Lists, Resident, Short};

    fn day(offset: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default() + Duration::days(offset)
    }

    /// Long lists: consecutive hukou periods, certificates on distinct days (some expiring, some
    /// withdrawn), overlapping custody periods.
    fn long_facts() -> impl Strategy<Value = Facts> {
        let hukou = prop::collection::vec(1i64..40, LONG + 1..LONG + 20);
        let certificates = prop::collection::btree_map(
            0i64..1500,
            (prop::option::of(0i64..400), prop::option::of(0i64..400)),
            LONG + 1..LONG + 30,
        );
        let custody = prop::collection::vec(
            (0i64..1500, prop::option::of(0i64..300)),
            LONG + 1..LONG + 30,
        );
        (hukou, certificates, custody).prop_map(|(lengths, certificates, custody)| {
            let mut start = 0;
            let last = lengths.len() - 1;
            let hukou = lengths
                .iter()
                .enumerate()
                .map(|(i, len)| {
                    let from = day(start);
                    start += len;
                    HukouPeriod {
                        place: if i % 3 == 0 {
                            Place::Elsewhere
                        } else {
                            Place::Tianjin
                        },
                        from,
                        to: (i < last).then(|| day(start - 1)),
                    }
                })
                .collect();
            let certificates = certificates
                .into_iter()
                .map(|(issued, (valid, withdrawn))| Certificate {
                    number: None,
                    category: Category::Physical,
                    grade: Grade::Two,
                    issued: day(issued),
                    expires: valid.map(|v| day(issued + v)),
                    withdrawn: withdrawn.map(|w| Withdrawal {
                        how: WithdrawalKind::Frozen,
                        on: day(issued + w + 1),
                    }),
                })
                .collect();
            let custody = custody
                .into_iter()
                .map(|(from, length)| CustodyPeriod {
                    kind: CustodyKind::Prison,
                    from: day(from),
                    to: length.map(|l| day(from + l)),
                })
                .collect();
            Facts {
                id: "LONG".into(),
                died_on: None,
                hukou: Some(hukou),
                certificates: Some(certificates),
                household_assistance: Some(Vec::new()),
                orphan_guarantee: Some(Vec::new()),
                other_benefits: Some(Vec::new()),
                custody: Some(custody),
                applications: Vec::new(),
                choices: Vec::new(),
                notifications: Vec::new(),
            }
        })
    }

    /// The records of `group` that hold on `day`, by a pass over the spans.
    fn by_pass(facts: &Facts, group: Periods, on: NaiveDate) -> Vec<usize> {
        spans(facts, group)
            .iter()
            .enumerate()
            .filter(|(_, (first, end))| *first <= on && on < *end)
            .map(|(i, _)| i)
            .collect()
    }

    proptest! {
        /// Through the index, the records that hold on a day, the certificate that starts last,
        /// and the next change day are what a pass over the lists finds.
        #[test]
        fn the_index_answers_as_a_pass_does(facts in long_facts(), days in prop::collection::vec(-10i64..2000, 1..40)) {
            let resident = Resident::new(facts.clone()).expect("valid long facts");
            prop_assert!(resident.is_long());
            // The rules as compiled for a resident without a long list are never given this one;
            // here they read it by passes, to check the index against them.
            prop_assert!(Short::of(&resident).is_none());
            let (indexed_lists, passes) = (&resident, Short(&resident));
            for &offset in &days {
                let on = day(offset);
                prop_assert_eq!(indexed_lists.valid_certificate(on), passes.valid_certificate(on), "on {}", on);
                let hukou = facts.hukou.as_deref().unwrap_or_default();
                let holds = |p: &HukouPeriod| p.from <= on && p.to.is_none_or(|to| on <= to);
                prop_assert_eq!(
                    indexed_lists.first_holding(Periods::Hukou, hukou, on, holds),
                    passes.first_holding(Periods::Hukou, hukou, on, holds)
                );
                let custody = facts.custody.as_deref().unwrap_or_default();
                let holds = |p: &CustodyPeriod| p.from <= on && p.to.is_none_or(|to| on <= to);
                for in_order in [None, Some(crate::facts::custody_key)] {
                    let (mut through_index, mut by_passes) = (Vec::new(), Vec::new());
                    indexed_lists.each_holding(Periods::Custody, custody, on, holds, in_order, |i| through_index.push(i));
                    passes.each_holding(Periods::Custody, custody, on, holds, in_order, |i| by_passes.push(i));
                    if in_order.is_none() {
                        through_index.sort_unstable();
                        by_passes.sort_unstable();
                    }
                    prop_assert_eq!(through_index, by_passes, "custody on {}", on);
                }
                for group in [Periods::Hukou, Periods::Certificates, Periods::Custody] {
                    let indexed = resident.indexed(group).expect("long");
                    let mut found: Vec<usize> = indexed.covering(on).collect();
                    found.sort_unstable();
                    prop_assert_eq!(found, by_pass(&facts, group, on), "{:?} on {}", group, on);
                }
                let spans = spans(&facts, Periods::Certificates);
                let last = (0..spans.len()).filter(|&i| spans[i].0 <= on).max_by_key(|&i| (spans[i], i));
                let indexed = resident.indexed(Periods::Certificates).expect("long");
                prop_assert_eq!(indexed.last_starting(on).map(|i| spans[i]), last.map(|i| spans[i]));
                for &until in &days {
                    let until = day(until);
                    prop_assert_eq!(
                        resident.next_change_day(on, until),
                        next_change_day_by_pass(&facts, on, until),
                        "after {} until {}", on, until
                    );
                    prop_assert_eq!(indexed_lists.next_change_day(on, until), passes.next_change_day(on, until));
                }
            }
        }
    }
}
