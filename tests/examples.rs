//! The example binaries run as a user runs them: what they refuse to overwrite, how they write
//! their outputs, their exit statuses (0 did what was asked, 1 could not, 2 wrong command line;
//! `examples/common/cli.rs`), their help, and what they print of hostile or damaged input.
//!
//! The binaries are the ones `cargo test` builds beside this test's own: `target/<profile>/
//! examples/<name>`. If one is missing (`cargo test --test lib` builds none), they are built
//! once with `cargo build --examples`.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

const BUNDLED: &str = include_str!("../examples/data/roster.jsonl");

// ---------------------------------------------------------------------------------------------
// Running the examples
// ---------------------------------------------------------------------------------------------

/// `target/<profile>`: this test runs as `target/<profile>/deps/lib-<hash>`.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test executable's path");
    exe.parent()
        .and_then(Path::parent)
        .unwrap_or_else(|| panic!("{} is not in target/<profile>/deps", exe.display()))
        .to_owned()
}

/// Builds the examples, once for all the tests, into the target directory this test runs from.
fn build_examples() -> &'static Result<(), String> {
    static BUILT: OnceLock<Result<(), String>> = OnceLock::new();
    BUILT.get_or_init(|| {
        let profile = profile_dir();
        let mut cargo = Command::new(env!("CARGO"));
        cargo
            .args(["build", "--examples", "--target-dir"])
            .arg(profile.parent().expect("target/<profile> has a parent"))
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        match profile.file_name().and_then(OsStr::to_str) {
            Some("debug") => {}
            Some("release") => {
                cargo.arg("--release");
            }
            Some(other) => {
                cargo.args(["--profile", other]);
            }
            None => {}
        }
        match cargo.output() {
            Ok(out) if out.status.success() => Ok(()),
            Ok(out) => Err(format!(
                "`cargo build --examples` failed ({}):\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            )),
            Err(e) => Err(format!("cannot run cargo ({}): {e}", env!("CARGO"))),
        }
    })
}

/// A command running the example `name`, built first if need be.
fn example(name: &str) -> Command {
    let path = profile_dir()
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    if !path.is_file() {
        if let Err(e) = build_examples() {
            panic!("the example {name} is not built ({}): {e}", path.display());
        }
    }
    assert!(
        path.is_file(),
        "the example {name} is not at {} even after `cargo build --examples`",
        path.display()
    );
    let mut command = Command::new(path);
    command.stdin(Stdio::null());
    command
}

/// How a run ended: its exit code (`None` if killed by a signal), stdout and stderr.
struct Ran {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

impl From<std::process::Output> for Ran {
    fn from(out: std::process::Output) -> Ran {
        Ran {
            code: out.status.code(),
            stdout: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

impl Ran {
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
}

/// Runs `command` to its end, its stdout and stderr captured unless set before.
fn run(command: &mut Command) -> Ran {
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"))
        .into()
}

/// A directory of its own under the temp directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path =
            std::env::temp_dir().join(format!("tianjin-examples-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).expect("a temp directory");
        TempDir(path)
    }

    /// Writes `bytes` to `name` in the directory and returns its path.
    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        fs::write(&path, bytes).expect("a temp file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The first `n` lines of the bundled roster.
fn bundled_lines(n: usize) -> String {
    BUNDLED
        .lines()
        .take(n)
        .map(|l| l.to_owned() + "\n")
        .collect()
}

/// The examples that write a report to stdout when run without arguments (on bundled data).
const REPORTING: [&str; 4] = ["decide", "roster", "reform", "policy"];

// ---------------------------------------------------------------------------------------------
// Outputs: refused when they are inputs, written in full or not at all
// ---------------------------------------------------------------------------------------------

/// The bundled residents with errors: each bad resident is reported by its place, its id and
/// the field at fault, the others are still decided — a repeated key or an array for an object in
/// one resident does not stop the batch.
#[test]
fn decide_reports_each_bad_resident_and_decides_the_rest() {
    let ran = run(example("decide").arg(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/residents-with-errors.json"),
    ));
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let lines: Vec<&str> = ran.stderr.lines().collect();
    let expected = [
        "resident [1] (TJ-HP-0102): certificates[0].grade: expected a disability grade from 1 to 4, found 5",
        "resident [3] (TJ-HP-0104): disability_type: unknown field `disability_type`",
        "resident [4] (TJ-HP-0105): household_assistance[0].to: expected a date on or after",
        "resident [6] (TJ-HP-0107): certificates[0].grade: duplicate field `grade`",
        "resident [7] (TJ-HP-0108): certificates[0]: invalid type: sequence",
        "resident [8] (TJ-HP-0109): other_benefits[0].monthly_amount: expected an amount in yuan with at most two decimal places (fen), found 812.345",
        "resident [9] (TJ-HP-0110): certificates[1].issued: issued on the same day as certificates[0]",
        "10 read, 3 decided, 7 rejected",
    ];
    assert_eq!(lines.len(), expected.len(), "{}", ran.stderr);
    for (line, start) in lines.iter().zip(expected) {
        assert!(
            line.starts_with(start),
            "{line}\n  expected to start with\n{start}"
        );
    }
    // The three good residents' schedules, as a JSON array.
    let schedules: serde_json::Value =
        serde_json::from_str(&ran.stdout()).expect("the schedules as JSON");
    let ids: Vec<&str> = schedules
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|s| s["resident"].as_str())
        .collect();
    assert_eq!(ids, ["TJ-HP-0101", "TJ-HP-0103", "TJ-HP-0106"]);
}

/// A residents file with a byte-order mark (as editors on Windows save it) reads; a file that is
/// not a JSON array exits 1, saying why in the language asked for.
#[test]
fn decide_reads_a_file_with_a_byte_order_mark_and_refuses_one_that_is_not_an_array() {
    let dir = TempDir::new("decide-files");
    let sample =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/residents.json"))
            .expect("the sample residents");
    let with_mark = dir.file("bom.json", &[b"\xef\xbb\xbf".as_slice(), &sample].concat());
    let ran = run(example("decide").arg(&with_mark));
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(
        ran.stderr.ends_with("10 read, 10 decided, 0 rejected\n"),
        "{}",
        ran.stderr
    );
    let object = dir.file("object.json", br#"{ "id": "R-1" }"#);
    let ran = run(example("decide").args(["--lang", "zh"]).arg(&object));
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(
        ran.stderr.contains("应为由居民组成的 JSON 数组")
            && ran.stderr.contains("应为数组，实为对象"),
        "{}",
        ran.stderr
    );
}

/// `roster X --jsonl X` used to truncate the roster before reading it, then report "read 0 ✓"
/// and exit 0. Now it is refused before anything is opened, however the path is spelt.
#[test]
fn roster_refuses_to_write_its_input() {
    let dir = TempDir::new("refuse");
    fs::create_dir(dir.0.join("sub")).unwrap();
    let original = bundled_lines(20);
    let input = dir.file("roster.jsonl", original.as_bytes());
    let dir_name = dir.0.file_name().unwrap().to_str().unwrap().to_owned();
    let parent = dir.0.parent().unwrap();
    let spellings = [
        input.clone(),
        PathBuf::from(format!("./{dir_name}/../{dir_name}/roster.jsonl")),
        PathBuf::from(format!("{dir_name}/sub/../roster.jsonl")),
    ];
    for output in &spellings {
        let ran = run(example("roster")
            .arg(&input)
            .arg("--jsonl")
            .arg(output)
            .current_dir(parent));
        assert_eq!(
            ran.code,
            Some(1),
            "--jsonl {}: {}",
            output.display(),
            ran.stderr
        );
        assert!(
            ran.stderr.contains("refusing to write") && ran.stderr.contains("roster.jsonl"),
            "--jsonl {}: {}",
            output.display(),
            ran.stderr
        );
        assert!(ran.stdout.is_empty(), "no report: {}", ran.stdout());
        assert_eq!(fs::read_to_string(&input).unwrap(), original);
        assert!(!dir.0.join("roster.jsonl.partial").exists());
    }
    // The input spelt another way, the output plainly.
    let ran = run(example("roster")
        .arg(format!("./{dir_name}/sub/../roster.jsonl"))
        .arg("--jsonl")
        .arg(&input)
        .current_dir(parent));
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert_eq!(fs::read_to_string(&input).unwrap(), original);
    // A symbolic link to the roster is the roster.
    #[cfg(unix)]
    {
        let link = dir.0.join("link.jsonl");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        let ran = run(example("roster").arg(&input).arg("--jsonl").arg(&link));
        assert_eq!(ran.code, Some(1), "{}", ran.stderr);
        assert!(ran.stderr.contains("link.jsonl"), "{}", ran.stderr);
        assert_eq!(fs::read_to_string(&input).unwrap(), original);
    }
}

/// Without a path, `roster` reads the bundled roster (compiled in): its file is an input too, and
/// writing over it would change what the next build reads. Refused; the file is unchanged (and
/// restored, should this test ever fail, so that a regression cannot damage the checkout).
#[test]
fn roster_refuses_to_write_the_bundled_roster() {
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/roster.jsonl");
    let before = fs::read(&bundled).expect("the bundled roster");
    let ran = run(example("roster").arg("--jsonl").arg(&bundled));
    let after = fs::read(&bundled).expect("the bundled roster");
    if after != before {
        fs::write(&bundled, &before).expect("restoring the bundled roster");
    }
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(ran.stderr.contains("refusing to write"), "{}", ran.stderr);
    assert!(after == before, "the bundled roster was written over");
}

/// `--jsonl` into a symbolic link writes the file it names and keeps the link; into a named pipe
/// writes into the pipe (a reader gets every line), rather than replacing it with a file.
#[cfg(unix)]
#[test]
fn jsonl_into_a_link_or_a_pipe_writes_through_it() {
    let dir = TempDir::new("special");
    let real = dir.file("real.jsonl", b"old\n");
    let link = dir.0.join("link.jsonl");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let ran = run(example("roster").arg("--jsonl").arg(&link));
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let written = fs::read_to_string(&real).unwrap();
    assert!(written.lines().count() > 300, "{written}");
    assert!(written.lines().last().unwrap().contains("\"summary\""));

    let fifo = dir.0.join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        println!("skipped the named pipe: no mkfifo here");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).expect("read the pipe"))
    };
    let ran = run(example("roster").arg("--jsonl").arg(&fifo));
    let read = reader.join().expect("the reader");
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(read.lines().count() > 300, "{} lines", read.lines().count());
    assert!(
        !fs::metadata(&fifo).unwrap().is_file(),
        "the pipe was replaced by a file"
    );
}

/// `--csv DIR`: a file per table, each starting with a byte-order mark (a spreadsheet then reads
/// the Chinese as UTF-8), every header named; a DIR that is a file is refused, named as such.
#[test]
fn csv_files_open_in_a_spreadsheet() {
    let dir = TempDir::new("csv");
    let ran = run(example("roster")
        .args(["--lang", "zh", "--csv"])
        .arg(dir.0.join("out")));
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let lines = fs::read_to_string(dir.0.join("out/lines.csv")).unwrap();
    assert!(
        lines.starts_with("\u{feff}项目,行数\n读取,305\n"),
        "{lines}"
    );
    let file = dir.file("plain", b"");
    let ran = run(example("reform").arg("--csv").arg(&file));
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(ran.stderr.contains("it is not a folder"), "{}", ran.stderr);
}

/// `--csv DIR` writes every row of every list, not the first few the screen shows: a CSV of 5
/// of 55 entries, with nothing saying so, was what `roster --csv` wrote without `--all`; and
/// `reform --csv` kept 20 rejected lines of 25. Each count in a heading is the rows of its file.
#[test]
fn csv_files_hold_every_row() {
    let dir = TempDir::new("csv-all");
    let ran = run(example("roster").arg("--csv").arg(dir.0.join("roster")));
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let report = ran.stdout();
    let rows = |file: &str| {
        let text = fs::read_to_string(dir.0.join(file)).expect("the CSV file");
        text.lines().count() - 1
    };
    // "应享未享 entitled but not receiving: 55", and so on: the count in each heading.
    let count = |prefix: &str| -> usize {
        let line = report
            .lines()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix} in {report}"));
        line.rsplit(|c: char| !c.is_ascii_digit())
            .find(|w| !w.is_empty())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no count in {line}"))
    };
    let entitled = count("应享未享 entitled but not receiving");
    assert_eq!(entitled, 55, "{report}");
    assert_eq!(rows("roster/entitled_not_receiving.csv"), entitled);
    assert_eq!(rows("roster/rejected.csv"), count("Rejected lines"));
    assert!(!report.contains("more"), "no list is cut short: {report}");

    let bad = dir.file(
        "bad.jsonl",
        "{not json
"
        .repeat(25)
        .as_bytes(),
    );
    let ran = run(example("reform")
        .arg("--roster")
        .arg(&bad)
        .arg("--csv")
        .arg(dir.0.join("reform")));
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(rows("reform/rejected.csv"), 25);
    assert!(!ran.stdout().contains("… and"), "{}", ran.stdout());
    // Without --csv the screen's limits stay.
    let ran = run(example("reform").arg("--roster").arg(&bad));
    assert!(ran.stdout().contains("… and 5 more"), "{}", ran.stdout());
}

/// A policy file that cannot be read, or is not a policy, exits 1 with a message naming it,
/// and prints no report.
#[test]
fn a_bad_policy_file_exits_1() {
    let dir = TempDir::new("policy");
    let not_json = dir.file("not-json.json", b"{ \"name\": ");
    let not_a_policy = dir.file("not-a-policy.json", b"{ \"name\": \"x\" }");
    let missing = dir.0.join("missing.json");
    for path in [&not_json, &not_a_policy, &missing] {
        let ran = run(example("policy").arg("--policy").arg(path));
        let name = path.file_name().unwrap().to_str().unwrap();
        assert_failed_cleanly("policy", &ran, name);
        assert!(ran.stdout.is_empty(), "{name}: {}", ran.stdout());
    }
    let ran = run(example("policy").arg("--policy").arg(&missing));
    assert!(ran.stderr.contains("cannot read"), "{}", ran.stderr);
}

/// A value that parses but cannot be used is a wrong command line too: an empty range of months,
/// a month the policy does not govern. Status 2, with clap's usage line.
#[test]
fn an_unusable_value_exits_2() {
    for (name, args) in [
        ("decide", &["--from", "2024-12", "--to", "2024-01"][..]),
        ("roster", &["--month", "2023-07"][..]),
        ("reform", &["--from", "2023-01"][..]),
    ] {
        let ran = run(example(name).args(args));
        assert_eq!(ran.code, Some(2), "{name} {args:?}: {}", ran.stderr);
        assert!(ran.stderr.starts_with("error:"), "{name}: {}", ran.stderr);
        assert!(
            ran.stderr.contains(&format!("Usage: {name}")),
            "{name}: {}",
            ran.stderr
        );
    }
}

/// `--jsonl OUT` to a new file: every record, the summary last, and no temporary file left.
#[test]
fn roster_writes_jsonl_in_full() {
    let dir = TempDir::new("jsonl");
    let out = dir.0.join("out.jsonl");
    let ran = run(example("roster").arg("--jsonl").arg(&out));
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(ran
        .stdout()
        .contains("check: read 305 = blank 1 + decided 300 + rejected 4 ✓"));
    let text = fs::read_to_string(&out).expect("the --jsonl output");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() > 300, "{} lines", lines.len());
    for line in &lines {
        let value: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert!(value["record"].is_string(), "{line}");
    }
    let summary: serde_json::Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    assert_eq!(summary["record"], "summary", "{}", lines.last().unwrap());
    assert_eq!(summary["month"], "2025-06");
    assert!(text.ends_with('\n'));
    assert!(!dir.0.join("out.jsonl.partial").exists());
    assert_eq!(fs::read_dir(&dir.0).unwrap().count(), 1, "only out.jsonl");
}

/// A run that fails after its output was started (the roster is a directory: it opens, but
/// cannot be read) leaves the output as it was and no temporary file.
#[test]
fn roster_failing_leaves_the_output_as_it_was() {
    let dir = TempDir::new("fail");
    let out = dir.file("out.jsonl", b"old\n");
    let unreadable = dir.0.join("a-directory");
    fs::create_dir(&unreadable).unwrap();
    let ran = run(example("roster").arg(&unreadable).arg("--jsonl").arg(&out));
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(ran.stderr.contains("a-directory"), "{}", ran.stderr);
    assert_eq!(fs::read_to_string(&out).unwrap(), "old\n");
    assert!(!dir.0.join("out.jsonl.partial").exists());
}

// ---------------------------------------------------------------------------------------------
// Exit statuses
// ---------------------------------------------------------------------------------------------

/// A status that is 1, with `stderr` not a panic's.
fn assert_failed_cleanly(name: &str, ran: &Ran, message: &str) {
    assert_eq!(ran.code, Some(1), "{name}: {}", ran.stderr);
    assert!(!ran.stderr.contains("panicked"), "{name}: {}", ran.stderr);
    assert!(ran.stderr.contains(message), "{name}: {}", ran.stderr);
}

/// A full disk: `decide > /dev/full` printed an error and exited 0; `roster` and `reform`
/// panicked (101). Now each says it cannot write and exits 1.
#[test]
fn a_full_disk_exits_1() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full on this system to stand for a full disk");
        return;
    }
    for name in REPORTING {
        let full = File::options().write(true).open("/dev/full").unwrap();
        let ran = run(example(name).stdout(Stdio::from(full)));
        assert_failed_cleanly(name, &ran, "cannot write to standard output");
    }
    // gen_roster writes through its own buffer.
    let full = File::options().write(true).open("/dev/full").unwrap();
    let ran = run(example("gen_roster").arg("3").stdout(Stdio::from(full)));
    assert_failed_cleanly("gen_roster", &ran, "cannot write the roster");
}

