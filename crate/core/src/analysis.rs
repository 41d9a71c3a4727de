//! The pipeline: text in, [`Summary`] out.

use crate::detect::{self, Signals};
use crate::resolve::{resolve, Findings};
use crate::rules::{Hit, Rules, SentenceView};
use crate::summary::{Badge, Evidence, Summary};
use crate::taxonomy::BadgeId;
use crate::text::{count_words, normalize, segment::segment, Segment, SegmentKind};

/// Inputs longer than this many bytes are cut (at a char boundary) and only
/// their beginning is analyzed; [`Summary::truncated`] says so. Real policies
/// are under 100 KB; 2 MB leaves room for the longest terms-and-privacy pages
/// while bounding the work on hostile ones.
pub const MAX_INPUT_BYTES: usize = 2_000_000;

/// Most bytes of a list's lead-in sentence read again with each of its items
/// (its end: "... with our advertising partners:"). Bounds the work on a
/// hostile page with a long lead-in followed by thousands of items.
pub const LEAD_IN_CONTEXT_BYTES: usize = 160;

/// Most evidence sentences kept per badge (the first ones in the document).
pub const MAX_EVIDENCE: usize = 3;

/// How a text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// A whole page: badges only when it reads like a privacy policy.
    #[default]
    Document,
    /// Part of a policy (a quote, a pasted paragraph, a selection): badges
    /// whatever the policy detector says, with the same rules, negation and
    /// evidence.
    Excerpt,
}

/// Analyzes `input`, the text of a page, into a [`Summary`].
///
/// Never panics and takes time linear in the input's length.
///
/// ```
/// let summary = policy_badges::analyze(
///     "Privacy Policy\nWe do not use cookies. We will never sell your personal information.",
/// );
/// assert!(!summary.is_policy); // too short to be a whole policy
/// ```
pub fn analyze(input: &str) -> Summary {
    analyze_as(input, Mode::Document)
}

/// Analyzes `input` read as `mode` says.
///
/// ```
/// use policy_badges::{analyze_as, Mode};
/// let summary = analyze_as("Your e-mail address is never sold.", Mode::Excerpt);
/// assert!(!summary.is_policy); // a sentence is no whole policy...
/// assert_eq!(summary.badges[0].id, "no-sale"); // ...but states a practice
/// ```
pub fn analyze_as(input: &str, mode: Mode) -> Summary {
    let document = Document::new(input);
    let (findings, signals) = read(&document);
    let verdict = signals.verdict();
    let shown = verdict.is_policy || mode == Mode::Excerpt;
    let badges = if shown { badges(&document, &findings) } else { Vec::new() };
    Summary {
        is_policy: verdict.is_policy,
        policy_score: verdict.score,
        reason: verdict.reason,
        words: signals.words,
        truncated: document.truncated,
        excerpt: mode == Mode::Excerpt,
        badges,
    }
}

/// The badges `input` earns read as an excerpt, in display order: for
/// testing rules one phrase at a time.
pub fn practices(input: &str) -> Vec<BadgeId> {
    let (findings, _) = read(&Document::new(input));
    let mut ids: Vec<BadgeId> = findings.badges().collect();
    BadgeId::sort_for_display(&mut ids);
    ids
}

/// Applies the rules to every sentence and resolves the findings; also
/// gathers the signals that tell a policy from other text.
fn read(document: &Document<'_>) -> (Findings, Signals) {
    let mut signals = Signals { words: count_words(document.text), ..Signals::default() };
    let mut findings = Findings::default();
    let rules = Rules::get();
    document.walk(|visit| match visit {
        Visit::Heading(heading) => signals.heading(heading, detect::names_privacy(&rules.scan(heading))),
        Visit::Sentence(index, view) => {
            let scan = rules.scan(view.text);
            signals.sentence(detect::states_practice(&scan));
            rules.apply(view, &scan, |badge| findings.add(badge, index));
        }
    });
    resolve(&mut findings);
    signals.distinct_badges = findings.badges().count();
    (findings, signals)
}

/// What the rules made of one sentence, for studying them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The sentence as in the input.
    pub sentence: String,
    /// The sentence as the rules read it (lead-in first for list items).
    pub normalized: String,
    /// Every rule match in it, and what came of each.
    pub hits: Vec<Hit>,
}

