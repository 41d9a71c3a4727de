//! Reads a policy from a file or stdin, as text.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::html;

/// Bytes looked at to tell binary files from text.
const SNIFF_BYTES: usize = 8192;

/// Reads `path` (`-` for stdin) as text: HTML files are reduced to their
/// visible text, invalid UTF-8 is decoded lossily with a warning, binary
/// files and directories are refused.
pub fn read(path: &Path) -> Result<String> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).context("cannot read standard input")?;
        bytes
    } else {
        if path.is_dir() {
            bail!("{name} is a directory; give a policy file (.txt, .md or .html)");
        }
        match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!("{name}: no such file"),
            Err(e) => return Err(e).context(format!("cannot read {name}")),
        }
    };
    let decoded = decode(path, bytes)?;
    if decoded.lossy {
        eprintln!("policy-badges: warning: {name} {LOSSY}");
    }
    Ok(decoded.text)
}

/// What a lossy decoding means, after the file's name.
pub const LOSSY: &str = "is not valid UTF-8; undecodable bytes are shown as \u{FFFD}";

/// A file's bytes as the text the analyzer reads.
pub struct Decoded {
    /// The text (HTML already reduced to its visible text).
    pub text: String,
    /// Whether invalid UTF-8 was replaced by U+FFFD.
    pub lossy: bool,
}

/// Turns the bytes of the file at `path` into text: binary content is
/// refused, invalid UTF-8 is decoded lossily (and said so), HTML (by name or
/// doctype) is reduced to its visible text.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<Decoded> {
    if looks_binary(&bytes) {
        bail!("{} looks like a binary file, not a text or HTML policy", path.display());
    }
    let (text, lossy) = match String::from_utf8(bytes) {
        Ok(text) => (text, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    };
    let text = if is_html(path, &text) { html::visible_text(&text) } else { text };
    Ok(Decoded { text, lossy })
}

/// Binary files hold NUL bytes, which text never does.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0)
}

fn is_html(path: &Path, text: &str) -> bool {
    let by_name = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let head = text.trim_start().get(..15).unwrap_or("").to_ascii_lowercase();
    by_name || head.starts_with("<!doctype html") || head.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(looks_binary(b"PK\x03\x04\x00\x00"));
        assert!(!looks_binary("We use cookies. ï¿½".as_bytes()));
    }

    #[test]
    fn html_is_known_by_name_or_doctype() {
        assert!(is_html(Path::new("p.HTML"), ""));
        assert!(is_html(Path::new("-"), "  <!DOCTYPE html><p>x"));
        assert!(!is_html(Path::new("p.md"), "# Privacy"));
    }
}
