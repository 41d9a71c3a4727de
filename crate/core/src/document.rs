//! A text as the rules read it: its segments, each with its normalized
//! form, and for each statement the view the rules see ([`SentenceView`]):
//! the statement with what it must be read with (its list's lead-in, the
//! question or label it answers, its table's header), and the party a
//! leading pronoun stands for.

use crate::compiled::library;
use crate::links;
use crate::rules::{Lead, SentenceView};
use crate::text::{normalize, segment::segment, Segment, SegmentKind};

/// Most bytes of a lead-in read again with each statement it introduces
/// (its end: "... with our advertising partners:"). Bounds the work on a
/// hostile page with a long lead-in followed by thousands of items.
pub const LEAD_IN_CONTEXT_BYTES: usize = 160;

/// The input cut into segments, each with its normalized form.
pub struct Document<'a> {
    /// The analyzed text (the input, cut to the cap).
    pub text: &'a str,
    /// Whether the input was cut.
    pub truncated: bool,
    /// The headings and statements of the text.
    pub segments: Vec<Segment>,
    /// Every segment's normalized form, end to end...
    normalized: String,
    /// ...segment `i`'s ending at `normalized_ends[i]`.
    normalized_ends: Vec<usize>,
}

/// A segment as [`Document::walk`] shows it.
pub enum Visit<'v> {
    /// A heading, by its normalized text.
    Heading(&'v str),
    /// A statement, by index and the view the rules read.
    Statement(usize, SentenceView<'v>),
}

impl<'a> Document<'a> {
    /// Cuts `text` (at most `max_bytes` of it) into segments. An excerpt
    /// made only of heading-like lines ("Cookie-free by design") is read
    /// as statements: they are all it says.
    pub fn new(input: &'a str, max_bytes: usize, excerpt: bool) -> Document<'a> {
        let (text, truncated) = truncate(input, max_bytes);
        let mut segments = segment(text);
        let all_headings = !segments.iter().any(|s| s.kind.is_statement());
        if excerpt {
            // A bulleted item of an excerpt ("- Encrypted backups") is a
            // claim, however short: an excerpt has no table of contents.
            for segment in &mut segments {
                // So is a lead-in ("Your rights under the GDPR:").
                let claim = all_headings
                    || after_bullet(text, segment.range.start)
                    || text[segment.range.clone()].ends_with(':');
                if segment.kind == SegmentKind::Heading && claim {
                    segment.kind = SegmentKind::Sentence;
                    segment.heading = None;
                }
            }
        }
        let mut normalized = String::with_capacity(text.len());
        let normalized_ends = (segments.iter())
            .map(|s| {
                normalize::for_matching_into(&text[s.range.clone()], &mut normalized);
                normalized.len()
            })
            .collect();
        Document { text, truncated, segments, normalized, normalized_ends }
    }

    /// The normalized form of segment `index`.
    pub fn normalized(&self, index: usize) -> &str {
        let start = index.checked_sub(1).map_or(0, |previous| self.normalized_ends[previous]);
        &self.normalized[start..self.normalized_ends[index]]
    }

    /// The original text of segment `index`.
    pub fn original(&self, index: usize) -> &'a str {
        &self.text[self.segments[index].range.clone()]
    }

    /// Visits the headings and statements in order (prompts and table
    /// headers are read with the statements they introduce).
    pub fn walk(&self, mut visit: impl FnMut(Visit<'_>)) {
        let mut joined = String::new();
        for (index, segment) in self.segments.iter().enumerate() {
            match segment.kind {
                SegmentKind::Heading => {
                    visit(Visit::Heading(self.normalized(index)));
                    continue;
                }
                SegmentKind::Prompt | SegmentKind::TableHeader => continue,
                SegmentKind::Sentence | SegmentKind::ListItem | SegmentKind::TableRow => {}
            }
            joined.clear();
            let (own_start, lead) = match segment.lead_in {
                Some(lead_in) => self.join_lead_in(index, lead_in, &mut joined),
                None => {
                    joined.push_str(self.normalized(index));
                    (0, Lead::None)
                }
            };
            visit(Visit::Statement(index, SentenceView { text: &joined, own_start, lead }));
        }
    }

    /// Writes into `joined` the statement `index` read with its lead-in;
    /// returns where the statement's own words start and how the lead-in's
    /// words are read.
    fn join_lead_in(&self, index: usize, lead_in: usize, joined: &mut String) -> (usize, Lead) {
        let own = self.normalized(index);
        let lead = self.normalized(lead_in);
        match self.segments[lead_in].kind {
            SegmentKind::TableHeader => {
                interleave(lead, own, joined);
                (0, Lead::Table)
            }
            kind => {
                // A list's lead-in runs on into each item ("we never: sell
                // your data" is one clause); an answer is a clause of its own.
                let lead = tail(lead, LEAD_IN_CONTEXT_BYTES).trim_end_matches([':', '?', ' ']);
                let (lead_kind, joint) = match kind {
                    SegmentKind::Prompt if asks_yes_or_no(lead) => (Lead::Answer { denied: is_denial(own) }, ": "),
                    // "What if...?", "How long...?": the answer says it all.
                    SegmentKind::Prompt => (Lead::List, ": "),
                    _ => (Lead::List, " "),
                };
                joined.push_str(lead);
                joined.push_str(joint);
                let own_start = joined.len();
                joined.push_str(own);
                (own_start, lead_kind)
            }
        }
    }
}

/// Whether a prompt is a label ("Retention:") or a yes-or-no question ("Do
/// you sell my data?"), whose answer affirms or denies it; not a question
/// that asks what, how or why.
fn asks_yes_or_no(prompt: &str) -> bool {
    const OPEN: &[&str] = &["what", "how", "why", "when", "where", "who", "whom", "which", "whose"];
    !prompt.split(' ').next().is_some_and(|first| OPEN.contains(&first))
}

/// Whether an answer denies what its question or label asks about.
fn is_denial(answer: &str) -> bool {
    links::is_denial(&library().scan(answer))
}

/// Writes a table row read with its header: each cell after its column's
/// name, a "yes" or "no" cell as the name affirmed or denied ("shared with:
/// advertisers", "not sold"), each cell a clause of its own. Cells are cut
/// at `|`; a row with more cells than its header keeps the extra ones as
/// they are.
fn interleave(header: &str, row: &str, out: &mut String) {
    let names: Vec<&str> = header.split('|').map(str::trim).collect();
    let mut label_only = false;
    for (column, cell) in row.split('|').map(str::trim).enumerate() {
        if cell.is_empty() {
            continue;
        }
        let denial = matches!(cell, "no" | "none" | "never" | "n/a" | "-");
        // A "no" right after the row's label denies the label itself
        // ("cookies | no" under "used on this site": "cookies not used on
        // this site"); any other cell is a clause of its own, so a "no" in
        // one denies nothing in another.
        if denial && label_only {
            out.push(' ');
        } else if !out.is_empty() {
            out.push_str("; ");
        }
        label_only = column == 0;
        let name = names.get(column).copied().unwrap_or("");
        match cell {
            _ if denial => {
                out.push_str("not ");
                out.push_str(name);
            }
            "yes" | "always" => out.push_str(name),
            _ => {
                out.push_str(name);
                if !name.is_empty() {
                    out.push_str(": ");
                }
                out.push_str(cell);
            }
        }
    }
}

/// Whether the line of `text` that holds `start` has only a list marker
/// ("-", "*", "•") before it.
fn after_bullet(text: &str, start: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
    let before = text[line_start..start].trim();
    !before.is_empty() && before.chars().all(|c| matches!(c, '-' | '*' | '•' | '–' | '—' | '·'))
}

/// The last `max` bytes (or fewer, to start on a char boundary) of `text`.
fn tail(text: &str, max: usize) -> &str {
    let mut start = text.len().saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// `text` cut to at most `max` bytes at a char boundary, and whether it was cut.
fn truncate(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    (&text[..cut], true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn views(text: &str) -> Vec<(String, usize, Lead)> {
        let document = Document::new(text, usize::MAX, false);
        let mut views = Vec::new();
        document.walk(|visit| {
            if let Visit::Statement(_, view) = visit {
                views.push((view.text.to_string(), view.own_start, view.lead));
            }
        });
        views
    }

    #[test]
    fn truncates_on_char_boundaries() {
        let text = "ééé"; // 2 bytes each
        assert_eq!(truncate(text, 3), ("é", true));
        assert_eq!(truncate(text, 6), (text, false));
        assert_eq!(truncate(text, 0), ("", true));
    }

    #[test]
    fn tails_start_on_char_boundaries() {
        assert_eq!(tail("abcé", 2), "é");
        assert_eq!(tail("abcé", 1), "");
        assert_eq!(tail("ab", 9), "ab");
    }

    #[test]
    fn list_items_are_read_after_their_lead_in() {
        let got = views("We never:\n- sell your data\n- show ads");
        assert_eq!(got[0].0, "we never:", "the lead-in is a statement of its own");
        assert_eq!(got[1], ("we never sell your data".into(), 9, Lead::List));
        assert_eq!(got[2].0, "we never show ads");
    }

    #[test]
    fn answers_are_read_after_their_question_with_their_polarity() {
        let got = views("Do you sell my data?\nNo, never.\n\nRetention: 30 days");
        assert_eq!(got[0], ("do you sell my data: no, never.".into(), 21, Lead::Answer { denied: true }));
        assert_eq!(got[1], ("retention: 0 days".into(), 11, Lead::Answer { denied: false }));
    }

    #[test]
    fn table_rows_are_read_with_their_column_names() {
        let got = views("Category | Sold | Shared with\nIdentifiers | No | advertisers");
        assert_eq!(got[0], ("category: identifiers not sold; shared with: advertisers".into(), 0, Lead::Table));
    }
}
