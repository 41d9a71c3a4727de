//! A trie of every phrase, word by word, walked from each word of a text.
//!
//! Texts and phrases are cut into the same tokens ([`tokens`]): runs of
//! letters and digits, and single punctuation marks. A phrase is a path of
//! tokens from the root; a phrase ending in `*` ends with a word prefix
//! instead. Phrases are inserted as trees (alternatives, options), never
//! expanded into lists of literals, so building costs one step per distinct
//! word prefix, and reading a text costs a few hash lookups per word.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::syntax::Node;

/// Index of a phrase of a [`super::Library`].
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
pub fn tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(bytes.len() / 4);
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        let byte = bytes[at];
        if is_word(byte) {
            while at < bytes.len() && is_word(bytes[at]) {
                at += 1;
            }
        } else if byte == b' ' {
            at += 1;
            continue;
        } else {
            at += 1;
        }
        tokens.push(Token { start, end: at });
    }
    tokens
}

/// FNV-1a: a small, fast hash for short keys (tokens, node ids).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &byte in bytes {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// No word id: a token no phrase uses.
const UNKNOWN: u32 = u32::MAX;

/// No node: the edge does not exist. (Node 0, the root, is never a child.)
const NO_NODE: u32 = 0;

/// The trie.
#[derive(Debug, Default)]
pub struct Trie {
    /// Every token the phrases use, by id.
    words: FastMap<Box<str>, u32>,
    /// Exact-token edges: (node, word) to node. Node 0 is the root.
    edges: FastMap<(u32, u32), u32>,
    /// The root's edges again, by word id ([`NO_NODE`] if none): every
    /// token of a text is looked up there.
    root_children: Vec<u32>,
    /// For each node: the phrases a path ending here belongs to.
    ends: Vec<Vec<PhraseId>>,
    /// For each node: the phrases that end with a word starting with a
    /// prefix (`advertis*`), as the root of a byte trie of those prefixes in
    /// `prefixes`, if the node has any.
    stems: Vec<Option<u32>>,
    /// Byte tries of stem prefixes.
    prefixes: Vec<PrefixNode>,
}

/// A node of a byte trie of stem prefixes.
#[derive(Debug, Default)]
struct PrefixNode {
    /// Which word bytes have a child: bit [`byte_bit`] of each.
    mask: u64,
    /// The children, in the order of their bits: the child by a byte is at
    /// the count of lower bits set, so finding it takes no search.
    children: Vec<u32>,
    /// Phrases whose stem prefix ends here.
    phrases: Vec<PhraseId>,
}

impl PrefixNode {
    /// The child by `byte`, a word byte ([`is_word`]).
    fn child(&self, byte: u8) -> Option<u32> {
        let bit = 1u64 << byte_bit(byte);
        (self.mask & bit != 0).then(|| self.children[(self.mask & (bit - 1)).count_ones() as usize])
    }

    /// Adds `child` by `byte`, a word byte not yet a child.
    fn add_child(&mut self, byte: u8, child: u32) {
        let bit = 1u64 << byte_bit(byte);
        self.mask |= bit;
        self.children.insert((self.mask & (bit - 1)).count_ones() as usize, child);
    }
}

/// A word byte's place among the 63 word bytes: `0-9`, `A-Z`, `_`, `a-z`.
fn byte_bit(byte: u8) -> u32 {
    match byte {
        b'0'..=b'9' => u32::from(byte - b'0'),
        b'A'..=b'Z' => u32::from(byte - b'A') + 10,
        b'a'..=b'z' => u32::from(byte - b'a') + 36,
        _ => 62, // `_`, the only other word byte
    }
}

/// A place reached while inserting: a node, the token being spelled, and
/// whether a `*` has ended the phrase's last word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Cursor {
    node: u32,
    spelled: Spelled,
    stem: bool,
}

/// The letters of a word being spelled, inline: cursors are copied often.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Spelled {
    len: u8,
    bytes: [u8; MAX_WORD],
}

/// Longest word a phrase may spell.
const MAX_WORD: usize = 31;

