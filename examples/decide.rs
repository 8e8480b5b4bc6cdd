//! Decides Tianjin's two disability subsidies for a batch of residents, month by month.
//!
//! ```text
//! cargo run --example decide                         # the bundled sample residents, as text
//! cargo run --example decide -- --lang zh            # the same, in Chinese
//! cargo run --example decide -- residents.json       # your own residents, as JSON
//! cargo run --example decide -- residents.json --from 2024-01 --to 2024-12
//! ```
//!
//! Without a path it decides the ten sample residents of `examples/data/residents.json`
//! (embedded, so it runs from any directory) and prints each one's schedule as text: one line a
//! month, then the reasons of the last month, each citing its clause id. With a path it reads a
//! JSON array of residents (each in the `Facts` format) and prints the schedules as a pretty
//! JSON array. Each resident is read on its own: one that cannot be read, or whose facts cannot
//! be true, is reported on stderr as `resident [i] (id): <error>` (`i` counts from 0, the error
//! names the field) and the others are still decided; the last line on stderr counts them.
//!
//! Exit status (see `common/cli.rs`): 0 when the residents were read, even if some were
//! rejected; 1 when the file cannot be read or is not a JSON array, or the output cannot be
//! written; 2 for a wrong command line.

#[path = "common/cli.rs"]
mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use tianjin_disability_subsidies::report::printable;
use tianjin_disability_subsidies::{Language, Month, Policy, Resident};

/// The sample residents, embedded so that the example runs from any directory.
const SAMPLE_RESIDENTS: &str = include_str!("data/residents.json");

/// Decides the two disability subsidies for a batch of residents, month by month, with the
/// reasons for each decision.
#[derive(Parser)]
struct Args {
    /// A JSON array of residents (the Facts format); the schedules are printed as JSON. Without
    /// it, the bundled sample residents, printed as text.
    path: Option<PathBuf>,
    /// The first month decided.
    #[arg(long, value_name = "YYYY-MM", default_value = "2023-08")]
    from: Month,
    /// The last month decided.
    #[arg(long, value_name = "YYYY-MM", default_value = "2025-12")]
    to: Month,
    /// The language of the text and of the errors: en or zh.
    #[arg(long, value_name = "LANG", default_value = "en")]
    lang: Language,
}

fn main() -> ExitCode {
    cli::exit(run(Args::parse()))
}

fn run(args: Args) -> Result<bool, String> {
    let lang = args.lang;
    let policy = Policy::tianjin_2023();
    // The range is checked once, not once per resident.
    if let Err(e) = policy.check_range(args.from, args.to) {
        cli::wrong_command_line::<Args>(&e.describe(lang));
    }
    let (json, name) = cli::text(
        args.path.as_deref(),
        SAMPLE_RESIDENTS,
        "examples/data/residents.json",
    )?;
    // The array first, by the crate's reader (a byte-order mark skipped, an error in the
    // chosen language), each element kept as its text; then each element read strictly on its
    // own (a repeated key, an array for an object, a value out of range), so that one bad
    // resident does not stop the batch.
    let elements: Vec<Box<serde_json::value::RawValue>> =
        tianjin_disability_subsidies::json::from_str(&json).map_err(|e| match lang {
            Language::Chinese => format!(
                "{name}：应为由居民组成的 JSON 数组（JSON Lines 名册请用 roster 示例）：{}",
                e.describe(lang)
            ),
            _ => format!(
                "{name}: expected a JSON array of residents (a JSON Lines roster is read by the \
                 roster example): {}",
                e.describe(lang)
            ),
        })?;
    let mut schedules = Vec::new();
    let mut rejected = 0;
    for (i, element) in elements.iter().enumerate() {
        let schedule = Resident::from_json(element.get())
            .and_then(|resident| policy.schedule(&resident, args.from, args.to));
        match schedule {
            Ok(schedule) => schedules.push(schedule),
            Err(e) => {
                rejected += 1;
                // Without a line and column: they would count within the element, not the file.
                let error = printable(&e.describe_without_position(lang)).into_owned();
                // The resident's place in the array (from 0) and, when it has one, its id.
                let id = serde_json::from_str::<serde_json::Value>(element.get())
                    .ok()
                    .and_then(|value| {
                        value
                            .get("id")?
                            .as_str()
                            .map(|id| format!(" ({})", printable(id)))
                    })
                    .unwrap_or_default();
                cli::note(&match lang {
                    Language::Chinese => format!("居民 [{i}]{id}：{error}"),
                    _ => format!("resident [{i}]{id}: {error}"),
                })?;
            }
        }
    }
    let text = if args.path.is_some() {
        serde_json::to_string_pretty(&schedules).map_err(|e| e.to_string())? + "\n"
    } else {
        schedules
            .iter()
            .map(|s| s.explain(lang).to_string() + "\n")
            .collect()
    };
    cli::print(&text)?;
    let (read, decided) = (elements.len(), schedules.len());
    cli::note(&match lang {
        Language::Chinese => format!("读取{read}人，已判定{decided}人，资料有误{rejected}人"),
        _ => format!("{read} read, {decided} decided, {rejected} rejected"),
    })?;
    Ok(true)
}
