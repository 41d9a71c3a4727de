//! Many phrase patterns over normalized text, all found in one pass.
//!
//! A [`Library`] compiles many patterns (see [`syntax`] for the language)
//! into one trie of their phrases. Scanning a text reads it once and records
//! where each phrase occurs ([`Scan`]); any pattern is then matched against
//! those occurrences, joining phrases across their gaps. Scanning is linear
//! in the text.
//!
//! ```
//! use policy_phrase::Library;
//!
//! let library = Library::build(&["we ~3 sell*", "(third|3rd)[- ]part(y|ies)"]).expect("patterns compile");
//! let text = "we may well sell it to third-party firms";
//! let scan = library.scan(text);
//! assert_eq!(library.find_all(&scan, 0, 0..text.len()), [0..16]);
//! assert!(library.is_match(&scan, 1, 0..text.len()));
//! ```
//!
//! Compiling takes a few milliseconds; a compiled library is saved as bytes
//! ([`Library::to_bytes`]) and read back far faster ([`Library::from_bytes`]).
//! Without the default `compile` feature the crate can only read libraries
//! back: a program that ships a library compiled ahead of time (the
//! policy-badges wasm module does, from its `build.rs`) carries no compiler.
//!
//! Texts are expected normalized: lowercase ASCII, single spaces; "words"
//! are runs of ASCII letters, digits and `_`, and digits read as `0`
//! (policy-badges' `text::normalize` makes such text).

#[cfg(feature = "compile")]
mod builder;
mod bytes;
mod error;
mod hash;
mod scan;
#[cfg(feature = "compile")]
pub mod syntax;
mod trie;
mod words;

use std::ops::Range;

use bytes::Reader;
#[cfg(feature = "compile")]
use bytes::Writer;
pub use error::{BytesError, PatternError};
pub use scan::{Candidates, Scan};
use trie::{is_word, Occurrence, PhraseId, Trie};

/// A table of a value for every byte, built at compile time, for byte
/// classes asked of every byte of a text:
/// `static WORD: [bool; 256] = byte_table!(|b| b.is_ascii_alphanumeric());`.
#[macro_export]
macro_rules! byte_table {
    (|$byte:ident| $value:expr) => {{
        let mut table = [{
            let $byte: u8 = 0;
            $value
        }; 256];
        let mut at = 0;
        while at < 256 {
            let $byte = at as u8;
            table[at] = $value;
            at += 1;
        }
        table
    }};
}

/// How far a gap between two phrases of a pattern may stretch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gap {
    /// Up to this many words of letters, digits and hyphens only.
    Words(usize),
    /// Up to this many words, with commas and other in-clause punctuation.
    WordsAndCommas(usize),
    /// Anything up to the end of the clause: no `.` or `;`.
    Clause,
}

/// Most phrases a library may be made of: a scan numbers the phrases of a
/// text in 16 bits, so that its table of them (one entry per phrase of the
/// library, zeroed for every text) stays small.
const MAX_PHRASES: usize = u16::MAX as usize;

/// No phrase: in [`Library::firsts`], a chain that starts with none
/// (no scan holds it).
const NO_PHRASE: PhraseId = PhraseId::MAX;

/// A pattern of a [`Library`], by the order it was given in.
pub type PatternId = usize;

/// One compiled chain: phrases and the gaps between them.
#[derive(Debug, Clone)]
enum Link {
    Phrase(PhraseId),
    Gap(Gap),
}

impl Link {
    /// The link as one number: the low two bits tell the kind.
    #[cfg(feature = "compile")]
    fn code(&self) -> u64 {
        match *self {
            Link::Phrase(phrase) => u64::from(phrase) << 2,
            Link::Gap(Gap::Words(max)) => (max as u64) << 2 | 1,
            Link::Gap(Gap::WordsAndCommas(max)) => (max as u64) << 2 | 2,
            Link::Gap(Gap::Clause) => 3,
        }
    }