impl Spelled {
    const EMPTY: Spelled = Spelled { len: 0, bytes: [0; MAX_WORD] };

    fn as_str(&self) -> &str {
        // Only ASCII word bytes are ever pushed.
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or_default()
    }

    fn push(&mut self, byte: u8) -> Result<(), String> {
        let slot = self.bytes.get_mut(self.len as usize).ok_or("a word of over 31 letters")?;
        *slot = byte;
        self.len += 1;
        Ok(())
    }
}

impl Trie {
    /// An empty trie.
    pub fn new() -> Trie {
        Trie { ends: vec![Vec::new()], stems: vec![None], ..Trie::default() }
    }

    /// Adds every text `node` matches as a path of `phrase`.
    pub fn insert(&mut self, node: &Node, phrase: PhraseId) -> Result<(), String> {
        let start = Cursor { node: 0, spelled: Spelled::EMPTY, stem: false };
        for cursor in self.walk(vec![start], node)? {
            if cursor.stem {
                self.add_stem(cursor.node, cursor.spelled.as_str(), phrase);
                continue;
            }
            let end = self.commit(cursor.node, cursor.spelled.as_str());
            if end == 0 {
                return Err("a phrase can match the empty text".into());
            }
            if !self.ends[end as usize].contains(&phrase) {
                self.ends[end as usize].push(phrase);
            }
        }
        Ok(())
    }

    /// The cursors `node` leads to from `from`, creating the paths.
    fn walk(&mut self, from: Vec<Cursor>, node: &Node) -> Result<Vec<Cursor>, String> {
        let reached = match node {
            Node::Text(text) => {
                let mut reached = Vec::with_capacity(from.len());
                for mut cursor in from {
                    if cursor.stem && !text.trim().is_empty() {
                        return Err(format!("'*' must end a phrase (followed by {text:?})"));
                    }
                    for c in text.chars() {
                        self.spell(&mut cursor, c)?;
                    }
                    reached.push(cursor);
                }
                reached
            }
            Node::Stem => from.into_iter().map(|cursor| Cursor { stem: true, ..cursor }).collect(),
            Node::Concat(items) => {
                let mut at = from;
                for item in items {
                    at = self.walk(at, item)?;
                }
                at
            }
            Node::Alternation(branches) => {
                let mut reached = Vec::new();
                for branch in branches {
                    reached.extend(self.walk(from.clone(), branch)?);
                }
                dedup(reached)
            }
            Node::Optional(inner) => {
                let mut reached = self.walk(from.clone(), inner)?;
                reached.extend(from);
                dedup(reached)
            }
        };
        Ok(reached)
    }

    /// Adds one pattern character to a cursor, cutting tokens as [`tokens`]
    /// cuts texts.
    fn spell(&mut self, cursor: &mut Cursor, c: char) -> Result<(), String> {
        if c.is_ascii() && is_word(c as u8) {
            return cursor.spelled.push(c as u8);
        }
        cursor.node = self.commit(cursor.node, cursor.spelled.as_str());
        cursor.spelled = Spelled::EMPTY;
        if c != ' ' {
            cursor.node = self.commit(cursor.node, c.encode_utf8(&mut [0; 4]));
        }
        Ok(())
    }

    /// The child of `node` by the token `token` (created if new); `node`
    /// itself for the empty token.
    fn commit(&mut self, node: u32, token: &str) -> u32 {
        if token.is_empty() {
            return node;
        }
        let word = match self.words.get(token) {
            Some(&word) => word,
            None => {
                let word = self.words.len() as u32;
                self.words.insert(token.into(), word);
                self.root_children.push(NO_NODE);
                word
            }
        };
        let next_node = self.ends.len() as u32;
        let child = *self.edges.entry((node, word)).or_insert(next_node);
        if child == next_node {
            self.ends.push(Vec::new());
            self.stems.push(None);
        }
        if node == 0 {
            self.root_children[word as usize] = child;
        }
        child
    }

