//! Scores the analyzer against policies labeled by people.
//!
//! Each document comes with `positive` badges (must be shown) and `negative`
//! ones (must not be shown); a badge in neither list is not scored for that
//! document. Scores are document-level: one badge per document counts once.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use policy_badges::{BadgeId, Evidence, Summary};

/// Macro-F1 is taken over the badges with at least this many positives
/// (fewer give noise); every badge counts toward the micro figures. The
/// table gives both: 5 for the larger dev corpus, 3 for the modern one.
pub const MACRO_SUPPORTS: [usize; 2] = [5, 3];

/// A document's labels, as in `NAME.labels.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Labels {
    /// Badges the summary must show.
    #[serde(default)]
    pub positive: Vec<String>,
    /// Badges the summary must not show.
    #[serde(default)]
    pub negative: Vec<String>,
    /// Whether the text is a privacy policy (`None`: not labeled).
    #[serde(default)]
    pub is_policy: Option<bool>,
}

/// Counts and scores of one badge over all documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BadgeScore {
    /// Badge id.
    pub id: String,
    /// Labeled positive and shown.
    pub tp: usize,
    /// Labeled negative but shown.
    pub fp: usize,
    /// Labeled positive but not shown.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// tp / (tp + fp), 0 when nothing was shown.
    pub precision: f64,
    /// tp / (tp + fn), 0 when nothing was labeled positive.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Number of documents labeled positive.
    pub support: usize,
}

/// A badge shown against a negative label, with the evidence that caused it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FalseAlarm {
    /// Badge id.
    pub id: String,
    /// The sentences that earned it.
    pub evidence: Vec<Evidence>,
}

/// What the analyzer got wrong on one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentErrors {
    /// Document name.
    pub name: String,
    /// `Some(true)`: called a policy but labeled not one; `Some(false)`:
    /// labeled a policy but called not one.
    pub is_policy_wrong: Option<bool>,
    /// Labeled positive, not shown.
    pub misses: Vec<String>,
    /// Labeled negative, shown.
    pub false_alarms: Vec<FalseAlarm>,
}

/// The scores of a whole evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// One row per badge that has any label, in taxonomy order.
    pub badges: Vec<BadgeScore>,
    /// Mean F1 over the badges with at least [`MACRO_SUPPORTS`] positives,
    /// one figure per support.
    pub macro_f1: [f64; 2],
    /// The pooled counts over every badge, with their rates.
    pub micro: BadgeScore,
    /// Number of documents scored.
    pub docs: usize,
    /// Documents labeled for `is_policy`, and how many of them the analyzer
    /// called right.
    pub is_policy: (usize, usize),
    /// Per-document errors, for studying them.
    pub documents: Vec<DocumentErrors>,
}

/// Scores `(name, summary, labels)` triples.
pub fn score<'a>(documents: impl IntoIterator<Item = (&'a str, &'a Summary, &'a Labels)>) -> Report {
    let mut rows: BTreeMap<String, BadgeScore> = BTreeMap::new();
    let mut errors = Vec::new();
    let (mut docs, mut is_policy) = (0, (0, 0));
    for (name, summary, labels) in documents {
        docs += 1;
        let shown = |id: &str| summary.badges.iter().find(|b| b.id == id);
        let is_policy_wrong = labels.is_policy.filter(|&label| label != summary.is_policy).map(|_| summary.is_policy);
        if labels.is_policy.is_some() {
            is_policy.0 += 1;
            is_policy.1 += usize::from(is_policy_wrong.is_none());
        }
        let mut doc =
            DocumentErrors { name: name.to_string(), is_policy_wrong, misses: Vec::new(), false_alarms: Vec::new() };
        for id in &labels.positive {
            let row = row_of(&mut rows, id);
            row.support += 1;
            if shown(id).is_some() {
                row.tp += 1;
            } else {
                row.fn_ += 1;
                doc.misses.push(id.clone());
            }
        }
        for id in &labels.negative {
            let row = row_of(&mut rows, id);
            if let Some(badge) = shown(id) {
                row.fp += 1;
                doc.false_alarms.push(FalseAlarm { id: id.clone(), evidence: badge.evidence.clone() });
            }
        }
        errors.push(doc);
    }
    let mut badges: Vec<BadgeScore> = rows.into_values().map(with_rates).collect();
    badges.sort_by_key(|row| (BadgeId::parse(&row.id).is_none(), BadgeId::parse(&row.id), row.id.clone()));
    let macro_f1 = MACRO_SUPPORTS.map(|support| {
        let rows: Vec<f64> = badges.iter().filter(|r| r.support >= support).map(|r| r.f1).collect();
        if rows.is_empty() {
            0.0
        } else {
            rows.iter().sum::<f64>() / rows.len() as f64
        }
    });
    let micro = with_rates(BadgeScore {
        id: "all".into(),
        tp: badges.iter().map(|r| r.tp).sum(),
        fp: badges.iter().map(|r| r.fp).sum(),
        fn_: badges.iter().map(|r| r.fn_).sum(),
        support: badges.iter().map(|r| r.support).sum(),
        ..BadgeScore::default()
    });
    Report { badges, macro_f1, micro, docs, is_policy, documents: errors }
}

