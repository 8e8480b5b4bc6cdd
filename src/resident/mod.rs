//! A resident whose facts have been checked: the engine's input.

mod index;

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;

use crate::error::{Error, FactProblem, ReadResidentError};
use crate::facts::{check_number, OrphanCare, MAX_BACK_PAY_MONTHS, MAX_TEXT_CHARS};
use crate::facts::{Certificate, Facts};

use index::Index;
pub(crate) use index::Periods;

/// One resident's [`Facts`], checked for deciding: build once, decide many months.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::Resident;
///
/// let err = Resident::from_json(r#"{ "id": "R-2",
///     "certificates": [{ "category": "physical", "grade": 5, "issued": "2020-03-01" }] }"#)
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "certificates[0].grade: expected a disability grade from 1 to 4, found 5 (line 2, column 57)"
/// );
/// ```
#[derive(Debug, Clone)]
pub struct Resident {
    facts: Facts,
    /// `facts.id`, shared by every decision about the resident; made on the first decision that
    /// carries it (a roster scan never needs it).
    id: OnceLock<Arc<str>>,
    /// The order in which the rules read the other benefits and the custody periods when they
    /// keep reasons, made when first needed: `None` when both are in that order already, the
    /// common case (see [`Orders`]).
    orders: OnceLock<Option<Box<Orders>>>,
    /// For a resident with a list long enough to be indexed (see `index.rs`), the index, made
    /// when first asked about; `None` for every other resident. Boxed, and one field for the
    /// flag and the index, so that a resident held in memory stays small: a decision about one
    /// of a hundred thousand residents in memory touches every cache line the resident spans.
    index: Option<Box<OnceLock<Index>>>,
}

/// A resident reads as its [`Facts`] and is checked as it is read, so that a caller's own
/// request type can hold one: read through the crate's reader ([`json::from_str`]), facts that
/// cannot be true give the resident's own error, its path placed inside the request's
/// (`request.resident.hukou[0].to`), in either language. Read by serde_json directly, the same
/// checks refuse it, with their English message.
///
/// [`json::from_str`]: crate::json::from_str
///
/// # Examples
///
/// ```
/// use serde::Deserialize;
/// use tianjin_disability_subsidies::{Error, Language, Month, Resident};
///
/// #[derive(Debug, Deserialize)]
/// struct Request {
///     month: Month,
///     resident: Resident,
/// }
///
/// let body = r#"{ "month": "2024-05", "resident": { "id": "R-1",
///     "hukou": [{ "place": "tianjin", "from": "2024-01-01", "to": "2023-12-31" }] } }"#;
/// let err = Error::from(tianjin_disability_subsidies::json::from_str::<Request>(body).unwrap_err());
/// assert_eq!(err.path(), Some("resident.hukou[0].to"));
/// assert_eq!(
///     err.describe(Language::Chinese),
///     "resident.hukou[0].to：日期应不早于该时段的起始日2024-01-01，实为2023-12-31"
/// );
/// ```
impl<'de> serde::Deserialize<'de> for Resident {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Resident, D::Error> {
        let facts = <Facts as serde::Deserialize>::deserialize(deserializer)?;
        Resident::new(facts).map_err(crate::json::refuse_checked)
    }
}

/// A resident writes as its [`Facts`].
impl serde::Serialize for Resident {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.facts.serialize(serializer)
    }
}

/// Two residents are equal when their facts are: the rest is derived from the facts.
impl PartialEq for Resident {
    fn eq(&self, other: &Resident) -> bool {
        self.facts == other.facts
    }
}

impl Eq for Resident {}

impl Resident {
    /// Checks `facts` and prepares them for deciding.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidFact`] naming the JSON path of the first fact that cannot be true: a
    /// period that ends before it starts, a certificate that expires or is withdrawn before it was
    /// issued, overlapping assistance or household registration periods, an application naming
    /// no subsidy or with back pay it cannot have, a welfare-type allowance without its basis, a
    /// certificate number that fails its checks or disagrees with the record, an empty id.
    pub fn new(facts: Facts) -> Result<Resident, Error> {
        check(&facts)?;
        Ok(Resident::checked(facts))
    }

