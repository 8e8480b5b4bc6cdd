//! The strict reader: a serde_json deserializer that reads structs from objects only and refuses
//! repeated keys, in a quick reading and, when that fails, a careful one (see the module
//! `json`).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::sync::Arc;

use serde::de::value::{
    BorrowedStrDeserializer, MapAccessDeserializer, StrDeserializer, StringDeserializer,
};
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, MapAccess,
    SeqAccess, Unexpected, VariantAccess, Visitor,
};

use super::problem::{excerpt, float_text, Expected, Found, JsonProblem, Shape};

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
                    out.push_str(&excerpt(key));
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
pub(crate) enum Failure<E> {
    Passed(E),
    Problem(Box<JsonProblem>),
}

impl<E> Failure<E> {
    fn problem(problem: JsonProblem) -> Self {
        Failure::Problem(Box::new(problem))
    }
}

impl<E: de::Error> Failure<E> {
    /// The underlying deserializer's error, the problem waiting in `slot`.
    fn into_inner(self, slot: &Slot) -> E {
        match self {
            Failure::Passed(e) => e,
            Failure::Problem(problem) => {
                // The problem waits in the slot, and the reader takes it from there; the text is
                // shown only by a caller that words the error itself (a `deserialize_with`), so it
                // is the problem's English.
                let text = problem.to_string();
                slot.put(*problem);
                E::custom(text)
            }
        }
    }
}

impl<E: fmt::Display> fmt::Display for Failure<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Passed(e) => e.fmt(f),
            // The problem's English text, as a caller that words the error itself shows it.
            Failure::Problem(p) => fmt::Display::fmt(p, f),
        }
    }
}

impl<E: fmt::Debug> fmt::Debug for Failure<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Passed(e) => f.debug_tuple("Passed").field(e).finish(),
            Failure::Problem(p) => f.debug_tuple("Problem").field(p).finish(),
        }
    }
}

impl<E: std::error::Error> std::error::Error for Failure<E> {}

fn expected(exp: &dyn de::Expected, shape: Shape) -> Expected {
    Expected {
        said: exp.to_string(),
        shape,
    }
}

