//! Reading a case file so that every problem in it is found in one run.
//!
//! The file is read with the crate's strict reader (`json::from_str`), whose errors name the
//! JSON path and say `(line N, column M)`, like every other error of the crate. A strict reading
//! stops at the first problem, so the file is read in parts, each part from a copy of the file's
//! text where everything else is blanked (newlines kept), so that every line and column is the
//! file's own:
//!
//! - each element of `clauses` and of `expect`, one by one: a misspelt field in one expectation
//!   leaves the other expectations to run;
//! - the rest, as a [`Case`] whose `clauses` and `expect` are written `[]`; a top-level field it
//!   refuses is reported and left out, and the rest read again, until it reads; a required
//!   field that is missing is reported by name and given a stand-in value.
//!
//! Text that is not a JSON object at all is reported once, as the strict reader words it.

use std::collections::BTreeSet;
use std::fmt;

use serde::de::{DeserializeOwned, IgnoredAny};
use tianjin_disability_subsidies::json::{self, JsonProblem, ReadError};
use tianjin_disability_subsidies::{ClauseId, Month};
use tianjin_disability_subsidies_support::cases::{Case, MonthExpect, MonthRange};

/// A place in a case file: 1-based line and column (in bytes, as the crate's errors count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct At {
    pub line: usize,
    pub column: usize,
}

impl At {
    /// The place of the byte at `offset` in `text`.
    pub fn of(text: &str, offset: usize) -> At {
        let before = &text.as_bytes()[..offset.min(text.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        At {
            line: before.iter().filter(|&&b| b == b'\n').count() + 1,
            column: before.len() - line_start + 1,
        }
    }
}

/// The one position format of every message: the crate's own.
impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "(line {}, column {})", self.line, self.column)
    }
}

/// A problem found while reading: the line of the report, and where it is (to sort by).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadProblem {
    pub at: Option<At>,
    pub text: String,
}

impl ReadProblem {
    fn from_error(error: &ReadError) -> ReadProblem {
        let text = error.to_string();
        // The crate names the whole document "the whole record"; here it is the file, named
        // in the report's first line.
        let text = match text.strip_prefix("the whole record: ") {
            Some(rest) if error.path == "." => rest.to_owned(),
            _ => text,
        };
        ReadProblem {
            at: (error.line > 0).then_some(At {
                line: error.line,
                column: error.column,
            }),
            text,
        }
    }
}

/// Byte offsets `start..end` of a JSON value in the file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One `"key": value` of the top-level object.
#[derive(Debug, Clone)]
struct Member {
    key: String,
    key_start: usize,
    value: Span,
    /// The comma after the value, if one follows.
    comma: Option<usize>,
}

/// The top-level object: its braces and members, in the order written.
#[derive(Debug, Clone)]
struct Object {
    close: usize,
    members: Vec<Member>,
}

/// A case file read as far as it reads.
#[derive(Debug, Default)]
pub struct Reading {
    /// The case, its `clauses` and `expect` empty (they are below); none when it cannot be read.
    pub case: Option<Case>,
    /// The clauses that read, each with its index in `clauses` and its place.
    pub clauses: Vec<(usize, At, ClauseId)>,
    /// The expectations that read, each with its index in `expect` and its place.
    pub expects: Vec<(usize, At, MonthExpect)>,
    /// How many elements `expect` has, read or not.
    pub expect_len: usize,
    /// The months of the elements of `expect` that did not read, as far as they can be told.
    pub unread_months: Vec<Month>,
    /// The text of the facts, everything else blanked; none when there is no `facts`.
    pub facts: Option<String>,
    /// Every problem found, in the order of the file.
    pub problems: Vec<ReadProblem>,
    /// Where each top-level member's value starts (the first, for a key written twice).
    pub places: Vec<(String, At)>,
    /// The top-level members left out because they did not read (reported above).
    pub left_out: BTreeSet<String>,
}

impl Reading {
    /// Whether the top-level member `key` was written but left out because it did not read.
    pub fn left_out(&self, key: &str) -> bool {
        self.left_out.contains(key)
    }

    /// Where the value of the top-level member `key` starts.
    pub fn place(&self, key: &str) -> Option<At> {
        self.places
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, at)| *at)
    }
}