    /// Reads one resident's facts from JSON and checks them.
    ///
    /// # Errors
    ///
    /// [`Error::Json`] with the JSON path, line and column for JSON that does not read as facts
    /// (unknown field, grade 5, a date that is not a date, a negative amount, …); otherwise as
    /// [`Resident::new`].
    pub fn from_json(json: &str) -> Result<Resident, Error> {
        Resident::new(crate::json::read(json).map_err(Error::from)?)
    }

    /// Reads one resident's facts from a JSON value already in memory (an element of a
    /// request's array) and checks them, as strictly as [`Resident::from_json`] but for one
    /// thing a value cannot hold: a key repeated in the text it was parsed from, which
    /// `serde_json` has already resolved (the last one kept) before the crate sees it. To refuse
    /// repeated keys, read the text with [`Resident::from_json`] or [`crate::json::from_str`]
    /// (or keep an element as a `serde_json::value::RawValue`, as the `decide` example does). A
    /// reading error names the JSON path within the value and has no line or column.
    ///
    /// # Errors
    ///
    /// As [`Resident::from_json`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tianjin_disability_subsidies::{Language, Resident};
    ///
    /// let value = serde_json::json!({ "id": "R-1", "certificates": [{ "grade": 5 }] });
    /// let err = Resident::from_value(&value).unwrap_err();
    /// assert_eq!(
    ///     err.describe(Language::English),
    ///     "certificates[0].grade: expected a disability grade from 1 to 4, found 5"
    /// );
    /// ```
    pub fn from_value(value: &serde_json::Value) -> Result<Resident, Error> {
        Resident::new(crate::json::read_value(value).map_err(Error::from)?)
    }

    /// Reads one resident's facts from the bytes of a request body and checks them, as
    /// [`Resident::from_json`] does.
    ///
    /// # Errors
    ///
    /// As [`Resident::from_json`]; bytes that are not UTF-8 are an [`Error::Json`] of
    /// [`JsonProblem::NotUtf8`](crate::json::JsonProblem::NotUtf8).
    pub fn from_slice(bytes: &[u8]) -> Result<Resident, Error> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Resident::from_json(text),
            Err(_) => Err(Error::Json {
                path: ".".to_owned(),
                problem: Box::new(crate::json::JsonProblem::NotUtf8),
                line: 0,
                column: 0,
            }),
        }
    }

    /// Reads one resident's facts from a reader (a request body, a file) to its end and checks
    /// them, as [`Resident::from_json`] does.
    ///
    /// # Errors
    ///
    /// An I/O error of the reader, as [`ReadResidentError::Io`]; otherwise, for facts that do
    /// not read or check, [`ReadResidentError::Invalid`] with the error of
    /// [`Resident::from_slice`].
    pub fn from_reader(mut reader: impl std::io::Read) -> Result<Resident, ReadResidentError> {
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .map_err(ReadResidentError::Io)?;
        Resident::from_slice(&bytes).map_err(ReadResidentError::Invalid)
    }

    /// Reads and checks one roster line's resident, as [`Resident::from_json`] does (the same reading
    /// and checks), the facts moved once, from the parser's result into the resident. Kept apart
    /// from `from_json` for the scan's sake: the scan through `from_json` measured 1.05 of its
    /// time through this (`roster_speed`, six pairs), for 0.16 % more instructions.
    pub(crate) fn read_line(json: &str) -> Result<Resident, Error> {
        let facts = match crate::json::read_fast::<Facts>(json) {
            Ok(facts) => facts,
            Err(()) => return Err(crate::json::read_with_path::<Facts>(json).into()),
        };
        check(&facts)?;
        Ok(Resident::checked(facts))
    }

    /// The facts as given.
    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    /// The caller's id.
    pub fn id(&self) -> &str {
        &self.facts.id
    }

    pub(crate) fn shared_id(&self) -> &Arc<str> {
        self.id.get_or_init(|| Arc::from(self.facts.id.as_str()))
    }

    /// Facts that passed [`check`].
    fn checked(facts: Facts) -> Resident {
        Resident {
            index: index::is_long(&facts).then(|| Box::new(OnceLock::new())),
            orders: OnceLock::new(),
            facts,
            id: OnceLock::new(),
        }
    }

    /// The index of the long lists, made on first use. Out of line: it is never called for a
    /// resident of ordinary length, and the rules that ask stay small enough for the compiler to
    /// inline the ordinary path (inlined, this made a roster scan's rules a tenth slower).
    #[cold]
    #[inline(never)]
    fn long_index(&self) -> Option<&Index> {
        Some(self.index.as_deref()?.get_or_init(|| {
            let mut days = Vec::new();
            for_each_period(&self.facts, |from, to| {
                days.push(from);
                if let Some(after) = to.and_then(|to| to.succ_opt()) {
                    days.push(after);
                }
            });
            Index::new(&self.facts, days)
        }))
    }

    /// The index of `group`, when the group is long.
    #[inline(always)]
    pub(crate) fn indexed(&self, group: Periods) -> Option<&index::Stabbing> {
        if self.is_long() {
            self.long_index()?.group(group)
        } else {
            None
        }
    }

    /// Whether a list is long enough to be indexed.
    #[inline(always)]
    pub(crate) fn is_long(&self) -> bool {
        self.index.is_some()
    }

    /// The order of `group`'s records by their content, when reasons are kept and the list is
    /// not in that order already (see [`Orders`]).
    #[inline]
    fn content_order(&self, group: Periods) -> Option<&[usize]> {
        let orders = self
            .orders
            .get_or_init(|| Orders::of(&self.facts))
            .as_deref()?;
        match group {
            Periods::Benefits => orders.benefits.as_deref(),
            Periods::Custody => orders.custody.as_deref(),
            _ => None,
        }
    }
}

