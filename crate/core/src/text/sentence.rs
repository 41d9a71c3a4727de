//! Sentences: where a paragraph's sentences end (not at abbreviations, web
//! addresses or numbers), and how an over-long run is cut into readable,
//! bounded pieces.

use std::ops::Range;

use super::chars::{char_at, leading_whitespace, trim};

/// Longest segment the splitter emits, in bytes. A longer run of text with no
/// sentence boundary (a 1 MB "sentence") is cut at spaces into pieces of at
/// most this length, so evidence stays readable and work per segment bounded.
pub const MAX_SEGMENT_BYTES: usize = 1_200;

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "eg", "ie", "etc", "vs", "inc", "ltd", "co", "corp", "llc", "no", "u.s", "u.k", "mr", "mrs", "ms",
    "dr", "st", "jr", "sr", "approx", "dept", "fig", "al", "cf", "p.o",
];

/// Calls `each` with the range of each sentence of a paragraph, in order.
pub fn sentence_ranges(text: &str, range: Range<usize>, mut each: impl FnMut(Range<usize>)) {
    let paragraph = &text[range.clone()];
    let mut start = 0;
    let mut at = 0;
    while let Some(&byte) = paragraph.as_bytes().get(at) {
        // '.', '!' and '?' are ASCII: never a byte of another char.
        at += 1;
        if !matches!(byte, b'.' | b'!' | b'?') {
            continue;
        }
        let i = at - 1;
        // Closing quotes and brackets belong to the sentence they end.
        let closing = |c: &char| matches!(c, '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '.' | '!' | '?');
        while let Some(next) = char_at(paragraph, at).filter(closing) {
            at += next.len_utf8();
        }
        let end = at;
        let rest = &paragraph[end..];
        let space = leading_whitespace(rest);
        if space == 0 && !rest.is_empty() {
            continue; // "www.example.com", "3.5": no space, no boundary
        }
        let after_space = &rest[space..];
        let next_starts_sentence =
            after_space.chars().next().is_none_or(|n| n.is_uppercase() || n.is_numeric() || "\"'(“‘[•-*".contains(n));
        if byte == b'.' && is_abbreviation(&paragraph[start..i]) && !after_space.is_empty() {
            continue;
        }
        if next_starts_sentence {
            each(trim(text, range.start + start..range.start + end));
            start = end;
        }
    }
    if paragraph[start..].chars().any(char::is_alphanumeric) {
        each(trim(text, range.start + start..range.end));
    }
}

/// Whether the word just before a period is an abbreviation or an initial.
#[inline(never)] // cold: see text/segment.rs
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    single_letter || ABBREVIATIONS.iter().any(|abbreviation| abbreviation.eq_ignore_ascii_case(word))
}

/// Cuts `range` into pieces of at most [`MAX_SEGMENT_BYTES`], at spaces where
/// possible and always on char boundaries; calls `each` with each piece.
#[inline(never)] // cold: see text/segment.rs
pub fn cut_long(text: &str, range: Range<usize>, mut each: impl FnMut(Range<usize>)) {
    let mut start = range.start;
    while range.end - start > MAX_SEGMENT_BYTES {
        let mut cut = start + MAX_SEGMENT_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(space) = text[start..cut].rfind(char::is_whitespace) {
            if space > MAX_SEGMENT_BYTES / 2 {
                cut = start + space;
            }
        }
        let piece = trim(text, start..cut);
        if !piece.is_empty() {
            each(piece);
        }
        start = cut;
    }
    let piece = trim(text, start..range.end);
    if !piece.is_empty() {
        each(piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        sentence_ranges(text, 0..text.len(), |range| found.push(&text[range]));
        found
    }

    #[test]
    fn splits_sentences_but_not_abbreviations_or_urls() {
        let text = "We use e.g. logs. See www.example.com for more. Mr. Smith is our officer! Ask him?";
        assert_eq!(
            sentences(text),
            ["We use e.g. logs.", "See www.example.com for more.", "Mr. Smith is our officer!", "Ask him?"]
        );
    }

    #[test]
    fn long_runs_are_cut_at_spaces() {
        let text = "word ".repeat(1000);
        let mut pieces = Vec::new();
        cut_long(&text, 0..text.len(), |piece| pieces.push(piece));
        assert!(pieces.len() > 3);
        for piece in pieces {
            assert!(piece.len() <= MAX_SEGMENT_BYTES);
            assert!(!text[piece].starts_with(' '));
        }
    }
}
