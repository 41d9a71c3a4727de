//! A trie of every literal of every phrase, walked from each word start.
//!
//! Phrases are inserted as trees (alternatives, options), never expanded
//! into lists of literals, so building costs one step per distinct prefix.
//! Reading a text walks the trie from every position that is not inside a
//! word; walks end at the first byte no literal continues with.

use super::syntax::Node;

/// Index of a phrase of a [`super::Library`].
pub type PhraseId = u32;

/// A literal phrase found in a text: `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Occurrence {
    /// The phrase it belongs to.
    pub phrase: PhraseId,
    /// First byte.
    pub start: usize,
    /// Just past the last byte (for a stem, the end of its word).
    pub end: usize,
}

const NONE: u32 = u32::MAX;

#[derive(Debug, Default)]
struct TrieNode {
    /// Children by next byte, sorted.
    children: Vec<(u8, u32)>,
    /// Phrases a literal ending here belongs to, and whether it is a stem.
    ends: Vec<(PhraseId, bool)>,
}

/// The trie.
#[derive(Debug)]
pub struct Trie {
    nodes: Vec<TrieNode>,
    /// The root's children by byte, for the first step of every walk.
    root: Box<[u32; 256]>,
}

/// A place in the trie reached while inserting, and whether the word there
/// may go on (after a `*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Cursor {
    node: u32,
    stem: bool,
}

impl Default for Trie {
    fn default() -> Trie {
        Trie::new()
    }
}

impl Trie {
    /// An empty trie.
    pub fn new() -> Trie {
        Trie { nodes: vec![TrieNode::default()], root: Box::new([NONE; 256]) }
    }

    /// Adds every text `node` matches as a literal of `phrase`.
    pub fn insert(&mut self, node: &Node, phrase: PhraseId) -> Result<(), String> {
        let ends = self.walk(vec![Cursor { node: 0, stem: false }], node)?;
        for cursor in ends {
            if cursor.node == 0 {
                return Err("a phrase can match the empty text".into());
            }
            let ends = &mut self.nodes[cursor.node as usize].ends;
            if !ends.contains(&(phrase, cursor.stem)) {
                ends.push((phrase, cursor.stem));
            }
        }
        Ok(())
    }

    /// The places `node` leads to from `from`, creating them.
    fn walk(&mut self, from: Vec<Cursor>, node: &Node) -> Result<Vec<Cursor>, String> {
        let mut reached = match node {
            Node::Text(text) => {
                let mut reached = Vec::with_capacity(from.len());
                for cursor in from {
                    if cursor.stem {
                        return Err(format!("'*' must end a phrase (followed by {text:?})"));
                    }
                    let mut at = cursor.node;
                    for byte in text.bytes() {
                        at = self.child_or_insert(at, byte);
                    }
                    reached.push(Cursor { node: at, stem: false });
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
                reached
            }
            Node::Optional(inner) => {
                let mut reached = self.walk(from.clone(), inner)?;
                reached.extend(from);
                reached
            }
        };
        reached.sort_unstable();
        reached.dedup();
        Ok(reached)
    }

    fn child(&self, node: u32, byte: u8) -> u32 {
        if node == 0 {
            return self.root[byte as usize];
        }
        let children = &self.nodes[node as usize].children;
        match children.binary_search_by_key(&byte, |&(b, _)| b) {
            Ok(i) => children[i].1,
            Err(_) => NONE,
        }
    }

    fn child_or_insert(&mut self, node: u32, byte: u8) -> u32 {
        let existing = self.child(node, byte);
        if existing != NONE {
            return existing;
        }
        let new = self.nodes.len() as u32;
        self.nodes.push(TrieNode::default());
        if node == 0 {
            self.root[byte as usize] = new;
        } else {
            let children = &mut self.nodes[node as usize].children;
            let at = children.partition_point(|&(b, _)| b < byte);
            children.insert(at, (byte, new));
        }
        new
    }

    /// Every literal occurrence in `text` that starts and ends on word
    /// boundaries (a stem ends at the end of its word), in no order.
    pub fn occurrences(&self, text: &[u8], out: &mut Vec<Occurrence>) {
        let mut after_word = false;
        for start in 0..text.len() {
            let word = is_word(text[start]);
            let inside_word = after_word && word;
            after_word = word;
            if inside_word {
                continue;
            }
            let mut node = 0;
            for (i, &byte) in text.iter().enumerate().skip(start) {
                node = self.child(node, byte);
                if node == NONE {
                    break;
                }
                for &(phrase, stem) in &self.nodes[node as usize].ends {
                    let mut end = i + 1;
                    if stem {
                        end += text[end..].iter().take_while(|&&b| is_word(b)).count();
                    } else if is_word(byte) && text.get(end).is_some_and(|&b| is_word(b)) {
                        continue; // the literal ends inside a word
                    }
                    out.push(Occurrence { phrase, start, end });
                }
            }
        }
    }
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

    fn found(trie: &Trie, text: &str) -> Vec<(PhraseId, &'static str)> {
        let mut out = Vec::new();
        trie.occurrences(text.as_bytes(), &mut out);
        out.sort();
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        out.into_iter().map(|o| (o.phrase, &text[o.start..o.end])).collect()
    }

    #[test]
    fn finds_literals_on_word_boundaries() {
        let trie = trie_of(&["web ?beacons?|cookies?", "advertis*", r"\(0\)"]);
        assert_eq!(
            found(&trie, "cookies, webbeacon; biscookies advertisers (0)"),
            [(0, "cookies"), (0, "webbeacon"), (1, "advertisers"), (2, "(0)")]
        );
    }

    #[test]
    fn overlapping_literals_are_all_found() {
        let trie = trie_of(&["personal data", "data"]);
        assert_eq!(found(&trie, "personal data"), [(0, "personal data"), (1, "data")]);
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
