//! Running the binary and reading what it wrote.

use std::path::Path;
use std::process::{Command, Output};

/// A privacy policy short enough to read in a test, in three versions:
/// the second sells data instead of promising not to, the third adds
/// encryption.
pub const POLICY_V1: &str = include_str!("../fixtures/acme-policy.md");

/// The second version: selling instead of not selling.
pub fn policy_v2() -> String {
    POLICY_V1.replace(
        "We never sell your personal information to anyone.",
        "We may sell your personal information to advertising partners.",
    )
}

/// The third version: encryption added.
pub fn policy_v3() -> String {
    policy_v2().replace(
        "We use cookies to remember your preferences.",
        "We use cookies to remember your preferences. All data is encrypted in transit using SSL.",
    )
}

/// Runs `policy-badges ARGS` and returns what it did.
pub fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policy-badges")).args(args).current_dir(dir).output().expect("the binary runs")
}

/// Runs `policy-badges ARGS`, expecting success; returns stdout and stderr.
pub fn run_ok(args: &[&str], dir: &Path) -> (String, String) {
    let output = run(args, dir);
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8 errors");
    assert!(output.status.success(), "policy-badges {args:?} failed: {stderr}");
    (stdout, stderr)
}

/// Parses JSON Lines.
pub fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines().map(|line| serde_json::from_str(line).expect("a JSON line")).collect()
}

/// The badge ids of a JSON array of strings.
pub fn strings(value: &serde_json::Value) -> Vec<&str> {
    value.as_array().expect("an array").iter().map(|v| v.as_str().expect("a string")).collect()
}