/// Reads a case file's text, finding every problem (see the module's doc).
pub fn read_case(text: &str) -> Reading {
    let mut reading = Reading::default();
    let Some(object) = object(text) else {
        // Not a JSON object: the strict reader says where and why.
        match json::from_str::<Case>(text) {
            Ok(case) => reading.case = Some(case),
            Err(error) => reading.problems.push(ReadProblem::from_error(&error)),
        }
        return reading;
    };
    reading.places = object
        .members
        .iter()
        .map(|m| (m.key.clone(), At::of(text, m.value.start)))
        .collect();
    let single = |key: &str| {
        let mut found = object
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.key == key);
        match (found.next(), found.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    };
    // `clauses` and `expect`, element by element; in the rest, written `[]`.
    let mut emptied = BTreeSet::new();
    if let Some((index, member)) = single("clauses") {
        if let Some(list) = read_elements::<ClauseId>(text, member, &mut reading.problems) {
            reading.clauses = list;
            emptied.insert(index);
        }
    }
    if let Some((index, member)) = single("expect") {
        if let Some(list) = read_elements::<MonthExpect>(text, member, &mut reading.problems) {
            let spans = elements(text, member.value).unwrap_or_default();
            reading.expect_len = spans.len();
            // The months of the expectations that did not read are still decided, for the
            // clauses they cite.
            let read: BTreeSet<usize> = list.iter().map(|(i, _, _)| *i).collect();
            reading.unread_months = spans
                .iter()
                .enumerate()
                .filter(|(i, _)| !read.contains(i))
                .flat_map(|(_, span)| months_of(&text[span.start..span.end]))
                .collect();
            reading.expects = list;
            emptied.insert(index);
        }
    }
    reading.facts = single("facts").map(|(_, m)| only(text, m.value));
    reading.case = read_rest(
        text,
        &object,
        &emptied,
        &mut reading.problems,
        &mut reading.left_out,
    );
    reading
        .problems
        .sort_by_key(|p| (p.at.is_none(), p.at.unwrap_or(At { line: 0, column: 0 })));
    reading
}

/// Reads the elements of an array member one by one; none when the member is not an array.
fn read_elements<T: DeserializeOwned>(
    text: &str,
    member: &Member,
    problems: &mut Vec<ReadProblem>,
) -> Option<Vec<(usize, At, T)>> {
    let spans = elements(text, member.value)?;
    let mut list = Vec::new();
    for (i, span) in spans.into_iter().enumerate() {
        let element = only(text, span);
        let place = |error: &mut ReadError| {
            error.path = if error.path == "." {
                format!("{}[{i}]", member.key)
            } else {
                format!("{}[{i}].{}", member.key, error.path)
            };
        };
        match json::from_str::<T>(&element) {
            Ok(value) => list.push((i, At::of(text, span.start), value)),
            Err(mut error) => {
                let retry = without_unknown_fields::<T>(&element, &error, problems, &place);
                place(&mut error);
                problems.push(ReadProblem::from_error(&error));
                // A misspelt field is left out, so that the element's other checks still run.
                if let Some(value) = retry {
                    list.push((i, At::of(text, span.start), value));
                }
            }
        }
    }
    Some(list)
}

/// The element `text`, whose reading gave `first` (an unknown field), read again with each unknown
/// field left out: the value, once the rest reads, with each further unknown field reported (by
/// its path; its position is that of the element read again, so none is given). None when a
/// problem other than an unknown field remains.
fn without_unknown_fields<T: DeserializeOwned>(
    text: &str,
    first: &ReadError,
    problems: &mut Vec<ReadProblem>,
    place: &dyn Fn(&mut ReadError),
) -> Option<T> {
    let mut value: serde_json::Value = serde_json::from_str(text).ok()?;
    let mut error = first.clone();
    for _ in 0..16 {
        let JsonProblem::UnknownField { field, .. } = &*error.problem else {
            return None;
        };
        remove_field(&mut value, &error.path, field)?;
        match json::from_value::<T>(&value) {
            Ok(read) => return Some(read),
            Err(mut next) => {
                if !matches!(&*next.problem, JsonProblem::UnknownField { .. }) {
                    place(&mut next);
                    problems.push(ReadProblem::from_error(&next));
                    return None;
                }
                let mut shown = next.clone();
                place(&mut shown);
                problems.push(ReadProblem::from_error(&shown));
                error = next;
            }
        }
    }
    None
}

