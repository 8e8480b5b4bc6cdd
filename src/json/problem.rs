//! What is wrong with a JSON document, as data: what was found, what was expected, which field.
//! The rendering layer writes it in English or Chinese.

use std::fmt;

use serde::de::{self, Unexpected};

/// What was found in the JSON where something else was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Found {
    /// `true` or `false`.
    Bool(bool),
    /// A whole number, 0 or more.
    Unsigned(u64),
    /// A negative whole number.
    Signed(i64),
    /// A number with a fraction or an exponent, as written by serde (`300.5`).
    Float(String),
    /// A string, as it was written (unescaped).
    Str(String),
    /// `null`.
    Null,
    /// An array.
    Array,
    /// An object.
    Object,
    /// Something else, as serde describes it.
    Other(String),
}

impl Found {
    pub(crate) fn of(unexpected: &Unexpected<'_>) -> Found {
        match *unexpected {
            Unexpected::Bool(b) => Found::Bool(b),
            Unexpected::Unsigned(n) => Found::Unsigned(n),
            Unexpected::Signed(n) => Found::Signed(n),
            Unexpected::Float(f) => Found::Float(float_text(f)),
            Unexpected::Char(c) => Found::Str(c.to_string()),
            Unexpected::Str(s) => Found::Str(excerpt(s)),
            Unexpected::Unit | Unexpected::Option => Found::Null,
            Unexpected::Seq => Found::Array,
            Unexpected::Map => Found::Object,
            ref other => Found::Other(other.to_string()),
        }
    }
}

/// A float as serde's `Unexpected::Float` writes it (`300.5`, `300.0`): Rust's own digits, with a
/// decimal point added to a whole number, so that it reads as a float.
pub(crate) fn float_text(f: f64) -> String {
    let text = f.to_string();
    if f.is_finite() && !text.contains('.') {
        format!("{text}.0")
    } else {
        text
    }
}

/// The kind of JSON value a position asks for, known from what the type reading it asked the
/// deserializer for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Shape {
    /// Any value (the type decides for itself).
    Any,
    /// `true` or `false`.
    Bool,
    /// A whole number from `min` to `max`.
    Integer {
        /// The smallest allowed.
        min: i64,
        /// The largest allowed.
        max: u64,
    },
    /// A number.
    Number,
    /// A string.
    Str,
    /// A string of one character.
    Char,
    /// `null`.
    Null,
    /// An array.
    Array,
    /// An object of named fields.
    Object,
    /// An object whose keys are chosen by the writer.
    Map,
    /// One of a list of names.
    Choice(&'static [&'static str]),
    /// An array of exactly `len` values (a tuple, a fixed-size array).
    Tuple {
        /// How many values.
        len: usize,
    },
}

/// What a position expected, as the type reading it says it (English, serde's words or the
/// crate's own), and the kind of JSON value it asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// The type's own words, as serde would print them after "expected".
    pub said: String,
    /// The kind of value asked for, when the reader knows it.
    pub shape: Shape,
}

/// What is wrong with a JSON document, as data: the rendering layer writes it in English or
/// Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonProblem {
    /// Not JSON at all: which of the problems serde_json reports, and its own words for it
    /// (English, written as they are by the English half only).
    Syntax {
        /// What is wrong.
        kind: SyntaxProblem,
        /// serde_json's message, without its position.
        message: String,
    },
    /// Text after the end of the document.
    TrailingCharacters,
    /// A value of the wrong JSON type (a string for a number, an array for an object, …).
    WrongType {
        /// What was there.
        found: Found,
        /// What was expected.
        expected: Expected,
    },
    /// A value of the right type that is not allowed (a grade of 5, a negative amount, …).
    WrongValue {
        /// What was there.
        found: Found,
        /// What was expected.
        expected: Expected,
    },
    /// An array of the wrong length.
    WrongLength {
        /// Its length.
        length: usize,
        /// What was expected.
        expected: Expected,
    },
    /// A field the object does not have.
    UnknownField {
        /// The field written.
        field: String,
        /// The fields the object has.
        expected: &'static [&'static str],
    },
    /// A name that is not one of the allowed ones.
    UnknownVariant {
        /// The name written.
        variant: String,
        /// The names allowed.
        expected: &'static [&'static str],
    },
    /// A required field that is not there.
    MissingField {
        /// The field.
        field: &'static str,
    },
    /// A field written twice in one object.
    DuplicateField {
        /// The field.
        field: String,
    },
    /// A key written twice in one map.
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// A line of a JSON Lines file that is not UTF-8 text.
    NotUtf8,
    /// A line of a JSON Lines file longer than the reader holds.
    LineTooLong {
        /// The most bytes a line may have, not counting its `\n`.
        max_bytes: usize,
    },
    /// Anything else, in the words of the type that refused it.
    Other {
        /// Its message.
        message: String,
    },
}

