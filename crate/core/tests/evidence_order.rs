//! The order of a badge's evidence: the first sentence shown states the
//! practice itself, ahead of labels and of the policy describing itself.

use policy_badges::{analyze, BadgeId};

/// The first evidence sentence shown for `badge` in `text`.
fn first_evidence(text: &str, badge: BadgeId) -> String {
    let summary = analyze(text);
    let found = summary.badges.iter().find(|b| b.id == badge.as_str()).expect("the badge is earned");
    found.evidence[0].text.clone()
}

#[test]
fn a_bare_label_read_as_a_list_item_comes_after_the_statement() {
    let text = "Privacy policy of Example App\n\nThe app protects your data in a few ways:\n\n\
        - Locks: all settings pages sit behind a PIN.\n\n\
        - Logs: nothing is logged on our servers.\n\n\
        7. Kids\n\n\
        This app is not meant for children under the age of 13.\n";
    assert_eq!(first_evidence(text, BadgeId::Children), "This app is not meant for children under the age of 13.");
}

#[test]
fn the_policy_describing_itself_comes_after_a_stated_measure() {
    let text = "Privacy policy\n\nThis policy describes how we gather, use and safeguard the details you give us.\n\n\
        We keep all records on servers behind firewalls, and only two engineers can open them.\n";
    assert_eq!(
        first_evidence(text, BadgeId::SecurityMeasures),
        "We keep all records on servers behind firewalls, and only two engineers can open them."
    );
}