/// Removes the member `field` at `path` (`living.amout`: the member `amout` of `living`).
fn remove_field(value: &mut serde_json::Value, path: &str, field: &str) -> Option<()> {
    let mut node = value;
    let parents: Vec<&str> = path.split('.').collect();
    for key in &parents[..parents.len().saturating_sub(1)] {
        node = node.get_mut(*key)?;
    }
    node.as_object_mut()?.remove(field).map(|_| ())
}

/// The `month` or `months` of an expectation that did not read, read leniently; none when they
/// cannot be told.
fn months_of(element: &str) -> Vec<Month> {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(element) else {
        return Vec::new();
    };
    let text = |key: &str| value.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    match (text("month"), text("months")) {
        (Some(month), None) => month.parse().map(|m| vec![m]).unwrap_or_default(),
        (None, Some(range)) => range
            .parse::<MonthRange>()
            .map(|r| r.first.through(r.last).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Stand-in values tried, in order, for a required field that is missing, so that the reading
/// goes on to the other fields.
const STAND_INS: [&str; 4] = ["[]", "\"\"", "{}", "null"];

/// Reads the case but for the members `emptied` (written `[]`): a member it refuses is reported
/// and left out, a required field missing is reported and stood in for, until it reads.
fn read_rest(
    text: &str,
    object: &Object,
    emptied: &BTreeSet<usize>,
    problems: &mut Vec<ReadProblem>,
    dropped_keys: &mut BTreeSet<String>,
) -> Option<Case> {
    let mut dropped: BTreeSet<usize> = BTreeSet::new();
    let mut stand_ins: Vec<(&'static str, &'static str)> = Vec::new();
    // Each round leaves out a member or stands in for a field: a bounded number of rounds.
    for _ in 0..=object.members.len() + STAND_INS.len() * 8 {
        let error = match json::from_str::<Case>(&rest(text, object, &dropped, emptied, &stand_ins))
        {
            Ok(case) => return Some(case),
            Err(error) => error,
        };
        if let JsonProblem::MissingField { field } = &*error.problem {
            if error.path == *field {
                if !dropped_keys.contains(*field) {
                    problems.push(ReadProblem::from_error(&error));
                }
                let fits = STAND_INS.iter().find(|value| {
                    let mut with = stand_ins.clone();
                    with.push((field, value));
                    match json::from_str::<Case>(&rest(text, object, &dropped, emptied, &with)) {
                        Ok(_) => true,
                        Err(next) => next.path != error.path,
                    }
                });
                match fits {
                    Some(value) => {
                        stand_ins.push((field, value));
                        continue;
                    }
                    None => return None,
                }
            }
        }
        problems.push(ReadProblem::from_error(&error));
        let at_fault: Vec<usize> = object
            .members
            .iter()
            .enumerate()
            .filter(|(i, m)| !dropped.contains(i) && is_under(&error.path, &m.key))
            .map(|(i, _)| i)
            .collect();
        if at_fault.is_empty() {
            return None;
        }
        for i in at_fault {
            dropped_keys.insert(object.members[i].key.clone());
            dropped.insert(i);
        }
    }
    None
}

/// Whether a JSON path is the top-level key `key` or inside it.
fn is_under(path: &str, key: &str) -> bool {
    path.strip_prefix(key)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// The file's text with the members `dropped` blanked, the values of `emptied` written `[]`,
/// and the `stand_ins` added at the end of the object; every kept byte where it was.
fn rest(
    text: &str,
    object: &Object,
    dropped: &BTreeSet<usize>,
    emptied: &BTreeSet<usize>,
    stand_ins: &[(&str, &str)],
) -> String {
    let bytes = text.as_bytes();
    let mut keep: Vec<bool> = vec![true; bytes.len()];
    let open = object.members.first().map_or(object.close, |m| m.key_start);
    keep[open..object.close].iter_mut().for_each(|k| *k = false);
    let kept: Vec<&Member> = object
        .members
        .iter()
        .enumerate()
        .filter(|(i, _)| !dropped.contains(i))
        .map(|(_, m)| m)
        .collect();
    for (n, member) in kept.iter().enumerate() {
        keep[member.key_start..member.value.end]
            .iter_mut()
            .for_each(|k| *k = true);
        if n + 1 < kept.len() {
            if let Some(comma) = member.comma {
                keep[comma] = true;
            }
        }
    }
    let mut out: Vec<u8> = bytes
        .iter()
        .zip(&keep)
        .map(|(&b, &k)| if k || b == b'\n' { b } else { b' ' })
        .collect();
    for (i, member) in object.members.iter().enumerate() {
        if emptied.contains(&i) && !dropped.contains(&i) {
            let Span { start, end } = member.value;
            for b in &mut out[start..end] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
            out[start] = b'[';
            out[start + 1] = b']';
        }
    }
    let mut added = String::new();
    for (n, (field, value)) in stand_ins.iter().enumerate() {
        if n > 0 || !kept.is_empty() {
            added.push(',');
        }
        added.push_str(&format!("{}: {value}", serde_json::Value::from(*field)));
    }
    out.splice(object.close..object.close, added.into_bytes());
    String::from_utf8_lossy(&out).into_owned()
}

/// `text` with everything but `span` blanked (newlines kept), so that the value keeps its lines
/// and columns.
pub fn only(text: &str, span: Span) -> String {
    let blanked = text
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            if (span.start..span.end).contains(&i) || b == b'\n' {
                b
            } else {
                b' '
            }
        })
        .collect();
    String::from_utf8(blanked).unwrap_or_default()
}

fn skip_whitespace(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// The JSON value that starts at `at` (no whitespace before it), and its length in bytes.
fn value_at<T: DeserializeOwned>(text: &str, at: usize) -> Option<(T, usize)> {
    let mut values = serde_json::Deserializer::from_str(text.get(at..)?).into_iter::<T>();
    let value = values.next()?.ok()?;
    Some((value, values.byte_offset()))
}

/// The top-level object of the text, its members found without reading their values; none
/// when the text does not start with a JSON object.
fn object(text: &str) -> Option<Object> {
    let bytes = text.as_bytes();
    let open = skip_whitespace(bytes, 0);
    if bytes.get(open) != Some(&b'{') {
        return None;
    }
    let mut members = Vec::new();
    let mut i = skip_whitespace(bytes, open + 1);
    if bytes.get(i) == Some(&b'}') {
        return Some(Object { close: i, members });
    }
    loop {
        let key_start = i;
        let (key, length) = value_at::<String>(text, i)?;
        i = skip_whitespace(bytes, i + length);
        if bytes.get(i) != Some(&b':') {
            return None;
        }
        let start = skip_whitespace(bytes, i + 1);
        let (IgnoredAny, length) = value_at::<IgnoredAny>(text, start)?;
        let value = Span {
            start,
            end: start + length,
        };
        i = skip_whitespace(bytes, value.end);
        match bytes.get(i) {
            Some(b',') => {
                members.push(Member {
                    key,
                    key_start,
                    value,
                    comma: Some(i),
                });
                i = skip_whitespace(bytes, i + 1);
            }
            Some(b'}') => {
                members.push(Member {
                    key,
                    key_start,
                    value,
                    comma: None,
                });
                return Some(Object { close: i, members });
            }
            _ => return None,
        }
    }
}

/// The elements of the array at `value`; none when it is not an array.
fn elements(text: &str, value: Span) -> Option<Vec<Span>> {
    let bytes = text.as_bytes();
    if bytes.get(value.start) != Some(&b'[') {
        return None;
    }
    let mut spans = Vec::new();
    let mut i = skip_whitespace(bytes, value.start + 1);
    if bytes.get(i) == Some(&b']') {
        return Some(spans);
    }
    loop {
        let (IgnoredAny, length) = value_at::<IgnoredAny>(text, i)?;
        spans.push(Span {
            start: i,
            end: i + length,
        });
        i = skip_whitespace(bytes, i + length);
        match bytes.get(i) {
            Some(b',') => i = skip_whitespace(bytes, i + 1),
            Some(b']') => return Some(spans),
            _ => return None,
        }
    }
}
