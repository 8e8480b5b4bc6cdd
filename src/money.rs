//! Money: exact yuan amounts, never floats.

use std::fmt;
use std::iter::Sum;
use std::ops::Add;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::json::problem::Own;

/// An amount in yuan (CNY) and fen, held as an exact [`Decimal`] with at most two decimal places.
///
/// Serializes as a JSON string such as `"300"` or `"123.45"` so that no JSON reader turns it into a
/// float. Reads a string or a whole number; a JSON number with a fraction (`123.45`) is refused,
/// because a JSON reader may already have rounded it through a float. Negative amounts are refused.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::Money;
///
/// let a: Money = "300".parse()?;
/// let b: Money = "160.50".parse()?;
/// assert_eq!((a + b).to_string(), "460.50");
/// # Ok::<(), tianjin_disability_subsidies::money::AmountError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    /// Nothing: 0 yuan.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// The largest amount read from input: a trillion yuan. Far above any monthly benefit, and
    /// low enough that the sums of a whole province's payments over decades cannot overflow a
    /// [`Decimal`] (whose addition would panic).
    pub const MAX: Money = Money(Decimal::from_parts(3_567_587_328, 232, 0, false, 0));

    /// An amount from a decimal number of yuan: yuan and fen, so at most two decimal places
    /// (trailing zeros beyond them are dropped: `12.300` is `12.30`).
    ///
    /// # Errors
    ///
    /// [`AmountError::Negative`] when `yuan` is negative; [`AmountError::NotInFen`] when it has a
    /// fraction of a fen; [`AmountError::TooLarge`] above [`Money::MAX`].
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use tianjin_disability_subsidies::money::AmountError;
    /// use tianjin_disability_subsidies::Money;
    ///
    /// assert_eq!(Money::new(Decimal::new(12_30, 2))?.to_string(), "12.30");
    /// assert_eq!(Money::new(Decimal::new(12_300, 3))?.to_string(), "12.30");
    /// assert!(matches!(Money::new(Decimal::new(12_345, 3)), Err(AmountError::NotInFen { .. })));
    /// # Ok::<(), AmountError>(())
    /// ```
    pub fn new(yuan: Decimal) -> Result<Money, AmountError> {
        if yuan.is_sign_negative() && !yuan.is_zero() {
            return Err(AmountError::Negative {
                found: yuan.to_string(),
            });
        }
        if yuan > Money::MAX.0 {
            return Err(AmountError::TooLarge {
                found: yuan.to_string(),
            });
        }
        let yuan = if yuan.scale() > 2 {
            let in_fen = yuan.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero);
            if in_fen != yuan {
                return Err(AmountError::NotInFen {
                    found: yuan.to_string(),
                });
            }
            in_fen
        } else {
            yuan
        };
        Ok(Money(yuan))
    }

    /// A whole number of yuan.
    pub fn yuan(yuan: u32) -> Money {
        Money(Decimal::from(yuan))
    }

    /// The amount as a decimal number of yuan.
    pub fn as_decimal(self) -> Decimal {
        self.0
    }
}

/// An amount [`Money`] cannot hold.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AmountError {
    /// Below zero.
    Negative {
        /// What was given.
        found: String,
    },
    /// Not a decimal number.
    NotANumber {
        /// What was given.
        found: String,
    },
    /// Above [`Money::MAX`].
    TooLarge {
        /// What was given.
        found: String,
    },
    /// With a fraction of a fen: more than two decimal places.
    NotInFen {
        /// What was given.
        found: String,
    },
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Money({})", self.0)
    }
}

impl FromStr for Money {
    type Err = AmountError;

