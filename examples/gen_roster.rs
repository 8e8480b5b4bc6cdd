//! Writes a generated roster: JSON Lines of varied, realistic residents' facts.
//!
//! ```text
//! cargo run --release --example gen_roster -- <count> [--seed N] [--as-of YYYY-MM]
//!     [--malformed [--malformed-every N]] > roster.jsonl
//! ```
//!
//! `count` residents are written (malformed lines come on top of them); the output depends only
//! on the seed (default 20250601), so the same command always writes the same file, and a longer
//! roster starts with the lines of a shorter one. `--as-of` (default 2025-06) is the month the
//! roster is meant to be scanned for: recent certificates, enrolments, deaths and stops fall in the
//! months before it. `--malformed` makes every 97th line bad, in turn: invalid JSON, a grade 5, a
//! misspelt (unknown) field, an interval ending before it starts, a blank line;
//! `--malformed-every N` changes 97 to N.
//!
//! The bundled sample `examples/data/roster.jsonl` is exactly the output of
//!
//! ```text
//! cargo run --release --example gen_roster -- 300 --seed 20250601 --malformed --malformed-every 59 > examples/data/roster.jsonl
//! ```
//!
//! (every 59th line rather than every 97th, so that its 300 residents come with one bad line of
//! each of the five kinds: lines 59, 118, 177, 236 and 295).

#[path = "common/cli.rs"]
mod cli;
use tianjin_disability_subsidies_support::generator;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use generator::{GenOptions, DEFAULT_MALFORMED_EVERY, DEFAULT_SEED};
use tianjin_disability_subsidies::Month;

const USAGE: &str = "usage: gen_roster <count> [--seed N] [--as-of YYYY-MM] [--malformed [--malformed-every N]] > roster.jsonl";

fn parse_args(args: &[String]) -> Result<GenOptions, String> {
    let mut count = None;
    let mut seed = DEFAULT_SEED;
    let mut as_of = Month::new(2025, 6).map_err(|e| e.to_string())?;
    let mut malformed = false;
    let mut every = DEFAULT_MALFORMED_EVERY;
    let mut i = 0;
    while i < args.len() {
        let value = |i: usize| {
            args.get(i + 1)
                .ok_or_else(|| format!("{} needs a value", args[i]))
        };
        match args[i].as_str() {
            "--seed" => {
                seed = value(i)?.parse().map_err(|_| {
                    format!(
                        "expected a whole number after --seed, found \"{}\"",
                        args[i + 1]
                    )
                })?;
                i += 1;
            }
            "--as-of" => {
                as_of = value(i)?.parse().map_err(
                    |e: tianjin_disability_subsidies::month::InvalidMonth| e.to_string(),
                )?;
                i += 1;
            }
            "--malformed" => malformed = true,
            "--malformed-every" => {
                every = value(i)?.parse().ok().filter(|n| *n > 1).ok_or_else(|| {
                    format!(
                        "expected a whole number above 1 after --malformed-every, found \"{}\"",
                        args[i + 1]
                    )
                })?;
                i += 1;
            }
            other if count.is_none() && !other.starts_with('-') => {
                count =
                    Some(other.parse::<u64>().map_err(|_| {
                        format!("expected the number of residents, found \"{other}\"")
                    })?);
            }
            other => return Err(format!("unexpected argument \"{other}\"\n{USAGE}")),
        }
        i += 1;
    }
    Ok(GenOptions {
        count: count.ok_or_else(|| USAGE.to_owned())?,
        seed,
        malformed_every: malformed.then_some(every),
        as_of,
    })
}

fn main() -> ExitCode {
    cli::run_with_args(USAGE, parse_args, |options| {
        let started = Instant::now();
        let stdout = io::stdout();
        let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
        let stats = generator::write_roster(&mut out, &options)
            .map_err(|e| format!("cannot write the roster: {e}"))?;
        let _ = out.flush();
        eprintln!(
            "wrote {} lines: {} residents, {} malformed, in {:.2?}",
            stats.lines,
            stats.residents,
            stats.malformed,
            started.elapsed()
        );
        Ok(true)
    })
}
