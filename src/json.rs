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

use std::cell::{Cell, RefCell};
use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};

use crate::error::Error;

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
    fn of(unexpected: &Unexpected<'_>) -> Found {
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
fn float_text(f: f64) -> String {
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
    /// Anything else, in the words of the type that refused it.
    Other {
        /// Its message.
        message: String,
    },
}

impl JsonProblem {
    fn from_serde_json(error: &serde_json::Error) -> JsonProblem {
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

/// What the reader keeps while it reads: the structured problem of the error in flight, which
/// waits here while serde_json carries the error (it can only hold it as text) up to the reader;
/// and, on the reading that looks for where a document went wrong, the JSON path being read and
/// the path where the error arose.
#[derive(Default)]
pub(crate) struct Slot {
    problem: Cell<Option<JsonProblem>>,
    path: Option<RefCell<PathTrack>>,
}

/// The path being read, and where the error arose.
#[derive(Default)]
struct PathTrack {
    stack: Vec<Segment>,
    at_error: Option<String>,
}

/// One step of a JSON path.
enum Segment {
    Index(usize),
    Key(String),
    /// A key that is not a string (never in JSON text).
    Unknown,
}

impl Slot {
    /// A slot for the reading that tracks the path.
    fn tracking_path() -> Slot {
        Slot {
            problem: Cell::new(None),
            path: Some(RefCell::new(PathTrack::default())),
        }
    }

    fn put(&self, problem: JsonProblem) {
        self.problem.set(Some(problem));
    }

    fn take(&self) -> Option<JsonProblem> {
        self.problem.take()
    }

    /// Steps into `segment` while `read` runs; an error out of it is placed there unless an inner
    /// step already placed it.
    #[inline]
    fn within<T, E>(
        &self,
        segment: impl FnOnce() -> Segment,
        read: impl FnOnce() -> Result<T, E>,
    ) -> Result<T, E> {
        let Some(path) = &self.path else {
            return read();
        };
        path.borrow_mut().stack.push(segment());
        let result = read();
        let mut path = path.borrow_mut();
        if result.is_err() && path.at_error.is_none() {
            path.at_error = Some(path.render());
        }
        path.stack.pop();
        result
    }

    /// Places the error in flight here, unless an inner step already placed it.
    fn mark(&self) {
        if let Some(path) = &self.path {
            let mut path = path.borrow_mut();
            if path.at_error.is_none() {
                path.at_error = Some(path.render());
            }
        }
    }

    /// The path where the error arose: `.` for the document itself.
    fn error_path(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.borrow_mut().at_error.take())
            .unwrap_or_else(|| ".".to_owned())
    }
}

impl PathTrack {
    /// The path as it is written: `certificates[0].grade`.
    fn render(&self) -> String {
        let mut out = String::new();
        for segment in &self.stack {
            match segment {
                Segment::Index(i) => out.push_str(&format!("[{i}]")),
                Segment::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Segment::Unknown => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push('?');
                }
            }
        }
        if out.is_empty() {
            ".".to_owned()
        } else {
            out
        }
    }
}

/// The error of the accessors [`Strict`] hands to a type's visitor: an error of the underlying
/// deserializer passed through unchanged (it already knows its position), or a problem made on
/// the way, as data.
pub(crate) enum ReadError<E> {
    Passed(E),
    Problem(Box<JsonProblem>),
}

impl<E> ReadError<E> {
    fn problem(problem: JsonProblem) -> Self {
        ReadError::Problem(Box::new(problem))
    }
}

impl<E: de::Error> ReadError<E> {
    /// The underlying deserializer's error, the problem waiting in `slot`.
    fn into_inner(self, slot: &Slot) -> E {
        match self {
            ReadError::Passed(e) => e,
            ReadError::Problem(problem) => {
                let text = crate::render::json_problem(&problem, crate::Language::English);
                slot.put(*problem);
                E::custom(text)
            }
        }
    }
}

impl<E: fmt::Display> fmt::Display for ReadError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Passed(e) => e.fmt(f),
            ReadError::Problem(p) => {
                f.write_str(&crate::render::json_problem(p, crate::Language::English))
            }
        }
    }
}

