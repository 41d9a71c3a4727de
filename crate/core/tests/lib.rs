//! Integration tests of the core, one binary (see `autotests = false`).

mod behavior;
mod evidence_order;
mod fixtures;
mod limits;
mod non_policies;
mod properties;
mod readme;
mod seeds;
