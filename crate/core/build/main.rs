//! The rules compiler: reads the rule files of `crate/core/rules/` and
//! writes, into `OUT_DIR`, the phrase library the core embeds
//! (`library.bin`, every pattern compiled into one trie) and the tables
//! that say what each pattern is for (`rules.rs`, included by
//! `src/rules/compiled.rs`). Native and wasm builds embed the same bytes;
//! nothing generated is kept in git.
//!
//! A mistake in a rule file (an unknown badge or lexicon entry, a pattern
//! that does not parse) stops the build with the file, the place and why.

mod emit;
mod expand;
mod source;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

// The taxonomy's badge ids, `(id, Variant)`, from the list it is built from.
macro_rules! badge_ids {
    ($($variant:ident = $id:literal),+ $(,)?) => {
        const BADGE_IDS: &[(&str, &str)] = &[$(($id, stringify!($variant))),+];
    };
}
include!("../src/taxonomy/ids.rs");

fn main() -> ExitCode {
    let rules_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo::rerun-if-changed={}", rules_dir.display());
    println!("cargo::rerun-if-changed=src/taxonomy/ids.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    match compile(&rules_dir, &out_dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // One line per problem, as `cargo build` shows them.
            for line in error.lines() {
                println!("cargo::error={line}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Reads every rule file under `rules_dir` and writes the library and the
/// tables into `out_dir`.
fn compile(rules_dir: &Path, out_dir: &Path) -> Result<(), String> {
    let sources = source::Sources::read(rules_dir)?;
    let compiled = emit::Compiled::of(&sources, BADGE_IDS)?;
    std::fs::write(out_dir.join("library.bin"), &compiled.library)
        .map_err(|e| format!("cannot write library.bin: {e}"))?;
    std::fs::write(out_dir.join("rules.rs"), &compiled.tables).map_err(|e| format!("cannot write rules.rs: {e}"))
}
