//! The seed policies and their expectations, shared by the test modules.

use serde::Deserialize;
use std::collections::BTreeMap;

/// A seed policy: file name and text.
pub struct Seed {
    pub name: &'static str,
    pub text: &'static str,
}

/// Every seed policy, embedded so the same data drives every test binary.
pub const SEEDS: &[Seed] = &[
    Seed { name: "activexperts-2012.md", text: include_str!("../../../tests/fixtures/seeds/activexperts-2012.md") },
    Seed { name: "centercode-2014.md", text: include_str!("../../../tests/fixtures/seeds/centercode-2014.md") },
    Seed { name: "codesector-2012.md", text: include_str!("../../../tests/fixtures/seeds/codesector-2012.md") },
    Seed { name: "codesector-2018.md", text: include_str!("../../../tests/fixtures/seeds/codesector-2018.md") },
    Seed { name: "softperfect-2010.md", text: include_str!("../../../tests/fixtures/seeds/softperfect-2010.md") },
];

/// What a careful reader must and must not see in one seed.
#[derive(Deserialize)]
pub struct Expectation {
    pub must: Vec<String>,
    pub must_not: Vec<String>,
}

/// A badge-level change between two seeds.
#[derive(Deserialize)]
pub struct Change {
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

/// `expected.json`.
#[derive(Deserialize)]
pub struct Expected {
    pub policies: BTreeMap<String, Expectation>,
    pub changes: BTreeMap<String, Change>,
}

/// Parses `tests/fixtures/seeds/expected.json`.
pub fn expected() -> Expected {
    serde_json::from_str(include_str!("../../../tests/fixtures/seeds/expected.json")).expect("expected.json parses")
}

/// The seed named `name`.
pub fn seed(name: &str) -> &'static Seed {
    SEEDS.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no seed {name}"))
}