/// How the rules reach a resident's facts and lists: through the index of long lists
/// (`&Resident`), or by a pass over each list ([`Short`], a resident none of whose lists is long:
/// nearly every one). The rules are generic over it, as over [`Trace`](crate::rules::Trace): each
/// is written once and compiled twice, so that the ordinary resident's rules hold no path to the
/// index at all (DESIGN.md, "Why are long lists indexed?").
pub(crate) trait Lists<'r>: Copy {
    /// The resident.
    fn resident(self) -> &'r Resident;

    /// Its facts.
    #[inline(always)]
    fn facts(self) -> &'r Facts {
        &self.resident().facts
    }

    /// The first record of `group` (its list `list`) that holds on `day` (one for which `holds`
    /// is true): by a pass over a short list; through the index for a long one, where of several
    /// the one that starts last. For the groups whose periods may not overlap, the one that
    /// holds.
    fn first_holding<T>(
        self,
        group: Periods,
        list: &[T],
        day: NaiveDate,
        holds: impl Fn(&T) -> bool,
    ) -> Option<usize>;

    /// Calls `each` with every record of `group` (its list `list`) that holds on `day` (those for
    /// which `holds` is true), for the other benefits or the custody periods, which can give
    /// several findings on one day. When reasons are kept, `in_order` gives the key of the
    /// records' content, and they come in its order (records alike in content as listed; see
    /// [`Orders`]), so that the same facts in any order give the same findings in the same
    /// order; otherwise (`None`) as listed, since what the rules find is then a set.
    fn each_holding<T, K: Ord>(
        self,
        group: Periods,
        list: &[T],
        day: NaiveDate,
        holds: impl Fn(&T) -> bool,
        in_order: Option<impl Fn(&T) -> K>,
        each: impl FnMut(usize),
    );

    /// The certificate that counts on `day` (see
    /// [`eligibility::valid_certificate`](crate::rules::eligibility::valid_certificate)).
    fn valid_certificate(self, day: NaiveDate) -> Option<usize>;

    /// The first day after `after`, and not after `until`, on which a condition may change: the
    /// engine checks a claim only on these days. Found by one pass over the facts rather than
    /// from a sorted index: a claim usually has none or a few such days after it was granted.
    fn next_change_day(self, after: NaiveDate, until: NaiveDate) -> Option<NaiveDate>;
}

