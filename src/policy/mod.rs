//! The dated policy: amounts, switches and how other benefits relate to the subsidies, as data.
//!
//! The Tianjin 2023 policy ships embedded ([`Policy::tianjin_2023`]); an analyst can load a
//! variant with [`Policy::from_json`]. Every amount and switch is a dated value
//! `{from, value, source}`, valid until the next one starts (clause `in_force`, reading `amounts`).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::clauses::ClauseId;
use crate::error::{Error, PolicyProblem};
use crate::facts::{BenefitKind, BenefitStatus, Subsidy};

mod parameters;

pub use crate::month::Coverage;
use crate::month::Month;
#[cfg(feature = "schema")]
pub(crate) use parameters::value_schemas;
pub(crate) use parameters::ValueProblem;
pub use parameters::{
    CategoryGrade, Dated, DatedValue, DibaoEdgeRate, Parameter, Parameters, StopTiming, TieBreak,
    UnknownParameter, ValueView,
};

/// The embedded Tianjin 2023 policy data.
pub const TIANJIN_2023_JSON: &str = include_str!("../../data/tianjin-2023.json");

/// One policy version: the months it covers, its dated parameters and the relations of other
/// benefits to the subsidies. Loaded once, shared freely (`Send + Sync`), never changed.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::{Month, Policy};
///
/// let policy = Policy::tianjin_2023();
/// let nursing = policy.parameters().nursing_allowance.at(Month::new(2024, 1)?).unwrap();
/// assert_eq!(nursing.value.to_string(), "200");
/// assert_eq!(nursing.from.to_string(), "2023-08");
/// # Ok::<(), tianjin_disability_subsidies::Error>(())
/// ```
///
/// A policy exists only through its checks: [`Policy::from_json`], serde's `Deserialize` (the
/// same format, for a service that keeps its policy in its own configuration) and
/// [`Reform::apply`](crate::Reform::apply) all build it the same way, so a policy read any way
/// decides alike.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Policy {
    name: Arc<str>,
    title: String,
    document: String,
    covers: Coverage,
    parameters: Parameters,
    benefit_relations: BTreeMap<BenefitKind, BenefitRelation>,
    /// `benefit_relations` indexed by kind, built with the policy: looked up for every benefit of
    /// every decision.
    #[serde(skip)]
    relation_table: [BenefitRelation; BenefitKind::ALL.len()],
}

/// A policy as its file writes it, before it is checked.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    /// The JSON Schema the file names for editors; not used.
    #[serde(rename = "$schema", default)]
    _schema: Option<String>,
    /// The policy's name (its version), e.g. `tianjin-2023`: every decision names it.
    name: String,
    /// The policy's title, e.g. the document's name in Chinese.
    title: String,
    /// The document it implements (issuer and number).
    document: String,
    /// The months it governs: `{"from": "YYYY-MM"}`, and `"to"` if it ends.
    covers: Coverage,
    /// Every parameter: a list of dated values `{"from": "YYYY-MM", "value", "source"}`, oldest
    /// first, each valid until the next.
    parameters: parameters::ParametersFile,
    /// How each other benefit relates to the subsidies, by its kind; every kind once.
    #[serde(deserialize_with = "unique_keys")]
    benefit_relations: BTreeMap<BenefitKind, BenefitRelation>,
}

/// A policy reads as its file: the schema is the file's.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Policy {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Policy".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <PolicyFile as schemars::JsonSchema>::json_schema(generator)
    }
}

/// A policy reads as its file and is built, with its checks, as it is read. A policy that fails
/// them inside a caller's own configuration, read by the crate's reader ([`json::from_str`]),
/// gives the policy's own error ([`Error::InvalidPolicy`]), its path placed inside the
/// configuration's; read by serde_json alone, the same checks refuse it with their English.
///
/// [`json::from_str`]: crate::json::from_str
impl<'de> Deserialize<'de> for Policy {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Policy, D::Error> {
        let file = PolicyFile::deserialize(deserializer)?;
        Policy::try_from(file).map_err(crate::json::refuse_checked)
    }
}

impl TryFrom<PolicyFile> for Policy {
    type Error = Error;

    fn try_from(file: PolicyFile) -> Result<Policy, Error> {
        Policy::build(
            Arc::from(file.name),
            file.title,
            file.document,
            file.covers,
            Parameters::from_file(file.parameters),
            file.benefit_relations,
        )
    }
}

