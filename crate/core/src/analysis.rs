//! The pipeline: text in, [`Summary`] out.

use policy_phrase::Scan;

use crate::compiled::BEATS;
use crate::detect::Signals;
use crate::document::{Document, Visit};
use crate::links;
use crate::resolve::{resolve, Findings};
use crate::rules::{Contexts, Hit, Lead, Outcome, Rules, SentenceView};
use crate::summary::{Badge, Evidence, Summary};
use crate::taxonomy::BadgeId;
use crate::text::count_words;

/// Inputs longer than this many bytes are cut (at a char boundary) and only
/// their beginning is analyzed; [`Summary::truncated`] says so. Real policies
/// are under 100 KB; 2 MB leaves room for the longest terms-and-privacy pages
/// while bounding the work on hostile ones.
pub const MAX_INPUT_BYTES: usize = 2_000_000;

pub use crate::document::LEAD_IN_CONTEXT_BYTES;

/// Most evidence statements kept per badge (the strongest first).
pub const MAX_EVIDENCE: usize = 3;

/// How a text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// A whole page: badges only when it reads like a privacy policy.
    #[default]
    Document,
    /// Part of a policy (a quote, a pasted paragraph, a selection): badges
    /// whatever the policy detector says, with the same rules, negation and
    /// evidence.
    Excerpt,
}

/// Analyzes `input`, the text of a page, into a [`Summary`].
///
/// Never panics and takes time linear in the input's length.
///
/// ```
/// let summary = policy_badges::analyze(
///     "Privacy Policy\nWe do not use cookies. We will never sell your personal information.",
/// );
/// assert!(!summary.is_policy); // too short to be a whole policy
/// ```
pub fn analyze(input: &str) -> Summary {
    analyze_as(input, Mode::Document)
}

/// Analyzes `input` read as `mode` says.
///
/// ```
/// use policy_badges::{analyze_as, Mode};
/// let summary = analyze_as("Your e-mail address is never sold.", Mode::Excerpt);
/// assert!(!summary.is_policy); // a sentence is no whole policy...
/// assert_eq!(summary.badges[0].id, "no-sale"); // ...but states a practice
/// ```
pub fn analyze_as(input: &str, mode: Mode) -> Summary {
    let document = Document::new(input, MAX_INPUT_BYTES, mode == Mode::Excerpt);
    let (findings, signals) = read(&document);
    let verdict = signals.verdict();
    let shown = verdict.is_policy || mode == Mode::Excerpt;
    let badges = if shown { badges(&document, &findings) } else { Vec::new() };
    Summary {
        is_policy: verdict.is_policy,
        policy_score: verdict.score,
        reason: verdict.reason,
        words: signals.words,
        truncated: document.truncated,
        excerpt: mode == Mode::Excerpt,
        badges,
    }
}

/// The badges `input` earns read as an excerpt, in display order: for
/// testing rules one phrase at a time.
pub fn practices(input: &str) -> Vec<BadgeId> {
    let (findings, _) = read(&Document::new(input, MAX_INPUT_BYTES, true));
    let mut ids: Vec<BadgeId> = findings.badges().collect();
    BadgeId::sort_for_display(&mut ids);
    ids
}

