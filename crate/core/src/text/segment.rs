//! Splits a text into headings, sentences and list items, with byte offsets
//! into the original input.
//!
//! The splitter reads the text once, line by line. It knows Markdown heading
//! and list markers, the short unpunctuated lines that HTML headings become
//! when a page is flattened to text, "Label: text" list items, and the
//! sentence that introduces a list ("We may share your data with:").
//!
//! The per-byte loops stay small, and what most lines and sentences skip
//! (titles, abbreviations, list items, over-long runs) is kept out of them
//! (`#[inline(never)]`): a wasm engine runs a function first in a baseline
//! tier and recompiles the hot ones in the background, and small hot
//! functions are quicker for both, which is most of the extension's first
//! analysis (`npm run bench`, first call).

use std::ops::Range;

/// Longest segment the splitter emits, in bytes. A longer run of text with no
/// sentence boundary (a 1 MB "sentence") is cut at spaces into pieces of at
/// most this length, so evidence stays readable and work per segment bounded.
pub const MAX_SEGMENT_BYTES: usize = 1_200;

/// Longest line, in words, that can be a heading without a Markdown marker.
const MAX_HEADING_WORDS: usize = 12;

/// Longest line, in words, that can be a heading because it is written as a
/// title (capitalized words, or all capitals), punctuation or not.
const MAX_TITLE_WORDS: usize = 16;

/// Longest title at the start of a paragraph ("Service Providers. We...")
/// taken as a run-in heading.
const MAX_INLINE_TITLE_WORDS: usize = 5;

/// Longest line without sentence punctuation that is a heading even when
/// it starts in lowercase ("cookie policy").
const MAX_LOWERCASE_HEADING_WORDS: usize = 3;

/// Longest "Label:" at the start of a list item that acts as its heading.
const MAX_LABEL_WORDS: usize = 6;

/// Longest line ending in ':' that is a heading rather than the sentence
/// introducing a list ("Information we collect:" vs "We may share it with:").
const MAX_COLON_HEADING_WORDS: usize = 3;

/// What role a segment plays in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// A section heading: context for what follows, never evidence itself.
    Heading,
    /// A sentence of running text.
    Sentence,
    /// A sentence of a list item.
    ListItem,
}

/// A heading, sentence or list item of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the original input; starts and ends on char boundaries
    /// and holds no leading or trailing whitespace.
    pub range: Range<usize>,
    /// The segment's role.
    pub kind: SegmentKind,
    /// Index of the heading segment governing this one, if any.
    pub heading: Option<usize>,
    /// For list items: index of the sentence introducing the list.
    pub lead_in: Option<usize>,
}

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "eg", "ie", "etc", "vs", "inc", "ltd", "co", "corp", "llc", "no", "u.s", "u.k", "mr", "mrs", "ms",
    "dr", "st", "jr", "sr", "approx", "dept", "fig", "al", "cf", "p.o",
];

/// Splits `text` into segments, in document order.
pub fn segment(text: &str) -> Vec<Segment> {
    let mut splitter = Splitter { text, segments: Vec::new(), heading: None, lead_in: None };
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        splitter.line(line_start..line_start + line.len());
        line_start += line.len();
    }
    splitter.segments
}

/// Counts the words of `text`: runs of letters or digits, apostrophes
/// inside a word included ("don't" is one word).
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        // ASCII, most of a policy, is decided without decoding a char;
        // the bytes inside a longer char are skipped.
        let is_word = match byte {
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => true,
            b'\'' => in_word,
            0x80..=0xBF => continue,
            _ if byte.is_ascii() => false,
            _ => match char_at(text, at) {
                Some(c) => c.is_alphanumeric() || (in_word && c == '\u{2019}'),
                None => false,
            },
        };
        words += usize::from(is_word && !in_word);
        in_word = is_word;
    }
    words
}

/// Whether an ASCII byte is whitespace as `char::is_whitespace` has it
/// (which, unlike `u8::is_ascii_whitespace`, counts the vertical tab).
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// The char starting at byte `at` of `text`, if `at` is a char boundary
/// before its end.
fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

struct Splitter<'a> {
    text: &'a str,
    segments: Vec<Segment>,
    heading: Option<usize>,
    lead_in: Option<usize>,
}