/// The relations of other benefits, a key at most once (serde's map would let a second relation
/// for a kind replace the first).
fn unique_keys<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<BenefitKind, BenefitRelation>, D::Error> {
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = BTreeMap<BenefitKind, BenefitRelation>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map of benefit kinds to their relations")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut relations = BTreeMap::new();
            while let Some(kind) = map.next_key::<BenefitKind>()? {
                if relations.contains_key(&kind) {
                    return Err(serde::de::Error::custom(format_args!(
                        "duplicate key `{}`",
                        kind_name(kind)
                    )));
                }
                let relation = map.next_value()?;
                relations.insert(kind, relation);
            }
            Ok(relations)
        }
    }
    deserializer.deserialize_map(Visitor)
}

/// A benefit kind's name in JSON.
fn kind_name(kind: BenefitKind) -> String {
    kind.json_name().to_owned()
}

/// How another benefit relates to the subsidies: decided by the policy, not by the caller.
///
/// In JSON: `{"relation": "choose_higher", "subsidy", "counts_when", "clause"}`,
/// `{"relation": "stacks", "clause"}` or `{"relation": "excludes", "counts_when", "clause"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(tag = "relation", rename_all = "snake_case")]
pub enum BenefitRelation {
    /// 择高: the person gets the higher of the benefit and the subsidy.
    ChooseHigher {
        /// The subsidy it competes with.
        subsidy: Subsidy,
        /// Whether it competes when only qualified for, or only when received.
        counts_when: CountsWhen,
        /// The clause that says so.
        clause: ClauseId,
    },
    /// 叠加享受: never reduces either subsidy.
    Stacks {
        /// The clause that says so.
        clause: ClauseId,
    },
    /// 不享受: neither subsidy while it applies.
    Excludes {
        /// Whether it excludes when only qualified for, or only when received.
        counts_when: CountsWhen,
        /// The clause that says so.
        clause: ClauseId,
    },
}

/// A [`BenefitRelation`] as written: read as one object, so that an array is refused and every
/// problem is a reading error naming its field.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RelationFields {
    relation: RelationKind,
    #[serde(default)]
    subsidy: Option<Subsidy>,
    #[serde(default)]
    counts_when: Option<CountsWhen>,
    clause: ClauseId,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RelationKind {
    ChooseHigher,
    Stacks,
    Excludes,
}

impl<'de> Deserialize<'de> for BenefitRelation {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BenefitRelation, D::Error> {
        use serde::de::Error;
        let f = RelationFields::deserialize(deserializer)?;
        let clause = f.clause;
        let counts_when = || {
            f.counts_when
                .ok_or_else(|| D::Error::missing_field("counts_when"))
        };
        Ok(match f.relation {
            RelationKind::ChooseHigher => BenefitRelation::ChooseHigher {
                subsidy: f
                    .subsidy
                    .ok_or_else(|| D::Error::missing_field("subsidy"))?,
                counts_when: counts_when()?,
                clause,
            },
            RelationKind::Stacks => {
                if f.subsidy.is_some() {
                    return Err(D::Error::unknown_field("subsidy", &["relation", "clause"]));
                }
                if f.counts_when.is_some() {
                    return Err(D::Error::unknown_field(
                        "counts_when",
                        &["relation", "clause"],
                    ));
                }
                BenefitRelation::Stacks { clause }
            }
            RelationKind::Excludes => {
                if f.subsidy.is_some() {
                    return Err(D::Error::unknown_field(
                        "subsidy",
                        &["relation", "counts_when", "clause"],
                    ));
                }
                BenefitRelation::Excludes {
                    counts_when: counts_when()?,
                    clause,
                }
            }
        })
    }
}

/// When another benefit counts for its relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CountsWhen {
    /// Only when it is already being received (e.g. 伤残抚恤 "且已享受补贴").
    Received,
    /// When received, and also when only qualified for (符合…条件).
    QualifiedOrReceived,
}

impl CountsWhen {
    /// Whether a benefit in `status` counts.
    pub fn counts(self, status: BenefitStatus) -> bool {
        match self {
            CountsWhen::Received => status == BenefitStatus::Received,
            CountsWhen::QualifiedOrReceived => true,
        }
    }
}

/// A month its policy governs (clause `in_force`), made only by [`Policy::covered`]. Every dated
/// parameter of a policy has a value for each month it governs (a policy is built only with the
/// first value of each from its first month), so the rules look a value up for a `Covered` month
/// without a case for a missing one ([`Dated::in_force`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Covered(Month);

impl Covered {
    /// The month.
    #[inline]
    pub(crate) fn month(self) -> Month {
        self.0
    }
}

impl Policy {
    /// `month`, as a month this policy governs.
    ///
    /// # Errors
    ///
    /// [`Error::MonthNotCovered`] for a month outside [`Policy::covers`].
    #[inline]
    pub(crate) fn covered(&self, month: Month) -> Result<Covered, Error> {
        self.check_covers(month).map(|()| Covered(month))
    }
}