impl<E: fmt::Debug> fmt::Debug for ReadError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Passed(e) => f.debug_tuple("Passed").field(e).finish(),
            ReadError::Problem(p) => f.debug_tuple("Problem").field(p).finish(),
        }
    }
}

impl<E: std::error::Error> std::error::Error for ReadError<E> {}

fn expected(exp: &dyn de::Expected, shape: Shape) -> Expected {
    Expected {
        said: exp.to_string(),
        shape,
    }
}

impl<E: de::Error> de::Error for ReadError<E> {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ReadError::problem(JsonProblem::Other {
            message: msg.to_string(),
        })
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        ReadError::problem(JsonProblem::WrongType {
            found: Found::of(&unexp),
            expected: expected(exp, Shape::Any),
        })
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        ReadError::problem(JsonProblem::WrongValue {
            found: Found::of(&unexp),
            expected: expected(exp, Shape::Any),
        })
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Self {
        ReadError::problem(JsonProblem::WrongLength {
            length: len,
            expected: expected(exp, Shape::Array),
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        ReadError::problem(JsonProblem::UnknownVariant {
            variant: variant.to_owned(),
            expected,
        })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        ReadError::problem(JsonProblem::UnknownField {
            field: field.to_owned(),
            expected,
        })
    }

    fn missing_field(field: &'static str) -> Self {
        ReadError::problem(JsonProblem::MissingField { field })
    }

    fn duplicate_field(field: &'static str) -> Self {
        ReadError::problem(JsonProblem::DuplicateField {
            field: field.to_owned(),
        })
    }
}

impl<E> ReadError<E> {
    /// The problem, with `shape` as what was expected where the type that refused the value
    /// did not say which kind of value it wanted.
    fn at(mut self, shape: Shape) -> Self {
        if let ReadError::Problem(problem) = &mut self {
            if let JsonProblem::WrongType { expected, .. }
            | JsonProblem::WrongValue { expected, .. } = &mut **problem
            {
                if expected.shape == Shape::Any {
                    expected.shape = shape;
                }
            }
        }
        self
    }
}

/// A serde_json deserializer (of text or of a [`serde_json::Value`]) that reads structs from
/// objects only and refuses repeated keys. See the module's documentation.
///
/// `CAREFUL` chooses between the two readings. The first, quick one (`false`) refuses what must
/// be refused and nothing more: values go straight to serde_json, and only what holds other
/// values (objects, arrays, options, enums) is wrapped, so that a struct inside reads from an
/// object only and a map's keys are looked at. Only when it fails does the careful one (`true`)
/// read the document again, comparing every value's JSON type with what was asked for, making
/// every problem data, looking for repeated keys in structs too, and tracking the path.
pub(crate) struct Strict<'s, D, const CAREFUL: bool> {
    de: D,
    slot: &'s Slot,
}

impl<'s, D, const CAREFUL: bool> Strict<'s, D, CAREFUL> {
    pub(crate) fn new(de: D, slot: &'s Slot) -> Self {
        Strict { de, slot }
    }
}

/// A value that holds no other: read as itself by the quick reading, compared with what was
/// asked for by the careful one.
macro_rules! leaf_method {
    ($($method:ident => $shape:expr;)*) => {
        $(
            #[inline]
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
                if CAREFUL {
                    let bridge = Bridge::<V, true> { visitor, shape: $shape, slot: self.slot };
                    self.de.deserialize_any(bridge).map_err(ReadError::Passed)
                } else {
                    self.de.$method(visitor).map_err(ReadError::Passed)
                }
            }
        )*
    };
}

/// A value the reader hands on as serde_json reads it, in either reading.
macro_rules! passing_method {
    ($($method:ident;)*) => {
        $(
            #[inline]
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
                self.de.$method(visitor).map_err(ReadError::Passed)
            }
        )*
    };
}

const fn integer(min: i64, max: u64) -> Shape {
    Shape::Integer { min, max }
}

