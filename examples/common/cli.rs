//! What the examples share: how they write, what they refuse to overwrite, and how they end.
//!
//! Exit statuses, the same for every example: 0 when it did what was asked (rejected input
//! lines are reported, not failures); 1 when it could not (an input that cannot be read, an
//! output that cannot be written — a closed pipe or a full disk included — or totals that do not
//! reconcile); 2 when the command line is wrong (clap's own status).

#![allow(dead_code)] // Each example uses the part it needs.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tianjin_disability_subsidies::report::{printable, Report};

/// Ends an example: `Ok(true)` exits 0; `Ok(false)` (it has said what is wrong) and `Err` (its
/// message is printed, control characters escaped, as a path named in it may hold them) exit 1.
/// A standard error that cannot be written loses the message, but the status stays 1.
pub fn exit(result: Result<bool, String>) -> ExitCode {
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            let _ = writeln!(io::stderr().lock(), "{}", printable(&message));
            ExitCode::FAILURE
        }
    }
}

/// Ends an example whose command line holds a value that parses but cannot be used (a range of
/// months that is empty, a month the policy does not govern): clap's message and status 2, as
/// for any wrong command line.
pub fn wrong_command_line<A: clap::CommandFactory>(message: &str) -> ! {
    let name = std::env::args_os()
        .next()
        .and_then(|path| {
            Path::new(&path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
        })
        .unwrap_or_default();
    A::command()
        .bin_name(name)
        .error(clap::error::ErrorKind::ValueValidation, printable(message))
        .exit()
}

/// Writes `text` to stdout and flushes it: a closed pipe or a full disk is an error with a
/// message, never a panic (as `print!` would give).
pub fn print(text: &str) -> Result<(), String> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write to standard output: {e}"))
}

/// Writes `line` and a newline to stderr: one that cannot be written is an error with a
/// message (lost, but the status is 1), never a panic (as `eprintln!` would give).
pub fn note(line: &str) -> Result<(), String> {
    writeln!(io::stderr().lock(), "{line}")
        .map_err(|e| format!("cannot write to standard error: {e}"))
}

/// A file's text, or a message naming it.
pub fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The text of the file at `path`, or without one the bundled text; and its name in a report:
/// the path, or `bundled_name`.
pub fn text(
    path: Option<&Path>,
    bundled: &'static str,
    bundled_name: &str,
) -> Result<(Cow<'static, str>, String), String> {
    match path {
        None => Ok((Cow::Borrowed(bundled), bundled_name.to_owned())),
        Some(path) => Ok((Cow::Owned(read(path)?), path.display().to_string())),
    }
}

/// The file at `path` opened to be read a line at a time, or without one the bundled text; and
/// its name in a report: the path, or `bundled_name`.
pub fn lines(
    path: Option<&Path>,
    bundled: &'static str,
    bundled_name: &str,
) -> Result<(Box<dyn BufRead>, String), String> {
    match path {
        None => Ok((Box::new(bundled.as_bytes()), bundled_name.to_owned())),
        Some(path) => {
            let file =
                File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
            Ok((
                Box::new(BufReader::with_capacity(1 << 16, file)),
                path.display().to_string(),
            ))
        }
    }
}

/// Refuses an output that is one of the inputs, before anything is opened: writing it would
/// destroy the input it is about to read.
pub fn refuse_overwriting(output: &Path, inputs: &[&Path]) -> Result<(), String> {
    let out = canonical(output);
    for input in inputs {
        if canonical(input) == out {
            return Err(format!(
                "refusing to write {}: it is also an input",
                output.display()
            ));
        }
    }
    Ok(())
}

