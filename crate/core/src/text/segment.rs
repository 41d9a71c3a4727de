//! Splits a text into headings and statements (sentences, list items,
//! table rows), with byte offsets into the original input, and links each
//! statement to what it must be read with: its section's heading, and the
//! lead-in that gives it its subject ("We never:" before a list, a
//! question before its answer, a "Label:" before its text, a table's
//! header row before each row).
//!
//! The splitter reads the text once, line by line ([`super::line`] says
//! what each line is). It knows Markdown heading and list markers, tables
//! flattened as `cell | cell`, the short unpunctuated lines that HTML
//! headings become when a page is flattened to text, and the statement
//! fragments of app policies that are not headings though they end
//! without a full stop.
//!
//! The per-byte loops stay small, and what most lines and sentences skip
//! (titles, abbreviations, list items, over-long runs) is kept out of them
//! (`#[inline(never)]`): a wasm engine runs a function first in a baseline
//! tier and recompiles the hot ones in the background, and small hot
//! functions are quicker for both, which is most of the extension's first
//! analysis (`npm run bench`, first call).

use std::ops::Range;

use super::chars::{count_up_to, trim};
use super::line::{
    after_prefix, heading_marker, is_question, is_title, item_reads_as_heading, label_end, list_marker,
    reads_as_heading, table_cells,
};
use super::sentence::{cut_long, sentence_ranges};

/// Longest title at the start of a paragraph ("Service Providers. We...")
/// taken as a run-in heading.
const MAX_INLINE_TITLE_WORDS: usize = 5;

/// Longest line without sentence punctuation that is a heading even when
/// it starts in lowercase ("cookie policy").
const MAX_LOWERCASE_HEADING_WORDS: usize = 3;

/// What role a segment plays in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// A section heading: context for what follows, never evidence itself.
    Heading,
    /// A sentence of running text.
    Sentence,
    /// A sentence of a list item.
    ListItem,
    /// A question or a short "Label:" that the statement after it answers
    /// ("Do you sell my data?" before "No.", "Retention:" before "30
    /// days"): read with its answer, never evidence itself.
    Prompt,
    /// The first row of a table, naming its columns: read with each row,
    /// never evidence itself.
    TableHeader,
    /// A row of a table.
    TableRow,
}

impl SegmentKind {
    /// Whether segments of this kind state something (and can be evidence).
    pub fn is_statement(self) -> bool {
        matches!(self, SegmentKind::Sentence | SegmentKind::ListItem | SegmentKind::TableRow)
    }
}

/// A heading or statement of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the original input; starts and ends on char boundaries
    /// and holds no leading or trailing whitespace (nor a list marker).
    pub range: Range<usize>,
    /// The segment's role.
    pub kind: SegmentKind,
    /// Index of the heading segment governing this one, if any.
    pub heading: Option<usize>,
    /// Index of the segment this one is read with: a list's lead-in for its
    /// items, a [`SegmentKind::Prompt`] for its answer, a
    /// [`SegmentKind::TableHeader`] for each row.
    pub lead_in: Option<usize>,
}

/// Splits `text` into segments, in document order.
pub fn segment(text: &str) -> Vec<Segment> {
    let mut splitter = Splitter { text, segments: Vec::new(), heading: None, lead_in: None, prompt: None, table: None };
    for line in logical_lines(text) {
        splitter.line(line);
    }
    splitter.end_table();
    splitter.segments
}

/// The lines of `text`, a hard-wrapped line joined with its continuation:
/// a line that does not end a sentence or introduce a list, followed by
/// one that starts in lowercase ("If you delete your" + "account, your
/// data..."), is one line. After a line ending with ':' and until a blank
/// line, lines are a list's items and are never joined.
fn logical_lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut physical = text.split_inclusive('\n').scan(0, |start, line| {
        let range = *start..*start + line.len();
        *start = range.end;
        Some(range)
    });
    let mut pending = physical.next();
    let mut in_list = false;
    std::iter::from_fn(move || {
        let mut line = pending.take()?;
        for next in physical.by_ref() {
            if !in_list && continues(&text[line.clone()], &text[next.clone()]) {
                line.end = next.end;
            } else {
                pending = Some(next);
                break;
            }
        }
        let trimmed = text[line.clone()].trim();
        in_list = trimmed.ends_with(':') || (in_list && !trimmed.is_empty());
        Some(line)
    })
}

