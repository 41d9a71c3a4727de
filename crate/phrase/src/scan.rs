//! What one scan of a text found: every phrase occurrence, grouped by
//! phrase, and the patterns that may match.
//!
//! A text holds a few dozen of a library's hundreds of phrases, so the
//! groups are indexed by a phrase's rank among the phrases present (a bit
//! set with running counts), not by phrase: grouping costs time in the
//! number of occurrences, and finding a phrase's group a few instructions.

use crate::trie::{Occurrence, PhraseId};
use crate::{gap_allows, Link, PatternId};

/// Where the phrases of a library occur in one text ([`crate::Library::scan`]).
#[derive(Debug)]
pub struct Scan<'t> {
    text: &'t str,
    /// Grouped by phrase, ascending; each group by start, then end.
    occurrences: Vec<Occurrence>,
    /// The phrases that occur.
    present: BitSet,
    /// The group of the `r`th phrase present is
    /// `occurrences[bounds[r]..bounds[r + 1]]`.
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
        let mut present = BitSet::empty(phrases);
        found.iter().for_each(|occurrence| present.insert(occurrence.phrase as usize));
        present.count_ranks();
        // A counting sort by rank; placing in the trie's order keeps each
        // group by start, then end.
        let mut bounds = vec![0u32; present.len() + 1];
        let ranks: Vec<u32> = (found.iter())
            .map(|occurrence| {
                let rank = present.rank(occurrence.phrase as usize).unwrap_or_default();
                bounds[rank + 1] += 1;
                rank as u32
            })
            .collect();
        for rank in 1..bounds.len() {
            bounds[rank] += bounds[rank - 1];
        }
        let mut next = bounds[..bounds.len() - 1].to_vec(); // each group's next free place
        let mut occurrences = vec![Occurrence { phrase: 0, start: 0, end: 0 }; found.len()];
        for (&occurrence, &rank) in found.iter().zip(&ranks) {
            let at = &mut next[rank as usize];
            occurrences[*at as usize] = occurrence;
            *at += 1;
        }
        // Most phrases present start no pattern ("the", ","): only those
        // that do are looked up.
        let mut candidates = BitSet::empty(mask_words * 64);
        let present_starters = present.words.iter().zip(starters).map(|(&word, &starts)| word & starts);
        for phrase in members(present_starters) {
            candidates.union_words(starting(phrase as PhraseId));
        }
        Scan { text, occurrences, present, bounds, candidates: Candidates(candidates) }
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
        match self.present.rank(phrase as usize) {
            Some(rank) => &self.occurrences[self.bounds[rank] as usize..self.bounds[rank + 1] as usize],
            None => &[],
        }
    }

    /// The end of the shortest completion of `links` (a gap, a phrase, a
    /// gap...) from `position`, not past `until`.
    pub(crate) fn extend(&self, links: &[Link], position: usize, until: usize) -> Option<usize> {
        let (gap, phrase) = match links {
            [] => return Some(position),
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

/// A set of small numbers, with each member's rank once counted.
#[derive(Debug, Clone)]
struct BitSet {
    words: Vec<u64>,
    /// For each word: how many members the words before it hold
    /// ([`BitSet::count_ranks`]).
    before: Vec<u32>,
}

impl BitSet {
    /// An empty set for numbers below `limit`.
    fn empty(limit: usize) -> BitSet {
        BitSet { words: vec![0; limit.div_ceil(64)], before: Vec::new() }
    }

    fn insert(&mut self, member: usize) {
        self.words[member / 64] |= 1 << (member % 64);
    }

    fn contains(&self, member: usize) -> bool {
        self.words.get(member / 64).is_some_and(|word| word >> (member % 64) & 1 == 1)
    }

    /// Adds the members of a set of the same size, as words.
    fn union_words(&mut self, other: &[u64]) {
        self.words.iter_mut().zip(other).for_each(|(word, bits)| *word |= bits);
    }

    /// Counts, once all members are in, what [`BitSet::rank`] needs.
    fn count_ranks(&mut self) {
        let mut total = 0;
        self.before = (self.words.iter())
            .map(|word| {
                let before = total;
                total += word.count_ones();
                before
            })
            .collect();
    }

    /// Number of members.
    fn len(&self) -> usize {
        self.words.iter().map(|word| word.count_ones() as usize).sum()
    }

    /// How many members are below `member`, if it is one (after
    /// [`BitSet::count_ranks`]).
    #[inline] // see `Scan::of`
    fn rank(&self, member: usize) -> Option<usize> {
        let (word, bit) = (*self.words.get(member / 64)?, member % 64);
        let before = *self.before.get(member / 64)? as usize;
        (word >> bit & 1 == 1).then(|| before + (word & ((1 << bit) - 1)).count_ones() as usize)
    }

    /// The members, ascending.
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        members(self.words.iter().copied())
    }
}

/// The members of the bit set of these words, ascending.
fn members(words: impl Iterator<Item = u64>) -> impl Iterator<Item = usize> {
    words.enumerate().flat_map(|(at, word)| {
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
