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
            Unexpected::Str(s) => Found::Str(s.to_owned()),
            Unexpected::Unit | Unexpected::Option => Found::Null,
            Unexpected::Seq => Found::Array,
            Unexpected::Map => Found::Object,
            ref other => Found::Other(other.to_string()),
        }
    }
}

/// A float as serde's `Unexpected::Float` writes it, without the words around it.
pub(crate) fn float_text(f: f64) -> String {
    let text = Unexpected::Float(f).to_string();
    text.strip_prefix("floating point `")
        .and_then(|t| t.strip_suffix('`'))
        .map_or_else(|| f.to_string(), str::to_owned)
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
    /// Not JSON at all: serde_json's own words (English), and whether the text ended too soon.
    Syntax {
        /// serde_json's message.
        message: String,
        /// The text ended before the document did.
        eof: bool,
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
            Category::Eof => JsonProblem::Syntax { message, eof: true },
            Category::Syntax | Category::Io => JsonProblem::Syntax {
                message,
                eof: false,
            },
            Category::Data => JsonProblem::Other { message },
        }
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
            Own::BackPayMonths => "0 to 3 back-pay months",
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