    /// The link [`Link::code`] gave `code`, whose phrase (if any) must be
    /// below `phrases`.
    fn from_code(code: u64, phrases: usize) -> Result<Link, String> {
        let value = usize::try_from(code >> 2).map_err(|_| format!("link {code} is out of range"))?;
        Ok(match code & 3 {
            0 if value < phrases => Link::Phrase(value as PhraseId),
            0 => return Err(format!("phrase {value} is out of range (< {phrases})")),
            1 => Link::Gap(Gap::Words(value)),
            2 => Link::Gap(Gap::WordsAndCommas(value)),
            _ => Link::Gap(Gap::Clause),
        })
    }
}

/// Many patterns, compiled together.
#[derive(Debug)]
pub struct Library {
    trie: Trie,
    /// For each pattern: its chains.
    patterns: Vec<Vec<Vec<Link>>>,
    /// For each pattern: the first phrase of each chain ([`NO_PHRASE`] for
    /// a chain that starts otherwise), read without following the chains.
    firsts: Vec<Vec<PhraseId>>,
    /// For each phrase: the patterns that have a chain starting with it, as
    /// a bit set of [`Library::mask_words`] words.
    starting: Vec<u64>,
    /// Words per bit set of patterns (at least one).
    mask_words: usize,
    /// The phrases that start a chain (those with patterns in
    /// [`Library::starting`]), as a bit set.
    starters: Vec<u64>,
}

impl Library {
    /// Compiles `patterns`; pattern `i` gets [`PatternId`] `i`.
    #[cfg(feature = "compile")]
    pub fn build<P: AsRef<str>>(patterns: &[P]) -> Result<Library, PatternError> {
        use std::collections::HashMap;
        use syntax::Step;

        let mut trie = builder::TrieBuilder::new();
        let mut phrases: PhraseId = 0;
        // Patterns share phrases ("{TP}", "{SHARE}"): one trie path set, one
        // list of occurrences each.
        let mut phrase_ids: HashMap<syntax::Node, PhraseId> = HashMap::new();
        let mut seen: HashMap<&str, PatternId> = HashMap::new();
        let mut compiled: Vec<Vec<Vec<Link>>> = Vec::with_capacity(patterns.len());
        for pattern in patterns {
            let pattern = pattern.as_ref();
            if let Some(&same) = seen.get(pattern) {
                // Rules share patterns ("the reader can..."): compile once.
                compiled.push(compiled[same].clone());
                continue;
            }
            seen.insert(pattern, compiled.len());
            let in_pattern = |message: String| PatternError::new(pattern, message);
            let mut chains = Vec::new();
            for chain in syntax::chains(pattern).map_err(in_pattern)? {
                let mut links = Vec::with_capacity(chain.len());
                for step in chain {
                    links.push(match step {
                        Step::Gap(gap) => Link::Gap(gap),
                        Step::Phrase(node) => match phrase_ids.get(&node) {
                            Some(&id) => Link::Phrase(id),
                            None if phrases as usize >= MAX_PHRASES => {
                                return Err(in_pattern(format!("more than {MAX_PHRASES} phrases in the library")))
                            }
                            None => {
                                trie.insert(&node, phrases).map_err(in_pattern)?;
                                phrase_ids.insert(node, phrases);
                                phrases += 1;
                                Link::Phrase(phrases - 1)
                            }
                        },
                    });
                }
                chains.push(links);
            }
            compiled.push(chains);
        }
        Ok(Library::new(trie.finish(), compiled, phrases as usize))
    }

    /// The library of a trie with `phrases` phrases and these patterns.
    fn new(trie: Trie, patterns: Vec<Vec<Vec<Link>>>, phrases: usize) -> Library {
        let mask_words = patterns.len().div_ceil(64).max(1);
        let mut starting = vec![0u64; phrases * mask_words];
        for (pattern, chains) in patterns.iter().enumerate() {
            for chain in chains {
                if let Some(Link::Phrase(first)) = chain.first() {
                    starting[*first as usize * mask_words + pattern / 64] |= 1 << (pattern % 64);
                }
            }
        }
        let mut starters = vec![0u64; phrases.div_ceil(64)];
        for (phrase, mask) in starting.chunks(mask_words).enumerate() {
            if mask.iter().any(|&word| word != 0) {
                starters[phrase / 64] |= 1 << (phrase % 64);
            }
        }
        let firsts = (patterns.iter())
            .map(|chains| {
                let first = |chain: &Vec<Link>| match chain.first() {
                    Some(Link::Phrase(first)) => *first,
                    _ => NO_PHRASE,
                };
                chains.iter().map(first).collect()
            })
            .collect();
        Library { trie, patterns, firsts, starting, mask_words, starters }
    }