/// Applies the rules to every statement and resolves the findings; also
/// gathers the signals that tell a policy from other text.
fn read(document: &Document<'_>) -> (Findings, Signals) {
    let mut signals = Signals::new(count_words(document.text));
    let mut findings = Findings::default();
    let rules = Rules::get();
    let mut reader = StatementReader::default();
    // The statement before, and the disclosures it earned.
    let mut before: Option<(usize, Vec<BadgeId>)> = None;
    // Each lead-in, and what it earned on its own.
    let mut lead_ins: Vec<(usize, Vec<BadgeId>)> = Vec::new();
    // Badges a statement contradicts, withdrawn once all are read.
    let mut contradicted: Vec<BadgeId> = Vec::new();
    document.walk(|visit| match visit {
        Visit::Heading(heading) => {
            signals.heading(&rules.scan(heading));
            reader.section_ends();
            before = None;
        }
        Visit::Statement(index, view) => {
            let mut rewritten = String::new();
            let (view, scan, around) = reader.read(document, index, view, &mut rewritten);
            let (mut earned, mut denied) = (Vec::new(), Vec::new());
            rules.trace(view, &scan, around, |hit| {
                contradicted.extend(hit.contradicts);
                if let Some(badge) = hit.badge {
                    findings.add(badge, index, hit.strength);
                    match hit.outcome {
                        Outcome::Denied => denied.push(badge),
                        _ => earned.push(badge),
                    }
                }
            });
            signals.statement(&scan, !(earned.is_empty() && denied.is_empty()));
            if let Some((previous, disclosed)) = &before {
                if links::refers_back(&scan, view.own_start) {
                    limit(&mut findings, *previous, disclosed, &denied);
                }
            }
            if let Some(lead_in) = document.segments[index].lead_in {
                if let Some((_, introduced)) = lead_ins.iter().find(|(at, _)| *at == lead_in) {
                    settle_lead_in(&mut findings, lead_in, introduced, &earned);
                }
            }
            let all: Vec<BadgeId> = earned.iter().chain(&denied).copied().collect();
            if document.original(index).ends_with(':') {
                lead_ins.push((index, all));
            }
            before = Some((index, earned));
        }
    });
    resolve(&mut findings);
    contradicted.into_iter().for_each(|badge| findings.withdraw_all(badge));
    signals.distinct_badges = findings.badges().count();
    (findings, signals)
}

/// Reads statements in order, each scanned once: an opening pronoun is
/// read as the party the statement before named ("We use Sensify. It
/// receives your readings." is a third party receiving them), which takes
/// a second scan of the few statements that open so. What the section's
/// heading and the statement before hold of the rules' contexts is kept
/// from their own scans.
#[derive(Default)]
struct StatementReader {
    /// The party the statement before named, in the same section.
    party: Option<&'static str>,
    /// The section's heading, by index, and the contexts it holds.
    heading: Option<(usize, Contexts)>,
    /// The contexts the statement before holds, in the same section.
    previous: Contexts,
}

impl StatementReader {
    /// The view of statement `index` as the rules read it, its scan, and
    /// the contexts around it; `rewritten` holds its text when a pronoun
    /// was replaced.
    fn read<'v>(
        &mut self,
        document: &Document<'_>,
        index: usize,
        view: SentenceView<'v>,
        rewritten: &'v mut String,
    ) -> (SentenceView<'v>, Scan<'v>, Contexts) {
        let rules = Rules::get();
        let scan = rules.scan(view.text);
        let pronoun = match (view.lead, self.party) {
            (Lead::None, Some(party)) => links::opening_pronoun(&scan).map(|end| (party, end)),
            _ => None,
        };
        let (view, scan) = match pronoun {
            Some((party, end)) => {
                rewritten.push_str(party);
                rewritten.push_str(&view.text[end..]);
                let view = SentenceView { text: rewritten.as_str(), ..view };
                (view, rules.scan(view.text))
            }
            None => (view, scan),
        };
        self.party = links::party_named(&scan, document.original(index));
        let heading = match (document.segments[index].heading, self.heading) {
            (Some(at), Some((read, contexts))) if at == read => contexts,
            (Some(at), _) => {
                let text = document.normalized(at);
                let contexts = rules.contexts_in(&rules.scan(text), 0..text.len());
                self.heading = Some((at, contexts));
                contexts
            }
            (None, _) => Contexts::default(),
        };
        let around = heading.with(self.previous);
        // The statement's own words: a table row's are spread among its
        // header's, so all of it.
        let own = if view.lead == Lead::Table { 0 } else { view.own_start };
        self.previous = rules.contexts_in(&scan, own..view.text.len());
        (view, scan, around)
    }

    /// A heading starts a new section: pronouns and the statement before
    /// do not reach across it.
    fn section_ends(&mut self) {
        self.party = None;
        self.previous = Contexts::default();
    }
}

