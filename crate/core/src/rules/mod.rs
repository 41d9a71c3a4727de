//! Sentence rules: which badges a sentence earns.
//!
//! Every pattern of `crate/core/rules/` is in one phrase library
//! ([`crate::compiled`]), so a sentence is scanned once for all of them;
//! only the rules whose phrases occur are then looked at closely
//! (negation, actor, context).

pub mod clause;

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

use policy_phrase::{Library, Scan};

use crate::compiled::{self, Actor, RuleDef, BEATS, RULES};
use crate::taxonomy::BadgeId;
use clause::{Denier, Reading};

/// A sentence as the rules see it.
#[derive(Debug, Clone, Copy)]
pub struct SentenceView<'a> {
    /// Normalized text to match: the lead-in, a space, then the sentence.
    pub text: &'a str,
    /// Where the sentence itself starts in `text` (after its lead-in).
    pub own_start: usize,
    /// Normalized heading of the section, if any.
    pub heading: Option<&'a str>,
    /// Normalized previous sentence of the same section, if any.
    pub previous: Option<&'a str>,
}

/// The rule table, ready to apply: the compiled library and, for each of
/// its patterns, the rule it is the main pattern of.
pub struct Rules {
    library: &'static Library,
    /// For each pattern of the library: the rule it is the main pattern of.
    rule_of_pattern: Vec<Option<usize>>,
}

impl Rules {
    /// The rule table (built on first use, then shared).
    pub fn get() -> &'static Rules {
        static RULES_READY: OnceLock<Rules> = OnceLock::new();
        RULES_READY.get_or_init(|| {
            let library = compiled::library();
            let mut rule_of_pattern = vec![None; library.patterns()];
            for (index, rule) in RULES.iter().enumerate() {
                rule_of_pattern[rule.pattern] = Some(index);
            }
            Rules { library, rule_of_pattern }
        })
    }

    /// Reads a normalized text once for every pattern: rules, clauses and
    /// the policy detector's.
    pub fn scan<'t>(&self, text: &'t str) -> Scan<'t> {
        self.library.scan(text)
    }

    /// Calls `earn` with every badge the sentence earns (possibly repeated);
    /// `scan` is [`Rules::scan`] of `sentence.text`.
    pub fn apply(&self, sentence: SentenceView<'_>, scan: &Scan<'_>, mut earn: impl FnMut(BadgeId)) {
        self.trace(sentence, scan, |hit| {
            if let Some(badge) = hit.badge {
                earn(badge);
            }
        });
    }

    /// Calls `on_hit` with every match of every rule whose preconditions hold
    /// in the sentence, and what came of it: for studying the rules. `scan`
    /// is [`Rules::scan`] of `sentence.text`.
    pub fn trace(&self, sentence: SentenceView<'_>, scan: &Scan<'_>, mut on_hit: impl FnMut(Hit)) {
        let own = sentence.own_start..sentence.text.len();
        let reading = OnceCell::new();
        let context_scans = OnceCell::new();
        let mut found = Vec::new();
        let mut hits = Vec::new();
        // Candidates ascend, and rules' patterns were added in rule order:
        // rules are tried in file order.
        for pattern in self.library.candidates(scan) {
            let Some(index) = self.rule_of_pattern[pattern] else { continue };
            let rule = &RULES[index];
            // The lead-in earns its badges itself: only matches in the sentence count.
            self.library.find_all_into(scan, rule.pattern, own.clone(), &mut found);
            if found.is_empty() || !self.preconditions_hold(rule, scan, sentence, &context_scans) {
                continue;
            }
            let reading = reading.get_or_init(|| Reading::of(self.library, scan));
            for matched in found.drain(..) {
                let outcome = self.outcome(rule, scan, reading, own.clone(), matched.clone());
                let badge = match outcome {
                    Outcome::Affirmed => rule.earns,
                    Outcome::Denied => rule.denied,
                    Outcome::AboutOtherSites | Outcome::Excepted | Outcome::Overridden => None,
                };
                hits.push(Hit { place: rule.place, matched, outcome, badge });
            }
        }
        overrule_contained_opposites(&mut hits);
        hits.into_iter().for_each(&mut on_hit);
    }

    /// Whether the rule's `also` and `context` phrases are where they must be.
    fn preconditions_hold<'a>(
        &self,
        rule: &RuleDef,
        scan: &Scan<'_>,
        sentence: SentenceView<'a>,
        context_scans: &OnceCell<Vec<Scan<'a>>>,
    ) -> bool {
        let whole = 0..sentence.text.len();
        let also_ok = rule.also.is_none_or(|also| self.library.is_match(scan, also, whole.clone()));
        let context_ok = rule.context.is_none_or(|context| {
            self.library.is_match(scan, context, whole.clone())
                || context_scans
                    .get_or_init(|| {
                        [sentence.heading, sentence.previous]
                            .into_iter()
                            .flatten()
                            .map(|t| self.library.scan(t))
                            .collect()
                    })
                    .iter()
                    .any(|other| self.library.is_match(other, context, 0..other.len()))
        });
        also_ok && context_ok
    }

    fn outcome(
        &self,
        rule: &RuleDef,
        scan: &Scan<'_>,
        reading: &Reading<'_, '_>,
        own: Range<usize>,
        matched: Range<usize>,
    ) -> Outcome {
        let denier = match rule.actor {
            Actor::Reader => Denier::SiteOrReader,
            Actor::Site | Actor::Anyone => Denier::Site,
        };
        if rule.actor != Actor::Anyone && reading.is_about_other_sites(matched.clone()) {
            Outcome::AboutOtherSites
        } else if reading.is_negated(matched, denier) {
            Outcome::Denied
        } else if rule.unless.is_some_and(|unless| self.library.is_match(scan, unless, own)) {
            Outcome::Excepted
        } else {
            Outcome::Affirmed
        }
    }
}

/// Within one sentence, a match that earns one side of a disclosure/denial
/// pair (`rules/resolve.toml`, `[[beats]]`) and lies inside the match of
/// a rule earning the other side yields to it: the longer phrase is the
/// more specific reading ("cookie-free" contains "cookie"). So a denial
/// phrase added to one rule needs no exception written into its opposite.
fn overrule_contained_opposites(hits: &mut [Hit]) {
    let opposite = |a: BadgeId, b: BadgeId| BEATS.iter().any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b));
    for i in 0..hits.len() {
        let Some(badge) = hits[i].badge else { continue };
        let inner = hits[i].matched.clone();
        let contained = hits.iter().enumerate().any(|(j, other)| {
            j != i
                && other.badge.is_some_and(|o| opposite(badge, o))
                && other.matched.start <= inner.start
                && inner.end <= other.matched.end
                && other.matched != inner
        });
        if contained {
            hits[i].outcome = Outcome::Overridden;
            hits[i].badge = None;
        }
    }
}

/// One match of a rule in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Where the rule is written (`badges/sharing.toml:12`).
    pub place: &'static str,
    /// Byte range of the match in the normalized sentence.
    pub matched: Range<usize>,
    /// How the match was read.
    pub outcome: Outcome,
    /// The badge it earned, if any.
    pub badge: Option<BadgeId>,
}

/// How a rule's match was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The practice is stated.
    Affirmed,
    /// The practice is denied.
    Denied,
    /// The clause speaks about other websites.
    AboutOtherSites,
    /// The rule's `unless` phrase is in the sentence.
    Excepted,
    /// A longer match in the sentence earns the opposite badge.
    Overridden,
}
