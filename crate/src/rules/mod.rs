//! Sentence rules: which badges a sentence earns.
//!
//! Every pattern of [`table`] is compiled once into one phrase [`Library`],
//! so a sentence is scanned once for all of them; only the rules whose
//! phrases occur are then looked at closely (negation, actor, context).

pub mod clause;
mod saved;
mod table;

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

use crate::detect;
use crate::phrase::{Library, PatternId, Scan};
use clause::{ClausePatterns, Reading};

use crate::taxonomy::BadgeId;

/// Whose practice a rule's statement has to be about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// The site's own practice: statements about other sites earn nothing.
    Site,
    /// What the reader can do on the site (opt out, delete, export): the
    /// reader's own "you cannot" denies it.
    Reader,
    /// Anyone's: the topic alone earns the badge (children, California).
    Anyone,
}

/// One phrasing of a practice.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Badge earned when the statement is affirmed, if any.
    pub affirmed: Option<BadgeId>,
    /// Badge earned when the statement is denied, if any.
    pub negated: Option<BadgeId>,
    /// What the statement must be about.
    pub actor: Actor,
    /// The phrase, on normalized (lowercase) text; `{NAME}` stands for a
    /// shared fragment of [`table::FRAGMENTS`].
    pub pattern: &'static str,
    /// A second phrase the sentence (or the sentence introducing its list)
    /// must also contain.
    pub also: Option<&'static str>,
    /// A phrase the sentence, its list's lead-in, the sentence before it or
    /// its section heading must contain ("Cookies", "Children's privacy").
    pub context: Option<&'static str>,
    /// A phrase that, anywhere in the sentence, keeps an affirmed statement
    /// from earning (a denial still earns: "we do not share, except with
    /// service providers").
    pub unless: Option<&'static str>,
}

impl Rule {
    /// A rule earning `badge` for the site's own affirmed practice.
    pub const fn site(badge: BadgeId, pattern: &'static str) -> Rule {
        Rule {
            affirmed: Some(badge),
            negated: None,
            actor: Actor::Site,
            pattern,
            also: None,
            context: None,
            unless: None,
        }
    }

    /// A rule earning `badge` for something the reader can do.
    pub const fn choice(badge: BadgeId, pattern: &'static str) -> Rule {
        Rule { actor: Actor::Reader, ..Rule::site(badge, pattern) }
    }

    /// A rule earning `badge` whenever the topic is mentioned, denied or not.
    pub const fn topic(badge: BadgeId, pattern: &'static str) -> Rule {
        Rule {
            affirmed: Some(badge),
            negated: Some(badge),
            actor: Actor::Anyone,
            pattern,
            also: None,
            context: None,
            unless: None,
        }
    }

    /// A rule earning `badge` only when the site denies the practice.
    pub const fn denial(badge: BadgeId, pattern: &'static str) -> Rule {
        Rule {
            affirmed: None,
            negated: Some(badge),
            actor: Actor::Site,
            pattern,
            also: None,
            context: None,
            unless: None,
        }
    }

    /// The same rule, earning `badge` when the practice is denied.
    pub const fn or_denied(self, badge: BadgeId) -> Rule {
        Rule { negated: Some(badge), ..self }
    }

    /// The same rule, requiring `also` in the sentence or its lead-in.
    pub const fn also(self, also: &'static str) -> Rule {
        Rule { also: Some(also), ..self }
    }

    /// The same rule, requiring `context` in the sentence, lead-in or heading.
    pub const fn context(self, context: &'static str) -> Rule {
        Rule { context: Some(context), ..self }
    }

    /// The same rule, not applying to sentences containing `unless`.
    pub const fn unless(self, unless: &'static str) -> Rule {
        Rule { unless: Some(unless), ..self }
    }
}

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

/// A rule with its patterns' ids in the library.
struct CompiledRule {
    rule: Rule,
    pattern: PatternId,
    also: Option<PatternId>,
    context: Option<PatternId>,
    unless: Option<PatternId>,
}

/// Where each pattern of the rules goes in the library.
struct Plan {
    /// Every pattern (`{NAME}`s not yet expanded), by [`PatternId`].
    sources: Vec<&'static str>,
    rules: Vec<CompiledRule>,
    clause: ClausePatterns,
    practice: PatternId,
    privacy: PatternId,
}

impl Plan {
    /// Gives every pattern of `rules`, of the clause reader and of the
    /// policy detector its id.
    fn of(rules: &[Rule]) -> Plan {
        let mut sources: Vec<&'static str> = Vec::new();
        let mut add = |pattern: &'static str| {
            sources.push(pattern);
            sources.len() - 1
        };
        let clause = ClausePatterns::add_to(&mut add);
        let practice = add(detect::PRACTICE);
        let privacy = add(detect::PRIVACY);
        let rules = rules
            .iter()
            .map(|rule| CompiledRule {
                rule: *rule,
                pattern: add(rule.pattern),
                also: rule.also.map(&mut add),
                context: rule.context.map(&mut add),
                unless: rule.unless.map(&mut add),
            })
            .collect();
        Plan { sources, rules, clause, practice, privacy }
    }
}

