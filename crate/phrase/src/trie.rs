//! A trie of every phrase, word by word, walked from each word of a text.
//!
//! Texts and phrases are cut into the same tokens ([`tokens_of`]): runs of
//! letters and digits, and single punctuation marks. A phrase is a path of
//! tokens from the root; a phrase ending in `*` ends with a word prefix
//! instead. [`crate::builder`] builds it; reading a text costs a hash
//! lookup per token and a few array lookups per step.

use crate::bytes::Reader;
#[cfg(feature = "compile")]
use crate::bytes::Writer;
use crate::words::{WordTable, UNKNOWN};

/// Index of a phrase of a [`crate::Library`].
pub type PhraseId = u32;

/// A phrase found in a text: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Occurrence {
    /// The phrase it belongs to.
    pub phrase: PhraseId,
    /// First byte.
    pub start: usize,
    /// Just past the last byte.
    pub end: usize,
}

/// A token of a text: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// Just past the last byte.
    pub end: usize,
}

/// Cuts `text` into tokens: runs of word characters ([`is_word`]) and
/// single punctuation marks. Spaces separate tokens and are not tokens.
pub fn tokens_of(text: &str) -> impl Iterator<Item = Token> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while bytes.get(at) == Some(&b' ') {
            at += 1;
        }
        let start = at;
        let first = *bytes.get(at)?;
        at += 1;
        if is_word(first) {
            while bytes.get(at).is_some_and(|&b| is_word(b)) {
                at += 1;
            }
        }
        Some(Token { start, end: at })
    })
}

/// No node: the edge does not exist. (Node 0, the root, is never a child.)
pub const NO_NODE: u32 = 0;

/// No stems after this node (see [`Trie::stems`]).
const NO_STEMS: u32 = 0;

/// The trie, built by `TrieBuilder` or read from bytes:
/// flat lists, looked up by index.
#[derive(Debug)]
pub struct Trie {
    /// Every token the phrases use, by id.
    words: WordTable,
    /// The root's children by word id ([`NO_NODE`] if none): every token of
    /// a text is looked up there.
    root_children: Vec<u32>,
    /// For each word: the phrases whose stem after the root it starts with
    /// ([`Trie::stems_of`] from the root's stems). Every token of a text
    /// is tried there: a known word's are looked up, not walked to.
    root_stems: Lists,
    nodes: Nodes,
    prefixes: Prefixes,
}

/// The nodes of a trie (node 0 is the root).
#[derive(Debug)]
struct Nodes {
    /// For each node: the words it has children by, ascending...
    child_words: Lists,
    /// ...and the children, in the same order.
    child_nodes: Vec<u32>,
    /// For each node: the phrases a path ending here belongs to.
    ends: Lists,
    /// For each node: 1 + the root of the byte trie of the stem prefixes
    /// (`advertis*`) that end phrases after it, or [`NO_STEMS`].
    stems: Vec<u32>,
}

/// Byte tries of stem prefixes.
#[derive(Debug)]
struct Prefixes {
    /// For each prefix node: which word bytes have a child (bit
    /// [`byte_bit`] of each)...
    masks: Vec<u64>,
    /// ...the children, in the order of their bits (the child by a byte is
    /// at the count of lower bits set, so finding it takes no search)...
    children: Lists,
    /// ...and the phrases whose stem prefix ends there.
    phrases: Lists,
}

