//! Integration tests of the core, one binary (see `autotests = false`).

mod fixtures;
mod limits;
mod non_policies;
mod phrases;
mod properties;
mod seeds;
