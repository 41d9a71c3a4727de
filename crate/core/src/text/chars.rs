//! Character-level helpers of the text pipeline: counting words, finding
//! whitespace. The loops decide ASCII bytes without decoding a char (most
//! of a policy is ASCII), which keeps them quick in a wasm engine's first
//! tier; property tests hold them to the char-wise definitions.

use std::ops::Range;

/// Counts the words of `text`: runs of letters or digits, apostrophes
/// inside a word included ("don't" is one word).
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        // ASCII, most of a policy, is decided by table without decoding a
        // char; the bytes inside a longer char are skipped.
        let is_word = match BYTE_KINDS[byte as usize] {
            ByteKind::Word => true,
            ByteKind::Apostrophe => in_word,
            ByteKind::Other => false,
            ByteKind::Inside => continue,
            ByteKind::Lead => match char_at(text, at) {
                Some(c) => c.is_alphanumeric() || (in_word && c == '\u{2019}'),
                None => false,
            },
        };
        words += usize::from(is_word && !in_word);
        in_word = is_word;
    }
    words
}

/// How [`count_words`] reads a byte.
#[derive(Debug, Clone, Copy)]
enum ByteKind {
    /// An ASCII letter or digit.
    Word,
    /// `'`: part of a word inside one.
    Apostrophe,
    /// Any other ASCII byte.
    Other,
    /// A byte inside a longer char, after its first.
    Inside,
    /// The first byte of a longer char.
    Lead,
}

/// [`ByteKind`] by byte.
static BYTE_KINDS: [ByteKind; 256] = policy_phrase::byte_table!(|b| match b {
    b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => ByteKind::Word,
    b'\'' => ByteKind::Apostrophe,
    0x80..=0xBF => ByteKind::Inside,
    0xC0..=0xFF => ByteKind::Lead,
    _ => ByteKind::Other,
});

/// Whether an ASCII byte is whitespace as `char::is_whitespace` has it
/// (which, unlike `u8::is_ascii_whitespace`, counts the vertical tab).
pub fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// The char starting at byte `at` of `text`, if `at` is a char boundary
/// before its end.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// Shrinks `range` so it neither starts nor ends with whitespace.
pub fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + leading_whitespace(slice);
    let end = range.end - trailing_whitespace(slice);
    start..end.max(start)
}

/// Bytes of whitespace `text` starts with (what `trim_start` removes).
pub fn leading_whitespace(text: &str) -> usize {
    let mut at = 0;
    while let Some(&byte) = text.as_bytes().get(at) {
        let len = match byte {
            _ if is_ascii_space(byte) => 1,
            _ if byte.is_ascii() => break,
            _ => match char_at(text, at) {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => break,
            },
        };
        at += len;
    }
    at
}

/// Bytes of whitespace `text` ends with (what `trim_end` removes).
pub fn trailing_whitespace(text: &str) -> usize {
    let mut end = text.len();
    while let Some(&byte) = text.as_bytes().get(end.wrapping_sub(1)) {
        let len = match byte {
            _ if is_ascii_space(byte) => 1,
            _ if byte.is_ascii() => break,
            _ => match text.get(..end).and_then(|before| before.chars().next_back()) {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => break,
            },
        };
        end -= len;
    }
    text.len() - end
}

/// The number of whitespace-separated words of `text`, counting no
/// further than `limit`: lines are tested for being short.
pub fn count_up_to(text: &str, limit: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    let mut at = 0;
    while let Some(&byte) = text.as_bytes().get(at) {
        if words == limit {
            break;
        }
        // As `split_whitespace`, with ASCII decided without decoding a char.
        let (space, len) = if byte.is_ascii() {
            (is_ascii_space(byte), 1)
        } else {
            let c = char_at(text, at).unwrap_or(char::REPLACEMENT_CHARACTER);
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
        at += len;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words() {
        assert_eq!(count_words("We don't sell — ever. 42 times"), 6);
        assert_eq!(count_words("Café’s naïve 'quoted' 3.5"), 5);
        assert_eq!(count_words(""), 0);
    }

    #[test]
    fn counts_whitespace_separated_words_up_to_a_limit() {
        let text = " Privacy\u{a0}Policy\u{2003}for\x0Bthe\u{85}site\t ";
        assert_eq!(count_up_to(text, 99), text.split_whitespace().count());
        assert_eq!(count_up_to(text, 99), 5);
        assert_eq!(count_up_to(text, 3), 3);
        assert_eq!(count_up_to("", 3), 0);
        assert_eq!(count_up_to("— –", 3), 2);
    }

    proptest::proptest! {
        /// The byte-wise counters read any text as the char-wise definitions do.
        #[test]
        fn byte_counters_agree_with_char_definitions(text in "(\\PC|\\s|['’])*", limit in 0usize..20) {
            proptest::prop_assert_eq!(count_up_to(&text, limit), text.split_whitespace().take(limit).count());
            let mut words = 0;
            let mut in_word = false;
            for c in text.chars() {
                let is_word = c.is_alphanumeric() || (in_word && matches!(c, '\'' | '\u{2019}'));
                words += usize::from(is_word && !in_word);
                in_word = is_word;
            }
            proptest::prop_assert_eq!(count_words(&text), words);
            proptest::prop_assert_eq!(leading_whitespace(&text), text.len() - text.trim_start().len());
            proptest::prop_assert_eq!(trailing_whitespace(&text), text.len() - text.trim_end().len());
        }
    }
}