impl<E: de::Error> de::Error for Failure<E> {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Failure::problem(JsonProblem::Other {
            message: msg.to_string(),
        })
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Failure::problem(JsonProblem::WrongType {
            found: Found::of(&unexp),
            expected: expected(exp, Shape::Any),
        })
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Failure::problem(JsonProblem::WrongValue {
            found: Found::of(&unexp),
            expected: expected(exp, Shape::Any),
        })
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Self {
        Failure::problem(JsonProblem::WrongLength {
            length: len,
            expected: expected(exp, Shape::Array),
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Failure::problem(JsonProblem::UnknownVariant {
            variant: excerpt(variant),
            expected,
        })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Failure::problem(JsonProblem::UnknownField {
            field: excerpt(field),
            expected,
        })
    }

    fn missing_field(field: &'static str) -> Self {
        Failure::problem(JsonProblem::MissingField { field })
    }

    fn duplicate_field(field: &'static str) -> Self {
        Failure::problem(JsonProblem::DuplicateField {
            field: excerpt(field),
        })
    }
}

impl<E> Failure<E> {
    /// The problem, with `shape` as what was expected where the type that refused the value
    /// did not say which kind of value it wanted.
    fn at(mut self, shape: Shape) -> Self {
        if let Failure::Problem(problem) = &mut self {
            match &mut **problem {
                JsonProblem::WrongType { expected, .. }
                | JsonProblem::WrongValue { expected, .. }
                    if expected.shape == Shape::Any =>
                {
                    expected.shape = shape;
                }
                // An array's length refused by a tuple's visitor: the length it asked for.
                JsonProblem::WrongLength { expected, .. }
                    if expected.shape == Shape::Array && matches!(shape, Shape::Tuple { .. }) =>
                {
                    expected.shape = shape;
                }
                _ => {}
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
///
/// `KEY` marks an object's key in the careful reading: it is read as the type asks (serde_json
/// reads a number from a key's quotes), without comparing its JSON type, which is always a string.
pub(crate) struct Strict<'s, D, const CAREFUL: bool, const KEY: bool = false> {
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
                if CAREFUL && KEY {
                    let bridge = Bridge::<V, true> { visitor, shape: Shape::Any, slot: self.slot };
                    self.de.$method(bridge).map_err(Failure::Passed)
                } else if CAREFUL {
                    let bridge = Bridge::<V, true> { visitor, shape: $shape, slot: self.slot };
                    self.de.deserialize_any(bridge).map_err(Failure::Passed)
                } else {
                    self.de.$method(visitor).map_err(Failure::Passed)
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
                self.de.$method(visitor).map_err(Failure::Passed)
            }
        )*
    };
}

const fn integer(min: i64, max: u64) -> Shape {
    Shape::Integer { min, max }
}

impl<'s, 'de, D: Deserializer<'de>, const CAREFUL: bool, const KEY: bool>
    Strict<'s, D, CAREFUL, KEY>
{
    /// `visitor` through a [`Bridge`] asking for `shape`: read as any value by the careful
    /// reading, which compares its type; by the quick one, as `quick` reads it.
    #[inline]
    fn bridged<V: Visitor<'de>>(
        self,
        visitor: V,
        shape: Shape,
        quick: impl FnOnce(D, Bridge<'s, V, CAREFUL>) -> Result<V::Value, D::Error>,
    ) -> Result<V::Value, Failure<D::Error>> {
        let bridge = Bridge {
            visitor,
            shape,
            slot: self.slot,
        };
        if CAREFUL {
            self.de.deserialize_any(bridge).map_err(Failure::Passed)
        } else {
            quick(self.de, bridge).map_err(Failure::Passed)
        }
    }
}

impl<'de, D: Deserializer<'de>, const CAREFUL: bool, const KEY: bool> Deserializer<'de>
    for Strict<'_, D, CAREFUL, KEY>
{
    type Error = Failure<D::Error>;

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
        deserialize_char => Shape::Char;
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
            self.de.deserialize_any(bridge).map_err(Failure::Passed)
        } else {
            self.de.deserialize_map(bridge).map_err(Failure::Passed)
        }
    }

    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        let bridge = Bridge::<V, CAREFUL> {
            visitor,
            shape: Shape::Any,
            slot: self.slot,
        };
        self.de.deserialize_option(bridge).map_err(Failure::Passed)
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
            .map_err(Failure::Passed)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.bridged(visitor, Shape::Tuple { len }, |de, b| de.deserialize_seq(b))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_tuple(len, visitor)
    }

