//! The pipeline: text in, [`Summary`] out.

use crate::detect::Signals;
use crate::resolve::{resolve, Findings};
use crate::rules::{Rules, SentenceView};
use crate::summary::{Badge, Evidence, Summary};
use crate::taxonomy::BadgeId;
use crate::text::{count_words, normalize, segment::segment, SegmentKind};

/// Inputs longer than this many bytes are cut (at a char boundary) and only
/// their beginning is analyzed; [`Summary::truncated`] says so. Real policies
/// are under 100 KB; 2 MB leaves room for the longest terms-and-privacy pages
/// while bounding the work on hostile ones.
pub const MAX_INPUT_BYTES: usize = 2_000_000;

/// Most evidence sentences kept per badge (the first ones in the document).
pub const MAX_EVIDENCE: usize = 3;

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
    let (text, truncated) = truncate(input, MAX_INPUT_BYTES);
    let segments = segment(text);
    let normalized: Vec<String> = segments
        .iter()
        .map(|s| normalize::for_matching(&text[s.range.clone()]))
        .collect();
    let rules = Rules::get();
    let mut signals = Signals {
        words: count_words(text),
        ..Signals::default()
    };
    let mut findings = Findings::new();
    let mut previous: Option<usize> = None;
    let mut joined = String::new();
    for (index, segment) in segments.iter().enumerate() {
        if segment.kind == SegmentKind::Heading {
            signals.heading(&normalized[index]);
            previous = None;
            continue;
        }
        signals.sentence(&normalized[index]);
        let (sentence_text, own_start) = match segment.lead_in {
            Some(lead_in) => {
                joined.clear();
                joined.push_str(&normalized[lead_in]);
                joined.push(' ');
                joined.push_str(&normalized[index]);
                (joined.as_str(), normalized[lead_in].len() + 1)
            }
            None => (normalized[index].as_str(), 0),
        };
        let view = SentenceView {
            text: sentence_text,
            own_start,
            heading: segment.heading.map(|h| normalized[h].as_str()),
            previous: previous.map(|p| normalized[p].as_str()),
        };
        rules.apply(view, |badge| {
            let evidence = findings.entry(badge).or_default();
            if evidence.last() != Some(&index) {
                evidence.push(index);
            }
        });
        previous = Some(index);
    }
    resolve(&mut findings);
    signals.distinct_badges = findings.len();
    let verdict = signals.verdict();
    let badges = if verdict.is_policy {
        badges(text, &segments, &findings)
    } else {
        Vec::new()
    };
    Summary {
        is_policy: verdict.is_policy,
        policy_score: verdict.score,
        reason: verdict.reason,
        words: signals.words,
        truncated,
        badges,
    }
}

/// The badges of `findings` in display order, each with its evidence.
fn badges(text: &str, segments: &[crate::text::Segment], findings: &Findings) -> Vec<Badge> {
    let mut ids: Vec<BadgeId> = findings.keys().copied().collect();
    ids.sort_by_key(|id| id.display_key());
    ids.into_iter()
        .map(|id| {
            let mut badge = Badge::new(id);
            badge.evidence = findings[&id]
                .iter()
                .take(MAX_EVIDENCE)
                .map(|&index| {
                    let segment = &segments[index];
                    Evidence {
                        text: text[segment.range.clone()].to_string(),
                        start: segment.range.start,
                        end: segment.range.end,
                        section: segment
                            .heading
                            .map(|h| text[segments[h].range.clone()].to_string()),
                    }
                })
                .collect();
            badge
        })
        .collect()
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
}