impl<'s, 'de, D: Deserializer<'de>, const CAREFUL: bool> Strict<'s, D, CAREFUL> {
    /// `visitor` through a [`Bridge`] asking for `shape`: read as any value by the careful
    /// reading, which compares its type; by the quick one, as `quick` reads it.
    #[inline]
    fn bridged<V: Visitor<'de>>(
        self,
        visitor: V,
        shape: Shape,
        quick: impl FnOnce(D, Bridge<'s, V, CAREFUL>) -> Result<V::Value, D::Error>,
    ) -> Result<V::Value, ReadError<D::Error>> {
        let bridge = Bridge {
            visitor,
            shape,
            slot: self.slot,
        };
        if CAREFUL {
            self.de.deserialize_any(bridge).map_err(ReadError::Passed)
        } else {
            quick(self.de, bridge).map_err(ReadError::Passed)
        }
    }
}

impl<'de, D: Deserializer<'de>, const CAREFUL: bool> Deserializer<'de> for Strict<'_, D, CAREFUL> {
    type Error = ReadError<D::Error>;

    leaf_method! {
        deserialize_bool => Shape::Bool;
        deserialize_i8 => integer(i8::MIN as i64, i8::MAX as u64);
        deserialize_i16 => integer(i16::MIN as i64, i16::MAX as u64);
        deserialize_i32 => integer(i32::MIN as i64, i32::MAX as u64);
        deserialize_i64 => integer(i64::MIN, i64::MAX as u64);
        deserialize_u8 => integer(0, u8::MAX as u64);
        deserialize_u16 => integer(0, u16::MAX as u64);
        deserialize_u32 => integer(0, u32::MAX as u64);
        deserialize_u64 => integer(0, u64::MAX);
        deserialize_f32 => Shape::Number;
        deserialize_f64 => Shape::Number;
        deserialize_char => Shape::Str;
        deserialize_str => Shape::Str;
        deserialize_string => Shape::Str;
        deserialize_unit => Shape::Null;
        deserialize_identifier => Shape::Str;
    }

    passing_method! {
        deserialize_i128;
        deserialize_u128;
        deserialize_bytes;
        deserialize_byte_buf;
        deserialize_ignored_any;
    }

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.bridged(visitor, Shape::Any, |de, b| de.deserialize_any(b))
    }

    #[inline]
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.bridged(visitor, Shape::Array, |de, b| de.deserialize_seq(b))
    }

    #[inline]
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.bridged(visitor, Shape::Map, |de, b| de.deserialize_map(b))
    }

    /// From an object only: serde_json would also fill a struct's fields, by position, from an
    /// array.
    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let bridge = Bridge::<V, CAREFUL, true> {
            visitor,
            shape: Shape::Object,
            slot: self.slot,
        };
        if CAREFUL {
            self.de.deserialize_any(bridge).map_err(ReadError::Passed)
        } else {
            self.de.deserialize_map(bridge).map_err(ReadError::Passed)
        }
    }

    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        let bridge = Bridge::<V, CAREFUL> {
            visitor,
            shape: Shape::Any,
            slot: self.slot,
        };
        self.de
            .deserialize_option(bridge)
            .map_err(ReadError::Passed)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let bridge = Bridge::<V, CAREFUL> {
            visitor,
            shape: Shape::Any,
            slot: self.slot,
        };
        self.de
            .deserialize_newtype_struct(name, bridge)
            .map_err(ReadError::Passed)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_seq(visitor)
    }

    #[inline]
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let bridge = Bridge::<V, CAREFUL> {
            visitor,
            shape: Shape::Choice(variants),
            slot: self.slot,
        };
        self.de
            .deserialize_enum(name, variants, bridge)
            .map_err(ReadError::Passed)
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// The visitor [`Strict`] gives the underlying deserializer: it hands the value on to the
/// type's own visitor, with strict accessors for arrays, objects and enums. In the careful
/// reading it first checks the JSON type against the shape asked for, and makes the type's
/// errors data.
pub(crate) struct Bridge<'s, V, const CAREFUL: bool, const STRUCT: bool = false> {
    visitor: V,
    /// What the position asks for (`Any` passes every value on).
    shape: Shape,
    slot: &'s Slot,
}

