//! The behavioral suite: for every badge, a data file of sentences written
//! for this project in its own words (`tests/behavior/<id>.toml`, format in
//! `tests/behavior/README.md`): ways policies state the practice in several
//! registers, denials of it, statements about other parties, conditional or
//! user-action sentences and rights lists, each with the badges it must and
//! must not earn when read as an excerpt. None is taken from a corpus: they
//! check that the rules follow how policies phrase things in general.

use std::collections::BTreeMap;
use std::path::Path;

use policy_badges::{practices, BadgeId};
use serde::Deserialize;

/// A `tests/behavior/<id>.toml` file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    badge: String,
    case: Vec<Case>,
}

/// One sentence (or a few lines), and what it must and must not earn.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    kind: Kind,
    register: Option<Register>,
    text: String,
    earns: Vec<String>,
    not: Vec<String>,
}

/// What a case says about the file's badge.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
enum Kind {
    Affirmative,
    Denial,
    OtherParty,
    Conditional,
    RightsList,
}

/// How an affirmative case is written.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
enum Register {
    Legalese,
    Plain,
    Bullet,
    Qa,
    AppStore,
    Table,
    Label,
}

/// The least each file holds, by kind (issue: "≥ 12 affirmative phrasings
/// across registers, ≥ 4 denials, ≥ 2 statements about other sites or
/// parties, ≥ 2 conditional or user-action sentences, ≥ 1 rights-list").
const FLOORS: &[(Kind, usize)] =
    &[(Kind::Affirmative, 12), (Kind::Denial, 4), (Kind::OtherParty, 2), (Kind::Conditional, 2), (Kind::RightsList, 1)];

/// Registers the affirmative cases of a file must spread over, at least.
const MIN_REGISTERS: usize = 4;

fn files() -> BTreeMap<String, CaseFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/behavior");
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("tests/behavior is readable") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let name = path.file_stem().and_then(|s| s.to_str()).expect("a UTF-8 name").to_string();
            let text = std::fs::read_to_string(&path).expect("a readable case file");
            let file: CaseFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}.toml: {e}"));
            files.insert(name, file);
        }
    }
    files
}

#[test]
fn every_badge_has_a_full_case_file() {
    let files = files();
    let mut problems = Vec::new();
    for &badge in BadgeId::ALL {
        let Some(file) = files.get(badge.as_str()) else {
            problems.push(format!("{}: no tests/behavior/{0}.toml", badge.as_str()));
            continue;
        };
        if file.badge != badge.as_str() {
            problems.push(format!("{}.toml says badge = {:?}", badge.as_str(), file.badge));
        }
        for &(kind, floor) in FLOORS {
            let count = file.case.iter().filter(|c| c.kind == kind).count();
            if count < floor {
                problems.push(format!("{}: {count} {kind:?} cases, fewer than {floor}", badge.as_str()));
            }
        }
        let mut registers: Vec<Register> = file.case.iter().filter_map(|c| c.register).collect();
        registers.sort();
        registers.dedup();
        if registers.len() < MIN_REGISTERS {
            problems.push(format!("{}: affirmative cases in {} registers only", badge.as_str(), registers.len()));
        }
        for case in &file.case {
            let ids = case.earns.iter().chain(&case.not);
            problems.extend(ids.filter(|id| BadgeId::parse(id).is_none()).map(|id| format!("unknown id {id}")));
            if case.kind == Kind::Affirmative && !case.earns.contains(&file.badge) {
                problems.push(format!("{}: an affirmative case that does not earn it: {:?}", file.badge, case.text));
            }
        }
    }
    problems
        .extend(files.keys().filter(|name| BadgeId::parse(name).is_none()).map(|n| format!("{n}.toml: no such badge")));
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_case_earns_what_it_says_and_nothing_it_must_not() {
    let files = files();
    let (mut cases, mut failures) = (0, Vec::new());
    for (name, file) in &files {
        for case in &file.case {
            cases += 1;
            let found: Vec<&str> = practices(&case.text).into_iter().map(BadgeId::as_str).collect();
            let missing: Vec<&String> = case.earns.iter().filter(|id| !found.contains(&id.as_str())).collect();
            let wrong: Vec<&String> = case.not.iter().filter(|id| found.contains(&id.as_str())).collect();
            if !missing.is_empty() || !wrong.is_empty() {
                failures.push(format!(
                    "{name} [{:?}] missing {missing:?} wrongly {wrong:?} in {:?} (found {found:?})",
                    case.kind, case.text
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {cases} cases fail:\n{}", failures.len(), failures.join("\n"));
}