/// Standard error full: `eprintln!` panicked (101). Now the status is 1, the message lost.
#[test]
fn a_full_standard_error_exits_1() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: no /dev/full on this system to stand for a full disk");
        return;
    }
    let cases: [(&str, &[&str]); 3] = [
        // The count of residents read goes to stderr.
        ("decide", &[]),
        // The error message goes to stderr.
        ("roster", &["no-such-roster.jsonl"]),
        // The count of lines written goes to stderr.
        ("gen_roster", &["3"]),
    ];
    for (name, args) in cases {
        let full = File::options().write(true).open("/dev/full").unwrap();
        let out = run(example(name)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::from(full)));
        assert_eq!(out.code, Some(1), "{name} {args:?}");
    }
}

/// A closed pipe (`roster | head -0`): `roster` panicked (101). Now it exits 1 with a message.
///
/// The pipe's read end is closed before the example starts, so that the first write surely
/// fails (the standard library ignores SIGPIPE, so the write gets EPIPE); a read end dropped
/// after the spawn could race with a short report fitting in the pipe's buffer.
#[test]
fn a_closed_pipe_exits_1() {
    for name in REPORTING {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let ran = run(example(name).stdout(Stdio::from(writer)));
        assert_failed_cleanly(name, &ran, "cannot write to standard output");
    }
}

