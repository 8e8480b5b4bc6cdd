//! JSON Schemas of the crate's input formats, generated from the types (feature `schema`): a
//! resident's facts (one roster line), an array of them, a policy file and a reform file.
//!
//! The committed copies are in `schemas/`, where the bundled files name them with `"$schema"`
//! so that an editor completes and checks them; a test fails when a committed copy is out of
//! date (`UPDATE_SCHEMAS=1 cargo test schemas` writes them anew). The formats whose serde
//! reading is written by hand (amounts, months, grades, an orphan's care, a reform's override,
//! clause ids, parameter names) get their schema by hand, here, beside the rules they state.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::clauses::ClauseId;
use crate::facts::{Facts, Grade, OrphanCare, MAX_TEXT_CHARS};
use crate::money::Money;
use crate::month::Month;
use crate::policy::{Parameter, Policy};
use crate::reform::{Override, Reform};

/// The schema of one resident's facts: a JSON object, as `Resident::from_json` reads it and as
/// each line of a roster holds it.
pub fn resident() -> Schema {
    titled::<Facts>(
        "A resident's facts",
        "One resident's facts, as the Tianjin disability subsidies engine reads them (one line of a roster).",
    )
}

/// The schema of an array of residents' facts (the `decide` example's input).
pub fn residents() -> Schema {
    titled::<Vec<Facts>>(
        "Residents' facts",
        "An array of residents' facts, each as a resident's facts schema says.",
    )
}

/// The schema of a policy file (`data/tianjin-2023.json` and its variants).
pub fn policy() -> Schema {
    titled::<Policy>(
        "A policy file",
        "A policy version: the months it governs, its dated parameters with their sources, and how every other benefit relates to the subsidies.",
    )
}

/// The schema of a reform file (`examples/data/reforms/*.json`).
pub fn reform() -> Schema {
    titled::<Reform>(
        "A reform file",
        "A what-if reform: dated overrides of a base policy's parameters, each with its source.",
    )
}

fn titled<T: JsonSchema>(title: &str, description: &str) -> Schema {
    let mut schema = SchemaGenerator::default().into_root_schema_for::<T>();
    schema.insert("title".into(), title.into());
    schema.insert("description".into(), description.into());
    schema
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An amount in yuan (元), exact to the fen (分): a string of digits with at most two decimals, e.g. \"300\" or \"123.45\", or a whole number; never negative, at most 1000000000000.",
            "oneOf": [
                { "type": "string", "pattern": "^0*([0-9]{1,12}(\\.[0-9]{1,2})?|1000000000000(\\.0{1,2})?)$" },
                { "type": "integer", "minimum": 0, "maximum": 1_000_000_000_000u64 }
            ]
        })
    }
}

impl JsonSchema for Month {
    fn schema_name() -> Cow<'static, str> {
        "Month".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A calendar month, YYYY-MM, e.g. \"2024-03\".",
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"
        })
    }
}

impl JsonSchema for Grade {
    fn schema_name() -> Cow<'static, str> {
        "Grade".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The disability grade of the certificate: 1 (the most severe) to 4. Grades 1 and 2 are severe (重度).",
            "type": "integer",
            "minimum": 1,
            "maximum": 4
        })
    }
}

impl JsonSchema for OrphanCare {
    fn schema_name() -> Cow<'static, str> {
        "OrphanCare".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "How an orphan is raised.",
            "oneOf": [
                {
                    "description": "散居: raised in a family.",
                    "type": "object",
                    "properties": { "kind": { "const": "dispersed" } },
                    "required": ["kind"],
                    "additionalProperties": false
                },
                {
                    "description": "机构集中养育: raised in a child welfare institution, which is the nursing allowance's payee.",
                    "type": "object",
                    "properties": {
                        "kind": { "const": "institution" },
                        "institution": {
                            "description": "The institution's name.",
                            "type": "string",
                            "minLength": 1,
                            "maxLength": MAX_TEXT_CHARS
                        },
                        "funded_for_care": {
                            "description": "Whether the institution is already funded for the child's care (已纳入相关照料护理类补贴资金保障范围).",
                            "type": "boolean"
                        }
                    },
                    "required": ["kind", "institution", "funded_for_care"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl JsonSchema for ClauseId {
    fn schema_name() -> Cow<'static, str> {
        "ClauseId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let ids: Vec<serde_json::Value> = ClauseId::ALL
            .iter()
            .map(|c| {
                serde_json::json!({ "const": c.id(), "description": format!("{} ({})", c.gloss_en(), c.text_zh()) })
            })
            .collect();
        json_schema!({
            "description": "A clause of the policy or a reading the crate adopts, by its stable id (docs/policy/CLAUSES.md).",
            "type": "string",
            "oneOf": ids
        })
    }
}

impl JsonSchema for Parameter {
    fn schema_name() -> Cow<'static, str> {
        "Parameter".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let names: Vec<serde_json::Value> = Parameter::ALL
            .iter()
            .map(|p| serde_json::json!({ "const": p.name(), "description": format!("{} ({})", p.name_en(), p.name_zh()) }))
            .collect();
        json_schema!({
            "description": "A parameter of the policy, by its name in the policy file.",
            "type": "string",
            "oneOf": names
        })
    }
}

impl JsonSchema for Override {
    fn schema_name() -> Cow<'static, str> {
        "Override".into()
    }

    /// One override: for each parameter, its name and a value of its own type.
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let month = generator.subschema_for::<Month>();
        let choices: Vec<serde_json::Value> = crate::policy::value_schemas(generator)
            .into_iter()
            .map(|(parameter, mut value)| {
                if value.get("description").is_none() && value.get("$ref").is_none() {
                    value.insert(
                        "description".into(),
                        format!("The new value: {}.", parameter.name_en()).into(),
                    );
                }
                serde_json::json!({
                    "description": format!("{} ({})", parameter.name_en(), parameter.name_zh()),
                    "type": "object",
                    "properties": {
                        "parameter": { "const": parameter.name() },
                        "from": month,
                        "value": value,
                        "source": { "description": "Where the new value comes from.", "type": "string", "minLength": 1 }
                    },
                    "required": ["parameter", "from", "value", "source"],
                    "additionalProperties": false
                })
            })
            .collect();
        json_schema!({
            "description": "A parameter's new value from a month on; it replaces every value of the base policy from that month.",
            "oneOf": choices
        })
    }
}
