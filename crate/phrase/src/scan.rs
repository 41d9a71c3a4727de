//! What one scan of a text found: every phrase occurrence, grouped by
//! phrase, and the patterns that may match.
//!
//! A text holds a few dozen of a library's hundreds of phrases: each phrase
//! present gets a group, numbered as first found, and a table by phrase
//! gives its number. Grouping costs time in the number of occurrences (and
//! one zeroed table entry per phrase of the library), finding a phrase's
//! group two loads.

use crate::trie::{Occurrence, PhraseId};
use crate::{gap_allows, Link, PatternId};

/// Where the phrases of a library occur in one text ([`crate::Library::scan`]).
#[derive(Debug)]
pub struct Scan<'t> {
    text: &'t str,
    /// Grouped by phrase; each group by start, then end.
    occurrences: Vec<Occurrence>,
    /// For each phrase of the library: 1 + the number of its group, or 0
    /// if it does not occur (a library has at most `u16::MAX` phrases).
    groups: Vec<u16>,
    /// The group whose entry in `groups` is `t` is
    /// `occurrences[bounds[t]..bounds[t + 1]]`.
    bounds: Vec<u32>,
    candidates: Candidates,
}

/// The patterns of a library that may match in a scanned text
/// ([`Scan::candidates`]): those with a chain whose first phrase occurs.
#[derive(Debug, Clone)]
pub struct Candidates(BitSet);

impl Candidates {
    /// Whether `pattern` may match.
    pub fn contains(&self, pattern: PatternId) -> bool {
        self.0.contains(pattern)
    }

    /// The patterns that may match, ascending.
    pub fn iter(&self) -> impl Iterator<Item = PatternId> + '_ {
        self.0.iter()
    }
}

impl<'t> Scan<'t> {
    /// The scan of `text` whose occurrences the trie `found` (by start,
    /// then end), for a library of `phrases` phrases whose phrase `p` starts
    /// the patterns of `starting(p)`, a bit set of `mask_words` words;
    /// `starters`, a bit set of phrases, holds those that start any.
    pub(crate) fn new<'s>(
        text: &'t str,
        found: Vec<Occurrence>,
        phrases: usize,
        starters: &[u64],
        mask_words: usize,
        starting: impl Fn(PhraseId) -> &'s [u64],
    ) -> Scan<'t> {
        let starts_any =
            |phrase: PhraseId| starters.get(phrase as usize / 64).is_some_and(|word| word >> (phrase % 64) & 1 == 1);
        let mut groups = vec![0u16; phrases];
        // The size of the group numbered `t` in `groups` at `bounds[t]`,
        // then (summed) its end, then (placed) its start.
        let mut bounds = Vec::with_capacity(found.len() + 2);
        bounds.push(0u32);
        let mut candidates = BitSet::empty(mask_words * 64);
        for occurrence in &found {
            let group = &mut groups[occurrence.phrase as usize];
            if *group == 0 {
                // One group a phrase: the count fits (see `MAX_PHRASES`).
                bounds.push(0);
                *group = (bounds.len() - 1) as u16;
                // Most phrases ("the", ",") start no pattern.
                if starts_any(occurrence.phrase) {
                    candidates.union_words(starting(occurrence.phrase));
                }
            }
            bounds[*group as usize] += 1;
        }
        for group in 1..bounds.len() {
            bounds[group] += bounds[group - 1];
        }
        // A counting sort by group. Placing from the last occurrence moves
        // each group's end down to its start and keeps the group in the
        // trie's order (by start, then end). Indices are placed, then
        // occurrences collected: no table of occurrences zeroed first.
        let mut order = vec![0u32; found.len()];
        for (index, occurrence) in found.iter().enumerate().rev() {
            let end = &mut bounds[usize::from(groups[occurrence.phrase as usize])];
            *end -= 1;
            order[*end as usize] = index as u32;
        }
        bounds.push(found.len() as u32); // the last group's end
        let occurrences = order.iter().map(|&index| found[index as usize]).collect();
        Scan { text, occurrences, groups, bounds, candidates: Candidates(candidates) }
    }

    /// The scanned text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Length of the scanned text, in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the scanned text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The patterns that may match in the text.
    pub fn candidates(&self) -> &Candidates {
        &self.candidates
    }

    /// Occurrences of `phrase`, by start.
    #[inline] // the matcher's most frequent question: a few instructions
    pub(crate) fn of(&self, phrase: PhraseId) -> &[Occurrence] {
        match self.groups.get(phrase as usize) {
            Some(&group) if group != 0 => {
                let group = group as usize;
                &self.occurrences[self.bounds[group] as usize..self.bounds[group + 1] as usize]
            }
            _ => &[],
        }
    }

    /// The end of the shortest completion of `links` (a gap, a phrase, a
    /// gap...) from `position`, not past `until`.
    #[inline] // most chains are one phrase: nothing to complete, no call
    pub(crate) fn extend(&self, links: &[Link], position: usize, until: usize) -> Option<usize> {
        match links {
            [] => Some(position),
            _ => self.extend_links(links, position, until),
        }
    }

    /// [`Scan::extend`] of links that are not none.
    fn extend_links(&self, links: &[Link], position: usize, until: usize) -> Option<usize> {
        let (gap, phrase) = match links {
            [Link::Gap(gap), Link::Phrase(phrase), ..] => (*gap, *phrase),
            _ => return None, // chains alternate phrase, gap, phrase (syntax::chains)
        };
        let candidates = self.of(phrase);
        let at = candidates.partition_point(|o| o.start < position);
        for occurrence in &candidates[at..] {
            if occurrence.end > until || !gap_allows(gap, &self.text[position..occurrence.start]) {
                break; // later occurrences are only further away
            }
            if let Some(end) = self.extend(&links[2..], occurrence.end, until) {
                return Some(end);
            }
        }
        None
    }
}

/// A set of small numbers.
#[derive(Debug, Clone)]
struct BitSet {
    words: Vec<u64>,
}

impl BitSet {
    /// An empty set for numbers below `limit`.
    fn empty(limit: usize) -> BitSet {
        BitSet { words: vec![0; limit.div_ceil(64)] }
    }

    fn contains(&self, member: usize) -> bool {
        self.words.get(member / 64).is_some_and(|word| word >> (member % 64) & 1 == 1)
    }

    /// Adds the members of a set of the same size, as words.
    fn union_words(&mut self, other: &[u64]) {
        self.words.iter_mut().zip(other).for_each(|(word, bits)| *word |= bits);
    }

    /// The members, ascending.
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(at, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    at * 64 + bit
                })
            })
        })
    }
}
