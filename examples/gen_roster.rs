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

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use tianjin_disability_subsidies::Month;
use tianjin_disability_subsidies_support::generator::{self, GenOptions, DEFAULT_SEED};

/// Writes a generated roster to standard output: JSON Lines of varied, realistic residents'
/// facts, the same for the same seed.
#[derive(Parser)]
struct Args {
    /// How many residents (malformed lines come on top of them).
    #[arg(value_parser = clap::value_parser!(u64).range(1..))]
    count: u64,
    /// The seed: the same seed always writes the same file.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// The month the roster is meant to be scanned for: recent events fall before it.
    #[arg(long, value_name = "YYYY-MM", default_value = "2025-06")]
    as_of: Month,
    /// Make every 97th line (or every --malformed-every N) bad, of five kinds in turn.
    #[arg(long)]
    malformed: bool,
    /// With --malformed: a bad line every N lines (N at least 2).
    #[arg(long, value_name = "N", requires = "malformed", default_value_t = generator::DEFAULT_MALFORMED_EVERY,
          value_parser = clap::value_parser!(u64).range(2..))]
    malformed_every: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let options = GenOptions {
        count: args.count,
        seed: args.seed,
        malformed_every: args.malformed.then_some(args.malformed_every),
        as_of: args.as_of,
    };
    let started = Instant::now();
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let written = generator::write_roster(&mut out, &options).and_then(|stats| {
        out.flush()?;
        Ok(stats)
    });
    cli::exit(
        written
            .map_err(|e| format!("cannot write the roster: {e}"))
            .and_then(|stats| {
                cli::note(&format!(
                    "wrote {} lines: {} residents, {} malformed, in {:.2?}",
                    stats.lines,
                    stats.residents,
                    stats.malformed,
                    started.elapsed()
                ))
                .map(|()| true)
            }),
    )
}
