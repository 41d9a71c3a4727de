#!/usr/bin/env bash
# Builds the wasm package of crate/ into pkg/ (what the extension ships).
# Settings: opt-level "s" for this build only (the native CLI keeps
# opt-level 3), plus the workspace's lto, codegen-units 1 and strip. "s"
# over "z": about 10 KB more gzip for a first analysis that takes 18 ms
# instead of 27 in the engine's first tier, and half the time after
# (npm run bench measures both).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# The module ships the rule library compiled ahead of time, without the
# pattern compiler (crate/src/rules/saved.rs): refuse to build a stale one.
if ! check=$(cargo test --quiet --lib saved_library_is_fresh 2>&1); then
  echo "$check" >&2
  echo "crate/src/rules/library.bin does not match the rules in crate/src/rules/: run npm run rules:save" >&2
  exit 1
fi
export CARGO_PROFILE_RELEASE_OPT_LEVEL=s
# --mode no-install: use the wasm-bindgen on PATH (scripts/setup.sh pins it)
# instead of downloading one.
wasm-pack build crate --release --target web --out-dir ../pkg --out-name policy_badges \
  --no-typescript --no-pack --mode no-install
rm -f pkg/.gitignore