/// Writes each table of `report` to `dir/<table>.csv`, making `dir` if need be. Each file starts
/// with a byte-order mark, so that a spreadsheet reads its Chinese as UTF-8.
pub fn write_csv(dir: &Path, report: &Report) -> Result<(), String> {
    if dir.exists() && !dir.is_dir() {
        return Err(format!(
            "cannot write CSV files into {}: it is not a folder",
            dir.display()
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for table in report.tables() {
        let mut out = Output::create(&dir.join(format!("{}.csv", table.key)))?;
        out.write("\u{feff}".as_bytes())?;
        out.write(table.to_csv().as_bytes())?;
        out.finish()?;
    }
    Ok(())
}

/// A path as the file system resolves it; for a file not yet made, its folder resolved and its
/// name kept.
fn canonical(path: &Path) -> PathBuf {
    if let Ok(path) = path.canonicalize() {
        return path;
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let folder = folder.canonicalize().unwrap_or_else(|_| folder.to_owned());
    folder.join(path.file_name().unwrap_or_default())
}

/// An output file, written in full or not at all. A regular file (or one not yet made) is written
/// to a temporary file beside it, renamed over it only by [`Output::finish`], so a run that fails
/// leaves it as it was; a symbolic link is followed, so the file it names is replaced and the link
/// kept. Anything else that exists — a named pipe, a device such as `/dev/stdout` — is written
/// straight into, as it cannot be replaced.
pub struct Output {
    target: PathBuf,
    /// The temporary file, for a regular file; `None` when writing straight into the target.
    temporary: Option<PathBuf>,
    writer: Option<BufWriter<File>>,
}

impl Output {
    /// Starts writing `target`.
    pub fn create(target: &Path) -> Result<Output, String> {
        let shown = target.display();
        match std::fs::metadata(target) {
            // A pipe, a device: written straight into.
            Ok(meta) if !meta.is_file() && !meta.is_dir() => {
                let file = File::options()
                    .write(true)
                    .open(target)
                    .map_err(|e| format!("cannot open {shown}: {e}"))?;
                return Ok(Output {
                    target: target.to_owned(),
                    temporary: None,
                    writer: Some(BufWriter::new(file)),
                });
            }
            Ok(meta) if meta.is_dir() => {
                return Err(format!("cannot write {shown}: it is a folder"))
            }
            _ => {}
        }
        // A link is followed: the file it names is the one replaced.
        let target = target.canonicalize().unwrap_or_else(|_| target.to_owned());
        let mut name = target.file_name().unwrap_or_default().to_owned();
        name.push(".partial");
        let temporary = target.with_file_name(name);
        let file = File::create(&temporary)
            .map_err(|e| format!("cannot create {}: {e}", temporary.display()))?;
        Ok(Output {
            target,
            temporary: Some(temporary),
            writer: Some(BufWriter::new(file)),
        })
    }

    /// Writes some bytes.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), String> {
        let written = match self.writer.as_mut() {
            Some(writer) => writer.write_all(bytes),
            None => Ok(()),
        };
        let shown = self.temporary.as_ref().unwrap_or(&self.target).display();
        written.map_err(|e| format!("cannot write {shown}: {e}"))
    }

    /// Flushes the file and, for a regular file, syncs it and renames it into place.
    pub fn finish(mut self) -> Result<(), String> {
        let target = self.target.display().to_string();
        let fail = |e: io::Error| format!("cannot write {target}: {e}");
        let Some(writer) = self.writer.take() else {
            return Ok(());
        };
        let file = writer.into_inner().map_err(|e| fail(e.into_error()))?;
        match self.temporary.take() {
            None => Ok(()),
            Some(temporary) => {
                file.sync_all().map_err(fail)?;
                let renamed = std::fs::rename(&temporary, &self.target).map_err(fail);
                if renamed.is_err() {
                    let _ = std::fs::remove_file(&temporary);
                }
                renamed
            }
        }
    }
}

impl Drop for Output {
    /// A file not finished is removed, so that no half-written output is left behind.
    fn drop(&mut self) {
        if let Some(temporary) = &self.temporary {
            let _ = std::fs::remove_file(temporary);
        }
    }
}
