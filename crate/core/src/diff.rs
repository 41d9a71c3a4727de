//! What changed between two versions of a policy, badge by badge.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::summary::Summary;
use crate::taxonomy::BadgeId;
use crate::text::normalize;

/// The badge-level change between two versions of a policy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// Badges the new version has and the old one had not.
    pub added: Vec<String>,
    /// Badges the old version had and the new one has not.
    pub removed: Vec<String>,
    /// Badges both have, earned by different sentences.
    pub changed_evidence: Vec<String>,
}

impl Diff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed_evidence.is_empty()
    }
}

/// A badge as remembered from an earlier analysis: its id and evidence text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadgeRecord {
    /// Badge id, e.g. `"no-sale"`.
    pub id: String,
    /// The evidence sentences' text.
    #[serde(default)]
    pub evidence: Vec<EvidenceRecord>,
}

/// An evidence sentence as remembered from an earlier analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceRecord {
    /// The sentence.
    pub text: String,
}

/// The records of a summary's badges.
pub fn records(summary: &Summary) -> Vec<BadgeRecord> {
    summary
        .badges
        .iter()
        .map(|badge| BadgeRecord {
            id: badge.id.to_string(),
            evidence: badge.evidence.iter().map(|e| EvidenceRecord { text: e.text.clone() }).collect(),
        })
        .collect()
}

/// Compares the badges of two summaries of a policy.
pub fn diff(old: &Summary, new: &Summary) -> Diff {
    diff_records(&records(old), &records(new))
}

/// Compares two sets of badge records. Evidence is compared after
/// normalization, so whitespace or typography changes are not changes.
/// Ids come out in display order (unknown ids last, alphabetically).
pub fn diff_records(old: &[BadgeRecord], new: &[BadgeRecord]) -> Diff {
    let old = index(old);
    let new = index(new);
    let mut diff = Diff::default();
    for (id, evidence) in &new {
        match old.get(id) {
            None => diff.added.push(id.clone()),
            Some(before) if before != evidence => diff.changed_evidence.push(id.clone()),
            Some(_) => {}
        }
    }
    diff.removed = old.keys().filter(|id| !new.contains_key(*id)).cloned().collect();
    for ids in [&mut diff.added, &mut diff.removed, &mut diff.changed_evidence] {
        in_display_order(ids);
    }
    diff
}

/// Puts distinct ids, alphabetical as the index keeps them, in display
/// order: known badges as [`BadgeId::sort_for_display`] does, then unknown
/// ids as they were.
fn in_display_order(ids: &mut Vec<String>) {
    let (known, unknown): (Vec<String>, Vec<String>) = ids.drain(..).partition(|id| BadgeId::parse(id).is_some());
    let mut held: Vec<BadgeId> = known.iter().filter_map(|id| BadgeId::parse(id)).collect();
    BadgeId::sort_for_display(&mut held);
    ids.extend(held.into_iter().map(|id| id.as_str().to_string()));
    ids.extend(unknown);
}

fn index(records: &[BadgeRecord]) -> BTreeMap<String, BTreeSet<String>> {
    let mut index: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for record in records {
        index
            .entry(record.id.clone())
            .or_default()
            .extend(record.evidence.iter().map(|e| normalize::for_matching(&e.text)));
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, evidence: &[&str]) -> BadgeRecord {
        BadgeRecord { id: id.into(), evidence: evidence.iter().map(|t| EvidenceRecord { text: (*t).into() }).collect() }
    }

    #[test]
    fn reports_added_removed_and_changed_in_display_order() {
        let old = [record("no-sharing", &["We never share."]), record("cookies", &["We use cookies."])];
        let new = [
            record("cookies", &["We use  cookies and beacons."]),
            record("shares-data", &["We share."]),
            record("location", &["GPS."]),
        ];
        let diff = diff_records(&old, &new);
        assert_eq!(diff.added, ["location", "shares-data"]);
        assert_eq!(diff.removed, ["no-sharing"]);
        assert_eq!(diff.changed_evidence, ["cookies"]);
    }

    #[test]
    fn whitespace_and_quotes_are_not_changes() {
        let old = [record("no-sale", &["We don\u{2019}t sell."])];
        let new = [record("no-sale", &["We  don't sell."])];
        assert!(diff_records(&old, &new).is_empty());
    }

    #[test]
    fn unknown_ids_sort_last() {
        let diff = diff_records(&[], &[record("zz-future", &[]), record("cookies", &[])]);
        assert_eq!(diff.added, ["cookies", "zz-future"]);
    }
}
