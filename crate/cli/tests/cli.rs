//! The `policy-badges` binary end to end: `batch` over directories and
//! manifests, `timeline` over a git repository the tests build themselves.

mod cli {
    mod batch;
    mod support;
    mod timeline;
}