/// Through the index for a long list; for any other, the passes of [`Short`]. Every way to the
/// index is the long-list flag, then a cold function never inlined (`Resident::long_index`).
impl<'r> Lists<'r> for &'r Resident {
    #[inline(always)]
    fn resident(self) -> &'r Resident {
        self
    }

    #[inline]
    fn first_holding<T>(
        self,
        group: Periods,
        list: &[T],
        day: NaiveDate,
        holds: impl Fn(&T) -> bool,
    ) -> Option<usize> {
        if let Some(stabbing) = self.indexed(group) {
            return stabbing.covering(day).next();
        }
        Short(self).first_holding(group, list, day, holds)
    }

    #[inline]
    fn each_holding<T, K: Ord>(
        self,
        group: Periods,
        list: &[T],
        day: NaiveDate,
        holds: impl Fn(&T) -> bool,
        in_order: Option<impl Fn(&T) -> K>,
        each: impl FnMut(usize),
    ) {
        if let Some(stabbing) = self.indexed(group) {
            by_index(stabbing, list, day, in_order.as_ref())
                .into_iter()
                .for_each(each);
            return;
        }
        Short(self).each_holding(group, list, day, holds, in_order, each)
    }

    #[inline]
    fn valid_certificate(self, day: NaiveDate) -> Option<usize> {
        if let Some(stabbing) = self.indexed(Periods::Certificates) {
            let certificates = self.facts.certificates.as_deref()?;
            return stabbing
                .covering(day)
                .max_by_key(|&i| certificates[i].issued);
        }
        Short(self).valid_certificate(day)
    }

    #[inline]
    fn next_change_day(self, after: NaiveDate, until: NaiveDate) -> Option<NaiveDate> {
        if let Some(index) = self.is_long().then(|| self.long_index()).flatten() {
            return index.next_change_day(after, until);
        }
        Short(self).next_change_day(after, until)
    }
}

/// A resident's lists read by a pass over each, never through the index (see [`Lists`]). The
/// rules get one from [`Short::of`] (through [`with_lists!`]), which checks that none of the
/// resident's lists is long; the `&Resident` impl hands over to one for a list that is not long
/// itself, and the index's property test makes one of a resident with a long list, to check the
/// index against passes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Short<'r>(&'r Resident);

/// `$body` with `$lists` bound to the way the rules reach `$resident`'s lists: a [`Short`] when
/// none of them is long (nearly every resident), else the resident itself, through the index.
/// The one place that choice is made; `$body` is compiled once for each (DESIGN.md, "Why are
/// long lists indexed?").
macro_rules! with_lists {
    ($resident:expr, |$lists:ident| $body:expr) => {{
        let resident: &$crate::resident::Resident = $resident;
        match $crate::resident::Short::of(resident) {
            Some($lists) => $body,
            None => {
                let $lists = resident;
                $body
            }
        }
    }};
}
pub(crate) use with_lists;

impl<'r> Short<'r> {
    /// `resident`, when none of its lists is long.
    #[inline(always)]
    pub(crate) fn of(resident: &'r Resident) -> Option<Short<'r>> {
        (!resident.is_long()).then_some(Short(resident))
    }
}

impl<'r> Lists<'r> for Short<'r> {
    #[inline(always)]
    fn resident(self) -> &'r Resident {
        self.0
    }

    #[inline(always)]
    fn first_holding<T>(
        self,
        _group: Periods,
        list: &[T],
        _day: NaiveDate,
        holds: impl Fn(&T) -> bool,
    ) -> Option<usize> {
        list.iter().position(holds)
    }

    #[inline(always)]
    fn each_holding<T, K: Ord>(
        self,
        group: Periods,
        list: &[T],
        _day: NaiveDate,
        holds: impl Fn(&T) -> bool,
        in_order: Option<impl Fn(&T) -> K>,
        mut each: impl FnMut(usize),
    ) {
        // A list of one record or none is in every order.
        let order = if in_order.is_some() && list.len() > 1 {
            self.0.content_order(group)
        } else {
            None
        };
        let len = order.map_or(list.len(), <[usize]>::len);
        // One loop for either order, so that `each` is compiled once only.
        for k in 0..len {
            let i = order.map_or(k, |order| order[k]);
            if holds(&list[i]) {
                each(i);
            }
        }
    }

    #[inline(always)]
    fn valid_certificate(self, day: NaiveDate) -> Option<usize> {
        valid_certificate_by_pass(self.0.facts.certificates.as_deref()?, day)
    }

    #[inline(always)]
    fn next_change_day(self, after: NaiveDate, until: NaiveDate) -> Option<NaiveDate> {
        next_change_day_by_pass(&self.0.facts, after, until)
    }
}

/// [`Lists::valid_certificate`] by a pass over the certificates.
#[inline(always)]
fn valid_certificate_by_pass(certificates: &[Certificate], day: NaiveDate) -> Option<usize> {
    certificates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.valid_on(day))
        .max_by_key(|(_, c)| c.issued)
        .map(|(i, _)| i)
}

