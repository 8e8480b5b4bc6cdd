//! The policy at a glance, for a policy analyst: every parameter with its dated values and
//! sources, and every benefit relation with its clause.

use super::{Column, Report, Section, Table};
use crate::facts::BenefitKind;
use crate::language::Language;
use crate::policy::{BenefitRelation, Parameter, Policy};
use crate::reform::Reform;
use crate::render::{words, Label, Sentence};

/// The policy at a glance: its name, the document it implements and the months it covers; every
/// parameter with each of its dated values and their sources (table `parameters`); and how every
/// other benefit relates to the subsidies, with the clause that says so (table
/// `benefit_relations`) — in either language.
///
/// It reads the policy as it is, so a variant's values and a reform's overrides appear as what
/// they are: more dated values, each with its own source. Name the reform with
/// [`with_reform`](PolicyReport::with_reform) to list its overrides under the title too.
///
/// # Examples
///
/// ```
/// use tianjin_disability_subsidies::report::PolicyReport;
/// use tianjin_disability_subsidies::{Language, Policy, Reform};
///
/// let baseline = Policy::tianjin_2023();
/// let reform = Reform::from_json(r#"{ "name": "nursing-250", "overrides": [
///     { "parameter": "nursing_allowance", "from": "2025-01", "value": "250", "source": "what-if" }
/// ] }"#)?;
/// let reformed = reform.apply(&baseline)?;
/// let report = PolicyReport::new(&reformed, Language::English)
///     .with_reform(&reform, "nursing-250.json")
///     .report();
/// let parameters = report.tables().find(|t| t.key == "parameters").unwrap();
/// let nursing: Vec<&[String]> = parameters
///     .rows
///     .iter()
///     .filter(|row| row[1] == "nursing_allowance")
///     .map(|row| &row[2..4])
///     .collect();
/// assert_eq!(nursing, [["2023-08", "200"], ["2025-01", "250"]]);
///
/// let text = PolicyReport::new(&baseline, Language::Chinese)
///     .report()
///     .to_text(&|s: &str| s.chars().count());
/// assert!(text.starts_with("政策一览：tianjin-2023，适用于2023-08起的各月"), "{text}");
/// assert!(text.contains("工伤保险生活护理费"), "{text}");
/// # Ok::<(), tianjin_disability_subsidies::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct PolicyReport<'p> {
    policy: &'p Policy,
    language: Language,
    source: Option<String>,
    reform: Option<(&'p Reform, String)>,
}

impl<'p> PolicyReport<'p> {
    /// The report of `policy` in `language`.
    pub fn new(policy: &'p Policy, language: Language) -> PolicyReport<'p> {
        PolicyReport {
            policy,
            language,
            source: None,
            reform: None,
        }
    }

    /// The same report, naming the file the policy was read from.
    pub fn with_source(mut self, source: impl Into<String>) -> PolicyReport<'p> {
        self.source = Some(source.into());
        self
    }

    /// The same report of a reformed policy, listing under the title the overrides of `reform`
    /// (read from `source`), which made the policy reported.
    pub fn with_reform(
        mut self,
        reform: &'p Reform,
        source: impl Into<String>,
    ) -> PolicyReport<'p> {
        self.reform = Some((reform, source.into()));
        self
    }

    /// The report.
    pub fn report(&self) -> Report {
        let w = words(self.language);
        let policy = self.policy;
        let mut report = Report {
            title: w.sentence(&Sentence::PolicyTitle {
                name: policy.name(),
                covers: policy.covers(),
            }),
            preamble: vec![
                w.sentence(&Sentence::DocumentTitle {
                    title: policy.title(),
                }),
                w.sentence(&Sentence::Document {
                    document: policy.document(),
                }),
            ],
            sections: Vec::new(),
        };
        if let Some(source) = &self.source {
            report
                .preamble
                .push(w.sentence(&Sentence::PolicyFile { source }));
        }
        if let Some((reform, source)) = &self.reform {
            report
                .preamble
                .push(w.sentence(&Sentence::ReformFile { source }));
            report.preamble.extend(super::reform_lines(w, reform));
        }
        report.sections.push(self.parameters());
        report.sections.push(self.relations());
        report
    }

    fn parameters(&self) -> Section {
        let w = words(self.language);
        let mut table = Table::new(
            "parameters",
            vec![
                Column::left(w.label(Label::Parameter)),
                Column::left(w.label(Label::Name)),
                Column::left(w.label(Label::From)),
                Column::left(w.label(Label::Value)),
                Column::left(w.label(Label::Source)),
            ],
        );
        for &parameter in Parameter::ALL {
            let name = w.sentence(&Sentence::ParameterName { parameter });
            for v in self.policy.parameters().values_of(parameter) {
                table.push_row(vec![
                    name.clone(),
                    parameter.name().to_owned(),
                    v.from.to_string(),
                    w.sentence(&Sentence::Value { value: &v.value }),
                    v.source.to_string(),
                ]);
            }
        }
        let mut section = Section::new(w.sentence(&Sentence::ParametersHeading {
            parameters: Parameter::ALL.len(),
            values: table.rows.len(),
        }));
        section.tables.push(table);
        section
    }

    fn relations(&self) -> Section {
        let w = words(self.language);
        let mut table = Table::new(
            "benefit_relations",
            vec![
                Column::left(w.label(Label::Benefit)),
                Column::left(w.label(Label::Name)),
                Column::left(w.label(Label::Relation)),
                Column::left(w.label(Label::CountsWhen)),
                Column::left(w.label(Label::Clause)),
            ],
        );
        for kind in BenefitKind::ALL {
            let relation = self.policy.relation(kind);
            let (counts_when, clause) = match relation {
                BenefitRelation::ChooseHigher {
                    counts_when,
                    clause,
                    ..
                }
                | BenefitRelation::Excludes {
                    counts_when,
                    clause,
                } => (Some(counts_when), clause),
                BenefitRelation::Stacks { clause } => (None, clause),
            };
            table.push_row(vec![
                kind.name(self.language).to_owned(),
                kind.json_name().to_owned(),
                w.sentence(&Sentence::Relation { relation }),
                w.sentence(&Sentence::CountsWhen { counts_when }),
                clause.id().to_owned(),
            ]);
        }
        let mut section = Section::new(w.sentence(&Sentence::RelationsHeading {
            kinds: BenefitKind::ALL.len(),
        }));
        section.tables.push(table);
        section.notes.push(w.sentence(&Sentence::ClausesAt));
        section
    }
}
