//! Explicit limits: huge, degenerate and hostile inputs finish, with work
//! bounded by the input's size (a byte counter, never a wall clock).

use policy_badges::analysis::{scanned_bytes, LEAD_IN_CONTEXT_BYTES};
use policy_badges::text::sentence::MAX_SEGMENT_BYTES;
use policy_badges::{analyze, MAX_INPUT_BYTES};

use crate::fixtures::seed;

/// Every evidence is `input[start..end]` on char boundaries and no longer
/// than a segment can be.
fn assert_evidence_sound(input: &str) {
    for badge in analyze(input).badges {
        for evidence in badge.evidence {
            assert!(input.is_char_boundary(evidence.start) && input.is_char_boundary(evidence.end));
            assert_eq!(&input[evidence.start..evidence.end], evidence.text);
            assert!(evidence.text.len() <= MAX_SEGMENT_BYTES);
        }
    }
}

#[test]
fn input_over_the_cap_is_cut_at_a_char_boundary_and_flagged() {
    let policy = seed("centercode-2014.md").text;
    // Two-byte characters so the cap falls inside one.
    let filler = "é".repeat(MAX_INPUT_BYTES / 2 + 1);
    let input = format!("{policy}\n{filler}");
    let summary = analyze(&input);
    assert!(summary.truncated);
    assert!(summary.is_policy, "{}", summary.reason);
    assert!(summary.badges.iter().any(|b| b.id == "encryption"));
    assert_evidence_sound(&input);
    assert!(scanned_bytes(&input) <= MAX_INPUT_BYTES * 2);
    assert!(!analyze(policy).truncated);
}

#[test]
fn a_one_megabyte_sentence_without_punctuation_is_cut_into_bounded_pieces() {
    let input = "we use cookies and we share your email address with advertisers ".repeat(16_000);
    assert!(input.len() > 1_000_000);
    let summary = analyze(&input);
    assert!(summary.badges.iter().all(|b| !b.evidence.is_empty()));
    assert_evidence_sound(&input);
    assert!(scanned_bytes(&input) <= input.len());
}

#[test]
fn a_hundred_thousand_tiny_lines_cost_linear_work() {
    let lines = "- a\n".repeat(100_000);
    let input = format!("We may share the following with our advertising partners and affiliates:\n{lines}");
    let summary = analyze(&input);
    assert!(!summary.is_policy);
    // Each item is read with at most LEAD_IN_CONTEXT_BYTES of its lead-in.
    assert!(scanned_bytes(&input) <= input.len() + 100_000 * (LEAD_IN_CONTEXT_BYTES + 1));
}

#[test]
fn deeply_repeated_negations_finish() {
    let input = format!("Privacy policy\n{} sell your personal information.", "we do not never not ".repeat(50_000));
    assert_evidence_sound(&input);
    assert!(scanned_bytes(&input) <= input.len());
}

#[test]
fn right_to_left_and_mixed_scripts_keep_offsets_sound() {
    let input = format!(
        "سياسة الخصوصية\nنحن لا نبيع بياناتك. We never sell your personal information. 我们使用 cookies 。 \u{202E}reversed\u{202C} text.\n{}",
        seed("softperfect-2010.md").text
    );
    assert_evidence_sound(&input);
    let summary = analyze(&input);
    assert!(summary.badges.iter().any(|b| b.id == "no-sale"));
}

#[test]
fn nul_and_control_characters_are_plain_separators() {
    let input = seed("activexperts-2012.md").text.replace(' ', "\u{0} \u{7}");
    assert_evidence_sound(&input);
    let summary = analyze(&input);
    assert!(summary.badges.iter().any(|b| b.id == "no-cookies"), "{:?}", summary.reason);
}
