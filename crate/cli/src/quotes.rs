//! Scores the analyzer on quotes: short excerpts of real policies, each
//! labeled with the badge it states (ToS;DR's practice cases mapped to the
//! taxonomy, `../shared/tosdr-quotes`). Each quote is read in excerpt mode;
//! a quote is a hit when its badge comes out, and an opposite when the
//! badge's opposite does. Quotes may state other practices too, so other
//! badges are not errors: this measures recall.

use std::collections::BTreeMap;

use policy_badges::{analyze_as, BadgeId, Mode};
use serde::{Deserialize, Serialize};

/// One line of a quotes file.
#[derive(Debug, Clone, Deserialize)]
pub struct Quote {
    /// The quote's id in its source.
    pub id: String,
    /// The badge the quote states.
    pub badge: String,
    /// The quote.
    pub text: String,
}

/// The counts of one badge.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuoteScore {
    /// Badge id.
    pub id: String,
    /// Quotes labeled with it.
    pub quotes: usize,
    /// Quotes that earned it.
    pub hits: usize,
    /// Quotes that earned its opposite instead or besides.
    pub opposite: usize,
    /// The ids of the quotes that did not earn it, for studying them.
    pub missed: Vec<String>,
}

impl QuoteScore {
    /// hits / quotes.
    pub fn recall(&self) -> f64 {
        ratio(self.hits, self.quotes)
    }
}

/// Scores every quote; rows in taxonomy order (unknown ids last), and the
/// totals as a row of its own.
pub fn score(quotes: &[Quote]) -> (Vec<QuoteScore>, QuoteScore) {
    let mut rows: BTreeMap<(Option<BadgeId>, String), QuoteScore> = BTreeMap::new();
    for quote in quotes {
        let badge = BadgeId::parse(&quote.badge);
        let row = rows
            .entry((badge, quote.badge.clone()))
            .or_insert_with(|| QuoteScore { id: quote.badge.clone(), ..QuoteScore::default() });
        let found = analyze_as(&quote.text, Mode::Excerpt).badges;
        let earned = |id: Option<BadgeId>| id.is_some_and(|id| found.iter().any(|b| b.id == id.as_str()));
        row.quotes += 1;
        if earned(badge) {
            row.hits += 1;
        } else {
            row.missed.push(quote.id.clone());
        }
        row.opposite += usize::from(earned(badge.and_then(BadgeId::opposite)));
    }
    // Known badges first, in taxonomy order; then unknown ids by name.
    let mut rows: Vec<((Option<BadgeId>, String), QuoteScore)> = rows.into_iter().collect();
    rows.sort_by_key(|((badge, id), _)| (badge.is_none(), *badge, id.clone()));
    let rows: Vec<QuoteScore> = rows.into_iter().map(|(_, row)| row).collect();
    let total = QuoteScore {
        id: "all".into(),
        quotes: rows.iter().map(|r| r.quotes).sum(),
        hits: rows.iter().map(|r| r.hits).sum(),
        opposite: rows.iter().map(|r| r.opposite).sum(),
        missed: Vec::new(),
    };
    (rows, total)
}

/// `a / b`, 0 when `b` is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(id: &str, badge: &str, text: &str) -> Quote {
        Quote { id: id.into(), badge: badge.into(), text: text.into() }
    }

    #[test]
    fn counts_hits_misses_and_opposites() {
        let quotes = [
            quote("1", "no-sale", "We never sell your personal information."),
            quote("2", "no-sale", "We may sell your e-mail address to partners."),
            quote("3", "no-sale", "Hello."),
            quote("4", "not-a-badge", "We never sell your personal information."),
        ];
        let (rows, total) = score(&quotes);
        assert_eq!(rows[0].id, "no-sale");
        assert_eq!((rows[0].quotes, rows[0].hits, rows[0].opposite), (3, 1, 1));
        assert_eq!(rows[0].missed, ["2", "3"]);
        assert_eq!(rows[1].id, "not-a-badge");
        assert_eq!((total.quotes, total.hits, total.opposite), (4, 1, 1));
        assert_eq!(rows[0].recall(), 1.0 / 3.0);
    }
}
