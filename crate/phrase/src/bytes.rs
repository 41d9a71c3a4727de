//! A compact byte form for compiled libraries: unsigned LEB128 numbers and
//! length-prefixed strings. Reading checks every length against the bytes
//! left, so corrupt input is an error, never a panic or a huge allocation.

/// Appends numbers and strings to a byte vector.
#[cfg(feature = "compile")]
#[derive(Debug, Default)]
pub struct Writer {
    bytes: Vec<u8>,
}

#[cfg(feature = "compile")]
impl Writer {
    /// Appends `value` in LEB128: seven bits per byte, low bits first.
    pub fn number(&mut self, value: u64) {
        let mut rest = value;
        loop {
            let low = (rest & 0x7f) as u8;
            rest >>= 7;
            if rest == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    /// Appends a count or an index.
    pub fn index(&mut self, value: usize) {
        self.number(value as u64);
    }

    /// Appends a string: its length, then its bytes.
    pub fn string(&mut self, value: &str) {
        self.index(value.len());
        self.bytes.extend_from_slice(value.as_bytes());
    }

    /// Appends a list of `u32`s: its length, the width of its largest
    /// (1, 2 or 4 bytes), then each in that many bytes (little-endian), so
    /// it reads back in one pass.
    pub fn numbers(&mut self, list: &[u32]) {
        let width = match list.iter().max() {
            Some(&max) if max > 0xffff => 4,
            Some(&max) if max > 0xff => 2,
            _ => 1,
        };
        self.index(list.len());
        self.bytes.push(width as u8);
        self.bytes.extend(list.iter().flat_map(|n| n.to_le_bytes().into_iter().take(width)));
    }

    /// Appends the boundaries of lists stored end to end (list `i` from
    /// `starts[i]` to `starts[i + 1]`, `starts[0]` = 0) as the lists'
    /// lengths: small numbers, mostly a byte each.
    pub fn starts(&mut self, starts: &[u32]) {
        let lengths: Vec<u32> = starts.windows(2).map(|pair| pair[1] - pair[0]).collect();
        self.numbers(&lengths);
    }

    /// The bytes written.
    pub fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

/// Reads what a [`Writer`] wrote, in the same order.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    /// The next number.
    pub fn number(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.bytes.split_first().ok_or("the bytes end inside a number")?;
            self.bytes = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("a number of over 64 bits".into())
    }

    /// The next count of items that take at least one byte each: never more
    /// than the bytes left, so a corrupt count cannot reserve much memory.
    pub fn count(&mut self) -> Result<usize, String> {
        let value = self.number()?;
        usize::try_from(value)
            .ok()
            .filter(|&count| count <= self.bytes.len())
            .ok_or_else(|| format!("a count of {value} with {} bytes left", self.bytes.len()))
    }

    /// The next list [`Writer::numbers`] wrote.
    pub fn numbers(&mut self) -> Result<Vec<u32>, String> {
        let len = self.count()?;
        let (&width, rest) = self.bytes.split_first().ok_or("the bytes end before a list")?;
        let width = usize::from(width);
        let bytes = match width {
            1 | 2 | 4 => len.checked_mul(width).and_then(|n| rest.get(..n)).ok_or("the bytes end inside a list")?,
            _ => return Err(format!("numbers of {width} bytes")),
        };
        self.bytes = &rest[bytes.len()..];
        Ok(bytes
            .chunks_exact(width)
            .map(|n| n.iter().rev().fold(0, |value, &byte| value << 8 | u32::from(byte)))
            .collect())
    }

    /// The next boundaries [`Writer::starts`] wrote, of lists that must
    /// end together at `total`.
    pub fn starts(&mut self, total: usize) -> Result<Vec<u32>, String> {
        let lengths = self.numbers()?;
        let mut starts = Vec::with_capacity(lengths.len() + 1);
        starts.push(0u32);
        for length in lengths {
            starts.push(starts[starts.len() - 1].saturating_add(length));
        }
        match u32::try_from(total).ok() == starts.last().copied() {
            true => Ok(starts),
            false => Err(format!("lists that do not end at {total}")),
        }
    }

    /// The next string.
    pub fn string(&mut self) -> Result<&'a str, String> {
        let len = self.count()?;
        let (text, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        std::str::from_utf8(text).map_err(|e| e.to_string())
    }

    /// Succeeds if every byte was read.
    pub fn finish(self) -> Result<(), String> {
        match self.bytes.len() {
            0 => Ok(()),
            left => Err(format!("{left} bytes left over")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "compile")]
    fn numbers_and_strings_read_back() {
        let mut writer = Writer::default();
        for value in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            writer.number(value);
        }
        writer.string("cookies");
        writer.string("");
        writer.numbers(&[3, 0, u32::MAX]);
        writer.numbers(&[300, 7]);
        writer.numbers(&[]);
        writer.starts(&[0, 2, 2, 5]);
        let bytes = writer.finish();
        let mut reader = Reader::new(&bytes);
        for value in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(reader.number(), Ok(value));
        }
        assert_eq!(reader.string(), Ok("cookies"));
        assert_eq!(reader.string(), Ok(""));
        assert_eq!(reader.numbers(), Ok(vec![3, 0, u32::MAX]));
        assert_eq!(reader.numbers(), Ok(vec![300, 7]));
        assert_eq!(reader.numbers(), Ok(vec![]));
        assert_eq!(reader.starts(5), Ok(vec![0, 2, 2, 5]));
        assert_eq!(reader.finish(), Ok(()));
    }

    #[test]
    fn corrupt_bytes_are_errors() {
        assert!(Reader::new(&[0x80]).number().is_err(), "ends inside a number");
        assert!(Reader::new(&[0xff; 11]).number().is_err(), "over 64 bits");
        assert!(Reader::new(&[9, b'a']).string().is_err(), "longer than the bytes left");
        assert!(Reader::new(&[2, 0xff, 0xfe]).string().is_err(), "not UTF-8");
        assert!(Reader::new(&[1]).finish().is_err());
        assert!(Reader::new(&[2, 2, 1, 0, 2]).numbers().is_err(), "ends inside the second number");
        assert!(Reader::new(&[1, 3, 1, 0, 0]).numbers().is_err(), "3-byte numbers");
        assert!(Reader::new(&[2, 1, 2, 3]).starts(4).is_err(), "lists of 2 and 3 end at 5");
    }
}
