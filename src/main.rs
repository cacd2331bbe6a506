//! The `ganhuo` binary: parse the command line and hand over to [`ganhuo::cli`].

use clap::Parser;

fn main() -> anyhow::Result<()> {
    ganhuo::cli::dispatch(ganhuo::cli::Cli::parse())
}
