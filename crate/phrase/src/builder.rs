//! Building a [`Trie`]: phrases go in as trees (alternatives, options),
//! never expanded into lists of literals, so inserting costs one step per
//! distinct word prefix. [`TrieBuilder::finish`] then merges the nodes whose
//! continuations are the same (alternatives share their endings), which
//! makes the trie several times smaller.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::hash::Fnv;
use crate::syntax::Node;
use crate::trie::{is_word, PhraseId, PrefixNode, Trie};

/// A hash map with [`Fnv`] hashing: keys here are short.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A trie being built: nodes are added, never removed, and a child always
/// has a larger id than its parent (the root is 0).
#[derive(Debug)]
pub struct TrieBuilder {
    /// Every token the phrases use, by id.
    words: Vec<Box<str>>,
    /// The ids of `words`.
    word_ids: FastMap<Box<str>, u32>,
    /// Exact-token edges: (node, word) to node.
    edges: FastMap<(u32, u32), u32>,
    /// For each node: the phrases a path ending here belongs to.
    ends: Vec<Vec<PhraseId>>,
    /// For each node: the root of the byte trie (in `prefixes`) of the stem
    /// prefixes (`advertis*`) that end phrases after it, if any.
    stems: Vec<Option<u32>>,
    /// Byte tries of stem prefixes.
    prefixes: Vec<PrefixNode>,
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

/// What a node leads to, with its children already merged: nodes with the
/// same signature are interchangeable.
type Signature = (Vec<PhraseId>, Option<u32>, Vec<(u32, u32)>);

impl TrieBuilder {
    /// A trie with only a root.
    pub fn new() -> TrieBuilder {
        TrieBuilder {
            words: Vec::new(),
            word_ids: FastMap::default(),
            edges: FastMap::default(),
            ends: vec![Vec::new()],
            stems: vec![None],
            prefixes: Vec::new(),
        }
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

    /// Adds one pattern character to a cursor, cutting tokens as
    /// [`crate::trie::tokens_of`] cuts texts.
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
        let word = match self.word_ids.get(token) {
            Some(&word) => word,
            None => {
                let word = self.words.len() as u32;
                self.words.push(token.into());
                self.word_ids.insert(token.into(), word);
                word
            }
        };
        let next_node = self.ends.len() as u32;
        let child = *self.edges.entry((node, word)).or_insert(next_node);
        if child == next_node {
            self.ends.push(Vec::new());
            self.stems.push(None);
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

    /// The finished trie, with interchangeable nodes merged: a node's id is
    /// then smaller than its children's, and the root is still 0.
    pub fn finish(self) -> Trie {
        let count = self.ends.len();
        let mut children: Vec<Vec<(u32, u32)>> = vec![Vec::new(); count];
        for (&(node, word), &child) in &self.edges {
            children[node as usize].push((word, child));
        }
        // Children have larger ids than their parents: going down from the
        // last node, a node's children are merged before it. Merged nodes
        // are numbered in that order, so the root, alone, comes last.
        let mut merged = vec![0u32; count];
        let mut by_signature: HashMap<Signature, u32> = HashMap::new();
        for node in (1..count).rev() {
            let signature = self.signature(node, &children[node], &merged);
            let next = by_signature.len() as u32;
            merged[node] = *by_signature.entry(signature).or_insert(next);
        }
        let root = self.signature(0, &children[0], &merged);
        let classes = by_signature.len() + 1;
        // Renumber from the root down: id = classes - 1 - merge order.
        let mut nodes: Vec<Option<Signature>> = vec![None; classes];
        nodes[0] = Some(root);
        for (signature, order) in by_signature {
            nodes[classes - 1 - order as usize] = Some(signature);
        }
        let renumber = |order: u32| classes as u32 - 1 - order;
        let nodes = nodes
            .into_iter()
            .flatten()
            .map(|(ends, stem, children)| {
                let children = children.into_iter().map(|(word, order)| (word, renumber(order))).collect();
                (ends, stem, children)
            })
            .collect();
        Trie::from_parts(&self.words, nodes, self.prefixes)
    }

    /// The signature of `node`, whose children are `children`, given the
    /// merge order of every node below it.
    fn signature(&self, node: usize, children: &[(u32, u32)], merged: &[u32]) -> Signature {
        let mut ends = self.ends[node].clone();
        ends.sort_unstable();
        let mut children: Vec<(u32, u32)> =
            children.iter().map(|&(word, child)| (word, merged[child as usize])).collect();
        children.sort_unstable();
        (ends, self.stems[node], children)
    }
}

/// `cursors` without repeats (alternatives can reach the same place).
fn dedup(mut cursors: Vec<Cursor>) -> Vec<Cursor> {
    cursors.sort_unstable();
    cursors.dedup();
    cursors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{chains, Step};

    #[test]
    fn empty_phrases_and_inner_stems_are_refused() {
        let mut trie = TrieBuilder::new();
        for pattern in ["(a)?", "ab*c"] {
            let chain = chains(pattern).expect("parses");
            let Step::Phrase(node) = &chain[0][0] else { panic!("a phrase") };
            assert!(trie.insert(node, 0).is_err(), "{pattern}");
        }
    }
}
