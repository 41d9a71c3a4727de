//! Document-level resolution: from the badges sentences earned to the badges
//! the policy gets.
//!
//! Implications add what a finding entails (selling data is sharing it);
//! conflicts let a specific disclosure beat a blanket denial ("we never
//! share" followed by "we share X with partner Y" is sharing).

use crate::taxonomy::BadgeId::{self, *};

/// A finding that entails another: `(found, entailed)`.
const IMPLIES: &[(BadgeId, BadgeId)] = &[
    // Selling or renting data is handing it to a third party.
    (SellsData, SharesData),
    // Sensor data sent to a third party is personal data shared.
    (SensorDataShared, SharesData),
];

/// A disclosure that withdraws a denial: `(disclosure, withdrawn denial)`.
const BEATS: &[(BadgeId, BadgeId)] = &[
    (SharesData, NoSharing),
    (Cookies, NoCookies),
    (SellsData, NoSale),
    (DntIgnored, DntHonored),
    (ChangeNotice, ChangesPostedOnly),
];

/// Evidence per badge, as indices of the sentences that earned it.
pub type Findings = std::collections::BTreeMap<BadgeId, Vec<usize>>;

/// Applies implications, then conflicts, to the sentence-level findings.
pub fn resolve(findings: &mut Findings) {
    for &(found, entailed) in IMPLIES {
        if let Some(evidence) = findings.get(&found).cloned() {
            let target = findings.entry(entailed).or_default();
            target.extend(evidence);
            target.sort_unstable();
            target.dedup();
        }
    }
    for &(disclosure, denial) in BEATS {
        if findings.contains_key(&disclosure) {
            findings.remove(&denial);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disclosure_beats_blanket_denial() {
        let mut findings = Findings::from([(NoSharing, vec![1]), (SharesData, vec![5])]);
        resolve(&mut findings);
        assert!(!findings.contains_key(&NoSharing));
        assert_eq!(findings[&SharesData], vec![5]);
    }

    #[test]
    fn selling_implies_sharing_and_withdraws_no_sharing() {
        let mut findings = Findings::from([(NoSharing, vec![1]), (SellsData, vec![3]), (NoSale, vec![2])]);
        resolve(&mut findings);
        assert_eq!(findings[&SharesData], vec![3]);
        assert!(!findings.contains_key(&NoSharing));
        assert!(!findings.contains_key(&NoSale));
    }

    #[test]
    fn denials_alone_stand() {
        let mut findings = Findings::from([(NoCookies, vec![0]), (NoSale, vec![4])]);
        resolve(&mut findings);
        assert_eq!(findings.len(), 2);
    }
}
