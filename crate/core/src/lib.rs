//! Reads a privacy policy and states its practices as *badges* ("No cookies",
//! "Shares personal data", "Encrypted in transit"), each with the sentences
//! of the policy that earned it.
//!
//! ```
//! let policy = include_str!("../../../tests/fixtures/seeds/activexperts-2012.md");
//! let summary = policy_badges::analyze(policy);
//! assert!(summary.is_policy);
//! let no_cookies = summary.badges.iter().find(|b| b.id == "no-cookies").unwrap();
//! let evidence = &no_cookies.evidence[0];
//! assert_eq!(&policy[evidence.start..evidence.end], evidence.text);
//! ```
//!
//! The analysis is pure and deterministic: no I/O, no clock, no randomness,
//! linear in the input's length, and it never panics. The same code runs in
//! the native CLI (`policy-badges`) and, through [`wasm`], in the browser
//! extension.
//!
//! Modules, in pipeline order: [`text`] cuts the input into headings,
//! sentences and list items; [`rules`] says which badges each sentence earns
//! (with [`rules::clause`] for negation and actor); [`resolve`] settles
//! conflicts at document level; [`detect`] judges whether the text is a
//! policy at all; [`analysis`] ties them together into a [`Summary`].
//! [`diff`] compares two versions, [`eval`] scores the analyzer against
//! labeled policies, [`taxonomy`] holds the badge definitions.

pub mod analysis;
pub mod compiled;
pub mod detect;
pub mod diff;
pub mod document;
pub mod links;
pub mod resolve;
pub mod rules;
pub mod summary;
pub mod taxonomy;
pub mod text;

pub use analysis::{analyze, analyze_as, practices, Mode, MAX_EVIDENCE, MAX_INPUT_BYTES};
pub use diff::{diff, diff_records, BadgeRecord, Diff, EvidenceRecord};
pub use summary::{Badge, Evidence, Summary};
pub use taxonomy::{markdown_table, taxonomy, BadgeId, Group, Polarity, Taxonomy};
