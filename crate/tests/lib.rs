//! Integration tests of the core, one binary (see `autotests = false`).

mod fixtures;
mod phrases;
mod seeds;
