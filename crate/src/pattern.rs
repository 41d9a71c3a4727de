//! Compiled patterns over normalized text, on regex-automata's lazy DFAs.
//!
//! Normalized text is lowercase ASCII (see [`crate::text::normalize`]), so
//! patterns are compiled without Unicode tables: `\b` and `\w` are ASCII,
//! which keeps the wasm small and compilation fast. A lazy DFA builds only
//! the states a text needs, so each search reads every byte once.
//!
//! Searches need a mutable cache. Each pattern keeps its own in a `RefCell`,
//! so patterns are per thread: hold them in `thread_local!` statics.
//! Searches never panic: a search the engine gives up on counts as no match
//! (with ASCII haystacks and no Unicode word boundaries it never gives up).

use std::cell::RefCell;
use std::ops::Range;

use regex_automata::hybrid::{dfa, regex};
use regex_automata::nfa::thompson;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind, PatternSet};
use regex_syntax::hir::{Hir, HirKind, Repetition};

/// Syntax for normalized text: no Unicode classes; byte-oriented so classes
/// like `[^.]` are allowed (haystacks are ASCII, so matches stay on char
/// boundaries).
fn syntax_config() -> syntax::Config {
    syntax::Config::new().unicode(false).utf8(false)
}

fn thompson_config() -> thompson::Config {
    thompson::Config::new().utf8(false)
}

/// Lazy DFA cache bytes per pattern; states beyond it are rebuilt as needed.
const CACHE_CAPACITY: usize = 1 << 20;

/// A pattern that finds matches.
pub struct Pattern {
    regex: regex::Regex,
    cache: RefCell<regex::Cache>,
}

impl Pattern {
    /// Compiles `pattern` (regex syntax, lowercase, ASCII semantics).
    pub fn new(pattern: &str) -> Result<Pattern, String> {
        let regex = regex::Regex::builder()
            .syntax(syntax_config())
            .thompson(thompson_config())
            .dfa(dfa::Config::new().cache_capacity(CACHE_CAPACITY))
            .build(pattern)
            .map_err(|e| format!("bad pattern {pattern:?}: {e}"))?;
        let cache = RefCell::new(regex.create_cache());
        Ok(Pattern { regex, cache })
    }

    /// Compiles one of the crate's own constant patterns. Every one is
    /// compiled by the unit tests, so this cannot fail at run time.
    pub fn built_in(pattern: &str) -> Pattern {
        Pattern::new(pattern).expect("built-in patterns compile (checked by unit tests)")
    }

    /// Whether the pattern occurs in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.find_at(text, 0).is_some()
    }

    /// The first match at or after byte `start`.
    pub fn find_at(&self, text: &str, start: usize) -> Option<Range<usize>> {
        let input = Input::new(text).range(start.min(text.len())..);
        let mut cache = self.cache.borrow_mut();
        let found = self.regex.try_search(&mut cache, &input).ok().flatten()?;
        Some(found.range())
    }

    /// Every non-overlapping match, leftmost first.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        let mut matches = Vec::new();
        let mut start = 0;
        while let Some(found) = self.find_at(text, start) {
            // An empty match moves the search one byte on.
            start = found.end.max(found.start + 1);
            matches.push(found);
            if start > text.len() {
                break;
            }
        }
        matches
    }
}

/// Many patterns searched at once: which of them occur in a text.
pub struct Set {
    dfa: dfa::DFA,
    cache: RefCell<dfa::Cache>,
    found: RefCell<PatternSet>,
}

impl Set {
    /// Compiles every pattern into one automaton.
    pub fn new<P: AsRef<str>>(patterns: &[P]) -> Result<Set, String> {
        let dfa = dfa::DFA::builder()
            .syntax(syntax_config())
            .thompson(thompson_config())
            .configure(
                dfa::Config::new()
                    .match_kind(MatchKind::All)
                    .cache_capacity(16 * CACHE_CAPACITY),
            )
            .build_many(patterns)
            .map_err(|e| format!("bad pattern set: {e}"))?;
        let cache = RefCell::new(dfa.create_cache());
        let found = RefCell::new(PatternSet::new(dfa.pattern_len()));
        Ok(Set { dfa, cache, found })
    }

    /// A set that finds, for each pattern, where a match of it could start:
    /// the pattern's head, up to its first gap ("we", then any few words,
    /// then "sell": the head is "we"). Gaps are what make a many-pattern
    /// automaton large and slow to build; heads keep it small, and a pattern
    /// whose head occurs is then confirmed by its own [`Pattern`].
    pub fn of_heads<P: AsRef<str>>(patterns: &[P]) -> Result<Set, String> {
        let heads: Vec<String> = patterns
            .iter()
            .map(|p| head_of(p.as_ref()))
            .collect::<Result<_, _>>()?;
        Set::new(&heads)
    }

