//! Lexicon references: `{name}` in a phrase stands for every phrase of the
//! lexicon entry `name` (entries may use other entries, never themselves).

use std::collections::BTreeMap;

/// Lexicon entries by name: `(file, phrases)`.
pub type Lexicon = BTreeMap<String, (String, Vec<String>)>;

/// Deepest chain of entries using entries: deeper means a cycle.
const MAX_DEPTH: usize = 16;

/// One pattern of the phrase language for a list of alternative phrases
/// with their `{name}`s expanded.
pub fn alternatives(phrases: &[String], lexicon: &Lexicon) -> Result<String, String> {
    alternatives_at(phrases, lexicon, 0)
}

fn alternatives_at(phrases: &[String], lexicon: &Lexicon, depth: usize) -> Result<String, String> {
    if phrases.is_empty() {
        return Err("an empty list of phrases".into());
    }
    let expanded = phrases.iter().map(|phrase| expand(phrase, lexicon, depth)).collect::<Result<Vec<_>, _>>()?;
    Ok(match expanded.as_slice() {
        [one] => one.clone(),
        _ => format!("({})", expanded.join("|")),
    })
}

/// `phrase` with each `{name}` replaced by its entry's alternatives.
fn expand(phrase: &str, lexicon: &Lexicon, depth: usize) -> Result<String, String> {
    let mut out = String::with_capacity(phrase.len());
    let mut rest = phrase;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').ok_or_else(|| format!("unclosed {{ in {phrase:?}"))? + open;
        let name = &rest[open + 1..close];
        let (_, phrases) = lexicon.get(name).ok_or_else(|| format!("no lexicon entry {{{name}}} (in {phrase:?})"))?;
        if depth >= MAX_DEPTH {
            return Err(format!("lexicon entry {{{name}}} uses itself"));
        }
        // Grouped: a one-phrase entry may still hold alternatives.
        out.push('(');
        out.push_str(&alternatives_at(phrases, lexicon, depth + 1)?);
        out.push(')');
        rest = &rest[close + 1..];
    }
    if rest.contains('}') {
        return Err(format!("a }} without {{ in {phrase:?}"));
    }
    out.push_str(rest);
    Ok(out)
}
