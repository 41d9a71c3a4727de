//! Document-level resolution: from the badges sentences earned to the badges
//! the policy gets.
//!
//! Implications add what a finding entails (selling data is sharing it);
//! conflicts let a specific disclosure beat a blanket denial ("we never
//! share" followed by "we share X with partner Y" is sharing).

use crate::compiled::{BEATS, IMPLIES};
use crate::taxonomy::BadgeId;

/// Evidence per badge, as indices of the sentences that earned it, in
/// document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Findings {
    /// By badge (`BadgeId as usize`); empty for a badge not found.
    evidence: Vec<Vec<usize>>,
}

impl Default for Findings {
    /// No badge found yet.
    fn default() -> Findings {
        Findings { evidence: vec![Vec::new(); BadgeId::ALL.len()] }
    }
}

impl Findings {
    /// Records that sentence `index` earned `badge` (sentences come in
    /// document order; a sentence earning it twice counts once).
    pub fn add(&mut self, badge: BadgeId, index: usize) {
        let evidence = &mut self.evidence[badge as usize];
        if evidence.last() != Some(&index) {
            evidence.push(index);
        }
    }

    /// The sentences that earned `badge`, if any did.
    pub fn get(&self, badge: BadgeId) -> Option<&[usize]> {
        Some(self.evidence[badge as usize].as_slice()).filter(|evidence| !evidence.is_empty())
    }

    /// The badges found, in taxonomy order.
    pub fn badges(&self) -> impl Iterator<Item = BadgeId> + '_ {
        BadgeId::ALL.iter().copied().filter(|&badge| self.get(badge).is_some())
    }
}

/// Applies implications, then conflicts (`rules/resolve.toml`), to the
/// sentence-level findings.
pub fn resolve(findings: &mut Findings) {
    for &(found, entailed) in IMPLIES {
        let evidence = findings.evidence[found as usize].clone();
        if !evidence.is_empty() {
            let target = &mut findings.evidence[entailed as usize];
            target.extend(evidence);
            target.sort_unstable();
            target.dedup();
        }
    }
    for &(disclosure, denial) in BEATS {
        if findings.get(disclosure).is_some() {
            findings.evidence[denial as usize].clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BadgeId::*;

    fn findings(found: &[(BadgeId, usize)]) -> Findings {
        let mut findings = Findings::default();
        found.iter().for_each(|&(badge, index)| findings.add(badge, index));
        findings
    }

    #[test]
    fn disclosure_beats_blanket_denial() {
        let mut findings = findings(&[(NoSharing, 1), (SharesData, 5)]);
        resolve(&mut findings);
        assert_eq!(findings.get(NoSharing), None);
        assert_eq!(findings.get(SharesData), Some(&[5][..]));
    }

    #[test]
    fn selling_implies_sharing_and_withdraws_no_sharing() {
        let mut findings = findings(&[(NoSharing, 1), (SellsData, 3), (NoSale, 2), (SharesData, 3), (SharesData, 7)]);
        resolve(&mut findings);
        assert_eq!(findings.get(SharesData), Some(&[3, 7][..]), "merged, each sentence once");
        assert_eq!(findings.get(NoSharing), None);
        assert_eq!(findings.get(NoSale), None);
    }

    #[test]
    fn denials_alone_stand() {
        let mut findings = findings(&[(NoCookies, 0), (NoSale, 4), (NoSale, 4)]);
        resolve(&mut findings);
        assert_eq!(findings.badges().collect::<Vec<_>>(), [NoCookies, NoSale]);
        assert_eq!(findings.get(NoSale), Some(&[4][..]));
    }
}
