#!/usr/bin/env bash
# The wasm API tests (crate/wasm/tests/web.rs) in headless Chromium and
# Firefox, through wasm-bindgen's test runner. WASM_BINDGEN_USE_BROWSER
# makes the runner use the browser; browser and flags come from
# crate/wasm/webdriver.json.
set -euo pipefail
cd "$(dirname "$0")/../crate/wasm"
export PATH="$HOME/.cargo/bin:$PATH"
export WASM_BINDGEN_USE_BROWSER=1
wasm-pack test --headless --chrome --chromedriver "$(command -v chromedriver)" --mode no-install . --test web
wasm-pack test --headless --firefox --geckodriver "$(command -v geckodriver)" --mode no-install . --test web