    /// The library as bytes, for [`Library::from_bytes`].
    #[cfg(feature = "compile")]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Writer::default();
        out.index(self.phrases());
        self.trie.write(&mut out);
        out.index(self.patterns.len());
        for chains in &self.patterns {
            out.index(chains.len());
            for chain in chains {
                out.index(chain.len());
                chain.iter().for_each(|link| out.number(link.code()));
            }
        }
        out.finish()
    }

    /// Reads a library [`Library::to_bytes`] wrote. Corrupt bytes are an
    /// error (every id is checked), never a library that could panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Library, BytesError> {
        Library::read(bytes).map_err(BytesError::new)
    }

    fn read(bytes: &[u8]) -> Result<Library, String> {
        let mut input = Reader::new(bytes);
        let phrases = input.count()?;
        if phrases > MAX_PHRASES {
            return Err(format!("{phrases} phrases, more than {MAX_PHRASES}"));
        }
        let trie = Trie::read(&mut input, phrases)?;
        let patterns = (0..input.count()?)
            .map(|_| {
                (0..input.count()?)
                    .map(|_| (0..input.count()?).map(|_| Link::from_code(input.number()?, phrases)).collect())
                    .collect()
            })
            .collect::<Result<_, String>>()?;
        input.finish()?;
        Ok(Library::new(trie, patterns, phrases))
    }

    /// Number of phrases the patterns are made of.
    fn phrases(&self) -> usize {
        self.starting.len() / self.mask_words
    }

    /// Number of patterns: ids run from 0 to this.
    pub fn patterns(&self) -> usize {
        self.patterns.len()
    }

    /// Reads `text` once, recording every phrase occurrence that starts and
    /// ends on word boundaries.
    pub fn scan<'t>(&self, text: &'t str) -> Scan<'t> {
        let mut found = Vec::with_capacity(text.len() + 8); // about 2 a word
        self.trie.occurrences(text, &mut found);
        let starting = |phrase: PhraseId| {
            let at = phrase as usize * self.mask_words;
            &self.starting[at..at + self.mask_words]
        };
        Scan::new(text, found, self.phrases(), &self.starters, self.mask_words, starting)
    }

    /// Every match of `pattern` inside `within`, leftmost first, not
    /// overlapping; of matches starting together, the shortest.
    pub fn find_all(&self, scan: &Scan<'_>, pattern: PatternId, within: Range<usize>) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        self.find_all_into(scan, pattern, within, &mut found);
        found
    }

    /// [`Library::find_all`] into `found` (cleared first): one buffer for
    /// many patterns.
    pub fn find_all_into(
        &self,
        scan: &Scan<'_>,
        pattern: PatternId,
        within: Range<usize>,
        found: &mut Vec<Range<usize>>,
    ) {
        found.clear();
        for (occurrences, rest) in self.chains_present(scan, pattern) {
            for occurrence in occurrences {
                if occurrence.start < within.start || occurrence.end > within.end {
                    continue;
                }
                if let Some(end) = scan.extend(rest, occurrence.end, within.end) {
                    found.push(occurrence.start..end);
                }
            }
        }
        sort_ranges(found);
        let mut end = 0;
        found.retain(|range| {
            let kept = range.start >= end;
            if kept {
                end = range.end;
            }
            kept
        });
    }

    /// Whether `pattern` matches anywhere inside `within`.
    pub fn is_match(&self, scan: &Scan<'_>, pattern: PatternId, within: Range<usize>) -> bool {
        self.chains_present(scan, pattern).any(|(occurrences, rest)| {
            occurrences.iter().any(|occurrence| {
                occurrence.start >= within.start
                    && occurrence.end <= within.end
                    && scan.extend(rest, occurrence.end, within.end).is_some()
            })
        })
    }

    /// Whether `pattern` matches starting right at `from`, or after a stretch
    /// of text that `lead` allows, ending by `until`.
    pub fn matches_after(&self, scan: &Scan<'_>, pattern: PatternId, from: usize, lead: Gap, until: usize) -> bool {
        self.chains_present(scan, pattern).any(|(candidates, rest)| {
            let at = candidates.partition_point(|o| o.start < from);
            for occurrence in &candidates[at..] {
                if occurrence.end > until || !gap_allows(lead, &scan.text()[from..occurrence.start]) {
                    break;
                }
                if scan.extend(rest, occurrence.end, until).is_some() {
                    return true;
                }
            }
            false
        })
    }

    /// The chains of `pattern` whose first phrase occurs in the scan: that
    /// phrase's occurrences, and the links after it. A pattern has many
    /// chains and a text few of their phrases: the others are passed over
    /// by their first phrase alone, without reading the chain.
    fn chains_present<'a>(
        &'a self,
        scan: &'a Scan<'_>,
        pattern: PatternId,
    ) -> impl Iterator<Item = (&'a [Occurrence], &'a [Link])> + 'a {
        (self.firsts[pattern].iter().zip(&self.patterns[pattern])).filter_map(|(&first, chain)| {
            let occurrences = scan.of(first);
            (!occurrences.is_empty()).then(|| (occurrences, chain.get(1..).unwrap_or_default()))
        })
    }
}