/// A statement that refers back and denies a practice limits the statement
/// before it: the disclosures there that the denial beats are taken back
/// ("The app sends crash reports to our partner. None of it identifies
/// you." is no sharing of personal data).
fn limit(findings: &mut Findings, previous: usize, disclosed: &[BadgeId], denied: &[BadgeId]) {
    for &(disclosure, denial) in BEATS {
        if denied.contains(&denial) && disclosed.contains(&disclosure) {
            findings.withdraw(disclosure, previous);
        }
    }
}

/// A lead-in says what its items spell out ("Users will be notified of
/// changes:" then "- by posting them on this page"): a badge it earned
/// alone yields to the opposite one an item earns.
fn settle_lead_in(findings: &mut Findings, lead_in: usize, introduced: &[BadgeId], item_earned: &[BadgeId]) {
    for &badge in introduced {
        if badge.opposite().is_some_and(|opposite| item_earned.contains(&opposite)) {
            findings.withdraw(badge, lead_in);
        }
    }
}

/// What the rules made of one statement, for studying them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The statement as in the input.
    pub sentence: String,
    /// The statement as the rules read it (with its lead-in, question or
    /// table header).
    pub normalized: String,
    /// Every rule match in it, and what came of each.
    pub hits: Vec<Hit>,
}

/// Explains, statement by statement, which rules matched and how each match
/// was read (before document-level resolution). Statements without a match
/// are left out.
pub fn explain(input: &str) -> Vec<Explanation> {
    // As an excerpt: a text of headings alone is read as statements.
    let document = Document::new(input, MAX_INPUT_BYTES, true);
    let mut explanations = Vec::new();
    let rules = Rules::get();
    let mut reader = StatementReader::default();
    document.walk(|visit| {
        let (index, view) = match visit {
            Visit::Heading(_) => return reader.section_ends(),
            Visit::Statement(index, view) => (index, view),
        };
        let mut rewritten = String::new();
        let (view, scan, around) = reader.read(&document, index, view, &mut rewritten);
        let mut hits = Vec::new();
        rules.trace(view, &scan, around, |hit| hits.push(hit));
        if !hits.is_empty() {
            explanations.push(Explanation {
                sentence: document.original(index).to_string(),
                normalized: view.text.to_string(),
                hits,
            });
        }
    });
    explanations
}

/// The badges of `findings` in display order, each with its evidence:
/// the strongest statement first, then the next strongest.
fn badges(document: &Document<'_>, findings: &Findings) -> Vec<Badge> {
    let (text, segments) = (document.text, &document.segments);
    let mut ids: Vec<BadgeId> = findings.badges().collect();
    BadgeId::sort_for_display(&mut ids);
    ids.into_iter()
        .map(|id| {
            let mut badge = Badge::new(id);
            badge.evidence = (findings.ranked(id).into_iter())
                .take(MAX_EVIDENCE)
                .map(|index| {
                    let segment = &segments[index];
                    Evidence {
                        text: text[segment.range.clone()].to_string(),
                        start: segment.range.start,
                        end: segment.range.end,
                        section: segment.heading.map(|h| text[segments[h].range.clone()].to_string()),
                    }
                })
                .collect();
            badge
        })
        .collect()
}

/// Bytes the rules scan when analyzing `input`: every statement with what
/// it is read with, and every heading. Linear in the input's length; tests
/// use it to bound the work on hostile inputs without timing anything.
pub fn scanned_bytes(input: &str) -> usize {
    let document = Document::new(input, MAX_INPUT_BYTES, false);
    let mut bytes = 0;
    document.walk(|visit| {
        bytes += match visit {
            Visit::Heading(heading) => heading.len(),
            Visit::Statement(_, view) => view.text.len(),
        }
    });
    bytes
}
