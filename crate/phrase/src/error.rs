//! The two ways a library can fail to come about: a pattern that does not
//! compile ([`PatternError`]), and bytes that are no saved library
//! ([`BytesError`]).

use std::fmt;

/// A pattern that does not compile, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    pattern: String,
    message: String,
}

impl PatternError {
    #[cfg(feature = "compile")]
    pub(crate) fn new(pattern: &str, message: String) -> PatternError {
        PatternError { pattern: pattern.to_string(), message }
    }

    /// The pattern that failed.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// What is wrong with it, e.g. "unclosed group at 5".
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "in pattern {:?}: {}", self.pattern, self.message)
    }
}

impl std::error::Error for PatternError {}

/// Bytes that [`crate::Library::from_bytes`] cannot read as a library
/// (cut short, damaged, or written by another version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BytesError {
    message: String,
}

impl BytesError {
    pub(crate) fn new(message: String) -> BytesError {
        BytesError { message }
    }
}

impl fmt::Display for BytesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a saved phrase library: {}", self.message)
    }
}

impl std::error::Error for BytesError {}