/// Sorts ranges by start, then end.
pub fn sort_ranges(ranges: &mut [Range<usize>]) {
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
}

/// Whether `between` fits in `gap`. Monotone: if a text does not fit, no
/// text extending it does.
fn gap_allows(gap: Gap, between: &str) -> bool {
    let (max, punctuation) = match gap {
        Gap::Clause => return !between.bytes().any(|b| b == b'.' || b == b';'),
        Gap::Words(max) => (max, false),
        Gap::WordsAndCommas(max) => (max, true),
    };
    // Words are the space-separated tokens with a letter or digit in them;
    // one pass, stopping at the first word too many.
    let mut words = 0;
    let mut in_word = false;
    for byte in between.bytes() {
        if byte == b' ' {
            in_word = false;
        } else if is_word(byte) {
            if !in_word {
                words += 1;
                if words > max {
                    return false;
                }
            }
            in_word = true;
        } else if if punctuation { matches!(byte, b';' | b':') } else { byte != b'-' } {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(ranges: Vec<Range<usize>>) -> Vec<(usize, usize)> {
        ranges.into_iter().map(|r| (r.start, r.end)).collect()
    }

    fn library(patterns: &[&str]) -> Library {
        Library::build(patterns).expect("patterns compile")
    }

    #[test]
    fn phrases_match_on_word_boundaries_only() {
        let lib = library(&["sell", "advertis*"]);
        let text = "we never sell; counselling is not selling. advertisers advertise";
        let scan = lib.scan(text);
        assert_eq!(spans(lib.find_all(&scan, 0, 0..text.len())), [(9, 13)]);
        let stems: Vec<&str> = lib.find_all(&scan, 1, 0..text.len()).into_iter().map(|r| &text[r]).collect();
        assert_eq!(stems, ["advertisers", "advertise"]);
    }

    #[test]
    fn gaps_join_phrases_within_their_bounds() {
        let lib = library(&["we ~2 sell", "sell ~3, data", "share ~ partners"]);
        let text = "we may well sell, rent or trade data. share it with partners";
        let scan = lib.scan(text);
        assert_eq!(spans(lib.find_all(&scan, 0, 0..text.len())), [(0, 16)]);
        assert_eq!(spans(lib.find_all(&scan, 1, 0..text.len())), [(12, 36)]);
        assert!(lib.is_match(&scan, 2, 0..text.len()));
        assert!(!lib.is_match(&scan, 2, 0..30), "the match must fit inside the range");
        let far = "we may very well sell";
        assert!(!lib.is_match(&lib.scan(far), 0, 0..far.len()));
        let across = "share. partners";
        assert!(!lib.is_match(&lib.scan(across), 2, 0..across.len()));
    }

    #[test]
    fn matches_are_leftmost_and_do_not_overlap() {
        let lib = library(&["cookies?|cookie files"]);
        let text = "cookie files and cookies";
        let scan = lib.scan(text);
        assert_eq!(spans(lib.find_all(&scan, 0, 0..text.len())), [(0, 6), (17, 24)]);
    }

    #[test]
    fn patterns_can_be_anchored_after_a_position() {
        let lib = library(&["(is|are) not (used|sold)"]);
        let text = "cookies are not used, data is rarely not sold";
        let scan = lib.scan(text);
        assert!(lib.matches_after(&scan, 0, 7, Gap::Words(0), text.len()));
        assert!(!lib.matches_after(&scan, 0, 0, Gap::Words(0), text.len()), "'cookies' comes first");
        assert!(lib.matches_after(&scan, 0, 0, Gap::Words(1), text.len()));
        assert!(!lib.matches_after(&scan, 0, 26, Gap::Words(3), text.len()), "'rarely' splits the phrase");
    }

    #[test]
    fn shared_literals_serve_every_pattern() {
        let lib = library(&["data", "data ~1 shared", "personal data"]);
        let text = "personal data is shared";
        let scan = lib.scan(text);
        assert_eq!(spans(lib.find_all(&scan, 0, 0..text.len())), [(9, 13)]);
        assert_eq!(spans(lib.find_all(&scan, 1, 0..text.len())), [(9, 23)]);
        assert_eq!(spans(lib.find_all(&scan, 2, 0..text.len())), [(0, 13)]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Grouping the trie's finds by phrase keeps each phrase's in order,
        /// once each, and none of another phrase.
        #[test]
        fn scans_group_every_occurrence_once_in_order(words in proptest::collection::vec(0usize..9, 0..40)) {
            const VOCABULARY: [&str; 9] = ["we", "do", "not", "sell", "selling", "data", ",", "advertisers", "ad"];
            let lib = library(&["we ~2 sell*", "sell(ing)?|sel*|s*", "data|personal data|we do", "ad*|advertis*", "do not"]);
            let text: Vec<&str> = words.iter().map(|&w| VOCABULARY[w]).collect();
            let text = text.join(" ");
            let scan = lib.scan(&text);
            let mut expected = Vec::new();
            lib.trie.occurrences(&text, &mut expected);
            expected.sort_unstable();
            expected.dedup();
            let grouped: Vec<_> = (0..lib.phrases() as PhraseId).flat_map(|phrase| scan.of(phrase).to_vec()).collect();
            proptest::prop_assert_eq!(grouped, expected);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Saved bytes read back to the same library; damaged ones are an
        /// error or a library that scans without panicking.
        #[test]
        fn damaged_bytes_never_panic(flips in proptest::collection::vec((0usize..4096, 0u8..=255), 0..4), cut in 0usize..4096) {
            let lib = library(&["we ~2 sell*", "cookies?|web beacons?", "(do|does) not ~, share", "e.g."]);
            let bytes = lib.to_bytes();
            let read = Library::from_bytes(&bytes).expect("reads its own bytes");
            proptest::prop_assert_eq!(read.to_bytes(), bytes.clone());
            let mut damaged = bytes.clone();
            for (at, byte) in flips {
                let len = damaged.len();
                damaged[at % len] = byte;
            }
            damaged.truncate(damaged.len() - cut % damaged.len());
            if let Ok(lib) = Library::from_bytes(&damaged) {
                let text = "we do not share cookies, e.g. web beacons; we may well sell data";
                let scan = lib.scan(text);
                for pattern in scan.candidates().iter() {
                    lib.find_all(&scan, pattern, 0..text.len());
                }
            }
        }
    }

    #[test]
    fn bad_patterns_are_errors() {
        assert!(Library::build(&["fine", "(bad"]).is_err());
    }
}