    /// Records that `phrase` ends, after `node`, with a word starting with
    /// `prefix`.
    fn add_stem(&mut self, node: u32, prefix: &str, phrase: PhraseId) {
        let mut at = match self.stems[node as usize] {
            Some(root) => root,
            None => {
                self.prefixes.push(PrefixNode::default());
                let root = self.prefixes.len() as u32 - 1;
                self.stems[node as usize] = Some(root);
                root
            }
        };
        for byte in prefix.bytes() {
            at = match self.prefixes[at as usize].child(byte) {
                Some(child) => child,
                None => {
                    self.prefixes.push(PrefixNode::default());
                    let child = self.prefixes.len() as u32 - 1;
                    self.prefixes[at as usize].add_child(byte, child);
                    child
                }
            };
        }
        let phrases = &mut self.prefixes[at as usize].phrases;
        if !phrases.contains(&phrase) {
            phrases.push(phrase);
        }
    }

    /// Calls `found` with every phrase whose stem, after the node whose
    /// prefix trie is `root`, the word `word` starts with.
    fn stems_of(&self, root: u32, word: &str, mut found: impl FnMut(PhraseId)) {
        let mut at = root;
        for byte in std::iter::once(None).chain(word.bytes().map(Some)) {
            if let Some(byte) = byte {
                match self.prefixes[at as usize].child(byte) {
                    Some(child) => at = child,
                    None => return,
                }
            }
            self.prefixes[at as usize].phrases.iter().for_each(|&phrase| found(phrase));
        }
    }

    /// Every phrase occurrence in `text`, in no order.
    pub fn occurrences(&self, text: &str, out: &mut Vec<Occurrence>) {
        let tokens = tokens(text);
        let words: Vec<u32> =
            tokens.iter().map(|t| self.words.get(&text[t.start..t.end]).copied().unwrap_or(UNKNOWN)).collect();
        for first in 0..tokens.len() {
            let start = tokens[first].start;
            let mut node = 0;
            for (token, &word) in tokens[first..].iter().zip(&words[first..]) {
                // A token is a run of word bytes or one other byte.
                if let Some(root) = self.stems[node as usize].filter(|_| is_word(text.as_bytes()[token.start])) {
                    let spelled = &text[token.start..token.end];
                    self.stems_of(root, spelled, |phrase| out.push(Occurrence { phrase, start, end: token.end }));
                }
                let child = match word {
                    UNKNOWN => NO_NODE,
                    _ if node == 0 => self.root_children[word as usize],
                    _ => self.edges.get(&(node, word)).copied().unwrap_or(NO_NODE),
                };
                if child == NO_NODE {
                    break;
                }
                node = child;
                out.extend(self.ends[node as usize].iter().map(|&phrase| Occurrence { phrase, start, end: token.end }));
            }
        }
    }
}

/// `cursors` without repeats (alternatives can reach the same place).
fn dedup(mut cursors: Vec<Cursor>) -> Vec<Cursor> {
    cursors.sort_unstable();
    cursors.dedup();
    cursors
}

/// Letters, digits and `_`: what `\w` means in ASCII.
pub fn is_word(byte: u8) -> bool {
    WORD_BYTES[byte as usize]
}

/// [`is_word`] as a table: the scan asks it of every byte.
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || b == b'_';
        byte += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phrase::syntax::{chains, Step};

    fn trie_of(patterns: &[&str]) -> Trie {
        let mut trie = Trie::new();
        for (id, pattern) in patterns.iter().enumerate() {
            for chain in chains(pattern).expect("parses") {
                for step in chain {
                    if let Step::Phrase(node) = step {
                        trie.insert(&node, id as PhraseId).expect("inserts");
                    }
                }
            }
        }
        trie
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
        let cut: Vec<&str> = tokens(text).iter().map(|t| &text[t.start..t.end]).collect();
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
    fn empty_phrases_and_inner_stems_are_refused() {
        let mut trie = Trie::new();
        for pattern in ["(a)?", "ab*c"] {
            let chain = chains(pattern).expect("parses");
            let Step::Phrase(node) = &chain[0][0] else { panic!("a phrase") };
            assert!(trie.insert(node, 0).is_err(), "{pattern}");
        }
    }
}
