//! Every error the crate gives in Chinese is Chinese (issue 12): `describe(Language::Chinese)` of
//! [`Error`] and of each small error type, and the rejected lines of a Chinese roster scan, say
//! nothing in English.
//!
//! # The checker
//!
//! [`latin_words`] splits a Chinese message into words and returns those in Latin letters that
//! stand where none may. A Latin-letter word may stand only
//!
//! 1. in a JSON path the error carries as data (its `path()`, and the other fact an overlap
//!    names): every occurrence of such a path, as a whole word, is taken out before the words
//!    are split;
//! 2. inside the quotes the Chinese text uses for what it quotes — values from the input, names
//!    the crate reads (`“living”（生活补贴）`), field and key names: `“…”`, `"…"` (a string as
//!    JSON writes it, `字符串"2024-02-30"`) and `` `…` `` (a field, `` 缺少字段`issued` ``), a
//!    backslash escaping the character after it. A quote that does not close fails the check:
//!    it would let a word through unseen;
//! 3. in [`WHITELIST`]: `JSON`, `UTF-8`, `YYYY-MM` and `YYYY-MM-DD`, the names of formats, which
//!    a Chinese text writes as they are (`月份应写作 YYYY-MM`): nothing else, and no word that has
//!    a Chinese one.
//!
//! A word is a run of Latin letters (ASCII, Latin-1 and Latin Extended, fullwidth), ASCII digits,
//! `-` and `_`; one without a Latin letter (`2023-08`) is not a Latin-letter word.
//!
//! # The sweep
//!
//! [`every_error_kind_in_chinese`] makes every kind of error deliberately, from real input
//! wherever the crate can be made to give it (every field of a resident given every other JSON
//! type, every enum an unknown name, every object an unknown, a missing and a repeated field, the
//! text cut and broken at every place; policies, reforms, months, amounts, roster lines), and by
//! constructing it otherwise; it checks each one and that each variant of each error type was
//! made. [`fuzz`] damages valid residents at random and checks whatever errors come out.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use serde_json::{json, Value};
use tianjin_disability_subsidies::error::{FactProblem, PolicyProblem, ReformProblem, Refusal};
use tianjin_disability_subsidies::facts::{CertificateNumber, CertificateNumberProblem, Grade};
use tianjin_disability_subsidies::json::{Expected, Found, JsonProblem, Shape, SyntaxProblem};
use tianjin_disability_subsidies::money::AmountError;
use tianjin_disability_subsidies::policy::{DibaoEdgeRate, Parameter};
use tianjin_disability_subsidies::{
    decision::FactRef, ClauseId, Error, Language, Money, Month, MonthDecision, Policy, Reform,
    Resident, RosterScan, ScanOptions, ScanRecord, TIANJIN_2023_JSON,
};

use tianjin_disability_subsidies_support::fixtures::{eligible, month, policy};

/// The names of formats a Chinese message writes in Latin letters, as they are: the JSON format,
/// the UTF-8 encoding, and the patterns of a month and a day.
const WHITELIST: [&str; 4] = ["JSON", "UTF-8", "YYYY-MM", "YYYY-MM-DD"];

/// A Latin letter: ASCII, Latin-1 and Latin Extended, fullwidth.
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
            && c.is_alphabetic())
}

/// A character of a word.
fn is_word(c: char) -> bool {
    is_latin(c) || c.is_ascii_digit() || c == '-' || c == '_'
}

/// The Latin-letter words of `text` that stand where none may (see the module's documentation),
/// or why the text cannot be checked (a quote that does not close). The text is read once, from
/// the start: at each place outside quotes, a path the error carries (the longest first) is passed
/// over whole where it stands as a word (not part of a longer path, and not followed by a quote:
/// a key may hold a quote mark), then a quote, then a word.
fn latin_words(text: &str, paths: &[String]) -> Result<Vec<String>, String> {
    let mut paths: Vec<&str> = paths
        .iter()
        .map(String::as_str)
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    paths.sort_by_key(|p| Reverse(p.len()));
    let mut found = Vec::new();
    let mut word = String::new();
    let mut flush = |word: &mut String| {
        if word.chars().any(is_latin) && !WHITELIST.contains(&word.as_str()) {
            found.push(word.clone());
        }
        word.clear();
    };
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        // A path, as a whole word.
        let starts_word = word.is_empty() && !text[..at].ends_with('.');
        let path = paths.iter().find(|p| {
            starts_word
                && text[at..].starts_with(**p)
                && !text[at + p.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| is_word(c) || ".[`\"“”,".contains(c))
        });
        if let Some(path) = path {
            at += path.len();
            continue;
        }
        at += c.len_utf8();
        let close = match c {
            '“' => '”',
            '"' => '"',
            '`' => '`',
            c if is_word(c) => {
                word.push(c);
                continue;
            }
            _ => {
                flush(&mut word);
                continue;
            }
        };
        flush(&mut word);
        let mut quoted = text[at..].chars();
        loop {
            match quoted.next() {
                None => return Err(format!("the quote {c} does not close")),
                Some('\\') => {
                    quoted.next();
                }
                Some(q) if q == close => break,
                Some(_) => {}
            }
        }
        at = text.len() - quoted.as_str().len();
    }
    flush(&mut word);
    Ok(found)
}

/// Fails, naming the message and the word, when `text` has a Latin-letter word where none may
/// stand, or has no Chinese at all.
#[track_caller]
fn check(text: &str, paths: &[String]) {
    match latin_words(text, paths) {
        Ok(words) => assert!(
            words.is_empty(),
            "English in a Chinese message: {words:?} in {text:?} (paths {paths:?})"
        ),
        Err(why) => panic!("{why}: {text:?}"),
    }
    assert!(
        text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
        "no Chinese in {text:?}"
    );
}

