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

use policy_phrase::{Library, PatternId, Scan};

use crate::compiled::{self, Actor, RuleDef, BEATS, EVIDENCE, RULES};
use crate::taxonomy::BadgeId;
use clause::{Denier, Reading};

/// A statement as the rules see it.
#[derive(Debug, Clone, Copy)]
pub struct SentenceView<'a> {
    /// Normalized text to match: what the statement is read with (see
    /// [`Lead`]), a space, then the statement.
    pub text: &'a str,
    /// Where the statement's own words start in `text`.
    pub own_start: usize,
    /// How the words before `own_start` are read.
    pub lead: Lead,
}

/// Which rules' `context` phrases a text holds ([`Rules::contexts_in`]):
/// what a statement is read beside, its section's heading and the
/// statement before it, is kept as this rather than scanned again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Contexts(u64);

impl Contexts {
    /// The contexts either holds.
    pub fn with(self, other: Contexts) -> Contexts {
        Contexts(self.0 | other.0)
    }
}

/// What a statement is read with, and how the words of it count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// Nothing: the statement alone.
    None,
    /// The lead-in of its list ("We never:"): a match counts for the item
    /// when it ends in the item's own words.
    List,
    /// The question or label it answers ("Do you sell my data?"): a match
    /// in the question counts, affirmed or, when the answer starts with a
    /// denial ("No."), denied.
    Answer {
        /// Whether the answer denies what the question asks.
        denied: bool,
    },
    /// Its table's column names, interleaved with its cells (the view
    /// starts with the row's own words).
    Table,
}

/// The rule table, ready to apply: the compiled library and, for each of
/// its patterns, the rule it is the main pattern of.
pub struct Rules {
    library: &'static Library,
    /// For each pattern of the library: the rule it is the main pattern of.
    rule_of_pattern: Vec<Option<usize>>,
    /// The rules' `context` patterns: the one of bit `i` of [`Contexts`] is
    /// `contexts[i]` (the build script allows no more than 64).
    contexts: Vec<PatternId>,
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
            let mut contexts: Vec<PatternId> = RULES.iter().filter_map(|rule| rule.context).collect();
            contexts.dedup();
            contexts.truncate(64);
            Rules { library, rule_of_pattern, contexts }
        })
    }

    /// Reads a normalized text once for every pattern: rules, clauses and
    /// the policy detector's.
    pub fn scan<'t>(&self, text: &'t str) -> Scan<'t> {
        self.library.scan(text)
    }

    /// The rules' `context` phrases that occur in `within` of a scanned
    /// text: kept for the statements read beside it.
    pub fn contexts_in(&self, scan: &Scan<'_>, within: Range<usize>) -> Contexts {
        let held = self.contexts.iter().enumerate().filter(|&(_, &pattern)| {
            scan.candidates().contains(pattern) && self.library.is_match(scan, pattern, within.clone())
        });
        Contexts(held.fold(0, |bits, (bit, _)| bits | 1 << bit))
    }

    /// Calls `on_hit` with every match of every rule whose preconditions hold
    /// in the sentence, and what came of it: for studying the rules. `scan`
    /// is [`Rules::scan`] of `sentence.text`; `around` is what its heading
    /// and the statement before it hold.
    pub fn trace(&self, sentence: SentenceView<'_>, scan: &Scan<'_>, around: Contexts, mut on_hit: impl FnMut(Hit)) {
        let whole = 0..sentence.text.len();
        let reading = OnceCell::new();
        let mut found = Vec::new();
        let mut hits = Vec::new();
        // Candidates ascend, and rules' patterns were added in rule order:
        // rules are tried in file order.
        for pattern in scan.candidates().iter() {
            let Some(index) = self.rule_of_pattern[pattern] else { continue };
            let rule = &RULES[index];
            self.library.find_all_into(scan, rule.pattern, whole.clone(), &mut found);
            // A list's lead-in earns its badges itself: a match there counts
            // for an item only when it reaches into the item, or when the
            // item completes it ("Signals we honor:" + "- Do Not Track"). A
            // topic the lead-in names is every item's ("Your rights under
            // the CCPA:" + "- to delete your data"), even when the lead-in
            // reads as a heading and earns nothing itself.
            if sentence.lead == Lead::List {
                let own = sentence.own_start..sentence.text.len();
                let completes =
                    rule.actor == Actor::Anyone || rule.also.is_some_and(|also| self.library.is_match(scan, also, own));
                found.retain(|m| completes || m.end > sentence.own_start);
            }
            if let Some(not_inside) = rule.not_inside {
                // Hosts are found shortest first ("library card" of "library
                // card number"): a match that overlaps one stands inside it.
                let hosts = self.library.find_all(scan, not_inside, whole.clone());
                found.retain(|m| !hosts.iter().any(|host| host.start < m.end && m.start < host.end));
            }
            if found.is_empty() {
                continue;
            }
            let Some(context) = self.preconditions(rule, scan, whole.clone(), around) else { continue };
            let reading = reading.get_or_init(|| Reading::of(self.library, scan));
            found.retain(|m| !reading.crosses_new_subject(m.clone()));
            for matched in found.drain(..) {
                let in_lead = matched.end <= sentence.own_start;
                let outcome = self.outcome(rule, scan, reading, sentence, matched.clone());
                let badge = match outcome {
                    Outcome::Affirmed => rule.earns,
                    Outcome::Denied => rule.denied,
                    _ => None,
                };
                let borrowed = in_lead || context == Context::Around;
                let strength = strength(scan, reading, &matched, sentence.own_start, borrowed);
                let contradicts = rule.contradicts.filter(|_| outcome == Outcome::Affirmed);
                hits.push(Hit { place: rule.place, matched, outcome, badge, strength, contradicts });
            }
        }
        overrule_contained_opposites(&mut hits);
        hits.into_iter().for_each(&mut on_hit);
    }

    /// Whether the rule's `also` and `context` phrases are where they must
    /// be, and where the context was found; `None` when they are not.
    fn preconditions(&self, rule: &RuleDef, scan: &Scan<'_>, whole: Range<usize>, around: Contexts) -> Option<Context> {
        if rule.also.is_some_and(|also| !self.library.is_match(scan, also, whole.clone())) {
            return None;
        }
        let Some(context) = rule.context else { return Some(Context::Within) };
        if self.library.is_match(scan, context, whole) {
            return Some(Context::Within);
        }
        let bit = self.contexts.iter().position(|&pattern| pattern == context)?;
        (around.0 >> bit & 1 == 1).then_some(Context::Around)
    }

    fn outcome(
        &self,
        rule: &RuleDef,
        scan: &Scan<'_>,
        reading: &Reading<'_, '_>,
        sentence: SentenceView<'_>,
        matched: Range<usize>,
    ) -> Outcome {
        let denier = match rule.actor {
            Actor::Reader => Denier::SiteOrReader,
            Actor::Site | Actor::Anyone => Denier::Site,
        };
        // A match in a question or label takes the answer's polarity, turned
        // around when the prompt itself denies ("Zero ads:" + "none here").
        let answered = match sentence.lead {
            Lead::Answer { denied } if matched.end <= sentence.own_start => {
                // "Do you throw away old location history? We don't." denies
                // the disposal, not the data: a "no" to getting rid of what
                // the match names leaves it held.
                let kept = denied && reading.disposes_of(matched.clone(), sentence.own_start);
                Some(denied != reading.is_negated(matched.clone(), denier) && !kept)
            }
            _ => None,
        };
        let clause = reading.clause_around(matched.clone());
        if reading.is_about_other_sites(matched.clone()) {
            Outcome::AboutOtherSites
        } else if rule.actor == Actor::Site && reading.is_a_right(matched.clone(), sentence.own_start) {
            Outcome::RightsList
        } else if rule.actor == Actor::Site && !rule.contingent && reading.is_hypothetical(matched.clone()) {
            Outcome::Hypothetical
        } else if answered
            .unwrap_or_else(|| reading.is_negated(matched.clone(), denier) || reading.is_denied_label(matched))
        {
            Outcome::Denied
        } else if rule.unless.is_some_and(|unless| self.library.is_match(scan, unless, clause)) {
            Outcome::Excepted
        } else {
            Outcome::Affirmed
        }
    }
}

