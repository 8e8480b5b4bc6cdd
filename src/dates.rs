//! Reading and writing days as `"YYYY-MM-DD"`, with errors that say what was expected.

use chrono::NaiveDate;
use serde::{de, Deserialize, Deserializer, Serializer};

const EXPECTED: &str = "a calendar date as YYYY-MM-DD";

fn parse<E: de::Error>(s: &str) -> Result<NaiveDate, E> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10)
        .ok_or_else(|| E::invalid_value(de::Unexpected::Str(s), &EXPECTED))
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
    u8::try_from(n).map_err(|_| {
        de::Error::invalid_value(de::Unexpected::Unsigned(n), &"0 to 3 back-pay months")
    })
}
