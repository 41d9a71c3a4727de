//! The page fixtures (`tests/fixtures/pages/<case>/page.html` +
//! `expected.json`) through the CLI's HTML reader: each page is a policy or
//! not, and earns exactly the badges expected. The e2e suites of both
//! browsers check the same pages through a real toolbar click
//! (`tests/e2e/mirrored-tests.mjs`), so both doors give the same answer.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

/// `expected.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    is_policy: bool,
    badges: Vec<String>,
}

/// What `policy-badges analyze` says of a page, as far as this test reads.
#[derive(Deserialize)]
struct Summary {
    is_policy: bool,
    badges: Vec<Badge>,
}

#[derive(Deserialize)]
struct Badge {
    id: String,
}

fn pages() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pages");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/pages is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.join("page.html").exists())
        .collect();
    pages.sort();
    pages
}

#[test]
fn every_page_reads_as_expected_through_the_html_reader() {
    let pages = pages();
    assert!(pages.len() >= 12, "at least 12 page fixtures, found {}", pages.len());
    let mut failures = Vec::new();
    for page in &pages {
        let name = page.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let expected: Expected =
            serde_json::from_str(&std::fs::read_to_string(page.join("expected.json")).expect("expected.json"))
                .unwrap_or_else(|e| panic!("{name}/expected.json: {e}"));
        let output = Command::new(env!("CARGO_BIN_EXE_policy-badges"))
            .arg("analyze")
            .arg(page.join("page.html"))
            .output()
            .expect("the CLI runs");
        assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
        let summary: Summary = serde_json::from_slice(&output.stdout).expect("analyze prints a summary");
        let mut badges: Vec<String> = summary.badges.into_iter().map(|b| b.id).collect();
        badges.sort();
        let mut wanted = expected.badges.clone();
        wanted.sort();
        if summary.is_policy != expected.is_policy || badges != wanted {
            failures.push(format!(
                "{name}: is_policy {} (expected {}), badges {badges:?} (expected {wanted:?})",
                summary.is_policy, expected.is_policy
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
