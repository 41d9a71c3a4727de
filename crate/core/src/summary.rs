//! The result of an analysis: [`Summary`], its [`Badge`]s and their [`Evidence`].

use serde::Serialize;

use crate::taxonomy::{BadgeId, Group, Polarity};

/// What the analyzer found in one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Whether the text reads like a privacy policy at all.
    pub is_policy: bool,
    /// How strongly it reads like one, from 0 (not at all) to 1.
    pub policy_score: f32,
    /// One sentence on why `is_policy` is what it is, for people.
    pub reason: String,
    /// Number of words in the analyzed text.
    pub words: usize,
    /// Whether the input was longer than [`crate::MAX_INPUT_BYTES`] and only
    /// its beginning was analyzed.
    pub truncated: bool,
    /// Whether the text was read as an excerpt of a policy ([`crate::Mode::Excerpt`]):
    /// its badges are given whatever `is_policy` says.
    pub excerpt: bool,
    /// The practices found, in display order: by group as in the spec, then id.
    /// Empty when the text was read as a whole document and `is_policy` is false.
    pub badges: Vec<Badge>,
}

/// One practice the policy states, with the sentences that state it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Badge {
    /// Stable id from the taxonomy, e.g. `"no-cookies"`.
    pub id: &'static str,
    /// Label shown to people, e.g. `"No cookies"`.
    pub label: &'static str,
    /// One line on what earns the badge, e.g. for a tooltip.
    pub description: &'static str,
    /// Group the badge is shown under.
    pub group: Group,
    /// Whether the practice is good, bad or neutral for the user.
    pub polarity: Polarity,
    /// The sentences that earned the badge, in document order (never empty).
    pub evidence: Vec<Evidence>,
}

impl Badge {
    /// An empty badge of `id`, ready for evidence.
    pub fn new(id: BadgeId) -> Badge {
        let def = id.def();
        Badge {
            id: def.id,
            label: def.label,
            description: def.description,
            group: def.group,
            polarity: def.polarity,
            evidence: Vec::new(),
        }
    }
}

/// A sentence of the input that earned a badge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The sentence, exactly as it appears in the input (`input[start..end]`).
    pub text: String,
    /// Byte offset of the sentence's first byte in the original input (on a
    /// char boundary). The wasm API converts offsets to UTF-16 code units.
    pub start: usize,
    /// Byte offset just past the sentence's last byte in the original input.
    pub end: usize,
    /// The heading of the section the sentence is in, if the text has one.
    pub section: Option<String>,
}
