//! The command line the examples share: `--help`, arguments that do not parse, and exit codes.

use std::process::ExitCode;

/// Runs an example on its command-line arguments. `-h` or `--help` prints `usage` and exits 0;
/// arguments `parse` refuses exit 2 with its message; an error of `run` exits 1 with its
/// message, as does a run that reports failure (`Ok(false)`: it has said why).
pub fn run_with_args<A>(
    usage: &str,
    parse: impl FnOnce(&[String]) -> Result<A, String>,
    run: impl FnOnce(A) -> Result<bool, String>,
) -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{usage}");
        return ExitCode::SUCCESS;
    }
    let args = match parse(&args) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
