//! Reading and writing days as `"YYYY-MM-DD"`, with errors that say what was expected.

use chrono::NaiveDate;
use serde::{de, Deserializer, Serializer};

use crate::json::problem::Own;

/// The number `digits` writes in ASCII digits and nothing else (no sign, no space, no `_`);
/// `None` for anything else, for no digits, or above `u32::MAX`. Shared by the readers of days
/// and months, whose fields have a fixed number of digits.
pub(crate) fn ascii_number(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u32, |n, &d| {
        d.is_ascii_digit()
            .then(|| n.checked_mul(10)?.checked_add(u32::from(d - b'0')))
            .flatten()
    })
}

/// Parses exactly `YYYY-MM-DD` (four, two and two ASCII digits). Hand-written because a roster
/// holds millions of dates and chrono's format-string parser is the slowest step of reading one.
fn parse<E: de::Error>(s: &str) -> Result<NaiveDate, E> {
    let b = s.as_bytes();
    let date = (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| {
            let year = i32::try_from(ascii_number(&b[0..4])?).ok()?;
            NaiveDate::from_ymd_opt(year, ascii_number(&b[5..7])?, ascii_number(&b[8..10])?)
        })
        .flatten();
    date.ok_or_else(|| E::invalid_value(de::Unexpected::Str(s), &Own::Date))
}

/// Reads a day from a JSON string.
struct DayVisitor;

impl de::Visitor<'_> for DayVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(Own::Date.said())
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<NaiveDate, E> {
        parse(s)
    }
}

/// Reads a day, or `null`, from JSON.
struct OptionDayVisitor;

impl<'de> de::Visitor<'de> for OptionDayVisitor {
    type Value = Option<NaiveDate>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(Own::Date.said())
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<NaiveDate>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<NaiveDate>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<NaiveDate>, D::Error> {
        d.deserialize_str(DayVisitor).map(Some)
    }
}

/// `#[serde(with = "crate::dates::day")]` for a `NaiveDate`.
pub(crate) mod day {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&date.format("%Y-%m-%d"))
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(DayVisitor)
    }
}

/// `#[serde(with = "crate::dates::option_day")]` for an `Option<NaiveDate>`.
pub(crate) mod option_day {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => s.collect_str(&date.format("%Y-%m-%d")),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        d.deserialize_option(OptionDayVisitor)
    }
}

/// Back-pay months: a small whole number; anything else says what is allowed.
pub(crate) fn back_pay_months<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    struct Visitor;
    impl de::Visitor<'_> for Visitor {
        type Value = u8;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(Own::BackPayMonths.said())
        }
        fn visit_u64<E: de::Error>(self, n: u64) -> Result<u8, E> {
            u8::try_from(n)
                .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(n), &Own::BackPayMonths))
        }
    }
    d.deserialize_u64(Visitor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Result<NaiveDate, serde_json::Error> {
        parse::<serde_json::Error>(s)
    }

    #[test]
    fn reads_calendar_dates_only() {
        assert_eq!(read("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert_eq!(read("2000-02-29").unwrap().to_string(), "2000-02-29");
        assert_eq!(read("2023-12-31").unwrap().to_string(), "2023-12-31");
        for bad in [
            "2023-02-29",
            "2100-02-29",
            "2024-04-31",
            "2024-00-10",
            "2024-1-01",
            "2024/01/01",
            "+2024-01-1",
            "20240101",
            "2024-01-01T00",
            "",
            "２０２４-01-01",
            "2024-0a-01",
        ] {
            let err = read(bad).unwrap_err().to_string();
            assert_eq!(
                err,
                format!("invalid value: string \"{bad}\", expected a calendar date as YYYY-MM-DD"),
                "{bad}"
            );
        }
    }
}
