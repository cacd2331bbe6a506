//! The `ganhuo` binary: parse the command line, hand over to [`ganhuo::cli`], and turn an
//! error into one clean message and a non-zero exit.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let Err(err) = ganhuo::cli::dispatch(ganhuo::cli::Cli::parse()) else {
        return ExitCode::SUCCESS;
    };
    // `ganhuo topics | head -1`: the reader has what it wanted.
    if ganhuo::cli::is_broken_pipe(&err) {
        return ExitCode::SUCCESS;
    }
    let mut stderr = std::io::stderr().lock();
    // Nothing useful is left to do when stderr is gone too.
    let _ = writeln!(stderr, "error: {err}");
    for cause in err.chain().skip(1) {
        let _ = writeln!(stderr, "  caused by: {cause}");
    }
    ExitCode::FAILURE
}