impl JsonProblem {
    pub(crate) fn from_serde_json(error: &serde_json::Error) -> JsonProblem {
        use serde_json::error::Category;
        let text = error.to_string();
        // serde_json appends " at line L column C"; the position is kept apart.
        let message = match text.rfind(" at line ") {
            Some(cut) if error.line() > 0 => text[..cut].to_owned(),
            _ => text,
        };
        match error.classify() {
            Category::Eof | Category::Syntax | Category::Io => JsonProblem::Syntax {
                kind: SyntaxProblem::of(&message),
                message,
            },
            Category::Data => JsonProblem::Other { message },
        }
    }
}

/// What makes a text not JSON: a closed list of the problems serde_json reports, so that each is
/// written in either language from data. serde_json exposes only a problem's category and its
/// message; `SyntaxProblem::of` is the one place that reads the message, and a test pins every
/// message recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SyntaxProblem {
    /// The text ends inside an array.
    EofInArray,
    /// The text ends inside an object.
    EofInObject,
    /// The text ends inside a string.
    EofInString,
    /// The text ends where a value should be.
    EofInValue,
    /// A key not followed by `:`.
    ExpectedColon,
    /// A value in an array followed by neither `,` nor `]`.
    ExpectedCommaOrArrayEnd,
    /// A value in an object followed by neither `,` nor `}`.
    ExpectedCommaOrObjectEnd,
    /// A word that is not `true`, `false` or `null`.
    ExpectedLiteral,
    /// Something that cannot start a value.
    ExpectedValue,
    /// A `"` expected.
    ExpectedQuote,
    /// A backslash in a string followed by what is not an escape.
    InvalidEscape,
    /// A number written wrongly (`01`, `1.`, `-`).
    InvalidNumber,
    /// A number too large to hold.
    NumberOutOfRange,
    /// A `\u` escape that is not a character.
    InvalidCodePoint,
    /// A control character (U+0000 to U+001F) written as it is inside a string.
    ControlCharacter,
    /// An object key that is not a string.
    KeyNotString,
    /// A key that should be a number in quotes.
    ExpectedNumericKey,
    /// A key that is a float that is not finite.
    KeyNotFinite,
    /// A `\u` escape of a leading surrogate not followed by its trailing one.
    LoneLeadingSurrogate,
    /// A comma after the last value of an array or an object.
    TrailingComma,
    /// More text where a value should have ended.
    TrailingCharacters,
    /// A `\u` escape cut short.
    UnexpectedEndOfHexEscape,
    /// Arrays and objects nested too deep (more than 128).
    TooDeep,
    /// A problem in words this crate does not know (from a later serde_json): its message is kept
    /// in [`JsonProblem::Syntax`].
    Unrecognised,
}