    /// Number of patterns in the set.
    pub fn len(&self) -> usize {
        self.dfa.pattern_len()
    }

    /// Whether the set has no pattern.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Indices of the patterns that occur in `text`, ascending. One pass.
    pub fn matching(&self, text: &str) -> Vec<usize> {
        let mut found = self.found.borrow_mut();
        found.clear();
        let mut cache = self.cache.borrow_mut();
        if self
            .dfa
            .try_which_overlapping_matches(&mut cache, &Input::new(text), &mut found)
            .is_err()
        {
            return Vec::new();
        }
        found.iter().map(|id| id.as_usize()).collect()
    }
}

/// `pattern` cut at its first gap, as a pattern.
fn head_of(pattern: &str) -> Result<String, String> {
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .map_err(|e| format!("bad pattern {pattern:?}: {e}"))?;
    Ok(head(&hir).0.to_string())
}

/// The part every match of `hir` starts with, up to its first gap, and
/// whether that is all of `hir`.
fn head(hir: &Hir) -> (Hir, bool) {
    match hir.kind() {
        HirKind::Repetition(repetition) if is_gap(repetition) => (Hir::empty(), false),
        HirKind::Capture(capture) => head(&capture.sub),
        HirKind::Concat(items) => {
            let mut kept = Vec::new();
            for item in items {
                let (item_head, whole) = head(item);
                kept.push(item_head);
                if !whole {
                    return (Hir::concat(kept), false);
                }
            }
            (hir.clone(), true)
        }
        HirKind::Alternation(branches) => {
            let (heads, wholes): (Vec<Hir>, Vec<bool>) = branches.iter().map(head).unzip();
            (
                Hir::alternation(heads),
                wholes.into_iter().all(|whole| whole),
            )
        }
        _ => (hir.clone(), true),
    }
}

/// A repetition of more than one step of anything but a literal: `\w+`,
/// `(?:[\w-]+ ){0,6}`, `[^.]*`.
fn is_gap(repetition: &Repetition) -> bool {
    repetition.max.is_none_or(|max| max > 1)
        && !matches!(repetition.sub.kind(), HirKind::Literal(_))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_match_with_ascii_word_boundaries() {
        let pattern = Pattern::new(r"\bcookies?\b").expect("compiles");
        assert_eq!(
            pattern.find_all("cookie, cookies; biscookies"),
            [0..6, 8..15]
        );
        assert!(!pattern.is_match("no such thing"));
        assert_eq!(pattern.find_at("cookie cookie", 1), Some(7..13));
        assert_eq!(pattern.find_at("cookie", 99), None);
    }

    #[test]
    fn byte_classes_are_allowed() {
        let pattern = Pattern::new(r"share[^.]{0,20}partners").expect("compiles");
        assert!(pattern.is_match("we share data with partners."));
    }

    #[test]
    fn empty_matches_do_not_loop() {
        let pattern = Pattern::new(r"x*").expect("compiles");
        assert_eq!(pattern.find_all("ab").len(), 3);
    }

    #[test]
    fn sets_report_every_pattern_that_occurs() {
        let set = Set::new(&[r"\bsell\b", r"\bshare\b", r"\brent\b"]).expect("compiles");
        assert_eq!(set.matching("we never sell or share"), [0, 1]);
        assert!(set.matching("").is_empty());
    }

    #[test]
    fn heads_stop_at_the_first_gap() {
        let head = |p: &str| Pattern::new(&head_of(p).expect("parses")).expect("compiles");
        let sell = head(r"\bwe (?:[\w-]+ ){0,3}?sell\b");
        assert!(sell.is_match("we do"));
        assert!(!sell.is_match("they do"));
        let cookies = head(r"\b(?:cookies?|web ?beacons?)\b");
        assert!(cookies.is_match("a webbeacon"));
        assert!(!cookies.is_match("a web page"));
        let either = head(r"\b(?:encrypt\w*|ssl) now");
        assert!(either.is_match("encrypt"));
        assert!(either.is_match("ssl now"));
        assert!(
            either.is_match("ssl later"),
            "heads may match more than the pattern"
        );
        assert!(!either.is_match("tls now"));
        let set =
            Set::of_heads(&[r"\bwe (?:[\w-]+ ){0,3}?sell\b", r"\bcookies?\b"]).expect("compiles");
        assert_eq!(set.matching("we like cookies"), [0, 1]);
    }

    #[test]
    fn bad_patterns_are_errors_not_panics() {
        assert!(Pattern::new("(unclosed").is_err());
        assert!(Set::new(&["fine", "(bad"]).is_err());
    }
}