impl Splitter<'_> {
    #[inline(never)] // see the module comment: `segment` runs once, `line` often
    fn line(&mut self, range: Range<usize>) {
        let range = trim(self.text, range);
        let line = &self.text[range.clone()];
        if !line.chars().any(char::is_alphanumeric) {
            return; // blank lines and rules like "* * *" separate, they say nothing
        }
        if let Some(content) = after_prefix(line, heading_marker(line)) {
            let heading = trim(self.text, range.start + content..range.end);
            self.push_heading(heading);
            return;
        }
        if let Some(content) = after_prefix(line, list_marker(line)) {
            let item = trim(self.text, range.start + content..range.end);
            self.list_item(item);
            return;
        }
        if looks_like_heading(line) || is_short_label(line) {
            self.push_heading(range);
            return;
        }
        let last = self.sentences(range, SegmentKind::Sentence, None);
        self.lead_in = last.filter(|&i| self.ends_with_colon(i));
    }

    #[inline(never)] // see the module comment
    fn list_item(&mut self, range: Range<usize>) {
        let item = &self.text[range.clone()];
        if looks_like_heading(item) && !item.ends_with(':') {
            // A table of contents entry or a bolded sub-heading.
            self.push_heading(range);
            return;
        }
        let body = match label_end(item) {
            Some(colon) => {
                let label = trim(self.text, range.start..range.start + colon);
                let previous_heading = self.heading;
                self.push_heading(label);
                let body = trim(self.text, range.start + colon + 1..range.end);
                self.heading = previous_heading.or(self.heading);
                body
            }
            None => range,
        };
        let lead_in = self.lead_in;
        let last = self.sentences(body, SegmentKind::ListItem, lead_in);
        if lead_in.is_none() {
            // An item that itself ends with ':' introduces a nested list.
            self.lead_in = last.filter(|&i| self.ends_with_colon(i));
        }
    }

    fn push_heading(&mut self, range: Range<usize>) {
        let segments = &mut self.segments;
        cut_long(self.text, range, |piece| {
            segments.push(Segment { range: piece, kind: SegmentKind::Heading, heading: None, lead_in: None });
        });
        self.heading = Some(self.segments.len() - 1);
        self.lead_in = None;
    }

    /// Pushes the sentences of `range`; returns the index of the last one.
    fn sentences(&mut self, range: Range<usize>, kind: SegmentKind, lead_in: Option<usize>) -> Option<usize> {
        let mut last = None;
        let mut first = true;
        let text = self.text;
        sentence_ranges(text, range, |sentence| {
            let words = &text[sentence.clone()];
            let run_in = first && count_up_to(words, MAX_INLINE_TITLE_WORDS + 1) <= MAX_INLINE_TITLE_WORDS;
            first = false;
            if run_in && is_title(words) {
                // "Service Providers. We share..." : a run-in heading.
                self.push_heading(sentence);
                return;
            }
            let (segments, heading) = (&mut self.segments, self.heading);
            cut_long(text, sentence, |piece| {
                segments.push(Segment { range: piece, kind, heading, lead_in });
                last = Some(segments.len() - 1);
            });
        });
        last
    }

    fn ends_with_colon(&self, index: usize) -> bool {
        self.text[self.segments[index].range.clone()].ends_with(':')
    }
}

/// Shrinks `range` so it neither starts nor ends with whitespace.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + leading_whitespace(slice);
    let end = range.end - trailing_whitespace(slice);
    start..end.max(start)
}

