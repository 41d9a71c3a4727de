//! From the readings of a file's versions to its badge changes: which
//! badges the first policy version has, and at which version each later
//! appeared or disappeared, with the evidence that came or went.
//!
//! Versions not read as a policy (an error page, a captcha, an empty file
//! caught by the crawler) are passed over: a change is always between two
//! versions that are policies, so a broken capture does not read as every
//! badge leaving and coming back.

use policy_badges::diff::records;
use policy_badges::{BadgeId, BadgeRecord, Summary};
use serde::Serialize;

/// What the analyzer made of one version.
#[derive(Debug, Clone)]
pub enum Reading {
    /// Read as a privacy policy, with its badges and their evidence.
    Policy(Vec<BadgeRecord>),
    /// Read, but not as a privacy policy (no badges given).
    NotPolicy,
    /// Could not be read (binary content): why.
    Unreadable(String),
}

impl Reading {
    /// The reading of an analysis.
    pub fn of(summary: &Summary) -> Reading {
        if summary.is_policy {
            Reading::Policy(records(summary))
        } else {
            Reading::NotPolicy
        }
    }
}

/// How a badge changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Present in the first version read as a policy.
    Initial,
    /// Absent from the previous policy version, present in this one.
    Appeared,
    /// Present in the previous policy version, absent from this one.
    Disappeared,
}

impl Kind {
    /// The word used in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Initial => "initial",
            Kind::Appeared => "appeared",
            Kind::Disappeared => "disappeared",
        }
    }
}

/// One badge change of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The version it is seen at (an index into the file's versions).
    pub version: usize,
    /// The policy version before it, if any.
    pub previous: Option<usize>,
    /// Appeared, disappeared or there from the start.
    pub kind: Kind,
    /// The badge.
    pub badge: BadgeId,
    /// The sentences that earned it: in this version when it appeared, in
    /// the previous one when it disappeared.
    pub evidence: Vec<String>,
}

/// The badge changes along a file's readings, in version order, and within
/// a version in display order (appeared before disappeared).
pub fn changes(readings: &[Reading]) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut last: Option<(usize, &[BadgeRecord])> = None;
    for (version, reading) in readings.iter().enumerate() {
        let Reading::Policy(now) = reading else { continue };
        let (before, previous) = last.map_or((&[][..], None), |(i, records)| (records, Some(i)));
        let diff = policy_badges::diff_records(before, now);
        let appeared = if previous.is_some() { Kind::Appeared } else { Kind::Initial };
        for (ids, kind, side) in [(&diff.added, appeared, &now[..]), (&diff.removed, Kind::Disappeared, before)] {
            for id in ids {
                let Some(badge) = BadgeId::parse(id) else { continue };
                changes.push(Change { version, previous, kind, badge, evidence: evidence(side, id) });
            }
        }
        last = Some((version, now));
    }
    changes
}

fn evidence(records: &[BadgeRecord], id: &str) -> Vec<String> {
    records.iter().filter(|r| r.id == id).flat_map(|r| r.evidence.iter().map(|e| e.text.clone())).collect()
}

#[cfg(test)]
mod tests {
    use policy_badges::EvidenceRecord;

    use super::*;

    fn policy(badges: &[(&str, &str)]) -> Reading {
        Reading::Policy(
            badges
                .iter()
                .map(|(id, text)| BadgeRecord {
                    id: (*id).into(),
                    evidence: vec![EvidenceRecord { text: (*text).into() }],
                })
                .collect(),
        )
    }

    fn short(changes: &[Change]) -> Vec<(usize, Kind, &'static str, String)> {
        changes.iter().map(|c| (c.version, c.kind, c.badge.as_str(), c.evidence.join(" "))).collect()
    }

    #[test]
    fn badges_appear_and_disappear_between_policy_versions() {
        let readings = [
            Reading::NotPolicy,
            policy(&[("cookies", "We use cookies."), ("no-sale", "We never sell.")]),
            Reading::Unreadable("binary".into()),
            Reading::NotPolicy,
            policy(&[("cookies", "We use cookies!"), ("sells-data", "We may sell it.")]),
        ];
        let found = changes(&readings);
        assert_eq!(
            short(&found),
            [
                (1, Kind::Initial, "cookies", "We use cookies.".into()),
                (1, Kind::Initial, "no-sale", "We never sell.".into()),
                (4, Kind::Appeared, "sells-data", "We may sell it.".into()),
                (4, Kind::Disappeared, "no-sale", "We never sell.".into()),
            ]
        );
        assert_eq!((found[0].previous, found[2].previous), (None, Some(1)));
    }

    #[test]
    fn no_policy_no_changes() {
        assert!(changes(&[Reading::NotPolicy, Reading::Unreadable("x".into())]).is_empty());
    }
}
