//! The `policy-badges` binary end to end: `batch` over directories and
//! manifests.

mod cli {
    mod batch;
    mod support;
}
