//! The dated parameters of a policy, each declared once.
//!
//! [`parameters!`] is the one list of the parameters. From it come the [`Parameters`] struct (a
//! field per parameter, each a [`Dated`] list of values), the [`Parameter`] enum (with `ALL`, the
//! names in the policy file, in Chinese and in English), the checks run when a policy is loaded,
//! and what a reform needs to override a parameter by name. Adding a parameter is one entry here
//! plus its values in the policy data; nothing else can forget it.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, PolicyProblem, Refusal};
use crate::facts::MAX_BACK_PAY_MONTHS;
use crate::facts::{Category, Grade};
use crate::money::Money;
use crate::month::Month;
use crate::policy::{Coverage, Covered};

/// A parameter's values over time, each valid from its month until the next one starts.
///
/// Held only inside a checked [`Policy`](crate::Policy): the values come in order of their
/// months (each month once), each with a source, the first from the policy's first month. So a
/// value is found by binary search, and every month the policy covers has one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Dated<T>(Vec<DatedValue<T>>);

/// One value of a parameter, with the month it takes effect and its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DatedValue<T> {
    /// The first month the value applies.
    pub from: Month,
    /// The value.
    pub value: T,
    /// Where the value comes from, for an analyst to check or replace. Shared with every
    /// decision that cites it.
    pub source: Arc<str>,
}

impl<T> Dated<T> {
    /// The value in force in `month`, if any starts on or before it.
    pub fn at(&self, month: Month) -> Option<&DatedValue<T>> {
        // The values are in order of their months (checked when the policy is built).
        let after = self.0.partition_point(|v| v.from <= month);
        after.checked_sub(1).map(|i| &self.0[i])
    }

    /// The value in force in `month`, a month the policy governs: there always is one, since the
    /// first value is from the policy's first month (checked when the policy is built).
    #[inline]
    pub(crate) fn in_force(&self, month: Covered) -> &DatedValue<T> {
        // `at` finds one for every covered month; the first value stands in should that ever not
        // hold (a policy is built only with at least one).
        self.at(month.month()).unwrap_or(&self.0[0])
    }

    /// Every value, oldest first.
    pub fn values(&self) -> &[DatedValue<T>] {
        &self.0
    }

    /// Replaces every value from `value.from` on with `value`.
    fn set_from(&mut self, value: DatedValue<T>) {
        self.0.retain(|v| v.from < value.from);
        self.0.push(value);
    }

    /// Checks the values as a policy needs them, naming `parameters.<name>[i]` for a problem:
    /// at least one, the first from the policy's first month, in order of their months, each
    /// with a source, and each value as `check` wants it.
    fn check(
        &self,
        name: &str,
        coverage: &Coverage,
        check: fn(&T) -> Result<(), Refusal>,
    ) -> Result<(), Error> {
        let invalid = |i: Option<usize>, problem: PolicyProblem| Error::InvalidPolicy {
            path: match i {
                Some(i) => format!("parameters.{name}[{i}]"),
                None => format!("parameters.{name}"),
            },
            problem,
        };
        let first = self
            .0
            .first()
            .ok_or_else(|| invalid(None, PolicyProblem::NoValues))?;
        if first.from > coverage.from {
            return Err(invalid(
                Some(0),
                PolicyProblem::StartsLate {
                    first: first.from,
                    policy_from: coverage.from,
                },
            ));
        }
        for (i, pair) in self.0.windows(2).enumerate() {
            if pair[1].from <= pair[0].from {
                return Err(invalid(
                    Some(i + 1),
                    PolicyProblem::OutOfOrder {
                        found: pair[1].from,
                        after: pair[0].from,
                    },
                ));
            }
        }
        for (i, v) in self.0.iter().enumerate() {
            if v.source.trim().is_empty() {
                return Err(invalid(Some(i), PolicyProblem::NoSource));
            }
            check(&v.value).map_err(|refusal| Error::InvalidPolicy {
                path: format!("parameters.{name}[{i}].value"),
                problem: PolicyProblem::Refused(refusal),
            })?;
        }
        Ok(())
    }
}

