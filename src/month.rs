//! Calendar months: the unit in which the subsidies are granted, paid and stopped.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::json::problem::Own;

/// A calendar month such as `2023-08`, backed by the chrono date of its first day.
///
/// Months serialize as the string `"YYYY-MM"` and parse from it; [`Display`](fmt::Display) and
/// [`FromStr`] round-trip.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::Month;
///
/// let august: Month = "2023-08".parse()?;
/// assert_eq!(august.to_string(), "2023-08");
/// assert_eq!(august.next().to_string(), "2023-09");
/// assert_eq!(Month::new(2024, 2)?.last_day().to_string(), "2024-02-29");
/// # Ok::<(), tianjin_disability_subsidies::month::InvalidMonth>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(NaiveDate);

impl Month {
    /// The month `month` (1–12) of `year`.
    ///
    /// # Errors
    ///
    /// [`InvalidMonth`] when `month` is not 1–12 or the year is outside chrono's range.
    pub fn new(year: i32, month: u32) -> Result<Month, InvalidMonth> {
        NaiveDate::from_ymd_opt(year, month, 1)
            .map(Month)
            .ok_or_else(|| InvalidMonth {
                found: format!("{year:04}-{month:02}"),
            })
    }

    /// The month that contains `date`.
    #[inline]
    pub fn of(date: NaiveDate) -> Month {
        // Day 1 exists in every month chrono can represent, so `with_day(1)` cannot fail here.
        Month(date.with_day(1).unwrap_or(date))
    }

    /// The first day of the month.
    #[inline]
    pub fn first_day(self) -> NaiveDate {
        self.0
    }

    /// The last day of the month (the 28th, 29th, 30th or 31st).
    #[inline]
    pub fn last_day(self) -> NaiveDate {
        match self.next() {
            // Only the last month chrono can represent has no next month.
            next if next == self => NaiveDate::MAX,
            next => next.0.pred_opt().unwrap_or(self.0),
        }
    }

    /// The year, e.g. `2023`.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month of the year, 1–12.
    pub fn month(self) -> u32 {
        self.0.month()
    }

    fn month0(self) -> u32 {
        self.0.month0()
    }

    /// The following month. Saturates at the last month chrono can represent.
    #[inline]
    pub fn next(self) -> Month {
        self.plus(1)
    }

    /// The preceding month. Saturates at the first month chrono can represent.
    pub fn previous(self) -> Month {
        self.minus(1)
    }

    /// `n` months later, saturating at the last month chrono can represent.
    #[inline]
    pub fn plus(self, n: u32) -> Month {
        self.shifted(i64::from(n))
    }

    /// `n` months earlier, saturating at the first month chrono can represent.
    #[inline]
    pub fn minus(self, n: u32) -> Month {
        self.shifted(-i64::from(n))
    }

    /// `n` months later (earlier when negative), saturating at the first and last months chrono
    /// can represent. Month arithmetic on (year × 12 + month), without chrono's day-clamping
    /// month addition: every roster line does several of these.
    #[inline]
    fn shifted(self, n: i64) -> Month {
        let index = (i64::from(self.year()) * 12 + i64::from(self.month0())).saturating_add(n);
        // rem_euclid(12) is 0..=11, so the month number always fits.
        let month = index.rem_euclid(12) as u32 + 1;
        let within = i32::try_from(index.div_euclid(12))
            .ok()
            .and_then(|year| NaiveDate::from_ymd_opt(year, month, 1));
        match within {
            Some(first_day) => Month(first_day),
            // Beyond chrono's years: the first or last month it can represent.
            None if n < 0 => Month::of(NaiveDate::MIN),
            None => Month::of(NaiveDate::MAX),
        }
    }

    /// How many months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: Month) -> i64 {
        (i64::from(later.year()) - i64::from(self.year())) * 12 + i64::from(later.month())
            - i64::from(self.month())
    }

    /// The months from `self` to `last`, both included (empty when `last` is earlier).
    pub fn through(self, last: Month) -> impl Iterator<Item = Month> {
        let count = self.months_until(last).max(-1) + 1;
        (0..count).map(move |i| self.plus(i as u32))
    }
}

/// The months a policy governs: from its first month, until its last (absent: open-ended).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// The first month governed.
    pub from: Month,
    /// The last month governed; absent while the policy is in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Month>,
}

impl Coverage {
    /// Whether `month` is governed.
    pub fn contains(&self, month: Month) -> bool {
        month >= self.from && self.to.is_none_or(|to| month <= to)
    }
}