impl Policy {
    /// The Tianjin 2023 policy (《实施意见》, in force from 2023-08), from the embedded data.
    pub fn tianjin_2023() -> Policy {
        // The embedded data is checked by the test `embedded_policy_loads`; it cannot fail at run
        // time unless the crate was built from a broken checkout.
        #[allow(clippy::expect_used, reason = "embedded data, checked by a test")]
        Policy::from_json(TIANJIN_2023_JSON).expect("the embedded Tianjin 2023 policy is valid")
    }

    /// Reads and checks a policy from JSON: the embedded file's format.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPolicy`] naming the JSON path when the document is malformed, a parameter
    /// has no value, values are out of order or start after the policy's first month, a source is
    /// missing, or a benefit kind has no relation.
    pub fn from_json(json: &str) -> Result<Policy, Error> {
        let file: PolicyFile = crate::json::read(json).map_err(|e| Error::InvalidPolicy {
            path: e.path,
            problem: PolicyProblem::Reading {
                problem: e.problem,
                line: e.line,
                column: e.column,
            },
        })?;
        Policy::try_from(file)
    }

    /// The one way to a policy: checks its parts and builds its tables. Every policy — read from
    /// a file, through serde, or reformed — is made here.
    fn build(
        name: Arc<str>,
        title: String,
        document: String,
        covers: Coverage,
        parameters: Parameters,
        benefit_relations: BTreeMap<BenefitKind, BenefitRelation>,
    ) -> Result<Policy, Error> {
        if let Some(to) = covers.to {
            if to < covers.from {
                return Err(Error::InvalidPolicy {
                    path: "covers.to".into(),
                    problem: PolicyProblem::EndsBeforeStart {
                        from: covers.from,
                        to,
                    },
                });
            }
        }
        parameters.check(&covers)?;
        for (kind, relation) in &benefit_relations {
            let can_exclude = matches!(
                kind,
                BenefitKind::WorkInjuryLivingCareFee | BenefitKind::ExtremePovertySupport
            );
            if matches!(relation, BenefitRelation::Excludes { .. }) && !can_exclude {
                return Err(Error::InvalidPolicy {
                    path: format!("benefit_relations.{}", kind_name(*kind)),
                    problem: PolicyProblem::CannotExclude,
                });
            }
        }
        let mut relation_table = [BenefitRelation::Stacks {
            clause: ClauseId::StackElderly,
        }; BenefitKind::ALL.len()];
        for kind in BenefitKind::ALL {
            match benefit_relations.get(&kind) {
                Some(relation) => relation_table[kind as usize] = *relation,
                None => {
                    return Err(Error::InvalidPolicy {
                        path: "benefit_relations".into(),
                        problem: PolicyProblem::MissingRelation {
                            kind: kind_name(kind),
                        },
                    })
                }
            }
        }
        Ok(Policy {
            name,
            title,
            document,
            covers,
            parameters,
            benefit_relations,
            relation_table,
        })
    }

    /// This policy under another name with other parameters, checked as any policy is: what a
    /// reform makes.
    pub(crate) fn with_parameters(
        &self,
        name: String,
        parameters: Parameters,
    ) -> Result<Policy, Error> {
        Policy::build(
            Arc::from(name),
            self.title.clone(),
            self.document.clone(),
            self.covers,
            parameters,
            self.benefit_relations.clone(),
        )
    }

    /// The name, shared by every decision of the policy.
    pub(crate) fn shared_name(&self) -> &Arc<str> {
        &self.name
    }

    /// The policy's short name, e.g. `tianjin-2023`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The title of the document it implements.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The document's number and issuers, as known.
    pub fn document(&self) -> &str {
        &self.document
    }

    /// The months it governs.
    pub fn covers(&self) -> Coverage {
        self.covers
    }

    /// Its dated parameters.
    pub fn parameters(&self) -> &Parameters {
        &self.parameters
    }

