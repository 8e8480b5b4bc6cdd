//! Reading and writing days as `"YYYY-MM-DD"`, with errors that say what was expected.

use chrono::NaiveDate;
use serde::{de, Deserialize, Deserializer, Serializer};

/// What a date must be, as a reading error says it (and `Error::describe` translates it).
pub(crate) const EXPECTED: &str = "a calendar date as YYYY-MM-DD";

/// What back-pay months must be, as a reading error says it.
pub(crate) const BACK_PAY_EXPECTED: &str = "0 to 3 back-pay months";

/// Parses exactly `YYYY-MM-DD` (four, two and two ASCII digits). Hand-written because a roster
/// holds millions of dates and chrono's format-string parser is the slowest step of reading one.
fn parse<E: de::Error>(s: &str) -> Result<NaiveDate, E> {
    let b = s.as_bytes();
    let digit = |i: usize| b[i].is_ascii_digit().then(|| u32::from(b[i] - b'0'));
    let number = |range: std::ops::Range<usize>| {
        range
            .map(digit)
            .try_fold(0u32, |n, d| d.map(|d| n * 10 + d))
    };
    let date = (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| {
            let year = i32::try_from(number(0..4)?).ok()?;
            NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
        })
        .flatten();
    date.ok_or_else(|| E::invalid_value(de::Unexpected::Str(s), &EXPECTED))
}

/// `#[serde(with = "crate::dates::day")]` for a `NaiveDate`.
pub(crate) mod day {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&date.format("%Y-%m-%d"))
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        parse(&s)
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
        let s = <Option<std::borrow::Cow<'de, str>>>::deserialize(d)?;
        s.map(|s| parse(&s)).transpose()
    }
}

/// Back-pay months: a small whole number; anything else says what is allowed.
pub(crate) fn back_pay_months<'de, D: Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    let n = u64::deserialize(d)?;
    u8::try_from(n)
        .map_err(|_| de::Error::invalid_value(de::Unexpected::Unsigned(n), &BACK_PAY_EXPECTED))
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