/// The records of a long list that hold on `day`, found through its index, sorted by `in_order`'s
/// key when given (records alike in content in the order listed).
#[cold]
#[inline(never)]
fn by_index<T, K: Ord>(
    stabbing: &index::Stabbing,
    list: &[T],
    day: NaiveDate,
    in_order: Option<&impl Fn(&T) -> K>,
) -> Vec<usize> {
    let mut found: Vec<usize> = stabbing.covering(day).collect();
    if let Some(key) = in_order {
        // Records alike in content in the order listed, as a pass finds them.
        found.sort_by_key(|&i| (key(&list[i]), i));
    }
    found
}

/// [`Lists::next_change_day`] by one pass over the facts.
#[inline]
fn next_change_day_by_pass(facts: &Facts, after: NaiveDate, until: NaiveDate) -> Option<NaiveDate> {
    // The earliest first day of a period in the window, and the earliest last day whose next day
    // is in it (`after <= to < until`): the day after is computed once, at the end.
    let mut first: Option<NaiveDate> = None;
    let mut last: Option<NaiveDate> = None;
    for_each_period(facts, |from, to| {
        if after < from && from <= until && first.is_none_or(|b| from < b) {
            first = Some(from);
        }
        if let Some(to) = to {
            if after <= to && to < until && last.is_none_or(|b| to < b) {
                last = Some(to);
            }
        }
    });
    let next = last.and_then(|to| to.succ_opt());
    match (first, next) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The order of the lists whose records can give several findings on one day, by the records'
/// content: `None` for a list in that order already (the common case, which needs no
/// allocation; with both in order, no `Orders` is made at all). Made when reasons are first
/// kept: bulk work without reasons never needs it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Orders {
    benefits: Option<Box<[usize]>>,
    custody: Option<Box<[usize]>>,
}

impl Orders {
    /// The orders of `facts`: for the lists written in the order of their content (the common
    /// case), a comparison of neighbours and no allocation.
    #[cold]
    fn of(facts: &Facts) -> Option<Box<Orders>> {
        let orders = Orders {
            benefits: facts
                .other_benefits
                .as_deref()
                .and_then(|b| in_key_order(b, crate::facts::benefit_key))
                .map(Vec::into_boxed_slice),
            custody: facts
                .custody
                .as_deref()
                .and_then(|c| in_key_order(c, crate::facts::custody_key))
                .map(Vec::into_boxed_slice),
        };
        (orders.benefits.is_some() || orders.custody.is_some()).then(|| Box::new(orders))
    }
}

fn invalid(path: String, problem: FactProblem) -> Error {
    Error::InvalidFact { path, problem }
}

/// Checks that period `i` of `group` does not end before it starts (the path is built only for
/// an error: this runs for every period of every resident of a roster).
fn check_period(
    group: &str,
    i: usize,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> Result<(), Error> {
    match to {
        Some(to) if to < from => Err(invalid(
            format!("{group}[{i}].to"),
            FactProblem::EndsBeforeStart { from, to },
        )),
        _ => Ok(()),
    }
}

type Period = (NaiveDate, Option<NaiveDate>);

/// Checks the periods of one fact group: none ends before it starts, and, where the group holds
/// one status at a time (`overlap` given), none overlaps another.
///
/// Overlaps are found in one pass over the periods in order of their first days (sorted only
/// when the list is not in that order already): a period overlaps an earlier-starting one exactly
/// when it starts on or before the latest end seen so far. An overlap is reported at the later
/// of the two in the list, naming the other.
fn check_periods<T>(
    group: &str,
    records: &[T],
    period: impl Fn(&T) -> Period,
    overlap: Option<fn(String) -> FactProblem>,
) -> Result<(), Error> {
    for (i, record) in records.iter().enumerate() {
        let (from, to) = period(record);
        check_period(group, i, from, to)?;
    }
    let Some(overlap) = overlap else {
        return Ok(());
    };
    let order = in_key_order(records, |r| period(r).0);
    // The latest end so far (`None`: open-ended) and whose it is.
    let mut latest: Option<(Option<NaiveDate>, usize)> = None;
    for k in 0..records.len() {
        let i = order.as_ref().map_or(k, |o| o[k]);
        let (from, to) = period(&records[i]);
        if let Some((end, j)) = latest {
            if end.is_none_or(|end| from <= end) {
                let (later, earlier) = (i.max(j), i.min(j));
                return Err(invalid(
                    format!("{group}[{later}]"),
                    overlap(format!("{group}[{earlier}]")),
                ));
            }
        }
        let extends = match latest {
            None => true,
            Some((end, _)) => end.is_some_and(|end| to.is_none_or(|to| to > end)),
        };
        if extends {
            latest = Some((to, i));
        }
    }
    Ok(())
}

/// The order of `items` by `key` (ties in the order given), as indices; `None` when they are in
/// that order already, which is the common case and needs no allocation.
pub(crate) fn in_key_order<T, K: Ord>(items: &[T], key: impl Fn(&T) -> K) -> Option<Vec<usize>> {
    if items.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return None;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| key(&items[i]));
    Some(order)
}

