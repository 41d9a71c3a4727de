//! The phrase pattern language, parsed into chains of phrases and gaps.
//!
//! Patterns read like the policies they match. On lowercase ASCII text:
//!
//! | syntax       | meaning                                                        |
//! |--------------|----------------------------------------------------------------|
//! | `we sell`    | these words, as written (spaces included)                       |
//! | `a\|b`        | either (groups with `( )`; no captures)                         |
//! | `x?` `(x)?`  | optional character or group                                     |
//! | `[sz]`       | one of these characters                                         |
//! | `advertis*`  | a word starting so ("advertising", "advertisers")              |
//! | ` ~3 `       | then up to 3 more words (letters, digits, hyphens)             |
//! | ` ~3, `      | then up to 3 more words, commas and other punctuation allowed  |
//! | ` ~ `        | then anything up to the end of the clause (no `.` or `;`)      |
//! | `\(`         | a special character, literally                                  |
//!
//! The spaces around a gap belong to the gap. Every phrase starts and ends
//! at a word boundary (where its first or last character is a letter or
//! digit), so `sell` never matches inside "counselling". Digits are
//! normalized to `0` before matching, so `0 days` matches "30 days".
//!
//! A pattern becomes [`Chain`]s: alternatives whose gaps are in different
//! places become different chains; everything between two gaps stays one
//! [`Node`] tree, inserted as is into the phrase trie.

pub use crate::Gap;

/// A gapless piece of a pattern, as a tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Node {
    /// These characters.
    Text(String),
    /// The word goes on (`*`).
    Stem,
    /// One after the other.
    Concat(Vec<Node>),
    /// Any one of them.
    Alternation(Vec<Node>),
    /// It, or nothing.
    Optional(Box<Node>),
}

/// One step of a chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A phrase: any text the tree matches.
    Phrase(Node),
    /// A stretch of text between two phrases.
    Gap(Gap),
}

/// Phrases separated by gaps: never starts or ends with a gap, never has two
/// phrases or two gaps in a row.
pub type Chain = Vec<Step>;

/// Most chains a pattern may have: alternatives around gaps multiply them.
const MAX_CHAINS: usize = 256;

/// Parses `pattern` into its chains.
pub fn chains(pattern: &str) -> Result<Vec<Chain>, String> {
    let mut parser = Parser { chars: pattern.chars().collect(), at: 0 };
    let tree = parser.alternation()?;
    if parser.at < parser.chars.len() {
        return Err(format!("unexpected {:?} at {} in {pattern:?}", parser.chars[parser.at], parser.at));
    }
    let chains = split(&tree)?;
    for chain in &chains {
        let gap_at_end =
            matches!(chain.first(), Some(Step::Gap(_)) | None) || matches!(chain.last(), Some(Step::Gap(_)));
        if gap_at_end {
            return Err(format!("{pattern:?} starts or ends with a gap"));
        }
    }
    Ok(chains)
}

/// The tree as parsed, gaps included.
#[derive(Debug, Clone)]
enum Tree {
    Leaf(Node),
    Gap(Gap),
    Concat(Vec<Tree>),
    Alternation(Vec<Tree>),
    Optional(Box<Tree>),
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn alternation(&mut self) -> Result<Tree, String> {
        let mut branches = vec![self.concat()?];
        while self.peek() == Some('|') {
            self.at += 1;
            branches.push(self.concat()?);
        }
        Ok(if branches.len() == 1 { branches.remove(0) } else { Tree::Alternation(branches) })
    }

    fn concat(&mut self) -> Result<Tree, String> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            let item = match c {
                '|' | ')' => break,
                '(' => {
                    self.at += 1;
                    let inner = self.alternation()?;
                    if self.peek() != Some(')') {
                        return Err(format!("unclosed group at {}", self.at));
                    }
                    self.at += 1;
                    inner
                }
                '[' => self.class()?,
                '~' => {
                    // The spaces around a gap belong to it.
                    if let Some(Tree::Leaf(Node::Text(text))) = items.last_mut() {
                        text.truncate(text.trim_end_matches(' ').len());
                        if text.is_empty() {
                            items.pop();
                        }
                    }
                    let gap = self.gap()?;
                    while self.peek() == Some(' ') {
                        self.at += 1;
                    }
                    gap
                }
                '*' => {
                    self.at += 1;
                    Tree::Leaf(Node::Stem)
                }
                '?' => return Err(format!("nothing to make optional at {}", self.at)),
                '\\' => {
                    let escaped = self.chars.get(self.at + 1).copied().ok_or("pattern ends with \\")?;
                    self.at += 2;
                    Tree::Leaf(Node::Text(escaped.to_string()))
                }
                _ => self.text(),
            };
            let item = if self.peek() == Some('?') {
                self.at += 1;
                Tree::Optional(Box::new(item))
            } else {
                item
            };
            items.push(item);
        }
        Ok(Tree::Concat(items))
    }

    /// A run of plain characters, as one node; a character followed by `?`
    /// stays on its own so the `?` applies to it alone.
    fn text(&mut self) -> Tree {
        let start = self.at;
        while self.peek().is_some_and(|c| !"|()[~*?\\".contains(c)) {
            self.at += 1;
        }
        if self.peek() == Some('?') && self.at - start > 1 {
            self.at -= 1;
        }
        Tree::Leaf(Node::Text(self.chars[start..self.at].iter().collect()))
    }

    fn class(&mut self) -> Result<Tree, String> {
        self.at += 1;
        let mut members = Vec::new();
        while let Some(c) = self.peek() {
            self.at += 1;
            if c == ']' {
                return Ok(Tree::Leaf(Node::Alternation(members)));
            }
            members.push(Node::Text(c.to_string()));
        }
        Err("unclosed character class".into())
    }

    fn gap(&mut self) -> Result<Tree, String> {
        self.at += 1;
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        if start == self.at {
            return Ok(Tree::Gap(Gap::Clause));
        }
        let digits: String = self.chars[start..self.at].iter().collect();
        let words = digits.parse().map_err(|_| format!("bad gap length {digits}"))?;
        if self.peek() == Some(',') {
            self.at += 1;
            Ok(Tree::Gap(Gap::WordsAndCommas(words)))
        } else {
            Ok(Tree::Gap(Gap::Words(words)))
        }
    }
}

