#!/usr/bin/env bash
# Installs every tool the build and the tests need, idempotently, only from
# the package registries (Debian, crates.io, npm). Each step is skipped when
# the right version is already on PATH, so a second run takes seconds.
set -euo pipefail

cd "$(dirname "$0")/.."

# Pinned in one place each: the toolchain in rust-toolchain.toml, the
# wasm-bindgen version in Cargo.toml (the crate and its CLI must match).
RUST_TOOLCHAIN=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1

export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$1"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

have_version() { # have_version CMD VERSION: CMD --version mentions VERSION
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}

step "Debian packages: chromium, chromium-driver, firefox-esr"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  echo "already installed"
fi

step "Rust toolchain $RUST_TOOLCHAIN (rust-toolchain.toml)"
if rustup toolchain list | grep -q "^$RUST_TOOLCHAIN"; then
  echo "already installed"
else
  rustup toolchain install "$RUST_TOOLCHAIN" --profile minimal -c clippy -c rustfmt -t wasm32-unknown-unknown
fi

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "already installed"
else
  rustup target add wasm32-unknown-unknown
fi

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
# Not --locked: its lock file names a webpki-roots version crates.io lacks.
have_version wasm-bindgen "$WASM_BINDGEN_VERSION" && echo "already installed" ||
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force

step "wasm-pack $WASM_PACK_VERSION"
have_version wasm-pack "$WASM_PACK_VERSION" && echo "already installed" ||
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force

step "geckodriver $GECKODRIVER_VERSION"
have_version geckodriver "$GECKODRIVER_VERSION" && echo "already installed" ||
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force

if [ -f package-lock.json ]; then
  step "npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
