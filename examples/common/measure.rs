//! What the measuring examples share (`speed`, `roster_speed`, `reform_speed`): timing, medians,
//! generated rosters in the temp directory, and streaming them through the library's JSON Lines
//! reader. They write with `say!`, so a closed pipe is an error with a message, not a panic.

#![allow(dead_code)] // Each example uses the part it needs.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::builder::RangedU64ValueParser;
use tianjin_disability_subsidies::json::{JsonLines, Line};
use tianjin_disability_subsidies::Month;
use tianjin_disability_subsidies_support::generator;

/// `println!`, but a closed pipe or a full disk is an error with a message (`cli::print`), never
/// a panic: `say!("...")?`.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::print(&(format!($($arg)*) + "\n"))
    };
}

/// A positive number on the command line.
pub fn positive<T: TryFrom<u64> + Clone + Send + Sync + 'static>() -> RangedU64ValueParser<T> {
    RangedU64ValueParser::new().range(1..)
}

/// "met" or "missed", for a target.
pub fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "missed"
    }
}

/// The middle value (the upper one of an even count).
pub fn median<T: PartialOrd + Copy>(values: &[T]) -> T {
    sorted(values)[values.len() / 2]
}

/// The values a quarter and three quarters of the way through `values`.
pub fn quartiles(values: &[f64]) -> (f64, f64) {
    let sorted = sorted(values);
    (sorted[sorted.len() / 4], sorted[sorted.len() * 3 / 4])
}

fn sorted<T: PartialOrd + Copy>(values: &[T]) -> Vec<T> {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    sorted
}

/// The shortest time.
pub fn best(times: &[Duration]) -> Duration {
    times.iter().copied().min().unwrap_or_default()
}

/// `n` in `time`, per second.
pub fn per_second(n: u64, time: Duration) -> f64 {
    n as f64 / time.as_secs_f64()
}

/// Runs `f` once; returns its result and the time it took.
pub fn timed<T>(f: impl FnOnce() -> Result<T, String>) -> Result<(T, Duration), String> {
    let started = Instant::now();
    let value = f()?;
    Ok((value, started.elapsed()))
}

/// Runs `f` `runs` times (at least once); returns each run's time and the last run's result.
pub fn times<T>(
    runs: usize,
    mut f: impl FnMut() -> Result<T, String>,
) -> Result<(Vec<Duration>, T), String> {
    let mut times = Vec::with_capacity(runs);
    loop {
        let (value, time) = timed(&mut f)?;
        times.push(time);
        if times.len() >= runs {
            return Ok((times, value));
        }
    }
}

/// Streams `path` through a 64 KiB buffer and the library's [`JsonLines`] reader, handing each
/// line's text to `each`; blank lines are skipped. Returns (lines `each` accepted, lines it
/// refused or that could not be read as text).
pub fn stream(
    path: &Path,
    mut each: impl FnMut(&str) -> Result<bool, String>,
) -> Result<(u64, u64), String> {
    let file = File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let mut lines = JsonLines::new(BufReader::with_capacity(1 << 16, file));
    let (mut accepted, mut refused) = (0u64, 0u64);
    while let Some(line) = lines
        .next_line()
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?
    {
        match line {
            Line::Json { text, .. } if each(text)? => accepted += 1,
            Line::Json { .. } | Line::Unreadable { .. } => refused += 1,
            Line::Blank { .. } => {}
        }
    }
    Ok((accepted, refused))
}

/// A roster written by `gen_roster`'s generator to the system's temp directory, removed when
/// dropped (whether the measurement ends well or not).
pub struct Roster {
    pub path: PathBuf,
    pub residents: u64,
    generated: Duration,
}

impl Roster {
    /// `residents` generated residents as of `as_of`, in `<temp>/<name>-<residents>-<pid>.jsonl`.
    pub fn generate(name: &str, residents: u64, as_of: Month) -> Result<Roster, String> {
        let file = format!("{name}-{residents}-{}.jsonl", std::process::id());
        let mut roster = Roster {
            path: std::env::temp_dir().join(file),
            residents,
            generated: Duration::ZERO,
        };
        // On an error, `roster` is dropped and the partial file removed.
        let ((), generated) =
            timed(|| generator::write_roster_file(&roster.path, residents, as_of))?;
        roster.generated = generated;
        Ok(roster)
    }

    /// "roster: N residents, its size, generated in T (N/s) to PATH".
    pub fn describe(&self) -> String {
        let size = std::fs::metadata(&self.path).map_or(0, |m| m.len());
        format!(
            "roster: {} residents, {:.1} MiB, generated in {:.2?} ({:.0} residents/s) to {}",
            self.residents,
            size as f64 / (1024.0 * 1024.0),
            self.generated,
            per_second(self.residents, self.generated),
            self.path.display()
        )
    }
}

impl Drop for Roster {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
