//! Document-level resolution: from the badges sentences earned to the badges
//! the policy gets.
//!
//! Implications add what a finding entails (selling data is sharing it);
//! conflicts let a specific disclosure beat a blanket denial ("we never
//! share" followed by "we share X with partner Y" is sharing).

use crate::compiled::{BEATS, IMPLIES};
use crate::rules::MAX_STRENGTH;
use crate::taxonomy::BadgeId;

/// Disclosures at least this strong (see `rules::strength`) withdraw a
/// blanket denial: a practice the site states itself, not one read only
/// through a heading or the statement before.
const DISCLOSURE_STRENGTH: u8 = 2;

/// Evidence per badge: the statements that earned it, by index in document
/// order, each with how strongly it states the practice (0 to 3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Findings {
    /// By badge (`BadgeId as usize`); empty for a badge not found.
    evidence: Vec<Vec<(usize, u8)>>,
}

impl Default for Findings {
    /// No badge found yet.
    fn default() -> Findings {
        Findings { evidence: vec![Vec::new(); BadgeId::ALL.len()] }
    }
}

impl Findings {
    /// Records that statement `index` earned `badge` with `strength`
    /// (statements come in document order; one earning it twice counts
    /// once, at its strongest).
    pub fn add(&mut self, badge: BadgeId, index: usize, strength: u8) {
        let evidence = &mut self.evidence[badge as usize];
        match evidence.last_mut() {
            Some((last, best)) if *last == index => *best = (*best).max(strength),
            _ => evidence.push((index, strength)),
        }
    }

    /// Takes back that statement `index` earned `badge`.
    pub fn withdraw(&mut self, badge: BadgeId, index: usize) {
        self.evidence[badge as usize].retain(|&(earned, _)| earned != index);
    }

    /// Takes back `badge` from every statement: the document contradicts it.
    pub fn withdraw_all(&mut self, badge: BadgeId) {
        self.evidence[badge as usize].clear();
    }

    /// The statements that earned `badge` with their strengths, in document
    /// order, if any did.
    pub fn get(&self, badge: BadgeId) -> Option<&[(usize, u8)]> {
        Some(self.evidence[badge as usize].as_slice()).filter(|evidence| !evidence.is_empty())
    }

    /// The statements that earned `badge`, strongest first (the earliest
    /// among equals).
    pub fn ranked(&self, badge: BadgeId) -> Vec<usize> {
        // Strengths are 0 to 3: one pass per strength keeps document order.
        let evidence = &self.evidence[badge as usize];
        (0..=MAX_STRENGTH)
            .rev()
            .flat_map(|strength| evidence.iter().filter(move |&&(_, s)| s == strength).map(|&(index, _)| index))
            .collect()
    }

    /// The badges found, in taxonomy order.
    pub fn badges(&self) -> impl Iterator<Item = BadgeId> + '_ {
        BadgeId::ALL.iter().copied().filter(|&badge| self.get(badge).is_some())
    }

    /// How strongly the strongest statement states `badge`'s practice.
    fn strongest(&self, badge: BadgeId) -> Option<u8> {
        self.evidence[badge as usize].iter().map(|&(_, strength)| strength).max()
    }
}

/// Applies implications, then conflicts (`rules/resolve.toml`), to the
/// statement-level findings: a disclosure the site states itself withdraws
/// a blanket denial.
pub fn resolve(findings: &mut Findings) {
    for &(found, entailed) in IMPLIES {
        let merged = merge(&findings.evidence[found as usize], &findings.evidence[entailed as usize]);
        findings.evidence[entailed as usize] = merged;
    }
    for &(disclosure, denial) in BEATS {
        if findings.strongest(disclosure).is_some_and(|strength| strength >= DISCLOSURE_STRENGTH) {
            findings.evidence[denial as usize].clear();
        }
    }
}

/// Two evidence lists in document order as one, a statement in both
/// keeping its greater strength.
fn merge(a: &[(usize, u8)], b: &[(usize, u8)]) -> Vec<(usize, u8)> {
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    loop {
        match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) if x.0 == y.0 => {
                merged.push((x.0, x.1.max(y.1)));
                (i, j) = (i + 1, j + 1);
            }
            (Some(&x), Some(&y)) if x.0 < y.0 => {
                merged.push(x);
                i += 1;
            }
            (Some(&x), None) => {
                merged.push(x);
                i += 1;
            }
            (_, Some(&y)) => {
                merged.push(y);
                j += 1;
            }
            (None, None) => return merged,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BadgeId::*;

    fn findings(found: &[(BadgeId, usize, u8)]) -> Findings {
        let mut findings = Findings::default();
        found.iter().for_each(|&(badge, index, strength)| findings.add(badge, index, strength));
        findings
    }

    #[test]
    fn disclosure_beats_blanket_denial() {
        let mut findings = findings(&[(NoSharing, 1, 3), (SharesData, 5, 3)]);
        resolve(&mut findings);
        assert_eq!(findings.get(NoSharing), None);
        assert_eq!(findings.get(SharesData), Some(&[(5, 3)][..]));
    }

    #[test]
    fn a_weak_disclosure_leaves_the_denial_standing() {
        let mut findings = findings(&[(NoSharing, 1, 3), (SharesData, 5, 1)]);
        resolve(&mut findings);
        assert_eq!(findings.badges().collect::<Vec<_>>(), [SharesData, NoSharing]);
    }

    #[test]
    fn selling_implies_sharing_and_withdraws_no_sharing() {
        let mut findings =
            findings(&[(NoSharing, 1, 3), (SellsData, 3, 2), (NoSale, 2, 3), (SharesData, 3, 1), (SharesData, 7, 3)]);
        resolve(&mut findings);
        assert_eq!(findings.get(SharesData), Some(&[(3, 2), (7, 3)][..]), "merged, each statement once, strongest");
        assert_eq!(findings.get(NoSharing), None);
        assert_eq!(findings.get(NoSale), None);
    }

    #[test]
    fn denials_alone_stand_and_rank_strongest_first() {
        let mut findings = findings(&[(NoCookies, 0, 1), (NoSale, 4, 1), (NoSale, 4, 2), (NoSale, 9, 3)]);
        resolve(&mut findings);
        assert_eq!(findings.badges().collect::<Vec<_>>(), [NoCookies, NoSale]);
        assert_eq!(findings.get(NoSale), Some(&[(4, 2), (9, 3)][..]));
        assert_eq!(findings.ranked(NoSale), [9, 4]);
        findings.withdraw(NoSale, 9);
        assert_eq!(findings.ranked(NoSale), [4]);
    }
}
