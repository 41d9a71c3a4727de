//! Splits a text into headings, sentences and list items, with byte offsets
//! into the original input.
//!
//! The splitter reads the text once, line by line. It knows Markdown heading
//! and list markers, the short unpunctuated lines that HTML headings become
//! when a page is flattened to text, "Label: text" list items, and the
//! sentence that introduces a list ("We may share your data with:").

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
    for c in text.chars() {
        let is_word = c.is_alphanumeric() || (in_word && matches!(c, '\'' | '\u{2019}'));
        if is_word && !in_word {
            words += 1;
        }
        in_word = is_word;
    }
    words
}

struct Splitter<'a> {
    text: &'a str,
    segments: Vec<Segment>,
    heading: Option<usize>,
    lead_in: Option<usize>,
}

impl Splitter<'_> {
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
        for piece in cut_long(self.text, range) {
            self.segments.push(Segment { range: piece, kind: SegmentKind::Heading, heading: None, lead_in: None });
        }
        self.heading = Some(self.segments.len() - 1);
        self.lead_in = None;
    }

    /// Pushes the sentences of `range`; returns the index of the last one.
    fn sentences(&mut self, range: Range<usize>, kind: SegmentKind, lead_in: Option<usize>) -> Option<usize> {
        let mut last = None;
        for (i, sentence) in sentence_ranges(self.text, range).into_iter().enumerate() {
            let text = &self.text[sentence.clone()];
            if i == 0 && count_up_to(text, MAX_INLINE_TITLE_WORDS + 1) <= MAX_INLINE_TITLE_WORDS && is_title(text) {
                // "Service Providers. We share..." : a run-in heading.
                self.push_heading(sentence);
                continue;
            }
            for piece in cut_long(self.text, sentence) {
                self.segments.push(Segment { range: piece, kind, heading: self.heading, lead_in });
                last = Some(self.segments.len() - 1);
            }
        }
        last
    }

    fn ends_with_colon(&self, index: usize) -> bool {
        self.text[self.segments[index].range.clone()].ends_with(':')
    }
}

/// Shrinks `range` so it neither starts nor ends with whitespace.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
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
    text.split_whitespace().take(limit).count()
}

/// Whether a line is written as a title: every word capitalized but short
/// function words ("Your California Privacy Rights.", "How You Can Access
/// and Update Your Information"), or all capitals.
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

/// Yields the sentence ranges of a paragraph.
fn sentence_ranges(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let paragraph = &text[range.clone()];
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut chars = paragraph.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Closing quotes and brackets belong to the sentence they end.
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            if matches!(next, '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '.' | '!' | '?') {
                end = j + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &paragraph[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() && !rest.is_empty() {
            continue; // "www.example.com", "3.5": no space, no boundary
        }
        let next_starts_sentence =
            after_space.chars().next().is_none_or(|n| n.is_uppercase() || n.is_numeric() || "\"'(“‘[•-*".contains(n));
        if c == '.' && is_abbreviation(&paragraph[start..i]) && !after_space.is_empty() {
            continue;
        }
        if next_starts_sentence {
            sentences.push(trim(text, range.start + start..range.start + end));
            start = end;
        }
    }
    if paragraph[start..].chars().any(char::is_alphanumeric) {
        sentences.push(trim(text, range.start + start..range.end));
    }
    sentences
}

/// Whether the word just before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let lower = word.to_ascii_lowercase();
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    single_letter || ABBREVIATIONS.contains(&lower.as_str())
}

/// Cuts `range` into pieces of at most [`MAX_SEGMENT_BYTES`], at spaces where
/// possible and always on char boundaries.
fn cut_long(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
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
            pieces.push(piece);
        }
        start = cut;
    }
    let piece = trim(text, start..range.end);
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
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
        assert_eq!(count_words(""), 0);
    }
}