    /// How `kind` relates to the subsidies.
    pub fn relation(&self, kind: BenefitKind) -> BenefitRelation {
        // Every kind has its relation: a policy is built only with one for each.
        self.relation_table[kind as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_month_a_policy_governs_has_each_amount_in_force() {
        // What `Covered` promises the rules: for every month governed, each dated amount has a
        // value, the one `Dated::at` finds; a month before the policy is not covered. The same
        // after a reform has replaced values.
        let baseline = Policy::tianjin_2023();
        let reform =
            crate::Reform::from_json(include_str!("../../examples/data/reforms/living-350.json"))
                .unwrap();
        let reformed = reform.apply(&baseline).unwrap();
        for policy in [&baseline, &reformed] {
            let first = policy.covers().from;
            assert!(policy.covered(first.minus(1)).is_err());
            let p = policy.parameters();
            for month in first.through(first.plus(12 * 20)) {
                let covered = policy.covered(month).unwrap();
                assert_eq!(covered.month(), month);
                for amounts in [
                    &p.nursing_allowance,
                    &p.living_allowance_grade_1_2,
                    &p.living_allowance_grade_3_4,
                ] {
                    assert_eq!(Some(amounts.in_force(covered)), amounts.at(month));
                }
                let edge = &p.dibao_edge_living_allowance;
                assert_eq!(Some(edge.in_force(covered)), edge.at(month));
            }
        }
        assert_ne!(
            baseline.parameters().living_allowance_grade_1_2,
            reformed.parameters().living_allowance_grade_1_2
        );
    }

    #[test]
    fn a_benefit_kind_is_named_as_serde_names_it() {
        for kind in BenefitKind::ALL {
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::Value::from(kind.json_name())
            );
        }
    }

    #[test]
    fn embedded_policy_loads() {
        let policy = Policy::from_json(TIANJIN_2023_JSON).unwrap();
        assert_eq!(policy.name(), "tianjin-2023");
        assert_eq!(policy.covers().to_string(), "2023-08 onwards");
    }

    fn variant(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Policy, Error> {
        let mut json: serde_json::Value = serde_json::from_str(TIANJIN_2023_JSON).unwrap();
        edit(&mut json);
        Policy::from_json(&json.to_string())
    }

    #[test]
    fn load_time_checks_name_the_parameter() {
        let err =
            variant(|j| j["parameters"]["nursing_allowance"] = serde_json::json!([])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.nursing_allowance: expected at least one dated value, found none"
        );
        let err = variant(|j| {
            j["parameters"]["nursing_allowance"] = serde_json::json!([
                {"from": "2024-01", "value": "220", "source": "s"},
                {"from": "2023-08", "value": "200", "source": "s"}
            ])
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.nursing_allowance[0]: expected a value from 2023-08 (the policy's first month), found the first from 2024-01"
        );
        let err = variant(|j| {
            j["parameters"]["nursing_allowance"] = serde_json::json!([
                {"from": "2023-08", "value": "200", "source": "s"},
                {"from": "2023-08", "value": "220", "source": "s"}
            ])
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.nursing_allowance[1]: expected values in order of their months, found 2023-08 after 2023-08"
        );
        let err = variant(|j| j["parameters"]["tie_break"][0]["source"] = "".into()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy parameters.tie_break[0]: expected a source, found none"
        );
        let err = variant(|j| j["parameters"]["nursing_allowance"][0]["value"] = "-1".into())
            .unwrap_err();
        assert!(
            err.to_string().starts_with(
                "policy parameters.nursing_allowance[0].value: invalid value: string \"-1\""
            ),
            "{err}"
        );
        let err = variant(|j| {
            j["benefit_relations"]
                .as_object_mut()
                .unwrap()
                .remove("advanced_age_allowance");
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy benefit_relations: expected a relation for every benefit kind, found none for \"advanced_age_allowance\""
        );
        let err = variant(|j| {
            j["benefit_relations"]["advanced_age_allowance"] =
                serde_json::json!({"relation": "excludes", "counts_when": "received", "clause": "stack.elderly"});
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "policy benefit_relations.advanced_age_allowance: expected choose_higher or stacks: only work_injury_living_care_fee and extreme_poverty_support can exclude in this version"
        );
    }

    #[test]
    fn a_dated_value_holds_until_the_next() {
        let policy = variant(|j| {
            j["parameters"]["nursing_allowance"] = serde_json::json!([
                {"from": "2023-08", "value": "200", "source": "a"},
                {"from": "2025-01", "value": "230", "source": "b"}
            ])
        })
        .unwrap();
        let at = |m: &str| {
            let v = policy
                .parameters()
                .nursing_allowance
                .at(m.parse().unwrap())
                .unwrap();
            (v.value.to_string(), v.source.to_string())
        };
        assert_eq!(at("2024-12"), ("200".to_owned(), "a".to_owned()));
        assert_eq!(at("2025-01"), ("230".to_owned(), "b".to_owned()));
        assert!(policy
            .parameters()
            .nursing_allowance
            .at("2023-07".parse().unwrap())
            .is_none());
    }
}

#[cfg(test)]
mod thread_safety {
    /// A policy is loaded once and shared across threads (issue: "a `Send + Sync` value").
    #[test]
    fn policy_and_resident_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<super::Policy>();
        assert_send_sync::<crate::Resident>();
        assert_send_sync::<crate::MonthDecision>();
    }
}