    /// Parses a plain decimal such as `300` or `123.45`: ASCII digits, and at most one `.` with
    /// digits on both sides; nothing else (no sign, space, `_` or exponent). A leading `-` before
    /// such a number, `-0` included, is [`AmountError::Negative`].
    fn from_str(s: &str) -> Result<Money, AmountError> {
        let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        let (negative, unsigned) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let plain = match unsigned.split_once('.') {
            Some((whole, fraction)) => digits(whole) && digits(fraction),
            None => digits(unsigned),
        };
        if !plain {
            return Err(AmountError::NotANumber {
                found: crate::json::excerpt(s),
            });
        }
        if negative {
            return Err(AmountError::Negative {
                found: crate::json::excerpt(s),
            });
        }
        let yuan = Decimal::from_str_exact(unsigned).map_err(|_| AmountError::NotANumber {
            found: crate::json::excerpt(s),
        })?;
        Money::new(yuan)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

/// What an amount must be, as a reading error says it.
#[cfg(test)]
const EXPECTED: &str = Own::Amount.said();

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        use serde::de::{Error, Unexpected};
        struct Visitor;
        /// The reading error for `found`, refused by [`Money::new`] or [`Money::from_str`].
        fn refused<E: Error>(found: Unexpected<'_>, error: &AmountError) -> E {
            let own = match error {
                AmountError::TooLarge { .. } => Own::AmountAtMost,
                AmountError::NotInFen { .. } => Own::AmountInFen,
                _ => Own::Amount,
            };
            E::invalid_value(found, &own)
        }
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(Own::Amount.said())
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<Money, E> {
                v.parse().map_err(|e| refused(Unexpected::Str(v), &e))
            }
            fn visit_u64<E: Error>(self, v: u64) -> Result<Money, E> {
                Money::new(Decimal::from(v)).map_err(|e| refused(Unexpected::Unsigned(v), &e))
            }
            fn visit_i64<E: Error>(self, v: i64) -> Result<Money, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => Err(E::invalid_value(Unexpected::Signed(v), &Own::Amount)),
                }
            }
            fn visit_f64<E: Error>(self, v: f64) -> Result<Money, E> {
                Err(E::invalid_value(Unexpected::Float(v), &Own::Amount))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_strings_and_whole_numbers_exactly() {
        let read = |json: &str| serde_json::from_str::<Money>(json).map(|m| m.to_string());
        assert_eq!(read("\"123.45\"").unwrap(), "123.45");
        assert_eq!(read("300").unwrap(), "300");
        assert_eq!(read("\"0.1\"").unwrap(), "0.1");
    }

    #[test]
    fn refuses_negative_fractional_and_non_numeric_amounts() {
        let read = |json: &str| serde_json::from_str::<Money>(json).unwrap_err().to_string();
        assert_eq!(
            read("-5"),
            format!("invalid value: integer `-5`, expected {EXPECTED} at line 1 column 2")
        );
        assert_eq!(
            read("\"-5\""),
            format!("invalid value: string \"-5\", expected {EXPECTED} at line 1 column 4")
        );
        assert_eq!(
            read("12.5"),
            format!("invalid value: floating point `12.5`, expected {EXPECTED} at line 1 column 4")
        );
        assert_eq!(
            read("\"abc\""),
            format!("invalid value: string \"abc\", expected {EXPECTED} at line 1 column 5")
        );
    }

    /// Review: `Decimal::from_str_exact` after a trim took a sign, `_` between digits, `-0` and
    /// spaces; an amount is now digits with at most one `.` between digits.
    #[test]
    fn refuses_what_is_not_plain_digits() {
        for bad in [
            "+300",
            "1_000",
            " 300 ",
            " 300",
            "300 ",
            "",
            ".",
            "5.",
            ".5",
            "1.2.3",
            "1e3",
            "３００",
            "--5",
            "- 5",
            "0x10",
            "300\n",
        ] {
            assert_eq!(
                bad.parse::<Money>(),
                Err(AmountError::NotANumber { found: bad.into() }),
                "{bad:?}"
            );
        }
        for negative in ["-0", "-0.00", "-5", "-5.10"] {
            assert_eq!(
                negative.parse::<Money>(),
                Err(AmountError::Negative {
                    found: negative.into()
                }),
                "{negative}"
            );
        }
        // Leading and trailing zeros are still plain digits.
        assert_eq!("007".parse::<Money>().unwrap().to_string(), "7");
        assert_eq!("0".parse::<Money>().unwrap().to_string(), "0");
        assert_eq!("0.50".parse::<Money>().unwrap().to_string(), "0.50");
        let read = |json: &str| serde_json::from_str::<Money>(json).unwrap_err().to_string();
        assert_eq!(
            read("\"+300\""),
            format!("invalid value: string \"+300\", expected {EXPECTED} at line 1 column 6")
        );
    }

    #[test]
    fn refuses_amounts_that_could_overflow_a_sum() {
        assert_eq!(Money::MAX.to_string(), "1000000000000");
        assert!(serde_json::from_str::<Money>("\"1000000000000\"").is_ok());
        // Through the crate's reader, which words its own range checks.
        let err = crate::json::read::<Money>("\"1000000000000.01\"").unwrap_err();
        assert_eq!(
            crate::Error::from(err).describe(crate::Language::English),
            "the whole record: expected an amount of at most 1000000000000 yuan, found 1000000000000.01 (line 1, column 18)"
        );
        let err = serde_json::from_str::<Money>("79228162514264337593543950335").unwrap_err();
        assert!(err.to_string().starts_with("invalid"), "{err}");
    }

    /// Money is yuan and fen: a fraction of a fen is refused, in any way an amount is made.
    #[test]
    fn refuses_fractions_of_a_fen() {
        let err = crate::json::read::<Money>("\"12.345\"").unwrap_err();
        assert_eq!(
            crate::Error::from(err).describe(crate::Language::English),
            "the whole record: expected an amount in yuan with at most two decimal places (fen), found 12.345 (line 1, column 8)"
        );
        assert!(matches!(
            "0.001".parse::<Money>(),
            Err(AmountError::NotInFen { .. })
        ));
        assert_eq!("12.300".parse::<Money>().unwrap().to_string(), "12.30");
        assert_eq!("12.3".parse::<Money>().unwrap().to_string(), "12.3");
        assert_eq!(
            crate::json::read::<Money>("\"0.01\"").unwrap().to_string(),
            "0.01"
        );
        // The largest amount, to the fen.
        assert!("999999999999.99".parse::<Money>().is_ok());
    }

    #[test]
    fn serializes_as_a_string_and_round_trips() {
        let money: Money = "160.50".parse().unwrap();
        let json = serde_json::to_string(&money).unwrap();
        assert_eq!(json, "\"160.50\"");
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), money);
    }
}