/// Explains, sentence by sentence, which rules matched and how each match
/// was read (before document-level resolution). Sentences without a match
/// are left out.
pub fn explain(input: &str) -> Vec<Explanation> {
    let document = Document::new(input);
    let mut explanations = Vec::new();
    let rules = Rules::get();
    document.walk(|visit| {
        let Visit::Sentence(index, view) = visit else {
            return;
        };
        let mut hits = Vec::new();
        rules.trace(view, &rules.scan(view.text), |hit| hits.push(hit));
        if !hits.is_empty() {
            explanations.push(Explanation {
                sentence: document.text[document.segments[index].range.clone()].to_string(),
                normalized: view.text.to_string(),
                hits,
            });
        }
    });
    explanations
}

/// A segment as [`Document::walk`] shows it.
enum Visit<'v> {
    /// A heading, by its normalized text.
    Heading(&'v str),
    /// A sentence or list item, by index and the view the rules read.
    Sentence(usize, SentenceView<'v>),
}

/// The input cut into segments, each with its normalized form.
struct Document<'a> {
    text: &'a str,
    truncated: bool,
    segments: Vec<Segment>,
    /// Every segment's normalized form, end to end...
    normalized: String,
    /// ...segment `i`'s ending at `normalized_ends[i]`.
    normalized_ends: Vec<usize>,
}

impl<'a> Document<'a> {
    fn new(input: &'a str) -> Document<'a> {
        let (text, truncated) = truncate(input, MAX_INPUT_BYTES);
        let segments = segment(text);
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
    fn normalized(&self, index: usize) -> &str {
        let start = index.checked_sub(1).map_or(0, |previous| self.normalized_ends[previous]);
        &self.normalized[start..self.normalized_ends[index]]
    }

    /// Visits the segments in order.
    fn walk(&self, mut visit: impl FnMut(Visit<'_>)) {
        let mut previous: Option<usize> = None;
        let mut joined = String::new();
        for (index, segment) in self.segments.iter().enumerate() {
            if segment.kind == SegmentKind::Heading {
                visit(Visit::Heading(self.normalized(index)));
                previous = None;
                continue;
            }
            let (text, own_start) = match segment.lead_in {
                Some(lead_in) => {
                    let lead_in = tail(self.normalized(lead_in), LEAD_IN_CONTEXT_BYTES);
                    joined.clear();
                    joined.push_str(lead_in);
                    joined.push(' ');
                    joined.push_str(self.normalized(index));
                    (joined.as_str(), lead_in.len() + 1)
                }
                None => (self.normalized(index), 0),
            };
            let view = SentenceView {
                text,
                own_start,
                heading: segment.heading.map(|h| self.normalized(h)),
                previous: previous.map(|p| self.normalized(p)),
            };
            visit(Visit::Sentence(index, view));
            previous = Some(index);
        }
    }
}

/// The badges of `findings` in display order, each with its evidence.
fn badges(document: &Document<'_>, findings: &Findings) -> Vec<Badge> {
    let (text, segments) = (document.text, &document.segments);
    let mut ids: Vec<BadgeId> = findings.badges().collect();
    BadgeId::sort_for_display(&mut ids);
    ids.into_iter()
        .map(|id| {
            let mut badge = Badge::new(id);
            badge.evidence = (findings.get(id).unwrap_or_default())
                .iter()
                .take(MAX_EVIDENCE)
                .map(|&index| {
                    let segment = &segments[index];
                    Evidence {
                        text: text[segment.range.clone()].to_string(),
                        start: segment.range.start,
                        end: segment.range.end,
                        section: segment.heading.map(|h| text[segments[h].range.clone()].to_string()),
                    }
                })
                .collect();
            badge
        })
        .collect()
}

/// Bytes the rules scan when analyzing `input`: every sentence with its
/// list's lead-in, and every heading. Linear in the input's length; tests
/// use it to bound the work on hostile inputs without timing anything.
pub fn scanned_bytes(input: &str) -> usize {
    let document = Document::new(input);
    let mut bytes = 0;
    document.walk(|visit| {
        bytes += match visit {
            Visit::Heading(heading) => heading.len(),
            Visit::Sentence(_, view) => view.text.len(),
        }
    });
    bytes
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
}
