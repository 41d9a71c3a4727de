//! Integration tests of the core, one binary (see `autotests = false`).

mod behavior;
mod fixtures;
mod limits;
mod non_policies;
mod phrases;
#[cfg(not(target_arch = "wasm32"))]
mod properties;
mod readme;
mod seeds;