/// Bytes of whitespace `text` starts with (what `trim_start` removes).
fn leading_whitespace(text: &str) -> usize {
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
fn trailing_whitespace(text: &str) -> usize {
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

/// Offset of the content after a marker of `len` bytes, if there was one and
/// it leaves text with letters in it.
fn after_prefix(line: &str, marker_len: Option<usize>) -> Option<usize> {
    let len = marker_len?;
    line[len..].chars().any(char::is_alphanumeric).then_some(len)
}

/// Length of a Markdown heading marker (`## `) at the start of `line`.
fn heading_marker(line: &str) -> Option<usize> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    ((1..=6).contains(&hashes) && line[hashes..].starts_with(' ')).then_some(hashes + 1)
}

/// Length of a list marker (`- `, `* `, `• `, `1. `, `(a) `) at the start of `line`.
fn list_marker(line: &str) -> Option<usize> {
    for bullet in ["- ", "* ", "+ ", "• ", "· ", "▪ ", "◦ ", "– "] {
        if line.starts_with(bullet) {
            return Some(bullet.len());
        }
    }
    let bytes = line.as_bytes();
    let (inner_start, closer_ok): (usize, fn(u8) -> bool) =
        if bytes.first() == Some(&b'(') { (1, |b| b == b')') } else { (0, |b| b == b'.' || b == b')') };
    let label_len = bytes[inner_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    let numeric = bytes[inner_start..inner_start + label_len].iter().all(u8::is_ascii_digit);
    let roman_or_letter =
        label_len == 1 || bytes[inner_start..inner_start + label_len].iter().all(|b| b"ivx".contains(b));
    let closer = inner_start + label_len;
    let valid_label = label_len > 0 && label_len <= 3 && (numeric || roman_or_letter);
    (valid_label && bytes.get(closer).is_some_and(|&b| closer_ok(b)) && bytes.get(closer + 1) == Some(&b' '))
        .then_some(closer + 2)
}

/// Whether a line without a Markdown marker reads as a heading: short, and
/// not ending like a sentence.
fn looks_like_heading(line: &str) -> bool {
    let words = count_up_to(line, MAX_HEADING_WORDS + 1);
    let last = line.chars().next_back().unwrap_or('.');
    let unpunctuated = words <= MAX_HEADING_WORDS
        && !matches!(last, '.' | ';' | ',' | '!' | ')' | '"' | '\'' | '\u{201D}')
        && !(last == ':' && words > MAX_COLON_HEADING_WORDS)
        && line.chars().next().is_some_and(|c| !c.is_lowercase());
    unpunctuated || is_title(line)
}

/// Whether a line on its own is a short unpunctuated label ("cookie
/// policy"): a heading even in lowercase. (List items are not: "- our
/// partners" is an item.)
fn is_short_label(line: &str) -> bool {
    count_up_to(line, MAX_LOWERCASE_HEADING_WORDS + 1) <= MAX_LOWERCASE_HEADING_WORDS
        && line.chars().next_back().is_some_and(|c| c.is_alphanumeric())
}

/// The number of whitespace-separated words of `text`, counting no
/// further than `limit`: lines are tested for being short.
fn count_up_to(text: &str, limit: usize) -> usize {
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

/// Whether a line is written as a title: every word capitalized but short
/// function words ("Your California Privacy Rights.", "How You Can Access
/// and Update Your Information"), or all capitals.
#[inline(never)] // see the module comment
fn is_title(line: &str) -> bool {
    const SMALL: &[&str] = &["a", "an", "and", "or", "of", "the", "to", "for", "in", "on", "with", "by", "at", "other"];
    let (mut words, mut letters, mut lowercase, mut every_word_capitalized) = (0, false, false, true);
    for word in line.split_whitespace() {
        lowercase |= word.chars().any(char::is_lowercase);
        let Some(first) = word.chars().find(|c| c.is_alphanumeric()) else { continue };
        words += 1;
        if words > MAX_TITLE_WORDS {
            return false;
        }
        letters |= word.chars().any(char::is_alphabetic);
        let capitalized = first.is_uppercase() || first.is_numeric();
        every_word_capitalized &= capitalized || SMALL.iter().any(|small| word.eq_ignore_ascii_case(small));
        if lowercase && !every_word_capitalized {
            return false; // neither can change back: most sentences stop here
        }
    }
    letters && (every_word_capitalized || !lowercase)
}

/// End of a short "Label:" at the start of a list item, when text follows it.
fn label_end(item: &str) -> Option<usize> {
    let colon = item.find(':')?;
    let label = &item[..colon];
    let words = label.split_whitespace().count();
    let is_label = (1..=MAX_LABEL_WORDS).contains(&words)
        && !label.contains(['.', ',', ';', '/'])
        && item[colon + 1..].trim_start().starts_with(|c: char| c.is_uppercase());
    is_label.then_some(colon)
}

/// Calls `each` with the range of each sentence of a paragraph, in order.
fn sentence_ranges(text: &str, range: Range<usize>, mut each: impl FnMut(Range<usize>)) {
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
#[inline(never)] // see the module comment
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    single_letter || ABBREVIATIONS.iter().any(|abbreviation| abbreviation.eq_ignore_ascii_case(word))
}

/// Cuts `range` into pieces of at most [`MAX_SEGMENT_BYTES`], at spaces where
/// possible and always on char boundaries; calls `each` with each piece.
#[inline(never)] // see the module comment
fn cut_long(text: &str, range: Range<usize>, mut each: impl FnMut(Range<usize>)) {
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

    fn texts(text: &str) -> Vec<(SegmentKind, &str)> {
        segment(text).into_iter().map(|s| (s.kind, &text[s.range])).collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations_or_urls() {
        let text = "We use e.g. logs. See www.example.com for more. Mr. Smith is our officer! Ask him?";
        let got: Vec<&str> = texts(text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            got,
            ["We use e.g. logs.", "See www.example.com for more.", "Mr. Smith is our officer!", "Ask him?"]
        );
    }

    #[test]
    fn recognizes_markdown_and_plain_headings() {
        let text = "# Privacy Policy\n\nCookies\n\nWe use cookies. They help.\n### Your Choices\nYou may opt out.";
        let got = texts(text);
        assert_eq!(got[0], (SegmentKind::Heading, "Privacy Policy"));
        assert_eq!(got[1], (SegmentKind::Heading, "Cookies"));
        assert_eq!(got[2], (SegmentKind::Sentence, "We use cookies."));
        assert_eq!(got[4], (SegmentKind::Heading, "Your Choices"));
        let segments = segment(text);
        assert_eq!(segments[3].heading, Some(1));
        assert_eq!(segments[5].heading, Some(4));
    }

    #[test]
    fn title_lines_are_headings_even_with_a_period() {
        for title in [
            "Children's Privacy.",
            "YOUR CALIFORNIA PRIVACY RIGHTS (Civil Code 1798.83)",
            "How You Can Access and Update Your Personal Information and other Account Information",
        ] {
            assert_eq!(texts(title)[0].0, SegmentKind::Heading, "{title}");
        }
        assert_eq!(texts("We Use Cookies to help, and other tools too.")[0].0, SegmentKind::Sentence);
    }

    #[test]
    fn run_in_titles_are_headings() {
        let got = texts("Service Providers. We share data with processors.");
        assert_eq!(
            got,
            [(SegmentKind::Heading, "Service Providers."), (SegmentKind::Sentence, "We share data with processors.")]
        );
    }

    #[test]
    fn list_items_remember_their_lead_in() {
        let text =
            "We may share your details with:\n- our advertising partners\n- companies we acquire\n\nThat is all.";
        let segments = segment(text);
        assert_eq!(segments[1].kind, SegmentKind::ListItem);
        assert_eq!(segments[1].lead_in, Some(0));
        assert_eq!(segments[2].lead_in, Some(0));
        assert_eq!(segments[3].lead_in, None);
    }

    #[test]
    fn a_label_at_the_start_of_an_item_becomes_its_heading() {
        let text = "- Cookies: We place small files on your device.";
        let got = texts(text);
        assert_eq!(
            got,
            [(SegmentKind::Heading, "Cookies"), (SegmentKind::ListItem, "We place small files on your device.")]
        );
    }

    #[test]
    fn numbered_and_lettered_items_are_list_items() {
        for item in ["1. We store logs.", "(a) We store logs.", "iv) We store logs.", "• We store logs."] {
            assert_eq!(texts(item), [(SegmentKind::ListItem, "We store logs.")], "{item}");
        }
    }

    #[test]
    fn long_runs_are_cut_at_spaces() {
        let text = "word ".repeat(1000);
        let segments = segment(&text);
        assert!(segments.len() > 3);
        for s in &segments {
            assert!(s.range.len() <= MAX_SEGMENT_BYTES);
            assert!(!text[s.range.clone()].starts_with(' '));
        }
    }

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

    #[cfg(not(target_arch = "wasm32"))]
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