/// `value` read as a parameter's type `T` and checked as the parameter requires: what a reform's
/// override goes through, once to be checked and once to be set.
fn read_checked<T: serde::de::DeserializeOwned>(
    value: &serde_json::Value,
    check: fn(&T) -> Result<(), Refusal>,
) -> Result<T, ValueProblem> {
    let value: T = crate::json::read_value(value).map_err(ValueProblem::Reading)?;
    check(&value).map_err(ValueProblem::Refused)?;
    Ok(value)
}

/// Accepts any value: the parameter's type is its only condition.
fn any_value<T>(_: &T) -> Result<(), Refusal> {
    Ok(())
}

/// A parameter's value written out as JSON, for a reader that shows every parameter alike (the
/// policy at a glance, a reform's differences).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueView {
    /// The first month the value applies.
    pub from: Month,
    /// The value, as the policy file writes it.
    pub value: serde_json::Value,
    /// Where it comes from.
    pub source: Arc<str>,
}

/// What is wrong with a value given for a parameter by name (a reform's override).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ValueProblem {
    /// It does not read as the parameter's type: where within the value, and why.
    Reading(crate::json::ReadError),
    /// It reads, but the parameter does not allow it.
    Refused(Refusal),
}

macro_rules! parameters {
    ($(
        $(#[doc = $doc:literal])*
        $field:ident: $ty:ty => $variant:ident {
            zh: $zh:literal,
            en: $en:literal,
            check: $check:expr,
        }
    )*) => {
        /// The dated amounts and switches of a policy: one [`Dated`] list of values per
        /// parameter. Read them through [`Policy::parameters`](crate::Policy::parameters).
        #[derive(Debug, Clone, PartialEq, Serialize)]
        pub struct Parameters {
            $(
                $(#[doc = $doc])*
                pub $field: Dated<$ty>,
            )*
        }

        /// The parameters as a policy file writes them, before they are checked.
        #[derive(Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub(crate) struct ParametersFile {
            $(
                $(#[doc = $doc])*
                $field: Vec<DatedValue<$ty>>,
            )*
        }

        /// Each parameter with the schema of its value, for a reform's overrides.
        #[cfg(feature = "schema")]
        pub(crate) fn value_schemas(
            generator: &mut schemars::SchemaGenerator,
        ) -> Vec<(Parameter, schemars::Schema)> {
            vec![$( (Parameter::$variant, generator.subschema_for::<$ty>()), )*]
        }

        /// A parameter of a policy, by name: what a decision cites in `used`, and what a reform
        /// overrides. Serialized as its name in the policy file, e.g. `"nursing_allowance"`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Parameter {
            $(
                #[doc = concat!("`", stringify!($field), "`: ", $en, ".")]
                $variant,
            )*
        }

        impl Parameter {
            /// Every parameter, in the order of the policy file.
            pub const ALL: &'static [Parameter] = &[$( Parameter::$variant, )*];

            /// Every parameter's name, in the same order.
            pub const NAMES: &'static [&'static str] = &[$( stringify!($field), )*];

            /// The parameter's name in the policy file, e.g. `nursing_allowance`.
            pub fn name(self) -> &'static str {
                match self { $( Parameter::$variant => stringify!($field), )* }
            }

            /// What it is, in Chinese.
            pub fn name_zh(self) -> &'static str {
                match self { $( Parameter::$variant => $zh, )* }
            }

            /// What it is, in English.
            pub fn name_en(self) -> &'static str {
                match self { $( Parameter::$variant => $en, )* }
            }
        }

        impl Parameter {
            /// Reads `value` as the parameter's type and checks it as the parameter requires.
            pub(crate) fn check_value(self, value: &serde_json::Value) -> Result<(), ValueProblem> {
                match self {
                    $(
                        Parameter::$variant => read_checked::<$ty>(value, $check).map(drop),
                    )*
                }
            }
        }

        impl FromStr for Parameter {
            type Err = UnknownParameter;

            fn from_str(name: &str) -> Result<Parameter, UnknownParameter> {
                match name {
                    $( stringify!($field) => Ok(Parameter::$variant), )*
                    _ => Err(UnknownParameter { found: crate::json::excerpt(name) }),
                }
            }
        }

        impl Parameters {
            /// The file's values, to be checked with the policy they belong to.
            pub(crate) fn from_file(file: ParametersFile) -> Parameters {
                Parameters { $( $field: Dated(file.$field), )* }
            }

            /// Checks every parameter (see [`Dated::check`]).
            pub(crate) fn check(&self, coverage: &Coverage) -> Result<(), Error> {
                $( self.$field.check(stringify!($field), coverage, $check)?; )*
                Ok(())
            }

            /// Replaces `parameter`'s values from `from` on with `value`, read as the
            /// parameter's type and checked as the parameter requires.
            pub(crate) fn set(
                &mut self,
                parameter: Parameter,
                from: Month,
                value: &serde_json::Value,
                source: &str,
            ) -> Result<(), ValueProblem> {
                match parameter {
                    $(
                        Parameter::$variant => {
                            let value = read_checked::<$ty>(value, $check)?;
                            self.$field.set_from(DatedValue { from, value, source: Arc::from(source) });
                            Ok(())
                        }
                    )*
                }
            }

            /// Every value of `parameter`, oldest first, written out as JSON.
            pub fn values_of(&self, parameter: Parameter) -> Vec<ValueView> {
                fn view<T: Serialize>(dated: &Dated<T>) -> Vec<ValueView> {
                    dated
                        .values()
                        .iter()
                        .map(|v| ValueView {
                            from: v.from,
                            value: serde_json::to_value(&v.value).unwrap_or(serde_json::Value::Null),
                            source: Arc::clone(&v.source),
                        })
                        .collect()
                }
                match parameter { $( Parameter::$variant => view(&self.$field), )* }
            }
        }
    };
}