/// The same with the pipe the standard library makes, its read end dropped just after the
/// spawn. The report is over 1 MB (20,000 rejected lines, listed in full with `--all`), far
/// more than a pipe's buffer holds, so its writing fails whether it starts before the drop or
/// after.
#[test]
fn a_pipe_closed_after_the_start_exits_1() {
    let dir = TempDir::new("pipe");
    let roster = dir.file("bad.jsonl", "{not json\n".repeat(20_000).as_bytes());
    let mut child = example("roster")
        .arg(&roster)
        .arg("--all")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("roster runs");
    drop(child.stdout.take());
    let ran = Ran::from(child.wait_with_output().unwrap());
    assert_failed_cleanly("roster", &ran, "cannot write to standard output");
}

/// `--help` of every example exits 0 and lists its options.
#[test]
fn every_example_has_help() {
    let examples: [(&str, &[&str]); 9] = [
        ("decide", &["[PATH]", "--from", "--to", "--lang"]),
        (
            "roster",
            &["[PATH]", "--month", "--jsonl", "--csv", "--lang", "--all"],
        ),
        (
            "reform",
            &["--reform", "--roster", "--from", "--to", "--lang", "--csv"],
        ),
        (
            "gen_roster",
            &[
                "<COUNT>",
                "--seed",
                "--as-of",
                "--malformed",
                "--malformed-every",
            ],
        ),
        ("speed", &["Usage: speed"]),
        ("roster_speed", &["[COUNT]", "[ROUNDS]"]),
        ("reform_speed", &["[COUNT]"]),
        ("policy", &["--policy", "--reform", "--lang", "--csv"]),
        ("threads_speed", &["Usage: threads_speed"]),
    ];
    for (name, options) in examples {
        let ran = run(example(name).arg("--help"));
        assert_eq!(ran.code, Some(0), "{name}: {}", ran.stderr);
        let help = ran.stdout();
        assert!(help.contains(&format!("Usage: {name}")), "{name}: {help}");
        assert!(help.contains("-h, --help"), "{name}: {help}");
        for option in options {
            assert!(
                help.contains(option),
                "{name} --help lacks {option}: {help}"
            );
        }
        assert!(ran.stderr.is_empty(), "{name}: {}", ran.stderr);
    }
}

