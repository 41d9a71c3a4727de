//! Output a record at a time, for `batch` and `timeline`: JSON Lines or
//! CSV rows, written as they come.

use std::io::Write;

use anyhow::{Context, Result};
use clap::ValueEnum;
use serde::Serialize;

/// Record-per-line output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// A header, then one row per record.
    Csv,
}

/// Writes `value` as one line of JSON.
pub fn json_line(out: &mut impl Write, value: &impl Serialize) -> Result<()> {
    let mut line = serde_json::to_vec(value).context("cannot write JSON")?;
    line.push(b'\n');
    out.write_all(&line).context("cannot write the output")
}

/// Writes one CSV row, quoting fields as needed.
pub fn csv_row<'a>(out: &mut impl Write, fields: impl IntoIterator<Item = &'a str>) -> Result<()> {
    let mut row = csv::Writer::from_writer(out);
    row.write_record(fields).context("cannot write the output")?;
    row.flush().context("cannot write the output")
}

/// A run whose reader stopped reading (`| head`) is done, not failed: the
/// rest is not wanted. Any other error stays one.
pub fn done_if_closed_pipe(result: Result<()>) -> Result<()> {
    match result {
        Err(error) if is_closed_pipe(&error) => Ok(()),
        other => other,
    }
}

fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().or_else(|| match cause.downcast_ref::<csv::Error>()?.kind() {
            csv::ErrorKind::Io(io) => Some(io),
            _ => None,
        });
        io.is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_ends_the_run_quietly() {
        let closed = || std::io::Error::new(std::io::ErrorKind::BrokenPipe, "closed");
        assert!(done_if_closed_pipe(Err(anyhow::Error::new(closed()).context("cannot write the output"))).is_ok());
        let through_csv = csv::Error::from(closed());
        assert!(done_if_closed_pipe(Err(anyhow::Error::new(through_csv).context("cannot write"))).is_ok());
        assert!(done_if_closed_pipe(Err(anyhow::anyhow!("disk full"))).is_err());
    }
}
