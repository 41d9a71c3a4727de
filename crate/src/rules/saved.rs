//! The rule library, compiled ahead of time and saved in `library.bin`.
//!
//! Compiling every pattern takes ~6 ms natively and ~30 ms the first time
//! in wasm (before the engine has optimized the code), which a person would
//! feel on the first click; reading the saved library takes a fraction of
//! that. The file starts with a key: a hash of the patterns it was compiled
//! from. When the rules change and the key no longer matches, the native
//! build compiles the library from the patterns as before, so results never
//! depend on the file being fresh. The wasm build leaves the pattern
//! compiler out (it is a fifth of the module) and relies on the file:
//! `scripts/build-wasm.sh` refuses to build with a stale one, and the
//! `saved_library_is_fresh` test fails until it is written again:
//!
//! ```text
//! npm run rules:save    # UPDATE_LIBRARY=1 cargo test --lib saved_library_is_fresh
//! ```

use std::hash::Hasher;

use super::table;
use crate::phrase::trie::Fnv;
use crate::phrase::Library;

/// The saved library: its key (8 bytes, little-endian), then its bytes.
static SAVED: &[u8] = include_bytes!("library.bin");

/// The library of `sources`, the rules' patterns by id (`{NAME}`s not yet
/// expanded): the saved one if it was compiled from them, else compiled now.
pub fn library(sources: &[&str]) -> Result<Library, String> {
    let saved = SAVED.split_first_chunk::<8>().filter(|(key, _)| u64::from_le_bytes(**key) == key_of(sources));
    match saved.map(|(_, bytes)| Library::from_bytes(bytes)) {
        Some(Ok(library)) => Ok(library),
        _ => compile(sources),
    }
}

/// Compiles `sources` (expanding their `{NAME}`s).
#[cfg(not(target_arch = "wasm32"))]
pub fn compile(sources: &[&str]) -> Result<Library, String> {
    let expanded: Vec<String> = sources.iter().map(|source| table::expand(source)).collect();
    Library::build(&expanded)
}

/// The wasm build has no pattern compiler: the saved library must match.
#[cfg(target_arch = "wasm32")]
pub fn compile(_sources: &[&str]) -> Result<Library, String> {
    Err("crate/src/rules/library.bin does not match the rules: run `npm run rules:save`".into())
}

/// A hash of the patterns and the fragments they use.
fn key_of(sources: &[&str]) -> u64 {
    let mut hasher = Fnv::default();
    let fragments = table::FRAGMENTS.iter().flat_map(|(name, fragment)| [*name, *fragment]);
    for text in fragments.chain(sources.iter().copied()) {
        hasher.write(text.as_bytes());
        hasher.write(&[0xff]); // never in UTF-8: texts cannot run together
    }
    hasher.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))] // they compile rules
mod tests {
    use super::*;
    use crate::rules::Plan;

    /// What [`SAVED`] should hold for `sources`.
    fn saved_form(sources: &[&str]) -> Result<Vec<u8>, String> {
        let mut saved = key_of(sources).to_le_bytes().to_vec();
        saved.extend(compile(sources)?.to_bytes());
        Ok(saved)
    }

    #[test]
    fn saved_library_is_fresh() {
        let fresh = saved_form(&Plan::of(table::RULES).sources).unwrap_or_else(|e| panic!("{e}"));
        if std::env::var_os("UPDATE_LIBRARY").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules/library.bin");
            std::fs::write(path, &fresh).unwrap_or_else(|e| panic!("writing {path}: {e}"));
            return;
        }
        assert!(
            SAVED == fresh.as_slice(),
            "crate/src/rules/library.bin is not what the rules compile to: run `npm run rules:save`"
        );
    }

    #[test]
    fn changed_patterns_are_compiled_not_read() {
        let sources = Plan::of(table::RULES).sources;
        let saved = library(&sources).expect("loads");
        let mut changed = sources.clone();
        changed[0] = "cookies";
        let compiled = library(&changed).expect("compiles");
        assert_ne!(saved.to_bytes(), compiled.to_bytes());
        assert_eq!(compiled.to_bytes(), compile(&changed).expect("compiles").to_bytes());
    }

    #[test]
    fn keys_tell_patterns_apart() {
        assert_ne!(key_of(&["ab", "c"]), key_of(&["a", "bc"]));
        assert_ne!(key_of(&["a"]), key_of(&["a", ""]));
        assert_eq!(key_of(&["a", "b"]), key_of(&["a", "b"]));
    }
}