/// The JSON paths an error carries, as a message writes them (control characters escaped): its
/// own, and the other fact an overlap or a conflict names.
fn paths_of(err: &Error) -> Vec<String> {
    raw_paths(err)
        .iter()
        .map(|p| tianjin_disability_subsidies::report::printable(p).into_owned())
        .collect()
}

fn raw_paths(err: &Error) -> Vec<String> {
    let mut paths: Vec<String> = err.path().map(str::to_owned).into_iter().collect();
    if let Error::InvalidFact {
        problem:
            FactProblem::AssistanceOverlap { other }
            | FactProblem::HukouOverlap { other }
            | FactProblem::OrphanOverlap { other }
            | FactProblem::SameDayCertificates { other }
            | FactProblem::ConflictingChoices { other },
        ..
    } = err
    {
        paths.push(other.clone());
    }
    paths
}

/// Checks every Chinese text of `err`: with its position, without it, and in a line.
#[track_caller]
fn check_error(err: &Error) {
    let paths = paths_of(err);
    check(&err.describe(Language::Chinese), &paths);
    check(&err.describe_without_position(Language::Chinese), &paths);
    check(&err.describe_in_line(Language::Chinese), &paths);
}

/// The name of the variant `value`'s `Debug` starts with.
fn variant<T: std::fmt::Debug>(value: &T) -> String {
    format!("{value:?}")
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The variants of each error type made so far, as `Type::Variant`.
#[derive(Default)]
struct Seen(BTreeSet<String>);

impl Seen {
    fn add<T: std::fmt::Debug>(&mut self, ty: &str, value: &T) {
        self.0.insert(format!("{ty}::{}", variant(value)));
    }

    /// Checks `err` and notes what it is made of.
    #[track_caller]
    fn error(&mut self, err: &Error) {
        check_error(err);
        self.add("Error", err);
        match err {
            Error::Json { problem, .. } => self.json(problem),
            Error::InvalidFact { problem, .. } => self.fact(problem),
            Error::InvalidPolicy { problem, .. } => {
                check(&problem.describe(Language::Chinese), &[]);
                self.add("PolicyProblem", problem);
                match problem {
                    PolicyProblem::Reading { problem, .. } => self.json(problem),
                    PolicyProblem::Refused(refusal) => self.refusal(refusal),
                    _ => {}
                }
            }
            Error::InvalidReform { problem, .. } => {
                check(&problem.describe(Language::Chinese), &[]);
                self.add("ReformProblem", problem);
                match problem {
                    ReformProblem::Reading { problem, .. } => self.json(problem),
                    ReformProblem::Refused(refusal) => self.refusal(refusal),
                    _ => {}
                }
            }
            _ => {}
        }
    }

    fn fact(&mut self, problem: &FactProblem) {
        self.add("FactProblem", problem);
        if let FactProblem::CertificateNumber(number) = problem {
            self.number(number);
        } else {
            let paths = match problem {
                FactProblem::AssistanceOverlap { other }
                | FactProblem::HukouOverlap { other }
                | FactProblem::OrphanOverlap { other }
                | FactProblem::SameDayCertificates { other }
                | FactProblem::ConflictingChoices { other } => vec![other.clone()],
                _ => Vec::new(),
            };
            check(&problem.describe(Language::Chinese), &paths);
        }
    }

    fn number(&mut self, problem: &CertificateNumberProblem) {
        check(&problem.describe(Language::Chinese), &[]);
        self.add("CertificateNumberProblem", problem);
    }

    fn refusal(&mut self, refusal: &Refusal) {
        check(&refusal.describe(Language::Chinese), &[]);
        self.add("Refusal", refusal);
    }

    fn amount(&mut self, error: &AmountError) {
        check(&error.describe(Language::Chinese), &[]);
        self.add("AmountError", error);
        self.error(&Error::from(error.clone()));
    }

    /// Notes a reading problem (checked alone: it names no path).
    fn json(&mut self, problem: &JsonProblem) {
        check(&problem.describe(Language::Chinese), &[]);
        self.add("JsonProblem", problem);
        match problem {
            JsonProblem::Syntax { kind, .. } => self.add("SyntaxProblem", kind),
            JsonProblem::WrongType { found, expected }
            | JsonProblem::WrongValue { found, expected } => {
                self.add("Found", found);
                self.add("Shape", &expected.shape);
            }
            JsonProblem::WrongLength { expected, .. } => self.add("Shape", &expected.shape),
            _ => {}
        }
    }
}

/// Every variant the sweep must make, as `Type::Variant`.
fn every_variant() -> Vec<String> {
    let list: &[(&str, &[&str])] = &[
        (
            "Error",
            &[
                "Json",
                "InvalidFact",
                "InvalidMonth",
                "InvalidAmount",
                "AmountNotInFen",
                "AmountTooLarge",
                "MonthNotCovered",
                "EmptyRange",
                "RangeTooLong",
                "InvalidReform",
                "InvalidPolicy",
            ],
        ),
        (
            "FactProblem",
            &[
                "EndsBeforeStart",
                "ExpiresBeforeIssued",
                "WithdrawnBeforeIssued",
                "AssistanceOverlap",
                "HukouOverlap",
                "OrphanOverlap",
                "SameDayCertificates",
                "ConflictingChoices",
                "EmptyId",
                "TooLong",
                "NoSubsidy",
                "BackPayOutOfRange",
                "BackPayWithoutRenewal",
                "MissingWelfareBasis",
                "UnexpectedWelfareBasis",
                "CertificateNumber",
            ],
        ),
        (
            "PolicyProblem",
            &[
                "Reading",
                "NoValues",
                "StartsLate",
                "OutOfOrder",
                "NoSource",
                "Refused",
                "EndsBeforeStart",
                "CannotExclude",
                "MissingRelation",
            ],
        ),
        (
            "ReformProblem",
            &[
                "Reading",
                "EmptyName",
                "OutOfOrder",
                "NoSource",
                "NotCovered",
                "Refused",
            ],
        ),
        ("Refusal", &["TooManyBackPayMonths"]),
        (
            "CertificateNumberProblem",
            &[
                "WrongLength",
                "NotADigit",
                "CheckDigit",
                "BirthDate",
                "UnknownCategory",
                "UnknownGrade",
                "CategoryMismatch",
                "GradeMismatch",
            ],
        ),
        (
            "AmountError",
            &["Negative", "NotANumber", "TooLarge", "NotInFen"],
        ),
        (
            "JsonProblem",
            &[
                "Syntax",
                "TrailingCharacters",
                "WrongType",
                "WrongValue",
                "WrongLength",
                "UnknownField",
                "UnknownVariant",
                "MissingField",
                "DuplicateField",
                "DuplicateKey",
                "NotUtf8",
                "LineTooLong",
                "Other",
            ],
        ),
        (
            "SyntaxProblem",
            &[
                "EofInArray",
                "EofInObject",
                "EofInString",
                "EofInValue",
                "ExpectedColon",
                "ExpectedCommaOrArrayEnd",
                "ExpectedCommaOrObjectEnd",
                "ExpectedLiteral",
                "ExpectedValue",
                "ExpectedQuote",
                "InvalidEscape",
                "InvalidNumber",
                "NumberOutOfRange",
                "InvalidCodePoint",
                "ControlCharacter",
                "KeyNotString",
                "ExpectedNumericKey",
                "KeyNotFinite",
                "LoneLeadingSurrogate",
                "TrailingComma",
                "TrailingCharacters",
                "UnexpectedEndOfHexEscape",
                "TooDeep",
                "Unrecognised",
            ],
        ),
        (
            "Found",
            &[
                "Bool", "Unsigned", "Signed", "Float", "Str", "Null", "Array", "Object", "Other",
            ],
        ),
        (
            "Shape",
            &[
                "Any", "Bool", "Integer", "Number", "Str", "Char", "Null", "Array", "Object",
                "Map", "Choice", "Tuple",
            ],
        ),
    ];
    list.iter()
        .flat_map(|(ty, variants)| variants.iter().map(move |v| format!("{ty}::{v}")))
        .collect()
}

/// A resident with a value in every field the facts have, every section filled: valid.
fn full() -> Value {
    json!({
        "id": "P-1",
        "died_on": "2026-03-15",
        "hukou": [
            { "place": "tianjin", "from": "1960-05-01", "to": "2025-06-30" },
            { "place": "elsewhere", "from": "2025-07-01" }
        ],
        "certificates": [
            { "number": "12010119800101001242", "category": "physical", "grade": 2,
              "issued": "2019-02-01", "expires": "2024-01-31" },
            { "category": "multiple", "grade": 1, "issued": "2024-07-15",
              "withdrawn": { "how": "frozen", "on": "2025-09-01" } }
        ],
        "household_assistance": [
            { "kind": "dibao", "from": "2022-01-01", "to": "2024-03-15" },
            { "kind": "dibao_edge", "from": "2024-06-10" }
        ],
        "orphan_guarantee": [
            { "care": { "kind": "dispersed" }, "from": "1961-01-01", "to": "1962-01-01" },
            { "care": { "kind": "institution", "institution": "天津市儿童福利院",
                        "funded_for_care": false }, "from": "1963-01-01", "to": "1964-01-01" }
        ],
        "other_benefits": [
            { "kind": "welfare_living_allowance", "basis": "retired_veteran_cadre",
              "monthly_amount": "300", "status": "received", "from": "2023-01-01", "to": "2024-12-31" },
            { "kind": "elderly_care_nursing_subsidy", "monthly_amount": "200.5",
              "status": "qualified", "from": "2024-03-01" }
        ],
        "custody": [{ "kind": "prison", "from": "2025-01-10", "to": "2025-03-31" }],
        "applications": [
            { "subsidies": ["living", "nursing"], "submitted": "2023-09-12", "channel": "online" },
            { "subsidies": ["living"], "submitted": "2024-09-10",
              "follows_renewed_certificate": true, "back_pay_months": 3 }
        ],
        "choices": [{ "subsidy": "living", "keeps": "subsidy", "from": "2024-06-01" }],
        "notifications": [{ "delivered": "2024-01-05", "form": "phone_call",
            "office": { "body": "civil_affairs", "level": "district" }, "recipient": "person" }]
    })
}

/// The JSON pointer of every value in `value`, the document itself first.
fn pointers(value: &Value) -> Vec<String> {
    fn walk(value: &Value, at: String, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    walk(inner, format!("{at}/{key}"), out);
                }
            }
            Value::Array(items) => {
                for (i, inner) in items.iter().enumerate() {
                    walk(inner, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }
    let mut out = Vec::new();
    walk(value, String::new(), &mut out);
    out
}

/// Values of every JSON type, and strings that are wrong in many ways.
fn others() -> Vec<Value> {
    vec![
        json!(7),
        json!(-1),
        json!(300),
        json!(1.5),
        json!(1e300),
        json!(18446744073709551615_u64),
        json!("x"),
        json!(""),
        json!("2024-02-30"),
        json!("2024-13"),
        json!("10000000000000"),
        json!("1.234"),
        json!("-5"),
        json!("a\u{0}b\u{1f}"),
        json!("“q”`b`\"d\"\\"),
        json!(true),
        json!(null),
        json!([]),
        json!({}),
        json!([1, 2]),
        json!({ "a": 1 }),
    ]
}

/// Every way to break a document by one edit of its JSON: each value replaced by each of
/// [`others`], each object given an unknown field, each field removed, each field written twice.
fn edits(document: &Value) -> Vec<String> {
    let mut texts = Vec::new();
    for pointer in pointers(document) {
        for other in others() {
            let mut edited = document.clone();
            if let Some(place) = edited.pointer_mut(&pointer) {
                *place = other;
            }
            texts.push(edited.to_string());
        }
        let Some(Value::Object(map)) = document.pointer(&pointer) else {
            continue;
        };
        let mut edited = document.clone();
        if let Some(Value::Object(map)) = edited.pointer_mut(&pointer) {
            map.insert("zz_unknown".into(), json!(1));
        }
        texts.push(edited.to_string());
        for (key, value) in map {
            let mut edited = document.clone();
            if let Some(Value::Object(map)) = edited.pointer_mut(&pointer) {
                map.remove(key);
            }
            texts.push(edited.to_string());
            // The key written twice: a stand-in key, renamed in the text.
            let mut edited = document.clone();
            if let Some(Value::Object(map)) = edited.pointer_mut(&pointer) {
                map.insert("\u{1}twice".into(), value.clone());
            }
            let key = serde_json::to_string(key).expect("a key");
            texts.push(edited.to_string().replace("\"\\u0001twice\"", &key));
        }
    }
    texts
}

/// Every way to break a text by one character: cut at each place, each character deleted, and
/// characters that matter to JSON inserted at each place.
fn breaks(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut texts = Vec::new();
    for at in 0..=chars.len() {
        let (before, after) = chars.split_at(at);
        let before: String = before.iter().collect();
        let after: String = after.iter().collect();
        texts.push(before.clone());
        if let Some(rest) = after.get(after.chars().next().map_or(0, char::len_utf8)..) {
            texts.push(format!("{before}{rest}"));
        }
        for c in [
            '"', ',', '}', ']', '{', '[', ':', '\\', '\u{1}', 'x', '0', '-', '.',
        ] {
            texts.push(format!("{before}{c}{after}"));
        }
    }
    texts
}

/// `json` read as a resident, its error noted; whether it was refused.
fn resident(seen: &mut Seen, json: &str) -> bool {
    match Resident::from_json(json) {
        Ok(_) => false,
        Err(err) => {
            seen.error(&err);
            true
        }
    }
}

/// `json` read as a policy, its error noted.
fn policy_from(seen: &mut Seen, json: &str) {
    if let Err(err) = Policy::from_json(json) {
        seen.error(&err);
    }
}

/// The embedded policy edited.
fn policy_edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut policy: Value = serde_json::from_str(TIANJIN_2023_JSON).expect("the embedded policy");
    edit(&mut policy);
    policy.to_string()
}

/// `value` read as a `T` by the crate's reader, the error noted.
fn read<T: serde::de::DeserializeOwned>(seen: &mut Seen, text: &str) {
    if let Err(err) = tianjin_disability_subsidies::json::from_str::<T>(text) {
        // The paths the message may name: the reading's, and those of the error it converts
        // into (a value inside that failed its own checks names its own path).
        let error = Error::from(err.clone());
        let mut paths = paths_of(&error);
        paths.push(err.path.clone());
        check(&err.describe(Language::Chinese), &paths);
        seen.error(&error);
    }
}

#[test]
fn every_error_kind_in_chinese() {
    let mut seen = Seen::default();

    // Residents: every field of a full one given every other kind of value, every object an
    // unknown field, every field dropped and written twice.
    let full = full();
    assert!(
        Resident::from_json(&full.to_string()).is_ok(),
        "the full resident is valid"
    );
    let mut refused = 0;
    for text in edits(&full) {
        refused += usize::from(resident(&mut seen, &text));
    }
    assert!(refused > 1000, "only {refused} refused");

    // Every enum given a name it does not have: its names are glossed in Chinese.
    for pointer in pointers(&full) {
        if !full.pointer(&pointer).is_some_and(Value::is_string) {
            continue;
        }
        let mut edited = full.clone();
        if let Some(place) = edited.pointer_mut(&pointer) {
            *place = json!("x");
        }
        if let Err(err) = Resident::from_json(&edited.to_string()) {
            if let Error::Json { problem, .. } = &err {
                if let JsonProblem::UnknownVariant { expected, .. } = &**problem {
                    assert_glossed(&err.describe(Language::Chinese), expected);
                }
            }
        }
    }

    // The text cut and broken at every place.
    for text in breaks(&eligible().to_string()) {
        resident(&mut seen, &text);
    }
    let deep = format!(
        "{{\"id\": \"R\", \"custody\": {}{}}}",
        "[".repeat(200),
        "]".repeat(200)
    );
    for text in [
        "",
        "   ",
        "nul",
        "{\"id\": \"R\"} x",
        "{\"id\": \"R\",}",
        "{\"id\": tru}",
        "{\"id\": \"\\q\"}",
        "{\"id\": \"\\ud800\"}",
        "{\"id\": \"\\ud800\\u0041\"}",
        "{\"id\": \"R\", \"died_on\": 1e400}",
        "{\"id\": \"R\", \"died_on\": 01}",
        "{\"id\": \"R\" \"died_on\": 1}",
        "{\"id\": \"a\u{0}b\"}",
        "{1: 2}",
        &deep,
    ] {
        resident(&mut seen, text);
    }

    // Facts that read but cannot be true.
    let id17 = "12010119800101001";
    type Edit = Box<dyn Fn(&mut Value)>;
    let facts: Vec<Edit> = vec![
        Box::new(|f| f["id"] = json!("")),
        Box::new(|f| f["id"] = json!("编".repeat(201))),
        Box::new(|f| f["hukou"][0]["to"] = json!("1950-01-01")),
        Box::new(|f| f["certificates"][0]["expires"] = json!("2019-01-01")),
        Box::new(|f| {
            f["certificates"][0]["withdrawn"] = json!({ "how": "cancelled", "on": "2019-01-01" })
        }),
        Box::new(|f| {
            f["household_assistance"] = json!([{ "kind": "dibao", "from": "2022-01-01" },
                { "kind": "dibao_edge", "from": "2023-01-01" }])
        }),
        Box::new(|f| {
            f["hukou"] = json!([{ "place": "tianjin", "from": "1960-05-01" },
                { "place": "elsewhere", "from": "1970-01-01" }])
        }),
        Box::new(|f| {
            f["orphan_guarantee"] = json!([
                { "care": { "kind": "dispersed" }, "from": "2015-01-01" },
                { "care": { "kind": "dispersed" }, "from": "2016-01-01" }])
        }),
        Box::new(|f| {
            f["certificates"] = json!([
                { "category": "physical", "grade": 2, "issued": "2020-03-01" },
                { "category": "visual", "grade": 1, "issued": "2020-03-01" }])
        }),
        Box::new(|f| {
            f["choices"] = json!([
                { "subsidy": "living", "keeps": "subsidy", "from": "2024-01-01" },
                { "subsidy": "living", "keeps": "other_benefit", "from": "2024-01-01" }])
        }),
        Box::new(|f| f["applications"][0]["subsidies"] = json!([])),
        Box::new(|f| {
            f["applications"][0]["back_pay_months"] = json!(4);
            f["applications"][0]["follows_renewed_certificate"] = json!(true);
        }),
        Box::new(|f| f["applications"][0]["back_pay_months"] = json!(2)),
        Box::new(|f| {
            f["other_benefits"] = json!([{ "kind": "welfare_living_allowance",
                "monthly_amount": "300", "status": "received", "from": "2023-01-01" }])
        }),
        Box::new(|f| {
            f["other_benefits"] = json!([{ "kind": "advanced_age_allowance", "basis": "other",
                "monthly_amount": "300", "status": "received", "from": "2023-01-01" }])
        }),
    ];
    for edit in &facts {
        let mut f = eligible();
        edit(&mut f);
        assert!(resident(&mut seen, &f.to_string()), "{f}");
    }
    // Certificate numbers: each check.
    for number in [
        format!("{id17}2"),
        format!("{id17}2a2"),
        format!("{id17}042"),
        "12010119801301001X42".to_owned(),
        format!("{id17}282"),
        format!("{id17}245"),
        format!("{id17}212"),
        format!("{id17}241"),
    ] {
        let mut f = eligible();
        f["certificates"][0]["number"] = json!(number);
        resident(&mut seen, &f.to_string());
        if let Err(problem) = number.parse::<CertificateNumber>() {
            seen.number(&problem);
        }
    }

    // Policies: every field of the embedded one given another kind of value (a sample: every
    // pointer, three values), and each check.
    let embedded: Value = serde_json::from_str(TIANJIN_2023_JSON).expect("the embedded policy");
    for pointer in pointers(&embedded) {
        for other in [json!(7), json!("x"), json!([1, 2])] {
            let mut edited = embedded.clone();
            if let Some(place) = edited.pointer_mut(&pointer) {
                *place = other;
            }
            policy_from(&mut seen, &edited.to_string());
        }
    }
    for text in [
        policy_edited(|p| p["parameters"]["nursing_allowance"] = json!([])),
        policy_edited(|p| {
            p["parameters"]["nursing_allowance"] =
                json!([{ "from": "2024-01", "value": "220", "source": "s" }])
        }),
        policy_edited(|p| {
            p["parameters"]["nursing_allowance"] = json!([
                { "from": "2023-08", "value": "200", "source": "s" },
                { "from": "2023-08", "value": "220", "source": "s" }])
        }),
        policy_edited(|p| p["parameters"]["tie_break"][0]["source"] = json!("")),
        policy_edited(|p| p["parameters"]["max_renewal_back_pay_months"][0]["value"] = json!(9)),
        policy_edited(|p| p["covers"]["to"] = json!("2023-01")),
        policy_edited(|p| {
            p["benefit_relations"]["advanced_age_allowance"] = json!({ "relation": "excludes",
                "counts_when": "received", "clause": "stack.elderly" })
        }),
        policy_edited(|p| {
            if let Some(relations) = p["benefit_relations"].as_object_mut() {
                relations.remove("advanced_age_allowance");
            }
        }),
        policy_edited(|p| p["covers"]["from"] = json!("2023-13")),
        policy_edited(|p| {
            p["benefit_relations"]["advanced_age_allowance"]["relation"] = json!("x")
        }),
        policy_edited(|p| {
            p["parameters"]["dibao_edge_living_allowance"][0]["value"] =
                json!({ "amounts": { "grade_1_2": "1", "grade_3_4": "2" }, "x": 1 })
        }),
        TIANJIN_2023_JSON.replacen("{", "[", 1),
        TIANJIN_2023_JSON
            .chars()
            .take(TIANJIN_2023_JSON.chars().count() / 2)
            .collect(),
        TIANJIN_2023_JSON.replacen("\"name\"", "\"name\": \"a\", \"name\"", 1),
    ] {
        policy_from(&mut seen, &text);
    }

    // Reforms: each check, and a value of the wrong kind for each parameter.
    let reform = |overrides: Value| json!({ "name": "r", "overrides": overrides }).to_string();
    let one = |parameter: &str, from: &str, value: Value, source: &str| json!({ "parameter": parameter, "from": from, "value": value, "source": source });
    let mut reforms = vec![
        json!({ "name": " ", "overrides": [] }).to_string(),
        reform(json!([
            one("nursing_allowance", "2025-01", json!("230"), "s"),
            one("nursing_allowance", "2024-01", json!("220"), "s")
        ])),
        reform(json!([one(
            "nursing_allowance",
            "2025-01",
            json!("230"),
            " "
        )])),
        reform(json!([one(
            "max_renewal_back_pay_months",
            "2025-01",
            json!(9),
            "s"
        )])),
        reform(json!([one("living.amount", "2025-01", json!("230"), "s")])),
        reform(json!([one(
            "nursing_allowance",
            "2025-13",
            json!("230"),
            "s"
        )])),
        "{\"name\": \"r\", \"overrides\": [".to_owned(),
        json!({ "name": "r" }).to_string(),
        json!({ "name": "r", "overrides": [], "x": 1 }).to_string(),
    ];
    for parameter in Parameter::NAMES {
        for value in [
            json!("x"),
            json!(7),
            json!([1]),
            json!({ "x": 1 }),
            json!(null),
        ] {
            reforms.push(reform(json!([one(parameter, "2025-01", value, "s")])));
        }
    }
    for text in &reforms {
        if let Err(err) = Reform::from_json(text) {
            seen.error(&err);
        }
    }
    let early = Reform::from_json(&reform(json!([one(
        "nursing_allowance",
        "2020-01",
        json!("230"),
        "s"
    )])))
    .expect("reads");
    seen.error(&early.apply(policy()).expect_err("not covered"));

    // Months, amounts, ranges, grades, clauses, fact references, parameters, languages.
    for text in ["2024-13", "x", "2024/01", "99999-01", "“2024”\u{1}"] {
        let err = text.parse::<Month>().expect_err(text);
        check(&err.describe(Language::Chinese), &[]);
        seen.error(&Error::from(err));
    }
    for text in ["-5", "x", "1e30", "10000000000000", "1.234", "\u{0}"] {
        seen.amount(&text.parse::<Money>().expect_err(text));
    }
    let r = Resident::from_json(&eligible().to_string()).expect("valid");
    seen.error(&policy().decide(&r, month("2023-07")).expect_err("before"));
    seen.error(
        &policy()
            .schedule(&r, month("2024-05"), month("2024-04"))
            .expect_err("empty"),
    );
    seen.error(
        &policy()
            .schedule(&r, month("2023-08"), month("2123-08"))
            .expect_err("long"),
    );
    check(
        &Grade::try_from(5)
            .expect_err("no grade 5")
            .describe(Language::Chinese),
        &[],
    );
    for (text, err) in [
        (
            "x",
            "x".parse::<ClauseId>()
                .expect_err("x")
                .describe(Language::Chinese),
        ),
        (
            "x",
            "x".parse::<FactRef>()
                .expect_err("x")
                .describe(Language::Chinese),
        ),
        (
            "x",
            "x".parse::<Parameter>()
                .expect_err("x")
                .describe(Language::Chinese),
        ),
        (
            "fr",
            "fr".parse::<Language>()
                .expect_err("fr")
                .describe(Language::Chinese),
        ),
    ] {
        check(&err, &[]);
        assert!(err.contains(&format!("“{text}”")), "{err}");
    }

    // The crate's reader on types of its callers' own: tuples and arrays of a fixed length,
    // characters, numbers, maps with numeric keys, enums with content, policies read by serde,
    // decisions.
    read::<[u8; 2]>(&mut seen, "[1]");
    read::<[u8; 2]>(&mut seen, "[1, 2, 3]");
    read::<(u8, String)>(&mut seen, "[1]");
    read::<(u8, String)>(&mut seen, "[1, 2]");
    read::<char>(&mut seen, "\"ab\"");
    read::<f64>(&mut seen, "\"x\"");
    read::<bool>(&mut seen, "1");
    read::<()>(&mut seen, "1");
    read::<BTreeMap<String, u8>>(&mut seen, "[]");
    read::<BTreeMap<String, u8>>(&mut seen, "{\"a\": 1, \"a\": 2}");
    read::<BTreeMap<u8, u8>>(&mut seen, "{\"1\": 300}");
    read::<BTreeMap<u8, u8>>(&mut seen, "{\"a\": 1}");
    read::<BTreeMap<u8, u8>>(&mut seen, "{\"1x\": 1}");
    read::<DibaoEdgeRate>(&mut seen, "\"amounts\"");
    read::<DibaoEdgeRate>(&mut seen, "{}");
    read::<DibaoEdgeRate>(&mut seen, "{\"same_as_dibao\": 1}");
    read::<DibaoEdgeRate>(&mut seen, "{\"amounts\": [1, 2]}");
    read::<DibaoEdgeRate>(&mut seen, "7");
    read::<Policy>(
        &mut seen,
        &policy_edited(|p| p["covers"]["to"] = json!("2023-01")),
    );
    read::<MonthDecision>(&mut seen, "{}");
    read::<Vec<ScanRecord>>(&mut seen, "[{\"record\": \"x\"}]");
    read::<Value>(
        &mut seen,
        &format!("{}{}", "[".repeat(200), "]".repeat(200)),
    );
    if let Err(err) = tianjin_disability_subsidies::json::from_value::<[u8; 1]>(&json!([1, 2])) {
        seen.error(&Error::from(err));
    }

    // What the crate cannot be made to give from text: a syntax problem serde_json words in a
    // way the crate does not know, makes only from bytes or when writing, or only where the
    // crate's careful reading does not let it (text after a tuple's values); a value serde
    // describes in its own words; a position that asked for any value.
    for kind in [
        SyntaxProblem::TrailingCharacters,
        SyntaxProblem::Unrecognised,
        SyntaxProblem::KeyNotFinite,
        SyntaxProblem::InvalidCodePoint,
    ] {
        seen.error(&json_error(JsonProblem::Syntax {
            kind,
            message: "a message in English".into(),
        }));
    }
    for (found, shape) in [
        (Found::Other("bytes".into()), Shape::Any),
        (Found::Signed(-1), Shape::Choice(&[])),
        (Found::Float("1.5".into()), Shape::Tuple { len: 2 }),
    ] {
        seen.error(&json_error(JsonProblem::WrongType {
            found,
            expected: Expected {
                said: "something".into(),
                shape,
            },
        }));
    }
    seen.error(&json_error(JsonProblem::UnknownVariant {
        variant: "x".into(),
        expected: &[],
    }));
    seen.error(&json_error(JsonProblem::Other {
        message: "an English message".into(),
    }));
    // Amounts as a caller may make them.
    for found in ["1e30", "NaN", "12.345", "“1”"] {
        seen.error(&Error::AmountTooLarge {
            found: found.into(),
            max: Money::MAX,
        });
        seen.error(&Error::AmountNotInFen {
            found: found.into(),
        });
        seen.error(&Error::InvalidAmount {
            found: found.into(),
        });
    }

    // Roster lines in Chinese: as the resident's own error says, and lines that do not read.
    let mut lines: Vec<Vec<u8>> = breaks(&eligible().to_string())
        .into_iter()
        .step_by(7)
        .map(String::into_bytes)
        .collect();
    lines.push(b"{\"id\": \"R\xff\"}".to_vec());
    lines.push(vec![b' '; 1_100_000]);
    lines.push(full.to_string().into_bytes());
    let roster = lines.join(&b'\n');
    let options = ScanOptions::new(month("2025-06")).with_language(Language::Chinese);
    let scan = RosterScan::new(policy(), options).expect("covered");
    let mut rejected = 0;
    scan.scan(roster.as_slice(), |record| {
        if let ScanRecord::Rejected { line, error } = record {
            rejected += 1;
            let paths = std::str::from_utf8(&lines[line - 1])
                .ok()
                .and_then(|text| Resident::from_json(text.trim()).err())
                .map(|err| paths_of(&err))
                .unwrap_or_default();
            check(&error, &paths);
        }
    })
    .expect("reads from memory");
    assert!(rejected > 100, "only {rejected} rejected");
    // The same lines through the JSON Lines reader: a line that is not text is data too.
    let mut reader = tianjin_disability_subsidies::json::JsonLines::new(roster.as_slice());
    while let Some(line) = reader.next_line().expect("reads from memory") {
        if let tianjin_disability_subsidies::json::Line::Unreadable { problem, .. } = line {
            check(&problem.describe(Language::Chinese), &[]);
            seen.json(&problem);
        }
    }

    let missing: Vec<String> = every_variant()
        .into_iter()
        .filter(|v| !seen.0.contains(v))
        .collect();
    assert!(missing.is_empty(), "never made: {missing:?}");
}

/// A reading error with `problem`, at a path, with a position.
fn json_error(problem: JsonProblem) -> Error {
    Error::Json {
        path: "certificates[0].grade".into(),
        problem: Box::new(problem),
        line: 2,
        column: 7,
    }
}

/// Every ASCII name of `expected` in `text` is followed by its Chinese gloss.
#[track_caller]
fn assert_glossed(text: &str, expected: &[&str]) {
    for name in expected.iter().filter(|n| n.is_ascii()) {
        assert!(
            text.contains(&format!("“{name}”（")),
            "{name} without its gloss in {text}"
        );
    }
}

/// The Chinese texts the sweep found English in, and the texts they are now.
#[test]
fn the_known_leaks_read_in_chinese() {
    let err = Resident::from_json(
        &json!({ "id": "R", "certificates": [{ "category": "visual", "grade": 1,
            "issued": "2020-01-01", "withdrawn": { "how": "canceled", "on": "2021-01-01" } }] })
        .to_string(),
    )
    .expect_err("canceled");
    assert_eq!(
        err.describe_without_position(Language::Chinese),
        "certificates[0].withdrawn.how：填写有误：未知取值“canceled”，应为“cancelled”（注销）或\
         “frozen”（冻结）"
    );
    let err = Resident::from_json(r#"{"id": "R", "hukou": [{"place": 7, "from": "2020-01-01"}]}"#)
        .expect_err("7");
    assert_eq!(
        err.describe_without_position(Language::Chinese),
        "hukou[0].place：填写有误：应为以下之一：“tianjin”（天津）、“天津”、“elsewhere”（外地），\
         实为整数`7`"
    );
    let err = Resident::from_json("{\"id\": \"R\", \"hukou\": [{\"place\": \"a\u{1}\"}]}")
        .expect_err("control");
    assert_eq!(
        err.describe(Language::Chinese),
        "hukou[0].place：填写有误：JSON 格式有误：字符串中有未转义的控制字符（如换行符、制表符），\
         应写作转义序列（第1行，第35列）"
    );
    let err = Resident::from_json(r#"{"id": "R",}"#).expect_err("comma");
    assert_eq!(
        err.describe(Language::Chinese),
        "整条记录：填写有误：JSON 格式有误：最后一个值之后多了逗号（第1行，第12列）"
    );
    let err = "10000000000000".parse::<Money>().expect_err("too large");
    assert_eq!(
        err.describe(Language::Chinese),
        "金额至多1000000000000元，实为10000000000000元"
    );
    let err =
        tianjin_disability_subsidies::json::from_str::<[u8; 2]>("[1, 2, 3]").expect_err("three");
    assert_eq!(
        err.describe(Language::Chinese),
        "整条记录：填写有误：数组应有2项，实有3项（第1行，第9列）"
    );
    assert_eq!(
        err.to_string(),
        "the whole record: invalid length 3, expected an array of length 2 (line 1, column 9)"
    );
    let err = "fr".parse::<Language>().expect_err("fr");
    assert_eq!(
        err.describe(Language::Chinese),
        "语言应为“zh”（中文）或“en”（英文），实为“fr”"
    );
}

/// The checker itself: what it lets through and what it stops.
#[test]
fn the_checker_stops_english_and_only_english() {
    let ok = |text: &str, paths: &[&str]| {
        let paths: Vec<String> = paths.iter().map(|p| (*p).to_owned()).collect();
        latin_words(text, &paths)
    };
    assert_eq!(
        ok(
            "hukou[0].place：填写有误：未知取值“beijing”",
            &["hukou[0].place"]
        ),
        Ok(vec![])
    );
    assert_eq!(ok("月份应写作 YYYY-MM，实为“x”", &[]), Ok(vec![]));
    assert_eq!(ok("应为字符串，实为字符串\"a\\\"b c\"", &[]), Ok(vec![]));
    assert_eq!(
        ok("id：unknown field `idx`", &["id"]),
        Ok(vec!["unknown".to_owned(), "field".to_owned()])
    );
    // A path counts only as a whole word.
    assert_eq!(
        ok("invalid：x", &["id"]),
        Ok(vec!["invalid".into(), "x".into()])
    );
    assert_eq!(
        ok("政策 tianjin-2023 适用", &[]),
        Ok(vec!["tianjin-2023".into()])
    );
    assert!(ok("未知取值“x", &[]).is_err());
    assert_eq!(ok("１ＭｉＢ", &[]), Ok(vec!["ＭｉＢ".into()]));
}

/// A damaged resident: valid JSON lines from the bundled roster and hand-made ones, each damaged
/// once or twice by a character deleted, inserted or replaced, a value swapped for one of
/// another JSON type, a key written twice, or the text cut short.
mod fuzz {
    use super::*;

    /// The lines damaged: the first of the bundled roster, and hand-made ones.
    fn lines() -> Vec<String> {
        let bundled = include_str!("../examples/data/roster.jsonl");
        let mut lines: Vec<String> = bundled.lines().take(6).map(str::to_owned).collect();
        lines.push(eligible().to_string());
        lines.push(full().to_string());
        lines
    }

    #[derive(Debug, Clone)]
    enum Damage {
        Delete(usize, usize),
        Insert(usize, char),
        Replace(usize, char),
        Swap(usize, usize),
        Twice(usize),
        Cut(usize),
    }

    fn damage() -> impl Strategy<Value = Damage> {
        let c = prop_oneof![
            prop::sample::select(vec![
                '"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', '\u{0}', '\u{1f}', '”', '“',
                '`', 'e', '-', '.', '0', '9', 'x', '天', '\u{feff}',
            ]),
            any::<char>(),
        ];
        prop_oneof![
            (any::<usize>(), 1usize..4).prop_map(|(at, n)| Damage::Delete(at, n)),
            (any::<usize>(), c.clone()).prop_map(|(at, c)| Damage::Insert(at, c)),
            (any::<usize>(), c).prop_map(|(at, c)| Damage::Replace(at, c)),
            (any::<usize>(), any::<usize>()).prop_map(|(at, v)| Damage::Swap(at, v)),
            any::<usize>().prop_map(Damage::Twice),
            any::<usize>().prop_map(Damage::Cut),
        ]
    }

    fn apply(text: &str, damage: &Damage) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        let place = |at: usize, len: usize| if len == 0 { 0 } else { at % len };
        match *damage {
            Damage::Delete(at, n) => {
                let at = place(at, chars.len());
                let end = (at + n).min(chars.len());
                chars.drain(at..end);
            }
            Damage::Insert(at, c) => {
                let at = place(at, chars.len() + 1);
                chars.insert(at, c);
            }
            Damage::Replace(at, c) => {
                if !chars.is_empty() {
                    let at = place(at, chars.len());
                    chars[at] = c;
                }
            }
            Damage::Swap(at, v) => {
                let Ok(mut value) = serde_json::from_str::<Value>(text) else {
                    return text.to_owned();
                };
                let all = pointers(&value);
                let pointer = &all[place(at, all.len())];
                let others = others();
                if let Some(place_) = value.pointer_mut(pointer) {
                    *place_ = others[place(v, others.len())].clone();
                }
                return value.to_string();
            }
            Damage::Twice(at) => {
                let Ok(mut value) = serde_json::from_str::<Value>(text) else {
                    return text.to_owned();
                };
                let objects: Vec<String> = pointers(&value)
                    .into_iter()
                    .filter(|p| value.pointer(p).is_some_and(Value::is_object))
                    .collect();
                let Some(pointer) = objects.get(place(at, objects.len())) else {
                    return text.to_owned();
                };
                let Some(Value::Object(map)) = value.pointer_mut(pointer) else {
                    return text.to_owned();
                };
                let Some((key, inner)) = map.iter().next().map(|(k, v)| (k.clone(), v.clone()))
                else {
                    return text.to_owned();
                };
                map.insert("\u{1}twice".into(), inner);
                let key = serde_json::to_string(&key).unwrap_or_default();
                return value.to_string().replace("\"\\u0001twice\"", &key);
            }
            Damage::Cut(at) => chars.truncate(place(at, chars.len() + 1)),
        }
        chars.into_iter().collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(FUZZ_CASES))]

        /// Whatever the damage, a refused resident's Chinese message is Chinese, and so is the
        /// rejected line of a Chinese roster scan.
        #[test]
        fn a_damaged_resident_is_refused_in_chinese(
            line in 0usize..8,
            first in damage(),
            second in prop::option::of(damage()),
        ) {
            let lines = lines();
            let text = apply(&lines[line % lines.len()], &first);
            let text = match &second {
                Some(damage) => apply(&text, damage),
                None => text,
            };
            if let Err(err) = Resident::from_json(&text) {
                check_error(&err);
                if let Error::Json { problem, .. } = &err {
                    check(&problem.describe(Language::Chinese), &[]);
                }
                // The scan reads the line trimmed, without a byte-order mark.
                let scanned = text.strip_prefix('\u{feff}').unwrap_or(&text).trim();
                let paths = Resident::from_json(scanned)
                    .err()
                    .map(|err| paths_of(&err))
                    .unwrap_or_default();
                let options = ScanOptions::new(month("2025-06")).with_language(Language::Chinese);
                let mut scan = RosterScan::new(policy(), options).expect("covered");
                let mut records = Vec::new();
                scan.line(&text, &mut |record| records.push(record));
                for record in records {
                    if let ScanRecord::Rejected { error, .. } = record {
                        check(&error, &paths);
                    }
                }
            }
        }
    }
}

/// How many damaged residents [`fuzz`] checks: a few seconds in a debug build.
const FUZZ_CASES: u32 = 2000;