parameters! {
    /// Living allowance per month, grade 1–2 (重度).
    living_allowance_grade_1_2: Money => LivingAllowanceGrade1To2 {
        zh: "困难残疾人生活补贴月标准（一、二级）",
        en: "living allowance per month, grade 1-2",
        check: any_value,
    }
    /// Living allowance per month, grade 3–4.
    living_allowance_grade_3_4: Money => LivingAllowanceGrade3To4 {
        zh: "困难残疾人生活补贴月标准（三、四级）",
        en: "living allowance per month, grade 3-4",
        check: any_value,
    }
    /// What dibao-edge households receive as living allowance.
    dibao_edge_living_allowance: DibaoEdgeRate => DibaoEdgeLivingAllowance {
        zh: "低保边缘家庭的困难残疾人生活补贴标准",
        en: "living allowance of dibao-edge households",
        check: any_value,
    }
    /// Nursing allowance per month (grade 1–2).
    nursing_allowance: Money => NursingAllowance {
        zh: "重度残疾人护理补贴月标准",
        en: "nursing allowance per month",
        check: any_value,
    }
    /// Whether a claim stops in the month after a condition ceased, or in that same month.
    stop_timing: StopTiming => StopTiming {
        zh: "停发时间（情况发生的次月或当月）",
        en: "when a claim stops after a condition ceased",
        check: any_value,
    }
    /// Who wins a choose-the-higher on equal amounts.
    tie_break: TieBreak => TieBreak {
        zh: "择高时金额相同的处理规则",
        en: "who wins a choose-the-higher on equal amounts",
        check: any_value,
    }
    /// The most back-pay months a caseworker may grant after a certificate renewal.
    max_renewal_back_pay_months: u8 => MaxRenewalBackPayMonths {
        zh: "换领残疾人证后最多补发月数",
        en: "most back-pay months after a certificate renewal",
        check: |months: &u8| {
            if *months > MAX_BACK_PAY_MONTHS {
                Err(Refusal::TooManyBackPayMonths {
                    max: MAX_BACK_PAY_MONTHS,
                    found: *months,
                })
            } else {
                Ok(())
            }
        },
    }
    /// Categories and grades beyond grade 1–2 that also receive the nursing allowance (empty in
    /// Tianjin 2023; several provinces add grade-3 intellectual and mental disabilities).
    nursing_allowance_also_for: Vec<CategoryGrade> => NursingAllowanceAlsoFor {
        zh: "护理补贴扩展适用的残疾类别和等级",
        en: "categories and grades beyond grade 1-2 that also receive the nursing allowance",
        check: any_value,
    }
}