impl<'de, V: Visitor<'de>, const CAREFUL: bool, const STRUCT: bool> Bridge<'_, V, CAREFUL, STRUCT> {
    /// The wrong-type error for `found` at this position.
    #[cold]
    fn wrong<E: de::Error>(self, found: Found) -> Result<V::Value, E> {
        let problem = JsonProblem::WrongType {
            found,
            expected: expected(&self.visitor, self.shape),
        };
        Err(ReadError::<E>::problem(problem).into_inner(self.slot))
    }

    /// Whether this position takes a value of kind `found` (`Any` takes everything).
    #[inline]
    fn takes(&self, found: Shape) -> bool {
        match (self.shape, found) {
            (Shape::Any, _) => true,
            (Shape::Integer { .. } | Shape::Number, Shape::Number) => true,
            (Shape::Choice(_), Shape::Str) => true,
            (Shape::Map | Shape::Object, Shape::Map) => true,
            (a, b) => a == b,
        }
    }
}

macro_rules! leaf {
    ($($method:ident($ty:ty) => $kind:expr, $found:expr;)*) => {
        $(
            #[inline]
            fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
                if !CAREFUL {
                    return self.visitor.$method(v);
                }
                if !self.takes($kind) {
                    let found: fn($ty) -> Found = $found;
                    return self.wrong(found(v));
                }
                let (slot, shape) = (self.slot, self.shape);
                self.visitor
                    .$method::<ReadError<E>>(v)
                    .map_err(|e| e.at(shape).into_inner(slot))
            }
        )*
    };
}

fn signed(n: i64) -> Found {
    u64::try_from(n).map_or(Found::Signed(n), Found::Unsigned)
}

impl<'de, V: Visitor<'de>, const CAREFUL: bool, const STRUCT: bool> Visitor<'de>
    for Bridge<'_, V, CAREFUL, STRUCT>
{
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    leaf! {
        visit_bool(bool) => Shape::Bool, Found::Bool;
        visit_i64(i64) => Shape::Number, signed;
        visit_u64(u64) => Shape::Number, Found::Unsigned;
        visit_f64(f64) => Shape::Number, |f| Found::Float(float_text(f));
        visit_i128(i128) => Shape::Number, |n| Found::Other(n.to_string());
        visit_u128(u128) => Shape::Number, |n| Found::Other(n.to_string());
        visit_str(&str) => Shape::Str, |s| Found::Str(s.to_owned());
        visit_borrowed_str(&'de str) => Shape::Str, |s| Found::Str(s.to_owned());
        visit_string(String) => Shape::Str, Found::Str;
        visit_bytes(&[u8]) => Shape::Any, |_| Found::Other("bytes".to_owned());
        visit_byte_buf(Vec<u8>) => Shape::Any, |_| Found::Other("bytes".to_owned());
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        if !CAREFUL {
            return self.visitor.visit_unit();
        }
        if !self.takes(Shape::Null) {
            return self.wrong(Found::Null);
        }
        let (slot, shape) = (self.slot, self.shape);
        self.visitor
            .visit_unit::<ReadError<E>>()
            .map_err(|e| e.at(shape).into_inner(slot))
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        if !CAREFUL {
            return self.visitor.visit_none();
        }
        let slot = self.slot;
        self.visitor
            .visit_none::<ReadError<E>>()
            .map_err(|e| e.into_inner(slot))
    }

    #[inline]
    fn visit_some<D2: Deserializer<'de>>(self, deserializer: D2) -> Result<V::Value, D2::Error> {
        let slot = self.slot;
        self.visitor
            .visit_some(Strict::<D2, CAREFUL>::new(deserializer, slot))
            .map_err(|e| e.into_inner(slot))
    }

    fn visit_newtype_struct<D2: Deserializer<'de>>(
        self,
        deserializer: D2,
    ) -> Result<V::Value, D2::Error> {
        let slot = self.slot;
        self.visitor
            .visit_newtype_struct(Strict::<D2, CAREFUL>::new(deserializer, slot))
            .map_err(|e| e.into_inner(slot))
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        // A struct asked for an object: in the quick reading serde_json's `deserialize_map`
        // already refused the array.
        if CAREFUL && !self.takes(Shape::Array) {
            return self.wrong(Found::Array);
        }
        let slot = self.slot;
        let access = StrictSeq::<A, CAREFUL> {
            seq,
            slot,
            index: 0,
        };
        self.visitor
            .visit_seq(access)
            .map_err(|e| e.into_inner(slot))
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        if CAREFUL && !self.takes(Shape::Map) {
            return self.wrong(Found::Object);
        }
        // serde's derived code refuses a field written twice in a struct; maps need the reader.
        // Which is known when the code is compiled, so that a struct's quick reading carries no
        // code for keys.
        let slot = self.slot;
        if CAREFUL || !STRUCT {
            let access = StrictMap::<A, CAREFUL, true> {
                map,
                slot,
                seen: Vec::new(),
                is_struct: STRUCT,
                key: None,
            };
            self.visitor
                .visit_map(access)
                .map_err(|e| e.into_inner(slot))
        } else {
            let access = StrictMap::<A, CAREFUL, false> {
                map,
                slot,
                seen: Vec::new(),
                is_struct: STRUCT,
                key: None,
            };
            self.visitor
                .visit_map(access)
                .map_err(|e| e.into_inner(slot))
        }
    }

    #[inline]
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        let slot = self.slot;
        let access = StrictEnum::<A, CAREFUL> { data, slot };
        self.visitor
            .visit_enum(access)
            .map_err(|e| e.into_inner(slot))
    }
}

