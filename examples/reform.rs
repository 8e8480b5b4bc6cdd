//! Costs a what-if reform over a roster: who gains and who loses, what each subsidy costs under
//! the baseline and under the reform, month by month and year by year, by disability category,
//! grade and household status, and one resident side by side.
//!
//! ```text
//! cargo run --example reform                                    # living-350 on the bundled roster, 2025
//! cargo run --example reform -- --lang zh                       # the same, in Chinese
//! cargo run --example reform -- --reform examples/data/reforms/dibao-edge-less.json
//! cargo run --example reform -- --roster my-roster.jsonl        # your own JSON Lines file, streamed
//! cargo run --example reform -- --from 2024-07 --to 2025-06     # another range of months
//! cargo run --example reform -- --csv out/                      # also each table, in full, as CSV
//! cargo run --example reform -- --svg charts/                   # also charts, as SVG
//! ```
//!
//! Without `--reform`, the bundled `examples/data/reforms/living-350.json` (the grade 1-2
//! living allowance raised to 350 from 2025-01) is applied to the embedded Tianjin 2023 policy;
//! without `--roster`, the bundled `examples/data/roster.jsonl` is compared. Both are compiled
//! in, so the example runs from any directory. The other bundled reforms are in the same folder;
//! a reform file is `{ "name", "description", "overrides": [{ "parameter", "from", "value",
//! "source" }] }`.
//!
//! The roster is read a line at a time, as the `roster` example reads it (the library's
//! `RosterReader`): both count the same lines of a file the same way. The report is the
//! library's `ReformReport`; `--csv DIR` writes each of its tables as `DIR/<table>.csv` (every
//! rejected line, not the first 20: on screen too), and
//! `--svg DIR` draws charts from it (`common/charts.rs`): `DIR/monthly_cost.svg` (the monthly
//! cost under both policies), `DIR/movers_by_category.svg` and `DIR/movers_by_grade.svg` (who
//! gains and who loses on each subsidy, by group).
//!
//! Exit status (see `common/cli.rs`): 0 when the roster was compared; 1 when the reform cannot
//! be read or applied, an input cannot be read or an output written; 2 for a wrong command line.

#[path = "common/charts.rs"]
mod charts;
#[path = "common/cli.rs"]
mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use tianjin_disability_subsidies::report::{Limits, ReformReport};
use tianjin_disability_subsidies::{Comparer, Language, Month, Policy, Reform};
use unicode_width::UnicodeWidthStr;

/// The bundled reform.
const BUNDLED_REFORM: &str = include_str!("data/reforms/living-350.json");
/// The bundled roster.
const BUNDLED_ROSTER: &str = include_str!("data/roster.jsonl");

/// Costs a what-if reform of the Tianjin 2023 policy over a roster: movers, total, unclaimed,
/// yearly and monthly costs, breakdowns, and one resident side by side.
#[derive(Parser)]
struct Args {
    /// The reform file; without it, the bundled examples/data/reforms/living-350.json.
    #[arg(long, value_name = "FILE")]
    reform: Option<PathBuf>,
    /// The roster, JSON Lines; without it, the bundled examples/data/roster.jsonl.
    #[arg(long, value_name = "FILE")]
    roster: Option<PathBuf>,
    /// The first month compared.
    #[arg(long, value_name = "YYYY-MM", default_value = "2025-01")]
    from: Month,
    /// The last month compared.
    #[arg(long, value_name = "YYYY-MM", default_value = "2025-12")]
    to: Month,
    /// The language of the report and of the errors: en or zh.
    #[arg(long, value_name = "LANG", default_value = "en")]
    lang: Language,
    /// Also write each table of the report to DIR/<table>.csv, in full: every rejected line is
    /// kept, not the first 20 (the report printed lists them all too).
    #[arg(long, value_name = "DIR")]
    csv: Option<PathBuf>,
    /// Also draw charts to DIR: the monthly cost, and who gains and loses by category and grade
    /// (SVG).
    #[arg(long, value_name = "DIR")]
    svg: Option<PathBuf>,
}

fn main() -> ExitCode {
    cli::exit(run(Args::parse()))
}

fn run(args: Args) -> Result<bool, String> {
    let lang = args.lang;
    let (reform_text, reform_source) = cli::text(
        args.reform.as_deref(),
        BUNDLED_REFORM,
        "examples/data/reforms/living-350.json",
    )?;
    let fail =
        |e: tianjin_disability_subsidies::Error| format!("{reform_source}: {}", e.describe(lang));
    let reform = Reform::from_json(&reform_text).map_err(fail)?;
    let baseline = Policy::tianjin_2023();
    let reformed = reform.apply(&baseline).map_err(fail)?;
    let mut comparer = match Comparer::new(&baseline, &reformed, args.from, args.to) {
        Ok(comparer) => comparer,
        Err(e) => cli::wrong_command_line::<Args>(&e.describe(lang)),
    };
    let limits = match args.csv {
        Some(_) => Limits::all(),
        None => Limits::default(),
    };
    let mut report = ReformReport::new(&reform, &baseline, &reformed, lang).with_limits(limits);
    let (reader, roster) = cli::lines(
        args.roster.as_deref(),
        BUNDLED_ROSTER,
        "examples/data/roster.jsonl",
    )?;
    report
        .compare_roster(&mut comparer, reader)
        .map_err(|e| format!("cannot read {roster}: {e}"))?;
    let comparison = comparer.finish();
    let text = report
        .report(&comparison, &reform_source, &roster)
        .map_err(|e| e.describe(lang))?;
    if let Some(dir) = &args.csv {
        cli::write_csv(dir, &text)?;
    }
    if let Some(dir) = &args.svg {
        charts::write_charts(dir, &comparison, &text)?;
    }
    cli::print(&text.to_text(&|s: &str| s.width()))?;
    Ok(true)
}
