//! The rule files as written: `lexicon/*.toml`, `badges/*.toml`,
//! `clause.toml`, `detect.toml` and `resolve.toml` (see `rules/README.md`).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

/// Every rule file, parsed.
pub struct Sources {
    /// Lexicon entries by name, each with the file that defines it.
    pub lexicon: BTreeMap<String, (String, Vec<String>)>,
    /// Every badge rule, in file order (files by name).
    pub rules: Vec<Located<Rule>>,
    /// The files of named patterns, by name without `.toml`.
    pub pattern_files: Vec<Located<PatternFile>>,
    /// Document-level resolution.
    pub resolve: Located<Resolve>,
}

/// A value with the place it was written, for messages and for `explain`.
pub struct Located<T> {
    /// `badges/sharing.toml:12`: the file under `rules/` and the line.
    pub place: String,
    /// The value.
    pub value: T,
}

/// One `[[rule]]` of a `badges/*.toml` file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Badge earned when the statement is affirmed.
    pub earns: Option<String>,
    /// Badge earned when the statement is denied.
    pub denied: Option<String>,
    /// Badge an affirmed statement withdraws from the whole document: a
    /// practice no badge names that contradicts one ("we also buy data
    /// about you from brokers" against "collects only what you give").
    pub contradicts: Option<String>,
    /// Whose statement it must be: `site` (default), `reader`, `anyone`.
    #[serde(default)]
    pub actor: Actor,
    /// The phrases, any one of which the rule looks for.
    #[serde(rename = "match")]
    pub phrases: Vec<String>,
    /// Phrases one of which the sentence (or its lead-in) must also hold.
    #[serde(default)]
    pub also: Vec<String>,
    /// Phrases one of which the sentence, its lead-in, the sentence before
    /// or its heading must hold.
    #[serde(default)]
    pub context: Vec<String>,
    /// Phrases any of which, in the clause of the match, keeps an affirmed
    /// statement from earning.
    #[serde(default)]
    pub unless: Vec<String>,
    /// Phrases the rule's own phrase may stand inside without earning
    /// ("cookie" inside "cookie banner").
    #[serde(default, rename = "not-inside")]
    pub not_inside: Vec<String>,
    /// Whether the practice is a contingency that policies state
    /// conditionally ("if we are acquired", "if the law requires it"): a
    /// hypothetical clause does not keep it from earning.
    #[serde(default)]
    pub contingent: bool,
}

/// Whose practice a rule's statement has to be about.
#[derive(Deserialize, Default, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum Actor {
    /// The site's own practice.
    #[default]
    Site,
    /// What the reader can do.
    Reader,
    /// Anyone's but other sites': the topic alone earns the badge.
    Anyone,
}

/// A file of named patterns (`clause.toml`, `links.toml`, `evidence.toml`,
/// `detect.toml`): each key a list of phrases, compiled as one pattern the
/// core asks for by name; and, under `[words]`, plain word lists.
#[derive(Deserialize)]
pub struct PatternFile {
    /// Word lists, by name (not compiled: the core compares words).
    #[serde(default)]
    pub words: BTreeMap<String, Vec<String>>,
    /// Patterns, by name.
    #[serde(flatten)]
    pub patterns: BTreeMap<String, Vec<String>>,
}

/// `resolve.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resolve {
    pub implies: Vec<Implies>,
    pub beats: Vec<Beats>,
}

/// A finding that entails another.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Implies {
    pub found: String,
    pub entails: String,
}

/// A disclosure that withdraws a denial.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Beats {
    pub disclosure: String,
    pub withdraws: String,
}

/// The files of named patterns, each read by one part of the core.
pub const PATTERN_FILES: [&str; 4] = ["clause.toml", "links.toml", "evidence.toml", "detect.toml"];

/// A `badges/*.toml` file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BadgeFile {
    rule: Vec<Spanned<Rule>>,
}

impl Sources {
    /// Reads every file under `dir`.
    pub fn read(dir: &Path) -> Result<Sources, String> {
        let mut lexicon = BTreeMap::new();
        for (name, text) in files(dir, "lexicon")? {
            let entries: BTreeMap<String, Vec<String>> = parse(&name, &text)?;
            for (entry, phrases) in entries {
                if let Some((other, _)) = lexicon.insert(entry.clone(), (name.clone(), phrases)) {
                    return Err(format!("{name}: lexicon entry {entry} is also defined in {other}"));
                }
            }
        }
        let mut rules = Vec::new();
        for (name, text) in files(dir, "badges")? {
            let file: BadgeFile = parse(&name, &text)?;
            for rule in file.rule {
                let place = format!("{name}:{}", line_of(&text, rule.span().start));
                rules.push(Located { place, value: rule.into_inner() });
            }
        }
        let pattern_files = PATTERN_FILES.iter().map(|name| single(dir, name)).collect::<Result<_, _>>()?;
        Ok(Sources { lexicon, rules, pattern_files, resolve: single(dir, "resolve.toml")? })
    }
}

/// `(name under rules/, text)` of every `.toml` in `dir/sub`, by name.
fn files(dir: &Path, sub: &str) -> Result<Vec<(String, String)>, String> {
    let entries = std::fs::read_dir(dir.join(sub)).map_err(|e| format!("cannot read rules/{sub}: {e}"))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("cannot list rules/{sub}: {e}"))?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            let name = format!("{sub}/{}", path.file_name().unwrap_or_default().to_string_lossy());
            let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {name}: {e}"))?;
            files.push((name, text));
        }
    }
    files.sort();
    Ok(files)
}

/// The one file `name` of `dir`, parsed.
fn single<T: for<'de> Deserialize<'de>>(dir: &Path, name: &str) -> Result<Located<T>, String> {
    let text = std::fs::read_to_string(dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"))?;
    Ok(Located { place: name.to_string(), value: parse(name, &text)? })
}

fn parse<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(String::new(), |span| format!(":{}", line_of(text, span.start)));
        format!("{name}{line}: {}", e.message())
    })
}

/// The 1-based line of byte `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}