/// Two records of `items` that `key` makes equal (it returns `None` for a record that takes no
/// part) and that `conflicts` says cannot stand together, found by sorting: the later of the two
/// in the list first. Records with equal keys are adjacent once sorted; each is compared with the
/// first of its run, so a conflicting pair is found wherever it lies in the run, as long as
/// `conflicts` is "differs in something" (any two records of a run that differ mean one of them
/// differs from the first) or always true.
fn same_key<T, K: Ord + Copy>(
    items: &[T],
    key: impl Fn(&T) -> Option<K>,
    conflicts: impl Fn(&T, &T) -> bool,
) -> Option<(usize, usize)> {
    let order = in_key_order(items, |r| key(r));
    let at = |k: usize| order.as_ref().map_or(k, |o| o[k]);
    // The first record of the current run of equal keys (by position in the sorted order).
    let mut first = 0;
    (1..items.len()).find_map(|k| {
        let b = at(k);
        match (key(&items[at(k - 1)]), key(&items[b])) {
            (Some(x), Some(y)) if x == y => {
                let a = at(first);
                conflicts(&items[a], &items[b]).then(|| (a.max(b), a.min(b)))
            }
            _ => {
                first = k;
                None
            }
        }
    })
}

/// Refuses a text longer than [`MAX_TEXT_CHARS`]; counted only when its bytes could exceed it,
/// and its path written only for an error (this runs for every resident of a roster).
fn check_length(path: impl FnOnce() -> String, text: &str) -> Result<(), Error> {
    if text.len() > MAX_TEXT_CHARS {
        let found = text.chars().count();
        if found > MAX_TEXT_CHARS {
            return Err(invalid(
                path(),
                FactProblem::TooLong {
                    max: MAX_TEXT_CHARS,
                    found,
                },
            ));
        }
    }
    Ok(())
}