/// Lists of numbers, stored end to end.
#[derive(Debug)]
struct Lists {
    /// List `i` is `items[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    fn with_capacity(lists: usize) -> Lists {
        let mut starts = Vec::with_capacity(lists + 1);
        starts.push(0);
        Lists { starts, items: Vec::new() }
    }

    fn push(&mut self, list: impl IntoIterator<Item = u32>) {
        self.items.extend(list);
        self.starts.push(self.items.len() as u32);
    }

    #[inline] // a slice of two loads: the scan calls it for every step
    fn get(&self, list: u32) -> &[u32] {
        let list = list as usize;
        &self.items[self.starts[list] as usize..self.starts[list + 1] as usize]
    }

    /// Item `index` of list `list`, which must be shorter: checked only
    /// against the items, not the list's end (the slice [`Lists::get`]
    /// makes costs more, and a stem walk takes one a byte).
    #[inline]
    fn item(&self, list: u32, index: usize) -> Option<u32> {
        let start = *self.starts.get(list as usize)? as usize;
        self.items.get(start + index).copied()
    }

    /// Appends the lists: the items, then where each list starts.
    #[cfg(feature = "compile")]
    fn write(&self, out: &mut Writer) {
        out.numbers(&self.items);
        out.starts(&self.starts);
    }

    /// Reads `lists` lists of numbers below `limit`.
    fn read(input: &mut Reader<'_>, lists: usize, limit: usize) -> Result<Lists, String> {
        let items = input.numbers()?;
        let starts = input.starts(items.len())?;
        let ok = starts.len() == lists + 1 && items.iter().all(|&item| (item as usize) < limit);
        ok.then_some(Lists { starts, items }).ok_or_else(|| "corrupt lists".into())
    }
}

/// A node of a byte trie of stem prefixes, while building.
#[cfg(feature = "compile")]
#[derive(Debug, Default)]
pub struct PrefixNode {
    /// Which word bytes have a child: bit [`byte_bit`] of each.
    mask: u64,
    /// The children, in the order of their bits.
    children: Vec<u32>,
    /// Phrases whose stem prefix ends here.
    pub phrases: Vec<PhraseId>,
}

#[cfg(feature = "compile")]
impl PrefixNode {
    /// The child by `byte`, a word byte ([`is_word`]).
    pub fn child(&self, byte: u8) -> Option<u32> {
        rank(self.mask, byte).map(|at| self.children[at])
    }

    /// Adds `child` by `byte`, a word byte not yet a child.
    pub fn add_child(&mut self, byte: u8, child: u32) {
        self.mask |= 1u64 << byte_bit(byte);
        let at = rank(self.mask, byte).unwrap_or_default();
        self.children.insert(at, child);
    }
}

/// Where the child by `byte` is among the children of a prefix node whose
/// mask is `mask`, if it has one.
fn rank(mask: u64, byte: u8) -> Option<usize> {
    let bit = 1u64 << byte_bit(byte);
    (mask & bit != 0).then(|| (mask & (bit - 1)).count_ones() as usize)
}

/// A word byte's place among the 63 word bytes: `0-9`, `A-Z`, `_`, `a-z`.
fn byte_bit(byte: u8) -> u32 {
    u32::from(BYTE_BITS[byte as usize])
}

/// [`byte_bit`] as a table: the scan asks it of every byte of a word
/// that may end in a stem.
static BYTE_BITS: [u8; 256] = crate::byte_table!(|b| match b {
    b'0'..=b'9' => b - b'0',
    b'A'..=b'Z' => b - b'A' + 10,
    b'a'..=b'z' => b - b'a' + 36,
    _ => 62, // `_`, the only other word byte
});

/// One node of a trie being frozen: the phrases ending there, the root of
/// its stem prefixes, and its children as (word, node) by word.
#[cfg(feature = "compile")]
pub type NodeParts = (Vec<PhraseId>, Option<u32>, Vec<(u32, u32)>);

impl Trie {
    /// The trie of these words, nodes (node 0 is the root) and stem prefix
    /// nodes. Ids must be in range (the builder's are).
    #[cfg(feature = "compile")]
    pub fn from_parts(words: &[Box<str>], nodes: Vec<NodeParts>, prefixes: Vec<PrefixNode>) -> Trie {
        let mut frozen = Nodes {
            child_words: Lists::with_capacity(nodes.len()),
            child_nodes: Vec::new(),
            ends: Lists::with_capacity(nodes.len()),
            stems: Vec::with_capacity(nodes.len()),
        };
        for (ends, stem, children) in nodes {
            frozen.ends.push(ends);
            frozen.stems.push(stem.map_or(NO_STEMS, |root| root + 1));
            frozen.child_words.push(children.iter().map(|&(word, _)| word));
            frozen.child_nodes.extend(children.iter().map(|&(_, child)| child));
        }
        let mut stem_tries = Prefixes {
            masks: Vec::with_capacity(prefixes.len()),
            children: Lists::with_capacity(prefixes.len()),
            phrases: Lists::with_capacity(prefixes.len()),
        };
        for prefix in prefixes {
            stem_tries.masks.push(prefix.mask);
            stem_tries.children.push(prefix.children);
            stem_tries.phrases.push(prefix.phrases);
        }
        Trie::new(WordTable::new(words), frozen, stem_tries)
    }