/// A seed read through [`Strict`].
struct StrictSeed<'s, S, const CAREFUL: bool> {
    seed: S,
    slot: &'s Slot,
}

impl<'de, S: DeserializeSeed<'de>, const CAREFUL: bool> DeserializeSeed<'de>
    for StrictSeed<'_, S, CAREFUL>
{
    type Value = S::Value;

    #[inline]
    fn deserialize<D2: Deserializer<'de>>(self, deserializer: D2) -> Result<S::Value, D2::Error> {
        let slot = self.slot;
        self.seed
            .deserialize(Strict::<D2, CAREFUL>::new(deserializer, slot))
            .map_err(|e| e.into_inner(slot))
    }
}

struct StrictSeq<'s, A, const CAREFUL: bool> {
    seq: A,
    slot: &'s Slot,
    /// The index of the next element.
    index: usize,
}

impl<'de, A: SeqAccess<'de>, const CAREFUL: bool> SeqAccess<'de> for StrictSeq<'_, A, CAREFUL> {
    type Error = ReadError<A::Error>;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Self::Error> {
        let seed = StrictSeed::<T, CAREFUL> {
            seed,
            slot: self.slot,
        };
        if !CAREFUL {
            return self.seq.next_element_seed(seed).map_err(ReadError::Passed);
        }
        let index = self.index;
        self.index += 1;
        let seq = &mut self.seq;
        self.slot
            .within(|| Segment::Index(index), || seq.next_element_seed(seed))
            .map_err(ReadError::Passed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.seq.size_hint()
    }
}

struct StrictMap<'s, A, const CAREFUL: bool, const TRACK: bool> {
    map: A,
    slot: &'s Slot,
    /// The keys read so far, when repeated keys are looked for here (`TRACK`).
    seen: Vec<String>,
    /// Whether the object is read as a struct (its keys are fields).
    is_struct: bool,
    /// The key whose value is read next, when keys are captured.
    key: Option<String>,
}