fn check(facts: &Facts) -> Result<(), Error> {
    // Blank: empty or only white space (as `str::trim` sees it), found without trimming.
    if facts.id.chars().all(char::is_whitespace) {
        return Err(invalid("id".into(), FactProblem::EmptyId));
    }
    check_length(|| "id".into(), &facts.id)?;
    if let Some(hukou) = &facts.hukou {
        check_periods(
            "hukou",
            hukou,
            |p| (p.from, p.to),
            Some(|other| FactProblem::HukouOverlap { other }),
        )?;
    }
    if let Some(certificates) = &facts.certificates {
        for (i, c) in certificates.iter().enumerate() {
            if let Some(expires) = c.expires {
                if expires < c.issued {
                    return Err(invalid(
                        format!("certificates[{i}].expires"),
                        FactProblem::ExpiresBeforeIssued {
                            issued: c.issued,
                            expires,
                        },
                    ));
                }
            }
            if let Some(w) = c.withdrawn {
                if w.on < c.issued {
                    return Err(invalid(
                        format!("certificates[{i}].withdrawn.on"),
                        FactProblem::WithdrawnBeforeIssued {
                            issued: c.issued,
                            on: w.on,
                        },
                    ));
                }
            }
            if let Some(number) = &c.number {
                let checked = check_number(number, c.category, c.grade);
                if let Err(problem) = checked {
                    return Err(invalid(
                        format!("certificates[{i}].number"),
                        FactProblem::CertificateNumber(problem),
                    ));
                }
            }
        }
        // A person holds one certificate at a time, the most recently issued counting; of two
        // issued on the same day and both valid that day, neither is (reading
        // `certificate.same_day`).
        let valid_on_issue =
            |c: &crate::facts::Certificate| c.valid_on(c.issued).then_some(c.issued);
        if let Some((later, earlier)) = same_key(certificates, valid_on_issue, |_, _| true) {
            return Err(invalid(
                format!("certificates[{later}].issued"),
                FactProblem::SameDayCertificates {
                    other: format!("certificates[{earlier}]"),
                },
            ));
        }
    }
    if let Some(assistance) = &facts.household_assistance {
        check_periods(
            "household_assistance",
            assistance,
            |p| (p.from, p.to),
            Some(|other| FactProblem::AssistanceOverlap { other }),
        )?;
    }
    if let Some(orphan) = &facts.orphan_guarantee {
        for (i, p) in orphan.iter().enumerate() {
            if let OrphanCare::Institution { institution, .. } = &p.care {
                check_length(
                    || format!("orphan_guarantee[{i}].care.institution"),
                    institution,
                )?;
            }
        }
        check_periods(
            "orphan_guarantee",
            orphan,
            |p| (p.from, p.to),
            Some(|other| FactProblem::OrphanOverlap { other }),
        )?;
    }
    if let Some(benefits) = &facts.other_benefits {
        for (i, b) in benefits.iter().enumerate() {
            check_period("other_benefits", i, b.from, b.to)?;
            let problem = match (b.kind.is_welfare_type(), b.basis.is_some()) {
                (true, false) => FactProblem::MissingWelfareBasis,
                (false, true) => FactProblem::UnexpectedWelfareBasis,
                _ => continue,
            };
            return Err(invalid(format!("other_benefits[{i}].basis"), problem));
        }
    }
    if let Some(custody) = &facts.custody {
        check_periods("custody", custody, |p| (p.from, p.to), None)?;
    }
    // Two choices for one subsidy from the same day that disagree: which holds cannot be told
    // (reading `higher.tie`: the most recent choice holds).
    let choice_key = |c: &crate::facts::Choice| Some((c.subsidy, c.from));
    if let Some((later, earlier)) = same_key(&facts.choices, choice_key, |a, b| a.keeps != b.keeps)
    {
        return Err(invalid(
            format!("choices[{later}]"),
            FactProblem::ConflictingChoices {
                other: format!("choices[{earlier}]"),
            },
        ));
    }
    for (i, a) in facts.applications.iter().enumerate() {
        if a.subsidies.is_empty() {
            return Err(invalid(
                format!("applications[{i}].subsidies"),
                FactProblem::NoSubsidy,
            ));
        }
        if a.back_pay_months > MAX_BACK_PAY_MONTHS {
            return Err(invalid(
                format!("applications[{i}].back_pay_months"),
                FactProblem::BackPayOutOfRange {
                    max: MAX_BACK_PAY_MONTHS,
                    found: a.back_pay_months,
                },
            ));
        }
        if a.back_pay_months > 0 && !a.follows_renewed_certificate {
            return Err(invalid(
                format!("applications[{i}].back_pay_months"),
                FactProblem::BackPayWithoutRenewal,
            ));
        }
    }
    Ok(())
}

/// Every period of the facts on whose first day, and on the day after whose last, a condition
/// may change: household registration, assistance, orphan guarantee, other benefits, custody,
/// certificates (issue to expiry), and as single days a withdrawal and the day of death.
fn for_each_period(facts: &Facts, mut period: impl FnMut(NaiveDate, Option<NaiveDate>)) {
    for p in facts.hukou.iter().flatten() {
        period(p.from, p.to);
    }
    for p in facts.household_assistance.iter().flatten() {
        period(p.from, p.to);
    }
    for p in facts.orphan_guarantee.iter().flatten() {
        period(p.from, p.to);
    }
    for p in facts.other_benefits.iter().flatten() {
        period(p.from, p.to);
    }
    for p in facts.custody.iter().flatten() {
        period(p.from, p.to);
    }
    for c in facts.certificates.iter().flatten() {
        period(c.issued, c.expires);
        if let Some(w) = c.withdrawn {
            period(w.on, None);
        }
    }
    if let Some(died) = facts.died_on {
        period(died, None);
    }
}