    /// The trie of these parts, with the root's children and stems indexed
    /// by word.
    fn new(words: WordTable, nodes: Nodes, prefixes: Prefixes) -> Trie {
        let mut root_children = vec![NO_NODE; words.len()];
        if !nodes.stems.is_empty() {
            let first = nodes.child_words.starts[0] as usize;
            for (offset, &word) in nodes.child_words.get(0).iter().enumerate() {
                root_children[word as usize] = nodes.child_nodes[first + offset];
            }
        }
        let root_stems = Lists::with_capacity(words.len());
        let mut trie = Trie { words, root_children, root_stems, nodes, prefixes };
        trie.root_stems = trie.stems_by_word();
        trie
    }

    /// For each word: what [`Trie::stems_of`] finds in it from the root's
    /// stems (nothing for punctuation, which no stem walk is tried on).
    fn stems_by_word(&self) -> Lists {
        let mut by_word = Lists::with_capacity(self.words.len());
        let root = self.nodes.stems.first().copied().unwrap_or(NO_STEMS);
        let mut found = Vec::new();
        for id in 0..self.words.len() as u32 {
            let word = self.words.word(id);
            found.clear();
            if root != NO_STEMS && word.bytes().next().is_some_and(is_word) {
                self.stems_of(root - 1, word, |phrase| found.push(phrase));
            }
            by_word.push(found.iter().copied());
        }
        by_word
    }

    /// Calls `found` with every phrase whose stem, after the node whose
    /// prefix trie is `root`, the word `word` starts with.
    fn stems_of(&self, root: u32, word: &str, mut found: impl FnMut(PhraseId)) {
        let mut at = root;
        self.prefixes.phrases.get(at).iter().for_each(|&phrase| found(phrase));
        for byte in word.bytes() {
            let child = rank(self.prefixes.masks[at as usize], byte);
            let Some(child) = child.and_then(|child| self.prefixes.children.item(at, child)) else { return };
            at = child;
            self.prefixes.phrases.get(at).iter().for_each(|&phrase| found(phrase));
        }
    }

    /// The child of `node` by `word`, or [`NO_NODE`].
    fn child(&self, node: u32, word: u32) -> u32 {
        if node == 0 {
            return self.root_children[word as usize];
        }
        match self.nodes.child_words.get(node).binary_search(&word) {
            Ok(at) => self.nodes.child_nodes[self.nodes.child_words.starts[node as usize] as usize + at],
            Err(_) => NO_NODE,
        }
    }

    /// Every phrase occurrence in `text`, once each, by start, then end.
    pub fn occurrences(&self, text: &str, out: &mut Vec<Occurrence>) {
        // One token per 4 bytes or so: room enough, mostly, to not grow.
        let mut tokens: Vec<(Token, u32)> = Vec::with_capacity(text.len() / 4 + 4);
        tokens.extend(tokens_of(text).map(|t| (t, self.words.id(&text[t.start..t.end]))));
        for first in 0..tokens.len() {
            let start = tokens[first].0.start;
            let mut node = 0;
            for &(token, word) in &tokens[first..] {
                // Every phrase found in this step spans start..token.end: a
                // phrase found twice (by two of its stems, or by a stem and
                // a whole word) is kept once. A node's ends are distinct,
                // so only the stems' finds need looking through.
                let step = out.len();
                let stems = self.nodes.stems[node as usize];
                // A token is a run of word bytes or one other byte.
                let mut stem_found = |phrase| {
                    if !out[step..].iter().any(|o: &Occurrence| o.phrase == phrase) {
                        out.push(Occurrence { phrase, start, end: token.end });
                    }
                };
                if node == 0 && word != UNKNOWN {
                    self.root_stems.get(word).iter().for_each(|&phrase| stem_found(phrase));
                } else if stems != NO_STEMS && is_word(text.as_bytes()[token.start]) {
                    self.stems_of(stems - 1, &text[token.start..token.end], stem_found);
                }
                let child = if word == UNKNOWN { NO_NODE } else { self.child(node, word) };
                if child == NO_NODE {
                    break;
                }
                node = child;
                let stem_finds = out.len();
                let ends = self.nodes.ends.get(node).iter();
                if stem_finds == step {
                    // No stem found here, nothing to repeat: the usual case.
                    out.extend(ends.map(|&phrase| Occurrence { phrase, start, end: token.end }));
                } else {
                    for &phrase in ends {
                        if !out[step..stem_finds].iter().any(|o| o.phrase == phrase) {
                            out.push(Occurrence { phrase, start, end: token.end });
                        }
                    }
                }
            }
        }
    }

