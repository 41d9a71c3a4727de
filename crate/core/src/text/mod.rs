//! The text pipeline: cut a page into headings and statements
//! ([`segment`], reading each line with [`line`] and each paragraph's
//! sentences with [`sentence`]) and give each the plain form rules match
//! against ([`normalize`]).

pub mod chars;
pub mod line;
pub mod normalize;
pub mod segment;
pub mod sentence;

pub use chars::count_words;
pub use segment::{Segment, SegmentKind};