impl SyntaxProblem {
    /// Every problem recognised, with serde_json's message for it.
    pub(crate) const MESSAGES: [(SyntaxProblem, &'static str); 23] = [
        (SyntaxProblem::EofInArray, "EOF while parsing a list"),
        (SyntaxProblem::EofInObject, "EOF while parsing an object"),
        (SyntaxProblem::EofInString, "EOF while parsing a string"),
        (SyntaxProblem::EofInValue, "EOF while parsing a value"),
        (SyntaxProblem::ExpectedColon, "expected `:`"),
        (
            SyntaxProblem::ExpectedCommaOrArrayEnd,
            "expected `,` or `]`",
        ),
        (
            SyntaxProblem::ExpectedCommaOrObjectEnd,
            "expected `,` or `}`",
        ),
        (SyntaxProblem::ExpectedLiteral, "expected ident"),
        (SyntaxProblem::ExpectedValue, "expected value"),
        (SyntaxProblem::ExpectedQuote, "expected `\"`"),
        (SyntaxProblem::InvalidEscape, "invalid escape"),
        (SyntaxProblem::InvalidNumber, "invalid number"),
        (SyntaxProblem::NumberOutOfRange, "number out of range"),
        (
            SyntaxProblem::InvalidCodePoint,
            "invalid unicode code point",
        ),
        (
            SyntaxProblem::ControlCharacter,
            "control character (\\u0000-\\u001F) found while parsing a string",
        ),
        (SyntaxProblem::KeyNotString, "key must be a string"),
        (
            SyntaxProblem::ExpectedNumericKey,
            "invalid value: expected key to be a number in quotes",
        ),
        (
            SyntaxProblem::KeyNotFinite,
            "float key must be finite (got NaN or +/-inf)",
        ),
        (
            SyntaxProblem::LoneLeadingSurrogate,
            "lone leading surrogate in hex escape",
        ),
        (SyntaxProblem::TrailingComma, "trailing comma"),
        (SyntaxProblem::TrailingCharacters, "trailing characters"),
        (
            SyntaxProblem::UnexpectedEndOfHexEscape,
            "unexpected end of hex escape",
        ),
        (SyntaxProblem::TooDeep, "recursion limit exceeded"),
    ];

    /// The problem serde_json's `message` (without its position) names: the one place the crate
    /// reads serde_json's words.
    pub(crate) fn of(message: &str) -> SyntaxProblem {
        SyntaxProblem::MESSAGES
            .iter()
            .find(|(_, known)| *known == message)
            .map_or(SyntaxProblem::Unrecognised, |(problem, _)| *problem)
    }

    /// Whether the text ended before the document did.
    pub fn is_eof(self) -> bool {
        matches!(
            self,
            SyntaxProblem::EofInArray
                | SyntaxProblem::EofInObject
                | SyntaxProblem::EofInString
                | SyntaxProblem::EofInValue
        )
    }
}

/// The crate's own expectations, as its readers state them: a reading error that names one is
/// written in the crate's words in either language. The English here is the one copy of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Own {
    /// A disability grade.
    Grade,
    /// A calendar day.
    Date,
    /// An amount of money.
    Amount,
    /// An amount no larger than [`Money::MAX`](crate::Money::MAX).
    AmountAtMost,
    /// An amount with at most two decimal places.
    AmountInFen,
    /// A month.
    Month,
    /// Back-pay months.
    BackPayMonths,
    /// A clause id.
    ClauseId,
}

impl Own {
    const ALL: [Own; 8] = [
        Own::Grade,
        Own::Date,
        Own::Amount,
        Own::AmountAtMost,
        Own::AmountInFen,
        Own::Month,
        Own::BackPayMonths,
        Own::ClauseId,
    ];

    /// What it expects, in English.
    pub(crate) const fn said(self) -> &'static str {
        match self {
            Own::Grade => "a disability grade from 1 to 4",
            Own::Date => "a calendar date as YYYY-MM-DD",
            Own::Amount => {
                "a non-negative amount in yuan, as a string such as \"123.45\" or a whole number"
            }
            Own::AmountAtMost => "an amount of at most 1000000000000 yuan",
            Own::AmountInFen => "an amount in yuan with at most two decimal places (fen)",
            Own::Month => "a month as \"YYYY-MM\"",
            Own::BackPayMonths => concat!(
                "0 to ",
                crate::facts::max_back_pay_months!(),
                " back-pay months"
            ),
            Own::ClauseId => "a clause id of CLAUSES.md",
        }
    }

    /// Which of the crate's expectations `expected` is, if any.
    pub(crate) fn of(expected: &Expected) -> Option<Own> {
        Own::ALL.into_iter().find(|own| own.said() == expected.said)
    }

    /// Whether a refused value is written bare after the expectation ("expected a disability
    /// grade from 1 to 4, found 5"), as the crate words its own range checks.
    pub(crate) fn found_bare(self, found: &Found) -> bool {
        match self {
            Own::Grade => matches!(found, Found::Unsigned(_)),
            Own::AmountAtMost | Own::AmountInFen => true,
            _ => false,
        }
    }
}

impl de::Expected for Own {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.said())
    }
}

impl fmt::Display for Own {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.said())
    }
}

/// The most characters of an input value an error quotes: a longer value is cut to its first
/// characters and `…`, so that a message stays short whatever the input (a 1 MiB value is not
/// quoted whole).
pub const EXCERPT_CHARS: usize = 64;

