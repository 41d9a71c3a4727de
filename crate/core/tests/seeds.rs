//! The seed policies: every `must` badge shown with evidence, no `must_not`
//! badge shown, and the Code Sector 2012 -> 2018 change as expected.

use policy_badges::{analyze, diff};

use crate::fixtures::{expected, seed, SEEDS};

#[test]
fn every_seed_is_a_policy_with_its_must_badges_and_none_of_its_must_not() {
    let expected = expected();
    assert_eq!(expected.policies.len(), SEEDS.len());
    let mut failures = Vec::new();
    for (name, expectation) in &expected.policies {
        let summary = analyze(seed(name).text);
        assert!(summary.is_policy, "{name}: {}", summary.reason);
        let shown = |id: &str| summary.badges.iter().find(|b| b.id == id);
        for id in &expectation.must {
            match shown(id) {
                None => failures.push(format!("{name}: missing {id}")),
                Some(badge) if badge.evidence.is_empty() => failures.push(format!("{name}: {id} has no evidence")),
                Some(_) => {}
            }
        }
        for id in &expectation.must_not {
            if let Some(badge) = shown(id) {
                failures.push(format!("{name}: shows {id} because of {:?}", badge.evidence[0].text));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn code_sector_2012_to_2018_changes_as_expected() {
    let expected = expected();
    let change = &expected.changes["codesector-2012.md -> codesector-2018.md"];
    let diff = diff(&analyze(seed("codesector-2012.md").text), &analyze(seed("codesector-2018.md").text));
    let sorted = |ids: &[String]| {
        let mut ids = ids.to_vec();
        ids.sort();
        ids
    };
    assert_eq!(sorted(&diff.added), sorted(&change.added), "added");
    assert_eq!(sorted(&diff.removed), sorted(&change.removed), "removed");
}

#[test]
fn evidence_is_a_slice_of_the_input_on_char_boundaries() {
    for seed in SEEDS {
        let summary = analyze(seed.text);
        for badge in &summary.badges {
            assert!(!badge.evidence.is_empty(), "{}: {} has no evidence", seed.name, badge.id);
            for evidence in &badge.evidence {
                assert!(seed.text.is_char_boundary(evidence.start) && seed.text.is_char_boundary(evidence.end));
                assert_eq!(&seed.text[evidence.start..evidence.end], evidence.text, "{}: {}", seed.name, badge.id);
            }
        }
    }
}

#[test]
fn a_policy_compared_with_itself_has_no_change() {
    for seed in SEEDS {
        assert!(diff(&analyze(seed.text), &analyze(seed.text)).is_empty(), "{}", seed.name);
    }
}
