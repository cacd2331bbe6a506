//! Running the bots: placeholder until the adapters land.

use anyhow::{Result, bail};

use crate::config::Config;

pub fn run(config: Config) -> Result<()> {
    let _ = config;
    bail!("not built yet")
}

pub fn health(url: &str) -> Result<()> {
    let _ = url;
    bail!("not built yet")
}
