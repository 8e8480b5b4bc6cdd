//! Reading a JSON Lines file line by line, for the benchmark examples.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

/// Streams `path` through a 64 KiB buffer, handing each non-blank line, trimmed, to `each`.
/// Stops at the first error, of reading or of `each`.
pub fn for_each_line(
    path: &Path,
    mut each: impl FnMut(&str) -> Result<(), String>,
) -> Result<(), String> {
    let file = File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut line = String::new();
    loop {
        line.clear();
        let n = reader
            .read_line(&mut line)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if n == 0 {
            return Ok(());
        }
        let text = line.trim();
        if !text.is_empty() {
            each(text)?;
        }
    }
}
