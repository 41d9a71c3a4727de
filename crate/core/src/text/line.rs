//! What one line of text is: a Markdown heading, a list item, a table row,
//! a "Label: text" line, a heading written plainly, or a statement. Lines
//! without a final full stop are told apart by their content (a subject
//! and a verb, a negation, their length, how they are capitalized), not by
//! their punctuation: app policies and bulleted summaries state practices
//! in fragments ("Never asks for an account", "Data encrypted in transit").

use super::chars::count_up_to;

/// Longest line, in words, that can be a heading without a Markdown marker.
const MAX_HEADING_WORDS: usize = 12;

/// Longest line, in words, that can be a heading because it is written as a
/// title (capitalized words, or all capitals), punctuation or not.
pub const MAX_TITLE_WORDS: usize = 16;

/// Longest "Label:" at the start of a line that prompts the text after it.
const MAX_LABEL_WORDS: usize = 6;

/// Longest line a list item can be and still be a table-of-contents entry
/// (a heading) when nothing in it reads like a statement.
const MAX_TOC_ITEM_WORDS: usize = 3;

/// Words that make an unpunctuated line a statement wherever they stand:
/// auxiliaries, modals and negations.
const STATEMENT_WORDS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "will", "would", "may", "might", "can", "could", "must", "shall",
    "should", "do", "does", "did", "has", "have", "had", "never", "no", "not", "none", "nothing", "nobody", "zero",
    "without", "don't", "doesn't", "won't", "can't",
];

/// Subjects that make a line a statement when it starts with one ("We keep
/// logs for a week"); further in, they open a relative clause of a heading
/// ("Information we collect").
const SUBJECTS: &[&str] = &["we", "you", "it", "they"];

/// Words after which a line's first word ending in "s" is a verb: "Keeps
/// your data", "Uses only essential cookies", "Stores nothing".
const OBJECT_STARTS: &[&str] = &[
    "your",
    "you",
    "the",
    "a",
    "an",
    "no",
    "only",
    "all",
    "any",
    "every",
    "nothing",
    "none",
    "data",
    "it",
    "them",
    "our",
    "personal",
    "anonymous",
    "some",
];

/// Last words that make a short list item a statement of a state, not a
/// contents entry: "GDPR compliant", "Analytics disabled", "Data encrypted".
const PREDICATE_ENDS: &[&str] = &[
    "compliant",
    "ready",
    "certified",
    "supported",
    "honored",
    "honoured",
    "enabled",
    "disabled",
    "encrypted",
    "guaranteed",
    "respected",
    "blocked",
    "off",
];

/// Words a heading written as a question without its "?" starts with
/// ("How we use your information").
const WH_WORDS: &[&str] = &["how", "what", "why", "when", "where", "who", "whom", "which", "whose"];

/// Offset of the content after a marker of `len` bytes, if there was one and
/// it leaves text with letters in it.
pub fn after_prefix(line: &str, marker_len: Option<usize>) -> Option<usize> {
    let len = marker_len?;
    line[len..].chars().any(char::is_alphanumeric).then_some(len)
}

/// Length of a Markdown heading marker (`## `) at the start of `line`.
pub fn heading_marker(line: &str) -> Option<usize> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    ((1..=6).contains(&hashes) && line[hashes..].starts_with(' ')).then_some(hashes + 1)
}

/// Length of a list marker (`- `, `* `, `• `, `1. `, `(a) `) at the start of `line`.
pub fn list_marker(line: &str) -> Option<usize> {
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

/// The cells of a table row: a line with at least two cells separated by
/// `|` (as pages' tables are flattened to text: `cell | cell`). Ranges are
/// relative to `line`, untrimmed; `None` for any other line.
pub fn table_cells(line: &str) -> Option<Vec<std::ops::Range<usize>>> {
    let bordered = line.starts_with('|') && line.ends_with('|');
    if !(line.contains(" | ") || bordered) {
        return None;
    }
    let mut cells = Vec::new();
    let mut start = 0;
    for (at, _) in line.match_indices('|').chain([(line.len(), "")]) {
        if line[start..at].chars().any(char::is_alphanumeric) {
            cells.push(start..at);
        }
        start = at + 1;
    }
    (cells.len() >= 2).then_some(cells)
}

/// End of a short "Label:" at the start of a line, when text follows it:
/// the label prompts the text ("Retention: 30 days", "Sold: none").
pub fn label_end(line: &str) -> Option<usize> {
    let colon = line.find(':')?;
    let (label, rest) = (&line[..colon], line[colon + 1..].trim_start());
    let words = label.split_whitespace().count();
    let is_label = (1..=MAX_LABEL_WORDS).contains(&words)
        && !label.contains(['.', ',', ';', '/', '(', '"'])
        && rest.starts_with(|c: char| c.is_alphanumeric() || c == '"' || c == '\'');
    is_label.then_some(colon)
}

/// Whether a line is a question (its answer follows).
pub fn is_question(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', ')', '\u{201D}']).ends_with('?')
}

