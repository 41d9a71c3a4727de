//! Readable terminal output: grouped badges with good/bad/info marks and one
//! evidence line each.

use std::fmt::Write;
use std::io::IsTerminal;

use clap::ValueEnum;
use policy_badges::{Diff, Group, Polarity, Summary};

/// Longest evidence excerpt printed, in characters.
const EXCERPT_CHARS: usize = 110;

/// When to use color.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// ANSI styling, or none.
pub struct Style {
    color: bool,
}

impl Style {
    /// Decides on color once, from the choice and the environment.
    pub fn new(choice: ColorChoice) -> Style {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        };
        Style { color }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn mark(&self, polarity: Polarity) -> String {
        match polarity {
            Polarity::Good => self.paint("32", "✓ good"),
            Polarity::Bad => self.paint("31", "✗ bad "),
            Polarity::Info => self.paint("36", "i info"),
        }
    }
}

/// A count and its noun, singular or plural: "1 policy", "3 policies".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A summary as grouped lines: mark, label, and the first evidence sentence.
pub fn summary(summary: &Summary, style: &Style) -> String {
    let mut out = String::new();
    if !summary.is_policy && !summary.excerpt {
        let _ = writeln!(out, "{} {}", style.paint("1", "This doesn't look like a privacy policy."), summary.reason);
        return out;
    }
    let count = |p: Polarity| summary.badges.iter().filter(|b| b.polarity == p).count();
    let _ = writeln!(
        out,
        "{}  {} concerns · {} protections · {} facts  ({} words{})",
        style.paint("1", if summary.excerpt { "Excerpt" } else { "Privacy policy" }),
        count(Polarity::Bad),
        count(Polarity::Good),
        count(Polarity::Info),
        summary.words,
        if summary.truncated { ", only the beginning was analyzed" } else { "" },
    );
    for group in Group::ALL {
        let badges: Vec<_> = summary.badges.iter().filter(|b| b.group == group).collect();
        if badges.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", style.paint("1;4", group.label()));
        for badge in badges {
            let _ = writeln!(out, "  {} {}", style.mark(badge.polarity), style.paint("1", badge.label));
            if let Some(evidence) = badge.evidence.first() {
                let _ = writeln!(out, "           {}", style.paint("2", &excerpt(&evidence.text)));
            }
        }
    }
    out
}

/// A diff as lines: `+` added badges with their new evidence, `-` removed
/// ones with their old evidence, `~` badges whose evidence changed.
pub fn diff(diff: &Diff, old: &Summary, new: &Summary, style: &Style) -> String {
    let mut out = String::new();
    if diff.is_empty() {
        out.push_str("No badge changed.\n");
        return out;
    }
    let line = |out: &mut String, sign: &str, code: &str, id: &str, from: &Summary| {
        let badge = from.badges.iter().find(|b| b.id == id);
        let label = badge.map_or(id, |b| b.label);
        let _ = writeln!(out, "{} {} ({id})", style.paint(code, sign), style.paint("1", label));
        if let Some(evidence) = badge.and_then(|b| b.evidence.first()) {
            let _ = writeln!(out, "    {}", style.paint("2", &excerpt(&evidence.text)));
        }
    };
    for id in &diff.added {
        line(&mut out, "+", "32", id, new);
    }
    for id in &diff.removed {
        line(&mut out, "-", "31", id, old);
    }
    for id in &diff.changed_evidence {
        line(&mut out, "~", "33", id, new);
    }
    out
}

/// Every sentence with a rule match: the sentence, then one line per match
/// (badge earned or why none, where the rule is written, the matched words).
pub fn explanations(text: &str) -> String {
    let mut out = String::new();
    for explanation in policy_badges::analysis::explain(text) {
        let _ = writeln!(out, "{}", excerpt(&explanation.sentence));
        for hit in explanation.hits {
            let badge = hit.badge.map_or("-", |b| b.as_str());
            let _ = writeln!(
                out,
                "    {badge:<22} {:<16} {:<24} {:?}",
                format!("{:?}", hit.outcome),
                hit.place,
                &explanation.normalized[hit.matched]
            );
        }
    }
    out
}

/// The first [`EXCERPT_CHARS`] characters of a sentence, quoted.
fn excerpt(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("\u{201C}{}…\u{201D}", &flat[..cut]),
        None => format!("\u{201C}{flat}\u{201D}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_short_and_flat() {
        assert_eq!(excerpt("We  use\ncookies."), "\u{201C}We use cookies.\u{201D}");
        let long = "word ".repeat(50);
        assert!(excerpt(&long).chars().count() <= EXCERPT_CHARS + 3);
    }

    #[test]
    fn plain_style_has_no_escapes() {
        let style = Style::new(ColorChoice::Never);
        assert_eq!(style.paint("31", "x"), "x");
        assert!(Style::new(ColorChoice::Always).paint("31", "x").contains("\x1b[31m"));
    }
}