/// Whether `next` continues the sentence `line` was cut in.
fn continues(line: &str, next: &str) -> bool {
    let (line, next) = (line.trim(), next.trim());
    let open = line.chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == ',');
    open && next.starts_with(|c: char| c.is_lowercase())
        && list_marker(line).is_none()
        && heading_marker(line).is_none()
        && table_cells(line).is_none()
        && table_cells(next).is_none()
}

/// A table being read: its first row, and whether any row followed it.
struct Table {
    header: usize,
    rows: bool,
}

struct Splitter<'a> {
    text: &'a str,
    segments: Vec<Segment>,
    heading: Option<usize>,
    /// The lead-in of the list being read, if it has one.
    lead_in: Option<usize>,
    /// A prompt waiting for the statement that answers it.
    prompt: Option<usize>,
    table: Option<Table>,
}

impl Splitter<'_> {
    #[inline(never)] // see the module comment: `segment` runs once, `line` often
    fn line(&mut self, range: Range<usize>) {
        let range = trim(self.text, range);
        let line = &self.text[range.clone()];
        if line.is_empty() {
            self.end_table(); // a blank line ends a table
        }
        if !line.chars().any(char::is_alphanumeric) {
            return; // blank lines and rules like "* * *" or "---|---" separate, they say nothing
        }
        if let Some(content) = after_prefix(line, heading_marker(line)) {
            self.end_table();
            let heading = trim(self.text, range.start + content..range.end);
            self.push_heading(heading);
            return;
        }
        if let Some(cells) = table_cells(line) {
            self.table_row(range, cells.len());
            return;
        }
        self.end_table();
        if let Some(content) = after_prefix(line, list_marker(line)) {
            let item = trim(self.text, range.start + content..range.end);
            self.list_item(item);
            return;
        }
        if self.lead_in.is_some() && line.starts_with(|c: char| c.is_lowercase()) {
            // "You can:" then "ask us what we hold": an item without a marker.
            self.list_item(range);
            return;
        }
        if let Some(colon) = label_end(line) {
            if self.segments.is_empty() && reads_as_heading(&line[..colon]) {
                // A first line "Privacy Notice: How We Use Your Data" is a title.
                self.push_heading(range);
                return;
            }
            self.labeled(range, colon, SegmentKind::Sentence);
            return;
        }
        // A line that answers a question is a statement, however short.
        if self.prompt.is_none() && (reads_as_heading(line) || is_short_label(line)) {
            self.push_heading(range);
            // "Our app:" introduces the list after it, as a longer lead-in would.
            self.lead_in = line.ends_with(':').then_some(self.segments.len() - 1);
            return;
        }
        let last = self.statements(range, SegmentKind::Sentence, None);
        self.lead_in = last.filter(|&i| self.ends_with_colon(i));
    }

    #[inline(never)] // see the module comment
    fn list_item(&mut self, range: Range<usize>) {
        let item = &self.text[range.clone()];
        if item_reads_as_heading(item, self.lead_in.is_some()) {
            self.push_heading(range);
            return;
        }
        if label_end(item).is_some() && self.lead_in.is_none() {
            let colon = label_end(item).unwrap_or_default();
            self.labeled(range, colon, SegmentKind::ListItem);
            return;
        }
        let lead_in = self.lead_in;
        let last = self.statements(range, SegmentKind::ListItem, lead_in);
        if lead_in.is_none() {
            // An item that itself ends with ':' introduces a nested list.
            self.lead_in = last.filter(|&i| self.ends_with_colon(i));
        }
    }

    /// A "Label: text" line: the label prompts the text after it.
    fn labeled(&mut self, range: Range<usize>, colon: usize, kind: SegmentKind) {
        let label = trim(self.text, range.start..range.start + colon + 1);
        self.push(label, SegmentKind::Prompt, None);
        self.prompt = Some(self.segments.len() - 1);
        self.statements(trim(self.text, range.start + colon + 1..range.end), kind, None);
    }

    /// A line of a table: its first row names the columns, the others are
    /// read with it.
    #[inline(never)] // see the module comment
    fn table_row(&mut self, range: Range<usize>, cells: usize) {
        match &mut self.table {
            Some(table) => {
                table.rows = true;
                let header = table.header;
                self.push(range, SegmentKind::TableRow, Some(header));
            }
            None => {
                self.push(range, SegmentKind::TableHeader, None);
                let header = self.segments.len() - 1;
                self.table = Some(Table { header, rows: cells == 0 });
            }
        }
    }

    /// Ends the table being read: a lone row was no header, but a statement.
    fn end_table(&mut self) {
        if let Some(Table { header, rows: false }) = self.table.take() {
            self.segments[header].kind = SegmentKind::TableRow;
        }
    }

    /// Pushes a heading; one that asks a question ("Do you sell my data?")
    /// is also the prompt its answer is read with.
    fn push_heading(&mut self, range: Range<usize>) {
        let kind = if is_question(&self.text[range.clone()]) { SegmentKind::Prompt } else { SegmentKind::Heading };
        let segments = &mut self.segments;
        cut_long(self.text, range, |piece| {
            segments.push(Segment { range: piece, kind, heading: None, lead_in: None });
        });
        let index = self.segments.len() - 1;
        self.heading = Some(index);
        self.lead_in = None;
        self.prompt = (kind == SegmentKind::Prompt).then_some(index);
    }

    /// Pushes one segment (cut into pieces if over-long); a statement takes
    /// the prompt waiting for an answer as its lead-in when it has none.
    fn push(&mut self, range: Range<usize>, kind: SegmentKind, lead_in: Option<usize>) -> Option<usize> {
        let lead_in = match kind.is_statement() {
            true => lead_in.or(self.prompt.take()),
            false => lead_in,
        };
        let (segments, heading) = (&mut self.segments, self.heading);
        let mut last = None;
        cut_long(self.text, range, |piece| {
            segments.push(Segment { range: piece, kind, heading, lead_in });
            last = Some(segments.len() - 1);
        });
        last
    }

    /// Pushes the sentences of `range`; returns the index of the last one.
    /// A question is a prompt for what follows it.
    fn statements(&mut self, range: Range<usize>, kind: SegmentKind, lead_in: Option<usize>) -> Option<usize> {
        let mut sentences = Vec::new();
        sentence_ranges(self.text, range, |sentence| sentences.push(sentence));
        let mut last = None;
        for (i, sentence) in sentences.into_iter().enumerate() {
            let words = &self.text[sentence.clone()];
            let run_in = i == 0 && self.prompt.is_none() && lead_in.is_none();
            if run_in && count_up_to(words, MAX_INLINE_TITLE_WORDS + 1) <= MAX_INLINE_TITLE_WORDS && is_title(words) {
                // "Service Providers. We share..." : a run-in heading.
                self.push_heading(sentence);
            } else if is_question(words) {
                self.push(sentence, SegmentKind::Prompt, None);
                self.prompt = Some(self.segments.len() - 1);
            } else {
                last = self.push(sentence, kind, lead_in).or(last);
            }
        }
        last
    }

    fn ends_with_colon(&self, index: usize) -> bool {
        self.text[self.segments[index].range.clone()].ends_with(':')
    }
}

