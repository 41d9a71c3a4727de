//! `--resume`: the ids an earlier, stopped run already wrote, and where its
//! last whole line ends (a line cut short by the stop is dropped and redone).

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};

use anyhow::{bail, Context, Result};

use super::output::csv_header;
use crate::lines::Format;

/// What an existing output file already holds.
#[derive(Debug, Default)]
pub struct Done {
    /// The ids of its records.
    pub ids: HashSet<String>,
    /// The length of its whole lines: the file is cut there before appending.
    pub whole_len: u64,
}

/// Reads the records of an earlier output in `format`, streaming (twice:
/// once to find where its whole lines end, once for their ids).
pub fn read(file: &mut (impl Read + Seek), format: Format) -> Result<Done> {
    let whole_len = whole_lines_len(BufReader::new(&mut *file))?;
    file.seek(SeekFrom::Start(0)).context("cannot read the output")?;
    let whole = BufReader::new(file.take(whole_len));
    let ids = match format {
        Format::Jsonl => jsonl_ids(whole)?,
        Format::Csv => csv_ids(whole)?,
    };
    Ok(Done { ids, whole_len })
}

/// The offset just past the last newline.
fn whole_lines_len(mut reader: impl BufRead) -> Result<u64> {
    let (mut offset, mut whole_len) = (0, 0);
    loop {
        let buffer = reader.fill_buf().context("cannot read the output")?;
        if buffer.is_empty() {
            return Ok(whole_len);
        }
        if let Some(last) = buffer.iter().rposition(|&b| b == b'\n') {
            whole_len = offset + last as u64 + 1;
        }
        let length = buffer.len();
        offset += length as u64;
        reader.consume(length);
    }
}

fn jsonl_ids(reader: impl BufRead) -> Result<HashSet<String>> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: String,
    }
    let mut ids = HashSet::new();
    for (number, line) in reader.lines().enumerate() {
        let line = line.context("the output is not UTF-8 text")?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Id>(&line) {
            Ok(record) => ids.insert(record.id),
            Err(e) => bail!("line {} is not a batch record ({e}): is this the right file?", number + 1),
        };
    }
    Ok(ids)
}

fn csv_ids(reader: impl Read) -> Result<HashSet<String>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(reader);
    let mut rows = reader.records();
    let mut ids = HashSet::new();
    match rows.next() {
        None => return Ok(ids),
        Some(header) => {
            let header = header.context("cannot read the CSV header")?;
            if header.iter().ne(csv_header().iter().map(String::as_str)) {
                bail!("its columns are not this version's badge columns: start a new file");
            }
        }
    }
    for row in rows {
        let row = row.context("not a batch CSV file")?;
        ids.insert(row.get(0).unwrap_or_default().to_string());
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    fn done(text: &str, format: Format) -> Result<Done> {
        read(&mut Cursor::new(text.as_bytes()), format)
    }

    #[test]
    fn a_cut_last_line_is_dropped() {
        let whole = "{\"id\": \"a\", \"words\": 3}\n{\"id\": \"b\", \"error\": \"x\"}\n";
        let done = done(&format!("{whole}{{\"id\": \"c\", \"wor"), Format::Jsonl).expect("readable");
        assert_eq!(done.ids, HashSet::from(["a".to_string(), "b".to_string()]));
        assert_eq!(done.whole_len, whole.len() as u64);
    }

    #[test]
    fn another_file_is_refused() {
        assert!(done("hello\n", Format::Jsonl).is_err());
        assert!(done("name,age\nx,1\n", Format::Csv).is_err());
    }

    #[test]
    fn csv_ids_are_the_first_column() {
        let mut text = csv_header().join(",");
        text.push_str("\n\"a,b\",true\n\"c");
        let done = done(&text, Format::Csv).expect("readable");
        assert_eq!(done.ids, HashSet::from(["a,b".to_string()]));
        assert!(super::read(&mut Cursor::new(b""), Format::Csv).expect("empty is fine").ids.is_empty());
    }
}