    /// Appends the trie to `out` (read back by [`Trie::read`]).
    #[cfg(feature = "compile")]
    pub fn write(&self, out: &mut Writer) {
        let (nodes, prefixes) = (&self.nodes, &self.prefixes);
        self.words.write(out);
        out.index(nodes.stems.len());
        out.index(prefixes.masks.len());
        nodes.child_words.write(out);
        out.numbers(&nodes.child_nodes);
        nodes.ends.write(out);
        out.numbers(&nodes.stems);
        // A prefix node's mask has one bit per child: saved as the bits.
        let bits: Vec<u32> =
            prefixes.masks.iter().flat_map(|&mask| (0..63).filter(move |bit| mask >> bit & 1 == 1)).collect();
        out.numbers(&bits);
        prefixes.children.write(out);
        prefixes.phrases.write(out);
    }

    /// Reads a trie [`Trie::write`] wrote, whose phrase ids are below
    /// `phrases`; every id is checked, so the trie is safe to scan with.
    pub fn read(input: &mut Reader<'_>, phrases: usize) -> Result<Trie, String> {
        let words = WordTable::read(input)?;
        let (node_count, prefix_count) = (input.count()?, input.count()?);
        let nodes = Nodes {
            child_words: Lists::read(input, node_count, words.len())?,
            child_nodes: input.numbers()?,
            ends: Lists::read(input, node_count, phrases)?,
            stems: input.numbers()?,
        };
        let bits = input.numbers()?;
        let children = Lists::read(input, prefix_count, prefix_count)?;
        let prefix_phrases = Lists::read(input, prefix_count, phrases)?;
        let children_ok = node_count > 0
            && nodes.child_nodes.len() == nodes.child_words.items.len()
            && nodes.child_nodes.iter().all(|&child| child != NO_NODE && (child as usize) < node_count)
            && (0..node_count as u32).all(|node| nodes.child_words.get(node).windows(2).all(|pair| pair[0] < pair[1]));
        let stems_ok =
            nodes.stems.len() == node_count && nodes.stems.iter().all(|&root| (root as usize) <= prefix_count);
        let mut prefixes_ok = bits.len() == children.items.len();
        let masks: Vec<u64> = (children.starts.windows(2))
            .map(|pair| {
                let mut mask = 0u64;
                for &bit in bits.get(pair[0] as usize..pair[1] as usize).unwrap_or_default() {
                    prefixes_ok &= bit < 63 && mask >> bit == 0; // ascending, as written
                    mask |= 1 << (bit % 63);
                }
                mask
            })
            .collect();
        if !(children_ok && stems_ok && prefixes_ok) {
            return Err("a corrupt trie".into());
        }
        Ok(Trie::new(words, nodes, Prefixes { masks, children, phrases: prefix_phrases }))
    }
}

/// Letters, digits and `_`: what `\w` means in ASCII.
pub fn is_word(byte: u8) -> bool {
    WORD_BYTES[byte as usize]
}

/// [`is_word`] as a table: the scan asks it of every byte.
static WORD_BYTES: [bool; 256] = crate::byte_table!(|b| b.is_ascii_alphanumeric() || b == b'_');

#[cfg(all(test, feature = "compile"))] // they build tries
mod tests {
    use super::*;
    use crate::builder::TrieBuilder;
    use crate::syntax::{chains, Step};

    fn trie_of(patterns: &[&str]) -> Trie {
        let mut trie = TrieBuilder::new();
        for (id, pattern) in patterns.iter().enumerate() {
            for chain in chains(pattern).expect("parses") {
                for step in chain {
                    if let Step::Phrase(node) = step {
                        trie.insert(&node, id as PhraseId).expect("inserts");
                    }
                }
            }
        }
        trie.finish()
    }