impl Parameters {
    /// The value of `parameter` in force in `month`, written out as JSON.
    pub fn value_at(&self, parameter: Parameter, month: Month) -> Option<ValueView> {
        self.values_of(parameter)
            .into_iter()
            .rev()
            .find(|v| v.from <= month)
    }
}

/// A name that is not one of the policy's parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownParameter {
    /// The name given.
    pub found: String,
}

impl fmt::Display for Parameter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Parameter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Parameter {
    /// Read as a unit enum, as a derived one would be, so that an unknown name is reported
    /// with the names allowed, through the crate's reader.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Parameter, D::Error> {
        struct Name;
        impl serde::de::Visitor<'_> for Name {
            type Value = Parameter;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("the name of a parameter")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Parameter, E> {
                v.parse()
                    .map_err(|_| E::unknown_variant(v, Parameter::NAMES))
            }
        }
        impl<'de> serde::de::DeserializeSeed<'de> for Name {
            type Value = Parameter;
            fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Parameter, D::Error> {
                d.deserialize_identifier(self)
            }
        }
        struct Unit;
        impl<'de> serde::de::Visitor<'de> for Unit {
            type Value = Parameter;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("the name of a parameter")
            }
            fn visit_enum<A: serde::de::EnumAccess<'de>>(
                self,
                data: A,
            ) -> Result<Parameter, A::Error> {
                use serde::de::VariantAccess;
                let (parameter, variant) = data.variant_seed(Name)?;
                variant.unit_variant()?;
                Ok(parameter)
            }
        }
        deserializer.deserialize_enum("Parameter", Parameter::NAMES, Unit)
    }
}

/// A category and grade, as a policy extension names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CategoryGrade {
    /// The disability category.
    pub category: Category,
    /// The grade.
    pub grade: Grade,
}

/// The living allowance of dibao-edge households (reading `amounts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DibaoEdgeRate {
    /// The same amounts as dibao households (the Tianjin default).
    SameAsDibao,
    /// Amounts of their own.
    Amounts {
        /// For grade 1–2.
        grade_1_2: Money,
        /// For grade 3–4.
        grade_3_4: Money,
    },
}

/// When a claim stops after a condition ceased (reading `stop.month`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum StopTiming {
    /// 自情况发生的次月起停止发放: from the month after; an event on the 1st stops that month
    /// itself (the default).
    MonthAfter,
    /// From the month in which the condition ceased.
    SameMonth,
}

/// Who wins a choose-the-higher on equal amounts, unless the person chose (reading `higher.tie`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TieBreak {
    /// Keep the competing benefit if it is already being received, else pay the subsidy
    /// (the default).
    KeepReceived,
    /// Always pay the subsidy.
    PreferSubsidy,
    /// Always keep the competing benefit.
    PreferOtherBenefit,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_parse_back() {
        for (&parameter, &name) in Parameter::ALL.iter().zip(Parameter::NAMES) {
            assert_eq!(parameter.name(), name);
            assert_eq!(name.parse::<Parameter>(), Ok(parameter));
        }
        assert!("living_allowance".parse::<Parameter>().is_err());
    }
}
