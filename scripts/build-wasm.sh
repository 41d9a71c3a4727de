#!/usr/bin/env bash
# Builds the wasm package of crate/ into pkg/ (what the extension ships).
# Size settings: opt-level "z" for this build only (the native CLI keeps
# opt-level 3), plus the workspace's lto, codegen-units 1 and strip.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
# --mode no-install: use the wasm-bindgen on PATH (scripts/setup.sh pins it)
# instead of downloading one.
wasm-pack build crate --release --target web --out-dir ../pkg --out-name policy_badges \
  --no-typescript --no-pack --mode no-install
rm -f pkg/.gitignore