    fn found(trie: &Trie, text: &str) -> Vec<(PhraseId, String)> {
        let mut out = Vec::new();
        trie.occurrences(text, &mut out);
        out.sort();
        out.into_iter().map(|o| (o.phrase, text[o.start..o.end].to_string())).collect()
    }

    #[test]
    fn cuts_words_and_punctuation() {
        let text = "e.g. we don't (0) . x";
        let cut: Vec<&str> = tokens_of(text).map(|t| &text[t.start..t.end]).collect();
        assert_eq!(cut, ["e", ".", "g", ".", "we", "don", "'", "t", "(", "0", ")", ".", "x"]);
    }

    #[test]
    fn finds_phrases_on_word_boundaries() {
        let trie = trie_of(&["web ?beacons?|cookies?", "advertis*", r"\(0\)", "e.g.|e.u. and"]);
        assert_eq!(
            found(&trie, "cookies, webbeacon; biscookies advertisers (0) e.g. the e.u. and"),
            [
                (0, "cookies".to_string()),
                (0, "webbeacon".to_string()),
                (1, "advertisers".to_string()),
                (2, "(0)".to_string()),
                (3, "e.g.".to_string()),
                (3, "e.u. and".to_string()),
            ]
        );
    }

    #[test]
    fn overlapping_phrases_are_all_found() {
        let trie = trie_of(&["personal data", "data", "non-*"]);
        assert_eq!(
            found(&trie, "personal data non-affiliated"),
            [(0, "personal data".to_string()), (1, "data".to_string()), (2, "non-affiliated".to_string())]
        );
    }

    #[test]
    fn stems_branch_on_every_word_byte_in_any_insertion_order() {
        let stems = ["az*", "a_*", "ab*", "a0*", "aZ*", "zz*", "a*"];
        let trie = trie_of(&stems);
        let text = "abc a_b a0 aZ azz zzz b";
        let mut phrases: Vec<(PhraseId, String)> = found(&trie, text);
        phrases.retain(|(phrase, _)| *phrase != 6); // "a*": every word starting with a
        assert_eq!(
            phrases,
            [
                (0, "azz".to_string()),
                (1, "a_b".to_string()),
                (2, "abc".to_string()),
                (3, "a0".to_string()),
                (4, "aZ".to_string()),
                (5, "zzz".to_string()),
            ]
        );
        assert_eq!(found(&trie, text).iter().filter(|(phrase, _)| *phrase == 6).count(), 5);
    }

    #[test]
    fn alternatives_share_their_endings() {
        // 3 × 6 paths to "data", merged: after "we", "our company" and
        // "the site" comes the same choice of verbs, then the same "data".
        let trie = trie_of(&["(we|our company|the site) (shares?|sells?|rents?) data"]);
        assert_eq!(trie.nodes.stems.len(), 6, "the root, 'our', 'the', the subject, the verb, 'data'");
        assert_eq!(found(&trie, "our company rents data"), [(0, "our company rents data".to_string())]);
        assert!(found(&trie, "our site rents data").is_empty());
    }

    #[test]
    fn bytes_read_back_to_the_same_trie() {
        let trie = trie_of(&["web ?beacons?|cookies?", "advertis*|ad (networks?|serv*)", "e.g."]);
        let mut out = Writer::default();
        trie.write(&mut out);
        let bytes = out.finish();
        let mut input = Reader::new(&bytes);
        let read = Trie::read(&mut input, 3).expect("reads");
        assert_eq!(input.finish(), Ok(()));
        let text = "cookies, web beacons, ad servers and advertisers, e.g. ads";
        assert_eq!(found(&read, text), found(&trie, text));
        assert_eq!(found(&read, text).len(), 5);
        let mut again = Writer::default();
        read.write(&mut again);
        assert_eq!(again.finish(), bytes);
        assert!(Trie::read(&mut Reader::new(&bytes), 2).is_err(), "a phrase id out of range");
        for cut in 0..bytes.len() {
            assert!(Trie::read(&mut Reader::new(&bytes[..cut]), 3).is_err(), "cut at {cut}");
        }
    }
}