/// Whether a line without a Markdown or list marker is a heading rather
/// than a statement: written as a title, or short and unpunctuated with
/// nothing in it that reads like a statement.
pub fn reads_as_heading(line: &str) -> bool {
    if is_title(line) {
        return true;
    }
    let words = count_up_to(line, MAX_HEADING_WORDS + 1);
    let last = line.chars().next_back().unwrap_or('.');
    let punctuated = matches!(last, '.' | ';' | ',' | '!' | '?' | ')' | '"' | '\'' | '\u{201D}');
    let first = first_word(line);
    words <= MAX_HEADING_WORDS && !punctuated && (WH_WORDS.contains(&first.as_str()) || !reads_as_statement(line))
}

/// Whether a list item is a heading (a table-of-contents entry or a bolded
/// sub-heading) rather than a statement; an item introduced by a lead-in
/// ("We never:") always states something.
pub fn item_reads_as_heading(item: &str, has_lead_in: bool) -> bool {
    !has_lead_in
        && !item.ends_with(':')
        && (is_title(item)
            || (count_up_to(item, MAX_TOC_ITEM_WORDS + 1) <= MAX_TOC_ITEM_WORDS
                && !reads_as_statement(item)
                && !ends_in_a_state(item)))
}

/// Whether a fragment ends in a word that states a state ("GDPR compliant").
fn ends_in_a_state(item: &str) -> bool {
    let last = item.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty()).unwrap_or("");
    PREDICATE_ENDS.iter().any(|word| last.eq_ignore_ascii_case(word))
}

/// Whether a fragment reads like a statement: an auxiliary, a modal, a
/// negation or a subject pronoun in it, or a first word that is a verb in
/// "-s" followed by its object ("Keeps your data on your device").
fn reads_as_statement(line: &str) -> bool {
    let mut words =
        line.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}')).filter(|w| !w.is_empty());
    let lower = |w: &str| w.to_ascii_lowercase().replace('\u{2019}', "'");
    let first = words.next().map(lower).unwrap_or_default();
    let second = words.clone().next().map(lower).unwrap_or_default();
    let verb_first =
        first.len() > 3 && first.ends_with('s') && !first.ends_with("ss") && OBJECT_STARTS.contains(&second.as_str());
    verb_first
        || SUBJECTS.contains(&first.as_str())
        || STATEMENT_WORDS.contains(&first.as_str())
        || words.any(|w| STATEMENT_WORDS.contains(&lower(w).as_str()))
}

/// The first word of `line`, lowercase.
fn first_word(line: &str) -> String {
    line.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("").to_ascii_lowercase()
}

/// Whether a line is written as a title: every word capitalized but short
/// function words ("Your California Privacy Rights.", "How You Can Access
/// and Update Your Information"), or all capitals.
#[inline(never)] // cold: see text/segment.rs
pub fn is_title(line: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_lines_are_headings_even_with_a_period() {
        for title in [
            "Children's Privacy.",
            "YOUR CALIFORNIA PRIVACY RIGHTS (Civil Code 1798.83)",
            "How Members May Review and Change the Details Kept in Their Profile and other Settings",
        ] {
            assert!(reads_as_heading(title), "{title}");
        }
        assert!(!reads_as_heading("We Use Cookies to help, and other tools too."));
    }

    #[test]
    fn unpunctuated_lines_are_told_by_their_content() {
        for heading in ["Data retention", "Information we collect", "How we use your information", "Cookies"] {
            assert!(reads_as_heading(heading), "{heading}");
        }
        for statement in [
            "Never asks for an account",
            "Keeps your data on your device",
            "Uses only essential cookies, no ad trackers",
            "Your data is never sold",
            "We do not track you across websites",
        ] {
            assert!(!reads_as_heading(statement), "{statement}");
        }
    }

    #[test]
    fn list_items_are_statements_unless_they_read_like_contents_entries() {
        assert!(item_reads_as_heading("Information We Collect", false));
        assert!(item_reads_as_heading("Cookies", false));
        assert!(!item_reads_as_heading("Encryption of all traffic and stored files", false));
        assert!(!item_reads_as_heading("advertisers", true), "introduced by a lead-in");
        assert!(!item_reads_as_heading("No ads", false));
        assert!(!item_reads_as_heading("GDPR compliant", false), "states a state");
        assert!(!item_reads_as_heading("analytics disabled", false));
    }

    #[test]
    fn table_rows_have_two_cells_or_more() {
        let row = "Identifiers | name, e-mail | advertising partners";
        let cells: Vec<&str> = table_cells(row).expect("a row").into_iter().map(|r| row[r].trim()).collect();
        assert_eq!(cells, ["Identifiers", "name, e-mail", "advertising partners"]);
        assert!(table_cells("| a | b |").is_some());
        assert!(table_cells("privacy policy | terms").is_some());
        assert!(table_cells("a|b").is_none(), "no spaces: not a flattened table");
        assert!(table_cells("only | ").is_none());
    }

    #[test]
    fn labels_prompt_what_follows_them() {
        assert_eq!(label_end("Retention: logs are deleted after 14 days"), Some(9));
        assert_eq!(label_end("Sale of personal information: none."), Some(28));
        assert_eq!(label_end("See https://example.com"), None);
        assert_eq!(label_end("We collect, among other things: names"), None);
    }

    #[test]
    fn numbered_and_lettered_items_have_markers() {
        for item in ["1. We store logs.", "(a) We store logs.", "iv) We store logs.", "• We store logs."] {
            assert!(list_marker(item).is_some(), "{item}");
        }
        assert_eq!(list_marker("3.5 kg"), None);
    }
}