/// Whether a line on its own is a short unpunctuated label ("cookie
/// policy"): a heading even in lowercase. (List items are not: "- our
/// partners" is an item.)
fn is_short_label(line: &str) -> bool {
    count_up_to(line, MAX_LOWERCASE_HEADING_WORDS + 1) <= MAX_LOWERCASE_HEADING_WORDS
        && line.chars().next_back().is_some_and(|c| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(SegmentKind, &str)> {
        segment(text).into_iter().map(|s| (s.kind, &text[s.range])).collect()
    }

    #[test]
    fn hard_wrapped_lines_are_one_sentence() {
        let text = "If you delete your\naccount, your data is\nerased.\nThat is all.";
        assert_eq!(
            texts(text),
            [
                (SegmentKind::Sentence, "If you delete your\naccount, your data is\nerased."),
                (SegmentKind::Sentence, "That is all.")
            ]
        );
    }

    #[test]
    fn lines_after_a_lead_in_are_its_items_even_without_markers() {
        let segments = segment("You can:\nask us what we hold\nask us to delete it");
        assert_eq!((segments[1].kind, segments[1].lead_in), (SegmentKind::ListItem, Some(0)));
        assert_eq!((segments[2].kind, segments[2].lead_in), (SegmentKind::ListItem, Some(0)));
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
    fn a_short_lead_in_is_a_heading_that_still_introduces_its_list() {
        let text = "Our app:\n- Never asks for an account\n- Keeps your notes on your phone";
        let segments = segment(text);
        assert_eq!(segments[0].kind, SegmentKind::Heading);
        assert_eq!((segments[1].kind, segments[1].lead_in), (SegmentKind::ListItem, Some(0)));
        assert_eq!((segments[2].kind, segments[2].lead_in), (SegmentKind::ListItem, Some(0)));
    }

    #[test]
    fn unpunctuated_fragments_are_statements() {
        let got = texts("Ad-free and private\nNever asks for an account\n- Encryption of all traffic and stored files");
        assert_eq!(got[0].0, SegmentKind::Heading);
        assert_eq!(got[1], (SegmentKind::Sentence, "Never asks for an account"));
        assert_eq!(got[2], (SegmentKind::ListItem, "Encryption of all traffic and stored files"));
    }

    #[test]
    fn questions_and_labels_prompt_their_answers() {
        let text = "Do you sell my data?\nNo, never. We keep nothing.\nRetention: 30 days";
        let segments = segment(text);
        let kinds: Vec<SegmentKind> = segments.iter().map(|s| s.kind).collect();
        use SegmentKind::*;
        assert_eq!(kinds, [Prompt, Sentence, Sentence, Prompt, Sentence]);
        assert_eq!(segments[1].lead_in, Some(0), "the answer is read with its question");
        assert_eq!(segments[2].lead_in, None, "only the answer's first sentence");
        assert_eq!(segments[4].lead_in, Some(3));
        assert_eq!(&text[segments[3].range.clone()], "Retention:");
    }

    #[test]
    fn a_question_as_a_heading_prompts_its_answer() {
        let segments = segment("### Do you sell my data?\nNo. We never have.");
        assert_eq!(segments[0].kind, SegmentKind::Prompt);
        assert_eq!((segments[1].heading, segments[1].lead_in), (Some(0), Some(0)));
    }

    #[test]
    fn table_rows_are_read_with_their_header() {
        let text = "Data | Shared with\nIdentifiers | advertisers\nLocation | nobody\n\nA | lone row";
        let segments = segment(text);
        let kinds: Vec<SegmentKind> = segments.iter().map(|s| s.kind).collect();
        use SegmentKind::*;
        assert_eq!(kinds, [TableHeader, TableRow, TableRow, TableRow]);
        assert_eq!((segments[1].lead_in, segments[2].lead_in, segments[3].lead_in), (Some(0), Some(0), None));
    }

    #[test]
    fn a_label_at_the_start_of_an_item_prompts_its_text() {
        let text = "- Cookies: We place small files on your device.";
        assert_eq!(
            texts(text),
            [(SegmentKind::Prompt, "Cookies:"), (SegmentKind::ListItem, "We place small files on your device.")]
        );
        assert_eq!(segment(text)[1].lead_in, Some(0));
    }

    #[test]
    fn numbered_and_lettered_items_are_list_items() {
        for item in ["1. We store logs.", "(a) We store logs.", "iv) We store logs.", "• We store logs."] {
            assert_eq!(texts(item), [(SegmentKind::ListItem, "We store logs.")], "{item}");
        }
    }
}