/// Where a rule's `context` phrase was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// In the statement (or it needs none).
    Within,
    /// Only in its heading or the statement before.
    Around,
}

/// How strongly a match states its practice, from 0 to 3, to show the
/// strongest evidence first: a statement whose subject is the site, in a
/// statement of its own, is the strongest; one that needs its heading, its
/// question or the statement before to mean it, that reads as a general
/// assurance, or that is a bare label ("Children's Privacy") or very long,
/// is weaker (`rules/evidence.toml`).
fn strength(
    scan: &Scan<'_>,
    reading: &Reading<'_, '_>,
    matched: &Range<usize>,
    own_start: usize,
    borrowed: bool,
) -> u8 {
    /// Statements longer than this many bytes state many things at once.
    const LONG_STATEMENT_BYTES: usize = 400;
    /// Statements of this many words or fewer name a topic, like a heading.
    const LABEL_WORDS: usize = 3;
    let library = compiled::library();
    let clause = reading.clause_around(matched.clone());
    let mut strength: i32 = 2;
    strength += i32::from(library.is_match(scan, EVIDENCE.site_subject, clause));
    strength -= i32::from(borrowed);
    strength -= i32::from(library.is_match(scan, EVIDENCE.generic, 0..scan.len()));
    strength -= i32::from(scan.len() > LONG_STATEMENT_BYTES);
    // The statement's own words: a list item's lead-in is no part of its label.
    strength -= i32::from(scan.text()[own_start..].split_whitespace().count() <= LABEL_WORDS);
    strength.clamp(0, i32::from(MAX_STRENGTH)) as u8
}

/// The greatest [`strength`] a match can have.
pub const MAX_STRENGTH: u8 = 3;

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
    /// How strongly it states its practice, 0 to 3 (see [`strength`]).
    pub strength: u8,
    /// The badge it withdraws from the whole document, if any.
    pub contradicts: Option<BadgeId>,
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
    /// The clause states a right of the reader's ("you have the right to
    /// know whether we sell"), not the site's practice.
    RightsList,
    /// The clause is a hypothetical the site raises about itself ("should
    /// we ever decide to sell").
    Hypothetical,
}
