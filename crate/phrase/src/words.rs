//! The tokens a trie's phrases use, and their ids: one string, its word
//! boundaries and an open-addressing hash table of ids, so a saved table is
//! read back without an allocation per word.

use std::hash::Hasher;

use crate::bytes::Reader;
#[cfg(feature = "compile")]
use crate::bytes::Writer;
use crate::hash::Fnv;

/// Id of no word: a token no phrase uses.
pub const UNKNOWN: u32 = u32::MAX;

/// Words by id, and a hash table from word to id.
#[derive(Debug, Default)]
pub struct WordTable {
    /// Every word, end to end.
    text: String,
    /// Word `i` is `text[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    /// A power-of-two number of slots, at least half empty: `id + 1` of the
    /// word whose hash leads here (or to a full slot before), 0 if empty.
    slots: Vec<u32>,
}

impl WordTable {
    /// The table of `words`, word `i` getting id `i`.
    #[cfg(feature = "compile")]
    pub fn new(words: &[Box<str>]) -> WordTable {
        let mut text = String::new();
        let mut starts = vec![0];
        for word in words {
            text.push_str(word);
            starts.push(text.len() as u32);
        }
        WordTable::with_slots(text, starts)
    }

    /// The table of the words `starts` cuts `text` into, their hash table
    /// filled in.
    fn with_slots(text: String, starts: Vec<u32>) -> WordTable {
        let words = starts.len() - 1;
        let mut table = WordTable { text, starts, slots: vec![0; (words * 2).next_power_of_two()] };
        for id in 0..words as u32 {
            let (found, slot) = table.probe(table.word(id));
            if found == UNKNOWN {
                table.slots[slot] = id + 1; // a repeated word keeps its first id
            }
        }
        table
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The id of `token`, or [`UNKNOWN`].
    pub fn id(&self, token: &str) -> u32 {
        self.probe(token).0
    }

    /// Word `id` (empty if there is none).
    pub fn word(&self, id: u32) -> &str {
        let start = self.starts.get(id as usize).copied().unwrap_or_default() as usize;
        let end = self.starts.get(id as usize + 1).copied().unwrap_or_default() as usize;
        self.text.get(start..end).unwrap_or_default()
    }

    /// The id of `token` (or [`UNKNOWN`]) and the slot where its search
    /// ended: its own, or the empty one it would go in.
    fn probe(&self, token: &str) -> (u32, usize) {
        let mut hasher = Fnv::default();
        hasher.write(token.as_bytes());
        let mask = self.slots.len() - 1;
        let mut slot = hasher.finish() as usize & mask;
        loop {
            match self.slots[slot] {
                0 => return (UNKNOWN, slot),
                full if same_bytes(self.word(full - 1).as_bytes(), token.as_bytes()) => return (full - 1, slot),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Appends the table to `out`.
    #[cfg(feature = "compile")]
    pub fn write(&self, out: &mut Writer) {
        out.string(&self.text);
        out.starts(&self.starts);
    }

    /// Reads a table [`WordTable::write`] wrote, checking that every word
    /// is a slice of the text.
    pub fn read(input: &mut Reader<'_>) -> Result<WordTable, String> {
        let text = input.string()?.to_string();
        let starts = input.starts(text.len())?;
        match starts.iter().all(|&start| text.is_char_boundary(start as usize)) {
            true => Ok(WordTable::with_slots(text, starts)),
            false => Err("a word table that cuts a character".into()),
        }
    }
}

/// Whether two tokens are the same: compared byte by byte inline, which
/// for a few letters is far quicker than the call to `memcmp` `==` makes
/// (every token of a text is looked up).
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

#[cfg(all(test, feature = "compile"))] // they write tables
mod tests {
    use super::*;

    fn table(words: &[&str]) -> WordTable {
        WordTable::new(&words.iter().map(|&w| Box::from(w)).collect::<Vec<_>>())
    }

    #[test]
    fn finds_every_word_and_only_those() {
        let words: Vec<String> = (0..300).map(|i| format!("w{i}")).collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let table = table(&refs);
        for (id, word) in refs.iter().enumerate() {
            assert_eq!(table.id(word), id as u32);
            assert_eq!(table.word(id as u32), *word);
        }
        assert_eq!(table.id("w300"), UNKNOWN);
        assert_eq!(table.id(""), UNKNOWN);
        assert_eq!(self::table(&[]).id("x"), UNKNOWN);
    }

    #[test]
    fn reads_back_and_refuses_corrupt_tables() {
        let table = table(&["cookies", ",", "sell"]);
        let mut out = Writer::default();
        table.write(&mut out);
        let bytes = out.finish();
        let read = WordTable::read(&mut Reader::new(&bytes)).expect("reads");
        assert_eq!((read.id("sell"), read.id(","), read.id("buy")), (2, 1, UNKNOWN));
        let mut split = Writer::default();
        split.string("é");
        split.starts(&[0, 1, 2]); // cuts inside the char
        assert!(WordTable::read(&mut Reader::new(&split.finish())).is_err());
    }
}