/// The row of `id`, added empty if new.
fn row_of<'r>(rows: &'r mut BTreeMap<String, BadgeScore>, id: &str) -> &'r mut BadgeScore {
    rows.entry(id.to_string()).or_insert_with(|| BadgeScore { id: id.to_string(), ..BadgeScore::default() })
}

fn with_rates(mut row: BadgeScore) -> BadgeScore {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    row.precision = ratio(row.tp, row.tp + row.fp);
    row.recall = ratio(row.tp, row.tp + row.fn_);
    row.f1 = ratio(2 * row.tp, 2 * row.tp + row.fp + row.fn_);
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_badges::Badge;

    fn summary(ids: &[BadgeId]) -> Summary {
        Summary {
            is_policy: true,
            policy_score: 1.0,
            reason: String::new(),
            words: 0,
            truncated: false,
            excerpt: false,
            badges: ids.iter().map(|&id| Badge::new(id)).collect(),
        }
    }

    fn labels(positive: &[&str], negative: &[&str]) -> Labels {
        Labels {
            positive: positive.iter().map(|s| s.to_string()).collect(),
            negative: negative.iter().map(|s| s.to_string()).collect(),
            is_policy: Some(true),
        }
    }

    #[test]
    fn counts_hits_misses_and_false_alarms() {
        let a = summary(&[BadgeId::Cookies, BadgeId::SellsData]);
        let b = summary(&[]);
        let la = labels(&["cookies"], &["sells-data"]);
        let lb = labels(&["cookies"], &["sells-data"]);
        let report = score([("a", &a, &la), ("b", &b, &lb)]);
        let cookies = &report.badges[0];
        assert_eq!((cookies.tp, cookies.fp, cookies.fn_, cookies.support), (1, 0, 1, 2));
        assert_eq!(cookies.f1, 2.0 / 3.0);
        let sells = &report.badges[1];
        assert_eq!((sells.tp, sells.fp, sells.fn_), (0, 1, 0));
        assert_eq!(report.documents[0].false_alarms[0].id, "sells-data");
        assert_eq!(report.documents[1].misses, ["cookies"]);
        assert_eq!(report.docs, 2);
        // micro: tp 1, fp 1, fn 1.
        assert_eq!((report.micro.precision, report.micro.recall, report.micro.f1), (0.5, 0.5, 0.5));
        // No badge has 3 positives.
        assert_eq!(report.macro_f1, [0.0, 0.0]);
        // Both summaries say "a policy", as labeled.
        assert_eq!(report.is_policy, (2, 2));
    }

    #[test]
    fn unlabeled_badges_are_not_scored() {
        let a = summary(&[BadgeId::Location]);
        let la = labels(&[], &[]);
        let report = score([("a", &a, &la)]);
        assert!(report.badges.is_empty());
        assert!(report.documents[0].false_alarms.is_empty());
    }
}
