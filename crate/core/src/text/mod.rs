//! The text pipeline: cut a page into headings, sentences and list items
//! ([`segment`]) and give each the plain form rules match against
//! ([`normalize`]).

pub mod normalize;
pub mod segment;

pub use segment::{count_words, Segment, SegmentKind};
