//! The summary a batch ends with: documents, policies, failures, and how
//! many policies earned each badge.

use std::fmt::Write;
use std::time::Duration;

use policy_badges::BadgeId;

use super::document::{Outcome, Record};
use crate::render::count;

/// Counts over the records of one run.
#[derive(Debug, Default)]
pub struct Tally {
    /// Documents read this run (analyzed or failed).
    pub documents: usize,
    /// Documents read as privacy policies.
    pub policies: usize,
    /// Documents that could not be read.
    pub failures: usize,
    /// Documents left out because the resumed output has them.
    pub skipped: usize,
    /// Per badge, in taxonomy order: how many policies earned it.
    pub prevalence: Vec<usize>,
}

impl Tally {
    /// Counts one record.
    pub fn add(&mut self, record: &Record) {
        match &record.outcome {
            Outcome::Skipped => self.skipped += 1,
            Outcome::Failed(_) => {
                self.documents += 1;
                self.failures += 1;
            }
            Outcome::Analyzed { summary, .. } => {
                self.documents += 1;
                if summary.is_policy {
                    self.policies += 1;
                    self.prevalence.resize(BadgeId::ALL.len(), 0);
                    for badge in &summary.badges {
                        if let Some(i) = BadgeId::ALL.iter().position(|b| b.as_str() == badge.id) {
                            self.prevalence[i] += 1;
                        }
                    }
                }
            }
        }
    }

    /// The closing summary, for people: totals, then the badges from the
    /// most to the least common among policies.
    pub fn report(&self, elapsed: Duration) -> String {
        let mut out = String::new();
        let seconds = elapsed.as_secs_f64();
        let rate = if seconds > 0.0 { self.documents as f64 / seconds } else { 0.0 };
        let _ = write!(
            out,
            "batch: {}: {}, {}, {} in {seconds:.1} s ({rate:.0} documents/s)",
            count(self.documents, "document", "documents"),
            count(self.policies, "policy", "policies"),
            count(self.documents - self.policies - self.failures, "non-policy", "non-policies"),
            count(self.failures, "failure", "failures"),
        );
        if self.skipped > 0 {
            let _ = write!(out, "; {} skipped (already in the output)", self.skipped);
        }
        out.push('\n');
        let mut common: Vec<(usize, BadgeId)> =
            self.prevalence.iter().zip(BadgeId::ALL).filter(|(n, _)| **n > 0).map(|(n, b)| (*n, *b)).collect();
        common.sort_by_key(|&(n, badge)| (std::cmp::Reverse(n), badge.display_key()));
        if !common.is_empty() {
            let _ = writeln!(out, "badge prevalence among {}:", count(self.policies, "policy", "policies"));
        }
        for (n, badge) in common {
            let share = 100.0 * n as f64 / self.policies as f64;
            let _ = writeln!(out, "  {:<24} {share:5.1}%  {n}", badge.as_str());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::TEST_POLICY;

    #[test]
    fn counts_policies_failures_and_badges() {
        let mut tally = Tally::default();
        for outcome in [
            Outcome::Analyzed { summary: policy_badges::analyze(TEST_POLICY), lossy: false },
            Outcome::Analyzed { summary: policy_badges::analyze("A recipe for soup."), lossy: false },
            Outcome::Failed("binary".into()),
            Outcome::Skipped,
        ] {
            tally.add(&Record { id: "x".into(), outcome });
        }
        assert_eq!((tally.documents, tally.policies, tally.failures, tally.skipped), (3, 1, 1, 1));
        let report = tally.report(Duration::from_secs(1));
        assert!(report.starts_with("batch: 3 documents: 1 policy, 1 non-policy, 1 failure"), "{report}");
        assert!(report.contains("cookies") && report.contains("100.0%"), "{report}");
    }
}