impl<'de, A: MapAccess<'de>, const CAREFUL: bool, const TRACK: bool> MapAccess<'de>
    for StrictMap<'_, A, CAREFUL, TRACK>
{
    type Error = ReadError<A::Error>;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        if !TRACK {
            // A struct's keys in the quick reading: serde's derived code knows its fields.
            return self.map.next_key_seed(seed).map_err(ReadError::Passed);
        }
        let seen = &mut self.seen;
        let mut key = None;
        let read = if CAREFUL {
            // The careful reading reads the key strictly too, so that an unknown field is data.
            let seed = StrictSeed::<K, true> {
                seed,
                slot: self.slot,
            };
            let capture = CaptureKey {
                seed,
                key: &mut key,
            };
            self.map.next_key_seed(capture).map_err(ReadError::Passed)
        } else {
            let capture = CaptureKey {
                seed,
                key: &mut key,
            };
            self.map.next_key_seed(capture).map_err(ReadError::Passed)
        };
        // A key that does not read (an unknown field) is placed at the key, once it is known;
        // one that is not even a key (the text ends) at the object.
        let value = match &key {
            Some(known) => self.slot.within(|| Segment::Key(known.clone()), || read)?,
            None => read.inspect_err(|_| self.slot.mark())?,
        };
        if let Some(key) = &key {
            if seen.contains(key) {
                // Refused here, once the key is read, so that the error names it.
                let problem = if self.is_struct {
                    JsonProblem::DuplicateField { field: key.clone() }
                } else {
                    JsonProblem::DuplicateKey { key: key.clone() }
                };
                let refused: Result<(), ReadError<A::Error>> = Err(ReadError::problem(problem));
                self.slot.within(|| Segment::Key(key.clone()), || refused)?;
            }
            seen.push(key.clone());
        }
        self.key = key;
        Ok(value)
    }

    #[inline]
    fn next_value_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        let seed = StrictSeed::<T, CAREFUL> {
            seed,
            slot: self.slot,
        };
        if !CAREFUL {
            return self.map.next_value_seed(seed).map_err(ReadError::Passed);
        }
        let map = &mut self.map;
        let key = self.key.take();
        self.slot
            .within(
                || key.map_or(Segment::Unknown, Segment::Key),
                || map.next_value_seed(seed),
            )
            .map_err(ReadError::Passed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

struct StrictEnum<'s, A, const CAREFUL: bool> {
    data: A,
    slot: &'s Slot,
}

impl<'s, 'de, A: EnumAccess<'de>, const CAREFUL: bool> EnumAccess<'de>
    for StrictEnum<'s, A, CAREFUL>
{
    type Error = ReadError<A::Error>;
    type Variant = StrictVariant<'s, A::Variant, CAREFUL>;

    #[inline]
    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), Self::Error> {
        let slot = self.slot;
        let (value, variant) = if CAREFUL {
            // Read strictly, so that an unknown variant is data.
            let seed = StrictSeed::<S, true> { seed, slot };
            self.data.variant_seed(seed).map_err(ReadError::Passed)?
        } else {
            self.data.variant_seed(seed).map_err(ReadError::Passed)?
        };
        Ok((value, StrictVariant { variant, slot }))
    }
}

struct StrictVariant<'s, A, const CAREFUL: bool> {
    variant: A,
    slot: &'s Slot,
}

impl<'de, A: VariantAccess<'de>, const CAREFUL: bool> VariantAccess<'de>
    for StrictVariant<'_, A, CAREFUL>
{
    type Error = ReadError<A::Error>;

    fn unit_variant(self) -> Result<(), Self::Error> {
        self.variant.unit_variant().map_err(ReadError::Passed)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, Self::Error> {
        let seed = StrictSeed::<T, CAREFUL> {
            seed,
            slot: self.slot,
        };
        self.variant
            .newtype_variant_seed(seed)
            .map_err(ReadError::Passed)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let seed = AsShape::<V, CAREFUL> {
            visitor,
            shape: Shape::Array,
            slot: self.slot,
        };
        self.variant
            .newtype_variant_seed(seed)
            .map_err(ReadError::Passed)
    }

    /// From an object only, as [`Strict::deserialize_struct`].
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let seed = AsShape::<V, CAREFUL> {
            visitor,
            shape: Shape::Object,
            slot: self.slot,
        };
        self.variant
            .newtype_variant_seed(seed)
            .map_err(ReadError::Passed)
    }
}

/// A variant's content read as one shape, through [`Strict`].
struct AsShape<'s, V, const CAREFUL: bool> {
    visitor: V,
    shape: Shape,
    slot: &'s Slot,
}

impl<'de, V: Visitor<'de>, const CAREFUL: bool> DeserializeSeed<'de> for AsShape<'_, V, CAREFUL> {
    type Value = V::Value;