/// A wrong command line exits 2 and names the problem, and nothing runs.
#[test]
fn a_wrong_command_line_exits_2() {
    let cases: [(&str, &[&str], &[&str]); 6] = [
        ("roster", &["--month", "2025-13"], &["--month", "2025-13"]),
        ("roster", &["--lang", "fr"], &["--lang", "fr"]),
        ("roster", &["--no-such-option"], &["--no-such-option"]),
        ("decide", &["--from", "2024-00"], &["--from", "2024-00"]),
        ("reform", &["--to", "June"], &["--to", "June"]),
        ("gen_roster", &["0"], &["0"]),
    ];
    for (name, args, named) in cases {
        let ran = run(example(name).args(args));
        assert_eq!(ran.code, Some(2), "{name} {args:?}: {}", ran.stderr);
        assert!(
            ran.stderr.starts_with("error:"),
            "{name} {args:?}: {}",
            ran.stderr
        );
        for word in named {
            assert!(ran.stderr.contains(word), "{name} {args:?}: {}", ran.stderr);
        }
        assert!(ran.stdout.is_empty(), "{name} {args:?}: {}", ran.stdout());
    }
}

// ---------------------------------------------------------------------------------------------
// What is printed of the input
// ---------------------------------------------------------------------------------------------

/// No raw ESC and no line forged by a newline from the input: the text of `ran`, stdout and
/// stderr.
fn assert_no_injection(what: &str, ran: &Ran) {
    for (stream, text) in [("stdout", ran.stdout()), ("stderr", ran.stderr.clone())] {
        assert!(
            !text.contains('\u{1b}'),
            "{what}: a raw ESC on {stream}: {text}"
        );
        assert!(
            !text.lines().any(|l| l.trim_start().starts_with("forged")),
            "{what}: a forged line on {stream}: {text}"
        );
    }
}