/// The rule table, compiled: every pattern of every rule in one library,
/// so a sentence is read once for all of them.
pub struct Rules {
    library: Library,
    rules: Vec<CompiledRule>,
    /// For each pattern of the library: the rule it is the main pattern of.
    rule_of_pattern: Vec<Option<usize>>,
    clause: ClausePatterns,
    practice: PatternId,
    privacy: PatternId,
}

impl Rules {
    /// The compiled rule table (read from the saved library on first use,
    /// then shared).
    pub fn get() -> &'static Rules {
        static RULES: OnceLock<Rules> = OnceLock::new();
        RULES.get_or_init(|| {
            Rules::new(table::RULES).expect("the rules compile and the saved library is fresh (checked by tests)")
        })
    }

    fn new(rules: &[Rule]) -> Result<Rules, String> {
        let Plan { sources, rules, clause, practice, privacy } = Plan::of(rules);
        let mut rule_of_pattern = vec![None; sources.len()];
        for (index, rule) in rules.iter().enumerate() {
            rule_of_pattern[rule.pattern] = Some(index);
        }
        let library = saved::library(&sources)?;
        Ok(Rules { library, rules, rule_of_pattern, clause, practice, privacy })
    }

    /// Reads a normalized text once for every pattern: rules, clauses and
    /// the policy detector's.
    pub fn scan<'t>(&self, text: &'t str) -> Scan<'t> {
        self.library.scan(text)
    }

    /// Whether a scanned sentence states one of the site's own practices
    /// ([`detect::PRACTICE`]).
    pub fn states_practice(&self, scan: &Scan<'_>) -> bool {
        self.library.is_match(scan, self.practice, 0..scan.len())
    }

    /// Whether a scanned heading names a privacy policy ([`detect::PRIVACY`]).
    pub fn names_privacy(&self, scan: &Scan<'_>) -> bool {
        self.library.is_match(scan, self.privacy, 0..scan.len())
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
        // Candidates ascend, and rules' patterns were added in rule order:
        // rules are tried in table order.
        for pattern in self.library.candidates(scan) {
            let Some(index) = self.rule_of_pattern[pattern] else { continue };
            let compiled = &self.rules[index];
            // The lead-in earns its badges itself: only matches in the sentence count.
            self.library.find_all_into(scan, compiled.pattern, own.clone(), &mut found);
            if found.is_empty() || !self.preconditions_hold(compiled, scan, sentence, &context_scans) {
                continue;
            }
            let reading = reading.get_or_init(|| Reading::of(&self.library, self.clause, scan));
            for matched in found.drain(..) {
                let outcome = self.outcome(compiled, scan, reading, own.clone(), matched.clone());
                let badge = match outcome {
                    Outcome::Affirmed => compiled.rule.affirmed,
                    Outcome::Denied => compiled.rule.negated,
                    Outcome::AboutOtherSites | Outcome::Excepted => None,
                };
                on_hit(Hit { rule: index, matched, outcome, badge });
            }
        }
    }

    /// Whether the rule's `also` and `context` phrases are where they must be.
    fn preconditions_hold<'a>(
        &self,
        compiled: &CompiledRule,
        scan: &Scan<'_>,
        sentence: SentenceView<'a>,
        context_scans: &OnceCell<Vec<Scan<'a>>>,
    ) -> bool {
        let whole = 0..sentence.text.len();
        let also_ok = compiled.also.is_none_or(|also| self.library.is_match(scan, also, whole.clone()));
        let context_ok = compiled.context.is_none_or(|context| {
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
        compiled: &CompiledRule,
        scan: &Scan<'_>,
        reading: &Reading<'_, '_>,
        own: Range<usize>,
        matched: Range<usize>,
    ) -> Outcome {
        let denier = match compiled.rule.actor {
            Actor::Reader => clause::Denier::SiteOrReader,
            Actor::Site | Actor::Anyone => clause::Denier::Site,
        };
        if compiled.rule.actor != Actor::Anyone && reading.is_about_other_sites(matched.clone()) {
            Outcome::AboutOtherSites
        } else if reading.is_negated(matched, denier) {
            Outcome::Denied
        } else if compiled.unless.is_some_and(|unless| self.library.is_match(scan, unless, own)) {
            Outcome::Excepted
        } else {
            Outcome::Affirmed
        }
    }
}

/// One match of a rule in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the rule in the table.
    pub rule: usize,
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // the wasm build has no pattern compiler
    fn rules_compile() {
        let plan = Plan::of(table::RULES);
        saved::compile(&plan.sources).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plan.rules.len(), table::RULES.len());
    }

    #[test]
    fn the_detector_patterns_tell_practices_and_privacy_headings() {
        let rules = Rules::get();
        let practice = |text: &str| rules.states_practice(&rules.scan(text));
        assert!(practice("we collect the name you give us"));
        assert!(practice("your personal information is never sold"));
        assert!(!practice("the company said it shares data with advertisers"));
        let privacy = |text: &str| rules.names_privacy(&rules.scan(text));
        assert!(privacy("our privacy notice"));
        assert!(privacy("datenschutzerklarung"));
        assert!(!privacy("regulators fine social network"));
    }

    #[test]
    fn every_badge_has_a_rule() {
        for &badge in BadgeId::ALL {
            assert!(
                table::RULES.iter().any(|r| r.affirmed == Some(badge) || r.negated == Some(badge)),
                "no rule earns {}",
                badge.as_str()
            );
        }
    }
}