    fn deserialize<D2: Deserializer<'de>>(self, deserializer: D2) -> Result<V::Value, D2::Error> {
        let (visitor, slot) = (self.visitor, self.slot);
        match self.shape {
            Shape::Object => {
                let bridge = Bridge::<V, CAREFUL, true> {
                    visitor,
                    shape: Shape::Object,
                    slot,
                };
                if CAREFUL {
                    deserializer.deserialize_any(bridge)
                } else {
                    deserializer.deserialize_map(bridge)
                }
            }
            shape => {
                let bridge = Bridge::<V, CAREFUL> {
                    visitor,
                    shape,
                    slot,
                };
                if CAREFUL {
                    deserializer.deserialize_any(bridge)
                } else {
                    deserializer.deserialize_seq(bridge)
                }
            }
        }
    }
}

/// A key's seed that also keeps the key's text, to look for repeated keys.
struct CaptureKey<'k, S> {
    seed: S,
    key: &'k mut Option<String>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for CaptureKey<'_, S> {
    type Value = S::Value;

    fn deserialize<D2: Deserializer<'de>>(self, deserializer: D2) -> Result<S::Value, D2::Error> {
        self.seed.deserialize(KeyDeserializer {
            de: deserializer,
            key: self.key,
        })
    }
}

/// A key's deserializer that keeps the key's text as it is visited.
struct KeyDeserializer<'k, D> {
    de: D,
    key: &'k mut Option<String>,
}

macro_rules! key_forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                self.de.$method($($arg,)* KeyVisitor { visitor, key: self.key })
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for KeyDeserializer<'_, D> {
    type Error = D::Error;

    key_forward! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
        deserialize_ignored_any();
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

struct KeyVisitor<'k, V> {
    visitor: V,
    key: &'k mut Option<String>,
}

macro_rules! key_visit {
    ($($method:ident($ty:ty);)*) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
                self.visitor.$method(v)
            }
        )*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for KeyVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        *self.key = Some(v.to_owned());
        self.visitor.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        *self.key = Some(v.to_owned());
        self.visitor.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        *self.key = Some(v.clone());
        self.visitor.visit_string(v)
    }

    key_visit! {
        visit_bool(bool);
        visit_i64(i64);
        visit_u64(u64);
        visit_i128(i128);
        visit_u128(u128);
        visit_f64(f64);
        visit_bytes(&[u8]);
        visit_byte_buf(Vec<u8>);
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit()
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none()
    }

    fn visit_some<D2: Deserializer<'de>>(self, deserializer: D2) -> Result<V::Value, D2::Error> {
        self.visitor.visit_some(deserializer)
    }

    fn visit_newtype_struct<D2: Deserializer<'de>>(
        self,
        deserializer: D2,
    ) -> Result<V::Value, D2::Error> {
        self.visitor.visit_newtype_struct(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(map)
    }

    /// A key read as an enum (a map keyed by benefit kind): its variant's name is the key.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_enum(KeyEnum {
            data,
            key: self.key,
        })
    }
}

struct KeyEnum<'k, A> {
    data: A,
    key: &'k mut Option<String>,
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for KeyEnum<'_, A> {
    type Error = A::Error;
    type Variant = A::Variant;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, A::Variant), A::Error> {
        self.data.variant_seed(CaptureKey {
            seed,
            key: self.key,
        })
    }
}

/// Where a problem is in a document: its JSON path and, for a document of text, its line and
/// column (1-based; 0 when unknown, as for a value already in memory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located {
    pub(crate) path: String,
    pub(crate) problem: Box<JsonProblem>,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl Located {
    fn from_read_error(path: String, error: ReadError<serde_json::Error>, slot: &Slot) -> Located {
        match error {
            ReadError::Passed(e) => {
                let problem = match (e.classify(), slot.take()) {
                    (serde_json::error::Category::Data, Some(problem)) => problem,
                    _ => JsonProblem::from_serde_json(&e),
                };
                Located::new(path, problem, e.line(), e.column())
            }
            ReadError::Problem(problem) => Located::new(path, *problem, 0, 0),
        }
    }

    fn new(path: String, problem: JsonProblem, line: usize, column: usize) -> Located {
        // serde names a missing field where its object is: the field itself is what is at
        // fault, so the path names it.
        let path = match &problem {
            JsonProblem::MissingField { field } if path == "." => (*field).to_owned(),
            JsonProblem::MissingField { field } => format!("{path}.{field}"),
            _ => path,
        };
        Located {
            path,
            problem: Box::new(problem),
            line,
            column,
        }
    }

    pub(crate) fn into_error(self) -> Error {
        Error::Json {
            path: self.path,
            problem: self.problem,
            line: self.line,
            column: self.column,
        }
    }
}