/// `text` as an error quotes it: whole when short, else its first characters and `…`.
pub(crate) fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        None => text.to_owned(),
        Some(_) => {
            let cut = text
                .char_indices()
                .nth(EXCERPT_CHARS - 1)
                .map_or(text.len(), |(i, _)| i);
            format!("{}…", &text[..cut])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json's message for `text` read as `T`, without its position.
    fn message_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let error = serde_json::from_str::<T>(text).unwrap_err();
        match JsonProblem::from_serde_json(&error) {
            JsonProblem::Syntax { message, .. } => message,
            other => panic!("not a syntax error: {other:?}"),
        }
    }

    /// A map whose one key is a float that is not finite: serde_json refuses to write it.
    struct NanKey;

    impl serde::Serialize for NanKey {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut map = serializer.serialize_map(Some(1))?;
            map.serialize_entry(&f64::NAN, &1)?;
            map.end()
        }
    }

    /// Every message of serde_json that the crate recognises, from a text that makes it: a
    /// serde_json whose words change fails here, rather than in a caseworker's hands.
    #[test]
    fn every_syntax_message_recognised_is_pinned() {
        use std::collections::BTreeMap;
        use SyntaxProblem as S;
        type Any = serde_json::Value;
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let made = [
            (S::EofInArray, message_of::<Any>("[1")),
            (S::EofInObject, message_of::<Any>("{")),
            (S::EofInString, message_of::<Any>("\"abc")),
            (S::EofInValue, message_of::<Any>("[1,")),
            (S::ExpectedColon, message_of::<Any>("{\"a\" 1}")),
            (S::ExpectedCommaOrArrayEnd, message_of::<Any>("[1 2]")),
            (
                S::ExpectedCommaOrObjectEnd,
                message_of::<Any>("{\"a\": 1 \"b\": 2}"),
            ),
            (S::ExpectedLiteral, message_of::<Any>("[tru]")),
            (S::ExpectedValue, message_of::<Any>("[?]")),
            (
                S::ExpectedQuote,
                message_of::<BTreeMap<u8, u8>>("{\"1x\": 1}"),
            ),
            (S::InvalidEscape, message_of::<Any>("\"\\q\"")),
            (S::InvalidNumber, message_of::<Any>("[01]")),
            (S::NumberOutOfRange, message_of::<Any>("1e400")),
            (
                S::InvalidCodePoint,
                // Only bytes that are not UTF-8 make it: text in a `&str` always is.
                match serde_json::from_slice::<String>(b"\"\xff\"") {
                    Err(e) => e
                        .to_string()
                        .split(" at line ")
                        .next()
                        .unwrap_or("")
                        .to_owned(),
                    Ok(s) => panic!("read {s:?}"),
                },
            ),
            (S::ControlCharacter, message_of::<Any>("\"a\u{1}\"")),
            (S::KeyNotString, message_of::<Any>("{1: 2}")),
            (
                S::ExpectedNumericKey,
                message_of::<BTreeMap<u8, u8>>("{\"a\": 1}"),
            ),
            (
                S::KeyNotFinite,
                serde_json::to_string(&NanKey).unwrap_err().to_string(),
            ),
            (
                S::LoneLeadingSurrogate,
                message_of::<Any>("\"\\ud800\\u0041\""),
            ),
            (S::TrailingComma, message_of::<Any>("[1,]")),
            (S::TrailingCharacters, message_of::<Any>("1 2")),
            (
                S::UnexpectedEndOfHexEscape,
                message_of::<Any>("\"\\ud800\""),
            ),
            (S::TooDeep, message_of::<Any>(&deep)),
        ];
        assert_eq!(made.len(), SyntaxProblem::MESSAGES.len());
        for (kind, message) in made {
            assert_eq!(SyntaxProblem::of(&message), kind, "{message}");
        }
        assert_eq!(
            SyntaxProblem::of("a message serde_json does not write"),
            SyntaxProblem::Unrecognised
        );
        for (kind, _) in SyntaxProblem::MESSAGES {
            assert_eq!(
                kind.is_eof(),
                matches!(
                    kind,
                    S::EofInArray | S::EofInObject | S::EofInString | S::EofInValue
                )
            );
        }
    }

    #[test]
    fn a_float_is_written_as_serde_writes_it() {
        for f in [300.5, 300.0, -1.0, 1e300, 0.1] {
            assert_eq!(
                format!("floating point `{}`", float_text(f)),
                Unexpected::Float(f).to_string()
            );
        }
    }
}