/// The most months a schedule or a reform comparison may span: 100 years, more than any
/// resident's lifetime under one policy, and a bound on the memory a request can ask for.
pub const MAX_RANGE_MONTHS: u32 = 1200;

/// A text that is not a month as `YYYY-MM`, or a month chrono cannot represent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidMonth {
    /// What was given.
    pub found: String,
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl fmt::Debug for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Month({self})")
    }
}

impl FromStr for Month {
    type Err = InvalidMonth;

    /// Parses `YYYY-MM`.
    fn from_str(s: &str) -> Result<Month, InvalidMonth> {
        let invalid = || InvalidMonth {
            found: crate::json::excerpt(s),
        };
        // Exactly four and two ASCII digits: no sign, space or `_` (Rust's integer parser
        // took `2023-+8` and `+999-01`).
        let b = s.as_bytes();
        if b.len() != 7 || b[4] != b'-' {
            return Err(invalid());
        }
        let year = crate::dates::ascii_number(&b[0..4]).ok_or_else(invalid)?;
        let month = crate::dates::ascii_number(&b[5..7]).ok_or_else(invalid)?;
        let year = i32::try_from(year).map_err(|_| invalid())?;
        Month::new(year, month).map_err(|_| invalid())
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Month, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Month;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(Own::Month.said())
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Month, E> {
                v.parse()
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Str(v), &Own::Month))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        s.parse().unwrap()
    }
    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn last_day_handles_short_months_and_leap_years() {
        for (month, last) in [
            ("2023-02", "2023-02-28"),
            ("2024-02", "2024-02-29"),
            ("2100-02", "2100-02-28"),
            ("2000-02", "2000-02-29"),
            ("2024-04", "2024-04-30"),
            ("2024-12", "2024-12-31"),
        ] {
            assert_eq!(m(month).last_day(), d(last), "{month}");
        }
    }

    #[test]
    fn arithmetic_crosses_years() {
        assert_eq!(m("2023-12").next(), m("2024-01"));
        assert_eq!(m("2024-01").previous(), m("2023-12"));
        assert_eq!(m("2023-11").plus(3), m("2024-02"));
        assert_eq!(m("2023-08").months_until(m("2024-07")), 11);
        assert_eq!(m("2024-07").months_until(m("2023-08")), -11);
        let months: Vec<String> = m("2023-11")
            .through(m("2024-02"))
            .map(|x| x.to_string())
            .collect();
        assert_eq!(months, ["2023-11", "2023-12", "2024-01", "2024-02"]);
        assert_eq!(m("2024-02").through(m("2023-11")).count(), 0);
    }

    #[test]
    fn arithmetic_saturates_at_the_ends_of_chrono() {
        let last = Month::of(NaiveDate::MAX);
        assert_eq!(last.next(), last);
        assert_eq!(last.last_day(), NaiveDate::MAX);
        let first = Month::of(NaiveDate::MIN);
        assert_eq!(first.previous(), first);
        assert_eq!(m("2024-03").minus(27), m("2021-12"));
        assert_eq!(m("2024-03").plus(u32::MAX), last);
        assert_eq!(m("2024-03").minus(u32::MAX), first);
    }

    #[test]
    fn of_takes_the_month_of_any_day() {
        assert_eq!(Month::of(d("2024-01-31")), m("2024-01"));
        assert_eq!(Month::of(d("2024-02-29")), m("2024-02"));
    }

    #[test]
    fn parse_rejects_what_is_not_a_month() {
        for bad in [
            "2023-13",
            "2023-00",
            "2023-8",
            "23-08",
            "2023/08",
            "",
            "2023-08-01",
        ] {
            let err = bad.parse::<Month>().unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("expected a month as YYYY-MM, found \"{bad}\"")
            );
        }
    }

    /// Review: Rust's integer parser took a sign (`2023-+8`, `+999-01`); only ASCII digits are
    /// a month now.
    #[test]
    fn parse_rejects_signs_spaces_and_other_digits() {
        for bad in [
            "2023-+8",
            "+999-01",
            "-999-01",
            "2023- 8",
            " 2023-08",
            "2023-08 ",
            "2023-0８",
            "２０２３-08",
            "20_3-08",
        ] {
            let err = bad.parse::<Month>().unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("expected a month as YYYY-MM, found \"{bad}\""),
                "{bad}"
            );
        }
        assert_eq!(m("0999-01").to_string(), "0999-01");
    }

    #[test]
    fn json_round_trips() {
        let month = m("2023-08");
        let json = serde_json::to_string(&month).unwrap();
        assert_eq!(json, "\"2023-08\"");
        assert_eq!(serde_json::from_str::<Month>(&json).unwrap(), month);
    }
}
