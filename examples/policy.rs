//! Prints the policy at a glance: every parameter with its dated values and sources, and how
//! every other benefit relates to the subsidies, with its clause — for the embedded Tianjin 2023
//! policy, a variant or a reform.
//!
//! ```text
//! cargo run --example policy                                    # the embedded policy
//! cargo run --example policy -- --lang zh                       # the same, in Chinese
//! cargo run --example policy -- --policy my-variant.json        # a variant (the embedded file's format)
//! cargo run --example policy -- --reform examples/data/reforms/living-350.json
//! cargo run --example policy -- --csv out/                      # also each table as CSV
//! ```
//!
//! With `--reform`, the reform is applied to the policy (the embedded one, or `--policy`'s) and
//! the reformed policy is shown: each override is one more dated value of its parameter, with
//! its own source, and the overrides are listed under the title. The report is the library's
//! `PolicyReport`; `--csv DIR` writes its tables as `DIR/parameters.csv` and
//! `DIR/benefit_relations.csv`.
//!
//! Exit status (see `common/cli.rs`): 0 when the policy was shown; 1 when the policy or the
//! reform cannot be read or applied, or an output cannot be written; 2 for a wrong command line.

#[path = "common/cli.rs"]
mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use tianjin_disability_subsidies::report::PolicyReport;
use tianjin_disability_subsidies::{Language, Policy, Reform};
use unicode_width::UnicodeWidthStr;

/// Prints every parameter of a policy with its dated values and sources, and every benefit
/// relation with its clause.
#[derive(Parser)]
struct Args {
    /// The policy file; without it, the embedded Tianjin 2023 policy (data/tianjin-2023.json).
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// A reform file to apply to the policy; the reformed policy is shown.
    #[arg(long, value_name = "FILE")]
    reform: Option<PathBuf>,
    /// The language of the report and of the errors: en or zh.
    #[arg(long, value_name = "LANG", default_value = "en")]
    lang: Language,
    /// Also write each table of the report to DIR/<table>.csv.
    #[arg(long, value_name = "DIR")]
    csv: Option<PathBuf>,
}

fn main() -> ExitCode {
    cli::exit(run(Args::parse()))
}

fn run(args: Args) -> Result<bool, String> {
    let lang = args.lang;
    let (policy, policy_source) = match &args.policy {
        None => (Policy::tianjin_2023(), "data/tianjin-2023.json".to_owned()),
        Some(path) => {
            let name = path.display().to_string();
            let policy = Policy::from_json(&cli::read(path)?)
                .map_err(|e| format!("{name}: {}", e.describe(lang)))?;
            (policy, name)
        }
    };
    let reform = match &args.reform {
        None => None,
        Some(path) => {
            let name = path.display().to_string();
            let fail =
                |e: tianjin_disability_subsidies::Error| format!("{name}: {}", e.describe(lang));
            let reform = Reform::from_json(&cli::read(path)?).map_err(fail)?;
            let reformed = reform.apply(&policy).map_err(fail)?;
            Some((reform, reformed, name))
        }
    };
    let report = match &reform {
        None => PolicyReport::new(&policy, lang).with_source(policy_source),
        Some((reform, reformed, name)) => PolicyReport::new(reformed, lang)
            .with_source(policy_source)
            .with_reform(reform, name.as_str()),
    }
    .report();
    if let Some(dir) = &args.csv {
        cli::write_csv(dir, &report)?;
    }
    cli::print(&report.to_text(&|s: &str| s.width()))?;
    Ok(true)
}