/// An id and quoted input holding ESC sequences and newlines are printed escaped: one line
/// stays one line and the terminal is not cleared.
#[test]
fn control_characters_in_the_input_are_escaped() {
    let dir = TempDir::new("inject");
    let lines: Vec<&str> = BUNDLED.lines().collect();
    // Line 12 of the bundled roster is entitled but not receiving: its id is in the report.
    assert!(lines[11].contains(r#""id":"TJ00000012""#));
    let forged_id = lines[11].replace("TJ00000012", r"R-1\u001b[2J\nforged");
    // An unknown place, quoted in the error.
    let bad_value = lines[2].replacen(r#""tianjin""#, r#""tian\u001b[31mjin\nforged""#, 1);
    // A raw ESC inside a string: not JSON.
    let raw_esc = lines[3].replacen(r#""tianjin""#, "\"tian\u{1b}[31mjin\"", 1);
    let roster = dir.file(
        "roster.jsonl",
        format!("{forged_id}\n{bad_value}\n{raw_esc}\n").as_bytes(),
    );
    for lang in ["en", "zh"] {
        let ran = run(example("roster").arg(&roster).args(["--lang", lang]));
        assert_eq!(ran.code, Some(0), "{lang}: {}", ran.stderr);
        assert_no_injection(&format!("roster --lang {lang}"), &ran);
        let report = ran.stdout();
        assert!(
            report.contains(r"R-1\u{1b}[2J\nforged"),
            "{lang}: the id, escaped: {report}"
        );
        assert!(
            report.contains(r"tian\u{1b}[31mjin\nforged"),
            "{lang}: the quoted value, escaped: {report}"
        );
    }
    let ran = run(example("reform").arg("--roster").arg(&roster));
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_no_injection("reform", &ran);
    assert!(ran.stdout().contains(r"tian\u{1b}[31mjin\nforged"));

    // A path with control characters, in a report and in an error.
    #[cfg(unix)]
    paths_are_escaped(&dir);
}

/// A file name with control characters, in a report and in an error, is escaped.
#[cfg(unix)]
fn paths_are_escaped(dir: &TempDir) {
    let odd = dir.file("odd\u{1b}[2J\nforged.jsonl", bundled_lines(3).as_bytes());
    let ran = run(example("roster").arg(&odd));
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_no_injection("roster on an odd path", &ran);
    assert!(ran.stdout().contains(r"odd\u{1b}[2J\nforged.jsonl"));
    let missing = dir.0.join("missing\u{1b}[2J\nforged.jsonl");
    for (name, flag) in [
        ("roster", None),
        ("reform", Some("--roster")),
        ("decide", None),
    ] {
        let ran = run(example(name).args(flag).arg(&missing));
        assert_eq!(ran.code, Some(1), "{name}: {}", ran.stderr);
        assert_no_injection(&format!("{name} on a missing odd path"), &ran);
        assert!(
            ran.stderr.contains(r"missing\u{1b}[2J\nforged.jsonl"),
            "{name}: {}",
            ran.stderr
        );
    }
}

/// `check: read N = blank B + decided D + rejected R`, from the "Lines" section of a report.
fn lines_check(report: &str) -> &str {
    report
        .lines()
        .skip_while(|l| *l != "Lines")
        .find_map(|l| l.trim().strip_prefix("check: read ").map(|_| l.trim()))
        .unwrap_or_else(|| panic!("no Lines check in the report: {report}"))
}

/// The rejected lines' numbers, from the "Rejected lines" table of a report.
fn rejected_lines(report: &str) -> Vec<usize> {
    report
        .lines()
        .skip_while(|l| !l.starts_with("Rejected lines:"))
        .skip(2)
        .map_while(|l| l.split_whitespace().next()?.parse().ok())
        .collect()
}

/// `roster` and `reform` count the lines of one file alike: a byte order mark, a line over
/// 1 MiB, a line that is not UTF-8, one that is not JSON, and blank lines.
#[test]
fn roster_and_reform_count_the_same_lines() {
    let dir = TempDir::new("lines");
    let lines: Vec<&str> = BUNDLED.lines().take(4).collect();
    let mut file = Vec::new();
    // 1: decided, after a byte order mark.
    file.extend_from_slice(b"\xEF\xBB\xBF");
    file.extend_from_slice(lines[0].as_bytes());
    // 2: decided. 3: blank.
    write!(file, "\n{}\n\n", lines[1]).unwrap();
    // 4: rejected, longer than 1 MiB.
    writeln!(
        file,
        "{{\"id\":\"long\",\"pad\":\"{}\"}}",
        "a".repeat(1 << 20)
    )
    .unwrap();
    // 5: rejected, not UTF-8 (in its id).
    let not_utf8 = lines[2].replace("TJ00000003", "TJ\u{1}03");
    file.extend(not_utf8.bytes().map(|b| if b == 1 { 0xFF } else { b }));
    // 6: rejected, not JSON. 7: decided. 8: blank (spaces only).
    write!(file, "\n{{not json\n{}\n   \n", lines[3]).unwrap();
    let roster = dir.file("mixed.jsonl", &file);

    let by_roster = run(example("roster").arg(&roster));
    assert_eq!(by_roster.code, Some(0), "{}", by_roster.stderr);
    let by_reform = run(example("reform").arg("--roster").arg(&roster));
    assert_eq!(by_reform.code, Some(0), "{}", by_reform.stderr);
    let (roster_report, reform_report) = (by_roster.stdout(), by_reform.stdout());

    let expected = "check: read 8 = blank 2 + decided 3 + rejected 3 ✓";
    assert_eq!(lines_check(&roster_report), expected, "{roster_report}");
    assert_eq!(lines_check(&reform_report), expected, "{reform_report}");
    assert_eq!(rejected_lines(&roster_report), [4, 5, 6], "{roster_report}");
    assert_eq!(rejected_lines(&reform_report), [4, 5, 6], "{reform_report}");
}