/// Reads a `T` strictly from `text`, naming the JSON path of the field at fault when it fails.
///
/// The document is read once without tracking paths (fast); only when that fails is it read
/// again, tracking the path and every repeated key, to say where.
pub(crate) fn read<T: DeserializeOwned>(text: &str) -> Result<T, Located> {
    match read_fast(text) {
        Ok(value) => Ok(value),
        Err(()) => Err(read_with_path::<T>(text)),
    }
}

/// One strict reading without paths: the value, or that it failed.
#[inline]
pub(crate) fn read_fast<T: DeserializeOwned>(text: &str) -> Result<T, ()> {
    let slot = Slot::default();
    let de = &mut serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Strict::<_, false>::new(&mut *de, &slot)).map_err(|_| ())?;
    de.end().map_err(|_| ())?;
    Ok(value)
}

/// The second reading of [`read`], tracking the JSON path to name the field at fault. It is the
/// error whenever the first reading failed (a value that reads this time still has a problem:
/// the first reading found it).
#[cold]
pub(crate) fn read_with_path<T: DeserializeOwned>(text: &str) -> Located {
    let slot = Slot::tracking_path();
    let de = &mut serde_json::Deserializer::from_str(text);
    let result = T::deserialize(Strict::<_, true>::new(&mut *de, &slot));
    match result {
        Ok(_) => match de.end() {
            // The value read, but something follows it.
            Err(e) => Located::new(
                ".".to_owned(),
                JsonProblem::TrailingCharacters,
                e.line(),
                e.column(),
            ),
            Ok(()) => Located::new(
                ".".to_owned(),
                JsonProblem::Other {
                    message: "the document could not be read".to_owned(),
                },
                0,
                0,
            ),
        },
        Err(error) => Located::from_read_error(slot.error_path(), error, &slot),
    }
}

/// Reads a `T` strictly from a JSON value already in memory (a reform's override value), naming
/// the path within it of the field at fault. Errors have no line or column.
pub(crate) fn read_value<T: DeserializeOwned>(value: &serde_json::Value) -> Result<T, Located> {
    let slot = Slot::tracking_path();
    T::deserialize(Strict::<_, true>::new(value, &slot))
        .map_err(|error| Located::from_read_error(slot.error_path(), error, &slot))
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
    /// A parameter's name.
    Parameter,
}

impl Own {
    const ALL: [Own; 9] = [
        Own::Grade,
        Own::Date,
        Own::Amount,
        Own::AmountAtMost,
        Own::AmountInFen,
        Own::Month,
        Own::BackPayMonths,
        Own::ClauseId,
        Own::Parameter,
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
            Own::Parameter => crate::policy::Parameter::EXPECTED,
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
            Own::AmountAtMost | Own::AmountInFen | Own::Parameter => true,
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

impl Located {
    /// The problem in English with its position, as a policy or reform file's error gives it
    /// (written for the analyst who wrote the file).
    pub(crate) fn english(&self) -> String {
        let message = crate::render::json_problem(&self.problem, crate::Language::English);
        if self.line == 0 {
            message
        } else {
            format!("{message} (line {}, column {})", self.line, self.column)
        }
    }
}

/// Reads a `T` from JSON text the way the crate reads all its input: an array where an object
/// belongs, or a key written twice, is refused, and an error names the JSON path of the field at
/// fault, with its line and column. For a service's or an analyst's own formats that embed the
/// crate's (a request, a case file).
///
/// # Errors
///
/// [`Error::Json`] for text that does not read as a `T`.
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
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    read(text).map_err(Located::into_error)
}

/// Reads a `T` from a JSON value already in memory, as strictly as [`from_str`]. Errors name the
/// JSON path within the value, and have no line or column.
///
/// # Errors
///
/// [`Error::Json`] for a value that does not read as a `T`.
pub fn from_value<T: DeserializeOwned>(value: &serde_json::Value) -> Result<T, Error> {
    read_value(value).map_err(Located::into_error)
}
