#!/usr/bin/env bash
# Builds the wasm package of crate/wasm into pkg/ (what the extension ships).
# Settings: opt-level "s" for this build only (the native CLI keeps
# opt-level 3), plus the workspace's lto, codegen-units 1 and strip. "s"
# over "z": about 10 KB more gzip for a first analysis that takes 18 ms
# instead of 27 in the engine's first tier, and half the time after
# (npm run bench measures both). The rules are compiled by the core's
# build script, for this build as for every other: nothing to refresh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_PROFILE_RELEASE_OPT_LEVEL=s
# --mode no-install: use the wasm-bindgen on PATH (scripts/setup.sh pins it)
# instead of downloading one.
wasm-pack build crate/wasm --release --target web --out-dir ../../pkg --out-name policy_badges \
  --no-typescript --no-pack --mode no-install
rm -f pkg/.gitignore
