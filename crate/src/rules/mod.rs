//! Sentence rules: which badges a sentence earns.
//!
//! Every rule of [`table`] is compiled once into one [`RegexSet`], so a
//! sentence is scanned once for all of them; only the rules that fire are
//! then looked at closely (negation, actor, context).

pub mod clause;
mod table;

use std::cell::OnceCell;

use crate::pattern::{Pattern, Set};

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
        Rule {
            actor: Actor::Reader,
            ..Rule::site(badge, pattern)
        }
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
        Rule {
            negated: Some(badge),
            ..self
        }
    }

    /// The same rule, requiring `also` in the sentence or its lead-in.
    pub const fn also(self, also: &'static str) -> Rule {
        Rule {
            also: Some(also),
            ..self
        }
    }

    /// The same rule, requiring `context` in the sentence, lead-in or heading.
    pub const fn context(self, context: &'static str) -> Rule {
        Rule {
            context: Some(context),
            ..self
        }
    }

    /// The same rule, not applying to sentences containing `unless`.
    pub const fn unless(self, unless: &'static str) -> Rule {
        Rule {
            unless: Some(unless),
            ..self
        }
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

/// A rule with its patterns, each compiled the first time it is needed.
struct CompiledRule {
    rule: Rule,
    pattern: Lazy,
    also: Option<Lazy>,
    context: Option<Lazy>,
    unless: Option<Lazy>,
}

/// A rule pattern, compiled on first use: most rules never fire on a given
/// page, so the first analysis compiles only what it needs.
struct Lazy {
    source: &'static str,
    compiled: OnceCell<Pattern>,
}

impl Lazy {
    fn new(source: &'static str) -> Lazy {
        Lazy {
            source,
            compiled: OnceCell::new(),
        }
    }

    fn get(&self) -> &Pattern {
        self.compiled
            .get_or_init(|| Pattern::built_in(&table::expand(self.source)))
    }
}

/// The rule table, compiled.
pub struct Rules {
    set: Set,
    rules: Vec<CompiledRule>,
}

thread_local! {
    static RULES: Rules = Rules::compile(table::RULES);
}

impl Rules {
    /// Runs `f` with the compiled rule table (compiled once per thread).
    pub fn with<R>(f: impl FnOnce(&Rules) -> R) -> R {
        RULES.with(f)
    }

    fn compile(rules: &[Rule]) -> Rules {
        let patterns: Vec<String> = rules.iter().map(|r| table::expand(r.pattern)).collect();
        let set = Set::of_heads(&patterns)
            .expect("rule table compiles (checked by the rules_compile test)");
        let rules = rules
            .iter()
            .map(|rule| CompiledRule {
                rule: *rule,
                pattern: Lazy::new(rule.pattern),
                also: rule.also.map(Lazy::new),
                context: rule.context.map(Lazy::new),
                unless: rule.unless.map(Lazy::new),
            })
            .collect();
        Rules { set, rules }
    }

    /// Calls `earn` with every badge the sentence earns (possibly repeated).
    pub fn apply(&self, sentence: SentenceView<'_>, mut earn: impl FnMut(BadgeId)) {
        self.trace(sentence, |hit| {
            if let Some(badge) = hit.badge {
                earn(badge);
            }
        });
    }

    /// Calls `on_hit` with every match of every rule whose preconditions hold
    /// in the sentence, and what came of it: for studying the rules.
    pub fn trace(&self, sentence: SentenceView<'_>, mut on_hit: impl FnMut(Hit)) {
        for index in self.set.matching(sentence.text) {
            let compiled = &self.rules[index];
            if !compiled.preconditions_hold(sentence) {
                continue;
            }
            for found in compiled.pattern.get().find_all(sentence.text) {
                if found.start < sentence.own_start {
                    continue; // the lead-in earns its badges itself
                }
                let outcome = compiled.outcome(sentence, found.clone());
                let badge = match outcome {
                    Outcome::Affirmed => compiled.rule.affirmed,
                    Outcome::Denied => compiled.rule.negated,
                    Outcome::AboutOtherSites | Outcome::Excepted => None,
                };
                on_hit(Hit {
                    rule: index,
                    matched: found,
                    outcome,
                    badge,
                });
            }
        }
    }
}

/// One match of a rule in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the rule in the table.
    pub rule: usize,
    /// Byte range of the match in the normalized sentence.
    pub matched: std::ops::Range<usize>,
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

impl CompiledRule {
    fn preconditions_hold(&self, sentence: SentenceView<'_>) -> bool {
        let also_ok = self
            .also
            .as_ref()
            .is_none_or(|also| also.get().is_match(sentence.text));
        let context_ok = self.context.as_ref().is_none_or(|context| {
            let context = context.get();
            context.is_match(sentence.text)
                || [sentence.heading, sentence.previous]
                    .into_iter()
                    .flatten()
                    .any(|t| context.is_match(t))
        });
        also_ok && context_ok
    }

    fn outcome(&self, sentence: SentenceView<'_>, found: std::ops::Range<usize>) -> Outcome {
        let text = sentence.text;
        let denier = match self.rule.actor {
            Actor::Reader => clause::Denier::SiteOrReader,
            Actor::Site | Actor::Anyone => clause::Denier::Site,
        };
        if self.rule.actor != Actor::Anyone && clause::is_about_other_sites(text, found.clone()) {
            Outcome::AboutOtherSites
        } else if clause::is_negated(text, found, denier) {
            Outcome::Denied
        } else if self
            .unless
            .as_ref()
            .is_some_and(|unless| unless.get().is_match(&text[sentence.own_start..]))
        {
            Outcome::Excepted
        } else {
            Outcome::Affirmed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_compile() {
        Rules::with(|rules| {
            assert_eq!(rules.set.len(), table::RULES.len());
            for rule in &rules.rules {
                let patterns = [
                    Some(&rule.pattern),
                    rule.also.as_ref(),
                    rule.context.as_ref(),
                    rule.unless.as_ref(),
                ];
                for lazy in patterns.into_iter().flatten() {
                    assert!(
                        Pattern::new(&table::expand(lazy.source)).is_ok(),
                        "{}",
                        lazy.source
                    );
                }
            }
        });
    }

    #[test]
    fn every_badge_has_a_rule() {
        for &badge in BadgeId::ALL {
            assert!(
                table::RULES
                    .iter()
                    .any(|r| r.affirmed == Some(badge) || r.negated == Some(badge)),
                "no rule earns {}",
                badge.as_str()
            );
        }
    }
}
