//! The JSON Schemas of the input formats: the committed copies in `schemas/` are what the types
//! generate, every bundled file and case file validates against its schema, and every value,
//! format and unit is described.

use std::path::{Path, PathBuf};

use serde_json::Value;
use tianjin_disability_subsidies::schema;

/// The crate's root, where every path below starts.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Each committed schema: its file under `schemas/` and the schema the types give.
fn schemas() -> Vec<(&'static str, Value)> {
    [
        ("resident.schema.json", schema::resident()),
        ("residents.schema.json", schema::residents()),
        ("policy.schema.json", schema::policy()),
        ("reform.schema.json", schema::reform()),
        (
            "case.schema.json",
            tianjin_disability_subsidies_support::cases::schema(),
        ),
    ]
    .into_iter()
    .map(|(name, schema)| (name, schema.to_value()))
    .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} (relative to the crate root): {e}",
            path.display()
        )
    })
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&read(path))
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// The committed schema of `name`, compiled.
fn validator(name: &str) -> jsonschema::Validator {
    let schema = json(&root().join("schemas").join(name));
    jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{name} is not a schema: {e}"))
}

/// Every problem `validator` finds in `value`, one line each.
fn problems(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_committed_schemas_are_what_the_types_generate() {
    let update = std::env::var("UPDATE_SCHEMAS").is_ok_and(|v| v == "1");
    let mut stale = Vec::new();
    for (name, schema) in schemas() {
        let path = root().join("schemas").join(name);
        let text = serde_json::to_string_pretty(&schema).expect("a schema writes") + "\n";
        if update {
            std::fs::write(&path, &text)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "out of date in schemas/: {stale:?}; run `UPDATE_SCHEMAS=1 cargo test schemas` and commit them"
    );
}

/// Every file of `dir` (relative to the crate root) with the extension `json`.
fn files(dir: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("cannot read {dir} (relative to the crate root): {e}"))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    out.sort();
    out
}

#[test]
fn every_bundled_file_validates_against_its_schema() {
    let mut failures = Vec::new();
    let mut check = |path: &Path, name: &str, value: &Value| {
        for problem in problems(&validator(name), value) {
            failures.push(format!("{}: {problem}", path.display()));
        }
    };
    let policy = root().join("data/tianjin-2023.json");
    check(&policy, "policy.schema.json", &json(&policy));
    let mut reforms = files("examples/data/reforms");
    reforms.extend(files("tests/cases/reforms"));
    assert!(reforms.len() >= 4, "{reforms:?}");
    for path in reforms {
        check(&path, "reform.schema.json", &json(&path));
    }
    let residents = root().join("examples/data/residents.json");
    check(&residents, "residents.schema.json", &json(&residents));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The bundled roster's lines: every line the crate accepts validates; the lines it refuses for
/// a value the schema can state (a grade of 5, a misspelt field) do not.
#[test]
fn the_roster_lines_validate_as_the_crate_reads_them() {
    let validator = validator("resident.schema.json");
    let roster = read(&root().join("examples/data/roster.jsonl"));
    let mut checked = 0;
    for (i, line) in roster.lines().enumerate() {
        let Ok(value) = serde_json::from_str::<Value>(line) else {
            continue; // Not JSON: no schema can say anything of it.
        };
        let schema_problems = problems(&validator, &value);
        match tianjin_disability_subsidies::Resident::from_json(line) {
            Ok(_) => assert!(
                schema_problems.is_empty(),
                "line {}: {schema_problems:?}",
                i + 1
            ),
            Err(e) if e.kind() == tianjin_disability_subsidies::error::ErrorKind::InvalidValue => {
                assert!(
                    !schema_problems.is_empty(),
                    "line {}: the schema accepts what the crate refuses: {e}",
                    i + 1
                )
            }
            Err(_) => {} // Facts that cannot be true together: beyond a schema.
        }
        checked += 1;
    }
    assert!(checked >= 300, "{checked}");
}

/// Every case file validates as a case, and its facts as a resident's, but for the facts of the
/// cases that expect an error; every case file names its schema.
#[test]
fn the_case_files_validate() {
    let resident = validator("resident.schema.json");
    let case_schema = validator("case.schema.json");
    let mut failures = Vec::new();
    let cases = files("tests/cases");
    assert!(cases.len() >= 30, "{}", cases.len());
    for path in cases {
        let case = json(&path);
        if case["$schema"] != "../../schemas/case.schema.json" {
            failures.push(format!("{}: names no schema", path.display()));
        }
        let facts_refused = case.get("expect_error").is_some();
        for problem in problems(&case_schema, &case) {
            if !(facts_refused && problem.starts_with("/facts")) {
                failures.push(format!("{}: {problem}", path.display()));
            }
        }
        if !facts_refused {
            for problem in problems(&resident, &case["facts"]) {
                failures.push(format!("{}: facts{problem}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every property, every named value and every definition of every schema is described.
#[test]
fn every_value_format_and_unit_is_described() {
    fn walk(node: &Value, at: String, out: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                // A named value of a choice is described; one that tells the variants of a
                // described object apart (`"kind": {"const": "dispersed"}`) is described by it.
                let discriminator = at.contains(".properties.");
                if map.contains_key("const") && !map.contains_key("description") && !discriminator {
                    out.push(format!("{at}: a value without a description"));
                }
                if map.contains_key("enum") && !map.contains_key("description") {
                    out.push(format!("{at}: values without a description"));
                }
                if let Some(Value::Object(properties)) = map.get("properties") {
                    // An externally tagged variant, `{"amounts": {…}}`, is described as a whole.
                    let tagged = properties.len() == 1 && map.contains_key("description");
                    for (name, property) in properties {
                        let described = tagged
                            || property.get("description").is_some()
                            || property.get("const").is_some()
                            || property.get("$ref").is_some();
                        if !described {
                            out.push(format!("{at}.properties.{name}: no description"));
                        }
                    }
                }
                for (key, value) in map {
                    walk(value, format!("{at}.{key}"), out);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{at}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let mut missing = Vec::new();
    for (name, schema) in schemas() {
        walk(&schema, name.to_owned(), &mut missing);
        if let Some(Value::Object(defs)) = schema.get("$defs") {
            for (def, node) in defs {
                if node.get("description").is_none() {
                    missing.push(format!("{name}: $defs.{def}: no description"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// An amount validates exactly when the crate reads it: up to its maximum, 10^12 yuan, and not a
/// fen more. The schema allowed thirteen digits, so `9999999999999` validated and was refused.
#[test]
fn an_amount_validates_as_the_crate_reads_it() {
    let resident = json(&root().join("schemas/resident.schema.json"));
    let money = serde_json::json!({ "$defs": resident["$defs"], "$ref": "#/$defs/Money" });
    let validator = jsonschema::validator_for(&money).expect("the Money schema compiles");
    for text in [
        "0",
        "300",
        "123.45",
        "0.1",
        "999999999999.99",
        "1000000000000",
        "1000000000000.0",
        "1000000000000.00",
        "001000000000000",
        "1000000000000.01",
        "1000000000001",
        "9999999999999",
        "10000000000000",
    ] {
        let value = Value::String(text.to_owned());
        let read = serde_json::from_value::<tianjin_disability_subsidies::Money>(value.clone());
        assert_eq!(
            validator.is_valid(&value),
            read.is_ok(),
            "{text}: the schema and the crate disagree ({read:?})"
        );
    }
    // The over-limit value the old pattern let through.
    assert!(!validator.is_valid(&Value::String("9999999999999".into())));
}
