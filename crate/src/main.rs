//! `policy-badges`: the analyzer on the command line.
//!
//! ```text
//! policy-badges analyze policy.html            # JSON summary
//! policy-badges analyze --format text -        # readable summary of stdin
//! policy-badges diff old.md new.md             # what changed
//! policy-badges eval ../shared/corpus-dev      # accuracy on labeled policies
//! ```

// The CLI reads files and writes to a terminal: it exists on native targets
// only. `wasm-pack test` builds every target for wasm32, where this binary is
// empty.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}
