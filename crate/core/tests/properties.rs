//! Property tests: no input makes the analyzer panic or misbehave.
//!
//! Three generators: arbitrary Unicode strings, random bytes decoded lossily,
//! and policy-like text assembled from policy vocabulary with random
//! negations, punctuation and whitespace. For each input: `analyze` does not
//! panic and is deterministic, every evidence slice is `input[start..end]` on
//! char boundaries, badges are unique and in display order, and a text
//! compared with itself has no change.

use policy_badges::{analyze, diff, BadgeId};
use proptest::prelude::*;

/// Cases per property: thousands in all, under a minute in CI.
const CASES: u32 = 1500;

fn check(input: &str) -> Result<(), TestCaseError> {
    let summary = analyze(input);
    prop_assert_eq!(&summary, &analyze(input), "not deterministic");
    let mut previous_key = None;
    for badge in &summary.badges {
        let id = BadgeId::parse(badge.id);
        prop_assert!(id.is_some(), "unknown id {}", badge.id);
        let key = id.map(BadgeId::display_key);
        prop_assert!(previous_key < key, "{} out of order or repeated", badge.id);
        previous_key = key;
        prop_assert!(!badge.evidence.is_empty(), "{} has no evidence", badge.id);
        for evidence in &badge.evidence {
            prop_assert!(input.is_char_boundary(evidence.start) && input.is_char_boundary(evidence.end));
            prop_assert_eq!(&input[evidence.start..evidence.end], evidence.text.as_str());
        }
    }
    prop_assert!((0.0..=1.0).contains(&summary.policy_score));
    prop_assert!(diff(&analyze(input), &analyze(input)).is_empty(), "a text differs from itself");
    Ok(())
}

/// Words and phrases policies are made of, including the ones rules hinge on.
const VOCABULARY: &[&str] = &[
    "we",
    "you",
    "do not",
    "never",
    "no",
    "not only",
    "unless",
    "except",
    "but",
    "if you do not",
    "cookies",
    "share",
    "sell",
    "personal information",
    "third parties",
    "with our partners",
    "e-mail address",
    "IP address",
    "GPS",
    "accelerometer",
    "sent to",
    "opt out",
    "delete your account",
    "retain",
    "30 days",
    "indefinitely",
    "SSL",
    "encrypt",
    "firewall",
    "notify you by e-mail",
    "post changes on this page",
    "children under 13",
    "California",
    "GDPR",
    "Do Not Track",
    "privacy@example.com",
    "TRUSTe",
    "other websites",
    "may",
    "is not sold",
    "aggregate data",
    "service providers",
    "required by law",
    "merger",
    "newsletter",
    "credit card",
    "e.g.",
    "i.e.",
    "usersï¿½",
    "don\u{2019}t",
    "é",
    "😀",
    "نحن",
];

const SEPARATORS: &[&str] =
    &[" ", "  ", ", ", ". ", "; ", ": ", "\n", "\n\n", "\n- ", "\n# ", "\t", "(", ")", "\"", "\u{0}"];

fn policy_like() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(VOCABULARY), prop::sample::select(SEPARATORS)), 0..120)
        .prop_map(|parts| parts.into_iter().flat_map(|(word, separator)| [word, separator]).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_strings(input in any::<String>()) {
        check(&input)?;
    }

    #[test]
    fn random_bytes_decoded_lossily(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn policy_like_text(input in policy_like()) {
        check(&input)?;
    }

    #[test]
    fn policy_like_text_with_unicode_noise(input in policy_like(), noise in "\\PC{0,40}", at in any::<prop::sample::Index>()) {
        let mut cut = at.index(input.len() + 1);
        while !input.is_char_boundary(cut) {
            cut -= 1;
        }
        check(&format!("{}{noise}{}", &input[..cut], &input[cut..]))?;
    }
}