    #[inline]
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        if CAREFUL {
            // serde_json calls any value but a string or an object a syntax error here ("expected
            // value"): the careful reading says what it is.
            let bridge = EnumBridge {
                visitor,
                variants,
                slot: self.slot,
            };
            return self.de.deserialize_any(bridge).map_err(Failure::Passed);
        }
        let bridge = Bridge::<V, CAREFUL> {
            visitor,
            shape: Shape::Choice(variants),
            slot: self.slot,
        };
        self.de
            .deserialize_enum(name, variants, bridge)
            .map_err(Failure::Passed)
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
        Err(Failure::<E>::problem(problem).into_inner(self.slot))
    }

    /// Whether this position takes a value of kind `found` (`Any` takes everything).
    #[inline]
    fn takes(&self, found: Shape) -> bool {
        match (self.shape, found) {
            (Shape::Any, _) => true,
            (Shape::Integer { .. } | Shape::Number, Shape::Number) => true,
            (Shape::Choice(_) | Shape::Char, Shape::Str) => true,
            (Shape::Map | Shape::Object, Shape::Map) => true,
            (Shape::Tuple { .. }, Shape::Array) => true,
            (a, b) => a == b,
        }
    }

    /// Hands an object to the visitor, its repeated keys looked for here when `TRACK` (maps,
    /// and every object on the careful reading; serde's derived code refuses a struct's own).
    #[inline]
    fn read_map<A: MapAccess<'de>, const TRACK: bool>(self, map: A) -> Result<V::Value, A::Error> {
        let slot = self.slot;
        let access = StrictMap::<A, CAREFUL, TRACK> {
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
                    .$method::<Failure<E>>(v)
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
        visit_str(&str) => Shape::Str, |s| Found::Str(excerpt(s));
        visit_borrowed_str(&'de str) => Shape::Str, |s| Found::Str(excerpt(s));
        visit_string(String) => Shape::Str, |s: String| Found::Str(excerpt(&s));
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
            .visit_unit::<Failure<E>>()
            .map_err(|e| e.at(shape).into_inner(slot))
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        if !CAREFUL {
            return self.visitor.visit_none();
        }
        let slot = self.slot;
        self.visitor
            .visit_none::<Failure<E>>()
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
        let (slot, shape) = (self.slot, self.shape);
        let mut access = StrictSeq::<A, CAREFUL> {
            seq,
            slot,
            index: 0,
        };
        if !CAREFUL {
            return self
                .visitor
                .visit_seq(access)
                .map_err(|e| e.into_inner(slot));
        }
        let Shape::Tuple { len } = shape else {
            return self
                .visitor
                .visit_seq(access)
                .map_err(|e| e.at(shape).into_inner(slot));
        };
        // A tuple's visitor reads its values and stops; serde_json would call the values after
        // them "trailing characters". They are counted, so that the error says how many there are.
        let said = expected(&self.visitor, shape);
        let value = self
            .visitor
            .visit_seq(&mut access)
            .map_err(|e| e.at(shape).into_inner(slot))?;
        let mut length = len;
        while access.seq.next_element::<IgnoredAny>()?.is_some() {
            length += 1;
        }
        if length == len {
            return Ok(value);
        }
        let problem = JsonProblem::WrongLength {
            length,
            expected: said,
        };
        Err(Failure::<A::Error>::problem(problem).into_inner(slot))
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        if CAREFUL && !self.takes(Shape::Map) {
            return self.wrong(Found::Object);
        }
        // serde's derived code refuses a field written twice in a struct; maps need the reader.
        // Which is known when the code is compiled, so that a struct's quick reading carries no
        // code for keys.
        if CAREFUL || !STRUCT {
            self.read_map::<A, true>(map)
        } else {
            self.read_map::<A, false>(map)
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

/// The visitor the careful reading gives the underlying deserializer for an enum: a string names
/// a variant, an object of one key is a variant with its content, and any other value is of the
/// wrong type (serde_json would call it a syntax error, "expected value").
struct EnumBridge<'s, V> {
    visitor: V,
    /// The variants' names.
    variants: &'static [&'static str],
    slot: &'s Slot,
}

impl<'de, V: Visitor<'de>> EnumBridge<'_, V> {
    /// The wrong-type error for `found`, where one of the variants was expected.
    #[cold]
    fn wrong<E: de::Error>(self, found: Found) -> Result<V::Value, E> {
        let problem = JsonProblem::WrongType {
            found,
            expected: expected(&self.visitor, Shape::Choice(self.variants)),
        };
        Err(Failure::<E>::problem(problem).into_inner(self.slot))
    }

    /// The variant a string names.
    fn named<E: de::Error>(
        self,
        name: impl EnumAccess<'de, Error = Failure<E>>,
    ) -> Result<V::Value, E> {
        let (slot, shape) = (self.slot, Shape::Choice(self.variants));
        self.visitor
            .visit_enum(name)
            .map_err(|e| e.at(shape).into_inner(slot))
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for EnumBridge<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<V::Value, E> {
        self.wrong(Found::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<V::Value, E> {
        self.wrong(signed(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V::Value, E> {
        self.wrong(Found::Unsigned(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<V::Value, E> {
        self.wrong(Found::Other(v.to_string()))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<V::Value, E> {
        self.wrong(Found::Other(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        self.wrong(Found::Float(float_text(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.wrong(Found::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.wrong(Found::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _seq: A) -> Result<V::Value, A::Error> {
        self.wrong(Found::Array)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.named(StrDeserializer::<Failure<E>>::new(v))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        self.named(BorrowedStrDeserializer::<Failure<E>>::new(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        self.named(StringDeserializer::<Failure<E>>::new(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let (slot, shape) = (self.slot, Shape::Choice(self.variants));
        let mut access = StrictMap::<A, true, true> {
            map,
            slot,
            seen: Vec::new(),
            is_struct: false,
            key: None,
        };
        let value = self
            .visitor
            .visit_enum(MapAccessDeserializer::new(&mut access))
            .map_err(|e| e.at(shape).into_inner(slot))?;
        // The variant is the object's one key: another is refused, as serde_json refuses it.
        match access.next_key::<String>() {
            Ok(None) => Ok(value),
            Ok(Some(key)) => {
                let refused: Result<V::Value, Failure<A::Error>> =
                    Err(Failure::problem(JsonProblem::UnknownField {
                        field: excerpt(&key),
                        expected: &[],
                    }));
                slot.within(|| Segment::Key(key), || refused)
                    .map_err(|e| e.into_inner(slot))
            }
            Err(e) => Err(e.into_inner(slot)),
        }
    }
}

/// An object key's seed, read through [`Strict`] in the careful reading as a key.
struct KeySeed<'s, S> {
    seed: S,
    slot: &'s Slot,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D2: Deserializer<'de>>(self, deserializer: D2) -> Result<S::Value, D2::Error> {
        let slot = self.slot;
        let strict: Strict<'_, D2, true, true> = Strict {
            de: deserializer,
            slot,
        };
        self.seed
            .deserialize(strict)
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
    type Error = Failure<A::Error>;

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
            return self.seq.next_element_seed(seed).map_err(Failure::Passed);
        }
        let index = self.index;
        self.index += 1;
        let seq = &mut self.seq;
        self.slot
            .within(|| Segment::Index(index), || seq.next_element_seed(seed))
            .map_err(Failure::Passed)
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
    type Error = Failure<A::Error>;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        if !TRACK {
            // A struct's keys in the quick reading: serde's derived code knows its fields.
            return self.map.next_key_seed(seed).map_err(Failure::Passed);
        }
        let seen = &mut self.seen;
        let mut key = None;
        let read = if CAREFUL {
            // The careful reading reads the key strictly too, so that an unknown field is data.
            let seed = KeySeed {
                seed,
                slot: self.slot,
            };
            let capture = CaptureKey {
                seed,
                key: &mut key,
            };
            self.map.next_key_seed(capture).map_err(Failure::Passed)
        } else {
            let capture = CaptureKey {
                seed,
                key: &mut key,
            };
            self.map.next_key_seed(capture).map_err(Failure::Passed)
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
                    JsonProblem::DuplicateField {
                        field: excerpt(key),
                    }
                } else {
                    JsonProblem::DuplicateKey { key: excerpt(key) }
                };
                let refused: Result<(), Failure<A::Error>> = Err(Failure::problem(problem));
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
            return self.map.next_value_seed(seed).map_err(Failure::Passed);
        }
        let map = &mut self.map;
        let key = self.key.take();
        self.slot
            .within(
                || key.map_or(Segment::Unknown, Segment::Key),
                || map.next_value_seed(seed),
            )
            .map_err(Failure::Passed)
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
    type Error = Failure<A::Error>;
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
            self.data.variant_seed(seed).map_err(Failure::Passed)?
        } else {
            self.data.variant_seed(seed).map_err(Failure::Passed)?
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
    type Error = Failure<A::Error>;

    fn unit_variant(self) -> Result<(), Self::Error> {
        self.variant.unit_variant().map_err(Failure::Passed)
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
            .map_err(Failure::Passed)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        let seed = AsShape::<V, CAREFUL> {
            visitor,
            shape: Shape::Tuple { len },
            slot: self.slot,
        };
        self.variant
            .newtype_variant_seed(seed)
            .map_err(Failure::Passed)
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
            .map_err(Failure::Passed)
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
    // A key read as a number (serde_json reads one from a key's quotes): kept as written.
    ($($method:ident($ty:ty) as text;)*) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
                *self.key = Some(v.to_string());
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
        visit_bool(bool) as text;
        visit_i64(i64) as text;
        visit_u64(u64) as text;
        visit_i128(i128) as text;
        visit_u128(u128) as text;
        visit_f64(f64) as text;
    }

    key_visit! {
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

/// serde's message when no variant of an untagged enum reads: it drops the variants' own errors.
const UNTAGGED_NO_MATCH: &str = "data did not match any variant of untagged enum";

/// What a type's own checks found (see [`refuse_checked`]), with the message they refused the
/// value with.
type Refusal = (String, Arc<dyn Any + Send + Sync>);

thread_local! {
    /// What a type's own checks found while it was read (see [`refuse_checked`]), until the
    /// reading that read it ends and attaches it to its error — if that error is this refusal.
    /// Set and taken within one reading, on one thread.
    static CHECKED: RefCell<Option<Refusal>> = const { RefCell::new(None) };
}

/// Refuses a value that reads as JSON but fails its type's own checks — a resident's facts that
/// cannot be true — keeping what the checks found as data. serde's error can carry only a
/// message, so the data waits beside it until the crate's reader ends the reading and attaches
/// it to the [`ReadError`], whose conversion into [`crate::Error`] gives the checks' own error,
/// its path placed inside the document's.
pub(crate) fn refuse_checked<E: de::Error>(found: impl Any + Send + Sync + fmt::Display) -> E {
    let message = found.to_string();
    let refusal = (
        message.clone(),
        Arc::new(found) as Arc<dyn Any + Send + Sync>,
    );
    CHECKED.with(|checked| *checked.borrow_mut() = Some(refusal));
    E::custom(message)
}

/// Forgets what a previous reading's checks left (a value read by serde_json directly).
fn clear_checked() {
    CHECKED.with(|checked| checked.borrow_mut().take());
}

/// What a type's own checks found, attached to the error of the reading that read it.
#[derive(Clone, Default)]
pub(crate) struct Checked(pub(crate) Option<Arc<dyn Any + Send + Sync>>);

impl Checked {
    /// What the checks found, if `problem`, the error that ended the reading, is their refusal:
    /// their message, as it is or inside a caller's own (a `deserialize_with` that adds words
    /// around it), or serde's "did not match any variant of untagged enum", which replaces the
    /// message of every variant it tried (the refusal then says why better than serde can). A
    /// refusal that a caller's type swallowed before an unrelated error (an untagged enum that
    /// read the value another way, then a bad month) is not the reading's error, and is dropped.
    fn take_for(problem: &JsonProblem) -> Checked {
        let refusal = CHECKED.with(|checked| checked.borrow_mut().take());
        Checked(refusal.and_then(|(message, found)| {
            let JsonProblem::Other { message: ended } = problem else {
                return None;
            };
            let is_refusal =
                ended.contains(message.as_str()) || ended.starts_with(UNTAGGED_NO_MATCH);
            is_refusal.then_some(found)
        }))
    }
}

impl fmt::Debug for Checked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "Checked(..)"
        } else {
            "Checked(None)"
        })
    }
}

impl PartialEq for Checked {
    fn eq(&self, other: &Checked) -> bool {
        match (&self.0, &other.0) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for Checked {}

/// A document that did not read: what was wrong, as data, and where — its JSON path and, for a
/// document of text, its line and column. It converts into [`crate::Error::Json`] with `?` (or,
/// when a [`Resident`](crate::Resident) inside the document failed its checks, into that
/// resident's [`crate::Error::InvalidFact`], its path placed inside the document's).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadError {
    /// The JSON path of the field at fault (`certificates[0].grade`), or `.` for the whole
    /// document.
    pub path: String,
    /// What was wrong.
    pub problem: Box<JsonProblem>,
    /// 1-based line; 0 when unknown, as for a value already in memory.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    /// What a type's own checks found, when they refused the value.
    pub(crate) checked: Checked,
}

impl ReadError {
    /// What a type's own checks found, when they refused a value inside the document: the
    /// value the type refused with, to downcast.
    pub(crate) fn checked(&self) -> Option<&(dyn Any + Send + Sync)> {
        self.checked.0.as_deref()
    }

    fn from_read_error(path: String, error: Failure<serde_json::Error>, slot: &Slot) -> ReadError {
        match error {
            Failure::Passed(e) => {
                let problem = match (e.classify(), slot.take()) {
                    (serde_json::error::Category::Data, Some(problem)) => problem,
                    _ => JsonProblem::from_serde_json(&e),
                };
                ReadError::new(path, problem, e.line(), e.column())
            }
            Failure::Problem(problem) => ReadError::new(path, *problem, 0, 0),
        }
    }

    fn new(path: String, problem: JsonProblem, line: usize, column: usize) -> ReadError {
        // serde names a missing field where its object is: the field itself is what is at
        // fault, so the path names it.
        let path = match &problem {
            JsonProblem::MissingField { field } => crate::error::within(&path, field),
            _ => path,
        };
        ReadError {
            path,
            checked: Checked::take_for(&problem),
            problem: Box::new(problem),
            line,
            column,
        }
    }
}

/// Reads a `T` strictly from `text`, a whole document, naming the JSON path of the field at fault
/// when it fails. A byte-order mark before the document is skipped, as before a roster's first
/// line (`Line::of_text`): editors on Windows write one, and it is not part of the JSON.
///
/// The document is read once without tracking paths (fast); only when that fails is it read
/// again, tracking the path and every repeated key, to say where.
pub(crate) fn read<T: DeserializeOwned>(text: &str) -> Result<T, ReadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match read_fast(text) {
        Ok(value) => Ok(value),
        Err(()) => Err(read_with_path::<T>(text)),
    }
}

/// One strict reading without paths: the value, or that it failed.
#[inline]
pub(crate) fn read_fast<T: DeserializeOwned>(text: &str) -> Result<T, ()> {
    clear_checked();
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
pub(crate) fn read_with_path<T: DeserializeOwned>(text: &str) -> ReadError {
    clear_checked();
    let slot = Slot::tracking_path();
    let de = &mut serde_json::Deserializer::from_str(text);
    let result = T::deserialize(Strict::<_, true>::new(&mut *de, &slot));
    match result {
        Ok(_) => match de.end() {
            // The value read, but something follows it.
            Err(e) => ReadError::new(
                ".".to_owned(),
                JsonProblem::TrailingCharacters,
                e.line(),
                e.column(),
            ),
            Ok(()) => ReadError::new(
                ".".to_owned(),
                JsonProblem::Other {
                    message: "the document could not be read".to_owned(),
                },
                0,
                0,
            ),
        },
        Err(error) => ReadError::from_read_error(slot.error_path(), error, &slot),
    }
}

/// Reads a `T` strictly from a JSON value already in memory (a reform's override value), naming
/// the path within it of the field at fault. Errors have no line or column.
pub(crate) fn read_value<T: DeserializeOwned>(value: &serde_json::Value) -> Result<T, ReadError> {
    clear_checked();
    let slot = Slot::tracking_path();
    T::deserialize(Strict::<_, true>::new(value, &slot))
        .map_err(|error| ReadError::from_read_error(slot.error_path(), error, &slot))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::json::EXCERPT_CHARS;

    /// A key or value of 1,000 characters, and how an error quotes it.
    fn long() -> (String, String) {
        let long = "k".repeat(1000);
        let quoted = format!("{}…", "k".repeat(EXCERPT_CHARS - 1));
        (long, quoted)
    }

    /// Review: a second key in an enum's object was quoted whole.
    #[test]
    fn a_long_second_key_of_an_enum_is_quoted_as_an_excerpt() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        enum Choice {
            A(u8),
        }
        let (long, quoted) = long();
        let err = read::<Choice>(&format!(r#"{{"A": 1, "{long}": 2}}"#)).unwrap_err();
        assert_eq!(err.path, quoted);
        assert!(
            matches!(&*err.problem, JsonProblem::UnknownField { field, .. } if *field == quoted),
            "{err:?}"
        );
    }

    /// Review: a field written twice in an object of a struct that ignores unknown fields was
    /// quoted whole.
    #[test]
    fn a_long_field_written_twice_is_quoted_as_an_excerpt() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Open {
            a: u8,
        }
        let (long, quoted) = long();
        // (The quick reading leaves an unknown key to the struct, which ignores it; the careful
        // one, after a later error, finds the key written twice first.)
        let err = read::<Open>(&format!(r#"{{"{long}": 2, "{long}": 3, "a": "x"}}"#)).unwrap_err();
        assert_eq!(err.path, quoted);
        assert_eq!(*err.problem, JsonProblem::DuplicateField { field: quoted });
    }

    /// Review: a string handed over owned (as a `serde_json::Value` owned hands it) was quoted
    /// whole.
    #[test]
    fn a_long_owned_string_is_quoted_as_an_excerpt() {
        let (long, quoted) = long();
        let slot = Slot::tracking_path();
        let err = u8::deserialize(Strict::<_, true>::new(
            serde_json::Value::String(long),
            &slot,
        ))
        .unwrap_err();
        let err = ReadError::from_read_error(slot.error_path(), err, &slot);
        assert!(
            matches!(&*err.problem, JsonProblem::WrongType { found: Found::Str(found), .. }
                if *found == quoted),
            "{err:?}"
        );
    }
}
