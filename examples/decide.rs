//! Decides Tianjin's two disability subsidies for a batch of residents, month by month.
//!
//! ```text
//! cargo run --example decide                         # the bundled sample residents, as text
//! cargo run --example decide -- --lang zh            # the same, in Chinese
//! cargo run --example decide -- residents.json       # your own residents, as JSON
//! cargo run --example decide -- residents.json --from 2024-01 --to 2024-12
//! ```
//!
//! Without a path, it decides the ten sample residents of `examples/data/residents.json`
//! (embedded in the binary, so it runs from any directory) and prints each one's schedule as
//! readable text: one line a month, then the reasons of the last month, each citing its clause
//! id from `docs/policy/CLAUSES.md`.
//!
//! With a path, it reads a JSON array of residents (each in the `Facts` format, see
//! `src/facts.rs`), decides each one and prints the schedules on stdout as a pretty JSON array.
//! Each element is read on its own: a resident that cannot be read or whose facts cannot be true
//! is reported on stderr as `resident [i]: <error>` (`i` counts from 0; the error names the
//! field at fault, e.g. `resident [1]: certificates[0].grade: expected a disability grade from 1
//! to 4, found 5`) and the others are still decided. The last line on stderr counts the residents read, decided and
//! rejected.
//!
//! Options: `--from YYYY-MM` and `--to YYYY-MM` choose the months (default 2023-08 to 2025-12);
//! `--lang en|zh` the language of the text output.
//!
//! Exit status: 0 when the residents were read (even if some were rejected); 2 when the
//! arguments are wrong, or the file cannot be read or is not a JSON array.

use std::io::Write;
use std::process::ExitCode;

use tianjin_disability_subsidies::{
    month::MAX_RANGE_MONTHS, Error, Language, Month, Policy, Resident, Schedule,
};

/// The sample residents, embedded so that the example runs from any directory.
const SAMPLE_RESIDENTS: &str = include_str!("data/residents.json");

const USAGE: &str = "usage: decide [PATH] [--from YYYY-MM] [--to YYYY-MM] [--lang en|zh]";

/// What the command line asks for.
struct Options {
    /// A file of residents; `None` for the bundled samples.
    path: Option<String>,
    first: Month,
    last: Month,
    lang: Language,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let policy = Policy::tianjin_2023();
    let options = match parse_args(args.into_iter(), &policy) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };

    let json = match &options.path {
        None => SAMPLE_RESIDENTS.to_owned(),
        Some(path) => match std::fs::read_to_string(path) {
            Ok(json) => json,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        },
    };
    // Read the array first, then each element on its own, so that one bad resident does not
    // stop the batch.
    let elements: Vec<serde_json::Value> = match serde_json::from_str(&json) {
        Ok(elements) => elements,
        Err(e) => {
            match (options.lang, options.path.as_deref()) {
                (Language::English, path) => eprintln!(
                    "{}: expected a json array of residents: {e}",
                    path.unwrap_or("the bundled residents")
                ),
                // The JSON reader's own message stays as it came.
                (_, path) => eprintln!(
                    "{}：应为由居民组成的 JSON 数组（{e}）",
                    path.unwrap_or("内置的居民样本")
                ),
            }
            return ExitCode::from(2);
        }
    };

    let mut schedules = Vec::new();
    let mut rejected = 0;
    for (i, element) in elements.iter().enumerate() {
        match decide(&policy, element, &options) {
            Ok(schedule) => schedules.push(schedule),
            Err(e) => {
                // The line and column of a reading error would count within the resident as
                // re-serialized, not within the file: only its path and message are shown.
                let error = e.describe_without_position(options.lang);
                match options.lang {
                    Language::English => eprintln!("resident [{i}]: {error}"),
                    _ => eprintln!("居民 [{i}]：{error}"),
                }
                rejected += 1;
            }
        }
    }

    // A closed stdout (e.g. `| head`) ends the output quietly rather than with a panic.
    let mut out = std::io::stdout().lock();
    let written = if options.path.is_some() {
        serde_json::to_writer_pretty(&mut out, &schedules)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        schedules
            .iter()
            .try_for_each(|schedule| writeln!(out, "{}", schedule.explain(options.lang)))
    };
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("cannot write the schedules: {e}");
        }
    }
    let (read, decided) = (elements.len(), schedules.len());
    match options.lang {
        Language::English => eprintln!("{read} read, {decided} decided, {rejected} rejected"),
        _ => eprintln!("读取{read}人，已判定{decided}人，资料有误{rejected}人"),
    }
    ExitCode::SUCCESS
}

/// Checks one resident's facts and decides every month of the range.
fn decide(
    policy: &Policy,
    element: &serde_json::Value,
    options: &Options,
) -> Result<Schedule, Error> {
    let resident = Resident::from_json(&element.to_string())?;
    policy.schedule(&resident, options.first, options.last)
}

fn parse_args(mut args: impl Iterator<Item = String>, policy: &Policy) -> Result<Options, String> {
    let mut options = Options {
        path: None,
        first: Month::new(2023, 8).map_err(|e| e.to_string())?,
        last: Month::new(2025, 12).map_err(|e| e.to_string())?,
        lang: Language::English,
    };
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{arg}: expected a value"))
        };
        match arg.as_str() {
            "--from" => {
                options.first = value()?.parse().map_err(
                    |e: tianjin_disability_subsidies::month::InvalidMonth| format!("--from: {e}"),
                )?
            }
            "--to" => {
                options.last = value()?.parse().map_err(
                    |e: tianjin_disability_subsidies::month::InvalidMonth| format!("--to: {e}"),
                )?
            }
            "--lang" => {
                options.lang = match value()?.as_str() {
                    "en" => Language::English,
                    "zh" => Language::Chinese,
                    other => return Err(format!("--lang: expected en or zh, found \"{other}\"")),
                }
            }
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}")),
            _ if options.path.is_some() => {
                return Err(format!("expected one path, found a second: {arg}"))
            }
            _ => options.path = Some(arg),
        }
    }
    // Check the range once here rather than once per resident.
    let lang = options.lang;
    policy
        .check_covers(options.first)
        .map_err(|e| e.describe(lang))?;
    policy
        .check_covers(options.last)
        .map_err(|e| e.describe(lang))?;
    if options.first > options.last {
        return Err(Error::EmptyRange {
            first: options.first,
            last: options.last,
        }
        .describe(lang));
    }
    let months = options.first.months_until(options.last) + 1;
    if months > i64::from(MAX_RANGE_MONTHS) {
        return Err(Error::RangeTooLong {
            first: options.first,
            last: options.last,
            months,
            max: MAX_RANGE_MONTHS,
        }
        .describe(lang));
    }
    Ok(options)
}
