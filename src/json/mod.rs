//! Reading JSON: the one strict reader every input goes through (facts, roster lines, policies,
//! reforms, case files).
//!
//! serde_json on its own accepts two things this crate must refuse:
//!
//! - **an array where an object is expected**: serde fills a struct's fields by position, so
//!   `["X"]` reads as a resident whose id is `X`;
//! - **a repeated key in a map**: the second silently replaces the first.
//!
//! The reader wraps a serde_json deserializer so that a struct (and a struct variant) reads only
//! from a JSON object and a key may appear once in any object. It also records what went wrong
//! as data — a [`JsonProblem`]: what was found, what was expected, which field or key — so that
//! the rendering layer writes the message in either language without reading serde's English.
//!
//! How: a document is read twice only when it has a problem. The first, quick reading refuses what
//! must be refused and nothing more: values go straight to serde_json, and only what holds other
//! values (objects, arrays, options, enums) is wrapped, so that a struct inside reads from an
//! object only and a map's keys are looked at. When it fails, the careful reading reads every
//! value through serde_json's `deserialize_any`, so that it sees the JSON type actually there and
//! compares it with what was asked for; the accessors it hands to a type's visitor use an error
//! type of their own, so that the errors serde's derived code makes (`missing field`, `unknown
//! field`, …) arrive as data too. They reach serde_json as its own error, which gives them their
//! line and column, while the data waits in a slot until the reading ends; the careful reading
//! also tracks the JSON path, and looks for repeated keys in structs as well as maps.

mod lines;
pub(crate) mod problem;
pub(crate) mod strict;

use serde::de::DeserializeOwned;

pub use lines::{JsonLines, Line, MAX_LINE_BYTES};
pub(crate) use problem::excerpt;
pub(crate) use problem::Own;
pub use problem::{Expected, Found, JsonProblem, Shape, SyntaxProblem, EXCERPT_CHARS};
pub(crate) use strict::refuse_checked;
pub use strict::ReadError;
pub(crate) use strict::{read, read_fast, read_value, read_with_path};

/// Reads a `T` from JSON text the way the crate reads all its input: an array where an object
/// belongs, or a key written twice, is refused, and an error names the JSON path of the field at
/// fault, with its line and column. A byte-order mark before the document is skipped. For a
/// service's or an analyst's own formats that embed the crate's (a request, a case file).
///
/// One limit: serde reads an internally tagged or untagged enum of the caller's from a copy it
/// makes first, which this reader cannot look into, so a path stops at the enum (`who`, not
/// `who.resident.certificates[0].grade`); a resident's own check inside it still names its field
/// after the enum (`who.hukou[0].to`).
///
/// # Errors
///
/// [`ReadError`] for text that does not read as a `T`; it converts into
/// [`Error::Json`](crate::Error::Json) with `?`.
///
/// # Examples
///
/// ```
/// use std::collections::BTreeMap;
///
/// let ok: BTreeMap<String, u8> = tianjin_disability_subsidies::json::from_str(r#"{"a": 1}"#)?;
/// assert_eq!(ok["a"], 1);
/// let err = tianjin_disability_subsidies::json::from_str::<BTreeMap<String, u8>>(r#"{"a": 1, "a": 2}"#)
///     .unwrap_err();
/// assert_eq!(err.to_string(), "a: duplicate key `a` (line 1, column 12)");
/// # Ok::<(), tianjin_disability_subsidies::Error>(())
/// ```
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, ReadError> {
    read(text)
}

/// Reads a `T` from a JSON value already in memory, as strictly as [`from_str`] but for a key
/// repeated in the text the value was parsed from: `serde_json` resolved it (the last one kept)
/// before the value reached the crate, so only [`from_str`] can refuse it. Errors name the JSON
/// path within the value, and have no line or column.
///
/// # Errors
///
/// [`ReadError`] for a value that does not read as a `T`.
pub fn from_value<T: DeserializeOwned>(value: &serde_json::Value) -> Result<T, ReadError> {
    read_value(value)
}