impl Tree {
    fn has_gap(&self) -> bool {
        match self {
            Tree::Leaf(_) => false,
            Tree::Gap(_) => true,
            Tree::Concat(items) | Tree::Alternation(items) => items.iter().any(Tree::has_gap),
            Tree::Optional(inner) => inner.has_gap(),
        }
    }

    /// The tree as a gapless node; only called on trees without gaps.
    fn into_node(self) -> Node {
        match self {
            Tree::Leaf(node) => node,
            Tree::Concat(items) => Node::Concat(items.into_iter().map(Tree::into_node).collect()),
            Tree::Alternation(items) => Node::Alternation(items.into_iter().map(Tree::into_node).collect()),
            Tree::Optional(inner) => Node::Optional(Box::new(inner.into_node())),
            Tree::Gap(_) => Node::Concat(Vec::new()),
        }
    }
}

/// Cuts a tree at its gaps into chains. Gapless subtrees stay whole.
fn split(tree: &Tree) -> Result<Vec<Chain>, String> {
    if !tree.has_gap() {
        return Ok(vec![vec![Step::Phrase(tree.clone().into_node())]]);
    }
    let chains = match tree {
        Tree::Leaf(_) => unreachable!("leaves have no gaps"),
        Tree::Gap(gap) => vec![vec![Step::Gap(*gap)]],
        Tree::Alternation(branches) => {
            // The branches without gaps stay one phrase, one chain: only
            // those with gaps need chains of their own.
            let (gapped, gapless): (Vec<&Tree>, Vec<&Tree>) = branches.iter().partition(|b| b.has_gap());
            let mut all = Vec::new();
            match gapless.as_slice() {
                [] => {}
                [one] => all.push(vec![Step::Phrase((*one).clone().into_node())]),
                many => all.push(vec![Step::Phrase(Node::Alternation(
                    many.iter().map(|branch| (*branch).clone().into_node()).collect(),
                ))]),
            }
            for branch in gapped {
                all.extend(split(branch)?);
            }
            all
        }
        Tree::Optional(inner) => {
            let mut all = split(inner)?;
            all.push(Vec::new());
            all
        }
        Tree::Concat(items) => {
            let mut chains: Vec<Chain> = vec![Vec::new()];
            for item in items {
                let tails = split(item)?;
                let mut joined = Vec::with_capacity(chains.len() * tails.len());
                for head in &chains {
                    for tail in &tails {
                        joined.push(join(head, tail)?);
                    }
                }
                chains = joined;
                if chains.len() > MAX_CHAINS {
                    return Err(format!("over {MAX_CHAINS} alternatives around gaps"));
                }
            }
            chains
        }
    };
    Ok(chains)
}

/// `head` then `tail`; touching phrases become one.
fn join(head: &Chain, tail: &Chain) -> Result<Chain, String> {
    let mut joined = head.clone();
    for step in tail {
        match (joined.last_mut(), step) {
            (Some(Step::Phrase(left)), Step::Phrase(right)) => {
                *left = Node::Concat(vec![std::mem::replace(left, Node::Concat(Vec::new())), right.clone()]);
            }
            (Some(Step::Gap(_)), Step::Gap(_)) => return Err("two gaps in a row".into()),
            _ => joined.push(step.clone()),
        }
    }
    Ok(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_split_chains_and_take_their_spaces() {
        let parsed = chains("we ~3 sell|we sell").expect("parses");
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].len(), 1, "the gapless branch");
        assert_eq!(parsed[1].len(), 3);
        assert_eq!(parsed[1][0], Step::Phrase(Node::Text("we".into())));
        assert_eq!(parsed[1][1], Step::Gap(Gap::Words(3)));
        assert_eq!(parsed[1][2], Step::Phrase(Node::Text("sell".into())));
        let parsed = chains("(a|b ~2, c) d ~ e").expect("parses");
        assert_eq!(parsed.len(), 2);
        assert!(parsed.iter().any(|chain| chain.contains(&Step::Gap(Gap::WordsAndCommas(2)))));
        assert!(parsed.iter().all(|chain| chain.contains(&Step::Gap(Gap::Clause))));
    }

    #[test]
    fn gapless_alternatives_stay_one_phrase() {
        let parsed = chains("web ?beacons?|cookies?|[sz]").expect("parses");
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].len(), 1);
    }

    #[test]
    fn gapless_branches_beside_gapped_ones_stay_one_chain() {
        let parsed = chains("(a|b|c ~2 d|e) f ~ (g|h ~1 i)").expect("parses");
        // (a|b|e) and (c ~2 d), each followed by f, then g or h ~1 i: 2 x 2.
        assert_eq!(parsed.len(), 4);
    }

    #[test]
    fn malformed_patterns_are_errors() {
        for bad in ["(open", "[open", "?x", "~3 x", "x ~", "a ~3 ~2 b", "x\\", "(a|b ~1) c)"] {
            assert!(chains(bad).is_err(), "{bad}");
        }
    }
}
